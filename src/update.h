/*
 * monoc --update SRCDIR: what is stale in an output directory, decided
 * in one place.  `make docs` is this one call.
 */
#ifndef MONOC_UPDATE_H
#define MONOC_UPDATE_H

#include <time.h>

struct diag;

/* The work an update run has to do, from update_plan(). */
struct update {
	char		**all;		/* SRCDIR/ *.xml, sorted */
	int		  nall;
	char		**stale;	/* those to compile (into all) */
	int		  nstale;
	char		**gone;		/* sidecar names with no monograph */
	int		  ngone;
	int		  index;	/* the index page must be rebuilt */
};

/*
 * Is an output with modification time out (NULL: missing) stale for an
 * input modified at in, whose other inputs were last modified at deps?
 */
int	 update_is_stale(const struct timespec *out,
	    const struct timespec *in, const struct timespec *deps);
int	 update_plan(struct update *u, const char *srcdir,
	    const char *outdir, const char *datadir, unsigned int fmts,
	    struct diag *diag);
int	 update_remove_gone(const struct update *u, const char *outdir,
	    const char *srcdir, struct diag *diag);
void	 update_free(struct update *u);
int	 update_lock(const char *outdir, struct diag *diag);
void	 update_unlock(int fd);

#endif
