/*
 * The minutes document model: one pass over a folded meeting builds the
 * list of blocks (minutes-model.h) in the chosen house style and language.
 * Everything a reader sees is worded here — headers, numbering, speaker
 * labels, vote and decision formulas, the closing, the appendix of
 * corrections — so the renderers only lay the blocks out.
 *
 * Rules (STYLES.md): retracted entries never appear; redacted ones print
 * the redaction phrase in the public version; a later tally of a vote
 * supersedes the earlier ones, which the internal version keeps as notes;
 * a decision without its own text is composed in the style's formula.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fold.h"
#include "jdate.h"
#include "json.h"
#include "minutes-model.h"
#include "utf8.h"
#include "vote.h"
#include "xmalloc.h"

struct inum {
	int		 top;		/* top-level number, 0 when none */
	int		 sub;		/* number inside its group, 0 when none */
	int		 group_first;	/* first item of its group */
	int		 done;		/* heading printed */
};

/* A member's speech label on one item (staff labels vary with the item). */
struct label_cache {
	int	 item;		/* -2: none yet */
	char	*label;
	size_t	 width;
};

struct builder {
	struct mdoc		*d;
	const struct meeting	*m;
	const struct mstyle	*st;
	int			 en;
	int			 style;
	struct inum		*num;
	int			 top;		/* summary: (n) counter */
	int			 agenda_done;	/* summary: (n) 議題 printed */
	int			 secno;		/* summary: ① group counter */
	const char		*section;	/* current group */
	int			 explained;	/* qa report: 説明 line printed */
	int			 proc_item;	/* summary: open procedure item */
	struct buf		 proc;		/* its joined paragraph */
	int64_t			 proc_seq;
	int			 turn_member;	/* verbatim: who spoke last, or -1 */
	size_t			 turn_end;	/* the block after that speech */
	char			*pending_note;	/* written: note for the next label */
	struct label_cache	*labels;	/* per member: its last label */
	int			 signer_item;	/* summary: see signer_item() */
	int			 signers_done;	/* printed there */
};

/* ---------------------------------------------------------------- blocks */

static struct mblock *
add(struct builder *b, enum mb_kind kind, enum mb_role role, int64_t seq,
    char *label, char *text)
{
	struct mdoc	*d = b->d;
	struct mblock	*bl;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->b = xreallocarray(d->b, d->cap, sizeof *d->b);
	}
	bl = &d->b[d->n++];
	memset(bl, 0, sizeof *bl);
	bl->kind = kind;
	bl->role = role;
	bl->seq = seq;
	bl->label = label;
	bl->text = text != NULL ? text : xstrdup("");
	return bl;
}

/*
 * A verbatim turn goes on while the same person speaks again with only
 * procedural notes between (（賛成者挙手）, 003:955-969; a count ends
 * it), or the chair goes on to the next item in the same breath
 * (004:109-111): no new label, the style's paragraph indent instead.
 * Anything else ends the turn.
 */
static void
turn(struct builder *b, struct mblock *bl, int member)
{
	size_t	 i = (size_t)(bl - b->d->b), k;

	if (b->style == MINUTES_VERBATIM && !b->en && member >= 0 &&
	    member == b->turn_member && b->turn_end <= i && bl->note == NULL &&
	    !(bl->flags & MBF_LABEL_LINE)) {
		for (k = b->turn_end; k < i; k++) {
			if (b->d->b[k].kind != MB_NOTE ||
			    b->d->b[k].role == MR_VOTE)
				break;
		}
		if (k == i)
			bl->flags |= MBF_CONT;
	}
	b->turn_member = member;
	b->turn_end = i + 1;
}

static struct mblock *
add_row(struct builder *b, const char *label, char *value)
{
	struct mblock	*bl;

	bl = add(b, MB_ROW, MR_NONE, 0, xstrdup(label), value);
	bl->flags |= MBF_NOGAP;
	return bl;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t	 n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* English: the full stop after s, unless s ends in one ("2:41 p.m."). */
static const char *
full_stop(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && s[n - 1] == '.' ? "" : ".";
}

/* A user string made safe: no controls (but newlines), no bidi overrides. */
static char *
ustr(const char *s)
{
	return utf8_sanitize(s != NULL ? s : "", 1);
}

static char *
num(struct builder *b, long n)
{
	return jdate_num(n, &b->d->jo);
}

/* A composed string with its ASCII digits in the document's width. */
static char *
dig(struct builder *b, char *s)
{
	char	*r;

	if (b->d->jo.digits == JDIGITS_HALF)
		return s;
	r = jdate_digits(s, (enum jdigits)b->d->jo.digits);
	free(s);
	return r;
}

static const char *
L(struct builder *b, const char *ja, const char *en)
{
	return b->en ? en : ja;
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

static char *
fmt_time(struct builder *b, int h, int mi)
{
	char	*s;

	if (b->en)
		return jdate_time_en(h, mi);
	s = jdate_time(h, mi, &b->d->jo);
	return s != NULL ? s : xstrdup("");
}

static char *
fmt_ts_time(struct builder *b, int64_t ts)
{
	int	 h, mi;

	if (ts_hm(b, ts, &h, &mi) != 0)
		return xstrdup("");
	return fmt_time(b, h, mi);
}

static char *
fmt_date(struct builder *b, int y, int mo, int dd, int wday)
{
	char	*s;

	if (b->en)
		return jdate_format_en(y, mo, dd);
	s = wday ? jdate_format_wday(y, mo, dd, &b->d->jo) :
	    jdate_format(y, mo, dd, &b->d->jo);
	return s;
}

static char *
fmt_ts_date(struct builder *b, int64_t ts)
{
	struct clock_tm	 tm;
	char		*s;

	if (ts == 0 || clock_local(ts, meeting_tz(b->m), &tm) != 0)
		return xstrdup("");
	s = fmt_date(b, tm.y, tm.mon, tm.d, 1);
	return s != NULL ? s : xstrdup("");
}

/* The time range of the meeting in the style's form, or NULL. */
static char *
time_range(struct builder *b)
{
	int	 h1, m1, h2, m2, have_end;
	char	*s1, *s2, *r;

	if (meta_hm(b, "start", b->m->open_ts, &h1, &m1) != 0)
		return NULL;
	have_end = meta_hm(b, "end", b->m->close_ts, &h2, &m2) == 0;
	if (b->en) {
		s1 = jdate_time_en(h1, m1);
		if (!have_end)
			return s1;
		s2 = jdate_time_en(h2, m2);
		r = xasprintf("%s to %s", s1, s2);
		free(s1);
		free(s2);
		return r;
	}
	if (!have_end) {
		s1 = fmt_time(b, h1, m1);
		r = xasprintf("%sから", s1);
		free(s1);
		return r;
	}
	if (b->style == MINUTES_QA) {
		s1 = fmt_time(b, h1, m1);
		s2 = fmt_time(b, h2, m2);
		/* 午後 once when both ends are in the same half. */
		if (strlen(s1) > 6 && strlen(s2) > 6 &&
		    memcmp(s1, s2, 6) == 0 && (memcmp(s1, "午前", 6) == 0 ||
		    memcmp(s1, "午後", 6) == 0))
			r = xasprintf("%s～%s", s1, s2 + 6);
		else
			r = xasprintf("%s～%s", s1, s2);
		free(s1);
		free(s2);
		return r;
	}
	r = jdate_time_range(h1, m1, h2, m2, &b->d->jo);
	return r != NULL ? r : xstrdup("");
}

/* -------------------------------------------------------------- members */

static int
voting(const struct member *mb)
{
	return mb->kind == MK_MEMBER || mb->kind == MK_CHAIR ||
	    mb->kind == MK_VICE;
}

static const char *
staff_label(struct builder *b)
{
	return meeting_meta_str(b->m, "staff_label",
	    b->en ? "Staff" : b->st->staff_label);
}

static const struct item *
item_at(struct builder *b, int i)
{
	return i >= 0 && (size_t)i < b->m->nitems ? &b->m->items[i] : NULL;
}

/* The section name of the item's department, for labels. */
static const char *
item_section(const struct item *it)
{
	const char	*p, *last = NULL;

	if (it == NULL)
		return NULL;
	if (it->dept_short != NULL || it->dept == NULL)
		return it->dept_short;
	/*
	 * Without dept_short the section is what follows the last 部 of the
	 * department (総務部総務契約課 → 総務契約課, 000:28); a department
	 * without a section under its 部 is named whole.
	 */
	for (p = it->dept; (p = strstr(p, "部")) != NULL; p += strlen("部"))
		last = p + strlen("部");
	return last != NULL && *last != '\0' ? last : it->dept;
}

/* The speaker label, unbracketed, for a member speaking on item. */
static char *
member_label(struct builder *b, int mi, const char *id, int item)
{
	const struct member	*mb;
	const struct item	*it = item_at(b, item);
	int			 mode = b->d->o.labels;

	if (mi < 0)
		return ustr(id);
	mb = &b->m->members[mi];
	switch (mode) {
	case MINUTES_LABELS_NAME:
		return ustr(mb->name);
	case MINUTES_LABELS_TITLE:
		return ustr(mb->role != NULL ? mb->role : mb->name);
	case MINUTES_LABELS_NAME_ROLE:
		if (mb->kind == MK_MEMBER || mb->kind == MK_VICE) {
			char *n = ustr(mb->name), *r = ustr(mb->role != NULL ?
			    mb->role : L(b, "委員", "member")), *s;

			s = b->en ? xasprintf("%s (%s)", n, r) :
			    xasprintf("%s%s", n, r);
			free(n);
			free(r);
			return s;
		}
		return ustr(mb->role != NULL ? mb->role : mb->name);
	default:
		break;
	}
	/* Role only, anonymised. */
	switch (mb->kind) {
	case MK_CHAIR:
		return ustr(b->en ? "Chair" : mb->role != NULL ? mb->role :
		    "会長");
	case MK_MEMBER:
	case MK_VICE:
		return xstrdup(L(b, "委員", "Member"));
	case MK_STAFF:
		if (b->style != MINUTES_VERBATIM && mb->side != NULL &&
		    strcmp(mb->side, "implementing") == 0) {
			if (item_section(it) != NULL)
				return ustr(item_section(it));
			if (mb->org != NULL)
				return ustr(mb->org);
		}
		return ustr(staff_label(b));
	default:
		return ustr(mb->role != NULL ? mb->role : mb->name);
	}
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

static int
chair_index(struct builder *b)
{
	size_t	 i;

	for (i = 0; i < b->m->nmembers; i++) {
		if (b->m->members[i].kind == MK_CHAIR)
			return (int)i;
	}
	return -1;
}

/*
 * A speaker label as the style sets it: two characters letter-spaced where
 * the style aligns them with longer ones (【会 長】, 004:11). A label
 * typed in the speech (its label field) is printed as typed.
 */
static char *
spaced(struct builder *b, char *label)
{
	char	*s;

	if (!b->st->space2 || b->en || utf8_strlen(label) != 2)
		return label;
	s = minutes_letterspace(label);
	free(label);
	return s;
}

/*
 * The label of a speech by member mi (or the unknown id) on item, and its
 * display width; the same member on the same item reuses the last one.
 */
static char *
speech_label(struct builder *b, int mi, const char *id, int item, size_t *w)
{
	struct label_cache	*c;

	if (mi < 0) {
		char *l = spaced(b, member_label(b, mi, id, item));

		*w = utf8_width(l);
		return l;
	}
	c = &b->labels[mi];
	if (c->item != item || c->label == NULL) {
		free(c->label);
		c->label = spaced(b, member_label(b, mi, id, item));
		c->width = utf8_width(c->label);
		c->item = item;
	}
	*w = c->width;
	return xstrdup(c->label);
}

static char *
chair_label(struct builder *b)
{
	int	 ci = chair_index(b);

	if (ci < 0 && b->d->o.labels != MINUTES_LABELS_ROLE)
		return spaced(b, xstrdup(L(b, "会長", "Chair")));
	return spaced(b, member_label(b, ci, L(b, "会長", "Chair"), -1));
}

/* 藤崎会長 or, with full, the full name and role. */
static char *
name_role(struct builder *b, const struct member *mb, int full)
{
	const char	*n = full && mb->full_name != NULL ? mb->full_name :
			    mb->name;
	char		*un = ustr(n), *ur, *s;

	ur = ustr(mb->role != NULL ? mb->role : voting(mb) ?
	    L(b, "委員", "member") : "");
	s = b->en ? (*ur ? xasprintf("%s (%s)", un, ur) : xstrdup(un)) :
	    xasprintf("%s%s", un, ur);
	free(un);
	free(ur);
	return s;
}

/* Voting members, chair first, joined by sep; which: 0 all, 1 present, 2 absent. */
static char *
member_list(struct builder *b, int which, int full, int with_role,
    const char *sep)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i;
	int			 pass, first = 1;

	buf_init(&out);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < m->nmembers; i++) {
			const struct member *mb = &m->members[i];
			char		    *s;

			if (!voting(mb) || (pass == 0) != (mb->kind == MK_CHAIR))
				continue;
			if (which == 1 && mb->att == ATT_ABSENT)
				continue;
			if (which == 2 && mb->att != ATT_ABSENT)
				continue;
			s = with_role ? name_role(b, mb, full) :
			    ustr(full && mb->full_name ? mb->full_name :
			    mb->name);
			buf_printf(&out, "%s%s", first ? "" : sep, s);
			free(s);
			first = 0;
		}
	}
	return buf_detach(&out);
}

