/* SPDX-License-Identifier: ISC */
/*
 * The action handlers named by action-table.c. A handler changes state,
 * appends events through app_append(), sets dirty bits and returns what
 * must be redrawn; it never draws, and it never repeats the precondition
 * checks that action_run() made from the table's flags.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "clock.h"
#include "i18n.h"
#include "json.h"
#include "pane-vote.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- everywhere ------------------------------------------------------ */

enum action_result
act_quit(struct app *app, const char *arg)
{
	(void)arg;
	(void)app;
	return ACTION_QUIT;
}

enum action_result
act_help(struct app *app, const char *arg)
{
	(void)arg;
	pane_help_open(app);
	return ACTION_REDRAW;
}

enum action_result
act_redraw(struct app *app, const char *arg)
{
	(void)arg;
	(void)app;
	clearok(curscr, TRUE);
	return ACTION_REDRAW_ALL;
}

static const int focus_order[] = { PANE_INPUT, PANE_AGENDA, PANE_LOG };

static enum action_result
act_focus_step(struct app *app, int dir)
{
	int	 i;

	for (i = 0; i < 3; i++) {
		if (focus_order[i] == app->focus)
			break;
	}
	i = (i + 3 + dir) % 3;
	app_focus(app, focus_order[i]);
	return ACTION_REDRAW;
}

enum action_result
act_focus_next(struct app *app, const char *arg)
{
	(void)arg;
	return act_focus_step(app, 1);
}

enum action_result
act_focus_prev(struct app *app, const char *arg)
{
	(void)arg;
	return act_focus_step(app, -1);
}

enum action_result
act_focus_agenda(struct app *app, const char *arg)
{
	(void)arg;
	app_focus(app, PANE_AGENDA);
	return ACTION_REDRAW;
}

enum action_result
act_focus_log(struct app *app, const char *arg)
{
	(void)arg;
	app_focus(app, PANE_LOG);
	return ACTION_REDRAW;
}

enum action_result
act_focus_input(struct app *app, const char *arg)
{
	(void)arg;
	app_focus(app, PANE_INPUT);
	return ACTION_REDRAW;
}

/* --- speakers -------------------------------------------------------- */

enum action_result
act_speaker_pick(struct app *app, const char *arg)
{
	(void)arg;
	if (app->m.nspk == 0) {
		status_message(app, STATUS_WARN, _("The roster is empty: add "
		    "speakers with speaker.add (F3)"));
		return ACTION_ERROR;
	}
	pane_picker_open(app);
	return ACTION_REDRAW;
}

static enum action_result
act_speaker_set(struct app *app, size_t i)
{
	if (i >= app->m.nspk) {
		status_message(app, STATUS_WARN, _("The roster has no number "
		    "%zu"),
		    i + 1);
		return ACTION_ERROR;
	}
	app_set_speaker(app, app->m.spk[i].id);
	status_message(app, STATUS_INFO, _("Speaker: %s"), app->m.spk[i].label);
	return ACTION_REDRAW;
}

enum action_result
act_speaker_quick(struct app *app, const char *arg)
{
	return act_speaker_set(app, (size_t)atoi(arg) - 1);
}

static enum action_result
act_speaker_step(struct app *app, int dir)
{
	int	 i, n = (int)app->m.nspk;

	if (n == 0)
		return act_speaker_pick(app, NULL);
	i = model_speaker(&app->m, app->speaker);
	if (i < 0)
		i = dir > 0 ? 0 : n - 1;
	else
		i = (i + n + dir) % n;
	return act_speaker_set(app, (size_t)i);
}

enum action_result
act_speaker_next(struct app *app, const char *arg)
{
	(void)arg;
	return act_speaker_step(app, 1);
}

enum action_result
act_speaker_prev(struct app *app, const char *arg)
{
	(void)arg;
	return act_speaker_step(app, -1);
}

static enum action_result act_speaker_add_cb(struct app *, const char *,
    void *);

enum action_result
act_speaker_add(struct app *app, const char *arg)
{
	(void)arg;
	return prompt_open(app, _("New speaker — type \"id name [role] "
	    "[reading]\" and Enter"), NULL, act_speaker_add_cb, NULL, NULL);
}

/* --- recording ------------------------------------------------------- */


