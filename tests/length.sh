#!/bin/sh
# tests/length.sh: no monograph of monographs/ is longer than the limit of
# docs/format.md section 5 (the rule "At most N words", read from there,
# its one definition): the text output of each, as `monoc -f text` writes
# it, holds at most N words counted as `wc -w` counts them (every run of
# non-space characters: the Highlights, notes and references included).
# Also checks that the count itself tells a text over the limit from one
# at it.  Prints "N passed, N failed" last.
#
# usage: tests/length.sh [MONOC]      (from the repository root)
monoc=${1:-./monoc}
. tests/lib.sh

limit=$(sed -n 's/.*\*\*At most \([0-9][0-9,]*\) words\*\*.*/\1/p' \
    docs/format.md | head -n 1 | tr -d ,)
if [ -n "$limit" ]; then
	ok "docs/format.md: a monograph's text holds at most $limit words"
else
	bad "docs/format.md: no rule \"**At most N words**\" in section 5"
	summary
	exit
fi

# over FILE: true when FILE holds more than $limit words
over() {
	[ "$(wc -w < "$1")" -gt "$limit" ]
}

# the count on two made texts: exactly the limit, and one word more
awk -v n="$limit" 'BEGIN { for (i = 0; i < n; i++) printf "w%s", (i % 10 == 9 ? "\n" : " "); print "" }' \
    > "$tmp/at.txt"
{ cat "$tmp/at.txt"; echo "one"; } > "$tmp/over.txt"
if over "$tmp/at.txt"; then
	bad "a text of exactly $limit words is taken as over the limit"
else
	ok "a text of exactly $limit words is within the limit"
fi
if over "$tmp/over.txt"; then
	ok "a text of $((limit + 1)) words is over the limit"
else
	bad "a text of $((limit + 1)) words is not taken as over the limit"
fi

n=0
for f in monographs/*.xml; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	name=$(basename "$f" .xml)
	rm -rf "$tmp/out"
	if ! "$monoc" -f text --no-index -o "$tmp/out" "$f" > "$tmp/err" 2>&1; then
		bad "$f: monoc failed"
		sed 's/^/    /' "$tmp/err"
		continue
	fi
	txt=$(ls "$tmp/out/text/"*.txt 2>/dev/null | head -n 1)
	if [ -z "$txt" ]; then
		bad "$f: no text output"
		continue
	fi
	words=$(wc -w < "$txt")
	if over "$txt"; then
		bad "$f: $words words of text, over the limit of $limit by $((words - limit))"
	else
		ok "$f: $words words of text (limit $limit)"
	fi
done
[ "$n" -gt 0 ] || ok "monographs/ holds no monograph"
summary
