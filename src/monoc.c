/*
 * The driver: options -> session -> per-file pipeline -> exit status.
 *
 * The schema and stylesheets are compiled once in the main thread; then
 * worker threads take input files in turn, each running compile_one(): load
 * -> validate -> check -> transform -> write.  Diagnostics of each input are
 * buffered and printed by the main thread in input order.  Finally the
 * index page is rebuilt from the sidecars.
 */
#define _DEFAULT_SOURCE		/* malloc_trim() */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>

#include "check.h"
#include "diag.h"
#include "import.h"
#include "index.h"
#include "load.h"
#include "model.h"
#include "monoc.h"
#include "options.h"
#include "output.h"
#include "pool.h"
#include "schema.h"
#include "table.h"
#include "update.h"
#include "xform.h"

#ifndef DATADIR
#define DATADIR	"/usr/local/share/monoc"
#endif

struct session {
	struct options		 opt;
	struct diag		*diag;
	char			*datadir;
	struct schema		*schema;
	struct xform		*xf;
	struct words		*words;		/* xslt/words.xml */
	struct check		*check;
	xmlExternalEntityLoader	 loader;	/* before load_lockdown() */
	unsigned int		 fmts;		/* formats written */
	int			 write;		/* outputs are written */
	pthread_mutex_t		 lock;		/* guards the fields below */
	int			 sigstop;	/* the signal thread ends */
	int			 sigrunning;
	pthread_t		 sigthread;
	sigset_t		 sigs, oldsigs;
	char			**unique;	/* opt.files, each file once */
	struct budget		 budget;	/* of memory (monoc.h) */
};

/*
 * The data directory: --data-dir, else $MONOC_DATADIR, else the directory
 * of the executable when it holds schema/monograph.xsd (the source tree),
 * else the compiled-in DATADIR.
 */
static char *
find_datadir(const struct options *opt)
{
	char		 exe[PATH_MAX], probe[PATH_MAX + 32];
	const char	*env;
	char		*slash;
	ssize_t		 n;

	if (opt->datadir != NULL)
		return strdup(opt->datadir);
	if ((env = getenv("MONOC_DATADIR")) != NULL && *env != '\0')
		return strdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(probe, sizeof(probe),
			    "%s/schema/monograph.xsd", exe);
			if (access(probe, R_OK) == 0)
				return strdup(exe);
		}
	}
	return strdup(DATADIR);
}

/* The data directory as monoc import finds it (no --data-dir there). */
char *
monoc_datadir(void)
{
	struct options	 opt;

	memset(&opt, 0, sizeof(opt));
	return find_datadir(&opt);
}

/*
 * Give the review rules today's date: the UTC date of SOURCE_DATE_EPOCH
 * when it is set (the reproducible-builds convention, which also lets
 * tests fix the date), else of the clock.  UTC, so that no time zone file
 * is read.  Returns -1 after reporting a malformed SOURCE_DATE_EPOCH.
 */
static int
set_today(struct session *s)
{
	const char	*env;
	char		*end;
	long long	 secs;
	time_t		 t;
	struct tm	 tm;

	if ((env = getenv("SOURCE_DATE_EPOCH")) != NULL && *env != '\0') {
		errno = 0;
		secs = strtoll(env, &end, 10);
		t = (time_t)secs;
		if (*end != '\0' || errno != 0 || secs < 0 ||
		    (long long)t != secs || gmtime_r(&t, &tm) == NULL) {
			diag_msg(s->diag, DIAG_FATAL, "SOURCE_DATE_EPOCH '%s' "
			    "is not a number of seconds since 1970-01-01; "
			    "fix or unset it", env);
			return -1;
		}
	} else {
		t = time(NULL);
		if (gmtime_r(&t, &tm) == NULL) {
			diag_msg(s->diag, DIAG_FATAL, "cannot read the clock");
			return -1;
		}
	}
	check_set_review(s->check, tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, s->opt.max_age);
	return 0;
}

