/* SPDX-License-Identifier: ISC */
/*
 * The minutes document model: one pass over a folded meeting builds the
 * list of blocks (minutes-model.h). The builder holds the structure of
 * minutes — the header, the items in the order they were taken, who
 * spoke, the votes, the decisions, the closing, the appendix of
 * corrections — and every word it composes comes from the style
 * (minutes-style.c): templates evaluated in the context of the event they
 * describe. What a style cannot word, the builder never prints.
 *
 * Rules that hold for every style: retracted entries never appear;
 * redacted ones print the redaction phrase in the public version; a later
 * tally of a vote supersedes the earlier ones, which the internal version
 * keeps as notes; a line the clerk already typed is not composed again
 * (unless_said).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fold.h"
#include "i18n.h"
#include "jdate.h"
#include "json.h"
#include "minutes-build.h"
#include "stats.h"
#include "utf8.h"
#include "vote-report.h"
#include "vote.h"
#include "xmalloc.h"

/* ---------------------------------------------------------------- blocks */

/*
 * A stream keeps at most MDOC_WINDOW blocks: the builder looks back at
 * the last MDOC_LOOKBACK at most (already_said, a header's gap, the
 * appendix heading), the others go to its sink.
 */
#define MDOC_WINDOW	64
#define MDOC_LOOKBACK	8

static void clean_block(struct mdoc *, struct mblock *);

static void
block_free(struct mblock *bl)
{
	free(bl->label);
	if (!(bl->flags & MBF_BORROWED))
		free(bl->text);
	free(bl->note);
	free(bl->label2);
	free(bl->text2);
}

/* The blocks but the last keep, cleaned, to the sink. */
static void
spill(struct mdoc *d, size_t keep)
{
	size_t	 i, n;

	if (d->n <= keep)
		return;
	n = d->n - keep;
	for (i = 0; i < n; i++) {
		clean_block(d, &d->b[i]);
		d->sink(d->sink_arg, d, &d->b[i]);
		block_free(&d->b[i]);
	}
	memmove(d->b, d->b + n, keep * sizeof *d->b);
	d->n = keep;
}

static struct mblock *
add(struct builder *b, enum mb_kind kind, enum mb_role role, int64_t seq,
    char *label, char *text)
{
	struct mdoc	*d = b->d;
	struct mblock	*bl;

	/*
	 * A procedure item's words gathered in one paragraph: printed
	 * before anything else comes (a reaction, a decision), so that the
	 * room does not answer before it is asked.
	 */
	if (b->proc.len > 0 && !b->proc_adding) {
		b->proc_adding = 1;
		add(b, MB_PARA, MR_NONE, b->proc_seq, NULL,
		    buf_detach(&b->proc));
		buf_reset(&b->proc);
		b->proc_adding = 0;
		/* The next paragraph is dated by what comes now. */
		b->proc_seq = seq;
	}
	if (d->streaming && d->n >= MDOC_WINDOW)
		spill(d, MDOC_LOOKBACK);
	b->nadded++;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->b = xreallocarray(d->b, d->cap, sizeof *d->b);
	}
	bl = &d->b[d->n++];
	memset(bl, 0, sizeof *bl);
	/* For turn(): only procedural notes since the last speech? */
	b->turn_notes = b->turn_clean;
	if (kind != MB_NOTE || role == MR_VOTE)
		b->turn_clean = 0;
	bl->kind = kind;
	bl->role = role;
	bl->seq = seq;
	bl->label = label;
	bl->text = text != NULL ? text : xstrdup("");
	if (b->closing_next) {
		bl->flags |= MBF_CLOSING;
		b->closing_next = 0;
	}
	return bl;
}

/*
 * A turn goes on (continue_turn) while the same person speaks again with
 * only procedural notes between (a count ends it), or the chair goes on
 * to the next item in the same breath: no new label, the style's
 * paragraph indent instead. Anything else ends the turn.
 */
static void
turn(struct builder *b, struct mblock *bl, int member)
{
	/* A label of its own (a speech's label field) begins a turn. */
	if (mstyle_enum(b->st, K_L_CONTINUE) == 1 && member >= 0 &&
	    member == b->turn_member && b->turn_notes && bl->note == NULL &&
	    (b->turn_label == NULL ? bl->label == NULL : bl->label != NULL &&
	    strcmp(b->turn_label, bl->label) == 0))
		bl->flags |= MBF_CONT;
	b->turn_member = member;
	free(b->turn_label);
	b->turn_label = bl->label != NULL ? xstrdup(bl->label) : NULL;
	b->turn_clean = 1;
}

/* A user string made safe: no controls (but newlines), no bidi overrides. */
static char *
ustr(const char *s)
{
	return utf8_sanitize(s != NULL ? s : "", 1);
}

/* ------------------------------------------------------------ templates */

/* The key's template evaluated in sc; NULL when the style has none. */
static char *
say(struct builder *b, enum mkey k, const struct tpl_scope *sc)
{
	const struct tpl	*t = mstyle_tpl(b->st, k);

	if (t == NULL)
		return NULL;
	return tpl_string(t, sc, &b->ev);
}

/* The same, NULL when it comes out empty. */
static char *
say1(struct builder *b, enum mkey k, const struct tpl_scope *sc)
{
	char	*s = say(b, k, sc);

	if (s != NULL && *s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* A level key (1 to 3), default def. */
static int
level(struct builder *b, enum mkey k, const struct tpl_scope *sc, int def)
{
	const struct tpl	*t = mstyle_tpl(b->st, k);
	char			*s = t != NULL ? tpl_raw(t, sc, &b->ev) : NULL;
	int			 v = def;

	if (s != NULL && s[0] >= '1' && s[0] <= '3' && s[1] == '\0')
		v = s[0] - '0';
	free(s);
	return v;
}

static const struct tpl *
ev_macro(void *arg, const char *name, size_t len)
{
	return mstyle_macro(((struct builder *)arg)->st, name, len);
}

static const struct tpl *
ev_word(void *arg, const char *name, size_t len, const char *value)
{
	const struct mstyle	*st = ((struct builder *)arg)->st;
	const struct tpl	*t;
	const char		*dot;

	/* item.outcome: item.outcome.approved, else outcome.approved. */
	if ((t = mstyle_word(st, name, len, value)) != NULL)
		return t;
	if ((dot = memrchr(name, '.', len)) == NULL)
		return NULL;
	return mstyle_word(st, dot + 1, len - (size_t)(dot + 1 - name),
	    value);
}

static void
scope(struct tpl_scope *sc, struct builder *b, enum mctx ctx, const void *p)
{
	mscope_init(sc, b, ctx, p, &b->doc);
}

/* ------------------------------------------------------------ warnings */

/*
 * What the log records and the style cannot print: said once each. form
 * is marked N_() by the callers and said in the user's language.
 */
static void
warn_once(struct builder *b, const char *what, const char *form)
{
	size_t	 i;
	char	*msg;

	if (b->d->o.warn == NULL ||
	    mstyle_leaves_out(mstyle_text(b->st, K_STYLE_LEAVES_OUT), what))
		return;
	for (i = 0; i < b->nwarned; i++) {
		if (strcmp(b->warned[i], what) == 0)
			return;
	}
	b->warned = xreallocarray(b->warned, b->nwarned + 1,
	    sizeof *b->warned);
	b->warned[b->nwarned++] = xstrdup(what);
	msg = xasprintf(_("style %s has no form for %s: the minutes leave "
	    "it out (giji-style(5); if the house leaves it out on purpose, "
	    "[style] leaves_out = %s says so)"), b->st->name, _(form), what);
	b->d->o.warn(b->d->o.warn_arg, msg);
	free(msg);
}

static const struct tpl *
mention_macro(void *arg, const char *name, size_t len)
{
	return mstyle_macro(arg, name, len);
}

static int
key_mentions(struct builder *b, enum mkey k, const char *name, int loops)
{
	return tpl_mentions(mstyle_tpl(b->st, k), name, loops, mention_macro,
	    b->st);
}

static int
list_mentions(struct builder *b, const struct mentry **l, size_t n,
    const char *name)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		if (tpl_mentions(l[i]->t, name, 1, mention_macro, b->st))
			return 1;
		for (k = 0; k < 3; k++) {
			if (tpl_mentions(l[i]->t2[k], name, 1, mention_macro,
			    b->st))
				return 1;
		}
	}
	return 0;
}

/* Does any template of the style but key but, as resolved, mention name? */
static int
style_mentions_but(struct builder *b, const char *name, int but)
{
	const struct mstyle	*st = b->st;
	size_t			 k;

	for (k = 0; k < K_COUNT; k++) {
		if ((int)k != but && st->k[k] != NULL &&
		    tpl_mentions(st->k[k]->t, name, 1, mention_macro, b->st))
			return 1;
	}
	return list_mentions(b, st->header, st->nheader, name) ||
	    list_mentions(b, st->closing, st->nclosing, name);
}

/* Does any template of the style, as resolved, mention name? */
static int
style_mentions(struct builder *b, const char *name)
{
	return style_mentions_but(b, name, -1);
}

/*
 * The fields of the procedure vocabulary the log holds and the style has
 * no form for: a mover no template names, a seat no label shows, an
 * apology no template of any section lists …
 * (events the style cannot print are found where they are met).
 */
static void
check_fields(struct builder *b)
{
	static const struct {
		const char	*field, *alt, *token, *form;
	} vf[] = {
		{ "moved_by", "mover", "movers", N_("the mover of a motion (vote.call "
		    "moved_by in [vote.call] motion)") },
		{ "seconded_by", "seconder", "seconders", N_("the seconder of a motion "
		    "(vote.call seconded_by in [vote.call] motion)") },
		{ "number", NULL, "motion_numbers", N_("a motion's number (vote.call number in "
		    "[vote.call] motion)") },
		{ "reading", NULL, "readings", N_("the reading a motion is on (vote.call "
		    "reading in [vote.call] motion)") },
	};
	const struct meeting	*m = b->m;
	size_t			 i, k;
	char			*v;
	int			 any;

	/*
	 * A candidate with a motion is printed by the motion's line, one
	 * without by no_motion's, or by a line of the count or the result.
	 */
	for (k = 0; k < 2; k++) {
		enum mkey other = k == 0 ? K_VC_NO_MOTION : K_VC_MOTION;

		for (any = 0, i = 0; i < m->nvotes && !any; i++) {
			v = json_get(m->votes[i].data, "$.candidate");
			any = v != NULL && (m->votes[i].motion != NULL &&
			    *m->votes[i].motion != '\0') == (k == 0);
			free(v);
		}
		if (any && !style_mentions_but(b, "candidate", other) &&
		    !style_mentions_but(b, "candidate_name", other) &&
		    !style_mentions_but(b, "candidate_member", other))
			warn_once(b, "candidates", N_("an election's candidate "
			    "(vote.call candidate in [vote.call] motion, or "
			    "no_motion when it has no motion)"));
	}
	for (k = 0; k < sizeof vf / sizeof vf[0]; k++) {
		for (any = 0, i = 0; i < m->nvotes && !any; i++) {
			v = json_get(m->votes[i].data, vf[k].field[0] == 'm' ?
			    "$.moved_by" : vf[k].field[0] == 's' ?
			    "$.seconded_by" : vf[k].field[0] == 'n' ?
			    "$.number" : vf[k].field[0] == 'r' ? "$.reading" :
			    "$.candidate");
			any = v != NULL;
			free(v);
		}
		/* number is an item's too: a motion's is the vote's. */
		if (!any || (vf[k].field[0] == 'n' ?
		    key_mentions(b, K_VC_MOTION, vf[k].field, 0) ||
		    key_mentions(b, K_VC_NO_MOTION, vf[k].field, 0) ||
		    style_mentions(b, "vote.number") :
		    style_mentions(b, vf[k].field) ||
		    (vf[k].alt != NULL && style_mentions(b, vf[k].alt))))
			continue;
		warn_once(b, vf[k].token, vf[k].form);
	}
	/*
	 * A decision with its own text is printed by [decision] text (or
	 * as typed, without a number, when the style has none), one
	 * without by [decision] line: the number needs the one it meets.
	 */
	for (any = 0, i = 0; i < m->ndecisions; i++) {
		const struct decision *dc = &m->decisions[i];

		if (dc->number == NULL)
			continue;
		if (dc->text != NULL ? !key_mentions(b, K_D_TEXT, "number", 0) :
		    !key_mentions(b, K_D_LINE, "number", 0))
			any = 1;
	}
	if (any)
		warn_once(b, "decision_numbers", N_("a decision's number "
		    "(decision number in [decision] line, and in [decision] "
		    "text for a decision with its own text)"));
	for (any = 0, i = 0; i < m->nmembers; i++)
		any |= m->members[i].seat != NULL;
	if (any && !list_mentions(b, b->st->header, b->st->nheader, "seat") &&
	    !key_mentions(b, K_L_CHAIR, "seat", 1) &&
	    !key_mentions(b, K_L_MEMBER, "seat", 1) &&
	    !key_mentions(b, K_L_VICE, "seat", 1))
		warn_once(b, "seats", N_("seat numbers (member.add seat in "
		    "[labels] or [header])"));
	for (any = 0, i = 0; i < m->nmembers; i++)
		any |= m->members[i].written;
	if (any && !style_mentions(b, "written"))
		warn_once(b, "written", N_("members who voted in writing "
		    "beforehand (attendance written in [header])"));
	for (any = 0, i = 0; i < m->nmembers; i++)
		any |= m->members[i].proxy;
	if (any && !style_mentions(b, "proxy"))
		warn_once(b, "proxies", N_("members who gave a proxy "
		    "(attendance proxy in [header])"));
	for (any = 0, i = 0; i < m->nmembers; i++)
		any |= m->members[i].proxy && m->members[i].holder != NULL;
	if (any && !style_mentions(b, "holder") &&
	    !style_mentions(b, "holder_member"))
		warn_once(b, "holders", N_("who holds a proxy (attendance "
		    "holder in [header])"));
	for (k = 0; k < 2; k++) {
		for (any = 0, i = 0; i < m->nmembers; i++)
			any |= k == 0 ? m->members[i].apologies :
			    m->members[i].remote;
		if (any && !style_mentions(b, k == 0 ? "apologies" :
		    "remote"))
			warn_once(b, k == 0 ? "apologies" : "remote", k == 0 ?
			    N_("apologies for absence (attendance apologies in "
			    "[header])") : N_("members taking part remotely "
			    "(attendance remote in [header])"));
	}
	/*
	 * Observers on the roster: #{each:roster} reaches them, and a
	 * deliberation's attending those named for its items (witnesses).
	 */
	for (any = 0, i = 0; i < m->nmembers; i++)
		any |= m->members[i].kind == MK_OBSERVER &&
		    (m->members[i].nagenda == 0 || !style_mentions(b,
		    "attending"));
	if (any && !style_mentions(b, "roster"))
		warn_once(b, "observers", N_("observers on the roster "
		    "(member.add kind observer; their speeches are printed, "
		    "the attendance reaches them through #{each:roster,...} "
		    "with #{kind})"));
	/* A late arrival or an early leaving: inline, or in the header. */
	for (k = 0; k < 2; k++) {
		for (any = 0, i = 0; i < m->nmembers; i++)
			any |= k == 0 ? m->members[i].arrived :
			    m->members[i].departed;
		if (any && mstyle_tpl(b->st, k == 0 ? K_ARRIVED : K_LEFT) ==
		    NULL && !style_mentions(b, k == 0 ? "arrived" : "left") &&
		    !style_mentions(b, k == 0 ? "arrived_time" : "left_time") &&
		    !(k == 0 && style_mentions(b, "returned")))
			warn_once(b, k == 0 ? "arrivals" : "departures", k == 0 ?
			    N_("a late arrival (attendance arrived in "
			    "[attendance] arrived or [header])") :
			    N_("a member leaving before the end (attendance "
			    "left in [attendance] left or [header])"));
	}
	if (meeting_meta_str(m, "session", NULL) != NULL &&
	    !list_mentions(b, b->st->header, b->st->nheader, "session") &&
	    !key_mentions(b, K_DOCUMENT_TITLE, "session", 1))
		warn_once(b, "session", N_("the session (meta.set session in "
		    "[header])"));
}

