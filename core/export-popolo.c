/* SPDX-License-Identifier: ISC */
/*
 * Popolo (popoloproject.com, JSON Schema draft-03) and the Open Civic Data
 * vote vocabulary: a meeting as one JSON object of five arrays — persons,
 * organizations, memberships, motions, vote_events. Popolo defines no
 * container; the object of arrays is the shape of the vendored sample and
 * of the validator in tests/popolo_validate.py.
 *
 * Ids are derived from event uuids (giji-person-<member.add uuid>,
 * giji-vote-<vote.call uuid> …), so they are the same on every run and
 * after giji log --json | giji import. Dates are RFC 3339 with the
 * meeting's offset. Properties outside the specification start with '+'
 * (Popolo's advice to flag them): the Japanese words, the giji method,
 * superseded tallies, the anchor (+anchor: the chain's head hash and the
 * number of events). Strings are cleaned (utf8_sanitize) and written
 * with json_quote_str; nothing is parsed here. The export borrows the meeting and owns only its buffer.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "fold.h"
#include "json.h"
#include "utf8.h"
#include "xmalloc.h"

struct popolo {
	const struct meeting	*m;
	int			 public;
	int			 anon;
	int			 en;		/* words in English */
	char			*session_id;	/* meta session's event, or NULL */
	const char		*redaction;
	const char		*tz;
	char			*body_id;	/* giji-org-body-<first uuid> */
	char			**depts;	/* distinct departments */
	size_t			 ndepts;
	struct buf		 b;
	int			 first;		/* no comma before the next */
};

/*
 * A JSON string, cleaned first as every output meant for reading is
 * (utf8_sanitize: a control character becomes U+FFFD, a bidi control is
 * dropped; LF kept): a reader decoding the JSON must not get an escape
 * sequence or a reordering character back.
 */
static void
pp_str(struct buf *b, const char *s)
{
	char	*clean = utf8_sanitize(s != NULL ? s : "", 1), *q;

	q = json_quote_str(clean);
	buf_puts(b, q);
	free(q);
	free(clean);
}

/* ,"key":"value" (or {"key":… for the first key of an object). */
static void
pp_key(struct popolo *p, const char *key)
{
	if (!p->first)
		buf_putc(&p->b, ',');
	p->first = 0;
	pp_str(&p->b, key);
	buf_putc(&p->b, ':');
}

static void
pp_kv(struct popolo *p, const char *key, const char *value)
{
	if (value == NULL)
		return;
	pp_key(p, key);
	pp_str(&p->b, value);
}

static void
pp_kv_long(struct popolo *p, const char *key, long n)
{
	pp_key(p, key);
	buf_printf(&p->b, "%ld", n);
}

static void
pp_kv_bool(struct popolo *p, const char *key, int b)
{
	pp_key(p, key);
	buf_puts(&p->b, b ? "true" : "false");
}

/* A member's person id, or NULL for none or a group. */
static char *
pp_person_id(const struct meeting *m, int mi)
{
	if (mi < 0 || (size_t)mi >= m->nmembers ||
	    m->members[mi].kind == MK_GROUP)
		return NULL;
	return xasprintf("giji-person-%s", m->members[mi].uuid);
}

/* A member named by a field: person_id when a member, else the name. */
static void
pp_member_ref(struct popolo *p, const char *idkey, const char *namekey,
    int mi, const char *given)
{
	char	*id;

	if ((id = pp_person_id(p->m, mi)) != NULL) {
		pp_kv(p, idkey, id);
		free(id);
	} else
		pp_kv(p, namekey, given);
}

static void
pp_kv_time(struct popolo *p, const char *key, int64_t ts)
{
	char	*t;

	if (ts == 0)
		return;
	t = clock_iso(ts, p->tz);
	pp_kv(p, key, t);
	free(t);
}

static void
pp_open(struct popolo *p, int n)
{
	buf_puts(&p->b, n > 0 ? ",\n    {" : "\n    {");
	p->first = 1;
}

