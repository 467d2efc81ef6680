/*
 * monoc import: one FDA SPL label in, one format-2 monograph out.
 *
 * The label is loaded as safely as a monograph (load_label()), its header
 * and product data read by spl.c, and a monograph tree built here in two
 * passes over the sections: the first decides where each SPL section goes
 * (by LOINC code, docs/format.md section 6) and gives it an anchor, so
 * that links may point forward; the second writes the sections' text as
 * blocks and inline markup, every statement cited to the label with its
 * section as locator.  The result is serialised, parsed back, validated
 * against the schema and checked like any monograph before it is written:
 * an imported monograph is valid as written, or it is not written.
 */
#define _GNU_SOURCE		/* strcasestr(), asprintf() */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "dom.h"
#include "drugclass.h"
#include "highlights.h"
#include "import.h"
#include "load.h"
#include "monoc.h"
#include "output.h"
#include "pool.h"
#include "schema.h"
#include "spl.h"
#include "table.h"

#define MONO_NS		"urn:monoc:monograph:2"
#define XSI_NS		"http://www.w3.org/2001/XMLSchema-instance"
#define DAILYMED	"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid="
#define MAXTOPIC	10	/* sections pointed to for a topic */
#define MAXCOVERS	(2 * MAXTOPIC * 7)
/* a line break of a paragraph, until split_para() */
#define BREAK	"monoc-break"
/* an image in a paragraph (its figure), until split_para() */
#define FIGURE	"monoc-figure"
#define MAXHL		24	/* sections with Highlights */
#define MAXBULLETS	256	/* facts of one section's Highlights */
#define MAXDROP		8	/* sections a heading only, to drop */

enum place {
	PL_SKIP,		/* not carried over */
	PL_PRIMARY,		/* the monograph element itself */
	PL_BOXED,		/* a boxed-warning element of its own */
	PL_HOLD,		/* a general section at the end of an element */
	PL_TOP,			/* a top-level general section */
	PL_INPLACE		/* a general section inside its parent */
};

/* What the first pass decides for one SPL section (node->_private). */
struct plan {
	enum place	 place;
	enum spl_target	 target;
	char		*anchor;	/* id of a general section or box */
	char		 num[16];	/* its PLR number, or "" */
	char		*title;		/* without the number, or NULL */
	char		 loc[81];	/* cite locator */
	const char	*code;		/* its LOINC code, or NULL */
	const char	*display;	/* the code's displayName, or NULL */
	xmlNodePtr	 out;		/* second pass: where its content goes */
	struct plan	*parent;
	struct plan	*all;		/* every plan, for freeing */
};

/* Topics monoc would say a label lacks (tells[]). */
enum topic {
	TP_BOXED, TP_USES, TP_DOSING, TP_CONTRA, TP_ADVERSE, TP_INTERACT,
	TP_WITHDRAWAL, TP__MAX
};
#define RANK_MENTION	9	/* a mention that covers nothing */

/* A section that covers a topic. */
struct cover {
	enum topic	 topic;
	int		 rank;		/* tells[]: 0 the most specific */
	int		 cls;		/* where: cover_class() */
	int		 seq;		/* label order */
	char		*to;		/* "t:element" or "r:anchor", tab, name */
	struct plan	*pl;
	xmlNodePtr	 s;		/* its SPL section */
};

/* One imported label. */
struct imp {
	struct spl	*spl;
	struct diag_file *df;
	xmlDocPtr	 doc;
	xmlNsPtr	 ns;
	xmlHashTablePtr	 ids;		/* SPL ID -> "r:anchor" or "t:name" */
	xmlHashTablePtr	 lids;		/* the same, keys in lower case */
	xmlHashTablePtr	 used;		/* anchors given out */
	xmlHashTablePtr	 media;		/* observationMedia ID -> file */
	xmlHashTablePtr	 mnodes;	/* observationMedia ID -> node */
	size_t		 slots;		/* of the tables so far (table.c) */
	xmlNodePtr	 elem[SPL_T__MAX];
	xmlNodePtr	 hold[SPL_T__MAX];
	int		 primary[SPL_T__MAX];
	xmlNodePtr	 boxed;		/* holder of boxed-warning elements */
	xmlNodePtr	 tops;		/* holder of top-level sections */
	struct plan	*plans;
	int		 otc;
	int		 nanchor;
	xmlHashTablePtr	 next;		/* anchor -> the next suffix to try */
	/* the table being written */
	xmlNodePtr	 fnotes;	/* holder of its footnotes */
	struct fnote	*fn;		/* its footnotes, in document order */
	size_t		 nfn, fncap;
	int		 fnk;		/* footnotes numbered so far */
	xmlHashTablePtr	 fnspl;		/* SPL ID -> its first footnote's id */
	xmlHashTablePtr	 fnnode;	/* "%p" of its SPL element -> fnote */
	xmlHashTablePtr	 fnused;	/* footnote ids given out */
	xmlHashTablePtr	 fnnext;	/* footnote id -> next suffix to try */
	int		 intable, incell;
	xmlNodePtr	 para;		/* the p being built from a paragraph */
	const char	*groups[8];	/* population groups given out */
	int		 ngroups;
	/* the sections that cover a topic (tells[]) */
	struct cover	 cover[MAXCOVERS];
	int		 ncover;
	/* the Highlights: each section's excerpt as blocks, until read */
	struct hl {
		struct plan	*pl;
		xmlNodePtr	 out;		/* where its section went */
		xmlNodePtr	 blocks;	/* a holder of its blocks */
	}		 hl[MAXHL];
	int		 nhl;
	xmlNodePtr	 recent;	/* recent-changes, or NULL */
	xmlNodePtr	 drop[MAXDROP];	/* headings now empty, unless linked */
	int		 ndrop;
	xmlHashTablePtr	 agents;	/* interaction agents given out */
};

/* A footnote of the table being written. */
struct fnote {
	xmlNodePtr	 spl;		/* the label's footnote element */
	char		*id;		/* its id in the monograph */
	int		 done;		/* written under the table */
};

static void	 inline_children(struct imp *, xmlNodePtr, xmlNodePtr);
static void	 put(xmlNodePtr, xmlNodePtr, xmlNodePtr);
static int	 xref_to_id(xmlNodePtr, const xmlChar *);
static void	 untitled(struct imp *, xmlNodePtr);
static void	 own_ns(struct imp *, xmlNodePtr);
static char	*code_title(const char *);
static void	 emit_blocks(struct imp *, xmlNodePtr, xmlNodePtr,
		    const char *);

/* A new element of the monograph namespace under parent (or unlinked). */
static xmlNodePtr
el(struct imp *im, xmlNodePtr parent, const char *name)
{
	xmlNodePtr	 n;

	n = xmlNewDocNode(im->doc, im->ns, BAD_CAST name, NULL);
	if (n != NULL && parent != NULL)
		xmlAddChild(parent, n);
	return n;
}

/* The same with text content (escaped). */
static xmlNodePtr
elt(struct imp *im, xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr	 n;

	if ((n = el(im, parent, name)) != NULL && text != NULL)
		xmlAddChild(n, xmlNewDocText(im->doc, BAD_CAST text));
	return n;
}

static void
attr(xmlNodePtr n, const char *name, const char *value)
{
	if (n != NULL && value != NULL)
		xmlSetProp(n, BAD_CAST name, BAD_CAST value);
}

/* A citation of the label at loc (none when NULL or empty). */
static void
cite(struct imp *im, xmlNodePtr parent, const char *loc)
{
	xmlNodePtr	 c;

	c = el(im, parent, "cite");
	attr(c, "ref", "label");
	if (loc != NULL && *loc != '\0')
		attr(c, "at", loc);
}

/*
 * Append text to parent with its white space collapsed, keeping one
 * space at either end where it had some, and no space after a space.
 */
static void
add_text(struct imp *im, xmlNodePtr parent, const char *s)
{
	char		*buf, *w;
	xmlNodePtr	 last;
	int		 sp;

	if (s == NULL || *s == '\0' || (buf = malloc(strlen(s) + 1)) == NULL)
		return;
	last = parent->last;
	sp = last == NULL || (last->type == XML_TEXT_NODE &&
	    last->content != NULL && *last->content != '\0' &&
	    last->content[xmlStrlen(last->content) - 1] == ' ');
	if (last == NULL && parent->type == XML_ELEMENT_NODE)
		sp = 1;
	/* a formula goes on after a subscript: "C<sub>33</sub>H", not
	   "C<sub>33</sub> H" (a capital follows) */
	if (last != NULL && last->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(last->name, BAD_CAST "sub") &&
	    isupper((unsigned char)s[strspn(s, " \t\n\r")]))
		s += strspn(s, " \t\n\r");
	for (w = buf; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (!sp)
				*w++ = ' ';
			sp = 1;
		} else {
			*w++ = *s;
			sp = 0;
		}
	}
	*w = '\0';
	if (*buf != '\0')
		xmlAddChild(parent, xmlNewDocText(im->doc, BAD_CAST buf));
	free(buf);
}

/* Does n hold any text or element other than white space? */
static int
has_content(xmlNodePtr n)
{
	xmlNodePtr	 c;
	const xmlChar	*p;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			return 1;
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			for (p = c->content; *p != '\0'; p++)
				if (!isspace(*p))
					return 1;
	}
	return 0;
}

/* Trim the trailing space of the last text child of n. */
static void
trim_end(xmlNodePtr n)
{
	xmlNodePtr	 t = n->last;
	size_t		 len;

	if (t == NULL || t->type != XML_TEXT_NODE || t->content == NULL)
		return;
	len = (size_t)xmlStrlen(t->content);
	while (len > 0 && t->content[len - 1] == ' ')
		len--;
	if (len == 0) {
		xmlUnlinkNode(t);
		xmlFreeNode(t);
	} else
		t->content[len] = '\0';
}

/* Close a statement: cite it, or drop it when it is empty. */
static void
close_statement(struct imp *im, xmlNodePtr n, const char *loc)
{
	if (n == NULL)
		return;
	if (!has_content(n)) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		return;
	}
	trim_end(n);
	cite(im, n, loc);
}

/* Warn about the image of renderMultiMedia node n, not carried over. */
static void
warn_image(struct imp *im, xmlNodePtr n)
{
	const char	*ref, *file;

	ref = spl_attr(n, "referencedObject");
	file = ref != NULL ? xmlHashLookup(im->media, BAD_CAST ref) : NULL;
	diag_file_add(im->df, DIAG_WARNING, xmlGetLineNo(n), 0, "image",
	    "image '%s' not carried over", file != NULL ? file :
	    ref != NULL ? ref : "?");
}

static char	*plain_text(xmlNodePtr);

/*
 * The words of the image of renderMultiMedia node n into f (a figure):
 * its caption, else the text of its observationMedia (the alternative
 * text labels give), else none.
 */
static void
figure_words(struct imp *im, xmlNodePtr n, xmlNodePtr f)
{
	xmlNodePtr	 cap, m, alt;
	const char	*ref;
	char		*t;

	if ((cap = spl_child(n, "caption")) != NULL)
		inline_children(im, cap, f);
	if (!has_content(f) &&
	    (ref = spl_attr(n, "referencedObject")) != NULL &&
	    (m = xmlHashLookup(im->mnodes, BAD_CAST ref)) != NULL &&
	    (alt = spl_child(m, "text")) != NULL &&
	    (t = plain_text(alt)) != NULL) {
		add_text(im, f, t);
		free(t);
	}
	trim_end(f);
}

/* Is the styleCode of n one with the token tok (case-insensitive)? */
static int
style(xmlNodePtr n, const char *tok)
{
	const char	*s, *p;
	size_t		 len = strlen(tok);

	if ((s = spl_attr(n, "styleCode")) == NULL)
		return 0;
	for (p = s; (p = strcasestr(p, tok)) != NULL; p += len)
		if ((p == s || p[-1] == ' ') && (p[len] == '\0' ||
		    p[len] == ' '))
			return 1;
	return 0;
}

/* Does the raw text of n start (end) with white space? */
static int
edge_space(xmlNodePtr n, int end)
{
	xmlChar	*c;
	int	 sp;
	size_t	 len;

	if ((c = xmlNodeGetContent(n)) == NULL)
		return 0;
	len = (size_t)xmlStrlen(c);
	sp = len > 0 && isspace(c[end ? len - 1 : 0]);
	xmlFree(c);
	return sp;
}

/* The text of n, a br a space, collapsed; NULL if none (free()). */
static char *
plain_text(xmlNodePtr n)
{
	struct buf	 b;
	char		*t;

	memset(&b, 0, sizeof(b));
	spl_collect_text(n, &b);
	if ((t = buf_done(&b)) == NULL)
		return NULL;
	spl_collapse(t);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

/* Is s nothing but spaces, no-break spaces (U+00A0) among them? */
static int
only_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if ((unsigned char)s[0] == 0xC2 &&
		    (unsigned char)s[1] == 0xA0)
			s += 2;
		else
			return *s == '\0';
	}
}

/*
 * Does n hold a link or a footnote?  Its cross-reference or footnote
 * matters more than a style.
 */
static int
has_link(xmlNodePtr n)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next)
		if (spl_is(c, "linkHtml") || spl_is(c, "footnote") ||
		    spl_is(c, "footnoteRef") || (spl_is(c, NULL) &&
		    has_link(c)))
			return 1;
	return 0;
}

/* Whether t is nothing but punctuation and spaces (with sub: only . , ;
   and :, as a footnote's dagger stays raised). */
static int
lone_punct(const char *t, int sub)
{
	const char	*p;

	for (p = t; *p != '\0'; p++) {
		/* curly quotes and dashes: U+2013, U+2014, U+2018 to U+201D */
		if (!sub && (unsigned char)p[0] == 0xe2 &&
		    (unsigned char)p[1] == 0x80 &&
		    (((unsigned char)p[2] >= 0x93 &&
		    (unsigned char)p[2] <= 0x94) ||
		    ((unsigned char)p[2] >= 0x98 &&
		    (unsigned char)p[2] <= 0x9d))) {
			p += 2;
			continue;
		}
		if (sub ? strchr(".,;: ", *p) == NULL :
		    ((unsigned char)*p >= 0x80 || isalnum((unsigned char)*p)))
			return 0;
	}
	return 1;
}

/* Drop the space that ends the last text of out after a word. */
static void
trim_last_space(xmlNodePtr out)
{
	xmlNodePtr	 last;
	int		 n;

	last = out->last;
	if (last == NULL || last->type != XML_TEXT_NODE ||
	    last->content == NULL || (n = xmlStrlen(last->content)) < 2 ||
	    last->content[n - 1] != ' ' || last->content[n - 2] == ' ')
		return;
	last->content[n - 1] = '\0';
}

/*
 * Does a bold or italic run break at n: a sub or sup (the format's
 * strong and em are plain text), or, in a table cell, a line break?
 */
static int
splits(struct imp *im, xmlNodePtr n)
{
	return spl_is(n, "sub") || spl_is(n, "sup") ||
	    (im->incell && spl_is(n, "br"));
}

/* Does n hold a node a bold or italic run breaks at (at any depth)? */
static int
has_split(struct imp *im, xmlNodePtr n)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next)
		if (splits(im, c) || (spl_is(c, NULL) && has_split(im, c)))
			return 1;
	return 0;
}

/*
 * The siblings first up to (not including) stop as one element name of
 * plain text, as styled() writes a whole run.
 */
static void
styled_range(struct imp *im, xmlNodePtr first, xmlNodePtr stop,
    xmlNodePtr out, const char *name)
{
	struct buf	 b;
	xmlNodePtr	 c, last;
	char		*t;

	memset(&b, 0, sizeof(b));
	last = first;
	for (c = first; c != stop; c = c->next) {
		last = c;
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				buf_str(&b, (const char *)c->content);
		} else if (spl_is(c, NULL)) {
			buf_str(&b, " ");
			spl_collect_text(c, &b);
			buf_str(&b, " ");
		}
	}
	if ((t = buf_done(&b)) == NULL)
		return;
	spl_collapse(t);
	if (*t == '\0' || only_spaces(t)) {
		if (*t != '\0' || edge_space(first, 0))
			add_text(im, out, " ");
		free(t);
		return;
	}
	if (edge_space(first, 0))
		add_text(im, out, " ");
	/* a run longer than the format's 300 characters of emphasis
	   (a paragraph in bold cut at its superscript) goes plain, as
	   styled() does with a whole run */
	if (strlen(t) > 300)
		add_text(im, out, t);
	else
		elt(im, out, name, t);
	if (edge_space(last, 1))
		add_text(im, out, " ");
	free(t);
}

static void	 inline_node(struct imp *, xmlNodePtr, xmlNodePtr);

/*
 * A bold or italic run n that holds sub- or superscripts (or, in a
 * cell, line breaks): its pieces in turn, each a strong (em) of its own,
 * with the sub, sup and br between them kept as such
 * ("AUC<sub>inf</sub>", not "AUCinf").
 */
static void
styled_split(struct imp *im, xmlNodePtr n, xmlNodePtr out, const char *name)
{
	xmlNodePtr	 c, first;

	first = NULL;
	for (c = n->children; c != NULL; c = c->next) {
		if (!splits(im, c) && !(spl_is(c, NULL) && has_split(im, c))) {
			if (first == NULL)
				first = c;
			continue;
		}
		if (first != NULL)
			styled_range(im, first, c, out, name);
		first = NULL;
		if (splits(im, c))
			inline_node(im, c, out);
		else
			styled_split(im, c, out, name);
	}
	if (first != NULL)
		styled_range(im, first, NULL, out, name);
}

/*
 * An inline element of plain text (strong, em, sub, sup) for the SPL
 * node n; its markup inside is dropped, its text kept, but for the sub-
 * and superscripts (and a cell's line breaks) of a bold or italic run
 * (styled_split()).  Falls back
 * to plain inline content when the text does not fit a line (300).
 */
static void
styled(struct imp *im, xmlNodePtr n, xmlNodePtr out, const char *name)
{
	char	*t;

	if ((strcmp(name, "strong") == 0 || strcmp(name, "em") == 0) &&
	    has_split(im, n) && !has_link(n)) {
		styled_split(im, n, out, name);
		return;
	}
	if ((t = plain_text(n)) == NULL)
		return;
	if (only_spaces(t)) {
		/* a bold space (labels have them, often no-break): a space;
		   an empty strong would start a line of a tbl cell with one */
		add_text(im, out, " ");
		free(t);
		return;
	}
	if (strlen(t) > 300 || has_link(n)) {
		free(t);
		inline_children(im, n, out);
		return;
	}
	/* emphasis of nothing but punctuation (an italic full stop after
	   "[see 5.1]"), a sub- or superscript comma: plain text */
	if (lone_punct(t, *name == 's' && name[1] == 'u')) {
		add_text(im, out, t);
		free(t);
		return;
	}
	if (*name == 's' && name[1] == 'u')
		/* a sub- or superscript belongs to the word before it: no
		   space ("C<sub>12</sub>", not "C <sub>12</sub>") */
		trim_last_space(out);
	else if (edge_space(n, 0))
		add_text(im, out, " ");
	elt(im, out, name, t);
	if (edge_space(n, 1) && !(strcmp(name, "sub") == 0 &&
	    n->next != NULL && n->next->type == XML_TEXT_NODE &&
	    n->next->content != NULL &&
	    isupper(n->next->content[strspn((const char *)
	    n->next->content, " \t\n\r")])))
		add_text(im, out, " ");
	free(t);
}

/* The link target of an SPL ID ("r:anchor", "t:name"), or NULL. */
static const char *
link_of(struct imp *im, const char *id)
{
	const char	*v;
	char		*low, *p;

	if ((v = xmlHashLookup(im->ids, BAD_CAST id)) != NULL)
		return v;
	if ((low = strdup(id)) == NULL)
		return NULL;
	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	v = xmlHashLookup(im->lids, BAD_CAST low);
	free(low);
	return v;
}

/* linkHtml: an internal link becomes an xref, anything else its text. */
static void
emit_link(struct imp *im, xmlNodePtr n, xmlNodePtr out)
{
	const char	*href, *to;
	xmlNodePtr	 x;
	char		*t;

	href = spl_attr(n, "href");
	if (href == NULL || href[0] != '#') {
		inline_children(im, n, out);
		return;
	}
	if ((to = link_of(im, href + 1)) == NULL) {
		diag_file_add(im->df, DIAG_WARNING, xmlGetLineNo(n), 0,
		    "dangling-link", "link to '%s' names no section of the "
		    "label; its text is kept", href);
		inline_children(im, n, out);
		return;
	}
	t = plain_text(n);
	if (t == NULL || only_spaces(t)) {
		/* a link with no text (labels have them) is nothing to
		   read, and an empty link nothing to follow */
		if (t != NULL || edge_space(n, 0))
			add_text(im, out, " ");
		free(t);
		return;
	}
	if (edge_space(n, 0))
		add_text(im, out, " ");
	x = elt(im, out, "xref", t);
	attr(x, to[0] == 'r' ? "ref" : "to", to + 2);
	if (edge_space(n, 1))
		add_text(im, out, " ");
	free(t);
}

/*
 * A name not yet in used, recorded there: base itself, else base-2,
 * base-3, ..., from the suffix next holds for base, so that n names
 * alike take n steps, not n squared.  NULL when out of memory.
 */
static char *
unique(xmlHashTablePtr used, xmlHashTablePtr next, const char *base)
{
	char		*buf;
	size_t		 len;
	intptr_t	 k, from;

	len = strlen(base) + 24;
	if ((buf = malloc(len)) == NULL)
		return NULL;
	snprintf(buf, len, "%s", base);
	if (xmlHashLookup(used, BAD_CAST buf) != NULL) {
		/* libxml2 grows a table on adding only: update what is in */
		from = (intptr_t)xmlHashLookup(next, BAD_CAST base);
		for (k = from < 2 ? 2 : from; snprintf(buf, len, "%s-%ld",
		    base, (long)k) > 0 && xmlHashLookup(used, BAD_CAST buf) !=
		    NULL; k++)
			continue;
		if (from == 0)
			xmlHashAddEntry(next, BAD_CAST base, (void *)(k + 1));
		else
			xmlHashUpdateEntry(next, BAD_CAST base,
			    (void *)(k + 1), NULL);
	}
	xmlHashAddEntry(used, BAD_CAST buf, (void *)1);
	return buf;
}

/*
 * The id of a footnote of the table, unique in it: from its SPL ID when
 * that can be an NCName (other characters as '_'), else fnK.
 */
static char *
footnote_id(struct imp *im, const char *id, int k)
{
	char	 buf[64];
	size_t	 i;

	if (id == NULL || !isalpha((unsigned char)id[0]) ||
	    strlen(id) >= sizeof(buf))
		snprintf(buf, sizeof(buf), "fn%d", k);
	else {
		for (i = 0; id[i] != '\0'; i++)
			buf[i] = isalnum((unsigned char)id[i]) ||
			    id[i] == '-' || id[i] == '.' ? id[i] : '_';
		buf[i] = '\0';
	}
	return unique(im->fnused, im->fnnext, buf);
}

/* The footnote of the table that the SPL footnote n is, or NULL. */
static struct fnote *
find_footnote(struct imp *im, xmlNodePtr n)
{
	char	 key[32];

	snprintf(key, sizeof(key), "%p", (void *)n);
	return xmlHashLookup(im->fnnode, BAD_CAST key);
}

