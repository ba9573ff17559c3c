#!/bin/sh
# SPDX-License-Identifier: ISC
# A written vote's tallies add their ballots, each answer as it arrives
# (giji-events(5)): none is a recount. The minutes print no "count before
# the recount" for them, and giji stats and the JSON minutes count no
# recount, as Akoma Ntoso and Popolo do.
. "${top_srcdir:-.}/tests/lib.sh"

m=$T/w.giji
"$GIJI" new "$m" --title T --date 2024-05-01 >/dev/null
"$GIJI" add "$m" member.add id=ch name=Chair kind=chair >/dev/null
for p in a b c d; do
	"$GIJI" add "$m" member.add id=$p name=M$p >/dev/null
done
"$GIJI" add "$m" meta.set seats=5 >/dev/null
"$GIJI" add "$m" agenda.add id=a1 title=Item1 >/dev/null
"$GIJI" add "$m" vote.call id=w1 item=a1 method=written >/dev/null
for p in a b c d; do
	check "the answer of $p" "$GIJI" add "$m" vote.tally vote=w1 \
	    "ballots={\"$p\":\"yes\"}"
done
for lang in en ja; do
	for st in summary verbatim verbatim-named qa written gikai council-uk \
	    council-us wg; do
		o=$("$GIJI" minutes "$m" --style $st --lang $lang 2>/dev/null)
		case $o in
		*recount* | *再集計*)
			tap_result 1 "$st ($lang): no recount of written answers" ;;
		*) tap_result 0 "$st ($lang): no recount of written answers" ;;
		esac
	done
done
contains "the last tally counts all four" \
    "$("$GIJI" minutes "$m" --lang en 2>/dev/null)" "Carried: 4 for, 0 against."
contains "stats: no recount" "$("$GIJI" stats "$m" --json)" '"recounts":0'
contains "json minutes: no recount" \
    "$("$GIJI" minutes "$m" --format json 2>/dev/null)" '"recounts":0'
done_testing
