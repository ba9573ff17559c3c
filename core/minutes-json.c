/* SPDX-License-Identifier: ISC */
/*
 * JSON minutes: the document model as data — the resolved options, the
 * blocks in reading order as the text renderer prints them (labels with
 * and without brackets), and the votes with their tallies (the recount
 * history in the internal version only). Strings go through
 * json_quote_str, so the output is always valid JSON.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "json.h"
#include "minutes.h"
#include "minutes-model.h"
#include "vote-report.h"
#include "xmalloc.h"

static void
jkey(struct buf *o, const char *key, const char *s)
{
	buf_puts(o, ",\"");
	buf_puts(o, key);
	buf_puts(o, "\":");
	json_buf_str(o, s);
}

static const char *const kinds[] = {
	"title", "row", "heading", "speech", "note", "para", "lines",
	"question", "closing"
};
static const char *const roles[] = {
	NULL, "chair", "member", "staff", "vote", "decision", "quorum",
	"signature", "internal", "appendix", "anchor", "unverified"
};
static const char *const labels[] = { "role", "name_role", "name", "title" };
static const char *const digits[] = { "half", "full", "mixed" };

static void
jnum(struct buf *o, const char *key, int known, long n)
{
	if (known)
		buf_printf(o, ",\"%s\":%ld", key, n);
	else
		buf_printf(o, ",\"%s\":null", key);
}

static void
jopt(struct buf *o, const char *key, const char *s)
{
	buf_printf(o, ",\"%s\":", key);
	if (s != NULL)
		json_buf_str(o, s);
	else
		buf_puts(o, "null");
}

/*
 * Each vote computed from the meeting (not from the blocks), as every
 * screen and file counts it (meeting_vote_report, core/vote-report.c):
 * the rule, members present, the quorum, the voters counted, the votes
 * needed, the counts, the chair's casting or presiding vote, the computed
 * outcome, the recorded vote.result beside it (declared_outcome when the
 * chair declared one that differs), the outcome as the record stands,
 * the result in words; then the tallies as recorded (the recount history
 * in the internal version only).
 */
static void
votes(const struct mdoc *d, struct buf *o)
{
	const struct meeting	*m = d->m;
	struct vote_report	 r;
	size_t			 i, k, first;
	char			*w;
	int			 hide;

	buf_puts(o, ",\"votes\":[");
	for (i = 0; i < m->nvotes; i++) {
		const struct vote		*v = &m->votes[i];
		const struct vote_result	*res = &r.result;

		meeting_vote_report(m, v, &r);
		buf_printf(o, "%s{\"id\":", i ? "," : "");
		json_buf_str(o, v->id);
		jopt(o, "item", v->item_id);
		jkey(o, "method", v->method);
		/* A redacted call's number is not public (its motion is
		 * not in this list). */
		jopt(o, "number", d->o.public && (m->entries[v->entry].flags &
		    ENTRY_REDACTED) ? NULL : v->number);
		/* Nor who moved it, nor who seconded. */
		jopt(o, "moved_by", d->o.public && (m->entries[v->entry].flags &
		    ENTRY_REDACTED) ? NULL : v->moved_by);
		jopt(o, "seconded_by", d->o.public && (m->entries[v->entry].flags
		    & ENTRY_REDACTED) ? NULL : v->seconded_by);
		jopt(o, "rule", r.spec_ok ? vote_rule_name(r.spec.rule) : NULL);
		jnum(o, "seats", r.spec_ok && r.spec.seats > 0, r.spec.seats);
		jnum(o, "present", r.spec_ok, r.spec.present);
		jnum(o, "quorum", r.spec_ok && r.spec.quorum > 0,
		    r.spec.quorum);
		buf_printf(o, ",\"quorum_met\":%s", !r.computed ? "null" :
		    res->flags & VOTE_F_NO_QUORUM ? "false" : "true");
		jnum(o, "voters", r.computed, res->voters);
		jnum(o, "needed", r.computed, res->needed);
		/* A redacted count's numbers are not public. */
		hide = d->o.public && v->ntallies > 0 &&
		    v->tallies[v->ntallies - 1].redacted;
		jnum(o, "for", r.computed && !hide, res->counts.yes);
		jnum(o, "against", r.computed && !hide, res->counts.no);
		jnum(o, "abstain", r.computed && !hide, res->counts.abstain);
		jopt(o, "casting", r.computed && res->counts.casting !=
		    VOTE_NONE ? vote_choice_name(res->counts.casting) : NULL);
		jopt(o, "presiding", r.computed && res->counts.presiding !=
		    VOTE_NONE ? vote_choice_name(res->counts.presiding) : NULL);
		buf_printf(o, ",\"tie\":%s", r.computed &&
		    (res->flags & VOTE_F_TIE) ? "true" : "false");
		jopt(o, "computed", r.computed ?
		    vote_outcome_name(res->outcome) : NULL);
		jopt(o, "recorded", r.recorded ?
		    vote_outcome_name(r.recorded_outcome) : NULL);
		jopt(o, "declared_outcome", r.differs ?
		    vote_outcome_name(r.recorded_outcome) : NULL);
		jopt(o, "outcome", r.known ? vote_outcome_name(r.outcome) :
		    NULL);
		buf_printf(o, ",\"declared\":%s", v->declared ? "true" :
		    "false");
		w = meeting_vote_words(m, &r, d->o.lang == MINUTES_EN);
		jopt(o, "words", w);
		free(w);
		jopt(o, "problem", r.cause);
		buf_printf(o, ",\"recounts\":%zu,\"tallies\":[",
		    meeting_vote_recounts(v));
		first = d->o.public && v->ntallies > 0 ? v->ntallies - 1 : 0;
		for (k = first; k < v->ntallies && !hide; k++) {
			const struct tally *t = &v->tallies[k];

			buf_printf(o, "%s{\"seq\":%lld,\"for\":%ld,"
			    "\"against\":%ld,\"abstain\":%ld,\"unanimous\":%s,"
			    "\"ballots\":%zu,\"completes\":%s}", k > first ?
			    "," : "", (long long)t->seq, t->n_for,
			    t->n_against, t->n_abstain, t->unanimous ? "true" :
			    "false", t->nballots, t->completes ? "true" :
			    "false");
		}
		buf_puts(o, "]}");
		vote_report_clear(&r);
	}
	buf_puts(o, "]");
}

