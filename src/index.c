/*
 * The index page.  Compiling a monograph also writes a small sidecar,
 * DIR/meta/NAME.xml (xslt/meta.xsl applied to the monograph), whose root
 * element describes it.  index_build() reads the sidecars once to order
 * them: by drug class (drugclass_key(), so that one class written
 * several ways is one group, shown as most of its monographs write it;
 * those without a class last), then by drug (the generic name without
 * its salts, spl_name(): a combination is a drug of its own, and the
 * groups of its ingredients refer to it), then by name.  It marks the
 * entries that would read like another (the same sidecar but for the
 * id) so that the page tells them apart by their id.  Then it reads
 * them again a few hundred at a time, in groups of one drug in one
 * class (<group>), applies xslt/index.xsl to each chunk, and last the
 * page around them (<index entries="N" .../>), giving
 * DIR/html/index.html.  So the index never needs the monographs parsed
 * again, make can rebuild it alone, and 10,000 monographs need no more
 * memory than a few hundred sidecars and a few strings each (all of
 * them at once took 3.8 KB each: 38 MB of peak RSS).
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "drugclass.h"
#include "index.h"
#include "load.h"
#include "output.h"
#include "spl.h"
#include "xform.h"



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
 * Entries transformed at a time (a group of one drug is never split):
 * the page's memory stays that of a few.  MONOC_INDEX_CHUNK overrides
 * it, for the test that the page does not depend on it.
 */
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

/* One sidecar, as the order of the page needs it. */
struct ient {
	char		*file;		/* NAME.xml in DIR/meta */
	char		*name;		/* the generic name */
	char		*cls;		/* the class as written; "" when none */
	char		*ckey;		/* drugclass_key(cls) */
	const char	*clabel;	/* its class's label, or NULL */
	char		*gkey;		/* the drug: spl_name(name) */
	uint64_t	 reads;		/* hash of all it shows (not its id) */
	int		 tell;		/* reads like another: show the id */
};

/* A drug in a class: a run of entries. */
struct igroup {
	size_t		 first, n;
	size_t		 cls;		/* its class in the classes */
	char		*label;		/* the drug, from gkey */
	char		*id;		/* its anchor */
	size_t		*see;		/* groups of combinations with it */
	size_t		 nsee;
};

/* A class (the last may be the monographs without one). */
struct iclass {
	size_t		 first, n;	/* its groups */
	size_t		 entries;
	char		*id;
};

struct index {
	struct ient	*e;
	size_t		 ne;
	struct igroup	*g;
	size_t		 ng;
	struct iclass	*c;
	size_t		 nc;
	size_t		 classed;	/* entries with a class */
	size_t		 drugs;		/* distinct gkeys */
};

static void
index_free(struct index *ix)
{
	size_t	 i;

	for (i = 0; i < ix->ne; i++) {
		free(ix->e[i].file);
		free(ix->e[i].name);
		free(ix->e[i].cls);
		free(ix->e[i].ckey);
		free(ix->e[i].gkey);
	}
	for (i = 0; i < ix->ng; i++) {
		free(ix->g[i].label);
		free(ix->g[i].id);
		free(ix->g[i].see);
	}
	for (i = 0; i < ix->nc; i++)
		free(ix->c[i].id);
	free(ix->e);
	free(ix->g);
	free(ix->c);
}

/* FNV-1a, 64 bits, of n bytes at p, continuing from h. */
static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char	*u = p;

	while (n-- > 0) {
		h ^= *u++;
		h *= 1099511628211ULL;
	}
	return h;
}

/*
 * The attributes of a sidecar that its entry shows only to tell it
 * from another that reads the same, and the class, which it shows as
 * the heading of its group: entries that differ only in it read the
 * same where a search brings them together.
 */
static const char *const hidden[] = { "id", "set-id", "version", "class",
    NULL };

/*
 * A hash of everything the sidecar's root e shows: its serialisation
 * without the hidden attributes (xslt/meta.xsl writes nothing the
 * entry does not show).  Two entries with the same hash read the same.
 */
