/*
 * The live model: the roster, the agenda with each item's state and seq
 * range, the corrections (amend, retract, redact by target uuid) and the
 * meeting state, folded from structural events only (log-query.c reads
 * them through the type index). Proceedings stay in SQLite and are paged
 * by the log pane, so memory does not grow with the meeting.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fold.h"
#include "json.h"
#include "utf8.h"
#include "xmalloc.h"

static char *
jget(const char *payload, const char *key)
{
	char	 path[64];

	snprintf(path, sizeof path, "$.%s", key);
	return json_get(payload, path);
}

/* Lower-case ASCII and katakana folded to hiragana, for search. */
char *
model_match_key(const char *s)
{
	struct buf	 b;
	uint32_t	 cp;
	size_t		 off = 0, n;
	char		 tmp[4];

	buf_init(&b);
	n = s != NULL ? strlen(s) : 0;
	while (off < n) {
		off += utf8_decode(s + off, n - off, &cp);
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0x30a1 && cp <= 0x30f6)
			cp -= 0x60;
		buf_add(&b, tmp, utf8_encode(cp, tmp));
	}
	return buf_detach(&b);
}

int
model_speaker(const struct model *m, const char *id)
{
	size_t	 i;

	if (id == NULL)
		return -1;
	for (i = 0; i < m->nspk; i++) {
		if (strcmp(m->spk[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

const char *
model_speaker_label(const struct model *m, const char *id)
{
	int	 i = model_speaker(m, id);

	return i >= 0 ? m->spk[i].label : id;
}

int
model_item(const struct model *m, const char *id)
{
	size_t	 i;

	if (id == NULL)
		return -1;
	for (i = 0; i < m->nitems; i++) {
		if (strcmp(m->items[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

static int
model_corr_index(const struct model *m, const char *uuid, int *found)
{
	size_t	 lo = 0, hi = m->ncorr, mid;
	int	 c;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(uuid, m->corr[mid].uuid);
		if (c == 0) {
			*found = 1;
			return (int)mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (int)lo;
}

const struct correction *
model_correction(const struct model *m, const char *uuid)
{
	int	 i, found;

	if (m->ncorr == 0)
		return NULL;
	i = model_corr_index(m, uuid, &found);
	return found ? &m->corr[i] : NULL;
}

static void
model_correct(struct model *m, const char *type, const char *payload)
{
	struct correction	*c;
	char			*target, *data;
	int			 i, found;

	if ((target = jget(payload, "target")) == NULL)
		return;
	i = model_corr_index(m, target, &found);
	if (!found) {
		m->corr = xreallocarray(m->corr, m->ncorr + 1, sizeof *m->corr);
		memmove(m->corr + i + 1, m->corr + i,
		    (m->ncorr - i) * sizeof *m->corr);
		m->ncorr++;
		c = &m->corr[i];
		memset(c, 0, sizeof *c);
		snprintf(c->uuid, sizeof c->uuid, "%s", target);
	} else
		c = &m->corr[i];
	free(target);
	if (strcmp(type, "retract") == 0)
		c->flags |= CORR_RETRACTED;
	else if (strcmp(type, "redact") == 0)
		c->flags |= CORR_REDACTED;
	else if ((data = jget(payload, "data")) != NULL) {
		c->flags |= CORR_AMENDED;
		if (c->data != NULL) {
			char *merged = json_merge(c->data, data);
			free(c->data);
			free(data);
			c->data = merged;
		} else
			c->data = data;
	}
}

static void
model_add_speaker(struct model *m, const struct event *ev)
{
	struct speaker	*s;
	char		*kind, *name, *role, *key;
	struct buf	 b;

	m->spk = xreallocarray(m->spk, m->nspk + 1, sizeof *m->spk);
	s = &m->spk[m->nspk++];
	memset(s, 0, sizeof *s);
	s->seq = ev->seq;
	s->id = jget(ev->payload, "id");
	if (s->id == NULL)
		s->id = xstrdup("?");
	name = jget(ev->payload, "name");
	s->name = name != NULL ? name : xstrdup(s->id);
	s->reading = jget(ev->payload, "reading");
	s->role = jget(ev->payload, "role");
	kind = jget(ev->payload, "kind");
	s->kind = kind != NULL ? kind : xstrdup("member");
	role = s->role;
	if (role == NULL || strcmp(s->kind, "group") == 0)
		s->label = utf8_sanitize(s->name, 0);
	else if (strcmp(s->kind, "staff") == 0 ||
	    strcmp(s->kind, "observer") == 0) {
		char *t = xasprintf("%s（%s）", role, s->name);
		s->label = utf8_sanitize(t, 0);
		free(t);
	} else {
		char *t = xasprintf("%s%s", s->name, role);
		s->label = utf8_sanitize(t, 0);
		free(t);
	}
	buf_init(&b);
	buf_printf(&b, "%s %s %s %s", s->id, s->name,
	    s->reading != NULL ? s->reading : "", role != NULL ? role : "");
	key = buf_detach(&b);
	s->match = model_match_key(key);
	free(key);
}

static const char *
model_item_id(size_t i, const void *arg)
{
	return ((const struct model *)arg)->items[i].id;
}

/* agenda.order, by the fold's rule; the open item's index follows it. */
static void
model_order(struct model *m, const char *list)
{
	int	*map;

	if ((map = agenda_order_map(list, m->nitems, model_item_id, m)) == NULL)
		return;
	agenda_permute(m->items, m->nitems, sizeof *m->items, map);
	if (m->open_item >= 0)
		m->open_item = map[m->open_item];
	free(map);
}

static int
model_seq_cmp(const void *a, const void *b)
{
	const struct agenda_item	*x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A retracted agenda.order: back to the order of agenda.add, then every
 * order still standing, one after another. */
static void
model_reorder(struct model *m)
{
	char	*open = NULL;
	size_t	 i;

	if (m->open_item >= 0)
		open = xstrdup(m->items[m->open_item].id);
	qsort(m->items, m->nitems, sizeof *m->items, model_seq_cmp);
	m->open_item = model_item(m, open);
	free(open);
	for (i = 0; i < m->norders; i++) {
		if (!m->orders[i].retracted)
			model_order(m, m->orders[i].items);
	}
}

/* Returns non-zero when target was an agenda.order (now undone). */
static int
model_order_retract(struct model *m, const char *payload)
{
	char	*target;
	size_t	 i;
	int	 found = 0;

	if ((target = jget(payload, "target")) == NULL)
		return 0;
	for (i = 0; i < m->norders; i++) {
		if (strcmp(m->orders[i].uuid, target) == 0 &&
		    !m->orders[i].retracted) {
			m->orders[i].retracted = 1;
			found = 1;
		}
	}
	free(target);
	if (found)
		model_reorder(m);
	return found;
}

static void
model_agenda(struct model *m, const struct event *ev)
{
	struct agenda_item	*it;
	char			*id;
	int			 i;

	if (strcmp(ev->type, "agenda.add") == 0) {
		m->items = xreallocarray(m->items, m->nitems + 1,
		    sizeof *m->items);
		it = &m->items[m->nitems++];
		memset(it, 0, sizeof *it);
		it->seq = ev->seq;
		it->id = jget(ev->payload, "id");
		if (it->id == NULL)
			it->id = xstrdup("?");
		it->title = jget(ev->payload, "title");
		if (it->title == NULL)
			it->title = xstrdup(it->id);
		it->label = jget(ev->payload, "label");
		return;
	}
	if (strcmp(ev->type, "agenda.order") == 0) {
		struct agenda_order *o;

		m->orders = xreallocarray(m->orders, m->norders + 1,
		    sizeof *m->orders);
		o = &m->orders[m->norders++];
		memset(o, 0, sizeof *o);
		snprintf(o->uuid, sizeof o->uuid, "%s", ev->uuid);
		o->items = jget(ev->payload, "items");
		if (o->items == NULL)
			o->items = xstrdup("[]");
		model_order(m, o->items);
		return;
	}
	id = jget(ev->payload, "item");
	i = model_item(m, id);
	free(id);
	if (i < 0)
		return;
	it = &m->items[i];
	if (strcmp(ev->type, "agenda.open") == 0) {
		it->state = IT_OPEN;
		it->open_seq = ev->seq;
		it->close_seq = 0;
		m->open_item = i;
	} else {
		it->state = IT_CLOSED;
		it->close_seq = ev->seq;
		if (m->open_item == i)
			m->open_item = -1;
	}
}

/* Fold one event; returns non-zero when the model changed. */
static int
model_apply(struct model *m, const struct event *ev)
{
	const char	*t = ev->type;
	char		*s;

	if (ev->seq > m->last_seq)
		m->last_seq = ev->seq;
	if (strcmp(t, "member.add") == 0)
		model_add_speaker(m, ev);
	else if (strncmp(t, "agenda.", 7) == 0)
		model_agenda(m, ev);
	else if (strcmp(t, "meta.set") == 0) {
		if ((s = jget(ev->payload, "title")) != NULL) {
			free(m->title);
			m->title = utf8_sanitize(s, 0);
			free(s);
		}
		if ((s = jget(ev->payload, "tz")) != NULL) {
			free(m->tz);
			m->tz = s;
		}
	} else if (strcmp(t, "meeting.open") == 0) {
		m->open_ts = ev->ts;
		m->close_ts = 0;
	} else if (strcmp(t, "meeting.close") == 0)
		m->close_ts = ev->ts;
	else if (strcmp(t, "recess") == 0)
		m->recess = 1;
	else if (strcmp(t, "resume") == 0)
		m->recess = 0;
	else if (strcmp(t, "amend") == 0 || strcmp(t, "retract") == 0 ||
	    strcmp(t, "redact") == 0) {
		model_correct(m, t, ev->payload);
		if (strcmp(t, "retract") == 0)
			model_order_retract(m, ev->payload);
	}
	else if (strcmp(t, "vote.call") == 0)
		m->nvotes++;
	else
		return 0;
	return 1;
}

static int
model_load_cb(const struct event *ev, void *arg)
{
	model_apply(arg, ev);
	return 0;
}

int
model_load(struct app *app, char **cause)
{
	struct model	*m = &app->m;

	memset(m, 0, sizeof *m);
	m->open_item = -1;
	m->tz = xstrdup("Asia/Tokyo");
	if (log_query_structure(app->q, 0, model_load_cb, m, cause) != 0)
		return -1;
	m->last_seq = log_last_seq(app->log);
	app->data_version = log_data_version(app->log);
	return 0;
}

static int
model_poll_cb(const struct event *ev, void *arg)
{
	struct app	*app = arg;
	int		 i, open_before = app->m.open_item;
	char		*sel = NULL;

	/* A reordered agenda keeps the same item selected. */
	if ((strcmp(ev->type, "agenda.order") == 0 ||
	    strcmp(ev->type, "retract") == 0) && app->sel_item >= 0 &&
	    (size_t)app->sel_item < app->m.nitems)
		sel = xstrdup(app->m.items[app->sel_item].id);
	model_apply(&app->m, ev);
	if (sel != NULL)
		app->sel_item = model_item(&app->m, sel);
	free(sel);
	if (app->m.open_item != open_before && app->m.open_item >= 0 &&
	    strcmp(ev->type, "agenda.open") == 0) {
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

/* Fold events appended since the last look (by us or another terminal). */
void
model_poll(struct app *app)
{
	char	*cause = NULL;

	if (log_last_seq(app->log) <= app->m.last_seq)
		return;
	if (log_foreach(app->log, app->m.last_seq + 1, -1, NULL, model_poll_cb,
	    app, &cause) != 0) {
		status_message(app, STATUS_ERROR, "%s", cause);
		free(cause);
	}
}

void
model_range(const struct app *app, int item, int64_t *lo, int64_t *hi)
{
	const struct agenda_item	*it;

	if (item < 0 || (size_t)item >= app->m.nitems) {
		*lo = 1;
		*hi = -1;
		return;
	}
	it = &app->m.items[item];
	if (it->state == IT_PENDING) {
		*lo = 1;
		*hi = 0;
		return;
	}
	*lo = it->open_seq;
	*hi = it->state == IT_OPEN ? -1 : it->close_seq;
}

void
model_free(struct model *m)
{
	size_t	 i;

	for (i = 0; i < m->nspk; i++) {
		free(m->spk[i].id);
		free(m->spk[i].name);
		free(m->spk[i].reading);
		free(m->spk[i].role);
		free(m->spk[i].kind);
		free(m->spk[i].label);
		free(m->spk[i].match);
	}
	free(m->spk);
	for (i = 0; i < m->nitems; i++) {
		free(m->items[i].id);
		free(m->items[i].title);
		free(m->items[i].label);
	}
	free(m->items);
	for (i = 0; i < m->norders; i++)
		free(m->orders[i].items);
	free(m->orders);
	for (i = 0; i < m->ncorr; i++)
		free(m->corr[i].data);
	free(m->corr);
	free(m->title);
	free(m->tz);
	memset(m, 0, sizeof *m);
}