/* Record the editor's text as type/field; clear it when recorded. */
static enum action_result
act_record_text(struct app *app, const char *type, const char *field,
    const char *done)
{
	struct event	 ev;
	char		*p;

	if (app->nmarked > 0) {
		status_message(app, STATUS_WARN, _("Reactions are marked in "
		    "this line: record it as a speech (Enter), or drop the "
		    "marks (BSpace in the reaction menu)"));
		return ACTION_ERROR;
	}
	p = json_put_str(xstrdup("{}"), field, editbuf_text(&app->draft));
	if (app_append_draft(app, type, p, &ev) != 0) {
		free(p);
		return ACTION_ERROR;
	}
	free(p);
	editbuf_clear(&app->draft);
	status_message(app, STATUS_INFO, _(done), (long long)ev.seq);
	event_clear(&ev);
	return ACTION_REDRAW;
}

enum action_result
act_note_add(struct app *app, const char *arg)
{
	(void)arg;
	return act_record_text(app, "note", "text", N_("Note recorded: #%lld"));
}

enum action_result
act_material_add(struct app *app, const char *arg)
{
	(void)arg;
	return act_record_text(app, "material.add", "title",
	    N_("Material recorded: #%lld"));
}

static enum action_result
act_attendance(struct app *app, const char *status, const char *done)
{
	char	*p;
	int	 rc;

	p = json_put_str(xstrdup("{}"), "member", app->speaker);
	p = json_put_str(p, "status", status);
	rc = app_append(app, "attendance", p, NULL);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _(done),
	    model_speaker_label(&app->m, app->speaker));
	return ACTION_REDRAW;
}

enum action_result
act_arrived(struct app *app, const char *arg)
{
	(void)arg;
	return act_attendance(app, "arrived", N_("Arrival recorded: %s"));
}

enum action_result
act_left(struct app *app, const char *arg)
{
	(void)arg;
	return act_attendance(app, "left", N_("Departure recorded: %s"));
}

static enum action_result
act_simple(struct app *app, const char *type, const char *done)
{
	if (app_append(app, type, "{}", NULL) != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, "%s", _(done));
	return ACTION_REDRAW_ALL;
}

enum action_result
act_recess_toggle(struct app *app, const char *arg)
{
	(void)arg;
	if (app->m.recess)
		return act_simple(app, "resume", N_("Resumption recorded"));
	return act_simple(app, "recess", N_("Recess recorded"));
}

enum action_result
act_meeting_toggle(struct app *app, const char *arg)
{
	int64_t	 now = clock_mono();

	(void)arg;
	if (app->m.open_ts != 0 && app->m.close_ts == 0) {
		/*
		 * An item still open when the meeting closes is a slip more
		 * often than not: asked once, the same key again within 5 s
		 * closes the meeting (the item stays open: nothing is
		 * recorded for it that the clerk did not).
		 */
		if (app->m.open_item >= 0 && (app->close_asked == 0 ||
		    now - app->close_asked > 5000000)) {
			app->close_asked = now;
			status_message(app, STATUS_WARN, _("Item %s is still "
			    "open: close it first, or press the same key again "
			    "to close the meeting with it open"),
			    app->m.items[app->m.open_item].title);
			return ACTION_REDRAW;
		}
		app->close_asked = 0;
		return act_simple(app, "meeting.close",
		    N_("Closing of the meeting recorded"));
	}
	return act_simple(app, "meeting.open",
	    N_("Opening of the meeting recorded"));
}

/* --- the agenda ------------------------------------------------------ */

static enum action_result
act_item_select(struct app *app, int i)
{
	if (i < -1)
		i = -1;
	if (i >= (int)app->m.nitems)
		i = (int)app->m.nitems - 1;
	if (i == app->sel_item)
		return ACTION_NONE;
	app->sel_item = i;
	app->log_sel = 0;
	app->log_anchor = 0;
	app_dirty(app, PANE_AGENDA);
	app_dirty(app, PANE_LOG);
	return ACTION_REDRAW;
}

enum action_result
act_item_prev(struct app *app, const char *arg)
{
	(void)arg;
	return act_item_select(app, app->sel_item - 1);
}

enum action_result
act_item_next(struct app *app, const char *arg)
{
	(void)arg;
	return act_item_select(app, app->sel_item + 1);
}

enum action_result
act_item_first(struct app *app, const char *arg)
{
	(void)arg;
	return act_item_select(app, -1);
}

enum action_result
act_item_last(struct app *app, const char *arg)
{
	(void)arg;
	return act_item_select(app, (int)app->m.nitems - 1);
}

