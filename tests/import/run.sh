#!/bin/sh
# run.sh: monoc import on every label of ../shared/spl-corpus/ and its
# baclofen/ folder, read where they are at run time (never copied here).
# For each label:
#   - import ends as expected: refused.txt names the labels that must be
#     refused and the message they must get (exit 1, nothing written);
#     every other label gives exactly one monograph, exit 0;
#   - the monograph passes monoc --check;
#   - the sentences its withdrawal section carries over are the label's;
#   - what it took from the Highlights is the label's (highlights.sh);
#   - fidelity: at least 99 % of the label's narrative words (the text of
#     its sections but the product data, package labels and Highlights;
#     words.xsl) are words of the monograph, counted with repeats, and
#     every active ingredient, strength and DEA schedule of its product
#     data is there (facts.xsl).
# The monograph's words are those of its plain-text output.  Then all the
# monographs, compiled together, must pass the output linters.
#
# usage: tests/import/run.sh [MONOC]      (from the repository root)
. tests/lib.sh
export LC_ALL=C
monoc=${1:-./monoc}
here=tests/import
shared=${SHARED:-$(pwd)/../shared}
corpus=$shared/spl-corpus
min=99		# per cent of the narrative words that must reach the monograph

if [ ! -d "$corpus" ]; then
	bad "no label corpus at $corpus (set SHARED to the shared folder)"
	summary
	exit 1
fi
for t in xsltproc awk; do
	if ! command -v $t > /dev/null; then
		bad "missing tool: $t (run tools/setup.sh)"
		summary
		exit 1
	fi
done

# words FILE: the words of FILE's narrative, one a line, lower case
words() {
	xsltproc --novalid --nonet $here/words.xsl "$1" |
	    tr -cs 'A-Za-z0-9' '\n' | tr 'A-Z' 'a-z' | grep -v '^$'
}

# mono_words MONOGRAPH: the words a reader of the monograph gets: those
# of its plain-text output
mono_words() {
	rm -rf "$tmp/txt"
	"$monoc" --no-index -f text -o "$tmp/txt" "$1" > /dev/null 2>&1
	tr -cs 'A-Za-z0-9' '\n' < "$tmp/txt/text/$(basename "$1" .xml).txt" |
	    tr 'A-Z' 'a-z' | grep -v '^$'
}

# coverage LABELWORDS MONOWORDS: per cent of the label's words (with
# repeats) found in the monograph's, as "PCT MISSING-EXAMPLES"
coverage() {
	awk 'NR == FNR { have[$0]++; next }
	    { n++; if (have[$0] > 0) { have[$0]--; k++ } else if (miss < 8) {
	      ex = ex " " $0; miss++ } }
	    END { if (n == 0) { print "100.00"; exit }
	      printf "%.2f%s\n", 100 * k / n, ex }' "$2" "$1"
}

# facts LABEL MONOGRAPH: print each fact of the label the monograph lacks
# (the monograph's words are those mono_words left in $tmp/mw)
facts() {
	xsltproc --novalid --nonet $here/facts.xsl "$2" > "$tmp/mf"
	cp "$tmp/mw" "$tmp/mw.all"
	xsltproc --novalid --nonet $here/words.xsl "$2" > "$tmp/mt"
	xsltproc --novalid --nonet $here/facts.xsl "$1" | sort -u |
	while read -r kind value; do
		[ -n "$value" ] || continue
		case $kind in
		ing)	grep -Fqx "ing $value" "$tmp/mf" ||
			    echo "active ingredient '$value'" ;;
		str)	grep -Fqx "str $value" "$tmp/mf" ||
			    grep -Eq "(^|[^0-9.])$(echo "$value" |
			    sed 's/\./\\./g')([^0-9]|\.?$|\.[^0-9])" "$tmp/mt" ||
			    echo "strength $value" ;;
		dea)	case $value in
			C48672) s=ci ;; C48675) s=cii ;; C48676) s=ciii ;;
			C48677) s=civ ;; C48679) s=cv ;; *) s=$value ;;
			esac
			grep -Fqx "$s" "$tmp/mw.all" ||
			    echo "DEA schedule $value" ;;
		esac
	done
}

