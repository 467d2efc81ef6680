/* The pool allocator monoc gives libxml2 and libxslt (alloc.c). */
#ifndef MONOC_ALLOC_H
#define MONOC_ALLOC_H

#include <stddef.h>

int	 alloc_install(void);
void	 alloc_release(void);
void	 alloc_thread_done(void);
void	 alloc_trim(void);
void	*alloc_malloc(size_t n);
void	 alloc_free(void *p);
void	*alloc_realloc(void *p, size_t n);
char	*alloc_strdup(const char *s);

#endif
