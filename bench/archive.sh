#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/archive.sh: giji search over a generated archive against the floor
# a user reaches for without it — grep -r over `giji log --json` exports
# of the same meetings — measured in the same run.
#   bench/archive.sh [GIJI] [MEETINGS] [EVENTS]   (default ./giji 500 2000)
# Reports the index build (the first search, from an empty cache), then
# for each query the time of giji search as a user runs it (the first
# 100 hits), of giji search --limit 0 --json (every hit) and of
# grep -r | wc -l (every matching line), best of REPS runs; then the
# search after one meeting changed, after every file was touched, and
# giji stats DIR --year. Not part of make check. Prints Markdown.
set -eu
GIJI=${1:-./giji}
M=${2:-500}
E=${3:-2000}
REPS=${REPS:-5}
case $GIJI in /*) ;; *) GIJI=$(pwd)/$GIJI ;; esac
W=$(mktemp -d "${TMPDIR:-/tmp}/giji-bench-archive.XXXXXX")
trap 'rm -rf "$W"' EXIT
export GIJI_STATION=bench TZ=UTC LC_ALL=C.UTF-8 XDG_CACHE_HOME="$W/cache"

now() { date +%s.%N; }
# secs CMD...: seconds one run takes (output discarded)
secs() {
	s=$(now)
	"$@" >/dev/null 2>&1 || :
	echo "$(now) - $s" | bc -l
}
# best CMD...: the best of $REPS runs, in seconds
best() {
	b=
	r=0
	while [ "$r" -lt "$REPS" ]; do
		d=$(secs "$@")
		if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
		r=$((r + 1))
	done
	printf '%.3f' "$b"
}
ms() { printf '%.0f' "$(echo "$1 * 1000" | bc -l)"; }
search_all() { "$GIJI" search "$W/arc" "$@" --limit 0 --json | wc -l; }

s=$(now)
sh "$(dirname "$0")/archive-gen.sh" "$W/arc" "$M" "$E" "$GIJI"
gen=$(echo "$(now) - $s" | bc -l)
mkdir "$W/exp"
for f in "$W"/arc/*/*.giji; do
	"$GIJI" log --json "$f" > "$W/exp/$(basename "$f" .giji).jsonl"
done
events=$(cat "$W"/exp/*.jsonl | wc -l)

build=$(secs "$GIJI" search "$W/arc" 予算 --limit 1)
arc_mb=$(du -sm "$W/arc" | cut -f1)
exp_mb=$(du -sm "$W/exp" | cut -f1)
idx_mb=$(du -sm "$W/cache/giji" | cut -f1)

echo "Archive: $M meetings, $events events ($arc_mb MB of meeting files; the"
echo "exports $exp_mb MB); generated and imported in $(printf '%.0f' "$gen") s."
echo "Index build (first search, empty cache): $(printf '%.1f' "$build") s, $idx_mb MB."
echo
echo "| query | hits | giji search (first 100) | all hits, --json | grep -r floor | floor / search | floor / all |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for q in 予算 公園 植栽 緑化推進事業 地域包括ケア "tree planting" budget 情 存在しない語; do
	hits=$(search_all "$q")
	t=$(best "$GIJI" search "$W/arc" "$q")
	a=$(best sh -c '"$0" search "$1" "$2" --limit 0 --json > /dev/null' "$GIJI" "$W/arc" "$q")
	# Through a pipe: grep writing to /dev/null stops at each file's
	# first match.
	g=$(best sh -c 'grep -r -- "$0" "$1" | wc -l' "$q" "$W/exp")
	printf '| %s | %s | %s ms | %s ms | %s ms | %.1f× | %.1f× |\n' "$q" "$hits" \
	    "$(ms "$t")" "$(ms "$a")" "$(ms "$g")" "$(echo "$g / $t" | bc -l)" \
	    "$(echo "$g / $a" | bc -l)"
done
for opts in "予算 --speaker 伊藤" "公園 --from 2024-01-01 --to 2024-12-31" \
    "予算 --kind report --outcome rejected" "budget --speaker Smith --outcome failed"; do
	# shellcheck disable=SC2086
	hits=$(search_all $opts)
	# shellcheck disable=SC2086
	t=$(best "$GIJI" search "$W/arc" $opts)
	printf '| %s | %s | %s ms | | | | |\n' "$opts" "$hits" "$(ms "$t")"
done
echo

one=$(ls "$W"/arc/*/*.giji | head -n 1)
"$GIJI" add "$one" note text="ベンチマークの追記" >/dev/null
changed=$(secs "$GIJI" search "$W/arc" 予算)
touch "$W"/arc/*/*.giji
touched=$(secs "$GIJI" search "$W/arc" 予算)
unchanged=$(best "$GIJI" search "$W/arc" 予算)
stats=$(best "$GIJI" stats "$W/arc" --year 2024)
echo "| giji search 予算 when | s |"
echo "|---|---:|"
echo "| nothing changed | $unchanged |"
echo "| one meeting had an event appended (folded and indexed again) | $(printf '%.3f' "$changed") |"
echo "| every file was touched (each opened, its head compared) | $(printf '%.3f' "$touched") |"
echo
echo "giji stats DIR --year 2024: $stats s."
