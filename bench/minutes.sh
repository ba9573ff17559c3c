#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/minutes.sh: time `giji minutes` (text and html) on generated
# meetings of 10k, 100k and 1M events against the floor measured in the
# same run: the sqlite3 shell stepping the same rows to /dev/null (two
# floors: all columns, and the schema-1 columns only), and the peak memory
# of text, Markdown and HTML.
#   bench/minutes.sh [GIJI] [SIZES...]     (default: ./giji 10000 100000 1000000)
# Not part of make check. Prints a Markdown table.
set -eu
GIJI=${1:-./giji}
[ $# -gt 0 ] && shift
SIZES=${*:-10000 100000 1000000}
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 shell needed" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/giji-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export GIJI_STATION=bench TZ=UTC LC_ALL=C.UTF-8

# gen N: a verbatim meeting of about N events (bench/meeting-gen.sh).
gen() { sh "$(dirname "$0")/meeting-gen.sh" "$1"; }

now() { date +%s.%N; }
# best of $REPS runs of a command, in seconds
best() {
	b=
	r=0
	while [ $r -lt "$REPS" ]; do
		s=$(now)
		"$@" >/dev/null
		e=$(now)
		d=$(echo "$e - $s" | bc -l)
		if [ -z "$b" ] || [ "$(echo "$d < $b" | bc -l)" = 1 ]; then b=$d; fi
		r=$((r + 1))
	done
	printf '%.3f' "$b"
}

# Two floors: every column (the table as it is), and only the columns of
# schema 1 (without the data_ copies that schema 2 adds), the stricter.
V1COLS='SELECT seq, uuid, ts, station, type, payload, prev_hash, hash FROM events'
# peak FORMAT: the peak resident memory of one run, in MB (GNU time).
peak() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$W/rss" "$GIJI" minutes "$W/m.giji" \
		    --format "$1" >/dev/null
		echo "$(($(cat "$W/rss") / 1024))"
	else
		echo "?"
	fi
}

echo "| events | import s | floor s (SELECT *) | floor s (schema-1 columns) | text s | text / floors | html s | html / floors | peak MB text / md / html |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
	REPS=3
	[ "$n" -ge 1000000 ] && REPS=1
	gen "$n" >"$W/m.jsonl"
	rm -f "$W/m.giji"
	"$GIJI" new "$W/m.giji" >/dev/null
	s=$(now)
	"$GIJI" import "$W/m.giji" <"$W/m.jsonl" >/dev/null 2>&1
	imp=$(printf '%.1f' "$(echo "$(now) - $s" | bc -l)")
	rows=$(sqlite3 "$W/m.giji" 'SELECT count(*) FROM events')
	floor=$(best sqlite3 "$W/m.giji" 'SELECT * FROM events')
	strict=$(best sqlite3 "$W/m.giji" "$V1COLS")
	text=$(best "$GIJI" minutes "$W/m.giji")
	html=$(best "$GIJI" minutes "$W/m.giji" --format html)
	mem="$(peak text) / $(peak md) / $(peak html)"
	printf '| %s | %s | %s | %s | %s | %.2f / %.2f | %s | %.2f / %.2f | %s |\n' \
	    "$rows" "$imp" "$floor" "$strict" \
	    "$text" "$(echo "$text / $floor" | bc -l)" \
	    "$(echo "$text / $strict" | bc -l)" \
	    "$html" "$(echo "$html / $floor" | bc -l)" \
	    "$(echo "$html / $strict" | bc -l)" "$mem"
done
