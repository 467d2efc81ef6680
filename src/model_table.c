/*
 * The document model: tables.  A monograph's table (head and body row
 * groups, spans, footnotes) becomes the model's grid, its cells placed
 * as src/table.c places them for check and import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "grid.h"
#include "model_int.h"
#include "table.h"

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
int
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
const xmlNode *
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
void
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

