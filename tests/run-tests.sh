#!/bin/sh
# run-tests.sh: end-to-end golden tests of monoc on the fixtures under
# tests/data/e2e/.  For each NAME.xml, monoc runs alone on it with the tiny
# stand-in schema and stylesheets of tests/data; its stderr must equal
# NAME.err (empty when there is none), and each expected output beside it
# (NAME.html, NAME.txt, NAME.7) must equal what was written.  A file with
# errors must write nothing.  Prints "N passed, N failed" last.
#
# usage: tests/run-tests.sh [MONOC]     (from the repository root)
# Set UPDATE=1 to rewrite the expected files from the current output.
monoc=${1:-./monoc}
data=tests/data
. tests/lib.sh

# same EXPECTED ACTUAL NAME: compare, or update when UPDATE=1
# (an HTML page in its golden form, one element a line: tests/lib.sh)
same() {
	golden_form "$2" > "$tmp/same.form"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/same.form" "$1"
	fi
	if cmp -s "$1" "$tmp/same.form"; then
		return 0
	fi
	diff -u "$1" "$tmp/same.form" | head -n 20 | sed 's/^/     /'
	return 1
}

for f in "$data"/e2e/*.xml; do
	name=$(basename "$f" .xml)
	out=$tmp/$name
	"$monoc" --data-dir "$data" --no-index -o "$out" "$f" \
	    > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	exp=${f%.xml}
	[ -f "$exp.err" ] || : > "$exp.err"
	if ! same "$exp.err" "$tmp/stderr"; then
		bad "$name: diagnostics differ"
		continue
	fi
	if [ -s "$exp.err" ]; then
		want=1
	else
		want=0
	fi
	if [ "$rc" -ne "$want" ]; then
		bad "$name: exit status $rc, expected $want"
		continue
	fi
	if [ "$want" -eq 1 ]; then
		if [ -n "$(find "$out" -type f 2>/dev/null)" ]; then
			bad "$name: wrote output despite errors"
		else
			ok "$name"
		fi
		continue
	fi
	good=1
	for pair in html:html/$name.html txt:text/$name.txt \
	    7:man/man7/$name-info.7; do
		ext=${pair%%:*}
		got=$out/${pair#*:}
		if [ "${UPDATE:-0}" = 1 ] || [ -f "$exp.$ext" ]; then
			same "$exp.$ext" "$got" || {
				bad "$name: $ext output differs"
				good=0
			}
		fi
	done
	[ "$good" -eq 1 ] && ok "$name"
done

# The same inputs together, in any number of threads: same diagnostics.
"$monoc" --data-dir "$data" --check -j 1 "$data"/e2e/*.xml 2> "$tmp/j1"
"$monoc" --data-dir "$data" --check -j 3 "$data"/e2e/*.xml 2> "$tmp/j3"
if cmp -s "$tmp/j1" "$tmp/j3"; then
	ok "diagnostics independent of -j"
else
	bad "diagnostics differ between -j 1 and -j 3"
fi

summary
