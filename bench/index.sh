#!/usr/bin/env bash
# index.sh: the index page benchmark (make bench-index).  Unpacks the
# 3,000 bulk DailyMed labels (../shared/spl-bulk/dailymed-rx-3000.tar.xz)
# into a scratch folder, imports them in one monoc import run, compiles
# them to HTML (which writes the sidecars and the index page), then times
# five monoc --index-only runs and reports the page's size, the entries,
# the entries whose text reads like another's (0 unless the monographs
# are the same), those that show their set id to be told apart, the drug
# groups and the class headings, and the labels with a drug class.
# Nothing is kept: the scratch folder is removed.
#
# usage: bench/index.sh [MONOC]          (from the repository root)
set -uo pipefail
export LC_ALL=C

monoc=${1:-./monoc}
shared=${SHARED:-$(pwd)/../shared}
tarball=$shared/spl-bulk/dailymed-rx-3000.tar.xz
die() { echo "bench-index: $*" >&2; exit 2; }
[ -x "$monoc" ] || die "build $monoc first (make)"
[ -r "$tarball" ] || die "no $tarball (set SHARED to the shared folder)"
[ -x /usr/bin/time ] || die "no /usr/bin/time (apt-get install time)"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

tar -xJf "$tarball" -C "$tmp" || die "cannot unpack $tarball"
mkdir -p "$tmp/m"
"$monoc" import -q -o "$tmp/m" "$tmp"/*/*.xml > /dev/null 2>&1
"$monoc" -f html -o "$tmp/o" "$tmp"/m/*.xml > /dev/null 2>&1 ||
    die "compiling the imports failed"
page=$tmp/o/html/index.html
for i in 1 2 3 4 5; do
	/usr/bin/time -a -f '%e %U %S %M' -o "$tmp/time" \
	    "$monoc" --index-only -o "$tmp/o" || die "monoc --index-only failed"
done
items=$(grep -o '<li><a href="[^"]*\.html"><strong>.*' "$page" |
    sed 's|</li>|&\n|g' | grep -o '<strong>.*</li>')
echo "monographs:        $(ls "$tmp/m" | grep -c '\.xml$')" \
    "($(grep -l '<drug-class>' "$tmp"/m/*.xml | wc -l) with a drug class," \
    "$(grep -ho '<drug-class>[^<]*' "$tmp"/m/*.xml | sort -u | wc -l)" \
    "ways of writing one)"
echo "page:              $(wc -c < "$page") bytes"
echo "entries:           $(printf '%s\n' "$items" | grep -c .)"
echo "reading the same:  $(printf '%s\n' "$items" | sed 's/<[^>]*>//g' |
    sort | uniq -d | wc -l) texts"
echo "told by set id:    $(grep -o '· set id [^<]*</span>' "$page" | wc -l)"
echo "drug groups:       $(grep -o '<section class="drug"' "$page" | wc -l)"
echo "class headings:    $(grep -o '<h2 id="c-' "$page" | wc -l)" \
    "(the last: no drug class stated)"
awk '{ printf "--index-only:      %s s, %s s user + %s s system, %d MB peak RSS\n",
    $1, $2, $3, $4 / 1024 }' "$tmp/time"
