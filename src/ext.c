/*
 * XSLT extension functions, namespace urn:monoc:ext.
 *
 * In C, with the same results as the templates they stand for:
 * ext:wrap(text, width[, indent[, first-indent]]) is the named template
 * "wrap" of text.xsl, ext:table-row(c1, c2, c3, c4, w1, w2, w3, cap) its
 * template "table-row", ext:roff-escape(s) the template "roff-escape" of
 * man.xsl, ext:replace(s, from, to) EXSLT str:replace() with three
 * strings, and ext:inline(node, style, cite-open, cite-sep, cite-close,
 * cite-at, cite-sep-at) the inline content of a model element as one
 * string, as the modes "tin" of text.xsl and "rin" of man.xsl render it
 * (citation punctuation from the stylesheet's variables, as they are).
 * Two extension elements write html.xsl's citation links straight into
 * the result: <ext:html-cites/> (punctuation in its attributes) and
 * <ext:html-backs/>, each with its template body as xsl:fallback.  The
 * templates recurse once per word, line or escaped
 * character, copying the rest of the string each time, and were most of
 * the cost of those two formats.  The comments above the templates are
 * the specification; lengths count characters (code points), as XPath
 * string-length() does.  The functions are pure, so the registration
 * is process-wide and safe to use from every worker thread.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/variables.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "buf.h"
#include "dom.h"
#include "ext.h"
#include "grid.h"
#include "xform.h"

/* Characters in the n bytes of UTF-8 at s. */
size_t
ext_u8chars(const char *s, size_t n)
{
	size_t	 i, c;

	for (i = c = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Bytes taken by the first k characters of the n bytes at s. */
size_t
ext_u8bytes(const char *s, size_t n, size_t k)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && k-- == 0)
			break;
	return i;
}

