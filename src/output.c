/*
 * Output files.  The outputs of one monograph are written as a set: each
 * to a temporary file in its own directory, and only when all of them
 * are written are they renamed over the old ones, so a failed run never
 * leaves a half-written file, never replaces a good output, and never
 * leaves one monograph's outputs mixed (a new text beside an old HTML).
 *
 * The temporary files are named ".NAME.monoc-PID.XXXXXX": a dot file, so
 * globs skip it, with the process id, so that a later run can tell a
 * file its own dead run left (output_clean_stale()) from one of a run
 * still going.  The names of the temporary files that exist are kept in
 * one process-wide list, the only mutable global besides diag's sink:
 * when SIGINT or SIGTERM ends the run, output_remove_temps() must find
 * them all, whoever made them.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

#define TMPTAG		".monoc-"	/* in every temporary file's name */

/* The temporary files that exist, guarded by temps_lock. */
static pthread_mutex_t	  temps_lock = PTHREAD_MUTEX_INITIALIZER;
static char		**temps;
static size_t		  ntemps, captemps;

struct output_set {
	size_t		 n, cap;
	char		**path;		/* where each goes */
	char		**tmp;		/* its temporary file, or NULL */
	const char	*failed;	/* the path that failed */
};

/* Where each format goes under the output directory. */
static const struct {
	const char	*subdir;
	const char	*suffix;
} layout[FMT__MAX] = {
	{ "html", ".html" },		/* FMT_HTML */
	{ "text", ".txt" },		/* FMT_TEXT */
	{ "man/man7", "-info.7" },	/* FMT_MAN */
	{ "meta", ".xml" },		/* FMT_META */
	{ "html", ".html" },		/* FMT_INDEX: name is "index" */
};

/*
 * The path of the output of format fmt for the monograph called name,
 * for example DIR/man/man7/NAME-info.7.  The caller frees it.
 */
char *
output_path(const char *dir, enum fmt fmt, const char *name)
{
	char	*p;
	size_t	 len;

	len = strlen(dir) + strlen(layout[fmt].subdir) + strlen(name) +
	    strlen(layout[fmt].suffix) + 3;
	if ((p = malloc(len)) == NULL)
		return NULL;
	snprintf(p, len, "%s/%s/%s%s", dir, layout[fmt].subdir, name,
	    layout[fmt].suffix);
	return p;
}

/* mkdir -p: create dir and its missing parents.  Sets errno on failure. */
int
output_mkdirs(const char *dir)
{
	struct stat	 st;
	char		*p, *s;
	int		 ret;

	/* there already, as for all but the first file of a run */
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	ret = -1;
	if ((p = strdup(dir)) == NULL)
		return -1;
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		if (s[-1] != '/') {
			*s = '\0';
			if (mkdir(p, 0777) == -1 && errno != EEXIST)
				goto out;
			if (stat(p, &st) == -1)
				goto out;
			if (!S_ISDIR(st.st_mode)) {
				errno = ENOTDIR;
				goto out;
			}
			*s = dir[s - p];
		}
		if (*s == '\0')
			break;
	}
	ret = 0;
out:
	free(p);
	return ret;
}

/* Remember tmp as existing; called with temps_lock held.  -1: ENOMEM. */
static int
temps_add(char *tmp)
{
	char	**p;

	if (ntemps == captemps) {
		if ((p = realloc(temps, (captemps ? captemps * 2 : 16) *
		    sizeof(*temps))) == NULL)
			return -1;
		temps = p;
		captemps = captemps ? captemps * 2 : 16;
	}
	temps[ntemps++] = tmp;
	return 0;
}

/* Forget tmp; called with temps_lock held. */
static void
temps_forget(const char *tmp)
{
	size_t	 i;

	for (i = ntemps; i > 0; i--)
		if (temps[i - 1] == tmp) {
			temps[i - 1] = temps[--ntemps];
			break;
		}
	if (ntemps == 0) {
		free(temps);
		temps = NULL;
		captemps = 0;
	}
}

