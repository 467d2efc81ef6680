/*
 * The words of a PLR label's Highlights, read for import.c: locators,
 * dates of recent major changes, lists of the most common adverse
 * reactions, interaction agents and the doses of a dosing bullet.  Each
 * reader accepts only what reads one way; anything else gives nothing,
 * and the importer keeps the label's words as they are.
 */
#define _GNU_SOURCE		/* strcasestr() */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "highlights.h"

/* Is c white space (ASCII, or the no-break space's second byte)? */
static int
space(const char *s)
{
	return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
}

/*
 * Is t[a..b) a locator's inside: section numbers ("5.1", "8", "2.1 ,
 * 2.2", "5.1 to 5.16", "5.1, 8.5")?  The numbers go into num.
 */
static size_t
locator_numbers(const char *t, size_t a, size_t b, char num[][HL_NUMSZ],
    size_t max, size_t have)
{
	size_t	 i, j, n;

	n = have;
	for (i = a; i < b; ) {
		if (space(t + i) || t[i] == ',') {
			i++;
			continue;
		}
		if (b - i >= 2 && strncmp(t + i, "to", 2) == 0) {
			i += 2;
			continue;
		}
		if (b - i >= 3 && strncmp(t + i, "and", 3) == 0) {
			i += 3;
			continue;
		}
		if (!isdigit((unsigned char)t[i]))
			return (size_t)-1;
		for (j = i; j < b && (isdigit((unsigned char)t[j]) ||
		    (t[j] == '.' && j + 1 < b && isdigit((unsigned char)
		    t[j + 1]))); j++)
			;
		if (j - i >= HL_NUMSZ)
			return (size_t)-1;
		if (n < max) {
			memcpy(num[n], t + i, j - i);
			num[n][j - i] = '\0';
		}
		n++;
		i = j;
	}
	return n == have ? (size_t)-1 : n;
}

/*
 * The section numbers of the locators in text, "(5.1, 8.5)", in order,
 * at most max into num; returns how many.  *cut (when not NULL) is where
 * a locator that ends the text begins (white space before it included,
 * a full stop after it ignored), else the text's length.
 */
size_t
hl_numbers(const char *text, char num[][HL_NUMSZ], size_t max, size_t *cut)
{
	const char	*o, *c;
	size_t		 n, k, end, a;

	n = 0;
	end = strlen(text);
	if (cut != NULL)
		*cut = end;
	for (o = strchr(text, '('); o != NULL; o = strchr(o + 1, '(')) {
		if ((c = strchr(o, ')')) == NULL)
			break;
		k = locator_numbers(text, (size_t)(o - text) + 1,
		    (size_t)(c - text), num, max, n);
		if (k == (size_t)-1)
			continue;
		n = k;
		/* does it end the text? */
		for (a = (size_t)(c - text) + 1; a < end &&
		    (space(text + a) || text[a] == '.'); a++)
			;
		if (a == end && cut != NULL) {
			for (a = (size_t)(o - text); a > 0 &&
			    space(text + a - 1); a--)
				;
			*cut = a;
		}
	}
	return n < max ? n : max;
}

/*
 * A date of a recent major change at s: "9/2021" or "09/2021" (a month),
 * "9/14/2021" (a day), as "2021-09" or "2021-09-14" into out; *len the
 * characters read.  0 when s holds none.
 */
int
hl_date(const char *s, size_t *len, char *out, size_t size)
{
	int	 m, d, y, n;

	m = d = y = 0;
	n = 0;
	if (!isdigit((unsigned char)*s))
		return 0;
	if (sscanf(s, "%2d/%2d/%4d%n", &m, &d, &y, &n) == 3 && n > 0 &&
	    !isdigit((unsigned char)s[n]) && y >= 1990 && y <= 2099 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
	    isdigit((unsigned char)s[n - 4])) {
		snprintf(out, size, "%04d-%02d-%02d", y, m, d);
		*len = (size_t)n;
		return 1;
	}
	n = 0;
	if (sscanf(s, "%2d/%4d%n", &m, &y, &n) == 2 && n > 0 &&
	    !isdigit((unsigned char)s[n]) && s[n] != '/' && y >= 1990 &&
	    y <= 2099 && m >= 1 && m <= 12 &&
	    isdigit((unsigned char)s[n - 4])) {
		snprintf(out, size, "%04d-%02d", y, m);
		*len = (size_t)n;
		return 1;
	}
	return 0;
}

