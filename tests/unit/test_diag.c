/* Unit tests for diag.c: message format, caret, summary, exit status. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "diag.h"
#include "util.h"

static char *
dupstr(const char *s)
{
	char	*p = malloc(strlen(s) + 1);

	strcpy(p, s);
	return p;
}

static void
test_located_with_caret(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	const char		*src = "<a>\n  <side-efect x='1'/>\n</a>\n";

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "m/b.xml");
	diag_file_set_source(df, dupstr(src), strlen(src));
	diag_file_add(df, DIAG_ERROR, 2, 3, "unknown-element",
	    "element '%s' is not allowed here", "side-efect");
	diag_flush(d, df);
	diag_summary(d);
	assert_int_equal(diag_status(d), 1);
	diag_file_free(df);
	diag_free(d);
	assert_string_equal(capture_close(&c),
	    "m/b.xml:2:3: error: element 'side-efect' is not allowed here "
	    "[unknown-element]\n"
	    "    2 |   <side-efect x='1'/>\n"
	    "      |   ^\n"
	    "1 error in 1 file\n");
	capture_free(&c);
}

static void
test_no_column_no_caret(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "x.xml");
	diag_file_add(df, DIAG_ERROR, 0, 0, "read",
	    "cannot open file: %s", "No such file or directory");
	diag_flush(d, df);
	diag_file_free(df);
	diag_free(d);
	assert_string_equal(capture_close(&c), "x.xml: error: cannot open "
	    "file: No such file or directory [read]\n");
	capture_free(&c);
}

static void
test_summary_plurals(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "a.xml");
	diag_file_add(df, DIAG_ERROR, 1, 0, "x", "one");
	diag_file_add(df, DIAG_ERROR, 2, 0, "x", "two");
	diag_file_add(df, DIAG_WARNING, 3, 0, "x", "three");
	diag_flush(d, df);
	diag_file_free(df);
	df = diag_file_new(d, "b.xml");
	diag_flush(d, df);	/* no diagnostics: not counted */
	diag_file_free(df);
	diag_summary(d);
	diag_free(d);
	assert_non_null(strstr(capture_close(&c),
	    "\n2 errors, 1 warning in 1 file\n"));
	capture_free(&c);

	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "a.xml");
	diag_file_add(df, DIAG_WARNING, 1, 0, "x", "w");
	diag_flush(d, df);
	diag_file_free(df);
	df = diag_file_new(d, "b.xml");
	diag_file_add(df, DIAG_WARNING, 1, 0, "x", "w");
	diag_flush(d, df);
	diag_file_free(df);
	diag_summary(d);
	assert_int_equal(diag_status(d), 0);
	diag_free(d);
	assert_non_null(strstr(capture_close(&c),
	    "\n2 warnings in 2 files\n"));
	capture_free(&c);
}

static void
test_nothing_no_summary(void **state)
{
	struct capture	 c;
	struct diag	*d;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	diag_summary(d);
	assert_int_equal(diag_status(d), 0);
	diag_free(d);
	assert_string_equal(capture_close(&c), "");
	capture_free(&c);
}

static void
test_unlocated_and_fatal(void **state)
{
	struct capture	 c;
	struct diag	*d;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	diag_msg(d, DIAG_FATAL, "cannot read stylesheet '%s'", "x.xsl");
	assert_int_equal(diag_status(d), 2);
	diag_summary(d);
	diag_free(d);
	assert_string_equal(capture_close(&c),
	    "monoc: cannot read stylesheet 'x.xsl'\n1 error\n");
	capture_free(&c);
}

static void
test_werror(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 1);
	df = diag_file_new(d, "a.xml");
	diag_file_add(df, DIAG_WARNING, 1, 0, "old", "reviewed long ago");
	assert_int_equal(diag_file_worst(df), DIAG_ERROR);
	diag_flush(d, df);
	diag_file_free(df);
	assert_int_equal(diag_status(d), 1);
	diag_free(d);
	assert_string_equal(capture_close(&c),
	    "a.xml:1: error: reviewed long ago [old]\n");
	capture_free(&c);
}

static void
test_locate(void **state)
{
	struct diag_file	*df;
	const char		*src =
	    "<m>\n"
	    "  <p:dose x=\"1\"\n"
	    "     unit=\"mgs\"/>\n"
	    "  <cite ref=\"a\"/><cite ref=\"b\"/>\n"
	    "</m>\n";
	int			 line, col;

	(void)state;
	df = diag_file_new(NULL, "a.xml");
	diag_file_set_source(df, dupstr(src), strlen(src));
	/* libxml2 reports the line where the start tag ends. */
	line = 3;
	diag_file_locate(df, &line, &col, "p:dose", NULL);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	line = 3;
	diag_file_locate(df, &line, &col, "p:dose", "unit");
	assert_int_equal(line, 3);
	assert_int_equal(col, 6);
	line = 4;
	diag_file_locate_value(df, &line, &col, "cite", NULL, "a");
	assert_int_equal(col, 3);
	line = 4;
	diag_file_locate_value(df, &line, &col, "cite", NULL, "b");
	assert_int_equal(col, 18);
	line = 4;
	diag_file_locate(df, &line, &col, "nosuch", NULL);
	assert_int_equal(col, 0);
	assert_int_equal(line, 4);
	diag_file_free(df);
}

