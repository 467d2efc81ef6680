#!/bin/sh
# tests/browser/run.sh: the browser test (axe-core, phone-width scrolling,
# in-page links, screenshots) on every DIR/html/*.html.
#
# Usage (from anywhere):  tests/browser/run.sh [DIR]      (DIR: output)
#
# Needs /usr/bin/chromium and tools/node_modules (tools/setup.sh installs
# both); a missing one is a failure, not a skip.  Screenshots go to
# tests/screenshots/NAME-1280.png and NAME-360.png.  See check.js for the
# checks.  Prints one line per page and "N passed, N failed" last; exit 0
# when every page passed.
dir=${1:-output}
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null 2>&1 || {
	echo "FAIL setup node is missing; run tools/setup.sh"
	echo "0 passed, 1 failed"
	exit 2
}
exec node "$here/check.js" "$dir"