/* ------------------------------------------------------------- lists */

struct mlist *
mb_list(struct builder *b, enum mctx ctx, const void *owner, int kind)
{
	struct mlist	*l;
	size_t		 i;

	for (i = 0; i < b->nlists; i++) {
		l = b->lists[i];
		if ((l->kind == kind || l->kind == -kind) &&
		    l->owner == owner && l->ctx == ctx)
			return l;
	}
	l = xcalloc(1, sizeof *l);
	l->ctx = ctx;
	l->owner = owner;
	l->kind = kind;
	b->lists = xreallocarray(b->lists, b->nlists + 1, sizeof *b->lists);
	b->lists[b->nlists++] = l;
	return l;
}

void
mb_list_add(struct mlist *l, const void *p)
{
	l->objs = xreallocarray(l->objs, l->n + 1, sizeof *l->objs);
	l->objs[l->n++] = p;
}

/* Lists of per-event objects live until the event's lines are made. */
static void
lists_forget(struct builder *b, const void *owner)
{
	struct mlist	*l;
	size_t		 i, k;

	for (i = 0; i < b->nlists; i++) {
		l = b->lists[i];
		if (l->owner == NULL || l->owner != owner)
			continue;
		b->lists[i] = b->lists[--b->nlists];
		/*
		 * The lists kept for the objects it owns go with them: their
		 * addresses may be given again to the next ones.
		 */
		if (l->kind < 0) {
			for (k = 0; k < l->n; k++) {
				lists_forget(b, l->objs[k]);
				free((void *)l->objs[k]);
			}
		}
		free(l->objs);
		free(l);
		i = (size_t)-1;		/* changed: look again from the start */
	}
}

static void
lists_free(struct builder *b)
{
	size_t	 i, k;

	for (i = 0; i < b->nlists; i++) {
		if (b->lists[i]->kind < 0) {
			for (k = 0; k < b->lists[i]->n; k++) {
				if (b->lists[i]->kind == L_UNKNOWN)
					free(((struct member *)
					    b->lists[i]->objs[k])->id);
				free((void *)b->lists[i]->objs[k]);
			}
		}
		free(b->lists[i]->objs);
		free(b->lists[i]);
	}
	free(b->lists);
}

/*
 * A member named by an id the roster lacks (a ballot's, a mover's): the id
 * as the name, kept until the document is done.
 */
const struct member *
mb_unknown_member(struct builder *b, const char *id)
{
	struct mlist	*l = mb_list(b, C_MEMBER, b, L_UNKNOWN);
	struct member	*mb;
	size_t		 i;

	for (i = 0; i < l->n; i++) {	/* once each, however often named */
		mb = (struct member *)l->objs[i];
		if (strcmp(mb->id, id) == 0)
			return mb;
	}
	mb = xcalloc(1, sizeof *mb);
	mb->id = mb->name = xstrdup(id);
	mb->kind = MK_OBSERVER;
	l->kind = L_UNKNOWN;
	mb_list_add(l, mb);
	return mb;
}

/* ------------------------------------------------------- dates and times */

static int
meeting_ymd(struct builder *b, int *y, int *mo, int *dd)
{
	const struct meeting	*m = b->m;
	const char		*s = meeting_meta_str(m, "date", NULL);
	struct clock_tm		 tm;
	int64_t			 ts;

	if (s != NULL && jdate_parse(s, y, mo, dd) == 0)
		return 0;
	ts = m->open_ts ? m->open_ts : m->first_ts;
	if (ts == 0 || clock_local(ts, meeting_tz(m), &tm) != 0)
		return -1;
	*y = tm.y;
	*mo = tm.mon;
	*dd = tm.d;
	return 0;
}

static int
ts_hm(struct builder *b, int64_t ts, int *h, int *mi)
{
	struct clock_tm	 tm;

	if (ts == 0 || clock_local(ts, meeting_tz(b->m), &tm) != 0)
		return -1;
	*h = tm.h;
	*mi = tm.min;
	return 0;
}

static int
meta_hm(struct builder *b, const char *key, int64_t ts, int *h, int *mi)
{
	const char	*s = meeting_meta_str(b->m, key, NULL);
	char		*end;
	long		 hh, mm;

	if (s != NULL) {
		hh = strtol(s, &end, 10);
		if (*end == ':') {
			mm = strtol(end + 1, &end, 10);
			/* jdate formats 0:00 to 23:59 only. */
			if (*end == '\0' && hh >= 0 && hh <= 23 && mm >= 0 &&
			    mm < 60) {
				*h = (int)hh;
				*mi = (int)mm;
				return 0;
			}
		}
	}
	return ts_hm(b, ts, h, mi);
}

char *
mb_fmt_time(struct builder *b, int h, int mi)
{
	struct tpl_scope	 sc;
	struct mtime		 t = { h, mi };
	char			*s;

	if (h < 0 || h > 23 || mi < 0 || mi > 59)
		return xstrdup("");
	scope(&sc, b, C_TIME, &t);
	s = say(b, K_TIME, &sc);
	return s != NULL ? s : xstrdup("");
}

char *
mb_fmt_ts_time(struct builder *b, int64_t ts)
{
	int	 h, mi;

	if (ts_hm(b, ts, &h, &mi) != 0)
		return xstrdup("");
	return mb_fmt_time(b, h, mi);
}

char *
mb_fmt_date(struct builder *b, int y, int mo, int dd)
{
	struct tpl_scope	 sc;
	struct mdate		 dt = { y, mo, dd };
	char			*s;

	if (jdate_weekday(y, mo, dd) < 0)
		return xstrdup("");
	scope(&sc, b, C_DATE, &dt);
	s = say(b, K_DATE, &sc);
	return s != NULL ? s : xstrdup("");
}

char *
mb_fmt_ts_date(struct builder *b, int64_t ts)
{
	struct clock_tm	 tm;

	if (ts == 0 || clock_local(ts, meeting_tz(b->m), &tm) != 0)
		return xstrdup("");
	return mb_fmt_date(b, tm.y, tm.mon, tm.d);
}

/* The meeting's times and their range, composed once. */
static void
times(struct builder *b)
{
	struct mdoc		*d = b->d;
	struct tpl_scope	 sc;
	struct mrange		 r;
	int			 h1, m1, h2, m2;
	size_t			 n;

	d->start_text = meta_hm(b, "start", b->m->open_ts, &h1, &m1) == 0 ?
	    mb_fmt_time(b, h1, m1) : xstrdup("");
	d->end_text = meta_hm(b, "end", b->m->close_ts, &h2, &m2) == 0 ?
	    mb_fmt_time(b, h2, m2) : xstrdup("");
	if (*d->start_text == '\0') {
		d->range_text = xstrdup("");
		return;
	}
	r.start = d->start_text;
	r.end = d->end_text;
	/* 午後 once when both ends are in the same half of the day. */
	n = strlen("午前");
	r.end_short = r.end;
	if (strlen(r.start) > n && strlen(r.end) > n &&
	    memcmp(r.start, r.end, n) == 0 && (memcmp(r.start, "午前", n) ==
	    0 || memcmp(r.start, "午後", n) == 0))
		r.end_short = r.end + n;
	scope(&sc, b, C_RANGE, &r);
	d->range_text = say(b, K_TIME_RANGE, &sc);
	if (d->range_text == NULL)
		d->range_text = xstrdup("");
}

/* -------------------------------------------------------------- members */

int
mb_voting(const struct member *mb)
{
	return mb->kind == MK_MEMBER || mb->kind == MK_CHAIR ||
	    mb->kind == MK_VICE;
}

int
mb_chair_index(const struct meeting *m)
{
	size_t	 i;

	for (i = 0; i < m->nmembers; i++) {
		if (m->members[i].kind == MK_CHAIR)
			return (int)i;
	}
	return -1;
}

static const struct item *
item_at(struct builder *b, int i)
{
	return i >= 0 && (size_t)i < b->m->nitems ? &b->m->items[i] : NULL;
}

/* The section name of the item's department, for labels. */
/*
 * A department's section: what follows its last 部 (総務部総務契約課 →
 * 総務契約課); a department without a section under its 部 is named whole.
 */
const char *
mb_section_of(const char *dept)
{
	const char	*p, *last = NULL;

	if (dept == NULL)
		return NULL;
	for (p = dept; (p = strstr(p, "部")) != NULL; p += strlen("部"))
		last = p + strlen("部");
	return last != NULL && *last != '\0' ? last : dept;
}

const char *
mb_item_section(const struct item *it)
{
	if (it == NULL)
		return NULL;
	if (it->dept_short != NULL || it->dept == NULL)
		return it->dept_short;
	return mb_section_of(it->dept);
}

/* The speaker label, unbracketed, for member mi speaking on item. */
char *
mb_member_label(struct builder *b, int mi, int item)
{
	return mb_label_of(b, &b->m->members[mi], item);
}

/* The same for any member, one the roster lacks too (mb_unknown_member). */
char *
mb_label_of(struct builder *b, const struct member *mb, int item)
{
	struct tpl_scope	 sc;
	enum mkey		 k;
	int			 saved = b->cur_item;
	char			*s;

	switch (mb->kind) {
	case MK_CHAIR:
		k = K_L_CHAIR;
		break;
	case MK_VICE:
		k = mstyle_tpl(b->st, K_L_VICE) != NULL ? K_L_VICE :
		    K_L_MEMBER;
		break;
	case MK_MEMBER:
		k = K_L_MEMBER;
		break;
	case MK_STAFF:
		k = K_L_STAFF;
		break;
	default:
		k = K_L_OTHER;
		break;
	}
	b->cur_item = item;
	scope(&sc, b, C_MEMBER, mb);
	s = say(b, k, &sc);
	b->cur_item = saved;
	return s != NULL ? s : ustr(mb->role != NULL ? mb->role : mb->name);
}

/* Two characters letter-spaced where the style says (【会 長】). */
static char *
spaced(struct builder *b, char *label)
{
	char	*s;

	if (mstyle_enum(b->st, K_L_LETTERSPACE) != 1 ||
	    utf8_strlen(label) != 2)
		return label;
	s = minutes_letterspace(label);
	free(label);
	return s;
}

