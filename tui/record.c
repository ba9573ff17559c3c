/* SPDX-License-Identifier: ISC */
/*
 * Recording: every change the clerk makes becomes an event appended with
 * log_append(); the screen says "recorded" only after it returned 0, and
 * on failure the text stays where it was. Drafts: the line being typed
 * is saved to the drafts table at most a second after it changed (and at
 * once when typing pauses), so a kill -9 loses at most the last second.
 *
 * Reactions marked in the line being typed (a 異議なし heard in the middle
 * of a speech) are recorded in the speech's own transaction, right after
 * it, each with the speech's uuid and its place in the text (giji-events(5),
 * reaction speech and at); until then they are kept beside the draft, in
 * the drafts row of the station's name followed by MARKS_SUFFIX (a JSON
 * array of {text, kind, at}), saved with the draft, so that a crash loses
 * none of them either.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <uuid/uuid.h>

#include "app.h"
#include "clock.h"
#include "i18n.h"
#include "json.h"
#include "xmalloc.h"

#define DRAFT_IDLE_US	300000	/* save when typing pauses this long */
#define DRAFT_MAX_US	1000000	/* and at least this often while typing */
#define MARKS_SUFFIX	"\037reactions"	/* US, then a word */

static char *
marks_station(struct app *app)
{
	return xasprintf("%s" MARKS_SUFFIX, app->station);
}

/* The marks as saved: [{"text":…,"kind":…,"at":N}, …]. */
static char *
marks_json(struct app *app)
{
	struct buf	 b;
	char		*o, *t;
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, "[");
	for (i = 0; i < app->nmarked; i++) {
		o = json_set_str("{}", "text", app->marked[i].text);
		t = json_set_str(o, "kind", app->marked[i].kind);
		free(o);
		o = json_set_int(t, "at", (long long)editbuf_mark_chars(
		    &app->draft, i));
		free(t);
		buf_printf(&b, "%s%s", i > 0 ? "," : "", o);
		free(o);
	}
	buf_puts(&b, "]");
	return buf_detach(&b);
}