int
ext_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* XPath normalize-space(): NULL when out of memory. */
char *
ext_normalize(const char *s)
{
	char	*n, *q;

	if ((q = n = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	while (*s != '\0') {
		if (ext_is_space(*s)) {
			while (ext_is_space(*s))
				s++;
			if (q != n && *s != '\0')
				*q++ = ' ';
		} else
			*q++ = *s++;
	}
	*q = '\0';
	return n;
}

/*
 * Length in characters of the longest prefix of the n bytes at s that
 * ends in one of chars; 0 when there is none (template wrap-break-point).
 */
static size_t
break_point(const char *s, size_t n, const char *chars)
{
	size_t	 i;

	for (i = n; i > 0; i--)
		if (strchr(chars, s[i - 1]) != NULL)
			return ext_u8chars(s, i);
	return 0;
}

/*
 * The template "wrap" of text.xsl: greedy filling of the words of text
 * (white space normalised, only U+0020 separates words) into lines of at
 * most width characters, the first prefixed by first_indent, the others
 * by indent, joined by LF without a final LF.  A word too long for a line
 * of its own breaks after the last / ? & or = that fits, else after the
 * last -, else at the width.  Returns NULL when out of memory.  The end
 * and length of a word are found once, not again for each piece of a
 * long word: linear time, where the template is quadratic.
 */
char *
ext_wrap(const char *text, double width, const char *indent,
    const char *first_indent)
{
	struct buf	 out, line;
	const char	*rest, *end;
	char		*t;
	size_t		 wbytes, wchars, lchars, icnt, room, rbytes, cut;
	double		 n;
	int		 fresh;

	memset(&out, 0, sizeof(out));
	memset(&line, 0, sizeof(line));
	if ((t = ext_normalize(text)) == NULL)
		return NULL;
	if (*t == '\0') {
		free(t);
		return strdup("");
	}
	icnt = ext_u8chars(indent, strlen(indent));
	buf_str(&line, first_indent);
	lchars = ext_u8chars(first_indent, strlen(first_indent));
	fresh = 1;
	rest = t;
	end = NULL;		/* of the word at rest, when known */
	wchars = 0;
	while (*rest != '\0') {
		if (end == NULL) {
			if ((end = strchr(rest, ' ')) == NULL)
				end = rest + strlen(rest);
			wchars = ext_u8chars(rest, end - rest);
		}
		wbytes = end - rest;
		if (!fresh && lchars + 1 + wchars > width) {
			buf_add(&out, line.p, line.len);
			buf_add(&out, "\n", 1);
			line.len = 0;
			buf_str(&line, indent);
			lchars = icnt;
			fresh = 1;
			continue;
		}
		if (!fresh) {
			buf_add(&line, " ", 1);
			buf_add(&line, rest, wbytes);
			lchars += 1 + wchars;
			rest = *end == '\0' ? end : end + 1;
			end = NULL;
			continue;
		}
		cut = 0;
		if (lchars + wchars > width) {
			/* substring($word, 1, $width - string-length($line)) */
			n = floor(width - (double)lchars + 0.5);
			room = n > 0 ? (n < wchars ? (size_t)n : wchars) : 0;
			rbytes = ext_u8bytes(rest, wbytes, room);
			if ((cut = break_point(rest, rbytes, "/?&=")) == 0 &&
			    (cut = break_point(rest, rbytes, "-")) == 0)
				cut = room;
		}
		if (cut > 0) {
			rbytes = ext_u8bytes(rest, wbytes, cut);
			buf_add(&out, line.p, line.len);
			buf_add(&out, rest, rbytes);
			buf_add(&out, "\n", 1);
			rest += rbytes;
			wchars -= cut;
			line.len = 0;
			buf_str(&line, indent);
			lchars = icnt;
		} else {
			buf_add(&line, rest, wbytes);
			lchars += wchars;
			rest = *end == '\0' ? end : end + 1;
			end = NULL;
			fresh = 0;
		}
	}
	buf_add(&out, line.p, line.len);
	free(t);
	if (line.fail)
		out.fail = 1;
	free(line.p);
	return buf_done(&out);
}

/* Does s start with one of the '|'-separated prefixes of leads? */
static int
starts_any(const char *s, const char *leads)
{
	size_t	 n;

	while (*leads != '\0') {
		n = strcspn(leads, "|");
		if (n > 0 && strncmp(s, leads, n) == 0)
			return 1;
		leads += n;
		if (*leads == '|')
			leads++;
	}
	return 0;
}

/*
 * Fill the words of text (split at U+0020 only, white space normalised)
 * into lines of at most width characters, never splitting a word (a
 * longer one stands alone on its line), joined by LF without a final LF;
 * a line that would start with one of the '|'-separated prefixes of lead
 * gets guard before it.  For source lines that must stay short (a man page's
 * input).  Returns NULL when out of memory.
 */
char *
ext_fill(const char *text, double width, const char *lead, const char *guard)
{
	struct buf	 out;
	const char	*rest, *end;
	char		*t;
	size_t		 lchars, wchars;

	memset(&out, 0, sizeof(out));
	if ((t = ext_normalize(text)) == NULL)
		return NULL;
	lchars = 0;
	for (rest = t; *rest != '\0'; rest = *end == '\0' ? end : end + 1) {
		if ((end = strchr(rest, ' ')) == NULL)
			end = rest + strlen(rest);
		wchars = ext_u8chars(rest, end - rest);
		if (lchars > 0 && lchars + 1 + wchars <= width) {
			buf_add(&out, " ", 1);
			lchars++;
		} else {
			if (lchars > 0)
				buf_add(&out, "\n", 1);
			lchars = 0;
			if (starts_any(rest, lead)) {
				buf_str(&out, guard);
				lchars += ext_u8chars(guard, strlen(guard));
			}
		}
		buf_add(&out, rest, end - rest);
		lchars += wchars;
	}
	free(t);
	return buf_done(&out);
}

/*
 * The template "line" of man.xsl, its long words: s (words split at
 * U+0020) with, in each word of more than minlen characters (a URL, a
 * chemical name, a row of dots or underscores), a roff break point \:
 * after each of / , ; ) ] = & ?, after a dot or an underscore that
 * another follows
 * and after each \- and \~, unless one follows already, so groff and
 * mandoc can break the word in a narrow column.  Returns NULL when out
 * of memory.
 */
char *
ext_break_long(const char *s, double minlen)
{
	struct buf	 out;
	const char	*w, *end, *p;

	memset(&out, 0, sizeof(out));
	buf_add(&out, "", 0);
	for (w = s; *w != '\0'; w = *end == '\0' ? end : end + 1) {
		if ((end = strchr(w, ' ')) == NULL)
			end = w + strlen(w);
		if (w != s)
			buf_add(&out, " ", 1);
		if (ext_u8chars(w, end - w) <= minlen) {
			buf_add(&out, w, end - w);
			continue;
		}
		for (p = w; p < end; ) {
			if (*p == '\\' && p + 1 < end &&
			    (p[1] == '-' || p[1] == '~')) {
				buf_add(&out, p, 2);
				p += 2;
			} else if (strchr("/,;)]=&?", *p) != NULL ||
			    ((*p == '.' || *p == '_') && p + 1 < end &&
			    p[1] == *p)) {
				buf_add(&out, p, 1);
				p++;
			} else {
				buf_add(&out, p, 1);
				p++;
				continue;
			}
			if (!(end - p >= 2 && p[0] == '\\' && p[1] == ':'))
				buf_add(&out, "\\:", 2);
		}
	}
	return buf_done(&out);
}

/* Decode one UTF-8 character at *s (valid UTF-8, as libxml2 gives). */
static uint32_t
u8next(const char **s)
{
	const unsigned char	*p = (const unsigned char *)*s;
	uint32_t		 c;
	int			 n, i;

	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		c = p[0] & 0x1F;
		n = 1;
	} else if ((p[0] & 0xF0) == 0xE0) {
		c = p[0] & 0x0F;
		n = 2;
	} else {
		c = p[0] & 0x07;
		n = 3;
	}
	for (i = 1; i <= n && (p[i] & 0xC0) == 0x80; i++)
		c = (c << 6) | (p[i] & 0x3F);
	*s += i;
	return c;
}

static int
is_ascii_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Printable ASCII that stands for itself in roff text ($PLAIN). */
static int
is_plain(uint32_t c)
{
	return c >= ' ' && c < 0x7F && strchr("\\-'\"`~^", (int)c) == NULL;
}

/* The escape of one character that is not plain (template roff-char). */
static void
roff_char(struct buf *b, uint32_t c)
{
	static const struct {
		uint32_t	 c;
		const char	*esc;
	} named[] = {
		{ '\\', "\\e" }, { '-', "\\-" }, { '\'', "\\(aq" },
		{ '"', "\\(dq" }, { '`', "\\(ga" }, { '~', "\\(ti" },
		{ '^', "\\(ha" }, { 0xA0, "\\~" }, { 0x2013, "\\(en" },
		{ 0x2014, "\\(em" }, { 0x201C, "\\(lq" }, { 0x201D, "\\(rq" },
		{ 0x2018, "\\(oq" }, { 0x2019, "\\(cq" }, { 0xB5, "\\(mc" },
		{ 0x2265, "\\(>=" }, { 0x2264, "\\(<=" }, { 0xD7, "\\(mu" },
		{ 0xB0, "\\(de" }, { 0xB1, "\\(+-" }, { 0x2022, "\\(bu" },
		{ 0x2192, "\\(->" }
	};
	static const char	 hex[] = "0123456789ABCDEF";
	char			 u[10];
	size_t			 i;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (named[i].c == c) {
			buf_str(b, named[i].esc);
			return;
		}
	/* The code point tables U0, U1 and U2 of man.xsl. */
	if (!((c >= 0xA0 && c <= 0x2FF) || (c >= 0x370 && c <= 0x3FF) ||
	    (c >= 0x2000 && c <= 0x22FF)))
		c = 0xFFFD;
	memcpy(u, "\\[u", 3);
	u[3] = hex[(c >> 12) & 0xF];
	u[4] = hex[(c >> 8) & 0xF];
	u[5] = hex[(c >> 4) & 0xF];
	u[6] = hex[c & 0xF];
	u[7] = ']';
	buf_add(b, u, 8);
}

/*
 * The template "roff-escape" of man.xsl: tab, CR and LF become spaces,
 * printable ASCII stands for itself except \ - ' " ` ~ ^, everything
 * else is a named or \[uXXXX] escape, a leading "." is guarded by \&,
 * and a hyphen between two ASCII letters gets a break point \:.
 * Returns NULL when out of memory.
 */
char *
ext_roff_escape(const char *s)
{
	struct buf	 b;
	const char	*p, *q;
	uint32_t	 c, prev, next;
	char		 ch;

	memset(&b, 0, sizeof(b));
	if (*s == '.')
		buf_add(&b, "\\&", 2);
	prev = 0;
	p = s;
	while (*p != '\0') {
		c = u8next(&p);
		if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (is_plain(c)) {
			ch = (char)c;
			buf_add(&b, &ch, 1);
		} else {
			roff_char(&b, c);
			if (c == '-' && is_ascii_letter(prev)) {
				q = p;
				next = *q == '\0' ? 0 : u8next(&q);
				if (is_ascii_letter(next))
					buf_add(&b, "\\:", 2);
			}
		}
		prev = c;
	}
	return buf_done(&b);
}

/*
 * Append s padded with spaces to width characters, as the template "pad"
 * of text.xsl does: substring($SPACES, 1, width - string-length(s)), so
 * at most cap spaces, none when width is not a number.
 */
static void
pad(struct buf *b, const char *s, size_t n, double width, size_t cap)
{
	double	 want;
	size_t	 k;

	buf_add(b, s, n);
	want = width - (double)ext_u8chars(s, n);
	if (!(want >= 1))		/* also NaN */
		return;
	want = floor(want + 0.5);	/* XPath round() */
	for (k = 0; k < cap && (double)k < want; k++)
		buf_add(b, " ", 1);
}

/*
 * The template "table-row" of text.xsl: the cells c[0..3] (each wrapped
 * to its column, lines separated by newlines) side by side, line by line,
 * columns 1 to 3 padded to w[0..2] and two spaces apart; a line stops
 * after its last non-empty cell.  Lines are written until every cell is
 * used up.  cap is string-length($SPACES), the most padding "pad" gives.
 */
char *
ext_table_row(const char *const c[4], const double w[3], size_t cap)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	const char	*p[4], *nl;
	size_t		 n[4];
	int		 i, last;

	for (i = 0; i < 4; i++)
		p[i] = c[i];
	while (*p[0] != '\0' || *p[1] != '\0' || *p[2] != '\0' ||
	    *p[3] != '\0') {
		last = -1;
		for (i = 0; i < 4; i++) {
			nl = strchr(p[i], '\n');
			n[i] = nl != NULL ? (size_t)(nl - p[i]) : strlen(p[i]);
			if (n[i] > 0)
				last = i;
		}
		/* Column 1 is written even when every cell is empty. */
		for (i = 0; i <= last || i == 0; i++) {
			if (i < last) {
				pad(&b, p[i], n[i], w[i], cap);
				buf_add(&b, "  ", 2);
			} else
				buf_add(&b, p[i], n[i]);
		}
		buf_add(&b, "\n", 1);
		for (i = 0; i < 4; i++)
			p[i] += p[i][n[i]] == '\n' ? n[i] + 1 : n[i];
	}
	return buf_done(&b);
}

