<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: shared by html.xsl, text.xsl, man.xsl and index.xsl
  (xsl:include): a few constants, ucfirst, the input check and the style
  sheet of the HTML pages.

  The renderers read one input: the document model of a monograph, which
  monoc builds (src/model.c) after it has validated the monograph.  The
  model is defined by schema/model.xsd, which also describes each
  element.  monoc's emit-model option writes it, so that stock xsltproc
  can run a renderer on it (docs/stylesheets.md has the commands).

  Every word the model holds (section titles, labels) comes from
  xslt/words.xml; how each format shows the model is in its renderer.
  A U+00A0 no-break space in the model joins a citation group to the
  word before it and numbers to their units; each format renders it its
  own way.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:ext="urn:monoc:ext"
                xmlns:func="http://exslt.org/functions"
                xmlns:mx="urn:monoc:xsl"
                extension-element-prefixes="ext func"
                exclude-result-prefixes="exsl str ext func mx">

  <xsl:variable name="WS" select="' &#9;&#10;&#13;'"/>
  <xsl:variable name="NBSP" select="'&#160;'"/>
  <xsl:variable name="LOWER" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="UPPER" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <!-- The lists of every format are indented to this depth and no
       deeper: a list nested 100 deep gave text lines of 89 columns, man
       lines over 80 and a page wider than a phone.  Real labels nest 3
       deep at most. -->
  <xsl:variable name="LIST-INDENTS" select="8"/>

  <xsl:template name="ucfirst">
    <xsl:param name="s"/>
    <xsl:value-of select="concat(translate(substring($s, 1, 1), $LOWER, $UPPER), substring($s, 2))"/>
  </xsl:template>


  <!-- ============================================================ -->
  <!-- General tables (no @cols): the grid of cells                 -->
  <!-- ============================================================ -->

  <!-- A table of more columns than this is shown row by row, one
       "column path: value" line a cell, in the text and the man page.
       Below it, a table is a grid whenever its longest words fit side by
       side (at 78 or 80 columns no more than 8 or 7 can), so this only
       bounds the work; HTML always shows the grid. -->
  <xsl:variable name="table-grid-max" select="12"/>

  <!-- The number of columns of the context table: the widest of its
       rows (head or body; a table need not have a head row), each row as
       wide as the columns its cells span and, where cells of rows above
       reach down into it, the columns they cover (labels are not always
       square: the grid, template table-grid, then gives a short row empty
       slots at its end). -->
  <xsl:template name="table-ncols">
    <xsl:choose>
      <xsl:when test="not(*/cell[@rowspan &gt; 1])">
        <xsl:call-template name="table-row-width"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="layout-rtf"><xsl:call-template name="table-layout-raw"/></xsl:variable>
        <xsl:value-of select="exsl:node-set($layout-rtf)/g/@n"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The widest row of the context table by the columns its own cells
       span (0 for none). -->
  <xsl:template name="table-row-width">
    <xsl:variable name="ws">
      <xsl:for-each select="head | row">
        <xsl:sort select="count(cell[not(@colspan)]) + sum(cell/@colspan)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(cell[not(@colspan)]) + sum(cell/@colspan)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="number(concat('0', $ws))"/>
  </xsl:template>

  <!-- The columns and the grid of the context table, for
       exsl:node-set(): g with n (template table-ncols) holding the r
       elements of template table-grid for n columns; the grid is built
       once, wide enough for any row, and cut to n. -->
  <xsl:template name="table-layout">
    <xsl:param name="room" select="''"/>
    <xsl:param name="gutter" select="0"/>
    <xsl:param name="least" select="0"/>
    <xsl:param name="breaks" select="'/?&amp;=-'"/>
    <!-- monoc's C twin (src/grid.c) when it runs the stylesheet -->
    <ext:table-layout room="{$room}" gutter="{$gutter}" least="{$least}" breaks="{$breaks}">
      <xsl:fallback>
        <xsl:call-template name="table-layout-xslt">
          <xsl:with-param name="room" select="$room"/>
          <xsl:with-param name="gutter" select="$gutter"/>
          <xsl:with-param name="least" select="$least"/>
          <xsl:with-param name="breaks" select="$breaks"/>
        </xsl:call-template>
      </xsl:fallback>
    </ext:table-layout>
  </xsl:template>

  <!-- With room: also the widths, ws on g ("W1 ... Wn ", or "list" for
       more than $table-grid-max columns or words that do not fit side by
       side: template table-widths for avail = room - gutter * (n - 1)),
       and on each slot w, the width of the columns it spans and the
       gutters between them, and cw, the width of its first column. -->
  <xsl:template name="table-layout-xslt">
    <xsl:param name="room" select="''"/>
    <xsl:param name="gutter" select="0"/>
    <xsl:param name="least" select="0"/>
    <xsl:param name="breaks" select="'/?&amp;=-'"/>
    <xsl:choose>
      <xsl:when test="string($room) = ''"><xsl:call-template name="table-layout-grid"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="g-rtf"><xsl:call-template name="table-layout-grid"/></xsl:variable>
        <xsl:variable name="g" select="exsl:node-set($g-rtf)/g"/>
        <xsl:variable name="ws">
          <xsl:choose>
            <xsl:when test="$g/@n &gt; $table-grid-max">list</xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="table-widths-xslt">
                <xsl:with-param name="grid" select="$g/r"/>
                <xsl:with-param name="n" select="number($g/@n)"/>
                <xsl:with-param name="avail" select="$room - $gutter * ($g/@n - 1)"/>
                <xsl:with-param name="least" select="$least"/>
                <xsl:with-param name="breaks" select="$breaks"/>
                <xsl:with-param name="gutter" select="$gutter"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <g n="{$g/@n}" ws="{$ws}">
          <xsl:for-each select="$g/r">
            <r>
              <xsl:copy-of select="@*"/>
              <xsl:for-each select="s">
                <s>
                  <xsl:copy-of select="@*"/>
                  <xsl:if test="$ws != 'list'">
                    <xsl:attribute name="w">
                      <xsl:call-template name="sum-tokens">
                        <xsl:with-param name="s" select="string($ws)"/>
                        <xsl:with-param name="from" select="@col"/>
                        <xsl:with-param name="k" select="@span"/>
                        <xsl:with-param name="acc" select="$gutter * (@span - 1)"/>
                      </xsl:call-template>
                    </xsl:attribute>
                    <xsl:attribute name="cw">
                      <xsl:call-template name="sum-tokens">
                        <xsl:with-param name="s" select="string($ws)"/>
                        <xsl:with-param name="from" select="@col"/>
                        <xsl:with-param name="k" select="1"/>
                      </xsl:call-template>
                    </xsl:attribute>
                  </xsl:if>
                </s>
              </xsl:for-each>
            </r>
          </xsl:for-each>
        </g>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table-layout-grid">
    <xsl:variable name="raw-rtf"><xsl:call-template name="table-layout-raw"/></xsl:variable>
    <xsl:variable name="raw" select="exsl:node-set($raw-rtf)/g"/>
    <!-- a column where no cell starts (always spanned with the one
         before, as labels do) is dropped: no format can give it a width
         of its own.  Only for grids of at most $table-grid-max columns:
         wider tables are lists, where columns only name headers. -->
    <xsl:variable name="starts-rtf">
      <xsl:if test="$raw/@n &lt;= $table-grid-max">
        <xsl:call-template name="grid-starts">
          <xsl:with-param name="grid" select="$raw/r"/>
          <xsl:with-param name="c" select="1"/>
          <xsl:with-param name="n" select="$raw/@n"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="starts" select="exsl:node-set($starts-rtf)/c"/>
    <xsl:choose>
      <xsl:when test="$raw/@n &gt; $table-grid-max or count($starts) = $raw/@n">
        <xsl:copy-of select="$raw"/>
      </xsl:when>
      <xsl:otherwise>
        <g n="{count($starts)}">
          <xsl:for-each select="$raw/r">
            <r>
              <xsl:copy-of select="@*"/>
              <xsl:for-each select="s">
                <xsl:variable name="a" select="@col"/>
                <xsl:variable name="b" select="@col + @span"/>
                <s col="{count($starts[@n &lt;= $a])}" span="{count($starts[@n &gt;= $a and @n &lt; $b])}">
                  <xsl:copy-of select="@*[local-name() != 'col' and local-name() != 'span']"/>
                </s>
              </xsl:for-each>
            </r>
          </xsl:for-each>
        </g>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- c elements numbered c to n (n at most 256: a table's columns). -->
  <xsl:template name="count-to">
    <xsl:param name="c" select="1"/>
    <xsl:param name="n"/>
    <xsl:if test="$c &lt;= $n">
      <c n="{$c}"/>
      <xsl:call-template name="count-to">
        <xsl:with-param name="c" select="$c + 1"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- c elements, one for each column from c to n where a slot of grid
       starts. -->
  <xsl:template name="grid-starts">
    <xsl:param name="grid"/>
    <xsl:param name="c"/>
    <xsl:param name="n"/>
    <xsl:if test="$c &lt;= $n">
      <xsl:if test="$grid/s[@col = $c]"><c n="{$c}"/></xsl:if>
      <xsl:call-template name="grid-starts">
        <xsl:with-param name="grid" select="$grid"/>
        <xsl:with-param name="c" select="$c + 1"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The grid before that merge (template table-grid), cut to the
       columns its cells reach. -->
  <xsl:template name="table-layout-raw">
    <!-- monoc's C twin (src/grid.c) when it runs the stylesheet -->
    <ext:table-layout raw="yes">
      <xsl:fallback><xsl:call-template name="table-layout-raw-xslt"/></xsl:fallback>
    </ext:table-layout>
  </xsl:template>

  <xsl:template name="table-layout-raw-xslt">
    <xsl:variable name="ws"><xsl:call-template name="table-row-width"/></xsl:variable>
    <xsl:variable name="tall" select="*/cell[@rowspan &gt; 1]"/>
    <xsl:choose>
      <xsl:when test="not($tall)">
        <g n="{$ws}">
          <xsl:call-template name="table-grid"><xsl:with-param name="n" select="$ws"/></xsl:call-template>
        </g>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="grid-rtf">
          <xsl:call-template name="table-grid">
            <xsl:with-param name="n" select="$ws + count($tall[not(@colspan)]) + sum($tall/@colspan)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="grid" select="exsl:node-set($grid-rtf)/r"/>
        <xsl:variable name="n">
          <xsl:for-each select="$grid/s[@cell != '']">
            <xsl:sort select="@col + @span" data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="@col + @span - 1"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <g n="{$n}">
          <xsl:for-each select="$grid">
            <r>
              <xsl:copy-of select="@*"/>
              <xsl:copy-of select="s[@col &lt;= $n]"/>
            </r>
          </xsl:for-each>
        </g>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The grid of the context table, as elements for exsl:node-set():
       one r a row (kind head or row; cont="yes" when a cell of a row
       above reaches into it), one s a slot: col, span, cell (the
       generate-id() of the cell, empty for an empty slot), ri and ci
       (the cell is cell ci of the ri-th of head | row: look it up so,
       by position, which is fast; comparing generate-id() with every
       cell is quadratic), the cell's align and header, so that a tbl
       format line needs no look-up; cov="yes" where the slot is one column
       of a cell from a row above (rowspan).  Each head and row in order;
       the schema says the grid is whole. -->
  <xsl:template name="table-grid">
    <xsl:param name="n"/>
    <xsl:call-template name="grid-row">
      <xsl:with-param name="rows" select="head | row"/>
      <xsl:with-param name="i" select="1"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="pending">
        <xsl:call-template name="repeat">
          <xsl:with-param name="s" select="'0 '"/>
          <xsl:with-param name="k" select="$n"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Row i of rows; pending holds a token a column: 0, or K:ID when
       the cell ID covers it for K more rows. -->
  <xsl:template name="grid-row">
    <xsl:param name="rows"/>
    <xsl:param name="i"/>
    <xsl:param name="n"/>
    <xsl:param name="pending"/>
    <xsl:if test="$i &lt;= count($rows)">
      <xsl:variable name="res">
        <xsl:call-template name="grid-cells">
          <xsl:with-param name="row" select="$rows[$i]"/>
          <xsl:with-param name="ri" select="$i"/>
          <xsl:with-param name="col" select="1"/>
          <xsl:with-param name="ci" select="1"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="pend" select="$pending"/>
          <xsl:with-param name="out" select="''"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="r" select="exsl:node-set($res)"/>
      <r kind="{local-name($rows[$i])}">
        <xsl:if test="contains($pending, ':')"><xsl:attribute name="cont">yes</xsl:attribute></xsl:if>
        <xsl:copy-of select="$r/s"/>
      </r>
      <xsl:call-template name="grid-row">
        <xsl:with-param name="rows" select="$rows"/>
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="pending" select="string($r/p)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The slots of one row from column col on (ci: its next cell), then
       p: the pending tokens for the next row. -->
  <xsl:template name="grid-cells">
    <xsl:param name="row"/>
    <xsl:param name="ri"/>
    <xsl:param name="col"/>
    <xsl:param name="ci"/>
    <xsl:param name="n"/>
    <xsl:param name="pend"/>
    <xsl:param name="out"/>
    <xsl:variable name="tok" select="substring-before($pend, ' ')"/>
    <xsl:variable name="rest" select="substring-after($pend, ' ')"/>
    <xsl:variable name="cell" select="$row/cell[$ci]"/>
    <xsl:choose>
      <xsl:when test="$col &gt; $n"><p><xsl:value-of select="$out"/></p></xsl:when>
      <xsl:when test="$tok != '0' and $tok != ''">
        <xsl:variable name="k" select="number(substring-before($tok, ':'))"/>
        <xsl:variable name="id" select="substring-after($tok, ':')"/>
        <xsl:variable name="at" select="substring-after($id, '/')"/>
        <s col="{$col}" span="1" cell="{substring-before($id, '/')}" ri="{substring-before($at, '/')}" ci="{substring-after($at, '/')}" cov="yes"/>
        <xsl:call-template name="grid-cells">
          <xsl:with-param name="row" select="$row"/>
          <xsl:with-param name="ri" select="$ri"/>
          <xsl:with-param name="col" select="$col + 1"/>
          <xsl:with-param name="ci" select="$ci"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="pend" select="$rest"/>
          <xsl:with-param name="out">
            <xsl:value-of select="$out"/>
            <xsl:choose>
              <xsl:when test="$k &gt; 1"><xsl:value-of select="concat($k - 1, ':', $id, ' ')"/></xsl:when>
              <xsl:otherwise>0 </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$cell">
        <xsl:variable name="cs">
          <xsl:choose>
            <xsl:when test="$cell/@colspan &gt; 1"><xsl:value-of select="$cell/@colspan"/></xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="id" select="generate-id($cell)"/>
        <s col="{$col}" span="{$cs}" cell="{$id}" ri="{$ri}" ci="{$ci}">
          <xsl:copy-of select="$cell/@align | $cell/@header"/>
        </s>
        <xsl:call-template name="grid-cells">
          <xsl:with-param name="row" select="$row"/>
          <xsl:with-param name="ri" select="$ri"/>
          <xsl:with-param name="col" select="$col + $cs"/>
          <xsl:with-param name="ci" select="$ci + 1"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="pend">
            <xsl:call-template name="drop-tokens">
              <xsl:with-param name="s" select="$rest"/>
              <xsl:with-param name="k" select="$cs - 1"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="out">
            <xsl:value-of select="$out"/>
            <xsl:call-template name="repeat">
              <xsl:with-param name="s">
                <xsl:choose>
                  <xsl:when test="$cell/@rowspan &gt; 1"><xsl:value-of select="concat($cell/@rowspan - 1, ':', $id, '/', $ri, '/', $ci, ' ')"/></xsl:when>
                  <xsl:otherwise>0 </xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="k" select="$cs"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- a row short of cells: an empty slot -->
        <s col="{$col}" span="1" cell=""/>
        <xsl:call-template name="grid-cells">
          <xsl:with-param name="row" select="$row"/>
          <xsl:with-param name="ri" select="$ri"/>
          <xsl:with-param name="col" select="$col + 1"/>
          <xsl:with-param name="ci" select="$ci"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="pend" select="$rest"/>
          <xsl:with-param name="out" select="concat($out, '0 ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The slots of the head rows (r elements of template table-layout)
       among grid whose cells stand over column col: each one a cell
       begins in (not covered) spanning col.  A table's list layout asks
       this for every value, and XPath tests every head slot each time;
       monoc's C twin (src/grid.c) reads them without converting. -->
  <func:function name="mx:col-heads">
    <xsl:param name="grid"/>
    <xsl:param name="col"/>
    <xsl:choose>
      <xsl:when test="function-available('ext:col-heads')">
        <func:result select="ext:col-heads($grid, $col)"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="$grid[@kind = 'head']/s[not(@cov) and @col &lt;= $col and @col + @span &gt; $col]"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The cell of the table t that the grid slot s (template
       table-layout) holds: cell @ci of the @ri-th of t's head and row
       elements.  XPath tests a predicate on every row to find the
       @ri-th, which made tables of many rows quadratic: monoc's C twin
       (src/grid.c) goes straight to it. -->
  <func:function name="mx:grid-cell">
    <xsl:param name="t"/>
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="function-available('ext:grid-cell')">
        <func:result select="ext:grid-cell($t, $s/@ri, $s/@ci)"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="($t/head | $t/row)[number($s/@ri)]/cell[number($s/@ci)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The widths of the n columns of the context table, "W1 W2 ... Wn "
       (each followed by a space), that fill at most avail characters
       (gutters not counted): each column least, and what is left shared
       in proportion to the length of its longest cell of one column (its
       text, four more a citation group, three a footnote mark).  When
       that leaves a column narrower than its longest word (template
       table-natural; a cell spanning k columns asks of each a k-th of
       its longest word, less the gutters between them, of gutter
       characters each), each column gets at least its longest word and
       what is left is shared in proportion to what each still lacks of
       its longest cell; when the longest words do not fit side by side
       at all, the result is "list": the caller shows the table row by
       row instead, so no word is ever split inside a column. -->
  <xsl:template name="table-widths">
    <xsl:param name="grid"/>
    <xsl:param name="n"/>
    <xsl:param name="avail"/>
    <xsl:param name="least"/>
    <xsl:param name="breaks" select="'/?&amp;=-'"/>
    <xsl:param name="gutter" select="0"/>
    <xsl:choose>
      <!-- monoc's C twin (src/grid.c) when it runs the stylesheet -->
      <xsl:when test="function-available('ext:table-widths')">
        <xsl:value-of select="ext:table-widths(., $grid, $n, $avail, $least, $breaks, $gutter)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="table-widths-xslt">
          <xsl:with-param name="grid" select="$grid"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="avail" select="$avail"/>
          <xsl:with-param name="least" select="$least"/>
          <xsl:with-param name="breaks" select="$breaks"/>
          <xsl:with-param name="gutter" select="$gutter"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="table-widths-xslt">
    <xsl:param name="grid"/>
    <xsl:param name="n"/>
    <xsl:param name="avail"/>
    <xsl:param name="least"/>
    <xsl:param name="breaks"/>
    <xsl:param name="gutter" select="0"/>
    <xsl:variable name="t" select="."/>
    <xsl:variable name="nat">
      <xsl:call-template name="table-natural">
        <xsl:with-param name="t" select="$t"/>
        <xsl:with-param name="grid" select="$grid"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="least" select="$least"/>
        <xsl:with-param name="breaks" select="$breaks"/>
        <xsl:with-param name="gutter" select="$gutter"/>
        <xsl:with-param name="c" select="1"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="nodes" select="exsl:node-set($nat)/w"/>
    <xsl:variable name="total" select="sum($nodes)"/>
    <xsl:choose>
      <xsl:when test="not($nodes[$least + floor(. * ($avail - $n * $least) div $total) &lt; @word])">
        <xsl:for-each select="$nodes">
          <xsl:value-of select="$least + floor(. * ($avail - $n * $least) div $total)"/>
          <xsl:text> </xsl:text>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lo-rtf">
          <xsl:for-each select="$nodes">
            <lo nat="{.}">
              <xsl:choose>
                <xsl:when test="@word &gt; $least"><xsl:value-of select="@word"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$least"/></xsl:otherwise>
              </xsl:choose>
            </lo>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="lo" select="exsl:node-set($lo-rtf)/lo"/>
        <xsl:variable name="extra" select="$avail - sum($lo)"/>
        <xsl:variable name="lack" select="sum($lo[@nat &gt; .]/@nat) - sum($lo[@nat &gt; .])"/>
        <xsl:choose>
          <xsl:when test="$extra &lt; 0">list</xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$lo">
              <xsl:choose>
                <xsl:when test="$lack &gt; 0 and @nat &gt; .">
                  <xsl:value-of select=". + floor((@nat - .) * $extra div $lack)"/>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
              <xsl:text> </xsl:text>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The widths of a table monoc makes itself (@cols, no spans),
       "W1 ... Wn": fixed, the format's widths for it, when each column
       is at least as wide as its longest word (template cell-word), else
       the widths template table-widths gives for the same total ("list"
       when the words do not fit side by side in it). -->
  <xsl:template name="table-fit">
    <xsl:param name="fixed"/>
    <xsl:param name="least"/>
    <xsl:param name="breaks"/>
    <xsl:variable name="t" select="."/>
    <xsl:variable name="ws" select="str:tokenize($fixed, ' ')"/>
    <xsl:variable name="over">
      <xsl:for-each select="$ws">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="w" select="number(.)"/>
        <xsl:for-each select="$t/*/cell[$i]">
          <xsl:variable name="k">
            <xsl:call-template name="cell-word"><xsl:with-param name="breaks" select="$breaks"/></xsl:call-template>
          </xsl:variable>
          <xsl:if test="$k &gt; $w">x</xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="n" select="count(head[1]/cell)"/>
    <xsl:variable name="fit">
      <xsl:if test="$over != ''">
        <xsl:variable name="grid-rtf">
          <xsl:call-template name="table-grid"><xsl:with-param name="n" select="$n"/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="table-widths">
          <xsl:with-param name="grid" select="exsl:node-set($grid-rtf)/r"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="avail" select="sum($ws[position() &lt;= $n])"/>
          <xsl:with-param name="least" select="$least"/>
          <xsl:with-param name="breaks" select="$breaks"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$over = ''"><xsl:value-of select="$fixed"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($fit)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- w elements: the longest cell of one column in columns c..n, at
       least least. -->
  <xsl:template name="table-natural">
    <xsl:param name="t"/>
    <xsl:param name="grid"/>
    <xsl:param name="n"/>
    <xsl:param name="least"/>
    <xsl:param name="breaks"/>
    <xsl:param name="gutter" select="0"/>
    <xsl:param name="c"/>
    <xsl:if test="$c &lt;= $n">
      <xsl:variable name="rows" select="$t/head | $t/row"/>
      <!-- one v a cell of one column in column c: n its length, its
           value the length of its longest word -->
      <xsl:variable name="vals">
        <xsl:for-each select="$grid/s[@col = $c and @span = 1 and not(@cov) and @cell != '']">
          <xsl:for-each select="$rows[number(current()/@ri)]/cell[number(current()/@ci)]">
            <v n="{string-length(normalize-space(.)) + 4 * count(.//cites) + 3 * count(.//fnref)}">
              <xsl:call-template name="cell-word"><xsl:with-param name="breaks" select="$breaks"/></xsl:call-template>
            </v>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="max">
        <xsl:for-each select="exsl:node-set($vals)/v">
          <xsl:sort select="@n" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="@n"/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <!-- and a cell spanning k columns over c (gutter characters
           between them) asks of each its share of its longest word -->
      <xsl:variable name="word">
        <xsl:copy-of select="$vals"/>
        <xsl:for-each select="$grid/s[@span &gt; 1 and @col &lt;= $c and @col + @span &gt; $c and not(@cov) and @cell != '']">
          <xsl:variable name="k" select="number(@span)"/>
          <xsl:for-each select="$rows[number(current()/@ri)]/cell[number(current()/@ci)]">
            <xsl:variable name="cw"><xsl:call-template name="cell-word"><xsl:with-param name="breaks" select="$breaks"/></xsl:call-template></xsl:variable>
            <xsl:variable name="share" select="ceiling(($cw - $gutter * ($k - 1)) div $k)"/>
            <xsl:if test="$share &gt; 0"><v><xsl:value-of select="$share"/></v></xsl:if>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:variable>
      <w>
        <xsl:attribute name="word">
          <xsl:for-each select="exsl:node-set($word)/v">
            <xsl:sort select="." data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
          </xsl:for-each>
          <xsl:if test="not(exsl:node-set($word)/v)">0</xsl:if>
        </xsl:attribute>
        <xsl:choose>
          <xsl:when test="string($max) != '' and $max &gt; $least"><xsl:value-of select="$max"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$least"/></xsl:otherwise>
        </xsl:choose>
      </w>
      <xsl:call-template name="table-natural">
        <xsl:with-param name="t" select="$t"/>
        <xsl:with-param name="grid" select="$grid"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="least" select="$least"/>
        <xsl:with-param name="breaks" select="$breaks"/>
        <xsl:with-param name="gutter" select="$gutter"/>
        <xsl:with-param name="c" select="$c + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The length of the longest word of the context cell, a word being
       what the line breaker of the format never breaks: a run of
       characters between spaces (U+00A0 joins), or, in a run with one of
       the characters breaks (text.xsl breaks after / ? &amp; = and -,
       man.xsl after a hyphen), the longest piece between them and one
       more for the character it ends with; a citation group joined to the
       word before it (" [n," or " [n]"); three more when the cell has a
       footnote mark, one more with a superscript or subscript, as the
       renderers write them. -->
  <xsl:template name="cell-word">
    <xsl:param name="breaks"/>
    <xsl:variable name="toks" select="str:tokenize(normalize-space(.), ' ')"/>
    <xsl:variable name="lens">
      <xsl:for-each select="$toks">
        <xsl:choose>
          <xsl:when test="translate(., $breaks, '') = .">
            <v><xsl:value-of select="string-length(.)"/></v>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="str:tokenize(., $breaks)">
              <v><xsl:value-of select="string-length(.) + 1"/></v>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select=".//cites">
        <xsl:variable name="before" select="string(preceding-sibling::node()[1])"/>
        <xsl:variable name="last" select="str:tokenize($before, ' ')[last()]"/>
        <v>
          <xsl:value-of select="3 + string-length(c[1]/@n) + string-length($last) *
                                not(contains(' &#9;&#10;&#13;', substring($before, string-length($before))))"/>
        </v>
        <xsl:for-each select="c[@at]">
          <xsl:for-each select="str:tokenize(@at, ' ')">
            <v><xsl:value-of select="string-length(.) + 1"/></v>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="max">
      <xsl:for-each select="exsl:node-set($lens)/v">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="number(concat('0', $max)) + 3 * boolean(.//fnref) + boolean(.//sup | .//sub)"/>
  </xsl:template>

  <!-- The sum of the k space-terminated numbers of s from the from-th. -->
  <xsl:template name="sum-tokens">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="k"/>
    <xsl:param name="acc" select="0"/>
    <xsl:choose>
      <xsl:when test="$from &gt; 1">
        <xsl:call-template name="sum-tokens">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="from" select="$from - 1"/>
          <xsl:with-param name="k" select="$k"/>
          <xsl:with-param name="acc" select="$acc"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$k &gt; 0">
        <xsl:call-template name="sum-tokens">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="from" select="1"/>
          <xsl:with-param name="k" select="$k - 1"/>
          <xsl:with-param name="acc" select="$acc + substring-before($s, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$acc"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- s, k times. -->
  <xsl:template name="repeat">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <xsl:if test="$k &gt; 0">
      <xsl:value-of select="$s"/>
      <xsl:call-template name="repeat">
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="k" select="$k - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- s without its first k space-terminated tokens. -->
  <xsl:template name="drop-tokens">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$k &gt; 0">
        <xsl:call-template name="drop-tokens">
          <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          <xsl:with-param name="k" select="$k - 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
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
h4, h5, h6 { margin: 1.3rem 0 .4rem; font-size: 1.05rem; line-height: 1.3; }
h5, h6 { font-size: 1rem; }
h6 { font-style: italic; }
.num { font-variant-numeric: tabular-nums; }
.quote { margin: 1rem 0; padding: .3rem 1rem; border-left: 5px solid #6b6b6b; background: #f6f6f6; }
.quote p { margin: .3rem 0; }
.summary { font-size: 1.15rem; margin: .2rem 0; }
.meta, .backs, footer { color: var(--muted); font-size: .9rem; }
nav { margin: 1rem 0; padding: .6rem 1rem; background: #f4f6f8; border: 1px solid var(--line); border-radius: 6px; }
nav h2 { margin: .2rem 0 .4rem; font-size: 1.05rem; border: 0; }
nav ul { margin: 0; padding-left: 0; list-style: none; columns: 2 14rem; }
p, li { overflow-wrap: break-word; }
ul, ol { padding-left: 1.5rem; }
ul.flat, ol.flat { padding-left: 0; }
li { margin: .25rem 0; }
.cite { font-size: .9em; }
.highlights { border: 3px solid var(--ink); background: #f4f6f8; border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1.5rem 0; }
.highlights > h2 { border-bottom: 0; margin-top: .6rem; }
.status { display: inline-block; margin: .4rem 0; padding: .2rem .6rem; border: 2px solid var(--warn); color: var(--warn); background: var(--warn-bg); font-weight: 700; }
.boxed > section, section.warn { border: 3px solid var(--warn); background: var(--warn-bg); border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; }
.boxed > section > h3, section.warn > h3, section.warn > h4, section.warn > h5, section.warn > h6 { color: var(--warn); }
.boxed > section > h3::before, section.warn > h3::before, section.warn > h4::before, section.warn > h5::before, section.warn > h6::before { content: "\26A0\FE0E  "; }
.note { border-left: 5px solid #8a6d00; background: var(--note-bg); padding: .4rem .9rem; margin: 1rem 0; }
.note-tag { color: var(--note); text-transform: uppercase; letter-spacing: .03em; font-size: .9em; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
caption, figcaption { text-align: left; font-weight: 600; padding: .3rem 0; }
figcaption { position: sticky; left: 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #eef1f4; }
td p { margin: 0 0 .3rem; }
td p:last-child { margin-bottom: 0; }
.al-center { text-align: center; }
.al-right { text-align: right; }
.footnotes { margin: -.5rem 0 1rem; font-size: .9rem; }
.footnotes p { margin: .2rem 0; }
.table-wrap:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
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
  nav ul { columns: 1; }
  /* the interactions table on a phone: each row a block, its cells one
     under the other (three columns side by side pushed "Effect and what
     to do" out of sight); the header row stays for screen readers */
  #interactions-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  #interactions-table tr, #interactions-table th, #interactions-table td { display: block; }
  #interactions-table tr { border: 1px solid var(--line); margin: 0 0 .6rem; }
  #interactions-table th, #interactions-table td { border: 0; }
}
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav, .skip, .backs { display: none; }
  a { color: inherit; text-decoration: none; }
  .refs a[href^="http"]::after { content: ""; }
  h2, h3 { break-after: avoid; }
  table, .note, section.warn, .boxed > section, .highlights { break-inside: avoid; }
  .boxed > section, section.warn { background: none; }
  .sev { border: 1px solid #000; color: #000; background: none; }
}
</style>
  </xsl:template>

  <!-- What doc/@status says, in words, for the page header, the text's
       title block and the man page's NAME line (ASCII). -->
  <xsl:template name="status-words">
    <xsl:param name="s" select="/doc/@status"/>
    <xsl:choose>
      <xsl:when test="$s = 'test-data'">Test data, not a medicine</xsl:when>
      <xsl:when test="$s = 'draft'">Draft, not for use</xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The model: the document element doc, or nothing. -->
  <xsl:variable name="model" select="/doc"/>

  <!-- Stop with a message when the input is not a model (a monograph
       given to xsltproc as it is). -->
  <xsl:template name="require-model">
    <xsl:if test="not(/doc)">
      <xsl:message terminate="yes">error: this stylesheet renders monoc's document model (schema/model.xsd), not a monograph: run 'monoc --emit-model FILE &gt; MODEL.xml' and give it MODEL.xml</xsl:message>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
