# lib.sh: what the end-to-end test scripts share; sourced, from the
# repository root, as ". tests/lib.sh".  Gives a scratch directory $tmp
# (removed on exit), the counters $pass and $fail, and:
#   ok MESSAGE, bad MESSAGE     count and print one result
#   check_same WANT GOT OK-MESSAGE FAIL-MESSAGE
#                               compare two files byte for byte (HTML
#                               pages both in their golden form); on a
#                               difference, print the start of the diff
#   golden_form FILE            FILE as golden files keep it: an HTML page
#                               one element a line (a newline between two
#                               tags side by side, so that a diff of a
#                               golden page is readable), others as they are
#   user_make                   unset what a calling make passes down
#                               (make check-asan exports BUILD, CC,
#                               CFLAGS and more, in MAKEFLAGS and in the
#                               environment), so make runs as a user's
#   summary                     print "N passed, N failed"; false when
#                               anything failed (the script's status)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { echo "ok   $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

golden_form() {
	case $1 in
	*.html) sed 's/></>\n</g' "$1" ;;
	*) cat "$1" ;;
	esac
}

check_same() {
	case $1 in
	*.html)
		# both sides: WANT is a golden file (already in that form,
		# which golden_form leaves as it is) or a page made by the
		# test itself (ext-parity.sh compares two such pages)
		golden_form "$1" > "$tmp/want-form.html"
		golden_form "$2" > "$tmp/golden-form.html"
		set -- "$tmp/want-form.html" "$tmp/golden-form.html" "$3" "$4"
		;;
	esac
	if cmp -s "$1" "$2"; then
		ok "$3"
	else
		diff -u "$1" "$2" 2>&1 | head -n 20 | sed 's/^/     /'
		bad "$4"
	fi
}

user_make() {
	unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES BUILD MONOC_BIN CC \
	    CFLAGS LDFLAGS
}

summary() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
