#!/usr/bin/env bash
# run.sh: feed monoc every hostile input in this folder (and a few made
# here at run time) and check that each ends the way expect.txt says: exit
# status 1, an error located at the expected FILE:LINE, within 5 seconds and
# 300 MB, with no output written for it, no file read but the compiler's
# own (schema, stylesheets, the input) and no connection opened (strace).
#
# usage: tests/hostile/run.sh [MONOC]      (from the repository root)
set -uo pipefail
export LC_ALL=C

monoc=${1:-./monoc}
here=tests/hostile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
		printf '<monograph xmlns="urn:monoc:monograph:1" id="quadratic">'
		for _ in $(seq 500); do printf '&a;%.0s' $(seq 100); done
		echo '</monograph>'
	} > "$d/quadratic.xml"
	# 100,000 nested elements.
	{
		echo '<?xml version="1.0"?>'
		echo '<monograph xmlns="urn:monoc:monograph:1" id="deep-nesting" format-version="1.0">'
		head -c 100000 /dev/zero | tr '\0' x | sed 's/x/<p>/g'
		echo
	} > "$d/deep-nesting.xml"
	# A 20 MB text node and a 20 MB attribute value, on line 14.
	sed -n '1,13p' "$here/truncated.xml" | sed 's/id="truncated"/id="huge-text"/' > "$d/huge-text.xml"
	{ printf '<p>'; head -c 20000000 /dev/zero | tr '\0' a; echo '</p>'; } >> "$d/huge-text.xml"
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
	/usr/bin/time -f '%e %M' -o "$tmp/time" \
	    timeout 5 strace -f -qq -o "$tmp/strace" \
	    -e trace=connect,open,openat,execve \
	    "$monoc" -o "$out" "$f" > "$tmp/stdout" 2> "$tmp/stderr"
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
	    grep -qE 'secret|/etc/passwd|evil'; then
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

# Files that are not files.
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

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
