<?xml version="1.0" encoding="UTF-8"?>
<!-- Tiny stand-in for xslt/index.xsl: lists the entries, in parts as
     monoc asks (the list items of the groups of <index part="entries">,
     then the page around the comment "entries"). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:1" exclude-result-prefixes="m">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/m:index[@part = 'entries']" priority="1">
    <xsl:apply-templates select="m:group/m:entry"/>
  </xsl:template>
  <xsl:template match="/m:index">
    <html><body><ul>
      <xsl:apply-templates select="m:entry"/>
      <xsl:if test="@entries"><xsl:comment>entries</xsl:comment></xsl:if>
    </ul></body></html>
  </xsl:template>
  <xsl:template match="m:entry">
    <li><a href="{@id}.html"><xsl:value-of select="."/></a></li>
  </xsl:template>
</xsl:stylesheet>
