<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl: index.html, every monograph compiled into the folder, by
  drug class, then drug (active ingredient), each entry saying what
  tells it apart from the others of its drug (xslt/meta.xsl gives what
  each sidecar knows), with a search box that filters the page as one
  types (the script at the end; without it the page is a plain list).

  monoc (src/index.c) orders and groups the entries and builds the page
  in parts, so that its memory does not grow with the number of
  monographs: the groups a few hundred entries at a time, from
  <index part="entries"><group id drug n [class] [class-id class-n
  class-drugs [none="yes" letter*]] see*>entry*</group>...</index> (the
  class heading on the first group of its class), then
  the page from <index entries="N" drugs classed classes>class*
  letter*</index>, whose main part holds the comment "entries" where
  monoc puts the groups.  An entry with tell="yes" reads like another
  but for its set id and version (or its id when it has none), which
  it then shows.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:1"
                xmlns:ext="urn:monoc:ext"
                exclude-result-prefixes="m ext">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="monoc-version" select="'0.1.0'"/>

  <!-- What separates the facts of an entry's second line. -->
  <xsl:variable name="sep" select="' · '"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="m:index/@part = 'entries'">
        <xsl:apply-templates select="m:index/m:group"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="page"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="plural">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many" select="concat($one, 's')"/>
    <xsl:value-of select="$n"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$n = 1"><xsl:value-of select="$one"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$many"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="page">
    <xsl:variable name="ix" select="m:index"/>
    <xsl:variable name="n" select="sum($ix/@entries)"/>
    <xsl:variable name="classed" select="sum($ix/@classed)"/>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="en">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Drug monographs</title>
        <meta name="description" content="Index of the drug monographs, by drug class and active ingredient, with a search box"/>
        <xsl:call-template name="html-style"/>
        <style>
