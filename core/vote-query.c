/* SPDX-License-Identifier: ISC */
/*
 * The current vote, read type by type through the log's (type, seq)
 * index (see vote-query.h), each with its corrections (amend, retract)
 * applied as core/fold.c applies them (log_corrected). Nothing here draws or prints: the vote pane of the TUI turns a
 * struct vote_view into rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "event.h"
#include "i18n.h"
#include "json.h"
#include "vote-query.h"
#include "xmalloc.h"

struct vq {
	struct log		*log;
	struct vote_view	*v;
	unsigned		 corrections;	/* LOG_CORR_* applied */
	char			*cause;		/* the first read error */
	char			**ids;		/* every vote.call id */
	size_t			 nids;
	int			 merge;		/* written: ballots accumulate */
	const char		*want;		/* the vote id; NULL: the last */
	int64_t			 to;		/* the last seq read; -1: all */
	char			*deadline;	/* the vote's, as written */
};

static int	vote_view_counts(const struct vote_view *,
		    const struct vote_spec *, const struct vote_view_ballot *,
		    size_t, struct vote_counts *, char **);

static char *
vq_get(const char *payload, const char *key)
{
	char	 path[64];

	snprintf(path, sizeof path, "$.%s", key);
	return json_get(payload, path);
}

static void
vq_set(char **dst, const char *payload, const char *key)
{
	char	*s;

	if ((s = vq_get(payload, key)) == NULL)
		return;
	free(*dst);
	*dst = s;
}

static void
vq_free(struct vq *q)
{
	size_t	 i;

	free(q->cause);
	free(q->deadline);
	for (i = 0; i < q->nids; i++)
		free(q->ids[i]);
	free(q->ids);
}

/*
 * The event's payload with its corrections applied (an allocated string),
 * or NULL when it is retracted or cannot be read (q->cause says so).
 */
static char *
vq_payload(struct vq *q, const struct event *ev)
{
	char	*pl, *cause = NULL;

	if (log_corrected(q->log, ev, q->corrections, &pl, &cause) != 0) {
		if (q->cause == NULL)
			q->cause = cause;
		else
			free(cause);
		return NULL;
	}
	return pl;
}

/* A read error met by a callback, handed to the caller's cause. */
static int
vq_failed(struct vq *q, char **cause)
{
	if (q->cause == NULL)
		return 0;
	*cause = q->cause;
	q->cause = NULL;
	return 1;
}

static int
vq_meta_cb(const struct event *ev, void *arg)
{
	struct vq	*q = arg;
	struct vote_view *v = q->v;
	char		*s, *pl;

	if ((pl = vq_payload(q, ev)) == NULL)
		return 0;
	if ((s = vq_get(pl, "seats")) != NULL) {
		v->seats = strtol(s, NULL, 10);
		free(s);
	}
	vq_set(&v->quorum, pl, "quorum");
	vq_set(&v->rule, pl, "rule");
	vq_set(&v->abstain, pl, "abstain");
	vq_set(&v->chair, pl, "chair");
	vq_set(&v->tz, pl, "tz");
	free(pl);
	return 0;
}

/*
 * The members by id, hashed (FNV-1a, open addressing): a roster of
 * thousands, each looked up for every attendance event and every member
 * added, made a check of a general meeting's arrivals cubic.
 */
static size_t
vq_hash(const char *s)
{
	size_t	 h = (size_t)2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
vq_index(struct vote_view *v, const char *id, size_t i)
{
	size_t	 k, j;

	if (2 * v->nmembers > v->mindex_cap) {	/* at most half full */
		free(v->mindex);
		v->mindex_cap = v->mindex_cap != 0 ? 2 * v->mindex_cap : 64;
		v->mindex = xcalloc(v->mindex_cap, sizeof *v->mindex);
		for (j = 0; j < v->nmembers; j++) {
			if (j == i)
				continue;
			for (k = vq_hash(v->members[j].id) % v->mindex_cap;
			    v->mindex[k] != 0; k = (k + 1) % v->mindex_cap)
				;
			v->mindex[k] = j + 1;
		}
	}
	for (k = vq_hash(id) % v->mindex_cap; v->mindex[k] != 0;
	    k = (k + 1) % v->mindex_cap)
		;
	v->mindex[k] = i + 1;
}

/*
 * Whether a member.add of kind is on the vote's roster, as the fold reads
 * a kind (an unknown one is a member's).
 */
static int
vq_roster_kind(const char *kind)
{
	return kind == NULL || (strcmp(kind, "staff") != 0 &&
	    strcmp(kind, "group") != 0 && strcmp(kind, "observer") != 0);
}

/* A member.add as the fold reads it (id, name, role, kind). */
static void
vq_member(struct vote_view *v, const char *id, const char *name,
    const char *role, const char *kind)
{
	struct vote_view_member	*m;

	if (!vq_roster_kind(kind))
		return;
	if (id == NULL || vote_view_member(v, id) >= 0)
		return;
	v->members = xreallocarray(v->members, v->nmembers + 1,
	    sizeof *v->members);
	m = &v->members[v->nmembers++];
	memset(m, 0, sizeof *m);
	m->id = xstrdup(id);
	vq_index(v, m->id, v->nmembers - 1);
	m->name = xstrdup(name != NULL ? name : id);
	m->role = role != NULL ? xstrdup(role) : NULL;
	m->chair = kind != NULL && strcmp(kind, "chair") == 0;
	m->presiding = kind != NULL && strcmp(kind, "presiding") == 0;
	m->present_now = m->present_call = 1;	/* unrecorded: present */
	m->in_room_now = 1;
}

/*
 * The roster and the attendance as vq_load reads them, kept with the log
 * (log_aux): checking each of a meeting's votes and arrivals read every
 * member.add and attendance event again, corrections and JSON and all
 * (an import of a 2,000-member roster with thousands of arrivals and
 * hundreds of votes took minutes). Kept while no correction is
 * recorded after them (the corrections mark); read on as the log grows.
 */
struct vq_row {
	int64_t		 seq;
	char		*f[4];	/* id name role kind; member status */
};

struct vq_cache {
	int64_t		 mark;		/* the corrections mark read at */
	int64_t		 to;		/* the last seq read */
	struct vq_row	*mem;
	size_t		 nmem, capmem;
	struct vq_row	*att;
	size_t		 natt, capatt;
	/*
	 * seats[i]: the voting members (not presiding) mem[0..i] add, each
	 * id once, as vq_member keeps them; ids: those ids, hashed.
	 */
	size_t		*seats;
	size_t		 nseats;
	const char	**ids;
	size_t		 nids, capids;
};

static void
vq_rows_free(struct vq_row *r, size_t n)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < 4; k++)
			free(r[i].f[k]);
	}
	free(r);
}

