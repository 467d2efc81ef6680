#!/bin/sh
# make-label-corpus.sh: fill the import fuzzer's working corpus DIR
# (git-ignored) with labels: the invented labels of tests/data/import/
# and, when the shared folder is there ($SHARED, by default ../shared),
# the real labels of its spl-corpus/, read where they are at run time
# (the repository keeps no label of its own but invented ones).  Files
# are named after their path, so that nothing is overwritten; existing
# corpus entries are kept.
#
# usage: fuzz/make-label-corpus.sh DIR      (from the repository root)
set -eu
dir=${1:?usage: fuzz/make-label-corpus.sh DIR}
shared=${SHARED:-$(pwd)/../shared}
mkdir -p "$dir"
n=0
for f in tests/data/import/*.xml "$shared"/spl-corpus/*.xml \
    "$shared"/spl-corpus/*/*.xml; do
	[ -f "$f" ] || continue
	# The corpus is for -max_len=262144; larger files would be cut.
	[ "$(wc -c < "$f")" -le 262144 ] || continue
	cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
	n=$((n + 1))
done
[ -d "$shared/spl-corpus" ] ||
    echo "make-label-corpus.sh: no $shared/spl-corpus: invented labels only"
echo "make-label-corpus.sh: $n seed files in $dir"
