/*
 * Reading an FDA Structured Product Labeling (SPL, HL7 v3) document: its
 * header, the coded product data, and the code tables an importer needs
 * (document types, LOINC sections, dosage forms, routes, units, marketing
 * categories, DEA schedules).  No output here: import.c writes.
 */
#ifndef MONOC_SPL_H
#define MONOC_SPL_H

#include <stddef.h>

#include <libxml/tree.h>

struct buf;

#define SPL_NS	"urn:hl7-org:v3"

struct spl_ingredient {
	char		*name;		/* lower case, as the label names it */
	char		*unii;		/* or NULL */
	const char	*basis;		/* ingredient, moiety, reference */
	char		*num, *num_unit;	/* strength: numerator */
	char		*den, *den_unit;	/* over denominator */
};

struct spl_product {
	char			*brand;		/* proprietary name, or NULL */
	char			*generic;	/* generic name, or NULL */
	char			*form;		/* formCode displayName */
	char			*routes[8];	/* routeCode displayNames */
	size_t			 nroutes;
	struct spl_ingredient	*ing;		/* the active ones */
	size_t			 ning;
	char			*category;	/* approval code, C73594 */
	char			*application;	/* NDA020702 */
	char			*dea;		/* C48675, or NULL */
	int			 marketed;	/* 1 active, 0 completed, -1 ? */
	int			 kit;
	int			 line;
};

struct spl {
	char			*doc_code;	/* 34391-3 */
	char			*doc_name;	/* its displayName */
	char			*title;		/* one line, or NULL */
	char			*set_id;
	char			*version;
	char			*effective;	/* YYYY-MM-DD, or NULL */
	char			*doc_id;
	char			*labeler;
	struct spl_product	*prod;
	size_t			 nprod;
	xmlNodePtr		 body;		/* structuredBody, or NULL */
};

/* What a LOINC section code becomes in a monograph. */
enum spl_target {
	SPL_T_SECTION,		/* a general section, kept with its code */
	SPL_T_SKIP,		/* product data: read as identity */
	SPL_T_PACKAGE,		/* package label: reported, not carried */
	SPL_T_BOXED,
	SPL_T_USES,
	SPL_T_DOSING,
	SPL_T_FORMS,
	SPL_T_CONTRA,
	SPL_T_WARNINGS,
	SPL_T_ADVERSE,
	SPL_T_INTERACT,
	SPL_T_POPUL,
	SPL_T_ABUSE,
	SPL_T_OVERDOSE,
	SPL_T_DESCR,
	SPL_T_CLINPHARM,
	SPL_T_SUPPLY,
	SPL_T_SAFEUSE,
	SPL_T__MAX
};

struct spl	*spl_read(xmlDocPtr doc);
void		 spl_free(struct spl *spl);
int		 spl_doc_accepted(const char *code);
enum spl_target	 spl_target(const char *loinc, int *primary);
const char	*spl_target_name(enum spl_target t);

xmlNodePtr	 spl_child(xmlNodePtr node, const char *name);
xmlNodePtr	 spl_next(xmlNodePtr node, const char *name);
xmlNodePtr	 spl_path(xmlNodePtr node, const char *path);
const char	*spl_attr(xmlNodePtr node, const char *name);
int		 spl_is(xmlNodePtr node, const char *name);
char		*spl_text(xmlNodePtr node);
void		 spl_collect_text(xmlNodePtr node, struct buf *b);
void		 spl_collapse(char *s);

const char	*spl_route(const char *display);
const char	*spl_form_kind(const char *display, const char *route,
		    const char **release);
const char	*spl_unit(const char *ucum);
const char	*spl_category(const char *code);
const char	*spl_schedule(const char *code, const char **shortname);
int		 spl_number(const char *title, char *num, size_t numsz,
		    const char **rest);
char		*spl_name(const char *generic);

#endif
