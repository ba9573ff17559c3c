#!/bin/sh
# SPDX-License-Identifier: ISC
# A roll call of seven members from the chair's terminal, one key each:
# the chair (casting vote only) and a member recorded absent are filled in
# beforehand, Enter records one vote.tally with every ballot, the clerk's
# terminal shows the counts, and a roll-call recount replaces them.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"

M=$T/m.giji
vote_meeting "$M" 8 ito:伊藤 yamada:山田 kawamura:川村 morishita:森下 \
    ono:大野 kato:加藤 kobayashi:小林
"$GIJI" add "$M" attendance member=kobayashi status=absent >/dev/null
tui_start chair --chair "$M"
tui_start clerk "$M"
check "up" tui_wait chair "定足数: 出席 7 名 / 必要 5 名  成立"
tui_keys chair L
check "the motion is asked" tui_wait chair "議案を確かめ"
tui_keys chair Enter Enter Enter
check "a roll call is called" tui_wait chair "採決 v1 記名"
check "the chair gives no ballot" vote_wait_re chair '佐藤会長 +不参加'
check "the absent member is marked" vote_wait_re chair '小林委員 +欠席'
check "the first member to answer is selected" vote_wait_re chair \
    '>伊藤委員 +--'
tui_keys chair y y n a y
tui_keys chair v
check "one key each" vote_wait_re chair '大野委員 +賛成'
check "not voting" vote_wait_re chair '加藤委員 +不参加'
check "pending until Enter" test "$(vote_count "$M" vote.tally)" = 0
tui_keys chair Enter
check "recorded" tui_wait chair "集計を記録しました"
check "one tally with seven members' and the chair's ballots" sh -c \
    "'$GIJI' log '$M' --json | grep '\"type\":\"vote.tally\"' | grep -q '\"ballots\":{\"sato\":\"not_voting\",\"ito\":\"yes\",\"yamada\":\"yes\",\"kawamura\":\"no\",\"morishita\":\"abstain\",\"ono\":\"yes\",\"kato\":\"not_voting\",\"kobayashi\":\"absent\"}'"
check "the clerk sees 3 for" vote_wait_re clerk '賛成 #+ +3 '
check "the clerk sees 1 against" vote_wait_re clerk '反対 #+ +1 '
check "the clerk sees 1 abstention" vote_wait_re clerk '棄権 #+ +1 '
check "carried" tui_wait chair "結果: 可決（賛成 3 / 必要 3）"
check "the clerk's log counts the ballots" tui_wait clerk \
    "集計: 賛成 3 反対 1 棄権 1 不参加 2 欠席 1"

# A recount of the roll call: everybody answers again.
tui_keys chair r
check "recount: answers cleared" vote_wait_re chair '>伊藤委員 +--'
tui_keys chair n n n a y v
tui_keys chair Enter
check "the recount is recorded" tui_wait chair "再集計を記録しました"
check "the clerk sees 3 against" vote_wait_re clerk '反対 #+ +3 '
check "failed" tui_wait chair "結果: 否決（賛成 1 / 必要 3）"
check "the log counts the recount's ballots" tui_wait clerk \
    "集計: 賛成 1 反対 3 棄権 1 不参加 2 欠席 1"
check "two tallies" test "$(vote_count "$M" vote.tally)" = 2
tui_keys chair C
check "the decision's words are asked" tui_wait chair "決定の文言"
tui_keys chair Enter
check "closed" tui_wait chair "決定: 否"
tui_stop chair
tui_stop clerk
check "the minutes compile" sh -c "'$GIJI' minutes '$M' > '$T/minutes.txt'"
check "with the count" grep -q "賛成1名、反対3名、棄権1名" "$T/minutes.txt"
done_testing
