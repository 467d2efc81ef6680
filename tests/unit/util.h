/* Helpers shared by the unit tests: capturing a FILE * in memory. */
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

#endif
