#!/bin/sh
# SPDX-License-Identifier: ISC
# A live capture in tmux killed with SIGKILL at GIJI_KILLS random moments
# (default 20 in make check; docs/reliability.md reports 200), from a fixed
# seed (GIJI_SEED). Between kills the script types speeches in chunks and
# records some with Enter, then waits a random time, captures the screen
# and kills giji. After each kill:
#   - PRAGMA integrity_check is ok and giji verify passes;
#   - every speech the screen showed in the log pane is in the file;
#   - when the status line said 保存済 (draft saved), the line being typed
#     comes back on restart;
#   - a speech recorded and also restored as a draft is counted
#     ("resurrected": a second Enter would record it twice).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 not found"

KILLS=${GIJI_KILLS:-20}
SEED=${GIJI_SEED:-20240627}
M=$T/m.giji
tui_meeting "$M"
awk -v s="$SEED" -v n="$KILLS" 'BEGIN { srand(s); for (i = 0; i < n * 40; i++)
	print int(rand() * 1000) }' > "$T/rand"
exec 3< "$T/rand"
rnd() { read -r r <&3 || r=0; }
: > "$T/shown"

screen_input() {	# the input line: the row after " 発言者:"
	sed -n '/^ 発言者:/{n;p;q}' "$1" | sed 's/ *$//'
}

# Poll until the status line (the last row, drawn last) says the draft's
# state: the first frame after a start is whole.
_status_drawn() {
	tui_screen a | tail -n 1 | grep -q '下書きなし\|保存済\|未保存'
}
wait_drawn() {
	tui_until "" _status_drawn
}

n=0 kills=0 broken=0 lost=0 checked=0 promised=0 restored=0 lostdraft=0
resurrected=0 draft=
tui_start a "$M"
tui_wait a "発言者:" >/dev/null || { echo "Bail out! giji did not start"; exit 1; }
tui_keys a M-3
k=0
while [ $k -lt "$KILLS" ]; do
	k=$((k + 1))
	rnd; steps=$((1 + r % 6))
	while [ $steps -gt 0 ]; do
		steps=$((steps - 1))
		rnd
		if [ $((r % 3)) -eq 2 ] && [ -n "$draft" ]; then
			tui_keys a Enter
			draft=
		elif [ -z "$draft" ]; then
			n=$((n + 1))
			draft=$(printf 'k%04d ' "$n")
			tui_type a "$draft"
		elif [ ${#draft} -lt 30 ]; then
			tui_type a "会議a"
			draft="${draft}会議a"
		else
			tui_keys a Enter
			draft=
		fi
		rnd; sleep "0.$(printf %03d $((r % 150)))"
	done
	rnd; sleep "0.$(printf %03d $((r % 700)))"
	tui_screen a > "$T/screen"
	kill -9 "$(tui_pid a)" 2>/dev/null
	tui_wait_dead a >/dev/null
	kills=$((kills + 1))

	if [ "$(sqlite3 "$M" 'PRAGMA integrity_check')" != ok ] ||
	    ! "$GIJI" verify "$M" >/dev/null 2>"$T/err"; then
		broken=$((broken + 1))
		echo "# kill $k: $(cat "$T/err")"
	fi
	"$GIJI" log "$M" --json | grep '"type":"speech"' |
	    grep -o 'k[0-9][0-9][0-9][0-9]' > "$T/infile"
	# Speeches shown in the log pane (rows above the speaker line).
	sed '/^ 発言者:/,$d' "$T/screen" | grep -o 'k[0-9][0-9][0-9][0-9]' |
	    sort -u > "$T/now"
	cat "$T/now" >> "$T/shown"
	for t in $(cat "$T/now"); do
		checked=$((checked + 1))
		grep -q "^$t\$" "$T/infile" || { lost=$((lost + 1)); echo "# kill $k: $t was shown recorded, not in the file"; }
	done
	want=
	if tail -1 "$T/screen" | grep -q '保存済'; then
		want=$(screen_input "$T/screen")
		[ -n "$want" ] && promised=$((promised + 1))
	fi

	tui_start a "$M"
	tui_wait a "発言者:" >/dev/null || { broken=$((broken + 1)); continue; }
	if [ -n "$want" ]; then
		if tui_wait a "$want" >/dev/null; then
			restored=$((restored + 1))
		else
			lostdraft=$((lostdraft + 1))
			echo "# kill $k: the saved draft '$want' did not come back"
		fi
	fi
	wait_drawn
	tui_screen a > "$T/screen2"
	draft=$(screen_input "$T/screen2")
	tok=$(printf '%s' "$draft" | grep -o 'k[0-9][0-9][0-9][0-9]' | head -1)
	if [ -n "$tok" ] && grep -q "^$tok\$" "$T/infile"; then
		resurrected=$((resurrected + 1))
		echo "# kill $k: '$draft' is recorded and also back as a draft"
	fi
	[ -n "$draft" ] && draft="$draft " && tui_type a " "
	[ -z "$draft" ] && tui_keys a M-3
done
tui_stop a >/dev/null

# Nothing shown as recorded was lost later either.
"$GIJI" log "$M" --json | grep '"type":"speech"' |
    grep -o 'k[0-9][0-9][0-9][0-9]' > "$T/infile"
for t in $(sort -u "$T/shown"); do
	grep -q "^$t\$" "$T/infile" || lost=$((lost + 1))
done
events=$(sqlite3 "$M" 'SELECT count(*) FROM events')
echo "# kills $kills (seed $SEED), events in the file $events, speeches checked on screen $checked,"
echo "# lost $lost, broken $broken, saved drafts promised $promised, restored $restored, lost $lostdraft, resurrected $resurrected"
is "$kills kills: integrity_check and giji verify ok after each" "$broken" 0
is "every speech shown as recorded is in the file ($checked checks)" "$lost" 0
is "every saved draft came back ($promised)" "$lostdraft" 0
# The append and the draft's clearing are one transaction (tui/record.c).
is "no recorded speech came back as a draft" "$resurrected" 0
done_testing
