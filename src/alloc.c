/*
 * The memory allocator of libxml2 and libxslt in the monoc program.
 *
 * An XSLT transform allocates and frees millions of small blocks (nodes,
 * strings, XPath objects): with glibc's malloc a quarter of monoc's time
 * went to malloc and free, and its per-thread arenas fragmented, so peak
 * memory grew with the number of inputs.  This allocator keeps, per
 * thread, one free list per size class (40 classes up to 16 KiB), refilled
 * with runs of blocks carved from the thread's 256 KiB slabs, so that
 * allocating and freeing is a few instructions, and memory is reused for
 * the next input of the same thread: the pool of a thread grows to the
 * largest working set of one input and no further.  Larger blocks go to
 * malloc(3).
 *
 * A block freed by another thread than the one that allocated it goes to
 * the freeing thread's lists; blocks are interchangeable, so that is only
 * a matter of which thread reuses them.  Every block has a 16-byte header
 * (size class, a magic number and its slab); a block that was not
 * allocated here aborts the program instead of corrupting memory.
 *
 * A slab counts the blocks its own thread has taken from it and not given
 * back.  When a worker thread finishes (alloc_thread_done()), its slabs
 * whose count is zero go back to malloc(3): no block of theirs is in use
 * or on another thread's list (a block freed by another thread is never
 * counted back).  Its other free blocks go to a depot that any thread
 * draws on before carving new ones.  The main thread does the same with
 * its own slabs (alloc_release()) once the monographs' schema and
 * stylesheets are freed.  So the index page, built after the workers,
 * does not come on top of their memory.  Other slabs stay, reachable
 * from a global list, until the process exits.
 *
 * Only the monoc program installs it (main.c), before libxml2 allocates
 * anything; the unit tests and the sanitizer builds (MONOC_LIBC_MALLOC)
 * keep malloc(3).
 */
#define _DEFAULT_SOURCE		/* malloc_trim() */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <libxml/xmlmemory.h>

#include "alloc.h"

#define ALLOC_MAGIC	0x6d6f6e6fU	/* "mono" */
#define ALLOC_HDR	16		/* header size; keeps 16-byte alignment */
#define ALLOC_NCLASS	40
#define ALLOC_MAXSMALL	16384		/* larger blocks: malloc(3) */
#define ALLOC_BIG	0xffffffffU	/* size class of a malloc(3) block */
#define ALLOC_SLAB	(256 * 1024)
#define ALLOC_SLABHDR	64		/* struct alloc_slab, rounded up */
#define ALLOC_RUN	(16 * 1024)	/* carved at once per class */

struct alloc_cache;

struct alloc_slab {
	struct alloc_slab	*prev, *next;	/* every slab; slab_lock */
	struct alloc_slab	*mine;		/* the owner's other slabs */
	struct alloc_cache	*owner;		/* NULL once it has finished */
	size_t			 live;		/* blocks out, by the owner */
	int			 dead;		/* to be released */
};

struct alloc_hdr {
	uint32_t	 magic;
	uint32_t	 cls;		/* size class, or ALLOC_BIG */
	union {
		uint64_t		 size;	/* ALLOC_BIG: bytes asked for */
		struct alloc_slab	*slab;	/* the others: where it is */
	} u;
};

struct alloc_cache {
	void			*head[ALLOC_NCLASS];	/* free lists */
	struct alloc_slab	*slab;		/* the one being carved */
	char			*bump;		/* its uncarved rest */
	char			*end;
	struct alloc_slab	*mine;		/* every slab of the thread */
};

static __thread struct alloc_cache cache;

static pthread_mutex_t	 slab_lock = PTHREAD_MUTEX_INITIALIZER;
static struct alloc_slab *slabs;	/* every slab */

/*
 * Free blocks of threads that have finished, for any thread to take
 * before it carves new ones.  Guarded by slab_lock; read without it only
 * to see whether a list is empty.
 */
static void		*depot[ALLOC_NCLASS];

/*
 * Size classes: 16 to 256 bytes in steps of 16 (classes 0 to 15), then
 * four classes per power of two up to 16 KiB (16 to 39).
 */
static uint32_t
size_class(size_t n)
{
	unsigned int	 p;
	size_t		 m;

	if (n <= 256)
		return n == 0 ? 0 : (uint32_t)((n - 1) >> 4);
	m = n - 1;
	p = 63 - (unsigned int)__builtin_clzll((unsigned long long)m);
	return 16 + (p - 8) * 4 + (uint32_t)(m >> (p - 2)) - 4;
}

