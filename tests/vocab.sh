#!/bin/sh
# SPDX-License-Identifier: ISC
# The procedure vocabulary (issues 12 and 13) at the edges: giji add
# refuses a value outside a field's fixed list and every count the rules
# of votes refuse, naming the field, the value and what is allowed; it
# warns about a field name it does not know, naming the nearest; giji
# import keeps such events with a warning naming the seq; giji verify
# --strict lists the same problems for any file and exits 1; the new
# events and fields go through giji log --json and giji import unchanged.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2025-07-01T10:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/m.giji

# refused WHAT WANT ARGS...: giji add ARGS exits 1, the message has WANT
refused() {
	what=$1 want=$2
	shift 2
	"$GIJI" add "$m" "$@" >/dev/null 2>"$T/err"
	is "$what: refused" "$?" 1
	contains "$what: the message" "$(cat "$T/err")" "$want"
}

"$GIJI" new "$m" >/dev/null
"$GIJI" add "$m" meta.set seats=4 >/dev/null
"$GIJI" add "$m" member.add id=ch name=議長 role=議長 kind=chair >/dev/null
"$GIJI" add "$m" member.add id=a name=青木 seat=15 >/dev/null
"$GIJI" add "$m" member.add id=b name=馬場 >/dev/null
"$GIJI" add "$m" agenda.add id=i title=条例 kind=ordinance >/dev/null
"$GIJI" add "$m" agenda.open item=i >/dev/null
n0=$("$GIJI" log "$m" | wc -l)

# --- a value outside a fixed list: refused, naming what is allowed -----
refused "vote.call rule=two-thirds" \
    "m.giji: vote.call: field 'rule': unknown value \"two-thirds\": expected majority, majority_present, majority_seats, two_thirds, two_thirds_present, two_thirds_seats, three_quarters, three_quarters_present, three_quarters_seats, four_fifths, four_fifths_present, four_fifths_seats or unanimity" \
    vote.call id=v1 item=i method=hands rule=two-thirds
refused "meta.set chair=sometimes" \
    "meta.set: field 'chair': unknown value \"sometimes\": expected casting, votes, second or when_needed" \
    meta.set chair=sometimes
refused "meta.set abstain=maybe" \
    "meta.set: field 'abstain': unknown value \"maybe\": expected not_cast or cast" \
    meta.set abstain=maybe
refused "meta.set quorum=most" \
    "meta.set: field 'quorum': unknown value \"most\": expected a number or majority" \
    meta.set quorum=most
refused "member.add kind=mayor" \
    "member.add: field 'kind': unknown value \"mayor\": expected member, chair, vice, presiding, staff, group or observer" \
    member.add id=x name=x kind=mayor
refused "attendance status=excused" \
    "attendance: field 'status': unknown value \"excused\": expected present, absent, arrived, left, apologies, remote, written or proxy" \
    attendance member=a status=excused
refused "a holder on an attendance that is no proxy" \
    "attendance: field 'holder': only a proxy has a holder (status proxy)" \
    attendance member=a status=written holder=b
refused "a member holding their own proxy" \
    "attendance: field 'holder': a cannot hold their own proxy" \
    attendance member=a status=proxy holder=a
refused "meta.set tz=Mars/Olympus" \
    "meta.set: field 'tz': 'Mars/Olympus' is not a time zone this system knows" \
    meta.set tz=Mars/Olympus
refused "meta.set tz: a path" \
    "meta.set: field 'tz': '/etc/passwd' is not a time zone this system knows" \
    meta.set tz=/etc/passwd
refused "meta.set tz: a folder of zones" \
    "meta.set: field 'tz': 'Europe' is not a time zone this system knows" \
    meta.set tz=Europe
refused "note kind=aside" \
    "note: field 'kind': unknown value \"aside\": expected narrative, stage or heading" \
    note text=x kind=aside
refused "reaction kind=cheers" \
    "reaction: field 'kind': unknown value \"cheers\": expected voices, applause, laughter or other" \
    reaction text=x kind=cheers
