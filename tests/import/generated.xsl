<?xml version="1.0" encoding="UTF-8"?>
<!-- generated.xsl: what monoc import writes from a label's parts other
     than its narrative, one a line, for tests/import/run.sh, which
     checks each against the label:
       class TAB text     the drug class it read in the Highlights
       figure TAB text    the caption or alternative text of an image it
                          stands for (empty when the label gives none)
     For a label (an SPL document): one line, "images TAB N", its
     renderMultiMedia elements: no monograph has more figures. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v3="urn:hl7-org:v3"
    xmlns:m="urn:monoc:monograph:2">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/v3:document">
    <xsl:value-of select="concat('images&#9;', count(//v3:renderMultiMedia), '&#10;')"/>
  </xsl:template>

  <xsl:template match="/m:monograph">
    <xsl:for-each select="m:drug/m:drug-class">
      <xsl:value-of select="concat('class&#9;', normalize-space(.), '&#10;')"/>
    </xsl:for-each>
    <xsl:for-each select="//m:figure">
      <xsl:value-of select="concat('figure&#9;', normalize-space(.), '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
