/*
 * table.c: the one table grid.  A table is row groups (thead, tbody; in
 * the model, the head rows and the body rows) of rows of cells, each
 * spanning colspan columns and rowspan rows.  A cell starts at the first
 * column of its row that no cell of a row above still covers; a rowspan
 * ends with its group.  The checks measure rows with it (check.c), the
 * importer cuts and pads rows with it (import.c), the model cuts the
 * spans of its rows with it (model.c), and the memory budget counts the
 * slots of every table with it (monoc.c).  The limits are here too:
 * spans and columns past them are refused in monographs, cut in labels.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* Is n a cell: td or th (monographs, labels), cell (the model)? */
int
table_is_cell(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE &&
	    (xmlStrEqual(n->name, BAD_CAST "td") ||
	    xmlStrEqual(n->name, BAD_CAST "th") ||
	    xmlStrEqual(n->name, BAD_CAST "cell"));
}

/*
 * A cell's colspan or rowspan (name) as written (an xs:positiveInteger:
 * digits, a + and spaces around), at most INT_MAX; 1 when absent, zero
 * or anything else.
 */
int
table_span(const xmlNode *cell, const char *name)
{
	xmlChar		*v;
	const xmlChar	*p, *q;
	long long	 n;

	if ((v = xmlGetNoNsProp(cell, BAD_CAST name)) == NULL)
		return 1;
	n = 0;
	for (p = v; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';)
		p++;
	if (*p == '+')
		p++;
	for (q = p; *p >= '0' && *p <= '9'; p++)
		if ((n = n * 10 + (*p - '0')) > INT_MAX)
			n = INT_MAX;
	if (p == q)
		n = 0;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (*p != '\0' || n < 1)
		n = 1;
	xmlFree(v);
	return (int)n;
}

/* Set the span name of cell to n (none when 1); -1 when out of memory. */
static int
set_span(xmlNodePtr cell, const char *name, int n)
{
	char	 num[16];

	if (n <= 1) {
		xmlUnsetProp(cell, BAD_CAST name);
		return 0;
	}
	snprintf(num, sizeof(num), "%d", n);
	return xmlSetProp(cell, BAD_CAST name, BAD_CAST num) != NULL ? 0 : -1;
}

/* The start of a row group: no column covered. */
void
table_occ_start(struct table_occ *o)
{
	memset(o, 0, sizeof(*o));
}

/*
 * Lay the cells of the row tr, with left more rows in its group: each
 * at the first free column, spans of more than TABLE_MAXSPAN counted as
 * TABLE_MAXSPAN and columns past TABLE_MAXCOLS not at all (o->over says
 * a row reached past them).  With cut, a rowspan ends with the group
 * and the spans are written back as counted; without, a rowspan past
 * the group's end stays, for table_occ_past() to find.
 * Returns the width of the row: the columns its cells and the cells
 * above covering it fill.  Call table_occ_next() after each row.
 */
int
table_occ_row(struct table_occ *o, xmlNodePtr tr, size_t left, int cut)
{
	xmlNodePtr	 cell;
	int		 cs, rs, k, i, w;

	memset(o->cur, 0, sizeof(o->cur));
	o->col = 0;
	w = 0;
	for (cell = tr->children; cell != NULL; cell = cell->next) {
		if (!table_is_cell(cell))
			continue;
		while (o->col < TABLE_MAXCOLS && o->occ[o->col] > 0)
			o->col++;
		cs = table_span(cell, "colspan");
		rs = table_span(cell, "rowspan");
		if (cs > TABLE_MAXSPAN) {
			cs = TABLE_MAXSPAN;
			if (cut && set_span(cell, "colspan", cs) == -1)
				o->nomem = 1;
		}
		if (rs > TABLE_MAXSPAN || (cut && (size_t)rs - 1 > left)) {
			if (rs > TABLE_MAXSPAN)
				rs = TABLE_MAXSPAN;
			if (cut && (size_t)rs - 1 > left)
				rs = (int)left + 1;
			if (cut && set_span(cell, "rowspan", rs) == -1)
				o->nomem = 1;
		}
		for (k = 0; k < cs && o->col + k < TABLE_MAXCOLS; k++) {
			o->cur[o->col + k] = rs - 1;
			o->curby[o->col + k] = cell;
		}
		if (o->col + cs > TABLE_MAXCOLS)
			o->over = 1;
		o->col = o->col + cs > TABLE_MAXCOLS ? TABLE_MAXCOLS :
		    o->col + cs;
		if (o->col > w)
			w = o->col;
	}
	for (i = w; i < TABLE_MAXCOLS; i++)
		if (o->occ[i] > 0)
			w = i + 1;
	return o->width = w;
}

/*
 * Where a cell added at the end of the row just laid goes: the next free
 * column, which it fills.  Returns the row's new width.
 */
int
table_occ_pad(struct table_occ *o)
{
	while (o->col < TABLE_MAXCOLS && o->occ[o->col] > 0)
		o->col++;
	if (o->col < TABLE_MAXCOLS)
		o->col++;
	if (o->col > o->width)
		o->width = o->col;
	return o->width;
}

/* From the row just laid to the next: the covers of its cells begin. */
void
table_occ_next(struct table_occ *o)
{
	int	 i;

	for (i = 0; i < TABLE_MAXCOLS; i++)
		if (o->occ[i] > 0)
			o->occ[i]--;
		else {
			o->occ[i] = o->cur[i];
			o->by[i] = o->curby[i];
		}
}

/*
 * A row is left out where the next row would be laid: each cell above
 * that covers it spans one row less (its rowspan written back), so that
 * every other cell keeps its column.  Call instead of table_occ_row()
 * and table_occ_next() for that row.
 */
void
table_occ_drop(struct table_occ *o)
{
	int	 i;

	for (i = 0; i < TABLE_MAXCOLS; i++) {
		if (o->occ[i] == 0)
			continue;
		if ((i == 0 || o->by[i - 1] != o->by[i]) &&
		    set_span(o->by[i], "rowspan",
		    table_span(o->by[i], "rowspan") - 1) == -1)
			o->nomem = 1;
		o->occ[i]--;
	}
}

/*
 * After a group's last row: the first column (from 1) that a rowspan
 * still covers, one reaching past the group; 0 when none does.
 */
int
table_occ_past(const struct table_occ *o)
{
	int	 i;

	for (i = 0; i < TABLE_MAXCOLS; i++)
		if (o->occ[i] > 0)
			return i + 1;
	return 0;
}

/* The slots of one table: its rows times its widest row. */
static size_t
slots_of(const xmlNode *t)
{
	const xmlNode	*g, *tr, *c;
	size_t		 rows, w, max;

	rows = max = 0;
	for (g = t->children; g != NULL; g = g->next) {
		if (g->type != XML_ELEMENT_NODE)
			continue;
		for (tr = g->children; tr != NULL; tr = tr->next) {
			if (tr->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(tr->name, BAD_CAST "tr"))
				continue;
			rows++;
			w = 0;
			for (c = tr->children; c != NULL &&
			    w < TABLE_MAXCOLS; c = c->next)
				if (table_is_cell(c))
					w += (size_t)table_span(c, "colspan");
			if (w > max)
				max = w > TABLE_MAXCOLS ? TABLE_MAXCOLS : w;
		}
	}
	return rows * max;
}

/*
 * The slots of the grids of the tables under root (a monograph): each
 * table's rows times its widest row, spans counted, at most
 * TABLE_MAXCOLS; what the renderers' grids hold at most, for the
 * memory budget.
 */
size_t
table_slots(const xmlNode *root)
{
	const xmlNode	*n;
	size_t		 total;

	total = 0;
	for (n = root; n != NULL;) {
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "table")) {
			total += slots_of(n);
		} else if (n->children != NULL &&
		    n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	return total;
}
