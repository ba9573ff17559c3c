#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/votes.sh: the cost of a meeting's votes as they grow: `giji
# import` (every tally checked against the rules, as a live writer's) and
# `giji verify --strict` (every decision and result judged against its
# vote) on meetings of N votes (a call, a tally, a result and a decision
# each, five members present). Linear work shows as a steady time per
# vote from one size to the next; the growth column is the time per vote
# at a size over the time per vote at the first size.
#   bench/votes.sh [GIJI] [SIZES...]     (default: ./giji 500 2000 8000)
# Not part of make check. Prints a Markdown table.
set -eu
GIJI=${1:-./giji}
[ $# -gt 0 ] && shift
SIZES=${*:-500 2000 8000}
W=$(mktemp -d "${TMPDIR:-/tmp}/giji-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export GIJI_STATION=bench TZ=UTC LC_ALL=C.UTF-8

# gen N: a meeting of N votes, in the vocabulary of giji-events(5).
gen() {
	awk -v n="$1" 'function ts(s) { return sprintf("2025-03-11T%02d:%02d:%02dZ",
	    8 + int(s / 3600), int(s / 60) % 60, s % 60) }
	BEGIN {
		s = 0
		print "{\"type\":\"meeting.open\",\"ts\":\"" ts(s++) "\",\"data\":{}}"
		print "{\"type\":\"meta.set\",\"ts\":\"" ts(s++) "\",\"data\":{\"title\":\"Votes\",\"seats\":5,\"quorum\":3}}"
		for (i = 0; i < 5; i++) {
			print "{\"type\":\"member.add\",\"ts\":\"" ts(s++) "\",\"data\":{\"id\":\"m" i "\",\"name\":\"M" i "\"}}"
			print "{\"type\":\"attendance\",\"ts\":\"" ts(s++) "\",\"data\":{\"member\":\"m" i "\",\"status\":\"present\"}}"
		}
		print "{\"type\":\"agenda.add\",\"ts\":\"" ts(s++) "\",\"data\":{\"id\":\"a1\",\"title\":\"Motions\"}}"
		print "{\"type\":\"agenda.open\",\"ts\":\"" ts(s++) "\",\"data\":{\"item\":\"a1\"}}"
		for (v = 1; v <= n; v++) {
			t = ts(s); s++
			print "{\"type\":\"vote.call\",\"ts\":\"" t "\",\"data\":{\"id\":\"v" v "\",\"item\":\"a1\",\"method\":\"hands\",\"motion\":\"that motion " v " be agreed\"}}"
			print "{\"type\":\"vote.tally\",\"ts\":\"" t "\",\"data\":{\"vote\":\"v" v "\",\"for\":3,\"against\":2}}"
			print "{\"type\":\"vote.result\",\"ts\":\"" t "\",\"data\":{\"vote\":\"v" v "\",\"outcome\":\"carried\"}}"
			print "{\"type\":\"decision\",\"ts\":\"" t "\",\"data\":{\"item\":\"a1\",\"vote\":\"v" v "\",\"outcome\":\"approved\"}}"
		}
	}'
}

now() { date +%s.%N; }
# secs CMD...: the wall time of one run, in seconds; the command must succeed.
secs() {
	s=$(now)
	"$@" >/dev/null 2>&1 || { echo "bench: $* failed" >&2; exit 1; }
	echo "$(now) - $s" | bc -l
}

echo "| votes | events | import s | import ms / vote | growth | verify --strict s | strict ms / vote | growth |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
i0= s0=
for n in $SIZES; do
	gen "$n" >"$W/v.jsonl"
	rm -f "$W/v.giji"
	"$GIJI" new "$W/v.giji" >/dev/null
	imp=$(secs sh -c "'$GIJI' import '$W/v.giji' <'$W/v.jsonl'")
	str=$(secs "$GIJI" verify --strict "$W/v.giji")
	ipv=$(echo "$imp * 1000 / $n" | bc -l)
	spv=$(echo "$str * 1000 / $n" | bc -l)
	[ -n "$i0" ] || { i0=$ipv; s0=$spv; }
	printf '| %s | %s | %.2f | %.3f | %.2f× | %.2f | %.3f | %.2f× |\n' "$n" \
	    "$(wc -l <"$W/v.jsonl")" "$imp" "$ipv" "$(echo "$ipv / $i0" | bc -l)" \
	    "$str" "$spv" "$(echo "$spv / $s0" | bc -l)"
done
