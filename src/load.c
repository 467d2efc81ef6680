/*
 * Safe loading of monographs, which are untrusted input.
 *
 * The file is read into memory by us (so the external entity loader never
 * has to open it), capped in size, and parsed with XML_PARSE_NONET |
 * XML_PARSE_BIG_LINES only: no entity substitution, no DTD loading, no
 * XInclude, libxml2's default depth and text limits.  load_lockdown()
 * installs an external entity loader that refuses everything; it is called
 * once the schema and stylesheets are compiled.  A document with a DOCTYPE
 * is rejected before anyone reads its tree: expanding entities on tree
 * access is how the quadratic blow-up bites (see TOOLING.md section 5).
 */
#define _GNU_SOURCE		/* memmem() */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "load.h"

#define PARSE_OPTIONS	(XML_PARSE_NONET | XML_PARSE_BIG_LINES)
#define XINCLUDE_2001	"http://www.w3.org/2001/XInclude"
#define XINCLUDE_2003	"http://www.w3.org/2003/XInclude"
#define XSI_NS		"http://www.w3.org/2001/XMLSchema-instance"
#define MONOGRAPH_NS	"urn:monoc:monograph:2"
/* format 1's, still accepted here so that check.c can say how to move */
#define MONOGRAPH_NS_1	"urn:monoc:monograph:1"

/* The external entity loader after lockdown: nothing may be loaded. */
static xmlParserInputPtr
refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/*
 * Refuse every external entity, DTD and document from now on.  Call
 * after the schema and the stylesheets are loaded.  Returns the loader
 * it replaces, for xmlSetExternalEntityLoader() at the end of the run.
 */
xmlExternalEntityLoader
load_lockdown(void)
{
	xmlExternalEntityLoader	 old;

	old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(refuse_loader);
	return old;
}

/*
 * Read path into a NUL-terminated buffer of at most LOAD_MAXSIZE bytes
 * (only a regular file, never waiting on a FIFO).  Returns the buffer
 * (free it) or NULL after reporting why to df.
 */
char *
load_read(const char *path, struct diag_file *df, size_t *lenp)
{
	struct stat	 st;
	char		*buf, *p;
	size_t		 len, cap;
	ssize_t		 n;
	int		 fd;

	buf = NULL;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read",
		    "cannot open file: %s", strerror(errno));
		goto fail;
	}
	if (fstat(fd, &st) == -1) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read",
		    "cannot read file: %s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read",
		    "is %s, not a monograph file",
		    S_ISDIR(st.st_mode) ? "a directory" :
		    S_ISFIFO(st.st_mode) ? "a FIFO" :
		    S_ISSOCK(st.st_mode) ? "a socket" :
		    S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" :
		    "not a regular file");
		goto fail;
	}
	cap = st.st_size < LOAD_MAXSIZE ? (size_t)st.st_size + 1 : 65536;
	len = 0;
	if ((buf = malloc(cap + 1)) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		goto fail;
	}
	for (;;) {
		if (len == cap) {
			if (cap > LOAD_MAXSIZE)
				break;
			cap *= 2;
			if ((p = realloc(buf, cap + 1)) == NULL) {
				diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
				    "out of memory");
				goto fail;
			}
			buf = p;
		}
		if ((n = read(fd, buf + len, cap - len)) == -1) {
			if (errno == EINTR)
				continue;
			diag_file_add(df, DIAG_ERROR, 0, 0, "read",
			    "cannot read file: %s", strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += n;
	}
	if (len > LOAD_MAXSIZE) {
		/* Point at the line where the limit is crossed. */
		for (n = 1, p = buf; (p = memchr(p, '\n',
		    buf + LOAD_MAXSIZE - p)) != NULL; p++)
			n++;
		diag_file_add(df, DIAG_ERROR, n, 0, "too-large",
		    "file is larger than %d MiB", LOAD_MAXSIZE >> 20);
		goto fail;
	}
	close(fd);
	buf[len] = '\0';
	*lenp = len;
	return buf;
fail:
	if (fd != -1)
		close(fd);
	free(buf);
	return NULL;
}

/* Line and column of the first occurrence of needle in the source. */
static void	find_text(struct diag_file *, const char *, int *, int *);

