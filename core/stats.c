/* SPDX-License-Identifier: ISC */
/*
 * Meeting statistics: one pass over the entries of a folded meeting sums
 * speaking time (speech started → ts) per speaker and per item, counts
 * speeches, pairs recesses with resumptions; votes come from the fold.
 * The report is text, in Japanese or English, or JSON (strings through
 * json_quote_str; its keys do not change with the language); the SVG
 * chart goes into the internal HTML minutes.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "fold.h"
#include "json.h"
#include "minutes.h"
#include "stats.h"
#include "utf8.h"
#include "vote.h"
#include "xmalloc.h"
#include "xml.h"

/*
 * A vote's last tally as every screen counts it (export_tally, through
 * meeting_vote_report): the counts computed, or as recorded when the
 * rules refuse them.
 */
static void
tally_counts(const struct export_tally *x, long *yes, long *no,
    long *abstain)
{
	*yes = x->yes;
	*no = x->no;
	*abstain = x->abstain;
}

/*
 * Durations are non-negative; a sum saturates instead of overflowing (a
 * valid log may give a speech started in 1970 and recorded in 9999).
 */
static int64_t
add_sat(int64_t a, int64_t b)
{
	return b > INT64_MAX - a ? INT64_MAX : a + b;
}

struct stats *
stats_new(const struct meeting *m)
{
	struct stats	*s = xcalloc(1, sizeof *s);
	size_t		 i;

	s->nspeakers = m->nmembers;
	s->speakers = xcalloc(m->nmembers + 1, sizeof *s->speakers);
	s->nitems = m->nitems + 1;
	s->items = xcalloc(s->nitems, sizeof *s->items);
	for (i = 0; i < m->nmembers; i++)
		s->speakers[i].index = (int)i;
	for (i = 0; i < m->nitems; i++) {
		const struct item *it = &m->items[i];

		s->items[i].index = (int)i;
		if (it->open_ts != 0 && it->close_ts > it->open_ts)
			s->items[i].duration = it->close_ts - it->open_ts;
	}
	s->items[m->nitems].index = -1;
	if (m->open_ts != 0 && m->close_ts > m->open_ts)
		s->duration = m->close_ts - m->open_ts;
	return s;
}

void
stats_add(struct stats *s, const struct meeting *m, const struct entry *e)
{
	struct stats_row	*it;
	int64_t			 d = 0;
	int			 timed;

	if (e->flags & ENTRY_RETRACTED)
		return;
	switch (e->etype) {
	case EV_RECESS:
		if (s->nrecesses == s->caprecesses) {
			s->caprecesses = s->caprecesses ? s->caprecesses * 2 : 8;
			s->recesses = xreallocarray(s->recesses, s->caprecesses,
			    sizeof *s->recesses);
		}
		s->recesses[s->nrecesses].start = e->ts;
		s->recesses[s->nrecesses++].end = 0;
		return;
	case EV_RESUME:
		if (s->nrecesses > 0 && s->recesses[s->nrecesses - 1].end == 0)
			s->recesses[s->nrecesses - 1].end = e->ts;
		return;
	case EV_SPEECH:
		break;
	default:
		return;
	}
	if (e->started > 0 && e->ts > e->started)
		d = e->ts - e->started;
	timed = e->started > 0;
	s->speeches++;
	s->timed += timed;
	s->speaking = add_sat(s->speaking, d);
	if (e->member >= 0 && (size_t)e->member < s->nspeakers) {
		s->speakers[e->member].speeches++;
		s->speakers[e->member].timed += timed;
		s->speakers[e->member].speaking =
		    add_sat(s->speakers[e->member].speaking, d);
	}
	it = &s->items[e->item >= 0 && (size_t)e->item < m->nitems ?
	    (size_t)e->item : m->nitems];
	it->speeches++;
	it->timed += timed;
	it->speaking = add_sat(it->speaking, d);
}

struct stats *
stats_compute(const struct meeting *m)
{
	struct stats	*s = stats_new(m);
	size_t		 i;

	for (i = 0; i < m->nentries; i++)
		stats_add(s, m, &m->entries[i]);
	return s;
}

void
stats_free(struct stats **sp)
{
	if (*sp == NULL)
		return;
	free((*sp)->speakers);
	free((*sp)->items);
	free((*sp)->recesses);
	free(*sp);
	*sp = NULL;
}

/* h:mm:ss; a span that ends before it begins (clocks set back) is -h:mm:ss. */
static char *
hms(int64_t us)
{
	long	 s = (long)(us / 1000000);
	int	 neg = s < 0;

	if (neg)
		s = -s;
	return xasprintf("%s%ld:%02ld:%02ld", neg ? "-" : "", s / 3600,
	    s / 60 % 60, s % 60);
}

