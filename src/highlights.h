/*
 * Reading the words of a PLR label's Highlights: the locators "(5.1,
 * 8.5)" that end each fact, the dates of recent major changes, the list
 * of the most common adverse reactions, the agents of an interaction and
 * the doses a dosing bullet states.  Text in, text out: import.c builds
 * the monograph's elements from what these find, and nothing here
 * guesses (a phrase that does not read unambiguously gives nothing).
 */
#ifndef MONOC_HIGHLIGHTS_H
#define MONOC_HIGHLIGHTS_H

#include <stddef.h>

#define HL_NUMSZ	16	/* a section number: "5.11" */
#define HL_MAXITEMS	64	/* items of one list */

/* One dose a bullet states, as format 2 attributes (empty: absent). */
struct hl_dose {
	char	 low[16], high[16];
	char	 unit[8];
	char	 times[4], per[12];
	char	 interval[8], interval_unit[8];
};

/* What a dosing bullet states, when it reads unambiguously. */
struct hl_dosing {
	int		 has_start, has_usual, has_max;
	struct hl_dose	 start, usual, max;
};

size_t		 hl_numbers(const char *text, char num[][HL_NUMSZ],
		    size_t max, size_t *cut);
int		 hl_date(const char *s, size_t *len, char *out, size_t size);
const char	*hl_plr_element(const char *num);
size_t		 hl_split(const char *list, size_t len, char **items,
		    size_t max);
int		 hl_common(const char *text, size_t *start, size_t *len);
size_t		 hl_agents(const char *text, size_t *len, char **agents,
		    size_t max);
const char	*hl_agent_kind(const char *agent);
int		 hl_dosing(const char *text, struct hl_dosing *d);
size_t		 hl_subject(const char *text, char **agents, size_t max);

#endif
