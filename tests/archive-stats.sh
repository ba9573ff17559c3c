#!/bin/sh
# SPDX-License-Identifier: ISC
# giji stats DIR: a year of meetings summed up from the archive's index —
# meetings and hours, attendance of each member across meetings (present,
# remote, absent, apologies, late, left early), decisions by outcome,
# votes carried and failed; --year, --from/--to, --json, --lang.
. "${top_srcdir:-.}/tests/lib.sh"

export XDG_CACHE_HOME="$T/cache"
A=$T/arc
mkdir -p "$A"

# meeting FILE DATE OPEN CLOSE: a meeting of the roster below, its
# attendance and decisions from standard input.
meeting() {
	{
		printf '{"type":"meta.set","ts":"%sT09:00:00+09:00","data":{"title":"第%s回審議会","date":"%s","seats":4,"quorum":3}}\n' "$2" "$1" "$2"
		printf '{"type":"member.add","ts":"%sT09:00:00+09:00","data":{"id":"ueda","name":"上田","full_name":"上田 恵子","role":"会長","kind":"chair"}}\n' "$2"
		printf '{"type":"member.add","ts":"%sT09:00:00+09:00","data":{"id":"ito","name":"伊藤","role":"委員"}}\n' "$2"
		printf '{"type":"member.add","ts":"%sT09:00:00+09:00","data":{"id":"kato","name":"加藤","role":"委員"}}\n' "$2"
		printf '{"type":"member.add","ts":"%sT09:00:00+09:00","data":{"id":"mori","name":"森","role":"委員"}}\n' "$2"
		printf '{"type":"member.add","ts":"%sT09:00:00+09:00","data":{"id":"koba","name":"小林","role":"課長","kind":"staff"}}\n' "$2"
		printf '{"type":"agenda.add","ts":"%sT09:00:00+09:00","data":{"id":"a1","title":"議案","kind":"ordinance"}}\n' "$2"
		[ -n "$3" ] && printf '{"type":"meeting.open","ts":"%sT%s:00+09:00","data":{}}\n' "$2" "$3"
		sed "s/DATE/$2/g"
		[ -n "$4" ] && printf '{"type":"meeting.close","ts":"%sT%s:00+09:00","data":{}}\n' "$2" "$4"
	} > "$T/m.jsonl"
	"$GIJI" new "$A/$1.giji" >/dev/null && "$GIJI" import "$A/$1.giji" < "$T/m.jsonl" 2>/dev/null ||
	    echo "# $1 did not import"
}

meeting 1 2024-04-10 10:00 12:00 <<'EOF'
{"type":"attendance","ts":"DATET10:00:00+09:00","data":{"member":"mori","status":"apologies"}}
{"type":"attendance","ts":"DATET10:00:00+09:00","data":{"member":"kato","status":"remote"}}
{"type":"vote.call","ts":"DATET10:30:00+09:00","data":{"id":"v1","item":"a1","method":"hands"}}
{"type":"vote.tally","ts":"DATET10:31:00+09:00","data":{"vote":"v1","for":2,"against":0}}
{"type":"decision","ts":"DATET10:32:00+09:00","data":{"item":"a1","outcome":"approved","vote":"v1"}}
EOF
meeting 2 2024-07-01 14:00 15:30 <<'EOF'
{"type":"attendance","ts":"DATET14:00:00+09:00","data":{"member":"ito","status":"absent"}}
{"type":"attendance","ts":"DATET14:20:00+09:00","data":{"member":"ito","status":"arrived"}}
{"type":"vote.call","ts":"DATET14:30:00+09:00","data":{"id":"v1","item":"a1","method":"hands"}}
{"type":"vote.tally","ts":"DATET14:31:00+09:00","data":{"vote":"v1","for":1,"against":2}}
{"type":"decision","ts":"DATET14:32:00+09:00","data":{"item":"a1","outcome":"rejected","vote":"v1"}}
{"type":"decision","ts":"DATET14:40:00+09:00","data":{"item":"a1","outcome":"noted"}}
{"type":"attendance","ts":"DATET15:00:00+09:00","data":{"member":"kato","status":"left"}}
EOF
meeting 3 2024-12-20 "" "" <<'EOF'
{"type":"attendance","ts":"DATET10:00:00+09:00","data":{"member":"mori","status":"absent"}}
{"type":"decision","ts":"DATET10:32:00+09:00","data":{"item":"a1","outcome":"consented"}}
EOF
meeting 4 2023-11-01 10:00 10:45 <<'EOF'
{"type":"decision","ts":"DATET10:32:00+09:00","data":{"item":"a1","outcome":"approved"}}
EOF

out=$("$GIJI" stats "$A" --year 2024 2>"$T/err"); rc=$?
is "stats DIR --year: exits 0" "$rc" 0
is "... the year summed up" "$out" "会議の集計　2024-01-01〜2024-12-31
  会議 3回、会議時間 3時間30分（開会と閉会の記録がない会議 1回を除く）