/* Speaking time, or "-" when none of the speeches had a start time. */
static char *
speaking(long speeches, long timed, int64_t us)
{
	if (speeches > 0 && timed == 0)
		return xstrdup("-");
	return hms(us);
}

static void
jlong_or_null(struct buf *o, const char *key, int known, long n)
{
	if (known)
		buf_printf(o, ",\"%s\":%ld", key, n);
	else
		buf_printf(o, ",\"%s\":null", key);
}

static void
jchoice(struct buf *o, const char *key, enum vote_choice c)
{
	buf_printf(o, ",\"%s\":", key);
	if (c == VOTE_NONE)
		buf_puts(o, "null");
	else
		json_buf_str(o, vote_choice_name(c));
}

/* The vote's computed result: rule, who counted, what was needed. */
static void
report_json_vote(struct buf *o, const struct meeting *m,
    const struct export_tally *x)
{
	const struct vote_report	*r = &x->report;
	const struct vote_result	*res = &r->result;
	char				*w;

	buf_puts(o, ",\"rule\":");
	json_buf_str(o, vote_rule_name(r->spec.rule));
	jlong_or_null(o, "present", 1, r->spec.present);
	jlong_or_null(o, "quorum", r->spec.quorum > 0, r->spec.quorum);
	jlong_or_null(o, "voters", r->computed, res->voters);
	jlong_or_null(o, "needed", r->computed, res->needed);
	jchoice(o, "casting", r->computed ? res->counts.casting : VOTE_NONE);
	jchoice(o, "presiding", r->computed ? res->counts.presiding :
	    VOTE_NONE);
	buf_printf(o, ",\"quorum_met\":%s", r->computed &&
	    (res->flags & VOTE_F_NO_QUORUM) ? "false" : "true");
	buf_puts(o, ",\"computed\":");
	if (r->computed)
		json_buf_str(o, vote_outcome_name(res->outcome));
	else
		buf_puts(o, "null");
	if (r->cause != NULL) {
		buf_puts(o, ",\"problem\":");
		json_buf_str(o, r->cause);
	}
	buf_puts(o, ",\"outcome\":");
	if (r->known)
		json_buf_str(o, vote_outcome_name(r->outcome));
	else
		buf_puts(o, "null");
	buf_puts(o, ",\"recorded\":");
	if (r->recorded)
		json_buf_str(o, vote_outcome_name(r->recorded_outcome));
	else
		buf_puts(o, "null");
	buf_printf(o, ",\"differs\":%s", r->differs ? "true" : "false");
	buf_puts(o, ",\"words\":");
	if ((w = meeting_vote_words(m, r, 0)) != NULL) {
		json_buf_str(o, w);
		free(w);
	} else
		buf_puts(o, "null");
	buf_puts(o, ",\"words_en\":");
	if ((w = meeting_vote_words(m, r, 1)) != NULL) {
		json_buf_str(o, w);
		free(w);
	} else
		buf_puts(o, "null");
}

