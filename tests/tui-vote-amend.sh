#!/bin/sh
# SPDX-License-Identifier: ISC
# The vote pane applies corrections as the minutes do: a tally amended or
# retracted by another process (giji add) changes the counts and the
# result on the chair's and the clerk's screens, a retracted recount
# gives the earlier (amended) tally back, and the minutes agree; a
# recount arriving while the chair closes the vote is not outrun.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"

export GIJI_NOW=2024-06-27T14:01:00+09:00
M=$T/m.giji
vote_meeting "$M" 20
"$GIJI" add "$M" vote.call id=v1 item=a1 method=hands motion=原案 >/dev/null
out=$("$GIJI" add "$M" vote.tally vote=v1 for=15 against=2 abstain=0)
t1=${out#*	}
tui_start chair --chair "$M"
tui_start clerk "$M"
check "the chair sees 15 for" vote_wait_re chair '賛成 #+ +15 *$'
check "the clerk sees 15 for" vote_wait_re clerk '賛成 #+ +15 '

"$GIJI" add "$M" amend target="$t1" 'data:={"for":12,"against":5}' >/dev/null
check "the amended count shows on the chair's screen" \
    vote_wait_re chair '賛成 #+ +12 *$'
check "with its 5 against" vote_wait_re chair '反対 #+ +5 *$'
check "and the result of the amended count" \
    tui_wait chair "結果: 可決（賛成 12 / 必要 9）"
check "the clerk sees the amended count" vote_wait_re clerk '賛成 #+ +12 '
check "the minutes read the same count" sh -c \
    "'$GIJI' minutes '$M' --lang en | grep -q '12 for, 5 against'"

out=$("$GIJI" add "$M" vote.tally vote=v1 for=10 against=7 abstain=0)
t2=${out#*	}
check "a recount shows" vote_wait_re chair '賛成 #+ +10 *$'
"$GIJI" add "$M" retract target="$t2" >/dev/null
check "retracted, the amended first count is back" \
    vote_wait_re chair '賛成 #+ +12 *$'
check "on the clerk's screen too" vote_wait_re clerk '賛成 #+ +12 '
"$GIJI" add "$M" retract target="$t1" >/dev/null
check "with every tally retracted nothing is counted" \
    tui_wait chair "結果: 未集計"

# A recount recorded elsewhere while the chair answers the closing
# question: the result the chair saw is no longer the count's, so nothing
# is recorded and C is asked again.
"$GIJI" add "$M" vote.tally vote=v1 for=15 against=2 abstain=0 >/dev/null
check "a new count shows" vote_wait_re chair '賛成 #+ +15 *$'
tui_keys chair C
check "closing asks the decision's words" tui_wait chair "決定の文言"
"$GIJI" add "$M" vote.tally vote=v1 for=2 against=15 abstain=0 >/dev/null
check "the recount shows meanwhile" vote_wait_re chair '賛成 #+ +2 *$'
tui_keys chair Enter
check "the stale result is not recorded" \
    tui_wait chair "集計が変わりました（結果は否決）"
check "no vote.result" test "$(vote_count "$M" vote.result)" = 0
tui_keys chair C
check "C again asks again" tui_wait chair "決定の文言"
tui_keys chair Enter
check "and closes with the count's result" \
    tui_wait chair "採決 v1 を終了しました: 否決"
check "vote.result failed" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"vote\":\"v1\",\"outcome\":\"failed\"'"
done_testing
