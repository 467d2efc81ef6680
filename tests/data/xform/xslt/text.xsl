<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries to read a file with document(): the security prefs refuse it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="document('../../ok.xml')"/>
  </xsl:template>
</xsl:stylesheet>