refused "action due=soon" \
    "action: field 'due': \"soon\" is not a date like 2025-07-01" \
    action text=x due=soon
refused "a decision of no item and no vote" \
    "decision: field 'item' is required (item decided) unless field 'vote' names a motion of the meeting" \
    decision outcome=approved
is "nothing was written" "$("$GIJI" log "$m" | wc -l)" "$n0"
check "meta.set style names any style file (no fixed list)" \
    "$GIJI" add "$m" meta.set style=council-uk
check "meta.set session" "$GIJI" add "$m" meta.set session=令和7年第3回定例会

# --- a field name it does not know: kept, with the nearest named --------
"$GIJI" add "$m" vote.call id=v1 item=i method=hands moved_bye=a \
    seconded_by=b >/dev/null 2>"$T/err"
is "moved_bye=: recorded" "$?" 0
contains "moved_bye=: the nearest field" "$(cat "$T/err")" \
    "vote.call: warning: unknown field 'moved_bye' (did you mean 'moved_by'?)"
"$GIJI" add "$m" note text=x colour=red >/dev/null 2>"$T/err"
contains "colour=: no near field, the page named" "$(cat "$T/err")" \
    "unknown field 'colour'; it is kept but nothing reads it (giji-events(5) lists the fields of note)"
"$GIJI" add "$m" meta.set questions=15 >/dev/null 2>"$T/err"
contains "giji add: a meeting's own field is kept for a style's #{meta.}" \
    "$(cat "$T/err")" "field 'questions' is not in the vocabulary; it is kept, and a style may print it as #{meta.questions}"
"$GIJI" add "$m" note text=y kind=stage member=a >/dev/null 2>"$T/err"
is "a known field: no warning" "$(cat "$T/err")" ""

# --- counts the rules refuse (the chair only casts: 2 voters) ------------
refused "10 for and 5 against among 2 voters" \
    "vote.tally: vote v1: 15 votes counted but only 2 of the 3 members present may vote (the chair has only a casting vote)" \
    vote.tally vote=v1 for=10 against=5
refused "a casting vote with no tie" \
    "vote.tally: vote v1: a casting vote was given but the vote is not tied (2 for, 0 against, 2 needed)" \
    vote.tally vote=v1 for=2 against=0 casting=yes
refused "a presiding vote under chair=casting" \
    "vote.tally: vote v1: a presiding vote was given but the presiding member votes only under chair=when_needed (meta.set chair is casting)" \
    vote.tally vote=v1 for=1 against=1 presiding=yes
refused "casting=maybe" \
    "vote.tally: field 'casting': unknown value \"maybe\": expected yes or no" \
    vote.tally vote=v1 for=1 against=1 casting=maybe
check "a tie" "$GIJI" add "$m" vote.tally vote=v1 for=1 against=1
check "completed by the chair's casting vote" \
    "$GIJI" add "$m" vote.tally vote=v1 for=1 against=1 casting=yes
"$GIJI" stats "$m" --json >"$T/st.json"
contains "stats: the casting vote decides, no recount" "$(cat "$T/st.json")" \
    '"recounts":0,"rule":"majority","present":3,"quorum":3,"voters":2,"needed":2,"casting":"yes","presiding":null,"quorum_met":true,"computed":"carried"'

# --- more members present than seats (4): ch, a and b are present -------
"$GIJI" add "$m" member.add id=c name=千葉 >/dev/null
"$GIJI" add "$m" member.add id=d name=土井 >/dev/null
"$GIJI" add "$m" attendance member=c status=absent >/dev/null
"$GIJI" add "$m" attendance member=d status=absent >/dev/null
check "an arrival up to the seats" \
    "$GIJI" add "$m" attendance member=c status=arrived
refused "an arrival beyond the seats" \
    "attendance: with d arrived, 5 voting members would be present but the body has 4 seats: record who is absent (attendance), or correct meta.set seats; a presiding officer who holds no seat is member.add kind presiding" \
    attendance member=d status=arrived
check "a presiding officer holds no seat" \
    "$GIJI" add "$m" member.add id=mayor name=市長 role=Mayor kind=presiding