static int
act_item_event(struct app *app, const char *type, int i)
{
	char	*p;
	int	 rc;

	p = json_put_str(xstrdup("{}"), "item", app->m.items[i].id);
	rc = app_append(app, type, p, NULL);
	free(p);
	return rc;
}

enum action_result
act_item_open(struct app *app, const char *arg)
{
	int	 i = app->sel_item, open = app->m.open_item;

	(void)arg;
	if (app->m.items[i].state == IT_OPEN) {
		status_message(app, STATUS_WARN, _("This item is open already"));
		return ACTION_ERROR;
	}
	/* One item at a time: opening the next closes the current one. */
	if (open >= 0 && act_item_event(app, "agenda.close", open) != 0)
		return ACTION_ERROR;
	if (act_item_event(app, "agenda.open", i) != 0)
		return ACTION_ERROR;
	app->sel_item = i;
	/*
	 * What comes next is typed: a speech begun in the agenda pane
	 * would run its keys (c closes the item) instead.
	 */
	app_focus(app, PANE_INPUT);
	status_message(app, STATUS_INFO, _("Item opened: %s"),
	    app->m.items[i].title);
	return ACTION_REDRAW_ALL;
}

enum action_result
act_item_close(struct app *app, const char *arg)
{
	int	 i = app->sel_item;

	(void)arg;
	if (app->m.items[i].state != IT_OPEN) {
		status_message(app, STATUS_WARN, _("This item is not open"));
		return ACTION_ERROR;
	}
	if (act_item_event(app, "agenda.close", i) != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _("Item closed: %s"),
	    app->m.items[i].title);
	return ACTION_REDRAW_ALL;
}

/*
 * Move the selected item one place up or down: one agenda.order with the
 * whole new order, so that the event alone says what the agenda became.
 * The selection follows the item (model_poll keeps it by id).
 */
static enum action_result
act_item_move(struct app *app, int dir)
{
	struct buf	 b;
	char		*q, *p;
	int		 i = app->sel_item, j = i + dir, k, x, rc;

	if (j < 0 || j >= (int)app->m.nitems) {
		status_message(app, STATUS_WARN, "%s", dir < 0 ?
		    _("The item cannot move further up") :
		    _("The item cannot move further down"));
		return ACTION_ERROR;
	}
	buf_init(&b);
	buf_puts(&b, "[");
	for (k = 0; k < (int)app->m.nitems; k++) {
		x = k == i ? j : k == j ? i : k;
		q = json_quote_str(app->m.items[x].id);
		buf_printf(&b, "%s%s", k > 0 ? "," : "", q);
		free(q);
	}
	buf_puts(&b, "]");
	q = buf_detach(&b);
	p = json_set_raw("{}", "items", q);
	free(q);
	rc = app_append(app, "agenda.order", p, NULL);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, dir < 0 ? _("Item moved up: %s") :
	    _("Item moved down: %s"), app->m.items[app->sel_item].title);
	return ACTION_REDRAW_ALL;
}

enum action_result
act_item_move_up(struct app *app, const char *arg)
{
	(void)arg;
	return act_item_move(app, -1);
}

enum action_result
act_item_move_down(struct app *app, const char *arg)
{
	(void)arg;
	return act_item_move(app, 1);
}

static enum action_result act_item_add_cb(struct app *, const char *,
    void *);

enum action_result
act_item_add(struct app *app, const char *arg)
{
	(void)arg;
	return prompt_open(app, _("New agenda item — type its title and "
	    "Enter (Escape cancels)"), NULL, act_item_add_cb, NULL, NULL);
}

/* --- the log --------------------------------------------------------- */

enum action_result
act_entry_prev(struct app *app, const char *arg)
{
	(void)arg;
	pane_log_select(app, -1);
	return ACTION_REDRAW;
}

enum action_result
act_entry_next(struct app *app, const char *arg)
{
	(void)arg;
	pane_log_select(app, 1);
	return ACTION_REDRAW;
}

enum action_result
act_log_pageup(struct app *app, const char *arg)
{
	(void)arg;
	pane_log_page(app, -1);
	return ACTION_REDRAW;
}

enum action_result
act_log_pagedown(struct app *app, const char *arg)
{
	(void)arg;
	pane_log_page(app, 1);
	return ACTION_REDRAW;
}

enum action_result
act_log_top(struct app *app, const char *arg)
{
	(void)arg;
	pane_log_end(app, 1);
	return ACTION_REDRAW;
}