/* Report an error at byte offset at of the source s. */
static void
add_at(struct diag_file *df, const char *s, const char *at, const char *code,
    const char *msg)
{
	const char	*p, *ls;
	int		 line, col;

	line = 1;
	ls = s;
	for (p = s; (p = memchr(p, '\n', at - p)) != NULL; ls = ++p)
		line++;
	for (col = 1, p = ls; p < at; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
	diag_file_add(df, DIAG_ERROR, line, col, code, "%s", msg);
}

/*
 * Before libxml2 sees the file: refuse a start tag with more than
 * LOAD_MAXATTRS attributes, and elements nested more than LOAD_MAXDEPTH
 * deep.  libxml2 2.9.14 looks for a duplicate among all the attributes
 * read so far, and appends each to the end of a list it walks, so 100,000
 * attributes on one element took 94 s; and its depth limit lets 257
 * levels through.  One pass over the bytes: comments, CDATA sections and
 * processing instructions are skipped, quoted values too; what is not
 * well-formed is left to the parser to report.  Returns -1 after
 * reporting.
 */
static int
prescan(const char *s, size_t len, struct diag_file *df)
{
	const char	*p, *q, *end;
	char		 msg[128], quote;
	size_t		 natts;
	int		 depth;

	end = s + len;
	depth = 0;
	for (p = s; (p = memchr(p, '<', end - p)) != NULL; p = q + 1) {
		q = NULL;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			q = memmem(p + 4, end - p - 4, "-->", 3);
		else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			q = memmem(p + 9, end - p - 9, "]]>", 3);
		else if (end - p >= 2 && p[1] == '?')
			q = memmem(p + 2, end - p - 2, "?>", 2);
		else if (end - p >= 2 && p[1] == '!')
			return 0;	/* a DOCTYPE: refused by the parser */
		else if (end - p >= 2 && p[1] == '/') {
			depth--;
			q = memchr(p, '>', end - p);
		} else {
			natts = 0;
			quote = '\0';
			for (q = p + 1; q < end; q++) {
				if (quote != '\0') {
					if (*q == quote)
						quote = '\0';
				} else if (*q == '"' || *q == '\'')
					quote = *q;
				else if (*q == '=')
					natts++;
				else if (*q == '>' || *q == '<')
					break;
			}
			if (q == end || *q == '<')
				return 0;
			if (natts > LOAD_MAXATTRS) {
				snprintf(msg, sizeof(msg), "element has %zu "
				    "attributes; at most %d are allowed",
				    natts, LOAD_MAXATTRS);
				add_at(df, s, p, "too-many-attributes", msg);
				return -1;
			}
			if (q[-1] != '/' && ++depth > LOAD_MAXDEPTH) {
				snprintf(msg, sizeof(msg), "elements nested "
				    "more than %d deep", LOAD_MAXDEPTH);
				add_at(df, s, p, "too-deep", msg);
				return -1;
			}
		}
		if (q == NULL)
			return 0;
	}
	return 0;
}

/*
 * A UTF-8 copy of a UTF-16 file (told by its byte order mark or by its
 * first character, "<"), for the source lines of messages: libxml2 reads
 * UTF-16 itself, but the lines shown must be UTF-8.  NULL when the file
 * is not UTF-16 or cannot be converted.
 */
static char *
utf16_source(const char *buf, size_t len, size_t *outlen)
{
	const unsigned char	*u = (const unsigned char *)buf;
	const char		*from;
	iconv_t			 cd;
	char			*out, *in, *o;
	size_t			 inleft, oleft;

	if (len < 2)
		return NULL;
	if ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == '<' && u[1] == 0))
		from = "UTF-16LE";
	else if ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0 && u[1] == '<'))
		from = "UTF-16BE";
	else
		return NULL;
	if (u[0] == 0xFF || u[0] == 0xFE) {
		buf += 2;
		len -= 2;
	}
	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return NULL;
	oleft = len / 2 * 3 + 1;
	if ((out = malloc(oleft)) == NULL) {
		iconv_close(cd);
		return NULL;
	}
	in = (char *)buf;
	inleft = len;
	o = out;
	oleft--;
	/* Stops at the first bad sequence: the lines up to it are shown. */
	(void)iconv(cd, &in, &inleft, &o, &oleft);
	iconv_close(cd);
	*o = '\0';
	*outlen = o - out;
	return out;
}

/*
 * The SAX internalSubset callback: called as soon as "<!DOCTYPE name"
 * is read, before any declaration in it.  Refuse it and stop parsing, so
 * no entity is ever declared, let alone expanded.
 */
