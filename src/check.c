/*
 * Rules beyond the schema.
 *
 * Each rule is a function in the table rules[] below, called with the
 * parsed document; it reports through diag_file_add_node() so the message
 * points at the offending element or attribute.  Rules must not assume the
 * document is schema-valid: they run on invalid documents too, so that one
 * run reports every problem.
 *
 * Rules across inputs (unique ids) are decided from the input list alone,
 * in check_new(), so the result does not depend on the order in which
 * worker threads finish.  This works because the id must equal the file
 * stem: two inputs can only share an id that is valid if they share a stem.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "check.h"
#include "diag.h"

struct check {
	char		**paths;	/* the inputs, in order */
	char		**stems;
	size_t		 *first;	/* first input with the same stem */
	size_t		  n;
};

struct rule_ctx {
	const struct check	*check;
	xmlDocPtr		 doc;
	xmlNodePtr		 root;
	size_t			 input;
	struct diag_file	*df;
	const char		*code;		/* the running rule's code */
};

typedef void	rule_fn(struct rule_ctx *);

static rule_fn	rule_id_stem;
static rule_fn	rule_id_unique;

/* The rules, run in this order.  Add new ones here. */
static const struct rule {
	const char	*code;
	rule_fn		*fn;
} rules[] = {
	{ "id-mismatch",	rule_id_stem },
	{ "duplicate-id",	rule_id_unique },
};

/* The base name of path without a trailing ".xml"; the caller frees. */
char *
check_stem(const char *path)
{
	const char	*base;
	char		*stem;
	size_t		 len;

	base = strrchr(path, '/');
	base = base == NULL ? path : base + 1;
	if ((stem = strdup(base)) == NULL)
		return NULL;
	len = strlen(stem);
	if (len > 4 && strcmp(stem + len - 4, ".xml") == 0)
		stem[len - 4] = '\0';
	return stem;
}

static const char *const *sort_stems;

static int
cmp_stem(const void *a, const void *b)
{
	size_t	 i = *(const size_t *)a, j = *(const size_t *)b;
	int	 c;

	if ((c = strcmp(sort_stems[i], sort_stems[j])) != 0)
		return c;
	return i < j ? -1 : i > j;
}

/*
 * Prepare the checks for a run over the n inputs paths[].  Called once in
 * the main thread; check_run() only reads the result.
 */
struct check *
check_new(char *const paths[], size_t n)
{
	struct check	*check;
	size_t		*order, i;

	order = NULL;
	if ((check = calloc(1, sizeof(*check))) == NULL)
		return NULL;
	check->n = n;
	if ((check->paths = calloc(n + 1, sizeof(char *))) == NULL ||
	    (check->stems = calloc(n + 1, sizeof(char *))) == NULL ||
	    (check->first = calloc(n + 1, sizeof(size_t))) == NULL ||
	    (order = calloc(n + 1, sizeof(size_t))) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		check->paths[i] = paths[i];
		if ((check->stems[i] = check_stem(paths[i])) == NULL)
			goto fail;
		order[i] = i;
	}
	/* qsort has no context argument; check_new runs before threads. */
	sort_stems = (const char *const *)check->stems;
	qsort(order, n, sizeof(*order), cmp_stem);
	for (i = 0; i < n; i++)
		check->first[order[i]] = i > 0 && strcmp(check->stems[order[i]],
		    check->stems[order[i - 1]]) == 0 ?
		    check->first[order[i - 1]] : order[i];
	free(order);
	return check;
fail:
	free(order);
	check_free(check);
	return NULL;
}

void
check_free(struct check *check)
{
	size_t	 i;

	if (check == NULL)
		return;
	if (check->stems != NULL)
		for (i = 0; i < check->n; i++)
			free(check->stems[i]);
	free(check->stems);
	free(check->paths);
	free(check->first);
	free(check);
}

/* The root's id attribute equals the file stem. */
static void
rule_id_stem(struct rule_ctx *c)
{
	const char	*stem = c->check->stems[c->input];
	xmlChar		*id;

	if ((id = xmlGetProp(c->root, BAD_CAST "id")) == NULL)
		return;		/* the schema reports a missing id */
	if (strcmp((char *)id, stem) != 0)
		diag_file_add_node(c->df, DIAG_ERROR, c->root, "id",
		    c->code, "monograph id '%s' does not match the "
		    "file name; rename the file to '%s.xml' or set id='%s'",
		    (char *)id, (char *)id, stem);
	xmlFree(id);
}

/* No two inputs of one run have the same id. */
static void
rule_id_unique(struct rule_ctx *c)
{
	const struct check	*ck = c->check;
	size_t			 first = ck->first[c->input];
	xmlChar			*id;

	if (first == c->input ||
	    (id = xmlGetProp(c->root, BAD_CAST "id")) == NULL)
		return;
	if (strcmp((char *)id, ck->stems[c->input]) == 0)
		diag_file_add_node(c->df, DIAG_ERROR, c->root, "id",
		    c->code, "monograph id '%s' is also used by "
		    "'%s'", (char *)id, ck->paths[first]);
	xmlFree(id);
}

/*
 * Run every rule on doc, the document of input number input.  Returns the
 * number of rules that reported an error or warning.
 */
int
check_run(const struct check *check, xmlDocPtr doc, size_t input,
    struct diag_file *df)
{
	struct rule_ctx	 c;
	size_t		 i, before;
	int		 failed;

	if (doc == NULL || input >= check->n ||
	    (c.root = xmlDocGetRootElement(doc)) == NULL)
		return 0;
	c.check = check;
	c.doc = doc;
	c.input = input;
	c.df = df;
	failed = 0;
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		before = diag_file_count(df);
		c.code = rules[i].code;
		rules[i].fn(&c);
		if (diag_file_count(df) > before)
			failed++;
	}
	return failed;
}
