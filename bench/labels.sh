#!/usr/bin/env bash
# labels.sh: the label benchmark (make bench-labels).  Unpacks the 3,000
# bulk DailyMed labels (../shared/spl-bulk/dailymed-rx-3000.tar.xz) into a
# scratch folder, imports them all in one monoc import run under
# /usr/bin/time, then checks every monograph written with one
# monoc --check run, and reports labels per second, peak RSS and every
# refusal with its reason.  Nothing is kept: the scratch folder is removed.
# COMPILE=1 also compiles the monographs to HTML, text and man (once the
# renderers read format 2).
#
# usage: bench/labels.sh [MONOC]          (from the repository root)
set -uo pipefail
export LC_ALL=C

monoc=${1:-./monoc}
shared=${SHARED:-$(pwd)/../shared}
tarball=$shared/spl-bulk/dailymed-rx-3000.tar.xz
die() { echo "bench-labels: $*" >&2; exit 2; }
[ -x "$monoc" ] || die "build $monoc first (make)"
[ -r "$tarball" ] || die "no $tarball (set SHARED to the shared folder)"
[ -x /usr/bin/time ] || die "no /usr/bin/time (apt-get install time)"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

tar -xJf "$tarball" -C "$tmp" || die "cannot unpack $tarball"
set -- "$tmp"/*/*.xml
n=$#
mkdir -p "$tmp/m"
# one run for all (not xargs, which would split it): NAMEs are unique
# within a run
/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$monoc" import -o "$tmp/m" "$@" \
    > /dev/null 2> "$tmp/err"
rc=$?
read -r secs rss usr sys <<EOF2
$(tail -n 1 "$tmp/time")
EOF2
tail -n 1 "$tmp/err"
made=$(ls "$tmp/m" | grep -c .)
echo "labels:          $n"
echo "monographs:      $made ($(awk -v m="$made" -v n="$n" \
    'BEGIN { printf "%.1f", 100 * m / n }') %)"
echo "import:          $secs s, $(awk -v n="$n" -v s="$secs" \
    'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }') labels/s, one core"
echo "CPU:             $usr s user, $sys s system ($(awk -v n="$n" \
    -v u="$usr" -v s="$sys" 'BEGIN { printf "%.1f", 1000 * (u + s) / n }') ms a label)"
echo "peak RSS:        $((rss / 1024)) MB"
echo "exit status:     $rc"
echo "warnings by kind:"
grep -o 'warning: .*\[[a-z-]*\]$' "$tmp/err" | sed 's/.*\[//; s/\]$//' |
    sort | uniq -c | sort -rn | sed 's/^/  /'
echo "refused:"
grep ': error: ' "$tmp/err" | grep -v "^$tmp/m/" |
    sed "s|^$tmp/[^/]*/||" | sed 's/^/  /'
bugs=$(grep -c "^$tmp/m/.*: error: " "$tmp/err")
echo "invalid monographs (import bugs, not written): $bugs"
/usr/bin/time -f '%e' -o "$tmp/ctime" "$monoc" --check "$tmp"/m/*.xml \
    > /dev/null 2> "$tmp/cerr"
crc=$?
echo "monoc --check of all $made: exit $crc, $(tail -n 1 "$tmp/ctime") s," \
    "$(tail -n 1 "$tmp/cerr")"
if [ "${COMPILE:-0}" = 1 ]; then
	/usr/bin/time -f '%e %M' -o "$tmp/otime" "$monoc" -o "$tmp/o" \
	    "$tmp"/m/*.xml > /dev/null 2> "$tmp/oerr"
	echo "compile: exit $?, $(tail -n 1 "$tmp/otime") (s, KB)"
fi
