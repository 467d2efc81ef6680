/*
 * Reading an FDA SPL label: the header (document type, title, set id,
 * version, labeler), the coded product data of every product (names,
 * active ingredients with UNII and strength, dosage form, routes,
 * approval, DEA schedule, kit parts), in the current model
 * (manufacturedProduct/ingredient[@classCode]) and in the pre-2009 one
 * (manufacturedMedicine/activeIngredient), and the code tables that turn
 * SPL's coded values into a monograph's closed lists.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "buf.h"
#include "dom.h"
#include "spl.h"

/* Is node an element of the HL7 v3 namespace called name? */
int
spl_is(xmlNodePtr node, const char *name)
{
	return dom_is_ns(node, SPL_NS, name);
}

/* The first element child of node called name (any element if NULL). */
xmlNodePtr
spl_child(xmlNodePtr node, const char *name)
{
	return dom_child_ns(node, SPL_NS, name);
}

/* The next sibling element of node called name. */
xmlNodePtr
spl_next(xmlNodePtr node, const char *name)
{
	return dom_next_ns(node, SPL_NS, name);
}

/* Follow a path of child names separated by '/': "code", "a/b/c". */
xmlNodePtr
spl_path(xmlNodePtr node, const char *path)
{
	char		 step[64];
	const char	*p, *e;
	size_t		 n;

	for (p = path; node != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		if (n >= sizeof(step))
			return NULL;
		memcpy(step, p, n);
		step[n] = '\0';
		node = spl_child(node, step);
	}
	return node;
}

/*
 * The value of attribute name of node, not copied (NULL when absent or
 * empty).  The documents have no entity references, so an attribute's
 * value is its one text child.
 */
const char *
spl_attr(xmlNodePtr node, const char *name)
{
	xmlAttrPtr	 a;

	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = node->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST name))
			break;
	if (a == NULL || a->children == NULL ||
	    a->children->content == NULL || *a->children->content == '\0')
		return NULL;
	return (const char *)a->children->content;
}

/* Collapse white space in place, as xs:token does: one space, trimmed. */
void
spl_collapse(char *s)
{
	char	*w, *start;
	int	 sp;

	sp = 1;
	for (start = w = s; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (!sp)
				*w++ = ' ';
			sp = 1;
		} else {
			*w++ = *s;
			sp = 0;
		}
	}
	if (w > start && w[-1] == ' ')
		w--;
	*w = '\0';
}

/*
 * The text of n's descendants into b: a line break (br) a space, the
 * inline elements (content, sub, sup, linkHtml) their text, any other
 * element its text between spaces.
 */
void
spl_collect_text(xmlNodePtr n, struct buf *b)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				buf_str(b, (const char *)c->content);
		} else if (spl_is(c, "br"))
			buf_str(b, " ");
		else if (spl_is(c, "content") || spl_is(c, "sub") ||
		    spl_is(c, "sup") || spl_is(c, "linkHtml"))
			spl_collect_text(c, b);
		else if (spl_is(c, NULL)) {
			buf_str(b, " ");
			spl_collect_text(c, b);
			buf_str(b, " ");
		}
	}
}

/* All the text under node, white space collapsed; NULL if none. */
char *
spl_text(xmlNodePtr node)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	char		*c;

	if (node == NULL)
		return NULL;
	spl_collect_text(node, &b);
	if ((c = buf_done(&b)) == NULL)
		return NULL;
	spl_collapse(c);
	if (*c == '\0') {
		free(c);
		return NULL;
	}
	return c;
}

static char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

