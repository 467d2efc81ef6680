<?xml version="1.0" encoding="UTF-8"?>
<!-- Tiny stand-in for xslt/meta.xsl: one index entry per monograph
     (the index keeps its own namespace, urn:monoc:monograph:1, as
     src/index.h and xslt/index.xsl do). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:monoc:monograph:2" xmlns="urn:monoc:monograph:1"
    exclude-result-prefixes="m">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/m:monograph">
    <entry id="{@id}"><xsl:value-of select="m:title"/></entry>
  </xsl:template>
</xsl:stylesheet>
