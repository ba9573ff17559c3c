/* SPDX-License-Identifier: ISC */
/*
 * The setup screen: the roster and the agenda as the meeting file has
 * them, every field the minutes use, and a form that asks them one after
 * the other in the input line. A new member or item is recorded as
 * member.add or agenda.add; a change to one as an amend of its add event
 * with the fields that changed (giji-events(5): the log is never
 * rewritten). An id is how every event names a member or an item, so an
 * edit keeps it; an amend replaces fields but cannot remove one, so
 * emptying a field that has a value is refused. What the log refuses
 * (an unknown kind) is said on the status line and the form starts again
 * with every answer kept, to be corrected. t asks the meeting's own
 * fields (title, date, seats …) as the meta.sets so far make them, and
 * records those changed as one meta.set. An overlay; the form closes it
 * while it asks, and brings it back once recorded.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "json.h"
#include "xmalloc.h"

enum { SF_TEXT, SF_LIST, SF_BOOL, SF_INT, SF_INT_OR_TEXT };
enum { FORM_MEMBER, FORM_ITEM, FORM_MEETING };

struct setup_field {
	const char	*key;
	const char	*what;		/* N_() */
	int		 type;		/* SF_TEXT, SF_LIST (a;b;c), SF_BOOL */
	int		 required;
};

static const struct setup_field setup_member[] = {
	{ "id", N_("id, how events name the member"), 0, 1 },
	{ "name", N_("name"), 0, 1 },
	{ "full_name", N_("full name, for the signatures"), 0, 0 },
	{ "reading", N_("reading"), 0, 0 },
	{ "role", N_("role"), 0, 0 },
	{ "kind", N_("kind: member, chair, vice, presiding, staff, group, "
	    "observer"), 0, 0 },
	{ "seat", N_("seat number"), 0, 0 },
	{ "org", N_("organisation or department"), 0, 0 },
	{ "side", N_("side: secretariat or implementing (staff)"), 0, 0 },
	{ "agenda", N_("items, separated by ;"), SF_LIST, 0 },
};
static const struct setup_field setup_item[] = {
	{ "id", N_("id, how events name the item"), 0, 1 },
	{ "title", N_("title"), 0, 1 },
	{ "kind", N_("kind"), 0, 0 },
	{ "label", N_("label"), 0, 0 },
	{ "dept", N_("department"), 0, 0 },
	{ "dept_short", N_("department, short"), 0, 0 },
	{ "section", N_("section heading"), 0, 0 },
	{ "public", N_("public: yes, or no for a closed session"), SF_BOOL,
	    0 },
};
/* The meeting's own fields (meta.set), the ones a clerk sets up front. */
static const struct setup_field setup_meeting[] = {
	{ "title", N_("meeting name as printed"), 0, 0 },
	{ "body", N_("the council or committee"), 0, 0 },
	{ "session", N_("the session it belongs to"), 0, 0 },
	{ "date", N_("date, YYYY-MM-DD"), 0, 0 },
	{ "place", N_("where it is held"), 0, 0 },
	{ "seats", N_("seats: the members of the body"), SF_INT, 0 },
	{ "quorum", N_("quorum: a number, or majority"), SF_INT_OR_TEXT, 0 },
	{ "lang", N_("language of the minutes: ja or en"), 0, 0 },
	{ "style", N_("house style of the minutes (giji styles lists them)"),
	    0, 0 },
	{ "tz", N_("time zone, an IANA name (Asia/Tokyo)"), 0, 0 },
};
#define SETUP_MAXF	10

struct setup_form {
	int		 item;		/* 0: a member, 1: an item */
	int64_t		 seq;		/* the add event edited, 0: new */
	size_t		 field;
	char		*orig[SETUP_MAXF];
	char		*vals[SETUP_MAXF];
};

struct pane_setup {
	size_t			 sel;
	size_t			 top;
	struct setup_form	*form;
};

static const struct setup_field *
setup_fields(int item, size_t *n)
{
	if (item == FORM_MEETING) {
		*n = sizeof setup_meeting / sizeof setup_meeting[0];
		return setup_meeting;
	}
	*n = item ? sizeof setup_item / sizeof setup_item[0] :
	    sizeof setup_member / sizeof setup_member[0];
	return item ? setup_item : setup_member;
}

