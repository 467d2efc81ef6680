#!/usr/bin/env bash
# run.sh: feed monoc every hostile input in this folder (and a few made
# here at run time) and check that each ends the way expect.txt says: exit
# status 1, an error located at the expected FILE:LINE, within 5 seconds and
# 300 MB, with no output written for it, no file read but the compiler's
# own (schema, stylesheets, the input) and no connection opened (strace).
# Then hostile stylesheets (evil-*.xsl, from a copy of the data directory)
# whose file reads, writes and fetches must be refused, and broken
# environments (output below a file, a name taken by a directory, a full
# tmpfs) that must end with exit 2, no temporary file and earlier outputs
# intact.
#
# usage: tests/hostile/run.sh [MONOC]      (from the repository root)
set -uo pipefail
export LC_ALL=C

monoc=${1:-./monoc}
here=tests/hostile
tmp=$(mktemp -d)
trap 'umount "$tmp/full" 2> /dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0

for t in strace timeout /usr/bin/time; do
	if ! command -v "$t" >/dev/null; then
		echo "FAIL missing tool: $t (run tools/setup.sh)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done

ok() { echo "ok   $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# Inputs too big to keep in git.
gen() {
	local d=$tmp/gen
	mkdir -p "$d"
	# Quadratic blow-up: a 50,000-character entity referenced 50,000 times.
	{
		echo '<?xml version="1.0"?>'
		printf '<!DOCTYPE monograph [<!ENTITY a "%s">]>\n' \
		    "$(head -c 50000 /dev/zero | tr '\0' a)"
		printf '<monograph xmlns="urn:monoc:monograph:2" id="quadratic">'
		for _ in $(seq 500); do printf '&a;%.0s' $(seq 100); done
		echo '</monograph>'
	} > "$d/quadratic.xml"
	# 100,000 nested elements.
	{
		echo '<?xml version="1.0"?>'
		echo '<monograph xmlns="urn:monoc:monograph:2" id="deep-nesting" format-version="2.0">'
		head -c 100000 /dev/zero | tr '\0' x | sed 's/x/<p>/g'
		echo
	} > "$d/deep-nesting.xml"
	# A 20 MB text node and a 20 MB attribute value, on line 14.
	sed -n '1,13p' "$here/truncated.xml" | sed 's/id="truncated"/id="huge-text"/' > "$d/huge-text.xml"
	{ printf '<p>'; head -c 20000000 /dev/zero | tr '\0' a; echo '</p>'; } >> "$d/huge-text.xml"
	# 257 nested elements: one more than the documented 256.
	{
		echo '<?xml version="1.0"?>'
		echo '<monograph xmlns="urn:monoc:monograph:1" id="depth-257" format-version="1.0">'
		head -c 256 /dev/zero | tr '\0' x | sed 's/x/<p>/g'
		echo
	} > "$d/depth-257.xml"
	# 100,000 attributes on one element (94 s before the limit).
	{
		sed -n '1,13p' "$here/truncated.xml" | sed 's/id="truncated"/id="many-attributes"/'
		printf '<p'
		awk 'BEGIN { for (i = 0; i < 100000; i++) printf " a%d=\"x\"", i }'
		echo '/>'
	} > "$d/many-attributes.xml"
	# CR (as &#13;), DEL, C1 controls and bidi overrides in a valid
	# monograph.
	tests/scaling/gen.sh controls 3 control-characters > "$d/control-characters.xml"
	sed -n '1,13p' "$here/truncated.xml" | sed 's/id="truncated"/id="huge-attribute"/' > "$d/huge-attribute.xml"
	{ printf '<p class="'; head -c 20000000 /dev/zero | tr '\0' a; echo '"/>'; } >> "$d/huge-attribute.xml"
}
gen

# check FILE LINE: run monoc on FILE alone and judge the outcome
check() {
	local f=$1 line=$2 name out rc secs rss
	name=$(basename "$f" .xml)
	out=$tmp/out-$name
	rm -rf "$out"
	# LeakSanitizer cannot run under ptrace; make check-valgrind runs
	# these inputs under valgrind's leak checker instead.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    /usr/bin/time -f '%e %M' -o "$tmp/time" \
	    timeout 5 "$here/traced.sh" "$tmp/strace" \
	    connect,open,openat,execve "$monoc" -o "$out" "$f" > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	read -r secs rss < <(tail -n 1 "$tmp/time")
	if [ "$rc" -eq 124 ]; then
		bad "$name: took longer than 5 s"
		return
	fi
	if [ "$rc" -ne 1 ]; then
		bad "$name: exit status $rc, expected 1"
		sed 's/^/     /' "$tmp/stderr" | head -n 5
		return
	fi
	if ! grep -qE "^$(printf '%s' "$f" | sed 's/[.]/[.]/g'):$line(:[0-9]+)?: error: " "$tmp/stderr"; then
		bad "$name: no error located at $f:$line"
		sed 's/^/     /' "$tmp/stderr" | head -n 5
		return
	fi
	if [ "${rss:-0}" -gt 300000 ]; then
		bad "$name: peak RSS ${rss} kB is over 300 MB"
		return
	fi
	if [ -n "$(find "$out" -type f 2>/dev/null | grep -v '/html/index.html$')" ]; then
		bad "$name: wrote output: $(find "$out" -type f | head -n 3 | tr '\n' ' ')"
		return
	fi
	if grep -q 'connect(' "$tmp/strace"; then
		bad "$name: opened a connection: $(grep -m1 'connect(' "$tmp/strace")"
		return
	fi
	if grep -E 'open(at)?\(' "$tmp/strace" | grep -v ENOENT |
	    grep -E 'secret|/etc/passwd|evil' > /dev/null; then
		bad "$name: read a file it must not: $(grep -E 'secret|passwd|evil' "$tmp/strace" | head -n 1)"
		return
	fi
	if grep -q 'TOP-SECRET' "$tmp/stderr" "$tmp/stdout"; then
		bad "$name: leaked the contents of secret.txt"
		return
	fi
	ok "$name (${secs} s, $((rss / 1024)) MB)"
}

while IFS=$'\t' read -r file line where; do
	case $file in ''|'#'*) continue ;; esac
	if [ "${where:-}" = gen ]; then
		check "$tmp/gen/$file" "$line"
	else
		check "$here/$file" "$line"
	fi
