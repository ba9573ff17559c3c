#!/bin/sh
# SPDX-License-Identifier: ISC
# A vote by consent that the chair declared carried over a recorded
# objection (a working group's consensus called over one member's
# objection): no shipped style may print it as agreed without objection
# (異議なし, "Carried without objection", "unanimously"), which nobody in
# the room said. Each prints the objection, and the note that the
# declared result differs from the count.
. "${top_srcdir:-.}/tests/lib.sh"

m=$T/m.giji
"$GIJI" new "$m" >/dev/null
"$GIJI" add "$m" meta.set title=WG date=2026-01-01 >/dev/null
"$GIJI" add "$m" member.add id=a name=Ann role=Chair kind=chair >/dev/null
"$GIJI" add "$m" member.add id=r name=Rafael >/dev/null
"$GIJI" add "$m" member.add id=s name=Sue >/dev/null
for p in a r s; do
	"$GIJI" add "$m" attendance member=$p status=present >/dev/null
done
"$GIJI" add "$m" meeting.open >/dev/null
"$GIJI" add "$m" agenda.add id=i1 title=Draft >/dev/null
"$GIJI" add "$m" agenda.open item=i1 >/dev/null
"$GIJI" add "$m" vote.call id=v1 item=i1 method=consent \
    "motion=Publish the draft" >/dev/null
check "one objection recorded" "$GIJI" add "$m" vote.tally vote=v1 against=1
check "the chair declares it carried over it" \
    "$GIJI" add "$m" vote.result vote=v1 outcome=carried declared=true
"$GIJI" add "$m" agenda.close item=i1 >/dev/null
"$GIJI" add "$m" meeting.close >/dev/null

for lang in ja en; do
	for st in summary verbatim verbatim-named qa gikai council-uk council-us \
	    wg base; do
		"$GIJI" minutes "$m" --style $st --lang $lang >"$T/o.txt" \
		    2>/dev/null
		o=$(cat "$T/o.txt")
		case $o in
		*異議なし* | *"without objection"* | *nanimous*)
			tap_result 1 "$st ($lang): agreed without objection?"
			grep -n '異議なし\|without objection\|nanimous' "$T/o.txt" |
			    sed 's/^/#   /' ;;
		*) tap_result 0 "$st ($lang): no agreement without objection" ;;
		esac
	done
done
o=$("$GIJI" minutes "$m" --style summary --lang en 2>/dev/null)
contains "base (en): carried over the objection" "$o" \
    "Carried over 1 objection."
contains "base (en): the declared result differs from the count" "$o" \
    "the result declared is carried; the count gives failed"
o=$("$GIJI" minutes "$m" --style summary --lang ja 2>/dev/null)
contains "summary (ja): 異議あり" "$o" "・・・異議あり1名・・・"
o=$("$GIJI" minutes "$m" --style verbatim --lang ja 2>/dev/null)
contains "verbatim (ja): the room's objection" "$o" "（「異議あり」の声あり）"
o=$("$GIJI" minutes "$m" --style council-uk --lang en 2>/dev/null)
contains "council-uk: RESOLVED with the objection" "$o" \
    "RESOLVED: Publish the draft (1 objection)."
o=$("$GIJI" minutes "$m" --style council-us --lang en 2>/dev/null)
contains "council-us: carried over the objection" "$o" \
    "Motion carried over 1 objection."
o=$("$GIJI" minutes "$m" --style gikai --lang ja 2>/dev/null)
contains "gikai: 異議あり" "$o" "〔異議あり〕"

done_testing
