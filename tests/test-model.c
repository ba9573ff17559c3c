/* SPDX-License-Identifier: ISC */
/*
 * The terminal's live model (core/model.c) against the fold
 * (core/fold.c): each sample meeting is imported one event at a time;
 * after every event the model takes it as the terminal does
 * (model_apply) and is compared with meeting_fold() of the whole file:
 * the roster (every field, and each member's attendance), the agenda
 * (order, titles, kinds, states), the open item, the title, time zone
 * and language, and every event's corrections (flags and
 * corrected data), which log_corrected() must read the same way. Then the corrections rule itself (core/correct.c),
 * case by case, including corrections of corrections.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "correct.h"
#include "fold.h"
#include "import.h"
#include "json.h"
#include "log-query.h"
#include "log.h"
#include "model.h"
#include "utf8.h"
#include "xmalloc.h"
#include "tap.h"

static char	 dir[] = "/tmp/giji-test-model.XXXXXX";

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

struct cmp {
	struct model		*m;
	struct log		*log;
	const struct meeting	*f;
	int64_t			 step;
	const char		*file;
	int			 bad;
};

static void
differ(struct cmp *c, const char *what, const char *got, const char *want)
{
	if (c->bad++ < 5)
		printf("#   %s after seq %lld: %s: model \"%s\", fold \"%s\"\n",
		    c->file, (long long)c->step, what, nz(got), nz(want));
}

static void
same(struct cmp *c, const char *what, const char *got, const char *want)
{
	if (strcmp(nz(got), nz(want)) != 0)
		differ(c, what, got, want);
}

static void
same_json(struct cmp *c, const char *what, const char *got, const char *want)
{
	char	*g = got != NULL ? json_minify(got) : NULL;
	char	*w = want != NULL ? json_minify(want) : NULL;

	same(c, what, g, w);
	free(g);
	free(w);
}

/*
 * A member's attendance: the model keeps the last status as recorded,
 * the fold what it counts as (remote present, apologies absent).
 */
static void
att_same(struct cmp *c, const struct speaker *s, const struct member *mb)
{
	const char	*st = s->att != NULL ? s->att : "";
	char		 got[64], want[64];
	int		 att = ATT_UNKNOWN;

	if (strcmp(st, "present") == 0 || strcmp(st, "arrived") == 0 ||
	    strcmp(st, "remote") == 0)
		att = ATT_PRESENT;
	else if (strcmp(st, "absent") == 0 || strcmp(st, "apologies") == 0)
		att = ATT_ABSENT;
	else if (strcmp(st, "left") == 0)
		att = ATT_LEFT;
	snprintf(got, sizeof got, "%d %d %d", att, strcmp(st, "remote") == 0,
	    strcmp(st, "apologies") == 0);
	snprintf(want, sizeof want, "%d %d %d", (int)mb->att, mb->remote,
	    mb->apologies);
	same(c, "attendance", got, want);
	same(c, "attendance note", s->att_note, mb->att_note);
}

