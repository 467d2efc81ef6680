/*
 * grid.c: the grid of a general table of the model (a table with no
 * cols), in C: twins of common.xsl's templates table-layout (the
 * <ext:table-layout/> element) and table-widths (the ext:table-widths()
 * function), which the text and man renderers call for every table.
 * Real labels have hundreds of tables, some of hundreds of rows; in
 * XSLT the grid is built by recursive templates over strings of tokens,
 * which took most of the time of those two formats.
 *
 * The templates stay, as each one's fallback, for stock xsltproc; they
 * are the definition.  tests/ext-parity.sh checks, on every monograph,
 * fixture and test label, that monoc and xsltproc give the same bytes,
 * and tests/unit/test_grid.c checks the pieces on small tables.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/templates.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>

#include "buf.h"
#include "ext.h"
#include "grid.h"
#include "table.h"

/* The module holding the rows ext:grid-cell keeps (struct grid_rows). */
#define MONOC_GRID_NS	"urn:monoc:ext:grid"

/* The attribute name of the element e as an XPath number (NaN: none). */
static double
num_att(const xmlNode *e, const char *name)
{
	xmlChar	*v;
	double	 d;

	if ((v = xmlGetNoNsProp(e, BAD_CAST name)) == NULL)
		return NAN;
	d = xmlXPathStringEvalNumber(v);
	xmlFree(v);
	return d;
}

/*
 * An integer attribute of the model (colspan, rowspan), as the templates
 * compare it: "@rowspan > 1" is false when it is absent or not a number;
 * at most TABLE_MAXSPAN, as the checks allow (table.h).
 */
static int
int_att(const xmlNode *e, const char *name)
{
	double	 d;

	d = num_att(e, name);
	if (isnan(d) || d < 0)
		return 0;
	return d > TABLE_MAXSPAN ? TABLE_MAXSPAN : (int)d;
}

static int
grow_slots(struct grid *g)
{
	struct grid_slot	*s;
	size_t			 cap;

	if (g->nslots < g->cap)
		return 0;
	cap = g->cap == 0 ? 64 : 2 * g->cap;
	if ((s = realloc(g->slots, cap * sizeof(*s))) == NULL)
		return -1;
	g->slots = s;
	g->cap = cap;
	return 0;
}

static int
add_slot(struct grid *g, int col, int span, const xmlNode *cell, int ri,
    int ci, int cov)
{
	struct grid_slot	*s;

	if (grow_slots(g) == -1)
		return -1;
	s = &g->slots[g->nslots++];
	s->col = col;
	s->span = span;
	s->cell = cell;
	s->ri = ri;
	s->ci = ci;
	s->cov = cov;
	return 0;
}

/* A pending token of template grid-row: k more rows of the cell at. */
struct pend {
	int		 k;		/* 0: none */
	const xmlNode	*cell;
	int		 ri, ci;
};

/* The rows (head | row) of table, in document order. */
static int
table_rows(const xmlNode *table, struct grid *g)
{
	const xmlNode	*c;
	size_t		 n;

	n = 0;
	for (c = table->children; c != NULL; c = c->next)
		if (ext_is_model(c, "head") || ext_is_model(c, "row"))
			n++;
	if ((g->rows = calloc(n == 0 ? 1 : n, sizeof(*g->rows))) == NULL)
		return -1;
	for (c = table->children; c != NULL; c = c->next)
		if (ext_is_model(c, "head") || ext_is_model(c, "row"))
			g->rows[g->nrows++].row = c;
	return 0;
}

/*
 * Template table-grid for n columns: each row's slots (template
 * grid-cells), a cell covering the columns it spans and, for the rows
 * its rowspan reaches, a covered slot in each of them.  As the template
 * does, a cell spanning a column a cell above covers drops that cover.
 */
static int
build(struct grid *g, int n)
{
	struct pend	*pend, *next, *tp;
	const xmlNode	*cell, *c;
	size_t		 plen, nlen, p, r, cap;
	int		 col, ci, cs, rs, i, ri;

	cap = (size_t)n + 1;
	for (r = 0; r < g->nrows; r++)
		for (c = g->rows[r].row->children; c != NULL; c = c->next)
			if (ext_is_model(c, "cell"))
				cap += (size_t)(int_att(c, "colspan") > 1 ?
				    int_att(c, "colspan") : 1);
	pend = calloc(cap, sizeof(*pend));
	next = calloc(cap, sizeof(*next));
	if (pend == NULL || next == NULL) {
		free(pend);
		free(next);
		return -1;
	}
	plen = (size_t)n;		/* n tokens "0 " */
	for (r = 0; r < g->nrows; r++) {
		ri = (int)r + 1;
		g->rows[r].first = g->nslots;
		g->rows[r].cont = 0;
		for (p = 0; p < plen; p++)
			if (pend[p].k > 0)
				g->rows[r].cont = 1;
		cell = g->rows[r].row->children;
		while (cell != NULL && !ext_is_model(cell, "cell"))
			cell = cell->next;
		nlen = 0;
		p = 0;
		col = 1;
		ci = 1;
		while (col <= n) {
			tp = p < plen ? &pend[p] : NULL;
			if (tp != NULL && tp->k > 0) {
				if (add_slot(g, col, 1, tp->cell, tp->ri,
				    tp->ci, 1) == -1)
					goto fail;
				next[nlen] = *tp;
				next[nlen++].k = tp->k - 1;
				p++;
				col++;
			} else if (cell != NULL) {
				cs = int_att(cell, "colspan");
				cs = cs > 1 ? cs : 1;
				rs = int_att(cell, "rowspan");
				if (add_slot(g, col, cs, cell, ri, ci, 0) == -1)
					goto fail;
				p += (size_t)cs;
				for (i = 0; i < cs && nlen < cap; i++) {
					next[nlen].k = rs > 1 ? rs - 1 : 0;
					next[nlen].cell = cell;
					next[nlen].ri = ri;
					next[nlen++].ci = ci;
				}
				col += cs;
				ci++;
				do
					cell = cell->next;
				while (cell != NULL && !ext_is_model(cell, "cell"));
			} else {
				if (add_slot(g, col, 1, NULL, 0, 0, 0) == -1)
					goto fail;
				next[nlen++].k = 0;
				p++;
				col++;
			}
		}
		g->rows[r].nslots = g->nslots - g->rows[r].first;
		tp = pend;
		pend = next;
		next = tp;
		plen = nlen;
	}
	free(pend);
	free(next);
	return 0;
fail:
	free(pend);
	free(next);
	return -1;
}

