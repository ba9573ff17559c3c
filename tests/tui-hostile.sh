#!/bin/sh
# SPDX-License-Identifier: ISC
# The terminal on a meeting file crafted to drop what is recorded (a
# BEFORE INSERT trigger with RAISE(IGNORE), issue 17): it used to say
# 記録しました and clear the line while nothing was stored. Now it does
# not open the file, and says which object is wrong.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
n0=$(sqlite3 "$M" 'SELECT count(*) FROM events')
sqlite3 "$M" "CREATE TRIGGER trap BEFORE INSERT ON events BEGIN SELECT RAISE(IGNORE); END"
tui_start a "$M"
check "the terminal does not start" tui_wait_dead a
contains "and names the trigger" "$($TUI capture-pane -t a -p -J -S - | tr -d '\n')" \
    "想定外の trigger 'trap'"
is "nothing was stored" "$(sqlite3 "$M" 'SELECT count(*) FROM events')" "$n0"
done_testing
