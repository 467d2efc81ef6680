/*
 * Diagnostics: the only writer to stderr.
 *
 * Messages about an input file are collected in a struct diag_file while a
 * worker thread compiles it, then printed by diag_flush() in input order, so
 * the output is the same whatever the number of threads.  Located messages
 * follow GCC: "FILE:LINE:COL: error: message [code]", the source line, and a
 * caret under the column.  libxml2 errors arrive through diag_xml_error(),
 * the structured error handler, and are rewritten by xmlmsg.c.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "diag.h"
#include "xmlmsg.h"

#define MAXSHOW		320	/* bytes of a long line: window of half */
#define SEARCHLINES	50	/* lines searched for a start tag */
#define SEARCHBYTES	65536	/* bytes searched for a start tag */
#define MAXENTRIES	200	/* messages kept per file */
#define MAXOFFERED	2000	/* messages made per file, duplicates too */
#define BLOCK		4096	/* bytes between column checkpoints */

struct diag {
	FILE		*stream;
	int		 werror;
	int		 errors;	/* errors and fatal errors */
	int		 warnings;
	int		 files;		/* files with diagnostics */
	enum diag_level	 worst;
	int		 any;		/* worst is meaningful */
	pthread_mutex_t	 lock;
	char		 pending[1024];	/* libxslt message pieces */
	int		 progress;	/* a progress line is on the terminal */
};

struct entry {
	enum diag_level	 level;
	int		 line;
	int		 col;
	char		*code;
	char		*msg;
};

struct diag_file {
	char		*path;
	int		 werror;
	char		*src;		/* the file as read, or NULL */
	size_t		 srclen;
	size_t		*lines;		/* offset of each line's start */
	size_t		 nlines;
	size_t		*conts;		/* UTF-8 continuation bytes before */
	size_t		 nconts;	/* ... each multiple of BLOCK */
	struct entry	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 offered;	/* messages made, kept or not */
	int		 stopped;	/* no more are kept */
	enum diag_level	 worst;
};

static const char *const levelnames[] = {
	"note", "warning", "error", "error"
};

struct diag *
diag_new(FILE *stream, int werror)
{
	struct diag	*diag;

	if ((diag = calloc(1, sizeof(*diag))) == NULL)
		return NULL;
	diag->stream = stream;
	diag->werror = werror;
	pthread_mutex_init(&diag->lock, NULL);
	return diag;
}

void
diag_free(struct diag *diag)
{
	if (diag == NULL)
		return;
	pthread_mutex_destroy(&diag->lock);
	free(diag);
}

/* Erase the progress line, if any; called with the lock held. */
static void
unprogress(struct diag *diag)
{
	if (diag->progress) {
		fputs("\r\033[K", diag->stream);
		diag->progress = 0;
	}
}

/*
 * Show how far a long run is ("[12/3000] atorvastatin") on one line,
 * rewritten each time, as git and make-like tools do; nothing when the
 * stream is not a terminal.  The next message erases it first.
 */
void
diag_progress(struct diag *diag, const char *fmt, ...)
{
	va_list	 ap;

	if (!isatty(fileno(diag->stream)))
		return;
	pthread_mutex_lock(&diag->lock);
	fputs("\r", diag->stream);
	va_start(ap, fmt);
	vfprintf(diag->stream, fmt, ap);
	va_end(ap);
	fputs("\033[K", diag->stream);
	fflush(diag->stream);
	diag->progress = 1;
	pthread_mutex_unlock(&diag->lock);
}

/* Erase the progress line at the end of a run. */
void
diag_progress_end(struct diag *diag)
{
	pthread_mutex_lock(&diag->lock);
	unprogress(diag);
	fflush(diag->stream);
	pthread_mutex_unlock(&diag->lock);
}

/* How many errors and warnings were printed so far. */
void
diag_counts(const struct diag *diag, int *errors, int *warnings)
{
	*errors = diag->errors;
	*warnings = diag->warnings;
}

