#!/bin/sh
# SPDX-License-Identifier: ISC
# Resize live: 80x24 works, 40x10 shows a clear notice, back to 80x24
# and to 100x30 the panes return with the draft intact.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "80x24 comes up" tui_wait a "発言者: （未選択"
tui_keys a M-2
tui_type a "リサイズ中の下書き"
check "typed" tui_wait a "リサイズ中の下書き"
$TUI resize-window -t a -x 40 -y 10
check "40x10: the notice" tui_wait a "端末が小さすぎます"
check "it names the size" tui_wait a "40x10"
check "and what giji needs, wrapped to the width, not cut" tui_wait a "が必要です。"
tui_type a "小"
check "typing goes on into the draft meanwhile" tui_wait a "下書きに続きます: 10 文字"
tui_keys a M-3
tui_type a "待"
check "a speaker's key and what follows it wait for the window" \
    tui_wait a "2 個のキーが"
$TUI resize-window -t a -x 80 -y 24
check "back to 80x24: panes return, the key played" tui_wait a "発言者: 山田委員"
check "the draft is intact, nothing typed lost" tui_wait a "リサイズ中の下書き小待"
$TUI resize-window -t a -x 100 -y 30
check "100x30" tui_wait a "記録 ─ 会議全体"
check "status line on the last row" tui_wait_row a 30 "保存済"
check "input title above it" tui_wait_row a 25 "発言者: 山田委員"
tui_keys a Enter
check "still records" tui_wait a "記録しました"
contains "the speech as typed, to the speaker chosen while small" \
    "$(tui_last "$M" speech)" '"speaker":"yamada","text":"リサイズ中の下書き小待"'

# F10 while small: the text waiting goes into the draft, kept.
$TUI resize-window -t a -x 40 -y 10
check "40x10 again" tui_wait a "40x10"
tui_keys a M-2
tui_type a "閉じる前"
check "held" tui_wait a "5 個のキーが"
tui_stop a
tui_start a "$M"
$TUI resize-window -t a -x 80 -y 24
check "reopened: the held text is the draft" tui_wait a "閉じる前"
tui_keys a C-u
tui_stop a

# A speech typed while its keys waited began when its first key came, not
# when the window was large enough to play them (the real clock here: the
# keys wait three seconds).
M2=$T/m2.giji
tui_meeting "$M2"
TUI_NOW= tui_start b "$M2"
check "real clock: up" tui_wait b "発言者: （未選択"
$TUI resize-window -t b -x 40 -y 10
check "small" tui_wait b "40x10"
tui_keys b M-2
tui_type b "待っていた発言"
check "its keys wait" tui_wait b "個のキーが"
sleep 3
$TUI resize-window -t b -x 80 -y 24
check "played" tui_wait b "待っていた発言"
tui_keys b Enter
check "recorded" tui_wait b "記録しました"
started=$("$GIJI" log "$M2" --json | grep '"type":"speech"' | tail -n 1 |
    sed 's/.*"started":"\([^"]*\)".*/\1/')
ts=$("$GIJI" log "$M2" --json | grep '"type":"speech"' | tail -n 1 |
    sed 's/.*"ts":"\([^"]*\)".*/\1/')
gap=$(python3 -c 'import sys, datetime as d
f = lambda s: d.datetime.fromisoformat(s.replace("Z", "+00:00"))
print(int((f(sys.argv[2]) - f(sys.argv[1])).total_seconds()))' "$started" "$ts")
check "started when the first key came: 2 s or more before it was recorded ($gap s)" \
    test "${gap:-0}" -ge 2
tui_stop b
done_testing