/*
 * The document model of the monograph doc (src/model.c), to render into
 * each of FMT_DOCS; free it with xmlFreeDoc().  Returns NULL after
 * reporting to df.
 */
static xmlDocPtr
build_model(struct session *s, xmlDocPtr doc, struct diag_file *df)
{
	enum model_status	 status;
	xmlDocPtr		 res;
	char			 err[256];

	if ((res = model_build(doc, s->words, &status, err,
	    sizeof(err))) != NULL)
		return res;
	if (status == MODEL_NOMEM)
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
	else if (status == MODEL_NOWORDS)
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "%s", err);
	else
		diag_file_add(df, DIAG_ERROR, 0, 0, NULL,
		    "not a monograph: no document model can be built");
	return NULL;
}

/*
 * Transform doc into every format, then write the outputs as one set:
 * every temporary file first, then all renamed.  Nothing is written
 * unless every transform succeeded, nothing replaced unless every
 * temporary file was written.  The document model is built once and
 * rendered into html, text and man; it is freed as soon as they are.
 */
static void
transform_and_write(struct session *s, xmlDocPtr doc, const char *name,
    struct diag_file *df)
{
	struct output_set *set;
	xmlChar		*out[FMT__MAX];
	int		 len[FMT__MAX];
	xmlDocPtr	 model;
	char		*path;
	int		 f, ok;

	memset(out, 0, sizeof(out));
	model = NULL;
	ok = 1;
	if (s->fmts & FMT_DOCS)
		ok = (model = build_model(s, doc, df)) != NULL;
	for (f = 0; ok && f < FMT__MAX; f++)
		if (s->fmts & FMT_BIT(f))
			ok = xform_apply(s->xf, f, (FMT_DOCS & FMT_BIT(f)) ?
			    model : doc, df, &out[f], &len[f]) == 0;
	xmlFreeDoc(model);
	set = NULL;
	if (ok && (set = output_set_new()) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		ok = 0;
	}
	for (f = 0; ok && f < FMT__MAX; f++) {
		if ((s->fmts & FMT_BIT(f)) == 0)
			continue;
		if ((path = output_path(s->opt.outdir, f, name)) == NULL) {
			diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
			    "out of memory");
			ok = 0;
			break;
		}
		ok = output_set_add(set, path, out[f] == NULL ? "" :
		    (char *)out[f], len[f]) == 0;
		if (!ok)
			diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
			    "cannot write '%s': %s", path, strerror(errno));
		free(path);
	}
	for (f = 0; f < FMT__MAX; f++)
		xmlFree(out[f]);
	if (ok && output_set_commit(set) == -1)
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
		    "cannot write '%s': %s", output_set_failed(set),
		    strerror(errno));
	output_set_free(set);
}

/*
 * A monograph whose outputs would take the name of a generated file
 * (its HTML page would be the index page) is an error, reported at its
 * id.  name is the file's stem, which check.c requires the id to match.
 */
static void
check_reserved(xmlDocPtr doc, const char *name, struct diag_file *df)
{
	xmlNodePtr	 root;

	if (name == NULL || strcmp(name, "index") != 0 ||
	    (root = xmlDocGetRootElement(doc)) == NULL)
		return;
	diag_file_add_node(df, DIAG_ERROR, root, "id", "reserved-id",
	    "monograph id 'index' is reserved: its page would replace the "
	    "index page html/index.html; choose another id and file name");
}

/* The memory of input i before it is read: MEM_PER_BYTE times its size. */
static size_t
mem_for_file(const char *path)
{
	struct stat	 st;

	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size < 0)
		return 0;
	return MEM_PER_BYTE * (size_t)(st.st_size < LOAD_MAXSIZE ?
	    st.st_size : LOAD_MAXSIZE);
}

