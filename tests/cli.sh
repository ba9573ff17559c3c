#!/bin/sh
# SPDX-License-Identifier: ISC
# CLI tests: new, add (typed values), import (all or nothing, line
# numbers, round trip), log, verify, exit codes, refusing bad files, and
# a third-party recomputation of the chain with sqlite3 and sha256sum.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/m.giji

check "giji --version" "$GIJI" --version
check "giji --help" "$GIJI" --help
"$GIJI" add >/dev/null 2>&1; is "add without arguments exits 2" $? 2
"$GIJI" new >/dev/null 2>&1; is "new without FILE exits 2" $? 2
"$GIJI" log "$T/none.giji" >/dev/null 2>&1; is "log of a missing file exits 1" $? 1

check "new" "$GIJI" new "$m" --title "令和4年度第1回審議会" --date 2022-06-27 --place "第1会議室"
check_fail "new refuses an existing file" "$GIJI" new "$m"
check_fail "new refuses a bad date" "$GIJI" new "$T/x.giji" --date 2022-02-30
is "file mode 0600" "$(stat -c %a "$m")" 600
check "add member" "$GIJI" add "$m" member.add id=ito name=伊藤 role=委員 agenda=a1,a2
check "add member (chair)" "$GIJI" add "$m" member.add id=ueda name=上田 role=会長 kind=chair
check "add meta with typed values" "$GIJI" add "$m" meta.set seats=21 quorum=majority public=false
check "add agenda item" "$GIJI" add "$m" agenda.add id=a1 title=諮問第1号
check "add raw JSON with :=" "$GIJI" add "$m" agenda.open item=a1 'joint:=[]'
check_fail "add seats=many is refused" "$GIJI" add "$m" meta.set seats=many
"$GIJI" add "$m" speech speaker=nobody text=x 2>"$T/err"; rc=$?
is "unknown speaker exits 1" "$rc" 1
contains "the message names the file and the field" "$(cat "$T/err")" "m.giji: speech: field 'speaker': unknown member 'nobody'"
out=$("$GIJI" add "$m" speech speaker=ito text='本日はよろしくお願いします。')
contains "add prints seq and uuid" "$out" "	"
uuid=${out#*	}
check "amend by uuid" "$GIJI" add "$m" amend target="$uuid" 'data:={"text":"本日はよろしくお願いいたします。"}'
json=$("$GIJI" log "$m" --json)
contains "log --json has the member's list" "$json" '"agenda":["a1","a2"]'
contains "log --json has typed integers" "$json" '"seats":21'
contains "log --json has booleans" "$json" '"public":false'
contains "log --json has the meeting's offset" "$json" '"ts":"2022-06-27T14:00:00+09:00"'
contains "log text form" "$("$GIJI" log "$m")" "speech"
check "verify" "$GIJI" verify "$m"

# new --like copies the meta fields and the roster of an earlier meeting.
check "new --like" "$GIJI" new "$T/next.giji" --like "$m" --title "令和4年度第2回審議会"
like=$("$GIJI" log "$T/next.giji" --json)
contains "--like copies the roster" "$like" '"name":"上田"'
contains "--like copies meta" "$like" '"seats":21'
contains "--like sets the new title" "$like" '第2回'
case $like in *agenda.add*) tap_result 1 "--like leaves the agenda" ;; *) tap_result 0 "--like leaves the agenda" ;; esac

# Export → import round-trips byte for byte.
"$GIJI" log "$m" --json > "$T/ex.jsonl"
check "new r" "$GIJI" new "$T/r.giji"
check "import the export" sh -c "'$GIJI' import '$T/r.giji' < '$T/ex.jsonl'"
"$GIJI" log "$T/r.giji" --json > "$T/re.jsonl"
check "round trip is byte-identical" cmp "$T/ex.jsonl" "$T/re.jsonl"

# A bad line: reported with its number, nothing half-applied.
n0=$("$GIJI" log "$T/r.giji" | wc -l)
printf '%s\n%s\n%s\n' '{"type":"note","data":{"text":"一"}}' '' \
    '{"type":"note","data":{"txt":"二"}}' > "$T/bad.jsonl"
