#!/bin/sh
# gen.sh: write a pathological but well-formed monograph of size N to
# standard output, for the scaling tests (tests/scaling/run.sh) and the
# figures of docs/security.md.  The file is docs/skeleton.xml with id
# ID and one part repeated N times, all on one line (the worst case for
# anything that counts columns from the start of a line):
#
#   longword     one paragraph holding a single word of N letters
#   paragraphs   N cited paragraphs
#   statements   N identical cited statements (duplicate-statement)
#   badvalues    N strengths with a bad amount (schema errors)
#   unknowncite  N citations of an undeclared source (unknown-source)
#   citations    N citations of the declared source
#   attributes   one element with N attributes (schema errors)
#   controls     N paragraphs holding C0, DEL, C1 and bidi controls
#   misspelt     N misspelt elements (schema errors, the corrected passes)
#   interactions N interactions with distinct agents
#   sources      N declared sources, each cited once
#   effects      N adverse effects (a table of N rows)
#   forms        N forms (a table of N rows)
#   uses         N uses (numbered blocks)
#   regimens     N regimens
#   brands       N brands
#
# usage: tests/scaling/gen.sh PATTERN N [ID]   (ID: PATTERN by default; run
#        from the repository root)
set -eu
pattern=$1
n=$2
id=${3:-$pattern}
skel=docs/skeleton.xml

# rep N STRING: STRING N times, no newline
rep() {
	awk -v n="$1" -v s="$2" 'BEGIN {
		# doubling, so that a million copies take no million writes
		out = s; k = 1
		while (k * 2 <= n) { out = out out; k *= 2 }
		while (n >= k) { printf "%s", out; n -= k }
		while (n-- > 0) printf "%s", s
	}'
}

# part: the repeated part, written to standard output
case $pattern in
longword)	where=uses
		part() { printf '<p>'; rep "$n" a; printf '<cite ref="src1"/></p>'; } ;;
paragraphs)	where=uses
		part() { rep "$n" '<p>Baclofen acts on GABA-B receptors of the spinal cord.<cite ref="src1"/></p>'; } ;;
statements)	where=uses
		part() { rep "$n" '<p>The same statement made once more here.<cite ref="src1"/></p>'; } ;;
badvalues)	where=form
		part() { rep "$n" '<strength amount="x" unit="mg"><cite ref="src1"/></strength>'; } ;;
unknowncite)	where=uses
		part() { printf '<p>Cited.'; rep "$n" '<cite ref="nosuch"/>'; printf '</p>'; } ;;
citations)	where=uses
		part() { printf '<p>Cited.'; rep "$n" '<cite ref="src1"/>'; printf '</p>'; } ;;
attributes)	where=uses
		part() {
			printf '<p'
			awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf " a%d=\"x\"", i }'
			printf '>Many.<cite ref="src1"/></p>'
		} ;;
controls)	where=uses
		# CR, DEL, U+0085 NEL, U+009B CSI, U+202E RLO, U+2066 LRI (XML
		# 1.0 allows no other C0 control, not even as a reference)
		part() { rep "$n" "$(printf '<p>a&#13;b\177c\302\205d\302\2332Je\342\200\256f\342\201\246g.<cite ref="src1"/></p>')"; } ;;
misspelt)	where=uses
		part() { rep "$n" '<pp>Misspelt.<cite ref="src1"/></pp>'; } ;;
interactions)	where=interactions
		part() {
			awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "<interaction severity=\"minor\"><agent kind=\"substance\">agent%d</agent><effect>Some effect.<cite ref=\"src1\"/></effect><action>Watch.<cite ref=\"src1\"/></action></interaction>", i }'
		} ;;
sources)	where=sources
		part() {
			awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "<source id=\"s%d\" type=\"label\"><title>T%d</title><publisher>P</publisher><published>2024-04</published><url>https://example.org/%d</url></source>", i, i, i }'
		} ;;
effects)	where=adverse-effects
		part() { rep "$n" '<effect frequency="common" severity="mild">dizziness<cite ref="src1"/></effect>'; } ;;
forms)		where=forms
		part() { rep "$n" '<form route="oral" kind="tablet" status="marketed"><strength amount="5" unit="mg"><cite ref="src1"/></strength></form>'; } ;;
uses)		where=uses
		part() { rep "$n" '<use status="approved"><condition>Pain</condition><p>Used for pain.<cite ref="src1"/></p></use>'; } ;;
regimens)	where=dosing
		part() { rep "$n" '<regimen route="oral" population="adult"><start low="5" unit="mg" times="3" per="day"><cite ref="src1"/></start></regimen>'; } ;;
brands)		where=brands
		part() {
			awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "<brand name=\"Brand%d\" status=\"marketed\"><cite ref=\"src1\"/></brand>", i }'
		} ;;
*)		echo "gen.sh: unknown pattern '$pattern'" >&2
		exit 2 ;;
esac

# The skeleton up to the end of the first start tag of $where, the part,
# then the rest of the skeleton.
# half 1|2: the skeleton before or after the point where the part goes
half() {
	sed "s/ id=\"example\"/ id=\"$id\"/" "$skel" |
	awk -v where="$where" -v half="$1" '
		!done && $0 ~ "<" where "[ >]" {
			i = index($0, ">")
			if (half == 1)
				printf "%s", substr($0, 1, i)
			else
				print substr($0, i + 1)
			done = 1
			next
		}
		(half == 1 && !done) || (half == 2 && done)
	'
}
half 1
part
half 2
