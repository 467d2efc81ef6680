<?xml version="1.0" encoding="UTF-8"?>
<!-- hlfacts.xsl: the facts an imported monograph took from its label's
     Highlights (those cited at="Highlights..."), one a line, for
     tests/import/highlights.sh:

       contra TAB TEXT          a contraindication's words
       lcontra TAB TEXT         the same, from a section's list (a
                                label without Highlights)
       effect TAB TEXT          a most common adverse reaction
       agent TAB TEXT           an interaction agent
       ieffect TAB TEXT         an interaction's effect (words)
       use TAB TEXT             a use's condition (unless cut, "...")
       change TAB TEXT          a recent major change's words
       regimen TAB TEXT         a regimen's words (its p)
       dose TAB VALUE TAB TEXT  a dose figure and the words of its
                                regimen
       summary TAB TEXT         one cited part of a boxed warning's or a
                                warning's summary

     Text is the element's words with white space collapsed. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:2">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:variable name="hl" select="'Highlights'"/>

  <xsl:template match="/">
    <xsl:for-each select="//m:contraindication[m:cite[starts-with(@at, $hl)]]">
      <xsl:call-template name="line"><xsl:with-param name="k" select="'contra'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="//m:contraindication[not(m:cite[starts-with(@at, $hl)])]">
      <xsl:call-template name="line"><xsl:with-param name="k" select="'lcontra'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="//m:adverse-effects/m:effect[m:cite[starts-with(@at, $hl)]]">
      <xsl:call-template name="line"><xsl:with-param name="k" select="'effect'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="//m:interaction[m:effect/m:cite[starts-with(@at, $hl)]]">
      <xsl:for-each select="m:agent">
        <xsl:call-template name="line"><xsl:with-param name="k" select="'agent'"/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="m:effect">
        <xsl:call-template name="line"><xsl:with-param name="k" select="'ieffect'"/></xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="//m:use[m:p/m:cite[starts-with(@at, $hl)]]/m:condition[not(contains(., '...'))]">
      <xsl:call-template name="line"><xsl:with-param name="k" select="'use'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="//m:change[m:cite[starts-with(@at, $hl)]]">
      <xsl:call-template name="line"><xsl:with-param name="k" select="'change'"/></xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="//m:regimen/m:p[m:cite[starts-with(@at, $hl)]]">
      <xsl:call-template name="line"><xsl:with-param name="k" select="'regimen'"/></xsl:call-template>
      <xsl:variable name="p" select="normalize-space(.)"/>
      <xsl:for-each select="../*[@low and m:cite[starts-with(@at, $hl)]]">
        <xsl:value-of select="concat('dose&#9;', @low, '&#9;', $p, '&#10;')"/>
        <xsl:if test="@high">
          <xsl:value-of select="concat('dose&#9;', @high, '&#9;', $p, '&#10;')"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
    <!-- a summary: each run of words before a citation -->
    <xsl:for-each select="//m:summary/m:cite[starts-with(@at, $hl)]">
      <xsl:variable name="prev" select="preceding-sibling::m:cite[1]"/>
      <xsl:text>summary&#9;</xsl:text>
      <xsl:choose>
        <xsl:when test="$prev">
          <xsl:value-of select="normalize-space(concat('', ''))"/>
          <xsl:for-each select="preceding-sibling::node()[not(self::m:cite)][count(preceding-sibling::m:cite) = count($prev/preceding-sibling::m:cite) + 1]">
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="preceding-sibling::node()[not(self::m:cite)]">
            <xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="line">
    <xsl:param name="k"/>
    <xsl:value-of select="concat($k, '&#9;', normalize-space(.), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
