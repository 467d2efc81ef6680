#!/usr/bin/env bash
# labels.sh: the label benchmark (make bench-labels).  Unpacks the 3,000
# bulk DailyMed labels (../shared/spl-bulk/dailymed-rx-3000.tar.xz) into a
# scratch folder, then, RUNS times (default 3), in one round on the same
# cores:
#   1. monoc import of all of them (one run, -j the number of CPUs),
#   2. monoc of the monographs written into HTML, text and man (one run,
#      -j the number of CPUs),
#   3. FDA's spl.xsl under xsltproc, HTML alone, as many processes at a
#      time as there are CPUs (xargs -P), from ../shared/fda-spl-xsl,
# each under /usr/bin/time (wall, user and system CPU, peak RSS).  It
# prints every round and the median of the rounds, and the ratio of
# spl.xsl's wall time to monoc's (import plus three formats), taken
# round by round: only ratios measured in one run compare, since the
# machine's speed drifts by a third from run to run.  Then the last
# round's import report: warnings by kind, every refusal with its
# reason, monographs that failed their own validation, and one
# monoc --check of them all.  Nothing is kept: the scratch folder is
# removed.  Without ../shared/fda-spl-xsl it says so and times monoc
# alone.
#
# usage: bench/labels.sh [MONOC]          (from the repository root)
#        RUNS=N    rounds (default 3)
#        JOBS=N    monoc -j and xargs -P (default: the number of CPUs)
#        LIMIT=N   only the first N labels (a quick look; default all)
set -uo pipefail
export LC_ALL=C

