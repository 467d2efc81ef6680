<?xml version="1.0" encoding="UTF-8"?>
<!-- stopping.xsl: the label's sentences an imported monograph carries
     into its withdrawal section (the summary and the paragraphs without
     cross-references that are not monoc's own "The label ..."), one a
     line, white space collapsed, for tests/import/run.sh, which checks
     each is a sentence of the label. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:2">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:for-each select="/m:monograph/m:withdrawal/*[self::m:summary
        or self::m:p][not(m:xref)][not(starts-with(., 'The label'))]">
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
