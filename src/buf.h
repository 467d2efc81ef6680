/*
 * A growing string: appends that double the storage, a failure remembered
 * instead of reported at each append.
 */
#ifndef MONOC_BUF_H
#define MONOC_BUF_H

#include <stddef.h>

struct buf {
	char	*p;		/* NUL-terminated once anything is added */
	size_t	 len;
	size_t	 cap;
	int	 fail;		/* an allocation failed; later appends do nothing */
};

void	 buf_add(struct buf *b, const char *s, size_t n);
void	 buf_str(struct buf *b, const char *s);
char	*buf_done(struct buf *b);

#endif