static void
vq_cache_free(void *arg)
{
	struct vq_cache	*c = arg;

	if (c == NULL)
		return;
	vq_rows_free(c->mem, c->nmem);
	vq_rows_free(c->att, c->natt);
	free(c->seats);
	free(c->ids);
	free(c);
}

/* Whether id was added (1), else added now (0): vq_member's set. */
static int
vq_cache_seen(struct vq_cache *c, const char *id)
{
	size_t	 k, j, cap;

	if (2 * (c->nids + 1) > c->capids) {
		const char **old = c->ids;

		cap = c->capids;
		c->capids = cap != 0 ? 2 * cap : 64;
		c->ids = xcalloc(c->capids, sizeof *c->ids);
		for (j = 0; j < cap; j++) {
			if (old[j] == NULL)
				continue;
			for (k = vq_hash(old[j]) % c->capids; c->ids[k] != NULL;
			    k = (k + 1) % c->capids)
				;
			c->ids[k] = old[j];
		}
		free(old);
	}
	for (k = vq_hash(id) % c->capids; c->ids[k] != NULL;
	    k = (k + 1) % c->capids) {
		if (strcmp(c->ids[k], id) == 0)
			return 1;
	}
	c->ids[k] = id;
	c->nids++;
	return 0;
}

struct vq_fill {
	struct vq		*q;
	struct vq_row		**rows;
	size_t			*n, *cap;
	const char		*keys[4];
};

static int
vq_fill_cb(const struct event *ev, void *arg)
{
	struct vq_fill	*fl = arg;
	struct vq_row	*r;
	char		*pl;
	int		 k;

	if ((pl = vq_payload(fl->q, ev)) == NULL)
		return 0;	/* retracted (or a read error, in q) */
	if (*fl->n == *fl->cap) {
		*fl->cap = *fl->cap ? *fl->cap * 2 : 64;
		*fl->rows = xreallocarray(*fl->rows, *fl->cap, sizeof **fl->rows);
	}
	r = &(*fl->rows)[(*fl->n)++];
	r->seq = ev->seq;
	for (k = 0; k < 4; k++)
		r->f[k] = fl->keys[k] != NULL ? vq_get(pl, fl->keys[k]) : NULL;
	free(pl);
	return 0;
}

/* The log's cache, read up to its last event. */
static struct vq_cache *
vq_cache_get(struct log *log, char **cause)
{
	struct vq_cache	*c = log_aux(log);
	struct vq_fill	 fm = { NULL, NULL, NULL, NULL,
			    { "id", "name", "role", "kind" } };
	struct vq_fill	 fa = { NULL, NULL, NULL, NULL,
			    { "member", "status", NULL, NULL } };
	struct vq	 q;
	int64_t		 mark = log_corrections_mark(log), last;
	size_t		 i;

	if ((last = log_last_seq(log)) < 0 || mark < 0) {
		*cause = xstrdup(_("cannot read the log"));
		return NULL;
	}
	if (c != NULL && c->mark == mark && c->to == last)
		return c;
	if (c == NULL || c->mark != mark || c->to > last) {
		c = xcalloc(1, sizeof *c);
		c->mark = mark;
		log_set_aux(log, c, vq_cache_free);
	}
	memset(&q, 0, sizeof q);
	q.log = log;
	q.corrections = LOG_CORR_AMENDS | LOG_CORR_RETRACTS;
	fm.q = fa.q = &q;
	fm.rows = &c->mem;
	fm.n = &c->nmem;
	fm.cap = &c->capmem;
	fa.rows = &c->att;
	fa.n = &c->natt;
	fa.cap = &c->capatt;
	if (log_foreach(log, c->to + 1, last, "member.add", vq_fill_cb, &fm,
	    cause) != 0 || log_foreach(log, c->to + 1, last, "attendance",
	    vq_fill_cb, &fa, cause) != 0 || vq_failed(&q, cause)) {
		log_set_aux(log, NULL, NULL);	/* read again next time */
		vq_free(&q);
		return NULL;
	}
	c->seats = xreallocarray(c->seats, c->capmem + 1, sizeof *c->seats);
	for (i = c->nseats; i < c->nmem; i++) {
		const struct vq_row *r = &c->mem[i];
		const char *kind = r->f[3];
		int counts = r->f[0] != NULL && vq_roster_kind(kind) &&
		    !vq_cache_seen(c, r->f[0]) &&
		    (kind == NULL || strcmp(kind, "presiding") != 0);

		c->seats[i] = (i > 0 ? c->seats[i - 1] : 0) + counts;
	}
	c->nseats = c->nmem;
	c->to = last;
	vq_free(&q);
	return c;
}

