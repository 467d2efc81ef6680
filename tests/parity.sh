#!/bin/sh
# tests/parity.sh: the three output formats carry the same facts: what the
# document model of each monograph holds (monoc --emit-model), each format
# shows, compared by structure, never by reading wrapped text.
#
# Usage (from the repository root):  tests/parity.sh [DIR [SRCDIR]]
#
# DIR (default "output") holds DIR/html/NAME.html, DIR/text/NAME.txt and
# DIR/man/man7/NAME-info.7; SRCDIR (default "monographs") holds the
# monographs, matched to NAME by their id attribute; MONOC (default
# ./monoc) is the compiler.  For every NAME found in any of the three
# formats:
#   files       the other two formats exist as well;
#   citations   every citation group of the model (outside the references)
#               is in each format, with the same numbers, and no format
#               has one the model lacks; every number names a reference.
#               HTML: the span of class cite, its links to #ref-N and
#               their ids cite-K.  Text and man: the monograph compiled
#               again with stylesheets whose citation punctuation (their
#               variables cite-open ... cite-sep-at, also taken by the C
#               twins) is characters no monograph uses, with no space
#               after a separator, so a number is known by its neighbours
#               wherever a line or a table cell wraps (a locator "Table 2"
#               or a note "1959." is never read as one);
#   references  each format numbers as many references 1, 2, 3... as the
#               model has (HTML: ids ref-N; text: "[N]" at the start of a
#               line; man: .IP [N]);
#   sections    every section title (h2-h6, .SH/.SS, text headings, also
#               inside a box) of one format appears, case-insensitively,
#               in the other two,
#               ignoring the man page's conventional NAME, SYNOPSIS,
#               DESCRIPTION and SEE ALSO and an HTML table of contents.
# A failure names the monograph's file and the line of the statement
# (its first <cite>), or the section of a statement the Highlights repeat,
# and the output file.  PARITY_DEBUG=1 also prints what was extracted.
# Prints "ok CHECK NAME" or "FAIL CHECK NAME" with details indented, then
# "N passed, N failed" last.  Exit status 0 when all passed, 1 otherwise
# (2 when node or monoc is missing: run tools/setup.sh and make).
dir=${1:-output}
src=${2:-monographs}
monoc=${MONOC:-./monoc}
for c in node "$monoc"; do
	command -v "$c" >/dev/null 2>&1 || {
		echo "FAIL tool-missing:$c $c"
		echo "0 passed, 1 failed"
		exit 2
	}
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# the stylesheets with sentinel citation punctuation (see above)
mkdir -p "$tmp/data"
cp -R schema xslt "$tmp/data/" || exit 2
# (the characters as bytes: the script itself stays ASCII)
open=$(printf '\342\237\246')	# U+27E6
close=$(printf '\342\237\247')	# U+27E7
sep=$(printf '\342\201\236')	# U+205E
sepat=$(printf '\342\201\217')	# U+204F
at=$(printf '\342\270\261')	# U+2E31
for x in text man; do
	sed -e "/name=\"cite-open\"/s/\\[/$open/" \
	    -e "/name=\"cite-close\"/s/\\]/$close/" \
	    -e "/name=\"cite-sep\"/s/', '/'$sep '/" \
	    -e "/name=\"cite-sep-at\"/s/'; '/'$sepat '/" \
	    -e "/name=\"cite-at\"/s/', '/'$at '/" \
	    "xslt/$x.xsl" > "$tmp/data/xslt/$x.xsl"
	n=$(diff "xslt/$x.xsl" "$tmp/data/xslt/$x.xsl" | grep -c '^> .*name="cite-')
	if [ "$n" -ne 5 ]; then
		echo "FAIL sentinel xslt/$x.xsl: $n of its 5 citation punctuation variables changed"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
