/*
 * pool.c: worker threads taking the items of a run in order, their
 * results reported in that order, and the memory budget they share.
 * monoc compiles its inputs with it and monoc import its labels: the
 * messages come out in argument order, the same whatever -j.
 */
#define _DEFAULT_SOURCE		/* malloc_trim() */

#include <stdlib.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <libxml/xmlerror.h>

#include "diag.h"
#include "pool.h"
#include "schema.h"

void
budget_init(struct budget *b, size_t total, size_t trim)
{
	pthread_mutex_init(&b->lock, NULL);
	pthread_cond_init(&b->cond, NULL);
	b->total = total;
	b->used = 0;
	b->trim = trim;
}

void
budget_destroy(struct budget *b)
{
	pthread_cond_destroy(&b->cond);
	pthread_mutex_destroy(&b->lock);
}

/*
 * Reserve n bytes of the budget.  With wait, wait until they fit beside
 * what the other workers hold (or nothing else is reserved); without,
 * take them only if they fit now.  Returns whether they were taken: with
 * wait, always.
 */
int
budget_take(struct budget *b, size_t n, int wait)
{
	int	 taken;

	pthread_mutex_lock(&b->lock);
	while (wait && b->used > 0 && b->used + n > b->total)
		pthread_cond_wait(&b->cond, &b->lock);
	taken = b->used == 0 || b->used + n <= b->total;
	if (taken)
		b->used += n;
	pthread_mutex_unlock(&b->lock);
	return taken;
}

/*
 * Give back n bytes reserved by budget_take().  A release of b->trim
 * bytes or more first gives the memory malloc(3) holds free back to the
 * system: glibc keeps what a thread's arena freed, and two 16 MB labels
 * read one after the other by two workers took 1.4 GB together.
 */
void
budget_give(struct budget *b, size_t n)
{
	if (n == 0)
		return;
#ifdef __GLIBC__
	if (b->trim > 0 && n >= b->trim)
		malloc_trim(0);
#endif
	pthread_mutex_lock(&b->lock);
	b->used -= n;
	pthread_cond_broadcast(&b->cond);
	pthread_mutex_unlock(&b->lock);
}

struct pool {
	pthread_mutex_t	 lock;		/* guards next, results, done */
	pthread_cond_t	 cond;		/* an item is done */
	size_t		 n;
	size_t		 next;		/* next item to take */
	void		**results;
	char		*done;
	struct diag	*diag;
	pool_run_fn	*run;
	void		*arg;
};

struct worker {
	struct pool		*p;
	struct schema_vctx	*vctx;
	pthread_t		 thread;
	int			 started;
};

/* A worker thread: take the next item until there is none. */
static void *
worker_main(void *warg)
{
	struct worker	*w = warg;
	struct pool	*p = w->p;
	void		*result;
	size_t		 i;

	/* libxml2's generic errors are per thread */
	xmlSetGenericErrorFunc(p->diag, diag_generic);
	for (;;) {
		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			break;
		result = p->run(p->arg, w->vctx, i);
		pthread_mutex_lock(&p->lock);
		p->results[i] = result;
		p->done[i] = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

/*
 * Run items 0 to n - 1 with run() on nw worker threads (at most n), each
 * with its own validation context of schema, and call done() for each,
 * in this thread, in the order of the items, as soon as it and all
 * before it are done.  Returns 0, or -1 when no worker could be started
 * (nothing was run).
 */
int
pool_run(size_t n, long nw, const struct schema *schema, struct diag *d,
    pool_run_fn *run, pool_done_fn *done, void *arg)
{
	struct pool	 p;
	struct worker	*w;
	size_t		 i;
	long		 k, started;
	int		 ret;

	if (n == 0)
		return 0;
	if (nw < 1)
		nw = 1;
	if ((size_t)nw > n)
		nw = (long)n;
	ret = -1;
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	p.n = n;
	p.next = 0;
	p.diag = d;
	p.run = run;
	p.arg = arg;
	p.results = calloc(n, sizeof(*p.results));
	p.done = calloc(n, 1);
	w = calloc((size_t)nw, sizeof(*w));
	if (p.results == NULL || p.done == NULL || w == NULL)
		goto out;
	started = 0;
	for (k = 0; k < nw; k++) {
		w[k].p = &p;
		if ((w[k].vctx = schema_vctx_new(schema)) == NULL)
			break;
		if (pthread_create(&w[k].thread, NULL, worker_main,
		    &w[k]) != 0) {
			schema_vctx_free(w[k].vctx);
			break;
		}
		w[k].started = 1;
		started++;
	}
	if (started == 0)
		goto out;
	for (i = 0; i < n; i++) {
		pthread_mutex_lock(&p.lock);
		while (!p.done[i])
			pthread_cond_wait(&p.cond, &p.lock);
		pthread_mutex_unlock(&p.lock);
		done(arg, i, p.results[i]);
	}
	ret = 0;
out:
	for (k = 0; w != NULL && k < nw; k++) {
		if (!w[k].started)
			continue;
		pthread_join(w[k].thread, NULL);
		schema_vctx_free(w[k].vctx);
	}
	free(w);
	free(p.results);
	free(p.done);
	pthread_cond_destroy(&p.cond);
	pthread_mutex_destroy(&p.lock);
	return ret;
}
