/*
 * Unit tests for check.c: id equals the file stem; ids unique in a run;
 * the rules beyond the schema, on small documents held in memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "check.h"
#include "diag.h"
#include "load.h"
#include "util.h"

/* Check input i of paths[]; return what diag printed (static buffer). */
static const char *
run(char **paths, size_t n, size_t i)
{
	static char		 out[4096];
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	struct check		*ck;
	xmlDocPtr		 doc;

	capture_open(&c);
	d = diag_new(c.f, 0);
	ck = check_new(paths, n);
	df = diag_file_new(d, paths[i]);
	doc = load_file(paths[i], df);
	assert_non_null(doc);
	check_run(ck, doc, i, df);
	xmlFreeDoc(doc);
	diag_flush(d, df);
	diag_file_free(df);
	check_free(ck);
	diag_free(d);
	snprintf(out, sizeof(out), "%s", capture_close(&c));
	capture_free(&c);
	return out;
}

static void
test_stem(void **state)
{
	char	*s;

	(void)state;
	s = check_stem("a/b/baclofen.xml");
	assert_string_equal(s, "baclofen");
	free(s);
	s = check_stem("baclofen");
	assert_string_equal(s, "baclofen");
	free(s);
	s = check_stem("x.xml.xml");
	assert_string_equal(s, "x.xml");
	free(s);
}

static void
test_id_is_stem(void **state)
{
	char	*ok[] = { "tests/data/ok.xml" };
	char	*bad[] = { "tests/data/check/mismatch.xml" };

	(void)state;
	assert_string_equal(run(ok, 1, 0), "");
	assert_string_equal(run(bad, 1, 0),
	    "tests/data/check/mismatch.xml:3:5: error: monograph id 'other' "
	    "does not match the file name; rename the file to 'other.xml' "
	    "or set id='mismatch' [id-mismatch]\n"
	    "    3 |     id=\"other\">\n"
	    "      |     ^\n");
}

static void
test_unique(void **state)
{
	char	*paths[] = { "tests/data/ok.xml", "tests/data/check/ok.xml",
	    "tests/data/bad.xml" };

	(void)state;
	/* The first keeps its id; the later one is reported. */
	assert_string_equal(run(paths, 3, 0), "");
	assert_non_null(strstr(run(paths, 3, 1),
	    "tests/data/check/ok.xml:2:42: error: monograph id 'ok' is also "
	    "used by 'tests/data/ok.xml' [duplicate-id]\n"));
	assert_string_equal(run(paths, 3, 2), "");
}

#define HEAD	"<?xml version=\"1.0\"?>\n" \
	"<monograph xmlns=\"urn:monoc:monograph:1\" id=\"t\">\n"
#define SOURCES	"<sources><source id=\"lab\"/></sources>\n"
#define TAIL	"</monograph>\n"

/*
 * Check the document xml as input "t.xml", today being 2026-11-23 when
 * review is set, with warnings as errors when werror is set; return what
 * diag printed (static buffer).
 */
