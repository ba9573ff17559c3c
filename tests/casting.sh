#!/bin/sh
# SPDX-License-Identifier: ISC
# A tie broken by the chair's casting vote is one fact, said the same way
# everywhere (issue 13): giji stats (text in both languages, and JSON), the
# JSON minutes' votes, Akoma Ntoso and Popolo all give the casting vote,
# the result carried, no recount and no difference from the declared
# result, in the words 可否同数のため、会長が可と決した（可決） / "the votes
# being equal, the chair gave a casting vote in favour; carried" (the
# chair named by its role). The vote pane's part is in tests/tui-votes.sh;
# the minutes' wording in each house style is the styles'.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2025-07-01T10:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/m.giji
ja='可否同数のため、会長が可と決した（可決）'
en='the votes being equal, the chair gave a casting vote in favour; carried'

"$GIJI" new "$m" >/dev/null
"$GIJI" add "$m" meta.set title=審議会 seats=5 >/dev/null
"$GIJI" add "$m" member.add id=ch name=森 role=会長 kind=chair >/dev/null
for i in 1 2 3 4; do
	"$GIJI" add "$m" member.add id=m$i name=委員$i role=委員 >/dev/null
done
"$GIJI" add "$m" agenda.add id=a1 title=議案 >/dev/null
"$GIJI" add "$m" agenda.open item=a1 >/dev/null
"$GIJI" add "$m" vote.call id=v1 item=a1 method=hands >/dev/null
check "a tie of 2 to 2" "$GIJI" add "$m" vote.tally vote=v1 for=2 against=2
check "completed by the casting vote" \
    "$GIJI" add "$m" vote.tally vote=v1 for=2 against=2 casting=yes
check "the result as the terminal records it" \
    "$GIJI" add "$m" vote.result vote=v1 outcome=carried
check "the decision" "$GIJI" add "$m" decision item=a1 vote=v1 outcome=approved

# giji stats
"$GIJI" stats "$m" --lang ja >"$T/st.txt"
contains "stats: the casting vote in Japanese" "$(cat "$T/st.txt")" \
    "v1        挙手        2        2        0         0  $ja"
"$GIJI" stats "$m" --lang en >"$T/st-en.txt"
contains "stats: in English" "$(cat "$T/st-en.txt")" \
    "v1        hands       2        2        0         0  $en"
"$GIJI" stats "$m" --json >"$T/st.json"
contains "stats --json" "$(cat "$T/st.json")" \
    "\"recounts\":0,\"rule\":\"majority\",\"present\":5,\"quorum\":3,\"voters\":4,\"needed\":3,\"casting\":\"yes\",\"presiding\":null,\"quorum_met\":true,\"computed\":\"carried\",\"outcome\":\"carried\",\"recorded\":\"carried\",\"differs\":false,\"words\":\"$ja\",\"words_en\":\"$en\""

# The JSON minutes
"$GIJI" minutes "$m" --format json >"$T/m.json" 2>/dev/null
contains "json minutes: the vote" "$(cat "$T/m.json")" \
    "\"voters\":4,\"needed\":3,\"for\":2,\"against\":2,\"abstain\":0,\"casting\":\"yes\",\"presiding\":null,\"tie\":true,\"computed\":\"carried\",\"recorded\":\"carried\",\"declared_outcome\":null,\"outcome\":\"carried\",\"declared\":false,\"words\":\"$ja\",\"problem\":null,\"recounts\":0"
"$GIJI" minutes "$m" --format json --lang en >"$T/m-en.json" 2>/dev/null
contains "json minutes in English: the words" "$(cat "$T/m-en.json")" \
    "\"words\":\"$en\""

# Akoma Ntoso
"$GIJI" minutes "$m" --format akn >"$T/m.akn" 2>/dev/null
contains "akn: the outcome in the same words" "$(cat "$T/m.akn")" \
    "<outcome refersTo=\"#carried\">$ja</outcome>"
contains "akn: the casting vote with the count" "$(cat "$T/m.akn")" \
    "</quantity>名、議長裁決可</summary>"
contains "akn: the computed result" "$(cat "$T/m.akn")" \
    'voters="4" needed="3" for="2" against="2" abstain="0" quorumMet="true" computed="carried" casting="yes"/>'
case $(cat "$T/m.akn") in *recount*) r=1 ;; *) r=0 ;; esac
is "akn: no recount" "$r" 0
case $(cat "$T/m.akn") in *'declared="'*) r=1 ;; *) r=0 ;; esac
is "akn: no difference declared" "$r" 0

# Popolo
"$GIJI" minutes "$m" --format popolo --lang en >"$T/m.popolo" 2>/dev/null
contains "popolo: the casting vote and the result" "$(cat "$T/m.popolo")" \
    "\"+casting_vote\":\"yes\",\"+computed_result\":\"pass\",\"+result_text\":\"$en\""
case $(cat "$T/m.popolo") in *superseded*|*declared_result*) r=1 ;; *) r=0 ;; esac
is "popolo: no recount, no difference" "$r" 0
done_testing