.search { display: none; margin: 1rem 0; }
.search.on { display: block; }
.search label { display: block; font-weight: 600; margin-bottom: .3rem; }
.search input { width: 100%; max-width: 30rem; font: inherit; padding: .45rem .6rem; border: 2px solid #5a5a5a; border-radius: 4px; }
.search input:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
.found { min-height: 1.55em; margin: .4rem 0 0; color: var(--muted); }
.az { list-style: none; padding: 0; margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .2rem .3rem; }
.az li { margin: 0; }
.az a { display: inline-block; min-width: 1.9rem; padding: .15rem .3rem; text-align: center; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.classes { columns: 2 16rem; margin: .4rem 0 0; }
.classes li { break-inside: avoid; }
.count { color: var(--muted); font-weight: 400; font-size: .9em; }
.drug { margin: 1rem 0 0; }
.drug h3 { margin: 1.2rem 0 .2rem; }
.see { margin: 0 0 .3rem; color: var(--muted); font-size: .95rem; }
.entries { margin: 0; }
.entries .d { color: var(--muted); font-size: .95rem; }
@media (max-width: 40rem) { .classes { columns: 1; } }
</style>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <div class="page">
          <header>
            <p class="kicker">monoc</p>
            <h1>Drug monographs</h1>
            <p class="summary">
              <xsl:call-template name="plural">
                <xsl:with-param name="n" select="$n"/>
                <xsl:with-param name="one" select="'monograph'"/>
              </xsl:call-template>
              <xsl:text> of </xsl:text>
              <xsl:call-template name="plural">
                <xsl:with-param name="n" select="sum($ix/@drugs)"/>
                <xsl:with-param name="one" select="'drug'"/>
              </xsl:call-template>
              <xsl:text>. </xsl:text>
              <xsl:choose>
                <xsl:when test="$n = 0"/>
                <xsl:when test="$classed = $n and $n = 1">It states its drug class.</xsl:when>
                <xsl:when test="$classed = $n">Each states its drug class.</xsl:when>
                <xsl:when test="$classed = 0">None states a drug class.</xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="$classed"/>
                  <xsl:text> state a drug class (</xsl:text>
                  <xsl:call-template name="plural">
                    <xsl:with-param name="n" select="sum($ix/@classes)"/>
                    <xsl:with-param name="one" select="'class'"/>
                    <xsl:with-param name="many" select="'classes'"/>
                  </xsl:call-template>
                  <xsl:text>), </xsl:text>
                  <xsl:value-of select="$n - $classed"/>
                  <xsl:text> do not.</xsl:text>
                </xsl:otherwise>
              </xsl:choose>
            </p>
          </header>
          <main id="main">
            <div class="search" id="search">
              <label for="q">Find by generic name, brand, ingredient or drug class</label>
              <input id="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="found" aria-controls="all"/>
              <p class="found" id="found" role="status" aria-live="polite"></p>
            </div>
            <xsl:if test="$ix/m:class">
              <nav aria-labelledby="toc">
                <h2 id="toc">Drug classes</h2>
                <xsl:if test="$ix/m:letter">
                  <ul class="az">
                    <xsl:for-each select="$ix/m:letter">
                      <li><a href="#{@ref}"><xsl:value-of select="@c"/></a></li>
                    </xsl:for-each>
                  </ul>
                </xsl:if>
                <ul class="classes">
                  <xsl:for-each select="$ix/m:class">
                    <li>
                      <a href="#{@ref}">
                        <xsl:choose>
                          <xsl:when test="@none = 'yes'">No drug class stated</xsl:when>
                          <xsl:otherwise>
                            <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="@label"/></xsl:call-template>
                          </xsl:otherwise>
                        </xsl:choose>
                      </a>
                      <xsl:text> </xsl:text>
                      <span class="count"><xsl:value-of select="concat('(', @n, ')')"/></span>
                    </li>
                  </xsl:for-each>
                </ul>
              </nav>
            </xsl:if>
            <div id="all">
              <xsl:apply-templates select="$ix/m:group"/>
              <xsl:if test="$ix/@entries"><xsl:comment>entries</xsl:comment></xsl:if>
            </div>
          </main>
          <footer>
            <p><xsl:value-of select="concat('Generated by monoc ', $monoc-version, '.')"/></p>
          </footer>
        </div>
        <xsl:call-template name="script"/>
      </body>
    </html>
  </xsl:template>

  <!-- A drug in a class; the first of its class starts the class. -->
  <xsl:template match="m:group">
    <xsl:if test="@class-id">
      <h2 id="{@class-id}" class="cls">
        <xsl:choose>
          <xsl:when test="@none = 'yes'">No drug class stated</xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="@class"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
        <span class="count">
          <xsl:text>(</xsl:text>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="@class-n"/>
            <xsl:with-param name="one" select="'monograph'"/>
          </xsl:call-template>
          <xsl:text>, </xsl:text>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="@class-drugs"/>
            <xsl:with-param name="one" select="'drug'"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </span>
      </h2>
      <xsl:if test="m:letter">
        <nav aria-label="Drugs without a stated class, A to Z">
          <ul class="az">
            <xsl:for-each select="m:letter">
              <li><a href="#{@ref}"><xsl:value-of select="@c"/></a></li>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:if>
    </xsl:if>
    <section class="drug" id="{@id}">
      <h3>
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="@drug"/></xsl:call-template>
        <xsl:if test="@n &gt; 1">
          <xsl:text> </xsl:text>
          <span class="count"><xsl:value-of select="concat('(', @n, ')')"/></span>
        </xsl:if>
      </h3>
      <xsl:if test="m:see">
        <p class="see">
          <xsl:text>Combinations: </xsl:text>
          <xsl:for-each select="m:see">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <a href="#{@ref}"><xsl:value-of select="@drug"/></a>
          </xsl:for-each>
        </p>
      </xsl:if>
      <ul class="entries">
        <xsl:apply-templates select="m:entry"/>
      </ul>
    </section>
  </xsl:template>

  <!-- One monograph: name and brands, then what tells it apart. -->
  <xsl:template match="m:entry">
    <li>
      <a href="{@id}.html"><strong>
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="normalize-space(@name)"/></xsl:call-template>
      </strong></a>
      <xsl:if test="m:brand">
        <xsl:text> (</xsl:text>
        <xsl:for-each select="m:brand">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="@name"/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <!-- each fact after $sep, the first one's cut off below -->
      <xsl:variable name="facts">
        <xsl:for-each select="m:form">
          <xsl:choose>
            <xsl:when test="position() = 1"><xsl:value-of select="$sep"/></xsl:when>
            <xsl:otherwise>; </xsl:otherwise>
          </xsl:choose>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
        <xsl:for-each select="ext:firsts(m:form, 'route')">
          <xsl:choose>
            <xsl:when test="position() = 1"><xsl:value-of select="$sep"/></xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="translate(@route, '-', ' ')"/>
        </xsl:for-each>
        <xsl:if test="@schedule">
          <xsl:value-of select="concat($sep, 'Schedule ', substring-after(@schedule, 'schedule-'))"/>
        </xsl:if>
        <xsl:if test="@labeler">
          <xsl:value-of select="concat($sep, @labeler)"/>
        </xsl:if>
        <xsl:if test="@date">
          <xsl:value-of select="concat($sep, 'label of ', @date)"/>
        </xsl:if>
        <xsl:value-of select="$sep"/>
        <xsl:choose>
          <xsl:when test="@status = 'draft'">draft</xsl:when>
          <xsl:when test="@status = 'test-data'">test data</xsl:when>
          <xsl:when test="@reviewed">
            <xsl:value-of select="concat('reviewed ', @reviewed)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@tell = 'yes'">
          <xsl:choose>
            <xsl:when test="@set-id">
              <xsl:value-of select="concat($sep, 'set id ', @set-id, ', version ', @version)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="concat($sep, 'monograph ', @id)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:variable>
      <br/>
      <span class="d">
        <xsl:call-template name="ucfirst">
          <xsl:with-param name="s" select="substring($facts, string-length($sep) + 1)"/>
        </xsl:call-template>
      </span>
      <xsl:if test="normalize-space(@summary) != ''">
        <br/>
        <xsl:call-template name="ucfirst"><xsl:with-param name="s" select="normalize-space(@summary)"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="m:link">
        <br/>
        <span class="d">Links to: </span>
        <xsl:for-each select="m:link">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <a href="{@ref}.html"><xsl:value-of select="@ref"/></a>
        </xsl:for-each>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A dosage form and its strengths: "extended-release tablet 10 mg,
       20 mg"; a combination's by ingredient: "tablet codeine phosphate
       30 mg, 60 mg, acetaminophen 300 mg"; a form of many ingredients
       by their number (xslt/meta.xsl). -->
  <xsl:template match="m:form">
    <xsl:if test="@release">
      <xsl:value-of select="concat(@release, '-release ')"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@kind = 'other'">other form</xsl:when>
      <xsl:otherwise><xsl:value-of select="translate(@kind, '-', ' ')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="ings" select="ext:firsts(m:strength[@ingredient], 'ingredient')"/>
    <xsl:choose>
      <xsl:when test="@ingredients">
        <xsl:value-of select="concat(', ', @ingredients, ' active ingredients')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="m:strength[not(@ingredient)]">
          <xsl:text> </xsl:text>
          <xsl:call-template name="strengths">
            <xsl:with-param name="s" select="m:strength[not(@ingredient)]"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:for-each select="$ings">
          <xsl:variable name="i" select="@ingredient"/>
          <xsl:choose>
            <xsl:when test="position() = 1"><xsl:text> </xsl:text></xsl:when>
            <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat($i, ' ')"/>
          <xsl:call-template name="strengths">
            <xsl:with-param name="s" select="../m:strength[@ingredient = $i]"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Strengths, each once (ext:firsts, src/ext.c), by unit and amount:
       "5 mg/5 mL, 10 mg". -->
  <xsl:template name="strengths">
    <xsl:param name="s"/>
    <xsl:for-each select="ext:firsts($s, 'amount unit in in-unit ingredient')">
      <xsl:sort select="@unit"/>
      <xsl:sort select="@in-unit"/>
      <xsl:sort select="@in" data-type="number"/>
      <xsl:sort select="@amount" data-type="number"/>
      <xsl:variable name="a" select="@amount"/>
      <xsl:variable name="u" select="@unit"/>
      <xsl:variable name="in" select="string(@in)"/>
      <xsl:variable name="iu" select="string(@in-unit)"/>
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="$a"/>
      <xsl:if test="$u != '%'"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="$u"/>
      <xsl:if test="$in != ''">
        <xsl:text>/</xsl:text>
        <xsl:if test="$in != '1'"><xsl:value-of select="concat($in, ' ')"/></xsl:if>
        <xsl:value-of select="$iu"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The search box's script: it shows the box (not shown without
       JavaScript: class "on"), folds every entry's text with its drug and class
       once (lower case, no accents), and on each input keeps the
       entries holding every word typed, the groups and classes with
       any, and says how many in the live region. -->
  <xsl:template name="script">
    <script>
(function () {
  'use strict';
  var box = document.getElementById('search');
  var q = document.getElementById('q');
  var found = document.getElementById('found');
  var all = document.getElementById('all');
  if (!box || !q || !found || !all || !''.normalize) return;
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var items = [], groups = [], heads = [], total = 0, timer = 0;
  var kids = all.children, cls = null;
  for (var i = 0; i &lt; kids.length; i++) {
    var k = kids[i];
    if (k.tagName === 'H2') { cls = { h: k, g: [], rest: [] }; heads.push(cls); continue; }
    if (!cls) continue;
    if (k.tagName !== 'SECTION') { cls.rest.push(k); continue; }
    var h3 = k.querySelector('h3');
    var g = { s: k, li: [] };
    cls.g.push(g);
    var ctx = ' ' + fold(cls.h.textContent + ' ' + (h3 ? h3.textContent : ''));
    var lis = k.querySelectorAll('.entries > li');
    for (var j = 0; j &lt; lis.length; j++) {
      g.li.push({ e: lis[j], t: fold(lis[j].textContent) + ctx });
      total++;
    }
    groups.push(g);
  }
  function show(el, on) { if (on) el.removeAttribute('hidden'); else el.setAttribute('hidden', ''); }
  function filter() {
    var words = fold(q.value).split(/\s+/).filter(function (w) { return w !== ''; });
    var n = 0;
    for (var c = 0; c &lt; heads.length; c++) {
      var any = false;
      for (var gi = 0; gi &lt; heads[c].g.length; gi++) {
        var g = heads[c].g[gi], m = 0;
        for (var li = 0; li &lt; g.li.length; li++) {
          var t = g.li[li].t, ok = true;
          for (var w = 0; w &lt; words.length &amp;&amp; ok; w++) ok = t.indexOf(words[w]) !== -1;
          show(g.li[li].e, ok);
          if (ok) m++;
        }
        show(g.s, m &gt; 0);
        n += m;
        if (m &gt; 0) any = true;
      }
      show(heads[c].h, any);
      for (var r = 0; r &lt; heads[c].rest.length; r++) show(heads[c].rest[r], any &amp;&amp; words.length === 0);
    }
    found.textContent = words.length === 0 ? '' :
      n === 0 ? 'No monograph matches \u201c' + q.value.trim() + '\u201d.' :
      (n === 1 ? '1 monograph matches' : n + ' monographs match') + ' \u201c' + q.value.trim() + '\u201d.';
  }
  q.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(filter, total &gt; 2000 ? 200 : 80);
  });
  q.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' &amp;&amp; q.value !== '') { q.value = ''; filter(); }
  });
  box.className += ' on';
  if (q.value !== '') filter();
})();
</script>
  </xsl:template>

</xsl:stylesheet>
