#!/bin/sh
# tests/parity.sh: the three output formats carry the same facts.
#
# Usage (from the repository root):  tests/parity.sh [DIR [SRCDIR]]
#
# DIR (default "output") holds DIR/html/NAME.html, DIR/text/NAME.txt and
# DIR/man/man7/NAME-info.7; SRCDIR (default "monographs") holds the
# monographs, matched to NAME by their id attribute.  For every NAME found
# in any of the three formats:
#   files       the other two formats exist as well;
#   citations   the citation markers in reading order, outside the
#               references list, form the same multiset in the text, in
#               the man page (rendered: MANWIDTH=80 man -l, col -bx) and in
#               the HTML (tags stripped, entities decoded), and every
#               number is between 1 and the number of sources.  Markers
#               are "[1]", "[1, 3]", "[1][3]" and ranges "[1-3]"/"[1–3]",
#               with or without a locator ("[2, §5.1]"); each format shows
#               each source's number at least as often as the monograph
#               cites it (the Highlights repeat some statements, with
#               their citations, so there may be more, the same in all);
#   references  the REFERENCES list has one entry per <source> element of
#               the monograph in each format;
#   sections    every section title (h2-h6, .SH/.SS, text headings, also
#               inside a box) of one format appears, case-insensitively,
#               in the other two,
#               ignoring the man page's conventional NAME, SYNOPSIS,
#               DESCRIPTION and SEE ALSO and an HTML table of contents.
# PARITY_DEBUG=1 also prints what was extracted from each format.
# Prints "ok CHECK NAME" or "FAIL CHECK NAME" with details indented, then
# "N passed, N failed" last.  Exit status 0 when all passed, 1 otherwise
# (2 when node, man or xmllint is missing: run tools/setup.sh).
dir=${1:-output}
src=${2:-monographs}
for c in node man col xmllint; do
	command -v "$c" >/dev/null 2>&1 || {
		echo "FAIL tool-missing:$c $c"
		echo "0 passed, 1 failed"
		exit 2
	}
done
exec node - "$dir" "$src" <<'EOF'
'use strict';
const fs = require('fs'), path = require('path');
const { execFileSync } = require('child_process');
const [dir, srcDir] = process.argv.slice(2);
let pass = 0, fail = 0;

function report(check, name, problems) {
  if (problems.length === 0) { console.log('ok ' + check + ' ' + name); pass++; return; }
  console.log('FAIL ' + check + ' ' + name);
  for (const p of problems.slice(0, 30)) console.log('    ' + p);
  fail++;
}
const list = (d, re) => { try { return fs.readdirSync(d).filter((f) => re.test(f)); } catch (e) { return []; } };
const norm = (s) => s.replace(/[\u00a0\s]+/g, ' ').trim();
const key = (t) => norm(t).toLowerCase().replace(/^(\d+(\.\d+)*\.?\s+)/, '').replace(/[:.]$/, '').trim();