static int
count_voting(const struct meeting *m)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < m->nmembers; i++)
		n += voting(&m->members[i]);
	return n;
}

/* ---------------------------------------------------------------- items */

static const char *const katakana[] = {
	"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ",
	"シ", "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト"
};
static const char *const circled[] = {
	"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫",
	"⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"
};

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

static char *
circle(struct builder *b, int n)
{
	if (n >= 1 && n <= 20)
		return xstrdup(circled[n - 1]);
	return dig(b, xasprintf("(%d)", n));
}

/* The printed label of an item: its own, or the style's numbering. */
static char *
item_label(struct builder *b, int i)
{
	const struct item	*it = &b->m->items[i];
	size_t			 k;
	int			 n = 0;

	if (it->label != NULL)
		return ustr(it->label);
	for (k = 0; k <= (size_t)i; k++)
		n += !is_proc(&b->m->items[k]);
	if (b->style == MINUTES_WRITTEN)
		return circle(b, n);
	if (b->style == MINUTES_SUMMARY && n >= 1 && n <= 20)
		return xstrdup(katakana[n - 1]);
	return NULL;
}

/* Numbering of items for the 次第 and the body (qa, verbatim). */
static void
number_items(struct builder *b)
{
	const struct meeting	*m = b->m;
	const char		*sec = NULL;
	size_t			 i;
	int			 top = 0, sub = 0;

	b->num = xcalloc(m->nitems ? m->nitems : 1, sizeof *b->num);
	for (i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];

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

/* The item's section heading as the qa body prints it. */
static char *
qa_section(struct builder *b, const struct item *it)
{
	size_t	 n = strlen(it->section);

	if (b->en || is_report(it) || (n >= 6 &&
	    strcmp(it->section + n - 6, "結果") == 0))
		return ustr(it->section);
	return xasprintf("%s結果", it->section);
}

/* "（１）" or "(1)" numbering in the digits of the document. */
static char *
paren_num(struct builder *b, int n, int full)
{
	char	*s = num(b, n), *r;

	r = full ? xasprintf("（%s）", s) : xasprintf("(%s)", s);
	free(s);
	return r;
}

/* "3 諮問事項" / "（１）title" lines of the verbatim and qa 次第 and body. */
static char *
verbatim_item_heading(struct builder *b, int i, int group)
{
	const struct item	*it = &b->m->items[i];
	const char		*title = it->heading != NULL && !group ?
				    it->heading : it->title;
	char			*n, *t, *r;

	if (group) {
		n = num(b, b->num[i].top);
		t = ustr(it->section);
		r = xasprintf("%s %s", n, t);
	} else if (it->label != NULL) {
		size_t	 ll = strlen(it->label);

		n = ustr(it->label);
		t = ustr(title);
		r = xasprintf("%s%s%s", n, ll >= 3 && (strcmp(it->label +
		    ll - 3, "）") == 0 || it->label[ll - 1] == ')') ? "" : " ",
		    t);
	} else if (b->num[i].sub > 0) {
		n = paren_num(b, b->num[i].sub, 1);
		t = ustr(title);
		r = xasprintf("%s%s", n, t);
	} else {
		n = num(b, b->num[i].top);
		t = ustr(title);
		r = xasprintf("%s %s", n, t);
	}
	free(n);
	free(t);
	return r;
}

/* ---------------------------------------------------------------- votes */

static void
tally_counts(const struct tally *t, long *yes, long *no, long *abst)
{
	size_t	 i;

	*yes = t->n_for;
	*no = t->n_against;
	*abst = t->n_abstain;
	if (t->has_counts || t->nballots == 0)
		return;
	*yes = *no = *abst = 0;
	for (i = 0; i < t->nballots; i++) {
		if (strcmp(t->ballots[i].choice, "yes") == 0)
			(*yes)++;
		else if (strcmp(t->ballots[i].choice, "no") == 0)
			(*no)++;
		else if (strcmp(t->ballots[i].choice, "abstain") == 0)
			(*abst)++;
	}
}

static int
method_is(const struct vote *v, const char *m)
{
	return v->method != NULL && strcmp(v->method, m) == 0;
}

/* The computed result of a vote with its last tally; -1 when none. */
static int
vote_outcome_computed(struct builder *b, const struct vote *v,
    struct vote_result *res)
{
	const struct meeting	*m = b->m;
	const struct tally	*t;
	struct vote_spec	 spec;
	struct vote_counts	 c;
	enum vote_method	 meth;
	enum vote_rule		 rule;
	long			 q;
	char			*cause = NULL;
	int			 ci = chair_index(b);

	if (v->ntallies == 0)
		return -1;
	t = &v->tallies[v->ntallies - 1];
	memset(&spec, 0, sizeof spec);
	memset(&c, 0, sizeof c);
	if (vote_method_parse(v->method, &meth, &cause) != 0 ||
	    vote_rule_parse(v->rule != NULL ? v->rule :
	    meeting_meta_str(m, "rule", NULL), &rule, &cause) != 0 ||
	    vote_quorum_parse(meeting_meta_str(m, "quorum", NULL), &q,
	    &cause) != 0) {
		free(cause);
		return -1;
	}
	spec.id = v->id;
	spec.method = meth;
	spec.rule = rule;
	spec.seats = meeting_meta_long(m, "seats", 0);
	spec.present = v->present;
	spec.quorum = vote_quorum_needed(spec.seats, q);
	spec.chair_present = ci >= 0 && m->members[ci].att != ATT_ABSENT;
	if (meeting_meta_str(m, "chair", NULL) != NULL &&
	    strcmp(meeting_meta_str(m, "chair", ""), "votes") == 0)
		spec.chair = VOTE_CHAIR_VOTES;
	if (meeting_meta_str(m, "abstain", NULL) != NULL &&
	    strcmp(meeting_meta_str(m, "abstain", ""), "cast") == 0)
		spec.abstain = VOTE_ABSTAIN_CAST;
	tally_counts(t, &c.yes, &c.no, &c.abstain);
	c.unanimous = t->unanimous;
	if (meth == VOTE_WRITTEN && spec.present == 0)
		spec.present = spec.seats;
	if (vote_compute(&spec, &c, res, &cause) != 0) {
		free(cause);
		return -1;
	}
	return (int)res->outcome;
}

/* 賛成15名、反対2名 (、棄権1名) */
static char *
counts_ja(struct builder *b, long yes, long no, long abst)
{
	char	*y = num(b, yes), *n = num(b, no), *a = num(b, abst), *s;

	if (abst > 0)
		s = xasprintf("賛成%s名、反対%s名、棄権%s名", y, n, a);
	else
		s = xasprintf("賛成%s名、反対%s名", y, n);
	free(y);
	free(n);
	free(a);
	return s;
}

static char *
counts_en(long yes, long no, long abst)
{
	if (abst > 0)
		return xasprintf("%ld for, %ld against, %ld abstaining", yes,
		    no, abst);
	return xasprintf("%ld for, %ld against", yes, no);
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
	const struct entry	*end = b->m->entries + b->m->nentries, *nx;
	size_t			 k;
	int			 ci = chair_index(b);

	if (needle == NULL || *needle == '\0')
		return 0;
	for (k = b->d->n; k > 0 && b->d->n - k < 4; k--) {
		const struct mblock *bl = &b->d->b[k - 1];

		if ((bl->kind == MB_NOTE || bl->kind == MB_SPEECH ||
		    bl->kind == MB_PARA || bl->kind == MB_LINES) &&
		    (!chair || bl->kind == MB_NOTE || bl->role == MR_CHAIR ||
		    bl->role == MR_DECISION) && strstr(bl->text, needle) != NULL)
			return 1;
		if (bl->kind != MB_NOTE)
			break;
	}
	for (nx = e + 1; nx < end && nx < e + 8; nx++) {
		if (nx->flags & ENTRY_RETRACTED)
			continue;
		if (strncmp(nx->type, "vote.", 5) == 0)
			continue;
		if (strcmp(nx->type, "note") != 0 &&
		    strcmp(nx->type, "speech") != 0)
			break;
		if (nx->text != NULL && strstr(nx->text, needle) != NULL &&
		    (!chair || strcmp(nx->type, "note") == 0 ||
		    (ci >= 0 && nx->member == ci)))
			return 1;
		if (strcmp(nx->type, "speech") == 0)
			break;
	}
	return 0;
}

static void
emit_tally(struct builder *b, const struct entry *e, const struct vote *v,
    size_t ti)
{
	const struct tally	*t = &v->tallies[ti];
	int			 last = ti + 1 == v->ntallies, out;
	long			 yes, no, abst;
	struct vote_result	 res;
	struct mblock		*bl;
	char			*c, *s;

	tally_counts(t, &yes, &no, &abst);
	if (!last) {
		if (b->d->o.public)
			return;
		c = b->en ? counts_en(yes, no, abst) : counts_ja(b, yes, no,
		    abst);
		s = b->en ? xasprintf("(Count before the recount: %s.)", c) :
		    xasprintf("（再集計前の集計：%s）", c);
		free(c);
		bl = add(b, MB_NOTE, MR_INTERNAL, e->seq, NULL, s);
		bl->flags |= MBF_SUPERSEDED;
		return;
	}
	if (b->en) {
		out = v->outcome != NULL ? strcmp(v->outcome, "carried") == 0 :
		    vote_outcome_computed(b, v, &res);
		if (v->outcome == NULL && out == 0 &&
		    (res.flags & VOTE_F_NO_QUORUM))
			s = xstrdup("Failed: no quorum.");
		else if (method_is(v, "consent"))
			s = xstrdup(out == 0 ? "Failed: objection raised." :
			    "Carried without objection.");
		else if (t->unanimous && !t->has_counts)
			s = xstrdup(out == 0 ? "Failed." :
			    "Carried unanimously.");
		else {
			c = counts_en(yes, no, abst);
			s = xasprintf("%s: %s.", out == 1 ? "Carried" :
			    out == 0 ? "Failed" : "Count", c);
			free(c);
		}
		add(b, MB_NOTE, MR_VOTE, e->seq, NULL, s);
		return;
	}
	switch (b->style) {
	case MINUTES_SUMMARY:
		if (method_is(v, "consent"))
			s = xstrdup("異議なし");
		else if (t->unanimous && !t->has_counts)
			s = xstrdup("挙手全員");
		else
			s = counts_ja(b, yes, no, abst);
		if (!already_said(b, e, s, 0))
			add(b, MB_NOTE, MR_VOTE, e->seq, NULL,
			    xasprintf("・・・%s・・・", s));
		free(s);
		break;
	case MINUTES_VERBATIM:
		if (method_is(v, "consent")) {
			if (!b->st->named)
				add(b, MB_NOTE, MR_VOTE, e->seq, NULL,
				    xstrdup("（「異議なし」の声あり）"));
			break;
		}
		if (t->unanimous && !t->has_counts)
			s = xstrdup(b->st->named ? "全員挙手" : "全員賛成");
		else
			s = counts_ja(b, yes, no, abst);
		if (already_said(b, e, s, 0))
			;	/* the staff side's words were typed */
		else if (b->st->named)
			add(b, MB_NOTE, MR_VOTE, e->seq, NULL,
			    xasprintf("（%s）", s));
		else
			add(b, MB_SPEECH, MR_VOTE, e->seq, ustr(staff_label(b)),
			    xasprintf("%sでございます。", s));
		free(s);
		break;
	default:
		break;
	}
}

/*
 * A roll call's names by choice: （賛成：伊藤委員、佐藤委員　反対：山本委員）.
 * Not in anonymised (role-only) minutes, where names are never printed.
 */
static void
emit_rollcall_names(struct builder *b, const struct entry *e,
    const struct vote *v)
{
	static const struct {
		const char	*choice, *ja, *en;
	} kinds[] = {
		{ "yes", "賛成", "For" },
		{ "no", "反対", "Against" },
		{ "abstain", "棄権", "Abstaining" },
		{ "not_voting", "不参加", "Not voting" },
		{ "absent", "欠席", "Absent" },
	};
	const struct tally	*t;
	struct buf		 out;
	size_t			 k, i, n;
	int			 mi;
	char			*nm;

	if (v->ntallies == 0 || b->d->o.labels == MINUTES_LABELS_ROLE)
		return;
	t = &v->tallies[v->ntallies - 1];
	if (t->nballots == 0 || method_is(v, "written"))
		return;
	buf_init(&out);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		for (i = n = 0; i < t->nballots; i++) {
			if (strcmp(t->ballots[i].choice, kinds[k].choice) != 0)
				continue;
			if ((mi = meeting_member(b->m, t->ballots[i].member)) < 0)
				nm = ustr(t->ballots[i].member);
			else
				nm = b->en ? ustr(b->m->members[mi].name) :
				    name_role(b, &b->m->members[mi], 0);
			if (n++ == 0) {
				if (out.len > 0)
					buf_puts(&out, b->en ? "; " : "　");
				buf_printf(&out, b->en ? "%s: " : "%s：",
				    b->en ? kinds[k].en : kinds[k].ja);
			} else
				buf_puts(&out, b->en ? ", " : "、");
			buf_puts(&out, nm);
			free(nm);
		}
	}
	if (out.len > 0)
		add(b, MB_NOTE, MR_VOTE, e->seq, NULL, b->en ?
		    xasprintf("(%s)", out.s) : xasprintf("（%s）", out.s));
	buf_free(&out);
}