done < "$here/expect.txt"

# Files that are not files: each an error at once, never a wait.
mkfifo "$tmp/fifo.xml"
printf '%s\n' "$tmp/fifo.xml" > "$tmp/fifo-list"
for args in "$tmp/fifo.xml" "--files-from $tmp/fifo-list" /dev/zero /dev/null; do
	# shellcheck disable=SC2086
	timeout 5 "$monoc" -o "$tmp/o" $args < /dev/null 2> "$tmp/stderr"
	rc=$?
	what=$args
	[ "${args#--}" = "$args" ] || what=$tmp/fifo.xml
	if [ $rc -eq 1 ] && grep -q "^$what: error: is a .*, not a monograph file \[read\]" "$tmp/stderr"; then
		ok "not a regular file: $args"
	else
		bad "not a regular file: $args: exit $rc: $(head -n 1 "$tmp/stderr")"
	fi
done
# An endless file list ends at its bound (64 MiB) with an error.
timeout 10 sh -c "yes a.xml | '$monoc' --check --files-from -" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 2 ] && grep -q "^monoc: the file lists are larger than 64 MiB" "$tmp/stderr"; then
	ok "endless --files-from list"
else
	bad "endless --files-from list: exit $rc: $(head -n 1 "$tmp/stderr")"
fi
# Links are not sources: a symbolic link in a source folder or on the
# command line (to the environment of the process, to /etc/passwd) is
# refused by name, nothing of its target read or printed, and every other
# monograph or label still built.  A /proc file given as it is says it
# has 0 bytes: it is read as empty, never past that.
mkdir -p "$tmp/links"
sed 's/id="example"/id="linked"/' docs/skeleton.xml > "$tmp/links/linked.xml"
ln -s /proc/self/environ "$tmp/links/env.xml"
ln -s /etc/passwd "$tmp/links/passwd.xml"
# links CASE OUTFILE COMMAND...: run COMMAND (the marker in its
# environment); it must exit 1, refuse both links by name, print nothing
# of their targets, open neither target, and write OUTFILE
links() {
	local name=$1 made=$2 rc
	shift 2
	# LeakSanitizer cannot run under ptrace (see check() above)
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    MONOC_TEST_MARKER=TOP-SECRET-ENVIRON "$here/traced.sh" "$tmp/strace" \
	    open,openat "$@" > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	if [ "$rc" -ne 1 ]; then
		bad "$name: exit status $rc, expected 1"
		sed 's/^/     /' "$tmp/stderr" | head -n 5
	elif ! grep -q "^$tmp/links/env.xml: error: is a symbolic link" "$tmp/stderr" ||
	    ! grep -q "^$tmp/links/passwd.xml: error: is a symbolic link" "$tmp/stderr"; then
		bad "$name: the links are not refused by name"
		sed 's/^/     /' "$tmp/stderr" | head -n 5
	elif grep -q 'TOP-SECRET\|root:' "$tmp/stderr" "$tmp/stdout"; then
		bad "$name: printed what a link points to: $(grep -m1 'TOP-SECRET\|root:' "$tmp/stderr" "$tmp/stdout")"
	# a link followed is an open of its own path that succeeds (not
	# ELOOP); /proc/self/environ itself is not looked for, since the
	# sanitizers' runtime reads it before main() under make check-asan
	elif grep -E 'open(at)?\(' "$tmp/strace" | grep -v ENOENT |
	    grep -E 'links/(env|passwd)\.xml|/etc/passwd' |
	    grep -v ' = -1 ' > /dev/null; then
		bad "$name: opened a link's target: $(grep -E 'open(at)?\(' "$tmp/strace" | grep -E 'links/|passwd' | grep -v ' = -1 ' | head -n 1)"
	elif [ ! -s "$made" ]; then
		bad "$name: the regular source beside the links is not built ($made)"
	else
		ok "$name: links refused by name, nothing of them read"
	fi
}
links "links in a source folder (--update)" "$tmp/ol/html/linked.html" \
    "$monoc" --update -o "$tmp/ol" "$tmp/links"
