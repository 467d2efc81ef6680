/*
 * The document model of a monograph: the one definition of what the
 * three formats show, built in C once the monograph has been validated.
 *
 * The model (schema/model.xsd describes it, element by element) is a
 * neutral document: sections and subsections with their titles,
 * paragraphs, lists, notes and tables, inline text with citation groups,
 * and the numbered references with links back to every place that cites
 * them.  html.xsl, text.xsl and man.xsl render this tree and nothing
 * else, so the three formats carry the same sections, statements,
 * citations and order by construction.  `monoc --emit-model FILE`
 * writes it, for a stylesheet maintainer's xsltproc.
 *
 * Each function below turns one element of the monograph (or a group of
 * them) into model elements; its comment names the model it writes.
 * tests/unit/test_model.c checks the model of every monograph and
 * fixture against schema/model.xsd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>
#include <libxml/dict.h>
#include <libxml/hash.h>
#include <libxml/xpathInternals.h>

#include "buf.h"
#include "grid.h"
#include "model.h"
#include "table.h"

#define MNS	"urn:monoc:monograph:2"
#define WNS	"urn:monoc:words:1"
#define NBSP	"\xc2\xa0"
/* the longest prose contraindication the highlights quote, in bytes */
#define HL_PROSE_MAX	200

/* One m:cite of the document: the table $cites of common.xsl. */
struct cite {
	const xmlNode	*node;
	const char	*ref;		/* @ref, "" when absent */
	const char	*where;		/* title of its top-level section */
	size_t		 k;		/* 1-based, document order */
	size_t		 n;		/* source number, 0: none */
};

/* One m:source, for the source numbers. */
struct source {
	const char	*id;		/* @id, "" when absent */
	size_t		 n;
};

struct mb {
	const struct words *words;	/* xslt/words.xml */
	char		 missing[128];	/* the first word asked for, absent */
	xmlDocPtr	 doc;		/* the model being built */
	int		 nomem;
	int		 unsupported;
	struct buf	 scratch;	/* string values of source nodes */
	struct cite	*cites;		/* in document order */
	size_t		 ncites;
	struct cite	**bynode;	/* sorted by node */
	struct cite	**byref;	/* sorted by ref, then k */
	struct source	*sources;	/* sorted by id, then n */
	size_t		 nsources;
	char		 idbuf[64];	/* new_id()'s */
	size_t		 nids;
	char		**linked;	/* other monographs linked to */
	size_t		 nlinked;
	int		 copy;		/* copies of citations: no k */
	xmlHashTablePtr	 titles;	/* model id -> title, for xrefs */
	const xmlNode	*ord_node;	/* the last node ordinal() numbered */
	size_t		 ord;		/* ... and its number */
};

typedef void	 model_fn(struct mb *, xmlNodePtr, const xmlNode *);

static void	 inline_children(struct mb *, xmlNodePtr, const xmlNode *);
static void	 model_node(struct mb *, xmlNodePtr, const xmlNode *);
static void	 add_criterion(struct mb *, struct buf *, const xmlNode *);
static int	 fnref_mark(struct mb *, const xmlNode *, const char *, char *,
		    size_t);
static const xmlNode *table_of(const xmlNode *);
static xmlNodePtr sub_of(struct mb *, xmlNodePtr, const xmlNode *,
		    const char *, const char *, const char *);
static void	 criteria_p(struct mb *, xmlNodePtr, const xmlNode *);
static int	 follows_same(const xmlNode *);
static const xmlNode *next_same(const xmlNode *);
static const char *new_id(struct mb *, const char *);
static void	 add_range(struct mb *, struct buf *, const xmlNode *,
		    const char *);
static const xmlNode *att_form(struct mb *, const xmlNode *);
static void	 labelled_text(struct mb *, xmlNodePtr, const char *,
		    const char *);
static void	 link_to(struct mb *, xmlNodePtr, const char *,
		    const xmlNode *);
static void	 model_children(struct mb *, xmlNodePtr, const xmlNode *);
static void	 model_grandchildren(struct mb *, xmlNodePtr, const xmlNode *,
		    const char *);

/* ------------------------------------------------------------------ */
/* Strings                                                            */
/* ------------------------------------------------------------------ */

static void
str_addn(struct mb *mb, struct buf *b, const char *s, size_t n)
{
	buf_add(b, s, n);
	if (b->fail)
		mb->nomem = 1;
}

static void
str_add(struct mb *mb, struct buf *b, const char *s)
{
	str_addn(mb, b, s, strlen(s));
}

/* The string so far ("" before anything was added). */
static const char *
str_get(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

static void
str_clear(struct buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		*b->p = '\0';
}

/* XPath white space: space, tab, carriage return, line feed. */
static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * The length of the white space at s for add_norm: one for a space, tab,
 * CR or LF; the whole run for two or more no-break spaces (U+00A0), which
 * labels use for layout (a run of a hundred would be one word no line can
 * hold), while a single one joins two words ("5 mg") and stays.
 */
static size_t
ws_run(const char *s)
{
	size_t	 k;

	if (is_ws(*s))
		return 1;
	for (k = 0; s[k] == '\xc2' && s[k + 1] == '\xa0'; k += 2)
		continue;
	return k >= 4 ? k : 0;
}

/*
 * Append the word w of n bytes.  Words joined by single no-break spaces
 * stay joined ("5 mg"), unless the joined run is longer than a narrow
 * column could ever hold (some labels join whole sentences so): then
 * its no-break spaces are spaces.
 */
static void
add_word(struct mb *mb, struct buf *b, const char *w, size_t n)
{
	size_t	 i, chars, start;

	for (i = chars = 0; i < n; i++)
		if (((unsigned char)w[i] & 0xC0) != 0x80)
			chars++;
	if (chars <= 30) {
		str_addn(mb, b, w, n);
		return;
	}
	for (start = i = 0; i + 1 < n; i++)
		if (w[i] == '\xc2' && w[i + 1] == '\xa0') {
			str_addn(mb, b, w + start, i - start);
			str_addn(mb, b, " ", 1);
			start = i + 2;
			i++;
		}
	str_addn(mb, b, w + start, n - start);
}

/* normalize-space(s) = '' */
static int
all_ws(const char *s)
{
	while (is_ws(*s))
		s++;
	return *s == '\0';
}

/* Append normalize-space(s). */
static void
add_norm(struct mb *mb, struct buf *b, const char *s)
{
	const char	*w, *e;
	size_t		 k;
	int		 first;

	first = 1;
	for (;;) {
		while ((k = ws_run(s)) > 0)
			s += k;
		if (*s == '\0')
			break;
		for (w = s; *s != '\0' && ws_run(s) == 0; s++)
			continue;
		/* a no-break space joins two words or nothing */
		e = s;
		while (e - w >= 2 && w[0] == '\xc2' && w[1] == '\xa0')
			w += 2;
		while (e - w >= 2 && e[-2] == '\xc2' && e[-1] == '\xa0')
			e -= 2;
		if (e == w)
			continue;
		if (!first)
			str_addn(mb, b, " ", 1);
		add_word(mb, b, w, e - w);
		first = 0;
	}
}

/* Append translate(s, '-', ' '). */
static void
add_dash_to_space(struct mb *mb, struct buf *b, const char *s)
{
	size_t	 start;

	start = b->len;
	str_add(mb, b, s);
	if (b->p != NULL)
		for (; start < b->len; start++)
			if (b->p[start] == '-')
				b->p[start] = ' ';
}

/* Append s with its first character upper-cased as template ucfirst. */
static void
add_ucfirst(struct mb *mb, struct buf *b, const char *s)
{
	char	 c;

	if (*s >= 'a' && *s <= 'z') {
		c = *s - 'a' + 'A';
		str_addn(mb, b, &c, 1);
		s++;
	}
	str_add(mb, b, s);
}

/* XPath number() of an attribute value; NaN for an absent one. */
static double
number(const char *s)
{
	return s == NULL ? xmlXPathNAN : xmlXPathStringEvalNumber(BAD_CAST s);
}

static int
eq(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/* ------------------------------------------------------------------ */
/* The source document                                                */
/* ------------------------------------------------------------------ */

/* Is n the element NAME of the namespace ns? */
static int
is_ns(const xmlNode *n, const char *ns, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->name, name) == 0 &&
	    strcmp((const char *)n->ns->href, ns) == 0;
}

/* Is n the element m:NAME? */
static int
is_m(const xmlNode *n, const char *name)
{
	return is_ns(n, MNS, name);
}

static int
is_text(const xmlNode *n)
{
	return n != NULL && (n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE);
}

/* The value of the attribute NAME (no namespace), NULL when absent. */
static const char *
att(struct mb *mb, const xmlNode *n, const char *name)
{
	const xmlAttr	*a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL || strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children == NULL)
			return "";
		if (a->children->type == XML_TEXT_NODE &&
		    a->children->next == NULL && a->children->content != NULL)
			return (const char *)a->children->content;
		mb->unsupported = 1;
		return "";
	}
	return NULL;
}

/* @NAME as XPath gives it to concat() and value-of: "" when absent. */
static const char *
sat(struct mb *mb, const xmlNode *n, const char *name)
{
	const char	*v;

	return (v = att(mb, n, name)) != NULL ? v : "";
}

/* The first child m:NAME of n, or NULL. */
static const xmlNode *
child(const xmlNode *n, const char *name)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, name))
			return c;
	return NULL;
}

/*
 * count(preceding-sibling::m:NAME) + 1, n being one.  Siblings are
 * numbered in document order, so the count goes back only as far as the
 * last one numbered: linear in the siblings, not quadratic (16,000
 * interactions took 3.6 s).
 */
static size_t
ordinal(struct mb *mb, const xmlNode *n)
{
	const xmlNode	*c;
	size_t		 i;

	i = 1;
	for (c = n->prev; c != NULL; c = c->prev) {
		if (c == mb->ord_node && xmlStrEqual(c->name, n->name)) {
			i += mb->ord;
			break;
		}
		if (is_m(c, (const char *)n->name))
			i++;
	}
	mb->ord_node = n;
	mb->ord = i;
	return i;
}

/* Is n the first of its name among its siblings? */
static int
first_of_name(const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->prev; c != NULL; c = c->prev)
		if (is_m(c, (const char *)n->name))
			return 0;
	return 1;
}

/* Append the XPath string value of n (its descendant text). */
static void
add_value(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const xmlNode	*c;

	if (is_text(n)) {
		if (n->content != NULL)
			str_add(mb, b, (const char *)n->content);
		return;
	}
	if (n->type == XML_ENTITY_REF_NODE) {
		mb->unsupported = 1;
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	for (c = n->children; c != NULL; c = c->next)
		add_value(mb, b, c);
}

/* Append normalize-space(n), "" when n is NULL (an empty node-set). */
static void
add_norm_node(struct mb *mb, struct buf *b, const xmlNode *n)
{
	if (n == NULL)
		return;
	str_clear(&mb->scratch);
	add_value(mb, &mb->scratch, n);
	add_norm(mb, b, str_get(&mb->scratch));
}

/* normalize-space(n) != '' */
static int
has_words(struct mb *mb, const xmlNode *n)
{
	str_clear(&mb->scratch);
	add_value(mb, &mb->scratch, n);
	return !all_ws(str_get(&mb->scratch));
}

/* A text node of white space only (normalize-space(.) = ''). */
static int
is_blank(const xmlNode *n)
{
	return is_text(n) && (n->content == NULL ||
	    all_ws((const char *)n->content));
}

/* ------------------------------------------------------------------ */
/* The model document                                                 */
/* ------------------------------------------------------------------ */

/* A new element NAME, last child of parent (NULL after a failure). */
static xmlNodePtr
el(struct mb *mb, xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 e;

	if (parent == NULL)
		return NULL;
	if ((e = xmlNewDocNode(mb->doc, NULL, BAD_CAST name, NULL)) == NULL) {
		mb->nomem = 1;
		return NULL;
	}
	xmlAddChild(parent, e);
	return e;
}

static void
set(struct mb *mb, xmlNodePtr e, const char *name, const char *value)
{
	if (e != NULL && xmlNewProp(e, BAD_CAST name, BAD_CAST value) == NULL)
		mb->nomem = 1;
}

static void
set_n(struct mb *mb, xmlNodePtr e, const char *name, size_t value)
{
	char	 num[32];

	snprintf(num, sizeof(num), "%zu", value);
	set(mb, e, name, num);
}

/* Add text to p, joined to a text node before it as libxslt does. */
static void
text(struct mb *mb, xmlNodePtr p, const char *s)
{
	xmlNodePtr	 t;

	if (p == NULL || *s == '\0')
		return;
	if (p->last != NULL && p->last->type == XML_TEXT_NODE) {
		xmlNodeAddContent(p->last, BAD_CAST s);
		return;
	}
	if ((t = xmlNewDocText(mb->doc, BAD_CAST s)) == NULL) {
		mb->nomem = 1;
		return;
	}
	xmlAddChild(p, t);
}

/* An element NAME holding text s. */
static xmlNodePtr
el_text(struct mb *mb, xmlNodePtr parent, const char *name, const char *s)
{
	xmlNodePtr	 e;

	e = el(mb, parent, name);
	text(mb, e, s);
	return e;
}

/* <NAME><para>s</para></NAME>, as the table cells are. */
static xmlNodePtr
cell_para(struct mb *mb, xmlNodePtr row, const char *s)
{
	return el_text(mb, el(mb, row, "cell"), "para", s);
}

/* A table head of cells. */
static void
head(struct mb *mb, xmlNodePtr table, const char *const *cells)
{
	xmlNodePtr	 h;

	h = el(mb, table, "head");
	for (; *cells != NULL; cells++)
		el_text(mb, h, "cell", *cells);
}

/* <sub id title kind>, the template "sub" (or the literal ones). */
static xmlNodePtr
sub(struct mb *mb, xmlNodePtr parent, const char *id, const char *title,
    const char *kind)
{
	xmlNodePtr	 s;

	s = el(mb, parent, "sub");
	set(mb, s, "id", id);
	set(mb, s, "title", title);
	set(mb, s, "kind", kind);
	return s;
}

/* ------------------------------------------------------------------ */
/* Words                                                              */
/* ------------------------------------------------------------------ */

/*
 * The words of xslt/words.xml, sorted by "group.key" for lookup: every
 * fixed word the model holds.
 */
struct words {
	char		**pairs;	/* "group.key", text, ... */
	size_t		  n;		/* pairs */
};

/* The words for group and key in words.xml, or NULL when it has none. */
static const char *
word(struct mb *mb, const char *group, const char *key)
{
	char	 k[256];
	size_t	 lo, hi, mid;
	int	 c;

	if (snprintf(k, sizeof(k), "%s.%s", group, key) >= (int)sizeof(k))
		return NULL;
	lo = 0;
	hi = mb->words->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(k, mb->words->pairs[2 * mid])) == 0)
			return mb->words->pairs[2 * mid + 1];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The words for group and key, or key itself when words.xml has none. */
static const char *
lookup(struct mb *mb, const char *group, const char *key)
{
	const char	*w;

	return (w = word(mb, group, key)) != NULL ? w : key;
}

/*
 * The words for group and key, which words.xml must have: when it has
 * not, the model cannot be built (model_build() says which is missing).
 */
static const char *
need(struct mb *mb, const char *group, const char *key)
{
	const char	*w;

	if ((w = word(mb, group, key)) != NULL)
		return w;
	if (mb->missing[0] == '\0')
		snprintf(mb->missing, sizeof(mb->missing), "%s.%s", group,
		    key);
	return "";
}

static const char *
section_title(struct mb *mb, const char *name)
{
	return lookup(mb, "section", name);
}

/* The words of a route (absent: any route). */
static const char *
route_words(struct mb *mb, const char *route)
{
	return lookup(mb, "route", route != NULL ? route : "");
}

/* The label of a disagreement note (any other kind: uncertain). */
static const char *
disagreement_label(struct mb *mb, const char *kind)
{
	if (!eq(kind, "conflict") && !eq(kind, "label"))
		kind = "uncertain";
	return need(mb, "note", kind);
}