/* The voting members (not presiding) the roster holds up to seq to. */
static int
vq_seated(struct log *log, int64_t to, long *n, char **cause)
{
	struct vq_cache	*c;
	size_t		 lo = 0, hi, mid;

	if ((c = vq_cache_get(log, cause)) == NULL)
		return -1;
	for (hi = c->nmem; lo < hi;) {		/* rows with seq <= to */
		mid = lo + (hi - lo) / 2;
		if (to < 0 || c->mem[mid].seq <= to)
			lo = mid + 1;
		else
			hi = mid;
	}
	*n = lo > 0 ? (long)c->seats[lo - 1] : 0;
	return 0;
}

/* The roster up to seq to (-1: all). */
static int
vq_members(struct vq *q, int64_t to, char **cause)
{
	struct vq_cache	*c;
	size_t		 i;

	if ((c = vq_cache_get(q->log, cause)) == NULL)
		return -1;
	for (i = 0; i < c->nmem && (to < 0 || c->mem[i].seq <= to); i++)
		vq_member(q->v, c->mem[i].f[0], c->mem[i].f[1], c->mem[i].f[2],
		    c->mem[i].f[3]);
	return 0;
}

static int
vq_call_cb(const struct event *ev, void *arg)
{
	struct vq		*q = arg;
	struct vote_view	*v = q->v;
	char			*s, *pl;

	if ((pl = vq_payload(q, ev)) == NULL)
		return 0;
	v->ncalls++;
	if ((s = vq_get(pl, "id")) == NULL) {
		free(pl);
		return 0;
	}
	q->ids = xreallocarray(q->ids, q->nids + 1, sizeof *q->ids);
	q->ids[q->nids++] = xstrdup(s);
	if (q->want != NULL && strcmp(s, q->want) != 0) {
		free(s);
		free(pl);
		return 0;
	}
	free(v->id);
	v->id = s;
	free(v->item);
	v->item = vq_get(pl, "item");
	free(v->motion);
	v->motion = vq_get(pl, "motion");
	free(v->method);
	v->method = vq_get(pl, "method");
	free(v->vrule);
	v->vrule = vq_get(pl, "rule");
	v->needed = 0;
	if ((s = vq_get(pl, "needed")) != NULL) {
		v->needed = strtol(s, NULL, 10);
		free(s);
	}
	v->voters = 0;
	if ((s = vq_get(pl, "voters")) != NULL) {
		v->voters = strtol(s, NULL, 10);
		free(s);
	}
	v->call_seq = ev->seq;
	v->call_ts = ev->ts;
	free(q->deadline);
	q->deadline = vq_get(pl, "deadline");	/* read in vq_at_call */
	free(pl);
	return 0;
}

/*
 * A vote is counted by the meta in force at its call — the seats, quorum,
 * rules and zone — whatever is set later, as the fold has it for the
 * minutes (struct vote's meta): read the meta again up to the call.
 */
static int
vq_at_call(struct vq *q, char **cause)
{
	struct vote_view	*v = q->v;

	v->seats = 0;
	free(v->quorum);
	free(v->rule);
	free(v->abstain);
	free(v->chair);
	free(v->tz);
	v->quorum = v->rule = v->abstain = v->chair = v->tz = NULL;
	if (v->call_seq > 1 && (log_foreach(q->log, 1, v->call_seq - 1,
	    "meta.set", vq_meta_cb, q, cause) != 0 || vq_failed(q, cause)))
		return -1;
	v->deadline = 0;
	if (q->deadline != NULL && clock_parse(q->deadline, v->tz != NULL ?
	    v->tz : CLOCK_DEFAULT_TZ, &v->deadline) != 0)
		v->deadline = 0;
	return 0;
}

/* As the fold counts a status (-1: another writer's, unchanged). */
static int
vq_status(const char *st)
{
	return event_status_present(st);
}

static int
vq_item_cb(const struct event *ev, void *arg)
{
	struct vq		*q = arg;
	struct vote_view	*v = q->v;
	char			*id, *pl;
	int			 found;

	if ((pl = vq_payload(q, ev)) == NULL)
		return 0;
	id = vq_get(pl, "id");
	found = id != NULL && v->item != NULL && strcmp(id, v->item) == 0;
	if (found) {
		vq_set(&v->item_title, pl, "title");
		vq_set(&v->item_kind, pl, "kind");
	}
	free(id);
	free(pl);
	return found;	/* read newest first: the last add is the item */
}

static void
vq_attendance(struct vote_view *v, int64_t seq, const char *id,
    const char *st)
{
	int	 i, present;

	i = vote_view_member(v, id);
	if (i >= 0 && st != NULL && (present = vq_status(st)) != -1) {
		v->members[i].present_now = present;
		v->members[i].in_room_now = event_status_in_room(st) == 1;
		if (v->id == NULL || seq <= v->call_seq)
			v->members[i].present_call = present;
	}
}

/* The attendance up to seq to (-1: all), over the roster read. */
static int
vq_attendances(struct vq *q, int64_t to, char **cause)
{
	struct vq_cache	*c;
	size_t		 i;

	if ((c = vq_cache_get(q->log, cause)) == NULL)
		return -1;
	for (i = 0; i < c->natt && (to < 0 || c->att[i].seq <= to); i++)
		vq_attendance(q->v, c->att[i].seq, c->att[i].f[0],
		    c->att[i].f[1]);
	return 0;
}

