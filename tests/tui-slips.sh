#!/bin/sh
# SPDX-License-Identifier: ISC
# Slips (issue 14): a mistyped meeting file is refused, with how to create
# one, rather than opened as a new empty meeting (for the clerk's view
# and the chair's); a mistyped command is named as one, with the nearest
# command. In English (C.UTF-8, en_US.UTF-8) and Japanese (ja_JP.UTF-8),
# as a clerk sees it in the terminal.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/環境.giji
tui_meeting "$M"
cd "$T" || exit 1

for lang in C.UTF-8 en_US.UTF-8 ja_JP.UTF-8; do
	TUI_LANG=$lang
	case $lang in
	ja*)	nofile="その会議ファイルはありません。作るには: giji new 環境2.giji"
		unknown="minuts: 不明なコマンドです。giji minutes のことですか？" ;;
	*)	nofile="環境2.giji: no such meeting file; to create one: giji new 環境2.giji"
		unknown="minuts: unknown command; did you mean giji minutes?" ;;
	esac
	TUI_KEEP=1
	tui_start a 環境2.giji
	check "$lang: a mistyped file is refused" tui_wait a "$nofile"
	check "$lang: and giji has exited (1)" tui_wait a "[exit 1]"
	check "$lang: no new meeting was made" test ! -e "$T/環境2.giji"
	tui_start a --chair 環境2.giji
	check "$lang: the chair's view refuses it too" tui_wait a "$nofile"
	check "$lang: nothing made" test ! -e "$T/環境2.giji"
	tui_start a minuts 環境.giji
	check "$lang: a mistyped command is named, with the nearest" \
	    tui_wait a "$unknown"
	check "$lang: exit 2" tui_wait a "[exit 2]"
	TUI_KEEP=
	tui_start a "$M"
	case $lang in
	ja*)	check "$lang: the right file opens" tui_wait a "発言者:" ;;
	*)	check "$lang: the right file opens" tui_wait a "Speaker:" ;;
	esac
	tui_stop a
done
"$GIJI" verfy "$M" > "$T/out" 2>&1
is "giji verfy: exit 2" "$?" 2
contains "suggests verify" "$(cat "$T/out")" "did you mean giji verify?"
"$GIJI" "$M" >/dev/null 2>&1 </dev/null
"$GIJI" log "$M" > /dev/null 2>&1
is "the right meeting is still sound" "$?" 0
done_testing
