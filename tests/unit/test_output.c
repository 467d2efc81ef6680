/*
 * Unit tests for output.c: output names, mkdir -p, and atomic writes that
 * leave the old file intact and no temporary file behind on failure.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "util.h"

struct fixture {
	char	 dir[64];
};

static int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof(*fx));

	strcpy(fx->dir, "/tmp/monoc-test-output.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	char		 cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

/* The number of entries in dir whose name starts with a dot, . and .. aside. */
static int
dotfiles(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_paths(void **state)
{
	char	*p;

	(void)state;
	p = output_path("out", FMT_HTML, "baclofen");
	assert_string_equal(p, "out/html/baclofen.html");
	free(p);
	p = output_path("out", FMT_TEXT, "baclofen");
	assert_string_equal(p, "out/text/baclofen.txt");
	free(p);
	p = output_path("o/x", FMT_MAN, "baclofen");
	assert_string_equal(p, "o/x/man/man7/baclofen-info.7");
	free(p);
	p = output_path("out", FMT_META, "baclofen");
	assert_string_equal(p, "out/meta/baclofen.xml");
	free(p);
	p = output_path("out", FMT_INDEX, "index");
	assert_string_equal(p, "out/html/index.html");
	free(p);
}

static void
test_write_and_replace(void **state)
{
	struct fixture	*fx = *state;
	struct stat	 st;
	char		 path[128], dir[128];

	snprintf(path, sizeof(path), "%s/a/b/c.txt", fx->dir);
	snprintf(dir, sizeof(dir), "%s/a/b", fx->dir);
	assert_int_equal(output_write(path, "one\n", 4), 0);
	assert_string_equal(slurp(path), "one\n");
	assert_int_equal(output_write(path, "two\n", 4), 0);
	assert_string_equal(slurp(path), "two\n");
	assert_int_equal(output_write(path, "", 0), 0);
	assert_string_equal(slurp(path), "");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(dotfiles(dir), 0);
}

static void
test_parent_is_a_file(void **state)
{
	struct fixture	*fx = *state;
	char		 path[128], file[128];

	snprintf(file, sizeof(file), "%s/file", fx->dir);
	assert_int_equal(output_write(file, "x", 1), 0);
	snprintf(path, sizeof(path), "%s/file/sub/out.html", fx->dir);
	errno = 0;
	assert_int_equal(output_write(path, "y", 1), -1);
	assert_int_equal(errno, ENOTDIR);
	assert_string_equal(slurp(file), "x");
	assert_int_equal(dotfiles(fx->dir), 0);
	assert_int_equal(output_mkdirs(path), -1);
}

static void
test_target_is_a_directory(void **state)
{
	struct fixture	*fx = *state;
	char		 path[128], inner[160];

	snprintf(path, sizeof(path), "%s/d.html", fx->dir);
	snprintf(inner, sizeof(inner), "%s/keep", path);
	assert_int_equal(output_write(inner, "k", 1), 0);
	assert_int_equal(output_write(path, "y", 1), -1);
	assert_string_equal(slurp(inner), "k");
	assert_int_equal(dotfiles(fx->dir), 0);
}

/* A full disk, simulated with RLIMIT_FSIZE: the old file survives. */
static void
test_disk_full(void **state)
{
	struct fixture	*fx = *state;
	struct rlimit	 old, small;
	char		 path[128], big[8192];
	int		 rc, err;

	snprintf(path, sizeof(path), "%s/full.txt", fx->dir);
	assert_int_equal(output_write(path, "good\n", 5), 0);
	memset(big, 'x', sizeof(big));
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 4096;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	rc = output_write(path, big, sizeof(big));
	err = errno;
	setrlimit(RLIMIT_FSIZE, &old);
	assert_int_equal(rc, -1);
	assert_int_equal(err, EFBIG);
	assert_string_equal(slurp(path), "good\n");
	assert_int_equal(dotfiles(fx->dir), 0);
}

static void
test_mkdirs(void **state)
{
	struct fixture	*fx = *state;
	struct stat	 st;
	char		 path[128];

	snprintf(path, sizeof(path), "%s//x/y/z/", fx->dir);
	assert_int_equal(output_mkdirs(path), 0);
	assert_int_equal(output_mkdirs(path), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
}

/*
 * A set is replaced whole or not at all: when its last file cannot be
 * written (EFBIG), the first is not replaced either, and when a path is
 * taken by a directory nothing is renamed.
 */
static void
test_set_all_or_nothing(void **state)
{
	struct fixture		*fx = *state;
	struct output_set	*set;
	struct rlimit		 old, small;
	char			 a[128], b[128], dir[160], big[8192];
	int			 rc;

	snprintf(a, sizeof(a), "%s/a.txt", fx->dir);
	snprintf(b, sizeof(b), "%s/b.txt", fx->dir);
	assert_int_equal(output_write(a, "old a\n", 6), 0);
	assert_int_equal(output_write(b, "old b\n", 6), 0);
	memset(big, 'x', sizeof(big));
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 4096;
	set = output_set_new();
	assert_int_equal(output_set_add(set, a, "new a\n", 6), 0);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	rc = output_set_add(set, b, big, sizeof(big));
	setrlimit(RLIMIT_FSIZE, &old);
	assert_int_equal(rc, -1);
	assert_string_equal(output_set_failed(set), b);
	output_set_free(set);
	assert_string_equal(slurp(a), "old a\n");
	assert_string_equal(slurp(b), "old b\n");
	assert_int_equal(dotfiles(fx->dir), 0);

	snprintf(dir, sizeof(dir), "%s/c.txt/keep", fx->dir);
	assert_int_equal(output_write(dir, "k", 1), 0);
	snprintf(dir, sizeof(dir), "%s/c.txt", fx->dir);
	set = output_set_new();
	assert_int_equal(output_set_add(set, a, "new a\n", 6), 0);
	assert_int_equal(output_set_add(set, dir, "c", 1), 0);
	assert_int_equal(output_set_commit(set), -1);
	assert_int_equal(errno, EISDIR);
	assert_string_equal(output_set_failed(set), dir);
	output_set_free(set);
	assert_string_equal(slurp(a), "old a\n");
	assert_int_equal(dotfiles(fx->dir), 0);

	set = output_set_new();
	assert_int_equal(output_set_add(set, a, "new a\n", 6), 0);
	assert_int_equal(output_set_add(set, b, "new b\n", 6), 0);
	assert_int_equal(output_set_commit(set), 0);
	output_set_free(set);
	assert_string_equal(slurp(a), "new a\n");
	assert_string_equal(slurp(b), "new b\n");
	assert_int_equal(dotfiles(fx->dir), 0);
}

/* Temporary files of dead processes go, those of live ones stay. */
static void
test_clean_stale(void **state)
{
	struct fixture	*fx = *state;
	char		 dead[160], live[160], other[160];

	snprintf(dead, sizeof(dead), "%s/.x.html.monoc-2147483646.AbCdEf",
	    fx->dir);
	snprintf(live, sizeof(live), "%s/.x.html.monoc-%ld.AbCdEf", fx->dir,
	    (long)getpid());
	snprintf(other, sizeof(other), "%s/.x.html.AbCdEf", fx->dir);
	assert_int_equal(output_write(dead, "", 0), 0);
	assert_int_equal(output_write(live, "", 0), 0);
	assert_int_equal(output_write(other, "", 0), 0);
	output_clean_stale(fx->dir);
	assert_int_equal(access(dead, F_OK), -1);
	assert_int_equal(access(live, F_OK), 0);
	assert_int_equal(access(other, F_OK), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test_setup_teardown(test_write_and_replace,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_parent_is_a_file,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_target_is_a_directory,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_disk_full,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_mkdirs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_all_or_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_clean_stale,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
