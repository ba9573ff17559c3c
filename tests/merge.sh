#!/bin/sh
# SPDX-License-Identifier: ISC
# giji import --skip-existing: a station that recorded offline from a copy
# of the meeting hands over its record; the events both files hold are
# skipped, a uuid held with anything different is refused naming the seq,
# and the merged events take the seqs after the file's last.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/main.giji
check "new" "$GIJI" new "$m" --title "第1回審議会"
check "import a meeting" sh -c "'$GIJI' import '$m' < '$top_srcdir/tests/fixtures/summary.jsonl'"
n0=$("$GIJI" log "$m" | wc -l)

# The laptop starts from a copy, then both record on their own (the
# laptop while the meeting sat: its events follow the close in the log,
# but no warning says they were recorded after it).
check "the laptop's copy" "$GIJI" backup "$m" "$T/laptop.giji"
GIJI_STATION=laptop GIJI_NOW=2021-10-19T11:00:00+09:00 \
    "$GIJI" add "$T/laptop.giji" note text="ノート端末で記録した一" >/dev/null
GIJI_STATION=laptop GIJI_NOW=2021-10-19T11:01:00+09:00 \
    "$GIJI" add "$T/laptop.giji" speech speaker=mori text="ノート端末で記録した発言" >/dev/null
"$GIJI" add "$m" note text="本体で記録した" >/dev/null

"$GIJI" log --json "$T/laptop.giji" > "$T/laptop.jsonl"
"$GIJI" import "$m" < "$T/laptop.jsonl" 2>"$T/err"; rc=$?
is "without --skip-existing the batch is refused" "$rc" 1
contains "... naming the seq and the option" "$(cat "$T/err")" \
    "line 1: meta.set: uuid "
contains "... and --skip-existing" "$(cat "$T/err")" "import it with --skip-existing"
is "... nothing imported" "$("$GIJI" log "$m" | wc -l)" $((n0 + 1))

"$GIJI" import --skip-existing "$m" < "$T/laptop.jsonl" 2>"$T/err"; rc=$?
is "--skip-existing exits 0" "$rc" 0
is "it says what it imported and skipped" "$(cat "$T/err")" \
    "$m: imported 2 events, skipped $n0 already in the log"
check "the merged file verifies" "$GIJI" verify "$m"
check "verify --strict: the laptop's speech, recorded while the meeting sat, is sound" \
    "$GIJI" verify --strict "$m"
is "every event once" "$("$GIJI" log "$m" | wc -l)" $((n0 + 3))
log=$("$GIJI" log --json "$m")
is "the laptop's events follow the file's own, by seq" \
    "$(printf '%s\n' "$log" | tail -n 3 | sed 's/.*"text":"\([^"]*\)".*/\1/')" \
    "本体で記録した
ノート端末で記録した一
ノート端末で記録した発言"
contains "... keeping their station" "$(printf '%s\n' "$log" | tail -n 1)" '"station":"laptop"'
contains "... and their time" "$(printf '%s\n' "$log" | tail -n 1)" '"ts":"2021-10-19T11:01:00+09:00"'
contains "the minutes hold the merged speech" "$("$GIJI" minutes "$m")" "ノート端末で記録した発言"

"$GIJI" import --skip-existing "$m" < "$T/laptop.jsonl" 2>"$T/err"; rc=$?
is "merging again changes nothing" "$rc/$(cat "$T/err")" \
    "0/$m: imported 0 events, skipped $((n0 + 2)) already in the log"
is "... no event added" "$("$GIJI" log "$m" | wc -l)" $((n0 + 3))

# The same uuid with anything different: refused, naming the seq.
before=$("$GIJI" log --json "$m" | md5sum)
last=$(tail -n 1 "$T/laptop.jsonl")
seq=$(printf '%s' "$last" | sed 's/^{"seq":\([0-9]*\),.*/\1/')
mseq=$("$GIJI" log --json "$m" | grep -n "$(printf '%s' "$last" |
    sed 's/.*"uuid":"\([^"]*\)".*/\1/')" | cut -d: -f1)
for what in data time station type; do
	case $what in
	data) bad=$(printf '%s' "$last" | sed 's/記録した発言/記録しなかった発言/') ;;
	time) bad=$(printf '%s' "$last" | sed 's/11:01:00/11:02:00/') ;;
	station) bad=$(printf '%s' "$last" | sed 's/"station":"laptop"/"station":"other"/') ;;
	type) bad=$(printf '%s' "$last" | sed 's/"type":"speech"/"type":"note"/') ;;
	esac
	{ printf '%s\n' '{"type":"note","data":{"text":"新しい"}}'; printf '%s\n' "$bad"; } |
	    "$GIJI" import --skip-existing "$m" 2>"$T/err"; rc=$?
	is "another $what under the same uuid is refused" "$rc" 1
	contains "... naming the line, the seq and what differs" "$(cat "$T/err")" \
	    "line 2: $( [ $what = type ] && echo note || echo speech): uuid"
	contains "... (seq)" "$(cat "$T/err")" "already in the log as seq $mseq with another $what"
done
is "... and nothing was imported" "$("$GIJI" log --json "$m" | md5sum)" "$before"
is "the laptop's seq differs from the merged one" "$([ "$seq" != "$mseq" ] && echo yes)" yes

# A line without a time cannot be the same event as one that has one.
nots=$(printf '%s' "$last" | sed 's/"ts":"[^"]*",//')
printf '%s\n' "$nots" | "$GIJI" import --skip-existing "$m" 2>"$T/err"; rc=$?
is "a line without ts under a known uuid is refused" "$rc" 1
contains "... saying so" "$(cat "$T/err")" "another time (the line has none)"

done_testing
