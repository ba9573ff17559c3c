#!/bin/sh
# SPDX-License-Identifier: ISC
# The cases of tests/votes-cases.txt that a clerk can record in the
# terminal, driven through it: the counts typed on the vote pane and
# recorded with Enter, then C for the chair's casting vote or the
# presiding member's vote (asked only on a tie, or when the members fall
# one short). Each must give what giji add gives (tests/votes-add.sh): the
# same computed result in the JSON minutes, field for field, the same
# words on the pane as giji stats prints, and for a count the rules refuse
# the same message from vote.c as giji add gives in the same language,
# with nothing recorded.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"
. "$top_srcdir/tests/vote-lib.sh"
. "$top_srcdir/tests/votes-lib.sh"

n=0
while IFS='|' read -r name meta roster absent call counts then expect \
    detail who; do
	case $name in ''|'#'*) continue ;; esac
	[ "$who" = both ] || continue
	n=$((n + 1))
	set -- $counts
	# giji add, as tests/votes-add.sh does.
	a=$T/add$n.giji
	votes_meeting "$a" "$meta" "$roster" "$absent" "$call"
	if "$GIJI" add "$a" vote.tally vote=v1 for=$1 against=$2 \
	    abstain=$3 >/dev/null 2>&1 && [ "$then" != - ]; then
		"$GIJI" add "$a" vote.tally vote=v1 for=$1 against=$2 \
		    abstain=$3 "$then" >/dev/null 2>&1
	fi
	# The terminal, on the same meeting.
	f=$T/tui$n.giji
	votes_meeting "$f" "$meta" "$roster" "$absent" "$call"
	tui_start c$n -x 160 -y 30 "$f" </dev/null
	tui_wait c$n "採決 v1 挙手" >/dev/null
	tui_keys c$n F11
	# Each row typed, then seen, before the next (a loaded machine).
	tui_wait_re c$n '>賛成 ' >/dev/null
	tui_type c$n "$1"
	tui_wait_re c$n ">賛成 .* $1_" >/dev/null
	tui_keys c$n Down
	tui_wait_re c$n '>反対 ' >/dev/null
	tui_type c$n "$2"
	tui_wait_re c$n ">反対 .* $2_" >/dev/null
	tui_keys c$n Down
	tui_wait_re c$n '>棄権 ' >/dev/null
	tui_type c$n "$3"
	tui_wait_re c$n ">棄権 .* $3_" >/dev/null
	tui_keys c$n Enter
	if [ "$expect" = refused ]; then
		# vote.c's message as giji add says it in the terminal's
		# language (the cases give it in English).
		said=$(LC_ALL=$TUI_LANG "$GIJI" add "$a" vote.tally vote=v1 \
		    for=$1 against=$2 abstain=$3 2>&1 |
		    sed -n 's/^giji: .*: vote\.tally: //p')
		check "$name: giji add refuses it too ($TUI_LANG)" \
		    test -n "$said"
		check "$name: refused on the pane with vote.c's message" \
		    tui_wait c$n "記録しません: $said"
		is "$name: nothing recorded" "$(vote_count "$f" vote.tally)" 0
		tui_stop c$n
		continue
	fi
	check "$name: the count is recorded" tui_wait c$n "集計を記録しました"
	case $then in
	casting=*|presiding=*)
		tui_keys c$n C
		case $then in
		casting=*) check "$name: C asks the casting vote" \
		    tui_wait c$n "議長裁決: y（可）か n（否）" ;;
		*) check "$name: C asks the presiding vote" \
		    tui_wait c$n "1票不足 — 議長の表決" ;;
		esac
		tui_type c$n "${then#*=}"
		tui_keys c$n Enter
		check "$name: then the decision's words" \
		    tui_wait c$n "決定の文言"
		tui_keys c$n Enter
		check "$name: closed" tui_wait c$n "採決 v1 を終了しました"
		;;
	esac
	is "$name: the terminal counts as giji add" "$(votes_json "$f")" \
	    "$(votes_json "$a")"
	# The pane's words are giji stats' (ja), for what the chair decided.
	case $detail in
	*casting*|*short*|*tied*|*quorum*)
		w=$("$GIJI" minutes "$f" --format json 2>/dev/null |
		    python3 -c 'import json, sys
print(json.load(sys.stdin)["votes"][0]["words"])')
		check "$name: the pane's words are giji stats' ($w)" \
		    tui_wait c$n "結果: $w"
		contains "$name: and giji stats prints them" \
		    "$("$GIJI" stats "$f")" "$w"
		;;
	esac
	tui_stop c$n
done < "$top_srcdir/tests/votes-cases.txt"
check "the cases were read" test "$n" -gt 20
done_testing
