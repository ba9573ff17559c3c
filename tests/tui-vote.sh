#!/bin/sh
# SPDX-License-Identifier: ISC
# The vote pane on two terminals, the chair's (giji --chair) and the
# clerk's, on one meeting file: a show of hands of 15 for and 2 against
# taken by the chair shows on the clerk's screen (within half a second on
# an idle machine) and is in the file; a recount replaces it on both; the clerk's count shows
# on the chair's screen; an impossible count is refused with vote.c's
# message and nothing recorded; closing records the result and the
# decision, and the minutes compile with the count sentence.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"

M=$T/m.giji
vote_meeting "$M" 20
tui_start chair --chair "$M"
tui_start clerk "$M"
check "the chair's view is up" tui_wait chair "（採決なし）"
check "the chair's view shows the quorum" tui_wait chair \
    "定足数: 出席 20 名 / 必要 11 名  成立"
check "the clerk's view is up" tui_wait clerk "出席20/定足11"

# The chair opens a show of hands on the open item and counts.
tui_keys chair H
check "calling asks for the motion" tui_wait chair "議案を確かめ"
check "the motion defaults to the item" tui_wait chair "予算の審議"
check "nothing recorded while asking" test "$(vote_count "$M" vote.call)" = 0
tui_keys chair End
tui_type chair "（原案）"
tui_keys chair Enter
# Nobody moved it (the first row), no number.
check "then who moved it" tui_wait chair "提出者は？"
tui_keys chair Enter Enter
check "a vote is called" tui_wait chair "採決 v1 挙手"
check "with the motion as edited" tui_wait chair "議題: 予算の審議（原案）"
check "vote.call has the motion" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"motion\":\"予算の審議（原案）\"'"
check "the clerk sees the vote called" tui_wait clerk "採決 v1 挙手"
tui_type chair 15
tui_keys chair Down
tui_type chair 2
check "counting is pending, not recorded" tui_wait chair "未確定"
check "nothing recorded while counting" test "$(vote_count "$M" vote.tally)" = 0
tui_keys chair Enter
check "the chair records the tally" tui_wait chair "集計を記録しました"
check "the clerk sees 15 for" vote_wait_re clerk '賛成 #+ +15 '
check "the clerk sees 2 against" vote_wait_re clerk '反対 #+ +2 '
check "the clerk sees the result" tui_wait clerk "可決 要9"
check "the chair's result" tui_wait chair "結果: 可決（賛成 15 / 必要 9）"
check "the file holds the tally" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"type\":\"vote.tally\".*\"for\":15,\"against\":2,\"abstain\":0'"

# A recount replaces it on both screens; the first count stays in the log.
tui_keys chair r
check "the recount starts" tui_wait chair "再集計中"
tui_type chair 14
tui_keys chair Down
tui_type chair 3
tui_keys chair Enter
check "the recount is recorded" tui_wait chair "再集計を記録しました"
check "the clerk sees the recount" vote_wait_re clerk '賛成 #+ +14 '
check "and its 3 against" vote_wait_re clerk '反対 #+ +3 '
check "the chair sees the recount" vote_wait_re chair '賛成 #+ +14 *$'
check "the history is kept" test "$(vote_count "$M" vote.tally)" = 2

# The other way round: the clerk counts, the chair sees it.
tui_keys clerk F11
check "the clerk's vote pane grows with the focus" tui_wait clerk \
    "議題: 予算の審議"
tui_keys clerk r
tui_type clerk 16
tui_keys clerk Down
tui_type clerk 1
tui_keys clerk Enter
check "the clerk records" tui_wait clerk "再集計を記録しました"
check "the chair sees the clerk's count" \
    vote_wait_re chair '賛成 #+ +16 *$'

# An impossible count: 25 for with 19 who may vote.
tui_keys chair r
tui_type chair 25
tui_keys chair Enter
check "an invalid count is refused with vote.c's message" tui_wait chair \
    "記録しません: 採決 v1: 25 票が数えられていますが"
check "nothing recorded" test "$(vote_count "$M" vote.tally)" = 3
tui_keys chair Escape
check "Escape goes back to the recorded count" vote_wait_re chair \
    '賛成 #+ +16 *$'

# Close: the result and the decision.
tui_keys chair C
check "closing asks for the decision's words" tui_wait chair "決定の文言"
check "nothing recorded while asking" test "$(vote_count "$M" vote.result)" = 0
tui_type chair "原案のとおり承認する"
tui_keys chair Enter
check "the vote is closed" tui_wait chair "採決 v1 を終了しました: 可決（議長宣言）"
check "the decision has the words" sh -c \
    "'$GIJI' log '$M' --json | grep '\"type\":\"decision\"' | grep -q '\"text\":\"原案のとおり承認する\"'"
check "the decision shows" tui_wait chair "決定: 承認"
check "the clerk sees it closed" tui_wait clerk "採決 v1 挙手 終了"
check "vote.result carried, declared" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"vote\":\"v1\",\"outcome\":\"carried\",\"declared\":true'"
check "the decision approved" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"type\":\"decision\".*\"outcome\":\"approved\",\"vote\":\"v1\"'"
tui_keys chair y
check "… with a message" tui_wait chair "は終了しています"
tui_stop chair
tui_stop clerk
check "the chain verifies" "$GIJI" verify "$M"
check "the minutes compile" sh -c "'$GIJI' minutes '$M' > '$T/minutes.txt'"
check "the minutes have the count" grep -q "賛成16名、反対1名" "$T/minutes.txt"
check "the internal minutes keep the recount" grep -q "再集計前の集計" \
    "$T/minutes.txt"
done_testing
