#!/bin/sh
# SPDX-License-Identifier: ISC
# The procedure of the room at the terminal (issue 12): a reaction
# marked while a speech is being typed is recorded right after the
# speech with its uuid and its place in characters, the speech whole;
# the marks survive kill -9 with the draft; a reaction with nothing being
# typed stands on its own; the clerk's own words; a vote called with its
# mover, seconder and number (Escape at the mover calls none; the mover
# is not offered as seconder); a
# declaration of interest whose member leaves for the item; an action
# item from the input line with its owner and due date; the log pane's
# lines for each. Then the same keys under C.UTF-8 in an English meeting,
# and the large vote pane's key hint laid out to fit its width.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

# Events of a type in the file.
vote_count_type() {
	"$GIJI" log "$1" --json | grep -c "\"type\":\"$2\""
}

M=$T/m.giji
tui_meeting "$M"
"$GIJI" add "$M" agenda.open item=a2 >/dev/null
# 鈴木, recorded absent: not offered as mover or seconder.
"$GIJI" add "$M" member.add id=suzuki name=鈴木 role=委員 >/dev/null
"$GIJI" add "$M" attendance member=suzuki status=absent >/dev/null
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"

# A reaction in the middle of a speech, marked at the cursor (after
# 「よろしいでしょうか。」, 10 characters), then the speech goes on.
tui_keys a M-2
tui_type a "よろしいでしょうか。そのように決します。"
tui_wait a "そのように決します。" >/dev/null
tui_keys a Left Left Left Left Left Left Left Left Left Left
tui_keys a M-r
check "the menu of common reactions" tui_wait a "1 異議なし  2 了  3 拍手  4 笑声"
tui_keys a 1
check "marked at the cursor" tui_wait a "10 字目の後に反応の印: 異議なし"
check "the input title says so" tui_wait a "反応の印 1 件（最後: 異議なし）"
check "nothing recorded yet" test "$(vote_count_type "$M" reaction)" = 0
check "the draft is saved" tui_wait a "保存済"
kill -9 "$(tui_pid a)"
check "giji is gone" tui_wait_dead a
tui_start a "$M"
check "restart: the draft is back" tui_wait a "よろしいでしょうか。そのように決します。"
check "and its mark" tui_wait a "反応の印 1 件（最後: 異議なし）"
# Text typed before the mark moves it on.
tui_keys a Home
tui_type a "では、"
tui_wait a "では、よろしいでしょうか。" >/dev/null
tui_keys a Enter
check "recorded" tui_wait a "記録しました"
S=$(tui_last "$M" speech)
contains "the speech is whole" "$S" \
    '"text":"では、よろしいでしょうか。そのように決します。"'
U=$(printf '%s' "$S" | sed 's/.*"uuid":"\([^"]*\)".*/\1/')
R=$(tui_last "$M" reaction)
contains "the reaction names the speech and its place (13 characters)" \
    "$R" '"data":{"text":"異議なし","kind":"voices","speech":"'"$U"'","at":13}'
SEQ_S=$(printf '%s' "$S" | sed 's/^{"seq":\([0-9]*\),.*/\1/')
SEQ_R=$(printf '%s' "$R" | sed 's/^{"seq":\([0-9]*\),.*/\1/')
is "right after the speech" "$SEQ_R" "$((SEQ_S + 1))"
check "the log pane reads it" \
    tui_wait a "反応（声）: 異議なし［#$SEQ_S の 13 字目の後］"
check "the marks are gone with the speech" \
    tui_wait_not a "反応の印 1 件"

# Nothing being typed: on its own.
tui_keys a M-r 3
check "applause recorded at once" tui_wait a "反応を記録しました"
contains "without speech and at" "$(tui_last "$M" reaction)" \
    '"data":{"text":"拍手","kind":"applause"}'
# The clerk's own words.
tui_keys a M-r v
check "asks the words" tui_wait a "議場の声の文言"
tui_type a "そうだ"
tui_keys a Enter
check "recorded" tui_wait a "反応（声）: そうだ"
tui_keys a M-r x
check "a key that is no reaction is refused" tui_wait a "反応の選択肢にありません"
tui_keys a Escape
check "Escape closes the menu" tui_wait a "取りやめました"

