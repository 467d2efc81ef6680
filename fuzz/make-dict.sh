#!/bin/sh
# make-dict.sh: write the libFuzzer dictionary fuzz/monograph.dict: the
# element and attribute names, enumerated values and fixed section codes
# of the schemas (every schema/*.xsd by default, so a new format
# version's names come in as soon as its schema does; format 2 now),
# values of its patterns (enzymes, NDCs, dates, locators), then XML syntax
# tokens, format 2's namespace and version and, for monoc's format-1
# message, format 1's, and the characters and sequences the renderers
# must escape or refuse.  Run again when a schema
# changes.
#
# usage: fuzz/make-dict.sh [XSD...] > fuzz/monograph.dict
#        (from the repository root)
set -eu
if [ $# -gt 0 ]; then
	xsd="$*"
else
	xsd=$(ls schema/*.xsd)
fi
names() {
	# shellcheck disable=SC2086
	grep -ohE "<xs:$1 name=\"[A-Za-z-]+\"" $xsd |
	    sed -E 's/.*name="([^"]+)"/\1/' | sort -u
}
echo '# libFuzzer dictionary for monographs, written by fuzz/make-dict.sh:'
echo "# names and enumerated values from $(echo $xsd), XML tokens."
names element | while read -r n; do
	k=$(echo "$n" | tr - _)
	printf 'el_%s="<%s"\nend_%s="</%s>"\n' "$k" "$n" "$k" "$n"
done
names attribute | while read -r n; do
	printf 'at_%s=" %s=\\""\n' "$(echo "$n" | tr - _)" "$n"
done
# shellcheck disable=SC2086
{
	grep -ohE '<xs:enumeration value="[^"]+"' $xsd |
	    sed -E 's/.*value="([^"]+)"/\1/'
	grep -ohE ' fixed="[^"]+"' $xsd | sed -E 's/.*fixed="([^"]+)"/\1/'
} | sort -u | grep -v '[\\"]' |
    while read -r n; do printf '"%s"\n' "$n"; done
cat <<'EOF'
xml_decl="<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
enc_latin1="encoding=\"ISO-8859-1\""
enc_utf16="encoding=\"UTF-16\""
ns_monograph="xmlns=\"urn:monoc:monograph:2\""
ns_monograph_1="xmlns=\"urn:monoc:monograph:1\""
ns_xsi="xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
schema_loc="xsi:schemaLocation=\"urn:monoc:monograph:2 ../schema/monograph.xsd\""
schema_loc_1="xsi:schemaLocation=\"urn:monoc:monograph:1 ../schema/monograph.xsd\""
ns_xi="xmlns:xi=\"http://www.w3.org/2001/XInclude\""
xi_include="<xi:include href=\""
format_version="format-version=\"2.0\""
format_version_1="format-version=\"1.0\""
cite_at="<cite ref=\"src1\" at=\"5.1\"/>"
fnref="<fnref ref=\"fn-a\"/>"
xref_ref="<xref ref=\""
xref_to="<xref to=\""
span_2=" colspan=\"2\" rowspan=\"2\""
enzyme_cyp="CYP3A4"
enzyme_ugt="UGT1A1"
ndc="12345-678-90"
date_full="2026-11-23"
date_month="2024-05"
locator_section="\xc2\xa75.1"
decimal_small="0.05"
decimal_big="2000"
zero="0"
xml_lang="xml:lang=\""
xml_space="xml:space=\"preserve\""
doctype="<!DOCTYPE"
entity="<!ENTITY"
system="SYSTEM"
public="PUBLIC"
cdata_open="<![CDATA["
cdata_close="]]>"
comment_open="<!--"
comment_close="-->"
pi_open="<?"
pi_close="?>"
empty_close="/>"
close_open="</"
amp="&amp;"
lt="&lt;"
gt="&gt;"
quot="&quot;"
apos="&apos;"
charref_dec="&#181;"
charref_hex="&#x3BC;"
charref_bad="&#0;"
nbsp="\xc2\xa0"
micro="\xc2\xb5"
mu="\xce\xbc"
bom="\xef\xbb\xbf"
bad_utf8="\xc3\x28"
nul="\x00"
url_https="https://"
url_http="http://"
url_file="file:///"
format_version_2="format-version=\"2.0\""
cr_ref="&#13;"
esc_ref="&#27;"
del="\x7f"
c1_nel="\xc2\x85"
c1_csi="\xc2\x9b"
bidi_lre="\xe2\x80\xaa"
bidi_rlo="\xe2\x80\xae"
bidi_lri="\xe2\x81\xa6"
bidi_rlm="\xe2\x80\x8f"
bom_utf16le="\xff\xfe"
bom_utf16be="\xfe\xff"
tbl_open="T{"
tbl_close="T}"
roff_dot="\x0a."
roff_quote="\x0a'"
roff_font="\\fB"
attr_many=" a1=\"x\" a2=\"x\" a3=\"x\" a4=\"x\" a5=\"x\" a6=\"x\" a7=\"x\" a8=\"x\""
EOF
