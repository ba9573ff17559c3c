#!/bin/sh
# SPDX-License-Identifier: ISC
# Starting: no FILE opens (and creates) the data folder's current meeting;
# --demo opens a fresh copy of the sample meeting; a locale that is not
# UTF-8 and a standard input that is not a terminal are refused clearly;
# the options are read by getopt_long (--keymap=vi, --, options after the
# file).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

"$GIJI" new "$T/x.giji" >/dev/null
LC_ALL=C "$GIJI" "$T/x.giji" > "$T/out" 2>&1 </dev/null
is "C locale: exit 1" "$?" 1
contains "says UTF-8 is needed" "$(cat "$T/out")" "not UTF-8"
"$GIJI" "$T/x.giji" > "$T/out" 2>&1 </dev/null
is "not a terminal: exit 1" "$?" 1
contains "says why" "$(cat "$T/out")" "not a terminal"
"$GIJI" --no-such-option > "$T/out" 2>&1
is "unknown option: exit 2" "$?" 2
contains "named" "$(cat "$T/out")" "--no-such-option: unknown option"
"$GIJI" --keymap > "$T/out" 2>&1
is "an option without its value: exit 2" "$?" 2
"$GIJI" --help > "$T/out" 2>&1
is "--help: exit 0" "$?" 0
contains "--help prints the terminal's usage" "$(cat "$T/out")" \
    "usage: giji"
"$GIJI" "$T/x.giji" --help > "$T/out" 2>&1
contains "an option after the file is still read" "$(cat "$T/out")" \
    "usage: giji"
"$GIJI" --keymap=vi --list-actions > "$T/out" 2>&1
is "--keymap=vi (one word) works" "$?" 0
contains "and the vi map is the one listed" "$(cat "$T/out")" \
    "entry.amend"
"$GIJI" a.giji b.giji > "$T/out" 2>&1
is "two files: exit 2" "$?" 2

tui_start a
check "no FILE: the interface comes up" tui_wait a "発言者: （未選択"
tui_keys a M-2
check "an empty roster says so" tui_wait a "名簿の 2 番目はいません"
tui_stop a
d=$XDG_DATA_HOME/giji
check "the data folder exists" test -d "$d"
is "and is 0700" "$(stat -c %a "$d")" 700
check "current links to a meeting" test -L "$d/current" -a -f "$d/current"
first=$(readlink "$d/current")
tui_start a
check "again" tui_wait a "発言者:"
tui_stop a
is "the same meeting is opened again" "$(readlink "$d/current")" "$first"

cp "$T/x.giji" "$T/-dash.giji"
( cd "$T" && "$GIJI" -- -dash.giji > "$T/out" 2>&1 </dev/null )
contains "-- ends the options (a file named -dash.giji)" \
    "$(cat "$T/out")" "not a terminal"

tui_start a --demo
check "--demo: the sample agenda" tui_wait a "諮問第3号"
check "its log" tui_wait a "緑化推進事業"
check "the vote pane slot" tui_wait a "採決"
tui_keys a Tab Up
check "the agenda moves to item (2)" tui_wait a "記録 ─ 諮問第3号"
check "with its vote in the log" tui_wait a "集計: 賛成 2 反対 0 棄権 1"
tui_stop a
check "the demo copy is in TMPDIR" sh -c "ls '$T'/giji-demo-*/demo.giji"
done_testing