/* Internal version: a declared result that the count does not bear out. */
static void
emit_result_check(struct builder *b, const struct entry *e,
    const struct vote *v)
{
	struct vote_result	 res;
	int			 out;

	if (b->d->o.public || v->outcome == NULL)
		return;
	out = vote_outcome_computed(b, v, &res);
	if (out < 0 || (out == 1) == (strcmp(v->outcome, "carried") == 0))
		return;
	add(b, MB_NOTE, MR_INTERNAL, e->seq, NULL, b->en ?
	    xasprintf("(Note: the result declared is %s; the count gives %s.)",
	    v->outcome, out == 1 ? "carried" : "failed") :
	    xasprintf("（注：宣告された結果は%s、集計による結果は%s）",
	    strcmp(v->outcome, "carried") == 0 ? "可決" : "否決",
	    out == 1 ? "可決" : "否決"));
}

/* ------------------------------------------------------------ decisions */

static const char *
outcome_word(struct builder *b, const char *outcome, const struct item *it)
{
	if (outcome == NULL)
		outcome = "other";
	if (b->en) {
		if (strcmp(outcome, "approved") == 0)
			return "approved";
		if (strcmp(outcome, "noted") == 0)
			return "noted";
		if (strcmp(outcome, "consented") == 0)
			return "consented to";
		if (strcmp(outcome, "granted") == 0)
			return "granted as consulted";
		if (strcmp(outcome, "rejected") == 0)
			return "rejected";
		return "decided";
	}
	if (strcmp(outcome, "approved") == 0)
		return "承認";
	if (strcmp(outcome, "noted") == 0)
		return "了承";
	if (strcmp(outcome, "consented") == 0)
		return "同意";
	if (strcmp(outcome, "granted") == 0)
		return "可";
	if (strcmp(outcome, "rejected") == 0)
		return "否";
	return it != NULL && is_report(it) ? "了承" : "承認";
}

static int
rejected(const char *outcome)
{
	return outcome != NULL && strcmp(outcome, "rejected") == 0;
}

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

/* <label>「<title>」 */
static char *
labelled_title(struct builder *b, int i, int quote)
{
	char	*l = item_label(b, i), *t = ustr(b->m->items[i].title), *s;

	if (b->en)
		s = l != NULL ? xasprintf("%s \"%s\"", l, t) :
		    xasprintf("\"%s\"", t);
	else if (quote)
		s = xasprintf("%s「%s」", l != NULL ? l : "", t);
	else
		s = xasprintf("%s%s%s", l != NULL ? l : "", l ? " " : "", t);
	free(l);
	free(t);
	return s;
}

static const struct vote *
decision_vote(struct builder *b, const struct decision *dc)
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

static char *
decision_en(struct builder *b, const struct decision *dc, int *its, size_t n)
{
	struct buf	 out;
	size_t		 k;
	char		*s;

	buf_init(&out);
	buf_puts(&out, "Decision: ");
	for (k = 0; k < n; k++) {
		s = labelled_title(b, its[k], 1);
		buf_printf(&out, "%s%s", k ? " and " : "", s);
		free(s);
	}
	buf_printf(&out, "%s %s.", n ? ":" : "",
	    outcome_word(b, dc->outcome, n ? &b->m->items[its[0]] : NULL));
	return buf_detach(&out);
}

/* 書面会議: (結論) 全委員の7名から承認の意思表示があったため、… */
static char *
decision_written(struct builder *b, const struct decision *dc, int *its,
    size_t n)
{
	const struct vote	*v = decision_vote(b, dc);
	const struct item	*it = n ? &b->m->items[its[0]] : NULL;
	struct buf		 out;
	long			 yes = 0, no, abst, all;
	char			*x, *y, *a;

	buf_init(&out);
	buf_puts(&out, "(結論) ");
	all = meeting_meta_long(b->m, "seats", count_voting(b->m));
	if (v != NULL && v->ntallies > 0) {
		const struct tally *t = &v->tallies[v->ntallies - 1];

		tally_counts(t, &yes, &no, &abst);
		if (t->unanimous && !t->has_counts)
			yes = all;
		y = num(b, yes);
		a = num(b, all);
		if (yes == all)
			buf_printf(&out, "全委員の%s名から承認の意思表示が"
			    "あったため、", y);
		else
			buf_printf(&out, "委員%s名中%s名から承認の意思表示が"
			    "あったため、", a, y);
		free(y);
		free(a);
	}
	if (it != NULL) {
		x = ustr(it->heading != NULL && n > 1 ? it->heading :
		    it->title);
		/* A title that ends in について gets it once, at the end. */
		if (ends_with(x, "について"))
			x[strlen(x) - strlen("について")] = '\0';
		buf_puts(&out, x);
		free(x);
		if (it->dept != NULL) {
			x = ustr(it->dept);
			buf_printf(&out, "(%s)", x);
			free(x);
		}
		buf_puts(&out, "について");
	} else
		buf_puts(&out, "本件について");
	buf_puts(&out, rejected(dc->outcome) ? "は同意しないものとします。" :
	    "は同意するものとします。");
	return buf_detach(&out);
}

/* 要点記録: ※ 課税課から諮問のあったア「…」について、同意することが決定された。 */
static char *
decision_summary(struct builder *b, const struct decision *dc, int *its,
    size_t n, int *lines)
{
	const struct item	*it = n ? &b->m->items[its[0]] : NULL;
	struct buf		 out;
	size_t			 k;
	const char		*w;
	char			*s;

	buf_init(&out);
	buf_puts(&out, "※ ");
	if (it != NULL && item_section(it) != NULL) {
		s = ustr(item_section(it));
		buf_printf(&out, "%sから%sのあった", s, is_report(it) ?
		    "報告" : "諮問");
		free(s);
	}
	for (k = 0; k < n; k++) {
		s = labelled_title(b, its[k], 1);
		buf_printf(&out, "%s%s", k ? "\n" : "", s);
		free(s);
	}
	*lines = n > 1;
	w = outcome_word(b, dc->outcome, it);
	if (rejected(dc->outcome))
		buf_puts(&out, "について、同意しないことが決定された。");
	else
		buf_printf(&out, "について、%sすることが決定された。",
		    strcmp(w, "可") == 0 ? "同意" : w);
	return buf_detach(&out);
}

/* 委員意見及び回答: 諮問第4号「…」について、諮問どおり行うことを「可」とする。 */
static char *
decision_qa(struct builder *b, const struct decision *dc, int i)
{
	char	*t = labelled_title(b, i, 1), *s;

	s = xasprintf("%sについて、諮問どおり行うことを「%s」とする。", t,
	    rejected(dc->outcome) ? "否" : "可");
	free(t);
	return s;
}