static void
pp_close(struct popolo *p)
{
	buf_putc(&p->b, '}');
	p->first = 0;
}

static int
pp_intern(struct popolo *p, const char *s)
{
	size_t	 i;

	if (s == NULL || *s == '\0')
		return -1;
	for (i = 0; i < p->ndepts; i++) {
		if (strcmp(p->depts[i], s) == 0)
			return (int)i;
	}
	p->depts = xreallocarray(p->depts, p->ndepts + 1, sizeof *p->depts);
	p->depts[p->ndepts] = xstrdup(s);
	return (int)p->ndepts++;
}

static char *
pp_dept_id(const struct popolo *p, int i)
{
	return xasprintf("%s-dept-%d", p->body_id, i + 1);
}

/* The earliest uuid the fold keeps: names the body's organization. */
static char *
pp_body_id(const struct meeting *m)
{
	const char	*u = NULL;
	int64_t		 best = INT64_MAX;

	if (m->nmembers > 0 && m->members[0].seq < best) {
		best = m->members[0].seq;
		u = m->members[0].uuid;
	}
	if (m->nitems > 0 && m->items[0].seq < best) {
		best = m->items[0].seq;
		u = m->items[0].uuid;
	}
	if (m->nentries > 0 && m->entries[0].seq < best)
		u = m->entries[0].uuid;
	return xasprintf("giji-org-body-%s", u != NULL ? u : "meeting");
}

static const char *
pp_anon_name(const struct member *mb)
{
	return mb->role != NULL ? mb->role : "委員";
}

static void
pp_persons(struct popolo *p)
{
	const struct meeting	*m = p->m;
	size_t			 i;
	int			 n = 0;
	char			*id;

	buf_puts(&p->b, "  \"persons\": [");
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];

		if (mb->kind == MK_GROUP)
			continue;
		pp_open(p, n++);
		id = xasprintf("giji-person-%s", mb->uuid);
		pp_kv(p, "id", id);
		free(id);
		if (p->anon) {
			pp_kv(p, "name", pp_anon_name(mb));
		} else {
			pp_kv(p, "name", mb->full_name != NULL ?
			    mb->full_name : mb->name);
			if (mb->full_name != NULL &&
			    strcmp(mb->full_name, mb->name) != 0) {
				pp_key(p, "other_names");
				buf_puts(&p->b, "[{\"name\":");
				pp_str(&p->b, mb->name);
				buf_puts(&p->b, ",\"note\":\"as printed in "
				    "the minutes\"}]");
			}
			pp_kv(p, "sort_name", mb->reading);
			pp_kv(p, "honorific_prefix", mb->honorific);
			pp_kv(p, "+giji_member", mb->id);
		}
		pp_kv(p, "+kind", mb->kind_str != NULL ? mb->kind_str :
		    "member");
		pp_close(p);
	}
	buf_puts(&p->b, n > 0 ? "\n  ],\n" : "],\n");
}

static void
pp_organizations(struct popolo *p)
{
	const struct meeting	*m = p->m;
	const char		*body;
	size_t			 i;
	int			 n = 0;
	char			*id;

	body = meeting_meta_str(m, "body", NULL);
	if (body == NULL)
		body = meeting_meta_str(m, "title", "会議");
	buf_puts(&p->b, "  \"organizations\": [");
	pp_open(p, n++);
	pp_kv(p, "id", p->body_id);
	pp_kv(p, "name", body);
	pp_kv(p, "classification", "committee");
	pp_close(p);
	for (i = 0; i < p->ndepts; i++) {
		pp_open(p, n++);
		id = pp_dept_id(p, (int)i);
		pp_kv(p, "id", id);
		free(id);
		pp_kv(p, "name", p->depts[i]);
		pp_kv(p, "classification", "department");
		pp_close(p);
	}
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];

		if (mb->kind != MK_GROUP)
			continue;
		pp_open(p, n++);
		id = xasprintf("giji-org-%s", mb->uuid);
		pp_kv(p, "id", id);
		free(id);
		pp_kv(p, "name", mb->full_name != NULL ? mb->full_name :
		    mb->name);
		pp_kv(p, "classification", "group");
		pp_kv(p, "+giji_member", mb->id);
		pp_close(p);
	}
	buf_puts(&p->b, "\n  ],\n");
}

