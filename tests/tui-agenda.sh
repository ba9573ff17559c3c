#!/bin/sh
# SPDX-License-Identifier: ISC
# Move through the agenda: select, open (closing the open item), close,
# add an item; the log pane follows the selected item.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "agenda shows" tui_wait a "未 予算の審議"
tui_keys a Tab
check "Tab focuses the agenda" tui_wait a "議題 テスト審議会"
tui_keys a Down Enter
check "open the first item" tui_wait a "中 開会"
check "log follows it" tui_wait a "記録 ─ 開会"
check "its opening is in the log" tui_wait a "── 議題開始: 開会"
# What comes next is typed: the input line has the focus again, and a
# speech beginning with c does not close the item.
check "opening gives the input line the focus" tui_focused a "発言者"
tui_type a "ck"
check "a speech begun with c is typed" tui_wait a "ck"
check "the item stays open" tui_wait a "中 開会"
tui_keys a C-u Tab
check "Tab: the agenda again" tui_focused a "議題 テスト審議会"
tui_keys a Down o
check "open the next item" tui_wait a "中 予算の審議"
check "the first is closed" tui_wait a "済 開会"
is "agenda.close then agenda.open" \
    "$("$GIJI" log "$M" --json | grep -c '"type":"agenda\.')" 6
tui_keys a Tab
check "Tab: the agenda" tui_focused a "議題 テスト審議会"
tui_keys a c
check "c closes it" tui_wait a "済 予算の審議"
tui_keys a a
check "a asks for a title" tui_wait a "議題の追加"
tui_type a "その他"
tui_keys a Enter
check "the new item is listed" tui_wait a "未 その他"
contains "agenda.add recorded" "$(tui_last "$M" agenda.add)" '"title":"その他"'
tui_keys a Home
check "Home selects the whole meeting" tui_wait a "記録 ─ 会議全体"
tui_keys a Up
check "Up at the top stays" tui_wait a "記録 ─ 会議全体"
tui_keys a End
check "End selects the last item" tui_wait a "記録 ─ その他"
check "a pending item says so" tui_wait a "まだ開かれていない議題"
tui_stop a
done_testing
