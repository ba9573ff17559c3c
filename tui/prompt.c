/* SPDX-License-Identifier: ISC */
/*
 * Questions asked in the input pane. Each carries its own callback and
 * data, as tmux's status prompts do (status_prompt_set()): Enter gives
 * the answer to the callback, which may ask the next question; Escape
 * drops it. Nothing decides what an answer means but the callback, so a
 * new question needs no new case anywhere else. The line being typed is
 * kept untouched underneath.
 *
 * A choice is a question answered by one key (which reaction the room
 * gave): its title replaces the input pane's, the line being typed stays
 * in view, and the next key goes to its callback before any binding.
 */
#include "config.h"

#include <stdlib.h>

#include "app.h"
#include "i18n.h"
#include "xmalloc.h"

static void
prompt_clear(struct prompt *p)
{
	if (p->free != NULL)
		p->free(p->data);
	p->data = NULL;
	p->free = NULL;
	p->cb = NULL;
	free(p->title);
	p->title = NULL;
	p->back = 0;
	editbuf_clear(&p->buf);
}

enum action_result
prompt_open(struct app *app, const char *title, const char *initial,
    prompt_cb cb, void *data, void (*freecb)(void *))
{
	struct prompt	*p = &app->prompt;

	/* A question asked while answering another keeps its pane. */
	if (!prompt_active(app))
		p->from = app->focus;
	prompt_clear(p);
	p->title = xstrdup(title);
	p->cb = cb;
	p->data = data;
	p->free = freecb;
	p->serial++;
	if (initial != NULL)
		editbuf_set(&p->buf, initial);
	app_focus(app, PANE_INPUT);
	app_dirty(app, PANE_INPUT);
	return ACTION_REDRAW;
}

void
prompt_close(struct app *app)
{
	prompt_clear(&app->prompt);
	app_focus(app, app->prompt.from);
	app_dirty(app, PANE_INPUT);
}

enum action_result
prompt_accept(struct app *app)
{
	struct prompt		*p = &app->prompt;
	enum action_result	 r;
	unsigned		 serial = p->serial;
	char			*text;

	if (!prompt_active(app))
		return ACTION_NONE;
	text = xstrdup(editbuf_text(&p->buf));
	r = p->cb(app, text, p->data);
	free(text);
	if (r == ACTION_ERROR)
		return r;	/* the answer is kept for another try */
	if (p->serial == serial)
		prompt_close(app);
	return ACTION_REDRAW_ALL;
}

static void choice_clear(struct choice *);

void
prompt_free(struct app *app)
{
	prompt_clear(&app->prompt);
	editbuf_free(&app->prompt.buf);
	choice_clear(&app->choice);
}

static void
choice_clear(struct choice *c)
{
	if (c->free != NULL)
		c->free(c->data);
	c->data = NULL;
	c->free = NULL;
	c->cb = NULL;
	free(c->title);
	c->title = NULL;
}

enum action_result
choice_open(struct app *app, const char *title, choice_cb cb, void *data,
    void (*freecb)(void *))
{
	struct choice	*c = &app->choice;

	choice_clear(c);
	c->title = xstrdup(title);
	c->cb = cb;
	c->data = data;
	c->free = freecb;
	c->serial++;
	app_dirty(app, PANE_INPUT);
	return ACTION_REDRAW;
}

void
choice_close(struct app *app)
{
	choice_clear(&app->choice);
	app_dirty(app, PANE_INPUT);
}

enum action_result
choice_key(struct app *app, key_code key)
{
	struct choice		*c = &app->choice;
	enum action_result	 r;
	unsigned		 serial = c->serial;

	if (key == KEYC_ESCAPE || key == (KEYC_CTRL | 'g')) {
		choice_close(app);
		status_message(app, STATUS_INFO, _("Cancelled"));
		return ACTION_REDRAW;
	}
	r = c->cb(app, key & ~KEYC_PASTED, c->data);
	if (r == ACTION_ERROR)
		return r;
	if (c->serial == serial)
		choice_close(app);
	return r == ACTION_NONE ? ACTION_REDRAW : r;
}
