/*
 * The document model: links between monographs (the related list, the
 * "see also" section) and cross-references inside one, whose words are
 * filled in from the titles of the sections they point to once the whole
 * model is built.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/hash.h>

#include "model_int.h"

/* ------------------------------------------------------------------ */
/* Format 2: links to other monographs, highlights, cross references  */
/* ------------------------------------------------------------------ */

/* <link ref="REF">text of n</link> in p */
void
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
void
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
void
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
void
xref_to(struct mb *mb, xmlNodePtr p, const char *id)
{
	set(mb, el(mb, p, "xref"), "to", id);
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
void
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
