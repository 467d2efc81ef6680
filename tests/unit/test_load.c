/*
 * Unit tests for load.c: safe loading refuses DOCTYPEs, external
 * entities, XInclude, processing instructions, and reports empty, binary,
 * missing and directory inputs, each with file and line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "load.h"
#include "util.h"

#define D	"tests/data/load/"

/*
 * Load path; return what diag prints for it (static buffer) and whether
 * a document came back.
 */
static const char *
run(const char *path, int *gotdoc)
{
	static char		 out[8192];
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	xmlDocPtr		 doc;

	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, path);
	doc = load_file(path, df);
	*gotdoc = doc != NULL;
	xmlFreeDoc(doc);
	diag_flush(d, df);
	diag_file_free(df);
	diag_free(d);
	snprintf(out, sizeof(out), "%s", capture_close(&c));
	capture_free(&c);
	return out;
}

static int
setup(void **state)
{
	(void)state;
	xmlInitParser();
	load_lockdown();
	return 0;
}

static void
test_ok(void **state)
{
	int	 doc;

	(void)state;
	assert_string_equal(run("tests/data/ok.xml", &doc), "");
	assert_true(doc);
	assert_string_equal(run(D "hint.xml", &doc), "");
	assert_true(doc);
	assert_string_equal(run(D "latin1.xml", &doc), "");
	assert_true(doc);
}

static void
test_doctype(void **state)
{
	const char	*s;
	int		 doc;

	(void)state;
	s = run(D "doctype.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "doctype.xml:2:1: error: DOCTYPE "
	    "declarations are not allowed in monographs [doctype]\n"));
	s = run(D "xxe.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "xxe.xml:2:1: error: DOCTYPE"));
	assert_null(strstr(s, "Okay drug"));
}

static void
test_xinclude_pi_hint(void **state)
{
	const char	*s;
	int		 doc;

	(void)state;
	s = run(D "xinclude.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "xinclude.xml:4:3: error: XInclude "
	    "element 'include' is not allowed in monographs [xinclude]"));
	s = run(D "pi.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "pi.xml:2:1: error: processing "
	    "instruction '<?xml-stylesheet' is not allowed in monographs "
	    "[pi]"));
	s = run(D "evil-hint.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "evil-hint.xml:4:5: error: attribute "
	    "'xsi:schemaLocation' is not allowed"));
}

