#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/tui-bench.sh [SIZES]: the terminal's costs on meetings of 1k, 100k
# and 1M events (made by bench/tui-gen.sh, kept in $BENCH_DIR):
#   - instructions per keystroke while typing (callgrind, replay mode):
#     the difference between 5 and 1 repetitions of bench/keys-type.txt
#     divided by the difference in keys, so start-up cancels out;
#   - the same for scrolling the log (PageUp/PageDown);
#   - peak RSS opening the meeting and scrolling 100 pages back and forth;
#   - wall time from start to the first screen and exit (no keys).
# Not run by make check. Needs valgrind and /usr/bin/time.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
: "${GIJI:=$top/giji}"
: "${BENCH_DIR:=/tmp/giji-bench}"
sizes=${*:-1000 100000 1000000}
mkdir -p "$BENCH_DIR"
export LC_ALL=C.UTF-8 TERM=xterm-256color LINES=24 COLUMNS=80 TZ=UTC
export GIJI_NOW=2024-06-27T15:00:00+09:00 GIJI_STATION=bench
export GIJI_DATADIR="$top" HOME="$BENCH_DIR" XDG_CONFIG_HOME="$BENCH_DIR/none"

keys() {	# keys FILE REPS BLOCK
	: > "$1"
	i=0
	while [ $i -lt "$2" ]; do
		grep -v '^#' "$3" >> "$1"
		i=$((i + 1))
	done
}

nkeys() {	# the number of keys in a replay file
	awk '/^text / { n += length(substr($0, 6)) / cw; next }
	    { n += NF } END { print n }' cw="$(awk 'BEGIN { print length("あ") }')" "$1"
}

irs() {		# instructions for one replay
	rm -f "$BENCH_DIR/cg.out"
	valgrind --tool=callgrind --callgrind-out-file="$BENCH_DIR/cg.out" \
	    "$GIJI" --replay "$1" "$2" >/dev/null 2>"$BENCH_DIR/vg.err"
	awk '/^(summary|totals):/ { print $2; exit }' "$BENCH_DIR/cg.out"
}

printf 'scroll\n' > "$BENCH_DIR/scroll-block.txt"
printf 'Tab Tab PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp PageUp\n' > "$BENCH_DIR/scroll-block.txt"
printf 'PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown Tab\n' >> "$BENCH_DIR/scroll-block.txt"
: > "$BENCH_DIR/none.txt"

for n in $sizes; do
	f=$BENCH_DIR/m$n.giji
	[ -f "$f" ] || sh "$top/bench/tui-gen.sh" "$n" "$f" >/dev/null 2>&1
	events=$("$GIJI" log "$f" | tail -n 1 | cut -f1)
	for what in type scroll; do
		if [ $what = type ]; then block=$top/bench/keys-type.txt
		else block=$BENCH_DIR/scroll-block.txt; fi
		keys "$BENCH_DIR/k1.txt" 1 "$block"
		keys "$BENCH_DIR/k5.txt" 5 "$block"
		k1=$(nkeys "$BENCH_DIR/k1.txt"); k5=$(nkeys "$BENCH_DIR/k5.txt")
		cp "$f" "$BENCH_DIR/w.giji"
		i1=$(irs "$BENCH_DIR/k1.txt" "$BENCH_DIR/w.giji")
		cp "$f" "$BENCH_DIR/w.giji"
		i5=$(irs "$BENCH_DIR/k5.txt" "$BENCH_DIR/w.giji")
		echo "events=$events $what: $(( (i5 - i1) / (k5 - k1) )) instructions/key ($k1 and $k5 keys: $i1 and $i5)"
	done
	keys "$BENCH_DIR/k10.txt" 10 "$BENCH_DIR/scroll-block.txt"
	cp "$f" "$BENCH_DIR/w.giji"
	rss=$(/usr/bin/time -f %M "$GIJI" --replay "$BENCH_DIR/k10.txt" "$BENCH_DIR/w.giji" 2>&1 >/dev/null | tail -n 1)
	echo "events=$events peak RSS opening and scrolling 200 pages: $rss KB"
	best=
	for r in 1 2 3 4 5; do
		t0=$(date +%s%N)
		"$GIJI" --replay "$BENCH_DIR/none.txt" "$f" >/dev/null 2>&1
		t=$(( ($(date +%s%N) - t0) / 1000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
	done
	echo "events=$events start-up to first screen and exit: ${best} µs (best of 5)"
done