/*
 * s with every occurrence of from replaced by to, left to right, as EXSLT
 * str:replace(s, from, to) does with three strings: the whole-page passes
 * of text.xsl and man.xsl.  An empty from leaves s as it is.
 */
char *
ext_replace(const char *s, const char *from, const char *to)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	size_t		 flen = strlen(from), tlen = strlen(to);
	const char	*p, *q, *end;

	if (flen == 0)
		return strdup(s);
	/*
	 * memchr() and memcmp(), not strstr(): AddressSanitizer's strstr()
	 * reads the whole rest of the page at each call, which made a run
	 * under check-asan quadratic in the matches.
	 */
	end = s + strlen(s);
	for (p = s; (q = memchr(p, from[0], end - p)) != NULL; ) {
		if ((size_t)(end - q) >= flen && memcmp(q, from, flen) == 0) {
			buf_add(&b, s, (size_t)(q - s));
			buf_add(&b, to, tlen);
			s = p = q + flen;
		} else
			p = q + 1;
	}
	buf_add(&b, s, (size_t)(end - s));
	return buf_done(&b);
}

/* Is n the model element NAME (no namespace)? */
int
ext_is_model(const xmlNode *n, const char *name)
{
	return dom_is_ns(n, NULL, name);
}

/* Append the XPath string value of n. */
static void
add_value(struct buf *b, const xmlNode *n)
{
	const xmlNode	*c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			buf_str(b, (const char *)n->content);
		return;
	}
	if (n->type == XML_ELEMENT_NODE)
		for (c = n->children; c != NULL; c = c->next)
			add_value(b, c);
}

