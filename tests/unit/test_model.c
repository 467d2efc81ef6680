/*
 * Unit tests for the document model (src/model*.c): the model of every
 * monograph and fixture in the tree (valid or not:
 * tests/data/model/edge.xml is odd input on purpose) is a tree that
 * schema/model.xsd accepts, citations and back links are numbered as the
 * schema says, and documents that are not monographs are refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "model.h"

static struct words	*words;	/* xslt/words.xml */
static char		 err[256];

static const char *const inputs[] = {
	"monographs/*.xml",
	"docs/skeleton.xml",
	"tests/xslt-fixtures/*.xml",
	"tests/schema/valid/*.xml",
	"tests/schema/invalid/*.xml",
	"tests/data/model/*.xml",
	"tests/formulary/*.xml",
	"tests/diag/*.xml",
	NULL
};

/* Drop a validation error: inputs that monograph.xsd refuses are many. */
static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/*
 * The model of every monograph that monograph.xsd accepts is valid
 * against schema/model.xsd; of any other (monoc renders none) it need
 * only be built or refused.
 */
static void
test_schema(void **state)
{
	xmlSchemaParserCtxtPtr	 pctx;
	xmlSchemaValidCtxtPtr	 vctx;
	xmlSchemaPtr		 schema, mschema;
	xmlSchemaValidCtxtPtr	 mvctx;
	enum model_status	 status;
	xmlDocPtr		 doc, c;
	glob_t			 g;
	size_t			 i, j, checked, invalid;

	(void)state;
	pctx = xmlSchemaNewParserCtxt("schema/model.xsd");
	assert_non_null(pctx);
	schema = xmlSchemaParse(pctx);
	xmlSchemaFreeParserCtxt(pctx);
	assert_non_null(schema);
	vctx = xmlSchemaNewValidCtxt(schema);
	assert_non_null(vctx);
	pctx = xmlSchemaNewParserCtxt("schema/monograph.xsd");
	assert_non_null(pctx);
	mschema = xmlSchemaParse(pctx);
	xmlSchemaFreeParserCtxt(pctx);
	assert_non_null(mschema);
	mvctx = xmlSchemaNewValidCtxt(mschema);
	assert_non_null(mvctx);
	xmlSchemaSetValidStructuredErrors(mvctx, quiet, NULL);
	checked = invalid = 0;
	for (i = 0; inputs[i] != NULL; i++) {
		if (glob(inputs[i], 0, NULL, &g) != 0)
			continue;
		for (j = 0; j < g.gl_pathc; j++) {
			doc = xmlReadFile(g.gl_pathv[j], NULL,
			    XML_PARSE_NONET | XML_PARSE_NOWARNING |
			    XML_PARSE_NOERROR);
			if (doc == NULL)
				continue;
			c = model_build(doc, words, &status, err, sizeof(err));
			if (c == NULL) {
				/* only roots that are not monographs */
				assert_int_equal(status, MODEL_UNSUPPORTED);
				xmlFreeDoc(doc);
				continue;
			}
			if (xmlSchemaValidateDoc(mvctx, doc) != 0) {
				xmlFreeDoc(c);
				xmlFreeDoc(doc);
				continue;
			}
			if (xmlSchemaValidateDoc(vctx, c) != 0) {
				fprintf(stderr, "%s: model not valid against "
				    "schema/model.xsd\n", g.gl_pathv[j]);
				invalid++;
			}
			checked++;
			xmlFreeDoc(c);
			xmlFreeDoc(doc);
		}
		globfree(&g);
	}
	xmlSchemaFreeValidCtxt(mvctx);
	xmlSchemaFree(mschema);
	xmlSchemaFreeValidCtxt(vctx);
	xmlSchemaFree(schema);
	fprintf(stderr, "%zu models validated\n", checked);
	assert_true(checked >= 10);
	assert_int_equal(invalid, 0);
}

/* The string value of the XPath expression expr on doc. */
static char *
xpath_string(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr	 ctx;
	xmlXPathObjectPtr	 o;
	char			*s;

	ctx = xmlXPathNewContext(doc);
	assert_non_null(ctx);
	o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	assert_non_null(o);
	s = (char *)xmlXPathCastToString(o);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return s;
}

/*
 * Sources are numbered in declaration order, citations in document
 * order; a run of cites is one group; each reference links back to each
 * citation, numbered when one section cites it more than once.
 */