/* The event's corrected payload when it is of the current vote, or NULL. */
static char *
vq_same_vote(struct vq *q, const struct event *ev)
{
	char	*id, *pl;
	int	 same;

	if ((pl = vq_payload(q, ev)) == NULL)
		return NULL;
	id = vq_get(pl, "vote");
	same = id != NULL && strcmp(id, q->v->id) == 0;
	free(id);
	if (!same) {
		free(pl);
		return NULL;
	}
	return pl;
}

static void
vq_ballots_clear(struct vote_view *v)
{
	size_t	 i;

	for (i = 0; i < v->nballots; i++) {
		free(v->ballots[i].member);
		free(v->ballots[i].choice);
	}
	free(v->ballots);
	v->ballots = NULL;
	v->nballots = 0;
}

/* One tally of the current vote, its payload pl as corrected. */
static void
vq_tally(struct vq *q, const struct event *ev, const char *pl)
{
	struct vote_view	*v = q->v;
	struct vote_view_ballot	*b;
	struct json_pair	*p;
	size_t			 n, i, j;
	char			*s;

	v->ntallies++;
	v->tally_seq = ev->seq;
	v->tally_ts = ev->ts;
	v->has_counts = 0;
	v->n_for = v->n_against = v->n_abstain = 0;
	v->unanimous = 0;
	free(v->casting);
	v->casting = vq_get(pl, "casting");
	free(v->presiding);
	v->presiding = vq_get(pl, "presiding");
	if ((s = vq_get(pl, "for")) != NULL) {
		v->n_for = strtol(s, NULL, 10);
		v->has_counts = 1;
		free(s);
	}
	if ((s = vq_get(pl, "against")) != NULL) {
		v->n_against = strtol(s, NULL, 10);
		v->has_counts = 1;
		free(s);
	}
	if ((s = vq_get(pl, "abstain")) != NULL) {
		v->n_abstain = strtol(s, NULL, 10);
		v->has_counts = 1;
		free(s);
	}
	if ((s = vq_get(pl, "unanimous")) != NULL) {
		v->unanimous = strcmp(s, "1") == 0 || strcmp(s, "true") == 0;
		free(s);
	}
	if (!q->merge)
		vq_ballots_clear(v);
	if ((s = vq_get(pl, "ballots")) == NULL)
		return;
	p = json_pairs(s, &n);
	free(s);
	for (i = 0; i < n; i++) {
		for (j = 0; j < v->nballots; j++) {
			if (strcmp(v->ballots[j].member, p[i].key) == 0)
				break;
		}
		if (j == v->nballots) {
			v->ballots = xreallocarray(v->ballots, v->nballots + 1,
			    sizeof *v->ballots);
			b = &v->ballots[v->nballots++];
			b->member = xstrdup(p[i].key);
			b->choice = NULL;
		} else
			b = &v->ballots[j];
		free(b->choice);
		b->choice = xstrdup(p[i].value != NULL ? p[i].value : "");
		b->ts = ev->ts;
		b->late = v->deadline != 0 && ev->ts > v->deadline;
	}
	json_pairs_free(p, n);
}

static int
vq_tally_cb(const struct event *ev, void *arg)
{
	struct vq	*q = arg;
	char		*pl;

	if ((pl = vq_same_vote(q, ev)) != NULL)
		vq_tally(q, ev, pl);
	free(pl);
	return 0;
}

static int
vq_result_cb(const struct event *ev, void *arg)
{
	struct vq		*q = arg;
	struct vote_view	*v = q->v;
	char			*s, *pl;

	if ((pl = vq_same_vote(q, ev)) == NULL)
		return 0;
	vq_set(&v->outcome, pl, "outcome");
	s = vq_get(pl, "declared");
	v->declared = s != NULL && strcmp(s, "1") == 0;
	free(s);
	free(pl);
	v->result_seq = ev->seq;
	return 0;
}

/* A member who withdrew from the vote's item. */
static int
vq_interest_cb(const struct event *ev, void *arg)
{
	struct vq		*q = arg;
	struct vote_view	*v = q->v;
	char			*item, *id, *w, *pl;
	int			 i;

	if ((pl = vq_payload(q, ev)) == NULL)
		return 0;
	item = vq_get(pl, "item");
	w = vq_get(pl, "withdraws");
	id = vq_get(pl, "member");
	if (item != NULL && v->item != NULL && strcmp(item, v->item) == 0 &&
	    w != NULL && strcmp(w, "1") == 0 &&
	    (i = vote_view_member(v, id)) >= 0)
		v->members[i].withdrawn = 1;
	free(item);
	free(w);
	free(id);
	free(pl);
	return 0;
}

static int
vq_decision_cb(const struct event *ev, void *arg)
{
	struct vq	*q = arg;
	char		*pl;

	if ((pl = vq_same_vote(q, ev)) == NULL)
		return 0;
	vq_set(&q->v->decision, pl, "outcome");
	free(pl);
	return 0;
}

/*
 * The call of the vote, walking the calls newest first: the first with an
 * id (want's, when set) is the one a forward walk would have ended on.
 */
static int
vq_find_last_cb(const struct event *ev, void *arg)
{
	struct vq	*q = arg;
	char		*id, *pl;
	int		 found;

	if ((pl = vq_payload(q, ev)) == NULL)
		return q->cause != NULL;	/* retracted: on; a read error: stop */
	id = vq_get(pl, "id");
	found = id != NULL && (q->want == NULL || strcmp(id, q->want) == 0);
	free(id);
	free(pl);
	if (found)
		vq_call_cb(ev, q);
	return found;
}

