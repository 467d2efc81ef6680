/*
 * Rules beyond the schema.
 *
 * Each rule is a function in the table rules[] below, called with the
 * parsed document; it reports through diag_file_add_node() so the message
 * points at the offending element or attribute.  Rules must not assume the
 * document is schema-valid: they run on invalid documents too, so that one
 * run reports every problem.
 *
 * Rules across inputs (unique ids) are decided from the input list alone,
 * in check_new(), so the result does not depend on the order in which
 * worker threads finish.  This works because the id must equal the file
 * stem: two inputs can only share an id that is valid if they share a stem.
 *
 * A citation to an undeclared source is reported here ([unknown-source])
 * and not by the schema: schema.c drops libxml2's keyref error for
 * cite-ref, which says the same less clearly and is lost after a
 * content-model error.  Values the schema rejects (a ref that is not a
 * name, a unit not in the list, a malformed number or date) are left to
 * the schema's message and skipped here, so one defect gives one message.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "check.h"
#include "diag.h"
#include "xmlmsg.h"

#define EXCERPT		40	/* characters of a statement quoted */
#define MINDUPLICATE	30	/* shorter statements may repeat */
#define MAXREPORTS	200	/* diag keeps no more messages per file */

struct check {
	char		**paths;	/* the inputs, in order */
	char		**stems;
	size_t		 *first;	/* first input with the same stem */
	size_t		  n;
	long		  today;	/* days since 1970-01-01, or NODATE */
	char		  todaystr[16];	/* the same as YYYY-MM-DD */
	long		  max_age;	/* days before a review is stale */
};

#define NODATE	(-1L - 0x7fffffffL)

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
static rule_fn	rule_unknown_source;
static rule_fn	rule_uncited_source;
static rule_fn	rule_uncited_statement;
static rule_fn	rule_duplicate_statement;
static rule_fn	rule_unit_mismatch;
static rule_fn	rule_maximum_below_start;
static rule_fn	rule_bad_range;
static rule_fn	rule_missing_unit;
static rule_fn	rule_missing_withdrawal;
static rule_fn	rule_missing_intrathecal;
static rule_fn	rule_future_review;
static rule_fn	rule_stale_review;
static rule_fn	rule_duplicate_interaction;
static rule_fn	rule_dangling_xref;

/* The rules, run in this order.  Add new ones here. */
static const struct rule {
	const char	*code;
	rule_fn		*fn;
} rules[] = {
	{ "id-mismatch",		rule_id_stem },
	{ "duplicate-id",		rule_id_unique },
	{ "unknown-source",		rule_unknown_source },
	{ "uncited-source",		rule_uncited_source },
	{ "uncited-statement",		rule_uncited_statement },
	{ "duplicate-statement",	rule_duplicate_statement },
	{ "unit-mismatch",		rule_unit_mismatch },
	{ "maximum-below-start",	rule_maximum_below_start },
	{ "bad-range",			rule_bad_range },
	{ "missing-unit",		rule_missing_unit },
	{ "missing-withdrawal",		rule_missing_withdrawal },
	{ "missing-intrathecal-withdrawal", rule_missing_intrathecal },
	{ "future-review",		rule_future_review },
	{ "stale-review",		rule_stale_review },
	{ "duplicate-interaction",	rule_duplicate_interaction },
	{ "dangling-xref",		rule_dangling_xref },
};

/*
 * The top-level sections that hold clinical statements: the targets of
 * xref but sources, which holds none.  meta and the disclaimer are not
 * clinical statements.
 */
static const char *const sections[] = {
	"drug", "boxed-warning", "uses", "dosing", "pharmacokinetics",
	"adverse-effects", "overdose", "warnings", "populations",
	"abuse-and-dependence", "withdrawal", "interactions", "comparisons",
	"safe-use", "faq", NULL
};

/*
 * The elements that make a clinical statement and must cite a source.
 * Labels (condition, title, question, alternative, agent, indication,
 * generic-name, summary) are not statements.
 */
