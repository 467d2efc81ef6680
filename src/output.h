/*
 * Output files: their names, directories, and atomic writes, one file
 * or a set of them; the temporary files, for cleaning up after a signal
 * or a dead run.
 */
#ifndef MONOC_OUTPUT_H
#define MONOC_OUTPUT_H

#include <stddef.h>

#include "xform.h"

struct output_set;

char	*output_path(const char *dir, enum fmt fmt, const char *name);
int	 output_mkdirs(const char *dir);
int	 output_write(const char *path, const void *buf, size_t len);
char	**output_list(const char *dir, const char *suffix, const char *prefix,
	    int missing_ok, int *np);

struct output_set *output_set_new(void);
void	 output_set_free(struct output_set *set);
int	 output_set_add(struct output_set *set, const char *path,
	    const void *buf, size_t len);
int	 output_set_commit(struct output_set *set);
const char *output_set_failed(const struct output_set *set);

void	 output_clean_stale(const char *dir);
void	 output_remove_temps(void);

#endif