static int	vq_load(struct log *, const char *, int64_t, struct vote_view *,
		    int, char **);

int
vote_view_load(struct log *log, struct vote_view *v, char **cause)
{
	return vq_load(log, NULL, 0, v, 1, cause);
}

int
vote_view_load_vote(struct log *log, const char *id, int64_t before,
    struct vote_view *v, char **cause)
{
	return vq_load(log, id, before, v, 0, cause);
}

/*
 * The vote (id, or the last called) as the log stands before seq before
 * (0: all of it). With next, every call is read for ncalls and next_id,
 * which the terminal's pane shows; a check needs only the vote's own
 * call, found from the end, so that checking each of a meeting's votes
 * does not read every call again (an import of thousands of votes stays
 * linear in them).
 */
static int
vq_load(struct log *log, const char *id, int64_t before, struct vote_view *v,
    int next, char **cause)
{
	struct vq	 q;
	size_t		 i, k;
	int64_t		 to = before > 0 ? before - 1 : -1;
	int		 rc = -1;

	memset(v, 0, sizeof *v);
	memset(&q, 0, sizeof q);
	q.log = log;
	q.v = v;
	q.corrections = LOG_CORR_AMENDS | LOG_CORR_RETRACTS;
	q.want = id;
	q.to = to;
	if (to == 0)
		return 0;	/* before the first event: nothing */
	if (log_foreach(log, 1, to, "meta.set", vq_meta_cb, &q, cause) != 0 ||
	    vq_members(&q, to, cause) != 0 ||
	    (next ? log_foreach(log, 1, to, "vote.call", vq_call_cb, &q,
	    cause) : log_foreach_type_rev(log, to, "vote.call",
	    vq_find_last_cb, &q, cause)) != 0 ||
	    vq_attendances(&q, to, cause) != 0 || vq_failed(&q, cause))
		goto out;
	for (k = v->ncalls + 1; next; k++) {
		free(v->next_id);
		v->next_id = xasprintf("v%zu", k);
		for (i = 0; i < q.nids; i++) {
			if (strcmp(q.ids[i], v->next_id) == 0)
				break;
		}
		if (i == q.nids)
			break;
	}
	if (v->id != NULL) {
		q.merge = v->method != NULL && strcmp(v->method, "written") == 0;
		if (vq_at_call(&q, cause) != 0 ||
		    log_foreach_type_rev(log, to, "agenda.add", vq_item_cb, &q,
		    cause) != 0 ||
		    log_foreach(log, 1, v->call_seq - 1, "interest",
		    vq_interest_cb, &q, cause) != 0 ||
		    log_foreach(log, v->call_seq, to, "vote.tally", vq_tally_cb,
		    &q, cause) != 0 ||
		    log_foreach(log, v->call_seq, to, "vote.result",
		    vq_result_cb, &q, cause) != 0 ||
		    log_foreach(log, v->call_seq, to, "decision",
		    vq_decision_cb, &q, cause) != 0 || vq_failed(&q, cause))
			goto out;
	}
	rc = 0;
out:
	vq_free(&q);
	if (rc != 0)
		vote_view_clear(v);
	return rc;
}

/* The vote.call of one vote id (the last such call before the tally). */
struct vq_find {
	struct vq	*q;
	const char	*id;
};

static int
vq_find_call_cb(const struct event *ev, void *arg)
{
	struct vq_find	*f = arg;
	char		*id;
	int		 same;

	id = vq_get(ev->payload, "id");
	same = id != NULL && strcmp(id, f->id) == 0;
	free(id);
	if (same)
		vq_call_cb(ev, f->q);
	return 0;
}

int
vote_tally_counts(struct log *log, const struct event *tally,
    struct vote_counts *c, char **cause)
{
	struct vote_view	 v;
	struct vote_spec	 spec;
	struct vq		 q;
	struct vq_find		 f;
	char			*id;
	int			 rc = -1;

	*cause = NULL;
	memset(c, 0, sizeof *c);
	memset(&v, 0, sizeof v);
	memset(&q, 0, sizeof q);
	q.log = log;
	q.v = &v;
	q.corrections = LOG_CORR_RETRACTS;	/* as recorded: no amends */
	if ((id = vq_get(tally->payload, "vote")) == NULL) {
		*cause = xstrdup(_("vote.tally without a vote id"));
		return -1;
	}
	f.q = &q;
	f.id = id;
	if (log_foreach(log, 1, tally->seq, "vote.call", vq_find_call_cb, &f,
	    cause) != 0 || vq_failed(&q, cause))
		goto out;
	if (v.id == NULL) {
		*cause = xasprintf(_("vote.tally of an unknown vote '%s'"), id);
		goto out;
	}
	if (vq_at_call(&q, cause) != 0)
		goto out;
	/* Written answers accumulate: every earlier tally's ballots count. */
	q.merge = v.method != NULL && strcmp(v.method, "written") == 0;
	if (q.merge) {
		if (log_foreach(log, v.call_seq, tally->seq - 1, "vote.tally",
		    vq_tally_cb, &q, cause) != 0 || vq_failed(&q, cause))
			goto out;
	}
	/* This tally as recorded, even when a later retract undid it. */
	vq_tally(&q, tally, tally->payload);
	memset(&spec, 0, sizeof spec);
	spec.id = v.id;
	if (vote_method_parse(v.method, &spec.method, cause) != 0)
		goto out;
	spec.deadline = v.deadline;
	rc = vote_view_counts(&v, &spec, v.ballots, v.nballots, c, cause);
out:
	free(id);
	vq_free(&q);
	vote_view_clear(&v);
	return rc;
}

