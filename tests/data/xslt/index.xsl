<?xml version="1.0" encoding="UTF-8"?>
<!-- Tiny stand-in for xslt/index.xsl: lists the entries. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:1" exclude-result-prefixes="m">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/m:index">
    <html><body><ul>
      <xsl:for-each select="m:entry">
        <li><a href="{@id}.html"><xsl:value-of select="."/></a></li>
      </xsl:for-each>
    </ul></body></html>
  </xsl:template>
</xsl:stylesheet>
