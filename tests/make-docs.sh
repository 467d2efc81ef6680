#!/bin/sh
# make-docs.sh: what `make docs` (monoc --update) does over time, on a
# set of monographs in a temporary directory (MONODIR, OUTDIR): the
# first run
# builds every output and the index; a second run compiles nothing; after
# one monograph changes only that one is compiled, and the index page
# comes from that same monoc run; after one is deleted its outputs and
# sidecar go and the index no longer lists it; the same when another
# changes in the same run; an invalid one fails make docs and is the
# only one tried again, also when it had good outputs before; make -n
# writes nothing; a changed stylesheet or words.xml recompiles every
# monograph; two runs at once both succeed and build everything; a file
# name make could not handle is reported by its own name while the
# others are built.  Prints "N passed, N failed" last.
#
# usage: tests/make-docs.sh      (from the repository root, after make)
. tests/lib.sh
user_make
m="$tmp/m"
o="$tmp/o"
mkdir -p "$m"
# The monographs: copies of docs/skeleton.xml under other ids (alpha,
# second, ...), so that the test does not depend on what monographs/
# holds.
sample=docs/skeleton.xml
sed -e 's/id="example"/id="alpha"/' "$sample" > "$m/alpha.xml"
sed -e 's/id="example"/id="second"/' "$sample" > "$m/second.xml"
sed -e 's/id="example"/id="third"/' "$sample" > "$m/third.xml"
docs() { make -s docs MONODIR="$m" OUTDIR="$o" > "$tmp/log" 2>&1; }

# the first run without -s: make's flags then start with an option of
# the Makefile's own
if make docs MONODIR="$m" OUTDIR="$o" > "$tmp/log" 2>&1 &&
    grep -q 'compiling 3 monographs' "$tmp/log" &&
    [ -s "$o/html/alpha.html" ] && [ -s "$o/text/second.txt" ] &&
    [ -s "$o/man/man7/second-info.7" ] && [ -s "$o/meta/second.xml" ] &&
    grep -q 'href="second.html"' "$o/html/index.html"; then
	ok "first run: both monographs and the index"
else
	bad "first run: $(head -n 3 "$tmp/log")"
fi

if docs && ! grep -q 'compiling\|index' "$tmp/log"; then
	ok "nothing changed: nothing compiled, no index built"
else
	bad "nothing changed, yet: $(head -n 3 "$tmp/log")"
fi

sleep 1			# a coarse file system clock must see the change
touch "$m/second.xml"
if docs && grep -q 'compiling 1 monograph of' "$tmp/log" &&
    ! grep -q 'index' "$tmp/log" &&
    grep -q 'href="second.html"' "$o/html/index.html" &&
    grep -q 'href="third.html"' "$o/html/index.html"; then
	ok "one monograph changed: only it compiled, the index in the same run"
else
	bad "one monograph changed: $(head -n 3 "$tmp/log")"
fi

rm "$m/second.xml"
if docs && [ ! -e "$o/html/second.html" ] && [ ! -e "$o/text/second.txt" ] &&
    [ ! -e "$o/man/man7/second-info.7" ] && [ ! -e "$o/meta/second.xml" ] &&
    ! grep -q 'second' "$o/html/index.html" &&
    grep -q 'href="alpha.html"' "$o/html/index.html" &&
    [ -s "$o/html/alpha.html" ]; then
	ok "one monograph deleted: its outputs gone, the index without it"
else
	bad "one monograph deleted: $(ls "$o/html" "$o/meta" | tr '\n' ' ')"
fi

sleep 1
touch "$m/third.xml"
rm "$m/alpha.xml"
if docs && grep -q 'compiling 1 monograph of' "$tmp/log" &&
    [ ! -e "$o/html/alpha.html" ] && [ ! -e "$o/meta/alpha.xml" ] &&
    ! grep -q 'alpha' "$o/html/index.html" &&
    grep -q 'href="third.html"' "$o/html/index.html"; then
	ok "one deleted and another changed: the index without the first"
else
	bad "one deleted and another changed: $(head -n 3 "$tmp/log")"
fi

sed -e 's/id="example"/id="broken"/' -e 's/<drug>/<drug><bogus\/>/' \
    "$sample" > "$m/broken.xml"
if ! docs && grep -q 'compiling 1 monograph of' "$tmp/log" &&
    grep -q 'broken.xml:.*unknown-element' "$tmp/log" &&
    [ ! -e "$o/html/broken.html" ] && ! docs &&
    grep -q 'compiling 1 monograph of' "$tmp/log"; then
	ok "an invalid monograph: make docs fails, and only it is tried again"
else
	bad "an invalid monograph: $(head -n 3 "$tmp/log")"
fi

