#!/bin/sh
# install.sh: make install into a staging directory and check what a user
# would: the files are laid out under PREFIX, man finds and shows
# baclofen-info, whatis finds it once the index is built, the installed
# monoc finds its schema and stylesheets, make uninstall removes
# everything it installed, and installing for another PREFIX than the
# build's rebuilds monoc for it.  Prints "N passed, N failed" last.
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
for f in bin/monoc share/man/man1/monoc.1 share/man/man7/baclofen-info.7 \
    share/monoc/schema/monograph.xsd share/monoc/xslt/html.xsl \
    share/monoc/xslt/text.xsl share/monoc/xslt/man.xsl \
    share/doc/monoc/html/baclofen.html share/doc/monoc/html/index.html \
    share/doc/monoc/text/baclofen.txt; do
	if [ -f "$p/$f" ]; then ok "installed $f"; else bad "not installed: $f"; fi
done

w=$(MANPATH="$p/share/man" man -w baclofen-info 2>&1)
if [ "$w" = "$p/share/man/man7/baclofen-info.7" ]; then
	ok "man -w baclofen-info finds the installed page"
else
	bad "man -w baclofen-info: $w"
fi
if MANPATH="$p/share/man" MANPAGER=cat MANWIDTH=80 man baclofen-info 2>&1 |
    grep -q '^NAME'; then
	ok "man baclofen-info shows the page"
else
	bad "man baclofen-info does not show the page"
fi
if PATH="$p/bin:$PATH" MANPAGER=cat man -w monoc 2>/dev/null |
    grep -q "^$p/share/man/man1/monoc.1"; then
	ok "man monoc finds monoc(1) through PATH"
else
	bad "man monoc does not find the installed monoc(1)"
fi

# whatis needs the index that mandb builds (make install runs mandb only
# for the live system); build it on a copy, as mandb may chown as root.
cp -R "$p/share/man" "$tmp/man"
mandb -q "$tmp/man" > /dev/null 2>&1
wi=$(whatis -M "$tmp/man" baclofen-info 2>&1)
case $wi in
"baclofen-info (7)"*-*) ok "whatis baclofen-info: $wi" ;;
*) bad "whatis baclofen-info: $wi" ;;
esac

if MONOC_DATADIR="$p/share/monoc" "$p/bin/monoc" --check \
    monographs/baclofen.xml > "$tmp/log" 2>&1; then
	ok "the installed monoc checks a monograph with the installed schema"
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
    monographs/baclofen.xml \
    > "$tmp/log" 2>&1 &&
    grep -q "'/opt/monoc-test/share/monoc/schema/monograph.xsd'" "$tmp/log"; then
	ok "make install PREFIX=other after make: monoc looks in other/share/monoc"
else
	bad "install for another PREFIX: $(head -n 3 "$tmp/log")"
fi
# back to the tree's own build
make -s > /dev/null 2>&1 || bad "make after installing for another PREFIX"

summary
