#!/bin/sh
# ext-parity.sh: monoc runs the stylesheets with its C extension functions
# and elements (ext:wrap, ext:roff-escape, ext:inline, ext:html-cites...);
# stock xsltproc runs the same stylesheets with their XSLT fallback
# templates, on the document model that `monoc --emit-model` writes.
# Both must write the same bytes for every format of every real
# monograph, XSLT fixture, test monograph (tests/formulary/), golden
# import and corpus label of ../shared, imported.  Where a stylesheet
# prefers an EXSLT function
# of libexslt (str:replace), its fallback for processors
# without it must give the same bytes: xsltproc runs a copy of the
# stylesheets with those tests made false.  Prints "N passed, N failed"
# last.
#
# usage: tests/ext-parity.sh [MONOC]      (from the repository root)
monoc=${1:-./monoc}
version=$("$monoc" --version | sed -n '1s/.* //p')
. tests/lib.sh

if ! command -v xsltproc > /dev/null; then
	echo "FAIL xsltproc not found: the fallback templates cannot be tested"
	echo "0 passed, 1 failed"
	exit 1
fi
# the stylesheets as a processor without str:replace would run them
mkdir -p "$tmp/noexslt"
for x in xslt/*.xsl; do
	sed -e "s/function-available('str:replace')/false()/" "$x" \
	    > "$tmp/noexslt/${x#xslt/}"
done
# monoc wants each file named after the monograph's id, and all of them
# side by side: the fixtures and the test monographs name each other
# (a monograph beside the file counts as known).
# Real labels give the tables no fixture has (hundreds of rows, spans
# over rows and columns, ragged rows): the corpus labels of ../shared,
# imported, are inputs too, and so are the golden imports.
shared=${SHARED:-$(pwd)/../shared}
if [ -d "$shared/spl-corpus" ]; then
	mkdir -p "$tmp/imp"
	# two corpus documents are not human drug labels: refused, exit 1
	"$monoc" import -q -o "$tmp/imp" "$shared"/spl-corpus/*.xml \
	    2> /dev/null
	n=$(ls "$tmp/imp" | grep -c '\.xml$')
	if [ "$n" -ge 20 ]; then
		ok "$n corpus labels imported for the comparison"
	else
		bad "only $n corpus labels imported from $shared/spl-corpus"
	fi
else
	bad "no $shared/spl-corpus (set SHARED): real tables not compared"
fi
inputs="monographs/*.xml tests/xslt-fixtures/*.xml tests/formulary/*.xml
    tests/golden/import/*.xml $tmp/imp/*.xml"
mkdir -p "$tmp/in"
for f in $inputs; do
	[ -e "$f" ] || continue
	id=$(xmllint --xpath 'string(/*/@id)' "$f")
	cp "$f" "$tmp/in/$id.xml"
