/* SPDX-License-Identifier: ISC */
/*
 * The procedure of the room, named by action-table.c: a reaction from the
 * room (reaction.menu, reaction.quick), a declaration of interest
 * (interest.add) and an action item (action.add), each recorded as the
 * event of giji-events(5) that says it; and the check-in screen
 * (checkin.open, tui/pane-checkin.c).
 *
 * A reaction must never cost the speech being typed: pressed while the
 * input line holds text, it marks the cursor's place (an editbuf mark,
 * which moves with the text as it is edited) and is recorded right after
 * the speech, in the speech's own transaction, with the speech's uuid and
 * the place in characters (record.c); with nothing being typed it is
 * recorded at once, on its own. The common words come in the meeting's
 * language (meta.set lang; without one, the clerk's).
 *
 * An interest or an action asks its questions one after the other (the
 * member in the picker, then the words, then whether the member leaves;
 * the owner, then the due date); what the answers gave so far is kept in
 * app->ask, and the event is recorded when the last one is answered.
 * Escape at any question records nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "i18n.h"
#include "jdate.h"
#include "json.h"
#include "xmalloc.h"

/* --- reactions ------------------------------------------------------- */

struct reaction_word {
	const char	*text;
	const char	*kind;
};

/* What Japanese and English minutes record most often, as they word it. */
static const struct reaction_word reaction_ja[] = {
	{ "異議なし", "voices" },
	{ "了", "voices" },
	{ "拍手", "applause" },
	{ "笑声", "laughter" },
};
static const struct reaction_word reaction_en[] = {
	{ "Hear, hear", "voices" },
	{ "Applause", "applause" },
	{ "Laughter", "laughter" },
};

static const struct reaction_word *
reaction_words(struct app *app, size_t *n)
{
	int	 en;

	if (app->m.lang != NULL)
		en = strcmp(app->m.lang, "en") == 0;
	else
		en = label_english();
	*n = en ? sizeof reaction_en / sizeof reaction_en[0] :
	    sizeof reaction_ja / sizeof reaction_ja[0];
	return en ? reaction_en : reaction_ja;
}


/*
 * The reaction heard: marked in the line being typed (recorded with its
 * speech), or recorded now when nothing is being typed or the line holds
 * an amendment (an earlier entry, not the speech going on).
 */
static enum action_result
reaction_take(struct app *app, const char *text, const char *kind)
{
	struct event	 ev;
	char		*p;

	if (!editbuf_empty(&app->draft) && app->amend_seq == 0) {
		app_mark(app, text, kind);
		status_message(app, STATUS_INFO, _("Reaction marked after "
		    "character %zu: %s (recorded with the speech)"),
		    editbuf_mark_chars(&app->draft, app->draft.nmarks - 1),
		    text);
		return ACTION_REDRAW;
	}
	p = json_put_str(xstrdup("{}"), "text", text);
	p = json_put_str(p, "kind", kind);
	if (app_append(app, "reaction", p, &ev) != 0) {
		free(p);
		return ACTION_ERROR;
	}
	free(p);
	status_message(app, STATUS_INFO, _("Reaction recorded: #%lld %s"),
	    (long long)ev.seq, text);
	event_clear(&ev);
	return ACTION_REDRAW;
}

static enum action_result
reaction_text_cb(struct app *app, const char *text, void *data)
{
	if (*text == '\0') {
		status_message(app, STATUS_WARN, _("Type what the room said or "
		    "did (Escape cancels)"));
		return ACTION_ERROR;
	}
	return reaction_take(app, text, data);
}

/* Words of the clerk's own: voices (said) or other (done). */
static enum action_result
reaction_ask(struct app *app, const char *kind)
{
	if (prompt_active(app)) {
		status_message(app, STATUS_WARN, _("Answer the question first "
		    "(or cancel it with Escape): a reaction's own words are "
		    "typed in the same line"));
		return ACTION_ERROR;
	}
	return prompt_open(app, strcmp(kind, "voices") == 0 ?
	    _("Reaction — the words the room said, then Enter (Escape "
	    "cancels)") : _("Reaction — what the room did, then Enter "
	    "(Escape cancels)"), NULL, reaction_text_cb, (void *)kind, NULL);
}

static enum action_result
reaction_choice_cb(struct app *app, key_code key, void *data)
{
	const struct reaction_word	*w;
	size_t				 n;

	(void)data;
	w = reaction_words(app, &n);
	if (key >= '1' && key <= '9' && (size_t)(key - '1') < n)
		return reaction_take(app, w[key - '1'].text,
		    w[key - '1'].kind);
	switch (key) {
	case 'v':
		return reaction_ask(app, "voices");
	case 'o':
		return reaction_ask(app, "other");
	case KEYC_BSPACE:
	case KEYC_CTRL | 'h':
		if (app_mark_drop(app) != 0) {
			status_message(app, STATUS_WARN, _("No reaction is "
			    "marked in the line being typed"));
			return ACTION_REDRAW;
		}
		status_message(app, STATUS_INFO, _("The last marked reaction "
		    "is dropped"));
		return ACTION_REDRAW;
	}
	status_message(app, STATUS_WARN, _("%s: not one of the reactions "
	    "(Escape cancels)"), key_string_lookup_key(key));
	return ACTION_ERROR;
}