/*
 * The monograph element a PLR section number belongs to ("5.11":
 * warnings), or NULL for one the format has no element for (13, 14, 15).
 */
const char *
hl_plr_element(const char *num)
{
	static const char *const el[] = {
		NULL, "uses", "dosing", "forms", "contraindications",
		"warnings", "adverse-effects", "interactions", "populations",
		"abuse-and-dependence", "overdose", "description",
		"clinical-pharmacology", NULL, NULL, NULL, "supply",
		"safe-use"
	};
	char	*e;
	long	 n;

	if (num == NULL || !isdigit((unsigned char)*num))
		return NULL;
	n = strtol(num, &e, 10);
	if ((*e != '\0' && *e != '.') || n < 1 ||
	    n >= (long)(sizeof(el) / sizeof(el[0])))
		return NULL;
	return el[n];
}

/* A copy of s[a..b) without white space or the punctuation at either
   end ("and" before the last item dropped); NULL if nothing is left. */
static char *
item(const char *s, size_t a, size_t b)
{
	char	*t;

	while (a < b && (space(s + a) || s[a] == ',' || s[a] == ';'))
		a++;
	if (b - a > 4 && strncasecmp(s + a, "and ", 4) == 0)
		a += 4;
	else if (b - a > 3 && strncasecmp(s + a, "or ", 3) == 0)
		a += 3;
	while (b > a && (space(s + b - 1) || s[b - 1] == '.' ||
	    s[b - 1] == ',' || s[b - 1] == ';' || s[b - 1] == ':'))
		b--;
	if (a == b || (t = strndup(s + a, b - a)) == NULL)
		return NULL;
	return t;
}

/*
 * Split list[0..len) into its items at the commas outside brackets, and
 * the last one at its " and " when no comma comes before that "and"
 * ("a, b, c and d"; but "fatigue and somnolence, b, and c" keeps its
 * first item whole).  Copies into items (free() each); returns how many.
 * A list without a comma is one item.
 */
size_t
hl_split(const char *list, size_t len, char **items, size_t max)
{
	size_t	 i, a, n, last, k;
	int	 depth, comma;

	n = 0;
	depth = 0;
	comma = 0;
	last = 0;
	for (a = i = 0; i <= len && n < max; i++) {
		if (i < len && (list[i] == '(' || list[i] == '['))
			depth++;
		else if (i < len && (list[i] == ')' || list[i] == ']') &&
		    depth > 0)
			depth--;
		if (i < len && (list[i] != ',' || depth > 0))
			continue;
		if (i < len)
			comma = 1;
		last = a;
		if ((items[n] = item(list, a, i)) != NULL)
			n++;
		a = i + 1;
	}
	/* "b and c" at the end of "a, b and c" */
	if (comma && n > 0 && n < max && strncasecmp(list + last +
	    strspn(list + last, " "), "and ", 4) != 0) {
		const char	*s = items[n - 1], *p, *and;

		and = NULL;
		depth = 0;
		for (p = s; *p != '\0'; p++) {
			if (*p == '(')
				depth++;
			else if (*p == ')' && depth > 0)
				depth--;
			else if (depth == 0 && strncmp(p, " and ", 5) == 0)
				and = p;
		}
		if (and != NULL) {
			k = (size_t)(and - s);
			items[n] = item(s, k + 5, strlen(s));
			items[n - 1][k] = '\0';
			if (items[n] != NULL)
				n++;
		}
	}
	return n;
}

/* The first of the words ws at or after s outside brackets (depth 0),
   NULL if none. */
static const char *
outside(const char *s, const char *w)
{
	const char	*p;
	int		 depth;
	size_t		 n;

	n = strlen(w);
	depth = 0;
	for (p = s; *p != '\0'; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0 && strncasecmp(p, w, n) == 0)
			return p;
	}
	return NULL;
}

/*
 * Where the list of a "most common adverse reactions" bullet is: after
 * its colon, else after " are " or " were " ("The most common adverse
 * reactions (>= 1%) were nausea, ..."), up to the first full stop or
 * semicolon outside brackets and without the locator.  Returns 1 with
 * *start and *len; 0 when the text is not such a bullet or lists nothing
 * (a lead-in ending in a colon: its items follow as bullets of their
 * own, each read with hl_common() too, after its colon).
 */
