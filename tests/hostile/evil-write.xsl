<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile stylesheet: writes a file, in a new directory, with
     exsl:document.  monoc's security prefs must refuse both (run.sh puts
     the real target in place of EVIL-TARGET). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <exsl:document href="EVIL-TARGET/evil-written.txt" method="text">x</exsl:document>
    <exsl:document href="EVIL-TARGET/evil-dir/evil-written.txt" method="text">x</exsl:document>
    <xsl:text>written&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
