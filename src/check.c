/*
 * Rules beyond the schema.
 *
 * Each rule is a function in the table rules[] below, called with the
 * parsed document; it reports through diag_file_add_node() so the message
 * points at the offending element or attribute.  Rules must not assume the
 * document is schema-valid: they run on invalid documents too, so that one
 * run reports every problem.
 *
 * Rules across inputs (unique ids, references to other monographs) are
 * decided from the input list alone, in check_new(), so the result does
 * not depend on the order in which worker threads finish.  This works
 * because the id must equal the file stem: two inputs can only share an
 * id that is valid if they share a stem, and a monograph named by a
 * reference is in the set when an input has that stem.  The one rule
 * that needs another input's content (an interaction listed one way
 * only) runs in check_cross(), after check_run() has seen every input:
 * check_run() keeps each input's interaction agents in its own slot.
 *
 * The rules read format 2 (urn:monoc:monograph:2).  A format 1 document
 * gets one message, saying how to move it, and no other rule runs.
 *
 * A citation to an undeclared source is reported here ([unknown-source])
 * and not by the schema: schema.c drops libxml2's keyref error for
 * cite-ref, which says the same less clearly and is lost after a
 * content-model error.  Values the schema rejects (a ref that is not a
 * name, a unit not in the list, a malformed number or date) are left to
 * the schema's message and skipped here, so one defect gives one message.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "check.h"
#include "diag.h"
#include "dom.h"
#include "table.h"
#include "xmlmsg.h"

#define EXCERPT		40	/* characters of a statement quoted */
#define MINDUPLICATE	30	/* shorter statements may repeat */
#define MAXREPORTS	200	/* diag keeps no more messages per file */

/* An interaction agent that names a monograph, kept for check_cross(). */
struct link {
	char		*ref;		/* the monograph named */
	int		 line;		/* of its ref attribute */
	int		 col;
};

/*
 * What check_run() keeps of one input for check_cross(): each slot is
 * written only by the check_run() of its own input, and read only after
 * every check_run() has returned.
 */
struct links {
	int		 seen;		/* check_run() has read the input */
	struct link	*v;
	size_t		 n;
};

struct check {
	char		**paths;	/* the inputs, in order */
	char		**stems;
	size_t		 *first;	/* first input with the same stem */
	size_t		 *order;	/* inputs sorted by stem, for lookups */
	size_t		  n;
	long		  today;	/* days since 1970-01-01, or NODATE */
	char		  todaystr[16];	/* the same as YYYY-MM-DD */
	long		  max_age;	/* days before a review is stale */
	struct links	 *links;	/* one slot per input */
};

#define NODATE	(-1L - 0x7fffffffL)

#define NS_FORMAT1	"urn:monoc:monograph:1"

struct rule_ctx {
	const struct check	*check;
	xmlDocPtr		 doc;
	xmlNodePtr		 root;
	size_t			 input;
	struct diag_file	*df;
	const char		*code;		/* the running rule's code */
	xmlNodePtr		*stmts;		/* clinical statements, in order */
	size_t			 nstmts;
};

typedef void	rule_fn(struct rule_ctx *);

static rule_fn	rule_id_stem;
static rule_fn	rule_id_unique;
static rule_fn	rule_anchor_clash;
static rule_fn	rule_unknown_source;
static rule_fn	rule_uncited_source;
static rule_fn	rule_uncited_statement;
static rule_fn	rule_duplicate_statement;
static rule_fn	rule_unit_mismatch;
static rule_fn	rule_maximum_below_start;
static rule_fn	rule_duplicate_maximum;
static rule_fn	rule_bad_cap;
static rule_fn	rule_bad_range;
static rule_fn	rule_missing_unit;
static rule_fn	rule_bad_criterion;
static rule_fn	rule_missing_withdrawal;
static rule_fn	rule_missing_intrathecal;
static rule_fn	rule_contradicting_none;
static rule_fn	rule_duplicate_taper;
static rule_fn	rule_missing_contraindications;
static rule_fn	rule_future_review;
static rule_fn	rule_stale_review;
static rule_fn	rule_duplicate_interaction;
static rule_fn	rule_dangling_xref;
static rule_fn	rule_table_shape;
static rule_fn	rule_unknown_monograph;
static rule_fn	rule_unlinked_monograph;
static rule_fn	rule_unknown_ingredient;
static rule_fn	rule_form_route;
static rule_fn	rule_missing_class;

/* The rules, run in this order.  Add new ones here. */
static const struct rule {
	const char	*code;
	rule_fn		*fn;
} rules[] = {
	{ "id-mismatch",		rule_id_stem },
	{ "duplicate-id",		rule_id_unique },
	{ "anchor-clash",		rule_anchor_clash },
	{ "unknown-source",		rule_unknown_source },
	{ "uncited-source",		rule_uncited_source },
	{ "uncited-statement",		rule_uncited_statement },
	{ "duplicate-statement",	rule_duplicate_statement },
	{ "unit-mismatch",		rule_unit_mismatch },
	{ "maximum-below-start",	rule_maximum_below_start },
	{ "duplicate-maximum",		rule_duplicate_maximum },
	{ "bad-cap",			rule_bad_cap },
	{ "bad-range",			rule_bad_range },
	{ "missing-unit",		rule_missing_unit },
	{ "bad-criterion",		rule_bad_criterion },
	{ "missing-withdrawal",		rule_missing_withdrawal },
	{ "missing-intrathecal-withdrawal", rule_missing_intrathecal },
	{ "contradicting-none",		rule_contradicting_none },
	{ "duplicate-taper",		rule_duplicate_taper },
	{ "missing-contraindications",	rule_missing_contraindications },
	{ "future-review",		rule_future_review },
	{ "stale-review",		rule_stale_review },
	{ "duplicate-interaction",	rule_duplicate_interaction },
	{ "dangling-xref",		rule_dangling_xref },
	{ "table-shape",		rule_table_shape },
	{ "unknown-monograph",		rule_unknown_monograph },
	{ "unlinked-monograph",		rule_unlinked_monograph },
	{ "unknown-ingredient",		rule_unknown_ingredient },
	{ "form-route-mismatch",	rule_form_route },
	{ "missing-drug-class",		rule_missing_class },
};

/*
 * The top-level sections that hold clinical statements, which are also
 * the targets of xref to="..." (with sources, which holds none).  meta
 * and the disclaimer are not clinical statements; the top-level general
 * sections (section) are, but have no name to point at.
 */
static const char *const sections[] = {
	"drug", "boxed-warning", "recent-changes", "uses", "dosing", "forms",
	"contraindications", "warnings", "adverse-effects", "interactions",
	"populations", "abuse-and-dependence", "withdrawal", "overdose",
	"description", "clinical-pharmacology", "supply", "safe-use",
	"comparisons", "faq", NULL
};

/*
 * The elements that make a clinical statement and must cite a source.
 * Labels (condition, title, question, alternative, agent, indication,
 * generic-name, caption's table aside) are not statements; a table is
 * one statement, cited anywhere in it.  An interaction's mechanism is a
 * statement (clinical-pharmacology's mechanism is a section): see
 * is_statement().
 */
static const char *const statements[] = {
	"p", "item", "quote", "table", "disagreement", "none", "summary",
	"change", "effect", "sign", "symptom", "risk-factor", "advice",
	"titration", "study", "case-report", "trial", "strength", "brand",
	"ingredient", "contraindication", "screening", "start", "step",
	"increase", "decrease", "maintenance", "maximum", "max-duration",
	"peak-time", "half-life", "elimination-time", "clearance",
	"bioavailability", "food-effect", "protein-binding",
	"distribution-volume", "metabolism", "enzyme", "excretion", "onset",
	"drug-class", "position", "action", "duration", "package", "storage",
	NULL
};

/* The dose elements of a regimen. */
static const char *const doses[] = {
	"screening", "start", "step", "increase", "maintenance", "maximum",
	NULL
};

/* The elements that name another monograph in ref="...". */
static const char *const monograph_refs[] = {
	"related", "agent", "alternative", NULL
};

enum family {
	FAM_MASS,
	FAM_VOLUME,
	FAM_UNITS,
	FAM_MEQ,
	FAM_MMOL,
	FAM_PERKG,
	FAM_PERM2,
	FAM_COUNT,
	FAM_DOSES,
	FAM_PERCENT
};

/* The unit each family is compared in. */
static const char *const family_base[] = {
	"mg", "mL", "units", "mEq", "mmol", "mg/kg", "mg/m2", "dosage units",
	"doses", "%"
};

static const char *const family_names[] = {
	"a mass (mg, mcg, g)",
	"a volume (mL)",
	"a number of units (units)",
	"an amount in milliequivalents (mEq)",
	"an amount in millimoles (mmol)",
	"a dose per kilogram (mg/kg, mcg/kg)",
	"a dose per square metre (mg/m2)",
	("a number of dosage units (tablet, capsule, packet, drop, spray, "
	    "puff, patch, application)"),
	"a number of doses (dose)",
	"a percentage (%)"
};

/* The dose units, each in its family with its size in the family's base. */
static const struct unit {
	const char	*name;
	enum family	 family;
	double		 scale;
} units[] = {
	{ "mg",		FAM_MASS,	1 },
	{ "mcg",	FAM_MASS,	0.001 },
	{ "g",		FAM_MASS,	1000 },
	{ "mL",		FAM_VOLUME,	1 },
	{ "units",	FAM_UNITS,	1 },
	{ "mEq",	FAM_MEQ,	1 },
	{ "mmol",	FAM_MMOL,	1 },
	{ "mg/kg",	FAM_PERKG,	1 },
	{ "mcg/kg",	FAM_PERKG,	0.001 },
	{ "mg/m2",	FAM_PERM2,	1 },
	{ "tablet",	FAM_COUNT,	1 },
	{ "capsule",	FAM_COUNT,	1 },
	{ "packet",	FAM_COUNT,	1 },
	{ "drop",	FAM_COUNT,	1 },
	{ "spray",	FAM_COUNT,	1 },
	{ "puff",	FAM_COUNT,	1 },
	{ "patch",	FAM_COUNT,	1 },
	{ "application", FAM_COUNT,	1 },
	{ "dose",	FAM_DOSES,	1 },
	{ "%",		FAM_PERCENT,	1 },
};