struct parse {
	struct diag_file	*df;
	int			 label;		/* an SPL label, not a monograph */
};

static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct parse		*ps = ctxt->_private;
	struct diag_file	*df = ps->df;
	int			 line, col;

	(void)name;
	(void)eid;
	(void)sid;
	find_text(df, "<!DOCTYPE", &line, &col);
	if (line == 0)
		line = ctxt->input != NULL ? ctxt->input->line : 0;
	diag_file_add(df, DIAG_ERROR, line, col, "doctype",
	    "DOCTYPE declarations are not allowed in %s",
	    ps->label ? "labels" : "monographs");
	xmlStopParser(ctxt);
}

static void
find_text(struct diag_file *df, const char *needle, int *line, int *col)
{
	const char	*src, *p, *s;
	size_t		 len;

	*line = *col = 0;
	if ((src = diag_file_source(df, &len)) == NULL ||
	    (p = strstr(src, needle)) == NULL)
		return;
	*line = 1;
	for (s = src; s < p; s++)
		if (*s == '\n')
			(*line)++;
	for (s = p; s > src && s[-1] != '\n'; s--)
		continue;
	*col = p - s + 1;
}

/*
 * Is the xsi attribute a harmless hint?  Editors use xsi:schemaLocation
 * pointing at the project schema; monoc never loads it, but refuses any
 * other location, which can only be an attempt to reach something else.
 */
