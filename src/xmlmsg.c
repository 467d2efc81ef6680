/*
 * Rewriting of libxml2 error messages into author language.
 *
 * libxml2 2.9 phrases schema errors for schema authors:
 *   Element '{urn:x}dose', attribute 'unit': [facet 'enumeration'] The
 *   value 'mgs' is not an element of the set {'mg', 'mcg'}.
 * Monograph authors get instead
 *   'mgs' is not a valid value for attribute 'unit'; did you mean 'mg'?
 *   expected one of: 'mg', 'mcg'
 * with a stable code.  Messages we do not recognise keep their text, with
 * the namespace URIs stripped, under the code "schema" or "syntax".
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "xmlmsg.h"

#define MAXNAMES	64
#define NAMELEN		128

struct names {
	size_t	 n;
	char	 v[MAXNAMES][NAMELEN];
};

/* Append formatted text to the message, truncating silently. */
static void
add(struct xmlmsg *m, const char *fmt, ...)
{
	size_t	 len;
	va_list	 ap;

	len = strlen(m->text);
	if (len + 1 >= sizeof(m->text))
		return;
	va_start(ap, fmt);
	vsnprintf(m->text + len, sizeof(m->text) - len, fmt, ap);
	va_end(ap);
}

/* Copy at most n bytes of src, dropping a leading "{namespace}". */
static void
copyname(char *dst, size_t dstsz, const char *src, size_t n)
{
	const char	*close;

	if (n > 0 && *src == '{' &&
	    (close = memchr(src, '}', n)) != NULL) {
		n -= close + 1 - src;
		src = close + 1;
	}
	if (n >= dstsz) {
		n = dstsz - 1;
		/* Cut on a character boundary. */
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/*
 * Edit distance counting a swap of two neighbouring letters as one edit
 * (optimal string alignment), used for "did you mean" suggestions.
 * Names longer than NAMELEN are never close to anything.
 */
int
xmlmsg_distance(const char *a, const char *b)
{
	int	 d[3][NAMELEN + 1];	/* rows i-2, i-1, i, rotating */
	int	*r0, *r1, *r2, *t;
	size_t	 i, j, la, lb;
	int	 best;

	la = strlen(a);
	lb = strlen(b);
	if (la > NAMELEN || lb > NAMELEN)
		return NAMELEN * 2;
	r0 = d[0];
	r1 = d[1];
	r2 = d[2];
	for (j = 0; j <= lb; j++)
		r1[j] = j;
	for (i = 1; i <= la; i++) {
		r2[0] = i;
		for (j = 1; j <= lb; j++) {
			best = r1[j - 1] + (a[i - 1] != b[j - 1]);
			if (r1[j] + 1 < best)
				best = r1[j] + 1;
			if (r2[j - 1] + 1 < best)
				best = r2[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && r0[j - 2] + 1 < best)
				best = r0[j - 2] + 1;
			r2[j] = best;
		}
		t = r0;
		r0 = r1;
		r1 = r2;
		r2 = t;
	}
	return r1[lb];
}

/* The closest of the names to s, or NULL when none is close enough. */
static const char *
suggest(const char *s, const struct names *nm)
{
	const char	*best;
	size_t		 i, len;
	int		 d, bestd, limit;

	best = NULL;
	bestd = NAMELEN * 2;
	len = strlen(s);
	limit = len < 6 ? 1 : (len < 9 ? 2 : 3);
	for (i = 0; i < nm->n; i++) {
		d = xmlmsg_distance(s, nm->v[i]);
		if (d < bestd) {
			bestd = d;
			best = nm->v[i];
		}
	}
	/* A suggestion that changes every letter is no suggestion. */
	if (best == NULL || bestd > limit || (size_t)bestd >= len ||
	    (size_t)bestd >= strlen(best))
		return NULL;
	return best;
}

/*
 * Parse a list of names: "( {ns}a, {ns}b )" for content models or
 * "{'a', 'b'}" for enumerations.  Stops at the closing bracket.
 */
static void
parse_names(struct names *nm, const char *p)
{
	const char	*end;
	char		 close;

	nm->n = 0;
	while (*p == ' ')
		p++;
	if (*p != '(' && *p != '{')
		return;
	close = *p == '(' ? ')' : '}';
	p++;
	for (;;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0' || *p == close)
			return;
		if (*p == '\'') {
			p++;
			if ((end = strchr(p, '\'')) == NULL)
				return;
		} else {
			end = p;
			if (*end == '{' && (end = strchr(end, '}')) == NULL)
				return;
			end += strcspn(end, ", )");
		}
		if (nm->n < MAXNAMES)
			copyname(nm->v[nm->n++], NAMELEN, p, end - p);
		p = *end == '\'' ? end + 1 : end;
	}
}

/*
 * Append "; expected one of: 'a', 'b'" or "; expected 'a'", after a
 * space only when a "did you mean" question precedes.
 */
static void
add_expected(struct xmlmsg *m, const struct names *nm, int asked)
{
	size_t	 i;

	if (nm->n == 0)
		return;
	add(m, "%s", asked ? " " : "; ");
	add(m, nm->n == 1 ? "expected " : "expected one of: ");
	for (i = 0; i < nm->n; i++)
		add(m, "%s'%s'", i ? ", " : "", nm->v[i]);
}

/* Is name one of nm? */
static int
has_name(const struct names *nm, const char *name)
{
	size_t	 i;

	for (i = 0; i < nm->n; i++)
		if (strcmp(nm->v[i], name) == 0)
			return 1;
	return 0;
}

/*
 * What an author means by a word that is not the format's: a value of
 * nm that says the same thing (elderly: geriatric), or NULL.  Spelling
 * is suggest()'s; this is meaning.
 */
static const char *
synonym(const char *val, const struct names *nm)
{
	static const struct {
		const char	*say;
		const char	*mean;
	} tab[] = {
		{ "elderly", "geriatric" }, { "older-adults", "geriatric" },
		{ "older", "geriatric" }, { "aged", "geriatric" },
		{ "senior", "geriatric" }, { "children", "pediatric" },
		{ "child", "pediatric" }, { "paediatric", "pediatric" },
		{ "kids", "pediatric" }, { "infants", "pediatric" },
		{ "adults", "adult" }, { "kidney", "renal-impairment" },
		{ "renal", "renal-impairment" },
		{ "kidney-impairment", "renal-impairment" },
		{ "liver", "hepatic-impairment" },
		{ "hepatic", "hepatic-impairment" },
		{ "liver-impairment", "hepatic-impairment" },
		{ "breastfeeding", "lactation" }, { "nursing", "lactation" },
		{ "breast-feeding", "lactation" }, { "pregnant", "pregnancy" },
		{ "iv", "intravenous" }, { "po", "oral" }, { "by-mouth", "oral" },
		{ "mouth", "oral" }, { "im", "intramuscular" },
		{ "sc", "subcutaneous" }, { "subq", "subcutaneous" },
		{ "sq", "subcutaneous" }, { "it", "intrathecal" },
		{ "spinal", "intrathecal" }, { "ug", "mcg" },
		{ "\xc2\xb5g", "mcg" }, { "\xce\xbcg", "mcg" },
		{ "microgram", "mcg" }, { "milligram", "mg" },
		{ "ml", "mL" }, { "daily", "day" }, { "hourly", "hour" },
		{ "weekly", "week" },
	};
	char	 low[NAMELEN];
	size_t	 i;

	for (i = 0; val[i] != '\0' && i + 1 < sizeof(low); i++)
		low[i] = tolower((unsigned char)val[i]);
	low[i] = '\0';
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(low, tab[i].say) == 0 && has_name(nm, tab[i].mean))
			return tab[i].mean;
	return NULL;
}

/*
 * A unit that holds a period, "mg/day" or "mg/kg/day", when the part
 * before the period is a unit of nm: say how the format writes it.
 */
static int
unit_per(struct xmlmsg *m, const char *val, const struct names *nm)
{
	static const struct {
		const char	*per;
		const char	*word;
	} periods[] = {
		{ "day", "day" }, { "d", "day" }, { "24h", "24-hours" },
		{ "24 h", "24-hours" }, { "h", "hour" }, { "hr", "hour" },
		{ "hour", "hour" }, { "week", "week" }, { "wk", "week" },
		{ "dose", "dose" }, { "min", "minute" }, { "month", "month" },
	};
	char		 unit[NAMELEN];
	const char	*slash;
	size_t		 i;

	if (strcmp(m->attr, "unit") != 0 ||
	    (slash = strrchr(val, '/')) == NULL || slash == val ||
	    (size_t)(slash - val) >= sizeof(unit))
		return 0;
	memcpy(unit, val, slash - val);
	unit[slash - val] = '\0';
	if (!has_name(nm, unit))
		return 0;
	for (i = 0; i < sizeof(periods) / sizeof(periods[0]); i++)
		if (strcmp(slash + 1, periods[i].per) == 0) {
			add(m, "unit '%s' combines an amount and a period; "
			    "write unit=\"%s\" per=\"%s\"", val, unit,
			    periods[i].word);
			return 1;
		}
	return 0;
}

/* Copy the quoted string starting after 'open' in p into dst. */
static int
quoted(char *dst, size_t dstsz, const char *p, const char *open)
{
	const char	*s, *e;

	if ((s = strstr(p, open)) == NULL)
		return 0;
	s += strlen(open);
	if ((e = strchr(s, '\'')) == NULL)
		return 0;
	copyname(dst, dstsz, s, e - s);
	return 1;
}

/* What a built-in datatype expects, in plain words. */
static const char *
typeword(const char *type)
{
	static const struct {
		const char	*type;
		const char	*words;
	} tab[] = {
		{ "xs:decimal", "a decimal number such as 2.5" },
		{ "xs:integer", "a whole number" },
		{ "xs:int", "a whole number" },
		{ "xs:positiveInteger", "a whole number greater than 0" },
		{ "xs:nonNegativeInteger", "a whole number, 0 or more" },
		{ "xs:double", "a number" },
		{ "xs:float", "a number" },
		{ "xs:boolean", "'true' or 'false'" },
		{ "xs:date", "a date such as 2024-05-01" },
		{ "xs:gYear", "a year such as 2024" },
		{ "xs:NCName", "a name without spaces or colons" },
		{ "xs:ID", "a name without spaces or colons" },
		{ "xs:IDREF", "a name without spaces or colons" },
		{ "xs:anyURI", "a URI" },
		{ "xs:token", "text without leading or trailing spaces" },
		{ "quantity", "a number 0 or more written with a dot, such as "
		    "2.5" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(tab[i].type, type) == 0)
			return tab[i].words;
	return NULL;
}

/* Lower the first letter and drop a final full stop. */
static void
tidy(char *s)
{
	size_t	 len;

	if (isupper((unsigned char)s[0]) &&
	    !isupper((unsigned char)s[1]))
		s[0] = tolower((unsigned char)s[0]);
	len = strlen(s);
	while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' '))
		s[--len] = '\0';
}