/* Each event's corrections: the entries' flags and data. */
static int
cmp_event(const struct event *ev, void *arg)
{
	struct cmp		*c = arg;
	const struct entry	*e = NULL;
	size_t			 i;
	unsigned		 flags;
	char			*data, *want, got[16], exp[16];
	char			*got_data = NULL, *cause = NULL;

	flags = model_corrected(c->m, ev, &data, NULL);
	for (i = 0; i < c->f->nentries; i++) {
		if (c->f->entries[i].seq == ev->seq) {
			e = &c->f->entries[i];
			break;
		}
	}
	if (e != NULL) {
		snprintf(got, sizeof got, "%u", flags);
		snprintf(exp, sizeof exp, "%u", e->flags);
		same(c, "flags", got, exp);
		if (e->data != NULL) {
			want = json_minify(e->data);
			same(c, ev->type, data != NULL ? data : ev->payload,
			    want);
			free(want);
		}
		/* The log's own reading (amend checks, the vote pane). */
		if (log_corrected(c->log, ev, LOG_CORR_AMENDS |
		    LOG_CORR_RETRACTS, &got_data, &cause) != 0) {
			differ(c, "log_corrected", cause, "");
			free(cause);
		} else if (e->flags & ENTRY_RETRACTED) {
			if (got_data != NULL)
				differ(c, "log_corrected of a retracted event",
				    got_data, "(null)");
		} else {
			want = json_minify(e->data != NULL ? e->data :
			    ev->payload);
			same(c, "log_corrected", got_data, want);
			free(want);
		}
		free(got_data);
	} else if (ev->etype == EV_MEMBER_ADD || ev->etype == EV_AGENDA_ADD) {
		/* Folded into the roster or the agenda, or withdrawn. */
		for (i = 0; ev->etype == EV_MEMBER_ADD &&
		    i < c->f->nmembers; i++) {
			if (c->f->members[i].seq == ev->seq)
				break;
		}
		if (ev->etype == EV_MEMBER_ADD && i == c->f->nmembers &&
		    !(flags & CORR_RETRACTED))
			differ(c, "member.add not retracted", ev->uuid, "");
	}
	free(data);
	return 0;
}

static void
compare(struct model *m, struct log *log, const char *file, int64_t step)
{
	struct meeting	*f;
	struct cmp	 c;
	char		*cause = NULL, *title, n1[16], n2[16];
	size_t		 i;

	if ((f = meeting_fold(log, &cause)) == NULL) {
		ok(0, "%s: fold: %s", file, cause);
		free(cause);
		return;
	}
	memset(&c, 0, sizeof c);
	c.m = m;
	c.log = log;
	c.f = f;
	c.step = step;
	c.file = file;
	snprintf(n1, sizeof n1, "%zu", m->nspk);
	snprintf(n2, sizeof n2, "%zu", f->nmembers);
	same(&c, "roster size", n1, n2);
	for (i = 0; i < m->nspk && i < f->nmembers; i++) {
		same(&c, "member id", m->spk[i].id, f->members[i].id);
		same(&c, "member name", m->spk[i].name, f->members[i].name);
		same(&c, "member role", m->spk[i].role, f->members[i].role);
		same(&c, "member reading", m->spk[i].reading,
		    f->members[i].reading);
		same_json(&c, "member data", m->spk[i].data,
		    f->members[i].data);
		att_same(&c, &m->spk[i], &f->members[i]);
	}
	snprintf(n1, sizeof n1, "%zu", m->nitems);
	snprintf(n2, sizeof n2, "%zu", f->nitems);
	same(&c, "agenda size", n1, n2);
	for (i = 0; i < m->nitems && i < f->nitems; i++) {
		same(&c, "item id", m->items[i].id, f->items[i].id);
		same(&c, "item title", m->items[i].title, f->items[i].title);
		same(&c, "item label", m->items[i].label, f->items[i].label);
		same(&c, "item kind", m->items[i].kind, f->items[i].kind);
		same_json(&c, "item data", m->items[i].data, f->items[i].data);
		snprintf(n1, sizeof n1, "%d", (int)m->items[i].state);
		snprintf(n2, sizeof n2, "%d", f->items[i].state == ITEM_OPEN ?
		    IT_OPEN : f->items[i].state == ITEM_CLOSED ? IT_CLOSED :
		    IT_PENDING);
		same(&c, "item state", n1, n2);
	}
	snprintf(n1, sizeof n1, "%d", m->open_item);
	snprintf(n2, sizeof n2, "%d", f->current_item);
	same(&c, "open item", n1, n2);
	title = utf8_sanitize(meeting_meta_str(f, "title", NULL), 0);
	same(&c, "title", m->title, title);
	free(title);
	same(&c, "tz", m->tz, meeting_tz(f));
	same(&c, "lang", m->lang, meeting_meta_str(f, "lang", NULL));
	if (log_foreach(log, 1, -1, NULL, cmp_event, &c, &cause) != 0) {
		ok(0, "%s: read: %s", file, cause);
		free(cause);
	}
	meeting_free(&f);
	if (c.bad > 0)
		ok(0, "%s: the model differs from the fold after seq %lld",
		    file, (long long)step);
}

