/*
 * Command line options: getopt_long(3) parsing and usage().  Help and
 * version go to stdout (GNU style); errors go through diag.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	    "       monoc import [-q] [-o DIR] LABEL.xml...\n", f);
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

/*
 * The files named in path ("-": standard input), one per line, after the
 * n of argv: opt->files becomes a new array (opt->listed) of them all,
 * pointing into opt->list.  Returns -1 after reporting.
 */
static int
read_list(struct options *opt, const char *path, char **argv, int n,
    struct diag *diag)
{
	FILE	*f;
	char	*p, *np, *line, *next;
	size_t	 len, cap, count, r;
	int	 i;

	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (f == NULL)
		goto fail;
	p = NULL;
	len = cap = 0;
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((np = realloc(p, cap)) == NULL) {
				free(p);
				errno = ENOMEM;
				goto fail_close;
			}
			p = np;
		}
		r = fread(p + len, 1, cap - len - 1, f);
		len += r;
	} while (r > 0);
	p[len] = '\0';
	if (ferror(f)) {
		free(p);
		goto fail_close;
	}
	if (f != stdin)
		fclose(f);
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
fail_close:
	if (f != stdin)
		fclose(f);
fail:
	diag_msg(diag, DIAG_FATAL, "cannot read the file list '%s': %s",
	    path, strerror(errno));
	return -1;
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
	const char	*from;
	char		*end;
	int		 c;

	memset(opt, 0, sizeof(*opt));
	opt->outdir = "output";
	opt->fmts = FMT_DOCS;
	opt->max_age = 1095;
	from = NULL;
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
			from = optarg;
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
			return OPTIONS_DONE;
		case OPT_VERSION:
			printf("monoc %s\n", MONOC_VERSION);
			return OPTIONS_DONE;
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
	if (from != NULL && read_list(opt, from, opt->files, opt->nfiles,
	    diag) == -1)
		return OPTIONS_USAGE;
	if (opt->index_only && (opt->nfiles > 0 || from != NULL ||
	    opt->check_only || opt->no_index)) {
		diag_msg(diag, DIAG_FATAL, "--index-only takes no FILE and "
		    "no --files-from, --check or --no-index");
		goto usage;
	}
	if (opt->emit_model && (opt->nfiles != 1 || from != NULL ||
	    opt->check_only || opt->index_only)) {
		diag_msg(diag, DIAG_FATAL, "--emit-model takes one FILE and "
		    "no --files-from, --check or --index-only");
		goto usage;
	}
	if (opt->update && (opt->nfiles != 1 || from != NULL ||
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
	return OPTIONS_RUN;
empty:
	diag_msg(diag, DIAG_FATAL, "option '%s' requires a non-empty "
	    "argument", argv[optind - 1]);
usage:
	diag_msg(diag, DIAG_NOTE, "try 'monoc --help' for more information");
	return OPTIONS_USAGE;
}