static char *
report_json(const struct meeting *m, const struct stats *s, size_t *len)
{
	struct buf	 o;
	size_t		 i, k;

	buf_init(&o);
	buf_printf(&o, "{\"speeches\":%ld,\"speaking_s\":%lld,"
	    "\"duration_s\":%lld,\"speakers\":[", s->speeches,
	    (long long)(s->speaking / 1000000),
	    (long long)(s->duration / 1000000));
	for (i = k = 0; i < s->nspeakers; i++) {
		const struct stats_row *r = &s->speakers[i];

		if (r->speeches == 0)
			continue;
		buf_puts(&o, k++ ? "," : "");
		buf_puts(&o, "{\"id\":");
		json_buf_str(&o, m->members[i].id);
		buf_puts(&o, ",\"name\":");
		json_buf_str(&o, m->members[i].name);
		buf_printf(&o, ",\"speeches\":%ld,\"speaking_s\":%lld}",
		    r->speeches, (long long)(r->speaking / 1000000));
	}
	buf_puts(&o, "],\"items\":[");
	for (i = 0; i < m->nitems; i++) {
		const struct stats_row *r = &s->items[i];

		buf_puts(&o, i ? "," : "");
		buf_puts(&o, "{\"id\":");
		json_buf_str(&o, m->items[i].id);
		if (m->items[i].label != NULL) {
			buf_puts(&o, ",\"label\":");
			json_buf_str(&o, m->items[i].label);
		}
		buf_puts(&o, ",\"title\":");
		json_buf_str(&o, m->items[i].title);
		buf_printf(&o, ",\"speeches\":%ld,\"speaking_s\":%lld,"
		    "\"duration_s\":%lld}", r->speeches,
		    (long long)(r->speaking / 1000000),
		    (long long)(r->duration / 1000000));
	}
	buf_puts(&o, "],\"votes\":[");
	for (i = 0; i < m->nvotes; i++) {
		const struct vote	*v = &m->votes[i];
		const struct tally	*t = v->ntallies ?
					    &v->tallies[v->ntallies - 1] : NULL;
		struct export_tally	 x;

		export_tally(m, v, t, &x);
		buf_puts(&o, i ? "," : "");
		buf_puts(&o, "{\"id\":");
		json_buf_str(&o, v->id);
		buf_puts(&o, ",\"item\":");
		if (v->item_id != NULL)
			json_buf_str(&o, v->item_id);
		else
			buf_puts(&o, "null");
		buf_puts(&o, ",\"method\":");
		json_buf_str(&o, v->method);
		buf_printf(&o, ",\"tallies\":%zu", v->ntallies);
		if (t != NULL) {
			long yes, no, abstain;

			tally_counts(&x, &yes, &no, &abstain);
			buf_printf(&o, ",\"for\":%ld,\"against\":%ld,"
			    "\"abstain\":%ld,\"unanimous\":%s", yes, no,
			    abstain, t->unanimous ? "true" : "false");
		}
		buf_printf(&o, ",\"recounts\":%zu", meeting_vote_recounts(v));
		report_json_vote(&o, m, &x);
		buf_printf(&o, ",\"declared\":%s}", v->declared ? "true" :
		    "false");
		export_tally_clear(&x);
	}
	buf_puts(&o, "],\"recesses\":[");
	for (i = 0; i < s->nrecesses; i++) {
		const struct stats_recess *r = &s->recesses[i];
		char *a = clock_iso(r->start, meeting_tz(m));

		buf_printf(&o, "%s{\"start\":\"%s\",\"duration_s\":", i ?
		    "," : "", a);
		free(a);
		if (r->end != 0)
			buf_printf(&o, "%lld}",
			    (long long)((r->end - r->start) / 1000000));
		else
			buf_puts(&o, "null}");
	}
	buf_puts(&o, "]}\n");
	*len = o.len;
	return buf_detach(&o);
}

static void
cell(struct buf *o, const char *s, size_t cols)
{
	char	*c = utf8_sanitize(s != NULL ? s : "", 0);
	char	*clip = utf8_clip(c, cols), *p = utf8_padr(clip, cols);

	buf_puts(o, p);
	free(c);
	free(clip);
	free(p);
}

/* cols, or the display width of s when wider (up to 60 columns). */
static size_t
col_width(size_t cols, const char *s)
{
	char	*c = utf8_sanitize(s != NULL ? s : "", 0);
	size_t	 w = utf8_width(c);

	free(c);
	if (w > 60)
		w = 60;
	return w > cols ? w : cols;
}

/* A heading or word right-aligned in cols display columns. */
static void
rcell(struct buf *o, const char *s, size_t cols)
{
	size_t	 w = utf8_width(s);

	for (; w < cols; w++)
		buf_putc(o, ' ');
	buf_puts(o, s);
}

/* A heading over a column of numbers: two spaces, then right-aligned. */
static void
rcol(struct buf *o, const char *s, size_t cols)
{
	buf_puts(o, "  ");
	rcell(o, s, cols);
}

/* The words of the text report, one set per language. */
struct stats_words {
	const char	*speaker;
	const char	*speeches;
	const char	*speaking;
	const char	*item;
	const char	*duration;
	const char	*vote;
	const char	*method;
	const char	*n_for;
	const char	*n_against;
	const char	*n_abstain;
	const char	*recounts;
	const char	*outcome;
	const char	*all;		/* all in favour, without counts */
	const char	*declared;	/* after the outcome */
	const char	*recesses;
	const char	*not_resumed;
	const char	*names[2][2];	/* outcomes as printed */
	int		 method_words;	/* methods as vote_method_word */
};

static const struct stats_words stats_ja = {
	.speaker = "発言者", .speeches = "発言数", .speaking = "発言時間",
	.item = "議題", .duration = "所要時間",
	.vote = "採決", .method = "方法", .n_for = "賛成", .n_against = "反対",
	.n_abstain = "棄権", .recounts = "再集計", .outcome = "結果",
	.all = "全員", .declared = "（議長宣言）",
	.recesses = "休憩", .not_resumed = "再開なし",
	.names = { { "carried", "可決" }, { "failed", "否決" } },
	.method_words = 1
};