/* An SPL footnote inside a table: a footnote of the table, and a mark. */
static void
footnote(struct imp *im, xmlNodePtr n, xmlNodePtr out)
{
	struct fnote	*fn;
	xmlNodePtr	 f, r;

	if (!im->intable) {
		add_text(im, out, " (");
		inline_children(im, n, out);
		add_text(im, out, ") ");
		return;
	}
	if ((fn = find_footnote(im, n)) == NULL)
		return;
	if (fn->id == NULL &&
	    (fn->id = footnote_id(im, NULL, ++im->fnk)) == NULL)
		return;
	if (!fn->done) {
		fn->done = 1;
		f = el(im, im->fnotes, "footnote");
		attr(f, "id", fn->id);
		inline_children(im, n, f);
		trim_end(f);
	}
	if (im->incell) {
		r = el(im, out, "fnref");
		attr(r, "ref", fn->id);
	}
}

/* footnoteRef: a mark in a cell for a footnote of the same table. */
static void
footnote_ref(struct imp *im, xmlNodePtr n, xmlNodePtr out)
{
	const char	*ref, *id;
	xmlNodePtr	 r;

	if (!im->incell || (ref = spl_attr(n, "IDREF")) == NULL ||
	    (id = xmlHashLookup(im->fnspl, BAD_CAST ref)) == NULL)
		return;
	r = el(im, out, "fnref");
	attr(r, "ref", id);
}

/* Is out the cell being written (a line break there is kept)? */
static int
in_cell(struct imp *im, xmlNodePtr out)
{
	return im->incell && out->type == XML_ELEMENT_NODE &&
	    (xmlStrEqual(out->name, BAD_CAST "td") ||
	    xmlStrEqual(out->name, BAD_CAST "th"));
}

/*
 * Tidy the line breaks of a cell: none at its start or end, none after
 * another, no space beside one.
 */
static void
tidy_breaks(xmlNodePtr cell)
{
	xmlNodePtr	 c, next, prev;
	xmlChar		*p;
	size_t		 len;

	for (c = cell->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			/* no space after a break, nor before one */
			if (c->prev == NULL || (c->prev->type ==
			    XML_ELEMENT_NODE && xmlStrEqual(c->prev->name,
			    BAD_CAST "br")))
				for (p = c->content; *p == ' '; )
					memmove(p, p + 1, xmlStrlen(p));
			len = (size_t)xmlStrlen(c->content);
			if (next == NULL || (next->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(next->name, BAD_CAST "br")))
				while (len > 0 && c->content[len - 1] == ' ')
					c->content[--len] = '\0';
			if (*c->content == '\0') {
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
			continue;
		}
		if (c->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(c->name, BAD_CAST "br"))
			continue;
		for (prev = c->prev; prev != NULL &&
		    prev->type == XML_TEXT_NODE; prev = prev->prev)
			if (prev->content != NULL && *prev->content != '\0')
				break;
		if (prev == NULL || next == NULL ||
		    (prev->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(prev->name, BAD_CAST "br"))) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
	/* a break left last (text after it was space) */
	while ((c = cell->last) != NULL && c->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(c->name, BAD_CAST "br")) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/*
 * One SPL node of inline content into out: text, emphasis, sub- and
 * superscripts, links, footnotes.  A block met inline (a list in a
 * paragraph, a paragraph in a cell) gives its text, spaced.
 */
static void
inline_node(struct imp *im, xmlNodePtr c, xmlNodePtr out)
{
	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		add_text(im, out, (const char *)c->content);
		return;
	}
	if (!spl_is(c, NULL))
		return;
	if (spl_is(c, "content")) {
		if (style(c, "bold"))
			styled(im, c, out, "strong");
		else if (style(c, "italics") || style(c, "italic"))
			styled(im, c, out, "em");
		else
			inline_children(im, c, out);
	} else if (spl_is(c, "sub"))
		styled(im, c, out, "sub");
	else if (spl_is(c, "sup"))
		styled(im, c, out, "sup");
	else if (spl_is(c, "br")) {
		if (out == im->para)	/* split_para() ends the p there */
			el(im, out, BREAK);
		else if (in_cell(im, out))
			el(im, out, "br");
		else
			add_text(im, out, " ");
	} else if (spl_is(c, "linkHtml"))
		emit_link(im, c, out);
	else if (spl_is(c, "footnote"))
		footnote(im, c, out);
	else if (spl_is(c, "footnoteRef"))
		footnote_ref(im, c, out);
	else if (spl_is(c, "renderMultiMedia") && out == im->para) {
		/* a figure where it stood: split_para() ends the p there */
		warn_image(im, c);
		figure_words(im, c, el(im, out, FIGURE));
	} else if (spl_is(c, "renderMultiMedia")) {
		warn_image(im, c);
		if (spl_child(c, "caption") != NULL) {
			add_text(im, out, " ");
			inline_children(im, spl_child(c, "caption"), out);
			add_text(im, out, " ");
		}
	} else if (spl_is(c, "col") || spl_is(c, "colgroup"))
		return;
	else if (in_cell(im, out) && (spl_is(c, "paragraph") ||
	    spl_is(c, "list") || spl_is(c, "item"))) {
		/* a paragraph or list item of a cell: a line of its own */
		el(im, out, "br");
		inline_children(im, c, out);
		el(im, out, "br");
	} else {
		add_text(im, out, " ");
		inline_children(im, c, out);
		add_text(im, out, " ");
	}
}

/* The inline content of all children of SPL node n into out. */
static void
inline_children(struct imp *im, xmlNodePtr n, xmlNodePtr out)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next)
		inline_node(im, c, out);
}

/* Is the caption of a list item only a bullet sign? */
static int
bullet_only(xmlNodePtr cap)
{
	char		*t;
	const unsigned char *p;
	int		 only;

	if ((t = spl_text(cap)) == NULL)
		return 1;
	only = 1;
	for (p = (unsigned char *)t; *p != '\0'; p++)
		if (isalnum(*p))
			only = 0;
	free(t);
	return only;
}

static void	 emit_list(struct imp *, xmlNodePtr, xmlNodePtr, const char *);

/* Is n a text node of white space only? */
static int
blank(xmlNodePtr n)
{
	return n->type == XML_TEXT_NODE && (n->content == NULL ||
	    strspn((char *)n->content, " \t\r\n") ==
	    strlen((char *)n->content));
}

/*
 * One list item: its text cited, then its nested lists; text after a
 * nested list starts an item of its own.
 */
static void
emit_item(struct imp *im, xmlNodePtr it, xmlNodePtr list, const char *loc)
{
	xmlNodePtr	 item, c;
	int		 cited;

	item = el(im, list, "item");
	cited = 0;
	for (c = it->children; c != NULL; c = c->next) {
		if (spl_is(c, "list")) {
			if (!cited) {
				trim_end(item);
				cite(im, item, loc);
				cited = 1;
			}
			emit_list(im, c, item, loc);
			continue;
		}
		if (spl_is(c, "caption") && bullet_only(c))
			continue;
		if (blank(c) || (c->type != XML_TEXT_NODE && !spl_is(c, NULL)))
			continue;
		if (cited) {
			item = el(im, list, "item");
			cited = 0;
		}
		inline_node(im, c, item);
	}
	if (!cited) {
		trim_end(item);
		cite(im, item, loc);
	}
}

/* An SPL list into out. */
static void
emit_list(struct imp *im, xmlNodePtr n, xmlNodePtr out, const char *loc)
{
	xmlNodePtr	 list, c, item;
	const char	*t;

	list = el(im, out, "list");
	t = spl_attr(n, "listType");
	attr(list, "type", t != NULL && strcasecmp(t, "ordered") == 0 ?
	    "ordered" : "bullet");
	for (c = n->children; c != NULL; c = c->next) {
		if (spl_is(c, "item"))
			emit_item(im, c, list, loc);
		else if (spl_is(c, "list")) {
			item = el(im, list, "item");
			cite(im, item, loc);
			emit_list(im, c, item, loc);
		} else if (spl_is(c, "renderMultiMedia"))
			warn_image(im, c);
	}
	if (list->children == NULL) {
		xmlUnlinkNode(list);
		xmlFreeNode(list);
	}
}

static int
posint(const char *s)
{
	long	 v;
	char	*end;

	if (s == NULL)
		return 1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v <= 0)
		return 1;
	return v > TABLE_MAXSPAN ? TABLE_MAXSPAN : (int)v;
}

/*
 * Does the row hold nothing but footnote marks?  Labels put a table's
 * footnotes in a row of their own (often the tfoot); the footnotes are
 * kept under the table, and the row of bare marks would read "(1)".
 */
static int
footnotes_only(xmlNodePtr row)
{
	xmlNodePtr	 cell, c;
	const xmlChar	*p;
	int		 marks;

	marks = 0;
	for (cell = row->children; cell != NULL; cell = cell->next)
		for (c = cell->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(c->name, BAD_CAST "fnref"))
				marks++;
			else if (c->type == XML_TEXT_NODE) {
				for (p = c->content; p != NULL && *p != '\0';
				    p++)
					if (!isspace(*p))
						return 0;
			} else
				return 0;
	return marks > 0;
}

/* One SPL row into the rows element rows. */
static void
emit_row(struct imp *im, xmlNodePtr tr, xmlNodePtr rows)
{
	xmlNodePtr	 row, c, cell;
	const char	*a;
	char		 num[8];

	row = el(im, rows, "tr");
	for (c = tr->children; c != NULL; c = c->next) {
		if (!spl_is(c, "th") && !spl_is(c, "td"))
			continue;
		cell = el(im, row, spl_is(c, "th") ? "th" : "td");
		if (posint(spl_attr(c, "colspan")) > 1) {
			snprintf(num, sizeof(num), "%d",
			    posint(spl_attr(c, "colspan")));
			attr(cell, "colspan", num);
		}
		if (posint(spl_attr(c, "rowspan")) > 1) {
			snprintf(num, sizeof(num), "%d",
			    posint(spl_attr(c, "rowspan")));
			attr(cell, "rowspan", num);
		}
		if ((a = spl_attr(c, "align")) != NULL &&
		    (strcmp(a, "left") == 0 || strcmp(a, "center") == 0 ||
		    strcmp(a, "right") == 0))
			attr(cell, "align", a);
		im->incell = 1;
		inline_children(im, c, cell);
		im->incell = 0;
		tidy_breaks(cell);
		trim_end(cell);
	}
	if (footnotes_only(row)) {
		/* Its notes are the table's; the row is dropped empty. */
		while (row->children != NULL) {
			c = row->children;
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

/*
 * Lay the rows of a group on the table grid (table.c) with their
 * rowspans cut at the group's end; with width > 0, pad each row with
 * empty cells at its free columns to width.  Returns the widest row;
 * *over (when not NULL) is set when a span reached past TABLE_MAXCOLS.
 */
static int
shape_rows(struct imp *im, xmlNodePtr group, int width, int *over)
{
	struct table_occ o;
	xmlNodePtr	 tr;
	size_t		 left;
	int		 w, maxw;

	left = 0;
	for (tr = group->children; tr != NULL; tr = tr->next)
		left++;
	table_occ_start(&o);
	maxw = 0;
	for (tr = group->children; tr != NULL; tr = tr->next) {
		w = table_occ_row(&o, tr, --left, 1);
		while (width > 0 && w < width) {
			el(im, tr, "td");
			w = table_occ_pad(&o);
		}
		table_occ_next(&o);
		if (w > maxw)
			maxw = w;
	}
	if (o.over && over != NULL)
		*over = 1;
	return maxw;
}

/*
 * Make every row of table as wide as the widest.  A table wider than
 * TABLE_MAXCOLS, or whose grid has more than TABLE_MAXSLOTS slots, is
 * an error at the label's table n.
 */
static void
shape_table(struct imp *im, xmlNodePtr table, xmlNodePtr n)
{
	xmlNodePtr	 g, tr;
	size_t		 rows;
	int		 w, width, over;

	width = over = 0;
	rows = 0;
	for (g = table->children; g != NULL; g = g->next)
		if (xmlStrEqual(g->name, BAD_CAST "thead") ||
		    xmlStrEqual(g->name, BAD_CAST "tbody")) {
			if ((w = shape_rows(im, g, 0, &over)) > width)
				width = w;
			for (tr = g->children; tr != NULL; tr = tr->next)
				rows++;
		}
	if (over) {
		diag_file_add(im->df, DIAG_ERROR, xmlGetLineNo(n), 0,
		    "table-too-large", "table with a row more than %d "
		    "columns wide; label refused", TABLE_MAXCOLS);
		return;
	}
	im->slots += rows * (size_t)width;
	if (im->slots > TABLE_MAXSLOTS) {
		diag_file_add(im->df, DIAG_ERROR, xmlGetLineNo(n), 0,
		    "table-too-large", "with this table, the label's tables "
		    "have %zu slots (rows times columns), more than the %d "
		    "monoc lays out; label refused", im->slots,
		    TABLE_MAXSLOTS);
		return;
	}
	for (g = table->children; g != NULL; g = g->next)
		if (xmlStrEqual(g->name, BAD_CAST "thead") ||
		    xmlStrEqual(g->name, BAD_CAST "tbody"))
			shape_rows(im, g, width, &over);
}

/*
 * Drop the rows of a group that hold no cell (an empty <tr/>, a row of
 * footnotes only): the schema wants a cell in every row.  A cell of an
 * earlier row spanning down into a dropped row spans one row less, so
 * that every other cell keeps its column (table_occ_drop()).
 */
static void
drop_empty_rows(xmlNodePtr group)
{
	struct table_occ o;
	xmlNodePtr	 tr, next;

	table_occ_start(&o);
	for (tr = group->children; tr != NULL; tr = next) {
		next = tr->next;
		if (tr->children == NULL) {
			table_occ_drop(&o);
			xmlUnlinkNode(tr);
			xmlFreeNode(tr);
			continue;
		}
		table_occ_row(&o, tr, 0, 0);
		table_occ_next(&o);
	}
}

/*
 * Collect the footnotes of table n, before its cells, in document
 * order: each is numbered, and one with an SPL ID gets its id now (the
 * first with an ID is what a footnoteRef to it names); one without gets
 * the next number when met.  Returns -1 when out of memory.
 */
static int
collect_footnotes(struct imp *im, xmlNodePtr n)
{
	struct fnote	*fn;
	xmlNodePtr	 c;
	const char	*id;

	for (c = n->children; c != NULL; c = c->next) {
		if (!spl_is(c, NULL))
			continue;
		if (spl_is(c, "footnote")) {
			if (im->nfn == im->fncap) {
				im->fncap = im->fncap == 0 ? 16 :
				    2 * im->fncap;
				if ((fn = realloc(im->fn, im->fncap *
				    sizeof(*fn))) == NULL)
					return -1;
				im->fn = fn;
			}
			fn = &im->fn[im->nfn++];
			memset(fn, 0, sizeof(*fn));
			fn->spl = c;
			im->fnk++;
			if ((id = spl_attr(c, "ID")) != NULL) {
				if ((fn->id = footnote_id(im, id, im->fnk)) ==
				    NULL)
					return -1;
				xmlHashAddEntry(im->fnspl, BAD_CAST id,
				    fn->id);
			}
		}
		if (collect_footnotes(im, c) == -1)
			return -1;
	}
	return 0;
}

/* Index the footnotes collected by their SPL elements. */
static void
index_footnotes(struct imp *im)
{
	size_t	 i;
	char	 key[32];

	for (i = 0; i < im->nfn; i++) {
		snprintf(key, sizeof(key), "%p", (void *)im->fn[i].spl);
		xmlHashAddEntry(im->fnnode, BAD_CAST key, &im->fn[i]);
	}
}

/* Forget the footnotes of the table just written. */
static void
free_footnotes(struct imp *im)
{
	size_t	 i;

	for (i = 0; i < im->nfn; i++)
		free(im->fn[i].id);
	free(im->fn);
	im->fn = NULL;
	im->nfn = im->fncap = 0;
	im->fnk = 0;
	xmlHashFree(im->fnspl, NULL);
	xmlHashFree(im->fnnode, NULL);
	xmlHashFree(im->fnused, NULL);
	xmlHashFree(im->fnnext, NULL);
	im->fnspl = im->fnnode = im->fnused = im->fnnext = NULL;
}

/* Rows of the SPL group g (thead, tbody, tfoot) into a new group. */
static void
emit_group(struct imp *im, xmlNodePtr g, xmlNodePtr table, const char *name)
{
	xmlNodePtr	 rows, tr;

	rows = el(im, table, name);
	for (tr = g->children; tr != NULL; tr = tr->next)
		if (spl_is(tr, "tr"))
			emit_row(im, tr, rows);
	drop_empty_rows(rows);
	if (rows->children == NULL) {
		xmlUnlinkNode(rows);
		xmlFreeNode(rows);
	}
}

/*
 * Is every piece of the cell styled (strong or em), footnote marks and
 * line breaks aside?  Labels without a thead mark their header rows in bold.
 */
static int
styled_cell(xmlNodePtr cell)
{
	xmlNodePtr	 c;
	int		 styled;

	styled = 0;
	for (c = cell->children; c != NULL; c = c->next)
		if (dom_is(c, "strong") || dom_is(c, "em"))
			styled = 1;
		else if (c->type == XML_ELEMENT_NODE) {
			if (!dom_is(c, "fnref") && !dom_is(c, "br"))
				return 0;
		} else if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    !only_spaces((const char *)c->content))
			return 0;
	return styled;
}

/* Is the cell blank: no element, no text but spaces (no-break too)? */
static int
blank_cell(xmlNodePtr cell)
{
	xmlNodePtr	 c;

	for (c = cell->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE || (c->type == XML_TEXT_NODE &&
		    c->content != NULL &&
		    !only_spaces((const char *)c->content)))
			return 0;
	return 1;
}

/*
 * Is the row a header row of a table whose label gave no thead: each of
 * its cells empty, a th, or wholly bold or italic, and some cell past
 * the first column not empty (a bold first cell alone names a group of
 * rows: "Cardiovascular")?
 */
static int
head_row(xmlNodePtr tr)
{
	xmlNodePtr	 c;
	int		 col, past;

	col = past = 0;
	for (c = tr->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!blank_cell(c)) {
			if (!dom_is(c, "th") && !styled_cell(c))
				return 0;
			if (col > 0)
				past = 1;
		}
		col += table_span(c, "colspan");
	}
	return past;
}

/*
 * Is the row a title: one cell across all the width columns of a table
 * of more than one, of text a caption may hold (no footnote mark), at
 * most 300 bytes?
 */
static int
title_row(xmlNodePtr tr, int width)
{
	xmlNodePtr	 cell, c;
	xmlChar		*t;
	int		 len;

	if ((cell = dom_child(tr, NULL)) == NULL || width < 2 ||
	    table_span(cell, "colspan") < width || table_span(cell, "rowspan") > 1)
		return 0;
	for (c = cell->next; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return 0;
	if (!has_content(cell))
		return 0;
	for (c = cell->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !dom_is(c, "strong") &&
		    !dom_is(c, "em") && !dom_is(c, "sub") &&
		    !dom_is(c, "sup") && !dom_is(c, "xref") &&
		    !dom_is(c, "br"))
			return 0;
	t = xmlNodeGetContent(cell);
	len = t != NULL ? xmlStrlen(t) : 0;
	xmlFree(t);
	return len <= 300;
}

/* Replace each strong and em child of n by its text. */
static void
unstyle(struct imp *im, xmlNodePtr n)
{
	xmlNodePtr	 c, next, t;
	xmlChar		*s;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (!dom_is(c, "strong") && !dom_is(c, "em"))
			continue;
		s = xmlNodeGetContent(c);
		t = xmlNewDocText(im->doc, s != NULL ? s : BAD_CAST "");
		xmlFree(s);
		xmlReplaceNode(c, t);
		xmlFreeNode(c);
	}
}

/*
 * The header rows of a table where its label puts them.  A first row
 * that is one cell across the table is its title: the caption, or the
 * end of the caption the label gave (rows of it after the first too).
 * With no thead, the leading rows of th, or of bold or italic cells, are
 * the header rows (up to the last one a rowspan of theirs reaches), so
 * long as a body row follows.  Their bold is dropped (a header is shown
 * as one).  *capp is the caption, made when the title needs one.
 */
static void
find_head(struct imp *im, xmlNodePtr table, xmlNodePtr *capp)
{
	xmlNodePtr	 g, tr, cell, thead, c, next;
	int		 width, w, k, i, ok;

	width = 0;
	for (g = table->children; g != NULL; g = g->next)
		if ((dom_is(g, "thead") || dom_is(g, "tbody")) &&
		    (w = shape_rows(im, g, 0, NULL)) > width)
			width = w;
	thead = dom_child(table, "thead");
	g = thead != NULL ? thead : dom_child(table, "tbody");
again:
	while (g != NULL && (tr = dom_child(g, "tr")) != NULL &&
	    (tr->next != NULL || g == thead) && title_row(tr, width)) {
		cell = dom_child(tr, NULL);
		unstyle(im, cell);
		if (*capp == NULL) {
			*capp = el(im, NULL, "caption");
			xmlAddPrevSibling(table->children, *capp);
		} else {
			trim_end(*capp);
			add_text(im, *capp, " \xe2\x80\x94 ");
		}
		for (c = cell->children; c != NULL; c = next) {
			next = c->next;
			xmlUnlinkNode(c);
			if (c->type == XML_TEXT_NODE || dom_is(c, "br")) {
				add_text(im, *capp, c->type == XML_TEXT_NODE ?
				    (const char *)c->content : " ");
				xmlFreeNode(c);
			} else
				xmlAddChild(*capp, c);
		}
		trim_end(*capp);
		xmlUnlinkNode(tr);
		xmlFreeNode(tr);
	}
	if (thead != NULL && dom_child(thead, "tr") == NULL) {
		/* a thead of titles only */
		xmlUnlinkNode(thead);
		xmlFreeNode(thead);
		thead = NULL;
		g = dom_child(table, "tbody");
		goto again;
	}
	if (thead != NULL || g == NULL)
		return;
	/* a body row must follow, in this group or the next */
	for (next = g->next; next != NULL && !dom_is(next, "tbody");
	    next = next->next)
		continue;
	k = 0;
	for (tr = g->children; tr != NULL && (tr->next != NULL ||
	    next != NULL) && head_row(tr); tr = tr->next)
		k++;
	/* no rowspan of a header row may reach past the last one */
	for (; k > 0; k--) {
		ok = 1;
		for (i = 0, tr = g->children; i < k; i++, tr = tr->next)
			for (cell = tr->children; cell != NULL;
			    cell = cell->next)
				if (cell->type == XML_ELEMENT_NODE &&
				    table_span(cell, "rowspan") > k - i)
					ok = 0;
		if (ok)
			break;
	}
	if (k == 0)
		return;
	thead = el(im, NULL, "thead");
	xmlAddPrevSibling(g, thead);
	for (i = 0; i < k; i++) {
		tr = g->children;
		xmlUnlinkNode(tr);
		xmlAddChild(thead, tr);
		for (cell = tr->children; cell != NULL; cell = cell->next)
			unstyle(im, cell);
	}
	if (g->children == NULL) {
		xmlUnlinkNode(g);
		xmlFreeNode(g);
	}
}

/*
 * Remove the fnref elements under n whose footnote is not in the table
 * (written, the ids of its footnotes).
 */
static void
drop_dangling_fnrefs(xmlHashTablePtr written, xmlNodePtr n)
{
	xmlNodePtr	 c, next;
	xmlChar		*v;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "fnref")) {
			v = xmlGetProp(c, BAD_CAST "ref");
			if (v == NULL || xmlHashLookup(written, v) == NULL) {
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
			xmlFree(v);
		} else
			drop_dangling_fnrefs(written, c);
	}
}