enum action_result
act_reaction_menu(struct app *app, const char *arg)
{
	const struct reaction_word	*w;
	struct buf			 b;
	enum action_result		 r;
	size_t				 i, n;
	char				*list;

	(void)arg;
	w = reaction_words(app, &n);
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%zu %s", i > 0 ? "  " : "", i + 1, w[i].text);
	list = buf_detach(&b);
	/* TRANSLATORS: %s is "1 異議なし  2 了  3 拍手  4 笑声". */
	b.s = xasprintf(_("Reaction: %s  v words  o other  BSpace drops the "
	    "last mark  Escape"), list);
	r = choice_open(app, b.s, reaction_choice_cb, NULL, NULL);
	free(b.s);
	free(list);
	return r;
}

enum action_result
act_reaction_quick(struct app *app, const char *arg)
{
	const struct reaction_word	*w;
	size_t				 n, i = (size_t)atoi(arg) - 1;

	w = reaction_words(app, &n);
	if (i >= n) {
		status_message(app, STATUS_WARN, _("There are %zu common "
		    "reactions in this meeting's language, not %s"), n, arg);
		return ACTION_ERROR;
	}
	return reaction_take(app, w[i].text, w[i].kind);
}

/* --- interests and actions ------------------------------------------ */

struct ask {
	char		*item;		/* the item open when asked, or NULL */
	char		*member;	/* interest: who declares */
	char		*text;		/* interest: what; action: what to do */
	char		*owner;		/* action: a member id or a name */
	int		 from_draft;	/* action: the text is the input line */
};

void
ask_free(struct app *app)
{
	struct ask	*a = app->ask;

	if (a == NULL)
		return;
	free(a->item);
	free(a->member);
	free(a->text);
	free(a->owner);
	free(a);
	app->ask = NULL;
}

static struct ask *
ask_new(struct app *app)
{
	ask_free(app);
	app->ask = xcalloc(1, sizeof *app->ask);
	if (app->m.open_item >= 0)
		app->ask->item = xstrdup(app->m.items[app->m.open_item].id);
	return app->ask;
}

static const char *
ask_item_title(struct app *app)
{
	int	 i = model_item(&app->m, app->ask->item);

	return i >= 0 ? app->m.items[i].title : "";
}

static enum action_result
interest_record(struct app *app, int withdraws)
{
	struct ask	*a = app->ask;
	struct event	 ev;
	char		*p, *q;

	if (a == NULL)
		return ACTION_NONE;
	p = json_put_str(xstrdup("{}"), "member", a->member);
	p = json_put_str(p, "item", a->item);
	p = json_put_str(p, "text", a->text);
	if (a->item != NULL) {
		q = json_set_bool(p, "withdraws", withdraws);
		free(p);
		p = q;
	}
	if (app_append(app, "interest", p, &ev) != 0) {
		free(p);
		return ACTION_ERROR;
	}
	free(p);
	status_message(app, STATUS_INFO, withdraws ? _("Interest recorded: "
	    "#%lld %s (leaves for the item)") : _("Interest recorded: #%lld "
	    "%s"), (long long)ev.seq, model_speaker_label(&app->m, a->member));
	event_clear(&ev);
	ask_free(app);
	return ACTION_REDRAW_ALL;
}

static enum action_result
interest_withdraws_cb(struct app *app, key_code key, void *data)
{
	(void)data;
	if (key == 'y' || key == 'Y')
		return interest_record(app, 1);
	if (key == 'n' || key == 'N' || key == KEYC_ENTER)
		return interest_record(app, 0);
	status_message(app, STATUS_WARN, _("Answer y (leaves) or n (stays)"));
	return ACTION_ERROR;
}

static enum action_result
interest_text_cb(struct app *app, const char *text, void *data)
{
	struct ask		*a = app->ask;
	enum action_result	 r;
	char			*title;

	(void)data;
	if (a == NULL)
		return ACTION_NONE;
	free(a->text);
	a->text = *text != '\0' ? xstrdup(text) : NULL;
	if (a->item == NULL)
		return interest_record(app, 0);
	title = xasprintf(_("Does %s leave the meeting for \"%s\"? y: leaves "
	    "(no vote on it)  n or Enter: stays  Escape cancels"),
	    model_speaker_label(&app->m, a->member), ask_item_title(app));
	r = choice_open(app, title, interest_withdraws_cb, NULL, NULL);
	free(title);
	return r;
}

