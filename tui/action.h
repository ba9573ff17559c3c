/* SPDX-License-Identifier: ISC */
/*
 * Actions: every user-visible operation is one row of action_table
 * (action-table.c) with a name, the contexts it may be bound in, the
 * preconditions it needs, a help line and its handler (actions.c). The
 * table drives key dispatch, the help screen and giji --list-actions.
 */
#ifndef GIJI_ACTION_H
#define GIJI_ACTION_H

#include <stdio.h>

#include "app.h"

/* Preconditions the dispatcher checks once, each with one message. */
#define ACTION_NEEDS_SPEAKER	0x01	/* a current speaker */
#define ACTION_NEEDS_TEXT	0x02	/* text in the input line */
#define ACTION_NEEDS_ITEM	0x04	/* an agenda item selected */
#define ACTION_NEEDS_ENTRY	0x08	/* a log entry selected */
#define ACTION_NO_PROMPT	0x10	/* not while a question is open */
#define ACTION_ARG_REQUIRED	0x20	/* bind … ACTION ARG */

#define CTX_ALL	((1u << KEYMAP_NCONTEXTS) - 1)
#define CTX(c)	KEYMAP_BIT(KEYMAP_##c)

typedef enum action_result (*action_fn)(struct app *, const char *arg);

struct action {
	const char	*name;
	unsigned	 contexts;
	unsigned	 flags;
	const char	*args;		/* what ARG is, for help; NULL none */
	const char	*help;
	action_fn	 fn;
};

extern const struct action action_table[];
extern const size_t action_count;

int	 action_find(const char *name);
/* keymap_find_cb for keymap_parse. */
int	 action_keymap_find(const char *name, const char *arg,
	     unsigned *contexts, char **problem, void *cbarg);
/* Check the preconditions, run the handler. */
enum action_result action_run(struct app *, int action, const char *arg);
/* giji --list-actions; with km, the bound keys too. */
void	 action_list(FILE *, const struct keymap *);

/* Handlers (actions.c). */
#define ACT(x) enum action_result act_##x(struct app *, const char *)
ACT(quit); ACT(help); ACT(redraw); ACT(focus_next); ACT(focus_prev);
ACT(focus_agenda); ACT(focus_log); ACT(focus_input);
ACT(speaker_pick); ACT(speaker_quick); ACT(speaker_next); ACT(speaker_prev);
ACT(speaker_add); ACT(note_add); ACT(material_add); ACT(arrived); ACT(left);
ACT(recess_toggle); ACT(meeting_toggle);
ACT(item_prev); ACT(item_next); ACT(item_first); ACT(item_last);
ACT(item_open); ACT(item_close); ACT(item_add);
ACT(item_move_up); ACT(item_move_down);
ACT(entry_prev); ACT(entry_next); ACT(log_pageup); ACT(log_pagedown);
ACT(log_top); ACT(log_bottom); ACT(entry_amend); ACT(entry_retract);
ACT(entry_redact); ACT(entry_undo);
ACT(edit_left); ACT(edit_right); ACT(edit_home); ACT(edit_end);
ACT(edit_word_left); ACT(edit_word_right); ACT(edit_backspace);
ACT(edit_delete); ACT(edit_kill_end); ACT(edit_kill_start);
ACT(edit_kill_word_left); ACT(edit_kill_word_right); ACT(edit_yank);
ACT(input_enter); ACT(input_cancel);
/* actions-procedure.c */
ACT(reaction_menu); ACT(reaction_quick); ACT(interest_add); ACT(action_add);
ACT(checkin_open); ACT(setup_open);
#undef ACT

/* An interest or action half asked (actions-procedure.c): forget it. */
void	 ask_free(struct app *);

#endif
