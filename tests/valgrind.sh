#!/bin/sh
# valgrind.sh: run monoc under valgrind on what `make docs` does (every
# monograph into a temporary directory, then the index alone) and on every
# input of the hostile corpus, and fail on any memory error or definite or
# indirect leak.  Prints "N passed, N failed" last.
#
# usage: tests/valgrind.sh [MONOC]      (from the repository root)
monoc=${1:-./monoc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

if ! command -v valgrind > /dev/null; then
	echo "FAIL valgrind is not installed (run tools/setup.sh)"
	echo "0 passed, 1 failed"
	exit 1
fi

# vg NAME WANT ARGS...: run monoc under valgrind; its exit status must be
# one of the space-separated numbers in WANT (valgrind's own is 99).
vg() {
	name=$1 want=$2
	shift 2
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=99 --log-file="$tmp/vg.log" \
	    "$monoc" "$@" > /dev/null 2> "$tmp/stderr"
	rc=$?
	good=0
	case " $want " in *" $rc "*) good=1 ;; esac
	if [ "$good" -eq 1 ] && [ ! -s "$tmp/vg.log" ]; then
		echo "ok   $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name: exit $rc, expected $want"
		sed 's/^/     /' "$tmp/vg.log" | head -n 30
		head -n 3 "$tmp/stderr" | sed 's/^/     /'
		fail=$((fail + 1))
	fi
}

vg "make docs: monographs" 0 --no-index -o "$tmp/docs" monographs/*.xml
vg "make docs: index" 0 --index-only -o "$tmp/docs"
# The test monographs: every element and attribute of format 2.
vg "test monographs" 0 --no-index -o "$tmp/formulary" tests/formulary/*.xml
vg "make docs: monoc --update" 0 --update -o "$tmp/update" monographs
for f in tests/hostile/*.xml; do
	vg "hostile: $(basename "$f")" 1 -o "$tmp/hostile" "$f"
done
# Two of the generated ones (see tests/hostile/run.sh); the 20 MB ones
# take too long under valgrind.
{
	echo '<?xml version="1.0"?>'
	echo '<monograph xmlns="urn:monoc:monograph:2" id="deep">'
	head -c 100000 /dev/zero | tr '\0' x | sed 's/x/<p>/g'
	echo
} > "$tmp/deep.xml"
vg "hostile: deep nesting" 1 -o "$tmp/hostile" "$tmp/deep.xml"
{
	echo '<?xml version="1.0"?>'
	printf '<!DOCTYPE monograph [<!ENTITY a "%s">]>\n' \
	    "$(head -c 50000 /dev/zero | tr '\0' a)"
	printf '<monograph xmlns="urn:monoc:monograph:2">'
	for _ in $(seq 500); do printf '&a;%.0s' $(seq 100); done
	echo '</monograph>'
} > "$tmp/quadratic.xml"
vg "hostile: quadratic blow-up" 1 -o "$tmp/hostile" "$tmp/quadratic.xml"
# Inputs the fuzzer once crashed on: valid or not, but no memory error.
for f in fuzz/regress/*; do
	[ -f "$f" ] || continue
	# named after its id, as the fuzzer checks it, to reach the transforms
	id=$(xmllint --xpath 'string(/*/@id)' "$f" 2> /dev/null)
	case $id in ''|*[!a-z0-9-]*) id=regress ;; esac
	cp "$f" "$tmp/$id.xml"
	vg "fuzz regression: $(basename "$f")" "0 1" -o "$tmp/hostile" \
	    "$tmp/$id.xml"
done
mkdir "$tmp/dir.xml"
vg "hostile: directory given as a file" 1 -o "$tmp/hostile" "$tmp/dir.xml"
vg "hostile: missing file" 1 -o "$tmp/hostile" "$tmp/no-such.xml"
: > "$tmp/file"
vg "hostile: output below a file" 2 -o "$tmp/file/out" monographs/*.xml

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