/* Time units in hours, for intervals. */
static const struct {
	const char	*name;
	double		 hours;
} time_units[] = {
	{ "minute", 1.0 / 60 }, { "hour", 1 }, { "day", 24 },
	{ "week", 168 }, { "month", 720 }, { "year", 8766 },
};

/* The base name of path without a trailing ".xml"; the caller frees. */
char *
check_stem(const char *path)
{
	const char	*base;
	char		*stem;
	size_t		 len;

	base = strrchr(path, '/');
	base = base == NULL ? path : base + 1;
	if ((stem = strdup(base)) == NULL)
		return NULL;
	len = strlen(stem);
	if (len > 4 && strcmp(stem + len - 4, ".xml") == 0)
		stem[len - 4] = '\0';
	return stem;
}

static const char *const *sort_stems;

static int
cmp_stem(const void *a, const void *b)
{
	size_t	 i = *(const size_t *)a, j = *(const size_t *)b;
	int	 c;

	if ((c = strcmp(sort_stems[i], sort_stems[j])) != 0)
		return c;
	return i < j ? -1 : i > j;
}

/*
 * Prepare the checks for a run over the n inputs paths[].  Called once in
 * the main thread; check_run() then writes only its own input's slot of
 * links, and check_cross() only reads.
 */
struct check *
check_new(char *const paths[], size_t n)
{
	struct check	*check;
	size_t		*order, i;

	if ((check = calloc(1, sizeof(*check))) == NULL)
		return NULL;
	check->n = n;
	check->today = NODATE;
	check->max_age = 1095;
	if ((check->paths = calloc(n + 1, sizeof(char *))) == NULL ||
	    (check->stems = calloc(n + 1, sizeof(char *))) == NULL ||
	    (check->first = calloc(n + 1, sizeof(size_t))) == NULL ||
	    (check->links = calloc(n + 1, sizeof(struct links))) == NULL ||
	    (check->order = calloc(n + 1, sizeof(size_t))) == NULL)
		goto fail;
	order = check->order;
	for (i = 0; i < n; i++) {
		check->paths[i] = paths[i];
		if ((check->stems[i] = check_stem(paths[i])) == NULL)
			goto fail;
		order[i] = i;
	}
	/* qsort has no context argument; check_new runs before threads. */
	sort_stems = (const char *const *)check->stems;
	qsort(order, n, sizeof(*order), cmp_stem);
	for (i = 0; i < n; i++)
		check->first[order[i]] = i > 0 && strcmp(check->stems[order[i]],
		    check->stems[order[i - 1]]) == 0 ?
		    check->first[order[i - 1]] : order[i];
	return check;
fail:
	check_free(check);
	return NULL;
}

/* Free what check_run() kept of one input. */
static void
links_clear(struct links *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].ref);
	free(l->v);
	l->v = NULL;
	l->n = 0;
	l->seen = 0;
}

void
check_free(struct check *check)
{
	size_t	 i;

	if (check == NULL)
		return;
	if (check->stems != NULL)
		for (i = 0; i < check->n; i++)
			free(check->stems[i]);
	if (check->links != NULL)
		for (i = 0; i < check->n; i++)
			links_clear(&check->links[i]);
	free(check->links);
	free(check->stems);
	free(check->paths);
	free(check->first);
	free(check->order);
	free(check);
}

/*
 * The first input whose stem is name, or -1 when the run has none: the
 * monograph a reference by id names.
 */