出席
  委員              会議  出席  うち遠隔  欠席  うち欠席届  遅参  早退
  上田 恵子 (ueda)     3     3         0     0           0     0     0
  伊藤 (ito)           3     3         0     0           0     1     0
  加藤 (kato)          3     3         1     0           0     0     1
  森 (mori)            3     1         0     2           1     0     0

議決等
  承認 1
  了承 1
  同意 1
  可 0
  否決 1
  継続 0
  付託 0
  その他 0

採決 2件（可決 1、否決 1）"
is "... nothing on standard error" "$(cat "$T/err")" ""
out=$("$GIJI" stats "$A" --lang en --from 2023-01-01 --to 2024-06-30)
contains "--from --to, in English" "$out" "Meetings 2023-01-01 to 2024-06-30
  meetings: 2, 2 h 45 min in session"
contains "... attendance" "$out" "  member            meetings  present  remote  absent  apologies  late  left early"
contains "... the decisions" "$out" "  approved 2"
contains "... the votes" "$out" "Votes counted 1: carried 1, failed 0"
out=$("$GIJI" stats "$A")
contains "without a period: every meeting, from the first to the last" "$out" "会議の集計　2023-11-01〜2024-12-20"
contains "..." "$out" "会議 4回"
"$GIJI" stats "$A" --year 2024 --json > "$T/s.json"
check "--json" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["meetings"] == 3 and s["timed"] == 2 and s["seconds"] == 3 * 3600 + 30 * 60, s
assert s["from"] == "2024-01-01" and s["to"] == "2024-12-31"
assert s["first"] == "2024-04-10" and s["last"] == "2024-12-20"
m = {x["id"]: x for x in s["members"]}
assert list(m) == ["ueda", "ito", "kato", "mori"], list(m)
assert m["mori"] == {"id": "mori", "name": "森", "full_name": None, "meetings": 3,
    "present": 1, "remote": 0, "absent": 2, "apologies": 1, "late": 0, "left_early": 0}, m["mori"]
assert m["kato"]["remote"] == 1 and m["kato"]["left_early"] == 1
assert m["ito"]["late"] == 1 and m["ueda"]["full_name"] == "上田 恵子"
assert s["decisions"] == {"approved": 1, "noted": 1, "consented": 1, "granted": 0,
    "rejected": 1, "deferred": 0, "referred": 0, "other": 0}, s["decisions"]
assert s["votes"] == {"counted": 2, "carried": 1, "failed": 1, "no_outcome": 0}, s["votes"]
' "$T/s.json"
# A count the rules refuse (3 votes, 2 voters): no outcome, said so.
meeting 5 2022-01-05 10:00 10:10 <<'EOF'
{"type":"attendance","ts":"DATET10:00:00+09:00","data":{"member":"mori","status":"absent"}}
{"type":"vote.call","ts":"DATET10:01:00+09:00","data":{"id":"v1","item":"a1","method":"hands"}}
{"type":"vote.tally","ts":"DATET10:02:00+09:00","data":{"vote":"v1","for":2,"against":1}}
EOF
contains "a vote without an outcome is counted apart" "$("$GIJI" stats "$A" --year 2022)" \
    "採決 1件（可決 0、否決 0、結果なし 1）"
out=$("$GIJI" stats "$A/1.giji" "$A/4.giji" --json)
contains "several files: the archive of those" "$out" '"meetings":2'
contains "one file alone: the meeting's own statistics, as before" "$("$GIJI" stats "$A/1.giji")" "発言"
"$GIJI" stats "$A" --year 24x >/dev/null 2>&1; is "--year 24x exits 2" $? 2
"$GIJI" stats "$A" --from 2024-13-01 2>"$T/err"; rc=$?
is "a bad --from exits 2" "$rc" 2
contains "... naming it" "$(cat "$T/err")" "'2024-13-01' is not a date"
"$GIJI" stats "$T/none" 2>"$T/err"; rc=$?
is "a missing folder exits 1" "$rc" 1

# A resumption stamped before its recess (a clock set back): a negative
# span, written as one.
"$GIJI" new "$T/back.giji" >/dev/null
printf '%s\n' '{"type":"meeting.open","ts":"2024-06-27T10:00:00+09:00","data":{}}' \
    '{"type":"recess","ts":"2024-06-27T10:40:00+09:00","data":{}}' \
    '{"type":"resume","ts":"2024-06-27T10:20:00+09:00","data":{}}' |
    "$GIJI" import "$T/back.giji" >/dev/null 2>&1
contains "a recess that ends before it begins: -0:20:00" \
    "$("$GIJI" stats "$T/back.giji" 2>/dev/null)" "  -0:20:00"

done_testing
