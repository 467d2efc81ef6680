/*
 * Unit tests for check.c: id equals the file stem; ids unique in a run;
 * the rules beyond the schema, on small format 2 documents held in
 * memory; a format 1 file gets one message; references across the
 * monographs of a run (tests/data/check/cross/, tests/formulary/).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
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
	char	*ok[] = { "tests/data/check/ok.xml" };
	char	*bad[] = { "tests/data/check/mismatch.xml" };

	(void)state;
	assert_string_equal(run(ok, 1, 0), "");
	assert_string_equal(run(bad, 1, 0),
	    "tests/data/check/mismatch.xml:3:5: error: monograph id 'other' "
	    "does not match the file name; rename the file to 'other.xml' "
	    "or set id='mismatch' [id-mismatch]\n"
	    "    3 |     id=\"other\" format-version=\"2.0\">\n"
	    "      |     ^\n");
}

static void
test_unique(void **state)
{
	char	*paths[] = { "tests/data/check/ok.xml",
	    "tests/data/check/dup/ok.xml", "tests/data/check/third.xml" };

	(void)state;
	/* The first keeps its id; the later one is reported. */
	assert_string_equal(run(paths, 3, 0), "");
	assert_non_null(strstr(run(paths, 3, 1),
	    "tests/data/check/dup/ok.xml:2:42: error: monograph id 'ok' is "
	    "also used by 'tests/data/check/ok.xml' [duplicate-id]\n"));
	assert_string_equal(run(paths, 3, 2), "");
}

static void
test_format1(void **state)
{
	char	*paths[] = { "tests/data/check/format1.xml" };

	(void)state;
	/* One message, whatever else is wrong. */
	assert_string_equal(run(paths, 1, 0),
	    "tests/data/check/format1.xml:2:1: error: monograph is in format "
	    "1.0, which monoc no longer reads; move it to format 2.0 "
	    "(xmlns=\"urn:monoc:monograph:2\", format-version=\"2.0\") as "
	    "docs/format.md says under \"Moving from format 1\" "
	    "[format-1]\n"
	    "    2 | <monograph xmlns=\"urn:monoc:monograph:1\" id=\"other\" "
	    "format-version=\"1.0\">\n"
	    "      | ^\n");
}

