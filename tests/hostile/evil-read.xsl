<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile stylesheet: reads a local file with document().  monoc's
     security prefs must refuse the read (tests/hostile/run.sh). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="document('file:///etc/passwd')"/>
    <xsl:value-of select="document('/etc/passwd')"/>
    <xsl:text>read&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
