/*
 * Unit tests for spl.c and import.c: the NAME rule, PLR numbers, the code
 * tables, the depth scan, and monoc import in-process on the invented
 * labels of tests/data/import/ (a refused animal label, a DOCTYPE, a file
 * that is no SPL, and a small label whose monograph must be valid, keep
 * its boxed warning, numbers, links, tables and facts, and warn about
 * what it does not carry over).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glob.h>

#include <libxml/parser.h>

#include "highlights.h"
#include "import.h"
#include "monoc.h"
#include "spl.h"
#include "util.h"

#define D	"tests/data/import/"

static char	 out[] = "/tmp/monoc-test-import-XXXXXX";
static struct capture cap;

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(out) == NULL)
		return -1;
	setenv("MONOC_DATADIR", ".", 1);
	return 0;
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", out);
	return system(cmd) == 0 ? 0 : -1;
}

/* monoc import -o DIR FILE...; its stderr in cap.buf. */
static int
run_in(const char *dir, const char *a, const char *b)
{
	char	*argv[6];
	int	 argc, rc;

	argc = 0;
	argv[argc++] = "import";
	argv[argc++] = "-o";
	argv[argc++] = (char *)dir;
	argv[argc++] = (char *)a;
	if (b != NULL)
		argv[argc++] = (char *)b;
	argv[argc] = NULL;
	capture_free(&cap);
	capture_open(&cap);
	rc = import_main(argc, argv, cap.f);
	capture_close(&cap);
	return rc;
}

/* monoc import -o OUT FILE...; its stderr in cap.buf. */
static int
run(const char *a, const char *b)
{
	return run_in(out, a, b);
}

static int
run_into(const char *dir, const char *a)
{
	return run_in(dir, a, NULL);
}

static void
check_name(const char *generic, const char *want)
{
	char	*n;

	n = spl_name(generic);
	if (want == NULL)
		assert_null(n);
	else {
		assert_non_null(n);
		assert_string_equal(n, want);
	}
	free(n);
}

static void
test_name(void **state)
{
	(void)state;
	check_name("Atorvastatin Calcium", "atorvastatin");
	check_name("atorvastatin calcium trihydrate", "atorvastatin");
	check_name("Oxycodone and Acetaminophen",
	    "oxycodone-and-acetaminophen");
	check_name("Hydrocodone Bitartrate and Acetaminophen",
	    "hydrocodone-and-acetaminophen");
	check_name("AVOBENZONE, OCTOCRYLENE, OXYBENZONE",
	    "avobenzone-and-octocrylene-and-oxybenzone");
	check_name("Sodium Chloride", "sodium-chloride");
	check_name("Potassium Chloride", "potassium-chloride");
	check_name("angiotensin II", "angiotensin-ii");
	check_name("Methylcobalamin 150 mg", "methylcobalamin");
	check_name("valproic acid", "valproic-acid");
	check_name("123", NULL);
	check_name("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee "
	    "ffffffffff gggggggggg", "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-"
	    "dddddddddd-eeeeeeeeee");
	/* Parts of one letter: each adds "-and-" (a heap overflow once). */
	check_name("x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,"
	    "x,x,x", "x-and-x-and-x-and-x-and-x-and-x-and-x-and-x-and-x-and-"
	    "x-and-x");
}

/* 5,000 parts "a/a/.../a": a name of 64 characters at most. */
static void
test_name_parts(void **state)
{
	char	*g, *n;
	int	 i;

	(void)state;
	assert_non_null(g = malloc(2 * 5000));
	for (i = 0; i < 5000; i++)
		memcpy(g + 2 * i, "a/", 2);
	g[2 * 5000 - 1] = '\0';
	assert_non_null(n = spl_name(g));
	assert_true(strlen(n) <= 64);
	assert_int_equal(strncmp(n, "a-and-a-and-", 12), 0);
	free(n);
	free(g);
}

static void
test_number(void **state)
{
	char		 num[16];
	const char	*rest;

	(void)state;
	assert_true(spl_number("5.1 Skeletal Muscle", num, sizeof(num),
	    &rest));
	assert_string_equal(num, "5.1");
	assert_string_equal(rest, "Skeletal Muscle");
	assert_true(spl_number("12 CLINICAL PHARMACOLOGY", num, sizeof(num),
	    &rest));
	assert_string_equal(num, "12");
	assert_true(spl_number("8.1. Pregnancy", num, sizeof(num), &rest));
	assert_string_equal(num, "8.1");
	assert_string_equal(rest, "Pregnancy");
	assert_false(spl_number("WARNINGS", num, sizeof(num), &rest));
	assert_false(spl_number("2007 study", num, sizeof(num), &rest));
	assert_false(spl_number("5mg tablets", num, sizeof(num), &rest));
}

