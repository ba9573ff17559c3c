#!/bin/sh
# SPDX-License-Identifier: ISC
# Every case of tests/votes-cases.txt (the rows of docs/votes.md) through
# giji add: the meeting, the vote called, the show of hands counted, then
# the casting or presiding vote repeating the counts. What the JSON
# minutes say of the vote (computed outcome, votes needed, voters, the
# words) must be the case's; a count the rules refuse must be refused with
# vote.c's message and nothing recorded. tests/tui-votes.sh drives the
# same cases through the terminal and compares the two.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/votes-lib.sh"

export GIJI_NOW=2025-07-01T10:00:00+09:00 GIJI_NOW_STEP=1000000
n=0
while IFS='|' read -r name meta roster absent call counts then expect \
    detail who; do
	case $name in ''|'#'*) continue ;; esac
	n=$((n + 1))
	f=$T/case$n.giji
	votes_meeting "$f" "$meta" "$roster" "$absent" "$call"
	set -- $counts
	"$GIJI" add "$f" vote.tally vote=v1 for=$1 against=$2 abstain=$3 \
	    >/dev/null 2>"$T/err"
	rc=$?
	if [ "$rc" = 0 ] && [ "$then" != - ]; then
		"$GIJI" add "$f" vote.tally vote=v1 for=$1 against=$2 \
		    abstain=$3 "$then" >/dev/null 2>"$T/err"
		rc=$?
	fi
	if [ "$expect" = refused ]; then
		is "$name: refused" "$rc" 1
		contains "$name: the rules' message" "$(cat "$T/err")" \
		    "vote.tally: $detail"
		continue
	fi
	is "$name: recorded" "$rc" 0
	[ "$rc" = 0 ] || sed 's/^/#   /' "$T/err"
	is "$name" "$(votes_result "$f")" "$expect $detail"
done < "$top_srcdir/tests/votes-cases.txt"
check "the cases were read" test "$n" -gt 20
done_testing
