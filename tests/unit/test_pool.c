/*
 * Unit tests for pool.c: every item run once, on the workers, its result
 * reported in item order whatever the order the workers finish in, with
 * each worker's own validation context; and the memory budget's
 * reservations.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "pool.h"
#include "schema.h"

#define N	200

struct state {
	pthread_mutex_t		 lock;
	int			 ran[N];	/* times each item ran */
	struct schema_vctx	*vctx[N];	/* the context it ran with */
	size_t			 reported[N];	/* done() calls, in order */
	size_t			 nreported;
};

static void *
run(void *arg, struct schema_vctx *vctx, size_t i)
{
	struct state	*st = arg;
	struct timespec	 ts;

	/* the later items finish first, most of the time */
	ts.tv_sec = 0;
	ts.tv_nsec = (long)((N - i) % 7) * 100000;
	nanosleep(&ts, NULL);
	pthread_mutex_lock(&st->lock);
	st->ran[i]++;
	st->vctx[i] = vctx;
	pthread_mutex_unlock(&st->lock);
	return (void *)(i * 3 + 1);
}

static void
done(void *arg, size_t i, void *result)
{
	struct state	*st = arg;

	/* as run() left it, and in order: done() is in this thread */
	assert_int_equal((size_t)result, i * 3 + 1);
	assert_int_equal(st->ran[i], 1);
	st->reported[st->nreported++] = i;
}

static struct schema *
load_schema(struct diag **d)
{
	struct schema	*sc;

	assert_non_null(*d = diag_new(stderr, 0));
	assert_non_null(sc = schema_load("schema/monograph.xsd", *d));
	return sc;
}

static void
test_order(void **state)
{
	struct state	 st;
	struct diag	*d;
	struct schema	*sc;
	size_t		 i, k, contexts;
	long		 nw;

	(void)state;
	sc = load_schema(&d);
	for (nw = 1; nw <= 9; nw += 4) {
		memset(&st, 0, sizeof(st));
		pthread_mutex_init(&st.lock, NULL);
		assert_int_equal(pool_run(N, nw, sc, d, run, done, &st), 0);
		assert_int_equal(st.nreported, N);
		for (i = 0; i < N; i++) {
			assert_int_equal(st.reported[i], i);
			assert_int_equal(st.ran[i], 1);
			assert_non_null(st.vctx[i]);
		}
		/* at most nw workers, each with a context of its own */
		contexts = 0;
		for (i = 0; i < N; i++) {
			for (k = 0; k < i && st.vctx[k] != st.vctx[i]; k++)
				continue;
			if (k == i)
				contexts++;
		}
		assert_true(contexts >= 1 && contexts <= (size_t)nw);
		pthread_mutex_destroy(&st.lock);
	}
	/* nothing to do */
	memset(&st, 0, sizeof(st));
	assert_int_equal(pool_run(0, 4, sc, d, run, done, &st), 0);
	assert_int_equal(st.nreported, 0);
	schema_free(sc);
	diag_free(d);
}

static void
test_budget(void **state)
{
	struct budget	 b;

	(void)state;
	budget_init(&b, 100, 0);
	assert_true(budget_take(&b, 60, 0));
	assert_false(budget_take(&b, 50, 0));	/* 110 > 100 */
	assert_true(budget_take(&b, 40, 0));
	assert_int_equal(b.used, 100);
	budget_give(&b, 60);
	budget_give(&b, 40);
	assert_int_equal(b.used, 0);
	/* more than the whole budget: taken when nothing else is held */
	assert_true(budget_take(&b, 500, 0));
	assert_false(budget_take(&b, 1, 0));
	budget_give(&b, 500);
	assert_true(budget_take(&b, 500, 1));
	budget_give(&b, 500);
	budget_destroy(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
