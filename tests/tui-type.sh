#!/bin/sh
# SPDX-License-Identifier: ISC
# Type a Japanese speech with cursor moves and backspaces over wide
# characters, check the cursor column, record it, and check the file.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-2
check "M-2 picks 伊藤委員" tui_wait a "発言者: 伊藤委員"
tui_type a "本日の会議を開会します"
check "text shows" tui_wait a "本日の会議を開会します"
check "cursor after 11 wide characters" tui_wait_cursor a "22,20"
tui_keys a Left Left Left BSpace BSpace
check "backspace removes whole wide characters" tui_wait a "本日の会議をします"
check "cursor at column 12" tui_wait_cursor a "12,20"
tui_type a "で"
tui_keys a Home
tui_type a "ａ①"
check "insert at home" tui_wait a "ａ①本日の会議をでします"
check "cursor after ａ① (2+1 columns)" tui_wait_cursor a "3,20"
tui_keys a End C-w
check "C-w kills the hiragana run" tui_wait_not a "会議をでします"
check "cursor after ａ①本日の会議" tui_wait_cursor a "13,20"
tui_keys a C-y Enter
check "recorded message" tui_wait a "記録しました #"
check "the speech is in the log pane" tui_wait a "伊藤委員　ａ①本日の会議をでします"
line=$(tui_last "$M" speech)
contains "stored text" "$line" '"text":"ａ①本日の会議をでします"'
contains "stored speaker" "$line" '"speaker":"ito"'
contains "started time of the first key" "$line" '"started":"2024-06-27T'
check "input line empty again" tui_wait a "下書きなし"
tui_type a "長い発言が折り返されることを確かめるための文章です。八十桁の端末で二行目に入るまで続けます。"
check "a long speech wraps onto a second row" tui_wait a "で続けます。"
row=$(tui_screen a | sed -n 22p)
contains "second row holds the rest" "$row" "続けます。"
tui_stop a
is "giji exits on F10" "$(tui_dead a)" 1
done_testing