static void
setup_form_free(struct pane_setup *d)
{
	size_t	 i;

	if (d->form == NULL)
		return;
	for (i = 0; i < SETUP_MAXF; i++) {
		free(d->form->orig[i]);
		free(d->form->vals[i]);
	}
	free(d->form);
	d->form = NULL;
}

static void
pane_setup_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof (struct pane_setup));
}

static void
pane_setup_free(struct pane *p)
{
	setup_form_free(p->data);
	free(p->data);
	p->data = NULL;
}

static struct pane_setup *
setup_data(struct app *app)
{
	return app->panes[PANE_SETUP].data;
}

void
pane_setup_open(struct app *app)
{
	struct pane_setup	*d = setup_data(app);

	if (d->sel >= app->m.nspk + app->m.nitems)
		d->sel = 0;
	app->overlay = PANE_SETUP;
	app_dirty(app, PANE_SETUP);
}

/* A field's value in an add event's data, a list joined with ';'. */
static char *
setup_value(const char *data, const struct setup_field *f)
{
	char	 path[64], *v, **l;
	size_t	 n, i;
	int	 yes;
	struct buf b;

	if (data == NULL)
		return NULL;
	snprintf(path, sizeof path, "$.%s", f->key);
	if ((v = json_get(data, path)) == NULL || f->type == SF_TEXT)
		return v;
	if (f->type == SF_BOOL) {
		yes = strcmp(v, "1") == 0;	/* json_extract of true */
		free(v);
		return xstrdup(yes ? "yes" : "no");
	}
	if ((l = json_list(v, &n)) == NULL)
		return v;
	free(v);
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? ";" : "", l[i]);
	json_list_free(l, n);
	return buf_detach(&b);
}

/* A list typed a;b;c as a JSON array. */
static char *
setup_list(const char *s)
{
	struct buf	 b;
	const char	*p, *e;
	char		*one, *q;
	int		 first = 1;

	buf_init(&b);
	buf_puts(&b, "[");
	for (p = s; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		if ((e = strchr(p, ';')) == NULL)
			e = p + strlen(p);
		while (p < e && *p == ' ')
			p++;
		if (p == e)
			continue;
		if (!first)
			buf_puts(&b, ",");
		first = 0;
		one = xstrndup(p, (size_t)(e - p));
		q = json_quote_str(one);	/* a " or \ typed stays text */
		buf_puts(&b, q);
		free(q);
		free(one);
	}
	buf_puts(&b, "]");
	return buf_detach(&b);
}

static char *
setup_set(char *obj, const struct setup_field *f, const char *v)
{
	char	*s, *l;

	if (f->type == SF_LIST) {
		l = setup_list(v);
		s = json_set_raw(obj, f->key, l);
		free(l);
	} else if (f->type == SF_BOOL && (strcasecmp(v, "yes") == 0 ||
	    strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0))
		s = json_set_bool(obj, f->key, 1);
	else if (f->type == SF_BOOL && (strcasecmp(v, "no") == 0 ||
	    strcasecmp(v, "false") == 0 || strcmp(v, "0") == 0))
		s = json_set_bool(obj, f->key, 0);
	else if ((f->type == SF_INT || f->type == SF_INT_OR_TEXT) &&
	    *v != '\0' && strspn(v, "0123456789") == strlen(v) &&
	    strlen(v) < 10)
		s = json_set_raw(obj, f->key, v);	/* a count */
	else	/* a bad yes/no is refused by the vocabulary, named */
		s = json_set_str(obj, f->key, v);
	free(obj);
	return s;
}

static enum action_result setup_cb(struct app *, const char *, void *);

