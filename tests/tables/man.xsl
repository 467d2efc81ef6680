<?xml version="1.0" encoding="UTF-8"?>
<!-- man.xsl: tests/tables/check.xsl on the tables as man.xsl draws them. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../../xslt/man.xsl"/>
  <xsl:include href="check.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template name="p-render">
    <xsl:apply-templates select="." mode="r"/>
  </xsl:template>
  <!-- a grid is a tbl table -->
  <xsl:template name="p-grid">
    <xsl:param name="r"/>
    <xsl:if test="contains($r, '.TS&#10;')">yes</xsl:if>
  </xsl:template>
  <xsl:template name="p-inline">
    <xsl:param name="node"/>
    <xsl:apply-templates select="$node/node()" mode="rin"/>
  </xsl:template>
  <xsl:template name="p-line">
    <xsl:param name="path"/>
    <xsl:param name="value"/>
    <xsl:value-of select="concat('\fB', $path, ':\fP ', $value)"/>
  </xsl:template>
</xsl:stylesheet>