// Citation numbers in reading order.  Text and man tables wrap a group
// such as "[1, 3]" inside a cell, so one rendered line may hold "[1," and
// a later one "3]" with other columns in between: after the whole groups,
// an unclosed "[1," and an unopened "3]" count as fragments of a group.
const N = String.raw`\d+(?:\s*(?:,|[-\u2010\u2011\u2012\u2013\u2212])\s*\d+)*`;
const FULL = new RegExp(String.raw`\[\s*(` + N + String.raw`)\s*\]`, 'g');
const OPEN = new RegExp(String.raw`\[\s*(` + N + String.raw`)\s*,?`, 'g');
const CLOSE = new RegExp(String.raw`(?<=^|[\s\u2502\u2503|,])(` + N + String.raw`)\s*\]`, 'g');
function expand(list, out) {
  for (const part of list.split(',')) {
    const r = part.trim().split(/\s*[-\u2010\u2011\u2012\u2013\u2212]\s*/).map(Number);
    if (r.length === 2 && r[1] > r[0] && r[1] - r[0] < 100) for (let i = r[0]; i <= r[1]; i++) out.push(i);
    else out.push(...r);
  }
}
// A citation may give a locator: "[4, §5.1]", "[2; 4, How Supplied]"
// (groups with locators are separated by ";"; a locator may hold one,
// "Dosage; Pediatric Use").  The locators go first, each line on its own
// (table columns stand side by side; a locator cut at a line's end goes
// up to there), then ";" reads as ",".
const LOCATOR = /[,;][ \t]+(?:\u00a7|[A-Za-z])[^\[\];\n]*?(?=[ \t]*[;\]]|[ \t]*$)/gm;
function cites(text) {
  const out = [];
  text = text.replace(/\u00a0/g, ' ').replace(LOCATOR, '').replace(/;\s*(?=\d)/g, ', ');
  for (let line of text.split('\n')) {
    line = line.replace(/\u00a0/g, ' ');
    for (const re of [FULL, OPEN, CLOSE]) {
      line = line.replace(re, (m, list) => { expand(list, out); return ' '.repeat(m.length); });
    }
  }
  return out;
}
// An entry of a references list: "1. ...", "1) ..." or "[1] ...".
const REFENTRY = /^\s*(?:\[(\d+)\]|(\d+)[.)])(\s|$)/;

// ---------------------------------------------------------------- HTML
const ENT = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', minus: '\u2212',
  ndash: '\u2013', mdash: '\u2014', hyphen: '\u2010', lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']',
  comma: ',', period: '.', colon: ':' };
const decode = (s) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    : (ENT[e.toLowerCase()] ?? ' '));
const BLOCK = /^(p|div|li|ol|ul|dl|dt|dd|tr|td|th|table|caption|thead|tbody|section|article|aside|header|footer|main|nav|h[1-6]|br|hr|pre|blockquote|figure|figcaption|details|summary)$/i;
const stripTags = (h) => decode(h.replace(/<!--[\s\S]*?-->/g, '')
  .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
  .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (m, t) => BLOCK.test(t) ? '\n' : ''));

function fromHtml(file) {
  let h = fs.readFileSync(file, 'utf8');
  h = h.replace(/<head\b[\s\S]*?<\/head\s*>/i, '').replace(/<!--[\s\S]*?-->/g, '');
  // A table of contents repeats titles and is no section of its own.
  h = h.replace(/<nav\b[\s\S]*?<\/nav\s*>/gi, ' ');
  const heads = [];
  const re = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
  let m;
  while ((m = re.exec(h)) !== null)
    heads.push({ level: +m[1], title: norm(stripTags(m[2])), start: m.index, end: re.lastIndex });
  const titles = heads.filter((x) => x.level > 1).map((x) => x.title);
  // The references list runs from its heading to the next heading of the
  // same or a higher level.
  let body = h, refs = null;
  const ri = heads.findIndex((x) => key(x.title) === 'references');
  if (ri >= 0) {
    const r = heads[ri];
    const next = heads.slice(ri + 1).find((x) => x.level <= r.level);
    const stop = next ? next.start : h.length;
    const part = h.slice(r.end, stop);
    const n = (t) => (part.match(new RegExp('<' + t + '\\b', 'gi')) || []).length;
    refs = n('li') || n('dt') || n('p');
    body = h.slice(0, r.start) + ' ' + h.slice(stop);
  }
  return { titles, cites: cites(stripTags(body)), refs };
}