"$GIJI" import "$T/r.giji" < "$T/bad.jsonl" 2>"$T/err"; rc=$?
is "bad import exits 1" "$rc" 1
contains "names the line" "$(cat "$T/err")" "line 3: note: field 'text' is required"
is "nothing was imported" "$("$GIJI" log "$T/r.giji" | wc -l)" "$n0"
printf '{"type":"note","data":{"text":"\377"}}\n' > "$T/bad8.jsonl"
"$GIJI" import "$T/r.giji" < "$T/bad8.jsonl" 2>"$T/err"
contains "invalid UTF-8 is refused" "$(cat "$T/err")" "line 1: not valid UTF-8"
printf '{"type":"note","ts":"2022-06-27T15:00:00+09:00","data":{"text":"付記","x-tool":{"v":1}},"extra":1}\n' > "$T/unk.jsonl"
check "unknown fields are accepted" sh -c "'$GIJI' import '$T/r.giji' < '$T/unk.jsonl'"
contains "and kept" "$("$GIJI" log "$T/r.giji" --json | tail -1)" '"x-tool":{"v":1}'

# Files that are not meetings: a clear message, never a write.
printf 'hello\n' > "$T/text.giji"
"$GIJI" log "$T/text.giji" 2>"$T/err"; rc=$?
is "a text file exits 1" "$rc" 1
contains "and says so" "$(cat "$T/err")" "not a giji meeting"
is "and is untouched" "$(cat "$T/text.giji")" "hello"
sqlite3 "$T/other.db" 'CREATE TABLE t(x)'
"$GIJI" add "$T/other.db" note text=x 2>"$T/err"
contains "another program's database is refused" "$(cat "$T/err")" "another program"
cp "$m" "$T/ro.giji"; chmod 0400 "$T/ro.giji"
if [ "$(id -u)" != 0 ]; then
	"$GIJI" add "$T/ro.giji" note text=x 2>"$T/err"
	contains "a read-only file is refused" "$(cat "$T/err")" "not writable"
fi
check "a read-only file can be verified" "$GIJI" verify "$T/ro.giji"

# A third party recomputes every hash with sqlite3 and sha256sum.
last=$(sqlite3 "$m" 'SELECT max(seq) FROM events')
bad=0; prev=0000000000000000000000000000000000000000000000000000000000000000
seq=1
while [ "$seq" -le "$last" ]; do
	h=$(sqlite3 "$m" "SELECT prev_hash||char(10)||seq||char(10)||uuid||char(10)||ts||char(10)||station||char(10)||type||char(10)||payload FROM events WHERE seq=$seq" | sha256sum | cut -d' ' -f1)
	stored=$(sqlite3 "$m" "SELECT prev_hash||' '||hash FROM events WHERE seq=$seq")
	[ "$stored" = "$prev $h" ] || bad=$((bad + 1))
	prev=$h
	seq=$((seq + 1))
done
is "sqlite3 + sha256sum recompute all $last hashes" "$bad" 0

# A station name longer than the buffer giji gathers the fields in before
# they go to SHA-256 (512 bytes): the same hash.
long=$(head -c 600 /dev/zero | tr '\0' s)
GIJI_STATION=$long "$GIJI" new "$T/long.giji" >/dev/null
GIJI_STATION=$long "$GIJI" add "$T/long.giji" note text=x >/dev/null
is "a 600-byte station: sqlite3 + sha256sum give the stored hash" \
    "$(sqlite3 "$T/long.giji" "SELECT prev_hash||char(10)||seq||char(10)||uuid||char(10)||ts||char(10)||station||char(10)||type||char(10)||payload FROM events WHERE seq=1" | sha256sum | cut -d' ' -f1)" \
    "$(sqlite3 "$T/long.giji" "SELECT hash FROM events WHERE seq=1")"
check "and verify agrees" "$GIJI" verify "$T/long.giji"

# Tampering with the triggers dropped: verify names the seq.
for what in payload ts delete; do
	cp "$m" "$T/t.giji"
	case $what in
	payload) sqlite3 "$T/t.giji" .dbconfig\ enable_trigger\ off "UPDATE events SET payload=replace(payload,'伊藤','伊東') WHERE seq=2" >/dev/null ;;
	ts) sqlite3 "$T/t.giji" .dbconfig\ enable_trigger\ off "UPDATE events SET ts=ts+1 WHERE seq=4" >/dev/null ;;
	delete) sqlite3 "$T/t.giji" .dbconfig\ enable_trigger\ off "DELETE FROM events WHERE seq=3" >/dev/null ;;
	esac
	"$GIJI" verify "$T/t.giji" 2>"$T/err"; rc=$?
	is "verify catches a changed $what (exit 1)" "$rc" 1
	case $what in
	payload) contains "and names seq 2" "$(cat "$T/err")" "seq 2: hash mismatch" ;;
	ts) contains "and names seq 4" "$(cat "$T/err")" "seq 4: hash mismatch" ;;
	delete) contains "and names seq 4" "$(cat "$T/err")" "seq 4: expected seq 3" ;;
	esac