static const char *
check_xml(const char *xml, int review, long max_age, int werror)
{
	static char		 out[16384];
	char			*paths[] = { "t.xml" };
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	struct check		*ck;
	xmlDocPtr		 doc;

	capture_open(&c);
	d = diag_new(c.f, werror);
	ck = check_new(paths, 1);
	if (review)
		check_set_review(ck, 2026, 11, 23, max_age);
	df = diag_file_new(d, "t.xml");
	diag_file_set_source(df, strdup(xml), strlen(xml));
	doc = xmlReadMemory(xml, strlen(xml), "t.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	check_run(ck, doc, 0, df);
	xmlFreeDoc(doc);
	diag_flush(d, df);
	diag_file_free(df);
	check_free(ck);
	diag_free(d);
	snprintf(out, sizeof(out), "%s", capture_close(&c));
	capture_free(&c);
	return out;
}

/* The first lines of check_xml()'s output, without source and caret. */
static const char *
messages(const char *xml)
{
	static char	 buf[16384];
	const char	*p, *nl;
	size_t		 len;

	len = 0;
	for (p = check_xml(xml, 1, 1095, 0); *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		if (strncmp(p, "t.xml", 5) == 0 &&
		    len + (nl - p) + 2 < sizeof(buf)) {
			memcpy(buf + len, p, nl - p + 1);
			len += nl - p + 1;
		}
	}
	buf[len] = '\0';
	return buf;
}

static void
test_days(void **state)
{
	(void)state;
	assert_int_equal(check_days(1970, 1, 1), 0);
	assert_int_equal(check_days(1969, 12, 31), -1);
	assert_int_equal(check_days(2000, 3, 1), 11017);
	assert_int_equal(check_days(2026, 11, 23), 20780);
}

static void
test_sources(void **state)
{
	(void)state;
	/* A near miss gets a suggestion, at the ref; one message only. */
	assert_string_equal(messages(HEAD
	    "<drug><p>A.<cite ref=\"lbl\"/></p></drug>\n"
	    "<drug><p>B.<cite ref=\"lab\"/><cite ref=\"zzzzzz\"/></p></drug>\n"
	    SOURCES TAIL),
	    "t.xml:3:18: error: citation 'lbl' names no declared source; "
	    "did you mean 'lab'? [unknown-source]\n"
	    "t.xml:4:35: error: citation 'zzzzzz' names no declared source; "
	    "add <source id=\"zzzzzz\"> to sources or correct the ref "
	    "[unknown-source]\n");
	/* Not a name: the schema's; no sources at all: the schema's. */
	assert_string_equal(messages(HEAD
	    "<drug><p>A.<cite ref=\"lab\"/><cite ref=\"1a\"/></p></drug>\n"
	    SOURCES TAIL), "");
	assert_string_equal(messages(HEAD
	    "<drug><p>A.<cite ref=\"x\"/></p></drug>\n" TAIL), "");
	/* A source nobody cites, even in the disclaimer. */
	assert_string_equal(messages(HEAD
	    "<drug><p>A.<cite ref=\"lab\"/></p></drug>\n"
	    "<sources><source id=\"lab\"/>\n"
	    "<source id=\"spare\"/></sources>\n" TAIL),
	    "t.xml:5:9: error: source 'spare' is never cited; cite it after "
	    "the statements it supports, or remove it [uncited-source]\n");
}

static void
test_statements(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD
	    "<uses><use><condition>No cite needed</condition>\n"
	    "  <p>Used   for\n  spasticity of every kind, and more besides."
	    "</p></use></uses>\n"
	    "<dosing><regimen><start low=\"5\" unit=\"mg\"/></regimen>"
	    "</dosing>\n"
	    "<interactions><interaction><agent>alcohol</agent>\n"
	    "  <effect>Drowsy.<xref to=\"uses\"/></effect></interaction>"
	    "</interactions>\n"
	    "<disclaimer><p>Not advice.<cite ref=\"lab\"/></p></disclaimer>\n"
	    "<section><p>Not a section of the format.</p></section>\n"
	    SOURCES TAIL),
	    "t.xml:4:3: error: statement 'Used for spasticity of every kind, "
	    "and more besi...' in element 'p' cites no source; end it with "
	    "<cite ref=\"ID\"/> naming its source [uncited-statement]\n"
	    "t.xml:6:18: error: element 'start' cites no source; add "
	    "<cite ref=\"ID\"/> naming its source [uncited-statement]\n"
	    "t.xml:8:3: error: statement 'Drowsy.' in element 'effect' cites "
	    "no source; end it with <cite ref=\"ID\"/> naming its source "
	    "[uncited-statement]\n");
}