/*
 * Template table-row-width: the widest row by the columns its cells
 * span, counted in a long and at most GRID_MAXWIDTH (a row of 30,000
 * cells each spanning 100,000 columns overflowed an int).
 */
#define GRID_MAXWIDTH	(INT_MAX / 4)

static int
row_width(const struct grid *g)
{
	const xmlNode	*c;
	size_t		 r;
	long		 w, max;

	max = 0;
	for (r = 0; r < g->nrows; r++) {
		w = 0;
		for (c = g->rows[r].row->children; c != NULL &&
		    w < GRID_MAXWIDTH; c = c->next)
			if (ext_is_model(c, "cell"))
				w += xmlHasProp(c, BAD_CAST "colspan") != NULL ?
				    int_att(c, "colspan") : 1;
		if (w > max)
			max = w;
	}
	return max > GRID_MAXWIDTH ? GRID_MAXWIDTH : (int)max;
}

/* Template table-layout-raw: the grid, cut to the columns cells reach. */
static int
layout_raw(struct grid *g)
{
	const xmlNode	*c;
	struct grid_slot *s;
	size_t		 r, i, k;
	int		 ws, extra, n;

	ws = row_width(g);
	extra = 0;
	for (r = 0; r < g->nrows && extra < GRID_MAXWIDTH; r++)
		for (c = g->rows[r].row->children; c != NULL &&
		    extra < GRID_MAXWIDTH; c = c->next)
			if (ext_is_model(c, "cell") && int_att(c, "rowspan") > 1)
				extra += xmlHasProp(c, BAD_CAST "colspan") !=
				    NULL ? int_att(c, "colspan") : 1;
	if (extra == 0) {
		g->n = ws;
		return build(g, ws);
	}
	if (build(g, ws + extra) == -1)
		return -1;
	n = 0;
	for (i = 0; i < g->nslots; i++)
		if (g->slots[i].cell != NULL &&
		    g->slots[i].col + g->slots[i].span - 1 > n)
			n = g->slots[i].col + g->slots[i].span - 1;
	/* keep the slots with col <= n, in place */
	k = 0;
	for (r = 0; r < g->nrows; r++) {
		s = &g->slots[g->rows[r].first];
		i = g->rows[r].nslots;
		g->rows[r].first = k;
		g->rows[r].nslots = 0;
		for (; i > 0; i--, s++)
			if (s->col <= n) {
				g->slots[k++] = *s;
				g->rows[r].nslots++;
			}
	}
	g->nslots = k;
	g->n = n;
	return 0;
}

/*
 * Template table-layout: with at most max columns, a column where no
 * slot starts (always spanned with the one before) is merged into it.
 */
int
grid_layout(const xmlNode *table, int max, struct grid *g)
{
	int	*start, *before;
	size_t	 i;
	int	 c, nstart, a, b;

	memset(g, 0, sizeof(*g));
	if (table_rows(table, g) == -1 || layout_raw(g) == -1)
		return -1;
	if (g->n > max || g->n <= 0)
		return 0;
	if ((start = calloc((size_t)g->n + 2, sizeof(*start))) == NULL ||
	    (before = calloc((size_t)g->n + 2, sizeof(*before))) == NULL) {
		free(start);
		return -1;
	}
	for (i = 0; i < g->nslots; i++)
		if (g->slots[i].col >= 1 && g->slots[i].col <= g->n)
			start[g->slots[i].col] = 1;
	/* before[c]: the starts at or before column c */
	nstart = 0;
	for (c = 1; c <= g->n; c++) {
		nstart += start[c];
		before[c] = nstart;
	}
	if (nstart != g->n) {
		for (i = 0; i < g->nslots; i++) {
			a = g->slots[i].col;
			b = a + g->slots[i].span;	/* starts in [a, b) */
			g->slots[i].col = before[a < g->n ? a : g->n];
			g->slots[i].span = before[b - 1 < g->n ? b - 1 :
			    g->n] - (a > 1 ? before[a - 1] : 0);
		}
		g->n = nstart;
	}
	free(start);
	free(before);
	return 0;
}

void
grid_free(struct grid *g)
{
	free(g->rows);
	free(g->slots);
	memset(g, 0, sizeof(*g));
}

/*
 * Give the general table t of the model (head, row, cell) no column that
 * no cell starts in: a cell spanning such a column spans one fewer.
 * Labels have them (a layout column always spanned, or covered only by a
 * cell of a row above); HTML may not (every column needs a cell that
 * begins in it), and text and man merged them anyway.  Columns where
 * only the empty slots of short rows start go too: HTML pads short rows
 * with empty cells.  Returns -1 when out of memory.
 */