n=0
for label in "$corpus"/*.xml "$corpus"/baclofen/*.xml; do
	n=$((n + 1))
	base=${label##*/}
	out=$tmp/out$n
	mkdir -p "$out"
	"$monoc" import -q -o "$out" "$label" > /dev/null 2> "$tmp/err"
	rc=$?
	want=$(awk -F'\t' -v f="$base" '$1 == f { print $2 }' $here/refused.txt)
	made=$(ls "$out")
	if [ -n "$want" ]; then
		if [ $rc -eq 1 ] && [ -z "$made" ] &&
		    grep -Fq "$want" "$tmp/err"; then
			ok "$base: refused: $want"
		else
			bad "$base: should be refused with '$want' (exit $rc)"
			head -n 5 "$tmp/err" | sed 's/^/     /'
		fi
		continue
	fi
	if [ $rc -ne 0 ] || [ $(echo "$made" | grep -c .) -ne 1 ]; then
		bad "$base: import failed (exit $rc)"
		grep 'error' "$tmp/err" | head -n 5 | sed 's/^/     /'
		continue
	fi
	mono=$out/$made
	if "$monoc" --check "$mono" > "$tmp/chk" 2>&1; then
		ok "$base: $made passes monoc --check"
	else
		bad "$base: $made fails monoc --check"
		grep 'error' "$tmp/chk" | head -n 5 | sed 's/^/     /'
	fi
	words "$label" > "$tmp/lw"
	mono_words "$mono" > "$tmp/mw"
	set -- $(coverage "$tmp/lw" "$tmp/mw")
	pct=$1
	shift
	if awk -v p="$pct" -v m="$min" 'BEGIN { exit !(p >= m) }'; then
		ok "$base: $pct % of $(wc -l < "$tmp/lw") narrative words kept"
	else
		bad "$base: only $pct % of the narrative words kept (missing:$*)"
	fi
	# what the withdrawal section quotes is the label's own sentences
	xsltproc --novalid --nonet $here/words.xsl "$label" |
	    tr -s ' \t\n' '   ' > "$tmp/ltext"
	xsltproc --novalid --nonet $here/stopping.xsl "$mono" > "$tmp/stop"
	while read -r line; do
		grep -Fq -- "$line" "$tmp/ltext" || echo "$line"
	done < "$tmp/stop" > "$tmp/notlabel"
	if [ ! -s "$tmp/notlabel" ]; then
		ok "$base: $(grep -c . "$tmp/stop") sentences on stopping," \
		    "each the label's"
	else
		bad "$base: sentences on stopping not in the label:" \
		    "$(head -n 1 "$tmp/notlabel")"
	fi
	# the drug class and the images' words are the label's; no more
	# figures than images
	xsltproc --novalid --nonet $here/generated.xsl "$mono" > "$tmp/gen"
	images=$(xsltproc --novalid --nonet $here/generated.xsl "$label" |
	    cut -f 2)
	xmllint --nonet --xpath 'normalize-space(/)' "$label" 2> /dev/null |
	    tr -s ' \t\n' '   ' > "$tmp/alltext"
	: > "$tmp/notlabel"
	while IFS='	' read -r kind text; do
		[ -n "$text" ] || continue
		grep -Fqi -- "$text" "$tmp/alltext" ||
		    echo "$kind '$text'" >> "$tmp/notlabel"
	done < "$tmp/gen"
	figures=$(grep -c '^figure' "$tmp/gen")
	if [ ! -s "$tmp/notlabel" ] && [ "$figures" -le "$images" ]; then
		ok "$base: class '$(grep '^class' "$tmp/gen" | cut -f 2)'," \
		    "$figures figures of $images images, their words the label's"
	else
		bad "$base: $figures figures of $images images;" \
		    "not the label's: $(head -n 1 "$tmp/notlabel")"
	fi
	facts "$label" "$mono" > "$tmp/lost"
	if [ ! -s "$tmp/lost" ]; then
		ok "$base: ingredients, strengths and schedules kept"
	else
		bad "$base: lost $(paste -sd, "$tmp/lost")"
	fi
done

