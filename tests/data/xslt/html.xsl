<?xml version="1.0" encoding="UTF-8"?>
<!-- Tiny stand-in for xslt/html.xsl, used only by the unit tests:
     it renders the document model, as the real one does. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:2" exclude-result-prefixes="m">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:param name="monoc-version"/>
  <xsl:template match="/doc">
    <html><head><title><xsl:value-of select="concat('Model of ', @id)"/></title></head>
    <body><h1><xsl:value-of select="concat('Model of ', @id)"/></h1></body></html>
  </xsl:template>
</xsl:stylesheet>