/*
 * Remove every temporary file of this process and make sure no more are
 * made: the run is ending on a signal.  Returns with the list locked, so
 * no worker can add one before the process exits.
 */
void
output_remove_temps(void)
{
	size_t	 i;

	pthread_mutex_lock(&temps_lock);
	for (i = 0; i < ntemps; i++)
		unlink(temps[i]);
	ntemps = 0;
}

struct output_set *
output_set_new(void)
{
	return calloc(1, sizeof(struct output_set));
}

/* Remove the temporary files not renamed yet, and free the set. */
void
output_set_free(struct output_set *set)
{
	size_t	 i;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++) {
		if (set->tmp[i] != NULL) {
			pthread_mutex_lock(&temps_lock);
			unlink(set->tmp[i]);
			temps_forget(set->tmp[i]);
			pthread_mutex_unlock(&temps_lock);
			free(set->tmp[i]);
		}
		free(set->path[i]);
	}
	free(set->path);
	free(set->tmp);
	free(set);
}

/* The path whose write or rename failed last, for the message. */
const char *
output_set_failed(const struct output_set *set)
{
	return set->failed;
}

/*
 * Write len bytes of buf to a new temporary file in the directory of
 * path (created as needed), to become path at output_set_commit().  On
 * failure return -1 with errno set and leave no temporary file.
 */
int
output_set_add(struct output_set *set, const char *path, const void *buf,
    size_t len)
{
	const char	*slash, *p;
	char		*tmp, *dir, **np, **nt;
	size_t		 dlen, done, tlen;
	ssize_t		 n;
	int		 fd, saved, made;

	fd = -1;
	made = 0;
	tmp = dir = NULL;
	set->failed = path;
	if (set->n == set->cap) {
		if ((np = realloc(set->path, (set->cap + 8) *
		    sizeof(*np))) == NULL)
			return -1;
		set->path = np;
		if ((nt = realloc(set->tmp, (set->cap + 8) *
		    sizeof(*nt))) == NULL)
			return -1;
		set->tmp = nt;
		set->cap += 8;
	}
	slash = strrchr(path, '/');
	dlen = slash == NULL ? 0 : (size_t)(slash - path);
	tlen = strlen(path) + sizeof(TMPTAG) + 32;
	if ((dir = strdup(dlen ? path : ".")) == NULL ||
	    (tmp = malloc(tlen)) == NULL)
		goto fail;
	if (dlen)
		dir[dlen] = '\0';
	if (output_mkdirs(dir) == -1)
		goto fail;
	snprintf(tmp, tlen, "%.*s%s.%s%s%ld.XXXXXX", (int)dlen, path,
	    dlen ? "/" : "", slash == NULL ? path : slash + 1, TMPTAG,
	    (long)getpid());
	/* Made and listed at once, so that a signal finds it. */
	pthread_mutex_lock(&temps_lock);
	if ((fd = mkstemp(tmp)) != -1) {
		if (temps_add(tmp) == -1) {
			saved = errno;
			close(fd);
			unlink(tmp);
			fd = -1;
			errno = saved;
		} else
			made = 1;
	}
	pthread_mutex_unlock(&temps_lock);
	if (fd == -1)
		goto fail;
	if (fchmod(fd, 0644) == -1)
		goto fail;
	for (p = buf, done = 0; done < len; done += n) {
		if ((n = write(fd, p + done, len - done)) == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			goto fail;
		}
	}
	n = close(fd);
	fd = -1;
	if (n == -1)
		goto fail;
	if ((set->path[set->n] = strdup(path)) == NULL)
		goto fail;
	set->tmp[set->n++] = tmp;
	set->failed = NULL;
	free(dir);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	if (made) {
		pthread_mutex_lock(&temps_lock);
		unlink(tmp);
		temps_forget(tmp);
		pthread_mutex_unlock(&temps_lock);
	}
	free(tmp);
	free(dir);
	errno = saved;
	return -1;
}

