/*
 * table.h: the one table grid of monographs, labels and the model: the
 * limits on spans, columns and slots, and the occupancy of rows (each
 * cell at the first column no cell above still covers), used by the
 * checks (check.c), the importer (import.c), the model (model.c), the
 * renderers' grid (grid.c) and the memory budget (monoc.c).
 */
#ifndef MONOC_TABLE_H
#define MONOC_TABLE_H

#include <stddef.h>

#include <libxml/tree.h>

#define TABLE_MAXSPAN	256	/* a colspan or rowspan */
#define TABLE_MAXCOLS	256	/* the columns of a table */
/*
 * The slots (rows times columns) of the tables of one monograph: the
 * renderers lay out each slot (about 80 microseconds of CPU for the
 * three formats, 2 KB at the peak).  The largest of 3,060 labels has
 * 13,074; 50,000 take about 6 seconds.
 */
#define TABLE_MAXSLOTS	50000

/* The occupancy of one row group (thead, tbody) as its rows are laid. */
struct table_occ {
	int	 occ[TABLE_MAXCOLS];	/* rows a cell above still covers */
	int	 cur[TABLE_MAXCOLS];	/* the same, from the row being laid */
	xmlNodePtr by[TABLE_MAXCOLS];	/* the cell covering occ's columns */
	xmlNodePtr curby[TABLE_MAXCOLS]; /* the same, for cur */
	int	 col;			/* the next column of that row */
	int	 width;			/* the columns it fills */
	int	 over;			/* spans reached past TABLE_MAXCOLS */
	int	 nomem;			/* a span could not be written */
};

int	 table_span(const xmlNode *cell, const char *name);
int	 table_is_cell(const xmlNode *n);
void	 table_occ_start(struct table_occ *o);
int	 table_occ_row(struct table_occ *o, xmlNodePtr tr, size_t left,
	    int cut);
int	 table_occ_pad(struct table_occ *o);
void	 table_occ_next(struct table_occ *o);
void	 table_occ_drop(struct table_occ *o);
int	 table_occ_past(const struct table_occ *o);
size_t	 table_slots(const xmlNode *root);

#endif