static char *
unknown_label(struct builder *b, const struct entry *e)
{
	struct tpl_scope	 sc;
	char			*s;

	scope(&sc, b, C_SPEECH, e);
	if ((s = say1(b, K_L_UNKNOWN, &sc)) == NULL)
		s = ustr(e->speaker);
	return s;
}

/*
 * The label of a speech by member mi on item, and its display width; the
 * same member on the same item reuses the last one, unless the labels
 * read the speech (#{speech.kind}) or count (#{next:}).
 */
static char *
speech_label(struct builder *b, const struct entry *e, size_t *w)
{
	struct label_cache	*c;
	int			 mi = e->member;

	if (mi < 0) {
		char *l = spaced(b, unknown_label(b, e));

		*w = utf8_width(l);
		return l;
	}
	c = &b->labels[mi];
	if (c->item != e->item || c->label == NULL || b->labels_vary ||
	    (b->uses_spoken && c->at != c->spoken)) {
		free(c->label);
		b->label_speech = e;
		c->label = spaced(b, mb_member_label(b, mi, e->item));
		b->label_speech = NULL;
		c->width = utf8_width(c->label);
		c->item = e->item;
		c->at = c->spoken;
	}
	*w = c->width;
	return xstrdup(c->label);
}

static enum mb_role
member_role(struct builder *b, int mi)
{
	if (mi < 0)
		return MR_NONE;
	switch (b->m->members[mi].kind) {
	case MK_CHAIR:
		return MR_CHAIR;
	case MK_MEMBER:
	case MK_VICE:
		return MR_MEMBER;
	case MK_STAFF:
		return MR_STAFF;
	default:
		return MR_NONE;
	}
}

/* ---------------------------------------------------------------- items */

static int
is_proc(const struct item *it)
{
	return it->kind != NULL && strcmp(it->kind, "procedure") == 0;
}

static int
is_report(const struct item *it)
{
	return it->kind != NULL && strcmp(it->kind, "report") == 0;
}

/* The printed number of an item ([agenda] number), or NULL. */
char *
mb_item_number(struct builder *b, int i)
{
	struct tpl_scope	 sc;

	scope(&sc, b, C_ITEM, &b->m->items[i]);
	return say1(b, K_A_NUMBER, &sc);
}

/* Numbering of items: top-level, within a group, among non-procedures. */
static void
number_items(struct builder *b)
{
	const struct meeting	*m = b->m;
	const char		*sec = NULL;
	size_t			 i;
	int			 top = 0, sub = 0, n = 0;

	b->num = xcalloc(m->nitems ? m->nitems : 1, sizeof *b->num);
	for (i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];

		if (!is_proc(it))
			b->num[i].n = ++n;
		if (is_proc(it) || it->section == NULL) {
			b->num[i].top = ++top;
			sec = NULL;
			continue;
		}
		if (sec == NULL || strcmp(sec, it->section) != 0) {
			top++;
			sub = 0;
			sec = it->section;
			b->num[i].group_first = 1;
		}
		b->num[i].top = top;
		b->num[i].sub = ++sub;
	}
}

/* ---------------------------------------------------------------- votes */

/*
 * A tally as the vote's report counts it (core/vote-report.c: the one
 * count of each vote that stats, the exports and the vote pane read).
 */
static void
tally_init(struct builder *b, struct mtally *mt, const struct vote *v,
    size_t ti, const struct entry *e)
{
	struct vote_report	 r;
	struct tally_count	 c;

	memset(mt, 0, sizeof *mt);
	mt->v = v;
	mt->ti = ti;
	mt->e = e;
	meeting_tally_report(b->m, v, ti, &r);
	/* As computed (unanimous: for = the voters), else as recorded. */
	tally_count(&v->tallies[ti], &c);
	mt->yes = r.computed ? r.result.counts.yes : c.yes;
	mt->no = r.computed ? r.result.counts.no : c.no;
	mt->abst = r.computed ? r.result.counts.abstain : c.abstain;
	mt->computed = r.computed ? (int)r.result.outcome : -1;
	mt->flags = r.computed ? r.result.flags : 0;
	mt->needed = r.computed ? r.result.needed : 0;
	mt->voters = r.computed ? r.result.voters : 0;
	mt->present = r.spec.present;
	mt->quorum = r.spec.quorum;
	mt->presiding = r.presiding;
	vote_report_clear(&r);
}

/*
 * Whether the words giji would compose (a tally, a decision, the call of a
 * vote) are already in the record: in the block just before, past
 * procedural notes, or in the next speech or note. A clerk who typed the
 * chair's words and also recorded the decision gets them once. With chair
 * set only the chair's speeches (and notes) count.
 */
static int
already_said(struct builder *b, const struct entry *e, const char *needle,
    int chair)
{
	const struct entry	*nx;
	size_t			 k;
	int			 ci = mb_chair_index(b->m);

	if (needle == NULL || *needle == '\0')
		return 0;
	/* A procedure item's words gathered so far (procedure_text). */
	if (b->proc.len > 0 && !chair && strstr(b->proc.s, needle) != NULL)
		return 1;
	/* Not past the opening of the item (another item's line). */
	for (k = b->d->n; k > 0 && b->d->n - k < 4 &&
	    b->nadded - (b->d->n - k) > b->item_added; k--) {
		const struct mblock *bl = &b->d->b[k - 1];

		if ((bl->kind == MB_NOTE || bl->kind == MB_SPEECH ||
		    bl->kind == MB_PARA || bl->kind == MB_LINES) &&
		    (!chair || bl->kind == MB_NOTE || bl->role == MR_CHAIR ||
		    bl->role == MR_DECISION) &&
		    strstr(bl->text, needle) != NULL)
			return 1;
		if (bl->kind != MB_NOTE)
			break;
	}
	for (k = 1; k < 8 && (nx = b->src.after(b->src.arg, e, k)) != NULL;
	    k++) {
		if (nx->flags & ENTRY_RETRACTED)
			continue;
		/* A vote's events and the room's voices come in between. */
		if (nx->etype == EV_VOTE_CALL || nx->etype == EV_VOTE_TALLY ||
		    nx->etype == EV_VOTE_RESULT || nx->etype == EV_DECISION ||
		    nx->etype == EV_REACTION)
			continue;
		if (nx->etype != EV_NOTE && nx->etype != EV_SPEECH)
			break;
		if (nx->text != NULL && strstr(nx->text, needle) != NULL &&
		    (!chair || nx->etype == EV_NOTE ||
		    (ci >= 0 && nx->member == ci)))
			return 1;
		if (nx->etype == EV_SPEECH)
			break;
	}
	return 0;
}

/* unless_said: is the key's needle already in the record? */
static int
said(struct builder *b, enum mkey k, const struct tpl_scope *sc,
    const struct entry *e, int chair)
{
	char	*needle = say1(b, k, sc);
	int	 r;

	/* One character (可) stands in too many sentences to tell. */
	r = needle != NULL && utf8_strlen(needle) >= 2 &&
	    already_said(b, e, needle, chair);
	free(needle);
	return r;
}

/*
 * A composed line as the style's "as" value names it. It is never a
 * speech: a line is printed under a person's label only when a speech
 * recorded it.
 */
static void
line(struct builder *b, const char *as, enum mb_role role, int64_t seq,
    char *text)
{
	struct mblock	*bl;

	if (strcmp(as, "heading") == 0) {
		bl = add(b, MB_HEADING, role, seq, NULL, text);
		bl->level = 1;
	} else if (strcmp(as, "para") == 0)
		bl = add(b, MB_PARA, role, seq, NULL, text);
	else if (strcmp(as, "lines") == 0)
		bl = add(b, MB_LINES, role, seq, NULL, text);
	else
		bl = add(b, MB_NOTE, role, seq, NULL, text);
	bl->flags |= MBF_CLEAN;
}

/* The value name of an SK_ENUM key, or def. */
static const char *
as_of(struct builder *b, enum mkey k, const char *def)
{
	const char	*v = mstyle_text(b->st, k);

	return v != NULL && *v != '\0' ? v : def;
}

static void
emit_tally(struct builder *b, const struct entry *e, const struct vote *v,
    size_t ti)
{
	struct mtally		 mt;
	struct tpl_scope	 sc;
	struct mblock		*bl;
	char			*s;
	int			 consent;

	/*
	 * A tally that a later one only completes (the same count with the
	 * casting or the presiding vote) is not a recount: the later one
	 * prints the count, with that vote.
	 */
	if (ti + 1 < v->ntallies && v->tallies[ti + 1].completes)
		return;
	if (ti < meeting_vote_first_count(v))
		return;		/* a written vote's answer, counted later */
	tally_init(b, &mt, v, ti, e);
	scope(&sc, b, C_TALLY, &mt);
	if (ti + 1 != v->ntallies) {
		if (b->d->o.public || (s = say1(b, K_VT_RECOUNT, &sc)) == NULL)
			return;
		bl = add(b, MB_NOTE, MR_INTERNAL, e->seq, NULL, s);
		bl->flags |= MBF_SUPERSEDED|MBF_CLEAN;
		return;
	}
	consent = v->method != NULL && strcmp(v->method, "consent") == 0 &&
	    mstyle_tpl(b->st, K_VT_CONSENT) != NULL;
	if (consent) {
		if ((s = say1(b, K_VT_CONSENT, &sc)) != NULL)
			line(b, as_of(b, K_VT_CONSENT_AS, "note"), MR_VOTE,
			    e->seq, s);
	} else if ((s = say1(b, K_VT_LINE, &sc)) != NULL) {
		if (said(b, K_VT_UNLESS, &sc, e, 0))
			free(s);
		else
			line(b, as_of(b, K_VT_AS, "note"), MR_VOTE, e->seq, s);
	}
	if ((s = say1(b, K_VT_NAMES, &sc)) != NULL)
		line(b, "note", MR_VOTE, e->seq, s);
	/* A quorum failure is a fact of its own, whatever was declared. */
	if (mt.computed == 0 && (mt.flags & VOTE_F_NO_QUORUM) &&
	    (s = say1(b, K_VT_NO_QUORUM, &sc)) != NULL)
		add(b, MB_NOTE, MR_QUORUM, e->seq, NULL, s)->flags |=
		    MBF_CLEAN;
	lists_forget(b, &v->tallies[ti]);
}

/*
 * A result the chair declared with no count before it (a voice vote) and
 * no decision on it: the style's line, as the declaration is then the
 * only record of the outcome.
 */
static void
emit_result_line(struct builder *b, const struct entry *e,
    const struct vote *v)
{
	struct tpl_scope	 sc;
	char			*s;
	size_t			 k;

	for (k = 0; k < v->ntallies; k++) {
		if (v->tallies[k].seq < e->seq)
			return;
	}
	/* A decision on the vote says the outcome: once is enough. */
	for (k = 0; k < b->m->ndecisions; k++) {
		if (mb_decision_vote(b, &b->m->decisions[k]) == v)
			return;
	}
	scope(&sc, b, C_VOTE, v);
	if ((s = say1(b, K_VR_LINE, &sc)) == NULL)
		return;
	if (said(b, K_VR_UNLESS, &sc, e, 0))
		free(s);
	else
		line(b, as_of(b, K_VR_AS, "note"), MR_VOTE, e->seq, s);
}

/* Internal version: a declared result that the count does not bear out. */
static void
emit_result_check(struct builder *b, const struct entry *e,
    const struct vote *v)
{
	struct mtally		 mt;
	struct tpl_scope	 sc;
	char			*s;

	if (v->outcome != NULL)
		emit_result_line(b, e, v);
	if (b->d->o.public || v->outcome == NULL || v->ntallies == 0)
		return;
	tally_init(b, &mt, v, v->ntallies - 1, e);
	/* A quorum failure has its own line (no_quorum). */
	if (mt.computed < 0 ||
	    (mt.computed == 1) == (strcmp(v->outcome, "carried") == 0) ||
	    (mt.flags & VOTE_F_NO_QUORUM))
		return;
	scope(&sc, b, C_TALLY, &mt);
	if ((s = say1(b, K_VR_MISMATCH, &sc)) == NULL)
		return;
	add(b, MB_NOTE, MR_INTERNAL, e->seq, NULL, s)->flags |= MBF_CLEAN;
}

/* ------------------------------------------------------------ decisions */

/* The items a decision covers: its own, then its joint ones. */
static size_t
decision_items(struct builder *b, const struct decision *dc, int *out,
    size_t max)
{
	size_t	 n = 0, k;
	int	 j;

	if (dc->item >= 0 && n < max)
		out[n++] = dc->item;
	for (k = 0; k < dc->njoint && n < max; k++) {
		if ((j = meeting_item(b->m, dc->joint[k])) >= 0)
			out[n++] = j;
	}
	return n;
}

const struct vote *
mb_decision_vote(struct builder *b, const struct decision *dc)
{
	int	 vi = meeting_vote(b->m, dc->vote_id);
	size_t	 i;

	if (vi >= 0)
		return &b->m->votes[vi];
	for (i = b->m->nvotes; i > 0; i--) {
		if (b->m->votes[i - 1].item == dc->item && dc->item >= 0)
			return &b->m->votes[i - 1];
	}
	return NULL;
}

