#!/bin/sh
# run.sh: every value of every table keeps its header, in the text and
# the man page.  On each general table of the test monographs
# (tests/formulary/), of monographs/, of the golden imports and of every
# label of ../shared/spl-corpus/ and its baclofen/ folder (imported here
# at run time, never copied), as text.xsl and man.xsl draw it (stock
# xsltproc on the document model: tests/ext-parity.sh holds monoc to the
# same bytes): a table with header rows is a grid under them, or records
# in which each non-empty cell's value follows its column path ("200
# mg/5 mL, Day 1: 5 mL"), and no table is headed by an empty "Table:"
# (tests/tables/check.xsl says how).  One check a monograph and format;
# then how many tables were grids and records.  With TABLES_BULK=N, also
# the first N labels of ../shared/spl-bulk (make check-tables-bulk: all
# 3,000; not in make check, for its time).
#
# usage: tests/tables/run.sh [MONOC]      (from the repository root)
. tests/lib.sh
export LC_ALL=C
monoc=${1:-./monoc}
here=tests/tables
shared=${SHARED:-$(pwd)/../shared}
corpus=$shared/spl-corpus

if ! command -v xsltproc > /dev/null; then
	bad "xsltproc not found (run tools/setup.sh)"
	summary
	exit 1
fi
mkdir -p "$tmp/imp"
if [ -d "$corpus" ]; then
	# two corpus documents are not human drug labels: refused, exit 1
	"$monoc" import -q -o "$tmp/imp" "$corpus"/*.xml "$corpus"/baclofen/*.xml \
	    2> /dev/null
	n=$(ls "$tmp/imp" | grep -c '\.xml$')
	if [ "$n" -ge 50 ]; then
		ok "$n corpus labels imported"
	else
		bad "only $n corpus labels imported from $corpus"
	fi
else
	bad "no label corpus at $corpus (set SHARED to the shared folder)"
fi
mkdir -p "$tmp/bulk"
if [ "${TABLES_BULK:-0}" -gt 0 ]; then
	tarball=$shared/spl-bulk/dailymed-rx-3000.tar.xz
	mkdir -p "$tmp/labels"
	if tar -xJf "$tarball" -C "$tmp/labels" 2> /dev/null; then
		find "$tmp/labels" -name '*.xml' | sort | head -n "$TABLES_BULK" |
		    xargs "$monoc" import -q -o "$tmp/bulk" 2> /dev/null
		ok "$(ls "$tmp/bulk" | grep -c '\.xml$') bulk labels imported"
	else
		bad "cannot unpack $tarball"
	fi
fi

: > "$tmp/all"
for f in tests/formulary/*.xml monographs/*.xml tests/golden/import/*.xml \
    "$tmp"/imp/*.xml "$tmp"/bulk/*.xml; do
	[ -e "$f" ] || continue
	name=$(basename "$f" .xml)
	if ! "$monoc" --emit-model "$f" > "$tmp/model.xml" 2> "$tmp/err"; then
		bad "$name: no model"
		sed 's/^/     /' "$tmp/err" | head -n 5
		continue
	fi
	for fmt in text man; do
		xsltproc --nonet --stringparam name "$name" "$here/$fmt.xsl" \
		    "$tmp/model.xml" > "$tmp/res" 2> "$tmp/err"
		rc=$?
		sed "s/^/$fmt /" "$tmp/res" >> "$tmp/all"
		if [ "$rc" -ne 0 ]; then
			bad "$name ($fmt): xsltproc failed (exit $rc)"
			sed 's/^/     /' "$tmp/err" | head -n 5
		elif grep -q '^FAIL' "$tmp/res"; then
			grep '^FAIL' "$tmp/res" | head -n 5 | sed 's/^/     /'
			bad "$name ($fmt): a table value without its header"
		else
			ok "$name ($fmt): $(grep -c '^ok' "$tmp/res") tables"
		fi
	done
done
for fmt in text man; do
	echo "     $fmt: $(grep -c "^$fmt ok .* grid$" "$tmp/all") grids," \
	    "$(grep -c "^$fmt ok .* records " "$tmp/all") tables of records," \
	    "$(grep -c "^$fmt ok .* no-head$" "$tmp/all") without header rows," \
	    "$(grep -c "^$fmt FAIL" "$tmp/all") failing"
done
summary
