/*
 * The document model: helpers every part of it calls.  Strings built in
 * a struct buf (white space as XPath's normalize-space() sees it), the
 * source document read as the stylesheets' XPath read it (attributes,
 * children, string values, ordinals), and the model document written
 * (elements, attributes, text, table heads, subs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xpathInternals.h>

#include "dom.h"
#include "model_int.h"

/* ------------------------------------------------------------------ */
/* Strings                                                            */
/* ------------------------------------------------------------------ */

void
str_addn(struct mb *mb, struct buf *b, const char *s, size_t n)
{
	buf_add(b, s, n);
	if (b->fail)
		mb->nomem = 1;
}

void
str_add(struct mb *mb, struct buf *b, const char *s)
{
	str_addn(mb, b, s, strlen(s));
}

/* The string so far ("" before anything was added). */
const char *
str_get(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

void
str_clear(struct buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		*b->p = '\0';
}

/* XPath white space: space, tab, carriage return, line feed. */
int
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
int
all_ws(const char *s)
{
	while (is_ws(*s))
		s++;
	return *s == '\0';
}

/* Append normalize-space(s). */
void
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
void
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
void
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
double
number(const char *s)
{
	return s == NULL ? xmlXPathNAN : xmlXPathStringEvalNumber(BAD_CAST s);
}

int
eq(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

/* ------------------------------------------------------------------ */
/* The source document                                                */
/* ------------------------------------------------------------------ */

/* Is n the element m:NAME? */
int
is_m(const xmlNode *n, const char *name)
{
	return dom_is_ns(n, MNS, name);
}

int
is_text(const xmlNode *n)
{
	return n != NULL && (n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE);
}

/* The value of the attribute NAME (no namespace), NULL when absent. */
const char *
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
const char *
sat(struct mb *mb, const xmlNode *n, const char *name)
{
	const char	*v;

	return (v = att(mb, n, name)) != NULL ? v : "";
}

/* The first child m:NAME of n, or NULL. */
const xmlNode *
child(const xmlNode *n, const char *name)
{
	return dom_child_ns(n, MNS, name);
}

/*
 * count(preceding-sibling::m:NAME) + 1, n being one.  Siblings are
 * numbered in document order, so the count goes back only as far as the
 * last one numbered: linear in the siblings, not quadratic (16,000
 * interactions took 3.6 s).
 */
size_t
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
int
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
void
add_norm_node(struct mb *mb, struct buf *b, const xmlNode *n)
{
	if (n == NULL)
		return;
	str_clear(&mb->scratch);
	add_value(mb, &mb->scratch, n);
	add_norm(mb, b, str_get(&mb->scratch));
}

/* normalize-space(n) != '' */
int
has_words(struct mb *mb, const xmlNode *n)
{
	str_clear(&mb->scratch);
	add_value(mb, &mb->scratch, n);
	return !all_ws(str_get(&mb->scratch));
}

/* A text node of white space only (normalize-space(.) = ''). */
int
is_blank(const xmlNode *n)
{
	return is_text(n) && (n->content == NULL ||
	    all_ws((const char *)n->content));
}

/* ------------------------------------------------------------------ */
/* The model document                                                 */
/* ------------------------------------------------------------------ */

/* A new element NAME, last child of parent (NULL after a failure). */
xmlNodePtr
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

void
set(struct mb *mb, xmlNodePtr e, const char *name, const char *value)
{
	if (e != NULL && xmlNewProp(e, BAD_CAST name, BAD_CAST value) == NULL)
		mb->nomem = 1;
}

void
set_n(struct mb *mb, xmlNodePtr e, const char *name, size_t value)
{
	char	 num[32];

	snprintf(num, sizeof(num), "%zu", value);
	set(mb, e, name, num);
}

/* Add text to p, joined to a text node before it as libxslt does. */
void
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
xmlNodePtr
el_text(struct mb *mb, xmlNodePtr parent, const char *name, const char *s)
{
	xmlNodePtr	 e;

	e = el(mb, parent, name);
	text(mb, e, s);
	return e;
}

/* <NAME><para>s</para></NAME>, as the table cells are. */
xmlNodePtr
cell_para(struct mb *mb, xmlNodePtr row, const char *s)
{
	return el_text(mb, el(mb, row, "cell"), "para", s);
}

/* A table head of cells. */
void
head(struct mb *mb, xmlNodePtr table, const char *const *cells)
{
	xmlNodePtr	 h;

	h = el(mb, table, "head");
	for (; *cells != NULL; cells++)
		el_text(mb, h, "cell", *cells);
}

/* <sub id title kind>, the template "sub" (or the literal ones). */
xmlNodePtr
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

