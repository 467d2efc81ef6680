#!/bin/sh
# tools/setup.sh: install everything monoc's build and tests need on Debian 12.
#
# Usage (from anywhere):  tools/setup.sh
#
# 1. Debian packages: if dpkg-query shows any of them missing, runs
#    `apt-get update` and `apt-get install -y --no-install-recommends` for the
#    list below (through sudo when not root and sudo exists).  When all are
#    installed it does not touch apt, so a second run takes about a second.
#    Node.js and npm are installed from Debian only when `node`/`npm` are not
#    on PATH: Debian 12's own Node 18 (18.19 or later) and Node 20 or later
#    both run the checkers.
# 2. npm packages for the HTML checks (html-validate, vnu-jar, axe-core,
#    playwright-core): `npm ci` in tools/, from the committed lock file,
#    with install scripts disabled (vnu-jar's postinstall would download a
#    Java runtime; the system Java is used instead).  Skipped when
#    tools/node_modules already matches the lock file.
#
# Environment: SETUP_FORCE_APT=1 runs apt-get even when everything is
# installed; SETUP_FORCE_NPM=1 runs `npm ci` even when node_modules looks
# current.  Exit status: 0 on success, non-zero when any step fails.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

# Everything the build (make, monoc), the unit tests, the output linters,
# the browser test, the sanitizer/fuzz builds and valgrind, the hostile-
# input runner (strace, /usr/bin/time) and the benchmark (/usr/bin/time).
pkgs="
	ca-certificates
	make gcc libc6-dev pkg-config
	libxml2-dev libxslt1-dev libcmocka-dev
	libxml2-utils xsltproc
	mandoc groff-base man-db bsdextrautils
	chromium fonts-dejavu-core
	clang libclang-rt-14-dev valgrind strace time
	default-jre-headless
"
command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"

say() { printf 'setup: %s\n' "$*"; }

missing=
for p in $pkgs; do
	st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing="$missing $p"
done

[ "${SETUP_FORCE_APT:-0}" = 1 ] && missing="$missing (forced)"
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		as_root=
	elif command -v sudo >/dev/null 2>&1; then
		as_root=sudo
	else
		say "not root and no sudo; cannot install:$missing" >&2
		exit 1
	fi
	say "installing Debian packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$as_root apt-get update -qq
	# Install the whole list, not only the missing names, so that apt
	# resolves them together; already-installed ones are no-ops.
	# shellcheck disable=SC2086
	$as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
else
	say "Debian packages already installed"
fi

# Fail now, with a clear message, if a tool the tests call is still absent.
for c in make cc pkg-config xmllint xsltproc mandoc groff man lexgrog col \
    iconv java node npm clang valgrind strace /usr/bin/time /usr/bin/chromium; do
	command -v "$c" >/dev/null 2>&1 || { say "missing after install: $c" >&2; exit 1; }
done

# html-validate 9 needs Node ^18.19.0 or >= 20.6.0, playwright-core 1.61
# Node 18 (the lock file pins both; html-validate 10, playwright-core 1.62
# and later need Node 20).  Debian 12 ships Node 18.20.
node_ok=$(node -p 'const [a, b] = process.versions.node.split(".").map(Number);
	(a === 18 && b >= 19) || (a === 20 && b >= 6) || a > 20 ? 1 : 0')
if [ "$node_ok" != 1 ]; then
	say "node $(node --version) is too old: the HTML checkers need Node 18.19 or later (18.x), or 20.6 or later" >&2
	exit 1
fi

# npm: node_modules/.package-lock.json is npm's record of what it
# installed; when it is newer than package-lock.json, `npm ci` has run
# since the last lock change.
cd "$here"
if [ "${SETUP_FORCE_NPM:-0}" != 1 ] &&
    [ -f node_modules/.package-lock.json ] &&
    [ -n "$(find node_modules/.package-lock.json -newer package-lock.json)" ] &&
    [ -f node_modules/vnu-jar/build/dist/vnu.jar ] &&
    [ -f node_modules/html-validate/package.json ] &&
    [ -f node_modules/axe-core/axe.min.js ] &&
    [ -f node_modules/playwright-core/package.json ]; then
	say "npm packages already installed in tools/node_modules"
else
	say "npm ci in tools/"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi
say "done"
