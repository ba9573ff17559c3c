/* SPDX-License-Identifier: ISC */
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
#include "i18n.h"
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
	  N_("Show this help (the keys and what they do)"), act_help },
	{ "quit", GLOBAL, 0, NULL,
	  N_("Quit (the draft being typed is saved and comes back next "
	  "time)"), act_quit },
	{ "redraw", GLOBAL, 0, NULL, N_("Redraw the screen"), act_redraw },
	{ "focus.next", GLOBAL, 0, NULL, N_("Move to the next "
	  "pane"), act_focus_next },
	{ "focus.prev", GLOBAL, 0, NULL, N_("Move to the previous "
	  "pane"), act_focus_prev },
	{ "focus.agenda", GLOBAL, 0, NULL, N_("Move to the agenda pane"),
	  act_focus_agenda },
	{ "focus.log", GLOBAL, 0, NULL, N_("Move to the log "
	  "pane"), act_focus_log },
	{ "focus.input", GLOBAL, 0, NULL, N_("Move to the input "
	  "line"), act_focus_input },
	{ "focus.vote", GLOBAL, 0, NULL, N_("Move to the vote pane (shown "
	  "large)"),
	  act_vote_focus },
	{ "speaker.pick", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("Choose the speaker from the roster (digits, or search by name or "
	  "reading)"),
	  act_speaker_pick },
	{ "speaker.quick", GLOBAL, ACTION_ARG_REQUIRED, "N",
	  N_("Make the Nth of the roster (1 to 10) the "
	  "speaker"), act_speaker_quick },
	{ "speaker.next", GLOBAL, 0, NULL, N_("Make the next in the roster the "
	  "speaker"),
	  act_speaker_next },
	{ "speaker.prev", GLOBAL, 0, NULL, N_("Make the previous in the roster "
	  "the speaker"),
	  act_speaker_prev },
	{ "speaker.add", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("Add a speaker to the roster (member.add)"), act_speaker_add },
	{ "note.add", GLOBAL, ACTION_NEEDS_TEXT | ACTION_NO_PROMPT, NULL,
	  N_("Record the input line as a procedural note "
	  "(note)"), act_note_add },
	{ "material.add", GLOBAL, ACTION_NEEDS_TEXT | ACTION_NO_PROMPT, NULL,
	  N_("Record the input line as the title of a material (material.add)"),
	  act_material_add },
	{ "attendance.arrived", GLOBAL, ACTION_NEEDS_SPEAKER | ACTION_NO_PROMPT,
	  NULL, N_("Record that the current speaker arrived"), act_arrived },
	{ "attendance.left", GLOBAL, ACTION_NEEDS_SPEAKER | ACTION_NO_PROMPT,
	  NULL, N_("Record that the current speaker left"), act_left },
	{ "recess.toggle", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("Record a recess or the resumption (recess, "
	  "resume)"), act_recess_toggle },
	{ "meeting.toggle", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("Record the opening or closing of the meeting (meeting.open, "
	  "meeting.close)"),
	  act_meeting_toggle },
	{ "reaction.menu", GLOBAL, 0, NULL,
	  N_("A reaction from the room (reaction): a digit takes a common one, "
	  "v or o types one; while a speech is being typed it is marked at "
	  "the cursor and recorded right after the speech"),
	  act_reaction_menu },
	{ "reaction.quick", GLOBAL, ACTION_ARG_REQUIRED, "N",
	  N_("The Nth common reaction of the menu, in one key (marked in the "
	  "speech being typed, or recorded at once)"),
	  act_reaction_quick },
	{ "interest.add", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("Record a declaration of interest (interest): the member, the "
	  "words, whether the member leaves for the open item"),
	  act_interest_add },
	{ "action.add", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("Record an action item (action): the input line or a typed text, "
	  "then its owner and due date"),
	  act_action_add },
	{ "checkin.open", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("The check-in screen: the roster with each member's attendance, "
	  "one key to record present, absent, apologies, late arrival, "
	  "remote or left, and the quorum as it stands"),
	  act_checkin_open },
	{ "setup.open", GLOBAL, ACTION_NO_PROMPT, NULL,
	  N_("The setup screen: the roster and the agenda with every field "
	  "the minutes use; m adds a member, i an item, Enter edits one "
	  "(recorded as an amend)"),
	  act_setup_open },

	/* The agenda. */
	{ "item.prev", AGENDA, 0, NULL, N_("Select the previous "
	  "item"), act_item_prev },
	{ "item.next", AGENDA, 0, NULL, N_("Select the next "
	  "item"), act_item_next },
	{ "item.first", AGENDA, 0, NULL, N_("Select the first row (the whole "
	  "meeting)"),
	  act_item_first },
	{ "item.last", AGENDA, 0, NULL, N_("Select the last "
	  "item"), act_item_last },
	{ "item.open", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  N_("Open the selected item (closing the open one)"), act_item_open },
	{ "item.close", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  N_("Close the selected item"), act_item_close },
	{ "item.add", AGENDA, ACTION_NO_PROMPT, NULL, N_("Add an agenda item"),
	  act_item_add },
	{ "item.move.up", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  N_("Move the selected item up one place "
	  "(agenda.order)"), act_item_move_up },
	{ "item.move.down", AGENDA, ACTION_NEEDS_ITEM | ACTION_NO_PROMPT, NULL,
	  N_("Move the selected item down one place "
	  "(agenda.order)"), act_item_move_down },

	/* The speaker log (also reachable while typing). */
	{ "entry.prev", LOG, 0, NULL, N_("Select the previous "
	  "entry"), act_entry_prev },
	{ "entry.next", LOG, 0, NULL, N_("Select the next "
	  "entry"), act_entry_next },
	{ "log.pageup", LOG, 0, NULL, N_("Scroll the log back one screen"),
	  act_log_pageup },
	{ "log.pagedown", LOG, 0, NULL, N_("Scroll the log forward one screen"),
	  act_log_pagedown },
	{ "log.top", LOG, 0, NULL, N_("Go to the start of the "
	  "log"), act_log_top },
	{ "log.bottom", LOG, 0, NULL, N_("Go to the end of the log (no "
	  "selection; follow new entries)"),
	  act_log_bottom },
	{ "entry.amend", LOG, ACTION_NEEDS_ENTRY | ACTION_NO_PROMPT, NULL,
	  N_("Amend the selected entry (edit it in the input line, then Enter: "
	  "amend)"),
	  act_entry_amend },
	{ "entry.retract", LOG, ACTION_NEEDS_ENTRY | ACTION_NO_PROMPT, NULL,
	  N_("Retract the selected entry (retract)"), act_entry_retract },
	{ "entry.redact", LOG, ACTION_NEEDS_ENTRY | ACTION_NO_PROMPT, NULL,
	  N_("Make the selected entry non-public (redact)"), act_entry_redact },
	{ "entry.undo", LOG, ACTION_NO_PROMPT, NULL,
	  N_("Undo this terminal's last correction (a retract of it; asks "
	  "first)"), act_entry_undo },

	/* The input line. */
	{ "edit.left", INPUT, 0, NULL, N_("One character "
	  "left"), act_edit_left },
	{ "edit.right", INPUT, 0, NULL, N_("One character "
	  "right"), act_edit_right },
	{ "edit.home", INPUT, 0, NULL, N_("To the start of the "
	  "line"), act_edit_home },
	{ "edit.end", INPUT, 0, NULL, N_("To the end of the "
	  "line"), act_edit_end },
	{ "edit.word.left", INPUT, 0, NULL, N_("One word "
	  "left"), act_edit_word_left },
	{ "edit.word.right", INPUT, 0, NULL, N_("One word "
	  "right"), act_edit_word_right },
	{ "edit.backspace", INPUT, 0, NULL, N_("Delete the character before "
	  "the cursor"),
	  act_edit_backspace },
	{ "edit.delete", INPUT, 0, NULL, N_("Delete the character at the "
	  "cursor"),
	  act_edit_delete },
	{ "edit.kill.end", INPUT, 0, NULL, N_("Cut to the end of the line"),
	  act_edit_kill_end },
	{ "edit.kill.start", INPUT, 0, NULL, N_("Cut to the start of the line"),
	  act_edit_kill_start },
	{ "edit.kill.word.left", INPUT, 0, NULL, N_("Cut the word before the "
	  "cursor"),
	  act_edit_kill_word_left },
	{ "edit.kill.word.right", INPUT, 0, NULL, N_("Cut the word after the "
	  "cursor"),
	  act_edit_kill_word_right },
	{ "edit.yank", INPUT, 0, NULL, N_("Paste what was cut"),
	  act_edit_yank },
	{ "input.enter", INPUT, 0, NULL,
	  N_("Record the speech (or the correction being made, or the answer "
	  "to a question)"),
	  act_input_enter },
	{ "input.cancel", INPUT, 0, NULL, N_("Cancel the correction or the "
	  "question"),
	  act_input_cancel },

	/* The vote pane (pane-vote.c, actions-vote.c). */
	{ "vote.call.hands", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Call a vote by show of hands on the open item (check the motion, "
	  "Enter: vote.call)"),
	  act_vote_call_hands },
	{ "vote.call.rollcall", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Call a roll-call vote"), act_vote_call_rollcall },
	{ "vote.call.consent", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Call a vote by asking for objections"), act_vote_call_consent },
	{ "vote.call.unanimous", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Call a vote expected to be unanimous"), act_vote_call_unanimous },
	{ "vote.call.written", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Call a written vote (asks for the motion and the deadline; "
	  "answers are recorded member by member)"),
	  act_vote_call_written },
	{ "vote.yes", VOTE, 0, NULL,
	  N_("Yes: one more in favour (hands), or the selected member votes "
	  "yes (roll call, written)"),
	  act_vote_yes },
	{ "vote.no", VOTE, 0, NULL,
	  N_("No: one more against or objecting (hands), or the selected "
	  "member votes no (roll call, written)"),
	  act_vote_no },
	{ "vote.abstain", VOTE, 0, NULL,
	  N_("Abstain: one more abstention (hands), or the selected member "
	  "abstains (roll call, written)"),
	  act_vote_abstain },
	{ "vote.not_voting", VOTE, 0, NULL,
	  N_("Roll call: the selected member does not vote (present, takes no "
	  "part)"),
	  act_vote_not_voting },
	{ "vote.absent", VOTE, 0, NULL, N_("Roll call: the selected member is "
	  "absent"),
	  act_vote_absent },
	{ "vote.yes.dec", VOTE, 0, NULL, N_("One fewer in "
	  "favour"), act_vote_yes_dec },
	{ "vote.no.dec", VOTE, 0, NULL, N_("One fewer against (objecting)"),
	  act_vote_no_dec },
	{ "vote.abstain.dec", VOTE, 0, NULL, N_("One fewer abstention"),
	  act_vote_abstain_dec },
	{ "vote.inc", VOTE, 0, NULL, N_("One more on the selected "
	  "row"), act_vote_inc },
	{ "vote.dec", VOTE, 0, NULL, N_("One fewer on the selected "
	  "row"), act_vote_dec },
	{ "vote.up", VOTE, 0, NULL, N_("Select the previous row or member "
	  "(taking the digits typed)"),
	  act_vote_up },
	{ "vote.down", VOTE, 0, NULL, N_("Select the next row or member "
	  "(taking the digits typed)"),
	  act_vote_down },
	{ "vote.commit", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Check and record the counts (vote.tally; digits type a count)"),
	  act_vote_commit },
	{ "vote.unanimous", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Record that all were in favour"), act_vote_unanimous },
	{ "vote.consent", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Record that nobody objected (a vote by "
	  "objections)"), act_vote_consent },
	{ "vote.recount", VOTE, 0, NULL,
	  N_("Recount: count again, Enter records (the earlier count stays in "
	  "the record)"),
	  act_vote_recount },
	{ "vote.close", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("Close the vote: asks for the words of the decision and records "
	  "the result and the decision (a tie asks for the casting vote "
	  "first, one vote short the presiding vote; without a quorum press "
	  "twice)"),
	  act_vote_close },
	{ "vote.override", VOTE, ACTION_NO_PROMPT, NULL,
	  N_("The chair declares the result opposite to the count (press "
	  "twice)"),
	  act_vote_override },
	{ "vote.cancel", VOTE, 0, NULL,
	  N_("Drop the counts not yet recorded (or, when none, go to the input "
	  "line)"), act_vote_cancel },
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
		*problem = xasprintf(_("unknown action '%s' (giji "
		    "--list-actions lists them)"), name);
		return -1;
	}
	a = &action_table[i];
	*contexts = a->contexts;
	if ((a->flags & ACTION_ARG_REQUIRED) && arg == NULL) {
		*problem = xasprintf(_("%s: missing argument %s"), name,
		    a->args);
		return -2;
	}
	if (!(a->flags & ACTION_ARG_REQUIRED) && arg != NULL) {
		*problem = xasprintf(_("%s takes no argument"), name);
		return -2;
	}
	if (a->fn == act_speaker_quick) {
		n = strtol(arg, &end, 10);
		if (*end != '\0' || n < 1 || n > 10) {
			*problem = xasprintf(_("%s: '%s' is not a number "
			    "from 1 to 10"), name, arg);
			return -2;
		}
	}
	if (a->fn == act_reaction_quick) {
		n = strtol(arg, &end, 10);
		if (*end != '\0' || n < 1 || n > 9) {
			*problem = xasprintf(_("%s: '%s' is not a number "
			    "from 1 to 9"), name, arg);
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
		status_message(app, STATUS_WARN, _("%s: answer the question, "
		    "or cancel it with Escape, first"), a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_SPEAKER) && app->speaker == NULL) {
		status_message(app, STATUS_WARN, _("%s: no speaker chosen "
		    "(speaker.pick chooses one)"), a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_TEXT) && editbuf_empty(&app->draft)) {
		status_message(app, STATUS_WARN, _("%s: the input line is "
		    "empty"), a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_ITEM) && app->sel_item < 0) {
		status_message(app, STATUS_WARN, _("%s: select an agenda "
		    "item"), a->name);
		return ACTION_ERROR;
	}
	if ((a->flags & ACTION_NEEDS_ENTRY) && app->log_sel == 0) {
		status_message(app, STATUS_WARN, _("%s: select an entry (Up "
		    "and Down in the log pane)"), a->name);
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
		fprintf(f, "\t%s\n", _(action_table[i].help));
	}
}