/* An SPL table into out, shaped, its footnotes at its end, cited. */
static void
emit_table(struct imp *im, xmlNodePtr n, xmlNodePtr out, const char *loc)
{
	xmlNodePtr	 table, c, cap, loose, g, last, f, next;
	xmlHashTablePtr	 written;
	size_t		 i;
	int		 bodies;

	table = el(im, out, "table");
	im->fnotes = xmlNewDocNode(im->doc, im->ns, BAD_CAST "hold", NULL);
	if ((im->fnspl = xmlHashCreate(16)) == NULL ||
	    (im->fnnode = xmlHashCreate(16)) == NULL ||
	    (im->fnused = xmlHashCreate(16)) == NULL ||
	    (im->fnnext = xmlHashCreate(16)) == NULL ||
	    collect_footnotes(im, n) == -1)
		diag_file_add(im->df, DIAG_FATAL, 0, 0, NULL, "out of memory");
	else
		index_footnotes(im);
	im->intable = 1;
	cap = NULL;
	loose = NULL;
	if ((c = spl_child(n, "caption")) != NULL) {
		cap = el(im, table, "caption");
		inline_children(im, c, cap);
		if (!has_content(cap)) {
			xmlUnlinkNode(cap);
			xmlFreeNode(cap);
			cap = NULL;
		} else
			trim_end(cap);
	}
	if ((c = spl_child(n, "thead")) != NULL)
		emit_group(im, c, table, "thead");
	for (c = n->children; c != NULL; c = c->next) {
		if (spl_is(c, "tbody"))
			emit_group(im, c, table, "tbody");
		else if (spl_is(c, "tr")) {
			if (loose == NULL)
				loose = el(im, table, "tbody");
			emit_row(im, c, loose);
		}
	}
	/* a tfoot (labels put it before the tbody, as HTML 4 did) last */
	for (c = n->children; c != NULL; c = c->next)
		if (spl_is(c, "tfoot"))
			emit_group(im, c, table, "tbody");
	im->intable = 0;
	if (loose != NULL) {
		drop_empty_rows(loose);
		if (loose->children == NULL) {
			xmlUnlinkNode(loose);
			xmlFreeNode(loose);
		}
	}
	find_head(im, table, &cap);
	/* A table of header rows only: they are its body. */
	bodies = 0;
	for (g = table->children; g != NULL; g = g->next)
		if (xmlStrEqual(g->name, BAD_CAST "tbody"))
			bodies++;
	if (bodies == 0)
		for (g = table->children; g != NULL; g = g->next)
			if (xmlStrEqual(g->name, BAD_CAST "thead")) {
				xmlNodeSetName(g, BAD_CAST "tbody");
				bodies++;
			}
	if (bodies == 0) {
		/*
		 * No rows: keep the caption's words and the footnotes' as
		 * paragraphs (the marks that cited them are gone).
		 */
		last = table;
		if (cap != NULL) {
			xmlUnlinkNode(cap);
			xmlNodeSetName(cap, BAD_CAST "p");
			xmlAddNextSibling(last, cap);
			cite(im, cap, loc);
			last = cap;
		}
		for (f = im->fnotes->children; f != NULL; f = next) {
			next = f->next;
			xmlUnlinkNode(f);
			if (!has_content(f)) {
				xmlFreeNode(f);
				continue;
			}
			xmlUnsetProp(f, BAD_CAST "id");
			xmlNodeSetName(f, BAD_CAST "p");
			trim_end(f);
			xmlAddNextSibling(last, f);
			cite(im, f, loc);
			last = f;
		}
		xmlUnlinkNode(table);
		xmlFreeNode(table);
		xmlFreeNode(im->fnotes);
		im->fnotes = NULL;
		free_footnotes(im);
		return;
	}
	for (f = im->fnotes->children; f != NULL; f = next) {
		next = f->next;
		xmlUnlinkNode(f);
		if (!has_content(f))
			xmlAddChild(f, xmlNewDocText(im->doc, BAD_CAST "-"));
		xmlAddChild(table, f);
	}
	xmlFreeNode(im->fnotes);
	im->fnotes = NULL;
	/* the footnotes written are those of fnused that are done */
	written = xmlHashCreate(16);
	for (i = 0; written != NULL && i < im->nfn; i++)
		if (im->fn[i].done)
			xmlHashAddEntry(written, BAD_CAST im->fn[i].id,
			    (void *)1);
	if (written != NULL)
		drop_dangling_fnrefs(written, table);
	xmlHashFree(written, NULL);
	free_footnotes(im);
	shape_table(im, table, n);
	if (cap != NULL)
		cite(im, cap, loc);
	else {
		for (last = table->last; last != NULL &&
		    !xmlStrEqual(last->name, BAD_CAST "tbody");
		    last = last->prev)
			continue;
		last = last->last->last;	/* its last row's last cell */
		trim_end(last);
		if (last->children != NULL)
			add_text(im, last, " ");
		cite(im, last, loc);
	}
}

/*
 * Split the p built from a paragraph at its line breaks (the BREAK
 * marks inline_node() leaves for each br directly in it, even one inside
 * a long styled run, which gives its text unstyled), each part a
 * statement of its own, cited to loc; an image in it (a FIGURE mark) is
 * a figure between the parts before and after it.
 */
static void
split_para(struct imp *im, xmlNodePtr q, const char *loc)
{
	xmlNodePtr	 c, next, cur;

	cur = q;
	for (c = q->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE ||
		    (!xmlStrEqual(c->name, BAD_CAST BREAK) &&
		    !xmlStrEqual(c->name, BAD_CAST FIGURE))) {
			if (cur != q) {
				xmlUnlinkNode(c);
				xmlAddChild(cur, c);
			}
			continue;
		}
		xmlUnlinkNode(c);
		if (xmlStrEqual(c->name, BAD_CAST FIGURE)) {
			if (cur != q)
				close_statement(im, cur, loc);
			xmlNodeSetName(c, BAD_CAST "figure");
			xmlAddNextSibling(q->parent->last, c);
			cite(im, c, loc);
			cur = xmlNewDocNode(q->doc, q->ns, BAD_CAST "p", NULL);
			if (cur == NULL)
				return;
			xmlAddNextSibling(c, cur);
			continue;
		}
		xmlFreeNode(c);
		if (has_content(cur)) {
			if (cur != q)
				close_statement(im, cur, loc);
			cur = xmlNewDocNode(q->doc, q->ns, BAD_CAST "p", NULL);
			if (cur == NULL)
				return;
			xmlAddNextSibling(q->parent->last, cur);
		}
	}
	if (cur != q)
		close_statement(im, cur, loc);
	close_statement(im, q, loc);
}

/*
 * The blocks of SPL text element text into out: paragraphs, lists and
 * tables; loose inline content makes paragraphs of its own.
 */
static void
emit_blocks(struct imp *im, xmlNodePtr text, xmlNodePtr out, const char *loc)
{
	xmlNodePtr	 c, p, q;

	p = NULL;
	for (c = text->children; c != NULL; c = c->next) {
		if (spl_is(c, "paragraph")) {
			close_statement(im, p, loc);
			p = NULL;
			/* a line break ends a paragraph: labels break lines
			   between headings, list items and NDC codes with
			   br, which a space would run together */
			q = el(im, out, "p");
			im->para = q;
			inline_children(im, c, q);
			im->para = NULL;
			split_para(im, q, loc);
		} else if (spl_is(c, "list")) {
			close_statement(im, p, loc);
			p = NULL;
			emit_list(im, c, out, loc);
		} else if (spl_is(c, "table")) {
			close_statement(im, p, loc);
			p = NULL;
			emit_table(im, c, out, loc);
		} else if (spl_is(c, "renderMultiMedia")) {
			/* the image goes, a figure stands for it */
			close_statement(im, p, loc);
			p = NULL;
			warn_image(im, c);
			q = el(im, out, "figure");
			figure_words(im, c, q);
			cite(im, q, loc);
		} else if (c->type == XML_TEXT_NODE || spl_is(c, NULL)) {
			if (blank(c))
				continue;
			if (p == NULL)
				p = el(im, out, "p");
			inline_node(im, c, p);
		}
	}
	close_statement(im, p, loc);
}

/* ---------------------------------------------------------------- */
/* First pass: where each section goes                              */
/* ---------------------------------------------------------------- */

/*
 * A readable anchor from words (a section's title): lower-case letters
 * and digits, hyphens between words, at most 40 characters cut between
 * words, a letter first ("5.1 Serotonin Syndrome": "s5-1-serotonin-
 * syndrome").  0 when the words give none.
 */
static size_t
slug(const char *words, char *buf, size_t size)
{
	char	*h;
	size_t	 o;
	int	 gap;

	o = 0;
	gap = 0;
	if (words == NULL || size < 48)
		return 0;
	for (; *words != '\0' && o < 41; words++) {
		if (!isalnum((unsigned char)*words)) {
			gap = o > 0;
			continue;
		}
		if (o == 0 && !isalpha((unsigned char)*words))
			buf[o++] = 's';
		if (gap)
			buf[o++] = '-';
		gap = 0;
		buf[o++] = tolower((unsigned char)*words);
	}
	buf[o] = '\0';
	if (o > 40) {
		/* cut between words: at the last hyphen of the first 40 */
		buf[40] = '\0';
		if (buf[40 - 1] != '-' && (h = strrchr(buf, '-')) != NULL &&
		    gap == 0)
			*h = '\0';
		o = strlen(buf);
		while (o > 0 && buf[o - 1] == '-')
			buf[--o] = '\0';
	}
	return o;
}

/*
 * A unique anchor for a section, recorded as used: from its title (or
 * the words of its code), else its SPL ID when that is short (labels
 * give "BW", "S5.1"; a GUID is no name to edit by), else one made up.
 * No '.': the HTML page writes it as '-', so "a.b" and "a-b" would be
 * one anchor there (check.c, rule anchor-clash).
 */
static char *
make_anchor(struct imp *im, const char *title, const char *id)
{
	char	 buf[80];
	size_t	 i, o;

	o = slug(title, buf, sizeof(buf));
	if (o == 0 && id != NULL && strlen(id) <= 12) {
		if (!isalpha((unsigned char)id[0]))
			buf[o++] = 's';
		for (i = 0; id[i] != '\0'; i++)
			buf[o++] = isalnum((unsigned char)id[i]) ||
			    id[i] == '_' || id[i] == '-' ? id[i] : '-';
	}
	if (o == 0)
		o = (size_t)snprintf(buf, sizeof(buf), "sec-%d",
		    ++im->nanchor);
	buf[o] = '\0';
	return unique(im->used, im->next, buf);
}