static void
test_caret_tabs_and_utf8(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	const char		*src = "\t\xc2\xb5g <x/>\n";

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "u.xml");
	diag_file_set_source(df, dupstr(src), strlen(src));
	diag_file_add(df, DIAG_NOTE, 1, 5, NULL, "here");
	diag_flush(d, df);
	diag_file_free(df);
	diag_free(d);
	assert_string_equal(capture_close(&c),
	    "u.xml:1:5: note: here\n"
	    "    1 | \t\xc2\xb5g <x/>\n"
	    "      | \t   ^\n");
	capture_free(&c);
}

static void
test_long_line_window(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	char			 src[1024], want[1024];

	(void)state;
	memset(src, 'a', 600);
	memcpy(src + 500, "<x/>", 4);
	src[600] = '\0';
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "l.xml");
	diag_file_set_source(df, dupstr(src), 600);
	diag_file_add(df, DIAG_ERROR, 1, 501, NULL, "here");
	diag_flush(d, df);
	diag_file_free(df);
	diag_free(d);
	/* 80 bytes before the column, 160 in all, "..." on both sides. */
	snprintf(want, sizeof(want), "l.xml:1:501: error: here\n"
	    "    1 | ...%.80s<x/>%.76s...\n      |    %80s^\n",
	    src, src, "");
	assert_string_equal(capture_close(&c), want);
	capture_free(&c);
}

/*
 * Nothing a terminal acts on is printed raw: ESC and CR in the file name
 * and the message become \xHH, C1 and bidi controls \uHHHH, the source
 * line shows "?" for each; a message cut by its buffer ends on a
 * character boundary.
 */
static void
test_escaped(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	const char		*src = "<a>x\xc2\x9b" "2J\xe2\x80\xae" "y\x7f</a>\n";
	char			 msg[3000];
	const char		*out;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "m/\033[2J\r.xml");
	diag_file_set_source(df, dupstr(src), strlen(src));
	diag_file_add(df, DIAG_ERROR, 1, 4, "x", "value '%s'",
	    "\033]0;t\007\xc2\x85\xe2\x80\xae");
	/* 2,046 bytes of "a" then a 3-byte character: cut before it. */
	memset(msg, 'a', 2046);
	strcpy(msg + 2046, "\xe2\x82\xac");
	diag_file_add(df, DIAG_ERROR, 0, 0, NULL, "%s", msg);
	diag_flush(d, df);
	diag_file_free(df);
	diag_msg(d, DIAG_ERROR, "name '%s'", "\x1b[31m");
	diag_free(d);
	out = capture_close(&c);
	assert_non_null(strstr(out, "m/\\x1B[2J\\x0D.xml:1:4: error: value "
	    "'\\x1B]0;t\\x07\\u0085\\u202E' [x]\n"
	    "    1 | <a>x?2J?y?</a>\n"
	    "      |    ^\n"));
	assert_non_null(strstr(out, "monoc: name '\\x1B[31m'\n"));
	assert_null(strchr(out, '\033'));
	assert_null(strchr(out, '\r'));
	assert_null(strstr(out, "\xe2\x82"));
	assert_non_null(strstr(out, "aaaa\n"));
	capture_free(&c);
}

/*
 * After the cap: an error not kept still sets the exit status, a
 * file-level error with a code is still shown, and 2,000 duplicates of
 * one message stop the file's messages like 200 different ones.
 */
static void
test_after_the_cap(void **state)
{
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	const char		*out;
	int			 i;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "a.xml");
	for (i = 0; i < 300; i++)
		diag_file_add(df, DIAG_WARNING, i + 1, 1, "w", "warning %d", i);
	assert_true(diag_file_full(df));
	diag_file_add(df, DIAG_ERROR, 400, 1, "e", "a located error");
	diag_file_add(df, DIAG_ERROR, 0, 0, "too-large", "file-level");
	diag_flush(d, df);
	diag_file_free(df);
	df = diag_file_new(d, "b.xml");
	for (i = 0; i < 2100; i++)
		diag_file_add(df, DIAG_WARNING, 1, 1, "w", "the same");
	assert_true(diag_file_full(df));
	diag_flush(d, df);
	diag_file_free(df);
	assert_int_equal(diag_status(d), 1);
	diag_free(d);
	out = capture_close(&c);
	assert_null(strstr(out, "a located error"));
	assert_non_null(strstr(out, "a.xml: error: file-level [too-large]"));
	assert_non_null(strstr(out, "b.xml:1:1: warning: the same [w]\n"
	    "b.xml: note: too many messages"));
	capture_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_located_with_caret),
		cmocka_unit_test(test_no_column_no_caret),
		cmocka_unit_test(test_escaped),
		cmocka_unit_test(test_after_the_cap),
		cmocka_unit_test(test_summary_plurals),
		cmocka_unit_test(test_nothing_no_summary),
		cmocka_unit_test(test_unlocated_and_fatal),
		cmocka_unit_test(test_werror),
		cmocka_unit_test(test_locate),
		cmocka_unit_test(test_caret_tabs_and_utf8),
		cmocka_unit_test(test_long_line_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