/*
 * Rename every temporary file of the set over its path.  A path taken
 * by a directory is found before anything is renamed, so the set is
 * replaced whole or not at all.  On failure return -1 with errno set;
 * output_set_free() removes what was not renamed.
 */
int
output_set_commit(struct output_set *set)
{
	struct stat	 st;
	size_t		 i;
	int		 saved;

	for (i = 0; i < set->n; i++)
		if (lstat(set->path[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			set->failed = set->path[i];
			errno = EISDIR;
			return -1;
		}
	/* Under the lock: a signal waits until the set is all renamed. */
	pthread_mutex_lock(&temps_lock);
	for (i = 0; i < set->n; i++) {
		if (rename(set->tmp[i], set->path[i]) == -1) {
			saved = errno;
			pthread_mutex_unlock(&temps_lock);
			set->failed = set->path[i];
			errno = saved;
			return -1;
		}
		temps_forget(set->tmp[i]);
		free(set->tmp[i]);
		set->tmp[i] = NULL;
	}
	pthread_mutex_unlock(&temps_lock);
	return 0;
}

/*
 * Write len bytes of buf to path atomically, creating the directories
 * leading to it.  On failure return -1 with errno set; the old file, if
 * any, is untouched and no temporary file is left behind.
 */
int
output_write(const char *path, const void *buf, size_t len)
{
	struct output_set	*set;
	int			 ret, saved;

	if ((set = output_set_new()) == NULL)
		return -1;
	ret = output_set_add(set, path, buf, len);
	if (ret == 0)
		ret = output_set_commit(set);
	saved = errno;
	output_set_free(set);
	errno = saved;
	return ret;
}

/*
 * Remove from dir the temporary files a run of monoc that is no longer
 * running left there (killed, or the machine went down): those whose
 * name holds the tag and the id of a process that does not exist.
 */
void
output_clean_stale(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	const char	*t;
	char		*end, *path;
	size_t		 len;
	long		 pid;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.' ||
		    (t = strstr(de->d_name, TMPTAG)) == NULL)
			continue;
		pid = strtol(t + strlen(TMPTAG), &end, 10);
		if (pid <= 0 || *end != '.' || strlen(end) != 7 ||
		    (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;
		len = strlen(dir) + strlen(de->d_name) + 2;
		if ((path = malloc(len)) == NULL)
			break;
		snprintf(path, len, "%s/%s", dir, de->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in dir ending in suffix (not hidden: an editor's lock or
 * backup file), sorted, each prefixed by prefix, in an array ended by
 * NULL; *np of them.  A missing dir has none when missing_ok.  Returns
 * NULL with *np == -1 on failure (errno set).
 */
char **
output_list(const char *dir, const char *suffix, const char *prefix,
    int missing_ok, int *np)
{
	DIR		*d;
	struct dirent	*de;
	char		**v, **nv;
	size_t		 n, cap, len, sl;

	*np = -1;
	v = NULL;
	n = cap = 0;
	if ((d = opendir(dir)) == NULL) {
		if (missing_ok && errno == ENOENT) {
			*np = 0;
			return calloc(1, sizeof(char *));
		}
		return NULL;
	}
	sl = strlen(suffix);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= sl ||
		    strcmp(de->d_name + len - sl, suffix) != 0)
			continue;
		if (n + 1 >= cap) {
			cap = cap == 0 ? 64 : cap * 2;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				goto fail;
			v = nv;
		}
		len += strlen(prefix) + 1;
		if ((v[n] = malloc(len)) == NULL)
			goto fail;
		snprintf(v[n], len, "%s%s", prefix, de->d_name);
		n++;
	}
	closedir(d);
	if (v == NULL && (v = calloc(1, sizeof(char *))) == NULL)
		return NULL;
	qsort(v, n, sizeof(*v), cmp_str);
	v[n] = NULL;
	*np = (int)n;
	return v;
fail:
	while (n > 0)
		free(v[--n]);
	free(v);
	closedir(d);
	errno = ENOMEM;
	return NULL;
}
