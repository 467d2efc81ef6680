/*
 * The document model: citations and references.  Every m:cite of the
 * monograph is numbered once, in document order, before the model is
 * built (build_cites()); each place that cites writes its group
 * (cite_c()), and the numbered references list every place that cites
 * each source (refs()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "model_int.h"

/* ------------------------------------------------------------------ */
/* Citations                                                          */
/* ------------------------------------------------------------------ */

static int
cmp_node(const void *a, const void *b)
{
	const xmlNode	*x = (*(struct cite *const *)a)->node;
	const xmlNode	*y = (*(struct cite *const *)b)->node;

	return x < y ? -1 : x > y;
}

static int
cmp_ref(const void *a, const void *b)
{
	const struct cite	*x = *(struct cite *const *)a;
	const struct cite	*y = *(struct cite *const *)b;
	int			 c;

	if ((c = strcmp(x->ref, y->ref)) != 0)
		return c;
	return x->k < y->k ? -1 : x->k > y->k;
}

static int
cmp_source(const void *a, const void *b)
{
	const struct source	*x = a;
	const struct source	*y = b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* Append the m:cite descendants of n to the table. */
static void
collect_cites(struct mb *mb, const xmlNode *n, const char *where,
    size_t *cap)
{
	const xmlNode	*c;
	struct cite	*nc;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_m(c, "cite")) {
			if (mb->ncites == *cap) {
				*cap = *cap == 0 ? 256 : *cap * 2;
				nc = realloc(mb->cites, *cap * sizeof(*nc));
				if (nc == NULL) {
					mb->nomem = 1;
					return;
				}
				mb->cites = nc;
			}
			nc = &mb->cites[mb->ncites++];
			nc->node = c;
			nc->ref = sat(mb, c, "ref");
			nc->where = where;
			nc->k = mb->ncites;
			nc->n = 0;
		}
		collect_cites(mb, c, where, cap);
	}
}