static void
test_tables(void **state)
{
	const char	*rel, *s;
	int		 prim;

	(void)state;
	assert_string_equal(spl_route("ORAL"), "oral");
	assert_string_equal(spl_route("RESPIRATORY (INHALATION)"),
	    "inhalation");
	assert_null(spl_route("INTRA-ARTICULAR"));
	assert_string_equal(spl_form_kind("TABLET, FILM COATED", "oral",
	    &rel), "tablet");
	assert_null(rel);
	assert_string_equal(spl_form_kind("TABLET, EXTENDED RELEASE",
	    "oral", &rel), "tablet");
	assert_string_equal(rel, "extended");
	assert_string_equal(spl_form_kind("SUSPENSION", "oral", &rel),
	    "oral-suspension");
	assert_string_equal(spl_form_kind("INJECTION, SOLUTION",
	    "intravenous", &rel), "injection");
	assert_string_equal(spl_unit("ug"), "mcg");
	assert_null(spl_unit("[hp_C]"));
	assert_string_equal(spl_category("C73584"), "ANDA");
	assert_string_equal(spl_category("C99999"), "other");
	assert_string_equal(spl_schedule("C48675", &s), "schedule-II");
	assert_string_equal(s, "CII");
	assert_null(spl_schedule("C00000", &s));
	assert_int_equal(spl_target("34071-1", &prim), SPL_T_WARNINGS);
	assert_false(prim);
	assert_int_equal(spl_target("43685-7", &prim), SPL_T_WARNINGS);
	assert_true(prim);
	assert_int_equal(spl_target("42229-5", &prim), SPL_T_SECTION);
	assert_true(spl_doc_accepted("34390-5"));
	assert_false(spl_doc_accepted("50577-6"));
	assert_false(spl_doc_accepted("58476-3"));
}

static void
test_depth(void **state)
{
	static const char doc[] = "<?xml version=\"1.0\"?><!-- <a><b> -->"
	    "<a x=\"1>2\"><b/><c><d></d></c></a>";
	char	*deep;
	size_t	 i;

	(void)state;
	assert_int_equal(import_depth(doc, sizeof(doc) - 1), 3);
	deep = malloc(300 * 7);
	assert_non_null(deep);
	for (i = 0; i < 300; i++)
		memcpy(deep + 3 * i, "<l>", 3);
	for (i = 0; i < 300; i++)
		memcpy(deep + 900 + 4 * i, "</l>", 4);
	assert_int_equal(import_depth(deep, 2100), 300);
	free(deep);
}

static void
test_refused(void **state)
{
	int	 rc;

	(void)state;
	rc = run(D "animal.xml", NULL);
	if (rc != 1)
		print_message("%s", cap.buf);
	assert_int_equal(rc, 1);
	assert_non_null(strstr(cap.buf, "animal.xml: error: not a human drug "
	    "label: document type 50577-6 (OTC ANIMAL DRUG LABEL)"));
	assert_non_null(strstr(cap.buf, "imported 0, refused 1"));
	assert_int_equal(run(D "doctype.xml", D "notspl.xml"), 1);
	assert_non_null(strstr(cap.buf, "doctype.xml:2:1: error: DOCTYPE "
	    "declarations are not allowed in labels"));
	assert_non_null(strstr(cap.buf, "notspl.xml: error: not an SPL "
	    "label"));
	assert_null(strstr(cap.buf, "root:"));
	assert_int_equal(run(D "xinclude.xml", NULL), 1);
	assert_non_null(strstr(cap.buf, "XInclude element 'include' is not "
	    "allowed"));
	assert_null(strstr(cap.buf, "root:"));
}

/* The monograph made from tiny.xml, as text (static buffer). */
static const char *
tiny(void)
{
	static char	 path[128];

	assert_int_equal(run(D "tiny.xml", NULL), 0);
	snprintf(path, sizeof(path), "%s/examplamine.xml", out);
	return slurp(path);
}

