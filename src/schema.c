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
#include "xmlmsg.h"

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

/*
 * The state of one validation.  libxml2 stops checking the siblings that
 * follow an element it did not expect, so a misspelt element would hide
 * every later problem in its parent.  To report them in the same run, the
 * unexpected elements are recorded, then on a copy of the document renamed
 * to the suggested name (or removed when there is none: often it is a real
 * element out of order), and the copy is
 * validated again.  Errors already reported are not repeated (diag drops
 * duplicates), and in later passes content-model errors in the parents
 * that were changed are dropped as likely consequences of the change.
 *
 * A content-model error also makes libxml2 lose the keys declared after
 * it, so every reference to them "matches nothing".  Dangling-reference
 * errors are therefore held back and reported only from a pass without
 * content-model errors, and not for a value that was itself rejected (an
 * id with a bad value declares nothing).  The keyref of citations is not
 * reported at all: check.c does it better ([unknown-source]).
 */
#define MAXPASSES	8
#define MAXFIXES	64
#define MAXDEFER	256
#define MAXCUT		512	/* more than libxml2's nesting depth */

struct vstate {
	struct diag_file	*df;
	int			 pass;
	size_t			 nbad;
	xmlNodePtr		 bad[MAXFIXES];
	char			 fix[MAXFIXES][128];	/* new name, or "" */
	size_t			 nchanged;
	xmlNodePtr		 changed[MAXPASSES * MAXFIXES];
	int			 structural;	/* content-model errors */
	size_t			 ndefer;
	xmlError		 defer[MAXDEFER];	/* dangling references */
	size_t			 nrejected;
	char			 rejected[MAXFIXES][128]; /* bad values */
	int			 cut;		/* the walk was cut short */
	size_t			 ncut;
	xmlNodePtr		 cutnode[MAXCUT];
	xmlNodePtr		 cutnext[MAXCUT];
};

/*
 * End the validation walk once the file has as many messages as diag
 * keeps.  libxml2 2.9.14 cannot be told to stop, and for every error it
 * walks back over all the previous siblings of the node (looking for
 * XInclude markers), so 80,000 bad siblings took 48 s.  Its walk goes
 * from a node to node->next, else up to the parent and its next; so
 * the nexts of the node and of its ancestors are set aside, and
 * restore_walk() puts them back when xmlSchemaValidateDoc() returns: the
 * document is as it was.
 */