/* 発言の記録 (role labels): the chair's sentence after the count. */
static char *
decision_verbatim_role(struct builder *b, const struct decision *dc,
    const struct item *it)
{
	const struct vote	*v = decision_vote(b, dc);
	const char		*what = it != NULL && is_report(it) ?
				    "本件報告" : "本件諮問";
	const char		*w = outcome_word(b, dc->outcome, it);
	long			 yes, no, abst;
	char			*y, *s;

	if (rejected(dc->outcome))
		w = "不承認";
	if (v == NULL || v->ntallies == 0)
		return xasprintf("%sについては%sといたします。", what, w);
	if (method_is(v, "consent"))
		return xasprintf("ご異議がないようですので、%sについては%s"
		    "といたします。", what, w);
	tally_counts(&v->tallies[v->ntallies - 1], &yes, &no, &abst);
	if (v->tallies[v->ntallies - 1].unanimous || (no == 0 && abst == 0))
		return xasprintf("全員賛成ということですので、%sについて、%s"
		    "といたします。", what, w);
	y = num(b, rejected(dc->outcome) ? no : yes);
	s = xasprintf("%s%s名でございますので、%sについては%sといたします。",
	    rejected(dc->outcome) ? "反対" : "賛成", y, what, w);
	free(y);
	return s;
}

/* 会議録 (named labels): decisions by consent, 諮問 → 承認, 報告 → 了承. */
static char *
decision_verbatim_named(struct builder *b, const struct decision *dc,
    int *its, size_t n)
{
	struct buf	 out, words;
	size_t		 k;
	const char	*w;
	char		*t;

	buf_init(&out);
	buf_init(&words);
	if (n <= 1) {
		const struct item *it = n ? &b->m->items[its[0]] : NULL;

		w = rejected(dc->outcome) ? "不承認" :
		    outcome_word(b, dc->outcome, it);
		buf_printf(&out, "本件は%sですので、%sということで、"
		    "よろしゅうございますか。本件は%sということで決定"
		    "いたします。", it != NULL && is_report(it) ? "報告事項" :
		    "諮問事項", w, w);
		buf_free(&words);
		return buf_detach(&out);
	}
	for (k = 0; k < n; k++) {
		const struct item *it = &b->m->items[its[k]];

		w = rejected(dc->outcome) ? "不承認" : is_report(it) ?
		    "了承" : "承認";
		t = ustr(it->title);
		buf_printf(&out, "「%s」は%sですので、%s%s", t, is_report(it) ? "報告事項" : "諮問事項", w,
		    k + 1 < n ? "。" : "ということで、よろしゅうございますか。");
		free(t);
		if (strstr(words.s != NULL ? words.s : "", w) == NULL)
			buf_printf(&words, "%s%s", words.len ? "と" : "", w);
	}
	buf_printf(&out, "本件は%sということで決定いたします。", words.s);
	buf_free(&words);
	return buf_detach(&out);
}

static void
emit_decision(struct builder *b, const struct entry *e,
    const struct decision *dc)
{
	int		 its[64], lines = 0;
	size_t		 n = decision_items(b, dc, its, 64), k;
	const struct item *it = n ? &b->m->items[its[0]] : NULL;
	char		*s;

	if (b->en) {
		s = dc->text != NULL ? ustr(dc->text) : decision_en(b, dc, its,
		    n);
		add(b, MB_PARA, MR_DECISION, e->seq, NULL, s);
		return;
	}
	/*
	 * An outcome of "other" has no formula: without its own text the
	 * decision adds no sentence (承認 or 同意 would misreport it).
	 */
	if (dc->text == NULL && dc->outcome != NULL &&
	    strcmp(dc->outcome, "other") == 0)
		return;
	/* The body's own words, typed as a speech or note, stand alone. */
	if (dc->text == NULL && ((b->style == MINUTES_VERBATIM &&
	    already_said(b, e, rejected(dc->outcome) ? "不承認" :
	    outcome_word(b, dc->outcome, it), 1)) ||
	    (b->style == MINUTES_SUMMARY && already_said(b, e, "決定された",
	    0)) || (b->style == MINUTES_WRITTEN && already_said(b, e,
	    "ものとします", 0))))
		return;
	switch (b->style) {
	case MINUTES_WRITTEN:
		if (dc->text != NULL) {
			char *t = ustr(dc->text);

			/* The text may carry the (結論) head itself. */
			s = strncmp(t, "(結論)", strlen("(結論)")) == 0 ||
			    strncmp(t, "（結論）", strlen("（結論）")) == 0 ?
			    xstrdup(t) : xasprintf("(結論) %s", t);
			free(t);
		} else
			s = decision_written(b, dc, its, n);
		add(b, MB_PARA, MR_DECISION, e->seq, NULL, s);
		break;
	case MINUTES_SUMMARY:
		if (dc->text != NULL) {
			char *t = ustr(dc->text);

			s = strncmp(t, "※", strlen("※")) == 0 ? xstrdup(t) :
			    xasprintf("※ %s", t);
			free(t);
		} else
			s = decision_summary(b, dc, its, n, &lines);
		add(b, lines ? MB_LINES : MB_PARA, MR_DECISION, e->seq, NULL,
		    s);
		break;
	case MINUTES_QA:
		if (it != NULL && is_report(it) && dc->text == NULL)
			break;
		if (dc->text != NULL) {
			add(b, MB_PARA, MR_DECISION, e->seq, NULL,
			    ustr(dc->text));
			break;
		}
		for (k = 0; k < n; k++) {
			if (!is_report(&b->m->items[its[k]]))
				add(b, MB_PARA, MR_DECISION, e->seq, NULL,
				    decision_qa(b, dc, its[k]));
		}
		break;
	case MINUTES_VERBATIM:
		s = dc->text != NULL ? ustr(dc->text) : b->st->named ?
		    decision_verbatim_named(b, dc, its, n) :
		    decision_verbatim_role(b, dc, it);
		turn(b, add(b, MB_SPEECH, MR_DECISION, e->seq, chair_label(b),
		    s), chair_index(b));
		break;
	}
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
		n = num(b, ord);
		ub = ustr(body);
		s = xasprintf("%s度第%s回%s", fy, n, ub);
		free(fy);
		free(n);
		free(ub);
		return s;
	}
	return ustr(body != NULL ? body : L(b, "会議", "Meeting"));
}

/*
 * The annex of a role-labelled verbatim record names the session and the
 * kind of body only: 令和４年度第１回 情報公開・個人情報保護審議会 gives
 * 令和４年度第１回審議会 (003:111). A title without 第…回 or without a
 * known kind of body is kept whole.
 */
static char *
annex_title(const char *title)
{
	static const char *const kinds[] = { "審議会", "審査会", "委員会",
	    "協議会", "懇談会", "会議" };
	const char	*d = strstr(title, "第"), *r;
	size_t		 k, tl = strlen(title), kl;

	if (d == NULL || (r = strstr(d, "回")) == NULL)
		return xstrdup(title);
	r += strlen("回");
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		kl = strlen(kinds[k]);
		if (tl >= kl && (size_t)(r - title) + kl <= tl &&
		    strcmp(title + tl - kl, kinds[k]) == 0)
			return xasprintf("%.*s%s", (int)(r - title), title,
			    kinds[k]);
	}
	return xstrdup(title);
}

/*
 * The session part of a title, printed as its own line with a space
 * before 第 (令和4年度 第6回): the title without the body when it is
 * "<session><body>" (令和4年度第6回東町区…審議会), or the whole title when
 * it names the session alone (…第6回); NULL otherwise.
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

static char *
date_line(struct builder *b)
{
	int	 y, mo, dd;
	char	*s;

	if (meeting_ymd(b, &y, &mo, &dd) != 0)
		return xstrdup("");
	s = fmt_date(b, y, mo, dd, 1);
	return s != NULL ? s : xstrdup("");
}

static char *
materials_list(struct builder *b, const char *sep, int numbered)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i;
	int			 k = 0;
	char			*t, *n;

	buf_init(&out);
	for (i = 0; i < m->nmaterials; i++) {
		if (m->materials[i].flags & ENTRY_RETRACTED)
			continue;
		t = (m->materials[i].flags & ENTRY_REDACTED) &&
		    b->d->o.public ? xstrdup(b->d->redaction) :
		    ustr(m->materials[i].title);
		if (numbered) {
			n = num(b, ++k);
			buf_printf(&out, "%s%s%s %s", k > 1 ? sep : "",
			    L(b, "資料", "Document "), n, t);
			free(n);
		} else
			buf_printf(&out, "%s%s", ++k > 1 ? sep : "", t);
		free(t);
	}
	return buf_detach(&out);
}

/* Staff roles, each once, for the verbatim (区側) attendance line. */
static char *
staff_titles(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i, j;
	int			 first = 1, dup;

	buf_init(&out);
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];
		const char	    *r = mb->role != NULL ? mb->role : mb->name;
		char		    *s;

		if (mb->kind != MK_STAFF || mb->att == ATT_ABSENT)
			continue;
		for (dup = 0, j = 0; j < i && !dup; j++) {
			const struct member *o = &m->members[j];

			dup = o->kind == MK_STAFF && strcmp(o->role != NULL ?
			    o->role : o->name, r) == 0;
		}
		if (dup)
			continue;
		s = ustr(r);
		buf_printf(&out, "%s%s", first ? "" : "、", s);
		free(s);
		first = 0;
	}
	return buf_detach(&out);
}

static int
on_agenda(const struct member *mb, const char *id)
{
	size_t	 k;

	for (k = 0; k < mb->nagenda; k++) {
		if (strcmp(mb->agenda[k], id) == 0)
			return 1;
	}
	return 0;
}

/* 4 出席職員: 【事務局】 by section, 【実施機関】 one row per deliberation. */
static char *
summary_staff(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i, k, j;
	int			 any, first;
	char			*s;

	buf_init(&out);
	any = 0;
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];
		int		     seen = 0;

		if (mb->kind != MK_STAFF || mb->side == NULL ||
		    strcmp(mb->side, "secretariat") != 0)
			continue;
		/* Group by org: print each org once, at its first member. */
		for (j = 0; j < i; j++) {
			const struct member *o = &m->members[j];

			if (o->kind == MK_STAFF && o->side != NULL &&
			    strcmp(o->side, "secretariat") == 0 &&
			    ((o->org == NULL && mb->org == NULL) ||
			    (o->org != NULL && mb->org != NULL &&
			    strcmp(o->org, mb->org) == 0)))
				seen = 1;
		}
		if (seen)
			continue;
		if (!any)
			buf_printf(&out, "\n【%s】", L(b, "事務局",
			    "Secretariat"));
		any = 1;
		buf_putc(&out, '\n');
		if (mb->org != NULL) {
			s = ustr(mb->org);
			buf_printf(&out, "（%s）", s);
			free(s);
		}
		for (first = 1, j = i; j < m->nmembers; j++) {
			const struct member *o = &m->members[j];

			if (o->kind != MK_STAFF || o->side == NULL ||
			    strcmp(o->side, "secretariat") != 0 ||
			    !((o->org == NULL && mb->org == NULL) ||
			    (o->org != NULL && mb->org != NULL &&
			    strcmp(o->org, mb->org) == 0)))
				continue;
			s = name_role(b, o, 0);
			buf_printf(&out, "%s%s", first ? "" : "、", s);
			free(s);
			first = 0;
		}
	}
	any = 0;
	for (i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];
		struct buf	   who;
		int		   grp[64];
		size_t		   ng = 1;

		if (is_proc(it) || it->joint_with >= 0)
			continue;
		grp[0] = (int)i;
		for (k = 0; k < it->njoint && ng < 64; k++) {
			int jj = meeting_item(m, it->joint[k]);

			if (jj >= 0 && jj != (int)i)
				grp[ng++] = jj;
		}
		buf_init(&who);
		for (j = 0; j < m->nmembers; j++) {
			const struct member *mb = &m->members[j];
			int		     on = 0;

			if (mb->kind != MK_STAFF || (mb->side != NULL &&
			    strcmp(mb->side, "secretariat") == 0))
				continue;
			for (k = 0; k < ng; k++)
				on |= on_agenda(mb, m->items[grp[k]].id);
			if (!on)
				continue;
			s = name_role(b, mb, 0);
			buf_printf(&who, "%s%s", who.len ? " " : "", s);
			free(s);
		}
		if (who.len == 0) {
			buf_free(&who);
			continue;
		}
		if (!any)
			buf_printf(&out, "\n【%s】", L(b, "実施機関",
			    "Departments"));
		any = 1;
		buf_printf(&out, "\n%s", is_report(it) ? L(b, "報告", "") :
		    L(b, "諮問", ""));
		for (k = 0; k < ng; k++) {
			s = item_label(b, grp[k]);
			if (s == NULL)
				s = ustr(m->items[grp[k]].title);
			buf_printf(&out, "%s%s", k ? "・" : "", s);
			free(s);
		}
		if (it->dept != NULL) {
			s = ustr(it->dept);
			buf_printf(&out, "（%s）", s);
			free(s);
		}
		buf_printf(&out, "\t%s", who.s);
		buf_free(&who);
	}
	return buf_detach(&out);
}

