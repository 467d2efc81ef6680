<?xml version="1.0" encoding="UTF-8"?>
<!-- hltext.xsl: the words of an SPL label's Highlights (every
     excerpt/highlight/text), or with all=1 of its sections' text, one
     line, each text node followed by a space, for
     tests/import/highlights.sh. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v="urn:hl7-org:v3">
  <xsl:output method="text" encoding="UTF-8"/>
  <!-- all=1: the words of every section's text instead -->
  <xsl:param name="all" select="0"/>
  <xsl:template match="/">
    <xsl:for-each select="//v:section/v:excerpt/v:highlight/v:text//text()[$all = 0] | //v:section/v:text//text()[$all = 1]">
      <xsl:value-of select="."/>
      <xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