static uint64_t
reads_hash(xmlDocPtr doc, xmlNodePtr e)
{
	xmlBufferPtr	 b;
	uint64_t	 h;
	size_t		 i;

	h = 14695981039346656037ULL;
	for (i = 0; hidden[i] != NULL; i++)
		xmlUnsetProp(e, BAD_CAST hidden[i]);
	if ((b = xmlBufferCreate()) == NULL)
		return h;
	if (xmlNodeDump(b, doc, e, 0, 0) >= 0)
		h = fnv(h, xmlBufferContent(b), (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
	return h;
}

/* An attribute of e, as a new string ("" when absent), or NULL. */
static char *
att(xmlNodePtr e, const char *name)
{
	xmlChar	*v;
	char	*s;

	v = xmlGetNoNsProp(e, BAD_CAST name);
	s = strdup(v != NULL ? (const char *)v : "");
	xmlFree(v);
	return s;
}

/*
 * The drug a generic name is: spl_name() (lower case, no salts,
 * "a-and-b"), or the name itself in lower case with hyphens for its
 * spaces when that gives nothing.
 */
static char *
drug_key(const char *name)
{
	char	*k, *p;

	if ((k = spl_name(name)) != NULL)
		return k;
	if ((k = strdup(*name != '\0' ? name : "unnamed")) == NULL)
		return NULL;
	for (p = k; *p != '\0'; p++)
		*p = isspace((unsigned char)*p) ? '-' :
		    (char)tolower((unsigned char)*p);
	return k;
}

/*
 * Read every sidecar of metadir (n names, taken over) into ix->e.
 * Returns 0, or -1 when out of memory.
 */
static int
read_sidecars(struct index *ix, const char *metadir, char **names, int n,
    struct diag *diag)
{
	struct diag_file *mdf;
	struct ient	*e;
	xmlDocPtr	 meta;
	xmlNodePtr	 root;
	char		 path[4096];
	int		 i;

	if (n > 0 && (ix->e = calloc(n, sizeof(*ix->e))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (strlen(names[i]) > 250) {
			free(names[i]);
			continue;
		}
		e = &ix->e[ix->ne++];
		e->file = names[i];
		snprintf(path, sizeof(path), "%s/%s", metadir, names[i]);
		meta = NULL;
		root = NULL;
		if ((mdf = diag_file_new(diag, path)) != NULL &&
		    (meta = load_file(path, mdf)) != NULL)
			root = xmlDocGetRootElement(meta);
		diag_file_free(mdf);	/* the second reading reports */
		if (root != NULL) {
			e->name = att(root, "name");
			e->cls = att(root, "class");
		} else {
			e->name = strdup("");
			e->cls = strdup("");
		}
		if (e->name == NULL || e->cls == NULL ||
		    (e->ckey = drugclass_key(e->cls)) == NULL ||
		    (e->gkey = drug_key(e->name)) == NULL) {
			xmlFreeDoc(meta);
			for (i++; i < n; i++)
				free(names[i]);
			return -1;
		}
		e->reads = root != NULL ? reads_hash(meta, root) : 0;
		xmlFreeDoc(meta);
	}
	return 0;
}

static int
cmp_by_ckey(const void *a, const void *b)
{
	const struct ient	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->ckey, y->ckey)) != 0)
		return c;
	return strcmp(x->cls, y->cls);
}

/*
 * Each class's label: of the ways its monographs write it, the one most
 * of them use (the first in byte order on a tie).  Sorts ix->e by class.
 */
static void
label_classes(struct index *ix)
{
	size_t	 i, j, k, best, bestn;

	if (ix->ne == 0)	/* ix->e is NULL then: qsort(3) needs a pointer */
		return;
	qsort(ix->e, ix->ne, sizeof(*ix->e), cmp_by_ckey);
	for (i = 0; i < ix->ne; i = j) {
		best = i;
		bestn = 0;
		for (j = i; j < ix->ne &&
		    strcmp(ix->e[j].ckey, ix->e[i].ckey) == 0; j = k) {
			for (k = j; k < ix->ne &&
			    strcmp(ix->e[k].ckey, ix->e[i].ckey) == 0 &&
			    strcmp(ix->e[k].cls, ix->e[j].cls) == 0; k++)
				continue;
			if (k - j > bestn) {
				best = j;
				bestn = k - j;
			}
		}
		for (k = i; k < j; k++)
			ix->e[k].clabel = *ix->e[i].ckey == '\0' ? NULL :
			    ix->e[best].cls;
	}
}

