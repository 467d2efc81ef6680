#!/bin/sh
# The formulary test monographs: valid against the schema, and together
# using every element and attribute of format 2.
# usage: tests/formulary/run.sh   (from the project root)
cd "$(dirname "$0")/../.." || exit 2
pass=0 fail=0
for f in tests/formulary/*.xml; do
	if xmllint --noout --schema schema/monograph.xsd "$f" 2>/dev/null; then
		pass=$((pass + 1))
	else
		echo "FAIL: $f does not validate" >&2
		xmllint --noout --schema schema/monograph.xsd "$f" >&2
		fail=$((fail + 1))
	fi
done
if ! command -v python3 >/dev/null 2>&1; then
	# a check that cannot run fails: it is never skipped
	echo "FAIL: coverage needs python3 (run tools/setup.sh)" >&2
	fail=$((fail + 1))
elif python3 tests/formulary/coverage.py schema/monograph.xsd \
    tests/formulary/*.xml >/dev/null; then
	pass=$((pass + 1))
else
	echo "FAIL: the test monographs do not use all of format 2:" >&2
	python3 tests/formulary/coverage.py schema/monograph.xsd \
	    tests/formulary/*.xml >&2
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
