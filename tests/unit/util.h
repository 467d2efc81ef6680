/*
 * Helpers shared by the unit tests: capturing a FILE * in memory, reading
 * a small file.
 */
#ifndef MONOC_TEST_UTIL_H
#define MONOC_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>

struct capture {
	FILE	*f;
	char	*buf;
	size_t	 len;
};

static inline void
capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
}

/* Close the stream; c->buf then holds everything written, NUL-ended. */
static inline const char *
capture_close(struct capture *c)
{
	fclose(c->f);
	c->f = NULL;
	return c->buf;
}

static inline void
capture_free(struct capture *c)
{
	if (c->f != NULL)
		fclose(c->f);
	free(c->buf);
	c->buf = NULL;
}

/* The contents of path, or "" when it cannot be read (static buffer). */
static inline const char *
slurp(const char *path)
{
	static char	 buf[8192];
	FILE		*f;
	size_t		 n;

	*buf = '\0';
	if ((f = fopen(path, "r")) == NULL)
		return "";
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
