/* SPDX-License-Identifier: ISC */
/*
 * The fold: one pass over the log builds a struct meeting. Corrections
 * (amend, retract, redact) are read first and applied to their targets as
 * the main pass reaches them, so every consumer sees the corrected record
 * while the appendix keeps what changed. The meeting owns all its strings.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "correct.h"
#include "event.h"
#include "fold.h"
#include "i18n.h"
#include "json.h"
#include "utf8.h"
#include "xmalloc.h"

#define SPEAKER_SLOTS	64
/* The last speeches folded, for the reactions that follow them. */
#define RECENT_SPEECHES	64

/* Speaker ids seen, by hash: most rows name one of a few members. */
struct speakers {
	struct {
		const char	*id;	/* the member's own id string */
		int		 index;
	}			 slot[SPEAKER_SLOTS];
};

struct fold {
	struct meeting		*m;
	struct log		*log;
	struct {
		char		 uuid[LOG_UUID_LEN];
		int64_t		 seq;
		unsigned	 flags;
	}			 recent[RECENT_SPEECHES];
	size_t			 nrecent;	/* speeches folded so far */
	struct speakers		 speakers;
	struct corrections	*corr;
	size_t			 cap_members, cap_items, cap_entries, cap_votes;
	size_t			 cap_decisions, cap_signers, cap_materials;
	size_t			 cap_reactions, cap_interests, cap_actions;
	size_t			 cap_amend;
	char			**orders;	/* agenda.order events, JSON lists */
	size_t			 norders;
	struct {
		char		*id;
		int		 item;
	}			*unresolved;	/* speakers not on the roster yet */
	size_t			 nunresolved;
	struct json_member	*meta;		/* every meta.set merged */
	size_t			 nmeta;
	char			**closed_ids;	/* ids an agenda.add ever
						   declared public: false */
	size_t			 nclosed_ids;
};

#define GROW(arr, n, cap) do {						\
	if ((n) == (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 16;				\
		(arr) = xreallocarray((arr), (cap), sizeof *(arr));	\
	}								\
} while (0)

