/*
 * pool.h: the worker threads that compile monographs (monoc.c) and import
 * labels (import.c), and the memory budget their work shares (monoc.h
 * says what is reserved when).
 */
#ifndef MONOC_POOL_H
#define MONOC_POOL_H

#include <pthread.h>
#include <stddef.h>

struct diag;
struct schema;
struct schema_vctx;

/* The memory budget of a run: what its workers have reserved together. */
struct budget {
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	size_t		 total;		/* the budget */
	size_t		 used;		/* reserved now */
	size_t		 trim;		/* see budget_give(); 0: never */
};

void	 budget_init(struct budget *b, size_t total, size_t trim);
void	 budget_destroy(struct budget *b);
int	 budget_take(struct budget *b, size_t n, int wait);
void	 budget_give(struct budget *b, size_t n);

/*
 * One item of the work: run in a worker thread with that thread's own
 * validation context; what it returns is handed to done() in the thread
 * that called pool_run().
 */
typedef void	*pool_run_fn(void *arg, struct schema_vctx *vctx, size_t i);
typedef void	 pool_done_fn(void *arg, size_t i, void *result);

int	 pool_run(size_t n, long nw, const struct schema *schema,
	    struct diag *d,
	    pool_run_fn *run, pool_done_fn *done, void *arg);

#endif