static enum action_result
setup_ask(struct app *app)
{
	struct setup_form		*fm = setup_data(app)->form;
	const struct setup_field	*f;
	enum action_result		 r;
	size_t				 n;
	char				*title;

	f = setup_fields(fm->item, &n);
	if (fm->item == FORM_MEETING) {
		title = xasprintf(_("The meeting — %s (%zu of %zu), then "
		    "Enter (empty: as it is); Escape drops the changes"),
		    _(f[fm->field].what), fm->field + 1, n);
		goto ask;
	}
	title = xasprintf(fm->seq != 0 ? (fm->item ? _("Item %s — %s "
	    "(%zu of %zu), then Enter; Escape drops the changes") : _("Member "
	    "%s — %s (%zu of %zu), then Enter; Escape drops the changes")) :
	    (fm->item ? _("New item%s — %s (%zu of %zu), then Enter (empty: "
	    "none); Escape drops it") : _("New member%s — %s (%zu of %zu), "
	    "then Enter (empty: none); Escape drops it")), fm->seq != 0 ?
	    fm->orig[0] : "", _(f[fm->field].what), fm->field + 1, n);
ask:
	app->overlay = -1;
	r = prompt_open(app, title, fm->vals[fm->field] != NULL ?
	    fm->vals[fm->field] : fm->orig[fm->field], setup_cb, NULL, NULL);
	app->prompt.back = PANE_SETUP + 1;	/* Escape: the screen again */
	free(title);
	/* The setup screen is put away: the panes under it drawn again. */
	return r == ACTION_REDRAW ? ACTION_REDRAW_ALL : r;
}

static enum action_result
setup_record(struct app *app)
{
	struct pane_setup		*d = setup_data(app);
	struct setup_form		*fm = d->form;
	const struct setup_field	*f;
	struct event			 ev, add;
	const char			*o, *v;
	char				*obj, *s;
	size_t				 n, i;
	int				 rc, changed = 0;

	f = setup_fields(fm->item, &n);
	obj = xstrdup("{}");
	for (i = 0; i < n; i++) {
		v = fm->vals[i] != NULL ? fm->vals[i] : "";
		o = fm->orig[i] != NULL ? fm->orig[i] : "";
		/* The meeting: what changed, set; empty keeps it. */
		if (fm->item == FORM_MEETING) {
			if (*v != '\0' && strcmp(v, o) != 0) {
				obj = setup_set(obj, &f[i], v);
				changed = 1;
			}
			continue;
		}
		if (fm->seq == 0) {
			if (*v != '\0')
				obj = setup_set(obj, &f[i], v);
			continue;
		}
		if (strcmp(v, o) == 0)
			continue;
		if (*v == '\0') {
			status_message(app, STATUS_WARN, _("%s: a field cannot "
			    "be removed by a correction; give it a value"),
			    f[i].key);
			free(obj);
			return ACTION_ERROR;
		}
		obj = setup_set(obj, &f[i], v);
		changed = 1;
	}
	if ((fm->seq != 0 || fm->item == FORM_MEETING) && !changed) {
		free(obj);
		status_message(app, STATUS_INFO, _("Nothing changed"));
		setup_form_free(d);
		app->overlay = PANE_SETUP;
		return ACTION_REDRAW_ALL;
	}
	if (fm->item == FORM_MEETING)
		rc = app_append(app, "meta.set", obj, &ev);
	else if (fm->seq == 0)
		rc = app_append(app, fm->item ? "agenda.add" : "member.add",
		    obj, &ev);
	else {
		memset(&add, 0, sizeof add);
		if (log_get(app->log, fm->seq, &add) != 0) {
			status_message(app, STATUS_ERROR, _("Cannot read #%lld "
			    "to correct it"), (long long)fm->seq);
			free(obj);
			return ACTION_ERROR;
		}
		s = json_set_str("{}", "target", add.uuid);
		event_clear(&add);
		v = s;
		s = json_set_raw(v, "data", obj);
		free((char *)v);
		free(obj);
		obj = s;
		rc = app_append(app, "amend", obj, &ev);
	}
	free(obj);
	if (rc != 0) {
		/*
		 * The status line says why (the field and the value): the
		 * form starts again with every answer kept, Enter going
		 * through them to the one to correct.
		 */
		fm->field = fm->seq != 0 && fm->item != FORM_MEETING ? 1 : 0;
		return setup_ask(app);
	}
	if (fm->item == FORM_MEETING)
		status_message(app, STATUS_INFO, _("Recorded: #%lld the "
		    "meeting's fields"), (long long)ev.seq);
	else
		status_message(app, STATUS_INFO, fm->seq != 0 ?
		    _("Corrected: #%lld %s") : _("Recorded: #%lld %s"),
		    (long long)ev.seq, fm->vals[0] != NULL ? fm->vals[0] :
		    fm->orig[0]);
	event_clear(&ev);
	setup_form_free(d);
	app->overlay = PANE_SETUP;
	app_dirty(app, PANE_SETUP);
	return ACTION_REDRAW_ALL;
}

