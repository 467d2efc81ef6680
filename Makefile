# monoc: compile drug monographs to HTML, text and man pages.
# GNU make.  `make` builds ./monoc; see also docs, check, install, clean.

# No built-in rules: make docs checks thousands of files, and searching
# the built-in rules for each took most of a no-op run (0.30 s -> 0.08 s
# for 1,000 monographs).
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

PREFIX ?= /usr/local
DESTDIR ?=
bindir = $(PREFIX)/bin
datadir = $(PREFIX)/share
mandir = $(datadir)/man
docdir = $(datadir)/doc/monoc

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra
ifeq ($(WERROR),1)
WARN += -Werror
endif
# Asked of pkg-config once, when first needed: make docs needs none.
XML_CFLAGS = $(call once,XML_CFLAGS,$(PKG_CONFIG) --cflags libxml-2.0 libxslt libexslt)
XML_LIBS = $(call once,XML_PC_LIBS,$(PKG_CONFIG) --libs libxml-2.0 libxslt libexslt) -lm
CMOCKA_LIBS = $(call once,CMOCKA_LIBS,$(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# $(call once,VAR,COMMAND): the output of COMMAND, kept in VAR from then on.
once = $(eval $(1) := $$(shell $(2)))$($(1))
ALL_CFLAGS = $(WARN) $(CFLAGS) $(XML_CFLAGS) -pthread -MMD -MP \
	-DDATADIR='"$(datadir)/monoc"'
ALL_LDFLAGS = $(LDFLAGS) -pthread

# BUILD and MONOC_BIN let check-asan build a second, instrumented copy.
BUILD ?= build
MONOC_BIN ?= monoc
MODULES = diag xmlmsg load schema dom table check buf ext grid \
	model_tree model_words model_cites model_inline model_elements \
	model_table model_xref model_summary model \
	xform output index options update pool spl drugclass highlights \
	import monoc
OBJS = $(MODULES:%=$(BUILD)/%.o)
UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/%,$(wildcard tests/unit/test_*.c))
ASAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all

# make docs MONODIR=dir OUTDIR=dir compiles another set (bench/run.sh).
MONODIR ?= monographs
OUTDIR ?= output

.PHONY: all docs check check-asan check-valgrind fuzz bench bench-labels bench-index bench-keyfacts check-tables-bulk install uninstall clean FORCE

all: $(MONOC_BIN)

$(MONOC_BIN): $(BUILD)/main.o $(OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(BUILD)/main.o $(OBJS) $(XML_LIBS)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

# make -n writes nothing: the $(file ...) write below depends on it.
# The single-letter options are MAKEFLAGS' first word, without a dash
# (its first word is an option of our own, --no-builtin-rules, when
# there are none).
DRYRUN := $(findstring n,$(filter-out -%,$(firstword $(MAKEFLAGS))))

FORCE:

# The data directory is compiled into monoc (src/monoc.c), so `make
# install PREFIX=...` after a plain `make` must rebuild it: $(BUILD)/datadir
# holds the one built, rewritten (and so newer) only when it changes.
ifneq ($(file <$(BUILD)/datadir),$(datadir)/monoc)
$(BUILD)/datadir: FORCE
endif
$(BUILD)/datadir: | $(BUILD)
	$(if $(DRYRUN),,$(file >$@,$(datadir)/monoc))
$(BUILD)/monoc.o: $(BUILD)/datadir

$(BUILD)/test_%.o: tests/unit/test_%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/test_%: $(BUILD)/test_%.o $(OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(OBJS) $(XML_LIBS) $(CMOCKA_LIBS)

$(BUILD):
	mkdir -p $(BUILD)

# make docs is one monoc run: monoc decides what is stale (src/update.c:
# an output older than its monograph, the schema, the stylesheets,
# words.xml or monoc itself), compiles only that, removes the outputs of
# a monograph that is gone, rebuilds the index page when anything
# changed, and does nothing when nothing did.  Runs into one OUTDIR take
# turns (a lock in OUTDIR), and file names are monoc's affair, not make's.
docs: $(MONOC_BIN)
	./$(MONOC_BIN) --update -o $(OUTDIR) $(MONODIR)

# The benchmark of docs/benchmark.md: N=1000 monographs by default; N,
# A_MAX and BIG are passed on (see bench/run.sh).  No part of make check.
bench: $(MONOC_BIN)
	bench/run.sh

# The label benchmark of docs/benchmark.md: monoc import on the 3,000
# bulk labels of ../shared/spl-bulk, unpacked at run time (bench/labels.sh).
# No part of make check.
bench-labels: $(MONOC_BIN)
	bench/labels.sh ./$(MONOC_BIN)

# The index page benchmark of docs/benchmark.md: the 3,000 bulk labels
# imported and compiled, the page measured (bench/index.sh).  No part of
# make check.
bench-index: $(MONOC_BIN)
	bench/index.sh ./$(MONOC_BIN)

# The table property test of make check over the 3,000 bulk labels too
# (tests/tables/run.sh; about 20 minutes on 2 cores).
check-tables-bulk: $(MONOC_BIN)
	TABLES_BULK=3000 tests/tables/run.sh ./$(MONOC_BIN)

# The share of the bulk PLR labels' Highlights facts (doses,
# contraindications, most common adverse reactions, interactions) that
# reach the imported monographs' summaries (bench/keyfacts.sh,
# docs/import.md).  No part of make check.
bench-keyfacts: $(MONOC_BIN)
	nice bench/keyfacts.sh ./$(MONOC_BIN)

# Run every unit test program, then the end-to-end runner; fail at the
# end if anything failed.
check: $(UNIT_TESTS) $(MONOC_BIN) docs
	@fail=0; \
	for t in $(UNIT_TESTS); do \
		echo "== $$t"; \
		./$$t || fail=1; \
	done; \
	tests/suites.sh ./$(MONOC_BIN) output || fail=1; \
	exit $$fail

# The same tests, built with AddressSanitizer and UBSan under build/asan.
# build/asan holds no schema, so the data directory is given; make docs
# (which check runs) needs the plain ./monoc.
# A sanitizer's report exits 86 (ASan, LeakSanitizer) or 87 (UBSan), so
# that no test takes it for monoc's own 1 (an invalid input).
check-asan: monoc
	MONOC_DATADIR=$(CURDIR) MONOC_ASAN=1 \
	ASAN_OPTIONS=$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}exitcode=86 \
	UBSAN_OPTIONS=$${UBSAN_OPTIONS:+$$UBSAN_OPTIONS:}exitcode=87:print_stacktrace=1 \
	$(MAKE) check BUILD=build/asan MONOC_BIN=build/asan/monoc \
		CC=clang CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="$(ASAN_CFLAGS)"

# What `make docs` does and the hostile corpus, under valgrind: fails on
# any memory error and any definite or indirect leak.
check-valgrind: $(MONOC_BIN)
	tests/valgrind.sh ./$(MONOC_BIN)

# libFuzzer over load -> validate -> check -> transform (fuzz/fuzz_monograph.c)
# and over monoc import: label loading, reading and building, the monograph
# made checked as import checks it (fuzz/fuzz_import.c); the modules built
# with coverage, ASan and UBSan under build/fuzz.  The working corpora
# fuzz/corpus-run/ and fuzz/labels-run/ are seeded by fuzz/make-corpus.sh
# and fuzz/make-label-corpus.sh; crashes land in fuzz/crashes/ (all
# git-ignored).  FUZZ_SECONDS is the whole run: each target gets half.
# docs/security.md has more.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS ?=
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all \
	-fsanitize=address,undefined
FUZZ_HALF = $(shell expr $(FUZZ_SECONDS) / 2)

$(BUILD)/fuzz_%: fuzz/fuzz_%.c $(OBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ \
		$< $(OBJS) $(XML_LIBS)

fuzz:
	$(MAKE) build/fuzz/fuzz_monograph build/fuzz/fuzz_import \
		BUILD=build/fuzz CC=clang \
		CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
		LDFLAGS="$(FUZZ_CFLAGS)"
	fuzz/make-corpus.sh fuzz/corpus-run
	fuzz/make-label-corpus.sh fuzz/labels-run
	mkdir -p fuzz/crashes fuzz/regress fuzz/regress-import
	build/fuzz/fuzz_monograph -max_total_time=$(FUZZ_HALF) \
		-max_len=262144 -rss_limit_mb=2048 -timeout=10 \
		-dict=fuzz/monograph.dict -artifact_prefix=fuzz/crashes/ \
		$(FUZZ_FLAGS) fuzz/corpus-run fuzz/corpus fuzz/regress
	build/fuzz/fuzz_import \
		-max_total_time=$(shell expr $(FUZZ_SECONDS) - $(FUZZ_HALF)) \
		-max_len=262144 -rss_limit_mb=2048 -timeout=10 \
		-dict=fuzz/spl.dict -artifact_prefix=fuzz/crashes/import- \
		$(FUZZ_FLAGS) fuzz/labels-run fuzz/regress-import

install: monoc docs
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 \
		$(DESTDIR)$(mandir)/man7 $(DESTDIR)$(datadir)/monoc/schema \
		$(DESTDIR)$(datadir)/monoc/xslt $(DESTDIR)$(docdir)/html \
		$(DESTDIR)$(docdir)/text
	install -m 755 monoc $(DESTDIR)$(bindir)/monoc
	install -m 644 monoc.1 $(DESTDIR)$(mandir)/man1/monoc.1
	install -m 644 schema/*.xsd $(DESTDIR)$(datadir)/monoc/schema/
	install -m 644 xslt/*.xsl xslt/words.xml $(DESTDIR)$(datadir)/monoc/xslt/
	install -m 644 output/html/*.html $(DESTDIR)$(docdir)/html/
	for f in output/html/*.css; do \
		if [ -f "$$f" ]; then \
			install -m 644 "$$f" $(DESTDIR)$(docdir)/html/ || exit 1; \
		fi; \
	done
	install -m 644 output/text/*.txt $(DESTDIR)$(docdir)/text/
	install -m 644 output/man/man7/*.7 $(DESTDIR)$(mandir)/man7/
	@# On the live system, refresh the whatis/apropos index; a staged
	@# install (DESTDIR) leaves that to the package manager.
	@if [ -z "$(DESTDIR)" ] && command -v mandb >/dev/null; then \
		mandb -q || echo "monoc: mandb failed; run it by hand for whatis" >&2; \
	fi

uninstall:
	rm -f $(DESTDIR)$(bindir)/monoc $(DESTDIR)$(mandir)/man1/monoc.1
	rm -f $(patsubst monographs/%.xml,$(DESTDIR)$(mandir)/man7/%-info.7,$(wildcard monographs/*.xml))
	rm -rf $(DESTDIR)$(datadir)/monoc $(DESTDIR)$(docdir)
	@if [ -z "$(DESTDIR)" ] && command -v mandb >/dev/null; then \
		mandb -q || echo "monoc: mandb failed; run it by hand" >&2; \
	fi

clean:
	rm -rf build monoc output

-include $(wildcard $(BUILD)/*.d)
