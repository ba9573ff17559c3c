#!/bin/sh
# SPDX-License-Identifier: ISC
# An open meeting whose voters are not a roster (a town meeting's
# checked-in voters, an association's general meeting counted at the
# door): vote.call voters gives the voters counted in the room, and the
# quorum and the votes count them instead of the members the attendance
# lists. Without it a count larger than the roster is refused, saying
# what to record.
. "${top_srcdir:-.}/tests/lib.sh"

m=$T/m.giji
"$GIJI" new "$m" >/dev/null
"$GIJI" add "$m" meta.set title="Town Meeting" quorum=100 lang=en >/dev/null
"$GIJI" add "$m" member.add id=mod name=Moderator kind=presiding >/dev/null
"$GIJI" add "$m" member.add id=h name=Haskell >/dev/null
"$GIJI" add "$m" member.add id=b name=Benoit >/dev/null
for p in mod h b; do
	"$GIJI" add "$m" attendance member=$p status=present >/dev/null
done
"$GIJI" add "$m" meeting.open >/dev/null
"$GIJI" add "$m" agenda.add id=a1 title="Article 1" >/dev/null
"$GIJI" add "$m" agenda.open item=a1 >/dev/null

# Without the count in the room: refused, saying what to record.
"$GIJI" add "$m" vote.call id=v0 item=a1 method=hands motion=X >/dev/null
check_fail "a count of 299 with 2 members present is refused" \
    "$GIJI" add "$m" vote.tally vote=v0 for=212 against=87
contains "the message says what to record" "$(cat "$T/.out")" \
    "299 votes counted but only 2 members present (record the others' attendance, or the voters counted in the room as vote.call voters)"

# With it: the count is taken, two thirds of those voting carry.
check "vote.call voters=312" "$GIJI" add "$m" vote.call id=v1 item=a1 \
    method=hands rule=two_thirds motion="That the Town appropriate" voters=312
check "212 to 87 is taken" "$GIJI" add "$m" vote.tally vote=v1 for=212 \
    against=87
"$GIJI" minutes "$m" --format json >"$T/m.json" 2>/dev/null
contains "the voters counted are the members present" "$(cat "$T/m.json")" \
    '"present":312'
contains "carried by two thirds" "$(cat "$T/m.json")" \
    '"computed":"carried"'
"$GIJI" minutes "$m" --style council-us >"$T/m.txt" 2>/dev/null
check "the minutes print the count" grep -qF "Motion carried 212-87." \
    "$T/m.txt"

# Fewer voters than the quorum: the vote fails for want of one.
check "vote.call voters=90" "$GIJI" add "$m" vote.call id=v2 item=a1 \
    method=hands motion=Y voters=90
check "a count of 60 to 20" "$GIJI" add "$m" vote.tally vote=v2 for=60 \
    against=20
"$GIJI" minutes "$m" --format json >"$T/m.json" 2>/dev/null
contains "90 present, 100 needed: no quorum" "$(cat "$T/m.json")" \
    '"present":90,"quorum":100'
"$GIJI" stats "$m" >"$T/st.txt"
contains "stats: the vote failed without a quorum" "$(grep '^v2 ' "$T/st.txt")" \
    "quorum"
check_fail "more votes than the voters counted: refused" \
    "$GIJI" add "$m" vote.tally vote=v2 for=80 against=20
contains "saying the voters counted were fewer" "$(cat "$T/.out")" \
    "100 votes counted but only 90 voters were counted in the room (vote.call voters)"
check "verify --strict: sound" "$GIJI" verify --strict "$m"

# A body with seats cannot count more voters than it has.
"$GIJI" new "$T/s.giji" >/dev/null
"$GIJI" add "$T/s.giji" meta.set seats=50 >/dev/null
check_fail "voters beyond the seats: refused" "$GIJI" add "$T/s.giji" \
    vote.call id=v1 method=hands voters=51
contains "saying so" "$(cat "$T/.out")" \
    "field 'voters': 51 voters counted but the body has only 50 seats"
# five FILE: a new meeting of a body of five seats, the five present.
five() {
	"$GIJI" new "$1" >/dev/null
	"$GIJI" add "$1" meta.set seats=5 >/dev/null
	for p in a b c d e; do
		"$GIJI" add "$1" member.add id=$p name=$p >/dev/null
		"$GIJI" add "$1" attendance member=$p status=present >/dev/null
	done
}

# A decision that says the opposite of its vote's count, with no result
# declared: verify --strict says so, and what to record; the chair's
# declared result settles it.
d=$T/d.giji
five "$d"
"$GIJI" add "$d" agenda.add id=i1 title=Bylaw >/dev/null
"$GIJI" add "$d" vote.call id=v1 item=i1 method=hands rule=majority_seats >/dev/null
"$GIJI" add "$d" vote.tally vote=v1 for=2 against=2 >/dev/null
"$GIJI" add "$d" decision item=i1 vote=v1 outcome=approved >/dev/null
check_fail "verify --strict: a decision approved on a vote that failed" \
    "$GIJI" verify --strict "$d"
