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
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

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
 * Read path into a NUL-terminated buffer of at most LOAD_MAXSIZE bytes.
 * Returns the buffer or NULL after reporting why.
 */
static char *
readall(const char *path, struct diag_file *df, size_t *lenp)
{
	struct stat	 st;
	char		*buf, *p;
	size_t		 len, cap;
	ssize_t		 n;
	int		 fd;

	buf = NULL;
	if ((fd = open(path, O_RDONLY | O_NOCTTY)) == -1) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read",
		    "cannot open file: %s", strerror(errno));
		goto fail;
	}
	if (fstat(fd, &st) == -1) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read",
		    "cannot read file: %s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read",
		    "is a directory, not a monograph file");
		goto fail;
	}
	cap = S_ISREG(st.st_mode) && st.st_size < LOAD_MAXSIZE ?
	    (size_t)st.st_size + 1 : 65536;
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
	n = doc->children;
	while (n != NULL) {
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
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent == (xmlNodePtr)doc ? NULL : n->parent;
		if (n != NULL)
			n = n->next;
	}
	return bad;
}

/*
 * Parse the NUL-terminated buffer buf of len bytes, which df takes over as
 * the source text, under the name url.  Returns the document, or NULL when
 * it is not well-formed or contains something refused.
 */
static xmlDocPtr
parse_buffer(char *buf, size_t len, const char *url, struct diag_file *df,
    int label)
{
	struct parse	 ps;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc;
	size_t		 before;
	int		 line, col, bad;

	diag_file_set_source(df, buf, len);
	if (len == 0) {
		diag_file_add(df, DIAG_ERROR, 1, 1, "syntax", "empty file");
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return NULL;
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
	if (bad) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
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

	if ((buf = readall(path, df, &len)) == NULL)
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

	if ((buf = readall(path, df, &len)) == NULL)
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
