#!/bin/sh
# tests/schema/run.sh: check schema/monograph.xsd against small monographs.
#
# valid/*.xml, docs/skeleton.xml, the test monographs tests/formulary/*.xml
# and monographs/*.xml must validate.  Each invalid/NAME.xml has exactly
# one defect and must be rejected as invalid (xmllint exit status 3, not 1
# "not well-formed" or 5 "schema does not compile"), and the first validity
# error xmllint reports must be the one invalid/NAME.expect names: one line
# "LINE<TAB>substring of the message".  Last, it checks that docs/format.md
# documents, and the valid samples (tests/schema/valid/ with
# tests/formulary/) use, every element, attribute and closed-list value of
# the schema.
#
# Prints ok/FAIL per file and "N passed, N failed" last; exits 1 on any
# failure.  Run from anywhere; XMLLINT overrides the xmllint to use.

cd "$(dirname "$0")/../.." || exit 2
XMLLINT=${XMLLINT:-xmllint}
XSD=schema/monograph.xsd
tmp=$(mktemp) || exit 2
tokens=$(mktemp) || exit 2
trap 'rm -f "$tmp" "$tokens"' EXIT INT TERM
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok   $1"
}

bad() {
	fail=$((fail + 1))
	echo "FAIL $1: $2"
	if [ -s "$tmp" ]; then
		sed 's/^/     | /' "$tmp" | head -n 5
	fi
}

# The files that must pass: our valid cases and the real monographs.
check_valid() {
	"$XMLLINT" --noout --schema "$XSD" "$1" >/dev/null 2>"$tmp"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		ok "$1"
	else
		bad "$1" "expected to validate, xmllint exit status $rc"
	fi
}

# The valid samples: the ones that use every name and value of the
# schema between them, and the skeleton authors start from.
samples="tests/schema/valid/*.xml tests/formulary/*.xml"
for f in $samples docs/skeleton.xml; do
	[ -e "$f" ] || continue
	check_valid "$f"
done

