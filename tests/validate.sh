#!/bin/sh
# SPDX-License-Identifier: ISC
# What giji add and giji import let into the log: an explicit time of 0
# (1970-01-01T00:00:00Z) is kept, not read as "now"; integers are whole
# numbers from 0 to 2^31-1; an amend must leave its target a valid event
# of the target's type; giji import takes another writer's order (a member
# named before member.add, ballots after the item closed) that giji add
# refuses.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/m.giji
"$GIJI" new "$m" --title 検証 >/dev/null 2>&1

# --- ts 0 -------------------------------------------------------------
printf '%s\n' '{"type":"note","ts":"1970-01-01T00:00:00Z","data":{"text":"一"}}' \
    '{"type":"note","ts":0,"data":{"text":"二"}}' \
    '{"type":"note","data":{"text":"三"}}' > "$T/ts0.jsonl"
check "import events at ts 0" sh -c "'$GIJI' import '$m' < '$T/ts0.jsonl'"
check "add --ts 1970-01-01T00:00:00Z" "$GIJI" add --ts 1970-01-01T00:00:00Z "$m" note text=四
ts=$(sqlite3 "$m" "SELECT group_concat(ts, ' ') FROM (SELECT ts FROM events WHERE type = 'note' ORDER BY seq)")
is "an explicit ts 0 stays 0; no ts is now" "$ts" "0 0 1656306000000000 0"
"$GIJI" log "$m" --json > "$T/ex.jsonl"
contains "log --json prints the epoch" "$(head -2 "$T/ex.jsonl" | tail -1)" '"ts":"1970-01-01T09:00:00+09:00"'
"$GIJI" new "$T/r.giji" >/dev/null 2>&1
check "the export imports" sh -c "'$GIJI' import '$T/r.giji' < '$T/ex.jsonl'"
"$GIJI" log "$T/r.giji" --json > "$T/re.jsonl"
check "and round-trips byte for byte" cmp "$T/ex.jsonl" "$T/re.jsonl"

# --- integers: 0 .. 2147483647 ----------------------------------------
"$GIJI" add "$m" member.add id=ito name=伊藤 >/dev/null
"$GIJI" add "$m" member.add id=sato name=佐藤 >/dev/null
"$GIJI" add "$m" agenda.add id=a1 title=諮問第1号 >/dev/null
"$GIJI" add "$m" agenda.open item=a1 >/dev/null
"$GIJI" add "$m" vote.call id=v1 item=a1 method=hands >/dev/null
n0=$("$GIJI" log "$m" | wc -l)
# refused LINE WANT WHAT: importing LINE fails, the message contains WANT
refused() {
	printf '%s\n' "$1" > "$T/line.jsonl"
	"$GIJI" import "$m" < "$T/line.jsonl" 2>"$T/err"
	is "$3: refused" "$?" 1
	contains "$3: the cause" "$(cat "$T/err")" "$2"
}
range="must be an integer from 0 to 2147483647"
refused '{"type":"vote.tally","data":{"vote":"v1","for":99999999999999999999}}' \
    "vote.tally: field 'for' $range" "for 99999999999999999999"
refused '{"type":"vote.tally","data":{"vote":"v1","for":1e20}}' \
    "vote.tally: field 'for' $range" "for 1e20"
refused '{"type":"vote.tally","data":{"vote":"v1","for":2.5}}' \
    "vote.tally: field 'for' $range" "for 2.5"
refused '{"type":"vote.tally","data":{"vote":"v1","against":2147483648}}' \
    "vote.tally: field 'against' $range" "against 2^31"
refused '{"type":"vote.tally","data":{"vote":"v1","abstain":-1}}' \
    "vote.tally: field 'abstain' $range" "abstain -1"
refused '{"type":"meta.set","data":{"seats":-9223372036854775808}}' \
    "meta.set: field 'seats' $range" "seats -2^63"
refused '{"type":"meta.set","data":{"observers":1e3}}' \
    "meta.set: field 'observers' $range" "observers 1e3"
refused '{"type":"meta.set","data":{"ordinal":4294967297}}' \
    "meta.set: field 'ordinal' $range" "ordinal 2^32+1"
refused '{"type":"meta.set","data":{"quorum":99999999999999999999}}' \
    "meta.set: field 'quorum' $range" "quorum 99999999999999999999"
is "nothing was written" "$("$GIJI" log "$m" | wc -l)" "$n0"
printf '%s\n' '{"type":"vote.tally","data":{"vote":"v1","for":2147483647,"against":0,"abstain":0}}' > "$T/max.jsonl"
check "2147483647 is accepted" sh -c "'$GIJI' import '$m' < '$T/max.jsonl'"
contains "and reads back as it was" "$("$GIJI" stats "$m" --json)" '"for":2147483647,"against":0'

"$GIJI" add "$m" vote.tally vote=v1 for=99999999999999999999 2>"$T/err"
is "add for=99999999999999999999 exits 2" "$?" 2
contains "and names the field" "$(cat "$T/err")" "field 'for'"
"$GIJI" add "$m" vote.tally vote=v1 for=3000000000 2>"$T/err"
is "add for=3000000000 exits 1" "$?" 1
contains "and names the range" "$(cat "$T/err")" "vote.tally: field 'for' $range"
"$GIJI" add "$m" vote.tally vote=v1 'for:=1e20' 2>"$T/err"
is "add for:=1e20 exits 1" "$?" 1
contains "and names the range" "$(cat "$T/err")" "vote.tally: field 'for' $range"
"$GIJI" add "$m" meta.set quorum=99999999999999999999 2>"$T/err"
is "add quorum=99999999999999999999 exits 2" "$?" 2
contains "and says it is out of range" "$(cat "$T/err")" "field 'quorum': 99999999999999999999 is out of range"
check "add quorum=majority" "$GIJI" add "$m" meta.set quorum=majority
check "add quorum=11" "$GIJI" add "$m" meta.set quorum=11
is "nothing else was written" "$("$GIJI" log "$m" | wc -l)" "$((n0 + 3))"

