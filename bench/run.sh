#!/usr/bin/env bash
# run.sh: the monoc benchmark (make bench). Builds a corpus of N monographs
# from the real ones and measures, side by side on this machine:
#   (a) the per-file stock pipeline: xmllint --schema, then xsltproc once
#       per format, for each file;
#   (b) the batched stock pipeline: one xmllint and one xsltproc per format
#       over all files;
#   (the stock tools cannot build the document model, which only monoc
#   builds: (a) and (b) render the models that `monoc --emit-model` wrote
#   beforehand, untimed, so they do less work than (c) does);
#   (c) monoc cold (empty output folder);
#   (d) make docs with nothing changed;
#   (e) make docs after one monograph changed;
#   (f) monoc -j1 against -j2 (two cold runs of each, the faster kept);
# then checks that (a) and (c) wrote the same bytes for every file.
#
# usage: bench/run.sh            (N=1000)
#        N=10000 bench/run.sh    (any corpus size; A_MAX caps run (a))
set -euo pipefail
export LC_ALL=C

N=${N:-1000}
A_MAX=${A_MAX:-$N}		# files run through (a); the rest is scaled
work=${BENCH_DIR:-bench/work}
corpus=$work/corpus
xsl=xslt
schema=schema/monograph.xsd

die() { echo "bench: $*" >&2; exit 2; }
[ -x ./monoc ] || die "build ./monoc first (make)"
# monoc passes its version to every stylesheet (xform.c); so must (a), (b)
ver=$(./monoc --version | sed -n '1s/.* //p')
xp=(--nonet --novalid --stringparam monoc-version "$ver")
for t in xmllint xsltproc /usr/bin/time; do
	command -v "$t" >/dev/null || die "missing $t (run tools/setup.sh)"
done

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
elapsed() { calc "$2 - $1"; }
fmt() { printf '%.3f' "$1"; }
ratio() { printf '%.1f' "$(calc "$1 / $2")"; }

# measure OUTFILE CMD...: runs CMD under GNU time, leaves "seconds peakKB"
measure() {
	local out=$1; shift
	/usr/bin/time -f '%e %M' -o "$out" "$@"
}

echo "monoc benchmark: N=$N on $(nproc) CPUs, $(date -u +%Y-%m-%d)"
echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "load average before: $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine skews every figure)"
rm -rf "$work"
mkdir -p "$work"
bench/gen-corpus.sh "$N" "$corpus" monographs/*.xml
files=("$corpus"/*.xml)
bytes=$(cat "${files[@]}" | wc -c)
mb=$(calc "$bytes / 1048576")
printf 'corpus: %d files, %.1f MB\n\n' "${#files[@]}" "$mb"

# the models (src/model.c) for the stock pipelines, untimed
models=$work/models
mkdir -p "$models"
for f in "${files[@]}"; do
	id=${f##*/}; id=${id%.xml}
	./monoc --emit-model "$f" > "$models/$id.xml"
done