static void
json_begin(struct mout *mo)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;

	/* A style's name is a user's string like any other. */
	buf_puts(o, "{\"format\":\"giji-minutes\",\"version\":1,\"style\":");
	json_buf_str(o, d->style_name);
	buf_printf(o, ",\"labels\":\"%s\",\"lang\":\"%s\",\"digits\":\"%s\","
	    "\"public\":%s", labels[d->o.labels],
	    d->o.lang == MINUTES_EN ? "en" : "ja", digits[d->o.digits],
	    d->o.public ? "true" : "false");
	jkey(o, "title", d->title);
	jkey(o, "document_title", d->doc_title);
	jkey(o, "date", d->date_iso);
	/* The anchor: what a reader keeps to check the file later. */
	buf_puts(o, ",\"anchor\":{\"head\":");
	json_buf_str(o, d->m->last_hash);
	buf_printf(o, ",\"events\":%lld}", (long long)d->m->last_seq);
	if (d->m->unverified)
		buf_puts(o, ",\"unverified\":true");
	buf_puts(o, ",\"blocks\":[\n");
}

static void
json_block(struct mout *mo, const struct mblock *bl, const struct mblock *next)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;
	char			*lab;

	(void)next;
	buf_puts(o, mo->n > 0 ? ",\n{\"kind\":\"" : "{\"kind\":\"");
	buf_puts(o, kinds[bl->kind]);
	buf_putc(o, '"');
	if (roles[bl->role] != NULL) {
		buf_puts(o, ",\"role\":\"");
		buf_puts(o, roles[bl->role]);
		buf_putc(o, '"');
	}
	if (bl->seq != 0) {
		buf_puts(o, ",\"seq\":");
		buf_putnum(o, bl->seq);
	}
	if (bl->kind == MB_HEADING || bl->kind == MB_TITLE)
		buf_printf(o, ",\"level\":%d", bl->level);
	if (bl->label != NULL)
		jkey(o, "label", bl->label);
	if (bl->kind == MB_SPEECH) {
		lab = mdoc_label(d, bl);
		jkey(o, "label_printed", lab);
		free(lab);
	}
	if (bl->note != NULL)
		jkey(o, "note", bl->note);
	jkey(o, "text", bl->text);
	if (bl->label2 != NULL) {
		jkey(o, "label2", bl->label2);
		jkey(o, "text2", bl->text2);
	}
	if (bl->flags & MBF_REDACTED)
		buf_puts(o, ",\"redacted\":true");
	if (bl->flags & MBF_SUPERSEDED)
		buf_puts(o, ",\"superseded\":true");
	if (bl->flags & MBF_AMENDED)
		buf_puts(o, ",\"amended\":true");
	if (bl->flags & MBF_CONT)
		buf_puts(o, ",\"continued\":true");
	buf_puts(o, "}");
}

static void
json_end(struct mout *mo)
{
	buf_puts(&mo->o, "]");
	votes(mo->d, &mo->o);
	buf_puts(&mo->o, "}\n");
}

const struct mrenderer mrender_json = { "json", json_begin, json_block,
    json_end, 0 };

char *
minutes_render_json(const struct mdoc *d, size_t *len)
{
	return mdoc_render(d, &mrender_json, len);
}