static void
emit_decision(struct builder *b, const struct entry *e,
    const struct decision *dc)
{
	struct mdecision	 md;
	struct tpl_scope	 sc;
	const char		*as;
	size_t			 k;
	char			*s;
	int			 chair;

	memset(&md, 0, sizeof md);
	md.dc = dc;
	md.e = e;
	md.item = -1;
	md.n = decision_items(b, dc, md.its, 64);
	scope(&sc, b, C_DECISION, &md);
	as = as_of(b, K_D_AS, "para");
	/* Left out when the record beside it says it (a text decision too). */
	chair = mstyle_enum(b->st, K_D_UNLESS_BY) == 1;
	if (said(b, K_D_UNLESS, &sc, e, chair)) {
		lists_forget(b, &md);
		return;
	}
	if (dc->text != NULL) {
		/* A style without the key prints the text; one that clears it, nothing. */
		if ((s = say1(b, K_D_TEXT, &sc)) == NULL &&
		    !mstyle_set(b->st, K_D_TEXT))
			s = ustr(dc->text);
		if (s != NULL)
			line(b, as, MR_DECISION, e->seq, s);
		lists_forget(b, &md);
		return;
	}
	if (md.n > 1 && mstyle_text(b->st, K_D_JOINT_AS) != NULL)
		as = as_of(b, K_D_JOINT_AS, "para");
	if (mstyle_enum(b->st, K_D_EACH) == 1) {
		for (k = 0; k < md.n; k++) {
			md.item = md.its[k];
			if ((s = say1(b, K_D_LINE, &sc)) != NULL)
				line(b, as, MR_DECISION, e->seq, s);
		}
	} else if ((s = say1(b, K_D_LINE, &sc)) != NULL)
		line(b, as, MR_DECISION, e->seq, s);
	lists_forget(b, &md);
}

/* -------------------------------------------------------------- header */

static char *
meeting_title(struct builder *b)
{
	const struct meeting	*m = b->m;
	const char		*t = meeting_meta_str(m, "title", NULL);
	const char		*body = meeting_meta_str(m, "body", NULL);
	long			 ord = meeting_meta_long(m, "ordinal", 0);
	int			 y, mo, dd;
	char			*fy, *n, *ub, *s;

	if (t != NULL)
		return ustr(t);
	if (body != NULL && ord > 0 && meeting_ymd(b, &y, &mo, &dd) == 0 &&
	    (fy = jdate_fiscal_year(y, mo, dd, &b->d->jo)) != NULL) {
		n = jdate_num(ord, &b->d->jo);
		ub = ustr(body);
		s = xasprintf("%s度第%s回%s", fy, n, ub);
		free(fy);
		free(n);
		free(ub);
		return s;
	}
	return ustr(body != NULL ? body : b->en ? "Meeting" : "会議");
}

static int
ends_with(const char *s, const char *tail)
{
	size_t	 n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

/*
 * The session part of a title, printed as its own line with a space
 * before 第 (令和4年度 第6回): the title without the body when it is
 * "<session><body>", or the whole title when it names the session alone
 * (…第6回); NULL otherwise.
 */
static char *
title_session(const char *title, const char *body)
{
	size_t	 tl = strlen(title), bl = strlen(body);
	char	*p, *d, *s;

	if (bl > 0 && tl > bl && strcmp(title + tl - bl, body) == 0)
		p = xstrndup(title, tl - bl);
	else if (ends_with(title, "回"))
		p = xstrdup(title);
	else
		return NULL;
	while (*p != '\0' && p[strlen(p) - 1] == ' ')
		p[strlen(p) - 1] = '\0';
	if ((d = strstr(p, "年度第")) != NULL) {
		*d = '\0';
		s = xasprintf("%s年度 %s", p, d + strlen("年度"));
		free(p);
		p = s;
	}
	s = utf8_sanitize(p, 0);
	free(p);
	return s;
}

/* The session alone (令和4年度 第6回) when the title or meta say it. */
static char *
session_line(struct builder *b)
{
	const struct meeting	*m = b->m;
	const char		*body = meeting_meta_str(m, "body", NULL);
	long			 ord = meeting_meta_long(m, "ordinal", 0);
	int			 y, mo, dd;
	char			*fy, *n, *s;

	if (body == NULL)
		return xstrdup("");
	if (ord > 0 && meeting_ymd(b, &y, &mo, &dd) == 0 &&
	    (fy = jdate_fiscal_year(y, mo, dd, &b->d->jo)) != NULL) {
		n = jdate_num(ord, &b->d->jo);
		s = xasprintf("%s度 第%s回", fy, n);
		free(fy);
		free(n);
		return s;
	}
	if ((s = title_session(b->d->title, body)) != NULL)
		return s;
	return xstrdup("");
}

static void
header(struct builder *b)
{
	struct mstyle		*st = b->st;
	struct mblock		*bl;
	char			*s, *t;
	size_t			 i, k, prev_title;
	int			 gapped = 0;

	b->d->doc_title = say1(b, K_DOCUMENT_TITLE, &b->doc);
	for (i = 0; i < st->nheader; i++) {
		const struct mentry *me = st->header[i];

		if (me->key == K_H_GAP) {
			if (b->d->n > 0)
				b->d->b[b->d->n - 1].flags &= ~MBF_NOGAP;
			gapped = 1;
			continue;
		}
		/* Title lines stand together but where a gap parts them. */
		if ((me->key == K_H_TITLE || me->key == K_H_TITLE_IF ||
		    me->key == K_H_SUBTITLE || me->key == K_H_SUBTITLE_IF) &&
		    !gapped && b->d->n > 0 &&
		    b->d->b[b->d->n - 1].kind == MB_TITLE)
			prev_title = b->d->n - 1;
		else
			prev_title = (size_t)-1;
		gapped = 0;
		s = me->t != NULL ? tpl_string(me->t, &b->doc, &b->ev) :
		    xstrdup("");
		switch (me->key) {
		case K_H_TITLE_IF:
		case K_H_SUBTITLE_IF:
		case K_H_HEADING:
			if (*s == '\0') {
				free(s);
				break;
			}
			/* FALLTHROUGH */
		case K_H_TITLE:
		case K_H_SUBTITLE:
			if (me->key == K_H_HEADING) {
				bl = add(b, MB_HEADING, MR_NONE, 0, NULL, s);
				bl->level = 1;
			} else {
				if (prev_title != (size_t)-1)
					b->d->b[prev_title].flags |= MBF_NOGAP;
				bl = add(b, MB_TITLE, MR_NONE, 0, NULL, s);
				bl->level = me->key == K_H_SUBTITLE ||
				    me->key == K_H_SUBTITLE_IF;
				if (bl->level == 0 && b->d->doc_title == NULL)
					b->d->doc_title = xstrdup(s);
			}
			bl->flags |= MBF_CLEAN;
			break;
		case K_H_PARA_IF:
			if (*s == '\0') {
				free(s);
				break;
			}
			/* FALLTHROUGH */
		case K_H_PARA:
			add(b, MB_PARA, MR_NONE, 0, NULL, s)->flags |=
			    MBF_CLEAN;
			break;
		case K_H_ROW:
		case K_H_ROW_IF:
			t = me->t2[0] != NULL ? tpl_string(me->t2[0], &b->doc,
			    &b->ev) : xstrdup("");
			if (me->key == K_H_ROW_IF && *t == '\0') {
				free(s);
				free(t);
				break;
			}
			bl = add(b, MB_ROW, MR_NONE, 0, s, t);
			bl->flags |= MBF_NOGAP|MBF_CLEAN;
			for (k = 1; k < 3 && me->t2[k] != NULL; k += 2) {
				bl->label2 = tpl_string(me->t2[k], &b->doc,
				    &b->ev);
				bl->text2 = me->t2[k + 1] != NULL ?
				    tpl_string(me->t2[k + 1], &b->doc, &b->ev) :
				    xstrdup("");
			}
			break;
		default:
			free(s);
			break;
		}
	}
	/* The header's last row ends it: an empty line before the body. */
	if (b->d->n > 0 && b->d->b[b->d->n - 1].kind == MB_ROW)
		b->d->b[b->d->n - 1].flags &= ~MBF_NOGAP;
	if (b->d->doc_title == NULL)
		b->d->doc_title = xstrdup(b->d->title);
}

/* ---------------------------------------------------------- proceedings */

static char *signer_sentence(struct builder *, const struct entry *);

static void
proc_flush(struct builder *b)
{
	size_t	 i;
	char	*s;

	if (b->proc_item < 0)
		return;
	if (b->proc_item == b->signer_item && !b->signers_done) {
		/* The designations recorded outside any item. */
		for (i = 0; i < b->m->nentries; i++) {
			const struct entry *e = &b->m->entries[i];

			if (e->item >= 0 || e->etype != EV_SIGNER ||
			    (s = signer_sentence(b, e)) == NULL)
				continue;
			buf_puts(&b->proc, s);
			free(s);
		}
		b->signers_done = 1;
	}
	if (b->proc.len > 0)
		add(b, MB_PARA, MR_NONE, b->proc_seq, NULL,
		    buf_detach(&b->proc));
	buf_reset(&b->proc);
	b->proc_item = -1;
}

static void
heading(struct builder *b, int lvl, int64_t seq, char *text)
{
	struct mblock	*bl = add(b, MB_HEADING, MR_NONE, seq, NULL, text);

	bl->level = lvl;
	bl->flags |= MBF_CLEAN;
}

/* A heading from a key of [agenda], when it comes out non-empty. */
static void
agenda_heading(struct builder *b, enum mkey k, enum mkey lk, int def,
    int64_t seq, const struct tpl_scope *sc)
{
	char	*s = say1(b, k, sc);

	if (s != NULL)
		heading(b, level(b, lk, sc, def), seq, s);
}

static void
emit_hoisted_decisions(struct builder *b, int i)
{
	const struct meeting	*m = b->m;
	size_t			 k;

	for (k = 0; k < m->ndecisions; k++) {
		const struct decision	*dc = &m->decisions[k];
		const struct entry	*e = &m->entries[dc->entry];

		if (dc->item != i)
			continue;
		if ((e->flags & ENTRY_REDACTED) && b->d->o.public)
			add(b, MB_PARA, MR_DECISION, e->seq, NULL,
			    xstrdup(b->d->redaction));
		else
			emit_decision(b, e, dc);
	}
}

static int
hoisting(struct builder *b, const struct item *it)
{
	return mstyle_enum(b->st, K_A_DECISIONS) == 1 && !is_report(it);
}

/*
 * The heading of an item opened again after another was, as the style
 * prints it, and [agenda] continued after it: what is recorded next is
 * its business, not the other item's.
 */
static void
resumed_heading(struct builder *b, const struct entry *e, int i)
{
	const struct item	*it = &b->m->items[i];
	struct tpl_scope	 sc;
	enum mkey		 k = K_A_ITEM, lk = K_A_ITEM_LEVEL;
	char			*s, *c;

	scope(&sc, b, C_ITEM, it);
	if (is_proc(it) && mstyle_tpl(b->st, K_A_PROCEDURE) != NULL) {
		k = K_A_PROCEDURE;
		lk = K_A_PROCEDURE_LEVEL;
	}
	if ((s = say1(b, k, &sc)) == NULL)
		return;
	if ((c = say1(b, K_A_CONTINUED, &sc)) != NULL) {
		s = xrealloc(s, strlen(s) + strlen(c) + 1);
		strcat(s, c);
		free(c);
	}
	heading(b, level(b, lk, &sc, k == K_A_ITEM ? 2 : 1), e->seq, s);
}

static void
open_item(struct builder *b, const struct entry *e, int i)
{
	const struct meeting	*m = b->m;
	const struct item	*it = &m->items[i];
	struct tpl_scope	 sc;
	size_t			 k;
	int			 j;
	char			*s;

	proc_flush(b);
	b->item_added = b->nadded;
	if (b->num[i].done) {
		/* Back to an item after another: its heading again. */
		if (b->last_item != i)
			resumed_heading(b, e, i);
		b->last_item = i;
		return;
	}
	b->num[i].done = 1;
	b->last_item = i;
	for (k = 0; k < it->njoint; k++) {
		if ((j = meeting_item(m, it->joint[k])) >= 0)
			b->num[j].done = 1;
	}
	b->explained = 0;
	scope(&sc, b, C_ITEM, it);
	/* Between items (―――*―――): once the proceedings have begun. */
	if (b->nadded > b->proc_start &&
	    (s = say1(b, K_A_SEPARATOR, &sc)) != NULL)
		line(b, "note", MR_NONE, e->seq, s);
	if (is_proc(it) && mstyle_tpl(b->st, K_A_PROCEDURE) != NULL) {
		agenda_heading(b, K_A_PROCEDURE, K_A_PROCEDURE_LEVEL, 1,
		    e->seq, &sc);
		b->section = NULL;
		if (mstyle_enum(b->st, K_A_PROCEDURE_TEXT) == 1) {
			b->proc_item = i;
			b->proc_seq = e->seq;
		}
		return;
	}
	if (!is_proc(it) && !b->first_done) {
		agenda_heading(b, K_A_FIRST, K_A_FIRST_LEVEL, 1, e->seq, &sc);
		b->first_done = 1;
	}
	if (it->section == NULL)
		b->section = NULL;
	else if (b->section == NULL || strcmp(b->section, it->section) != 0) {
		agenda_heading(b, K_A_GROUP, K_A_GROUP_LEVEL, 1, e->seq, &sc);
		b->section = it->section;
	}
	if (mstyle_enum(b->st, K_A_JOINT) == 1)
		agenda_heading(b, K_A_ITEM, K_A_ITEM_LEVEL, 2, e->seq, &sc);
	else {
		for (k = 0, j = i; j >= 0; j = k < it->njoint ?
		    meeting_item(m, it->joint[k++]) : -1) {
			struct tpl_scope	 jsc;

			scope(&jsc, b, C_ITEM, &m->items[j]);
			agenda_heading(b, K_A_ITEM, K_A_ITEM_LEVEL, 2, e->seq,
			    &jsc);
		}
	}
	if (hoisting(b, it)) {
		emit_hoisted_decisions(b, i);
		agenda_heading(b, K_A_AFTER_DECISIONS,
		    K_A_AFTER_DECISIONS_LEVEL, 3, e->seq, &sc);
	}
	lists_forget(b, it);
}

/*
 * The first paragraph of t, when it is a procedural note （…）: returns
 * it and sets *rest to the paragraphs after it (both owned); else NULL.
 */
static char *
split_note(const char *t, char **rest)
{
	const char	*nl = strchr(t, '\n');
	size_t		 len = nl != NULL ? (size_t)(nl - t) : strlen(t);

	if (len < 6 || strncmp(t, "（", 3) != 0 ||
	    strncmp(t + len - 3, "）", 3) != 0)
		return NULL;
	*rest = xstrdup(nl != NULL ? nl + 1 : "");
	return xstrndup(t, len);
}

/* How a speaker's speeches print: [speech] chair, member, staff, other. */
enum smode { SM_LABELLED, SM_PLAIN, SM_QUESTION, SM_OMIT };

static enum smode
speech_mode(struct builder *b, enum mb_role role)
{
	enum mkey	 k;
	int		 v;

	switch (role) {
	case MR_CHAIR:
		k = K_S_CHAIR;
		break;
	case MR_MEMBER:
		k = K_S_MEMBER;
		break;
	case MR_STAFF:
		k = K_S_STAFF;
		break;
	default:
		k = K_S_OTHER;
		break;
	}
	v = mstyle_enum(b->st, k);
	return v < 0 ? SM_LABELLED : (enum smode)v;
}

/* A speech printed without a label (plain) or as a question. */
static void
emit_plain(struct builder *b, const struct entry *e, const struct item *it,
    enum mb_role role, enum smode mode, const char *src, int red)
{
	struct tpl_scope	 sc;
	struct mblock		*bl;
	char			*s;

	if (mode == SM_QUESTION) {
		add(b, MB_QUESTION, role, e->seq, NULL, xstrdup(src));
		return;
	}
	if (it != NULL && is_report(it) && !b->explained) {
		scope(&sc, b, C_ITEM, it);
		if ((s = say1(b, K_S_EXPLAINED, &sc)) != NULL)
			add(b, MB_PARA, MR_NONE, e->seq, NULL, s)->flags |=
			    MBF_CLEAN;
		b->explained = 1;
	}
	/* An answer by another section than the item's names it. */
	s = NULL;
	if (e->label != NULL && (mb_item_section(it) == NULL ||
	    strcmp(e->label, mb_item_section(it)) != 0)) {
		scope(&sc, b, C_SPEECH, e);
		s = say1(b, K_S_OTHER_SECTION, &sc);
	}
	bl = add(b, MB_PARA, role, e->seq, NULL, s != NULL ? s : xstrdup(src));
	if (red)
		bl->flags |= MBF_REDACTED;
}

/* Is a reaction printed inside the speech it interrupted? */
static int
reaction_inline(struct builder *b, const struct reaction *r)
{
	if (r->speech_seq == 0 || r->at < 0 ||
	    mstyle_tpl(b->st, K_R_INLINE) == NULL)
		return 0;
	return !(r->speech_flags & ENTRY_RETRACTED) && !((r->speech_flags &
	    ENTRY_REDACTED) && b->d->o.public);
}

/* By speech, then where in its text, then in the order recorded. */
static int
reaction_cmp(const void *x, const void *y)
{
	const struct reaction	*a = *(const struct reaction *const *)x;
	const struct reaction	*c = *(const struct reaction *const *)y;

	if (a->speech_seq != c->speech_seq)
		return a->speech_seq < c->speech_seq ? -1 : 1;
	if (a->at != c->at)
		return a->at < c->at ? -1 : 1;
	return a->entry < c->entry ? -1 : a->entry > c->entry;
}

/*
 * The reactions printed inside speeches, by the speech's seq and their
 * place in it: a speech's are walked once, however many it has.
 */
static void
inline_index(struct builder *b)
{
	const struct meeting	*m = b->m;
	size_t			 k;

	for (k = 0; k < m->nreactions; k++) {
		const struct reaction *r = &m->reactions[k];

		if (!reaction_inline(b, r) ||
		    (m->entries[r->entry].flags & ENTRY_RETRACTED))
			continue;
		b->inl = xreallocarray(b->inl, b->ninl + 1, sizeof *b->inl);
		b->inl[b->ninl++] = r;
	}
	if (b->ninl > 1)
		qsort(b->inl, b->ninl, sizeof *b->inl, reaction_cmp);
}

/*
 * The words of speech e with the reactions that interrupted it inserted
 * where they came (at, in code points; past the end: at the end), in the
 * style's inline form; NULL when there are none.
 */
static char *
inline_reactions(struct builder *b, const struct entry *e, const char *text)
{
	const struct meeting	*m = b->m;
	const struct reaction	**r;
	struct tpl_scope	 sc;
	struct buf		 out;
	const char		*p = text;
	size_t			 lo = 0, hi = b->ninl, mid, n, k = 0, at = 0, left;
	size_t			 step;
	uint32_t		 cp;
	int			 any = 0;
	char			*s;

	if (b->ninl == 0)
		return NULL;
	/* The first of this speech's reactions, in the order recorded. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (b->inl[mid]->speech_seq < e->seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	r = b->inl + lo;
	for (n = 0; lo + n < b->ninl && r[n]->speech_seq == e->seq; n++)
		;
	if (n == 0)
		return NULL;
	buf_init(&out);
	left = strlen(p);
	for (;;) {
		/* Those at this place; at the end, those past it too. */
		for (; k < n && ((size_t)r[k]->at == at || (*p == '\0' &&
		    (size_t)r[k]->at > at)); k++) {
			scope(&sc, b, C_REACTION, &m->entries[r[k]->entry]);
			if ((s = say1(b, K_R_INLINE, &sc)) != NULL) {
				buf_puts(&out, s);
				free(s);
				any = 1;
			}
		}
		if (*p == '\0')
			break;
		step = utf8_decode(p, left, &cp);
		buf_add(&out, p, step);
		p += step;
		left -= step;
		at++;
	}
	if (!any) {
		buf_free(&out);
		return NULL;
	}
	return buf_detach(&out);
}