enum action_result
act_log_bottom(struct app *app, const char *arg)
{
	(void)arg;
	pane_log_end(app, 0);
	return ACTION_REDRAW;
}

enum action_result
act_entry_amend(struct app *app, const char *arg)
{
	struct event		 ev;
	char			*text = NULL, *data;

	(void)arg;
	if (!editbuf_empty(&app->draft) || app->nmarked > 0) {
		status_message(app, STATUS_WARN, _("Empty the input line to "
		    "amend (record the text being typed, or cut it with C-u)"));
		return ACTION_ERROR;
	}
	if (log_get(app->log, app->log_sel, &ev) != 0)
		return ACTION_ERROR;
	if (ev.etype != EV_SPEECH && ev.etype != EV_NOTE) {
		status_message(app, STATUS_WARN, _("Only speeches and notes "
		    "can be amended here (%s: retract it with r, or amend it "
		    "with giji add FILE amend)"), ev.type);
		event_clear(&ev);
		return ACTION_ERROR;
	}
	model_corrected(&app->m, &ev, &data, NULL);
	text = json_get(data != NULL ? data : ev.payload, "$.text");
	free(app->amend_speaker);
	app->amend_speaker = ev.etype == EV_SPEECH ? json_get(data != NULL ?
	    data : ev.payload, "$.speaker") : NULL;
	free(data);
	editbuf_set(&app->draft, text);
	free(app->amend_text);
	app->amend_text = text != NULL ? text : xstrdup("");
	/* A speaker chosen (F2) while correcting: the speech's new one. */
	free(app->amend_prev);
	app->amend_prev = app->speaker != NULL ? xstrdup(app->speaker) : NULL;
	app->amend_seq = ev.seq;
	snprintf(app->amend_uuid, sizeof app->amend_uuid, "%s", ev.uuid);
	free(app->amend_what);
	app->amend_what = entry_describe(app, &ev);
	event_clear(&ev);
	app->amend_from = app->focus;
	app_focus(app, PANE_INPUT);
	return ACTION_REDRAW;
}

/* The entry a retract or redact question is about. */
struct act_target {
	char		 uuid[LOG_UUID_LEN];
	int64_t		 seq;
	enum event_type	 type;		/* EV_RETRACT or EV_REDACT */
};

static enum action_result
act_entry_correct_cb(struct app *app, const char *reason, void *data)
{
	struct act_target	*t = data;
	char			*p;
	int			 rc;

	p = json_put_str(xstrdup("{}"), "target", t->uuid);
	p = json_put_str(p, "reason", *reason != '\0' ? reason : NULL);
	rc = app_append(app, event_type_name(t->type), p, NULL);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;	/* keep the answer for another try */
	status_message(app, STATUS_INFO, t->type == EV_RETRACT ?
	    _("#%lld retracted") : _("#%lld made non-public"),
	    (long long)t->seq);
	return ACTION_REDRAW_ALL;
}

/* What a correction is about, words first: the entries look alike. */
#define DESCRIBE_COLS	24

char *
entry_describe(struct app *app, const struct event *ev)
{
	char		*data, *who = NULL, *words = NULL, *clip, *s;
	const char	*kind;

	model_corrected(&app->m, ev, &data, NULL);
	switch (ev->etype) {
	case EV_SPEECH:
		s = json_get(data != NULL ? data : ev->payload, "$.speaker");
		who = xstrdup(model_speaker_label(&app->m, s != NULL ? s : "?"));
		free(s);
		words = json_get(data != NULL ? data : ev->payload, "$.text");
		break;
	case EV_NOTE:
		who = xstrdup(_("note"));
		words = json_get(data != NULL ? data : ev->payload, "$.text");
		break;
	case EV_AMEND:
	case EV_RETRACT:
	case EV_REDACT:
		kind = ev->etype == EV_AMEND ? _("amend") :
		    ev->etype == EV_RETRACT ? _("retract") : _("redact");
		s = json_get(ev->payload, "$.target");
		who = xasprintf(_("%s of #%lld"), kind, (long long)(s != NULL ?
		    log_query_seq_of(app->q, s) : 0));
		free(s);
		words = json_get(ev->payload, ev->etype == EV_AMEND ?
		    "$.data.text" : "$.reason");
		break;
	default:
		who = xstrdup(ev->type);
		break;
	}
	free(data);
	if (words == NULL)
		s = xasprintf("#%lld %s", (long long)ev->seq, who);
	else {
		clip = utf8_sanitize(words, 0);
		s = utf8_clip(clip, DESCRIBE_COLS);
		free(clip);
		clip = s;
		/* TRANSLATORS: an entry: its number, who, its first words. */
		s = xasprintf(_("#%lld %s \"%s%s\""), (long long)ev->seq, who,
		    clip, strlen(clip) < strlen(words) ? "…" : "");
		free(clip);
	}
	free(who);
	free(words);
	return s;
}

