#!/bin/sh
# SPDX-License-Identifier: ISC
# The setup screen (issue 18): the roster and the agenda; a new member
# with every field asked (a list of items typed a;b), a new item, both
# recorded as member.add / agenda.add; an edit recorded as an amend of
# the add event with only the fields changed, the id kept; a taken id,
# a missing name and a kind the vocabulary does not know are refused
# and the answer kept; emptying a field is refused (an amend cannot
# remove one); Escape drops a form. Then the screen under C.UTF-8.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
tui_meeting "$M"
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-s
check "the setup screen" tui_wait a "準備 — t 会議  m 委員を追加"
check "the roster" tui_wait a "ito          伊藤委員  member"
check "the agenda" tui_wait a "a2           予算の審議"

# A new member, every field.
tui_keys a m
check "its id" tui_wait a "新しい委員 — id"
tui_type a "ito"
tui_keys a Enter
check "a taken id is refused" tui_wait a "ito は使われています"
tui_keys a C-u
tui_type a "suzuki"
tui_keys a Enter
check "its name" tui_wait a "氏名（2/10）"
tui_keys a Enter
check "the name is needed" tui_wait a "name が必要です"
tui_type a "鈴木"
tui_keys a Enter
check "full name" tui_wait a "署名に使う氏名（3/10）"
tui_type a "鈴木一郎"
tui_keys a Enter
tui_wait a "よみ（4/10）" >/dev/null
tui_type a "すずき"
tui_keys a Enter
tui_wait a "役職（5/10）" >/dev/null
tui_type a "委員"
tui_keys a Enter
tui_wait a "種別" >/dev/null
tui_keys a Enter
tui_wait a "議席番号（7/10）" >/dev/null
tui_type a "15"
tui_keys a Enter
tui_wait a "所属（8/10）" >/dev/null
tui_type a "市民クラブ"
tui_keys a Enter
tui_wait a "（9/10）" >/dev/null
tui_keys a Enter
check "the items" tui_wait a "議題（; で区切る）（10/10）"
tui_type a "a2; a3"
tui_keys a Enter
check "recorded" tui_wait a "記録しました"
contains "member.add with every field given" \
    "$(tui_last "$M" member.add)" \
    '"data":{"id":"suzuki","name":"鈴木","full_name":"鈴木一郎","reading":"すずき","role":"委員","seat":"15","org":"市民クラブ","agenda":["a2","a3"]}'
check "back on the screen, the member listed" tui_wait a "suzuki       鈴木委員  member  #15"

# A new item.
tui_keys a i
check "the item's id" tui_wait a "新しい議題 — id"
tui_type a "a4"
tui_keys a Enter
tui_type a "条例の改正"
tui_keys a Enter
check "its kind" tui_wait a "種別（3/8）"
tui_type a "ordinanse"
tui_keys a Enter Enter Enter Enter Enter Enter
check "a kind the vocabulary does not know is refused: the form again" \
    tui_wait a "新しい議題 — id（記録で議題を指す名前）（1/8）"
check "not recorded" test "$("$GIJI" log "$M" --json | grep -c '"id":"a4"')" = 0
tui_keys a Enter Enter
check "the kind as answered" tui_wait a "ordinanse"
tui_keys a C-u
tui_type a "ordinance"
tui_keys a Enter Enter Enter Enter Enter
check "public: yes or no" tui_wait a "（8/8）"
tui_type a "no"
tui_keys a Enter
check "recorded" tui_wait a "a4           条例の改正  ordinance"
contains "agenda.add, a closed session's item" "$(tui_last "$M" agenda.add)" \
    '"data":{"id":"a4","title":"条例の改正","kind":"ordinance","public":false}'

# Edit 伊藤 (the second row): the role only; the id stays.
tui_keys a Home
tui_keys a Down Enter
check "the edit starts at the name" tui_wait a "委員 ito — 氏名（2/10）"
check "with the value as it is" tui_wait a "伊藤"
tui_keys a Enter Enter Enter
check "the role" tui_wait a "役職（5/10）"
tui_keys a C-u
tui_type a "副委員長"
tui_keys a Enter Enter
tui_keys a Enter Enter Enter Enter
check "corrected" tui_wait a "訂正しました"
U=$("$GIJI" log "$M" --json | grep '"type":"member.add"' | grep '"id":"ito"' |
    sed 's/.*"uuid":"\([^"]*\)".*/\1/')
