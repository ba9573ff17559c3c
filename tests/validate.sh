#!/bin/sh
# What giji add and giji import let into the log: an explicit time of 0
# (1970-01-01T00:00:00Z) is kept, not read as "now".
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

done_testing
