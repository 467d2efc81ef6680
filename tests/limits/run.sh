#!/usr/bin/env bash
# run.sh: bounded work.  Inputs built here from the project's own
# skeleton (docs/skeleton.xml) and small invented label
# (tests/data/import/tiny.xml), each compiled or imported under the
# limits monoc promises for any input: 10 s of CPU and 1.2 GB of address
# space (ulimit; a process over them is killed, which fails the case).
# Each either succeeds or is refused with exit status 1 and a message
# naming the file and line.  The limits on tables are table.h's.
#
# usage: tests/limits/run.sh [MONOC]      (from the repository root)
set -uo pipefail
export LC_ALL=C
. tests/lib.sh

monoc=${1:-./monoc}
# Under AddressSanitizer (make check-asan) the shadow memory takes
# terabytes of address space and every step is slower: no ulimit there.
limited() {
	if [ "${MONOC_ASAN:-0}" = 1 ]; then
		"$@"
	else
		(ulimit -t 10 -v 1258291; exec "$@")
	fi
}

# mono ID: the skeleton with id ID and, after its first use, the
# monograph text on standard input (one line)
mono() {
	cat > "$tmp/extra"
	awk -v id="$1" -v extra="$tmp/extra" '
		{ sub(/ id="example"/, " id=\"" id "\""); print }
		/<\/use>/ && !done {
			while ((getline line < extra) > 0)
				print line
			done = 1
		}
	' docs/skeleton.xml > "$tmp/$1.xml"
}

# table HEAD ROW N: a cited table of one head row HEAD and N rows ROW
table() {
	awk -v h="$1" -v r="$2" -v n="$3" 'BEGIN {
		printf "<table id=\"t1\"><caption>T<cite ref=\"src1\"/></caption>"
		printf "<thead><tr>%s</tr></thead><tbody>", h
		for (i = 0; i < n; i++)
			printf "<tr>%s</tr>", r
		printf "</tbody></table>\n"
	}'
}

# rep N STRING: STRING N times
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# refused ID PATTERN: compiling ID exits 1 with a located message
# matching PATTERN
refused() {
	local rc
	limited "$monoc" -o "$tmp/out" --no-index "$tmp/$1.xml" \
	    > "$tmp/$1.out" 2> "$tmp/$1.err"
	rc=$?
	if [ "$rc" -eq 1 ] &&
	    grep -Eq "^$tmp/$1\.xml:[0-9]+:[0-9]+: error: .*$2" "$tmp/$1.err"; then
		ok "$1: refused (exit 1) at its line: $(grep -Eo "error: .*$2" \
		    "$tmp/$1.err" | head -n 1 | cut -c 1-70)"
	else
		head -n 5 "$tmp/$1.err" | sed 's/^/     /'
		bad "$1: exit $rc, expected 1 and an error matching '$2'"
	fi
}

# compiles ID: compiling ID succeeds within the limits
compiles() {
	local rc
	limited "$monoc" -o "$tmp/out" --no-index "$tmp/$1.xml" \
	    > "$tmp/$1.out" 2> "$tmp/$1.err"
	rc=$?
	if [ "$rc" -eq 0 ] && [ -s "$tmp/out/text/$1.txt" ]; then
		ok "$1: compiled within 10 s of CPU and 1.2 GB"
	else
		head -n 5 "$tmp/$1.err" | sed 's/^/     /'
		bad "$1: exit $rc, expected 0 and its outputs"
	fi
}

# 7 KB: one row of 10 cells spanning 100,000 columns, then 100 rows of
# one cell spanning 256 (it passed --check and took 3.2 GB)
{
	printf '<table id="t1"><caption>T<cite ref="src1"/></caption><tbody><tr>'
	rep 10 '<td colspan="100000">x</td>'
	printf '</tr>'
	rep 100 '<tr><td colspan="256">y</td></tr>'
	printf '</tbody></table>\n'
} | mono span7k
refused span7k 'colspan 100000 is more than the 256 columns a cell may span'
# 70 KB of the same (it ran out of memory)
{
	printf '<table id="t1"><caption>T<cite ref="src1"/></caption><tbody><tr>'
	rep 100 '<td colspan="100000">x</td>'
	printf '</tr>'
	rep 2000 '<tr><td colspan="256">y</td></tr>'
	printf '</tbody></table>\n'
} | mono span70k
refused span70k 'colspan 100000 is more than'
# 30,000 cells spanning 100,000 columns each (row_width overflowed)
{
	printf '<table id="t1"><caption>T<cite ref="src1"/></caption><tbody><tr>'
	rep 30000 '<td colspan="100000">x</td>'
	printf '</tr></tbody></table>\n'
} | mono wide30k
refused wide30k 'colspan 100000 is more than'
# a row of 257 cells
table "$(rep 257 '<th>h</th>')" "$(rep 257 '<td>v</td>')" 1 | mono cols257
refused cols257 'table row is more than 256 columns wide'
# rowspans of 1,000 rows
table '<th>a</th><th>b</th>' '<td rowspan="1000">v</td><td>w</td>' 2 |
    mono rowspan1k
refused rowspan1k 'rowspan 1000 is more than the 256 rows'
# 256 columns of cells whose covers fill a grid of 65,792 slots from
# 10 KB (each body row one cell, the rest covered from above: 14 s of
# CPU a format)
table "$(rep 256 '<th>h</th>')" \
    '<td>a</td><td colspan="255" rowspan="256">y</td>' 1 |
    sed 's|</tbody>|'"$(rep 255 '<tr><td>z</td></tr>')"'</tbody>|' |
    mono covered