/* Map SPL ID id to link target to ("r:..." or "t:..."). */
static void
add_id(struct imp *im, const char *id, const char *to)
{
	char	*low, *p;

	if (id == NULL || to == NULL)
		return;
	if (xmlHashLookup(im->ids, BAD_CAST id) == NULL)
		xmlHashAddEntry(im->ids, BAD_CAST id, strdup(to));
	if ((low = strdup(id)) == NULL)
		return;
	for (p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (xmlHashLookup(im->lids, BAD_CAST low) == NULL)
		xmlHashAddEntry(im->lids, BAD_CAST low, strdup(to));
	free(low);
}

/* Map every ID in n (not in its subsections) to the link target to. */
static void
map_ids(struct imp *im, xmlNodePtr n, const char *to)
{
	xmlNodePtr	 c;
	const char	*id, *file;

	for (c = n->children; c != NULL; c = c->next) {
		if (!spl_is(c, NULL) || (spl_is(c, "component") &&
		    spl_child(c, "section") != NULL))
			continue;
		if ((id = spl_attr(c, "ID")) != NULL) {
			add_id(im, id, to);
			if (spl_is(c, "observationMedia") &&
			    (file = spl_attr(spl_path(c, "value/reference"),
			    "value")) != NULL &&
			    xmlHashLookup(im->media, BAD_CAST id) == NULL) {
				xmlHashAddEntry(im->media, BAD_CAST id,
				    strdup(file));
				xmlHashAddEntry(im->mnodes, BAD_CAST id, c);
			}
		}
		map_ids(im, c, to);
	}
}

/*
 * The bytes of the UTF-8 string s that fit in n (at most n), never
 * cutting a character in two.
 */
static size_t
u8_fit(const char *s, size_t n)
{
	if (strlen(s) <= n)
		return strlen(s);
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/*
 * A locator of at most 80 bytes from a title, cut at a space (or, in a
 * word longer than that, between two characters).
 */
static void
make_loc(char *loc, size_t sz, const char *title)
{
	size_t	 n;

	n = strlen(title);
	if (n < sz) {
		memcpy(loc, title, n + 1);
		return;
	}
	n = sz - 1;
	while (n > 0 && title[n] != ' ')
		n--;
	if (n == 0)
		n = u8_fit(title, sz - 1);
	memcpy(loc, title, n);
	loc[n] = '\0';
	spl_collapse(loc);
}

/* Does the text of boxed section s say it is an EUA notice? */
static int
eua_notice(xmlNodePtr s)
{
	char	*t;
	int	 eua;

	eua = 0;
	if ((t = spl_text(spl_child(s, "title"))) != NULL) {
		eua = strstr(t, "EUA") != NULL ||
		    strcasestr(t, "Emergency Use Authorization") != NULL;
		free(t);
	}
	return eua;
}

/* Patient documents, whose coded subsections stay where they are. */
static int
patient_doc(const char *code)
{
	static const char *const codes[] = {
		"42231-1", "42230-3", "68498-5", "59845-8", NULL
	};
	size_t	 i;

	for (i = 0; code != NULL && codes[i] != NULL; i++)
		if (strcmp(code, codes[i]) == 0)
			return 1;
	return 0;
}

/* Place a section into element t: as the element itself or at its end. */
static void
place_in(struct imp *im, struct plan *pl, enum spl_target t, int prim)
{
	pl->target = t;
	if (prim && !im->primary[t]) {
		im->primary[t] = 1;
		pl->place = PL_PRIMARY;
	} else
		pl->place = PL_HOLD;
}

/*
 * Is pl a PLR subsection numbered under its top-level section ("4.3
 * Pregnancy" in 4 CONTRAINDICATIONS)?  It stays where the label puts it,
 * whatever its code says: the label counts it a contraindication.
 */
static int
numbered_under(const struct plan *pl)
{
	const struct plan	*t;
	size_t			 n;

	for (t = pl; t->parent != NULL; t = t->parent)
		;
	if (t == pl || pl->num[0] == '\0' || t->num[0] == '\0')
		return 0;
	n = strlen(t->num);
	return strncmp(pl->num, t->num, n) == 0 && pl->num[n] == '.';
}

/*
 * Decide where section s goes, then its subsections.  top is the target
 * of the section it sits in at the top (or was lifted into), topcode
 * that section's code.
 */
static void
plan_section(struct imp *im, xmlNodePtr s, struct plan *parent, int depth,
    enum spl_target top, const char *topcode)
{
	struct plan	*pl;
	xmlNodePtr	 c, cs;
	const char	*rest, *name;
	char		*t, to[96];
	enum spl_target	 tg;
	int		 prim;

	if ((pl = calloc(1, sizeof(*pl))) == NULL)
		return;
	pl->all = im->plans;
	im->plans = pl;
	pl->parent = parent;
	s->_private = pl;
	pl->code = spl_attr(spl_child(s, "code"), "code");
	pl->display = spl_attr(spl_child(s, "code"), "displayName");
	if (spl_path(s, "subject/manufacturedProduct") != NULL)
		tg = SPL_T_SKIP, prim = 1;
	else
		tg = spl_target(pl->code, &prim);
	if ((t = spl_text(spl_child(s, "title"))) != NULL) {
		spl_number(t, pl->num, sizeof(pl->num), &rest);
		if (*rest != '\0')
			pl->title = strdup(rest);
		free(t);
	}
	if (pl->num[0] != '\0')
		memcpy(pl->loc, pl->num, sizeof(pl->num));
	else if (pl->title != NULL)
		make_loc(pl->loc, sizeof(pl->loc), pl->title);
	else if (pl->display != NULL && (pl->code == NULL ||
	    strcmp(pl->code, "42229-5") != 0) &&
	    (t = code_title(pl->display)) != NULL) {
		/* untitled (Drug Facts often are): the code's name */
		make_loc(pl->loc, sizeof(pl->loc), t);
		free(t);
	} else if (parent != NULL)
		memcpy(pl->loc, parent->loc, sizeof(pl->loc));
	if (tg == SPL_T_SKIP) {
		pl->place = PL_SKIP;
		return;
	}
	if (tg == SPL_T_PACKAGE) {
		pl->place = PL_SKIP;
		diag_file_add(im->df, DIAG_WARNING, xmlGetLineNo(s), 0,
		    "package-label", "package label '%s' not carried over",
		    pl->title != NULL ? pl->title : "principal display panel");
		return;
	}
	if (depth == 0) {
		if (tg == SPL_T_BOXED && !im->otc && !eua_notice(s)) {
			pl->place = PL_BOXED;
			pl->target = SPL_T_BOXED;
			snprintf(pl->loc, sizeof(pl->loc), "Boxed Warning");
		} else if (tg == SPL_T_BOXED) {
			pl->place = PL_TOP;
			pl->target = SPL_T_SECTION;
			diag_file_add(im->df, DIAG_WARNING, xmlGetLineNo(s),
			    0, "not-boxed", "section coded 34066-1 is not a "
			    "boxed warning (%s); kept as a section",
			    im->otc ? "an OTC label has none" :
			    "an Emergency Use Authorization notice");
		} else if (tg == SPL_T_SECTION) {
			pl->place = PL_TOP;
			pl->target = SPL_T_SECTION;
		} else
			place_in(im, pl, tg, prim);
		top = pl->target;
		topcode = pl->code;
	} else if (tg == SPL_T_BOXED && !im->otc && !patient_doc(topcode) &&
	    !eua_notice(s)) {
		/* a boxed warning nested in a section (amiodarone's under
		   Warnings) is the label's boxed warning all the same */
		pl->place = PL_BOXED;
		pl->target = SPL_T_BOXED;
		snprintf(pl->loc, sizeof(pl->loc), "Boxed Warning");
		top = SPL_T_BOXED;
		topcode = pl->code;
	} else if (tg != SPL_T_SECTION && tg != SPL_T_BOXED && tg != top &&
	    !patient_doc(topcode) && !numbered_under(pl)) {
		place_in(im, pl, tg, prim);		/* lifted */
		top = tg;
		topcode = pl->code;
	} else {
		pl->place = PL_INPLACE;
		pl->target = parent->target;
	}
	if (pl->loc[0] == '\0' && (name = spl_target_name(pl->target)) !=
	    NULL)
		make_loc(pl->loc, sizeof(pl->loc), name);
	if (pl->place == PL_PRIMARY)
		snprintf(to, sizeof(to), "t:%s", spl_target_name(pl->target));
	else {
		pl->anchor = make_anchor(im, pl->title != NULL ? pl->title :
		    pl->loc[0] != '\0' && !isdigit((unsigned char)pl->loc[0]) ?
		    pl->loc : NULL, spl_attr(s, "ID"));
		snprintf(to, sizeof(to), "r:%s", pl->anchor);
	}
	add_id(im, spl_attr(s, "ID"), to);
	map_ids(im, s, to);
	for (c = spl_child(s, "component"); c != NULL;
	    c = spl_next(c, "component"))
		if ((cs = spl_child(c, "section")) != NULL)
			plan_section(im, cs, pl, depth + 1, top, topcode);
}

/* ---------------------------------------------------------------- */
/* Second pass: the sections' content                               */
/* ---------------------------------------------------------------- */

/* The element of target t, made when first needed. */
static xmlNodePtr
element(struct imp *im, enum spl_target t)
{
	if (im->elem[t] == NULL)
		im->elem[t] = el(im, NULL, spl_target_name(t));
	return im->elem[t];
}

/*
 * A heading for an untitled section from its code's displayName, as
 * the label writes it, without "SPL " and " SECTION": "RECENT MAJOR
 * CHANGES", "MEDGUIDE".
 * NULL when nothing is left or it does not fit a title.
 */
static char *
code_title(const char *display)
{
	char	*t;
	size_t	 n;

	if ((t = strdup(display)) == NULL)
		return NULL;
	spl_collapse(t);
	n = strlen(t);
	if (n >= 8 && strcasecmp(t + n - 8, " SECTION") == 0)
		t[n - 8] = '\0';
	if (strncasecmp(t, "SPL ", 4) == 0)
		memmove(t, t + 4, strlen(t + 4) + 1);
	if (strncasecmp(t, "OTC - ", 6) == 0)		/* Drug Facts codes */
		memmove(t, t + 6, strlen(t + 6) + 1);
	if (*t == '\0' || strlen(t) > 300) {
		free(t);
		return NULL;
	}
	/* LOINC names are in capitals: "DO NOT USE" reads "Do not use" */
	if (strpbrk(t, "abcdefghijklmnopqrstuvwxyz") == NULL)
		for (n = 1; t[n] != '\0'; n++)
			t[n] = (char)tolower((unsigned char)t[n]);
	return t;
}

/* The population group of a LOINC section code, or NULL. */
static const char *
group_of(const char *code)
{
	static const struct { const char *code, *group; } t[] = {
		{ "42228-7", "pregnancy" }, { "77290-5", "lactation" },
		{ "34080-2", "lactation" }, { "34081-0", "pediatric" },
		{ "34082-8", "geriatric" }, { "88828-9", "renal-impairment" },
		{ "88829-7", "hepatic-impairment" },
		{ "77291-3", "reproductive-potential" }, { NULL, NULL }
	};
	size_t	 i;

	for (i = 0; code != NULL && t[i].code != NULL; i++)
		if (strcmp(code, t[i].code) == 0)
			return t[i].group;
	return NULL;
}

/*
 * The title of plan pl on s: as it is, or, longer than the format's 300
 * characters, cut to a locator-like title with the whole text in a
 * cited paragraph after it.
 */
static void
title(struct imp *im, xmlNodePtr s, const struct plan *pl)
{
	char	 line[301];

	if (strlen(pl->title) <= 300) {
		elt(im, s, "title", pl->title);
		return;
	}
	make_loc(line, sizeof(line), pl->title);
	elt(im, s, "title", line);
	cite(im, elt(im, s, "p", pl->title), pl->loc);
}

/*
 * The element for plan pl under parent: a section directly in warnings
 * is a warning (old-format Precautions a precaution), one directly in
 * populations coded for a group is that group's population (each group
 * once); anything else a general section with its code, number, id and
 * title.
 */
static xmlNodePtr
general(struct imp *im, struct plan *pl, xmlNodePtr parent)
{
	xmlNodePtr	 s;
	const char	*c, *group, *kind;
	int		 direct, i;

	direct = pl->place == PL_HOLD || (pl->place == PL_INPLACE &&
	    pl->parent != NULL && pl->parent->place == PL_PRIMARY);
	c = pl->code;
	group = direct && pl->target == SPL_T_POPUL ? group_of(c) : NULL;
	for (i = 0; group != NULL && i < im->ngroups; i++)
		if (strcmp(im->groups[i], group) == 0)
			group = NULL;
	if (group != NULL && im->ngroups < 8) {
		im->groups[im->ngroups++] = group;
		s = el(im, parent, "population");
		attr(s, "group", group);
		attr(s, "number", pl->num[0] != '\0' ? pl->num : NULL);
		attr(s, "id", pl->anchor);
		return s;
	}
	if (direct && pl->target == SPL_T_WARNINGS) {
		kind = c != NULL && (strcmp(c, "42232-9") == 0 ||
		    strcmp(c, "34072-9") == 0) ? "precaution" : NULL;
		s = el(im, parent, "warning");
		attr(s, "kind", kind);
		attr(s, "id", pl->anchor);
		attr(s, "number", pl->num[0] != '\0' ? pl->num : NULL);
		/* untitled: a Drug Facts warning by its code's name ("Ask
		   doctor", "Stop use"), else Warnings or Precautions */
		if (pl->title == NULL && pl->display != NULL && c != NULL &&
		    kind == NULL && strcmp(c, "34071-1") != 0 &&
		    strcmp(c, "42229-5") != 0)
			pl->title = code_title(pl->display);
		if (pl->title == NULL)
			elt(im, s, "title", kind != NULL ? "Precautions" :
			    "Warnings");
		else
			title(im, s, pl);
		return s;
	}
	s = el(im, parent, "section");
	if (pl->title == NULL && pl->display != NULL &&
	    (pl->place == PL_TOP || pl->place == PL_HOLD) &&
	    (c == NULL || strcmp(c, "42229-5") != 0))
		pl->title = code_title(pl->display);
	if (c != NULL && strlen(c) >= 6 && strlen(c) <= 7 &&
	    strspn(c, "0123456789") == strlen(c) - 2 &&
	    c[strlen(c) - 2] == '-' && isdigit((unsigned char)
	    c[strlen(c) - 1]))
		attr(s, "code", c);
	if (pl->num[0] != '\0')
		attr(s, "number", pl->num);
	attr(s, "id", pl->anchor);
	if (pl->title != NULL)
		title(im, s, pl);
	return s;
}

/*
 * What tells that a section covers a topic monoc would otherwise say the
 * label lacks: a LOINC code ('c', at any depth), a word of its title
 * ('t'), or a phrase of its title or text ('x'), case and spacing
 * ignored.  rank orders the sections pointed to, most specific first;
 * for withdrawal, rank 0 is an instruction on how to stop, whose
 * sentences are carried over.  tests/import/covers.xsl judges the same,
 * independently.
 */
static const struct tell {
	enum topic	 topic;
	char		 kind;
	int		 rank;
	const char	*s;
} tells[] = {
	{ TP_BOXED, 'c', 0, "34066-1" }, { TP_BOXED, 't', 1, "boxed warning" },
	{ TP_USES, 'c', 0, "34067-9" }, { TP_USES, 't', 1, "indication" },
	{ TP_USES, 't', 1, "uses" },
	{ TP_DOSING, 'c', 0, "34068-7" }, { TP_DOSING, 't', 1, "dosage" },
	{ TP_DOSING, 't', 1, "dosing" }, { TP_DOSING, 't', 1, "directions" },
	{ TP_CONTRA, 'c', 0, "34070-3" }, { TP_CONTRA, 'c', 0, "50570-1" },
	{ TP_CONTRA, 't', 1, "contraindication" },
	{ TP_CONTRA, 't', 1, "do not use" },
	{ TP_ADVERSE, 'c', 0, "34084-4" },
	{ TP_ADVERSE, 't', 1, "adverse reaction" },
	{ TP_ADVERSE, 't', 1, "side effect" },
	{ TP_INTERACT, 'c', 0, "34073-7" }, { TP_INTERACT, 't', 1, "interaction" },
	{ TP_INTERACT, 'x', 2, "ask a doctor or pharmacist before use if" },
	{ TP_INTERACT, 'x', 3, "drug interactions" },
	{ TP_INTERACT, 'x', 3, "if they are taking" },
	{ TP_WITHDRAWAL, 'x', 0, "taper" },
	{ TP_WITHDRAWAL, 'x', 0, "gradual reduction" },
	{ TP_WITHDRAWAL, 'x', 0, "gradually reduc" },
	{ TP_WITHDRAWAL, 'x', 0, "do not stop" },
	{ TP_WITHDRAWAL, 'x', 0, "abrupt discontinuation" },
	{ TP_WITHDRAWAL, 'x', 0, "abruptly discontinu" },
	{ TP_WITHDRAWAL, 'x', 0, "abrupt cessation" },
	{ TP_WITHDRAWAL, 'x', 0, "abrupt withdrawal" },
	{ TP_WITHDRAWAL, 'x', 0, "discontinue abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "discontinued abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "discontinuing abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "stop abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "stopped abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "stopping abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "withdrawn abruptly" },
	{ TP_WITHDRAWAL, 'x', 0, "reduced slowly" },
	{ TP_WITHDRAWAL, 'x', 0, "discontinued gradually" },
	{ TP_WITHDRAWAL, 'x', 0, "withdrawn gradually" },
	{ TP_WITHDRAWAL, 'x', 0, "gradually withdraw" },
	{ TP_WITHDRAWAL, 'x', 0, "gradually discontinu" },
	{ TP_WITHDRAWAL, 't', 1, "withdrawal" },
	{ TP_WITHDRAWAL, 'x', 2, "withdrawal symptom" },
	{ TP_WITHDRAWAL, 'x', 2, "withdrawal syndrome" },
	{ TP_WITHDRAWAL, 'x', 2, "withdrawal reaction" },
	{ TP_WITHDRAWAL, 'x', 2, "withdrawal sign" },
	/* a mere mention (a trial's withdrawals): listed only when
	   nothing covers the topic */
	{ TP_WITHDRAWAL, 'x', RANK_MENTION, "withdrawal" },
};

/* s in lower case with its white space collapsed (free()); NULL if none. */
static char *
folded(const char *s)
{
	char	*t, *p;

	if (s == NULL || (t = strdup(s)) == NULL)
		return NULL;
	spl_collapse(t);
	for (p = t; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return t;
}

/* Is pl in a patient document (Medication Guide, ...)? */
static int
in_patient_doc(const struct plan *pl)
{
	for (; pl != NULL; pl = pl->parent)
		if (patient_doc(pl->code))
			return 1;
	return 0;
}

/*
 * How specific a section is to how to stop, whatever it says: 0 a
 * section on stopping (its title says withdrawal, discontinuation,
 * cessation, stopping or tapering) or on dosage, 1 a warning (boxed,
 * abuse and dependence, contraindication), 2 patient information, 3
 * anything else (clinical studies, adverse reactions: trials, whose
 * tapers and withdrawals are not advice).  folded_title in lower case.
 */
static int
cover_class(const struct plan *pl, const char *folded_title)
{
	static const char *const stop[] = {
		"withdrawal", "discontinu", "cessation", "stopping", "taper",
		NULL
	};
	size_t	 i;

	for (i = 0; folded_title != NULL && stop[i] != NULL; i++)
		if (strstr(folded_title, stop[i]) != NULL)
			return 0;
	if (in_patient_doc(pl) || pl->target == SPL_T_SAFEUSE)
		return 2;
	switch (pl->target) {
	case SPL_T_DOSING:
		return 0;
	case SPL_T_WARNINGS: case SPL_T_BOXED: case SPL_T_ABUSE:
	case SPL_T_CONTRA:
		return 1;
	default:
		return 3;
	}
}

/* Remember which topics section pl (SPL section s) covers. */
static void
note_covers(struct imp *im, struct plan *pl, xmlNodePtr s)
{
	const struct tell *t;
	struct cover	*c;
	char		*title, *text, *both, to[400];
	enum topic	 tp;
	size_t		 i;
	int		 rank[TP__MAX], j, n, cls;

	for (j = 0; j < TP__MAX; j++)
		rank[j] = -1;
	title = folded(pl->title);
	both = spl_text(spl_child(s, "text"));
	text = folded(both);
	free(both);
	if (asprintf(&both, "%s %s", title != NULL ? title : "",
	    text != NULL ? text : "") < 0)
		both = NULL;
	for (i = 0; i < sizeof(tells) / sizeof(tells[0]); i++) {
		t = &tells[i];
		if (rank[t->topic] >= 0 && rank[t->topic] <= t->rank)
			continue;
		if ((t->kind == 'c' && pl->code != NULL &&
		    strcmp(pl->code, t->s) == 0) ||
		    (t->kind == 't' && title != NULL &&
		    strstr(title, t->s) != NULL) ||
		    (t->kind == 'x' && both != NULL &&
		    strstr(both, t->s) != NULL))
			rank[t->topic] = t->rank;
	}
	cls = cover_class(pl, title);
	free(title);
	free(text);
	free(both);
	if (pl->place == PL_PRIMARY)
		snprintf(to, sizeof(to), "t:%s", spl_target_name(pl->target));
	else
		snprintf(to, sizeof(to), "r:%s", pl->anchor);
	/* what the reference reads: the label's number and title */
	if (pl->num[0] == '\0' && pl->title == NULL)
		/* untitled: where its statements are cited */
		snprintf(to + strlen(to), sizeof(to) - strlen(to), "\t%s",
		    pl->loc);
	else
		snprintf(to + strlen(to), sizeof(to) - strlen(to),
		    "\t%s%s%s", pl->num, pl->num[0] != '\0' &&
		    pl->title != NULL ? " " : "", pl->title != NULL ?
		    pl->title : "");
	for (tp = 0; tp < TP__MAX; tp++) {
		if (rank[tp] < 0 || im->ncover >= MAXCOVERS)
			continue;
		for (j = n = 0; j < im->ncover; j++) {
			if (im->cover[j].topic != tp)
				continue;
			if (strcmp(im->cover[j].to, to) == 0)
				break;
			if ((im->cover[j].rank == RANK_MENTION) ==
			    (rank[tp] == RANK_MENTION))
				n++;
		}
		/* at most MAXTOPIC sections a topic, and as many
		   mentions */
		if (j < im->ncover || n >= MAXTOPIC)
			continue;
		if ((c = &im->cover[im->ncover])->to = strdup(to), c->to ==
		    NULL)
			continue;
		c->topic = tp;
		c->rank = rank[tp];
		c->cls = cls;
		c->seq = im->ncover++;
		c->pl = pl;
		c->s = s;
	}
}

/* Does anything of the label cover topic tp (a mere mention aside)? */
static int
covered(const struct imp *im, enum topic tp)
{
	int	 i;

	for (i = 0; i < im->ncover; i++)
		if (im->cover[i].topic == tp && im->cover[i].rank <
		    RANK_MENTION)
			return 1;
	return 0;
}

/* Most specific first (where, then what it says), then in label order. */
static int
cover_cmp(const void *a, const void *b)
{
	const struct cover *x = a, *y = b;

	if (x->topic != y->topic)
		return (int)x->topic - (int)y->topic;
	if (x->rank == RANK_MENTION || y->rank == RANK_MENTION)
		return x->rank != y->rank ? x->rank - y->rank : x->seq - y->seq;
	if (x->cls != y->cls)
		return x->cls - y->cls;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->seq - y->seq;
}

/*
 * Append to p an xref to each section covering topic tp, most specific
 * first, separated by "; " (a mere mention only when mention is set).
 * Returns how many.
 */
static int
cover_refs(struct imp *im, xmlNodePtr p, enum topic tp, int mention)
{
	xmlNodePtr	 x;
	char		*tab;
	int		 i, n;

	for (i = n = 0; i < im->ncover; i++) {
		if (im->cover[i].topic != tp || (mention ? im->cover[i].rank !=
		    RANK_MENTION : im->cover[i].rank == RANK_MENTION))
			continue;
		add_text(im, p, n++ > 0 ? "; " : " ");
		tab = strchr(im->cover[i].to, '\t');
		*tab = '\0';
		if (im->cover[i].to[0] == 'r' && tab[1] == '\0')
			/* a section with no name to link by */
			add_text(im, p, "an untitled section");
		else {
			x = el(im, p, "xref");
			attr(x, im->cover[i].to[0] == 'r' ? "ref" : "to",
			    im->cover[i].to + 2);
			if (tab[1] != '\0')
				add_text(im, x, tab + 1);
		}
		*tab = '\t';
	}
	return n;
}

/* Does section s have a title? */
static int
has_title(xmlNodePtr s)
{
	xmlNodePtr	 t = xmlFirstElementChild(s);

	return t != NULL && xmlStrEqual(t->name, BAD_CAST "title");
}

/*
 * A heading for a top-level section the label left untitled (Drug Facts
 * put "Drug Facts" or "Distributed by:" in one), so that no heading
 * reads only "Section": its first paragraph, when that is short words
 * alone (at most 60 characters, no sentence in it), else "Further label
 * text".
 */
static void
untitled(struct imp *im, xmlNodePtr s)
{
	xmlNodePtr	 p, c, t;
	xmlChar		*w;
	int		 plain;

	p = xmlFirstElementChild(s);
	plain = p != NULL && xmlStrEqual(p->name, BAD_CAST "p");
	for (c = plain ? p->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !xmlStrEqual(c->name,
		    BAD_CAST "cite") && !xmlStrEqual(c->name,
		    BAD_CAST "strong") && !xmlStrEqual(c->name, BAD_CAST "em"))
			plain = 0;
	w = plain ? xmlNodeGetContent(p) : NULL;
	if (w != NULL) {
		spl_collapse((char *)w);
		if (*w == '\0' || xmlStrlen(w) > 60 ||
		    xmlStrstr(w, BAD_CAST ". ") != NULL)
			plain = 0;
	}
	t = el(im, NULL, "title");
	add_text(im, t, plain && w != NULL ? (char *)w :
	    "Further label text");
	put(s, xmlFirstElementChild(s), t);
	if (plain && w != NULL) {
		xmlUnlinkNode(p);
		xmlFreeNode(p);
	}
	xmlFree(w);
}

/* Write section s where the first pass put it, then its subsections. */
static void
emit_section(struct imp *im, xmlNodePtr s)
{
	struct plan	*pl = s->_private;
	xmlNodePtr	 out, text, c, cs, t;

	if (pl == NULL || pl->place == PL_SKIP)
		return;
	switch (pl->place) {
	case PL_PRIMARY:
		out = element(im, pl->target);
		break;
	case PL_BOXED:
		out = el(im, im->boxed, "boxed-warning");
		attr(out, "code", "34066-1");
		attr(out, "id", pl->anchor);
		elt(im, out, "title", pl->title != NULL &&
		    strlen(pl->title) <= 300 ? pl->title : "Boxed Warning");
		if (pl->title != NULL && strlen(pl->title) > 300) {
			t = elt(im, out, "p", pl->title);
			cite(im, t, pl->loc);
		}
		break;
	case PL_HOLD:
		if (im->hold[pl->target] == NULL)
			im->hold[pl->target] = el(im, NULL, "hold");
		out = general(im, pl, im->hold[pl->target]);
		break;
	case PL_TOP:
		out = general(im, pl, im->tops);
		break;
	default:
		out = general(im, pl, pl->parent->out);
		break;
	}
	pl->out = out;
	if ((text = spl_child(s, "text")) != NULL)
		emit_blocks(im, text, out, pl->loc);
	/* its Highlights, read once every section is in place */
	if ((text = spl_path(s, "excerpt/highlight/text")) != NULL &&
	    im->nhl < MAXHL) {
		im->hl[im->nhl].pl = pl;
		im->hl[im->nhl].out = out;
		im->hl[im->nhl].blocks = el(im, NULL, "hold");
		emit_blocks(im, text, im->hl[im->nhl].blocks, "Highlights");
		im->nhl++;
	}
	note_covers(im, pl, s);
	for (c = spl_child(s, "component"); c != NULL;
	    c = spl_next(c, "component"))
		if ((cs = spl_child(c, "section")) != NULL)
			emit_section(im, cs);
	if (pl->place == PL_TOP && pl->title == NULL &&
	    xmlStrEqual(out->name, BAD_CAST "section") &&
	    !has_title(out))
		untitled(im, out);
	if ((pl->place == PL_BOXED || xmlStrEqual(out->name,
	    BAD_CAST "warning")) && xmlChildElementCount(out) == 1) {
		t = elt(im, out, "p", "The label gives this section a heading "
		    "only.");
		cite(im, t, pl->loc);
	} else if (xmlStrEqual(out->name, BAD_CAST "population") &&
	    xmlChildElementCount(out) == 0) {
		t = elt(im, out, "p", "The label gives this section a "
		    "heading only.");
		cite(im, t, pl->loc);
	}
}

/* ---------------------------------------------------------------- */
/* Identity: drug, forms, sources                                   */
/* ---------------------------------------------------------------- */

/* Is s a quantity the schema accepts (digits, optionally a dot)? */
static int
quantity(const char *s)
{
	size_t	 n;

	if (s == NULL)
		return 0;
	n = strspn(s, "0123456789");
	if (s[n] == '.')
		n += 1 + strspn(s + n + 1, "0123456789");
	return n > 0 && s[n] == '\0' && strcmp(s, ".") != 0 &&
	    isdigit((unsigned char)s[0]);
}

static int
valid_unii(const char *u)
{
	size_t	 i;

	if (u == NULL || strlen(u) != 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (!isupper((unsigned char)u[i]) &&
		    !isdigit((unsigned char)u[i]))
			return 0;
	return 1;
}

/* The generic name of the label: its first product's. */
static char *
generic_of(const struct spl *spl)
{
	struct spl_product	*p;
	char			*g, *n;
	size_t			 i, j, len;

	for (i = 0; i < spl->nprod; i++)
		if (spl->prod[i].generic != NULL)
			return strdup(spl->prod[i].generic);
	for (i = 0; i < spl->nprod; i++) {
		p = &spl->prod[i];
		if (p->ning == 0)
			continue;
		for (len = 1, j = 0; j < p->ning; j++)
			len += strlen(p->ing[j].name) + 5;
		if ((g = malloc(len)) == NULL)
			return NULL;
		*g = '\0';
		for (j = 0; j < p->ning; j++) {
			if (j > 0)
				strcat(g, " and ");
			strcat(g, p->ing[j].name);
		}
		return g;
	}
	if (spl->nprod > 0 && spl->prod[0].brand != NULL &&
	    (n = strdup(spl->prod[0].brand)) != NULL)
		return n;
	return NULL;
}

/* The monograph NAME of a label (see spl_name()), or NULL. */
char *
import_name(const struct spl *spl)
{
	char	*g, *n;

	if ((g = generic_of(spl)) == NULL)
		return NULL;
	n = spl_name(g);
	free(g);
	return n;
}

static void	 move_children(xmlNodePtr, xmlNodePtr);

/* End the text of q with a full stop instead of its last ';'. */
static void
end_sentence(xmlNodePtr q)
{
	size_t	 l;

	trim_end(q);
	if (q->last != NULL && q->last->type == XML_TEXT_NODE &&
	    q->last->content != NULL &&
	    (l = (size_t)xmlStrlen(q->last->content)) > 0 &&
	    q->last->content[l - 1] == ';')
		q->last->content[l - 1] = '.';
}

/* Strength text for p, as words: " atorvastatin 10 mg;", per 5 mL. */
static void
strength_words(struct imp *im, xmlNodePtr p, const struct spl_ingredient *g)
{
	char		*buf;
	const char	*du;
	int		 unit1;

	du = g->den_unit != NULL && strcmp(g->den_unit, "1") != 0 ?
	    g->den_unit : NULL;
	unit1 = g->den == NULL || (strcmp(g->den, "1") == 0 && du == NULL);
	/* whole, however long the name: a cut one could split a character */
	if (asprintf(&buf, " %s %s %s%s%s%s%s;", g->name,
	    g->num != NULL ? g->num : "", g->num_unit != NULL ?
	    g->num_unit : "", unit1 ? "" : " per ", unit1 ? "" : g->den,
	    du != NULL && !unit1 ? " " : "", du != NULL && !unit1 ? du :
	    "") == -1)
		return;
	add_text(im, p, buf);
	free(buf);
}

/*
 * Add a strength of ingredient g to form f, unless already there.
 * Returns 0 when the format cannot say it (a unit it has no word for).
 */
static int
add_strength(struct imp *im, xmlNodePtr f, const struct spl_ingredient *g,
    int combination, xmlHashTablePtr seen)
{
	const char	*unit, *inunit;
	const char	*in;
	xmlNodePtr	 s;
	char		 key[600];

	unit = spl_unit(g->num_unit);
	if (unit == NULL || !quantity(g->num))
		return 0;
	in = inunit = NULL;
	if (g->den != NULL && !(strcmp(g->den, "1") == 0 &&
	    (g->den_unit == NULL || strcmp(g->den_unit, "1") == 0))) {
		if ((inunit = spl_unit(g->den_unit)) == NULL ||
		    !quantity(g->den))
			return 0;
		in = g->den;
	}
	/* the strengths of f so far, in seen */
	snprintf(key, sizeof(key), "s:%p:%s|%s|%s|%s|%s", (void *)f, g->num,
	    unit, in ? in : "", inunit ? inunit : "", combination ?
	    g->name : "");
	if (seen != NULL && xmlHashLookup(seen, BAD_CAST key) != NULL)
		return 1;
	if (seen != NULL)
		xmlHashAddEntry(seen, BAD_CAST key, (void *)1);
	s = el(im, f, "strength");
	attr(s, "amount", g->num);
	attr(s, "unit", unit);
	attr(s, "in", in);
	attr(s, "in-unit", inunit);
	if (combination)
		attr(s, "ingredient", g->name);
	cite(im, s, "Product data");
	return 1;
}

/* The forms of the product data, grouped by dosage form and route. */
static void
emit_forms(struct imp *im, xmlNodePtr forms)
{
	struct spl		*spl = im->spl;
	struct spl_product	*p;
	xmlNodePtr		 f, c, notes, q, first;
	xmlHashTablePtr		 seen;	/* forms, products, strengths */
	const char		*route, *kind, *release, *status;
	char			 key[700], id[16];
	size_t			 i, j, r;
	int			 n, combination;

	if ((seen = xmlHashCreate(64)) == NULL)
		diag_file_add(im->df, DIAG_FATAL, 0, 0, NULL, "out of memory");
	notes = el(im, NULL, "hold");
	first = forms->children;
	n = 0;
	for (i = 0; i < spl->nprod; i++) {
		p = &spl->prod[i];
		route = NULL;
		for (r = 0; r < p->nroutes && route == NULL; r++)
			route = spl_route(p->routes[r]);
		combination = 0;
		for (j = 1; j < p->ning; j++)
			if (strcmp(p->ing[j].name, p->ing[0].name) != 0)
				combination = 1;
		f = NULL;
		if (route != NULL) {
			kind = spl_form_kind(p->form, route, &release);
			if (p->kit)
				kind = "kit";
			status = p->marketed == 1 ? "marketed" :
			    p->marketed == 0 ? "discontinued" : "unknown";
			snprintf(key, sizeof(key), "f:%s|%s|%s|%s|%s", route,
			    kind, release ? release : "", status,
			    p->form ? p->form : "");
			if (seen != NULL)
				f = xmlHashLookup(seen, BAD_CAST key);
			if (f == NULL) {
				f = el(im, NULL, "form");
				if (first != NULL)
					xmlAddPrevSibling(first, f);
				else
					xmlAddChild(forms, f);
				snprintf(id, sizeof(id), "f-%d", ++n);
				attr(f, "id", id);
				attr(f, "route", route);
				attr(f, "kind", kind);
				attr(f, "release", release);
				attr(f, "status", status);
				if (seen != NULL)
					xmlHashAddEntry(seen, BAD_CAST key, f);
			}
			/* product names: distinct, before the strengths */
			if (p->brand != NULL && strlen(p->brand) <= 300) {
				/* distinct, after the form's last product
				   (seen holds it under "l:FORM") */
				xmlNodePtr last = NULL;
				snprintf(key, sizeof(key), "p:%p:%s",
				    (void *)f, p->brand);
				if (seen == NULL || xmlHashLookup(seen,
				    BAD_CAST key) == NULL) {
					if (seen != NULL)
						xmlHashAddEntry(seen,
						    BAD_CAST key, (void *)1);
					snprintf(key, sizeof(key), "l:%p",
					    (void *)f);
					if (seen != NULL)
						last = xmlHashLookup(seen,
						    BAD_CAST key);
					q = elt(im, NULL, "product", p->brand);
					if (seen != NULL && last == NULL)
						xmlHashAddEntry(seen,
						    BAD_CAST key, q);
					else if (seen != NULL)
						xmlHashUpdateEntry(seen,
						    BAD_CAST key, q, NULL);
					if (last != NULL)
						xmlAddNextSibling(last, q);
					else if (f->children != NULL)
						xmlAddPrevSibling(f->children,
						    q);
					else
						xmlAddChild(f, q);
				}
			}
		}
		if (f != NULL && combination) {
			/* which strengths go together: a note per product */
			if (f->_private == NULL)
				f->_private = el(im, NULL, "hold");
			q = el(im, f->_private, "p");
			add_text(im, q, p->brand != NULL ? p->brand :
			    "A product");
			add_text(im, q, ":");
			for (j = 0; j < p->ning; j++)
				strength_words(im, q, &p->ing[j]);
			end_sentence(q);
			cite(im, q, "Product data");
		}
		q = NULL;
		for (j = 0; j < p->ning; j++) {
			if (f != NULL && add_strength(im, f, &p->ing[j],
			    combination, seen))
				continue;
			if (q == NULL) {
				q = el(im, notes, "p");
				add_text(im, q, p->brand ? p->brand : "");
				add_text(im, q, " ");
				add_text(im, q, p->form ? p->form : "");
				for (r = 0; r < p->nroutes; r++) {
					add_text(im, q, ", ");
					add_text(im, q, p->routes[r]);
				}
				add_text(im, q, ":");
			}
			strength_words(im, q, &p->ing[j]);
		}
		if (q != NULL) {
			end_sentence(q);
			close_statement(im, q, "Product data");
		}
	}
	xmlHashFree(seen, NULL);
	for (c = forms->children; c != NULL; c = c->next) {
		if (c->_private != NULL) {
			move_children(c->_private, c);
			xmlFreeNode(c->_private);
			c->_private = NULL;
		}
	}
	for (c = notes->children; c != NULL; c = q) {
		q = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(forms, c);
	}
	xmlFreeNode(notes);
}

/* drug: generic name, ingredients, brands, legal status. */
static void
emit_drug(struct imp *im, xmlNodePtr root)
{
	struct spl		*spl = im->spl;
	struct spl_product	*p;
	struct spl_ingredient	*g;
	xmlNodePtr		 drug, b, brands, ls, para;
	xmlHashTablePtr		 seen;	/* ingredients, brands, schedules */
	const char		*sched, *best, *shortname, *cat, *app;
	char			*gen, *cls, buf[512];
	size_t			 i, j;
	int			 rx, nsched;

	if ((seen = xmlHashCreate(64)) == NULL)
		diag_file_add(im->df, DIAG_FATAL, 0, 0, NULL, "out of memory");
	drug = el(im, root, "drug");
	gen = generic_of(spl);
	for (char *s = gen; s != NULL && *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
	if (gen != NULL)
		spl_collapse(gen);
	if (gen != NULL && strlen(gen) > 300)
		gen[u8_fit(gen, 300)] = '\0';
	elt(im, drug, "generic-name", gen != NULL && *gen != '\0' ? gen :
	    "unknown");
	/* the class the Highlights state (src/drugclass.c) */
	if ((cls = drugclass_of_label(spl->body)) != NULL) {
		cite(im, elt(im, drug, "drug-class", cls), "Highlights");
		free(cls);
	}
	for (i = 0; i < spl->nprod; i++)
		for (j = 0; j < spl->prod[i].ning; j++) {
			g = &spl->prod[i].ing[j];
			if (strlen(g->name) > 300)
				continue;
			snprintf(buf, sizeof(buf), "i:%s", g->name);
			if (seen == NULL || xmlHashLookup(seen,
			    BAD_CAST buf) != NULL)
				continue;
			xmlHashAddEntry(seen, BAD_CAST buf, (void *)1);
			b = el(im, drug, "ingredient");
			attr(b, "name", g->name);
			if (valid_unii(g->unii))
				attr(b, "unii", g->unii);
			if (strcmp(g->basis, "ingredient") != 0)
				attr(b, "basis", g->basis);
			cite(im, b, "Product data");
		}
	brands = NULL;
	for (i = 0; i < spl->nprod; i++) {
		p = &spl->prod[i];
		if (p->brand == NULL || strlen(p->brand) > 300 ||
		    (gen != NULL && strcasecmp(p->brand, gen) == 0) ||
		    (p->generic != NULL &&
		    strcasecmp(p->brand, p->generic) == 0))
			continue;
		/* distinct as strcasecmp() tells them apart */
		snprintf(buf, sizeof(buf), "b:%s", p->brand);
		for (char *q = buf; *q != '\0'; q++)
			*q = (char)tolower((unsigned char)*q);
		if (seen == NULL || xmlHashLookup(seen, BAD_CAST buf) != NULL)
			continue;
		xmlHashAddEntry(seen, BAD_CAST buf, (void *)1);
		if (brands == NULL)
			brands = el(im, drug, "brands");
		b = el(im, brands, "brand");
		attr(b, "name", p->brand);
		attr(b, "status", p->marketed == 1 ? "marketed" :
		    p->marketed == 0 ? "discontinued" : "unknown");
		cite(im, b, "Product data");
	}
	free(gen);

	/* legal status: the strictest schedule of any product */
	best = NULL;
	nsched = 0;
	cat = app = NULL;
	for (i = 0; i < spl->nprod; i++) {
		p = &spl->prod[i];
		if ((sched = spl_schedule(p->dea, &shortname)) != NULL) {
			nsched++;
			if (best == NULL || strcmp(sched, best) < 0)
				best = sched;
		}
		if (cat == NULL && p->category != NULL) {
			cat = spl_category(p->category);
			app = p->application;
		}
	}
	rx = strcmp(spl->doc_code, "34390-5") != 0;
	ls = el(im, drug, "legal-status");
	attr(ls, "code", "34085-1");
	attr(ls, "jurisdiction", "US");
	attr(ls, "prescription", rx ? "required" : "not-required");
	attr(ls, "controlled", best != NULL ? best : "no");
	attr(ls, "category", cat);
	if (app != NULL && strlen(app) <= 26) {
		size_t a = strspn(app, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz");
		if (a <= 6 && app[a] != '\0' && strspn(app + a,
		    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
		    "qrstuvwxyz.-") == strlen(app + a) &&
		    strlen(app + a) <= 20)
			attr(ls, "application", app);
	}
	para = el(im, ls, "p");
	/* in pieces: a label's long name, cut, could split a character */
	add_text(im, para, rx ? "Prescription only" :
	    "Sold without a prescription");
	add_text(im, para, " (the label's document type: ");
	add_text(im, para, spl->doc_name != NULL ? spl->doc_name :
	    spl->doc_code);
	add_text(im, para, ").");
	if (best == NULL)
		add_text(im, para, " The product data give no DEA schedule.");
	else {
		add_text(im, para, " DEA schedule:");
		for (i = 0; i < spl->nprod; i++) {
			p = &spl->prod[i];
			if (spl_schedule(p->dea, &shortname) == NULL)
				continue;
			snprintf(buf, sizeof(buf), "d:%s", p->dea);
			if (seen == NULL || xmlHashLookup(seen,
			    BAD_CAST buf) != NULL)
				continue;
			xmlHashAddEntry(seen, BAD_CAST buf, (void *)1);
			add_text(im, para, " ");
			add_text(im, para, shortname);
			add_text(im, para, " (");
			add_text(im, para, p->brand != NULL ? p->brand :
			    "a product");
			add_text(im, para, ");");
		}
		if (nsched < (int)spl->nprod) {
			snprintf(buf, sizeof(buf), " %d of %zu products "
			    "scheduled.", nsched, spl->nprod);
			add_text(im, para, buf);
		}
	}
	if (cat != NULL) {
		add_text(im, para, " Marketing category: ");
		add_text(im, para, cat);
		if (app != NULL) {
			add_text(im, para, ", application ");
			add_text(im, para, app);
		}
		add_text(im, para, ".");
	}
	cite(im, para, "Product data");
	xmlHashFree(seen, NULL);
}

/* Is s a UUID as the schema has it (8-4-4-4-12 hexadecimal digits)? */
static int
uuid(const char *s)
{
	static const int parts[] = { 8, 4, 4, 4, 12 };
	size_t	 i, n;

	if (s == NULL)
		return 0;
	for (i = 0; i < 5; i++) {
		n = strspn(s, "0123456789abcdefABCDEF");
		if ((int)n != parts[i] || s[n] != (i < 4 ? '-' : '\0'))
			return 0;
		s += n + (i < 4);
	}
	return 1;
}

/*
 * The title of a label as a source's title: its Highlights' title without
 * their boilerplate ("These highlights do not include all the information
 * needed to use X safely and effectively. See full prescribing
 * information for X.") and without "Initial U.S. Approval: 1959", cut to
 * fit title.  0 when nothing is left.
 */
static int
label_title(const char *t, char *title, size_t sz)
{
	const char	*p, *end;
	char		*buf;
	size_t		 n;

	if (strcasestr(t, "these highlights do not include") != NULL &&
	    (p = strcasestr(t, "full prescribing information for")) != NULL &&
	    (p = strchr(p, '.')) != NULL)
		t = p + 1;
	/* spaces, also no-break ones */
	while (*t == ' ' || (t[0] == '\xc2' && t[1] == '\xa0'))
		t += *t == ' ' ? 1 : 2;
	end = strcasestr(t, "initial u.s. approval");
	if (end == NULL)
		end = t + strlen(t);
	n = (size_t)(end - t);
	while (n > 0 && strchr(" ,;:", t[n - 1]) != NULL)
		n--;
	if (n == 0 || (buf = strndup(t, n)) == NULL)
		return 0;
	make_loc(title, sz, buf);
	free(buf);
	return title[0] != '\0';
}

/* Is v a label version (a whole number from 1, without leading 0)? */
static int
version_ok(const char *v)
{
	size_t	 n;

	if (v == NULL)
		return 0;
	n = strspn(v, "0123456789");
	return n > 0 && n <= 20 && v[n] == '\0' && v[0] != '0';
}

/* The label as the one source. */
static void
emit_sources(struct imp *im, xmlNodePtr root)
{
	struct spl	*spl = im->spl;
	xmlNodePtr	 srcs, s, x;
	char		 title[301], url[256];

	srcs = el(im, root, "sources");
	attr(srcs, "code", "34093-5");
	s = el(im, srcs, "source");
	attr(s, "id", "label");
	attr(s, "type", "label");
	if (spl->title != NULL && label_title(spl->title, title,
	    sizeof(title)))
		;
	else
		snprintf(title, sizeof(title), "%s",
		    spl->doc_name != NULL ? spl->doc_name : "FDA label");
	elt(im, s, "title", title);
	if (spl->labeler != NULL && strlen(spl->labeler) <= 300)
		elt(im, s, "publisher", spl->labeler);
	if (spl->effective != NULL)
		elt(im, s, "published", spl->effective);
	if (spl->set_id != NULL && !uuid(spl->set_id))
		diag_file_add(im->df, DIAG_WARNING, 0, 0, "bad-set-id",
		    "set id '%.80s%s' is not a UUID; the source gets no <spl> "
		    "and no DailyMed URL", spl->set_id,
		    strlen(spl->set_id) > 80 ? "..." : "");
	if (uuid(spl->set_id) && spl->version != NULL &&
	    !version_ok(spl->version))
		diag_file_add(im->df, DIAG_WARNING, 0, 0, "bad-set-id",
		    "version '%.20s%s' is not a whole number from 1; the "
		    "source gets no <spl>", spl->version,
		    strlen(spl->version) > 20 ? "..." : "");
	if (uuid(spl->set_id) && version_ok(spl->version) &&
	    spl->effective != NULL) {
		x = el(im, s, "spl");
		attr(x, "set-id", spl->set_id);
		attr(x, "version", spl->version);
		attr(x, "effective", spl->effective);
		if (uuid(spl->doc_id))
			attr(x, "document-id", spl->doc_id);
	}
	if (uuid(spl->set_id)) {
		snprintf(url, sizeof(url), "%s%s", DAILYMED, spl->set_id);
		elt(im, s, "url", url);
	}
	elt(im, s, "note", "Imported by monoc import from the SPL document; "
	    "its Highlights, images and package labels are not carried "
	    "over.");
}

/* A statement saying what the label has no section for. */
static void
filler(struct imp *im, xmlNodePtr e, const char *kind, const char *text)
{
	xmlNodePtr	 n;

	n = elt(im, e, kind, text);
	cite(im, n, NULL);
}

/* Does the monograph root have a form of route route? */
static int
has_route(xmlNodePtr root, const char *route)
{
	xmlNodePtr	 f, c;
	xmlChar		*v;
	int		 has;

	has = 0;
	for (c = root->children; c != NULL; c = c->next)
		if (xmlStrEqual(c->name, BAD_CAST "forms"))
			for (f = c->children; f != NULL && !has; f = f->next) {
				v = xmlGetProp(f, BAD_CAST "route");
				has = v != NULL && strcmp((char *)v,
				    route) == 0;
				xmlFree(v);
			}
	return has;
}

/* Does folded text t say a withdrawal tell of rank at most max? */
static int
says_how_to_stop(const char *t, int max)
{
	size_t	 i;

	for (i = 0; i < sizeof(tells) / sizeof(tells[0]); i++)
		if (tells[i].topic == TP_WITHDRAWAL && tells[i].kind == 'x' &&
		    tells[i].rank <= max && strstr(t, tells[i].s) != NULL)
			return 1;
	return 0;
}

#define MAXSTOP		3	/* sentences on how to stop carried over */

/* A sentence of the label on withdrawal or how to stop. */
struct stop {
	char		*s;
	const char	*at;		/* its locator */
	int		 lead;		/* may be the summary */
};

/* Does folded text t name the drug (a word of 5 letters or more of a
   generic, brand or ingredient name)? */
static int
names_drug(const struct imp *im, const char *t)
{
	const struct spl_product *p;
	const char	*names[3];
	char		 w[64];
	size_t		 i, j, k, n;

	for (i = 0; t != NULL && i < im->spl->nprod; i++) {
		p = &im->spl->prod[i];
		names[0] = p->generic;
		names[1] = p->brand;
		names[2] = p->ning > 0 ? p->ing[0].name : NULL;
		for (j = 0; j < 3; j++)
			for (k = 0; names[j] != NULL && names[j][k] != '\0';
			    k += n) {
				for (n = 0; isalpha((unsigned char)
				    names[j][k + n]); n++)
					if (n < sizeof(w) - 1)
						w[n] = (char)tolower(
						    (unsigned char)names[j][k + n]);
				if (n == 0) {
					n = 1;
					continue;
				}
				if (n < 5 || n >= sizeof(w))
					continue;
				w[n] = '\0';
				if (strstr(t, w) != NULL)
					return 1;
			}
	}
	return 0;
}

/*
 * Collect into st[] (up to MAXSTOP) the sentences of the paragraphs and
 * list items under n (of cover c) that say a withdrawal tell of rank at
 * most max; tables are not read (trial data).  A sentence that says how
 * to stop (rank 0) may lead, as the summary, when its section is on
 * stopping or dosage, or it or its section's title names the drug
 * (lead 1; 2 when it speaks of stopping abruptly).
 */
static void
stop_sentences(const struct imp *im, const struct cover *c, xmlNodePtr n,
    int max, struct stop *st, int *nstop)
{
	xmlNodePtr	 k;
	char		*t, *p, *e, *f, *title;
	int		 i;

	for (k = n->children; k != NULL && *nstop < MAXSTOP; k = k->next) {
		if (spl_is(k, "list") || (spl_is(k, "item") &&
		    spl_child(k, "list") != NULL)) {
			stop_sentences(im, c, k, max, st, nstop);
			continue;
		}
		if (!spl_is(k, "paragraph") && !spl_is(k, "item"))
			continue;
		if ((t = spl_text(k)) == NULL)
			continue;
		for (p = t; *p != '\0' && *nstop < MAXSTOP; p = e) {
			/* a sentence ends at ". " before a capital */
			for (e = p; *e != '\0'; e++)
				if ((e[0] == '.' || e[0] == '!' || e[0] == '?')
				    && e[1] == ' ' && isupper((unsigned char)
				    e[2])) {
					e++;
					break;
				}
			if (*e == ' ')
				*e++ = '\0';
			if (strlen(p) < 20 || strlen(p) > 400 ||
			    (f = folded(p)) == NULL)
				continue;
			for (i = 0; i < *nstop; i++)
				if (strcmp(st[i].s, p) == 0)
					break;
			if (i == *nstop && says_how_to_stop(f, max) &&
			    (st[i].s = strdup(p)) != NULL) {
				st[i].at = c->pl->loc;
				title = folded(c->pl->title);
				st[i].lead = says_how_to_stop(f, 0) &&
				    (c->cls == 0 || names_drug(im, f) ||
				    names_drug(im, title));
				free(title);
				if (st[i].lead && (strstr(f, "abrupt") != NULL
				    || strstr(f, "do not stop") != NULL))
					st[i].lead = 2;
				(*nstop)++;
			}
			free(f);
		}
		free(t);
	}
}

/*
 * withdrawal: LOINC has no such section.  Where the label covers it
 * (tells[]), the label's own sentences on how to stop are carried over,
 * the first as the summary, and the sections that cover it are pointed
 * to, most specific first; otherwise the label has none, and the
 * sections that merely mention withdrawal are listed.  A drug with an
 * intrathecal form says what the label has on stopping that route
 * abruptly (monoc requires it), which is the same pointer.
 */
static void
emit_withdrawal(struct imp *im, xmlNodePtr root)
{
	xmlNodePtr	 w, p, a, text;
	struct stop	 st[MAXSTOP];
	int		 i, it, cov, nstop, max, lead;

	w = el(im, root, "withdrawal");
	attr(w, "code", "monoc-withdrawal");
	it = has_route(root, "intrathecal");
	cov = covered(im, TP_WITHDRAWAL);
	/* the label's sentences on how to stop, else on withdrawal, from
	   the sections that are not trials; the first that may lead is
	   the summary */
	nstop = 0;
	for (max = 0; cov && max <= 2 && nstop == 0; max += 2)
		for (i = 0; i < im->ncover && nstop < MAXSTOP; i++)
			if (im->cover[i].topic == TP_WITHDRAWAL &&
			    im->cover[i].rank <= max && im->cover[i].cls < 3 &&
			    (text = spl_child(im->cover[i].s, "text")) != NULL)
				stop_sentences(im, &im->cover[i], text, max,
				    st, &nstop);
	/* a warning against stopping abruptly first, then a taper */
	for (lead = 0; lead < nstop && st[lead].lead != 2; lead++)
		;
	if (lead == nstop)
		for (lead = 0; lead < nstop && !st[lead].lead; lead++)
			;
	if (lead < nstop)
		cite(im, elt(im, w, "summary", st[lead].s), st[lead].at);
	for (i = 0; i < nstop; i++) {
		if (i != lead)
			cite(im, elt(im, w, "p", st[i].s), st[i].at);
		free(st[i].s);
	}
	if (!cov && !it)
		filler(im, w, "none", "The label has no section on "
		    "withdrawal or on how to stop.");
	else if (!cov)
		filler(im, w, "p", "The label has no section on withdrawal "
		    "or on how to stop.");
	p = el(im, w, "p");
	add_text(im, p, cov ? "Withdrawal and how to stop are covered in:" :
	    "Withdrawal is mentioned in:");
	if (cover_refs(im, p, TP_WITHDRAWAL, !cov) > 0) {
		add_text(im, p, ".");
		cite(im, p, NULL);
	} else {
		xmlUnlinkNode(p);
		xmlFreeNode(p);
	}
	if (it) {
		a = el(im, w, "abrupt-stop");
		attr(a, "route", "intrathecal");
		filler(im, a, "p", cov ? "What the label says on stopping "
		    "is in the sections listed above." : "The label does "
		    "not say what abrupt stopping of the intrathecal route "
		    "does.");
	}
}

/* Move the children of holder h to the end of e. */
static void
move_children(xmlNodePtr h, xmlNodePtr e)
{
	xmlNodePtr	 c, next;

	for (c = h->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlAddChild(e, c);
	}
}

/* Is the element's only content one paragraph saying "None"? */
static int
says_none(xmlNodePtr e)
{
	xmlNodePtr	 p;
	xmlChar		*t;
	int		 none;

	if (xmlChildElementCount(e) != 1 || (p = xmlFirstElementChild(e)) ==
	    NULL || !xmlStrEqual(p->name, BAD_CAST "p"))
		return 0;
	if ((t = xmlNodeGetContent(p)) == NULL)
		return 0;
	spl_collapse((char *)t);
	none = strcasecmp((char *)t, "None") == 0 ||
	    strcasecmp((char *)t, "None.") == 0;
	xmlFree(t);
	return none;
}

/* Does item it hold only text and inline elements? */
static int
inline_item(xmlNodePtr it)
{
	static const char *const ok[] = {
		"em", "strong", "sub", "sup", "xref", "cite", NULL
	};
	xmlNodePtr	 c;
	size_t		 i;
	int		 text;

	text = 0;
	for (c = it->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			text = 1;
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; ok[i] != NULL; i++)
			if (xmlStrEqual(c->name, BAD_CAST ok[i]))
				break;
		if (ok[i] == NULL)
			return 0;
	}
	return text;
}

/* Has n a child element name? */
static int
has_child(xmlNodePtr n, const char *name)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name,
		    BAD_CAST name))
			return 1;
	return 0;
}

/*
 * List l of contraindications (each item of text only) as contraindication
 * items in e before node before, the label's words as they are: kind
 * hypersensitivity when the item says hypersensitivity or allergy, else
 * other (monoc does not guess more); l is then freed.  0 (l kept) when an
 * item holds more than text.
 */
static int
contra_list(struct imp *im, xmlNodePtr l, xmlNodePtr e, xmlNodePtr before)
{
	xmlNodePtr	 it, inext, c;
	xmlChar		*t;
	int		 all;

	all = 1;
	for (it = l->children; it != NULL && all; it = it->next)
		if (it->type == XML_ELEMENT_NODE)
			all = xmlStrEqual(it->name, BAD_CAST "item") &&
			    inline_item(it);
	if (!all || xmlChildElementCount(l) == 0)
		return 0;
	for (it = l->children; it != NULL; it = inext) {
		inext = it->next;
		if (it->type != XML_ELEMENT_NODE)
			continue;
		c = el(im, NULL, "contraindication");
		t = xmlNodeGetContent(it);
		attr(c, "kind", t != NULL && (strcasestr((char *)t,
		    "hypersensitiv") != NULL || strcasestr((char *)t,
		    "allerg") != NULL) ? "hypersensitivity" : "other");
		xmlFree(t);
		move_children(it, c);
		put(e, before, c);
	}
	xmlUnlinkNode(l);
	xmlFreeNode(l);
	return 1;
}

/*
 * A paragraph a label wrote as a bullet (a bullet mark, then
 * "Significant respiratory depression [see WARNINGS]") as a
 * contraindication, its mark dropped.
 */
static void
contra_bullet(xmlNodePtr p)
{
	xmlNodePtr	 t;
	const char	*s;
	xmlChar		*w;
	size_t		 k;

	t = p->children;
	if (t == NULL || t->type != XML_TEXT_NODE || t->content == NULL)
		return;
	s = (const char *)t->content;
	s += strspn(s, " \t\n");
	if (strncmp(s, "\xe2\x80\xa2", 3) != 0 &&
	    strncmp(s, "\xe2\x97\x8f", 3) != 0)
		return;
	s += 3;
	s += strspn(s, " \t\n");
	if (*s == '\0')
		return;
	k = (size_t)(s - (const char *)t->content);
	memmove(t->content, t->content + k, strlen((char *)t->content + k) +
	    1);
	xmlNodeSetName(p, BAD_CAST "contraindication");
	w = xmlNodeGetContent(p);
	attr(p, "kind", w != NULL && (strcasestr((char *)w, "hypersensitiv") !=
	    NULL || strcasestr((char *)w, "allerg") != NULL) ?
	    "hypersensitivity" : "other");
	xmlFree(w);
}

/*
 * The contraindications a label lists without Highlights: a list directly
 * in the section (or paragraphs that start with a bullet), or in an OTC
 * label's "Do not use" (50570-1) section,
 * whose heading alone is then dropped (unless something links to it).
 */
static void
contra_items(struct imp *im, xmlNodePtr e)
{
	xmlNodePtr	 l, next, s, snext, t;
	xmlChar		*code;
	int		 dnu;

	for (l = e->children; l != NULL; l = next) {
		next = l->next;
		if (l->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(l->name, BAD_CAST "list"))
			contra_list(im, l, e, l);
		else if (l->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(l->name, BAD_CAST "p"))
			contra_bullet(l);
	}
	for (s = e->children; s != NULL; s = snext) {
		snext = s->next;
		if (s->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(s->name, BAD_CAST "section"))
			continue;
		code = xmlGetProp(s, BAD_CAST "code");
		dnu = code != NULL && xmlStrEqual(code, BAD_CAST "50570-1");
		xmlFree(code);
		if (!dnu)
			continue;
		/* its lead-in ("Do not use") before the items it leads */
		for (l = s->children; l != NULL; l = next) {
			next = l->next;
			if (l->type != XML_ELEMENT_NODE ||
			    xmlStrEqual(l->name, BAD_CAST "title"))
				continue;
			if (!xmlStrEqual(l->name, BAD_CAST "p") ||
			    next == NULL || xmlNextElementSibling(l) == NULL ||
			    !xmlStrEqual(xmlNextElementSibling(l)->name,
			    BAD_CAST "list"))
				break;
			xmlUnlinkNode(l);
			put(e, s, l);
		}
		for (l = s->children; l != NULL; l = next) {
			next = l->next;
			if (l->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(l->name, BAD_CAST "list"))
				contra_list(im, l, e, s);
		}
		t = xmlFirstElementChild(s);
		if ((t == NULL || (xmlStrEqual(t->name, BAD_CAST "title") &&
		    xmlNextElementSibling(t) == NULL)) &&
		    has_child(e, "contraindication") && im->ndrop < MAXDROP)
			im->drop[im->ndrop++] = s;
	}
}

/* One element of the monograph in order, made complete. */
static void
finish(struct imp *im, xmlNodePtr root, enum spl_target t,
    const char *code, const char *kind, const char *text, int tp)
{
	xmlNodePtr	 e, p;

	if (im->hold[t] != NULL)
		move_children(im->hold[t], element(im, t));
	if ((e = im->elem[t]) == NULL && kind == NULL)
		return;
	e = element(im, t);
	attr(e, "code", code);
	if (t == SPL_T_FORMS)
		emit_forms(im, e);
	if (t == SPL_T_CONTRA && says_none(e))
		xmlNodeSetName(xmlFirstElementChild(e), BAD_CAST "none");
	else if (t == SPL_T_CONTRA && !has_child(e, "contraindication"))
		contra_items(im, e);
	if (xmlChildElementCount(e) == 0 && im->primary[t])
		filler(im, e, "p", "The label gives this section a heading "
		    "only.");
	else if (xmlChildElementCount(e) == 0 && tp >= 0 &&
	    covered(im, (enum topic)tp)) {
		/* not where the format puts it, but in the label */
		p = el(im, e, "p");
		add_text(im, p, "The label covers this in:");
		cover_refs(im, p, (enum topic)tp, 0);
		add_text(im, p, ".");
		cite(im, p, NULL);
	} else if (xmlChildElementCount(e) == 0) {
		if (kind != NULL)
			filler(im, e, kind, text);
		else
			filler(im, e, "p", "The label gives this section a "
			    "heading only.");
	}
	xmlAddChild(root, e);
	im->elem[t] = NULL;
}

/* ---------------------------------------------------------------- */
/* The Highlights: structure from a PLR label's own summary         */
/* ---------------------------------------------------------------- */

/*
 * The facts of one section's Highlights, in order: each p and each list
 * item (a nested list's items after their item's own words) of the
 * blocks emit_blocks() made of its excerpt; tables are read by their
 * readers.
 */
static int
bullets(xmlNodePtr n, xmlNodePtr *b, int nb, int max)
{
	xmlNodePtr	 c, d;

	for (c = n->children; c != NULL && nb < max; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "p"))
			b[nb++] = c;
		else if (xmlStrEqual(c->name, BAD_CAST "list"))
			for (d = c->children; d != NULL && nb < max;
			    d = d->next) {
				if (d->type != XML_ELEMENT_NODE)
					continue;
				b[nb++] = d;
				nb = bullets(d, b, nb, max);
			}
	}
	return nb;
}