static int
hint_ok(xmlAttrPtr a)
{
	xmlChar		*v;
	const char	*s, *loc, *base;
	size_t		 n;
	int		 ok;

	if (!xmlStrEqual(a->name, BAD_CAST "schemaLocation") ||
	    (v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
		return 0;
	s = (const char *)v;
	s += strspn(s, " \t\r\n");
	n = strlen(MONOGRAPH_NS);
	ok = 0;
	if ((strncmp(s, MONOGRAPH_NS, n) == 0 ||
	    strncmp(s, MONOGRAPH_NS_1, n) == 0) &&
	    strchr(" \t\r\n", s[n]) != NULL && s[n] != '\0') {
		loc = s + n + strspn(s + n, " \t\r\n");
		n = strcspn(loc, " \t\r\n");
		base = loc + n;
		while (base > loc && base[-1] != '/')
			base--;
		ok = *loc != '/' && memchr(loc, ':', n) == NULL &&
		    loc + n - base == 13 &&
		    strncmp(base, "monograph.xsd", 13) == 0 &&
		    loc[n + strspn(loc + n, " \t\r\n")] == '\0';
	}
	xmlFree(v);
	return ok;
}

/*
 * The node after n in document order, n's children first (those of
 * elements only: an entity reference's are its entity's), or NULL at the
 * end of doc.
 */
static xmlNodePtr
next_node(xmlDocPtr doc, xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != NULL && n->next == NULL)
		n = n->parent == (xmlNodePtr)doc ? NULL : n->parent;
	return n == NULL ? NULL : n->next;
}

/*
 * The elements, attributes and text nodes of doc: what the memory of its
 * transforms grows with (src/monoc.c).
 */
size_t
load_count_nodes(xmlDocPtr doc)
{
	xmlNodePtr	 n;
	xmlAttrPtr	 a;
	size_t		 count;

	count = 0;
	for (n = xmlDocGetRootElement(doc); n != NULL;
	    n = next_node(doc, n)) {
		count++;
		if (n->type == XML_ELEMENT_NODE)
			for (a = n->properties; a != NULL; a = a->next)
				count++;
	}
	return count;
}

/*
 * Walk the tree and refuse what monographs never need: entity references,
 * XInclude elements and processing instructions.  Children of entity
 * references are not visited: that is where an entity's text lives.
 * An SPL label (label set) may carry processing instructions (its
 * xml-stylesheet) and xsi:schemaLocation: both are ignored, never read.
 * Returns the number of problems found.
 */
static int
refuse_nodes(xmlDocPtr doc, struct diag_file *df, int label)
{
	xmlNodePtr	 n;
	xmlAttrPtr	 a;
	char		 name[256];
	int		 bad, line, col;

	bad = 0;
	for (n = doc->children; n != NULL; n = next_node(doc, n)) {
		switch (n->type) {
		case XML_ENTITY_REF_NODE:
			if (bad > 0)
				break;	/* one is enough; there may be many */
			diag_file_add_node(df, DIAG_ERROR, n->parent, NULL,
			    "entity", "entity reference '&%s;' is not "
			    "allowed; write the character itself", n->name);
			bad++;
			break;
		case XML_PI_NODE:
			if (label)
				break;
			line = xmlGetLineNo(n);
			snprintf(name, sizeof(name), "?%s", n->name);
			diag_file_locate(df, &line, &col, name, NULL);
			diag_file_add(df, DIAG_ERROR, line < 0 ? 0 : line,
			    col, "pi", "processing instruction '<?%s' is "
			    "not allowed in monographs", n->name);
			bad++;
			break;
		case XML_ELEMENT_NODE:
			if (n->ns != NULL && n->ns->href != NULL &&
			    (xmlStrEqual(n->ns->href,
			    BAD_CAST XINCLUDE_2001) ||
			    xmlStrEqual(n->ns->href,
			    BAD_CAST XINCLUDE_2003))) {
				diag_file_add_node(df, DIAG_ERROR, n, NULL,
				    "xinclude", "XInclude element '%s' is "
				    "not allowed in %s", n->name,
				    label ? "labels" : "monographs");
				bad++;
			}
			for (a = n->properties; !label && a != NULL;
			    a = a->next) {
				if (a->ns == NULL || !xmlStrEqual(a->ns->href,
				    BAD_CAST XSI_NS) || hint_ok(a))
					continue;
				snprintf(name, sizeof(name), "%s%s%s",
				    a->ns->prefix ? (char *)a->ns->prefix : "",
				    a->ns->prefix ? ":" : "", a->name);
				diag_file_add_node(df, DIAG_ERROR, n, name,
				    "external-reference", "attribute '%s' is "
				    "not allowed: monographs may not refer to "
				    "other files or URLs", name);
				bad++;
			}
			break;
		default:
			break;
		}
	}
	return bad;
}

/*
 * The first character of the UTF-8 string s that a terminal would act on
 * (diag_unsafe_char()), or 0 when there is none.
 */
static uint32_t
unsafe_in(const xmlChar *s)
{
	uint32_t	 c;
	int		 len;

	for (; *s != '\0'; s += len) {
		/* most of a label is ASCII text: only C0, DEL and the lead
		   bytes of C1 (C2), U+061C (D8) and U+200E..U+2069 (E2) can
		   start what diag_unsafe_char() refuses */
		if ((*s >= 0x20 && *s < 0x7F) || *s == '\t' || *s == '\n' ||
		    (*s >= 0x80 && *s != 0xC2 && *s != 0xD8 && *s != 0xE2)) {
			len = 1;
			continue;
		}
		len = 4;
		c = xmlGetUTF8Char(s, &len);
		if (len <= 0)
			return 0;	/* libxml2 gives valid UTF-8 */
		if (diag_unsafe_char(c))
			return c;
	}
	return 0;
}

/*
 * Report text and attribute values holding control characters that a
 * terminal acts on (C0 but tab and newline, DEL, C1) or bidi controls
 * that reorder what is shown: the text and man outputs pass text through
 * to a terminal, and a message quoting it would too, so no format may
 * hold them (XML 1.0 lets in DEL, C1, bidi and, as &#13;, CR).  The
 * document is still validated and checked; having errors, it produces
 * no output.  At most one message per element.
 */
static void
refuse_controls(xmlDocPtr doc, struct diag_file *df)
{
	xmlNodePtr	 n, c;
	xmlAttrPtr	 a;
	uint32_t	 ch;
	char		 name[256];

	for (n = xmlDocGetRootElement(doc); n != NULL && !diag_file_full(df);
	    n = next_node(doc, n)) {
		ch = 0;
		*name = '\0';
		if (n->type == XML_ELEMENT_NODE) {
			for (a = n->properties; a != NULL && ch == 0;
			    a = a->next)
				for (c = a->children; c != NULL && ch == 0;
				    c = c->next)
					if (c->content != NULL &&
					    (ch = unsafe_in(c->content)) != 0)
						snprintf(name, sizeof(name),
						    "%s", a->name);
			for (c = n->children; c != NULL && ch == 0;
			    c = c->next)
				if ((c->type == XML_TEXT_NODE ||
				    c->type == XML_CDATA_SECTION_NODE) &&
				    c->content != NULL)
					ch = unsafe_in(c->content);
		}
		if (ch != 0)
			diag_file_add_node(df, DIAG_ERROR, n,
			    *name != '\0' ? name : NULL, "control-character",
			    "%s%s%s holds the control character U+%04X, which "
			    "a terminal would act on; remove it",
			    *name != '\0' ? "attribute '" : "the text of "
			    "element '", *name != '\0' ? name :
			    (const char *)n->name, "'", (unsigned int)ch);
	}
}

/*
 * What a label's control character c stands for (UTF-8, at most 3 bytes
 * in out), or "" to drop it.  Real labels hold C1 controls where text
 * typed in Windows-1252 was converted as if it were Latin-1 (U+0096 for
 * an en dash, U+0092 for an apostrophe): those become the Windows-1252
 * character.  C0 controls (form feeds, carriage returns) become a space;
 * DEL, the five C1 codes Windows-1252 leaves undefined and bidi controls
 * are dropped.
 */
static void
repair_char(uint32_t c, char out[4])
{
	static const uint16_t cp1252[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
	};
	uint32_t	 u;

	u = c >= 0x80 && c <= 0x9F ? cp1252[c - 0x80] : c < 0x20 ? ' ' : 0;
	if (u == 0)
		out[0] = '\0';
	else if (u < 0x80) {
		out[0] = (char)u;
		out[1] = '\0';
	} else if (u < 0x800) {
		out[0] = (char)(0xC0 | (u >> 6));
		out[1] = (char)(0x80 | (u & 0x3F));
		out[2] = '\0';
	} else {
		out[0] = (char)(0xE0 | (u >> 12));
		out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
		out[2] = (char)(0x80 | (u & 0x3F));
		out[3] = '\0';
	}
}

/*
 * Rewrite the text node t, which holds characters a terminal would act
 * on, with each replaced by repair_char().  Returns how many there were.
 */
static size_t
repair_text(xmlNodePtr t)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	const xmlChar	*s;
	char		*out;
	uint32_t	 c;
	size_t		 count;
	char		 rep[4];
	int		 len;

	count = 0;
	for (s = t->content; *s != '\0'; s += len) {
		len = 4;
		c = (uint32_t)xmlGetUTF8Char(s, &len);
		if (len <= 0)
			break;
		if (diag_unsafe_char(c)) {
			repair_char(c, rep);
			buf_str(&b, rep);
			count++;
		} else if (c != 0xFEFF)		/* a stray byte order mark */
			buf_add(&b, (const char *)s, (size_t)len);
	}
	if ((out = buf_done(&b)) != NULL) {
		xmlNodeSetContent(t, (const xmlChar *)out);
		free(out);
	}
	return count;
}

