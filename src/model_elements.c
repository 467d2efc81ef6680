/*
 * The document model: one handler per element of the monograph format
 * (the stylesheets' mode model), chosen by blocks[], the dispatch table.
 * An element that has no row there is named in read_by[] with the
 * function that reads it; tests/unit/test_model.c checks that every
 * element of schema/monograph.xsd is in one of the two, so that none
 * vanishes from the outputs unnoticed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "model_int.h"

static void	 m_list(struct mb *mb, xmlNodePtr parent, const xmlNode *n);
static int	 follows_same(const xmlNode *n);
static const xmlNode	*next_same(const xmlNode *n);
static xmlNodePtr	 sub_of(struct mb *mb, xmlNodePtr parent,
	    const xmlNode *n, const char *dflt, const char *title,
	    const char *kind);
static void	 criteria_p(struct mb *mb, xmlNodePtr parent,
	    const xmlNode *n);
static void	 labelled_text(struct mb *mb, xmlNodePtr parent,
	    const char *label, const char *words);
static const xmlNode	*att_form(struct mb *mb, const xmlNode *n);
static void	 add_range(struct mb *mb, struct buf *b, const xmlNode *n,
	    const char *unit);

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
		str_add(mb, &facts, need(mb, "label", "subjects-colon"));
		str_add(mb, &facts, subjects);
	}
	str_add(mb, &b, need(mb, "label", is_m(n, "study") ? "study" :
	    "case-report"));
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
		strong(mb, p, need(mb, "label", "use-route"));
		str_clear(&b);
		str_add(mb, &b, " ");
		str_add(mb, &b, route_words(mb, att(mb, n, "route")));
		text(mb, p, str_get(&b));
	}
	if (att(mb, n, "population") != NULL &&
	    !eq(att(mb, n, "population"), "all")) {
		text(mb, p, "; ");
		strong(mb, p, need(mb, "label", "use-for"));
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
	str_add(mb, &b, need(mb, "label", "position"));
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
			str_add(mb, b, need(mb, "label", "range-to"));
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
void
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
		str_add(mb, b, need(mb, "label", "aged"));
		str_add(mb, b, min);
		str_add(mb, b, need(mb, "label", "age-to"));
		str_add(mb, b, max);
		str_add(mb, b, need(mb, "label", "years"));
	} else if (min != NULL) {
		str_add(mb, b, need(mb, "label", "aged"));
		str_add(mb, b, min);
		str_add(mb, b, need(mb, "label", "years-and-older"));
	} else if (max != NULL) {
		str_add(mb, b, need(mb, "label", "younger-than"));
		str_add(mb, b, max);
		str_add(mb, b, need(mb, "label", "years"));
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
	strong(mb, p, need(mb, "label", is_m(n, "metabolism") ? "metabolism" :
	    "excretion"));
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
		str_add(mb, &b, need(mb, "label", "of-a-dose"));
		text(mb, p, str_get(&b));
		free(b.p);
	} else
		text(mb, p, need(mb, "label", "share-not-stated"));
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
const xmlNode *
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
		str_add(mb, b, need(mb, "label", "route-word"));
	}
	if (b->len > 0)
		str_add(mb, b, ":");
}

static void
m_sign(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (follows_same(n))
		return;
	strong(mb, el(mb, parent, "p"), need(mb, "label", is_m(n, "sign") ?
	    "signs" : "symptoms"));
	sibling_list(mb, parent, n, sign_label);
}

static void
m_plain_list(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	if (follows_same(n))
		return;
	if (is_m(n, "risk-factor"))
		strong(mb, el(mb, parent, "p"),
		    need(mb, "label", "risk-factors"));
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
		str_add(mb, &b, need(mb, "label", "route-close"));
	}
	str_add(mb, &b, ":");
	p = el(mb, parent, "p");
	strong(mb, p, str_get(&b));
	text(mb, p, " ");
	if (att(mb, n, "low") != NULL) {
		str_clear(&b);
		add_duration(mb, &b, n);
		str_add(mb, &b, need(mb, "label", "after-last-dose"));
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
	numbered_sub(mb, parent, n, "comparison",
	    need(mb, "label", "compared-with"),
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
	str_add(mb, &title, need(mb, "label", "agency-warning"));
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
		str_add(mb, &b, need(mb, "label", "date-not-stated"));
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
			labelled(mb, s, c, need(mb, "label", "typical-taper"),
			    str_get(&b));
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
const char *
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
void
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
			str_add(mb, &b, need(mb, "label", "ndc-open"));
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
void
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
void
model_children(struct mb *mb, xmlNodePtr parent, const xmlNode *n)
{
	const xmlNode	*c;

	if (parent == NULL)
		return;
	for (c = n->children; c != NULL; c = c->next)
		model_node(mb, parent, c);
}

/* apply-templates mode="model" to the children of each child m:NAME */
void
model_grandchildren(struct mb *mb, xmlNodePtr parent, const xmlNode *n,
    const char *name)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_m(c, name))
			model_children(mb, parent, c);
}

/*
 * The elements of the monograph format that have no row in blocks[]: who
 * reads each (a top-level section, its parent's handler, the inline
 * content).  Every element of schema/monograph.xsd is in blocks[] or
 * here, never both, and each function named here is defined in one of
 * src/model*.c (build/test_model checks, so that an element losing its
 * row fails a test instead of vanishing from every output).
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
	{ "title", "its parent's: section(), boxed(), m_section(), "
	    "numbered_sub(), m_agency_warning(), refs()" },
	{ "caption", "m_table()" },
	{ "thead", "m_table()" },
	{ "tbody", "m_table()" },
	{ "tr", "table_group()" },
	{ "th", "table_row()" },
	{ "td", "table_row()" },
	{ "footnote", "m_table()" },
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