/*
 * Make the reservation *held of input i (read into *docp) big enough to
 * transform it.  If the rest of the budget cannot give it now, the
 * document is freed and the reservation given back, then the whole is
 * waited for and the file read again: waiting while holding could
 * deadlock two workers.  Returns 0, or -1 after reporting to df when it
 * needs more than the whole budget or cannot be read again.
 */
static int
mem_for_transform(struct session *s, size_t i, xmlDocPtr *docp,
    size_t *held, struct diag_file *df)
{
	struct diag_file	*again;
	size_t			 size, need;

	size = *held / MEM_PER_BYTE;
	need = monoc_mem_compile(*docp, size);
	if (need > s->budget.total) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "too-large", "compiling "
		    "this monograph would take about %zu MiB, more than the "
		    "memory budget of %zu MiB; split it", need >> 20,
		    s->budget.total >> 20);
		return -1;
	}
	if (need <= *held)
		return 0;
	if (budget_take(&s->budget, need - *held, 0)) {
		*held = need;
		return 0;
	}
	xmlFreeDoc(*docp);
	*docp = NULL;
	budget_give(&s->budget, *held);
	*held = 0;
	budget_take(&s->budget, need, 1);
	*held = need;
	if ((again = diag_file_new(s->diag, s->opt.files[i])) == NULL) {
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL, "out of memory");
		return -1;
	}
	*docp = load_file(s->opt.files[i], again);
	diag_file_free(again);
	if (*docp == NULL) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "read", "the file changed "
		    "while it was compiled");
		return -1;
	}
	return 0;
}

/*
 * --emit-model: the document model of doc on standard output, as the
 * renderers get it.
 */
static void
emit_model(struct session *s, xmlDocPtr doc, struct diag_file *df)
{
	xmlDocPtr	 model;

	if ((model = build_model(s, doc, df)) == NULL)
		return;
	if (xmlDocDump(stdout, model) == -1 || fflush(stdout) == EOF)
		diag_file_add(df, DIAG_FATAL, 0, 0, NULL,
		    "cannot write the model: %s", strerror(errno));
	xmlFreeDoc(model);
}

/*
 * The pipeline for input number i: load (safe parse) -> validate ->
 * check -> transform -> write, each step within the memory budget.
 * Returns its diagnostics (a struct diag_file), or NULL when out of
 * memory.  A pool_run_fn (pool.h).
 */
static void *
compile_one(void *arg, struct schema_vctx *vctx, size_t i)
{
	struct session		*s = arg;
	struct diag_file	*df;
	xmlDocPtr		 doc;
	char			*name;
	size_t			 held;

	if ((df = diag_file_new(s->diag, s->opt.files[i])) == NULL)
		return NULL;
	held = mem_for_file(s->opt.files[i]);
	if (held > s->budget.total) {
		diag_file_add(df, DIAG_ERROR, 0, 0, "too-large", "reading "
		    "this monograph may take %zu MiB, more than the memory "
		    "budget of %zu MiB", held >> 20, s->budget.total >> 20);
		return df;
	}
	budget_take(&s->budget, held, 1);
	if ((doc = load_file(s->opt.files[i], df)) != NULL) {
		schema_validate(vctx, doc, df);
		check_run(s->check, doc, i, df);
		if (s->opt.emit_model && diag_file_worst(df) < DIAG_ERROR &&
		    mem_for_transform(s, i, &doc, &held, df) == 0)
			emit_model(s, doc, df);
		name = check_stem(s->opt.files[i]);
		check_reserved(doc, name, df);
		if (s->write && name != NULL &&
		    diag_file_worst(df) < DIAG_ERROR &&
		    mem_for_transform(s, i, &doc, &held, df) == 0)
			transform_and_write(s, doc, name, df);
		free(name);
		xmlFreeDoc(doc);
	}
	budget_give(&s->budget, held);
	if (diag_file_count(df) == 0)
		diag_file_set_source(df, NULL, 0);
	return df;
}

/*
 * Give the memory malloc(3) holds free back to the system: the workers'
 * arenas and what the monographs needed, so that the index page, built
 * last, does not come on top of them.  Once per run.
 */