void
vote_view_clear(struct vote_view *v)
{
	size_t	 i;

	for (i = 0; i < v->nmembers; i++) {
		free(v->members[i].id);
		free(v->members[i].name);
		free(v->members[i].role);
	}
	free(v->members);
	free(v->mindex);
	vq_ballots_clear(v);
	free(v->quorum);
	free(v->rule);
	free(v->abstain);
	free(v->chair);
	free(v->tz);
	free(v->next_id);
	free(v->id);
	free(v->item);
	free(v->item_title);
	free(v->item_kind);
	free(v->motion);
	free(v->method);
	free(v->vrule);
	free(v->casting);
	free(v->presiding);
	free(v->outcome);
	free(v->decision);
	memset(v, 0, sizeof *v);
}

int
vote_view_member(const struct vote_view *v, const char *id)
{
	size_t	 i, k;

	if (id == NULL)
		return -1;
	if (v->mindex_cap == 0) {
		for (i = 0; i < v->nmembers; i++) {
			if (strcmp(v->members[i].id, id) == 0)
				return (int)i;
		}
		return -1;
	}
	for (k = vq_hash(id) % v->mindex_cap; v->mindex[k] != 0;
	    k = (k + 1) % v->mindex_cap) {
		if (strcmp(v->members[v->mindex[k] - 1].id, id) == 0)
			return (int)(v->mindex[k] - 1);
	}
	return -1;
}

long
vote_view_present(const struct vote_view *v, int at_call, int *chair_present)
{
	size_t	 i;
	long	 n = 0;
	int	 p, chair = 0;

	for (i = 0; i < v->nmembers; i++) {
		p = at_call && v->id != NULL ? v->members[i].present_call :
		    v->members[i].present_now;
		if (!p)
			continue;
		if (v->members[i].chair || v->members[i].presiding)
			chair = 1;
		if (!v->members[i].presiding && !v->members[i].withdrawn)
			n++;
	}
	if (chair_present != NULL)
		*chair_present = chair;
	return n;
}

/* The view as vote-report.h reads a vote; members and ballots allocated. */
static void
vq_input(const struct vote_view *v, const struct vote_view_pending *pend,
    struct vote_input *in, struct vote_input_member **mbp,
    struct vote_ballot **bp)
{
	struct vote_input_member	*mb;
	struct vote_ballot		*b = NULL;
	const struct vote_view_ballot	*vb = NULL;
	size_t				 i, nb = 0;

	memset(in, 0, sizeof *in);
	mb = xcalloc(v->nmembers + 1, sizeof *mb);
	for (i = 0; i < v->nmembers; i++) {
		mb[i].id = v->members[i].id;
		mb[i].role = v->members[i].presiding ? VIR_PRESIDING :
		    v->members[i].chair ? VIR_CHAIR : VIR_MEMBER;
		mb[i].present = v->id != NULL ? v->members[i].present_call :
		    v->members[i].present_now;
		mb[i].withdrawn = v->members[i].withdrawn;
	}
	in->members = mb;
	in->nmembers = v->nmembers;
	in->seats = v->seats;
	in->quorum = v->quorum;
	in->rule = v->rule;
	in->abstain = v->abstain;
	in->chair = v->chair;
	in->id = v->id;
	in->method = v->id != NULL ? v->method : NULL;
	in->vrule = v->vrule;
	in->needed = v->needed;
	in->voters = v->voters;
	in->deadline = v->deadline;
	if (pend != NULL && pend->nballots > 0) {
		in->has_tally = 1;
		vb = pend->ballots;
		nb = pend->nballots;
	} else if (pend != NULL && pend->counts) {
		in->has_tally = 1;
		in->has_counts = 1;
		in->n_for = pend->n_for;
		in->n_against = pend->n_against;
		in->n_abstain = pend->n_abstain;
	} else if (pend != NULL) {
		in->has_tally = 1;	/* a roll call with no answer yet */
	} else if (v->ntallies > 0) {
		in->has_tally = 1;
		in->has_counts = v->has_counts;
		in->n_for = v->n_for;
		in->n_against = v->n_against;
		in->n_abstain = v->n_abstain;
		in->unanimous = v->unanimous;
		in->casting = v->casting;
		in->presiding = v->presiding;
		vb = v->ballots;
		nb = v->nballots;
	}
	if (nb > 0) {
		b = xcalloc(nb, sizeof *b);
		for (i = 0; i < nb; i++) {
			b[i].member = vb[i].member;
			b[i].choice = vb[i].choice;
			b[i].ts = vb[i].ts;
		}
	}
	in->ballots = b;
	in->nballots = nb;
	in->outcome = v->outcome;
	in->declared = v->declared;
	*mbp = mb;
	*bp = b;
}

void
vote_view_report(const struct vote_view *v,
    const struct vote_view_pending *pend, struct vote_report *r)
{
	struct vote_input		 in;
	struct vote_input_member	*mb;
	struct vote_ballot		*b;

	vq_input(v, pend, &in, &mb, &b);
	vote_report_compute(&in, r);
	free(mb);
	free(b);
}

int
vote_view_spec(const struct vote_view *v, struct vote_spec *spec,
    char **cause)
{
	struct vote_view_pending	 none;
	struct vote_report		 r;

	/* No tally: only the options and the roster are read. */
	memset(&none, 0, sizeof none);
	none.counts = 1;
	vote_view_report(v, &none, &r);
	*spec = r.spec;
	if (!r.spec_ok) {
		*cause = r.cause;
		r.cause = NULL;
		vote_report_clear(&r);
		return -1;
	}
	vote_report_clear(&r);
	return 0;
}