/* template form-words, route and kind being @route and @kind */
static void
add_form_words(struct mb *mb, struct buf *b, const char *route,
    const char *kind)
{
	struct buf	 k;

	memset(&k, 0, sizeof(k));
	add_dash_to_space(mb, &k, kind != NULL ? kind : "");
	if (eq(route, "oral") && kind != NULL &&
	    strncmp(kind, "oral-", 5) == 0)
		add_ucfirst(mb, b, str_get(&k));
	else {
		add_ucfirst(mb, b, route_words(mb, route));
		str_add(mb, b, " ");
		str_add(mb, b, str_get(&k));
	}
	free(k.p);
}

/* template amount-words; NULL stands for an absent attribute */
static void
add_amount(struct mb *mb, struct buf *b, const char *low, const char *high,
    const char *unit)
{
	add_norm(mb, b, low != NULL ? low : "");
	if (high != NULL && !all_ws(high)) {
		str_add(mb, b, " to ");
		add_norm(mb, b, high);
	}
	if (unit == NULL || *unit == '\0')
		return;
	if (strcmp(unit, "%") == 0)
		str_add(mb, b, "%");
	else if (strcmp(unit, "dose") == 0) {
		str_add(mb, b, " ");
		str_add(mb, b, need(mb, "label", high == NULL &&
		    number(low) == 1 ? "dose" : "doses"));
	}
	else {
		str_add(mb, b, NBSP);
		/* a unit of time is plural but for exactly one ("16 years") */
		if ((high != NULL || number(low) != 1) &&
		    word(mb, "unit-plural", unit) != NULL)
			str_add(mb, b, word(mb, "unit-plural", unit));
		else
			str_add(mb, b, unit);
	}
}

/* " every 6 to 8 hours", " every day": @interval, -high and -unit */
static void
add_interval(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*low, *high, *unit;

	if ((low = att(mb, n, "interval")) == NULL)
		return;
	high = att(mb, n, "interval-high");
	unit = sat(mb, n, "interval-unit");
	str_add(mb, b, need(mb, "label", "every"));
	if (high == NULL && number(low) == 1) {
		str_add(mb, b, unit);
		return;
	}
	str_add(mb, b, low);
	if (high != NULL) {
		str_add(mb, b, " to ");
		str_add(mb, b, high);
	}
	str_add(mb, b, NBSP);
	str_add(mb, b, unit);
	str_add(mb, b, "s");
}

/* template dose-words, context n */
static void
add_dose(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*times, *per, *w;
	double		 t;
	char		 key[2];

	add_amount(mb, b, att(mb, n, "low"), att(mb, n, "high"),
	    att(mb, n, "unit"));
	if ((times = att(mb, n, "times")) != NULL) {
		t = number(times);
		if (t >= 1 && t <= 6 && t == (int)t) {
			key[0] = '0' + (int)t;
			key[1] = '\0';
			str_add(mb, b, need(mb, "times", key));
		} else {
			str_add(mb, b, " ");
			str_add(mb, b, times);
			str_add(mb, b, " times");
		}
	}
	if ((per = att(mb, n, "per")) != NULL &&
	    (w = word(mb, "per", per)) != NULL)
		str_add(mb, b, w);
	add_interval(mb, b, n);
	if (eq(att(mb, n, "as-needed"), "yes"))
		str_add(mb, b, need(mb, "label", "as-needed"));
	if (att(mb, n, "cap") != NULL) {
		str_add(mb, b, need(mb, "label", "cap-open"));
		add_amount(mb, b, att(mb, n, "cap"), NULL,
		    att(mb, n, "cap-unit"));
		str_add(mb, b, ")");
	}
}

/* template duration-words, context n */
static void
add_duration(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*low, *high;

	if (eq(att(mb, n, "approximate"), "yes"))
		str_add(mb, b, "about ");
	low = att(mb, n, "low");
	high = att(mb, n, "high");
	str_add(mb, b, low != NULL ? low : "");
	if (high != NULL) {
		str_add(mb, b, " to ");
		str_add(mb, b, high);
	}
	str_add(mb, b, NBSP);
	str_add(mb, b, sat(mb, n, "unit"));
	if (high != NULL || !(number(low) == 1))
		str_add(mb, b, "s");
}

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
static void
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
static void
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

/* ------------------------------------------------------------------ */
/* Inline content (mode inline)                                       */
/* ------------------------------------------------------------------ */

/* template norm-text with its default parameters, for the text node n */
static void
inline_text(struct mb *mb, xmlNodePtr p, const xmlNode *n)
{
	const char	*s;
	struct buf	 b;
	int		 trail;
	size_t		 len;

	s = n->content != NULL ? (const char *)n->content : "";
	if (*s == '\0')
		return;
	trail = !is_m(n->next, "cite");
	if (is_blank(n)) {
		if (trail && n->prev != NULL && n->next != NULL)
			text(mb, p, " ");
		return;
	}
	memset(&b, 0, sizeof(b));
	/* a no-break space at an edge joins nothing: a space */
	len = strlen(s);
	if (is_ws(*s) || (s[0] == '\xc2' && s[1] == '\xa0'))
		str_add(mb, &b, " ");
	add_norm(mb, &b, s);
	if (trail && (is_ws(s[len - 1]) || (len >= 2 &&
	    s[len - 2] == '\xc2' && s[len - 1] == '\xa0')))
		str_add(mb, &b, " ");
	text(mb, p, str_get(&b));
	free(b.p);
}

/* templates m:cite (mode inline) and cite-run */
static void
inline_cite(struct mb *mb, xmlNodePtr p, const xmlNode *n)
{
	const xmlNode	*prev, *next;
	xmlNodePtr	 cites;

	prev = n->prev;
	if (is_m(prev, "cite") || (is_blank(prev) && is_m(prev->prev, "cite")))
		return;
	cites = el(mb, p, "cites");
	for (;;) {
		cite_c(mb, cites, n);
		next = n->next;
		if (is_m(next, "cite"))
			n = next;
		else if (is_blank(next) && is_m(next->next, "cite"))
			n = next->next;
		else
			break;
	}
}

/* apply-templates mode="inline" to the node n */
static void
inline_node(struct mb *mb, xmlNodePtr p, const xmlNode *n)
{
	struct buf	 b;
	xmlNodePtr	 e;

	if (is_text(n)) {
		inline_text(mb, p, n);
		return;
	}
	if (n->type == XML_ENTITY_REF_NODE) {
		mb->unsupported = 1;
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;				/* comments, PIs */
	memset(&b, 0, sizeof(b));
	if (is_m(n, "em") || is_m(n, "sub") || is_m(n, "sup") ||
	    is_m(n, "strong")) {
		add_norm_node(mb, &b, n);
		el_text(mb, p, (const char *)n->name, str_get(&b));
	} else if (is_m(n, "xref")) {
		/* to: a section; ref: an element with that id.  Its own
		   words, or "(see TITLE)" once the model is whole */
		e = el(mb, p, "xref");
		set(mb, e, "to", att(mb, n, "ref") != NULL ?
		    sat(mb, n, "ref") : sat(mb, n, "to"));
		add_norm_node(mb, &b, n);
		if (b.len > 0)
			text(mb, e, str_get(&b));
	} else if (is_m(n, "fnref")) {
		char	 mark[32];

		if (fnref_mark(mb, table_of(n), sat(mb, n, "ref"), mark,
		    sizeof(mark)) == 0)
			set(mb, el(mb, p, "fnref"), "mark", mark);
	} else if (is_m(n, "criterion")) {
		str_add(mb, &b, " (");
		add_criterion(mb, &b, n);
		str_add(mb, &b, ")");
		text(mb, p, str_get(&b));
	} else if (is_m(n, "cite"))
		inline_cite(mb, p, n);
	else if (is_m(n, "br"))		/* in a head cell; table_row() */
		text(mb, p, " ");		/* splits a body cell there */
	else
		inline_children(mb, p, n);	/* the built-in template */
	free(b.p);
}

static void
inline_children(struct mb *mb, xmlNodePtr p, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		inline_node(mb, p, c);
}

/* template note-after: sep when n has words, then its inline content */
static void
note_after(struct mb *mb, xmlNodePtr p, const xmlNode *n, const char *sep)
{
	if (has_words(mb, n) || child(n, "em") != NULL ||
	    child(n, "xref") != NULL)
		text(mb, p, sep);
	inline_children(mb, p, n);
}

/* <strong>s</strong> in p */
static void
strong(struct mb *mb, xmlNodePtr p, const char *s)
{
	el_text(mb, p, "strong", s);
}

/* template labelled: <p><strong>label</strong> words, note</p> */
static void
labelled(struct mb *mb, xmlNodePtr parent, const xmlNode *n,
    const char *label, const char *words)
{
	xmlNodePtr	 p;

	p = el(mb, parent, "p");
	strong(mb, p, label);
	text(mb, p, " ");
	text(mb, p, words);
	note_after(mb, p, n, ", ");
}

/* ------------------------------------------------------------------ */
/* Blocks (mode model)                                                */
/* ------------------------------------------------------------------ */

static void
m_p(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	inline_children(mb, el(mb, parent, "p"), n);
}

static void	 m_list(struct mb *, xmlNodePtr, const xmlNode *);

/* An item: its inline content, and the lists in it after that. */
static void
list_item(struct mb *mb, xmlNodePtr item, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "list"))
			m_list(mb, item, c);
		else
			inline_node(mb, item, c);
}

static void
m_list(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;
	const char	*type;
	xmlNodePtr	 l;

	l = el(mb, parent, "list");
	type = att(mb, n, "type");
	set(mb, l, "type", type != NULL ? type : "bullet");
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "item"))
			list_item(mb, el(mb, l, "item"), c);
}

static void
m_disagreement(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	xmlNodePtr	 e;

	e = el(mb, parent, "note");
	set(mb, e, "kind", sat(mb, n, "kind"));
	set(mb, e, "label", disagreement_label(mb, att(mb, n, "kind")));
	inline_children(mb, e, n);
}

static void
m_study(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*year, *journal, *subjects;
	struct buf	 b, facts;
	xmlNodePtr	 p;

	memset(&b, 0, sizeof(b));
	memset(&facts, 0, sizeof(facts));
	year = att(mb, n, "year");
	journal = att(mb, n, "journal");
	subjects = att(mb, n, "subjects");
	str_add(mb, &facts, year != NULL ? year : "");
	if (year != NULL && journal != NULL)
		str_add(mb, &facts, ", ");
	str_add(mb, &facts, journal != NULL ? journal : "");
	if ((year != NULL || journal != NULL) && subjects != NULL)
		str_add(mb, &facts, "; ");
	if (subjects != NULL) {
		str_add(mb, &facts, "subjects: ");
		str_add(mb, &facts, subjects);
	}
	str_add(mb, &b, is_m(n, "study") ? "Study" : "Case report");
	if (facts.len > 0) {
		str_add(mb, &b, " (");
		str_add(mb, &b, str_get(&facts));
		str_add(mb, &b, ")");
	}
	str_add(mb, &b, ":");
	p = el(mb, parent, "p");
	strong(mb, p, str_get(&b));
	text(mb, p, " ");
	inline_children(mb, p, n);
	free(b.p);
	free(facts.p);
}

static void
m_use(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	struct buf	 b;
	xmlNodePtr	 s, p;
	char		 id[40];

	memset(&b, 0, sizeof(b));
	snprintf(id, sizeof(id), "use-%zu", ordinal(mb, n));
	add_norm_node(mb, &b, child(n, "condition"));
	s = sub_of(mb, parent, n, id, str_get(&b), "normal");
	p = el(mb, s, "p");
	strong(mb, p, need(mb, "label", "status"));
	str_clear(&b);
	str_add(mb, &b, " ");
	str_add(mb, &b, lookup(mb, "use-status", sat(mb, n, "status")));
	text(mb, p, str_get(&b));
	/* route and population only when the monograph gives them */
	if (att(mb, n, "route") != NULL && !eq(att(mb, n, "route"), "any")) {
		text(mb, p, "; ");
		strong(mb, p, "route:");
		str_clear(&b);
		str_add(mb, &b, " ");
		str_add(mb, &b, route_words(mb, att(mb, n, "route")));
		text(mb, p, str_get(&b));
	}
	if (att(mb, n, "population") != NULL &&
	    !eq(att(mb, n, "population"), "all")) {
		text(mb, p, "; ");
		strong(mb, p, "for:");
		text(mb, p, " ");
		text(mb, p, lookup(mb, "population",
		    att(mb, n, "population")));
	}
	model_children(mb, s, n);
	free(b.p);
}

static void
m_position(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	struct buf	 b;
	xmlNodePtr	 p;

	memset(&b, 0, sizeof(b));
	add_norm(mb, &b, sat(mb, n, "agency"));
	str_add(mb, &b, " position:");
	p = el(mb, parent, "p");
	strong(mb, p, str_get(&b));
	text(mb, p, " ");
	inline_children(mb, p, n);
	free(b.p);
}

/* The stage of a dosing step, first cell of its row. */
static void
add_stage(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*from, *to;

	if (is_m(n, "screening"))
		str_add(mb, b, need(mb, "label", "stage-screening"));
	else if (is_m(n, "start"))
		str_add(mb, b, need(mb, "label", "stage-start"));
	else if (is_m(n, "titration"))
		str_add(mb, b, need(mb, "label", "stage-titration"));
	else if (is_m(n, "maintenance"))
		str_add(mb, b, need(mb, "label", "stage-maintenance"));
	else if (is_m(n, "maximum"))
		str_add(mb, b, need(mb, "label", "stage-maximum"));
	else if (is_m(n, "increase"))
		str_add(mb, b, need(mb, "label", "increase"));
	else if (is_m(n, "max-duration"))
		str_add(mb, b, need(mb, "label", "max-duration"));
	else {
		from = att(mb, n, "from-day");
		to = att(mb, n, "to-day");
		if (to == NULL) {
			str_add(mb, b, need(mb, "label", "day"));
			str_add(mb, b, from != NULL ? from : "");
			str_add(mb, b, need(mb, "label", "onward"));
		} else if (eq(from, to)) {
			str_add(mb, b, need(mb, "label", "day"));
			str_add(mb, b, from);
		} else {
			str_add(mb, b, need(mb, "label", "days"));
			str_add(mb, b, from != NULL ? from : "");
			str_add(mb, b, " to ");
			str_add(mb, b, to);
		}
	}
}

static int
is_step(const xmlNode *n)
{
	return is_m(n, "screening") || is_m(n, "start") || is_m(n, "step") ||
	    is_m(n, "titration") || is_m(n, "maintenance") ||
	    is_m(n, "maximum") || is_m(n, "increase") ||
	    is_m(n, "max-duration");
}

/* Who a regimen is for: "Oral, adults aged 18 to 65 years (CrCl 30
   to 50 mL/min)" */
static void
add_regimen_who(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const xmlNode	*c;
	const char	*min, *max;
	int		 any;

	add_ucfirst(mb, b, route_words(mb, att(mb, n, "route")));
	str_add(mb, b, ", ");
	str_add(mb, b, lookup(mb, "population", sat(mb, n, "population")));
	min = att(mb, n, "min-age");
	max = att(mb, n, "max-age");
	if (min != NULL && max != NULL) {
		str_add(mb, b, " aged ");
		str_add(mb, b, min);
		str_add(mb, b, " to ");
		str_add(mb, b, max);
		str_add(mb, b, " years");
	} else if (min != NULL) {
		str_add(mb, b, " aged ");
		str_add(mb, b, min);
		str_add(mb, b, " years and older");
	} else if (max != NULL) {
		str_add(mb, b, need(mb, "label", "younger-than"));
		str_add(mb, b, max);
		str_add(mb, b, " years");
	}
	any = 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_m(c, "criterion"))
			continue;
		str_add(mb, b, any++ ? "; " : " (");
		add_criterion(mb, b, c);
	}
	if (any)
		str_add(mb, b, ")");
}