static void
emit_reaction(struct builder *b, const struct entry *e)
{
	const struct meeting	*m = b->m;
	struct tpl_scope	 sc;
	size_t			 k, lo, hi;
	int			 ei = (int)(e - m->entries);
	char			*s;

	/* The fold gathers reactions in log order: by entry. */
	lo = 0;
	hi = m->nreactions;
	while (lo < hi) {
		k = (lo + hi) / 2;
		if (m->reactions[k].entry < ei)
			lo = k + 1;
		else
			hi = k;
	}
	if (lo < m->nreactions && m->reactions[lo].entry == ei &&
	    reaction_inline(b, &m->reactions[lo]))
		return;		/* printed inside its speech */
	/* The room's answer to words withdrawn goes with them. */
	if (lo < m->nreactions && m->reactions[lo].entry == ei &&
	    (m->reactions[lo].speech_flags & ENTRY_RETRACTED))
		return;
	/* The room spoke: the next speech is a new turn. */
	b->turn_member = -1;
	scope(&sc, b, C_REACTION, e);
	if ((s = say1(b, K_R_LINE, &sc)) != NULL)
		add(b, MB_NOTE, MR_NONE, e->seq, NULL, s)->flags |= MBF_CLEAN;
	else
		warn_once(b, "reactions", N_("reactions from the room "
		    "([reaction] line)"));
}

static void
emit_simple(struct builder *b, const struct entry *e, enum mctx ctx,
    enum mkey k, enum mb_role role, const char *what, const char *form)
{
	struct tpl_scope	 sc;
	char			*s;

	scope(&sc, b, ctx, e);
	if ((s = say1(b, k, &sc)) != NULL)
		add(b, MB_NOTE, role, e->seq, NULL, s)->flags |= MBF_CLEAN;
	else if (what != NULL)
		warn_once(b, what, form);
}

/* Are the actions listed at the end ([closing] actions, summary_line)? */
static int
actions_summarised(struct builder *b)
{
	size_t	 i;

	if (mstyle_tpl(b->st, K_AC_SUMMARY_LINE) == NULL)
		return 0;
	for (i = 0; i < b->st->nclosing; i++) {
		if (b->st->closing[i]->key == K_C_ACTIONS)
			return 1;
	}
	return 0;
}

static void
emit_speech(struct builder *b, const struct entry *e)
{
	const struct item	*it = item_at(b, e->item);
	enum mb_role		 role = member_role(b, e->member);
	enum smode		 mode;
	struct tpl_scope	 sc;
	struct mduration	 du;
	struct mblock		*bl;
	char			*label, *text = NULL, *note = NULL;
	int			 red = (e->flags & ENTRY_REDACTED) &&
				    b->d->o.public, label_line = 0, timed = 0;
	size_t			 w;
	/*
	 * The words as recorded, borrowed from the meeting while text is
	 * NULL; cleaned with the rest of the document at the end (clean).
	 */
	const char		*src = red ? b->d->redaction :
				    e->text != NULL ? e->text : "", *t, *qo, *qc;

	if (b->proc_item >= 0) {
		buf_puts(&b->proc, src);
		return;
	}
	if ((it == NULL && mstyle_enum(b->st, K_S_OUTSIDE) == 1) ||
	    (it != NULL && is_proc(it) &&
	    mstyle_enum(b->st, K_S_PROCEDURE) == 1))
		return;
	mode = speech_mode(b, role);
	if (mode == SM_OMIT)
		return;
	if (mode != SM_LABELLED) {
		emit_plain(b, e, it, role, mode, src, red);
		return;
	}
	if (e->member >= 0 && b->labels[e->member].order == 0) {
		enum member_kind k = b->m->members[e->member].kind;

		/* A vice-chair is lettered with the members. */
		if (k == MK_VICE)
			k = MK_MEMBER;
		b->labels[e->member].order = ++b->order_next[k];
	}
	/* A label typed on a redacted speech is its words (public: not). */
	if (e->label != NULL && !red) {
		label = utf8_sanitize(e->label, 0);	/* one line */
		w = utf8_width(label);
	} else
		label = speech_label(b, e, &w);
	if (e->member >= 0)
		b->labels[e->member].spoken++;
	if (mstyle_enum(b->st, K_S_NOTE_SPLIT) == 1 && !red &&
	    (note = split_note(src, &text)) != NULL && *text == '\0' &&
	    e->started > 0 && e->ts > e->started) {
		du.note = note;
		du.minutes = minutes_round(e->ts - e->started);
		mscope_init(&sc, b, C_DURATION, &du, NULL);
		if ((t = say1(b, K_S_TIMED, &sc)) != NULL) {
			free(note);
			note = (char *)t;
			timed = 1;
		}
	}
	/*
	 * Only a note with its duration shares the label's line; without one
	 * the label stands alone and the note follows on the next line.
	 */
	if (note != NULL && *text == '\0' && !timed &&
	    mstyle_enum(b->st, K_S_NOTE_OWN_LINE) == 1) {
		free(text);
		text = note;
		note = NULL;
		label_line = 1;
	}
	/* What the room said while it was spoken, inside its words. */
	if (!red && mstyle_tpl(b->st, K_R_INLINE) != NULL) {
		char *with = inline_reactions(b, e, text != NULL ? text : src);

		if (with != NULL) {
			free(text);
			text = with;
		}
	}
	/* The words in the style's quotation marks (「」), not a note. */
	qo = mstyle_text(b->st, K_L_QUOTE_OPEN);
	qc = mstyle_text(b->st, K_L_QUOTE_CLOSE);
	if (!red && !label_line && ((qo != NULL && *qo != '\0') ||
	    (qc != NULL && *qc != '\0')) && *(text != NULL ? text : src) !=
	    '\0') {
		char *with = xasprintf("%s%s%s", qo != NULL ? qo : "",
		    text != NULL ? text : src, qc != NULL ? qc : "");

		free(text);
		text = with;
	}
	/* A sub-heading note goes under the first label after it. */
	if (note == NULL && b->pending_note != NULL) {
		note = b->pending_note;
		b->pending_note = NULL;
	}
	if (text != NULL)
		bl = add(b, MB_SPEECH, role, e->seq, label, text);
	else if (b->whole) {
		/* The whole meeting's words outlive the document. */
		bl = add(b, MB_SPEECH, role, e->seq, label, (char *)src);
		bl->flags |= MBF_BORROWED;
	} else
		bl = add(b, MB_SPEECH, role, e->seq, label, xstrdup(src));
	t = bl->text;
	bl->note = note;
	if (red)
		bl->flags |= MBF_REDACTED;
	if ((e->flags & ENTRY_AMENDED) && !b->d->o.public)
		bl->flags |= MBF_AMENDED;
	if (label_line || mstyle_enum(b->st, K_L_OWN_LINE) == 1 ||
	    (mstyle_enum(b->st, K_S_EXPLANATION) == 1 && e->kind != NULL &&
	    strcmp(e->kind, "explanation") == 0))
		bl->flags |= MBF_LABEL_LINE;
	turn(b, bl, e->member);
	/* A summary of an untranscribed passage ends the turn. */
	if ((note != NULL && *t == '\0') || label_line)
		b->turn_member = -1;
	bl->label_w = w;
}

