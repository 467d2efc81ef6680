#!/bin/sh
# highlights.sh: the facts imported monographs took from their label's
# Highlights are the label's.  Each monograph of MONODIR is paired with
# its label among LABEL... by the SPL set id; every fact hlfacts.xsl
# lists (contraindications, most common adverse reactions, interaction
# agents and effects, uses, recent changes, regimens' words, summaries)
# must be words of the label's Highlights (hltext.xsl), white space and
# case aside, a contraindication from a section's list (lcontra) words of
# the label's sections, and every dose figure a figure of its regimen's
# words.
# Prints each fact that is not, as "LABEL: KIND: TEXT", then one line:
#   highlights: N facts from the Highlights of L labels (KIND N ...), F not the label's
# Exit status 1 when F > 0.
#
# usage: tests/import/highlights.sh MONODIR LABEL...   (from the repo root)
export LC_ALL=C
here=tests/import
mono=$1
shift
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for l in "$@"; do
	printf '%s\t%s\n' "$(grep -o '<setId root="[^"]*"' "$l" | head -n 1 |
	    sed 's/.*root="//; s/"$//' | tr 'A-Z' 'a-z')" "$l"
done > "$tmp/labels"
: > "$tmp/result"
for m in "$mono"/*.xml; do
	set_id=$(grep -o '<spl set-id="[^"]*"' "$m" | head -n 1 |
	    sed 's/.*set-id="//; s/"$//' | tr 'A-Z' 'a-z')
	label=$(awk -F'\t' -v s="$set_id" '$1 == s { print $2; exit }' \
	    "$tmp/labels")
	[ -n "$label" ] || continue
	xsltproc --novalid --nonet $here/hlfacts.xsl "$m" > "$tmp/facts"
	[ -s "$tmp/facts" ] || continue
	xsltproc --novalid --nonet $here/hltext.xsl "$label" > "$tmp/text"
	xsltproc --novalid --nonet --param all 1 $here/hltext.xsl "$label" \
	    > "$tmp/all"
	awk -F'\t' -v label="${label##*/}" '
	function norm(s) { gsub(/[ \t\n\r]/, "", s); gsub(/\302[\240\255]/, "", s); gsub(/\342\200\242/, "", s); return tolower(s) }
	FILENAME == ARGV[1] { hay = hay norm($0); next }
	FILENAME == ARGV[2] { all = all norm($0); next }
	{
		kind = $1; text = ($1 == "dose") ? $3 : $2
		good = index(kind == "lcontra" ? all : hay, norm(text)) > 0
		if (good && kind == "dose") {
			v = $2; gsub(/\./, "\\.", v)
			good = match(text, "(^|[^0-9.])" v "([^0-9]|$)") > 0
		}
		n[kind]++
		if (!good) { print "bad\t" label ": " kind ": " $2 (kind == "dose" ? " in " text : "") }
		else print "good\t" kind
	}' "$tmp/text" "$tmp/all" "$tmp/facts" >> "$tmp/result"
	echo "label" >> "$tmp/result"
done
grep '^bad' "$tmp/result" | cut -f 2-
awk -F'\t' '
	$1 == "label" { l++ } $1 == "good" || $1 == "bad" { n++ }
	$1 == "good" { k[$2]++ } $1 == "bad" { f++ }
	END {
		s = ""
		split("contra lcontra effect agent ieffect use change regimen dose summary", o, " ")
		for (i = 1; i <= 10; i++) s = s " " o[i] " " (k[o[i]] + 0)
		printf "highlights: %d facts taken from %d labels (%s), %d not the label'"'"'s\n", n, l, substr(s, 2), f
		exit f > 0
	}' "$tmp/result"