int
grid_merge_columns(xmlNodePtr t)
{
	struct grid	 g;
	const struct grid_slot *s;
	xmlNodePtr	 cell;
	size_t		 i;
	int		*before, c, cs, span, ret;
	char		 num[16];

	if (grid_layout(t, -1, &g) == -1) {
		grid_free(&g);
		return -1;
	}
	ret = 0;
	if (g.n <= 0 || (before = calloc((size_t)g.n + 2,
	    sizeof(*before))) == NULL) {
		ret = g.n <= 0 ? 0 : -1;
		grid_free(&g);
		return ret;
	}
	/* before[c]: how many columns up to c a cell starts in */
	for (i = 0, s = g.slots; i < g.nslots; i++, s++)
		if (s->cell != NULL && !s->cov && s->col >= 1 &&
		    s->col <= g.n)
			before[s->col] = 1;
	for (c = 1; c <= g.n + 1; c++)
		before[c] += before[c - 1];
	for (i = 0, s = g.slots; i < g.nslots && before[g.n] < g.n; i++,
	    s++) {
		if (s->cell == NULL || s->cov)
			continue;
		cell = (xmlNodePtr)s->cell;
		cs = int_att(cell, "colspan");
		c = s->col + s->span - 1 < g.n ? s->col + s->span - 1 : g.n;
		span = before[c] - before[s->col - 1];
		if ((cs > 1 ? cs : 1) == span)
			continue;
		if (span <= 1)
			xmlUnsetProp(cell, BAD_CAST "colspan");
		else {
			snprintf(num, sizeof(num), "%d", span);
			if (xmlSetProp(cell, BAD_CAST "colspan",
			    BAD_CAST num) == NULL)
				ret = -1;
		}
	}
	free(before);
	grid_free(&g);
	return ret;
}

/* ---- widths: template table-widths, table-natural and cell-word ---- */

/* Is the character at s (UTF-8) one of the characters of set? */
static size_t
in_set(const char *s, const char *set)
{
	size_t	 n, k;

	n = 1;
	while ((s[n] & 0xC0) == 0x80)
		n++;
	for (; *set != '\0'; set += k) {
		k = 1;
		while ((set[k] & 0xC0) == 0x80)
			k++;
		if (k == n && memcmp(s, set, n) == 0)
			return n;
	}
	return 0;
}

/*
 * The longest token of s split at the characters of delims (as
 * str:tokenize, empty tokens dropped), in characters, each counted with
 * plus; -1 when there is no token.
 */
static long
longest_token(const char *s, const char *delims, long plus)
{
	long	 len, max;
	size_t	 k;

	max = -1;
	len = 0;
	while (*s != '\0') {
		if ((k = in_set(s, delims)) > 0) {
			if (len > 0 && len + plus > max)
				max = len + plus;
			len = 0;
			s += k;
			continue;
		}
		if ((*s & 0xC0) != 0x80)
			len++;
		s++;
	}
	if (len > 0 && len + plus > max)
		max = len + plus;
	return max;
}

/* Has e a descendant element NAME? How many? */
static long
count_desc(const xmlNode *e, const char *name)
{
	const xmlNode	*c;
	long		 n;

	n = 0;
	for (c = e->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			if (ext_is_model(c, name))
				n++;
			n += count_desc(c, name);
		}
	return n;
}

/*
 * The cites descendants of e into the running maximum *max, as cell-word
 * counts them: the citation group joined to the last word before it,
 * and each word of a locator.
 */
static void
cites_words(const xmlNode *e, long *max)
{
	const xmlNode	*c, *k;
	xmlChar		*before, *v;
	const char	*b, *last;
	long		 w, lw;
	size_t		 n;

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!ext_is_model(c, "cites")) {
			cites_words(c, max);
			continue;
		}
		before = c->prev != NULL ? xmlNodeGetContent(c->prev) : NULL;
		b = before != NULL ? (const char *)before : "";
		w = 3;
		for (k = c->children; k != NULL && !ext_is_model(k, "c"); k = k->next)
			;
		if (k != NULL && (v = xmlGetNoNsProp(k, BAD_CAST "n")) !=
		    NULL) {
			w += (long)ext_u8chars((char *)v, strlen((char *)v));
			xmlFree(v);
		}
		n = strlen(b);
		if (n > 0 && !ext_is_space(b[n - 1])) {
			/* the last space-separated token of before */
			last = strrchr(b, ' ');
			last = last == NULL ? b : last + 1;
			lw = (long)ext_u8chars(last, strlen(last));
			w += lw;
		}
		if (w > *max)
			*max = w;
		xmlFree(before);
		for (k = c->children; k != NULL; k = k->next)
			if (ext_is_model(k, "c") &&
			    (v = xmlGetNoNsProp(k, BAD_CAST "at")) != NULL) {
				if ((w = longest_token((char *)v, " ", 1)) >
				    *max)
					*max = w;
				xmlFree(v);
			}
	}
}

/* The cell's text, normalize-space()d (malloc'd; NULL: out of memory). */
static char *
cell_text(const xmlNode *cell)
{
	xmlChar	*v;
	char	*n;

	if ((v = xmlNodeGetContent(cell)) == NULL)
		return NULL;
	n = ext_normalize((const char *)v);
	xmlFree(v);
	return n;
}

/*
 * The longest word of the token tok (NUL-terminated, no space): all of
 * it, or, when it holds one of breaks, its longest piece between them
 * and one more for the break it ends with.
 */
static long
token_word(const char *tok, const char *breaks)
{
	const char	*q;

	for (q = tok; *q != '\0' && *breaks != '\0'; q++)
		if ((*q & 0xC0) != 0x80 && in_set(q, breaks) > 0)
			return longest_token(tok, breaks, 1);
	return (long)ext_u8chars(tok, strlen(tok));
}

/*
 * Template cell-word: the longest word of the cell, a word what the
 * format's line breaker never breaks (see common.xsl).
 */
long
grid_cell_word(const xmlNode *cell, const char *breaks)
{
	char	*s, *tok, *end, save;
	long	 max, w;

	max = 0;
	if ((s = cell_text(cell)) != NULL) {
		/* normalised: one space between tokens */
		for (tok = s; *tok != '\0'; tok = *end != '\0' ? end + 1 :
		    end) {
			end = tok + strcspn(tok, " ");
			save = *end;
			*end = '\0';
			if ((w = token_word(tok, breaks)) > max)
				max = w;
			*end = save;
		}
		free(s);
	}
	cites_words(cell, &max);
	return max + 3 * (count_desc(cell, "fnref") > 0) +
	    (count_desc(cell, "sup") > 0 || count_desc(cell, "sub") > 0);
}

