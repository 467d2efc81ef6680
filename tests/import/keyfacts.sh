#!/bin/sh
# keyfacts.sh: how many of the key facts of a PLR label's Highlights
# reach the summary (the Highlights box) of the monograph imported from
# it.  Each monograph of MONODIR is paired with its label among LABEL...
# by the SPL set id; labels without Highlights are left out.  The facts,
# read from the label by hlbullets.xsl and the awk below (independently
# of src/highlights.c):
#   dose      each amount with a dose unit in the dosing Highlights
#             ("80 mg", "15 mg/kg")
#   contra    each contraindication (a paragraph, item or row; not
#             "None", not a lead-in ending in ":")
#   common    each reaction a "most common adverse reactions" fact lists
#             (after its colon, "are" or "were"; split at commas and the
#             last "and")
#   interact  each agent of an interaction fact "Agent, agent: ..." or
#             table row (first cell), else the fact itself
# A fact reaches the summary when its words (its first 30 characters for
# a contraindication or an interaction fact without agents) are in the
# text output's Highlights box, case and white space aside.
# Prints "keyfacts: dose R/N, contra R/N, common R/N, interact R/N, all
# R/N (P %) on L PLR labels"; with -v first each fact missed, as "LABEL:
# KIND: FACT".  Exit status 1 when the share is below MIN (-m MIN, a per
# cent; default 0).
#
# usage: tests/import/keyfacts.sh [-v] [-m MIN] [-c MONOC] MONODIR LABEL...
export LC_ALL=C
here=tests/import
verbose=0 min=0 monoc=./monoc
while getopts vm:c: o; do
	case $o in
	v) verbose=1 ;;
	m) min=$OPTARG ;;
	c) monoc=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
mono=$1
shift
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for l in "$@"; do
	printf '%s\t%s\n' "$(grep -o '<setId root="[^"]*"' "$l" | head -n 1 |
	    sed 's/.*root="//; s/"$//' | tr 'A-Z' 'a-z')" "$l"