/* Remember the worst level and count it; called with the lock held. */
static void
count(struct diag *diag, enum diag_level level)
{
	if (level >= DIAG_ERROR)
		diag->errors++;
	else if (level == DIAG_WARNING)
		diag->warnings++;
	if (!diag->any || level > diag->worst)
		diag->worst = level;
	diag->any = 1;
}

/*
 * Decode the UTF-8 character at s (n > 0 bytes available) into *cp.
 * Returns its length, or 0 when the bytes are not valid UTF-8 (overlong
 * forms and surrogates included), or -1 when they are the valid start
 * of a character cut short by the end of the string.
 */
static int
u8decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	 c, min;
	int		 len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		c = s[0] & 0x1F;
		len = 2;
		min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		c = s[0] & 0x0F;
		len = 3;
		min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		c = s[0] & 0x07;
		len = 4;
		min = 0x10000;
	} else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n || s[i] == '\0')
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/*
 * Would a terminal act on the character rather than show it?  C0
 * controls but tab and newline, DEL, C1 controls, and the characters
 * that reorder text (bidi embeddings, overrides, isolates and marks).
 */
int
diag_unsafe_char(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n') ||
	    (c >= 0x7F && c <= 0x9F) || c == 0x061C ||
	    c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069) || diag_invisible_char(c);
}

/*
 * Is c a format character a reader does not see but that changes what is
 * shown or searched: the line and paragraph separators U+2028 and
 * U+2029 (a line break no format knows of), the zero width space
 * U+200B, the soft hyphen U+00AD, the interlinear annotation marks
 * U+FFF9..U+FFFB (hidden text) and the tag characters U+E0000..U+E007F
 * (hidden ASCII)?  Refused in monographs like the controls above.
 */
