<?xml version="1.0" encoding="UTF-8"?>
<!-- covers.xsl: the topics an SPL label covers, one a line, for
     tests/import/absence.sh.  A topic is covered when a section coded
     for it sits anywhere in the label (at any depth), when a section
     title names it, or when a section's title or text says one of its
     telling phrases (case and spacing ignored).  Package labels (51945-4)
     and the product data are not read: they are not carried over.
     The importer judges the same in C (src/import.c, covers()); this is
     the independent second reading the tests compare with what the
     monograph says it lacks.

       boxed        a 34066-1 section, or a title "boxed warning"
       uses         34067-9, or a title with "indication" or "uses"
       dosing       34068-7, or a title with "dosage", "dosing" or
                    "directions"
       contra       34070-3 or 50570-1 ("Do not use"), or a title with
                    "contraindication" or "do not use"
       adverse      34084-4, or a title with "adverse reaction" or
                    "side effect"
       interact     34073-7, a title with "interaction", or the text
                    "drug interactions", "ask a doctor or pharmacist
                    before use if", "if they are taking"
       withdrawal   a title with "withdrawal", or the text "withdrawal
                    symptom", "withdrawal syndrome", "withdrawal
                    reaction", "withdrawal sign", "abrupt
                    discontinuation", "abruptly discontinu", "abrupt
                    cessation", "abrupt withdrawal", "discontinue
                    abruptly", "discontinued abruptly", "discontinuing
                    abruptly", "stop abruptly", "stopped abruptly",
                    "stopping abruptly", "withdrawn abruptly", "reduced
                    slowly",
                    "discontinued gradually", "withdrawn gradually",
                    "gradually withdraw", "gradually discontinu", "taper",
                    "gradual reduction", "gradually reduc", "do not stop" -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v3="urn:hl7-org:v3">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="uc" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lc" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/v3:document">
    <xsl:variable name="s" select=".//v3:section[not(
        ancestor-or-self::v3:section[v3:code/@code = '51945-4'
        or v3:subject/v3:manufacturedProduct])]"/>
    <xsl:if test="$s[v3:code/@code = '34066-1']
        or $s/v3:title[contains(translate(., $uc, $lc), 'boxed warning')]">
      <xsl:text>boxed&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$s[v3:code/@code = '34067-9']
        or $s/v3:title[contains(translate(., $uc, $lc), 'indication')
        or contains(translate(., $uc, $lc), 'uses')]">
      <xsl:text>uses&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$s[v3:code/@code = '34068-7']
        or $s/v3:title[contains(translate(., $uc, $lc), 'dosage')
        or contains(translate(., $uc, $lc), 'dosing')
        or contains(translate(., $uc, $lc), 'directions')]">
      <xsl:text>dosing&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$s[v3:code/@code = '34070-3' or v3:code/@code = '50570-1']
        or $s/v3:title[contains(translate(., $uc, $lc), 'contraindication')
        or contains(translate(., $uc, $lc), 'do not use')]">
      <xsl:text>contra&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$s[v3:code/@code = '34084-4']
        or $s/v3:title[contains(translate(., $uc, $lc), 'adverse reaction')
        or contains(translate(., $uc, $lc), 'side effect')]">
      <xsl:text>adverse&#10;</xsl:text>
    </xsl:if>
    <xsl:variable name="interact">
      <xsl:for-each select="$s">
        <xsl:variable name="t" select="normalize-space(translate(
            concat(v3:title, ' ', v3:text), $uc, $lc))"/>
        <xsl:if test="v3:code/@code = '34073-7'
            or contains(translate(v3:title, $uc, $lc), 'interaction')
            or contains($t, 'drug interactions')
            or contains($t, 'ask a doctor or pharmacist before use if')
            or contains($t, 'if they are taking')">x</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$interact != ''">
      <xsl:text>interact&#10;</xsl:text>
    </xsl:if>
    <xsl:variable name="withdrawal">
      <xsl:for-each select="$s">
        <xsl:variable name="t" select="normalize-space(translate(
            concat(v3:title, ' ', v3:text), $uc, $lc))"/>
        <xsl:if test="contains(translate(v3:title, $uc, $lc), 'withdrawal')
            or contains($t, 'withdrawal symptom')
            or contains($t, 'withdrawal syndrome')
            or contains($t, 'withdrawal reaction')
            or contains($t, 'withdrawal sign')
            or contains($t, 'abrupt discontinuation')
            or contains($t, 'abruptly discontinu')
            or contains($t, 'abrupt cessation')
            or contains($t, 'abrupt withdrawal')
            or contains($t, 'discontinue abruptly')
            or contains($t, 'discontinued abruptly')
            or contains($t, 'discontinuing abruptly')
            or contains($t, 'stop abruptly')
            or contains($t, 'stopped abruptly')
            or contains($t, 'stopping abruptly')
            or contains($t, 'withdrawn abruptly')
            or contains($t, 'reduced slowly')
            or contains($t, 'discontinued gradually')
            or contains($t, 'withdrawn gradually')
            or contains($t, 'gradually withdraw')
            or contains($t, 'gradually discontinu')
            or contains($t, 'taper')
            or contains($t, 'gradual reduction')
            or contains($t, 'gradually reduc')
            or contains($t, 'do not stop')">x</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$withdrawal != ''">
      <xsl:text>withdrawal&#10;</xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
