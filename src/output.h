/*
 * Output files: their names, directories, and atomic writes.
 */
#ifndef MONOC_OUTPUT_H
#define MONOC_OUTPUT_H

#include <stddef.h>

#include "xform.h"

char	*output_path(const char *dir, enum fmt fmt, const char *name);
int	 output_mkdirs(const char *dir);
int	 output_write(const char *path, const void *buf, size_t len);
char	**output_list(const char *dir, const char *suffix, const char *prefix,
	    int missing_ok, int *np);

#endif
