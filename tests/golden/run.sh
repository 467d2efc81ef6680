#!/bin/sh
# run.sh: golden tests of the project's own test monographs, and a check
# that any set of monographs in monographs/ passes.
#
# The test monographs tests/formulary/*.xml (fictozine and imaginol, which
# name each other) are compiled together, with the real schema and
# stylesheets, into a scratch folder; their three outputs are compared,
# byte for byte, with tests/golden/NAME.html, NAME.txt and NAME-info.7
# (the HTML one element a line: golden_form in tests/lib.sh).
# After a deliberate change to a test monograph or a stylesheet, read the
# diff, then rewrite the expected files with UPDATE=1.
#
# monographs/*.xml have no goldens (any valid set must pass make check):
# they must compile together with no error, each into its three outputs;
# tests/lint-outputs.sh and tests/parity.sh check what they look like.
# Prints "N passed, N failed" last.
#
# usage: tests/golden/run.sh [MONOC]        (from the repository root)
monoc=${1:-./monoc}
golden=tests/golden
. tests/lib.sh

# compile NAME OUT FILE...: compile FILEs together into OUT, and check
# that every FILE gave its three outputs; true when all did.
compile() {
	label=$1
	out=$2
	shift 2
	if ! "$monoc" --no-index -o "$out" "$@" 2> "$tmp/stderr"; then
		bad "monoc failed on $label:"
		sed 's/^/     /' "$tmp/stderr" | head -n 20
		return 1
	fi
	ok "$label: compiled together, no errors"
	all=0
	for f in "$@"; do
		id=$(xmllint --xpath 'string(/*/@id)' "$f")
		for o in "html/$id.html" "text/$id.txt" "man/man7/$id-info.7"; do
			[ -s "$out/$o" ] || { bad "$f: no $o"; all=1; }
		done
	done
	return $all
}

if compile "tests/formulary/*.xml" "$tmp/f" tests/formulary/*.xml; then
	# the test monographs are clean: not even a warning
	if [ -s "$tmp/stderr" ]; then
		bad "tests/formulary/*.xml: monoc warns:"
		sed 's/^/     /' "$tmp/stderr" | head -n 20
	fi
	for f in tests/formulary/*.xml; do
		name=$(xmllint --xpath 'string(/*/@id)' "$f")
		for pair in "html/$name.html:$name.html" \
		    "text/$name.txt:$name.txt" \
		    "man/man7/$name-info.7:$name-info.7"; do
			got=$tmp/f/${pair%%:*}
			want=$golden/${pair#*:}
			[ "${UPDATE:-0}" = 1 ] && golden_form "$got" > "$want"
			check_same "$want" "$got" "$name: ${pair#*:}" \
			    "$name: ${pair#*:} differs from the golden file"
		done
	done
fi
# Every golden file belongs to a test monograph.
for g in "$golden"/*.html "$golden"/*.txt "$golden"/*-info.7; do
	[ -e "$g" ] || continue
	b=$(basename "$g")
	b=${b%.html}
	b=${b%.txt}
	b=${b%-info.7}
	if ! grep -lq "id=\"$b\"" tests/formulary/*.xml; then
		bad "$g: no test monograph tests/formulary/$b.xml"
	fi
done

set -- monographs/*.xml
if [ -e "$1" ]; then
	compile "monographs/*.xml" "$tmp/m" "$@" &&
	    ok "monographs/*.xml: every monograph has its three outputs"
else
	echo "NOTE no monographs/*.xml: only the test monographs were compiled"
fi
summary
