#!/bin/sh
# suites.sh: run every end-to-end suite of make check, one after another,
# and add up their results.  Each suite is a script that prints
# "N passed, N failed" as its last line and exits non-zero on failure; a
# suite that cannot run (a missing tool, a crash) counts as failed, never as
# skipped.  Prints the total "N passed, N failed" last and exits 1 when
# anything failed.
#
# The output linters, the format parity and the browser test run twice:
# on OUTDIR (whatever monographs/ holds) and on the test monographs
# tests/formulary/*.xml, compiled here with their index page.
#
# usage: tests/suites.sh [MONOC [OUTDIR]]      (from the repository root;
#        OUTDIR holds the outputs of `make docs`, by default output)
monoc=${1:-./monoc}
out=${2:-output}
tmp=$(mktemp) || exit 2
fout=$(mktemp -d) || exit 2
trap 'rm -f "$tmp"; rm -rf "$fout"' EXIT
pass=0
fail=0
bad=""

# suite NAME COMMAND...: run one suite and fold its counts into the total
suite() {
	name=$1
	shift
	echo "== $name"
	"$@" > "$tmp" 2>&1
	rc=$?
	cat "$tmp"
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp" | tail -n 1)
	if [ -z "$last" ]; then
		echo "FAIL $name: no summary line (exit $rc)"
		fail=$((fail + 1))
		bad="$bad $name"
		return
	fi
	p=${last%% passed*}
	f=${last#*, }
	f=${f%% failed*}
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$rc" -ne 0 ]; then
		[ "$f" -gt 0 ] || fail=$((fail + 1))
		bad="$bad $name"
	fi
}

# plain NAME COMMAND...: a suite of the plain build only.  Under make
# check-asan (MONOC_ASAN=1) the suites that judge the outputs with other
# programs (linters, browsers, parity, timing) are left out: the outputs
# are the plain build's, byte for byte, and running them again under the
# sanitizers took CI past 20 minutes.  What runs monoc's C on new inputs
# (unit, golden, hostile, limits, imports, wrapping) runs under both.
plain() {
	if [ "${MONOC_ASAN:-0}" = 1 ]; then
		echo "== $1: plain build only (make check runs it)"
		return
	fi
	suite "$@"
}

# The test monographs' outputs; a failure shows in the suites below.
"$monoc" -o "$fout" tests/formulary/*.xml ||
    echo "monoc failed on tests/formulary/*.xml: the suites on them will fail"

suite "golden tests on fixtures" tests/run-tests.sh "$monoc"
suite "test monographs: valid, every element and attribute" \
    tests/formulary/run.sh
suite "golden tests on the test monographs; monographs/ compiles" \
    tests/golden/run.sh "$monoc"
suite "diagnostics corpus" tests/diag/run.sh "$monoc"
suite "every diagnostic code in monoc.1" tests/diag/codes.py
suite "the model's C writes no English of its own (words.xml)" \
    tests/model-words.py
suite "C extensions against the XSLT templates" tests/ext-parity.sh "$monoc"
suite "the model of format 2 in three formats" tests/render.sh
suite "the Highlights are what docs/format.md section 10 says" \
    tests/summary.sh "$monoc"
plain "schema tests" tests/schema/run.sh
plain "monographs/: at most the words of docs/format.md rule 12" \
    tests/length.sh "$monoc"
suite "hostile inputs" tests/hostile/run.sh "$monoc"
suite "bounded work: tables within the limits or refused" \
    tests/limits/run.sh "$monoc"
suite "monoc import: golden tests on four small labels" \
    tests/golden/import.sh "$monoc"
suite "monoc import on real labels" tests/import/run.sh "$monoc"
plain "tables: every value under its header or after its column path" \
    tests/tables/run.sh "$monoc"
plain "scaling: time at 4n under 6 times time at n" tests/scaling/run.sh "$monoc"
plain "scaling: import time at 4n under 8 times time at n" \
    tests/scaling/import.sh "$monoc"
plain "output linters" tests/lint-outputs.sh "$out"
plain "output linters: test monographs" \
    env LINT_TOOL_PAGE=0 tests/lint-outputs.sh "$fout"
plain "format parity" env MONOC="$monoc" tests/parity.sh "$out"
plain "format parity: test monographs" \
    env MONOC="$monoc" tests/parity.sh "$fout" tests/formulary
suite "any valid content: generated monographs wrapped everywhere" \
    tests/wrap/run.sh "$monoc"
plain "make install and man" tests/install.sh
suite "make docs: incremental, deletions" tests/make-docs.sh
plain "browser: axe-core, phone width, links" tests/browser/run.sh "$out"
plain "browser: test monographs" tests/browser/run.sh "$fout"
plain "browser: the index page of 600 bulk labels, searched" \
    tests/browser/index.sh "$monoc"

echo
[ -z "$bad" ] || echo "failed suites:$bad"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ -z "$bad" ]
