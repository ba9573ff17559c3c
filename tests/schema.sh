#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/schema.sh: schema version 2 (the data_ columns). A version-1 file
# is read as it is by read-only commands, migrated by the first command
# that writes, with the same rows, chain and minutes; giji verify catches
# a data_ column that no longer matches its payload.
. "${top_srcdir:-.}/tests/lib.sh"
F="$top_srcdir/tests/fixtures/verbatim-role.jsonl"

"$GIJI" new "$T/v2.giji" >/dev/null
"$GIJI" import "$T/v2.giji" <"$F" >/dev/null
is "a new file is schema 2" "$(sqlite3 "$T/v2.giji" 'PRAGMA user_version')" 2
is "data_ columns hold the payload's fields" \
    "$(sqlite3 "$T/v2.giji" "SELECT count(*) FROM events WHERE data_speaker IS NOT json_extract(payload, '\$.speaker') OR data_text IS NOT json_extract(payload, '\$.text') OR data_started IS NOT json_extract(payload, '\$.started')")" 0
is "some speeches have them" \
    "$(sqlite3 "$T/v2.giji" "SELECT count(*) > 0 FROM events WHERE type = 'speech' AND data_text IS NOT NULL AND data_speaker IS NOT NULL")" 1

# A version-1 file, as giji 0.1.0 of the first session wrote it (its SQL
# byte for byte: giji opens only the schemas it wrote): the same rows in
# the old events table.
sqlite3 "$T/v1.giji" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
CREATE TABLE events ( seq INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, ts INTEGER NOT NULL, station TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL CHECK (json_valid(payload)), prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX events_type ON events (type, seq);
CREATE INDEX events_id ON events (type, json_extract(payload, '\$.id'));
CREATE INDEX events_item ON events (json_extract(payload, '\$.item')) WHERE type IN ('agenda.open', 'agenda.close');
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only: record an amend event'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only: record a retract event'); END;
CREATE TABLE head ( id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE drafts ( station TEXT PRIMARY KEY, speaker TEXT, text TEXT NOT NULL, started INTEGER, updated INTEGER NOT NULL);
ATTACH '$T/v2.giji' AS n;
INSERT INTO events SELECT seq, uuid, ts, station, type, payload, prev_hash,
 hash FROM n.events ORDER BY seq;
INSERT INTO head SELECT * FROM n.head;
DETACH n;
PRAGMA application_id = 1734961769;
PRAGMA user_version = 1;
SQL
chmod 600 "$T/v1.giji"
cp "$T/v1.giji" "$T/v1-orig.giji"
check "a version-1 file verifies" "$GIJI" verify "$T/v1.giji"
for fmt in text html json akn; do
	"$GIJI" minutes "$T/v2.giji" --format $fmt >"$T/m2.$fmt"
	"$GIJI" minutes "$T/v1.giji" --format $fmt >"$T/m1.$fmt"
	check "version 1 read as it is gives the same minutes ($fmt)" \
	    cmp "$T/m1.$fmt" "$T/m2.$fmt"
done
"$GIJI" minutes "$T/v1.giji" --public >"$T/p1.txt"
"$GIJI" minutes "$T/v2.giji" --public >"$T/p2.txt"
check "and the same public minutes" cmp "$T/p1.txt" "$T/p2.txt"
"$GIJI" stats "$T/v1.giji" --json >"$T/s1.json"
"$GIJI" stats "$T/v2.giji" --json >"$T/s2.json"
check "and the same statistics" cmp "$T/s1.json" "$T/s2.json"
is "read-only commands leave it at version 1" \
    "$(sqlite3 "$T/v1.giji" 'PRAGMA user_version')" 1
"$GIJI" log --json "$T/v1.giji" >"$T/l1.jsonl"

check "the first write migrates it" \
    "$GIJI" add "$T/v1.giji" note text=移行後の記録
is "now schema 2" "$(sqlite3 "$T/v1.giji" 'PRAGMA user_version')" 2
check "the migrated file verifies" "$GIJI" verify "$T/v1.giji"
"$GIJI" log --json "$T/v1.giji" | head -n "$(wc -l <"$T/l1.jsonl")" >"$T/l2.jsonl"
check "every event kept byte for byte (log --json)" cmp "$T/l1.jsonl" "$T/l2.jsonl"
is "the triggers and indexes came back (and events_target)" "$(sqlite3 "$T/v1.giji" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index') AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name)")" \
    "events_id events_item events_no_delete events_no_update events_target events_type"
