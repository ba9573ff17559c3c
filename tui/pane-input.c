/* SPDX-License-Identifier: ISC */
/*
 * The input pane: a title row with the current speaker (always visible)
 * and what Enter will do, then the line being typed, wrapped over the
 * remaining rows. While a question is open (a new agenda item's title, a
 * reason) the pane shows the question and its answer instead; the draft
 * is kept untouched underneath. A one-key question (which reaction)
 * shows in the title above the draft, and so do the reactions marked in
 * the draft.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The bytes of s that fit cols display columns, whole characters, ended
 * after the last space when there is one in the second half (words kept
 * whole; Japanese breaks anywhere).
 */
static size_t
input_cut(const char *s, int cols)
{
	size_t	 off = 0, n = strlen(s), len, space = 0;
	int	 w, used = 0;

	while (off < n) {
		if ((len = utf8_cluster(s + off, n - off, &w)) == 0 ||
		    used + w > cols)
			break;
		used += w;
		off += len;
		if (s[off - 1] == ' ' && used > cols / 2)
			space = off;
	}
	return off < n && space != 0 ? space : off;
}

struct editbuf *
app_editbuf(struct app *app)
{
	return prompt_active(app) ? &app->prompt.buf : &app->draft;
}

void
app_set_speaker(struct app *app, const char *id)
{
	if (app->speaker != NULL && id != NULL &&
	    strcmp(app->speaker, id) == 0)
		return;
	free(app->speaker);
	app->speaker = id != NULL ? xstrdup(id) : NULL;
	app_dirty(app, PANE_INPUT);
	app_draft_changed(app);
}

/*
 * What the pane last drew: its title (and whether it had the focus) and
 * the editor's rows. A key typed redraws only what changed (STYLE §5).
 */
struct pane_input {
	char			*title;
	int			 focused;
	struct editor_view	 view;
};

static void
pane_input_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof (struct pane_input));
}

/* A new window (layout) starts blank: everything is drawn again. */
static void
pane_input_resize(struct pane *p)
{
	struct pane_input	*d = p->data;

	free(d->title);
	d->title = NULL;
	editor_view_reset(&d->view);
}

static void
pane_input_free(struct pane *p)
{
	pane_input_resize(p);
	free(p->data);
	p->data = NULL;
}

static void
pane_input_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct pane_input	*d = p->data;
	struct buf		 b;
	char			*title, *head;
	const char		*more;
	size_t			 cut = 0;
	int			 i, cy, cx, focused;
	static const char	*none, *speaker;

	buf_init(&b);
	if (prompt_active(app))
		buf_puts(&b, app->prompt.title);
	else if (choice_active(app))
		buf_puts(&b, app->choice.title);
	else {
		/*
		 * Drawn on every key: the two messages looked up once (the
		 * locale does not change while giji runs), the key's digit
		 * put by hand.
		 */
		if (none == NULL) {
			none = _("Speaker: (none — F2 chooses)");
			speaker = _("Speaker: %s");
		}
		i = model_speaker(&app->m, app->speaker);
		if (app->speaker == NULL)
			buf_puts(&b, none);
		else {
			buf_printf(&b, speaker,
			    model_speaker_label(&app->m, app->speaker));
			if (i >= 0 && i < 10) {
				buf_puts(&b, " [M-");
				buf_putc(&b, (char)('0' + (i + 1) % 10));
				buf_putc(&b, ']');
			}
		}
		if (app->amend_seq != 0) {
			buf_puts(&b, "  ");
			buf_printf(&b, _("amending %s (Enter records the "
			    "correction, Escape cancels)"), app->amend_what);
		}
		if (app->nmarked > 0) {
			buf_puts(&b, "  ");
			buf_printf(&b, ngettext("%zu reaction marked: %s",
			    "%zu reactions marked, the last: %s",
			    app->nmarked), app->nmarked,
			    app->marked[app->nmarked - 1].text);
		}
	}
	title = buf_detach(&b);
	focused = &app->panes[app->focus] == p;
	/*
	 * A question wider than the title row goes on in the row below it
	 * (the keys of a one-key question come last: "n: stays"), the
	 * answer under that.
	 */
	more = NULL;
	if ((prompt_active(app) || choice_active(app)) && p->h >= 3 &&
	    (int)utf8_width(title) > p->w - 2) {
		cut = input_cut(title, p->w - 2);
		more = title + cut;
	}
	if (d->title == NULL || strcmp(d->title, title) != 0 ||
	    d->focused != focused) {
		if (more != NULL) {
			head = xstrndup(title, (size_t)(more - title));
			pane_title(p, head);
			free(head);
		} else
			pane_title(p, title);
		free(d->title);
		d->title = title;
		d->focused = focused;
	} else
		free(title);
	title = d->title;
	more = more != NULL ? title + cut : NULL;
	if (more != NULL) {
		draw_clear_line(p->win, 1, A_BOLD, 0);
		draw_text(p->win, 1, 1, more, p->w - 2, A_BOLD, 0);
	}
	editor_draw(p->win, more != NULL ? 2 : 1, p->h - (more != NULL ? 2 : 1),
	    p->w, app_editbuf(app), &d->view, &cy, &cx);
	wmove(p->win, cy, cx);
}

/* Keys no binding took: characters are typed. */
static enum action_result
pane_input_key(struct pane *p, key_code key)
{
	struct app	*app = p->app;
	struct editbuf	*eb = app_editbuf(app);

	if (!key_is_char(key))
		return ACTION_NONE;
	editbuf_insert_cp(eb, (unsigned int)(key & KEYC_MASK_KEY));
	if (eb == &app->draft)
		app_draft_changed(app);
	return ACTION_REDRAW;
}

const struct pane_ops pane_input_ops = {
	.name = "input",
	.context = KEYMAP_INPUT,
	.init = pane_input_init,
	.free = pane_input_free,
	.resize = pane_input_resize,
	.draw = pane_input_draw,
	.key = pane_input_key,
};
