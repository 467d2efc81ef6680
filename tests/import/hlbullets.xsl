<?xml version="1.0" encoding="UTF-8"?>
<!-- hlbullets.xsl: the facts of an SPL label's Highlights, one a line,
     for tests/import/keyfacts.sh: "CODE TAB KIND TAB TEXT", CODE the
     LOINC code of the section whose excerpt it is, KIND "p" (a
     paragraph), "item" (a list item's own words) or "row" (a table
     row: its first cell, a tab, the others), TEXT with white space
     collapsed.  Read independently of src/highlights.c. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v="urn:hl7-org:v3">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//v:section[v:excerpt/v:highlight/v:text]">
      <xsl:variable name="code" select="v:code/@code"/>
      <xsl:for-each select="v:excerpt/v:highlight/v:text//v:paragraph[not(ancestor::v:table) and not(ancestor::v:item)]">
        <xsl:value-of select="concat($code, '&#9;p&#9;', normalize-space(.), '&#10;')"/>
      </xsl:for-each>
      <xsl:for-each select="v:excerpt/v:highlight/v:text//v:item[not(ancestor::v:table)]">
        <xsl:variable name="own">
          <xsl:for-each select="node()[not(self::v:list)]">
            <xsl:value-of select="concat(., ' ')"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:value-of select="concat($code, '&#9;item&#9;', normalize-space($own), '&#10;')"/>
      </xsl:for-each>
      <xsl:for-each select="v:excerpt/v:highlight/v:text//v:table//v:tr[v:td]">
        <xsl:value-of select="concat($code, '&#9;row&#9;')"/>
        <xsl:for-each select="v:td">
          <xsl:variable name="cell">
            <xsl:for-each select=".//text()">
              <xsl:value-of select="concat(., ' ')"/>
            </xsl:for-each>
          </xsl:variable>
          <xsl:if test="position() = 2">
            <xsl:text>&#9;</xsl:text>
          </xsl:if>
          <xsl:value-of select="concat(normalize-space($cell), ' ')"/>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