static void
test_citations(void **state)
{
	static const char src[] =
	    "<monograph xmlns='urn:monoc:monograph:2' id='x' "
	    "format-version='2.0'>"
	    "<meta><summary>s</summary><version>1</version>"
	    "<reviewed>2026-01-01</reviewed></meta>"
	    "<drug><generic-name>x</generic-name></drug>"
	    "<description><p>One.<cite ref='b'/> <cite ref='a'/></p>"
	    "<p>Two.<cite ref='b'/></p></description>"
	    "<sources><source id='a' type='article'><title>A</title></source>"
	    "<source id='b' type='label'><title>B</title></source>"
	    "</sources></monograph>";
	static const struct {
		const char	*expr;
		const char	*want;
	} cases[] = {
		{ "count(//p[1]/cites)", "1" },
		{ "count(//p[1]/cites/c)", "2" },
		{ "string(//p[1]/cites/c[1]/@n)", "2" },
		{ "string(//p[1]/cites/c[1]/@k)", "1" },
		{ "string(//p[1]/cites/c[2]/@n)", "1" },
		{ "string(//p[1]/cites/c[2]/@k)", "2" },
		{ "string(//p[2]/cites/c/@k)", "3" },
		{ "count(//ref)", "2" },
		{ "string(//ref[@n='2']/@id)", "b" },
		{ "count(//ref[@n='2']/back)", "2" },
		{ "string(//ref[@n='2']/back[2]/@k)", "3" },
		{ "string(//ref[@n='2']/back[2]/@n)", "2" },
		{ "count(//ref[@n='1']/back[@n])", "0" },
	};
	enum model_status	 status;
	xmlDocPtr		 doc, c;
	size_t			 i;
	char			*got;

	(void)state;
	doc = xmlReadMemory(src, sizeof(src) - 1, "t.xml", NULL, 0);
	assert_non_null(doc);
	c = model_build(doc, words, &status, err, sizeof(err));
	assert_non_null(c);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = xpath_string(c, cases[i].expr);
		if (strcmp(got, cases[i].want) != 0)
			fprintf(stderr, "%s: got '%s', want '%s'\n",
			    cases[i].expr, got, cases[i].want);
		assert_string_equal(got, cases[i].want);
		xmlFree(got);
	}
	xmlFreeDoc(c);
	xmlFreeDoc(doc);
}

/* Roots that are not a format 2 monograph and DTDs are refused. */
static void
test_unsupported(void **state)
{
	static const char *const docs[] = {
		"<monograph/>",
		"<m:other xmlns:m='urn:monoc:monograph:2'/>",
		"<monograph xmlns='urn:monoc:monograph:1' id='x'/>",
		"<!DOCTYPE monograph [<!ENTITY e 'x'>]>"
		"<monograph xmlns='urn:monoc:monograph:2'><uses><p>&e;</p>"
		"</uses></monograph>",
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
		c = model_build(doc, words, &status, err, sizeof(err));
		assert_null(c);
		assert_int_equal(status, MODEL_UNSUPPORTED);
		xmlFreeDoc(doc);
	}
}

/* An entity reference met while building (no DTD) is refused. */
static void
test_entity_ref(void **state)
{
	static const char src[] =
	    "<monograph xmlns='urn:monoc:monograph:2' id='x'><uses>"
	    "<p>a</p></uses></monograph>";
	enum model_status	 status;
	xmlDocPtr		 doc, c;
	xmlNodePtr		 p;

	(void)state;
	doc = xmlReadMemory(src, sizeof(src) - 1, "t.xml", NULL, 0);
	assert_non_null(doc);
	c = model_build(doc, words, &status, err, sizeof(err));
	assert_non_null(c);
	assert_int_equal(status, MODEL_OK);
	xmlFreeDoc(c);
	p = xmlDocGetRootElement(doc)->children->children;
	xmlAddChild(p, xmlNewReference(doc, BAD_CAST "&e;"));
	c = model_build(doc, words, &status, err, sizeof(err));
	assert_null(c);
	assert_int_equal(status, MODEL_UNSUPPORTED);
	xmlFreeDoc(doc);
}

/* words.xml: read, and refused when it names a word twice; a word that
   monoc needs and words.xml lacks stops the model. */