static enum action_result
interest_member_cb(struct app *app, const char *id, const char *text,
    void *data)
{
	enum action_result	 r;
	char			*title;

	(void)text;
	(void)data;
	if (app->ask == NULL || id == NULL)
		return ACTION_NONE;
	free(app->ask->member);
	app->ask->member = xstrdup(id);
	title = app->ask->item != NULL ? xasprintf(_("Interest of %s in "
	    "\"%s\" — the interest as declared (may be empty), then Enter"),
	    model_speaker_label(&app->m, id), ask_item_title(app)) :
	    xasprintf(_("Interest of %s — the interest as declared (may be "
	    "empty), then Enter"), model_speaker_label(&app->m, id));
	r = prompt_open(app, title, NULL, interest_text_cb, NULL, NULL);
	free(title);
	return r;
}

enum action_result
act_interest_add(struct app *app, const char *arg)
{
	(void)arg;
	if (app->m.nspk == 0) {
		status_message(app, STATUS_WARN, _("The roster is empty: add "
		    "speakers with speaker.add (F3)"));
		return ACTION_ERROR;
	}
	ask_new(app);
	pane_picker_choose(app, _("Declaration of interest — who declares it? "
	    "A digit, search, Enter; Escape cancels"), PICK_MEMBERS,
	    app->speaker, interest_member_cb, NULL, NULL);
	return ACTION_REDRAW;
}

static enum action_result
action_record(struct app *app, const char *due)
{
	struct ask	*a = app->ask;
	struct event	 ev;
	char		*p;
	int		 rc;

	p = json_put_str(xstrdup("{}"), "text", a->text);
	p = json_put_str(p, "owner", a->owner);
	p = json_put_str(p, "due", due);
	p = json_put_str(p, "item", a->item);
	/* From the input line: its uuid and the draft emptied, at once. */
	rc = a->from_draft ? app_append_draft(app, "action", p, &ev) :
	    app_append(app, "action", p, &ev);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	if (a->from_draft)
		editbuf_clear(&app->draft);
	status_message(app, STATUS_INFO, _("Action recorded: #%lld %s"),
	    (long long)ev.seq, a->text);
	event_clear(&ev);
	ask_free(app);
	return ACTION_REDRAW_ALL;
}

static enum action_result
action_due_cb(struct app *app, const char *text, void *data)
{
	int	 y, m, d;

	(void)data;
	if (app->ask == NULL)
		return ACTION_NONE;
	if (*text == '\0')
		return action_record(app, NULL);
	if (strlen(text) != 10 || jdate_parse(text, &y, &m, &d) != 0) {
		status_message(app, STATUS_WARN, _("Cannot read the date: %s "
		    "(write it as 2025-07-01)"), text);
		return ACTION_ERROR;
	}
	return action_record(app, text);
}

static enum action_result
action_owner_cb(struct app *app, const char *id, const char *text,
    void *data)
{
	(void)data;
	if (app->ask == NULL)
		return ACTION_NONE;
	free(app->ask->owner);
	app->ask->owner = id != NULL ? xstrdup(id) : text != NULL ?
	    xstrdup(text) : NULL;
	return prompt_open(app, _("Action — due date as 2025-07-01, then "
	    "Enter (empty: none)"), NULL, action_due_cb, NULL, NULL);
}

static enum action_result
action_owner(struct app *app)
{
	pane_picker_choose(app, _("Action — who does it? A digit or search; "
	    "a name not on the roster: type it, Enter; Escape cancels"),
	    PICK_NOBODY | PICK_TEXT, NULL, action_owner_cb, NULL, NULL);
	return ACTION_REDRAW_ALL;
}

static enum action_result
action_text_cb(struct app *app, const char *text, void *data)
{
	(void)data;
	if (app->ask == NULL)
		return ACTION_NONE;
	if (*text == '\0') {
		status_message(app, STATUS_WARN, _("Type what is to be done "
		    "(Escape cancels)"));
		return ACTION_ERROR;
	}
	free(app->ask->text);
	app->ask->text = xstrdup(text);
	return action_owner(app);
}

enum action_result
act_action_add(struct app *app, const char *arg)
{
	struct ask	*a;

	(void)arg;
	if (app->amend_seq != 0) {
		status_message(app, STATUS_WARN, _("Finish the correction "
		    "first (Enter records it, Escape cancels)"));
		return ACTION_ERROR;
	}
	if (app->nmarked > 0 && !editbuf_empty(&app->draft)) {
		status_message(app, STATUS_WARN, _("Reactions are marked in "
		    "this line: record it as a speech (Enter), or drop the "
		    "marks (BSpace in the reaction menu)"));
		return ACTION_ERROR;
	}
	a = ask_new(app);
	if (editbuf_empty(&app->draft))
		return prompt_open(app, _("Action — what is to be done, then "
		    "Enter (Escape cancels)"), NULL, action_text_cb, NULL,
		    NULL);
	a->text = xstrdup(editbuf_text(&app->draft));
	a->from_draft = 1;
	return action_owner(app);
}

/* --- check-in -------------------------------------------------------- */

enum action_result
act_checkin_open(struct app *app, const char *arg)
{
	(void)arg;
	pane_checkin_open(app);
	return ACTION_REDRAW_ALL;
}

enum action_result
act_setup_open(struct app *app, const char *arg)
{
	(void)arg;
	pane_setup_open(app);
	return ACTION_REDRAW_ALL;
}