static char *
observers(struct builder *b, const char *none)
{
	long	 n = meeting_meta_long(b->m, "observers", -1);
	char	*s, *r;

	if (n < 0)
		return NULL;
	if (n == 0)
		return xstrdup(none);
	s = num(b, n);
	r = b->en ? xasprintf("%s", s) : xasprintf("%s名", s);
	free(s);
	return r;
}

/* The written meeting's 開催日時: dated steps, from notes outside items. */
static char *
written_timeline(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i;
	char			*d, *t;

	buf_init(&out);
	for (i = 0; i < m->nentries; i++) {
		const struct entry *e = &m->entries[i];

		if (e->item >= 0 || strcmp(e->type, "note") != 0 ||
		    (e->flags & ENTRY_RETRACTED))
			continue;
		d = fmt_ts_date(b, e->ts);
		t = (e->flags & ENTRY_REDACTED) && b->d->o.public ?
		    xstrdup(b->d->redaction) : ustr(e->text);
		buf_printf(&out, "%s%s %s", out.len ? " " : "", d, t);
		free(d);
		free(t);
	}
	if (out.len == 0) {
		buf_free(&out);
		return date_line(b);
	}
	buf_printf(&out, " %s", L(b, "※上記やり取りをもって一回の会議開催と"
	    "みなします。", "(These exchanges together count as one "
	    "meeting.)"));
	return buf_detach(&out);
}

/* 審議事項 ① title（dept） ② … grouped by section. */
static char *
written_agenda(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	const char		*sec = NULL;
	size_t			 i;
	char			*l, *t, *dp;

	buf_init(&out);
	for (i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];

		if (it->section != NULL && (sec == NULL ||
		    strcmp(sec, it->section) != 0)) {
			t = ustr(it->section);
			buf_printf(&out, "%s%s", out.len ? " " : "", t);
			free(t);
			sec = it->section;
		}
		l = item_label(b, (int)i);
		t = ustr(it->title);
		dp = it->dept != NULL ? ustr(it->dept) : NULL;
		buf_printf(&out, "%s%s%s%s%s%s%s", out.len ? " " : "",
		    l != NULL ? l : "", l != NULL ? " " : "", t,
		    dp ? "（" : "", dp ? dp : "", dp ? "）" : "");
		free(l);
		free(t);
		free(dp);
	}
	return buf_detach(&out);
}

/* 1. title 2. 諮問審議 諮問第4号「title」 (dept) … */
static char *
qa_agenda(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i;
	char			*n, *t, *dp;

	buf_init(&out);
	for (i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];

		if (b->num[i].sub == 0 || b->num[i].group_first) {
			n = num(b, b->num[i].top);
			t = ustr(b->num[i].sub ? it->section : it->title);
			buf_printf(&out, "%s%s. %s", out.len ? " " : "", n, t);
			free(n);
			free(t);
		}
		if (b->num[i].sub == 0)
			continue;
		t = is_report(it) ? NULL : labelled_title(b, (int)i, 1);
		if (t == NULL) {
			char *u = ustr(it->title);

			t = xasprintf("「%s」について", u);
			free(u);
		}
		dp = it->dept != NULL ? ustr(it->dept) : NULL;
		buf_printf(&out, " %s%s%s%s", t, dp ? " (" : "", dp ? dp : "",
		    dp ? ")" : "");
		free(t);
		free(dp);
	}
	return buf_detach(&out);
}

/* 出席者： (委員) 氏名会長・… (市事務局) 氏名課長・… 欠席者：… */
static char *
qa_attendance(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	size_t			 i;
	int			 first = 1;
	char			*s;

	buf_init(&out);
	s = member_list(b, 1, 1, 1, "・");
	buf_printf(&out, "%s (%s) %s", L(b, "出席者：", "Present:"),
	    L(b, "委員", "members"), s);
	free(s);
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];

		if (mb->kind != MK_STAFF || mb->att == ATT_ABSENT)
			continue;
		if (first) {
			s = ustr(staff_label(b));
			buf_printf(&out, " (%s) ", s);
			free(s);
		}
		s = name_role(b, mb, 0);
		buf_printf(&out, "%s%s", first ? "" : "・", s);
		free(s);
		first = 0;
	}
	s = member_list(b, 2, 1, 1, "・");
	if (*s != '\0')
		buf_printf(&out, " %s%s", L(b, "欠席者：", "Absent: "), s);
	free(s);
	return buf_detach(&out);
}

static void
verbatim_agenda_rows(struct builder *b, struct buf *out)
{
	const struct meeting	*m = b->m;
	size_t			 i;
	char			*s;

	for (i = 0; i < m->nitems; i++) {
		if (b->num[i].group_first) {
			s = verbatim_item_heading(b, (int)i, 1);
			buf_printf(out, "%s%s", out->len ? "\n" : "", s);
			free(s);
		}
		s = verbatim_item_heading(b, (int)i, 0);
		/* The 次第 names items by title, never by a body heading. */
		buf_printf(out, "%s%s", out->len ? "\n" : "", s);
		free(s);
	}
}