static const char *const statements[] = {
	"p", "item", "disagreement", "effect", "sign", "symptom",
	"risk-factor", "advice", "titration", "study", "case-report",
	"strength", "brand", "start", "screening", "step", "maintenance",
	"maximum", "peak-time", "half-life", "clearance", "metabolism",
	"excretion", "onset", "drug-class", "position", "action", "duration",
	NULL
};

/* The dose elements of a regimen. */
static const char *const doses[] = {
	"screening", "start", "step", "maintenance", "maximum", NULL
};

/* The elements with a low-high range. */
static const char *const ranges[] = {
	"screening", "start", "step", "maintenance", "maximum", "peak-time",
	"half-life", "clearance", "duration", "metabolism", "excretion",
	"onset", NULL
};

enum family {
	FAM_MASS,
	FAM_VOLUME,
	FAM_CONC,
	FAM_PERKG,
	FAM_PERCENT
};

/* The unit each family is compared in. */
static const char *const family_base[] = {
	"mg", "mL", "mg/mL", "mg/kg", "%"
};

static const char *const family_names[] = {
	"a mass (mg, mcg, g)",
	"a volume (mL)",
	"a concentration (mg/mL, mcg/mL, mg/5 mL)",
	"a dose per kilogram (mg/kg, mcg/kg)",
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
	{ "mg/mL",	FAM_CONC,	1 },
	{ "mcg/mL",	FAM_CONC,	0.001 },
	{ "mg/5 mL",	FAM_CONC,	0.2 },
	{ "mg/kg",	FAM_PERKG,	1 },
	{ "mcg/kg",	FAM_PERKG,	0.001 },
	{ "%",		FAM_PERCENT,	1 },
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
 * the main thread; check_run() only reads the result.
 */
struct check *
check_new(char *const paths[], size_t n)
{
	struct check	*check;
	size_t		*order, i;

	order = NULL;
	if ((check = calloc(1, sizeof(*check))) == NULL)
		return NULL;
	check->n = n;
	check->today = NODATE;
	check->max_age = 1095;
	if ((check->paths = calloc(n + 1, sizeof(char *))) == NULL ||
	    (check->stems = calloc(n + 1, sizeof(char *))) == NULL ||
	    (check->first = calloc(n + 1, sizeof(size_t))) == NULL ||
	    (order = calloc(n + 1, sizeof(size_t))) == NULL)
		goto fail;
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
	free(order);
	return check;
fail:
	free(order);
	check_free(check);
	return NULL;
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
	free(check->stems);
	free(check->paths);
	free(check->first);
	free(check);
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

/* Is n an element called name? */
static int
named(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
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

/* The first child element of parent called name, or NULL. */
static xmlNodePtr
child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 n;

	if (parent == NULL)
		return NULL;
	for (n = xmlFirstElementChild(parent); n != NULL;
	    n = xmlNextElementSibling(n))
		if (named(n, name))
			return n;
	return NULL;
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
 * The line of element n's start tag (or of its attribute attr), which
 * messages give when they refer to another element.
 */
static int
node_line(const struct rule_ctx *c, xmlNodePtr n, const char *attr)
{
	char	 name[256];
	int	 line, col;

	line = xmlGetLineNo(n);
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(name, sizeof(name), "%s:%s", n->ns->prefix, n->name);
	else
		snprintf(name, sizeof(name), "%s", n->name);
	diag_file_locate(c->df, &line, &col, name, attr);
	return line < 0 ? 0 : line;
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
		skip = named(n, "cite") || named(n, "xref");
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

/* Does element n hold a cite? */
static int
has_cite(xmlNodePtr n)
{
	xmlNodePtr	 d;

	for (d = n->children; d != NULL; d = walk(d, n, 0))
		if (named(d, "cite"))
			return 1;
	return 0;
}

/*
 * Collect the clinical statements of the document in document order:
 * the statement elements inside the top-level sections.
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
		if (!named_in(sec, sections))
			continue;
		for (n = sec->children; n != NULL; n = walk(n, sec, stmt)) {
			if ((stmt = named_in(n, statements)) == 0)
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
	if ((sources = child(c->root, "sources")) == NULL)
		return NULL;
	cnt = 0;
	for (n = xmlFirstElementChild(sources); n != NULL;
	    n = xmlNextElementSibling(n))
		cnt++;
	if ((ids = calloc(cnt + 1, sizeof(*ids))) == NULL)
		return NULL;
	for (n = xmlFirstElementChild(sources); n != NULL;
	    n = xmlNextElementSibling(n))
		if (named(n, "source") &&
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
		if (!named(n, "cite") || (r = attr_value(n, "ref")) == NULL)
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
		if (!named(n, "cite") || (ref = attr_value(n, "ref")) == NULL)
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

	if ((sources = child(c->root, "sources")) == NULL ||
	    (refs = cite_refs(c, &nrefs)) == NULL)
		return;
	for (n = xmlFirstElementChild(sources); n != NULL && !full(c);
	    n = xmlNextElementSibling(n)) {
		if (!named(n, "source") || (id = attr_value(n, "id")) == NULL)
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

/* All doses of a regimen use one family of units. */
static void
rule_unit_mismatch(struct rule_ctx *c)
{
	const struct unit	*u, *ref;
	xmlNodePtr		 reg, n, refnode;

	for (reg = xmlFirstElementChild(child(c->root, "dosing"));
	    reg != NULL; reg = xmlNextElementSibling(reg)) {
		if (!named(reg, "regimen"))
			continue;
		ref = NULL;
		refnode = NULL;
		for (n = xmlFirstElementChild(reg); n != NULL;
		    n = xmlNextElementSibling(n)) {
			if (!named_in(n, doses) || (u = dose_unit(n)) == NULL)
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

/*
 * The largest amount dose element n allows, in the base unit of its
 * family, per day when it gives a period of an hour, a day or a week,
 * per dose when it gives no period or "dose".  Also describes it as
 * written into buf.
 */
static enum basis
dose_amount(xmlNodePtr n, double *amount, enum family *fam, char *buf,
    size_t sz)
{
	const struct unit	*u;
	enum basis		 basis;
	double			 low, high, times, factor;
	char			*per;
	size_t			 len;
	int			 hashigh, hastimes;

	if ((u = dose_unit(n)) == NULL || attr_number(n, "low", &low) != 1 ||
	    (hashigh = attr_number(n, "high", &high)) == -1 ||
	    (hastimes = attr_number(n, "times", &times)) == -1)
		return BASIS_NONE;
	if (hashigh == 0)
		high = low;
	if (hastimes == 0)
		times = 1;
	if (times < 1)
		return BASIS_NONE;
	per = attr_value(n, "per");
	basis = BASIS_DAY;
	factor = times;
	if (per == NULL || strcmp(per, "dose") == 0)
		basis = hastimes ? BASIS_NONE : BASIS_DOSE;
	else if (strcmp(per, "hour") == 0)
		factor *= 24;
	else if (strcmp(per, "week") == 0)
		factor /= 7;
	else if (strcmp(per, "day") != 0)
		basis = BASIS_NONE;
	*amount = high * u->scale * (basis == BASIS_DAY ? factor : 1);
	*fam = u->family;
	if (hashigh)
		snprintf(buf, sz, "%g to %g %s", low, high, u->name);
	else
		snprintf(buf, sz, "%g %s", low, u->name);
	len = strlen(buf);
	if (hastimes && len < sz)
		snprintf(buf + len, sz - len, " %g times", times);
	len = strlen(buf);
	if (per != NULL && len < sz)
		snprintf(buf + len, sz - len, " per %s", per);
	free(per);
	return basis;
}

/* A regimen's maximum is not below its starting dose. */
static void
rule_maximum_below_start(struct rule_ctx *c)
{
	xmlNodePtr	 reg, start, max;
	enum family	 fs, fm;
	enum basis	 bs, bm;
	double		 as, am;
	char		 ds[128], dm[128];

	for (reg = xmlFirstElementChild(child(c->root, "dosing"));
	    reg != NULL; reg = xmlNextElementSibling(reg)) {
		if (!named(reg, "regimen") ||
		    (start = child(reg, "start")) == NULL ||
		    (max = child(reg, "maximum")) == NULL)
			continue;
		bs = dose_amount(start, &as, &fs, ds, sizeof(ds));
		bm = dose_amount(max, &am, &fm, dm, sizeof(dm));
		if (bs == BASIS_NONE || bs != bm || fs != fm ||
		    am >= as * (1 - 1e-9))
			continue;
		diag_file_add_node(c->df, DIAG_ERROR, max, "low", c->code,
		    "maximum dose '%s' is below the starting dose '%s' on "
		    "line %d (%g %s against %g %s a %s); correct the figures "
		    "or their units", dm, ds, node_line(c, start, NULL), am,
		    family_base[fm], as, family_base[fs],
		    bm == BASIS_DAY ? "day" : "dose");
	}
}

/*
 * Every range has low <= high: doses, durations, shares and onsets, and
 * the days of a titration step.  Values the schema rejects are skipped.
 */
static void
rule_bad_range(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	double		 low, high;
	char		*sl, *sh;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!named_in(n, ranges))
			continue;
		if (attr_number(n, "low", &low) == 1 &&
		    attr_number(n, "high", &high) == 1 && low > high) {
			sl = attr_value(n, "low");
			sh = attr_value(n, "high");
			diag_file_add_node(c->df, DIAG_ERROR, n, "high",
			    c->code, "range of element '%s' runs backwards: "
			    "low '%s' is above high '%s'; swap them or "
			    "correct the figures", n->name, sl, sh);
			free(sl);
			free(sh);
		}
		if (named(n, "step") &&
		    attr_number(n, "from-day", &low) == 1 &&
		    attr_number(n, "to-day", &high) == 1 && low > high) {
			sl = attr_value(n, "from-day");
			sh = attr_value(n, "to-day");
			diag_file_add_node(c->df, DIAG_ERROR, n, "to-day",
			    c->code, "step runs backwards: from-day '%s' is "
			    "after to-day '%s'; swap them or correct the days",
			    sl, sh);
			free(sl);
			free(sh);
		}
	}
}

/* An onset that gives a time also gives its unit. */
static void
rule_missing_unit(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	xmlChar		*u;
	const char	*attr;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!named(n, "onset"))
			continue;
		if ((u = xmlGetProp(n, BAD_CAST "unit")) != NULL) {
			xmlFree(u);
			continue;
		}
		attr = xmlHasProp(n, BAD_CAST "low") != NULL ? "low" :
		    xmlHasProp(n, BAD_CAST "high") != NULL ? "high" : NULL;
		if (attr != NULL)
			diag_file_add_node(c->df, DIAG_ERROR, n, attr, c->code,
			    "onset gives a time but no unit; add unit=\"hour\", "
			    "\"day\" or another time unit");
	}
}

/* A monograph that describes dependence has a withdrawal section. */
static void
rule_missing_withdrawal(struct rule_ctx *c)
{
	xmlNodePtr	 dep;

	if ((dep = child(child(c->root, "abuse-and-dependence"),
	    "dependence")) == NULL || child(c->root, "withdrawal") != NULL)
		return;
	diag_file_add_node(c->df, DIAG_ERROR, dep, NULL, c->code,
	    "the monograph describes dependence but has no withdrawal "
	    "section; add <withdrawal> after abuse-and-dependence, with its "
	    "symptoms and how to taper");
}

/*
 * A drug with an intrathecal form says what abrupt stopping of the
 * intrathecal route does, in withdrawal/intrathecal.  Reported at the
 * withdrawal section, or at the form when there is none.
 */
static void
rule_missing_intrathecal(struct rule_ctx *c)
{
	xmlNodePtr	 form, wd;
	char		*route;
	int		 it;

	for (form = xmlFirstElementChild(child(child(c->root, "drug"),
	    "forms")); form != NULL; form = xmlNextElementSibling(form)) {
		if (!named(form, "form") ||
		    (route = attr_value(form, "route")) == NULL)
			continue;
		it = strcmp(route, "intrathecal") == 0;
		free(route);
		if (it)
			break;
	}
	if (form == NULL)
		return;
	if ((wd = child(c->root, "withdrawal")) == NULL)
		diag_file_add_node(c->df, DIAG_ERROR, form, "route", c->code,
		    "the drug has an intrathecal form but the monograph has "
		    "no withdrawal section; add <withdrawal> with an "
		    "<intrathecal> part saying what abrupt stopping does");
	else if (child(wd, "intrathecal") == NULL)
		diag_file_add_node(c->df, DIAG_ERROR, wd, NULL, c->code,
		    "the drug has an intrathecal form (line %d) but section "
		    "'withdrawal' does not say what abrupt stopping of the "
		    "intrathecal route does; add <intrathecal> before <taper>",
		    node_line(c, form, "route"));
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
	    (n = child(child(c->root, "meta"), "reviewed")) == NULL ||
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

/* The last-reviewed date is not in the future. */
static void
rule_future_review(struct rule_ctx *c)
{
	xmlNodePtr	 n;
	long		 days;
	char		 date[16];

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

/* Each interaction agent is listed once, whatever its case or spacing. */
static void
rule_duplicate_interaction(struct rule_ctx *c)
{
	xmlNodePtr	 n, agent;
	struct keyed	*v;
	char		*name;
	size_t		 i, cnt, first;

	cnt = 0;
	for (n = xmlFirstElementChild(child(c->root, "interactions"));
	    n != NULL; n = xmlNextElementSibling(n))
		cnt++;
	if ((v = calloc(cnt + 1, sizeof(*v))) == NULL)
		return;
	cnt = 0;
	for (n = xmlFirstElementChild(child(c->root, "interactions"));
	    n != NULL; n = xmlNextElementSibling(n)) {
		if (!named(n, "interaction") ||
		    (agent = child(n, "agent")) == NULL)
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
	qsort(v, cnt, sizeof(*v), cmp_keyed);
	for (first = 0, i = 1; i < cnt && !full(c); i++) {
		if (strcmp(v[i].key, v[first].key) != 0) {
			first = i;
			continue;
		}
		name = agent_key(v[i].node, 0);
		diag_file_add_node(c->df, DIAG_ERROR, v[i].node, NULL,
		    c->code, "agent '%s' is already listed in the "
		    "interaction on line %d; merge the two interactions",
		    name == NULL ? "" : name,
		    node_line(c, v[first].node, NULL));
		free(name);
	}
	free_keyed(v, cnt);
}

/* Every xref points at a section the monograph has. */
static void
rule_dangling_xref(struct rule_ctx *c)
{
	xmlNodePtr	 n, sec;
	char		*to;

	for (n = c->root; n != NULL && !full(c); n = walk(n, c->root, 0)) {
		if (!named(n, "xref") || (to = attr_value(n, "to")) == NULL)
			continue;
		/* Only the section names; other values are the schema's. */
		if (strcmp(to, "sources") == 0 || in_list(to, sections)) {
			for (sec = xmlFirstElementChild(c->root); sec != NULL;
			    sec = xmlNextElementSibling(sec))
				if (named(sec, to))
					break;
			if (sec == NULL)
				diag_file_add_node(c->df, DIAG_ERROR, n, "to",
				    c->code, "cross-reference to section '%s', "
				    "which this monograph does not have; add "
				    "the section or remove the xref", to);
		}
		free(to);
	}
}

/*
 * Run every rule on doc, the document of input number input.  Returns the
 * number of rules that reported an error or warning.
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
	return failed;
}
