/* SPDX-License-Identifier: ISC */
/*
 * Following the meeting file: the live model (core/model.c) is loaded at
 * start-up, then every event appended since the last look, by this
 * terminal or another, is folded into it and offered to each pane's
 * update(), which says whether the pane must be redrawn. The selections
 * (agenda item, log entry) are kept by id across events that move them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "xmalloc.h"

int
follow_load(struct app *app, char **cause)
{
	int64_t	 last = log_last_seq(app->log);

	if (model_load(&app->m, app->q, last, cause) != 0)
		return -1;
	app->data_version = log_data_version(app->log);
	return 0;
}

static int
follow_cb(const struct event *ev, void *arg)
{
	struct app	*app = arg;
	int		 i, rc, open_before = app->m.open_item;
	char		*sel = NULL, *cause = NULL;

	/* A reordered agenda, or one folded again, keeps the same item
	 * selected. */
	if (app->sel_item >= 0 && (size_t)app->sel_item < app->m.nitems)
		sel = xstrdup(app->m.items[app->sel_item].id);
	rc = model_apply(&app->m, app->q, ev, &cause);
	if (rc < 0) {
		status_message(app, STATUS_ERROR, "%s", cause);
		free(cause);
	}
	if (sel != NULL)
		app->sel_item = model_item(&app->m, sel);
	free(sel);
	if (rc == MODEL_RELOADED)
		app_dirty_all(app);
	if (app->m.open_item != open_before && app->m.open_item >= 0 &&
	    ev->etype == EV_AGENDA_OPEN) {
		/* The view follows the item being opened. */
		app->sel_item = app->m.open_item;
		app->log_sel = 0;
		app->log_anchor = 0;
		app_dirty(app, PANE_LOG);
	}
	for (i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &app->panes[i];
		if (p->ops->update != NULL && p->ops->update(p, ev))
			p->flags |= PANE_DIRTY;
	}
	return 0;
}

void
follow_poll(struct app *app)
{
	char	*cause = NULL;

	if (log_last_seq(app->log) <= app->m.last_seq)
		return;
	if (log_foreach(app->log, app->m.last_seq + 1, -1, NULL, follow_cb,
	    app, &cause) != 0) {
		status_message(app, STATUS_ERROR, "%s", cause);
		free(cause);
	}
}
