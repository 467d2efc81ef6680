#!/bin/bash
# tests/lint-outputs.sh: run every output linter on every generated document.
#
# Usage (from the repository root):  tests/lint-outputs.sh [DIR]
#
# DIR defaults to "output" and holds what `monoc -o DIR` writes:
#   DIR/man/man7/*.7   man pages     DIR/text/*.txt   plain text
#   DIR/html/*.html    HTML pages (monographs and index.html)
# The tool's own page ./monoc.1 is linted too when it exists (unless
# LINT_TOOL_PAGE=0, which the checkers' own tests use).
#
# Man pages: mandoc -Tlint -W warning (exit 0); groff -k -t -man -Tutf8 -ww -z
#   and LANG=C man --warnings -E UTF-8 -l (stderr must be empty: their exit
#   status ignores warnings); lexgrog (whatis line must start "NAME - ",
#   the colons lexgrog shows for roff's \: dropped, as mandb does);
#   project greps: no text line starting with '.' or "'" that is not a known
#   request, no hyphen used as a minus before a digit, pure ASCII source;
#   rendered width at MANWIDTH=80 at most 80 columns.
# Text: valid UTF-8, at most 78 columns, no trailing whitespace, no tab or
#   CR, ends with exactly one newline.
# HTML: vnu.jar --Werror (one JVM for all files), html-validate with
#   tools/.htmlvalidate.json, and a self-containment check (no <script>
#   but the index page's own inline one, no
#   resource loaded from the network or another file; <a href> may point at
#   http(s), at an in-page #id that exists, or at a sibling NAME.html that
#   exists).
#
# A linter that is not installed is a failure, never a skip: run
# tools/setup.sh first.  Prints one line per check, "ok NAME FILE" or
# "FAIL NAME FILE" followed by the linter's messages indented, and last
# "N passed, N failed" alone on a line.  Exit status 0 when everything
# passed, 1 otherwise.
set -u

dir=${1:-output}
root=$(cd "$(dirname "$0")/.." && pwd)
tools=$root/tools
vnu=$tools/node_modules/vnu-jar/build/dist/vnu.jar
htmlvalidate=$tools/node_modules/.bin/html-validate
hvconfig=$tools/.htmlvalidate.json

pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# report NAME FILE STATUS [MESSAGES]: print the result line, count it, and
# on failure print the linter's messages indented under it.
report() {
	if [ "$3" -eq 0 ]; then
		printf 'ok %s %s\n' "$1" "$2"
		pass=$((pass + 1))
	else
		printf 'FAIL %s %s\n' "$1" "$2"
		fail=$((fail + 1))
		[ -n "${4-}" ] && printf '%s\n' "$4" | head -n 40 | sed 's/^/    /'
	fi
	return 0
}

# need NAME COMMAND-OR-FILE: fail (not skip) when a linter is missing.
need() {
	if [ "${2#/}" != "$2" ]; then
		[ -e "$2" ] && return 0
	elif command -v "$2" >/dev/null 2>&1; then
		return 0
	fi
	report "tool-missing:$1" "$2" 1 "not installed; run tools/setup.sh"
	return 1
}

# ------------------------------------------------------------------ man
# Requests and macros a generated page may begin a line with; anything
# else starting with '.' or "'" is text that lost its \& escape.
known_requests='TH|SH|SS|PP|LP|P|PD|IP|TP|TQ|HP|RS|RE|B|I|BI|BR|IB|IR|RB|RI|SM|SB|TS|TE|T&|EX|EE|UR|UE|MT|ME|SY|YS|OP|nf|fi|br|sp|nh|hy|ad|na|in|ti|ft|ne|ll|ta|ds|de|ig|if|ie|el|so|mso|cs|ss|ps|vs|fam|ev|\.|ce|rj|pc|tr|nr|hw|char'

lint_man() {
	local page=$1 want out rc text
	# whatis name: NAME-info.7 -> "NAME-info", monoc.1 -> "monoc"
	want=$(basename "$page")
	want=${want%.*}

	out=$(mandoc -Tlint -W warning "$page" 2>&1); rc=$?
	report mandoc-lint "$page" $rc "$out"

	out=$(groff -k -t -man -Tutf8 -ww -z "$page" 2>&1 >/dev/null); rc=$?
	[ -z "$out" ] && [ $rc -eq 0 ]; report groff-warnings "$page" $? "$out"

	out=$(env -u LC_ALL LANG=C MANWIDTH=80 MANPAGER=cat PAGER=cat \
	    man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null); rc=$?
	[ -z "$out" ] && [ $rc -eq 0 ]; report man-warnings "$page" $? "$out"

	out=$(lexgrog "$page" 2>&1); rc=$?
	if [ $rc -eq 0 ]; then
		# lexgrog prints: PAGE: "name - description".  It shows roff's
		# optional break \: as a colon (valproic\-\:acid\-info reads
		# "valproic-:acid-info"), which mandb and whatis drop: so do
		# we, in the name (a page name never holds a colon).
		text=${out#*: \"}
		name=${text%% - *}
		case $name in
		*:*) text="$(printf '%s' "$name" | tr -d :) - ${text#* - }" ;;
		esac
		case $text in
		"$want - "?*) ;;
		*) rc=1; out="$out
