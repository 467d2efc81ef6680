/*
 * Unit tests for grid.c: the grid of small model tables (spans that
 * cover rows, short rows, columns that are always spanned), the longest
 * word of a cell and the column widths, against results worked out by
 * hand from the specifications above common.xsl's templates table-grid,
 * table-layout, cell-word and table-widths.  That grid.c gives the same
 * bytes as those templates on whole monographs is checked by
 * tests/ext-parity.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "grid.h"

/* The first element of the model fragment xml (a table). */
static xmlDocPtr
parse(const char *xml)
{
	xmlDocPtr	 doc;

	doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	assert_non_null(doc);
	return doc;
}

/*
 * The grid as text: a row a line, "kind:" then each slot as COL+SPAN,
 * "ri.ci" for a cell, "^" when covered from above, "-" when empty; a
 * row a cell above reaches into ends with " cont".
 */
static void
grid_is(const char *xml, int max, int n, const char *want)
{
	struct grid	 g;
	xmlDocPtr	 doc;
	char		 got[1024];
	size_t		 r, i, len;
	const struct grid_slot *s;

	doc = parse(xml);
	assert_int_equal(grid_layout(xmlDocGetRootElement(doc), max, &g), 0);
	assert_int_equal(g.n, n);
	len = 0;
	*got = '\0';
	for (r = 0; r < g.nrows; r++) {
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s:",
		    (const char *)g.rows[r].row->name);
		s = &g.slots[g.rows[r].first];
		for (i = 0; i < g.rows[r].nslots; i++, s++)
			if (s->cell == NULL)
				len += (size_t)snprintf(got + len,
				    sizeof(got) - len, " %d+%d-", s->col,
				    s->span);
			else
				len += (size_t)snprintf(got + len,
				    sizeof(got) - len, " %d+%d%s%d.%d",
				    s->col, s->span, s->cov ? "^" : "=",
				    s->ri, s->ci);
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s\n",
		    g.rows[r].cont ? " cont" : "");
	}
	assert_string_equal(got, want);
	grid_free(&g);
	xmlFreeDoc(doc);
}

static void
test_grid(void **state)
{
	(void)state;
	/* square */
	grid_is("<table><head><cell>a</cell><cell>b</cell></head>"
	    "<row><cell>1</cell><cell>2</cell></row></table>", 6, 2,
	    "head: 1+1=1.1 2+1=1.2\n"
	    "row: 1+1=2.1 2+1=2.2\n");
	/* a short row gets an empty slot; a head row need not exist */
	grid_is("<table><row><cell>1</cell><cell>2</cell><cell>3</cell>"
	    "</row><row><cell>4</cell></row></table>", 6, 3,
	    "row: 1+1=1.1 2+1=1.2 3+1=1.3\n"
	    "row: 1+1=2.1 2+1- 3+1-\n");
	/* a cell two rows tall covers the column below it */
	grid_is("<table><head><cell rowspan=\"2\">g</cell>"
	    "<cell colspan=\"2\">v</cell></head>"
	    "<head><cell>x</cell><cell>y</cell></head>"
	    "<row><cell>1</cell><cell>2</cell><cell>3</cell></row>"
	    "</table>", 6, 3,
	    "head: 1+1=1.1 2+2=1.2\n"
	    "head: 1+1^1.1 2+1=2.1 3+1=2.2 cont\n"
	    "row: 1+1=3.1 2+1=3.2 3+1=3.3\n");
	/* column 3 always spanned with 2: merged into it ... */
	grid_is("<table><row><cell>a</cell><cell colspan=\"2\">b</cell>"
	    "</row><row><cell>c</cell><cell colspan=\"2\">d</cell></row>"
	    "</table>", 6, 2,
	    "row: 1+1=1.1 2+1=1.2\n"
	    "row: 1+1=2.1 2+1=2.2\n");
	/* ... except in a table too wide for a grid (or raw: max -1) */
	grid_is("<table><row><cell>a</cell><cell colspan=\"2\">b</cell>"
	    "</row></table>", -1, 3,
	    "row: 1+1=1.1 2+2=1.2\n");
	/* a rowspan past the last row is cut, a table of no rows empty */
	grid_is("<table><row><cell rowspan=\"9\">a</cell><cell>b</cell>"
	    "</row><row><cell>c</cell></row></table>", 6, 2,
	    "row: 1+1=1.1 2+1=1.2\n"
	    "row: 1+1^1.1 2+1=2.1 cont\n");
	grid_is("<table/>", 6, 0, "");
}

