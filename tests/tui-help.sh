#!/bin/sh
# SPDX-License-Identifier: ISC
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
check "F1 opens the help" tui_wait a "ヘルプ — q / Escape"
: > "$T/seen"
# Each page once it is drawn: after a PageDown, wait for the screen to
# change (a page that stays the same is the last one), then to settle.
settled() {
	tui_screen a > "$T/next"
	_i=0
	while [ $_i -lt 100 ]; do
		sleep 0.1
		tui_screen a > "$T/again"
		cmp -s "$T/next" "$T/again" && return 0
		mv "$T/again" "$T/next"
		_i=$((_i + 1))
	done
}
settled
for page in 1 2 3; do
	if [ $page -gt 1 ]; then
		mv "$T/next" "$T/page"
		tui_keys a PageDown
		_j=0
		while [ $_j -lt 100 ]; do
			settled
			cmp -s "$T/page" "$T/next" || break
			_j=$((_j + 1))
		done
	fi
	cat "$T/next" >> "$T/seen"
done
missing=
for name in $(cut -f1 "$T/actions" | cut -d' ' -f1); do
	grep -q -- " $name " "$T/seen" || missing="$missing $name"
done
is "every action is on the help screen" "$missing" ""
contains "keys next to the action" "$(cat "$T/seen")" "F1, agenda:?, log:?"
tui_keys a q
check "q closes it" tui_wait_not a "ヘルプ — q / Escape"
tui_keys a Tab
tui_keys a ?
check "? in the agenda opens it" tui_wait a "ヘルプ — q / Escape"
tui_keys a Escape
check "Escape closes it" tui_wait_not a "ヘルプ — q / Escape"
tui_stop a
done_testing
