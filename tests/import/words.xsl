<?xml version="1.0" encoding="UTF-8"?>
<!-- words.xsl: the narrative text of an SPL label or the text of a
     monograph, as one stream of words for tests/import/run.sh.  Block
     elements are separated by spaces, inline ones are not, the same way
     on both sides.  A label's narrative is the text of its sections
     (section/text), not the product data (48780-1), the package labels
     (51945-4), the Highlights (excerpt) or the section titles. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v3="urn:hl7-org:v3">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/v3:document">
    <xsl:apply-templates select=".//v3:section[not(ancestor-or-self::v3:section
        [v3:code/@code = '48780-1' or v3:code/@code = '51945-4'
         or v3:subject/v3:manufacturedProduct])]/v3:text"/>
  </xsl:template>

  <xsl:template match="/*[local-name() = 'monograph']">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- inline: no space around -->
  <xsl:template match="v3:content | v3:sub | v3:sup | v3:linkHtml
      | *[local-name() = 'em' or local-name() = 'strong'
          or local-name() = 'sub' or local-name() = 'sup'
          or local-name() = 'xref']">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="*">
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