/* The reactions marked, each right after the speech (in its transaction). */
static int
marks_append(struct app *app, const char *speech, char **cause)
{
	struct event_in	 in;
	struct event	 ev;
	char		*p, *q;
	size_t		 i;
	int		 rc;

	for (i = 0; i < app->nmarked; i++) {
		p = json_set_str("{}", "text", app->marked[i].text);
		q = json_set_str(p, "kind", app->marked[i].kind);
		free(p);
		p = json_set_str(q, "speech", speech);
		free(q);
		q = json_set_int(p, "at", (long long)editbuf_mark_chars(
		    &app->draft, i));
		free(p);
		memset(&in, 0, sizeof in);
		in.type = "reaction";
		in.payload = q;
		memset(&ev, 0, sizeof ev);
		rc = log_append(app->log, &in, &ev, cause);
		free(q);
		event_clear(&ev);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/*
 * Append one event. With draft, the event carries the line's uuid (kept
 * until the line changes, so that a retry after a failed sync cannot
 * record it twice) and the station's draft is emptied in the same
 * transaction: a kill between the two can neither lose the line nor bring
 * a recorded speech back as a draft to be recorded twice.
 */
static int
record(struct app *app, const char *type, const char *payload, int draft,
    struct event *out)
{
	struct event_in	 in;
	struct event	 ev;
	char		*cause = NULL, *marks;
	uuid_t		 u;
	int		 rc;

	memset(&in, 0, sizeof in);
	in.type = type;
	in.payload = payload;
	if (draft) {
		if (app->record_uuid[0] == '\0') {
			uuid_generate(u);
			uuid_unparse_lower(u, app->record_uuid);
		}
		in.uuid = app->record_uuid;
	}
	memset(&ev, 0, sizeof ev);
	if (draft && log_begin(app->log, &cause) != 0)
		goto fail;
	rc = log_append(app->log, &in, &ev, &cause);
	if (rc == LOG_EXISTS) {
		/* An earlier try whose outcome was unknown did land (and
		 * the reactions marked with it: one transaction). */
		free(cause);
		cause = NULL;
		rc = 0;
	} else if (rc == 0 && draft && app->nmarked > 0 &&
	    marks_append(app, ev.uuid, &cause) != 0)
		rc = -1;
	if (draft && rc == 0 && app->nmarked > 0) {
		marks = marks_station(app);
		rc = log_draft_clear(app->log, marks, &cause);
		free(marks);
	}
	if (draft && rc == 0 && (log_draft_save(app->log, app->station,
	    app->speaker, "", 0, &cause) != 0 ||
	    log_commit(app->log, &cause) != 0))
		rc = -1;
	if (rc != 0) {
		if (draft)
			log_rollback(app->log);
		event_clear(&ev);
		goto fail;
	}
	if (draft) {
		app_marks_free(app);
		editbuf_marks_clear(&app->draft);
		app->marked_saved = 0;
		app->record_uuid[0] = '\0';
		app->started = 0;
		app->draft_state = DRAFT_EMPTY;
		app_dirty(app, PANE_STATUS);
	}
	follow_poll(app);
	if (out != NULL)
		*out = ev;
	else
		event_clear(&ev);
	return 0;
fail:
	if (!log_outcome_unknown(app->log))
		status_message(app, STATUS_ERROR, _("Not recorded (%s): %s"),
		    type, cause != NULL ? cause : _("unknown error"));
	else if (draft)		/* Enter sends the same uuid again */
		status_message(app, STATUS_ERROR, _("Cannot confirm it was "
		    "recorded (Enter sends it again; it cannot be recorded "
		    "twice) (%s): %s"), type, cause != NULL ? cause :
		    _("unknown error"));
	else
		status_message(app, STATUS_ERROR, _("Cannot confirm it was "
		    "recorded (check the log before trying again) (%s): %s"),
		    type, cause != NULL ? cause : _("unknown error"));
	free(cause);
	return -1;
}

int
app_append(struct app *app, const char *type, const char *payload,
    struct event *out)
{
	return record(app, type, payload, 0, out);
}

int
app_append_draft(struct app *app, const char *type, const char *payload,
    struct event *out)
{
	return record(app, type, payload, 1, out);
}

void
app_draft_changed(struct app *app)
{
	int64_t	 now = clock_mono();

	if (app->amend_seq != 0)
		return;		/* the editor holds an amendment, not a draft */
	app->record_uuid[0] = '\0';	/* a changed line is a new event */
	if (editbuf_empty(&app->draft))
		app->started = 0;
	else if (app->started == 0)		/* the speech's first key */
		app->started = app->key_at != 0 ? app->key_at : clock_now();
	if (app->draft_state != DRAFT_UNSAVED) {
		app->draft_saved_at = now;	/* the 1 s clock starts now */
		app_dirty(app, PANE_STATUS);	/* only when the state changes */
	}
	app->draft_state = DRAFT_UNSAVED;
	app->last_key_at = now;
}

/* The marks beside the draft (their places move as it is typed). */
static int
marks_save(struct app *app, char **cause)
{
	char	*station, *json;
	int	 rc;

	if (app->nmarked == 0 && !app->marked_saved)
		return 0;
	station = marks_station(app);
	if (app->nmarked == 0)
		rc = log_draft_clear(app->log, station, cause);
	else {
		json = marks_json(app);
		rc = log_draft_save(app->log, station, NULL, json, 0, cause);
		free(json);
	}
	free(station);
	if (rc == 0)
		app->marked_saved = app->nmarked > 0;
	return rc;
}

void
app_mark(struct app *app, const char *text, const char *kind)
{
	char	*cause = NULL;

	editbuf_mark(&app->draft);
	app->marked = xreallocarray(app->marked, app->nmarked + 1,
	    sizeof *app->marked);
	app->marked[app->nmarked].text = xstrdup(text);
	app->marked[app->nmarked].kind = xstrdup(kind);
	app->nmarked++;
	if (marks_save(app, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Cannot save the draft: %s"),
		    cause != NULL ? cause : "?");
		free(cause);
		app->draft_state = DRAFT_ERROR;
	}
	app_dirty(app, PANE_INPUT);
}

int
app_mark_drop(struct app *app)
{
	char	*cause = NULL;

	if (app->nmarked == 0)
		return -1;
	app->nmarked--;
	free(app->marked[app->nmarked].text);
	free(app->marked[app->nmarked].kind);
	editbuf_mark_drop(&app->draft, app->draft.nmarks - 1);
	if (marks_save(app, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Cannot save the draft: %s"),
		    cause != NULL ? cause : "?");
		free(cause);
		app->draft_state = DRAFT_ERROR;
	}
	app_dirty(app, PANE_INPUT);
	return 0;
}

void
app_marks_free(struct app *app)
{
	size_t	 i;

	for (i = 0; i < app->nmarked; i++) {
		free(app->marked[i].text);
		free(app->marked[i].kind);
	}
	free(app->marked);
	app->marked = NULL;
	app->nmarked = 0;
}

/* The marks saved beside the restored draft, back at their places. */
void
app_marks_load(struct app *app)
{
	char			*station, *speaker = NULL, *json = NULL, **items;
	char			*text, *kind, *at;
	size_t			 n = 0, i;
	int64_t			 started;

	station = marks_station(app);
	if (log_draft_load(app->log, station, &speaker, &json, &started) != 1 ||
	    json == NULL || (items = json_list(json, &n)) == NULL) {
		free(station);
		free(speaker);
		free(json);
		return;
	}
	for (i = 0; i < n; i++) {
		text = json_get(items[i], "$.text");
		kind = json_get(items[i], "$.kind");
		at = json_get(items[i], "$.at");
		if (text != NULL && kind != NULL && at != NULL) {
			editbuf_mark_at(&app->draft, editbuf_chars_off(
			    &app->draft, (size_t)strtoul(at, NULL, 10)));
			app->marked = xreallocarray(app->marked, app->nmarked +
			    1, sizeof *app->marked);
			app->marked[app->nmarked].text = text;
			app->marked[app->nmarked].kind = kind;
			app->nmarked++;
			text = kind = NULL;
		}
		free(text);
		free(kind);
		free(at);
	}
	app->marked_saved = 1;
	json_list_free(items, n);
	free(station);
	free(speaker);
	free(json);
}

void
app_draft_save(struct app *app, int force)
{
	int64_t	 now = clock_mono();
	char	*cause = NULL;

	if (app->draft_state != DRAFT_UNSAVED && app->draft_state !=
	    DRAFT_ERROR)
		return;
	if (!force && now - app->last_key_at < DRAFT_IDLE_US &&
	    now - app->draft_saved_at < DRAFT_MAX_US)
		return;
	app->draft_saved_at = now;
	if (log_draft_save(app->log, app->station, app->speaker,
	    editbuf_text(&app->draft), app->started, &cause) != 0 ||
	    marks_save(app, &cause) != 0) {
		if (app->draft_state != DRAFT_ERROR)
			status_message(app, STATUS_ERROR, _("Cannot save the "
			    "draft: %s"), cause != NULL ? cause : "?");
		free(cause);
		app->draft_state = DRAFT_ERROR;
		return;
	}
	app->draft_state = editbuf_empty(&app->draft) ? DRAFT_EMPTY :
	    DRAFT_SAVED;
	app_dirty(app, PANE_STATUS);
}
