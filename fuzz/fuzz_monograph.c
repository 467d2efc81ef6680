/*
 * libFuzzer harness over monoc's per-input pipeline: load (safe parse) ->
 * validate -> check -> transform, on an input held in memory, as
 * compile_one() in monoc.c runs it.  The real schema and every stylesheet
 * are compiled once in LLVMFuzzerInitialize(); after that the refusing
 * entity loader is installed, as in monoc.  A valid input gets its
 * document model (src/model.c, with xslt/words.xml read once), rendered
 * into every format, and its sidecar goes
 * through the index stylesheet, as
 * index_build() does.  Diagnostics are printed to /dev/null (so that the
 * source-line display runs too); nothing is written to disk.
 *
 * The data directory is $MONOC_DATADIR, else the first directory holding
 * schema/monograph.xsd among the harness's own directory and its parents.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/xslt.h>

#include "check.h"
#include "diag.h"
#include "index.h"
#include "load.h"
#include "model.h"
#include "schema.h"
#include "xform.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE			*devnull;
static struct schema		*schema;
static struct schema_vctx	*vctx;
static struct xform		*xf;
static struct words		*words;

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
	fprintf(stderr, "fuzz_monograph: cannot find schema/monograph.xsd; "
	    "set MONOC_DATADIR\n");
	exit(2);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	*diag;
	char		 dir[PATH_MAX], path[PATH_MAX + 32], err[256];

	find_datadir(*argc > 0 ? (*argv)[0] : "", dir, sizeof(dir));
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	xmlInitParser();
	LIBXML_TEST_VERSION
	xsltInit();
	/* As monoc does: libxml2's buffers grow by doubling (src/monoc.c). */
	xmlSetBufferAllocationScheme(XML_BUFFER_ALLOC_DOUBLEIT);
	/* Compile-time problems are real: show them. */
	if ((diag = diag_new(stderr, 0)) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/schema/monograph.xsd", dir);
	if ((schema = schema_load(path, diag)) == NULL ||
	    (vctx = schema_vctx_new(schema)) == NULL ||
	    (xf = xform_load(dir, FMT_DOCS | FMT_BIT(FMT_META) |
	    FMT_BIT(FMT_INDEX), diag)) == NULL) {
		fprintf(stderr, "fuzz_monograph: cannot load the schema "
		    "and stylesheets from '%s'\n", dir);
		exit(2);
	}
	snprintf(path, sizeof(path), "%s/xslt/words.xml", dir);
	if ((words = words_load(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "fuzz_monograph: %s\n", err);
		exit(2);
	}
	diag_free(diag);
	load_lockdown();
	return 0;
}

/*
 * The name the input is checked under: its root id plus ".xml" when that
 * is a plausible file stem, so that valid seeds pass the id rule and reach
 * the transforms; otherwise "fuzz.xml".
 */
static char *
input_name(xmlDocPtr doc)
{
	xmlNodePtr	 root;
	xmlChar		*id;
	char		*name;
	size_t		 len;

	id = NULL;
	if ((root = xmlDocGetRootElement(doc)) != NULL)
		id = xmlGetNoNsProp(root, BAD_CAST "id");
	len = id == NULL ? 0 : strlen((char *)id);
	if (len == 0 || len > 64 || strspn((char *)id,
	    "abcdefghijklmnopqrstuvwxyz0123456789-") != len ||
	    (name = malloc(len + 5)) == NULL)
		name = strdup("fuzz.xml");
	else
		snprintf(name, len + 5, "%s.xml", (char *)id);
	xmlFree(id);
	return name;
}

/* The index stylesheet over one sidecar, as index_build() runs it. */
static void
index_one(struct diag *diag, const xmlChar *meta, int metalen)
{
	struct diag_file *df;
	xmlDocPtr	 doc, sidecar;
	xmlNodePtr	 root, copy;
	xmlNsPtr	 ns;
	xmlChar		*out;
	int		 outlen;

	doc = sidecar = NULL;
	out = NULL;
	if ((df = diag_file_new(diag, "meta/fuzz.xml")) == NULL)
		return;
	if ((sidecar = load_memory(meta, metalen, "meta/fuzz.xml",
	    df)) == NULL)
		goto out;
	if ((doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (root = xmlNewDocNode(doc, NULL, BAD_CAST "index",
	    NULL)) == NULL)
		goto out;
	xmlDocSetRootElement(doc, root);
	if ((ns = xmlNewNs(root, BAD_CAST MONOGRAPH_NS, NULL)) == NULL)
		goto out;
	xmlSetNs(root, ns);
	copy = xmlDocCopyNode(xmlDocGetRootElement(sidecar), doc, 1);
	if (copy != NULL && xmlAddChild(root, copy) == NULL)
		xmlFreeNode(copy);
	xform_apply(xf, FMT_INDEX, doc, df, &out, &outlen);
out:
	diag_flush(diag, df);
	diag_file_free(df);
	xmlFree(out);
	xmlFreeDoc(sidecar);
	xmlFreeDoc(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag		*diag;
	struct diag_file	*df;
	struct check		*check;
	enum model_status	 status;
	xmlDocPtr		 doc, model;
	xmlChar			*out[FMT__MAX];
	int			 len[FMT__MAX], f;
	char			*name, err[256];

	/* A fresh sink per input, so its counters never overflow. */
	if ((diag = diag_new(devnull, 0)) == NULL)
		return 0;
	xmlSetGenericErrorFunc(diag, diag_generic);
	if ((df = diag_file_new(diag, "fuzz.xml")) == NULL)
		goto out;
	memset(out, 0, sizeof(out));
	if ((doc = load_memory(data, size, "fuzz.xml", df)) != NULL) {
		schema_validate(vctx, doc, df);
		name = input_name(doc);
		if (name != NULL &&
		    (check = check_new(&name, 1)) != NULL) {
			check_run(check, doc, 0, df);
			check_free(check);
		}
		free(name);
		if (diag_file_worst(df) < DIAG_ERROR &&
		    (model = model_build(doc, words, &status, err,
		    sizeof(err))) != NULL) {
			/* As transform_and_write() in monoc.c. */
			for (f = 0; f <= FMT_META; f++)
				if (xform_apply(xf, f, (FMT_DOCS &
				    FMT_BIT(f)) ? model : doc, df, &out[f],
				    &len[f]) != 0)
					break;
			xmlFreeDoc(model);
			if (f > FMT_META)
				index_one(diag, out[FMT_META], len[FMT_META]);
		}
		xmlFreeDoc(doc);
	}
	diag_flush(diag, df);
	diag_file_free(df);
	for (f = 0; f < FMT__MAX; f++)
		xmlFree(out[f]);
out:
	xmlSetGenericErrorFunc(NULL, NULL);
	diag_free(diag);
	return 0;
}
