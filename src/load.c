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
#include "spl.h"

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
 * Read path into a NUL-terminated buffer of at most LOAD_MAXSIZE bytes:
 * only a regular file, opened without following a symbolic link (a link
 * in a source folder may name /proc/self/environ or /etc/passwd), never
 * waiting on a FIFO, and read by the size fstat(2) gives after the open,
 * never past it (a /proc file says 0 and is empty here).  A refused file
 * is named, nothing of it is read.  Returns the buffer (free it) or NULL
 * after reporting why to df.
 */
char *
load_read(const char *path, struct diag_file *df, size_t *lenp)
{
	struct stat	 st;
	char		*buf, *p;
	size_t		 len, want;
	ssize_t		 n;
	int		 fd;

	buf = NULL;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ELOOP && lstat(path, &st) == 0 &&
		    S_ISLNK(st.st_mode))
			diag_file_add(df, DIAG_ERROR, 0, 0, "read",
			    "is a symbolic link: sources are read only from "
			    "regular files, never through a link");
		else
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
	/* One byte past the limit tells a file too large. */
	want = st.st_size > LOAD_MAXSIZE ? (size_t)LOAD_MAXSIZE + 1 :
	    st.st_size > 0 ? (size_t)st.st_size : 0;
	if ((buf = malloc(want + 1)) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		goto fail;
	}
	for (len = 0; len < want; len += n) {
		if ((n = read(fd, buf + len, want - len)) == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			diag_file_add(df, DIAG_ERROR, 0, 0, "read",
			    "cannot read file: %s", strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;		/* it shrank: what is there */
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
		   bytes of C1 and U+00AD (C2), U+061C (D8), U+200B..U+2069
		   (E2), U+FFF9..U+FFFB (EF) and the tags U+E00xx (F3) can
		   start what diag_unsafe_char() refuses */
		if ((*s >= 0x20 && *s < 0x7F) || *s == '\t' || *s == '\n' ||
		    (*s >= 0x80 && *s != 0xC2 && *s != 0xD8 && *s != 0xE2 &&
		    *s != 0xEF && *s != 0xF3)) {
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
		if (ch != 0 && diag_invisible_char(ch))
			diag_file_add_node(df, DIAG_ERROR, n,
			    *name != '\0' ? name : NULL, "control-character",
			    "%s%s%s holds the invisible character U+%04X, which "
			    "a reader would not see; remove it",
			    *name != '\0' ? "attribute '" : "the text of "
			    "element '", *name != '\0' ? name :
			    (const char *)n->name, "'", (unsigned int)ch);
		else if (ch != 0)
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
 * Labels' text, repaired.  Real labels hold what a monograph may not, or
 * what no reader should get:
 *  - C1 controls where Windows-1252 text was converted as if it were
 *    Latin-1 (U+0096 for an en dash, U+0092 for an apostrophe): each
 *    becomes the Windows-1252 character; a C0 control a space; DEL, the
 *    five C1 codes Windows-1252 leaves undefined and bidi controls are
 *    dropped (4 of the 3,000 bulk labels); the invisible characters of
 *    diag_invisible_char(): the line and paragraph separators become a
 *    space, the others (zero width space, soft hyphen, annotation marks,
 *    tags) are dropped;
 *  - characters of the Symbol font typed into its private-use code
 *    points U+F020..U+F0FF (U+F0B3 for >=, U+F062 for beta): each becomes
 *    the Unicode character; one before a capital or a space, at the start
 *    of a word, is a bullet of a Wingdings list, and becomes one;
 *  - the characters that Unicode normalisation (NFC) replaces by another
 *    single one (U+0387 by U+00B7): the replacement (U+2329 and U+232A,
 *    which NFC makes wide CJK brackets, become U+27E8 and U+27E9);
 *  - byte order marks (U+FEFF) in titles: dropped, unsaid.
 * One warning a label counts what was repaired and names the first.
 */

/* Windows-1252's 0x80..0x9F, 0 where it has none. */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* The Symbol font's 0x20..0xFF (Adobe's Symbol encoding), 0 for none. */
static const uint16_t symbol[224] = {
	/* 0x20 */ 0x0020, 0x0021, 0x2200, 0x0023, 0x2203, 0x0025, 0x0026,
	0x220B, 0x0028, 0x0029, 0x2217, 0x002B, 0x002C, 0x2212, 0x002E,
	0x002F,
	/* 0x30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036,
	0x0037, 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E,
	0x003F,
	/* 0x40 */ 0x2245, 0x0391, 0x0392, 0x03A7, 0x0394, 0x0395, 0x03A6,
	0x0393, 0x0397, 0x0399, 0x03D1, 0x039A, 0x039B, 0x039C, 0x039D,
	0x039F,
	/* 0x50 */ 0x03A0, 0x0398, 0x03A1, 0x03A3, 0x03A4, 0x03A5, 0x03C2,
	0x03A9, 0x039E, 0x03A8, 0x0396, 0x005B, 0x2234, 0x005D, 0x22A5,
	0x005F,
	/* 0x60 */ 0, 0x03B1, 0x03B2, 0x03C7, 0x03B4, 0x03B5, 0x03C6,
	0x03B3, 0x03B7, 0x03B9, 0x03D5, 0x03BA, 0x03BB, 0x03BC, 0x03BD,
	0x03BF,
	/* 0x70 */ 0x03C0, 0x03B8, 0x03C1, 0x03C3, 0x03C4, 0x03C5, 0x03D6,
	0x03C9, 0x03BE, 0x03C8, 0x03B6, 0x007B, 0x007C, 0x007D, 0x223C, 0,
	/* 0x80 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x90 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0xA0 */ 0x20AC, 0x03D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x0192,
	0x2663, 0x2666, 0x2665, 0x2660, 0x2194, 0x2190, 0x2191, 0x2192,
	0x2193,
	/* 0xB0 */ 0x00B0, 0x00B1, 0x2033, 0x2265, 0x00D7, 0x221D, 0x2202,
	0x2022, 0x00F7, 0x2260, 0x2261, 0x2248, 0x2026, 0, 0, 0x21B5,
	/* 0xC0 */ 0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205,
	0x2229, 0x222A, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208,
	0x2209,
	/* 0xD0 */ 0x2220, 0x2207, 0x00AE, 0x00A9, 0x2122, 0x220F, 0x221A,
	0x22C5, 0x00AC, 0x2227, 0x2228, 0x21D4, 0x21D0, 0x21D1, 0x21D2,
	0x21D3,
	/* 0xE0 */ 0x25CA, 0x27E8, 0x00AE, 0x00A9, 0x2122, 0x2211, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0,
	/* 0xF0 */ 0, 0x27E9, 0x222B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};

/* The characters NFC replaces by one other: from, to. */
static const uint32_t nfc_single[][2] = {
	{ 0x0340, 0x0300 }, { 0x0341, 0x0301 }, { 0x0343, 0x0313 },
	{ 0x0374, 0x02B9 }, { 0x037E, 0x003B }, { 0x0387, 0x00B7 },
	{ 0x1F71, 0x03AC }, { 0x1F73, 0x03AD }, { 0x1F75, 0x03AE },
	{ 0x1F77, 0x03AF }, { 0x1F79, 0x03CC }, { 0x1F7B, 0x03CD },
	{ 0x1F7D, 0x03CE }, { 0x1FBB, 0x0386 }, { 0x1FBE, 0x03B9 },
	{ 0x1FC9, 0x0388 }, { 0x1FCB, 0x0389 }, { 0x1FD3, 0x0390 },
	{ 0x1FDB, 0x038A }, { 0x1FE3, 0x03B0 }, { 0x1FEB, 0x038E },
	{ 0x1FEE, 0x0385 }, { 0x1FEF, 0x0060 }, { 0x1FF9, 0x038C },
	{ 0x1FFB, 0x038F }, { 0x1FFD, 0x00B4 }, { 0x2000, 0x2002 },
	{ 0x2001, 0x2003 }, { 0x2126, 0x03A9 }, { 0x212A, 0x004B },
	{ 0x212B, 0x00C5 },
	/* NFC's U+3008 and U+3009 are wide (two columns of a terminal):
	   the mathematical angle brackets, as narrow as the originals */
	{ 0x2329, 0x27E8 }, { 0x232A, 0x27E9 }
};

enum fix { FIX_NONE, FIX_CONTROL, FIX_SYMBOL, FIX_SILENT };

/*
 * Is the private-use c (prev and next around it) a bullet of a Wingdings
 * list rather than a Symbol character?  Word's bullets are Wingdings
 * 0xA7, 0xA8, 0xD8, 0xFC, 0x76, 0x6C, 0x6E and 0x71, where Symbol has a
 * club, a diamond and letters; as a bullet the character starts a word
 * and a capital or a (no-break) space follows it.  A letter counts only
 * before a capital or a no-break space ("\uF071They"): before a plain
 * space it may be a Greek letter standing alone.  Math signs (U+F0B3 for
 * >=) are never bullets.
 */
static int
is_bullet(uint32_t c, uint32_t prev, uint32_t next)
{
	int	 letter;

	if (!(prev == 0 || prev == ' ' || prev == '\t' || prev == '\n' ||
	    prev == 0xA0))
		return 0;
	c -= 0xF000;
	letter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
	if (c == 0xA7 || c == 0xA8 || c == 0xD8 || c == 0xFC || c == 0xB7)
		return next == ' ' || next == '\t' || next == 0xA0 ||
		    (next >= 'A' && next <= 'Z') || (next >= '0' &&
		    next <= '9');
	return letter && (next == 0xA0 || (next >= 'A' && next <= 'Z'));
}

/*
 * What the label's character c stands for, prev and next the characters
 * around it (0 at the ends): *to gets the replacement (0 to drop it).
 * Returns what kind of repair it is, FIX_NONE for a character kept.
 */
static enum fix
label_char(uint32_t c, uint32_t prev, uint32_t next, uint32_t *to)
{
	size_t	 i;

	*to = c;
	if (diag_unsafe_char(c)) {
		*to = c >= 0x80 && c <= 0x9F ? cp1252[c - 0x80] :
		    c < 0x20 || c == 0x2028 || c == 0x2029 ? ' ' : 0;
		return FIX_CONTROL;
	}
	if (c >= 0xF020 && c <= 0xF0FF) {
		if (is_bullet(c, prev, next))
			*to = 0x2022;
		else if ((*to = symbol[c - 0xF020]) == 0)
			return FIX_NONE;	/* none: kept */
		return FIX_SYMBOL;
	}
	if (c == 0xFEFF) {
		*to = 0;
		return FIX_SILENT;
	}
	if ((c >= 0x0340 && c <= 0x0387) || (c >= 0x1F71 && c <= 0x1FFD) ||
	    (c >= 0x2000 && c <= 0x232A))
		for (i = 0; i < sizeof(nfc_single) / sizeof(nfc_single[0]);
		    i++)
			if (nfc_single[i][0] == c) {
				*to = nfc_single[i][1];
				return FIX_SILENT;
			}
	return FIX_NONE;
}

/* Append the code point c to b as UTF-8 (nothing for 0). */
static void
add_u8(struct buf *b, uint32_t c)
{
	char	 u[4];
	size_t	 n;

	if (c == 0)
		return;
	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else {
		u[0] = (char)(0xE0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	}
	buf_add(b, u, n);
}

/*
 * Might the UTF-8 string s hold a character label_char() repairs?  Most
 * of a label is ASCII: only C0, DEL and the lead bytes C2 (C1), CD and
 * CE (U+0340..U+0387), D8 (U+061C), E1 (U+1Fxx), E2 (U+2000..U+232A),
 * EF (U+F0xx, U+FEFF, U+FFF9..U+FFFB) and F3 (the tags U+E00xx) can
 * start one.
 */
static int
label_suspect(const xmlChar *s)
{
	for (; *s != '\0'; s++)
		if ((*s < 0x20 && *s != '\t' && *s != '\n') || *s == 0x7F ||
		    *s == 0xC2 || *s == 0xCD || *s == 0xCE || *s == 0xD8 ||
		    *s == 0xE1 || *s == 0xE2 || *s == 0xEF || *s == 0xF3)
			return 1;
	return 0;
}

struct repair {
	xmlNodePtr	 first;		/* the element of the first repair */
	uint32_t	 firstch;
	size_t		 controls, symbols;
};

/* Repair the text node t of element n (see above). */
static void
repair_node(xmlNodePtr n, xmlNodePtr t, struct repair *rp)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	const xmlChar	*s, *nx;
	char		*out;
	uint32_t	 c, prev, next, to;
	enum fix	 fix;
	int		 len, nlen, changed;

	if (t->content == NULL || !label_suspect(t->content))
		return;
	changed = 0;
	prev = 0;
	for (s = t->content; *s != '\0'; s += len) {
		len = 4;
		c = (uint32_t)xmlGetUTF8Char(s, &len);
		if (len <= 0)
			break;
		nx = s + len;
		nlen = 4;
		next = *nx != '\0' ? (uint32_t)xmlGetUTF8Char(nx, &nlen) : 0;
		fix = label_char(c, prev, next, &to);
		if (fix == FIX_NONE) {
			buf_add(&b, (const char *)s, (size_t)len);
			prev = c;
			continue;
		}
		changed = 1;
		if (fix != FIX_SILENT && rp->first == NULL) {
			rp->first = n;
			rp->firstch = c;
		}
		if (fix == FIX_CONTROL)
			rp->controls++;
		else if (fix == FIX_SYMBOL)
			rp->symbols++;
		add_u8(&b, to);
		prev = to != 0 ? to : prev;
	}
	if ((out = buf_done(&b)) != NULL) {
		if (changed)
			xmlNodeSetContent(t, (const xmlChar *)out);
		free(out);
	}
}

/*
 * A label's text and attribute values may hold what refuse_controls()
 * refuses in a monograph, and more (see above): repaired, with one
 * warning.
 */
static void
repair_label(xmlDocPtr doc, struct diag_file *df)
{
	struct repair	 rp;
	xmlNodePtr	 n, c;
	xmlAttrPtr	 a;
	char		 what[256];

	memset(&rp, 0, sizeof(rp));
	for (n = xmlDocGetRootElement(doc); n != NULL;
	    n = next_node(doc, n)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next)
			for (c = a->children; c != NULL; c = c->next)
				repair_node(n, c, &rp);
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE ||
			    c->type == XML_CDATA_SECTION_NODE)
				repair_node(n, c, &rp);
	}
	if (rp.first == NULL)
		return;
	*what = '\0';
	if (rp.controls > 0)
		snprintf(what, sizeof(what), "%zu control or invisible "
		    "character%s (read as Windows-1252 punctuation or a space, "
		    "or dropped)", rp.controls,
		    rp.controls == 1 ? "" : "s");
	if (rp.symbols > 0)
		snprintf(what + strlen(what), sizeof(what) - strlen(what),
		    "%s%zu Symbol-font character%s (read as Unicode)",
		    rp.controls > 0 ? " and " : "", rp.symbols,
		    rp.symbols == 1 ? "" : "s");
	diag_file_add_node(df, DIAG_WARNING, rp.first, NULL,
	    rp.controls > 0 ? "control-character" : "symbol-font",
	    "the label's text holds %s; the first, U+%04X, in element '%s'",
	    what, (unsigned int)rp.firstch, (const char *)rp.first->name);
}

/*
 * Elements of another namespace than SPL's (or of none) inside a label:
 * the importer reads SPL elements only, so "Do <h:b>not</h:b> take"
 * would lose its "not", and a section under a foreign component would
 * vanish.  Each is replaced by its content, with one warning that counts
 * them and names the first.  Returns -1 when out of memory.
 */
static int
unwrap_foreign(xmlDocPtr doc, struct diag_file *df)
{
	xmlNodePtr	 root, n, c, next, *found, *grown;
	size_t		 nfound, size, i;
	char		 name[128];
	long		 line;

	if ((root = xmlDocGetRootElement(doc)) == NULL)
		return 0;
	found = NULL;
	nfound = size = 0;
	for (n = root->children; n != NULL;
	    n = next_node(doc, n)) {
		if (n->type != XML_ELEMENT_NODE || (n->ns != NULL &&
		    xmlStrEqual(n->ns->href, BAD_CAST SPL_NS)))
			continue;
		if (nfound == size) {
			size = size > 0 ? size * 2 : 16;
			if ((grown = realloc(found, size * sizeof(*found))) ==
			    NULL) {
				free(found);
				return -1;
			}
			found = grown;
		}
		found[nfound++] = n;
	}
	if (nfound == 0)
		return 0;
	n = found[0];
	snprintf(name, sizeof(name), "%s%s%s", n->ns != NULL &&
	    n->ns->prefix != NULL ? (const char *)n->ns->prefix : "",
	    n->ns != NULL && n->ns->prefix != NULL ? ":" : "",
	    (const char *)n->name);
	line = xmlGetLineNo(n);
	diag_file_add(df, DIAG_WARNING, line > 0 ? (int)line : 0, 0,
	    "foreign-element", "the label holds %zu element%s of another "
	    "namespace than SPL's, read as their content; the first, '%s', "
	    "in a '%s' of namespace '%s'", nfound, nfound == 1 ? "" : "s",
	    name, (const char *)n->parent->name, n->ns != NULL &&
	    n->ns->href != NULL ? (const char *)n->ns->href : "");
	/* outer before inner: each moved child keeps its own pointer */
	for (i = 0; i < nfound; i++) {
		n = found[i];
		for (c = n->children; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			xmlAddPrevSibling(n, c);
		}
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	free(found);
	return 0;
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
	if (!bad && label && unwrap_foreign(doc, df) == -1) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		bad = 1;
	}
	if (!bad && label)
		repair_label(doc, df);
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

/* A copy of len bytes at data, parsed as a label or a monograph. */
static xmlDocPtr
parse_memory(const void *data, size_t len, const char *name,
    struct diag_file *df, int label)
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
	return parse_buffer(buf, len, name, df, label);
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
	return parse_memory(data, len, name, df, 0);
}

/* The same for a label, as load_label() reads it (the import fuzzer). */
xmlDocPtr
load_label_memory(const void *data, size_t len, const char *name,
    struct diag_file *df)
{
	return parse_memory(data, len, name, df, 1);
}
