#!/bin/sh
# bench/minutes.sh: time `giji minutes` (text and html) on generated
# meetings of 10k, 100k and 1M events against the floor measured in the
# same run: the sqlite3 shell stepping the same rows to /dev/null (two
# floors: all columns, and the schema-1 columns only).
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

# gen N: a verbatim meeting of about N events: 20 members, 5 staff, an
# item every 2,000 events with a counted vote and a decision, speeches
# with start times, a recess every 10,000 events.
gen() {
	awk -v n="$1" 'BEGIN {
		t = 1656295200	# 2022-06-27 11:00 JST
		printf "{\"type\":\"meta.set\",\"ts\":%s,\"data\":{\"title\":\"ベンチマーク審議会\",\"date\":\"2022-06-27\",\"style\":\"verbatim\",\"seats\":21}}\n", ts(t)
		for (i = 0; i < 20; i++)
			printf "{\"type\":\"member.add\",\"ts\":%s,\"data\":{\"id\":\"m%d\",\"name\":\"委員%d\",\"role\":\"委員\"%s}}\n", ts(t), i, i, i == 0 ? ",\"kind\":\"chair\"" : ""
		for (i = 0; i < 5; i++)
			printf "{\"type\":\"member.add\",\"ts\":%s,\"data\":{\"id\":\"s%d\",\"name\":\"職員%d\",\"role\":\"課長\",\"kind\":\"staff\",\"side\":\"implementing\"}}\n", ts(t), i, i
		printf "{\"type\":\"meeting.open\",\"ts\":%s,\"data\":{}}\n", ts(t)
		e = 27; item = 0
		while (e < n) {
			if (e % 2000 < 27 || item == 0) {
				if (item > 0) {
					printf "{\"type\":\"vote.call\",\"ts\":%s,\"data\":{\"id\":\"v%d\",\"item\":\"i%d\",\"method\":\"hands\"}}\n", ts(t), item, item
					printf "{\"type\":\"vote.tally\",\"ts\":%s,\"data\":{\"vote\":\"v%d\",\"for\":15,\"against\":3}}\n", ts(t), item
					printf "{\"type\":\"decision\",\"ts\":%s,\"data\":{\"item\":\"i%d\",\"outcome\":\"approved\",\"vote\":\"v%d\"}}\n", ts(t), item, item
					printf "{\"type\":\"agenda.close\",\"ts\":%s,\"data\":{\"item\":\"i%d\"}}\n", ts(t), item
					e += 4
				}
				item++
				printf "{\"type\":\"agenda.add\",\"ts\":%s,\"data\":{\"id\":\"i%d\",\"title\":\"諮問第%d号の審議\",\"kind\":\"consultation\",\"section\":\"諮問事項\"}}\n", ts(t), item, item
				printf "{\"type\":\"agenda.open\",\"ts\":%s,\"data\":{\"item\":\"i%d\"}}\n", ts(t), item
				e += 2
			}
			if (e % 10000 == 5000) {
				printf "{\"type\":\"recess\",\"ts\":%s,\"data\":{}}\n", ts(t)
				t += 600
				printf "{\"type\":\"resume\",\"ts\":%s,\"data\":{}}\n", ts(t)
				e += 2
			}
			sp = e % 3 == 0 ? "s" (e % 5) : "m" (e % 20)
			printf "{\"type\":\"speech\",\"ts\":%s,\"data\":{\"speaker\":\"%s\",\"started\":%s,\"text\":\"発言番号%dの本文です。個人情報の取扱いについて確認したいことがあります。\\n二段落目の文章です。\"}}\n", ts(t + 40), sp, ts(t + 5), e
			t += 45
			e++
		}
		printf "{\"type\":\"meeting.close\",\"ts\":%s,\"data\":{}}\n", ts(t)
	}
	function ts(s) { return "\"" strftime("%Y-%m-%dT%H:%M:%S+00:00", s, 1) "\"" }'
}

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
echo "| events | import s | floor s (SELECT *) | floor s (schema-1 columns) | text s | text / floors | html s | html / floors |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
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
	printf '| %s | %s | %s | %s | %s | %.2f / %.2f | %s | %.2f / %.2f |\n' \
	    "$rows" "$imp" "$floor" "$strict" \
	    "$text" "$(echo "$text / $floor" | bc -l)" \
	    "$(echo "$text / $strict" | bc -l)" \
	    "$html" "$(echo "$html / $floor" | bc -l)" \
	    "$(echo "$html / $strict" | bc -l)"
done
