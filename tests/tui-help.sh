#!/bin/sh
# The help screen (F1, ? in the agenda and log) is generated from the
# action table and the live keymap: every action of --list-actions is on
# it, with its keys.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

"$GIJI" --list-actions > "$T/actions"
check "--list-actions lists actions" test "$(wc -l < "$T/actions")" -gt 40
contains "with contexts and keys" "$(cat "$T/actions")" \
    "input.enter	input	input:Enter	"
M=$T/m.giji
tui_meeting "$M"
tui_start a -x 120 -y 40 "$M"
check "screen comes up" tui_wait a "発言者:"
tui_keys a F1
check "F1 opens the help" tui_wait a "ヘルプ — 操作とキー"
: > "$T/seen"
for page in 1 2 3; do
	tui_screen a >> "$T/seen"
	tui_keys a PageDown
	sleep 0.2
done
missing=
for name in $(cut -f1 "$T/actions" | cut -d' ' -f1); do
	grep -q -- " $name " "$T/seen" || missing="$missing $name"
done
is "every action is on the help screen" "$missing" ""
contains "keys next to the action" "$(cat "$T/seen")" "F1, agenda:?, log:?"
tui_keys a q
check "q closes it" tui_wait_not a "ヘルプ — 操作とキー"
tui_keys a Tab
tui_keys a ?
check "? in the agenda opens it" tui_wait a "ヘルプ — 操作とキー"
tui_keys a Escape
check "Escape closes it" tui_wait_not a "ヘルプ — 操作とキー"
tui_stop a
done_testing
