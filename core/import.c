/* SPDX-License-Identifier: ISC */
/*
 * Import of JSONL events. Each line is checked (UTF-8, a JSON object, a
 * string type, an object data, a valid ts) and appended through
 * log_append(), so imported events meet the rules of live ones, but for
 * the order of another writer (event_in.imported).
 * A stream is one transaction: a bad line leaves the file as it was.
 */
#include "config.h"

#include <ctype.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "import.h"
#include "json.h"
#include "log.h"
#include "utf8.h"
#include "vote-report.h"
#include "xmalloc.h"

#define IMPORT_TS_MIN	LOG_TS_UTC_MIN
#define IMPORT_TS_MAX	LOG_TS_UTC_MAX

/* The warnings of a stream, given to the caller once it is committed. */
struct import_warnings {
	struct import_warning {
		int64_t	 seq;
		size_t	 lineno;
		char	*msg;
		char	*type;	/* a reference not added yet: its type */
		char	*id;	/* and id, looked up again at the end */
		size_t	 ord;	/* the order it came in */
	}		*w;
	size_t		 n;
	size_t		 pending;	/* of the line being appended */
	size_t		 lineno;
	/* The seq each line got, in order (the state's warnings). */
	struct import_seq {
		int64_t	 seq;
		size_t	 lineno;
	}		*seqs;
	size_t		 nseqs, capseqs;
	int		 judged;	/* a decision or a result among them */
};

static int	import_text(struct log *, const char *, char **, int,
		    struct import_warnings *, char **);

/* event_in.warn: kept until the event's seq is known. */
static void
import_warn(const char *msg, void *arg)
{
	struct import_warnings	*iw = arg;

	iw->w = xreallocarray(iw->w, iw->n + 1, sizeof *iw->w);
	iw->w[iw->n].seq = 0;
	iw->w[iw->n].lineno = iw->lineno;
	iw->w[iw->n].msg = xstrdup(msg);
	iw->w[iw->n].type = iw->w[iw->n].id = NULL;
	iw->w[iw->n].ord = iw->n;
	iw->n++;
	iw->pending++;
}

/*
 * event_in.unresolved: a member, item or vote the line names before it is
 * added, as another writer's file may; a warning if the import ends
 * without adding it.
 */
static void
import_unresolved(const char *type, const char *id, const char *cause,
    void *arg)
{
	struct import_warnings	*iw = arg;

	import_warn(cause, arg);
	iw->w[iw->n - 1].type = xstrdup(type);
	iw->w[iw->n - 1].id = xstrdup(id);
}

/* Drop the warnings of references that the import went on to add. */
static int
import_resolve(struct log *log, struct import_warnings *iw, char **cause)
{
	size_t	 i;
	int	 found;

	for (i = 0; i < iw->n; i++) {
		if (iw->w[i].type == NULL)
			continue;
		found = log_has_id(log, iw->w[i].type, iw->w[i].id);
		if (found < 0) {
			*cause = xasprintf(_("cannot read the log"));
			return -1;
		}
		if (found) {
			free(iw->w[i].msg);
			iw->w[i].msg = NULL;
		}
	}
	return 0;
}

static void
import_warnings_free(struct import_warnings *iw)
{
	size_t	 i;

	for (i = 0; i < iw->n; i++) {
		free(iw->w[i].msg);
		free(iw->w[i].type);
		free(iw->w[i].id);
	}
	free(iw->w);
	free(iw->seqs);
	memset(iw, 0, sizeof *iw);
}

