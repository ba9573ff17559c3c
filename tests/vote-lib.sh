# SPDX-License-Identifier: ISC
# tests/vote-lib.sh: helpers for the vote pane's tmux tests (tests/tui-vote*.sh),
# sourced after tests/tui-lib.sh.
#
#   vote_meeting FILE SEATS [MEMBER...]   a meeting with SEATS seats, the
#                                         chair sato and the members named
#                                         as ID or ID:NAME (default: m1 …
#                                         m<SEATS-1>), item a1
#                                         "予算の審議" open
#   vote_wait_re S REGEX [SECONDS]        poll the screen until REGEX matches
#                                         (tui_wait_re: TUI_TIMEOUT at least)
#   vote_count FILE TYPE                  events of TYPE in the file

vote_meeting() {
	_f=$1 _seats=$2
	shift 2
	if [ $# -eq 0 ]; then
		_i=1
		while [ $_i -lt "$_seats" ]; do
			set -- "$@" "m$_i"
			_i=$((_i + 1))
		done
	fi
	"$GIJI" new "$_f" >/dev/null || return 1
	{
		echo '{"type":"meta.set","ts":"2024-06-27T13:50:00+09:00","data":{"title":"テスト審議会","seats":'"$_seats"',"quorum":"majority"}}'
		echo '{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"sato","name":"佐藤","role":"会長","kind":"chair"}}'
		for _m in "$@"; do
			echo '{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"'"${_m%%:*}"'","name":"'"${_m#*:}"'","role":"委員"}}'
		done
		echo '{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a1","title":"予算の審議","kind":"consultation"}}'
		echo '{"type":"meeting.open","ts":"2024-06-27T13:55:00+09:00","data":{}}'
		echo '{"type":"agenda.open","ts":"2024-06-27T13:56:00+09:00","data":{"item":"a1"}}'
	} | "$GIJI" import "$_f" >/dev/null 2>&1
}

vote_wait_re() {
	tui_wait_re "$@"
}

vote_count() {
	"$GIJI" log "$1" --json | grep -c "\"type\":\"$2\""
}
