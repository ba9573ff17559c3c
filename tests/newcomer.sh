#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/newcomer.sh: eighteen style files written from giji-style(5) alone.
# Helpers who had read only the README and the manual pages, never the
# code, wrote the minutes eighteen invented bodies publish (an Australian
# shire council; a Japanese town assembly's committee, 会議録; a Canadian
# city council; a Japanese town assembly's plenary; a Japanese prefectural
# council's 議事要旨 with anonymous members; a New Zealand school board;
# a Japanese city board of education's 会議録; a company board's
# 取締役会議事録, narrative and in the third person; an Australian
# parliamentary committee's Hansard transcript of a public hearing; a
# House of Commons select committee's oral evidence, its questions
# numbered; a tennis club's annual general meeting, with elections; a
# Japanese city assembly's first sitting after an election, its 臨時議長
# and 議長選挙 by ballot; a UK hospice charity's board of trustees, with
# minute references and an action table; a US county board of
# supervisors, its roll calls by name and public commenters; a standards
# working group's scribe minutes, with its summary of resolutions; a
# Japanese condominium association's 通常総会, its 議決権 and 特別決議,
# its minutes sealed by the chair and two 議事録署名人; a US faculty
# senate under Robert's Rules, its amendments, non-voting guests and
# "Respectfully submitted" lines together; a New England town meeting,
# its voters counted at the door, two-thirds and four-fifths votes and the
# Town Clerk's attest),
# recorded each meeting as a clerk would (tests/fixtures/NAME.jsonl) and
# wrote each body's style (tests/styles/NAME.style).
# giji must print each exactly as published (tests/golden/newcomer-*.txt):
# every composed line — the header, the attendance, the resolutions with
# their mover and count, the chair's label after the room's 異議なし.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

for body in wattle sakuragawa maple-falls sakurano hokuhama kowhai midorino \
    minato carrawong commons ashcombe sagisawa wealdmoor madrone dfwg \
    kawabedai kessler wexbury; do
	"$GIJI" new "$T/$body.giji" >/dev/null
	"$GIJI" import "$T/$body.giji" <"$top_srcdir/tests/fixtures/$body.jsonl" \
	    >/dev/null 2>"$T/$body.imp"
	check "$body: the recorded meeting verifies" "$GIJI" verify --strict "$T/$body.giji"
	check "$body: its style checks" "$GIJI" styles check \
	    "$top_srcdir/tests/styles/$body.style"
	"$GIJI" minutes "$T/$body.giji" --style "$top_srcdir/tests/styles/$body.style" \
	    >"$T/$body.txt" 2>"$T/$body.err"
	if cmp -s "$T/$body.txt" "$top_srcdir/tests/golden/newcomer-$body.txt"; then
		tap_result 0 "$body: the minutes as the body publishes them"
	else
		tap_result 1 "$body: the minutes as the body publishes them"
		diff "$top_srcdir/tests/golden/newcomer-$body.txt" "$T/$body.txt" |
		    head -20 | sed 's/^/#   /'
	fi
	is "$body: no warning" "$(cat "$T/$body.err")" ""
done
done_testing