static void
m_regimen(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*cells[3];
	const xmlNode	*c, *ind;
	struct buf	 title, b;
	xmlNodePtr	 s, t, row, para;
	size_t		 i;
	char		 id[48];

	memset(&title, 0, sizeof(title));
	memset(&b, 0, sizeof(b));
	i = ordinal(mb, n);
	add_regimen_who(mb, &title, n);
	if ((ind = child(n, "indication")) != NULL) {
		str_add(mb, &title, ": ");
		add_norm_node(mb, &title, ind);
	}
	snprintf(id, sizeof(id), "regimen-%zu", i);
	s = sub_of(mb, parent, n, id, str_get(&title), "normal");
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "criterion")) {
			criteria_p(mb, s, c);
			break;
		}
	if ((ind = att_form(mb, n)) != NULL) {
		str_clear(&b);
		add_form_words(mb, &b, att(mb, ind, "route"),
		    att(mb, ind, "kind"));
		labelled_text(mb, s, need(mb, "label", "form"), str_get(&b));
	}
	for (c = n->children; c != NULL && !is_step(c); c = c->next)
		continue;
	if (c == NULL) {		/* no dose: no table */
		model_children(mb, s, n);
		free(title.p);
		free(b.p);
		return;
	}
	cells[0] = need(mb, "label", "col-stage");
	cells[1] = need(mb, "label", "col-dose");
	cells[2] = NULL;
	t = el(mb, s, "table");
	snprintf(id, sizeof(id), "regimen-%zu-table", i);
	set(mb, t, "id", id);
	set(mb, t, "caption", need(mb, "label", "dosing-caption"));
	set(mb, t, "cols", "stage dose");
	head(mb, t, cells);
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_step(c))
			continue;
		row = el(mb, t, "row");
		str_clear(&b);
		add_stage(mb, &b, c);
		cell_para(mb, row, str_get(&b));
		para = cell_para(mb, row, "");
		if (is_m(c, "titration"))
			inline_children(mb, para, c);
		else if (is_m(c, "max-duration")) {
			str_clear(&b);
			add_duration(mb, &b, c);
			text(mb, para, str_get(&b));
			note_after(mb, para, c, ", ");
		} else {
			str_clear(&b);
			add_dose(mb, &b, c);
			text(mb, para, str_get(&b));
			note_after(mb, para, c, ", ");
		}
	}
	model_children(mb, s, n);
	free(title.p);
	free(b.p);
}

static void
m_pk(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	struct buf	 b;
	const char	*label;

	if (is_m(n, "peak-time"))
		label = need(mb, "label", "peak-time");
	else if (is_m(n, "half-life"))
		label = need(mb, "label", "half-life");
	else
		label = need(mb, "label", "elimination-time");
	memset(&b, 0, sizeof(b));
	add_duration(mb, &b, n);
	labelled(mb, parent, n, label, str_get(&b));
	free(b.p);
}

static void
m_metabolism(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlAttr	*a;
	const char	*first, *high;
	struct buf	 b;
	xmlNodePtr	 p;

	p = el(mb, parent, "p");
	strong(mb, p, is_m(n, "metabolism") ? "Metabolism:" : "Excretion:");
	text(mb, p, " ");
	/* (@low | @high)[1]: the first of the two in document order */
	first = NULL;
	for (a = n->properties; a != NULL && first == NULL; a = a->next)
		if (a->ns == NULL && (strcmp((const char *)a->name,
		    "low") == 0 || strcmp((const char *)a->name, "high") == 0))
			first = att(mb, n, (const char *)a->name);
	if (first != NULL) {
		memset(&b, 0, sizeof(b));
		high = att(mb, n, "low") != NULL ? att(mb, n, "high") : NULL;
		add_amount(mb, &b, first, high, "%");
		str_add(mb, &b, " of a dose");
		text(mb, p, str_get(&b));
		free(b.p);
	} else
		text(mb, p, "share not stated");
	note_after(mb, p, n, ", ");
}

/* How often an adverse effect occurs: "common: 10 to 63% (placebo ...)" */
static void
add_frequency(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*f;

	if ((f = att(mb, n, "frequency")) != NULL)
		str_add(mb, b, lookup(mb, "frequency", f));
	if (att(mb, n, "low") == NULL && att(mb, n, "high") == NULL)
		return;
	if (f != NULL)
		str_add(mb, b, ", ");
	add_range(mb, b, n, "%");
	if (att(mb, n, "placebo") != NULL) {
		str_add(mb, b, need(mb, "label", "placebo-open"));
		add_amount(mb, b, att(mb, n, "placebo"),
		    att(mb, n, "placebo-high"), "%");
		str_add(mb, b, ")");
	}
}

/* The adverse effects of a section where the author wrote them: a table
   for each run of effects, with the blocks between them in between. */
static void
m_effect(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;
	const char	*v, *cells[4];
	struct buf	 b;
	xmlNodePtr	 t, row, para;
	int		 sev;
	size_t		 k;
	char		 id[48];

	if (follows_same(n) || is_m(n->parent, "interaction"))
		return;
	/* a severity column only when some effect has one */
	sev = 0;
	for (c = n; c != NULL; c = next_same(c))
		if (is_m(c, "effect") && ((att(mb, c, "severity") != NULL &&
		    !eq(att(mb, c, "severity"), "unspecified")) ||
		    eq(att(mb, c, "serious"), "yes")))
			sev = 1;
	cells[0] = need(mb, "label", "col-effect");
	cells[1] = need(mb, "label", "col-frequency");
	cells[2] = sev ? need(mb, "label", "col-severity") : NULL;
	cells[3] = NULL;
	memset(&b, 0, sizeof(b));
	t = el(mb, parent, "table");
	/* the first run's table is effects-table, the others -2, -3... */
	k = 1;
	for (c = n->prev; c != NULL; c = c->prev)
		if (is_m(c, "effect") && !follows_same(c))
			k++;
	if (k == 1)
		set(mb, t, "id", "effects-table");
	else {
		snprintf(id, sizeof(id), "effects-table-%zu", k);
		set(mb, t, "id", id);
	}
	set(mb, t, "caption", need(mb, "label", sev ? "effects-caption" :
	    "effects-caption-short"));
	set(mb, t, "cols", sev ? "effect frequency severity" :
	    "effect frequency");
	head(mb, t, cells);
	for (c = n; c != NULL; c = next_same(c)) {
		row = el(mb, t, "row");
		para = cell_para(mb, row, "");
		inline_children(mb, para, c);
		str_clear(&b);
		if ((v = att(mb, c, "route")) != NULL && !eq(v, "any")) {
			str_add(mb, &b, route_words(mb, v));
			str_add(mb, &b, need(mb, "label", "route-word"));
		}
		if ((v = att(mb, c, "system")) != NULL) {
			if (b.len > 0)
				str_add(mb, &b, "; ");
			str_add(mb, &b, lookup(mb, "system", v));
		}
		if (b.len > 0) {
			text(mb, para, " (");
			text(mb, para, str_get(&b));
			text(mb, para, ")");
		}
		str_clear(&b);
		add_frequency(mb, &b, c);
		cell_para(mb, row, b.len > 0 ? str_get(&b) :
		    need(mb, "label", "not-stated"));
		if (!sev)
			continue;
		str_clear(&b);
		if ((v = att(mb, c, "severity")) != NULL &&
		    !eq(v, "unspecified"))
			str_add(mb, &b, v);
		if (eq(att(mb, c, "serious"), "yes")) {
			if (b.len > 0)
				str_add(mb, &b, "; ");
			str_add(mb, &b, need(mb, "label", "serious"));
		}
		cell_para(mb, row, str_get(&b));
	}
	free(b.p);
}

/* The next element sibling of n. */
static const xmlNode *
next_element(const xmlNode *n)
{
	for (n = n->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* preceding-sibling::*[1][local-name() = local-name(current())] */
static int
follows_same(const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->prev; c != NULL; c = c->prev)
		if (c->type == XML_ELEMENT_NODE)
			return strcmp((const char *)c->name,
			    (const char *)n->name) == 0;
	return 0;
}

/* The next element sibling of n when it has the same local name. */
static const xmlNode *
next_same(const xmlNode *n)
{
	const xmlNode	*c;

	c = next_element(n);
	if (c != NULL && strcmp((const char *)c->name,
	    (const char *)n->name) == 0)
		return c;
	return NULL;
}

typedef void	 label_fn(struct mb *, struct buf *, const xmlNode *);

/*
 * A bullet list of n and the siblings of its name right after it (the
 * first of a run calls this; the others are skipped by follows_same()):
 * an item each, its inline content after the bold label that label (NULL:
 * none) writes, when it writes one.
 */
static void
sibling_list(struct mb *mb, xmlNodePtr parent, const xmlNode *n,
    label_fn *label)
{
	struct buf	 b;
	xmlNodePtr	 l, item;

	memset(&b, 0, sizeof(b));
	l = el(mb, parent, "list");
	set(mb, l, "type", "bullet");
	for (; n != NULL; n = next_same(n)) {
		item = el(mb, l, "item");
		str_clear(&b);
		if (label != NULL)
			label(mb, &b, n);
		if (b.len > 0) {
			strong(mb, item, str_get(&b));
			text(mb, item, " ");
		}
		inline_children(mb, item, n);
	}
	free(b.p);
}

/* The label of a sign or symptom: its severity and route, when given. */
static void
sign_label(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*route;

	if (att(mb, n, "severity") != NULL &&
	    !eq(att(mb, n, "severity"), "unspecified"))
		add_ucfirst(mb, b, lookup(mb, "severity",
		    att(mb, n, "severity")));
	route = att(mb, n, "route");
	if (route != NULL && strcmp(route, "any") != 0) {
		if (b->len > 0) {
			str_add(mb, b, ", ");
			str_add(mb, b, route_words(mb, route));
		} else
			add_ucfirst(mb, b, route_words(mb, route));
		str_add(mb, b, " route");
	}
	if (b->len > 0)
		str_add(mb, b, ":");
}

static void
m_sign(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (follows_same(n))
		return;
	strong(mb, el(mb, parent, "p"), is_m(n, "sign") ?
	    "Signs of overdose:" : "Symptoms:");
	sibling_list(mb, parent, n, sign_label);
}

static void
m_plain_list(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (follows_same(n))
		return;
	if (is_m(n, "risk-factor"))
		strong(mb, el(mb, parent, "p"), "Risk factors:");
	sibling_list(mb, parent, n, NULL);
}

static void
m_onset(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*route;
	struct buf	 b;
	xmlNodePtr	 p;

	memset(&b, 0, sizeof(b));
	str_add(mb, &b, need(mb, "label", "onset"));
	route = att(mb, n, "route");
	if (route != NULL && strcmp(route, "any") != 0) {
		str_add(mb, &b, " (");
		str_add(mb, &b, route_words(mb, route));
		str_add(mb, &b, " route)");
	}
	str_add(mb, &b, ":");
	p = el(mb, parent, "p");
	strong(mb, p, str_get(&b));
	text(mb, p, " ");
	if (att(mb, n, "low") != NULL) {
		str_clear(&b);
		add_duration(mb, &b, n);
		str_add(mb, &b, " after the last dose");
		text(mb, p, str_get(&b));
		note_after(mb, p, n, ", ");
	} else
		inline_children(mb, p, n);
	free(b.p);
}

/* A numbered sub titled by normalize-space(m:WHAT) after prefix. */
static void
numbered_sub(struct mb *mb, xmlNodePtr parent, const xmlNode *n,
    const char *idp, const char *prefix, const char *what,
    const char *content)
{
	const xmlNode	*c;
	struct buf	 title;
	xmlNodePtr	 s, p;
	char		 id[64];

	memset(&title, 0, sizeof(title));
	snprintf(id, sizeof(id), "%s-%zu", idp, ordinal(mb, n));
	str_add(mb, &title, prefix);
	add_norm_node(mb, &title, child(n, what));
	if (is_m(n, "warning") && eq(att(mb, n, "kind"), "precaution"))
		str_add(mb, &title, need(mb, "label", "precaution"));
	if (is_m(n, "warning") && att(mb, n, "route") != NULL &&
	    !eq(att(mb, n, "route"), "any")) {
		str_add(mb, &title, " (");
		str_add(mb, &title, route_words(mb, att(mb, n, "route")));
		str_add(mb, &title, need(mb, "label", "route-word"));
		str_add(mb, &title, ")");
	}
	s = sub_of(mb, parent, n, id, str_get(&title), "normal");
	if (is_m(n, "comparison"))
		for (c = n->children; c != NULL; c = c->next)
			if (is_m(c, "alternative") &&
			    att(mb, c, "ref") != NULL) {
				p = el(mb, s, "p");
				strong(mb, p, need(mb, "label", "see"));
				text(mb, p, " ");
				link_to(mb, p, att(mb, c, "ref"), c);
			}
	if (content == NULL)
		model_children(mb, s, n);
	else
		model_grandchildren(mb, s, n, content);
	free(title.p);
}

static void
m_warning(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	numbered_sub(mb, parent, n, "warning", "", "title", NULL);
}

static void
m_comparison(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	numbered_sub(mb, parent, n, "comparison", "Compared with ",
	    "alternative", NULL);
}

static void
m_entry(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (is_m(n->parent, "faq"))
		numbered_sub(mb, parent, n, "faq", "", "question", "answer");
}

static void
m_population(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	struct buf	 id, title;

	memset(&id, 0, sizeof(id));
	memset(&title, 0, sizeof(title));
	str_add(mb, &id, "population-");
	str_add(mb, &id, sat(mb, n, "group"));
	add_ucfirst(mb, &title, lookup(mb, "population", sat(mb, n, "group")));
	model_children(mb, sub_of(mb, parent, n, str_get(&id),
	    str_get(&title), "normal"), n);
	free(id.p);
	free(title.p);
}

static void
m_agency_warning(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*date;
	struct buf	 title, b;
	xmlNodePtr	 s, p;
	char		 id[64];

	memset(&title, 0, sizeof(title));
	memset(&b, 0, sizeof(b));
	snprintf(id, sizeof(id), "agency-warning-%zu", ordinal(mb, n));
	add_norm(mb, &title, sat(mb, n, "agency"));
	str_add(mb, &title, " warning: ");
	add_norm_node(mb, &title, child(n, "title"));
	s = sub(mb, parent, id, str_get(&title), "normal");
	p = el(mb, s, "p");
	strong(mb, p, need(mb, "label", "issued-by"));
	str_add(mb, &b, " ");
	add_norm(mb, &b, sat(mb, n, "agency"));
	if ((date = att(mb, n, "date")) != NULL) {
		str_add(mb, &b, ", ");
		str_add(mb, &b, date);
	} else
		str_add(mb, &b, ", date not stated");
	text(mb, p, str_get(&b));
	model_children(mb, s, n);
	free(title.p);
	free(b.p);
}

static void
m_dependence(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*title;

	if ((title = word(mb, "dependence", (const char *)n->name)) == NULL)
		title = need(mb, "dependence", "addiction");
	model_children(mb, sub(mb, parent, (const char *)n->name, title,
	    "normal"), n);
}

static void
m_taper(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;
	struct buf	 b;
	xmlNodePtr	 s;

	memset(&b, 0, sizeof(b));
	str_add(mb, &b, need(mb, "label", "taper"));
	if (att(mb, n, "route") != NULL && !eq(att(mb, n, "route"), "any")) {
		str_add(mb, &b, ", ");
		str_add(mb, &b, route_words(mb, att(mb, n, "route")));
		str_add(mb, &b, need(mb, "label", "route-word"));
	}
	s = sub_of(mb, parent, n, !first_of_name(n) ? new_id(mb, "taper") :
	    "taper", str_get(&b), "normal");
	for (c = n->children; c != NULL; c = c->next) {
		if (is_m(c, "duration")) {
			str_clear(&b);
			add_duration(mb, &b, c);
			labelled(mb, s, c, "Typical taper:", str_get(&b));
		} else if (is_m(c, "decrease")) {
			str_clear(&b);
			add_dose(mb, &b, c);
			labelled(mb, s, c, need(mb, "label", "decrease"),
			    str_get(&b));
		}
	}
	model_children(mb, s, n);
	free(b.p);
}

static void
m_interaction(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*cells[4];
	const xmlNode	*c, *a, *first;
	const char	*kind;
	struct buf	 b;
	xmlNodePtr	 t, row, cell, para;

	if (!first_of_name(n))
		return;
	first = n;
	memset(&b, 0, sizeof(b));
	t = el(mb, parent, "table");
	set(mb, t, "id", "interactions-table");
	set(mb, t, "caption", need(mb, "label", "interactions-caption"));
	set(mb, t, "cols", "agent severity effect");
	cells[0] = need(mb, "label", "col-agent");
	cells[1] = need(mb, "label", "col-interaction-severity");
	cells[2] = need(mb, "label", "col-effect-action");
	cells[3] = NULL;
	head(mb, t, cells);
	for (n = n->parent->children; n != NULL; n = n->next) {
		if (!is_m(n, "interaction"))
			continue;
		row = el(mb, t, "row");
		if (att(mb, n, "id") != NULL)
			set(mb, row, "id", att(mb, n, "id"));
		set(mb, row, "severity", sat(mb, n, "severity"));
		cell = el(mb, row, "cell");
		para = el(mb, cell, "para");
		kind = NULL;
		for (a = n->children; a != NULL; a = a->next) {
			if (!is_m(a, "agent"))
				continue;
			if (kind != NULL)
				text(mb, para, "; ");
			if (att(mb, a, "ref") != NULL)
				link_to(mb, para, att(mb, a, "ref"), a);
			else {
				str_clear(&b);
				add_norm_node(mb, &b, a);
				text(mb, para, str_get(&b));
			}
			kind = sat(mb, a, "kind");
			str_clear(&b);
			str_add(mb, &b, " (");
			str_add(mb, &b, lookup(mb, "agent-kind", kind));
			str_add(mb, &b, ")");
			text(mb, para, str_get(&b));
		}
		cell_para(mb, row, lookup(mb, "interaction-severity",
		    att(mb, n, "severity") != NULL ? att(mb, n, "severity") :
		    "unspecified"));
		cell = el(mb, row, "cell");
		para = el(mb, cell, "para");
		for (c = n->children; c != NULL; c = c->next)
			if (is_m(c, "effect"))
				inline_children(mb, para, c);
		for (c = n->children; c != NULL; c = c->next) {
			if (is_m(c, "mechanism")) {
				para = el(mb, cell, "para");
				str_clear(&b);
				str_add(mb, &b, need(mb, "label", "how"));
				strong(mb, para, str_get(&b));
				str_clear(&b);
				str_add(mb, &b, " ");
				str_add(mb, &b, lookup(mb, "mechanism-kind",
				    sat(mb, c, "kind")));
				if (att(mb, c, "enzyme") != NULL) {
					str_add(mb, &b, " (");
					add_norm(mb, &b, att(mb, c, "enzyme"));
					str_add(mb, &b, ")");
				}
				text(mb, para, str_get(&b));
				note_after(mb, para, c, ": ");
			} else if (is_m(c, "action")) {
				para = el(mb, cell, "para");
				strong(mb, para, need(mb, "label", "what-to-do"));
				text(mb, para, " ");
				inline_children(mb, para, c);
			} else if (is_m(c, "p"))
				inline_children(mb, el(mb, cell, "para"), c);
			else if (is_m(c, "disagreement")) {
				/* a note on the interaction stays in its row */
				para = el(mb, cell, "para");
				strong(mb, para, disagreement_label(mb,
				    att(mb, c, "kind")));
				text(mb, para, " ");
				inline_children(mb, para, c);
			}
		}
	}
	/* what an interaction holds that a cell cannot: after the table */
	for (n = first->parent->children; n != NULL; n = n->next)
		if (is_m(n, "interaction"))
			for (c = n->children; c != NULL; c = c->next)
				if (!is_m(c, "p") && !is_m(c, "effect") &&
				    !is_m(c, "action") &&
				    !is_m(c, "mechanism") &&
				    !is_m(c, "agent") &&
				    !is_m(c, "disagreement"))
					model_node(mb, parent, c);
	free(b.p);
}

/* ------------------------------------------------------------------ */
/* Format 2: subsections, general blocks                              */
/* ------------------------------------------------------------------ */

/*
 * A sub for the monograph element n: its own @id when it has one, else
 * dflt; its @number when it has one.
 */
static xmlNodePtr
sub_of(struct mb *mb, xmlNodePtr parent, const xmlNode *n, const char *dflt,
    const char *title, const char *kind)
{
	const char	*id, *num;
	xmlNodePtr	 s;

	id = att(mb, n, "id");
	s = sub(mb, parent, id != NULL ? id : dflt, title, kind);
	if ((num = att(mb, n, "number")) != NULL)
		set(mb, s, "number", num);
	return s;
}

/* A new id "prefix-N" for what has none, unique in the model. */
static const char *
new_id(struct mb *mb, const char *prefix)
{
	snprintf(mb->idbuf, sizeof(mb->idbuf), "%s-%zu", prefix, ++mb->nids);
	return mb->idbuf;
}

/* A general section of the monograph (m:section), as a sub. */
static void
m_section(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	struct buf	 title;
	xmlNodePtr	 s;
	const xmlNode	*c;

	/* an untitled subsection (labels have them: a block of text under
	   the heading before) has no heading in any format */
	memset(&title, 0, sizeof(title));
	if (child(n, "title") != NULL)
		add_norm_node(mb, &title, child(n, "title"));
	s = sub_of(mb, parent, n, new_id(mb, "sec"), str_get(&title),
	    "normal");
	for (c = n->children; c != NULL; c = c->next)
		model_node(mb, s, c);
	free(title.p);
}

static void
m_quote(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	inline_children(mb, el(mb, parent, "quote"), n);
}

/*
 * m:figure: a paragraph where the figure stood, "[Image: CAPTION (not
 * reproduced; see the label)]" (words.xml, group figure), its citations
 * after it; a sentence before it that ends in a colon is not left before
 * nothing.
 */
static void
m_figure(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;
	xmlNodePtr	 p;

	p = el(mb, parent, "p");
	if (!has_words(mb, n))
		text(mb, p, need(mb, "figure", "alone"));
	else {
		text(mb, p, need(mb, "figure", "before"));
		for (c = n->children; c != NULL; c = c->next)
			if (!is_m(c, "cite"))
				inline_node(mb, p, c);
		text(mb, p, need(mb, "figure", "after"));
	}
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "cite"))
			inline_node(mb, p, c);
}