links "links on the command line" "$tmp/oc/text/linked.txt" \
    "$monoc" -o "$tmp/oc" "$tmp/links/env.xml" "$tmp/links/passwd.xml" \
    "$tmp/links/linked.xml"
links "links given to monoc import" "$tmp/oi/examplamine.xml" \
    "$monoc" import -o "$tmp/oi" "$tmp/links/env.xml" \
    "$tmp/links/passwd.xml" tests/data/import/tiny.xml
for cmd in "" import; do
	# shellcheck disable=SC2086
	MONOC_TEST_MARKER=TOP-SECRET-ENVIRON "$monoc" $cmd -o "$tmp/op" \
	    /proc/self/environ > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	if [ $rc -eq 1 ] && grep -q "^/proc/self/environ:1:1: error: empty file" "$tmp/stderr" &&
	    ! grep -q 'TOP-SECRET' "$tmp/stderr" "$tmp/stdout"; then
		ok "monoc${cmd:+ $cmd} /proc/self/environ: read by its size, empty"
	else
		bad "monoc${cmd:+ $cmd} /proc/self/environ: exit $rc: $(head -n 1 "$tmp/stderr")"
	fi
done
mkdir -p "$tmp/dir.xml"
"$monoc" -o "$tmp/o" "$tmp/dir.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 1 ] && grep -q "^$tmp/dir.xml: error: " "$tmp/stderr"; then
	ok "directory given as a file"
else
	bad "directory given as a file: exit $rc: $(head -n 1 "$tmp/stderr")"
fi
"$monoc" -o "$tmp/o" "$tmp/no-such-file.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 1 ] && grep -q "^$tmp/no-such-file.xml: error: " "$tmp/stderr"; then
	ok "missing file"