/* The list after "Expected is", or "" when there is none. */
static const char *
expected_list(const char *rest)
{
	const char	*p;

	if ((p = strstr(rest, "Expected is")) == NULL)
		return "";
	return p + strcspn(p, "(");
}

/* Rewrite a message of the schema validator. */
static void
rewrite_schema(struct xmlmsg *m, const char *msg)
{
	struct names	 nm;
	const char	*rest, *p, *sugg;
	char		 val[NAMELEN], type[NAMELEN], what[NAMELEN * 2];
	char		 buf[sizeof(m->text)];

	/* quoted() leaves them alone when it finds nothing. */
	*val = *type = '\0';
	rest = msg;
	if (strncmp(msg, "Element '", 9) == 0 &&
	    (p = strchr(msg + 9, '\'')) != NULL) {
		copyname(m->elem, sizeof(m->elem), msg + 9, p - (msg + 9));
		rest = p + 1;
		if (strncmp(rest, ", attribute '", 13) == 0 &&
		    (p = strchr(rest + 13, '\'')) != NULL) {
			copyname(m->attr, sizeof(m->attr), rest + 13,
			    p - (rest + 13));
			rest = p + 1;
		}
		if (strncmp(rest, ": ", 2) == 0)
			rest += 2;
	}
	if (*m->attr != '\0')
		snprintf(what, sizeof(what), "attribute '%s'", m->attr);
	else
		snprintf(what, sizeof(what), "element '%s'", m->elem);

	if (strncmp(rest, "This element is not expected.", 29) == 0) {
		m->code = "unknown-element";
		add(m, "element '%s' is not allowed here", m->elem);
		parse_names(&nm, expected_list(rest));
		if ((sugg = suggest(m->elem, &nm)) != NULL) {
			add(m, "; did you mean '%s'?", sugg);
			snprintf(m->suggest, sizeof(m->suggest), "%s", sugg);
		}
		add_expected(m, &nm, sugg != NULL);
	} else if (strncmp(rest, "Missing child element(s).", 25) == 0) {
		m->code = "missing-element";
		add(m, "element '%s' is missing a required child element",
		    m->elem);
		parse_names(&nm, expected_list(rest));
		add_expected(m, &nm, 0);
	} else if (strstr(rest, "is not allowed.") != NULL &&
	    strncmp(rest, "The attribute '", 15) == 0) {
		m->code = "unknown-attribute";
		add(m, "attribute '%s' is not allowed on element '%s'",
		    m->attr, m->elem);
	} else if (strstr(rest, "is required but missing") != NULL &&
	    quoted(val, sizeof(val), rest, "The attribute '")) {
		m->code = "missing-attribute";
		add(m, "element '%s' is missing required attribute '%s'",
		    m->elem, val);
	} else if (strncmp(rest, "[facet 'enumeration']", 21) == 0 &&
	    quoted(val, sizeof(val), rest, "The value '")) {
		m->code = "bad-value";
		snprintf(m->value, sizeof(m->value), "%s", val);
		parse_names(&nm, rest + strcspn(rest, "{"));
		if (unit_per(m, val, &nm))
			return;
		add(m, "'%s' is not a valid value for %s", val, what);
		if ((sugg = synonym(val, &nm)) == NULL)
			sugg = suggest(val, &nm);
		if (sugg != NULL)
			add(m, "; did you mean '%s'?", sugg);
		add_expected(m, &nm, sugg != NULL);
	} else if (strncmp(rest, "[facet 'pattern']", 17) == 0 &&
	    quoted(val, sizeof(val), rest, "The value '") &&
	    quoted(type, sizeof(type), rest, "pattern '")) {
		m->code = "bad-value";
		snprintf(m->value, sizeof(m->value), "%s", val);
		add(m, "'%s' is not a valid value for %s; "
		    "it must match the pattern '%s'", val, what, type);
	} else if (strncmp(rest, "[facet '", 8) == 0 &&
	    (p = strchr(rest, ']')) != NULL) {
		m->code = "bad-value";
		snprintf(buf, sizeof(buf), "%s", p + 2);
		tidy(buf);
		add(m, "invalid value for %s: %s", what, buf);
	} else if (*rest == '\'' &&
	    (p = strstr(rest, "' is not a valid value of the ")) != NULL) {
		copyname(val, sizeof(val), rest + 1, p - (rest + 1));
		if (quoted(type, sizeof(type), p, "atomic type '") &&
		    strcmp(type, "xs:ID") == 0 &&
		    xmlValidateNCName((const xmlChar *)val, 0) == 0) {
			m->code = "duplicate-id";
			add(m, "duplicate id '%s'; each id must be unique",
			    val);
			return;
		}
		m->code = "bad-value";
		snprintf(m->value, sizeof(m->value), "%s", val);
		add(m, "'%s' is not a valid value for %s", val, what);
		if (*type != '\0' && typeword(type) != NULL)
			add(m, "; expected %s", typeword(type));
		else if (*type != '\0')
			add(m, "; expected a value of type '%s'", type);
	} else if (strncmp(rest, "Duplicate key-sequence [", 24) == 0) {
		m->code = "duplicate-id";
		quoted(val, sizeof(val), rest, "['");
		snprintf(m->value, sizeof(m->value), "%s", val);
		add(m, "duplicate value '%s' in element '%s'; "
		    "it must be unique", val, m->elem);
		if (quoted(type, sizeof(type), rest, "identity-constraint '"))
			add(m, " (constraint '%s')", type);
	} else if (strncmp(rest, "No match found for key-sequence", 31) == 0) {
		m->code = "dangling-reference";
		quoted(val, sizeof(val), rest, "['");
		snprintf(m->value, sizeof(m->value), "%s", val);
		add(m, "reference '%s' in element '%s' matches nothing "
		    "declared", val, m->elem);
		if (quoted(type, sizeof(type), rest, "of keyref '"))
			add(m, " (constraint '%s')", type);
	} else if (strncmp(rest, "No matching global declaration", 30) == 0) {
		m->code = "unknown-element";
		add(m, "element '%s' is not a known root element; "
		    "check its name and its xmlns namespace", m->elem);
	} else if (strncmp(rest, "Character content other than whitespace",
	    39) == 0) {
		m->code = "schema";
		add(m, "text is not allowed directly inside element '%s'",
		    m->elem);
	} else if (strncmp(rest, "Character content is not allowed", 32) == 0 ||
	    strncmp(rest, "Element content is not allowed", 30) == 0) {
		m->code = "schema";
		add(m, "element '%s' must be empty", m->elem);
	} else {
		m->code = "schema";
		snprintf(buf, sizeof(buf), "%s", rest);
		tidy(buf);
		if (*m->elem != '\0')
			add(m, "%s: ", what);
		add(m, "%s", buf);
	}
}