/* Is c a character a bullet's words start with that is only a mark? */
static size_t
mark_len(const char *t)
{
	if (strncmp(t, "\xe2\x80\xa2", 3) == 0)		/* bullet */
		return 3;
	if (strncmp(t, "\xe2\x97\x8f", 3) == 0)		/* black circle */
		return 3;
	if (strncmp(t, "\xc2\xb7", 2) == 0)		/* middle dot */
		return 2;
	if (strncmp(t, "\xe2\x80\x93 ", 4) == 0)	/* en dash, a space */
		return 3;
	if (*t == '-' || *t == '*')
		return 1;
	return 0;
}

/*
 * The words of bullet b (not those of a nested list), white space
 * collapsed, without a leading bullet mark (free()).
 */
static char *
bullet_text(xmlNodePtr b)
{
	struct buf	 t;
	xmlNodePtr	 c;
	xmlChar		*s;
	char		*r;
	size_t		 k;

	memset(&t, 0, sizeof(t));
	for (c = b->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name,
		    BAD_CAST "list"))
			continue;
		if ((s = xmlNodeGetContent(c)) != NULL) {
			buf_str(&t, (char *)s);
			xmlFree(s);
		}
	}
	if (t.p == NULL)
		return strdup("");
	spl_collapse(t.p);
	for (r = t.p; (k = mark_len(r)) > 0; r += strspn(r + k, " ") + k)
		;
	r = strdup(r);
	free(t.p);
	return r;
}