static enum vote_member
vq_member_fn(const char *member, void *arg)
{
	const struct vote_view	*v = arg;
	int			 i = vote_view_member(v, member);

	if (v->nmembers == 0)
		return VOTE_MEMBER;	/* no roster read: every ballot counts */
	if (i < 0)
		return VOTE_NOT_MEMBER;
	return v->members[i].chair ? VOTE_MEMBER_CHAIR : VOTE_MEMBER;
}

static int
vote_view_counts(const struct vote_view *v, const struct vote_spec *spec,
    const struct vote_view_ballot *b, size_t n, struct vote_counts *c,
    char **cause)
{
	struct vote_ballot	*vb;
	enum vote_choice	 ch;
	size_t			 i;
	int			 rc;

	memset(c, 0, sizeof *c);
	if (n > 0) {
		vb = xcalloc(n, sizeof *vb);
		for (i = 0; i < n; i++) {
			vb[i].member = b[i].member;
			vb[i].choice = b[i].choice;
			vb[i].ts = b[i].ts;
		}
		rc = vote_tally_ballots(spec, vb, n, vq_member_fn, (void *)v,
		    c, cause);
		free(vb);
		if (rc != 0 || b != v->ballots)
			return rc;	/* ballots being taken: no casting yet */
	} else {
		c->yes = v->n_for;
		c->no = v->n_against;
		c->abstain = v->n_abstain;
		c->unanimous = v->unanimous;
	}
	/* The last tally's casting vote (ballots carry none). */
	c->casting = VOTE_NONE;
	if (v->casting != NULL && vote_choice_parse(v->casting, &ch,
	    cause) == 0)
		c->casting = ch;
	else if (v->casting != NULL)
		return -1;
	return 0;
}

/* Voting members present now (at the end of what was read). */
static long
vq_present_now(const struct vote_view *v)
{
	size_t	 i;
	long	 n = 0;

	for (i = 0; i < v->nmembers; i++) {
		if (v->members[i].present_now && !v->members[i].presiding)
			n++;
	}
	return n;
}

static const char vq_seats_hint[] = N_("record who is absent (attendance), "
    "or correct meta.set seats; a presiding officer who holds no seat is "
    "member.add kind presiding");

/*
 * A roll call's answers against the attendance at the call: a member
 * recorded absent or gone does not answer yes, no or abstain (a written
 * vote's answers come from anywhere: not judged here).
 */
static int
vq_check_ballots(const struct vote_view *v, char **cause)
{
	size_t	 k;
	int	 i;

	for (k = 0; k < v->nballots; k++) {
		const struct vote_view_ballot *bl = &v->ballots[k];

		if (bl->member == NULL || bl->choice == NULL)
			continue;	/* refused as a ballot already */
		if (strcmp(bl->choice, "yes") != 0 &&
		    strcmp(bl->choice, "no") != 0 &&
		    strcmp(bl->choice, "abstain") != 0)
			continue;
		if ((i = vote_view_member(v, bl->member)) < 0 ||
		    v->members[i].present_call)
			continue;
		*cause = xasprintf(_("ballot of %s: %s, but %s is recorded "
		    "absent when the vote was called: record the arrival "
		    "first, or answer absent"), bl->member, bl->choice,
		    bl->member);
		return 1;
	}
	return 0;
}

/* A tally about to be recorded, counted as the minutes will count it. */
static int
vq_check_tally(struct log *log, const char *payload, int64_t before,
    int64_t ts, char **cause)
{
	struct vote_view	 v;
	struct vote_report	 r;
	struct event		 ev;
	struct vq		 q;
	char			*id;
	int			 rc = 0;

	if ((id = json_get(payload, "$.vote")) == NULL)
		return 0;
	if (vote_view_load_vote(log, id, before, &v, cause) != 0) {
		free(id);
		return -1;
	}
	free(id);
	if (v.id == NULL) {
		vote_view_clear(&v);
		return 0;	/* not called yet (an import's order): later */
	}
	memset(&q, 0, sizeof q);
	q.log = log;
	q.v = &v;
	q.merge = v.method != NULL && strcmp(v.method, "written") == 0;
	memset(&ev, 0, sizeof ev);
	ev.seq = before > 0 ? before : log_last_seq(log) + 1;
	/* The clock only when the time counts: a written answer's deadline. */
	if (ts == INT64_MIN)
		ts = q.merge && v.deadline != 0 ? clock_now() : 0;
	ev.ts = ts;
	vq_tally(&q, &ev, payload);
	vote_view_report(&v, NULL, &r);
	if (!r.computed && r.cause != NULL) {
		*cause = r.cause;
		r.cause = NULL;
		rc = 1;
	} else if (!q.merge)
		rc = vq_check_ballots(&v, cause);
	vote_report_clear(&r);
	vote_view_clear(&v);
	return rc;
}

/*
 * The roster and the seats alone (meta.set, member.add before seq before):
 * while the voting members on the roster are no more than the seats, no
 * attendance can make them more, and the attendance is not read at all
 * (an import of thousands of attendance events stays linear).
 */
