#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/paper-cases.sh GIJI TOP: the meetings the paper checks and the
# README's pictures use, one a line: NAME<TAB>JSONL<TAB>STYLE<TAB>LANGS.
# First every shipped style of `giji styles`, in the languages it lists,
# on its sample meeting: tests/fixtures/STYLE.jsonl, else the first sample
# that asks for STYLE and is not named after another style, else the demo
# meeting (so that a style shipped without a sample is checked too). Then,
# with STYLE "-" (the meeting's own), every other sample meeting that
# names a style.
set -eu
GIJI=$1
top=$2
fx=$top/tests/fixtures
used=" "
styles=$(mktemp "${TMPDIR:-/tmp}/paper-cases.XXXXXX")
trap 'rm -f "$styles"' EXIT
"$GIJI" styles | awk -F '\t' '$3 == "shipped" { print $1 "\t" $2 }' > "$styles"
while IFS='	' read -r s langs; do
	src=$fx/$s.jsonl
	if [ ! -f "$src" ]; then
		# A sample that asks for this style and is not named after
		# another one (verbatim-role.jsonl for verbatim).
		src=
		for f in "$fx"/*.jsonl; do
			n=$(basename "$f" .jsonl)
			cut -f1 "$styles" | grep -qx "$n" && continue
			head -1 "$f" | grep -q "\"style\":\"$s\"" || continue
			src=$f
			break
		done
		[ -n "$src" ] || src=$top/data/demo.jsonl
	fi
	used="$used$(basename "$src") "
	printf '%s\t%s\t%s\t%s\n' "$s" "$src" "$s" "$langs"
done < "$styles"
for src in "$fx"/*.jsonl; do
	case $used in *" $(basename "$src") "*) continue ;; esac
	head -1 "$src" | grep -q '"style":' || continue
	printf '%s\t%s\t-\tja en\n' "$(basename "$src" .jsonl)" "$src"
done
