/* SPDX-License-Identifier: ISC */
/*
 * Recording: every change the clerk makes becomes an event appended with
 * log_append(); the screen says "recorded" only after it returned 0, and
 * on failure the text stays where it was. Drafts: the line being typed
 * is saved to the drafts table at most a second after it changed (and at
 * once when typing pauses), so a kill -9 loses at most the last second.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <uuid/uuid.h>

#include "app.h"
#include "clock.h"
#include "i18n.h"
#include "xmalloc.h"

#define DRAFT_IDLE_US	300000	/* save when typing pauses this long */
#define DRAFT_MAX_US	1000000	/* and at least this often while typing */

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
	char		*cause = NULL;
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
		/* An earlier try whose outcome was unknown did land. */
		free(cause);
		cause = NULL;
		rc = 0;
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
	else if (app->started == 0)
		app->started = clock_now();	/* the speech's first key */
	if (app->draft_state != DRAFT_UNSAVED) {
		app->draft_saved_at = now;	/* the 1 s clock starts now */
		app_dirty(app, PANE_STATUS);	/* only when the state changes */
	}
	app->draft_state = DRAFT_UNSAVED;
	app->last_key_at = now;
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
	    editbuf_text(&app->draft), app->started, &cause) != 0) {
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
