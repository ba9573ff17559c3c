#!/bin/sh
# SPDX-License-Identifier: ISC
# The procedure vocabulary in the minutes (base style): motions of the
# meeting with mover, seconder and number, declarations of interest, stage
# directions and sub-headings, a reaction inside the speech it interrupted
# and one on its own line, decision numbers, elections, actions with their
# summary, apologies and remote attendance, the session; and a warning,
# naming the field and the style, for what a style has no form for.
. "$srcdir/tests/minutes-lib.sh"
XDG_CONFIG_HOME=$T/config; XDG_CONFIG_DIRS=$T/config-dirs
export XDG_CONFIG_HOME XDG_CONFIG_DIRS

m=$(meeting procedure) || { t_fail "import"; t_done; exit; }
"$GIJI" minutes "$m" >"$T/en.txt" 2>"$T/en.err"
has() { t_check "$1" grep -qxF "$2" "$T/en.txt"; }
has "session" "Session: Ordinary meeting"
has "remote attendance" "Present: Cllr Fenn (Chair), Cllr Okafor (Councillor), Cllr Lund (Councillor), Cllr Shah (Councillor) (remote)"
has "apologies" "Apologies: Cllr Price (Councillor)"
has "a motion of the meeting: number, mover, seconder" \
    "Motion M1 (moved by Cllr Okafor, seconded by Cllr Lund): That the minutes of the meeting of 13 February be signed as a true record"
has "interest" 'Cllr Lund declared an interest in "Planning application PA/24/0456, Mill Lane barn" (neighbour of the applicant) and left the meeting for that item.'
has "stage direction" "[Cllr Lund left the room]"
has "a reaction inside its speech" "Cllr Okafor: The barn has stood empty for years. The applicant promises a bat survey, which is more than the last one did. [Laughter]"
has "a reaction on its own line" "[Applause]"
has "decision number" 'Decision 24/031: 24/031 "Planning application PA/24/0456, Mill Lane barn": approved.'
has "action where recorded" "ACTION: Paul Wren — Send the council's response to the planning authority (by Friday, 29 March 2024)"
has "an owner given by name" "A. Volunteer: Update the council's website"
t_check "sub-heading" sh -c "grep -qx 'Access and parking' '$T/en.txt'"
t_check "the summary of actions after the proceedings" sh -c \
    "awk '/^Actions\$/{a=NR} /^Closed at/{c=NR} END{exit !(a && c > a)}' '$T/en.txt'"
t_check "the laughter is not printed a second time" sh -c \
    "[ \$(grep -c Laughter '$T/en.txt') -eq 1 ]"
t_check "warning: the style has no form for seats" grep -q \
    "warning: style base has no form for seat numbers" "$T/en.err"
t_check "one warning for each field" sh -c "[ \$(wc -l <'$T/en.err') -eq 1 ]"

# Japanese: the room's voices inside the speech as an assembly prints them.
"$GIJI" minutes "$m" --lang ja >"$T/ja.txt" 2>/dev/null
t_check "ja: a reaction inside its speech" grep -qF \
    "which is more than the last one did.〔Laughter〕" "$T/ja.txt"
t_check "ja: interest, by role in anonymised minutes" grep -qF "（委員から「Planning application PA/24/0456, Mill Lane barn」について利害関係の申出（neighbour of the applicant）があり、当該議事の間退席した）" "$T/ja.txt"

# A style without a form for what the log holds warns, naming both.
"$GIJI" minutes "$m" --style summary --lang ja >/dev/null 2>"$T/sum.err"
for w in "a decision's number" "seat numbers" "apologies for absence" "members taking part remotely" \
    "the session"; do
	t_check "summary warns: $w" grep -q "style summary has no form for $w" "$T/sum.err"
done
# The reading a motion is on (vote.call reading), in both languages.
v=$(meeting vocabulary)
"$GIJI" minutes "$v" --style base >"$T/rd.txt" 2>"$T/rd.err"
t_check "base: the reading of a motion" grep -qx \
    'Motion Ordinance 2025-07 (moved by Baker, seconded by Chen): Pass the ordinance on first reading (first reading)' "$T/rd.txt"
