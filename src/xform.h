/*
 * Transforms: one compiled XSLT stylesheet per output format, shared
 * read-only by all workers, each transform with its own context and
 * security preferences forbidding file writes, reads and network access.
 */
#ifndef MONOC_XFORM_H
#define MONOC_XFORM_H

#include <libxml/tree.h>

struct diag;
struct diag_file;
struct xform;

enum fmt {
	FMT_HTML,
	FMT_TEXT,
	FMT_MAN,
	FMT_META,	/* the sidecar DIR/meta/NAME.xml for the index */
	FMT_INDEX,	/* the index page, from all the sidecars */
	FMT__MAX
};

#define FMT_BIT(f)	(1u << (f))
#define FMT_DOCS	(FMT_BIT(FMT_HTML) | FMT_BIT(FMT_TEXT) | \
			 FMT_BIT(FMT_MAN))

#define MONOC_EXT_NS	"urn:monoc:ext"

const char	*xform_name(enum fmt fmt);
struct xform	*xform_load(const char *datadir, unsigned int fmts,
		    struct diag *diag);
void		 xform_free(struct xform *xf);
void		 xform_keep(struct xform *xf, unsigned int keep);
int		 xform_apply(const struct xform *xf, enum fmt fmt,
		    xmlDocPtr doc, struct diag_file *df, xmlChar **out,
		    int *outlen);
int		 xform_apply_free(const struct xform *xf, enum fmt fmt,
		    xmlDocPtr *docp, struct diag_file *df, xmlChar **out,
		    int *outlen);

#endif