static size_t
class_size(uint32_t cls)
{
	unsigned int	 p;

	if (cls < 16)
		return ((size_t)cls + 1) << 4;
	p = 8 + (cls - 16) / 4;
	return ((size_t)1 << p) + ((cls - 16) % 4 + 1) * ((size_t)1 << (p - 2));
}

static struct alloc_hdr *
header(void *p)
{
	struct alloc_hdr	*h;

	h = (struct alloc_hdr *)((char *)p - ALLOC_HDR);
	if (h->magic != ALLOC_MAGIC) {
		fputs("monoc: internal error: freeing memory that was not "
		    "allocated by the pool\n", stderr);
		abort();
	}
	return h;
}

/* A new slab for this thread to carve; NULL when out of memory. */
static struct alloc_slab *
new_slab(void)
{
	struct alloc_slab	*s;

	if ((s = malloc(ALLOC_SLAB)) == NULL)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->owner = &cache;
	s->mine = cache.mine;
	cache.mine = s;
	pthread_mutex_lock(&slab_lock);
	s->next = slabs;
	if (slabs != NULL)
		slabs->prev = s;
	slabs = s;
	pthread_mutex_unlock(&slab_lock);
	cache.slab = s;
	cache.bump = (char *)s + ALLOC_SLABHDR;
	cache.end = (char *)s + ALLOC_SLAB;
	return s;
}

/*
 * Refill the free list of class cls with a run of blocks carved together
 * from this thread's slab, so that blocks of one size lie side by side,
 * and return the first, counted as taken.
 */
static void *
carve(uint32_t cls)
{
	struct alloc_hdr	*h;
	size_t			 need = ALLOC_HDR + class_size(cls);
	size_t			 k, count;
	char			*p;

	count = ALLOC_RUN / need;
	if (count == 0)
		count = 1;
	if (cache.bump == NULL ||
	    (size_t)(cache.end - cache.bump) < need * count)
		if (new_slab() == NULL)
			return NULL;
	p = cache.bump;
	cache.bump += need * count;
	/* Linked in address order; the first is returned. */
	for (k = 0; k < count; k++) {
		h = (struct alloc_hdr *)(p + k * need);
		h->magic = ALLOC_MAGIC;
		h->cls = cls;
		h->u.slab = cache.slab;
		*(void **)((char *)h + ALLOC_HDR) = k + 1 < count ?
		    p + (k + 1) * need + ALLOC_HDR : cache.head[cls];
	}
	cache.head[cls] = *(void **)(p + ALLOC_HDR);
	cache.slab->live++;
	return p + ALLOC_HDR;
}

/* The free blocks of class cls that finished threads left, or NULL. */
static void *
from_depot(uint32_t cls)
{
	void	*p;

	if (__atomic_load_n(&depot[cls], __ATOMIC_RELAXED) == NULL)
		return NULL;
	pthread_mutex_lock(&slab_lock);
	p = depot[cls];
	__atomic_store_n(&depot[cls], NULL, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&slab_lock);
	return p;
}

void *
alloc_malloc(size_t n)
{
	struct alloc_hdr	*h;
	uint32_t		 cls;
	void			*p;

	if (n > ALLOC_MAXSMALL) {
		if (n > SIZE_MAX - ALLOC_HDR || (h = malloc(ALLOC_HDR + n)) == NULL)
			return NULL;
		h->magic = ALLOC_MAGIC;
		h->cls = ALLOC_BIG;
		h->u.size = n;
		return (char *)h + ALLOC_HDR;
	}
	cls = size_class(n);
	if ((p = cache.head[cls]) != NULL ||
	    (p = cache.head[cls] = from_depot(cls)) != NULL) {
		cache.head[cls] = *(void **)p;
		h = (struct alloc_hdr *)((char *)p - ALLOC_HDR);
		if (h->u.slab->owner == &cache)
			h->u.slab->live++;
		return p;
	}
	return carve(cls);
}

void
alloc_free(void *p)
{
	struct alloc_hdr	*h;

	if (p == NULL)
		return;
	h = header(p);
	if (h->cls == ALLOC_BIG) {
		h->magic = 0;
		free(h);
		return;
	}
	if (h->u.slab->owner == &cache)
		h->u.slab->live--;
	*(void **)p = cache.head[h->cls];
	cache.head[h->cls] = p;
}

