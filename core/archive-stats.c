/* SPDX-License-Identifier: ISC */
/*
 * giji stats DIR: the meetings of an archive summed up from its index
 * (archive.c keeps, for each meeting, its date, when it opened and
 * closed, its roster with each member's attendance as the fold left it,
 * its decisions and its votes with their outcome as vote-report.c counts
 * it). A year is --from and --to; the report is text in Japanese or
 * English, or JSON whose keys do not change with the language.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive-int.h"
#include "i18n.h"
#include "jdate.h"
#include "json.h"
#include "minutes.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *stats_outcomes[] = {
	"approved", "noted", "consented", "granted", "rejected", "deferred",
	"referred", "other", NULL
};
static const char *stats_outcomes_ja[] = {
	"承認", "了承", "同意", "可", "否決", "継続", "付託", "その他", NULL
};
#define STATS_OTHER	7	/* "other": an outcome this giji does not know */
#define STATS_TOTAL	8

struct stats_member {
	char	*id;
	char	*name;
	char	*full_name;
	long	 meetings, present, remote, absent, apologies, late, early;
};

struct stats_sum {
	long			 meetings;
	long			 timed;		/* with open and close */
	int64_t			 duration;	/* µs */
	char			 first[11], last[11];
	long			 en;		/* meetings in English */
	struct stats_member	*members;
	size_t			 nmembers;
	long			 decisions[STATS_TOTAL + 1]; /* by stats_outcomes,
							then total */
	long			 carried, failed, votes;
};

/* The meetings of the scope in [from, to]: a WHERE for table alias m. */
static const char stats_where[] =
	" m.id IN (SELECT id FROM temp.scope) AND m.verified = 1"
	" AND (?1 IS NULL OR (m.day != 0 AND m.day >= ?1))"
	" AND (?2 IS NULL OR (m.day != 0 AND m.day <= ?2))";

static int
stats_prepare(struct archive *a, const char *sql, long from, long to,
    sqlite3_stmt **st, char **cause)
{
	if (sqlite3_prepare_v2(a->db, sql, -1, st, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot read the index: %s"), a->path,
		    sqlite3_errmsg(a->db));
		return -1;
	}
	if (from != 0)
		sqlite3_bind_int64(*st, 1, from);
	if (to != 0)
		sqlite3_bind_int64(*st, 2, to);
	return 0;
}

static char *
stats_dup(sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? xstrdup(s) : NULL;
}

