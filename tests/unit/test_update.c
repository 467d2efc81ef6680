/*
 * Unit tests for update.c: the staleness rule, and the plan of an update
 * run over a small tree of monographs and outputs with set times.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "update.h"
#include "util.h"
#include "xform.h"

static char	 dir[64];

/* An output is stale when missing or older than its input or a dep. */
static void
test_rule(void **state)
{
	struct timespec	 t1 = { 100, 0 }, t2 = { 100, 5 }, t3 = { 200, 0 };

	(void)state;
	assert_true(update_is_stale(NULL, &t1, &t1));
	assert_false(update_is_stale(&t1, &t1, &t1));	/* same time */
	assert_true(update_is_stale(&t1, &t2, &t1));	/* input newer */
	assert_true(update_is_stale(&t2, &t1, &t3));	/* a dep newer */
	assert_false(update_is_stale(&t3, &t2, &t1));
}

/* Create path (under dir) with modification time sec. */
static void
make_file(const char *path, time_t sec)
{
	struct timespec	 ts[2];
	char		 p[256];
	int		 fd;

	snprintf(p, sizeof(p), "%s/%s", dir, path);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	ts[0].tv_sec = ts[1].tv_sec = sec;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	assert_int_equal(futimens(fd, ts), 0);
	close(fd);
}

static void
make_dir(const char *path)
{
	char	 p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, path);
	assert_int_equal(mkdir(p, 0755), 0);
}

/* All four outputs of NAME, modified at sec. */
static void
make_outputs(const char *name, time_t sec)
{
	char	 p[128];

	snprintf(p, sizeof(p), "out/html/%s.html", name);
	make_file(p, sec);
	snprintf(p, sizeof(p), "out/text/%s.txt", name);
	make_file(p, sec);
	snprintf(p, sizeof(p), "out/man/man7/%s-info.7", name);
	make_file(p, sec);
	snprintf(p, sizeof(p), "out/meta/%s.xml", name);
	make_file(p, sec);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/monoc-test-update.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * fresh.xml: every output newer; changed.xml: newer than its outputs;
 * partial.xml: one output missing; new.xml: none; gone: outputs and no
 * monograph; .hidden.xml and notes.txt are not monographs.  The data
 * directory and monoc (this program) are older than everything here.
 */
static void
test_plan(void **state)
{
	struct capture	 c;
	struct update	 u;
	struct diag	*d;
	char		 src[128], out[128], data[128], p[256];
	time_t		 now = time(NULL) + 100000;	/* after monoc */

	(void)state;
	make_dir("src");
	make_dir("data");
	make_dir("out");
	make_dir("out/html");
	make_dir("out/text");
	make_dir("out/man");
	make_dir("out/man/man7");
	make_dir("out/meta");
	make_file("src/fresh.xml", now - 100);
	make_outputs("fresh", now - 50);
	make_file("src/changed.xml", now - 10);
	make_outputs("changed", now - 50);
	make_file("src/partial.xml", now - 100);
	make_outputs("partial", now - 50);
	snprintf(p, sizeof(p), "%s/out/text/partial.txt", dir);
	assert_int_equal(unlink(p), 0);
	make_file("src/new.xml", now - 100);
	make_outputs("gone", now - 50);
	make_file("src/.hidden.xml", now);
	make_file("src/notes.txt", now);
	make_file("out/html/index.html", now);
	snprintf(src, sizeof(src), "%s/src", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(data, sizeof(data), "%s/data", dir);

	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_int_equal(update_plan(&u, src, out, data, FMT_DOCS |
	    FMT_BIT(FMT_META), d), 0);
	assert_int_equal(u.nall, 4);
	assert_int_equal(u.nstale, 3);
	snprintf(p, sizeof(p), "%s/changed.xml", src);
	assert_string_equal(u.stale[0], p);
	snprintf(p, sizeof(p), "%s/new.xml", src);
	assert_string_equal(u.stale[1], p);
	snprintf(p, sizeof(p), "%s/partial.xml", src);
	assert_string_equal(u.stale[2], p);
	assert_int_equal(u.ngone, 1);
	assert_string_equal(u.gone[0], "gone");
	assert_true(u.index);
	assert_int_equal(update_remove_gone(&u, out, src, d), 0);
	update_free(&u);
	snprintf(p, sizeof(p), "%s/html/gone.html", out);
	assert_int_equal(access(p, F_OK), -1);
	snprintf(p, sizeof(p), "%s/meta/gone.xml", out);
	assert_int_equal(access(p, F_OK), -1);
	diag_free(d);
	capture_close(&c);
	assert_non_null(strstr(c.buf, "removing the outputs of gone"));
	capture_free(&c);

	/* Only the text: partial is stale, changed too; fresh is not. */
	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_int_equal(update_plan(&u, src, out, data, FMT_BIT(FMT_HTML),
	    d), 0);
	assert_int_equal(u.nstale, 2);		/* changed and new */
	update_free(&u);

	/* A stylesheet newer than every output: all are stale. */
	make_dir("data/xslt");
	make_file("data/xslt/words.xml", now + 10);
	assert_int_equal(update_plan(&u, src, out, data, FMT_DOCS |
	    FMT_BIT(FMT_META), d), 0);
	assert_int_equal(u.nstale, 4);
	update_free(&u);
	diag_free(d);
	capture_free(&c);

	/* A missing source directory is an error. */
	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_int_equal(update_plan(&u, "/nonexistent", out, data,
	    FMT_DOCS, d), -1);
	update_free(&u);
	diag_free(d);
	capture_close(&c);
	assert_non_null(strstr(c.buf, "cannot read the directory "
	    "'/nonexistent'"));
	capture_free(&c);

	/* So is an empty name (read before its start once: UBSan). */
	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_int_equal(update_plan(&u, "", out, data, FMT_DOCS, d), -1);
	update_free(&u);
	diag_free(d);
	capture_close(&c);
	assert_non_null(strstr(c.buf, "cannot read the directory ''"));
	capture_free(&c);
}

/* The index page alone: stale when a sidecar is newer than it. */
static void
test_index(void **state)
{
	struct capture	 c;
	struct update	 u;
	struct diag	*d;
	char		 src[128], out[128], data[128];
	time_t		 now = time(NULL) + 100000;	/* after monoc */

	(void)state;
	make_dir("s");
	make_dir("o");
	make_dir("o/html");
	make_dir("o/text");
	make_dir("o/man");
	make_dir("o/man/man7");
	make_dir("o/meta");
	make_file("s/a.xml", now - 100);
	snprintf(src, sizeof(src), "%s/s", dir);
	snprintf(out, sizeof(out), "%s/o", dir);
	snprintf(data, sizeof(data), "%s/none", dir);
	make_file("o/html/a.html", now - 50);
	make_file("o/text/a.txt", now - 50);
	make_file("o/man/man7/a-info.7", now - 50);
	make_file("o/meta/a.xml", now - 50);
	make_file("o/html/index.html", now - 40);
	capture_open(&c);
	d = diag_new(c.f, 0);
	assert_int_equal(update_plan(&u, src, out, data, FMT_DOCS |
	    FMT_BIT(FMT_META), d), 0);
	assert_int_equal(u.nstale, 0);
	assert_false(u.index);
	update_free(&u);
	make_file("o/meta/a.xml", now - 30);
	assert_int_equal(update_plan(&u, src, out, data, FMT_DOCS |
	    FMT_BIT(FMT_META), d), 0);
	assert_int_equal(u.nstale, 0);
	assert_true(u.index);
	update_free(&u);
	diag_free(d);
	capture_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_index),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