# A vote with its mover (伊藤, 2), its seconder (山田, 3) and number.
tui_keys a F11 H
check "the motion" tui_wait a "議案を確かめ"
tui_keys a Enter
check "moved by?" tui_wait a "提出者は？"
tui_keys a Escape
check "Escape at the mover" tui_wait_not a "提出者は？"
check "calls no vote" test "$(vote_count_type "$M" vote.call)" = 0
tui_keys a H
check "the motion again" tui_wait a "議案を確かめ"
tui_keys a Enter
check "moved by? again" tui_wait a "提出者は？"
check "nobody is the first row" tui_wait a "- （なし）"
check "those in the room are offered" tui_wait a "(yamada)"
check "a member recorded absent is not" tui_wait_not a "(suzuki)"
tui_keys a 2
check "seconded by?" tui_wait a "賛成者は？"
check "the mover is not offered as seconder" tui_wait_not a "(ito)"
check "the others are" tui_wait a "(yamada)"
# A digit is a member's place in the roster in every picker (M-1 … M-0):
# 2 is ito, who is not offered here, 3 is yamada.
tui_keys a 2
check "2, the mover, is not offered: said" tui_wait a "2: 伊藤委員"
tui_keys a 3
check "the number" tui_wait a "議案の番号"
tui_type a "議案第12号"
tui_keys a Enter
check "called" tui_wait a "採決 v1 挙手"
contains "vote.call has mover, seconder and number" \
    "$(tui_last "$M" vote.call)" \
    '"moved_by":"ito","seconded_by":"yamada","number":"議案第12号"'
check "the log pane reads them" tui_wait a "（挙手）［議案第12号］［提出者"
check "… to the seconder" tui_wait a "伊藤委員］［賛成者 山田委員］"
tui_keys a u
check "counted" tui_wait a "集計: 全員賛成"
tui_keys a C
check "closing" tui_wait a "決定の文言"
tui_keys a Enter
check "v1 closed" tui_wait a "採決 v1 を終了しました"
# Nobody moved the next one: one key skips mover and seconder.
tui_keys a H
tui_wait a "議案を確かめ" >/dev/null
tui_keys a Enter Enter Enter
check "a vote with neither" tui_wait a "採決 v2"
V=$(tui_last "$M" vote.call)
case $V in *moved_by*|*seconded_by*|*number*) r=1 ;; *) r=0 ;; esac
is "neither recorded" "$r" 0
tui_keys a Escape
check "back to the input line" tui_focused a "発言者: 伊藤委員"

# A declaration of interest: 山田 leaves for 予算の審議.
tui_keys a M-i
check "who declares?" tui_wait a "申告する委員は？"
check "the staff are not offered" tui_wait_not a "加藤課長"
tui_keys a 3
check "the words" tui_wait a "山田委員の「予算の審議」についての利害関係"
tui_type a "関係する法人の役員"
tui_keys a Enter
check "leaves?" tui_wait a "山田委員は「予算の審議」の間退席しますか"
tui_keys a z
check "y or n" tui_wait a "y（退席する）か n（退席しない）"
tui_keys a y
check "recorded" tui_wait a "利害関係を記録しました"
contains "interest with item and withdraws" "$(tui_last "$M" interest)" \
    '"data":{"member":"yamada","item":"a2","text":"関係する法人の役員","withdraws":true}'
check "the log pane reads it" tui_wait a \
    "利害関係の申告: 山田委員 — 関係する法人の役員"
check "… to the item and the leaving" tui_wait a \
    "［議題: 予算の審議］［この議題の間退席］"
# Who withdrew is not offered as mover or seconder of its votes (v2,
# open, is closed first).
tui_keys a F11 u C
check "v2 closing" tui_wait a "決定の文言"
tui_keys a Enter
check "v2 closed" tui_wait a "採決 v2 を終了しました"
tui_keys a H
check "a vote after the withdrawal: the motion" tui_wait a "議案を確かめ"
tui_keys a Enter
check "moved by?" tui_wait a "提出者は？"
check "the one who withdrew is not offered" tui_wait_not a "(yamada)"
check "the others are" tui_wait a "(ito)"
tui_keys a Escape
check "Escape: no vote called" tui_wait_not a "提出者は？"
check "(still two)" test "$(vote_count_type "$M" vote.call)" = 2
tui_keys a Escape
check "back to the input line" tui_focused a "発言者"