static long
find_stem(const struct check *check, const char *name)
{
	size_t	 lo, hi, mid;
	int	 c;

	lo = 0;
	hi = check->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(check->stems[check->order[mid]], name);
		if (c == 0)
			return (long)check->first[check->order[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * Days from 1970-01-01 to the given date of the proleptic Gregorian
 * calendar (negative before), for any year.
 */
long
check_days(int year, int month, int day)
{
	long		 y, era;
	unsigned long	 yoe, doy, doe;

	y = (long)year - (month <= 2);
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned long)(y - era * 400);
	doy = (153 * (unsigned long)(month > 2 ? month - 3 : month + 9) + 2) /
	    5 + (unsigned long)day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

/*
 * Set "today" for the review rules, and the age in days after which a
 * review is stale.  Until this is called the review rules do nothing.
 */
void
check_set_review(struct check *check, int year, int month, int day,
    long max_age)
{
	check->today = check_days(year, month, day);
	snprintf(check->todaystr, sizeof(check->todaystr), "%04d-%02d-%02d",
	    year, month, day);
	check->max_age = max_age;
}

/* Is s in the NULL-ended list? */
static int
in_list(const char *s, const char *const list[])
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

/* Is n an element whose name is in the NULL-ended list? */
static int
named_in(xmlNodePtr n, const char *const list[])
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    in_list((const char *)n->name, list);
}

/*
 * The node after n in document order inside top, not descending into n
 * when skip is set; NULL at the end.  Iterative, so that deep nesting in
 * a hostile input costs no stack.
 */
static xmlNodePtr
walk(xmlNodePtr n, xmlNodePtr top, int skip)
{
	if (!skip && n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != NULL && n != top) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* The value of attribute attr with surrounding space removed, or NULL. */
static char *
attr_value(xmlNodePtr n, const char *attr)
{
	xmlChar		*v;
	char		*s, *b;
	size_t		 len;

	if ((v = xmlGetProp(n, BAD_CAST attr)) == NULL)
		return NULL;
	for (b = (char *)v; isspace((unsigned char)*b); b++)
		continue;
	len = strlen(b);
	while (len > 0 && isspace((unsigned char)b[len - 1]))
		len--;
	s = strndup(b, len);
	xmlFree(v);
	return s;
}

/*
 * Read attribute attr as a non-negative decimal number into *v.  Returns
 * 1 when read, 0 when absent, -1 when malformed (the schema reports it).
 */
static int
attr_number(xmlNodePtr n, const char *attr, double *v)
{
	char	*s, *p, *end;
	int	 ret;

	if ((s = attr_value(n, attr)) == NULL)
		return 0;
	ret = -1;
	for (p = s; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p) && *p != '.' && *p != '+')
			goto out;
	if (*s == '\0')
		goto out;
	*v = strtod(s, &end);
	if (*end == '\0')
		ret = 1;
out:
	free(s);
	return ret;
}

/*
 * The line and column of element n's start tag (or of its attribute
 * attr), as messages about it give them.
 */
static void
node_pos(const struct rule_ctx *c, xmlNodePtr n, const char *attr,
    int *line, int *col)
{
	char	 name[256];

	*line = xmlGetLineNo(n);
	*col = 0;
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(name, sizeof(name), "%s:%s", n->ns->prefix, n->name);
	else
		snprintf(name, sizeof(name), "%s", n->name);
	diag_file_locate(c->df, line, col, name, attr);
	if (*line < 0)
		*line = 0;
	if (*col < 0)
		*col = 0;
}

/*
 * The line of element n's start tag (or of its attribute attr), which
 * messages give when they refer to another element.
 */
static int
node_line(const struct rule_ctx *c, xmlNodePtr n, const char *attr)
{
	int	 line, col;

	node_pos(c, n, attr, &line, &col);
	return line;
}

/*
 * The text of a statement without its cites and cross-references, or
 * NULL when out of memory; the caller frees.
 */
static char *
statement_text(xmlNodePtr stmt)
{
	xmlBufferPtr	 buf;
	xmlNodePtr	 n;
	char		*s;
	int		 skip;

	if ((buf = xmlBufferCreate()) == NULL)
		return NULL;
	for (n = stmt->children; n != NULL; n = walk(n, stmt, skip)) {
		skip = dom_is(n, "cite") || dom_is(n, "xref");
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
			xmlBufferCat(buf, n->content);
	}
	s = strdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

/*
 * Write the start of text into buf for quoting in a message: white space
 * collapsed, at most EXCERPT characters, "..." when cut.
 */
static void
excerpt(char *buf, size_t sz, const char *text)
{
	size_t	 len, chars;

	len = 0;
	chars = 0;
	while (*text != '\0' && len + 8 < sz) {
		if (isspace((unsigned char)*text)) {
			text += strspn(text, " \t\r\n");
			if (len > 0 && *text != '\0')
				buf[len++] = ' ';
			continue;
		}
		if (((unsigned char)*text & 0xc0) != 0x80 &&
		    ++chars > EXCERPT)
			break;
		buf[len++] = *text++;
	}
	if (*text != '\0') {
		while (len > 0 && buf[len - 1] == ' ')
			len--;
		memcpy(buf + len, "...", 3);
		len += 3;
	}
	buf[len] = '\0';
}

/*
 * Has the file had as many messages as diag keeps?  Rules that report
 * item by item stop then, so that a hostile input with a million bad
 * items costs no more than one with two hundred.
 */
static int
full(const struct rule_ctx *c)
{
	return diag_file_count(c->df) >= MAXREPORTS;
}

/*
 * Does element n hold a cite?  A list item's own text counts, not the
 * items of a list nested in it (they are statements of their own).
 */
static int
has_cite(xmlNodePtr n)
{
	xmlNodePtr	 d;
	int		 skip;

	for (d = n->children; d != NULL; d = walk(d, n, skip)) {
		if (dom_is(d, "cite"))
			return 1;
		skip = dom_is(n, "item") && dom_is(d, "list");
	}
	return 0;
}

/* Is n a clinical statement element? */
static int
is_statement(xmlNodePtr n)
{
	if (dom_is(n, "mechanism"))
		return dom_is(n->parent, "interaction");
	return named_in(n, statements);
}

/*
 * Collect the clinical statements of the document in document order:
 * the statement elements inside the top-level sections, general ones
 * included.  The walk does not descend into a statement, but for a list
 * item, whose nested list holds statements of its own.
 */
static int
collect_statements(struct rule_ctx *c)
{
	xmlNodePtr	 sec, n;
	void		*p;
	size_t		 cap;
	int		 stmt;

	cap = 0;
	for (sec = xmlFirstElementChild(c->root); sec != NULL;
	    sec = xmlNextElementSibling(sec)) {
		if (!named_in(sec, sections) && !dom_is(sec, "section"))
			continue;
		for (n = sec->children; n != NULL;
		    n = walk(n, sec, stmt && !dom_is(n, "item"))) {
			if ((stmt = is_statement(n)) == 0)
				continue;
			if (c->nstmts == cap) {
				cap = cap ? cap * 2 : 64;
				if ((p = realloc(c->stmts,
				    cap * sizeof(*c->stmts))) == NULL)
					return -1;
				c->stmts = p;
			}
			c->stmts[c->nstmts++] = n;
		}
	}
	return 0;
}

/* A string with the node it came from, for sorting and finding twins. */
struct keyed {
	char		*key;
	xmlNodePtr	 node;
	size_t		 order;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_keyed(struct keyed *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}

/* The declared source ids, sorted; NULL when there is no sources. */
static char **
source_ids(const struct rule_ctx *c, size_t *np)
{
	xmlNodePtr	 sources, n;
	char		**ids;
	size_t		 cnt;

	*np = 0;
	if ((sources = dom_child(c->root, "sources")) == NULL)
		return NULL;
	cnt = 0;
	for (n = xmlFirstElementChild(sources); n != NULL;
	    n = xmlNextElementSibling(n))
		cnt++;
	if ((ids = calloc(cnt + 1, sizeof(*ids))) == NULL)
		return NULL;
	for (n = xmlFirstElementChild(sources); n != NULL;
	    n = xmlNextElementSibling(n))
		if (dom_is(n, "source") &&
		    (ids[*np] = attr_value(n, "id")) != NULL)
			(*np)++;
	qsort(ids, *np, sizeof(*ids), cmp_str);
	return ids;
}

static void
free_strings(char **v, size_t n)
{
	size_t	 i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The sorted refs of every cite in the document. */
static char **
cite_refs(const struct rule_ctx *c, size_t *np)
{
	xmlNodePtr	 n;
	char		**refs, *r;
	void		*p;
	size_t		 cap;

	*np = 0;
	cap = 64;
	if ((refs = calloc(cap, sizeof(*refs))) == NULL)
		return NULL;
	for (n = c->root; n != NULL; n = walk(n, c->root, 0)) {
		if (!dom_is(n, "cite") || (r = attr_value(n, "ref")) == NULL)
			continue;
		if (*np == cap) {
			if ((p = realloc(refs, 2 * cap * sizeof(*refs))) ==
			    NULL) {
				free(r);
				break;
			}
			refs = p;
			cap *= 2;
		}
		refs[(*np)++] = r;
	}
	qsort(refs, *np, sizeof(*refs), cmp_str);
	return refs;
}

static int
contains(char *const *v, size_t n, const char *s)
{
	return n > 0 && bsearch(&s, v, n, sizeof(*v), cmp_str) != NULL;
}

/* The root's id attribute equals the file stem. */
static void
rule_id_stem(struct rule_ctx *c)
{
	const char	*stem = c->check->stems[c->input];
	xmlChar		*id;

	if ((id = xmlGetProp(c->root, BAD_CAST "id")) == NULL)
		return;		/* the schema reports a missing id */
	if (strcmp((char *)id, stem) != 0)
		diag_file_add_node(c->df, DIAG_ERROR, c->root, "id",
		    c->code, "monograph id '%s' does not match the "
		    "file name; rename the file to '%s.xml' or set id='%s'",
		    (char *)id, (char *)id, stem);
	xmlFree(id);
}

/* No two inputs of one run have the same id. */
static void
rule_id_unique(struct rule_ctx *c)
{
	const struct check	*ck = c->check;
	size_t			 first = ck->first[c->input];
	xmlChar			*id;

	if (first == c->input ||
	    (id = xmlGetProp(c->root, BAD_CAST "id")) == NULL)
		return;
	if (strcmp((char *)id, ck->stems[c->input]) == 0)
		diag_file_add_node(c->df, DIAG_ERROR, c->root, "id",
		    c->code, "monograph id '%s' is also used by "
		    "'%s'", (char *)id, ck->paths[first]);
	xmlFree(id);
}

/*
 * No two ids of a monograph give one anchor of its HTML page (those of
 * its sections, tables and rows): the page
 * keeps letters, digits, - and _ of an id and makes any other character
 * a - (xslt/html.xsl, template html-id), so "a.b" and "a-b" would be one
 * id="a-b" and a link to the second would land on the first.
 */
static void
rule_anchor_clash(struct rule_ctx *c)
{
	xmlHashTablePtr	 seen;
	xmlNodePtr	 n, first;
	xmlChar		*id;
	char		*p;

	if ((seen = xmlHashCreate(64)) == NULL)
		return;
	for (n = walk(c->root, c->root, 0); n != NULL && !full(c);
	    n = walk(n, c->root, 0)) {
		/* footnotes, forms and sources are no anchors of the page */
		if (n->type != XML_ELEMENT_NODE || dom_is(n, "footnote") ||
		    dom_is(n, "form") || dom_is(n, "source") ||
		    (id = xmlGetNoNsProp(n, BAD_CAST "id")) == NULL)
			continue;
		for (p = (char *)id; *p != '\0'; p++)
			if (!isalnum((unsigned char)*p) && *p != '-' &&
			    *p != '_')
				*p = '-';
		if ((first = xmlHashLookup(seen, id)) == NULL)
			xmlHashAddEntry(seen, id, n);
		else {
			xmlChar	*a, *b;

			a = xmlGetNoNsProp(first, BAD_CAST "id");
			b = xmlGetNoNsProp(n, BAD_CAST "id");
			if (a != NULL && b != NULL && !xmlStrEqual(a, b))
				diag_file_add_node(c->df, DIAG_ERROR, n, "id",
				    c->code, "id '%s' gives the HTML anchor "
				    "'%s', as id '%s' on line %ld does (an "
				    "anchor keeps letters, digits, - and _, and "
				    "makes any other character a -); rename one "
				    "of them", (char *)b, (char *)id, (char *)a,
				    xmlGetLineNo(first));
			xmlFree(a);
			xmlFree(b);
		}
		xmlFree(id);
	}
	xmlHashFree(seen, NULL);
}

/*
 * Every cite names a declared source.  Refs that are not names are the
 * schema's (bad-value); without a sources section every cite would be
 * reported, so the schema's missing-element message is left alone.
 */
static void
rule_unknown_source(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	char		**ids, *ref;
	const char	*best;
	size_t		 nids, i;
	int		 d, bestd;

	if ((ids = source_ids(c, &nids)) == NULL)
		return;
	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!dom_is(n, "cite") || (ref = attr_value(n, "ref")) == NULL)
			continue;
		if (xmlValidateNCName(BAD_CAST ref, 0) != 0 ||
		    contains(ids, nids, ref)) {
			free(ref);
			continue;
		}
		best = NULL;
		bestd = 3;
		for (i = 0; i < nids; i++)
			if ((d = xmlmsg_distance(ref, ids[i])) < bestd &&
			    (size_t)d < strlen(ref)) {
				bestd = d;
				best = ids[i];
			}
		if (best != NULL)
			diag_file_add_node(c->df, DIAG_ERROR, n, "ref", c->code,
			    "citation '%s' names no declared source; did you "
			    "mean '%s'?", ref, best);
		else
			diag_file_add_node(c->df, DIAG_ERROR, n, "ref", c->code,
			    "citation '%s' names no declared source; add "
			    "<source id=\"%s\"> to sources or correct the ref",
			    ref, ref);
		free(ref);
	}
	free_strings(ids, nids);
}

/* Every declared source is cited at least once. */
static void
rule_uncited_source(struct rule_ctx *c)
{
	xmlNodePtr	 sources, n;
	char		**refs, *id;
	size_t		 nrefs;

	if ((sources = dom_child(c->root, "sources")) == NULL ||
	    (refs = cite_refs(c, &nrefs)) == NULL)
		return;
	for (n = xmlFirstElementChild(sources); n != NULL && !full(c);
	    n = xmlNextElementSibling(n)) {
		if (!dom_is(n, "source") || (id = attr_value(n, "id")) == NULL)
			continue;
		if (*id != '\0' && !contains(refs, nrefs, id))
			diag_file_add_node(c->df, DIAG_ERROR, n, "id", c->code,
			    "source '%s' is never cited; cite it after the "
			    "statements it supports, or remove it", id);
		free(id);
	}
	free_strings(refs, nrefs);
}

/* Every clinical statement cites a source; the disclaimer is exempt. */
static void
rule_uncited_statement(struct rule_ctx *c)
{
	char	 ex[EXCERPT * 4 + 8];
	char	*text;
	size_t	 i;

	for (i = 0; i < c->nstmts && !full(c); i++) {
		if (has_cite(c->stmts[i]))
			continue;
		if ((text = statement_text(c->stmts[i])) == NULL)
			return;
		excerpt(ex, sizeof(ex), text);
		if (*ex != '\0')
			diag_file_add_node(c->df, DIAG_ERROR, c->stmts[i], NULL,
			    c->code, "statement '%s' in element '%s' cites no "
			    "source; end it with <cite ref=\"ID\"/> naming "
			    "its source", ex, c->stmts[i]->name);
		else
			diag_file_add_node(c->df, DIAG_ERROR, c->stmts[i], NULL,
			    c->code, "element '%s' cites no source; add "
			    "<cite ref=\"ID\"/> naming its source",
			    c->stmts[i]->name);
		free(text);
	}
}

/*
 * The text of a statement for comparison: cites dropped, letters folded
 * to lower case, each run of white space and punctuation made one space.
 */
static char *
normalise(xmlNodePtr stmt)
{
	char	*s, *p, *q;

	if ((s = statement_text(stmt)) == NULL)
		return NULL;
	for (p = q = s; *p != '\0'; p++) {
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			*q++ = tolower((unsigned char)*p);
		else if (q > s && q[-1] != ' ')
			*q++ = ' ';
	}
	if (q > s && q[-1] == ' ')
		q--;
	*q = '\0';
	return s;
}

/*
 * A statement made twice is flagged at the second.  Short ones (symptom
 * names repeated in different lists) are left alone.
 */
static void
rule_duplicate_statement(struct rule_ctx *c)
{
	struct keyed	*v;
	char		 ex[EXCERPT * 4 + 8];
	char		*text;
	size_t		 i, n, first;

	if ((v = calloc(c->nstmts + 1, sizeof(*v))) == NULL)
		return;
	n = 0;
	for (i = 0; i < c->nstmts; i++) {
		if ((v[n].key = normalise(c->stmts[i])) == NULL)
			break;
		if (strlen(v[n].key) < MINDUPLICATE) {
			free(v[n].key);
			continue;
		}
		v[n].node = c->stmts[i];
		v[n].order = i;
		n++;
	}
	qsort(v, n, sizeof(*v), cmp_keyed);
	for (first = 0, i = 1; i < n && !full(c); i++) {
		if (strcmp(v[i].key, v[first].key) != 0) {
			first = i;
			continue;
		}
		if ((text = statement_text(v[i].node)) == NULL)
			break;
		excerpt(ex, sizeof(ex), text);
		free(text);
		diag_file_add_node(c->df, DIAG_WARNING, v[i].node, NULL,
		    c->code, "statement '%s' repeats the one on line %d; "
		    "keep one, or say what differs", ex,
		    node_line(c, v[first].node, NULL));
	}
	free_keyed(v, n);
}

/* The unit of dose element n, or NULL when absent or not in the list. */
static const struct unit *
dose_unit(xmlNodePtr n)
{
	const struct unit	*u;
	char			*s;
	size_t			 i;

	if ((s = attr_value(n, "unit")) == NULL)
		return NULL;
	u = NULL;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].name, s) == 0)
			u = &units[i];
	free(s);
	return u;
}