# A monograph that compiled before, now invalid: every run fails until
# it is mended (the index page written by the failing run is no stamp).
rm "$m/broken.xml"
docs
cp "$m/third.xml" "$tmp/third.good"
sleep 1
sed -i 's/<drug>/<drug><bogus\/>/' "$m/third.xml"
if ! docs && ! docs && grep -q 'third.xml:.*unknown-element' "$tmp/log"; then
	ok "a monograph made invalid: make docs fails every time"
else
	bad "a monograph made invalid: $(head -n 3 "$tmp/log")"
fi
cp "$tmp/third.good" "$m/third.xml"
if docs && grep -q 'compiling 1 monograph of' "$tmp/log"; then
	ok "mended: make docs compiles it"
else
	bad "mended: $(head -n 3 "$tmp/log")"
fi

# make -n after a deletion changes nothing; the real run then removes
# the outputs.
sed -e 's/id="example"/id="fourth"/' "$sample" > "$m/fourth.xml"
docs
rm "$m/fourth.xml"
ls -la --full-time "$o" | grep -v " \.\.$" > "$tmp/before"
make -s -n docs MONODIR="$m" OUTDIR="$o" > /dev/null 2>&1
ls -la --full-time "$o" | grep -v " \.\.$" > "$tmp/after"
if cmp -s "$tmp/before" "$tmp/after" && docs &&
    [ ! -e "$o/html/fourth.html" ] && ! grep -q fourth "$o/html/index.html"; then
	ok "make -n docs writes nothing; the next run removes a deleted one"
else
	bad "make -n docs: $(diff "$tmp/before" "$tmp/after" | head -n 4)"
fi

# Every output depends on the stylesheets and words.xml too (a copy of
# the data directory, so that the tree's own stay as they are).
mkdir -p "$tmp/data"
cp -R schema xslt "$tmp/data/"
sleep 1
touch "$tmp/data/xslt/words.xml"
if ./monoc --update --data-dir "$tmp/data" -o "$o" "$m" > "$tmp/log" 2>&1 &&
    grep -q 'compiling 1 monograph of 1 ' "$tmp/log" &&
    ./monoc --update --data-dir "$tmp/data" -o "$o" "$m" > "$tmp/log" 2>&1 &&
    [ ! -s "$tmp/log" ]; then
	ok "words.xml changed: every monograph compiled, then nothing"
else
	bad "words.xml changed: $(head -n 3 "$tmp/log")"
fi

# Two runs at once into one output directory take turns: both succeed,
# and every monograph is built once.
m2="$tmp/m2"
o2="$tmp/o2"
mkdir -p "$m2"
for i in 1 2 3 4 5 6 7 8; do
	sed -e "s/id=\"example\"/id=\"drug$i\"/" "$sample" \
	    > "$m2/drug$i.xml"
done
make -s docs MONODIR="$m2" OUTDIR="$o2" > "$tmp/log1" 2>&1 &
p1=$!
make -s docs MONODIR="$m2" OUTDIR="$o2" > "$tmp/log2" 2>&1 &
p2=$!
wait "$p1"; r1=$?
wait "$p2"; r2=$?
built=$(ls "$o2"/html/drug*.html "$o2"/text/drug*.txt \
    "$o2"/man/man7/drug*-info.7 2>/dev/null | wc -l)
compiled=$(cat "$tmp/log1" "$tmp/log2" | grep -o 'compiling [0-9]*' |
    awk '{ n += $2 } END { print n + 0 }')
if [ "$r1" -eq 0 ] && [ "$r2" -eq 0 ] && [ "$built" -eq 24 ] &&
    [ "$compiled" -eq 8 ] && [ "$(grep -o 'href="drug[0-9]*.html"' "$o2/html/index.html" | wc -l)" -eq 8 ]; then
	ok "two make docs at once: both succeed, each monograph built once"
else
	bad "two make docs at once: exit $r1 and $r2, $built outputs, $compiled compiled"
fi

# A file name that make could not handle (a space, ';', ':', '#') is an
# error naming that file; the other monographs are still built.
cp "$m2/drug1.xml" "$m2/drug1 copy;#:.xml"
touch "$m2/drug2.xml"
if ! docs_m2=$(make -s docs MONODIR="$m2" OUTDIR="$o2" 2>&1) &&
    printf '%s\n' "$docs_m2" | grep -q 'drug1 copy;#:.xml:' &&
    printf '%s\n' "$docs_m2" | grep -q 'compiling 2 monographs of 9' &&
    [ "$(find "$o2" -newer "$m2/drug2.xml" -name 'drug2*' | wc -l)" -eq 4 ]; then
	ok "an odd file name: reported by its own name, the others built"
else
	bad "an odd file name: $(printf '%s\n' "$docs_m2" | head -n 3)"
fi

summary
