#!/bin/sh
# SPDX-License-Identifier: ISC
# The interface in the clerk's language (issue 14 item 3): under C.UTF-8
# and en_US.UTF-8 no Japanese interface text on any screen (main, help,
# speaker picker, vote pane) of a meeting recorded in English; under
# ja_JP.UTF-8 no English words on the same screens of a Japanese meeting
# but key names; LANGUAGE is ignored under C.UTF-8 and obeyed otherwise.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

E=$T/en.giji
"$GIJI" new "$E" >/dev/null
"$GIJI" import "$E" >/dev/null <<'JSONL'
{"type":"meta.set","ts":"2024-06-27T13:50:00+09:00","data":{"title":"Test board","seats":3}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"smith","name":"Smith","role":"Chair","kind":"chair"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"jones","name":"Jones","role":"Member"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"brown","name":"Brown","role":"Member"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a1","title":"Budget"}}
{"type":"agenda.open","ts":"2024-06-27T14:00:00+09:00","data":{"item":"a1"}}
{"type":"speech","ts":"2024-06-27T14:01:00+09:00","data":{"speaker":"jones","text":"A question on the budget."}}
{"type":"vote.call","ts":"2024-06-27T14:02:00+09:00","data":{"id":"v1","item":"a1","motion":"Budget","method":"hands"}}
{"type":"vote.tally","ts":"2024-06-27T14:03:00+09:00","data":{"vote":"v1","for":2,"against":0,"abstain":1}}
JSONL
J=$T/ja.giji
tui_meeting "$J"

# Japanese characters: kana, CJK ideographs, full-width forms, CJK
# punctuation.
no_japanese() {
	! $TUI capture-pane -t "$1" -p |
	    grep -qP '[\x{3000}-\x{30ff}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]'
}
# Words of three letters or more, but key names and the meeting's ids.
no_english() {
	! $TUI capture-pane -t "$1" -p | grep -oE '[A-Za-z]{3,}' |
	    grep -vxE 'Enter|Escape|Tab|BTab|BSpace|Space|PageUp|PageDown|Home|End|giji|sato|ito|yamada|kato' |
	    grep -q .
}
show() {
	echo "# $1:"
	$TUI capture-pane -t a -p | sed 's/^/#   |/'
}

for lang in C.UTF-8 en_US.UTF-8; do
	TUI_LANG=$lang
	tui_start a "$E"
	check "$lang: up" tui_wait a "Speaker: (none"
	check "$lang: the main screen has no Japanese" no_japanese a ||
	    show main
	check "$lang: a Latin name and role apart: Jones (Member)" \
	    tui_wait a "Jones (Member)"
	check "$lang: the status line's date is not the era's" \
	    tui_wait_re a "2024-06-27 (Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
	tui_keys a F1
	check "$lang: help" tui_wait a "Help — q, Escape"
	check "$lang: the help has no Japanese" no_japanese a || show help
	tui_keys a Escape
	check "$lang: help closed" tui_wait_not a "Help — q, Escape"
	tui_keys a F2
	check "$lang: the picker" tui_wait a "Choose the speaker"
	check "$lang: the picker has no Japanese" no_japanese a || show picker
	tui_keys a Escape
	check "$lang: the picker closed" tui_wait_not a "Choose the speaker"
	tui_keys a F11
	check "$lang: the vote pane" tui_wait a "Vote v1 show of hands"
	check "$lang: the vote pane has no Japanese" no_japanese a ||
	    show vote
	check "$lang: a label wider than five columns keeps its count" \
	    tui_wait_re a "abstain#+ +1( |$|│)" || show vote
	check "$lang: the rule line goes on to a second row, not cut" \
	    tui_wait a "chair: casting vote on a tie" || show vote
	tui_stop a
done

TUI_LANG=C.UTF-8 TUI_ENV="LANGUAGE=ja"
tui_start a "$E"
check "C.UTF-8 with LANGUAGE=ja: still English" tui_wait a "Speaker: (none"
tui_stop a
TUI_LANG=en_US.UTF-8 TUI_ENV="LANGUAGE=ja"
tui_start a "$J"
check "en_US.UTF-8 with LANGUAGE=ja: Japanese (LANGUAGE obeyed)" \
    tui_wait a "発言者: （未選択"
tui_stop a
TUI_ENV=

TUI_LANG=ja_JP.UTF-8
tui_start a "$J"
check "ja: up" tui_wait a "発言者: （未選択"
tui_keys a Tab Down Enter
check "ja: an item opened" tui_wait a "議題開始"
check "ja: the main screen has no English words" no_english a || show main
tui_keys a F1
check "ja: help in Japanese" tui_wait a "ヘルプ — q / Escape"
check "ja: its lines too" tui_wait a "このヘルプ（キーと操作"
tui_keys a Escape
check "ja: help closed" tui_wait_not a "ヘルプ — q / Escape"
tui_keys a F2
check "ja: the picker" tui_wait a "発言者を選ぶ"
check "ja: the picker has no English words" no_english a || show picker
tui_keys a Escape
check "ja: the picker closed" tui_wait_not a "発言者を選ぶ"
tui_keys a F11 H
check "ja: the motion is asked" tui_wait a "議案を確かめ"
tui_keys a Enter
check "ja: who moved it" tui_wait a "提出者は？"
check "ja: the mover's picker has no English words" no_english a ||
    show mover
tui_keys a Enter
check "ja: the number" tui_wait a "議案の番号"
tui_keys a Enter
check "ja: a vote called" tui_wait a "採決 v1 挙手"
tui_keys a M-r
check "ja: the reaction menu" tui_wait a "反応: 1 異議なし"
check "ja: the reaction menu has no English words" no_english a ||
    show reactions
tui_keys a Escape
tui_wait_not a "反応: 1 異議なし" >/dev/null
tui_keys a M-c
check "ja: the check-in screen" tui_wait a "出欠 — p 出席"
check "ja: the check-in screen has no English words" no_english a ||
    show checkin
tui_keys a Escape
tui_wait_not a "出欠 — p 出席" >/dev/null
check "ja: the vote pane has no English words" no_english a || show vote
tui_stop a
"$GIJI" --help > "$T/out" 2>&1
contains "C.UTF-8: --help in English" "$(cat "$T/out")" "usage: giji"
LC_ALL=ja_JP.UTF-8 "$GIJI" --help > "$T/out" 2>&1
contains "ja_JP.UTF-8: --help in Japanese" "$(cat "$T/out")" "使い方: giji"
LC_ALL=ja_JP.UTF-8 "$GIJI" nosuch.giji > "$T/out" 2>&1 </dev/null
contains "ja_JP.UTF-8: a command-line error in Japanese" \
    "$(cat "$T/out")" "その会議ファイルはありません"
done_testing
