/* SPDX-License-Identifier: ISC */
/*
 * The corrections index (correct.h): every correction in seq order, and a
 * hash table with one node per uuid that a correction names or carries,
 * each node holding the list of corrections aimed at it. Whether a
 * correction is in effect is kept up to date as corrections arrive: a new
 * retract can only change the state of its own target, and that change
 * can only change the state of the target's target (a retract of a
 * retract), so an addition walks one chain, without recursion.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "correct.h"
#include "json.h"
#include "xmalloc.h"

struct corr_node {
	char		 uuid[LOG_UUID_LEN];	/* "" when the slot is free */
	size_t		 self;		/* 1 + index of the correction with
					   this uuid, 0 for none */
	size_t		 first;		/* 1 + index of the first correction
					   aimed at it, 0 for none */
	size_t		 last;
};

struct corr_item {
	struct correction c;
	size_t		 next;		/* 1 + index of the next correction
					   with the same target, 0 for none */
};

struct corrections {
	struct corr_item *items;
	size_t		 n, cap;
	struct corr_node *nodes;
	size_t		 nnodes;	/* a power of two */
	size_t		 used;
	int		 deferred;	/* corrections_defer() */
};

static uint32_t
corr_hash(const char *s)
{
	uint32_t	 h = 2166136261u;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct corr_node *
corr_lookup(const struct corrections *cs, const char *uuid)
{
	struct corr_node	*n;
	size_t			 i;

	if (cs->nnodes == 0 || uuid == NULL || *uuid == '\0')
		return NULL;
	i = corr_hash(uuid) & (cs->nnodes - 1);
	for (;; i = (i + 1) & (cs->nnodes - 1)) {
		n = &cs->nodes[i];
		if (n->uuid[0] == '\0')
			return NULL;
		if (strcmp(n->uuid, uuid) == 0)
			return n;
	}
}

static void corr_grow(struct corrections *);

static struct corr_node *
corr_node(struct corrections *cs, const char *uuid)
{
	struct corr_node	*n;
	size_t			 i;

	if ((n = corr_lookup(cs, uuid)) != NULL)
		return n;
	if ((cs->used + 1) * 2 > cs->nnodes)
		corr_grow(cs);
	i = corr_hash(uuid) & (cs->nnodes - 1);
	while (cs->nodes[i].uuid[0] != '\0')
		i = (i + 1) & (cs->nnodes - 1);
	n = &cs->nodes[i];
	memset(n, 0, sizeof *n);
	memcpy(n->uuid, uuid, strnlen(uuid, sizeof n->uuid - 1));
	cs->used++;
	return n;
}

static void
corr_grow(struct corrections *cs)
{
	struct corr_node	*old = cs->nodes, *n;
	size_t			 nold = cs->nnodes, i, j;

	cs->nnodes = nold != 0 ? nold * 2 : 64;
	cs->nodes = xcalloc(cs->nnodes, sizeof *cs->nodes);
	for (i = 0; i < nold; i++) {
		if (old[i].uuid[0] == '\0')
			continue;
		j = corr_hash(old[i].uuid) & (cs->nnodes - 1);
		while (cs->nodes[j].uuid[0] != '\0')
			j = (j + 1) & (cs->nnodes - 1);
		n = &cs->nodes[j];
		*n = old[i];
	}
	free(old);
}

struct corrections *
corrections_new(void)
{
	return xcalloc(1, sizeof (struct corrections));
}

void
corrections_free(struct corrections **csp)
{
	struct corrections	*cs = *csp;
	size_t			 i;

	if (cs == NULL)
		return;
	for (i = 0; i < cs->n; i++) {
		free(cs->items[i].c.station);
		free(cs->items[i].c.data);
		free(cs->items[i].c.reason);
	}
	free(cs->items);
	free(cs->nodes);
	free(cs);
	*csp = NULL;
}

static struct correction *
corr_at(const struct corrections *cs, size_t plus1)
{
	return plus1 != 0 ? &cs->items[plus1 - 1].c : NULL;
}

/*
 * The seq of the first retract in effect that withdraws c (one recorded
 * after it, naming it), or 0.
 */
static int64_t
corr_withdrawn_by(const struct corrections *cs, const struct correction *c)
{
	const struct corr_node	*n = corr_lookup(cs, c->uuid);
	const struct corr_item	*it;
	size_t			 k;

	for (k = n != NULL ? n->first : 0; k != 0; k = it->next) {
		it = &cs->items[k - 1];
		if (it->c.type == EV_RETRACT && it->c.seq > c->seq &&
		    it->c.withdrawn == 0)
			return it->c.seq;
	}
	return 0;
}

/* The name of no event: what a target that cannot be a uuid becomes. */
#define CORR_NOTHING	"-"

const struct correction *
corrections_add(struct corrections *cs, int64_t seq, int64_t ts,
    const char *uuid, const char *station, enum event_type type,
    const char *target, const char *data, const char *reason,
    corrections_changed_cb changed, void *arg)
{
	struct corr_item	*it;
	struct corr_node	*n;
	struct correction	*c, *t;
	int64_t			 was;
	size_t			 k;

	if ((type != EV_AMEND && type != EV_RETRACT && type != EV_REDACT) ||
	    uuid == NULL)
		return NULL;
	/*
	 * A target that cannot be a uuid (empty, or longer than one: cut to
	 * a uuid's length, "<uuid> " would name that uuid) names no event:
	 * the correction is kept, in its place, and changes nothing.
	 */
	if (target == NULL || *target == '\0' ||
	    strlen(target) >= sizeof it->c.target)
		target = CORR_NOTHING;
	if (strlen(uuid) >= sizeof it->c.uuid)
		uuid = CORR_NOTHING;
	if (cs->n == cs->cap) {
		cs->cap = cs->cap != 0 ? cs->cap * 2 : 16;
		cs->items = xreallocarray(cs->items, cs->cap, sizeof *cs->items);
	}
	k = cs->n++;
	it = &cs->items[k];
	memset(it, 0, sizeof *it);
	c = &it->c;
	c->seq = seq;
	c->ts = ts;
	memcpy(c->uuid, uuid, strnlen(uuid, sizeof c->uuid - 1));
	memcpy(c->target, target, strnlen(target, sizeof c->target - 1));
	c->type = type;
	c->station = xstrdup(station != NULL ? station : "");
	c->data = type == EV_AMEND && data != NULL ? xstrdup(data) : NULL;
	c->reason = reason != NULL ? xstrdup(reason) : NULL;

	n = corr_node(cs, c->uuid);
	if (n->self == 0)
		n->self = k + 1;
	n = corr_node(cs, c->target);
	if (n->last != 0)
		cs->items[n->last - 1].next = k + 1;
	else
		n->first = k + 1;
	n->last = k + 1;
	if (changed != NULL)
		changed(c->target, arg);

	/*
	 * A retract of a correction may withdraw it; a withdrawn retract
	 * gives its own target back, and so on down the chain.
	 */
	if (cs->deferred)
		return c;
	t = c;
	while (t->type == EV_RETRACT &&
	    (n = corr_lookup(cs, t->target)) != NULL && n->self != 0) {
		t = corr_at(cs, n->self);
		was = t->withdrawn;
		t->withdrawn = corr_withdrawn_by(cs, t);
		if ((was == 0) == (t->withdrawn == 0))
			break;
		if (changed != NULL)
			changed(t->target, arg);
	}
	return c;
}

void
corrections_defer(struct corrections *cs)
{
	cs->deferred = 1;
}

/*
 * Newest first: whether a correction is in effect depends only on the
 * retracts recorded after it, already settled.
 */
void
corrections_settle(struct corrections *cs)
{
	size_t	 i;

	for (i = cs->n; i > 0; i--)
		cs->items[i - 1].c.withdrawn = corr_withdrawn_by(cs,
		    &cs->items[i - 1].c);
	cs->deferred = 0;
}

const struct correction *
corrections_add_event(struct corrections *cs, const struct event *ev,
    corrections_changed_cb changed, void *arg)
{
	const struct correction	*c;
	char			*target, *data = NULL, *reason;

	if (ev->etype != EV_AMEND && ev->etype != EV_RETRACT &&
	    ev->etype != EV_REDACT)
		return NULL;
	target = json_get(ev->payload, "$.target");
	if (ev->etype == EV_AMEND)
		data = json_get(ev->payload, "$.data");
	reason = json_get(ev->payload, "$.reason");
	c = corrections_add(cs, ev->seq, ev->ts, ev->uuid, ev->station,
	    ev->etype, target, data, reason, changed, arg);
	free(target);
	free(data);
	free(reason);
	return c;
}

const struct correction *
corrections_find(const struct corrections *cs, const char *uuid)
{
	const struct corr_node	*n = corr_lookup(cs, uuid);

	return n != NULL ? corr_at(cs, n->self) : NULL;
}

size_t
corrections_count(const struct corrections *cs)
{
	return cs->n;
}

const struct correction *
corrections_at(const struct corrections *cs, size_t i)
{
	return i < cs->n ? &cs->items[i].c : NULL;
}

int
corrections_any(const struct corrections *cs, const char *uuid)
{
	const struct corr_node	*n = corr_lookup(cs, uuid);

	return n != NULL && n->first != 0;
}

/*
 * Visit the corrections that name c, and theirs, depth first (an explicit
 * stack: a hostile file may chain retracts of retracts very deep).
 */
static void
corr_visit_under(const struct corrections *cs, const struct correction *c,
    const char *before, corrections_visit_cb visit, void *arg)
{
	const struct correction	**stack = NULL, *t, *d;
	const struct corr_node	*n;
	size_t			 nstack = 0, cap = 0, k, first, count, i;

	stack = xreallocarray(NULL, cap = 16, sizeof *stack);
	stack[nstack++] = c;
	while (nstack > 0) {
		t = stack[--nstack];
		if ((n = corr_lookup(cs, t->uuid)) == NULL || n->first == 0)
			continue;
		/* Push in reverse so that they come out in seq order. */
		first = nstack;
		count = 0;
		for (k = n->first; k != 0; k = cs->items[k - 1].next) {
			d = &cs->items[k - 1].c;
			if (d->seq <= t->seq)
				continue;
			if (nstack == cap)
				stack = xreallocarray(stack, cap *= 2,
				    sizeof *stack);
			stack[nstack++] = d;
			count++;
		}
		for (i = 0; i < count / 2; i++) {
			d = stack[first + i];
			stack[first + i] = stack[first + count - 1 - i];
			stack[first + count - 1 - i] = d;
		}
		/* Visit in seq order; their own corrections after each. */
		for (i = nstack; i > first; i--)
			visit(stack[i - 1], t, before, NULL, arg);
	}
	free(stack);
}

/* The members of cur that patch names, as an object (the amended fields). */
static char *
corr_fields(const struct json_member *cur, size_t ncur, const char *patch)
{
	struct json_member	*p, *sub;
	size_t			 pn, i, nsub = 0;
	ssize_t			*at;
	char			*r;

	p = json_split(patch, &pn);
	at = json_members_find_all(cur, ncur, p, pn);
	sub = xreallocarray(NULL, pn + 1, sizeof *sub);
	for (i = 0; i < pn; i++) {
		if (at[i] >= 0)
			sub[nsub++] = cur[at[i]];
	}
	r = json_join(sub, nsub);
	free(sub);
	free(at);
	json_members_free(p, pn);
	return r;
}

/*
 * The amends are merged member by member (json_members_patch): a long
 * speech amended many times in its label is split once and joined once,
 * and the appendix keeps only the fields each amend changed, as they were
 * and as they became.
 */
unsigned
corrections_apply(const struct corrections *cs, const char *uuid,
    int64_t seq, const char *payload, char **data, const char **reason,
    corrections_visit_cb visit, void *arg)
{
	const struct corr_node	*n = corr_lookup(cs, uuid);
	const struct correction	*c, *self;
	const char		*retract_reason = NULL, *redact_reason = NULL;
	struct json_member	*cur = NULL;
	size_t			 ncur = 0;
	char			*before, *after, *whole;
	unsigned		 flags = 0;
	size_t			 k;
	int			 split = 0;

	if (data != NULL)
		*data = NULL;
	if (reason != NULL)
		*reason = NULL;
	if (n == NULL || n->first == 0)
		return 0;
	/* An amend or redact of a correction changes nothing. */
	self = corr_at(cs, n->self);
	for (k = n->first; k != 0; k = cs->items[k - 1].next) {
		c = &cs->items[k - 1].c;
		if (c->seq <= seq)
			continue;	/* a correction cannot precede its target */
		before = after = NULL;
		if (c->type == EV_AMEND && self == NULL && c->data != NULL) {
			if (!split) {
				cur = json_split(payload, &ncur);
				split = 1;
			}
			before = corr_fields(cur, ncur, c->data);
			after = json_merge(before, c->data);
		}
		/*
		 * The corrections of a correction see the event as that
		 * correction made it (an amend withdrawn: what it made).
		 */
		if (visit != NULL && after != NULL) {
			visit(c, NULL, before, after, arg);
			corr_visit_under(cs, c, after, visit, arg);
		} else if (visit != NULL) {
			whole = flags & CORR_AMENDED ? json_join(cur, ncur) :
			    NULL;
			visit(c, NULL, whole != NULL ? whole : payload, NULL,
			    arg);
			corr_visit_under(cs, c, whole != NULL ? whole : payload,
			    visit, arg);
			free(whole);
		}
		if (after != NULL && c->withdrawn == 0) {
			json_members_patch(&cur, &ncur, c->data);
			flags |= CORR_AMENDED;
		}
		free(before);
		free(after);
		if (c->withdrawn != 0)
			continue;
		if (c->type == EV_RETRACT) {
			flags |= CORR_RETRACTED;
			retract_reason = c->reason;
		} else if (c->type == EV_REDACT && self == NULL) {
			flags |= CORR_REDACTED;
			redact_reason = c->reason;
		}
	}
	if (reason != NULL)
		*reason = retract_reason != NULL ? retract_reason :
		    (flags & CORR_RETRACTED) ? NULL : redact_reason;
	if (data != NULL && (flags & CORR_AMENDED))
		*data = json_join(cur, ncur);
	json_members_free(cur, ncur);
	return flags;
}
