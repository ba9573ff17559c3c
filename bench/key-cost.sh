#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/key-cost.sh [SIZES]: what a typed key costs giji, against a bare
# ncursesw echo program (bench/echo) measured in the same run.
#   - instructions per key (callgrind): each program types N1 and then N2
#     characters of Japanese into its input line, one key at a time, each
#     drawn before the next (giji --replay draws after every key); the
#     difference of the two runs divided by N2 - N1, so that start-up,
#     the first screen and the clock's once-a-second repaint fall out;
#   - bytes written to the terminal per key, the same difference.
# For giji on an empty meeting and on meetings of SIZES events (default
# 1000 and 100000, made by bench/tui-gen.sh in $BENCH_DIR). Targets
# (issue 14): at most 2 times the echo floor's instructions, flat with
# the meeting's size; under 10 bytes per key. Needs valgrind.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
: "${GIJI:=$top/giji}"
: "${ECHO:=$top/bench/echo}"
: "${BENCH_DIR:=/tmp/giji-bench}"
sizes=${*:-1000 100000}
N1=${N1:-200}
N2=${N2:-1000}
mkdir -p "$BENCH_DIR"
export LC_ALL=C.UTF-8 TERM=xterm-256color LINES=24 COLUMNS=80 TZ=UTC
export GIJI_NOW=2024-06-27T15:00:00+09:00 GIJI_STATION=bench
export GIJI_DATADIR="$top" HOME="$BENCH_DIR" XDG_CONFIG_HOME="$BENCH_DIR/none"
command -v valgrind >/dev/null || { echo "bench: valgrind not found" >&2; exit 1; }
[ -x "$ECHO" ] || { echo "bench: build it first: make bench/echo" >&2; exit 1; }

# The sentence typed, 32 characters of Japanese: a line a clerk types.
S=本日の議題について意見を申し上げます予算の執行状況と今後の見通し
# text N: N characters for the floor, in lines of the sentence (the
# echo program starts a full line again, as an input line scrolls).
text() {
	awk -v n="$1" -v s="$S" 'BEGIN {
		cw = length("あ"); k = length(s) / cw
		for (i = 0; i < n; i += k) print substr(s, 1, (n - i < k ? n - i : k) * cw) }'
}
# The replay: choose the first speaker, then the sentence typed key by
# key N/32 times, each followed by C-u (the line emptied, a key too, so
# that the line does not grow: a speech is typed, then recorded).
replay() {
	awk -v n="$2" -v s="$S" 'BEGIN {
		cw = length("あ"); k = length(s) / cw; print "M-1"
		for (i = 0; i < n; i += k + 1) {
			print "text " substr(s, 1, (n - i < k ? n - i : k) * cw)
			if (i + k < n) print "C-u" } }' > "$1"
}

irs() {		# irs PROGRAM ARGS...: instructions of one run
	rm -f "$BENCH_DIR/cg.out"
	valgrind --tool=callgrind --callgrind-out-file="$BENCH_DIR/cg.out" \
	    "$@" >"$BENCH_DIR/screen" 2>"$BENCH_DIR/vg.err"
	awk '/^(summary|totals):/ { print $2; exit }' "$BENCH_DIR/cg.out"
}
bytes() {	# bytes PROGRAM ARGS...: bytes written to the terminal
	"$@" 2>/dev/null | wc -c
}

text "$N1" > "$BENCH_DIR/t1"
text "$N2" > "$BENCH_DIR/t2"
e1=$(irs "$ECHO" "$BENCH_DIR/t1")
e2=$(irs "$ECHO" "$BENCH_DIR/t2")
floor=$(( (e2 - e1) / (N2 - N1) ))
eb1=$(bytes "$ECHO" "$BENCH_DIR/t1")
eb2=$(bytes "$ECHO" "$BENCH_DIR/t2")
echo "echo floor: $floor instructions/key, $(awk -v a="$eb1" -v b="$eb2" \
    -v n=$((N2 - N1)) 'BEGIN { printf "%.1f", (b - a) / n }') bytes/key"

replay "$BENCH_DIR/k1" "$N1"
replay "$BENCH_DIR/k2" "$N2"
for n in 0 $sizes; do
	f=$BENCH_DIR/m$n.giji
	if [ "$n" = 0 ]; then
		rm -f "$f"; "$GIJI" new "$f" >/dev/null
		"$GIJI" add "$f" member.add id=m1 name=伊藤 role=委員 >/dev/null
	elif [ ! -f "$f" ]; then
		sh "$top/bench/tui-gen.sh" "$n" "$f" >/dev/null 2>&1
	fi
	events=$("$GIJI" log "$f" | tail -n 1 | cut -f1)
	cp "$f" "$BENCH_DIR/w.giji"
	g1=$(irs "$GIJI" --replay "$BENCH_DIR/k1" "$BENCH_DIR/w.giji")
	cp "$f" "$BENCH_DIR/w.giji"
	g2=$(irs "$GIJI" --replay "$BENCH_DIR/k2" "$BENCH_DIR/w.giji")
	cp "$f" "$BENCH_DIR/w.giji"
	b1=$(bytes "$GIJI" --replay "$BENCH_DIR/k1" "$BENCH_DIR/w.giji")
	cp "$f" "$BENCH_DIR/w.giji"
	b2=$(bytes "$GIJI" --replay "$BENCH_DIR/k2" "$BENCH_DIR/w.giji")
	per=$(( (g2 - g1) / (N2 - N1) ))
	echo "events=${events:-0}: $per instructions/key ($(awk -v a="$per" \
	    -v b="$floor" 'BEGIN { printf "%.2f", a / b }')x the floor)," \
	    "$(awk -v a="$b1" -v b="$b2" -v n=$((N2 - N1)) \
	    'BEGIN { printf "%.1f", (b - a) / n }') bytes/key"
done
