<?xml version="1.0" encoding="UTF-8"?>
<!-- Tiny stand-in for xslt/text.xsl, used only by the unit tests:
     it renders the document model, as the real one does. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:2">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/doc">
    <xsl:value-of select="concat('Model of ', @id)"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
