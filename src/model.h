/*
 * The document model of a monograph: the tree that html.xsl, text.xsl
 * and man.xsl render, defined by schema/model.xsd and built here, once,
 * after the monograph has been validated.
 */
#ifndef MONOC_MODEL_H
#define MONOC_MODEL_H

#include <libxml/tree.h>

enum model_status {
	MODEL_OK,
	MODEL_UNSUPPORTED,	/* not a monograph (the wrong root, a DTD) */
	MODEL_NOWORDS,		/* xslt/words.xml lacks a word it needs */
	MODEL_NOMEM
};

struct words;

struct words	*words_load(const char *path, char *err, size_t errlen);
void		 words_free(struct words *w);
const char	*model_reader(const char *name, int *both);
xmlDocPtr	 model_build(xmlDocPtr doc, const struct words *words,
		    enum model_status *status, char *err, size_t errlen);

#endif
