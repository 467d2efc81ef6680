<?xml version="1.0" encoding="UTF-8"?>
<!--
  meta.xsl: the sidecar entry for the index page:
  <entry xmlns="urn:monoc:monograph:1" id="..." name="generic name"
         class="first drug class, plain text" summary="meta/summary"
         status="published|draft|test-data" reviewed="date, published only"
         labeler="the first label source's publisher"
         date="its effective date" schedule="schedule-II (US), if any"
         set-id="its SPL set id" version="and version">
    <brand name="..."/>...
    <form kind="tablet" release="extended" route="oral" [ingredients="N"]>
      <strength amount="5" unit="mg" in="5" in-unit="mL" ingredient="..."/>...
    </form>...
    <link ref="another monograph it links to"/>...
  </entry>
  Everything but the id, the set id and version is what the index entry
  shows (xslt/index.xsl; the class as the heading of its group), so
  that two entries whose sidecars differ only in those read the same,
  and the index tells them apart by them (src/index.c).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:2"
                xmlns="urn:monoc:monograph:1"
                xmlns:ext="urn:monoc:ext"
                exclude-result-prefixes="m ext">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- A form of more active ingredients than this is given by their
       number ingredients="N", without strengths. -->
  <xsl:variable name="most-ingredients" select="3"/>

  <!-- The first drug class: its text without citations or references. -->
  <xsl:template match="/m:monograph">
    <xsl:variable name="class">
      <xsl:for-each select="m:drug/m:drug-class[1]/node()">
        <xsl:if test="self::text() or self::m:em">
          <xsl:value-of select="."/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="status">
      <xsl:choose>
        <xsl:when test="m:meta/m:status"><xsl:value-of select="normalize-space(m:meta/m:status)"/></xsl:when>
        <xsl:otherwise>published</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="label" select="m:sources/m:source[@type = 'label'][1]"/>
    <xsl:variable name="legal" select="(m:drug/m:legal-status[@jurisdiction = 'US'] | m:drug/m:legal-status)[1]"/>
    <entry id="{@id}" name="{normalize-space(m:drug/m:generic-name)}"
           class="{normalize-space($class)}" summary="{normalize-space(m:meta/m:summary)}"
           status="{$status}">
      <xsl:if test="$status = 'published'">
        <xsl:attribute name="reviewed"><xsl:value-of select="normalize-space(m:meta/m:reviewed)"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="normalize-space($label/m:publisher) != ''">
        <xsl:attribute name="labeler"><xsl:value-of select="normalize-space($label/m:publisher)"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$label/m:spl/@effective">
          <xsl:attribute name="date"><xsl:value-of select="$label/m:spl/@effective"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="normalize-space($label/m:published) != ''">
          <xsl:attribute name="date"><xsl:value-of select="normalize-space($label/m:published)"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="$label/m:spl">
        <xsl:attribute name="set-id"><xsl:value-of select="$label/m:spl/@set-id"/></xsl:attribute>
        <xsl:attribute name="version"><xsl:value-of select="$label/m:spl/@version"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$legal/@controlled and $legal/@controlled != 'no'">
        <xsl:attribute name="schedule"><xsl:value-of select="$legal/@controlled"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="m:drug/m:brands/m:brand">
        <brand name="{normalize-space(@name)}"/>
      </xsl:for-each>
      <xsl:for-each select="m:forms/m:form">
        <form kind="{@kind}" route="{@route}">
          <xsl:if test="@release and @release != 'immediate'">
            <xsl:attribute name="release"><xsl:value-of select="@release"/></xsl:attribute>
          </xsl:if>
          <!-- ext:firsts (src/ext.c) picks the first of each in linear
               time; stock xsltproc tests the siblings before each
               (tests/ext-parity.sh: the same sidecar both ways) -->
          <xsl:variable name="ings">
            <xsl:choose>
              <xsl:when test="function-available('ext:firsts')">
                <xsl:value-of select="count(ext:firsts(m:strength[@ingredient], 'ingredient'))"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="count(m:strength[@ingredient][not(@ingredient = preceding-sibling::m:strength/@ingredient)])"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="number($ings) &gt; $most-ingredients">
              <xsl:attribute name="ingredients"><xsl:value-of select="$ings"/></xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="m:strength">
                <strength>
                  <xsl:copy-of select="@amount | @unit | @in | @in-unit | @ingredient"/>
                </strength>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </form>
      </xsl:for-each>
      <!-- the other monographs it links to, each once, in document order -->
      <xsl:choose>
        <xsl:when test="function-available('ext:firsts')">
          <xsl:for-each select="ext:firsts((//m:related | //m:agent | //m:alternative)[@ref], 'ref')">
            <link ref="{@ref}"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="(//m:related | //m:agent | //m:alternative)[@ref]">
            <xsl:variable name="ref" select="string(@ref)"/>
            <xsl:if test="not((preceding::m:related | preceding::m:agent | preceding::m:alternative)[@ref = $ref])">
              <link ref="{$ref}"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </entry>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