/* A time unit's length in hours, or 0 when absent or not in the list. */
static double
attr_hours(xmlNodePtr n, const char *attr)
{
	char	*s;
	double	 h;
	size_t	 i;

	if ((s = attr_value(n, attr)) == NULL)
		return 0;
	h = 0;
	for (i = 0; i < sizeof(time_units) / sizeof(time_units[0]); i++)
		if (strcmp(time_units[i].name, s) == 0)
			h = time_units[i].hours;
	free(s);
	return h;
}

/*
 * Do the doses of this family compare with others?  A count of doses and
 * a change in percent sit beside amounts of any family.
 */
static int
comparable(const struct unit *u)
{
	return u != NULL && u->family != FAM_DOSES &&
	    u->family != FAM_PERCENT;
}

/* All doses of a regimen use one family of units. */
static void
rule_unit_mismatch(struct rule_ctx *c)
{
	const struct unit	*u, *ref;
	xmlNodePtr		 reg, n, refnode;

	for (reg = xmlFirstElementChild(dom_child(c->root, "dosing"));
	    reg != NULL; reg = xmlNextElementSibling(reg)) {
		if (!dom_is(reg, "regimen"))
			continue;
		ref = NULL;
		refnode = NULL;
		for (n = xmlFirstElementChild(reg); n != NULL;
		    n = xmlNextElementSibling(n)) {
			if (!named_in(n, doses) ||
			    !comparable(u = dose_unit(n)))
				continue;
			if (ref == NULL) {
				ref = u;
				refnode = n;
			} else if (u->family != ref->family)
				diag_file_add_node(c->df, DIAG_ERROR, n,
				    "unit", c->code, "unit '%s' of element "
				    "'%s' is %s, but element '%s' on line %d "
				    "gives %s ('%s'); give every dose of a "
				    "regimen in one family of units", u->name,
				    n->name, family_names[u->family],
				    refnode->name, node_line(c, refnode,
				    "unit"), family_names[ref->family],
				    ref->name);
		}
	}
}

enum basis {
	BASIS_NONE,	/* cannot be compared */
	BASIS_DOSE,	/* an amount per dose */
	BASIS_DAY	/* an amount per day */
};

static void	append(char *buf, size_t sz, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* Append the printf-style text to buf, of size sz, as far as it fits. */
static void
append(char *buf, size_t sz, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 len;

	if ((len = strlen(buf)) + 1 >= sz)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, sz - len, fmt, ap);
	va_end(ap);
}

/*
 * The largest amount dose element n allows, in the base unit of its
 * family: per day when it gives times per hour, day, 24 hours, week or
 * month, or an interval (every 6 hours is four doses a day, counted at
 * the shortest interval), per dose when it gives neither.  Also describes
 * it as written into buf.
 */
static enum basis
dose_amount(xmlNodePtr n, double *amount, enum family *fam, char *buf,
    size_t sz)
{
	static const struct {
		const char	*name;
		double		 perday;
	} periods[] = {
		{ "minute", 1440 }, { "hour", 24 }, { "day", 1 },
		{ "24-hours", 1 }, { "week", 1.0 / 7 }, { "month", 1.0 / 30 },
	};
	const struct unit	*u;
	enum basis		 basis;
	double			 low, high, times, factor, every, hours;
	char			*per, *iu;
	size_t			 i;
	int			 hashigh, hastimes, hasevery;

	if ((u = dose_unit(n)) == NULL || attr_number(n, "low", &low) != 1 ||
	    (hashigh = attr_number(n, "high", &high)) == -1 ||
	    (hastimes = attr_number(n, "times", &times)) == -1 ||
	    (hasevery = attr_number(n, "interval", &every)) == -1)
		return BASIS_NONE;
	if (hashigh == 0)
		high = low;
	if (hastimes == 0)
		times = 1;
	if (times < 1)
		return BASIS_NONE;
	hours = attr_hours(n, "interval-unit");
	per = attr_value(n, "per");
	basis = BASIS_DAY;
	factor = times;
	if (per == NULL || strcmp(per, "dose") == 0) {
		if (hastimes)
			basis = BASIS_NONE;
		else if (hasevery && every > 0 && hours > 0)
			factor = 24 / (every * hours);
		else if (hasevery)
			basis = BASIS_NONE;
		else
			basis = BASIS_DOSE;
	} else {
		for (i = 0; i < sizeof(periods) / sizeof(periods[0]); i++)
			if (strcmp(per, periods[i].name) == 0)
				break;
		if (i == sizeof(periods) / sizeof(periods[0]))
			basis = BASIS_NONE;
		else
			factor *= periods[i].perday;
	}
	*amount = high * u->scale * (basis == BASIS_DAY ? factor : 1);
	*fam = u->family;
	if (hashigh)
		snprintf(buf, sz, "%g to %g %s", low, high, u->name);
	else
		snprintf(buf, sz, "%g %s", low, u->name);
	if (hastimes)
		append(buf, sz, " %g times", times);
	if (per != NULL)
		append(buf, sz, " per %s", per);
	if (hasevery && (iu = attr_value(n, "interval-unit")) != NULL) {
		append(buf, sz, " every %g %s", every, iu);
		free(iu);
	}
	free(per);
	return basis;
}

/* No maximum of a regimen is below its starting dose. */
static void
rule_maximum_below_start(struct rule_ctx *c)
{
	xmlNodePtr	 reg, start, max;
	enum family	 fs, fm;
	enum basis	 bs, bm;
	double		 as, am;
	char		 ds[128], dm[128];

	for (reg = xmlFirstElementChild(dom_child(c->root, "dosing"));
	    reg != NULL; reg = xmlNextElementSibling(reg)) {
		if (!dom_is(reg, "regimen") ||
		    (start = dom_child(reg, "start")) == NULL ||
		    !comparable(dose_unit(start)))
			continue;
		bs = dose_amount(start, &as, &fs, ds, sizeof(ds));
		for (max = xmlFirstElementChild(reg); max != NULL;
		    max = xmlNextElementSibling(max)) {
			if (!dom_is(max, "maximum") ||
			    !comparable(dose_unit(max)))
				continue;
			bm = dose_amount(max, &am, &fm, dm, sizeof(dm));
			if (bs == BASIS_NONE || bs != bm || fs != fm ||
			    am >= as * (1 - 1e-9))
				continue;
			diag_file_add_node(c->df, DIAG_ERROR, max, "low",
			    c->code, "maximum dose '%s' is below the starting "
			    "dose '%s' on line %d (%g %s against %g %s a %s); "
			    "correct the figures or their units", dm, ds,
			    node_line(c, start, NULL), am, family_base[fm],
			    as, family_base[fs],
			    bm == BASIS_DAY ? "day" : "dose");
		}
	}
}

/*
 * A regimen gives one maximum per period: one per dose (the single-dose
 * cap), one per day, one number of doses per 24 hours, and so on.
 */
static void
rule_duplicate_maximum(struct rule_ctx *c)
{
	xmlNodePtr	 reg, a, b;
	char		*pa, *pb, *ua, *ub;
	int		 same;

	for (reg = xmlFirstElementChild(dom_child(c->root, "dosing"));
	    reg != NULL; reg = xmlNextElementSibling(reg)) {
		if (!dom_is(reg, "regimen"))
			continue;
		for (b = xmlFirstElementChild(reg); b != NULL;
		    b = xmlNextElementSibling(b)) {
			if (!dom_is(b, "maximum"))
				continue;
			pb = attr_value(b, "per");
			ub = attr_value(b, "unit");
			for (a = xmlFirstElementChild(reg); a != b;
			    a = xmlNextElementSibling(a)) {
				if (!dom_is(a, "maximum"))
					continue;
				pa = attr_value(a, "per");
				ua = attr_value(a, "unit");
				same = strcmp(pa ? pa : "dose",
				    pb ? pb : "dose") == 0 &&
				    (strcmp(ua ? ua : "", "dose") == 0) ==
				    (strcmp(ub ? ub : "", "dose") == 0);
				free(pa);
				free(ua);
				if (!same)
					continue;
				diag_file_add_node(c->df, DIAG_ERROR, b, NULL,
				    c->code, "regimen already has a maximum "
				    "per %s on line %d; a maximum is allowed "
				    "at most once per period: keep one, or "
				    "give per=\"dose\" for a single-dose cap",
				    pb ? pb : "dose", node_line(c, a, NULL));
				break;
			}
			free(pb);
			free(ub);
		}
	}
}

/*
 * An absolute cap (cap, cap-unit) belongs to a dose by body size, and is
 * an amount of the same kind as the dose's numerator.
 */
