/*
 * The questions every part of monoc that walks an XML tree asks of it:
 * is a node an element called NAME (in a namespace, or in none), and
 * which is its first child or next sibling of that name.  check.c, the
 * model, import.c, spl.c and ext.c each had a copy of their own.
 */
#include <string.h>

#include <libxml/tree.h>

#include "dom.h"

/* Is n an element called name (any when NULL), in whatever namespace? */
int
dom_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    (name == NULL || strcmp((const char *)n->name, name) == 0);
}

/*
 * Is n an element called name (any when NULL) of the namespace ns (of
 * no namespace when ns is NULL)?
 */
int
dom_is_ns(const xmlNode *n, const char *ns, const char *name)
{
	if (!dom_is(n, name))
		return 0;
	if (ns == NULL)
		return n->ns == NULL;
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0;
}

/* The first child element of n called name (any when NULL), or NULL. */
xmlNodePtr
dom_child(const xmlNode *n, const char *name)
{
	xmlNodePtr	 c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (dom_is(c, name))
			return c;
	return NULL;
}

/* The first child element of n called name of the namespace ns, or NULL. */
xmlNodePtr
dom_child_ns(const xmlNode *n, const char *ns, const char *name)
{
	xmlNodePtr	 c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (dom_is_ns(c, ns, name))
			return c;
	return NULL;
}

/* The next sibling element of n called name of the namespace ns, or NULL. */
xmlNodePtr
dom_next_ns(const xmlNode *n, const char *ns, const char *name)
{
	xmlNodePtr	 c;

	for (c = n->next; c != NULL; c = c->next)
		if (dom_is_ns(c, ns, name))
			return c;
	return NULL;
}
