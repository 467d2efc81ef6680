<?xml version="1.0" encoding="UTF-8"?>
<!-- facts.xsl: the coded facts of an SPL label that its monograph must
     keep, one a line: "ing NAME" for each active ingredient, "str VALUE"
     for each strength's numerator, "dea CODE" for each DEA schedule.
     For a monograph: the same lines from ingredient/@name,
     strength/@amount and legal-status/@controlled.  Used by
     tests/import/run.sh. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v3="urn:hl7-org:v3"
    xmlns:m="urn:monoc:monograph:2">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:variable name="up" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lo" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/v3:document">
    <xsl:for-each select=".//v3:ingredient[starts-with(@classCode, 'ACTI')]
        | .//v3:activeIngredient">
      <xsl:text>ing </xsl:text>
      <xsl:value-of select="translate(normalize-space(
          (v3:ingredientSubstance | v3:activeIngredientSubstance)/v3:name),
          $up, $lo)"/>
      <xsl:text>&#10;str </xsl:text>
      <xsl:value-of select="v3:quantity/v3:numerator/@value"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select=".//v3:policy[@classCode = 'DEADrugSchedule']/v3:code">
      <xsl:text>dea </xsl:text>
      <xsl:value-of select="@code"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/m:monograph">
    <xsl:for-each select="m:drug/m:ingredient">
      <xsl:text>ing </xsl:text>
      <xsl:value-of select="@name"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="m:forms/m:form/m:strength">
      <xsl:text>str </xsl:text>
      <xsl:value-of select="@amount"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="m:drug/m:legal-status">
      <xsl:text>dea </xsl:text>
      <xsl:value-of select="@controlled"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