done
for f in $inputs; do
	[ -e "$f" ] || continue
	id=$(xmllint --xpath 'string(/*/@id)' "$f")
	"$monoc" --no-index -o "$tmp/c" "$tmp/in/$id.xml" 2> "$tmp/err"
	rc=$?
	# every input must compile: a fixture monoc rejected would compare
	# nothing, so it fails rather than being skipped
	if [ "$rc" -ne 0 ]; then
		sed 's/^/     /' "$tmp/err"
		echo "FAIL $f: monoc failed"
		fail=$((fail + 1))
		continue
	fi
	"$monoc" --emit-model "$tmp/in/$id.xml" > "$tmp/model.xml" 2> /dev/null ||
	    bad "$f: monoc --emit-model failed"
	for pair in html:html/$id.html text:text/$id.txt \
	    man:man/man7/$id-info.7 meta:meta/$id.xml; do
		fmt=${pair%%:*}
		got=$tmp/c/${pair#*:}
		input=$tmp/model.xml
		[ "$fmt" != meta ] || input=$f	# the sidecar: from the monograph
		xsltproc --nonet --novalid --stringparam monoc-version \
		    "$version" -o "$tmp/x.$fmt" "xslt/$fmt.xsl" "$input"
		check_same "$tmp/x.$fmt" "$got" "$f: $fmt" \
		    "$f: $fmt differs between monoc and xsltproc"
	done
	for fmt in html text man; do
		xsltproc --nonet --novalid --stringparam monoc-version \
		    "$version" -o "$tmp/z.$fmt" "$tmp/noexslt/$fmt.xsl" \
		    "$tmp/model.xml"
		check_same "$tmp/x.$fmt" "$tmp/z.$fmt" \
		    "$f: $fmt without EXSLT strings" \
		    "$f: $fmt.xsl's fallback for EXSLT gives other bytes"
	done
done

# Every word of the model comes from xslt/words.xml: a section title
# edited there shows in all three formats, with no C changed (on the test
# monograph fictozine, already in $tmp/in beside imaginol, which it names;
# text shows its section titles in capitals).
mkdir -p "$tmp/data" "$tmp/in"
cp -R schema xslt "$tmp/data/"
sed 's|>Interactions</w>|>Interactions (edited)</w>|' xslt/words.xml \
    > "$tmp/data/xslt/words.xml"
if "$monoc" --no-index --data-dir "$tmp/data" -o "$tmp/e" \
    "$tmp/in/fictozine.xml" &&
    grep -q 'Interactions (edited)' "$tmp/e/html/fictozine.html" &&
    grep -qi 'Interactions (edited)' "$tmp/e/text/fictozine.txt" &&
    grep -q 'INTERACTIONS (EDITED)' "$tmp/e/man/man7/fictozine-info.7"; then
	ok "a section title edited in words.xml shows in all three formats"
else
	bad "a section title edited in words.xml does not show in the outputs"
fi

# How a citation reads is one variable per stylesheet, which the C twins
# take too: brackets edited into parentheses show in monoc's outputs,
# the same bytes as xsltproc's fallback templates give.
mkdir -p "$tmp/data2"
cp -R schema xslt "$tmp/data2/"
for x in html text man; do
	sed -e '/name="cite-open"/s/\[/(/' -e '/name="cite-close"/s/\]/)/' \
	    "xslt/$x.xsl" > "$tmp/data2/xslt/$x.xsl"
done
"$monoc" --emit-model "$tmp/in/fictozine.xml" > "$tmp/model.xml"
if "$monoc" --no-index --data-dir "$tmp/data2" -o "$tmp/p" \
    "$tmp/in/fictozine.xml" &&
    "$monoc" --no-index -o "$tmp/u" "$tmp/in/fictozine.xml"; then
	for pair in html:html/fictozine.html text:text/fictozine.txt \
	    man:man/man7/fictozine-info.7; do
		fmt=${pair%%:*}
		xsltproc --nonet --novalid --stringparam monoc-version \
		    "$version" -o "$tmp/p.$fmt" "$tmp/data2/xslt/$fmt.xsl" \
		    "$tmp/model.xml"
		if cmp -s "$tmp/p/${pair#*:}" "$tmp/u/${pair#*:}" ||
		    ! grep -Eq '\((<a [^>]*>)?[0-9]+(</a>)?[),]' "$tmp/p/${pair#*:}"; then
			bad "$fmt: citations not in parentheses after the edit"
		else
			check_same "$tmp/p.$fmt" "$tmp/p/${pair#*:}" \
			    "$fmt: citation punctuation edited in $fmt.xsl alone" \
			    "$fmt: monoc and xsltproc differ after the edit"
		fi
	done
else
	bad "monoc failed with the edited stylesheets"
fi

# A renderer given a monograph instead of its model says what to do.
if xsltproc --nonet --novalid xslt/text.xsl tests/formulary/fictozine.xml \
    > /dev/null 2> "$tmp/err"; then
	bad "text.xsl rendered a monograph instead of refusing it"
elif grep -q "emit-model" "$tmp/err"; then
	ok "text.xsl refuses a monograph and names --emit-model"
else
	bad "text.xsl's refusal does not name --emit-model"
fi
# The index page: monoc builds it in parts (src/index.c, the groups of
# a few hundred entries at a time, MONOC_INDEX_CHUNK of them); the page
# must not depend on where the parts end: one entry a part, and all in
# one part, give the same bytes as the default, for 600 entries in 7
# classes (two ways of writing each), 40 drugs and some combinations.
mkdir -p "$tmp/ix/meta"
i=0
while [ "$i" -lt 600 ]; do
	case $((i % 3)) in
	0) drug="drug$((i % 40)) sodium" ;;
	1) drug="drug$((i % 40))" ;;
	*) drug="drug$((i % 40)) and drug$((i % 7))" ;;
	esac
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<entry xmlns="urn:monoc:monograph:1" id="d%03d" name="%s &amp; co" class="class %d inhibitor%s" summary="Summary of drug %d." status="draft" labeler="Lab %d"><form kind="tablet" route="oral"><strength amount="%d" unit="mg"/></form></entry>\n' \
	    "$i" "$drug" "$((i % 7))" "$(test $((i % 2)) = 0 && echo s)" \
	    "$i" "$((i % 11))" "$((i % 5 + 1))" \
	    > "$tmp/ix/meta/d$(printf %03d "$i").xml"
	i=$((i + 1))
done
if "$monoc" --index-only -o "$tmp/ix" &&
    cp "$tmp/ix/html/index.html" "$tmp/ix/want.html" &&
    MONOC_INDEX_CHUNK=1 "$monoc" --index-only -o "$tmp/ix"; then
	check_same "$tmp/ix/want.html" "$tmp/ix/html/index.html" \
	    "index page of 600 entries, built one entry a part" \
	    "index page built one entry a part differs"
else
	bad "monoc --index-only failed on 600 sidecars"
fi
if MONOC_INDEX_CHUNK=100000 "$monoc" --index-only -o "$tmp/ix"; then
	check_same "$tmp/ix/want.html" "$tmp/ix/html/index.html" \
	    "index page of 600 entries, built in one part" \
	    "index page built in one part differs"
else
	bad "monoc --index-only failed on 600 sidecars in one part"
fi
summary