static void
test_words(void **state)
{
	static const char src[] =
	    "<monograph xmlns='urn:monoc:monograph:2' id='x'>"
	    "<drug><generic-name>x</generic-name></drug><description>"
	    "<disagreement kind='label'>d</disagreement></description>"
	    "</monograph>";
	enum model_status	 status;
	struct words		*w;
	xmlDocPtr		 doc, c;
	FILE			*f;

	(void)state;
	doc = xmlReadMemory(src, sizeof(src) - 1, "t.xml", NULL, 0);
	assert_non_null(doc);
	f = fopen("build/test-words.xml", "w");
	assert_non_null(f);
	fputs("<words xmlns='urn:monoc:words:1'>"
	    "<w group='highlights' key='items'></w>"
	    "<w group='highlights' key='not-advice'>N </w>"
	    "<w group='highlights' key='emergency'>. E</w>"
	    "<w group='section' key='drug'>Drug</w></words>", f);
	fclose(f);
	w = words_load("build/test-words.xml", err, sizeof(err));
	assert_non_null(w);
	c = model_build(doc, w, &status, err, sizeof(err));
	assert_null(c);
	assert_int_equal(status, MODEL_NOWORDS);
	assert_string_equal(err,
	    "xslt/words.xml has no words 'label.generic-name'");
	words_free(w);
	/* the Highlights' items are words.xml's: one it names that monoc
	   has not stops the model too */
	f = fopen("build/test-words.xml", "w");
	assert_non_null(f);
	fputs("<words xmlns='urn:monoc:words:1'>"
	    "<w group='highlights' key='not-advice'>N </w>"
	    "<w group='highlights' key='emergency'>. E</w>"
	    "<w group='highlights' key='items'>uses nosuch</w></words>", f);
	fclose(f);
	w = words_load("build/test-words.xml", err, sizeof(err));
	assert_non_null(w);
	c = model_build(doc, w, &status, err, sizeof(err));
	assert_null(c);
	assert_int_equal(status, MODEL_NOWORDS);
	assert_string_equal(err,
	    "xslt/words.xml has no words 'highlights.nosuch (no such item)'");
	words_free(w);
	f = fopen("build/test-words.xml", "w");
	assert_non_null(f);
	fputs("<words xmlns='urn:monoc:words:1'>"
	    "<w group='a' key='b'>1</w><w group='a' key='b'>2</w></words>", f);
	fclose(f);
	assert_null(words_load("build/test-words.xml", err, sizeof(err)));
	assert_non_null(strstr(err, "the words 'a.b' are given twice"));
	assert_null(words_load("build/nonexistent.xml", err, sizeof(err)));
	assert_non_null(strstr(err, "cannot read the words"));
	remove("build/test-words.xml");
	/* the notice opens the Highlights even with no item, and its
	   words are needed like any other */
	f = fopen("build/test-words.xml", "w");
	assert_non_null(f);
	fputs("<words xmlns='urn:monoc:words:1'>"
	    "<w group='highlights' key='items'></w></words>", f);
	fclose(f);
	w = words_load("build/test-words.xml", err, sizeof(err));
	assert_non_null(w);
	c = model_build(doc, w, &status, err, sizeof(err));
	assert_null(c);
	assert_int_equal(status, MODEL_NOWORDS);
	assert_string_equal(err,
	    "xslt/words.xml has no words 'highlights.not-advice'");
	words_free(w);
	remove("build/test-words.xml");
	/* the real words: the section title comes from there; the
	   Highlights of a monograph with no item are the notice alone, a
	   paragraph that links to the disclaimer */
	c = model_build(doc, words, &status, err, sizeof(err));
	assert_non_null(c);
	{
		xmlNodePtr	 hl, n;
		xmlChar		*id, *to;
		int		 xrefs = 0;

		hl = xmlDocGetRootElement(c)->children;
		while (hl != NULL && hl->type != XML_ELEMENT_NODE)
			hl = hl->next;
		assert_non_null(hl);
		id = xmlGetProp(hl, BAD_CAST "id");
		assert_string_equal((char *)id, "highlights");
		xmlFree(id);
		n = xmlFirstElementChild(hl);
		assert_non_null(n);
		assert_string_equal((char *)n->name, "p");
		assert_null(xmlNextElementSibling(n));
		for (n = n->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(n->name, BAD_CAST "xref")) {
				to = xmlGetProp(n, BAD_CAST "to");
				assert_string_equal((char *)to, "disclaimer");
				xmlFree(to);
				xrefs++;
			}
		assert_int_equal(xrefs, 1);
	}
	xmlFreeDoc(c);
	xmlFreeDoc(doc);
}

static int
setup(void **state)
{
	(void)state;
	words = words_load("xslt/words.xml", err, sizeof(err));
	if (words == NULL)
		fprintf(stderr, "%s\n", err);
	return words == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	words_free(words);
	return 0;
}

