#!/bin/sh
# SPDX-License-Identifier: ISC
# Japanese line breaking in the log pane (issue 14 item 4), in English and
# Japanese: a speech whose 、 falls at the start of a continuation row
# when cut by width alone moves the character before it down with it; a
# numeral and its counter (2本) and 41％ stay whole. The log pane is 53
# columns wide at 80x24; its rows after the first are indented by 6.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
# "14:00 伊藤委員" and two columns: 16, then 18 wide characters (36) fill
# 52 of 53 columns; 、 would be the 19th. The next row (47 columns after
# the indent) ends 23 characters later where 2本 would be cut, and the
# third where 41 would be.
a=あいうえおかきくけこさしすせそたちつ
b=てとなにぬねのはひふへほまみむめもやゆよらり
c=るれろわをんあいうえおかきくけこさしすせそた
text="${a}、${b}2本${c}41％です。"
for lang in C.UTF-8 ja_JP.UTF-8; do
	TUI_LANG=$lang
	case $lang in ja*) ready="発言者:" ;; *) ready="Speaker:" ;; esac
	tui_start a "$M"
	check "$lang: up" tui_wait a "$ready"
	tui_keys a M-2
	tui_type a "$text"
	tui_keys a Enter
	check "$lang: recorded" tui_wait a "です。"
	check "$lang: no row of the log starts with 、" \
	    tui_wait_not a "|      、"
	check "$lang: the character before it went down with it" \
	    tui_wait a "|      つ、て"
	check "$lang: 2本 is whole" tui_wait a "2本"
	check "$lang: 41％ is whole" tui_wait a "41％"
	tui_stop a
done
done_testing
