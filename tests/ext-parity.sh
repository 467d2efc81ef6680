#!/bin/sh
# ext-parity.sh: monoc runs the stylesheets with its C extension functions
# (ext:wrap, ext:roff-escape); stock xsltproc runs the same stylesheets
# with their XSLT fallback templates.  Both must write the same bytes for
# every format of every real monograph and XSLT fixture.  monoc builds
# the model once, in C (src/model.c stands for xslt/model.xsl, whose
# tree it must build: tests/unit/test_model.c); xsltproc gives html.xsl,
# text.xsl and man.xsl the monograph, and again that model, which must
# give the same bytes too.  Where a stylesheet prefers an EXSLT function
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
for f in monographs/*.xml tests/xslt-fixtures/*.xml; do
	# monoc wants the file named after the monograph's id
	id=$(xmllint --xpath 'string(/*/@id)' "$f")
	mkdir -p "$tmp/in"
	cp "$f" "$tmp/in/$id.xml"
	"$monoc" --no-index -o "$tmp/c" "$tmp/in/$id.xml" 2> "$tmp/err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ "$f" != "${f#tests/xslt-fixtures/}" ]; then
		# an XSLT fixture need not pass every content rule of check.c
		echo "SKIP $f: monoc rejects it as input, nothing to compare:"
		sed 's/^/     /' "$tmp/err" | grep 'error:'
		continue
	fi
	if [ "$rc" -ne 0 ]; then
		sed 's/^/     /' "$tmp/err"
		echo "FAIL $f: monoc failed"
		fail=$((fail + 1))
		continue
	fi
	for pair in html:html/$id.html text:text/$id.txt \
	    man:man/man7/$id-info.7 meta:meta/$id.xml; do
		fmt=${pair%%:*}
		got=$tmp/c/${pair#*:}
		xsltproc --nonet --novalid --stringparam monoc-version \
		    "$version" -o "$tmp/x.$fmt" "xslt/$fmt.xsl" "$f"
		check_same "$tmp/x.$fmt" "$got" "$f: $fmt" \
		    "$f: $fmt differs between monoc and xsltproc"
	done
	for fmt in html text man; do
		xsltproc --nonet --novalid --stringparam monoc-version \
		    "$version" -o "$tmp/z.$fmt" "$tmp/noexslt/$fmt.xsl" "$f"
		check_same "$tmp/x.$fmt" "$tmp/z.$fmt" \
		    "$f: $fmt without EXSLT strings" \
		    "$f: $fmt.xsl's fallback for EXSLT gives other bytes"
	done
	xsltproc --nonet --novalid -o "$tmp/model.xml" xslt/model.xsl "$f"
	for fmt in html text man; do
		xsltproc --nonet --novalid --stringparam monoc-version \
		    "$version" -o "$tmp/y.$fmt" "xslt/$fmt.xsl" "$tmp/model.xml"
		check_same "$tmp/x.$fmt" "$tmp/y.$fmt" "$f: $fmt from the model" \
		    "$f: $fmt.xsl gives other bytes from model.xsl's model"
	done
done

# monoc builds the model in C (src/model.c) only while xslt/model.xsl and
# xslt/common.xsl are the ones it implements: an edited common.xsl must
# show in the outputs at once.
mkdir -p "$tmp/data" "$tmp/in"
cp -R schema xslt "$tmp/data/"
sed 's|>Interactions</xsl:when>|>Interactions (edited)</xsl:when>|' \
    xslt/common.xsl > "$tmp/data/xslt/common.xsl"
cp monographs/baclofen.xml "$tmp/in/baclofen.xml"
if "$monoc" --no-index --data-dir "$tmp/data" -o "$tmp/e" \
    "$tmp/in/baclofen.xml" &&
    grep -q 'Interactions (edited)' "$tmp/e/html/baclofen.html" &&
    grep -q 'Interactions (edited)' "$tmp/e/text/baclofen.txt"; then
	ok "an edited common.xsl shapes the model"
else
	bad "an edited common.xsl does not show in the outputs"
fi
# The index page: monoc builds it in parts (src/index.c, a few hundred
# entries at a time); xsltproc builds it in one piece from all the
# sidecars.  Same bytes, for more entries than one part holds.
mkdir -p "$tmp/ix/meta"
i=0
while [ "$i" -lt 600 ]; do
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<entry xmlns="urn:monoc:monograph:1" id="d%03d" name="drug %d &amp; co" class="class %d" summary="Summary of drug %d."/>\n' \
	    "$i" "$i" "$((i % 7))" "$i" > "$tmp/ix/meta/d$(printf %03d "$i").xml"
	i=$((i + 1))
done
{
	echo '<index xmlns="urn:monoc:monograph:1">'
	for f in "$tmp"/ix/meta/*.xml; do sed 1d "$f"; done
	echo '</index>'
} > "$tmp/ix/all.xml"
xsltproc --nonet --novalid --stringparam monoc-version "$version" \
    -o "$tmp/ix/want.html" xslt/index.xsl "$tmp/ix/all.xml"
if "$monoc" --index-only -o "$tmp/ix"; then
	check_same "$tmp/ix/want.html" "$tmp/ix/html/index.html" \
	    "index page of 600 entries, built in parts" \
	    "index page built in parts differs from xsltproc's"
else
	bad "monoc --index-only failed on 600 sidecars"
fi
summary