static enum action_result
act_entry_correct(struct app *app, enum event_type type)
{
	struct act_target	*t;
	struct event		 ev;
	enum action_result	 r;
	char			*what, *title;

	if (log_get(app->log, app->log_sel, &ev) != 0)
		return ACTION_ERROR;
	t = xcalloc(1, sizeof *t);
	memcpy(t->uuid, ev.uuid, sizeof t->uuid);
	t->seq = ev.seq;
	t->type = type;
	what = entry_describe(app, &ev);
	event_clear(&ev);
	title = xasprintf(type == EV_RETRACT ? _("Retract %s — the reason, "
	    "then Enter (it may be empty)") : _("Make %s non-public — the "
	    "reason, then Enter (it may be empty)"), what);
	r = prompt_open(app, title, NULL, act_entry_correct_cb, t, free);
	free(title);
	free(what);
	return r;
}

/*
 * Undo: the last correction this station recorded that is still in
 * effect (not an undo itself), withdrawn by a retract whose target is
 * that correction (giji-events(5), CORRECTIONS), after a question.
 */
static enum action_result
act_entry_undo_cb(struct app *app, const char *answer, void *data)
{
	struct act_target	*t = data;
	char			*p;
	int			 rc;

	(void)answer;
	p = json_put_str(xstrdup("{}"), "target", t->uuid);
	rc = app_append(app, "retract", p, NULL);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _("Correction #%lld undone"),
	    (long long)t->seq);
	return ACTION_REDRAW_ALL;
}

enum action_result
act_entry_undo(struct app *app, const char *arg)
{
	const struct correction	*c = NULL;
	struct act_target	*t;
	struct event		 ev;
	enum action_result	 r;
	size_t			 i;
	char			*what, *title;

	(void)arg;
	for (i = corrections_count(app->m.corr); i > 0; i--) {
		c = corrections_at(app->m.corr, i - 1);
		if (c->withdrawn == 0 && strcmp(c->station, app->station) ==
		    0 && !(c->type == EV_RETRACT &&
		    corrections_find(app->m.corr, c->target) != NULL))
			break;
		c = NULL;
	}
	if (c == NULL) {
		status_message(app, STATUS_WARN, _("No correction of this "
		    "terminal to undo"));
		return ACTION_ERROR;
	}
	if (log_get(app->log, c->seq, &ev) != 0)
		return ACTION_ERROR;
	t = xcalloc(1, sizeof *t);
	memcpy(t->uuid, c->uuid, sizeof t->uuid);
	t->seq = c->seq;
	t->type = EV_RETRACT;
	what = entry_describe(app, &ev);
	event_clear(&ev);
	title = xasprintf(_("Undo %s — Enter undoes it, Escape cancels"),
	    what);
	r = prompt_open(app, title, NULL, act_entry_undo_cb, t, free);
	free(title);
	free(what);
	return r;
}

enum action_result
act_entry_retract(struct app *app, const char *arg)
{
	(void)arg;
	return act_entry_correct(app, EV_RETRACT);
}

enum action_result
act_entry_redact(struct app *app, const char *arg)
{
	(void)arg;
	return act_entry_correct(app, EV_REDACT);
}

/* --- the input line -------------------------------------------------- */

static enum action_result
act_edited(struct app *app, int changed, int text_changed)
{
	if (!changed)
		return ACTION_NONE;
	if (text_changed && app_editbuf(app) == &app->draft)
		app_draft_changed(app);
	app_dirty(app, PANE_INPUT);
	return ACTION_REDRAW;
}

