#!/bin/sh
# SPDX-License-Identifier: ISC
# The check-in screen (issue 18): the roster with each member's
# attendance, one key a member recording present, apologies, late
# arrival, remote, absent, in writing, proxy (the selection moving on),
# the quorum line following each (remote, in writing and proxy count as
# present, apologies do not, staff are not counted), an attendance recorded by another terminal shown too;
# then the same screen in English under C.UTF-8.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

M=$T/m.giji
"$GIJI" new "$M" >/dev/null
"$GIJI" import "$M" >/dev/null 2>&1 <<'JSONL'
{"type":"meta.set","ts":"2024-06-27T13:50:00+09:00","data":{"title":"テスト審議会","seats":4,"quorum":"majority"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"sato","name":"佐藤","role":"会長","kind":"chair"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"ito","name":"伊藤","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"yamada","name":"山田","role":"委員","seat":"15"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"suzuki","name":"鈴木","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"kato","name":"加藤","role":"課長","kind":"staff"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a1","title":"予算の審議"}}
JSONL
last_att() {
	"$GIJI" log "$M" --json | grep '"type":"attendance"' | tail -n 1
}
tui_start a "$M"
check "screen comes up" tui_wait a "発言者: （未選択"
tui_keys a M-c
check "the check-in screen" tui_wait a "出欠 — p 出席"
# Nobody recorded yet: counted present, as votes count them (docs/votes.md).
check "the quorum line before any" tui_wait a "定足数: 出席 4 名 / 必要 3 名  成立"
check "the roster, with the seat" tui_wait a "山田委員（15番）"
check "the staff too" tui_wait a "課長（加藤）"
tui_keys a p
check "佐藤 present" tui_wait a "記録しました: #8 佐藤会長 出席"
contains "attendance present" "$(last_att)" \
    '"data":{"member":"sato","status":"present"}'
check "the quorum the same" tui_wait a "定足数: 出席 4 名 / 必要 3 名"
tui_keys a s
check "伊藤 apologies" tui_wait a "伊藤委員 欠席届"
contains "attendance apologies" "$(last_att)" \
    '"data":{"member":"ito","status":"apologies"}'
check "apologies do not count" tui_wait a "定足数: 出席 3 名 / 必要 3 名  成立"
tui_keys a r
check "山田 remote" tui_wait a "山田委員 遠隔出席"
check "remote counts" tui_wait a "定足数: 出席 3 名 / 必要 3 名  成立"
tui_keys a l
check "鈴木 late arrival" tui_wait a "鈴木委員 入室"
contains "attendance arrived" "$(last_att)" \
    '"data":{"member":"suzuki","status":"arrived"}'
check "quorate" tui_wait a "定足数: 出席 3 名 / 必要 3 名  成立"
tui_keys a a
check "加藤 absent" tui_wait a "課長（加藤） 欠席"
check "the staff do not count" tui_wait a "定足数: 出席 3 名 / 必要 3 名  成立"
# Another terminal records 鈴木 leaving: the screen follows.
"$GIJI" add "$M" attendance member=suzuki status=left >/dev/null
check "another terminal's attendance" tui_wait a "定足数: 出席 2 名 / 必要 3 名  定足数不足"
tui_keys a Up Up Up Up Up p
check "Up moves back: 佐藤 present again" tui_wait a "佐藤会長 出席"
# n: a note on the next member's attendance (伊藤, apologies).
tui_keys a n
check "n asks a note on 伊藤's attendance" tui_wait a "伊藤委員 の出欠（欠席届）の備考"
tui_type a "第2議題から"
tui_keys a Enter
check "the note recorded" tui_wait a "記録しました"
contains "attendance with its note, the status kept" "$(last_att)" \
    '"data":{"member":"ito","status":"apologies","note":"第2議題から"}'
# w: voted in writing beforehand, d: gave a proxy; both counted present.
tui_keys a Down Down w
check "鈴木 voted in writing" tui_wait a "鈴木委員 書面表決"
contains "attendance written" "$(last_att)" \
    '"data":{"member":"suzuki","status":"written"}'
check "in writing counts as present" tui_wait a "定足数: 出席 3 名 / 必要 3 名  成立"
tui_keys a Up Up Up d
check "d asks who holds 伊藤's proxy" tui_wait a "伊藤委員 の表決委任 — 委任先は？"
check "those in the room are offered" tui_wait a "(yamada)"
check "one voting in writing is not" tui_wait_not a "(suzuki)"
tui_keys a 1
check "伊藤 gave a proxy to 佐藤" tui_wait a "伊藤委員 表決委任（委任先: 佐藤会長）"
contains "attendance proxy, with its holder" "$(last_att)" \
    '"data":{"member":"ito","status":"proxy","holder":"sato"}'
check "a proxy counts as present" tui_wait a "定足数: 出席 4 名 / 必要 3 名  成立"
# The holder typed: a member's own name is the member (山田, selected now).
tui_keys a d
check "d on 山田" tui_wait a "山田委員 の表決委任 — 委任先は？"
tui_type a "山田"
tui_keys a Enter
check "their own name typed: refused" tui_wait a "山田委員 は自分の表決委任を受けられません"
tui_keys a C-u
tui_type a "鈴木"
tui_keys a Enter
check "one voting in writing, typed: refused" tui_wait a "鈴木委員 は議場にいません（書面表決）"
tui_keys a Escape
check "Escape: no proxy recorded" tui_wait_not a "委任先は？"
tui_keys a M-c
check "check-in again" tui_wait a "出欠 — p 出席"
tui_keys a z
check "a key it does not know is named" tui_wait a "z: p 出席"
tui_keys a Escape
check "Escape closes it" tui_wait_not a "出欠 — p 出席"
# Opened again with no speaker chosen, it starts at the top, not at the
# row left selected (another moment's member).
tui_keys a M-c
tui_wait a "出欠 — p 出席" >/dev/null
tui_keys a p
check "opened again: p marks the first of the roster" tui_wait a \
    "佐藤会長 出席"
contains "attendance present for the first" "$(last_att)" \
    '"data":{"member":"sato","status":"present"}'
tui_keys a Escape
tui_wait_not a "出欠 — p 出席" >/dev/null
# A speech by one recorded as not in the room: recorded, and said.
tui_keys a M-4
tui_type a "書面で賛成しました。"
tui_keys a Enter
check "a speech by one voting in writing: recorded, the clerk warned" \
    tui_wait a "鈴木委員 は議場にいない記録です（書面表決）"
tui_stop a
check "giji verify" "$GIJI" verify "$M"

TUI_LANG=C.UTF-8 tui_start e "$M"
check "English: up" tui_wait e "Speaker: (none"
tui_keys e M-c
check "English: the check-in screen" tui_wait e "Check-in — p present"
check "English: the quorum" tui_wait e "Quorum: 4 present / 3 needed  quorate"
check "English: the statuses" tui_wait e "in writing"
tui_keys e Escape
tui_wait_not e "Check-in —" >/dev/null
tui_stop e

# The agenda marks a closed session (public: false). A member who
# withdrew from the last vote's item is present again once
# another item is open; one who withdrew from the item open now is not
# counted (the count used to read the last vote's view alone).
W=$T/w.giji
"$GIJI" new "$W" >/dev/null
"$GIJI" import "$W" >/dev/null 2>&1 <<'JSONL'
{"type":"meta.set","ts":"2024-06-27T13:50:00+09:00","data":{"title":"テスト審議会","seats":4,"quorum":"majority"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"sato","name":"佐藤","role":"会長","kind":"chair"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"ito","name":"伊藤","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"yamada","name":"山田","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"suzuki","name":"鈴木","role":"委員"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a1","title":"予算の審議"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a2","title":"条例の審議"}}
{"type":"agenda.add","ts":"2024-06-27T13:50:00+09:00","data":{"id":"a3","title":"人事案件","public":false}}
{"type":"meeting.open","ts":"2024-06-27T14:00:00+09:00"}
{"type":"agenda.open","ts":"2024-06-27T14:01:00+09:00","data":{"item":"a1"}}
{"type":"interest","ts":"2024-06-27T14:02:00+09:00","data":{"member":"yamada","item":"a1","text":"関係する法人の役員","withdraws":true}}
{"type":"vote.call","ts":"2024-06-27T14:03:00+09:00","data":{"id":"v1","item":"a1","motion":"原案可決","method":"hands"}}
{"type":"vote.tally","ts":"2024-06-27T14:04:00+09:00","data":{"vote":"v1","yes":3,"no":0,"abstain":0}}
{"type":"agenda.close","ts":"2024-06-27T14:05:00+09:00","data":{"item":"a1"}}
{"type":"agenda.open","ts":"2024-06-27T14:06:00+09:00","data":{"item":"a2"}}
JSONL
tui_start w "$W"
check "withdrawal: up" tui_wait w "発言者: （未選択"
check "a closed session is marked in the agenda" tui_wait w "人事案件（非公開）"
check "an open one is not" tui_wait_not w "条例の審議（非公開）"
tui_keys w M-c
check "withdrawn from the last vote's item, another open: counted" \
    tui_wait w "定足数: 出席 4 名 / 必要 3 名  成立"
tui_keys w Escape
tui_wait_not w "出欠 — p 出席" >/dev/null
"$GIJI" add "$W" interest member=ito item=a2 text=利害関係 withdraws=true \
    >/dev/null
tui_keys w M-c
check "withdrawn from the item open now: not counted" \
    tui_wait w "定足数: 出席 3 名 / 必要 3 名  成立"
tui_keys w Escape
tui_stop w
done_testing
