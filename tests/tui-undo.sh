#!/bin/sh
# SPDX-License-Identifier: ISC
# Corrections you can see and undo (issue 14 item 2), in English and in
# Japanese: the retract and amend questions show the entry's number,
# speaker and first words; after an amend the selection is on the amend
# (its new text), so r then withdraws the amend, not the speech; u undoes
# this terminal's last correction, recorded as a retract whose target is
# that correction (giji-events(5), CORRECTIONS), and the internal minutes'
# record of corrections lists it.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/tui-lib.sh"

for lang in C.UTF-8 ja_JP.UTF-8; do
	TUI_LANG=$lang
	M=$T/m-$lang.giji
	tui_meeting "$M"
	case $lang in
	ja*)	speaker="発言者:"; logtitle="記録 ─"
		plain="14:00 伊藤委員　昨年度は約41％"; retract="取消 #10 伊藤委員「昨年度は約41％でござ"
		retracted="〔取消〕"; undo="取り消す #11 #10 の取消"
		undone="訂正等 #11 を取り消しました"
		amending="訂正中 #10 伊藤委員「昨年度は約41％"
		amended="〔訂正 #10〕昨年度は約42％"
		ask_amend="取消 #13 #10 の訂正「昨年度は約42％" ;;
	*)	speaker="Speaker:"; logtitle="Log ─"
		plain="14:00 伊藤委員  昨年度は約41％"; retract='Retract #10 伊藤委員 "昨年度は約41％でござ'
		retracted="[retracted]"; undo="Undo #11 retract of #10"
		undone="Correction #11 undone"
		amending='amending #10 伊藤委員 "昨年度は約41％'
		amended="[amends #10] 昨年度は約42％"
		ask_amend='Retract #13 amend of #10 "昨年度は約42％' ;;
	esac
	tui_start a "$M"
	check "$lang: up" tui_wait a "$speaker"
	tui_keys a F9 M-2
	tui_type a "昨年度は約41％でございました。"
	tui_keys a Enter
	check "$lang: a speech (#10)" tui_wait a "昨年度は約41％でございました。"
	tui_keys a Up Tab Tab
	check "$lang: the log has the focus" tui_focused a "$logtitle"
	tui_keys a r
	check "$lang: the retract question names the entry" \
	    tui_wait a "$retract"
	tui_keys a Enter
	check "$lang: retracted" tui_wait a "$retracted"
	tui_keys a u
	check "$lang: u asks to undo the retract, naming it" \
	    tui_wait a "$undo"
	tui_keys a Enter
	check "$lang: undone" tui_wait a "$undone"
	check "$lang: the speech is no longer shown retracted" \
	    tui_wait a "$plain"
	is "$lang: the undo is a retract of the retract" \
	    "$(tui_last "$M" retract | sed 's/.*"target":"\([^"]*\)".*/\1/')" \
	    "$("$GIJI" log "$M" --json | grep '"seq":11,' |
	    sed 's/.*"uuid":"\([^"]*\)".*/\1/')"
	# Amend: the selection follows the new text.
	tui_keys a End Up Up Up e
	check "$lang: the input line says what is amended" \
	    tui_wait a "$amending"
	tui_keys a C-u
	tui_type a "昨年度は約42％でございました。"
	tui_keys a Enter
	check "$lang: the amend is in the log" tui_wait a "$amended"
	check "$lang: and selected" _tui_reverse a "$amended"
	tui_keys a r
	check "$lang: r now asks about the amend, not the speech" \
	    tui_wait a "$ask_amend"
	tui_keys a Escape
	tui_keys a u Enter
	check "$lang: u undoes the amend" tui_wait a "#13"
	tui_stop a
	"$GIJI" minutes "$M" > "$T/min.txt"
	contains "$lang: the minutes' record lists the undone retract" \
	    "$(cat "$T/min.txt")" "（retract）取消し"
	contains "$lang: and the undone amend" "$(cat "$T/min.txt")" \
	    "（amend）取消し"
	contains "$lang: the speech stands, as first recorded" \
	    "$(sed -n '/訂正等の記録/q;p' "$T/min.txt")" \
	    "昨年度は約41％でございました。"
done

# The speaker corrected too: another chosen (F2) while the speech is
# being corrected is the amend's; Enter with nothing changed records
# nothing; the speaker chosen before comes back.
TUI_LANG=ja_JP.UTF-8
M=$T/sp.giji
tui_meeting "$M"
tui_start s "$M"
check "speaker: up" tui_wait s "発言者:"
tui_keys s F9 M-2
tui_type s "移転の時期はいつでしょうか。"
tui_keys s Enter
check "speaker: recorded" tui_wait s "記録しました"
tui_keys s M-3 Up Tab Tab
check "speaker: the log has the focus" tui_focused s "記録 ─"
tui_keys s e
check "speaker: correcting" tui_wait s "訂正中 #"
tui_keys s Enter
check "speaker: nothing changed, nothing recorded" tui_wait s "変更はありません。何も記録していません"
is "speaker: no amend" "$("$GIJI" log "$M" --json | grep -c '"type":"amend"')" 0
check "speaker: the log keeps the focus" tui_focused s "記録 ─"
tui_keys s e
check "speaker: correcting again" tui_wait s "訂正中 #"
tui_keys s M-1 Enter
check "speaker: the correction recorded" tui_wait s "を記録しました"
contains "speaker: the amend holds the speaker chosen, not the text" \
    "$(tui_last "$M" amend)" '"data":{"speaker":"sato"}'
check "speaker: the one chosen before comes back" tui_wait s "発言者: 山田委員"
tui_stop s
done_testing
