/*
 * The action table: the one list of what a key can do. Key dispatch
 * (action_run), the help screen (pane-help.c) and giji --list-actions all
 * read it, so help never drifts from the bindings. Handlers live in
 * actions.c and never repeat the precondition checks made here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "pane-vote.h"
#include "xmalloc.h"

#define GLOBAL	CTX_ALL
#define AGENDA	(CTX(AGENDA) | CTX(GLOBAL))
#define LOG	(CTX(LOG) | CTX(INPUT) | CTX(GLOBAL))
#define INPUT	CTX(INPUT)
#define VOTE	CTX(VOTE)

const struct action action_table[] = {
	/* Everywhere. */
	{ "help", GLOBAL, 0, NULL,
	  "このヘルプ（キーと操作の一覧）を表示する", act_help },
	{ "quit", GLOBAL, 0, NULL,
	  "終了する（入力中の下書きは保存され、次回戻る）", act_quit },
	{ "redraw", GLOBAL, 0, NULL, "画面を描き直す", act_redraw },
	{ "focus.next", GLOBAL, 0, NULL, "次のペインへ移る", act_focus_next },
	{ "focus.prev", GLOBAL, 0, NULL, "前のペインへ移る", act_focus_prev },
	{ "focus.agenda", GLOBAL, 0, NULL, "議題ペインへ移る",
	  act_focus_agenda },
	{ "focus.log", GLOBAL, 0, NULL, "記録ペインへ移る", act_focus_log },
	{ "focus.input", GLOBAL, 0, NULL, "入力欄へ移る", act_focus_input },
	{ "focus.vote", GLOBAL, 0, NULL, "採決ペインへ移る（大きく表示）",
	  act_vote_focus },
	{ "speaker.pick", GLOBAL, ACTION_NO_PROMPT, NULL,
	  "発言者を名簿から選ぶ（数字キー、名前・よみで絞り込み）",
	  act_speaker_pick },
	{ "speaker.quick", GLOBAL, ACTION_ARG_REQUIRED, "N",
	  "名簿の N 番目（1〜10）を発言者にする", act_speaker_quick },
	{ "speaker.next", GLOBAL, 0, NULL, "名簿の次の人を発言者にする",
	  act_speaker_next },
	{ "speaker.prev", GLOBAL, 0, NULL, "名簿の前の人を発言者にする",
	  act_speaker_prev },
	{ "speaker.add", GLOBAL, ACTION_NO_PROMPT, NULL,
	  "発言者を名簿に追加する（member.add）", act_speaker_add },
	{ "note.add", GLOBAL, ACTION_NEEDS_TEXT | ACTION_NO_PROMPT, NULL,
	  "入力欄の文を議事の注記として記録する（note）", act_note_add },
	{ "material.add", GLOBAL, ACTION_NEEDS_TEXT | ACTION_NO_PROMPT, NULL,
	  "入力欄の文を資料名として記録する（material.add）",
	  act_material_add },
	{ "attendance.arrived", GLOBAL, ACTION_NEEDS_SPEAKER | ACTION_NO_PROMPT,
	  NULL, "現在の発言者の入室を記録する", act_arrived },
	{ "attendance.left", GLOBAL, ACTION_NEEDS_SPEAKER | ACTION_NO_PROMPT,
	  NULL, "現在の発言者の退室を記録する", act_left },
	{ "recess.toggle", GLOBAL, ACTION_NO_PROMPT, NULL,
	  "休憩／再開を記録する（recess, resume）", act_recess_toggle },
	{ "meeting.toggle", GLOBAL, ACTION_NO_PROMPT, NULL,
	  "開会／閉会を記録する（meeting.open, meeting.close）",
	  act_meeting_toggle },

	/* The agenda. */
	{ "item.prev", AGENDA, 0, NULL, "前の議題を選ぶ", act_item_prev },
	{ "item.next", AGENDA, 0, NULL, "次の議題を選ぶ", act_item_next },
	{ "item.first", AGENDA, 0, NULL, "先頭（会議全体）を選ぶ",
	  act_item_first },
	{ "item.last", AGENDA, 0, NULL, "最後の議題を選ぶ", act_item_last },
	{ "item.open", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  "選んだ議題を開く（審議中の議題は閉じる）", act_item_open },
	{ "item.close", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  "選んだ議題を閉じる", act_item_close },
	{ "item.add", AGENDA, ACTION_NO_PROMPT, NULL, "議題を追加する",
	  act_item_add },
	{ "item.move.up", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  "選んだ議題を一つ上へ移す（agenda.order）", act_item_move_up },
	{ "item.move.down", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  "選んだ議題を一つ下へ移す（agenda.order）", act_item_move_down },

	/* The speaker log (also reachable while typing). */
	{ "entry.prev", LOG, 0, NULL, "一つ前の記録を選ぶ", act_entry_prev },
	{ "entry.next", LOG, 0, NULL, "一つ後の記録を選ぶ", act_entry_next },
	{ "log.pageup", LOG, 0, NULL, "記録を1画面さかのぼる",
	  act_log_pageup },
	{ "log.pagedown", LOG, 0, NULL, "記録を1画面進める",
	  act_log_pagedown },
	{ "log.top", LOG, 0, NULL, "記録の最初へ", act_log_top },
	{ "log.bottom", LOG, 0, NULL, "記録の最後へ（選択を解除し追従）",
	  act_log_bottom },
	{ "entry.amend", LOG, ACTION_NEEDS_ENTRY | ACTION_NO_PROMPT, NULL,
	  "選んだ記録を訂正する（入力欄で直して Enter: amend）",
	  act_entry_amend },
	{ "entry.retract", LOG, ACTION_NEEDS_ENTRY | ACTION_NO_PROMPT, NULL,
	  "選んだ記録を取り消す（retract）", act_entry_retract },
	{ "entry.redact", LOG, ACTION_NEEDS_ENTRY | ACTION_NO_PROMPT, NULL,
	  "選んだ記録を非公開にする（redact）", act_entry_redact },

	/* The input line. */
	{ "edit.left", INPUT, 0, NULL, "1文字左へ", act_edit_left },
	{ "edit.right", INPUT, 0, NULL, "1文字右へ", act_edit_right },
	{ "edit.home", INPUT, 0, NULL, "行頭へ", act_edit_home },
	{ "edit.end", INPUT, 0, NULL, "行末へ", act_edit_end },
	{ "edit.word.left", INPUT, 0, NULL, "1語左へ", act_edit_word_left },
	{ "edit.word.right", INPUT, 0, NULL, "1語右へ", act_edit_word_right },
	{ "edit.backspace", INPUT, 0, NULL, "カーソルの前の1文字を消す",
	  act_edit_backspace },
	{ "edit.delete", INPUT, 0, NULL, "カーソル位置の1文字を消す",
	  act_edit_delete },
	{ "edit.kill.end", INPUT, 0, NULL, "行末まで切り取る",
	  act_edit_kill_end },
	{ "edit.kill.start", INPUT, 0, NULL, "行頭まで切り取る",
	  act_edit_kill_start },
	{ "edit.kill.word.left", INPUT, 0, NULL, "前の1語を切り取る",
	  act_edit_kill_word_left },
	{ "edit.kill.word.right", INPUT, 0, NULL, "後の1語を切り取る",
	  act_edit_kill_word_right },
	{ "edit.yank", INPUT, 0, NULL, "切り取った文字列を貼り付ける",
	  act_edit_yank },
	{ "input.enter", INPUT, 0, NULL,
	  "発言を記録する（訂正中は訂正を、質問中は答えを確定）",
	  act_input_enter },
	{ "input.cancel", INPUT, 0, NULL, "訂正や質問を取りやめる",
	  act_input_cancel },

	/* The vote pane (pane-vote.c, actions-vote.c). */
	{ "vote.call.hands", VOTE, ACTION_NO_PROMPT, NULL,
	  "審議中の議題で挙手の採決を始める（議案を確かめて Enter で vote.call）",
	  act_vote_call_hands },
	{ "vote.call.rollcall", VOTE, ACTION_NO_PROMPT, NULL,
	  "記名（点呼）の採決を始める", act_vote_call_rollcall },
	{ "vote.call.consent", VOTE, ACTION_NO_PROMPT, NULL,
	  "異議なし確認の採決を始める", act_vote_call_consent },
	{ "vote.call.unanimous", VOTE, ACTION_NO_PROMPT, NULL,
	  "全員賛成の採決を始める", act_vote_call_unanimous },
	{ "vote.call.written", VOTE, ACTION_NO_PROMPT, NULL,
	  "書面の採決を始める（議案と期限を聞く; 回答は委員ごとに記録）",
	  act_vote_call_written },
	{ "vote.yes", VOTE, 0, NULL,
	  "賛成: 挙手は賛成を1増やす、記名・書面は選んだ委員を賛成に",
	  act_vote_yes },
	{ "vote.no", VOTE, 0, NULL,
	  "反対: 挙手は反対（異議）を1増やす、記名・書面は選んだ委員を反対に",
	  act_vote_no },
	{ "vote.abstain", VOTE, 0, NULL,
	  "棄権: 挙手は棄権を1増やす、記名・書面は選んだ委員を棄権に",
	  act_vote_abstain },
	{ "vote.not_voting", VOTE, 0, NULL,
	  "記名: 選んだ委員を不参加（出席、表決に加わらない）に",
	  act_vote_not_voting },
	{ "vote.absent", VOTE, 0, NULL, "記名: 選んだ委員を欠席に",
	  act_vote_absent },
	{ "vote.yes.dec", VOTE, 0, NULL, "賛成を1減らす", act_vote_yes_dec },
	{ "vote.no.dec", VOTE, 0, NULL, "反対（異議）を1減らす",
	  act_vote_no_dec },
	{ "vote.abstain.dec", VOTE, 0, NULL, "棄権を1減らす",
	  act_vote_abstain_dec },
	{ "vote.inc", VOTE, 0, NULL, "選んだ行の数を1増やす", act_vote_inc },
	{ "vote.dec", VOTE, 0, NULL, "選んだ行の数を1減らす", act_vote_dec },
	{ "vote.up", VOTE, 0, NULL, "前の行（委員）を選ぶ（入力中の数字を確定）",
	  act_vote_up },
	{ "vote.down", VOTE, 0, NULL, "次の行（委員）を選ぶ（入力中の数字を確定）",
	  act_vote_down },
	{ "vote.commit", VOTE, ACTION_NO_PROMPT, NULL,
	  "数えた集計を検算して記録する（vote.tally; 数字キーで直接入力）",
	  act_vote_commit },
	{ "vote.unanimous", VOTE, ACTION_NO_PROMPT, NULL,
	  "全員賛成（挙手全員）を記録する", act_vote_unanimous },
	{ "vote.consent", VOTE, ACTION_NO_PROMPT, NULL,
	  "異議なしを記録する（異議なし確認の採決）", act_vote_consent },
	{ "vote.recount", VOTE, 0, NULL,
	  "再集計: 数え直して Enter で記録（前の集計は残る）",
	  act_vote_recount },
	{ "vote.close", VOTE, ACTION_NO_PROMPT, NULL,
	  "採決を終える: 決定の文言を聞いて結果と決定を記録（可否同数は"
	  "先に議長裁決を聞く; 定足数不足は2回押して確定）",
	  act_vote_close },
	{ "vote.override", VOTE, ACTION_NO_PROMPT, NULL,
	  "議長が計算と逆の結果を宣言する（2回押して確定）",
	  act_vote_override },
	{ "vote.cancel", VOTE, 0, NULL,
	  "未確定の集計を取りやめる（なければ入力欄へ）", act_vote_cancel },
};
const size_t action_count = sizeof action_table / sizeof action_table[0];