static int
vq_roster_fits(struct log *log, int64_t before, int *fits, long *seats,
    char **cause)
{
	struct vote_view	 v;
	struct vq		 q;
	long			 n = 0;

	*fits = 1;
	*seats = 0;
	memset(&v, 0, sizeof v);
	memset(&q, 0, sizeof q);
	q.log = log;
	q.v = &v;
	q.corrections = LOG_CORR_AMENDS | LOG_CORR_RETRACTS;
	q.to = before > 0 ? before - 1 : -1;
	if (q.to == 0)
		return 0;
	if (log_foreach(log, 1, q.to, "meta.set", vq_meta_cb, &q,
	    cause) != 0 || vq_failed(&q, cause) ||
	    vq_seated(log, q.to, &n, cause) != 0) {
		vq_free(&q);
		vote_view_clear(&v);
		return -1;
	}
	*fits = v.seats == 0 || n <= v.seats;
	*seats = v.seats;
	vq_free(&q);
	vote_view_clear(&v);
	return 0;
}

/*
 * A motion is moved and seconded from the floor: by two members, each in
 * the room as the attendance recorded before the call stands (not absent
 * or gone, nor voting in writing or by proxy).
 */
static int
vq_check_movers(struct log *log, const char *payload, int64_t before,
    char **cause)
{
	static const char *const fields[] = { "moved_by", "seconded_by" };
	struct vote_view	 v;
	char			*who[2];
	int			 k, i, rc = 0;

	for (k = 0; k < 2; k++)
		who[k] = json_get(payload, k == 0 ? "$.moved_by" :
		    "$.seconded_by");
	if (who[0] != NULL && who[1] != NULL && strcmp(who[0], who[1]) == 0) {
		*cause = xasprintf(_("field 'seconded_by': %s moved the "
		    "motion: the seconder is another member"), who[1]);
		rc = 1;
	} else if (who[0] != NULL || who[1] != NULL) {
		if (vote_view_load_vote(log, NULL, before, &v, cause) != 0)
			rc = -1;
		for (k = 0; rc == 0 && k < 2; k++) {
			if (who[k] == NULL ||
			    (i = vote_view_member(&v, who[k])) < 0 ||
			    v.members[i].in_room_now)
				continue;
			*cause = xasprintf(_("field '%s': %s is not in the room "
			    "as the attendance stands (absent, gone, or voting "
			    "in writing or by proxy): record their arrival "
			    "first, or name a member who is there"), fields[k],
			    who[k]);
			rc = 1;
		}
		if (rc >= 0)
			vote_view_clear(&v);
	}
	free(who[0]);
	free(who[1]);
	return rc;
}

int
vote_view_check(struct log *log, enum event_type t, const char *payload,
    int64_t before, int64_t ts, char **cause)
{
	struct vote_view	 v;
	char			*member = NULL, *st = NULL, *s;
	long			 present, needed = 0, seats, voters;
	int			 i, rc = 0, fits;

	*cause = NULL;
	if (t == EV_VOTE_TALLY)
		return vq_check_tally(log, payload, before, ts, cause);
	if (t != EV_VOTE_CALL && t != EV_ATTENDANCE)
		return 0;
	if (t == EV_ATTENDANCE) {
		st = json_get(payload, "$.status");
		i = st != NULL && vq_status(st) == 1;
		free(st);
		st = NULL;
		if (!i)
			return 0;	/* nobody comes in */
	}
	if (t == EV_VOTE_CALL && (rc = vq_check_movers(log, payload, before,
	    cause)) != 0)
		return rc;
	if (vq_roster_fits(log, before, &fits, &seats, cause) != 0)
		return -1;
	if (t == EV_VOTE_CALL && (s = json_get(payload, "$.needed")) != NULL) {
		needed = strtol(s, NULL, 10);
		free(s);
		if (seats > 0 && needed > seats) {
			*cause = xasprintf(_("field 'needed': %ld votes needed "
			    "but the body has only %ld seats"), needed, seats);
			return 1;
		}
	}
	if (t == EV_VOTE_CALL && (s = json_get(payload, "$.voters")) != NULL) {
		voters = strtol(s, NULL, 10);
		free(s);
		if (voters > VOTE_MAX) {
			*cause = xasprintf(_("field 'voters': %ld is more than "
			    "the rules of votes count (at most %ld)"), voters,
			    VOTE_MAX);
			return 1;
		}
		if (seats > 0 && voters > seats) {
			*cause = xasprintf(_("field 'voters': %ld voters "
			    "counted but the body has only %ld seats"), voters,
			    seats);
			return 1;
		}
		if (voters > 0)
			return 0;	/* the count, not the roster */
	}
	if (fits)
		return 0;
	if (vote_view_load_vote(log, NULL, before, &v, cause) != 0)
		return -1;
	present = vq_present_now(&v);
	if (t == EV_VOTE_CALL) {
		s = json_get(payload, "$.method");
		if (seats > 0 && present > seats && (s == NULL ||
		    strcmp(s, "written") != 0)) {
			*cause = xasprintf(_("%ld voting members are present "
			    "but the body has %ld seats: %s"), present, seats,
			    _(vq_seats_hint));
			rc = 1;
		}
		free(s);
	} else {
		/* An arrival: one more present, never beyond the seats. */
		member = json_get(payload, "$.member");
		st = json_get(payload, "$.status");
		i = vote_view_member(&v, member);
		if (seats > 0 && i >= 0 && st != NULL &&
		    vq_status(st) == 1 && !v.members[i].present_now &&
		    !v.members[i].presiding && present + 1 > seats) {
			*cause = xasprintf(_("with %s %s, %ld voting members "
			    "would be present but the body has %ld seats: %s"),
			    member, st, present + 1, seats, _(vq_seats_hint));
			rc = 1;
		}
		free(member);
		free(st);
	}
	vote_view_clear(&v);
	return rc;
}
