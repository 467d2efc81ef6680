#!/bin/sh
# tests/schema/run.sh: check schema/monograph.xsd against small monographs.
#
# valid/*.xml and monographs/*.xml must validate.  Each invalid/NAME.xml
# has exactly one defect and must be rejected as invalid (xmllint exit
# status 3, not 1 "not well-formed" or 5 "schema does not compile"), and
# the first validity error xmllint reports must be the one invalid/NAME.expect
# names: one line "LINE<TAB>substring of the message".  Last, it checks
# that docs/format.md documents, and tests/schema/valid/ uses, every
# element, attribute and closed-list value of the schema.
#
# Prints ok/FAIL per file and "N passed, N failed" last; exits 1 on any
# failure.  Run from anywhere; XMLLINT overrides the xmllint to use.

cd "$(dirname "$0")/../.." || exit 2
XMLLINT=${XMLLINT:-xmllint}
XSD=schema/monograph.xsd
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT INT TERM
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

for f in tests/schema/valid/*.xml; do
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

doc_element() { grep -Eq "^#+ $1\$" docs/format.md; }
doc_attribute() { grep -Fq "| \`$1\` |" docs/format.md; }
doc_value() { grep -Fq "\`$1\`" docs/format.md; }
valid_element() { cat tests/schema/valid/*.xml | grep -Eq "<$1[ />]"; }
valid_attribute() { cat tests/schema/valid/*.xml | grep -Fq " $1=\""; }
valid_value() { cat tests/schema/valid/*.xml | grep -Fq "=\"$1\""; }

# docs/format.md documents every element, attribute and closed-list value,
# and the valid monographs use every one of them at least once.
coverage "docs/format.md: every element has a heading" element doc_element
coverage "docs/format.md: every attribute has a table row" attribute doc_attribute
coverage "docs/format.md: every closed-list value" enumeration doc_value
coverage "tests/schema/valid: every element used" element valid_element
coverage "tests/schema/valid: every attribute used" attribute valid_attribute
coverage "tests/schema/valid: every closed-list value used" enumeration valid_value

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
