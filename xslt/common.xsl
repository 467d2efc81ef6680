<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: shared by html.xsl, text.xsl and man.xsl (xsl:include).

  It turns a monograph into one neutral document model, so the three
  formats carry the same sections, statements, citations and order by
  construction. The model (no namespace) is built in a variable and read
  back with exsl:node-set, which libxslt implements natively (the C code
  must call exsltRegisterAll(), as xsltproc does).

  Model:
    doc        @id @name @title @summary @version @reviewed @lang
               related*, section+, refs
    section    @id @title @kind (boxed | normal)  blocks and sub*
    sub        @id @title @kind (warn | normal)   blocks
    blocks:    p (inline) | list @type (item inline)+ |
               note @kind @label (inline) | table @id @caption @cols
               (head (cell)+, row (cell (para inline)+)+)
    inline:    text | em | strong | xref @to | cites (c @n @k)+
    refs       ref @n @id @type (part @kind inline)* (back @k @where @n?)*
  Citations: sources are numbered in declaration order ([1], [2], ...);
  a run of cite elements with nothing but white space between them is one
  group: c/@n is the source number, c/@k the 1-based index of the cite
  element in the document (HTML ids cite-K).
  A U+00A0 no-break space joins a citation group to the word before it
  and numbers to their units; each format renders it its own way.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="m exsl">


  <xsl:variable name="WS" select="' &#9;&#10;&#13;'"/>
  <xsl:variable name="NBSP" select="'&#160;'"/>
  <xsl:variable name="LOWER" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="UPPER" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <!-- ============================================================ -->
  <!-- Words                                                        -->
  <!-- ============================================================ -->

  <!-- Title of a top-level section, by element name. -->
  <xsl:template name="section-title">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$name = 'boxed-warning'">Boxed warning</xsl:when>
      <xsl:when test="$name = 'drug'">About the drug</xsl:when>
      <xsl:when test="$name = 'uses'">Uses</xsl:when>
      <xsl:when test="$name = 'dosing'">Dosing</xsl:when>
      <xsl:when test="$name = 'pharmacokinetics'">Pharmacokinetics</xsl:when>
      <xsl:when test="$name = 'adverse-effects'">Adverse effects</xsl:when>
      <xsl:when test="$name = 'overdose'">Overdose</xsl:when>
      <xsl:when test="$name = 'warnings'">Warnings and precautions</xsl:when>
      <xsl:when test="$name = 'populations'">Specific populations</xsl:when>
      <xsl:when test="$name = 'abuse-and-dependence'">Abuse and dependence</xsl:when>
      <xsl:when test="$name = 'withdrawal'">Withdrawal</xsl:when>
      <xsl:when test="$name = 'interactions'">Interactions</xsl:when>
      <xsl:when test="$name = 'comparisons'">Comparisons with alternatives</xsl:when>
      <xsl:when test="$name = 'safe-use'">Safe use</xsl:when>
      <xsl:when test="$name = 'faq'">Questions and answers</xsl:when>
      <xsl:when test="$name = 'disclaimer'">Disclaimer</xsl:when>
      <xsl:when test="$name = 'sources'">References</xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ucfirst">
    <xsl:param name="s"/>
    <xsl:value-of select="concat(translate(substring($s, 1, 1), $LOWER, $UPPER), substring($s, 2))"/>
  </xsl:template>

  <xsl:template name="route-words">
    <xsl:param name="route"/>
    <xsl:variable name="r" select="string($route)"/>
    <xsl:choose>
      <xsl:when test="$r = 'enteral-tube'">enteral tube</xsl:when>
      <xsl:when test="$r = 'any' or $r = ''">any route</xsl:when>
      <xsl:otherwise><xsl:value-of select="$r"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="population-words">
    <xsl:param name="group"/>
    <xsl:variable name="g" select="string($group)"/>
    <xsl:choose>
      <xsl:when test="$g = 'all' or $g = ''">all patients</xsl:when>
      <xsl:when test="$group = 'adult'">adults</xsl:when>
      <xsl:when test="$group = 'pediatric'">children</xsl:when>
      <xsl:when test="$group = 'adult-and-pediatric'">adults and children</xsl:when>
      <xsl:when test="$group = 'geriatric'">older adults</xsl:when>
      <xsl:when test="$group = 'renal-impairment'">people with kidney impairment</xsl:when>
      <xsl:when test="$group = 'hepatic-impairment'">people with liver impairment</xsl:when>
      <xsl:when test="$group = 'pregnancy'">pregnancy</xsl:when>
      <xsl:when test="$group = 'lactation'">breastfeeding</xsl:when>
      <xsl:otherwise><xsl:value-of select="$group"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="severity-words">
    <xsl:param name="severity"/>
    <xsl:choose>
      <xsl:when test="$severity = 'unspecified'">severity not stated</xsl:when>
      <xsl:otherwise><xsl:value-of select="$severity"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="interaction-severity-words">
    <xsl:param name="severity"/>
    <xsl:choose>
      <xsl:when test="$severity = 'minor'">Minor</xsl:when>
      <xsl:when test="$severity = 'moderate'">Moderate</xsl:when>
      <xsl:when test="$severity = 'major'">Major</xsl:when>
      <xsl:when test="$severity = 'contraindicated'">Contraindicated: do not combine</xsl:when>
      <xsl:otherwise><xsl:value-of select="$severity"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="use-status-words">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'approved'">approved use</xsl:when>
      <xsl:when test="$status = 'off-label'">off-label use (not an approved indication)</xsl:when>
      <xsl:when test="$status = 'not-recommended'">not recommended</xsl:when>
      <xsl:when test="$status = 'historical'">historical use, no longer current</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="market-status-words">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'unapproved'">no approved product</xsl:when>
      <xsl:when test="$status = 'unknown'">market status unknown</xsl:when>
      <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="form-words">
    <xsl:param name="route"/>
    <xsl:param name="kind"/>
    <xsl:variable name="k" select="translate($kind, '-', ' ')"/>
    <xsl:choose>
      <xsl:when test="$route = 'oral' and starts-with($kind, 'oral-')">
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="$k"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ucfirst">
          <xsl:with-param name="s">
            <xsl:call-template name="route-words"><xsl:with-param name="route" select="$route"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:value-of select="concat(' ', $k)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="disagreement-label">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'conflict'">Sources differ:</xsl:when>
      <xsl:when test="$kind = 'label'">Differs from the label:</xsl:when>
      <xsl:otherwise>Uncertain:</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "5 mg", "5 to 10 mg", "10%"; U+00A0 between number and unit. -->
  <xsl:template name="amount-words">
    <xsl:param name="low"/>
    <xsl:param name="high"/>
    <xsl:param name="unit"/>
    <xsl:value-of select="normalize-space($low)"/>
    <xsl:if test="normalize-space($high) != ''">
      <xsl:value-of select="concat(' to ', normalize-space($high))"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$unit = '%'">%</xsl:when>
      <xsl:when test="$unit != ''"><xsl:value-of select="concat($NBSP, $unit)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Context: an element of type dose. "5 mg three times a day". -->
  <xsl:template name="dose-words">
    <xsl:call-template name="amount-words">
      <xsl:with-param name="low" select="@low"/>
      <xsl:with-param name="high" select="@high"/>
      <xsl:with-param name="unit" select="@unit"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(@times)"/>
      <xsl:when test="@times = 1"> once</xsl:when>
      <xsl:when test="@times = 2"> twice</xsl:when>
      <xsl:when test="@times = 3"> three times</xsl:when>
      <xsl:when test="@times = 4"> four times</xsl:when>
      <xsl:when test="@times = 5"> five times</xsl:when>
      <xsl:when test="@times = 6"> six times</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(' ', @times, ' times')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="@per = 'dose'"> per dose</xsl:when>
      <xsl:when test="@per = 'hour'"> an hour</xsl:when>
      <xsl:when test="@per = 'day'"> a day</xsl:when>
      <xsl:when test="@per = 'week'"> a week</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Context: an element of type duration (or onset). "about 2 to 6 hours". -->
  <xsl:template name="duration-words">
    <xsl:if test="@approximate = 'yes'">about </xsl:if>
    <xsl:value-of select="@low"/>
    <xsl:if test="@high">
      <xsl:value-of select="concat(' to ', @high)"/>
    </xsl:if>
    <xsl:value-of select="concat($NBSP, @unit)"/>
    <xsl:if test="@high or number(@low) != 1">s</xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Text nodes and citations                                     -->
  <!-- ============================================================ -->

  <!-- White space collapsed to single spaces; one leading or trailing
       space kept when present, except before a citation. -->
  <xsl:template name="norm-text">
    <xsl:param name="s" select="string(.)"/>
    <xsl:param name="trail" select="not(following-sibling::node()[1][self::m:cite])"/>
    <xsl:variable name="n" select="normalize-space($s)"/>
    <xsl:choose>
      <xsl:when test="$s = ''"/>
      <xsl:when test="$n = ''">
        <xsl:if test="$trail and preceding-sibling::node() and following-sibling::node()">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="contains($WS, substring($s, 1, 1))"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$n"/>
        <xsl:if test="$trail and contains($WS, substring($s, string-length($s)))">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="inline">
    <xsl:call-template name="norm-text"/>
  </xsl:template>

  <xsl:template match="m:em" mode="inline">
    <em><xsl:value-of select="normalize-space(.)"/></em>
  </xsl:template>

  <xsl:template match="m:xref" mode="inline">
    <xref to="{@to}">
      <xsl:text>(see </xsl:text>
      <xsl:call-template name="section-title"><xsl:with-param name="name" select="@to"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xref>
  </xsl:template>

  <!-- A citation group starts at a cite not preceded by another cite
       (white space between them aside). -->
  <xsl:template match="m:cite" mode="inline">
    <xsl:variable name="prev" select="preceding-sibling::node()[1]"/>
    <xsl:if test="not($prev[self::m:cite]) and
                  not($prev[self::text() and normalize-space(.) = '']/preceding-sibling::node()[1][self::m:cite])">
      <cites>
        <xsl:call-template name="cite-run"/>
      </cites>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cite-run">
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:for-each select="$cites">
      <xsl:variable name="cite" select="key('cite', $id)"/>
      <c n="{$cite/@n}" k="{$cite/@k}"/>
    </xsl:for-each>
    <xsl:variable name="next" select="following-sibling::node()[1]"/>
    <xsl:choose>
      <xsl:when test="$next[self::m:cite]">
        <xsl:for-each select="$next"><xsl:call-template name="cite-run"/></xsl:for-each>
      </xsl:when>
      <xsl:when test="$next[self::text() and normalize-space(.) = '']/following-sibling::node()[1][self::m:cite]">
        <xsl:for-each select="$next/following-sibling::node()[1]"><xsl:call-template name="cite-run"/></xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Every cite of the document once, in document order, built once and
       searched through keys (by generate-id(), which stays in this
       table and never reaches the model; by the source it cites):
       k     the 1-based index of the cite among all cites of the
             document, count(preceding::m:cite) + 1 (cites are empty, so
             none is an ancestor of another), which counted for each of
             hundreds of cites would be quadratic;
       n     the number of the source it cites;
       where the title of the top-level section it is in, for the back
             links.
       Built in two passes: by section, so that each section's title is
       worked out once, with a table of the source numbers; then in
       document order, numbered, with each source number looked up. -->
  <xsl:key name="cite" match="cite" use="@id"/>
  <xsl:key name="cites-of" match="cite" use="@ref"/>
  <xsl:key name="source-number" match="s" use="@id"/>
  <xsl:variable name="cites-by-section">
    <xsl:for-each select="/m:monograph/m:sources/m:source">
      <s id="{@id}" n="{position()}"/>
    </xsl:for-each>
    <xsl:for-each select="/m:monograph/*">
      <xsl:variable name="where">
        <xsl:call-template name="section-title">
          <xsl:with-param name="name" select="local-name()"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:for-each select=".//m:cite">
        <cite id="{generate-id()}" ref="{@ref}" where="{$where}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="cites-rtf">
    <xsl:for-each select="exsl:node-set($cites-by-section)/cite">
      <cite k="{position()}" n="{key('source-number', @ref)/@n}">
        <xsl:copy-of select="@*"/>
      </cite>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="cites" select="exsl:node-set($cites-rtf)"/>

  <!-- The inline content of the context element, with a separator
       before it when it has any words (the citations alone need none). -->
  <xsl:template name="note-after">
    <xsl:param name="sep" select="', '"/>
    <xsl:if test="normalize-space(.) != '' or m:em or m:xref">
      <xsl:value-of select="$sep"/>
    </xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Blocks                                                       -->
  <!-- ============================================================ -->

  <xsl:template match="m:p" mode="model">
    <p><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="m:list" mode="model">
    <list type="{concat(@type, substring('bullet', 1, 6 * not(@type)))}">
      <xsl:for-each select="m:item">
        <item><xsl:apply-templates mode="inline"/></item>
      </xsl:for-each>
    </list>
  </xsl:template>

  <xsl:template match="m:disagreement" mode="model">
    <note kind="{@kind}">
      <xsl:attribute name="label">
        <xsl:call-template name="disagreement-label"><xsl:with-param name="kind" select="@kind"/></xsl:call-template>
      </xsl:attribute>
      <xsl:apply-templates mode="inline"/>
    </note>
  </xsl:template>

  <!-- Labelled paragraph: "Label: words, note [n]". -->
  <xsl:template name="labelled">
    <xsl:param name="label"/>
    <xsl:param name="words"/>
    <p>
      <strong><xsl:value-of select="$label"/></strong>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$words"/>
      <xsl:call-template name="note-after"/>
    </p>
  </xsl:template>

  <xsl:template match="m:study | m:case-report" mode="model">
    <xsl:variable name="what">
      <xsl:choose>
        <xsl:when test="self::m:study">Study</xsl:when>
        <xsl:otherwise>Case report</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="facts">
      <xsl:value-of select="@year"/>
      <xsl:if test="@year and @journal">, </xsl:if>
      <xsl:value-of select="@journal"/>
      <xsl:if test="(@year or @journal) and @subjects">; </xsl:if>
      <xsl:if test="@subjects"><xsl:value-of select="concat('subjects: ', @subjects)"/></xsl:if>
    </xsl:variable>
    <p>
      <strong>
        <xsl:value-of select="$what"/>
        <xsl:if test="string($facts) != ''"><xsl:value-of select="concat(' (', $facts, ')')"/></xsl:if>
        <xsl:text>:</xsl:text>
      </strong>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- Anything in mode model not listed renders nothing (titles and
       conditions are taken by their parents). -->
  <xsl:template match="*" mode="model"/>

  <!-- ============================================================ -->
  <!-- The document                                                 -->
  <!-- ============================================================ -->

  <xsl:template match="m:monograph" mode="model">
    <xsl:variable name="name" select="normalize-space(m:drug/m:generic-name)"/>
    <doc id="{@id}" name="{$name}" summary="{normalize-space(m:meta/m:summary)}"
         version="{normalize-space(m:meta/m:version)}" reviewed="{normalize-space(m:meta/m:reviewed)}"
         lang="{concat(@lang, substring('en', 1, 2 * not(@lang)))}">
      <xsl:attribute name="title">
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="$name"/></xsl:call-template>
      </xsl:attribute>
      <xsl:for-each select="m:meta/m:related">
        <related ref="{@ref}"/>
      </xsl:for-each>
      <xsl:if test="m:boxed-warning">
        <section id="boxed-warning" title="Boxed warning" kind="boxed">
          <xsl:for-each select="m:boxed-warning">
            <sub id="boxed-warning-{position()}" kind="warn">
              <xsl:attribute name="title">
                <xsl:value-of select="normalize-space(m:title)"/>
                <xsl:if test="@route and @route != 'any'">
                  <xsl:value-of select="concat(' (', @route, ' use)')"/>
                </xsl:if>
              </xsl:attribute>
              <xsl:apply-templates select="*" mode="model"/>
            </sub>
          </xsl:for-each>
        </section>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::m:meta or self::m:boxed-warning)]" mode="section"/>
    </doc>
  </xsl:template>

  <!-- Every top-level section: a section element with the standard
       title, its content from mode model-body (default: the blocks). -->
  <xsl:template match="*" mode="section">
    <section id="{local-name()}" kind="normal">
      <xsl:attribute name="title">
        <xsl:call-template name="section-title"><xsl:with-param name="name" select="local-name()"/></xsl:call-template>
      </xsl:attribute>
      <xsl:apply-templates select="." mode="model-body"/>
    </section>
  </xsl:template>

  <!-- Blocks after the last subsection would read as part of it, so they
       go into a subsection of their own. -->
  <xsl:template match="*" mode="model-body">
    <xsl:variable name="subs" select="m:use | m:regimen | m:agency-warning | m:intrathecal | m:taper |
        m:dependence | m:tolerance | m:misuse | m:addiction | m:comparison | m:warning | m:population | m:entry"/>
    <xsl:variable name="last" select="$subs[last()]"/>
    <xsl:apply-templates select="$subs | *[not($last) or following-sibling::*[count(. | $last) = 1]]" mode="model"/>
    <xsl:variable name="trailing" select="$last/following-sibling::*"/>
    <xsl:if test="$trailing">
      <sub id="{local-name()}-more" title="Further notes" kind="normal">
        <xsl:apply-templates select="$trailing" mode="model"/>
      </sub>
    </xsl:if>
  </xsl:template>

  <!-- A subsection with a fixed title and blocks. -->
  <xsl:template name="sub">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="kind" select="'normal'"/>
    <xsl:param name="content" select="*"/>
    <sub id="{$id}" title="{$title}" kind="{$kind}">
      <xsl:apply-templates select="$content" mode="model"/>
    </sub>
  </xsl:template>

  <!-- drug -->
  <xsl:template match="m:drug" mode="model-body">
    <p>
      <strong>Generic name:</strong>
      <xsl:value-of select="concat(' ', normalize-space(m:generic-name))"/>
    </p>
    <p>
      <strong>
        <xsl:text>Drug class</xsl:text>
        <xsl:if test="count(m:drug-class) &gt; 1">es</xsl:if>
        <xsl:text>:</xsl:text>
      </strong>
      <xsl:text> </xsl:text>
      <xsl:for-each select="m:drug-class">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:apply-templates mode="inline"/>
      </xsl:for-each>
    </p>
    <xsl:if test="m:description">
      <xsl:call-template name="sub">
        <xsl:with-param name="id" select="'description'"/>
        <xsl:with-param name="title" select="'Description'"/>
        <xsl:with-param name="content" select="m:description/*"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="'mechanism'"/>
      <xsl:with-param name="title" select="'How it works'"/>
      <xsl:with-param name="content" select="m:mechanism/*"/>
    </xsl:call-template>
    <sub id="brands" title="Brand names" kind="normal">
      <list type="bullet">
        <xsl:for-each select="m:brands/m:brand">
          <item>
            <strong><xsl:value-of select="normalize-space(@name)"/></strong>
            <xsl:text> (</xsl:text>
            <xsl:if test="@route">
              <xsl:call-template name="route-words"><xsl:with-param name="route" select="@route"/></xsl:call-template>
              <xsl:text>; </xsl:text>
            </xsl:if>
            <xsl:call-template name="market-status-words"><xsl:with-param name="status" select="@status"/></xsl:call-template>
            <xsl:text>)</xsl:text>
            <xsl:call-template name="note-after"><xsl:with-param name="sep" select="': '"/></xsl:call-template>
          </item>
        </xsl:for-each>
      </list>
      <xsl:apply-templates select="m:brands/*" mode="model"/>
    </sub>
    <xsl:for-each select="m:legal-status">
      <sub id="legal-status" title="Legal status ({@jurisdiction})" kind="normal">
        <p>
          <strong>Prescription:</strong>
          <xsl:text> </xsl:text>
          <xsl:value-of select="translate(@prescription, '-', ' ')"/>
          <xsl:text>; </xsl:text>
          <strong>controlled substance:</strong>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="@controlled = 'no'">no</xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('yes, ', translate(@controlled, '-', ' '))"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>; </xsl:text>
          <strong>narcotic:</strong>
          <xsl:value-of select="concat(' ', @narcotic, '; ')"/>
          <strong>opioid:</strong>
          <xsl:value-of select="concat(' ', @opioid, ' (jurisdiction: ', @jurisdiction, ')')"/>
        </p>
        <xsl:apply-templates select="*" mode="model"/>
      </sub>
    </xsl:for-each>
    <sub id="forms" title="Dosage forms and strengths" kind="normal">
      <table id="forms-table" caption="Dosage forms, market status, strengths and products"
             cols="form status strengths products">
        <head><cell>Form</cell><cell>Status</cell><cell>Strengths</cell><cell>Products</cell></head>
        <xsl:for-each select="m:forms/m:form">
          <row>
            <cell><para>
              <xsl:call-template name="form-words">
                <xsl:with-param name="route" select="@route"/>
                <xsl:with-param name="kind" select="@kind"/>
              </xsl:call-template>
            </para></cell>
            <cell><para>
              <xsl:call-template name="market-status-words"><xsl:with-param name="status" select="@status"/></xsl:call-template>
            </para></cell>
            <cell>
              <xsl:for-each select="m:strength">
                <para>
                  <xsl:call-template name="amount-words">
                    <xsl:with-param name="low" select="@amount"/>
                    <xsl:with-param name="unit" select="@unit"/>
                  </xsl:call-template>
                  <xsl:call-template name="note-after"/>
                </para>
              </xsl:for-each>
              <xsl:if test="not(m:strength)"><para>not stated</para></xsl:if>
            </cell>
            <cell>
              <xsl:for-each select="m:product">
                <para><xsl:value-of select="normalize-space(.)"/></para>
              </xsl:for-each>
              <xsl:if test="not(m:product)"><para>none named</para></xsl:if>
            </cell>
          </row>
        </xsl:for-each>
      </table>
      <xsl:for-each select="m:forms/m:form[m:p or m:list or m:disagreement]">
        <p>
          <strong>
            <xsl:call-template name="form-words">
              <xsl:with-param name="route" select="@route"/>
              <xsl:with-param name="kind" select="@kind"/>
            </xsl:call-template>
            <xsl:text>:</xsl:text>
          </strong>
        </p>
        <xsl:apply-templates select="*" mode="model"/>
      </xsl:for-each>
      <xsl:apply-templates select="m:forms/*" mode="model"/>
    </sub>
  </xsl:template>

  <!-- uses -->
  <xsl:template match="m:use" mode="model">
    <sub id="use-{count(preceding-sibling::m:use) + 1}" title="{normalize-space(m:condition)}" kind="normal">
      <p>
        <strong>Status:</strong>
        <xsl:text> </xsl:text>
        <xsl:call-template name="use-status-words"><xsl:with-param name="status" select="@status"/></xsl:call-template>
        <xsl:text>; </xsl:text>
        <strong>route:</strong>
        <xsl:text> </xsl:text>
        <xsl:call-template name="route-words"><xsl:with-param name="route" select="@route"/></xsl:call-template>
        <xsl:text>; </xsl:text>
        <strong>for:</strong>
        <xsl:text> </xsl:text>
        <xsl:call-template name="population-words"><xsl:with-param name="group" select="@population"/></xsl:call-template>
      </p>
      <xsl:apply-templates select="*" mode="model"/>
    </sub>
  </xsl:template>

  <xsl:template match="m:position" mode="model">
    <p>
      <strong><xsl:value-of select="concat(normalize-space(@agency), ' position:')"/></strong>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- dosing -->
  <xsl:template match="m:regimen" mode="model">
    <xsl:variable name="n" select="count(preceding-sibling::m:regimen) + 1"/>
    <xsl:variable name="title">
      <xsl:call-template name="ucfirst">
        <xsl:with-param name="s">
          <xsl:call-template name="route-words"><xsl:with-param name="route" select="@route"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>, </xsl:text>
      <xsl:call-template name="population-words"><xsl:with-param name="group" select="@population"/></xsl:call-template>
      <xsl:if test="@min-age">
        <xsl:value-of select="concat(' aged ', @min-age, ' years and older')"/>
      </xsl:if>
      <xsl:if test="m:indication">
        <xsl:value-of select="concat(': ', normalize-space(m:indication))"/>
      </xsl:if>
    </xsl:variable>
    <sub id="regimen-{$n}" title="{$title}" kind="normal">
      <table id="regimen-{$n}-table" caption="Dosing steps: {$title}" cols="stage dose">
        <head><cell>Stage</cell><cell>Dose</cell></head>
        <xsl:for-each select="m:screening | m:start | m:step | m:titration | m:maintenance | m:maximum">
          <row>
            <cell><para>
              <xsl:choose>
                <xsl:when test="self::m:screening">Test dose</xsl:when>
                <xsl:when test="self::m:start">Starting dose</xsl:when>
                <xsl:when test="self::m:titration">Titration</xsl:when>
                <xsl:when test="self::m:maintenance">Maintenance</xsl:when>
                <xsl:when test="self::m:maximum">Maximum</xsl:when>
                <xsl:when test="not(@to-day)"><xsl:value-of select="concat('Day ', @from-day, ' onward')"/></xsl:when>
                <xsl:when test="@to-day = @from-day"><xsl:value-of select="concat('Day ', @from-day)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('Days ', @from-day, ' to ', @to-day)"/></xsl:otherwise>
              </xsl:choose>
            </para></cell>
            <cell><para>
              <xsl:choose>
                <xsl:when test="self::m:titration"><xsl:apply-templates mode="inline"/></xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="dose-words"/>
                  <xsl:call-template name="note-after"/>
                </xsl:otherwise>
              </xsl:choose>
            </para></cell>
          </row>
        </xsl:for-each>
      </table>
      <xsl:apply-templates select="*" mode="model"/>
    </sub>
  </xsl:template>

  <!-- pharmacokinetics -->
  <xsl:template match="m:peak-time | m:half-life | m:clearance" mode="model">
    <xsl:call-template name="labelled">
      <xsl:with-param name="label">
        <xsl:choose>
          <xsl:when test="self::m:peak-time">Time to peak concentration:</xsl:when>
          <xsl:when test="self::m:half-life">Half-life:</xsl:when>
          <xsl:otherwise>Time to clear from the body:</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="words"><xsl:call-template name="duration-words"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:metabolism | m:excretion" mode="model">
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="self::m:metabolism">Metabolism:</xsl:when>
        <xsl:otherwise>Excretion:</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <p>
      <strong><xsl:value-of select="$label"/></strong>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="@low or @high">
          <xsl:call-template name="amount-words">
            <xsl:with-param name="low" select="(@low | @high)[1]"/>
            <xsl:with-param name="high" select="@high[../@low]"/>
            <xsl:with-param name="unit" select="'%'"/>
          </xsl:call-template>
          <xsl:text> of a dose</xsl:text>
          <xsl:call-template name="note-after"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>share not stated</xsl:text>
          <xsl:call-template name="note-after"/>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- adverse effects: one table for the effects -->
  <xsl:template match="m:effect" mode="model">
    <xsl:if test="not(preceding-sibling::m:effect)">
      <table id="effects-table" caption="Adverse effects, how common and how severe" cols="effect category severity">
        <head><cell>Effect</cell><cell>Frequency</cell><cell>Severity</cell></head>
        <xsl:for-each select="../m:effect">
          <row>
            <cell><para><xsl:apply-templates mode="inline"/></para></cell>
            <cell><para><xsl:value-of select="@category"/></para></cell>
            <cell><para>
              <xsl:call-template name="severity-words"><xsl:with-param name="severity" select="@severity"/></xsl:call-template>
            </para></cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- signs and symptoms: a list, with the severity as label -->
  <xsl:template match="m:sign | m:symptom" mode="model">
    <xsl:if test="not(preceding-sibling::*[1][local-name() = local-name(current())])">
      <p>
        <strong>
          <xsl:choose>
            <xsl:when test="self::m:sign">Signs of overdose:</xsl:when>
            <xsl:otherwise>Symptoms:</xsl:otherwise>
          </xsl:choose>
        </strong>
      </p>
      <list type="bullet">
        <xsl:call-template name="sign-items"/>
      </list>
    </xsl:if>
  </xsl:template>

  <xsl:template name="sign-items">
    <item>
      <strong>
        <xsl:call-template name="ucfirst">
          <xsl:with-param name="s">
            <xsl:call-template name="severity-words"><xsl:with-param name="severity" select="@severity"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="@route and @route != 'any'">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="route-words"><xsl:with-param name="route" select="@route"/></xsl:call-template>
          <xsl:text> route</xsl:text>
        </xsl:if>
        <xsl:text>:</xsl:text>
      </strong>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="inline"/>
    </item>
    <xsl:for-each select="following-sibling::*[1][local-name() = local-name(current())]">
      <xsl:call-template name="sign-items"/>
    </xsl:for-each>
  </xsl:template>

  <!-- risk factors, onsets, advice: consecutive siblings make one list -->
  <xsl:template match="m:risk-factor | m:advice" mode="model">
    <xsl:if test="not(preceding-sibling::*[1][local-name() = local-name(current())])">
      <xsl:if test="self::m:risk-factor">
        <p><strong>Risk factors:</strong></p>
      </xsl:if>
      <list type="bullet">
        <xsl:call-template name="plain-items"/>
      </list>
    </xsl:if>
  </xsl:template>

  <xsl:template name="plain-items">
    <item><xsl:apply-templates mode="inline"/></item>
    <xsl:for-each select="following-sibling::*[1][local-name() = local-name(current())]">
      <xsl:call-template name="plain-items"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:onset" mode="model">
    <p>
      <strong>
        <xsl:text>Onset</xsl:text>
        <xsl:if test="@route and @route != 'any'">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="route-words"><xsl:with-param name="route" select="@route"/></xsl:call-template>
          <xsl:text> route)</xsl:text>
        </xsl:if>
        <xsl:text>:</xsl:text>
      </strong>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="@low">
          <xsl:call-template name="duration-words"/>
          <xsl:text> after the last dose</xsl:text>
          <xsl:call-template name="note-after"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- warnings, populations, comparisons, faq, agency warnings -->
  <xsl:template match="m:warning" mode="model">
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="concat('warning-', count(preceding-sibling::m:warning) + 1)"/>
      <xsl:with-param name="title" select="normalize-space(m:title)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:population" mode="model">
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="concat('population-', @group)"/>
      <xsl:with-param name="title">
        <xsl:call-template name="ucfirst">
          <xsl:with-param name="s">
            <xsl:call-template name="population-words"><xsl:with-param name="group" select="@group"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:comparison" mode="model">
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="concat('comparison-', count(preceding-sibling::m:comparison) + 1)"/>
      <xsl:with-param name="title" select="concat('Compared with ', normalize-space(m:alternative))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:faq/m:entry" mode="model">
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="concat('faq-', count(preceding-sibling::m:entry) + 1)"/>
      <xsl:with-param name="title" select="normalize-space(m:question)"/>
      <xsl:with-param name="content" select="m:answer/*"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:agency-warning" mode="model">
    <sub id="agency-warning-{count(preceding-sibling::m:agency-warning) + 1}"
         title="{normalize-space(@agency)} warning: {normalize-space(m:title)}" kind="normal">
      <p>
        <strong>Issued by:</strong>
        <xsl:value-of select="concat(' ', normalize-space(@agency))"/>
        <xsl:choose>
          <xsl:when test="@date"><xsl:value-of select="concat(', ', @date)"/></xsl:when>
          <xsl:otherwise>, date not stated</xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:apply-templates select="*" mode="model"/>
    </sub>
  </xsl:template>

  <!-- abuse and dependence -->
  <xsl:template match="m:dependence | m:tolerance | m:misuse | m:addiction" mode="model">
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="local-name()"/>
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="self::m:dependence">Physical dependence</xsl:when>
          <xsl:when test="self::m:tolerance">Tolerance</xsl:when>
          <xsl:when test="self::m:misuse">Misuse and abuse</xsl:when>
          <xsl:otherwise>Addiction</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- withdrawal -->
  <xsl:template match="m:withdrawal/m:intrathecal" mode="model">
    <xsl:call-template name="sub">
      <xsl:with-param name="id" select="'intrathecal-withdrawal'"/>
      <xsl:with-param name="title" select="'Abrupt stop of intrathecal delivery'"/>
      <xsl:with-param name="kind" select="'warn'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:taper" mode="model">
    <sub id="taper" title="Tapering (how to stop)" kind="normal">
      <xsl:for-each select="m:duration">
        <xsl:call-template name="labelled">
          <xsl:with-param name="label" select="'Typical taper:'"/>
          <xsl:with-param name="words"><xsl:call-template name="duration-words"/></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="*" mode="model"/>
    </sub>
  </xsl:template>

  <!-- interactions: one table -->
  <xsl:template match="m:interaction" mode="model">
    <xsl:if test="not(preceding-sibling::m:interaction)">
      <table id="interactions-table" caption="Interactions and their severity" cols="agent severity effect">
        <head><cell>Agent</cell><cell>Severity</cell><cell>Effect and what to do</cell></head>
        <xsl:for-each select="../m:interaction">
          <row severity="{@severity}">
            <cell><para>
              <xsl:value-of select="normalize-space(m:agent)"/>
              <xsl:value-of select="concat(' (', m:agent/@kind, ')')"/>
            </para></cell>
            <cell><para>
              <xsl:call-template name="interaction-severity-words"><xsl:with-param name="severity" select="@severity"/></xsl:call-template>
            </para></cell>
            <cell>
              <para><xsl:for-each select="m:effect"><xsl:apply-templates mode="inline"/></xsl:for-each></para>
              <xsl:for-each select="m:action">
                <para><strong>What to do:</strong><xsl:text> </xsl:text><xsl:apply-templates mode="inline"/></para>
              </xsl:for-each>
            </cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- sources: numbered references with their citations -->
  <xsl:template match="m:sources" mode="section">
    <refs>
      <xsl:for-each select="m:source">
        <ref n="{position()}" id="{@id}" type="{@type}">
          <part kind="title"><xsl:value-of select="normalize-space(m:title)"/></part>
          <xsl:if test="m:author">
            <part kind="author">
              <xsl:for-each select="m:author">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </part>
          </xsl:if>
          <xsl:for-each select="m:publisher">
            <part kind="publisher"><xsl:value-of select="normalize-space(.)"/></part>
          </xsl:for-each>
          <xsl:if test="m:published or m:updated">
            <part kind="date">
              <xsl:for-each select="m:published">
                <xsl:value-of select="concat('Published ', normalize-space(.))"/>
              </xsl:for-each>
              <xsl:if test="m:published and m:updated">; </xsl:if>
              <xsl:for-each select="m:updated">
                <xsl:value-of select="concat('updated ', normalize-space(.))"/>
              </xsl:for-each>
            </part>
          </xsl:if>
          <part kind="type">
            <xsl:text>Type: </xsl:text>
            <xsl:choose>
              <xsl:when test="@type = 'label'">drug label (prescribing information)</xsl:when>
              <xsl:when test="@type = 'regulatory'">regulatory document</xsl:when>
              <xsl:when test="@type = 'journal'">journal article</xsl:when>
              <xsl:when test="@type = 'reference'">reference work</xsl:when>
              <xsl:otherwise>article</xsl:otherwise>
            </xsl:choose>
          </part>
          <xsl:for-each select="m:note">
            <part kind="note"><xsl:value-of select="normalize-space(.)"/></part>
          </xsl:for-each>
          <xsl:for-each select="m:url">
            <part kind="url"><xsl:value-of select="normalize-space(.)"/></part>
          </xsl:for-each>
          <xsl:variable name="id" select="@id"/>
          <xsl:variable name="backs">
            <xsl:for-each select="$cites">
              <xsl:for-each select="key('cites-of', $id)">
                <back k="{@k}" where="{@where}"/>
              </xsl:for-each>
            </xsl:for-each>
          </xsl:variable>
          <xsl:apply-templates select="exsl:node-set($backs)/back[1]" mode="number-back"/>
        </ref>
      </xsl:for-each>
    </refs>
  </xsl:template>


  <!-- The back links of a reference, one after the other: each tells
       the next its number among the back links to the same section
       (those are consecutive, being in document order); @n only when
       there is more than one.  Counting the preceding ones for each
       instead would be quadratic in the citations of a reference. -->
  <xsl:template match="back" mode="number-back">
    <xsl:param name="i" select="1"/>
    <xsl:variable name="next" select="following-sibling::back[1]"/>
    <xsl:variable name="same" select="$next/@where = @where"/>
    <back k="{@k}" where="{@where}">
      <xsl:if test="$i &gt; 1 or $same">
        <xsl:attribute name="n"><xsl:value-of select="$i"/></xsl:attribute>
      </xsl:if>
    </back>
    <xsl:apply-templates select="$next" mode="number-back">
      <!-- $i + 1 after one to the same section, else 1 -->
      <xsl:with-param name="i" select="$same * $i + 1"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- The style sheet shared by monograph pages and index.html     -->
  <!-- ============================================================ -->
  <xsl:template name="html-style">
    <style>
