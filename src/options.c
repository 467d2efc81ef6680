/*
 * Command line options: getopt_long(3) parsing and usage().  Help and
 * version go to stdout (GNU style); errors go through diag.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "options.h"
#include "version.h"
#include "xform.h"

enum {
	OPT_CHECK = 256,
	OPT_DATADIR,
	OPT_NOINDEX,
	OPT_INDEXONLY,
	OPT_MAXAGE,
	OPT_FILESFROM,
	OPT_EMITMODEL,
	OPT_UPDATE,
	OPT_HELP,
	OPT_VERSION
};

static const struct option longopts[] = {
	{ "output",	required_argument,	NULL, 'o' },
	{ "formats",	required_argument,	NULL, 'f' },
	{ "jobs",	required_argument,	NULL, 'j' },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "quiet",	no_argument,		NULL, 'q' },
	{ "data-dir",	required_argument,	NULL, OPT_DATADIR },
	{ "no-index",	no_argument,		NULL, OPT_NOINDEX },
	{ "index-only",	no_argument,		NULL, OPT_INDEXONLY },
	{ "max-age",	required_argument,	NULL, OPT_MAXAGE },
	{ "files-from",	required_argument,	NULL, OPT_FILESFROM },
	{ "emit-model",	no_argument,		NULL, OPT_EMITMODEL },
	{ "update",	no_argument,		NULL, OPT_UPDATE },
	{ "help",	no_argument,		NULL, OPT_HELP },
	{ "version",	no_argument,		NULL, OPT_VERSION },
	{ NULL,		0,			NULL, 0 }
};

/* The SYNOPSIS of monoc.1. */
void
options_usage(FILE *f)
{
	fputs("usage: monoc [-o DIR] [-f html,text,man] [-j N] [--check [-q]] "
	    "[-W error]\n"
	    "             [--max-age DAYS] [--data-dir DIR] [--no-index]\n"
	    "             [--files-from LIST] [FILE...]\n"
	    "       monoc [-o DIR] [--data-dir DIR] --index-only\n"
	    "       monoc [-o DIR] [-f html,text,man] [-j N] [-W error] "
	    "[--data-dir DIR]\n"
	    "             --update SRCDIR\n"
	    "       monoc [--data-dir DIR] --emit-model FILE\n"
	    "       monoc import [-qr] [-j N] [-o DIR] LABEL.xml...\n", f);
}

static void
help(void)
{
	options_usage(stdout);
	fputs("\nCompile drug monographs to HTML, text and man pages.\n\n"
	    "  -o, --output DIR     write outputs under DIR (default: "
	    "output)\n"
	    "  -f, --formats LIST   comma-separated subset of html,text,man\n"
	    "  -j, --jobs N         compile N files at a time (default: "
	    "one per CPU)\n"
	    "      --check          validate only, write nothing; end with "
	    "a summary line\n"
	    "  -q, --quiet          no summary line after --check\n"
	    "  -W error             treat warnings as errors\n"
	    "      --max-age DAYS   warn when meta/reviewed is older "
	    "(default: 1095)\n"
	    "      --data-dir DIR   read schema/ and xslt/ from DIR\n"
	    "      --no-index       do not rebuild DIR/html/index.html\n"
	    "      --files-from LIST\n"
	    "                       also compile the files named in LIST, "
	    "one per line\n"
	    "                       (- for standard input)\n"
	    "      --index-only     only rebuild DIR/html/index.html\n"
	    "      --update         compile the stale monographs of the "
	    "directory SRCDIR,\n"
	    "                       remove the outputs of those gone "
	    "(make docs)\n"
	    "      --emit-model     write the document model of FILE to "
	    "standard output\n"
	    "      --help           print this help and exit\n"
	    "      --version        print the version and exit\n\n"
	    "Exit status: 0 success, 1 invalid input, 2 usage or system "
	    "error.\n", stdout);
}

/* Parse "html,text,man" into FMT_BIT()s; 0 on error. */
static unsigned int
parse_formats(const char *s, struct diag *diag)
{
	static const struct {
		const char	*name;
		enum fmt	 fmt;
	} tab[] = {
		{ "html", FMT_HTML }, { "text", FMT_TEXT }, { "man", FMT_MAN }
	};
	unsigned int	 bits;
	size_t		 len, i;

	bits = 0;
	for (;;) {
		len = strcspn(s, ",");
		for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
			if (strlen(tab[i].name) == len &&
			    strncmp(tab[i].name, s, len) == 0)
				break;
		if (i == sizeof(tab) / sizeof(tab[0])) {
			diag_msg(diag, DIAG_FATAL, "unknown format '%.*s'; "
			    "expected html, text or man", (int)len, s);
			return 0;
		}
		bits |= FMT_BIT(tab[i].fmt);
		if (s[len] == '\0')
			return bits;
		s += len + 1;
	}
}

