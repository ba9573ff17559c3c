# SPDX-License-Identifier: ISC
# tests/tui-lib.sh: drive giji's terminal interface inside tmux. Source it
# from a tests/tui-*.sh script (after which the TAP helpers of lib.sh are
# there too). Each script gets a private tmux server (-L giji$$-XXXXXX, no
# user config, escape-time 0) and a scratch HOME; the server is killed and the
# folder removed on exit. Without tmux the script exits 77 (SKIP).
#
#   tui_start S [-x W -y H] ARGS...   run "giji ARGS" in session S (default
#                                     80x24), pinned locale (TUI_LANG,
#                                     default ja_JP.UTF-8), TERM, clock,
#                                     HOME and XDG dirs; GIJI_STATION=S
#                                     (TUI_KEEP=1: the pane outlives giji and
#                                     shows "[exit N]" when it ends)
#   tui_wait S TEXT [SECONDS]         poll the screen until TEXT shows
#   tui_wait_not S TEXT [SECONDS]     … until it is gone
#   tui_focused S TEXT                … until the pane titled TEXT has the focus
#   tui_wait_row S ROW TEXT           … until row ROW (1-based) holds TEXT
#   tui_wait_cursor S X,Y             … until the cursor is at X,Y
#   tui_wait_re S REGEX [SECONDS]     … until REGEX (grep -E) matches
#   tui_until SECONDS CMD...          … until CMD succeeds (the waits above use it)
#   tui_keys S KEY...                 tmux send-keys (key names)
#   tui_type S TEXT                   send-keys -l (literal UTF-8, like IME text)
#   tui_screen S                      the screen as text
#   tui_cursor S                      "x,y" of the terminal's cursor
#   tui_pid S                         giji's process id
#   tui_dead S                        1 once giji has exited
#   tui_stop S                        F10 and wait for the exit
# Waiting is by polling (every 50 ms), never by fixed sleeps. A wait gives
# up after TUI_TIMEOUT seconds (default 20; a SECONDS argument can only
# lengthen it): a passing run returns at the first poll that matches, and
# a loaded machine or a sanitizer build (2-5 times slower) has room.

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

command -v tmux >/dev/null 2>&1 || skip_all "tmux not found"
# A private server per script (its pid and its unique scratch folder), so
# that scripts running at once under make -j never share one; no user
# config; not the tmux the tests may be run from.
unset TMUX TMUX_PANE
TUI_SOCK=giji$$-${T##*.}
TUI="tmux -L $TUI_SOCK -f /dev/null"
TUI_NOW=${TUI_NOW:-2024-06-27T14:00:00+09:00}
TUI_TIMEOUT=${TUI_TIMEOUT:-20}
# The screen's language: the scripts written against the Japanese screen
# run in ja_JP.UTF-8; those about the English one set TUI_LANG=C.UTF-8 or
# en_US.UTF-8 (per start, or for the whole script).
TUI_LANG=${TUI_LANG:-ja_JP.UTF-8}
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
# The server (and the giji in its panes) goes with the script, however it
# ends: an interrupted make check runs the EXIT trap too.
# kill-server leaves the socket file: remove it as well.
TUI_SOCKET=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TUI_SOCK
trap '$TUI kill-server >/dev/null 2>&1; rm -f "$TUI_SOCKET"; rm -rf "$T"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The number of 50 ms polls in SECONDS (at least TUI_TIMEOUT).
tui_polls() {
	awk -v s="${1:-0}" -v d="$TUI_TIMEOUT" \
	    'BEGIN { if (s + 0 < d + 0) s = d; print int(s * 20) }'
}

tui_start() {
	s=$1; shift
	w=80; h=24
	while [ $# -gt 0 ]; do
		case $1 in
		-x) w=$2; shift 2 ;;
		-y) h=$2; shift 2 ;;
		*) break ;;
		esac
	done
	# Only what is named here reaches giji (and the sanitizers' and the
	# loader's settings when set): nothing of the caller's locale, TERM,
	# HOME, XDG or GIJI_* leaks in.
	case $TUI_LANG in
	C|C.*|POSIX) ;;
	*) need_locale "$TUI_LANG" ;;
	esac
	cmd="exec env -i PATH='$PATH' LC_ALL=$TUI_LANG TERM=tmux-256color TZ=UTC"
	[ -n "${LOCPATH:-}" ] && cmd="$cmd LOCPATH='$LOCPATH'"
	for _v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS LD_LIBRARY_PATH; do
		eval "_val=\${$_v:-}"
		[ -n "$_val" ] && cmd="$cmd $_v='$_val'"
	done
	cmd="$cmd HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME'"
	cmd="$cmd XDG_DATA_HOME='$XDG_DATA_HOME' TMPDIR='$T'"
	cmd="$cmd GIJI_DATADIR='$top_srcdir' GIJI_STATION='$s'"
	cmd="$cmd GIJI_NOW='$TUI_NOW' ${TUI_ENV:-} '$GIJI'"
	for a in "$@"; do
		cmd="$cmd '$a'"
	done
	if [ -n "${TUI_KEEP:-}" ]; then
		# tmux 3.3a loses a wrapped line printed just before the pane
		# dies: keep it alive, and show how giji ended.
		printf '%s\necho "[exit $?]"\nexec sleep 3600\n' \
		    "${cmd#exec }" > "$T/tui-run-$s.sh"
		cmd="exec sh '$T/tui-run-$s.sh'"
	fi
	if $TUI has-session -t "$s" 2>/dev/null; then
		$TUI respawn-pane -k -t "$s" "$cmd"
	else
		# One command: the options hold before giji can exit.
		$TUI new-session -d -s "$s" -x "$w" -y "$h" "$cmd" \; \
		    set-option -g escape-time 0 \; \
		    set-option -g remain-on-exit on \; \
		    set-option -g default-size "${w}x$h" >/dev/null
	fi
}

