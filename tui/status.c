/* SPDX-License-Identifier: ISC */
/*
 * The status line and the one way the interface reports anything:
 * status_message(level, fmt, …) sets the text and its timeout, dirties
 * the status pane and keeps a short history (shown at the end of the
 * help screen). The line also shows the era date, the clock, the time
 * since the meeting opened, recess, and whether the draft is saved. A
 * message wider than the line takes it whole, its beginning shown first
 * and then its end (where a message says what to do), each half the time
 * it shows.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "clock.h"
#include "i18n.h"
#include "jdate.h"
#include "utf8.h"
#include "xmalloc.h"

#define STATUS_HISTORY	32

static char		*status_text;
static enum status_level status_level;
static int64_t		 status_from;	/* when it was set, monotonic µs */
static int64_t		 status_until;
static int		 status_half;	/* its second half is showing */
static int64_t		 status_second;
static char		*status_history[STATUS_HISTORY];
static size_t		 status_nhistory;

void
status_message(struct app *app, enum status_level level, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	free(status_text);
	status_text = utf8_sanitize(s, 0);
	free(s);
	status_level = level;
	status_from = clock_mono();
	status_until = status_from + (level == STATUS_ERROR ? 15 : 5) *
	    (int64_t)1000000;
	status_half = 0;
	if (status_nhistory == STATUS_HISTORY) {
		free(status_history[0]);
		memmove(status_history, status_history + 1,
		    (STATUS_HISTORY - 1) * sizeof *status_history);
		status_nhistory--;
	}
	status_history[status_nhistory++] = xstrdup(status_text);
	if (app != NULL)
		app_dirty(app, PANE_STATUS);
}

const char *
status_last(void)
{
	return status_nhistory > 0 ? status_history[status_nhistory - 1] : "";
}

/* The k-th message before the latest (0: the latest), or NULL. */
const char *
status_before(size_t k)
{
	return k < status_nhistory ? status_history[status_nhistory - 1 - k] :
	    NULL;
}

/* Called every loop: a new second or an expired message dirties the line. */
void
status_tick(struct app *app)
{
	int64_t	 now = clock_now() / 1000000;

	if (now != status_second) {
		status_second = now;
		app_dirty(app, PANE_STATUS);
	}
	if (status_text != NULL && !status_half && clock_mono() >
	    status_from + (status_until - status_from) / 2) {
		status_half = 1;
		app_dirty(app, PANE_STATUS);
	}
	if (status_text != NULL && clock_mono() > status_until) {
		free(status_text);
		status_text = NULL;
		app_dirty(app, PANE_STATUS);
	}
}

/*
 * Today's date in the interface's language: the era date of Japanese
 * minutes (令和6年6月27日(木)), or 2024-06-27 Thu.
 */
static char *
status_date(const struct clock_tm *tm)
{
	static const char *const days[] = { N_("Sun"), N_("Mon"), N_("Tue"),
	    N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat") };

	/* TRANSLATORS: "era" shows today's date in the Japanese era
	 * calendar on the status line; anything else, 2024-06-27 Thu. */
	if (strcmp(_("date: gregorian"), "era") == 0)
		return jdate_format_wday(tm->y, tm->mon, tm->d, NULL);
	return xasprintf("%04d-%02d-%02d %s", tm->y, tm->mon, tm->d,
	    tm->wday >= 0 && tm->wday < 7 ? _(days[tm->wday]) : "");
}

static char *
status_right(struct app *app)
{
	struct clock_tm	 tm;
	struct buf	 b;
	int64_t		 now = clock_now(), el;
	char		*date;

	buf_init(&b);
	if (clock_local(now, app->m.tz, &tm) == 0) {
		date = status_date(&tm);
		if (date != NULL && status_text == NULL)
			buf_printf(&b, "%s ", date);
		free(date);
		buf_printf(&b, "%02d:%02d:%02d", tm.h, tm.min, tm.s);
	}
	if (app->m.open_ts != 0) {
		el = ((app->m.close_ts > app->m.open_ts ? app->m.close_ts :
		    now) - app->m.open_ts) / 1000000;
		if (el < 0)
			el = 0;
		/* A meeting opened days ago (an archive) shows no clock. */
		if (el < 24 * 3600)
			buf_printf(&b, _(" elapsed %lld:%02lld"),
			    (long long)(el / 3600), (long long)(el / 60 % 60));
	}
	if (app->m.recess)
		buf_printf(&b, " %s", _("recess"));
	switch (app->draft_state) {
	case DRAFT_EMPTY:
		buf_printf(&b, " %s", _("no draft"));
		break;
	case DRAFT_UNSAVED:
		buf_printf(&b, " %s", _("unsaved"));
		break;
	case DRAFT_SAVED:
		buf_printf(&b, " %s", _("saved"));
		break;
	case DRAFT_ERROR:
		buf_printf(&b, " %s", _("not saved"));
		break;
	}
	return buf_detach(&b);
}

/*
 * The message from column x: whole when it fits; else its beginning and
 * "…", then (the second half of its time) "…" and its end.
 */
static void
status_fit(struct pane *p, int x, int rw, attr_t attr, short pair)
{
	const char	*s = status_text;
	size_t		 n = strlen(s), off = 0, len;
	int		 avail = p->w - rw - x - 1, cw;

	if ((int)utf8_width(s) <= avail || avail < 4) {
		draw_text(p->win, 0, x, s, avail, attr, pair);
		return;
	}
	if (!status_half) {
		x += draw_text(p->win, 0, x, s, avail - 1, attr, pair);
		draw_text(p->win, 0, x, "…", 1, attr, pair);
		return;
	}
	while (off < n && (int)utf8_width(s + off) > avail - 1) {
		if ((len = utf8_cluster(s + off, n - off, &cw)) == 0)
			break;
		off += len;
	}
	x += draw_text(p->win, 0, x, "…", 1, attr, pair);
	draw_text(p->win, 0, x, s + off, avail - 1, attr, pair);
}

static void
status_draw(struct pane *p)
{
	struct app	*app = p->app;
	char		*right;
	int		 rw, x = 0;
	attr_t		 attr = A_NORMAL;
	short		 pair = 0;

	right = status_right(app);
	rw = (int)utf8_width(right);
	/* A message that does not fit takes the whole line while it shows. */
	if (status_text != NULL &&
	    (int)utf8_width(status_text) + 8 + rw >= p->w) {
		free(right);
		right = xstrdup("");
		rw = 0;
	}
	draw_clear_line(p->win, 0, A_NORMAL, 0);
	if (status_text != NULL) {
		if (status_level == STATUS_ERROR) {
			attr = A_BOLD | A_REVERSE;
			pair = draw_pair(app, PAIR_ERROR);
			x = draw_text(p->win, 0, 0, _("Error:"), -1, attr, pair);
			x += draw_text(p->win, 0, x, " ", 1, A_NORMAL, 0);
		} else if (status_level == STATUS_WARN) {
			attr = A_BOLD;
			pair = draw_pair(app, PAIR_WARN);
		}
		status_fit(p, x, rw, attr, pair);
	}
	draw_text(p->win, 0, p->w - rw > 0 ? p->w - rw : 0, right, -1,
	    A_NORMAL, 0);
	free(right);
}

const struct pane_ops pane_status_ops = {
	.name = "status",
	.context = KEYMAP_GLOBAL,
	.draw = status_draw,
};
