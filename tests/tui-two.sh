#!/bin/sh
# SPDX-License-Identifier: ISC
# Two terminals on one meeting file see each other's speeches (PRAGMA
# data_version polled every 100 ms: within half a second on an idle
# machine; the waits allow for a loaded one or a sanitizer build).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
tui_start b "$M"
check "terminal a up" tui_wait a "発言者: （未選択"
check "terminal b up" tui_wait b "発言者: （未選択"
tui_keys a M-1
tui_type a "一つ目の端末から"
tui_keys a Enter
check "a records" tui_wait a "記録しました"
check "b sees it" tui_wait b "佐藤会長　一つ目の端末から"
tui_keys b M-2
tui_type b "二つ目の端末から"
tui_keys b Enter
check "b records" tui_wait b "記録しました"
check "a sees it" tui_wait a "伊藤委員　二つ目の端末から"
tui_keys b F3
tui_type b "mori 森 委員"
tui_keys b Enter
check "b adds a speaker" tui_wait b "発言者: 森委員"
tui_keys a F2
tui_type a "mori"
check "a's roster has the new speaker" tui_wait a "森委員"
tui_keys a Escape
check "Escape closes a's picker" tui_wait_not a "発言者を選ぶ"
check "both in the file" test "$("$GIJI" log "$M" --json | grep -c '"type":"speech"')" = 2
check "the chain verifies" "$GIJI" verify "$M"
# A second terminal of the same station would share a's draft: refused
# while a runs, saying how to name it; a's draft is untouched.
tui_type a "aの下書き"
check "a has a draft" tui_wait a "aの下書き"
TUI_KEEP=1 TUI_ENV="GIJI_STATION=a" tui_start a2 "$M"
check "the same station again: refused, naming it" \
    tui_wait a2 "別の端末で端末名 a として開かれています"
check "with the name to give" tui_wait a2 "GIJI_STATION=a-2"
check "and it exits 1" tui_wait a2 "[exit 1]"
check "a's draft is still a's" tui_wait a "aの下書き"
tui_stop a
tui_stop b
TUI_ENV="GIJI_STATION=a" tui_start a3 "$M"
check "a closed: its station opens again, with its draft" tui_wait a3 "aの下書き"
tui_stop a3
done_testing
