/* Unit tests for check.c: id equals the file stem; ids unique in a run. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stem),
		cmocka_unit_test(test_id_is_stem),
		cmocka_unit_test(test_unique),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
