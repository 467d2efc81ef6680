<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: a monograph as plain UTF-8 text (NAME.txt).

  At most 78 characters a line, words never broken (a token longer than a
  line, such as a URL, breaks after / ? & or =), no tabs, no trailing
  white space, exactly one newline at the end. Sections are upper-case
  titles underlined with =, subsections underlined with -, lists use
  hanging indents, tables are aligned columns with cells wrapped inside
  their column, boxed warnings are framed, citations are [n] and the
  references are listed at the end.

  All line breaking goes through the named template "wrap" so that a C
  extension function can replace it with identical output.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:ext="urn:monoc:ext"
                exclude-result-prefixes="m exsl str ext">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="WIDTH" select="78"/>
  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="SPACES" select="'                                                                                '"/>
  <xsl:variable name="RULE" select="'--------------------------------------------------------------------------------'"/>
  <xsl:variable name="DRULE" select="'================================================================================'"/>

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
  <!-- How a citation group reads, " [1, 4]" (the no-break space keeps it
       with the word before): the template below and ext:inline both
       take these. -->
  <xsl:variable name="cite-open" select="concat($NBSP, '[')"/>
  <xsl:variable name="cite-sep" select="concat(',', $NBSP)"/>
  <xsl:variable name="cite-close" select="']'"/>
  <xsl:template match="cites" mode="tin">
    <xsl:value-of select="$cite-open"/>
    <xsl:for-each select="c">
      <xsl:sort select="@n" data-type="number"/>
      <xsl:if test="position() &gt; 1"><xsl:value-of select="$cite-sep"/></xsl:if>
      <xsl:value-of select="@n"/>
    </xsl:for-each>
    <xsl:value-of select="$cite-close"/>
  </xsl:template>

  <!-- The inline content of the context node, after prefix, wrapped:
       template wrap with text = prefix and template inline-string.
       With monoc's C functions, one expression instead of two template
       calls and a result tree fragment. -->
  <xsl:template name="wrap-inline">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first-indent" select="$indent"/>
    <xsl:choose>
      <xsl:when test="function-available('ext:wrap') and function-available('ext:inline')">
        <xsl:value-of select="ext:wrap(normalize-space(concat($prefix, normalize-space(ext:inline(., 'text', $cite-open, $cite-sep, $cite-close)))), $width, string($indent), string($first-indent))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text">
            <xsl:value-of select="$prefix"/>
            <xsl:call-template name="inline-string"/>
          </xsl:with-param>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first-indent" select="$first-indent"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The fallback of ext:inline(., 'text', $cite-open, $cite-sep, $cite-close), normalised. -->
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
    <xsl:variable name="title" select="translate(@title, $LOWER, $UPPER)"/>
    <xsl:value-of select="concat($title, $NL, substring($DRULE, 1, string-length($title)), $NL, $NL)"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text">
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="@summary"/></xsl:call-template>
        <xsl:text>.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="concat($NL, 'Monograph version ', @version, ', reviewed ', @reviewed, '.', $NL)"/>
    <xsl:apply-templates select="section | refs" mode="t"/>
    <xsl:if test="related">
      <xsl:call-template name="heading1"><xsl:with-param name="title" select="'See also'"/></xsl:call-template>
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="wrap">
        <xsl:with-param name="text">
          <xsl:text>Related monographs: </xsl:text>
          <xsl:for-each select="related">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="concat(@ref, ' (', @ref, '.txt)')"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="heading1">
    <xsl:param name="title"/>
    <xsl:variable name="t" select="translate($title, $LOWER, $UPPER)"/>
    <xsl:value-of select="concat($NL, $NL, $t, $NL, substring($DRULE, 1, string-length($t)), $NL)"/>
  </xsl:template>

  <xsl:template match="section" mode="t">
    <xsl:call-template name="heading1"><xsl:with-param name="title" select="@title"/></xsl:call-template>
    <xsl:apply-templates select="*" mode="t"/>
  </xsl:template>

  <xsl:template match="sub" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <r>
      <xsl:choose>
        <xsl:when test="@kind = 'warn' and $width = $WIDTH">
          <xsl:variable name="inner" select="$WIDTH - 4"/>
          <xsl:variable name="body">
            <xsl:call-template name="wrap">
              <xsl:with-param name="text" select="concat('WARNING: ', @title)"/>
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
              <xsl:with-param name="text" select="@title"/>
              <xsl:with-param name="width" select="$width"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="len">
            <xsl:choose>
              <xsl:when test="contains($t, $NL)"><xsl:value-of select="$width"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="string-length($t)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:value-of select="concat($NL, $t, $NL, substring($RULE, 1, $len), $NL)"/>
          <xsl:apply-templates select="*" mode="t">
            <xsl:with-param name="width" select="$width"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </r>
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

  <!-- Each item, like each table row and each sub, in an element of
       its own (see the template for tables). -->
  <xsl:template match="list" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="item">
      <r>
        <xsl:variable name="mark">
          <xsl:choose>
            <xsl:when test="../@type = 'ordered'"><xsl:value-of select="concat('  ', position(), '. ')"/></xsl:when>
            <xsl:otherwise>  - </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="wrap-inline">
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="first-indent" select="$mark"/>
          <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($mark))"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </r>
    </xsl:for-each>
  </xsl:template>

  <!-- Tables: column widths per table, gutters of two spaces. -->
  <xsl:template match="table" mode="t">
    <xsl:param name="width" select="$WIDTH"/>
    <xsl:variable name="w">
      <xsl:choose>
        <xsl:when test="@cols = 'stage dose'">14 62</xsl:when>
        <xsl:when test="@cols = 'form status strengths products'">22 14 20 16</xsl:when>
        <xsl:when test="@cols = 'effect category severity'">40 12 22</xsl:when>
        <xsl:when test="@cols = 'agent severity effect'">20 16 38</xsl:when>
        <xsl:otherwise>18 18 18 18</xsl:otherwise>
      </xsl:choose>
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
