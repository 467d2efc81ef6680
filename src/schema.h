/*
 * The monograph schema: compiled once, shared read-only by all workers,
 * each of which validates through its own struct schema_vctx.
 */
#ifndef MONOC_SCHEMA_H
#define MONOC_SCHEMA_H

#include <libxml/tree.h>

struct diag;
struct diag_file;
struct schema;
struct schema_vctx;

enum schema_result {
	SCHEMA_VALID,
	SCHEMA_INVALID,
	SCHEMA_INTERNAL		/* libxml2 failed: a system error */
};

struct schema		*schema_load(const char *path, struct diag *diag);
void			 schema_free(struct schema *schema);
struct schema_vctx	*schema_vctx_new(const struct schema *schema);
void			 schema_vctx_free(struct schema_vctx *vctx);
enum schema_result	 schema_validate(struct schema_vctx *vctx,
			    xmlDocPtr doc, struct diag_file *df);

#endif