/* The natural length of a cell: its text, 4 a citation group, 3 a mark. */
static long
cell_len(const xmlNode *cell)
{
	char	*s;
	long	 n;

	n = 0;
	if ((s = cell_text(cell)) != NULL) {
		n = (long)ext_u8chars(s, strlen(s));
		free(s);
	}
	return n + 4 * count_desc(cell, "cites") +
	    3 * count_desc(cell, "fnref");
}

/*
 * What a cell spanning k columns asks of each column's longest word
 * (template table-natural): ceiling((word - gutter * (k - 1)) / k), 0
 * when that is not positive.
 */
static long
span_share(const xmlNode *cell, const char *breaks, int k, double gutter)
{
	double	 share;

	share = ceil(((double)grid_cell_word(cell, breaks) -
	    gutter * (k - 1)) / k);
	return share > 0 ? (long)share : 0;
}

/*
 * Template table-widths: the widths of the n columns given the natural
 * length nat[] and longest word word[] of each, that fill avail; see
 * common.xsl.  Returns "W1 W2 ... Wn " (each followed by a space),
 * "list", or "" for no columns; NULL when out of memory.
 */
char *
grid_widths(int n, const long *nat, const long *word, double avail,
    double least)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	char		 num[32];
	double		 total, extra, lack, lo, w;
	int		 c, fits;

	total = 0;
	for (c = 0; c < n; c++)
		total += (double)nat[c];
	fits = 1;
	for (c = 0; c < n && fits; c++)
		if (least + floor((double)nat[c] * (avail - n * least) /
		    total) < (double)word[c])
			fits = 0;
	if (fits) {
		for (c = 0; c < n; c++) {
			snprintf(num, sizeof(num), "%.0f ", least +
			    floor((double)nat[c] * (avail - n * least) /
			    total));
			buf_str(&b, num);
		}
		if (b.p == NULL && !b.fail)
			return strdup("");
		return buf_done(&b);
	}
	extra = avail;
	lack = 0;
	for (c = 0; c < n; c++) {
		lo = (double)word[c] > least ? (double)word[c] : least;
		extra -= lo;
		if ((double)nat[c] > lo)
			lack += (double)nat[c] - lo;
	}
	if (extra < 0)
		return strdup("list");
	for (c = 0; c < n; c++) {
		lo = (double)word[c] > least ? (double)word[c] : least;
		w = lack > 0 && (double)nat[c] > lo ? lo +
		    floor(((double)nat[c] - lo) * extra / lack) : lo;
		snprintf(num, sizeof(num), "%.0f ", w);
		buf_str(&b, num);
	}
	return buf_done(&b);
}

/*
 * The widths of the columns of the grid g, as template table-widths
 * gives them for its slots (table-natural, cell-word): "W1 ... Wn ",
 * "list", or ""; NULL when out of memory.
 */
static char *
grid_widths_of(const struct grid *g, double avail, double least,
    const char *breaks, double gutter)
{
	const struct grid_slot	*s;
	long			*nat, *word, len, wd;
	size_t			 i;
	int			 c;
	char			*res;

	nat = calloc((size_t)g->n + 1, sizeof(*nat));
	word = calloc((size_t)g->n + 1, sizeof(*word));
	res = NULL;
	if (nat != NULL && word != NULL) {
		for (c = 0; c < g->n; c++)
			nat[c] = -1;
		for (i = 0, s = g->slots; i < g->nslots; i++, s++) {
			if (s->cov || s->cell == NULL || s->col < 1 ||
			    s->col > g->n)
				continue;
			if (s->span > 1) {
				wd = span_share(s->cell, breaks, s->span,
				    gutter);
				for (c = s->col - 1; c < s->col - 1 + s->span &&
				    c < g->n; c++)
					if (wd > word[c])
						word[c] = wd;
				continue;
			}
			len = cell_len(s->cell);
			wd = grid_cell_word(s->cell, breaks);
			if (len > nat[s->col - 1])
				nat[s->col - 1] = len;
			if (wd > word[s->col - 1])
				word[s->col - 1] = wd;
		}
		for (c = 0; c < g->n; c++)
			if (nat[c] < 0 || (double)nat[c] <= least)
				nat[c] = (long)least;
		res = grid_widths(g->n, nat, word, avail, least);
	}
	free(nat);
	free(word);
	return res;
}

/* Cell ci (from 1) of the model row, NULL when it has none. */
static const xmlNode *
nth_cell(const xmlNode *row, double ci)
{
	const xmlNode	*c;

	if (row == NULL || !(ci >= 1) || ci != floor(ci))
		return NULL;
	for (c = row->children; c != NULL; c = c->next)
		if (ext_is_model(c, "cell") && --ci < 1)
			return c;
	return NULL;
}

/*
 * The grid g of n columns of the table whose layout, as the stylesheet
 * has it, is the r elements rs (template table-layout's, or, for a
 * table monoc makes itself, table-grid's): the slots with a cell, each
 * found by its ri and ci.  Returns -1 when out of memory.
 */
static int
grid_of_nodes(const xmlNode *table, xmlNodeSetPtr rs, int n, struct grid *g)
{
	const xmlNode	*s, *cell;
	xmlChar		*v;
	double		 col, span, ri, ci;
	size_t		 i;
	int		 has;

	if (table_rows(table, g) == -1)
		return -1;
	g->n = n;
	for (i = 0; rs != NULL && i < (size_t)rs->nodeNr; i++)
		for (s = rs->nodeTab[i]->children; s != NULL; s = s->next) {
			if (!ext_is_model(s, "s") ||
			    xmlHasProp(s, BAD_CAST "cov") ||
			    (v = xmlGetNoNsProp(s, BAD_CAST "cell")) == NULL)
				continue;
			has = *v != '\0';
			xmlFree(v);
			col = num_att(s, "col");
			span = num_att(s, "span");
			ri = num_att(s, "ri");
			ci = num_att(s, "ci");
			if (!has || !(span >= 1 && span <= TABLE_MAXCOLS) ||
			    span != floor(span) || !(col >= 1 && col <= n) ||
			    col != floor(col) || !(ri >= 1 &&
			    ri <= (double)g->nrows) || ri != floor(ri))
				continue;
			cell = nth_cell(g->rows[(size_t)ri - 1].row, ci);
			if (cell != NULL && add_slot(g, (int)col, (int)span,
			    cell, (int)ri, 0, 0) == -1)
				return -1;
		}
	return 0;
}

