#!/bin/sh
# SPDX-License-Identifier: ISC
# docs/screenshot.sh [--check]: the README's picture of `giji --demo`,
# captured from the real program: giji --demo at 80x24 in tmux, in
# ja_JP.UTF-8 (made with localedef when the system lacks it), the clock
# fixed at 14:45 on the demo's day. Replaces the block between the
# screenshot markers of README.md; with --check, only says whether the
# README's block is what the program draws now (tests/readme.sh).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
: "${GIJI:=$top/giji}"
check=0
[ "${1:-}" = "--check" ] && check=1
command -v tmux >/dev/null || { echo "screenshot: tmux not found" >&2; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/giji-shot.XXXXXX")
sock=giji-shot$$
trap 'tmux -L $sock kill-server >/dev/null 2>&1 || true; rm -rf "$T"' EXIT

lang=ja_JP.UTF-8
if ! locale -a 2>/dev/null | grep -qx 'ja_JP.utf8'; then
	mkdir -p "$T/locale"
	localedef -i ja_JP -f UTF-8 "$T/locale/$lang" >/dev/null 2>&1 ||
	    { echo "screenshot: cannot make $lang" >&2; exit 77; }
	export LOCPATH="$T/locale"
fi
mkdir -p "$T/home"
cmd="exec env -i PATH='$PATH' LC_ALL=$lang LOCPATH='${LOCPATH:-}'"
cmd="$cmd TERM=tmux-256color TZ=UTC HOME='$T/home' TMPDIR='$T'"
cmd="$cmd XDG_CONFIG_HOME='$T/home/.config' XDG_DATA_HOME='$T/home/.data'"
cmd="$cmd GIJI_DATADIR='$top' GIJI_STATION=demo"
cmd="$cmd GIJI_NOW=2024-06-27T14:45:00+09:00 '$GIJI' --demo"
tmux -L $sock -f /dev/null new-session -d -s s -x 80 -y 24 "$cmd" \; \
    set-option -g escape-time 0 >/dev/null

# Wait for TEXT on the screen (polls, at most 20 s).
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		tmux -L $sock capture-pane -t s -p | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "screenshot: never saw: $1" >&2
	exit 1
}
wait_for "下書きなし"
wait_for "植えた苗木"
tmux -L $sock capture-pane -t s -p | sed 's/ *$//' > "$T/shot"
tmux -L $sock send-keys -t s F10

awk -v shot="$T/shot" '
/<!-- screenshot: docs\/screenshot.sh -->/ {
	print; print "```"
	while ((getline l < shot) > 0) print l
	print "```"; skip = 1; next
}
/<!-- end of the screenshot -->/ { skip = 0 }
!skip' "$top/README.md" > "$T/README.md"
if [ $check = 1 ]; then
	if cmp -s "$T/README.md" "$top/README.md"; then
		echo "README.md: the screenshot is what giji draws"
		exit 0
	fi
	echo "README.md: the screenshot differs from what giji draws" \
	    "(docs/screenshot.sh rewrites it):" >&2
	diff "$top/README.md" "$T/README.md" >&2 || true
	exit 1
fi
cp "$T/README.md" "$top/README.md"
echo "README.md: screenshot updated"