#define LIST_MAXSIZE	(64 * 1024 * 1024)	/* all the lists together */

/*
 * Append the contents of the file list path ("-": standard input) to
 * *bufp (*lenp bytes so far, *capp allocated), ending it with a newline.
 * A list holding a NUL byte is refused (a name cannot hold one: the rest
 * would be lost), and so are lists over LIST_MAXSIZE together, so that
 * --files-from /dev/zero ends at once.  Returns -1 after reporting.
 */
static int
read_list(const char *path, char **bufp, size_t *lenp, size_t *capp,
    struct diag *diag)
{
	char	*p, *nul;
	size_t	 line;
	ssize_t	 r;
	int	 fd;

	fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd == -1)
		goto fail;
	for (;;) {
		if (*lenp + 65536 + 2 > *capp) {
			if ((p = realloc(*bufp, *capp * 2 + 65536 + 2)) ==
			    NULL) {
				errno = ENOMEM;
				goto fail_close;
			}
			*bufp = p;
			*capp = *capp * 2 + 65536 + 2;
		}
		if ((r = read(fd, *bufp + *lenp, 65536)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail_close;
		}
		if (r == 0)
			break;
		if ((nul = memchr(*bufp + *lenp, '\0', r)) != NULL) {
			for (line = 1, p = *bufp + *lenp; p > *bufp &&
			    p[-1] != '\n'; p--)
				continue;
			for (; (p = memchr(p, '\n', nul - p)) != NULL; p++)
				line++;
			diag_msg(diag, DIAG_FATAL, "the file list '%s' holds "
			    "a NUL byte (line %zu); it must name one file a "
			    "line", path, line);
			goto fail_report;
		}
		*lenp += r;
		if (*lenp > LIST_MAXSIZE) {
			diag_msg(diag, DIAG_FATAL, "the file lists are larger "
			    "than %d MiB together (at '%s')",
			    LIST_MAXSIZE >> 20, path);
			goto fail_report;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	(*bufp)[(*lenp)++] = '\n';
	(*bufp)[*lenp] = '\0';
	return 0;
fail_close:
	if (fd != STDIN_FILENO) {
		r = errno;
		close(fd);
		errno = r;
	}
fail:
	diag_msg(diag, DIAG_FATAL, "cannot read the file list '%s': %s",
	    path, strerror(errno));
	return -1;
fail_report:
	if (fd != STDIN_FILENO)
		close(fd);
	return -1;
}

/*
 * The files named in the lists from[0..nfrom-1], one per line, in order,
 * after the n of argv: opt->files becomes a new array (opt->listed) of
 * them all, pointing into opt->list.  Every --files-from counts, none
 * replaces another.  Returns -1 after reporting.
 */
static int
read_lists(struct options *opt, char *const from[], int nfrom, char **argv,
    int n, struct diag *diag)
{
	char	*p, *line, *next;
	size_t	 len, cap, count;
	int	 i;

	p = NULL;
	len = cap = 0;
	for (i = 0; i < nfrom; i++)
		if (read_list(from[i], &p, &len, &cap, diag) == -1) {
			free(p);
			return -1;
		}
	opt->list = p;
	count = n;
	for (line = p; *line != '\0'; line++)
		if (*line == '\n')
			count++;
	if (count + 2 > INT_MAX / sizeof(char *) ||
	    (opt->listed = calloc(count + 2, sizeof(char *))) == NULL) {
		diag_msg(diag, DIAG_FATAL, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++)
		opt->listed[i] = argv[i];
	for (line = p; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (len > 0)
			opt->listed[i++] = line;
	}
	opt->files = opt->listed;
	opt->nfiles = i;
	return 0;
}

/* Free what options_parse() allocated (--files-from). */
void
options_free(struct options *opt)
{
	free(opt->listed);
	free(opt->list);
	opt->listed = NULL;
	opt->list = NULL;
}

/*
 * Parse the command line into opt; options_free() it afterwards.  Reports usage errors through diag.
 * Resets getopt, so it may be called more than once in a process.
 */
enum options_result
options_parse(struct options *opt, int argc, char *argv[], struct diag *diag)
{
	char		**from, *end;
	int		 c, nfrom;
	enum options_result ret;

	memset(opt, 0, sizeof(*opt));
	opt->outdir = "output";
	opt->fmts = FMT_DOCS;
	opt->max_age = 1095;
	nfrom = 0;
	if ((from = calloc(argc + 1, sizeof(*from))) == NULL) {
		diag_msg(diag, DIAG_FATAL, "out of memory");
		return OPTIONS_USAGE;
	}
	ret = OPTIONS_USAGE;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:j:W:q", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'o':
			if (*optarg == '\0')
				goto empty;
			opt->outdir = optarg;
			break;
		case 'f':
			if ((opt->fmts = parse_formats(optarg, diag)) == 0)
				goto usage;
			break;
		case 'j':
			opt->jobs = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    opt->jobs < 1 || opt->jobs > 1024) {
				diag_msg(diag, DIAG_FATAL, "invalid number "
				    "of jobs '%s'; expected 1 to 1024",
				    optarg);
				goto usage;
			}
			break;
		case 'W':
			if (strcmp(optarg, "error") != 0) {
				diag_msg(diag, DIAG_FATAL, "unknown option "
				    "'-W %s'; only '-W error' exists",
				    optarg);
				goto usage;
			}
			opt->werror = 1;
			break;
		case OPT_CHECK:
			opt->check_only = 1;
			break;
		case 'q':
			opt->quiet = 1;
			break;
		case OPT_DATADIR:
			if (*optarg == '\0')
				goto empty;
			opt->datadir = optarg;
			break;
		case OPT_MAXAGE:
			opt->max_age = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    opt->max_age < 0 || opt->max_age > 100000) {
				diag_msg(diag, DIAG_FATAL, "invalid number "
				    "of days '%s'; expected 0 to 100000",
				    optarg);
				goto usage;
			}
			break;
		case OPT_FILESFROM:
			if (*optarg == '\0')
				goto empty;
			from[nfrom++] = optarg;
			break;
		case OPT_NOINDEX:
			opt->no_index = 1;
			break;
		case OPT_INDEXONLY:
			opt->index_only = 1;
			break;
		case OPT_EMITMODEL:
			opt->emit_model = 1;
			break;
		case OPT_UPDATE:
			opt->update = 1;
			break;
		case OPT_HELP:
			help();
			ret = OPTIONS_DONE;
			goto out;
		case OPT_VERSION:
			printf("monoc %s\n", MONOC_VERSION);
			ret = OPTIONS_DONE;
			goto out;
		case ':':
			diag_msg(diag, DIAG_FATAL, "option '%s' requires an "
			    "argument", argv[optind - 1]);
			goto usage;
		default:
			if (optopt != 0)
				diag_msg(diag, DIAG_FATAL, "unknown option "
				    "'-%c'", optopt);
			else
				diag_msg(diag, DIAG_FATAL, "unknown option "
				    "'%s'", argv[optind - 1]);
			goto usage;
		}
	}
	opt->files = argv + optind;
	opt->nfiles = argc - optind;
	if (nfrom > 0 && read_lists(opt, from, nfrom, opt->files,
	    opt->nfiles, diag) == -1)
		goto out;
	if (opt->index_only && (opt->nfiles > 0 || nfrom > 0 ||
	    opt->check_only || opt->no_index)) {
		diag_msg(diag, DIAG_FATAL, "--index-only takes no FILE and "
		    "no --files-from, --check or --no-index");
		goto usage;
	}
	if (opt->emit_model && (opt->nfiles != 1 || nfrom > 0 ||
	    opt->check_only || opt->index_only)) {
		diag_msg(diag, DIAG_FATAL, "--emit-model takes one FILE and "
		    "no --files-from, --check or --index-only");
		goto usage;
	}
	if (opt->update && (opt->nfiles != 1 || nfrom > 0 ||
	    opt->check_only || opt->index_only || opt->no_index ||
	    opt->emit_model)) {
		diag_msg(diag, DIAG_FATAL, "--update takes one SRCDIR and "
		    "no FILE, --files-from, --check, --index-only, "
		    "--no-index or --emit-model");
		goto usage;
	}
	if (!opt->index_only && opt->nfiles == 0) {
		diag_msg(diag, DIAG_FATAL, "no input files");
		goto usage;
	}
	ret = OPTIONS_RUN;
	goto out;
empty:
	diag_msg(diag, DIAG_FATAL, "option '%s' requires a non-empty "
	    "argument", argv[optind - 1]);
usage:
	diag_msg(diag, DIAG_NOTE, "try 'monoc --help' for more information");
out:
	free(from);
	return ret;
}
