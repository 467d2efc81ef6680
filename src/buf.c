/*
 * A growing string (buf.h), shared by the code that builds text piece by
 * piece: the extension functions, the document model, the index page.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Append n bytes of s; remember an allocation failure. */
void
buf_add(struct buf *b, const char *s, size_t n)
{
	char	*np;
	size_t	 ncap;

	if (b->fail)
		return;
	if (b->len + n + 1 > b->cap) {
		ncap = b->cap == 0 ? 256 : b->cap;
		while (b->len + n + 1 > ncap)
			ncap *= 2;
		if ((np = realloc(b->p, ncap)) == NULL) {
			b->fail = 1;
			return;
		}
		b->p = np;
		b->cap = ncap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Append the string s. */
void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The string built, or NULL (after freeing) when memory ran out. */
char *
buf_done(struct buf *b)
{
	if (b->fail) {
		free(b->p);
		return NULL;
	}
	if (b->p == NULL)
		return strdup("");
	return b->p;
}
