#!/bin/sh
# SPDX-License-Identifier: ISC
# Keymaps: each shipped keymap parses (--check-keymap) and loads; a user
# keymap with errors names file, line, column and problem, and giji still
# starts with the default map; --keymap wins over $XDG_CONFIG_HOME.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

for k in default vi emacs; do
	check "$k.keymap parses" "$GIJI" --check-keymap "$top_srcdir/keymaps/$k.keymap"
done
cat > "$T/bad.keymap" <<'EOF2'
# two mistakes
bind global F1 help
bind agenda Q no.such.action
bind nowhere F2 help
EOF2
"$GIJI" --check-keymap "$T/bad.keymap" > "$T/out" 2>&1
is "--check-keymap exits 1 on errors" "$?" 1
contains "file:line:col: unknown action" "$(cat "$T/out")" \
    "$T/bad.keymap:3:15: unknown action 'no.such.action'"
contains "file:line:col: unknown context" "$(cat "$T/out")" \
    "$T/bad.keymap:4:6: unknown context 'nowhere'"

M=$T/m.giji
tui_meeting "$M"
mkdir -p "$XDG_CONFIG_HOME/giji"
cp "$T/bad.keymap" "$XDG_CONFIG_HOME/giji/keymap"
tui_start a "$M"
check "the error is on the status line, in the clerk's language" \
    tui_wait a "keymap:3:15: 不明な操作 'no.such.action'"
check "giji started with the default map" tui_wait a "既定のキー配置で起動"
tui_keys a M-2
check "default bindings work" tui_wait a "発言者: 伊藤委員"
tui_stop a
contains "the causes are printed on exit too" \
    "$(tui_screen a)" "keymap:4:6: 不明な文脈 'nowhere'"

printf 'bind global F12 speaker.quick 3\nbind input C-t edit.home\n' \
    > "$XDG_CONFIG_HOME/giji/keymap"
tui_start a "$M"
check "a good user keymap loads" tui_wait a "発言者:"
tui_keys a F12
check "its binding works" tui_wait a "発言者: 山田委員"
tui_keys a M-1
check "the default's bindings are still there" tui_wait a "発言者: 佐藤会長"
tui_stop a

tui_start a --keymap vi "$M"
check "vi keymap loads" tui_wait a "発言者:"
tui_keys a Escape
check "vi: Escape leaves the input line for the log" tui_focused a "記録 ─"
tui_keys a h
check "vi: h goes to the agenda" tui_focused a "議題 テスト審議会"
tui_keys a j
check "vi: j selects the first item" tui_wait a "記録 ─ 開会"
tui_keys a i
tui_type a "vi で入力"
check "vi: i comes back to the input line" tui_wait a "vi で入力"
tui_stop a

M2=$T/m2.giji
tui_meeting "$M2"
tui_start a --keymap emacs "$M2"
check "emacs keymap loads" tui_wait a "発言者:"
tui_type a "abc"
tui_keys a C-b C-b C-d
check "emacs: C-b C-b C-d" tui_wait a "ac"
check "cursor after a" tui_wait_cursor a "1,20"
tui_keys a C-g
tui_stop a
check "no keymap problem reported" sh -c "! $TUI capture-pane -t a -p | grep -q 'keymap:'"
done_testing
