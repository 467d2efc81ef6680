#!/bin/sh
# make-corpus.sh: fill the fuzzer's working corpus DIR (git-ignored) with
# the real and test monographs: monographs/*.xml, docs/skeleton.xml, the
# test monographs tests/formulary/*.xml (every element and attribute of
# format 2), tests/schema/{valid,invalid}, the diagnostics corpus
# tests/diag (one defect per rule, format-1.xml among them), the XSLT
# fixtures, the small files of tests/hostile, the XML fixtures under
# tests/data and small instances of the patterns of tests/scaling/gen.sh.
# Files are named after their path so
# that nothing is overwritten; existing corpus entries are kept.
#
# usage: fuzz/make-corpus.sh DIR      (from the repository root)
set -eu
dir=${1:?usage: fuzz/make-corpus.sh DIR}
mkdir -p "$dir"
n=0
for f in monographs/*.xml docs/skeleton.xml tests/formulary/*.xml \
    tests/schema/valid/*.xml tests/schema/invalid/*.xml tests/diag/*.xml \
    tests/diag/multi/*.xml tests/xslt-fixtures/*.xml tests/hostile/*.xml \
    $(find tests/data -name '*.xml' | sort); do
	[ -f "$f" ] || continue
	# The corpus is for -max_len=262144; larger files would be cut.
	[ "$(wc -c < "$f")" -le 262144 ] || continue
	cp "$f" "$dir/seed-$(printf '%s' "$f" | tr '/' '_')"
	n=$((n + 1))
done
# Small instances of the pathological patterns of tests/scaling/gen.sh.
for p in longword paragraphs statements badvalues unknowncite citations \
    attributes controls; do
	tests/scaling/gen.sh "$p" 20 > "$dir/seed-scaling-$p.xml"
	n=$((n + 1))
done
echo "make-corpus.sh: $n seed files in $dir"