/* A paragraph after a label: <p><strong>label</strong> inline</p>. */
static void
label_p(struct mb *mb, xmlNodePtr parent, const xmlNode *n, const char *label)
{
	xmlNodePtr	 p;

	p = el(mb, parent, "p");
	strong(mb, p, label);
	text(mb, p, " ");
	inline_children(mb, p, n);
}

/* m:summary: what a warning, boxed warning or withdrawal says in short */
static void
m_summary(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	label_p(mb, parent, n, need(mb, "label", is_m(n->parent,
	    "withdrawal") ? "how-to-stop" : "summary"));
}

/* The words of a criterion (CrCl 30 to 50 mL/min; Child-Pugh class C). */
static void
add_criterion(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*cls, *low, *high, *unit;

	str_add(mb, b, lookup(mb, "measure", sat(mb, n, "measure")));
	cls = att(mb, n, "class");
	low = att(mb, n, "low");
	high = att(mb, n, "high");
	unit = att(mb, n, "unit");
	if (cls != NULL) {
		str_add(mb, b, " ");
		add_norm(mb, b, cls);
	}
	if (low != NULL && high != NULL) {
		str_add(mb, b, " ");
		add_amount(mb, b, low, high, unit);
	} else if (low != NULL) {
		str_add(mb, b, need(mb, "label", "at-least"));
		add_amount(mb, b, low, NULL, unit);
	} else if (high != NULL) {
		str_add(mb, b, need(mb, "label", "below"));
		add_amount(mb, b, high, NULL, unit);
	}
}

/* The criterion n and those right after it: <p>Applies to: a; b</p> */
static void
criteria_p(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	struct buf	 b;
	xmlNodePtr	 p;

	memset(&b, 0, sizeof(b));
	p = el(mb, parent, "p");
	strong(mb, p, need(mb, "label", "applies-to"));
	str_add(mb, &b, " ");
	for (; n != NULL; n = next_same(n)) {
		add_criterion(mb, &b, n);
		if (next_same(n) != NULL)
			str_add(mb, &b, "; ");
	}
	text(mb, p, str_get(&b));
	free(b.p);
}

/* Consecutive m:criterion (a regimen shows its own before its table) */
static void
m_criterion(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (!follows_same(n) && !is_m(n->parent, "regimen"))
		criteria_p(mb, parent, n);
}

/* <p><strong>label</strong> words</p> */
static void
labelled_text(struct mb *mb, xmlNodePtr parent, const char *label,
    const char *words)
{
	xmlNodePtr	 p;

	p = el(mb, parent, "p");
	strong(mb, p, label);
	text(mb, p, " ");
	text(mb, p, words);
}

/* The m:form that the @form of n names, or NULL. */
static const xmlNode *
att_form(struct mb *mb, const xmlNode *n)
{
	const xmlNode	*root, *fs, *f;
	const char	*id;

	if ((id = att(mb, n, "form")) == NULL ||
	    (root = xmlDocGetRootElement(n->doc)) == NULL)
		return NULL;
	for (fs = root->children; fs != NULL; fs = fs->next)
		if (is_m(fs, "forms"))
			for (f = fs->children; f != NULL; f = f->next)
				if (is_m(f, "form") && eq(att(mb, f, "id"), id))
					return f;
	return NULL;
}

/* Consecutive m:change of recent-changes: a list */
/* The label of a recent change: the section it changed, when. */
static void
change_label(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*num, *date;

	str_add(mb, b, section_title(mb, sat(mb, n, "to")));
	if ((num = att(mb, n, "number")) != NULL) {
		str_add(mb, b, " (");
		str_add(mb, b, num);
		str_add(mb, b, ")");
	}
	if ((date = att(mb, n, "date")) != NULL) {
		str_add(mb, b, ", ");
		str_add(mb, b, date);
	}
	str_add(mb, b, ":");
}

static void
m_change(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (!follows_same(n))
		sibling_list(mb, parent, n, change_label);
}

/* Consecutive m:contraindication: a list */
/* The label of a contraindication: its route, when it has one. */
static void
contraindication_label(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*route;

	route = att(mb, n, "route");
	if (route != NULL && strcmp(route, "any") != 0) {
		add_ucfirst(mb, b, route_words(mb, route));
		str_add(mb, b, need(mb, "label", "route-colon"));
	}
}

static void
m_contraindication(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (!follows_same(n))
		sibling_list(mb, parent, n, contraindication_label);
}

/* m:trial: a paragraph naming the trial */
static void
m_trial(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*subj, *design;
	struct buf	 b;

	memset(&b, 0, sizeof(b));
	subj = att(mb, n, "subjects");
	design = att(mb, n, "design");
	/* a design that is no trial (postmarketing reports) is named as
	   what it is */
	if (design != NULL && word(mb, "trial-kind", design) != NULL) {
		str_add(mb, &b, word(mb, "trial-kind", design));
		design = NULL;
	} else
		str_add(mb, &b, need(mb, "label", "trial"));
	if (subj != NULL || design != NULL) {
		str_add(mb, &b, " (");
		if (design != NULL)
			add_dash_to_space(mb, &b, design);
		if (subj != NULL && design != NULL)
			str_add(mb, &b, ", ");
		if (subj != NULL) {
			str_add(mb, &b, subj);
			str_add(mb, &b, need(mb, "label", "subjects"));
		}
		str_add(mb, &b, ")");
	}
	str_add(mb, &b, ":");
	label_p(mb, parent, n, str_get(&b));
	free(b.p);
}

/* m:abrupt-stop: a warning sub */
static void
m_abrupt_stop(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*route;
	struct buf	 b, id;

	memset(&b, 0, sizeof(b));
	memset(&id, 0, sizeof(id));
	str_add(mb, &b, need(mb, "label", "abrupt-stop"));
	route = att(mb, n, "route");
	str_add(mb, &id, "abrupt-stop");
	if (route != NULL && strcmp(route, "any") != 0) {
		str_add(mb, &b, " (");
		str_add(mb, &b, route_words(mb, route));
		str_add(mb, &b, ")");
		str_add(mb, &id, "-");
		str_add(mb, &id, route);
	}
	model_children(mb, sub(mb, parent, str_get(&id), str_get(&b), "warn"),
	    n);
	free(b.p);
	free(id.p);
}

/* m:treatment, m:handling, m:mechanism, m:pharmacodynamics: a sub */
static void
m_titled(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	model_children(mb, sub_of(mb, parent, n, (const char *)n->name,
	    need(mb, "title", (const char *)n->name), "normal"), n);
}

/* m:package: consecutive ones, a list */
static void
m_package(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*v;
	struct buf	 b;
	xmlNodePtr	 l, item;

	if (follows_same(n))
		return;
	memset(&b, 0, sizeof(b));
	strong(mb, el(mb, parent, "p"), need(mb, "label", "packages"));
	l = el(mb, parent, "list");
	set(mb, l, "type", "bullet");
	for (; n != NULL; n = next_same(n)) {
		item = el(mb, l, "item");
		str_clear(&b);
		if ((v = att(mb, n, "container")) != NULL)
			add_ucfirst(mb, &b, v);
		else
			str_add(mb, &b, need(mb, "label", "package"));
		if ((v = att(mb, n, "count")) != NULL) {
			str_add(mb, &b, need(mb, "label", "of"));
			str_add(mb, &b, v);
		}
		if ((v = att(mb, n, "ndc")) != NULL) {
			str_add(mb, &b, " (NDC ");
			str_add(mb, &b, v);
			str_add(mb, &b, ")");
		}
		text(mb, item, str_get(&b));
		note_after(mb, item, n, ": ");
	}
	free(b.p);
}

/* The words of the space-separated list s: "a", "a and b", "a, b and c". */
static void
add_and_list(struct mb *mb, struct buf *b, const char *s)
{
	size_t	 n, len;
	int	 i, count;
	const char *p;

	count = 0;
	for (p = s; *(p += strspn(p, " \t\r\n")) != '\0'; p += len) {
		len = strcspn(p, " \t\r\n");
		count++;
	}
	i = 0;
	for (p = s; *(p += strspn(p, " \t\r\n")) != '\0'; p += n) {
		n = strcspn(p, " \t\r\n");
		if (i > 0)
			str_add(mb, b, i == count - 1 ?
			    need(mb, "label", "and") : ", ");
		str_addn(mb, b, p, n);
		i++;
	}
}

/* m:storage: Store at 20 to 25 °C (excursions 15 to 30 °C); protect... */
static void
m_storage(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*unit, *v;
	struct buf	 b, u;
	xmlNodePtr	 p;

	memset(&b, 0, sizeof(b));
	memset(&u, 0, sizeof(u));
	unit = att(mb, n, "unit");
	str_add(mb, &u, unit == NULL ? "" : eq(unit, "C") ? "\xc2\xb0" "C" :
	    eq(unit, "F") ? "\xc2\xb0" "F" : unit);
	p = el(mb, parent, "p");
	strong(mb, p, need(mb, "label", "storage"));
	str_add(mb, &b, " ");
	if (att(mb, n, "low") != NULL || att(mb, n, "high") != NULL)
		add_amount(mb, &b, att(mb, n, "low") != NULL ?
		    att(mb, n, "low") : att(mb, n, "high"),
		    att(mb, n, "low") != NULL ? att(mb, n, "high") : NULL,
		    str_get(&u));
	if (att(mb, n, "excursion-low") != NULL ||
	    att(mb, n, "excursion-high") != NULL) {
		str_add(mb, &b, need(mb, "label", "excursions"));
		add_amount(mb, &b, sat(mb, n, "excursion-low"),
		    att(mb, n, "excursion-high"), str_get(&u));
		str_add(mb, &b, ")");
	}
	if ((v = att(mb, n, "protect")) != NULL) {
		str_add(mb, &b, need(mb, "label", "protect-from"));
		add_and_list(mb, &b, v);
	}
	text(mb, p, str_get(&b));
	note_after(mb, p, n, "; ");
	free(b.p);
	free(u.p);
}

/* ------------------------------------------------------------------ */
/* Format 2: tables                                                   */
/* ------------------------------------------------------------------ */

/* The mark of footnote number i (1-based) of a table: @mark or i. */
static void
footnote_mark(struct mb *mb, const xmlNode *fn, size_t i, char *buf,
    size_t len)
{
	const char	*m;

	if ((m = att(mb, fn, "mark")) != NULL)
		snprintf(buf, len, "%s", m);
	else
		snprintf(buf, len, "%zu", i);
}