static void
rule_bad_cap(struct rule_ctx *c)
{
	const struct unit	*u;
	xmlNodePtr		 n;
	char			*cu;
	int			 mass;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (n->type != XML_ELEMENT_NODE ||
		    xmlHasProp(n, BAD_CAST "cap") == NULL ||
		    (u = dose_unit(n)) == NULL)
			continue;
		if (u->family != FAM_PERKG && u->family != FAM_PERM2) {
			diag_file_add_node(c->df, DIAG_ERROR, n, "cap",
			    c->code, "element '%s' gives an absolute cap but "
			    "its dose is not by body size (unit '%s'); a cap "
			    "goes with unit=\"mg/kg\", \"mcg/kg\" or "
			    "\"mg/m2\", and a plain cap is a <maximum>",
			    n->name, u->name);
			continue;
		}
		if ((cu = attr_value(n, "cap-unit")) == NULL)
			continue;	/* missing-unit's */
		mass = strcmp(cu, "mg") == 0 || strcmp(cu, "mcg") == 0 ||
		    strcmp(cu, "g") == 0;
		if (!mass)
			diag_file_add_node(c->df, DIAG_ERROR, n, "cap-unit",
			    c->code, "cap-unit '%s' of element '%s' is not a "
			    "mass, but its dose '%s' is a mass per body size; "
			    "give the cap in mg, mcg or g", cu, n->name,
			    u->name);
		free(cu);
	}
}

/* Report at n that attribute lo is above attribute hi, if it is. */
static void
check_pair(struct rule_ctx *c, xmlNodePtr n, const char *lo, const char *hi)
{
	double	 low, high;
	char	*sl, *sh;

	if (attr_number(n, lo, &low) != 1 || attr_number(n, hi, &high) != 1 ||
	    low <= high)
		return;
	sl = attr_value(n, lo);
	sh = attr_value(n, hi);
	if (strcmp(lo, "low") == 0)
		diag_file_add_node(c->df, DIAG_ERROR, n, hi, c->code,
		    "range of element '%s' runs backwards: low '%s' is above "
		    "high '%s'; swap them or correct the figures", n->name,
		    sl, sh);
	else if (strcmp(lo, "from-day") == 0)
		diag_file_add_node(c->df, DIAG_ERROR, n, hi, c->code,
		    "step runs backwards: from-day '%s' is after to-day '%s'; "
		    "swap them or correct the days", sl, sh);
	else
		diag_file_add_node(c->df, DIAG_ERROR, n, hi, c->code,
		    "range of element '%s' runs backwards: %s '%s' is above "
		    "%s '%s'; swap them or correct the figures", n->name, lo,
		    sl, hi, sh);
	free(sl);
	free(sh);
}

/*
 * Every range runs from low to high: amounts, times, shares, thresholds,
 * temperatures, intervals, placebo rates, ages and the days of a
 * titration step.  Values the schema rejects are skipped.
 */
static void
rule_bad_range(struct rule_ctx *c)
{
	static const char *const pairs[][2] = {
		{ "low", "high" }, { "interval", "interval-high" },
		{ "placebo", "placebo-high" }, { "from-day", "to-day" },
		{ "min-age", "max-age" }, { "excursion-low", "excursion-high" },
	};
	xmlNodePtr	 n;
	size_t		 i;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (n->type != XML_ELEMENT_NODE || n->properties == NULL)
			continue;
		for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
			check_pair(c, n, pairs[i][0], pairs[i][1]);
	}
}

/* Report at n when it has attribute a but not b (a needs b). */
static void
needs(struct rule_ctx *c, xmlNodePtr n, const char *a, const char *b,
    const char *hint)
{
	if (xmlHasProp(n, BAD_CAST a) == NULL ||
	    xmlHasProp(n, BAD_CAST b) != NULL)
		return;
	diag_file_add_node(c->df, DIAG_ERROR, n, a, c->code,
	    "element '%s' gives %s but no %s; %s", n->name, a, b, hint);
}

/*
 * A figure comes with its unit: an onset with its time unit, an interval
 * with its interval-unit, a cap with its cap-unit, a strength's
 * denominator with its in-unit; and a unit with its figure.
 */
static void
rule_missing_unit(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	const char	*attr;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (n->type != XML_ELEMENT_NODE || n->properties == NULL)
			continue;
		if (dom_is(n, "onset") && xmlHasProp(n, BAD_CAST "unit") ==
		    NULL) {
			attr = xmlHasProp(n, BAD_CAST "low") != NULL ? "low" :
			    xmlHasProp(n, BAD_CAST "high") != NULL ? "high" :
			    NULL;
			if (attr != NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n, attr,
				    c->code, "onset gives a time but no unit; "
				    "add unit=\"hour\", \"day\" or another "
				    "time unit");
		}
		needs(c, n, "interval", "interval-unit", "add interval-unit="
		    "\"hour\", \"day\" or another time unit");
		needs(c, n, "interval-high", "interval", "add interval=\"N\", "
		    "the shorter interval");
		needs(c, n, "interval-unit", "interval", "add interval=\"N\" "
		    "or remove interval-unit");
		needs(c, n, "cap", "cap-unit", "add cap-unit=\"mg\" (a cap is "
		    "an absolute amount)");
		needs(c, n, "cap-unit", "cap", "add cap=\"N\" or remove "
		    "cap-unit");
		if (dom_is(n, "strength")) {
			needs(c, n, "in", "in-unit", "add in-unit=\"mL\" (5 mg "
			    "in 5 mL is amount=\"5\" unit=\"mg\" in=\"5\" "
			    "in-unit=\"mL\")");
			needs(c, n, "in-unit", "in", "add in=\"N\", the amount "
			    "of the form the strength is in");
		}
	}
}

/*
 * A criterion gives what its measure takes: a threshold (low, high or
 * both) in a unit of that measure for clearance, eGFR, weight and age;
 * classes of that measure for Child-Pugh and dialysis.
 */
static void
rule_bad_criterion(struct rule_ctx *c)
{
	static const struct {
		const char	*measure;
		const char	*units;		/* "" for a class measure */
		const char	*hint;
	} m[] = {
		{ "crcl", " mL/min ", "unit=\"mL/min\"" },
		{ "egfr", " mL/min/1.73 m2 mL/min ",
		    "unit=\"mL/min/1.73 m2\"" },
		{ "weight", " kg ", "unit=\"kg\"" },
		{ "age", " year month ", "unit=\"year\" or \"month\"" },
		{ "child-pugh", "", "class=\"A\", \"B\" or \"C\" (several "
		    "with spaces between)" },
		{ "dialysis", "", "class=\"hemodialysis\", "
		    "\"peritoneal-dialysis\" or \"continuous-renal-"
		    "replacement\"" },
	};
	xmlNodePtr	 n;
	char		*measure, *unit, *cls, *tok, *save, key[64];
	size_t		 i;
	int		 pugh, bad;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!dom_is(n, "criterion") ||
		    (measure = attr_value(n, "measure")) == NULL)
			continue;
		for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
			if (strcmp(m[i].measure, measure) == 0)
				break;
		if (i == sizeof(m) / sizeof(m[0])) {
			free(measure);		/* the schema's */
			continue;
		}
		unit = attr_value(n, "unit");
		cls = attr_value(n, "class");
		if (*m[i].units != '\0') {
			if (cls != NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n,
				    "class", c->code, "criterion measure='%s' "
				    "takes low, high and %s, not class",
				    measure, m[i].hint);
			else if (xmlHasProp(n, BAD_CAST "low") == NULL &&
			    xmlHasProp(n, BAD_CAST "high") == NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n, NULL,
				    c->code, "criterion measure='%s' gives no "
				    "threshold; add low= (at or above), high= "
				    "(below) or both, and %s", measure,
				    m[i].hint);
			else if (unit == NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n,
				    "measure", c->code, "criterion "
				    "measure='%s' gives a threshold but no "
				    "unit; add %s", measure, m[i].hint);
			else if (snprintf(key, sizeof(key), " %s ", unit) > 0 &&
			    strstr(m[i].units, key) == NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n, "unit",
				    c->code, "unit '%s' does not measure '%s'; "
				    "use %s", unit, measure, m[i].hint);
		} else if (cls == NULL)
			diag_file_add_node(c->df, DIAG_ERROR, n, NULL, c->code,
			    "criterion measure='%s' names no class; add %s",
			    measure, m[i].hint);
		else {
			if (unit != NULL || xmlHasProp(n, BAD_CAST "low") !=
			    NULL || xmlHasProp(n, BAD_CAST "high") != NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n, NULL,
				    c->code, "criterion measure='%s' takes "
				    "%s, not low, high or unit", measure,
				    m[i].hint);
			pugh = strcmp(measure, "child-pugh") == 0;
			bad = 0;
			for (tok = strtok_r(cls, " \t\r\n", &save);
			    tok != NULL && !bad;
			    tok = strtok_r(NULL, " \t\r\n", &save))
				if ((strlen(tok) == 1) != pugh) {
					bad = 1;
					diag_file_add_node(c->df, DIAG_ERROR, n,
					    "class", c->code, "class '%s' "
					    "does not apply to measure '%s'; "
					    "give %s", tok, measure,
					    m[i].hint);
				}
		}
		free(measure);
		free(unit);
		free(cls);
	}
}

/*
 * A monograph that describes dependence has a withdrawal section that
 * describes withdrawal, or says why there is none.
 */
static void
rule_missing_withdrawal(struct rule_ctx *c)
{
	xmlNodePtr	 dep, wd, none;

	if ((dep = dom_child(dom_child(c->root, "abuse-and-dependence"),
	    "dependence")) == NULL)
		return;
	if ((wd = dom_child(c->root, "withdrawal")) == NULL)
		diag_file_add_node(c->df, DIAG_ERROR, dep, NULL, c->code,
		    "the monograph describes dependence but has no "
		    "withdrawal section; add <withdrawal> after "
		    "abuse-and-dependence, with its symptoms and how to "
		    "taper");
	else if ((none = dom_child(wd, "none")) != NULL &&
	    dom_child(wd, "disagreement") == NULL)
		diag_file_add_node(c->df, DIAG_WARNING, none, NULL, c->code,
		    "the monograph describes dependence (line %d) but "
		    "withdrawal says the sources describe none; describe the "
		    "withdrawal they give, or say in a <disagreement> why "
		    "there is none", node_line(c, dep, NULL));
}

/* The route of n with "any" when absent; the caller frees. */
static char *
route_of(xmlNodePtr n)
{
	char	*r;

	if ((r = attr_value(n, "route")) == NULL)
		r = strdup("any");
	return r;
}

/* Do two routes (or "any") overlap? */
static int
overlap(const char *a, const char *b)
{
	return strcmp(a, "any") == 0 || strcmp(b, "any") == 0 ||
	    strcmp(a, b) == 0;
}