/*
 * ext:table-widths(table, grid, n, avail, least, breaks[, gutter]):
 * template table-widths with the same parameters (gutter 0 when not
 * given), grid the r elements of the table's layout.
 */
static void
xp_table_widths(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	 t, gr;
	xmlChar			*breaks;
	struct grid		 g;
	double			 n, avail, least, gutter;
	char			*res;

	if (nargs != 6 && nargs != 7) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	gutter = nargs == 7 ? xmlXPathPopNumber(ctxt) : 0;
	breaks = xmlXPathPopString(ctxt);
	least = xmlXPathPopNumber(ctxt);
	avail = xmlXPathPopNumber(ctxt);
	n = xmlXPathPopNumber(ctxt);
	gr = valuePop(ctxt);
	t = valuePop(ctxt);
	memset(&g, 0, sizeof(g));
	res = NULL;
	if (ctxt->error != XPATH_EXPRESSION_OK || t == NULL || gr == NULL ||
	    t->type != XPATH_NODESET || gr->type != XPATH_NODESET ||
	    t->nodesetval == NULL || t->nodesetval->nodeNr < 1 ||
	    isnan(n) || n < 0 || n > 100000) {
		if (ctxt->error == XPATH_EXPRESSION_OK)
			xmlXPathSetTypeError(ctxt);
	} else if (grid_of_nodes(t->nodesetval->nodeTab[0], gr->nodesetval,
	    (int)n, &g) == -1 || (res = grid_widths_of(&g, avail, least,
	    (const char *)breaks, gutter)) == NULL) {
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
	} else
		xmlXPathReturnString(ctxt, xmlStrdup(BAD_CAST res));
	free(res);
	grid_free(&g);
	xmlFree(breaks);
	xmlXPathFreeObject(t);
	xmlXPathFreeObject(gr);
}

/*
 * The rows (head, row) of the last table of the transformation's source
 * document that ext:grid-cell was asked about, so that finding the ri-th
 * is one step: the per-transformation data of the extension module.
 * Tables of result tree fragments are not kept (one may be freed and
 * another made where it was); they are walked.
 */
struct grid_rows {
	const xmlNode	 *table;
	const xmlNode	**rows;
	size_t		  nrows;
};

static void *
rows_init(xsltTransformContextPtr ctxt, const xmlChar *uri)
{
	(void)ctxt;
	(void)uri;
	return calloc(1, sizeof(struct grid_rows));
}

static void
rows_free(xsltTransformContextPtr ctxt, const xmlChar *uri, void *data)
{
	struct grid_rows	*gr = data;

	(void)ctxt;
	(void)uri;
	if (gr != NULL)
		free(gr->rows);
	free(gr);
}

/* The ri-th (from 1) head or row of the table t, walking its children. */
static const xmlNode *
walk_row(const xmlNode *t, double ri)
{
	const xmlNode	*c;

	for (c = t->children; c != NULL; c = c->next)
		if ((ext_is_model(c, "head") || ext_is_model(c, "row")) &&
		    --ri < 1)
			return c;
	return NULL;
}

/* The ri-th head or row of t, from the rows kept when t is a source's. */
static const xmlNode *
nth_row(xmlXPathParserContextPtr ctxt, const xmlNode *t, double ri)
{
	xsltTransformContextPtr	 tc;
	struct grid_rows	*gr;
	const xmlNode		**rows, *c;
	size_t			 n;

	tc = xsltXPathGetTransformContext(ctxt);
	if (tc == NULL || tc->document == NULL || t->doc !=
	    tc->document->doc || (gr = xsltGetExtData(tc,
	    BAD_CAST MONOC_GRID_NS)) == NULL) {
		return walk_row(t, ri);
	}
	if (gr->table != t) {
		gr->table = NULL;
		n = 0;
		for (c = t->children; c != NULL; c = c->next)
			if (ext_is_model(c, "head") || ext_is_model(c, "row"))
				n++;
		if ((rows = realloc(gr->rows, (n + 1) * sizeof(*rows))) ==
		    NULL)
			return walk_row(t, ri);
		gr->rows = rows;
		gr->nrows = 0;
		for (c = t->children; c != NULL; c = c->next)
			if (ext_is_model(c, "head") || ext_is_model(c, "row"))
				gr->rows[gr->nrows++] = c;
		gr->table = t;
	}
	return ri <= (double)gr->nrows ? gr->rows[(size_t)ri - 1] : NULL;
}

/*
 * ext:grid-cell(table, ri, ci): cell ci of the ri-th of the table's head
 * and row elements, as ($table/head | $table/row)[ri]/cell[ci] (an empty
 * node-set when there is none), for the slots of template table-layout.
 * XPath finds it by testing the predicate on every row, which made
 * tables of many rows quadratic; here the rows are counted once a table.
 */
