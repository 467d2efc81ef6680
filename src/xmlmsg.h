/*
 * Rewriting of libxml2 error messages into author language with stable
 * diagnostic codes ("[unknown-element]", "[bad-value]", ...).
 */
#ifndef MONOC_XMLMSG_H
#define MONOC_XMLMSG_H

struct xmlmsg {
	const char	*code;		/* stable diagnostic code */
	char		 text[1024];	/* the message for authors */
	char		 elem[128];	/* element the message names, or "" */
	char		 attr[128];	/* attribute to point the caret at, or "" */
	char		 value[128];	/* the offending value, or "" */
	char		 suggest[128];	/* the "did you mean" name, or "" */
};

#include <libxml/tree.h>

void	xmlmsg_rewrite(struct xmlmsg *m, int domain, const char *msg);
void	xmlmsg_refine(struct xmlmsg *m, const xmlNode *n);
int	xmlmsg_distance(const char *a, const char *b);

#endif
