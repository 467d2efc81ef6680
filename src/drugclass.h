/*
 * Drug classes: the one spelling a class is grouped by, and the class a
 * label states in its Highlights.
 */
#ifndef MONOC_DRUGCLASS_H
#define MONOC_DRUGCLASS_H

#include <libxml/tree.h>

char	*drugclass_key(const char *cls);
char	*drugclass_clean(const char *cls);
char	*drugclass_stated(const char *text);
char	*drugclass_of_label(xmlNodePtr body);

#endif
