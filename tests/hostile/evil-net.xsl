<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile stylesheet: fetches a URL with document().  monoc's
     security prefs must refuse it before any connection. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <html><body><xsl:value-of select="document('http://127.0.0.1:9/evil.xml')"/></body></html>
  </xsl:template>
</xsl:stylesheet>