:root { --ink: #1b1b1b; --muted: #4a4a4a; --link: #0645ad; --line: #c8c8c8;
        --warn: #8a0015; --warn-bg: #fff3f3; --note: #5a4300; --note-bg: #fff8e0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.page { max-width: 52rem; margin: 0 auto; padding: 0 1rem 2rem; }
a { color: var(--link); overflow-wrap: anywhere; }
a:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; }
header { border-bottom: 3px solid var(--ink); padding: 1.5rem 0 1rem; }
.kicker { margin: 0; font-size: .85rem; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
h1 { margin: .2rem 0 .4rem; font-size: 2.2rem; line-height: 1.15; }
h2 { margin: 2.2rem 0 .6rem; font-size: 1.5rem; line-height: 1.25; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { margin: 1.6rem 0 .5rem; font-size: 1.15rem; line-height: 1.3; }
.summary { font-size: 1.15rem; margin: .2rem 0; }
.meta, .backs, footer { color: var(--muted); font-size: .9rem; }
nav { margin: 1rem 0; padding: .6rem 1rem; background: #f4f6f8; border: 1px solid var(--line); border-radius: 6px; }
nav h2 { margin: .2rem 0 .4rem; font-size: 1.05rem; border: 0; }
nav ol { margin: 0; padding-left: 1.4rem; columns: 2 14rem; }
p, li { overflow-wrap: break-word; }
ul, ol { padding-left: 1.5rem; }
li { margin: .25rem 0; }
.cite { white-space: nowrap; font-size: .9em; }
.boxed > section, section.warn { border: 3px solid var(--warn); background: var(--warn-bg); border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; }
.boxed > section > h3, section.warn > h3 { color: var(--warn); }
.boxed > section > h3::before, section.warn > h3::before { content: "\26A0\FE0E  "; }
.note { border-left: 5px solid #8a6d00; background: var(--note-bg); padding: .4rem .9rem; margin: 1rem 0; }
.note-tag { color: var(--note); text-transform: uppercase; letter-spacing: .03em; font-size: .9em; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #eef1f4; }
td p { margin: 0 0 .3rem; }
td p:last-child { margin-bottom: 0; }
.sev { display: inline-block; padding: 0 .4rem; border-radius: 4px; font-weight: 600; border: 1px solid currentColor; }
.sev-minor { color: #0b3d91; background: #eaf1ff; }
.sev-moderate { color: #5a4300; background: #fff4cc; }
.sev-major { color: #8a0015; background: #ffe6e6; }
.sev-contraindicated { color: #fff; background: #8a0015; }
.refs li { margin: .6rem 0; }
.refs :target, p:target { background: #fff4cc; }
footer { border-top: 1px solid var(--line); margin-top: 2.5rem; padding-top: .8rem; }
.entries { list-style: none; padding: 0; }
.entries li { border-bottom: 1px solid var(--line); padding: .6rem 0; }
.entries .cls { color: var(--muted); }
@media (max-width: 40rem) {
  h1 { font-size: 1.8rem; }
  th, td { padding: .3rem .35rem; font-size: .95rem; }
  nav ol { columns: 1; }
}
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav, .skip, .backs { display: none; }
  a { color: inherit; text-decoration: none; }
  .refs a[href^="http"]::after { content: ""; }
  h2, h3 { break-after: avoid; }
  table, .note, section.warn, .boxed > section { break-inside: avoid; }
  .boxed > section, section.warn { background: none; }
  .sev { border: 1px solid #000; color: #000; background: none; }
}
</style>
  </xsl:template>

  <!-- The model of the input document, as a node-set.  The input is
       either a monograph, whose model is built here, or a model already
       built by model.xsl (monoc builds it once for all formats), which
       is used as it is; the renderers read nothing but $model. -->
  <xsl:variable name="model-rtf">
    <xsl:if test="not(/doc)">
      <xsl:apply-templates select="/m:monograph" mode="model"/>
    </xsl:if>
  </xsl:variable>
  <xsl:variable name="model" select="/doc | exsl:node-set($model-rtf)/doc"/>

</xsl:stylesheet>