/* Append roff-escape(s) (template roff-escape of man.xsl). */
static void
add_escaped(struct buf *b, const char *s)
{
	char	*e;

	if ((e = ext_roff_escape(s)) == NULL) {
		b->fail = 1;
		return;
	}
	buf_str(b, e);
	free(e);
}

/* Append roff-escape(string(n)). */
static void
add_escaped_value(struct buf *b, const xmlNode *n)
{
	struct buf	 v;
	char		*s;

	memset(&v, 0, sizeof(v));
	add_value(&v, n);
	if ((s = buf_done(&v)) == NULL) {
		b->fail = 1;
		return;
	}
	add_escaped(b, s);
	free(s);
}

struct cite_num {
	double		 v;		/* number(@n), NaN for none */
	const char	*n;		/* @n, "" when absent */
	const char	*k;		/* @k, "" when absent */
	const char	*at;		/* @at, NULL when absent */
};

/* a before b as xsl:sort data-type="number" has them: NaN first */
static int
num_before(double a, double b)
{
	if (isnan(a))
		return !isnan(b);
	return !isnan(b) && a < b;
}

/* The value of the attribute name of model element e, "" if none. */
static const char *
model_att(const xmlNode *e, const char *name)
{
	const xmlAttr	*a;

	for (a = e->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0)
			return a->children != NULL &&
			    a->children->content != NULL ?
			    (const char *)a->children->content : "";
	return "";
}

/* The value of the attribute name of model element e, NULL if none. */
static const char *
model_att_or_null(const xmlNode *e, const char *name)
{
	const xmlAttr	*a;

	for (a = e->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0)
			return model_att(e, name);
	return NULL;
}

/*
 * The c children of a cites element in the order of the for-each with
 * xsl:sort select="@n" data-type="number" of the cites templates
 * (libxslt's sort keeps equal keys in document order): a malloc'd array
 * of *np entries (NULL when none).  Returns -1 when out of memory.
 */
static int
sorted_cites(const xmlNode *cites, struct cite_num **vp, size_t *np)
{
	const xmlNode	*c;
	struct cite_num	*v, t;
	size_t		 n, i, j;

	*vp = NULL;
	*np = n = 0;
	for (c = cites->children; c != NULL; c = c->next)
		if (ext_is_model(c, "c"))
			n++;
	if (n == 0)
		return 0;
	if ((v = calloc(n, sizeof(*v))) == NULL)
		return -1;
	i = 0;
	for (c = cites->children; c != NULL; c = c->next) {
		if (!ext_is_model(c, "c"))
			continue;
		v[i].n = model_att(c, "n");
		v[i].k = model_att(c, "k");
		v[i].at = model_att_or_null(c, "at");
		v[i].v = xmlXPathStringEvalNumber(BAD_CAST v[i].n);
		for (j = i++; j > 0 && num_before(v[j].v, v[j - 1].v); j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	}
	*vp = v;
	*np = n;
	return 0;
}

/* Does any of the n citations at v have a locator (test "c/@at")? */
static int
any_at(const struct cite_num *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i].at != NULL)
			return 1;
	return 0;
}

/*
 * The numbers of a cites element as cs has them, each with its locator
 * after cs->at (roff-escaped with roff); cs->sep_at between them when
 * any has a locator.
 */
static void
add_cites(struct buf *b, const xmlNode *cites, const struct ext_cites *cs,
    int roff)
{
	struct cite_num	*v;
	size_t		 n, i;
	int		 at;

	if (sorted_cites(cites, &v, &n) == -1) {
		b->fail = 1;
		return;
	}
	at = any_at(v, n);
	buf_str(b, cs->open);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_str(b, at ? cs->sep_at : cs->sep);
		buf_str(b, v[i].n);
		if (v[i].at != NULL) {
			buf_str(b, cs->at);
			if (roff)
				add_escaped(b, v[i].at);
			else
				buf_str(b, v[i].at);
		}
	}
	buf_str(b, cs->close);
	free(v);
}

