/*
 * monoc import: FDA SPL labels in, format-2 monographs out.
 */
#ifndef MONOC_IMPORT_H
#define MONOC_IMPORT_H

#include <stdio.h>

#include <libxml/tree.h>

struct diag_file;
struct spl;

int		 import_main(int argc, char *argv[], FILE *err);
xmlDocPtr	 import_build(struct spl *spl, const char *name,
		    const char *today, struct diag_file *df);
char		*import_name(const struct spl *spl);
int		 import_depth(const char *buf, size_t len);

#endif