static void
xp_grid_cell(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	 t;
	xmlNodePtr		 found;
	double			 ri, ci;

	if (nargs != 3) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	ci = xmlXPathPopNumber(ctxt);
	ri = xmlXPathPopNumber(ctxt);
	t = valuePop(ctxt);
	if (ctxt->error != XPATH_EXPRESSION_OK || t == NULL ||
	    t->type != XPATH_NODESET) {
		if (ctxt->error == XPATH_EXPRESSION_OK)
			xmlXPathSetTypeError(ctxt);
		xmlXPathFreeObject(t);
		return;
	}
	found = NULL;
	if (t->nodesetval != NULL && t->nodesetval->nodeNr > 0 &&
	    ri >= 1 && ci >= 1 && ri == floor(ri) && ci == floor(ci))
		found = (xmlNodePtr)nth_cell(nth_row(ctxt,
		    t->nodesetval->nodeTab[0], ri), ci);
	xmlXPathFreeObject(t);
	valuePush(ctxt, xmlXPathNewNodeSet(found));
}

/*
 * The value of the attribute name of e as a number, read in place (no
 * copy): what XPath's number(@name) gives for the integers the grid
 * writes; NaN when absent or anything else.
 */
static double
slot_num(const xmlNode *e, const char *name)
{
	const xmlAttr	*a;

	for (a = e->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST name))
			return a->children != NULL && a->children->next ==
			    NULL && a->children->type == XML_TEXT_NODE ?
			    xmlXPathStringEvalNumber(a->children->content) :
			    num_att(e, name);
	return NAN;
}

/*
 * ext:col-heads(grid, col): the s elements of the r elements of grid of
 * kind head that stand over column col, as grid[@kind = 'head']/s[not(
 * @cov) and @col <= col and @col + @span > col] (common.xsl's
 * mx:col-heads), in document order.
 */
static void
xp_col_heads(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	 gr, ret;
	const xmlNode		*r, *s;
	xmlChar			*kind;
	double			 col, c, span;
	size_t			 i;
	int			 head;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	col = xmlXPathPopNumber(ctxt);
	gr = valuePop(ctxt);
	if (ctxt->error != XPATH_EXPRESSION_OK || gr == NULL ||
	    gr->type != XPATH_NODESET) {
		if (ctxt->error == XPATH_EXPRESSION_OK)
			xmlXPathSetTypeError(ctxt);
		xmlXPathFreeObject(gr);
		return;
	}
	if ((ret = xmlXPathNewNodeSet(NULL)) == NULL) {
		xmlXPathFreeObject(gr);
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	for (i = 0; gr->nodesetval != NULL &&
	    i < (size_t)gr->nodesetval->nodeNr; i++) {
		r = gr->nodesetval->nodeTab[i];
		if (r->type != XML_ELEMENT_NODE)
			continue;
		kind = xmlGetNoNsProp(r, BAD_CAST "kind");
		head = xmlStrEqual(kind, BAD_CAST "head");
		xmlFree(kind);
		if (!head)
			continue;
		for (s = r->children; s != NULL; s = s->next) {
			if (s->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(s->name, BAD_CAST "s") ||
			    s->ns != NULL || xmlHasProp(s, BAD_CAST "cov"))
				continue;
			c = slot_num(s, "col");
			span = slot_num(s, "span");
			if (c <= col && c + span > col &&
			    xmlXPathNodeSetAdd(ret->nodesetval,
			    (xmlNodePtr)s) == -1) {
				xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
				break;
			}
		}
	}
	xmlXPathFreeObject(gr);
	valuePush(ctxt, ret);
}

/*
 * ext:zip(cells, rule, spaces, ruler): template t-zip of text.xsl (its
 * fallback): the c elements cells (w, align, the lines of a wrapped
 * cell) side by side, each padded to w, two spaces apart, trailing spaces
 * dropped, each line ended by a newline; with rule true, one line of
 * each cell's width of the ruler.  Padding and rules are at most as long
 * as the stylesheet's spaces and ruler, as substring() makes them there.
 */
struct zcell {
	const char	*text;		/* the lines, '\n' between them */
	long		 w;
	int		 align;		/* 'l', 'r', 'c' */
};

/* The k-th line (from 0) of s: its start, and its length in bytes. */
static const char *
nth_line(const char *s, long k, size_t *len)
{
	const char	*e;

	for (; k > 0 && s != NULL; k--)
		s = (s = strchr(s, '\n')) != NULL ? s + 1 : NULL;
	if (s == NULL) {
		*len = 0;
		return "";
	}
	*len = (e = strchr(s, '\n')) != NULL ? (size_t)(e - s) : strlen(s);
	return s;
}

/* The first n characters of the UTF-8 string s (n may be negative). */
static void
add_prefix(struct buf *b, const char *s, long n)
{
	if (n > 0)
		buf_add(b, s, ext_u8bytes(s, strlen(s), (size_t)n));
}

static char *
zip(const struct zcell *c, size_t n, int rule, const char *spaces,
    const char *ruler)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	const char	*l;
	size_t		 i, len, start;
	long		 k, gap, left, lines, rows, rulerlen;

	/* a line for each line of the tallest cell that is not empty;
	   one line of rules */
	rows = rule ? 1 : 0;
	for (i = 0; i < n && !rule; i++) {
		if (*c[i].text == '\0')
			continue;
		lines = 1;
		for (l = c[i].text; (l = strchr(l, '\n')) != NULL; l++)
			lines++;
		if (lines > rows)
			rows = lines;
	}
	rulerlen = (long)ext_u8chars(ruler, strlen(ruler));
	for (k = 0; k < rows; k++) {
		start = b.len;
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_str(&b, "  ");
			if (rule) {
				/* substring(ruler, 1, w), then the gap */
				add_prefix(&b, ruler, c[i].w);
				gap = c[i].w - (c[i].w < rulerlen ? c[i].w :
				    rulerlen);
				left = 0;
			} else {
				l = nth_line(c[i].text, k, &len);
				gap = c[i].w - (long)ext_u8chars(l, len);
				left = c[i].align == 'r' ? gap :
				    c[i].align == 'c' ? (long)floor((double)gap /
				    2) : 0;
				add_prefix(&b, spaces, left);
				buf_add(&b, l, len);
			}
			add_prefix(&b, spaces, gap - left);
		}
		while (b.len > start && b.p[b.len - 1] == ' ')
			b.p[--b.len] = '\0';
		buf_str(&b, "\n");
	}
	if (b.p == NULL && !b.fail)
		return strdup("");
	return buf_done(&b);
}