static void
test_broken_files(void **state)
{
	const char	*s;
	int		 doc;

	(void)state;
	s = run(D "empty.xml", &doc);
	assert_false(doc);
	assert_string_equal(s, D "empty.xml:1:1: error: empty file "
	    "[syntax]\n");
	s = run(D "binary.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "binary.xml:1:"));
	assert_non_null(strstr(s, "[syntax]"));
	s = run(D "badutf8.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "badutf8.xml:2:"));
	s = run(D "nwf.xml", &doc);
	assert_false(doc);
	assert_non_null(strstr(s, D "nwf.xml:3:"));
	assert_non_null(strstr(s, "end tag 'p' does not match start tag "
	    "'title'"));
}

static void
test_not_files(void **state)
{
	const char	*s;
	int		 doc;

	(void)state;
	s = run(D "no-such.xml", &doc);
	assert_false(doc);
	assert_string_equal(s, D "no-such.xml: error: cannot open file: "
	    "No such file or directory [read]\n");
	s = run("tests/data", &doc);
	assert_false(doc);
	assert_string_equal(s, "tests/data: error: is a directory, not a "
	    "monograph file [read]\n");
}

/*
 * load_memory() reads a buffer that need not end in NUL, with the same
 * refusals and located messages as load_file().
 */
static void
test_memory(void **state)
{
	static const char	 good[] = "<monograph "
	    "xmlns=\"urn:monoc:monograph:2\"/>XXXX";
	static const char	 bad[] = "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><m>&e;</m>";
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	xmlDocPtr		 doc;

	(void)state;
	capture_open(&c);
	d = diag_new(c.f, 0);
	df = diag_file_new(d, "mem.xml");
	/* Only the element: the bytes after it are outside the buffer. */
	doc = load_memory(good, strlen(good) - 4, "mem.xml", df);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_int_equal(diag_file_count(df), 0);
	diag_file_free(df);
	df = diag_file_new(d, "mem.xml");
	assert_null(load_memory(bad, strlen(bad), "mem.xml", df));
	diag_flush(d, df);
	diag_file_free(df);
	df = diag_file_new(d, "empty.xml");
	assert_null(load_memory("", 0, "empty.xml", df));
	diag_flush(d, df);
	diag_file_free(df);
	diag_free(d);
	assert_string_equal(capture_close(&c), "mem.xml:2:1: error: DOCTYPE "
	    "declarations are not allowed in monographs [doctype]\n"
	    "    2 | <!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
	    "<m>&e;</m>\n"
	    "      | ^\n"
	    "empty.xml:1:1: error: empty file [syntax]\n");
	capture_free(&c);
}

/*
 * The invisible characters (U+2028, U+2029, U+200B, U+00AD, U+FFF9..
 * U+FFFB, the tags U+E0000..U+E007F): each an error in a monograph, like
 * the controls; in a label repaired (the separators a space, the others
 * dropped) with the one repair warning.
 */
static void
test_invisible(void **state)
{
	static const char *const chars[] = {
		"\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x8b", "\xc2\xad",
		"\xef\xbf\xb9", "\xef\xbf\xba", "\xef\xbf\xbb",
		"\xf3\xa0\x80\x81", "\xf3\xa0\x81\xbf", NULL
	};
	static const char *const code[] = {
		"U+2028", "U+2029", "U+200B", "U+00AD", "U+FFF9", "U+FFFA",
		"U+FFFB", "U+E0001", "U+E007F"
	};
	struct capture		 c;
	struct diag		*d;
	struct diag_file	*df;
	xmlDocPtr		 doc;
	xmlChar			*text;
	char			 src[256], want[128];
	const char		*out;
	int			 i;

	(void)state;
	for (i = 0; chars[i] != NULL; i++) {
		snprintf(src, sizeof(src), "<monograph xmlns=\"urn:monoc:"
		    "monograph:2\"><p>ab%scd</p></monograph>", chars[i]);
		capture_open(&c);
		d = diag_new(c.f, 0);
		df = diag_file_new(d, "m.xml");
		/* kept for the checks that follow, with its error */
		xmlFreeDoc(load_memory(src, strlen(src), "m.xml", df));
		assert_int_equal(diag_file_worst(df), DIAG_ERROR);
		diag_flush(d, df);
		diag_file_free(df);
		df = diag_file_new(d, "l.xml");
		/* a label's elements are SPL's (others are unwrapped), at
		   the same columns */
		snprintf(src, sizeof(src), "<monograph xmlns=\"urn:hl7-org:"
		    "v3\"       ><p>ab%scd</p></monograph>", chars[i]);
		doc = load_label_memory(src, strlen(src), "l.xml", df);
		assert_non_null(doc);
		text = xmlNodeGetContent(xmlDocGetRootElement(doc));
		assert_string_equal((char *)text, i < 2 ? "ab cd" : "abcd");
		xmlFree(text);
		xmlFreeDoc(doc);
		diag_flush(d, df);
		diag_file_free(df);
		diag_free(d);
		out = capture_close(&c);
		snprintf(want, sizeof(want), "m.xml:1:42: error: the text of "
		    "element 'p' holds the invisible character %s", code[i]);
		if (strstr(out, want) == NULL)
			print_message("%s", out);
		assert_non_null(strstr(out, want));
		snprintf(want, sizeof(want), "l.xml:1:42: warning: the label's "
		    "text holds 1 control or invisible character");
		assert_non_null(strstr(out, want));
		snprintf(want, sizeof(want), "the first, %s, in element 'p'",
		    code[i]);
		assert_non_null(strstr(out, want));
		capture_free(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_doctype),
		cmocka_unit_test(test_xinclude_pi_hint),
		cmocka_unit_test(test_broken_files),
		cmocka_unit_test(test_not_files),
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_invisible),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