/*
 * A drug with an intrathecal form says what abrupt stopping of the
 * intrathecal route does, in withdrawal/abrupt-stop route="intrathecal".
 * Reported at the withdrawal section, or at the form when there is none.
 */
static void
rule_missing_intrathecal(struct rule_ctx *c)
{
	xmlNodePtr	 form, wd, n;
	char		*route;
	int		 it;

	for (form = xmlFirstElementChild(dom_child(c->root, "forms"));
	    form != NULL; form = xmlNextElementSibling(form)) {
		if (!dom_is(form, "form") ||
		    (route = attr_value(form, "route")) == NULL)
			continue;
		it = strcmp(route, "intrathecal") == 0;
		free(route);
		if (it)
			break;
	}
	if (form == NULL)
		return;
	if ((wd = dom_child(c->root, "withdrawal")) == NULL) {
		diag_file_add_node(c->df, DIAG_ERROR, form, "route", c->code,
		    "the drug has an intrathecal form but the monograph has "
		    "no withdrawal section; add <withdrawal> with an "
		    "<abrupt-stop route=\"intrathecal\"> part saying what "
		    "abrupt stopping does");
		return;
	}
	for (n = xmlFirstElementChild(wd); n != NULL;
	    n = xmlNextElementSibling(n)) {
		if (!dom_is(n, "abrupt-stop") ||
		    (route = attr_value(n, "route")) == NULL)
			continue;
		it = strcmp(route, "intrathecal") == 0;
		free(route);
		if (it)
			return;
	}
	diag_file_add_node(c->df, DIAG_ERROR, wd, NULL, c->code,
	    "the drug has an intrathecal form (line %d) but section "
	    "'withdrawal' does not say what abrupt stopping of the "
	    "intrathecal route does; add <abrupt-stop route=\"intrathecal\">",
	    node_line(c, form, "route"));
}

/*
 * A boxed warning that says there is none does not overlap, by route,
 * with a real boxed warning or with another "none".
 */
static void
rule_contradicting_none(struct rule_ctx *c)
{
	xmlNodePtr	 a, b;
	char		*ra, *rb;

	for (b = xmlFirstElementChild(c->root); b != NULL;
	    b = xmlNextElementSibling(b)) {
		if (!dom_is(b, "boxed-warning"))
			continue;
		rb = route_of(b);
		for (a = xmlFirstElementChild(c->root); a != b;
		    a = xmlNextElementSibling(a)) {
			if (!dom_is(a, "boxed-warning") ||
			    (dom_child(a, "none") == NULL &&
			    dom_child(b, "none") == NULL))
				continue;
			ra = route_of(a);
			if (rb != NULL && ra != NULL && overlap(ra, rb))
				diag_file_add_node(c->df, DIAG_ERROR, b,
				    NULL, c->code, "boxed warning for route "
				    "'%s' contradicts the one on line %d "
				    "(route '%s'): one of them says there is "
				    "none; give each a route the other does "
				    "not cover, or remove the <none>", rb,
				    node_line(c, a, NULL), ra);
			free(ra);
		}
		free(rb);
	}
}

/* Withdrawal has at most one taper per route. */
static void
rule_duplicate_taper(struct rule_ctx *c)
{
	xmlNodePtr	 wd, a, b;
	char		*ra, *rb;

	wd = dom_child(c->root, "withdrawal");
	for (b = xmlFirstElementChild(wd); b != NULL;
	    b = xmlNextElementSibling(b)) {
		if (!dom_is(b, "taper"))
			continue;
		rb = route_of(b);
		for (a = xmlFirstElementChild(wd); a != b;
		    a = xmlNextElementSibling(a)) {
			if (!dom_is(a, "taper"))
				continue;
			ra = route_of(a);
			if (ra != NULL && rb != NULL && overlap(ra, rb)) {
				diag_file_add_node(c->df, DIAG_ERROR, b, NULL,
				    c->code, "withdrawal already has a taper "
				    "for route '%s' on line %d; taper is "
				    "allowed at most once per route: merge "
				    "them, or give each its route", ra,
				    node_line(c, a, NULL));
				free(ra);
				break;
			}
			free(ra);
		}
		free(rb);
	}
}

/*
 * A warning when there is no contraindications section at all: the
 * format cannot require one (a monograph moved from format 1 has none to
 * give), but every label has the section.
 */
static void
rule_missing_contraindications(struct rule_ctx *c)
{
	xmlNodePtr	 at;

	/* forms: every monograph has it, test fragments seldom do. */
	if (dom_child(c->root, "contraindications") != NULL ||
	    (at = dom_child(c->root, "forms")) == NULL)
		return;
	diag_file_add_node(c->df, DIAG_WARNING, at, NULL, c->code,
	    "the monograph has no contraindications section; add "
	    "<contraindications code=\"34070-3\"> after forms with the "
	    "label's contraindications, or <none> cited to the label if it "
	    "lists none");
}

/*
 * meta/reviewed as days since 1970-01-01 into *days, its text into buf.
 * Returns the element, or NULL when absent, malformed (the schema's
 * message) or when no today was set.
 */
static xmlNodePtr
reviewed(const struct rule_ctx *c, long *days, char *buf, size_t sz)
{
	static const int mdays[] = {
	    31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	xmlNodePtr	 n;
	xmlChar		*t;
	const char	*s;
	int		 y, m, d, len;

	if (c->check->today == NODATE ||
	    (n = dom_child(dom_child(c->root, "meta"), "reviewed")) == NULL ||
	    (t = xmlNodeGetContent(n)) == NULL)
		return NULL;
	for (s = (const char *)t; isspace((unsigned char)*s); s++)
		continue;
	len = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 || len != 10 ||
	    !isdigit((unsigned char)s[0]) || s[4] != '-' || s[7] != '-' ||
	    m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
	    (m == 2 && d == 29 && (y % 4 != 0 ||
	    (y % 100 == 0 && y % 400 != 0)))) {
		xmlFree(t);
		return NULL;
	}
	snprintf(buf, sz, "%.10s", s);
	xmlFree(t);
	*days = check_days(y, m, d);
	return n;
}

/*
 * Is s (white space around it aside) a date xs:date takes that is not
 * YYYY-MM-DD: a year before 1 ("-2024-01-01"), of five digits or more
 * ("12024-01-01"), or with a time zone ("2024-01-01Z")?  The schema
 * lets those through; a review date must be a plain day.
 */
static int
odd_date(const char *s)
{
	size_t	 y, n;
	int	 odd;

	while (isspace((unsigned char)*s))
		s++;
	odd = *s == '-';
	if (odd)
		s++;
	y = strspn(s, "0123456789");
	if (y < 4 || s[y] != '-' || strspn(s + y + 1, "0123456789") != 2 ||
	    s[y + 3] != '-' || strspn(s + y + 4, "0123456789") != 2)
		return 0;
	odd = odd || y > 4;
	s += y + 6;
	if (*s == 'Z' || *s == '+' || *s == '-') {
		odd = 1;
		s += *s == 'Z' ? 1 : 6;
	}
	for (n = 0; isspace((unsigned char)s[n]); n++)
		continue;
	return odd && s[n] == '\0';
}

/* The last-reviewed date is a plain day, and not in the future. */
static void
rule_future_review(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	xmlChar		*t;
	long		 days;
	char		 date[16];

	if (c->check->today != NODATE &&
	    (n = dom_child(dom_child(c->root, "meta"), "reviewed")) != NULL &&
	    (t = xmlNodeGetContent(n)) != NULL) {
		if (odd_date((const char *)t))
			diag_file_add_node(c->df, DIAG_ERROR, n, NULL,
			    c->code, "review date '%.40s' is not a day "
			    "written YYYY-MM-DD (a year of four digits, no "
			    "time zone); give the date the content was last "
			    "checked against its sources", (const char *)t);
		xmlFree(t);
	}
	if ((n = reviewed(c, &days, date, sizeof(date))) == NULL ||
	    days <= c->check->today)
		return;
	diag_file_add_node(c->df, DIAG_ERROR, n, NULL, c->code,
	    "review date '%s' is in the future (today is %s); give the date "
	    "the content was last checked against its sources", date,
	    c->check->todaystr);
}

/* A warning when the last review is older than --max-age days. */
static void
rule_stale_review(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	long		 days;
	char		 date[16];

	if ((n = reviewed(c, &days, date, sizeof(date))) == NULL ||
	    c->check->today - days <= c->check->max_age)
		return;
	diag_file_add_node(c->df, DIAG_WARNING, n, NULL, c->code,
	    "review date '%s' is %ld days old, more than %ld; recheck the "
	    "content against its sources and update the date", date,
	    c->check->today - days, c->check->max_age);
}

/*
 * An agent's name with white space runs made one space and trimmed, and
 * for comparison (fold set) in lower case.
 */
static char *
agent_key(xmlNodePtr agent, int fold)
{
	xmlChar	*t;
	char	*s, *p, *q;

	if ((t = xmlNodeGetContent(agent)) == NULL)
		return NULL;
	s = strdup((const char *)t);
	xmlFree(t);
	if (s == NULL)
		return NULL;
	for (p = q = s; *p != '\0'; p++) {
		if (!isspace((unsigned char)*p))
			*q++ = fold ? tolower((unsigned char)*p) : *p;
		else if (q > s && q[-1] != ' ')
			*q++ = ' ';
	}
	if (q > s && q[-1] == ' ')
		q--;
	*q = '\0';
	return s;
}

/*
 * Each interaction agent is listed once in the monograph, whatever its
 * case or spacing, in one interaction or across several.
 */
