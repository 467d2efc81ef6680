#!/bin/bash
# tests/checkers/run.sh: tests of the output checkers themselves.
#
# Usage (from the repository root):  tests/checkers/run.sh [--no-browser]
#
# tests/checkers/good/ is a small set of outputs (man page, text, HTML
# page and index) that every checker must pass; tests/checkers/sample.xml
# is the monograph it stands for (its sources and cites).  Each case below
# copies it, plants one defect with sed, and expects the named check of
# tests/lint-outputs.sh, tests/parity.sh or tests/browser/run.sh to report
# FAIL for the damaged file, so a checker that stops catching a defect
# fails here.  All lint cases share one directory (one JVM for vnu.jar).
# Prints "ok ..." / "FAIL ..." per case and "N passed, N failed" last;
# exit 0 when all passed.  --no-browser leaves out the Chromium cases.

# The sed scripts are single-quoted on purpose ($a is sed's "append").
# shellcheck disable=SC2016,SC1003
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
good=$here/good
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
browser=1
[ "${1-}" = --no-browser ] && browser=0

result() {	# result OK-STATUS DESCRIPTION [DETAILS]
	if [ "$1" -eq 0 ]; then
		echo "ok $2"
		pass=$((pass + 1))
	else
		echo "FAIL $2"
		[ -n "${3-}" ] && printf '%s\n' "$3" | head -n 20 | sed 's/^/    /'
		fail=$((fail + 1))
	fi
}

# ------------------------------------------------------------ good set
out=$(LINT_TOOL_PAGE=0 "$root/tests/lint-outputs.sh" "$good" 2>&1)
result $? "lint-outputs passes the good outputs" "$(grep -v '^ok' <<<"$out")"
mkdir -p "$tmp/src" && cp "$here/sample.xml" "$tmp/src/"
out=$("$root/tests/parity.sh" "$good" "$tmp/src" 2>&1)
result $? "parity passes the good outputs" "$(grep -v '^ok' <<<"$out")"

# ------------------------------------------------------------ lint cases
# case NEWNAME SOURCE SED-SCRIPT CHECK: make NEWNAME from good/SOURCE by
# SED-SCRIPT (man pages get their NAME line renamed too) and expect CHECK
# to fail on it.
lint=$tmp/lint
mkdir -p "$lint/man/man7" "$lint/text" "$lint/html"
cp "$good/html/index.html" "$lint/html/"
expect=()
case_() {
	local new=$1 src=$2 script=$3 check=$4 dest
	case $new in
	*.7) dest=$lint/man/man7/$new ;;
	*.txt) dest=$lint/text/$new ;;
	*.html) dest=$lint/html/$new ;;
	esac
	sed "$script" "$good/$src" >"$dest"
	case $new in
	*.7) [ "$new" = wrongname-info.7 ] ||
		sed -i "s/^baclofen-info \\\\-/${new%.7} \\\\-/" "$dest" ;;
	esac
	expect+=("$check $dest")
}
M=man/man7/baclofen-info.7
T=text/baclofen.txt
H=html/baclofen.html
case_ dot-info.7 $M 's/^\\&\.Lines/.Lines/' roff-leading-dot
case_ dot2-info.7 $M 's/^\\&\.Lines/.Lines/' mandoc-lint
case_ quote-info.7 $M "s/^Do not stop/'Quoted\\nDo not stop/" roff-leading-dot
case_ minus-info.7 $M 's/\\-20 to/-20 to/' roff-hyphen-minus
case_ utf8-info.7 $M 's/\\(de C/° C/' roff-ascii
case_ backslash-info.7 $M 's/^Baclofen is/Back\\slash is/' groff-warnings
case_ backslash2-info.7 $M 's/^Baclofen is/Back\\slash is/' man-warnings
case_ emptypp-info.7 $M 's/^\.SS Dosage/.PP\n.SS Dosage/' mandoc-lint
case_ noname-info.7 $M 's/^baclofen-info \\- monograph/baclofen-info monograph/' lexgrog
case_ wrongname-info.7 $M 's/^x//' lexgrog
case_ wide-info.7 $M 's/^\.SS Dosage/.nf\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n.fi\n.SS Dosage/' man-width-80
case_ wide.txt $T '$a\  this line is exactly eighty columns wide xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' text-width-78
case_ trailing.txt $T '2s/$/ /' text-trailing-space
case_ tab.txt $T '4s/^  /\t/' text-tab-cr
case_ crlf.txt $T 's/$/\r/' text-tab-cr
case_ twonl.txt $T '$a\\' text-final-newline
case_ latin1.txt $T '$a\caf\xe9' text-utf8
case_ noalt.html $H 's|<h2>Withdrawal</h2>|<h2>Withdrawal</h2><img src="pic.png">|' vnu
case_ noalt2.html $H 's|<h2>Withdrawal</h2>|<h2>Withdrawal</h2><img src="pic.png">|' html-validate
case_ noalt3.html $H 's|<h2>Withdrawal</h2>|<h2>Withdrawal</h2><img src="pic.png">|' html-self-contained
case_ nolang.html $H 's|<html lang="en">|<html>|' vnu
case_ skip.html $H 's|<h2>Dosage</h2>|<h4>Dosage</h4>|' html-validate
case_ script.html $H 's|</head>|<script>let x = 1;</script></head>|' html-self-contained
case_ extcss.html $H 's|</head>|<link rel="stylesheet" href="https://cdn.example/x.css"></head>|' html-self-contained
case_ anchor.html $H 's|href="#ref-3">\[3\]</a>\.</p>|href="#ref-9">[3]</a>.</p>|' html-self-contained
case_ otherfile.html $H 's|<a href="#dosage">|<a href="other.html">|' html-self-contained
# the no-final-newline case needs head -c, not sed
head -c -1 "$good/$T" >"$lint/text/nonl.txt"
expect+=("text-final-newline $lint/text/nonl.txt")

