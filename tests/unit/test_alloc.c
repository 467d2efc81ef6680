/*
 * Unit tests for alloc.c, the pool allocator monoc gives libxml2: every
 * size from 0 to past the largest class gets a block that holds it, with
 * 16-byte alignment; realloc keeps the contents when a block grows,
 * shrinks, or crosses from the pool to malloc(3) and back; a freed block
 * is reused for the next one of its size; threads allocating and freeing
 * one another's blocks keep every block intact; a finished thread's
 * memory is released or reused and what it left in use stays intact.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Fill n bytes with a pattern that depends on seed. */
static void
fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

static int
holds(const unsigned char *p, size_t n, unsigned int seed)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed + i * 7))
			return 0;
	return 1;
}

/* Every size gets a usable, aligned block; neighbours do not overlap. */
static void
test_every_size(void **state)
{
	unsigned char	*p[20000 / 37 + 1];
	size_t		 n, k;

	(void)state;
	for (k = 0, n = 0; n <= 20000; n += 37, k++) {
		p[k] = alloc_malloc(n);
		assert_non_null(p[k]);
		assert_int_equal((uintptr_t)p[k] % 16, 0);
		fill(p[k], n, (unsigned int)k);
	}
	for (k = 0, n = 0; n <= 20000; n += 37, k++) {
		assert_true(holds(p[k], n, (unsigned int)k));
		alloc_free(p[k]);
	}
	alloc_free(NULL);
}

/* The block just freed is the next one handed out for that size. */
static void
test_reuse(void **state)
{
	void	*a, *b;

	(void)state;
	a = alloc_malloc(100);
	assert_non_null(a);
	alloc_free(a);
	b = alloc_malloc(97);
	assert_ptr_equal(a, b);
	alloc_free(b);
}

/* Growing and shrinking, within the pool and across to malloc(3). */
static void
test_grow_and_shrink(void **state)
{
	static const size_t sizes[] = {
		1, 16, 17, 250, 300, 4000, 16384, 16385, 70000, 200000,
		20000, 5000, 64, 8
	};
	unsigned char	*p;
	size_t		 i, keep;

	(void)state;
	p = alloc_realloc(NULL, 1);
	assert_non_null(p);
	fill(p, 1, 3);
	for (i = 1; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		keep = sizes[i - 1] < sizes[i] ? sizes[i - 1] : sizes[i];
		p = alloc_realloc(p, sizes[i]);
		assert_non_null(p);
		assert_true(holds(p, keep, 3));
		fill(p, sizes[i], 3);
	}
	alloc_free(p);
}

static void
test_copy_string(void **state)
{
	char	*s;

	(void)state;
	s = alloc_strdup("baclofen");
	assert_non_null(s);
	assert_string_equal(s, "baclofen");
	alloc_free(s);
	s = alloc_strdup("");
	assert_string_equal(s, "");
	alloc_free(s);
}

/*
 * Two threads pass blocks to each other through a shared array: each
 * frees the other's blocks after checking them, as libxml2 may when a
 * document made in one thread is freed in another.
 */
#define ROUNDS	200
#define SLOTS	64

struct xchg {
	unsigned char	*slot[2][SLOTS];
	size_t		 size[2][SLOTS];
	pthread_barrier_t bar;
	int		 bad;
};

struct who {
	struct xchg	*x;
	int		 me;
};

static void *
exchanger(void *arg)
{
	struct who	*w = arg;
	struct xchg	*x = w->x;
	int		 r, i, other = !w->me;
	size_t		 n;

	for (r = 0; r < ROUNDS; r++) {
		for (i = 0; i < SLOTS; i++) {
			n = (size_t)((r * 131 + i * 977 + w->me * 53) % 30000);
			x->slot[w->me][i] = alloc_malloc(n);
			x->size[w->me][i] = n;
			if (x->slot[w->me][i] == NULL)
				x->bad = 1;
			else
				fill(x->slot[w->me][i], n, (unsigned int)(r + i));
		}
		pthread_barrier_wait(&x->bar);
		for (i = 0; i < SLOTS; i++) {
			if (x->slot[other][i] == NULL)
				continue;
			if (!holds(x->slot[other][i], x->size[other][i],
			    (unsigned int)(r + i)))
				x->bad = 1;
			alloc_free(x->slot[other][i]);
		}
		pthread_barrier_wait(&x->bar);
	}
	return NULL;
}

static void
test_threads(void **state)
{
	struct xchg	 x;
	struct who	 w[2];
	pthread_t	 t[2];
	int		 k;

	(void)state;
	memset(&x, 0, sizeof(x));
	assert_int_equal(pthread_barrier_init(&x.bar, NULL, 2), 0);
	for (k = 0; k < 2; k++) {
		w[k].x = &x;
		w[k].me = k;
		assert_int_equal(pthread_create(&t[k], NULL, exchanger,
		    &w[k]), 0);
	}
	for (k = 0; k < 2; k++)
		pthread_join(t[k], NULL);
	pthread_barrier_destroy(&x.bar);
	assert_int_equal(x.bad, 0);
}

/*
 * A thread that finishes gives its memory back: a block the main thread
 * then asks for of a size the thread used comes from what it left, and
 * blocks it left in use stay usable and can be freed by another thread.
 */
struct leaver {
	void	*kept;		/* left in use for the main thread */
	void	*freed;		/* freed before finishing */
};

static void *
leave(void *arg)
{
	struct leaver	*l = arg;
	void		*tmp[1000];
	int		 i;

	for (i = 0; i < 1000; i++)
		tmp[i] = alloc_malloc(40);
	l->kept = alloc_malloc(4000);
	memset(l->kept, 'k', 4000);
	for (i = 0; i < 1000; i++)
		alloc_free(tmp[i]);
	l->freed = tmp[999];
	alloc_thread_done();
	return NULL;
}

static void
test_thread_done(void **state)
{
	struct leaver	 l;
	pthread_t	 t;
	unsigned char	*p;
	int		 i;

	(void)state;
	memset(&l, 0, sizeof(l));
	assert_int_equal(pthread_create(&t, NULL, leave, &l), 0);
	pthread_join(t, NULL);
	p = l.kept;
	for (i = 0; i < 4000; i++)
		assert_int_equal(p[i], 'k');
	alloc_free(l.kept);
	/* the thread's 48-byte blocks are usable by this one */
	p = alloc_malloc(40);
	assert_non_null(p);
	memset(p, 1, 40);
	alloc_free(p);
}

/*
 * A thread releasing its empty slabs keeps working: blocks still out
 * stay intact, and new ones of the sizes it gave back are handed out.
 */
static void
test_release(void **state)
{
	unsigned char	*keep, *p[3000];
	int		 i;

	(void)state;
	keep = alloc_malloc(200);
	memset(keep, 'q', 200);
	for (i = 0; i < 3000; i++)
		p[i] = alloc_malloc((size_t)(i % 700) + 1);
	for (i = 0; i < 3000; i++)
		alloc_free(p[i]);
	alloc_release();
	for (i = 0; i < 200; i++)
		assert_int_equal(keep[i], 'q');
	for (i = 0; i < 3000; i++) {
		p[i] = alloc_malloc((size_t)(i % 700) + 1);
		assert_non_null(p[i]);
		memset(p[i], i & 0xff, (size_t)(i % 700) + 1);
	}
	for (i = 0; i < 3000; i++)
		alloc_free(p[i]);
	alloc_free(keep);
	alloc_release();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_grow_and_shrink),
		cmocka_unit_test(test_copy_string),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_thread_done),
		cmocka_unit_test(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