#define EDIT_MOVE(name, fn)						\
enum action_result							\
act_##name(struct app *app, const char *arg)				\
{									\
	(void)arg;							\
	return act_edited(app, fn(app_editbuf(app)), 0);		\
}
#define EDIT_CHANGE(name, fn)						\
enum action_result							\
act_##name(struct app *app, const char *arg)				\
{									\
	(void)arg;							\
	return act_edited(app, fn(app_editbuf(app)), 1);		\
}
EDIT_MOVE(edit_left, editbuf_left)
EDIT_MOVE(edit_right, editbuf_right)
EDIT_MOVE(edit_home, editbuf_home)
EDIT_MOVE(edit_end, editbuf_end)
EDIT_MOVE(edit_word_left, editbuf_word_left)
EDIT_MOVE(edit_word_right, editbuf_word_right)
EDIT_CHANGE(edit_backspace, editbuf_backspace)
EDIT_CHANGE(edit_delete, editbuf_delete)
EDIT_CHANGE(edit_kill_end, editbuf_kill_end)
EDIT_CHANGE(edit_kill_start, editbuf_kill_start)
EDIT_CHANGE(edit_kill_word_left, editbuf_kill_word_left)
EDIT_CHANGE(edit_kill_word_right, editbuf_kill_word_right)
EDIT_CHANGE(edit_yank, editbuf_yank)

/* Split "id 名前 役職 よみ" on ASCII or ideographic spaces. */
static size_t
act_split(char *s, char **w, size_t max)
{
	size_t	 n = 0;
	char	*p = s, *q;

	for (;;) {
		while (*p == ' ' || strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += *p == ' ' ? 1 : 3;
		if (*p == '\0' || n == max)
			return n;
		w[n++] = p;
		for (q = p; *q != '\0' && *q != ' ' &&
		    strncmp(q, "\xe3\x80\x80", 3) != 0; q++)
			;
		if (*q == '\0')
			return n;
		if (*q == ' ')
			*q++ = '\0';
		else {
			*q = '\0';
			q += 3;
		}
		p = q;
	}
}

static enum action_result
act_item_add_cb(struct app *app, const char *text, void *data)
{
	char	*p, id[32];
	size_t	 i;
	int	 rc;

	(void)data;
	if (*text == '\0') {
		status_message(app, STATUS_WARN, _("The title is empty"));
		return ACTION_ERROR;
	}
	for (i = app->m.nitems + 1;; i++) {
		snprintf(id, sizeof id, "item%zu", i);
		if (model_item(&app->m, id) < 0)
			break;
	}
	p = json_put_str(xstrdup("{}"), "id", id);
	p = json_put_str(p, "title", text);
	rc = app_append(app, "agenda.add", p, NULL);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _("Item added: %s"), text);
	return ACTION_REDRAW_ALL;
}

static enum action_result
act_speaker_add_cb(struct app *app, const char *answer, void *data)
{
	char	*text, *p, *w[4];
	size_t	 n;
	int	 rc;

	(void)data;
	text = xstrdup(answer);
	n = act_split(text, w, 4);
	if (n < 2) {
		status_message(app, STATUS_WARN, _("Type it as \"id name [role] "
		    "[reading]\""));
		free(text);
		return ACTION_ERROR;
	}
	p = json_put_str(xstrdup("{}"), "id", w[0]);
	p = json_put_str(p, "name", w[1]);
	p = json_put_str(p, "role", n > 2 ? w[2] : NULL);
	p = json_put_str(p, "reading", n > 3 ? w[3] : NULL);
	p = json_put_str(p, "kind", "member");
	rc = app_append(app, "member.add", p, NULL);
	free(p);
	if (rc == 0) {
		app_set_speaker(app, w[0]);
		status_message(app, STATUS_INFO, _("Speaker added: %s"),
		    model_speaker_label(&app->m, w[0]));
	}
	free(text);
	return rc == 0 ? ACTION_REDRAW_ALL : ACTION_ERROR;
}

/* The correction over: the pane it came from, the input line empty. */
static enum action_result
amend_done(struct app *app)
{
	app->amend_seq = 0;
	app_focus(app, app->amend_from);
	editbuf_clear(&app->draft);
	app_draft_changed(app);
	app_draft_save(app, 1);
	return ACTION_REDRAW_ALL;
}