t_check "base: no warning about the reading" sh -c "! grep -q reading '$T/rd.err'"
"$GIJI" minutes "$v" --style base --lang ja >"$T/rd-ja.txt" 2>/dev/null
t_check "base ja: the reading of a motion" grep -q \
    '：Pass the ordinance on first reading（first reading））$' "$T/rd-ja.txt"

# A retracted reaction is gone, and so is its place in the speech.
"$GIJI" new "$T/r.giji" >/dev/null
sed 's/{"type":"reaction","ts":"2024-03-12T19:05:05Z"/{"type":"reaction","uuid":"7c1d2e3f-0000-4000-8000-000000000001","ts":"2024-03-12T19:05:05Z"/' \
    "$srcdir/tests/fixtures/procedure.jsonl" | "$GIJI" import "$T/r.giji" >/dev/null 2>&1
"$GIJI" add "$T/r.giji" retract target=7c1d2e3f-0000-4000-8000-000000000001 >/dev/null 2>&1
"$GIJI" minutes "$T/r.giji" >"$T/r.txt" 2>/dev/null
t_check "a retracted reaction is gone from the proceedings" sh -c \
    "! grep -q '\\[Laughter\\]' '$T/r.txt' && grep -q 'event 23 (reaction) retracted' '$T/r.txt'"

# An election moved with a motion: the candidate is printed with it (not
# twice when the motion names them); a style whose motion line does not
# name the candidate is told so; a decision on a procedure item has no
# number 0 in summary.
"$GIJI" new "$T/el.giji" --title T --date 2025-05-24 >/dev/null
for ev in "member.add id=a name=甲野 kind=chair" "member.add id=b name=乙川" \
    "agenda.add id=p title=議長の選任 kind=procedure" "agenda.open item=p" \
    "vote.call id=v1 item=p method=unanimous motion=議長の選任 candidate=a moved_by=b" \
    "vote.tally vote=v1 unanimous=true" "decision item=p outcome=approved" \
    "vote.call id=v2 item=p method=unanimous motion=議長に甲野を選任 candidate=a" \
    "vote.tally vote=v2 unanimous=true"; do
	"$GIJI" add "$T/el.giji" $ev >/dev/null
done
"$GIJI" minutes "$T/el.giji" --style summary >"$T/el.txt" 2>"$T/el.err"
t_check "summary: the candidate with the motion" grep -qxF '（動議（提出：委員）：議長の選任（候補：甲野））' "$T/el.txt"
t_check "not twice when the motion names them" grep -qxF '（採決：議長に甲野を選任）' "$T/el.txt"
t_check "no item number 0 for a procedure" grep -qxF '※ 「議長の選任」について、承認することが決定された。' "$T/el.txt"
t_is "and no warning" "$(cat "$T/el.err")" ""
"$GIJI" minutes "$T/el.giji" --style summary --lang en >"$T/el.txt" 2>/dev/null
t_check "English: the candidate with the motion" grep -qxF 'Motion (moved by Member): 議長の選任 (candidate: 甲野)' "$T/el.txt"
printf '[style]\nname = m\nlanguages = ja\n\n[vote.call]\nmotion = （#{motion}）\n' >"$T/m.style"
"$GIJI" minutes "$T/el.giji" --style "$T/m.style" >/dev/null 2>"$T/el.err"
t_check "a motion line without the candidate: warned (no_motion's does not count)" \
    grep -q "no form for an election's candidate" "$T/el.err"