#define HEAD	"<?xml version=\"1.0\"?>\n" \
	"<monograph xmlns=\"urn:monoc:monograph:2\" id=\"t\">\n"
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
	    "<section><p>A general section's statement.</p></section>\n"
	    SOURCES TAIL),
	    "t.xml:4:3: error: statement 'Used for spasticity of every kind, "
	    "and more besi...' in element 'p' cites no source; end it with "
	    "<cite ref=\"ID\"/> naming its source [uncited-statement]\n"
	    "t.xml:6:18: error: element 'start' cites no source; add "
	    "<cite ref=\"ID\"/> naming its source [uncited-statement]\n"
	    "t.xml:8:3: error: statement 'Drowsy.' in element 'effect' cites "
	    "no source; end it with <cite ref=\"ID\"/> naming its source "
	    "[uncited-statement]\n"
	    "t.xml:10:10: error: statement 'A general section's statement.' "
	    "in element 'p' cites no source; end it with <cite ref=\"ID\"/> "
	    "naming its source [uncited-statement]\n");
	/*
	 * A nested list's items are statements of their own; an
	 * interaction's mechanism is one, clinical pharmacology's is not;
	 * a table is one, cited anywhere in it.
	 */
	assert_string_equal(messages(HEAD
	    "<warnings><warning><list><item>Outer.<cite ref=\"lab\"/>\n"
	    "<list><item>Inner.</item></list></item></list></warning>\n"
	    "<table><tbody><tr><td>x</td></tr></tbody></table></warnings>\n"
	    "<interactions><interaction><mechanism kind=\"unknown\">Why."
	    "</mechanism></interaction></interactions>\n"
	    "<clinical-pharmacology><mechanism><p>How.<cite ref=\"lab\"/></p>"
	    "</mechanism></clinical-pharmacology>\n"
	    "<adverse-effects><table><caption>C<cite ref=\"lab\"/></caption>"
	    "</table></adverse-effects>\n"
	    SOURCES TAIL),
	    "t.xml:4:7: error: statement 'Inner.' in element 'item' cites no "
	    "source; end it with <cite ref=\"ID\"/> naming its source "
	    "[uncited-statement]\n"
	    "t.xml:5:1: error: statement 'x' in element 'table' cites no "
	    "source; end it with <cite ref=\"ID\"/> naming its source "
	    "[uncited-statement]\n"
	    "t.xml:6:28: error: statement 'Why.' in element 'mechanism' cites "
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
	/* Every 6 hours is 4 doses a day: 20 mg, above 15 mg a day. */
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"5\" unit=\"mg\" interval=\"6\" interval-unit=\"hour\">"
	    "<cite ref=\"l\"/></start>",
	    "<maximum low=\"15\" unit=\"mg\" per=\"24-hours\"><cite ref=\"l\"/>"
	    "</maximum>\n<maximum low=\"3\" unit=\"dose\" per=\"24-hours\">"
	    "<cite ref=\"l\"/></maximum>")),
	    "t.xml:5:10: error: maximum dose '15 mg per 24-hours' is below the "
	    "starting dose '5 mg every 6 hour' on line 4 (15 mg against 20 mg "
	    "a day); correct the figures or their units "
	    "[maximum-below-start]\n");
	/* One maximum per period; a count of doses beside an amount. */
	assert_string_equal(messages(REGIMEN(
	    "<maximum low=\"20\" unit=\"mg\"><cite ref=\"l\"/></maximum>\n"
	    "<maximum low=\"80\" unit=\"mg\" per=\"day\"><cite ref=\"l\"/>"
	    "</maximum>\n"
	    "<maximum low=\"3\" unit=\"dose\" per=\"day\"><cite ref=\"l\"/>"
	    "</maximum>",
	    "<maximum low=\"25\" unit=\"mg\" per=\"dose\"><cite ref=\"l\"/>"
	    "</maximum>")),
	    "t.xml:7:1: error: regimen already has a maximum per dose on line "
	    "4; a maximum is allowed at most once per period: keep one, or "
	    "give per=\"dose\" for a single-dose cap [duplicate-maximum]\n");
	/* A cap goes with a dose by body size, in a mass. */
	assert_string_equal(messages(REGIMEN(
	    "<start low=\"5\" unit=\"mg\" cap=\"20\" cap-unit=\"mg\">"
	    "<cite ref=\"l\"/></start>", "")),
	    "t.xml:4:26: error: element 'start' gives an absolute cap but its "
	    "dose is not by body size (unit 'mg'); a cap goes with "
	    "unit=\"mg/kg\", \"mcg/kg\" or \"mg/m2\", and a plain cap is a "
	    "<maximum> [bad-cap]\n");
	assert_string_equal(messages(REGIMEN(
	    "<maintenance low=\"1\" unit=\"mg/kg\" cap=\"2\" cap-unit=\"mL\">"
	    "<cite ref=\"l\"/></maintenance>",
	    "<maximum low=\"1\" unit=\"mg/kg\" cap=\"2\"><cite ref=\"l\"/>"
	    "</maximum>")),
	    "t.xml:4:43: error: cap-unit 'mL' of element 'maintenance' is not "
	    "a mass, but its dose 'mg/kg' is a mass per body size; give the "
	    "cap in mg, mcg or g [bad-cap]\n"
	    "t.xml:5:31: error: element 'maximum' gives cap but no cap-unit; "
	    "add cap-unit=\"mg\" (a cap is an absolute amount) "
	    "[missing-unit]\n");
	/* Intervals, placebo rates, ages: ranges and units. */
	assert_string_equal(messages(HEAD
	    "<dosing><regimen min-age=\"12\" max-age=\"6\">\n"
	    "<increase low=\"2\" unit=\"mg\" interval=\"4\" "
	    "interval-high=\"1\"><cite ref=\"l\"/></increase></regimen>"
	    "</dosing>\n"
	    "<adverse-effects><effect low=\"5\" placebo=\"9\" "
	    "placebo-high=\"2\">x<cite ref=\"l\"/></effect></adverse-effects>\n"
	    TAIL),
	    "t.xml:3:31: error: range of element 'regimen' runs backwards: "
	    "min-age '12' is above max-age '6'; swap them or correct the "
	    "figures [bad-range]\n"
	    "t.xml:4:29: error: element 'increase' gives interval but no "
	    "interval-unit; add interval-unit=\"hour\", \"day\" or another "
	    "time unit [missing-unit]\n"
	    "t.xml:4:42: error: range of element 'increase' runs backwards: "
	    "interval '4' is above interval-high '1'; swap them or correct "
	    "the figures [bad-range]\n"
	    "t.xml:5:46: error: range of element 'effect' runs backwards: "
	    "placebo '9' is above placebo-high '2'; swap them or correct the "
	    "figures [bad-range]\n");
}

