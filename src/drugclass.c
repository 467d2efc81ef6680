/*
 * Drug classes.  A class is written many ways ("NSAID" aside:
 * "nonsteroidal anti-inflammatory drug", "non-steroidal
 * anti-inflammatory drugs", "Atypical antipsychotic agent"); the index
 * page groups monographs by drugclass_key(), one key for all the ways
 * of writing one class, and monoc import writes the class a label's
 * Highlights state ("X is an atypical antipsychotic indicated for")
 * as drugclass_clean() gives it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "drugclass.h"
#include "spl.h"

/* Head words that add nothing to a class: "antiepileptic drug". */
static const char *const generic_heads[] = {
	"agent", "agents", "drug", "drugs", "medication", "medications",
	"medicine", "medicines", NULL
};

/* Longest class, in bytes, a label's sentence may give. */
#define CLASS_MAX	100
/* Most words in one. */
#define CLASS_WORDS	8

/*
 * Whether p (before end) starts a separator between the words of a
 * class: ASCII punctuation or space, a no-break space, or one of
 * Unicode's general punctuation (U+2000 to U+206F: dashes, the
 * non-breaking hyphen, thin spaces).  Sets *len to its length in
 * bytes when len is not NULL.  Other UTF-8 (alpha, beta) is a letter.
 */
static int
separator(const char *p, const char *end, size_t *len)
{
	const unsigned char	*u = (const unsigned char *)p;
	size_t			 n;

	n = 0;
	if (u[0] < 0x80 && !isalnum(u[0]))
		n = 1;
	else if (u[0] == 0xC2 && end - p >= 2 && u[1] == 0xA0)
		n = 2;
	else if (u[0] == 0xE2 && end - p >= 3 && (u[1] == 0x80 ||
	    (u[1] == 0x81 && u[2] <= 0xAF)))
		n = 3;
	if (len != NULL)
		*len = n;
	return n > 0;
}

static int
is_generic_head(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; generic_heads[i] != NULL; i++)
		if (strlen(generic_heads[i]) == n &&
		    strncmp(w, generic_heads[i], n) == 0)
			return 1;
	return 0;
}

/*
 * The class with a trailing abbreviation or code in brackets dropped:
 * "nonsteroidal anti-inflammatory drug (NSAID)", "kinase inhibitor
 * [EPC]".  Returns the length to keep.
 */
static size_t
without_tail(const char *s, size_t n)
{
	size_t	 i;
	char	 open;

	for (;;) {
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' ||
		    s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == '.'))
			n--;
		if (n == 0 || (s[n - 1] != ')' && s[n - 1] != ']'))
			return n;
		open = s[n - 1] == ')' ? '(' : '[';
		for (i = n - 1; i > 0 && s[i - 1] != open; i--)
			continue;
		if (i == 0)
			return n;
		n = i - 1;
	}
}

/*
 * The key a class is grouped by: its words in lower case run together
 * (so that "non-steroidal" is "nonsteroidal" and "HMG-CoA" "hmg co-a"),
 * without what is in brackets ("angiotensin converting enzyme (ACE)
 * inhibitor"), "analogue" spelt "analog", a trailing word such as
 * "agent" or "drugs" dropped when others are left, the last word
 * singular ("inhibitors": "inhibitor").  Returns a new string, "" when the
 * class has no words, NULL when out of memory.
 */
char *
drugclass_key(const char *cls)
{
	const char	*w[64];
	size_t		 wn[64], nw, n, i, len, o;
	const char	*p, *end;
	char		*out;
	int		 depth;

	len = without_tail(cls, strlen(cls));
	end = cls + len;
	if ((out = malloc(len + 1)) == NULL)
		return NULL;
	for (nw = 0, depth = 0, p = cls; p < end && nw < 64; p += n) {
		n = 0;
		while (p < end && (depth > 0 || separator(p, end, &n))) {
			if (*p == '(' || *p == '[')
				depth++;
			else if ((*p == ')' || *p == ']') && depth > 0)
				depth--;
			p += n > 0 ? n : 1;
			n = 0;
		}
		for (n = 0; p + n < end && !separator(p + n, end, NULL); n++)
			continue;
		if (n == 0)
			break;
		w[nw] = p;
		wn[nw] = n;
		/* the British spelling: "analog", "analogs" */
		if (n == 8 && strncasecmp(p, "analogue", 8) == 0)
			wn[nw] = 6;
		else if (n == 9 && strncasecmp(p, "analogues", 9) == 0) {
			w[nw] = "analogs";
			wn[nw] = 7;
		}
		nw++;
	}
	o = 0;
	for (i = 0; i < nw; i++)
		for (n = 0; n < wn[i]; n++)
			out[o++] = (char)tolower((unsigned char)w[i][n]);
	out[o] = '\0';
	/* the generic head words, from the end */
	while (nw > 1 && is_generic_head(out + o - wn[nw - 1], wn[nw - 1]))
		o -= wn[--nw];
	out[o] = '\0';
	/* the last word singular */
	if (nw > 0 && wn[nw - 1] > 3 && out[o - 1] == 's') {
		if (strcmp(out + o - 3, "ies") == 0) {
			out[o - 3] = 'y';
			out[o - 2] = '\0';
		} else if (out[o - 2] != 's' && out[o - 2] != 'u' &&
		    out[o - 2] != 'i')
			out[o - 1] = '\0';
	}
	return out;
}

