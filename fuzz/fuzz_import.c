/*
 * libFuzzer harness over monoc import, on a label held in memory, as
 * import_one() and write_checked() in src/import.c run it: load the label
 * (safe parse, refusals, repair of its text), the depth scan, read its
 * SPL header and product data (spl_read()), the NAME, build the monograph
 * (import_build()), then serialise it, parse it back as monoc reads
 * monographs, validate it against the real schema and run the rules of
 * check.c on it.  The schema is compiled once in LLVMFuzzerInitialize();
 * after that the refusing entity loader is installed, as in monoc.
 * Diagnostics are printed to /dev/null; nothing is written to disk.
 *
 * An imported monograph that monoc --check refuses is what monoc import
 * reports as an import-bug (exit 2); with FUZZ_IMPORT_STRICT=1 in the
 * environment the harness aborts on one, so that libFuzzer keeps the
 * label.  The data directory is found as fuzz_monograph.c finds it.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "check.h"
#include "diag.h"
#include "import.h"
#include "load.h"
#include "schema.h"
#include "spl.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE			*devnull;
static struct schema		*schema;
static struct schema_vctx	*vctx;
static int			 strict;

/* The data directory, or exit: the harness is useless without it. */
static void
find_datadir(const char *argv0, char *dir, size_t sz)
{
	const char	*env;
	char		 exe[PATH_MAX], probe[PATH_MAX + 32];
	char		*slash;
	ssize_t		 n;
	int		 up;

	if ((env = getenv("MONOC_DATADIR")) != NULL && *env != '\0') {
		snprintf(dir, sz, "%s", env);
		return;
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0) {
		snprintf(exe, sizeof(exe), "%s", argv0);
		n = strlen(exe);
	}
	exe[n] = '\0';
	for (up = 0; up < 4 && (slash = strrchr(exe, '/')) != NULL; up++) {
		*slash = '\0';
		snprintf(probe, sizeof(probe), "%s/schema/monograph.xsd",
		    *exe == '\0' ? "." : exe);
		if (access(probe, R_OK) == 0) {
			snprintf(dir, sz, "%s", *exe == '\0' ? "." : exe);
			return;
		}
	}
	fprintf(stderr, "fuzz_import: cannot find schema/monograph.xsd; "
	    "set MONOC_DATADIR\n");
	exit(2);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	*diag;
	const char	*env;
	char		 dir[PATH_MAX], path[PATH_MAX + 32];

	find_datadir(*argc > 0 ? (*argv)[0] : "", dir, sizeof(dir));
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	strict = (env = getenv("FUZZ_IMPORT_STRICT")) != NULL &&
	    strcmp(env, "1") == 0;
	xmlInitParser();
	LIBXML_TEST_VERSION
	xmlSetBufferAllocationScheme(XML_BUFFER_ALLOC_DOUBLEIT);
	if ((diag = diag_new(stderr, 0)) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/schema/monograph.xsd", dir);
	if ((schema = schema_load(path, diag)) == NULL ||
	    (vctx = schema_vctx_new(schema)) == NULL) {
		fprintf(stderr, "fuzz_import: cannot load the schema from "
		    "'%s'\n", dir);
		exit(2);
	}
	diag_free(diag);
	load_lockdown();
	return 0;
}

/*
 * The monograph mono written and read back as write_checked() does:
 * its worst diagnostic from validation and the rules.
 */
static enum diag_level
recheck(struct diag *diag, xmlDocPtr mono, const char *name)
{
	struct diag_file	*odf;
	struct check		*ck;
	enum diag_level		 worst;
	xmlDocPtr		 back;
	xmlChar			*buf;
	char			 path[96], *paths[1];
	int			 len;

	xmlDocDumpFormatMemoryEnc(mono, &buf, &len, "UTF-8", 1);
	if (buf == NULL)
		return DIAG_NOTE;
	snprintf(path, sizeof(path), "%s.xml", name);
	if ((odf = diag_file_new(diag, path)) == NULL) {
		xmlFree(buf);
		return DIAG_NOTE;
	}
	paths[0] = path;
	if ((ck = check_new(paths, 1)) != NULL)
		check_set_review(ck, 2025, 12, 1, 1095);
	if ((back = load_memory(buf, (size_t)len, path, odf)) != NULL) {
		schema_validate(vctx, back, odf);
		if (ck != NULL)
			check_run(ck, back, 0, odf);
		xmlFreeDoc(back);
	}
	check_free(ck);
	worst = diag_file_worst(odf);
	if (worst >= DIAG_ERROR && strict) {
		fprintf(stderr, "fuzz_import: the monograph made from this "
		    "label is not valid (import-bug; monoc import on the "
		    "label shows why)\n");
		abort();
	}
	diag_flush(diag, odf);
	diag_file_free(odf);
	xmlFree(buf);
	return worst;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag		*diag;
	struct diag_file	*df;
	struct spl		*spl;
	xmlDocPtr		 doc, mono;
	char			*name;

	if ((diag = diag_new(devnull, 0)) == NULL)
		return 0;
	xmlSetGenericErrorFunc(diag, diag_generic);
	spl = NULL;
	doc = mono = NULL;
	name = NULL;
	if ((df = diag_file_new(diag, "fuzz.xml")) == NULL)
		goto out;
	if ((doc = load_label_memory(data, size, "fuzz.xml", df)) == NULL) {
		/* As import_one() does on a refused label. */
		import_depth((const char *)data, size);
		goto done;
	}
	if ((spl = spl_read(doc)) == NULL || !spl_doc_accepted(spl->doc_code) ||
	    (name = import_name(spl)) == NULL)
		goto done;
	if ((mono = import_build(spl, name, "2025-12-01", df)) != NULL)
		recheck(diag, mono, name);
done:
	diag_flush(diag, df);
	diag_file_free(df);
	xmlFreeDoc(mono);
	free(name);
	spl_free(spl);
	xmlFreeDoc(doc);
out:
	xmlSetGenericErrorFunc(NULL, NULL);
	diag_free(diag);
	return 0;
}