# All of them in one import run (NAMEs unique: baclofen-SETID8), compiled
# together, and every output through the linters every monograph's
# outputs pass (tests/lint-outputs.sh: mandoc, groff, man, lexgrog, vnu,
# html-validate, text widths); and none of them says its label lacks
# what the label covers (absence.sh).
"$monoc" import -q -o "$tmp/all" "$corpus"/*.xml "$corpus"/baclofen/*.xml \
    > /dev/null 2>&1

# -j: the labels imported at the same time give what one at a time gives:
# the same NAMEs (which depend on the labels before), the same files and
# the same messages in the same order; the labels listed twice over (as
# the duplicates a run refuses) and in reverse, so that turns are waited
# for in both directions
set -- "$corpus"/*.xml "$corpus"/baclofen/*.xml
rev=
for f; do rev="$f $rev"; done
for j in 1 2 3 7; do
	mkdir -p "$tmp/j$j"
	"$monoc" import -j $j -o "$tmp/j$j" "$@" $rev "$@" \
	    > /dev/null 2> "$tmp/j$j.err"
	echo "exit $?" >> "$tmp/j$j.err"
	sed -i 's/, [0-9.]* s$//' "$tmp/j$j.err"
done
for j in 2 3 7; do
	if diff -r "$tmp/j1" "$tmp/j$j" > /dev/null &&
	    cmp -s "$tmp/j1.err" "$tmp/j$j.err"; then
		ok "import -j$j: the same $(ls "$tmp/j$j" | grep -c .) monographs" \
		    "and $(grep -c . "$tmp/j$j.err") lines of messages as -j1"
	else
		bad "import -j$j differs from -j1:"
		diff -r "$tmp/j1" "$tmp/j$j" | head -n 5 | sed 's/^/     /'
		diff "$tmp/j1.err" "$tmp/j$j.err" | head -n 5 | sed 's/^/     /'
	fi
done
if grep -q 'already imported in this run' "$tmp/j1.err"; then
	ok "import -j: labels given twice are refused as duplicates"
else
	bad "import -j: labels given twice were not refused"
fi
if ! "$monoc" -o "$tmp/allout" "$tmp"/all/*.xml > "$tmp/cerr" 2>&1; then
	bad "the imported monographs do not compile together:"
	grep 'error' "$tmp/cerr" | head -n 5 | sed 's/^/     /'
elif [ "${MONOC_ASAN:-0}" = 1 ]; then
	# the outputs are the plain build's: make check lints them
	ok "the imported monographs compile together under the sanitizers"
elif LINT_TOOL_PAGE=0 tests/lint-outputs.sh "$tmp/allout" > "$tmp/lint" \
    2>&1; then
	ok "outputs of the $(ls "$tmp/all" | grep -c .) imports pass every" \
	    "linter ($(tail -n 1 "$tmp/lint"))"
else
	bad "outputs of the imports fail a linter ($(tail -n 1 "$tmp/lint")):"
	grep -A 3 '^FAIL' "$tmp/lint" | head -n 30 | sed 's/^/     /'
fi
# No false absence: what a monograph says its label lacks ("The label
# has no boxed warning.") the label does not cover, by its codes at any
# depth, its titles and telling phrases (absence.sh, covers.xsl).
if tests/import/absence.sh "$tmp/all" "$corpus"/*.xml \
    "$corpus"/baclofen/*.xml > "$tmp/absence"; then
	ok "$(tail -n 1 "$tmp/absence")"
else
	bad "$(tail -n 1 "$tmp/absence"):"
	head -n 10 "$tmp/absence" | sed 's/^/     /'
fi
# What import takes from the Highlights (contraindications, the most
# common adverse reactions, interaction agents, uses, recent changes,
# regimens and their doses, summaries) is the label's own words
# (highlights.sh, hlfacts.xsl, hltext.xsl).
if tests/import/highlights.sh "$tmp/all" "$corpus"/*.xml \
    "$corpus"/baclofen/*.xml > "$tmp/hl"; then
	if grep -q ' 0 facts' "$tmp/hl"; then
		bad "no fact taken from the Highlights ($(tail -n 1 "$tmp/hl"))"
	else
		ok "$(tail -n 1 "$tmp/hl")"
	fi
else
	bad "$(tail -n 1 "$tmp/hl"):"
	head -n 10 "$tmp/hl" | sed 's/^/     /'
fi
# The key facts of the PLR labels' Highlights (dose amounts,
# contraindications, most common adverse reactions, interactions) reach
# the summary: at least 90 % of them (keyfacts.sh; 90.4 % when written).
if tests/import/keyfacts.sh -m 90 -c "$monoc" "$tmp/all" "$corpus"/*.xml \
    "$corpus"/baclofen/*.xml > "$tmp/kf"; then
	ok "$(tail -n 1 "$tmp/kf")"
else
	bad "below 90 %: $(tail -n 1 "$tmp/kf")"
fi
summary
