/*
 * Safe loading of untrusted XML: read into memory, parse with fixed safe
 * options, refuse DOCTYPEs, entity references, XIncludes and processing
 * instructions.
 */
#ifndef MONOC_LOAD_H
#define MONOC_LOAD_H

#include <libxml/parser.h>
#include <libxml/tree.h>

struct diag_file;

#define LOAD_MAXSIZE	(16 * 1024 * 1024)
#define LOAD_MAXDEPTH	256	/* elements nested */
#define LOAD_MAXATTRS	64	/* attributes and xmlns of one element */

xmlExternalEntityLoader load_lockdown(void);
char		*load_read(const char *path, struct diag_file *df, size_t *lenp);
xmlDocPtr	load_file(const char *path, struct diag_file *df);
xmlDocPtr	load_label(const char *path, struct diag_file *df);
xmlDocPtr	load_memory(const void *data, size_t len, const char *name,
		    struct diag_file *df);
xmlDocPtr	load_label_memory(const void *data, size_t len,
		    const char *name, struct diag_file *df);
size_t		load_count_nodes(xmlDocPtr doc);

#endif