/* The mark of the footnote id of the table t (NULL: none). */
static int
fnref_mark(struct mb *mb, const xmlNode *t, const char *id, char *buf,
    size_t len)
{
	const xmlNode	*c;
	size_t		 i;

	i = 0;
	for (c = t->children; c != NULL; c = c->next) {
		if (!is_m(c, "footnote"))
			continue;
		i++;
		if (eq(att(mb, c, "id"), id)) {
			footnote_mark(mb, c, i, buf, len);
			return 0;
		}
	}
	return -1;
}

/* The table that holds n, or NULL. */
static const xmlNode *
table_of(const xmlNode *n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (is_m(n, "table"))
			return n;
	return NULL;
}

/* colspan, rowspan and align of the monograph cell c onto the cell e */
static void
span_atts(struct mb *mb, xmlNodePtr e, const xmlNode *c)
{
	static const char *const names[] = { "colspan", "rowspan", "align",
	    NULL };
	const char *const	*a;
	const char		*v;

	for (a = names; *a != NULL; a++)
		if ((v = att(mb, c, *a)) != NULL)
			set(mb, e, *a, v);
}

/* One tr of thead, as a head row; of tbody, as a row (a body cell one
   para a line: its line breaks split it). */
static void
table_row(struct mb *mb, xmlNodePtr t, const xmlNode *tr, int head)
{
	const xmlNode	*c, *k;
	xmlNodePtr	 row, cell, para;

	row = el(mb, t, head ? "head" : "row");
	for (c = tr->children; c != NULL; c = c->next) {
		if (!is_m(c, "th") && !is_m(c, "td"))
			continue;
		cell = el(mb, row, "cell");
		span_atts(mb, cell, c);
		if (head)
			inline_children(mb, cell, c);
		else {
			if (is_m(c, "th"))
				set(mb, cell, "header", "yes");
			para = NULL;
			for (k = c->children; k != NULL; k = k->next)
				if (is_m(k, "br"))
					para = NULL;
				else {
					if (para == NULL)
						para = el(mb, cell, "para");
					inline_node(mb, para, k);
				}
		}
	}
}

/*
 * The rows of the thead or tbody g as head rows or rows of t, their
 * spans cut on the table grid (table.c): a rowspan ends with its group,
 * as the checks require, so that no format carries a cell into the next
 * group's rows.
 */
static void
table_group(struct mb *mb, xmlNodePtr t, const xmlNode *g, int head)
{
	struct table_occ o;
	const xmlNode	*tr;
	xmlNodePtr	 first, row;
	size_t		 left;

	first = t->last;
	for (tr = g->children; tr != NULL; tr = tr->next)
		if (is_m(tr, "tr"))
			table_row(mb, t, tr, head);
	left = 0;
	for (row = first != NULL ? first->next : t->children; row != NULL;
	    row = row->next)
		left++;
	table_occ_start(&o);
	for (row = first != NULL ? first->next : t->children; row != NULL;
	    row = row->next) {
		table_occ_row(&o, row, --left, 1);
		table_occ_next(&o);
	}
	if (o.nomem)
		mb->nomem = 1;
}

/* m:table: a general table */
static void
m_table(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;
	const char	*id;
	struct buf	 b;
	xmlNodePtr	 t, fn;
	size_t		 i;
	char		 mark[32];

	memset(&b, 0, sizeof(b));
	t = el(mb, parent, "table");
	id = att(mb, n, "id");
	set(mb, t, "id", id != NULL ? id : new_id(mb, "table"));
	if ((c = child(n, "caption")) != NULL) {
		str_clear(&b);
		add_norm_node(mb, &b, c);
		set(mb, t, "caption", str_get(&b));
		inline_children(mb, el(mb, t, "caption"), c);
	} else
		set(mb, t, "caption", "");
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "thead"))
			table_group(mb, t, c, 1);
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "tbody"))
			table_group(mb, t, c, 0);
	/* no column without a cell of its own (labels have them) */
	if (grid_merge_columns(t) == -1)
		mb->nomem = 1;
	i = 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_m(c, "footnote"))
			continue;
		footnote_mark(mb, c, ++i, mark, sizeof(mark));
		fn = el(mb, t, "footnote");
		set(mb, fn, "mark", mark);
		inline_children(mb, fn, c);
	}
	free(b.p);
}

/* ------------------------------------------------------------------ */
/* Format 2: pharmacokinetics                                         */
/* ------------------------------------------------------------------ */

/* low to high of n with unit, or low alone; "" when neither */
static void
add_range(struct mb *mb, struct buf *b, const xmlNode *n, const char *unit)
{
	const char	*low, *high;

	low = att(mb, n, "low");
	high = att(mb, n, "high");
	if (low == NULL && high == NULL)
		return;
	add_amount(mb, b, low != NULL ? low : high, low != NULL ? high : NULL,
	    unit);
}

/*
 * The quantities of clinical pharmacology, each a labelled paragraph:
 * bioavailability, protein-binding (%), distribution-volume, clearance
 * (amounts with their unit), elimination-time (a duration), enzyme.
 */
static void
m_quantity(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*name = (const char *)n->name, *v;
	struct buf	 b;

	memset(&b, 0, sizeof(b));
	if (is_m(n, "elimination-time"))
		add_duration(mb, &b, n);
	else if (is_m(n, "enzyme")) {
		add_norm(mb, &b, sat(mb, n, "name"));
		if ((v = att(mb, n, "role")) != NULL) {
			str_add(mb, &b, ", ");
			str_add(mb, &b, lookup(mb, "enzyme-role", v));
		}
		if ((v = att(mb, n, "extent")) != NULL) {
			str_add(mb, &b, " (");
			str_add(mb, &b, lookup(mb, "extent", v));
			str_add(mb, &b, ")");
		}
	} else if (is_m(n, "bioavailability") || is_m(n, "protein-binding")) {
		add_range(mb, &b, n, "%");
		if ((v = att(mb, n, "route")) != NULL) {
			str_add(mb, &b, " (");
			str_add(mb, &b, route_words(mb, v));
			str_add(mb, &b, ")");
		}
	} else
		add_range(mb, &b, n, att(mb, n, "unit"));
	if (b.len == 0)
		str_add(mb, &b, need(mb, "label", "not-stated"));
	labelled(mb, parent, n, need(mb, "title", name), str_get(&b));
	free(b.p);
}

/* m:food-effect: Food: decreases Cmax by 20 to 30 %; advice */
static void
m_food_effect(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*v;
	struct buf	 b;

	memset(&b, 0, sizeof(b));
	/* "no effect on" wants what it has no effect on: without a measure,
	   the words that stand alone ("no effect") */
	if ((v = att(mb, n, "effect")) != NULL)
		str_add(mb, &b, lookup(mb, att(mb, n, "measure") != NULL ?
		    "food-effect" : "food-effect-alone", v));
	if ((v = att(mb, n, "measure")) != NULL) {
		str_add(mb, &b, " ");
		str_add(mb, &b, lookup(mb, "food-measure", v));
	}
	if (att(mb, n, "low") != NULL || att(mb, n, "high") != NULL) {
		str_add(mb, &b, need(mb, "label", "by"));
		add_range(mb, &b, n, "%");
	}
	if ((v = att(mb, n, "advice")) != NULL) {
		if (b.len > 0)
			str_add(mb, &b, "; ");
		str_add(mb, &b, lookup(mb, "food-advice", v));
	}
	labelled(mb, parent, n, need(mb, "title", "food-effect"),
	    str_get(&b));
	free(b.p);
}

/* m:excretion of format 2: 70 to 80% of a dose, in urine, unchanged */
static void
m_excretion(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const char	*v;
	struct buf	 b;

	memset(&b, 0, sizeof(b));
	if (att(mb, n, "low") != NULL || att(mb, n, "high") != NULL) {
		add_range(mb, &b, n, "%");
		str_add(mb, &b, need(mb, "label", "of-a-dose"));
	}
	if ((v = att(mb, n, "via")) != NULL) {
		if (b.len > 0)
			str_add(mb, &b, ", ");
		str_add(mb, &b, lookup(mb, "via", v));
	}
	if (eq(att(mb, n, "unchanged"), "yes"))
		str_add(mb, &b, need(mb, "label", "unchanged"));
	if (b.len == 0)
		str_add(mb, &b, need(mb, "label", "not-stated"));
	labelled(mb, parent, n, need(mb, "title", "excretion"), str_get(&b));
	free(b.p);
}

/* ------------------------------------------------------------------ */
/* Format 2: links to other monographs, highlights, cross references  */
/* ------------------------------------------------------------------ */

/* <link ref="REF">text of n</link> in p */
static void
link_to(struct mb *mb, xmlNodePtr p, const char *ref, const xmlNode *n)
{
	struct buf	 b;
	xmlNodePtr	 e;

	memset(&b, 0, sizeof(b));
	add_norm_node(mb, &b, n);
	e = el(mb, p, "link");
	set(mb, e, "ref", ref);
	text(mb, e, b.len > 0 ? str_get(&b) : ref);
	free(b.p);
}

/* Add ref to the monographs this one links to, once. */
static void
add_linked(struct mb *mb, const char *ref)
{
	char	**nv;
	size_t	 i;

	if (ref == NULL || *ref == '\0')
		return;
	for (i = 0; i < mb->nlinked; i++)
		if (strcmp(mb->linked[i], ref) == 0)
			return;
	if ((nv = realloc(mb->linked, (mb->nlinked + 1) *
	    sizeof(*nv))) == NULL) {
		mb->nomem = 1;
		return;
	}
	mb->linked = nv;
	mb->linked[mb->nlinked++] = (char *)ref;
}

/* Every ref of related, agent and alternative, in document order. */
static void
collect_links(struct mb *mb, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_m(c, "related") || is_m(c, "agent") ||
		    is_m(c, "alternative"))
			add_linked(mb, att(mb, c, "ref"));
		collect_links(mb, c);
	}
}

/* The section see-also: a list of the monographs linked to. */
static void
see_also(struct mb *mb, xmlNodePtr doc)
{
	xmlNodePtr	 s, l, e;
	size_t		 i;

	if (mb->nlinked == 0)
		return;
	s = el(mb, doc, "section");
	set(mb, s, "id", "see-also");
	set(mb, s, "title", section_title(mb, "see-also"));
	set(mb, s, "kind", "see-also");
	l = el(mb, s, "list");
	set(mb, l, "type", "bullet");
	for (i = 0; i < mb->nlinked; i++) {
		e = el(mb, el(mb, l, "item"), "link");
		set(mb, e, "ref", mb->linked[i]);
		text(mb, e, mb->linked[i]);
	}
}

/* <xref to="id"/> in p, its words filled in by resolve_xrefs() */
static void
xref_to(struct mb *mb, xmlNodePtr p, const char *id)
{
	set(mb, el(mb, p, "xref"), "to", id);
}

/*
 * The first p or list of the section n that says something: a p that is
 * nothing but a bold lead-in ("Do not use", before the list of what not
 * to use it for) is passed over.  NULL when there is none.
 */
static const xmlNode *
hl_prose(const xmlNode *n)
{
	const xmlNode	*c, *k;
	int		 lead;

	for (c = n->children; c != NULL; c = c->next) {
		if (is_m(c, "list"))
			return c;
		if (!is_m(c, "p"))
			continue;
		lead = 0;
		for (k = c->children; k != NULL; k = k->next)
			if (is_m(k, "strong") && !lead)
				lead = 1;
			else if (k->type == XML_TEXT_NODE) {
				if (k->content != NULL &&
				    k->content[strspn((const char *)k->content,
				    " \t\n\r")] != '\0')
					break;
			} else if (!is_m(k, "cite"))
				break;
		if (!lead || k != NULL)
			return c;
	}
	return NULL;
}

/*
 * Drop the "WARNING:" a boxed warning's title starts with (labels write
 * "WARNING: SERIOUS INFECTIONS"): every renderer puts its own before a
 * warning's title.  A title that is nothing but the word is kept.
 */
static void
warning_prefix(struct buf *b)
{
	static const char *const words[] = {
		"boxed warning", "warnings", "warning", NULL
	};
	const char *const *w;
	size_t		 n, skip;

	if (b->p == NULL)
		return;
	for (w = words; *w != NULL; w++) {
		n = strlen(*w);
		if (strncasecmp(b->p, *w, n) != 0)
			continue;
		skip = n;
		if (b->p[skip] == ':' || b->p[skip] == '-')
			skip++;
		else if (b->p[skip] != ' ')
			return;
		while (b->p[skip] == ' ')
			skip++;
		if (b->p[skip] == '\0')
			return;
		memmove(b->p, b->p + skip, b->len - skip + 1);
		b->len -= skip;
		return;
	}
}

/* A highlights item: <item><strong>label</strong> ...</item>, its label
   the words highlights.NAME */
static xmlNodePtr
hl_item(struct mb *mb, xmlNodePtr l, const char *name)
{
	xmlNodePtr	 item;

	item = el(mb, l, "item");
	strong(mb, item, need(mb, "highlights", name));
	text(mb, item, " ");
	return item;
}

/* The first child m:NAME of n among several names, or NULL */
static const xmlNode *
first_of(const xmlNode *n, const char *const names[])
{
	const xmlNode		*c;
	const char *const	*s;

	for (c = n->children; c != NULL; c = c->next)
		for (s = names; *s != NULL; s++)
			if (is_m(c, *s))
				return c;
	return NULL;
}

/* The citations of n alone (copies, in the highlights). */
static void
hl_cites(struct mb *mb, xmlNodePtr p, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "cite"))
			inline_node(mb, p, c);
}

/* One dose of a regimen in its highlights item: "; " unless first, the
   words highlights.KEY, the dose (or duration), its citations. */
static void
hl_dose(struct mb *mb, xmlNodePtr item, const xmlNode *n, const char *key,
    int *any, struct buf *b)
{
	str_clear(b);
	if ((*any)++)
		str_add(mb, b, "; ");
	str_add(mb, b, need(mb, "highlights", key));
	if (is_m(n, "max-duration"))
		add_duration(mb, b, n);
	else if (!is_m(n, "titration") && !is_m(n, "step"))
		add_dose(mb, b, n);
	text(mb, item, str_get(b));
	/* a percentage says of what in its note ("of the daily dose") */
	if (is_m(n, "increase") && eq(att(mb, n, "unit"), "%"))
		note_after(mb, item, n, " ");
	else
		hl_cites(mb, item, n);
}

/*
 * One regimen in the highlights, in the order a prescriber follows it:
 * the test dose, the start, how the dose is raised, the usual dose (a
 * maintenance dose when steps come before it), the maxima and how long at
 * most.  A regimen for kidney or liver impairment, or with criteria, is a
 * caution, with its first paragraph when it gives no dose.  Nothing when
 * it says nothing of these.
 */
static void
hl_regimen(struct mb *mb, xmlNodePtr l, const xmlNode *r, struct buf *b)
{
	static const char *const raise[] = { "increase", "step", "titration",
	    NULL };
	const xmlNode	*c, *p;
	xmlNodePtr	 item;
	const char	*pop;
	int		 any, caution, before;

	pop = att(mb, r, "population");
	caution = child(r, "criterion") != NULL ||
	    eq(pop, "renal-impairment") || eq(pop, "hepatic-impairment");
	p = child(r, "p");
	if (first_of(r, (const char *const[]){ "screening", "start",
	    "maintenance", "maximum", "max-duration", NULL }) == NULL &&
	    p == NULL)
		return;
	str_clear(b);
	if (caution)
		str_add(mb, b, need(mb, "highlights", "caution"));
	add_regimen_who(mb, b, r);
	if (child(r, "indication") != NULL) {
		str_add(mb, b, ", ");
		add_norm_node(mb, b, child(r, "indication"));
	}
	str_add(mb, b, ":");
	item = el(mb, l, "item");
	strong(mb, item, str_get(b));
	text(mb, item, " ");
	any = 0;
	if ((c = child(r, "screening")) != NULL)
		hl_dose(mb, item, c, "screening", &any, b);
	if ((c = child(r, "start")) != NULL)
		hl_dose(mb, item, c, "start", &any, b);
	if ((c = first_of(r, raise)) != NULL)
		hl_dose(mb, item, c, is_m(c, "increase") ? "increase" :
		    "titration", &any, b);
	before = any;
	for (c = r->children; c != NULL; c = c->next)
		if (is_m(c, "maintenance"))
			hl_dose(mb, item, c, before ? "maintenance" : "usual",
			    &any, b);
	for (c = r->children; c != NULL; c = c->next)
		if (is_m(c, "maximum"))
			hl_dose(mb, item, c, "maximum", &any, b);
	if ((c = child(r, "max-duration")) != NULL)
		hl_dose(mb, item, c, "max-duration", &any, b);
	if (!any && p != NULL) {
		str_clear(b);
		add_norm_node(mb, b, p);
		if (strlen(str_get(b)) <= HL_PROSE_MAX)
			inline_children(mb, item, p);
		else
			text(mb, item, need(mb, "highlights", "see"));
	}
}

