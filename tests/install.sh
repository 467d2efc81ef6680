#!/bin/sh
# install.sh: make install into a staging directory and check what a user
# would: the files are laid out under PREFIX, man finds and shows the page
# NAME-info of every monographs/NAME.xml (whatever they are; a hyphenated
# id such as valproic-acid too), whatis finds each once the index is
# built, the installed monoc checks each with its installed schema and
# stylesheets, make uninstall removes everything it installed, and
# installing for another PREFIX than the build's rebuilds monoc for it.
# The same man and whatis checks run on the pages of the test monographs
# tests/formulary/*.xml, compiled into a man tree of their own (make
# install installs monographs/ only).  Prints "N passed, N failed" last.
#
# usage: tests/install.sh        (from the repository root, after make docs)
. tests/lib.sh
user_make

for t in man whatis mandb; do
	command -v $t >/dev/null || { bad "missing tool: $t"; echo "$pass passed, $fail failed"; exit 1; }
done

d=$tmp/stage
if make -s install DESTDIR="$d" PREFIX=/usr/local > "$tmp/log" 2>&1; then
	ok "make install DESTDIR=... PREFIX=/usr/local"
else
	bad "make install failed: $(tail -n 3 "$tmp/log")"
fi
p=$d/usr/local
# the ids of the monographs make docs compiled
ids=$(for f in monographs/*.xml; do
	[ -e "$f" ] && xmllint --xpath 'string(/*/@id)' "$f"; echo
done | sed '/^$/d')
[ -n "$ids" ] || bad "no monographs/*.xml to install"
for f in bin/monoc share/man/man1/monoc.1 \
    share/monoc/schema/monograph.xsd share/monoc/xslt/html.xsl \
    share/monoc/xslt/text.xsl share/monoc/xslt/man.xsl \
    share/doc/monoc/html/index.html \
    $(for id in $ids; do
	echo "share/man/man7/$id-info.7 share/doc/monoc/html/$id.html" \
	    "share/doc/monoc/text/$id.txt"
done); do
	if [ -f "$p/$f" ]; then ok "installed $f"; else bad "not installed: $f"; fi
done

# man_pages MANDIR ID...: man finds and shows NAME-info for each ID, and
# whatis names it once mandb has indexed a copy of MANDIR (mandb may
# chown as root, so never the staged tree itself).
man_pages() {
	md=$1
	shift
	for id in "$@"; do
		w=$(MANPATH="$md" man -w "$id-info" 2>&1)
		if [ "$w" = "$md/man7/$id-info.7" ]; then
			ok "man -w $id-info finds the page"
		else
			bad "man -w $id-info: $w"
		fi
		if MANPATH="$md" MANPAGER=cat MANWIDTH=80 man "$id-info" 2>&1 |
		    grep -q '^NAME'; then
			ok "man $id-info shows the page"
		else
			bad "man $id-info does not show the page"
		fi
	done
	rm -rf "$tmp/man"
	cp -R "$md" "$tmp/man"
	mandb -q "$tmp/man" > /dev/null 2>&1
	for id in "$@"; do
		wi=$(whatis -M "$tmp/man" "$id-info" 2>&1)
		case $wi in
		"$id-info (7)"*-*) ok "whatis $id-info: $wi" ;;
		*) bad "whatis $id-info: $wi" ;;
		esac
	done
}
# shellcheck disable=SC2086  # one word per id
man_pages "$p/share/man" $ids
if PATH="$p/bin:$PATH" MANPAGER=cat man -w monoc 2>/dev/null |
    grep -q "^$p/share/man/man1/monoc.1"; then
	ok "man monoc finds monoc(1) through PATH"
else
	bad "man monoc does not find the installed monoc(1)"
fi

# The test monographs' pages, compiled by the installed monoc.
if MONOC_DATADIR="$p/share/monoc" "$p/bin/monoc" --no-index \
    -o "$tmp/formulary" tests/formulary/*.xml > "$tmp/log" 2>&1; then
	ok "the installed monoc compiles tests/formulary/*.xml"
	mkdir -p "$tmp/fman/man7"
	cp "$tmp/formulary"/man/man7/*.7 "$tmp/fman/man7/"
	# shellcheck disable=SC2046  # one word per id
	man_pages "$tmp/fman" $(for f in tests/formulary/*.xml; do
		xmllint --xpath 'string(/*/@id)' "$f"; echo
	done)
else
	bad "installed monoc on tests/formulary: $(head -n 3 "$tmp/log")"
fi

# shellcheck disable=SC2046  # one word per file
if [ -n "$ids" ] && MONOC_DATADIR="$p/share/monoc" "$p/bin/monoc" --check \
    monographs/*.xml > "$tmp/log" 2>&1; then
	ok "the installed monoc checks monographs/*.xml with the installed schema"
else
	bad "installed monoc: $(head -n 3 "$tmp/log")"
fi

make -s uninstall DESTDIR="$d" PREFIX=/usr/local > "$tmp/log" 2>&1
left=$(find "$d" -type f | head -n 5)
if [ -z "$left" ]; then
	ok "make uninstall removes every installed file"
else
	bad "make uninstall left: $left"
fi

# Installing for another PREFIX than the build's rebuilds monoc, which
# then looks for its data there (here, where DESTDIR has not put it).
d2=$tmp/stage2
if make -s install DESTDIR="$d2" PREFIX=/opt/monoc-test > "$tmp/log" 2>&1 &&
    ! env -u MONOC_DATADIR "$d2/opt/monoc-test/bin/monoc" --check \
    tests/formulary/fictozine.xml \
    > "$tmp/log" 2>&1 &&
    grep -q "'/opt/monoc-test/share/monoc/schema/monograph.xsd'" "$tmp/log"; then
	ok "make install PREFIX=other after make: monoc looks in other/share/monoc"
else
	bad "install for another PREFIX: $(head -n 3 "$tmp/log")"
fi
# back to the tree's own build
make -s > /dev/null 2>&1 || bad "make after installing for another PREFIX"

summary