static void
xp_zip(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	 cells;
	xmlChar			*spaces, *ruler, **texts, *a;
	struct zcell		*zc;
	const xmlNode		*e;
	size_t			 n, i;
	double			 w;
	int			 rule;
	char			*res;

	if (nargs != 4) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	ruler = xmlXPathPopString(ctxt);
	spaces = xmlXPathPopString(ctxt);
	rule = xmlXPathPopBoolean(ctxt);
	cells = valuePop(ctxt);
	zc = NULL;
	texts = NULL;
	res = NULL;
	n = 0;
	if (ctxt->error != XPATH_EXPRESSION_OK || cells == NULL ||
	    cells->type != XPATH_NODESET || spaces == NULL || ruler == NULL) {
		if (ctxt->error == XPATH_EXPRESSION_OK)
			xmlXPathSetTypeError(ctxt);
		goto done;
	}
	n = cells->nodesetval != NULL ? (size_t)cells->nodesetval->nodeNr : 0;
	zc = calloc(n + 1, sizeof(*zc));
	texts = calloc(n + 1, sizeof(*texts));
	if (zc == NULL || texts == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		e = cells->nodesetval->nodeTab[i];
		if ((texts[i] = xmlNodeGetContent(e)) == NULL &&
		    (texts[i] = xmlStrdup(BAD_CAST "")) == NULL)
			goto oom;
		zc[i].text = (const char *)texts[i];
		w = NAN;
		if ((a = xmlGetNoNsProp(e, BAD_CAST "w")) != NULL) {
			w = xmlXPathStringEvalNumber(a);
			xmlFree(a);
		}
		zc[i].w = isnan(w) ? 0 : w > 10000 ? 10000 : w < -10000 ?
		    -10000 : (long)floor(w + 0.5);
		zc[i].align = 'l';
		if ((a = xmlGetNoNsProp(e, BAD_CAST "align")) != NULL) {
			if (strcmp((char *)a, "right") == 0)
				zc[i].align = 'r';
			else if (strcmp((char *)a, "center") == 0)
				zc[i].align = 'c';
			xmlFree(a);
		}
	}
	if ((res = zip(zc, n, rule, (char *)spaces, (char *)ruler)) == NULL)
		goto oom;
	xmlXPathReturnString(ctxt, xmlStrdup(BAD_CAST res));
	goto done;
oom:
	xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
done:
	for (i = 0; texts != NULL && i < n; i++)
		xmlFree(texts[i]);
	free(texts);
	free(zc);
	free(res);
	xmlFree(spaces);
	xmlFree(ruler);
	xmlXPathFreeObject(cells);
}

/* An attribute on the result element e, a number. */
static int
att_num(xmlNodePtr e, const char *name, int v)
{
	char	 num[24];

	snprintf(num, sizeof(num), "%d", v);
	return xmlNewProp(e, BAD_CAST name, BAD_CAST num) != NULL ? 0 : -1;
}

/* The attribute name of the model element from, if it has one, on e. */
static int
copy_att(xmlNodePtr e, const xmlNode *from, const char *name)
{
	xmlChar	*v;
	int	 ret;

	if ((v = xmlGetNoNsProp(from, BAD_CAST name)) == NULL)
		return 0;
	ret = xmlNewProp(e, BAD_CAST name, v) != NULL ? 0 : -1;
	xmlFree(v);
	return ret;
}

/* The value of the stylesheet's global variable name as a number. */
static double
sheet_num(xsltTransformContextPtr ctxt, const char *name)
{
	xmlChar	*v;
	double	 d;

	if ((v = ext_sheet_var(ctxt, name)) == NULL)
		return NAN;
	d = xmlXPathStringEvalNumber(v);
	xmlFree(v);
	return d;
}

/* A number attribute on e, as XPath writes the number. */
static int
att_xnum(xmlNodePtr e, const char *name, double v)
{
	xmlChar	*s;
	int	 ret;

	if ((s = xmlXPathCastNumberToString(v)) == NULL)
		return -1;
	ret = xmlNewProp(e, BAD_CAST name, s) != NULL ? 0 : -1;
	xmlFree(s);
	return ret;
}

/* The number an attribute value template of inst gives, NaN for none. */
static double
avt_num(xsltTransformContextPtr ctxt, xmlNodePtr inst, const char *name)
{
	xmlChar	*v;
	double	 d;

	if ((v = xsltEvalAttrValueTemplate(ctxt, inst, BAD_CAST name,
	    NULL)) == NULL)
		return NAN;
	d = xmlXPathStringEvalNumber(v);
	xmlFree(v);
	return d;
}

/*
 * The widths of the grid g for <ext:table-layout room="..."/>: "list"
 * when it has more than max columns, else template table-widths for
 * avail = room - gutter * (n - 1) and the element's least and breaks.
 * *gutter gets the gutter.  NULL when out of memory.
 */
static char *
layout_widths(xsltTransformContextPtr ctxt, xmlNodePtr inst,
    const struct grid *g, const xmlChar *room, double max, double *gutter)
{
	xmlChar	*breaks;
	double	 least;
	char	*ws;

	*gutter = avt_num(ctxt, inst, "gutter");
	least = avt_num(ctxt, inst, "least");
	if (g->n > max)
		return strdup("list");
	if ((breaks = xsltEvalAttrValueTemplate(ctxt, inst,
	    BAD_CAST "breaks", NULL)) == NULL &&
	    (breaks = xmlStrdup(BAD_CAST "")) == NULL)
		return NULL;
	ws = grid_widths_of(g, xmlXPathStringEvalNumber(room) -
	    *gutter * (g->n - 1), least, (const char *)breaks, *gutter);
	xmlFree(breaks);
	return ws;
}