static int
apply_cb(const struct event *ev, void *arg)
{
	struct model	*m = ((void **)arg)[0];
	struct log_query *q = ((void **)arg)[1];
	char		*cause = NULL;

	if (model_apply(m, q, ev, &cause) < 0) {
		ok(0, "model_apply: %s", cause);
		free(cause);
	}
	return 0;
}

static void
replay(const char *srcdir, const char *name)
{
	struct log		*log;
	struct log_query	*q;
	struct model		 m;
	FILE			*in;
	char			*path, *src, *cause = NULL, *tz = NULL;
	char			*line = NULL;
	size_t			 cap = 0, events = 0;
	ssize_t			 len;
	void			*arg[2];
	int			 failed_before = tap_failed;

	src = xasprintf("%s/%s", srcdir, name);
	path = xasprintf("%s/m.giji", dir);
	unlink(path);
	if ((in = fopen(src, "r")) == NULL) {
		ok(0, "%s: cannot open", src);
		goto out;
	}
	if ((log = log_open(path, LOG_CREATE, &cause)) == NULL ||
	    (q = log_query_new(log, &cause)) == NULL) {
		ok(0, "%s: %s", path, cause);
		fclose(in);
		goto out;
	}
	log_set_station(log, "test");
	if (model_load(&m, q, 0, &cause) != 0) {
		ok(0, "model_load: %s", cause);
		goto close;
	}
	arg[0] = &m;
	arg[1] = q;
	while ((len = getline(&line, &cap, in)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (import_line(log, line, (size_t)len, &tz, &cause) != 0) {
			ok(0, "%s: import: %s", name, cause);
			break;
		}
		log_foreach(log, m.last_seq + 1, -1, NULL, apply_cb, arg,
		    &cause);
		events++;
		compare(&m, log, name, m.last_seq);
		if (tap_failed != failed_before)
			break;
	}
	/* And a model loaded at the end, in one go, agrees as well. */
	model_free(&m);
	if (model_load(&m, q, log_last_seq(log), &cause) == 0) {
		compare(&m, log, name, m.last_seq);
		model_free(&m);
	}
	ok(tap_failed == failed_before, "%s: the live model equals the fold "
	    "after each of its %zu events and when loaded at once", name,
	    events);
close:
	fclose(in);
	log_query_free(&q);
	log_close(&log);
out:
	free(line);
	free(tz);
	free(cause);
	free(src);
	free(path);
}

/* --- the corrections rule --------------------------------------------- */

#define U(n)	"00000000-0000-4000-8000-0000000000" #n

static void
test_rule(void)
{
	struct corrections	*cs = corrections_new();
	const char		*reason;
	char			*data;
	unsigned		 fl;
	int			 changed = 0;

	/* unsigned corrections_apply(cs, uuid, seq, payload, &data,
	 *     &reason, visit, arg) */
	{
		fl = corrections_apply(cs, U(10), 10, "{\"text\":\"a\"}",
		    &data, &reason, NULL, NULL);
		is_int(fl, 0, "no corrections: no flags");
		ok(data == NULL && reason == NULL, "and no data, no reason");
	}
	{
		ok(corrections_add(cs, 11, 0, U(11), "s", EV_SPEECH, U(10),
		    NULL, NULL, NULL, NULL) == NULL,
		    "a speech is not a correction");
		const struct correction *c;

		/* Kept in its place (the fold matches the index against the
		 * table), naming no event: "<uuid> " is not that uuid. */
		c = corrections_add(cs, 11, 0, U(98), "s", EV_RETRACT, "",
		    NULL, NULL, NULL, NULL);
		ok(c != NULL && strcmp(c->target, "-") == 0,
		    "a retract without a target names no event");
		c = corrections_add(cs, 11, 0, U(97), "s", EV_RETRACT,
		    U(10) " ", NULL, NULL, NULL, NULL);
		ok(c != NULL && strcmp(c->target, "-") == 0,
		    "nor one whose target is a uuid and a space");
		fl = corrections_apply(cs, U(10), 10, "{\"text\":\"a\"}",
		    &data, &reason, NULL, NULL);
		ok(fl == 0 && data == NULL, "neither withdraws the event");
	}
	{
		corrections_add(cs, 5, 0, U(05), "s", EV_AMEND, U(10),
		    "{\"text\":\"early\"}", NULL, NULL, NULL);
		fl = corrections_apply(cs, U(10), 10, "{\"text\":\"a\"}",
		    &data, NULL, NULL, NULL);
		ok(fl == 0 && data == NULL,
		    "a correction before its target is ignored");
	}
	{
		corrections_add(cs, 11, 0, U(11), "s", EV_AMEND, U(10),
		    "{\"text\":\"b\"}", NULL, NULL, NULL);
		corrections_add(cs, 12, 0, U(12), "s", EV_AMEND, U(10),
		    "{\"text\":\"c\",\"x\":1}", NULL, NULL, NULL);
		fl = corrections_apply(cs, U(10), 10, "{\"text\":\"a\"}",
		    &data, NULL, NULL, NULL);
		is_int(fl, CORR_AMENDED, "two amends: amended");
		is_str(data, "{\"text\":\"c\",\"x\":1}", "merged in seq order");
		free(data);
	}
	{
		corrections_add(cs, 13, 0, U(13), "s", EV_RETRACT, U(12),
		    NULL, "undo", NULL, NULL);
		ok(corrections_find(cs, U(12))->withdrawn == 13,
		    "a retract of an amend withdraws it");
		fl = corrections_apply(cs, U(10), 10, "{\"text\":\"a\"}",
		    &data, NULL, NULL, NULL);
		is_str(data, "{\"text\":\"b\"}", "the earlier amend stands");
		free(data);
		fl = corrections_apply(cs, U(12), 12, "{}", NULL, &reason,
		    NULL, NULL);
		ok(fl == CORR_RETRACTED && strcmp(reason, "undo") == 0,
		    "the withdrawn amend shows as retracted, with the reason");
	}
	{
		corrections_add(cs, 14, 0, U(14), "s", EV_AMEND, U(11),
		    "{\"text\":\"ignored\"}", NULL, NULL, NULL);
		corrections_add(cs, 15, 0, U(15), "s", EV_REDACT, U(11),
		    NULL, NULL, NULL, NULL);
		fl = corrections_apply(cs, U(10), 10, "{\"text\":\"a\"}",
		    &data, NULL, NULL, NULL);
		is_str(data, "{\"text\":\"b\"}",
		    "an amend or redact of a correction changes nothing");
		free(data);
		is_int(corrections_apply(cs, U(11), 11, "{}", NULL, NULL, NULL,
		    NULL), 0, "nor marks the correction itself");
	}
	{
		corrections_add(cs, 20, 0, U(20), "s", EV_RETRACT, U(10),
		    NULL, "wrong", NULL, NULL);
		corrections_add(cs, 21, 0, U(21), "s", EV_RETRACT, U(20),
		    NULL, NULL, NULL, NULL);
		fl = corrections_apply(cs, U(10), 10, "{}", NULL, NULL, NULL,
		    NULL);
		is_int(fl, CORR_AMENDED, "a retract of a retract restores");
		corrections_add(cs, 22, 0, U(22), "s", EV_RETRACT, U(21),
		    NULL, NULL, NULL, NULL);
		fl = corrections_apply(cs, U(10), 10, "{}", NULL, &reason,
		    NULL, NULL);
		ok(fl == (CORR_AMENDED | CORR_RETRACTED) &&
		    strcmp(reason, "wrong") == 0,
		    "and a third retract withdraws the restoring one");
	}
	{
		corrections_add(cs, 30, 0, U(30), "s", EV_REDACT, U(10),
		    NULL, "private", NULL, NULL);
		fl = corrections_apply(cs, U(10), 10, "{}", NULL, &reason,
		    NULL, NULL);
		ok((fl & CORR_REDACTED) && strcmp(reason, "wrong") == 0,
		    "a redact after a retract keeps the retract's reason");
	}
	corrections_free(&cs);
	ok(cs == NULL, "corrections_free sets the pointer to NULL");
	(void)changed;
}

static void
count_changed(const char *uuid, void *arg)
{
	(void)uuid;
	(*(int *)arg)++;
}

/*
 * A chain of retracts of retracts, added one at a time (each addition
 * walks the chain, without recursion) or at once (settled in one pass).
 */
static void
test_chain(int n, int bulk)
{
	struct corrections	*cs = corrections_new();
	char			 u[LOG_UUID_LEN], t[LOG_UUID_LEN];
	unsigned		 fl;
	int			 i, changed = 0;

	if (bulk)
		corrections_defer(cs);
	snprintf(t, sizeof t, "00000000-0000-4000-8000-%012d", 0);
	for (i = 1; i <= n; i++) {
		snprintf(u, sizeof u, "00000000-0000-4000-8000-%012d", i);
		corrections_add(cs, i, 0, u, "s", EV_RETRACT, t, NULL, NULL,
		    i == n ? count_changed : NULL, &changed);
		memcpy(t, u, sizeof t);
	}
	if (bulk)
		corrections_settle(cs);
	fl = corrections_apply(cs, "00000000-0000-4000-8000-000000000000", 0,
	    "{}", NULL, NULL, NULL, NULL);
	is_int(fl, n % 2 ? CORR_RETRACTED : 0, "a chain of %d retracts (%s): "
	    "the event is %s", n, bulk ? "at once" : "one at a time",
	    n % 2 ? "retracted" : "restored");
	if (!bulk)
		ok(changed == n, "the last retract changed the %d targets "
		    "down the chain", changed);
	corrections_free(&cs);
}

int
main(void)
{
	const char	*srcdir = getenv("srcdir");
	char		*fixtures, *data;
	static const char *files[] = {
		"corrections.jsonl", "qa.jsonl", "summary.jsonl",
		"verbatim-named.jsonl", "verbatim-role.jsonl",
		"written.jsonl", "export-council.jsonl", "hostile.jsonl",
		"procedure.jsonl", "vocabulary.jsonl", "council-uk.jsonl",
		"wg.jsonl",
	};
	size_t		 i;

	if (srcdir == NULL)
		srcdir = ".";
	if (tap_tmpdir(dir) == NULL) {
		perror(dir);
		return 1;
	}
	test_rule();
	test_chain(2000, 0);
	test_chain(2001, 0);
	test_chain(1000000, 1);
	fixtures = xasprintf("%s/tests/fixtures", srcdir);
	data = xasprintf("%s/data", srcdir);
	for (i = 0; i < sizeof files / sizeof files[0]; i++)
		replay(fixtures, files[i]);
	replay(data, "demo.jsonl");
	free(fixtures);
	free(data);
	json_shutdown();
	{
		char *p = xasprintf("%s/m.giji", dir);
		char *w = xasprintf("%s-wal", p), *s = xasprintf("%s-shm", p);
		unlink(w);
		unlink(s);
		unlink(p);
		free(p);
		free(w);
		free(s);
	}
	rmdir(dir);
	return done_testing();
}