/* What it is: the first drug class, the schedule of a controlled
   substance. */
static void
hl_what(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*drug, *c, *ls;
	const char	*sched;
	xmlNodePtr	 item;

	if ((drug = child(root, "drug")) == NULL)
		return;
	c = child(drug, "drug-class");
	ls = child(drug, "legal-status");
	sched = ls != NULL ? att(mb, ls, "controlled") : NULL;
	if (eq(sched, "no"))
		sched = NULL;
	if (c == NULL && sched == NULL)
		return;
	item = hl_item(mb, l, "what");
	if (c != NULL)
		inline_children(mb, item, c);
	if (sched != NULL) {
		str_clear(b);
		if (c != NULL)
			str_add(mb, b, "; ");
		str_add(mb, b, need(mb, "highlights", "schedule"));
		add_dash_to_space(mb, b, sched);
		text(mb, item, str_get(b));
		hl_cites(mb, item, ls);
	}
	text(mb, item, " ");
	xref_to(mb, item, "drug");
}

/* The boxed warnings in short, each with its route. */
static void
hl_boxed(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c;
	xmlNodePtr	 item;

	for (sec = root->children; sec != NULL; sec = sec->next) {
		if (!is_m(sec, "boxed-warning") || child(sec, "none") != NULL)
			continue;
		item = hl_item(mb, l, "boxed");
		if ((c = child(sec, "summary")) != NULL)
			inline_children(mb, item, c);
		else {
			str_clear(b);
			add_norm_node(mb, b, child(sec, "title"));
			warning_prefix(b);
			text(mb, item, str_get(b));
		}
		text(mb, item, " ");
		xref_to(mb, item, "boxed-warning");
	}
}

/* Each regimen's doses. */
static void
hl_dosing(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c;
	xmlNodePtr	 item;

	if ((sec = child(root, "dosing")) == NULL)
		return;
	item = l->last;
	for (c = sec->children; c != NULL; c = c->next)
		if (is_m(c, "regimen"))
			hl_regimen(mb, l, c, b);
	if (l->last != item) {
		text(mb, l->last, " ");
		xref_to(mb, l->last, "dosing");
	}
}

/* How to stop: the withdrawal summary, else "none described". */
static void
hl_stop(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c;
	xmlNodePtr	 item;

	(void)b;
	if ((sec = child(root, "withdrawal")) == NULL)
		return;
	if ((c = child(sec, "summary")) == NULL &&
	    (c = child(sec, "none")) == NULL)
		return;
	item = hl_item(mb, l, "stop");
	inline_children(mb, item, c);
	text(mb, item, " ");
	xref_to(mb, item, "withdrawal");
}

/* The approved uses. */
static void
hl_uses(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c;
	xmlNodePtr	 item;

	if ((sec = child(root, "uses")) == NULL)
		return;
	item = NULL;
	for (c = sec->children; c != NULL; c = c->next) {
		if (!is_m(c, "use") || !eq(att(mb, c, "status"), "approved"))
			continue;
		if (item == NULL)
			item = hl_item(mb, l, "uses");
		else
			text(mb, item, "; ");
		str_clear(b);
		add_norm_node(mb, b, child(c, "condition"));
		text(mb, item, str_get(b));
	}
	if (item != NULL) {
		text(mb, item, " ");
		xref_to(mb, item, "uses");
	}
}

/* Every contraindication, or the section's prose when short. */
static void
hl_contra(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c, *d;
	xmlNodePtr	 item;
	int		 any;

	if ((sec = child(root, "contraindications")) == NULL)
		return;
	item = hl_item(mb, l, "contraindications");
	any = 0;
	for (c = sec->children; c != NULL; c = c->next) {
		if (!is_m(c, "contraindication") && !is_m(c, "none"))
			continue;
		if (any++)
			text(mb, item, "; ");
		if (att(mb, c, "route") != NULL &&
		    !eq(att(mb, c, "route"), "any")) {
			str_clear(b);
			add_ucfirst(mb, b, route_words(mb, att(mb, c, "route")));
			str_add(mb, b, need(mb, "label", "route-colon"));
			str_add(mb, b, " ");
			text(mb, item, str_get(b));
		}
		inline_children(mb, item, c);
	}
	if (!any) {
		/* prose, as imported labels have it: its first paragraph
		   when short */
		if ((d = hl_prose(sec)) == NULL &&
		    (c = child(sec, "section")) != NULL)
			d = hl_prose(c);
		str_clear(b);
		if (d != NULL)
			add_norm_node(mb, b, d);
		else
			/* headings only (PLR labels list them so): their
			   titles */
			for (c = sec->children; c != NULL; c = c->next)
				if (is_m(c, "section") &&
				    child(c, "title") != NULL) {
					if (b->len > 0)
						str_add(mb, b, "; ");
					add_norm_node(mb, b, child(c, "title"));
				}
		if (d == NULL && b->len > 0 &&
		    strlen(str_get(b)) <= HL_PROSE_MAX)
			text(mb, item, str_get(b));
		else if (d == NULL || strlen(str_get(b)) > HL_PROSE_MAX)
			text(mb, item, need(mb, "highlights", "see"));
		else if (is_m(d, "p"))
			inline_children(mb, item, d);
		else
			for (c = d->children; c != NULL; c = c->next) {
				if (!is_m(c, "item"))
					continue;
				if (any++)
					text(mb, item, "; ");
				inline_children(mb, item, c);
			}
	}
	text(mb, item, " ");
	xref_to(mb, item, "contraindications");
}

/* The warnings that have a summary, by title. */
static void
hl_risks(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c;
	xmlNodePtr	 item;
	size_t		 i;
	char		 id[48];

	if ((sec = child(root, "warnings")) == NULL)
		return;
	item = NULL;
	i = 0;
	for (c = sec->children; c != NULL; c = c->next) {
		if (!is_m(c, "warning"))
			continue;
		i++;
		if (child(c, "summary") == NULL)
			continue;
		if (item == NULL)
			item = hl_item(mb, l, "risks");
		else
			text(mb, item, "; ");
		snprintf(id, sizeof(id), "warning-%zu", i);
		str_clear(b);
		/* named as its heading is, with its number */
		if (att(mb, c, "number") != NULL) {
			add_norm(mb, b, att(mb, c, "number"));
			str_add(mb, b, " ");
		}
		add_norm_node(mb, b, child(c, "title"));
		text(mb, el(mb, item, "xref"), str_get(b));
		set(mb, item->last, "to", att(mb, c, "id") != NULL ?
		    att(mb, c, "id") : id);
	}
}

/* Whether the effect e is among the most common: marked very common or
   common, or (when none is) seen in at least highlights.common-percent %
   of patients. */
static int
hl_common(struct mb *mb, const xmlNode *e, int marked)
{
	const char	*f, *pct;

	f = att(mb, e, "frequency");
	if (marked)
		return eq(f, "very-common") || eq(f, "common");
	pct = att(mb, e, "high") != NULL ? att(mb, e, "high") :
	    att(mb, e, "low");
	return pct != NULL &&
	    number(pct) >= number(need(mb, "highlights", "common-percent"));
}

/* The most common adverse reactions, in the order the section gives
   them. */
static void
hl_effects(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *c;
	xmlNodePtr	 item;
	int		 marked;

	if ((sec = child(root, "adverse-effects")) == NULL)
		return;
	marked = 0;
	for (c = sec->children; c != NULL; c = c->next)
		if (is_m(c, "effect") && hl_common(mb, c, 1))
			marked = 1;
	item = NULL;
	for (c = sec->children; c != NULL; c = c->next) {
		if (!is_m(c, "effect") || !hl_common(mb, c, marked))
			continue;
		if (item == NULL)
			item = hl_item(mb, l, "common");
		else
			text(mb, item, ", ");
		inline_children(mb, item, c);
	}
	if (item != NULL) {
		text(mb, item, " ");
		xref_to(mb, item, "adverse-effects");
	}
	(void)b;
}

/* Whether interaction c is a key one: major or contraindicated, or,
   when the monograph grades none so (graded), any. */
static int
hl_key(struct mb *mb, const xmlNode *c, int graded)
{
	return is_m(c, "interaction") && (!graded ||
	    eq(att(mb, c, "severity"), "major") ||
	    eq(att(mb, c, "severity"), "contraindicated"));
}

/* The major and contraindicated interactions (when there are none, all
   of them, as a label's Highlights list them ungraded): the agents, the
   severity, what to do (else what happens). */
static void
hl_interactions(struct mb *mb, xmlNodePtr l, const xmlNode *root,
    struct buf *b)
{
	const xmlNode	*sec, *c, *d;
	xmlNodePtr	 item;
	int		 any, graded;

	if ((sec = child(root, "interactions")) == NULL)
		return;
	item = NULL;
	graded = 0;
	for (c = sec->children; c != NULL; c = c->next)
		if (hl_key(mb, c, 1))
			graded = 1;
	for (c = sec->children; c != NULL; c = c->next) {
		if (!hl_key(mb, c, graded))
			continue;
		if (item == NULL)
			item = hl_item(mb, l, "interactions");
		else
			/* "; " also after an action's full stop and citations:
			   "... above all. [2, 5]; buprenorphine (major)" */
			text(mb, item, "; ");
		any = 0;
		for (d = c->children; d != NULL; d = d->next) {
			if (!is_m(d, "agent"))
				continue;
			if (any++)
				text(mb, item, ", ");
			str_clear(b);
			add_norm_node(mb, b, d);
			text(mb, item, str_get(b));
		}
		str_clear(b);
		str_add(mb, b, " (");
		str_add(mb, b, lookup(mb, "interaction-severity-short",
		    sat(mb, c, "severity")));
		str_add(mb, b, ")");
		if ((d = child(c, "action")) != NULL ||
		    (!graded && (d = child(c, "effect")) != NULL))
			str_add(mb, b, ": ");
		text(mb, item, str_get(b));
		if (d != NULL)
			inline_children(mb, item, d);
	}
	if (item != NULL) {
		text(mb, item, " ");
		xref_to(mb, item, "interactions");
	}
}

/* Whether the list s (items after " " or ", ") has the item t. */
static int
has_item(const char *s, const char *t)
{
	const char	*p;
	size_t		 n;

	n = strlen(t);
	for (p = strstr(s, t); p != NULL; p = strstr(p + 1, t))
		if (p > s && (p[-1] == ' ') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

/* Whether the forms f and g are of one route and kind. */
static int
same_form(struct mb *mb, const xmlNode *f, const xmlNode *g)
{
	return eq(sat(mb, f, "route"), sat(mb, g, "route")) &&
	    eq(sat(mb, f, "kind"), sat(mb, g, "kind"));
}

/* Whether a form is shown in the highlights: all but the discontinued. */
static int
hl_form(struct mb *mb, const xmlNode *f)
{
	return is_m(f, "form") && !eq(att(mb, f, "status"), "discontinued");
}

/* The dosage forms with their strengths, each route and kind once with
   the strengths of all its products (a discontinued form is left out). */
static void
hl_forms(struct mb *mb, xmlNodePtr l, const xmlNode *root, struct buf *b)
{
	const xmlNode	*sec, *f, *g, *c;
	struct buf	 one;
	xmlNodePtr	 item;
	int		 any;

	if ((sec = child(root, "forms")) == NULL)
		return;
	memset(&one, 0, sizeof(one));
	item = NULL;
	for (f = sec->children; f != NULL; f = f->next) {
		if (!hl_form(mb, f))
			continue;
		for (g = sec->children; g != f; g = g->next)
			if (hl_form(mb, g) && same_form(mb, f, g))
				break;
		if (g != f)		/* shown with an earlier one */
			continue;
		str_clear(b);
		if (item == NULL)
			item = hl_item(mb, l, "forms");
		else
			str_add(mb, b, "; ");
		add_form_words(mb, b, att(mb, f, "route"), att(mb, f, "kind"));
		any = 0;
		for (g = f; g != NULL; g = g->next) {
			if (!hl_form(mb, g) || !same_form(mb, f, g))
				continue;
			for (c = g->children; c != NULL; c = c->next) {
				if (!is_m(c, "strength"))
					continue;
				str_clear(&one);
				add_amount(mb, &one, att(mb, c, "amount"), NULL,
				    att(mb, c, "unit"));
				if (att(mb, c, "in") != NULL ||
				    att(mb, c, "in-unit") != NULL) {
					str_add(mb, &one, need(mb, "label",
					    "in"));
					add_amount(mb, &one, att(mb, c, "in") !=
					    NULL ? att(mb, c, "in") : "1", NULL,
					    att(mb, c, "in-unit"));
				}
				/* a combination's: of which ingredient */
				if (att(mb, c, "ingredient") != NULL) {
					str_add(mb, &one, " (");
					add_norm(mb, &one, att(mb, c,
					    "ingredient"));
					str_add(mb, &one, ")");
				}
				/* each strength once */
				if (has_item(str_get(b), str_get(&one)))
					continue;
				str_add(mb, b, any++ ? ", " : " ");
				str_add(mb, b, str_get(&one));
			}
		}
		text(mb, item, str_get(b));
	}
	if (item != NULL) {
		text(mb, item, " ");
		xref_to(mb, item, "forms");
	}
	free(one.p);
}

/* The items of the highlights by their names in words.xml. */
static const struct hl_entry {
	const char	*name;
	void		(*fn)(struct mb *, xmlNodePtr, const xmlNode *,
			    struct buf *);
} hl_entries[] = {
	{ "what",		hl_what },
	{ "boxed",		hl_boxed },
	{ "dosing",		hl_dosing },
	{ "stop",		hl_stop },
	{ "uses",		hl_uses },
	{ "contraindications",	hl_contra },
	{ "risks",		hl_risks },
	{ "common",		hl_effects },
	{ "interactions",	hl_interactions },
	{ "forms",		hl_forms },
};

/*
 * The section highlights, from the structured data only: the notice (not
 * medical advice, with a link to the disclaimer; what to do in an
 * emergency), then the items that words.xml's highlights.items names, in
 * its order (docs/format.md section 10).  Each entry links to where the
 * body says it; its citations are copies (no k: the body holds the
 * citations).  Every monograph has the notice, so the section is never
 * empty.
 */
static void
highlights(struct mb *mb, xmlNodePtr doc, const xmlNode *root)
{
	const char	*items, *p;
	struct buf	 b;
	xmlNodePtr	 s, l, notice;
	size_t		 i, n;

	memset(&b, 0, sizeof(b));
	s = el(mb, doc, "section");
	set(mb, s, "id", "highlights");
	set(mb, s, "title", section_title(mb, "highlights"));
	set(mb, s, "kind", "highlights");
	notice = el(mb, s, "p");
	text(mb, notice, need(mb, "highlights", "not-advice"));
	xref_to(mb, notice, "disclaimer");
	text(mb, notice, need(mb, "highlights", "emergency"));
	l = el(mb, s, "list");
	set(mb, l, "type", "bullet");
	mb->copy = 1;
	items = need(mb, "highlights", "items");
	for (p = items; *p != '\0'; p += n) {
		p += strspn(p, " \t\n");
		if ((n = strcspn(p, " \t\n")) == 0)
			break;
		for (i = 0; i < sizeof(hl_entries) / sizeof(hl_entries[0]); i++)
			if (strlen(hl_entries[i].name) == n &&
			    strncmp(hl_entries[i].name, p, n) == 0)
				break;
		if (i < sizeof(hl_entries) / sizeof(hl_entries[0]))
			hl_entries[i].fn(mb, l, root, &b);
		else if (mb->missing[0] == '\0')
			snprintf(mb->missing, sizeof(mb->missing),
			    "highlights.%.*s (no such item)", (int)n, p);
	}
	mb->copy = 0;
	if (l != NULL && l->children == NULL) {
		xmlUnlinkNode(l);
		xmlFreeNode(l);
	}
	free(b.p);
}

/* The ids and titles of the model's sections and subs under n. */
static void
collect_titles(struct mb *mb, xmlNodePtr n)
{
	xmlNodePtr	 c;
	xmlChar		*id, *title, *num;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "section") ||
		    xmlStrEqual(c->name, BAD_CAST "sub") ||
		    xmlStrEqual(c->name, BAD_CAST "table") ||
		    xmlStrEqual(c->name, BAD_CAST "row")) {
			id = xmlGetProp(c, BAD_CAST "id");
			/* a row: the title of what holds its table */
			title = xmlGetProp(xmlStrEqual(c->name, BAD_CAST "row") ?
			    c->parent->parent : c, BAD_CAST
			    (xmlStrEqual(c->name, BAD_CAST "table") ?
			    "caption" : "title"));
			/* a numbered section is named with its number, as
			   its heading shows it ("5.1 Serotonin syndrome") */
			if (title != NULL && (num = xmlGetProp(c,
			    BAD_CAST "number")) != NULL) {
				num = xmlStrcat(num, BAD_CAST " ");
				num = xmlStrcat(num, title);
				xmlFree(title);
				title = num;
			}
			if (id != NULL && title != NULL &&
			    xmlHashLookup(mb->titles, id) == NULL)
				xmlHashAddEntry(mb->titles, id, title);
			else
				xmlFree(title);
			xmlFree(id);
			collect_titles(mb, c);
		}
	}
}

