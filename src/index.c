/*
 * The index page.  Compiling a monograph also writes a small sidecar,
 * DIR/meta/NAME.xml (xslt/meta.xsl applied to the monograph), whose root
 * element describes it.  index_build() wraps the sidecars, sorted by file
 * name, in <index xmlns="urn:monoc:monograph:1"> and applies
 * xslt/index.xsl, giving DIR/html/index.html.  So the index never needs
 * the monographs parsed again, and make can rebuild it alone.  It does
 * so a few hundred sidecars at a time, then the page around them, so
 * that 10,000 monographs need no more memory than a few hundred (all of
 * them at once took 3.8 KB each: 38 MB of peak RSS).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
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
	if (n > 1)	/* never qsort(NULL, 0): UBSan rightly objects */
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

/* Entries transformed at a time: the page's memory stays that of a few. */
#define INDEX_CHUNK	256

/*
 * A new input for index.xsl, <index xmlns="urn:monoc:monograph:1"/> with
 * the attribute name="value" (none when name is NULL); its names come
 * from a dictionary, as thousands of entries share them.
 */
static xmlDocPtr
new_input(const char *name, const char *value, xmlNodePtr *rootp,
    xmlNsPtr *nsp)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	xmlNsPtr	 ns;

	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL)
		return NULL;
	if ((doc->dict = xmlDictCreate()) == NULL ||
	    (root = xmlNewDocNode(doc, NULL, BAD_CAST "index", NULL)) ==
	    NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlDocSetRootElement(doc, root);
	if ((ns = xmlNewNs(root, BAD_CAST MONOGRAPH_NS, NULL)) == NULL ||
	    (name != NULL && xmlNewProp(root, BAD_CAST name,
	    BAD_CAST value) == NULL)) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlSetNs(root, ns);
	*rootp = root;
	*nsp = ns;
	return doc;
}

/*
 * Apply index.xsl to *docp (freed, set to NULL) and append the result to
 * t, without the newline the html output method ends with.  Returns 0,
 * or -1 after reporting to df.
 */
static int
render(const struct xform *xf, xmlDocPtr *docp, struct diag_file *df,
    struct buf *t)
{
	xmlChar	*out;
	int	 outlen;

	if (xform_apply_free(xf, FMT_INDEX, docp, df, &out, &outlen) == -1)
		return -1;
	if (outlen > 0 && out[outlen - 1] == '\n')
		outlen--;
	buf_add(t, out == NULL ? "" : (char *)out, outlen);
	xmlFree(out);
	if (t->fail) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return -1;
	}
	return 0;
}

/*
 * Build DIR/html/index.html from DIR/meta/ *.xml: the list items of
 * INDEX_CHUNK sidecars at a time (<index part="entries">), then the page
 * around them (<index entries="N"/>, the items going where it has the
 * comment "entries"), as xslt/index.xsl describes.  Returns 0, or -1
 * after reporting a failure.
 */
int
index_build(const char *outdir, const struct xform *xf, struct diag *diag)
{
	static const char marker[] = "<!--entries-->";
	struct diag_file *df, *mdf;
	struct buf	 items, page, all;
	xmlDocPtr	 doc, meta;
	xmlNodePtr	 root, copy, e;
	xmlNsPtr	 ns;
	char		**names, *metadir, *path, *html, *at, count[32];
	size_t		 len, entries, chunk;
	int		 i, n, ret;

	ret = -1;
	names = NULL;
	doc = NULL;
	df = NULL;
	html = NULL;
	memset(&items, 0, sizeof(items));
	memset(&page, 0, sizeof(page));
	memset(&all, 0, sizeof(all));
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
	if ((html = output_path(outdir, FMT_INDEX, "index")) == NULL ||
	    (df = diag_file_new(diag, html)) == NULL)
		goto oom;
	entries = chunk = 0;
	for (i = 0; i < n; i++) {
		if (strlen(names[i]) > 250)
			continue;
		if (doc == NULL && (doc = new_input("part", "entries", &root,
		    &ns)) == NULL)
			goto oom;
		snprintf(path, len + 256, "%s/%s", metadir, names[i]);
		if ((mdf = diag_file_new(diag, path)) == NULL)
			goto oom;
		if ((meta = load_file(path, mdf)) != NULL) {
			e = xmlDocGetRootElement(meta);
			copy = add_entry(root, ns, e);
			if (copy != NULL && xmlStrEqual(e->name,
			    BAD_CAST "entry"))
				entries++;
			chunk++;
			xmlFreeDoc(meta);
		} else
			copy = root;
		diag_flush(diag, mdf);
		diag_file_free(mdf);
		if (copy == NULL)
			goto oom;
		if (chunk == INDEX_CHUNK) {
			if (render(xf, &doc, df, &items) == -1)
				goto report;
			chunk = 0;
		}
	}
	if (chunk > 0 && render(xf, &doc, df, &items) == -1)
		goto report;
	xmlFreeDoc(doc);
	snprintf(count, sizeof(count), "%zu", entries);
	if ((doc = new_input("entries", count, &root, &ns)) == NULL)
		goto oom;
	if (render(xf, &doc, df, &page) == -1)
		goto report;
	buf_add(&page, "\n", 1);
	if (page.fail)
		goto oom;
	if ((at = strstr(page.p, marker)) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "index.xsl gives "
		    "no place for the entries (the comment \"entries\")");
		goto report;
	}
	buf_add(&all, page.p, at - page.p);
	buf_add(&all, items.p == NULL ? "" : items.p, items.len);
	buf_str(&all, at + strlen(marker));
	if (all.fail)
		goto oom;
	free(items.p);
	items.p = NULL;
	if (output_write(html, all.p, all.len) == -1)
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
		    "cannot write file: %s", strerror(errno));
	else
		ret = 0;
report:
	diag_flush(diag, df);
	goto out;
oom:
	diag_msg(diag, DIAG_FATAL, "out of memory");
out:
	diag_file_free(df);
	free(items.p);
	free(page.p);
	free(all.p);
	free(html);
	xmlFreeDoc(doc);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(path);
	free(metadir);
	return ret;
}
