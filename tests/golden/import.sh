#!/bin/sh
# import.sh: golden tests of monoc import on four small labels, from the
# label to the three outputs.
#
# The labels are invented test data (tests/data/import/): tiny.xml (PLR,
# ragged tables, a dangling link, an image, a package label), combo.xml
# (a schedule II combination per 5 mL with Highlights, a boxed warning,
# two head rows, spans and footnotes), drugfacts.xml (an OTC Drug Facts
# label in the pre-2009 product model, no title, a nine-column table,
# Windows-1252 control characters) and tables.xml (tables laid out as
# labels lay them: no thead, a title row, bold header rows, the tfoot
# first, a weight-based dosing table of two suspensions under two header
# rows).  Goldens of real labels would be
# monographs made from labels in the repository, which the project does
# not keep: tests/import/run.sh checks the real labels of ../shared at
# test time instead.
#
# Each label is imported (with a fixed date), and the monograph and the
# messages are compared with tests/golden/import/NAME.xml and NAME.err;
# the three are checked, then compiled together, and their outputs are
# compared with NAME.html, NAME.txt and NAME-info.7, and linted as
# every output is (tests/lint-outputs.sh).  After a deliberate
# change, read the diff, then rewrite the expected files with UPDATE=1.
# Prints "N passed, N failed" last.
#
# usage: tests/golden/import.sh [MONOC]     (from the repository root)
monoc=${1:-./monoc}
golden=tests/golden/import
data=tests/data/import
. tests/lib.sh

# 2025-12-01: the date an imported monograph is reviewed on
SOURCE_DATE_EPOCH=1764547200
export SOURCE_DATE_EPOCH

# same GOT NAME: compare GOT with the golden NAME (or rewrite it)
same() {
	[ "${UPDATE:-0}" = 1 ] && golden_form "$1" > "$golden/$2"
	check_same "$golden/$2" "$1" "$2" "$2 differs from the golden file"
}

names=
for label in tiny combo drugfacts tables; do
	mkdir -p "$tmp/$label"
	"$monoc" import -o "$tmp/$label" "$data/$label.xml" \
	    2> "$tmp/$label.err"
	rc=$?
	set -- "$tmp/$label"/*.xml
	if [ "$rc" -ne 0 ] || [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
		bad "$label.xml: import failed (exit $rc):"
		sed 's/^/     /' "$tmp/$label.err" | head -n 20
		continue
	fi
	name=$(basename "$1" .xml)
	ok "$label.xml: imported as $name"
	cp "$1" "$tmp/$name.xml"
	names="$names $name"
	# the summary line ends with the seconds taken: not golden
	sed 's/, [0-9.]* s$/, N s/' "$tmp/$label.err" > "$tmp/$name.err"
	same "$tmp/$name.xml" "$name.xml"
	same "$tmp/$name.err" "$name.err"
done

set --
for n in $names; do set -- "$@" "$tmp/$n.xml"; done
if [ $# -eq 0 ]; then
	bad "nothing imported"
elif ! "$monoc" --check -q "$@" > "$tmp/check" 2>&1 ||
    grep -q ': error:' "$tmp/check"; then
	bad "monoc --check fails on the imported monographs:"
	sed 's/^/     /' "$tmp/check" | head -n 20
elif ! "$monoc" -o "$tmp/o" "$@" > "$tmp/compile" 2>&1; then
	bad "monoc fails on the imported monographs:"
	sed 's/^/     /' "$tmp/compile" | head -n 20
else
	ok "the imported monographs pass --check and compile"
	for n in $names; do
		same "$tmp/o/html/$n.html" "$n.html"
		same "$tmp/o/text/$n.txt" "$n.txt"
		same "$tmp/o/man/man7/$n-info.7" "$n-info.7"
	done
	# the same quality bar as every monograph's outputs
	if LINT_TOOL_PAGE=0 tests/lint-outputs.sh "$tmp/o" > "$tmp/lint" 2>&1
	then
		ok "the outputs pass every linter ($(tail -n 1 "$tmp/lint"))"
	else
		bad "the outputs fail a linter:"
		grep -A 5 '^FAIL' "$tmp/lint" | head -n 30 | sed 's/^/     /'
	fi
fi
# Every golden file belongs to a label imported here.
for g in "$golden"/*; do
	b=$(basename "$g")
	b=${b%.xml}; b=${b%.err}; b=${b%.html}; b=${b%.txt}; b=${b%-info.7}
	case " $names " in
	*" $b "*) ;;
	*) bad "$g: no label of tests/data/import/ is imported as $b" ;;
	esac
done
summary
