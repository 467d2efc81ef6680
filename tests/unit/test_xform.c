/*
 * Unit tests for xform.c: stylesheets compiled once, applied to a parsed
 * document, with file reads and writes refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libexslt/exslt.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "util.h"
#include "xform.h"

static xmlDocPtr
ok_doc(struct diag_file *df)
{
	return load_file("tests/data/ok.xml", df);
}

static void
test_apply(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	struct xform		*xf;
	xmlDocPtr		 doc, model;
	struct words		*words;
	enum model_status	 status;
	char			 err[256];
	xmlChar			*out;
	int			 len;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	xf = xform_load("tests/data", FMT_DOCS | FMT_BIT(FMT_META), d);
	assert_non_null(xf);
	df = diag_file_new(d, "tests/data/ok.xml");
	doc = ok_doc(df);
	/* The model of the monograph, rendered in each format. */
	words = words_load("xslt/words.xml", err, sizeof(err));
	assert_non_null(words);
	model = model_build(doc, words, &status, err, sizeof(err));
	assert_non_null(model);
	words_free(words);
	assert_int_equal(xform_apply(xf, FMT_TEXT, model, df, &out, &len),
	    0);
	assert_string_equal((char *)out, "Model of ok\n");
	assert_int_equal(len, 12);
	xmlFree(out);
	/* The same model again, in another format. */
	assert_int_equal(xform_apply(xf, FMT_MAN, model, df, &out, &len), 0);
	assert_non_null(strstr((char *)out, ".TH OK-INFO 7\n"));
	xmlFree(out);
	xmlFreeDoc(model);
	/* The sidecar is made from the monograph itself. */
	assert_int_equal(xform_apply(xf, FMT_META, doc, df, &out, &len), 0);
	assert_non_null(strstr((char *)out, "<entry xmlns=\"urn:monoc:"
	    "monograph:1\" id=\"ok\">Okay drug</entry>"));
	xmlFree(out);
	/* Not loaded. */
	assert_int_equal(xform_apply(xf, FMT_INDEX, doc, df, &out, &len), -1);
	xmlFreeDoc(doc);
	diag_file_free(df);
	xform_free(xf);
	diag_free(d);
	capture_close(&c);
	capture_free(&c);
}

static void
test_security(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	struct xform		*xf;
	xmlDocPtr		 doc;
	xmlChar			*out;
	int			 len;

	(void)state;
	unlink("/tmp/monoc-test-xform-written.txt");
	capture_open(&c);
	d = diag_new(c.f, 0);
	xf = xform_load("tests/data/xform",
	    FMT_BIT(FMT_TEXT) | FMT_BIT(FMT_HTML), d);
	assert_non_null(xf);
	df = diag_file_new(d, "tests/data/ok.xml");
	doc = ok_doc(df);
	assert_int_equal(xform_apply(xf, FMT_TEXT, doc, df, &out, &len), -1);
	assert_int_equal(xform_apply(xf, FMT_HTML, doc, df, &out, &len), -1);
	assert_int_equal(access("/tmp/monoc-test-xform-written.txt", F_OK),
	    -1);
	xmlFreeDoc(doc);
	diag_flush(d, df);
	diag_file_free(df);
	xform_free(xf);
	diag_free(d);
	assert_non_null(strstr(capture_close(&c), "refused"));
	capture_free(&c);
}

static void
test_broken_stylesheet(void **state)
{
	struct capture	 c;
	struct diag	*d;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_null(xform_load("tests/data/xform", FMT_BIT(FMT_MAN), d));
	assert_int_equal(diag_status(d), 2);
	assert_null(xform_load("tests/data/xform", FMT_BIT(FMT_META), d));
	diag_free(d);
	assert_non_null(strstr(capture_close(&c),
	    "monoc: cannot read stylesheet 'tests/data/xform/xslt/meta.xsl'"));
	capture_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apply),
		cmocka_unit_test(test_security),
		cmocka_unit_test(test_broken_stylesheet),
	};

	xmlInitParser();
	xsltInit();
	exsltRegisterAll();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
