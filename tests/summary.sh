#!/bin/sh
# tests/summary.sh: the Highlights are what docs/format.md section 10 says.
#
# Reads the table of section 10 (name, label) and checks that
#   - xslt/words.xml's highlights.items names the same items in the same
#     order, and its label of each (highlights.NAME) is the table's;
#   - the Highlights monoc writes for each test monograph
#     (tests/formulary/*.xml, monoc --emit-model) hold items in that order
#     only, each known by its label (an item of a regimen by none of
#     them), and the test monographs together have every item;
#   - the order is data: with highlights.items reversed in a copy of
#     words.xml, monoc writes the items in the reversed order.
# Prints "N passed, N failed" last.
#
# usage: tests/summary.sh [MONOC]      (from the repository root)
monoc=${1:-./monoc}
. tests/lib.sh
mkdir -p "$tmp/data"
cp -R schema xslt "$tmp/data/"
for f in tests/formulary/*.xml; do
	"$monoc" --emit-model "$f" > "$tmp/$(basename "$f" .xml).model" ||
	    bad "$f: monoc --emit-model failed"
done
# the copy of words.xml with the items reversed
items=$(sed -n 's|.*<w group="highlights" key="items">\(.*\)</w>.*|\1|p' \
    xslt/words.xml)
rev=$(printf '%s\n' $items | sed -n '1!G;h;$p' | tr '\n' ' ' | sed 's/ $//')
sed "s|<w group=\"highlights\" key=\"items\">.*</w>|<w group=\"highlights\" key=\"items\">$rev</w>|" \
    xslt/words.xml > "$tmp/data/xslt/words.xml"
"$monoc" --data-dir "$tmp/data" --emit-model tests/formulary/fictozine.xml \
    > "$tmp/reversed.model" || bad "monoc with reversed items failed"

node - "$tmp" docs/format.md xslt/words.xml tests/formulary/*.xml > "$tmp/out" <<'EOF'
'use strict';
const fs = require('fs'), path = require('path');
const [tmp, doc, words, ...monos] = process.argv.slice(2);
const say = (ok, msg) => console.log((ok ? 'ok   ' : 'FAIL ') + msg);
const md = fs.readFileSync(doc, 'utf8');
const sec = md.slice(md.indexOf('## 10. '), md.indexOf('## 11. '));
const rows = [...sec.matchAll(/^\| `([a-z-]+)` \| ([^|]*) \|/gm)].map((m) => ({ name: m[1], label: m[2].trim() }));
say(rows.length > 0, 'docs/format.md section 10: ' + rows.length + ' items in its table');
const w = fs.readFileSync(words, 'utf8');
const word = (k) => { const m = new RegExp('<w group="highlights" key="' + k + '">([^<]*)</w>').exec(w); return m ? m[1] : null; };
const items = (word('items') || '').trim().split(/\s+/);
say(items.join(' ') === rows.map((r) => r.name).join(' '),
  'words.xml highlights.items is the order of section 10: "' + items.join(' ') + '"');
for (const r of rows) {
  if (r.name === 'dosing') continue;
  say(word(r.name) === r.label, 'the label of ' + r.name + ' in words.xml is section 10\'s "' + r.label + '" (words.xml: "' + word(r.name) + '")');
}
const byLabel = new Map(rows.filter((r) => r.name !== 'dosing').map((r) => [word(r.name), r.name]));
// the names of a model's Highlights items, in order
function names(file) {
  const m = fs.readFileSync(file, 'utf8');
  const hl = /<section id="highlights"[^>]*>([\s\S]*?)<\/section>/.exec(m);
  if (!hl) return [];
  return [...hl[1].matchAll(/<item><strong>([^<]*)<\/strong>/g)].map((x) => byLabel.get(x[1]) || 'dosing');
}
const seen = new Set();
for (const f of monos) {
  const got = names(path.join(tmp, path.basename(f, '.xml') + '.model'));
  got.forEach((n) => seen.add(n));
  const idx = got.map((n) => items.indexOf(n));
  const inOrder = idx.every((x, i) => i === 0 || x >= idx[i - 1]);
  say(got.length > 0 && inOrder, f + ': its Highlights in the order of section 10: ' + got.join(' '));
}
// a regimen's item: its parts in the documented order, and a maintenance
// range called the usual dose only when no test dose, start or titration
// comes before it
const parts = ['screening', 'start', 'increase|titration', 'usual|maintenance', 'maximum', 'max-duration'];
for (const f of monos) {
  const m = fs.readFileSync(path.join(tmp, path.basename(f, '.xml') + '.model'), 'utf8');
  const hl = /<section id="highlights"[^>]*>([\s\S]*?)<\/section>/.exec(m)[1];
  for (const it of hl.matchAll(/<item><strong>([^<]*)<\/strong>([\s\S]*?)<\/item>/g)) {
    if (byLabel.has(it[1])) continue;
    const t = it[2].replace(/<cites>[\s\S]*?<\/cites>/g, '').replace(/<[^>]*>/g, '');
    // each part starts with its words ("to start, "); a note's own "; " starts none
    const keys = t.split('; ').map((x) => parts.findIndex((alts) => alts.split('|').some((k) => word(k) && x.trim().startsWith(word(k).trim())))).filter((x) => x >= 0);
    const found = keys;
    const usualAlone = !(keys.includes(3) && t.includes(word('usual')) && keys.some((x) => x < 3));
    say(found.every((x, i) => i === 0 || x >= found[i - 1]) && usualAlone,
      f + ': regimen "' + it[1] + '" in the documented order, no "' + word('usual').trim() + '" after a test dose, start or titration: ' + t.trim());
  }
}
const lacking = items.filter((n) => !seen.has(n));
say(lacking.length === 0, 'the test monographs have every item of section 10' + (lacking.length ? ' (not: ' + lacking.join(' ') + ')' : ''));
const rev = names(path.join(tmp, 'reversed.model'));
const ri = rev.map((n) => items.indexOf(n));
say(rev.length > 1 && ri.every((x, i) => i === 0 || x <= ri[i - 1]),
  'with highlights.items reversed in words.xml, the items come reversed: ' + rev.join(' '));
EOF
# The key interactions item: its entries apart, "; " also after an
# action's citations ("above all. [2, 5]; buprenorphine (major)"), in the
# text of every test monograph and of monographs/
key=$(sed -n 's|.*<w group="highlights" key="interactions">\(.*\)</w>.*|\1|p' \
    xslt/words.xml)
for f in tests/formulary/*.xml monographs/*.xml; do
	name=$(basename "$f" .xml)
	"$monoc" -f text --no-index -o "$tmp/txt" "$f" 2> /dev/null
	item=$(tr -s ' |\n' '   ' < "$tmp/txt/text/$name.txt" |
	    KEY="$key" perl -ne 'print $1 if /- \Q$ENV{KEY}\E (.*?) \(see /')
	[ -n "$item" ] || continue
	if printf '%s\n' "$item" | grep -q '\] [a-z]'; then
		echo "FAIL $name: key interactions run together: $(printf '%s\n' "$item" | grep -o '.\{20\}\] [a-z].\{10\}' | head -n 1)"
	else
		echo "ok   $name: key interactions apart"
	fi
done >> "$tmp/out"
cat "$tmp/out"
pass=$((pass + $(grep -c '^ok' "$tmp/out")))
fail=$((fail + $(grep -c '^FAIL' "$tmp/out")))
summary