void *
alloc_realloc(void *p, size_t n)
{
	struct alloc_hdr	*h, *nh;
	size_t			 have;
	void			*q;

	if (p == NULL)
		return alloc_malloc(n);
	h = header(p);
	if (h->cls == ALLOC_BIG && n > ALLOC_MAXSMALL) {
		if (n > SIZE_MAX - ALLOC_HDR ||
		    (nh = realloc(h, ALLOC_HDR + n)) == NULL)
			return NULL;
		nh->u.size = n;
		return (char *)nh + ALLOC_HDR;
	}
	have = h->cls == ALLOC_BIG ? (size_t)h->u.size : class_size(h->cls);
	if (h->cls != ALLOC_BIG && n <= have)
		return p;
	if ((q = alloc_malloc(n)) == NULL)
		return NULL;
	memcpy(q, p, have < n ? have : n);
	alloc_free(p);
	return q;
}

char *
alloc_strdup(const char *s)
{
	size_t	 len = strlen(s) + 1;
	char	*p;

	if ((p = alloc_malloc(len)) != NULL)
		memcpy(p, s, len);
	return p;
}

/*
 * Give back to malloc(3) the slabs of the calling thread that have no
 * block out, after taking their blocks off its free lists.  No block of
 * theirs is anywhere else: a block freed by another thread is never
 * counted back, so its slab never has a count of zero.
 */
void
alloc_release(void)
{
	struct alloc_slab	*s, **sp;
	void			**pp, *p;
	uint32_t		 cls;
	int			 any;

	any = 0;
	for (s = cache.mine; s != NULL; s = s->mine)
		if ((s->dead = s->live == 0))
			any = 1;
	if (!any)
		return;
	for (cls = 0; cls < ALLOC_NCLASS; cls++)
		for (pp = &cache.head[cls]; (p = *pp) != NULL; )
			if (((struct alloc_hdr *)((char *)p -
			    ALLOC_HDR))->u.slab->dead)
				*pp = *(void **)p;
			else
				pp = (void **)p;
	if (cache.slab != NULL && cache.slab->dead) {
		cache.slab = NULL;
		cache.bump = cache.end = NULL;
	}
	pthread_mutex_lock(&slab_lock);
	for (sp = &cache.mine; (s = *sp) != NULL; ) {
		if (!s->dead) {
			sp = &s->mine;
			continue;
		}
		*sp = s->mine;
		if (s->prev != NULL)
			s->prev->next = s->next;
		else
			slabs = s->next;
		if (s->next != NULL)
			s->next->prev = s->prev;
		free(s);
	}
	pthread_mutex_unlock(&slab_lock);
}

/*
 * The calling thread is about to finish: release its slabs that have no
 * block out, give its other free blocks to the depot, and disown its
 * remaining slabs.  Blocks it frees afterwards (libxml2's per-thread
 * state) stay where they are.
 */
void
alloc_thread_done(void)
{
	struct alloc_slab	*s;
	void			*tail;
	uint32_t		 cls;

	alloc_release();
	for (cls = 0; cls < ALLOC_NCLASS; cls++) {
		if (cache.head[cls] == NULL)
			continue;
		for (tail = cache.head[cls]; *(void **)tail != NULL;
		    tail = *(void **)tail)
			continue;
		pthread_mutex_lock(&slab_lock);
		*(void **)tail = depot[cls];
		__atomic_store_n(&depot[cls], cache.head[cls],
		    __ATOMIC_RELAXED);
		pthread_mutex_unlock(&slab_lock);
	}
	for (s = cache.mine; s != NULL; s = s->mine)
		s->owner = NULL;
	memset(&cache, 0, sizeof(cache));
}

/*
 * After the worker threads have finished: give the free memory of
 * malloc(3) (released slabs, the blocks above 16 KiB kept in the
 * workers' arenas) back to the system.
 */
void
alloc_trim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/*
 * Make libxml2 and libxslt allocate from the pool.  Must be called
 * before either allocates anything.  Returns 0, or -1 when libxml2
 * refused (it then keeps malloc(3)).
 */
int
alloc_install(void)
{
#ifdef MONOC_LIBC_MALLOC
	return 0;
#else
	return xmlMemSetup(alloc_free, alloc_malloc, alloc_realloc,
	    alloc_strdup) == 0 ? 0 : -1;
#endif
}