/* grid_merge_columns() on xml, then the colspans of its cells in order. */
static void
merged_is(const char *xml, const char *want)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 r, c;
	xmlChar		*v;
	char		 got[256];
	size_t		 len;

	doc = parse(xml);
	assert_int_equal(grid_merge_columns(xmlDocGetRootElement(doc)), 0);
	len = 0;
	*got = '\0';
	for (r = xmlDocGetRootElement(doc)->children; r != NULL; r = r->next)
		for (c = r->children; c != NULL; c = c->next) {
			v = xmlGetProp(c, BAD_CAST "colspan");
			len += (size_t)snprintf(got + len, sizeof(got) - len,
			    "%s%s", len > 0 ? " " : "", v != NULL ?
			    (char *)v : "1");
			xmlFree(v);
		}
	assert_string_equal(got, want);
	xmlFreeDoc(doc);
}

static void
test_merge(void **state)
{
	(void)state;
	/* nothing to merge */
	merged_is("<table><row><cell>a</cell><cell>b</cell></row></table>",
	    "1 1");
	/* columns 3 and 5..6 are always spanned: 6 columns become 3 */
	merged_is("<table><row><cell colspan=\"6\">t</cell></row>"
	    "<row><cell>a</cell><cell colspan=\"2\">b</cell>"
	    "<cell colspan=\"3\">c</cell></row></table>", "3 1 1 1");
	/* column 3 only covered from above (a cell two rows tall) */
	merged_is("<table><row><cell>a</cell><cell colspan=\"2\" "
	    "rowspan=\"2\">b</cell><cell>c</cell></row>"
	    "<row><cell>d</cell><cell>e</cell></row></table>",
	    "1 1 1 1 1");
	/* where only a short row's empty slot starts: merged too */
	merged_is("<table><row><cell colspan=\"2\">a</cell></row>"
	    "<row><cell>b</cell></row></table>", "1 1");
}

static void
word_is(const char *xml, const char *breaks, long want)
{
	xmlDocPtr	 doc;

	doc = parse(xml);
	assert_int_equal(grid_cell_word(xmlDocGetRootElement(doc), breaks),
	    want);
	xmlFreeDoc(doc);
}

static void
test_cell_word(void **state)
{
	(void)state;
	word_is("<cell>a bb  ccc</cell>", "", 3);
	/* characters, not bytes */
	word_is("<cell>\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 x</cell>", "", 4);
	/* text breaks after the break characters: pieces and one more */
	word_is("<cell>mg/kg/day</cell>", "/?&=-", 4);
	word_is("<cell>mg/kg/day</cell>", "", 9);
	/* a citation group joined to the word before it, a locator's words */
	word_is("<cell>see<cites><c n=\"12\"/></cites></cell>", "", 8);
	/* "Section" and one more; the group after a space: 3 and "1" */
	word_is("<cell>see <cites><c n=\"1\" at=\"Section 5.1.2\"/></cites>"
	    "</cell>", "", 8);
	/* a footnote mark three more, a superscript one more */
	word_is("<cell>abcd<fnref/></cell>", "", 7);
	word_is("<cell>10<sup>3</sup></cell>", "", 4);
}

static void
widths_is(int n, const long *nat, const long *word, double avail,
    double least, const char *want)
{
	char	*got;

	got = grid_widths(n, nat, word, avail, least);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_widths(void **state)
{
	static const long nat2[] = { 10, 30 }, word2[] = { 5, 8 };
	static const long natw[] = { 10, 60 }, wordw[] = { 20, 8 };
	static const long natx[] = { 40, 40 }, wordx[] = { 40, 40 };

	(void)state;
	/* in proportion to the longest cells: 8 + 60 * 10/40, 8 + 60 * 30/40 */
	widths_is(2, nat2, word2, 76, 8, "23 53 ");
	/* the first column would be narrower than its word: each gets its
	   word, the rest in proportion to what it lacks */
	widths_is(2, natw, wordw, 76, 8, "20 56 ");
	/* the words do not fit side by side */
	widths_is(2, natx, wordx, 76, 8, "list");
	widths_is(0, NULL, NULL, 76, 8, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_cell_word),
		cmocka_unit_test(test_widths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