out=$(LINT_TOOL_PAGE=0 "$root/tests/lint-outputs.sh" "$lint" 2>&1)
rc=$?
result $((rc == 1 ? 0 : 1)) "lint-outputs exits 1 on the damaged outputs (got $rc)"
for e in "${expect[@]}"; do
	grep -qxF "FAIL $e" <<<"$out"
	result $? "lint-outputs: FAIL $e" "$(grep -F " ${e#* }" <<<"$out")"
done
# Undamaged files in the same run still pass.
grep -qxF "ok vnu $lint/html/index.html" <<<"$out"
result $? "lint-outputs: index.html still passes beside damaged pages"

# A missing directory and an empty one fail.
LINT_TOOL_PAGE=0 "$root/tests/lint-outputs.sh" "$tmp/nonexistent" >/dev/null 2>&1
result $(($? == 1 ? 0 : 1)) "lint-outputs fails on a missing directory"
mkdir -p "$tmp/empty"
LINT_TOOL_PAGE=0 "$root/tests/lint-outputs.sh" "$tmp/empty" >/dev/null 2>&1
result $(($? == 1 ? 0 : 1)) "lint-outputs fails on a directory with no outputs"

# ------------------------------------------------------------ parity cases
# pcase NAME FILE SED-SCRIPT CHECK: damage one file of a copy of good/.
pcase() {
	local d=$tmp/parity-$1
	cp -r "$good" "$d"
	if [ "$3" = DELETE ]; then rm "$d/$2"; else sed -i "$3" "$d/$2"; fi
	out=$("$root/tests/parity.sh" "$d" "$tmp/src" 2>&1)
	grep -qx "FAIL $4 baclofen" <<<"$out"
	result $? "parity: $1 fails $4" "$out"
}
pcase text-drops-cite $T 's/abruptly \[3\]/abruptly/' citations
pcase man-extra-cite $M 's/^Do not stop abruptly \[3\]/Do not stop abruptly [3][1]/' citations
pcase html-cite-out-of-range $H 's|abruptly <a href="#ref-3">\[3\]</a>|abruptly <a href="#ref-3">[4]</a>|' citations
pcase html-extra-reference $H 's|<li id="ref-3">Third source.</li>|&<li>Fourth.</li>|' references
pcase text-missing-reference $T '/^  3\. Third source/d' references
pcase man-renamed-section $M 's/^\.SH WITHDRAWAL/.SH STOPPING/' sections
pcase html-missing-section $H 's|<h2>Withdrawal</h2>||' sections
pcase man-missing $M DELETE files
# Equivalent citation forms must not fail.
d=$tmp/parity-forms
cp -r "$good" "$d"
sed -i 's/\[1, 2\]/[1][2]/; s/\[2\]\[3\]/[2–3]/' "$d/$T"
out=$("$root/tests/parity.sh" "$d" "$tmp/src" 2>&1)
result $? "parity: [1][2] and [2–3] equal [1, 2] and [2][3]" "$out"

# ------------------------------------------------------------ browser
if [ $browser -eq 1 ]; then
	b=$tmp/browser
	mkdir -p "$b/html"
	cp "$good/html/index.html" "$good/$H" "$b/html/"
	sed 's|<h2>Withdrawal</h2>|<h2>Withdrawal</h2><img src="pic.png">|' "$good/$H" >"$b/html/noalt.html"
	sed 's|<h2>Withdrawal</h2>|<h2>Withdrawal</h2><pre>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</pre>|' "$good/$H" >"$b/html/wide.html"
	sed 's|color: #111;|color: #bbb;|' "$good/$H" >"$b/html/contrast.html"
	sed 's|href="#ref-3">\[3\]</a>\.</p>|href="#ref-9">[3]</a>.</p>|' "$good/$H" >"$b/html/anchor.html"
	sed 's|</head>|<link rel="stylesheet" href="https://cdn.example/x.css"></head>|' "$good/$H" >"$b/html/extcss.html"
	out=$(SCREENSHOT_DIR=$tmp/shots "$root/tests/browser/run.sh" "$b" 2>&1)
	rc=$?
	result $((rc == 1 ? 0 : 1)) "browser exits 1 on the damaged pages (got $rc)" "$out"
	for p in baclofen index; do
		grep -qx "ok $b/html/$p.html" <<<"$out"
		result $? "browser: $p.html passes" "$out"
	done
	for e in "noalt axe image-alt" "wide scrolls horizontally" \
	    "contrast axe color-contrast" "anchor link to missing in-page target" \
	    "extcss requests https://cdn.example/x.css"; do
		p=${e%% *}
		sed -n "\|^FAIL $b/html/$p.html\$|,\|^[^ ]|p" <<<"$out" | grep -qF "${e#* }"
		result $? "browser: $p.html fails with '${e#* }'" "$out"
	done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
