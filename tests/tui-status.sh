#!/bin/sh
# SPDX-License-Identifier: ISC
# The status line: a message wider than the line shows its beginning and
# "…", then "…" and its end (where it says what to do), after the
# "Error:" of an error and a space, with nothing of the other half left
# on the line; a question wider than the input pane's title row wraps.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
"$GIJI" new "$M" >/dev/null
for a in "meta.set title=T date=2026-12-01 lang=en seats=3" \
    "member.add id=a name=Ann kind=chair" "member.add id=b name=Bo" \
    "member.add id=c name=Cy" "agenda.add id=i1 title=One" meeting.open \
    "agenda.open item=i1" "vote.call id=v1 item=i1 method=hands"; do
	"$GIJI" add "$M" $a >/dev/null 2>&1
done
TUI_LANG=C.UTF-8 tui_start s -x 100 -y 30 "$M"
check "up" tui_wait s "Speaker: (none"
# An impossible count: refused with vote.c's message, longer than the line.
tui_keys s F11 r
tui_type s 25
tui_keys s Enter
check "the beginning, after 'Error: ', up to an ellipsis at the end" \
    tui_wait_re s '^Error: Not recorded: vote v1: 25 votes counted but .*…$'
check "then its end after 'Error: …', nothing of the beginning after it" \
    tui_wait_re s '^Error: ….* \(the chair has only a casting vote\)$' 15
# Escape puts another message in its place: the help screen keeps it whole.
tui_keys s Escape
check "another message" tui_wait s "Dropped"
tui_keys s F1
tui_wait s "Help — q" >/dev/null
tui_keys s NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
check "the help screen ends with the latest message" \
    tui_wait s "Latest message: Dropped"
check "and the error before it, in full" tui_wait_re s \
    "Before it: Not recorded: vote v1: 25 votes counted"
tui_keys s q
# A question wider than the input pane's title row goes on in the row
# below it, the answer under that: its end (what Escape does) is read.
tui_keys s M-s
tui_wait s "Setup — t the meeting" >/dev/null
tui_keys s t
check "a long question: its end on the next row" tui_wait_re s \
    '^ +[a-z ]*changes *$'
tui_type s "Z"
check "and the answer under it" tui_wait_re s '^TZ$'
tui_keys s Escape
tui_keys s Escape
tui_stop s
done_testing
