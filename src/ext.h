/*
 * XSLT extension functions in the namespace MONOC_EXT_NS (xform.h): C
 * versions of the hot text templates of the stylesheets, with the same
 * results byte for byte.  Each stylesheet tests function-available() and
 * falls back to its own template, so stock xsltproc still works.
 */
#ifndef MONOC_EXT_H
#define MONOC_EXT_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

char	*ext_wrap(const char *text, double width, const char *indent,
	    const char *first_indent);
char	*ext_fill(const char *text, double width, const char *lead,
	    const char *guard);
char	*ext_break_long(const char *s, double minlen);
char	*ext_roff_escape(const char *s);
char	*ext_replace(const char *s, const char *from, const char *to);
char	*ext_table_row(const char *const c[4], const double w[3],
	    size_t cap);
/*
 * How a citation group reads: open, the numbers with sep between, close;
 * a number with a locator (c/@at) is followed by at and the locator, and
 * in a group where any citation has one, sep_at stands between them
 * instead of sep.
 */
struct ext_cites {
	const char	*open;
	const char	*sep;
	const char	*close;
	const char	*at;
	const char	*sep_at;
};

char	*ext_inline(const xmlNode *node, int roff,
	    const struct ext_cites *cs);
int	 ext_register(void);

/* shared by ext.c and grid.c */
size_t		 ext_u8chars(const char *s, size_t n);
size_t		 ext_u8bytes(const char *s, size_t n, size_t k);
int		 ext_is_space(char c);
char		*ext_normalize(const char *s);
int		 ext_is_model(const xmlNode *n, const char *name);
xmlNodePtr	 ext_result_el(xsltTransformContextPtr ctxt, xmlNodePtr parent,
		    const char *name);
xmlChar		*ext_sheet_var(xsltTransformContextPtr ctxt, const char *name);

#endif