plan=$(sqlite3 "$T/v1.giji" "EXPLAIN QUERY PLAN SELECT 1 FROM events WHERE type IN ('amend', 'retract', 'redact') AND json_extract(payload, '\$.target') = 'x' AND seq > 1 ORDER BY seq")
contains "the corrections of an event are found by index (log_corrected's query; not a scan per amend)" \
    "$plan" "USING INDEX events_target"
check_fail "and still refuse an update" \
    sqlite3 "$T/v1.giji" "UPDATE events SET payload = '{}' WHERE seq = 1"
is "the migrated file has its data_ columns" \
    "$(sqlite3 "$T/v1.giji" "SELECT data_text FROM events ORDER BY seq DESC LIMIT 1")" 移行後の記録
"$GIJI" minutes "$T/v1.giji" >"$T/m3.text"
contains "its minutes carry the new note" "$(cat "$T/m3.text")" 移行後の記録

# forge COLUMN SEQ VALUE FILE: the generated column data_COLUMN turned
# into a plain one through writable_schema, updated with triggers off,
# and the schema put back as giji wrote it (giji opens no other). The
# chain still holds; verify must not.
forge() {
	cp "$T/v2.giji" "$4"
	orig=$(sqlite3 "$4" "SELECT replace(sql, '''', '''''') FROM sqlite_master WHERE name = 'events'")
	sqlite3 "$4" >/dev/null 2>&1 <<SQL
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql,
 'data_$1 AS (json_extract(payload, ''\$.$1'')) STORED', 'data_$1')
 WHERE name = 'events';
SQL
	sqlite3 "$4" ".dbconfig enable_trigger off" "UPDATE events SET data_$1 = $3 WHERE seq = $2" >/dev/null
	sqlite3 "$4" >/dev/null 2>&1 <<SQL
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = '$orig' WHERE name = 'events';
SQL
}

seq=$(sqlite3 "$T/v2.giji" "SELECT seq FROM events WHERE type = 'speech' ORDER BY seq LIMIT 1")
forge text "$seq" "'偽造された発言'" "$T/forged.giji"
is "the forgery took" "$(sqlite3 "$T/forged.giji" "SELECT data_text FROM events WHERE seq = $seq")" 偽造された発言
check_fail "verify refuses a forged data_ column" "$GIJI" verify "$T/forged.giji"
contains "and names the event" "$(cat "$T/.out")" "seq $seq: the stored copy"
check_fail "add refuses to write into it" "$GIJI" add "$T/forged.giji" note text=x

# Each of the five columns given another value (or NULL) on a speech that
# has the field.
for col in speaker text label kind started; do
	seq=$(sqlite3 "$T/v2.giji" "SELECT seq FROM events WHERE type = 'speech' AND data_$col IS NOT NULL ORDER BY seq LIMIT 1")
	if [ -z "$seq" ]; then
		seq=$(sqlite3 "$T/v2.giji" "SELECT seq FROM events WHERE type = 'speech' ORDER BY seq LIMIT 1")
		new="'x'"
	else
		new=NULL
	fi
	forge "$col" "$seq" "$new" "$T/f-$col.giji"
	check_fail "verify catches a forged data_$col (seq $seq set to $new)" \
	    "$GIJI" verify "$T/f-$col.giji"
	contains "for that reason" "$(cat "$T/.out")" "seq $seq: the stored copy"
done

# A table in the migration's way: the file is not one giji wrote, and is
# refused before anything is written, naming the table.
cp "$T/v1-orig.giji" "$T/stuck.giji"
sqlite3 "$T/stuck.giji" "CREATE TABLE events_v2 (x)"
sqlite3 "$T/stuck.giji" .dump >"$T/stuck.before"
check_fail "a file with a table in the migration's way is refused" \
    "$GIJI" add "$T/stuck.giji" note text=x
contains "naming the table" "$(cat "$T/.out")" "an unexpected table 'events_v2'"
sqlite3 "$T/stuck.giji" .dump >"$T/stuck.after"
check "and nothing changed" cmp "$T/stuck.before" "$T/stuck.after"
done_testing