static enum action_result
act_amend_accept(struct app *app)
{
	struct event	 ev;
	char		*data, *p;
	int		 rc;

	if (editbuf_empty(&app->draft)) {
		status_message(app, STATUS_WARN, _("The amended text is empty "
		    "(to remove the entry, retract it with r)"));
		return ACTION_ERROR;
	}
	/*
	 * What changed: the text, and the speaker of a speech when another
	 * was chosen (F2) while it was being corrected. Nothing: nothing.
	 */
	data = xstrdup("{}");
	if (strcmp(editbuf_text(&app->draft), app->amend_text) != 0)
		data = json_put_str(data, "text", editbuf_text(&app->draft));
	if (app->amend_speaker != NULL && app->speaker != NULL &&
	    (app->amend_prev == NULL || strcmp(app->speaker,
	    app->amend_prev) != 0) && strcmp(app->speaker,
	    app->amend_speaker) != 0)
		data = json_put_str(data, "speaker", app->speaker);
	app_set_speaker(app, app->amend_prev);	/* as before correcting */
	if (strcmp(data, "{}") == 0) {
		free(data);
		status_message(app, STATUS_INFO, _("Nothing changed: nothing "
		    "recorded"));
		return amend_done(app);
	}
	p = json_put_str(xstrdup("{}"), "target", app->amend_uuid);
	{
		char *q = json_set_raw(p, "data", data);
		free(p);
		p = q;
	}
	rc = app_append(app, "amend", p, &ev);
	free(p);
	free(data);
	if (rc != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _("Correction of #%lld recorded"),
	    (long long)app->amend_seq);
	/* The selection follows the new text: r now retracts the amend. */
	app->log_sel = ev.seq;
	app->log_anchor = 0;
	event_clear(&ev);
	return amend_done(app);
}

enum action_result
act_input_enter(struct app *app, const char *arg)
{
	struct event	 ev;
	char		*p, *iso;
	int		 i;

	(void)arg;
	if (prompt_active(app))
		return prompt_accept(app);
	if (app->amend_seq != 0)
		return act_amend_accept(app);
	if (editbuf_empty(&app->draft))
		return ACTION_NONE;
	if (app->speaker == NULL) {
		status_message(app, STATUS_WARN, _("No speaker chosen (F2 "
		    "chooses) — the text stays in the input line"));
		return ACTION_ERROR;
	}
	p = json_put_str(xstrdup("{}"), "speaker", app->speaker);
	p = json_put_str(p, "text", editbuf_text(&app->draft));
	if (app->started != 0) {
		iso = clock_iso(app->started, app->m.tz);
		p = json_put_str(p, "started", iso);
		free(iso);
	}
	if (app_append_draft(app, "speech", p, &ev) != 0) {
		free(p);
		return ACTION_ERROR;	/* the text stays in the editor */
	}
	free(p);
	editbuf_clear(&app->draft);
	app->log_sel = 0;
	app->log_anchor = 0;
	/* Recorded as typed; a speaker the attendance has elsewhere, said. */
	i = model_speaker(&app->m, app->speaker);
	if (app->m.close_ts != 0)
		status_message(app, STATUS_WARN, _("Recorded: #%lld — but the "
		    "meeting is closed: F9 records that it opens again, or "
		    "retract this in the log"), (long long)ev.seq);
	else if (i >= 0 && app->m.spk[i].att != NULL &&
	    event_status_in_room(app->m.spk[i].att) == 0)
		status_message(app, STATUS_WARN, _("Recorded: #%lld — but %s "
		    "is recorded as not in the room (%s): a wrong speaker? "
		    "(e corrects it in the log)"), (long long)ev.seq,
		    app->m.spk[i].label, label_attendance(app->m.spk[i].att));
	else
		status_message(app, STATUS_INFO, _("Recorded: #%lld"),
		    (long long)ev.seq);
	event_clear(&ev);
	return ACTION_REDRAW;
}

enum action_result
act_input_cancel(struct app *app, const char *arg)
{
	int	 back;

	(void)arg;
	if (prompt_active(app)) {
		back = app->prompt.back;
		prompt_close(app);
		status_message(app, STATUS_INFO, _("Cancelled"));
		if (back == 0)
			return ACTION_REDRAW;
		/* A setup form dropped: the setup screen again, live. */
		app->overlay = back - 1;
		app_dirty(app, back - 1);
		return ACTION_REDRAW_ALL;
	}
	if (app->amend_seq != 0) {
		app->amend_seq = 0;
		app_set_speaker(app, app->amend_prev);
		free(app->amend_what);
		app->amend_what = NULL;
		app_focus(app, app->amend_from);
		editbuf_clear(&app->draft);
		app->draft_state = DRAFT_EMPTY;
		status_message(app, STATUS_INFO, _("Correction cancelled"));
		return ACTION_REDRAW;
	}
	return ACTION_NONE;
}
