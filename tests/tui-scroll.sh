#!/bin/sh
# SPDX-License-Identifier: ISC
# The speaker log scrolls over a long meeting by paging from the file:
# PageUp/PageDown, Home/End, selecting entries with Up/Down, and a new
# event while scrolled back does not yank the view.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
GIJI=$GIJI sh "$top_srcdir/bench/tui-gen.sh" 5000 "$M" >/dev/null 2>&1
check "a 5000-event meeting" "$GIJI" verify "$M"
tui_start a "$M"
check "the end of the meeting shows" tui_wait a "── 議題終了: 議題その20"
tui_keys a PageUp
check "PageUp: earlier speeches" tui_wait_not a "── 議題終了: 議題その20"
tui_keys a PageUp PageUp PageUp
tui_keys a Tab Tab
check "log focused" tui_focused a "記録 ─"
tui_keys a Home
check "Home: the first entry" tui_wait a "── 議題開始: 議題その1"
check "the title says scrolled" tui_wait a "スクロール中"
tui_keys a PageDown
check "PageDown from the top" tui_wait_not a "── 議題開始: 議題その1"
"$GIJI" add "$M" note text=割り込みの注記 >/dev/null 2>&1
# Time for giji to see the new event (it looks every 100 ms); what is
# checked is that it does not show, so a slow run cannot fail here.
sleep 1
check "a new event does not move the scrolled view" \
    tui_wait_not a "割り込みの注記"
tui_keys a End
check "End: the latest again, with the new note" tui_wait a "割り込みの注記"
tui_keys a Up
check "Up selects the newest entry (reverse video)" tui_focused a "割り込みの注記"
tui_keys a Up
check "Up again moves the selection" tui_wait_not_sel a "割り込みの注記"
tui_keys a Escape
tui_stop a
# A speech taller than the pane is paged through row by row: from the
# top, PageDown shows every word of it in turn, and PageUp from the end
# comes back to its first row (the time and the speaker).
L=$T/long.giji
tui_meeting "$L"
words=$(python3 -c 'print(" ".join("W%04d" % i for i in range(1, 1201)))')
"$GIJI" add "$L" speech speaker=ito text="$words" >/dev/null
"$GIJI" add "$L" speech speaker=sato text=長い発言の後 >/dev/null
tui_start l "$L"
check "long: the end shows" tui_wait l "長い発言の後"
check "long: the speech's last words above it" tui_wait l "W1200"
tui_keys l Tab Tab
check "long: log focused" tui_focused l "記録 ─"
tui_keys l Home
check "long: Home shows the speech's first row" tui_wait l "伊藤委員　W0001"
seen=$T/long-seen
: >"$seen"
n=0
while [ $n -lt 60 ]; do
	tui_screen l >>"$seen"
	grep -q "長い発言の後" "$seen" && break
	tui_keys l PageDown
	sleep 0.2
	n=$((n + 1))
done
missing=$(python3 -c '
import re, sys
seen = set(re.findall(r"W\d{4}", open(sys.argv[1]).read()))
print(sum(1 for i in range(1, 1201) if "W%04d" % i not in seen))
' "$seen")
is "long: PageDown shows every word of it (missing: $missing)" "$missing" 0
n=0
while [ $n -lt 60 ] && ! tui_screen l | grep -q "伊藤委員　W0001"; do
	tui_keys l PageUp
	sleep 0.2
	n=$((n + 1))
done
check "long: PageUp comes back to its first row" tui_wait l "伊藤委員　W0001"
tui_stop l

done_testing