static void
pp_memberships(struct popolo *p)
{
	const struct meeting	*m = p->m;
	size_t			 i;
	int			 n = 0, d;
	char			*id;

	buf_puts(&p->b, "  \"memberships\": [");
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];

		if (mb->kind == MK_GROUP)
			continue;
		pp_open(p, n++);
		id = xasprintf("giji-membership-%s", mb->uuid);
		pp_kv(p, "id", id);
		free(id);
		id = xasprintf("giji-person-%s", mb->uuid);
		pp_kv(p, "person_id", id);
		free(id);
		d = -1;
		if (mb->kind == MK_STAFF && mb->org != NULL)
			d = pp_intern(p, mb->org);
		if (d >= 0) {
			id = pp_dept_id(p, d);
			pp_kv(p, "organization_id", id);
			free(id);
		} else
			pp_kv(p, "organization_id", p->body_id);
		pp_kv(p, "role", mb->role);
		pp_kv(p, "+kind", mb->kind_str != NULL ? mb->kind_str :
		    "member");
		pp_kv(p, "+side", mb->side);
		pp_close(p);
	}
	buf_puts(&p->b, n > 0 ? "\n  ],\n" : "],\n");
}

static const char *
pp_method_class(const char *method)
{
	if (method == NULL)
		return NULL;
	if (strcmp(method, "consent") == 0)
		return "unanimous-consent";
	if (strcmp(method, "hands") == 0)
		return "show-of-hands";
	if (strcmp(method, "rollcall") == 0)
		return "roll-call";
	if (strcmp(method, "unanimous") == 0)
		return "unanimous";
	if (strcmp(method, "written") == 0)
		return "written";
	return method;
}

/* The decision that names this vote, or NULL. */
static const struct decision *
pp_decision(const struct meeting *m, const struct vote *v)
{
	size_t	 i;

	for (i = 0; i < m->ndecisions; i++) {
		if (m->decisions[i].vote_id != NULL &&
		    strcmp(m->decisions[i].vote_id, v->id) == 0)
			return &m->decisions[i];
	}
	return NULL;
}

static const char *
pp_decision_ja(const char *o)
{
	static const char *const tab[][2] = {
		{ "approved", "承認" }, { "noted", "了承" },
		{ "consented", "同意" }, { "granted", "可" },
		{ "rejected", "否" }, { "deferred", "継続審査" },
		{ "referred", "付託" }, { "other", "その他" },
	};
	size_t	 i;

	for (i = 0; o != NULL && i < sizeof tab / sizeof tab[0]; i++) {
		if (strcmp(tab[i][0], o) == 0)
			return tab[i][1];
	}
	return NULL;
}

