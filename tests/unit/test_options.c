/* Unit tests for options.c: getopt_long parsing and usage errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "options.h"
#include "util.h"
#include "xform.h"

#define ARGC(v)	((int)(sizeof(v) / sizeof((v)[0])) - 1)

static struct capture	 cap;

/* Parse argv; what diag printed is left in cap.buf. */
static enum options_result
parse(struct options *o, int argc, char **argv)
{
	struct diag		*d;
	enum options_result	 r;

	capture_free(&cap);
	capture_open(&cap);
	d = diag_new(cap.f, 0);
	r = options_parse(o, argc, argv, d);
	diag_free(d);
	capture_close(&cap);
	return r;
}

static void
test_defaults(void **state)
{
	struct options	 o;
	char		*argv[] = { "monoc", "a.xml", "b.xml", NULL };

	(void)state;
	assert_int_equal(parse(&o, ARGC(argv), argv), OPTIONS_RUN);
	assert_string_equal(o.outdir, "output");
	assert_null(o.datadir);
	assert_int_equal(o.fmts, FMT_DOCS);
	assert_int_equal(o.jobs, 0);
	assert_int_equal(o.max_age, 1095);
	assert_int_equal(o.nfiles, 2);
	assert_string_equal(o.files[0], "a.xml");
	assert_false(o.check_only || o.werror || o.no_index ||
	    o.index_only);
	assert_string_equal(cap.buf, "");
}

static void
test_everything(void **state)
{
	struct options	 o;
	char		*argv[] = { "monoc", "-o", "out", "-f", "man,html",
	    "-j", "3", "--check", "-Werror", "--data-dir", "dd",
	    "--no-index", "--max-age", "30", "x.xml", NULL };
	char		*argv2[] = { "monoc", "-W", "error", "--index-only",
	    NULL };

	(void)state;
	assert_int_equal(parse(&o, ARGC(argv), argv), OPTIONS_RUN);
	assert_string_equal(o.outdir, "out");
	assert_int_equal(o.fmts, FMT_BIT(FMT_MAN) | FMT_BIT(FMT_HTML));
	assert_int_equal(o.jobs, 3);
	assert_true(o.check_only && o.werror && o.no_index);
	assert_string_equal(o.datadir, "dd");
	assert_int_equal(o.max_age, 30);
	assert_int_equal(o.nfiles, 1);
	assert_int_equal(parse(&o, ARGC(argv2), argv2), OPTIONS_RUN);
	assert_true(o.werror && o.index_only);
	assert_int_equal(o.nfiles, 0);
}

static void
test_usage_errors(void **state)
{
	struct options	 o;
	char		*a1[] = { "monoc", NULL };
	char		*a2[] = { "monoc", "-f", "pdf", "x.xml", NULL };
	char		*a3[] = { "monoc", "-j", "0", "x.xml", NULL };
	char		*a4[] = { "monoc", "-W", "all", "x.xml", NULL };
	char		*a5[] = { "monoc", "--bogus", "x.xml", NULL };
	char		*a6[] = { "monoc", "--index-only", "x.xml", NULL };
	char		*a7[] = { "monoc", "x.xml", "-o", NULL };
	char		*a8[] = { "monoc", "--max-age", "-1", "x.xml", NULL };

	(void)state;
	assert_int_equal(parse(&o, ARGC(a1), a1), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "monoc: no input files\n"));
	assert_int_equal(parse(&o, ARGC(a2), a2), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "monoc: unknown format 'pdf'"));
	assert_int_equal(parse(&o, ARGC(a3), a3), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "invalid number of jobs '0'"));
	assert_int_equal(parse(&o, ARGC(a4), a4), OPTIONS_USAGE);
	assert_int_equal(parse(&o, ARGC(a5), a5), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "unknown option '--bogus'"));
	assert_int_equal(parse(&o, ARGC(a6), a6), OPTIONS_USAGE);
	assert_int_equal(parse(&o, ARGC(a7), a7), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "option '-o' requires an argument"));
	assert_int_equal(parse(&o, ARGC(a8), a8), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "invalid number of days '-1'"));
	assert_non_null(strstr(cap.buf, "try 'monoc --help'"));
}

static int
teardown(void **state)
{
	(void)state;
	capture_free(&cap);
	return 0;
}

/* --files-from: after the arguments, one per line, blank lines and
   carriage returns dropped; a missing list is an error. */
static void
test_files_from(void **state)
{
	struct options	 o;
	char		 path[] = "/tmp/monoc-list-XXXXXX";
	char		*argv[] = { "monoc", "--files-from", path, "a.xml",
	    NULL };
	char		*bad[] = { "monoc", "--files-from", "/nonexistent/l",
	    NULL };
	FILE		*f;
	int		 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd != -1);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("b.xml\n\nc d.xml\r\ne.xml", f);
	fclose(f);
	assert_int_equal(parse(&o, ARGC(argv), argv), OPTIONS_RUN);
	assert_int_equal(o.nfiles, 4);
	assert_string_equal(o.files[0], "a.xml");
	assert_string_equal(o.files[1], "b.xml");
	assert_string_equal(o.files[2], "c d.xml");
	assert_string_equal(o.files[3], "e.xml");
	options_free(&o);
	unlink(path);
	assert_int_equal(parse(&o, ARGC(bad), bad), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "cannot read the file list "
	    "'/nonexistent/l'"));
	options_free(&o);
}

/* Write len bytes of s to a new file; its name goes to path. */
static void
write_list(char *path, const char *s, size_t len)
{
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd != -1);
	assert_int_equal(write(fd, s, len), (ssize_t)len);
	close(fd);
}

/*
 * Two --files-from lists both count, in order; a list with a NUL byte
 * is refused (it would have cut the list short), and so is /dev/zero,
 * at its first byte, without reading on.
 */
static void
test_files_from_twice_and_nul(void **state)
{
	struct options	 o;
	char		 one[] = "/tmp/monoc-list-XXXXXX";
	char		 two[] = "/tmp/monoc-list-XXXXXX";
	char		 nul[] = "/tmp/monoc-list-XXXXXX";
	char		*argv[] = { "monoc", "--files-from", one,
	    "--files-from", two, NULL };
	char		*argv2[] = { "monoc", "--files-from", nul, NULL };
	char		*argv3[] = { "monoc", "--files-from", "/dev/zero", NULL };

	(void)state;
	write_list(one, "a.xml\nb.xml\n", 12);
	write_list(two, "c.xml", 5);
	write_list(nul, "a.xml\nb\0.xml\nc.xml\n", 18);
	assert_int_equal(parse(&o, ARGC(argv), argv), OPTIONS_RUN);
	assert_int_equal(o.nfiles, 3);
	assert_string_equal(o.files[0], "a.xml");
	assert_string_equal(o.files[1], "b.xml");
	assert_string_equal(o.files[2], "c.xml");
	options_free(&o);
	assert_int_equal(parse(&o, ARGC(argv2), argv2), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "holds a NUL byte (line 2)"));
	options_free(&o);
	assert_int_equal(parse(&o, ARGC(argv3), argv3), OPTIONS_USAGE);
	assert_non_null(strstr(cap.buf, "'/dev/zero' holds a NUL byte "
	    "(line 1)"));
	options_free(&o);
	unlink(one);
	unlink(two);
	unlink(nul);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_files_from_twice_and_nul),
		cmocka_unit_test(test_everything),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_files_from),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
