<?xml version="1.0" encoding="UTF-8"?>
<!--
  model.xsl: a monograph as its neutral document model (common.xsl),
  the doc element and nothing else.

  monoc applies it once per monograph and gives the result to html.xsl,
  text.xsl and man.xsl, which take either a monograph (and build the
  model themselves, as stock xsltproc runs them) or this model.
  Nothing in it depends on the run: no generate-id() value reaches it.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="m exsl">

  <!-- Imported, so that the model is built straight into the result
       below rather than into common.xsl's variable and copied. -->
  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="model-rtf"/>
  <xsl:variable name="model" select="/.."/>

  <xsl:template match="/">
    <xsl:apply-templates select="/m:monograph" mode="model"/>
  </xsl:template>

</xsl:stylesheet>