monoc=${1:-./monoc}
shared=${SHARED:-$(pwd)/../shared}
tarball=$shared/spl-bulk/dailymed-rx-3000.tar.xz
xsl=$shared/fda-spl-xsl/spl.xsl
runs=${RUNS:-3}
jobs=${JOBS:-$(nproc)}
die() { echo "bench-labels: $*" >&2; exit 2; }
[ -x "$monoc" ] || die "build $monoc first (make)"
[ -r "$tarball" ] || die "no $tarball (set SHARED to the shared folder)"
[ -x /usr/bin/time ] || die "no /usr/bin/time (apt-get install time)"
case $monoc in /*) ;; *) monoc=$(pwd)/$monoc ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

tar -xJf "$tarball" -C "$tmp" || die "cannot unpack $tarball"
ls "$tmp"/*/*.xml > "$tmp/labels"
[ -n "${LIMIT:-}" ] && { head -n "$LIMIT" "$tmp/labels" > "$tmp/l2"; mv "$tmp/l2" "$tmp/labels"; }
mapfile -t labels < "$tmp/labels"
n=${#labels[@]}
xslt=yes
if [ ! -r "$xsl" ]; then
	echo "bench-labels: no $xsl: FDA's stylesheet not timed, no ratio"
	xslt=
elif ! command -v xsltproc > /dev/null; then
	echo "bench-labels: no xsltproc (apt-get install xsltproc): FDA's" \
	    "stylesheet not timed, no ratio"
	xslt=
fi
echo "labels: $n; $runs rounds; monoc -j$jobs; spl.xsl xargs -P $jobs;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# timed FILE COMMAND...: run COMMAND under /usr/bin/time into FILE
# (wall s, peak RSS KB, user s, system s); its exit status is returned
timed() {
	local out=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$out" "$@"
}

printf '%-6s %8s %8s %8s %8s %9s %8s %7s\n' round import compile monoc \
    spl.xsl 'monoc CPU' 'xsl CPU' ratio
: > "$tmp/rounds"
for r in $(seq 1 "$runs"); do
	rm -rf "$tmp/m" "$tmp/o"
	mkdir -p "$tmp/m"
	# one import run for all (not xargs, which would split it): NAMEs
	# are unique within a run
	timed "$tmp/itime" "$monoc" import -j "$jobs" -o "$tmp/m" \
	    "${labels[@]}" > /dev/null 2> "$tmp/err"
	irc=$?
	monos=("$tmp"/m/*.xml)
	timed "$tmp/ctime" "$monoc" -j "$jobs" -o "$tmp/o" "${monos[@]}" \
	    > /dev/null 2> "$tmp/cerr"
	crc=$?
	if [ -n "$xslt" ]; then
		# HTML alone, each page discarded, as DailyMed renders
		timed "$tmp/xtime" sh -c 'xargs -a "$1" -d "\n" -P "$2" -n 150 \
		    xsltproc --nonet "$3" > /dev/null 2>&1' sh "$tmp/labels" \
		    "$jobs" "$xsl"
	else
		echo "0 0 0 0" > "$tmp/xtime"
	fi
	# the last line: time(1) puts "Command exited with non-zero status
	# N" before its figures (import exits 1 when it refuses a label)
	read -r iw irss iu is < <(tail -n 1 "$tmp/itime")
	read -r cw crss cu cs < <(tail -n 1 "$tmp/ctime")
	read -r xw xrss xu xs < <(tail -n 1 "$tmp/xtime")
	awk -v r="$r" -v iw="$iw" -v cw="$cw" -v xw="$xw" -v iu="$iu" \
	    -v is="$is" -v cu="$cu" -v cs="$cs" -v xu="$xu" -v xs="$xs" \
	    -v irss="$irss" -v crss="$crss" -v irc="$irc" -v crc="$crc" '
	BEGIN {
		mw = iw + cw
		printf "%-6s %7.1fs %7.1fs %7.1fs %7.1fs %8.1fs %7.1fs %6.2fx" \
		    "   import exit %d, compile exit %d, peak RSS %d/%d MB\n",
		    r, iw, cw, mw, xw, iu + is + cu + cs, xu + xs,
		    (mw > 0 ? xw / mw : 0), irc, crc, irss / 1024, crss / 1024
		print iw, cw, mw, xw, iu + is + cu + cs, xu + xs,
		    (mw > 0 ? xw / mw : 0), irss, crss > "/dev/stderr"
	}' 2>> "$tmp/rounds"
done
awk '
function median(col,    i, j, t, v, k) {
	for (i = 1; i <= NR; i++)
		v[i] = row[i, col]
	for (i = 2; i <= NR; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	k = int((NR + 1) / 2)
	return NR % 2 ? v[k] : (v[k] + v[k + 1]) / 2
}
{ for (i = 1; i <= NF; i++) row[NR, i] = $i }
END {
	printf "%-6s %7.1fs %7.1fs %7.1fs %7.1fs %8.1fs %7.1fs %6.2fx\n",
	    "median", median(1), median(2), median(3), median(4), median(5),
	    median(6), median(7)
	printf "peak RSS: import %d MB, compile %d MB (largest of the rounds)\n",
	    max(8) / 1024, max(9) / 1024
}
function max(col,    i, m) {
	for (i = 1; i <= NR; i++)
		if (row[i, col] > m)
			m = row[i, col]
	return m
}' "$tmp/rounds"
made=${#monos[@]}
echo "ratio: spl.xsl's wall time over monoc's (import plus three formats)"
echo "        in the same round; the median of the rounds' ratios"
echo "last round's import: $(tail -n 1 "$tmp/err")"
echo "monographs:      $made of $n labels ($(awk -v m="$made" -v n="$n" \
    'BEGIN { printf "%.1f", 100 * m / n }') %)"
echo "outputs:         $(ls "$tmp/o/html" | grep -vc '^index\.html$')" \
    "HTML, $(ls "$tmp/o/text" | grep -c '\.txt$') text," \
    "$(ls "$tmp/o/man/man7" | grep -c '\.7$') man pages"
echo "warnings by kind:"
grep -o 'warning: .*\[[a-z-]*\]$' "$tmp/err" | sed 's/.*\[//; s/\]$//' |
    sort | uniq -c | sort -rn | sed 's/^/  /'
echo "refused:"
grep ': error: ' "$tmp/err" | grep -v "^$tmp/m/" |
    sed "s|^$tmp/[^/]*/||" | sed 's/^/  /'
bugs=$(grep -c "^$tmp/m/.*: error: " "$tmp/err")
echo "invalid monographs (import bugs, not written): $bugs"
/usr/bin/time -f '%e' -o "$tmp/chk" "$monoc" --check "${monos[@]}" \
    > /dev/null 2> "$tmp/chkerr"
echo "monoc --check of all $made: exit $?, $(tail -n 1 "$tmp/chk") s," \
    "$(tail -n 1 "$tmp/chkerr")"