/*
 * Repair the text node t of element n if it holds a control character
 * (the first of the label noted in *first and *firstch, the count added
 * to *count) or a byte order mark (U+FEFF, dropped unsaid: labels have
 * them in titles, where they would end up in locators).
 */
static void
repair_node(xmlNodePtr n, xmlNodePtr t, xmlNodePtr *first,
    uint32_t *firstch, size_t *count)
{
	uint32_t	 ch;

	if (t->content == NULL)
		return;
	ch = unsafe_in(t->content);
	if (ch == 0 && strstr((const char *)t->content, "\xEF\xBB\xBF") ==
	    NULL)
		return;
	if (ch != 0 && *first == NULL) {
		*first = n;
		*firstch = ch;
	}
	*count += repair_text(t);
}

/*
 * A label's text and attribute values may hold what refuse_controls()
 * refuses in a monograph: real labels do (1 in 750 of the bulk set), so
 * the label is repaired instead, with one warning naming the first
 * place and the count.
 */
static void
repair_controls(xmlDocPtr doc, struct diag_file *df)
{
	xmlNodePtr	 n, c, first;
	xmlAttrPtr	 a;
	uint32_t	 firstch;
	size_t		 count;

	count = 0;
	first = NULL;
	firstch = 0;
	for (n = xmlDocGetRootElement(doc); n != NULL;
	    n = next_node(doc, n)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next)
			for (c = a->children; c != NULL; c = c->next)
				repair_node(n, c, &first, &firstch, &count);
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE ||
			    c->type == XML_CDATA_SECTION_NODE)
				repair_node(n, c, &first, &firstch, &count);
	}
	if (first != NULL)
		diag_file_add_node(df, DIAG_WARNING, first, NULL,
		    "control-character", "%zu control character%s in the "
		    "label's text (the first, U+%04X, in element '%s') read "
		    "as Windows-1252 punctuation, or dropped", count,
		    count == 1 ? "" : "s", (unsigned int)firstch,
		    (const char *)first->name);
}