/*
 * The top-level sections of a monograph in the order the format wants
 * them (schema/monograph.xsd).
 */
static const char *const sections[] = {
	"meta", "drug", "boxed-warning", "recent-changes", "uses", "dosing",
	"forms", "contraindications", "warnings", "adverse-effects",
	"interactions", "populations", "abuse-and-dependence", "withdrawal",
	"overdose", "description", "clinical-pharmacology", "supply",
	"safe-use", "comparisons", "faq", "section", "disclaimer", "sources",
	NULL
};

static int
section_index(const char *name)
{
	int	 i;

	for (i = 0; sections[i] != NULL; i++)
		if (strcmp(sections[i], name) == 0)
			return i;
	return -1;
}

/* Does the expected list s name a top-level section (the real schema)? */
static int
names_sections(const char *s)
{
	char	 q[NAMELEN + 2];
	int	 i;

	for (i = 0; sections[i] != NULL; i++) {
		snprintf(q, sizeof(q), "'%s'", sections[i]);
		if (strstr(s, q) != NULL)
			return 1;
	}
	return 0;
}

/*
 * Say more about an unexpected element n, now that its place is known:
 * a second one where one is allowed ("at most once here"), a top-level
 * section out of its place or inside another, with what goes where.
 */
void
xmlmsg_refine(struct xmlmsg *m, const xmlNode *n)
{
	const xmlNode	*c;
	char		 tail[sizeof(m->text)];
	const char	*expected;
	int		 i;

	if (n == NULL || n->type != XML_ELEMENT_NODE ||
	    strcmp(m->code, "unknown-element") != 0 ||
	    strncmp(m->text, "element '", 9) != 0)
		return;
	expected = strstr(m->text, "expected ");
	snprintf(tail, sizeof(tail), "%s", expected != NULL ? expected : "");
	for (c = n->prev; c != NULL; c = c->prev)
		if (c->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(c->name, n->name) && c->ns == n->ns)
			break;
	i = section_index((const char *)n->name);
	if (c != NULL && strstr(m->text, "did you mean") == NULL) {
		m->code = "duplicate-element";
		m->text[0] = '\0';
		add(m, "element '%s' is allowed at most once here; the first "
		    "is on line %ld", (const char *)n->name,
		    xmlGetLineNo((xmlNodePtr)c));
		if (*tail != '\0')
			add(m, "; %s", tail);
	} else if (i >= 0 && n->parent != NULL &&
	    n->parent->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->parent->name, BAD_CAST "monograph") &&
	    names_sections(tail)) {
		/* out of order, or a required section missing before it */
		add(m, "; the sections of a monograph come in this order: ");
		for (i = 0; sections[i] != NULL; i++)
			add(m, "%s%s", i ? ", " : "", sections[i]);
	} else if (i > 0 && strstr(m->text, "did you mean") == NULL) {
		m->text[0] = '\0';
		add(m, "element '%s' is a section of its own: put it directly "
		    "in <monograph>, after '%s'", (const char *)n->name,
		    sections[i - 1]);
		if (*tail != '\0')
			add(m, "; here %s", tail);
	}
}