static const struct stats_words stats_en = {
	.speaker = "speaker", .speeches = "speeches", .speaking = "speaking",
	.item = "item", .duration = "duration",
	.vote = "vote", .method = "method", .n_for = "for",
	.n_against = "against", .n_abstain = "abstain",
	.recounts = "recounts", .outcome = "outcome",
	.all = "all", .declared = " (declared)",
	.recesses = "recesses", .not_resumed = "not resumed",
	.names = { { NULL, NULL } }
};

/* An outcome as the language prints it (unknown: as it is). */
static const char *
stats_name(const struct stats_words *w, const char *s)
{
	size_t	 i;

	if (s == NULL)
		return "";
	for (i = 0; i < sizeof w->names / sizeof w->names[0]; i++) {
		if (w->names[i][0] != NULL && strcmp(w->names[i][0], s) == 0)
			return w->names[i][1];
	}
	return s;
}

static char *
report_text(const struct meeting *m, const struct stats *s, int lang,
    size_t *len)
{
	const struct stats_words *w = lang == MINUTES_EN ? &stats_en :
				    &stats_ja;
	struct buf	 o;
	size_t		 i, ws, wi;
	char		*a, *b, **names;

	buf_init(&o);
	a = hms(s->duration);
	b = speaking(s->speeches, s->timed, s->speaking);
	if (lang == MINUTES_EN)
		buf_printf(&o, "meeting: %s long, %ld speeches, %s "
		    "speaking\n\n", a, s->speeches, b);
	else
		buf_printf(&o, "会議時間 %s、発言 %ld 件、発言時間 %s\n\n", a,
		    s->speeches, b);
	free(a);
	free(b);
	/* The name and title columns as wide as their widest, up to 60. */
	ws = utf8_width(w->speaker);
	for (i = 0; i < s->nspeakers; i++) {
		if (s->speakers[i].speeches > 0)
			ws = col_width(ws, m->members[i].name);
	}
	/* An item by its label and title (HB 1123 Concerning …). */
	names = xcalloc(m->nitems + 1, sizeof *names);
	for (i = 0; i < m->nitems; i++)
		names[i] = m->items[i].label != NULL ? xasprintf("%s %s",
		    m->items[i].label, m->items[i].title) :
		    xstrdup(m->items[i].title);
	wi = utf8_width(w->item);
	for (i = 0; i < m->nitems; i++)
		wi = col_width(wi, names[i]);
	ws += 2;	/* two spaces before the numbers' column */
	wi += 2;
	cell(&o, w->speaker, ws);
	rcell(&o, w->speeches, 8);
	rcol(&o, w->speaking, 8);
	buf_putc(&o, '\n');
	for (i = 0; i < s->nspeakers; i++) {
		const struct stats_row *r = &s->speakers[i];

		if (r->speeches == 0)
			continue;
		cell(&o, m->members[i].name, ws);
		a = speaking(r->speeches, r->timed, r->speaking);
		buf_printf(&o, "%8ld  %8s\n", r->speeches, a);
		free(a);
	}
	buf_putc(&o, '\n');
	cell(&o, w->item, wi);
	rcell(&o, w->speeches, 8);
	rcol(&o, w->speaking, 8);
	rcol(&o, w->duration, 8);
	buf_putc(&o, '\n');
	for (i = 0; i < m->nitems; i++) {
		const struct stats_row *r = &s->items[i];

		cell(&o, names[i], wi);
		a = speaking(r->speeches, r->timed, r->speaking);
		b = hms(r->duration);
		buf_printf(&o, "%8ld  %8s  %8s\n", r->speeches, a, b);
		free(a);
		free(b);
		free(names[i]);
	}
	free(names);
	if (m->nvotes > 0) {
		buf_putc(&o, '\n');
		cell(&o, w->vote, 10);
		cell(&o, w->method, 9);
		rcell(&o, w->n_for, 4);
		rcol(&o, w->n_against, 7);
		rcol(&o, w->n_abstain, 7);
		rcol(&o, w->recounts, 8);
		buf_printf(&o, "  %s\n", w->outcome);
	}
	for (i = 0; i < m->nvotes; i++) {
		const struct vote	*v = &m->votes[i];
		const struct tally	*t = v->ntallies ?
					    &v->tallies[v->ntallies - 1] : NULL;
		struct export_tally	 x;
		char			*words;

		export_tally(m, v, t, &x);
		cell(&o, v->id, 10);
		cell(&o, w->method_words && v->method != NULL ?
		    vote_method_word(v->method) : stats_name(w, v->method), 9);
		if (t != NULL && t->unanimous && !t->has_counts) {
			rcell(&o, w->all, 4);
			buf_printf(&o, "  %7s  %7s", "-", "-");
		} else if (t != NULL) {
			long yes, no, abstain;

			tally_counts(&x, &yes, &no, &abstain);
			buf_printf(&o, "%4ld  %7ld  %7ld", yes, no, abstain);
		} else
			buf_printf(&o, "%4s  %7s  %7s", "-", "-", "-");
		buf_printf(&o, "  %8zu", meeting_vote_recounts(v));
		/* The result as every screen words it; none yet: no blanks. */
		words = meeting_vote_words(m, &x.report, lang == MINUTES_EN);
		if (words != NULL || v->declared)
			buf_printf(&o, "  %s%s", words != NULL ? words : "",
			    v->declared ? w->declared : "");
		free(words);
		buf_putc(&o, '\n');
		export_tally_clear(&x);
	}
	if (s->nrecesses > 0)
		buf_printf(&o, "\n%s\n", w->recesses);
	for (i = 0; i < s->nrecesses; i++) {
		const struct stats_recess *r = &s->recesses[i];
		char *t = clock_iso(r->start, meeting_tz(m));

		a = r->end ? hms(r->end - r->start) : xstrdup(w->not_resumed);
		buf_printf(&o, "%s  %s\n", t, a);
		free(t);
		free(a);
	}
	*len = o.len;
	return buf_detach(&o);
}

