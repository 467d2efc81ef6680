/*
 * Unit tests for ext.c: the C word wrapper, roff escaper, table rows,
 * replace and inline content against expected strings worked out from
 * the specifications above the templates "wrap" (text.xsl),
 * "roff-escape" (man.xsl) and the others.  That both
 * give the same bytes as the templates on whole monographs is checked by
 * tests/ext-parity.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libexslt/exslt.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "ext.h"

/* Wrap and compare, freeing the result. */
static void
wrap_is(const char *text, double width, const char *indent,
    const char *first, const char *want)
{
	char	*got;

	got = ext_wrap(text, width, indent, first);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
escape_is(const char *s, const char *want)
{
	char	*got;

	got = ext_roff_escape(s);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_wrap_empty(void **state)
{
	(void)state;
	wrap_is("", 78, "", "", "");
	wrap_is(" \t\r\n ", 78, "  ", "- ", "");
}

static void
test_wrap_normalizes_space(void **state)
{
	(void)state;
	wrap_is("  one  two\tthree\n", 78, "", "", "one two three");
}

static void
test_wrap_greedy(void **state)
{
	(void)state;
	wrap_is("aaa bbb ccc", 7, "", "", "aaa bbb\nccc");
	wrap_is("aaa bbb ccc", 6, "", "", "aaa\nbbb\nccc");
	wrap_is("aaa bbb ccc", 8, "  ", "- ", "- aaa\n  bbb\n  ccc");
}

static void
test_wrap_counts_characters(void **state)
{
	(void)state;
	/* é is two bytes but one character */
	wrap_is("\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9", 7, "", "",
	    "\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9");
	wrap_is("\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9", 6, "", "",
	    "\xc3\xa9\xc3\xa9\xc3\xa9\n\xc3\xa9\xc3\xa9\xc3\xa9");
	/* a word too long is cut at the width in characters, not bytes */
	wrap_is("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 4, "", "",
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\n\xc3\xa9\xc3\xa9");
}

static void
test_wrap_nbsp_joins(void **state)
{
	(void)state;
	/* U+00A0 is part of the word: "a b" stays together */
	wrap_is("x a\xc2\xa0" "b c", 4, "", "", "x\na\xc2\xa0" "b\nc");
}

static void
test_wrap_long_url(void **state)
{
	(void)state;
	wrap_is("https://example.org/abc/defgh", 20, "", "",
	    "https://example.org/\nabc/defgh");
	/* ? & = are break points too; the last one that fits wins */
	wrap_is("see a/b?c=d&eeeeeeeeee", 12, "", "",
	    "see\na/b?c=d&\neeeeeeeeee");
}

static void
test_wrap_hyphen_then_hard_cut(void **state)
{
	(void)state;
	wrap_is("aaaa-bbbb-cccc", 10, "", "", "aaaa-bbbb-\ncccc");
	wrap_is("abcdefghij", 4, "", "", "abcd\nefgh\nij");
	wrap_is("x abcdefghij", 6, "  ", "", "x\n  abcd\n  efgh\n  ij");
}

static void
test_escape_plain_and_specials(void **state)
{
	(void)state;
	escape_is("plain text, 10% (ok) [x] {y} a|b @c #d $e & f;",
	    "plain text, 10% (ok) [x] {y} a|b @c #d $e & f;");
	escape_is("back\\slash 'q' \"d\" `g` ~t ^c",
	    "back\\eslash \\(aqq\\(aq \\(dqd\\(dq \\(gag\\(ga \\(tit \\(hac");
	escape_is("a\tb\nc\rd", "a b c d");
}

static void
test_escape_leading_dot(void **state)
{
	(void)state;
	escape_is(".TH x", "\\&.TH x");
	escape_is(" .x", " .x");
	escape_is("a.b", "a.b");
}

static void
test_escape_hyphens(void **state)
{
	(void)state;
	escape_is("x-ray", "x\\-\\:ray");
	escape_is("x-1", "x\\-1");
	escape_is("-a", "\\-a");
	escape_is("a-", "a\\-");
	escape_is("a--b", "a\\-\\-b");
	escape_is("\xc3\xa9-a", "\\[u00E9]\\-a");
}

static void
test_escape_unicode(void **state)
{
	(void)state;
	escape_is("10\xc2\xa0mg", "10\\~mg");
	escape_is("\xe2\x80\x93 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d",
	    "\\(en \\(em \\(lqq\\(rq");
	escape_is("\xc2\xb5g \xe2\x89\xa5 \xe2\x86\x92",
	    "\\(mcg \\(>= \\(->");
	/* the three code point ranges, then anything else */
	escape_is("\xc3\xa9", "\\[u00E9]");
	escape_is("\xce\xa9", "\\[u03A9]");
	escape_is("\xe2\x82\xac", "\\[u20AC]");
	escape_is("\xd0\x80", "\\[uFFFD]");
	escape_is("\xe4\xb8\xad", "\\[uFFFD]");
	escape_is("\xf0\x9f\x98\x80", "\\[uFFFD]");
	escape_is("\x7f", "\\[uFFFD]");
}

/* Lay out one table row and compare, freeing the result. */
static void
row_is(const char *c1, const char *c2, const char *c3, const char *c4,
    double w1, double w2, double w3, size_t cap, const char *want)
{
	const char	*c[4];
	double		 w[3];
	char		*got;

	c[0] = c1;
	c[1] = c2;
	c[2] = c3;
	c[3] = c4;
	w[0] = w1;
	w[1] = w2;
	w[2] = w3;
	got = ext_table_row(c, w, cap);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Cells side by side, padded, each line ending at its last cell. */
static void
test_table_row_columns(void **state)
{
	(void)state;
	row_is("Dose", "When", "", "", 6, 5, 5, 80, "Dose    When\n");
	row_is("5 mg\nthree\ntimes", "day 1", "", "", 6, 5, 5, 80,
	    "5 mg    day 1\nthree\ntimes\n");
	/* empty cells before a full one keep their columns */
	row_is("a", "", "c", "", 2, 3, 2, 80, "a        c\n");
	row_is("a", "", "", "d", 2, 3, 2, 80, "a            d\n");
	/* widths count characters, not bytes */
	row_is("\xc3\xa9", "y", "", "", 3, 5, 5, 80, "\xc3\xa9    y\n");
}

/* Lines until every cell is used up; padding as substring() gives it. */
static void
test_table_row_edges(void **state)
{
	(void)state;
	row_is("", "", "", "", 6, 5, 5, 80, "");
	row_is("a\n\nb", "", "", "", 6, 5, 5, 80, "a\n\nb\n");
	row_is("", "", "", "z\n", 1, 1, 1, 80, "   " "   " "   z\n");
	/* no more padding than $SPACES holds; none for a width NaN */
	row_is("x", "y", "", "", 10, 5, 5, 3, "x     y\n");
	row_is("x", "y", "", "", NAN, 5, 5, 80, "x  y\n");
	/* a cell longer than its column is not cut */
	row_is("long", "y", "", "", 2, 5, 5, 80, "long  y\n");
}

/* Replace and compare, freeing the result. */
static void
replace_is(const char *s, const char *from, const char *to,
    const char *want)
{
	char	*got;

	got = ext_replace(s, from, to);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Every occurrence, left to right, not overlapping, as str:replace. */
static void
test_replace(void **state)
{
	(void)state;
	replace_is("a\xc2\xa0" "b\xc2\xa0" "c", "\xc2\xa0", " ", "a b c");
	replace_is("\x01" ".PP\n.SH X\n\x01" ".PP\n", "\x01" ".PP\n", "", ".SH X\n");
	replace_is("aaaa", "aa", "b", "bb");
	replace_is("aaa", "aa", "b", "ba");
	replace_is("none here", "xyz", "q", "none here");
	replace_is("", "a", "b", "");
	replace_is("keep", "", "x", "keep");
}

/*
 * text.xsl's and man.xsl's cite-open, cite-sep, cite-close, cite-at and
 * cite-sep-at
 */
static const struct ext_cites text_cites = {
	"\xc2\xa0[", ",\xc2\xa0", "]", ",\xc2\xa0", ";\xc2\xa0"
};
static const struct ext_cites roff_cites = {
	"\\~[", ",\\~", "]", ",\\~", ";\\~"
};

/* ext_inline() on the first element of the model fragment src. */
static void
inline_is(const char *src, int roff, const char *want)
{
	xmlDocPtr	 doc;
	char		*got;

	doc = xmlReadMemory(src, (int)strlen(src), "t.xml", NULL, 0);
	assert_non_null(doc);
	got = ext_inline(xmlDocGetRootElement(doc), roff,
	    roff ? &roff_cites : &text_cites);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	xmlFreeDoc(doc);
}

/*
 * Modes tin (text.xsl) and rin (man.xsl): em, strong, xref, citations
 * sorted by number (an empty @n, NaN, first; equal ones kept), CDATA,
 * an unknown element read through.
 */
static void
test_inline(void **state)
{
	static const char src[] =
	    "<p>Lead <em>it</em>, <strong>b-c</strong> "
	    "<xref to='x'>(see X)</xref><cites><c n='3' k='1'/>"
	    "<c n='' k='2'/><c n='1' k='3'/><c n='3' k='4'/></cites>"
	    " .end<![CDATA[ c\\d]]><other>in <em>n</em></other></p>";

	(void)state;
	inline_is(src, 0, "Lead *it*, b-c (see X)\xc2\xa0[,\xc2\xa0" "1,"
	    "\xc2\xa0" "3,\xc2\xa0" "3] .end c\\din *n*");
	inline_is(src, 1, "Lead \\fIit\\fP, \\fBb\\-\\:c\\fP (see X)"
	    "\\~[,\\~1,\\~3,\\~3] .end c\\ed" "in \\fIn\\fP");
	inline_is("<p>.x<cites/></p>", 1, "\\&.x\\~[]");
	inline_is("<p/>", 0, "");
}

/*
 * The constructs of format 2: sub and sup, a link to another monograph,
 * a footnote mark, citation locators (any locator in a group turns its
 * separators into cite-sep-at; an empty one still takes cite-at), a list
 * in an item skipped, a leading dot in a superscript escaped after the
 * mark.  Expected strings as xsltproc gives them with the fallback
 * templates of text.xsl (mode tin) and man.xsl (mode rin).
 */
static void
test_inline_format2(void **state)
{
	static const char src[] =
	    "<p>C<sub>max</sub> 10<sup>-3</sup> <link ref='tiz-a'>Tiz</link>"
	    " 5<fnref mark='a'/><cites><c n='4' k='1' at='\xc2\xa7" "5.1'/>"
	    "<c n='2' k='2'/></cites><cites><c n='3' k='3' at=''/></cites>"
	    "<cites><c n='1' k='4'/><c n='2' k='5'/></cites> x"
	    "<list type='bullet'><item>no</item></list><sup>.x</sup></p>";

	(void)state;
	inline_is(src, 0, "C_max 10^-3 Tiz (tiz-a.txt) 5(a)"
	    "\xc2\xa0[2;\xc2\xa0" "4,\xc2\xa0\xc2\xa7" "5.1]"
	    "\xc2\xa0[3,\xc2\xa0]\xc2\xa0[1,\xc2\xa0" "2] x^.x");
	inline_is(src, 1, "C_max 10\\(ha\\-3 Tiz (\\fBtiz\\-\\:a\\-\\:info"
	    "\\fP(7)) 5(a)\\~[2;\\~4,\\~\\[u00A7]5.1]\\~[3,\\~]"
	    "\\~[1,\\~2] x\\(ha.x");
}

/*
 * The punctuation is the caller's (the stylesheet's variables), none of
 * it built in: what text.xsl's mode tin gives with cite-open "(",
 * cite-sep "/", cite-close ")", cite-at "@" and cite-sep-at "|".
 */
static void
test_inline_punctuation(void **state)
{
	static const struct ext_cites odd = { "(", "/", ")", "@", "|" };
	static const char src[] =
	    "<p>a<cites><c n='2' k='1'/><c n='1' k='2'/></cites> b<cites>"
	    "<c n='3' k='3' at='p. 4'/><c n='1' k='4'/></cites></p>";
	xmlDocPtr	 doc;
	char		*got;

	(void)state;
	doc = xmlReadMemory(src, (int)strlen(src), "t.xml", NULL, 0);
	assert_non_null(doc);
	got = ext_inline(xmlDocGetRootElement(doc), 0, &odd);
	assert_non_null(got);
	assert_string_equal(got, "a(1/2) b(1|3@p. 4)");
	free(got);
	xmlFreeDoc(doc);
}

/* Only elements (and the document) have children for node(). */
static void
test_inline_not_element(void **state)
{
	xmlDocPtr	 doc;
	char		*got;

	(void)state;
	doc = xmlReadMemory("<p a='x'>t</p>", 14, "t.xml", NULL, 0);
	assert_non_null(doc);
	got = ext_inline((xmlNodePtr)xmlDocGetRootElement(doc)->properties, 0,
	    &text_cites);
	assert_non_null(got);
	assert_string_equal(got, "");
	free(got);
	got = ext_inline((xmlNodePtr)doc, 0, &text_cites);
	assert_non_null(got);
	assert_string_equal(got, "t");
	free(got);
	xmlFreeDoc(doc);
}

/*
 * The extension elements of html.xsl's citation links, in a small
 * stylesheet: what their xsl:fallback gives (checked with xsltproc, and
 * on every monograph by tests/ext-parity.sh), with the punctuation of
 * the stylesheet's variables.
 */
static void
test_html_links(void **state)
{
	static const char sheet[] =
	    "<xsl:stylesheet version='1.0'"
	    " xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
	    " xmlns:ext='urn:monoc:ext' extension-element-prefixes='ext'>"
	    "<xsl:output method='html' encoding='UTF-8'/>"
	    "<xsl:variable name='cite-before' select='\"&#160;\"'/>"
	    "<xsl:variable name='cite-open' select='\"(\"'/>"
	    "<xsl:variable name='cite-sep' select='\"; \"'/>"
	    "<xsl:variable name='cite-close' select='\")\"'/>"
	    "<xsl:template match='/'><p>"
	    "<xsl:for-each select='doc/p/cites'>x<ext:html-cites/>"
	    "</xsl:for-each>"
	    "<xsl:for-each select='doc/ref'>|<ext:html-backs/>|</xsl:for-each>"
	    "</p></xsl:template></xsl:stylesheet>";
	static const char model[] =
	    "<doc><p><cites><c n='2' k='1'/><c n='1' k='2'/></cites>"
	    "<cites><c n='3' k='3'/></cites></p>"
	    "<ref><back k='1' where='Uses'/><back k='5' where='Dosing' n='1'/>"
	    "<back k='6' where='Dosing' n='2'/></ref><ref/></doc>";
	static const char want[] =
	    "<p>x\xc2\xa0<span class=\"cite\">(<a href=\"#ref-1\" id=\"cite-2\">1"
	    "</a>; <a href=\"#ref-2\" id=\"cite-1\">2</a>)</span>x\xc2\xa0"
	    "<span class=\"cite\">(<a href=\"#ref-3\" id=\"cite-3\">3</a>)"
	    "</span>|<a href=\"#cite-1\">Uses</a>; Dosing\xc2\xa0"
	    "<a href=\"#cite-5\" aria-label=\"Dosing 1\">1</a>, "
	    "<a href=\"#cite-6\" aria-label=\"Dosing 2\">2</a>||"
	    "|</p>\n";
	xsltStylesheetPtr	 style;
	xmlDocPtr		 sdoc, doc, res;
	xmlChar			*out;
	int			 len;

	(void)state;
	assert_int_equal(ext_register(), 0);
	sdoc = xmlReadMemory(sheet, sizeof(sheet) - 1, "s.xsl", NULL, 0);
	assert_non_null(sdoc);
	style = xsltParseStylesheetDoc(sdoc);
	assert_non_null(style);
	doc = xmlReadMemory(model, sizeof(model) - 1, "m.xml", NULL, 0);
	assert_non_null(doc);
	res = xsltApplyStylesheet(style, doc, NULL);
	assert_non_null(res);
	assert_int_equal(xsltSaveResultToString(&out, &len, res, style), 0);
	assert_string_equal((char *)out, want);
	xmlFree(out);
	xmlFreeDoc(res);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(style);
}

/*
 * <ext:html-cites/> with locators: cite-at and the locator after a link
 * that has one (even empty), cite-sep-at between the links of a group
 * where any has one.  The expected string is what xsltproc gives with
 * html.xsl's fallback and these variables.
 */
static void
test_html_cites_at(void **state)
{
	static const char sheet[] =
	    "<xsl:stylesheet version='1.0'"
	    " xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
	    " xmlns:ext='urn:monoc:ext' extension-element-prefixes='ext'>"
	    "<xsl:output method='html' encoding='UTF-8'/>"
	    "<xsl:variable name='cite-before' select='\" \"'/>"
	    "<xsl:variable name='cite-open' select='\"(\"'/>"
	    "<xsl:variable name='cite-sep' select='\", \"'/>"
	    "<xsl:variable name='cite-close' select='\")\"'/>"
	    "<xsl:variable name='cite-at' select='\" at \"'/>"
	    "<xsl:variable name='cite-sep-at' select='\" | \"'/>"
	    "<xsl:template match='/'><p>"
	    "<xsl:for-each select='doc/p/cites'><ext:html-cites/>"
	    "</xsl:for-each></p></xsl:template></xsl:stylesheet>";
	/* the last c is a copy (no k): a link without an id */
	static const char model[] =
	    "<doc><p><cites><c n='5' k='7' at='\xc2\xa7" "2'/><c n='4' k='8'/>"
	    "</cites><cites><c n='6' k='9' at=''/></cites>"
	    "<cites><c n='3'/></cites></p></doc>";
	static const char want[] =
	    "<p> <span class=\"cite\">(<a href=\"#ref-4\" id=\"cite-8\">4</a>"
	    " | <a href=\"#ref-5\" id=\"cite-7\">5</a> at \xc2\xa7" "2)</span>"
	    " <span class=\"cite\">(<a href=\"#ref-6\" id=\"cite-9\">6</a>"
	    " at )</span> <span class=\"cite\">(<a href=\"#ref-3\">3</a>)"
	    "</span></p>\n";
	xsltStylesheetPtr	 style;
	xmlDocPtr		 sdoc, doc, res;
	xmlChar			*out;
	int			 len;

	(void)state;
	assert_int_equal(ext_register(), 0);
	sdoc = xmlReadMemory(sheet, sizeof(sheet) - 1, "s.xsl", NULL, 0);
	assert_non_null(sdoc);
	style = xsltParseStylesheetDoc(sdoc);
	assert_non_null(style);
	doc = xmlReadMemory(model, sizeof(model) - 1, "m.xml", NULL, 0);
	assert_non_null(doc);
	res = xsltApplyStylesheet(style, doc, NULL);
	assert_non_null(res);
	assert_int_equal(xsltSaveResultToString(&out, &len, res, style), 0);
	assert_string_equal((char *)out, want);
	xmlFree(out);
	xmlFreeDoc(res);
	xmlFreeDoc(doc);
	xsltFreeStylesheet(style);
}

/* The whole of the file path, NUL-terminated; fails the test if none. */
static char *
slurp(const char *path)
{
	FILE	*f;
	char	*s;
	long	 n;

	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/*
 * s as golden files keep an HTML page (golden_form in tests/lib.sh): a
 * newline between two tags side by side.  Frees s.
 */
static xmlChar *
golden_form(xmlChar *s)
{
	xmlChar		*o;
	size_t		 i, k;

	if (s == NULL || (o = xmlMalloc(2 * xmlStrlen(s) + 1)) == NULL)
		return s;
	for (i = k = 0; s[i] != '\0'; i++) {
		o[k++] = s[i];
		if (s[i] == '>' && s[i + 1] == '<')
			o[k++] = '\n';
	}
	o[k] = '\0';
	xmlFree(s);
	return o;
}

/*
 * The real stylesheets, with every C twin registered (as monoc runs
 * them), on the model that uses every construct of format 2: the same
 * bytes as stock xsltproc gives with the fallback templates, which
 * tests/render.sh keeps in tests/golden-model/.
 */
static void
test_twins_on_model(void **state)
{
	static const char *const fmts[][2] = {
		{ "xslt/html.xsl", "tests/golden-model/render.html" },
		{ "xslt/text.xsl", "tests/golden-model/render.txt" },
		{ "xslt/man.xsl", "tests/golden-model/render.7" }
	};
	xsltStylesheetPtr	 style;
	xmlDocPtr		 doc, res;
	xmlChar			*out;
	char			*want;
	size_t			 i;
	int			 len;

	(void)state;
	exsltRegisterAll();	/* exsl:node-set, str:replace, as monoc has */
	assert_int_equal(ext_register(), 0);
	doc = xmlReadFile("tests/data/model/render.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		style = xsltParseStylesheetFile(BAD_CAST fmts[i][0]);
		assert_non_null(style);
		res = xsltApplyStylesheet(style, doc, NULL);
		assert_non_null(res);
		assert_int_equal(xsltSaveResultToString(&out, &len, res,
		    style), 0);
		want = slurp(fmts[i][1]);
		if (i == 0)
			out = golden_form(out);
		assert_string_equal(out != NULL ? (char *)out : "", want);
		free(want);
		xmlFree(out);
		xmlFreeDoc(res);
		xsltFreeStylesheet(style);
	}
	xmlFreeDoc(doc);
}

/* ext_break_long(): break points in long words only, never doubled. */
static void
break_is(const char *s, double minlen, const char *want)
{
	char	*got;

	got = ext_break_long(s, minlen);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_break_long(void **state)
{
	(void)state;
	break_is("", 10, "");
	/* short words as they are */
	break_is("a/b c,d x\\-y", 10, "a/b c,d x\\-y");
	/* after / , ; ) ] = & ? and after \- and \~ */
	break_is("go https://e.org/a?b=c&d=e now", 10,
	    "go https:/\\:/\\:e.org/\\:a?\\:b=\\:c&\\:d=\\:e now");
	break_is("1\\-(3,4)\\-[u]x\\~y;z", 5,
	    "1\\-\\:(3,\\:4)\\:\\-\\:[u]\\:x\\~\\:y;\\:z");
	/* dots and underscores only in a row of them */
	break_is("a.b...c__d_e", 5, "a.b.\\:.\\:.c_\\:_d_e");
	/* where a break point is there already, none is added */
	break_is("ab\\-\\:cd/\\:ef", 5, "ab\\-\\:cd/\\:ef");
	/* characters, not bytes */
	break_is("\xc2\xb5/g", 3, "\xc2\xb5/g");
	break_is("\xc2\xb5/gg", 3, "\xc2\xb5/\\:gg");
}

/* ext_fill(): words never split; a line starting with a lead guarded. */
static void
fill_is(const char *text, double width, const char *want)
{
	char	*got;

	got = ext_fill(text, width, ".|'|T}", "\\&");
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_fill(void **state)
{
	(void)state;
	fill_is("", 10, "");
	fill_is("  a  b  ", 10, "a b");
	fill_is("one two three four", 9, "one two\nthree\nfour");
	fill_is("one two three", 7, "one two\nthree");
	/* a word longer than the width stands alone, whole */
	fill_is("a https://example.org/a/very/long/path b", 10,
	    "a\nhttps://example.org/a/very/long/path\nb");
	/* a line that would start a request is guarded */
	fill_is("x .5 mg and 'quoted'", 4, "x .5\nmg\nand\n\\&'quoted'");
	fill_is("x .5", 2, "x\n\\&.5");
	fill_is(".start", 20, "\\&.start");
	fill_is("a T} b", 2, "a\n\\&T}\nb");
	fill_is("T b", 5, "T b");
	/* characters, not bytes */
	fill_is("\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9", 5,
	    "\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_empty),
		cmocka_unit_test(test_wrap_normalizes_space),
		cmocka_unit_test(test_wrap_greedy),
		cmocka_unit_test(test_wrap_counts_characters),
		cmocka_unit_test(test_wrap_nbsp_joins),
		cmocka_unit_test(test_wrap_long_url),
		cmocka_unit_test(test_wrap_hyphen_then_hard_cut),
		cmocka_unit_test(test_escape_plain_and_specials),
		cmocka_unit_test(test_escape_leading_dot),
		cmocka_unit_test(test_escape_hyphens),
		cmocka_unit_test(test_escape_unicode),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_table_row_columns),
		cmocka_unit_test(test_table_row_edges),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_inline_format2),
		cmocka_unit_test(test_inline_punctuation),
		cmocka_unit_test(test_inline_not_element),
		cmocka_unit_test(test_html_links),
		cmocka_unit_test(test_html_cites_at),
		cmocka_unit_test(test_twins_on_model),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_break_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