static void
test_criteria(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD "<populations><population>\n"
	    "<criterion measure=\"crcl\" high=\"30\"/>\n"
	    "<criterion measure=\"egfr\" low=\"30\" unit=\"kg\"/>\n"
	    "<criterion measure=\"weight\"/>\n"
	    "<criterion measure=\"child-pugh\"/>\n"
	    "<criterion measure=\"child-pugh\" class=\"B hemodialysis\"/>\n"
	    "<criterion measure=\"dialysis\" class=\"A\"/>\n"
	    "<criterion measure=\"age\" class=\"A\"/>\n"
	    "<criterion measure=\"crcl\" low=\"15\" high=\"29\" "
	    "unit=\"mL/min\"/>\n"
	    "</population></populations>\n" TAIL),
	    "t.xml:4:12: error: criterion measure='crcl' gives a threshold "
	    "but no unit; add unit=\"mL/min\" [bad-criterion]\n"
	    "t.xml:5:36: error: unit 'kg' does not measure 'egfr'; use "
	    "unit=\"mL/min/1.73 m2\" [bad-criterion]\n"
	    "t.xml:6:1: error: criterion measure='weight' gives no threshold; "
	    "add low= (at or above), high= (below) or both, and unit=\"kg\" "
	    "[bad-criterion]\n"
	    "t.xml:7:1: error: criterion measure='child-pugh' names no class; "
	    "add class=\"A\", \"B\" or \"C\" (several with spaces between) "
	    "[bad-criterion]\n"
	    "t.xml:8:33: error: class 'hemodialysis' does not apply to measure "
	    "'child-pugh'; give class=\"A\", \"B\" or \"C\" (several with "
	    "spaces between) [bad-criterion]\n"
	    "t.xml:9:31: error: class 'A' does not apply to measure "
	    "'dialysis'; give class=\"hemodialysis\", \"peritoneal-dialysis\" "
	    "or \"continuous-renal-replacement\" [bad-criterion]\n"
	    "t.xml:10:26: error: criterion measure='age' takes low, high and "
	    "unit=\"year\" or \"month\", not class [bad-criterion]\n");
}

static void
test_tables(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD "<warnings><table>\n"
	    "<caption>C<cite ref=\"lab\"/></caption>\n"
	    "<thead><tr><th rowspan=\"2\">a</th><th colspan=\"2\">b</th></tr>\n"
	    "<tr><th>c</th><th>d</th></tr></thead>\n"
	    "<tbody><tr><td>1</td><td>2</td><td>3</td></tr>\n"
	    "<tr><td>1</td><td>2</td></tr>\n"
	    "<tr><td rowspan=\"3\">1</td><td>2</td><td>3</td></tr></tbody>\n"
	    "</table></warnings>\n" SOURCES TAIL),
	    "t.xml:8:1: error: table row is 2 columns wide but the table's "
	    "first row (line 5) is 3; check the cells' colspan and rowspan "
	    "[table-shape]\n"
	    "t.xml:9:1: error: a rowspan in column 1 runs past the last row "
	    "of its tbody; shorten it, or add the rows [table-shape]\n");
}

