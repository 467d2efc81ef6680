#!/bin/sh
# render.sh: the three stylesheets on a document model that uses every
# construct of format 2 (tests/data/model/render.xml: nested and numbered
# subsections, a quotation, nested lists, general tables with header
# rows, spans, row headers, a caption with citations and footnotes, a
# nine-column table, sub/sup, links to other monographs, footnote marks,
# citation locators, highlights, see-also and a status) and the tables
# labels give (no head row, a ragged row, an empty cell spanning rows,
# words too long for a narrow column or for any grid, a long URL, a
# title longer than a line).  Stock xsltproc
# renders it through xslt/html.xsl, text.xsl and man.xsl (the XSLT
# fallbacks; build/test_ext checks monoc's C twins against the same
# golden files), and the outputs must
#   - equal tests/golden-model/render.{html,txt,7} byte for byte
#     (UPDATE=1 rewrites them after a deliberate change: read the diff),
#   - man page: mandoc -Tlint (plain and -W warning), groff -k -t -man -Tutf8 -ww -z
#     and man --warnings silent, lexgrog's whatis line "render-info - ",
#     pure ASCII, at most 80 columns rendered at MANWIDTH=80,
#   - HTML: the Nu Html Checker (vnu.jar --Werror) and html-validate
#     (tools/.htmlvalidate.json) silent,
#   - text: valid UTF-8, at most 78 columns, no tab, CR or trailing space,
#   - each construct shown as the format shows it (a few greps).
# A checker that is not installed is a failure, never a skip (run
# tools/setup.sh).  Prints "N passed, N failed" last.
#
# usage: tests/render.sh                  (from the repository root)
. tests/lib.sh
model=tests/data/model/render.xml
golden=tests/golden-model
vnu=tools/node_modules/vnu-jar/build/dist/vnu.jar
hv=tools/node_modules/.bin/html-validate

# need TOOL: true when TOOL (a command or a path) is there, else a failure
need() {
	if [ -e "$1" ] || command -v "$1" > /dev/null 2>&1; then
		return 0
	fi
	bad "$1 is not installed: run tools/setup.sh"
	return 1
}

# quiet NAME FILE COMMAND...: ok when COMMAND exits 0 and prints nothing
quiet() {
	name=$1
	shift
	"$@" > "$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ]; then
		ok "$name"
	else
		sed 's/^/     /' "$tmp/out" | head -n 20
		bad "$name (exit $rc)"
	fi
}

# has NAME FILE PATTERN: ok when FILE has a line matching PATTERN (ERE)
has() {
	if grep -Eq -- "$3" "$2"; then
		ok "$1"
	else
		bad "$1: no line matches '$3' in $2"
	fi
}

need xsltproc || { summary; exit 1; }
if xmllint --noout --schema schema/model.xsd "$model" 2> "$tmp/err"; then
	ok "$model is valid against schema/model.xsd"
else
	sed 's/^/     /' "$tmp/err"
	bad "$model is not a valid model"
fi

