#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/load.sh: several processes on one meeting file at once, as at a
# busy meeting: WRITERS `giji add` loops of APPENDS speeches each, a
# `giji verify` loop, and a live terminal recording speeches, all on the
# same file (issue 17: appends used to be refused with "events were
# removed" and verify to fail falsely, because the head and the events
# were read in two snapshots). Passes when no append is refused, verify
# never fails, and every event is in the file exactly once.
#   LOAD_WRITERS (default 4), LOAD_APPENDS (default 50): make check runs
#   this short form; bench/load.sh runs 8 x 1,000 and prints the figures.
. "${top_srcdir:-.}/tests/lib.sh"

W=${LOAD_WRITERS:-4}
N=${LOAD_APPENDS:-50}
M=$T/m.giji
export GIJI_NOW_STEP=1000

"$GIJI" new "$M" --title 負荷試験 >/dev/null
"$GIJI" add "$M" member.add id=ito name=伊藤 >/dev/null
"$GIJI" add "$M" member.add id=sato name=佐藤 >/dev/null
base=$(sqlite3 "$M" 'SELECT count(*) FROM events')

# The live terminal, when tmux is here: it records speeches throughout.
tui=0
if command -v tmux >/dev/null 2>&1; then
	. "$top_srcdir/tests/tui-lib.sh"
	tui_start live "$M"
	if tui_wait live "発言者: （未選択" >/dev/null; then
		tui=1
		tui_keys live M-2
	fi
fi

start=$(date +%s.%N)
i=1
while [ $i -le "$W" ]; do
	(
		j=1 refused=0
		while [ $j -le "$N" ]; do
			if ! GIJI_STATION=w$i "$GIJI" add "$M" speech speaker=sato \
			    "text=書き手$i 発言$j" >/dev/null 2>>"$T/refused.$i"; then
				refused=$((refused + 1))
			fi
			j=$((j + 1))
		done
		echo "$refused" >"$T/done.$i"
	) &
	i=$((i + 1))
done
(
	runs=0 fails=0
	while [ "$(ls "$T" | grep -c '^done\.')" -lt "$W" ]; do
		"$GIJI" verify "$M" >/dev/null 2>>"$T/verify.err" ||
		    fails=$((fails + 1))
		runs=$((runs + 1))
	done
	echo "$runs $fails" >"$T/verify.res"
) &
typed=0
if [ $tui = 1 ]; then
	while [ "$(ls "$T" | grep -c '^done\.')" -lt "$W" ]; do
		typed=$((typed + 1))
		tui_type live "端末$typed"
		tui_keys live Enter
		tui_wait live "　端末$typed" >/dev/null || break
	done
fi
wait
end=$(date +%s.%N)

refused=0
i=1
while [ $i -le "$W" ]; do
	refused=$((refused + $(cat "$T/done.$i")))
	i=$((i + 1))
done
set -- $(cat "$T/verify.res")
vruns=$1 vfails=$2
is "$W writers x $N appends: none refused" "$refused" 0
[ "$refused" = 0 ] || sed 's/^/#   /' "$T"/refused.* | sort | uniq -c | head -5
is "$vruns verify runs meanwhile: no false alarm" "$vfails" 0
[ "$vfails" = 0 ] || sed 's/^/#   /' "$T/verify.err" | sort | uniq -c | head -5
if [ $tui = 1 ]; then
	tui_stop live
	recorded=$(sqlite3 "$M" "SELECT count(*) FROM events WHERE type = 'speech' AND data_text LIKE '端末%'")
	is "the terminal recorded each of its $typed speeches" "$recorded" "$typed"
	case $($TUI capture-pane -t live -p -J -S -) in
	*記録されていません*) r=1 ;; *) r=0 ;; esac
	is "and never said 記録されていません" "$r" 0
else
	echo "# no tmux: the live terminal was left out"
fi
is "every writer's event is in the file exactly once" \
    "$(sqlite3 "$M" "SELECT count(DISTINCT data_text) || ' ' || count(*) FROM events WHERE type = 'speech' AND data_text LIKE '書き手%'")" \
    "$((W * N)) $((W * N))"
check "the file verifies at the end" "$GIJI" verify "$M"
total=$(sqlite3 "$M" 'SELECT count(*) FROM events')
echo "# load: $W writers x $N appends, $typed from the terminal, $vruns verify runs, $total events, $(echo "$end - $start" | bc -l | cut -c1-6) s; refused $refused, false alarms $vfails"
done_testing
