/*
 * The document model of a monograph (xslt/common.xsl, mode "model"),
 * built in C for monoc; xslt/model.xsl stays its definition, for stock
 * xsltproc and for the parity tests.
 */
#ifndef MONOC_MODEL_H
#define MONOC_MODEL_H

#include <stdint.h>

#include <libxml/tree.h>

enum model_status {
	MODEL_OK,
	MODEL_UNSUPPORTED,	/* leave this document to model.xsl */
	MODEL_NOMEM
};

/*
 * FNV-1a of xslt/model.xsl and xslt/common.xsl as model.c implements
 * them: model.c is used only when the data directory holds these bytes.
 */
#define MODEL_SHEETS_HASH	UINT64_C(0x43fd4e7ad6afdb52)

xmlDocPtr	 model_build(xmlDocPtr doc, enum model_status *status);
int		 model_sheets_hash(const char *datadir, uint64_t *hash);

#endif
