/*
 * Transforms.  Each format has one stylesheet, DATADIR/xslt/FORMAT.xsl,
 * compiled once in the main thread by xform_load() and then only read.
 * xform_apply() runs one of them on a parsed monograph with a fresh
 * transform context (per call, so per worker thread), forbidding every
 * file and network access, and returns the serialised result as
 * xsl:output describes it.  The C code writes the outputs, never libxslt.
 *
 * html.xsl, text.xsl and man.xsl render the document model of a
 * monograph (schema/model.xsd, src/model.c); meta.xsl reads the
 * monograph itself.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlerror.h>
#include <libexslt/exslt.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "diag.h"
#include "ext.h"
#include "version.h"
#include "xform.h"

struct xform {
	xsltStylesheetPtr	 style[FMT__MAX];
	xsltSecurityPrefsPtr	 sec;
	struct diag		*diag;
};

/* libxslt hands transform messages over in pieces; this collects them. */
struct collect {
	struct diag_file	*df;
	const char		*sheet;
	char			 buf[1024];
	int			 count;		/* lines reported */
};

static const char *const names[FMT__MAX] = {
	"html", "text", "man", "meta", "index"
};

const char *
xform_name(enum fmt fmt)
{
	return names[fmt];
}

/*
 * Register C extension functions in the namespace MONOC_EXT_NS (for
 * example word wrapping for the text output).  Process-wide; called once
 * before any worker starts.  Stylesheets must test function-available()
 * and fall back to plain XSLT so that xsltproc gives the same bytes.
 */
static void
register_extensions(struct diag *diag)
{
	/* EXSLT, as xsltproc has it, so both give the same output. */
	exsltRegisterAll();
	/* Ours: ext:wrap and ext:roff-escape (ext.c). */
	if (ext_register() == -1)
		diag_msg(diag, DIAG_FATAL, "cannot register the extension "
		    "functions of '%s'", MONOC_EXT_NS);
}

/* libxml2 errors while reading a stylesheet: system errors. */
static void
style_error(void *ctx, xmlErrorPtr err)
{
	struct diag	*diag = ctx;
	size_t		 len;
	char		 msg[1024];

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	snprintf(msg, sizeof(msg), "%s", err->message != NULL ?
	    err->message : "unknown error");
	len = strlen(msg);
	while (len > 0 && msg[len - 1] == '\n')
		msg[--len] = '\0';
	diag_msg(diag, DIAG_FATAL, "%s:%d: %s", err->file != NULL ?
	    err->file : "stylesheet", err->line, msg);
}

/*
 * Compile datadir/xslt/NAME.xsl into *style.  A missing or broken
 * stylesheet is a system error: returns -1 after reporting.
 */
static int
load_sheet(const char *datadir, const char *name, xsltStylesheetPtr *style,
    struct diag *diag)
{
	char	 path[4096];

	snprintf(path, sizeof(path), "%s/xslt/%s.xsl", datadir, name);
	if (access(path, R_OK) == -1) {
		diag_msg(diag, DIAG_FATAL, "cannot read stylesheet '%s': %s",
		    path, strerror(errno));
		return -1;
	}
	*style = xsltParseStylesheetFile(BAD_CAST path);
	if (*style == NULL || (*style)->errors > 0) {
		diag_msg(diag, DIAG_FATAL, "cannot compile stylesheet '%s'",
		    path);
		return -1;
	}
	return 0;
}

/*
 * Compile the stylesheets of the formats in the bit set fmts from
 * datadir/xslt/.  A missing
 * or broken stylesheet is a system error.  Returns NULL after reporting
 * when any of them fails.
 */
struct xform *
xform_load(const char *datadir, unsigned int fmts, struct diag *diag)
{
	struct xform	*xf;
	int		 f, ok, i;
	static const int what[] = {
		XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE,
		XSLT_SECPREF_CREATE_DIRECTORY, XSLT_SECPREF_READ_NETWORK,
		XSLT_SECPREF_WRITE_NETWORK
	};

	if ((xf = calloc(1, sizeof(*xf))) == NULL)
		return NULL;
	xf->diag = diag;
	ok = 1;
	if ((xf->sec = xsltNewSecurityPrefs()) == NULL)
		ok = 0;
	for (i = 0; ok && i < (int)(sizeof(what) / sizeof(what[0])); i++)
		if (xsltSetSecurityPrefs(xf->sec, what[i],
		    xsltSecurityForbid) != 0)
			ok = 0;
	xsltSetGenericErrorFunc(diag, diag_generic);
	xmlSetStructuredErrorFunc(diag, style_error);
	register_extensions(diag);
	for (f = 0; ok && f < FMT__MAX; f++)
		if ((fmts & FMT_BIT(f)) != 0 &&
		    load_sheet(datadir, names[f], &xf->style[f], diag) == -1)
			ok = 0;
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!ok) {
		xform_free(xf);
		return NULL;
	}
	return xf;
}

void
xform_free(struct xform *xf)
{
	int	 f;

	if (xf == NULL)
		return;
	for (f = 0; f < FMT__MAX; f++)
		if (xf->style[f] != NULL)
			xsltFreeStylesheet(xf->style[f]);
	if (xf->sec != NULL)
		xsltFreeSecurityPrefs(xf->sec);
	xsltSetGenericErrorFunc(NULL, NULL);
	free(xf);
}

