#!/bin/sh
# tests/diag/run.sh: the diagnostics corpus.  Each NAME.xml here is a copy
# of docs/skeleton.xml (format 2, id NAME) with one defect, or none for the
# *-ok and good cases (format-1.xml is format 1's skeleton as it was);
# NAME.err is the exact stderr of
#     monoc --check [ARGS] tests/diag/NAME.xml
# run from the repository root with SOURCE_DATE_EPOCH fixed at 2026-11-23,
# ARGS being the lines of NAME.args when it exists (another input of the
# run, such as good.xml for the rules across monographs, or an option).  The exit status must
# be 1 when NAME.err holds an error, else 0, and --check must write nothing.
#
# multi/ is a run over several files: alpha.xml good, beta.xml broken after
# a good build of before/beta.xml, gamma.xml broken and never built.  The
# run must exit 1, print multi/expected.err, build alpha, leave beta's
# earlier outputs as they were, and write nothing for gamma.
#
# Last, every rule code of src/check.c must have a case here, and every
# code in an .err file must be documented in monoc.1.
#
# Prints ok/FAIL per case and "N passed, N failed" last; exits 1 on any
# failure.  usage: tests/diag/run.sh [MONOC]  (from anywhere)
# Set UPDATE=1 to rewrite the .err files from the current output, then
# read the diff: format-1.err and one-way-interaction.err were written by
# hand, as docs/format.md says monoc should report those cases (one
# format-1 message and nothing else; the one-way warning across the run),
# and must not be rewritten to what a monoc that does otherwise prints.
cd "$(dirname "$0")/../.." || exit 2
root=$(pwd)
monoc=${1:-./monoc}
case $monoc in
/*) ;;
*) monoc=$root/$monoc ;;
esac
SOURCE_DATE_EPOCH=1795392000	# 2026-11-23 00:00:00 UTC
export SOURCE_DATE_EPOCH
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

ok() { echo "ok   $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# same EXPECTED ACTUAL: compare, or update first when UPDATE=1
same() {
	[ "${UPDATE:-0}" = 1 ] && cp "$2" "$1"
	cmp -s "$1" "$2" && return 0
	diff -u "$1" "$2" | head -n 20 | sed 's/^/     /'
	return 1
}

if [ ! -x "$monoc" ]; then
	bad "no monoc at $monoc (run make)"
	echo "$pass passed, $fail failed"
	exit 1
fi

for f in tests/diag/*.xml; do
	name=$(basename "$f" .xml)
	args=
	[ -f "tests/diag/$name.args" ] && args=$(cat "tests/diag/$name.args")
	rm -rf "$tmp/out"
	# shellcheck disable=SC2086  # ARGS are split on purpose
	"$monoc" --data-dir "$root" --check -o "$tmp/out" $args "$f" \
	    > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	[ -f "tests/diag/$name.err" ] || : > "tests/diag/$name.err"
	if ! same "tests/diag/$name.err" "$tmp/stderr"; then
		bad "$name: diagnostics differ"
		continue
	fi
	want=0
	grep -q ': error: ' "tests/diag/$name.err" && want=1
	if [ "$rc" -ne "$want" ]; then
		bad "$name: exit status $rc, expected $want"
	elif [ -s "$tmp/stdout" ] || [ -e "$tmp/out" ]; then
		bad "$name: --check wrote something"
	else
		ok "$name"
	fi
done

# Several files in one run, one good and two broken.
m=$tmp/multi
mkdir -p "$m"
cp tests/diag/multi/alpha.xml tests/diag/multi/before/beta.xml "$m/"
outs() {	# the outputs of monograph $1 under $m/out
	echo "$m/out/html/$1.html $m/out/text/$1.txt" \
	    "$m/out/man/man7/$1-info.7 $m/out/meta/$1.xml"
}
(cd "$m" && "$monoc" --data-dir "$root" -o out alpha.xml beta.xml) \
    > "$tmp/stdout" 2> "$tmp/stderr"
rc=$?
if [ "$rc" -ne 0 ]; then
	bad "multi: the first, good build failed (exit $rc)"
	sed 's/^/     /' "$tmp/stderr"
else
	mkdir "$tmp/saved"
	# shellcheck disable=SC2046  # one word per output
	cp $(outs beta) "$tmp/saved/"
	# shellcheck disable=SC2046
	rm -f $(outs alpha)
	cp tests/diag/multi/beta.xml tests/diag/multi/gamma.xml "$m/"
	(cd "$m" && "$monoc" --data-dir "$root" -o out alpha.xml beta.xml \
	    gamma.xml) > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	why=
	same tests/diag/multi/expected.err "$tmp/stderr" ||
	    why="$why; diagnostics differ"
	[ "$rc" -eq 1 ] || why="$why; exit status $rc, expected 1"
	for o in $(outs alpha); do
		[ -s "$o" ] || why="$why; ${o#"$m"/} not built"
	done
	for o in $(outs beta); do
		cmp -s "$o" "$tmp/saved/$(basename "$o")" ||
		    why="$why; ${o#"$m"/} replaced or removed"
	done
	for o in $(outs gamma); do
		[ -e "$o" ] && why="$why; ${o#"$m"/} written"
	done
	if [ -z "$why" ]; then
		ok "multi: good file built, broken files reported, no output"
	else
		bad "multi${why}"
	fi
fi

# Every rule has a case, and every code seen is documented.  Besides its
# rule table, src/check.c gives two codes of its own: format-1 (before any
# rule) and one-way-interaction (check_cross(), across the run).
why=
for code in $(sed -n 's/^	{ "\([a-z-]*\)",[	 ]*rule_.*/\1/p' src/check.c) \
    format-1 one-way-interaction; do
	cat tests/diag/*.err | grep -q "\[$code\]$" ||
	    why="$why $code"
done
if [ -z "$why" ]; then
	ok "every rule of src/check.c has a case"
else
	bad "rules without a case:$why"
fi
why=
for code in $(cat tests/diag/*.err tests/diag/multi/expected.err |
    sed -n 's/.* \[\([a-z-]*\)\]$/\1/p' | sort -u); do
	grep -qx "\.B $(echo "$code" | sed 's/-/\\\\-/g')" monoc.1 ||
	    why="$why $code"
done
if [ -z "$why" ]; then
	ok "every code in the corpus is documented in monoc.1"
else
	bad "codes not in monoc.1 DIAGNOSTICS:$why"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
