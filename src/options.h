/*
 * Command line options.
 */
#ifndef MONOC_OPTIONS_H
#define MONOC_OPTIONS_H

#include <stdio.h>

struct diag;

struct options {
	const char	*outdir;	/* -o, default "output" */
	const char	*datadir;	/* --data-dir, or NULL */
	unsigned int	 fmts;		/* -f, FMT_BIT()s of the documents */
	long		 jobs;		/* -j, 0 for one per CPU */
	int		 check_only;	/* --check */
	int		 werror;	/* -W error */
	int		 no_index;	/* --no-index */
	int		 index_only;	/* --index-only */
	int		 emit_model;	/* --emit-model: the model to stdout */
	int		 update;	/* --update SRCDIR: what is stale */
	int		 quiet;		/* -q: no summary line after --check */
	long		 max_age;	/* --max-age, default 1095 days */
	char		**files;	/* the inputs */
	int		 nfiles;
	char		**listed;	/* argv's and --files-from's, or NULL */
	char		*list;		/* the --files-from file, or NULL */
};

enum options_result {
	OPTIONS_RUN,		/* go ahead */
	OPTIONS_DONE,		/* --help or --version printed: exit 0 */
	OPTIONS_USAGE		/* usage error reported: exit 2 */
};

enum options_result	 options_parse(struct options *opt, int argc,
			    char *argv[], struct diag *diag);
void			 options_free(struct options *opt);
void			 options_usage(FILE *f);

#endif
