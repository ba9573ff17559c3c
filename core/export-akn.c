/* SPDX-License-Identifier: ISC */
/*
 * Akoma Ntoso 3.0 (OASIS LegalDocML): a meeting as a `debate` document.
 * docs/open-data.md maps each event to its element; the vendored schema
 * (the folder GIJI_VENDOR names, never copied here) is what the tests
 * validate against.
 *
 * The body is written first, into its own buffer, because meta/analysis
 * points at the summaries and quantities of the text (count@href): while
 * the body is written the eId of each tally's summary is noted, then meta
 * is written with those eIds and the two are joined. Every eId is built
 * from counters and from ids restricted to [A-Za-z0-9_] (others fall back
 * to an index with a '-', which no kept id contains), so eIds are unique
 * whatever the log holds. Every user string goes through akn_text(): XML
 * escapes, characters illegal in XML 1.0 dropped, invalid UTF-8 replaced.
 *
 * The export borrows the meeting and owns only its buffers and tables.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "fold.h"
#include "jdate.h"
#include "json.h"
#include "utf8.h"
#include "xmalloc.h"
#include "xml.h"

#define AKN_NS	"http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define GIJI_NS	"urn:x-giji:log"

/* The summary written for one tally (or a vote without a tally). */
struct akn_mark {
	int		 vote;
	size_t		 tally;
	char		*summary;	/* eId in the body */
	int		 quantities;	/* the summary holds qty_* */
};

struct akn {
	const struct meeting	*m;
	enum export_lang	 lang;
	int			 public;
	int			 anon;		/* public with role-only labels */
	const char		*redaction;
	const char		*tz;
	const char		*text_lang;	/* xml:lang of what was typed */
	char			**roles;	/* distinct member roles */
	size_t			 nroles;
	char			**depts;	/* distinct departments */
	size_t			 ndepts;
	struct akn_mark		*marks;
	size_t			 nmarks;
	int			 nsect;
	int			 nsub;		/* children of the section */
	char			 sect[32];	/* eId of the open section */
	int			 open;		/* a section is open */
	int			 cur_item;
	int			 closed_said;	/* the closed item omitted (public), or CLOSED_NONE */
};

/*
 * Escape s for text and attributes, cleaned first as every output meant
 * for reading is (utf8_sanitize: a control character becomes U+FFFD, a
 * bidi control is dropped), then kept to what XML 1.0 can hold.
 */
static void
akn_text(struct buf *b, const char *s)
{
	char	*clean;

	if (s == NULL)
		return;
	clean = utf8_sanitize(s, 1);
	xml_escape_str(b, clean, XML_QUOTES|XML_STRICT|XML_SPACE);
	free(clean);
}

/* An id usable in an eId as is, or NULL. */
static int
akn_id_ok(const char *id)
{
	const char	*p;

	if (id == NULL || *id == '\0' || strlen(id) > 64)
		return 0;
	for (p = id; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_'))
			return 0;
	}
	return 1;
}

/* m_<id>; m-<n> for other ids, and always when anonymised (ids are names). */
static char *
akn_member_eid(const struct akn *a, int i)
{
	const struct member	*mb = &a->m->members[i];

	if (!a->anon && akn_id_ok(mb->id))
		return xasprintf("m_%s", mb->id);
	return xasprintf("m-%d", i + 1);
}

static char *
akn_vote_eid(int i, const struct vote *v)
{
	if (akn_id_ok(v->id))
		return xasprintf("vote_%s", v->id);
	return xasprintf("vote-%d", i + 1);
}

/* Index of s in a table of distinct strings, adding it; -1 for NULL. */
static int
akn_intern(char ***tab, size_t *n, const char *s)
{
	size_t	 i;

	if (s == NULL || *s == '\0')
		return -1;
	for (i = 0; i < *n; i++) {
		if (strcmp((*tab)[i], s) == 0)
			return (int)i;
	}
	*tab = xreallocarray(*tab, *n + 1, sizeof **tab);
	(*tab)[*n] = xstrdup(s);
	return (int)(*n)++;
}

static int
akn_find(char **tab, size_t n, const char *s)
{
	size_t	 i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(tab[i], s) == 0)
			return (int)i;
	}
	return -1;
}

/* xsd:dateTime in the meeting's zone. */
static char *
akn_time(const struct akn *a, int64_t ts)
{
	return clock_iso(ts, a->tz);
}

/* YYYY-MM-DD of ts in the meeting's zone. */
static char *
akn_date_of(const struct akn *a, int64_t ts)
{
	struct clock_tm	 tm;

	if (clock_local(ts, a->tz, &tm) != 0)
		return xstrdup("1970-01-01");
	return xasprintf("%04d-%02d-%02d", tm.y, tm.mon, tm.d);
}

/* 午後2時00分 / 2:00 p.m. */
static char *
akn_clock_words(const struct akn *a, int64_t ts)
{
	struct clock_tm	 tm;
	char		*s;

	if (clock_local(ts, a->tz, &tm) != 0)
		return xstrdup("");
	s = a->lang == EXPORT_EN ? jdate_time_en(tm.h, tm.min) :
	    jdate_time(tm.h, tm.min, NULL);
	return s != NULL ? s : xstrdup("");
}

/* The meeting's date: meta date when valid, else the first event's. */
static char *
akn_meeting_date(const struct akn *a)
{
	const char	*d = meeting_meta_str(a->m, "date", NULL);
	int		 y, mo, dd;

	if (d != NULL && jdate_parse(d, &y, &mo, &dd) == 0)
		return xasprintf("%04d-%02d-%02d", y, mo, dd);
	if (a->m->open_ts != 0)
		return akn_date_of(a, a->m->open_ts);
	if (a->m->first_ts != 0)
		return akn_date_of(a, a->m->first_ts);
	return xstrdup("1970-01-01");
}

/*
 * The work's number: meta number with anything outside [A-Za-z0-9-]
 * turned into '-', else the first 8 hex digits of the earliest uuid the
 * fold keeps (stable for the life of the log).
 */
