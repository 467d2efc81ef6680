<?xml version="1.0" encoding="UTF-8"?>
<!-- text.xsl: tests/tables/check.xsl on the tables as text.xsl draws them. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../../xslt/text.xsl"/>
  <xsl:include href="check.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="p-render">
    <xsl:apply-templates select="." mode="t"/>
  </xsl:template>
  <!-- a grid with header rows has a rule under them, at a line's start -->
  <xsl:template name="p-grid">
    <xsl:param name="r"/>
    <xsl:if test="contains(concat($NL, $r), concat($NL, '--'))">yes</xsl:if>
  </xsl:template>
  <xsl:template name="p-inline">
    <xsl:param name="node"/>
    <xsl:call-template name="inline-string">
      <xsl:with-param name="node" select="$node"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template name="p-line">
    <xsl:param name="path"/>
    <xsl:param name="value"/>
    <xsl:value-of select="concat($path, ': ', $value)"/>
  </xsl:template>
</xsl:stylesheet>
