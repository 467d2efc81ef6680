#!/bin/sh
# tests/browser/index.sh: the index page of many real monographs.  Imports
# the first N (default 600; BULK_N=3000 for all) of the 3,000 bulk
# DailyMed labels of ../shared/spl-bulk, unpacked into a scratch folder
# at run time (never copied here), compiles them to HTML, then checks:
#   - monoc --index-only writes the same page as the compiling run, and
#     so does monoc --update after one monograph changed;
#   - no two entries read the same (their text but the link);
#   - the page stays under 1.5 MB for 3,000 monographs (scaled to N);
#   - tests/browser/check.js on the page alone: axe-core at 1280 and
#     360 px, no sideways scrolling, in-page links, self-contained;
#   - tests/browser/index.js: the search (a generic name, a brand, a
#     class; case and accents; keyboard; live region; without JavaScript).
# A missing tool or label set is a failure, not a skip.  Prints
# "N passed, N failed" last; exit 0 when everything passed.
#
# usage: tests/browser/index.sh [MONOC]      (from the repository root)
. tests/lib.sh
export LC_ALL=C
monoc=${1:-./monoc}
n=${BULK_N:-600}
shared=${SHARED:-$(pwd)/../shared}
tarball=$shared/spl-bulk/dailymed-rx-3000.tar.xz
here=tests/browser

if [ ! -r "$tarball" ]; then
	bad "no bulk labels at $tarball (set SHARED to the shared folder)"
	summary
	exit 1
fi
tar -xJf "$tarball" -C "$tmp" || { bad "cannot unpack $tarball"; summary; exit 1; }
ls "$tmp"/*/*.xml | head -n "$n" > "$tmp/list"
mkdir "$tmp/m"
# labels the importer refuses (too deep) are reported, not counted
xargs "$monoc" import -q -o "$tmp/m" < "$tmp/list" > /dev/null 2>&1
made=$(ls "$tmp/m" | grep -c '\.xml$')
if "$monoc" -f html -o "$tmp/o" "$tmp"/m/*.xml > /dev/null 2> "$tmp/err"; then
	ok "$made monographs of $n labels compiled to HTML with the index"
else
	bad "compiling $made imported monographs failed: $(tail -n 1 "$tmp/err")"
fi
page=$tmp/o/html/index.html
cp "$page" "$tmp/first.html"

# the same page from --index-only, and from --update
if "$monoc" --index-only -o "$tmp/o" 2> "$tmp/err" &&
    cmp -s "$page" "$tmp/first.html"; then
	ok "monoc --index-only writes the same page"
else
	bad "monoc --index-only writes another page"
fi
one=$(ls "$tmp"/m/*.xml | head -n 1)
touch "$one"
if "$monoc" --update -f html -o "$tmp/o" "$tmp/m" > /dev/null 2> "$tmp/err" &&
    cmp -s "$page" "$tmp/first.html"; then
	ok "monoc --update after $(basename "$one") changed writes the same page"
else
	bad "monoc --update writes another page: $(tail -n 1 "$tmp/err")"
fi

# entries that read the same: the text of each list item but its link
same=$(grep -o '<li><a href="[^"]*"><strong>.*' "$page" |
    sed 's|</li>|&\n|g' | grep -o '<strong>.*</li>' |
    sed 's/<[^>]*>//g' | sort | uniq -d | wc -l)
entries=$(grep -o '<li><a href="[^"]*\.html"><strong>' "$page" | wc -l)
if [ "$entries" -eq "$made" ] && [ "$same" -eq 0 ]; then
	ok "$entries entries, none reads like another"
else
	bad "$entries entries for $made monographs, $same texts read twice or more"
fi
size=$(wc -c < "$page")
limit=$((1572864 * made / 3000))
if [ "$size" -le "$limit" ]; then
	ok "page of $size bytes for $made monographs (at most $limit)"
else
	bad "page of $size bytes for $made monographs, over $limit"
fi

# the browser: the page alone (its links go to pages not copied)
mkdir -p "$tmp/page/html"
cp "$page" "$tmp/page/html/index.html"
node "$here/check.js" "$tmp/page" > "$tmp/out" 2>&1
rc=$?
sed 's/^/    /' "$tmp/out"
if [ $rc -eq 0 ]; then
	ok "axe-core at 1280 and 360 px, no sideways scrolling, links"
else
	bad "the browser check of the page failed"
fi
node "$here/index.js" "$tmp/o" > "$tmp/out" 2>&1
rc=$?
sed 's/^/    /' "$tmp/out"
if [ $rc -eq 0 ]; then
	ok "the search, in Chromium ($(tail -n 1 "$tmp/out"))"
else
	bad "the search failed in Chromium ($(tail -n 1 "$tmp/out"))"
fi
summary
