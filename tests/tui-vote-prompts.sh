#!/bin/sh
# SPDX-License-Identifier: ISC
# The vote pane's questions in the input line: Escape at the motion calls
# no vote; a tie under chair=casting asks the chair's casting vote before
# the decision's words (a show of hands and a roll call: the tally again
# with casting, which completes the count); a written vote asks its deadline, refuses one
# it cannot read and records the ISO 8601 time in the meeting's zone.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"

M=$T/m.giji
vote_meeting "$M" 5
tui_start chair --chair "$M"
check "up" tui_wait chair "定足数: 出席 5 名"

# Escape at the motion: no vote.
tui_keys chair H
check "the motion is asked" tui_wait chair "議案を確かめ"
tui_keys chair Escape
check "Escape withdraws it" tui_wait chair "取りやめました"
check "no vote.call" test "$(vote_count "$M" vote.call)" = 0

# A show of hands, 2 for and 2 against: the chair breaks the tie.
tui_keys chair H
check "asked again" tui_wait chair "議案を確かめ"
tui_keys chair Enter Enter Enter
check "v1 called" tui_wait chair "採決 v1 挙手"
tui_type chair 2
tui_keys chair Down
tui_type chair 2
tui_keys chair Enter
check "the tie is recorded" tui_wait chair "集計を記録しました"
check "shown as a tie" tui_wait chair "可否同数"
tui_keys chair C
check "closing a tie asks the casting vote" tui_wait chair "議長裁決: y（可）か n（否）"
tui_type chair "x"
tui_keys chair Enter
check "an answer that is not y or n is refused" tui_wait chair \
    "y（可）か n（否）で答えてください"
tui_keys chair BSpace
tui_type chair "y"
tui_keys chair Enter
check "then the decision's words" tui_wait chair "決定の文言"
check "the casting vote is a tally with the counts again" sh -c \
    "'$GIJI' log '$M' --json | grep '\"type\":\"vote.tally\"' | tail -n 1 | grep -q '\"for\":2,\"against\":2,\"abstain\":0,\"casting\":\"yes\"'"
check "the pane shows the casting vote, as giji stats words it" \
    tui_wait chair "結果: 可否同数のため、会長が可と決した（可決）"
tui_keys chair Enter
check "v1 closed, carried" tui_wait chair "採決 v1 を終了しました: 可決"
check "vote.result carried" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"vote\":\"v1\",\"outcome\":\"carried\"'"

# A roll call tie (m1 m2 yes, m3 m4 no): the casting vote says no.
tui_keys chair L
check "the roll call's motion" tui_wait chair "議案を確かめ"
tui_keys chair C-u
tui_type chair "修正案"
tui_keys chair Enter Enter Enter
check "v2 called with the typed motion" tui_wait chair "議題: 修正案"
tui_keys chair y y n n Enter
check "the roll call is recorded" tui_wait chair "集計を記録しました"
tui_keys chair C
check "the casting vote is asked" tui_wait chair "議長裁決: y（可）か n（否）"
tui_type chair "否"
tui_keys chair Enter
check "the decision's words" tui_wait chair "決定の文言"
check "the roll call tally again with casting" sh -c \
    "'$GIJI' log '$M' --json | grep '\"type\":\"vote.tally\"' | tail -n 1 | grep -q '\"ballots\":{.*\"m4\":\"no\"},\"casting\":\"no\"'"
tui_keys chair Enter
check "v2 closed, failed" tui_wait chair "採決 v2 を終了しました: 否決"
check "vote.result failed" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"vote\":\"v2\",\"outcome\":\"failed\"'"

# A written vote asks its deadline.
tui_keys chair W
check "the written vote's motion" tui_wait chair "議案を確かめ"
tui_keys chair Enter Enter Enter
check "then its deadline" tui_wait chair "書面の期限"
tui_type chair "来週"
tui_keys chair Enter
check "an unreadable deadline is refused" tui_wait chair "期限が読めません: 来週"
check "no vote.call yet" test "$(vote_count "$M" vote.call)" = 2
tui_keys chair C-u
tui_type chair "2024-07-01 17:00"
tui_keys chair Enter
check "v3 called" tui_wait chair "採決 v3 書面"
check "the deadline shows" tui_wait chair "期限 7/1 17:00"
check "vote.call has the deadline in ISO 8601" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"method\":\"written\",\"deadline\":\"2024-07-01T17:00:00+09:00\"'"
tui_stop chair
check "the chain verifies" "$GIJI" verify "$M"
check "the minutes compile" sh -c "'$GIJI' minutes '$M' > '$T/minutes.txt'"
done_testing