else
	bad "missing file: exit $rc: $(head -n 1 "$tmp/stderr")"
fi

# Inputs the fuzzer once crashed on (fuzz/regress/, see docs/security.md):
# the real monoc must end each with exit 0 or 1 within 5 seconds, and
# print only UTF-8 (stack garbage in a message is not).  make
# check-valgrind runs them too.
for f in fuzz/regress/*; do
	[ -f "$f" ] || continue
	# named after its id, as the fuzzer checks it, to reach the transforms
	id=$(xmllint --xpath 'string(/*/@id)' "$f" 2> /dev/null)
	case $id in ''|*[!a-z0-9-]*) id=regress ;; esac
	cp "$f" "$tmp/$id.xml"
	timeout 5 "$monoc" -o "$tmp/out-regress" \
	    "$tmp/$id.xml" > /dev/null 2> "$tmp/stderr"
	rc=$?
	if [ "$rc" -le 1 ] && iconv -f UTF-8 -t UTF-8 "$tmp/stderr" > /dev/null 2>&1; then
		ok "fuzz regression $(basename "$f")"
	else
		bad "fuzz regression $(basename "$f"): exit $rc or bytes that are not UTF-8"
		tail -n 5 "$tmp/stderr" | sed 's/^/     /'
	fi
done

# A valid monograph for the cases below: the skeleton, named after its id.
cp docs/skeleton.xml "$tmp/example.xml"

# Hostile stylesheets, run from a copy of the data directory: every
# transform must run with file reads, file writes, directory creation
# and network access refused.  Each replaces one format's stylesheet.
# evil FORMAT SHEET WHAT: run monoc -f FORMAT with SHEET as FORMAT.xsl;
# stderr must say WHAT was refused
evil() {
	local fmt=$1 sheet=$2 what=$3 name data rc
	name="stylesheet $sheet"
	data=$tmp/data-$fmt
	rm -rf "$data" "$tmp/evil" "$tmp/out-evil"
	mkdir -p "$data" "$tmp/evil"
	cp -R schema xslt "$data/"
	sed "s|EVIL-TARGET|$tmp/evil|g" "$here/$sheet" > "$data/xslt/$fmt.xsl"
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    timeout 10 "$here/traced.sh" "$tmp/strace" \
	    connect,open,openat,mkdir,mkdirat,execve "$monoc" --data-dir "$data" -f "$fmt" --no-index \
	    -o "$tmp/out-evil" "$tmp/example.xml" > "$tmp/stdout" 2> "$tmp/stderr"
	rc=$?
	if [ "$rc" -ne 1 ]; then
		bad "$name: exit status $rc, expected 1"
		sed 's/^/     /' "$tmp/stderr" | head -n 5
	elif ! grep -q "$what refused" "$tmp/stderr"; then
		bad "$name: no '$what refused' error"
		sed 's/^/     /' "$tmp/stderr" | head -n 5
	elif grep -E 'open(at)?\(' "$tmp/strace" | grep '/etc/passwd' > /dev/null; then
		bad "$name: opened /etc/passwd: $(grep -m1 passwd "$tmp/strace")"
	elif grep -q 'connect(' "$tmp/strace"; then
		bad "$name: opened a connection: $(grep -m1 'connect(' "$tmp/strace")"
	elif grep -q "$tmp/evil" "$tmp/strace" ||
	    [ -n "$(find "$tmp/evil" -mindepth 1)" ]; then
		bad "$name: wrote below $tmp/evil: $(find "$tmp/evil" -mindepth 1 | head -n 1)"
	elif grep -q 'root:' "$tmp/stderr" "$tmp/stdout"; then
		bad "$name: leaked the contents of /etc/passwd"
	elif [ -n "$(find "$tmp/out-evil" -type f 2>/dev/null)" ]; then
		bad "$name: wrote output: $(find "$tmp/out-evil" -type f | head -n 1)"
	else
		ok "$name refused"
	fi
}
evil text evil-read.xsl "Local file read for file:///etc/passwd"
evil man evil-write.xsl "File write for $tmp/evil/evil-written.txt"
evil html evil-net.xsl "Network file read for http://127.0.0.1:9/evil.xml"

