/*
 * What the files of the document model share (src/model*.c): the
 * builder's state (struct mb), the helpers every part calls, and the
 * entry points of each part.  model.h is the model's interface to the
 * rest of monoc; this header is for the model's own files only.
 *
 * The parts, in the order a model is built:
 *   model.c           model_build(): the monograph, its sections, the drug
 *   model_tree.c      strings, the source document, the model document
 *   model_words.c     xslt/words.xml and the phrases built from it
 *   model_cites.c     citations and the numbered references
 *   model_inline.c    inline content (mode inline)
 *   model_elements.c  one handler per element (mode model), blocks[]
 *   model_table.c     tables
 *   model_xref.c      links to other monographs, cross-references
 *   model_summary.c   the summary at the top (Highlights)
 */
#ifndef MONOC_MODEL_INT_H
#define MONOC_MODEL_INT_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/hash.h>

#include "buf.h"
#include "model.h"

#define MNS	"urn:monoc:monograph:2"
#define NBSP	"\xc2\xa0"

/* One m:cite of the document: the table $cites of common.xsl. */
struct cite {
	const xmlNode	*node;
	const char	*ref;		/* @ref, "" when absent */
	const char	*where;		/* title of its top-level section */
	size_t		 k;		/* 1-based, document order */
	size_t		 n;		/* source number, 0: none */
};

/* One m:source, for the source numbers. */
struct source {
	const char	*id;		/* @id, "" when absent */
	size_t		 n;
};

struct mb {
	const struct words *words;	/* xslt/words.xml */
	char		 missing[128];	/* the first word asked for, absent */
	xmlDocPtr	 doc;		/* the model being built */
	int		 nomem;
	int		 unsupported;
	struct buf	 scratch;	/* string values of source nodes */
	struct cite	*cites;		/* in document order */
	size_t		 ncites;
	struct cite	**bynode;	/* sorted by node */
	struct cite	**byref;	/* sorted by ref, then k */
	struct source	*sources;	/* sorted by id, then n */
	size_t		 nsources;
	char		 idbuf[64];	/* new_id()'s */
	size_t		 nids;
	char		**linked;	/* other monographs linked to */
	size_t		 nlinked;
	int		 copy;		/* copies of citations: no k */
	xmlHashTablePtr	 titles;	/* model id -> title, for xrefs */
	const xmlNode	*ord_node;	/* the last node ordinal() numbered */
	size_t		 ord;		/* ... and its number */
};

typedef void	 model_fn(struct mb *, xmlNodePtr, const xmlNode *);


/* model_tree.c */
void	 str_addn(struct mb *mb, struct buf *b, const char *s, size_t n);
void	 str_add(struct mb *mb, struct buf *b, const char *s);
const char	*str_get(const struct buf *b);
void	 str_clear(struct buf *b);
int	 is_ws(char c);
int	 all_ws(const char *s);
void	 add_norm(struct mb *mb, struct buf *b, const char *s);
void	 add_dash_to_space(struct mb *mb, struct buf *b, const char *s);
void	 add_ucfirst(struct mb *mb, struct buf *b, const char *s);
double	 number(const char *s);
int	 eq(const char *a, const char *b);
int	 is_m(const xmlNode *n, const char *name);
int	 is_text(const xmlNode *n);
const char	*att(struct mb *mb, const xmlNode *n, const char *name);
const char	*sat(struct mb *mb, const xmlNode *n, const char *name);
const xmlNode	*child(const xmlNode *n, const char *name);
size_t	 ordinal(struct mb *mb, const xmlNode *n);
int	 first_of_name(const xmlNode *n);
void	 add_norm_node(struct mb *mb, struct buf *b, const xmlNode *n);
int	 has_words(struct mb *mb, const xmlNode *n);
int	 is_blank(const xmlNode *n);
xmlNodePtr	 el(struct mb *mb, xmlNodePtr parent, const char *name);
void	 set(struct mb *mb, xmlNodePtr e, const char *name,
	    const char *value);
void	 set_n(struct mb *mb, xmlNodePtr e, const char *name, size_t value);
void	 text(struct mb *mb, xmlNodePtr p, const char *s);
xmlNodePtr	 el_text(struct mb *mb, xmlNodePtr parent, const char *name,
	    const char *s);
xmlNodePtr	 cell_para(struct mb *mb, xmlNodePtr row, const char *s);
void	 head(struct mb *mb, xmlNodePtr table, const char *const *cells);
xmlNodePtr	 sub(struct mb *mb, xmlNodePtr parent, const char *id,
	    const char *title, const char *kind);

/* model_words.c */
const char	*word(struct mb *mb, const char *group, const char *key);
const char	*lookup(struct mb *mb, const char *group, const char *key);
const char	*need(struct mb *mb, const char *group, const char *key);
const char	*section_title(struct mb *mb, const char *name);
const char	*route_words(struct mb *mb, const char *route);
const char	*disagreement_label(struct mb *mb, const char *kind);
void	 add_form_words(struct mb *mb, struct buf *b, const char *route,
	    const char *kind);
void	 add_amount(struct mb *mb, struct buf *b, const char *low,
	    const char *high, const char *unit);
void	 add_dose(struct mb *mb, struct buf *b, const xmlNode *n);
void	 add_duration(struct mb *mb, struct buf *b, const xmlNode *n);

/* model_cites.c */
void	 build_cites(struct mb *mb, const xmlNode *root);
void	 cite_c(struct mb *mb, xmlNodePtr cites, const xmlNode *n);
void	 refs(struct mb *mb, xmlNodePtr parent, const xmlNode *n);

/* model_inline.c */
void	 inline_node(struct mb *mb, xmlNodePtr p, const xmlNode *n);
void	 inline_children(struct mb *mb, xmlNodePtr p, const xmlNode *n);
void	 note_after(struct mb *mb, xmlNodePtr p, const xmlNode *n,
	    const char *sep);
void	 strong(struct mb *mb, xmlNodePtr p, const char *s);
void	 labelled(struct mb *mb, xmlNodePtr parent, const xmlNode *n,
	    const char *label, const char *words);

/* model_elements.c */
void	 add_regimen_who(struct mb *mb, struct buf *b, const xmlNode *n);
const xmlNode	*next_element(const xmlNode *n);
const char	*new_id(struct mb *mb, const char *prefix);
void	 add_criterion(struct mb *mb, struct buf *b, const xmlNode *n);
void	 model_node(struct mb *mb, xmlNodePtr parent, const xmlNode *n);
void	 model_children(struct mb *mb, xmlNodePtr parent, const xmlNode *n);
void	 model_grandchildren(struct mb *mb, xmlNodePtr parent,
	    const xmlNode *n, const char *name);

/* model_table.c */
int	 fnref_mark(struct mb *mb, const xmlNode *t, const char *id,
	    char *buf, size_t len);
const xmlNode	*table_of(const xmlNode *n);
void	 m_table(struct mb *mb, xmlNodePtr parent, const xmlNode *n);

/* model_xref.c */
void	 link_to(struct mb *mb, xmlNodePtr p, const char *ref,
	    const xmlNode *n);
void	 collect_links(struct mb *mb, const xmlNode *n);
void	 see_also(struct mb *mb, xmlNodePtr doc);
void	 xref_to(struct mb *mb, xmlNodePtr p, const char *id);
void	 resolve_xrefs(struct mb *mb, xmlNodePtr doc);

/* model_summary.c */
void	 warning_prefix(struct buf *b);
void	 highlights(struct mb *mb, xmlNodePtr doc, const xmlNode *root);

#endif