static void
test_withdrawal(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD
	    "<forms><form route=\"oral\"/>\n"
	    "<form route=\"intrathecal\"/></forms>\n"
	    "<contraindications/>\n"
	    "<abuse-and-dependence><dependence/></abuse-and-dependence>\n"
	    TAIL),
	    "t.xml:4:7: error: the drug has an intrathecal form but the "
	    "monograph has no withdrawal section; add <withdrawal> with an "
	    "<abrupt-stop route=\"intrathecal\"> part saying what abrupt "
	    "stopping does [missing-intrathecal-withdrawal]\n"
	    "t.xml:6:23: error: the monograph describes dependence but has "
	    "no withdrawal section; add <withdrawal> after "
	    "abuse-and-dependence, with its symptoms and how to taper "
	    "[missing-withdrawal]\n");
	assert_string_equal(messages(HEAD
	    "<forms><form route=\"intrathecal\"/></forms>\n"
	    "<contraindications/>\n"
	    "<withdrawal><abrupt-stop route=\"oral\"/></withdrawal>\n" TAIL),
	    "t.xml:5:1: error: the drug has an intrathecal form (line 3) but "
	    "section 'withdrawal' does not say what abrupt stopping of the "
	    "intrathecal route does; add <abrupt-stop route=\"intrathecal\"> "
	    "[missing-intrathecal-withdrawal]\n");
	assert_string_equal(messages(HEAD
	    "<forms><form route=\"intrathecal\"/></forms>\n"
	    "<contraindications/>\n"
	    "<abuse-and-dependence><dependence/></abuse-and-dependence>\n"
	    "<withdrawal><abrupt-stop route=\"intrathecal\"/></withdrawal>\n"
	    TAIL), "");
	/* Dependence described, withdrawal "none": a warning. */
	assert_string_equal(messages(HEAD
	    "<abuse-and-dependence><dependence/></abuse-and-dependence>\n"
	    "<withdrawal><none>None.<cite ref=\"lab\"/></none></withdrawal>\n"
	    SOURCES TAIL),
	    "t.xml:4:13: warning: the monograph describes dependence (line 3) "
	    "but withdrawal says the sources describe none; describe the "
	    "withdrawal they give, or say in a <disagreement> why there is "
	    "none [missing-withdrawal]\n");
	/* One taper per route. */
	assert_string_equal(messages(HEAD "<withdrawal>\n"
	    "<taper route=\"oral\"><p>A.<cite ref=\"lab\"/></p></taper>\n"
	    "<taper route=\"intrathecal\"><p>B.<cite ref=\"lab\"/></p></taper>\n"
	    "<taper><p>C.<cite ref=\"lab\"/></p></taper>\n"
	    "</withdrawal>\n" SOURCES TAIL),
	    "t.xml:6:1: error: withdrawal already has a taper for route "
	    "'oral' on line 4; taper is allowed at most once per route: merge "
	    "them, or give each its route [duplicate-taper]\n");
}