int
action_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < action_count; i++) {
		if (strcmp(action_table[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

int
action_keymap_find(const char *name, const char *arg, unsigned *contexts,
    char **problem, void *cbarg)
{
	const struct action	*a;
	char			*end;
	long			 n;
	int			 i;

	(void)cbarg;
	if ((i = action_find(name)) < 0) {
		*problem = xasprintf("unknown action '%s' (giji --list-actions "
		    "lists them)", name);
		return -1;
	}
	a = &action_table[i];
	*contexts = a->contexts;
	if ((a->flags & ACTION_ARG_REQUIRED) && arg == NULL) {
		*problem = xasprintf("%s: missing argument %s", name, a->args);
		return -2;
	}
	if (!(a->flags & ACTION_ARG_REQUIRED) && arg != NULL) {
		*problem = xasprintf("%s takes no argument", name);
		return -2;
	}
	if (a->fn == act_speaker_quick) {
		n = strtol(arg, &end, 10);
		if (*end != '\0' || n < 1 || n > 10) {
			*problem = xasprintf("%s: '%s' is not a number from 1 "
			    "to 10", name, arg);
			return -2;
		}
	}
	return i;
}

enum action_result
action_run(struct app *app, int i, const char *arg)
{
	const struct action	*a = &action_table[i];

	if ((a->flags & ACTION_NO_PROMPT) && prompt_active(app)) {
		status_message(app, STATUS_WARN, "%s: 質問に答えるか Escape で"
		    "取りやめてから", a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_SPEAKER) && app->speaker == NULL) {
		status_message(app, STATUS_WARN, "%s: 発言者が未選択です（"
		    "speaker.pick で選ぶ）", a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_TEXT) && editbuf_empty(&app->draft)) {
		status_message(app, STATUS_WARN, "%s: 入力欄が空です",
		    a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_ITEM) && app->sel_item < 0) {
		status_message(app, STATUS_WARN, "%s: 議題を選んでください",
		    a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_ENTRY) && app->log_sel == 0) {
		status_message(app, STATUS_WARN, "%s: 記録を選んでください（"
		    "記録ペインで上下キー）", a->name);
		return ACTION_ERROR;
	}
	return a->fn(app, arg);
}

void
action_list(FILE *f, const struct keymap *km)
{
	size_t	 i;
	int	 c, first;
	char	*keys;

	for (i = 0; i < action_count; i++) {
		fprintf(f, "%s", action_table[i].name);
		if (action_table[i].args != NULL)
			fprintf(f, " %s", action_table[i].args);
		fputc('\t', f);
		if (action_table[i].contexts == CTX_ALL)
			fputs("all", f);
		else {
			first = 1;
			for (c = 0; c < KEYMAP_NCONTEXTS; c++) {
				if (!(action_table[i].contexts &
				    KEYMAP_BIT(c)))
					continue;
				fprintf(f, "%s%s", first ? "" : ",",
				    keymap_context_name(c));
				first = 0;
			}
		}
		fputc('\t', f);
		if (km != NULL) {
			keys = keymap_keys(km, (int)i);
			fputs(keys, f);
			free(keys);
		}
		fprintf(f, "\t%s\n", action_table[i].help);
	}
}