refused covered 'tables have 65792 slots .*more than the 50000'
# many small tables adding up past the slots
rep 400 "$(table '<th>a</th><th>b</th><th>c</th><th>d</th>' \
    '<td>1</td><td>2</td><td>3</td><td>4</td>' 40 | sed 's/ id="t1"//')" |
    mono tables
refused tables 'tables have 50[0-9]* slots'
# just under the slots: 16 columns of 3,000 rows (48,016 slots), laid
# out in every format
# (the plain build only: under the sanitizers, which set no limit, the
# layout of these two takes minutes, and their point is the CPU limit)
if [ "${MONOC_ASAN:-0}" != 1 ]; then
table "$(rep 16 '<th>h</th>')" "$(rep 16 '<td>v</td>')" 3000 | mono under
compiles under
# and one column of 49,000 rows (compile was quadratic in rows: 50,000
# took 38 s of CPU)
table '<th>h</th>' '<td>v</td>' 49000 | mono tall
compiles tall
fi

# label N TABLE: tiny.xml with TABLE (on standard input) in its boxed
# warning, as label N
label() {
	cat > "$tmp/extra"
	mkdir -p "$tmp/l$1"
	awk -v extra="$tmp/extra" '
		/This box is test data/ && !done {
			sub(/<\/text>/, "")
			print
			while ((getline line < extra) > 0)
				print line
			print "</text>"
			done = 1
			next
		}
		{ print }
	' tests/data/import/tiny.xml > "$tmp/l$1/label.xml"
}

# imported N OK-MESSAGE: label N imports, and its monograph compiles,
# each within the limits
imported() {
	local rc
	rm -rf "$tmp/i$1" && mkdir -p "$tmp/i$1"
	limited "$monoc" import -q -o "$tmp/i$1" "$tmp/l$1/label.xml" \
	    2> "$tmp/l$1.err"
	rc=$?
	if [ "$rc" -ne 0 ] || ! limited "$monoc" -o "$tmp/i$1/out" \
	    --no-index "$tmp/i$1"/*.xml 2>> "$tmp/l$1.err"; then
		head -n 5 "$tmp/l$1.err" | sed 's/^/     /'
		bad "label $1: import exit $rc, or its monograph failed"
		return
	fi
	ok "label $1: $2"
}

# label_refused N PATTERN [nofile]: importing label N exits 1, writing
# nothing, with a message at a line of the label (with nofile, about the
# whole label) matching PATTERN
label_refused() {
	local rc at=:[0-9]+
	[ $# -gt 2 ] && at=
	rm -rf "$tmp/i$1" && mkdir -p "$tmp/i$1"
	limited "$monoc" import -q -o "$tmp/i$1" "$tmp/l$1/label.xml" \
	    2> "$tmp/l$1.err"
	rc=$?
	if [ "$rc" -eq 1 ] && ! ls "$tmp/i$1"/*.xml > /dev/null 2>&1 &&
	    grep -Eq "^$tmp/l$1/label\.xml$at: error: .*$2" \
	    "$tmp/l$1.err"; then
		ok "label $1: refused (exit 1) at its line: $2"
	else
		head -n 5 "$tmp/l$1.err" | sed 's/^/     /'
		bad "label $1: exit $rc, expected 1 and an error matching '$2'"
	fi
}

# A label's spans past 256 are cut to 256 (a label's 999 means "to the
# end"), its rowspans at the end of their group.
{
	printf '<table><thead><tr><th>a</th><th rowspan="999">b</th></tr></thead>'
	printf '<tbody><tr><td colspan="999">x</td></tr>'
	printf '<tr><td rowspan="300">y</td><td>z</td></tr></tbody></table>\n'
} | label spans
imported spans 'spans cut to 256 and to their group, imported and compiled'
if [ -f "$tmp/ispans/examplamine.xml" ] &&
    grep -q 'colspan="256"' "$tmp/ispans/examplamine.xml" &&
    ! grep -Eq 'rowspan="(999|300)"' "$tmp/ispans/examplamine.xml"; then
	ok "label spans: colspan 999 written as 256, no rowspan past its group"
else
	bad "label spans: the spans were not cut"
fi
# one row of 10 cells spanning 999 columns: 2,560 columns
{
	printf '<table><tbody><tr>'
	rep 10 '<td colspan="999">x</td>'
	printf '</tr>'
	rep 100 '<tr><td colspan="256">y</td></tr>'
	printf '</tbody></table>\n'
} | label wide
label_refused wide 'table with a row more than 256 columns wide'
# a table of 60,000 slots
{
	printf '<table><tbody>'
	rep 3750 "<tr>$(rep 16 '<td>v</td>')</tr>"
	printf '</tbody></table>\n'
} | label slots
label_refused slots 'label.s tables have 60000 slots'
# 16 MB of "w<br/>" (a paragraph a line break: it reached 3.8 GB), and
# 0.9 MB of it, whose monograph would be 7.5 MB: both over the budget
printf '<paragraph>%s</paragraph>\n' "$(rep 2795000 'w<br/>')" | label br16
label_refused br16 'label refused: importing it would take about [0-9]+ MiB, more than the memory budget' nofile
printf '<paragraph>%s</paragraph>\n' "$(rep 150000 'w<br/>')" | label br1
label_refused br1 'label refused: compiling the monograph made from it would take about [0-9]+ MiB' nofile

summary