// ---------------------------------------------------------------- text
// Headings in the plain text: a title followed by an underline of = - ~
// (also inside a box), the first paragraph of a box, or a line in
// capitals that starts at column 0 after a blank line; references are
// the numbered entries after the "References" heading.
function headingsOfLines(lines, isHeading) {
  const out = [];
  lines.forEach((l, i) => { if (isHeading(l, i)) out.push({ i, title: norm(l) }); });
  return out;
}
function splitRefs(lines, heads) {
  const hi = heads.findIndex((x) => key(x.title) === 'references');
  if (hi < 0) return { body: lines.join('\n'), refs: null };
  const start = heads[hi].i, next = heads[hi + 1], stop = next ? next.i : lines.length;
  const refs = lines.slice(start + 1, stop).filter((l) => REFENTRY.test(l)).length;
  return { body: lines.slice(0, start).concat(lines.slice(stop)).join('\n'), refs };
}
function fromText(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const border = (l) => /^\s*\+-{3,}\+\s*$/.test(l || '');
  const boxed = (l) => (l || '').replace(/^\s*[|\u2502]/, '').replace(/[|\u2502]\s*$/, '');
  // An underline, also inside a box ("| ------- |"): a subsection of a
  // boxed warning.
  const underline = (l) => /^\s*([=~\-\u2500\u2550])\1{2,}\s*$/.test(boxed(l));
  // (the status line of test data or a draft, "*** TEST DATA ... ***",
  // is no heading)
  const caps = (l) => /^\S/.test(l) && /\p{Lu}{2}/u.test(l) && !/\p{Ll}/u.test(l) && !REFENTRY.test(l) &&
    !underline(l) && !border(l) && !/^\*\*\* .* \*\*\*$/.test(l);
  const heads = [];
  lines.forEach((l, i) => {
    if (norm(l) === '' || underline(l) || border(l)) return;
    if (underline(lines[i + 1])) {
      // A title wrapped over several lines, all above its underline.
      // Inside a box, only the line above the underline: the box's
      // other lines are its text.
      let j = i;
      while (j > 0 && !/^\s*[|\u2502]/.test(l) && norm(lines[j - 1]) !== '' &&
          !underline(lines[j - 1])) j--;
      heads.push({ i: j, title: norm(lines.slice(j, i + 1).map(boxed).join(' ')) });
    } else if (border(lines[i - 1]) && /^\s*[|\u2502]/.test(l)) {
      // The first paragraph of a box is its title.
      let j = i, t = [];
      while (j < lines.length && norm(boxed(lines[j])) !== '' && !border(lines[j])) t.push(boxed(lines[j++]));
      heads.push({ i, title: norm(t.join(' ')) });
    } else if (caps(l) && !underline(lines[i - 1]) && norm(lines[i - 1] || '') === '') {
      // A heading in capitals with no underline follows a blank line; a
      // table cell wrapped to column 0 ("MAOI" under "Agent") follows
      // the row's first line.
      heads.push({ i, title: norm(l) });
    }
  });
  // The first heading is the document title (like the HTML h1).
  const titles = heads.slice(1).map((x) => x.title);
  const { body, refs } = splitRefs(lines, heads);
  return { titles, cites: cites(body), refs };
}

// ---------------------------------------------------------------- man
// The roff escapes a title may carry, turned back into characters.
const ROFF_CHARS = { aq: "'", dq: '"', em: '\u2014', en: '\u2013', hy: '-', lq: '\u201c', rq: '\u201d',
  oq: '\u2018', cq: '\u2019', mc: '\u00b5', de: '\u00b0', '*m': '\u03bc', '>=': '\u2265', '<=': '\u2264',
  mu: '\u00d7', rs: '\\', ti: '~', ha: '^', bu: '\u2022', ga: '`', 'co': '\u00a9', pl: '+', eq: '=',
  sl: '/', ul: '_', ba: '|', 'or': '|', '+-': '\u00b1', mi: '\u2212', fm: '\u2032', sd: '\u2033' };