/* Append prefix, string(n) and suffix, all roff-escaped as one with roff. */
static void
add_marked(struct buf *b, const char *prefix, const xmlNode *n,
    const char *value, const char *suffix, int roff)
{
	struct buf	 v;
	char		*s;

	memset(&v, 0, sizeof(v));
	buf_str(&v, prefix);
	if (n != NULL)
		add_value(&v, n);
	if (value != NULL)
		buf_str(&v, value);
	buf_str(&v, suffix);
	if ((s = buf_done(&v)) == NULL) {
		b->fail = 1;
		return;
	}
	if (roff)
		add_escaped(b, s);
	else
		buf_str(b, s);
	free(s);
}

/* One node of inline model content, as add_inline() has it. */
static void
inline_node(struct buf *b, const xmlNode *n, int roff,
    const struct ext_cites *cs)
{
	const xmlNode	*c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content == NULL)
			return;
		if (roff)
			add_escaped(b, (const char *)n->content);
		else
			buf_str(b, (const char *)n->content);
	} else if (n->type != XML_ELEMENT_NODE)
		return;
	else if (ext_is_model(n, "em")) {
		buf_str(b, roff ? "\\fI" : "*");
		if (roff)
			add_escaped_value(b, n);
		else
			add_value(b, n);
		buf_str(b, roff ? "\\fP" : "*");
	} else if (ext_is_model(n, "strong")) {
		if (roff) {
			buf_str(b, "\\fB");
			add_escaped_value(b, n);
			buf_str(b, "\\fP");
		} else
			add_value(b, n);
	} else if (ext_is_model(n, "xref")) {
		if (roff)
			add_escaped_value(b, n);
		else
			add_value(b, n);
	} else if (ext_is_model(n, "sup"))
		add_marked(b, "^", n, NULL, "", roff);
	else if (ext_is_model(n, "sub"))
		add_marked(b, "_", n, NULL, "", roff);
	else if (ext_is_model(n, "fnref"))
		add_marked(b, "(", NULL, model_att(n, "mark"), ")", roff);
	else if (ext_is_model(n, "link")) {
		/* text: "name (REF.txt)"; roff: "name (\fBREF-info\fP(7))" */
		if (roff) {
			add_escaped_value(b, n);
			buf_str(b, " (\\fB");
			add_marked(b, "", NULL, model_att(n, "ref"), "-info",
			    1);
			buf_str(b, "\\fP(7))");
		} else {
			add_value(b, n);
			add_marked(b, " (", NULL, model_att(n, "ref"), ".txt)",
			    0);
		}
	} else if (ext_is_model(n, "list"))
		;		/* a list in an item: rendered as a block */
	else if (ext_is_model(n, "cites"))
		add_cites(b, n, cs, roff);
	else
		for (c = n->children; c != NULL; c = c->next)
			inline_node(b, c, roff, cs);	/* built-in rule */
}

/*
 * The inline model content of node (text, em, strong, sub, sup, xref,
 * link, fnref, cites; a list in an item is skipped) as one string: what
 * apply-templates select="node()" gives in mode "tin" of text.xsl, or
 * with roff in mode "rin" of man.xsl (each piece escaped with
 * ext_roff_escape(), fonts as \fI \fB \fP); sup as ^x, sub as _x, a
 * footnote mark as (a), a link as "name (REF.txt)" or
 * "name (\fBREF-info\fP(7))"; citation groups as cs has them (the
 * stylesheet's cite-open, cite-sep, cite-close, cite-at and
 * cite-sep-at, given as they are).  Returns NULL when out of memory.
 */
char *
ext_inline(const xmlNode *node, int roff, const struct ext_cites *cs)
{
	struct buf	 b;
	const xmlNode	*c;

	memset(&b, 0, sizeof(b));
	/* node(): what XPath gives as children (none for an attribute,
	   a namespace node or text) */
	if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE)
		return buf_done(&b);
	for (c = node->children; c != NULL; c = c->next)
		inline_node(&b, c, roff, cs);
	return buf_done(&b);
}