int
hl_common(const char *text, size_t *start, size_t *len)
{
	const char	*p, *l, *e, *s;
	char		 num[4][HL_NUMSZ];
	size_t		 cut;
	int		 said;

	said = (p = strcasestr(text, "most common")) != NULL;
	if (!said)
		p = text;
	if ((l = outside(p, ":")) != NULL)
		l++;
	else if (said && (l = outside(p, " are ")) != NULL)
		l += 5;
	else if (said && (l = outside(p, " were ")) != NULL)
		l += 6;
	else if (said && (l = outside(p, " include ")) != NULL)
		l += 9;
	else
		return 0;
	l += strspn(l, " ");
	e = l + strlen(l);
	if ((s = outside(l, ". ")) != NULL && s < e)
		e = s;
	if ((s = outside(l, ";")) != NULL && s < e)
		e = s;
	cut = strlen(text);
	if (hl_numbers(l, num, 4, &cut) > 0 && l + cut < e)
		e = l + cut;
	/* a locator inside, "... and rash. (6) To report ...": up to it */
	if ((s = strstr(l, " (")) != NULL && s < e &&
	    hl_numbers(s, num, 4, NULL) > 0 && s[2] != '\0' &&
	    isdigit((unsigned char)s[2 + strspn(s + 2, " ")]))
		e = s;
	while (e > l && (space(e - 1) || e[-1] == '.'))
		e--;
	if (e == l)
		return 0;
	*start = (size_t)(l - text);
	*len = (size_t)(e - l);
	return 1;
}

/*
 * The agents of an interaction bullet "Agent, other agent: what
 * happens" (the part before its first colon outside brackets, at most
 * 80 characters and 10 words, with no full stop), each into agents
 * (free()); *len the length of that part.  0 when the bullet does not
 * read so.
 */
size_t
hl_agents(const char *text, size_t *len, char **agents, size_t max)
{
	const char	*c, *p;
	size_t		 n, words;

	if ((c = outside(text, ":")) == NULL || c == text ||
	    (size_t)(c - text) > 80)
		return 0;
	for (words = 1, p = text; p < c; p++) {
		if (*p == '.' && p + 1 < c && space(p + 1))
			return 0;
		if (space(p))
			words++;
	}
	if (words > 10)
		return 0;
	*len = (size_t)(c - text);
	n = hl_split(text, *len, agents, max);
	return n;
}

/*
 * The kind of an interaction agent: a class when it names one by a
 * plural or a class word ("strong CYP3A4 inhibitors", "live vaccines",
 * "HIV protease inhibitor (lopinavir plus ritonavir)"), food for a
 * juice or food, else a drug.
 */
const char *
hl_agent_kind(const char *agent)
{
	static const char *const cls[] = {
		"inhibitor", "inducer", "agent", "drug", "product",
		"medication", "medicine", "vaccine", "blocker", "antagonist",
		"agonist", "substrate", "antacid", "diuretic", "steroid",
		"contraceptive", "antibiotic", "antidepressant", "opioid",
		"benzodiazepine", "anticoagulant", "nsaid", "ssri", "snri",
		"maoi", "statin", "glycoside", "supplement", NULL
	};
	size_t	 i;

	if (strcasestr(agent, "juice") != NULL ||
	    strcasestr(agent, "food") != NULL)
		return "food";
	for (i = 0; cls[i] != NULL; i++)
		if (strcasestr(agent, cls[i]) != NULL)
			return "class";
	return "drug";
}

/* ---------------------------------------------------------------- */
/* Doses                                                            */
/* ---------------------------------------------------------------- */

/* If s starts with word w (case ignored) and a word boundary, skip. */
static int
word(const char **s, const char *w)
{
	size_t	 n;

	n = strlen(w);
	if (strncasecmp(*s, w, n) != 0 || isalnum((unsigned char)(*s)[n]))
		return 0;
	*s += n;
	*s += strspn(*s, " ");
	return 1;
}

/* A quantity at *s (digits, one dot): copied into q. */
static int
number(const char **s, char *q, size_t size)
{
	size_t	 n;

	n = strspn(*s, "0123456789");
	if (n == 0)
		return 0;
	if ((*s)[n] == '.' && isdigit((unsigned char)(*s)[n + 1]))
		n += 1 + strspn(*s + n + 1, "0123456789");
	if ((*s)[n] == ',' && isdigit((unsigned char)(*s)[n + 1]))
		return 0;		/* "1,000": not read */
	if (n >= size)
		return 0;
	memcpy(q, *s, n);
	q[n] = '\0';
	*s += n;
	*s += strspn(*s, " ");
	return 1;
}