n=0
for f in monographs/*.xml; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	check_valid "$f"
done
if [ "$n" -eq 0 ]; then
	echo "NOTE no monographs/*.xml yet: only the test monographs were checked"
fi

# The files that must fail, each for its own reason.
for f in tests/schema/invalid/*.xml; do
	[ -e "$f" ] || continue
	expect=${f%.xml}.expect
	: >"$tmp"
	if [ ! -f "$expect" ]; then
		bad "$f" "no $expect"
		continue
	fi
	line=$(cut -f 1 "$expect")
	want=$(cut -f 2- "$expect")
	case $line in
	'' | *[!0-9]*)
		bad "$f" "$expect: first field is not a line number"
		continue
		;;
	esac
	if [ -z "$want" ] || [ "$(wc -l <"$expect")" -ne 1 ]; then
		bad "$f" "$expect: want one line LINE<TAB>substring"
		continue
	fi
	"$XMLLINT" --noout --schema "$XSD" "$f" >/dev/null 2>"$tmp"
	rc=$?
	if [ "$rc" -ne 3 ]; then
		bad "$f" "expected exit status 3 (invalid), got $rc"
		continue
	fi
	first=$(grep -F 'validity error' "$tmp" | head -n 1)
	case $first in
	"$f:$line:"*)
		;;
	*)
		bad "$f" "first error is not at line $line"
		continue
		;;
	esac
	case $first in
	*"$want"*)
		ok "$f"
		;;
	*)
		bad "$f" "first error does not say: $want"
		;;
	esac
done

# The names of the schema's elements, attributes or enumeration values
# ($1 is element, attribute or enumeration), one a line.
names() {
	if [ "$1" = enumeration ]; then
		x='//*[local-name()="enumeration"]/@value'
	else
		x="//*[local-name()=\"$1\"]/@name"
	fi
	"$XMLLINT" --xpath "$x" "$XSD" 2>/dev/null |
	    sed 's/ [a-z]*="/\
/g; s/"//g' | sed '/^$/d' | sort -u
}

# coverage LABEL KIND CMD: CMD NAME must succeed for every name of KIND.
coverage() {
	label=$1
	kind=$2
	shift 2
	: >"$tmp"
	n=0
	for v in $(names "$kind" | tr ' ' '@'); do
		v=$(echo "$v" | tr '@' ' ')
		n=$((n + 1))
		"$@" "$v" || echo "$kind '$v'" >>"$tmp"
	done
	if [ "$n" -eq 0 ]; then
		echo "could not list the schema's ${kind}s" >"$tmp"
		bad "$label" "no ${kind}s found"
	elif [ -s "$tmp" ]; then
		bad "$label" "$(wc -l <"$tmp") ${kind}s missing"
	else
		ok "$label ($n ${kind}s)"
	fi
}

# The element reference, section 7 of docs/format.md: where an element
# or attribute without a heading or table row of its own is described.
reference=$(sed -n '/^## 7\./,/^## 8\./p' docs/format.md)
prose=""

# An element has a heading of its own, alone or in a list ("#### dependence,
# tolerance, misuse, addiction", "##### Doses: screening, start, ...") or
# the first cell of a table row ("| `th`, `td` | ..."); failing that (the
# parts of a table: caption, thead, tr, ...), it is named
# in the element reference, and listed at the end as described in prose.
doc_element() {
	grep -Eq "^#+ ([^#]*[ :,(])?$1([ ,)][^#]*)?\$" docs/format.md && return 0
	grep -Eq "^\| (\`[^\`]+\`, )*\`$1\`(, \`[^\`]+\`)* \|" docs/format.md &&
	    return 0
	printf '%s\n' "$reference" | grep -Fq "\`$1\`" || return 1
	prose="$prose element:$1"
}
# An attribute has a table row (alone or in a list: "| `low`, `high` |"),
# or a cell of one ("| `th`, `td` | `colspan`, `rowspan` |"); failing that
# it is named in the element reference (listed at the end).
doc_attribute() {
	grep -Eq "^\| ([^|]*\| )?(\`[^\`]+\`, )*\`$1\`(, \`[^\`]+\`)* \|" \
	    docs/format.md && return 0
	printf '%s\n' "$reference" | grep -Fq "\`$1\`" || return 1
	prose="$prose attribute:$1"
}
doc_value() { grep -Fq "\`$1\`" docs/format.md; }
valid_element() { cat $samples | grep -Eq "<$1[ />]"; }
valid_attribute() { cat $samples | grep -Fq " $1=\""; }
# A value is used when it is an attribute value, one word of a
# space-separated one (class="A B"), or the text of an element
# (<status>test-data</status>): $tokens lists those, one a line.
valid_value() { grep -Fxq -- "$1" "$tokens"; }
cat >"$tmp" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="//@*|//*[not(*)]">
      <xsl:value-of select="normalize-space(.)"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
for f in $samples; do
	xsltproc --nonet "$tmp" "$f" || echo "xsltproc failed on $f" >&2
done >"$tokens.all"
{ cat "$tokens.all"; tr ' ' '\n' <"$tokens.all"; } | sort -u >"$tokens"
rm -f "$tokens.all"

# docs/format.md documents every element, attribute and closed-list value,
# and the valid monographs use every one of them at least once.
coverage "docs/format.md: every element has a heading" element doc_element
coverage "docs/format.md: every attribute has a table row" attribute doc_attribute
coverage "docs/format.md: every closed-list value" enumeration doc_value
if [ -n "$prose" ]; then
	echo "NOTE docs/format.md describes these only in prose, with no heading" \
	    "or table row of their own:$prose"
fi
coverage "valid samples: every element used" element valid_element
coverage "valid samples: every attribute used" attribute valid_attribute
coverage "valid samples: every closed-list value used" enumeration valid_value

# Every invalid case needs its file, and every expectation its case.
for e in tests/schema/invalid/*.expect; do
	[ -e "$e" ] || continue
	if [ ! -f "${e%.expect}.xml" ]; then
		: >"$tmp"
		bad "$e" "no ${e%.expect}.xml"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
