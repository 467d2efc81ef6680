<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries to write a file with exsl:document: the security prefs refuse it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <exsl:document href="/tmp/monoc-test-xform-written.txt" method="text">x</exsl:document>
  </xsl:template>
</xsl:stylesheet>
