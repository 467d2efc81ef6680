/*
 * The index page.  Compiling a monograph also writes a small sidecar,
 * DIR/meta/NAME.xml (xslt/meta.xsl applied to the monograph), whose root
 * element describes it.  index_build() wraps every sidecar, sorted by file
 * name, in <index xmlns="urn:monoc:monograph:1"> and applies
 * xslt/index.xsl, giving DIR/html/index.html.  So the index never needs
 * the monographs parsed again, and make can rebuild it alone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag.h"
#include "index.h"
#include "load.h"
#include "output.h"
#include "xform.h"

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names of the sidecars in dir, sorted; *np is their number.  A
 * missing directory has none.  Returns NULL with *np == -1 on failure.
 */
static char **
list_meta(const char *dir, int *np)
{
	DIR		*d;
	struct dirent	*de;
	char		**v, **nv;
	size_t		 len;
	int		 n, cap;

	v = NULL;
	n = cap = 0;
	*np = 0;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return NULL;
		*np = -1;
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				goto fail;
			v = nv;
		}
		if ((v[n] = strdup(de->d_name)) == NULL)
			goto fail;
		n++;
	}
	closedir(d);
	qsort(v, n, sizeof(*v), cmp_names);
	*np = n;
	return v;
fail:
	while (n > 0)
		free(v[--n]);
	free(v);
	closedir(d);
	*np = -1;
	return NULL;
}

/*
 * Append to root a copy of the sidecar's root element e, in the namespace
 * ns of root rather than with a declaration of its own: its name, its
 * attributes and a deep copy of its content (xslt/meta.xsl writes none,
 * a stylesheet of one's own may).  Returns the copy, or NULL when out of
 * memory.
 */
static xmlNodePtr
add_entry(xmlNodePtr root, xmlNsPtr ns, xmlNodePtr e)
{
	xmlNodePtr	 copy, c, cc;
	xmlAttrPtr	 a;
	xmlNsPtr	 ans;
	xmlChar		*v;

	if ((copy = xmlNewChild(root, ns, e->name, NULL)) == NULL)
		return NULL;
	for (a = e->properties; a != NULL; a = a->next) {
		ans = NULL;
		if (a->ns != NULL &&
		    (ans = xmlSearchNsByHref(root->doc, copy,
		    a->ns->href)) == NULL &&
		    (ans = xmlNewNs(copy, a->ns->href, a->ns->prefix)) == NULL)
			return NULL;
		if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
			return NULL;
		if (xmlNewNsProp(copy, ans, a->name, v) == NULL) {
			xmlFree(v);
			return NULL;
		}
		xmlFree(v);
	}
	for (c = e->children; c != NULL; c = c->next) {
		if ((cc = xmlDocCopyNode(c, root->doc, 1)) == NULL)
			return NULL;
		if (xmlAddChild(copy, cc) == NULL) {
			xmlFreeNode(cc);
			return NULL;
		}
	}
	return copy;
}

/*
 * Build DIR/html/index.html from DIR/meta/ *.xml.  Returns 0, or -1 after
 * reporting a failure.
 */
int
index_build(const char *outdir, const struct xform *xf, struct diag *diag)
{
	struct diag_file *df;
	xmlDocPtr	 doc, meta;
	xmlNodePtr	 root, copy;
	xmlNsPtr	 ns;
	xmlChar		*out;
	char		**names, *metadir, *path, *html;
	size_t		 len;
	int		 i, n, outlen, ret;

	ret = -1;
	names = NULL;
	doc = NULL;
	df = NULL;
	out = NULL;
	html = NULL;
	len = strlen(outdir) + 8;
	if ((metadir = malloc(len)) == NULL ||
	    (path = malloc(len + 256)) == NULL) {
		free(metadir);
		diag_msg(diag, DIAG_FATAL, "out of memory");
		return -1;
	}
	snprintf(metadir, len, "%s/meta", outdir);
	names = list_meta(metadir, &n);
	if (n == -1) {
		diag_msg(diag, DIAG_FATAL, "cannot read directory '%s': %s",
		    metadir, strerror(errno));
		goto out;
	}
	/* Names from a dictionary: thousands of entries share them. */
	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (doc->dict = xmlDictCreate()) == NULL ||
	    (root = xmlNewDocNode(doc, NULL, BAD_CAST "index", NULL)) == NULL)
		goto oom;
	xmlDocSetRootElement(doc, root);
	if ((ns = xmlNewNs(root, BAD_CAST MONOGRAPH_NS, NULL)) == NULL)
		goto oom;
	xmlSetNs(root, ns);
	for (i = 0; i < n; i++) {
		if (strlen(names[i]) > 250)
			continue;
		snprintf(path, len + 256, "%s/%s", metadir, names[i]);
		if ((df = diag_file_new(diag, path)) == NULL)
			goto oom;
		if ((meta = load_file(path, df)) != NULL) {
			copy = add_entry(root, ns, xmlDocGetRootElement(meta));
			xmlFreeDoc(meta);
			if (copy == NULL)
				goto oom;
		}
		diag_flush(diag, df);
		diag_file_free(df);
		df = NULL;
	}
	if ((html = output_path(outdir, FMT_INDEX, "index")) == NULL ||
	    (df = diag_file_new(diag, html)) == NULL)
		goto oom;
	if (xform_apply_free(xf, FMT_INDEX, &doc, df, &out, &outlen) == 0) {
		if (output_write(html, out == NULL ? "" : (char *)out,
		    outlen) == -1)
			diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
			    "cannot write file: %s", strerror(errno));
		else
			ret = 0;
	}
	diag_flush(diag, df);
	goto out;
oom:
	diag_msg(diag, DIAG_FATAL, "out of memory");
out:
	diag_file_free(df);
	xmlFree(out);
	free(html);
	xmlFreeDoc(doc);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(path);
	free(metadir);
	return ret;
}