# Broken environments: exit 2, a "monoc: " or located error naming the
# problem, no file half-written, no temporary file left, earlier outputs
# intact.
# leftovers DIR: the temporary files output_write() left in DIR
leftovers() { find "$1" -name '.*.??????' 2>/dev/null; }

# An output directory below a regular file.
: > "$tmp/plainfile"
"$monoc" -o "$tmp/plainfile/out" "$tmp/example.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 2 ] && grep -q "^monoc: cannot create output directory '$tmp/plainfile/out[a-z/0-9]*': Not a directory" "$tmp/stderr" &&
    [ -f "$tmp/plainfile" ] && [ ! -s "$tmp/plainfile" ]; then
	ok "output directory below a regular file"
else
	bad "output directory below a regular file: exit $rc: $(head -n 1 "$tmp/stderr")"
fi

# An output file name taken by a directory: the monograph's outputs are
# a set, so none of them is written (none replaced), and no temporary
# file is left.
rm -rf "$tmp/o2"
mkdir -p "$tmp/o2/text/example.txt"
"$monoc" --no-index -o "$tmp/o2" "$tmp/example.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 2 ] && grep -q "cannot write '$tmp/o2/text/example.txt': Is a directory" "$tmp/stderr" &&
    [ -z "$(leftovers "$tmp/o2")" ] &&
    [ -z "$(find "$tmp/o2" -type f)" ]; then
	ok "output file name taken by a directory"
else
	bad "output file name taken by a directory: exit $rc: $(head -n 1 "$tmp/stderr")"
fi

# A full disk: a 64 KiB tmpfs (needs root).  The small monograph fits,
# then the test monograph fictozine (with imaginol beside it, which it
# names) does not: none of its outputs is written (they are a set), the
# earlier ones are intact.
full=$tmp/full
mkdir -p "$full"
if mount -t tmpfs -o size=64k monoc-test "$full" 2> /dev/null; then
	"$monoc" -o "$full" "$tmp/example.xml" 2> "$tmp/stderr"
	rc1=$?
	before=$(cd "$full" && find . -type f | sort | xargs md5sum)
	cp tests/formulary/fictozine.xml tests/formulary/imaginol.xml "$tmp/"
	"$monoc" --no-index -o "$tmp/ref" "$tmp/fictozine.xml" 2> /dev/null
	"$monoc" -o "$full" "$tmp/example.xml" "$tmp/fictozine.xml" 2> "$tmp/stderr"
	rc=$?
	after=$(cd "$full" && find . -type f -name 'example*' | sort | xargs md5sum)
	was=$(printf '%s\n' "$before" | grep 'example')
	if [ "$rc1" -ne 0 ]; then
		bad "full disk: the small monograph failed already (exit $rc1)"
	elif [ $rc -ne 2 ] || ! grep -q "No space left on device" "$tmp/stderr"; then
		bad "full disk: exit $rc: $(head -n 1 "$tmp/stderr")"
	elif [ -n "$(leftovers "$full")" ]; then
		bad "full disk: left temporary files: $(leftovers "$full" | head -n 1)"
	elif [ "$after" != "$was" ]; then
		bad "full disk: earlier outputs changed"
	elif [ -n "$(cd "$full" && find . -type f -name 'fictozine*')" ]; then
		bad "full disk: some fictozine outputs written, not all: $(cd "$full" && find . -type f -name 'fictozine*' | tr '\n' ' ')"
	else
		ok "full disk (tmpfs of 64 KiB)"
	fi
	umount "$full"
else
	echo "SKIP full disk: cannot mount a tmpfs here (not root?);" \
	    "tests/unit/test_output.c covers it with RLIMIT_FSIZE"
fi

