/*
 * Command line options: getopt_long(3) parsing and usage().  Help and
 * version go to stdout (GNU style); errors go through diag.
 */
#include <getopt.h>
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
	OPT_HELP,
	OPT_VERSION
};

static const struct option longopts[] = {
	{ "output",	required_argument,	NULL, 'o' },
	{ "formats",	required_argument,	NULL, 'f' },
	{ "jobs",	required_argument,	NULL, 'j' },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "data-dir",	required_argument,	NULL, OPT_DATADIR },
	{ "no-index",	no_argument,		NULL, OPT_NOINDEX },
	{ "index-only",	no_argument,		NULL, OPT_INDEXONLY },
	{ "max-age",	required_argument,	NULL, OPT_MAXAGE },
	{ "help",	no_argument,		NULL, OPT_HELP },
	{ "version",	no_argument,		NULL, OPT_VERSION },
	{ NULL,		0,			NULL, 0 }
};

/* The SYNOPSIS of monoc.1. */
void
options_usage(FILE *f)
{
	fputs("usage: monoc [-o DIR] [-f html,text,man] [-j N] [--check] "
	    "[-W error]\n"
	    "             [--max-age DAYS] [--data-dir DIR] [--no-index] "
	    "FILE...\n"
	    "       monoc [-o DIR] [--data-dir DIR] --index-only\n", f);
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
	    "      --check          validate only, write nothing\n"
	    "  -W error             treat warnings as errors\n"
	    "      --max-age DAYS   warn when meta/reviewed is older "
	    "(default: 1095)\n"
	    "      --data-dir DIR   read schema/ and xslt/ from DIR\n"
	    "      --no-index       do not rebuild DIR/html/index.html\n"
	    "      --index-only     only rebuild DIR/html/index.html\n"
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
 * Parse the command line into opt.  Reports usage errors through diag.
 * Resets getopt, so it may be called more than once in a process.
 */
enum options_result
options_parse(struct options *opt, int argc, char *argv[], struct diag *diag)
{
	char	*end;
	int	 c;

	memset(opt, 0, sizeof(*opt));
	opt->outdir = "output";
	opt->fmts = FMT_DOCS;
	opt->max_age = 1095;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:j:W:", longopts,
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
		case OPT_NOINDEX:
			opt->no_index = 1;
			break;
		case OPT_INDEXONLY:
			opt->index_only = 1;
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
	if (opt->index_only && (opt->nfiles > 0 || opt->check_only ||
	    opt->no_index)) {
		diag_msg(diag, DIAG_FATAL, "--index-only takes no FILE and "
		    "no --check or --no-index");
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
