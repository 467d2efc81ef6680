/*
 * monoc --update SRCDIR: compile what is stale, and only that.
 *
 * Every output of a monograph (its HTML page, text, man page and the
 * sidecar for the index) is made from the monograph and from files of
 * the data directory (the schema, the stylesheets, words.xml) by this
 * monoc.  An output is stale when it is missing or older than any of
 * them; a monograph is compiled when any of its outputs is stale.  A
 * sidecar whose monograph is gone from SRCDIR takes the outputs of that
 * monograph with it.  The index page is rebuilt when anything was
 * compiled or removed, or when it is missing or older than a sidecar,
 * xslt/index.xsl, xslt/common.xsl or monoc.  A monograph that fails
 * writes nothing, so it stays stale and is tried again by the next run.
 *
 * Runs that write into one output directory take turns (update_lock()),
 * so two `make docs` at once build everything once and both succeed.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "output.h"
#include "update.h"
#include "xform.h"

/* The files of the data directory that every monograph's outputs use. */
static const char *const doc_deps[] = {
	"schema/monograph.xsd", "xslt/common.xsl", "xslt/html.xsl",
	"xslt/text.xsl", "xslt/man.xsl", "xslt/meta.xsl", "xslt/words.xml",
	NULL
};

/* And those the index page uses, besides the sidecars. */
static const char *const index_deps[] = {
	"xslt/common.xsl", "xslt/index.xsl", NULL
};

static int
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void
ts_max(struct timespec *acc, const struct timespec *t)
{
	if (ts_before(acc, t))
		*acc = *t;
}

int
update_is_stale(const struct timespec *out, const struct timespec *in,
    const struct timespec *deps)
{
	return out == NULL || ts_before(out, in) || ts_before(out, deps);
}

/* The modification time of path into *t; 0, or -1 when it has none. */
static int
mtime(const char *path, struct timespec *t)
{
	struct stat	 st;

	if (stat(path, &st) == -1)
		return -1;
	*t = st.st_mtim;
	return 0;
}

/*
 * The newest modification time of datadir/deps[...] and of monoc itself
 * (a newer monoc may write other bytes) into *t.
 */
