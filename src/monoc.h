/*
 * The driver, callable in-process (main() is one line around it).
 */
#ifndef MONOC_MONOC_H
#define MONOC_MONOC_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

struct diag;

/*
 * The memory budget: what the monographs being compiled at one time may
 * take together (docs/security.md has the figures these come from).
 * Before a monograph is read, MEM_PER_BYTE times its size is reserved
 * (parsing, validating and checking took at most 38 times the file);
 * before it is transformed, MEM_PER_BYTE times its size plus MEM_PER_NODE
 * per element, attribute and text node (the model and the result trees
 * took at most 2 KB a node) and MEM_PER_SLOT per slot of the grids of
 * its tables (table.c: rows times columns; the renderers' grids took
 * 2 KB a slot at the peak, for a table of 256 columns whose cells span
 * rows).  The estimate is made, and the reservation taken, before the
 * model or any grid is built.  A worker waits until its share fits, so
 * -j never takes the run over the budget; a monograph that would need
 * more than the whole budget is refused.  monoc import works under the
 * same budget: a label's tree at MEM_PER_BYTE a byte and MEM_PER_NODE a
 * node, and the monograph made from it as compiling it would take.
 */
#define MEM_BUDGET	((size_t)1024 * 1024 * 1024)
#define MEM_PER_BYTE	40
#define MEM_PER_NODE	2560
#define MEM_PER_SLOT	2048

int	monoc_main(int argc, char *argv[], FILE *err);
char	*monoc_datadir(void);
size_t	 monoc_budget(struct diag *d);
size_t	 monoc_mem_compile(xmlDocPtr doc, size_t size);

#endif