whatis line does not start with '$want - '" ;;
		esac
	fi
	report lexgrog "$page" $rc "$out"

	# Lines starting with . or ' that are not comments or known requests.
	out=$(grep -nE "^[.']" "$page" |
	    grep -vE "^[0-9]+:[.'][[:space:]]*(\\\\\"|\$|($known_requests)([[:space:]]|\$))")
	[ -z "$out" ]; report roff-leading-dot "$page" $? "$out"

	# A hyphen before a digit after a space, '(' or a table separator is
	# a minus that should be \-; layout requests take signed numbers.
	out=$(grep -nE "(^|[[:space:](|])-[0-9]" "$page" |
	    grep -vE "^[0-9]+:[.'][[:space:]]*(\\\\\"|(in|ti|sp|ll|ne|ps|vs|ft|nr)([[:space:]]|\$))")
	[ -z "$out" ]; report roff-hyphen-minus "$page" $? "$out"

	out=$(LC_ALL=C grep -naP '[^\x00-\x7F]' "$page")
	[ -z "$out" ]; report roff-ascii "$page" $? "$out"

	out=$(LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat \
	    man -l "$page" 2>&1); rc=$?
	text=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
	[ $rc -eq 0 ] && [ "$text" -le 80 ]
	report man-width-80 "$page" $? "rendered width $text (max 80)
$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 grep '.\{81,\}' | head -5)"
}

# ------------------------------------------------------------------ text
lint_text() {
	local f=$1 out w
	out=$(iconv -f UTF-8 -t UTF-8 "$f" 2>&1 >/dev/null)
	report text-utf8 "$f" $? "$out"

	w=$(LC_ALL=C.UTF-8 wc -L <"$f")
	out=$(LC_ALL=C.UTF-8 grep -n '.\{79,\}' "$f" | head -5)
	[ "$w" -le 78 ]; report text-width-78 "$f" $? "width $w (max 78)
$out"

	out=$(grep -nE '[[:space:]]$' "$f" | head -5)
	[ -z "$out" ]; report text-trailing-space "$f" $? "$out"

	out=$(grep -naP '\t|\r' "$f" | head -5)
	[ -z "$out" ]; report text-tab-cr "$f" $? "$out"

	# exactly one final newline: last byte \n, the one before it not \n
	[ -s "$f" ] && [ "$(tail -c1 "$f" | od -An -tx1 | tr -d ' ')" = 0a ] &&
	    [ "$(tail -c2 "$f" | od -An -tx1 | tr -d ' ')" != 0a0a ]
	report text-final-newline "$f" $? "file must end with exactly one newline"
}

# ------------------------------------------------------------------ HTML
# Self-containment of one page, in node (attributes need a tag parser).
selfcontained_js='
const fs = require("fs"), path = require("path");
const f = process.argv[1], dir = path.dirname(f);
const src = fs.readFileSync(f, "utf8");
const bad = [];
const line = (i) => src.slice(0, i).split("\n").length;
// a script only inline, and only on the index page (its search box)
for (const m of src.matchAll(/<script\b[^>]*>/gi))
  if (path.basename(f) !== "index.html" || /\ssrc\s*=/i.test(m[0]))
    bad.push(line(m.index) + ": <script> element" +
      (path.basename(f) === "index.html" ? " loading a file" : ""));
const ids = new Set();
for (const m of src.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|\x27([^\x27]*)\x27|([^\s>]+))/gi))
  ids.add(m[1] ?? m[2] ?? m[3]);
const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"\x27]|"[^"]*"|\x27[^\x27]*\x27)*)>/g;
const attrRe = /([^\s=\/]+)\s*(?:=\s*(?:"([^"]*)"|\x27([^\x27]*)\x27|([^\s>]+)))?/g;
const urlAttrs = new Set(["src", "href", "srcset", "poster", "data", "action",
  "formaction", "background", "xlink:href", "ping", "manifest", "cite", "longdesc"]);
