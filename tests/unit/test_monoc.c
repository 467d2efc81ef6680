/*
 * Unit tests for the driver, run in-process through monoc_main(): exit
 * statuses, outputs written or withheld, the index, and diagnostics that
 * do not depend on the number of threads.
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
#include <unistd.h>

#include "monoc.h"
#include "util.h"

#define DATA	"--data-dir", "tests/data"

static char	 dir[64];
static char	 out[128];
static struct capture cap;

/* Run monoc with the NULL-terminated arguments; stderr goes to cap. */
static int
run(char *first, ...)
{
	char	*argv[32];
	va_list	 ap;
	int	 argc, rc;

	argv[0] = "monoc";
	argv[1] = first;
	argc = 2;
	va_start(ap, first);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	capture_free(&cap);
	capture_open(&cap);
	rc = monoc_main(argc, argv, cap.f);
	capture_close(&cap);
	return rc;
}

static int
exists(const char *fmt, ...)
{
	struct stat	 st;
	char		 path[256];
	va_list		 ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	return stat(path, &st) == 0;
}

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/monoc-test-driver.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(out, sizeof(out), "%s/out", dir);
	return 0;
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	capture_free(&cap);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_good(void **state)
{
	(void)state;
	assert_int_equal(run(DATA, "-o", out, "tests/data/ok.xml", NULL), 0);
	assert_string_equal(cap.buf, "");
	assert_true(exists("%s/html/ok.html", out));
	assert_true(exists("%s/text/ok.txt", out));
	assert_true(exists("%s/man/man7/ok-info.7", out));
	assert_true(exists("%s/meta/ok.xml", out));
	assert_true(exists("%s/html/index.html", out));
}

static void
test_bad_input_writes_nothing(void **state)
{
	char	 p[256];

	(void)state;
	assert_int_equal(run(DATA, "-o", out, "tests/data/bad.xml",
	    "tests/data/ok.xml", NULL), 1);
	assert_false(exists("%s/html/bad.html", out));
	assert_false(exists("%s/meta/bad.xml", out));
	assert_true(exists("%s/html/ok.html", out));
	assert_non_null(strstr(cap.buf, "tests/data/bad.xml:6:22: error: "
	    "'mgs' is not a valid value for attribute 'unit'"));
	assert_non_null(strstr(cap.buf, "\n7 errors in 1 file\n"));
	snprintf(p, sizeof(p), "%s/html/index.html", out);
	assert_non_null(strstr(slurp(p), "ok.html"));
	assert_null(strstr(slurp(p), "bad.html"));
}

static void
test_never_replace_good_output(void **state)
{
	char	 p[256], before[8192];

	(void)state;
	assert_int_equal(run(DATA, "-o", out, "tests/data/ok.xml", NULL), 0);
	snprintf(p, sizeof(p), "%s/html/ok.html", out);
	snprintf(before, sizeof(before), "%s", slurp(p));
	assert_non_null(strstr(before, "Model of ok"));
	assert_int_equal(run(DATA, "-o", out, "tests/data/replace/ok.xml",
	    NULL), 1);
	assert_string_equal(slurp(p), before);
}

static void
test_check_writes_nothing(void **state)
{
	(void)state;
	assert_int_equal(run(DATA, "--check", "-o", out,
	    "tests/data/ok.xml", NULL), 0);
	assert_false(exists("%s", out));
	assert_int_equal(run(DATA, "--check", "-o", out,
	    "tests/data/bad.xml", NULL), 1);
	assert_false(exists("%s", out));
}

static void
test_formats_and_index(void **state)
{
	char	 p[256];

	(void)state;
	assert_int_equal(run(DATA, "-f", "html", "--no-index", "-o", out,
	    "tests/data/ok.xml", NULL), 0);
	assert_true(exists("%s/html/ok.html", out));
	assert_true(exists("%s/meta/ok.xml", out));
	assert_false(exists("%s/text/ok.txt", out));
	assert_false(exists("%s/html/index.html", out));
	assert_int_equal(run(DATA, "--index-only", "-o", out, NULL), 0);
	snprintf(p, sizeof(p), "%s/html/index.html", out);
	assert_string_equal(slurp(p), "<html><body><ul><li><a href=\"ok.html\">"
	    "Okay drug</a></li></ul></body></html>\n");
}

static void
test_system_errors(void **state)
{
	char	 file[128], sub[160];
	FILE	*f;

	(void)state;
	/* Missing data: exit 2 before any input is read. */
	assert_int_equal(run("--data-dir", "tests/data/nowhere", "-o", out,
	    "tests/data/ok.xml", NULL), 2);
	assert_non_null(strstr(cap.buf, "monoc: "));
	/* An output directory below a regular file. */
	snprintf(file, sizeof(file), "%s/file", dir);
	f = fopen(file, "w");
	fclose(f);
	snprintf(sub, sizeof(sub), "%s/out", file);
	assert_int_equal(run(DATA, "-o", sub, "tests/data/ok.xml", NULL), 2);
	assert_non_null(strstr(cap.buf, "monoc: cannot create output "
	    "directory"));
	/* Usage errors. */
	assert_int_equal(run("-j", "x", "a.xml", NULL), 2);
	assert_int_equal(run("--version", NULL), 0);
}

/* Diagnostics come out in input order whatever the number of threads. */
static void
test_deterministic(void **state)
{
	char	*one;

	(void)state;
	assert_int_equal(run(DATA, "--check", "-j", "1", "tests/data/bad.xml",
	    "tests/data/ok.xml", "tests/data/load/pi.xml",
	    "tests/data/check/mismatch.xml", "tests/data/load/nwf.xml",
	    "tests/data/check/ok.xml", NULL), 1);
	one = strdup(cap.buf);
	assert_int_equal(run(DATA, "--check", "-j", "4", "tests/data/bad.xml",
	    "tests/data/ok.xml", "tests/data/load/pi.xml",
	    "tests/data/check/mismatch.xml", "tests/data/load/nwf.xml",
	    "tests/data/check/ok.xml", NULL), 1);
	assert_string_equal(cap.buf, one);
	assert_non_null(strstr(one, "\n6 monographs, 15 errors, 0 warnings\n"));
	free(one);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_good, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_writes_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_never_replace_good_output,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_writes_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_formats_and_index,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_system_errors,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_deterministic,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
