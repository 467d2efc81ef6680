#!/usr/bin/env bash
# labels.sh: the label benchmark (make bench-labels).  Unpacks the 3,000
# bulk DailyMed labels (../shared/spl-bulk/dailymed-rx-3000.tar.xz) into a
# scratch folder, imports them all in one monoc import run under
# /usr/bin/time, then checks every monograph written with one
# monoc --check run, and reports labels per second, peak RSS and every
# refusal with its reason.  Nothing is kept: the scratch folder is removed.
# COMPILE=1 also compiles the monographs to HTML, text and man in one
# monoc -j1 run, and reports the CPU time a label of import plus the three
# formats against spl.xsl's.
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
	# -j1: CPU time a label on one core, as spl.xsl's figure is
	/usr/bin/time -f '%e %M %U %S' -o "$tmp/otime" "$monoc" -j1 \
	    -o "$tmp/o" "$tmp"/m/*.xml > /dev/null 2> "$tmp/oerr"
	orc=$?
	read -r osecs orss ousr osys <<EOF3
$(tail -n 1 "$tmp/otime")
EOF3
	echo "compile (-j1):   exit $orc, $osecs s, $ousr s user + $osys s" \
	    "system, peak RSS $((orss / 1024)) MB"
	awk -v n="$n" -v m="$made" -v iu="$usr" -v is="$sys" -v ou="$ousr" \
	    -v os="$osys" 'BEGIN {
		imp = 1000 * (iu + is) / n; comp = 1000 * (ou + os) / m
		printf "CPU a label:     import %.1f ms + three formats %.1f ms" \
		    " = %.1f ms\n", imp, comp, imp + comp
		printf "against spl.xsl: 27 ms a label for HTML alone (issue" \
		    " 13): %.2f times faster\n", 27 / (imp + comp) }'
	echo "outputs:         $(ls "$tmp/o/html" | grep -vc '^index\.html$')" \
	    "HTML, $(ls "$tmp/o/text" | grep -c '\.txt$') text," \
	    "$(ls "$tmp/o/man/man7" | grep -c '\.7$') man pages"
fi
