#!/bin/sh
# make-spl-dict.sh: write the libFuzzer dictionary of the import fuzzer,
# fuzz/spl.dict: what monoc import looks for in a label, taken from its
# own sources so that the two never part: the SPL element and attribute
# names src/spl.c, src/import.c and src/load.c ask for (spl_is(),
# spl_child(), spl_attr() ...), the LOINC section and document codes and
# the NCI codes (forms, routes, schedules, marketing) they know, then
# the HL7 v3 header, namespaces, styleCode and listType values, and the
# characters a label's text is repaired of.  Run again when those
# sources learn a new name.
#
# usage: fuzz/make-spl-dict.sh > fuzz/spl.dict    (from the repository root)
set -eu
src="src/spl.c src/import.c src/load.c"
echo '# libFuzzer dictionary for SPL labels (monoc import), written by'
echo "# fuzz/make-spl-dict.sh from $src."
# shellcheck disable=SC2086
grep -ohE 'spl_[a-z_]+\([a-z>-]+, "[A-Za-z]+"' $src |
    sed -E 's/.*"([^"]+)"/\1/' | sort -u |
while read -r n; do
	case $n in
	[a-z]*)	printf 'el_%s="<%s"\nend_%s="</%s>"\nat_%s=" %s=\\""\n' \
		    "$n" "$n" "$n" "$n" "$n" "$n" ;;
	*)	printf 'at_%s=" %s=\\""\nel_%s="<%s"\n' "$n" "$n" "$n" "$n" ;;
	esac
done
# shellcheck disable=SC2086
grep -ohE '"([0-9]{4,5}-[0-9]|C[0-9]{4,6})"' $src | sort -u |
    while read -r c; do printf 'code=%s\n' "$c"; done
cat <<'EOF'
xml_decl="<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
document="<document xmlns=\"urn:hl7-org:v3\">"
ns_hl7="xmlns=\"urn:hl7-org:v3\""
ns_xsi="xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
schema_loc="xsi:schemaLocation=\"urn:hl7-org:v3 https://www.accessdata.fda.gov/spl/schema/spl.xsd\""
stylesheet="<?xml-stylesheet href=\"https://www.accessdata.fda.gov/spl/stylesheet/spl.xsl\" type=\"text/xsl\"?>"
loinc="codeSystem=\"2.16.840.1.113883.6.1\""
rx_label="code=\"34391-3\""
otc_label="code=\"34390-5\""
structured="<component><structuredBody>"
section="<component><section ID=\"S1\"><code code=\"34067-9\"/><title>1 INDICATIONS AND USAGE</title><text><paragraph>"
product="<subject><manufacturedProduct><manufacturedProduct><name>"
generic="<asEntityWithGeneric><genericMedicine><name>"
strength="<quantity><numerator value=\"10\" unit=\"mg\"/><denominator value=\"1\" unit=\"1\"/></quantity>"
set_id="<setId root=\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"/>"
version="<versionNumber value=\"1\"/>"
effective="<effectiveTime value=\"20240102\"/>"
active="classCode=\"ACTIM\""
active_b="classCode=\"ACTIB\""
inactive="classCode=\"IACT\""
dea="classCode=\"DEADrugSchedule\""
bold="styleCode=\"bold\""
italics="styleCode=\"italics\""
underline="styleCode=\"underline\""
rule="styleCode=\"Botrule Toprule Lrule Rrule\""
ordered="listType=\"ordered\""
unordered="listType=\"unordered\""
href_local="href=\"#S1\""
span="colspan=\"2\" rowspan=\"2\""
plr_number="5.1 "
and=" and "
comma=", "
slash="/"
cdata_open="<![CDATA["
comment_open="<!--"
empty_close="/>"
close_open="</"
amp="&amp;"
charref="&#8226;"
nbsp="\xc2\xa0"
bullet="\xe2\x80\xa2"
cp1252_quote="\xc2\x93"
symbol_font="\xef\x80\xb3"
ls="\xe2\x80\xa8"
ps="\xe2\x80\xa9"
zwsp="\xe2\x80\x8b"
shy="\xc2\xad"
interlinear="\xef\xbf\xb9"
tag_char="\xf3\xa0\x80\x81"
bidi_rlo="\xe2\x80\xae"
c1_csi="\xc2\x9b"
del="\x7f"
two_byte="\xc3\xa9"
three_byte="\xe2\x82\xac"
four_byte="\xf0\x9f\x98\x80"
EOF
