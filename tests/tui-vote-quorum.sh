#!/bin/sh
# SPDX-License-Identifier: ISC
# Quorum on the vote pane: with 10 of 20 present (11 needed) the vote is
# flagged when called and on both screens, its result is 否決 for want of
# quorum, and closing it asks the chair to confirm before anything is
# recorded. A late arrival shows on the quorum line of the open vote.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"

M=$T/m.giji
vote_meeting "$M" 20
i=1
while [ $i -le 10 ]; do
	"$GIJI" add "$M" attendance member=m$i status=absent >/dev/null
	i=$((i + 1))
done
tui_start chair --chair "$M"
tui_start clerk "$M"
check "the quorum line before any vote" tui_wait chair \
    "定足数: 出席 10 名 / 必要 11 名  定足数不足"
check "the clerk's quorum line" tui_wait clerk "出席10/定足11 不足"
tui_keys chair H
check "the motion is asked" tui_wait chair "議案を確かめ"
tui_keys chair Enter Enter Enter
check "calling warns" tui_wait chair \
    "採決 v1: 定足数不足（出席10/必要11）"
tui_type chair 6
tui_keys chair Down
tui_type chair 2
tui_keys chair Enter
check "the count is recorded" tui_wait chair "集計を記録しました"
check "the result: no quorum, worded as giji stats words it" \
    tui_wait chair "結果: 定足数不足（出席10名、定足数11名）"
check "the clerk sees no quorum" tui_wait clerk "定足数不足"
tui_keys chair C
check "closing asks to confirm" tui_wait chair "もう一度 C"
check "nothing recorded yet" test "$(vote_count "$M" vote.result)" = 0
tui_keys chair Escape
check "Escape withdraws the question" tui_wait chair "取りやめました"
tui_keys chair C
check "asked again" tui_wait chair "もう一度 C"
tui_keys chair C
check "the decision's words are asked" tui_wait chair "決定の文言"
tui_keys chair Enter
check "the chair confirms" tui_wait chair "採決 v1 を終了しました: 否決（議長宣言）"
check "recorded as failed, declared" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"vote\":\"v1\",\"outcome\":\"failed\",\"declared\":true'"
check "the decision: rejected" sh -c \
    "'$GIJI' log '$M' --json | grep -q '\"type\":\"decision\".*\"outcome\":\"rejected\"'"

# A member arrives: the next vote has its quorum.
"$GIJI" add "$M" attendance member=m1 status=arrived >/dev/null
check "the clerk sees the arrival" tui_wait clerk "出席11/定足11"
tui_keys chair H
check "the motion is asked again" tui_wait chair "議案を確かめ"
tui_keys chair Enter Enter Enter
check "a second vote" tui_wait chair "採決 v2 挙手"
check "with its quorum" tui_wait chair "定足数: 出席 11 名 / 必要 11 名  成立"
tui_keys chair u
check "all in favour" tui_wait chair "全員賛成を記録しました"
check "carried unanimously" tui_wait chair "結果: 可決（全員賛成）"
tui_keys chair C
check "no quorum question, only the decision's words" tui_wait chair \
    "決定の文言"
tui_keys chair Enter
check "closed" tui_wait chair "採決 v2 を終了しました: 可決"
check "a decision without words has no text" sh -c \
    "! '$GIJI' log '$M' --json | grep '\"type\":\"decision\"' | grep -q '\"text\"'"
tui_stop chair
tui_stop clerk
check "the minutes compile" sh -c "'$GIJI' minutes '$M' > '$T/minutes.txt'"
done_testing