/* log_check_imported's: a warning on the line that gave seq. */
static void
import_state_warn(int64_t seq, const char *msg, void *arg)
{
	struct import_warnings	*iw = arg;
	size_t			 lo = 0, hi = iw->nseqs, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (iw->seqs[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	iw->lineno = lo < iw->nseqs && iw->seqs[lo].seq == seq ?
	    iw->seqs[lo].lineno : 0;
	import_warn(msg, iw);
	iw->w[iw->n - 1].seq = seq;
}

/*
 * What the checks of each line cannot see, once every line is in (still
 * uncommitted): the file's state, as giji verify --strict judges it, for
 * the events imported. A warning, as the others: the events are kept.
 */
static int
import_state(struct log *log, struct import_warnings *iw, char **cause)
{
	struct vote_judge	*judge;
	char			*unfolded = NULL;
	size_t			 n;
	int			 rc;

	if (iw->nseqs == 0)
		return 0;
	/*
	 * The meeting folded, when a decision or a result is to be judged
	 * against its vote; one that cannot be folded: they are not judged.
	 */
	judge = iw->judged ? vote_judge_new(log, &unfolded) : NULL;
	free(unfolded);
	rc = log_check_imported(log, iw->seqs[0].seq, import_state_warn, iw,
	    judge != NULL ? vote_judge_event : NULL, judge, &n, cause);
	vote_judge_free(&judge);
	return rc;
}

/* The warnings by line, those of one line in the order they came. */
static int
import_warning_cmp(const void *a, const void *b)
{
	const struct import_warning *x = a, *y = b;

	if (x->lineno != y->lineno)
		return x->lineno < y->lineno ? -1 : 1;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/*
 * `giji log --json` writes DEL, the C1 controls and the bidi controls as
 * \u escapes so that they never reach a terminal raw; turn exactly those
 * escapes back into the characters, so that export and import give the
 * stored bytes (and so the hashes) back. Inside a JSON text a backslash
 * only occurs in strings, and an escape starts at a backslash preceded by
 * an even number of backslashes.
 */
static char *
unescape_controls(const char *json)
{
	struct buf	 b;
	const char	*p = json, *run = json;
	size_t		 bs = 0;
	unsigned	 cp;
	char		 enc[4];
	long		 h;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (; *p != '\0'; p++) {
		if (*p != '\\') {
			bs = 0;
			continue;
		}
		if (bs++ % 2 == 1 || p[1] != 'u')
			continue;
		if ((h = json_hex4(p + 2)) < 0 ||
		    !json_escaped_cp((unsigned long)h))
			continue;
		cp = (unsigned)h;
		buf_add(&b, run, (size_t)(p - run));
		buf_add(&b, enc, utf8_encode(cp, enc));
		p += 5;
		run = p + 1;
		bs = 0;
	}
	buf_add(&b, run, (size_t)(p - run));
	return buf_detach(&b);
}

static int
import_line_warn(struct log *log, const char *line, size_t len, char **tz,
    int flags, struct import_warnings *iw, char **cause)
{
	char	*text;
	size_t	 bad;
	int	 rc;

	*cause = NULL;
	if (memchr(line, '\0', len) != NULL) {
		*cause = xasprintf(_("contains a NUL byte: the input is "
		    "not JSON lines (is it the meeting file itself? give "
		    "the output of giji log --json)"));
		return -1;
	}
	if ((bad = utf8_invalid_at(line, len)) != (size_t)-1) {
		*cause = xasprintf(_("not valid UTF-8 (byte %zu)"), bad + 1);
		return -1;
	}
	/* The JSON functions read to a NUL: never past len. */
	text = xstrndup(line, len);
	rc = import_text(log, text, tz, flags, iw, cause);
	free(text);
	return rc;
}

int
import_line(struct log *log, const char *line, size_t len, char **tz,
    char **cause)
{
	return import_line_warn(log, line, len, tz, 0, NULL, cause);
}

/*
 * --skip-existing: the line's event is already in the log as found (the
 * same uuid). The same type, time, station and data: 0, skip it. Any
 * difference: -1 with a cause naming the seq and what differs.
 */
static int
import_same(struct log *log, const struct event_in *in, const char *data,
    const struct event *found, char **cause)
{
	const char	*station, *what = NULL;
	char		*min;

	station = in->station != NULL ? in->station : log_station(log);
	min = json_minify(data);
	if (strcmp(found->type, in->type) != 0)
		what = N_("type");
	else if (!in->has_ts)
		what = N_("time (the line has none)");
	else if (found->ts != in->ts)
		what = N_("time");
	else if (strcmp(found->station, station) != 0)
		what = N_("station");
	else if (min == NULL || strcmp(found->payload, min) != 0)
		what = N_("data");
	free(min);
	if (what == NULL)
		return 0;
	*cause = xasprintf(_("%s: uuid %s is already in the log as seq %lld "
	    "with another %s (the same uuid must be the same event)"),
	    in->type, in->uuid, (long long)found->seq, _(what));
	return -1;
}

/* SQLite's JSON reads 2000 levels of arrays and objects (3.40), no more. */
#define IMPORT_DEPTH	2000

/* The deepest nesting of [ and { in a line, strings skipped. */
static int
import_depth(const char *s)
{
	int	 depth = 0, max = 0, in = 0;

	for (; *s != '\0'; s++) {
		if (in) {
			if (*s == '\\' && s[1] != '\0')
				s++;
			else if (*s == '"')
				in = 0;
		} else if (*s == '"')
			in = 1;
		else if (*s == '[' || *s == '{') {
			if (++depth > max)
				max = depth;
		} else if (*s == ']' || *s == '}')
			depth--;
	}
	return max;
}

static int
import_text(struct log *log, const char *line, char **tz, int flags,
    struct import_warnings *iw, char **cause)
{
	struct event_in	 in;
	struct event	 ev;
	size_t		 i;
	enum json_kind	 k;
	char		*type = NULL, *ts = NULL, *data = NULL, *uuid = NULL;
	char		*station = NULL, *own_tz = NULL, *p;
	int		 rc = -1;

	if (json_kind(line, "$") != JSON_OBJECT) {
		/* What is wrong, where it can be told at a glance. */
		if (strncmp(line, "\xef\xbb\xbf", 3) == 0)
			*cause = xasprintf(_("not a JSON object: the line starts "
			    "with a byte-order mark (U+FEFF); save the file as "
			    "UTF-8 without one"));
		else if (strpbrk(line, "\x01\x02\x03\x04\x05\x06\x07\x08"
		    "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
		    "\x19\x1a\x1b\x1c\x1d\x1e\x1f") != NULL)
			*cause = xasprintf(_("not a JSON object: the line holds "
			    "a raw control character (an ESC …); write it as an "
			    "escape (\\u001b)"));
		else if (import_depth(line) > IMPORT_DEPTH)
			*cause = xasprintf(_("not read: its JSON is nested more "
			    "than %d deep (SQLite's JSON reads no deeper); no "
			    "event of the vocabulary needs more than a few"),
			    IMPORT_DEPTH);
		else
			*cause = xasprintf(_("not a JSON object"));
		return -1;
	}
	if (log_check_json(log, line, cause) != 0)
		return -1;
	memset(&in, 0, sizeof in);
	if (json_kind(line, "$.type") != JSON_TEXT) {
		*cause = xasprintf(_("'type' is missing or not a string"));
		goto out;
	}
	type = json_get(line, "$.type");
	k = json_kind(line, "$.data");
	if (k == JSON_NONE || k == JSON_NULL)
		data = xstrdup("{}");
	else if (k == JSON_OBJECT) {
		char	*raw = json_get(line, "$.data");

		data = unescape_controls(raw);
		free(raw);
	}
	else {
		*cause = xasprintf(_("%s: 'data' must be an object"), type);
		goto out;
	}
	/* A meta.set that sets the zone is itself read in it. */
	if (event_type_find(type) == EV_META_SET &&
	    json_kind(data, "$.tz") == JSON_TEXT)
		own_tz = json_get(data, "$.tz");
	k = json_kind(line, "$.ts");
	if (k == JSON_TEXT) {
		ts = json_get(line, "$.ts");
		if (clock_parse(ts, own_tz != NULL ? own_tz : *tz,
		    &in.ts) != 0) {
			*cause = xasprintf(_("%s: 'ts' is not a time like "
			    "2022-06-27T14:03:05+09:00: '%s'"), type, ts);
			goto out;
		}
		in.has_ts = 1;
	} else if (k == JSON_INTEGER) {
		char	*end;

		ts = json_get(line, "$.ts");
		errno = 0;
		in.ts = strtoll(ts, &end, 10);
		/*
		 * Only what a written time can give (years 0000 to 9999, any
		 * offset): far beyond, differences of times overflow. SQLite
		 * gives a too large integer as a real (1.0e+20).
		 */
		if (errno != 0 || *end != '\0' || in.ts < IMPORT_TS_MIN ||
		    in.ts > IMPORT_TS_MAX) {
			*cause = xasprintf(_("%s: 'ts' %s is out of range "
			    "(years 0000 to 9999 in UTC microseconds)"), type,
			    ts);
			goto out;
		}
		in.has_ts = 1;
	} else if (k != JSON_NONE && k != JSON_NULL) {
		*cause = xasprintf(_("%s: 'ts' must be a time like "
		    "2024-06-27T14:00:00+09:00 or a whole number of UTC "
		    "microseconds"), type);
		goto out;
	}
	if (json_kind(line, "$.uuid") == JSON_TEXT &&
	    (uuid = json_get(line, "$.uuid")) != NULL) {
		/* One event, one spelling: giji writes uuids in lower case. */
		for (p = uuid; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	if (json_kind(line, "$.station") == JSON_TEXT)
		station = json_get(line, "$.station");
	in.type = type;
	in.payload = data;
	in.uuid = uuid;
	in.station = station;
	in.imported = 1;
	if (iw != NULL) {
		in.warn = import_warn;
		in.unresolved = import_unresolved;
		in.warn_arg = iw;
		iw->pending = 0;
	}
	rc = log_append(log, &in, &ev, cause);
	if (rc == 0) {
		/* The warnings of this line name the seq it got. */
		for (i = 0; iw != NULL && i < iw->pending; i++)
			iw->w[iw->n - 1 - i].seq = ev.seq;
		if (iw != NULL) {
			if (iw->nseqs == iw->capseqs) {
				iw->capseqs = iw->capseqs ? 2 * iw->capseqs :
				    64;
				iw->seqs = xreallocarray(iw->seqs, iw->capseqs,
				    sizeof *iw->seqs);
			}
			iw->seqs[iw->nseqs].seq = ev.seq;
			iw->seqs[iw->nseqs++].lineno = iw->lineno;
			if (ev.etype == EV_DECISION ||
			    ev.etype == EV_VOTE_RESULT)
				iw->judged = 1;
		}
		event_clear(&ev);
	} else if (rc == LOG_EXISTS && (flags & IMPORT_SKIP_EXISTING)) {
		/* The same event, recorded here already: skipped (1). */
		free(*cause);
		*cause = NULL;
		rc = import_same(log, &in, data, &ev, cause) == 0 ? 1 : -1;
		event_clear(&ev);
	} else if (rc == LOG_EXISTS) {
		/* A line whose uuid is already in the log is refused. */
		free(*cause);
		*cause = xasprintf(_("%s: uuid %s is already in the log (seq "
		    "%lld): to merge a record that holds events of this file, "
		    "import it with --skip-existing"), type, uuid,
		    (long long)ev.seq);
		event_clear(&ev);
		rc = -1;
	}
	if (rc >= 0 && own_tz != NULL) {
		free(*tz);
		*tz = own_tz;
		own_tz = NULL;
	}
out:
	free(type);
	free(ts);
	free(data);
	free(uuid);
	free(station);
	free(own_tz);
	return rc;
}

/*
 * One line of f without its LF into b: 1, or 0 at the end of the input,
 * -1 when the line is longer than max (the rest is left unread), -2 on a
 * read error.
 */
static int
read_line(FILE *f, struct buf *b, size_t max)
{
	char	 chunk[4096];
	size_t	 n = 0;
	int	 c, rc = 1;

	buf_reset(b);
	for (;;) {
		if ((c = getc_unlocked(f)) == EOF) {
			rc = ferror(f) ? -2 : b->len + n > 0 ? 1 : 0;
			break;
		}
		if (c == '\n')
			break;
		if (b->len + n == max) {
			rc = -1;
			break;
		}
		chunk[n++] = (char)c;
		if (n == sizeof chunk) {
			buf_add(b, chunk, n);
			n = 0;
		}
	}
	buf_add(b, chunk, n);
	return rc;
}

int
import_stream(struct log *log, FILE *in, size_t *count, size_t *lineno,
    import_warn_fn warn, void *arg, char **cause)
{
	return import_stream_flags(log, in, 0, count, NULL, lineno, warn, arg,
	    cause);
}

int
import_stream_flags(struct log *log, FILE *in, int flags, size_t *count,
    size_t *skipped, size_t *lineno, import_warn_fn warn, void *arg,
    char **cause)
{
	struct import_warnings	 iw;
	struct buf		 b;
	char			*tz = NULL, *why;
	size_t			 len, i;
	int			 rc;

	if (skipped != NULL)
		*skipped = 0;
	*count = 0;
	*lineno = 0;
	*cause = NULL;
	memset(&iw, 0, sizeof iw);
	if (log_begin(log, cause) != 0)
		return -1;
	/* A time without its offset is the meeting's local time. */
	if (log_meeting_tz(log, &tz, cause) != 0) {
		log_rollback(log);
		return -1;
	}
	buf_init(&b);
	while ((rc = read_line(in, &b, IMPORT_MAX_LINE)) == 1) {
		(*lineno)++;
		len = b.len;
		while (len > 0 && b.s[len - 1] == '\r')
			len--;
		if (len == 0 || strspn(b.s, " \t") >= len)
			continue;
		iw.lineno = *lineno;
		rc = import_line_warn(log, b.s, len, &tz, flags, &iw, &why);
		if (rc < 0) {
			*cause = why;
			goto fail;
		}
		if (rc == 1 && skipped != NULL)
			(*skipped)++;
		else if (rc == 0)
			(*count)++;
	}
	if (rc == -1) {
		(*lineno)++;
		*cause = xasprintf(_("the line is longer than %d bytes, more "
		    "than any event giji writes (its data may be at most %d "
		    "bytes)"), IMPORT_MAX_LINE, LOG_MAX_PAYLOAD);
		goto fail;
	}
	if (rc == -2) {
		*cause = xasprintf(_("read error: %s"), strerror(errno));
		*lineno = 0;
		goto fail;
	}
	buf_free(&b);
	free(tz);
	tz = NULL;
	if (import_resolve(log, &iw, cause) != 0 ||
	    import_state(log, &iw, cause) != 0) {
		*lineno = 0;
		goto fail;
	}
	if (log_commit(log, cause) != 0) {
		*lineno = 0;
		import_warnings_free(&iw);
		return -1;
	}
	if (iw.n > 1)
		qsort(iw.w, iw.n, sizeof *iw.w, import_warning_cmp);
	for (i = 0; warn != NULL && i < iw.n; i++) {
		if (iw.w[i].msg != NULL)
			warn(iw.w[i].seq, iw.w[i].lineno, iw.w[i].msg, arg);
	}
	import_warnings_free(&iw);
	return 0;
fail:
	buf_free(&b);
	free(tz);
	import_warnings_free(&iw);
	log_rollback(log);
	return -1;
}