done > "$tmp/labels"
"$monoc" --no-index -f text -o "$tmp/out" "$mono"/*.xml > /dev/null 2>&1
: > "$tmp/result"
for m in "$mono"/*.xml; do
	set_id=$(grep -o '<spl set-id="[^"]*"' "$m" | head -n 1 |
	    sed 's/.*set-id="//; s/"$//' | tr 'A-Z' 'a-z')
	label=$(awk -F'\t' -v s="$set_id" '$1 == s { print $2; exit }' \
	    "$tmp/labels")
	[ -n "$label" ] || continue
	grep -q '<highlight' "$label" || continue
	txt=$tmp/out/text/$(basename "$m" .xml).txt
	[ -f "$txt" ] || continue
	xsltproc --novalid --nonet $here/hlbullets.xsl "$label" > "$tmp/b"
	sed -n '/^| HIGHLIGHTS/,/^+====/p' "$txt" | sed 's/^|//; s/|$//' \
	    > "$tmp/box"
	awk -F'\t' -v label="${label##*/}" '
	function norm(s) { gsub(/[ \t\r\n]/, "", s); gsub(/\302[\240\255]/, "", s); return tolower(s) }
	function strip(s) {
		sub(/^[ \t]*((\342\200\242|\342\227\217|[-*])[ \t]*)*/, "", s)
		return s
	}
	function fact(kind, f, key) {
		key = norm(f)
		if (key == "") return
		if (kind SUBSEP key in seen) return
		seen[kind, key] = 1
		print (index(box, key) > 0 ? "good" : "bad") "\t" kind "\t" label "\t" f
	}
	function short(kind, f) { fact(kind, substr(strip(f), 1, 30)) }
	# the items of a list of reactions or agents
	function items(kind, s,   n, i, a, t, depth, c, cur) {
		n = 0; depth = 0; cur = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "(") depth++
			if (c == ")" && depth > 0) depth--
			if (c == "," && depth == 0) { a[++n] = cur; cur = "" }
			else cur = cur c
		}
		a[++n] = cur
		if (n > 1 && a[n] !~ /^ *and /) {
			t = a[n]
			if (match(t, / and [^()]*$/)) {
				a[n] = substr(t, 1, RSTART - 1)
				a[++n] = substr(t, RSTART + 5)
			}
		}
		for (i = 1; i <= n; i++) {
			t = a[i]
			sub(/^ *(and|or) /, "", t)
			sub(/^ +/, "", t); sub(/[ .;:]+$/, "", t)
			if (t != "") fact(kind, t)
		}
	}
	# the list of a most-common fact, or "" (a lead-in)
	function common(s,   l, p, e) {
		p = index(tolower(s), "most common")
		l = substr(s, p > 0 ? p : 1)
		if ((e = index(l, ":")) > 0) l = substr(l, e + 1)
		else if (p > 0 && match(l, / (are|were|include) /))
			l = substr(l, RSTART + RLENGTH)
		else return ""
		if (match(l, /\. /)) l = substr(l, 1, RSTART - 1)
		if (match(l, /;/)) l = substr(l, 1, RSTART - 1)
		if (match(l, / ?\( *[0-9]+(\.[0-9]+)* *(, *[0-9.]+ *)*\)/))
			l = substr(l, 1, RSTART - 1)
		return l
	}
	NR == FNR { box = box norm($0); next }
	$1 == "34068-7" {
		s = $3 " " $4
		while (match(s, /[0-9]+(\.[0-9]+)? ?(mg\/kg|mcg\/kg|mg\/m2|mg|mcg|g|mL|units?)([^A-Za-z]|$)/)) {
			d = substr(s, RSTART, RLENGTH)
			sub(/[^A-Za-z]$/, "", d)
			if (substr(s, RSTART - 1, 1) !~ /[0-9.]/) fact("dose", d)
			s = substr(s, RSTART + RLENGTH)
		}
	}
	$1 == "34070-3" {
		t = strip($3 " " $4)
		if (tolower(t) ~ /^none/ || t ~ /: *$/ || t == "") next
		short("contra", t)
	}
	$1 == "34084-4" {
		t = strip($3 " " $4)
		if (tolower(t) ~ /most common/) {
			l = common(t); lead = (l == "" && t ~ /: *$/)
			if (l != "") items("common", l)
		} else if (lead && $2 == "item") {
			l = common(t); if (l != "") items("common", l)
		} else lead = 0
	}
	$1 == "34073-7" {
		t = strip($3)
		if ($2 == "row") {
			if (t !~ /[0-9]/ && tolower(t) ~ /^(interacting|drug |agent|concomitant drug)/) next
			if ($4 ~ /^ *$/) next
			items("interact", t)
			next
		}
		c = index(t, ":")
		if (c > 1 && c <= 81 && substr(t, 1, c) !~ /\. /) items("interact", substr(t, 1, c - 1))
		else if (t !~ /: *$/) short("interact", t)
	}
	' "$tmp/box" "$tmp/b" >> "$tmp/result"
	echo "label" >> "$tmp/result"
done
[ $verbose = 1 ] && awk -F'\t' '$1 == "bad" { print $3 ": " $2 ": " $4 }' "$tmp/result"
awk -F'\t' -v min="$min" '
	$1 == "label" { l++ }
	$1 == "good" { r[$2]++; n[$2]++; R++; N++ }
	$1 == "bad" { n[$2]++; N++ }
	END {
		printf "keyfacts: dose %d/%d, contra %d/%d, common %d/%d, interact %d/%d, all %d/%d (%.1f %%) on %d PLR labels\n",
		    r["dose"], n["dose"], r["contra"], n["contra"], r["common"], n["common"],
		    r["interact"], n["interact"], R, N, N ? 100 * R / N : 100, l
		exit (N ? 100 * R / N : 100) < min
	}' "$tmp/result"
