#!/bin/sh
# SPDX-License-Identifier: ISC
# Recording from keys besides speeches: a note, a material, attendance
# (arrived, left), recess and resume, meeting open; amend, retract and
# redact of a selected earlier entry; and a failed append keeps the text
# in the editor, not shown as recorded.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a F9
check "F9 opens the meeting" tui_wait a "── 開会"
tui_type a "（資料により説明）"
tui_keys a F4
check "F4 records a note" tui_wait a "14:00 （資料により説明）"
tui_type a "資料1 予算書"
tui_keys a F5
check "F5 records a material" tui_wait a "資料: 資料1 予算書"
tui_keys a F6
check "attendance needs a speaker" tui_wait a "発言者が未選択です"
tui_keys a M-2 F6
check "F6: arrived" tui_wait a "〔伊藤委員 入室〕"
tui_keys a F7
check "F7: left" tui_wait a "〔伊藤委員 退室〕"
tui_keys a F8
check "F8: recess" tui_wait a "── 休憩"
check "status shows the recess" tui_wait a "休憩中"
tui_keys a F8
check "F8 again: resume" tui_wait a "── 再開"
tui_type a "最初の発言です"
tui_keys a Enter
check "a speech" tui_wait a "伊藤委員　最初の発言です"
tui_type a "二つ目の発言です"
tui_keys a Enter
check "another" tui_wait a "伊藤委員　二つ目の発言です"

# Amend the first speech: select it with Up in the input line, e in the log.
tui_keys a Up Up
tui_keys a Tab Tab
check "the log has the focus" tui_focused a "記録 ─"
tui_keys a e
check "e loads the entry into the editor" tui_wait a "訂正中 #"
tui_keys a End BSpace BSpace
tui_type a "でした"
tui_keys a Enter
check "amend recorded" tui_wait a "の訂正を記録しました"
check "the entry shows the amended text" tui_wait a "最初の発言でした〔訂正済〕"
contains "amend event" "$(tui_last "$M" amend)" '"data":{"text":"最初の発言でした"}'

# Retract the second (selected from the log pane): after the amend the
# focus is back in the log, the amend selected; the speech is just above.
check "log focused again" tui_focused a "記録 ─"
tui_keys a Up
tui_keys a r
check "r asks for a reason, naming the entry" \
    tui_wait a "伊藤委員「二つ目の発言です」 — 理由を入力"
tui_type a "重複"
tui_keys a Enter
check "retract recorded" tui_wait a "を取消にしました"
check "the entry is marked" tui_wait a "〔取消〕"
contains "retract event" "$(tui_last "$M" retract)" '"reason":"重複"'
tui_keys a x
check "x asks for a redaction reason" tui_wait a "」 — 理由を入力"
tui_keys a Enter
check "redact recorded" tui_wait a "を非公開にしました"
check "and marked" tui_wait a "〔非公開〕"

# M-e amends from the input line: Up selects, M-e loads it there.
tui_keys a Escape
check "Escape: the input line" tui_focused a "発言者"
tui_type a "三つ目の発言です"
tui_keys a Enter
check "a third speech" tui_wait a "伊藤委員　三つ目の発言です"
tui_keys a Up
tui_keys a M-e
check "M-e loads the selected entry into the editor" tui_wait a "訂正中 #"
tui_keys a End
tui_type a "。"
tui_keys a Enter
check "its amend recorded" tui_wait a "三つ目の発言です。〔訂正済〕"

tui_stop a

# A failed append keeps the text: a draft whose speaker is not in the
# roster (written behind giji's back) cannot be recorded.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$M" "INSERT OR REPLACE INTO drafts (station, speaker, text,
	    started, updated) VALUES ('a', 'ghost', '記録できない発言', 0, 0)"
	tui_start a "$M"
	check "the draft with an unknown speaker is back" \
	    tui_wait a "記録できない発言"
	tui_keys a Enter
	check "the append fails: not recorded" tui_wait a "記録されていません"
	check "the reason is shown" tui_wait a "ghost"
	check "the text stays in the editor" tui_wait_row a 21 "記録できない発言"
	tui_keys a M-1 Enter
	check "with a real speaker it records" tui_wait a "佐藤会長　記録できない発言"
	tui_stop a
else
	tap_result 0 "failed append # SKIP no sqlite3"
fi
check "the chain verifies" "$GIJI" verify "$M"
# Closing the meeting with an item still open asks first; the same key
# again closes it, the item left open (nothing recorded for it).
M2=$T/close.giji
tui_meeting "$M2"
tui_start c "$M2"
check "close: up" tui_wait c "未 予算の審議"
tui_keys c F9
check "close: the meeting opened" tui_wait c "── 開会"
tui_keys c Tab Down Enter
check "close: an item open" tui_wait c "中 開会"
tui_keys c F9
check "F9 with the item open: asked, not closed" tui_wait c "まだ開いています"
is "no meeting.close yet" "$("$GIJI" log "$M2" --json | grep -c '"type":"meeting\.close"')" 0
# Wider than the line: its beginning, then (half its time on) its end,
# where it says what to do.
check "a message wider than the line: its end comes" tui_wait c "押すと開いたまま会議を閉じます"
tui_keys c F9
check "F9 again: closed" tui_wait c "閉会"
is "meeting.close recorded once" "$("$GIJI" log "$M2" --json | grep -c '"type":"meeting\.close"')" 1
is "and no agenda.close made up" "$("$GIJI" log "$M2" --json | grep -c '"type":"agenda\.close"')" 0
# A speech typed after the close is recorded (nothing typed is lost), with
# a warning saying how to mend it.
tui_keys c M-1
tui_type c "閉会後の発言"
tui_keys c Enter
check "a speech after the close: recorded, with a warning" tui_wait c \
    "ただし会議は閉会しています"
tui_stop c

done_testing
