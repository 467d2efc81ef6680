/*
 * Unit tests for table.c: spans as written, rows laid on the grid (a
 * cell at the first column no cell above covers), rowspans cut at the
 * end of their group, rows padded, the limits, and the slots the memory
 * budget counts.
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

#include "table.h"

static xmlDocPtr
parse(const char *xml)
{
	xmlDocPtr	 doc;

	doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	assert_non_null(doc);
	return doc;
}

/* The span name of the first cell of xml (a td). */
static int
span_of(const char *xml, const char *name)
{
	xmlDocPtr	 doc;
	int		 v;

	doc = parse(xml);
	v = table_span(xmlDocGetRootElement(doc), name);
	xmlFreeDoc(doc);
	return v;
}

static void
test_span(void **state)
{
	(void)state;
	assert_int_equal(span_of("<td/>", "colspan"), 1);
	assert_int_equal(span_of("<td colspan='3'/>", "colspan"), 3);
	assert_int_equal(span_of("<td colspan=' +3 '/>", "colspan"), 3);
	assert_int_equal(span_of("<td colspan='0'/>", "colspan"), 1);
	assert_int_equal(span_of("<td colspan='3x'/>", "colspan"), 1);
	assert_int_equal(span_of("<td colspan=''/>", "colspan"), 1);
	assert_int_equal(span_of("<td colspan='-2'/>", "colspan"), 1);
	assert_int_equal(span_of("<td rowspan='100000'/>", "rowspan"),
	    100000);
	assert_int_equal(span_of("<td rowspan='99999999999999999'/>",
	    "rowspan"), 2147483647);
}

/*
 * Lay the rows of the group xml (cut or not); the widths of its rows,
 * "W W W", and the column a rowspan past its end is in.
 */
static void
lay(const char *xml, int cut, const char *want, int past, const char *out)
{
	struct table_occ o;
	xmlDocPtr	 doc;
	xmlNodePtr	 g, tr;
	xmlChar		*s;
	char		 got[256];
	size_t		 left, len;
	int		 size;

	doc = parse(xml);
	g = xmlDocGetRootElement(doc);
	left = 0;
	for (tr = g->children; tr != NULL; tr = tr->next)
		left++;
	table_occ_start(&o);
	len = 0;
	*got = '\0';
	for (tr = g->children; tr != NULL; tr = tr->next) {
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%d",
		    len > 0 ? " " : "", table_occ_row(&o, tr, --left, cut));
		table_occ_next(&o);
	}
	assert_string_equal(got, want);
	assert_int_equal(table_occ_past(&o), past);
	if (out != NULL) {
		xmlDocDumpMemory(doc, &s, &size);
		assert_non_null(strstr((char *)s, out));
		xmlFree(s);
	}
	xmlFreeDoc(doc);
}

static void
test_rows(void **state)
{
	(void)state;
	/* a rowspan covers the first column of the row below */
	lay("<g><tr><td rowspan='2'/><td/></tr><tr><td/></tr></g>", 0,
	    "2 2", 0, NULL);
	/* a short row, a wide row */
	lay("<g><tr><td/><td/></tr><tr><td/></tr><tr><td colspan='3'/>"
	    "</tr></g>", 0, "2 1 3", 0, NULL);
	/* past the group: found uncut, cut when asked */
	lay("<g><tr><td/><td rowspan='3'/></tr><tr><td/></tr></g>", 0,
	    "2 2", 2, NULL);
	lay("<g><tr><td/><td rowspan='3'/></tr><tr><td/></tr></g>", 1,
	    "2 2", 0, "<td rowspan=\"2\"/>");
	/* a rowspan of one row left is none */
	lay("<g><tr><td rowspan='5'/></tr></g>", 1, "1", 0,
	    "<g><tr><td/></tr></g>");
	/* spans past the limits are counted, and cut, at the limit */
	lay("<g><tr><td colspan='100000'/></tr></g>", 1, "256", 0,
	    "colspan=\"256\"");
	lay("<g><tr><td colspan='200'/><td colspan='200'/></tr></g>", 0,
	    "256", 0, NULL);
}

/* Padding adds cells at the free columns, after those covered. */
static void
test_pad(void **state)
{
	struct table_occ o;
	xmlDocPtr	 doc;
	xmlNodePtr	 g, tr;

	(void)state;
	doc = parse("<g><tr><td rowspan='2' colspan='2'/><td/></tr>"
	    "<tr/></g>");
	g = xmlDocGetRootElement(doc);
	tr = g->children;
	table_occ_start(&o);
	assert_int_equal(table_occ_row(&o, tr, 1, 1), 3);
	table_occ_next(&o);
	assert_int_equal(table_occ_row(&o, tr->next, 0, 1), 2);
	assert_int_equal(table_occ_pad(&o), 3);
	assert_int_equal(o.over, 0);
	xmlFreeDoc(doc);
}

static void
test_over(void **state)
{
	struct table_occ o;
	xmlDocPtr	 doc;

	(void)state;
	doc = parse("<tr><td colspan='200'/><td colspan='57'/></tr>");
	table_occ_start(&o);
	assert_int_equal(table_occ_row(&o, xmlDocGetRootElement(doc), 0, 0),
	    TABLE_MAXCOLS);
	assert_int_equal(o.over, 1);
	xmlFreeDoc(doc);
}

/* Slots: each table's rows times its widest row, spans counted. */
static void
test_slots(void **state)
{
	xmlDocPtr	 doc;

	(void)state;
	doc = parse("<m><p/><table><thead><tr><th/><th/><th/></tr></thead>"
	    "<tbody><tr><td colspan='3'/></tr><tr><td/></tr></tbody></table>"
	    "<s><table><tbody><tr><td colspan='100000'/></tr></tbody>"
	    "</table></s></m>");
	assert_int_equal(table_slots(xmlDocGetRootElement(doc)),
	    3 * 3 + 1 * TABLE_MAXCOLS);
	xmlFreeDoc(doc);
	doc = parse("<m/>");
	assert_int_equal(table_slots(xmlDocGetRootElement(doc)), 0);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_over),
		cmocka_unit_test(test_slots),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
