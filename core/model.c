/* SPDX-License-Identifier: ISC */
/*
 * The live model (model.h): two passes over the structural events at
 * load (the corrections first, then everything else as corrected), then
 * one event at a time.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fold.h"
#include "json.h"
#include "model.h"
#include "utf8.h"
#include "xmalloc.h"

static char *
jget(const char *payload, const char *key)
{
	char	 path[64];

	snprintf(path, sizeof path, "$.%s", key);
	return json_get(payload, path);
}

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
	if (b.s == NULL)
		buf_puts(&b, "");
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

/* --- the set of structural uuids ------------------------------------ */

static size_t
model_slot(const struct model *m, const char *uuid)
{
	uint32_t	 h = 2166136261u;	/* FNV-1a */
	const char	*p;

	for (p = uuid; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h & (m->nstructure - 1);
}

static int
model_structural(const struct model *m, const char *uuid)
{
	size_t	 i;

	if (m->nstructure == 0)
		return 0;
	for (i = model_slot(m, uuid); m->structure[i][0] != '\0';
	    i = (i + 1) & (m->nstructure - 1)) {
		if (strcmp(m->structure[i], uuid) == 0)
			return 1;
	}
	return 0;
}

static void
model_remember(struct model *m, const char *uuid)
{
	char	(*old)[LOG_UUID_LEN] = m->structure;
	size_t	 nold = m->nstructure, i, j;

	if (model_structural(m, uuid))
		return;
	if ((m->ustructure + 1) * 2 > m->nstructure) {
		m->nstructure = nold != 0 ? nold * 2 : 64;
		m->structure = xcalloc(m->nstructure, sizeof *m->structure);
		for (i = 0; i < nold; i++) {
			if (old[i][0] == '\0')
				continue;
			for (j = model_slot(m, old[i]); m->structure[j][0] !=
			    '\0'; j = (j + 1) & (m->nstructure - 1))
				;
			memcpy(m->structure[j], old[i], LOG_UUID_LEN);
		}
		free(old);
	}
	for (i = model_slot(m, uuid); m->structure[i][0] != '\0';
	    i = (i + 1) & (m->nstructure - 1))
		;
	snprintf(m->structure[i], LOG_UUID_LEN, "%s", uuid);
	m->ustructure++;
}

/* --- folding one structural event ----------------------------------- */

static void
model_add_speaker(struct model *m, int64_t seq, const char *data)
{
	struct speaker	*s;
	char		*name, *role, *key, *t;
	struct buf	 b;
	int		 latin;

	m->spk = xreallocarray(m->spk, m->nspk + 1, sizeof *m->spk);
	s = &m->spk[m->nspk++];
	memset(s, 0, sizeof *s);
	s->seq = seq;
	s->id = jget(data, "id");
	if (s->id == NULL)
		s->id = xstrdup("");
	/* On one line, as the fold has them (utf8_one_line). */
	name = utf8_one_line(jget(data, "name"));
	s->name = name != NULL ? name : xstrdup(s->id);
	s->reading = jget(data, "reading");
	s->role = utf8_one_line(jget(data, "role"));
	s->kind = jget(data, "kind");
	if (s->kind == NULL)
		s->kind = xstrdup("member");
	s->data = xstrdup(data);
	role = s->role;
	if (role == NULL || *role == '\0' || strcmp(s->kind, "group") == 0)
		s->label = utf8_sanitize(s->name, 0);
	else {
		/*
		 * 伊藤委員 and 総務課長（加藤） in Japanese; a name and a
		 * role in Latin letters are not run together: Hale (Chair),
		 * Harbour Master (Patel).
		 */
		latin = *s->name != '\0' && (unsigned char)s->name[strlen(
		    s->name) - 1] < 0x80 && (unsigned char)*role < 0x80;
		if (strcmp(s->kind, "staff") == 0 ||
		    strcmp(s->kind, "observer") == 0)
			t = xasprintf(latin ? "%s (%s)" : "%s（%s）", role,
			    s->name);
		else if (latin)
			t = xasprintf("%s (%s)", s->name, role);
		else
			t = xasprintf("%s%s", s->name, role);
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

static void
model_agenda_state(struct model *m, int i, enum item_st st, int64_t seq)
{
	struct agenda_item	*it = &m->items[i];

	it->state = st;
	if (st == IT_OPEN) {
		it->open_seq = seq;
		it->close_seq = 0;
	} else
		it->close_seq = seq;
}

static int
model_item_closed(const char *data)
{
	return json_not_true(data, "public");	/* as the fold reads it */
}

static void
model_agenda(struct model *m, const struct event *ev, const char *data)
{
	struct agenda_item	*it;
	char			*id;
	size_t			 k;
	int			 i, j;

	switch (ev->etype) {
	case EV_AGENDA_ADD:
		m->items = xreallocarray(m->items, m->nitems + 1,
		    sizeof *m->items);
		it = &m->items[m->nitems++];
		memset(it, 0, sizeof *it);
		it->seq = ev->seq;
		if ((it->id = jget(data, "id")) == NULL)
			it->id = xstrdup("");
		if ((it->title = jget(data, "title")) == NULL)
			it->title = xstrdup("");
		it->label = jget(data, "label");
		it->kind = jget(data, "kind");
		it->data = xstrdup(data);
		/* The minutes keep it closed as first written (fold.c). */
		it->closed = model_item_closed(data) ||
		    model_item_closed(ev->payload);
		return;
	case EV_AGENDA_ORDER:
		if ((id = jget(data, "items")) != NULL)
			model_order(m, id);
		free(id);
		return;
	default:
		break;
	}
	id = jget(data, "item");
	i = model_item(m, id);
	free(id);
	if (i < 0)
		return;
	it = &m->items[i];
	if (ev->etype == EV_AGENDA_OPEN) {
		json_list_free(it->joint, it->njoint);
		id = jget(data, "joint");
		it->joint = id != NULL ? json_list(id, &it->njoint) : NULL;
		if (id == NULL)
			it->njoint = 0;
		free(id);
		model_agenda_state(m, i, IT_OPEN, ev->seq);
		m->open_item = i;
	} else {
		model_agenda_state(m, i, IT_CLOSED, ev->seq);
		if (m->open_item == i)
			m->open_item = -1;
	}
	/* Items opened together open and close together (as the fold). */
	for (k = 0; k < m->items[i].njoint; k++) {
		if ((j = model_item(m, m->items[i].joint[k])) >= 0 && j != i)
			model_agenda_state(m, j, m->items[i].state, ev->seq);
	}
}

/*
 * An attendance: the member's last status, as the fold takes it (a
 * status the vocabulary does not know changes nothing).
 */
static void
model_attendance(struct model *m, const char *data)
{
	char	*id, *status;
	int	 i;

	id = jget(data, "member");
	i = model_speaker(m, id);
	free(id);
	if (i < 0 || (status = jget(data, "status")) == NULL)
		return;
	if (event_status_present(status) == -1) {
		free(status);
		return;
	}
	free(m->spk[i].att);
	m->spk[i].att = status;
	free(m->spk[i].att_note);
	m->spk[i].att_note = jget(data, "note");
	free(m->spk[i].att_holder);
	m->spk[i].att_holder = jget(data, "holder");
}

/* Fold one structural event (corrected data); non-zero when it was one. */
static int
model_fold(struct model *m, const struct event *ev, const char *data)
{
	char	*s;

	switch (ev->etype) {
	case EV_MEMBER_ADD:
		model_add_speaker(m, ev->seq, data);
		break;
	case EV_ATTENDANCE:
		model_attendance(m, data);
		break;
	case EV_AGENDA_ADD:
	case EV_AGENDA_OPEN:
	case EV_AGENDA_CLOSE:
	case EV_AGENDA_ORDER:
		model_agenda(m, ev, data);
		break;
	case EV_META_SET:
		if ((s = jget(data, "title")) != NULL) {
			free(m->title);
			m->title = utf8_sanitize(s, 0);
			free(s);
		}
		if ((s = jget(data, "tz")) != NULL) {
			free(m->tz);
			m->tz = s;
		}
		if ((s = jget(data, "lang")) != NULL) {
			free(m->lang);
			m->lang = s;
		}
		break;
	case EV_MEETING_OPEN:
		m->open_ts = ev->ts;
		m->close_ts = 0;
		break;
	case EV_MEETING_CLOSE:
		m->close_ts = ev->ts;
		break;
	case EV_RECESS:
		m->recess = 1;
		break;
	case EV_RESUME:
		m->recess = 0;
		break;
	case EV_VOTE_CALL:
		break;		/* the vote pane reads votes itself */
	default:
		return 0;
	}
	model_remember(m, ev->uuid);
	return 1;
}

/* --- loading and following ------------------------------------------ */

static int
model_load_corr(const struct event *ev, void *arg)
{
	struct model	*m = arg;

	if (ev->seq <= m->last_seq)
		corrections_add_event(m->corr, ev, NULL, NULL);
	return 0;
}

static int
model_load_rest(const struct event *ev, void *arg)
{
	struct model	*m = arg;
	char		*data;
	unsigned	 flags;

	if (ev->etype == EV_AMEND || ev->etype == EV_RETRACT ||
	    ev->etype == EV_REDACT || ev->seq > m->last_seq)
		return 0;
	flags = corrections_apply(m->corr, ev->uuid, ev->seq, ev->payload,
	    &data, NULL, NULL, NULL);
	if (flags & CORR_RETRACTED)
		model_remember(m, ev->uuid);	/* a retract may be undone */
	else
		model_fold(m, ev, data != NULL ? data : ev->payload);
	free(data);
	return 0;
}

int
model_load(struct model *m, struct log_query *q, int64_t last_seq,
    char **cause)
{
	memset(m, 0, sizeof *m);
	m->open_item = -1;
	m->tz = xstrdup(CLOCK_DEFAULT_TZ);
	m->corr = corrections_new();
	m->last_seq = last_seq;
	corrections_defer(m->corr);
	if (log_query_structure(q, 0, model_load_corr, m, cause) != 0) {
		model_free(m);
		return -1;
	}
	corrections_settle(m->corr);
	if (log_query_structure(q, 0, model_load_rest, m, cause) != 0) {
		model_free(m);
		return -1;
	}
	return 0;
}

struct model_changed {
	struct model	*m;
	int		 structural;
};

static void
model_changed_cb(const char *uuid, void *arg)
{
	struct model_changed	*c = arg;

	if (model_structural(c->m, uuid))
		c->structural = 1;
}

int
model_apply(struct model *m, struct log_query *q, const struct event *ev,
    char **cause)
{
	struct model_changed	 c = { m, 0 };
	int64_t			 last;

	if (ev->seq > m->last_seq)
		m->last_seq = ev->seq;
	if (ev->etype != EV_AMEND && ev->etype != EV_RETRACT &&
	    ev->etype != EV_REDACT)
		return model_fold(m, ev, ev->payload) ? MODEL_CHANGED :
		    MODEL_NONE;
	corrections_add_event(m->corr, ev, model_changed_cb, &c);
	if (!c.structural)
		return MODEL_CHANGED;
	last = m->last_seq;
	model_free(m);
	if (model_load(m, q, last, cause) != 0)
		return -1;
	return MODEL_RELOADED;
}

unsigned
model_corrected(const struct model *m, const struct event *ev, char **data,
    const char **reason)
{
	return corrections_apply(m->corr, ev->uuid, ev->seq, ev->payload,
	    data, reason, NULL, NULL);
}

void
model_range(const struct model *m, int item, int64_t *lo, int64_t *hi)
{
	const struct agenda_item	*it;

	if (item < 0 || (size_t)item >= m->nitems) {
		*lo = 1;
		*hi = -1;
		return;
	}
	it = &m->items[item];
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
		free(m->spk[i].data);
		free(m->spk[i].att);
		free(m->spk[i].att_note);
		free(m->spk[i].att_holder);
	}
	free(m->spk);
	for (i = 0; i < m->nitems; i++) {
		free(m->items[i].id);
		free(m->items[i].title);
		free(m->items[i].label);
		free(m->items[i].kind);
		free(m->items[i].data);
		json_list_free(m->items[i].joint, m->items[i].njoint);
	}
	free(m->items);
	corrections_free(&m->corr);
	free(m->structure);
	free(m->title);
	free(m->tz);
	free(m->lang);
	memset(m, 0, sizeof *m);
	m->open_item = -1;
}