/*
 * White space collapsed in place (spl_collapse()), a no-break space
 * taken for a space: labels put them between any two words.
 */
static void
plain_spaces(char *s)
{
	char	*p;

	for (p = s; (p = strstr(p, "\xc2\xa0")) != NULL; ) {
		memmove(p, p + 1, strlen(p + 1) + 1);
		*p = ' ';
	}
	spl_collapse(s);
}

/*
 * A class as a monograph writes it: white space collapsed, no leading
 * article, no trailing punctuation or abbreviation in brackets, lower
 * case when the label shouts it all in capitals (not an acronym such
 * as "NNRTI").  Returns a new
 * string, or NULL when nothing is left or out of memory.
 */
char *
drugclass_clean(const char *cls)
{
	char	*s, *p;
	size_t	 n;
	int	 lower;

	if (cls == NULL || (s = strdup(cls)) == NULL)
		return NULL;
	plain_spaces(s);
	p = s;
	if (strncasecmp(p, "a ", 2) == 0)
		p += 2;
	else if (strncasecmp(p, "an ", 3) == 0)
		p += 3;
	else if (strncasecmp(p, "the ", 4) == 0)
		p += 4;
	n = without_tail(p, strlen(p));
	memmove(s, p, n);
	s[n] = '\0';
	for (lower = 0, p = s; *p != '\0'; p++)
		if (islower((unsigned char)*p))
			lower = 1;
	if (!lower && (strchr(s, ' ') != NULL || strlen(s) > 6))
		for (p = s; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Words that say a phrase is not a class: "a combination of". */
static const char *const not_class[] = {
	"combination", "prescription", "product", "kit", "mixture",
	"solution", "tablet", "capsule", "injection", "suspension",
	"prodrug", "substitute", "indicated", "used", "approved", "also",
	"only", "now", "being", NULL
};

/*
 * Whether s, n bytes (a cleaned phrase), reads as one drug class: a
 * few words, none of those of not_class, no "or" or "and a" (two
 * classes, or a combination), not an adverb first ("also"), no
 * sentence punctuation.
 */
static int
plausible(const char *s, size_t n)
{
	size_t	 i, j, words, k, l, m;

	if (n < 3 || n > CLASS_MAX)
		return 0;
	for (words = 1, i = 0; i < n; i++) {
		if (s[i] == ';' || s[i] == ':' || s[i] == ',' ||
		    s[i] == '.' || s[i] == '"')
			return 0;
		if (s[i] == ' ')
			words++;
	}
	if (words > CLASS_WORDS)
		return 0;
	for (i = 0; i < n; i = k + 1) {
		for (k = i; k < n && s[k] != ' '; k++)
			continue;
		l = k - i;
		if ((l == 3 && strncasecmp(s + i, "and", 3) == 0 &&
		    (strncasecmp(s + k, " a ", 3) == 0 ||
		    strncasecmp(s + k, " an ", 4) == 0)) ||
		    (l == 3 && strncasecmp(s + i, "not", 3) == 0) ||
		    (l == 2 && strncasecmp(s + i, "or", 2) == 0) ||
		    (l == 4 && strncasecmp(s + i, "with", 4) == 0) ||
		    (l > 4 && strncasecmp(s + i + l - 2, "ly", 2) == 0 &&
		    i == 0))
			return 0;
		for (j = 0; not_class[j] != NULL; j++) {
			m = strlen(not_class[j]);
			if ((l == m || (l == m + 1 && (s[i + m] == 's' ||
			    s[i + m] == 'S'))) &&
			    strncasecmp(s + i, not_class[j], m) == 0)
				return 0;
		}
	}
	return 1;
}

/* Case-blind search for needle in [s, end). */
static const char *
find_ci(const char *s, const char *end, const char *needle)
{
	size_t	 n;

	n = strlen(needle);
	for (; s + n <= end; s++)
		if (strncasecmp(s, needle, n) == 0)
			return s;
	return NULL;
}

/*
 * The sentences that state a class, as data: what comes before the
 * class, what may end it, and whether the class must start in lower
 * case (without an article, "X tablets are L-thyroxine (T4)
 * indicated" names the drug, "are biguanide indicated" a class).
 */
static const struct stating {
	const char	*before;
	const char	*const after[8];
	int		 lower_start;
} statings[] = {
	{ " is a ",   { " indicated", " and may ", " and is ", " that ",
	    " which ", ". ", NULL }, 0 },
	{ " is an ",  { " indicated", " and may ", " and is ", " that ",
	    " which ", ". ", NULL }, 0 },
	{ " are a ",  { " indicated", " and may ", " and are ", " that ",
	    " which ", ". ", NULL }, 0 },
	{ " are an ", { " indicated", " and may ", " and are ", " that ",
	    " which ", ". ", NULL }, 0 },
	{ ", a ",     { ", is indicated", ", are indicated", NULL }, 0 },
	{ ", an ",    { ", is indicated", ", are indicated", NULL }, 0 },
	{ " is ",     { " indicated", NULL }, 1 },
	{ " are ",    { " indicated", NULL }, 1 },
};

static char	*stated(const char *text);

/*
 * The class a text states (the statings above: "X is a CLASS indicated
 * for", "X tablets are CLASS indicated", "X, a CLASS, is indicated",
 * and in the first sentence "X is a CLASS. X is indicated"): the first
 * in the text that reads as a class, cleaned (drugclass_clean()).
 * Returns a new string, or NULL when the text states none.
 */
char *
drugclass_stated(const char *text)
{
	char	*plain, *cls;

	if (text == NULL || (plain = strdup(text)) == NULL)
		return NULL;
	plain_spaces(plain);
	cls = stated(plain);
	free(plain);
	return cls;
}

/* drugclass_stated() of a text with plain spaces. */
static char *
stated(const char *text)
{
	const struct stating	*st;
	const char		*end, *at, *p, *stop, *e, *lim, *first;
	char			*phrase, *cls;
	size_t			 i, j, n;

	end = text + strlen(text);
	if ((first = strstr(text, ". ")) == NULL)
		first = end;
	for (p = text; p < end; p++)
		for (i = 0; i < sizeof(statings) / sizeof(statings[0]); i++) {
			st = &statings[i];
			n = strlen(st->before);
			if (strncasecmp(p, st->before, n) != 0)
				continue;
			at = p + n;
			if (st->lower_start && !islower((unsigned char)*at))
				continue;
			lim = end - at > 2 * CLASS_MAX ? at + 2 * CLASS_MAX :
			    end;
			stop = NULL;
			for (j = 0; st->after[j] != NULL; j++)
				if ((e = find_ci(at, lim, st->after[j])) !=
				    NULL && (stop == NULL || e < stop) &&
				    (strcmp(st->after[j], ". ") != 0 ||
				    e == first))
					stop = e;
			if (stop == NULL)
				continue;
			if ((phrase = strndup(at, (size_t)(stop - at))) ==
			    NULL)
				return NULL;
			cls = drugclass_clean(phrase);
			free(phrase);
			if (cls != NULL && plausible(cls, strlen(cls)))
				return cls;
			free(cls);
		}
	return NULL;
}

/*
 * The class the Highlights of a label state, from the excerpt of its
 * Indications and Usage section (34067-9) under body (structuredBody):
 * drugclass_stated() of its text.  NULL when there is none (labels in
 * the old format have no Highlights).
 */
char *
drugclass_of_label(xmlNodePtr body)
{
	xmlNodePtr	 c, s, t;
	char		*text, *cls;

	for (c = spl_child(body, "component"); c != NULL;
	    c = spl_next(c, "component")) {
		s = spl_child(c, "section");
		if (s == NULL || spl_attr(spl_child(s, "code"), "code") ==
		    NULL || strcmp(spl_attr(spl_child(s, "code"), "code"),
		    "34067-9") != 0)
			continue;
		if ((t = spl_path(s, "excerpt/highlight/text")) == NULL)
			continue;
		text = spl_text(t);
		cls = drugclass_stated(text);
		free(text);
		if (cls != NULL)
			return cls;
	}
	return NULL;
}
