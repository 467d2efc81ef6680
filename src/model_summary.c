/*
 * The document model: the summary at the top of a monograph (the
 * Highlights): what the drug is, its dosing, uses, contraindications,
 * serious risks, common effects, key interactions and forms, each item
 * built from the monograph's structured content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "model_int.h"

/* the longest prose contraindication the highlights quote, in bytes */
#define HL_PROSE_MAX	200

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
void
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
void
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