static int
stats_collect(struct archive *a, long from, long to, struct stats_sum *s,
    char **cause)
{
	sqlite3_stmt	*st;
	struct buf	 sql;
	const char	*o;
	size_t		 i;
	int		 rc;

	buf_init(&sql);
	buf_printf(&sql, "SELECT count(*), sum(m.close_ts > m.open_ts AND"
	    " m.open_ts != 0), sum(CASE WHEN m.close_ts > m.open_ts AND"
	    " m.open_ts != 0 THEN m.close_ts - m.open_ts ELSE 0 END),"
	    " min(nullif(m.date, '')), max(nullif(m.date, '')),"
	    " sum(m.lang = 'en') FROM meetings m WHERE%s", stats_where);
	rc = stats_prepare(a, sql.s, from, to, &st, cause);
	buf_free(&sql);
	if (rc != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		s->meetings = (long)sqlite3_column_int64(st, 0);
		s->timed = (long)sqlite3_column_int64(st, 1);
		s->duration = sqlite3_column_int64(st, 2);
		o = (const char *)sqlite3_column_text(st, 3);
		snprintf(s->first, sizeof s->first, "%s", o != NULL ? o : "");
		o = (const char *)sqlite3_column_text(st, 4);
		snprintf(s->last, sizeof s->last, "%s", o != NULL ? o : "");
		s->en = (long)sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);

	/* Who sits: members, vice-chairs, chairs and presiding members. */
	buf_init(&sql);
	buf_printf(&sql, "SELECT p.id, p.name, max(p.full_name), count(*),"
	    " sum(p.status IN ('present', 'remote')), sum(p.status = 'remote'),"
	    " sum(p.status IN ('absent', 'apologies')),"
	    " sum(p.status = 'apologies'), sum(p.late), sum(p.early)"
	    " FROM members p JOIN meetings m ON m.id = p.meeting"
	    " WHERE p.kind IN ('member', 'chair', 'vice', 'presiding') AND%s"
	    " GROUP BY p.id, p.name ORDER BY min(p.n), p.id, p.name",
	    stats_where);
	rc = stats_prepare(a, sql.s, from, to, &st, cause);
	buf_free(&sql);
	if (rc != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct stats_member	*mb;

		s->members = xreallocarray(s->members, s->nmembers + 1,
		    sizeof *s->members);
		mb = &s->members[s->nmembers++];
		mb->id = stats_dup(st, 0);
		mb->name = stats_dup(st, 1);
		mb->full_name = stats_dup(st, 2);
		mb->meetings = (long)sqlite3_column_int64(st, 3);
		mb->present = (long)sqlite3_column_int64(st, 4);
		mb->remote = (long)sqlite3_column_int64(st, 5);
		mb->absent = (long)sqlite3_column_int64(st, 6);
		mb->apologies = (long)sqlite3_column_int64(st, 7);
		mb->late = (long)sqlite3_column_int64(st, 8);
		mb->early = (long)sqlite3_column_int64(st, 9);
	}
	sqlite3_finalize(st);

	buf_init(&sql);
	buf_printf(&sql, "SELECT d.outcome, count(*) FROM decisions d"
	    " JOIN meetings m ON m.id = d.meeting WHERE%s GROUP BY d.outcome",
	    stats_where);
	rc = stats_prepare(a, sql.s, from, to, &st, cause);
	buf_free(&sql);
	if (rc != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		o = (const char *)sqlite3_column_text(st, 0);
		for (i = 0; stats_outcomes[i] != NULL; i++) {
			if (o != NULL && strcmp(o, stats_outcomes[i]) == 0)
				break;
		}
		if (stats_outcomes[i] == NULL)
			i = STATS_OTHER;
		s->decisions[i] += (long)sqlite3_column_int64(st, 1);
		s->decisions[STATS_TOTAL] += (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);

	buf_init(&sql);
	buf_printf(&sql, "SELECT count(*), sum(v.outcome = 'carried'),"
	    " sum(v.outcome = 'failed') FROM votes v"
	    " JOIN meetings m ON m.id = v.meeting WHERE%s", stats_where);
	rc = stats_prepare(a, sql.s, from, to, &st, cause);
	buf_free(&sql);
	if (rc != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		s->votes = (long)sqlite3_column_int64(st, 0);
		s->carried = (long)sqlite3_column_int64(st, 1);
		s->failed = (long)sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return 0;
}

static void
stats_free(struct stats_sum *s)
{
	size_t	 i;

	for (i = 0; i < s->nmembers; i++) {
		free(s->members[i].id);
		free(s->members[i].name);
		free(s->members[i].full_name);
	}
	free(s->members);
}

static void
stats_jstr(struct buf *b, const char *key, const char *v, int comma)
{
	char	*q;

	buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
	if (v == NULL || *v == '\0') {
		buf_puts(b, "null");
		return;
	}
	q = json_quote_str(v);
	buf_puts(b, q);
	free(q);
}

static void
stats_json(struct buf *b, const struct stats_sum *s, const char *from,
    const char *to)
{
	size_t	 i;

	buf_puts(b, "{");
	stats_jstr(b, "from", from, 0);
	stats_jstr(b, "to", to, 1);
	stats_jstr(b, "first", s->first, 1);
	stats_jstr(b, "last", s->last, 1);
	buf_printf(b, ",\"meetings\":%ld,\"timed\":%ld,\"seconds\":%lld",
	    s->meetings, s->timed, (long long)(s->duration / 1000000));
	buf_puts(b, ",\"members\":[");
	for (i = 0; i < s->nmembers; i++) {
		const struct stats_member *mb = &s->members[i];

		buf_puts(b, i > 0 ? ",{" : "{");
		stats_jstr(b, "id", mb->id, 0);
		stats_jstr(b, "name", mb->name, 1);
		stats_jstr(b, "full_name", mb->full_name, 1);
		buf_printf(b, ",\"meetings\":%ld,\"present\":%ld,\"remote\":%ld,"
		    "\"absent\":%ld,\"apologies\":%ld,\"late\":%ld,"
		    "\"left_early\":%ld}", mb->meetings, mb->present,
		    mb->remote, mb->absent, mb->apologies, mb->late, mb->early);
	}
	buf_puts(b, "],\"decisions\":{");
	for (i = 0; stats_outcomes[i] != NULL; i++)
		buf_printf(b, "%s\"%s\":%ld", i > 0 ? "," : "",
		    stats_outcomes[i], s->decisions[i]);
	buf_printf(b, "},\"votes\":{\"counted\":%ld,\"carried\":%ld,"
	    "\"failed\":%ld,\"no_outcome\":%ld}}\n", s->votes, s->carried,
	    s->failed, s->votes - s->carried - s->failed);
}

/* 12時間34分, 12 h 34 min */
static char *
stats_hours(int64_t us, int en)
{
	long	 min = (long)(us / 60000000);

	return xasprintf(en ? "%ld h %02ld min" : "%ld時間%02ld分", min / 60,
	    min % 60);
}

/*
 * The attendance table: each member's name and id, then the columns
 * (meetings, present, of which remote, absent, of which apologies, late,
 * left early), aligned by display width.
 */
static void
stats_table(struct buf *b, const struct stats_sum *s, int en)
{
	static const char	*head_en[] = { "member", "meetings", "present",
				    "remote", "absent", "apologies", "late",
				    "left early" };
	static const char	*head_ja[] = { "委員", "会議", "出席",
				    "うち遠隔", "欠席", "うち欠席届", "遅参",
				    "早退" };
	const char		**head = en ? head_en : head_ja;
	char			**names, *p;
	size_t			 w = utf8_width(head[0]), i, j, cw;
	long			 v[7];

	names = xcalloc(s->nmembers + 1, sizeof *names);
	for (i = 0; i < s->nmembers; i++) {
		const struct stats_member *mb = &s->members[i];

		names[i] = xasprintf("%s (%s)", mb->full_name != NULL ?
		    mb->full_name : mb->name != NULL ? mb->name : "",
		    mb->id != NULL ? mb->id : "");
		if (utf8_width(names[i]) > w)
			w = utf8_width(names[i]);
	}
	p = utf8_padr(head[0], w);
	buf_printf(b, "  %s", p);
	free(p);
	for (j = 1; j < 8; j++)
		buf_printf(b, "  %s", head[j]);
	buf_putc(b, '\n');
	for (i = 0; i < s->nmembers; i++) {
		const struct stats_member *mb = &s->members[i];

		v[0] = mb->meetings;
		v[1] = mb->present;
		v[2] = mb->remote;
		v[3] = mb->absent;
		v[4] = mb->apologies;
		v[5] = mb->late;
		v[6] = mb->early;
		p = utf8_padr(names[i], w);
		buf_printf(b, "  %s", p);
		free(p);
		for (j = 1; j < 8; j++) {
			cw = utf8_width(head[j]);
			buf_printf(b, "  %*ld", (int)cw, v[j - 1]);
		}
		buf_putc(b, '\n');
		free(names[i]);
	}
	free(names);
}

static void
stats_text(struct buf *b, const struct stats_sum *s, const char *from,
    const char *to, int en)
{
	const char	*lo = from != NULL ? from : s->first;
	const char	*hi = to != NULL ? to : s->last;
	char		*h;
	size_t		 i;

	h = stats_hours(s->duration, en);
	if (en) {
		buf_printf(b, "Meetings %s to %s\n", *lo != '\0' ? lo : "?",
		    *hi != '\0' ? hi : "?");
		buf_printf(b, "  meetings: %ld, %s in session", s->meetings, h);
		if (s->timed < s->meetings)
			buf_printf(b, " (%ld without an opening and a close "
			    "recorded)", s->meetings - s->timed);
		buf_puts(b, "\n\nAttendance\n");
	} else {
		buf_printf(b, "会議の集計　%s〜%s\n", *lo != '\0' ? lo : "?",
		    *hi != '\0' ? hi : "?");
		buf_printf(b, "  会議 %ld回、会議時間 %s", s->meetings, h);
		if (s->timed < s->meetings)
			buf_printf(b, "（開会と閉会の記録がない会議 %ld回を除く）",
			    s->meetings - s->timed);
		buf_puts(b, "\n\n出席\n");
	}
	free(h);
	stats_table(b, s, en);
	buf_puts(b, en ? "\nDecisions\n" : "\n議決等\n");
	for (i = 0; stats_outcomes[i] != NULL; i++)
		buf_printf(b, "  %s %ld\n", en ? stats_outcomes[i] :
		    stats_outcomes_ja[i], s->decisions[i]);
	/* A vote whose count the rules refuse has no outcome: say so. */
	if (en) {
		buf_printf(b, "\nVotes counted %ld: carried %ld, failed %ld",
		    s->votes, s->carried, s->failed);
		if (s->votes > s->carried + s->failed)
			buf_printf(b, ", no outcome %ld", s->votes -
			    s->carried - s->failed);
		buf_putc(b, '\n');
	} else {
		buf_printf(b, "\n採決 %ld件（可決 %ld、否決 %ld", s->votes,
		    s->carried, s->failed);
		if (s->votes > s->carried + s->failed)
			buf_printf(b, "、結果なし %ld", s->votes - s->carried -
			    s->failed);
		buf_puts(b, "）\n");
	}
}

int
archive_unverified(struct archive *a, void (*fn)(const char *, void *),
    void *arg, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*cause = NULL;
	if (sqlite3_prepare_v2(a->db, "SELECT path FROM meetings WHERE id IN"
	    " (SELECT id FROM temp.scope) AND verified IS NOT 1 ORDER BY path",
	    -1, &st, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot read the index: %s"), a->path,
		    sqlite3_errmsg(a->db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn((const char *)sqlite3_column_text(st, 0), arg);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot read the index: %s"), a->path,
		    sqlite3_errmsg(a->db));
		return -1;
	}
	return 0;
}

char *
archive_stats(struct archive *a, const char *from, const char *to, int json,
    int lang, size_t *len, char **cause)
{
	struct stats_sum	 s;
	struct buf		 b;
	long			 lo = 0, hi = 0;
	int			 y, m, d;

	*cause = NULL;
	if (from != NULL) {
		if (jdate_parse(from, &y, &m, &d) != 0) {
			*cause = xasprintf(_("'%s' is not a date like "
			    "2024-04-01"), from);
			return NULL;
		}
		lo = jdate_days(y, m, d) + ARCHIVE_DAY_BASE;
	}
	if (to != NULL) {
		if (jdate_parse(to, &y, &m, &d) != 0) {
			*cause = xasprintf(_("'%s' is not a date like "
			    "2025-03-31"), to);
			return NULL;
		}
		hi = jdate_days(y, m, d) + ARCHIVE_DAY_BASE;
	}
	memset(&s, 0, sizeof s);
	if (stats_collect(a, lo, hi, &s, cause) != 0) {
		stats_free(&s);
		return NULL;
	}
	if (lang == MINUTES_UNSET)
		lang = s.en * 2 > s.meetings ? MINUTES_EN : MINUTES_JA;
	buf_init(&b);
	if (json)
		stats_json(&b, &s, from, to);
	else
		stats_text(&b, &s, from, to, lang == MINUTES_EN);
	stats_free(&s);
	*len = b.len;
	return buf_detach(&b);
}