/*
 * Free the stylesheets of every format not in the bit set keep: the
 * index page is built
 * after every monograph, without the memory of the others.
 */
void
xform_keep(struct xform *xf, unsigned int keep)
{
	int	 f;

	for (f = 0; f < FMT__MAX; f++)
		if ((keep & FMT_BIT(f)) == 0 && xf->style[f] != NULL) {
			xsltFreeStylesheet(xf->style[f]);
			xf->style[f] = NULL;
		}
}

/* Report one complete line of a transform message. */
static void
collect_line(struct collect *c, const char *line)
{
	if (*line == '\0')
		return;
	diag_file_add(c->df, DIAG_ERROR, 0, 0, "xslt", "%s.xsl: %s",
	    c->sheet, line);
	c->count++;
}

/* The transform context's error function: buffer to each newline. */
static void
collect_error(void *ctx, const char *fmt, ...)
{
	struct collect	*c = ctx;
	size_t		 len;
	char		*nl;
	va_list		 ap;

	len = strlen(c->buf);
	va_start(ap, fmt);
	if (len + 1 < sizeof(c->buf))
		vsnprintf(c->buf + len, sizeof(c->buf) - len, fmt, ap);
	va_end(ap);
	while ((nl = strchr(c->buf, '\n')) != NULL) {
		*nl = '\0';
		collect_line(c, c->buf);
		memmove(c->buf, nl + 1, strlen(nl + 1) + 1);
	}
	if (strlen(c->buf) + 1 >= sizeof(c->buf)) {
		collect_line(c, c->buf);
		*c->buf = '\0';
	}
}

/*
 * Apply style (named sheet in diagnostics) to doc and return the result
 * document, or NULL after reporting to df.  Anything the transform
 * reports (including xsl:message) counts as an error of the input.
 */
static xmlDocPtr
run(const struct xform *xf, xsltStylesheetPtr style, const char *sheet,
    xmlDocPtr doc, struct diag_file *df)
{
	xsltTransformContextPtr	 ctxt;
	struct collect		 c;
	xmlDocPtr		 res;
	const char		*params[] = {
		"monoc-version", "'" MONOC_VERSION "'", NULL
	};

	memset(&c, 0, sizeof(c));
	c.df = df;
	c.sheet = sheet;
	if (style == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
		    "stylesheet '%s.xsl' is not loaded", sheet);
		return NULL;
	}
	if ((ctxt = xsltNewTransformContext(style, doc)) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return NULL;
	}
	xsltSetCtxtSecurityPrefs(xf->sec, ctxt);
	xsltSetTransformErrorFunc(ctxt, &c, collect_error);
	xmlSetStructuredErrorFunc(df, diag_xml_error);
	/* MONOC_XSLT_PROFILE: libxslt's profile on stderr, for maintainers
	   (docs/stylesheets.md) */
	res = xsltApplyStylesheetUser(style, doc, params, NULL,
	    getenv("MONOC_XSLT_PROFILE") != NULL ? stderr : NULL, ctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (*c.buf != '\0')
		collect_line(&c, c.buf);
	if (res == NULL || ctxt->state == XSLT_STATE_ERROR ||
	    ctxt->state == XSLT_STATE_STOPPED || c.count > 0) {
		if (c.count == 0)
			diag_file_add(df, DIAG_ERROR, 0, 0, "xslt",
			    "transformation with '%s.xsl' failed", sheet);
		xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(ctxt);
	return res;
}

/*
 * Apply the stylesheet of fmt to *docp and serialise the result; with
 * consume, free *docp (and set it to NULL) as soon as the transform is
 * done, before the result is serialised.
 */
static int
apply(const struct xform *xf, enum fmt fmt, xmlDocPtr *docp, int consume,
    struct diag_file *df, xmlChar **out, int *outlen)
{
	xmlDocPtr	 res;
	int		 ret;

	*out = NULL;
	*outlen = 0;
	res = run(xf, xf->style[fmt], names[fmt], *docp, df);
	if (consume) {
		xmlFreeDoc(*docp);
		*docp = NULL;
	}
	if (res == NULL)
		return -1;
	ret = 0;
	if (xsltSaveResultToString(out, outlen, res, xf->style[fmt]) != 0) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
		    "cannot serialise the '%s' output", names[fmt]);
		ret = -1;
	}
	xmlFreeDoc(res);
	return ret;
}

/*
 * Apply the stylesheet of fmt to doc: for any of FMT_DOCS the model of a
 * monograph (model_build()), for FMT_META the monograph.  On success set *out (free with
 * xmlFree) and *outlen and return 0; on failure report to df and return
 * -1.
 */
int
xform_apply(const struct xform *xf, enum fmt fmt, xmlDocPtr doc,
    struct diag_file *df, xmlChar **out, int *outlen)
{
	return apply(xf, fmt, &doc, 0, df, out, outlen);
}

/*
 * xform_apply() that frees *docp once it is transformed and sets it to
 * NULL, whatever the outcome: the index page of many monographs is
 * serialised without its input beside it.
 */
int
xform_apply_free(const struct xform *xf, enum fmt fmt, xmlDocPtr *docp,
    struct diag_file *df, xmlChar **out, int *outlen)
{
	return apply(xf, fmt, docp, 1, df, out, outlen);
}
