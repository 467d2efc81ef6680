#!/usr/bin/env bash
# gen-corpus.sh: write N distinct, schema-valid monographs into DIR, made
# from the real ones in monographs/ (each copy keeps its template's size).
# Copy i of template T gets the id T-NNNNN (its file stem) and that id as
# its generic name, so every output differs.
#
# usage: bench/gen-corpus.sh N DIR [TEMPLATE.xml...]
set -euo pipefail

n=${1:?usage: gen-corpus.sh N DIR [TEMPLATE.xml...]}
dir=${2:?usage: gen-corpus.sh N DIR [TEMPLATE.xml...]}
shift 2
[ $# -gt 0 ] || set -- monographs/*.xml

rm -rf "$dir"
mkdir -p "$dir"
# One awk process writes every copy: templates are read once, then copy i
# takes template i mod T.
awk -v n="$n" -v dir="$dir" '
FNR == 1 {
	t++
	stem = FILENAME
	sub(/.*\//, "", stem)
	sub(/\.xml$/, "", stem)
	stems[t] = stem
}
{ lines[t, FNR] = $0; count[t] = FNR }
END {
	for (i = 1; i <= n; i++) {
		k = (i - 1) % t + 1
		id = sprintf("%s-%05d", stems[k], i)
		out = dir "/" id ".xml"
		rootdone = 0
		for (j = 1; j <= count[k]; j++) {
			line = lines[k, j]
			if (!rootdone && index(line, "id=\"" stems[k] "\"")) {
				sub("id=\"" stems[k] "\"", "id=\"" id "\"", line)
				rootdone = 1
			}
			if (index(line, "<generic-name>"))
				sub(/<generic-name>[^<]*</, "<generic-name>" id "<", line)
			print line > out
		}
		close(out)
	}
}' "$@"
