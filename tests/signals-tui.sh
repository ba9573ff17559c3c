#!/bin/sh
# SPDX-License-Identifier: ISC
# Signals to a live capture: SIGINT, SIGTERM and SIGHUP end giji with the
# draft kept and the terminal restored (stty sane modes, the alternate
# screen left); SIGTSTP then SIGCONT stops and resumes it with the screen
# redrawn and the draft intact; a storm of 100 resizes in about a second
# leaves it alive, drawn at the final size, the draft intact, typing on.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"

# giji run from an interactive bash (job control, as a clerk runs it),
# which then records the terminal modes.
# In English (C.UTF-8): bash's job messages (Stopped) and strsignal()
# are in the locale's language too.
command -v bash >/dev/null 2>&1 || skip_all "bash not found"
SH="exec env -i PATH='$PATH' LC_ALL=C.UTF-8 TERM=tmux-256color TZ=UTC HOME='$HOME'"
SH="$SH XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME'"
SH="$SH GIJI_DATADIR='$top_srcdir' GIJI_STATION=a GIJI_NOW='$TUI_NOW' PS1='$ '"
SH="$SH ASAN_OPTIONS='${ASAN_OPTIONS:-}' UBSAN_OPTIONS='${UBSAN_OPTIONS:-}'"
SH="$SH bash --norc --noprofile -i"
$TUI new-session -d -s b -x 80 -y 24 "$SH" \; \
    set-option -g escape-time 0 >/dev/null
tui_wait b '$' >/dev/null || { echo "Bail out! no shell"; exit 1; }

run_giji() {	# start giji from the shell; sets gpid
	rm -f "$T/rc" "$T/stty"
	tui_keys b "clear; '$GIJI' '$M'; echo \$? > '$T/rc'; stty -a > '$T/stty'" Enter
	tui_wait b "Speaker:" >/dev/null
	gpid=$(pgrep -n -x giji -P "$(tui_pid b)")
}

wait_file() {
	tui_until "" test -s "$1"
}

# Poll until the process state (ps stat) of $1 holds $2.
_state_has() {
	case $(ps -o stat= -p "$1") in *"$2"*) return 0 ;; esac
	return 1
}
wait_state() {
	tui_until "" _state_has "$1" "$2"
}

# Poll until tmux says the alternate screen is off.
_main_screen() {
	[ "$($TUI display -p -t b '#{alternate_on}')" = 0 ]
}
wait_main_screen() {
	tui_until "" _main_screen
}

for sig in INT TERM HUP; do
	run_giji
	tui_keys b M-2
	tui_type b "シグナル$sig の下書き"
	tui_wait b "シグナル$sig の下書き" >/dev/null
	if [ "$sig" = INT ]; then
		# raw mode: C-c is a key (unbound by default), not a signal.
		tui_keys b C-c
		tui_type b "。"
		check "C-c does not end giji" tui_wait b "シグナル$sig の下書き。"
	fi
	kill -"$sig" "$gpid"
	if wait_file "$T/stty"; then
		tap_result 0 "SIG$sig: giji exits (status $(cat "$T/rc"))"
		contains "SIG$sig: the terminal is back in canonical mode" \
		    "$(cat "$T/stty")" " icanon"
		case $(cat "$T/stty") in *" -echo "*) tap_result 1 "SIG$sig: echo is on";; *) tap_result 0 "SIG$sig: echo is on";; esac
		# The file is the shell's: tmux may still be reading what giji
		# wrote before it, so the screen is polled.
		check "SIG$sig: the alternate screen was left" wait_main_screen
	else
		tap_result 0 "SIG$sig: giji keeps running (handled in place)"
		kill -TERM "$gpid"
		wait_file "$T/stty"
	fi
	check "SIG$sig: giji says the draft is saved" \
	    tui_wait b "the draft is saved"
	run_giji
	check "SIG$sig: the draft comes back" tui_wait b "シグナル$sig の下書き"
	tui_keys b F10
	wait_file "$T/stty"
done

# Stop (as C-z does) and continue with fg.
run_giji
tui_keys b M-3
tui_type b "停止と再開"
tui_wait b "停止と再開" >/dev/null
kill -TSTP "$gpid"
check "SIGTSTP: giji stops (state T)" wait_state "$gpid" T
check "SIGTSTP: the shell is back" tui_wait b "Stopped"
tui_keys b "fg" Enter
check "fg: the screen is drawn again" tui_wait b "Speaker:"
check "fg: the draft is intact" tui_wait b "停止と再開"
tui_type b "続き"
check "fg: typing goes on" tui_wait b "停止と再開続き"

# A storm of 100 resizes in about a second.
i=0
start=$(date +%s%N)
while [ $i -lt 100 ]; do
	w=$((60 + (i * 37) % 60)); h=$((16 + (i * 11) % 30))
	$TUI resize-window -t b -x "$w" -y "$h" >/dev/null 2>&1
	i=$((i + 1))
done
$TUI resize-window -t b -x 100 -y 30 >/dev/null 2>&1
ms=$((($(date +%s%N) - start) / 1000000))
echo "# 100 resizes in $ms ms"
check "resize storm: giji is alive" kill -0 "$gpid"
check "resize storm: drawn at the final size" tui_wait b "Speaker:"
check "resize storm: the draft is intact" tui_wait b "停止と再開続き"
tui_type b "。"
check "resize storm: typing goes on" tui_wait b "停止と再開続き。"
tui_keys b Enter
check "resize storm: recording works" tui_wait b "Recorded: #"
check "verify after the signals" "$GIJI" verify "$M"
done_testing