static void
lower(char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* The document types monoc imports: human prescription and OTC labels. */
int
spl_doc_accepted(const char *code)
{
	static const char *const ok[] = {
		"34391-3",	/* human prescription drug label */
		"34390-5",	/* human OTC drug label */
		"45129-4",	/* human prescription drug label (retired) */
		"75031-5",	/* human compounded drug label */
		NULL
	};
	size_t	 i;

	for (i = 0; code != NULL && ok[i] != NULL; i++)
		if (strcmp(code, ok[i]) == 0)
			return 1;
	return 0;
}

/*
 * LOINC section codes and where they go (docs/format.md section 6).
 * primary: the section that is the element itself (its text becomes the
 * element's blocks); the others become general sections inside it.
 */
static const struct {
	const char	*code;
	enum spl_target	 target;
	int		 primary;
} loinc[] = {
	{ "48780-1", SPL_T_SKIP, 1 },
	{ "51945-4", SPL_T_PACKAGE, 1 },
	{ "34066-1", SPL_T_BOXED, 1 },
	{ "34067-9", SPL_T_USES, 1 },
	{ "55105-1", SPL_T_USES, 0 },		/* Drug Facts: purpose */
	{ "34068-7", SPL_T_DOSING, 1 },
	{ "43678-2", SPL_T_FORMS, 1 },
	{ "34070-3", SPL_T_CONTRA, 1 },
	{ "50570-1", SPL_T_CONTRA, 0 },		/* Drug Facts: do not use */
	{ "43685-7", SPL_T_WARNINGS, 1 },
	{ "34071-1", SPL_T_WARNINGS, 0 },	/* old format: warnings */
	{ "42232-9", SPL_T_WARNINGS, 0 },	/* old format: precautions */
	{ "34072-9", SPL_T_WARNINGS, 0 },	/* general precautions */
	{ "50569-3", SPL_T_WARNINGS, 0 },	/* ask a doctor */
	{ "50568-5", SPL_T_WARNINGS, 0 },	/* ask a doctor or pharmacist */
	{ "50567-7", SPL_T_WARNINGS, 0 },	/* when using */
	{ "50566-9", SPL_T_WARNINGS, 0 },	/* stop use */
	{ "50565-1", SPL_T_WARNINGS, 0 },	/* keep out of reach */
	{ "34084-4", SPL_T_ADVERSE, 1 },
	{ "90374-0", SPL_T_ADVERSE, 0 },	/* clinical trials experience */
	{ "34073-7", SPL_T_INTERACT, 1 },
	{ "43684-0", SPL_T_POPUL, 1 },
	{ "42228-7", SPL_T_POPUL, 0 },		/* pregnancy */
	{ "34077-8", SPL_T_POPUL, 0 },		/* teratogenic effects */
	{ "34078-6", SPL_T_POPUL, 0 },		/* nonteratogenic effects */
	{ "34079-4", SPL_T_POPUL, 0 },		/* labor and delivery */
	{ "77290-5", SPL_T_POPUL, 0 },		/* lactation */
	{ "34080-2", SPL_T_POPUL, 0 },		/* nursing mothers */
	{ "77291-3", SPL_T_POPUL, 0 },		/* reproductive potential */
	{ "34081-0", SPL_T_POPUL, 0 },		/* pediatric use */
	{ "34082-8", SPL_T_POPUL, 0 },		/* geriatric use */
	{ "88828-9", SPL_T_POPUL, 0 },		/* renal impairment */
	{ "88829-7", SPL_T_POPUL, 0 },		/* hepatic impairment */
	{ "53414-9", SPL_T_POPUL, 0 },		/* pregnancy or breast feeding */
	{ "42227-9", SPL_T_ABUSE, 1 },
	{ "34085-1", SPL_T_ABUSE, 0 },		/* controlled substance */
	{ "34086-9", SPL_T_ABUSE, 0 },		/* abuse */
	{ "34087-7", SPL_T_ABUSE, 0 },		/* dependence */
	{ "34088-5", SPL_T_OVERDOSE, 1 },
	{ "34089-3", SPL_T_DESCR, 1 },
	{ "55106-9", SPL_T_DESCR, 0 },		/* Drug Facts: active ingr. */
	{ "51727-6", SPL_T_DESCR, 0 },		/* inactive ingredients */
	{ "34090-1", SPL_T_CLINPHARM, 1 },
	{ "43679-0", SPL_T_CLINPHARM, 0 },	/* mechanism of action */
	{ "43681-6", SPL_T_CLINPHARM, 0 },	/* pharmacodynamics */
	{ "43682-4", SPL_T_CLINPHARM, 0 },	/* pharmacokinetics */
	{ "34069-5", SPL_T_SUPPLY, 1 },
	{ "44425-7", SPL_T_SUPPLY, 0 },		/* storage and handling */
	{ "60561-8", SPL_T_SUPPLY, 0 },		/* Drug Facts: other info */
	{ "34076-0", SPL_T_SAFEUSE, 1 },
	{ NULL, SPL_T_SECTION, 0 }
};

/* Where a section with LOINC code loinc goes; *primary as above. */
enum spl_target
spl_target(const char *code, int *primary)
{
	size_t	 i;

	*primary = 0;
	for (i = 0; code != NULL && loinc[i].code != NULL; i++)
		if (strcmp(code, loinc[i].code) == 0) {
			*primary = loinc[i].primary;
			return loinc[i].target;
		}
	return SPL_T_SECTION;
}

/* The element name of a target, or NULL for the general section. */
const char *
spl_target_name(enum spl_target t)
{
	static const char *const names[SPL_T__MAX] = {
		NULL, NULL, NULL, "boxed-warning", "uses", "dosing", "forms",
		"contraindications", "warnings", "adverse-effects",
		"interactions", "populations", "abuse-and-dependence",
		"overdose", "description", "clinical-pharmacology", "supply",
		"safe-use"
	};

	return t < SPL_T__MAX ? names[t] : NULL;
}

/* A route's displayName (ORAL) as a monograph route, or NULL. */
const char *
spl_route(const char *display)
{
	static const struct { const char *spl, *route; } r[] = {
		{ "ORAL", "oral" }, { "SUBLINGUAL", "sublingual" },
		{ "BUCCAL", "buccal" }, { "INTRATHECAL", "intrathecal" },
		{ "EPIDURAL", "epidural" }, { "INTRAVENOUS", "intravenous" },
		{ "INTRAMUSCULAR", "intramuscular" },
		{ "SUBCUTANEOUS", "subcutaneous" },
		{ "INTRADERMAL", "intradermal" }, { "TOPICAL", "topical" },
		{ "TRANSDERMAL", "transdermal" }, { "RECTAL", "rectal" },
		{ "VAGINAL", "vaginal" }, { "NASAL", "nasal" },
		{ "RESPIRATORY (INHALATION)", "inhalation" },
		{ "INHALATION", "inhalation" },
		{ "OPHTHALMIC", "ophthalmic" }, { "OTIC", "otic" },
		{ "AURICULAR (OTIC)", "otic" }, { "ENTERAL", "enteral-tube" },
		{ "NASOGASTRIC", "enteral-tube" }, { "CUTANEOUS", "topical" },
		{ NULL, NULL }
	};
	size_t	 i;

	for (i = 0; display != NULL && r[i].spl != NULL; i++)
		if (strcasecmp(display, r[i].spl) == 0)
			return r[i].route;
	return NULL;
}

/*
 * A dosage form's displayName (TABLET, FILM COATED) as a form kind, by
 * its words; *release gets extended or delayed where it says so.
 */
const char *
spl_form_kind(const char *d, const char *route, const char **release)
{
	static const struct { const char *word, *kind; } k[] = {
		{ "KIT", "kit" }, { "CHEWABLE", "chewable-tablet" },
		{ "ORALLY DISINTEGRATING", "orally-disintegrating-tablet" },
		{ "TABLET", "tablet" }, { "CAPLET", "tablet" },
		{ "CAPSULE", "capsule" }, { "INJECT", "injection" },
		{ "IMPLANT", "implant" }, { "SUPPOSITORY", "suppository" },
		{ "PATCH", "patch" }, { "TRANSDERMAL", "patch" },
		{ "CREAM", "cream" }, { "OINTMENT", "ointment" },
		{ "LOTION", "lotion" }, { "GEL", "gel" },
		{ "AEROSOL", "aerosol" }, { "INHAL", "aerosol" },
		{ "SPRAY", "spray" }, { "DROP", "drops" },
		{ "LOZENGE", "lozenge" }, { "TROCHE", "lozenge" },
		{ "FILM", "film" }, { "GRANULE", "oral-granules" },
		{ "PELLET", "other" }, { "POWDER", "powder" },
		{ NULL, NULL }
	};
	size_t	 i;
	int	 oral;

	*release = NULL;
	if (d == NULL)
		return "other";
	if (strstr(d, "EXTENDED") != NULL)
		*release = "extended";
	else if (strstr(d, "DELAYED") != NULL)
		*release = "delayed";
	for (i = 0; k[i].word != NULL; i++)
		if (strstr(d, k[i].word) != NULL)
			return k[i].kind;
	oral = route != NULL && strcmp(route, "oral") == 0;
	if (oral && strstr(d, "SUSPENSION") != NULL)
		return "oral-suspension";
	if (oral && (strstr(d, "SOLUTION") != NULL ||
	    strstr(d, "SYRUP") != NULL || strstr(d, "ELIXIR") != NULL ||
	    strstr(d, "LIQUID") != NULL || strstr(d, "CONCENTRATE") != NULL))
		return "oral-solution";
	return "other";
}

/* A UCUM unit of a strength as a monograph strength unit, or NULL. */
const char *
spl_unit(const char *u)
{
	static const struct { const char *ucum, *unit; } t[] = {
		{ "mg", "mg" }, { "ug", "mcg" }, { "g", "g" }, { "mL", "mL" },
		{ "L", "L" }, { "[iU]", "units" }, { "[IU]", "units" },
		{ "[USP'U]", "units" }, { "U", "units" }, { "meq", "mEq" },
		{ "mEq", "mEq" }, { "mmol", "mmol" }, { "%", "%" },
		{ NULL, NULL }
	};
	size_t	 i;

	for (i = 0; u != NULL && t[i].ucum != NULL; i++)
		if (strcmp(u, t[i].ucum) == 0)
			return t[i].unit;
	return NULL;
}

/* A marketing category code (C73594) as a legal-status category. */
const char *
spl_category(const char *code)
{
	static const struct { const char *code, *cat; } t[] = {
		{ "C73594", "NDA" }, { "C73605", "NDA" },	/* NDA AG */
		{ "C73584", "ANDA" }, { "C73585", "BLA" },
		{ "C73603", "OTC-monograph" }, { "C73604", "OTC-monograph" },
		{ "C200263", "OTC-monograph" },
		{ "C73627", "unapproved" }, { "C73614", "unapproved" },
		{ "C73626", "unapproved" }, { "C73625", "unapproved" },
		{ NULL, NULL }
	};
	size_t	 i;

	for (i = 0; code != NULL && t[i].code != NULL; i++)
		if (strcmp(code, t[i].code) == 0)
			return t[i].cat;
	return code == NULL ? NULL : "other";
}

/* A DEA schedule code as controlled="..."; *shortname gets CII etc. */
const char *
spl_schedule(const char *code, const char **shortname)
{
	static const struct { const char *code, *sched, *name; } t[] = {
		{ "C48672", "schedule-I", "CI" },
		{ "C48675", "schedule-II", "CII" },
		{ "C48676", "schedule-III", "CIII" },
		{ "C48677", "schedule-IV", "CIV" },
		{ "C48679", "schedule-V", "CV" },
		{ NULL, NULL, NULL }
	};
	size_t	 i;

	*shortname = NULL;
	for (i = 0; code != NULL && t[i].code != NULL; i++)
		if (strcmp(code, t[i].code) == 0) {
			*shortname = t[i].name;
			return t[i].sched;
		}
	return NULL;
}

/*
 * The section number a PLR title starts with ("5.1 Skeletal Muscle",
 * "12 CLINICAL PHARMACOLOGY", "8.1. Pregnancy"): copied to num, *rest
 * pointing after it.  Returns 0 when the title has none (or one the
 * format cannot hold: more than two digits a part, more than 4 parts).
 */
int
spl_number(const char *title, char *num, size_t numsz, const char **rest)
{
	const char	*p;
	size_t		 n, digits, parts;

	*rest = title;
	if (title == NULL)
		return 0;
	p = title;
	parts = 0;
	for (;;) {
		for (digits = 0; isdigit((unsigned char)p[digits]); digits++)
			continue;
		if (digits == 0 || digits > 2)
			return 0;
		p += digits;
		parts++;
		if (*p == '.' && isdigit((unsigned char)p[1])) {
			p++;
			continue;
		}
		break;
	}
	n = (size_t)(p - title);
	if (parts > 4 || n >= numsz)
		return 0;
	if (*p == '.')
		p++;
	if (*p != ' ' && *p != '\0')
		return 0;
	memcpy(num, title, n);
	num[n] = '\0';
	while (*p == ' ')
		p++;
	*rest = p;
	return 1;
}

/* Words that name a salt or hydrate, left out of a monograph's NAME. */
static int
saltword(const char *w, size_t n)
{
	static const char *const salts[] = {
		"acetate", "besylate", "bitartrate", "bromide", "calcium",
		"chloride", "citrate", "dihydrate", "disodium", "fumarate",
		"hcl", "hydrobromide", "hydrochloride", "hyclate", "lactate",
		"magnesium", "maleate", "mesylate", "monohydrate", "nitrate",
		"oxalate", "phosphate", "potassium", "sodium", "succinate",
		"sulfate", "tartrate", "trihydrate", "tosylate", "usp",
		"anhydrous", "hemihydrate", "dipropionate", "propionate",
		"valerate", "xinafoate", "pamoate", "decanoate", NULL
	};
	size_t	 i;

	for (i = 0; salts[i] != NULL; i++)
		if (strlen(salts[i]) == n && strncmp(w, salts[i], n) == 0)
			return 1;
	return 0;
}

/* Units of strength, left out of a NAME ("... 800 mg"). */
static int
unitword(const char *w, size_t n)
{
	static const char *const units[] = {
		"mg", "mcg", "ug", "g", "ml", "meq", "mmol", "iu", NULL
	};
	size_t	 i;

	for (i = 0; units[i] != NULL; i++)
		if (strlen(units[i]) == n && strncmp(w, units[i], n) == 0)
			return 1;
	return 0;
}

/*
 * The NAME of a monograph from a label's generic name (docs/import.md):
 * lower case; each part of a combination ("A and B", "A, B", "A/B")
 * without its salt and hydrate words (unless its first word is one:
 * "sodium chloride" stays); parts joined by "-and-"; everything but
 * letters and digits a hyphen; at most 64 characters, cut at a hyphen.
 * Returns NULL when nothing is left.
 */
char *
spl_name(const char *generic)
{
	struct buf	 b = { NULL, 0, 0, 0 };
	char		*s, *out, *w, *part, *save;
	const char	*p;
	size_t		 o, n, start;
	int		 first, any;

	if (generic == NULL || (s = strdup(generic)) == NULL)
		return NULL;
	lower(s);
	/* Turn the combination separators into '|'. */
	for (w = s; *w != '\0'; w++)
		if (*w == ',' || *w == '/' || *w == ';' || *w == '+')
			*w = '|';
	while ((w = strstr(s, " and ")) != NULL) {
		*w = '|';
		memmove(w + 1, w + 5, strlen(w + 5) + 1);
	}
	/*
	 * The parts go into a growing buffer: each one adds "-and-" to its
	 * words, more than twice a one-letter part ("x,x,...").  Past 64
	 * characters and a word more, nothing added can stay in the NAME.
	 */
	for (part = strtok_r(s, "|", &save); part != NULL && b.len <= 128;
	    part = strtok_r(NULL, "|", &save)) {
		first = 1;
		n = 0;
		start = b.len;
		any = 0;
		for (p = part; *p != '\0'; p += n) {
			while (*p != '\0' && !isalnum((unsigned char)*p))
				p++;
			for (n = 0; isalnum((unsigned char)p[n]); n++)
				continue;
			if (n == 0)
				break;
			if ((saltword(p, n) && !first) ||
			    isdigit((unsigned char)*p) || unitword(p, n))
				continue;
			if (first && saltword(p, n)) {
				/* "sodium chloride": keep the whole part */
				first = 2;
			}
			if (b.len > 0 && b.p[b.len - 1] != '-')
				buf_add(&b, "-", 1);
			buf_add(&b, p, n);
			any = 1;
			if (first == 1)
				first = 0;
			if (first == 2)
				break;
		}
		if (first == 2) {
			/* Keep the rest of a salt-first part as it is. */
			for (p += n; *p != '\0' && !b.fail; p++) {
				if (isalnum((unsigned char)*p))
					buf_add(&b, p, 1);
				else if (b.len > 0 && b.p[b.len - 1] != '-')
					buf_add(&b, "-", 1);
			}
			while (b.len > start && b.p[b.len - 1] == '-')
				b.len--;
		}
		if (any)
			buf_str(&b, "-and-");
		if (b.fail)
			break;
	}
	free(s);
	if (b.fail || b.p == NULL) {
		free(b.p);
		return NULL;
	}
	out = b.p;
	o = b.len;
	if (o >= 5)
		o -= 5;		/* the last "-and-" */
	out[o] = '\0';
	while (o > 64 || (o > 0 && out[o - 1] == '-')) {
		while (o > 0 && out[o - 1] != '-')
			o--;
		while (o > 0 && out[o - 1] == '-')
			o--;
		out[o] = '\0';
	}
	if (o == 0 || !isalpha((unsigned char)out[0])) {
		free(out);
		return NULL;
	}
	return out;
}

/* An ISO date from an HL7 TS value (20140113 -> 2014-01-13), or NULL. */
static char *
isodate(const char *v)
{
	char	*d;
	size_t	 i;

	if (v == NULL || strlen(v) < 8)
		return NULL;
	for (i = 0; i < 8; i++)
		if (!isdigit((unsigned char)v[i]))
			return NULL;
	if ((d = malloc(11)) == NULL)
		return NULL;
	memcpy(d, v, 4);
	d[4] = '-';
	memcpy(d + 5, v + 4, 2);
	d[7] = '-';
	memcpy(d + 8, v + 6, 2);
	d[10] = '\0';
	return d;
}

static void
ingredient_free(struct spl_ingredient *g)
{
	free(g->name);
	free(g->unii);
	free(g->num);
	free(g->num_unit);
	free(g->den);
	free(g->den_unit);
}

/* Add the active ingredients of the product node m to p. */
static void
read_ingredients(struct spl_product *p, xmlNodePtr m)
{
	struct spl_ingredient	*g, *ng;
	xmlNodePtr		 c, sub, q, num, den;
	const char		*cls;

	for (c = m->children; c != NULL; c = c->next) {
		if (spl_is(c, "ingredient")) {
			cls = spl_attr(c, "classCode");
			if (cls == NULL || strncmp(cls, "ACTI", 4) != 0)
				continue;
			sub = spl_child(c, "ingredientSubstance");
		} else if (spl_is(c, "activeIngredient")) {
			cls = "ACTIB";
			sub = spl_child(c, "activeIngredientSubstance");
		} else
			continue;
		if ((ng = realloc(p->ing, (p->ning + 1) *
		    sizeof(*p->ing))) == NULL)
			return;
		p->ing = ng;
		g = &p->ing[p->ning];
		memset(g, 0, sizeof(*g));
		if ((g->name = spl_text(spl_child(sub, "name"))) == NULL)
			continue;
		lower(g->name);
		g->unii = xstrdup(spl_attr(spl_child(sub, "code"), "code"));
		g->basis = strcmp(cls, "ACTIM") == 0 ? "moiety" :
		    strcmp(cls, "ACTIR") == 0 ? "reference" : "ingredient";
		q = spl_child(c, "quantity");
		num = spl_child(q, "numerator");
		den = spl_child(q, "denominator");
		g->num = xstrdup(spl_attr(num, "value"));
		g->num_unit = xstrdup(spl_attr(num, "unit"));
		g->den = xstrdup(spl_attr(den, "value"));
		g->den_unit = xstrdup(spl_attr(den, "unit"));
		p->ning++;
	}
}

/*
 * Read what node (the outer manufacturedProduct, or a kit's part)
 * carries: approval, marketing status, DEA policy, routes.  A part only
 * adds what the product itself does not say.
 */
static void
read_outer(struct spl_product *p, xmlNodePtr node, int part)
{
	xmlNodePtr	 c, a;
	const char	*v;
	size_t		 i;

	for (c = node->children; c != NULL; c = c->next) {
		if (spl_is(c, "subjectOf")) {
			if ((a = spl_child(c, "approval")) != NULL &&
			    (!part || p->category == NULL)) {
				free(p->category);
				free(p->application);
				p->category = xstrdup(spl_attr(
				    spl_child(a, "code"), "code"));
				p->application = xstrdup(spl_attr(
				    spl_child(a, "id"), "extension"));
			}
			if ((a = spl_child(c, "marketingAct")) != NULL &&
			    (!part || p->marketed == -1) &&
			    (v = spl_attr(spl_child(a, "statusCode"),
			    "code")) != NULL)
				p->marketed = strcmp(v, "active") == 0 ? 1 :
				    strcmp(v, "completed") == 0 ? 0 : -1;
			if ((a = spl_child(c, "policy")) != NULL &&
			    (v = spl_attr(a, "classCode")) != NULL &&
			    strcmp(v, "DEADrugSchedule") == 0 &&
			    (!part || p->dea == NULL)) {
				free(p->dea);
				p->dea = xstrdup(spl_attr(
				    spl_child(a, "code"), "code"));
			}
		}
		if (spl_is(c, "consumedIn") && p->nroutes < 8 &&
		    (v = spl_attr(spl_path(c, "substanceAdministration/"
		    "routeCode"), "displayName")) != NULL) {
			for (i = 0; i < p->nroutes; i++)
				if (strcmp(p->routes[i], v) == 0)
					break;
			if (i == p->nroutes)
				p->routes[p->nroutes++] = strdup(v);
		}
	}
}

/*
 * Read one product: m is the inner manufacturedProduct (or pre-2009
 * manufacturedMedicine), outer the one that carries approval, routes and
 * policy.
 */
static void
read_product(struct spl_product *p, xmlNodePtr m, xmlNodePtr outer)
{
	xmlNodePtr	 part, pp;
	const char	*v;

	memset(p, 0, sizeof(*p));
	p->marketed = -1;
	p->line = xmlGetLineNo(m);
	p->brand = spl_text(spl_child(m, "name"));
	p->generic = spl_text(spl_path(m, "asEntityWithGeneric/"
	    "genericMedicine/name"));
	p->form = xstrdup(spl_attr(spl_child(m, "formCode"), "displayName"));
	if (p->form != NULL) {
		for (char *s = p->form; *s != '\0'; s++)
			*s = (char)toupper((unsigned char)*s);
	}
	v = spl_attr(spl_child(m, "formCode"), "code");
	p->kit = v != NULL && strcmp(v, "C47916") == 0;
	read_ingredients(p, m);
	for (part = spl_child(m, "part"); part != NULL;
	    part = spl_next(part, "part"))
		if ((pp = spl_child(part, "partProduct")) != NULL) {
			p->kit = 1;
			read_ingredients(p, pp);
		}
	read_outer(p, outer, 0);
	for (part = spl_child(m, "part"); part != NULL;
	    part = spl_next(part, "part"))
		read_outer(p, part, 1);
}

/* Read the products of every product data section under node. */
static void
read_products(struct spl *spl, xmlNodePtr node)
{
	struct spl_product	*np;
	xmlNodePtr		 c, subj, outer, m;

	for (c = node->children; c != NULL; c = c->next) {
		if (!spl_is(c, NULL))
			continue;
		if (spl_is(c, "section")) {
			for (subj = spl_child(c, "subject"); subj != NULL;
			    subj = spl_next(subj, "subject")) {
				outer = spl_child(subj, "manufacturedProduct");
				if ((m = spl_child(outer,
				    "manufacturedProduct")) == NULL &&
				    (m = spl_child(outer,
				    "manufacturedMedicine")) == NULL)
					continue;
				if ((np = realloc(spl->prod, (spl->nprod + 1) *
				    sizeof(*np))) == NULL)
					return;
				spl->prod = np;
				read_product(&spl->prod[spl->nprod++], m,
				    outer);
			}
		}
		if (spl_is(c, "component") || spl_is(c, "section"))
			read_products(spl, c);
	}
}

/*
 * Read the header and product data of an SPL document.  Returns NULL
 * when out of memory or when the root is not an HL7 v3 document.
 */
struct spl *
spl_read(xmlDocPtr doc)
{
	struct spl	*spl;
	xmlNodePtr	 root, t;

	root = xmlDocGetRootElement(doc);
	if (!spl_is(root, "document"))
		return NULL;
	if ((spl = calloc(1, sizeof(*spl))) == NULL)
		return NULL;
	t = spl_child(root, "code");
	spl->doc_code = xstrdup(spl_attr(t, "code"));
	spl->doc_name = xstrdup(spl_attr(t, "displayName"));
	spl->title = spl_text(spl_child(root, "title"));
	spl->set_id = xstrdup(spl_attr(spl_child(root, "setId"), "root"));
	spl->version = xstrdup(spl_attr(spl_child(root, "versionNumber"),
	    "value"));
	spl->effective = isodate(spl_attr(spl_child(root, "effectiveTime"),
	    "value"));
	spl->doc_id = xstrdup(spl_attr(spl_child(root, "id"), "root"));
	spl->labeler = spl_text(spl_path(root, "author/assignedEntity/"
	    "representedOrganization/name"));
	spl->body = spl_path(root, "component/structuredBody");
	if (spl->body != NULL)
		read_products(spl, spl->body);
	return spl;
}

void
spl_free(struct spl *spl)
{
	size_t	 i, j;

	if (spl == NULL)
		return;
	for (i = 0; i < spl->nprod; i++) {
		free(spl->prod[i].brand);
		free(spl->prod[i].generic);
		free(spl->prod[i].form);
		for (j = 0; j < spl->prod[i].nroutes; j++)
			free(spl->prod[i].routes[j]);
		for (j = 0; j < spl->prod[i].ning; j++)
			ingredient_free(&spl->prod[i].ing[j]);
		free(spl->prod[i].ing);
		free(spl->prod[i].category);
		free(spl->prod[i].application);
		free(spl->prod[i].dea);
	}
	free(spl->prod);
	free(spl->doc_code);
	free(spl->doc_name);
	free(spl->title);
	free(spl->set_id);
	free(spl->version);
	free(spl->effective);
	free(spl->doc_id);
	free(spl->labeler);
	free(spl);
}
