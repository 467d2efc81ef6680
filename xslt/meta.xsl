<?xml version="1.0" encoding="UTF-8"?>
<!--
  meta.xsl: the sidecar entry for the index page:
  <entry xmlns="urn:monoc:monograph:1" id="..." name="generic name"
         class="first drug class, plain text" summary="meta/summary">
    <link ref="another monograph it links to"/>...
  </entry>
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:2"
                xmlns="urn:monoc:monograph:1"
                exclude-result-prefixes="m">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The first drug class: its text without citations or references. -->
  <xsl:template match="/m:monograph">
    <xsl:variable name="class">
      <xsl:for-each select="m:drug/m:drug-class[1]/node()">
        <xsl:if test="self::text() or self::m:em">
          <xsl:value-of select="."/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <entry id="{@id}" name="{normalize-space(m:drug/m:generic-name)}"
           class="{normalize-space($class)}" summary="{normalize-space(m:meta/m:summary)}">
      <!-- the other monographs it links to, each once, in document order -->
      <xsl:for-each select="(//m:related | //m:agent | //m:alternative)[@ref]">
        <xsl:variable name="ref" select="string(@ref)"/>
        <xsl:if test="not((preceding::m:related | preceding::m:agent | preceding::m:alternative)[@ref = $ref])">
          <link ref="{$ref}"/>
        </xsl:if>
      </xsl:for-each>
    </entry>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