function unescapeRoff(t) {
  return t.replace(/\\\[u([0-9A-Fa-f]{4,6})\]/g, (m, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/\\\(([^\s]{2})/g, (m, c) => ROFF_CHARS[c] ?? '')
    .replace(/\\\[([^\]]*)\]/g, (m, c) => ROFF_CHARS[c] ?? '')
    .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '').replace(/\\s[-+]?\d/g, '')
    .replace(/\\[&:%c]/g, '').replace(/\\[-]/g, '-').replace(/\\e/g, '\\')
    .replace(/\\[~0 ]/g, ' ').replace(/\\\|/g, '').replace(/\\\^/g, '');
}
const MAN_CONVENTIONAL = new Set(['name', 'synopsis', 'description', 'see also']);
function fromMan(file) {
  const srcLines = fs.readFileSync(file, 'utf8').split('\n');
  const titles = [];
  for (const [i, l] of srcLines.entries()) {
    // a subsection below the first level: a paragraph that is one bold
    // line, the next one starting another paragraph
    const b = /^\\fB(.*)\\fP$/.exec(l);
    if (b && i > 0 && /^\.PP$/.test(srcLines[i - 1]) && !/:$/.test(b[1]) &&
        /^\.(PP|IP|RS|SS|SH)\b/.test(srcLines[i + 1] || '')) {
      titles.push(norm(unescapeRoff(b[1])));
      continue;
    }
    const m = /^[.'][ \t]*S[HS](?:[ \t]+(.*))?$/.exec(l);
    if (!m) continue;
    let t = (m[1] || '').trim();
    if (t.startsWith('"')) t = t.replace(/^"((?:[^"]|"")*)"?.*$/, '$1').replace(/""/g, '"');
    t = unescapeRoff(t);
    titles.push(norm(t));
  }
  const env = { ...process.env, LC_ALL: 'C.UTF-8', MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' };
  const rendered = execFileSync('sh', ['-c', 'man -l "$1" 2>/dev/null | col -bx', 'sh', file],
    { env, encoding: 'utf8' });
  const lines = rendered.split('\n');
  // Rendered section headings start at column 0 (.SH) or 3 (.SS); the
  // first and last lines are the page header and footer.
  const heads = headingsOfLines(lines, (l, i) => i > 0 && i < lines.length - 2 &&
    /^( {3})?\S/.test(l) && !REFENTRY.test(l) &&
    (titles.some((t) => key(t) === key(l)) || MAN_CONVENTIONAL.has(key(l)) || key(l) === 'references'));
  const { body, refs } = splitRefs(lines.slice(1, -2), heads.map((x) => ({ ...x, i: x.i - 1 })));
  return { titles, cites: cites(manText(srcLines)), refs };
}