static void
pp_motions(struct popolo *p)
{
	const struct meeting	*m = p->m;
	const struct decision	*d;
	size_t			 i;
	int			 carried, closed, hidden;
	char			*id;

	buf_puts(&p->b, "  \"motions\": [");
	for (i = 0; i < m->nvotes; i++) {
		const struct vote *v = &m->votes[i];
		const struct item *it = v->item >= 0 ? &m->items[v->item] :
		    NULL;
		const struct entry *e = &m->entries[v->entry];

		pp_open(p, (int)i);
		id = xasprintf("giji-motion-%s", v->uuid);
		pp_kv(p, "id", id);
		free(id);
		pp_kv(p, "organization_id", p->body_id);
		if (p->public && (e->flags & ENTRY_REDACTED))
			pp_kv(p, "text", p->redaction);
		else
			pp_kv(p, "text", v->motion != NULL ? v->motion :
			    it == NULL ? "" : p->public && it->redacted ?
			    p->redaction : it->title);
		pp_kv(p, "legislative_session_id", p->session_id);
		/*
		 * Who moved it: Popolo's creator; the seconder beside. Not
		 * for a redacted motion (a closed session's) in the public
		 * version.
		 */
		closed = p->public && (e->flags & ENTRY_REDACTED);
		if (v->moved_by != NULL && !closed)
			pp_member_ref(p, "creator_id", "+moved_by", v->mover,
			    v->moved_by);
		if (v->seconded_by != NULL && !closed)
			pp_member_ref(p, "+seconder_id", "+seconded_by",
			    v->seconder, v->seconded_by);
		/* A redacted call's number, a redacted item's label: not public. */
		pp_kv(p, "identifier", v->number != NULL && !(p->public &&
		    (e->flags & ENTRY_REDACTED)) ? v->number : it != NULL &&
		    it->label != NULL && !(p->public && it->redacted) ?
		    it->label : v->id);
		pp_kv(p, "classification", it != NULL ? it->kind : NULL);
		pp_kv_time(p, "date", v->ts);
		pp_kv(p, "requirement", v->rule != NULL ? v->rule :
		    meeting_meta_str(m, "rule", "majority"));
		if (v->needed > 0)
			pp_kv_long(p, "+needed", v->needed);
		/* What a redacted call recorded in words: not public. */
		hidden = p->public && (e->flags & ENTRY_REDACTED);
		if (!hidden)
			pp_kv(p, "+reading", v->reading);
		if (v->candidate != NULL && !hidden) {
			pp_member_ref(p, "+candidate_id", "+candidate",
			    v->candidate_member, v->candidate);
			if (v->candidate_member >= 0 && !p->anon)
				pp_kv(p, "+candidate", m->members[
				    v->candidate_member].full_name != NULL ?
				    m->members[v->candidate_member].full_name :
				    m->members[v->candidate_member].name);
		}
		/* No outcome (a count in question): no result, not a failure. */
		if ((carried = export_vote_carried(m, v)) >= 0) {
			pp_kv(p, "result", carried ? "pass" : "fail");
			pp_kv(p, "+result_ja", carried ? "可決" : "否決");
		}
		if (it != NULL && !(p->public && ((e->flags & ENTRY_REDACTED) ||
		    it->redacted)))
			pp_kv(p, "+agenda_item", it->title);
		if ((d = pp_decision(m, v)) != NULL && d->outcome != NULL) {
			pp_kv(p, "+decision", d->outcome);
			pp_kv(p, "+decision_ja", pp_decision_ja(d->outcome));
			if (!(p->public && (m->entries[d->entry].flags &
			    ENTRY_REDACTED)))
				pp_kv(p, "+decision_number", d->number);
			/* The body's own words for it (趣旨採択). */
			if (d->text != NULL && !(p->public &&
			    (m->entries[d->entry].flags & ENTRY_REDACTED)))
				pp_kv(p, "+decision_text", d->text);
		}
		pp_close(p);
	}
	buf_puts(&p->b, m->nvotes > 0 ? "\n  ],\n" : "],\n");
}

static void
pp_counts(struct popolo *p, const struct export_tally *x)
{
	buf_printf(&p->b, "[{\"option\":\"yes\",\"value\":%ld},"
	    "{\"option\":\"no\",\"value\":%ld},"
	    "{\"option\":\"abstain\",\"value\":%ld}", x->yes, x->no,
	    x->abstain);
	if (x->absent > 0)
		buf_printf(&p->b, ",{\"option\":\"absent\",\"value\":%ld}",
		    x->absent);
	if (x->not_voting > 0)
		buf_printf(&p->b, ",{\"option\":\"not voting\",\"value\":%ld}",
		    x->not_voting);
	buf_putc(&p->b, ']');
}