/* Copied node n and its descendants in the monograph's namespace, with
   no declaration of their own. */
static void
own_ns(struct imp *im, xmlNodePtr n)
{
	xmlNodePtr	 c;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return;
	n->ns = im->ns;
	if (n->nsDef != NULL) {
		xmlFreeNsList(n->nsDef);
		n->nsDef = NULL;
	}
	for (c = n->children; c != NULL; c = c->next)
		own_ns(im, c);
}

/*
 * The words and inline markup of bullet b (not a nested list) copied
 * into dst, without a leading bullet mark, the first skip characters of
 * its text (an agent before a colon) left out; its citation's locator
 * made "Highlights (NUM)".  0 when skip would cut into markup.
 */
static int
bullet_copy(struct imp *im, xmlNodePtr b, xmlNodePtr dst, size_t skip,
    const char *num)
{
	xmlNodePtr	 c, k, last;
	char		 loc[40];
	size_t		 n, m;
	int		 first;

	first = 1;
	last = dst->last;
	for (c = b->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name,
		    BAD_CAST "list"))
			continue;
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name,
		    BAD_CAST "cite")) {
			k = el(im, dst, "cite");
			attr(k, "ref", "label");
			snprintf(loc, sizeof(loc), num != NULL && *num !=
			    '\0' ? "Highlights (%s)" : "Highlights", num);
			attr(k, "at", loc);
			continue;
		}
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			const char *t = (const char *)c->content;

			if (first) {
				t += strspn(t, " \t\n");
				while ((m = mark_len(t)) > 0)
					t += m + strspn(t + m, " \t\n");
			}
			n = strlen(t);
			if (skip >= n) {
				skip -= n;
				first = 0;
				continue;
			}
			t += skip;
			if (skip > 0)
				t += strspn(t, " :");
			skip = 0;
			first = 0;
			add_text(im, dst, t);
			continue;
		}
		if (skip > 0 && c->type == XML_ELEMENT_NODE) {
			/* an agent in bold: skipped whole, or not at all */
			xmlChar	*w = xmlNodeGetContent(c);

			n = w != NULL ? (size_t)xmlStrlen(w) : 0;
			xmlFree(w);
			if (n <= skip) {
				skip -= n;
				first = 0;
				continue;
			}
		}
		if (skip > 0 || c->type != XML_ELEMENT_NODE) {
			if (skip > 0) {
				/* undo: the agent holds markup */
				while (dst->last != last) {
					k = dst->last;
					xmlUnlinkNode(k);
					xmlFreeNode(k);
				}
				return 0;
			}
			continue;
		}
		first = 0;
		k = xmlDocCopyNode(c, im->doc, 1);
		own_ns(im, k);
		xmlAddChild(dst, k);
	}
	return 1;
}

/* The first of the bullet's locator numbers under PLR section top
   ("5": "5.1"), or its first one when top is NULL; "" when none. */
static void
bullet_num(const char *text, const char *top, char *num)
{
	char	 nums[8][HL_NUMSZ];
	size_t	 n, i, k;

	*num = '\0';
	n = hl_numbers(text, nums, 8, NULL);
	for (i = 0; i < n; i++) {
		k = top != NULL ? strlen(top) : 0;
		if (top == NULL || (strncmp(nums[i], top, k) == 0 &&
		    (nums[i][k] == '\0' || nums[i][k] == '.'))) {
			memcpy(num, nums[i], HL_NUMSZ);
			return;
		}
	}
}

/* Insert n in parent before node before (at the end when NULL). */
static void
put(xmlNodePtr parent, xmlNodePtr before, xmlNodePtr n)
{
	if (before != NULL)
		xmlAddPrevSibling(before, n);
	else
		xmlAddChild(parent, n);
}

/* Does a bullet's text only announce what follows ("... indicated for:",
   "Most common adverse events (6.1):")? */
static int
lead_in(const char *t)
{
	size_t	 n;

	n = strlen(t);
	return n > 0 && t[n - 1] == ':';
}

/*
 * The boxed warning's Highlights (its title, "See full prescribing
 * information for complete boxed warning.", then its facts) as the
 * summary of boxed-warning box: the facts, each cited where it stands.
 */
static void
hl_boxed(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], sum, t;
	char		*text, num[HL_NUMSZ];
	int		 n, i;

	n = bullets(h->blocks, b, 0, MAXBULLETS);
	sum = NULL;
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		if (*text == '\0' || strcasestr(text, "full prescribing "
		    "information for complete boxed warning") != NULL ||
		    strncasecmp(text, "WARNING", 7) == 0) {
			free(text);
			continue;
		}
		if (sum == NULL) {
			sum = el(im, NULL, "summary");
			t = xmlFirstElementChild(h->out);
			if (t != NULL && xmlStrEqual(t->name, BAD_CAST "title"))
				xmlAddNextSibling(t, sum);
			else
				put(h->out, t, sum);
		} else
			add_text(im, sum, " ");
		bullet_num(text, NULL, num);
		bullet_copy(im, b[i], sum, 0, num);
		free(text);
	}
}

/* The element recent changes to section number num (or named at the
   start of words) are to: "5.11" or "Warnings and Precautions" is
   warnings. */
static const char *
change_to(const char *num, const char *words)
{
	static const struct { const char *w, *to; } t[] = {
		{ "boxed warning", "boxed-warning" },
		{ "indications", "uses" }, { "dosage and", "dosing" },
		{ "dosage forms", "forms" },
		{ "contraindication", "contraindications" },
		{ "warnings", "warnings" }, { "adverse", "adverse-effects" },
		{ "drug interactions", "interactions" },
		{ "use in specific", "populations" }, { NULL, NULL }
	};
	const char	*to;
	size_t		 i;

	if (num != NULL && (to = hl_plr_element(num)) != NULL)
		return to;
	words += strspn(words, " -,;");
	for (i = 0; t[i].w != NULL; i++)
		if (strncasecmp(words, t[i].w, strlen(t[i].w)) == 0)
			return t[i].to;
	return NULL;
}

/*
 * The changes one line of Recent Major Changes lists ("Warnings and
 * Precautions (5.11) 9/2021", several on one line in some labels), each
 * a change cited to the Highlights, into rc.  Returns how many.
 */
static int
rmc_line(struct imp *im, xmlNodePtr rc, const char *t)
{
	char		 nums[4][HL_NUMSZ], date[16], *words;
	const char	*p, *o, *c, *to, *num;
	size_t		 dl, n;
	xmlNodePtr	 ch;
	int		 k;

	k = 0;
	for (p = t; *p != '\0'; ) {
		/* the next date, and what stands before it */
		for (c = p; *c != '\0' && !hl_date(c, &dl, date,
		    sizeof(date)); c++)
			while (isdigit((unsigned char)*c) &&
			    isdigit((unsigned char)c[1]))
				c++;
		if (*c == '\0')
			break;
		if (c > t && isdigit((unsigned char)c[-1])) {
			p = c + 1;
			continue;
		}
		if ((words = strndup(p, (size_t)(c - p))) == NULL)
			break;
		n = strlen(words);
		while (n > 0 && strchr(" -\xe2\x80\x94\x93,;", words[n - 1]) !=
		    NULL)
			words[--n] = '\0';
		num = NULL;
		if ((o = strrchr(words, '(')) != NULL &&
		    hl_numbers(o, nums, 4, NULL) > 0)
			num = nums[0];
		to = change_to(num, words);
		if (to != NULL && *words != '\0' && strlen(words) < 300) {
			ch = el(im, rc, "change");
			attr(ch, "to", to);
			attr(ch, "number", num);
			attr(ch, "date", date);
			/* the words; the date is the attribute's */
			add_text(im, ch, words + strspn(words, " -,;"));
			cite(im, ch, "Highlights");
			k++;
		}
		free(words);
		p = c + dl;
	}
	return k;
}

/* The words of each row of table t (cells joined by spaces), into
   lines; returns how many. */
static int
table_lines(xmlNodePtr t, char **lines, int max)
{
	xmlNodePtr	 g, r;
	xmlChar		*s;
	int		 n;

	n = 0;
	for (g = t->children; g != NULL; g = g->next) {
		if (g->type != XML_ELEMENT_NODE || (!xmlStrEqual(g->name,
		    BAD_CAST "tbody") && !xmlStrEqual(g->name,
		    BAD_CAST "thead")))
			continue;
		for (r = g->children; r != NULL && n < max; r = r->next) {
			if (r->type != XML_ELEMENT_NODE ||
			    (s = xmlNodeGetContent(r)) == NULL)
				continue;
			spl_collapse((char *)s);
			lines[n++] = strdup((char *)s);
			xmlFree(s);
		}
	}
	return n;
}

/*
 * Recent Major Changes: each change with the section it is to, its
 * number and date, as recent-changes (placed after the boxed warnings);
 * the section the label gave it stays only when it has words of its own.
 */
static void
hl_recent(struct imp *im, struct hl *h)
{
	xmlNodePtr	 c, rc, b[MAXBULLETS];
	char		*lines[MAXBULLETS];
	int		 n, i, j, k, words;

	if (im->recent != NULL)
		return;
	n = 0;
	for (c = h->blocks->children; c != NULL && n < MAXBULLETS;
	    c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name,
		    BAD_CAST "table"))
			n += table_lines(c, lines + n, MAXBULLETS - n);
	k = bullets(h->blocks, b, 0, MAXBULLETS);
	for (i = 0; i < k && n < MAXBULLETS; i++)
		lines[n++] = bullet_text(b[i]);
	rc = el(im, NULL, "recent-changes");
	attr(rc, "code", "43683-2");
	words = 0;
	for (k = i = 0; i < n; i++) {
		if (lines[i] != NULL) {
			j = rmc_line(im, rc, lines[i]);
			/* a line that reads as no change: the words stay */
			if (j == 0 && *lines[i] != '\0')
				words = 1;
			k += j;
		}
		free(lines[i]);
	}
	if (k > 0 && words)
		while ((c = h->blocks->last) != NULL) {
			xmlUnlinkNode(c);
			put(rc, xmlFirstElementChild(rc), c);
		}
	if (k == 0) {
		/* no change reads as one: the label's words, as a section */
		xmlFreeNode(rc);
		if (xmlChildElementCount(h->out) <= 1)
			move_children(h->blocks, h->out);
		return;
	}
	im->recent = rc;
	/* words of the section's own (its blocks, not its subsections):
	   before the changes */
	c = xmlFirstElementChild(h->out);
	if (c != NULL && xmlStrEqual(c->name, BAD_CAST "title"))
		c = xmlNextElementSibling(c);
	b[1] = xmlFirstElementChild(rc);
	for (; c != NULL; c = b[0]) {
		b[0] = xmlNextElementSibling(c);
		if (xmlStrEqual(c->name, BAD_CAST "section"))
			continue;
		xmlUnlinkNode(c);
		put(rc, b[1], c);
	}
	c = xmlFirstElementChild(h->out);
	if (c != NULL && xmlStrEqual(c->name, BAD_CAST "title"))
		c = xmlNextElementSibling(c);
	if (c == NULL && im->ndrop < MAXDROP)
		im->drop[im->ndrop++] = h->out;
}

/* The population a dosing bullet names, else "all". */
static const char *
bullet_population(const char *t)
{
	if (strcasestr(t, "renal impairment") != NULL ||
	    strcasestr(t, "creatinine clearance") != NULL)
		return "renal-impairment";
	if (strcasestr(t, "hepatic impairment") != NULL)
		return "hepatic-impairment";
	if (strncasecmp(t, "pediatric", 9) == 0 ||
	    strncasecmp(t, "children", 8) == 0)
		return "pediatric";
	if (strncasecmp(t, "adult", 5) == 0)
		return "adult";
	if (strncasecmp(t, "geriatric", 9) == 0 ||
	    strncasecmp(t, "elderly", 7) == 0)
		return "geriatric";
	return "all";
}

/*
 * The route of a dosing bullet: the one route of the label's products,
 * else the one of them the bullet names; NULL when that is not clear.
 */
static const char *
bullet_route(struct imp *im, const char *t)
{
	static const struct { const char *w, *route; } says[] = {
		{ "orally", "oral" }, { "oral", "oral" },
		{ "intravenous", "intravenous" }, { "IV ", "intravenous" },
		{ "subcutaneous", "subcutaneous" },
		{ "intramuscular", "intramuscular" },
		{ "intrathecal", "intrathecal" }, { "topical", "topical" },
		{ NULL, NULL }
	};
	const char	*routes[8], *r, *named;
	size_t		 i, j, k, n;

	n = 0;
	for (i = 0; i < im->spl->nprod; i++)
		for (j = 0; j < im->spl->prod[i].nroutes; j++) {
			if ((r = spl_route(im->spl->prod[i].routes[j])) ==
			    NULL)
				continue;
			for (k = 0; k < n && strcmp(routes[k], r) != 0; k++)
				;
			if (k == n && n < 8)
				routes[n++] = r;
		}
	if (n == 1)
		return routes[0];
	named = NULL;
	for (i = 0; says[i].w != NULL; i++)
		if (strcasestr(t, says[i].w) != NULL) {
			if (named != NULL && strcmp(named, says[i].route) != 0)
				return NULL;
			named = says[i].route;
		}
	for (k = 0; named != NULL && k < n; k++)
		if (strcmp(routes[k], named) == 0)
			return named;
	return NULL;
}

static void	 cell_text(xmlNodePtr, const char *, struct buf *);

/* A dose element name under regimen r from what hl_dosing() read. */
static void
dose_el(struct imp *im, xmlNodePtr r, const char *name,
    const struct hl_dose *d, const char *loc)
{
	xmlNodePtr	 e;

	e = el(im, r, name);
	attr(e, "low", d->low);
	attr(e, "high", d->high[0] != '\0' ? d->high : NULL);
	attr(e, "unit", d->unit);
	attr(e, "times", d->times[0] != '\0' ? d->times : NULL);
	attr(e, "per", d->per[0] != '\0' ? d->per : NULL);
	attr(e, "interval", d->interval[0] != '\0' ? d->interval : NULL);
	attr(e, "interval-unit", d->interval_unit[0] != '\0' ?
	    d->interval_unit : NULL);
	cite(im, e, loc);
}

/* The first cell of a dosing row as its regimen's indication, when it
   holds no figure but its locator ("MDD in Adolescents (2.1)"). */
static void
indication(struct imp *im, xmlNodePtr r, char *t)
{
	char	 nums[4][HL_NUMSZ], *d;
	size_t	 cut;

	hl_numbers(t, nums, 4, &cut);
	while (cut > 0 && (t[cut - 1] == ' ' || t[cut - 1] == ':'))
		cut--;
	d = strpbrk(t, "0123456789");
	if (cut == 0 || cut > 300 || (d != NULL && (size_t)(d - t) < cut))
		return;
	t[cut] = '\0';
	elt(im, r, "indication", t);
}

/* Merge the doses of one cell (e) into those of its row (d); 0 when
   they say a dose twice. */
static int
merge_doses(struct hl_dosing *d, const struct hl_dosing *e)
{
	if ((e->has_start && d->has_start) || (e->has_usual &&
	    d->has_usual) || (e->has_max && d->has_max))
		return 0;
	if (e->has_start)
		d->has_start = 1, d->start = e->start;
	if (e->has_usual)
		d->has_usual = 1, d->usual = e->usual;
	if (e->has_max)
		d->has_max = 1, d->max = e->max;
	return 1;
}

/*
 * A dosing table of the Highlights: each body row a regimen (route and
 * population as for a fact), its cells' words its p, its first cell its
 * indication when that holds no figure, and the doses of the cells that
 * state one ("Initial: 10 mg once daily") when no two say the same.
 */
static void
hl_dosing_rows(struct imp *im, struct hl *h, xmlNodePtr before)
{
	struct hl_dosing d, e;
	xmlNodePtr	 t, g, row, cell, r, p;
	struct buf	 words, one;
	const char	*route;
	char		 num[HL_NUMSZ], loc[40];
	int		 ok, first;

	for (t = h->blocks->children; t != NULL; t = t->next) {
		if (t->type != XML_ELEMENT_NODE || !xmlStrEqual(t->name,
		    BAD_CAST "table"))
			continue;
		for (g = t->children; g != NULL; g = g->next) {
			if (g->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(g->name, BAD_CAST "tbody"))
				continue;
			for (row = g->children; row != NULL; row = row->next) {
				if (row->type != XML_ELEMENT_NODE ||
				    xmlChildElementCount(row) < 2)
					continue;
				memset(&words, 0, sizeof(words));
				memset(&d, 0, sizeof(d));
				ok = 1;
				first = 1;
				r = el(im, NULL, "regimen");
				for (cell = xmlFirstElementChild(row);
				    cell != NULL;
				    cell = xmlNextElementSibling(cell)) {
					memset(&one, 0, sizeof(one));
					cell_text(cell, " ", &words);
					buf_str(&words, " ");
					cell_text(cell, "; ", &one);
					if (one.p != NULL) {
						spl_collapse(one.p);
						if (hl_dosing(one.p, &e))
							ok = ok && merge_doses(
							    &d, &e);
						if (first)
							indication(im, r, one.p);
					}
					first = 0;
					free(one.p);
				}
				if (words.p == NULL) {
					xmlFreeNode(r);
					continue;
				}
				spl_collapse(words.p);
				bullet_num(words.p, "2", num);
				snprintf(loc, sizeof(loc), *num != '\0' ?
				    "Highlights (%s)" : "Highlights", num);
				if (*words.p == '\0' || (route = bullet_route(im,
				    words.p)) == NULL) {
					xmlFreeNode(r);
					free(words.p);
					continue;
				}
				attr(r, "route", route);
				attr(r, "population",
				    bullet_population(words.p));
				if (ok && d.has_start)
					dose_el(im, r, "start", &d.start, loc);
				if (ok && d.has_usual)
					dose_el(im, r, "maintenance", &d.usual,
					    loc);
				if (ok && d.has_max)
					dose_el(im, r, "maximum", &d.max, loc);
				p = elt(im, r, "p", words.p);
				cite(im, p, loc);
				put(h->out, before, r);
				free(words.p);
			}
		}
	}
}