# An action item from the input line: owner 加藤 (searched), due date.
tui_type a "資料を次回までに配布する"
tui_keys a M-a
check "who does it?" tui_wait a "担当は？"
tui_type a "かとう"
tui_keys a Enter
check "the due date" tui_wait a "期限を 2025-07-01 の形で"
tui_type a "来月"
tui_keys a Enter
check "a date it cannot read is refused" tui_wait a "日付を読めません: 来月"
tui_keys a C-u
tui_type a "2024-07-25"
tui_keys a Enter
check "recorded" tui_wait a "宿題事項を記録しました"
contains "action with owner, due and item" "$(tui_last "$M" action)" \
    '"data":{"text":"資料を次回までに配布する","owner":"kato","due":"2024-07-25","item":"a2"}'
check "the input line is emptied" tui_wait_not a "資料を次回までに配布する」"
check "the log pane reads it" tui_wait a "宿題事項: 資料を次回までに配布する"
check "… with the owner and due date" tui_wait a "期限 2024-07-25］"
tui_stop a
check "giji verify" "$GIJI" verify "$M"

# English: the common reactions of an English meeting, from one key.
E=$T/en.giji
"$GIJI" new "$E" >/dev/null
"$GIJI" import "$E" >/dev/null <<'JSONL'
{"type":"meta.set","ts":"2024-06-27T13:50:00+09:00","data":{"title":"Test board","lang":"en"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"jones","name":"Jones","role":"Member"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a1","title":"Budget"}}
{"type":"agenda.open","ts":"2024-06-27T13:55:00+09:00","data":{"item":"a1"}}
JSONL
printf 'bind global M-h reaction.quick 1\n' > "$T/keys"
TUI_LANG=C.UTF-8 tui_start e --keymap "$T/keys" "$E"
check "up" tui_wait e "Speaker: (none"
tui_keys e M-1
tui_type e "Is that agreed"
tui_keys e M-h
check "Hear, hear in one key" tui_wait e "Reaction marked after character 14: Hear, hear"
tui_type e "? Agreed."
tui_keys e Enter
check "the log pane in English" tui_wait e "Reaction (voices): Hear, hear [in #5 after"
tui_keys e M-r
check "the English menu" tui_wait e "Reaction: 1 Hear, hear  2 Applause  3 Laughter"
tui_keys e 3
check "laughter on its own" tui_wait e "Reaction (laughter): Laughter"
# The large vote pane's key hint fits its width: the groups that do not
# fit on one row go to the next, none cut at the edge.
tui_keys e F11 H
check "the motion" tui_wait e "Vote — check the motion"
tui_keys e Enter Enter Enter
check "a vote called" tui_wait e "Vote v1 show of hands"
check "the hint's first row" tui_wait e "| y n a up  Y N A down  digits Enter record  u all"
check "the rest on the next, whole" tui_wait e "| o no objection  r recount  C close"
tui_stop e

# A motion of the meeting itself: no item open and the whole meeting
# selected, F11 asks the motion with nothing filled in and records a
# vote.call without an item.
W=$T/w.giji
"$GIJI" new "$W" >/dev/null
printf '%s\n' '{"type":"meta.set","data":{"title":"Board","lang":"en"}}' \
    '{"type":"member.add","data":{"id":"ann","name":"Ann","kind":"chair"}}' \
    '{"type":"member.add","data":{"id":"bo","name":"Bo"}}' \
    '{"type":"agenda.add","data":{"id":"a1","title":"Budget"}}' |
    "$GIJI" import "$W" >/dev/null 2>&1
TUI_LANG=C.UTF-8 tui_start w "$W"
check "a meeting with no item open" tui_wait w "Speaker: (none"
tui_keys w F11 H
check "the motion of the meeting asked" tui_wait w "Vote on a motion of the meeting"
tui_keys w Enter
check "an empty motion is refused" tui_wait w "The motion is empty"
tui_type w "To approve the agenda"
tui_keys w Enter Enter Enter
check "called" tui_wait w "Vote v1 show of hands"
contains "a vote.call without an item" "$("$GIJI" log "$W" --json | grep '"type":"vote.call"')" \
    '"data":{"id":"v1","motion":"To approve the agenda","method":"hands"'
tui_stop w
check "giji verify" "$GIJI" verify "$W"
done_testing