contains "saying why and what to record" "$(cat "$T/.out")" \
    "decision: outcome 'approved', but vote v1 failed (2 for, 2 against; 3 needed) and no other result was declared: record the chair's vote.result, or correct the decision"
"$GIJI" add "$d" vote.result vote=v1 outcome=carried declared=true >/dev/null
check "the chair's declared result settles it" "$GIJI" verify --strict "$d"

# A result recorded as counted that the count does not give.
r=$T/r.giji
five "$r"
"$GIJI" add "$r" vote.call id=v1 method=hands >/dev/null
"$GIJI" add "$r" vote.tally vote=v1 for=1 against=3 >/dev/null
"$GIJI" add "$r" vote.result vote=v1 outcome=carried >/dev/null
check_fail "verify --strict: a counted result the count does not give" \
    "$GIJI" verify --strict "$r"
contains "saying how a declared one is recorded" "$(cat "$T/.out")" \
    "vote.result: outcome 'carried', but the count of vote v1 gives failed (1 for, 3 against; 3 needed): a result the chair declared is recorded with declared: true"
"$GIJI" add "$r" decision vote=v1 outcome=rejected >/dev/null
"$GIJI" verify --strict "$r" >"$T/r.out" 2>&1
contains "a decision against the recorded result names it" "$(cat "$T/r.out")" \
    "decision: outcome 'rejected', but the result recorded for vote v1 is carried (vote.result): correct the decision or the result"

# A decision against a result declared with no count (a voice vote).
five "$T/vv.giji"
"$GIJI" add "$T/vv.giji" vote.call id=v1 method=hands >/dev/null
"$GIJI" add "$T/vv.giji" vote.result vote=v1 outcome=failed declared=true >/dev/null
"$GIJI" add "$T/vv.giji" decision vote=v1 outcome=approved >/dev/null
"$GIJI" verify --strict "$T/vv.giji" >"$T/vv.out" 2>&1
contains "a decision against a voice vote's declared result" "$(cat "$T/vv.out")" \
    "decision: outcome 'approved', but the result recorded for vote v1 is failed (vote.result)"

# A result is judged by the count as it stood when it was recorded (a
# recount after it is a later count), a decision by the record as it
# stands: the recorded result, here.
five "$T/rc.giji"
"$GIJI" add "$T/rc.giji" vote.call id=v1 method=hands >/dev/null
"$GIJI" add "$T/rc.giji" vote.tally vote=v1 for=3 against=1 >/dev/null
"$GIJI" add "$T/rc.giji" vote.result vote=v1 outcome=carried >/dev/null
"$GIJI" add "$T/rc.giji" vote.tally vote=v1 for=1 against=3 >/dev/null
"$GIJI" add "$T/rc.giji" decision vote=v1 outcome=approved >/dev/null
"$GIJI" verify --strict "$T/rc.giji" >"$T/rc.out" 2>&1
lacks "a result right as the count stood is no problem" \
    "$(cat "$T/rc.out")" "vote.result: outcome 'carried'"
check "the decision agrees with the recorded result: sound" \
    "$GIJI" verify --strict "$T/rc.giji"
"$GIJI" add "$T/rc.giji" decision vote=v1 outcome=rejected >/dev/null
"$GIJI" verify --strict "$T/rc.giji" >"$T/rc.out" 2>&1
contains "a decision against it: the problem at its seq" "$(cat "$T/rc.out")" \
    "seq 17: decision: outcome 'rejected', but the result recorded for vote v1 is carried"
# A vote recorded after the meeting closed, with no reopening: a problem
# (a clerk who forgot to record that the meeting went on); a signer, a
# note and a correction after the close are sound.
five "$T/ac.giji"
"$GIJI" add "$T/ac.giji" meeting.open >/dev/null
"$GIJI" add "$T/ac.giji" meeting.close >/dev/null
"$GIJI" add "$T/ac.giji" signer member=a >/dev/null
"$GIJI" add "$T/ac.giji" note text="Minutes approved by email." >/dev/null
check "a signer and a note after the close: sound" "$GIJI" verify --strict "$T/ac.giji"
"$GIJI" add "$T/ac.giji" vote.call id=v1 method=hands >/dev/null
check_fail "a vote called after the close: a problem" "$GIJI" verify --strict "$T/ac.giji"
contains "saying what to record" "$(cat "$T/.out")" \
    "seq 16: vote.call after the meeting closed (meeting.close at seq 13, no meeting.open since): if the meeting went on, retract that close and record the close again at its end"
"$GIJI" add "$T/ac.giji" meeting.open >/dev/null
"$GIJI" add "$T/ac.giji" vote.call id=v2 method=hands >/dev/null
"$GIJI" verify --strict "$T/ac.giji" >"$T/ac.out" 2>&1
lacks "reopened: the vote after it is sound" "$(cat "$T/ac.out")" "seq 18: vote.call after"
done_testing