/*
 * Text before and after the model node n, joined to the text nodes
 * beside it (a model never has two text nodes side by side, as a parsed
 * one has not: the C twins and xsltproc see the same text).
 */
static void
around(struct mb *mb, xmlNodePtr n, const char *before, const char *after)
{
	xmlNodePtr	 t;
	xmlChar		*v;

	if (n->prev != NULL && n->prev->type == XML_TEXT_NODE)
		xmlNodeAddContent(n->prev, BAD_CAST before);
	else if ((t = xmlNewDocText(mb->doc, BAD_CAST before)) == NULL ||
	    xmlAddPrevSibling(n, t) == NULL)
		mb->nomem = 1;
	if (n->next != NULL && n->next->type == XML_TEXT_NODE) {
		if ((v = xmlStrdup(BAD_CAST after)) == NULL ||
		    (v = xmlStrcat(v, n->next->content)) == NULL)
			mb->nomem = 1;
		else
			xmlNodeSetContent(n->next, v);
		xmlFree(v);
	} else if ((t = xmlNewDocText(mb->doc, BAD_CAST after)) == NULL ||
	    xmlAddNextSibling(n, t) == NULL)
		mb->nomem = 1;
}

/* Each empty xref: "(see TITLE)", TITLE that of the section it names. */
static void
fill_xrefs(struct mb *mb, xmlNodePtr n)
{
	xmlNodePtr	 c;
	xmlChar		*to;
	const char	*title;
	struct buf	 b;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "xref") &&
		    c->children == NULL) {
			/* (see <xref>TITLE</xref>): the link is the title */
			to = xmlGetProp(c, BAD_CAST "to");
			title = to != NULL ? xmlHashLookup(mb->titles, to) :
			    NULL;
			memset(&b, 0, sizeof(b));
			str_add(mb, &b, title != NULL ? title :
			    (to != NULL ? (const char *)to : ""));
			text(mb, c, str_get(&b));
			around(mb, c, need(mb, "label", "see-open"),
			    need(mb, "label", "see-close"));
			free(b.p);
			xmlFree(to);
		} else
			fill_xrefs(mb, c);
	}
}

static void
free_title(void *payload, const xmlChar *name)
{
	(void)name;
	xmlFree(payload);
}

/* The words of every cross reference, once the whole model is built. */
static void
resolve_xrefs(struct mb *mb, xmlNodePtr doc)
{
	if ((mb->titles = xmlHashCreate(64)) == NULL) {
		mb->nomem = 1;
		return;
	}
	collect_titles(mb, doc);
	fill_xrefs(mb, doc);
	xmlHashFree(mb->titles, free_title);
	mb->titles = NULL;
}

/* The templates of mode model, by element name (namespace m). */
static const struct {
	const char	*name;
	model_fn	*fn;
} blocks[] = {
	{ "p", m_p },
	{ "list", m_list },
	{ "disagreement", m_disagreement },
	{ "study", m_study },
	{ "case-report", m_study },
	{ "use", m_use },
	{ "position", m_position },
	{ "regimen", m_regimen },
	{ "peak-time", m_pk },
	{ "half-life", m_pk },
	{ "clearance", m_quantity },
	{ "bioavailability", m_quantity },
	{ "protein-binding", m_quantity },
	{ "distribution-volume", m_quantity },
	{ "elimination-time", m_quantity },
	{ "enzyme", m_quantity },
	{ "food-effect", m_food_effect },
	{ "metabolism", m_metabolism },
	{ "mechanism", m_titled },
	{ "excretion", m_excretion },
	{ "section", m_section },
	{ "quote", m_quote },
	{ "figure", m_figure },
	{ "table", m_table },
	{ "none", m_p },
	{ "summary", m_summary },
	{ "criterion", m_criterion },
	{ "change", m_change },
	{ "contraindication", m_contraindication },
	{ "trial", m_trial },
	{ "abrupt-stop", m_abrupt_stop },
	{ "treatment", m_titled },
	{ "handling", m_titled },
	{ "pharmacodynamics", m_titled },
	{ "pharmacokinetics", m_titled },
	{ "package", m_package },
	{ "storage", m_storage },
	{ "effect", m_effect },
	{ "sign", m_sign },
	{ "symptom", m_sign },
	{ "risk-factor", m_plain_list },
	{ "advice", m_plain_list },
	{ "onset", m_onset },
	{ "warning", m_warning },
	{ "population", m_population },
	{ "comparison", m_comparison },
	{ "entry", m_entry },
	{ "agency-warning", m_agency_warning },
	{ "dependence", m_dependence },
	{ "tolerance", m_dependence },
	{ "misuse", m_dependence },
	{ "addiction", m_dependence },

	{ "taper", m_taper },
	{ "interaction", m_interaction },
};

/* apply-templates mode="model" to the element n */
static void
model_node(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	size_t	 i;

	if (n->type != XML_ELEMENT_NODE || n->ns == NULL ||
	    strcmp((const char *)n->ns->href, MNS) != 0)
		return;
	if (strcmp((const char *)n->name, "monograph") == 0) {
		return;		/* nested: the schema rejects it */
	}
	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (strcmp((const char *)n->name, blocks[i].name) == 0) {
			blocks[i].fn(mb, parent, n);
			return;
		}
}

/* apply-templates select="*" mode="model" */
static void
model_children(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;

	if (parent == NULL)
		return;
	for (c = n->children; c != NULL; c = c->next)
		model_node(mb, parent, c);
}

/* apply-templates mode="model" to the children of each child m:NAME */
static void
model_grandchildren(struct mb *mb, xmlNodePtr parent, const xmlNode *n,
    const char *name)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, name))
			model_children(mb, parent, c);
}

/* ------------------------------------------------------------------ */
/* Sections                                                           */
/* ------------------------------------------------------------------ */

/* The elements that make a sub of their own (template model-body). */
static int
is_sub(const xmlNode *n)
{
	static const char *const subs[] = {
		"use", "regimen", "agency-warning", "taper", "abrupt-stop",
		"dependence", "tolerance", "misuse", "addiction", "comparison",
		"warning", "population", "entry", "section", "treatment",
		"handling", "mechanism", "pharmacodynamics",
		"pharmacokinetics", NULL
	};
	const char *const	*s;

	for (s = subs; *s != NULL; s++)
		if (is_m(n, *s))
			return 1;
	return 0;
}

/* template model-body for any section: blocks after the last sub go
   into a sub "Further notes" */
static void
section_body(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c, *last;
	struct buf	 id;
	xmlNodePtr	 s;

	last = NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (is_sub(c))
			last = c;
	for (c = n->children; c != NULL; c = c->next) {
		model_node(mb, parent, c);
		if (c == last)
			break;
	}
	if (last == NULL || next_element(last) == NULL)
		return;
	memset(&id, 0, sizeof(id));
	str_add(mb, &id, (const char *)n->name);
	str_add(mb, &id, "-more");
	s = sub(mb, parent, str_get(&id), "Further notes", "normal");
	for (c = last->next; c != NULL; c = c->next)
		model_node(mb, s, c);
	free(id.p);
}

/* The brands of the drug section. */
static void
drug_brands(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*bs, *br;
	const char	*route;
	struct buf	 b;
	xmlNodePtr	 s, l, item;

	memset(&b, 0, sizeof(b));
	s = sub(mb, parent, "brands", "Brand names", "normal");
	l = el(mb, s, "list");
	set(mb, l, "type", "bullet");
	for (bs = n->children; bs != NULL; bs = bs->next) {
		if (!is_m(bs, "brands"))
			continue;
		for (br = bs->children; br != NULL; br = br->next) {
			if (!is_m(br, "brand"))
				continue;
			item = el(mb, l, "item");
			str_clear(&b);
			add_norm(mb, &b, sat(mb, br, "name"));
			strong(mb, item, str_get(&b));
			str_clear(&b);
			str_add(mb, &b, " (");
			if ((route = att(mb, br, "route")) != NULL) {
				str_add(mb, &b, route_words(mb, route));
				str_add(mb, &b, "; ");
			}
			str_add(mb, &b, lookup(mb, "market-status",
			    sat(mb, br, "status")));
			str_add(mb, &b, ")");
			text(mb, item, str_get(&b));
			note_after(mb, item, br, ": ");
		}
	}
	model_grandchildren(mb, s, n, "brands");
	free(b.p);
}

/* "label value; " in p when ls has the attribute name */
static void
legal_field(struct mb *mb, xmlNodePtr p, const xmlNode *ls, const char *name,
    const char *label)
{
	struct buf	 b;

	if (att(mb, ls, name) == NULL)
		return;
	memset(&b, 0, sizeof(b));
	strong(mb, p, label);
	str_add(mb, &b, " ");
	add_norm(mb, &b, att(mb, ls, name));
	str_add(mb, &b, "; ");
	text(mb, p, str_get(&b));
	free(b.p);
}

/* The legal status of the drug section. */
static void
drug_legal(struct mb *mb, xmlNodePtr parent, const xmlNode *ls)
{
	const char	*controlled;
	struct buf	 b;
	xmlNodePtr	 s, p;

	memset(&b, 0, sizeof(b));
	str_add(mb, &b, "Legal status (");
	str_add(mb, &b, sat(mb, ls, "jurisdiction"));
	str_add(mb, &b, ")");
	s = sub(mb, parent, "legal-status", str_get(&b), "normal");
	p = el(mb, s, "p");
	strong(mb, p, "Prescription:");
	str_clear(&b);
	str_add(mb, &b, " ");
	add_dash_to_space(mb, &b, sat(mb, ls, "prescription"));
	str_add(mb, &b, "; ");
	text(mb, p, str_get(&b));
	strong(mb, p, "controlled substance:");
	str_clear(&b);
	str_add(mb, &b, " ");
	controlled = att(mb, ls, "controlled");
	if (eq(controlled, "no"))
		str_add(mb, &b, "no");
	else {
		str_add(mb, &b, "yes, ");
		add_dash_to_space(mb, &b, controlled != NULL ? controlled : "");
	}
	str_add(mb, &b, "; ");
	text(mb, p, str_get(&b));
	legal_field(mb, p, ls, "narcotic", "narcotic:");
	legal_field(mb, p, ls, "opioid", "opioid:");
	legal_field(mb, p, ls, "category", need(mb, "label",
	    "marketing-category"));
	legal_field(mb, p, ls, "application", need(mb, "label",
	    "application"));
	str_clear(&b);
	str_add(mb, &b, "jurisdiction: ");
	str_add(mb, &b, sat(mb, ls, "jurisdiction"));
	text(mb, p, str_get(&b));
	model_children(mb, s, ls);
	free(b.p);
}

/* One row of the table of dosage forms. */
static void
form_row(struct mb *mb, xmlNodePtr t, const xmlNode *f, struct buf *b)
{
	const xmlNode	*c;
	xmlNodePtr	 row, cell, para;
	int		 any;

	row = el(mb, t, "row");
	str_clear(b);
	add_form_words(mb, b, att(mb, f, "route"), att(mb, f, "kind"));
	if (att(mb, f, "release") != NULL &&
	    !eq(att(mb, f, "release"), "immediate")) {
		str_add(mb, b, ", ");
		str_add(mb, b, lookup(mb, "release", att(mb, f, "release")));
	}
	cell_para(mb, row, str_get(b));
	cell_para(mb, row, lookup(mb, "market-status", sat(mb, f, "status")));
	cell = el(mb, row, "cell");
	any = 0;
	for (c = f->children; c != NULL; c = c->next) {
		if (!is_m(c, "strength"))
			continue;
		any = 1;
		para = el(mb, cell, "para");
		str_clear(b);
		add_amount(mb, b, att(mb, c, "amount"), NULL,
		    att(mb, c, "unit"));
		if (att(mb, c, "in") != NULL || att(mb, c, "in-unit") != NULL) {
			str_add(mb, b, need(mb, "label", "in"));
			add_amount(mb, b, att(mb, c, "in") != NULL ?
			    att(mb, c, "in") : "1", NULL,
			    att(mb, c, "in-unit"));
		}
		if (att(mb, c, "ingredient") != NULL) {
			str_add(mb, b, " (");
			add_norm(mb, b, att(mb, c, "ingredient"));
			str_add(mb, b, ")");
		}
		text(mb, para, str_get(b));
		note_after(mb, para, c, ", ");
	}
	if (!any)
		el_text(mb, cell, "para", need(mb, "label", "strength-not-stated"));
	cell = el(mb, row, "cell");
	any = 0;
	for (c = f->children; c != NULL; c = c->next) {
		if (!is_m(c, "product"))
			continue;
		any = 1;
		str_clear(b);
		add_norm_node(mb, b, c);
		el_text(mb, cell, "para", str_get(b));
	}
	if (!any)
		el_text(mb, cell, "para", need(mb, "label", "no-product"));
}

/* The top-level forms: a table of every form, then what they say. */
static void
forms_body(struct mb *mb, xmlNodePtr s, const xmlNode *n)
{
	static const char *const cells[] = {
		"Form", "Status", "Strengths", "Products", NULL
	};
	const xmlNode	*f;
	struct buf	 b;
	xmlNodePtr	 t;

	memset(&b, 0, sizeof(b));
	if (child(n, "form") != NULL) {
		t = el(mb, s, "table");
		set(mb, t, "id", "forms-table");
		set(mb, t, "caption",
		    "Dosage forms, market status, strengths and products");
		set(mb, t, "cols", "form status strengths products");
		head(mb, t, cells);
		for (f = n->children; f != NULL; f = f->next)
			if (is_m(f, "form"))
				form_row(mb, t, f, &b);
	}
	for (f = n->children; f != NULL; f = f->next) {
		if (!is_m(f, "form")) {
			model_node(mb, s, f);
			continue;
		}
		if (child(f, "p") == NULL && child(f, "list") == NULL &&
		    child(f, "disagreement") == NULL &&
		    child(f, "table") == NULL)
			continue;
		str_clear(&b);
		add_form_words(mb, &b, att(mb, f, "route"), att(mb, f, "kind"));
		str_add(mb, &b, ":");
		strong(mb, el(mb, s, "p"), str_get(&b));
		model_children(mb, s, f);
	}
	free(b.p);
}

