#!/bin/sh
# SPDX-License-Identifier: ISC
# A written vote (書面) over three days with a fixed clock per session:
# the clerk records each member's answer as it arrives (one vote.tally
# with one ballot each, at that day's time), the pane shows who has
# answered and when, and the answer after vote.call's deadline as late.
# In writing no one presides: the chair answers as every member does.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"

M=$T/m.giji
vote_meeting "$M" 6 ito:伊藤 yamada:山田 kawamura:川村 morishita:森下 \
    ono:大野
"$GIJI" import "$M" >/dev/null 2>&1 <<'JSONL'
{"type":"vote.call","ts":"2024-06-27T14:00:00+09:00","data":{"id":"w1","item":"a1","motion":"予算案について","method":"written","deadline":"2024-07-01T17:00:00+09:00"}}
JSONL

# Day one: two answers.
TUI_NOW=2024-06-28T10:00:00+09:00
tui_start clerk "$M"
check "day 1: up" tui_wait clerk "採決 w1 書面"
tui_keys clerk F11
check "day 1: the members are listed" tui_wait clerk "書面: 委員 6名"
check "day 1: nobody has answered, the chair first" vote_wait_re clerk \
    '>佐藤会長 +未回答'
tui_keys clerk y
check "day 1: recorded at once" tui_wait clerk "書面の回答を記録しました: 佐藤会長 賛成"
tui_keys clerk y
check "day 1: second answer" vote_wait_re clerk '伊藤委員 +賛成 6/28'
check "day 1: the next to answer is selected" vote_wait_re clerk \
    '>山田委員 +未回答'
tui_stop clerk

# Day three: two more.
TUI_NOW=2024-06-30T09:30:00+09:00
tui_start clerk "$M"
check "day 3: up" tui_wait clerk "採決 w1 書面"
tui_keys clerk F11
check "day 3: the earlier answers keep their day" vote_wait_re clerk \
    '伊藤委員 +賛成 6/28'
check "day 3: still to answer" vote_wait_re clerk '>山田委員 +未回答'
tui_keys clerk y
check "day 3: answer" vote_wait_re clerk '山田委員 +賛成 6/30'
tui_keys clerk n
check "day 3: an answer against" vote_wait_re clerk '川村委員 +反対 6/30'
check "day 3: the count so far" vote_wait_re clerk '賛成 #+ +3( |$)'
tui_keys clerk F11
check "day 3: the log pane back" tui_wait clerk "記録 ─"
check "day 3: the log counts every answer so far" tui_wait clerk \
    "集計: 賛成 3 反対 1 棄権 0"
check "day 3: an earlier tally keeps its own count" tui_wait clerk \
    "集計: 賛成 2 反対 0 棄権 0"
tui_stop clerk

# Day five, after the deadline: the last answer is late.
TUI_NOW=2024-07-02T11:00:00+09:00
tui_start clerk "$M"
check "day 5: up" tui_wait clerk "採決 w1 書面"
tui_keys clerk F11
check "day 5: the next member" vote_wait_re clerk '>森下委員 +未回答'
tui_keys clerk y
check "day 5: late after the deadline" vote_wait_re clerk \
    '森下委員 +賛成 7/2 期限後'
check "day 5: the late answer is not counted" vote_wait_re clerk \
    '賛成 #+ +3( |$)'
tui_keys clerk C
check "the decision's words are asked" tui_wait clerk "決定の文言"
tui_keys clerk Enter
check "closed" tui_wait clerk "決定: 同意"
check "day 5: the log shows the late answer apart" tui_wait clerk \
    "集計: 賛成 3 反対 1 棄権 0 期限後 1"
tui_stop clerk

check "five tallies of one ballot each" test "$("$GIJI" log "$M" --json |
    grep '"type":"vote.tally"' | grep -c '"ballots":{"[a-z]*":"[a-z]*"}')" = 5
check "each at its day's time" test "$("$GIJI" log "$M" --json |
    grep '"type":"vote.tally"' | sed 's/.*"ts":"\([0-9-]*\)T.*/\1/' |
    uniq | tr '\n' ' ')" = "2024-06-28 2024-06-30 2024-07-02 "
check "carried: 3 of the 4 cast in time" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"vote\":\"w1\",\"outcome\":\"carried\"'"
check "the minutes compile" sh -c \
    "'$GIJI' minutes '$M' --style written > '$T/minutes.txt'"
done_testing