/*
 * A dose at *s: "10 mg", "10 to 80 mg", "0.5 mg/kg", then how often
 * ("once daily", "twice a day", "every 12 hours", "daily", "per day",
 * "/day"), all into d.  0 when it does not read so.
 */
static int
dose(const char **s, struct hl_dose *d)
{
	static const struct { const char *w, *unit; } units[] = {
		{ "mg/kg", "mg/kg" }, { "mcg/kg", "mcg/kg" },
		{ "mg/m2", "mg/m2" }, { "mg", "mg" }, { "mcg", "mcg" },
		{ "g", "g" }, { "mL", "mL" }, { "units", "units" },
		{ NULL, NULL }
	};
	static const struct { const char *w, *times, *per; } often[] = {
		{ "once daily", "1", "day" }, { "once a day", "1", "day" },
		{ "twice daily", "2", "day" }, { "twice a day", "2", "day" },
		{ "three times daily", "3", "day" },
		{ "three times a day", "3", "day" },
		{ "four times daily", "4", "day" },
		{ "four times a day", "4", "day" },
		{ "once weekly", "1", "week" }, { "once a week", "1", "week" },
		{ "per day", "", "day" }, { "daily", "", "day" },
		{ "/day", "", "day" }, { "a day", "", "day" },
		{ NULL, NULL, NULL }
	};
	const char	*p;
	size_t		 i;

	memset(d, 0, sizeof(*d));
	p = *s;
	if (!number(&p, d->low, sizeof(d->low)))
		return 0;
	if (word(&p, "to") || (*p == '-' && (p++, 1))) {
		p += strspn(p, " ");
		if (!number(&p, d->high, sizeof(d->high)))
			return 0;
	}
	for (i = 0; units[i].w != NULL; i++)
		if (word(&p, units[i].w))
			break;
	if (units[i].w == NULL)
		return 0;
	snprintf(d->unit, sizeof(d->unit), "%s", units[i].unit);
	for (i = 0; often[i].w != NULL; i++)
		if (word(&p, often[i].w) || (often[i].w[0] == '/' &&
		    strncmp(p, often[i].w, strlen(often[i].w)) == 0 &&
		    (p += strlen(often[i].w), 1))) {
			snprintf(d->times, sizeof(d->times), "%s",
			    often[i].times);
			snprintf(d->per, sizeof(d->per), "%s", often[i].per);
			break;
		}
	if (often[i].w == NULL && word(&p, "every")) {
		if (!number(&p, d->interval, sizeof(d->interval)))
			return 0;
		if (word(&p, "hours") || word(&p, "hour"))
			snprintf(d->interval_unit, sizeof(d->interval_unit),
			    "hour");
		else
			return 0;
	}
	p += strspn(p, " ");
	*s = p;
	return 1;
}

/*
 * One statement of a dosing bullet, the whole of it: "[Pediatric]
 * [recommended] starting|start|initial dose[ is|:] DOSE", "[recommended]
 * dose range[ is|:] DOSE", "recommended dose[ is|:] DOSE",
 * "maximum [recommended] [daily] dose[ is|:] DOSE", or the table words
 * "Initial: DOSE", "Recommended: DOSE", "Maximum: DOSE".
 */
static int
statement(const char *s, struct hl_dosing *d)
{
	struct hl_dose	 q;
	const char	*p;
	int		 kind;		/* 0 start, 1 usual, 2 max */

	p = s + strspn(s, " ");
	(void)(word(&p, "pediatric") || word(&p, "adult"));
	(void)word(&p, "the");
	kind = -1;
	if (word(&p, "initial:"))
		kind = 0;
	else if (word(&p, "recommended:"))
		kind = 1;
	else if (word(&p, "maximum:"))
		kind = 2;
	else {
		(void)word(&p, "recommended");
		if (word(&p, "starting") || word(&p, "start") ||
		    word(&p, "initial"))
			kind = 0;
		else if (word(&p, "maximum")) {
			kind = 2;
			(void)word(&p, "recommended");
			(void)word(&p, "daily");
		}
		if (kind != -1 && !word(&p, "dose"))
			return 0;
		if (kind == -1 && word(&p, "dose")) {
			kind = 1;
			(void)word(&p, "range");
		}
		if (kind == -1)
			return 0;
		if (*p == ':')
			p++;
		else if (!word(&p, "is"))
			return 0;
		p += strspn(p, " ");
	}
	if (!dose(&p, &q) || *p != '\0')
		return 0;
	switch (kind) {
	case 0:
		if (d->has_start++)
			return 0;
		d->start = q;
		break;
	case 1:
		if (d->has_usual++)
			return 0;
		d->usual = q;
		break;
	default:
		if (d->has_max++ || q.high[0] != '\0')
			return 0;
		d->max = q;
		break;
	}
	return 1;
}