for (const t of src.matchAll(tagRe)) {
  const tag = t[1].toLowerCase(), at = line(t.index);
  for (const a of t[2].matchAll(attrRe)) {
    const name = a[1].toLowerCase();
    const val = (a[2] ?? a[3] ?? a[4] ?? "").trim();
    if (name === "style" && /url\s*\(|@import/i.test(val))
      bad.push(at + ": style attribute loads a resource: " + val);
    if (name === "http-equiv" && /refresh/i.test(val)) bad.push(at + ": meta refresh");
    if (!urlAttrs.has(name)) continue;
    if (tag === "a" && name === "href") {
      if (val.startsWith("#")) {
        const id = decodeURIComponent(val.slice(1));
        if (id !== "" && id !== "top" && !ids.has(id))
          bad.push(at + ": link to missing in-page target " + val);
        continue;
      }
      if (/^(https?:|mailto:)/i.test(val)) continue;      // navigation only
      const m = /^([A-Za-z0-9._-]+\.html)(#.*)?$/.exec(val);
      if (m && fs.existsSync(path.join(dir, m[1]))) continue;
      bad.push(at + ": <a href> to a file that is not a sibling page: " + val);
      continue;
    }
    if (tag === "blockquote" || tag === "q" || tag === "del" || tag === "ins") {
      if (name === "cite") continue;                      // not loaded
    }
    if (/^data:/i.test(val) || val.startsWith("#")) continue;
    bad.push(at + ": <" + tag + " " + name + "> loads " + (val || "(empty)"));
  }
}
for (const m of src.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
  for (const u of m[1].matchAll(/url\s*\(\s*["\x27]?([^"\x27)]*)/gi))
    if (!/^(data:|#)/i.test(u[1])) bad.push(line(m.index) + ": CSS url(" + u[1] + ")");
  if (/@import/i.test(m[1])) bad.push(line(m.index) + ": CSS @import");
}
if (bad.length) { console.log(bad.join("\n")); process.exit(1); }
'

lint_html() {
	local files=("$@") f out rc have_vnu=1 have_hv=1
	need java java || have_vnu=0
	need vnu.jar "$vnu" || have_vnu=0
	need html-validate "$htmlvalidate" || have_hv=0
	need node node || return 0

	if [ $have_vnu -eq 1 ]; then
		# One JVM for every file; messages go to stderr as
		# "file:/abs/path":L.C-L.C: error: ...
		java -jar "$vnu" --Werror --format gnu "${files[@]}" \
		    >"$tmp/vnu.out" 2>&1; rc=$?
		for f in "${files[@]}"; do
			out=$(grep -F "\"file:$(realpath "$f")\"" "$tmp/vnu.out")
			[ -z "$out" ]; report vnu "$f" $? "$out"
		done
		# The JVM failed without blaming any file (crash, bad jar).
		if [ $rc -ne 0 ] && ! grep -q '^"file:' "$tmp/vnu.out"; then
			report vnu-run "${files[*]}" 1 "$(cat "$tmp/vnu.out")"
		fi
	fi

	if [ $have_hv -eq 1 ]; then
		"$htmlvalidate" -c "$hvconfig" -f text "${files[@]}" \
		    >"$tmp/hv.out" 2>&1; rc=$?
		# -f text prints "/abs/path:L:C: error [rule] message".
		for f in "${files[@]}"; do
			out=$(grep -F "$(realpath "$f"):" "$tmp/hv.out")
			[ -z "$out" ]; report html-validate "$f" $? "$out"
		done
		if [ $rc -ne 0 ] && ! grep -q '^/.*:[0-9]*:[0-9]*: ' "$tmp/hv.out"; then
			report html-validate-run "${files[*]}" 1 "$(cat "$tmp/hv.out")"
		fi
	fi

	for f in "${files[@]}"; do
		out=$(node -e "$selfcontained_js" "$f" 2>&1)
		report html-self-contained "$f" $? "$out"
	done
}

# ------------------------------------------------------------------ main
if [ ! -d "$dir" ]; then
	report outputs "$dir" 1 "no such directory; run make docs first"
	printf '%d passed, %d failed\n' "$pass" "$fail"
	exit 1
fi

mapfile -t man_pages < <(find "$dir/man" -type f -name '*.[1-9]' 2>/dev/null | sort)
mapfile -t texts < <(find "$dir/text" -type f -name '*.txt' 2>/dev/null | sort)
mapfile -t htmls < <(find "$dir/html" -type f -name '*.html' 2>/dev/null | sort)
[ "${LINT_TOOL_PAGE:-1}" = 1 ] && [ -f "$root/monoc.1" ] && man_pages+=("$root/monoc.1")

# An empty output tree must not pass as "nothing wrong".
[ ${#man_pages[@]} -gt 0 ]; report outputs-man "$dir/man" $? "no man pages found"
[ ${#texts[@]} -gt 0 ]; report outputs-text "$dir/text" $? "no text files found"
[ ${#htmls[@]} -gt 0 ]; report outputs-html "$dir/html" $? "no HTML files found"

if [ ${#man_pages[@]} -gt 0 ]; then
	ok=1
	for t in mandoc groff man lexgrog; do need "$t" "$t" || ok=0; done
	if [ $ok -eq 1 ]; then
		for p in "${man_pages[@]}"; do lint_man "$p"; done
	fi
fi

if [ ${#texts[@]} -gt 0 ]; then
	if need iconv iconv; then
		for f in "${texts[@]}"; do lint_text "$f"; done
	fi
fi

[ ${#htmls[@]} -gt 0 ] && lint_html "${htmls[@]}"

printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
