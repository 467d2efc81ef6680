/*
 * Unit tests for xmlmsg.c: libxml2 2.9.14 messages, captured from xmllint
 * against tests/data/schema/monograph.xsd, rewritten for authors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libxml/xmlerror.h>

#include "xmlmsg.h"

#define NS	"{urn:monoc:monograph:2}"

static void
expect(const char *msg, const char *code, const char *text)
{
	struct xmlmsg	 m;

	xmlmsg_rewrite(&m, XML_FROM_SCHEMASV, msg);
	assert_string_equal(m.code, code);
	assert_string_equal(m.text, text);
}

static void
test_unknown_element(void **state)
{
	struct xmlmsg	 m;

	(void)state;
	expect("Element '" NS "side-efect': This element is not expected. "
	    "Expected is one of ( " NS "effect, " NS "p, " NS "cite ).\n",
	    "unknown-element", "element 'side-efect' is not allowed here; "
	    "expected one of: 'effect', 'p', 'cite'");
	expect("Element '" NS "sorce': This element is not expected. "
	    "Expected is one of ( " NS "source, " NS "dose, " NS
	    "section ).\n", "unknown-element", "element 'sorce' is not "
	    "allowed here; did you mean 'source'? expected one of: "
	    "'source', 'dose', 'section'");
	expect("Element '" NS "source': This element is not expected. "
	    "Expected is ( " NS "title ).\n", "unknown-element",
	    "element 'source' is not allowed here; expected 'title'");
	xmlmsg_rewrite(&m, XML_FROM_SCHEMASV, "Element '" NS "sorce': This "
	    "element is not expected.\n");
	assert_string_equal(m.elem, "sorce");
	assert_string_equal(m.attr, "");
}

static void
test_missing_element(void **state)
{
	(void)state;
	expect("Element '{urn:t}r': Missing child element(s). Expected is "
	    "one of ( {urn:t}a, {urn:t}b ).\n", "missing-element",
	    "element 'r' is missing a required child element; expected "
	    "one of: 'a', 'b'");
	expect("Element '" NS "monograph': Missing child element(s). "
	    "Expected is ( " NS "adverse-effects ).\n", "missing-element",
	    "element 'monograph' is missing a required child element; "
	    "expected 'adverse-effects'");
}

static void
test_attributes(void **state)
{
	struct xmlmsg	 m;

	(void)state;
	xmlmsg_rewrite(&m, XML_FROM_SCHEMASV, "Element '" NS "monograph', "
	    "attribute 'colour': The attribute 'colour' is not allowed.\n");
	assert_string_equal(m.code, "unknown-attribute");
	assert_string_equal(m.text, "attribute 'colour' is not allowed on "
	    "element 'monograph'");
	assert_string_equal(m.attr, "colour");
	expect("Element '" NS "dose': The attribute 'amount' is required "
	    "but missing.\n", "missing-attribute", "element 'dose' is "
	    "missing required attribute 'amount'");
}

static void
test_bad_values(void **state)
{
	(void)state;
	expect("Element '" NS "dose', attribute 'unit': [facet "
	    "'enumeration'] The value 'mgs' is not an element of the set "
	    "{'mg', 'mcg', 'g'}.\n", "bad-value", "'mgs' is not a valid "
	    "value for attribute 'unit'; did you mean 'mg'? expected one "
	    "of: 'mg', 'mcg', 'g'");
	expect("Element '{urn:t}c': [facet 'enumeration'] The value 'z' is "
	    "not an element of the set {'x', 'y'}.\n", "bad-value",
	    "'z' is not a valid value for element 'c'; expected one of: "
	    "'x', 'y'");
	expect("Element '" NS "dose', attribute 'amount': 'ten' is not a "
	    "valid value of the atomic type 'xs:decimal'.\n", "bad-value",
	    "'ten' is not a valid value for attribute 'amount'; expected "
	    "a decimal number such as 2.5");
	expect("Element '{urn:t}e': '2024-13-01' is not a valid value of "
	    "the atomic type 'xs:date'.\n", "bad-value", "'2024-13-01' is "
	    "not a valid value for element 'e'; expected a date such as "
	    "2024-05-01");
	expect("Element '{urn:t}d': [facet 'pattern'] The value 'abc' is "
	    "not accepted by the pattern '[0-9]+'.\n", "bad-value",
	    "'abc' is not a valid value for element 'd'; it must match "
	    "the pattern '[0-9]+'");
}

static void
test_keys(void **state)
{
	struct xmlmsg	 m;

	(void)state;
	expect("Element '" NS "source': Duplicate key-sequence ['a'] in key "
	    "identity-constraint '" NS "sourceKey'.\n", "duplicate-id",
	    "duplicate value 'a' in element 'source'; it must be unique "
	    "(constraint 'sourceKey')");
	xmlmsg_rewrite(&m, XML_FROM_SCHEMASV, "Element '{urn:t}cite': No "
	    "match found for key-sequence ['2'] of keyref '{urn:t}cr'.\n");
	assert_string_equal(m.code, "dangling-reference");
	assert_string_equal(m.text, "reference '2' in element 'cite' "
	    "matches nothing declared (constraint 'cr')");
	assert_string_equal(m.value, "2");
	/* A valid NCName rejected as xs:ID can only be a duplicate. */
	expect("Element '{urn:t}a', attribute 'id': 'q' is not a valid "
	    "value of the atomic type 'xs:ID'.\n", "duplicate-id",
	    "duplicate id 'q'; each id must be unique");
	expect("Element '{urn:t}a', attribute 'id': '1q' is not a valid "
	    "value of the atomic type 'xs:ID'.\n", "bad-value",
	    "'1q' is not a valid value for attribute 'id'; expected a "
	    "name without spaces or colons");
}

