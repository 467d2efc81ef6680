/*
 * grid.h: the grid and column widths of a general table of the model,
 * the C twins of common.xsl's table-layout and table-widths (grid.c).
 */
#ifndef MONOC_GRID_H
#define MONOC_GRID_H

#include <stddef.h>

#include <libxml/tree.h>

/* One slot of the grid: a cell, a column a cell above covers, or empty. */
struct grid_slot {
	int		 col, span;	/* from 1 */
	const xmlNode	*cell;		/* NULL: an empty slot */
	int		 ri, ci;	/* the cell is cell ci of row ri */
	int		 cov;		/* covered by a cell of a row above */
};

struct grid_row {
	const xmlNode	*row;		/* the head or row element */
	int		 cont;		/* a cell above reaches into it */
	size_t		 first, nslots;	/* its slots */
};

struct grid {
	struct grid_row	*rows;
	size_t		 nrows;
	struct grid_slot *slots;
	size_t		 nslots, cap;
	int		 n;		/* columns */
};

int	 grid_layout(const xmlNode *table, int max, struct grid *g);
void	 grid_free(struct grid *g);
int	 grid_merge_columns(xmlNodePtr t);
long	 grid_cell_word(const xmlNode *cell, const char *breaks);
char	*grid_widths(int n, const long *nat, const long *word, double avail,
	    double least);
int	 grid_register(const char *ns);

#endif