/*
 * Parse the NUL-terminated buffer buf of len bytes under the name url;
 * df takes buf over as the source text (or a UTF-8 copy of it, when it
 * is UTF-16, and buf is freed).  Refuses what prescan() refuses first.
 * Returns the document, or NULL when it is not well-formed or contains
 * something refused.
 */
static xmlDocPtr
parse_buffer(char *buf, size_t len, const char *url, struct diag_file *df,
    int label)
{
	struct parse	 ps;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc;
	const char	*src;
	char		*u8;
	size_t		 before, u8len;
	int		 line, col, bad;

	/* The source shown in messages: buf, or its UTF-8 copy. */
	if ((u8 = utf16_source(buf, len, &u8len)) != NULL)
		diag_file_set_source(df, u8, u8len);
	else
		diag_file_set_source(df, buf, len);
	if (len == 0) {
		diag_file_add(df, DIAG_ERROR, 1, 1, "syntax", "empty file");
		return NULL;
	}
	src = diag_file_source(df, &u8len);
	if (prescan(src, u8len, df) == -1)
		goto fail;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		goto fail;
	}
	before = diag_file_count(df);
	ctxt->sax->internalSubset = refuse_doctype;
	ps.df = df;
	ps.label = label;
	ctxt->_private = &ps;
	xmlSetStructuredErrorFunc(df, diag_xml_error);
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, url, NULL,
	    PARSE_OPTIONS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	bad = doc == NULL || !ctxt->wellFormed || ctxt->disableSAX;
	xmlFreeParserCtxt(ctxt);
	if (u8 != NULL)
		free(buf);
	buf = NULL;
	if (bad && diag_file_count(df) == before)
		diag_file_add(df, DIAG_ERROR, 0, 0, "syntax",
		    "not a well-formed XML document");
	if (doc == NULL)
		return NULL;
	if ((doc->intSubset != NULL || doc->extSubset != NULL) &&
	    diag_file_count(df) == before) {
		find_text(df, "<!DOCTYPE", &line, &col);
		diag_file_add(df, DIAG_ERROR, line, col, "doctype",
		    "DOCTYPE declarations are not allowed in %s",
		    label ? "labels" : "monographs");
		bad = 1;
	}
	if (!bad && refuse_nodes(doc, df, label) > 0)
		bad = 1;
	if (!bad && label)
		repair_controls(doc, df);
	else if (!bad)
		refuse_controls(doc, df);
	if (bad) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
fail:
	if (u8 != NULL)
		free(buf);
	return NULL;
}

/*
 * Load the monograph at path.  Diagnostics go to df, which also keeps the
 * source text.  Returns the document, or NULL when it cannot be read, is
 * not well-formed or contains something refused.
 */
xmlDocPtr
load_file(const char *path, struct diag_file *df)
{
	char	*buf;
	size_t	 len;

	if ((buf = load_read(path, df, &len)) == NULL)
		return NULL;
	return parse_buffer(buf, len, path, df, 0);
}

/*
 * Load the FDA SPL label at path for monoc import: the same reading,
 * limits, parser options and refusals as a monograph (no DOCTYPE, no
 * entity reference, no XInclude), except that the label's
 * xml-stylesheet processing instruction and xsi:schemaLocation are
 * allowed, and ignored.
 */
xmlDocPtr
load_label(const char *path, struct diag_file *df)
{
	char	*buf;
	size_t	 len;

	if ((buf = load_read(path, df, &len)) == NULL)
		return NULL;
	return parse_buffer(buf, len, path, df, 1);
}

/*
 * Load a monograph already in memory (len bytes at data, not necessarily
 * NUL-terminated) as if read from a file called name: the same limits,
 * refusals and diagnostics as load_file().  Used by the fuzzer.
 */
xmlDocPtr
load_memory(const void *data, size_t len, const char *name,
    struct diag_file *df)
{
	char	*buf;

	if (len > LOAD_MAXSIZE) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "too-large",
		    "file is larger than %d MiB", LOAD_MAXSIZE >> 20);
		return NULL;
	}
	if ((buf = malloc(len + 1)) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return NULL;
	}
	if (len > 0)
		memcpy(buf, data, len);
	buf[len] = '\0';
	return parse_buffer(buf, len, name, df, 0);
}
