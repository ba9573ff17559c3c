#!/bin/sh
# SPDX-License-Identifier: ISC
# giji backup: a copy through SQLite's backup API, verified, put in place
# in one step; refused over an existing file without --force; taken while
# other processes append (every copy a sound prefix of the file); a file
# whose record was altered is copied as it is and said to be so.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/m.giji
check "new" "$GIJI" new "$m" --title "第1回審議会"
check "import a meeting" sh -c "'$GIJI' import '$m' < '$top_srcdir/tests/fixtures/summary.jsonl'"
n=$("$GIJI" log "$m" | wc -l)
head=$("$GIJI" verify "$m" | sed 's/.*head //')

out=$("$GIJI" backup "$m" "$T/copy.giji" 2>&1); rc=$?
is "backup exits 0" "$rc" 0
is "it names the copy, the events and the head" "$out" \
    "$T/copy.giji: $n events copied and verified, head $head"
check "the copy verifies" "$GIJI" verify "$T/copy.giji"
"$GIJI" log --json "$m" > "$T/a.jsonl"
"$GIJI" log --json "$T/copy.giji" > "$T/b.jsonl"
check "the copy holds the same events, byte for byte" cmp "$T/a.jsonl" "$T/b.jsonl"
is "the copy is 0600" "$(stat -c %a "$T/copy.giji")" 600
is "nothing is left beside it" "$(ls -A "$T" | grep -c '^\.copy')" 0

"$GIJI" backup "$m" "$T/copy.giji" 2>"$T/err"; rc=$?
is "an existing DEST is refused" "$rc" 1
contains "... saying how to replace it" "$(cat "$T/err")" "copy.giji: already exists: use --force to replace it"
"$GIJI" add "$m" note text=追記 >/dev/null
check "--force replaces it" "$GIJI" backup --force "$m" "$T/copy.giji"
is "the new copy has the new event" "$("$GIJI" log "$T/copy.giji" | wc -l)" $((n + 1))

mkdir "$T/dir"
check "into a folder" "$GIJI" backup "$m" "$T/dir"
check "... under the file's own name" "$GIJI" verify "$T/dir/m.giji"
"$GIJI" backup "$m" "$T/none/x.giji" 2>"$T/err"; rc=$?
is "a missing folder exits 1" "$rc" 1
contains "... naming DEST and what to do" "$(cat "$T/err")" "none/x.giji: cannot create"
"$GIJI" backup "$T/missing.giji" "$T/y.giji" 2>"$T/err"; rc=$?
is "a missing FILE exits 1" "$rc" 1
[ -e "$T/y.giji" ]; is "... and writes nothing" $? 1
"$GIJI" backup "$m" >/dev/null 2>&1; is "backup without DEST exits 2" $? 2

# While four writers append, every copy is one moment of the file: it
# verifies, and its events are the file's first ones.
i=0
for w in 1 2 3 4; do
	( j=0; while [ $j -lt 40 ]; do
		"$GIJI" add "$m" note "text=writer $w line $j" >/dev/null || exit 1
		j=$((j + 1)); done ) &
done
bad=0
while [ $i -lt 12 ]; do
	if ! "$GIJI" backup --force "$m" "$T/live.giji" >"$T/.b" 2>&1 ||
	    ! "$GIJI" verify "$T/live.giji" >/dev/null 2>&1; then
		bad=$((bad + 1)); cat "$T/.b"
	fi
	c=$("$GIJI" log --json "$T/live.giji" | wc -l)
	"$GIJI" log --json "$T/live.giji" > "$T/live.jsonl"
	"$GIJI" log --json "$m" | head -n "$c" > "$T/prefix.jsonl"
	cmp -s "$T/live.jsonl" "$T/prefix.jsonl" || bad=$((bad + 1))
	i=$((i + 1))
done
wait
is "12 copies during 160 appends: each verifies and is a prefix" "$bad" 0
is "every append landed" "$("$GIJI" log "$m" | wc -l)" $((n + 1 + 160))

# A file altered behind giji's back: the copy keeps it as it is (nothing
# recorded is dropped), and both giji backup and the copy say where.
cp "$m" "$T/t.giji"
s=$(sqlite3 "$T/t.giji" "SELECT min(seq) FROM events WHERE payload LIKE '%森%'")
sqlite3 "$T/t.giji" ".dbconfig enable_trigger off" \
    "UPDATE events SET payload = replace(payload, '森', '林') WHERE seq = $s" >/dev/null
"$GIJI" verify "$T/t.giji" >/dev/null 2>&1; is "the altered file fails verify" $? 1
"$GIJI" backup "$T/t.giji" "$T/t-copy.giji" 2>"$T/err"; rc=$?
is "backup of it exits 1" "$rc" 1
contains "... naming the seq" "$(cat "$T/err")" "t.giji: seq $s: "
contains "... and where the copy is" "$(cat "$T/err")" "t-copy.giji holds it as it is"
"$GIJI" verify "$T/t-copy.giji" 2>"$T/err"; rc=$?
is "the copy fails verify the same way" "$rc" 1
contains "... at the same seq" "$(cat "$T/err")" "seq $s:"

done_testing
