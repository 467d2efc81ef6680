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
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:variable name="WS" select="' &#9;&#10;&#13;'"/>
  <xsl:variable name="NBSP" select="'&#160;'"/>
  <xsl:variable name="LOWER" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="UPPER" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <xsl:template name="ucfirst">
    <xsl:param name="s"/>
    <xsl:value-of select="concat(translate(substring($s, 1, 1), $LOWER, $UPPER), substring($s, 2))"/>
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
nav ol { margin: 0; padding-left: 1.4rem; columns: 2 14rem; }
p, li { overflow-wrap: break-word; }
ul, ol { padding-left: 1.5rem; }
li { margin: .25rem 0; }
.cite { white-space: nowrap; font-size: .9em; }
.boxed > section, section.warn { border: 3px solid var(--warn); background: var(--warn-bg); border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; }
.boxed > section > h3, section.warn > h3, section.warn > h4, section.warn > h5, section.warn > h6 { color: var(--warn); }
.boxed > section > h3::before, section.warn > h3::before, section.warn > h4::before, section.warn > h5::before, section.warn > h6::before { content: "\26A0\FE0E  "; }
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
