/*
 * The monograph schema.  The XSD is parsed and compiled once per run (in
 * the main thread, before workers start and before load_lockdown(), so its
 * includes and imports can still be read); each worker validates with its
 * own validation context, whose errors go to the input's diag_file.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemas.h>

#include "diag.h"
#include "schema.h"

struct schema {
	xmlSchemaPtr	 xsd;
};

struct schema_vctx {
	xmlSchemaValidCtxtPtr	 ctxt;
};

struct compile {
	struct diag	*diag;
	int		 errors;
};

/* Report schema compile errors as system errors through diag. */
static void
compile_error(void *ctx, xmlErrorPtr err)
{
	struct compile	*c = ctx;
	struct diag	*diag = c->diag;
	char		 msg[1024];
	size_t		 len;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	c->errors++;
	snprintf(msg, sizeof(msg), "%s", err->message != NULL ?
	    err->message : "unknown error");
	if (isupper((unsigned char)msg[0]) && islower((unsigned char)msg[1]))
		msg[0] = tolower((unsigned char)msg[0]);
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == '.'))
		msg[--len] = '\0';
	if (err->file != NULL)
		diag_msg(diag, DIAG_FATAL, "%s:%d: %s", err->file, err->line,
		    msg);
	else
		diag_msg(diag, DIAG_FATAL, "cannot load schema: %s", msg);
}

/*
 * Load and compile the XSD at path.  On failure report it (a system error,
 * exit status 2) and return NULL.
 */
struct schema *
schema_load(const char *path, struct diag *diag)
{
	xmlSchemaParserCtxtPtr	 pctxt;
	struct schema		*schema;
	struct compile		 c;

	schema = NULL;
	c.diag = diag;
	c.errors = 0;
	xmlSetStructuredErrorFunc(&c, compile_error);
	if ((pctxt = xmlSchemaNewParserCtxt(path)) == NULL) {
		diag_msg(diag, DIAG_FATAL, "%s: cannot read schema", path);
		goto out;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, compile_error, &c);
	if ((schema = calloc(1, sizeof(*schema))) == NULL)
		goto out;
	if ((schema->xsd = xmlSchemaParse(pctxt)) == NULL) {
		if (c.errors == 0)
			diag_msg(diag, DIAG_FATAL, "%s: cannot load schema",
			    path);
		free(schema);
		schema = NULL;
	}
out:
	xmlSchemaFreeParserCtxt(pctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	return schema;
}

void
schema_free(struct schema *schema)
{
	if (schema == NULL)
		return;
	xmlSchemaFree(schema->xsd);
	free(schema);
}

/* A validation context for one worker thread. */
struct schema_vctx *
schema_vctx_new(const struct schema *schema)
{
	struct schema_vctx	*vctx;

	if ((vctx = calloc(1, sizeof(*vctx))) == NULL)
		return NULL;
	if ((vctx->ctxt = xmlSchemaNewValidCtxt(schema->xsd)) == NULL) {
		free(vctx);
		return NULL;
	}
	return vctx;
}

void
schema_vctx_free(struct schema_vctx *vctx)
{
	if (vctx == NULL)
		return;
	xmlSchemaFreeValidCtxt(vctx->ctxt);
	free(vctx);
}

/* Validate doc, reporting every error to df. */
enum schema_result
schema_validate(struct schema_vctx *vctx, xmlDocPtr doc,
    struct diag_file *df)
{
	int	 rc;

	xmlSchemaSetValidStructuredErrors(vctx->ctxt, diag_xml_error, df);
	xmlSetStructuredErrorFunc(df, diag_xml_error);
	rc = xmlSchemaValidateDoc(vctx->ctxt, doc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSchemaSetValidStructuredErrors(vctx->ctxt, NULL, NULL);
	if (rc == 0)
		return SCHEMA_VALID;
	if (rc > 0)
		return SCHEMA_INVALID;
	diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
	    "internal error while validating (libxml2 code %d)", rc);
	return SCHEMA_INTERNAL;
}
