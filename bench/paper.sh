#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/paper.sh [GIJI] [EVENTS]: giji's PDF and Word minutes against what
# a user would otherwise reach for, side by side in one run, on a
# generated meeting (bench/meeting-gen.sh, default 2,000 events: a long
# afternoon):
#   - giji minutes --format pdf  vs  weasyprint printing giji's own HTML
#     minutes of the same meeting (the conversion alone is timed);
#   - giji minutes --format docx vs  pandoc converting giji's Markdown
#     minutes (the conversion alone is timed).
# The text minutes are timed too, as the floor of compiling the meeting.
# Best of 3 runs each. Needs weasyprint, pandoc, bc (apt-get install
# weasyprint pandoc bc) and poppler-utils for the page count. Not part of
# make check. Prints a Markdown table.
set -eu
GIJI=${1:-./giji}
N=${2:-2000}
REPS=${REPS:-3}
for t in weasyprint pandoc bc pdfinfo; do
	command -v $t >/dev/null || {
		echo "bench: $t needed (apt-get install weasyprint pandoc bc poppler-utils)" >&2
		exit 1
	}
done
W=$(mktemp -d "${TMPDIR:-/tmp}/giji-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export GIJI_STATION=bench TZ=UTC LC_ALL=C.UTF-8

now() { date +%s.%N; }
# best of $REPS runs of a command, in seconds
best() {
	b=
	r=0
	while [ $r -lt "$REPS" ]; do
		s=$(now)
		"$@" >/dev/null 2>&1
		e=$(now)
		d=$(echo "$e - $s" | bc -l)
		if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
		r=$((r + 1))
	done
	printf '%.3f' "$b"
}

sh "$(dirname "$0")/meeting-gen.sh" "$N" > "$W/m.jsonl"
"$GIJI" new "$W/m.giji" >/dev/null
"$GIJI" import "$W/m.giji" < "$W/m.jsonl" >/dev/null 2>&1
rows=$(sqlite3 "$W/m.giji" 'SELECT count(*) FROM events' 2>/dev/null || wc -l < "$W/m.jsonl")
"$GIJI" minutes "$W/m.giji" --format html -o "$W/m.html"
"$GIJI" minutes "$W/m.giji" --format md -o "$W/m.md"

text=$(best "$GIJI" minutes "$W/m.giji")
pdf=$(best "$GIJI" minutes "$W/m.giji" --format pdf -o "$W/g.pdf" --force)
weasy=$(best weasyprint "$W/m.html" "$W/w.pdf")
docx=$(best "$GIJI" minutes "$W/m.giji" --format docx -o "$W/g.docx" --force)
pandoc=$(best pandoc "$W/m.md" -o "$W/p.docx")
gp=$(pdfinfo "$W/g.pdf" | awk '/^Pages:/ { print $2 }')
wp=$(pdfinfo "$W/w.pdf" | awk '/^Pages:/ { print $2 }')

echo "| events | text s (floor) | giji pdf s | pages | weasyprint s | pages | weasyprint / giji | giji docx s | pandoc s | pandoc / giji |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '| %s | %s | %s | %s | %s | %s | %.1f× | %s | %s | %.1f× |\n' \
    "$rows" "$text" "$pdf" "$gp" "$weasy" "$wp" \
    "$(echo "$weasy / $pdf" | bc -l)" "$docx" "$pandoc" \
    "$(echo "$pandoc / $docx" | bc -l)"
