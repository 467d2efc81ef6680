/*
 * The questions every part of monoc that walks an XML tree asks of it
 * (check, the model, import, the SPL reader, the extension functions):
 * is this node an element of that name, which child or sibling is.
 */
#ifndef MONOC_DOM_H
#define MONOC_DOM_H

#include <libxml/tree.h>

int		 dom_is(const xmlNode *n, const char *name);
int		 dom_is_ns(const xmlNode *n, const char *ns, const char *name);
xmlNodePtr	 dom_child(const xmlNode *n, const char *name);
xmlNodePtr	 dom_child_ns(const xmlNode *n, const char *ns,
		    const char *name);
xmlNodePtr	 dom_next_ns(const xmlNode *n, const char *ns,
		    const char *name);

#endif