/* Return the string s (malloc'd by us) to XPath; NULL: out of memory. */
static void
return_string(xmlXPathParserContextPtr ctxt, char *s)
{
	if (s == NULL) {
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	xmlXPathReturnString(ctxt, xmlStrdup(BAD_CAST s));
	free(s);
}

/* ext:wrap(text, width[, indent[, first-indent]]) */
static void
xp_wrap(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*text, *indent, *first;
	double	 width;

	if (nargs < 2 || nargs > 4) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	indent = first = NULL;
	if (nargs == 4)
		first = xmlXPathPopString(ctxt);
	if (nargs >= 3)
		indent = xmlXPathPopString(ctxt);
	width = xmlXPathPopNumber(ctxt);
	text = xmlXPathPopString(ctxt);
	if (ctxt->error == XPATH_EXPRESSION_OK)
		return_string(ctxt, ext_wrap(text == NULL ? "" :
		    (char *)text, width, indent == NULL ? "" :
		    (char *)indent, first != NULL ? (char *)first :
		    indent != NULL ? (char *)indent : ""));
	xmlFree(text);
	xmlFree(indent);
	xmlFree(first);
}

/* ext:fill(text, width, lead, guard) */
static void
xp_fill(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*text, *lead, *guard;
	double	 width;

	if (nargs != 4) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	guard = xmlXPathPopString(ctxt);
	lead = xmlXPathPopString(ctxt);
	width = xmlXPathPopNumber(ctxt);
	text = xmlXPathPopString(ctxt);
	if (ctxt->error == XPATH_EXPRESSION_OK && text != NULL &&
	    lead != NULL && guard != NULL)
		return_string(ctxt, ext_fill((char *)text, width,
		    (char *)lead, (char *)guard));
	xmlFree(text);
	xmlFree(lead);
	xmlFree(guard);
}

/* ext:break-long(s, minlen) */
static void
xp_break_long(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*text;
	double	 minlen;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	minlen = xmlXPathPopNumber(ctxt);
	text = xmlXPathPopString(ctxt);
	if (ctxt->error == XPATH_EXPRESSION_OK && text != NULL)
		return_string(ctxt, ext_break_long((char *)text, minlen));
	xmlFree(text);
}

/* ext:roff-escape(s) */
static void
xp_roff_escape(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*s;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	s = xmlXPathPopString(ctxt);
	if (ctxt->error == XPATH_EXPRESSION_OK)
		return_string(ctxt, ext_roff_escape(s == NULL ? "" :
		    (char *)s));
	xmlFree(s);
}

/* ext:table-row(c1, c2, c3, c4, w1, w2, w3, cap) */
static void
xp_table_row(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar		*c[4];
	const char	*cs[4];
	double		 w[3], cap;
	int		 i;

	if (nargs != 8) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	cap = xmlXPathPopNumber(ctxt);
	for (i = 2; i >= 0; i--)
		w[i] = xmlXPathPopNumber(ctxt);
	for (i = 3; i >= 0; i--)
		c[i] = xmlXPathPopString(ctxt);
	for (i = 0; i < 4; i++)
		cs[i] = c[i] == NULL ? "" : (const char *)c[i];
	if (ctxt->error == XPATH_EXPRESSION_OK)
		return_string(ctxt, ext_table_row(cs, w,
		    cap >= 1 && cap < 1e6 ? (size_t)cap : 0));
	for (i = 0; i < 4; i++)
		xmlFree(c[i]);
}

/* ext:replace(s, from, to) */
static void
xp_replace(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar	*s, *from, *to;

	if (nargs != 3) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	to = xmlXPathPopString(ctxt);
	from = xmlXPathPopString(ctxt);
	s = xmlXPathPopString(ctxt);
	if (ctxt->error == XPATH_EXPRESSION_OK)
		return_string(ctxt, ext_replace(s == NULL ? "" : (char *)s,
		    from == NULL ? "" : (char *)from,
		    to == NULL ? "" : (char *)to));
	xmlFree(s);
	xmlFree(from);
	xmlFree(to);
}

/*
 * ext:firsts(nodes, names): the elements of nodes (in document order)
 * whose values of the attributes named in names (separated by spaces)
 * no element before them has, an absent attribute being a value of its
 * own.  What a test of the preceding siblings does for each one, or a
 * key's first node: both copy all the equal nodes for each one, and
 * 8,000 forms of one route took 0.65 s of an index page's 0.7 s.
 */
static void
xp_firsts(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	 ret;
	xmlNodeSetPtr		 set;
	xmlHashTablePtr		 seen;
	xmlChar			*names, *v;
	struct buf		 key;
	char			*k;
	const char		*p, *q;
	char			 name[64];
	int			 i, bad;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	names = xmlXPathPopString(ctxt);
	set = xmlXPathPopNodeSet(ctxt);
	if (ctxt->error != XPATH_EXPRESSION_OK) {
		xmlFree(names);
		xmlXPathFreeNodeSet(set);
		return;
	}
	seen = NULL;
	bad = (ret = xmlXPathNewNodeSet(NULL)) == NULL ||
	    (seen = xmlHashCreate(64)) == NULL;
	if (!bad && set != NULL)
		xmlXPathNodeSetSort(set);
	for (i = 0; !bad && set != NULL && i < set->nodeNr; i++) {
		if (set->nodeTab[i]->type != XML_ELEMENT_NODE)
			continue;
		memset(&key, 0, sizeof(key));
		for (p = names != NULL ? (const char *)names : ""; *p != '\0';
		    p = q) {
			while (*p == ' ')
				p++;
			for (q = p; *q != '\0' && *q != ' '; q++)
				continue;
			if (q == p || (size_t)(q - p) >= sizeof(name))
				continue;
			memcpy(name, p, (size_t)(q - p));
			name[q - p] = '\0';
			v = xmlGetNoNsProp(set->nodeTab[i], BAD_CAST name);
			/* "\x1f" before a value, "\x1e" for none */
			buf_str(&key, v != NULL ? "\x1f" : "\x1e");
			if (v != NULL)
				buf_str(&key, (const char *)v);
			xmlFree(v);
		}
		if ((k = buf_done(&key)) == NULL)
			bad = 1;
		else if (xmlHashLookup(seen, BAD_CAST k) == NULL &&
		    (xmlHashAddEntry(seen, BAD_CAST k, (void *)1) != 0 ||
		    xmlXPathNodeSetAdd(ret->nodesetval, set->nodeTab[i]) != 0))
			bad = 1;
		free(k);
	}
	if (seen != NULL)
		xmlHashFree(seen, NULL);
	xmlFree(names);
	xmlXPathFreeNodeSet(set);
	if (bad) {
		xmlXPathFreeObject(ret);
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	valuePush(ctxt, ret);
}

/*
 * ext:inline(node, 'text' | 'roff', cite-open, cite-sep, cite-close,
 * cite-at, cite-sep-at), node one element of the model
 */
static void
xp_inline(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct ext_cites	 cs;
	xmlNodeSetPtr		 set;
	xmlChar			*style, *p[5];
	int			 roff, i;

	if (nargs != 7) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	for (i = 4; i >= 0; i--)
		p[i] = xmlXPathPopString(ctxt);
	style = xmlXPathPopString(ctxt);
	set = xmlXPathPopNodeSet(ctxt);
	if (ctxt->error == XPATH_EXPRESSION_OK) {
		roff = style != NULL && strcmp((char *)style, "roff") == 0;
		if (set == NULL || set->nodeNr != 1 || (!roff &&
		    (style == NULL || strcmp((char *)style, "text") != 0)) ||
		    p[0] == NULL || p[1] == NULL || p[2] == NULL ||
		    p[3] == NULL || p[4] == NULL) {
			xmlXPathSetError(ctxt, XPATH_INVALID_TYPE);
		} else {
			cs.open = (const char *)p[0];
			cs.sep = (const char *)p[1];
			cs.close = (const char *)p[2];
			cs.at = (const char *)p[3];
			cs.sep_at = (const char *)p[4];
			return_string(ctxt, ext_inline(set->nodeTab[0],
			    roff, &cs));
		}
	}
	xmlXPathFreeNodeSet(set);
	xmlFree(style);
	for (i = 0; i < 5; i++)
		xmlFree(p[i]);
}

/* ---- extension elements: html.xsl's citation links ---- */

/* A new result element NAME, last child of parent; NULL after failing. */
xmlNodePtr
ext_result_el(xsltTransformContextPtr ctxt, xmlNodePtr parent,
    const char *name)
{
	xmlNodePtr	 e;

	if (parent == NULL ||
	    (e = xmlNewDocNode(ctxt->output, NULL, BAD_CAST name, NULL)) ==
	    NULL)
		return NULL;
	if (xmlAddChild(parent, e) == NULL) {
		xmlFreeNode(e);
		return NULL;
	}
	return e;
}

/* Text into the result, joined to a text node before it as libxslt does. */
static int
result_text(xsltTransformContextPtr ctxt, xmlNodePtr parent, const char *s)
{
	if (*s == '\0')
		return 0;
	return parent != NULL && xsltCopyTextString(ctxt, parent, BAD_CAST s,
	    0) != NULL ? 0 : -1;
}

/* An attribute name="prefix value" on the result element e. */
static int
result_att(xmlNodePtr e, const char *name, const char *prefix,
    const char *value)
{
	char	*v;
	int	 ret;

	if (e == NULL || (v = malloc(strlen(prefix) + strlen(value) + 1)) ==
	    NULL)
		return -1;
	strcpy(v, prefix);
	strcat(v, value);
	ret = xmlNewProp(e, BAD_CAST name, BAD_CAST v) != NULL ? 0 : -1;
	free(v);
	return ret;
}

static void
result_fail(xsltTransformContextPtr ctxt, xmlNodePtr inst)
{
	xsltTransformError(ctxt, NULL, inst, "%s: out of memory\n",
	    (const char *)inst->name);
	ctxt->state = XSLT_STATE_STOPPED;
}

/*
 * The string value of the stylesheet's global variable name, "" when it
 * has none (malloc'd by libxml2; NULL when out of memory).
 */
xmlChar *
ext_sheet_var(xsltTransformContextPtr ctxt, const char *name)
{
	xmlXPathObjectPtr	 o;
	xmlChar			*v;

	if ((o = xsltVariableLookup(ctxt, BAD_CAST name, NULL)) == NULL)
		return xmlStrdup(BAD_CAST "");
	v = xmlXPathCastToString(o);
	xmlXPathFreeObject(o);
	return v;
}

/*
 * <ext:html-cites/>, context a cites element of the model: the body of
 * html.xsl's template cites (mode hin), which is its xsl:fallback; the
 * punctuation is the stylesheet's variables cite-before, cite-open,
 * cite-sep, cite-close, cite-at and cite-sep-at, as the fallback has it:
 * each link, then cite-at and its locator when it has one; cite-sep-at
 * between them when any has a locator.  A copy of a citation (no k, as
 * in the highlights) links to its reference but has no id.
 */
static void
xe_html_cites(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
    xsltElemPreCompPtr comp)
{
	static const char *const names[] = {
		"cite-before", "cite-open", "cite-sep", "cite-close",
		"cite-at", "cite-sep-at"
	};
	struct cite_num	*v;
	xmlNodePtr	 span = NULL, a;
	xmlChar		*p[6];
	size_t		 n, i;
	int		 bad, at;

	(void)comp;
	if (node->type != XML_ELEMENT_NODE)
		n = 0, v = NULL;	/* no c children */
	else if (sorted_cites(node, &v, &n) == -1) {
		result_fail(ctxt, inst);
		return;
	}
	bad = 0;
	at = any_at(v, n);
	for (i = 0; i < 6; i++)
		if ((p[i] = ext_sheet_var(ctxt, names[i])) == NULL)
			bad = 1;
	if (!bad) {
		bad = result_text(ctxt, ctxt->insert, (char *)p[0]);
		span = ext_result_el(ctxt, ctxt->insert, "span");
		bad |= result_att(span, "class", "", "cite");
		bad |= result_text(ctxt, span, (char *)p[1]);
	}
	for (i = 0; i < n && !bad; i++) {
		if (i > 0)
			bad |= result_text(ctxt, span,
			    (char *)p[at ? 5 : 2]);
		a = ext_result_el(ctxt, span, "a");
		bad |= result_att(a, "href", "#ref-", v[i].n);
		if (*v[i].k != '\0')
			bad |= result_att(a, "id", "cite-", v[i].k);
		bad |= result_text(ctxt, a, v[i].n);
		if (v[i].at != NULL) {
			bad |= result_text(ctxt, span, (char *)p[4]);
			bad |= result_text(ctxt, span, v[i].at);
		}
	}
	if (!bad)
		bad |= result_text(ctxt, span, (char *)p[3]);
	for (i = 0; i < 6; i++)
		xmlFree(p[i]);
	free(v);
	if (bad)
		result_fail(ctxt, inst);
}

/*
 * <ext:html-backs/>, context a ref element of the model: the links back
 * to its citations, the xsl:for-each over its back elements in html.xsl's
 * template refs, which is its xsl:fallback.
 */
static void
xe_html_backs(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
    xsltElemPreCompPtr comp)
{
	const xmlNode	*c;
	const xmlAttr	*at;
	const char	*prev, *where;
	char		 label[512];
	xmlNodePtr	 a;
	int		 bad, first, same, has_n;

	(void)comp;
	bad = 0;
	first = 1;
	prev = NULL;
	if (node->type != XML_ELEMENT_NODE)
		return;			/* no back children */
	for (c = node->children; c != NULL && !bad; c = c->next) {
		if (!ext_is_model(c, "back"))
			continue;
		where = model_att(c, "where");
		same = prev != NULL && strcmp(prev, where) == 0;
		prev = where;
		if (!first)
			bad |= result_text(ctxt, ctxt->insert, same ? ", " :
			    "; ");
		first = 0;
		has_n = 0;
		for (at = c->properties; at != NULL; at = at->next)
			if (at->ns == NULL &&
			    strcmp((const char *)at->name, "n") == 0)
				has_n = 1;
		if (has_n && !same) {
			bad |= result_text(ctxt, ctxt->insert, where);
			bad |= result_text(ctxt, ctxt->insert, "\xc2\xa0");
		}
		a = ext_result_el(ctxt, ctxt->insert, "a");
		bad |= result_att(a, "href", "#cite-", model_att(c, "k"));
		if (has_n) {
			snprintf(label, sizeof(label), "%s %s", where,
			    model_att(c, "n"));
			bad |= result_att(a, "aria-label", "", label);
			bad |= result_text(ctxt, a, model_att(c, "n"));
		} else
			bad |= result_text(ctxt, a, where);
	}
	if (bad)
		result_fail(ctxt, inst);
}

/*
 * Register the functions for every transform of the process.  Call once,
 * before any worker thread starts.  Returns 0, or -1 on failure.
 */
int
ext_register(void)
{
	if (xsltRegisterExtModuleFunction(BAD_CAST "wrap",
	    BAD_CAST MONOC_EXT_NS, xp_wrap) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "fill",
	    BAD_CAST MONOC_EXT_NS, xp_fill) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "break-long",
	    BAD_CAST MONOC_EXT_NS, xp_break_long) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "roff-escape",
	    BAD_CAST MONOC_EXT_NS, xp_roff_escape) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "table-row",
	    BAD_CAST MONOC_EXT_NS, xp_table_row) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "replace",
	    BAD_CAST MONOC_EXT_NS, xp_replace) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "inline",
	    BAD_CAST MONOC_EXT_NS, xp_inline) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "firsts",
	    BAD_CAST MONOC_EXT_NS, xp_firsts) != 0 ||
	    xsltRegisterExtModuleElement(BAD_CAST "html-cites",
	    BAD_CAST MONOC_EXT_NS, NULL, xe_html_cites) != 0 ||
	    xsltRegisterExtModuleElement(BAD_CAST "html-backs",
	    BAD_CAST MONOC_EXT_NS, NULL, xe_html_backs) != 0 ||
	    grid_register(MONOC_EXT_NS) != 0)
		return -1;
	return 0;
}
