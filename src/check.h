/*
 * Rules the schema cannot express, each reported at its node's line.
 */
#ifndef MONOC_CHECK_H
#define MONOC_CHECK_H

#include <stddef.h>

#include <libxml/tree.h>

struct diag_file;
struct check;

struct check	*check_new(char *const paths[], size_t n);
void		 check_free(struct check *check);
int		 check_run(const struct check *check, xmlDocPtr doc,
		    size_t input, struct diag_file *df);
int		 check_cross(const struct check *check, size_t input,
		    struct diag_file *df);
char		*check_stem(const char *path);
void		 check_set_review(struct check *check, int year, int month,
		    int day, long max_age);
long		 check_days(int year, int month, int day);

#endif
