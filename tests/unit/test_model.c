/*
 * Unit tests for model.c: the model built in C must be the tree that
 * xslt/model.xsl builds, node for node, for every monograph and fixture
 * in the tree (tests/data/model/edge.xml is odd input on purpose), and
 * MODEL_SHEETS_HASH must be the hash of the stylesheets it implements.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "model.h"

static const char *const inputs[] = {
	"monographs/*.xml",
	"docs/skeleton.xml",
	"tests/xslt-fixtures/*.xml",
	"tests/schema/valid/*.xml",
	"tests/schema/invalid/*.xml",
	"tests/data/model/*.xml",
	NULL
};

/* The serialised tree of doc's root element (malloc'd). */
static char *
dump(xmlDocPtr doc)
{
	xmlBufferPtr	 b;
	char		*s;

	b = xmlBufferCreate();
	assert_non_null(b);
	xmlNodeDump(b, doc, xmlDocGetRootElement(doc), 0, 0);
	s = strdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	assert_non_null(s);
	return s;
}

/* Report the first difference of two serialised models. */
static void
report(const char *path, const char *x, const char *c)
{
	size_t	 i;

	for (i = 0; x[i] != '\0' && x[i] == c[i]; i++)
		continue;
	fprintf(stderr, "%s: model.c differs from model.xsl at byte %zu:\n"
	    "  model.xsl: %.70s\n  model.c:   %.70s\n", path, i,
	    x + (i > 20 ? i - 20 : 0), c + (i > 20 ? i - 20 : 0));
}

static void
test_parity(void **state)
{
	xsltStylesheetPtr	 style;
	enum model_status	 status;
	xmlDocPtr		 doc, x, c;
	glob_t			 g;
	size_t			 i, j, compared, differ;
	char			*xs, *cs;

	(void)state;
	exsltRegisterAll();
	style = xsltParseStylesheetFile(BAD_CAST "xslt/model.xsl");
	assert_non_null(style);
	compared = differ = 0;
	for (i = 0; inputs[i] != NULL; i++) {
		if (glob(inputs[i], 0, NULL, &g) != 0)
			continue;
		for (j = 0; j < g.gl_pathc; j++) {
			doc = xmlReadFile(g.gl_pathv[j], NULL,
			    XML_PARSE_NONET | XML_PARSE_NOWARNING |
			    XML_PARSE_NOERROR);
			if (doc == NULL)
				continue;
			c = model_build(doc, &status);
			if (c == NULL) {
				/* left to model.xsl: only roots it can't be */
				assert_int_equal(status, MODEL_UNSUPPORTED);
				xmlFreeDoc(doc);
				continue;
			}
			x = xsltApplyStylesheet(style, doc, NULL);
			assert_non_null(x);
			xs = dump(x);
			cs = dump(c);
			if (strcmp(xs, cs) != 0) {
				report(g.gl_pathv[j], xs, cs);
				differ++;
			}
			compared++;
			free(xs);
			free(cs);
			xmlFreeDoc(x);
			xmlFreeDoc(c);
			xmlFreeDoc(doc);
		}
		globfree(&g);
	}
	xsltFreeStylesheet(style);
	fprintf(stderr, "%zu models compared\n", compared);
	assert_true(compared >= 35);
	assert_int_equal(differ, 0);
}

/* Roots model.c does not handle, a monograph inside one, and entity
   references go to XSLT. */
static void
test_unsupported(void **state)
{
	static const char *const docs[] = {
		"<monograph/>",
		"<m:other xmlns:m='urn:monoc:monograph:1'/>",
		"<monograph xmlns='urn:monoc:monograph:1'><uses>"
		"<monograph id='b'/></uses></monograph>",
		"<!DOCTYPE monograph [<!ENTITY e 'x'>]>"
		"<monograph xmlns='urn:monoc:monograph:1'><drug><p>&e;</p>"
		"</drug></monograph>",
		NULL
	};
	enum model_status	 status;
	xmlDocPtr		 doc, c;
	size_t			 i;

	(void)state;
	for (i = 0; docs[i] != NULL; i++) {
		doc = xmlReadMemory(docs[i], strlen(docs[i]), "t.xml", NULL,
		    XML_PARSE_NONET);
		assert_non_null(doc);
		status = MODEL_OK;
		c = model_build(doc, &status);
		assert_null(c);
		assert_int_equal(status, MODEL_UNSUPPORTED);
		xmlFreeDoc(doc);
	}
}

/* An entity reference met while building (no DTD): XSLT's business. */
static void
test_entity_ref(void **state)
{
	static const char src[] =
	    "<monograph xmlns='urn:monoc:monograph:1' id='x'><uses>"
	    "<p>a</p></uses></monograph>";
	enum model_status	 status;
	xmlDocPtr		 doc, c;
	xmlNodePtr		 p;

	(void)state;
	doc = xmlReadMemory(src, sizeof(src) - 1, "t.xml", NULL, 0);
	assert_non_null(doc);
	c = model_build(doc, &status);
	assert_non_null(c);
	assert_int_equal(status, MODEL_OK);
	xmlFreeDoc(c);
	p = xmlDocGetRootElement(doc)->children->children;
	xmlAddChild(p, xmlNewReference(doc, BAD_CAST "&e;"));
	c = model_build(doc, &status);
	assert_null(c);
	assert_int_equal(status, MODEL_UNSUPPORTED);
	xmlFreeDoc(doc);
}

/*
 * model.c is used only while the stylesheets hash to MODEL_SHEETS_HASH.
 * After an edit of xslt/common.xsl or xslt/model.xsl, monoc applies
 * model.xsl (correct, slower) until model.c is brought in step.
 */
static void
test_hash(void **state)
{
	uint64_t	 h;

	(void)state;
	assert_int_equal(model_sheets_hash(".", &h), 0);
	if (h != MODEL_SHEETS_HASH)
		fprintf(stderr, "xslt/model.xsl or xslt/common.xsl changed "
		    "since src/model.c was checked against them: bring "
		    "model.c in step (test_parity), then set "
		    "MODEL_SHEETS_HASH in src/model.h to "
		    "UINT64_C(0x%016" PRIx64 ")\n", h);
	assert_true(h == MODEL_SHEETS_HASH);
	assert_int_equal(model_sheets_hash("/nonexistent", &h), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parity),
		cmocka_unit_test(test_unsupported),
		cmocka_unit_test(test_entity_ref),
		cmocka_unit_test(test_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