static void
emit_note(struct builder *b, const struct entry *e)
{
	int			 red = (e->flags & ENTRY_REDACTED) &&
				    b->d->o.public;
	char			*t = red ? xstrdup(b->d->redaction) :
				    ustr(e->text);
	const struct entry	*nx;
	size_t			 k;
	int			 templated = 0;

	if (b->proc_item >= 0) {
		buf_puts(&b->proc, t);
		free(t);
		return;
	}
	if (mstyle_enum(b->st, K_N_MODE) == 1 ||
	    (e->item < 0 && mstyle_enum(b->st, K_N_OUTSIDE) == 1)) {
		free(t);
		return;
	}
	if (e->kind != NULL && !red && (strcmp(e->kind, "stage") == 0 ||
	    strcmp(e->kind, "heading") == 0)) {
		struct tpl_scope	 sc;
		int			 stage = e->kind[0] == 's';
		char			*s;

		scope(&sc, b, C_NOTE, e);
		s = say1(b, stage ? K_N_STAGE : K_N_HEADING, &sc);
		if (s == NULL)
			warn_once(b, stage ? "stage_directions" :
			    "headings", stage ? N_("stage directions "
			    "([note] stage)") : N_("sub-headings ([note] "
			    "heading)"));
		else {
			free(t);
			if (stage)
				add(b, MB_NOTE, MR_NONE, e->seq, NULL,
				    s)->flags |= MBF_CLEAN;
			else
				heading(b, level(b, K_N_HEADING_LEVEL, &sc, 3),
				    e->seq, s);
			return;
		}
	}
	if (!red && (e->kind == NULL || strcmp(e->kind, "narrative") == 0) &&
	    mstyle_tpl(b->st, K_N_NARRATIVE) != NULL) {
		struct tpl_scope	 sc;
		char			*s;

		scope(&sc, b, C_NOTE, e);
		if ((s = say1(b, K_N_NARRATIVE, &sc)) == NULL) {
			free(t);
			return;		/* the house prints none */
		}
		free(t);
		t = s;
		templated = 1;
	}
	if (mstyle_enum(b->st, K_N_BEFORE_SPEECH) == 1 && !red) {
		for (k = 1; (nx = b->src.after(b->src.arg, e, k)) != NULL &&
		    (nx->flags & ENTRY_RETRACTED); k++)
			;
		if (nx != NULL && nx->etype == EV_SPEECH) {
			free(b->pending_note);
			b->pending_note = t;
			return;
		}
	}
	add(b, MB_NOTE, MR_NONE, e->seq, NULL, t)->flags |=
	    red ? MBF_REDACTED : templated ? MBF_CLEAN : 0;
}

/* A signer's sentence (its own text or the designation), or NULL. */
static char *
signer_sentence(struct builder *b, const struct entry *e)
{
	struct tpl_scope	 sc;

	if (e->member < 0 || (e->flags & ENTRY_RETRACTED))
		return NULL;
	scope(&sc, b, C_SIGNER, e);
	if (said(b, K_SG_UNLESS, &sc, e, 0))
		return NULL;	/* the chair named them in so many words */
	return say1(b, K_SG_LINE, &sc);
}

/*
 * The procedure item under which signers named outside any item are
 * printed ([signer] place_under: its title holds the text); -1 when none.
 */
static int
signer_item(struct builder *b)
{
	const char	*under = mstyle_text(b->st, K_SG_UNDER);
	size_t		 i;

	if (under == NULL || *under == '\0' ||
	    mstyle_enum(b->st, K_A_PROCEDURE_TEXT) != 1)
		return -1;
	for (i = 0; i < b->m->nitems; i++) {
		if (is_proc(&b->m->items[i]) && b->m->items[i].open_ts != 0 &&
		    strstr(b->m->items[i].title, under) != NULL)
			return (int)i;
	}
	return -1;
}

static void
emit_signer(struct builder *b, const struct entry *e)
{
	char	*s;

	if (e->item < 0 && b->signer_item >= 0)
		return;		/* printed under that item (proc_flush) */
	if ((s = signer_sentence(b, e)) == NULL)
		return;
	if (b->proc_item >= 0) {
		buf_puts(&b->proc, s);
		free(s);
		return;
	}
	add(b, MB_PARA, MR_NONE, e->seq, NULL, s)->flags |= MBF_CLEAN;
}

static void
emit_quorum(struct builder *b, const struct entry *e)
{
	struct mquorum		 q;
	struct tpl_scope	 sc;
	long			 qv;
	int			 when = mstyle_enum(b->st, K_MO_QUORUM_WHEN);
	char			*cause = NULL, *s;

	if (when < 0 || when == 2)
		return;
	q.seats = meeting_meta_long(b->m, "seats", 0);
	if (q.seats <= 0 || vote_quorum_parse(meeting_meta_str(b->m,
	    "quorum", NULL), &qv, &cause) != 0) {
		free(cause);
		return;
	}
	q.need = vote_quorum_needed(q.seats, qv);
	q.present = meeting_present_at(b->m, e->seq);
	if (when == 1 && q.present >= q.need)
		return;
	scope(&sc, b, C_QUORUM, &q);
	if ((s = say1(b, K_MO_QUORUM, &sc)) != NULL)
		add(b, MB_NOTE, MR_QUORUM, e->seq, NULL, s)->flags |= MBF_CLEAN;
}

static void
emit_attendance(struct builder *b, const struct entry *e)
{
	struct tpl_scope	 sc;
	char			*st, *s;

	if (e->member < 0 || b->m->open_ts == 0 || e->ts < b->m->open_ts)
		return;
	st = entry_get(e, "status");
	scope(&sc, b, C_ATTEND, e);
	s = NULL;
	if (st != NULL && strcmp(st, "arrived") == 0)
		s = say1(b, K_ARRIVED, &sc);
	else if (st != NULL && strcmp(st, "left") == 0)
		s = say1(b, K_LEFT, &sc);
	free(st);
	if (s != NULL)
		add(b, MB_NOTE, MR_NONE, e->seq, NULL, s)->flags |= MBF_CLEAN;
}

static void
emit_event_line(struct builder *b, const struct entry *e, enum mkey k,
    enum mkey as)
{
	struct tpl_scope	 sc;
	char			*s;

	scope(&sc, b, C_EVENT, e);
	if ((s = say1(b, k, &sc)) != NULL)
		line(b, as != K_COUNT ? as_of(b, as, "note") : "note", MR_NONE,
		    e->seq, s);
}

static void
emit_signature(struct builder *b)
{
	struct mblock	*bl;
	char		*s;
	size_t		 n;

	if (b->m->nsigners == 0 || (s = say1(b, K_SIGNATURE, &b->doc)) == NULL)
		return;
	/* Blank lines at its end are no signer's (PDF and Word rule one). */
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t'))
		s[--n] = '\0';
	if (n == 0) {
		free(s);
		return;
	}
	bl = add(b, strcmp(as_of(b, K_SIG_AS, "para"), "lines") == 0 ?
	    MB_LINES : MB_PARA, MR_SIGNATURE, 0, NULL, s);
	bl->flags |= MBF_CLEAN;
}

static int
amendment_cmp(const void *x, const void *y)
{
	const struct amendment	*a = *(const struct amendment *const *)x;
	const struct amendment	*c = *(const struct amendment *const *)y;

	return a->seq < c->seq ? -1 : a->seq > c->seq;
}

static void
emit_appendix(struct builder *b)
{
	const struct meeting	*m = b->m;
	const struct amendment	**order;
	struct tpl_scope	 sc;
	size_t			 i;
	char			*s;

	if (b->d->o.public || m->namendments == 0 ||
	    (s = say1(b, K_AP_HEADING, &b->doc)) == NULL)
		return;
	heading(b, 1, 0, s);
	b->d->b[b->d->n - 1].role = MR_APPENDIX;
	order = xcalloc(m->namendments, sizeof *order);
	for (i = 0; i < m->namendments; i++)
		order[i] = &m->amendments[i];
	qsort(order, m->namendments, sizeof *order, amendment_cmp);
	for (i = 0; i < m->namendments; i++) {
		scope(&sc, b, C_CORRECTION, order[i]);
		if ((s = say1(b, K_AP_LINE, &sc)) != NULL)
			add(b, MB_PARA, MR_APPENDIX, order[i]->seq, NULL,
			    s)->flags |= MBF_CLEAN;
	}
	free(order);
}

/* The summary of actions: a heading and a line for each. */
static void
emit_actions(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct tpl_scope	 sc;
	size_t			 k, n = 0;
	char			*s;

	for (k = 0; k < m->nactions; k++) {
		const struct entry *e = &m->entries[m->actions[k].entry];

		if (e->flags & ENTRY_RETRACTED)
			continue;
		if (n++ == 0 && (s = say1(b, K_AC_SUMMARY_HEADING,
		    &b->doc)) != NULL)
			heading(b, 1, 0, s);
		scope(&sc, b, C_ACTION, e);
		if ((e->flags & ENTRY_REDACTED) && b->d->o.public)
			s = xstrdup(b->d->redaction);
		else
			s = say1(b, K_AC_SUMMARY_LINE, &sc);
		if (s != NULL)
			add(b, MB_PARA, MR_NONE, e->seq, NULL, s)->flags |=
			    MBF_CLEAN;
	}
}

/* A paragraph for each line of t that is not empty (t is cut up). */
static void
closing_paras(struct builder *b, char *t)
{
	char	*p, *nl;

	for (p = t; p != NULL; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		if (*p != '\0')
			add(b, MB_PARA, MR_NONE, 0, NULL, xstrdup(p))->flags |=
			    MBF_CLEAN;
	}
}

static void
closing(struct builder *b)
{
	struct mstyle	*st = b->st;
	const char	*notice;
	size_t		 i;
	char		*s, *t;

	proc_flush(b);
	b->closing_next = 1;
	for (i = 0; i < st->nclosing; i++) {
		const struct mentry *me = st->closing[i];

		switch (me->key) {
		case K_C_SIGNATURE:
			emit_signature(b);
			break;
		case K_C_NOTICE:
			notice = meeting_meta_str(b->m, "notice", NULL);
			if (notice == NULL)
				break;
			t = ustr(notice);
			closing_paras(b, t);
			free(t);
			break;
		case K_C_ACTIONS:
			emit_actions(b);
			break;
		case K_C_HEADING:
			s = me->t != NULL ? tpl_string(me->t, &b->doc, &b->ev) :
			    xstrdup("");
			if (*s == '\0')
				free(s);
			else
				heading(b, 1, 0, s);
			break;
		case K_C_PARA:
			t = me->t != NULL ? tpl_string(me->t, &b->doc, &b->ev) :
			    xstrdup("");
			closing_paras(b, t);
			free(t);
			break;
		case K_C_LINE:
		case K_C_LINE_IF:
			s = me->t != NULL ? tpl_string(me->t, &b->doc, &b->ev) :
			    xstrdup("");
			if (*s == '\0' && me->key == K_C_LINE_IF) {
				free(s);
				break;
			}
			add(b, MB_CLOSING, MR_NONE, 0, NULL, s)->flags |=
			    MBF_CLEAN;
			break;
		default:
			break;
		}
	}
	b->closing_next = 0;
}

static void
emit_vote_call(struct builder *b, const struct entry *e)
{
	struct tpl_scope	 sc;
	const struct vote	*v = NULL;
	size_t			 k;
	char			*s;

	for (k = 0; k < b->m->nvotes; k++) {
		if (b->m->votes[k].entry == (int)(e - b->m->entries))
			v = &b->m->votes[k];
	}
	if (v == NULL)
		return;
	scope(&sc, b, C_VOTE, v);
	if (v->motion != NULL)
		s = say1(b, K_VC_MOTION, &sc);
	else
		s = say1(b, K_VC_NO_MOTION, &sc);
	if (s == NULL)
		return;
	if (said(b, K_VC_UNLESS, &sc, e, 0))
		free(s);
	else
		line(b, as_of(b, v->motion != NULL ? K_VC_MOTION_AS :
		    K_VC_NO_MOTION_AS, "note"), MR_VOTE, e->seq, s);
}