/*
 * Dosing: each fact a regimen for the route of the label (or the one it
 * names), with the bullet's words, and its doses where the bullet states
 * them so that they read one way (hl_dosing()); a fact whose route is not
 * clear stays the label's words.
 */
static void
hl_dosing_facts(struct imp *im, struct hl *h)
{
	struct hl_dosing d;
	xmlNodePtr	 b[MAXBULLETS], before, r, p;
	const char	*route;
	char		*text, num[HL_NUMSZ], loc[40];
	int		 n, i;

	n = bullets(h->blocks, b, 0, MAXBULLETS);
	before = xmlFirstElementChild(h->out);
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		if (*text == '\0' || lead_in(text)) {
			free(text);
			continue;
		}
		bullet_num(text, "2", num);
		snprintf(loc, sizeof(loc), *num != '\0' ? "Highlights (%s)" :
		    "Highlights", num);
		if ((route = bullet_route(im, text)) == NULL) {
			p = el(im, NULL, "p");
			bullet_copy(im, b[i], p, 0, num);
			put(h->out, before, p);
			free(text);
			continue;
		}
		r = el(im, NULL, "regimen");
		attr(r, "route", route);
		attr(r, "population", bullet_population(text));
		if (hl_dosing(text, &d)) {
			if (d.has_start)
				dose_el(im, r, "start", &d.start, loc);
			if (d.has_usual)
				dose_el(im, r, "maintenance", &d.usual, loc);
			if (d.has_max)
				dose_el(im, r, "maximum", &d.max, loc);
		}
		p = el(im, r, "p");
		bullet_copy(im, b[i], p, 0, num);
		put(h->out, before, r);
		free(text);
	}
	hl_dosing_rows(im, h, before);
}

/* Does a fact of the Indications Highlights limit a use rather than
   state one ("Not for treatment of type 1 diabetes", "should not be used
   to treat severe malaria")? */
static int
not_a_use(const char *t)
{
	static const char *const says[] = {
		"not for ", "should not be used", "not indicated",
		"not recommended", "not been established", "not been studied",
		"not approved", "is not a ", "do not use", NULL
	};
	size_t	 i;

	for (i = 0; says[i] != NULL; i++)
		if (strcasestr(t, says[i]) != NULL)
			return 1;
	return 0;
}

/* Uses: each indication a use, the bullet's words its condition. */
static void
hl_uses(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], before, u, p;
	char		*text, *w, num[HL_NUMSZ], cond[301];
	const char	*c;
	size_t		 cut, k;
	int		 n, i;

	n = bullets(h->blocks, b, 0, MAXBULLETS);
	before = xmlFirstElementChild(h->out);
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		if (strcasestr(text, "limitation") != NULL) {
			free(text);
			break;			/* not uses */
		}
		if (not_a_use(text)) {
			free(text);
			continue;
		}
		c = NULL;
		if (xmlStrEqual(b[i]->name, BAD_CAST "item"))
			c = text;
		else if ((w = strcasestr(text, " indicated ")) != NULL &&
		    !lead_in(text) && (i + 1 == n ||
		    !xmlStrEqual(b[i + 1]->name, BAD_CAST "item")))
			c = w + 11;
		if (c == NULL || lead_in(text)) {
			free(text);
			continue;
		}
		{
			char	 nums[4][HL_NUMSZ];

			hl_numbers(c, nums, 4, &cut);
		}
		while (cut > 0 && (c[cut - 1] == '.' || c[cut - 1] == ' '))
			cut--;
		if (cut == 0) {
			free(text);
			continue;
		}
		if (cut > 300) {
			/* a condition is one line: cut between words */
			for (k = 296; k > 0 && c[k] != ' '; k--)
				;
			snprintf(cond, sizeof(cond), "%.*s ...", (int)k, c);
		} else
			snprintf(cond, sizeof(cond), "%.*s", (int)cut, c);
		bullet_num(text, "1", num);
		u = el(im, NULL, "use");
		attr(u, "status", "approved");
		attr(u, "number", *num != '\0' ? num : NULL);
		elt(im, u, "condition", cond);
		p = el(im, u, "p");
		bullet_copy(im, b[i], p, 0, num);
		put(h->out, before, u);
		free(text);
	}
}

/* Contraindications: each fact a contraindication (unless "None"). */
static void
hl_contra(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], before, c;
	char		*text, num[HL_NUMSZ];
	size_t		 cut;
	int		 n, i;

	n = bullets(h->blocks, b, 0, MAXBULLETS);
	before = xmlFirstElementChild(h->out);
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		{
			char	 nums[4][HL_NUMSZ];

			hl_numbers(text, nums, 4, &cut);
		}
		text[cut] = '\0';
		if (*text == '\0' || lead_in(text) || strncasecmp(text,
		    "none", 4) == 0) {
			free(text);
			continue;
		}
		free(text);
		text = bullet_text(b[i]);
		bullet_num(text, "4", num);
		c = el(im, NULL, "contraindication");
		attr(c, "kind", strcasestr(text, "hypersensitiv") != NULL ||
		    strcasestr(text, "allerg") != NULL ? "hypersensitivity" :
		    "other");
		attr(c, "number", *num != '\0' ? num : NULL);
		bullet_copy(im, b[i], c, 0, num);
		put(h->out, before, c);
		free(text);
	}
}

/* The warning numbered num under n (warnings and their holders). */
static xmlNodePtr
find_numbered(xmlNodePtr n, const char *name, const char *num)
{
	xmlNodePtr	 c;
	xmlChar		*v;
	int		 eq;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name,
		    BAD_CAST name))
			continue;
		if ((v = xmlGetProp(c, BAD_CAST "number")) == NULL)
			continue;
		eq = strcmp((char *)v, num) == 0;
		xmlFree(v);
		if (eq)
			return c;
	}
	return NULL;
}

/*
 * Warnings: each fact the summary of the warning its locator names
 * ("(5.1)"), which marks it one of the most serious risks; a fact whose
 * warning is not found is left to the full text.
 */
static void
hl_warnings(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], w, t, sum;
	char		*text, nums[8][HL_NUMSZ];
	size_t		 k, j;
	int		 n, i;

	n = bullets(h->blocks, b, 0, MAXBULLETS);
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		k = hl_numbers(text, nums, 8, NULL);
		w = NULL;
		for (j = 0; j < k && w == NULL; j++)
			if ((w = find_numbered(im->elem[SPL_T_WARNINGS],
			    "warning", nums[j])) == NULL)
				w = find_numbered(im->hold[SPL_T_WARNINGS],
				    "warning", nums[j]);
		if (w == NULL || lead_in(text)) {
			free(text);
			continue;
		}
		j--;
		t = xmlFirstElementChild(w);
		if ((sum = xmlNextElementSibling(t)) == NULL ||
		    !xmlStrEqual(sum->name, BAD_CAST "summary")) {
			sum = el(im, NULL, "summary");
			xmlAddNextSibling(t, sum);
		} else
			add_text(im, sum, " ");
		bullet_copy(im, b[i], sum, 0, nums[j]);
		free(text);
	}
}

/*
 * Adverse reactions: the most common ones a fact lists ("Most common
 * adverse reactions (incidence >= 5%) are: a, b and c (6.1)", or a
 * lead-in with a list per group after it) as effects marked common, each
 * once, after the fact itself (which says the label's threshold).
 */
static void
hl_adverse(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], before, p, e;
	xmlHashTablePtr	 seen;
	char		*text, *items[HL_MAXITEMS], *key, num[HL_NUMSZ];
	char		 loc[40];
	size_t		 a, len, k, j;
	int		 n, i, in;

	if ((seen = xmlHashCreate(16)) == NULL)
		return;
	n = bullets(h->blocks, b, 0, MAXBULLETS);
	before = xmlFirstElementChild(h->out);
	in = 0;
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		if (strcasestr(text, "most common") == NULL && !(in &&
		    xmlStrEqual(b[i]->name, BAD_CAST "item"))) {
			in = 0;
			free(text);
			continue;
		}
		bullet_num(text, "6", num);
		snprintf(loc, sizeof(loc), *num != '\0' ? "Highlights (%s)" :
		    "Highlights", num);
		if (!hl_common(text, &a, &len)) {
			in = lead_in(text);
			if (in) {
				p = el(im, NULL, "p");
				bullet_copy(im, b[i], p, 0, num);
				put(h->out, before, p);
			}
			free(text);
			continue;
		}
		p = el(im, NULL, "p");
		bullet_copy(im, b[i], p, 0, num);
		put(h->out, before, p);
		k = hl_split(text + a, len, items, HL_MAXITEMS);
		for (j = 0; j < k; j++) {
			key = folded(items[j]);
			if (key != NULL && strlen(items[j]) <= 200 &&
			    xmlHashLookup(seen, BAD_CAST key) == NULL) {
				xmlHashAddEntry(seen, BAD_CAST key, (void *)1);
				e = elt(im, NULL, "effect", items[j]);
				attr(e, "frequency", "common");
				cite(im, e, loc);
				put(h->out, before, e);
			}
			free(key);
			free(items[j]);
		}
		free(text);
	}
	xmlHashFree(seen, NULL);
}

/*
 * One interaction of agents[0..k) (those not yet given out; none left:
 * nothing, returns 0) with the rest of bullet b (after skip characters)
 * as its effect, or the words eff of a table row.
 */
static int
interaction(struct imp *im, xmlNodePtr out, xmlNodePtr before,
    char **agents, size_t k, xmlNodePtr b, size_t skip, const char *eff,
    const char *num)
{
	xmlNodePtr	 in, a, e;
	char		*key, loc[40];
	size_t		 j;
	int		 any;

	in = el(im, NULL, "interaction");
	attr(in, "severity", "not-graded");
	attr(in, "number", num != NULL && *num != '\0' ? num : NULL);
	any = 0;
	for (j = 0; j < k; j++) {
		key = folded(agents[j]);
		if (key != NULL && strlen(agents[j]) <= 300 &&
		    xmlHashLookup(im->agents, BAD_CAST key) == NULL) {
			xmlHashAddEntry(im->agents, BAD_CAST key, (void *)1);
			a = elt(im, in, "agent", agents[j]);
			attr(a, "kind", hl_agent_kind(agents[j]));
			any = 1;
		}
		free(key);
	}
	e = el(im, in, "effect");
	if (!any || (b != NULL && !bullet_copy(im, b, e, skip, num))) {
		xmlFreeNode(in);
		return 0;
	}
	if (b == NULL) {
		add_text(im, e, eff);
		snprintf(loc, sizeof(loc), num != NULL && *num != '\0' ?
		    "Highlights (%s)" : "Highlights", num);
		cite(im, e, loc);
	}
	if (!has_content(e) || xmlChildElementCount(e) == 0) {
		xmlFreeNode(in);
		return 0;
	}
	put(out, before, in);
	return 1;
}

/* The words of table cell n into b, each line break as br. */
static void
cell_text(xmlNodePtr n, const char *br, struct buf *b)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			buf_str(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name,
		    BAD_CAST "br"))
			buf_str(b, br);
		else if (c->type == XML_ELEMENT_NODE)
			cell_text(c, br, b);
	}
}

/* Is row text t a header row that a label did not mark so ("Interacting
   Agents Prescribing Recommendations")? */
static int
head_words(const char *t)
{
	return strpbrk(t, "0123456789") == NULL && strlen(t) < 80 &&
	    (strncasecmp(t, "interacting", 11) == 0 ||
	    strncasecmp(t, "drug ", 5) == 0 || strncasecmp(t, "agent", 5) ==
	    0 || strncasecmp(t, "concomitant drug", 16) == 0);
}

/*
 * Drug interactions: a fact "Agent, agent: what happens (7.N)" or a
 * table row (agents, then what happens and what to do) an interaction,
 * not graded (the Highlights grade none), each agent once; any other
 * fact the label's words.
 */
static void
hl_interact(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], before, p, c, g, r, cell;
	char		*text, *agents[HL_MAXITEMS], num[HL_NUMSZ];
	xmlChar		*s;
	struct buf	 eff, ag;
	size_t		 len, k, j;
	int		 n, i, all;

	if (im->agents == NULL && (im->agents = xmlHashCreate(16)) == NULL)
		return;
	before = xmlFirstElementChild(h->out);
	/* tables: agents in the first column */
	for (c = h->blocks->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name,
		    BAD_CAST "table"))
			continue;
		all = 1;
		for (g = c->children; g != NULL; g = g->next) {
			if (g->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(g->name, BAD_CAST "tbody"))
				continue;
			for (r = g->children; r != NULL; r = r->next) {
				if (r->type != XML_ELEMENT_NODE)
					continue;
				cell = xmlFirstElementChild(r);
				memset(&eff, 0, sizeof(eff));
				memset(&ag, 0, sizeof(ag));
				k = 0;
				if (cell != NULL && xmlNextElementSibling(cell)
				    != NULL) {
					cell_text(cell, ", ", &ag);
					for (cell = xmlNextElementSibling(cell);
					    cell != NULL; cell =
					    xmlNextElementSibling(cell)) {
						buf_str(&eff, " ");
						cell_text(cell, " ", &eff);
					}
				}
				if (ag.p != NULL) {
					spl_collapse(ag.p);
					if ((s = xmlNodeGetContent(r)) != NULL) {
						spl_collapse((char *)s);
						if (head_words((char *)s)) {
							xmlFree(s);
							free(ag.p);
							free(eff.p);
							continue;
						}
						xmlFree(s);
					}
					k = hl_split(ag.p, strlen(ag.p),
					    agents, HL_MAXITEMS);
					free(ag.p);
				}
				if (eff.p != NULL)
					spl_collapse(eff.p);
				*num = '\0';
				if (eff.p != NULL)
					bullet_num(eff.p, "7", num);
				if (k == 0 || eff.p == NULL || *eff.p == '\0' ||
				    !interaction(im, h->out, before, agents, k,
				    NULL, 0, eff.p, num))
					all = 0;
				for (j = 0; j < k; j++)
					free(agents[j]);
				free(eff.p);
			}
		}
		if (!all) {
			/* the label's table stays beside what was read */
			g = xmlDocCopyNode(c, im->doc, 1);
			own_ns(im, g);
			put(h->out, before, g);
		}
	}
	n = bullets(h->blocks, b, 0, MAXBULLETS);
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		bullet_num(text, "7", num);
		k = lead_in(text) ? 0 : hl_agents(text, &len, agents,
		    HL_MAXITEMS);
		if (k == 0 && !lead_in(text)) {
			/* "A may increase ...": the whole fact its effect,
			   unless the subject is the drug itself */
			k = hl_subject(text, agents, HL_MAXITEMS);
			for (j = 0; j < k; j++) {
				char	*f = folded(agents[j]);
				int	 own = names_drug(im, f);

				free(f);
				if (own)
					break;
			}
			if (j < k) {
				for (j = 0; j < k; j++)
					free(agents[j]);
				k = 0;
			}
			len = (size_t)-1;
		}
		if (k == 0 || !interaction(im, h->out, before, agents, k,
		    b[i], len == (size_t)-1 ? 0 : len + 1, NULL, num)) {
			p = el(im, NULL, "p");
			bullet_copy(im, b[i], p, 0, num);
			put(h->out, before, p);
		}
		for (j = 0; j < k; j++)
			free(agents[j]);
		free(text);
	}
}

/* Specific populations: each fact at the start of the population its
   locator names ("(8.2)"). */
static void
hl_populations(struct imp *im, struct hl *h)
{
	xmlNodePtr	 b[MAXBULLETS], pop, p, c;
	char		*text, nums[8][HL_NUMSZ];
	size_t		 k, j;
	int		 n, i;

	n = bullets(h->blocks, b, 0, MAXBULLETS);
	for (i = 0; i < n; i++) {
		text = bullet_text(b[i]);
		k = hl_numbers(text, nums, 8, NULL);
		pop = NULL;
		for (j = 0; j < k && pop == NULL; j++)
			pop = find_numbered(h->out, "population", nums[j]);
		if (pop != NULL) {
			j--;
			for (c = xmlFirstElementChild(pop); c != NULL &&
			    xmlStrEqual(c->name, BAD_CAST "criterion");
			    c = xmlNextElementSibling(c))
				;
			p = el(im, NULL, "p");
			bullet_copy(im, b[i], p, 0, nums[j]);
			put(pop, c, p);
		}
		free(text);
	}
}

/*
 * Read the Highlights of every section that has them into the structure
 * of the element the section went to: the boxed warning's summary,
 * recent changes, uses, regimens, contraindications, warnings' summaries,
 * the most common adverse reactions, interactions, populations.
 */
static void
highlights(struct imp *im)
{
	struct hl	*h;
	int		 i;

	for (i = 0; i < im->nhl; i++) {
		h = &im->hl[i];
		if (h->pl->place == PL_BOXED)
			hl_boxed(im, h);
		else if (h->pl->code != NULL &&
		    strcmp(h->pl->code, "43683-2") == 0)
			hl_recent(im, h);
		else if (h->pl->place != PL_PRIMARY)
			continue;
		else if (h->pl->target == SPL_T_USES)
			hl_uses(im, h);
		else if (h->pl->target == SPL_T_DOSING)
			hl_dosing_facts(im, h);
		else if (h->pl->target == SPL_T_CONTRA)
			hl_contra(im, h);
		else if (h->pl->target == SPL_T_WARNINGS)
			hl_warnings(im, h);
		else if (h->pl->target == SPL_T_ADVERSE)
			hl_adverse(im, h);
		else if (h->pl->target == SPL_T_INTERACT)
			hl_interact(im, h);
		else if (h->pl->target == SPL_T_POPUL)
			hl_populations(im, h);
	}
}

/* Is there an xref to anchor id under n? */
static int
xref_to_id(xmlNodePtr n, const xmlChar *id)
{
	xmlNodePtr	 c;
	xmlChar		*r;
	int		 yes;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "xref") &&
		    (r = xmlGetProp(c, BAD_CAST "ref")) != NULL) {
			yes = xmlStrEqual(r, id);
			xmlFree(r);
			if (yes)
				return 1;
		}
		if (xref_to_id(c, id))
			return 1;
	}
	return 0;
}

/* The sections left a heading only (Recent Major Changes now
   recent-changes, Drug Facts "Do not use" now contraindication items):
   gone, unless something links to them. */
static void
drop_empty(struct imp *im, xmlNodePtr root)
{
	xmlChar	*id;
	int	 i;

	for (i = 0; i < im->ndrop; i++) {
		id = xmlGetProp(im->drop[i], BAD_CAST "id");
		if (id == NULL || !xref_to_id(root, id)) {
			xmlUnlinkNode(im->drop[i]);
			xmlFreeNode(im->drop[i]);
		}
		xmlFree(id);
	}
	im->ndrop = 0;
}

static void
free_link(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/*
 * Build the monograph NAME from the SPL label read into spl (whose tree
 * it walks), reviewed on today (YYYY-MM-DD).  Warnings go to df.
 * Returns the monograph, or NULL when out of memory.
 */
xmlDocPtr
import_build(struct spl *spl, const char *name, const char *today,
    struct diag_file *df)
{
	struct imp	 im;
	struct plan	*pl, *next;
	xmlNodePtr	 root, meta, c, cs, s, b;
	xmlDocPtr	 ret;
	int		 i;

	memset(&im, 0, sizeof(im));
	ret = NULL;
	im.spl = spl;
	im.df = df;
	im.otc = spl->doc_code != NULL && strcmp(spl->doc_code,
	    "34390-5") == 0;
	if ((im.doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (im.ids = xmlHashCreate(256)) == NULL ||
	    (im.lids = xmlHashCreate(256)) == NULL ||
	    (im.used = xmlHashCreate(256)) == NULL ||
	    (im.next = xmlHashCreate(256)) == NULL ||
	    (im.media = xmlHashCreate(16)) == NULL ||
	    (im.mnodes = xmlHashCreate(16)) == NULL)
		goto out;
	root = xmlNewDocNode(im.doc, NULL, BAD_CAST "monograph", NULL);
	xmlDocSetRootElement(im.doc, root);
	im.ns = xmlNewNs(root, BAD_CAST MONO_NS, NULL);
	xmlSetNs(root, im.ns);
	xmlSetNsProp(root, xmlNewNs(root, BAD_CAST XSI_NS, BAD_CAST "xsi"),
	    BAD_CAST "schemaLocation",
	    BAD_CAST MONO_NS " ../schema/monograph.xsd");
	attr(root, "id", name);
	attr(root, "format-version", "2.0");
	xmlHashAddEntry(im.used, BAD_CAST "label", (void *)1);
	im.boxed = el(&im, NULL, "hold");
	im.tops = el(&im, NULL, "hold");

	/* the two passes over the sections */
	if (spl->body != NULL) {
		for (c = spl_child(spl->body, "component"); c != NULL;
		    c = spl_next(c, "component"))
			if ((cs = spl_child(c, "section")) != NULL)
				plan_section(&im, cs, NULL, 0, SPL_T_SECTION,
				    NULL);
		for (c = spl_child(spl->body, "component"); c != NULL;
		    c = spl_next(c, "component"))
			if ((cs = spl_child(c, "section")) != NULL)
				emit_section(&im, cs);
		highlights(&im);
	}

	meta = el(&im, root, "meta");
	elt(&im, meta, "summary", im.otc ? "imported from an FDA OTC drug "
	    "label, not yet reviewed" : strcmp(spl->doc_code, "75031-5") ==
	    0 ? "imported from an FDA compounded drug label, not yet "
	    "reviewed" : "imported from an FDA prescription drug label, not "
	    "yet reviewed");
	elt(&im, meta, "version", "0.1.0");
	elt(&im, meta, "reviewed", today);
	elt(&im, meta, "status", "draft");
	emit_drug(&im, root);
	qsort(im.cover, (size_t)im.ncover, sizeof(im.cover[0]), cover_cmp);
	if (im.boxed->children != NULL)
		move_children(im.boxed, root);
	else if (covered(&im, TP_BOXED)) {
		/* coded so, but not a boxed warning (an OTC label's, an EUA
		   notice, a box in a Medication Guide): pointed to */
		b = el(&im, root, "boxed-warning");
		attr(b, "code", "34066-1");
		elt(&im, b, "title", "Sections coded as a boxed warning");
		c = el(&im, b, "p");
		add_text(&im, c, "The label codes as a boxed warning:");
		cover_refs(&im, c, TP_BOXED, 0);
		add_text(&im, c, ".");
		cite(&im, c, NULL);
	} else {
		b = el(&im, root, "boxed-warning");
		attr(b, "code", "34066-1");
		filler(&im, b, "none", "The label has no boxed warning.");
	}
	if (im.recent != NULL) {
		xmlAddChild(root, im.recent);
		im.recent = NULL;
	}
	finish(&im, root, SPL_T_USES, "34067-9", "p",
	    "The label has no Indications and Usage section.", TP_USES);
	finish(&im, root, SPL_T_DOSING, "34068-7", "p",
	    "The label has no Dosage and Administration section.", TP_DOSING);
	finish(&im, root, SPL_T_FORMS, "43678-2", "p",
	    "The label's product data list no dosage form.", -1);
	finish(&im, root, SPL_T_CONTRA, "34070-3", "none",
	    "The label has no Contraindications section.", TP_CONTRA);
	finish(&im, root, SPL_T_WARNINGS, "43685-7", NULL, NULL, -1);
	finish(&im, root, SPL_T_ADVERSE, "34084-4", "none",
	    "The label has no Adverse Reactions section.", TP_ADVERSE);
	finish(&im, root, SPL_T_INTERACT, "34073-7", "none",
	    "The label has no Drug Interactions section.", TP_INTERACT);
	finish(&im, root, SPL_T_POPUL, "43684-0", NULL, NULL, -1);
	finish(&im, root, SPL_T_ABUSE, "42227-9", NULL, NULL, -1);
	emit_withdrawal(&im, root);
	finish(&im, root, SPL_T_OVERDOSE, "34088-5", NULL, NULL, -1);
	finish(&im, root, SPL_T_DESCR, "34089-3", NULL, NULL, -1);
	finish(&im, root, SPL_T_CLINPHARM, "34090-1", NULL, NULL, -1);
	finish(&im, root, SPL_T_SUPPLY, "34069-5", NULL, NULL, -1);
	finish(&im, root, SPL_T_SAFEUSE, "34076-0", NULL, NULL, -1);
	move_children(im.tops, root);
	s = el(&im, root, "disclaimer");
	attr(s, "code", "monoc-disclaimer");
	elt(&im, s, "p", "Imported from the FDA label and not yet reviewed; "
	    "for information only, not medical advice.");
	emit_sources(&im, root);
	drop_empty(&im, root);
	ret = im.doc;
	im.doc = NULL;
out:
	for (pl = im.plans; pl != NULL; pl = next) {
		next = pl->all;
		free(pl->anchor);
		free(pl->title);
		free(pl);
	}
	for (i = 0; i < SPL_T__MAX; i++) {
		xmlFreeNode(im.elem[i]);
		xmlFreeNode(im.hold[i]);
	}
	xmlFreeNode(im.boxed);
	xmlFreeNode(im.tops);
	for (i = 0; i < im.nhl; i++)
		xmlFreeNode(im.hl[i].blocks);
	xmlFreeNode(im.recent);
	xmlHashFree(im.agents, NULL);
	for (i = 0; i < im.ncover; i++)
		free(im.cover[i].to);
	xmlHashFree(im.ids, free_link);
	xmlHashFree(im.lids, free_link);
	xmlHashFree(im.used, NULL);
	xmlHashFree(im.next, NULL);
	xmlHashFree(im.media, free_link);
	xmlHashFree(im.mnodes, NULL);
	xmlFreeDoc(im.doc);
	return ret;
}

/* ---------------------------------------------------------------- */
/* The command                                                      */
/* ---------------------------------------------------------------- */

/*
 * How deep the elements of an XML text nest, roughly (comments, CDATA
 * and '>' in attribute values aside): to tell a label refused for its
 * depth (libxml2 stops at 256 without XML_PARSE_HUGE) from one that is
 * not well-formed.
 */
int
import_depth(const char *buf, size_t len)
{
	const char	*p, *end, *e;
	int		 d, max;
	char		 q;

	d = max = 0;
	end = buf + len;
	for (p = buf; p < end && (p = memchr(p, '<', end - p)) != NULL;) {
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			e = memmem(p + 4, end - p - 4, "-->", 3);
			p = e != NULL ? e + 3 : end;
			continue;
		}
		if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			e = memmem(p + 9, end - p - 9, "]]>", 3);
			p = e != NULL ? e + 3 : end;
			continue;
		}
		if (p + 1 < end && p[1] == '/') {
			d--;
			p += 2;
			continue;
		}
		if (p + 1 < end && (p[1] == '?' || p[1] == '!')) {
			p += 2;
			continue;
		}
		/* a start tag: find its end, quotes respected */
		for (q = 0, p++; p < end; p++) {
			if (q != 0) {
				if (*p == q)
					q = 0;
			} else if (*p == '"' || *p == '\'')
				q = *p;
			else if (*p == '>')
				break;
		}
		if (p < end && p[-1] != '/' && ++d > max)
			max = d;
	}
	return max;
}

