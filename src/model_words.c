/*
 * The document model: the words of xslt/words.xml (read once per run,
 * looked up by group and key) and the phrases built from them: doses,
 * amounts, intervals, durations, routes and forms.  A sentence the model
 * writes takes its English from here, never from a string in C.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "dom.h"
#include "model_int.h"

#define WNS	"urn:monoc:words:1"

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
const char *
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
const char *
lookup(struct mb *mb, const char *group, const char *key)
{
	const char	*w;

	return (w = word(mb, group, key)) != NULL ? w : key;
}

/*
 * The words for group and key, which words.xml must have: when it has
 * not, the model cannot be built (model_build() says which is missing).
 */
const char *
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

const char *
section_title(struct mb *mb, const char *name)
{
	return lookup(mb, "section", name);
}

/* The words of a route (absent: any route). */
const char *
route_words(struct mb *mb, const char *route)
{
	return lookup(mb, "route", route != NULL ? route : "");
}

/* The label of a disagreement note (any other kind: uncertain). */
const char *
disagreement_label(struct mb *mb, const char *kind)
{
	if (!eq(kind, "conflict") && !eq(kind, "label"))
		kind = "uncertain";
	return need(mb, "note", kind);
}

/* template form-words, route and kind being @route and @kind */
void
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
void
add_amount(struct mb *mb, struct buf *b, const char *low, const char *high,
    const char *unit)
{
	add_norm(mb, b, low != NULL ? low : "");
	if (high != NULL && !all_ws(high)) {
		str_add(mb, b, need(mb, "label", "range-to"));
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
		str_add(mb, b, need(mb, "label", "range-to"));
		str_add(mb, b, high);
	}
	str_add(mb, b, NBSP);
	str_add(mb, b, unit);
	str_add(mb, b, need(mb, "label", "plural"));
}

/* template dose-words, context n */
void
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
			str_add(mb, b, need(mb, "label", "times"));
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
void
add_duration(struct mb *mb, struct buf *b, const xmlNode *n)
{
	const char	*low, *high;

	if (eq(att(mb, n, "approximate"), "yes"))
		str_add(mb, b, need(mb, "label", "about"));
	low = att(mb, n, "low");
	high = att(mb, n, "high");
	str_add(mb, b, low != NULL ? low : "");
	if (high != NULL) {
		str_add(mb, b, need(mb, "label", "range-to"));
		str_add(mb, b, high);
	}
	str_add(mb, b, NBSP);
	str_add(mb, b, sat(mb, n, "unit"));
	if (high != NULL || !(number(low) == 1))
		str_add(mb, b, need(mb, "label", "plural"));
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
	    !dom_is_ns(root, WNS, "words")) {
		snprintf(err, errlen, "cannot read the words '%s': %s", path,
		    doc == NULL ? "not well-formed XML" :
		    "not a words file (<words xmlns=\"" WNS "\">)");
		xmlFreeDoc(doc);
		return NULL;
	}
	count = 0;
	for (n = root->children; n != NULL; n = n->next)
		if (dom_is_ns(n, WNS, "w"))
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
		if (!dom_is_ns(n, WNS, "w"))
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

