/*
 * Unit tests for drugclass.c: one key for the ways of writing one class,
 * the class a label's Highlights state (sentences from the bulk DailyMed
 * labels), and none where a sentence states none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "drugclass.h"

static void
same_key(const char *a, const char *b)
{
	char	*ka, *kb;

	ka = drugclass_key(a);
	kb = drugclass_key(b);
	assert_non_null(ka);
	assert_non_null(kb);
	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

static void
other_key(const char *a, const char *b)
{
	char	*ka, *kb;

	ka = drugclass_key(a);
	kb = drugclass_key(b);
	assert_string_not_equal(ka, kb);
	free(ka);
	free(kb);
}

static void
test_key(void **state)
{
	char	*k;

	(void)state;
	same_key("nonsteroidal anti-inflammatory drug",
	    "Non-steroidal anti-inflammatory drugs");
	same_key("NONSTEROIDAL ANTI-INFLAMMATORY DRUG (NSAID)",
	    "nonsteroidal anti-inflammatory drug");
	same_key("atypical antipsychotic agent", "atypical antipsychotics");
	same_key("antiepileptic (AED) agent", "anti-epileptic drug");
	same_key("HMG-CoA reductase inhibitor", "HMG Co-A reductase inhibitors");
	same_key("HMG Co\xe2\x80\x91" "A reductase inhibitor",
	    "HMG-CoA reductase inhibitor");
	same_key("angiotensin converting enzyme (ACE) inhibitor",
	    "angiotensin-converting enzyme inhibitor");
	same_key("nucleoside analogue DNA polymerase inhibitor",
	    "nucleoside analog DNA polymerase inhibitor");
	same_key("muscle relaxants", "Muscle relaxant");
	same_key("corticosteroid", "corticosteroids");
	same_key("kinase inhibitor [EPC]", "kinase inhibitor");
	other_key("opioid agonist", "opioid antagonist");
	other_key("5-HT3 receptor antagonist", "5-HT4 receptor antagonist");
	/* the head word stays when nothing else would */
	k = drugclass_key("agents");
	assert_string_equal(k, "agent");
	free(k);
	/* words ending in s that are not plurals */
	k = drugclass_key("antiherpes virus");
	assert_string_equal(k, "antiherpesvirus");
	free(k);
	k = drugclass_key("");
	assert_string_equal(k, "");
	free(k);
}

static void
test_clean(void **state)
{
	char	*c;

	(void)state;
	c = drugclass_clean("  an  Atypical antipsychotic (AAP), ");
	assert_string_equal(c, "Atypical antipsychotic");
	free(c);
	c = drugclass_clean("ATYPICAL ANTIPSYCHOTIC");
	assert_string_equal(c, "atypical antipsychotic");
	free(c);
	c = drugclass_clean("NNRTI");
	assert_string_equal(c, "NNRTI");
	free(c);
	assert_null(drugclass_clean(" (x) "));
}

static void
stated(const char *text, const char *cls)
{
	char	*c;

	c = drugclass_stated(text);
	if (cls == NULL) {
		if (c != NULL)
			fail_msg("'%s' states class '%s'",
			    text != NULL ? text : "", c);
		return;
	}
	if (c == NULL)
		fail_msg("'%s' states no class", text != NULL ? text : "");
	assert_string_equal(c, cls);
	free(c);
}

