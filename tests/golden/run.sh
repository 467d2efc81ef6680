#!/bin/sh
# run.sh: golden tests of the real monographs.  Compiles every
# monographs/NAME.xml with the real schema and stylesheets into a scratch
# folder and compares the three outputs, byte for byte, with
# tests/golden/NAME.html, NAME.txt and NAME-info.7.  After a deliberate
# change to a monograph or a stylesheet, read the diff, then rewrite the
# expected files with UPDATE=1.  Prints "N passed, N failed" last.
#
# usage: tests/golden/run.sh [MONOC]        (from the repository root)
monoc=${1:-./monoc}
golden=tests/golden
. tests/lib.sh

if ! "$monoc" --no-index -o "$tmp" monographs/*.xml 2> "$tmp/stderr"; then
	echo "FAIL monoc failed on monographs/*.xml:"
	sed 's/^/     /' "$tmp/stderr" | head -n 20
	echo "0 passed, 1 failed"
	exit 1
fi
for f in monographs/*.xml; do
	name=$(basename "$f" .xml)
	for pair in "html/$name.html:$name.html" "text/$name.txt:$name.txt" \
	    "man/man7/$name-info.7:$name-info.7"; do
		got=$tmp/${pair%%:*}
		want=$golden/${pair#*:}
		[ "${UPDATE:-0}" = 1 ] && cp "$got" "$want"
		check_same "$want" "$got" "$name: ${pair#*:}" \
		    "$name: ${pair#*:} differs from the golden file"
	done
done
summary