// The text lines of a man page's source up to its references: each tbl
// cell's text is contiguous there, where the rendered page sets the
// columns side by side (a group wrapped over three lines of a narrow
// column would lose its middle).  Requests, tbl layouts and T{ T} go;
// a tab (a cell boundary) reads as a column rule.
function manText(src) {
  const out = [];
  let layout = false;
  for (const l of src) {
    if (/^[.'][ \t]*SH[ \t]+"?REFERENCES/.test(l)) break;
    if (/^[.'][ \t]*TS\b/.test(l)) { layout = true; continue; }
    if (layout) { if (/\.\s*$/.test(l)) layout = false; continue; }
    if (/^[.']/.test(l)) continue;
    out.push(unescapeRoff(l.replace(/^T\{$|^T\}|T\{$/g, '').replace(/\t/g, ' \u2502 ')));
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- compare
// Number of <source> and <cite> elements of the monograph whose id is name.
function sources(name) {
  const q = (p, xp) => execFileSync('xmllint', ['--nonet', '--xpath', xp, p],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  for (const f of list(srcDir, /\.xml$/).sort()) {
    const p = path.join(srcDir, f);
    try {
      if (q(p, 'string(/*/@id)') !== name) continue;
      const ids = q(p, '/*/*[local-name()="sources"]/*[local-name()="source"]/@id')
        .split(/\s+/).filter(Boolean).map((a) => a.replace(/^id="(.*)"$/, '$1'));
      const refs = q(p, 'count(//*[local-name()="cite"])') === '0' ? [] :
        q(p, '//*[local-name()="cite"]/@ref').split(/\s+/).filter(Boolean)
          .map((a) => a.replace(/^ref="(.*)"$/, '$1'));
      // how often the monograph cites source number n (1-based)
      const per = new Map();
      for (const r of refs) { const n = ids.indexOf(r) + 1; per.set(n, (per.get(n) || 0) + 1); }
      return { sources: ids.length, cites: refs.length, per };
    } catch (e) { /* not a monograph: ignore */ }
  }
  return { sources: null, cites: null, per: null };
}
const bag = (a) => a.reduce((m, x) => m.set(x, (m.get(x) || 0) + 1), new Map());
function bagDiff(a, b) {
  const A = bag(a), B = bag(b), out = [];
  for (const k of new Set([...A.keys(), ...B.keys()]).values())
    if ((A.get(k) || 0) !== (B.get(k) || 0)) out.push('[' + k + '] ' + (A.get(k) || 0) + ' vs ' + (B.get(k) || 0));
  return out;
}

const names = new Set([
  ...list(path.join(dir, 'html'), /\.html$/).filter((f) => f !== 'index.html').map((f) => f.slice(0, -5)),
  ...list(path.join(dir, 'text'), /\.txt$/).map((f) => f.slice(0, -4)),
  ...list(path.join(dir, 'man', 'man7'), /-info\.7$/).map((f) => f.slice(0, -7)),
]);
if (names.size === 0) report('outputs', dir, ['no outputs found; run make docs first']);

for (const name of [...names].sort()) {
  const files = {
    text: path.join(dir, 'text', name + '.txt'),
    man: path.join(dir, 'man', 'man7', name + '-info.7'),
    html: path.join(dir, 'html', name + '.html'),
  };
  const missing = Object.values(files).filter((f) => !fs.existsSync(f));
  report('files', name, missing.map((f) => 'missing ' + f));
  if (missing.length) continue;
  let F;
  try {
    F = { text: fromText(files.text), man: fromMan(files.man), html: fromHtml(files.html) };
  } catch (e) {
    report('extract', name, [e.message]);
    continue;
  }
  const { sources: nsrc, cites: ncite, per } = sources(name);
  if (process.env.PARITY_DEBUG)
    for (const k of Object.keys(F))
      console.log('# ' + name + ' ' + k + ': ' + F[k].cites.length + ' citations, ' + F[k].refs +
        ' references, titles: ' + F[k].titles.join(' | '));

  const p1 = [];
  for (const k of ['man', 'html']) for (const d of bagDiff(F.text.cites, F[k].cites)) p1.push('text vs ' + k + ': ' + d);
  for (const k of Object.keys(F)) {
    if (ncite !== null && F[k].cites.length < ncite)
      p1.push(k + ': ' + F[k].cites.length + ' citation numbers, ' + ncite + ' <cite> elements');
    if (per !== null) {
      const got = bag(F[k].cites);
      for (const [n, c] of per) if ((got.get(n) || 0) < c)
        p1.push(k + ': source ' + n + ' shown ' + (got.get(n) || 0) + ' times, cited ' + c + ' times');
    }
    if (nsrc !== null) for (const n of new Set(F[k].cites)) if (n < 1 || n > nsrc) p1.push(k + ': citation [' + n + '] but ' + nsrc + ' sources');
  }
  if (p1.length) for (const k of Object.keys(F)) p1.push(k + ': ' + F[k].cites.length + ' markers: ' + F[k].cites.join(' '));
  report('citations', name, p1);

  const p2 = [];
  if (nsrc === null) p2.push('no monograph with id="' + name + '" in ' + srcDir);
  for (const k of Object.keys(F)) {
    if (F[k].refs === null) p2.push(k + ': no References section');
    else if (nsrc !== null && F[k].refs !== nsrc) p2.push(k + ': ' + F[k].refs + ' references, ' + nsrc + ' <source> elements');
  }
  report('references', name, p2);

  const p3 = [];
  const T = {};
  for (const k of Object.keys(F)) T[k] = new Set(F[k].titles.map(key));
  for (const a of Object.keys(F)) for (const b of Object.keys(F)) {
    if (a === b) continue;
    for (const t of F[a].titles) if (!T[b].has(key(t)) && !(a === 'man' && MAN_CONVENTIONAL.has(key(t)))) p3.push('"' + t + '" in ' + a + ' but not in ' + b);
  }
  if (p3.length) for (const k of Object.keys(F)) p3.push(k + ' titles: ' + F[k].titles.join(' | '));
  report('sections', name, p3);
}
console.log(pass + ' passed, ' + fail + ' failed');
process.exit(fail ? 1 : 0);
EOF
