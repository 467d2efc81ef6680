<?xml version="1.0" encoding="UTF-8"?>
<!-- absent.xsl: what an imported monograph says its label lacks, one
     statement a line as "TOPIC<tab>TEXT", for tests/import/absence.sh.
     A statement is a none or p whose text says "The label has no" or
     "The label does not"; its topic is the element it sits in
     (boxed-warning: boxed, uses, dosing, contraindications: contra,
     adverse-effects: adverse, interactions: interact, withdrawal),
     "other" elsewhere.  The label's own words ("None.") are not
     monoc's statements and are not listed. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:2">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:for-each select="//m:none | //m:p | //m:summary">
      <xsl:variable name="t" select="normalize-space(.)"/>
      <xsl:if test="contains($t, 'The label has no')
          or contains($t, 'The label does not')">
        <xsl:variable name="e" select="local-name(ancestor::*[parent::m:monograph])"/>
        <xsl:choose>
          <xsl:when test="$e = 'boxed-warning'">boxed</xsl:when>
          <xsl:when test="$e = 'uses' or $e = 'dosing' or $e = 'withdrawal'">
            <xsl:value-of select="$e"/>
          </xsl:when>
          <xsl:when test="$e = 'contraindications'">contra</xsl:when>
          <xsl:when test="$e = 'adverse-effects'">adverse</xsl:when>
          <xsl:when test="$e = 'interactions'">interact</xsl:when>
          <xsl:otherwise>other</xsl:otherwise>
        </xsl:choose>
        <xsl:text>&#9;</xsl:text>
        <xsl:value-of select="$t"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