static void
rule_duplicate_interaction(struct rule_ctx *c)
{
	xmlNodePtr	 n, agent;
	struct keyed	*v;
	char		*name;
	size_t		 i, cnt, first;

	cnt = 0;
	for (n = xmlFirstElementChild(dom_child(c->root, "interactions"));
	    n != NULL; n = xmlNextElementSibling(n))
		for (agent = xmlFirstElementChild(n); agent != NULL;
		    agent = xmlNextElementSibling(agent))
			cnt++;
	if ((v = calloc(cnt + 1, sizeof(*v))) == NULL)
		return;
	cnt = 0;
	for (n = xmlFirstElementChild(dom_child(c->root, "interactions"));
	    n != NULL; n = xmlNextElementSibling(n)) {
		if (!dom_is(n, "interaction"))
			continue;
		for (agent = xmlFirstElementChild(n); agent != NULL;
		    agent = xmlNextElementSibling(agent)) {
			if (!dom_is(agent, "agent"))
				continue;
			if ((v[cnt].key = agent_key(agent, 1)) == NULL)
				break;
			if (*v[cnt].key == '\0') {
				free(v[cnt].key);
				continue;
			}
			v[cnt].node = agent;
			v[cnt].order = cnt;
			cnt++;
		}
	}
	qsort(v, cnt, sizeof(*v), cmp_keyed);
	for (first = 0, i = 1; i < cnt && !full(c); i++) {
		if (strcmp(v[i].key, v[first].key) != 0) {
			first = i;
			continue;
		}
		name = agent_key(v[i].node, 0);
		if (v[i].node->parent == v[first].node->parent)
			diag_file_add_node(c->df, DIAG_ERROR, v[i].node, NULL,
			    c->code, "agent '%s' is listed twice in this "
			    "interaction (line %d); remove one",
			    name == NULL ? "" : name,
			    node_line(c, v[first].node, NULL));
		else
			diag_file_add_node(c->df, DIAG_ERROR, v[i].node, NULL,
			    c->code, "agent '%s' is already listed in the "
			    "interaction on line %d; merge the two "
			    "interactions", name == NULL ? "" : name,
			    node_line(c, v[first].node, NULL));
		free(name);
	}
	free_keyed(v, cnt);
}

/*
 * The ids an xref ref="..." can name, sorted: the id attributes of the
 * elements below the root but sources (source ids name sources) and
 * table footnotes (fnref names those).
 */
static char **
anchor_ids(const struct rule_ctx *c, size_t *np)
{
	xmlNodePtr	 n;
	char		**ids, *id;
	void		*p;
	size_t		 cap;
	int		 skip;

	*np = 0;
	cap = 16;
	if ((ids = calloc(cap, sizeof(*ids))) == NULL)
		return NULL;
	for (n = c->root->children; n != NULL; n = walk(n, c->root, skip)) {
		skip = dom_is(n, "sources");
		if (skip || n->type != XML_ELEMENT_NODE ||
		    dom_is(n, "footnote") || (id = attr_value(n, "id")) == NULL)
			continue;
		if (*np == cap) {
			if ((p = realloc(ids, 2 * cap * sizeof(*ids))) == NULL) {
				free(id);
				break;
			}
			ids = p;
			cap *= 2;
		}
		ids[(*np)++] = id;
	}
	qsort(ids, *np, sizeof(*ids), cmp_str);
	return ids;
}

/* The id among ids[] nearest to s (a likely typo), or NULL. */
static const char *
nearest(const char *s, char *const ids[], size_t n)
{
	const char	*best;
	size_t		 i;
	int		 d, bestd;

	best = NULL;
	bestd = 3;
	for (i = 0; i < n; i++)
		if ((d = xmlmsg_distance(s, ids[i])) < bestd &&
		    (size_t)d < strlen(s)) {
			bestd = d;
			best = ids[i];
		}
	return best;
}

/*
 * Every xref points at one thing the monograph has: a section by name
 * (to) or an element by id (ref), never both, never neither.
 */
static void
rule_dangling_xref(struct rule_ctx *c)
{
	xmlNodePtr	 n, sec;
	char		*to, *ref, **ids;
	const char	*best;
	size_t		 nids;

	ids = NULL;
	nids = 0;
	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!dom_is(n, "xref"))
			continue;
		to = attr_value(n, "to");
		ref = attr_value(n, "ref");
		if (to == NULL && ref == NULL)
			diag_file_add_node(c->df, DIAG_ERROR, n, NULL, c->code,
			    "cross-reference names no target; add "
			    "to=\"SECTION\" (a section's element name) or "
			    "ref=\"ID\" (an element's id)");
		else if (to != NULL && ref != NULL)
			diag_file_add_node(c->df, DIAG_ERROR, n, "ref", c->code,
			    "cross-reference has both to='%s' and ref='%s'; "
			    "keep one", to, ref);
		else if (to != NULL && (strcmp(to, "sources") == 0 ||
		    in_list(to, sections))) {
			/* Only the section names; other values are the schema's. */
			for (sec = xmlFirstElementChild(c->root); sec != NULL;
			    sec = xmlNextElementSibling(sec))
				if (dom_is(sec, to))
					break;
			if (sec == NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n, "to",
				    c->code, "cross-reference to section '%s', "
				    "which this monograph does not have; add "
				    "the section or remove the xref", to);
		} else if (ref != NULL && xmlValidateNCName(BAD_CAST ref, 0) ==
		    0) {
			if (ids == NULL)
				ids = anchor_ids(c, &nids);
			if (!contains(ids, nids, ref)) {
				if ((best = nearest(ref, ids, nids)) != NULL)
					diag_file_add_node(c->df, DIAG_ERROR,
					    n, "ref", c->code,
					    "cross-reference to id '%s', "
					    "which no element of this "
					    "monograph has; did you mean "
					    "'%s'?", ref, best);
				else
					diag_file_add_node(c->df, DIAG_ERROR,
					    n, "ref", c->code,
					    "cross-reference to id '%s', "
					    "which no element of this "
					    "monograph has; give the element "
					    "it means id=\"%s\", or correct "
					    "the ref", ref, ref);
			}
		}
		free(to);
		free(ref);
	}
	free_strings(ids, nids);
}

/* A span of more than TABLE_MAXSPAN on the cell is an error. */
static void
span_cap(struct rule_ctx *c, xmlNodePtr cell, const char *name)
{
	int	 v;

	if ((v = table_span(cell, name)) > TABLE_MAXSPAN)
		diag_file_add_node(c->df, DIAG_ERROR, cell, name, c->code,
		    "%s %d is more than the %d %s a cell may span", name, v,
		    TABLE_MAXSPAN, *name == 'c' ? "columns" : "rows");
}

/*
 * The rows of one thead or tbody on the table grid (table.c): each row
 * as wide as the table's first row (*width, set by the first row seen,
 * on line *wline), at most TABLE_MAXCOLS, and no rowspan past the
 * group's last row.
 */
static void
table_rows(struct rule_ctx *c, xmlNodePtr group, int *width, int *wline)
{
	struct table_occ o;
	xmlNodePtr	 tr, cell, last;
	int		 w, i;

	table_occ_start(&o);
	last = NULL;
	for (tr = xmlFirstElementChild(group); tr != NULL && !full(c);
	    tr = xmlNextElementSibling(tr)) {
		if (!dom_is(tr, "tr"))
			continue;
		last = tr;
		for (cell = xmlFirstElementChild(tr); cell != NULL;
		    cell = xmlNextElementSibling(cell))
			if (dom_is(cell, "td") || dom_is(cell, "th")) {
				span_cap(c, cell, "colspan");
				span_cap(c, cell, "rowspan");
			}
		o.over = 0;
		w = table_occ_row(&o, tr, 0, 0);
		table_occ_next(&o);
		if (o.over)
			diag_file_add_node(c->df, DIAG_ERROR, tr, NULL, c->code,
			    "table row is more than %d columns wide; split "
			    "the table", TABLE_MAXCOLS);
		else if (*width == 0) {
			*width = w;
			*wline = node_line(c, tr, NULL);
		} else if (w != *width)
			diag_file_add_node(c->df, DIAG_ERROR, tr, NULL, c->code,
			    "table row is %d column%s wide but the table's "
			    "first row (line %d) is %d; check the cells' "
			    "colspan and rowspan", w, w == 1 ? "" : "s",
			    *wline, *width);
	}
	if ((i = table_occ_past(&o)) > 0 && last != NULL)
		diag_file_add_node(c->df, DIAG_ERROR, last, NULL, c->code,
		    "a rowspan in column %d runs past the last row of its %s; "
		    "shorten it, or add the rows", i, group->name);
}

/*
 * Every row of a table is as wide as its first, spans counted; the
 * tables together have at most TABLE_MAXSLOTS slots.
 */
static void
rule_table_shape(struct rule_ctx *c)
{
	xmlNodePtr	 n, g;
	size_t		 slots;
	int		 width, wline, over;

	slots = 0;
	over = 0;
	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!dom_is(n, "table"))
			continue;
		width = 0;
		wline = 0;
		for (g = xmlFirstElementChild(n); g != NULL;
		    g = xmlNextElementSibling(g))
			if (dom_is(g, "thead") || dom_is(g, "tbody"))
				table_rows(c, g, &width, &wline);
		slots += table_slots(n);
		if (slots > TABLE_MAXSLOTS && !over) {
			over = 1;
			diag_file_add_node(c->df, DIAG_ERROR, n, NULL, c->code,
			    "with this table, the monograph's tables have %zu "
			    "slots (rows times columns), more than the %d "
			    "monoc lays out; split the table or the monograph",
			    slots, TABLE_MAXSLOTS);
		}
	}
}

/*
 * Is there a regular file NAME.xml beside path (in its directory)?  A
 * monograph checked alone, as an editor does on save, may name the
 * monographs next to it.
 */