check "and is no member present beyond them" \
    "$GIJI" add "$m" attendance member=mayor status=present
check "remote: b still present" \
    "$GIJI" add "$m" attendance member=b status=remote
refused "remote counts as present" \
    "attendance: with d remote, 5 voting members would be present but the body has 4 seats" \
    attendance member=d status=remote
check "apologies count as absent" \
    "$GIJI" add "$m" attendance member=d status=apologies note="from item 5"

# --- reactions inside a speech ------------------------------------------
out=$("$GIJI" add "$m" speech speaker=a text=よろしいでしょうか。そのように)
sp=${out#*	}
out=$("$GIJI" add "$m" note text=登壇)
nt=${out#*	}
check "a reaction at 10 characters into the speech" \
    "$GIJI" add "$m" reaction text=了 kind=voices speech="$sp" at=10
refused "at past the end of the speech" \
    "reaction: field 'at': 16 is past the end of the speech's text (15 characters)" \
    reaction text=了 speech="$sp" at=16
refused "speech that names a note" \
    "reaction: field 'speech': $nt is a note, not a speech" \
    reaction text=了 speech="$nt"
refused "at without a speech" \
    "reaction: field 'at': an offset needs the speech it is in (field 'speech')" \
    reaction text=了 at=3

# --- the rest of the vocabulary, through log --json and import ----------
check "interest" "$GIJI" add "$m" interest member=a item=i text=親族の経営 withdraws=true
check "action" "$GIJI" add "$m" action text=告示する owner=a due=2025-07-15 item=i
check "a motion of the meeting" "$GIJI" add "$m" vote.call id=v2 method=consent motion=閉会 number=動議第1号
check "decided without an item" "$GIJI" add "$m" decision vote=v2 outcome=approved number=議決第12号
"$GIJI" add "$m" decision vote=v1 outcome=approved >/dev/null 2>"$T/err"
contains "a decision on an item's vote names the item" "$(cat "$T/err")" \
    "decision: field 'item' is required: vote 'v1' is on item 'i'"
"$GIJI" log "$m" --json >"$T/m.jsonl"
"$GIJI" new "$T/r.giji" >/dev/null
check "the whole vocabulary imports" sh -c "'$GIJI' import '$T/r.giji' < '$T/m.jsonl'"
"$GIJI" log "$T/r.giji" --json >"$T/r.jsonl"
check "and round-trips byte for byte" cmp "$T/m.jsonl" "$T/r.jsonl"
check "verify --strict: sound" "$GIJI" verify --strict "$m"

# --- another writer's file: kept with warnings, listed by --strict ------
cat >"$T/other.jsonl" <<'EOF2'
{"type":"meta.set","data":{"seats":2,"rule":"two-thirds"}}
{"type":"member.add","data":{"id":"a","name":"A"}}
{"type":"member.add","data":{"id":"b","name":"B","kind":"mayor"}}
{"type":"agenda.add","data":{"id":"i","title":"T"}}
{"type":"vote.call","data":{"id":"v1","item":"i","method":"hands"}}
{"type":"vote.tally","data":{"vote":"v1","for":10,"against":5}}
{"type":"speech","data":{"speaker":"ghost","text":"x"}}
EOF2
"$GIJI" new "$T/o.giji" >/dev/null
"$GIJI" import "$T/o.giji" <"$T/other.jsonl" 2>"$T/err"
is "import: kept" "$?" 0
contains "import: an unknown value, with the seq" "$(cat "$T/err")" \
    "o.giji: seq 1 (standard input, line 1): warning: meta.set: field 'rule': unknown value \"two-thirds\""
contains "import: an unknown kind" "$(cat "$T/err")" \
    "seq 3 (standard input, line 3): warning: member.add: field 'kind': unknown value \"mayor\""
contains "import: a count the rules refuse" "$(cat "$T/err")" \
    "seq 6 (standard input, line 6): warning: vote.tally: vote v1: meta.set rule: unknown vote rule \"two-thirds\""
contains "import: a name never added by the end" "$(cat "$T/err")" \
    "seq 7 (standard input, line 7): warning: speech: field 'speaker': 'ghost' is never added (no member.add gives that id)"
contains "import: says how many" "$(cat "$T/err")" \
    "imported 7 events; 4 warnings (above; the events are kept as written)"
"$GIJI" verify --strict "$T/o.giji" >"$T/out" 2>"$T/err"
is "verify --strict: exits 1" "$?" 1
contains "verify --strict: the rule" "$(cat "$T/err")" \
    "o.giji: seq 1: meta.set: field 'rule': unknown value \"two-thirds\""
contains "verify --strict: a name never added" "$(cat "$T/err")" \
    "o.giji: seq 7: speech: field 'speaker': 'ghost' is never added (no member.add gives that id)"
contains "verify --strict: how many" "$(cat "$T/err")" \
    "o.giji: 4 problems with the vocabulary or the rules of votes"
check "verify without --strict: the chain is sound" "$GIJI" verify "$T/o.giji"
# --- one import keeps the roster it read: a correction counts at once ---
cat >"$T/seat.jsonl" <<'EOF2'
{"type":"meta.set","data":{"seats":2}}
{"type":"member.add","uuid":"00000000-0000-4000-8000-0000000000a1","data":{"id":"p","name":"P"}}
{"type":"member.add","data":{"id":"q","name":"Q"}}
{"type":"member.add","data":{"id":"r","name":"R"}}
{"type":"attendance","data":{"member":"r","status":"absent"}}
{"type":"attendance","data":{"member":"r","status":"arrived"}}
{"type":"attendance","data":{"member":"r","status":"left"}}
{"type":"amend","data":{"target":"00000000-0000-4000-8000-0000000000a1","data":{"kind":"staff"}}}
{"type":"attendance","data":{"member":"r","status":"arrived"}}
{"type":"member.add","data":{"id":"s","name":"S"}}
{"type":"attendance","data":{"member":"s","status":"absent"}}
{"type":"attendance","data":{"member":"s","status":"arrived"}}
EOF2
"$GIJI" new "$T/seat.giji" >/dev/null
"$GIJI" import "$T/seat.giji" <"$T/seat.jsonl" >/dev/null 2>"$T/err"
contains "import: an arrival beyond the seats is warned of" "$(cat "$T/err")" \
    "seq 6 (standard input, line 6): warning: attendance: with r arrived, 3 voting members would be present but the body has 2 seats"
is "import: after an amend made a member staff, the arrival is not" \
    "$(grep -c "seq 9 " "$T/err")" 0
contains "import: a member added after it counts again" "$(cat "$T/err")" \
    "seq 12 (standard input, line 12): warning: attendance: with s arrived, 3 voting members would be present but the body has 2 seats"
# --- what only the whole file shows, warned of on import ----------------
cat >"$T/st.jsonl" <<'EOF2'
{"type":"meta.set","ts":"2024-06-27T10:00:00+09:00","data":{"seats":3}}
{"type":"member.add","ts":"2024-06-27T10:00:00+09:00","data":{"id":"a","name":"A"}}
{"type":"member.add","ts":"2024-06-27T10:00:00+09:00","data":{"id":"b","name":"B"}}
{"type":"member.add","ts":"2024-06-27T10:00:00+09:00","data":{"id":"c","name":"C"}}
{"type":"agenda.add","ts":"2024-06-27T10:00:00+09:00","data":{"id":"i","title":"I"}}
{"type":"meeting.open","ts":"2024-06-27T10:00:00+09:00"}
{"type":"agenda.open","ts":"2024-06-27T10:01:00+09:00","data":{"item":"i"}}
{"type":"vote.call","ts":"2024-06-27T10:02:00+09:00","data":{"id":"v1","item":"i","method":"hands"}}
{"type":"vote.tally","ts":"2024-06-27T10:03:00+09:00","data":{"vote":"v1","for":0,"against":3}}
{"type":"decision","ts":"2024-06-27T10:04:00+09:00","data":{"item":"i","vote":"v1","outcome":"approved"}}
{"type":"meeting.close","ts":"2024-06-27T10:05:00+09:00"}
{"type":"speech","ts":"2024-06-27T10:06:00+09:00","data":{"speaker":"a","text":"late"}}
EOF2
"$GIJI" new "$T/st.giji" >/dev/null
"$GIJI" import "$T/st.giji" <"$T/st.jsonl" >/dev/null 2>"$T/err"
is "import: kept" "$?" 0
contains "import: a decision against its vote, on its line" "$(cat "$T/err")" \
    "seq 10 (standard input, line 10): warning: decision: outcome 'approved', but vote v1 failed"
contains "import: a speech after the meeting closed" "$(cat "$T/err")" \
    "seq 12 (standard input, line 12): warning: speech after the meeting closed (meeting.close at seq 11"
contains "import: counted with the others" "$(cat "$T/err")" \
    "imported 12 events; 2 warnings"
printf '%s\n' '{"type":"note","data":{"text":"n"}}' |
    "$GIJI" import "$T/st.giji" >/dev/null 2>"$T/err"
is "import: what an earlier import was warned of is not said again" \
    "$(grep -c warning "$T/err")" 0
# --- names whose every add was retracted ----------------------------------
cat >"$T/gone.jsonl" <<'EOF2'
{"type":"member.add","uuid":"00000000-0000-4000-8000-000000000001","data":{"id":"a","name":"A"}}
{"type":"member.add","data":{"id":"b","name":"B"}}
{"type":"agenda.add","data":{"id":"i","title":"T"}}
{"type":"vote.call","uuid":"00000000-0000-4000-8000-000000000004","data":{"id":"v1","item":"i","motion":"M","method":"hands"}}
{"type":"retract","data":{"target":"00000000-0000-4000-8000-000000000001","reason":"typo"}}
{"type":"retract","data":{"target":"00000000-0000-4000-8000-000000000004","reason":"wrong"}}
{"type":"speech","data":{"speaker":"a","text":"x"}}
{"type":"vote.tally","data":{"vote":"v1","for":3,"against":1}}
{"type":"speech","data":{"speaker":"b","text":"y"}}
EOF2
"$GIJI" new "$T/gone.giji" >/dev/null
"$GIJI" import "$T/gone.giji" <"$T/gone.jsonl" >/dev/null 2>&1
"$GIJI" verify --strict "$T/gone.giji" >"$T/out" 2>"$T/err"
is "verify --strict: a retracted add named: exits 1" "$?" 1
contains "verify --strict: a speech by a member whose add was retracted" \
    "$(cat "$T/err")" \
    "gone.giji: seq 7: speech: field 'speaker': 'a' was retracted (every member.add giving that id is): this event names nothing that stands; retract the retract to restore it, or retract this event too"
contains "verify --strict: a count of a retracted vote" "$(cat "$T/err")" \
    "gone.giji: seq 8: vote.tally: field 'vote': 'v1' was retracted (every vote.call giving that id is)"
is "verify --strict: a member whose add stands is not named" \
    "$(grep -c "'b' was retracted" "$T/err")" 0
# The retract retracted: the member's add stands again.
u=$("$GIJI" log --json "$T/gone.giji" | sed -n 5p | sed 's/.*"uuid":"\([^"]*\)".*/\1/')
"$GIJI" add "$T/gone.giji" retract target="$u" reason=undo >/dev/null
"$GIJI" verify --strict "$T/gone.giji" >"$T/out" 2>"$T/err"
is "verify --strict: the retract retracted, the member's add stands" \
    "$(grep -c "'a' was retracted" "$T/err")" 0
contains "verify --strict: the vote still does not" "$(cat "$T/err")" \
    "'v1' was retracted"
# --- fields nothing reads, names added later, a meta.set's own time ------
cat >"$T/w.jsonl" <<'EOF2'
{"type":"member.add","data":{"id":"a","name":"A","moved_bye":"x"}}
{"type":"agenda.add","data":{"id":"i","title":"T","colour":"red"}}
{"type":"speech","data":{"speaker":"b","text":"before b is added"}}
{"type":"member.add","data":{"id":"b","name":"B"}}
{"type":"meta.set","ts":"2026-01-10T10:00:00","data":{"tz":"America/New_York"}}
{"type":"speech","ts":"2026-01-10T10:05:00","data":{"speaker":"a","text":"x"}}
EOF2
"$GIJI" new "$T/w.giji" >/dev/null
"$GIJI" import "$T/w.giji" <"$T/w.jsonl" 2>"$T/err"
is "import: kept with unknown fields" "$?" 0
contains "import: an unknown field, with the nearest" "$(cat "$T/err")" \
    "seq 1 (standard input, line 1): warning: member.add: unknown field 'moved_bye'"
contains "import: an unknown field nothing is near" "$(cat "$T/err")" \
    "seq 2 (standard input, line 2): warning: agenda.add: unknown field 'colour'; it is kept but nothing reads it"
is "import: a name added later in the file is no warning" \
    "$(grep -c "'b' is never added" "$T/err")" 0
contains "import: two warnings in all" "$(cat "$T/err")" "imported 6 events; 2 warnings"
"$GIJI" log --json "$T/w.giji" >"$T/w.out"
contains "import: a meta.set's ts is read in the tz it sets" "$(cat "$T/w.out")" \
    '"type":"meta.set","ts":"2026-01-10T10:00:00-05:00"'
contains "import: and so are the events after it" "$(cat "$T/w.out")" \
    '"type":"speech","ts":"2026-01-10T10:05:00-05:00"'
"$GIJI" add "$T/w.giji" member.add id=c name=C sate=3 >/dev/null 2>"$T/err"
is "add: an unknown field is kept" "$?" 0
contains "add: and warned" "$(cat "$T/err")" "warning: unknown field 'sate'"

# A motion is moved and seconded from the floor: by two members, each in
# the room as the attendance stands.
"$GIJI" new "$T/mv.giji" >/dev/null
"$GIJI" add "$T/mv.giji" member.add id=a name=A >/dev/null
"$GIJI" add "$T/mv.giji" member.add id=b name=B >/dev/null
"$GIJI" add "$T/mv.giji" member.add id=c name=C >/dev/null
"$GIJI" add "$T/mv.giji" attendance member=c status=written >/dev/null
"$GIJI" add "$T/mv.giji" member.add id=d name=D >/dev/null
"$GIJI" add "$T/mv.giji" attendance member=d status=absent >/dev/null
m_save=$m; m=$T/mv.giji
refused "a mover who seconds their own motion" \
    "field 'seconded_by': a moved the motion: the seconder is another member" \
    vote.call id=v1 method=hands motion=x moved_by=a seconded_by=a
refused "a mover voting in writing" \
    "field 'moved_by': c is not in the room as the attendance stands" \
    vote.call id=v1 method=hands motion=x moved_by=c
refused "a seconder recorded absent" \
    "field 'seconded_by': d is not in the room as the attendance stands" \
    vote.call id=v1 method=hands motion=x moved_by=a seconded_by=d
check "two members in the room: taken" "$GIJI" add "$m" vote.call id=v1 \
    method=hands motion=x moved_by=a seconded_by=b
m=$m_save

# One event, one spelling: a uuid given in upper case is written in lower
# case, by giji add as by import, and so is a correction's target.
"$GIJI" new "$T/up.giji" >/dev/null
"$GIJI" add --uuid ABCDEF00-0000-4000-8000-00000000000A "$T/up.giji" note text=x >/dev/null
contains "giji add --uuid: stored in lower case" "$("$GIJI" log "$T/up.giji" --json)" '"uuid":"abcdef00-0000-4000-8000-00000000000a"'
"$GIJI" add --uuid abcdef00-0000-4000-8000-00000000000a "$T/up.giji" note text=y >/dev/null 2>"$T/err"
contains "the other spelling is the same event" "$(cat "$T/err")" "is already in the log (seq 1)"
"$GIJI" add "$T/up.giji" redact target=ABCDEF00-0000-4000-8000-00000000000A >/dev/null
contains "a target in upper case: written in lower case" "$("$GIJI" log "$T/up.giji" --json)" '"target":"abcdef00-0000-4000-8000-00000000000a"'
check "the file is sound, strictly" "$GIJI" verify --strict "$T/up.giji"
printf '%s\n' '{"type":"note","uuid":"ABCDEF00-0000-4000-8000-00000000000B","data":{"text":"z"}}' \
    '{"type":"retract","data":{"target":"ABCDEF00-0000-4000-8000-00000000000B"}}' >"$T/up.jsonl"
check "import: a target in upper case names the event" "$GIJI" import "$T/up.giji" <"$T/up.jsonl"
# A time whose UTC falls outside the years 0000 to 9999 (a legal local
# time with its offset): refused by every writer, so that giji log writes
# only times that read back.
"$GIJI" add --ts 9999-12-31T23:00:00-12:00 "$m" note text=y >/dev/null 2>"$T/err"
is "giji add: 9999-12-31T23:00-12:00 is refused" "$?" 1
contains "saying why" "$(cat "$T/err")" "note: the time is outside the years 0000 to 9999 in UTC"
printf '{"type":"note","ts":"0000-01-01T00:00:00+14:00","data":{"text":"z"}}\n' >"$T/y0.jsonl"
check_fail "import: 0000-01-01T00:00+14:00 is refused" "$GIJI" import "$m" <"$T/y0.jsonl"
check "a time within them is taken" "$GIJI" add --ts 9999-12-31T10:00:00-12:00 "$m" note text=y

# An id events name cannot be amended (they would be cut from it); one
# nobody names yet can, and a name can always be.
"$GIJI" new "$T/id.giji" >/dev/null
u_ito=$("$GIJI" add "$T/id.giji" member.add id=ito name=Ito | cut -f2)
u_kim=$("$GIJI" add "$T/id.giji" member.add id=kim name=Kim | cut -f2)
u_a1=$("$GIJI" add "$T/id.giji" agenda.add id=a1 title=T | cut -f2)
"$GIJI" add "$T/id.giji" agenda.open item=a1 >/dev/null
"$GIJI" add "$T/id.giji" speech speaker=ito text=hello >/dev/null
"$GIJI" add "$T/id.giji" amend target="$u_ito" 'data:={"id":"zed"}' >/dev/null 2>"$T/err"
is "amending a member's id a speech names: refused" "$?" 1
contains "saying which event names it" "$(cat "$T/err")" "'ito' is named by seq 5: an id cannot change once an event names it"
"$GIJI" add "$T/id.giji" amend target="$u_a1" 'data:={"id":"b9"}' >/dev/null 2>"$T/err"
is "an item's id the agenda.open names: refused" "$?" 1
check "an id nobody names: amended" "$GIJI" add "$T/id.giji" amend target="$u_kim" 'data:={"id":"kimu"}'
check "a name: amended" "$GIJI" add "$T/id.giji" amend target="$u_ito" 'data:={"name":"Itō"}'
check "the file is sound" "$GIJI" verify --strict "$T/id.giji"

printf '{"type":"note","station":"","data":{"text":"z"}}\n' >"$T/st0.jsonl"
check_fail "import: an empty station is refused" "$GIJI" import "$m" <"$T/st0.jsonl"
contains "saying why" "$(cat "$T/.out")" "the station name is empty"

# A roll call's answer by a member recorded absent at the call.
"$GIJI" new "$T/rc.giji" >/dev/null
for x in "member.add id=a name=A" "member.add id=b name=B" \
    "member.add id=c name=C" "attendance member=c status=absent" \
    "vote.call id=v1 method=rollcall motion=x"; do
	"$GIJI" add "$T/rc.giji" $x >/dev/null
done
m_save=$m; m=$T/rc.giji
refused "a yes from a member recorded absent at the call" \
    "ballot of c: yes, but c is recorded absent when the vote was called" \
    vote.tally vote=v1 'ballots:={"a":"yes","c":"yes"}'
check "absent answered absent: taken" "$GIJI" add "$m" vote.tally vote=v1 \
    'ballots:={"a":"yes","b":"no","c":"absent"}'
m=$m_save

done_testing
