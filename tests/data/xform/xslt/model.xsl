<?xml version="1.0" encoding="UTF-8"?>
<!-- Tiny stand-in for xslt/model.xsl, used only by the unit tests of xform.c: the
     monograph itself is its model, so the stand-in formats read either. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:copy-of select="node()"/>
  </xsl:template>
</xsl:stylesheet>