static void
test_tiny(void **state)
{
	const char	*m;

	(void)state;
	m = tiny();
	assert_non_null(strstr(cap.buf, "imported 1, refused 0, 3 warnings"));
	assert_non_null(strstr(cap.buf, "tiny.xml:41: warning: link to "
	    "'#nowhere' names no section of the label; its text is kept"));
	assert_non_null(strstr(cap.buf, "tiny.xml:58: warning: image "
	    "'picture.jpg' not carried over"));
	assert_non_null(strstr(cap.buf, "package label 'PRINCIPAL DISPLAY "
	    "PANEL' not carried over"));
	assert_non_null(strstr(m, "id=\"examplamine\""));
	assert_non_null(strstr(m, "<generic-name>examplamine hydrochloride"
	    "</generic-name>"));
	assert_non_null(strstr(m, "<ingredient name=\"examplamine "
	    "hydrochloride\" unii=\"ABCDE12345\" basis=\"moiety\">"));
	assert_non_null(strstr(m, "<brand name=\"Examplex\" "
	    "status=\"marketed\">"));
	assert_non_null(strstr(m, "controlled=\"schedule-IV\" "
	    "category=\"NDA\" application=\"NDA000001\""));
	/* ids are made from the titles, readable and stable */
	assert_non_null(strstr(m, "<boxed-warning code=\"34066-1\" "
	    "id=\"warning-test-data\">"));
	assert_non_null(strstr(m, "<form id=\"f-1\" route=\"oral\" "
	    "kind=\"tablet\" status=\"marketed\">"));
	assert_non_null(strstr(m, "<strength amount=\"10\" unit=\"mg\">"));
	assert_non_null(strstr(m, "<none>None.<cite ref=\"label\" "
	    "at=\"4\"/></none>"));
	assert_non_null(strstr(m, "Examplamine is <strong>test data</strong>"
	    " (see <xref ref=\"ragged-tables\">5.1</xref>, nothing). "
	    "Formula"));
	/* no italic full stop, no space around a subscript, the source
	   titled without the Highlights' boilerplate */
	assert_non_null(strstr(m, "Formula C<sub>12</sub>H<sub>17</sub>N "
	    "[see 5.1]."));
	assert_null(strstr(m, "<em>.</em>"));
	assert_non_null(strstr(m, "<title>EXAMPLAMINE tablets (test data)"
	    "</title>"));
	assert_non_null(strstr(m, "<warning id=\"ragged-tables\" "
	    "number=\"5.1\">"));
	assert_non_null(strstr(m, "<title>Ragged Tables</title>"));
	assert_non_null(strstr(m, "<item>First item<cite"));
	assert_non_null(strstr(m, "<td rowspan=\"2\">Tall<fnref "
	    "ref=\"fa\"/></td>"));
	assert_non_null(strstr(m, "<footnote id=\"fa\">A footnote."
	    "</footnote>"));
	assert_non_null(strstr(m, "<section code=\"99999-9\" "
	    "id=\"an-unknown-section\">"));
	assert_non_null(strstr(m, "Kept, never dropped."));
	assert_null(strstr(m, "Label art."));
	assert_non_null(strstr(m, "<spl set-id=\"aaaaaaaa-bbbb-cccc-dddd-"
	    "eeeeeeeeeeee\" version=\"3\" effective=\"2024-01-02\" "
	    "document-id=\"11111111-2222-3333-4444-555555555555\"/>"));
	assert_non_null(strstr(m, "<url>https://dailymed.nlm.nih.gov/"
	    "dailymed/lookup.cfm?setid=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	    "</url>"));
	assert_non_null(strstr(m, "<adverse-effects code=\"34084-4\">\n"
	    "    <none>The label has no Adverse Reactions section."));
}

/* What the last variant()'s import said. */
static char	 said[8192];

/*
 * tiny.xml with its first `from` replaced by `to`, imported into a folder
 * of its own (OUT/NAME/); returns import's exit status, and the
 * monograph made (static buffer, "" when none) in *mono.  The monograph
 * must pass monoc --check.
 */
static int
variant(const char *name, const char *from, const char *to,
    const char **mono)
{
	char		 src[256], dir[256], path[300];
	char		*argv[5];
	glob_t		 g;
	const char	*t, *at;
	FILE		*f;
	int		 rc;

	t = slurp(D "tiny.xml");
	assert_non_null(at = strstr(t, from));
	snprintf(src, sizeof(src), "%s/%s.xml", out, name);
	snprintf(dir, sizeof(dir), "%s/%s", out, name);
	assert_int_equal(mkdir(dir, 0777), 0);
	assert_non_null(f = fopen(src, "w"));
	fwrite(t, 1, at - t, f);
	fputs(to, f);
	fputs(at + strlen(from), f);
	assert_int_equal(fclose(f), 0);
	rc = run_into(dir, src);
	snprintf(said, sizeof(said), "%s", cap.buf != NULL ? cap.buf : "");
	/* the one monograph made, whatever its NAME */
	snprintf(path, sizeof(path), "%s/*.xml", dir);
	if (glob(path, 0, NULL, &g) == 0 && g.gl_pathc == 1)
		snprintf(path, sizeof(path), "%s", g.gl_pathv[0]);
	else
		snprintf(path, sizeof(path), "%s/examplamine.xml", dir);
	globfree(&g);
	if (rc == 0) {
		argv[0] = "monoc";
		argv[1] = "--check";
		argv[2] = "-q";
		argv[3] = path;
		argv[4] = NULL;
		capture_free(&cap);
		capture_open(&cap);
		assert_int_equal(monoc_main(4, argv, cap.f), 0);
		capture_close(&cap);
	}
	*mono = slurp(path);
	return rc;
}

#define TINYROWS "<tr><td>y</td><td>extra</td></tr>"

/*
 * Rows with no cells: an empty row in a body or loose in the table, a
 * row of footnotes only (each a NULL dereference once).  The rows are
 * dropped, the spans over them shortened, the notes kept.
 */
static void
test_empty_rows(void **state)
{
	const char	*m;

	(void)state;
	/* a table whose only row is empty: no table, the text around it */
	assert_int_equal(variant("tr1", "<tbody>", "<tbody><tr/></tbody>"
	    "<tbody><tr/></tbody><tbody>", &m), 0);
	assert_non_null(strstr(m, "<td rowspan=\"2\">Tall"));
	assert_int_equal(variant("tr2", "<table>", "<table><tr/></table>"
	    "<table>", &m), 0);
	assert_non_null(strstr(m, "<td>extra"));
	assert_int_equal(variant("tr3", "<table>", "<table><tbody><tr/>"
	    "</tbody></table><table>", &m), 0);
	assert_int_equal(variant("tr4", "</tbody>", "</tbody><tr/>", &m),
	    0);
	assert_non_null(strstr(m, "<td>extra"));
	/* a row of a footnote only, loose, last, or the table's only one */
	assert_int_equal(variant("fn1", "</tbody>", "</tbody><tr><td>"
	    "<footnote>Loose note.</footnote></td></tr>", &m), 0);
	assert_non_null(strstr(m, ">Loose note.</footnote>"));
	assert_int_equal(variant("fn2", TINYROWS, TINYROWS "<tr><td>"
	    "<footnote>Last note.</footnote></td></tr>", &m), 0);
	assert_non_null(strstr(m, ">Last note.</footnote>"));
	assert_int_equal(variant("fn3", "<table>", "<table><tbody><tr><td>"
	    "<footnote>Lone note.</footnote></td></tr></tbody></table>"
	    "<table>", &m), 0);
	assert_non_null(strstr(m, "<p>Lone note.<cite ref=\"label\" "
	    "at=\"5.1\"/></p>"));
	/* a span over an empty row spans one row less: c stays beside a */
	assert_int_equal(variant("span", TINYROWS, TINYROWS "</tbody></table>"
	    "<table><tbody><tr><td rowspan=\"3\">a</td><td>b</td></tr><tr/>"
	    "<tr><td>c</td></tr><tr><td>d</td><td>e</td></tr>", &m), 0);
	assert_non_null(strstr(m, "<td rowspan=\"2\">a</td>\n"
	    "            <td>b</td>\n          </tr>\n          <tr>\n"
	    "            <td>c</td>\n          </tr>\n          <tr>\n"
	    "            <td>d</td>\n            <td>e"));
}

/* monoc import -r -o DIR FILE; its stderr in cap.buf. */
static int
run_replace(const char *dir, const char *a)
{
	char	*argv[] = { "import", "-r", "-o", (char *)dir, (char *)a,
		    NULL };
	int	 rc;

	capture_free(&cap);
	capture_open(&cap);
	rc = import_main(5, argv, cap.f);
	capture_close(&cap);
	return rc;
}

/*
 * A monograph in the folder is replaced only when it is what the same
 * label makes, but for its review date: an edited one, or one of another
 * label, is kept and the label refused, unless -r.
 */
static void
test_edited(void **state)
{
	char		 dir[256], path[300], msg[400];
	char		*mine;
	FILE		*f;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/edited", out);
	snprintf(path, sizeof(path), "%s/examplamine.xml", dir);
	assert_int_equal(mkdir(dir, 0777), 0);
	setenv("SOURCE_DATE_EPOCH", "1764547200", 1);	/* 2025-12-01 */
	assert_int_equal(run_into(dir, D "tiny.xml"), 0);
	/* the same label on another day: replaced, the new date */
	setenv("SOURCE_DATE_EPOCH", "1767225600", 1);	/* 2026-01-01 */
	assert_int_equal(run_into(dir, D "tiny.xml"), 0);
	assert_non_null(strstr(slurp(path), "<reviewed>2026-01-01<"));
	/* edited: kept, the label refused, the file named */
	assert_non_null(mine = strdup(slurp(path)));
	*strstr(mine, "This box is test data.") = 'W';
	assert_non_null(f = fopen(path, "w"));
	fputs(mine, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(run_into(dir, D "tiny.xml"), 1);
	snprintf(msg, sizeof(msg), ": error: label refused: '%s' is not the "
	    "monograph this label makes", path);
	assert_non_null(strstr(cap.buf, "tiny.xml: error: label refused"));
	assert_non_null(strstr(cap.buf, msg));
	assert_non_null(strstr(cap.buf, "(monoc import -r replaces it) "
	    "[edited]"));
	assert_string_equal(slurp(path), mine);
	/* another label of the drug: the same */
	assert_int_equal(run_into(dir, D "tiny2.xml"), 1);
	assert_non_null(strstr(cap.buf, "tiny2.xml: error: label refused"));
	assert_non_null(strstr(cap.buf, msg));
	assert_string_equal(slurp(path), mine);
	/* -r replaces it on purpose */
	assert_int_equal(run_replace(dir, D "tiny.xml"), 0);
	assert_null(strstr(slurp(path), "Whis box"));
	assert_non_null(strstr(slurp(path), "This box is test data."));
	free(mine);
	unsetenv("SOURCE_DATE_EPOCH");
}

/*
 * No false absence: a boxed warning nested under Warnings is the boxed
 * warning; an uncoded Drug Interactions subsection is pointed to, not
 * denied; the label's own sentences on how to stop are carried over, the
 * warning against stopping abruptly as the summary, and the sections
 * pointed to most specific first (Dosage before a trial).
 */
static void
test_stopping(void **state)
{
	char		 path[128];
	const char	*m;

	(void)state;
	assert_int_equal(run(D "stopping.xml", NULL), 0);
	snprintf(path, sizeof(path), "%s/stopamine.xml", out);
	m = slurp(path);
	assert_null(strstr(m, "The label has no boxed warning"));
	assert_non_null(strstr(m, "<boxed-warning code=\"34066-1\" "
	    "id=\"warning-test-data\">\n    <title>WARNING: TEST DATA"
	    "</title>"));
	assert_null(strstr(m, "The label has no Drug Interactions"));
	assert_non_null(strstr(m, "<interactions code=\"34073-7\">\n"
	    "    <p>The label covers this in: <xref ref=\"drug-interactions\">"
	    "5.2 Drug "
	    "Interactions</xref>."));
	assert_null(strstr(m, "The label has no section on withdrawal"));
	assert_non_null(strstr(m, "<summary>Do not discontinue abruptly."
	    "<cite ref=\"label\" at=\"2.3\"/></summary>\n    <p>When "
	    "stopping, taper the dose over 2 weeks.<cite ref=\"label\" "
	    "at=\"2.3\"/></p>"));
	assert_non_null(strstr(m, "covered in: <xref ref=\"discontinuation"
	    "\">2.3 Discontinuation</xref>; <xref ref=\"clinical-studies\">"
	    "14 CLINICAL STUDIES</xref>."));
	/* the trial's taper of another drug is not carried over */
	assert_null(strstr(m, "<p>In the trial, a corticosteroid taper"
	    "<cite"));
	/* what is not covered is still said */
	assert_non_null(strstr(m, "The label has no Adverse Reactions "
	    "section."));
}

/*
 * The smaller findings: each of these gave an import-bug (exit 2) or a
 * monograph --check refuses, or lost something without a word.
 */
static void
test_odd_labels(void **state)
{
	char		 big[700], doc[720], path[300];
	const char	*m;
	int		 i;

	(void)state;
	/* cuts at 300 (generic name) and 80 bytes (a locator) between the
	   two bytes of an e-acute; a document type name of 601 bytes (cut
	   at 512 once) */
	strcpy(big, "a");
	for (i = 0; i < 300; i++)
		strcat(big, "\xc3\xa9");
	assert_int_equal(variant("u300", "Examplamine Hydrochloride",
	    big, &m), 0);
	assert_non_null(strstr(m, "<generic-name>a\xc3\xa9"));
	assert_int_equal(variant("u80", "5.1 Ragged Tables", big, &m), 0);
	snprintf(doc, sizeof(doc), "%s\"", big);
	assert_int_equal(variant("u512", "HUMAN PRESCRIPTION DRUG LABEL\"",
	    doc, &m), 0);
	assert_non_null(strstr(m, big));
	/* odd set ids and versions: a warning, no <spl>, no URL */
	assert_int_equal(variant("set1", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	    "\"/>", "x y&amp;z\"/>", &m), 0);
	assert_non_null(strstr(said, "warning: set id 'x y&z' is not a "
	    "UUID; the source gets no <spl> and no DailyMed URL"));
	assert_null(strstr(m, "<url>"));
	memset(big, 'a', 300);
	strcpy(big + 300, "\"/>");
	assert_int_equal(variant("set2", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	    "\"/>", big, &m), 0);
	assert_null(strstr(m, "<url>"));
	assert_int_equal(variant("ver", "<versionNumber value=\"3\"/>",
	    "<versionNumber value=\"1.5\"/>", &m), 0);
	assert_non_null(strstr(said, "warning: version '1.5' is not a "
	    "whole number from 1; the source gets no <spl>"));
	/* a third label of the set: NAME-SETID8-vVERSION of letters */
	snprintf(path, sizeof(path), "%s/ver.xml", out);
	assert_int_equal(run_in(out, D "tiny.xml", D "tiny2.xml"), 0);
	assert_int_equal(run_in(out, D "tiny.xml", path), 0);
	/* the generic name "Index": index.html would be the index page */
	assert_int_equal(variant("index", "Examplamine Hydrochloride", "Index",
	    &m), 0);
	snprintf(path, sizeof(path), "%s/index/index-aaaaaaaa.xml", out);
	assert_non_null(strstr(slurp(path), "id=\"index-aaaaaaaa\""));
	/* ids a.b and a-b: one anchor on the page; the second is a-b-2 */
	assert_int_equal(variant("anchor", "<section ID=\"S1\">",
	    "<section ID=\"a.b\"><code code=\"42229-5\"/><title>.</title>"
	    "<text><paragraph>One.</paragraph></text></section></component>"
	    "<component><section ID=\"a-b\"><code code=\"42229-5\"/>"
	    "<title>-</title><text><paragraph>Two.</paragraph></text>"
	    "</section></component><component><section ID=\"S1\">", &m), 0);
	assert_non_null(strstr(m, "id=\"a-b\""));
	assert_non_null(strstr(m, "id=\"a-b-2\""));
	assert_null(strstr(m, "id=\"a.b\""));
	/* another namespace: its words kept, a section under it kept, one
	   warning at the first */
	assert_int_equal(variant("foreign", "This box is test data.",
	    "Do <h:b xmlns:h=\"http://www.w3.org/1999/xhtml\">not</h:b> take "
	    "more than <x:q xmlns:x=\"urn:x\"><x:r>4 g</x:r></x:q> a day.",
	    &m), 0);
	assert_non_null(strstr(m, "Do not take more than 4 g a day."));
	assert_non_null(strstr(said, ": warning: the label holds 3 elements "
	    "of another namespace than SPL's, read as their content; the "
	    "first, 'h:b', in a 'paragraph' of namespace "
	    "'http://www.w3.org/1999/xhtml' [foreign-element]"));
}

/* Two labels of one drug in one run: the second is NAME-SETID8. */
static void
test_two_labels(void **state)
{
	char	 path[128];

	(void)state;
	assert_int_equal(run(D "tiny.xml", D "tiny.xml"), 1);
	assert_non_null(strstr(cap.buf, "imported 1, refused 1"));
	assert_non_null(strstr(cap.buf, "label refused: the same label (set "
	    "id aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee, version 3) is already "
	    "imported in this run as 'examplamine'"));
	assert_int_equal(run(D "tiny.xml", D "tiny2.xml"), 0);
	snprintf(path, sizeof(path), "%s/examplamine-bbbbbbbb.xml", out);
	assert_non_null(strstr(slurp(path), "id=\"examplamine-bbbbbbbb\""));
}


/* The locators of Highlights facts: every number, and where one that
   ends the text begins. */
static void
test_hl_numbers(void **state)
{
	char	 num[8][HL_NUMSZ];
	size_t	 n, cut;
	const char *t = "Take with food ( 2.1 , 2.2 ).";

	(void)state;
	n = hl_numbers(t, num, 8, &cut);
	assert_int_equal(n, 2);
	assert_string_equal(num[0], "2.1");
	assert_string_equal(num[1], "2.2");
	assert_int_equal(cut, strlen("Take with food"));
	n = hl_numbers("Avoid (4) However, use with care. ( 5.5)", num, 8,
	    &cut);
	assert_int_equal(n, 2);
	assert_string_equal(num[1], "5.5");
	n = hl_numbers("serious reactions (5.1 to 5.16), reserve", num, 8,
	    &cut);
	assert_int_equal(n, 2);
	assert_string_equal(num[1], "5.16");
	assert_int_equal(cut, strlen("serious reactions (5.1 to 5.16), "
	    "reserve"));
	/* words in brackets are no locator */
	assert_int_equal(hl_numbers("pain (incidence >= 2%)", num, 8, NULL),
	    0);
	assert_int_equal(hl_numbers("(e.g., 10 mg)", num, 8, NULL), 0);
}

/* Dates of recent major changes, and the section a number is of. */
static void
test_hl_date(void **state)
{
	char	 d[16];
	size_t	 n;

	(void)state;
	assert_true(hl_date("9/2021", &n, d, sizeof(d)));
	assert_string_equal(d, "2021-09");
	assert_int_equal(n, 6);
	assert_true(hl_date("10/2012Dosage", &n, d, sizeof(d)));
	assert_string_equal(d, "2012-10");
	assert_true(hl_date("3/14/2020", &n, d, sizeof(d)));
	assert_string_equal(d, "2020-03-14");
	assert_false(hl_date("13/2021", &n, d, sizeof(d)));
	assert_false(hl_date("5/20", &n, d, sizeof(d)));
	assert_false(hl_date("1/2 tablet", &n, d, sizeof(d)));
	assert_string_equal(hl_plr_element("5.11"), "warnings");
	assert_string_equal(hl_plr_element("2"), "dosing");
	assert_string_equal(hl_plr_element("17.1"), "safe-use");
	assert_null(hl_plr_element("14.2"));
	assert_null(hl_plr_element("x"));
}

static void
check_split(const char *list, size_t want, const char *const *items)
{
	char	*got[HL_MAXITEMS];
	size_t	 n, i;

	n = hl_split(list, strlen(list), got, HL_MAXITEMS);
	assert_int_equal(n, want);
	for (i = 0; i < n; i++) {
		assert_string_equal(got[i], items[i]);
		free(got[i]);
	}
}

/* Lists of adverse reactions and agents, split as the label writes
   them. */
static void
test_hl_split(void **state)
{
	char	*ag[8];
	size_t	 start, len, n;
	const char *t;

	(void)state;
	check_split("insomnia, ejaculation disorder (primarily ejaculatory "
	    "delay), nausea, fatigue and somnolence, and anorgasmia", 5,
	    (const char *const[]){ "insomnia", "ejaculation disorder "
	    "(primarily ejaculatory delay)", "nausea", "fatigue and "
	    "somnolence", "anorgasmia" });
	check_split("infections (e.g. upper respiratory, sinusitis), "
	    "injection site reactions, headache and rash", 4,
	    (const char *const[]){ "infections (e.g. upper respiratory, "
	    "sinusitis)", "injection site reactions", "headache", "rash" });
	/* no comma: one reaction, "and" and all */
	check_split("nausea and vomiting", 1,
	    (const char *const[]){ "nausea and vomiting" });
	t = "The most common adverse reactions (incidence >= 2%) were: "
	    "nasopharyngitis, arthralgia, and diarrhea (6.1).";
	assert_true(hl_common(t, &start, &len));
	assert_int_equal(strncmp(t + start, "nasopharyngitis, arthralgia, "
	    "and diarrhea", len), 0);
	assert_int_equal(len, strlen("nasopharyngitis, arthralgia, and "
	    "diarrhea"));
	t = "The most common adverse reactions >=1% were nausea, rash. (6) "
	    "To report SUSPECTED ADVERSE REACTIONS, contact us.";
	assert_true(hl_common(t, &start, &len));
	assert_int_equal(len, strlen("nausea, rash"));
	t = "Most common adverse reactions (>= 2%) include headache, "
	    "flushing and rash (6.1)";
	assert_true(hl_common(t, &start, &len));
	assert_int_equal(strncmp(t + start, "headache, flushing and rash",
	    len), 0);
	/* a lead-in: its list follows as bullets of their own */
	assert_false(hl_common("Most common adverse events (6.1):", &start,
	    &len));
	n = hl_agents("Abatacept, anakinra: Increased risk of serious "
	    "infection (5.1, 7.2)", &len, ag, 8);
	assert_int_equal(n, 2);
	assert_string_equal(ag[0], "Abatacept");
	assert_string_equal(ag[1], "anakinra");
	assert_int_equal(len, strlen("Abatacept, anakinra"));
	free(ag[0]);
	free(ag[1]);
	/* a sentence before the colon: no agents */
	assert_int_equal(hl_agents("Use caution. Some drugs: see 7", &len,
	    ag, 8), 0);
	assert_string_equal(hl_agent_kind("strong CYP3A4 inhibitors"),
	    "class");
	assert_string_equal(hl_agent_kind("Digoxin"), "drug");
	assert_string_equal(hl_agent_kind("grapefruit juice"), "food");
}

/* Doses read only where the whole bullet states them one way. */
static void
test_hl_dosing(void **state)
{
	struct hl_dosing d;

	(void)state;
	assert_true(hl_dosing("Dose range: 10 to 80 mg once daily (2.1).",
	    &d));
	assert_true(d.has_usual);
	assert_string_equal(d.usual.low, "10");
	assert_string_equal(d.usual.high, "80");
	assert_string_equal(d.usual.unit, "mg");
	assert_string_equal(d.usual.times, "1");
	assert_string_equal(d.usual.per, "day");
	assert_true(hl_dosing("Pediatric starting dose: 10 mg once daily;"
	    " maximum recommended dose: 20 mg once daily (2.2).", &d));
	assert_string_equal(d.start.low, "10");
	assert_true(d.has_max);
	assert_string_equal(d.max.low, "20");
	assert_true(hl_dosing("Initial: 250 mg every 12 hours", &d));
	assert_string_equal(d.start.interval, "12");
	assert_string_equal(d.start.interval_unit, "hour");
	/* "10 or 20 mg" is not a range; a sentence besides: nothing */
	assert_false(hl_dosing("Recommended start dose: 10 or 20 mg once "
	    "daily (2.1).", &d));
	assert_false(hl_dosing("Start at 3.125 mg twice daily and increase "
	    "to 25 mg twice daily (2.1)", &d));
	assert_false(hl_dosing("Recommended dose: 10 mg once daily. Take "
	    "with food.", &d));
	assert_false(hl_dosing("Maximum dose: 10 to 20 mg daily", &d));
	assert_false(hl_dosing("The recommended dose is 1,000 mg daily", &d));
}


/* An invented PLR label whose Highlights give one fact of each kind:
   each becomes its element, in the label's words, cited to the
   Highlights at its locator; what does not read one way stays words. */
static void
test_highlights(void **state)
{
	char		 path[128];
	const char	*m;

	(void)state;
	assert_int_equal(run(D "highlights.xml", NULL), 0);
	snprintf(path, sizeof(path), "%s/hilitamine.xml", out);
	m = slurp(path);
	/* the boxed warning's summary, without heading and boilerplate */
	assert_non_null(strstr(m, "<summary>The box is test data in short "
	    "(<xref ref=\"test-warning\">5.1</xref>).<cite ref=\"label\" "
	    "at=\"Highlights (5.1)\"/></summary>"));
	assert_null(strstr(m, "complete boxed warning"));
	/* a change with its section, number and date; the line without a
	   date stays words */
	assert_non_null(strstr(m, "<change to=\"warnings\" number=\"5.1\" "
	    "date=\"2024-03\">Warnings and Precautions (5.1)<cite"));
	assert_non_null(strstr(m, "<td>Dosage and Administration, Hearsay "
	    "Dosing</td>"));
	assert_null(strstr(m, "RECENT MAJOR CHANGES"));
	/* uses, up to the limitations of use */
	assert_non_null(strstr(m, "<use status=\"approved\" number=\"1.1\">"
	    "\n      <condition>Made-up condition one</condition>"));
	assert_null(strstr(m, "<condition>Limitations"));
	assert_null(strstr(m, "<condition>not for real"));
	/* a limitation is no use, whatever its place */
	assert_null(strstr(m, "<condition>Not for made-up"));
	/* doses where the fact states them one way, else its words */
	assert_non_null(strstr(m, "<start low=\"10\" unit=\"mg\" times=\"1\" "
	    "per=\"day\">"));
	assert_non_null(strstr(m, "<maximum low=\"40\" unit=\"mg\" times=\"1\" "
	    "per=\"day\">"));
	assert_non_null(strstr(m, "<regimen route=\"oral\" population="
	    "\"pediatric\">\n      <p>Pediatric patients: 5 or 10 mg as "
	    "tolerated (2.2).<cite"));
	assert_null(strstr(m, "low=\"5\""));
	/* a dosing table row: its indication and doses */
	assert_non_null(strstr(m, "<indication>Condition one</indication>\n"
	    "      <start low=\"10\" unit=\"mg\" times=\"2\" per=\"day\">"));
	/* contraindications from the Highlights, the full list kept */
	assert_non_null(strstr(m, "<contraindication kind=\"hypersensitivity\""
	    " number=\"4\">Known hypersensitivity to hilitamine (4)<cite "
	    "ref=\"label\" at=\"Highlights (4)\"/></contraindication>"));
	assert_non_null(strstr(m, "<contraindication kind=\"other\" number="
	    "\"4\">Made-up condition three (4)"));
	/* a warning's summary by its locator; an unknown one left alone */
	assert_non_null(strstr(m, "<title>Test Warning</title>\n      "
	    "<summary>Test warning: read the test before use"));
	assert_null(strstr(m, "no such section"));
	/* the most common reactions, the threshold in the fact itself */
	assert_non_null(strstr(m, "<p>Most common adverse reactions "
	    "(incidence \xe2\x89\xa5 5%) are:"));
	assert_non_null(strstr(m, "<effect frequency=\"common\">test fatigue "
	    "(mild and brief)<cite"));
	assert_non_null(strstr(m, "<effect frequency=\"common\">hearsay "
	    "headache<cite"));
	assert_null(strstr(m, "<effect frequency=\"common\">To report"));
	/* interactions: agents before a colon (in bold), a sentence's
	   subject; the drug itself is no agent */
	assert_non_null(strstr(m, "<agent kind=\"drug\">Fictonazole</agent>\n"
	    "      <agent kind=\"class\">strong test inhibitors</agent>\n"
	    "      <effect>Raise hilitamine levels (7.1)<cite"));
	assert_non_null(strstr(m, "<agent kind=\"drug\">Examplamine</agent>\n"
	    "      <effect>Examplamine may lower hilitamine levels (7.2)"));
	assert_null(strstr(m, "<agent kind=\"drug\">Hilitamine"));
	assert_non_null(strstr(m, "<p>Hilitamine can raise the levels of other"
	    " test drugs (7.3)<cite"));
	/* a population's fact at its start */
	assert_non_null(strstr(m, "<population group=\"pregnancy\" number="
	    "\"8.1\" id=\"pregnancy\">\n      <p>Pregnancy: no made-up data "
	    "(8.1)<cite ref=\"label\" at=\"Highlights (8.1)\"/></p>"));
	/* no namespace declared again on copied links */
	assert_null(strstr(m, "<xref xmlns="));
	/* a bold run cut at its superscript: the long parts plain */
	assert_non_null(strstr(m, "<p>This long paragraph in bold is test "
	    "data."));
	assert_non_null(strstr(m, "About 2<sup>1</sup>"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_name_parts),
		cmocka_unit_test(test_hl_numbers),
		cmocka_unit_test(test_hl_date),
		cmocka_unit_test(test_hl_split),
		cmocka_unit_test(test_hl_dosing),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_tiny),
		cmocka_unit_test(test_empty_rows),
		cmocka_unit_test(test_stopping),
		cmocka_unit_test(test_odd_labels),
		cmocka_unit_test(test_highlights),
		cmocka_unit_test(test_two_labels),
		cmocka_unit_test(test_edited),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, setup, teardown);
	capture_free(&cap);
	return rc;
}