int
diag_invisible_char(uint32_t c)
{
	return c == 0x00AD || c == 0x200B || c == 0x2028 || c == 0x2029 ||
	    (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

/*
 * The printable form of the character at s (n bytes left) in out (at
 * least 12 bytes), NUL-terminated: the character itself, or \xHH for a
 * byte that is a control or not UTF-8, \uHHHH for another character a
 * terminal would act on (diag_unsafe_char()).  A newline is escaped too:
 * in a message or a file name it would start a line that looks like a
 * message of its own.  Returns the bytes of s used; a character cut short by
 * the end of the string (a truncated message) is dropped whole.
 */
static size_t
escape_char(const char *s, size_t n, char *out)
{
	uint32_t	 c;
	int		 len;

	len = u8decode((const unsigned char *)s, n, &c);
	if (len < 0) {
		*out = '\0';
		return n;
	}
	if (len == 0 || (c < 0x80 && diag_unsafe_char(c)) || c == '\n') {
		snprintf(out, 12, "\\x%02X", (unsigned char)s[0]);
		return 1;
	}
	if (diag_unsafe_char(c)) {
		snprintf(out, 12, "\\u%04X", (unsigned int)c);
		return len;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return len;
}

/* Copy s into dst (sz bytes) escaped, cut on a character boundary. */
static void
escape(char *dst, size_t sz, const char *s)
{
	char	 piece[12];
	size_t	 n, len, used, plen;

	n = strlen(s);
	len = 0;
	while (n > 0) {
		used = escape_char(s, n, piece);
		plen = strlen(piece);
		if (len + plen + 1 > sz)
			break;
		memcpy(dst + len, piece, plen);
		len += plen;
		s += used;
		n -= used;
	}
	dst[len] = '\0';
}

/* Print s escaped (a file name, which may hold anything but NUL). */
static void
put_escaped(FILE *f, const char *s)
{
	char	 piece[12];
	size_t	 n, used;

	n = strlen(s);
	while (n > 0) {
		used = escape_char(s, n, piece);
		fputs(piece, f);
		s += used;
		n -= used;
	}
}

/*
 * Print an unlocated message "monoc: message" at once.  Errors about the
 * tool or the system use DIAG_FATAL.
 */
void
diag_msg(struct diag *diag, enum diag_level level, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[4096], safe[4096];

	if (level == DIAG_WARNING && diag->werror)
		level = DIAG_ERROR;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	escape(safe, sizeof(safe), buf);
	pthread_mutex_lock(&diag->lock);
	unprogress(diag);
	count(diag, level);
	fputs("monoc: ", diag->stream);
	if (level < DIAG_ERROR)
		fprintf(diag->stream, "%s: ", levelnames[level]);
	fputs(safe, diag->stream);
	fputc('\n', diag->stream);
	fflush(diag->stream);
	pthread_mutex_unlock(&diag->lock);
}

/*
 * The generic error handler of libxml2 and libxslt (stylesheet compile
 * errors, stray messages): system errors.  libxslt
 * hands messages over in pieces, so buffer up to each newline.
 */
void
diag_generic(void *ctx, const char *fmt, ...)
{
	struct diag	*diag = ctx;
	char		 line[sizeof(diag->pending)];
	char		*nl;
	size_t		 len;
	va_list		 ap;

	pthread_mutex_lock(&diag->lock);
	len = strlen(diag->pending);
	va_start(ap, fmt);
	if (len + 1 < sizeof(diag->pending))
		vsnprintf(diag->pending + len, sizeof(diag->pending) - len,
		    fmt, ap);
	va_end(ap);
	for (;;) {
		if ((nl = strchr(diag->pending, '\n')) == NULL) {
			if (strlen(diag->pending) + 1 <
			    sizeof(diag->pending))
				break;
			nl = diag->pending + sizeof(diag->pending) - 2;
		}
		len = nl - diag->pending;
		memcpy(line, diag->pending, len);
		line[len] = '\0';
		memmove(diag->pending, nl + 1, strlen(nl + 1) + 1);
		if (len == 0)
			continue;
		pthread_mutex_unlock(&diag->lock);
		diag_msg(diag, DIAG_FATAL, "%s", line);
		pthread_mutex_lock(&diag->lock);
	}
	pthread_mutex_unlock(&diag->lock);
}

/* Step from byte offset i of s to the start of the next character. */
static size_t
nextchar(const char *s, size_t len, size_t i)
{
	if (i < len)
		i++;
	while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

static int
is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/*
 * UTF-8 continuation bytes in the source before byte offset off: a
 * checkpoint every BLOCK bytes, then at most BLOCK bytes counted, so
 * that finding a column costs the same at the end of a 16 MB line as at
 * its start.
 */
static size_t
conts_before(const struct diag_file *df, size_t off)
{
	size_t	 i, n;

	i = 0;
	n = 0;
	if (df->conts != NULL && off / BLOCK < df->nconts) {
		i = off / BLOCK * BLOCK;
		n = df->conts[off / BLOCK];
	}
	for (; i < off; i++)
		if (is_cont(df->src[i]))
			n++;
	return n;
}

/* Characters in the source before byte offset off. */
static size_t
chars_before(const struct diag_file *df, size_t off)
{
	return off - conts_before(df, off);
}

/*
 * The byte offset of column col (in characters, from 1) of the line
 * from byte ls to ls + len, or ls + len when the line is shorter.
 */
static size_t
offset_of(const struct diag_file *df, size_t ls, size_t len, int col)
{
	size_t	 want, lo, hi, mid, i, c;

	want = chars_before(df, ls) + (size_t)col - 1;
	lo = ls / BLOCK;
	hi = (ls + len) / BLOCK + 1;
	if (df->conts != NULL && hi <= df->nconts) {
		/* The last checkpoint at or before the column. */
		while (hi - lo > 1) {
			mid = (lo + hi) / 2;
			if (mid * BLOCK - df->conts[mid] <= want)
				lo = mid;
			else
				hi = mid;
		}
	}
	i = lo * BLOCK < ls ? ls : lo * BLOCK;
	for (c = chars_before(df, i); i < ls + len; i++)
		if (!is_cont(df->src[i]) && c++ == want)
			return i;
	return ls + len;
}

/*
 * Print source line number line, each character a terminal would act on
 * (diag_unsafe_char()) or that is not UTF-8 shown as "?", and a caret
 * under column col (in characters) when it is known.  Of a long line
 * only a window around the column is shown, marked with "...".
 */
static void
show_line(FILE *f, const struct diag_file *df, int line, int col)
{
	const char	*s;
	uint32_t	 cp;
	size_t		 i, len, off, start, end, ls;
	int		 n;

	if (df->src == NULL || df->srclen == 0 || line < 1 ||
	    (size_t)line > df->nlines)
		return;
	ls = df->lines[line - 1];
	s = df->src + ls;
	len = ((size_t)line < df->nlines ? df->lines[line] - 1 : df->srclen) -
	    ls;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	off = col > 1 ? offset_of(df, ls, len, col) - ls : 0;
	start = 0;
	end = len;
	if (len > MAXSHOW) {
		if (off > MAXSHOW / 4)
			start = off - MAXSHOW / 4;
		while (start > 0 && is_cont(s[start]))
			start--;
		end = start + MAXSHOW / 2 < len ? start + MAXSHOW / 2 : len;
		while (end < len && is_cont(s[end]))
			end++;
	}
	fprintf(f, "%5d | %s", line, start > 0 ? "..." : "");
	for (i = start; i < end; i += n) {
		n = u8decode((const unsigned char *)s + i, end - i, &cp);
		if (n <= 0 || (diag_unsafe_char(cp) && cp != '\t')) {
			fputc('?', f);
			n = n <= 0 ? 1 : n;
		} else
			fwrite(s + i, 1, n, f);
	}
	fprintf(f, "%s\n", end < len ? "..." : "");
	if (col <= 0)
		return;
	fprintf(f, "      | %s", start > 0 ? "   " : "");
	for (i = start; i < off; i = nextchar(s, len, i))
		fputc(s[i] == '\t' ? '\t' : ' ', f);
	fputs("^\n", f);
}

/* Is entry a to be printed after entry b?  File-level ones go last. */
static int
after(const struct entry *a, const struct entry *b)
{
	if (a->line == 0 || b->line == 0)
		return a->line == 0 && b->line != 0;
	return a->line > b->line || (a->line == b->line && a->col > b->col);
}

/*
 * Sort the messages by line and column, keeping the order of equal ones:
 * later validation passes find problems earlier in the file.
 */
static void
sort_entries(struct diag_file *df)
{
	struct entry	 e;
	size_t		 i, j;

	for (i = 1; i < df->n; i++) {
		e = df->v[i];
		for (j = i; j > 0 && after(&df->v[j - 1], &e); j--)
			df->v[j] = df->v[j - 1];
		df->v[j] = e;
	}
}

/*
 * Print the buffered diagnostics of one input file and count them.
 * Called by the main thread only, in input order.
 */
void
diag_flush(struct diag *diag, struct diag_file *df)
{
	struct entry	*e;
	FILE		*f;
	size_t		 i;
	int		 worst_shown;
	char		*mem;
	size_t		 memlen;

	if (df == NULL || df->n == 0)
		return;
	worst_shown = 0;
	sort_entries(df);
	/* the file's messages in memory first, then one write: the stream
	   (stderr) is unbuffered, and a byte at a time took a write call
	   each, about 400 a monograph of 3 warnings */
	mem = NULL;
	memlen = 0;
	if ((f = open_memstream(&mem, &memlen)) == NULL)
		f = diag->stream;
	pthread_mutex_lock(&diag->lock);
	unprogress(diag);
	diag->files++;
	for (i = 0; i < df->n; i++) {
		e = &df->v[i];
		count(diag, e->level);
		put_escaped(f, df->path);
		if (e->line > 0)
			fprintf(f, ":%d", e->line);
		if (e->line > 0 && e->col > 0)
			fprintf(f, ":%d", e->col);
		fprintf(f, ": %s: %s", levelnames[e->level], e->msg);
		if (e->code != NULL)
			fprintf(f, " [%s]", e->code);
		fputc('\n', f);
		show_line(f, df, e->line, e->col);
		if (e->level == df->worst)
			worst_shown = 1;
	}
	/* A worse problem among those not kept still sets the status. */
	if (!worst_shown)
		count(diag, df->worst);
	if (f != diag->stream) {
		if (fclose(f) == 0 && mem != NULL)
			fwrite(mem, 1, memlen, diag->stream);
		else
			fputs("monoc: out of memory: the messages of a file "
			    "are lost\n", diag->stream);
	}
	fflush(diag->stream);
	pthread_mutex_unlock(&diag->lock);
	free(mem);
}

/* Print "2 errors, 1 warning in 1 file" when anything was reported. */
void
diag_summary(struct diag *diag)
{
	FILE	*f = diag->stream;

	if (diag->errors == 0 && diag->warnings == 0)
		return;
	if (diag->errors > 0)
		fprintf(f, "%d error%s", diag->errors,
		    diag->errors == 1 ? "" : "s");
	if (diag->errors > 0 && diag->warnings > 0)
		fputs(", ", f);
	if (diag->warnings > 0)
		fprintf(f, "%d warning%s", diag->warnings,
		    diag->warnings == 1 ? "" : "s");
	if (diag->files > 0)
		fprintf(f, " in %d file%s", diag->files,
		    diag->files == 1 ? "" : "s");
	fputc('\n', f);
	fflush(f);
}

/*
 * The one-line summary of --check, always printed: "3 monographs, 0
 * errors, 2 warnings".
 */
void
diag_summary_count(struct diag *diag, int inputs)
{
	fprintf(diag->stream, "%d monograph%s, %d error%s, %d warning%s\n",
	    inputs, inputs == 1 ? "" : "s", diag->errors,
	    diag->errors == 1 ? "" : "s", diag->warnings,
	    diag->warnings == 1 ? "" : "s");
	fflush(diag->stream);
}

/* The exit status: 0 good, 1 some input invalid, 2 system failure. */
int
diag_status(const struct diag *diag)
{
	if (!diag->any || diag->worst < DIAG_ERROR)
		return 0;
	return diag->worst == DIAG_FATAL ? 2 : 1;
}

struct diag_file *
diag_file_new(const struct diag *diag, const char *path)
{
	struct diag_file	*df;

	if ((df = calloc(1, sizeof(*df))) == NULL)
		return NULL;
	if ((df->path = strdup(path)) == NULL) {
		free(df);
		return NULL;
	}
	df->werror = diag == NULL ? 0 : diag->werror;
	df->worst = DIAG_NOTE;
	return df;
}

void
diag_file_free(struct diag_file *df)
{
	size_t	 i;

	if (df == NULL)
		return;
	for (i = 0; i < df->n; i++) {
		free(df->v[i].code);
		free(df->v[i].msg);
	}
	free(df->v);
	free(df->lines);
	free(df->conts);
	free(df->src);
	free(df->path);
	free(df);
}

const char *
diag_file_path(const struct diag_file *df)
{
	return df->path;
}

/* UTF-8 continuation bytes in the n bytes at p. */
static size_t
conts_between(const char *p, size_t n)
{
	size_t	 i, k;

	for (i = k = 0; i < n; i++)
		if (is_cont(p[i]))
			k++;
	return k;
}

/*
 * Keep the source text (taking ownership of buf, which must have a NUL
 * at buf[len]) so that messages can show the offending line.
 */
void
diag_file_set_source(struct diag_file *df, char *buf, size_t len)
{
	const char	*p, *end;
	size_t		 n;

	free(df->src);
	free(df->lines);
	free(df->conts);
	df->src = buf;
	df->srclen = len;
	df->lines = NULL;
	df->nlines = 0;
	df->conts = NULL;
	df->nconts = 0;
	if (buf == NULL)
		return;
	if ((df->conts = malloc((len / BLOCK + 1) *
	    sizeof(*df->conts))) != NULL) {
		df->nconts = len / BLOCK + 1;
		df->conts[0] = 0;
		for (n = 1; n < df->nconts; n++)
			df->conts[n] = df->conts[n - 1] +
			    conts_between(buf + (n - 1) * BLOCK, BLOCK);
	}
	n = 1;
	end = buf + len;
	for (p = buf; (p = memchr(p, '\n', end - p)) != NULL; p++)
		n++;
	if ((df->lines = malloc(n * sizeof(*df->lines))) == NULL)
		return;
	df->lines[0] = 0;
	n = 1;
	for (p = buf; (p = memchr(p, '\n', end - p)) != NULL; p++)
		df->lines[n++] = p + 1 - buf;
	df->nlines = n;
}

const char *
diag_file_source(const struct diag_file *df, size_t *len)
{
	*len = df->srclen;
	return df->src;
}

static void
vadd(struct diag_file *df, enum diag_level level, int line, int col,
    const char *code, const char *fmt, va_list ap)
{
	struct entry	*e;
	void		*p;
	size_t		 i;
	char		 raw[2048], buf[2048];

	if (level == DIAG_WARNING && df->werror)
		level = DIAG_ERROR;
	if (level > df->worst)
		df->worst = level;
	/*
	 * After the cap, an error about the whole file (an output that
	 * cannot be written, a monograph too large to compile) is still
	 * kept: it says why nothing was written.
	 */
	if (df->stopped && (line != 0 || code == NULL ||
	    level < DIAG_ERROR || df->n >= MAXENTRIES + 8))
		return;
	if (!df->stopped && (df->n == MAXENTRIES ||
	    ++df->offered > MAXOFFERED)) {
		df->stopped = 1;
		level = DIAG_NOTE;
		line = col = 0;
		code = NULL;
		fmt = "too many messages; the rest of this file is not "
		    "reported";
	}
	if (df->n == df->cap) {
		p = realloc(df->v, (df->cap ? df->cap * 2 : 8) *
		    sizeof(*df->v));
		if (p == NULL)
			return;
		df->v = p;
		df->cap = df->cap ? df->cap * 2 : 8;
	}
	vsnprintf(raw, sizeof(raw), fmt, ap);
	escape(buf, sizeof(buf), raw);
	/* The same message twice at the same place says nothing new. */
	for (i = 0; i < df->n; i++)
		if (df->v[i].line == line && df->v[i].col == col &&
		    strcmp(df->v[i].msg, buf) == 0)
			return;
	e = &df->v[df->n];
	e->level = level;
	e->line = line;
	e->col = col;
	e->code = code == NULL ? NULL : strdup(code);
	if ((e->msg = strdup(buf)) == NULL) {
		free(e->code);
		return;
	}
	df->n++;
}

/* Add a message at line:col (0 when unknown) with an optional code. */
void
diag_file_add(struct diag_file *df, enum diag_level level, int line, int col,
    const char *code, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vadd(df, level, line, col, code, fmt, ap);
	va_end(ap);
}

/* Write the qualified name of an element into buf. */
static void
qname(char *buf, size_t sz, xmlNodePtr node)
{
	if (node->ns != NULL && node->ns->prefix != NULL)
		snprintf(buf, sz, "%s:%s", node->ns->prefix, node->name);
	else
		snprintf(buf, sz, "%s", node->name);
}

/*
 * Add a message about an element, or about attribute attr of it when attr
 * is not NULL, pointing at its start tag in the source.
 */
void
diag_file_add_node(struct diag_file *df, enum diag_level level,
    xmlNodePtr node, const char *attr, const char *code, const char *fmt, ...)
{
	va_list	 ap;
	char	 name[256];
	int	 line, col;

	line = col = 0;
	if (diag_file_full(df))
		node = NULL;	/* not shown: no need to find it */
	if (node != NULL && node->type == XML_ELEMENT_NODE) {
		line = xmlGetLineNo(node);
		qname(name, sizeof(name), node);
		diag_file_locate(df, &line, &col, name, attr);
	} else if (node != NULL)
		line = xmlGetLineNo(node);
	va_start(ap, fmt);
	vadd(df, level, line < 0 ? 0 : line, col, code, fmt, ap);
	va_end(ap);
}

static int
isnamechar(int c)
{
	return isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':' ||
	    c >= 0x80;
}

/*
 * Does a start tag for qname begin at offset off, holding the quoted
 * attribute value value if that is not NULL?
 */
static int
tagat(const struct diag_file *df, size_t off, const char *qname, size_t qlen,
    const char *value)
{
	const char	*s = df->src;
	size_t		 i, vlen;

	if (s[off] != '<' || off + 1 + qlen >= df->srclen ||
	    memcmp(s + off + 1, qname, qlen) != 0 ||
	    isnamechar((unsigned char)s[off + 1 + qlen]))
		return 0;
	if (value == NULL)
		return 1;
	vlen = strlen(value);
	for (i = off + 1 + qlen; i + vlen + 1 < df->srclen &&
	    i < off + SEARCHBYTES && s[i] != '>'; i++)
		if ((s[i] == '"' || s[i] == '\'') && s[i + vlen + 1] == s[i] &&
		    memcmp(s + i + 1, value, vlen) == 0)
			return 1;
	return 0;
}

/*
 * Offset of attribute attr inside the start tag at off, or off when it
 * is not in the tag's first SEARCHBYTES bytes.
 */
static size_t
attrat(const struct diag_file *df, size_t off, const char *attr)
{
	const char	*s = df->src;
	size_t		 i, alen;
	char		 q;

	alen = strlen(attr);
	for (i = off + 1; i < df->srclen && i < off + SEARCHBYTES &&
	    s[i] != '>'; i++) {
		if (s[i] == '"' || s[i] == '\'') {
			q = s[i];
			while (++i < df->srclen && i < off + SEARCHBYTES &&
			    s[i] != q)
				continue;
			continue;
		}
		if (isspace((unsigned char)s[i - 1]) &&
		    i + alen < df->srclen &&
		    memcmp(s + i, attr, alen) == 0 &&
		    !isnamechar((unsigned char)s[i + alen]))
			return i;
	}
	return off;
}

/*
 * Find the start tag of element qname (or attribute attr in it) that
 * libxml2 reports at *line.  libxml2 records the line where the start
 * tag ends, so search backwards from the end of that line, then forwards.
 * On success set *line and *col (in characters); else leave *line and
 * set *col to 0.  Each search reads at most a few times SEARCHBYTES of
 * the source, and none is made once the file has as many messages as it
 * keeps.
 */
void
diag_file_locate(const struct diag_file *df, int *line, int *col,
    const char *qname, const char *attr)
{
	diag_file_locate_value(df, line, col, qname, attr, NULL);
}

/*
 * The same, preferring a start tag holding the attribute value value:
 * libxml2 gives no node for keyref errors, only a line.
 */
void
diag_file_locate_value(const struct diag_file *df, int *line, int *col,
    const char *qname, const char *attr, const char *value)
{
	size_t	 lo, hi, off, qlen, i, n;
	int	 found, l;

	*col = 0;
	if (diag_file_full(df) ||
	    df->src == NULL || df->lines == NULL || qname == NULL ||
	    *qname == '\0' || *line < 1 || (size_t)*line > df->nlines)
		return;
	qlen = strlen(qname);
	l = *line;
	lo = df->lines[l > SEARCHLINES ? l - SEARCHLINES : 0];
	hi = (size_t)l < df->nlines ? df->lines[l] : df->srclen;
	if (hi - lo > SEARCHBYTES)
		lo = hi - SEARCHBYTES;
	found = 0;
	for (off = hi; off > lo; off--)
		if (tagat(df, off - 1, qname, qlen, value)) {
			off--;
			found = 1;
			break;
		}
	if (!found) {
		n = (size_t)l + SEARCHLINES < df->nlines ?
		    df->lines[l + SEARCHLINES] : df->srclen;
		if (n - df->lines[l - 1] > SEARCHBYTES)
			n = df->lines[l - 1] + SEARCHBYTES;
		for (off = df->lines[l - 1]; off < n; off++)
			if (tagat(df, off, qname, qlen, value)) {
				found = 1;
				break;
			}
	}
	if (!found)
		return;
	if (attr != NULL && *attr != '\0')
		off = attrat(df, off, attr);
	/* Binary search the line holding off. */
	lo = 0;
	hi = df->nlines;
	while (hi - lo > 1) {
		i = (lo + hi) / 2;
		if (df->lines[i] <= off)
			lo = i;
		else
			hi = i;
	}
	*line = lo + 1;
	*col = chars_before(df, off) - chars_before(df, df->lines[lo]) + 1;
}

enum diag_level
diag_file_worst(const struct diag_file *df)
{
	return df->worst;
}

size_t
diag_file_count(const struct diag_file *df)
{
	return df->n;
}

/*
 * Does the file have as many messages as it keeps (MAXENTRIES), or has
 * it made so many (MAXOFFERED, most of them dropped as duplicates) that
 * no more are kept?  Then later ones only count in its worst level:
 * callers need not locate them, nor go on looking for more.
 */
int
diag_file_full(const struct diag_file *df)
{
	return df->stopped || df->n >= MAXENTRIES;
}

/*
 * The libxml2 structured error handler (xmlSetStructuredErrorFunc and
 * xmlSchemaSetValidStructuredErrors), with the input's diag_file as
 * context.  Rewrites the message and finds the column.
 */
void
diag_xml_error(void *ctx, xmlErrorPtr err)
{
	struct diag_file	*df = ctx;
	struct xmlmsg		 m;
	xmlNodePtr		 node;
	enum diag_level		 level;
	char			 name[256];
	const char		*attr;
	int			 line, col;

	if (df == NULL || err == NULL)
		return;
	level = err->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
	if (diag_file_full(df)) {
		/* Only its level counts now: no rewriting, no locating. */
		diag_file_add(df, level, 0, 0, NULL, "%s", "");
		return;
	}
	xmlmsg_rewrite(&m, err->domain, err->message);
	if (err->domain == XML_FROM_SCHEMASV)
		xmlmsg_refine(&m, err->node);
	line = err->line;
	col = 0;
	if (err->file != NULL && strcmp(err->file, df->path) != 0) {
		diag_file_add(df, level, 0, 0, m.code, "%s:%d: %s",
		    err->file, err->line, m.text);
		return;
	}
	if (err->domain == XML_FROM_SCHEMASV) {
		node = err->node;
		attr = m.attr;
		if (node != NULL && node->type == XML_ATTRIBUTE_NODE) {
			attr = (const char *)node->name;
			node = node->parent;
		}
		if (node != NULL && node->type == XML_ELEMENT_NODE) {
			line = xmlGetLineNo(node);
			qname(name, sizeof(name), node);
			diag_file_locate(df, &line, &col, name, attr);
		} else {
			snprintf(name, sizeof(name), "%s", m.elem);
			diag_file_locate_value(df, &line, &col, name, attr,
			    *m.value != '\0' ? m.value : NULL);
			if (col == 0)
				diag_file_locate(df, &line, &col, name, attr);
		}
	} else if (err->int2 > 0)
		col = err->int2;
	diag_file_add(df, level, line < 0 ? 0 : line, col, m.code, "%s",
	    m.text);
}
