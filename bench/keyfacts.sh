#!/bin/sh
# keyfacts.sh: the share of the key facts of the Highlights (dose
# amounts, contraindications, most common adverse reactions,
# interactions) that reach the summary of the monographs imported from
# the 3,000 bulk DailyMed labels (../shared/spl-bulk/dailymed-rx-3000.
# tar.xz), and that every fact taken from the Highlights is the label's
# (tests/import/keyfacts.sh, tests/import/highlights.sh).  The labels
# are unpacked into a scratch directory, read, never copied into the
# repository.  Heavy (several minutes): run with nice, one at a time.
#
# usage: bench/keyfacts.sh [MONOC]      (from the repository root;
#        make bench-keyfacts)
export LC_ALL=C
monoc=${1:-./monoc}
shared=${SHARED:-$(pwd)/../shared}
tarball=$shared/spl-bulk/dailymed-rx-3000.tar.xz
[ -r "$tarball" ] || { echo "keyfacts: no $tarball" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/labels" "$tmp/m"
tar -xJf "$tarball" -C "$tmp/labels" || exit 2
find "$tmp/labels" -name '*.xml' | sort > "$tmp/list"
# shellcheck disable=SC2046
"$monoc" import -q -o "$tmp/m" $(cat "$tmp/list") 2> "$tmp/err"
tail -n 1 "$tmp/err"
# shellcheck disable=SC2046
tests/import/highlights.sh "$tmp/m" $(cat "$tmp/list") | tail -n 1
# shellcheck disable=SC2046
tests/import/keyfacts.sh -c "$monoc" "$tmp/m" $(cat "$tmp/list")
