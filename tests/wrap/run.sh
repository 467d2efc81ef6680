#!/bin/sh
# tests/wrap/run.sh: the checks pass on any valid content, wherever its
# lines wrap.  Writes N valid monographs (wrap-0 ... wrap-N-1, N = 24 by
# default, WRAP_N) from one template, the K-th with K more characters at
# the start of each statement, so that every citation, locator and cell
# falls at another place of the 78-column text and the man page: locators
# that end in a number (at="Table 2", the form docs/format.md
# recommends), source notes ending in a year ("1959."), a note or cell
# text starting with punctuation ("; other CNS depressants"), groups of
# citations with and without locators in paragraphs, list items, table
# cells (also spanning), interaction agents, a list nested 40 deep (text
# and man indent 8 lists deep, no more), a boxed warning and the
# Highlights.  Each must pass monoc --check -W error; then the suites that
# read monographs/ and their outputs run on them: the output linters and
# the format parity on all, the browser test on two (it takes some seconds
# a page; WRAP_NO_BROWSER=1 leaves it out while developing).  Prints
# "N passed, N failed" last.
#
# usage: tests/wrap/run.sh [MONOC]      (from the repository root)
monoc=${1:-./monoc}
n=${WRAP_N:-24}
. tests/lib.sh
mkdir -p "$tmp/src" "$tmp/out"

# pad K: K characters, as words of at most 7 letters
pad() {
	awk -v k="$1" 'BEGIN {
		s = ""; w = 0
		for (i = 0; i < k; i++) {
			if (w == 7 || (w > 0 && i == k - 1)) { s = s " "; w = 0 }
			else { s = s "x"; w++ }
		}
		printf "%s", s
	}'
}

k=0
while [ "$k" -lt "$n" ]; do
	p=$(pad "$k")
	q=$(pad $((k * 3 % 41)))
	sed -e "s/@ID@/wrap-$k/g" -e "s/@P@/$p/g" -e "s/@Q@/$q/g" \
	    tests/wrap/template.xml > "$tmp/src/wrap-$k.xml"
	k=$((k + 1))
done

if "$monoc" --check -q -W error "$tmp"/src/*.xml > "$tmp/check" 2>&1; then
	ok "$n generated monographs are valid, not even a warning"
else
	sed 's/^/     /' "$tmp/check" | head -n 20
	bad "generated monographs: monoc --check -W error failed"
fi
if "$monoc" -o "$tmp/out" "$tmp"/src/*.xml > "$tmp/log" 2>&1; then
	ok "$n generated monographs compile"
else
	sed 's/^/     /' "$tmp/log" | head -n 20
	bad "generated monographs: monoc failed"
fi

# suite NAME COMMAND...: one suite on the generated monographs; its own
# summary line counts as one result here
suite() {
	name=$1
	shift
	"$@" > "$tmp/suite" 2>&1
	rc=$?
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/suite" | tail -n 1)
	if [ "$rc" -eq 0 ] && [ -n "$last" ]; then
		ok "$name on the generated monographs: $last"
	else
		grep -v '^ok' "$tmp/suite" | head -n 40 | sed 's/^/     /'
		bad "$name on the generated monographs: ${last:-no summary} (exit $rc)"
	fi
}
# under make check-asan the monographs are compiled and checked by the
# sanitized build; the outputs, the plain build's byte for byte, are
# judged by make check (tests/suites.sh)
[ "${MONOC_ASAN:-0}" = 1 ] && { summary; exit; }
suite "output linters" env LINT_TOOL_PAGE=0 tests/lint-outputs.sh "$tmp/out"
suite "format parity" env MONOC="$monoc" tests/parity.sh "$tmp/out" "$tmp/src"
if [ -z "$WRAP_NO_BROWSER" ]; then
	"$monoc" -o "$tmp/two" "$tmp/src/wrap-0.xml" \
	    "$tmp/src/wrap-$((n / 2)).xml" > /dev/null 2>&1 ||
	    bad "two generated monographs: monoc failed"
	suite "browser" tests/browser/run.sh "$tmp/two"
fi
summary