static void
newest_dep(const char *datadir, const char *const deps[], struct timespec *t)
{
	struct timespec	 m;
	char		 path[PATH_MAX];
	size_t		 i;

	t->tv_sec = 0;
	t->tv_nsec = 0;
	for (i = 0; deps[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s/%s", datadir, deps[i]);
		if (mtime(path, &m) == 0)
			ts_max(t, &m);
	}
	if (mtime("/proc/self/exe", &m) == 0)
		ts_max(t, &m);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_list(char **v, int n)
{
	while (v != NULL && n > 0)
		free(v[--n]);
	free(v);
}

/* Is some output of the monograph path in the formats fmts stale? */
static int
monograph_stale(const char *path, const char *outdir, unsigned int fmts,
    const struct timespec *deps)
{
	struct timespec	 in, out;
	char		*name, *o;
	int		 f, stale;

	if (mtime(path, &in) == -1 || (name = check_stem(path)) == NULL)
		return 1;	/* let the compiler say what is wrong */
	stale = 0;
	for (f = 0; !stale && f < FMT__MAX; f++) {
		if ((fmts & FMT_BIT(f)) == 0)
			continue;
		if ((o = output_path(outdir, f, name)) == NULL)
			stale = 1;
		else
			stale = update_is_stale(mtime(o, &out) == 0 ? &out :
			    NULL, &in, deps);
		free(o);
	}
	free(name);
	return stale;
}

/* Is the index page older than a sidecar or what it is made with? */
static int
index_stale(const char *outdir, const char *datadir, char **metas, int n)
{
	struct timespec	 deps, t, page;
	char		 path[PATH_MAX];
	int		 i;

	snprintf(path, sizeof(path), "%s/html/index.html", outdir);
	if (mtime(path, &page) == -1)
		return 1;
	newest_dep(datadir, index_deps, &deps);
	for (i = 0; i < n; i++)
		if (mtime(metas[i], &t) == 0)
			ts_max(&deps, &t);
	return ts_before(&page, &deps);
}

/* The sidecar path dir/meta/NAME.xml's NAME (malloc'd), or NULL. */
static char *
meta_name(const char *path)
{
	const char	*b;
	size_t		 len;
	char		*s;

	b = strrchr(path, '/');
	b = b != NULL ? b + 1 : path;
	len = strlen(b) - 4;			/* ".xml" */
	if ((s = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(s, b, len);
	s[len] = '\0';
	return s;
}

/*
 * What an update of outdir from the monographs in srcdir has to do, for
 * the formats fmts (FMT_BIT()s, FMT_META among them), with the data
 * directory datadir.  Returns 0, or -1 after reporting.
 */
int
update_plan(struct update *u, const char *srcdir, const char *outdir,
    const char *datadir, unsigned int fmts, struct diag *diag)
{
	struct timespec	 deps;
	char		 prefix[PATH_MAX], metadir[PATH_MAX];
	char		**metas, **stems, *stem;
	int		 nmeta, i, j, lo, hi, c;

	memset(u, 0, sizeof(*u));
	snprintf(prefix, sizeof(prefix), "%s%s", srcdir,
	    *srcdir != '\0' && srcdir[strlen(srcdir) - 1] == '/' ? "" : "/");
	if ((u->all = output_list(srcdir, ".xml", prefix, 0, &u->nall)) ==
	    NULL) {
		diag_msg(diag, DIAG_FATAL, "cannot read the directory '%s': "
		    "%s", srcdir, strerror(errno));
		return -1;
	}
	snprintf(metadir, sizeof(metadir), "%s/meta", outdir);
	snprintf(prefix, sizeof(prefix), "%s/meta/", outdir);
	if ((metas = output_list(metadir, ".xml", prefix, 1, &nmeta)) == NULL) {
		diag_msg(diag, DIAG_FATAL, "cannot read the directory '%s': "
		    "%s", metadir, strerror(errno));
		return -1;
	}
	if ((u->stale = calloc(u->nall + 1, sizeof(char *))) == NULL ||
	    (u->gone = calloc(nmeta + 1, sizeof(char *))) == NULL ||
	    (stems = calloc(u->nall + 1, sizeof(char *))) == NULL)
		goto nomem;
	newest_dep(datadir, doc_deps, &deps);
	for (i = 0; i < u->nall; i++) {
		if (monograph_stale(u->all[i], outdir, fmts, &deps))
			u->stale[u->nstale++] = u->all[i];
		if ((stems[i] = check_stem(u->all[i])) == NULL)
			goto nomem_stems;
	}
	qsort(stems, u->nall, sizeof(*stems), cmp_str);
	for (i = 0; i < nmeta; i++) {
		if ((stem = meta_name(metas[i])) == NULL)
			goto nomem_stems;
		lo = 0;
		hi = u->nall;
		while (lo < hi) {
			j = lo + (hi - lo) / 2;
			if ((c = strcmp(stem, stems[j])) == 0)
				break;
			if (c < 0)
				hi = j;
			else
				lo = j + 1;
		}
		if (lo < hi)
			free(stem);
		else
			u->gone[u->ngone++] = stem;
	}
	u->index = u->nstale > 0 || u->ngone > 0 ||
	    index_stale(outdir, datadir, metas, nmeta);
	free_list(stems, u->nall);
	free_list(metas, nmeta);
	return 0;
nomem_stems:
	free_list(stems, u->nall);
nomem:
	free_list(metas, nmeta);
	diag_msg(diag, DIAG_FATAL, "out of memory");
	return -1;
}

/*
 * Remove the outputs of every monograph gone from srcdir; 0, or -1 after
 * reporting one that cannot be removed.
 */
int
update_remove_gone(const struct update *u, const char *outdir,
    const char *srcdir, struct diag *diag)
{
	char	*o;
	int	 i, f, ret;

	ret = 0;
	for (i = 0; i < u->ngone; i++) {
		diag_msg(diag, DIAG_NOTE, "removing the outputs of %s (no "
		    "%s/%s.xml)", u->gone[i], srcdir, u->gone[i]);
		/* the sidecar last: while it is there, a run retries */
		for (f = FMT__MAX - 1; f >= 0; f--) {
			if (f == FMT_INDEX)
				continue;
			if ((o = output_path(outdir, f, u->gone[i])) == NULL)
				return -1;
			if (unlink(o) == -1 && errno != ENOENT) {
				diag_msg(diag, DIAG_FATAL, "cannot remove "
				    "'%s': %s", o, strerror(errno));
				ret = -1;
			}
			free(o);
		}
	}
	return ret;
}

void
update_free(struct update *u)
{
	free_list(u->all, u->nall);
	free(u->stale);
	free_list(u->gone, u->ngone);
	memset(u, 0, sizeof(*u));
}

/*
 * Wait for the lock of the directory outdir (created as needed: flock(2)
 * on the directory itself, so no file is left behind), which every run
 * that writes there takes in turn, until update_unlock() or the
 * process's exit.  Returns the lock's file descriptor, or -1 after
 * reporting.
 */
int
update_lock(const char *outdir, struct diag *diag)
{
	int	 fd, r;

	if (output_mkdirs(outdir) == -1) {
		diag_msg(diag, DIAG_FATAL, "cannot create output directory "
		    "'%s': %s", outdir, strerror(errno));
		return -1;
	}
	if ((fd = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_msg(diag, DIAG_FATAL, "cannot open the output directory "
		    "'%s': %s", outdir, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (errno == EWOULDBLOCK) {
		diag_msg(diag, DIAG_NOTE, "waiting for another run writing "
		    "into '%s'", outdir);
		while ((r = flock(fd, LOCK_EX)) == -1 && errno == EINTR)
			continue;
		if (r == 0)
			return fd;
	}
	diag_msg(diag, DIAG_FATAL, "cannot lock the output directory '%s': "
	    "%s", outdir, strerror(errno));
	close(fd);
	return -1;
}

/* Release the lock of update_lock(); -1 is no lock. */
void
update_unlock(int fd)
{
	if (fd != -1)
		close(fd);
}
