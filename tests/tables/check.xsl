<?xml version="1.0" encoding="UTF-8"?>
<!--
  check.xsl: the property of tables that tests/tables/run.sh checks, on
  each general table of a document model as the renderer that includes
  this file (text.xsl through text.xsl here, man.xsl through man.xsl)
  draws it.  A table with header rows is drawn either as a grid (its
  header rows above a rule) or as records; in a record every non-empty
  cell's value follows its column path, the text of the header cells
  over all its columns joined by ", " (computed here from the grid of
  common.xsl, not by the renderer's template), or, for a cell across
  every column, stands alone.  A value with no header cell over it (in
  the first column, which heads its record, or in a column the label
  left without a header) has no path to follow.  No table is headed by an empty "Table:".
  One line a table: "ok ID grid", "ok ID records N", "ok ID no-head", or
  "FAIL ID: what is wrong".

  The including sheet defines the templates p-render (the table as its
  renderer draws it), p-grid (is that drawing a grid: "yes" or ""),
  p-inline (a node's inline content as the renderer writes it) and
  p-line (the expected start of a record's line for a path and a value
  start; path "" for none).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common"
                xmlns:mx="urn:monoc:xsl"
                exclude-result-prefixes="exsl mx">

  <xsl:param name="name" select="''"/>

  <xsl:template match="/">
    <xsl:for-each select="//table[not(@cols)]">
      <xsl:call-template name="p-table"/>
    </xsl:for-each>
  </xsl:template>

  <!-- white space out: wrapping may break a line anywhere one has
       space, or after a slash -->
  <xsl:template name="p-squash">
    <xsl:param name="s"/>
    <xsl:value-of select="translate($s, ' &#10;&#9;&#160;', '')"/>
  </xsl:template>

  <xsl:template name="p-table">
    <xsl:variable name="t" select="."/>
    <xsl:variable name="id" select="concat($name, '#', @id)"/>
    <xsl:variable name="r-rtf"><xsl:call-template name="p-render"/></xsl:variable>
    <xsl:variable name="r" select="string($r-rtf)"/>
    <xsl:variable name="rs">
      <xsl:call-template name="p-squash"><xsl:with-param name="s" select="$r"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="grid-rtf"><xsl:call-template name="table-layout-raw"/></xsl:variable>
    <xsl:variable name="grid" select="exsl:node-set($grid-rtf)/g/r"/>
    <xsl:variable name="n" select="number(exsl:node-set($grid-rtf)/g/@n)"/>
    <xsl:variable name="is-grid"><xsl:call-template name="p-grid"><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:variable>
    <!-- one line of problems: each "; what" -->
    <xsl:variable name="bad">
      <xsl:if test="contains($r, 'Table:&#10;') or contains($r, 'Table: &#10;') or contains($r, 'Table: \fP')">
        <xsl:text>; an empty "Table:"</xsl:text>
      </xsl:if>
      <xsl:if test="head and $is-grid != 'yes'">
        <xsl:for-each select="$grid[@kind = 'row']/s[not(@cov) and @cell != '']">
          <xsl:variable name="cell" select="mx:grid-cell($t, current())[parent::row]"/>
          <xsl:variable name="v-rtf">
            <xsl:call-template name="p-inline"><xsl:with-param name="node" select="$cell/para[1]"/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="v" select="normalize-space($v-rtf)"/>
          <xsl:if test="$v != ''">
            <xsl:variable name="col" select="number(@col)"/>
            <xsl:variable name="span" select="number(@span)"/>
            <xsl:variable name="over" select="$grid[@kind = 'head']/s[not(@cov) and @col &lt;= $col and @col + @span &gt;= $col + $span][normalize-space(mx:grid-cell($t, .)) != '']"/>
            <xsl:variable name="path-rtf">
              <xsl:for-each select="$over">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:call-template name="p-inline"><xsl:with-param name="node" select="mx:grid-cell($t, current())"/></xsl:call-template>
              </xsl:for-each>
            </xsl:variable>
            <xsl:variable name="path" select="normalize-space($path-rtf)"/>
            <xsl:variable name="start" select="substring($v, 1, 24)"/>
            <xsl:variable name="want-rtf">
              <xsl:call-template name="p-line">
                <xsl:with-param name="path" select="$path"/>
                <xsl:with-param name="value" select="$start"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:variable name="want">
              <xsl:call-template name="p-squash"><xsl:with-param name="s" select="string($want-rtf)"/></xsl:call-template>
            </xsl:variable>
            <xsl:choose>
              <!-- across every column: a line of its own -->
              <xsl:when test="$span &gt;= $n">
                <xsl:variable name="alone">
                  <xsl:call-template name="p-squash"><xsl:with-param name="s" select="$start"/></xsl:call-template>
                </xsl:variable>
                <xsl:if test="not(contains($rs, $alone))">
                  <xsl:value-of select="concat('; row-wide value &quot;', $start, '&quot; missing')"/>
                </xsl:if>
              </xsl:when>
              <!-- no header cell over the slot: the first column,
                   which heads its record, or a column the label gave
                   no header (nothing to write); a span no header cell
                   covers whole is written "first-last" -->
              <xsl:when test="$path = ''"/>
              <xsl:when test="not(contains($rs, $want))">
                <xsl:value-of select="concat('; &quot;', $start, '&quot; not after its path &quot;', $path, '&quot;')"/>
              </xsl:when>
            </xsl:choose>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="head and $is-grid = 'yes'">
        <!-- a grid: every header cell drawn -->
        <xsl:for-each select="head/cell">
          <xsl:variable name="h-rtf"><xsl:call-template name="p-inline"><xsl:with-param name="node" select="."/></xsl:call-template></xsl:variable>
          <!-- its first word up to where a grid may break it in its
               column (after / or -) -->
          <xsl:variable name="w" select="substring-before(concat(translate(normalize-space($h-rtf), '&#160;/-', '   '), ' '), ' ')"/>
          <xsl:variable name="h">
            <xsl:call-template name="p-squash"><xsl:with-param name="s" select="$w"/></xsl:call-template>
          </xsl:variable>
          <xsl:if test="not(contains($rs, $h))">
            <xsl:value-of select="concat('; header &quot;', normalize-space($h-rtf), '&quot; not drawn')"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($bad) != ''">
        <xsl:value-of select="concat('FAIL ', $id, ': ', substring($bad, 3), '&#10;')"/>
      </xsl:when>
      <xsl:when test="not(head)">
        <xsl:value-of select="concat('ok ', $id, ' no-head&#10;')"/>
      </xsl:when>
      <xsl:when test="$is-grid = 'yes'">
        <xsl:value-of select="concat('ok ', $id, ' grid&#10;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('ok ', $id, ' records ', count(row), '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