# Terminal controls in a file name never reach stderr raw: ESC, CR and
# the C1 CSI (U+009B) are printed escaped.
evil=$tmp/$(printf 'a\033]0;owned\007b\rc\302\233d').xml
"$monoc" -o "$tmp/o6" "$evil" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 1 ] && ! LC_ALL=C grep -q "$(printf '[\033\r\007]')" "$tmp/stderr" &&
    ! grep -q "$(printf '\302\233')" "$tmp/stderr" &&
    grep -qF 'a\x1B]0;owned\x07b\x0Dc\u009Bd.xml: error: cannot open file' "$tmp/stderr"; then
	ok "terminal controls in a file name escaped"
else
	bad "terminal controls in a file name: exit $rc: $(head -n 1 "$tmp/stderr" | od -c | head -n 3)"
fi

# A UTF-16 monograph: its source lines are shown, in UTF-8.
sed 's/id="example"/id="utf16"/; s/format-version="2.0"/format-version="9"/; s/UTF-8/UTF-16/' docs/skeleton.xml |
    iconv -f UTF-8 -t UTF-16 > "$tmp/utf16.xml"
"$monoc" --check "$tmp/utf16.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 1 ] && grep -q "^ *$(grep -n 'id="example"' docs/skeleton.xml | cut -d: -f1) |  *id=\"utf16\" format-version=\"9\">\$" "$tmp/stderr" &&
    iconv -f UTF-8 -t UTF-8 "$tmp/stderr" > /dev/null 2>&1; then
	ok "UTF-16 input: source line shown"
else
	bad "UTF-16 input: exit $rc: $(head -n 3 "$tmp/stderr" | tr '\n' '|')"
fi

# A table cell whose text starts with "T}" (the end of a tbl text block):
# guarded, so that mandoc and groff keep the text.
sed 's|<effect>More sedation.|<effect>T} ends the cell early.|' docs/skeleton.xml > "$tmp/example.xml"
rm -rf "$tmp/o7"
"$monoc" --no-index -f man -o "$tmp/o7" "$tmp/example.xml" 2> "$tmp/stderr"
rc=$?
page=$tmp/o7/man/man7/example-info.7
# the page read whole first: grep -q leaving a pipe early would kill
# mandoc with SIGPIPE, and pipefail would count that as a failure
shown=$(mandoc -Tutf8 "$page" 2> /dev/null | col -b)
if [ $rc -eq 0 ] && grep -q '^\\&T} ends the cell early' "$page" &&
    grep -q 'T} ends the' <<< "$shown" &&
    [ -z "$(mandoc -Tlint -W warning "$page" 2>&1)" ]; then
	ok "tbl cell starting with T}"
else
	bad "tbl cell starting with T}: exit $rc: $(grep -n 'ends the cell' "$page" 2>&1 | head -n 1)"
fi
cp docs/skeleton.xml "$tmp/example.xml"

# The memory budget (MONOC_MEMORY_MIB): a monograph needing more than
# all of it is refused; under a budget that lets one monograph be
# transformed at a time, 40 of them at -j 4 are all compiled (workers
# that cannot grow their share give it back and read again: no deadlock).
tests/scaling/gen.sh paragraphs 2000 > "$tmp/paragraphs.xml"
MONOC_MEMORY_MIB=2 timeout 10 "$monoc" -o "$tmp/o8" "$tmp/paragraphs.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 1 ] && grep -q "^$tmp/paragraphs.xml: error: .* more than the memory budget of 2 MiB.*\[too-large\]" "$tmp/stderr" &&
    [ ! -e "$tmp/o8/text/paragraphs.txt" ]; then
	ok "over the memory budget: refused"
else
	bad "over the memory budget: exit $rc: $(grep -m1 error "$tmp/stderr")"
fi
mkdir -p "$tmp/budget"
for i in $(seq 40); do
	sed "s/id=\"example\"/id=\"b$i\"/" docs/skeleton.xml > "$tmp/budget/b$i.xml"