/* The whole meeting's entries as a source. */
static const struct entry *
whole_next(void *arg)
{
	struct builder	*b = arg;

	return b->whole_next < b->m->nentries ?
	    &b->m->entries[b->whole_next++] : NULL;
}

static const struct entry *
whole_after(void *arg, const struct entry *e, size_t k)
{
	struct builder	*b = arg;
	size_t		 i = (size_t)(e - b->m->entries) + k;

	return i < b->m->nentries ? &b->m->entries[i] : NULL;
}

static void
proceedings(struct builder *b)
{
	const struct meeting	*m = b->m;
	const struct entry	*e;
	struct stats		*st;
	size_t			 k;
	int			 vi, ei;
	char			*id;

	/* Speaking time for the chart, summed as the entries go by. */
	st = stats_new(m);
	while ((e = b->src.next(b->src.arg)) != NULL) {
		stats_add(st, m, e);
		if (e->flags & ENTRY_RETRACTED)
			continue;
		/*
		 * A closed session in the public version: one phrase where
		 * its words were, not one a speech (nor who spoke, nor when).
		 */
		if (b->d->o.public && (e->flags & ENTRY_CLOSED)) {
			if (b->closed_said != e->item) {
				proc_flush(b);
				add(b, MB_PARA, MR_NONE, e->seq, NULL,
				    xstrdup(b->d->redaction));
				b->closed_said = e->item;
			}
			continue;
		}
		if (e->etype == EV_AGENDA_OPEN)
			b->closed_said = CLOSED_NONE;
		b->cur_item = e->item;
		switch (e->etype) {
		case EV_SPEECH:
			emit_speech(b, e);
			break;
		case EV_NOTE:
			emit_note(b, e);
			break;
		case EV_AGENDA_OPEN:
			if (e->item >= 0)
				open_item(b, e, e->item);
			break;
		case EV_AGENDA_CLOSE:
			if (e->item == b->proc_item)
				proc_flush(b);
			break;
		case EV_VOTE_CALL:
			emit_vote_call(b, e);
			break;
		case EV_VOTE_TALLY:
			id = entry_get(e, "vote");
			vi = meeting_vote(m, id);
			free(id);
			if (vi < 0)
				break;
			for (k = 0; k < m->votes[vi].ntallies; k++) {
				if (m->votes[vi].tallies[k].seq != e->seq)
					continue;
				if ((e->flags & ENTRY_REDACTED) &&
				    b->d->o.public)
					add(b, MB_NOTE, MR_VOTE, e->seq, NULL,
					    xstrdup(b->d->redaction));
				else
					emit_tally(b, e, &m->votes[vi], k);
			}
			break;
		case EV_VOTE_RESULT:
			id = entry_get(e, "vote");
			if ((vi = meeting_vote(m, id)) >= 0)
				emit_result_check(b, e, &m->votes[vi]);
			free(id);
			break;
		case EV_DECISION:
			if (e->item >= 0 && hoisting(b, &m->items[e->item]))
				break;	/* printed first under its item */
			ei = (int)(e - m->entries);
			for (k = 0; k < m->ndecisions; k++) {
				if (m->decisions[k].entry != ei)
					continue;
				if ((e->flags & ENTRY_REDACTED) &&
				    b->d->o.public)
					add(b, MB_PARA, MR_DECISION, e->seq,
					    NULL, xstrdup(b->d->redaction));
				else
					emit_decision(b, e, &m->decisions[k]);
			}
			break;
		case EV_SIGNER:
			emit_signer(b, e);
			break;
		case EV_MEETING_OPEN:
			emit_event_line(b, e, K_MO_LINE, K_MO_AS);
			emit_quorum(b, e);
			break;
		case EV_MEETING_CLOSE:
			proc_flush(b);
			emit_event_line(b, e, K_MC_LINE, K_MC_AS);
			break;
		case EV_RECESS:
		case EV_RESUME:
			b->turn_member = -1;
			emit_event_line(b, e, e->etype == EV_RECESS ? K_RECESS :
			    K_RESUME, K_COUNT);
			break;
		case EV_ATTENDANCE:
			b->turn_member = -1;
			emit_attendance(b, e);
			break;
		case EV_REACTION:
			emit_reaction(b, e);
			break;
		case EV_INTEREST:
			b->turn_member = -1;
			emit_simple(b, e, C_INTEREST, K_I_LINE, MR_NONE,
			    "interests", N_("declarations of interest "
			    "([interest] line)"));
			break;
		case EV_ACTION:
			emit_simple(b, e, C_ACTION, K_AC_LINE, MR_NONE,
			    actions_summarised(b) ? NULL : "actions",
			    N_("actions ([action] line)"));
			break;
		default:
			break;
		}
	}
	b->cur_item = -1;
	if (!b->d->o.public)
		b->d->chart = stats_svg(st, m);
	stats_free(&st);
}

/* Returns 1 when *s had to change. */
static int
clean1(char **s)
{
	char	*c;

	if (*s == NULL || utf8_is_clean(*s, 1))
		return 0;
	c = utf8_sanitize(*s, 1);
	free(*s);
	*s = c;
	return 1;
}

/*
 * Every string of a block the document did not compose through a
 * template, once more through the sanitiser: speech texts and labels
 * typed by the clerk. Templates clean what they print of the log
 * (TVAL_USER) and a style cannot hold control characters, so their lines
 * (MBF_CLEAN) are left alone, TABs and all. The widest speech label is
 * measured here, clean.
 */
static void
clean_block(struct mdoc *d, struct mblock *bl)
{
	if ((clean1(&bl->label) || bl->label_w == 0) && bl->kind == MB_SPEECH)
		bl->label_w = utf8_width(bl->label);
	if (bl->kind == MB_SPEECH && bl->label_w > d->label_cols)
		d->label_cols = bl->label_w;
	if (bl->flags & MBF_CLEAN)
		return;
	if (!(bl->flags & MBF_BORROWED))
		clean1(&bl->text);
	else if (!utf8_is_clean(bl->text, 1)) {
		bl->text = utf8_sanitize(bl->text, 1);
		bl->flags &= ~MBF_BORROWED;
	}
	clean1(&bl->note);
}

static void
clean(struct mdoc *d)
{
	size_t	 i;

	if (d->sink != NULL) {
		d->streaming = 1;
		spill(d, 0);
	}
	for (i = 0; i < d->n; i++)
		clean_block(d, &d->b[i]);
	clean1(&d->title);
	clean1(&d->doc_title);
}

/* The anchor, the document's last line. */
static void
emit_anchor(struct builder *b)
{
	char	*s;

	if (b->m->last_seq == 0 || (s = say1(b, K_ANCHOR, &b->doc)) == NULL)
		return;
	add(b, MB_PARA, MR_ANCHOR, 0, NULL, s)->flags |= MBF_CLEAN;
}

/*
 * Minutes from a file whose chain did not verify say so under their
 * header; a style that cannot say it makes none.
 */
static int
unverified_notice(struct builder *b, char **cause)
{
	char	*s;

	if ((s = say1(b, K_UNVERIFIED, &b->doc)) == NULL) {
		*cause = xasprintf(_("style %s has no notice for minutes made "
		    "from a file that does not verify ([anchor] unverified)"),
		    b->st->name);
		return -1;
	}
	add(b, MB_PARA, MR_UNVERIFIED, 0, NULL, s)->flags |= MBF_CLEAN;
	return 0;
}

/* The dates templates may write in a form of their own (meeting_date, due_on). */
static void
dates(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct mdate		*dt;
	size_t			 k;

	if (meeting_ymd(b, &b->date.y, &b->date.mo, &b->date.d) != 0 ||
	    jdate_weekday(b->date.y, b->date.mo, b->date.d) < 0)
		memset(&b->date, 0, sizeof b->date);
	if (m->nactions == 0)
		return;
	b->dues = xcalloc(m->nactions, sizeof *b->dues);
	for (k = 0; k < m->nactions; k++) {
		dt = &b->dues[k];
		if (m->actions[k].due == NULL || jdate_parse(m->actions[k].due,
		    &dt->y, &dt->mo, &dt->d) != 0 ||
		    jdate_weekday(dt->y, dt->mo, dt->d) < 0)
			memset(dt, 0, sizeof *dt);
	}
}

static void
build_free(struct builder *b)
{
	size_t	 i;

	free(b->dues);
	for (i = 0; i < b->m->nmembers; i++)
		free(b->labels[i].label);
	free(b->labels);
	free(b->inl);
	free(b->pending_note);
	free(b->turn_label);
	free(b->staff_label_own);
	buf_free(&b->proc);
	free(b->num);
	lists_free(b);
	tpl_eval_free(&b->ev);
	for (i = 0; i < b->nwarned; i++)
		free(b->warned[i]);
	free(b->warned);
}

/* ------------------------------------------------------------- options */

static const char *const label_names[] = { "role", "name_role", "name",
    "title", NULL };
static const char *const digit_names[] = { "half", "full", "mixed", NULL };

