#!/bin/sh
# SPDX-License-Identifier: ISC
# Switch speakers by quick key and by incremental search (name, reading,
# katakana reading matched by hiragana), add one on the fly, record.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-1
check "M-1: 佐藤会長" tui_wait a "発言者: 佐藤会長 [M-1]"
tui_keys a M-4
check "M-4: staff label" tui_wait a "発言者: 課長（加藤） [M-4]"
tui_keys a M-p
check "M-p: the previous in the roster" tui_wait a "発言者: 山田委員"
tui_keys a F2
check "F2 opens the picker" tui_wait a "発言者を選ぶ"
tui_type a "いとう"
check "search by hiragana finds a katakana reading" tui_wait a "伊藤委員  イトウ"
tui_wait_not a "山田委員  やまだ"
check "others filtered out" test $? = 0
tui_keys a Enter
check "Enter takes it" tui_wait a "発言者: 伊藤委員 [M-2]"
tui_keys a C-o
check "C-o opens the picker" tui_wait a "検索:"
tui_type a "yama"
check "search by id" tui_wait a "山田委員"
tui_keys a 1
check "digit takes the first match" tui_wait a "発言者: 山田委員 [M-3]"
tui_type a "山田です"
tui_keys a Enter
check "recorded" tui_wait a "記録しました"
contains "speech by yamada" "$(tui_last "$M" speech)" '"speaker":"yamada"'
tui_keys a F3
check "F3 asks for a new speaker" tui_wait a "発言者の追加"
tui_type a "suzuki 鈴木 委員 すずき"
tui_keys a Enter
check "added and current" tui_wait a "発言者: 鈴木委員 [M-5]"
contains "member.add recorded" "$(tui_last "$M" member.add)" '"id":"suzuki"'
tui_keys a F2
tui_type a "すず"
check "the new speaker is searchable" tui_wait a "鈴木委員  すずき"
tui_keys a Escape
check "Escape closes the picker" tui_wait_not a "発言者を選ぶ"
tui_stop a
done_testing