char *
stats_report(const struct meeting *m, int json, int lang, size_t *len)
{
	struct stats	*s = stats_compute(m);
	const char	*ml;
	char		*r, *cause = NULL;

	/* As giji minutes reads it: the option, meta.set lang, Japanese. */
	if (lang != MINUTES_JA && lang != MINUTES_EN) {
		ml = meeting_meta_str(m, "lang", NULL);
		if (ml == NULL || minutes_parse_lang(ml, &lang, &cause) != 0)
			lang = MINUTES_JA;
		free(cause);
	}
	r = json ? report_json(m, s, len) : report_text(m, s, lang, len);
	stats_free(&s);
	return r;
}

/* A name in the chart: cleaned for display as everywhere, then escaped. */
static void
xesc(struct buf *o, const char *s)
{
	char	*c = utf8_sanitize(s != NULL ? s : "", 0);

	xml_escape_str(o, c, XML_QUOTES);
	free(c);
}

char *
stats_svg(const struct stats *s, const struct meeting *m)
{
	struct buf	 o;
	int64_t		 max = 0;
	size_t		 i, n = 0;
	int		 y;

	for (i = 0; i < s->nspeakers; i++) {
		if (s->speakers[i].speaking > max)
			max = s->speakers[i].speaking;
		n += s->speakers[i].speaking > 0;
	}
	if (max == 0)
		return NULL;
	buf_init(&o);
	buf_printf(&o, "<div class=\"chart\">\n<svg xmlns=\"http://www.w3."
	    "org/2000/svg\" width=\"600\" height=\"%zu\" viewBox=\"0 0 600 "
	    "%zu\" role=\"img\">\n", n * 20 + 10, n * 20 + 10);
	for (i = 0, y = 5; i < s->nspeakers; i++) {
		const struct stats_row *r = &s->speakers[i];
		long w;

		if (r->speaking == 0)
			continue;
		w = r->speaking <= INT64_MAX / 380 ?
		    (long)(r->speaking * 380 / max) :
		    (long)((double)r->speaking / (double)max * 380);
		buf_puts(&o, "<text x=\"0\" y=\"");
		buf_printf(&o, "%d\" font-size=\"11\">", y + 12);
		xesc(&o, m->members[i].name);
		buf_printf(&o, "</text><rect x=\"160\" y=\"%d\" width=\"%ld\" "
		    "height=\"14\" fill=\"#555\"/><text x=\"%ld\" y=\"%d\" "
		    "font-size=\"11\">%ld min</text>\n", y + 2, w > 0 ? w : 1,
		    165 + w, y + 12, (long)(r->speaking / 60000000 +
		    (r->speaking % 60000000 >= 30000000)));
		y += 20;
	}
	buf_puts(&o, "</svg>\n<p class=\"caption\">発言時間 (speaking time)"
	    "</p>\n</div>\n");
	return buf_detach(&o);
}