/*
 * Is the label whose source df holds nested too deep for libxml2's
 * default limit?  (The source as load_label() read it: the file is not
 * opened again.)
 */
static int
too_deep(struct diag_file *df, int *depth)
{
	const char	*src;
	size_t		 len;

	*depth = 0;
	if ((src = diag_file_source(df, &len)) == NULL)
		return 0;
	*depth = import_depth(src, len);
	return *depth >= 256;
}

/* Today's UTC date, or SOURCE_DATE_EPOCH's, as YYYY-MM-DD. */
static void
today(char *buf, size_t sz, int *y, int *m, int *d)
{
	const char	*env;
	time_t		 t;
	struct tm	 tm;

	t = time(NULL);
	if ((env = getenv("SOURCE_DATE_EPOCH")) != NULL && *env != '\0')
		t = (time_t)strtoll(env, NULL, 10);
	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	strftime(buf, sz, "%Y-%m-%d", &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

/* Parsing and repairing a label took at most 46 times its size. */
#define LABEL_PER_BYTE	48
/* A reservation this large is given back to the system when done. */
#define LABEL_TRIM	((size_t)64 << 20)

struct run {
	struct diag	*diag;
	struct schema	*schema;
	const char	*outdir;
	char		 today[16];
	int		 y, m, d;
	xmlHashTablePtr	 names;		/* NAMEs given out in this run */
	xmlHashTablePtr	 seen;		/* "SETID VERSION" -> its NAME */
	int		 imported, refused;
	/*
	 * -j: the workers of a pool (pool.c) take labels in order and build
	 * them at the same time, but a label's NAME depends on the labels
	 * before it (unique_name), so each takes its turn to be named, in
	 * argument order (turn).  The pool prints each label's messages in
	 * the same order once it and all before it are done.
	 */
	int		 replace;	/* -r: replace edited monographs */
	pthread_mutex_t	 lock;		/* guards the fields below */
	pthread_cond_t	 cond;		/* a turn has passed */
	char		**paths;
	int		 npaths;
	int		 turn;		/* label whose name is given next */
	struct result	*results;	/* per label */
	struct budget	 budget;	/* of memory (monoc.h) */
};

/* What a worker leaves for the main thread, per label. */
struct result {
	struct diag_file *df;
	char		*name;		/* NULL when refused before naming */
	int		 imported;
};

/*
 * The NAME for a label in this run: its generic NAME, or, when an
 * earlier label of the run has it, NAME-SETID8 (the first 8 characters
 * of the set id), then NAME-SETID8-vVERSION.  Returns NULL when taken.
 */
static char *
unique_name(struct run *r, const struct spl *spl, const char *base)
{
	char	 buf[128], set[9], ver[7];
	size_t	 i, n;

	snprintf(buf, sizeof(buf), "%s", base);
	if (xmlHashLookup(r->names, BAD_CAST buf) != NULL) {
		/* letters and digits only: a NAME is a file name and an id */
		n = 0;
		for (i = 0; spl->set_id != NULL && spl->set_id[i] != '\0' &&
		    n < 8; i++)
			if (isalnum((unsigned char)spl->set_id[i]))
				set[n++] = (char)tolower((unsigned char)
				    spl->set_id[i]);
		set[n] = '\0';
		if (n == 0)
			snprintf(set, sizeof(set), "noset");
		n = 0;
		for (i = 0; spl->version != NULL && spl->version[i] != '\0' &&
		    n < 6; i++)
			if (isalnum((unsigned char)spl->version[i]))
				ver[n++] = (char)tolower((unsigned char)
				    spl->version[i]);
		ver[n] = '\0';
		if (n == 0)
			snprintf(ver, sizeof(ver), "0");
		snprintf(buf, sizeof(buf), "%.54s-%s", base, set);
		if (xmlHashLookup(r->names, BAD_CAST buf) != NULL)
			snprintf(buf, sizeof(buf), "%.46s-%s-v%s", base, set,
			    ver);
	}
	if (strlen(buf) > 64 || xmlHashLookup(r->names,
	    BAD_CAST buf) != NULL)
		return NULL;
	xmlHashAddEntry(r->names, BAD_CAST buf, (void *)1);
	return strdup(buf);
}

/*
 * The bytes of s (n of them) around its first <reviewed> date: *a before
 * it, *b from its end tag on.  Returns 0 when s has none.
 */
static int
around_date(const char *s, size_t n, size_t *a, size_t *b)
{
	const char	*p, *q;

	if ((p = memmem(s, n, "<reviewed>", 10)) == NULL)
		return 0;
	p += 10;
	if ((q = memmem(p, n - (p - s), "</reviewed>", 11)) == NULL ||
	    q - p > 32)
		return 0;
	*a = p - s;
	*b = q - s;
	return 1;
}

/*
 * Is there a monograph at path that is not what this label makes, buf
 * (len bytes)?  One made from the same label differs at most in the date
 * it was reviewed on (the day it was imported); one edited since, made
 * from another label or by another version of monoc import differs more.
 * A path that cannot be read (a link, a directory) differs too.
 */
static int
edited(struct run *r, const char *path, const char *buf, size_t len)
{
	struct diag_file	*sdf;
	struct stat		 st;
	char			*old;
	size_t			 olen, a, b, oa, ob;
	int			 differs;

	if (lstat(path, &st) == -1 && errno == ENOENT)
		return 0;
	if ((sdf = diag_file_new(r->diag, path)) == NULL)
		return 1;
	old = load_read(path, sdf, &olen);
	diag_file_free(sdf);
	if (old == NULL)
		return 1;
	if (olen == len && memcmp(old, buf, len) == 0)
		differs = 0;
	else
		differs = !around_date(buf, len, &a, &b) ||
		    !around_date(old, olen, &oa, &ob) || oa != a ||
		    olen - ob != len - b || memcmp(old, buf, a) != 0 ||
		    memcmp(old + ob, buf + b, len - b) != 0;
	free(old);
	return differs;
}

/*
 * Keep the inline content of the cells, captions, paragraphs and
 * footnotes under n as written: one of inline elements alone (a strong
 * then a sup: "AUC<sub>inf</sub>") gets an empty text node, so that the
 * serialiser does not indent it, which would put a space between them.
 */
static void
keep_inline(xmlNodePtr n)
{
	static const char *const holders[] = { "td", "th", "caption", "p",
	    "footnote", NULL };
	const char *const	*h;
	xmlNodePtr		 c;
	int			 text, elems;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			keep_inline(c);
	for (h = holders; *h != NULL; h++)
		if (xmlStrEqual(n->name, BAD_CAST *h))
			break;
	if (n->type != XML_ELEMENT_NODE || *h == NULL)
		return;
	text = elems = 0;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE)
			text = 1;
		else if (c->type == XML_ELEMENT_NODE)
			elems++;
	if (!text && elems > 1)
		xmlAddPrevSibling(n->children, xmlNewDocText(n->doc,
		    BAD_CAST ""));
}

/*
 * Serialise the monograph, parse it back as monoc reads monographs,
 * validate and check it, and write it to path: nothing is written that
 * monoc --check would refuse.  Problems go to df.
 */
static int
write_checked(struct run *r, struct schema_vctx *vctx, xmlDocPtr mono,
    const char *path, struct diag_file *df)
{
	struct diag_file	*odf;
	struct check		*ck;
	xmlDocPtr		 back;
	xmlChar			*buf;
	char			*paths[1];
	int			 len, ret;

	ret = -1;
	keep_inline(xmlDocGetRootElement(mono));
	xmlDocDumpFormatMemoryEnc(mono, &buf, &len, "UTF-8", 1);
	if (buf == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return -1;
	}
	if ((odf = diag_file_new(r->diag, path)) == NULL) {
		xmlFree(buf);
		return -1;
	}
	paths[0] = (char *)path;
	/* check_new() sorts through a static pointer: one at a time */
	pthread_mutex_lock(&r->lock);
	ck = check_new(paths, 1);
	pthread_mutex_unlock(&r->lock);
	if (ck != NULL)
		check_set_review(ck, r->y, r->m, r->d, 1095);
	if ((back = load_memory(buf, (size_t)len, path, odf)) != NULL) {
		schema_validate(vctx, back, odf);
		if (ck != NULL)
			check_run(ck, back, 0, odf);
		xmlFreeDoc(back);
	}
	check_free(ck);
	if (diag_file_worst(odf) >= DIAG_ERROR) {
		diag_flush(r->diag, odf);
		diag_file_add(df, DIAG_FATAL, 0, 0, "import-bug",
		    "the monograph made from this label is not valid (a bug "
		    "in monoc import); '%s' not written", path);
	} else if (!r->replace && edited(r, path, (const char *)buf,
	    (size_t)len))
		diag_file_add(df, DIAG_ERROR, 0, 0, "edited",
		    "label refused: '%s' is not the monograph this label "
		    "makes (edited since it was imported, or made from "
		    "another label); it is kept as it is (monoc import -r "
		    "replaces it)", path);
	else if (output_write(path, buf, (size_t)len) == -1)
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
		    "cannot write '%s': %s", path, strerror(errno));
	else
		ret = 0;
	diag_file_free(odf);
	xmlFree(buf);
	return ret;
}

/* Wait for label i's turn to be named; returns with r->lock held. */
static void
turn_wait(struct run *r, int i)
{
	pthread_mutex_lock(&r->lock);
	while (r->turn != i)
		pthread_cond_wait(&r->cond, &r->lock);
}

/* End the turn taken by turn_wait(): the next label may be named. */
static void
turn_pass(struct run *r)
{
	r->turn++;
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->lock);
}


/*
 * Import label i (r->paths[i]); its messages go to res->df.  Runs in a
 * worker thread: everything but the naming, which takes its turn, runs
 * beside the other workers.
 */
static void
import_one(struct run *r, struct schema_vctx *vctx, int i,
    struct result *res)
{
	struct diag_file *df = res->df;
	const char	*path = r->paths[i];
	xmlDocPtr	 doc, mono;
	struct spl	*spl;
	char		*base, *name, *out;
	const char	*seen;
	struct stat	 st;
	size_t		 need, held;
	int		 depth, named;

	spl = NULL;
	mono = NULL;
	name = base = out = NULL;
	named = 0;
	held = stat(path, &st) == 0 && st.st_size > 0 ? LABEL_PER_BYTE *
	    (size_t)(st.st_size < LOAD_MAXSIZE ? st.st_size : LOAD_MAXSIZE) :
	    0;
	budget_take(&r->budget, held, 1);
	if ((doc = load_label(path, df)) == NULL) {
		if (too_deep(df, &depth))
			diag_file_add(df, DIAG_ERROR, 0, 0, "too-deep",
			    "label refused: its elements nest %d deep, past "
			    "the 256 levels libxml2 allows unless its "
			    "protection against hostile input is lifted",
			    depth);
		goto refused;
	}
	if ((spl = spl_read(doc)) == NULL) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "not-a-label",
		    "not an SPL label: the root element is not an HL7 v3 "
		    "<document>");
		goto refused;
	}
	if (!spl_doc_accepted(spl->doc_code)) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "not-a-drug-label",
		    "not a human drug label: document type %s (%s); monoc "
		    "import reads human prescription and OTC drug labels",
		    spl->doc_code != NULL ? spl->doc_code : "missing",
		    spl->doc_name != NULL ? spl->doc_name : "no name");
		goto refused;
	}
	if ((base = import_name(spl)) == NULL) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "no-name",
		    "label refused: its product data give no generic name");
		goto refused;
	}
	turn_wait(r, i);
	named = 1;
	/* keyed by both, whole: a cut key made two labels one */
	if ((seen = xmlHashLookup2(r->seen, BAD_CAST (spl->set_id ?
	    spl->set_id : ""), BAD_CAST (spl->version ? spl->version :
	    ""))) != NULL) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "duplicate-label",
		    "label refused: the same label (set id %s, version %s) is "
		    "already imported in this run as '%s'", spl->set_id ?
		    spl->set_id : "none", spl->version ? spl->version : "none",
		    seen);
		turn_pass(r);
		goto refused;
	}
	if ((name = unique_name(r, spl, base)) == NULL) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "duplicate-label",
		    "label refused: '%s' and its set-id variants are taken in "
		    "this run", base);
		turn_pass(r);
		goto refused;
	}
	xmlHashAddEntry2(r->seen, BAD_CAST (spl->set_id ? spl->set_id : ""),
	    BAD_CAST (spl->version ? spl->version : ""), strdup(name));
	turn_pass(r);
	res->name = strdup(name);
	need = held + MEM_PER_NODE * load_count_nodes(doc);
	if (need > r->budget.total) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "too-large", "label "
		    "refused: importing it would take about %zu MiB, more "
		    "than the memory budget of %zu MiB", need >> 20,
		    r->budget.total >> 20);
		goto refused;
	}
	if (!budget_take(&r->budget, need - held, 0)) {
		/* waiting while holding could deadlock two workers */
		xmlFreeDoc(doc);
		doc = NULL;
		spl_free(spl);
		spl = NULL;
		budget_give(&r->budget, held);
		budget_take(&r->budget, need, 1);
		held = need;
		if ((doc = load_label(path, df)) == NULL ||
		    (spl = spl_read(doc)) == NULL) {
			diag_file_add(df, DIAG_ERROR, 0, 0, "read", "the "
			    "label changed while it was imported");
			goto refused;
		}
	} else
		held = need;
	if ((mono = import_build(spl, name, r->today, df)) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		goto refused;
	}
	if (diag_file_worst(df) >= DIAG_ERROR)
		goto refused;
	if ((need = monoc_mem_compile(mono, 0)) > r->budget.total) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "too-large", "label "
		    "refused: compiling the monograph made from it would take "
		    "about %zu MiB, more than the memory budget of %zu MiB",
		    need >> 20, r->budget.total >> 20);
		goto refused;
	}
	if (asprintf(&out, "%s/%s.xml", r->outdir, name) == -1) {
		out = NULL;
		goto refused;
	}
	if (write_checked(r, vctx, mono, out, df) == -1)
		goto refused;
	res->imported = 1;
	goto done;
refused:
	if (!named) {
		turn_wait(r, i);
		turn_pass(r);
	}
done:
	free(out);
	free(base);
	free(name);
	xmlFreeDoc(mono);
	spl_free(spl);
	xmlFreeDoc(doc);
	budget_give(&r->budget, held);
}

/* Import label i in a worker of the pool: a pool_run_fn (pool.h). */
static void *
import_item(void *arg, struct schema_vctx *vctx, size_t i)
{
	struct run	*r = arg;
	struct result	*res = &r->results[i];

	if ((res->df = diag_file_new(r->diag, r->paths[i])) != NULL)
		import_one(r, vctx, (int)i, res);
	else {
		/* no room for its messages: still take its turn */
		turn_wait(r, (int)i);
		turn_pass(r);
	}
	return res;
}

/* Print label i's messages, in argument order: a pool_done_fn. */
static void
report_label(void *arg, size_t i, void *result)
{
	struct run	*r = arg;
	struct result	*res = result;

	if (res->name != NULL)
		diag_progress(r->diag, "[%zu/%d] %s", i + 1, r->npaths,
		    res->name);
	if (res->df == NULL)
		diag_msg(r->diag, DIAG_FATAL, "%s: out of memory",
		    r->paths[i]);
	else
		diag_flush(r->diag, res->df);
	if (res->imported)
		r->imported++;
	else
		r->refused++;
	diag_file_free(res->df);
	free(res->name);
}

static void
usage(FILE *f)
{
	fputs("usage: monoc import [-qr] [-j N] [-o DIR] LABEL.xml...\n", f);
}

static void
help(void)
{
	usage(stdout);
	fputs("\nStart monographs from FDA SPL labels: one DIR/NAME.xml in "
	    "format 2 per label.\n\n"
	    "  -j N     import N labels at a time (default: the number of "
	    "CPUs)\n"
	    "  -o DIR   write the monographs under DIR (default: .)\n"
	    "  -q       no summary line\n"
	    "  -r       replace a monograph of DIR that is not what its "
	    "label makes\n"
	    "           (one edited since it was imported, or made from "
	    "another label)\n", stdout);
}

/*
 * Import every label of r->paths with nw worker threads, printing each
 * label's messages (and the progress line) in argument order as soon as
 * it and all before it are done: the output is the same whatever nw.
 * Returns -1 when no worker could be started.
 */
static int
run_labels(struct run *r, long nw)
{
	int	 ret;

	if ((r->results = calloc(r->npaths, sizeof(*r->results))) == NULL)
		return -1;
	ret = pool_run((size_t)r->npaths, nw, r->schema, r->diag,
	    import_item, report_label, r);
	free(r->results);
	r->results = NULL;
	return ret;
}

/*
 * monoc import [-qr] [-j N] [-o DIR] LABEL.xml...: one monograph per
 * label in DIR (default "."), then a one-line summary unless -q.  Exit
 * status 0, 1 when a label was refused, 2 on a system error.
 */
int
import_main(int argc, char *argv[], FILE *err)
{
	struct run		 r;
	struct timespec		 t0, t1;
	char			*datadir, *end, path[4096];
	int			 c, quiet, errors, warnings, status;
	long			 jobs;
	xmlExternalEntityLoader	 loader;

	memset(&r, 0, sizeof(r));
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.cond, NULL);
	budget_init(&r.budget, 0, LABEL_TRIM);
	loader = NULL;
	r.outdir = ".";
	quiet = 0;
	jobs = 0;
	status = 2;
	datadir = NULL;
	optind = 1;
	opterr = 0;
	while ((c = getopt(argc, argv, ":o:qrj:h")) != -1) {
		switch (c) {
		case 'o':
			r.outdir = optarg;
			break;
		case 'r':
			r.replace = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || jobs < 1 ||
			    jobs > 1024) {
				fprintf(err, "monoc: import: invalid number "
				    "of jobs '%s'; expected 1 to 1024\n",
				    optarg);
				usage(err);
				goto out;
			}
			break;
		case 'h':
			help();
			status = 0;
			goto out;
		case ':':
			fprintf(err, "monoc: import: option '-%c' needs a "
			    "value\n", optopt);
			usage(err);
			goto out;
		default:
			fprintf(err, "monoc: import: unknown option '-%c'\n",
			    optopt);
			usage(err);
			goto out;
		}
	}
	if (optind == argc) {
		fputs("monoc: import: no label files\n", err);
		usage(err);
		goto out;
	}
	if (jobs == 0 && (jobs = sysconf(_SC_NPROCESSORS_ONLN)) < 1)
		jobs = 1;
	r.paths = argv + optind;
	r.npaths = argc - optind;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((r.diag = diag_new(err, 0)) == NULL ||
	    (r.names = xmlHashCreate(64)) == NULL ||
	    (r.seen = xmlHashCreate(64)) == NULL ||
	    (datadir = monoc_datadir()) == NULL ||
	    (r.budget.total = monoc_budget(r.diag)) == 0)
		goto out;
	/* reserved: a monograph's page index.html would be the index page */
	xmlHashAddEntry(r.names, BAD_CAST "index", (void *)1);
	xmlInitParser();
	LIBXML_TEST_VERSION
	xmlSetGenericErrorFunc(r.diag, diag_generic);
	snprintf(path, sizeof(path), "%s/schema/monograph.xsd", datadir);
	if ((r.schema = schema_load(path, r.diag)) == NULL)
		goto out;
	loader = load_lockdown();
	today(r.today, sizeof(r.today), &r.y, &r.m, &r.d);
	if (run_labels(&r, jobs) == -1) {
		diag_msg(r.diag, DIAG_FATAL, "cannot start worker threads");
		goto out;
	}
	diag_progress_end(r.diag);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	diag_counts(r.diag, &errors, &warnings);
	if (!quiet)
		diag_msg(r.diag, DIAG_NOTE, "imported %d, refused %d, %d "
		    "warning%s, %.1f s", r.imported, r.refused, warnings,
		    warnings == 1 ? "" : "s", (double)(t1.tv_sec -
		    t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	status = diag_status(r.diag);
out:
	if (loader != NULL)
		xmlSetExternalEntityLoader(loader);
	schema_free(r.schema);
	xmlHashFree(r.names, NULL);
	xmlHashFree(r.seen, free_link);
	free(datadir);
	diag_free(r.diag);
	pthread_cond_destroy(&r.cond);
	budget_destroy(&r.budget);
	pthread_mutex_destroy(&r.lock);
	return status;
}
