#!/bin/sh
# SPDX-License-Identifier: ISC
# Layout (issue 14 item 5), in English and Japanese: at 80x24 the help
# screen shows every action's whole description (rows wrap, nothing is
# cut at the right edge) and the speaker picker covers the screen above
# the input line (nothing of the log shows through at its edges); the
# agenda column follows the terminal's width (26 of 80 columns, 39 of
# 120).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"
M=$T/m.giji
tui_meeting "$M"
"$GIJI" add "$M" agenda.open item=a2 >/dev/null
"$GIJI" add "$M" speech speaker=ito text="昨年度は約41％でございました。夏場の水やりを地域の皆さんにお願いする仕組みを始めております。" >/dev/null

# The display column of the first | on row 2 (python: East Asian width).
# sep_is N: the first | is at column N (for tui_until, in this shell).
sep_is() { [ "$(sep_col)" = "$1" ]; }
sep_col() {
	$TUI capture-pane -t a -p | sed -n 2p | python3 -c '
import sys, unicodedata
s = sys.stdin.read()
col = 0
for ch in s:
    if ch == "|":
        break
    col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
print(col)'
}

for lang in C.UTF-8 ja_JP.UTF-8; do
	TUI_LANG=$lang
	case $lang in
	ja*) ready="発言者:"; helptitle="ヘルプ — q / Escape"
	     picktitle="発言者を選ぶ" ;;
	*)   ready="Speaker:"; helptitle="Help — q, Escape"
	     picktitle="Choose the speaker" ;;
	esac
	case $lang in C*) ;; *) need_locale "$lang" ;; esac
	LC_ALL=$lang "$GIJI" --list-actions | cut -f4 > "$T/helps"
	tui_start a "$M"
	check "$lang: up" tui_wait a "$ready"
	tui_keys a F1
	check "$lang: help" tui_wait a "$helptitle"
	# Page down until the screen stops changing, keeping each page.
	: > "$T/pages"
	$TUI capture-pane -t a -p > "$T/page"
	i=0
	while [ $i -lt 40 ]; do
		cat "$T/page" >> "$T/pages"
		tui_keys a PageDown
		tui_until 1 sh -c "! $TUI capture-pane -t a -p | cmp -s - '$T/page'" ||
		    break
		$TUI capture-pane -t a -p > "$T/page"
		i=$((i + 1))
	done
	# Each description's end is on some page: its rows were not cut.
	missing=$(python3 - "$T/helps" "$T/pages" <<'PY'
import sys
pages = open(sys.argv[2]).read()
flat = "".join(pages.split())
miss = [h for h in open(sys.argv[1]).read().splitlines()
        if h and "".join(h.split())[-12:] not in flat]
print(len(miss), miss[:3])
PY
)
	is "$lang: every action's description ends on the help screen" \
	    "$missing" "0 []"
	is "$lang: no row wider than 80 columns" "$(python3 -c '
import sys, unicodedata
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
            for c in line.rstrip("\n"))
    n += w > 80
print(n)' "$T/pages")" 0
	tui_keys a q
	check "$lang: help closed" tui_wait_not a "$helptitle"
	tui_keys a F2
	check "$lang: the picker" tui_wait a "$picktitle"
	check "$lang: nothing of the log shows through the picker" \
	    tui_wait_not a "昨年度は約41"
	check "$lang: the picker's title is whole" tui_wait a \
	    "$(LC_ALL=$lang "$GIJI" --help >/dev/null 2>&1; case $lang in
	    ja*) echo "数字で即決、文字で検索、Enter、Escape" ;;
	    *) echo "letters search, Enter, Escape" ;; esac)"
	tui_keys a Escape
	check "$lang: picker closed" tui_wait a "昨年度は約41"
	is "$lang: 80 columns: the agenda column is 26 wide" "$(sep_col)" 26
	$TUI resize-window -t a -x 120 -y 30
	check "$lang: resized" tui_until "" sh -c "[ \"\$($TUI display -p -t a '#{window_width}')\" = 120 ]"
	check "$lang: redrawn" tui_wait a "$ready"
	tui_until "" sep_is 39
	is "$lang: 120 columns: the agenda column is 39 wide" "$(sep_col)" 39
	$TUI resize-window -t a -x 80 -y 24
	tui_stop a
done
done_testing