# --- amend: the target as amended is validated ------------------------
# Six members present (no chair among them): a count of 6 is possible.
for k in k1 k2 k3 k4; do
	"$GIJI" add "$m" member.add id=$k name=$k >/dev/null
done
out=$("$GIJI" add "$m" vote.tally vote=v1 for=5 against=1)
tally=${out#*	}
out=$("$GIJI" add "$m" speech speaker=ito text=賛成です。)
speech=${out#*	}
n0=$("$GIJI" log "$m" | wc -l)
"$GIJI" add "$m" amend target="$tally" 'data:={"for":"many"}' 2>"$T/err"
is "add amend for=many exits 1" "$?" 1
contains "and names the field of the target" "$(cat "$T/err")" "m.giji: amend: field 'for' of vote.tally: must be integer"
"$GIJI" add "$m" amend target="$tally" 'data:={"for":99999999999999999999}' 2>"$T/err"
is "add amend for=99999999999999999999 exits 1" "$?" 1
contains "and names the range" "$(cat "$T/err")" "amend: field 'for' of vote.tally: $range"
"$GIJI" add "$m" amend target="$speech" 'data:={"speaker":"nobody"}' 2>"$T/err"
is "add amend speaker=nobody exits 1" "$?" 1
contains "and names the member" "$(cat "$T/err")" "amend: field 'speaker' of speech: unknown member 'nobody'"
refused "{\"type\":\"amend\",\"data\":{\"target\":\"$tally\",\"data\":{\"against\":1.5}}}" \
    "line 1: amend: field 'against' of vote.tally: $range" "import amend against=1.5"
refused "{\"type\":\"amend\",\"data\":{\"target\":\"$speech\",\"data\":{\"text\":null}}}" \
    "line 1: amend: field 'text' of speech: is required" "import amend text=null"
is "nothing was written" "$("$GIJI" log "$m" | wc -l)" "$n0"
check "add amend for=4 (a valid correction)" "$GIJI" add "$m" amend target="$tally" 'data:={"for":4,"note":"数え直し"}'
check "add amend of the speech's text" "$GIJI" add "$m" amend target="$speech" 'data:={"text":"賛成いたします。"}'
contains "the stats read the amended tally" "$("$GIJI" stats "$m" --json)" '"for":4,"against":1'

# --- another writer's order: giji import accepts what giji add refuses ----
f=$T/order.giji
"$GIJI" new "$f" >/dev/null 2>&1
cat > "$T/order.jsonl" <<'EOF2'
{"type":"meta.set","data":{"title":"順序の検証","date":"2022-06-27"}}
{"type":"meeting.open","ts":"2022-06-27T14:00:00+09:00","data":{}}
{"type":"speech","ts":"2022-06-27T14:01:00+09:00","data":{"speaker":"late","text":"先に話しました。"}}
{"type":"member.add","data":{"id":"late","name":"遅井","role":"委員"}}
{"type":"agenda.add","data":{"id":"w","title":"書面の案件"}}
{"type":"agenda.open","ts":"2022-06-27T14:02:00+09:00","data":{"item":"w"}}
{"type":"vote.call","ts":"2022-06-27T14:03:00+09:00","data":{"id":"wv","item":"w","method":"written"}}
{"type":"agenda.close","ts":"2022-06-27T14:04:00+09:00","data":{"item":"w"}}
{"type":"vote.tally","ts":"2022-06-30T10:00:00+09:00","data":{"vote":"wv","ballots":{"late":"yes"}}}
{"type":"vote.call","ts":"2022-06-30T10:01:00+09:00","data":{"id":"rc","item":"w","method":"rollcall"}}
{"type":"vote.tally","ts":"2022-06-30T10:02:00+09:00","data":{"vote":"rc","ballots":{"later":"no"}}}
{"type":"member.add","data":{"id":"later","name":"後田","role":"委員"}}
{"type":"meeting.close","ts":"2022-06-27T14:05:00+09:00","data":{}}
EOF2
check "import: a speaker or a ballot named before member.add, ballots after the item closed" \
    sh -c "'$GIJI' import '$f' < '$T/order.jsonl'"
check "and it verifies" "$GIJI" verify "$f"
"$GIJI" minutes "$f" --style verbatim --labels name >"$T/order.txt"
contains "the early speech is labelled by the member added later" \
    "$(cat "$T/order.txt")" "【遅 井】先に話しました。"
"$GIJI" stats "$f" --json >"$T/order.json"
contains "the late written ballot is counted" "$(cat "$T/order.json")" '"for":1'
contains "the roll call's ballot by a member added later too" \
    "$(cat "$T/order.json")" '"id":"rc","item":"w","method":"rollcall","tallies":1,"for":0,"against":1'
check_fail "giji add still refuses an unknown speaker" \
    "$GIJI" add "$f" speech speaker=nobody text=x
contains "naming it" "$(cat "$T/.out")" "unknown member 'nobody'"
check_fail "giji add still refuses a tally on a closed item" \
    "$GIJI" add "$f" vote.tally vote=wv for:=1
contains "saying so" "$(cat "$T/.out")" "which is closed"

done_testing
