/*
 * Output files.  Each is written atomically: to a temporary file in the
 * same directory, then renamed over the old one, so a failed run never
 * leaves a half-written file and never replaces a good output.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

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

/*
 * Write len bytes of buf to path atomically, creating the directories
 * leading to it.  On failure return -1 with errno set; the old file, if
 * any, is untouched and no temporary file is left behind.
 */
int
output_write(const char *path, const void *buf, size_t len)
{
	const char	*slash, *p;
	char		*tmp, *dir;
	size_t		 dlen, done;
	ssize_t		 n;
	int		 fd, saved;

	fd = -1;
	tmp = dir = NULL;
	slash = strrchr(path, '/');
	dlen = slash == NULL ? 0 : (size_t)(slash - path);
	if ((dir = strdup(dlen ? path : ".")) == NULL ||
	    (tmp = malloc(strlen(path) + 16)) == NULL)
		goto fail;
	if (dlen)
		dir[dlen] = '\0';
	if (output_mkdirs(dir) == -1)
		goto fail;
	/* A dot file, so that globs over the directory skip it. */
	snprintf(tmp, strlen(path) + 16, "%.*s%s.%s.XXXXXX", (int)dlen,
	    path, dlen ? "/" : "", slash == NULL ? path : slash + 1);
	if ((fd = mkstemp(tmp)) == -1) {
		free(tmp);
		tmp = NULL;
		goto fail;
	}
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
	if (n == -1 || rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	free(dir);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	free(dir);
	errno = saved;
	return -1;
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