/* Bounded copy of a C string into a fixed array (no printf on the hot path). */
static void
copy_str(char *dst, size_t size, const char *src)
{
	size_t	 n = src != NULL ? strnlen(src, size - 1) : 0;

	if (n > 0)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

static int
load_corrections(struct fold *f, struct log *log, char **cause)
{
	struct log_rows		*rows;
	const struct log_row	*r;

	if ((rows = log_rows_open(log, LOG_ROWS_CORRECTIONS, cause)) == NULL)
		return -1;
	f->corr = corrections_new();
	corrections_defer(f->corr);
	while ((r = log_rows_next(rows)) != NULL)
		corrections_add(f->corr, r->seq, r->ts, r->uuid, r->station,
		    r->etype, r->target, r->data, r->reason, NULL, NULL);
	if (log_rows_close(&rows, cause) != 0)
		return -1;
	corrections_settle(f->corr);
	return 0;
}

struct fold_visit {
	struct fold	*f;
	int64_t		 seq;
	const char	*type;
};

/* One row of the appendix for each correction applied or withdrawn. */
static void
add_amendment(const struct correction *c, const struct correction *target,
    const char *before, const char *after, void *arg)
{
	struct fold_visit	*v = arg;
	struct meeting		*m = v->f->m;
	struct amendment	*a;

	/* An amend without data, or an amend or redact of a correction,
	 * changes nothing and is not listed. */
	if (target == NULL ? c->type == EV_AMEND && after == NULL :
	    c->type != EV_RETRACT)
		return;
	GROW(m->amendments, m->namendments, v->f->cap_amend);
	a = &m->amendments[m->namendments++];
	memset(a, 0, sizeof *a);
	a->seq = c->seq;
	a->ts = c->ts;
	a->station = xstrdup(c->station);
	a->type = xstrdup(event_type_name(c->type));
	if (target == NULL) {
		memcpy(a->target, c->target, sizeof a->target);
		a->target_seq = v->seq;
		a->target_type = xstrdup(v->type);
	} else {
		memcpy(a->target, target->uuid, sizeof a->target);
		a->target_seq = target->seq;
		a->target_type = xstrdup(event_type_name(target->type));
	}
	a->before = xstrdup(before);
	a->after = after != NULL ? xstrdup(after) : NULL;
	a->reason = c->reason != NULL ? xstrdup(c->reason) : NULL;
	a->withdrawn = c->withdrawn;
}

/*
 * Apply the corrections aimed at uuid to data (core/correct.c); returns
 * the corrected data (owned; NULL when no amend applies and need is 0)
 * and sets flags and reason.
 */
static char *
apply_corrections(struct fold *f, const char *uuid, int64_t seq,
    const char *type, const char *payload, int need, unsigned *flags,
    char **reason)
{
	struct fold_visit	 v = { f, seq, type };
	const char		*r;
	char			*data;

	*flags = corrections_apply(f->corr, uuid, seq, payload, &data, &r,
	    add_amendment, &v);
	*reason = r != NULL ? xstrdup(r) : NULL;
	if (data == NULL && (need || *flags != 0))
		data = xstrdup(payload);
	return data;
}

static char *
get(const char *data, const char *key)
{
	char	*path = xasprintf("$.\"%s\"", key), *v;

	v = json_get(data, path);
	free(path);
	return v;
}

static char **
get_list(const char *data, const char *key, size_t *n)
{
	char	*v = get(data, key), **l;

	*n = 0;
	if (v == NULL)
		return NULL;
	l = json_list(v, n);
	free(v);
	return l;
}

static enum member_kind
member_kind(const char *k)
{
	if (k == NULL)
		return MK_MEMBER;
	if (strcmp(k, "chair") == 0)
		return MK_CHAIR;
	if (strcmp(k, "vice") == 0)
		return MK_VICE;
	if (strcmp(k, "staff") == 0)
		return MK_STAFF;
	if (strcmp(k, "group") == 0)
		return MK_GROUP;
	if (strcmp(k, "observer") == 0)
		return MK_OBSERVER;
	if (strcmp(k, "presiding") == 0)
		return MK_PRESIDING;
	return MK_MEMBER;
}

int
member_kind_votes(enum member_kind k)
{
	return k == MK_MEMBER || k == MK_CHAIR || k == MK_VICE;
}

static int
voting(const struct member *mb)
{
	return member_kind_votes(mb->kind);
}

/* The attendance a status gives, as it counts (event_status_present). */
static enum member_att
att_of(const char *status)
{
	switch (event_status_present(status)) {
	case 1:
		return ATT_PRESENT;
	case 0:
		return strcmp(status, "left") == 0 ? ATT_LEFT : ATT_ABSENT;
	default:
		return ATT_UNKNOWN;
	}
}

static int
here(enum member_att att)
{
	return att == ATT_PRESENT || att == ATT_UNKNOWN;
}

static long
present_now(const struct meeting *m)
{
	size_t	 i;
	long	 n = 0;

	for (i = 0; i < m->nmembers; i++) {
		if (voting(&m->members[i]) && here(m->members[i].att))
			n++;
	}
	return n;
}

int
meeting_member(const struct meeting *m, const char *id)
{
	size_t	 i;

	if (id == NULL)
		return -1;
	for (i = 0; i < m->nmembers; i++) {
		if (strcmp(m->members[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

int
meeting_item(const struct meeting *m, const char *id)
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

int
meeting_vote(const struct meeting *m, const char *id)
{
	size_t	 i;

	if (id == NULL)
		return -1;
	for (i = 0; i < m->nvotes; i++) {
		if (strcmp(m->votes[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

static void
fold_member(struct fold *f, int64_t seq, const char *uuid, const char *data)
{
	struct meeting	*m = f->m;
	struct member	*mb;
	char		*id;

	/* An id added twice (verify --strict says so): the first stands. */
	id = get(data, "id");
	if (meeting_member(m, id != NULL ? id : "") >= 0) {
		free(id);
		return;
	}
	free(id);
	GROW(m->members, m->nmembers, f->cap_members);
	mb = &m->members[m->nmembers++];
	memset(mb, 0, sizeof *mb);
	mb->seq = seq;
	snprintf(mb->uuid, sizeof mb->uuid, "%s", uuid);
	mb->id = get(data, "id");
	/* One line (a line break began a line reading as a speech). */
	mb->name = utf8_one_line(get(data, "name"));
	if (mb->id == NULL)
		mb->id = xstrdup("");
	if (mb->name == NULL)
		mb->name = xstrdup(mb->id);
	mb->full_name = utf8_one_line(get(data, "full_name"));
	mb->honorific = utf8_one_line(get(data, "honorific"));
	mb->reading = get(data, "reading");
	mb->role = utf8_one_line(get(data, "role"));
	mb->kind_str = get(data, "kind");
	mb->kind = member_kind(mb->kind_str);
	mb->seat = get(data, "seat");
	mb->org = get(data, "org");
	mb->side = get(data, "side");
	mb->agenda = get_list(data, "agenda", &mb->nagenda);
	mb->data = xstrdup(data);
	mb->att = ATT_UNKNOWN;
}

/* Whether an agenda.add ever declared the id public: false. */
static int
closed_id(const struct fold *f, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < f->nclosed_ids; i++) {
		if (strcmp(f->closed_ids[i], id) == 0)
			return 1;
	}
	return 0;
}

/*
 * An agenda.add as first written: a closed session it declares stays
 * closed whatever corrects the add later (an amend to public: true, a
 * retract): what was said in closed session is not published by a
 * correction of the agenda (the internal version has it all).
 */
static void
note_closed_id(struct fold *f, const char *payload)
{
	char	*id;

	/* Fails closed: public as anything but true (item_closed). */
	if (json_not_true(payload, "public") && (id = get(payload, "id")) !=
	    NULL) {
		if (closed_id(f, id))
			free(id);
		else {
			f->closed_ids = xreallocarray(f->closed_ids,
			    f->nclosed_ids + 1, sizeof *f->closed_ids);
			f->closed_ids[f->nclosed_ids++] = id;
		}
	}
}

/* An opening or close of a closed item as first written (closed_ghost). */
static void
closed_as_written(struct fold *f, struct entry *e, const char *payload)
{
	char	*id = get(payload, "item"), **joint;
	size_t	 n, i;

	if (id != NULL && closed_id(f, id)) {
		e->closed_item = pool_take(&f->m->pool, id);
		return;
	}
	free(id);
	/* Taken jointly with a closed item, as first written. */
	joint = get_list(payload, "joint", &n);
	for (i = 0; i < n && e->closed_item == NULL; i++) {
		if (closed_id(f, joint[i]))
			e->closed_item = pool_strdup(&f->m->pool, joint[i]);
	}
	json_list_free(joint, n);
}

static void
fold_item(struct fold *f, int64_t seq, const char *uuid, const char *data,
    unsigned flags)
{
	struct meeting	*m = f->m;
	struct item	*it;
	char		*s;
	int		 i;

	/*
	 * An id added twice (a file no writer of giji made: verify --strict
	 * says so): the first add stands, and events naming the id are its.
	 * A closed session either add declares stays closed (closed_ids).
	 */
	s = get(data, "id");
	i = meeting_item(m, s != NULL ? s : "");
	free(s);
	if (i >= 0)
		return;
	GROW(m->items, m->nitems, f->cap_items);
	it = &m->items[m->nitems++];
	memset(it, 0, sizeof *it);
	it->seq = seq;
	snprintf(it->uuid, sizeof it->uuid, "%s", uuid);
	it->id = get(data, "id");
	it->title = get(data, "title");
	if (it->id == NULL)
		it->id = xstrdup("");
	if (it->title == NULL)
		it->title = xstrdup("");
	it->kind = get(data, "kind");
	it->label = get(data, "label");
	it->dept = get(data, "dept");
	it->dept_short = get(data, "dept_short");
	it->section = get(data, "section");
	/*
	 * Closed unless public is absent or true: a string "false", a
	 * duplicate key or an escaped one (another writer's) is read as a
	 * JSON reader may read it, closed, not as json_extract's first.
	 */
	it->closed = json_not_true(data, "public");
	it->data = xstrdup(data);
	it->redacted = (flags & ENTRY_REDACTED) != 0;
	it->joint_with = -1;
	it->state = ITEM_PENDING;
}

/* meeting_member, remembering the ids it found. */
static int
speaker_index(struct speakers *c, const struct meeting *m, const char *id)
{
	const unsigned char	*p;
	uint32_t		 h = 2166136261u;	/* FNV-1a */
	int			 i;

	if (id == NULL)
		return -1;
	for (p = (const unsigned char *)id; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	h %= SPEAKER_SLOTS;
	if (c->slot[h].id != NULL && strcmp(c->slot[h].id, id) == 0)
		return c->slot[h].index;
	if ((i = meeting_member(m, id)) >= 0) {
		c->slot[h].id = m->members[i].id;
		c->slot[h].index = i;
	}
	return i;
}

static int
fold_member_index(struct fold *f, const char *id)
{
	return speaker_index(&f->speakers, f->m, id);
}

/* A string for an entry: in the meeting's pool, or its own (pool NULL). */
static char *
own_dup(struct pool *p, const char *s)
{
	if (p != NULL)
		return pool_strdup(p, s);
	return s != NULL ? xstrdup(s) : NULL;
}

static char *
own_take(struct pool *p, char *s)
{
	return p != NULL ? pool_take(p, s) : s;
}

/* A label, on one line as names are (utf8_one_line: a break a space). */
static char *
own_line(struct pool *p, const char *s)
{
	if (!utf8_may_break(s))
		return own_dup(p, s);
	return own_take(p, utf8_one_line(xstrdup(s)));
}

/*
 * A speech's fields, from the data_ columns of its row or, amended, from
 * its data; started read in the time zone tz. The fold and the replay
 * (meeting_replay_next) make their speech entries here.
 */
static void
speech_fields(struct entry *e, const struct log_row *r, struct pool *p,
    const char *tz)
{
	const char	*started;
	char		*started_a = NULL;

	if (e->flags & ENTRY_AMENDED) {
		e->speaker = own_take(p, get(e->data, "speaker"));
		e->text = own_take(p, get(e->data, "text"));
		e->label = own_take(p, utf8_one_line(get(e->data, "label")));
		e->kind = own_take(p, get(e->data, "kind"));
		started = started_a = get(e->data, "started");
	} else {
		/* The data_ columns (or their json_extract). */
		e->speaker = own_dup(p, r->speaker);
		e->text = own_dup(p, r->text);
		e->label = own_line(p, r->label);
		e->kind = own_dup(p, r->kind);
		started = r->started;
	}
	if (started != NULL && clock_parse(started, tz, &e->started) != 0)
		e->started = 0;
	free(started_a);
}

/* An entry's common fields (strings in p, or its own when p is NULL). */
static void
entry_init(struct entry *e, const struct log_row *r, struct pool *p,
    char *data, unsigned flags, char *reason)
{
	memset(e, 0, sizeof *e);
	e->seq = r->seq;
	copy_str(e->uuid, sizeof e->uuid, r->uuid);
	e->ts = r->ts;
	e->station = own_dup(p, r->station);
	e->etype = r->etype;
	e->type = r->etype != EV_UNKNOWN ? (char *)event_type_name(r->etype) :
	    own_dup(p, r->type);
	e->data = own_take(p, data);
	e->flags = flags;
	e->reason = own_take(p, reason);
	e->member = -1;
}

static struct entry *
fold_entry(struct fold *f, const struct log_row *r, char *data,
    unsigned flags, char *reason)
{
	struct meeting		*m = f->m;
	struct pool		*p = &m->pool;
	struct entry		*e;
	enum event_type		 ft = r->etype;

	GROW(m->entries, m->nentries, f->cap_entries);
	e = &m->entries[m->nentries++];
	entry_init(e, r, p, data, flags, reason);
	e->item = m->current_item;
	if (ft == EV_SPEECH) {
		speech_fields(e, r, p, meeting_tz(m));
		e->member = fold_member_index(f, e->speaker);
	} else if (ft == EV_NOTE) {
		if (flags & ENTRY_AMENDED) {
			e->text = pool_take(p, get(e->data, "text"));
			e->kind = pool_take(p, get(e->data, "kind"));
			e->speaker = pool_take(p, get(e->data, "member"));
		} else {
			e->text = pool_strdup(p, r->text);
			e->kind = pool_strdup(p, r->kind);
			/* Only a stage direction names a member: look first. */
			if (strstr(r->payload, "\"member\"") != NULL)
				e->speaker = pool_take(p, get(r->payload,
				    "member"));
		}
		e->member = fold_member_index(f, e->speaker);
	} else if (ft == EV_DECISION || ft == EV_SIGNER ||
	    ft == EV_REACTION || ft == EV_INTEREST || ft == EV_ACTION) {
		e->text = (flags & ENTRY_AMENDED) ?
		    pool_take(p, get(e->data, "text")) :
		    pool_strdup(p, r->text);
		if (ft == EV_REACTION)
			e->kind = (flags & ENTRY_AMENDED) ?
			    pool_take(p, get(e->data, "kind")) :
			    pool_strdup(p, r->kind);
	}
	return e;
}

/* Whether an attendance's status is one the fold takes. */
static int
attendance_known(const struct entry *e)
{
	char	*status = get(e->data, "status");
	int	 known;

	known = status != NULL && att_of(status) != ATT_UNKNOWN;
	free(status);
	return known;
}

static void
fold_attendance(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	char		*status;
	int		 i;

	e->speaker = pool_take(&m->pool, get(e->data, "member"));
	status = get(e->data, "status");
	i = meeting_member(m, e->speaker);
	e->member = i;
	if (i >= 0 && status != NULL && !(e->flags & ENTRY_RETRACTED) &&
	    att_of(status) != ATT_UNKNOWN) {
		struct member *mb = &m->members[i];

		mb->att = att_of(status);
		/*
		 * Late is the first time in the room being an arrival; a
		 * member who had been in (recorded present, gone out, or
		 * withdrawn from an item) and arrives returns. Early is
		 * being out at the end: a return undoes it.
		 */
		if (strcmp(status, "arrived") == 0 && mb->been_in)
			e->flags |= ENTRY_RETURN;
		else if (strcmp(status, "arrived") == 0) {
			mb->arrived = 1;
			mb->arrived_ts = e->ts;
		}
		if (strcmp(status, "left") == 0) {
			mb->departed = 1;
			mb->left_ts = e->ts;
			mb->been_in = 1;
		} else if (event_status_in_room(status) == 1) {
			mb->departed = 0;
			mb->been_in = 1;
		}
		mb->remote = strcmp(status, "remote") == 0;
		mb->apologies = strcmp(status, "apologies") == 0;
		mb->written = strcmp(status, "written") == 0;
		mb->proxy = strcmp(status, "proxy") == 0;
		free(mb->att_note);
		mb->att_note = get(e->data, "note");
		free(mb->holder);
		mb->holder = mb->proxy ? get(e->data, "holder") : NULL;
	}
	free(status);
}

static void
fold_agenda(struct fold *f, struct entry *e, int open)
{
	struct meeting	*m = f->m;
	struct item	*it;
	char		*id = get(e->data, "item");
	int		 i, j;
	size_t		 k;

	i = meeting_item(m, id);
	free(id);
	e->item = i;
	if (i < 0 || (e->flags & ENTRY_RETRACTED))
		return;
	it = &m->items[i];
	if (open) {
		it->state = ITEM_OPEN;
		if (it->open_ts == 0)
			it->open_ts = e->ts;
		free(it->heading);
		it->heading = get(e->data, "heading");
		it->heading_redacted = (e->flags & ENTRY_REDACTED) != 0;
		json_list_free(it->joint, it->njoint);
		it->joint = get_list(e->data, "joint", &it->njoint);
		for (k = 0; k < it->njoint; k++) {
			if ((j = meeting_item(m, it->joint[k])) >= 0 &&
			    j != i) {
				m->items[j].joint_with = i;
				m->items[j].state = ITEM_OPEN;
				if (m->items[j].open_ts == 0)
					m->items[j].open_ts = e->ts;
			}
		}
		m->current_item = i;
	} else {
		it->state = ITEM_CLOSED;
		it->close_ts = e->ts;
		for (k = 0; k < it->njoint; k++) {
			if ((j = meeting_item(m, it->joint[k])) >= 0 &&
			    j != i) {
				m->items[j].state = ITEM_CLOSED;
				m->items[j].close_ts = e->ts;
			}
		}
		if (m->current_item == i)
			m->current_item = -1;
	}
}

static void
fold_vote_call(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct vote	*v;
	char		*s;
	size_t		 i;

	e->item = -1;
	if (e->flags & ENTRY_RETRACTED)
		return;
	GROW(m->votes, m->nvotes, f->cap_votes);
	v = &m->votes[m->nvotes++];
	memset(v, 0, sizeof *v);
	v->seq = e->seq;
	v->ts = e->ts;
	memcpy(v->uuid, e->uuid, sizeof v->uuid);
	v->id = get(e->data, "id");
	if (v->id == NULL)
		v->id = xstrdup("");
	v->item_id = get(e->data, "item");
	v->item = meeting_item(m, v->item_id);
	e->item = v->item;
	v->motion = get(e->data, "motion");
	v->method = get(e->data, "method");
	v->rule = get(e->data, "rule");
	if ((s = get(e->data, "needed")) != NULL) {
		v->needed = strtol(s, NULL, 10);
		free(s);
	}
	if ((s = get(e->data, "voters")) != NULL) {
		v->voters = strtol(s, NULL, 10);
		free(s);
	}
	v->moved_by = get(e->data, "moved_by");
	v->seconded_by = get(e->data, "seconded_by");
	v->mover = v->seconder = v->candidate_member = -1;
	v->number = get(e->data, "number");
	v->reading = get(e->data, "reading");
	v->candidate = get(e->data, "candidate");
	v->data = xstrdup(e->data);
	/* The scalars: what a count reads (seats, quorum, rule, chair, …). */
	v->meta = xreallocarray(NULL, m->nmeta + 1, sizeof *v->meta);
	v->nmeta = 0;
	for (i = 0; i < m->nmeta; i++) {
		const struct json_pair *mp = &m->meta_pairs[i];

		if (mp->kind == JSON_OBJECT || mp->kind == JSON_ARRAY)
			continue;
		v->meta[v->nmeta].key = xstrdup(mp->key);
		v->meta[v->nmeta].value = mp->value != NULL ?
		    xstrdup(mp->value) : NULL;
		v->meta[v->nmeta++].kind = mp->kind;
	}
	v->present = present_now(m);
	v->nhere = m->nmembers;
	v->here = xcalloc(m->nmembers + 1, 1);
	for (i = 0; i < m->nmembers; i++)
		v->here[i] = here(m->members[i].att);
	v->entry = (int)(e - m->entries);
}

static struct ballot *
find_ballot(struct tally *t, const char *member)
{
	size_t	 i;

	for (i = 0; i < t->nballots; i++) {
		if (strcmp(t->ballots[i].member, member) == 0)
			return &t->ballots[i];
	}
	return NULL;
}

static void
carry_ballots(struct tally *t, const struct tally *prev)
{
	size_t	 i;

	t->ballots = xcalloc(prev->nballots + 1, sizeof *t->ballots);
	for (i = 0; i < prev->nballots; i++) {
		t->ballots[i].member = xstrdup(prev->ballots[i].member);
		t->ballots[i].choice = xstrdup(prev->ballots[i].choice);
		t->ballots[i].ts = prev->ballots[i].ts;
	}
	t->nballots = prev->nballots;
}

/* The same counts, or the same ballots (whenever they arrived). */
static int
tally_same(const struct tally *a, const struct tally *b)
{
	const struct ballot	*x;
	size_t			 i;

	if (a->has_counts != b->has_counts || a->unanimous != b->unanimous ||
	    a->nballots != b->nballots)
		return 0;
	if (a->has_counts && (a->n_for != b->n_for ||
	    a->n_against != b->n_against || a->n_abstain != b->n_abstain))
		return 0;
	for (i = 0; i < a->nballots; i++) {
		x = find_ballot((struct tally *)b, a->ballots[i].member);
		if (x == NULL || strcmp(x->choice, a->ballots[i].choice) != 0)
			return 0;
	}
	return 1;
}

static void
fold_tally(struct fold *f, struct entry *e)
{
	struct meeting		*m = f->m;
	struct vote		*v;
	struct tally		*t;
	struct json_pair	*p;
	char			*id, *s;
	size_t			 n, i;
	int			 vi;

	id = get(e->data, "vote");
	vi = meeting_vote(m, id);
	free(id);
	if (vi < 0)
		return;
	v = &m->votes[vi];
	e->item = v->item;
	if (e->flags & ENTRY_RETRACTED)
		return;
	v->tallies = xreallocarray(v->tallies, v->ntallies + 1, sizeof *t);
	t = &v->tallies[v->ntallies++];
	memset(t, 0, sizeof *t);
	t->seq = e->seq;
	t->ts = e->ts;
	t->redacted = (e->flags & ENTRY_REDACTED) != 0;
	memcpy(t->uuid, e->uuid, sizeof t->uuid);
	t->station = xstrdup(e->station);
	t->data = xstrdup(e->data);
	if ((s = get(e->data, "for")) != NULL) {
		t->n_for = strtol(s, NULL, 10);
		t->has_counts = 1;
		free(s);
	}
	if ((s = get(e->data, "against")) != NULL) {
		t->n_against = strtol(s, NULL, 10);
		t->has_counts = 1;
		free(s);
	}
	if ((s = get(e->data, "abstain")) != NULL) {
		t->n_abstain = strtol(s, NULL, 10);
		t->has_counts = 1;
		free(s);
	}
	if ((s = get(e->data, "unanimous")) != NULL) {
		t->unanimous = strcmp(s, "1") == 0;
		free(s);
	}
	t->casting = get(e->data, "casting");
	t->presiding = get(e->data, "presiding");
	if ((s = get(e->data, "ballots")) != NULL) {
		p = json_pairs(s, &n);
		free(s);
		/*
		 * Written votes arrive one answer at a time over days: each
		 * tally adds its ballots to the ones before (a member's later
		 * answer replaces the earlier), each keeping its own time.
		 */
		if (v->method != NULL && strcmp(v->method, "written") == 0 &&
		    v->ntallies > 1)
			carry_ballots(t, &v->tallies[v->ntallies - 2]);
		t->ballots = xreallocarray(t->ballots, t->nballots + n + 1,
		    sizeof *t->ballots);
		for (i = 0; i < n; i++) {
			struct ballot	*b = find_ballot(t, p[i].key);

			if (b != NULL) {
				free(b->choice);
				free(p[i].key);
			} else {
				b = &t->ballots[t->nballots++];
				b->member = p[i].key;
			}
			b->choice = p[i].value ? p[i].value : xstrdup("");
			b->ts = e->ts;
		}
		free(p);
	}
	if (v->ntallies > 1 && (t->casting != NULL || t->presiding != NULL) &&
	    tally_same(t, &v->tallies[v->ntallies - 2]))
		t->completes = 1;
}

static void
fold_result(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct vote	*v;
	char		*id, *s;
	int		 vi;

	id = get(e->data, "vote");
	vi = meeting_vote(m, id);
	free(id);
	if (vi < 0)
		return;
	v = &m->votes[vi];
	e->item = v->item;
	if (e->flags & ENTRY_RETRACTED)
		return;
	free(v->outcome);
	v->outcome = get(e->data, "outcome");
	s = get(e->data, "declared");
	v->declared = s != NULL && strcmp(s, "1") == 0;
	free(s);
	v->result_ts = e->ts;
}

static void
fold_decision(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct decision	*d;
	char		*id = get(e->data, "item");

	e->item = meeting_item(m, id);
	if (e->flags & ENTRY_RETRACTED) {
		free(id);
		return;
	}
	GROW(m->decisions, m->ndecisions, f->cap_decisions);
	d = &m->decisions[m->ndecisions++];
	memset(d, 0, sizeof *d);
	d->entry = (int)(e - m->entries);
	d->item_id = id;
	d->item = e->item;
	d->outcome = get(e->data, "outcome");
	d->vote_id = get(e->data, "vote");
	d->text = get(e->data, "text");
	d->number = get(e->data, "number");
	d->joint = get_list(e->data, "joint", &d->njoint);
}

static void
fold_signer(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct signer	*s;

	e->speaker = pool_take(&m->pool, get(e->data, "member"));
	e->member = meeting_member(m, e->speaker);
	if (e->flags & ENTRY_RETRACTED)
		return;
	GROW(m->signers, m->nsigners, f->cap_signers);
	s = &m->signers[m->nsigners++];
	memset(s, 0, sizeof *s);
	s->entry = (int)(e - m->entries);
	s->member_id = xstrdup(e->speaker ? e->speaker : "");
	s->member = e->member;
	s->role = get(e->data, "role");
	s->purpose = get(e->data, "purpose");
	s->text = get(e->data, "text");
}

/*
 * The speech a reaction interrupted: its seq and corrections, or 0. It
 * comes before the reaction, nearly always among the last few speeches;
 * an older one is looked up in the log (the same snapshot).
 */
static int64_t
reacted_speech(struct fold *f, const char *uuid, int64_t before,
    unsigned *flags)
{
	struct event	 ev;
	const char	*reason;
	char		*data;
	size_t		 k, n;
	int64_t		 seq;

	*flags = 0;
	n = f->nrecent < RECENT_SPEECHES ? f->nrecent : RECENT_SPEECHES;
	for (k = 0; k < n; k++) {
		size_t i = (f->nrecent - 1 - k) % RECENT_SPEECHES;

		if (strcmp(f->recent[i].uuid, uuid) == 0) {
			*flags = f->recent[i].flags;
			return f->recent[i].seq;
		}
	}
	memset(&ev, 0, sizeof ev);
	if (f->log == NULL || log_get_uuid(f->log, uuid, &ev) != 0)
		return 0;
	if (ev.etype != EV_SPEECH || ev.seq >= before) {
		event_clear(&ev);
		return 0;
	}
	*flags = corrections_apply(f->corr, ev.uuid, ev.seq, ev.payload, &data,
	    &reason, NULL, NULL);
	free(data);
	seq = ev.seq;
	event_clear(&ev);
	return seq;
}

static void
fold_reaction(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct reaction	*r;
	char		*s;

	if (e->flags & ENTRY_RETRACTED)
		return;
	GROW(m->reactions, m->nreactions, f->cap_reactions);
	r = &m->reactions[m->nreactions++];
	memset(r, 0, sizeof *r);
	r->entry = (int)(e - m->entries);
	r->text = xstrdup(e->text != NULL ? e->text : "");
	r->kind = e->kind != NULL ? xstrdup(e->kind) : NULL;
	r->at = -1;
	if (e->data == NULL)
		return;
	r->speech = get(e->data, "speech");
	if ((s = get(e->data, "at")) != NULL) {
		r->at = strtol(s, NULL, 10);
		free(s);
	}
	if (r->speech != NULL)
		r->speech_seq = reacted_speech(f, r->speech, e->seq,
		    &r->speech_flags);
	/* Where a redacted speech was interrupted is not public either. */
	if (r->speech_flags & ENTRY_REDACTED)
		e->flags |= ENTRY_REDACTED;
}

static void
fold_interest(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct interest	*in;
	char		*s;

	e->speaker = pool_take(&m->pool, get(e->data, "member"));
	e->member = meeting_member(m, e->speaker);
	if (e->flags & ENTRY_RETRACTED)
		return;
	GROW(m->interests, m->ninterests, f->cap_interests);
	in = &m->interests[m->ninterests++];
	memset(in, 0, sizeof *in);
	in->entry = (int)(e - m->entries);
	in->member_id = xstrdup(e->speaker != NULL ? e->speaker : "");
	in->member = e->member;
	in->item_id = get(e->data, "item");
	in->item = meeting_item(m, in->item_id);
	if (in->item_id != NULL)
		e->item = in->item;
	in->text = get(e->data, "text");
	s = get(e->data, "withdraws");
	in->withdraws = s != NULL && strcmp(s, "1") == 0;
	free(s);
	if (in->withdraws && e->member >= 0)
		m->members[e->member].been_in = 1;	/* was there to leave */
}

static void
fold_action(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct action	*a;

	if (e->flags & ENTRY_RETRACTED)
		return;
	GROW(m->actions, m->nactions, f->cap_actions);
	a = &m->actions[m->nactions++];
	memset(a, 0, sizeof *a);
	a->entry = (int)(e - m->entries);
	a->text = get(e->data, "text");
	if (a->text == NULL)
		a->text = xstrdup("");
	a->owner = get(e->data, "owner");
	a->owner_member = meeting_member(m, a->owner);
	a->due = get(e->data, "due");
	a->item_id = get(e->data, "item");
	a->item = a->item_id != NULL ? meeting_item(m, a->item_id) : e->item;
	if (a->item_id != NULL)
		e->item = a->item;
}

static void
fold_material(struct fold *f, struct entry *e)
{
	struct meeting	*m = f->m;
	struct material	*mt;

	GROW(m->materials, m->nmaterials, f->cap_materials);
	mt = &m->materials[m->nmaterials++];
	memset(mt, 0, sizeof *mt);
	mt->seq = e->seq;
	mt->id = get(e->data, "id");
	mt->title = get(e->data, "title");
	if (mt->title == NULL)
		mt->title = xstrdup("");
	mt->item = e->item;
	mt->flags = e->flags;
}

int
meeting_item_closed(const struct meeting *m, int item)
{
	return item >= 0 && (size_t)item < m->nitems && m->items[item].closed;
}

/*
 * The events that record words (fold.h): what a closed session leaves
 * out of the public version. Its counts, attendance and the item's
 * heading are not among them (redact the title where it must not be
 * read).
 */
int
meeting_entry_words(const struct entry *e)
{
	switch (e->etype) {
	case EV_SPEECH:
	case EV_NOTE:
	case EV_REACTION:
	case EV_INTEREST:
	case EV_VOTE_CALL:
	case EV_DECISION:
	case EV_ACTION:
	case EV_MATERIAL_ADD:
	case EV_SIGNER:
		return 1;
	default:
		return 0;
	}
}

/*
 * The closed sessions open as the entries go by: an item opened that is
 * of public: false, or taken jointly with one, until its close. Kept the
 * same way by the fold's last pass and by a replay of the speeches.
 */
struct closed_state {
	unsigned char	*open;		/* per item: opened as closed */
	int		 n;
	/*
	 * Closed sessions whose opening a correction took back (retracted,
	 * or amended to another item) or whose item's add was retracted:
	 * still closed, by the closed item's id, until a close names it.
	 */
	const char	**ghost;
	size_t		 nghost;
	/* Where sessions were closed (from, to; to 0: still), in seq order. */
	int64_t		(*span)[2];
	size_t		 nspan;
};

static void
closed_init(struct closed_state *cs, const struct meeting *m)
{
	cs->open = xcalloc(m->nitems + 1, 1);
	cs->n = 0;
	cs->ghost = NULL;
	cs->nghost = 0;
	cs->span = NULL;
	cs->nspan = 0;
}

static void
closed_free(struct closed_state *cs)
{
	free(cs->open);
	cs->open = NULL;
	free(cs->ghost);
	cs->ghost = NULL;
	cs->nghost = 0;
	free(cs->span);
	cs->span = NULL;
	cs->nspan = 0;
}

/* Keep the spans as the count of closed sessions open goes by seq. */
static void
closed_span(struct closed_state *cs, int was, int64_t seq)
{
	if (was == 0 && cs->n > 0) {
		cs->span = xreallocarray(cs->span, cs->nspan + 1,
		    sizeof *cs->span);
		cs->span[cs->nspan][0] = seq;
		cs->span[cs->nspan++][1] = 0;
	} else if (was > 0 && cs->n == 0 && cs->nspan > 0)
		cs->span[cs->nspan - 1][1] = seq;
}

/* Whether seq fell in a closed session (a speech a reaction names). */
static int
closed_at(const struct closed_state *cs, int64_t seq)
{
	size_t	 i;

	for (i = cs->nspan; i > 0; i--) {
		if (seq >= cs->span[i - 1][0] && (cs->span[i - 1][1] == 0 ||
		    seq < cs->span[i - 1][1]))
			return 1;
		if (seq >= cs->span[i - 1][0])
			return 0;
	}
	return 0;
}

static void
closed_ghost(struct closed_state *cs, const struct meeting *m,
    const struct entry *e)
{
	const char	*id;
	size_t		 k;

	if (e->etype == EV_AGENDA_OPEN && e->closed_item != NULL &&
	    ((e->flags & (ENTRY_RETRACTED | ENTRY_AMENDED)) || e->item < 0)) {
		for (k = 0; k < cs->nghost; k++) {
			if (strcmp(cs->ghost[k], e->closed_item) == 0)
				return;
		}
		cs->ghost = xreallocarray(cs->ghost, cs->nghost + 1,
		    sizeof *cs->ghost);
		cs->ghost[cs->nghost++] = e->closed_item;
		cs->n++;
	} else if (e->etype == EV_AGENDA_CLOSE && cs->nghost > 0 &&
	    !(e->flags & ENTRY_RETRACTED)) {
		id = e->closed_item != NULL ? e->closed_item : e->item >= 0 &&
		    (size_t)e->item < m->nitems ? m->items[e->item].id : NULL;
		for (k = 0; id != NULL && k < cs->nghost; k++) {
			if (strcmp(cs->ghost[k], id) != 0)
				continue;
			cs->ghost[k] = cs->ghost[--cs->nghost];
			cs->n--;
			break;
		}
	}
}

static int
closed_item_session(const struct meeting *m, int i)
{
	const struct item	*it = &m->items[i];
	size_t			 k;

	if (it->closed)
		return 1;
	for (k = 0; k < it->njoint; k++) {
		if (meeting_item_closed(m, meeting_item(m, it->joint[k])))
			return 1;
	}
	return 0;
}

static void	closed_step1(struct closed_state *, const struct meeting *,
		    const struct entry *);

static void
closed_step(struct closed_state *cs, const struct meeting *m,
    const struct entry *e)
{
	int	 was = cs->n;

	closed_step1(cs, m, e);
	closed_span(cs, was, e->seq);
}

static void
closed_step1(struct closed_state *cs, const struct meeting *m,
    const struct entry *e)
{
	closed_ghost(cs, m, e);
	if ((e->flags & ENTRY_RETRACTED) || e->item < 0 ||
	    (size_t)e->item >= m->nitems)
		return;
	if (e->etype == EV_AGENDA_OPEN && !cs->open[e->item] &&
	    closed_item_session(m, e->item)) {
		cs->open[e->item] = 1;
		cs->n++;
	} else if (e->etype == EV_AGENDA_CLOSE && cs->open[e->item] &&
	    (!(e->flags & ENTRY_AMENDED) || (e->closed_item != NULL &&
	    strcmp(e->closed_item, m->items[e->item].id) == 0))) {
		/* Not a close amended into this one's: as first written. */
		cs->open[e->item] = 0;
		cs->n--;
	}
}

/* A decision taken jointly on a closed item (its joint list). */
static int
joint_closed(const struct meeting *m, const struct entry *e)
{
	char	**joint;
	size_t	 n, i;
	int	 closed = 0;

	if (e->etype != EV_DECISION || e->data == NULL ||
	    strstr(e->data, "\"joint\"") == NULL)
		return 0;
	joint = get_list(e->data, "joint", &n);
	for (i = 0; i < n && !closed; i++)
		closed = meeting_item_closed(m, meeting_item(m, joint[i]));
	json_list_free(joint, n);
	return closed;
}

/* Words that name a closed item (an action's, a material's "item"). */
static int
names_closed(const struct meeting *m, const struct entry *e)
{
	char	*id;
	int	 closed;

	int	 vi;

	if (e->data == NULL)
		return 0;
	/* A decision on a vote taken in closed session is its words too. */
	if (e->etype == EV_DECISION && strstr(e->data, "\"vote\"") != NULL) {
		id = get(e->data, "vote");
		vi = meeting_vote(m, id);
		free(id);
		if (vi >= 0 && (m->entries[m->votes[vi].entry].flags &
		    ENTRY_CLOSED))
			return 1;
	}
	if (strstr(e->data, "\"item\"") == NULL)
		return 0;
	id = get(e->data, "item");
	closed = id != NULL && meeting_item_closed(m, meeting_item(m, id));
	free(id);
	return closed;
}

/* Words recorded while a closed session is open, or naming its item. */
static void
closed_mark(const struct closed_state *cs, const struct meeting *m,
    struct entry *e)
{
	if (meeting_entry_words(e) && (cs->n > 0 ||
	    meeting_item_closed(m, e->item) || joint_closed(m, e) ||
	    names_closed(m, e)))
		e->flags |= ENTRY_CLOSED | ENTRY_REDACTED;
	/*
	 * Who came and went, a recess and a resumption stay; the reason
	 * given, a proxy's holder and a recess's note are words.
	 */
	else if ((e->etype == EV_ATTENDANCE || e->etype == EV_RECESS ||
	    e->etype == EV_RESUME) && cs->n > 0)
		e->flags |= ENTRY_REDACTED;
}

/* Remap an item index after reordering (map[old] = new). */
static void
remap(int *idx, const int *map)
{
	if (*idx >= 0)
		*idx = map[*idx];
}

/*
 * Who spoke on which item: a set of (member, item) pairs, from the speeches
 * in effect, kept by the fold whether it keeps the speeches or not (a
 * skeleton's minutes list the staff who spoke). Open addressing on a
 * 64-bit key; a speaker not yet on the roster waits in a list of names.
 */
static uint64_t
spoke_key(int member, int item)
{
	return ((uint64_t)(uint32_t)(member + 1) << 32) | (uint32_t)(item + 1);
}

static void
spoke_put(struct meeting *m, uint64_t key)
{
	size_t	 i, cap;

	if (m->spoke_n * 2 >= m->spoke_cap) {
		uint64_t	*old = m->spoke;
		size_t		 oldcap = m->spoke_cap;

		cap = oldcap ? oldcap * 2 : 64;
		m->spoke = xcalloc(cap, sizeof *m->spoke);
		m->spoke_cap = cap;
		m->spoke_n = 0;
		for (i = 0; i < oldcap; i++) {
			if (old[i] != 0)
				spoke_put(m, old[i]);
		}
		free(old);
	}
	for (i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 7) % m->spoke_cap;
	    m->spoke[i] != 0; i = (i + 1) % m->spoke_cap) {
		if (m->spoke[i] == key)
			return;
	}
	m->spoke[i] = key;
	m->spoke_n++;
}

void
tally_count(const struct tally *t, struct tally_count *c)
{
	size_t	 i;

	memset(c, 0, sizeof *c);
	c->yes = t->n_for;
	c->no = t->n_against;
	c->abstain = t->n_abstain;
	c->given = t->has_counts || t->nballots > 0;
	if (t->nballots == 0)
		return;
	c->yes = c->no = c->abstain = 0;
	for (i = 0; i < t->nballots; i++) {
		const char *ch = t->ballots[i].choice;

		if (strcmp(ch, "yes") == 0)
			c->yes++;
		else if (strcmp(ch, "no") == 0)
			c->no++;
		else if (strcmp(ch, "abstain") == 0)
			c->abstain++;
		else if (strcmp(ch, "absent") == 0)
			c->absent++;
		else
			c->not_voting++;
	}
}

int
meeting_spoke(const struct meeting *m, int member, int item)
{
	uint64_t	 key = spoke_key(member, item);
	size_t		 i;

	if (m->spoke_cap == 0 || member < 0)
		return 0;
	for (i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 7) % m->spoke_cap;
	    m->spoke[i] != 0; i = (i + 1) % m->spoke_cap) {
		if (m->spoke[i] == key)
			return 1;
	}
	return 0;
}

static void
note_spoke(struct fold *f, const struct log_row *r, const char *data,
    unsigned flags)
{
	struct meeting	*m = f->m;
	char		*own = NULL;
	const char	*speaker = r->speaker;
	size_t		 k;
	int		 mi;

	if (flags & ENTRY_RETRACTED)
		return;
	if ((flags & ENTRY_AMENDED) && data != NULL)
		speaker = own = get(data, "speaker");
	if (speaker == NULL) {
		free(own);
		return;
	}
	if ((mi = fold_member_index(f, speaker)) >= 0)
		spoke_put(m, spoke_key(mi, m->current_item));
	else {
		for (k = 0; k < f->nunresolved; k++) {
			if (f->unresolved[k].item == m->current_item &&
			    strcmp(f->unresolved[k].id, speaker) == 0)
				break;
		}
		if (k == f->nunresolved) {
			f->unresolved = xreallocarray(f->unresolved,
			    f->nunresolved + 1, sizeof *f->unresolved);
			f->unresolved[f->nunresolved].id = xstrdup(speaker);
			f->unresolved[f->nunresolved++].item = m->current_item;
		}
	}
	free(own);
}

/* After an agenda.order: the pairs follow their items. */
static void
spoke_remap(struct meeting *m, struct fold *f, const int *map)
{
	uint64_t	*old = m->spoke;
	size_t		 oldcap = m->spoke_cap, i;
	int		 mi, it;

	m->spoke = NULL;
	m->spoke_cap = m->spoke_n = 0;
	for (i = 0; i < oldcap; i++) {
		if (old[i] == 0)
			continue;
		mi = (int)(old[i] >> 32) - 1;
		it = (int)(old[i] & 0xffffffffU) - 1;
		remap(&it, map);
		spoke_put(m, spoke_key(mi, it));
	}
	free(old);
	for (i = 0; i < f->nunresolved; i++)
		remap(&f->unresolved[i].item, map);
}


int *
agenda_order_map(const char *list, size_t nitems,
    const char *(*id)(size_t, const void *), const void *arg)
{
	char	**ids;
	size_t	 n, k, i, j = 0;
	int	*map, *taken;

	if (nitems == 0)
		return NULL;
	ids = json_list(list, &n);
	map = xcalloc(nitems, sizeof *map);
	taken = xcalloc(nitems, sizeof *taken);
	for (k = 0; k < n; k++) {
		for (i = 0; i < nitems; i++) {	/* the first item with the id */
			if (strcmp(id(i, arg), ids[k]) == 0)
				break;
		}
		if (i < nitems && !taken[i]) {
			taken[i] = 1;
			map[i] = (int)j++;
		}
	}
	for (i = 0; i < nitems; i++) {
		if (!taken[i])
			map[i] = (int)j++;
	}
	free(taken);
	json_list_free(ids, n);
	return map;
}

void
agenda_permute(void *base, size_t n, size_t size, const int *map)
{
	char	*tmp = xcalloc(n, size);
	size_t	 i;

	for (i = 0; i < n; i++)
		memcpy(tmp + (size_t)map[i] * size, (char *)base + i * size,
		    size);
	memcpy(base, tmp, n * size);
	free(tmp);
}

static const char *
item_id_at(size_t i, const void *arg)
{
	return ((const struct meeting *)arg)->items[i].id;
}

/* Apply one agenda.order; every index into items follows its item. */
static void
fold_order(struct meeting *m, struct fold *f, const char *list)
{
	int	*map;
	size_t	 i;

	if ((map = agenda_order_map(list, m->nitems, item_id_at, m)) == NULL)
		return;
	agenda_permute(m->items, m->nitems, sizeof *m->items, map);
	for (i = 0; i < m->nitems; i++)
		remap(&m->items[i].joint_with, map);
	for (i = 0; i < m->nentries; i++)
		remap(&m->entries[i].item, map);
	for (i = 0; i < m->nvotes; i++)
		remap(&m->votes[i].item, map);
	for (i = 0; i < m->ndecisions; i++)
		remap(&m->decisions[i].item, map);
	for (i = 0; i < m->nmaterials; i++)
		remap(&m->materials[i].item, map);
	for (i = 0; i < m->ninterests; i++)
		remap(&m->interests[i].item, map);
	for (i = 0; i < m->nactions; i++)
		remap(&m->actions[i].item, map);
	remap(&m->current_item, map);
	spoke_remap(m, f, map);
	free(map);
}

static void
fold_meta_patch(struct fold *f, const char *patch)
{
	struct meeting		*m = f->m;
	struct json_member	*p;
	struct json_pair	*q;
	size_t			 pn, qn, i, k;
	ssize_t			*at, j;
	char			*one;

	/*
	 * Merged member by member, and only the members the patch names are
	 * decoded again: a meta.set costs what it sets, however large the
	 * meta is (a style_options object of a few megabytes).
	 */
	json_members_patch(&f->meta, &f->nmeta, patch);
	p = json_split(patch, &pn);
	if (pn > 8) {
		/* Many fields: decode the whole meta once. */
		one = json_join(f->meta, f->nmeta);
		json_pairs_free(m->meta_pairs, m->nmeta);
		m->meta_pairs = json_pairs(one, &m->nmeta);
		free(one);
		json_members_free(p, pn);
		return;
	}
	at = json_members_find_all(f->meta, f->nmeta, p, pn);
	for (i = 0; i < pn; i++) {
		j = at[i];
		one = xasprintf("{%s:%s}", p[i].key, j >= 0 ?
		    f->meta[j].value : "null");
		q = json_pairs(one, &qn);
		free(one);
		for (k = 0; qn == 1 && k < m->nmeta; k++) {
			if (strcmp(m->meta_pairs[k].key, q[0].key) != 0)
				continue;
			free(m->meta_pairs[k].key);
			free(m->meta_pairs[k].value);
			memmove(&m->meta_pairs[k], &m->meta_pairs[k + 1],
			    (m->nmeta - k - 1) * sizeof *m->meta_pairs);
			m->nmeta--;
			break;
		}
		if (qn == 1 && j >= 0) {
			m->meta_pairs = xreallocarray(m->meta_pairs,
			    m->nmeta + 1, sizeof *m->meta_pairs);
			m->meta_pairs[m->nmeta++] = q[0];
			free(q);
		} else
			json_pairs_free(q, qn);
	}
	free(at);
	json_members_free(p, pn);
}

/* The time zone as this meta.set leaves it, when it changed (the replay). */
static void
note_tz(struct meeting *m, int64_t seq)
{
	const char	*tz = meeting_tz(m);
	const char	*was = m->ntzs > 0 ? m->tzs[m->ntzs - 1].tz :
			    CLOCK_DEFAULT_TZ;

	if (strcmp(tz, was) == 0)
		return;
	m->tzs = xreallocarray(m->tzs, m->ntzs + 1, sizeof *m->tzs);
	m->tzs[m->ntzs].seq = seq;
	m->tzs[m->ntzs++].tz = xstrdup(tz);
}

/* fold_log's skeleton: the speeches are left out, kept aside or not. */
#define SKELETON_BARE	1
#define SKELETON_KEEP	2

static struct meeting *
fold_log(struct log *log, struct log_verify *vr, int skeleton, char **cause)
{
	struct fold	 f;
	struct meeting	*m;
	struct log_rows	*rows = NULL;
	const struct log_row *r;
	struct entry	*e;
	enum event_type	 ft;
	char		*data, *reason;
	unsigned	 flags;
	const struct correction *c;
	size_t		 i, mk, rk, ncorr = 0;
	struct closed_state cs;
	int64_t		 bad_seq;
	int		 reading = 0;

	*cause = NULL;
	memset(&f, 0, sizeof f);
	f.log = log;
	m = f.m = xcalloc(1, sizeof *m);
	m->current_item = -1;
	if (skeleton == SKELETON_KEEP)
		m->kept = speech_keep_new();

	/* The corrections and the events of one snapshot. */
	if (log_read_begin(log, cause) != 0)
		goto fail;
	reading = 1;
	if (load_corrections(&f, log, cause) != 0)
		goto fail;
	/* Verified in the same pass, when asked (giji minutes). */
	if (vr != NULL && (rows = log_rows_open_verified(log, vr, cause)) ==
	    NULL && *cause != NULL)
		goto fail;
	if (rows == NULL &&
	    (rows = log_rows_open(log, LOG_ROWS_EVENTS, cause)) == NULL)
		goto fail;
	while ((r = log_rows_next(rows)) != NULL) {
		int64_t seq = r->seq;
		int64_t ts = r->ts;

		m->last_seq = seq;
		copy_str(m->last_hash, sizeof m->last_hash, r->hash);
		if (m->first_ts == 0 || ts < m->first_ts)
			m->first_ts = ts;
		if (ts > m->last_ts)
			m->last_ts = ts;
		ft = r->etype;
		/*
		 * The corrections were read through an index, these rows from
		 * the table: an index that lies (a retract left out of it, a
		 * speech put in) would bring back what was withdrawn. Each
		 * correction met here must be the next one read.
		 */
		if (ft == EV_AMEND || ft == EV_RETRACT || ft == EV_REDACT) {
			c = corrections_at(f.corr, ncorr);
			if (c == NULL || c->seq != seq) {
				bad_seq = c == NULL || c->seq > seq ? seq :
				    c->seq;
				goto bad_index;
			}
			ncorr++;
			continue;
		}
		/* A speech's or a note's fields come from the data_ columns. */
		data = apply_corrections(&f, r->uuid, seq, r->type, r->payload,
		    ft != EV_SPEECH && ft != EV_NOTE, &flags, &reason);
		switch (ft) {
		case EV_META_SET:
			if (!(flags & ENTRY_RETRACTED)) {
				fold_meta_patch(&f, data);
				note_tz(m, seq);
			}
			free(data);
			free(reason);
			continue;
		case EV_AGENDA_ORDER:
			if (!(flags & ENTRY_RETRACTED)) {
				f.orders = xreallocarray(f.orders, f.norders + 1,
				    sizeof *f.orders);
				f.orders[f.norders++] = get(data, "items");
			}
			free(data);
			free(reason);
			continue;
		case EV_MEMBER_ADD:
		case EV_AGENDA_ADD:
			if (ft == EV_AGENDA_ADD)
				note_closed_id(&f, r->payload);
			if (!(flags & ENTRY_RETRACTED)) {
				if (ft == EV_MEMBER_ADD)
					fold_member(&f, seq, r->uuid, data);
				else
					fold_item(&f, seq, r->uuid, data,
					    flags);
			}
			free(data);
			free(reason);
			continue;
		default:
			break;
		}
		if (ft == EV_SPEECH) {
			size_t k = f.nrecent++ % RECENT_SPEECHES;

			copy_str(f.recent[k].uuid, sizeof f.recent[k].uuid,
			    r->uuid);
			f.recent[k].seq = seq;
			f.recent[k].flags = flags;
			m->nspeeches++;
			note_spoke(&f, r, data, flags);
			if (skeleton) {
				/* Kept for the replay, or read again there. */
				if (m->kept != NULL)
					speech_keep_add(m->kept, r);
				free(data);
				free(reason);
				continue;
			}
		}
		e = fold_entry(&f, r, data, flags, reason);
		switch (ft) {
		case EV_ATTENDANCE:
			fold_attendance(&f, e);
			break;
		case EV_AGENDA_OPEN:
			closed_as_written(&f, e, r->payload);
			fold_agenda(&f, e, 1);
			break;
		case EV_AGENDA_CLOSE:
			closed_as_written(&f, e, r->payload);
			fold_agenda(&f, e, 0);
			break;
		case EV_VOTE_CALL:
			fold_vote_call(&f, e);
			break;
		case EV_VOTE_TALLY:
			fold_tally(&f, e);
			break;
		case EV_VOTE_RESULT:
			fold_result(&f, e);
			break;
		case EV_DECISION:
			fold_decision(&f, e);
			break;
		case EV_SIGNER:
			fold_signer(&f, e);
			break;
		case EV_REACTION:
			fold_reaction(&f, e);
			break;
		case EV_INTEREST:
			fold_interest(&f, e);
			break;
		case EV_ACTION:
			fold_action(&f, e);
			break;
		case EV_MATERIAL_ADD:
			fold_material(&f, e);
			break;
		case EV_MEETING_OPEN:
			if (m->open_ts == 0 && !(flags & ENTRY_RETRACTED))
				m->open_ts = e->ts;
			break;
		case EV_MEETING_CLOSE:
			if (!(flags & ENTRY_RETRACTED))
				m->close_ts = e->ts;
			break;
		default:
			break;
		}
	}
	if (log_rows_close(&rows, cause) != 0)
		goto fail;
	if (ncorr != corrections_count(f.corr)) {
		bad_seq = corrections_at(f.corr, ncorr)->seq;
		goto bad_index;
	}
	if (skeleton) {
		/* The replay reads the same snapshot and corrections. */
		m->held = log;
		m->corr = f.corr;
		f.corr = NULL;
	} else
		log_read_end(log);
	/* A closed session stays closed, whatever corrects its add. */
	for (i = 0; i < m->nitems; i++) {
		if (closed_id(&f, m->items[i].id))
			m->items[i].closed = 1;
	}
	for (i = 0; i < f.nclosed_ids; i++)
		free(f.closed_ids[i]);
	free(f.closed_ids);
	f.closed_ids = NULL;
	f.nclosed_ids = 0;
	for (i = 0; i < f.norders; i++) {
		fold_order(m, &f, f.orders[i]);
		free(f.orders[i]);
	}
	free(f.orders);
	for (i = 0; i < f.nunresolved; i++) {
		int mi = meeting_member(m, f.unresolved[i].id);

		if (mi >= 0)
			spoke_put(m, spoke_key(mi, f.unresolved[i].item));
	}
	/* Speakers named before their member.add was amended stay resolved. */
	closed_init(&cs, m);
	for (i = 0, mk = 0, rk = 0; i < m->nentries; i++) {
		e = &m->entries[i];
		if (e->speaker != NULL && e->member < 0)
			e->member = meeting_member(m, e->speaker);
		closed_step(&cs, m, e);
		closed_mark(&cs, m, e);
		/* A reaction to a speech of a closed session, from outside. */
		while (rk < m->nreactions && m->reactions[rk].entry < (int)i)
			rk++;
		if (e->etype == EV_REACTION && rk < m->nreactions &&
		    m->reactions[rk].entry == (int)i &&
		    m->reactions[rk].speech_seq > 0 &&
		    closed_at(&cs, m->reactions[rk].speech_seq))
			e->flags |= ENTRY_CLOSED | ENTRY_REDACTED;
		/* The note a member's attendance keeps (fold_attendance's). */
		if (e->etype == EV_ATTENDANCE && e->member >= 0 &&
		    !(e->flags & ENTRY_RETRACTED) && attendance_known(e))
			m->members[e->member].att_note_redacted =
			    (e->flags & ENTRY_REDACTED) != 0;
		/* A material's flags are its entry's (both in seq order). */
		while (mk < m->nmaterials && m->materials[mk].seq < e->seq)
			mk++;
		if (e->etype == EV_MATERIAL_ADD && mk < m->nmaterials &&
		    m->materials[mk].seq == e->seq)
			m->materials[mk].flags |= e->flags & (ENTRY_CLOSED |
			    ENTRY_REDACTED);
	}
	closed_free(&cs);
	/* Members named by votes, interests and actions, as the roster ends. */
	for (i = 0; i < m->nvotes; i++) {
		struct vote *v = &m->votes[i];

		v->mover = meeting_member(m, v->moved_by);
		v->seconder = meeting_member(m, v->seconded_by);
		v->candidate_member = meeting_member(m, v->candidate);
	}
	for (i = 0; i < m->ninterests; i++)
		m->interests[i].member = meeting_member(m,
		    m->interests[i].member_id);
	for (i = 0; i < m->nactions; i++)
		m->actions[i].owner_member = meeting_member(m,
		    m->actions[i].owner);
	corrections_free(&f.corr);
	for (i = 0; i < f.nunresolved; i++)
		free(f.unresolved[i].id);
	free(f.unresolved);
	json_members_free(f.meta, f.nmeta);
	return m;
bad_index:
	*cause = xasprintf(_("%s: the file's index of corrections does not "
	    "match its events (at event %lld): the file was damaged or "
	    "changed by another program; run giji verify, and restore a "
	    "copy"), log_path(log), (long long)bad_seq);
fail:
	if (reading) {
		log_rows_close(&rows, NULL);
		log_read_end(log);
	}
	for (i = 0; i < f.norders; i++)
		free(f.orders[i]);
	free(f.orders);
	for (i = 0; i < f.nclosed_ids; i++)
		free(f.closed_ids[i]);
	free(f.closed_ids);
	for (i = 0; i < f.nunresolved; i++)
		free(f.unresolved[i].id);
	free(f.unresolved);
	json_members_free(f.meta, f.nmeta);
	corrections_free(&f.corr);
	meeting_free(&m);
	return NULL;
}

struct meeting *
meeting_fold(struct log *log, char **cause)
{
	return fold_log(log, NULL, 0, cause);
}

struct meeting *
meeting_fold_verified(struct log *log, struct log_verify *v, char **cause)
{
	return fold_log(log, v, 0, cause);
}

struct meeting *
meeting_fold_skeleton(struct log *log, struct log_verify *v, char **cause)
{
	return fold_log(log, v, SKELETON_KEEP, cause);
}

struct meeting *
meeting_fold_votes(struct log *log, char **cause)
{
	return fold_log(log, NULL, SKELETON_BARE, cause);
}

void
meeting_free(struct meeting **mp)
{
	struct meeting	*m = *mp;
	size_t		 i, j;

	if (m == NULL)
		return;
	json_pairs_free(m->meta_pairs, m->nmeta);
	for (i = 0; i < m->nmembers; i++) {
		struct member *mb = &m->members[i];

		free(mb->id);
		free(mb->name);
		free(mb->full_name);
		free(mb->honorific);
		free(mb->reading);
		free(mb->role);
		free(mb->kind_str);
		free(mb->seat);
		free(mb->att_note);
		free(mb->holder);
		free(mb->org);
		free(mb->side);
		json_list_free(mb->agenda, mb->nagenda);
		free(mb->data);
	}
	free(m->members);
	for (i = 0; i < m->nitems; i++) {
		struct item *it = &m->items[i];

		free(it->id);
		free(it->title);
		free(it->kind);
		free(it->label);
		free(it->dept);
		free(it->dept_short);
		free(it->section);
		free(it->heading);
		json_list_free(it->joint, it->njoint);
		free(it->data);
	}
	free(m->items);
	free(m->entries);	/* their strings are in the pool */
	pool_free(&m->pool);
	for (i = 0; i < m->nvotes; i++) {
		struct vote *v = &m->votes[i];

		free(v->id);
		free(v->item_id);
		free(v->motion);
		free(v->method);
		free(v->rule);
		json_pairs_free(v->meta, v->nmeta);
		free(v->moved_by);
		free(v->seconded_by);
		free(v->number);
		free(v->reading);
		free(v->candidate);
		free(v->here);
		free(v->data);
		free(v->outcome);
		for (j = 0; j < v->ntallies; j++) {
			struct tally *t = &v->tallies[j];
			size_t k;

			free(t->station);
			free(t->casting);
			free(t->presiding);
			free(t->data);
			for (k = 0; k < t->nballots; k++) {
				free(t->ballots[k].member);
				free(t->ballots[k].choice);
			}
			free(t->ballots);
		}
		free(v->tallies);
	}
	free(m->votes);
	for (i = 0; i < m->ndecisions; i++) {
		free(m->decisions[i].item_id);
		free(m->decisions[i].outcome);
		free(m->decisions[i].vote_id);
		free(m->decisions[i].text);
		free(m->decisions[i].number);
		json_list_free(m->decisions[i].joint, m->decisions[i].njoint);
	}
	free(m->decisions);
	for (i = 0; i < m->nsigners; i++) {
		free(m->signers[i].member_id);
		free(m->signers[i].role);
		free(m->signers[i].purpose);
		free(m->signers[i].text);
	}
	free(m->signers);
	for (i = 0; i < m->nmaterials; i++) {
		free(m->materials[i].id);
		free(m->materials[i].title);
	}
	free(m->materials);
	for (i = 0; i < m->nreactions; i++) {
		free(m->reactions[i].text);
		free(m->reactions[i].kind);
		free(m->reactions[i].speech);
	}
	free(m->reactions);
	for (i = 0; i < m->ninterests; i++) {
		free(m->interests[i].member_id);
		free(m->interests[i].item_id);
		free(m->interests[i].text);
	}
	free(m->interests);
	for (i = 0; i < m->nactions; i++) {
		free(m->actions[i].text);
		free(m->actions[i].owner);
		free(m->actions[i].due);
		free(m->actions[i].item_id);
	}
	free(m->actions);
	for (i = 0; i < m->namendments; i++) {
		struct amendment *a = &m->amendments[i];

		free(a->station);
		free(a->type);
		free(a->target_type);
		free(a->before);
		free(a->after);
		free(a->reason);
	}
	free(m->amendments);
	for (i = 0; i < m->ntzs; i++)
		free(m->tzs[i].tz);
	free(m->tzs);
	free(m->spoke);
	corrections_free(&m->corr);
	speech_keep_free(&m->kept);
	if (m->held != NULL)
		log_read_end(m->held);
	free(m);
	*mp = NULL;
}

static const char *
pairs_str(const struct json_pair *p, size_t n, const char *key,
    const char *def)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(p[i].key, key) == 0)
			return p[i].value != NULL ? p[i].value : def;
	}
	return def;
}

static long
pairs_long(const struct json_pair *p, size_t n, const char *key, long def)
{
	const char	*s = pairs_str(p, n, key, NULL);
	char		*end;
	long		 v;

	if (s == NULL)
		return def;
	v = strtol(s, &end, 10);
	return *end == '\0' && end != s ? v : def;
}

const char *
meeting_meta_str(const struct meeting *m, const char *key, const char *def)
{
	return pairs_str(m->meta_pairs, m->nmeta, key, def);
}

long
meeting_meta_long(const struct meeting *m, const char *key, long def)
{
	return pairs_long(m->meta_pairs, m->nmeta, key, def);
}

const char *
vote_meta_str(const struct vote *v, const char *key, const char *def)
{
	return pairs_str(v->meta, v->nmeta, key, def);
}

long
vote_meta_long(const struct vote *v, const char *key, long def)
{
	return pairs_long(v->meta, v->nmeta, key, def);
}

const char *
meeting_tz(const struct meeting *m)
{
	return meeting_meta_str(m, "tz", CLOCK_DEFAULT_TZ);
}

char *
entry_get(const struct entry *e, const char *key)
{
	return e->data != NULL ? get(e->data, key) : NULL;
}

long
meeting_present_at(const struct meeting *m, int64_t seq)
{
	enum member_att	*att;
	size_t		 i;
	long		 n = 0;
	int		 mi;
	char		*status;

	att = xcalloc(m->nmembers ? m->nmembers : 1, sizeof *att);
	for (i = 0; i < m->nentries && m->entries[i].seq <= seq; i++) {
		const struct entry *e = &m->entries[i];

		if (e->etype != EV_ATTENDANCE ||
		    (e->flags & ENTRY_RETRACTED) || (mi = e->member) < 0)
			continue;
		status = get(e->data, "status");
		if (status == NULL)
			continue;
		if (att_of(status) != ATT_UNKNOWN)
			att[mi] = att_of(status);
		free(status);
	}
	for (i = 0; i < m->nmembers; i++) {
		if (voting(&m->members[i]) && here(att[i]))
			n++;
	}
	free(att);
	return n;
}

int
meeting_withdrawn(const struct meeting *m, int member, int item,
    int64_t before)
{
	size_t	 i;

	if (member < 0 || item < 0)
		return 0;
	for (i = 0; i < m->ninterests; i++) {
		if (m->interests[i].withdraws &&
		    m->interests[i].member == member &&
		    m->interests[i].item == item &&
		    m->entries[m->interests[i].entry].seq < before)
			return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- replay */

/*
 * One merge of the skeleton's entries with the speeches read again, in
 * seq order, tracking what the fold tracked as it went: the item open and
 * the time zone.
 */
struct merge {
	const struct meeting	*m;
	struct log_rows		*rows;		/* the speeches, read again */
	size_t			 kept;		/* or the next one kept */
	struct log_row		 krow;		/* (as a row) */
	const struct log_row	*row;		/* read, not yet taken */
	int			 done;		/* no speech left */
	size_t			 skel;		/* the next skeleton entry */
	int			 item;		/* the item open */
	struct closed_state	 cs;		/* the closed sessions open */
	size_t			 tz;		/* zones in effect: tzs[tz - 1] */
	struct speakers		 speakers;
	char			*cause;		/* a speech that could not be read */
};

static int
merge_open(struct merge *g, const struct meeting *m, size_t skel,
    int64_t after, char **cause)
{
	size_t	 i;

	memset(g, 0, sizeof *g);
	g->m = m;
	g->item = -1;
	closed_init(&g->cs, m);
	/* The item open and the zone in effect where the merge starts. */
	for (i = 0; i < skel; i++) {
		const struct entry *e = &m->entries[i];

		closed_step(&g->cs, m, e);
		if ((e->flags & ENTRY_RETRACTED) || e->item < 0)
			continue;
		if (e->etype == EV_AGENDA_OPEN)
			g->item = e->item;
		else if (e->etype == EV_AGENDA_CLOSE && g->item == e->item)
			g->item = -1;
	}
	g->skel = skel;
	while (g->tz < m->ntzs && m->tzs[g->tz].seq < after)
		g->tz++;
	if (speech_keep_usable(m->kept)) {
		g->kept = speech_keep_after(m->kept, after);
		return 0;
	}
	if ((g->rows = log_rows_open_after(m->held, LOG_ROWS_SPEECHES, after,
	    cause)) == NULL) {
		closed_free(&g->cs);
		return -1;
	}
	return 0;
}

static void
replay_free_entry(const struct meeting *m, const struct entry *ce)
{
	struct entry	*e = (struct entry *)ce;

	if (ce == NULL || (ce >= m->entries && ce < m->entries + m->nentries))
		return;		/* the skeleton's own */
	free(e->station);
	if (e->etype == EV_UNKNOWN)
		free(e->type);
	free(e->data);
	free(e->reason);
	free(e->speaker);
	free(e->text);
	free(e->label);
	free(e->kind);
	free(e);
}

/* A speech as fold_entry makes it, with its own strings. */
static struct entry *
replay_speech(struct merge *g, const struct log_row *r)
{
	const struct meeting	*m = g->m;
	struct entry		*e = xmalloc(sizeof *e);
	const char		*reason = NULL;
	char			*data = NULL, *reason_own = NULL;
	unsigned		 flags = 0;

	while (g->tz < m->ntzs && m->tzs[g->tz].seq < r->seq)
		g->tz++;
	/* The replay reads no payload: a corrected speech's is fetched. */
	if (corrections_any(m->corr, r->uuid)) {
		struct event	 ev;

		memset(&ev, 0, sizeof ev);
		if (log_get_uuid(m->held, r->uuid, &ev) != 0) {
			/* Without its corrections it must not be printed. */
			if (g->cause == NULL)
				g->cause = xasprintf(_("cannot read seq %lld "
				    "again to apply its corrections"),
				    (long long)r->seq);
			flags = ENTRY_RETRACTED;
		} else {
			flags = corrections_apply(m->corr, r->uuid, r->seq,
			    ev.payload, &data, &reason, NULL, NULL);
			if (data == NULL && flags != 0)
				data = xstrdup(ev.payload);
			if (reason != NULL)
				reason_own = xstrdup(reason);
		}
		event_clear(&ev);
	}
	entry_init(e, r, NULL, data, flags, reason_own);
	e->item = g->item;
	closed_mark(&g->cs, m, e);
	speech_fields(e, r, NULL, g->tz > 0 ? m->tzs[g->tz - 1].tz :
	    CLOCK_DEFAULT_TZ);
	e->member = speaker_index(&g->speakers, m, e->speaker);
	return e;
}

/* The next entry of the merge, NULL after the last. */
static const struct entry *
merge_next(struct merge *g)
{
	const struct meeting	*m = g->m;
	const struct entry	*sk;

	if (g->row == NULL && !g->done && (g->row = g->rows == NULL ?
	    speech_keep_row(m->kept, g->kept++, &g->krow) :
	    log_rows_next(g->rows)) == NULL)
		g->done = 1;
	sk = g->skel < m->nentries ? &m->entries[g->skel] : NULL;
	if (g->row != NULL && (sk == NULL || g->row->seq < sk->seq)) {
		const struct log_row *r = g->row;

		g->row = NULL;
		return replay_speech(g, r);
	}
	if (sk == NULL)
		return NULL;
	g->skel++;
	closed_step(&g->cs, m, sk);
	/* As fold_agenda moves the item open (indexes already reordered). */
	if (!(sk->flags & ENTRY_RETRACTED) && sk->item >= 0) {
		if (sk->etype == EV_AGENDA_OPEN)
			g->item = sk->item;
		else if (sk->etype == EV_AGENDA_CLOSE && g->item == sk->item)
			g->item = -1;
	}
	return sk;
}

static int
merge_close(struct merge *g, char **cause)
{
	closed_free(&g->cs);
	if (log_rows_close(&g->rows, cause) != 0) {
		free(g->cause);
		return -1;
	}
	if ((*cause = g->cause) != NULL)
		return -1;
	return 0;
}

struct meeting_replay {
	const struct meeting	*m;
	struct merge		 g;
	const struct entry	**q;		/* q[0]: the current entry */
	size_t			 nq, capq;
	/* Entries after one that is not the current (meeting_replay_after). */
	const struct entry	*far_of;
	struct merge		 far;
	int			 far_open;
	const struct entry	**fq;
	size_t			 nfq, capfq;
	char			*cause;		/* the first read error */
};

struct meeting_replay *
meeting_replay_open(const struct meeting *m, char **cause)
{
	struct meeting_replay	*rp;

	*cause = NULL;
	if (m->held == NULL) {
		*cause = xstrdup(_("the meeting was not folded for a "
		    "replay"));
		return NULL;
	}
	rp = xcalloc(1, sizeof *rp);
	rp->m = m;
	if (merge_open(&rp->g, m, 0, 0, cause) != 0) {
		free(rp);
		return NULL;
	}
	return rp;
}

static void
queue_push(const struct entry ***q, size_t *n, size_t *cap,
    const struct entry *e)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*q = xreallocarray(*q, *cap, sizeof **q);
	}
	(*q)[(*n)++] = e;
}

const struct entry *
meeting_replay_next(struct meeting_replay *rp)
{
	const struct entry	*e;

	if (rp->nq > 0) {
		replay_free_entry(rp->m, rp->q[0]);
		memmove(rp->q, rp->q + 1, (rp->nq - 1) * sizeof *rp->q);
		rp->nq--;
	}
	if (rp->nq == 0) {
		if ((e = merge_next(&rp->g)) == NULL)
			return NULL;
		queue_push(&rp->q, &rp->nq, &rp->capq, e);
	}
	return rp->q[0];
}

static void
far_reset(struct meeting_replay *rp)
{
	size_t	 i;
	char	*cause;

	for (i = 0; i < rp->nfq; i++)
		replay_free_entry(rp->m, rp->fq[i]);
	rp->nfq = 0;
	if (rp->far_open && merge_close(&rp->far, &cause) != 0 &&
	    rp->cause == NULL)
		rp->cause = cause;
	else if (rp->far_open)
		free(cause);
	rp->far_open = 0;
	rp->far_of = NULL;
}

const struct entry *
meeting_replay_after(struct meeting_replay *rp, const struct entry *e,
    size_t k)
{
	const struct meeting	*m = rp->m;
	const struct entry	*x;
	char			*cause;

	if (k == 0)
		return e;
	if (rp->nq > 0 && e == rp->q[0]) {
		while (rp->nq <= k) {
			if ((x = merge_next(&rp->g)) == NULL)
				return NULL;
			queue_push(&rp->q, &rp->nq, &rp->capq, x);
		}
		return rp->q[k];
	}
	/* An entry of the skeleton's, read from there on by its own merge. */
	if (e < m->entries || e >= m->entries + m->nentries)
		return NULL;
	if (rp->far_of != e) {
		far_reset(rp);
		if (merge_open(&rp->far, m, (size_t)(e - m->entries) + 1, e->seq,
		    &cause) != 0) {
			if (rp->cause == NULL)
				rp->cause = cause;
			else
				free(cause);
			return NULL;
		}
		rp->far_open = 1;
		rp->far_of = e;
	}
	while (rp->nfq < k) {
		if ((x = merge_next(&rp->far)) == NULL)
			return NULL;
		queue_push(&rp->fq, &rp->nfq, &rp->capfq, x);
	}
	return rp->fq[k - 1];
}

int
meeting_replay_close(struct meeting_replay **rpp, char **cause)
{
	struct meeting_replay	*rp = *rpp;
	char			*c = NULL;
	size_t			 i;

	*cause = NULL;
	if (rp == NULL)
		return 0;
	far_reset(rp);
	free(rp->fq);
	for (i = 0; i < rp->nq; i++)
		replay_free_entry(rp->m, rp->q[i]);
	free(rp->q);
	if (merge_close(&rp->g, &c) != 0 && rp->cause == NULL)
		rp->cause = c;
	else
		free(c);
	*cause = rp->cause;
	free(rp);
	*rpp = NULL;
	return *cause != NULL ? -1 : 0;
}