tui_screen() {
	$TUI capture-pane -t "$1" -p
}

# tui_until SECONDS COMMAND...: run COMMAND every 50 ms until it succeeds
# (0) or TUI_TIMEOUT, or SECONDS when longer, has passed (1).
tui_until() {
	_u_max=$(tui_polls "$1") _u_i=0
	shift
	while [ $_u_i -lt "$_u_max" ]; do
		"$@" && return 0
		sleep 0.05
		_u_i=$((_u_i + 1))
	done
	return 1
}

# What the waits poll for.
_tui_has() {		# S -F|-E TEXT: the screen holds TEXT
	$TUI capture-pane -t "$1" -p | grep -q "$2" -- "$3"
}
_tui_lacks() {
	! _tui_has "$@"
}
_tui_reverse() {	# S TEXT: the row holding TEXT is in reverse video
	$TUI capture-pane -t "$1" -p -e | grep -F -- "$2" |
	    grep -q '\[[0-9;]*7[;m]'
}
_tui_plain() {
	! _tui_reverse "$@"
}
_tui_row_has() {	# S ROW TEXT
	$TUI capture-pane -t "$1" -p | sed -n "${2}p" | grep -F -q -- "$3"
}
_tui_cursor_at() {	# S X,Y
	[ "$(tui_cursor "$1")" = "$2" ]
}
_tui_is_dead() {
	[ "$(tui_dead "$1")" = 1 ]
}

tui_wait() {
	tui_until "${3:-}" _tui_has "$1" -F "$2" && return 0
	echo "# timed out waiting for: $2"
	$TUI capture-pane -t "$1" -p | sed 's/^/#   |/'
	return 1
}

# Poll until the pane whose title holds TEXT has the focus (its title
# row is drawn in reverse video).
tui_focused() {
	tui_until "" _tui_reverse "$1" "$2" && return 0
	echo "# not focused: $2"
	return 1
}

# Poll until the row holding TEXT is not in reverse video.
tui_wait_not_sel() {
	tui_until "" _tui_plain "$1" "$2"
}

# Poll until row ROW (1-based) of the screen holds TEXT.
tui_wait_row() {
	tui_until "" _tui_row_has "$1" "$2" "$3" && return 0
	echo "# row $2 never held: $3"
	$TUI capture-pane -t "$1" -p | sed -n "${2}p" | sed 's/^/#   |/'
	return 1
}

tui_wait_not() {
	tui_until "${3:-}" _tui_lacks "$1" -F "$2" && return 0
	echo "# still on the screen: $2"
	return 1
}

tui_wait_re() {
	tui_until "${3:-}" _tui_has "$1" -E "$2" && return 0
	echo "# timed out waiting for /$2/"
	$TUI capture-pane -t "$1" -p | sed 's/^/#   |/'
	return 1
}

# Poll until the terminal's cursor is at X,Y: the text of a frame can show
# before the cursor move that ends it.
tui_wait_cursor() {
	tui_until "" _tui_cursor_at "$1" "$2" && return 0
	echo "# cursor at $(tui_cursor "$1"), not $2"
	return 1
}

tui_keys() {
	_s=$1; shift
	$TUI send-keys -t "$_s" "$@"
}

tui_type() {
	$TUI send-keys -t "$1" -l -- "$2"
}

tui_cursor() {
	$TUI display -p -t "$1" '#{cursor_x},#{cursor_y}'
}

tui_pid() {
	$TUI display -p -t "$1" '#{pane_pid}'
}

tui_dead() {
	$TUI display -p -t "$1" '#{pane_dead}'
}

tui_wait_dead() {
	tui_until "" _tui_is_dead "$1"
}

# F10 again every 5 s while giji lives: an F10 read together with an
# Escape sent just before it is ESC ESC [21~, which giji takes for M-F10.
tui_stop() {
	_i=0 _max=$(tui_polls)
	while [ $_i -lt $_max ]; do
		[ $((_i % 100)) = 0 ] && tui_keys "$1" F10
		sleep 0.05
		[ "$(tui_dead "$1")" = 1 ] && return 0
		_i=$((_i + 1))
	done
	echo "# giji did not exit on F10"
	return 1
}

# A meeting with a small roster and agenda, for the scripts.
tui_meeting() {
	"$GIJI" new "$1" >/dev/null || return 1
	"$GIJI" import "$1" >/dev/null 2>&1 <<'JSONL'
{"type":"meta.set","ts":"2024-06-27T13:50:00+09:00","data":{"title":"テスト審議会"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"sato","name":"佐藤","reading":"さとう","role":"会長","kind":"chair"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"ito","name":"伊藤","reading":"イトウ","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"yamada","name":"山田","reading":"やまだ","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"kato","name":"加藤","reading":"かとう","role":"課長","kind":"staff"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a1","title":"開会"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a2","title":"予算の審議"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a3","title":"報告事項"}}
JSONL
}

# A data field of the last event of a type, from giji log --json.
tui_last() {
	"$GIJI" log "$1" --json | grep "\"type\":\"$2\"" | tail -n 1
}