static char *
akn_number(const struct akn *a)
{
	const struct meeting	*m = a->m;
	const char		*n = meeting_meta_str(m, "number", NULL);
	const char		*u = NULL;
	int64_t			 best = INT64_MAX;
	char			*s, *p;

	if (n != NULL && *n != '\0' && strlen(n) <= 64) {
		s = xstrdup(n);
		for (p = s; *p != '\0'; p++) {
			if (!((*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || *p == '-'))
				*p = '-';
		}
		return s;
	}
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
	if (u == NULL || strlen(u) < 8)
		return xstrdup("1");
	return xstrndup(u, 8);
}

/* How a member is printed: name and role, or the role alone. */
static char *
akn_label(const struct akn *a, const struct member *mb)
{
	const char	*role = mb->role;

	if (a->anon)
		return xstrdup(role != NULL ? role :
		    (a->lang == EXPORT_EN ? "Member" : "委員"));
	if (role == NULL || mb->kind == MK_GROUP)
		return xstrdup(mb->name);
	if (a->lang == EXPORT_EN)
		return xasprintf("%s (%s)", mb->name, role);
	return xasprintf("%s%s", mb->name, role);
}

/* showAs of a member: the full name unless anonymised. */
static const char *
akn_show(const struct akn *a, const struct member *mb)
{
	if (a->anon)
		return mb->role != NULL ? mb->role :
		    (a->lang == EXPORT_EN ? "Member" : "委員");
	return mb->full_name != NULL ? mb->full_name : mb->name;
}

/* by= and as= of member i (or of the body when i < 0). */
static void
akn_by_as(struct akn *a, struct buf *b, int i)
{
	const struct member	*mb;
	char			*eid;
	int			 r;

	if (i < 0 || (size_t)i >= a->m->nmembers) {
		buf_puts(b, " by=\"#body\"");
		return;
	}
	mb = &a->m->members[i];
	eid = akn_member_eid(a, i);
	buf_printf(b, " by=\"#%s\"", eid);
	free(eid);
	if (mb->kind != MK_GROUP &&
	    (r = akn_find(a->roles, a->nroles, mb->role)) >= 0)
		buf_printf(b, " as=\"#role_%d\"", r + 1);
}

/*
 * A member named by a field (mover, seconder, candidate, owner): an inline
 * <person> with the role it plays (a TLCRole of giji's), or the name as
 * given when it is not a member.
 */
static void
akn_person(struct akn *a, struct buf *b, int mi, const char *given,
    const char *as)
{
	char	*eid;

	if (mi < 0 || (size_t)mi >= a->m->nmembers ||
	    a->m->members[mi].kind == MK_GROUP) {
		akn_text(b, given != NULL ? given : "");
		return;
	}
	eid = akn_member_eid(a, mi);
	buf_printf(b, "<person refersTo=\"#%s\" as=\"#%s\">", eid, as);
	free(eid);
	akn_text(b, akn_show(a, &a->m->members[mi]));
	buf_puts(b, "</person>");
}

static void
akn_note_mark(struct akn *a, int vote, size_t tally, const char *summary,
    int quantities)
{
	struct akn_mark	*mk;

	a->marks = xreallocarray(a->marks, a->nmarks + 1, sizeof *a->marks);
	mk = &a->marks[a->nmarks++];
	mk->vote = vote;
	mk->tally = tally;
	mk->summary = xstrdup(summary);
	mk->quantities = quantities;
}

static const struct akn_mark *
akn_mark(const struct akn *a, int vote, size_t tally)
{
	size_t	 i;

	for (i = 0; i < a->nmarks; i++) {
		if (a->marks[i].vote == vote && a->marks[i].tally == tally)
			return &a->marks[i];
	}
	return NULL;
}

/* ---- body ---- */

static void
akn_close_section(struct akn *a, struct buf *b)
{
	if (a->open)
		buf_puts(b, "      </debateSection>\n");
	a->open = 0;
}

static void
akn_open_section(struct akn *a, struct buf *b, int item)
{
	const struct item	*it;

	akn_close_section(a, b);
	a->nsect++;
	a->nsub = 0;
	a->open = 1;
	a->cur_item = item;
	snprintf(a->sect, sizeof a->sect, "dbsect_%d", a->nsect);
	if (item < 0 || (size_t)item >= a->m->nitems) {
		buf_printf(b, "      <debateSection eId=\"%s\" "
		    "name=\"proceedings\">\n", a->sect);
		return;
	}
	it = &a->m->items[item];
	buf_printf(b, "      <debateSection eId=\"%s\" name=\"agendaItem\">\n",
	    a->sect);
	/* A redacted item: neither its label nor its title is public. */
	if (a->public && it->redacted) {
		buf_puts(b, "        <heading><omissis>");
		akn_text(b, a->redaction);
		buf_puts(b, "</omissis></heading>\n");
		return;
	}
	if (it->label != NULL) {
		buf_puts(b, "        <num>");
		akn_text(b, it->label);
		buf_puts(b, "</num>\n");
	}
	buf_puts(b, "        <heading>");
	akn_text(b, it->heading != NULL && !(a->public &&
	    it->heading_redacted) ? it->heading : it->title);
	buf_puts(b, "</heading>\n");
}

/* A fresh eId inside the open section: dbsect_3__speech_2. */
static char *
akn_child(struct akn *a, const char *what)
{
	return xasprintf("%s__%s_%d", a->sect, what, ++a->nsub);
}

/* Paragraphs of text, one <p> per line; the redaction when hidden. */
static void
akn_paras(struct akn *a, struct buf *b, const char *text, int hidden,
    const char *wrap)
{
	const char	*p, *nl;
	char		*line;

	if (hidden) {
		buf_printf(b, "          <p xml:lang=\"%s\"><omissis>",
		    a->text_lang);
		akn_text(b, a->redaction);
		buf_puts(b, "</omissis></p>\n");
		return;
	}
	p = text != NULL ? text : "";
	do {
		nl = strchr(p, '\n');
		line = nl != NULL ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		buf_printf(b, "          <p xml:lang=\"%s\">", a->text_lang);
		if (wrap != NULL)
			buf_printf(b, "<%s>", wrap);
		akn_text(b, line);
		if (wrap != NULL)
			buf_printf(b, "</%s>", wrap);
		buf_puts(b, "</p>\n");
		free(line);
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
}

/* The text an entry had before the first amendment of it, or NULL. */
static char *
akn_original_text(const struct akn *a, const struct entry *e)
{
	size_t	 i;
	char	*t;

	for (i = 0; i < a->m->namendments; i++) {
		const struct amendment *am = &a->m->amendments[i];

		if (event_type_find(am->type) == EV_AMEND &&
		    strcmp(am->target, e->uuid) == 0 &&
		    (t = json_get(am->before, "$.text")) != NULL)
			return t;
	}
	return NULL;
}

/* Open a narrative (or summary) with its eId; the caller closes it. */
static void
akn_block(struct akn *a, struct buf *b, const char *el)
{
	char	*eid = akn_child(a, el);

	buf_printf(b, "        <%s eId=\"%s\">", el, eid);
	free(eid);
}

static void
akn_narrative(struct akn *a, struct buf *b, const char *text)
{
	akn_block(a, b, "narrative");
	akn_text(b, text);
	buf_puts(b, "</narrative>\n");
}

static void
akn_speech(struct akn *a, struct buf *b, const struct entry *e)
{
	const char	*el = "speech";
	char		*eid, *t, *label, *orig;
	int		 hidden = a->public && (e->flags & ENTRY_REDACTED);

	if (e->kind != NULL && strcmp(e->kind, "question") == 0)
		el = "question";
	else if (e->kind != NULL && strcmp(e->kind, "answer") == 0)
		el = "answer";
	eid = akn_child(a, el);
	buf_printf(b, "        <%s eId=\"%s\"", el, eid);
	free(eid);
	akn_by_as(a, b, e->member);
	if (e->started != 0 && e->started <= e->ts) {
		t = akn_time(a, e->started);
		buf_printf(b, " startTime=\"%s\"", t);
		free(t);
	}
	t = akn_time(a, e->ts);
	buf_printf(b, " endTime=\"%s\">\n", t);
	free(t);
	buf_puts(b, "          <from>");
	if (e->label != NULL && !a->anon && !hidden)
		label = xstrdup(e->label);
	else if (e->member >= 0)
		label = akn_label(a, &a->m->members[e->member]);
	else
		label = xstrdup(e->speaker != NULL ? e->speaker : "");
	akn_text(b, label);
	free(label);
	buf_puts(b, "</from>\n");
	orig = NULL;
	if (!a->public && (e->flags & ENTRY_AMENDED))
		orig = akn_original_text(a, e);
	if (orig != NULL && e->text != NULL && strcmp(orig, e->text) != 0) {
		akn_paras(a, b, orig, 0, "del");
		akn_paras(a, b, e->text, 0, "ins");
	} else
		akn_paras(a, b, e->text, hidden, NULL);
	free(orig);
	buf_printf(b, "        </%s>\n", el);
}

/* A procedural line: （休憩） with the time. */
static void
akn_timed(struct akn *a, struct buf *b, const struct entry *e,
    const char *ja, const char *en)
{
	char	*iso = akn_time(a, e->ts), *w = akn_clock_words(a, e->ts);

	akn_block(a, b, "narrative");
	buf_puts(b, a->lang == EXPORT_EN ? "(" : "（");
	buf_printf(b, "<time time=\"%s\">", iso);
	akn_text(b, w);
	buf_puts(b, "</time>");
	buf_puts(b, a->lang == EXPORT_EN ? " " : "　");
	buf_puts(b, a->lang == EXPORT_EN ? en : ja);
	buf_puts(b, a->lang == EXPORT_EN ? ")" : "）");
	buf_puts(b, "</narrative>\n");
	free(iso);
	free(w);
}

static void
akn_attendance(struct akn *a, struct buf *b, const struct entry *e)
{
	char	*status = entry_get(e, "status"), *label, *s;

	if (status == NULL || e->member < 0 ||
	    (strcmp(status, "arrived") != 0 && strcmp(status, "left") != 0)) {
		free(status);
		return;
	}
	label = akn_label(a, &a->m->members[e->member]);
	if (a->lang == EXPORT_EN)
		s = xasprintf("(%s %s)", label,
		    status[0] == 'a' ? "arrives" : "leaves");
	else
		s = xasprintf("（%s%s）", label,
		    status[0] == 'a' ? "入室" : "退室");
	akn_narrative(a, b, s);
	free(s);
	free(label);
	free(status);
}

static const char *
akn_method_words(const struct akn *a, const char *method)
{
	static const char *const tab[][3] = {
		{ "hands", "挙手", "show of hands" },
		{ "unanimous", "全員挙手", "all in favour" },
		{ "consent", "異議の有無", "no objection" },
		{ "rollcall", "記名投票", "roll call" },
		{ "written", "書面", "written consent" },
	};
	size_t	 i;

	for (i = 0; method != NULL && i < sizeof tab / sizeof tab[0]; i++) {
		if (strcmp(tab[i][0], method) == 0)
			return tab[i][a->lang == EXPORT_EN ? 2 : 1];
	}
	return a->lang == EXPORT_EN ? "vote" : "採決";
}

static const struct item *
akn_item(const struct akn *a, int i)
{
	return i >= 0 && (size_t)i < a->m->nitems ? &a->m->items[i] : NULL;
}

static void
akn_vote_call(struct akn *a, struct buf *b, const struct entry *e)
{
	int			 vi, hide;
	const struct vote	*v;
	const struct item	*it;
	const char		*motion;
	char			*id = entry_get(e, "id");

	vi = meeting_vote(a->m, id);
	free(id);
	if (vi < 0)
		return;
	v = &a->m->votes[vi];
	it = akn_item(a, v->item);
	motion = v->motion != NULL ? v->motion : it != NULL ? it->title : "";
	if (v->motion == NULL && it != NULL && a->public && it->redacted)
		motion = a->redaction;
	akn_block(a, b, "narrative");
	buf_puts(b, a->lang == EXPORT_EN ? "(Vote on " : "（");
	if (v->number != NULL && !(a->public && (e->flags & ENTRY_REDACTED))) {
		buf_puts(b, "<docNumber>");
		akn_text(b, v->number);
		buf_puts(b, a->lang == EXPORT_EN ? "</docNumber>: " :
		    "</docNumber>　");
	}
	if (a->public && (e->flags & ENTRY_REDACTED)) {
		buf_puts(b, "<omissis>");
		akn_text(b, a->redaction);
		buf_puts(b, "</omissis>");
	} else
		akn_text(b, motion);
	/* A redacted call's reading and candidate are its words too. */
	if (v->reading != NULL && !(a->public && (e->flags & ENTRY_REDACTED))) {
		buf_puts(b, a->lang == EXPORT_EN ? ", " : "（");
		akn_text(b, v->reading);
		buf_puts(b, a->lang == EXPORT_EN ? "" : "）");
	}
	if (v->candidate != NULL && !(a->public &&
	    (e->flags & ENTRY_REDACTED))) {
		buf_puts(b, a->lang == EXPORT_EN ? ", candidate " : "、候補者 ");
		akn_person(a, b, v->candidate_member, v->candidate,
		    "candidate");
	}
	/* Who moved and seconded a redacted call: not public either. */
	hide = a->public && (e->flags & ENTRY_REDACTED);
	if (a->lang == EXPORT_EN) {
		if (v->moved_by != NULL && !hide) {
			buf_puts(b, ", moved by ");
			akn_person(a, b, v->mover, v->moved_by, "mover");
		}
		if (v->seconded_by != NULL && !hide) {
			buf_puts(b, ", seconded by ");
			akn_person(a, b, v->seconder, v->seconded_by,
			    "seconder");
		}
		buf_printf(b, ", by %s)", akn_method_words(a, v->method));
	} else {
		buf_puts(b, "について");
		if (v->moved_by != NULL && !hide) {
			akn_person(a, b, v->mover, v->moved_by, "mover");
			buf_puts(b, "の動議、");
		}
		if (v->seconded_by != NULL && !hide) {
			akn_person(a, b, v->seconder, v->seconded_by,
			    "seconder");
			buf_puts(b, "の賛成により、");
		}
		buf_printf(b, "%sにより採決）",
		    akn_method_words(a, v->method));
	}
	buf_puts(b, "</narrative>\n");
}

/* 賛成<quantity …>3</quantity>名 */
static void
akn_qty(struct akn *a, struct buf *b, const char *sum, const char *opt,
    const char *ja, const char *en, long n, int *first)
{
	if (!*first)
		buf_puts(b, a->lang == EXPORT_EN ? ", " : "、");
	*first = 0;
	if (a->lang != EXPORT_EN)
		buf_puts(b, ja);
	buf_printf(b, "<quantity eId=\"%s__qty_%s\" refersTo=\"#%s\" "
	    "normalized=\"%ld\">%ld</quantity>", sum, opt, opt, n, n);
	if (a->lang == EXPORT_EN)
		buf_printf(b, " %s", en);
	else
		buf_puts(b, "名");
}

static const char *
akn_choice_words(const struct akn *a, const char *c)
{
	static const char *const tab[][3] = {
		{ "yes", "賛成", "yes" },
		{ "no", "反対", "no" },
		{ "abstain", "棄権", "abstain" },
		{ "absent", "欠席", "absent" },
		{ "not_voting", "不参加", "not voting" },
	};
	size_t	 i;

	for (i = 0; i < sizeof tab / sizeof tab[0]; i++) {
		if (strcmp(tab[i][0], c) == 0)
			return tab[i][a->lang == EXPORT_EN ? 2 : 1];
	}
	return a->lang == EXPORT_EN ? "not voting" : "不参加";
}

/* The count eId a ballot's choice points at. */
static const char *
akn_choice_opt(const char *c)
{
	if (strcmp(c, "yes") == 0 || strcmp(c, "no") == 0 ||
	    strcmp(c, "abstain") == 0 || strcmp(c, "absent") == 0)
		return c;
	return "not_voting";
}

/*
 * The analysis element of tally k of vote vi: vote_x, vote_x__recount_n.
 * A tally that only completes the one before (a casting or presiding
 * vote on the same count) is that count: no recount of its own.
 */
static char *
akn_analysis_eid(const struct akn *a, int vi, size_t k)
{
	const struct vote	*v = &a->m->votes[vi];
	char			*e = akn_vote_eid(vi, v), *s;
	size_t			 n = 0, j;

	for (j = meeting_vote_first_count(v) + 1; j <= k && j < v->ntallies; j++)
		n += !v->tallies[j].completes;

	if (n == 0)
		return e;
	s = xasprintf("%s__recount_%zu", e, n);
	free(e);
	return s;
}

static void
akn_vote_tally(struct akn *a, struct buf *b, const struct entry *e)
{
	const struct vote	*v;
	const struct tally	*t = NULL;
	struct export_tally	 x;
	char			*id = entry_get(e, "vote"), *sum, *ael, *meid;
	size_t			 k, i;
	int			 vi, first = 1, mi, r;

	vi = meeting_vote(a->m, id);
	free(id);
	if (vi < 0)
		return;
	v = &a->m->votes[vi];
	for (k = 0; k < v->ntallies; k++) {
		if (v->tallies[k].seq == e->seq) {
			t = &v->tallies[k];
			break;
		}
	}
	if (t == NULL || k < meeting_vote_first_count(v))
		return;
	/* A redacted count in the public version: one omission. */
	if (a->public && t->redacted) {
		sum = akn_child(a, "summary");
		buf_printf(b, "        <summary eId=\"%s\"><omissis>", sum);
		akn_text(b, a->redaction);
		buf_puts(b, "</omissis></summary>\n");
		free(sum);
		return;
	}
	export_tally(a->m, v, t, &x);
	sum = akn_child(a, "summary");
	akn_note_mark(a, vi, k, sum, 1);
	buf_printf(b, "        <summary eId=\"%s\">", sum);
	if (k > meeting_vote_first_count(v) && !t->completes)
		buf_puts(b, a->lang == EXPORT_EN ? "(Recount) " : "（再集計）");
	if (t->unanimous && x.no == 0 && x.abstain == 0)
		buf_puts(b, a->lang == EXPORT_EN ? "Unanimous: " : "全員賛成　");
	akn_qty(a, b, sum, "yes", "賛成", "for", x.yes, &first);
	akn_qty(a, b, sum, "no", "反対", "against", x.no, &first);
	akn_qty(a, b, sum, "abstain", "棄権", "abstaining", x.abstain, &first);
	if (x.absent > 0)
		akn_qty(a, b, sum, "absent", "欠席", "absent", x.absent,
		    &first);
	if (x.not_voting > 0)
		akn_qty(a, b, sum, "not_voting", "不参加", "not voting",
		    x.not_voting, &first);
	if (t->casting != NULL || t->presiding != NULL) {
		int yes = strcmp(t->casting != NULL ? t->casting :
		    t->presiding, "yes") == 0;

		if (a->lang == EXPORT_EN)
			buf_printf(b, "; the %s vote %s", t->casting != NULL ?
			    "chair's casting" : "presiding member's",
			    yes ? "in favour" : "against");
		else
			buf_printf(b, "、%s%s", t->casting != NULL ?
			    "議長裁決" : "議長の表決", yes ? "可" : "否");
	}
	buf_puts(b, "</summary>\n");
	free(sum);
	export_tally_clear(&x);
	/* Who voted how goes with the call's words (a closed session's). */
	if (t->nballots == 0 || (a->public &&
	    (a->m->entries[v->entry].flags & ENTRY_REDACTED)))
		return;
	/* A roll call: each member's vote points at its count. */
	ael = akn_analysis_eid(a, vi, k);
	akn_block(a, b, "summary");
	for (i = 0; i < t->nballots; i++) {
		const struct ballot *bl = &t->ballots[i];

		if ((mi = meeting_member(a->m, bl->member)) < 0)
			continue;
		if (i > 0)
			buf_puts(b, a->lang == EXPORT_EN ? "; " : "、");
		meid = akn_member_eid(a, mi);
		buf_printf(b, "<vote by=\"#%s\"", meid);
		free(meid);
		if ((r = akn_find(a->roles, a->nroles,
		    a->m->members[mi].role)) >= 0 &&
		    a->m->members[mi].kind != MK_GROUP)
			buf_printf(b, " as=\"#role_%d\"", r + 1);
		buf_printf(b, " choice=\"#%s__%s\">", ael,
		    akn_choice_opt(bl->choice));
		akn_text(b, akn_show(a, &a->m->members[mi]));
		buf_puts(b, a->lang == EXPORT_EN ? ": " : "（");
		buf_puts(b, akn_choice_words(a, bl->choice));
		buf_puts(b, a->lang == EXPORT_EN ? "" : "）");
		buf_puts(b, "</vote>");
	}
	buf_puts(b, "</summary>\n");
	free(ael);
}

static void
akn_vote_result(struct akn *a, struct buf *b, const struct entry *e)
{
	const struct vote	*v;
	struct vote_report	 r;
	char			*id = entry_get(e, "vote"), *sum, *words;
	int			 vi, carried;

	vi = meeting_vote(a->m, id);
	free(id);
	if (vi < 0)
		return;
	v = &a->m->votes[vi];
	meeting_vote_report(a->m, v, &r);
	carried = r.known && r.outcome == VOTE_CARRIED;
	sum = akn_child(a, "summary");
	if (v->ntallies == 0 && akn_mark(a, vi, 0) == NULL)
		akn_note_mark(a, vi, 0, sum, 0);
	buf_printf(b, "        <summary eId=\"%s\">", sum);
	if (v->ntallies == 0 && v->method != NULL &&
	    strcmp(v->method, "consent") == 0)
		buf_puts(b, a->lang == EXPORT_EN ? "No objection. " :
		    "異議なし。");
	else if (v->ntallies == 0 && v->method != NULL &&
	    strcmp(v->method, "unanimous") == 0)
		buf_puts(b, a->lang == EXPORT_EN ? "All in favour. " :
		    "全員賛成。");
	/* The result as the vote pane and giji stats word it. */
	words = meeting_vote_words(a->m, &r, a->lang == EXPORT_EN);
	buf_printf(b, "<outcome refersTo=\"#%s\">", carried ? "carried" :
	    "failed");
	if (words != NULL && r.computed)
		akn_text(b, words);
	else
		buf_puts(b, a->lang == EXPORT_EN ? (carried ? "Carried" :
		    "Failed") : (carried ? "可決" : "否決"));
	buf_puts(b, "</outcome>");
	buf_puts(b, a->lang == EXPORT_EN ? "." : "。");
	buf_puts(b, "</summary>\n");
	free(words);
	free(sum);
	vote_report_clear(&r);
}

static const char *const akn_outcomes[][3] = {
	{ "approved", "承認", "approved" },
	{ "noted", "了承", "noted" },
	{ "consented", "同意", "consented" },
	{ "granted", "可", "granted" },
	{ "rejected", "否", "rejected" },
	{ "deferred", "継続審査", "deferred" },
	{ "referred", "付託", "referred" },
	{ "other", "決定", "decided" },	/* last: any other */
};
#define AKN_NOUTCOMES (sizeof akn_outcomes / sizeof akn_outcomes[0])

static size_t
akn_outcome(const char *o)
{
	size_t	 i;

	for (i = 0; o != NULL && i < AKN_NOUTCOMES; i++) {
		if (strcmp(akn_outcomes[i][0], o) == 0)
			return i;
	}
	return AKN_NOUTCOMES - 1;
}

static void
akn_decision(struct akn *a, struct buf *b, const struct entry *e)
{
	char			*o = entry_get(e, "outcome");
	const struct item	*it = akn_item(a, e->item);
	size_t			 k = akn_outcome(o);
	const char		*w = akn_outcomes[k][a->lang == EXPORT_EN ? 2 : 1];
	char			*num;

	free(o);
	akn_block(a, b, "summary");
	if (!(a->public && (e->flags & ENTRY_REDACTED)) &&
	    (num = entry_get(e, "number")) != NULL) {
		buf_puts(b, "<docNumber>");
		akn_text(b, num);
		buf_puts(b, a->lang == EXPORT_EN ? "</docNumber>: " :
		    "</docNumber>　");
		free(num);
	}
	buf_printf(b, "<outcome refersTo=\"#%s\">", akn_outcomes[k][0]);
	if (a->public && (e->flags & ENTRY_REDACTED)) {
		buf_puts(b, "<omissis>");
		akn_text(b, a->redaction);
		buf_puts(b, "</omissis>");
	} else if (e->text != NULL)
		akn_text(b, e->text);
	else if (a->lang == EXPORT_EN) {
		akn_text(b, it == NULL ? "The item" : a->public &&
		    it->redacted ? a->redaction : it->title);
		buf_printf(b, ": %s.", w);
	} else {
		akn_text(b, it == NULL ? "本件" : a->public && it->redacted ?
		    a->redaction : it->title);
		buf_printf(b, "は、%sされた。", w);
	}
	buf_puts(b, "</outcome></summary>\n");
}

static void
akn_signer(struct akn *a, struct buf *b, const struct entry *e)
{
	char	*purpose = entry_get(e, "purpose"), *label, *role, *s;

	if (purpose == NULL || strcmp(purpose, "designation") != 0 ||
	    e->member < 0) {
		free(purpose);
		return;
	}
	free(purpose);
	label = akn_label(a, &a->m->members[e->member]);
	role = entry_get(e, "role");
	if (a->lang == EXPORT_EN)
		s = xasprintf("(%s is designated to sign the minutes%s%s)",
		    label, role != NULL ? " as " : "", role != NULL ? role : "");
	else
		s = xasprintf("（%sに%sを指名）",
		    role != NULL ? role : "会議録署名委員", label);
	akn_narrative(a, b, s);
	free(s);
	free(role);
	free(label);
}

/* The typed text of an entry, or the redaction phrase in public. */
static void
akn_typed(struct akn *a, struct buf *b, const struct entry *e,
    const char *text)
{
	if (a->public && (e->flags & ENTRY_REDACTED)) {
		buf_puts(b, "<omissis>");
		akn_text(b, a->redaction);
		buf_puts(b, "</omissis>");
	} else
		akn_text(b, text != NULL ? text : "");
}

/* What the room said or did, where it falls: （拍手）, [Laughter]. */
static void
akn_reaction(struct akn *a, struct buf *b, const struct entry *e)
{
	size_t	 i;

	/* The room's answer to words withdrawn goes with them. */
	for (i = 0; i < a->m->nreactions; i++) {
		if (a->m->reactions[i].entry == (int)(e - a->m->entries) &&
		    (a->m->reactions[i].speech_flags & ENTRY_RETRACTED))
			return;
	}
	akn_block(a, b, "narrative");
	buf_puts(b, a->lang == EXPORT_EN ? "[" : "（");
	akn_typed(a, b, e, e->text);
	buf_puts(b, a->lang == EXPORT_EN ? "]" : "）");
	buf_puts(b, "</narrative>\n");
}

/* A declaration of interest, and the member leaving for the item. */
static void
akn_interest(struct akn *a, struct buf *b, const struct entry *e)
{
	const struct interest	*in = NULL;
	size_t			 i;

	for (i = 0; i < a->m->ninterests; i++) {
		if (a->m->interests[i].entry == (int)(e - a->m->entries))
			in = &a->m->interests[i];
	}
	if (in == NULL)
		return;
	akn_block(a, b, "narrative");
	buf_puts(b, a->lang == EXPORT_EN ? "(Declaration of interest: " :
	    "（利害関係の申出：");
	akn_person(a, b, in->member, in->member_id, "declarant");
	if (in->text != NULL) {
		buf_puts(b, a->lang == EXPORT_EN ? ", " : "　");
		akn_typed(a, b, e, in->text);
	}
	if (in->withdraws)
		buf_puts(b, a->lang == EXPORT_EN ? "; withdrew for the item" :
		    "、本件の審議・表決に加わらない");
	buf_puts(b, a->lang == EXPORT_EN ? ")" : "）");
	buf_puts(b, "</narrative>\n");
}

/* An action item: what, who, by when. */
static void
akn_action(struct akn *a, struct buf *b, const struct entry *e)
{
	const struct action	*ac = NULL;
	size_t			 i;
	int			 y, mo, d;

	for (i = 0; i < a->m->nactions; i++) {
		if (a->m->actions[i].entry == (int)(e - a->m->entries))
			ac = &a->m->actions[i];
	}
	if (ac == NULL)
		return;
	akn_block(a, b, "narrative");
	buf_puts(b, a->lang == EXPORT_EN ? "(Action: " : "（対応事項：");
	akn_typed(a, b, e, ac->text);
	/* A name typed (not a member's) on a redacted action: its words. */
	if (ac->owner != NULL && !(a->public && (e->flags & ENTRY_REDACTED) &&
	    ac->owner_member < 0)) {
		buf_puts(b, a->lang == EXPORT_EN ? "; owner " : "　担当：");
		akn_person(a, b, ac->owner_member, ac->owner, "owner");
	}
	if (ac->due != NULL) {
		buf_puts(b, a->lang == EXPORT_EN ? "; due " : "　期限：");
		if (jdate_parse(ac->due, &y, &mo, &d) == 0) {
			buf_printf(b, "<date date=\"%04d-%02d-%02d\">", y, mo, d);
			akn_text(b, ac->due);
			buf_puts(b, "</date>");
		} else
			akn_text(b, ac->due);
	}
	buf_puts(b, a->lang == EXPORT_EN ? ")" : "）");
	buf_puts(b, "</narrative>\n");
}

/* Whether an entry shows in the body at all (sections open lazily). */
static int
akn_visible(const struct entry *e)
{
	if (e->flags & ENTRY_RETRACTED)
		return 0;
	return e->etype != EV_AGENDA_CLOSE && e->etype != EV_MEETING_CLOSE;
}

static void
akn_entry(struct akn *a, struct buf *b, const struct entry *e)
{
	char	*s, *title;

	switch (e->etype) {
	case EV_SPEECH:
		akn_speech(a, b, e);
		break;
	case EV_NOTE:
		akn_block(a, b, "narrative");
		akn_typed(a, b, e, e->text);
		buf_puts(b, "</narrative>\n");
		break;
	case EV_REACTION:
		akn_reaction(a, b, e);
		break;
	case EV_RECESS:
		akn_timed(a, b, e, "休憩", "Recess");
		break;
	case EV_RESUME:
		akn_timed(a, b, e, "再開", "Resumed");
		break;
	case EV_MEETING_OPEN:
		akn_timed(a, b, e, "開会", "Opened");
		break;
	case EV_ATTENDANCE:
		akn_attendance(a, b, e);
		break;
	case EV_MATERIAL_ADD:
		title = entry_get(e, "title");
		if (a->public && (e->flags & ENTRY_REDACTED)) {
			free(title);
			title = xstrdup(a->redaction);
		}
		s = xasprintf(a->lang == EXPORT_EN ? "(Material: %s)" :
		    "（資料：%s）", title != NULL ? title : "");
		akn_narrative(a, b, s);
		free(s);
		free(title);
		break;
	case EV_VOTE_CALL:
		akn_vote_call(a, b, e);
		break;
	case EV_VOTE_TALLY:
		akn_vote_tally(a, b, e);
		break;
	case EV_VOTE_RESULT:
		akn_vote_result(a, b, e);
		break;
	case EV_DECISION:
		akn_decision(a, b, e);
		break;
	case EV_SIGNER:
		akn_signer(a, b, e);
		break;
	case EV_INTEREST:
		akn_interest(a, b, e);
		break;
	case EV_ACTION:
		akn_action(a, b, e);
		break;
	default:
		break;
	}
}

/*
 * How a member counted present took part when it was not in the room: in
 * writing beforehand, by proxy (and who held it), remotely.
 */
static void
akn_how(struct akn *a, struct buf *b, const struct member *mb)
{
	int	 en = a->lang == EXPORT_EN, h;

	if (mb->written)
		buf_puts(b, en ? " (voted in writing)" : "（書面表決）");
	else if (mb->proxy) {
		buf_puts(b, en ? " (by proxy" : "（表決委任");
		if (mb->holder != NULL) {
			buf_puts(b, en ? ", held by " : "：");
			h = meeting_member(a->m, mb->holder);
			akn_text(b, h >= 0 ? akn_show(a, &a->m->members[h]) :
			    a->public && mb->att_note_redacted ? a->redaction :
			    mb->holder);
		}
		buf_puts(b, en ? ")" : "）");
	} else if (mb->remote)
		buf_puts(b, en ? " (remote)" : "（オンライン）");
}

static void
akn_rollcall(struct akn *a, struct buf *b)
{
	const struct meeting	*m = a->m;
	static const char *const ja[] = { "出席委員", "欠席委員", "出席職員",
	    "出席団体" };
	static const char *const en[] = { "Members present", "Members absent",
	    "Staff present", "Organisations present" };
	size_t			 i;
	int			 pass, n, np = 0, r;
	char			*eid;

	buf_puts(b, "      <rollCall eId=\"rollcall\">\n        <heading>");
	buf_puts(b, a->lang == EXPORT_EN ? "Attendance" : "出席者");
	buf_puts(b, "</heading>\n");
	for (pass = 0; pass < 4; pass++) {
		n = 0;
		for (i = 0; i < m->nmembers; i++) {
			const struct member *mb = &m->members[i];
			int voting = mb->kind == MK_MEMBER ||
			    mb->kind == MK_CHAIR || mb->kind == MK_VICE;
			int ok;

			switch (pass) {
			case 0:
				ok = voting && mb->att != ATT_ABSENT;
				break;
			case 1:
				ok = voting && mb->att == ATT_ABSENT;
				break;
			case 2:
				ok = (mb->kind == MK_STAFF ||
				    mb->kind == MK_OBSERVER) &&
				    mb->att != ATT_ABSENT;
				break;
			default:
				ok = mb->kind == MK_GROUP &&
				    mb->att != ATT_ABSENT;
				break;
			}
			if (!ok)
				continue;
			if (n++ == 0)
				buf_printf(b, "        <p>%s%s", a->lang ==
				    EXPORT_EN ? en[pass] : ja[pass],
				    a->lang == EXPORT_EN ? ": " : "　");
			else
				buf_puts(b, a->lang == EXPORT_EN ? ", " :
				    "、");
			eid = akn_member_eid(a, (int)i);
			buf_printf(b, "<%s eId=\"rollcall__p_%d\" "
			    "refersTo=\"#%s\"",
			    pass == 3 ? "organization" : "person", ++np, eid);
			free(eid);
			if (pass != 3 &&
			    (r = akn_find(a->roles, a->nroles, mb->role)) >= 0)
				buf_printf(b, " as=\"#role_%d\"", r + 1);
			buf_puts(b, ">");
			akn_text(b, akn_show(a, mb));
			buf_printf(b, "</%s>",
			    pass == 3 ? "organization" : "person");
			akn_how(a, b, mb);
		}
		if (n > 0)
			buf_puts(b, "</p>\n");
	}
	if (np == 0)
		buf_printf(b, "        <p>%s</p>\n",
		    a->lang == EXPORT_EN ? "No attendance recorded." :
		    "出席の記録なし");
	buf_puts(b, "      </rollCall>\n");
}

static void
akn_body(struct akn *a, struct buf *b)
{
	const struct meeting	*m = a->m;
	size_t			 i;
	char			*iso, *w;

	buf_puts(b, "    <debateBody>\n");
	akn_rollcall(a, b);
	a->open = 0;
	a->cur_item = -2;
	a->closed_said = CLOSED_NONE;
	for (i = 0; i < m->nentries; i++) {
		const struct entry *e = &m->entries[i];

		if (e->etype == EV_MEETING_CLOSE &&
		    !(e->flags & ENTRY_RETRACTED) && e->ts == m->close_ts) {
			akn_close_section(a, b);
			a->cur_item = -2;
			iso = akn_time(a, e->ts);
			w = akn_clock_words(a, e->ts);
			buf_printf(b, "      <adjournment eId=\"adjournment\">\n"
			    "        <narrative eId=\"adjournment__narrative_1\">"
			    "%s<recordedTime time=\"%s\" type=\"endEvent\">",
			    a->lang == EXPORT_EN ? "(Closed at " : "（", iso);
			akn_text(b, w);
			buf_printf(b, "</recordedTime>%s</narrative>\n"
			    "      </adjournment>\n",
			    a->lang == EXPORT_EN ? ")" : "閉会）");
			free(iso);
			free(w);
			continue;
		}
		if (!akn_visible(e))
			continue;
		if (e->etype == EV_SIGNER && e->member >= 0) {
			char *p = entry_get(e, "purpose");
			int show = p != NULL && strcmp(p, "designation") == 0;

			free(p);
			if (!show)
				continue;
		}
		if (!a->open || e->item != a->cur_item ||
		    e->etype == EV_AGENDA_OPEN)
			akn_open_section(a, b, e->item);
		if (e->etype == EV_AGENDA_OPEN)
			a->closed_said = CLOSED_NONE;
		/*
		 * A closed session, public: one omission where its words
		 * were, not a speech each (nor who spoke, nor when).
		 */
		if (a->public && (e->flags & ENTRY_CLOSED)) {
			if (a->closed_said != e->item) {
				akn_block(a, b, "narrative");
				buf_puts(b, "<omissis>");
				akn_text(b, a->redaction);
				buf_puts(b, "</omissis></narrative>\n");
				a->closed_said = e->item;
			}
			continue;
		}
		akn_entry(a, b, e);
	}
	akn_close_section(a, b);
	if (a->nsect == 0 && m->close_ts == 0)
		buf_puts(b, "      <debateSection eId=\"dbsect_1\" "
		    "name=\"proceedings\"/>\n");
	buf_puts(b, "    </debateBody>\n");
}

/* ---- meta ---- */

static void
akn_frbr(struct akn *a, struct buf *b, const char *date, const char *num)
{
	const char	*body = meeting_meta_str(a->m, "body", NULL);
	const char	*lang = a->lang == EXPORT_EN ? "eng" : "jpn";
	const char	*ver = a->public ? "" : "internal";
	const char	*sec = meeting_meta_str(a->m, "secretariat", NULL);
	char		*work, *gen;
	int		 d;

	work = xasprintf("/akn/jp/debate/%s/%s", date, num);
	gen = a->m->last_ts != 0 ? akn_date_of(a, a->m->last_ts) :
	    xstrdup(date);
	buf_puts(b, "      <identification source=\"#giji\">\n"
	    "        <FRBRWork>\n");
	buf_printf(b, "          <FRBRthis value=\"%s/!main\"/>\n"
	    "          <FRBRuri value=\"%s\"/>\n"
	    "          <FRBRdate date=\"%s\" name=\"meeting\"/>\n"
	    "          <FRBRauthor href=\"#body\"/>\n"
	    "          <FRBRcountry value=\"jp\"/>\n"
	    "          <FRBRnumber value=\"%s\"/>\n", work, work, date, num);
	if (body != NULL) {
		buf_puts(b, "          <FRBRname value=\"");
		akn_text(b, body);
		buf_puts(b, "\"/>\n");
	}
	buf_printf(b, "        </FRBRWork>\n        <FRBRExpression>\n"
	    "          <FRBRthis value=\"%s/%s@%s/!main\"/>\n"
	    "          <FRBRuri value=\"%s/%s@%s\"/>\n"
	    "          <FRBRdate date=\"%s\" name=\"meeting\"/>\n",
	    work, lang, ver, work, lang, ver, date);
	d = akn_find(a->depts, a->ndepts, sec);
	if (d >= 0)
		buf_printf(b, "          <FRBRauthor href=\"#dept_%d\"/>\n",
		    d + 1);
	else
		buf_puts(b, "          <FRBRauthor href=\"#body\"/>\n");
	buf_printf(b, "          <FRBRlanguage language=\"%s\"/>\n"
	    "        </FRBRExpression>\n        <FRBRManifestation>\n"
	    "          <FRBRthis value=\"%s/%s@%s/!main.xml\"/>\n"
	    "          <FRBRuri value=\"%s/%s@%s.akn\"/>\n"
	    "          <FRBRdate date=\"%s\" name=\"lastEvent\"/>\n"
	    "          <FRBRauthor href=\"#giji\"/>\n"
	    "          <FRBRformat value=\"application/akn+xml\"/>\n"
	    "        </FRBRManifestation>\n      </identification>\n",
	    lang, work, lang, ver, work, lang, ver, gen);
	free(work);
	free(gen);
}

static void
akn_lifecycle(struct akn *a, struct buf *b, const char *date)
{
	size_t	 i;
	char	*d;
	int	 n = 0;

	buf_printf(b, "      <lifecycle source=\"#giji\">\n"
	    "        <eventRef eId=\"lifecycle__generation\" date=\"%s\" "
	    "source=\"#body\" type=\"generation\"/>\n", date);
	for (i = 0; !a->public && i < a->m->namendments; i++) {
		d = akn_date_of(a, a->m->amendments[i].ts);
		buf_printf(b, "        <eventRef eId=\"lifecycle__amendment_%d\""
		    " date=\"%s\" source=\"#giji\" type=\"amendment\"/>\n",
		    ++n, d);
		free(d);
	}
	buf_puts(b, "      </lifecycle>\n");
}

static void
akn_count(struct buf *b, const char *el, const char *opt, long n,
    const struct akn_mark *mk)
{
	buf_printf(b, "            <count eId=\"%s__%s\" refersTo=\"#%s\"", el,
	    opt, opt);
	if (mk != NULL && mk->quantities)
		buf_printf(b, " href=\"#%s__qty_%s\"", mk->summary, opt);
	buf_printf(b, " value=\"%ld\"/>\n", n);
}

/* Whether any ballot of tally t has choice opt (so its count exists). */
static int
akn_has_choice(const struct tally *t, const char *opt)
{
	size_t	 i;

	for (i = 0; t != NULL && i < t->nballots; i++) {
		if (strcmp(akn_choice_opt(t->ballots[i].choice), opt) == 0)
			return 1;
	}
	return 0;
}

static void
akn_analysis(struct akn *a, struct buf *b)
{
	const struct meeting	*m = a->m;
	const struct akn_mark	*mk;
	const struct tally	*t;
	struct export_tally	 x;
	size_t			 vi, k, nt;
	char			*el;
	const char		*el_name;
	int			 emitted;

	if (m->nvotes == 0)
		return;
	buf_puts(b, "      <analysis source=\"#giji\">\n"
	    "        <parliamentary>\n");
	for (vi = 0; vi < m->nvotes; vi++) {
		const struct vote *v = &m->votes[vi];

		nt = v->ntallies > 0 ? v->ntallies : 1;
		emitted = 0;
		for (k = meeting_vote_first_count(v); k < nt; k++) {
			/* Completed by the next (a casting vote): one count. */
			if (k + 1 < v->ntallies && v->tallies[k + 1].completes)
				continue;
			t = v->ntallies > 0 ? &v->tallies[k] : NULL;
			if (a->public && t != NULL && t->redacted)
				continue;	/* its counts are not public */
			export_tally(m, v, t, &x);
			el = akn_analysis_eid(a, (int)vi, k);
			mk = akn_mark(a, (int)vi, k);
			el_name = emitted++ == 0 ? "voting" : "recount";
			buf_printf(b, "          <%s eId=\"%s\"", el_name, el);
			if (mk != NULL)
				buf_printf(b, " href=\"#%s\"", mk->summary);
			if (x.carried >= 0)
				buf_printf(b, " outcome=\"#%s\"",
				    x.carried ? "carried" : "failed");
			buf_puts(b, ">\n");
			if (x.quorum > 0)
				buf_printf(b, "            <quorum eId=\"%s__quorum\""
				    " refersTo=\"#quorum\" value=\"%ld\"/>\n",
				    el, x.quorum);
			akn_count(b, el, "yes", x.yes, mk);
			akn_count(b, el, "no", x.no, mk);
			akn_count(b, el, "abstain", x.abstain, mk);
			if (x.absent > 0 || akn_has_choice(t, "absent"))
				akn_count(b, el, "absent", x.absent, mk);
			if (x.not_voting > 0 || akn_has_choice(t, "not_voting"))
				akn_count(b, el, "not_voting", x.not_voting,
				    mk);
			/* Who counted and what carried: vote-report.h's. */
			if (x.report.computed) {
				akn_count(b, el, "voters",
				    x.report.result.voters, NULL);
				akn_count(b, el, "needed",
				    x.report.result.needed, NULL);
			}
			buf_printf(b, "          </%s>\n", el_name);
			free(el);
			export_tally_clear(&x);
		}
	}
	buf_puts(b, "        </parliamentary>\n      </analysis>\n");
}

/*
 * Each vote's computed result, where Akoma Ntoso has no element for it:
 * the rule, members present, the quorum, the voters, the votes needed,
 * the counts, the chair's casting or presiding vote, the computed outcome
 * and the declared one when it differs (vote-report.h).
 */
static void
akn_vote_results(struct akn *a, struct buf *b)
{
	const struct meeting	*m = a->m;
	struct vote_report	 r;
	size_t			 i;
	char			*eid;

	for (i = 0; i < m->nvotes; i++) {
		const struct vote	*v = &m->votes[i];
		const struct vote_result *res = &r.result;

		meeting_vote_report(m, v, &r);
		eid = akn_vote_eid((int)i, v);
		buf_printf(b, "        <giji:vote xmlns:giji=\"" GIJI_NS "\" "
		    "analysis=\"#%s\" id=\"", eid);
		akn_text(b, v->id);
		buf_puts(b, "\"");
		if (r.spec_ok)
			buf_printf(b, " rule=\"%s\" present=\"%ld\" "
			    "quorum=\"%ld\"", vote_rule_name(r.spec.rule),
			    r.spec.present, r.spec.quorum);
		if (r.computed) {
			buf_printf(b, " voters=\"%ld\" needed=\"%ld\" "
			    "for=\"%ld\" against=\"%ld\" abstain=\"%ld\" "
			    "quorumMet=\"%s\" computed=\"%s\"", res->voters,
			    res->needed, res->counts.yes, res->counts.no,
			    res->counts.abstain, res->flags &
			    VOTE_F_NO_QUORUM ? "false" : "true",
			    vote_outcome_name(res->outcome));
			if (res->counts.casting != VOTE_NONE)
				buf_printf(b, " casting=\"%s\"",
				    vote_choice_name(res->counts.casting));
			if (res->counts.presiding != VOTE_NONE)
				buf_printf(b, " presiding=\"%s\"",
				    vote_choice_name(res->counts.presiding));
		} else if (r.cause != NULL) {
			buf_puts(b, " problem=\"");
			akn_text(b, r.cause);
			buf_puts(b, "\"");
		}
		if (r.differs)
			buf_printf(b, " declared=\"%s\"",
			    vote_outcome_name(r.recorded_outcome));
		buf_puts(b, "/>\n");
		free(eid);
		vote_report_clear(&r);
	}
}

static void
akn_tlc(struct buf *b, const char *type, const char *eid, const char *href,
    const char *show)
{
	buf_printf(b, "        <%s eId=\"%s\" href=\"%s\" showAs=\"", type, eid,
	    href);
	akn_text(b, show != NULL && *show != '\0' ? show : eid);
	buf_puts(b, "\"/>\n");
}

static void
akn_references(struct akn *a, struct buf *b)
{
	static const char *const concepts[][3] = {
		{ "quorum", "定足数", "quorum" },
		{ "yes", "賛成", "yes" },
		{ "no", "反対", "no" },
		{ "abstain", "棄権", "abstain" },
		{ "absent", "欠席", "absent" },
		{ "not_voting", "不参加", "not voting" },
		{ "carried", "可決", "carried" },
		{ "failed", "否決", "failed" },
		{ "voters", "表決に加わる委員", "voters" },
		{ "needed", "可決に必要な賛成", "votes needed" },
	};
	/* The parts members play in a motion, an election, an action. */
	static const char *const parts[][3] = {
		{ "mover", "提出者", "mover" },
		{ "seconder", "賛成者", "seconder" },
		{ "candidate", "候補者", "candidate" },
		{ "declarant", "申出者", "declarant" },
		{ "owner", "担当者", "owner" },
	};
	const struct meeting	*m = a->m;
	const char		*body;
	char			*eid, *href;
	size_t			 i;
	int			 en = a->lang == EXPORT_EN;

	body = meeting_meta_str(m, "body", NULL);
	if (body == NULL)
		body = meeting_meta_str(m, "title", en ? "Meeting" : "会議");
	buf_puts(b, "      <references source=\"#giji\">\n");
	akn_tlc(b, "TLCOrganization", "body",
	    "/akn/ontology/organization/jp/body", body);
	for (i = 0; i < a->ndepts; i++) {
		eid = xasprintf("dept_%zu", i + 1);
		href = xasprintf("/akn/ontology/organization/jp/%s", eid);
		akn_tlc(b, "TLCOrganization", eid, href, a->depts[i]);
		free(eid);
		free(href);
	}
	akn_tlc(b, "TLCOrganization", "giji",
	    "/akn/ontology/organization/giji", "giji");
	for (i = 0; i < m->nmembers; i++) {
		const struct member *mb = &m->members[i];

		eid = akn_member_eid(a, (int)i);
		href = xasprintf("/akn/ontology/%s/giji/%s",
		    mb->kind == MK_GROUP ? "organization" : "person",
		    mb->uuid);
		akn_tlc(b, mb->kind == MK_GROUP ? "TLCOrganization" :
		    "TLCPerson", eid, href, akn_show(a, mb));
		free(eid);
		free(href);
	}
	for (i = 0; i < a->nroles; i++) {
		eid = xasprintf("role_%zu", i + 1);
		href = xasprintf("/akn/ontology/role/jp/%s", eid);
		akn_tlc(b, "TLCRole", eid, href, a->roles[i]);
		free(eid);
		free(href);
	}
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		href = xasprintf("/akn/ontology/role/giji/%s", parts[i][0]);
		akn_tlc(b, "TLCRole", parts[i][0], href, parts[i][en ? 2 : 1]);
		free(href);
	}
	for (i = 0; i < sizeof concepts / sizeof concepts[0]; i++) {
		href = xasprintf("/akn/ontology/concept/vote/%s",
		    concepts[i][0]);
		akn_tlc(b, "TLCConcept", concepts[i][0], href,
		    concepts[i][en ? 2 : 1]);
		free(href);
	}
	for (i = 0; i < AKN_NOUTCOMES; i++) {
		href = xasprintf("/akn/ontology/concept/decision/%s",
		    akn_outcomes[i][0]);
		akn_tlc(b, "TLCConcept", akn_outcomes[i][0], href,
		    akn_outcomes[i][en ? 2 : 1]);
		free(href);
	}
	buf_puts(b, "      </references>\n");
}

/* The internal version's appendix: one note per correction. */
static void
akn_notes(struct akn *a, struct buf *b)
{
	const struct meeting	*m = a->m;
	size_t			 i;
	char			*t, *before, *after;
	int			 en = a->lang == EXPORT_EN;

	if (a->public || m->namendments == 0)
		return;
	buf_puts(b, "      <notes source=\"#giji\">\n");
	for (i = 0; i < m->namendments; i++) {
		const struct amendment *am = &m->amendments[i];
		const char *what;

		if (event_type_find(am->type) == EV_AMEND)
			what = en ? "amended" : "訂正";
		else if (event_type_find(am->type) == EV_RETRACT)
			what = en ? "retracted" : "取消し";
		else
			what = en ? "redacted in the public version" :
			    "公開版で非公開";
		t = akn_time(a, am->ts);
		buf_printf(b, "        <note eId=\"note_%zu\">\n          <p>"
		    "<time time=\"%s\">", i + 1, t);
		free(t);
		t = akn_clock_words(a, am->ts);
		akn_text(b, t);
		free(t);
		buf_printf(b, "</time> %s%lld%s", en ? "event " : "第",
		    (long long)am->target_seq, en ? " (" : "号（");
		akn_text(b, am->target_type);
		buf_printf(b, "%s%s", en ? ") " : "）を", what);
		if (am->reason != NULL) {
			buf_puts(b, en ? ": " : "：");
			akn_text(b, am->reason);
		}
		buf_puts(b, "</p>\n");
		before = json_get(am->before, "$.text");
		after = am->after != NULL ? json_get(am->after, "$.text") : NULL;
		if (before != NULL && after != NULL &&
		    strcmp(before, after) != 0) {
			buf_puts(b, "          <p><del>");
			akn_text(b, before);
			buf_puts(b, "</del></p>\n          <p><ins>");
			akn_text(b, after);
			buf_puts(b, "</ins></p>\n");
		}
		free(before);
		free(after);
		buf_puts(b, "        </note>\n");
	}
	buf_puts(b, "      </notes>\n");
}

static void
akn_preface(struct akn *a, struct buf *b, const char *date)
{
	const struct meeting	*m = a->m;
	const char		*title, *place;
	char			*words = NULL, *iso, *w;
	int			 y, mo, d;

	title = meeting_meta_str(m, "title", NULL);
	if (title == NULL)
		title = meeting_meta_str(m, "body", "");
	buf_puts(b, "    <preface>\n      <p><docTitle>");
	akn_text(b, title);
	buf_puts(b, "</docTitle></p>\n      <p>");
	buf_puts(b, a->lang == EXPORT_EN ? "Date: " : "日時　");
	if (jdate_parse(date, &y, &mo, &d) == 0)
		words = a->lang == EXPORT_EN ? jdate_format_en(y, mo, d) :
		    jdate_format_wday(y, mo, d, NULL);
	buf_printf(b, "<docDate date=\"%s\">", date);
	akn_text(b, words != NULL ? words : date);
	buf_puts(b, "</docDate>");
	free(words);
	if (m->open_ts != 0) {
		iso = akn_time(a, m->open_ts);
		w = akn_clock_words(a, m->open_ts);
		buf_printf(b, "%s<recordedTime time=\"%s\" type=\"startEvent\">",
		    a->lang == EXPORT_EN ? ", from " : "　", iso);
		akn_text(b, w);
		buf_puts(b, "</recordedTime>");
		buf_puts(b, a->lang == EXPORT_EN ? "" : "から");
		free(iso);
		free(w);
	}
	if (m->close_ts != 0) {
		iso = akn_time(a, m->close_ts);
		w = akn_clock_words(a, m->close_ts);
		buf_printf(b, "%s<recordedTime time=\"%s\" type=\"endEvent\">",
		    a->lang == EXPORT_EN ? " to " : "", iso);
		akn_text(b, w);
		buf_puts(b, "</recordedTime>");
		buf_puts(b, a->lang == EXPORT_EN ? "" : "まで");
		free(iso);
		free(w);
	}
	buf_puts(b, "</p>\n");
	if ((place = meeting_meta_str(m, "place", NULL)) != NULL) {
		buf_puts(b, a->lang == EXPORT_EN ? "      <p>Place: " :
		    "      <p>場所　");
		akn_text(b, place);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "    </preface>\n");
}

static void
akn_conclusions(struct akn *a, struct buf *b)
{
	const struct meeting	*m = a->m;
	size_t			 i, j;
	int			 n = 0, dup, r;
	char			*eid;
	const char		*role;

	for (i = 0; i < m->nsigners; i++) {
		const struct signer *s = &m->signers[i];

		if (s->member < 0)
			continue;
		for (dup = 0, j = 0; j < i; j++)
			dup |= m->signers[j].member == s->member;
		if (dup)
			continue;
		if (n++ == 0)
			buf_puts(b, "    <conclusions>\n");
		buf_puts(b, "      <p>");
		/* A role typed on a redacted designation is its words. */
		role = s->role;
		if (a->public && (m->entries[s->entry].flags & ENTRY_REDACTED))
			role = NULL;
		akn_text(b, role != NULL ? role :
		    (a->lang == EXPORT_EN ? "Signed" : "会議録署名委員"));
		buf_puts(b, a->lang == EXPORT_EN ? ": " : "　");
		eid = akn_member_eid(a, s->member);
		buf_printf(b, "<signature><person eId=\"concl__sig_%d\" "
		    "refersTo=\"#%s\"", n, eid);
		free(eid);
		if ((r = akn_find(a->roles, a->nroles,
		    m->members[s->member].role)) >= 0 &&
		    m->members[s->member].kind != MK_GROUP)
			buf_printf(b, " as=\"#role_%d\"", r + 1);
		buf_puts(b, ">");
		akn_text(b, akn_show(a, &m->members[s->member]));
		buf_puts(b, "</person></signature></p>\n");
	}
	if (n > 0)
		buf_puts(b, "    </conclusions>\n");
}

char *
export_akn(const struct meeting *m, const struct export_opts *o,
    size_t *len, char **cause)
{
	struct akn	 a;
	struct buf	 out, body;
	const char	*labels;
	char		*date, *num, *s;
	size_t		 i;

	*cause = NULL;
	memset(&a, 0, sizeof a);
	a.m = m;
	a.lang = export_lang(m, o);
	a.public = o->public;
	a.redaction = export_redaction(m, o);
	a.tz = meeting_tz(m);
	labels = meeting_meta_str(m, "labels", NULL);
	a.anon = a.public && labels != NULL && strcmp(labels, "role") == 0;
	a.text_lang = strncmp(meeting_meta_str(m, "lang", "ja"), "en", 2) == 0 ?
	    "en" : "ja";
	akn_intern(&a.depts, &a.ndepts, meeting_meta_str(m, "secretariat",
	    NULL));
	for (i = 0; i < m->nmembers; i++) {
		if (m->members[i].kind != MK_GROUP)
			akn_intern(&a.roles, &a.nroles, m->members[i].role);
		if (m->members[i].kind != MK_GROUP)
			akn_intern(&a.depts, &a.ndepts, m->members[i].org);
	}
	for (i = 0; i < m->nitems; i++)
		akn_intern(&a.depts, &a.ndepts, m->items[i].dept);

	date = akn_meeting_date(&a);
	num = akn_number(&a);
	buf_init(&body);
	akn_body(&a, &body);

	buf_init(&out);
	buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<akomaNtoso xmlns=\"" AKN_NS "\">\n"
	    "  <debate name=\"minutes\">\n    <meta>\n");
	akn_frbr(&a, &out, date, num);
	akn_lifecycle(&a, &out, date);
	akn_analysis(&a, &out);
	akn_references(&a, &out);
	akn_notes(&a, &out);
	buf_printf(&out, "      <proprietary source=\"#giji\">\n"
	    "        <giji:log xmlns:giji=\"" GIJI_NS "\" lastSeq=\"%lld\" "
	    "lastHash=\"%s\" version=\"%s\"/>\n",
	    (long long)m->last_seq, m->last_hash,
	    a.public ? "public" : "internal");
	akn_vote_results(&a, &out);
	buf_puts(&out, "      </proprietary>\n");
	buf_puts(&out, "    </meta>\n");
	akn_preface(&a, &out, date);
	buf_add(&out, body.s, body.len);
	akn_conclusions(&a, &out);
	buf_puts(&out, "  </debate>\n</akomaNtoso>\n");

	buf_free(&body);
	free(date);
	free(num);
	for (i = 0; i < a.nroles; i++)
		free(a.roles[i]);
	free(a.roles);
	for (i = 0; i < a.ndepts; i++)
		free(a.depts[i]);
	free(a.depts);
	for (i = 0; i < a.nmarks; i++)
		free(a.marks[i].summary);
	free(a.marks);
	*len = out.len;
	s = buf_detach(&out);
	buf_free(&out);
	return s;
}