# (a) per-file stock pipeline
a=$work/a
mkdir -p "$a/html" "$a/text" "$a/man/man7"
na=$A_MAX
[ "$na" -le "$N" ] || na=$N
t0=$(now)
for f in "${files[@]:0:$na}"; do
	id=${f##*/}; id=${id%.xml}
	xmllint --noout --nonet --schema "$schema" "$f" 2>/dev/null
	xsltproc "${xp[@]}" -o "$a/html/$id.html" "$xsl/html.xsl" "$models/$id.xml"
	xsltproc "${xp[@]}" -o "$a/text/$id.txt" "$xsl/text.xsl" "$models/$id.xml"
	xsltproc "${xp[@]}" -o "$a/man/man7/$id-info.7" "$xsl/man.xsl" "$models/$id.xml"
done
t1=$(now)
ta=$(elapsed "$t0" "$t1")
[ "$na" -eq "$N" ] || ta=$(calc "$ta * $N / $na")
echo "(a) per-file xmllint + 3 xsltproc:  $(fmt "$ta") s$([ "$na" -eq "$N" ] || echo " (scaled from $na files)")"

# (b) batched stock pipeline
# (xsltproc -o DIR/ fails on several inputs: "Is a directory"; each
# format's results go to one file instead, the same bytes written.)
b=$work/b
mkdir -p "$b"
t0=$(now)
xmllint --noout --nonet --schema "$schema" "${files[@]}" 2>/dev/null
xsltproc "${xp[@]}" "$xsl/html.xsl" "$models"/*.xml > "$b/html.all"
xsltproc "${xp[@]}" "$xsl/text.xsl" "$models"/*.xml > "$b/text.all"
xsltproc "${xp[@]}" "$xsl/man.xsl" "$models"/*.xml > "$b/man.all"
t1=$(now)
tb=$(elapsed "$t0" "$t1")
echo "(b) batched xmllint + 3 xsltproc:   $(fmt "$tb") s"

# (c) monoc cold, default -j
c=$work/c
measure "$work/c.time" ./monoc -o "$c" "${files[@]}" 2>/dev/null
read -r tc rssc < "$work/c.time"
echo "(c) monoc cold (-j$(nproc)):              $(fmt "$tc") s, peak RSS $((rssc / 1024)) MB"

# (d), (e): make docs over the corpus (the first run builds it)
m=$work/make
make -s docs MONODIR="$corpus" OUTDIR="$m" >/dev/null
t0=$(now)
make -s docs MONODIR="$corpus" OUTDIR="$m" >/dev/null
t1=$(now)
td=$(elapsed "$t0" "$t1")
echo "(d) make docs, nothing changed:     $(fmt "$td") s"
sleep 1		# a coarse file system clock must see the change
touch "${files[$((N / 2))]}"
t0=$(now)
make -s docs MONODIR="$corpus" OUTDIR="$m" >/dev/null
t1=$(now)
te=$(elapsed "$t0" "$t1")
echo "(e) make docs, one file changed:    $(fmt "$te") s"

# (f) -j1 against -j2: two cold runs of each, alternating, the faster of
# each kept (other work on a shared machine only ever adds time, and a
# ratio of two runs minutes apart doubles its effect)
tj1= tj2=
for round in 1 2; do
	for j in 1 2; do
		rm -rf "$work/j$j"
		measure "$work/j$j.time" ./monoc -j$j -o "$work/j$j" "${files[@]}" 2>/dev/null
		read -r t rss < "$work/j$j.time"
		eval "prev=\$tj$j"
		if [ -z "$prev" ] || awk "BEGIN { exit !($t < $prev) }"; then
			eval "tj$j=\$t"
		fi
	done
done
echo "(f) monoc -j1 / -j2:                $(fmt "$tj1") s / $(fmt "$tj2") s (best of two each)"

echo
echo "(a)/(c) = $(ratio "$ta" "$tc")   (target >= 25)"
echo "(b)/(c) = $(ratio "$tb" "$tc")   (target >= 2)"
echo "(e)/(c) = $(printf '%.1f' "$(calc "100 * $te / $tc")")%   (target < 3%)"
echo "(d)/(c) = $(printf '%.1f' "$(calc "100 * $td / $tc")")%   (target < 2%)"
echo "-j1/-j2 = $(ratio "$tj1" "$tj2")   (target >= 1.7)"
echo "monoc: $(printf '%.0f' "$(calc "$N / $tc")") monographs/s, $(printf '%.1f' "$(calc "$mb / $tc")") MB/s, peak RSS $((rssc / 1024)) MB"

# peak memory against corpus size: monoc on 10 x N files
if [ "${BIG:-1}" != 0 ]; then
	big=$work/big
	bench/gen-corpus.sh "$((N * 10))" "$big" monographs/*.xml
	measure "$work/big.time" ./monoc -o "$work/bigout" "$big"/*.xml 2>/dev/null
	read -r tbig rssbig < "$work/big.time"
	echo "monoc on $((N * 10)) files: $(fmt "$tbig") s, peak RSS $((rssbig / 1024)) MB;" \
	    "ratio to N=$N: $(ratio "$rssbig" "$rssc")   (target <= 1.5)"
	rm -rf "$big" "$work/bigout"
fi

# same bytes from (a) and (c)
diffs=0
for f in "${files[@]:0:$na}"; do
	id=${f##*/}; id=${id%.xml}
	cmp -s "$a/html/$id.html" "$c/html/$id.html" || { diffs=$((diffs + 1)); echo "differs: html/$id.html"; }
	cmp -s "$a/text/$id.txt" "$c/text/$id.txt" || { diffs=$((diffs + 1)); echo "differs: text/$id.txt"; }
	cmp -s "$a/man/man7/$id-info.7" "$c/man/man7/$id-info.7" || { diffs=$((diffs + 1)); echo "differs: man7/$id-info.7"; }
done
if [ "$diffs" -eq 0 ]; then
	echo "outputs of (a) and (c): identical for $na files x 3 formats"
else
	echo "outputs of (a) and (c): $diffs files differ"
	exit 1
fi