static void
cut_walk(struct vstate *vs, xmlNodePtr n)
{
	if (vs->cut)
		return;
	vs->cut = 1;
	if (n != NULL && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	for (; n != NULL && n->type == XML_ELEMENT_NODE && vs->ncut < MAXCUT;
	    n = n->parent) {
		vs->cutnode[vs->ncut] = n;
		vs->cutnext[vs->ncut++] = n->next;
		n->next = NULL;
	}
}

static void
restore_walk(struct vstate *vs)
{
	while (vs->ncut > 0) {
		vs->ncut--;
		vs->cutnode[vs->ncut]->next = vs->cutnext[vs->ncut];
	}
}

static int
was_changed(const struct vstate *vs, xmlNodePtr parent)
{
	size_t	 i;

	for (i = 0; i < vs->nchanged; i++)
		if (vs->changed[i] == parent)
			return 1;
	return 0;
}

/* The validation error handler: record, filter, pass on to diag. */
static void
validity_error(void *ctx, xmlErrorPtr err)
{
	struct vstate	*vs = ctx;
	struct xmlmsg	 m;
	xmlNodePtr	 n;

	if (err == NULL)
		return;
	n = err->node;
	if (diag_file_full(vs->df)) {
		diag_xml_error(vs->df, err);	/* counted, not shown */
		cut_walk(vs, n);
		return;
	}
	if (err->domain != XML_FROM_SCHEMASV || err->message == NULL) {
		diag_xml_error(vs->df, err);
		return;
	}
	/* libxml2's own follow-ups to a rejected value say nothing more. */
	if (strstr(err->message, "No precomputed value available") != NULL)
		return;
	xmlmsg_rewrite(&m, err->domain, err->message);
	if (strcmp(m.code, "bad-value") == 0 && *m.value != '\0' &&
	    vs->nrejected < MAXFIXES)
		snprintf(vs->rejected[vs->nrejected++], sizeof(vs->rejected[0]),
		    "%s", m.value);
	/*
	 * check.c reports a cite naming no source ([unknown-source]), with
	 * a suggestion and even after a content-model error; the keyref
	 * error would say the same a second time.
	 */
	if (strcmp(m.code, "dangling-reference") == 0 &&
	    strstr(err->message, "}cite-ref'") != NULL)
		return;
	if (strcmp(m.code, "dangling-reference") == 0 ||
	    strstr(err->message, "ot all fields of key") != NULL) {
		if (vs->ndefer < MAXDEFER &&
		    xmlCopyError(err, &vs->defer[vs->ndefer]) == 0)
			vs->ndefer++;
		return;
	}
	if (strcmp(m.code, "unknown-element") == 0 ||
	    strcmp(m.code, "missing-element") == 0)
		vs->structural++;
	if (n != NULL && n->type == XML_ELEMENT_NODE) {
		if (vs->pass > 1 && (strcmp(m.code, "unknown-element") == 0 ||
		    strcmp(m.code, "missing-element") == 0) &&
		    (was_changed(vs, n) || was_changed(vs, n->parent)))
			return;
		if (strcmp(m.code, "unknown-element") == 0 &&
		    n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
		    vs->nbad < MAXFIXES) {
			vs->bad[vs->nbad] = n;
			snprintf(vs->fix[vs->nbad], sizeof(vs->fix[0]), "%s",
			    m.suggest);
			vs->nbad++;
		}
	}
	diag_xml_error(vs->df, err);
}

/* Rename or remove the unexpected elements recorded in the last pass. */
static void
fix_unexpected(struct vstate *vs)
{
	size_t	 i;

	for (i = 0; i < vs->nbad; i++) {
		if (vs->nchanged < MAXPASSES * MAXFIXES)
			vs->changed[vs->nchanged++] = vs->bad[i]->parent;
		if (*vs->fix[i] != '\0')
			xmlNodeSetName(vs->bad[i], BAD_CAST vs->fix[i]);
		else {
			xmlUnlinkNode(vs->bad[i]);
			xmlFreeNode(vs->bad[i]);
		}
	}
	vs->nbad = 0;
}

/* Is the held-back error a consequence of a rejected value? */
static int
follows_rejected(const struct vstate *vs, xmlErrorPtr err)
{
	struct xmlmsg	 m;
	size_t		 i;

	if (vs->nrejected == 0)
		return 0;
	xmlmsg_rewrite(&m, err->domain, err->message);
	if (strcmp(m.code, "dangling-reference") != 0)
		return 1;	/* "not all fields of key ..." */
	for (i = 0; i < vs->nrejected; i++)
		if (strcmp(vs->rejected[i], m.value) == 0)
			return 1;
	return 0;
}

/*
 * Run one validation of doc with the handlers installed, then report the
 * dangling references it found if it found no content-model error.
 */
static int
validate_once(struct schema_vctx *vctx, xmlDocPtr doc, struct vstate *vs)
{
	size_t	 i;
	int	 rc;

	vs->structural = 0;
	vs->ndefer = 0;
	xmlSchemaSetValidStructuredErrors(vctx->ctxt, validity_error, vs);
	xmlSetStructuredErrorFunc(vs->df, diag_xml_error);
	vs->cut = 0;
	rc = xmlSchemaValidateDoc(vctx->ctxt, doc);
	restore_walk(vs);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSchemaSetValidStructuredErrors(vctx->ctxt, NULL, NULL);
	for (i = 0; i < vs->ndefer; i++) {
		if (vs->structural == 0 && !follows_rejected(vs, &vs->defer[i]))
			diag_xml_error(vs->df, &vs->defer[i]);
		xmlResetError(&vs->defer[i]);
	}
	vs->ndefer = 0;
	vs->nrejected = 0;
	return rc;
}

/*
 * Validate doc, reporting every error to df, including those libxml2
 * would hide behind an unexpected element (see struct vstate).  doc is
 * not changed.
 */
enum schema_result
schema_validate(struct schema_vctx *vctx, xmlDocPtr doc,
    struct diag_file *df)
{
	struct vstate	*vs;
	xmlDocPtr	 copy;
	xmlNodePtr	 root;
	int		 rc, rc2;

	/* format 1: check.c says how to move it, in one message */
	root = xmlDocGetRootElement(doc);
	if (root != NULL && root->ns != NULL && xmlStrEqual(root->ns->href,
	    BAD_CAST "urn:monoc:monograph:1"))
		return SCHEMA_INVALID;
	if ((vs = calloc(1, sizeof(*vs))) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return SCHEMA_INTERNAL;
	}
	vs->df = df;
	copy = NULL;
	rc = validate_once(vctx, doc, vs);
	if (rc > 0 && vs->structural > 0 && !diag_file_full(df) &&
	    (copy = xmlCopyDoc(doc, 1)) != NULL) {
		vs->nbad = 0;
		for (vs->pass = 1; vs->pass < MAXPASSES; vs->pass++) {
			rc2 = validate_once(vctx, copy, vs);
			if (rc2 <= 0 || vs->nbad == 0 || vs->structural == 0 ||
			    diag_file_full(df))
				break;
			fix_unexpected(vs);
		}
		xmlFreeDoc(copy);
	}
	free(vs);
	if (rc == 0)
		return SCHEMA_VALID;
	if (rc > 0)
		return SCHEMA_INVALID;
	diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
	    "internal error while validating (libxml2 code %d)", rc);
	return SCHEMA_INTERNAL;
}