done
cp "$m" "$T/t.giji"
sqlite3 "$T/t.giji" .dbconfig\ enable_trigger\ off "DELETE FROM events WHERE seq=(SELECT max(seq) FROM events)" >/dev/null
check_fail "verify catches a removed last event" "$GIJI" verify "$T/t.giji"
head -c 8192 "$m" > "$T/trunc.giji"
check_fail "a truncated file fails verify" "$GIJI" verify "$T/trunc.giji"

# --help of each command, and a missing file named with what to do.
for c in import log verify; do
	check "$c --help exits 0" "$GIJI" $c --help
	contains "$c --help prints its usage" "$(cat "$T/.out")" "usage: giji $c"
done
check_fail "import into a missing file" sh -c "'$GIJI' import '$T/none.giji' </dev/null"
contains "says to create it" "$(cat "$T/.out")" "no such meeting file: create it with giji new"
check_fail "minutes of a missing file" "$GIJI" minutes "$T/none.giji"
contains "the same" "$(cat "$T/.out")" "no such meeting file"
check "and nothing was created" test ! -e "$T/none.giji"

# A time without its offset is the meeting's local time (meta.set tz).
"$GIJI" new "$T/tz.giji"
"$GIJI" add "$T/tz.giji" meta.set tz=Australia/Sydney >/dev/null
"$GIJI" add --ts 2026-03-18T18:02 "$T/tz.giji" note text=a >/dev/null
echo '{"type":"note","ts":"2026-07-01T09:30","data":{"text":"b"}}' |
    "$GIJI" import "$T/tz.giji" 2>"$T/imp.err"
"$GIJI" log --json "$T/tz.giji" >"$T/tz.json"
contains "add --ts without an offset: the meeting's zone (daylight time)" \
    "$(cat "$T/tz.json")" '"ts":"2026-03-18T18:02:00+11:00"'
contains "import: the same (standard time)" "$(cat "$T/tz.json")" \
    '"ts":"2026-07-01T09:30:00+10:00"'
is "import says one event" "$(cat "$T/imp.err")" "$T/tz.giji: imported 1 event"

# A style giji cannot find is said when it is set, and recorded anyway.
"$GIJI" add "$T/tz.giji" meta.set style=verbatm >/dev/null 2>"$T/st.err"
contains "meta.set style that giji cannot find: a warning" "$(cat "$T/st.err")" \
    "warning: no style 'verbatm'"
contains "and the event is recorded" "$("$GIJI" log "$T/tz.giji" | tail -1)" '"style":"verbatm"'
"$GIJI" add "$T/tz.giji" meta.set style=verbatim >/dev/null 2>"$T/st.err"
is "a style it finds: no warning" "$(cat "$T/st.err")" ""

# Options after FILE, and the event's time or uuid given as fields.
"$GIJI" new "$T/opt.giji" >/dev/null
check_fail "add FILE TYPE --ts=...: refused" "$GIJI" add "$T/opt.giji" note \
    text=a --ts=2026-03-18T18:02
contains "saying options go before FILE" "$(cat "$T/.out")" \
    "the event's time and uuid are options, given before FILE"
check_fail "a field named ts: refused the same" "$GIJI" add "$T/opt.giji" note \
    text=a ts=2026-03-18T18:02
check_fail "uuid too" "$GIJI" add "$T/opt.giji" note text=a \
    uuid=11111111-2222-4333-8444-555555555555
check_fail "add FILE --ts ...: the option taken for a type" "$GIJI" add \
    "$T/opt.giji" --ts=2026-03-18T18:02 note text=a
contains "says so" "$(cat "$T/.out")" "'--ts=2026-03-18T18:02' is an option: options go before FILE"
is "nothing was recorded" "$("$GIJI" log "$T/opt.giji" | grep -c note)" 0

# A date the vocabulary reads is YYYY-MM-DD, a day of the calendar.
for d in 18/03/2025 2025-3-18 2025-02-30 "2025-03-18 "; do
	check_fail "meta.set date='$d': refused" "$GIJI" add "$T/opt.giji" \
	    meta.set "date=$d"
done
contains "naming the form" "$(cat "$T/.out")" "is not a date like 2025-07-01"
printf '{"type":"meta.set","data":{"date":"18/03/2025"}}\n' >"$T/d.jsonl"
check "an import keeps another writer's" "$GIJI" import "$T/opt.giji" <"$T/d.jsonl"
contains "with a warning" "$(cat "$T/.out")" "warning: meta.set: field 'date': \"18/03/2025\" is not a date like 2025-07-01"
check "2025-03-18 is one" "$GIJI" add "$T/opt.giji" meta.set date=2025-03-18
check_fail "action due=next week: refused" "$GIJI" add "$T/opt.giji" action \
    text=x "due=next week"

done_testing