static void
header(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct mblock		*bl;
	const char		*place = meeting_meta_str(m, "place", NULL);
	char			*s, *t, *u;
	struct buf		 tmp;

	switch (b->en ? -1 : b->style) {
	case MINUTES_WRITTEN:
		b->d->doc_title = xstrdup("【会議録（書面会議）】");
		add(b, MB_TITLE, MR_NONE, 0, NULL, xstrdup(b->d->doc_title));
		add_row(b, "会議名", xstrdup(b->d->title));
		add_row(b, "開催日時", written_timeline(b));
		add_row(b, "開催場所", ustr(place != NULL ? place :
		    "書面会議により開催"));
		add_row(b, "委員", member_list(b, 0, 0, 1, "、"));
		add_row(b, "事務局", ustr(meeting_meta_str(m, "secretariat",
		    "")));
		add_row(b, "会議次第", written_agenda(b));
		add_row(b, "送付資料", materials_list(b, " ", 1));
		bl = add_row(b, "会議の結果及び主要な意見", NULL);
		bl->flags &= ~MBF_NOGAP;
		break;
	case MINUTES_SUMMARY:
		b->d->doc_title = xasprintf("%s議事録（要点記録）",
		    b->d->title);
		add(b, MB_TITLE, MR_NONE, 0, NULL, xstrdup(b->d->doc_title));
		s = date_line(b);
		t = time_range(b);
		u = t != NULL ? xasprintf("%s\n%s", s, t) : xstrdup(s);
		free(s);
		free(t);
		/* Two-kanji labels letter-spaced to align with longer ones. */
		s = minutes_letterspace("日時");
		t = xasprintf("1 %s", s);
		add_row(b, t, dig(b, u));
		free(s);
		free(t);
		s = minutes_letterspace("場所");
		t = xasprintf("2 %s", s);
		add_row(b, t, ustr(place != NULL ? place : ""));
		free(s);
		free(t);
		bl = add_row(b, "3 出席委員", member_list(b, 1, 0, 1, "、"));
		s = member_list(b, 2, 0, 1, "、");
		if (*s != '\0')
			bl = add_row(b, "欠席委員", s);
		else
			free(s);
		bl->flags &= ~MBF_NOGAP;
		/* 諮問ア（dept）<TAB>people: a table row in the original. */
		add_row(b, "4 出席職員", summary_staff(b))->flags |= MBF_TABS;
		s = observers(b, "なし");
		add_row(b, "5 傍聴人", s != NULL ? s : xstrdup("なし"));
		add_row(b, "6 内容及び要点", NULL);
		for (size_t i = 0; i < b->d->n; i++) {
			if (b->d->b[i].kind == MB_ROW)
				b->d->b[i].label = dig(b, b->d->b[i].label);
		}
		b->d->b[b->d->n - 1].flags &= ~MBF_NOGAP;
		break;
	case MINUTES_QA:
		b->d->doc_title = xstrdup("会議録");
		add(b, MB_TITLE, MR_NONE, 0, NULL, xstrdup(b->d->doc_title));
		add_row(b, "会議の名称", xstrdup(b->d->title));
		s = date_line(b);
		t = time_range(b);
		add_row(b, "開催日時", xasprintf("%s%s", s, t ? t : ""));
		free(s);
		free(t);
		add_row(b, "開催場所", ustr(place != NULL ? place : ""));
		add_row(b, "出席者及び欠席者", qa_attendance(b));
		if (meeting_meta_str(m, "public", NULL) != NULL &&
		    strcmp(meeting_meta_str(m, "public", ""), "0") == 0) {
			bl = add_row(b, "傍聴の可否", xstrdup("傍聴不可"));
			bl->label2 = xstrdup("傍聴不可の場合はその理由");
			bl->text2 = ustr(meeting_meta_str(m, "closed_reason",
			    ""));
		} else {
			bl = add_row(b, "傍聴の可否", xstrdup("傍聴可"));
			bl->label2 = xstrdup("傍聴者数");
			s = observers(b, "0名");
			bl->text2 = s != NULL ? s : xstrdup("");
		}
		add_row(b, "会議次第", qa_agenda(b));
		add_row(b, "問い合わせ先", ustr(meeting_meta_str(m, "contact",
		    "")));
		bl = add(b, MB_HEADING, MR_NONE, 0, NULL,
		    xstrdup("会 議 経 過"));
		bl->level = 1;
		break;
	case MINUTES_VERBATIM:
		if (b->st->named) {
			const char *body = meeting_meta_str(m, "body", NULL);
			long	    ord = meeting_meta_long(m, "ordinal", 0);
			int	    y, mo, dd;

			if (body != NULL && ord > 0 &&
			    meeting_ymd(b, &y, &mo, &dd) == 0 &&
			    (s = jdate_fiscal_year(y, mo, dd, &b->d->jo)) !=
			    NULL) {
				t = num(b, ord);
				add(b, MB_TITLE, MR_NONE, 0, NULL,
				    xasprintf("%s度 第%s回", s, t));
				free(s);
				free(t);
				s = ustr(body);
				b->d->doc_title = xasprintf("%s会議録", s);
				free(s);
			} else if (body != NULL && (s = title_session(b->d->title,
			    body)) != NULL) {
				/* The session on its own line, then <body>会議録. */
				add(b, MB_TITLE, MR_NONE, 0, NULL, s);
				s = ustr(body);
				b->d->doc_title = xasprintf("%s会議録", s);
				free(s);
			} else
				b->d->doc_title = xasprintf("%s会議録",
				    b->d->title);
			add(b, MB_TITLE, MR_NONE, 0, NULL,
			    xstrdup(b->d->doc_title));
			bl = add(b, MB_TITLE, MR_NONE, 0, NULL, date_line(b));
			bl->level = 1;
			if (meeting_meta_str(m, "secretariat", NULL) != NULL) {
				bl = add(b, MB_TITLE, MR_NONE, 0, NULL,
				    ustr(meeting_meta_str(m, "secretariat",
				    "")));
				bl->level = 1;
			}
			break;
		}
		b->d->doc_title = xstrdup("会議録");
		add(b, MB_TITLE, MR_NONE, 0, NULL, xstrdup(b->d->doc_title));
		add_row(b, "名称", xstrdup(b->d->title));
		s = date_line(b);
		t = time_range(b);
		add_row(b, "日時", xasprintf("%s%s", s, t ? t : ""));
		free(s);
		free(t);
		add_row(b, "会場", ustr(place != NULL ? place : ""));
		s = member_list(b, 1, 0, 0, "、");
		t = staff_titles(b);
		u = ustr(staff_label(b));
		add_row(b, "出席者", *t ? xasprintf("（委員）%s\n（%s）%s", s, u,
		    t) : xasprintf("（委員）%s", s));
		free(s);
		free(t);
		free(u);
		s = observers(b, "なし");
		if (s != NULL)
			add_row(b, "傍聴者", s);
		if (m->nmaterials > 0)
			add_row(b, "配付資料", materials_list(b, "\n", 0));
		buf_init(&tmp);
		verbatim_agenda_rows(b, &tmp);
		add_row(b, "会議次第", buf_detach(&tmp));
		add_row(b, "発言の記録", xstrdup("別紙のとおり"));
		s = annex_title(b->d->title);
		bl = add(b, MB_TITLE, MR_NONE, 0, NULL,
		    xasprintf("＜%s発言記録＞", s));
		free(s);
		bl->level = 1;
		break;
	default:	/* English, every style */
		b->d->doc_title = xasprintf("Minutes: %s", b->d->title);
		add(b, MB_TITLE, MR_NONE, 0, NULL, xstrdup(b->d->doc_title));
		add_row(b, "Date", date_line(b));
		if ((t = time_range(b)) != NULL)
			add_row(b, "Time", t);
		if (place != NULL)
			add_row(b, "Place", ustr(place));
		add_row(b, "Present", member_list(b, 1, 0, 1, ", "));
		s = member_list(b, 2, 0, 1, ", ");
		if (*s != '\0')
			add_row(b, "Absent", s);
		else
			free(s);
		if ((s = observers(b, "none")) != NULL)
			add_row(b, "Observers", s);
		if (m->nmaterials > 0)
			add_row(b, "Documents", materials_list(b, "; ", 0));
		b->d->b[b->d->n - 1].flags &= ~MBF_NOGAP;
		break;
	}
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

			if (e->item >= 0 || strcmp(e->type, "signer") != 0 ||
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
heading(struct builder *b, int level, int64_t seq, char *text)
{
	struct mblock	*bl = add(b, MB_HEADING, MR_NONE, seq, NULL, text);

	bl->level = level;
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

static void
open_item(struct builder *b, const struct entry *e, int i)
{
	const struct meeting	*m = b->m;
	const struct item	*it = &m->items[i];
	char			*s, *t, *l, *dp;
	size_t			 k;
	int			 j;

	proc_flush(b);
	if (b->num[i].done)
		return;
	b->num[i].done = 1;
	for (k = 0; k < it->njoint; k++) {
		if ((j = meeting_item(m, it->joint[k])) >= 0)
			b->num[j].done = 1;
	}
	b->explained = 0;
	if (b->en) {
		for (k = 0, j = i; j >= 0; j = k < it->njoint ?
		    meeting_item(m, it->joint[k++]) : -1) {
			const struct item *jt = &m->items[j];

			l = item_label(b, j);
			t = ustr(j == i && jt->heading != NULL ? jt->heading :
			    jt->title);
			heading(b, 2, e->seq, l ? xasprintf("%s %s", l, t) :
			    xstrdup(t));
			free(l);
			free(t);
		}
		return;
	}
	switch (b->style) {
	case MINUTES_WRITTEN:
		l = item_label(b, i);
		if (it->njoint > 0 && (j = meeting_item(m,
		    it->joint[it->njoint - 1])) >= 0) {
			char *l2 = item_label(b, j);

			s = xasprintf("%s～%s", l, l2);
			free(l);
			free(l2);
			l = s;
		}
		t = ustr(it->heading != NULL ? it->heading : it->title);
		dp = it->dept != NULL ? ustr(it->dept) : NULL;
		heading(b, 2, e->seq, xasprintf("%s %s%s%s%s", l, t,
		    dp ? "（" : "", dp ? dp : "", dp ? "）" : ""));
		free(l);
		free(t);
		free(dp);
		break;
	case MINUTES_SUMMARY:
		if (is_proc(it)) {
			s = paren_num(b, ++b->top, 0);
			t = ustr(it->heading != NULL ? it->heading : it->title);
			heading(b, 1, e->seq, xasprintf("%s %s", s, t));
			free(s);
			free(t);
			b->proc_item = i;
			b->proc_seq = e->seq;
			break;
		}
		if (!b->agenda_done) {
			s = paren_num(b, ++b->top, 0);
			heading(b, 1, e->seq, xasprintf("%s 議題", s));
			free(s);
			b->agenda_done = 1;
		}
		if (it->section != NULL && (b->section == NULL ||
		    strcmp(b->section, it->section) != 0)) {
			s = circle(b, ++b->secno);
			t = ustr(it->section);
			heading(b, 2, e->seq, xasprintf("%s %s", s, t));
			free(s);
			free(t);
			b->section = it->section;
		}
		for (k = 0, j = i; j >= 0; j = k < it->njoint ?
		    meeting_item(m, it->joint[k++]) : -1) {
			const struct item *jt = &m->items[j];

			s = labelled_title(b, j, 0);
			dp = jt->dept != NULL ? ustr(jt->dept) : NULL;
			heading(b, 3, e->seq, xasprintf("%s%s%s%s", s,
			    dp ? "（" : "", dp ? dp : "", dp ? "）" : ""));
			free(s);
			free(dp);
		}
		break;
	case MINUTES_QA:
		if (is_proc(it) || it->section == NULL) {
			s = num(b, b->num[i].top);
			t = ustr(it->heading != NULL ? it->heading : it->title);
			heading(b, 1, e->seq, xasprintf("(%s) %s", s, t));
			free(s);
			free(t);
			b->section = NULL;
			if (is_proc(it))
				break;
		} else if (b->section == NULL || strcmp(b->section,
		    it->section) != 0) {
			s = num(b, b->num[i].top);
			t = qa_section(b, it);
			heading(b, 1, e->seq, xasprintf("(%s) %s", s, t));
			free(s);
			free(t);
			b->section = it->section;
		}
		if (is_report(it)) {
			if (it->section == NULL)
				break;
			t = ustr(it->heading != NULL ? it->heading : it->title);
			heading(b, 2, e->seq, xasprintf("「%s」について", t));
			free(t);
			break;
		}
		emit_hoisted_decisions(b, i);
		t = ustr(item_section(it) != NULL ? item_section(it) : "");
		heading(b, 3, e->seq, xasprintf("委員意見及び%sの回答", t));
		free(t);
		break;
	case MINUTES_VERBATIM:
		if (b->st->named)
			break;
		if (b->num[i].group_first)
			heading(b, 1, e->seq, verbatim_item_heading(b, i, 1));
		heading(b, b->num[i].sub ? 2 : 1, e->seq,
		    verbatim_item_heading(b, i, 0));
		break;
	}
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

static void
emit_speech(struct builder *b, const struct entry *e)
{
	const struct item	*it = item_at(b, e->item);
	enum mb_role		 role = member_role(b, e->member);
	struct mblock		*bl;
	char			*label, *text = NULL, *note = NULL, *d;
	int			 red = (e->flags & ENTRY_REDACTED) &&
				    b->d->o.public, label_line = 0, timed = 0;
	size_t			 w;
	/*
	 * The words as recorded, borrowed from the meeting while text is
	 * NULL; cleaned with the rest of the document at the end (clean).
	 */
	const char		*src = red ? b->d->redaction :
				    e->text != NULL ? e->text : "", *t;

	if (b->style == MINUTES_SUMMARY && b->proc_item >= 0 && !b->en) {
		buf_puts(&b->proc, src);
		return;
	}
	if (b->style == MINUTES_QA && !b->en) {
		if (it == NULL || is_proc(it) || role == MR_CHAIR)
			return;
		text = xstrdup(src);
		if (role == MR_MEMBER) {
			add(b, MB_QUESTION, role, e->seq, NULL, text);
			return;
		}
		if (is_report(it) && !b->explained) {
			d = ustr(item_section(it) != NULL ? item_section(it) :
			    staff_label(b));
			add(b, MB_PARA, MR_NONE, e->seq, NULL,
			    xasprintf("%sの説明", d));
			free(d);
			b->explained = 1;
		}
		/* An answer by another section names it. */
		if (e->label != NULL && (item_section(it) == NULL ||
		    strcmp(e->label, item_section(it)) != 0)) {
			d = ustr(e->label);
			label = xasprintf("%s（%s）", text, d);
			free(d);
			free(text);
			text = label;
		}
		bl = add(b, MB_PARA, role, e->seq, NULL, text);
		if (red)
			bl->flags |= MBF_REDACTED;
		return;
	}
	if (e->label != NULL) {
		label = ustr(e->label);
		w = utf8_width(label);
	} else
		label = speech_label(b, e->member, e->speaker, e->item, &w);
	if (b->style == MINUTES_VERBATIM && !red &&
	    (note = split_note(src, &text)) != NULL && *text == '\0' &&
	    e->started > 0 && e->ts > e->started) {
		char *n = num(b, minutes_round(e->ts - e->started)), *r;

		r = b->en ? xasprintf("%s (about %s min.)", note, n) :
		    xasprintf("%s（約%s分）", note, n);
		free(n);
		free(note);
		note = r;
		timed = 1;
	}
	/*
	 * Only a note with its duration shares the label's line (区側 （資料に
	 * より説明）（約７分）); without one the label stands alone and the
	 * note follows on the next line (003:153-155, 003:289-291).
	 */
	if (note != NULL && *text == '\0' && b->style == MINUTES_VERBATIM &&
	    !b->st->named && !b->en && !timed) {	/* text set by split_note */
		free(text);
		text = note;
		note = NULL;
		label_line = 1;
	}
	/* written: a sub-heading note goes under the first label (000:16-18). */
	if (b->style == MINUTES_WRITTEN && note == NULL &&
	    b->pending_note != NULL) {
		note = b->pending_note;
		b->pending_note = NULL;
	}
	if (text != NULL)
		bl = add(b, MB_SPEECH, role, e->seq, label, text);
	else {
		bl = add(b, MB_SPEECH, role, e->seq, label, (char *)src);
		bl->flags |= MBF_BORROWED;
	}
	t = bl->text;
	bl->note = note;
	if (red)
		bl->flags |= MBF_REDACTED;
	if ((e->flags & ENTRY_AMENDED) && !b->d->o.public)
		bl->flags |= MBF_AMENDED;
	if (label_line || b->st->label_line || (b->style == MINUTES_SUMMARY &&
	    e->kind != NULL && strcmp(e->kind, "explanation") == 0))
		bl->flags |= MBF_LABEL_LINE;
	turn(b, bl, e->member);
	/* A summary of an untranscribed passage ends the turn. */
	if ((note != NULL && *t == '\0') || label_line)
		b->turn_member = -1;
	bl->label_w = w;
	if (w > b->d->label_cols)
		b->d->label_cols = w;
}

static void
emit_note(struct builder *b, const struct entry *e)
{
	int	 red = (e->flags & ENTRY_REDACTED) && b->d->o.public;
	char	*t = red ? xstrdup(b->d->redaction) : ustr(e->text);

	if (b->style == MINUTES_SUMMARY && b->proc_item >= 0 && !b->en) {
		buf_puts(&b->proc, t);
		free(t);
		return;
	}
	if ((b->style == MINUTES_QA && !b->en) ||
	    (b->style == MINUTES_WRITTEN && e->item < 0)) {
		free(t);
		return;
	}
	if (b->style == MINUTES_WRITTEN && !b->en && !red) {
		const struct entry *end = b->m->entries + b->m->nentries, *nx;

		for (nx = e + 1; nx < end && (nx->flags & ENTRY_RETRACTED);
		    nx++)
			;
		if (nx < end && strcmp(nx->type, "speech") == 0) {
			free(b->pending_note);
			b->pending_note = t;
			return;
		}
	}
	add(b, MB_NOTE, MR_NONE, e->seq, NULL, t)->flags |=
	    red ? MBF_REDACTED : 0;
}

/* A signer's sentence (its own text or the designation), or NULL. */
static char *
signer_sentence(struct builder *b, const struct entry *e)
{
	const struct member	*mb;
	char			*n, *s;

	if (e->member < 0 || (e->flags & ENTRY_RETRACTED))
		return NULL;
	mb = &b->m->members[e->member];
	if (e->text == NULL && (s = entry_get(e, "purpose")) != NULL) {
		int sig = strcmp(s, "signature") == 0;

		free(s);
		if (sig)
			return NULL;
	}
	if (e->text != NULL)
		return ustr(e->text);
	n = ustr(mb->name);
	s = b->en ? xasprintf("%s was designated to sign the minutes.", n) :
	    xasprintf("%s%sが指名された。", n, mb->role != NULL ? mb->role :
	    "委員");
	free(n);
	return s;
}

/*
 * summary: the procedure item that designates the minute-signers (its
 * title says 署名), where a designation recorded outside any item (after
 * the meeting, as the clerk often does) is printed; -1 when none.
 */
static int
signer_item(struct builder *b)
{
	size_t	 i;

	if (b->style != MINUTES_SUMMARY || b->en)
		return -1;
	for (i = 0; i < b->m->nitems; i++) {
		if (is_proc(&b->m->items[i]) && b->m->items[i].open_ts != 0 &&
		    strstr(b->m->items[i].title, "署名") != NULL)
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
	if (b->style == MINUTES_SUMMARY && b->proc_item >= 0 && !b->en) {
		buf_puts(&b->proc, s);
		free(s);
		return;
	}
	if (b->style == MINUTES_SUMMARY || b->en)
		add(b, MB_PARA, MR_NONE, e->seq, NULL, s);
	else
		free(s);
}

static void
emit_quorum(struct builder *b, const struct entry *e)
{
	long	 seats = meeting_meta_long(b->m, "seats", 0), q, need, present;
	char	*cause = NULL, *a, *p, *n;

	if (seats <= 0 || vote_quorum_parse(meeting_meta_str(b->m, "quorum",
	    NULL), &q, &cause) != 0) {
		free(cause);
		return;
	}
	need = vote_quorum_needed(seats, q);
	present = meeting_present_at(b->m, e->seq);
	if (b->en) {
		add(b, MB_NOTE, MR_QUORUM, e->seq, NULL, xasprintf("(Quorum: "
		    "%ld of %ld members present, %ld required; the quorum is "
		    "%s.)", present, seats, need, present >= need ? "met" :
		    "not met"));
		return;
	}
	/*
	 * Published verbatim records state a quorum that holds in the
	 * secretariat's own words (003:159-165); giji adds a line only when
	 * it does not.
	 */
	if (present >= need)
		return;
	a = num(b, seats);
	p = num(b, present);
	n = num(b, need);
	add(b, MB_NOTE, MR_QUORUM, e->seq, NULL, xasprintf("（委員%s名中%s名が"
	    "出席、定足数%s名%s）", a, p, n, present >= need ? "を満たしている" :
	    "に達していない"));
	free(a);
	free(p);
	free(n);
}

static void
emit_attendance(struct builder *b, const struct entry *e)
{
	const struct member	*mb;
	char			*st, *n, *tm;
	int			 in;

	if (e->member < 0 || b->style != MINUTES_VERBATIM || b->m->open_ts == 0
	    || e->ts < b->m->open_ts)
		return;
	st = entry_get(e, "status");
	if (st == NULL || (strcmp(st, "arrived") != 0 &&
	    strcmp(st, "left") != 0)) {
		free(st);
		return;
	}
	in = strcmp(st, "arrived") == 0;
	free(st);
	mb = &b->m->members[e->member];
	tm = fmt_ts_time(b, e->ts);
	if (b->en) {
		n = member_label(b, e->member, e->speaker, e->item);
		add(b, MB_NOTE, MR_NONE, e->seq, NULL, xasprintf("(%s %s at "
		    "%s%s)", n, in ? "arrived" : "left", tm, full_stop(tm)));
	} else {
		char *one = num(b, 1);

		n = b->d->o.labels != MINUTES_LABELS_ROLE ?
		    member_label(b, e->member, e->speaker, e->item) :
		    mb->kind == MK_STAFF ? ustr(staff_label(b)) :
		    xasprintf("委員%s名", one);
		free(one);
		add(b, MB_NOTE, MR_NONE, e->seq, NULL, xasprintf("（%s %s%s）",
		    tm, n, in ? "入室" : "退室"));
	}
	free(n);
	free(tm);
}

static void
emit_signature(struct builder *b)
{
	const struct meeting	*m = b->m;
	struct buf		 out;
	const char		*body = meeting_meta_str(m, "body", NULL);
	size_t			 i, j;
	int			 ci = chair_index(b), dup;
	char			*s, *t;

	if (m->nsigners == 0)
		return;
	buf_init(&out);
	s = ustr(body != NULL ? body : b->d->title);
	buf_printf(&out, b->en ? "Signed under the rules of %s.\n" :
	    "%sの運営に関する申合せ事項により、ここに署名する。\n", s);
	if (ci >= 0) {
		const struct member *c = &m->members[ci];

		t = ustr(c->full_name != NULL ? c->full_name : c->name);
		buf_printf(&out, "%s %s\n%s", s, c->role != NULL ? c->role :
		    L(b, "会長", "Chair"), t);
		free(t);
	}
	free(s);
	for (i = 0; i < m->nsigners; i++) {
		const struct signer *sg = &m->signers[i];
		const struct member *mb;

		if (sg->member < 0 || sg->member == ci)
			continue;
		for (dup = 0, j = 0; j < i; j++)
			dup |= m->signers[j].member == sg->member;
		if (dup)
			continue;
		mb = &m->members[sg->member];
		s = ustr(mb->role != NULL ? mb->role : L(b, "委員", "Member"));
		t = ustr(mb->full_name != NULL ? mb->full_name : mb->name);
		buf_printf(&out, "\n%s\n%s", s, t);
		free(s);
		free(t);
	}
	add(b, MB_PARA, MR_SIGNATURE, 0, NULL, buf_detach(&out));
}

static char *
corr_text(const char *data)
{
	char	*t = json_get(data, "$.text"), *p;

	if (t == NULL)
		t = json_get(data, "$.title");
	if (t == NULL)
		t = xstrdup(data);
	for (p = t; *p != '\0'; p++) {
		if (*p == '\n')
			*p = ' ';
	}
	return t;
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
	size_t			 i;
	char			*when, *d, *bt, *at, *ub, *ua, *st, *r;
	struct buf		 out;

	if (b->d->o.public || m->namendments == 0)
		return;
	heading(b, 1, 0, xstrdup(L(b, "訂正等の記録", "Corrections")));
	b->d->b[b->d->n - 1].role = MR_APPENDIX;
	order = xcalloc(m->namendments, sizeof *order);
	for (i = 0; i < m->namendments; i++)
		order[i] = &m->amendments[i];
	qsort(order, m->namendments, sizeof *order, amendment_cmp);
	for (i = 0; i < m->namendments; i++) {
		const struct amendment *a = order[i];
		const char *kind;

		d = fmt_ts_date(b, a->ts);
		when = fmt_ts_time(b, a->ts);
		st = ustr(a->station);
		buf_init(&out);
		if (strcmp(a->type, "amend") == 0)
			kind = L(b, "訂正", "amended");
		else if (strcmp(a->type, "retract") == 0)
			kind = L(b, "取消し", "retracted");
		else
			kind = L(b, "非公開", "made non-public");
		buf_printf(&out, b->en ? "%s %s, station %s: event %lld (%s) "
		    "%s" : "%s%s 端末%s 記録番号%lld（%s）%s", d, when, st,
		    (long long)a->target_seq, a->target_type, kind);
		bt = corr_text(a->before);
		ub = ustr(bt);
		if (a->after != NULL) {
			at = corr_text(a->after);
			ua = ustr(at);
			buf_printf(&out, b->en ? ": \"%s\" became \"%s\"" :
			    "：「%s」を「%s」に訂正", ub, ua);
			free(at);
			free(ua);
		} else
			buf_printf(&out, b->en ? ": \"%s\"" : "：「%s」", ub);
		if (a->reason != NULL) {
			r = ustr(a->reason);
			buf_printf(&out, b->en ? " (reason: %s)" : "（理由：%s）",
			    r);
			free(r);
		}
		free(bt);
		free(ub);
		free(d);
		free(when);
		free(st);
		add(b, MB_PARA, MR_APPENDIX, a->seq, NULL, buf_detach(&out));
	}
	free(order);
}

static void
closing(struct builder *b)
{
	const char	*notice = meeting_meta_str(b->m, "notice", NULL);
	int		 h, mi;
	char		*t, *p, *nl;

	proc_flush(b);
	if (b->style == MINUTES_SUMMARY && !b->en) {
		emit_signature(b);
		return;
	}
	if (b->en) {
		if (b->style == MINUTES_SUMMARY)
			emit_signature(b);
		if (meta_hm(b, "end", b->m->close_ts, &h, &mi) == 0) {
			t = jdate_time_en(h, mi);
			add(b, MB_CLOSING, MR_NONE, 0, NULL,
			    xasprintf("Closed at %s%s", t, full_stop(t)));
			free(t);
		}
		return;
	}
	switch (b->style) {
	case MINUTES_QA:
		add(b, MB_CLOSING, MR_NONE, 0, NULL, xstrdup("以上"));
		if (notice == NULL)
			break;
		t = ustr(notice);
		for (p = t; p != NULL; p = nl) {
			if ((nl = strchr(p, '\n')) != NULL)
				*nl++ = '\0';
			if (*p != '\0')
				add(b, MB_PARA, MR_NONE, 0, NULL, xstrdup(p));
		}
		free(t);
		break;
	case MINUTES_VERBATIM:
		if (!b->st->named) {
			add(b, MB_CLOSING, MR_NONE, 0, NULL,
			    xstrdup("以   上"));
			break;
		}
		if (meta_hm(b, "end", b->m->close_ts, &h, &mi) == 0) {
			t = fmt_time(b, h, mi);
			add(b, MB_CLOSING, MR_NONE, 0, NULL,
			    xasprintf("%s閉会", t));
			free(t);
		}
		break;
	default:
		break;
	}
}

static void
proceedings(struct builder *b)
{
	const struct meeting	*m = b->m;
	size_t			 i, k;
	int			 vi;

	for (i = 0; i < m->nentries; i++) {
		const struct entry *e = &m->entries[i];
		const char	   *t = e->type;

		if (e->flags & ENTRY_RETRACTED)
			continue;
		if (strcmp(t, "speech") == 0)
			emit_speech(b, e);
		else if (strcmp(t, "note") == 0)
			emit_note(b, e);
		else if (strcmp(t, "agenda.open") == 0) {
			if (e->item >= 0)
				open_item(b, e, e->item);
		} else if (strcmp(t, "agenda.close") == 0) {
			if (e->item == b->proc_item)
				proc_flush(b);
		} else if (strcmp(t, "vote.call") == 0) {
			char *motion = entry_get(e, "motion");

			if (motion != NULL && (b->style == MINUTES_SUMMARY ||
			    b->style == MINUTES_VERBATIM || b->en))
				turn(b, add(b, MB_SPEECH, MR_CHAIR, e->seq,
				    chair_label(b), ustr(motion)),
				    chair_index(b));
			else if (motion == NULL && b->style ==
			    MINUTES_SUMMARY && !b->en &&
			    !already_said(b, e, "挙手をお願い", 1))
				add(b, MB_SPEECH, MR_CHAIR, e->seq,
				    chair_label(b), xstrdup("他に質問等がなければ"
				    "、本諮問について同意の方の挙手をお願い"
				    "したい。"));
			free(motion);
		} else if (strcmp(t, "vote.tally") == 0) {
			char *id = entry_get(e, "vote");

			vi = meeting_vote(m, id);
			free(id);
			if (vi < 0)
				continue;
			for (k = 0; k < m->votes[vi].ntallies; k++) {
				if (m->votes[vi].tallies[k].seq != e->seq)
					continue;
				if ((e->flags & ENTRY_REDACTED) &&
				    b->d->o.public)
					add(b, MB_NOTE, MR_VOTE, e->seq, NULL,
					    xstrdup(b->d->redaction));
				else if (b->style != MINUTES_WRITTEN &&
				    (b->style != MINUTES_QA || b->en)) {
					emit_tally(b, e, &m->votes[vi], k);
					if (k + 1 == m->votes[vi].ntallies)
						emit_rollcall_names(b, e,
						    &m->votes[vi]);
				}
			}
		} else if (strcmp(t, "vote.result") == 0) {
			char *id = entry_get(e, "vote");

			if ((vi = meeting_vote(m, id)) >= 0)
				emit_result_check(b, e, &m->votes[vi]);
			free(id);
		} else if (strcmp(t, "decision") == 0) {
			const struct item *it = item_at(b, e->item);

			if (b->style == MINUTES_QA && !b->en && it != NULL &&
			    !is_report(it))
				continue;	/* hoisted to the item */
			for (k = 0; k < m->ndecisions; k++) {
				if (m->decisions[k].entry != (int)i)
					continue;
				if ((e->flags & ENTRY_REDACTED) &&
				    b->d->o.public)
					add(b, MB_PARA, MR_DECISION, e->seq,
					    NULL, xstrdup(b->d->redaction));
				else
					emit_decision(b, e, &m->decisions[k]);
			}
		} else if (strcmp(t, "signer") == 0)
			emit_signer(b, e);
		else if (strcmp(t, "meeting.open") == 0) {
			if (b->style == MINUTES_SUMMARY && !b->en) {
				char *n = paren_num(b, ++b->top, 0);

				heading(b, 1, e->seq, xasprintf("%s 開会", n));
				free(n);
			}
			if ((b->style == MINUTES_VERBATIM && !b->st->named) ||
			    b->en)
				emit_quorum(b, e);
		} else if (strcmp(t, "meeting.close") == 0) {
			proc_flush(b);
			if (b->style == MINUTES_SUMMARY && !b->en) {
				char *n = paren_num(b, ++b->top, 0);

				heading(b, 1, e->seq, xasprintf("%s 閉会", n));
				free(n);
			}
		} else if (strcmp(t, "recess") == 0 ||
		    strcmp(t, "resume") == 0) {
			int  rec = t[2] == 'c';
			char *tm;

			if (b->style == MINUTES_QA || b->style ==
			    MINUTES_WRITTEN)
				continue;
			b->turn_member = -1;
			tm = fmt_ts_time(b, e->ts);
			add(b, MB_NOTE, MR_NONE, e->seq, NULL, b->en ?
			    xasprintf("(%s at %s%s)", rec ? "Recess" :
			    "Resumed", tm, full_stop(tm)) : xasprintf("（%s%s）", tm, rec ? "休憩" :
			    "再開"));
			free(tm);
		} else if (strcmp(t, "attendance") == 0) {
			b->turn_member = -1;
			emit_attendance(b, e);
		}
	}
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

/* Clean each TAB-separated cell, keeping the TABs giji put there. */
static void
clean_cells(char **s)
{
	struct buf	 out;
	const char	*p = *s, *tab;
	char		*cell;

	buf_init(&out);
	for (;;) {
		tab = strchr(p, '\t');
		cell = xstrndup(p, tab != NULL ? (size_t)(tab - p) : strlen(p));
		clean1(&cell);
		buf_puts(&out, cell);
		free(cell);
		if (tab == NULL)
			break;
		buf_putc(&out, '\t');
		p = tab + 1;
	}
	free(*s);
	*s = buf_detach(&out);
}

/*
 * Every string of the document, once more through the sanitiser: labels
 * and formulas mix user strings (roles, sections, the redaction phrase)
 * into composed text, and this is the one place that guarantees none of
 * them carries a control or bidi-override character to a renderer.
 */
static void
clean(struct mdoc *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		struct mblock	*bl = &d->b[i];

		if ((clean1(&bl->label) || bl->label_w == 0) &&
		    bl->kind == MB_SPEECH)
			bl->label_w = utf8_width(bl->label);
		if (bl->flags & MBF_TABS)
			clean_cells(&bl->text);
		else if (!(bl->flags & MBF_BORROWED))
			clean1(&bl->text);
		else if (!utf8_is_clean(bl->text, 1)) {
			bl->text = utf8_sanitize(bl->text, 1);
			bl->flags &= ~MBF_BORROWED;
		}
		clean1(&d->b[i].note);
		clean1(&d->b[i].label2);
		clean1(&d->b[i].text2);
	}
	clean1(&d->title);
	clean1(&d->doc_title);
}

struct mdoc *
mdoc_build(const struct meeting *m, const struct minutes_opts *opts,
    char **cause)
{
	struct builder	 b;
	struct mdoc	*d;
	struct minutes_opts *o;
	char		*c = NULL;
	int		 v;
	size_t		 i;

	(void)cause;
	memset(&b, 0, sizeof b);
	d = xcalloc(1, sizeof *d);
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
	META(style, "style", minutes_parse_style);
	META(lang, "lang", minutes_parse_lang);
	META(labels, "labels", minutes_parse_labels);
	META(digits, "digits", minutes_parse_digits);
	META(noon, "noon", minutes_parse_noon);
#undef META
	if (o->style == MINUTES_UNSET)
		o->style = MINUTES_SUMMARY;
	if (o->lang == MINUTES_UNSET)
		o->lang = MINUTES_JA;
	d->st = mstyle_find(o->style, o->labels);
	if (o->labels == MINUTES_UNSET)
		o->labels = d->st->labels;
	if (o->gannen == MINUTES_UNSET)
		o->gannen = meeting_meta_long(m, "gannen", 1) != 0;
	if (o->public == MINUTES_UNSET)
		o->public = 0;
	jdate_opts_default(&d->jo);
	d->jo.digits = o->digits != MINUTES_UNSET ?
	    (enum jdigits)o->digits : (enum jdigits)d->st->digits;
	d->jo.full_parens = o->digits != MINUTES_UNSET ?
	    o->digits == JDIGITS_FULL : d->st->full_parens;
	if (o->digits == MINUTES_UNSET)
		o->digits = d->st->digits;
	d->jo.gannen = o->gannen;
	d->jo.noon = o->noon != MINUTES_UNSET ? (enum jnoon)o->noon :
	    JNOON_AM12;
	if (o->noon == MINUTES_UNSET)
		o->noon = JNOON_AM12;
	d->jo.zero_minutes = d->st->zero_minutes;
	d->jo.pad_minutes = d->st->pad_minutes;
	d->redaction = o->redaction != NULL ? o->redaction :
	    meeting_meta_str(m, "redaction", "【非公開】");

	b.d = d;
	b.m = m;
	b.st = d->st;
	b.en = o->lang == MINUTES_EN;
	b.style = o->style;
	b.proc_item = -1;
	b.turn_member = -1;
	buf_init(&b.proc);
	b.labels = xcalloc(m->nmembers ? m->nmembers : 1, sizeof *b.labels);
	for (i = 0; i < m->nmembers; i++)
		b.labels[i].item = -2;
	number_items(&b);
	b.signer_item = signer_item(&b);
	d->title = meeting_title(&b);
	{
		int y, mo, dd;

		d->date_iso = meeting_ymd(&b, &y, &mo, &dd) == 0 ?
		    xasprintf("%04d-%02d-%02d", y, mo, dd) : xstrdup("");
	}
	header(&b);
	proceedings(&b);
	closing(&b);
	emit_appendix(&b);
	clean(d);
	for (i = 0; i < m->nmembers; i++)
		free(b.labels[i].label);
	free(b.labels);
	free(b.pending_note);
	buf_free(&b.proc);
	free(b.num);
	return d;
}

void
mdoc_free(struct mdoc **dp)
{
	struct mdoc	*d = *dp;
	size_t		 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->b[i].label);
		if (!(d->b[i].flags & MBF_BORROWED))
			free(d->b[i].text);
		free(d->b[i].note);
		free(d->b[i].label2);
		free(d->b[i].text2);
	}
	free(d->b);
	free(d->title);
	free(d->doc_title);
	free(d->date_iso);
	free(d->svg);
	free(d);
	*dp = NULL;
}

char *
mdoc_label(const struct mdoc *d, const struct mblock *bl)
{
	return xasprintf("%s%s%s", d->st->lbl_open, bl->label != NULL ?
	    bl->label : "", d->st->lbl_close);
}