/* Rewrite a message of the XML parser. */
static void
rewrite_syntax(struct xmlmsg *m, const char *msg)
{
	char	 a[NAMELEN], b[NAMELEN];
	char	 buf[sizeof(m->text)];
	int	 line;

	m->code = "syntax";
	if (sscanf(msg, "Opening and ending tag mismatch: %127s line %d "
	    "and %127s", a, &line, b) == 3) {
		add(m, "end tag '%s' does not match start tag '%s' "
		    "from line %d", b, a, line);
		return;
	}
	if (sscanf(msg, "Premature end of data in tag %127s line %d",
	    a, &line) == 2) {
		add(m, "file ends before element '%s' from line %d is "
		    "closed", a, line);
		return;
	}
	if (strncmp(msg, "Document is empty", 17) == 0) {
		add(m, "empty file");
		return;
	}
	/* Not its advice to use XML_PARSE_HUGE: monoc never will. */
	if (strncmp(msg, "Excessive depth in document", 27) == 0) {
		add(m, "elements nested too deep");
		return;
	}
	snprintf(buf, sizeof(buf), "%s", msg);
	tidy(buf);
	add(m, "%s", buf);
}

/*
 * Rewrite msg, a libxml2 error message from the given xmlErrorDomain,
 * into m.
 */
void
xmlmsg_rewrite(struct xmlmsg *m, int domain, const char *msg)
{
	char	 buf[sizeof(m->text)];
	size_t	 len;
	char	*p;

	memset(m, 0, sizeof(*m));
	snprintf(buf, sizeof(buf), "%s", msg == NULL ? "unknown error" : msg);
	/* Multi-line messages ("Bytes: 0x..."): join the lines. */
	while ((p = strchr(buf, '\n')) != NULL && p[1] != '\0')
		*p = ' ';
	len = strlen(buf);
	while (len > 0 && isspace((unsigned char)buf[len - 1]))
		buf[--len] = '\0';
	if (domain == XML_FROM_SCHEMASV)
		rewrite_schema(m, buf);
	else if (domain == XML_FROM_XPATH || domain == XML_FROM_XSLT) {
		m->code = "xslt";
		tidy(buf);
		add(m, "%s", buf);
	} else
		rewrite_syntax(m, buf);
}