/*
 * The doses a dosing bullet states, when every statement of it (parts
 * split at "; " and ". ", its locator and full stop left out) reads as
 * one of statement()'s forms.  0 (d cleared) otherwise: the bullet's
 * words are then all there is.
 */
int
hl_dosing(const char *text, struct hl_dosing *d)
{
	char		 num[4][HL_NUMSZ], *t, *p, *e, *f;
	size_t		 cut;
	int		 ok;

	memset(d, 0, sizeof(*d));
	hl_numbers(text, num, 4, &cut);
	if ((t = strndup(text, cut)) == NULL)
		return 0;
	while (*t != '\0' && (t[strlen(t) - 1] == '.' ||
	    space(t + strlen(t) - 1)))
		t[strlen(t) - 1] = '\0';
	ok = *t != '\0';
	for (p = t; ok && p != NULL; p = e) {
		e = strstr(p, "; ");
		if ((f = strstr(p, ". ")) != NULL && (e == NULL || f < e))
			e = f;
		if (e != NULL)
			*e++ = '\0';
		ok = statement(p, d);
	}
	free(t);
	if (!ok || (!d->has_start && !d->has_usual && !d->has_max)) {
		memset(d, 0, sizeof(*d));
		return 0;
	}
	return 1;
}

/*
 * The agents a sentence-style interaction fact names as its subject:
 * "Concomitant use with A, B or C is not recommended", "Coadministration
 * of X with A ...", "A may increase ..." (the subject at most 80
 * characters and 10 words, before may, can, could, might or will, and no
 * "levels", "concentrations", "action", "effect" or "exposure" in it: a
 * drug's levels are not an agent).  Each into agents (free()); 0 when
 * the fact does not read so.
 */
size_t
hl_subject(const char *text, char **agents, size_t max)
{
	static const char *const lead[] = {
		"concomitant use with ", "concomitant use of ",
		"coadministration with ", "co-administration with ",
		"use with ", NULL
	};
	static const char *const verb[] = {
		" is ", " are ", " may ", " can ", " should ", " could ",
		" increases ", " decreases ", " results ", " requires ", NULL
	};
	static const char *const modal[] = {
		" may ", " can ", " could ", " might ", " will ", NULL
	};
	static const char *const not[] = {
		"level", "concentration", "action", "effect", "exposure",
		"use ", "patients", NULL
	};
	const char	*s, *e, *x;
	size_t		 i, n, words;
	char		*sub, *p;

	s = text;
	e = NULL;
	for (i = 0; lead[i] != NULL; i++)
		if (strncasecmp(text, lead[i], strlen(lead[i])) == 0)
			break;
	if (lead[i] != NULL) {
		s = text + strlen(lead[i]);
		for (n = 0; verb[n] != NULL; n++)
			if ((x = outside(s, verb[n])) != NULL && (e == NULL ||
			    x < e))
				e = x;
	} else
		for (n = 0; modal[n] != NULL; n++)
			if ((x = outside(s, modal[n])) != NULL && (e == NULL ||
			    x < e))
				e = x;
	if (e == NULL || e == s || (size_t)(e - s) > 80)
		return 0;
	for (words = 1, x = s; x < e; x++) {
		if (*x == '.' && x + 1 < e && space(x + 1))
			return 0;
		if (space(x))
			words++;
	}
	if (words > 10 || (sub = strndup(s, (size_t)(e - s))) == NULL)
		return 0;
	for (i = 0; not[i] != NULL; i++)
		if (strcasestr(sub, not[i]) != NULL) {
			free(sub);
			return 0;
		}
	/* "A, B or C": or as a comma */
	for (p = strstr(sub, " or "); p != NULL; p = strstr(p + 1, " or "))
		if (p > sub && p[-1] != '-') {
			p[0] = ',';
			p[1] = ' ';
			p[2] = ' ';
			p[3] = ' ';
		}
	n = hl_split(sub, strlen(sub), agents, max);
	free(sub);
	return n;
}
