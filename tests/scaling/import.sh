#!/usr/bin/env bash
# import.sh: monoc import's work must be linear in its label.  For each
# pattern below, built from the small invented label
# tests/data/import/tiny.xml, import a label of size n and one of size
# 4n and require the CPU time at 4n to be under 8 times the time at n
# (linear gives about 4, quadratic about 16).  Not 6: a linear import
# still takes more than 4 times as long at 4n once its tree outgrows the
# caches (footnotes at 5,000 and 20,000: 728 M and 2,813 M instructions
# under callgrind, 3.9 times, but 0.15 and 0.86 s, 5.7 times).  Times are user CPU
# seconds, the median of three runs of each; the sizes are large enough
# that the label at n takes a tenth of a second or more, so that
# start-up and a neighbour's load do not decide the ratio.
#
#   rows         one table of N rows
#   footnotes    one table of N rows, each with a footnote without ID
#   ids          N sections with the same ID
#   ingredients  one product of N active ingredients
#   products     N products
#
# usage: tests/scaling/import.sh [MONOC]      (from the repository root)
set -uo pipefail
export LC_ALL=C
. tests/lib.sh

monoc=${1:-./monoc}
limit=8
[ "${MONOC_ASAN:-0}" = 1 ] && limit=10
label=tests/data/import/tiny.xml

# gen PATTERN N: the label of the pattern at size N on standard output
gen() {
	awk -v pat="$1" -v n="$2" '
	# (printed a part at a time: joining strings in awk is quadratic)
	function rows(fn,   i) {
		printf "<table><tbody>"
		for (i = 0; i < n; i++)
			if (fn)
				printf "<tr><td>v%d<footnote>note %d" \
				    "</footnote></td></tr>\n", i, i
			else
				printf "<tr><td>v%d</td></tr>\n", i
		printf "</tbody></table>"
	}
	/<ingredient classCode="IACT">/ && pat == "ingredients" {
		for (i = 0; i < n; i++)
			printf "<ingredient classCode=\"ACTIM\"><quantity>" \
			    "<numerator value=\"10\" unit=\"mg\"/><denominator " \
			    "value=\"1\" unit=\"1\"/></quantity>" \
			    "<ingredientSubstance><code code=\"C%d\"/><name>" \
			    "SUBSTANCE%d</name></ingredientSubstance>" \
			    "</ingredient>\n", i, i
	}
	/<subject><manufacturedProduct>/ && pat == "products" { inprod = 1 }
	inprod { prod = prod $0 "\n" }
	inprod && /<\/manufacturedProduct><\/subject>/ {
		inprod = 0
		for (i = 0; i < n; i++) {
			p = prod
			sub(/<name>Examplex<\/name>/, "<name>Brand" i "</name>", p)
			sub(/value="10"/, "value=\"" (i + 1) "\"", p)
			printf "%s", p
		}
		next
	}
	inprod { next }
	/This box is test data/ && (pat == "rows" || pat == "footnotes" ||
	    pat == "ids") {
		i = index($0, "</paragraph>") + length("</paragraph>")
		if (pat == "ids")
			i = index($0, "</text>") + length("</text>")
		printf "%s", substr($0, 1, i - 1)
		if (pat == "ids")
			for (k = 0; k < n; k++)
				printf "<component><section ID=\"same\">" \
				    "<title>T%d</title><text><paragraph>P%d." \
				    "</paragraph></text></section></component>\n",
				    k, k
		else
			rows(pat == "footnotes")
		print substr($0, i)
		next
	}
	{ print }
	' "$label"
}

# cpu PATTERN N: the median user CPU seconds of three imports at size N
cpu() {
	local i t
	gen "$1" "$2" > "$tmp/$1.xml"
	for i in 1 2 3; do
		rm -rf "$tmp/out" && mkdir "$tmp/out"
		t=$( { TIMEFORMAT='%3U'; time "$monoc" import -q -j1 \
		    -o "$tmp/out" "$tmp/$1.xml" > /dev/null 2>&1; } 2>&1)
		echo "$t"
	done | sort -n | sed -n 2p
}

# scale PATTERN N: the time at 4N under $limit times the time at N, and
# the label at 4N imported
scale() {
	local t1 t4
	t1=$(cpu "$1" "$2")
	t4=$(cpu "$1" $(($2 * 4)))
	if ! ls "$tmp/out"/*.xml > /dev/null 2>&1; then
		bad "$1: the label at 4n=$(($2 * 4)) was not imported"
	elif awk -v a="$t1" -v b="$t4" -v l="$limit" \
	    'BEGIN { exit !(b < l * (a > 0.01 ? a : 0.01)) }'; then
		ok "$1: ${t1} s at n=$2, ${t4} s at 4n"
	else
		bad "$1: ${t1} s at n=$2, ${t4} s at 4n: over $limit times"
	fi
}

scale rows 10000
scale footnotes 5000
scale ids 5000
scale ingredients 2000
scale products 1000

summary