/*
 * The slot s's w (the widths of the columns it spans and the gutters
 * between them) and cw (the width of its first column) on se, from the
 * nws widths wv; NaN past the last width, as sum-tokens gives.
 */
static int
slot_widths(xmlNodePtr se, const struct grid_slot *s, const double *wv,
    size_t nws, double gutter)
{
	double	 w;
	int	 c;

	w = gutter * (s->span - 1);
	for (c = s->col; c < s->col + s->span; c++)
		w += c >= 1 && (size_t)c <= nws ? wv[c - 1] : NAN;
	return att_xnum(se, "w", w) == -1 || att_xnum(se, "cw",
	    s->col >= 1 && (size_t)s->col <= nws ? wv[s->col - 1] : NAN) ==
	    -1 ? -1 : 0;
}

/*
 * <ext:table-layout/>, context a general table of the model: what
 * template table-layout writes, g with n holding one r a row (kind,
 * cont) and one s a slot (col, span, cell, ri, ci, cov, and the cell's
 * align and header).  cell is not
 * generate-id() of the cell, only as unique, and empty for an empty
 * slot, which is all the renderers read of it.  The largest grid that
 * merges its always-spanned columns is the stylesheet's table-grid-max;
 * with raw="yes", none does (template table-layout-raw).
 */
static void
xe_table_layout(xsltTransformContextPtr ctxt, xmlNodePtr node,
    xmlNodePtr inst, xsltElemPreCompPtr comp)
{
	struct grid	 g;
	const struct grid_slot *s;
	xmlNodePtr	 ge, re, se;
	xmlChar		*raw, *room;
	double		 max, gutter, *wv = NULL;
	size_t		 r, i, nws;
	const char	*q;
	char		 id[48], *ws, *e;
	int		 bad;

	(void)comp;
	max = sheet_num(ctxt, "table-grid-max");
	if ((raw = xmlGetNoNsProp(inst, BAD_CAST "raw")) != NULL) {
		if (xmlStrEqual(raw, BAD_CAST "yes"))
			max = -1;	/* no column merged */
		xmlFree(raw);
	}
	if (node->type != XML_ELEMENT_NODE || isnan(max))
		goto fail;
	if (grid_layout(node, max > INT_MAX ? INT_MAX : (int)max, &g) == -1)
		goto fail;
	ws = NULL;
	nws = 0;
	gutter = 0;
	if ((room = xsltEvalAttrValueTemplate(ctxt, inst, BAD_CAST "room",
	    NULL)) != NULL && *room != '\0' &&
	    (ws = layout_widths(ctxt, inst, &g, room, max, &gutter)) ==
	    NULL) {
		xmlFree(room);
		grid_free(&g);
		goto fail;
	}
	xmlFree(room);
	bad = (ge = ext_result_el(ctxt, ctxt->insert, "g")) == NULL ||
	    att_num(ge, "n", g.n) == -1 || (ws != NULL &&
	    xmlNewProp(ge, BAD_CAST "ws", BAD_CAST ws) == NULL);
	/* the widths as numbers, for the slots' w and cw */
	if (ws != NULL && strcmp(ws, "list") != 0 &&
	    (wv = calloc((size_t)g.n + 1, sizeof(*wv))) != NULL)
		for (q = ws; nws < (size_t)g.n && *q != '\0'; nws++) {
			wv[nws] = strtod(q, &e);
			q = *e == ' ' ? e + 1 : e;
		}
	for (r = 0; r < g.nrows && !bad; r++) {
		re = ext_result_el(ctxt, ge, "r");
		bad = re == NULL || xmlNewProp(re, BAD_CAST "kind",
		    g.rows[r].row->name) == NULL || (g.rows[r].cont &&
		    xmlNewProp(re, BAD_CAST "cont", BAD_CAST "yes") == NULL);
		s = &g.slots[g.rows[r].first];
		for (i = 0; i < g.rows[r].nslots && !bad; i++, s++) {
			se = ext_result_el(ctxt, re, "s");
			if (s->cell != NULL)
				snprintf(id, sizeof(id), "c%d.%d", s->ri,
				    s->ci);
			else
				*id = '\0';
			bad = se == NULL || att_num(se, "col", s->col) ==
			    -1 || att_num(se, "span", s->span) == -1 ||
			    xmlNewProp(se, BAD_CAST "cell", BAD_CAST id) ==
			    NULL;
			if (!bad && s->cell != NULL)
				bad = att_num(se, "ri", s->ri) == -1 ||
				    att_num(se, "ci", s->ci) == -1 ||
				    (s->cov && xmlNewProp(se, BAD_CAST "cov",
				    BAD_CAST "yes") == NULL) ||
				    (!s->cov && (copy_att(se, s->cell,
				    "align") == -1 || copy_att(se, s->cell,
				    "header") == -1));
			if (!bad && wv != NULL)
				bad = slot_widths(se, s, wv, nws, gutter) == -1;
		}
	}
	grid_free(&g);
	free(ws);
	free(wv);
	if (!bad)
		return;
fail:
	xsltTransformError(ctxt, NULL, inst, "%s: out of memory\n",
	    (const char *)inst->name);
	ctxt->state = XSLT_STATE_STOPPED;
}

int
grid_register(const char *ns)
{
	if (xsltRegisterExtModule(BAD_CAST MONOC_GRID_NS, rows_init,
	    rows_free) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "table-widths",
	    BAD_CAST ns, xp_table_widths) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "grid-cell",
	    BAD_CAST ns, xp_grid_cell) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "col-heads",
	    BAD_CAST ns, xp_col_heads) != 0 ||
	    xsltRegisterExtModuleFunction(BAD_CAST "zip",
	    BAD_CAST ns, xp_zip) != 0 ||
	    xsltRegisterExtModuleElement(BAD_CAST "table-layout",
	    BAD_CAST ns, NULL, xe_table_layout) != 0)
		return -1;
	return 0;
}