/* The source number of id: the first m:source with that @id. */
static size_t
source_number(const struct mb *mb, const char *id)
{
	size_t	 lo, hi, mid;

	lo = 0;
	hi = mb->nsources;
	while (lo < hi) {		/* the first one not below id */
		mid = lo + (hi - lo) / 2;
		if (strcmp(mb->sources[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < mb->nsources && strcmp(mb->sources[lo].id, id) == 0)
		return mb->sources[lo].n;
	return 0;
}

/*
 * The variables cites-by-section and cites of common.xsl: every m:cite
 * in a child of the root, numbered in document order, with the number
 * of its source and the title of its section; sorted copies to find a
 * cite's entry and the cites of a source.
 */
void
build_cites(struct mb *mb, const xmlNode *root)
{
	const xmlNode	*c, *s;
	struct source	*ns;
	size_t		 cap, scap, i;

	cap = scap = 0;
	for (c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_m(c, "sources"))
			for (s = c->children; s != NULL; s = s->next) {
				if (!is_m(s, "source"))
					continue;
				if (mb->nsources == scap) {
					scap = scap == 0 ? 32 : scap * 2;
					ns = realloc(mb->sources,
					    scap * sizeof(*ns));
					if (ns == NULL) {
						mb->nomem = 1;
						return;
					}
					mb->sources = ns;
				}
				ns = &mb->sources[mb->nsources++];
				ns->id = sat(mb, s, "id");
				ns->n = mb->nsources;
			}
		collect_cites(mb, c, section_title(mb, (const char *)c->name),
		    &cap);
	}
	if (mb->nomem)
		return;
	if (mb->nsources > 0)
		qsort(mb->sources, mb->nsources, sizeof(*mb->sources),
		    cmp_source);
	if (mb->ncites == 0)
		return;
	mb->bynode = calloc(mb->ncites, sizeof(*mb->bynode));
	mb->byref = calloc(mb->ncites, sizeof(*mb->byref));
	if (mb->bynode == NULL || mb->byref == NULL) {
		mb->nomem = 1;
		return;
	}
	for (i = 0; i < mb->ncites; i++) {
		mb->cites[i].n = source_number(mb, mb->cites[i].ref);
		mb->bynode[i] = mb->byref[i] = &mb->cites[i];
	}
	qsort(mb->bynode, mb->ncites, sizeof(*mb->bynode), cmp_node);
	qsort(mb->byref, mb->ncites, sizeof(*mb->byref), cmp_ref);
}

static const struct cite *
find_cite(const struct mb *mb, const xmlNode *n)
{
	struct cite	 key, *kp, **found;

	if (mb->ncites == 0)
		return NULL;
	key.node = n;
	kp = &key;
	found = bsearch(&kp, mb->bynode, mb->ncites, sizeof(*mb->bynode),
	    cmp_node);
	return found != NULL ? *found : NULL;
}

/* <c n k/> for the cite n: key('cite', generate-id()) in the table. */
void
cite_c(struct mb *mb, xmlNodePtr cites, const xmlNode *n)
{
	const struct cite	*ct;
	xmlNodePtr		 c;

	const char		*at;
	struct buf		 b;

	c = el(mb, cites, "c");
	if ((ct = find_cite(mb, n)) == NULL) {
		set(mb, c, "n", "");
		set(mb, c, "k", "");
		return;
	}
	if (ct->n == 0)
		set(mb, c, "n", "");
	else
		set_n(mb, c, "n", ct->n);
	if (!mb->copy)
		set_n(mb, c, "k", ct->k);
	if ((at = att(mb, n, "at")) != NULL && !all_ws(at)) {
		memset(&b, 0, sizeof(b));
		/* a numbered section of a label: "§5.1" */
		if (*at >= '0' && *at <= '9')
			str_add(mb, &b, need(mb, "label", "section-sign"));
		add_norm(mb, &b, at);
		set(mb, c, "at", str_get(&b));
		free(b.p);
	}
}


/* <part kind="KIND">s</part> in the ref r */
static void
part(struct mb *mb, xmlNodePtr r, const char *kind, const char *s)
{
	xmlNodePtr	 p;

	p = el(mb, r, "part");
	set(mb, p, "kind", kind);
	text(mb, p, s);
}

/* A part for each child m:NAME of the source s: its normalize-space(). */
static void
parts(struct mb *mb, xmlNodePtr r, const xmlNode *s, const char *name,
    struct buf *b)
{
	const xmlNode	*c;

	for (c = s->children; c != NULL; c = c->next)
		if (is_m(c, name)) {
			str_clear(b);
			add_norm_node(mb, b, c);
			part(mb, r, name, str_get(b));
		}
}

/* The words of a source's @type. */
static const char *
source_type(struct mb *mb, const char *type)
{
	const char	*w;

	if ((w = word(mb, "source-type", type)) != NULL)
		return w;
	return need(mb, "source-type", "article");
}

/* <back k where n?/> for each cite of the source id, key('cites-of', @id) */
static void
backs(struct mb *mb, xmlNodePtr r, const char *id)
{
	struct cite	 key, *kp;
	xmlNodePtr	 back;
	size_t		 lo, hi, mid, i;
	int		 same;

	key.ref = id;
	key.k = 0;
	kp = &key;
	lo = 0;
	hi = mb->ncites;
	while (lo < hi) {		/* the first one not below (id, 0) */
		mid = lo + (hi - lo) / 2;
		if (cmp_ref(&mb->byref[mid], &kp) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo; hi < mb->ncites && strcmp(mb->byref[hi]->ref, id) == 0;
	    hi++)
		continue;
	/* template number-back: i counts a run to the same section */
	for (i = 1; lo < hi; lo++) {
		back = el(mb, r, "back");
		set_n(mb, back, "k", mb->byref[lo]->k);
		set(mb, back, "where", mb->byref[lo]->where);
		same = lo + 1 < hi && strcmp(mb->byref[lo + 1]->where,
		    mb->byref[lo]->where) == 0;
		if (i > 1 || same)
			set_n(mb, back, "n", i);
		i = same ? i + 1 : 1;
	}
}

/* template m:sources, mode section: the references */
void
refs(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*s, *c;
	const char	*id;
	struct buf	 b;
	xmlNodePtr	 rs, r;
	size_t		 pos;
	int		 any;

	memset(&b, 0, sizeof(b));
	rs = el(mb, parent, "refs");
	pos = 0;
	for (s = n->children; s != NULL; s = s->next) {
		if (!is_m(s, "source"))
			continue;
		r = el(mb, rs, "ref");
		set_n(mb, r, "n", ++pos);
		set(mb, r, "id", sat(mb, s, "id"));
		set(mb, r, "type", sat(mb, s, "type"));
		str_clear(&b);
		add_norm_node(mb, &b, child(s, "title"));
		part(mb, r, "title", str_get(&b));
		if (child(s, "author") != NULL) {
			str_clear(&b);
			any = 0;
			for (c = s->children; c != NULL; c = c->next) {
				if (!is_m(c, "author"))
					continue;
				if (any++)
					str_add(mb, &b, "; ");
				add_norm_node(mb, &b, c);
			}
			part(mb, r, "author", str_get(&b));
		}
		parts(mb, r, s, "publisher", &b);
		if (child(s, "published") != NULL ||
		    child(s, "updated") != NULL) {
			str_clear(&b);
			for (c = s->children; c != NULL; c = c->next)
				if (is_m(c, "published")) {
					str_add(mb, &b, need(mb, "label", "published"));
					add_norm_node(mb, &b, c);
				}
			if (child(s, "published") != NULL &&
			    child(s, "updated") != NULL)
				str_add(mb, &b, "; ");
			for (c = s->children; c != NULL; c = c->next)
				if (is_m(c, "updated")) {
					str_add(mb, &b, need(mb, "label", "updated"));
					add_norm_node(mb, &b, c);
				}
			part(mb, r, "date", str_get(&b));
		}
		str_clear(&b);
		str_add(mb, &b, need(mb, "label", "source-type"));
		str_add(mb, &b, source_type(mb, sat(mb, s, "type")));
		part(mb, r, "type", str_get(&b));
		if ((c = child(s, "spl")) != NULL) {
			str_clear(&b);
			str_add(mb, &b, need(mb, "label", "spl-set-id"));
			str_add(mb, &b, sat(mb, c, "set-id"));
			if (att(mb, c, "version") != NULL) {
				str_add(mb, &b, need(mb, "label",
				    "spl-version"));
				str_add(mb, &b, att(mb, c, "version"));
			}
			if (att(mb, c, "effective") != NULL) {
				str_add(mb, &b, need(mb, "label",
				    "spl-effective"));
				str_add(mb, &b, att(mb, c, "effective"));
			}
			part(mb, r, "note", str_get(&b));
		}
		parts(mb, r, s, "note", &b);
		parts(mb, r, s, "url", &b);
		if ((id = att(mb, s, "id")) != NULL)
			backs(mb, r, id);
	}
	free(b.p);
}