static enum action_result
setup_cb(struct app *app, const char *text, void *data)
{
	struct setup_form		*fm = setup_data(app)->form;
	const struct setup_field	*f;
	size_t				 n;

	(void)data;
	if (fm == NULL)
		return ACTION_NONE;
	f = setup_fields(fm->item, &n);
	if (f[fm->field].required && *text == '\0') {
		status_message(app, STATUS_WARN, _("%s is needed (Escape drops "
		    "the form)"), f[fm->field].key);
		return ACTION_ERROR;
	}
	if (fm->field == 0 && fm->seq == 0 && fm->item != FORM_MEETING &&
	    (fm->item ? model_item(&app->m,
	    text) >= 0 : model_speaker(&app->m, text) >= 0)) {
		status_message(app, STATUS_WARN, _("%s is taken: choose another "
		    "id"), text);
		return ACTION_ERROR;
	}
	free(fm->vals[fm->field]);
	fm->vals[fm->field] = xstrdup(text);
	if (fm->field + 1 < n) {
		fm->field++;
		return setup_ask(app);
	}
	return setup_record(app);
}

static enum action_result setup_form_start(struct app *, int, int64_t,
		    const char *);

/* The meeting's fields as the meta.sets so far make them, corrected. */
struct setup_meta {
	struct app	*app;
	char		*obj;
};

static int
setup_meta_cb(const struct event *ev, void *arg)
{
	struct setup_meta	*sm = arg;
	char			*data = NULL, *merged;
	unsigned		 fl;

	fl = model_corrected(&sm->app->m, ev, &data, NULL);
	if (!(fl & CORR_RETRACTED)) {
		merged = json_merge(sm->obj, data != NULL ? data : ev->payload);
		free(sm->obj);
		sm->obj = merged;
	}
	free(data);
	return 0;
}

static enum action_result
setup_meeting_start(struct app *app)
{
	struct setup_meta	 sm;
	enum action_result	 r;
	char			*cause = NULL;

	sm.app = app;
	sm.obj = xstrdup("{}");
	if (log_foreach(app->log, 1, -1, "meta.set", setup_meta_cb, &sm,
	    &cause) != 0) {
		status_message(app, STATUS_ERROR, "%s", cause);
		free(cause);
		free(sm.obj);
		return ACTION_ERROR;
	}
	r = setup_form_start(app, FORM_MEETING, 1, sm.obj);
	free(sm.obj);
	return r;
}

/* The form for a new member or item (seq 0), or to edit one. */
static enum action_result
setup_form_start(struct app *app, int item, int64_t seq, const char *data)
{
	struct pane_setup		*d = setup_data(app);
	const struct setup_field	*f;
	size_t				 n, i;

	setup_form_free(d);
	d->form = xcalloc(1, sizeof *d->form);
	d->form->item = item;
	d->form->seq = seq;
	f = setup_fields(item, &n);
	for (i = 0; i < n; i++)
		d->form->orig[i] = setup_value(data, &f[i]);
	if (seq != 0 && item != FORM_MEETING) {
		d->form->vals[0] = d->form->orig[0] != NULL ?
		    xstrdup(d->form->orig[0]) : NULL;
		d->form->field = 1;	/* the id stays */
	}
	return setup_ask(app);
}