/* The text of the model's sources (src/model*.c), one string. */
static char *
model_sources(void)
{
	glob_t		 g;
	FILE		*f;
	char		*s;
	size_t		 i, len, n;

	assert_int_equal(glob("src/model*.c", 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 2);
	s = NULL;
	len = 0;
	for (i = 0; i < g.gl_pathc; i++) {
		f = fopen(g.gl_pathv[i], "r");
		assert_non_null(f);
		assert_int_equal(fseek(f, 0, SEEK_END), 0);
		n = (size_t)ftell(f);
		rewind(f);
		s = realloc(s, len + n + 2);
		assert_non_null(s);
		s[len++] = '\n';
		assert_int_equal(fread(s + len, 1, n, f), n);
		len += n;
		fclose(f);
	}
	s[len] = '\0';
	globfree(&g);
	return s;
}

/*
 * The first function that by names ("refs()", "table_row() (body cells),
 * inline_node() (head cells)") with no definition in src, or NULL when
 * each has one: a definition starts a line, "\nNAME(".
 */
static const char *
undefined_in(const char *src, const char *by, char *name, size_t size)
{
	const char	*p, *q;
	size_t		 n;

	for (p = by; (q = strstr(p, "()")) != NULL; p = q + 2) {
		n = 0;
		while (q - n > p && (isalnum((unsigned char)q[-(long)n - 1]) ||
		    q[-(long)n - 1] == '_'))
			n++;
		if (n == 0 || n + 3 > size)
			return by;
		name[0] = '\n';
		memcpy(name + 1, q - n, n);
		name[n + 1] = '(';
		name[n + 2] = '\0';
		if (strstr(src, name) == NULL) {
			name[n + 1] = '\0';
			return name + 1;
		}
	}
	return p == by ? by : NULL;
}

/*
 * Every element of the monograph format is read by the model: it has a
 * row in blocks[] or read_by[] names who reads it, never both, so that an
 * element losing its row fails here instead of vanishing from every
 * output; and each function read_by[] names is defined in src/model*.c,
 * so that a row cannot name a reader that is gone.
 */
static void
test_every_element(void **state)
{
	xmlDocPtr		 xsd;
	xmlXPathContextPtr	 x;
	xmlXPathObjectPtr	 r;
	xmlChar			*name;
	const char		*by, *gone;
	char			*src, fn[64];
	int			 i, both, missing;

	(void)state;
	src = model_sources();
	xsd = xmlReadFile("schema/monograph.xsd", NULL, XML_PARSE_NONET);
	assert_non_null(xsd);
	x = xmlXPathNewContext(xsd);
	assert_non_null(x);
	xmlXPathRegisterNs(x, BAD_CAST "xs",
	    BAD_CAST "http://www.w3.org/2001/XMLSchema");
	r = xmlXPathEvalExpression(BAD_CAST "//xs:element[@name]", x);
	assert_non_null(r);
	assert_non_null(r->nodesetval);
	assert_true(r->nodesetval->nodeNr > 100);
	missing = 0;
	for (i = 0; i < r->nodesetval->nodeNr; i++) {
		name = xmlGetProp(r->nodesetval->nodeTab[i], BAD_CAST "name");
		by = model_reader((const char *)name, &both);
		if (by == NULL || both) {
			print_error("element '%s': %s\n", (const char *)name,
			    by == NULL ? "nothing in src/model*.c reads it" :
			    "in blocks[] and in read_by[]");
			missing++;
		} else if (strcmp(by, "blocks[]") != 0 &&
		    (gone = undefined_in(src, by, fn, sizeof(fn))) != NULL) {
			print_error("element '%s': read_by[] names '%s', "
			    "defined nowhere in src/model*.c\n",
			    (const char *)name, gone);
			missing++;
		}
		xmlFree(name);
	}
	assert_int_equal(missing, 0);
	/* and the checks can fail */
	assert_null(model_reader("no-such-element", &both));
	assert_null(undefined_in(src, "refs()", fn, sizeof(fn)));
	assert_string_equal(undefined_in(src, "refs(), no_such_reader()", fn,
	    sizeof(fn)), "no_such_reader");
	assert_string_equal(undefined_in(src, "its parent", fn, sizeof(fn)),
	    "its parent");
	free(src);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(x);
	xmlFreeDoc(xsd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_citations),
		cmocka_unit_test(test_unsupported),
		cmocka_unit_test(test_entity_ref),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_every_element),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
