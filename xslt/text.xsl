<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: a monograph as plain UTF-8 text (NAME.txt).

  At most 78 characters a line, words never broken (a token longer than a
  line, such as a URL, breaks after / ? & or =), no tabs, no trailing
  white space, exactly one newline at the end. Sections are upper-case
  titles underlined with =, subsections underlined with - (one level
  deeper with ~, deeper still with .), lists use hanging indents (a list
  in an item indented to its text), quotations are indented and in
  quotation marks, tables are aligned columns with cells wrapped inside
  their column (a table whose words cannot stand side by side one block
  a row, each value after its column path: "200 mg/5 mL, Day 1: 5 mL"), boxed warnings and the highlights are
  framed, citations are [n] or [n, locator] and the references are
  listed at the end.

  All line breaking goes through the named template "wrap" so that a C
  extension function can replace it with identical output.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:ext="urn:monoc:ext"
                xmlns:mx="urn:monoc:xsl"
                exclude-result-prefixes="m exsl str ext mx">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="WIDTH" select="78"/>
  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="SPACES" select="'                                                                                '"/>
  <xsl:variable name="RULE" select="'--------------------------------------------------------------------------------'"/>
  <xsl:variable name="DRULE" select="'================================================================================'"/>
  <xsl:variable name="TRULE" select="'~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~'"/>
  <xsl:variable name="PRULE" select="'................................................................................'"/>

  <!-- ============================================================ -->
  <!-- wrap: the one line breaker.                                   -->
  <!--                                                              -->
  <!-- text          any string; white space is collapsed first      -->
  <!--               (XPath normalize-space: space, tab, CR, LF).    -->
  <!--               Only U+0020 separates words; U+00A0 does not.   -->
  <!-- width         maximum characters a line, prefixes included.  -->
  <!-- indent        prefix of every line but the first.             -->
  <!-- first-indent  prefix of the first line (default: indent).     -->
  <!-- Result: the lines joined by LF, no final LF; empty text gives -->
  <!-- an empty result. Greedy filling: a word goes on the current   -->
  <!-- line when line + " " + word fits, else starts the next line.  -->
  <!-- A word that does not fit on a line of its own is broken after -->
  <!-- the last / ? & or = that keeps the piece within the width     -->
  <!-- (failing that, after the last -; failing that, at the width), -->
  <!-- and the rest is treated as the next word on a new line.       -->
  <!-- Lengths count characters (XPath string-length).               -->
  <!-- ============================================================ -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first-indent" select="$indent"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="$t = ''"/>
      <!-- monoc's C version (src/ext.c), same result. -->
      <xsl:when test="function-available('ext:wrap')">
        <xsl:value-of select="ext:wrap($t, $width, string($indent), string($first-indent))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-line">
          <xsl:with-param name="rest" select="$t"/>
          <xsl:with-param name="line" select="$first-indent"/>
          <xsl:with-param name="fresh" select="true()"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="wrap-line">
    <xsl:param name="rest"/>
    <xsl:param name="line"/>
    <xsl:param name="fresh"/>
    <xsl:param name="width"/>
    <xsl:param name="indent"/>
    <xsl:variable name="word" select="substring-before(concat($rest, ' '), ' ')"/>
    <xsl:variable name="after" select="substring-after($rest, ' ')"/>
    <xsl:choose>
      <xsl:when test="$rest = ''">
        <xsl:value-of select="$line"/>
      </xsl:when>
      <xsl:when test="not($fresh) and string-length($line) + 1 + string-length($word) &gt; $width">
        <xsl:value-of select="concat($line, $NL)"/>
        <xsl:call-template name="wrap-line">
          <xsl:with-param name="rest" select="$rest"/>
          <xsl:with-param name="line" select="$indent"/>
          <xsl:with-param name="fresh" select="true()"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="not($fresh)">
        <xsl:call-template name="wrap-line">
          <xsl:with-param name="rest" select="$after"/>
          <xsl:with-param name="line" select="concat($line, ' ', $word)"/>
          <xsl:with-param name="fresh" select="false()"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut">
          <xsl:if test="string-length($line) + string-length($word) &gt; $width">
            <xsl:variable name="room" select="substring($word, 1, $width - string-length($line))"/>
            <xsl:variable name="at">
              <xsl:call-template name="wrap-break-point">
                <xsl:with-param name="s" select="$room"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:variable name="at-hyphen">
              <xsl:call-template name="wrap-break-point">
                <xsl:with-param name="s" select="$room"/>
                <xsl:with-param name="chars" select="'-'"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="$at &gt; 0"><xsl:value-of select="$at"/></xsl:when>
              <xsl:when test="$at-hyphen &gt; 0"><xsl:value-of select="$at-hyphen"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="string-length($room)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="string($cut) != '' and $cut &gt; 0">
            <xsl:value-of select="concat($line, substring($word, 1, $cut), $NL)"/>
            <xsl:call-template name="wrap-line">
              <xsl:with-param name="rest" select="substring($rest, $cut + 1)"/>
              <xsl:with-param name="line" select="$indent"/>
              <xsl:with-param name="fresh" select="true()"/>
              <xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="indent" select="$indent"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="wrap-line">
              <xsl:with-param name="rest" select="$after"/>
              <xsl:with-param name="line" select="concat($line, $word)"/>
              <xsl:with-param name="fresh" select="false()"/>
              <xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="indent" select="$indent"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Length of the longest prefix of s ending in / ? & or =; 0 if none. -->
  <xsl:template name="wrap-break-point">
    <xsl:param name="s"/>
    <xsl:param name="chars" select="'/?&amp;='"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="$n = 0">0</xsl:when>
      <xsl:when test="contains($chars, substring($s, $n, 1))"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-break-point">
          <xsl:with-param name="s" select="substring($s, 1, $n - 1)"/>
          <xsl:with-param name="chars" select="$chars"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Helpers                                                      -->
  <!-- ============================================================ -->

  <xsl:template name="pad">
    <xsl:param name="s"/>
    <xsl:param name="width"/>
    <xsl:value-of select="$s"/>
    <xsl:value-of select="substring($SPACES, 1, $width - string-length($s))"/>
  </xsl:template>

  <!-- Inline model content as one string. -->
  <xsl:template match="text()" mode="tin">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="em" mode="tin">
    <xsl:value-of select="concat('*', ., '*')"/>
  </xsl:template>
  <xsl:template match="strong | xref" mode="tin">
    <xsl:value-of select="."/>
  </xsl:template>
  <!-- Superscript ^x, subscript _x, a table footnote's mark (a), a link
       to another monograph "name (REF.txt)"; a list in an item is a block
       of its own.  ext:inline (src/ext.c) writes the same. -->
  <xsl:template match="sup" mode="tin">
    <xsl:value-of select="concat('^', .)"/>
  </xsl:template>
  <xsl:template match="sub" mode="tin">
    <xsl:value-of select="concat('_', .)"/>
  </xsl:template>
  <xsl:template match="fnref" mode="tin">
    <xsl:value-of select="concat('(', @mark, ')')"/>
  </xsl:template>
  <xsl:template match="link" mode="tin">
    <xsl:value-of select="concat(., ' (', @ref, '.txt)')"/>
  </xsl:template>
  <xsl:template match="list" mode="tin"/>
  <!-- How a citation group reads, " [1, 4]" (the no-break space keeps it
       with the word before; the separators are plain spaces, so that a
       long group can wrap), with locators " [2; 4, §5.1]": the template
       below and ext:inline both take these.  cite-at comes between a
       number and its locator; cite-sep-at stands for cite-sep in a group
       where any citation has a locator. -->
  <xsl:variable name="cite-open" select="concat($NBSP, '[')"/>
  <xsl:variable name="cite-sep" select="', '"/>
  <xsl:variable name="cite-close" select="']'"/>
  <xsl:variable name="cite-at" select="', '"/>
  <xsl:variable name="cite-sep-at" select="'; '"/>
  <xsl:template match="cites" mode="tin">
    <xsl:variable name="at" select="boolean(c/@at)"/>
    <xsl:value-of select="$cite-open"/>
    <xsl:for-each select="c">
      <xsl:sort select="@n" data-type="number"/>
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="$at"><xsl:value-of select="$cite-sep-at"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$cite-sep"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="@n"/>
      <xsl:if test="@at"><xsl:value-of select="concat($cite-at, @at)"/></xsl:if>
    </xsl:for-each>
    <xsl:value-of select="$cite-close"/>
  </xsl:template>

  <!-- The inline content of the context node, after prefix, wrapped:
       template wrap with text = prefix and template inline-string.
       With monoc's C functions, one expression instead of two template
       calls and a result tree fragment. -->
  <xsl:template name="wrap-inline">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="suffix" select="''"/>
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first-indent" select="$indent"/>
    <xsl:choose>
      <xsl:when test="function-available('ext:wrap') and function-available('ext:inline')">
        <xsl:value-of select="ext:wrap(normalize-space(concat($prefix, normalize-space(ext:inline(., 'text', $cite-open, $cite-sep, $cite-close, $cite-at, $cite-sep-at)), $suffix)), $width, string($indent), string($first-indent))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text">
            <xsl:value-of select="$prefix"/>
            <xsl:call-template name="inline-string"/>
            <xsl:value-of select="$suffix"/>
          </xsl:with-param>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first-indent" select="$first-indent"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The fallback of ext:inline(., 'text', $cite-open, $cite-sep, $cite-close, $cite-at, $cite-sep-at), normalised. -->
  <xsl:template name="inline-string">
    <xsl:param name="node" select="."/>
    <xsl:variable name="s"><xsl:apply-templates select="$node/node()" mode="tin"/></xsl:variable>
    <xsl:value-of select="normalize-space($s)"/>
  </xsl:template>

  <!-- Prefix every line of a multi-line string (blank lines stay empty). -->
  <xsl:template name="frame-lines">
    <xsl:param name="s"/>
    <xsl:param name="inner"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="l" select="substring-before(concat($s, $NL), $NL)"/>
      <xsl:text>| </xsl:text>
      <xsl:call-template name="pad">
        <xsl:with-param name="s" select="$l"/>
        <xsl:with-param name="width" select="$inner"/>
      </xsl:call-template>
      <xsl:value-of select="concat(' |', $NL)"/>
      <xsl:call-template name="frame-lines">
        <xsl:with-param name="s" select="substring-after($s, $NL)"/>
        <xsl:with-param name="inner" select="$inner"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- The document                                                 -->
  <!-- ============================================================ -->

  <xsl:template match="/">
    <xsl:call-template name="require-model"/>
    <xsl:variable name="out">
      <xsl:apply-templates select="$model" mode="t"/>
    </xsl:variable>
    <!-- EXSLT str:replace (libexslt, so xsltproc has it too) is a
         quicker translate() of one character over the whole page, and
         monoc's ext:replace (src/ext.c) a quicker str:replace. -->
    <xsl:choose>
      <xsl:when test="function-available('ext:replace')">
        <xsl:value-of select="ext:replace($out, $NBSP, ' ')"/>
      </xsl:when>
      <xsl:when test="function-available('str:replace')">
        <xsl:value-of select="str:replace($out, $NBSP, ' ')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($out, $NBSP, ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="doc" mode="t">
    <xsl:call-template name="underlined">
      <xsl:with-param name="title" select="translate(@title, $LOWER, $UPPER)"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:if test="@status">
      <xsl:variable name="st"><xsl:call-template name="status-words"/></xsl:variable>
      <xsl:value-of select="concat('*** ', translate($st, $LOWER, $UPPER), ' ***', $NL, $NL)"/>
    </xsl:if>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text">
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="@summary"/></xsl:call-template>
        <xsl:text>.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="concat($NL, 'Monograph version ', @version, ', reviewed ', @reviewed, '.', $NL)"/>
    <!-- the highlights first, wherever the model has them -->
    <xsl:apply-templates select="section[@kind = 'highlights']" mode="t"/>
    <xsl:apply-templates select="section[not(@kind = 'highlights')] | refs" mode="t"/>
  </xsl:template>

  <!-- A section heading: the title in upper case, underlined with =
       (template underlined). -->
  <xsl:template name="heading1">
    <xsl:param name="title"/>
    <xsl:value-of select="concat($NL, $NL)"/>
    <xsl:call-template name="underlined">
      <xsl:with-param name="title" select="translate($title, $LOWER, $UPPER)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- title, wrapped when it is longer than a line, then a rule of = as
       long as it (a whole line when it wraps), each line ending in LF. -->
  <xsl:template name="underlined">
    <xsl:param name="title"/>
    <xsl:variable name="t">
      <xsl:choose>
        <xsl:when test="string-length($title) &gt; $WIDTH">
          <xsl:call-template name="wrap"><xsl:with-param name="text" select="$title"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="len">
      <xsl:choose>
        <xsl:when test="contains($t, $NL)"><xsl:value-of select="$WIDTH"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="string-length($t)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat($t, $NL, substring($DRULE, 1, $len), $NL)"/>
  </xsl:template>

  <xsl:template match="section" mode="t">
    <xsl:call-template name="heading1"><xsl:with-param name="title" select="@title"/></xsl:call-template>
    <xsl:apply-templates select="*" mode="t"/>
  </xsl:template>

  <!-- The highlights: the whole section in a frame of = lines. -->
  <xsl:template match="section[@kind = 'highlights']" mode="t">
    <xsl:variable name="inner" select="$WIDTH - 4"/>
    <xsl:variable name="t" select="translate(@title, $LOWER, $UPPER)"/>
    <xsl:variable name="body">
      <xsl:value-of select="concat($t, $NL, substring($DRULE, 1, string-length($t)), $NL)"/>
      <xsl:apply-templates select="*" mode="t">
        <xsl:with-param name="width" select="$inner"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:value-of select="concat($NL, $NL, '+', substring($DRULE, 1, $WIDTH - 2), '+', $NL)"/>
    <xsl:call-template name="frame-lines">
      <xsl:with-param name="s" select="$body"/>
      <xsl:with-param name="inner" select="$inner"/>
    </xsl:call-template>
    <xsl:value-of select="concat('+', substring($DRULE, 1, $WIDTH - 2), '+', $NL)"/>
  </xsl:template>

  <!-- A subsection: its number, when it has one, before the title; a
       warning framed (unless it is inside a frame already). -->
  <xsl:template match="sub" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <r>
      <xsl:variable name="depth" select="count(ancestor::sub) + 1"/>
      <xsl:variable name="title">
        <xsl:if test="@number"><xsl:value-of select="concat(@number, ' ')"/></xsl:if>
        <xsl:value-of select="@title"/>
      </xsl:variable>
      <xsl:choose>
        <!-- untitled (a label's block of text): no heading -->
        <xsl:when test="normalize-space($title) = '' and not(@kind = 'warn')">
          <xsl:apply-templates select="*" mode="t">
            <xsl:with-param name="width" select="$width"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:when test="@kind = 'warn' and $width = $WIDTH">
          <xsl:variable name="inner" select="$WIDTH - 4"/>
          <xsl:variable name="body">
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="concat('WARNING: ', $title)"/>
              <xsl:with-param name="width" select="$inner"/>
            </xsl:call-template>
            <xsl:value-of select="$NL"/>
            <xsl:apply-templates select="*" mode="t">
              <xsl:with-param name="width" select="$inner"/>
            </xsl:apply-templates>
          </xsl:variable>
          <xsl:value-of select="concat($NL, '+', substring($RULE, 1, $WIDTH - 2), '+', $NL)"/>
          <xsl:call-template name="frame-lines">
            <xsl:with-param name="s" select="$body"/>
            <xsl:with-param name="inner" select="$inner"/>
          </xsl:call-template>
          <xsl:value-of select="concat('+', substring($RULE, 1, $WIDTH - 2), '+', $NL)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="t">
            <xsl:call-template name="wrap">
              <xsl:with-param name="text">
                <xsl:if test="@kind = 'warn'">WARNING: </xsl:if>
                <xsl:value-of select="$title"/>
              </xsl:with-param>
              <xsl:with-param name="width" select="$width"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="len">
            <xsl:choose>
              <xsl:when test="contains($t, $NL)"><xsl:value-of select="$width"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="string-length($t)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <!-- the underline shows the depth: - then ~ then . -->
          <xsl:variable name="rule">
            <xsl:choose>
              <xsl:when test="$depth = 1"><xsl:value-of select="$RULE"/></xsl:when>
              <xsl:when test="$depth = 2"><xsl:value-of select="$TRULE"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$PRULE"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:value-of select="concat($NL, $t, $NL, substring($rule, 1, $len), $NL)"/>
          <xsl:apply-templates select="*" mode="t">
            <xsl:with-param name="width" select="$width"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </r>
  </xsl:template>

  <!-- A quotation, word for word: indented by four, in quotation marks. -->
  <xsl:template match="quote" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:value-of select="$NL"/>
    <xsl:call-template name="wrap-inline">
      <xsl:with-param name="prefix" select="'&#8220;'"/>
      <xsl:with-param name="suffix" select="'&#8221;'"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="indent" select="'    '"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="p" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:value-of select="$NL"/>
    <xsl:call-template name="wrap-inline">
      <xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="note" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:value-of select="$NL"/>
    <xsl:call-template name="wrap-inline">
      <xsl:with-param name="prefix" select="concat(translate(@label, $LOWER, $UPPER), ' ')"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="indent" select="'  | '"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- A list: hanging indents; a list in an item is indented to the
       item's text (down to $LIST-INDENTS lists deep; deeper ones stay
       there), with no blank line before it.  Each item, like each
       table row and each sub, in an element of its own (see the
       template for tables). -->
  <xsl:template match="list" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:param name="base" select="''"/>
    <xsl:if test="not(parent::item)"><xsl:value-of select="$NL"/></xsl:if>
    <xsl:for-each select="item">
      <r>
        <xsl:variable name="mark">
          <xsl:choose>
            <xsl:when test="../@type = 'ordered'"><xsl:value-of select="concat($base, '  ', position(), '. ')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($base, '  - ')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="wrap-inline">
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="first-indent" select="$mark"/>
          <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($mark))"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
        <xsl:apply-templates select="list" mode="t">
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="base">
            <xsl:choose>
              <xsl:when test="count(ancestor-or-self::list) &gt;= $LIST-INDENTS"><xsl:value-of select="$base"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="substring($SPACES, 1, string-length($mark) - 2)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:apply-templates>
      </r>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- General tables (no @cols)                                    -->
  <!-- ============================================================ -->

  <!-- Caption (none for a table without one), then the grid (columns
       two spaces apart, as wide as template table-widths makes them,
       spanning cells across their columns, a rule under the header rows,
       a blank line between body rows but not inside a rowspan) whenever
       its longest words fit side by side, else one block a row: each
       non-empty value after its column path (template t-col-path), a
       value across every column alone; then the footnotes. -->
  <xsl:template match="table[not(@cols)]" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <!-- the grid and its widths: avail = width - 2 * (n - 1), gutters
         of two spaces -->
    <xsl:variable name="layout-rtf">
      <xsl:call-template name="table-layout">
        <xsl:with-param name="room" select="$width"/>
        <xsl:with-param name="gutter" select="2"/>
        <xsl:with-param name="least" select="8"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="n" select="number(exsl:node-set($layout-rtf)/g/@n)"/>
    <xsl:variable name="grid" select="exsl:node-set($layout-rtf)/g/r"/>
    <xsl:variable name="t" select="."/>
    <xsl:value-of select="$NL"/>
    <xsl:choose>
      <xsl:when test="caption">
        <xsl:for-each select="caption">
          <xsl:call-template name="wrap-inline">
            <xsl:with-param name="prefix" select="'Table: '"/>
            <xsl:with-param name="width" select="$width"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <!-- no caption: no heading (an empty "Table:" says nothing) -->
      <xsl:when test="normalize-space(@caption) != ''">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="concat('Table: ', @caption)"/>
          <xsl:with-param name="width" select="$width"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="caption or normalize-space(@caption) != ''">
      <xsl:value-of select="$NL"/>
    </xsl:if>
    <xsl:variable name="ws" select="string(exsl:node-set($layout-rtf)/g/@ws)"/>
    <!-- the head rows once: the column path of every value looks in
         them, not in all the rows of the grid -->
    <xsl:variable name="heads" select="$grid[@kind = 'head']"/>
    <xsl:variable name="labels" select="boolean($heads)"/>
    <!-- the column path of each single column, once a table: the
         records layout writes one before every value (14 percent of the
         text and 18 percent of the man page's time on 60 bulk labels
         when each value made its own) -->
    <xsl:variable name="paths-rtf">
      <xsl:if test="$labels and string(exsl:node-set($layout-rtf)/g/@ws) = 'list'">
        <xsl:variable name="cols-rtf">
          <xsl:call-template name="count-to">
            <xsl:with-param name="n" select="$n"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:for-each select="exsl:node-set($cols-rtf)/c">
          <p c="{@n}">
            <xsl:call-template name="t-col-path">
              <xsl:with-param name="t" select="$t"/>
              <xsl:with-param name="grid" select="$heads"/>
              <xsl:with-param name="n" select="$n"/>
              <xsl:with-param name="col" select="@n"/>
            </xsl:call-template>
          </p>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="paths" select="exsl:node-set($paths-rtf)/p"/>
    <xsl:choose>
      <!-- a table of empty cells: its caption alone -->
      <xsl:when test="not(*/cell[normalize-space(.) != '' or .//cites or .//fnref])"/>
      <xsl:when test="$ws = 'list'">
        <xsl:for-each select="$grid[@kind = 'row']">
          <xsl:variable name="full-rtf">
            <xsl:for-each select="s[@cell != '']">
              <xsl:if test="mx:grid-cell($t, current())[parent::row][normalize-space(.) != '' or .//cites or .//fnref]">
                <xsl:copy-of select="."/>
              </xsl:if>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="full" select="exsl:node-set($full-rtf)/s"/>
          <xsl:if test="$full">
          <xsl:value-of select="$NL"/>
          <xsl:for-each select="$full">
            <xsl:variable name="path">
              <xsl:if test="$labels">
                <xsl:choose>
                  <xsl:when test="@span &gt; 1">
                    <xsl:call-template name="t-col-path">
                      <xsl:with-param name="t" select="$t"/>
                      <xsl:with-param name="grid" select="$heads"/>
                      <xsl:with-param name="n" select="$n"/>
                      <xsl:with-param name="col" select="@col"/>
                      <xsl:with-param name="span" select="@span"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="$paths[@c = current()/@col]"/>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:if>
            </xsl:variable>
            <xsl:variable name="label">
              <xsl:if test="string($path) != ''">
                <xsl:value-of select="concat($path, ': ')"/>
              </xsl:if>
            </xsl:variable>
            <xsl:variable name="id" select="@cell"/>
            <xsl:variable name="value">
              <xsl:for-each select="mx:grid-cell($t, current())[parent::row]/para">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:call-template name="inline-string"/>
              </xsl:for-each>
            </xsl:variable>
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="concat($label, $value)"/>
              <xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="first-indent">
                <xsl:choose>
                  <xsl:when test="position() = 1">  - </xsl:when>
                  <xsl:otherwise><xsl:text>    </xsl:text></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="indent" select="'      '"/>
            </xsl:call-template>
            <xsl:value-of select="$NL"/>
          </xsl:for-each>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$grid">
          <xsl:if test="@kind = 'row' and $n &gt; 2 and not(@cont) and preceding-sibling::r[1][@kind = 'row']">
            <xsl:value-of select="$NL"/>
          </xsl:if>
          <xsl:variable name="cells">
            <xsl:for-each select="s">
              <xsl:variable name="sw" select="number(@w)"/>
              <xsl:variable name="id" select="@cell"/>
              <xsl:variable name="cell" select="mx:grid-cell($t, current())"/>
              <c w="{$sw}" align="{@align}">
                <xsl:if test="not(@cov)">
                  <xsl:apply-templates select="$cell" mode="tcell">
                    <xsl:with-param name="w" select="$sw"/>
                  </xsl:apply-templates>
                </xsl:if>
              </c>
            </xsl:for-each>
          </xsl:variable>
          <xsl:call-template name="t-zip">
            <xsl:with-param name="cells" select="exsl:node-set($cells)/c"/>
          </xsl:call-template>
          <xsl:if test="@kind = 'head' and not(following-sibling::r[1][@kind = 'head'])">
            <xsl:variable name="rules">
              <xsl:for-each select="s">
                <c w="{@w}"/>
              </xsl:for-each>
            </xsl:variable>
            <xsl:call-template name="t-zip">
              <xsl:with-param name="cells" select="exsl:node-set($rules)/c"/>
              <xsl:with-param name="rule" select="true()"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="footnote">
      <xsl:value-of select="$NL"/>
      <xsl:for-each select="footnote">
        <xsl:variable name="mark" select="concat('(', @mark, ') ')"/>
        <xsl:call-template name="wrap-inline">
          <xsl:with-param name="prefix" select="$mark"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="first-indent" select="''"/>
          <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($mark))"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The column path of a body slot at column col spanning span
       columns of n: the text of each header row's cell over all of
       them, joined by ", " (a cell spanning rows counted once, an empty
       one left out); for a span no header cell covers whole, the paths
       of its first and last columns, "A-B".  Nothing for a slot across
       every column: a row of its own (a group's title, a note).  grid:
       the head rows of the table's grid (template table-layout) only;
       given all its rows, each value looked through every row. -->
  <xsl:template name="t-col-path">
    <xsl:param name="t"/>
    <xsl:param name="grid"/>
    <xsl:param name="n"/>
    <xsl:param name="col"/>
    <xsl:param name="span" select="1"/>
    <xsl:variable name="over" select="mx:col-heads($grid, $col)[@col + @span &gt;= $col + $span][normalize-space(mx:grid-cell($t, .)) != '']"/>
    <xsl:choose>
      <xsl:when test="$span &gt;= $n and $n &gt; 1"/>
      <xsl:when test="$over or $span &lt;= 1">
        <xsl:for-each select="$over">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:call-template name="inline-string">
            <xsl:with-param name="node" select="mx:grid-cell($t, current())[parent::head]"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-col-path">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="grid" select="$grid"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="col" select="$col"/>
        </xsl:call-template>
        <xsl:text>&#8211;</xsl:text>
        <xsl:call-template name="t-col-path">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="grid" select="$grid"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="col" select="$col + $span - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Zip cells (c elements: w, align, the wrapped lines) into lines,
       each cell padded to w (aligned right or centred as it asks), two
       spaces apart, no trailing space; with rule, each a rule of w. -->
  <xsl:template name="t-zip">
    <xsl:param name="cells"/>
    <xsl:param name="rule" select="false()"/>
    <xsl:choose>
      <!-- monoc's C twin (src/grid.c) when it runs the stylesheet -->
      <xsl:when test="function-available('ext:zip')">
        <xsl:value-of select="ext:zip($cells, $rule, $SPACES, $RULE)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-zip-xslt">
          <xsl:with-param name="cells" select="$cells"/>
          <xsl:with-param name="rule" select="$rule"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="t-zip-xslt">
    <xsl:param name="cells"/>
    <xsl:param name="rule" select="false()"/>
    <xsl:param name="k" select="1"/>
    <xsl:variable name="more" select="$cells[string-length(.) - string-length(translate(., $NL, '')) + 1 &gt;= $k and . != '']"/>
    <xsl:if test="$more or ($rule and $k = 1)">
      <xsl:variable name="line">
        <xsl:for-each select="$cells">
          <xsl:variable name="l">
            <xsl:choose>
              <xsl:when test="$rule"><xsl:value-of select="substring($RULE, 1, @w)"/></xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="t-nth-line">
                  <xsl:with-param name="s" select="string(.)"/>
                  <xsl:with-param name="k" select="$k"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="gap" select="@w - string-length($l)"/>
          <xsl:variable name="left">
            <xsl:choose>
              <xsl:when test="@align = 'right'"><xsl:value-of select="$gap"/></xsl:when>
              <xsl:when test="@align = 'center'"><xsl:value-of select="floor($gap div 2)"/></xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:if test="position() &gt; 1"><xsl:text>  </xsl:text></xsl:if>
          <xsl:value-of select="concat(substring($SPACES, 1, $left), $l, substring($SPACES, 1, $gap - $left))"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:call-template name="t-rtrim"><xsl:with-param name="s" select="string($line)"/></xsl:call-template>
      <xsl:value-of select="$NL"/>
      <xsl:if test="not($rule)">
        <xsl:call-template name="t-zip-xslt">
          <xsl:with-param name="cells" select="$cells"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="t-nth-line">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$k &lt;= 1"><xsl:value-of select="substring-before(concat($s, $NL), $NL)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-nth-line">
          <xsl:with-param name="s" select="substring-after($s, $NL)"/>
          <xsl:with-param name="k" select="$k - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="t-rtrim">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="substring($s, string-length($s)) = ' '">
        <xsl:call-template name="t-rtrim"><xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tables: column widths per table, gutters of two spaces. -->
  <xsl:template match="table" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:variable name="fixed">
      <xsl:choose>
        <xsl:when test="@cols = 'stage dose'">14 62</xsl:when>
        <xsl:when test="@cols = 'form status strengths products'">22 14 20 16</xsl:when>
        <xsl:when test="@cols = 'effect category severity' or @cols = 'effect frequency severity'">40 12 22</xsl:when>
        <xsl:when test="@cols = 'effect frequency'">50 26</xsl:when>
        <xsl:when test="@cols = 'agent severity effect'">20 16 38</xsl:when>
        <xsl:otherwise>18 18 18 18</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="w">
      <xsl:call-template name="table-fit">
        <xsl:with-param name="fixed" select="string($fixed)"/>
        <xsl:with-param name="least" select="8"/>
        <xsl:with-param name="breaks" select="'/?&amp;=-'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="w1" select="number(substring-before($w, ' '))"/>
    <xsl:variable name="w2" select="number(substring-before(concat(substring-after($w, ' '), ' '), ' '))"/>
    <xsl:variable name="w3" select="number(substring-before(concat(substring-after(substring-after($w, ' '), ' '), ' '), ' '))"/>
    <xsl:variable name="w4" select="number(substring-after(substring-after(substring-after($w, ' '), ' '), ' '))"/>
    <xsl:variable name="sep" select="count(head/cell) &gt; 2"/>
    <xsl:value-of select="$NL"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="concat('Table: ', @caption)"/>
      <xsl:with-param name="width" select="$width"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:choose>
      <!-- words too long for the columns: one block of "Header: value"
           lines a row, as a general table of many columns -->
      <xsl:when test="$w = 'list'">
        <xsl:variable name="t" select="."/>
        <xsl:for-each select="row">
          <r>
          <xsl:value-of select="$NL"/>
          <xsl:for-each select="cell">
            <xsl:variable name="i" select="position()"/>
            <xsl:variable name="value">
              <xsl:for-each select="para">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:call-template name="inline-string"/>
              </xsl:for-each>
            </xsl:variable>
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="concat($t/head/cell[$i], ': ', $value)"/>
              <xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="first-indent">
                <xsl:choose>
                  <xsl:when test="$i = 1">  - </xsl:when>
                  <xsl:otherwise><xsl:text>    </xsl:text></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="indent" select="'      '"/>
            </xsl:call-template>
            <xsl:value-of select="$NL"/>
          </xsl:for-each>
          </r>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <!-- Each row in an element of its own, as in man.xsl: appending to
             the page's one text node after a cell's own text made libxslt
             count the page so far, quadratic in the rows. -->
        <xsl:for-each select="head | row">
          <r>
          <xsl:if test="self::row and $sep and position() &gt; 2">
            <xsl:value-of select="$NL"/>
          </xsl:if>
          <xsl:call-template name="table-row">
            <xsl:with-param name="c1"><xsl:apply-templates select="cell[1]" mode="tcell"><xsl:with-param name="w" select="$w1"/></xsl:apply-templates></xsl:with-param>
            <xsl:with-param name="c2"><xsl:apply-templates select="cell[2]" mode="tcell"><xsl:with-param name="w" select="$w2"/></xsl:apply-templates></xsl:with-param>
            <xsl:with-param name="c3"><xsl:apply-templates select="cell[3]" mode="tcell"><xsl:with-param name="w" select="$w3"/></xsl:apply-templates></xsl:with-param>
            <xsl:with-param name="c4"><xsl:apply-templates select="cell[4]" mode="tcell"><xsl:with-param name="w" select="$w4"/></xsl:apply-templates></xsl:with-param>
            <xsl:with-param name="w1" select="$w1"/>
            <xsl:with-param name="w2" select="$w2"/>
            <xsl:with-param name="w3" select="$w3"/>
          </xsl:call-template>
          <xsl:if test="self::head">
            <xsl:call-template name="table-row">
              <xsl:with-param name="c1" select="substring($RULE, 1, $w1)"/>
              <xsl:with-param name="c2" select="substring($RULE, 1, $w2)"/>
              <xsl:with-param name="c3" select="substring($RULE, 1, $w3 * boolean(cell[3]))"/>
              <xsl:with-param name="c4" select="substring($RULE, 1, $w4 * boolean(cell[4]))"/>
              <xsl:with-param name="w1" select="$w1"/>
              <xsl:with-param name="w2" select="$w2"/>
              <xsl:with-param name="w3" select="$w3"/>
            </xsl:call-template>
          </xsl:if>
          </r>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A cell: its paragraphs wrapped to the column, joined by LF. -->
  <xsl:template match="cell" mode="tcell">
    <xsl:param name="w"/>
    <xsl:choose>
      <xsl:when test="para">
        <xsl:for-each select="para">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="$NL"/></xsl:if>
          <xsl:call-template name="wrap-inline">
            <xsl:with-param name="width" select="$w"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-inline">
          <xsl:with-param name="width" select="$w"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Zip the lines of up to four wrapped cells into aligned lines:
       line by line, columns 1 to 3 padded to w1 to w3 and two spaces
       apart, each line ending after its last non-empty cell, until every
       cell is used up ("table-lines", one line per call). -->
  <xsl:template name="table-row">
    <xsl:param name="c1"/>
    <xsl:param name="c2"/>
    <xsl:param name="c3"/>
    <xsl:param name="c4"/>
    <xsl:param name="w1"/>
    <xsl:param name="w2"/>
    <xsl:param name="w3"/>
    <xsl:choose>
      <!-- monoc's C version (src/ext.c), same result. -->
      <xsl:when test="function-available('ext:table-row')">
        <xsl:value-of select="ext:table-row($c1, $c2, $c3, $c4, $w1, $w2, $w3, string-length($SPACES))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="table-lines">
          <xsl:with-param name="c1" select="$c1"/>
          <xsl:with-param name="c2" select="$c2"/>
          <xsl:with-param name="c3" select="$c3"/>
          <xsl:with-param name="c4" select="$c4"/>
          <xsl:with-param name="w1" select="$w1"/>
          <xsl:with-param name="w2" select="$w2"/>
          <xsl:with-param name="w3" select="$w3"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table-lines">
    <xsl:param name="c1"/>
    <xsl:param name="c2"/>
    <xsl:param name="c3"/>
    <xsl:param name="c4"/>
    <xsl:param name="w1"/>
    <xsl:param name="w2"/>
    <xsl:param name="w3"/>
    <xsl:if test="concat($c1, $c2, $c3, $c4) != ''">
      <xsl:variable name="l1" select="substring-before(concat($c1, $NL), $NL)"/>
      <xsl:variable name="l2" select="substring-before(concat($c2, $NL), $NL)"/>
      <xsl:variable name="l3" select="substring-before(concat($c3, $NL), $NL)"/>
      <xsl:variable name="l4" select="substring-before(concat($c4, $NL), $NL)"/>
      <xsl:variable name="t3">
        <xsl:choose>
          <xsl:when test="$l4 != ''">
            <xsl:call-template name="pad"><xsl:with-param name="s" select="$l3"/><xsl:with-param name="width" select="$w3"/></xsl:call-template>
            <xsl:value-of select="concat('  ', $l4)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$l3"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="t2">
        <xsl:choose>
          <xsl:when test="$t3 != ''">
            <xsl:call-template name="pad"><xsl:with-param name="s" select="$l2"/><xsl:with-param name="width" select="$w2"/></xsl:call-template>
            <xsl:value-of select="concat('  ', $t3)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$l2"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$t2 != ''">
          <xsl:call-template name="pad"><xsl:with-param name="s" select="$l1"/><xsl:with-param name="width" select="$w1"/></xsl:call-template>
          <xsl:value-of select="concat('  ', $t2)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$l1"/></xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="table-lines">
        <xsl:with-param name="c1" select="substring-after($c1, $NL)"/>
        <xsl:with-param name="c2" select="substring-after($c2, $NL)"/>
        <xsl:with-param name="c3" select="substring-after($c3, $NL)"/>
        <xsl:with-param name="c4" select="substring-after($c4, $NL)"/>
        <xsl:with-param name="w1" select="$w1"/>
        <xsl:with-param name="w2" select="$w2"/>
        <xsl:with-param name="w3" select="$w3"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- References: [n] with a hanging indent, URLs on lines of their own. -->
  <xsl:template match="refs" mode="t">
    <xsl:call-template name="heading1"><xsl:with-param name="title" select="'References'"/></xsl:call-template>
    <xsl:for-each select="ref">
      <xsl:variable name="mark" select="concat('[', @n, '] ')"/>
      <xsl:variable name="hang" select="substring($SPACES, 1, string-length($mark))"/>
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="wrap">
        <xsl:with-param name="text">
          <xsl:for-each select="part[@kind != 'url']">
            <xsl:value-of select="."/>
            <xsl:if test="not(contains('.?!', substring(., string-length(.))))">.</xsl:if>
            <xsl:text> </xsl:text>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="first-indent" select="$mark"/>
        <xsl:with-param name="indent" select="$hang"/>
      </xsl:call-template>
      <xsl:value-of select="$NL"/>
      <xsl:for-each select="part[@kind = 'url']">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="."/>
          <xsl:with-param name="indent" select="$hang"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
