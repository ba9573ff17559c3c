#!/bin/sh
# SPDX-License-Identifier: ISC
# A 100 KB bracketed paste arrives whole (line breaks in it become spaces
# and do not record), then Enter records all of it.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-2
# 100 KB: 3-byte characters, a line break every 1,000 characters.
awk 'BEGIN { for (i = 0; i < 35; i++) { s = ""; for (j = 0; j < 1000; j++)
    s = s "議"; printf "%s\n", s } }' > "$T/paste.txt"
wc -c < "$T/paste.txt" | tr -d ' ' > "$T/size"
check "paste file is over 100 KB" test "$(cat "$T/size")" -ge 102400
$TUI load-buffer -b p "$T/paste.txt"
$TUI paste-buffer -p -b p -t a
check "the draft is saved after the paste" tui_wait a "保存済" 60
is "nothing recorded by the pasted line breaks" \
    "$("$GIJI" log "$M" --json | grep -c '"type":"speech"')" 0
tui_keys a Enter
check "recorded" tui_wait a "記録しました" 60
"$GIJI" log "$M" --json | grep '"type":"speech"' | tr -cd '議' | wc -c \
    | tr -d ' ' > "$T/n"
is "every character arrived" "$(cat "$T/n")" $((35000 * 3))
tui_stop a
done_testing
