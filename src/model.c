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
 * This file holds model_build() and the monograph's outline: its
 * sections, the drug and its forms, the boxed warning.  The other parts
 * are files of their own (src/model_int.h lists them): words and phrases,
 * citations, inline content, one handler per element, tables,
 * cross-references, the summary.  Each function turns one element of the
 * monograph (or a group of them) into model elements; its comment names
 * the model it writes.  tests/unit/test_model.c checks the model of every
 * monograph and fixture against schema/model.xsd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/dict.h>

#include "model.h"
#include "model_int.h"

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
	s = sub(mb, parent, str_get(&id), need(mb, "label", "further-notes"),
	    "normal");
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
	s = sub(mb, parent, "brands", need(mb, "label", "brand-names"),
	    "normal");
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
	str_add(mb, &b, need(mb, "label", "legal-status-open"));
	str_add(mb, &b, sat(mb, ls, "jurisdiction"));
	str_add(mb, &b, ")");
	s = sub(mb, parent, "legal-status", str_get(&b), "normal");
	p = el(mb, s, "p");
	strong(mb, p, need(mb, "label", "prescription"));
	str_clear(&b);
	str_add(mb, &b, " ");
	add_dash_to_space(mb, &b, sat(mb, ls, "prescription"));
	str_add(mb, &b, "; ");
	text(mb, p, str_get(&b));
	strong(mb, p, need(mb, "label", "controlled-substance"));
	str_clear(&b);
	str_add(mb, &b, " ");
	controlled = att(mb, ls, "controlled");
	if (eq(controlled, "no"))
		str_add(mb, &b, need(mb, "label", "controlled-no"));
	else {
		str_add(mb, &b, need(mb, "label", "controlled-yes"));
		add_dash_to_space(mb, &b, controlled != NULL ? controlled : "");
	}
	str_add(mb, &b, "; ");
	text(mb, p, str_get(&b));
	legal_field(mb, p, ls, "narcotic", need(mb, "label", "narcotic"));
	legal_field(mb, p, ls, "opioid", need(mb, "label", "opioid"));
	legal_field(mb, p, ls, "category", need(mb, "label",
	    "marketing-category"));
	legal_field(mb, p, ls, "application", need(mb, "label",
	    "application"));
	str_clear(&b);
	str_add(mb, &b, need(mb, "label", "jurisdiction"));
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
	const char	*cells[5];
	const xmlNode	*f;
	struct buf	 b;
	xmlNodePtr	 t;

	memset(&b, 0, sizeof(b));
	if (child(n, "form") != NULL) {
		t = el(mb, s, "table");
		set(mb, t, "id", "forms-table");
		set(mb, t, "caption", need(mb, "label", "forms-caption"));
		set(mb, t, "cols", "form status strengths products");
		cells[0] = need(mb, "label", "col-form");
		cells[1] = need(mb, "label", "col-status");
		cells[2] = need(mb, "label", "col-strengths");
		cells[3] = need(mb, "label", "col-products");
		cells[4] = NULL;
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
		strong(mb, p, need(mb, "label", classes > 1 ? "drug-classes" :
		    "drug-class"));
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
				str_add(mb, &b, need(mb, "label", "unii"));
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
	set(mb, s, "title", need(mb, "section", "boxed-warning"));
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
			str_add(mb, &b, need(mb, "label", "use-close"));
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