static const char *
pp_option(const char *c)
{
	if (strcmp(c, "yes") == 0 || strcmp(c, "no") == 0 ||
	    strcmp(c, "abstain") == 0 || strcmp(c, "absent") == 0)
		return c;
	return "not voting";
}

static void
pp_votes(struct popolo *p, const struct vote *v, const struct tally *t,
    const char *event_id)
{
	const struct meeting	*m = p->m;
	size_t			 i;
	int			 mi;
	char			*id;

	pp_key(p, "votes");
	buf_putc(&p->b, '[');
	for (i = 0; i < t->nballots; i++) {
		const struct ballot *bl = &t->ballots[i];

		if (i > 0)
			buf_putc(&p->b, ',');
		buf_puts(&p->b, "{\"id\":");
		id = xasprintf("giji-ballot-%s-%zu", t->uuid, i + 1);
		pp_str(&p->b, id);
		free(id);
		buf_puts(&p->b, ",\"vote_event_id\":");
		pp_str(&p->b, event_id);
		if ((mi = meeting_member(m, bl->member)) >= 0 &&
		    m->members[mi].kind != MK_GROUP) {
			buf_puts(&p->b, ",\"voter_id\":");
			id = xasprintf("giji-person-%s", m->members[mi].uuid);
			pp_str(&p->b, id);
			free(id);
		} else {
			buf_puts(&p->b, ",\"+voter\":");
			pp_str(&p->b, bl->member);
		}
		buf_puts(&p->b, ",\"option\":");
		pp_str(&p->b, pp_option(bl->choice));
		if (mi >= 0 && m->members[mi].kind == MK_CHAIR)
			buf_puts(&p->b, ",\"role\":\"chair\"");
		if (strcmp(v->method != NULL ? v->method : "", "written") == 0) {
			char *ts = clock_iso(bl->ts, p->tz);

			buf_puts(&p->b, ",\"+received\":");
			pp_str(&p->b, ts);
			free(ts);
		}
		buf_putc(&p->b, '}');
	}
	buf_putc(&p->b, ']');
}

/*
 * The result as vote-report.h computes it, beside Popolo's result (the
 * record's): the rule, who counted, what was needed, the chair's casting
 * or presiding vote, the computed result and a declared one that differs,
 * and the result in words, as the vote pane and giji stats word it.
 */
static void
pp_result(struct popolo *p, const struct vote *v, const struct vote_report *r)
{
	const struct vote_result	*res = &r->result;
	char				*w;

	(void)v;
	if (r->spec_ok) {
		pp_kv(p, "+rule", vote_rule_name(r->spec.rule));
		pp_kv_long(p, "+present", r->spec.present);
		if (r->spec.quorum > 0)
			pp_kv_long(p, "+quorum", r->spec.quorum);
	}
	if (r->computed) {
		pp_kv_long(p, "+voters", res->voters);
		pp_kv_long(p, "+needed", res->needed);
		pp_kv_bool(p, "+quorum_met", !(res->flags & VOTE_F_NO_QUORUM));
		if (res->counts.casting != VOTE_NONE)
			pp_kv(p, "+casting_vote",
			    vote_choice_name(res->counts.casting));
		if (res->counts.presiding != VOTE_NONE)
			pp_kv(p, "+presiding_vote",
			    vote_choice_name(res->counts.presiding));
		pp_kv(p, "+computed_result", res->outcome == VOTE_CARRIED ?
		    "pass" : "fail");
	} else if (r->cause != NULL)
		pp_kv(p, "+problem", r->cause);
	if (r->differs)
		pp_kv(p, "+declared_result", r->recorded_outcome ==
		    VOTE_CARRIED ? "pass" : "fail");
	if ((w = meeting_vote_words(p->m, r, p->en)) != NULL) {
		pp_kv(p, "+result_text", w);
		free(w);
	}
}

