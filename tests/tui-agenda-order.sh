#!/bin/sh
# SPDX-License-Identifier: ISC
# Reorder the agenda: K / J (and M-Up / M-Down) move the selected item,
# each move records one agenda.order with the whole new order; the pane
# shows the order the fold computes (minutes' 会議次第), after a restart
# too, and a retracted agenda.order is undone on the screen as in the fold.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "agenda shows" tui_wait a "未 報告事項"
# Rows 2.. of the agenda pane: 会議全体, then the items.
check "add order: 開会 first" tui_wait_row a 3 "未 開会"
tui_keys a Tab
check "Tab focuses the agenda" tui_focused a "議題 テスト審議会"

tui_keys a Home K
check "the whole meeting cannot move" tui_wait a "議題を選んでください"
tui_keys a Down K
check "the first item cannot move up" tui_wait a "これ以上上へは動かせません"
is "nothing recorded" "$("$GIJI" log "$M" --json | grep -c agenda.order)" 0

tui_keys a Down K
check "K moves 予算の審議 up" tui_wait_row a 3 "未 予算の審議"
check "開会 follows it" tui_wait_row a 4 "未 開会"
check "the selection follows the item" tui_wait a "記録 ─ 予算の審議"
contains "agenda.order with the full order" "$(tui_last "$M" agenda.order)" \
    '"items":["a2","a1","a3"]'

tui_keys a End M-Up
check "M-Up moves 報告事項 up" tui_wait_row a 4 "未 報告事項"
check "開会 is last" tui_wait_row a 5 "未 開会"
contains "second agenda.order" "$(tui_last "$M" agenda.order)" \
    '"items":["a2","a3","a1"]'
tui_keys a J
check "J moves it back down" tui_wait_row a 5 "未 報告事項"
tui_keys a M-Down
check "the last item cannot move down" tui_wait a "これ以上下へは動かせません"
tui_keys a K
check "K again" tui_wait_row a 4 "未 報告事項"
is "four agenda.order events" \
    "$("$GIJI" log "$M" --json | grep -c '"type":"agenda.order"')" 4

# Open the (now second) item: opening works on the moved index.
tui_keys a Enter
check "open 報告事項" tui_wait_row a 4 "中 報告事項"
contains "agenda.open names a3" "$(tui_last "$M" agenda.open)" '"item":"a3"'
check "the input line has the focus again" tui_focused a "発言者"
tui_keys a Tab
check "Tab: the agenda" tui_focused a "議題 テスト審議会"

# The minutes list the items in the new order.
"$GIJI" minutes "$M" --style verbatim >"$T/min.txt" 2>&1
is "minutes: 1 予算の審議" "$(grep -A3 '会議次第' "$T/min.txt" | sed -n 2p)" \
    "１ 予算の審議"
is "minutes: 2 報告事項" "$(grep -A3 '会議次第' "$T/min.txt" | sed -n 3p)" \
    "２ 報告事項"
is "minutes: 3 開会" "$(grep -A3 '会議次第' "$T/min.txt" | sed -n 4p)" \
    "３ 開会"

# A second terminal folds the agenda.order events at start-up.
tui_start b "$M"
check "b: 予算の審議 first" tui_wait_row b 3 "予算の審議"
check "b: 報告事項 second" tui_wait_row b 4 "中 報告事項"
check "b: 開会 third" tui_wait_row b 5 "未 開会"

# Retract the last agenda.order from the log of the whole meeting: both
# terminals go back to a2 a1 a3 with 報告事項 still open, as the fold does.
tui_keys a Home
check "whole meeting" tui_wait a "記録 ─ 会議全体"
check "the reorder is in the log" tui_wait a "議題の順序を変更"
tui_keys a Tab
check "log focused" tui_focused a "記録 ─ 会議全体"
tui_keys a Up Up
check "the last reorder selected" tui_wait a "── 議題の順序を変更"
tui_keys a r
check "retract asks for a reason" tui_wait a "取消"
tui_keys a Enter
check "retract recorded" tui_wait a "を取消にしました"
check "a: 報告事項 back to third" tui_wait_row a 5 "中 報告事項"
check "a: 開会 second" tui_wait_row a 4 "未 開会"
check "b sees it" tui_wait_row b 5 "中 報告事項"
"$GIJI" minutes "$M" --style verbatim >"$T/min.txt" 2>&1
is "minutes after the retract" \
    "$(grep -A3 '会議次第' "$T/min.txt" | sed -n 2,4p | tr -d '\n')" \
    "１ 予算の審議２ 開会３ 報告事項"
tui_stop a
tui_stop b
done_testing