static void
test_duplicates(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD
	    "<uses><p>Baclofen is used for spasticity.<cite ref=\"lab\"/>"
	    "</p></uses>\n"
	    "<withdrawal><symptom>seizures<cite ref=\"lab\"/></symptom>\n"
	    "<symptom>Seizures<cite ref=\"lab\"/></symptom>\n"
	    "<p>BACLOFEN is used -- for spasticity!<cite ref=\"lab\"/>"
	    "<cite ref=\"lab\"/></p></withdrawal>\n"
	    SOURCES TAIL),
	    "t.xml:6:1: warning: statement 'BACLOFEN is used -- for "
	    "spasticity!' repeats the one on line 3; keep one, or say what "
	    "differs [duplicate-statement]\n");
	/* -W error makes it an error. */
	assert_non_null(strstr(check_xml(HEAD
	    "<uses><p>Baclofen is used for spasticity.<cite ref=\"lab\"/>"
	    "</p>\n<p>Baclofen is used for spasticity.<cite ref=\"lab\"/>"
	    "</p></uses>\n" SOURCES TAIL, 1, 1095, 1),
	    "t.xml:4:1: error: statement"));
}

#define REGIMEN(a, b)	HEAD "<dosing><regimen>\n" a "\n" b \
	"\n</regimen></dosing>\n" TAIL

static void
test_doses(void **state)
{
	(void)state;
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"5\" unit=\"mg\"><cite ref=\"lab\"/></start>",
	    "<maximum low=\"1\" unit=\"mg/kg\"><cite ref=\"lab\"/></maximum>")),
	    "t.xml:5:18: error: unit 'mg/kg' of element 'maximum' is a dose "
	    "per kilogram (mg/kg, mcg/kg), but element 'start' on line 4 "
	    "gives a mass (mg, mcg, g) ('mg'); give every dose of a regimen "
	    "in one family of units [unit-mismatch]\n");
	/* Converted: 0.8 g a week is 114 mg a day, below 5 mg an hour. */
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"5\" unit=\"mg\" per=\"hour\"><cite ref=\"l\"/></start>",
	    "<maximum low=\"0.8\" unit=\"g\" per=\"week\"><cite ref=\"l\"/>"
	    "</maximum>")),
	    "t.xml:5:10: error: maximum dose '0.8 g per week' is below the "
	    "starting dose '5 mg per hour' on line 4 (114.286 mg against "
	    "120 mg a day); correct the figures or their units "
	    "[maximum-below-start]\n");
	/* 2000 mcg a day is not below 2 mg a day. */
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"1\" unit=\"mg\" times=\"2\" per=\"day\"><cite ref=\"l\"/>"
	    "</start>",
	    "<maximum low=\"2000\" unit=\"mcg\" per=\"day\"><cite ref=\"l\"/>"
	    "</maximum>")), "");
	/* A single dose is not compared with a daily amount. */
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"5\" unit=\"mg\" times=\"3\" per=\"day\"><cite ref=\"l\"/>"
	    "</start>",
	    "<maximum low=\"10\" unit=\"mg\"><cite ref=\"l\"/></maximum>")), "");
	/* Backwards ranges; malformed figures are the schema's. */
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"5\" high=\"1\" unit=\"mg\"><cite ref=\"l\"/></start>",
	    "<step from-day=\"9\" to-day=\"2\" low=\"x\" high=\"1\" unit=\"mg\">"
	    "<cite ref=\"l\"/></step>")),
	    "t.xml:4:16: error: range of element 'start' runs backwards: low "
	    "'5' is above high '1'; swap them or correct the figures "
	    "[bad-range]\n"
	    "t.xml:5:20: error: step runs backwards: from-day '9' is after "
	    "to-day '2'; swap them or correct the days [bad-range]\n");
	assert_string_equal(messages(HEAD "<withdrawal>\n"
	    "<onset high=\"2\"><cite ref=\"l\"/></onset></withdrawal>" TAIL),
	    "t.xml:4:8: error: onset gives a time but no unit; add "
	    "unit=\"hour\", \"day\" or another time unit [missing-unit]\n");
}