static void
pane_setup_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct pane_setup	*d = p->data;
	const struct speaker	*s;
	const struct agenda_item *it;
	char			*line, *seat;
	size_t			 i, nrows = app->m.nspk + app->m.nitems;
	int			 row, rows = p->h - 5;
	attr_t			 attr;

	werase(p->win);
	pane_title(p, _("Setup — t the meeting  m new member  i new item  "
	    "Enter edits  Up/Down  Escape"));
	if (rows < 1)
		rows = 1;
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + (size_t)rows)
		d->top = d->sel - rows + 1;
	row = 1;
	for (i = d->top; row < p->h - 1 && i < nrows; i++) {
		if (i == 0 || i == app->m.nspk) {
			draw_text(p->win, row++, 1, i < app->m.nspk || (i == 0 &&
			    app->m.nspk > 0) ? _("Roster") : _("Agenda"),
			    p->w - 2, A_BOLD, 0);
			if (row >= p->h - 1)
				break;
		}
		attr = i == d->sel ? A_REVERSE : A_NORMAL;
		if (i == d->sel)
			draw_clear_line(p->win, row, attr, 0);
		if (i < app->m.nspk) {
			s = &app->m.spk[i];
			seat = s->data != NULL ? json_get(s->data, "$.seat") :
			    NULL;
			line = xasprintf("  %-12s %s  %s%s%s", s->id, s->label,
			    s->kind, seat != NULL ? "  #" : "", seat != NULL ?
			    seat : "");
			free(seat);
		} else {
			it = &app->m.items[i - app->m.nspk];
			line = xasprintf("  %-12s %s%s%s", it->id, it->title,
			    it->kind != NULL ? "  " : "", it->kind != NULL ?
			    it->kind : "");
		}
		draw_text(p->win, row++, 1, line, p->w - 2, attr, 0);
		free(line);
	}
	if (nrows == 0)
		draw_text(p->win, 1, 1, _("(no roster and no agenda yet: m adds "
		    "a member, i an item)"), p->w - 2, A_NORMAL, 0);
	draw_frame(p->win, p->h, p->w);
}

static int
pane_setup_update(struct pane *p, const struct event *ev)
{
	switch (ev->etype) {
	case EV_MEMBER_ADD:
	case EV_AGENDA_ADD:
	case EV_AGENDA_ORDER:
	case EV_AMEND:
	case EV_RETRACT:
		return p->app->overlay == PANE_SETUP;
	default:
		return 0;
	}
}

static enum action_result
pane_setup_key(struct pane *p, key_code key)
{
	struct app		*app = p->app;
	struct pane_setup	*d = p->data;
	size_t			 nrows = app->m.nspk + app->m.nitems;

	switch (key & ~KEYC_PASTED) {
	case 'm':
		return setup_form_start(app, 0, 0, NULL);
	case 'i':
		return setup_form_start(app, 1, 0, NULL);
	case 't':
		return setup_meeting_start(app);
	case KEYC_ENTER:
	case 'e':
		if (d->sel < app->m.nspk)
			return setup_form_start(app, 0, app->m.spk[d->sel].seq,
			    app->m.spk[d->sel].data);
		if (d->sel < nrows)
			return setup_form_start(app, 1,
			    app->m.items[d->sel - app->m.nspk].seq,
			    app->m.items[d->sel - app->m.nspk].data);
		return ACTION_NONE;
	case KEYC_UP:
	case 'k':
		if (d->sel > 0)
			d->sel--;
		break;
	case KEYC_DOWN:
	case 'j':
		if (d->sel + 1 < nrows)
			d->sel++;
		break;
	case KEYC_ESCAPE:
	case KEYC_CTRL | 'g':
	case 'q':
		app->overlay = -1;
		return ACTION_REDRAW_ALL;
	default:
		status_message(app, STATUS_WARN, _("%s: t the meeting (title, "
		    "date, seats …), m new member, i new item, Enter edits the "
		    "selected one (Escape closes)"),
		    key_string_lookup_key(key));
		return ACTION_REDRAW;
	}
	app_dirty(app, PANE_SETUP);
	return ACTION_REDRAW;
}

const struct pane_ops pane_setup_ops = {
	.name = "setup",
	.context = KEYMAP_GLOBAL,
	.init = pane_setup_init,
	.free = pane_setup_free,
	.update = pane_setup_update,
	.draw = pane_setup_draw,
	.key = pane_setup_key,
};
