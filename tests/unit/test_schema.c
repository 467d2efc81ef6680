/* Unit tests for schema.c: compile once, validate, report located errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "load.h"
#include "schema.h"
#include "util.h"

static void
test_validate(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	struct schema		*sc;
	struct schema_vctx	*v;
	xmlDocPtr		 doc;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	sc = schema_load("tests/data/schema/monograph.xsd", d);
	assert_non_null(sc);
	v = schema_vctx_new(sc);
	df = diag_file_new(d, "tests/data/ok.xml");
	doc = load_file("tests/data/ok.xml", df);
	assert_int_equal(schema_validate(v, doc, df), SCHEMA_VALID);
	xmlFreeDoc(doc);
	diag_file_free(df);
	df = diag_file_new(d, "tests/data/bad.xml");
	doc = load_file("tests/data/bad.xml", df);
	assert_int_equal(schema_validate(v, doc, df), SCHEMA_INVALID);
	assert_int_equal(diag_file_count(df), 7);
	xmlFreeDoc(doc);
	diag_flush(d, df);
	diag_file_free(df);
	schema_vctx_free(v);
	schema_free(sc);
	diag_free(d);
	assert_non_null(strstr(capture_close(&c), "tests/data/bad.xml:9:5: "
	    "error: element 'side-efect' is not allowed here"));
	capture_free(&c);
}

static void
test_missing_schema(void **state)
{
	struct capture	 c;
	struct diag	*d;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_null(schema_load("tests/data/nowhere.xsd", d));
	assert_int_equal(diag_status(d), 2);
	diag_free(d);
	assert_non_null(strstr(capture_close(&c), "monoc: "));
	capture_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_missing_schema),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