static void
trim_memory(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

/*
 * Keep freed memory for the next monograph: each one allocates and frees
 * some megabytes, and glibc's defaults hand the top of the heap back to
 * the system (128 KiB trim threshold) and serve each 100 KB output
 * buffer from a fresh mmap(2), so the next monograph faulted the same
 * pages in again.  Peak memory is unchanged; trim_memory() still gives
 * it all back before the index page.
 */
static void
keep_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
#endif
}

/* Print input i's diagnostics, in input order: a pool_done_fn. */
static void
report_one(void *arg, size_t i, void *result)
{
	struct session		*s = arg;
	struct diag_file	*df = result;

	if (df == NULL)
		diag_msg(s->diag, DIAG_FATAL, "%s: out of memory",
		    s->opt.files[i]);
	diag_flush(s->diag, df);
	diag_file_free(df);
}

/* An input file by its device and inode, for finding one given twice. */
struct file_id {
	dev_t	 dev;
	ino_t	 ino;
	size_t	 i;
};

static int
cmp_file_id(const void *a, const void *b)
{
	const struct file_id	*x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The same file given twice (under one name or two) is compiled once,
 * with a note, not reported as a duplicate of itself: opt.files becomes
 * the list without the later mentions.  Files that cannot be stat(2)ed
 * stay, for load.c to report.  Returns -1 when out of memory.
 */
static int
drop_repeats(struct session *s)
{
	struct file_id	*v;
	struct stat	 st;
	char		*drop;
	size_t		 i, n, k, m;

	n = s->opt.nfiles;
	if (n < 2)
		return 0;
	if ((v = calloc(n, sizeof(*v))) == NULL ||
	    (drop = calloc(n, 1)) == NULL) {
		free(v);
		return -1;
	}
	for (i = k = 0; i < n; i++)
		if (stat(s->opt.files[i], &st) == 0) {
			v[k].dev = st.st_dev;
			v[k].ino = st.st_ino;
			v[k++].i = i;
		}
	qsort(v, k, sizeof(*v), cmp_file_id);
	for (i = 1; i < k; i++)
		if (v[i].dev == v[i - 1].dev && v[i].ino == v[i - 1].ino) {
			drop[v[i].i] = 1;
			diag_msg(s->diag, DIAG_NOTE, "'%s' is the same file as "
			    "'%s', given before; compiled once",
			    s->opt.files[v[i].i], s->opt.files[v[i - 1].i]);
			v[i].i = v[i - 1].i;	/* the first mention */
		}
	free(v);
	for (i = m = 0; i < n; i++)
		m += !drop[i];
	if (m < n) {
		if ((s->unique = calloc(m + 1, sizeof(char *))) == NULL) {
			free(drop);
			return -1;
		}
		for (i = m = 0; i < n; i++)
			if (!drop[i])
				s->unique[m++] = s->opt.files[i];
		s->opt.files = s->unique;
		s->opt.nfiles = m;
	}
	free(drop);
	return 0;
}

/*
 * Create the output directories up front, and remove from them the
 * temporary files of earlier runs that died; 0 or -1 after reporting.
 */
static int
make_outdirs(struct session *s)
{
	char	*path, *slash;
	int	 f;

	for (f = 0; f < FMT__MAX; f++) {
		if ((s->fmts & FMT_BIT(f)) == 0)
			continue;
		if ((path = output_path(s->opt.outdir, f, "x")) == NULL)
			return -1;
		if ((slash = strrchr(path, '/')) != NULL)
			*slash = '\0';
		if (output_mkdirs(path) == -1) {
			diag_msg(s->diag, DIAG_FATAL, "cannot create output "
			    "directory '%s': %s", path, strerror(errno));
			free(path);
			return -1;
		}
		output_clean_stale(path);
		free(path);
	}
	return 0;
}

/* Read DATADIR/xslt/words.xml into s->words; 0, or -1 after reporting. */
static int
load_words(struct session *s)
{
	char	 path[PATH_MAX], err[PATH_MAX + 128];

	snprintf(path, sizeof(path), "%s/xslt/words.xml", s->datadir);
	if ((s->words = words_load(path, err, sizeof(err))) == NULL) {
		diag_msg(s->diag, DIAG_FATAL, "%s", err);
		return -1;
	}
	return 0;
}

/*
 * The source text of path for df's excerpts, read again as load_file()
 * read it.
 */
static void
cross_source(struct diag_file *df, const char *path)
{
	char	*buf;
	size_t	 len;

	if ((buf = load_read(path, df, &len)) != NULL)
		diag_file_set_source(df, buf, len);
}

/*
 * The rules across monographs (an interaction listed by one side only),
 * once every input has been checked: their warnings come after the
 * inputs' own messages.
 */
static void
cross_check(struct session *s)
{
	struct diag_file	*df;
	int			 i;

	for (i = 0; i < s->opt.nfiles; i++) {
		if ((df = diag_file_new(s->diag, s->opt.files[i])) == NULL) {
			diag_msg(s->diag, DIAG_FATAL, "out of memory");
			return;
		}
		check_cross(s->check, i, df);
		if (diag_file_count(df) > 0)
			cross_source(df, s->opt.files[i]);
		diag_flush(s->diag, df);
		diag_file_free(df);
	}
}

/*
 * --update SRCDIR: make s compile the stale monographs of SRCDIR (or
 * only rebuild the index page) after removing the outputs of those gone.
 * Returns 0 to go on, 1 when there is nothing to do, -1 after reporting.
 */
static int
plan_update(struct session *s, struct update *u)
{
	const char	*srcdir = s->opt.files[0];

	if (update_plan(u, srcdir, s->opt.outdir, s->datadir,
	    s->opt.fmts | FMT_BIT(FMT_META), s->diag) == -1 ||
	    update_remove_gone(u, s->opt.outdir, srcdir, s->diag) == -1)
		return -1;
	if (u->nstale > 0) {
		diag_msg(s->diag, DIAG_NOTE, "compiling %d monograph%s of %d "
		    "in %s", u->nstale, u->nstale == 1 ? "" : "s", u->nall,
		    srcdir);
		s->opt.files = u->stale;
		s->opt.nfiles = u->nstale;
		return 0;
	}
	if (!u->index)
		return 1;
	diag_msg(s->diag, DIAG_NOTE, "rebuilding the index page");
	s->opt.index_only = 1;
	s->opt.nfiles = 0;
	return 0;
}

/*
 * The memory budget (monoc.h): MEM_BUDGET, or $MONOC_MEMORY_MIB
 * mebibytes when set.  Returns it, or 0 after reporting to d a value
 * that is not a number of mebibytes.
 */
size_t
monoc_budget(struct diag *d)
{
	const char	*env;
	char		*end;
	long		 mib;

	if ((env = getenv("MONOC_MEMORY_MIB")) == NULL || *env == '\0')
		return MEM_BUDGET;
	errno = 0;
	mib = strtol(env, &end, 10);
	if (*end != '\0' || errno != 0 || mib < 1 ||
	    (unsigned long)mib > SIZE_MAX >> 20) {
		diag_msg(d, DIAG_FATAL, "MONOC_MEMORY_MIB '%s' is not a "
		    "number of mebibytes; fix or unset it", env);
		return 0;
	}
	return (size_t)mib << 20;
}

/*
 * What compiling the monograph doc, read from size bytes, may take
 * (monoc.h): MEM_PER_BYTE a byte, MEM_PER_NODE a node and MEM_PER_SLOT
 * a slot of its tables' grids.
 */
size_t
monoc_mem_compile(xmlDocPtr doc, size_t size)
{
	return MEM_PER_BYTE * size + MEM_PER_NODE * load_count_nodes(doc) +
	    MEM_PER_SLOT * table_slots(xmlDocGetRootElement(doc));
}

static int
set_budget(struct session *s)
{
	s->budget.total = monoc_budget(s->diag);
	return s->budget.total == 0 ? -1 : 0;
}

/*
 * The signal thread: SIGINT and SIGTERM are blocked in every other
 * thread and taken here, where it is safe to lock and print.  The run's
 * temporary files are removed, then the process exits 130 or 143 (128
 * plus the signal, as a shell reports it).  Woken with stop set, it
 * returns.
 */
static void *
signal_main(void *arg)
{
	struct session	*s = arg;
	int		 sig, stop;

	for (;;) {
		if (sigwait(&s->sigs, &sig) != 0)
			continue;
		pthread_mutex_lock(&s->lock);
		stop = s->sigstop;
		pthread_mutex_unlock(&s->lock);
		if (stop)
			return NULL;
		output_remove_temps();
		diag_msg(s->diag, DIAG_FATAL, "interrupted by %s; no output "
		    "is half-written and no temporary file is left",
		    sig == SIGINT ? "SIGINT" : "SIGTERM");
		_exit(128 + sig);
	}
}

/*
 * Take SIGINT and SIGTERM in the signal thread from now on; one that the
 * parent set to be ignored (a background job of a script) stays ignored.
 */
static void
signals_start(struct session *s)
{
	struct sigaction	 sa;
	const int		 sigs[] = { SIGINT, SIGTERM };
	size_t			 i;

	sigemptyset(&s->sigs);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &sa) == 0 &&
		    sa.sa_handler != SIG_IGN)
			sigaddset(&s->sigs, sigs[i]);
	/* SIGTERM also wakes the thread to end it: always in the set. */
	sigaddset(&s->sigs, SIGTERM);
	if (pthread_sigmask(SIG_BLOCK, &s->sigs, &s->oldsigs) != 0)
		return;
	if (pthread_create(&s->sigthread, NULL, signal_main, s) != 0) {
		pthread_sigmask(SIG_SETMASK, &s->oldsigs, NULL);
		return;
	}
	s->sigrunning = 1;
}