static void
pp_vote_events(struct popolo *p)
{
	const struct meeting	*m = p->m;
	const struct tally	*t;
	struct export_tally	 x;
	size_t			 i, k, first, n;
	int64_t			 end;
	char			*id, *tid;

	buf_puts(&p->b, "  \"vote_events\": [");
	for (i = 0; i < m->nvotes; i++) {
		const struct vote *v = &m->votes[i];

		t = v->ntallies > 0 ? &v->tallies[v->ntallies - 1] : NULL;
		export_tally(m, v, t, &x);
		pp_open(p, (int)i);
		id = xasprintf("giji-vote-%s", v->uuid);
		pp_kv(p, "id", id);
		tid = xasprintf("giji-motion-%s", v->uuid);
		pp_kv(p, "motion_id", tid);
		free(tid);
		pp_kv(p, "organization_id", p->body_id);
		pp_kv(p, "identifier", v->id);
		pp_kv(p, "classification", pp_method_class(v->method));
		pp_kv_time(p, "start_date", v->ts);
		end = v->result_ts;
		if (end == 0 && t != NULL)
			end = t->ts;
		pp_kv_time(p, "end_date", end);
		if ((x.carried = export_vote_carried(m, v)) >= 0) {
			pp_kv(p, "result", x.carried ? "pass" : "fail");
			pp_kv(p, "+result_ja", x.carried ? "可決" : "否決");
		}
		pp_kv(p, "legislative_session_id", p->session_id);
		pp_kv(p, "+method", v->method);
		if (v->declared)
			pp_kv(p, "+declared", "chair");
		pp_result(p, v, &x.report);
		/* A redacted count: neither its numbers nor its ballots. */
		if (x.has_counts && !(p->public && t != NULL && t->redacted)) {
			pp_key(p, "counts");
			pp_counts(p, &x);
		}
		/* Who voted how goes with the call's words (closed session). */
		if (t != NULL && t->nballots > 0 && !(p->public &&
		    ((m->entries[v->entry].flags & ENTRY_REDACTED) ||
		    t->redacted)))
			pp_votes(p, v, t, id);
		first = meeting_vote_first_count(v);
		if (first + 1 < v->ntallies && meeting_vote_recounts(v) > 0) {
			/*
			 * Recounts: every tally the last one superseded; not
			 * one that a casting or presiding vote completed (the
			 * same count).
			 */
			pp_key(p, "+superseded_tallies");
			buf_putc(&p->b, '[');
			for (k = first, n = 0; k + 1 < v->ntallies; k++) {
				struct export_tally y;

				if (v->tallies[k + 1].completes)
					continue;
				export_tally(m, v, &v->tallies[k], &y);
				if (n++ > 0)
					buf_putc(&p->b, ',');
				tid = xasprintf("giji-tally-%s",
				    v->tallies[k].uuid);
				buf_puts(&p->b, "{\"id\":");
				pp_str(&p->b, tid);
				free(tid);
				tid = clock_iso(v->tallies[k].ts, p->tz);
				buf_puts(&p->b, ",\"date\":");
				pp_str(&p->b, tid);
				free(tid);
				buf_puts(&p->b, ",\"counts\":");
				pp_counts(p, &y);
				buf_putc(&p->b, '}');
				export_tally_clear(&y);
			}
			buf_putc(&p->b, ']');
		}
		free(id);
		export_tally_clear(&x);
		pp_close(p);
	}
	buf_puts(&p->b, m->nvotes > 0 ? "\n  ]\n" : "]\n");
}

/* meta session: the legislative session the motions belong to. */
static void
pp_events(struct popolo *p)
{
	const char	*session = meeting_meta_str(p->m, "session", NULL);

	if (p->session_id == NULL)
		return;
	buf_puts(&p->b, "  \"events\": [");
	pp_open(p, 0);
	pp_kv(p, "id", p->session_id);
	pp_kv(p, "name", session);
	pp_kv(p, "classification", "session");
	pp_kv(p, "organization_id", p->body_id);
	pp_close(p);
	buf_puts(&p->b, "\n  ],\n");
}