static void
test_stated(void **state)
{
	(void)state;
	stated("ZYPREXA is an atypical antipsychotic indicated: "
	    "Schizophrenia (1.1)", "atypical antipsychotic");
	stated("Telmisartan is an angiotensin II receptor blocker (ARB) "
	    "indicated for: Treatment of hypertension",
	    "angiotensin II receptor blocker");
	stated("Venlafaxine hydrochloride extended-release capsules are a "
	    "serotonin and norepinephrine reuptake inhibitor (SNRI) "
	    "indicated for the treatment of: Major Depressive Disorder",
	    "serotonin and norepinephrine reuptake inhibitor");
	stated("Ciprofloxacin tablets are fluoroquinolone antibacterial "
	    "indicated in adults", "fluoroquinolone antibacterial");
	stated("Metoprolol Succinate is a beta 1 -selective adrenoceptor "
	    "blocking agent. Metoprolol Succinate is indicated for the "
	    "treatment of: Hypertension",
	    "beta 1 -selective adrenoceptor blocking agent");
	stated("Amlodipine besylate is a calcium channel blocker and may be "
	    "used alone or in combination with other antihypertensive "
	    "agents", "calcium channel blocker");
	stated("Dextroamphetamine saccharate and amphetamine sulfate "
	    "extended-release capsules, a CNS stimulant, is indicated for "
	    "the treatment of ADHD", "CNS stimulant");
	stated("Hydrocortisone cream is a topical corticosteroid that is "
	    "indicated for the relief", "topical corticosteroid");
	stated("PROCRIT is an erythropoiesis-stimulating agent (ESA) "
	    "indicated for: Treatment of anemia due to chemotherapy and upon "
	    "initiation, there is a minimum of two additional months of "
	    "planned chemotherapy ( 1.3 ). Reduction of transfusions",
	    "erythropoiesis-stimulating agent");
	stated("Clopidogrel is a\xc2\xa0P2Y12 platelet inhibitor\xc2\xa0"
	    "indicated for", "P2Y12 platelet inhibitor");
	/* no class */
	stated("Carisoprodol is indicated for pain. It is a muscle relaxant. "
	    "Take it", NULL);
	stated("Gabapentin capsules are indicated for: Postherpetic "
	    "neuralgia in adults (1)", NULL);
	stated("Levothyroxine Sodium Tablets are L-thyroxine (T4) indicated "
	    "for: Hypothyroidism", NULL);
	stated("Promethazine with Codeine Oral Solution is a combination of "
	    "codeine, an opioid agonist; and promethazine, a phenothiazine, "
	    "indicated for the temporary relief of cough", NULL);
	stated("Vyvanse, a prodrug of the CNS stimulant dextroamphetamine, is "
	    "indicated for the treatment of ADHD", NULL);
	stated("X is also indicated for Y. X is not indicated for Z.", NULL);
	stated("Tramadol hydrochloride and acetaminophen tablet is a "
	    "combination of tramadol hydrochloride, an opioid agonist, and "
	    "acetaminophen, and is indicated for pain", NULL);
	stated(NULL, NULL);
	stated("", NULL);
}

/* The class of a label: the Highlights of its Indications section. */
static void
test_of_label(void **state)
{
	static const char label[] =
	    "<document xmlns=\"urn:hl7-org:v3\"><component><structuredBody>"
	    "<component><section><code code=\"34066-1\"/><excerpt><highlight>"
	    "<text>Drug X is a boxed opioid agonist indicated for</text>"
	    "</highlight></excerpt></section></component>"
	    "<component><section><code code=\"34067-9\"/>"
	    "<title>1 INDICATIONS</title><text><paragraph>Drug X is a "
	    "full-text class indicated for</paragraph></text><excerpt>"
	    "<highlight><text><paragraph>Drug X is a <content styleCode="
	    "\"bold\">selective serotonin reuptake inhibitor</content> "
	    "(SSRI) indicated for</paragraph></text></highlight></excerpt>"
	    "</section></component></structuredBody></component></document>";
	static const char old[] =
	    "<document xmlns=\"urn:hl7-org:v3\"><component><structuredBody>"
	    "<component><section><code code=\"34067-9\"/><text><paragraph>"
	    "Drug X is a class indicated for</paragraph></text></section>"
	    "</component></structuredBody></component></document>";
	xmlDocPtr	 doc;
	xmlNodePtr	 body;
	char		*c;

	(void)state;
	doc = xmlReadMemory(label, sizeof(label) - 1, "l.xml", NULL, 0);
	assert_non_null(doc);
	body = xmlDocGetRootElement(doc)->children->children;
	c = drugclass_of_label(body);
	assert_non_null(c);
	assert_string_equal(c, "selective serotonin reuptake inhibitor");
	free(c);
	xmlFreeDoc(doc);
	/* the old format has no Highlights: no class from the full text */
	doc = xmlReadMemory(old, sizeof(old) - 1, "o.xml", NULL, 0);
	assert_non_null(doc);
	body = xmlDocGetRootElement(doc)->children->children;
	assert_null(drugclass_of_label(body));
	xmlFreeDoc(doc);
	assert_null(drugclass_of_label(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_stated),
		cmocka_unit_test(test_of_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