/* End the signal thread and restore the signal mask. */
static void
signals_stop(struct session *s)
{
	if (!s->sigrunning)
		return;
	pthread_mutex_lock(&s->lock);
	s->sigstop = 1;
	pthread_mutex_unlock(&s->lock);
	pthread_kill(s->sigthread, SIGTERM);
	pthread_join(s->sigthread, NULL);
	pthread_sigmask(SIG_SETMASK, &s->oldsigs, NULL);
	s->sigrunning = 0;
}

/*
 * Compile the inputs named on the command line.  Returns the exit
 * status: 0 success, 1 some input invalid, 2 usage or system error.
 */
int
monoc_main(int argc, char *argv[], FILE *err)
{
	struct session	 s;
	struct update	 up;
	char		 path[PATH_MAX];
	unsigned int	 sheets;
	long		 jobs;
	int		 status, lock;

	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return import_main(argc - 1, argv + 1, err);
	memset(&s, 0, sizeof(s));
	memset(&up, 0, sizeof(up));
	lock = -1;
	pthread_mutex_init(&s.lock, NULL);
	budget_init(&s.budget, MEM_BUDGET, 0);
	status = 2;
	if ((s.diag = diag_new(err, 0)) == NULL)
		goto out;
	switch (options_parse(&s.opt, argc, argv, s.diag)) {
	case OPTIONS_DONE:
		status = 0;
		goto out;
	case OPTIONS_USAGE:
		goto out;
	case OPTIONS_RUN:
		break;
	}
	diag_free(s.diag);
	if ((s.diag = diag_new(err, s.opt.werror)) == NULL ||
	    (s.datadir = find_datadir(&s.opt)) == NULL)
		goto out;
	signals_start(&s);
	if (set_budget(&s) == -1)
		goto summary;

	xmlInitParser();
	LIBXML_TEST_VERSION
	xsltInit();
	/*
	 * libxml2's buffers (the string value of a page of many text
	 * nodes, serialised output) grow by what is added, not by
	 * doubling: quadratic wherever realloc(3) cannot grow in place, as
	 * always under AddressSanitizer.  Doubling, in this thread and in
	 * the workers.
	 */
	xmlSetBufferAllocationScheme(XML_BUFFER_ALLOC_DOUBLEIT);
	xmlThrDefBufferAllocScheme(XML_BUFFER_ALLOC_DOUBLEIT);
	xmlSetGenericErrorFunc(s.diag, diag_generic);

	s.write = !s.opt.check_only && !s.opt.emit_model;
	if (s.write && (lock = update_lock(s.opt.outdir, s.diag)) == -1)
		goto summary;
	if (s.opt.update) {
		switch (plan_update(&s, &up)) {
		case -1:
			goto summary;
		case 0:
			break;
		default:
			goto summary;		/* nothing to do */
		}
	}
	s.fmts = s.opt.index_only ? 0 : s.opt.fmts | FMT_BIT(FMT_META);
	sheets = s.write ? s.fmts : 0;
	if (s.write && !s.opt.no_index)
		sheets |= FMT_BIT(FMT_INDEX);
	if (!s.opt.index_only) {
		snprintf(path, sizeof(path), "%s/schema/monograph.xsd",
		    s.datadir);
		if ((s.schema = schema_load(path, s.diag)) == NULL)
			goto summary;
	}
	if (sheets != 0 &&
	    (s.xf = xform_load(s.datadir, sheets, s.diag)) == NULL)
		goto summary;
	if (((sheets & FMT_DOCS) != 0 || s.opt.emit_model) &&
	    load_words(&s) == -1)
		goto summary;
	s.loader = load_lockdown();

	if (s.write && make_outdirs(&s) == -1)
		s.write = 0;
	if (!s.opt.index_only) {
		if (drop_repeats(&s) == -1 ||
		    (s.check = check_new(s.opt.files, s.opt.nfiles)) == NULL) {
			diag_msg(s.diag, DIAG_FATAL, "out of memory");
			goto summary;
		}
		if (set_today(&s) == -1)
			goto summary;
		if ((jobs = s.opt.jobs) == 0 &&
		    (jobs = sysconf(_SC_NPROCESSORS_ONLN)) < 1)
			jobs = 1;
		keep_memory();
		if (pool_run(s.opt.nfiles, jobs, s.schema, s.diag,
		    compile_one, report_one, &s) == -1)
			diag_msg(s.diag, DIAG_FATAL, "cannot start worker "
			    "threads");
		cross_check(&s);
	}
	if (s.write && !s.opt.no_index) {
		/* What the monographs needed is not needed any more. */
		schema_free(s.schema);
		s.schema = NULL;
		check_free(s.check);
		s.check = NULL;
		xform_keep(s.xf, FMT_BIT(FMT_INDEX));
		trim_memory();
		index_build(s.opt.outdir, s.xf, s.diag);
	}
summary:
	if (!s.opt.check_only)
		diag_summary(s.diag);
	else if (!s.opt.quiet)
		diag_summary_count(s.diag, s.opt.nfiles);
	status = diag_status(s.diag);
out:
	signals_stop(&s);
	if (s.loader != NULL)
		xmlSetExternalEntityLoader(s.loader);
	if (s.diag == NULL)
		fputs("monoc: out of memory\n", err);
	check_free(s.check);
	xform_free(s.xf);
	words_free(s.words);
	update_free(&up);
	update_unlock(lock);
	schema_free(s.schema);
	free(s.datadir);
	free(s.unique);
	options_free(&s.opt);
	diag_free(s.diag);
	budget_destroy(&s.budget);
	pthread_mutex_destroy(&s.lock);
	return status;
}