/* Options from meta.set style_options, then those given (NAME=VALUE). */
static int
set_options(struct mstyle *st, const struct meeting *m,
    const char **given, char **cause)
{
	struct json_pair	*p;
	const char		*obj;
	size_t			 n, i;
	char			*name, *eq;
	int			 rc = 0;

	obj = meeting_meta_str(m, "style_options", NULL);
	if (obj != NULL && (p = json_pairs(obj, &n)) != NULL) {
		for (i = 0; i < n; i++) {
			/* A meeting's options for another style are ignored. */
			if (p[i].value != NULL &&
			    mstyle_set_option(st, p[i].key, p[i].value,
			    cause) != 0) {
				free(*cause);
				*cause = NULL;
			}
			free(p[i].key);
			free(p[i].value);
		}
		free(p);
	}
	for (i = 0; given != NULL && given[i] != NULL; i++) {
		if ((eq = strchr(given[i], '=')) == NULL) {
			*cause = xasprintf(_("--option %s: expected "
			    "NAME=VALUE"), given[i]);
			return -1;
		}
		name = xstrndup(given[i], (size_t)(eq - given[i]));
		rc = mstyle_set_option(st, name, eq + 1, cause);
		free(name);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Load the style a run asks for: --style, else meta style, else summary. */
static struct mstyle *
load_style(const struct meeting *m, const struct minutes_opts *o,
    char **cause)
{
	struct style_errors	 errs;
	struct mstyle		*st;
	struct buf		 b;
	const char		*arg = o->style;
	size_t			 i;

	*cause = NULL;
	if (arg == NULL) {
		arg = meeting_meta_str(m, "style", "summary");
		if (minutes_style_meta_ok(arg, cause) != 0)
			return NULL;
	}
	memset(&errs, 0, sizeof errs);
	st = mstyle_load(arg, &errs, cause);
	if (st == NULL && *cause == NULL) {
		buf_init(&b);
		buf_printf(&b, ngettext("style %s has %zu error (giji styles "
		    "check shows it):", "style %s has %zu errors (giji styles "
		    "check shows them):", errs.n), arg, errs.n);
		for (i = 0; i < errs.n && i < 20; i++)
			buf_printf(&b, "\n  %s", errs.msgs[i]);
		*cause = buf_detach(&b);
	}
	style_errors_free(&errs);
	return st;
}

static const struct entry *
replay_next(void *arg)
{
	return meeting_replay_next(arg);
}

static const struct entry *
replay_after(void *arg, const struct entry *e, size_t k)
{
	return meeting_replay_after(arg, e, k);
}

/* Does a style's languages list (ja, en, "ja en", "ja, en") hold lang? */
static int
serves(const char *langs, const char *lang)
{
	size_t	 n = strlen(lang), k;

	while (*langs != '\0') {
		langs += strspn(langs, " ,\t");
		k = strcspn(langs, " ,\t");
		if (k == n && strncmp(langs, lang, n) == 0)
			return 1;
		langs += k;
	}
	return 0;
}

static char	*tpl_over_cause(const char *, int, uint64_t);

static struct mdoc *
build(const struct meeting *m, struct meeting_replay *rp,
    const struct minutes_opts *opts, void (*sink)(void *, const struct mdoc *,
    struct mblock *), void *sink_arg, char **cause)
{
	struct builder		 b;
	struct mdoc		*d;
	struct minutes_opts	*o, o2;
	struct mstyle		*st;
	struct mconds		 mc;
	const char		*use, *s;
	char			*c = NULL, *name;
	int			 v, hops;
	size_t			 i;

	if ((st = load_style(m, opts, cause)) == NULL)
		return NULL;
	d = xcalloc(1, sizeof *d);
	d->style_name = xstrdup(st->name);
	d->m = m;
	d->o = *opts;
	o = &d->o;
	/* Unset options: the meeting's meta.set, then the style's. */
#define META(field, key, parse) do {					\
	const char *s_ = meeting_meta_str(m, key, NULL);		\
	if (o->field == MINUTES_UNSET && s_ != NULL &&			\
	    parse(s_, &v, &c) == 0)					\
		o->field = v;						\
	free(c);							\
	c = NULL;							\
} while (0)
	META(lang, "lang", minutes_parse_lang);
	META(labels, "labels", minutes_parse_labels);
	META(digits, "digits", minutes_parse_digits);
	META(noon, "noon", minutes_parse_noon);
#undef META
	/* Unset: Japanese, unless the style serves only English. */
	if (o->lang == MINUTES_UNSET)
		o->lang = !serves(st->languages, "ja") &&
		    serves(st->languages, "en") ? MINUTES_EN : MINUTES_JA;
	memset(&mc, 0, sizeof mc);
	mc.lang = o->lang == MINUTES_EN ? "en" : "ja";
	mc.format = opts->format != NULL ? opts->format : "text";
	/*
	 * A style may hand a variant over to another ([style] use), which
	 * keeps the first style's label mode: the Japanese styles print
	 * English minutes with the base style's English, anonymised or not
	 * as they are.
	 */
	if (o->labels == MINUTES_UNSET)
		o->labels = mstyle_default_labels(st, mc.lang);
	if (o->warn != NULL && !serves(st->languages, mc.lang)) {
		c = xasprintf(_("style %s serves %s, not %s: the lines it "
		    "composes may be in another language (--lang, or meta.set "
		    "lang)"), st->name, st->languages, mc.lang);
		o->warn(o->warn_arg, c);
		free(c);
		c = NULL;
	}
	for (hops = 0;; hops++) {
		mc.labels = label_names[o->labels];
		mstyle_resolve(st, &mc);
		if ((use = mstyle_text(st, K_STYLE_USE)) == NULL ||
		    *use == '\0')
			break;
		if (hops == STYLE_USE_HOPS) {
			*cause = xasprintf(_("style '%s': [style] use hands "
			    "over more than %d times (does it come back to "
			    "itself?); name the style that prints"),
			    d->style_name, STYLE_USE_HOPS);
			mstyle_free(&st);
			free(d->style_name);
			free(d);
			return NULL;
		}
		o2 = *opts;
		o2.style = name = xstrdup(use);
		mstyle_free(&st);
		st = load_style(m, &o2, cause);
		free(name);
		if (st == NULL) {
			free(d->style_name);
			free(d);
			return NULL;
		}
	}
	if (set_options(st, m, opts->options, cause) != 0) {
		mstyle_free(&st);
		free(d->style_name);
		free(d);
		return NULL;
	}
	mc.labels = label_names[o->labels];
	mstyle_resolve(st, &mc);
	if (o->digits == MINUTES_UNSET) {
		v = mstyle_enum(st, K_DIGITS);
		mc.digits = digit_names[v < 0 ? 0 : v];
	} else
		mc.digits = digit_names[o->digits];
	mstyle_resolve(st, &mc);
	d->st = st;
	if (opts->used != NULL)
		*opts->used = strcmp(st->where, "shipped") == 0 ?
		    xasprintf(_("%s, shipped with giji (giji styles show %s)"),
		    st->name, st->name) : xasprintf(_("%s from %s"), st->name,
		    st->where);
	if (o->gannen == MINUTES_UNSET) {
		v = mstyle_enum(st, K_GANNEN);
		o->gannen = meeting_meta_long(m, "gannen", v < 0 ? 1 : v) != 0;
	}
	if (o->public == MINUTES_UNSET)
		o->public = 0;
	jdate_opts_default(&d->jo);
	v = mstyle_enum(st, K_DIGITS);
	d->jo.digits = o->digits != MINUTES_UNSET ?
	    (enum jdigits)o->digits : (enum jdigits)(v < 0 ? 0 : v);
	v = mstyle_enum(st, K_WEEKDAY_PARENS);
	d->jo.full_parens = o->digits != MINUTES_UNSET ?
	    o->digits == JDIGITS_FULL : v == 0;
	if (o->digits == MINUTES_UNSET)
		o->digits = d->jo.digits;
	d->jo.gannen = o->gannen;
	v = mstyle_enum(st, K_NOON);
	d->jo.noon = o->noon != MINUTES_UNSET ? (enum jnoon)o->noon :
	    (enum jnoon)(v < 0 ? 0 : v);
	if (o->noon == MINUTES_UNSET)
		o->noon = d->jo.noon;
	v = mstyle_enum(st, K_ZERO_MINUTES);
	d->jo.zero_minutes = v != 0;
	v = mstyle_enum(st, K_PAD_MINUTES);
	d->jo.pad_minutes = v != 0;

	memset(&b, 0, sizeof b);
	b.d = d;
	b.m = m;
	b.st = st;
	b.en = o->lang == MINUTES_EN;
	b.proc_item = -1;
	b.last_item = -1;
	b.closed_said = CLOSED_NONE;
	if (rp != NULL) {
		b.src.next = replay_next;
		b.src.after = replay_after;
		b.src.arg = rp;
		d->sink = sink;
		d->sink_arg = sink_arg;
	} else {
		b.src.next = whole_next;
		b.src.after = whole_after;
		b.src.arg = &b;
		b.whole = 1;
	}
	b.turn_member = -1;
	b.turn_clean = 1;
	b.cur_item = -1;
	b.ev.digits = d->jo.digits;
	b.ev.macro = ev_macro;
	b.ev.word = ev_word;
	b.ev.arg = &b;
	/* The templates' work grows with the log, never beyond a bound. */
	b.ev.budget = TPL_BUDGET + 256 * (uint64_t)(m->last_seq > 0 ?
	    m->last_seq : 0);
	mscope_init(&b.doc, &b, C_DOC, m, NULL);
	buf_init(&b.proc);
	b.labels = xcalloc(m->nmembers ? m->nmembers : 1, sizeof *b.labels);
	for (i = 0; i < m->nmembers; i++)
		b.labels[i].item = -2;
	number_items(&b);
	/* Labels that read their speech or count are made for each. */
	for (i = K_L_CHAIR; i <= K_L_OTHER; i++) {	/* the label keys */
		const struct tpl *t = mstyle_tpl(st, (enum mkey)i);

		if (tpl_mentions(t, "speech", 1, ev_macro, &b) ||
		    tpl_mentions(t, "next:", 1, ev_macro, &b))
			b.labels_vary = 1;
	}

	/* The render settings and the strings templates read. */
	d->r.lbl_open = (s = mstyle_text(st, K_L_OPEN)) != NULL ? s : "";
	d->r.lbl_close = (s = mstyle_text(st, K_L_CLOSE)) != NULL ? s : "";
	d->r.lbl_gap = (s = mstyle_text(st, K_L_GAP)) != NULL ? s : "";
	d->r.cont_indent = (s = mstyle_text(st, K_L_INDENT)) != NULL ? s : "";
	d->r.align_labels = mstyle_enum(st, K_L_ALIGN) == 1;
	d->r.compact = mstyle_enum(st, K_SPACING) >= 1;
	d->r.tight = mstyle_enum(st, K_SPACING) == 2;
	d->r.lines_left = mstyle_enum(st, K_HEADER_ALIGN) == 1;
	v = mstyle_enum(st, K_SIG_LINES);
	d->r.sig_lines = v < 0 ? 1 : v + 1;
	v = mstyle_enum(st, K_SIG_HEAD);
	d->r.sig_head = v < 0 ? 1 : v;
	v = mstyle_enum(st, K_HEADER_FORM);
	d->r.rows = v < 0 ? ROWS_COLON : (enum mrows)v;
	d->redaction = o->redaction != NULL ? o->redaction :
	    meeting_meta_str(m, "redaction", NULL);
	/* An empty phrase would leave out silently what was withheld. */
	if (d->redaction != NULL && *d->redaction == '\0')
		d->redaction = NULL;
	if (d->redaction == NULL) {
		d->redaction_own = say1(&b, K_REDACTION, &b.doc);
		/*
		 * A style that clears it still marks what was left out: the
		 * base style's words, the one place giji has its own.
		 */
		d->redaction = d->redaction_own != NULL ? d->redaction_own :
		    b.en ? "[Not for publication]" : "【非公開】";
	}
	b.staff_label = meeting_meta_str(m, "staff_label", NULL);
	if (b.staff_label == NULL) {
		b.staff_label_own = say1(&b, K_STAFF_LABEL, &b.doc);
		b.staff_label = b.staff_label_own != NULL ?
		    b.staff_label_own : "";
	}
	b.signer_item = signer_item(&b);
	inline_index(&b);
	dates(&b);
	d->title = meeting_title(&b);
	{
		int y, mo, dd;

		if (meeting_ymd(&b, &y, &mo, &dd) == 0) {
			d->date_iso = xasprintf("%04d-%02d-%02d", y, mo, dd);
			d->date_text = mb_fmt_date(&b, y, mo, dd);
			d->fiscal_year = jdate_fiscal_year(y, mo, dd, &d->jo);
		} else {
			d->date_iso = xstrdup("");
			d->date_text = xstrdup("");
		}
		if (d->fiscal_year == NULL)
			d->fiscal_year = xstrdup("");
	}
	d->session_line = session_line(&b);
	times(&b);
	check_fields(&b);
	header(&b);
	if (m->unverified && unverified_notice(&b, cause) != 0) {
		build_free(&b);
		mdoc_free(&d);
		return NULL;
	}
	/* The header is whole: a stream's blocks may leave from here. */
	clean1(&d->title);
	clean1(&d->doc_title);
	d->streaming = d->sink != NULL;
	b.proc_start = b.nadded;
	proceedings(&b);
	closing(&b);
	emit_appendix(&b);
	emit_anchor(&b);
	clean(d);
	if (b.ev.over) {
		*cause = tpl_over_cause(d->style_name, b.ev.over, b.ev.budget);
		build_free(&b);
		mdoc_free(&d);
		return NULL;
	}
	build_free(&b);
	return d;
}

/*
 * Why a document's templates stopped: too much work (a list within a list
 * within …, as a style could write one to make any meeting take hours),
 * or macros within macros beyond TPL_MAX_DEPTH.
 */
static char *
tpl_over_cause(const char *style, int over, uint64_t budget)
{
	if (over & TPL_OVER_SIZE)
		return xasprintf(_("style %s: a template would print more than "
		    "%d MiB (a #{replace:} within another, within another …): "
		    "the minutes are not made"), style,
		    TPL_MAX_OUT / (1024 * 1024));
	if (over & TPL_OVER_WORK)
		return xasprintf(_("style %s: its templates would do more than "
		    "%llu steps of work for this meeting (a #{count:} or "
		    "#{each:} within another, within another …): the minutes "
		    "are not made; nest fewer lists"), style,
		    (unsigned long long)budget);
	return xasprintf(_("style %s: a macro uses macros more than %d deep "
	    "(each naming the next): the minutes are not made; name fewer "
	    "in a chain"), style, TPL_MAX_DEPTH);
}

char *
mdoc_render(const struct mdoc *d, const struct mrenderer *r, size_t *len)
{
	struct mout	 mo;
	size_t		 i;

	memset(&mo, 0, sizeof mo);
	mo.d = d;
	buf_init(&mo.o);
	if (r->begin != NULL)
		r->begin(&mo);
	for (i = 0; i < d->n; i++, mo.n++)
		r->block(&mo, &d->b[i], i + 1 < d->n ? &d->b[i + 1] : NULL);
	r->end(&mo);
	*len = mo.o.len;
	return buf_detach(&mo.o);
}

struct mdoc *
mdoc_build(const struct meeting *m, const struct minutes_opts *opts,
    char **cause)
{
	/* A skeleton has no speeches: it is read by mdoc_build_stream. */
	if (m->held != NULL) {
		*cause = xstrdup("minutes of a meeting folded without its "
		    "speeches (meeting_fold_skeleton): stream them");
		return NULL;
	}
	return build(m, NULL, opts, NULL, NULL, cause);
}

struct mdoc *
mdoc_build_stream(const struct meeting *m, struct meeting_replay *rp,
    const struct minutes_opts *opts, void (*sink)(void *, const struct mdoc *,
    struct mblock *), void *sink_arg, char **cause)
{
	return build(m, rp, opts, sink, sink_arg, cause);
}

void
mdoc_free(struct mdoc **dp)
{
	struct mdoc	*d = *dp;
	size_t		 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		block_free(&d->b[i]);
	free(d->b);
	free(d->title);
	free(d->doc_title);
	free(d->date_iso);
	free(d->session_line);
	free(d->date_text);
	free(d->start_text);
	free(d->end_text);
	free(d->range_text);
	free(d->fiscal_year);
	free(d->chart);
	free(d->redaction_own);
	free(d->style_name);
	mstyle_free(&d->st);
	free(d);
	*dp = NULL;
}

char *
mdoc_drop_empty_lines(const char *s)
{
	struct buf	 b;
	const char	*nl;
	size_t		 n;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (; s != NULL; s = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		if (n == 0)
			continue;
		if (b.len > 0)
			buf_putc(&b, '\n');
		buf_add(&b, s, n);
	}
	return buf_detach(&b);
}

char *
mdoc_label(const struct mdoc *d, const struct mblock *bl)
{
	return xasprintf("%s%s%s", d->r.lbl_open, bl->label != NULL ?
	    bl->label : "", d->r.lbl_close);
}