static void
test_other_schema(void **state)
{
	(void)state;
	expect("Element '{urn:t}a': Character content is not allowed, "
	    "because the content type is empty.\n", "schema",
	    "element 'a' must be empty");
	expect("Element 'monograph': No matching global declaration "
	    "available for the validation root.\n", "unknown-element",
	    "element 'monograph' is not a known root element; check its "
	    "name and its xmlns namespace");
	expect("Element '{urn:t}a': Something new happened.\n", "schema",
	    "element 'a': something new happened");
}

static void
test_syntax(void **state)
{
	struct xmlmsg	 m;

	(void)state;
	xmlmsg_rewrite(&m, XML_FROM_PARSER, "Opening and ending tag "
	    "mismatch: b line 2 and a\n");
	assert_string_equal(m.code, "syntax");
	assert_string_equal(m.text, "end tag 'a' does not match start tag "
	    "'b' from line 2");
	xmlmsg_rewrite(&m, XML_FROM_PARSER, "Premature end of data in tag "
	    "a line 1\n");
	assert_string_equal(m.text, "file ends before element 'a' from line "
	    "1 is closed");
	xmlmsg_rewrite(&m, XML_FROM_PARSER, "Input is not proper UTF-8, "
	    "indicate encoding !\nBytes: 0xE9 0x3C 0x2F 0x74\n");
	assert_string_equal(m.text, "input is not proper UTF-8, indicate "
	    "encoding ! Bytes: 0xE9 0x3C 0x2F 0x74");
	/* No advice to set XML_PARSE_HUGE, which monoc never does. */
	xmlmsg_rewrite(&m, XML_FROM_PARSER, "Excessive depth in document: "
	    "256 use XML_PARSE_HUGE option\n");
	assert_string_equal(m.text, "elements nested too deep");
	assert_null(strstr(m.text, "HUGE"));
}

static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(xmlmsg_distance("side-efect", "side-effect"), 1);
	assert_int_equal(xmlmsg_distance("", "abc"), 3);
	assert_int_equal(xmlmsg_distance("kitten", "sitting"), 3);
	assert_int_equal(xmlmsg_distance("titel", "title"), 1);
	assert_int_equal(xmlmsg_distance("ab", "ba"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_element),
		cmocka_unit_test(test_missing_element),
		cmocka_unit_test(test_attributes),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_other_schema),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_distance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