/* The order of the page: class, drug, name, file. */
static int
cmp_entries(const void *a, const void *b)
{
	const struct ient	*x = a, *y = b;
	int			 c;

	if ((x->clabel == NULL) != (y->clabel == NULL))
		return x->clabel == NULL ? 1 : -1;
	if (x->clabel != NULL && ((c = strcasecmp(x->clabel,
	    y->clabel)) != 0 || (c = strcmp(x->ckey, y->ckey)) != 0))
		return c;
	if ((c = strcmp(x->gkey, y->gkey)) != 0 ||
	    (c = strcasecmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->file, y->file);
}

static int
cmp_reads(const void *a, const void *b)
{
	const struct ient	*x = *(struct ient *const *)a;
	const struct ient	*y = *(struct ient *const *)b;

	return x->reads < y->reads ? -1 : x->reads > y->reads;
}

/*
 * Mark the entries that read like another (tell = 1).  Returns 0, or
 * -1 when out of memory.
 */
static int
mark_same(struct index *ix)
{
	struct ient	**v;
	size_t		 i, j;

	if (ix->ne == 0)
		return 0;
	if ((v = malloc(ix->ne * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < ix->ne; i++)
		v[i] = &ix->e[i];
	qsort(v, ix->ne, sizeof(*v), cmp_reads);
	for (i = 0; i < ix->ne; i = j) {
		for (j = i + 1; j < ix->ne && v[j]->reads == v[i]->reads; j++)
			v[j]->tell = 1;
		if (j > i + 1)
			v[i]->tell = 1;
	}
	free(v);
	return 0;
}

/*
 * A drug's label from its key and a generic name of it: "-and-" is
 * " and ", another hyphen a space unless the name has the two words
 * around it joined by one ("alpha-glucosidase").
 */
static char *
drug_label(const char *gkey, const char *name)
{
	char	*out, *lname, *w, probe[256];
	size_t	 i, o, a, z;

	if ((out = malloc(strlen(gkey) * 2 + 1)) == NULL ||
	    (lname = strdup(name)) == NULL) {
		free(out);
		return NULL;
	}
	for (w = lname; *w != '\0'; w++)
		*w = (char)tolower((unsigned char)*w);
	for (i = o = 0; gkey[i] != '\0'; i++) {
		if (strncmp(gkey + i, "-and-", 5) == 0) {
			memcpy(out + o, " and ", 5);
			o += 5;
			i += 4;
			continue;
		}
		if (gkey[i] != '-') {
			out[o++] = gkey[i];
			continue;
		}
		/* the words either side of this hyphen */
		for (a = i; a > 0 && gkey[a - 1] != '-'; a--)
			continue;
		for (z = i + 1; gkey[z] != '\0' && gkey[z] != '-'; z++)
			continue;
		snprintf(probe, sizeof(probe), "%.*s", (int)(z - a),
		    gkey + a);
		out[o++] = strstr(lname, probe) != NULL ? '-' : ' ';
	}
	out[o] = '\0';
	free(lname);
	return out;
}

/*
 * A new "PREFIX-A--B" anchor (no "--B" when b is empty), a hyphen for
 * any ASCII but letters, digits, '.' and '_' (no '%' or '#' that a link
 * to it would have to escape), or NULL.
 */
static char *
anchor(const char *prefix, const char *a, const char *b)
{
	size_t	 n;
	char	*s, *p;

	n = strlen(prefix) + strlen(a) + strlen(b) + 5;
	if ((s = malloc(n)) == NULL)
		return NULL;
	snprintf(s, n, "%s-%s%s%s", prefix, a, *b != '\0' ? "--" : "", b);
	for (p = s; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && (unsigned char)*p < 0x80 &&
		    *p != '.' && *p != '_')
			*p = '-';
	return s;
}

/*
 * The groups and classes of the sorted entries, the cross-references
 * from a drug's group to the combinations with it (from the first group
 * of the drug to the first of the combination), and the counts.
 * Returns 0, or -1 when out of memory.
 */
static int
make_groups(struct index *ix)
{
	xmlHashTablePtr	 first;
	struct igroup	*g;
	struct iclass	*c;
	struct ient	*e;
	size_t		 i, k, *ps;
	char		*key, *part, *save;
	void		*v;
	int		 ret;

	ret = -1;
	key = NULL;
	if ((first = xmlHashCreate(64)) == NULL)
		return -1;
	if (ix->ne > 0 && ((ix->g = calloc(ix->ne, sizeof(*ix->g))) ==
	    NULL || (ix->c = calloc(ix->ne, sizeof(*ix->c))) == NULL))
		goto out;
	for (i = 0; i < ix->ne; i++) {
		e = &ix->e[i];
		if (e->clabel != NULL)
			ix->classed++;
		if (i == 0 || strcmp(e->ckey, e[-1].ckey) != 0) {
			c = &ix->c[ix->nc++];
			c->first = ix->ng;
			if ((c->id = anchor("c", *e->ckey != '\0' ? e->ckey :
			    "none", "")) == NULL)
				goto out;
		}
		c = &ix->c[ix->nc - 1];
		c->entries++;
		if (i > 0 && strcmp(e->ckey, e[-1].ckey) == 0 &&
		    strcmp(e->gkey, e[-1].gkey) == 0) {
			ix->g[ix->ng - 1].n++;
			continue;
		}
		g = &ix->g[ix->ng++];
		c->n++;
		g->first = i;
		g->n = 1;
		g->cls = ix->nc - 1;
		if ((g->label = drug_label(e->gkey, e->name)) == NULL ||
		    (g->id = anchor("g", e->gkey, e->ckey)) == NULL)
			goto out;
		if (xmlHashLookup(first, BAD_CAST e->gkey) == NULL) {
			ix->drugs++;
			if (xmlHashAddEntry(first, BAD_CAST e->gkey,
			    (void *)(uintptr_t)ix->ng) == -1)
				goto out;
		}
	}
	/* the combinations, from the groups of their drugs */
	for (i = 0; i < ix->ng; i++) {
		e = &ix->e[ix->g[i].first];
		if (strstr(e->gkey, "-and-") == NULL ||
		    (uintptr_t)xmlHashLookup(first, BAD_CAST e->gkey) !=
		    i + 1)
			continue;
		free(key);
		if ((key = strdup(e->gkey)) == NULL)
			goto out;
		for (part = key; part != NULL; part = save) {
			if ((save = strstr(part, "-and-")) != NULL) {
				*save = '\0';
				save += 5;
			}
			if ((v = xmlHashLookup(first, BAD_CAST part)) == NULL)
				continue;
			g = &ix->g[(uintptr_t)v - 1];
			for (k = 0; k < g->nsee && g->see[k] != i; k++)
				continue;
			if (k < g->nsee)
				continue;
			if ((ps = realloc(g->see, (g->nsee + 1) *
			    sizeof(*ps))) == NULL)
				goto out;
			g->see = ps;
			g->see[g->nsee++] = i;
		}
	}
	ret = 0;
out:
	free(key);
	xmlHashFree(first, NULL);
	return ret;
}

/* The first letter of s for the A-Z lists: 'A'..'Z', '#' for a digit. */
static int
letter(const char *s)
{
	if (isalpha((unsigned char)*s))
		return toupper((unsigned char)*s);
	return isdigit((unsigned char)*s) ? '#' : 0;
}

/*
 * Add to parent a <letter c="A" ref="ANCHOR"/> for each letter that
 * starts one of the labels (the first of each; labels in order).
 * Returns 0, or -1 when out of memory.
 */
static int
add_letter(xmlNodePtr parent, xmlNsPtr ns, int *last, const char *label,
    const char *ref)
{
	xmlNodePtr	 l;
	char		 c[8];
	int		 k;

	if ((k = letter(label)) == 0 || k == *last)
		return 0;
	*last = k;
	if (k == '#')
		snprintf(c, sizeof(c), "0-9");
	else
		snprintf(c, sizeof(c), "%c", k);
	if ((l = xmlNewChild(parent, ns, BAD_CAST "letter", NULL)) == NULL ||
	    xmlNewProp(l, BAD_CAST "c", BAD_CAST c) == NULL ||
	    xmlNewProp(l, BAD_CAST "ref", BAD_CAST ref) == NULL)
		return -1;
	return 0;
}

/* Set name="%zu" on e; returns 0, or -1 when out of memory. */
static int
count_prop(xmlNodePtr e, const char *name, size_t n)
{
	char	 v[32];

	snprintf(v, sizeof(v), "%zu", n);
	return xmlNewProp(e, BAD_CAST name, BAD_CAST v) == NULL ? -1 : 0;
}

/*
 * The <group> element of group gi under root: the drug, its anchor,
 * count and class label; with the class's heading when it is the first
 * of its class (class-id, class-n, class-drugs; none="yes" and an A-Z
 * list of its drugs for the monographs without a class); its
 * cross-references (<see ref drug/>).  Returns it, or NULL when out of memory.
 */
static xmlNodePtr
group_element(const struct index *ix, size_t gi, xmlNodePtr root,
    xmlNsPtr ns)
{
	const struct igroup	*g = &ix->g[gi], *s;
	const struct iclass	*c = &ix->c[g->cls];
	const struct ient	*e = &ix->e[g->first];
	xmlNodePtr		 ge, se;
	size_t			 i;
	int			 last;

	if ((ge = xmlNewChild(root, ns, BAD_CAST "group", NULL)) == NULL ||
	    xmlNewProp(ge, BAD_CAST "id", BAD_CAST g->id) == NULL ||
	    xmlNewProp(ge, BAD_CAST "drug", BAD_CAST g->label) == NULL ||
	    count_prop(ge, "n", g->n) == -1)
		return NULL;
	if (e->clabel != NULL && xmlNewProp(ge, BAD_CAST "class",
	    BAD_CAST e->clabel) == NULL)
		return NULL;
	if (c->first == gi) {
		if (xmlNewProp(ge, BAD_CAST "class-id", BAD_CAST c->id) ==
		    NULL || count_prop(ge, "class-n", c->entries) == -1 ||
		    count_prop(ge, "class-drugs", c->n) == -1)
			return NULL;
		if (e->clabel == NULL) {
			if (xmlNewProp(ge, BAD_CAST "none", BAD_CAST "yes") ==
			    NULL)
				return NULL;
			last = 0;
			for (i = c->first; i < c->first + c->n; i++)
				if (add_letter(ge, ns, &last, ix->g[i].label,
				    ix->g[i].id) == -1)
					return NULL;
		}
	}
	for (i = 0; i < g->nsee; i++) {
		s = &ix->g[g->see[i]];
		if ((se = xmlNewChild(ge, ns, BAD_CAST "see", NULL)) == NULL ||
		    xmlNewProp(se, BAD_CAST "ref", BAD_CAST s->id) == NULL ||
		    xmlNewProp(se, BAD_CAST "drug", BAD_CAST s->label) ==
		    NULL)
			return NULL;
	}
	return ge;
}
/*
 * The input of the page around the entries, <index entries="N"
 * drugs="N" classed="N" classes="N"> with a <class ref label n/> for
 * each class (and none="yes" for the monographs without one) and the
 * A-Z list of the classes (<letter c ref/>).  Returns it, or NULL when
 * out of memory.
 */
static xmlDocPtr
page_input(const struct index *ix, size_t entries)
{
	const struct iclass	*c;
	const struct ient	*e;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, ce;
	xmlNsPtr		 ns;
	size_t			 i, classes;
	int			 last;
	char			 count[32];

	snprintf(count, sizeof(count), "%zu", entries);
	if ((doc = new_input("entries", count, &root, &ns)) == NULL)
		return NULL;
	for (classes = i = 0; i < ix->nc; i++)
		if (ix->e[ix->g[ix->c[i].first].first].clabel != NULL)
			classes++;
	if (count_prop(root, "drugs", ix->drugs) == -1 ||
	    count_prop(root, "classed", ix->classed) == -1 ||
	    count_prop(root, "classes", classes) == -1)
		goto fail;
	last = 0;
	for (i = 0; i < ix->nc; i++) {
		c = &ix->c[i];
		e = &ix->e[ix->g[c->first].first];
		if ((ce = xmlNewChild(root, ns, BAD_CAST "class", NULL)) ==
		    NULL || xmlNewProp(ce, BAD_CAST "ref", BAD_CAST c->id) ==
		    NULL || count_prop(ce, "n", c->entries) == -1 ||
		    count_prop(ce, "drugs", c->n) == -1)
			goto fail;
		if (e->clabel == NULL) {
			if (xmlNewProp(ce, BAD_CAST "none", BAD_CAST "yes") ==
			    NULL)
				goto fail;
			continue;
		}
		if (xmlNewProp(ce, BAD_CAST "label", BAD_CAST e->clabel) ==
		    NULL || add_letter(root, ns, &last, e->clabel, c->id) ==
		    -1)
			goto fail;
	}
	return doc;
fail:
	xmlFreeDoc(doc);
	return NULL;
}

/*
 * Build DIR/html/index.html from DIR/meta/ *.xml: the groups of
 * INDEX_CHUNK sidecars or so at a time (<index part="entries"> holding
 * <group> elements holding the entries), then the page around them
 * (page_input(), the groups going where it has the comment "entries"),
 * as xslt/index.xsl describes.  Returns 0, or -1 after reporting a
 * failure.
 */
int
index_build(const char *outdir, const struct xform *xf, struct diag *diag)
{
	static const char marker[] = "<!--entries-->";
	struct index	 ix;
	struct diag_file *df, *mdf;
	struct buf	 items, page, all;
	xmlDocPtr	 doc, meta;
	xmlNodePtr	 root, ge, copy;
	xmlNsPtr	 ns;
	char		**names, *metadir, *html, *at, path[4096];
	const char	*env;
	size_t		 len, gi, i, entries, chunk, maxchunk;
	int		 n, ret, rc;

	ret = -1;
	memset(&ix, 0, sizeof(ix));
	doc = NULL;
	df = NULL;
	html = NULL;
	memset(&items, 0, sizeof(items));
	memset(&page, 0, sizeof(page));
	memset(&all, 0, sizeof(all));
	len = strlen(outdir) + 8;
	if ((metadir = malloc(len)) == NULL) {
		diag_msg(diag, DIAG_FATAL, "out of memory");
		return -1;
	}
	snprintf(metadir, len, "%s/meta", outdir);
	names = output_list(metadir, ".xml", "", 1, &n);
	if (n == -1) {
		diag_msg(diag, DIAG_FATAL, "cannot read directory '%s': %s",
		    metadir, strerror(errno));
		goto out;
	}
	rc = read_sidecars(&ix, metadir, names, n, diag);
	free(names);		/* its strings are ix's now */
	if (rc == -1 ||
	    (html = output_path(outdir, FMT_INDEX, "index")) == NULL ||
	    (df = diag_file_new(diag, html)) == NULL)
		goto oom;
	label_classes(&ix);
	if (ix.ne > 0)
		qsort(ix.e, ix.ne, sizeof(*ix.e), cmp_entries);
	if (make_groups(&ix) == -1 || mark_same(&ix) == -1)
		goto oom;
	maxchunk = INDEX_CHUNK;
	if ((env = getenv("MONOC_INDEX_CHUNK")) != NULL && atoi(env) > 0)
		maxchunk = (size_t)atoi(env);
	entries = chunk = 0;
	for (gi = 0; gi < ix.ng; gi++) {
		if (doc == NULL && (doc = new_input("part", "entries", &root,
		    &ns)) == NULL)
			goto oom;
		if ((ge = group_element(&ix, gi, root, ns)) == NULL)
			goto oom;
		for (i = ix.g[gi].first; i < ix.g[gi].first + ix.g[gi].n;
		    i++) {
			snprintf(path, sizeof(path), "%s/%s", metadir,
			    ix.e[i].file);
			if ((mdf = diag_file_new(diag, path)) == NULL)
				goto oom;
			if ((meta = load_file(path, mdf)) != NULL) {
				copy = add_entry(ge, ns,
				    xmlDocGetRootElement(meta));
				if (copy != NULL && ix.e[i].tell &&
				    xmlNewProp(copy, BAD_CAST "tell",
				    BAD_CAST "yes") == NULL)
					copy = NULL;
				if (copy != NULL)
					entries++;
				xmlFreeDoc(meta);
			} else
				copy = ge;
			diag_flush(diag, mdf);
			diag_file_free(mdf);
			if (copy == NULL)
				goto oom;
			chunk++;
		}
		if (chunk >= maxchunk) {
			if (render(xf, &doc, df, &items) == -1)
				goto report;
			chunk = 0;
		}
	}
	if (doc != NULL && render(xf, &doc, df, &items) == -1)
		goto report;
	if ((doc = page_input(&ix, entries)) == NULL)
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
	index_free(&ix);
	free(metadir);
	return ret;
}