static void
test_none(void **state)
{
	(void)state;
	/* "No boxed warning" beside a boxed warning for the same route. */
	assert_string_equal(messages(HEAD
	    "<boxed-warning route=\"oral\"><none>None.<cite ref=\"lab\"/>"
	    "</none></boxed-warning>\n"
	    "<boxed-warning route=\"intrathecal\"><title>T</title>"
	    "<p>A.<cite ref=\"lab\"/></p></boxed-warning>\n"
	    "<boxed-warning><title>T</title>"
	    "<p>B.<cite ref=\"lab\"/></p></boxed-warning>\n"
	    SOURCES TAIL),
	    "t.xml:5:1: error: boxed warning for route 'any' contradicts the "
	    "one on line 3 (route 'oral'): one of them says there is none; "
	    "give each a route the other does not cover, or remove the "
	    "<none> [contradicting-none]\n");
	/* A none is a statement: it cites what was checked. */
	assert_string_equal(messages(HEAD
	    "<interactions><none>The sources describe none.</none>"
	    "</interactions>\n" TAIL),
	    "t.xml:3:15: error: statement 'The sources describe none.' in "
	    "element 'none' cites no source; end it with <cite ref=\"ID\"/> "
	    "naming its source [uncited-statement]\n");
	/* No contraindications section: a hint, at forms. */
	assert_string_equal(messages(HEAD "<forms/>\n" TAIL),
	    "t.xml:3:1: warning: the monograph has no contraindications "
	    "section; add <contraindications code=\"34070-3\"> after forms "
	    "with the label's contraindications, or <none> cited to the "
	    "label if it lists none [missing-contraindications]\n");
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
	/* What xs:date lets through that is no plain day: an error. */
	assert_string_equal(messages(REVIEWED("-2024-01-01")),
	    "t.xml:3:7: error: review date '-2024-01-01' is not a day "
	    "written YYYY-MM-DD (a year of four digits, no time zone); give "
	    "the date the content was last checked against its sources "
	    "[future-review]\n");
	assert_non_null(strstr(messages(REVIEWED("12024-01-01")),
	    "error: review date '12024-01-01' is not a day written "
	    "YYYY-MM-DD"));
	assert_non_null(strstr(messages(REVIEWED("2024-01-01Z")),
	    "error: review date '2024-01-01Z' is not a day"));
	assert_non_null(strstr(messages(REVIEWED("2024-01-01+02:00")),
	    "error: review date '2024-01-01+02:00' is not a day"));
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
test_forms(void **state)
{
	(void)state;
	assert_string_equal(messages(HEAD
	    "<drug><ingredient name=\"Oxycodone Hydrochloride\">"
	    "<cite ref=\"lab\"/></ingredient></drug>\n"
	    "<dosing><regimen route=\"oral\" form=\"f-inj\"/>\n"
	    "<regimen route=\"intravenous\" form=\"f-inj\"/></dosing>\n"
	    "<forms><form id=\"f-inj\" route=\"intravenous\">\n"
	    "<strength ingredient=\"oxycodone hydrochloride\">"
	    "<cite ref=\"lab\"/></strength>\n"
	    "<strength ingredient=\"acetaminophen\"><cite ref=\"lab\"/>"
	    "</strength></form></forms>\n"
	    "<contraindications/>\n" SOURCES TAIL),
	    "t.xml:4:18: error: regimen for form 'f-inj' gives route 'oral', "
	    "but the form (line 6) is intravenous; give the form's route or "
	    "another form [form-route-mismatch]\n"
	    "t.xml:8:11: error: strength names ingredient 'acetaminophen', "
	    "which drug lists no <ingredient name=\"acetaminophen\"> for; add "
	    "it, or correct the name [unknown-ingredient]\n");
	assert_string_equal(messages(HEAD
	    "<drug><generic-name>x</generic-name></drug>\n" TAIL),
	    "t.xml:3:7: warning: drug names no drug-class; add <drug-class> "
	    "after generic-name with the class the sources give (the index "
	    "page groups monographs by their first class) "
	    "[missing-drug-class]\n");
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
	assert_string_equal(messages(HEAD
	    "<warnings><warning id=\"w-seizures\"><title>T</title>\n"
	    "<p>See <xref ref=\"w-seizures\"/>,\n"
	    "<xref ref=\"w-seizure\"/>,\n"
	    "<xref ref=\"nothing-like-it\"/>,\n"
	    "<xref/>,\n"
	    "<xref to=\"warnings\" ref=\"w-seizures\"/>,\n"
	    "<xref ref=\"lab\"/>.<cite ref=\"lab\"/></p>"
	    "</warning></warnings>\n" SOURCES TAIL),
	    "t.xml:5:7: error: cross-reference to id 'w-seizure', which no "
	    "element of this monograph has; did you mean 'w-seizures'? "
	    "[dangling-xref]\n"
	    "t.xml:6:7: error: cross-reference to id 'nothing-like-it', which "
	    "no element of this monograph has; give the element it means "
	    "id=\"nothing-like-it\", or correct the ref [dangling-xref]\n"
	    "t.xml:7:1: error: cross-reference names no target; add "
	    "to=\"SECTION\" (a section's element name) or ref=\"ID\" (an "
	    "element's id) [dangling-xref]\n"
	    "t.xml:8:21: error: cross-reference has both to='warnings' and "
	    "ref='w-seizures'; keep one [dangling-xref]\n"
	    "t.xml:9:7: error: cross-reference to id 'lab', which no element "
	    "of this monograph has; give the element it means id=\"lab\", or "
	    "correct the ref [dangling-xref]\n");
}

/* The whole of path in a malloc'd buffer, NUL-terminated. */
static char *
read_all(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	long	 sz;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	buf = NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (sz = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)sz + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)sz, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

/*
 * Check input i of paths[] with check_run() over all of them first, then
 * check_cross(); return what diag printed for input i (static buffer).
 */
static const char *
run_cross(char **paths, size_t n, size_t i)
{
	static char		 out[8192];
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df[8];
	struct check		*ck;
	xmlDocPtr		 doc;
	char			*buf;
	size_t			 k, len = 0;

	assert_true(n <= 8);
	capture_open(&c);
	d = diag_new(c.f, 0);
	ck = check_new(paths, n);
	for (k = 0; k < n; k++) {
		/* Parsed here, not by load_file(): only the rules run. */
		df[k] = diag_file_new(d, paths[k]);
		buf = read_all(paths[k], &len);
		assert_non_null(buf);
		diag_file_set_source(df[k], buf, len);
		doc = xmlReadMemory(buf, (int)len, paths[k], NULL,
		    XML_PARSE_NONET | XML_PARSE_BIG_LINES);
		assert_non_null(doc);
		check_run(ck, doc, k, df[k]);
		xmlFreeDoc(doc);
	}
	for (k = 0; k < n; k++)
		check_cross(ck, k, df[k]);
	diag_flush(d, df[i]);
	for (k = 0; k < n; k++)
		diag_file_free(df[k]);
	check_free(ck);
	diag_free(d);
	snprintf(out, sizeof(out), "%s", capture_close(&c));
	capture_free(&c);
	return out;
}

/* Only the message lines of out (no source lines, no carets). */
static const char *
only_messages(const char *out)
{
	static char	 buf[8192];
	const char	*p, *nl;
	size_t		 len;

	len = 0;
	for (p = out; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		if (*p != ' ' &&
		    len + (nl - p) + 2 < sizeof(buf)) {
			memcpy(buf + len, p, nl - p + 1);
			len += nl - p + 1;
		}
	buf[len] = '\0';
	return buf;
}

static void
test_cross(void **state)
{
	char	*set[] = { "tests/data/check/cross/alpha.xml",
	    "tests/data/check/cross/beta.xml",
	    "tests/data/check/cross/delta.xml" };
	char	*formulary[] = { "tests/formulary/fictozine.xml",
	    "tests/formulary/imaginol.xml" };
	char	*alone[] = { "tests/formulary/fictozine.xml" };

	(void)state;
	assert_string_equal(only_messages(run_cross(set, 3, 0)),
	    "tests/data/check/cross/alpha.xml:5:14: error: reference to "
	    "monograph 'gamma' names no monograph given to this run or "
	    "beside this file; add gamma.xml, or remove the ref "
	    "[unknown-monograph]\n"
	    "tests/data/check/cross/alpha.xml:6:14: error: reference to "
	    "monograph 'alpah' names no monograph given to this run or "
	    "beside this file; add alpah.xml, or remove the ref "
	    "[unknown-monograph]\n"
	    "tests/data/check/cross/alpha.xml:9:25: warning: interaction with "
	    "'beta' is not listed back: 'tests/data/check/cross/beta.xml' has "
	    "no interaction naming 'alpha'; add one there "
	    "(<agent ref=\"alpha\">), or remove the ref "
	    "[one-way-interaction]\n"
	    "tests/data/check/cross/alpha.xml:12:41: error: reference to "
	    "monograph 'alpha' names this monograph itself; name another "
	    "one, or remove the ref [unknown-monograph]\n");
	/* Named as a monograph of the run, but not linked: a warning. */
	assert_string_equal(only_messages(run_cross(set, 3, 1)),
	    "tests/data/check/cross/beta.xml:5:18: warning: agent 'alpha' is "
	    "a monograph of this run but is not linked; add ref=\"alpha\" "
	    "[unlinked-monograph]\n");
	assert_string_equal(run_cross(set, 3, 2), "");
	/* The two test monographs name each other both ways: silent. */
	assert_string_equal(run_cross(formulary, 2, 0), "");
	assert_string_equal(run_cross(formulary, 2, 1), "");
	/*
	 * Alone, fictozine names imaginol, which the run does not have but
	 * which is beside it (tests/formulary/imaginol.xml): known, so
	 * silent.  A name with no file beside it is gamma above.
	 */
	assert_string_equal(run_cross(alone, 1, 0), "");
}

/*
 * Every monograph of monographs/ (whatever it holds: make check must pass
 * with any valid set) passes every rule with no error; warnings are
 * allowed.  The skeleton is tests/diag/good.xml, and the
 * missing-contraindications hint has its case there too.
 */
static void
test_monographs(void **state)
{
	glob_t		 g;
	char		*path[1];
	const char	*out;
	size_t		 i;

	(void)state;
	if (glob("monographs/*.xml", 0, NULL, &g) != 0)
		return;
	for (i = 0; i < g.gl_pathc; i++) {
		path[0] = g.gl_pathv[i];
		out = only_messages(run_cross(path, 1, 0));
		if (strstr(out, "error:") != NULL)
			fprintf(stderr, "%s", out);
		assert_null(strstr(out, "error:"));
	}
	globfree(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stem),
		cmocka_unit_test(test_id_is_stem),
		cmocka_unit_test(test_unique),
		cmocka_unit_test(test_format1),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_doses),
		cmocka_unit_test(test_criteria),
		cmocka_unit_test(test_withdrawal),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_interactions),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_xref),
		cmocka_unit_test(test_cross),
		cmocka_unit_test(test_monographs),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
