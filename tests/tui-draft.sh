#!/bin/sh
# SPDX-License-Identifier: ISC
# The draft survives kill -9 (once saved: at most a second of typing
# lost), SIGTERM and SIGHUP (saved on the way out); restart shows it back
# with its speaker, and the speech's started time is its first key.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-3
tui_type a "途中まで入力した発言"
check "the draft is saved" tui_wait a "保存済"
kill -9 "$(tui_pid a)"
check "giji is gone" tui_wait_dead a
tui_start a "$M"
check "restart: the draft is back" tui_wait a "途中まで入力した発言"
check "with its speaker" tui_wait a "発言者: 山田委員"
check "and a message" tui_wait a "下書きを復元しました"
tui_type a "、続き"
# giji has read the keys (the signal must not overtake them).
tui_wait a "途中まで入力した発言、続き" >/dev/null
kill -TERM "$(tui_pid a)"
check "SIGTERM: giji exits" tui_wait_dead a
tui_start a "$M"
check "after SIGTERM the draft is back, unsaved typing included" \
    tui_wait a "途中まで入力した発言、続き"
tui_type a "。"
tui_wait a "途中まで入力した発言、続き。" >/dev/null
kill -HUP "$(tui_pid a)"
check "SIGHUP: giji exits" tui_wait_dead a
tui_start a "$M"
check "after SIGHUP too" tui_wait a "途中まで入力した発言、続き。"
tui_keys a Enter
check "recorded" tui_wait a "記録しました"
contains "started is when the first key was typed" \
    "$(tui_last "$M" speech)" '"started":"2024-06-27T14:00:00+09:00"'
tui_stop a
tui_start a "$M"
check "after recording, no draft" tui_wait a "下書きなし"
tui_stop a
done_testing
