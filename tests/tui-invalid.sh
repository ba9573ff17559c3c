#!/bin/sh
# SPDX-License-Identifier: ISC
# Invalid UTF-8 from the terminal becomes U+FFFD, one per bad sequence,
# and the next characters are not lost or delayed (get_wch would stall).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-2
tui_type a "前"
tui_keys a -H ff
tui_type a "後"
check "a bad byte shows as U+FFFD" tui_wait a "前�後"
check "and the clerk is told" tui_wait a "UTF-8 でないバイト列が 1 個"
tui_keys a -H e3 81
tui_type a "あ"
check "a truncated sequence: U+FFFD, the next character kept" \
    tui_wait a "前�後�あ"
tui_keys a -H c0 af
tui_type a "x"
check "an overlong sequence: two bad bytes, two U+FFFD" \
    tui_wait a "�後�あ��x"
check "told of the two" tui_wait a "UTF-8 でないバイト列が 2 個"
tui_type a "�"
check "a U+FFFD typed as it is is kept" tui_wait a "��x�"
tui_keys a Enter
check "recorded" tui_wait a "記録しました"
line=$(tui_last "$M" speech)
contains "stored as valid UTF-8 with U+FFFD" "$line" '前�後�あ��x�'
check "giji verify passes" "$GIJI" verify "$M"
tui_stop a
done_testing