/* template m:drug, mode model-body */
static void
drug_body(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;
	struct buf	 b;
	xmlNodePtr	 p;
	size_t		 classes;

	memset(&b, 0, sizeof(b));
	p = el(mb, parent, "p");
	strong(mb, p, need(mb, "label", "generic-name"));
	str_add(mb, &b, " ");
	add_norm_node(mb, &b, child(n, "generic-name"));
	text(mb, p, str_get(&b));

	classes = 0;
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "drug-class"))
			classes++;
	if (classes > 0) {
		p = el(mb, parent, "p");
		strong(mb, p, classes > 1 ? "Drug classes:" : "Drug class:");
		text(mb, p, " ");
	}
	classes = 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (!is_m(c, "drug-class"))
			continue;
		if (classes++ > 0)
			text(mb, p, "; ");
		inline_children(mb, p, c);
	}

	for (c = n->children; c != NULL; c = c->next) {
		if (!is_m(c, "ingredient"))
			continue;
		p = el(mb, parent, "p");
		strong(mb, p, need(mb, "label", "ingredient"));
		str_clear(&b);
		str_add(mb, &b, " ");
		add_norm(mb, &b, sat(mb, c, "name"));
		if (att(mb, c, "unii") != NULL || att(mb, c, "basis") != NULL) {
			str_add(mb, &b, " (");
			if (att(mb, c, "unii") != NULL) {
				str_add(mb, &b, "UNII ");
				str_add(mb, &b, att(mb, c, "unii"));
			}
			if (att(mb, c, "unii") != NULL &&
			    att(mb, c, "basis") != NULL)
				str_add(mb, &b, "; ");
			if (att(mb, c, "basis") != NULL)
				str_add(mb, &b, lookup(mb, "basis",
				    att(mb, c, "basis")));
			str_add(mb, &b, ")");
		}
		text(mb, p, str_get(&b));
		note_after(mb, p, c, "");
	}
	if (child(n, "brands") != NULL)
		drug_brands(mb, parent, n);
	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, "legal-status"))
			drug_legal(mb, parent, c);
	free(b.p);
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
static void
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

/* template * mode section: a top-level section */
static void
section(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	xmlNodePtr	 s;

	struct buf	 title;
	size_t		 len;

	s = el(mb, parent, "section");
	if (is_m(n, "section")) {
		/* a general section: its own title, after its number */
		memset(&title, 0, sizeof(title));
		if (att(mb, n, "number") != NULL) {
			str_add(mb, &title, att(mb, n, "number"));
			str_add(mb, &title, " ");
		}
		len = title.len;
		if (child(n, "title") != NULL)
			add_norm_node(mb, &title, child(n, "title"));
		if (title.len == len)	/* no title, or an empty one */
			str_add(mb, &title, need(mb, "label", "section"));
		set(mb, s, "id", att(mb, n, "id") != NULL ?
		    att(mb, n, "id") : new_id(mb, "sec"));
		set(mb, s, "kind", "normal");
		set(mb, s, "title", str_get(&title));
		free(title.p);
		section_body(mb, s, n);
		return;
	}
	set(mb, s, "id", (const char *)n->name);
	set(mb, s, "kind", "normal");
	set(mb, s, "title", section_title(mb, (const char *)n->name));
	if (is_m(n, "drug"))
		drug_body(mb, s, n);
	else if (is_m(n, "forms"))
		forms_body(mb, s, n);
	else
		section_body(mb, s, n);
}

/* The boxed warnings, one section of subs. */
static void
boxed(struct mb *mb, xmlNodePtr parent, const xmlNode *root)
{
	const xmlNode	*c;
	const char	*route;
	struct buf	 b;
	xmlNodePtr	 s, bw;
	size_t		 pos;
	char		 id[48];

	if (child(root, "boxed-warning") == NULL)
		return;
	memset(&b, 0, sizeof(b));
	s = el(mb, parent, "section");
	set(mb, s, "id", "boxed-warning");
	set(mb, s, "title", "Boxed warning");
	set(mb, s, "kind", "boxed");
	pos = 0;
	for (c = root->children; c != NULL; c = c->next) {
		if (!is_m(c, "boxed-warning"))
			continue;
		/* "the label has none": said in the section, not under an
		   untitled WARNING heading */
		if (child(c, "none") != NULL && child(c, "title") == NULL) {
			model_children(mb, s, c);
			continue;
		}
		bw = el(mb, s, "sub");
		/* its own id, which cross-references name (a label's) */
		snprintf(id, sizeof(id), "boxed-warning-%zu", ++pos);
		set(mb, bw, "id", att(mb, c, "id") != NULL ? att(mb, c, "id") :
		    id);
		set(mb, bw, "kind", "warn");
		str_clear(&b);
		add_norm_node(mb, &b, child(c, "title"));
		warning_prefix(&b);
		route = att(mb, c, "route");
		if (route != NULL && strcmp(route, "any") != 0) {
			str_add(mb, &b, " (");
			str_add(mb, &b, route);
			str_add(mb, &b, " use)");
		}
		set(mb, bw, "title", str_get(&b));
		model_children(mb, bw, c);
	}
	free(b.p);
}

/* template m:monograph, mode model: the doc element */
static void
monograph(struct mb *mb, const xmlNode *root)
{
	const xmlNode	*c, *g;
	const char	*lang;
	struct buf	 name, b;
	xmlNodePtr	 doc;

	memset(&name, 0, sizeof(name));
	memset(&b, 0, sizeof(b));
	if ((doc = xmlNewDocNode(mb->doc, NULL, BAD_CAST "doc",
	    NULL)) == NULL) {
		mb->nomem = 1;
		return;
	}
	xmlDocSetRootElement(mb->doc, doc);
	/* m:drug/m:generic-name: the first in document order */
	g = NULL;
	for (c = root->children; c != NULL && g == NULL; c = c->next)
		if (is_m(c, "drug"))
			g = child(c, "generic-name");
	add_norm_node(mb, &name, g);
	set(mb, doc, "id", sat(mb, root, "id"));
	set(mb, doc, "name", str_get(&name));
	/* m:meta/m:X: the first X of any meta */
	{
		static const char *const fields[] = {
			"summary", "version", "reviewed", NULL
		};
		const char *const	*f;

		for (f = fields; *f != NULL; f++) {
			g = NULL;
			for (c = root->children; c != NULL && g == NULL;
			    c = c->next)
				if (is_m(c, "meta"))
					g = child(c, *f);
			str_clear(&b);
			add_norm_node(mb, &b, g);
			set(mb, doc, *f, str_get(&b));
		}
	}
	lang = att(mb, root, "lang");
	set(mb, doc, "lang", lang != NULL ? lang : "en");
	str_clear(&b);
	add_ucfirst(mb, &b, str_get(&name));
	set(mb, doc, "title", str_get(&b));
	for (c = root->children; c != NULL; c = c->next)
		if (is_m(c, "meta") && (g = child(c, "status")) != NULL) {
			str_clear(&b);
			add_norm_node(mb, &b, g);
			set(mb, doc, "status", str_get(&b));
		}
	collect_links(mb, root);
	highlights(mb, doc, root);
	boxed(mb, doc, root);
	for (c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is_m(c, "meta") ||
		    is_m(c, "boxed-warning"))
			continue;
		if (is_m(c, "sources")) {
			see_also(mb, doc);
			mb->nlinked = 0;
			refs(mb, doc, c);
		} else
			section(mb, doc, c);
	}
	see_also(mb, doc);
	resolve_xrefs(mb, doc);
	free(name.p);
	free(b.p);
}

/* qsort() order of two words: by key */
static int
cmp_word(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(x[0], y[0]);
}

/*
 * Read the words of path (xslt/words.xml): <words xmlns="urn:monoc:
 * words:1"> with <w group="G" key="K">text</w> elements.  Returns NULL
 * with a message in err (errlen bytes) when it cannot be read, is not
 * such a file, or names one group and key twice.
 */
struct words *
words_load(const char *path, char *err, size_t errlen)
{
	struct words	*w;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlChar		*g, *k, *t;
	char		**pairs;
	size_t		 count, i, len;

	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING |
	    XML_PARSE_NOERROR);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL ||
	    !is_ns(root, WNS, "words")) {
		snprintf(err, errlen, "cannot read the words '%s': %s", path,
		    doc == NULL ? "not well-formed XML" :
		    "not a words file (<words xmlns=\"" WNS "\">)");
		xmlFreeDoc(doc);
		return NULL;
	}
	count = 0;
	for (n = root->children; n != NULL; n = n->next)
		if (is_ns(n, WNS, "w"))
			count++;
	if ((w = calloc(1, sizeof(*w))) == NULL ||
	    (pairs = calloc(count + 1, 2 * sizeof(char *))) == NULL) {
		free(w);
		xmlFreeDoc(doc);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	i = 0;
	for (n = root->children; n != NULL; n = n->next) {
		if (!is_ns(n, WNS, "w"))
			continue;
		g = xmlGetNoNsProp(n, BAD_CAST "group");
		k = xmlGetNoNsProp(n, BAD_CAST "key");
		t = xmlNodeGetContent(n);
		len = strlen(g != NULL ? (char *)g : "") +
		    strlen(k != NULL ? (char *)k : "") + 2;
		if ((pairs[2 * i] = malloc(len)) != NULL)
			snprintf(pairs[2 * i], len, "%s.%s",
			    g != NULL ? (char *)g : "",
			    k != NULL ? (char *)k : "");
		pairs[2 * i + 1] = strdup(t != NULL ? (char *)t : "");
		xmlFree(g);
		xmlFree(k);
		xmlFree(t);
		i++;
	}
	xmlFreeDoc(doc);
	w->n = count;
	w->pairs = pairs;
	for (i = 0; i < count; i++)
		if (pairs[2 * i] == NULL || pairs[2 * i + 1] == NULL) {
			snprintf(err, errlen, "out of memory");
			words_free(w);
			return NULL;
		}
	qsort(pairs, count, 2 * sizeof(char *), cmp_word);
	for (i = 1; i < count; i++)
		if (strcmp(pairs[2 * i], pairs[2 * i - 2]) == 0) {
			snprintf(err, errlen, "%s: the words '%s' are given "
			    "twice", path, pairs[2 * i]);
			words_free(w);
			return NULL;
		}
	return w;
}

void
words_free(struct words *w)
{
	size_t	 i;

	if (w == NULL)
		return;
	for (i = 0; i < 2 * w->n; i++)
		free(w->pairs[i]);
	free(w->pairs);
	free(w);
}

/*
 * The elements of the monograph format that have no row in blocks[]: who
 * reads each (a top-level section, its parent's handler, the inline
 * content).  Every element of schema/monograph.xsd is in blocks[] or
 * here, never both (build/test_model checks, so that an element losing
 * its row fails a test instead of vanishing from every output).
 */
static const struct {
	const char	*name;
	const char	*by;
} read_by[] = {
	{ "monograph", "monograph()" },
	{ "meta", "monograph()" },
	{ "related", "collect_links()" },
	{ "reviewed", "monograph()" },
	{ "status", "monograph()" },
	{ "version", "monograph()" },
	{ "boxed-warning", "boxed()" },
	{ "sources", "refs()" },
	{ "source", "refs()" },
	{ "author", "refs()" },
	{ "publisher", "refs()" },
	{ "published", "refs()" },
	{ "updated", "refs()" },
	{ "spl", "refs()" },
	{ "url", "refs()" },
	{ "note", "refs()" },
	{ "abuse-and-dependence", "section()" },
	{ "adverse-effects", "section()" },
	{ "clinical-pharmacology", "section()" },
	{ "comparisons", "section()" },
	{ "contraindications", "section()" },
	{ "description", "section()" },
	{ "disclaimer", "section()" },
	{ "dosing", "section()" },
	{ "drug", "section()" },
	{ "faq", "section()" },
	{ "forms", "section()" },
	{ "interactions", "section()" },
	{ "overdose", "section()" },
	{ "populations", "section()" },
	{ "recent-changes", "section()" },
	{ "safe-use", "section()" },
	{ "supply", "section()" },
	{ "uses", "section()" },
	{ "warnings", "section()" },
	{ "withdrawal", "section()" },
	{ "brands", "section() of drug" },
	{ "brand", "section() of drug" },
	{ "generic-name", "section() of drug" },
	{ "drug-class", "section() of drug" },
	{ "ingredient", "section() of drug" },
	{ "legal-status", "drug_legal()" },
	{ "form", "section() of forms" },
	{ "strength", "form_row()" },
	{ "product", "form_row()" },
	{ "question", "section() of faq" },
	{ "answer", "section() of faq" },
	{ "alternative", "section() of comparisons" },
	{ "condition", "m_use()" },
	{ "agent", "m_interaction()" },
	{ "action", "m_interaction()" },
	{ "indication", "m_regimen()" },
	{ "screening", "m_regimen()" },
	{ "start", "m_regimen()" },
	{ "step", "m_regimen()" },
	{ "increase", "m_regimen()" },
	{ "titration", "m_regimen()" },
	{ "maintenance", "m_regimen()" },
	{ "maximum", "m_regimen()" },
	{ "max-duration", "m_regimen()" },
	{ "decrease", "m_taper()" },
	{ "duration", "m_taper()" },
	{ "item", "m_list()" },
	{ "title", "its parent's handler" },
	{ "caption", "the table's handler" },
	{ "thead", "the table's handler" },
	{ "tbody", "the table's handler" },
	{ "tr", "the table's handler" },
	{ "th", "the table's handler" },
	{ "td", "the table's handler" },
	{ "footnote", "the table's handler" },
	{ "cite", "inline_node()" },
	{ "em", "inline_node()" },
	{ "strong", "inline_node()" },
	{ "sub", "inline_node()" },
	{ "sup", "inline_node()" },
	{ "xref", "inline_node()" },
	{ "fnref", "inline_node()" },
	{ "br", "table_row() (body cells), inline_node() (head cells)" },
};

/*
 * Who builds the model of the monograph element name: "blocks[]" for one
 * with a row there, else what read_by[] names, else NULL.  *both is set
 * when it is in both (a mistake).
 */
const char *
model_reader(const char *name, int *both)
{
	const char	*by;
	size_t		 i;

	by = NULL;
	*both = 0;
	for (i = 0; i < sizeof(read_by) / sizeof(read_by[0]); i++)
		if (strcmp(read_by[i].name, name) == 0)
			by = read_by[i].by;
	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (strcmp(blocks[i].name, name) == 0) {
			*both = by != NULL;
			return "blocks[]";
		}
	return by;
}

/*
 * The model of the monograph doc; free it with xmlFreeDoc().  NULL with
 * *status MODEL_UNSUPPORTED for a document that is not a monograph (or
 * holds entity references), MODEL_NOMEM when memory ran out.
 */
xmlDocPtr
model_build(xmlDocPtr src, const struct words *words,
    enum model_status *status, char *err, size_t errlen)
{
	struct mb	 mb;
	xmlNodePtr	 root;

	memset(&mb, 0, sizeof(mb));
	mb.words = words;
	*err = '\0';
	root = xmlDocGetRootElement(src);
	if (root == NULL || !is_m(root, "monograph") ||
	    src->intSubset != NULL || src->extSubset != NULL) {
		*status = MODEL_UNSUPPORTED;
		return NULL;
	}
	/* as libxslt leaves its result, with xsl:output encoding UTF-8 */
	if ((mb.doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (mb.doc->dict = xmlDictCreate()) == NULL ||
	    (mb.doc->encoding = xmlStrdup(BAD_CAST "UTF-8")) == NULL) {
		xmlFreeDoc(mb.doc);
		*status = MODEL_NOMEM;
		return NULL;
	}
	build_cites(&mb, root);
	if (!mb.nomem)
		monograph(&mb, root);
	free(mb.scratch.p);
	free(mb.cites);
	free(mb.bynode);
	free(mb.byref);
	free(mb.sources);
	free(mb.linked);
	if (mb.nomem || mb.unsupported || mb.missing[0] != '\0') {
		xmlFreeDoc(mb.doc);
		*status = mb.nomem ? MODEL_NOMEM : mb.unsupported ?
		    MODEL_UNSUPPORTED : MODEL_NOWORDS;
		if (*status == MODEL_NOWORDS)
			snprintf(err, errlen, "xslt/words.xml has no words "
			    "'%s'", mb.missing);
		return NULL;
	}
	*status = MODEL_OK;
	return mb.doc;
}