static int
sibling_exists(const char *path, const char *name)
{
	struct stat	 st;
	const char	*slash;
	char		 buf[4096];
	int		 len;

	slash = strrchr(path, '/');
	len = slash != NULL ? (int)(slash - path + 1) : 0;
	if (snprintf(buf, sizeof(buf), "%.*s%s.xml", len, path, name) >=
	    (int)sizeof(buf))
		return 0;
	return stat(buf, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * Every reference to another monograph (related, an interaction agent,
 * a comparison's alternative) names a monograph of the set given to this
 * run, and not this one.
 */
static void
rule_unknown_monograph(struct rule_ctx *c)
{
	const struct check	*ck = c->check;
	xmlNodePtr		 n;
	char			*ref;
	const char		*best;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!named_in(n, monograph_refs) ||
		    (ref = attr_value(n, "ref")) == NULL)
			continue;
		if (xmlValidateNCName(BAD_CAST ref, 0) != 0)
			;	/* the schema's */
		else if (strcmp(ref, ck->stems[c->input]) == 0)
			diag_file_add_node(c->df, DIAG_ERROR, n, "ref", c->code,
			    "reference to monograph '%s' names this monograph "
			    "itself; name another one, or remove the ref", ref);
		else if (find_stem(ck, ref) < 0 &&
		    !sibling_exists(ck->paths[c->input], ref)) {
			if ((best = nearest(ref, ck->stems, ck->n)) != NULL &&
			    strcmp(best, ck->stems[c->input]) != 0)
				diag_file_add_node(c->df, DIAG_ERROR, n, "ref",
				    c->code, "reference to monograph '%s' "
				    "names no monograph given to this run or "
				    "beside this file; did you mean '%s'?", ref, best);
			else
				diag_file_add_node(c->df, DIAG_ERROR, n, "ref",
				    c->code, "reference to monograph '%s' "
				    "names no monograph given to this run or "
				    "beside this file; add %s.xml, or remove "
				    "the ref", ref,
				    ref);
		}
		free(ref);
	}
}

/*
 * The name an agent or alternative gives, folded, up to a parenthesis:
 * "Tizanidine (Zanaflex)" is "tizanidine"; NULL when out of memory.
 */
static char *
plain_name(xmlNodePtr n)
{
	char	*s, *p;

	if ((s = agent_key(n, 1)) == NULL)
		return NULL;
	if ((p = strchr(s, '(')) != NULL) {
		*p = '\0';
		while (p > s && p[-1] == ' ')
			*--p = '\0';
	}
	return s;
}

/*
 * A warning when an interaction agent or a comparison's alternative is
 * named as a monograph of the run but has no ref: it would be a link.
 */
static void
rule_unlinked_monograph(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	char		*name;
	long		 other;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if ((!dom_is(n, "agent") && !dom_is(n, "alternative")) ||
		    xmlHasProp(n, BAD_CAST "ref") != NULL ||
		    (name = plain_name(n)) == NULL)
			continue;
		if (*name != '\0' && (other = find_stem(c->check, name)) >= 0 &&
		    (size_t)other != c->input)
			diag_file_add_node(c->df, DIAG_WARNING, n, NULL, c->code,
			    "%s '%s' is a monograph of this run but is not "
			    "linked; add ref=\"%s\"", n->name, name,
			    c->check->stems[other]);
		free(name);
	}
}

/*
 * A strength's ingredient="..." names an ingredient of drug/ingredient
 * (by its name, case and spacing aside).
 */
static void
rule_unknown_ingredient(struct rule_ctx *c)
{
	xmlHashTablePtr	 names;
	xmlNodePtr	 n, ing;
	char		*want, *p;

	/* the ingredients' names, in ASCII lower case as xmlStrcasecmp */
	if ((names = xmlHashCreate(16)) == NULL)
		return;
	for (ing = xmlFirstElementChild(dom_child(c->root, "drug"));
	    ing != NULL; ing = xmlNextElementSibling(ing)) {
		if (!dom_is(ing, "ingredient") ||
		    (want = attr_value(ing, "name")) == NULL)
			continue;
		for (p = want; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		xmlHashAddEntry(names, BAD_CAST want, (void *)1);
		free(want);
	}
	for (n = dom_child(c->root, "forms"); n != NULL && !full(c);
	    n = walk(n, dom_child(c->root, "forms"), 0)) {
		if (!dom_is(n, "strength") ||
		    (want = attr_value(n, "ingredient")) == NULL)
			continue;
		for (p = want; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		if (xmlHashLookup(names, BAD_CAST want) == NULL) {
			free(want);
			want = attr_value(n, "ingredient");
			diag_file_add_node(c->df, DIAG_ERROR, n, "ingredient",
			    c->code, "strength names ingredient '%s', which "
			    "drug lists no <ingredient name=\"%s\"> for; add "
			    "it, or correct the name", want, want);
		}
		free(want);
	}
	xmlHashFree(names, NULL);
}

/* A regimen for a form has the form's route. */
static void
rule_form_route(struct rule_ctx *c)
{
	xmlNodePtr	 reg, form;
	char		*id, *fid, *rr, *fr;

	for (reg = xmlFirstElementChild(dom_child(c->root, "dosing"));
	    reg != NULL; reg = xmlNextElementSibling(reg)) {
		if (!dom_is(reg, "regimen") ||
		    (id = attr_value(reg, "form")) == NULL)
			continue;
		for (form = xmlFirstElementChild(dom_child(c->root, "forms"));
		    form != NULL; form = xmlNextElementSibling(form)) {
			if (!dom_is(form, "form") ||
			    (fid = attr_value(form, "id")) == NULL)
				continue;
			if (strcmp(fid, id) == 0) {
				free(fid);
				break;
			}
			free(fid);
		}
		if (form != NULL && (rr = attr_value(reg, "route")) != NULL) {
			if ((fr = attr_value(form, "route")) != NULL &&
			    strcmp(rr, fr) != 0)
				diag_file_add_node(c->df, DIAG_ERROR, reg,
				    "route", c->code, "regimen for form '%s' "
				    "gives route '%s', but the form (line %d) "
				    "is %s; give the form's route or another "
				    "form", id, rr, node_line(c, form, NULL),
				    fr);
			free(fr);
			free(rr);
		}
		free(id);
	}
}

/* A warning when drug names no class: the index groups by the first. */
static void
rule_missing_class(struct rule_ctx *c)
{
	xmlNodePtr	 drug, gn;

	drug = dom_child(c->root, "drug");
	if ((gn = dom_child(drug, "generic-name")) == NULL ||
	    dom_child(drug, "drug-class") != NULL)
		return;
	diag_file_add_node(c->df, DIAG_WARNING, gn, NULL,
	    c->code, "drug names no drug-class; add <drug-class> after "
	    "generic-name with the class the sources give (the index page "
	    "groups monographs by their first class)");
}

/*
 * Keep the interaction agents of input c->input that name a monograph,
 * with their lines, for check_cross().
 */
static void
keep_links(struct rule_ctx *c)
{
	struct links	*l = &c->check->links[c->input];
	xmlNodePtr	 ix, agent;
	void		*p;
	char		*ref;
	size_t		 cap;

	links_clear(l);
	cap = 0;
	for (ix = xmlFirstElementChild(dom_child(c->root, "interactions"));
	    ix != NULL; ix = xmlNextElementSibling(ix)) {
		if (!dom_is(ix, "interaction"))
			continue;
		for (agent = xmlFirstElementChild(ix); agent != NULL;
		    agent = xmlNextElementSibling(agent)) {
			if (!dom_is(agent, "agent") ||
			    (ref = attr_value(agent, "ref")) == NULL)
				continue;
			if (l->n == cap) {
				cap = cap ? 2 * cap : 8;
				if ((p = realloc(l->v, cap * sizeof(*l->v))) ==
				    NULL) {
					free(ref);
					goto out;
				}
				l->v = p;
			}
			l->v[l->n].ref = ref;
			node_pos(c, agent, "ref", &l->v[l->n].line,
			    &l->v[l->n].col);
			l->n++;
		}
	}
out:
	l->seen = 1;
}

/*
 * A format 1 document gets one message, saying how to move it; no other
 * rule runs on it (they would only repeat that its structure is
 * another).  Returns 1 when doc is format 1.
 */
static int
format1(struct rule_ctx *c)
{
	xmlChar	*v;
	int	 old;

	old = c->root->ns != NULL && c->root->ns->href != NULL &&
	    xmlStrEqual(c->root->ns->href, BAD_CAST NS_FORMAT1);
	if (!old && (v = xmlGetProp(c->root, BAD_CAST "format-version")) !=
	    NULL) {
		old = xmlStrEqual(v, BAD_CAST "1.0");
		xmlFree(v);
	}
	if (old)
		diag_file_add_node(c->df, DIAG_ERROR, c->root, NULL, "format-1",
		    "monograph is in format 1.0, which monoc no longer reads; "
		    "move it to format 2.0 (xmlns=\"urn:monoc:monograph:2\", "
		    "format-version=\"2.0\") as docs/format.md says under "
		    "\"Moving from format 1\"");
	return old;
}

/*
 * Run every rule on doc, the document of input number input, and keep
 * what check_cross() needs of it.  Returns the number of rules that
 * reported an error or warning.
 */
int
check_run(const struct check *check, xmlDocPtr doc, size_t input,
    struct diag_file *df)
{
	struct rule_ctx	 c;
	size_t		 i, before;
	int		 failed;

	if (doc == NULL || input >= check->n ||
	    (c.root = xmlDocGetRootElement(doc)) == NULL)
		return 0;
	c.check = check;
	c.doc = doc;
	c.input = input;
	c.df = df;
	c.stmts = NULL;
	c.nstmts = 0;
	c.code = NULL;
	if (format1(&c))
		return 1;
	if (collect_statements(&c) == -1) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		free(c.stmts);
		return 1;
	}
	failed = 0;
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		before = diag_file_count(df);
		c.code = rules[i].code;
		rules[i].fn(&c);
		if (diag_file_count(df) > before)
			failed++;
	}
	free(c.stmts);
	keep_links(&c);
	return failed;
}

/*
 * The rule across inputs' contents, once check_run() has seen every
 * input: an interaction of input with another monograph B of the run
 * that B does not list back is a warning at the agent's line.  A B that
 * was not read (it failed to load) is left alone.  Returns the number of
 * warnings.
 */
int
check_cross(const struct check *check, size_t input, struct diag_file *df)
{
	const struct links	*a, *b;
	const char		*self;
	size_t			 i, j;
	long			 other;
	int			 found, count;

	if (input >= check->n || !(a = &check->links[input])->seen)
		return 0;
	self = check->stems[input];
	count = 0;
	for (i = 0; i < a->n; i++) {
		if ((other = find_stem(check, a->v[i].ref)) < 0 ||
		    (size_t)other == input ||
		    !(b = &check->links[other])->seen)
			continue;
		found = 0;
		for (j = 0; j < b->n && !found; j++)
			found = strcmp(b->v[j].ref, self) == 0;
		if (found)
			continue;
		diag_file_add(df, DIAG_WARNING, a->v[i].line, a->v[i].col,
		    "one-way-interaction", "interaction with '%s' is not "
		    "listed back: '%s' has no interaction naming '%s'; add "
		    "one there (<agent ref=\"%s\">), or remove the ref",
		    a->v[i].ref, check->paths[other], self, self);
		count++;
	}
	return count;
}