contains "an amend of ito's member.add with the role only" \
    "$(tui_last "$M" amend)" '"data":{"target":"'"$U"'","data":{"role":"副委員長"}}'
check "the roster shows it" tui_wait a "ito          伊藤副委員長"

# Emptying a field is refused; Escape drops the form.
tui_keys a Enter
tui_wait a "委員 ito — 氏名" >/dev/null
tui_keys a Enter Enter Enter
tui_wait a "役職（5/10）" >/dev/null
tui_keys a C-u Enter Enter Enter Enter Enter Enter
check "a field cannot be removed" tui_wait a "role: 訂正で項目を消すことはできません"
N=$("$GIJI" log "$M" --json | grep -c '"type":"amend"')
tui_keys a Escape
check "Escape drops it" tui_wait_not a "委員 ito —"
is "nothing more recorded" "$("$GIJI" log "$M" --json | grep -c '"type":"amend"')" "$N"
check "and shows the setup screen again" tui_wait a "準備 — t 会議  m 委員を追加"
# Escape at a form's first question: the setup screen again, live (a key
# typed then is the screen's, not a speech's).
tui_keys a i
check "a new item's first question" tui_wait a "新しい議題 — id"
tui_keys a Escape
check "Escape: the setup screen again" tui_wait a "準備 — t 会議  m 委員を追加"
tui_keys a m
check "its keys work: m asks for a new member" tui_wait a "新しい委員 — id"
tui_keys a Escape
check "the screen again" tui_wait a "準備 — t 会議  m 委員を追加"
is "and no speech was recorded" "$("$GIJI" log "$M" --json | grep -c '"type":"speech"')" 0
# t: the meeting's own fields, each shown as the file has it; what
# changed is one meta.set.
tui_keys a t
check "the meeting: its name first, as recorded" tui_wait a "会議 — 会議の名称（印字のとおり）（1/10）"
tui_keys a C-u
tui_type a "第3回みどり審議会"
tui_keys a Enter Enter Enter
check "its date" tui_wait a "日付（YYYY-MM-DD）（4/10）"
tui_keys a C-u
tui_type a "2024-07-01"
tui_keys a Enter
tui_type a "第1会議室"
tui_keys a Enter
check "the seats" tui_wait a "定数（会議体の委員の数）（6/10）"
tui_type a "12"
tui_keys a Enter
tui_type a "majority"
tui_keys a Enter Enter Enter Enter
check "recorded" tui_wait a "記録しました: #"
contains "one meta.set with what changed, seats a number" "$(tui_last "$M" meta.set)" \
    '"data":{"title":"第3回みどり審議会","date":"2024-07-01","place":"第1会議室","seats":12,"quorum":"majority"}'
tui_keys a t
check "the form again shows the values recorded" tui_wait a "第3回みどり審議会"
tui_keys a Enter Enter Enter Enter Enter Enter Enter Enter Enter Enter
check "nothing changed: nothing recorded" tui_wait a "変更はありません"
tui_keys a Escape
check "Escape closes it" tui_wait_not a "準備 — t 会議"
tui_stop a
check "giji verify" "$GIJI" verify "$M"
check "the minutes compile" sh -c "'$GIJI' minutes '$M' > '$T/min.txt'"

TUI_LANG=C.UTF-8 tui_start e "$M"
check "English: up" tui_wait e "Speaker: (none"
tui_keys e M-s
check "English: the setup screen" tui_wait e "Setup — t the meeting  m new member  i new item"
check "English: the headings" tui_wait e "Roster"
tui_keys e i
check "English: the form" tui_wait e "New item — id, how events name the item (1 of 8)"
tui_keys e Escape
tui_wait_not e "New item —" >/dev/null
tui_stop e
done_testing
