/*
 * Diagnostics: the only writer to stderr.  Messages about one input file are
 * buffered in a struct diag_file and printed in input order by diag_flush().
 */
#ifndef MONOC_DIAG_H
#define MONOC_DIAG_H

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

enum diag_level {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR,	/* the input is invalid: exit status 1 */
	DIAG_FATAL	/* the tool or the system failed: exit status 2 */
};

struct diag;
struct diag_file;

struct diag	*diag_new(FILE *stream, int werror);
void		 diag_free(struct diag *diag);
void		 diag_msg(struct diag *diag, enum diag_level level,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
void		 diag_progress(struct diag *diag, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
void		 diag_progress_end(struct diag *diag);
void		 diag_counts(const struct diag *diag, int *errors,
		    int *warnings);
void		 diag_flush(struct diag *diag, struct diag_file *df);
void		 diag_summary(struct diag *diag);
void		 diag_summary_count(struct diag *diag, int inputs);
int		 diag_status(const struct diag *diag);

struct diag_file *diag_file_new(const struct diag *diag, const char *path);
void		 diag_file_free(struct diag_file *df);
const char	*diag_file_path(const struct diag_file *df);
void		 diag_file_set_source(struct diag_file *df, char *buf,
		    size_t len);
const char	*diag_file_source(const struct diag_file *df, size_t *len);
void		 diag_file_add(struct diag_file *df, enum diag_level level,
		    int line, int col, const char *code, const char *fmt, ...)
		    __attribute__((format(printf, 6, 7)));
void		 diag_file_add_node(struct diag_file *df,
		    enum diag_level level, xmlNodePtr node, const char *attr,
		    const char *code, const char *fmt, ...)
		    __attribute__((format(printf, 6, 7)));
void		 diag_file_locate(const struct diag_file *df, int *line,
		    int *col, const char *qname, const char *attr);
void		 diag_file_locate_value(const struct diag_file *df,
		    int *line, int *col, const char *qname, const char *attr,
		    const char *value);
enum diag_level	 diag_file_worst(const struct diag_file *df);
size_t		 diag_file_count(const struct diag_file *df);
int		 diag_file_full(const struct diag_file *df);
int		 diag_unsafe_char(uint32_t c);
int		 diag_invisible_char(uint32_t c);

void		 diag_xml_error(void *df, xmlErrorPtr err);
void		 diag_generic(void *diag, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

#endif