done
rm -rf "$tmp/o9"
MONOC_MEMORY_MIB=1 timeout 60 "$monoc" -j 4 -o "$tmp/o9" "$tmp/budget"/*.xml 2> "$tmp/stderr"
rc=$?
n=$(find "$tmp/o9/text" -name 'b*.txt' 2> /dev/null | wc -l)
if [ $rc -eq 0 ] && [ "$n" -eq 40 ]; then
	ok "40 monographs at -j 4 within a 1 MiB budget"
else
	bad "40 monographs at -j 4 within a 1 MiB budget: exit $rc, $n written: $(head -n 1 "$tmp/stderr")"
fi

# A monograph called index: its page would be the index page.
mkdir -p "$tmp/reserved"
sed 's/id="example"/id="index"/' docs/skeleton.xml > "$tmp/reserved/index.xml"
"$monoc" -o "$tmp/o3" "$tmp/reserved/index.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 1 ] && grep -q "^$tmp/reserved/index.xml:$(grep -n 'id="example"' docs/skeleton.xml | cut -d: -f1):[0-9]*: error: monograph id 'index' is reserved.*\[reserved-id\]" "$tmp/stderr" &&
    [ ! -f "$tmp/o3/meta/index.xml" ] && [ ! -f "$tmp/o3/text/index.txt" ]; then
	ok "id 'index' refused"
else
	bad "id 'index': exit $rc: $(head -n 1 "$tmp/stderr")"
fi

# Temporary files: those a dead run left are removed by the next run,
# those of a run still going (here: this shell's process id) are not.
rm -rf "$tmp/o4"
mkdir -p "$tmp/o4/text" "$tmp/o4/html"
dead=$tmp/o4/text/.example.txt.monoc-2147483646.AbCdEf
live=$tmp/o4/html/.example.html.monoc-$$.AbCdEf
: > "$dead"
: > "$live"
"$monoc" -o "$tmp/o4" "$tmp/example.xml" 2> "$tmp/stderr"
rc=$?
if [ $rc -eq 0 ] && [ ! -e "$dead" ] && [ -e "$live" ]; then
	ok "stale temporary files removed, live ones kept"
else
	bad "stale temporary files: exit $rc, dead one $([ -e "$dead" ] && echo kept || echo removed), live one $([ -e "$live" ] && echo kept || echo removed)"
fi

# SIGINT and SIGTERM: exit 130 and 143, no temporary file left, and no
# monograph with some outputs new and some old.  Many small monographs,
# so that the signal comes while outputs are being written.
mkdir -p "$tmp/many"
for i in $(seq 300); do
	sed "s/id=\"example\"/id=\"m$i\"/" docs/skeleton.xml > "$tmp/many/m$i.xml"
done
for sig in INT TERM; do
	rm -rf "$tmp/o5"
	"$monoc" -j 2 -o "$tmp/o5" "$tmp/many"/*.xml 2> "$tmp/stderr" &
	pid=$!
	# until the first outputs appear, then a little more
	for _ in $(seq 200); do
		[ -n "$(find "$tmp/o5/meta" -name 'm*.xml' 2>/dev/null | head -n 1)" ] && break
		sleep 0.01
	done
	kill -s "$sig" "$pid"
	wait "$pid"
	rc=$?
	want=$([ "$sig" = INT ] && echo 130 || echo 143)
	mixed=$(cd "$tmp/o5" 2>/dev/null && for i in $(seq 300); do
		n=0
		for f in html/m$i.html text/m$i.txt man/man7/m$i-info.7 meta/m$i.xml; do
			[ -f "$f" ] && n=$((n + 1))
		done
		[ "$n" -eq 0 ] || [ "$n" -eq 4 ] || echo "m$i"
	done)
	if [ "$rc" -eq 0 ]; then
		echo "SKIP SIG$sig: the run ended before the signal"
	elif [ "$rc" -eq "$want" ] && [ -z "$(leftovers "$tmp/o5")" ] &&
	    [ -z "$mixed" ] && grep -q "^monoc: interrupted by SIG$sig" "$tmp/stderr"; then
		ok "SIG$sig: exit $rc, no temporary file, no monograph half-written"
	else
		bad "SIG$sig: exit $rc (want $want), left $(leftovers "$tmp/o5" | wc -l) temporary files, half-written: $mixed; $(head -n 1 "$tmp/stderr")"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