# Written votes and proxies (書面表決, 表決委任): counted present for the
# quorum and the votes, printed apart by the base style, warned of by a
# style whose header does not print them.
"$GIJI" new "$T/npo.giji" --title 通常総会 --date 2025-05-24 >/dev/null
"$GIJI" import "$T/npo.giji" >"$T/npo.imp" 2>&1 <<'JSONL'
{"type":"meta.set","data":{"seats":5,"quorum":"majority","chair":"votes"}}
{"type":"member.add","data":{"id":"ko","name":"甲野","role":"理事長","kind":"chair"}}
{"type":"member.add","data":{"id":"ot","name":"乙川","role":"正会員"}}
{"type":"member.add","data":{"id":"hei","name":"丙田","role":"正会員"}}
{"type":"member.add","data":{"id":"tei","name":"丁村","role":"正会員"}}
{"type":"member.add","data":{"id":"bo","name":"戊井","role":"正会員"}}
{"type":"attendance","data":{"member":"ko","status":"present"}}
{"type":"attendance","data":{"member":"ot","status":"present"}}
{"type":"attendance","data":{"member":"hei","status":"written"}}
{"type":"attendance","data":{"member":"tei","status":"proxy","holder":"ko"}}
{"type":"attendance","data":{"member":"bo","status":"absent"}}
{"type":"agenda.add","data":{"id":"g1","title":"事業報告"}}
{"type":"agenda.open","data":{"item":"g1"}}
{"type":"vote.call","data":{"id":"v1","item":"g1","method":"hands","motion":"事業報告の承認"}}
{"type":"vote.tally","data":{"vote":"v1","for":4,"against":0}}
JSONL
t_is "imported: four counted present, four votes" "$?" 0
t_check "the rules of votes agree" "$GIJI" verify --strict "$T/npo.giji"
"$GIJI" minutes "$T/npo.giji" --style base >"$T/npo.txt" 2>"$T/npo.err"
t_check "base: in writing and by proxy, apart" grep -qF '甲野理事長、乙川正会員、丙田正会員（書面表決）、丁村正会員（表決委任：甲野）' "$T/npo.txt"
t_check "the vote carried on four present" grep -qF '賛成4名' "$T/npo.txt"
t_is "no warning" "$(cat "$T/npo.err")" ""
"$GIJI" minutes "$T/npo.giji" --style base --lang en >"$T/npo.txt" 2>/dev/null
t_check "English" grep -qF '丙田 (正会員) (voted in writing), 丁村 (正会員) (by proxy, held by 甲野)' "$T/npo.txt"
printf '{"type":"vote.call","data":{"id":"v2","item":"g1","method":"hands","motion":"x"}}\n{"type":"vote.tally","data":{"vote":"v2","for":5}}\n' >"$T/npo2.jsonl"
cp "$T/npo.giji" "$T/npo2.giji"
"$GIJI" import "$T/npo2.giji" <"$T/npo2.jsonl" >/dev/null 2>"$T/npo2.err"
t_check "five votes with four counted present: said" grep -q "5 votes counted but only 4 members present" "$T/npo2.err"
"$GIJI" minutes "$T/npo.giji" --style council-uk >/dev/null 2>"$T/npo.err"
t_check "a style that does not print them: warned" grep -q "voted in writing beforehand" "$T/npo.err"
t_check "and of the proxy" grep -q "gave a proxy" "$T/npo.err"
printf '[style]\nname = npo\nlanguages = ja\n\n[header]\nrow = 出席 | #{count:members,#{?present,1}}名（本人出席#{count:members,#{?in_room,1}}名、書面表決#{count:members,#{?written,1}}名、表決委任#{count:members,#{?proxy,1}}名）\nrow = 委任 | #{each:members,、,#{?proxy,#{name}→#{holder_member.role|#{holder}}}}\n' >"$T/npo.style"
"$GIJI" minutes "$T/npo.giji" --style "$T/npo.style" >"$T/npo.txt" 2>/dev/null
t_check "in_room, written and proxy counted apart" grep -qF '出席 4名（本人出席2名、書面表決1名、表決委任1名）' "$T/npo.txt"
t_check "the holder as a member" grep -qF '委任 丁村→理事長' "$T/npo.txt"
printf '[style]\nname = npo2\nlanguages = ja\n\n[header]\nrow = 出席 | #{each:members,、,#{?present,#{name}#{?proxy,（委任）}#{?written,（書面）}}}\n' >"$T/npo2.style"
"$GIJI" minutes "$T/npo.giji" --style "$T/npo2.style" >/dev/null 2>"$T/npo.err"
t_check "a style that does not print the holder: warned" grep -q "who holds a proxy" "$T/npo.err"
"$GIJI" minutes "$T/npo.giji" --format akn >"$T/npo.akn" 2>/dev/null
t_check "Akoma Ntoso: the roll call says how they took part" grep -qF '丙田</person>（書面表決）、<person eId="rollcall__p_4" refersTo="#m_tei" as="#role_2">丁村</person>（表決委任：甲野）' "$T/npo.akn"
"$GIJI" stats "$T/npo.giji" --json >"$T/npo.json"
t_check "giji stats counts them present" grep -q '"present":4' "$T/npo.json"

t_done