/* Action items: no Popolo class holds them, so an extension array. */
static void
pp_actions(struct popolo *p)
{
	const struct meeting	*m = p->m;
	size_t			 i;
	int			 n = 0;
	char			*id;

	if (m->nactions == 0)
		return;
	buf_puts(&p->b, ",\n  \"+actions\": [");
	for (i = 0; i < m->nactions; i++) {
		const struct action	*a = &m->actions[i];
		const struct entry	*e = &m->entries[a->entry];

		pp_open(p, n++);
		id = xasprintf("giji-action-%s", e->uuid);
		pp_kv(p, "id", id);
		free(id);
		pp_kv(p, "text", p->public && (e->flags & ENTRY_REDACTED) ?
		    p->redaction : a->text);
		if (a->owner != NULL && !(p->public &&
		    (e->flags & ENTRY_REDACTED))) {
			pp_member_ref(p, "owner_id", "owner", a->owner_member,
			    a->owner);
			if (a->owner_member >= 0 && !p->anon)
				pp_kv(p, "owner", m->members[a->owner_member].name);
		}
		pp_kv(p, "due_date", a->due);
		if (a->item >= 0)
			pp_kv(p, "agenda_item", p->public &&
			    m->items[a->item].redacted ? p->redaction :
			    m->items[a->item].title);
		pp_kv_time(p, "date", e->ts);
		pp_close(p);
	}
	buf_puts(&p->b, n > 0 ? "\n  ]" : "]");
}

char *
export_popolo(const struct meeting *m, const struct export_opts *o,
    size_t *len, char **cause)
{
	struct popolo	 p;
	const char	*labels;
	size_t		 i;
	char		*s;

	*cause = NULL;
	memset(&p, 0, sizeof p);
	p.m = m;
	p.public = o->public;
	p.redaction = export_redaction(m, o);
	p.tz = meeting_tz(m);
	labels = meeting_meta_str(m, "labels", NULL);
	p.anon = p.public && labels != NULL && strcmp(labels, "role") == 0;
	p.en = export_lang(m, o) == EXPORT_EN;
	p.body_id = pp_body_id(m);
	if (meeting_meta_str(m, "session", NULL) != NULL)
		p.session_id = xasprintf("giji-session-%s", p.body_id +
		    strlen("giji-org-body-"));
	/* Departments in a fixed order: secretariat, staff, items. */
	pp_intern(&p, meeting_meta_str(m, "secretariat", NULL));
	for (i = 0; i < m->nmembers; i++) {
		if (m->members[i].kind == MK_STAFF)
			pp_intern(&p, m->members[i].org);
	}
	for (i = 0; i < m->nitems; i++)
		pp_intern(&p, m->items[i].dept);

	buf_init(&p.b);
	buf_puts(&p.b, "{\n");
	pp_persons(&p);
	pp_organizations(&p);
	pp_memberships(&p);
	pp_events(&p);
	pp_motions(&p);
	pp_vote_events(&p);
	p.b.len--;	/* the LF after vote_events' ] */
	pp_actions(&p);
	/*
	 * The anchor: the chain's head and the number of events, which
	 * giji verify --head checks a file against later.
	 */
	buf_printf(&p.b, ",\n  \"+anchor\": {\"head\": \"%s\", \"events\": "
	    "%lld}\n", m->last_hash, (long long)m->last_seq);
	buf_puts(&p.b, "}\n");

	free(p.body_id);
	free(p.session_id);
	for (i = 0; i < p.ndepts; i++)
		free(p.depts[i]);
	free(p.depts);
	*len = p.b.len;
	s = buf_detach(&p.b);
	buf_free(&p.b);
	return s;
}