static void
test_withdrawal(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD
	    "<drug><forms><form route=\"oral\"/>\n"
	    "<form route=\"intrathecal\"/></forms></drug>\n"
	    "<abuse-and-dependence><dependence/></abuse-and-dependence>\n"
	    TAIL),
	    "t.xml:4:7: error: the drug has an intrathecal form but the "
	    "monograph has no withdrawal section; add <withdrawal> with an "
	    "<intrathecal> part saying what abrupt stopping does "
	    "[missing-intrathecal-withdrawal]\n"
	    "t.xml:5:23: error: the monograph describes dependence but has "
	    "no withdrawal section; add <withdrawal> after "
	    "abuse-and-dependence, with its symptoms and how to taper "
	    "[missing-withdrawal]\n");
	assert_string_equal(messages(HEAD
	    "<drug><forms><form route=\"intrathecal\"/></forms></drug>\n"
	    "<withdrawal/>\n" TAIL),
	    "t.xml:4:1: error: the drug has an intrathecal form (line 3) but "
	    "section 'withdrawal' does not say what abrupt stopping of the "
	    "intrathecal route does; add <intrathecal> before <taper> "
	    "[missing-intrathecal-withdrawal]\n");
	assert_string_equal(messages(HEAD
	    "<drug><forms><form route=\"intrathecal\"/></forms></drug>\n"
	    "<abuse-and-dependence><dependence/></abuse-and-dependence>\n"
	    "<withdrawal><intrathecal/></withdrawal>\n" TAIL), "");
}

#define REVIEWED(d)	HEAD "<meta><reviewed>" d "</reviewed></meta>\n" TAIL

static void
test_review(void **state)
{
	(void)state;
	assert_string_equal(messages(REVIEWED("2026-11-24")),
	    "t.xml:3:7: error: review date '2026-11-24' is in the future "
	    "(today is 2026-11-23); give the date the content was last "
	    "checked against its sources [future-review]\n");
	assert_string_equal(messages(REVIEWED("2026-11-23")), "");
	/* 1095 days old is not stale; 1096 is. */
	assert_string_equal(messages(REVIEWED("2023-11-24")), "");
	assert_string_equal(messages(REVIEWED(" 2023-11-23 ")),
	    "t.xml:3:7: warning: review date '2023-11-23' is 1096 days old, "
	    "more than 1095; recheck the content against its sources and "
	    "update the date [stale-review]\n");
	assert_non_null(strstr(check_xml(REVIEWED("2026-11-01"), 1, 10, 0),
	    "'2026-11-01' is 22 days old, more than 10;"));
	/* Malformed: the schema's; no today: nothing. */
	assert_string_equal(messages(REVIEWED("2026-02-30")), "");
	assert_string_equal(messages(REVIEWED("3026-1-01")), "");
	assert_string_equal(check_xml(REVIEWED("3026-01-01"), 0, 0, 0), "");
}

static void
test_interactions(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD "<interactions>\n"
	    "<interaction><agent>Opioids</agent></interaction>\n"
	    "<interaction><agent>alcohol</agent></interaction>\n"
	    "<interaction><agent> OPIOIDS\n</agent></interaction>\n"
	    "<interaction><agent>opioid s</agent></interaction>\n"
	    "</interactions>\n" TAIL),
	    "t.xml:6:14: error: agent 'OPIOIDS' is already listed in the "
	    "interaction on line 4; merge the two interactions "
	    "[duplicate-interaction]\n");
}

static void
test_xref(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD
	    "<uses><p>See <xref to=\"uses\"/>, <xref to=\"nowhere\"/>\n"
	    "and <xref to=\"overdose\"/>.<cite ref=\"lab\"/></p></uses>\n"
	    SOURCES TAIL),
	    "t.xml:4:11: error: cross-reference to section 'overdose', which "
	    "this monograph does not have; add the section or remove the "
	    "xref [dangling-xref]\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stem),
		cmocka_unit_test(test_id_is_stem),
		cmocka_unit_test(test_unique),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_doses),
		cmocka_unit_test(test_withdrawal),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_interactions),
		cmocka_unit_test(test_xref),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
