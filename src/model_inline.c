/*
 * The document model: inline content (the stylesheets' mode inline):
 * text, emphasis, sub- and superscripts, citations, cross-references and
 * table footnote marks inside a paragraph, and the labelled lead-ins and
 * notes the element handlers put around it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "model_int.h"

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
void
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

void
inline_children(struct mb *mb, xmlNodePtr p, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next)
		inline_node(mb, p, c);
}

/* template note-after: sep when n has words, then its inline content */
void
note_after(struct mb *mb, xmlNodePtr p, const xmlNode *n, const char *sep)
{
	if (has_words(mb, n) || child(n, "em") != NULL ||
	    child(n, "xref") != NULL)
		text(mb, p, sep);
	inline_children(mb, p, n);
}

/* <strong>s</strong> in p */
void
strong(struct mb *mb, xmlNodePtr p, const char *s)
{
	el_text(mb, p, "strong", s);
}

/* template labelled: <p><strong>label</strong> words, note</p> */
void
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

