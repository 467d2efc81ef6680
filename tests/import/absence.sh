#!/bin/sh
# absence.sh: the statements of imported monographs that their label
# lacks something ("The label has no boxed warning.") whose topic the
# label covers after all.  Each monograph of MONODIR is paired with its
# label among LABEL... by the SPL set id; what the monograph says is
# absent (absent.xsl) is compared with what the label covers
# (covers.xsl).  Prints each false statement as "LABEL: TOPIC: TEXT",
# then one line:
#   absence: S statements of absence on L labels, F false
# Exit status 1 when F > 0.
#
# usage: tests/import/absence.sh MONODIR LABEL...   (from the repo root)
export LC_ALL=C
here=tests/import
mono=$1
shift
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for l in "$@"; do
	printf '%s\t%s\n' "$(grep -o '<setId root="[^"]*"' "$l" | head -n 1 |
	    sed 's/.*root="//; s/"$//' | tr 'A-Z' 'a-z')" "$l"
done > "$tmp/labels"
n=0 s=0 f=0
for m in "$mono"/*.xml; do
	set_id=$(grep -o '<spl set-id="[^"]*"' "$m" | head -n 1 |
	    sed 's/.*set-id="//; s/"$//' | tr 'A-Z' 'a-z')
	label=$(awk -F'\t' -v s="$set_id" '$1 == s { print $2; exit }' \
	    "$tmp/labels")
	[ -n "$label" ] || continue
	n=$((n + 1))
	xsltproc --novalid --nonet $here/absent.xsl "$m" > "$tmp/absent"
	[ -s "$tmp/absent" ] || continue
	xsltproc --novalid --nonet $here/covers.xsl "$label" > "$tmp/covers"
	while IFS='	' read -r topic text; do
		s=$((s + 1))
		if grep -qx "$topic" "$tmp/covers"; then
			f=$((f + 1))
			echo "${label##*/}: $topic: $text"
		fi
	done < "$tmp/absent"
done
echo "absence: $s statements of absence on $n labels, $f false"
[ $f -eq 0 ]