mkdir -p "$tmp/o"
for pair in html:render.html text:render.txt man:render.7; do
	fmt=${pair%%:*}
	out=$tmp/o/${pair#*:}
	if ! xsltproc --nonet --novalid -o "$out" "xslt/$fmt.xsl" "$model" \
	    2> "$tmp/err" || [ -s "$tmp/err" ]; then
		sed 's/^/     /' "$tmp/err"
		bad "xsltproc $fmt.xsl failed or warned"
		continue
	fi
	[ "${UPDATE:-0}" = 1 ] && mkdir -p "$golden" &&
	    golden_form "$out" > "$golden/${pair#*:}"
	check_same "$golden/${pair#*:}" "$out" "${pair#*:} equals the golden file" \
	    "${pair#*:} differs from $golden/${pair#*:}"
done

# ---- the man page
page=$tmp/o/render.7
if need mandoc && need groff && need lexgrog && need man; then
	quiet "mandoc -Tlint -W warning silent" mandoc -Tlint -W warning "$page"
	quiet "mandoc -Tlint silent" mandoc -Tlint "$page"
	quiet "groff -t -man -ww silent" \
	    groff -k -t -man -Tutf8 -ww -z "$page"
	env -u LC_ALL LANG=C MANWIDTH=80 MANPAGER=cat PAGER=cat \
	    man --warnings -E UTF-8 -l "$page" > /dev/null 2> "$tmp/manw"
	quiet "man --warnings silent" cat "$tmp/manw"
	if lexgrog "$page" > "$tmp/lex" 2>&1 &&
	    grep -q ': "render-info - test drug' "$tmp/lex"; then
		ok "lexgrog reads the NAME line"
	else
		sed 's/^/     /' "$tmp/lex"
		bad "lexgrog does not read the NAME line"
	fi
	if LC_ALL=C grep -naP '[^\x00-\x7F]' "$page" > "$tmp/out"; then
		sed 's/^/     /' "$tmp/out" | head -n 5
		bad "the man page source is not pure ASCII"
	else
		ok "the man page source is pure ASCII"
	fi
	LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat man -l "$page" \
	    2> /dev/null | col -bx > "$tmp/man.txt"
	w=$(LC_ALL=C.UTF-8 wc -L < "$tmp/man.txt")
	if [ -s "$tmp/man.txt" ] && [ "$w" -le 80 ]; then
		ok "the man page is at most 80 columns at MANWIDTH=80 ($w)"
	else
		LC_ALL=C.UTF-8 grep '.\{81,\}' "$tmp/man.txt" | head -n 5 |
		    sed 's/^/     /'
		bad "the man page is $w columns wide at MANWIDTH=80"
	fi
	# what a reader of the man page sees
	has "man: a nested subsection is a bold heading paragraph" \
	    "$page" '^\\fB2\.1\.1 Kidney disease\\fP$'
	has "man: the first level is SS, with its number" "$page" \
	    '^\.SS "2\.1 Adults"$'
	has "man: a quotation is indented, in quotation marks" "$page" \
	    '^\\\(lqAbrupt discontinuation'
	has "man: a colspan is tbl s, a rowspan tbl ^" "$page" \
	    '^\^ .* \^$'
	has "man: nine columns become Header: value lines" "$page" \
	    '^\\fBMon:\\fP 15\\~mg$'
	has "man: citations with locators" "$page" \
	    '\\~\[1; 2, \\\[u00A7\]5\.1\]'
	has "man: SEE ALSO lists NAME-info(7)" "$page" \
	    '^\.BR tizanidine\\-\\:info \(7\),$'
	has "man: a link names NAME-info(7)" "$page" \
	    'tizanidine \(\\fBtizanidine\\-\\:info\\fP\(7\)\)'
	lexgrog "$page" > "$tmp/whatis" 2>&1
	has "man: the status in the NAME line (as whatis reads it)" \
	    "$tmp/whatis" '\(test data, not a medicine\)"$'
	has "man: the rendered table spans a column" "$tmp/man.txt" \
	    '│ +Dose +│'
	# the tables labels give
	has "man: a table with no head row is a grid" "$tmp/man.txt" \
	    '^ +│Adults +│ 5 mg three times a day +│ with food +│$'
	has "man: a column as wide as its longest word" "$tmp/man.txt" \
	    '│ tetrahydrorenderinehydrochloride +│'
	has "man: words too long for a grid: a list, no header" "$page" \
	    '^hexadecahydrorenderinecarboxamide$'
	has "man: a ragged row keeps its last cell" "$tmp/man.txt" \
	    '│ Nausea +│ +2\.4 +│ +14\.4 +│$'
	has "man: a made table widened for its longest word" "$tmp/man.txt" \
	    '│ Methylprednisolone +│$'
	has "man: a long URL has break points" "$page" \
	    '^https:/\\:/\\:example\.org/\\:renderine/\\:labels/'
	if tr '\n' '~' < "$page" | grep -q 'T{~T}'; then
		bad "man: an empty T{ T} block (mandoc 1.14.6 crashes on it under ^)"
	else
		ok "man: no empty T{ T} block"
	fi
fi

# ---- the HTML page
html=$tmp/o/render.html
if need java && need "$vnu"; then
	quiet "vnu --Werror silent" java -jar "$vnu" --Werror --format gnu \
	    "$html"
fi
if need node && need "$hv"; then
	quiet "html-validate silent" "$hv" -c tools/.htmlvalidate.json \
	    -f text "$html"
fi
has "html: h6 for the deepest subsections" "$html" \
    '<h6><span class="num">2\.1\.1\.1\.1</span> Dialysis</h6>'
has "html: a quotation is a blockquote" "$html" '<blockquote class="quote">'
has "html: spans and row headers" "$html" \
    '<th scope="row" rowspan="2">Oral</th>'
has "html: a colspan" "$html" '<td colspan="7">30'
has "html: a footnote mark links to its footnote" "$html" \
    '<a href="#spans-fn-2">b</a>.*<p id="spans-fn-2">'
has "html: a link to another monograph" "$html" \
    '<a href="tizanidine.html">tizanidine</a>'
has "html: sub and sup" "$html" 'C<sub>max</sub>.*10<sup>3</sup>'
has "html: citations with locators" "$html" \
    'id="cite-3">1</a>;[^<]+<a href="#ref-2" id="cite-4">2</a>,[^<]+§5\.1\]'
has "html: the highlights framed, first" "$html" \
    '<main id="main"><section id="highlights" class="highlights">'
has "html: the status in the header" "$html" \
    '<p class="status">Test data, not a medicine</p>'
has "html: a cross reference in the label's words is a link" "$html" \
    '<a href="#dosing-adults">\(2\.1\)</a>'
has "html: a table with no head row has no thead" "$html" \
    '<figcaption id="nohead-caption">No head row</figcaption><table id="nohead" aria-labelledby="nohead-caption"><tbody>'
has "html: a ragged table's short row padded" "$html" \
    'Week 2</td><td></td></tr>'

# ---- the text
txt=$tmp/o/render.txt
if iconv -f UTF-8 -t UTF-8 "$txt" > /dev/null 2>&1; then
	ok "the text is valid UTF-8"
else
	bad "the text is not valid UTF-8"
fi
w=$(LC_ALL=C.UTF-8 wc -L < "$txt")
if [ "$w" -le 78 ]; then
	ok "the text is at most 78 columns ($w)"
else
	LC_ALL=C.UTF-8 grep -n '.\{79,\}' "$txt" | head -n 5 | sed 's/^/     /'
	bad "the text is $w columns wide"
fi
if grep -nE '[[:space:]]$' "$txt" > "$tmp/out" ||
    grep -naP '\t|\r' "$txt" >> "$tmp/out"; then
	sed 's/^/     /' "$tmp/out" | head -n 5
	bad "the text has tabs, CRs or trailing white space"
else
	ok "the text has no tab, CR or trailing white space"
fi
has "text: the deepest heading underlined with dots" "$txt" \
    '^\.{18}$'
has "text: a nested list indented to its item's text" "$txt" \
    '^       1\. take the last dose at 18:00;$'
has "text: a quotation indented, in quotation marks" "$txt" \
    '^\|     “Abrupt discontinuation'
has "text: a colspan across its columns" "$txt" \
    '^Intrathecal +50 µg test dose, then by +Pump$'
has "text: nine columns become Header: value lines" "$txt" \
    '^    Mon–Sun: 30 mg each day$'
has "text: a link names NAME.txt" "$txt" 'tizanidine \(tizanidine\.txt\)'
has "text: citations with locators" "$txt" '\[1; 2, §5\.1\]'
has "text: the highlights framed" "$txt" '^\| HIGHLIGHTS +\|$'
has "text: the status under the title" "$txt" \
    '^\*\*\* TEST DATA, NOT A MEDICINE \*\*\*$'
has "text: a table with no head row is a grid" "$txt" \
    '^Adults +5 mg three times a day +with food$'
has "text: a column as wide as its longest word" "$txt" \
    '^Hydrochloride +tetrahydrorenderinehydrochloride +for injection$'
has "text: words too long for a grid: a list, no header" "$txt" \
    '^  - hexadecahydrorenderinecarboxamide$'
has "text: a ragged row keeps its last cell" "$txt" \
    'Nausea +2\.4 +14\.4$'
has "text: a made table widened for its longest word" "$txt" \
    '  Methylprednisolone and$'
has "text: a title longer than a line wraps" "$txt" \
    '^AND A TITLE TOO LONG FOR ONE LINE OF TEXT$'
# no word of the model lost or split: each word of its text (letters and
# digits) is a word of the text output (sub- and superscripts, which the
# text writes as C_max and 10^3, counted as words of their own)
sed 's#<su\([bp]\)>#<su\1> #g' "$model" > "$tmp/words.xml"
xsltproc --nonet --novalid tests/import/words.xsl "$tmp/words.xml" 2> /dev/null |
    LC_ALL=C tr -cs 'A-Za-z0-9' '\n' | LC_ALL=C tr 'A-Z' 'a-z' |
    grep -v '^$' | sort > "$tmp/mw"
LC_ALL=C tr -cs 'A-Za-z0-9' '\n' < "$txt" | LC_ALL=C tr 'A-Z' 'a-z' |
    grep -v '^$' | sort > "$tmp/tw"
LC_ALL=C comm -23 "$tmp/mw" "$tmp/tw" > "$tmp/lost"
if [ -s "$tmp/mw" ] && [ ! -s "$tmp/lost" ]; then
	ok "text: every word of the model reaches the text"
else
	head -n 10 "$tmp/lost" | sed 's/^/     lost: /'
	bad "text: words of the model are lost or split"
fi
summary
