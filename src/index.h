/*
 * The index page, built from the sidecars DIR/meta/NAME.xml.
 */
#ifndef MONOC_INDEX_H
#define MONOC_INDEX_H

struct diag;
struct xform;

#define MONOGRAPH_NS	"urn:monoc:monograph:1"

int	index_build(const char *outdir, const struct xform *xf,
	    struct diag *diag);

#endif