"$monoc" --data-dir "$tmp/data" --no-index -f text,man -o "$tmp/out" \
    "$src"/*.xml > /dev/null 2>&1
exec node - "$dir" "$src" "$monoc" "$tmp/out" "$(pwd)" <<'EOF'
'use strict';
const fs = require('fs'), path = require('path');
const { execFileSync } = require('child_process');
const [dir, srcDir, monoc, sentDir, root] = process.argv.slice(2);
const dataDir = root;
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

// An entry of a references list, numbered as the monograph's sources:
// "[1] ..." at the start of a line (text), ".IP [1]" (man).
const REFTEXT = /^\[(\d+)\][ \u00a0]/;
const REFMAN = /^\.IP[ \t]+"?\[(\d+)\]/;
// Count entries numbered 1, 2, 3... in turn, so that a wrapped line of a
// note that starts with a number ("1959.") is no entry.
function countEntries(lines, re) {
  let n = 0;
  for (const l of lines) { const m = re.exec(l); if (m && +m[1] === n + 1) n++; }
  return n;
}
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
    // an entry is the element that carries id="ref-N"
    const ids = [...part.matchAll(/\bid="ref-(\d+)"/g)].map((x) => +x[1]);
    refs = ids.filter((x, i) => x === i + 1).length;
    body = h.slice(0, r.start) + ' ' + h.slice(stop);
  }
  // A citation group is a span of class cite; each citation in it a link
  // to its reference, with the id of its place (cite-K) where it has one.
  const groups = [];
  for (const g of body.matchAll(/<span class="cite">([\s\S]*?)<\/span>/g)) {
    const cs = [...g[1].matchAll(/<a href="#ref-(\d+)"(?: id="cite-(\d+)")?/g)];
    groups.push({ ns: cs.map((c) => +c[1]), ks: cs.map((c) => c[2] ? +c[2] : null) });
  }
  return { titles, groups, refs };
}

// ---------------------------------------------------------------- text
// Headings in the plain text: a title followed by an underline of = - ~
// (also inside a box), the first paragraph of a box, or a line in
// capitals that starts at column 0 after a blank line; references are
// the numbered entries after the "References" heading.
function splitRefs(lines, heads) {
  const hi = heads.findIndex((x) => key(x.title) === 'references');
  if (hi < 0) return { body: lines.join('\n'), refs: null };
  const start = heads[hi].i, next = heads[hi + 1], stop = next ? next.i : lines.length;
  const refs = countEntries(lines.slice(start + 1, stop), REFTEXT);
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
  const caps = (l) => /^\S/.test(l) && /\p{Lu}{2}/u.test(l) && !/\p{Ll}/u.test(l) && !REFTEXT.test(l) &&
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
  const { refs } = splitRefs(lines, heads);
  return { titles, refs };
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
  const ri = srcLines.findIndex((l) => /^[.'][ \t]*SH[ \t]+"?REFERENCES/.test(l));
  const refs = ri < 0 ? null : countEntries(srcLines.slice(ri + 1), REFMAN);
  return { titles, refs };
}

// ---------------------------------------------------------------- model
// What the monograph says, from its document model (monoc --emit-model):
// the citation groups outside the references in document order, each
// with its citations' numbers and places (k, the ordinal of the <cite>
// in the monograph; none for a statement the Highlights repeat) and the
// section it is in; and the number of references.
function fromModel(xml) {
  const groups = [];
  const refsAt = xml.search(/<refs\b/);
  const body = refsAt < 0 ? xml : xml.slice(0, refsAt);
  const secs = [...body.matchAll(/<section id="([^"]*)"/g)].map((m) => ({ at: m.index, id: m[1] }));
  for (const g of body.matchAll(/<cites>([\s\S]*?)<\/cites>/g)) {
    const cs = [...g[1].matchAll(/<c\b([^>]*?)\/?>/g)].map((c) => {
      const a = (n) => { const m = new RegExp('\\b' + n + '="([^"]*)"').exec(c[1]); return m ? m[1] : null; };
      return { n: +a('n'), k: a('k') === null || a('k') === '' ? null : +a('k') };
    });
    const sec = secs.filter((x) => x.at < g.index).pop();
    groups.push({ ns: cs.map((c) => c.n), ks: cs.map((c) => c.k), section: sec ? sec.id : '' });
  }
  const refs = refsAt < 0 ? 0 : (xml.slice(refsAt).match(/<ref\b/g) || []).length;
  return { groups, refs };
}

// The line of each <cite> of a monograph, in document order (k - 1),
// comments left out.
function citeLines(file) {
  const src = fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const out = [];
  for (const m of src.matchAll(/<(?:[\w.-]+:)?cite\b/g)) out.push(src.slice(0, m.index).split('\n').length);
  return out;
}

// ---------------------------------------------------------------- sentinel
// Text and man pages wrap a citation group anywhere, also inside a table
// cell set beside others, and a locator or a note may hold numbers
// ("Table 2", "1959."): their citations are not read from the outputs'
// punctuation.  Each monograph is compiled a second time with stylesheets
// that differ only in that punctuation (the variables cite-open, cite-sep,
// cite-close, cite-at, cite-sep-at, which the C twins take too): each
// bracket, comma or semicolon of a group is a character no monograph uses
// (U+27E6, U+27E7, U+205E, U+204F, U+2E31), of the same width, so the
// layout is the same, and the real output must be that rendering with the
// characters put back; a group is then read by its parts: a number after
// the opening or a separator, its locator after U+2E31.
const SENT = { '\u27e6': '[', '\u27e7': ']', '\u205e': ',', '\u204f': ';', '\u2e31': ',' };
const unsentinel = (s) => s.replace(/[\u27e6\u27e7\u205e\u204f\u2e31]/g, (c) => SENT[c]);
// The groups of a text where every group is contiguous (lines joined).
function groupsOf(text) {
  const out = [];
  for (const g of text.replace(/\s+/g, ' ').matchAll(/\u27e6([^\u27e6\u27e7]*)\u27e7/g)) {
    const parts = g[1].split(/[\u205e\u204f]/).map((x) => x.trim());
    // (a cell's line may end inside a word too long for its column)
    const ns = parts.map((x) => { const m = /^(\d[\d ]*)(?:\u2e31|$)/.exec(x); return m ? +m[1].replace(/ /g, '') : NaN; });
    out.push({ ns, text: unsentinel(g[0]) });
  }
  return out;
}
// Plain text sets a table's columns side by side, a cell's lines under
// each other: the columns are read from the rule under the header row
// ("-----  ----  ---"), and each column's lines are taken in turn, so a
// group wrapped inside a cell is contiguous again.  A table goes on while
// its lines leave the gutters before each column blank (a blank line
// between rows included); a line written across them (a cell spanning
// columns) is read whole.
function untable(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const rule = /^-+(?: {2,}-+)+$/.exec(lines[i]);
    if (!rule || i === 0) { out.push(lines[i]); continue; }
    const starts = [...lines[i].matchAll(/-+/g)].map((m) => m.index);
    const gutterFree = (l) => starts.slice(1).every((s) => (l[s - 1] || ' ') === ' ' && (l[s - 2] || ' ') === ' ');
    // the header row is the line above (already in out): read again
    let j = i + 1;
    const rows = [out.pop()];
    const isRule = (l) => /^-+(?: {2,}-+)+$/.test(l || '');
    while (j < lines.length) {
      const l = lines[j], next = lines[j + 1];
      // the next table's header row, a caption, or a blank line before
      // a line of other text or another blank line end it
      if (isRule(next) || /^Table:/.test(l)) break;
      if (l.trim() === '' && (next === undefined || next.trim() === '' || /^Table:/.test(next) ||
          !gutterFree(next))) break;
      rows.push(l);
      j++;
    }
    const cols = starts.map(() => []);
    const whole = [];
    for (const l of rows) {
      if (!gutterFree(l)) { whole.push(l); continue; }
      starts.forEach((s, c) => cols[c].push(l.slice(s, c + 1 < starts.length ? starts[c + 1] : undefined)));
    }
    out.push(...whole, ...cols.map((c) => c.join('\n')));
    i = j - 1;
  }
  return out;
}
// (a boxed warning's lines, "| ... |", and an aside's, "  | ...", read
// without the bars)
function sentinelText(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/^\|(.*)\|$/, ' $1 ').replace(/^( *)\|/, '$1 '));
  return groupsOf(untable(lines).join('\n'));
}
// The groups of a man page's source: a cell's text is contiguous there
// (tbl sets cells side by side only when rendering), so the lines up to
// the references, joined, hold every group whole.
function sentinelMan(file) {
  const src = fs.readFileSync(file, 'utf8').split('\n');
  const ri = src.findIndex((l) => /^[.'][ \t]*SH[ \t]+"?REFERENCES/.test(l));
  return groupsOf((ri < 0 ? src : src.slice(0, ri)).join('\n'));
}

// Match the model's groups with an output's by their numbers.  Returns
// the model's groups not found and the output's groups left over.
const gkey = (ns) => [...ns].sort((a, b) => a - b).join(', ');
function matchGroups(model, out) {
  const have = new Map();
  for (const g of out) { const k = gkey(g.ns); if (!have.has(k)) have.set(k, []); have.get(k).push(g); }
  const missing = [];
  for (const g of model) {
    const l = have.get(gkey(g.ns));
    if (l && l.length) l.shift(); else missing.push(g);
  }
  const extra = [...have.values()].flat().map((g) => g.text || '[' + gkey(g.ns) + ']');
  return { missing, extra };
}

// ---------------------------------------------------------------- compare
const bag = (a) => a.reduce((m, x) => m.set(x, (m.get(x) || 0) + 1), new Map());
// The monographs of srcDir by id, with their models.
const monographs = new Map();
for (const f of list(srcDir, /\.xml$/).sort()) {
  const p = path.join(srcDir, f);
  let xml;
  try {
    xml = execFileSync(monoc, ['--data-dir', dataDir, '--emit-model', p],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  } catch (e) { continue; /* not a monograph */ }
  const id = /^<doc id="([^"]*)"/m.exec(xml);
  if (id) monographs.set(id[1], { file: p, model: fromModel(xml) });
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
  const mono = monographs.get(name);
  if (mono === undefined) {
    report('model', name, ['no monograph with id="' + name + '" in ' + srcDir]);
    continue;
  }
  let F, S;
  try {
    F = { text: fromText(files.text), man: fromMan(files.man), html: fromHtml(files.html) };
    S = {
      text: sentinelText(path.join(sentDir, 'text', name + '.txt')),
      man: sentinelMan(path.join(sentDir, 'man', 'man7', name + '-info.7')),
      html: F.html.groups,
    };
  } catch (e) {
    report('extract', name, [e.message]);
    continue;
  }
  const M = mono.model;
  const lines = citeLines(mono.file);
  // where a statement is: its first <cite>'s line, else its section
  const where = (g) => {
    const k = g.ks.find((x) => x !== null);
    return k !== undefined && lines[k - 1] ? mono.file + ':' + lines[k - 1]
      : mono.file + ' (section ' + (g.section || '?') + ', repeated from the body)';
  };
  const show = (g) => '[' + g.ns.join(', ') + ']';
  if (process.env.PARITY_DEBUG)
    for (const k of Object.keys(F))
      console.log('# ' + name + ' ' + k + ': ' + S[k].length + ' citation groups, ' + F[k].refs + ' references, titles: ' + F[k].titles.join(' | '));

  const p1 = [];
  for (const g of M.groups) for (const n of g.ns)
    if (!(n >= 1 && n <= M.refs)) p1.push(where(g) + ': citation ' + show(g) + ' names no reference (' + M.refs + ')');
  for (const k of ['text', 'man', 'html']) {
    const { missing, extra } = matchGroups(M.groups, S[k]);
    for (const g of missing.slice(0, 10))
      p1.push(where(g) + ': citation ' + show(g) + ' not in ' + files[k]);
    if (missing.length > 10) p1.push('... and ' + (missing.length - 10) + ' more not in ' + files[k]);
    if (extra.length) p1.push(files[k] + ': citations the model does not have: ' + extra.slice(0, 20).join(' '));
  }
  // HTML links each citation to its place (id cite-K) and back
  const hk = new Set(F.html.groups.flatMap((g) => g.ks).filter((x) => x !== null));
  for (const g of M.groups) g.ks.forEach((k, i) => {
    if (k !== null && !hk.has(k)) p1.push(where(g) + ': citation ' + g.ns[i] + ' has no id cite-' + k + ' in ' + files.html);
  });
  // the real text and man page are the renderings read, punctuation put back
  for (const [k, f] of [['text', path.join(sentDir, 'text', name + '.txt')], ['man', path.join(sentDir, 'man', 'man7', name + '-info.7')]]) {
    const a = fs.readFileSync(files[k], 'utf8').split('\n'), b = unsentinel(fs.readFileSync(f, 'utf8')).split('\n');
    const i = a.findIndex((l, j) => l !== b[j]);
    if (i >= 0) p1.push(files[k] + ':' + (i + 1) + ': not what the stylesheets write with other citation punctuation: "' + a[i] + '" / "' + b[i] + '"');
  }
  report('citations', name, p1);

  const p2 = [];
  for (const k of Object.keys(F)) {
    if (F[k].refs === null) p2.push(files[k] + ': no References section');
    else if (F[k].refs !== M.refs) p2.push(files[k] + ': ' + F[k].refs + ' references numbered 1 to ' + F[k].refs + ', the model has ' + M.refs + ' (' + mono.file + ')');
  }
  report('references', name, p2);

  const p3 = [];
  const T = {};
  for (const k of Object.keys(F)) T[k] = new Set(F[k].titles.map(key));
  for (const a of Object.keys(F)) for (const b of Object.keys(F)) {
    if (a === b) continue;
    for (const t of F[a].titles) if (!T[b].has(key(t)) && !(a === 'man' && MAN_CONVENTIONAL.has(key(t)))) p3.push('"' + t + '" in ' + files[a] + ' but not in ' + files[b]);
  }
  if (p3.length) for (const k of Object.keys(F)) p3.push(k + ' titles: ' + F[k].titles.join(' | '));
  report('sections', name, p3);
}
console.log(pass + ' passed, ' + fail + ' failed');
process.exit(fail ? 1 : 0);
EOF
