/* SPDX-License-Identifier: ISC */
/*
 * Validation: what log_append refuses. An event is checked against its
 * row of the vocabulary (event.c: required fields, JSON types, allowed
 * values), then against the events already in the file (the ids it names
 * exist, a unique id is free, a vote is not on a closed item, an amend
 * leaves its target a valid event). log_append calls it inside its write
 * transaction, so that the references it checks are the committed ones.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "clock.h"
#include "correct.h"
#include "event.h"
#include "i18n.h"
#include "jdate.h"
#include "json.h"
#include "log-int.h"
#include "utf8.h"
#include "vote-query.h"
#include "xmalloc.h"


static int
valid_uuid(const char *s)
{
	uuid_t	 u;

	return strlen(s) == 36 && uuid_parse(s, u) == 0;
}

/*
 * One event, one spelling: giji writes uuids in lower case, its own and
 * those a correction or a reaction names (an export of a file another
 * writer made in upper case imports whole). Returns payload, changed.
 */
static char *
lower_uuids(char *payload)
{
	static const char *const keys[] = { "target", "speech" };
	char	*v, *p, path[16];
	size_t	 k;
	int	 upper;

	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		snprintf(path, sizeof path, "$.%s", keys[k]);
		if (json_kind(payload, path) != JSON_TEXT ||
		    (v = json_get(payload, path)) == NULL)
			continue;
		for (upper = 0, p = v; *p != '\0'; p++) {
			if (*p >= 'A' && *p <= 'F')
				upper = 1;
		}
		if (upper && valid_uuid(v)) {
			for (p = v; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			if ((p = json_set_str(payload, keys[k], v)) != NULL) {
				free(payload);
				payload = p;
			}
		}
		free(v);
	}
	return payload;
}

/* The top-level fields of a payload, read once with json_each. */
struct fields {
	struct json_pair	*p;
	size_t			 n;
};

static const struct json_pair *
field(const struct fields *fs, const char *name)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->p[i].key, name) == 0)
			return &fs->p[i];
	}
	return NULL;
}

/*
 * What is being validated: a new event of type d, or (amend set) the
 * earlier event of type d that an amend corrects, as the amend would
 * leave it. Only the causes differ: "vote.tally: field 'for' must be …"
 * and "amend: field 'for' of vote.tally: must be …".
 */
struct check {
	struct log		*log;
	const struct event_def	*d;
	enum event_type		 t;	/* d's type */
	int			 amend;
	int			 imported;	/* event_in's */
	const struct event_in	*in;		/* its warn */
};

/*
 * What a live writer is refused and an import keeps: a warning for an
 * imported event (0), a refusal otherwise (-1). Takes the cause.
 */
static int
check_lenient(const struct check *ck, char **cause)
{
	if (!ck->imported)
		return -1;
	if (ck->in != NULL && ck->in->warn != NULL)
		ck->in->warn(*cause, ck->in->warn_arg);
	free(*cause);
	*cause = NULL;
	return 0;
}

/*
 * A refusal about field name (NULL: about the whole event). The message
 * starts with its separator from the field: " must be …" or ": unknown …".
 */
static char * __attribute__((format(printf, 3, 4)))
check_cause(const struct check *ck, const char *name, const char *fmt, ...)
{
	va_list		 ap;
	const char	*m;
	char		*msg, *r;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	m = msg + strspn(msg, ": ");
	if (ck->amend && name != NULL)
		r = xasprintf(_("amend: field '%s' of %s: %s"), name, ck->d->type,
		    m);
	else if (ck->amend)
		r = xasprintf(_("amend: %s as amended: %s"), ck->d->type, m);
	else if (name != NULL)
		r = xasprintf(_("%s: field '%s'%s"), ck->d->type, name, msg);
	else
		r = xasprintf("%s: %s", ck->d->type, m);
	free(msg);
	return r;
}

/* An integer field's value (as json_each prints it) in 0 .. EVENT_INT_MAX. */
static int
int_in_range(const char *v)
{
	long long	 n;
	char		*end;

	errno = 0;
	n = strtoll(v, &end, 10);
	return *v != '\0' && *end == '\0' && errno == 0 && n >= 0 &&
	    n <= EVENT_INT_MAX;
}

/* The fields of one line (names, labels, titles, ids), by name. */
static int
one_line(const char *name)
{
	static const char *const names[] = {
		"body", "candidate", "dept", "dept_short", "full_name",
		"holder", "honorific", "id", "item", "label",
		"member", "moved_by", "name", "number", "org", "owner",
		"place", "reading", "role", "seat", "seconded_by", "section",
		"session", "side", "speaker", "staff_label", "vote",
	};
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i], name) == 0)
			return 1;
	}
	return 0;
}

/*
 * An invisible character in an id (a zero-width space, a joiner, a
 * direction mark, a byte-order mark, a tag): ito and ito followed by
 * U+200B look the same and are two members. The first, or 0.
 */
static uint32_t
invisible_in(const char *s)
{
	size_t		 n = strlen(s), off, len;
	uint32_t	 cp;

	for (off = 0; off < n; off += len) {
		len = utf8_decode(s + off, n - off, &cp);
		if ((cp >= 0x200b && cp <= 0x200f) || cp == 0x061c ||
		    cp == 0x180e || (cp >= 0x2060 && cp <= 0x2064) ||
		    cp == 0xfeff || (cp >= 0xe0000 && cp <= 0xe007f))
			return cp;
	}
	return 0;
}

static int
check_value(const struct check *ck, const struct field_def *f,
    const struct fields *fs, char **cause)
{
	const struct json_pair	*jp = field(fs, f->name);
	enum json_kind		 k = jp != NULL ? jp->kind : JSON_NONE;
	const char		*v, *vals;
	size_t			 n, i;
	int64_t			 t;
	uint32_t		 inv;
	int			 okv = 1, y, mo, d;

	if (k == JSON_NONE || k == JSON_NULL) {
		if (f->required) {
			*cause = check_cause(ck, f->name, _(" is required (%s)"),
			    _(f->help));
			return -1;
		}
		return 0;
	}
	switch (f->type) {
	case FT_STRING:
	case FT_TIME:
	case FT_DATE:
		okv = k == JSON_TEXT;
		break;
	case FT_INT:
		/* A real gets the range's message below. */
		okv = k == JSON_INTEGER || k == JSON_REAL;
		break;
	case FT_NUMBER:
		okv = k == JSON_INTEGER || k == JSON_REAL;
		break;
	case FT_BOOL:
		okv = k == JSON_TRUE || k == JSON_FALSE;
		break;
	case FT_LIST:
		okv = k == JSON_ARRAY;
		break;
	case FT_OBJECT:
		okv = k == JSON_OBJECT;
		break;
	case FT_INT_OR_STRING:
		okv = k == JSON_INTEGER || k == JSON_REAL || k == JSON_TEXT;
		break;
	case FT_ANY:
		break;
	}
	if (!okv) {
		*cause = check_cause(ck, f->name, _(" must be %s"),
		    field_type_name(f->type));
		return -1;
	}
	v = jp->value != NULL ? jp->value : "";
	if (f->type == FT_LIST) {
		struct json_pair	*el;

		el = json_pairs(v, &n);
		for (i = 0; okv && i < n; i++)
			okv = el[i].kind == JSON_TEXT;
		json_pairs_free(el, n);
		if (!okv) {
			*cause = check_cause(ck, f->name, _(" must be a list "
			    "of strings"));
			return -1;
		}
	}
	if (f->type == FT_TIME && clock_parse(v, NULL, &t) != 0) {
		*cause = check_cause(ck, f->name, _(" is not an ISO 8601 time "
		    "(like 2022-06-27T14:03:05+09:00): '%s'"), v);
		return -1;
	}
	/*
	 * Every integer of the vocabulary is a count or a number of people:
	 * 0 to EVENT_INT_MAX. SQLite reads an integer too large for 64 bits
	 * as a real (99999999999999999999 is 1.0e+20): refused here, it
	 * cannot come back wrong from the log.
	 */
	if ((f->type == FT_INT || f->type == FT_INT_OR_STRING) &&
	    (k == JSON_INTEGER || k == JSON_REAL) && !int_in_range(v)) {
		*cause = check_cause(ck, f->name, _(" must be an integer from "
		    "0 to %d, not %s"), EVENT_INT_MAX, v);
		return -1;
	}
	/*
	 * A fixed list of values: a live writer is refused any other, an
	 * import keeps an optional field's with a warning (a required
	 * field's is refused: nothing could read the event).
	 */
	if (f->values != NULL && (f->type == FT_STRING ||
	    (f->type == FT_INT_OR_STRING && k == JSON_TEXT)) &&
	    !event_value_ok(f, v)) {
		vals = event_values_words(f);
		if (f->type == FT_INT_OR_STRING)
			*cause = check_cause(ck, f->name, _(": unknown value "
			    "\"%s\": expected a number or %s"), v, vals);
		else
			*cause = check_cause(ck, f->name, _(": unknown value "
			    "\"%s\": expected %s"), v, vals);
		free((char *)vals);
		return f->required ? -1 : check_lenient(ck, cause);
	}
	/*
	 * A name, a label or an id is one line: a line break in a speech's
	 * label would print a line that reads as another member's speech.
	 * Text (a speech, a motion, a title, a note, a reason) may have many.
	 */
	if (f->type == FT_STRING && f->values == NULL && one_line(f->name) &&
	    !utf8_is_clean(v, 0)) {
		*cause = check_cause(ck, f->name, _(" holds a line break or a "
		    "control character: a name, a label or an id is one "
		    "line (write it on one; amend a recorded one)"));
		return check_lenient(ck, cause);
	}
	/* An id, given or named: what a person types must be all visible. */
	if (f->type == FT_STRING && f->values == NULL &&
	    (strcmp(f->name, "id") == 0 || f->ref == REF_MEMBER ||
	    f->ref == REF_ITEM || f->ref == REF_VOTE) &&
	    (inv = invisible_in(v)) != 0) {
		*cause = check_cause(ck, f->name, _(": '%s' holds an invisible "
		    "character (U+%04X), which makes two ids look the same: "
		    "write it without"), v, (unsigned)inv);
		return check_lenient(ck, cause);
	}
	/* A date (meta.set date, action due): YYYY-MM-DD, a calendar day. */
	if (f->type == FT_DATE && jdate_parse(v, &y, &mo, &d) != 0) {
		*cause = check_cause(ck, f->name, _(": \"%s\" is not a date "
		    "like 2025-07-01"), v);
		return check_lenient(ck, cause);
	}
	return 0;
}

/* Every field of the type's row: present when required, of its type. */
/*
 * A field outside the vocabulary is kept and read by nothing: an import
 * says so, as giji add does, with the nearest known name.
 */
static void
warn_unknown_fields(const struct check *ck, const struct fields *fs)
{
	char		*what, *msg;
	size_t		 i;

	if (!ck->imported || ck->in == NULL || ck->in->warn == NULL)
		return;
	for (i = 0; i < fs->n; i++) {
		if ((what = event_unknown_field(ck->d, fs->p[i].key)) == NULL)
			continue;
		msg = xasprintf("%s: %s", ck->d->type, what);
		ck->in->warn(msg, ck->in->warn_arg);
		free(msg);
		free(what);
	}
}

static int
check_values(const struct check *ck, const struct fields *fs, char **cause)
{
	const struct field_def	*f;

	for (f = ck->d->fields; f->name != NULL; f++) {
		if (check_value(ck, f, fs, cause) != 0)
			return -1;
	}
	return 0;
}

int
log_has_id(struct log *log, const char *type, const char *id)
{
	sqlite3_stmt	*st = log_stmt(log, S_HAS_ID);
	int		 found;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);	/* never leave a read transaction open */
	return found;
}

/* 1 when the item was closed (last open/close event is a close). */
static int
item_closed(struct log *log, const char *item)
{
	sqlite3_stmt	*st = log_stmt(log, S_ITEM_STATE);
	int		 closed = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, item, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		closed = event_type_find((const char *)
		    sqlite3_column_text(st, 0)) == EV_AGENDA_CLOSE;
	sqlite3_reset(st);
	return closed;
}

static char *
vote_item(struct log *log, const char *vote)
{
	sqlite3_stmt	*st = log_stmt(log, S_VOTE_ITEM);
	char		*item = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, vote, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		item = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return item;
}

int64_t
log_corrections_mark(struct log *log)
{
	sqlite3_stmt	*st;
	int64_t		 mark = -1;

	if ((st = log_stmt(log, S_CORR_MARK)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		mark = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return mark;
}

/*
 * A reaction inside a speech: speech names a speech, and at (characters
 * from the start of its text) falls within it. An import keeps another
 * writer's with a warning.
 */
static int
check_reaction(const struct check *ck, const struct fields *fs, char **cause)
{
	const struct json_pair	*sp = field(fs, "speech"), *at = field(fs, "at");
	struct event		 ev;
	char			*text, *corrected = NULL, *why = NULL;
	long			 n = 0, len;
	int64_t			 mark;
	int			 rc = 0;

	if (at != NULL && at->kind != JSON_NULL && (sp == NULL ||
	    sp->kind == JSON_NULL)) {
		*cause = check_cause(ck, "at", _(": an offset needs the speech it "
		    "is in (field 'speech')"));
		return check_lenient(ck, cause);
	}
	if (sp == NULL || sp->value == NULL)
		return 0;
	if (at != NULL && at->value != NULL)
		n = strtol(at->value, NULL, 10);
	/*
	 * The same speech as the last reaction's, no correction since:
	 * its length is known (a speech with thousands of reactions is
	 * not read again for each).
	 */
	mark = log_corrections_mark(ck->log);
	if (mark >= 0 && *ck->log->react_uuid != '\0' &&
	    strcmp(ck->log->react_uuid, sp->value) == 0 &&
	    ck->log->react_mark == mark) {
		len = ck->log->react_len;
		goto length;
	}
	if (log_get_uuid(ck->log, sp->value, &ev) != 0)
		return 0;	/* check_refs has said so */
	if (ev.etype != EV_SPEECH) {
		*cause = check_cause(ck, "speech", _(": %s is a %s, not a speech"),
		    sp->value, ev.type);
		event_clear(&ev);
		return check_lenient(ck, cause);
	}
	/* The speech as the minutes print it: with its amends. */
	if (log_corrected(ck->log, &ev, LOG_CORR_AMENDS, &corrected,
	    &why) != 0) {
		*cause = why;
		event_clear(&ev);
		return -1;
	}
	text = json_get(corrected, "$.text");
	len = text != NULL ? (long)utf8_strlen(text) : 0;
	free(text);
	free(corrected);
	event_clear(&ev);
	if (mark >= 0 && strlen(sp->value) < sizeof ck->log->react_uuid) {
		snprintf(ck->log->react_uuid, sizeof ck->log->react_uuid, "%s",
		    sp->value);
		ck->log->react_mark = mark;
		ck->log->react_len = len;
	}
length:
	if (n > len) {
		*cause = check_cause(ck, "at", ngettext(": %ld is past the "
		    "end of the speech's text (%ld character)", ": %ld is past "
		    "the end of the speech's text (%ld characters)",
		    (unsigned long)len), n, len);
		rc = check_lenient(ck, cause);
	}
	return rc;
}

/*
 * A meeting's zone must be one the system knows: every time after it is
 * read and printed in it (an unknown one read as UTC, silently).
 */
static int
check_tz(const struct check *ck, const struct fields *fs, char **cause)
{
	const struct json_pair	*tz = field(fs, "tz");
	char			*clean;

	if (tz == NULL || tz->value == NULL || clock_zone_known(tz->value))
		return 0;
	clean = utf8_sanitize(tz->value, 0);
	*cause = check_cause(ck, "tz", _(": '%s' is not a time zone this "
	    "system knows: give an IANA name (Asia/Tokyo, Europe/London, "
	    "America/New_York; the tzdata package holds them)"), clean);
	free(clean);
	return check_lenient(ck, cause);
}

/*
 * A proxy's holder: only on a proxy, and not the member who gave it (a
 * holder who is no member's id is a name as printed: 議長).
 */
static int
check_holder(const struct check *ck, const struct fields *fs, char **cause)
{
	const struct json_pair	*h = field(fs, "holder");
	const struct json_pair	*st = field(fs, "status");
	const struct json_pair	*mb = field(fs, "member");

	if (h == NULL || h->value == NULL)
		return 0;
	if (st == NULL || st->value == NULL ||
	    strcmp(st->value, "proxy") != 0) {
		*cause = check_cause(ck, "holder", _(": only a proxy has a "
		    "holder (status proxy)"));
		return check_lenient(ck, cause);
	}
	if (mb != NULL && mb->value != NULL && strcmp(mb->value, h->value) ==
	    0) {
		*cause = check_cause(ck, "holder", _(": %s cannot hold their "
		    "own proxy"), h->value);
		return check_lenient(ck, cause);
	}
	return 0;
}

/*
 * A decision names its item, unless its vote is a motion of the meeting
 * (a vote.call without an item).
 */
static int
check_decision_item(const struct check *ck, const struct fields *fs,
    char **cause)
{
	const struct json_pair	*vp = field(fs, "vote");
	char			*item;

	if (vp == NULL || vp->value == NULL) {
		*cause = check_cause(ck, "item", _(" is required (item decided) "
		    "unless field 'vote' names a motion of the meeting"));
		return -1;
	}
	if (ck->imported || log_has_id(ck->log, "vote.call", vp->value) != 1)
		return 0;	/* the order of another writer; check_refs */
	if ((item = vote_item(ck->log, vp->value)) == NULL)
		return 0;
	*cause = check_cause(ck, "item", _(" is required: vote '%s' is on item "
	    "'%s'"), vp->value, item);
	free(item);
	return -1;
}

/*
 * A member's add is not redacted: the minutes would still name them on
 * every line (the roster, labels, ballots). Said, so that nobody thinks
 * a name withheld.
 */
static int
check_redact_target(const struct check *ck, const struct fields *fs,
    char **cause)
{
	const struct json_pair	*tp = field(fs, "target");
	struct event		 t;
	int			 member;

	if (tp == NULL || tp->value == NULL ||
	    log_get_uuid(ck->log, tp->value, &t) != 0)
		return 0;
	member = t.etype == EV_MEMBER_ADD;
	event_clear(&t);
	if (!member)
		return 0;
	*cause = check_cause(ck, "target", _(": a member's add cannot be "
	    "redacted (the minutes name members in the roster, labels and "
	    "counts): for a person the minutes must not name, add them under "
	    "a name they may print (a member of the public) and redact what "
	    "they said"));
	return check_lenient(ck, cause);
}

/*
 * What the payload says about other events: the ids it names exist, the
 * uuid it names is in the log, agenda.order and roll-call ballots name
 * known items and members, a tally gives something to count.
 */
static int
check_refs(const struct check *ck, const char *payload,
    const struct fields *fs, char **cause)
{
	struct log		*log = ck->log;
	const struct field_def	*f;
	sqlite3_stmt		*st;
	char			*v;
	const char		*kind;
	size_t			 n, i;
	int			 found, rc = 0;

	for (f = ck->d->fields; rc == 0 && f->name != NULL; f++) {
		if (f->ref == REF_NONE)
			continue;
		if (field(fs, f->name) == NULL ||
		    field(fs, f->name)->value == NULL)
			continue;
		v = xstrdup(field(fs, f->name)->value);
		switch (f->ref) {
		case REF_MEMBER:
			kind = "member.add";
			break;
		case REF_ITEM:
			kind = "agenda.add";
			break;
		case REF_VOTE:
			kind = "vote.call";
			break;
		default:
			kind = NULL;
			break;
		}
		if (kind != NULL) {
			found = log_has_id(log, kind, v);
			/* Imported: it may come later in the file. */
			if (found != 1 && ck->imported) {
				if (ck->in != NULL &&
				    ck->in->unresolved != NULL) {
					char *why = check_cause(ck, f->name,
					    _(": '%s' is never added (no %s "
					    "gives that id)"), v, kind);

					ck->in->unresolved(kind, v, why,
					    ck->in->warn_arg);
					free(why);
				}
				found = 1;
			}
			if (found != 1) {
				if (f->ref == REF_MEMBER)
					*cause = check_cause(ck, f->name,
					    _(": unknown member '%s' (add it "
					    "first with %s)"), v, kind);
				else if (f->ref == REF_ITEM)
					*cause = check_cause(ck, f->name,
					    _(": unknown agenda item '%s' (add "
					    "it first with %s)"), v, kind);
				else
					*cause = check_cause(ck, f->name,
					    _(": unknown vote '%s' (add it "
					    "first with %s)"), v, kind);
				rc = -1;
			}
		} else if (f->ref == REF_UUID) {
			if (!valid_uuid(v)) {
				*cause = check_cause(ck, f->name, _(": '%s' is "
				    "not a uuid"), v);
				rc = -1;
			} else if ((st = log_stmt(log, S_HAS_UUID)) != NULL) {
				sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
				if (sqlite3_step(st) != SQLITE_ROW) {
					*cause = check_cause(ck, f->name,
					    _(": no event has uuid %s"), v);
					rc = -1;
				}
				sqlite3_reset(st);
			}
		}
		free(v);
	}
	if (rc != 0)
		return rc;
	if (ck->t == EV_REDACT && (rc = check_redact_target(ck, fs,
	    cause)) != 0)
		return rc;

	/* agenda.order names known items, each once. */
	if (ck->t == EV_AGENDA_ORDER &&
	    field(fs, "items") != NULL && field(fs, "items")->value != NULL) {
		char	**ids;
		size_t	 k, j;

		ids = json_list(field(fs, "items")->value, &n);
		for (k = 0; rc == 0 && k < n; k++) {
			if (!ck->imported &&
			    log_has_id(log, "agenda.add", ids[k]) != 1) {
				*cause = check_cause(ck, "items", _(": unknown "
				    "agenda item '%s'"), ids[k]);
				rc = -1;
			}
			for (j = 0; rc == 0 && j < k; j++) {
				if (strcmp(ids[j], ids[k]) == 0) {
					*cause = check_cause(ck, "items", _(": "
					    "'%s' is listed twice"), ids[k]);
					rc = -1;
				}
			}
		}
		json_list_free(ids, n);
	}
	/* Roll-call ballots name members, each once (JSON keys are unique). */
	if (rc == 0 && ck->t == EV_VOTE_TALLY &&
	    json_kind(payload, "$.ballots") == JSON_OBJECT) {
		struct json_pair	*p;

		v = json_get(payload, "$.ballots");
		p = json_pairs(v, &n);
		for (i = 0; rc == 0 && i < n; i++) {
			if (!ck->imported &&
			    log_has_id(log, "member.add", p[i].key) != 1) {
				*cause = check_cause(ck, "ballots", _(": unknown "
				    "member '%s'"), p[i].key);
				rc = -1;
			} else if (p[i].value == NULL ||
			    (strcmp(p[i].value, "yes") != 0 &&
			    strcmp(p[i].value, "no") != 0 &&
			    strcmp(p[i].value, "abstain") != 0 &&
			    strcmp(p[i].value, "not_voting") != 0 &&
			    strcmp(p[i].value, "absent") != 0)) {
				*cause = check_cause(ck, "ballots", _(": member "
				    "'%s' voted '%s'; a ballot is yes, no, "
				    "abstain, not_voting or absent"), p[i].key,
				    p[i].value ? p[i].value : "null");
				rc = -1;
			}
		}
		json_pairs_free(p, n);
		free(v);
	}
	if (rc == 0 && ck->t == EV_VOTE_TALLY &&
	    field(fs, "for") == NULL && field(fs, "against") == NULL &&
	    field(fs, "abstain") == NULL && field(fs, "ballots") == NULL &&
	    field(fs, "unanimous") == NULL) {
		*cause = check_cause(ck, NULL, _("give counts (for, against, "
		    "abstain), ballots, or unanimous: true"));
		rc = -1;
	}
	if (rc == 0 && ck->t == EV_REACTION)
		rc = check_reaction(ck, fs, cause);
	if (rc == 0 && ck->t == EV_ATTENDANCE)
		rc = check_holder(ck, fs, cause);
	if (rc == 0 && ck->t == EV_META_SET)
		rc = check_tz(ck, fs, cause);
	if (rc == 0 && ck->t == EV_DECISION && field(fs, "item") == NULL)
		rc = check_decision_item(ck, fs, cause);
	return rc;
}

/* The types whose id is unique among events of the type. */
static int
has_unique_id(enum event_type t)
{
	return t == EV_MEMBER_ADD || t == EV_AGENDA_ADD || t == EV_VOTE_CALL;
}

/*
 * What a new event may not do in the meeting as it stands: reuse an id,
 * or vote on a closed item. A correction (amend) is exempt: it may come
 * after the item closed.
 */
static int
check_state(const struct check *ck, const char *payload, char **cause)
{
	struct log	*log = ck->log;
	const char	*type = ck->d->type;
	char		*v, *item;
	int		 rc = 0;

	if (has_unique_id(ck->t)) {
		v = json_get(payload, "$.id");
		if (v != NULL && log_has_id(log, type, v) == 1) {
			*cause = check_cause(ck, "id", _(": '%s' is already used "
			    "(ids are unique; correct it with amend)"), v);
			rc = -1;
		}
		free(v);
	}
	if (ck->imported)
		return rc;	/* another writer's order of events stands */
	if (rc == 0 && ck->t == EV_VOTE_CALL) {
		v = json_get(payload, "$.item");
		if (v != NULL && item_closed(log, v)) {
			*cause = check_cause(ck, "item", _(": item '%s' is "
			    "closed (reopen it with agenda.open first)"), v);
			rc = -1;
		}
		free(v);
	}
	if (rc == 0 && ck->t == EV_VOTE_TALLY) {
		v = json_get(payload, "$.vote");
		item = v != NULL ? vote_item(log, v) : NULL;
		if (item != NULL && item_closed(log, item)) {
			*cause = check_cause(ck, "vote", _(": vote '%s' is on "
			    "item '%s', which is closed"), v, item);
			rc = -1;
		}
		free(item);
		free(v);
	}
	return rc;
}

/*
 * The rules of votes (core/vote-query.c, vote_view_check): the counts of
 * a tally as vote.c reads them, a vote called or a member arriving with
 * more members present than seats. An event at seq before (0: a new one)
 * is judged by the events before it.
 */
static int
check_rules(const struct check *ck, const char *payload, int64_t before,
    int64_t ts, char **cause)
{
	char	*why = NULL;
	int	 rc;

	if (ck->t != EV_VOTE_TALLY && ck->t != EV_VOTE_CALL &&
	    ck->t != EV_ATTENDANCE)
		return 0;
	rc = vote_view_check(ck->log, ck->t, payload, before, ts, &why);
	if (rc == 0)
		return 0;
	if (rc < 0) {
		*cause = why;
		return -1;
	}
	*cause = ck->amend ? xasprintf(_("amend: %s as amended: %s"),
	    ck->d->type, why) : xasprintf("%s: %s", ck->d->type, why);
	free(why);
	return check_lenient(ck, cause);
}

/* A correction read for log_corrected, before it joins the index. */
struct corr_row {
	int64_t		 seq;
	char		 uuid[LOG_UUID_LEN];
	char		 target[LOG_UUID_LEN];
	enum event_type	 type;
	char		*data;
};

static int
corr_row_cmp(const void *a, const void *b)
{
	const struct corr_row	*x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * The corrections of ev, and theirs (a retract of an amend, …), found by
 * the index on the target; then the rule of core/correct.c applies them.
 */
int
log_corrected(struct log *log, const struct event *ev, unsigned what,
    char **out, char **cause)
{
	struct corrections	*cs;
	struct corr_row		*rows = NULL, *r;
	sqlite3_stmt		*st;
	const char		*s;
	/* A copy: rows moves as it grows, and a target is one of its own. */
	char			 target[LOG_UUID_LEN];
	int64_t			 after;
	size_t			 n = 0, cap = 0, next = 0, i;
	unsigned		 flags;
	char			*data;
	int			 rc = SQLITE_DONE;

	*out = NULL;
	if ((st = log_stmt(log, S_CORRECTIONS)) == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db),
		    N_("cannot read the corrections"));
		return -1;
	}
	/* Breadth first: ev, then each correction found. */
	snprintf(target, sizeof target, "%s", ev->uuid);
	for (after = ev->seq;;) {
		sqlite3_bind_text(st, 1, target, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, after);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if ((s = (const char *)sqlite3_column_text(st, 0)) ==
			    NULL || sqlite3_column_text(st, 3) == NULL)
				continue;
			if (n == cap) {
				cap = cap != 0 ? cap * 2 : 8;
				rows = xreallocarray(rows, cap, sizeof *rows);
			}
			r = &rows[n++];
			memset(r, 0, sizeof *r);
			r->type = event_type_find(s);
			r->seq = sqlite3_column_int64(st, 2);
			snprintf(r->uuid, sizeof r->uuid, "%s",
			    sqlite3_column_text(st, 3));
			snprintf(r->target, sizeof r->target, "%s", target);
			if ((s = (const char *)sqlite3_column_text(st, 1)) !=
			    NULL)
				r->data = xstrdup(s);
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE || next == n)
			break;
		snprintf(target, sizeof target, "%s", rows[next].uuid);
		after = rows[next].seq;
		next++;
	}
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, N_("cannot read the corrections"));
		for (i = 0; i < n; i++)
			free(rows[i].data);
		free(rows);
		return -1;
	}
	if (n > 1)
		qsort(rows, n, sizeof *rows, corr_row_cmp);
	cs = corrections_new();
	corrections_defer(cs);
	for (i = 0; i < n; i++) {
		corrections_add(cs, rows[i].seq, 0, rows[i].uuid, NULL,
		    rows[i].type, rows[i].target, rows[i].data, NULL, NULL,
		    NULL);
		free(rows[i].data);
	}
	free(rows);
	corrections_settle(cs);
	flags = corrections_apply(cs, ev->uuid, ev->seq, ev->payload, &data,
	    NULL, NULL, NULL);
	corrections_free(&cs);
	if ((what & LOG_CORR_RETRACTS) && (flags & CORR_RETRACTED)) {
		free(data);
		return 0;
	}
	if (!(what & LOG_CORR_AMENDS) || data == NULL) {
		free(data);
		data = xstrdup(ev->payload);
	}
	*out = data;
	return 0;
}

/*
 * The target of an amend as the amends before it made it (log_corrected),
 * kept between the amends of one target: while the only corrections
 * recorded since are amends of it, their data is merged into the copy
 * kept, member by member as corrections_apply merges, instead of every
 * correction of the target being read again for each (10,000 amends of
 * one speech: quadratic). Anything else recorded since (a retract, a
 * redact, an amend of another event) and the copy is made anew.
 */
static int
amended(struct log *log, const struct event *target, char **out,
    char **cause)
{
	sqlite3_stmt		*st;
	struct json_member	*cur;
	const char		*type, *data, *to;
	size_t			 ncur;
	int64_t			 mark;
	int			 rc, ok = 1;

	mark = log_corrections_mark(log);
	if (mark >= 0 && log->amend_data != NULL &&
	    strcmp(log->amend_uuid, target->uuid) == 0 &&
	    (st = log_stmt(log, S_CORR_SINCE)) != NULL) {
		sqlite3_bind_int64(st, 1, log->amend_mark);
		cur = json_split(log->amend_data, &ncur);
		while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			type = (const char *)sqlite3_column_text(st, 0);
			data = (const char *)sqlite3_column_text(st, 1);
			to = (const char *)sqlite3_column_text(st, 2);
			if (type == NULL || strcmp(type, "amend") != 0 ||
			    to == NULL || strcmp(to, target->uuid) != 0 ||
			    data == NULL || *data != '{')
				ok = 0;
			else
				json_members_patch(&cur, &ncur, data);
		}
		if (ok && rc != SQLITE_DONE)
			ok = 0;
		sqlite3_reset(st);
		if (ok) {
			free(log->amend_data);
			log->amend_data = json_join(cur, ncur);
			log->amend_mark = mark;
		}
		json_members_free(cur, ncur);
		if (ok) {
			*out = xstrdup(log->amend_data);
			return 0;
		}
	}
	if (log_corrected(log, target, LOG_CORR_AMENDS, out, cause) != 0)
		return -1;
	free(log->amend_data);
	log->amend_data = NULL;
	if (mark >= 0 && strlen(target->uuid) < sizeof log->amend_uuid) {
		snprintf(log->amend_uuid, sizeof log->amend_uuid, "%s",
		    target->uuid);
		log->amend_mark = mark;
		log->amend_data = xstrdup(*out);
	}
	return 0;
}

/*
 * The first event naming a member's, an item's or a vote's id (the seq),
 * 0 when none does, -1 on a read error: what an amend of the id would cut
 * from it. One scan of the table, for a rare correction.
 */
static int64_t
id_named(struct log *log, enum event_type t, const char *id)
{
	/* One string each (in parentheses: clang warns of a missing comma). */
	static const char *const sql[] = {
		/* member.add */
		("SELECT min(seq) FROM events WHERE type NOT IN ('amend',"
		" 'retract', 'redact') AND (json_extract(payload,"
		" '$.speaker') = ?1 OR json_extract(payload, '$.member') = ?1"
		" OR json_extract(payload, '$.moved_by') = ?1 OR"
		" json_extract(payload, '$.seconded_by') = ?1 OR"
		" json_extract(payload, '$.owner') = ?1 OR json_extract(payload,"
		" '$.candidate') = ?1 OR json_extract(payload, '$.holder') = ?1"
		" OR (type = 'vote.tally' AND EXISTS (SELECT 1 FROM"
		" json_each(payload, '$.ballots') WHERE key = ?1)))"),
		/* agenda.add */
		("SELECT min(seq) FROM events WHERE type NOT IN ('amend',"
		" 'retract', 'redact', 'agenda.add') AND (json_extract(payload,"
		" '$.item') = ?1 OR EXISTS (SELECT 1 FROM json_each(payload)"
		" j, json_each(j.value) v WHERE j.key IN ('joint', 'items',"
		" 'agenda') AND j.type = 'array' AND v.value = ?1))"),
		/* vote.call */
		("SELECT min(seq) FROM events WHERE type NOT IN ('amend',"
		" 'retract', 'redact') AND json_extract(payload, '$.vote') = ?1"),
	};
	sqlite3_stmt	*st;
	int64_t		 seq = -1;
	int		 k;

	k = t == EV_MEMBER_ADD ? 0 : t == EV_AGENDA_ADD ? 1 : t ==
	    EV_VOTE_CALL ? 2 : -1;
	if (k < 0)
		return 0;
	if (sqlite3_prepare_v2(log->db, sql[k], -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);	/* NULL: 0 */
	sqlite3_finalize(st);
	return seq;
}

/*
 * An amend replaces fields of its target: the target as amended (its
 * payload, the amends before, then this one's data, merged as the fold
 * merges them) must still be a valid event of the target's type, with
 * the same lenience as a new one (unknown fields kept, allowed values
 * enforced on required fields). An amend of a correction is not
 * checked: it changes nothing (core/correct.c).
 */
static int
check_amend(struct log *log, const struct event_in *in, const char *payload,
    char **cause)
{
	struct event	 target;
	struct check	 ck;
	struct fields	 fs = { NULL, 0 };
	char		*uuid, *data, *before = NULL, *after = NULL;
	char		*id0 = NULL, *id1 = NULL;
	int64_t		 named;
	int		 rc = -1;

	uuid = json_get(payload, "$.target");
	data = json_get(payload, "$.data");
	memset(&target, 0, sizeof target);
	if (uuid == NULL || data == NULL ||
	    log_get_uuid(log, uuid, &target) != 0) {
		/* check_refs has refused it already. */
		*cause = xasprintf(_("amend: field 'target': no event has uuid "
		    "%s"), uuid != NULL ? uuid : "");
		goto out;
	}
	ck.log = log;
	ck.amend = 1;
	ck.imported = in->imported;
	ck.in = in;
	ck.t = target.etype;
	if (ck.t == EV_UNKNOWN || ck.t == EV_AMEND || ck.t == EV_RETRACT ||
	    ck.t == EV_REDACT) {
		rc = 0;
		goto out;
	}
	ck.d = &event_defs[ck.t];
	if (amended(log, &target, &before, cause) != 0)
		goto out;
	after = json_merge(before, data);
	fs.p = json_pairs(after, &fs.n);
	if (check_values(&ck, &fs, cause) != 0 ||
	    check_refs(&ck, after, &fs, cause) != 0 ||
	    check_rules(&ck, after, target.seq, target.ts, cause) != 0)
		goto out;
	/* A new id must be free (the same id is the target's own). */
	if (has_unique_id(ck.t)) {
		id0 = json_get(before, "$.id");
		id1 = json_get(after, "$.id");
		if (id1 != NULL && (id0 == NULL || strcmp(id0, id1) != 0) &&
		    log_has_id(log, target.type, id1) == 1) {
			*cause = check_cause(&ck, "id", _(": '%s' is already "
			    "used (ids are unique)"), id1);
			goto out;
		}
		if (id0 != NULL && (id1 == NULL || strcmp(id0, id1) != 0) &&
		    (named = id_named(log, ck.t, id0)) != 0) {
			if (named < 0)
				*cause = log_errmsg(log, sqlite3_errcode(log->db),
				    N_("cannot read the log"));
			else
				*cause = check_cause(&ck, "id", _(": '%s' is "
				    "named by seq %lld: an id cannot change "
				    "once an event names it (amend the name or "
				    "the title instead)"), id0, (long long)named);
			goto out;
		}
	}
	rc = 0;
out:
	json_pairs_free(fs.p, fs.n);
	event_clear(&target);
	free(uuid);
	free(data);
	free(before);
	free(after);
	free(id0);
	free(id1);
	return rc;
}

/* "what: cause", cause freed. */
static char *
prefix_cause(const char *what, char **cause)
{
	char	*r = xasprintf("%s: %s", what, *cause);

	free(*cause);
	*cause = NULL;
	return r;
}

/*
 * The first \u0000 escape in a JSON text. A backslash only occurs inside
 * strings and always starts an escape, so each is skipped with the
 * character it escapes.
 */
static const char *
json_nul_escape(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != '\\')
			continue;
		if (s[1] == 'u' && strncmp(s + 2, "0000", 4) == 0)
			return s;
		if (s[1] != '\0')
			s++;
	}
	return NULL;
}

/*
 * The first \u escape of a UTF-16 surrogate that has no partner (\ud800
 * alone): JSON lets it be written, but it is no character, and SQLite
 * would store it as bytes that are not UTF-8.
 */
static const char *
json_lone_surrogate(const char *s)
{
	long	 v, w;

	for (; *s != '\0'; s++) {
		if (*s != '\\')
			continue;
		if (s[1] != 'u') {
			if (s[1] != '\0')
				s++;
			continue;
		}
		if ((v = json_hex4(s + 2)) < 0xd800 || v > 0xdfff) {
			s++;
			continue;
		}
		if (v >= 0xdc00 || s[6] != '\\' || s[7] != 'u' ||
		    (w = json_hex4(s + 8)) < 0xdc00 || w > 0xdfff)
			return s;
		s += 11;	/* the pair */
	}
	return NULL;
}

/*
 * Whether a key's escapes only hide a plain name: decoded, the key holds
 * nothing but letters, digits, '_', '.' and '-' (the shape of every field
 * name of the vocabulary). A key that needs its escapes (a member id with
 * a quote, as a roll call's ballots have) is not one.
 */
static int
json_key_disguised(const char *k, const char *end)
{
	long	 cp;

	for (; k < end; k++) {
		cp = (unsigned char)*k;
		if (*k == '\\') {
			if (k[1] != 'u' || end - k < 6 ||
			    (cp = json_hex4(k + 2)) < 0)
				return 0;
			k += 5;
		}
		if (!(cp < 0x80 && (isalnum((int)cp) || cp == '_' ||
		    cp == '.' || cp == '-')))
			return 0;
	}
	return 1;
}

/*
 * The first object key of a JSON text that an escape disguises
 * ("\u0066or" for "for"), or NULL. SQLite's json_each decodes such a key
 * and its json_extract does not, so giji's checks and its readers would
 * see two different events: refused. The text is valid JSON: outside its
 * strings there is no quote, so a string followed by a colon is a key.
 */
static const char *
json_escaped_key(const char *s)
{
	const char	*start, *kend;
	int		 esc;

	while ((s = strchr(s, '"')) != NULL) {
		start = s++;
		esc = 0;
		for (; *s != '\0' && *s != '"'; s++) {
			if (*s == '\\') {
				esc = 1;
				if (s[1] != '\0')
					s++;
			}
		}
		if (*s == '\0')
			return NULL;
		kend = s++;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (esc && *s == ':' && json_key_disguised(start + 1, kend))
			return start;
	}
	return NULL;
}

int
log_check_json(struct log *log, const char *json, char **cause)
{
	sqlite3_stmt	*st;
	const char	*key;
	size_t		 klen;
	int		 rc;

	*cause = NULL;
	if (json_nul_escape(json) != NULL) {
		*cause = xasprintf(_("a text holds \\u0000 (a NUL character), "
		    "which giji does not store (every program would cut the "
		    "text there): remove it"));
		return -1;
	}
	if ((key = json_lone_surrogate(json)) != NULL) {
		*cause = xasprintf(_("%.6s is half of a UTF-16 surrogate pair "
		    "with no other half: no character; write the character "
		    "itself"), key);
		return -1;
	}
	if ((key = json_escaped_key(json)) != NULL) {
		klen = strcspn(key + 1, "\"") + 2;
		*cause = xasprintf(_("the key %.*s is written with an escape "
		    "(\\): giji and other programs would read different "
		    "fields; write the name plainly"),
		    (int)(klen > 64 ? 64 : klen), key);
		return -1;
	}
	if ((st = log_stmt(log, S_DUP_KEY)) == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db),
		    N_("cannot check the JSON"));
		return -1;
	}
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		key = (const char *)sqlite3_column_text(st, 0);
		*cause = xasprintf(_("the key '%s' appears twice in one object "
		    "(giji would read the first, other programs the last): "
		    "keep one"), key != NULL ? key : "");
	} else if (rc != SQLITE_DONE)
		*cause = xasprintf(_("not JSON"));
	sqlite3_reset(st);
	return *cause != NULL ? -1 : 0;
}

int
log_check_event(struct log *log, const struct event_in *in, char **payload_out,
    char **cause)
{
	struct check	 ck;
	struct fields	 fs;
	char		*payload;
	size_t		 len, bad;

	if ((ck.t = event_type_find(in->type)) == EV_UNKNOWN) {
		*cause = xasprintf(_("unknown event type '%s' (see "
		    "giji-events(5) for the vocabulary)"), in->type ? in->type : "");
		return -1;
	}
	ck.d = &event_defs[ck.t];
	ck.log = log;
	ck.amend = 0;
	ck.imported = in->imported;
	ck.in = in;
	if (in->payload == NULL) {
		*cause = xasprintf(_("%s: no data"), in->type);
		return -1;
	}
	len = strlen(in->payload);
	if (len > LOG_MAX_PAYLOAD) {
		*cause = xasprintf(_("%s: data is %zu bytes; the limit is %d "
		    "(split the text into several events)"), in->type, len,
		    LOG_MAX_PAYLOAD);
		return -1;
	}
	if ((bad = utf8_invalid_at(in->payload, len)) != (size_t)-1) {
		*cause = xasprintf(_("%s: data is not valid UTF-8 (byte %zu is "
		    "0x%02x): convert the text to UTF-8"), in->type, bad,
		    (unsigned char)in->payload[bad]);
		return -1;
	}
	if (json_kind(in->payload, "$") != JSON_OBJECT ||
	    (payload = json_minify(in->payload)) == NULL) {
		*cause = xasprintf(_("%s: data is not a JSON object"), in->type);
		return -1;
	}
	if (log_check_json(log, payload, cause) != 0) {
		*cause = prefix_cause(in->type, cause);
		free(payload);
		return -1;
	}
	payload = lower_uuids(payload);
	fs.p = json_pairs(payload, &fs.n);
	if (check_values(&ck, &fs, cause) != 0)
		goto fail;
	warn_unknown_fields(&ck, &fs);
	if (in->uuid != NULL && !valid_uuid(in->uuid)) {
		*cause = xasprintf(_("%s: '%s' is not a uuid"), in->type, in->uuid);
		goto fail;
	}
	if (check_refs(&ck, payload, &fs, cause) != 0 ||
	    check_state(&ck, payload, cause) != 0 ||
	    check_rules(&ck, payload, 0, in->has_ts ? in->ts : INT64_MIN,
	    cause) != 0)
		goto fail;
	if (ck.t == EV_AMEND && check_amend(log, in, payload, cause) != 0)
		goto fail;
	json_pairs_free(fs.p, fs.n);
	*payload_out = payload;
	return 0;
fail:
	json_pairs_free(fs.p, fs.n);
	free(payload);
	return -1;
}

int
log_check(struct log *log, const struct event_in *in, char **cause)
{
	char	*payload;

	*cause = NULL;
	if (log_check_event(log, in, &payload, cause) != 0)
		return -1;
	free(payload);
	return 0;
}


/* The problems of one recorded event, for log_check_strict. */
struct strict {
	struct log	*log;
	int64_t		 seq;
	void		(*fn)(int64_t, const char *, void *);
	void		*arg;
	size_t		 n;
	/* A decision or a result against its vote (the caller's), or NULL. */
	char		*(*judge)(void *, const struct event *, const char *);
	void		*judge_arg;
	int64_t		 closed;	/* the meeting.close in effect, or 0 */
	int64_t		 closed_ts;	/* and its time */
	/*
	 * After an import (log_check_imported): only the events from seq
	 * from are reported, and only what the import's own checks of each
	 * line cannot see (the state of the whole file); mark: the
	 * corrections mark (0: no correction, nothing to look up).
	 */
	int64_t		 from;
	int		 imported;
	int64_t		 mark;
	/* The ids of retracted adds, and those of adds that stand. */
	struct strict_ids {
		char	**kind, **id;
		size_t	  n;
	}		 gone, live;
};

static void
strict_ids_add(struct strict_ids *ids, const char *kind, char *id)
{
	ids->kind = xreallocarray(ids->kind, ids->n + 1, sizeof *ids->kind);
	ids->id = xreallocarray(ids->id, ids->n + 1, sizeof *ids->id);
	ids->kind[ids->n] = xstrdup(kind);
	ids->id[ids->n++] = id;
}

static int
strict_ids_has(const struct strict_ids *ids, const char *kind,
    const char *id)
{
	size_t	 i;

	for (i = 0; i < ids->n; i++) {
		if (strcmp(ids->id[i], id) == 0 && strcmp(ids->kind[i],
		    kind) == 0)
			return 1;
	}
	return 0;
}

static void
strict_ids_free(struct strict_ids *ids)
{
	size_t	 i;

	for (i = 0; i < ids->n; i++) {
		free(ids->kind[i]);
		free(ids->id[i]);
	}
	free(ids->kind);
	free(ids->id);
	memset(ids, 0, sizeof *ids);
}

/* Each add: its id among the retracted, or (as amended) among those left. */
static int
strict_adds_cb(const struct event *ev, void *arg)
{
	struct strict	*st = arg;
	char		*pl = NULL, *cause = NULL, *id;

	if (log_corrected(st->log, ev, LOG_CORR_AMENDS | LOG_CORR_RETRACTS,
	    &pl, &cause) != 0) {
		free(cause);
		return 0;	/* the event itself says what is wrong */
	}
	if ((id = json_get(pl != NULL ? pl : ev->payload, "$.id")) != NULL)
		strict_ids_add(pl != NULL ? &st->live : &st->gone, ev->type, id);
	free(pl);
	return 0;
}

/* Keep in gone only the ids no add that stands gives (live read once). */
static void
strict_ids_prune(struct strict *st)
{
	size_t	 i, k = 0;

	for (i = 0; i < st->gone.n; i++) {
		if (strict_ids_has(&st->live, st->gone.kind[i],
		    st->gone.id[i])) {
			free(st->gone.kind[i]);
			free(st->gone.id[i]);
			continue;
		}
		st->gone.kind[k] = st->gone.kind[i];
		st->gone.id[k++] = st->gone.id[i];
	}
	st->gone.n = k;
	strict_ids_free(&st->live);
}

/* Whether every add that gives kind's id was retracted. */
static int
id_retracted(struct strict *st, const char *kind, const char *id)
{
	return st->gone.n > 0 && strict_ids_has(&st->gone, kind, id);
}

static void
strict_warn(const char *msg, void *arg)
{
	struct strict	*st = arg;

	if (st->seq < st->from)
		return;		/* before the import: judged by then */
	st->n++;
	st->fn(st->seq, msg, st->arg);
}

/* An amend of a member's, an item's or a vote's id that events name. */
static char *
strict_id_change(struct strict *st, const struct event *ev,
    const struct event *t)
{
	char	*id0, *id1, *why = NULL;
	int64_t	 named;

	if (t->etype != EV_MEMBER_ADD && t->etype != EV_AGENDA_ADD &&
	    t->etype != EV_VOTE_CALL)
		return NULL;
	id0 = json_get(t->payload, "$.id");
	id1 = json_get(ev->payload, "$.data.id");
	if (id0 != NULL && id1 != NULL && strcmp(id0, id1) != 0 &&
	    (named = id_named(st->log, t->etype, id0)) > 0)
		why = xasprintf(_("amend: field 'id' of %s: '%s' is named by "
		    "seq %lld: the amend to '%s' cuts those events from it"),
		    t->type, id0, (long long)named, id1);
	free(id0);
	free(id1);
	return why;
}

/*
 * Whether an agenda.add of id as first written declared a closed session
 * (public anything but true, as the fold reads it: json_not_true).
 */
static int
strict_closed_id(struct log *log, const char *id)
{
	sqlite3_stmt	*st;
	const char	*pl;
	int		 closed = 0;

	if (id == NULL || sqlite3_prepare_v2(log->db, "SELECT payload FROM"
	    " events WHERE type = 'agenda.add' AND json_extract(payload,"
	    " '$.id') = ?1", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (!closed && sqlite3_step(st) == SQLITE_ROW)
		closed = (pl = (const char *)sqlite3_column_text(st, 0)) !=
		    NULL && json_not_true(pl, "public");
	sqlite3_finalize(st);
	return closed;
}

/*
 * A correction that would take a closed session back (the add of an item
 * of public: false retracted or amended to public, its opening retracted
 * or moved to another item): the minutes keep the session closed, so the
 * correction does not do what it seems to.
 */
static char *
strict_closed_back(struct strict *st, const struct event *ev,
    const struct event *t)
{
	char	*id, *v, *why = NULL;
	int	 back;

	if (t->etype != EV_AGENDA_ADD && t->etype != EV_AGENDA_OPEN)
		return NULL;
	if (ev->etype != EV_RETRACT && ev->etype != EV_AMEND)
		return NULL;
	id = json_get(t->payload, t->etype == EV_AGENDA_ADD ? "$.id" :
	    "$.item");
	if (!strict_closed_id(st->log, id)) {
		free(id);
		return NULL;
	}
	back = ev->etype == EV_RETRACT;
	if (!back && t->etype == EV_AGENDA_ADD) {
		v = json_get(ev->payload, "$.data.public");
		back = v != NULL && strcmp(v, "1") == 0;
		free(v);
	} else if (!back) {
		v = json_get(ev->payload, "$.data.item");
		back = v != NULL && strcmp(v, id) != 0;
		free(v);
	}
	if (back)
		why = xasprintf(_("%s of the %s of closed item '%s' (public: "
		    "false): the public minutes keep its session closed (a "
		    "correction does not publish what was said in closed "
		    "session); the internal version has it all"), ev->type,
		    t->type, id);
	free(id);
	return why;
}

static void
strict_target(struct strict *st, const struct event *ev)
{
	struct event	 t;
	char		*target = NULL, *why = NULL;

	if (json_kind(ev->payload, "$.target") != JSON_TEXT ||
	    (target = json_get(ev->payload, "$.target")) == NULL)
		why = xasprintf(_("%s: field 'target' is not a uuid: it "
		    "corrects nothing"), ev->type);
	else if (log_get_uuid(st->log, target, &t) != 0)
		why = xasprintf(_("%s: field 'target': no event has uuid "
		    "%s: it corrects nothing"), ev->type, target);
	else {
		if (t.seq >= ev->seq)
			why = xasprintf(_("%s: field 'target': %s is seq "
			    "%lld, %s: a correction applies only to an earlier "
			    "event, so it changes nothing"), ev->type, target,
			    (long long)t.seq, t.seq == ev->seq ? _("itself") :
			    _("a later event"));
		else if (ev->etype == EV_AMEND &&
		    json_kind(ev->payload, "$.data") != JSON_OBJECT)
			why = xasprintf(_("amend: field 'data' is not an "
			    "object: it changes nothing"));
		else if (ev->etype == EV_AMEND)
			why = strict_id_change(st, ev, &t);
		if (why == NULL)
			why = strict_closed_back(st, ev, &t);
		if (why == NULL && ev->etype == EV_REDACT &&
		    t.etype == EV_MEMBER_ADD)
			why = xasprintf("%s%s", ev->type, _(": a member's add "
			    "cannot be redacted (the minutes name members in the "
			    "roster, labels and counts): for a person the "
			    "minutes must not name, add them under a name they "
			    "may print (a member of the public) and redact what "
			    "they said"));
		event_clear(&t);
	}
	if (why != NULL) {
		strict_warn(why, st);
		free(why);
	}
	free(target);
}

/*
 * What only happens in a sitting, recorded after the meeting closed (in
 * the log and in time) and not opened again: a clerk who forgot to
 * record the reopening, or an event put in the wrong file. Corrections,
 * signers, notes, the meta and an item's closing are recorded after the
 * close too, and are sound.
 */
static int
sitting_only(enum event_type t)
{
	switch (t) {
	case EV_SPEECH:
	case EV_REACTION:
	case EV_INTEREST:
	case EV_AGENDA_OPEN:
	case EV_RECESS:
	case EV_RESUME:
	case EV_VOTE_CALL:
	case EV_VOTE_TALLY:
	case EV_VOTE_RESULT:
	case EV_DECISION:
		return 1;
	default:
		return 0;
	}
}

static void
strict_after_close(struct strict *st, const struct event *ev)
{
	char	*why;

	if (ev->etype == EV_MEETING_OPEN) {
		st->closed = 0;
		return;
	}
	if (ev->etype == EV_MEETING_CLOSE) {
		st->closed = ev->seq;
		st->closed_ts = ev->ts;
		return;
	}
	if (!sitting_only(ev->etype))
		return;
	/*
	 * By its time too: a station's events merged later (giji import
	 * --skip-existing) follow the close in the log but were recorded
	 * while the meeting sat.
	 */
	if (st->closed == 0 || ev->ts <= st->closed_ts)
		return;
	why = xasprintf(_("%s after the meeting closed (meeting.close at seq "
	    "%lld, no meeting.open since): if the meeting went on, retract "
	    "that close and record the close again at its end; if not, "
	    "retract this event"), ev->type, (long long)st->closed);
	strict_warn(why, st);
	free(why);
}

/* The seq of an earlier event of type t with id (0: none), as written. */
static int64_t
strict_first_id(struct log *log, const char *type, const char *id)
{
	sqlite3_stmt	*st = log_stmt(log, S_FIRST_ID);
	int64_t		 seq = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return seq;
}

/*
 * The item of a vote as its call stands, amended (vote_item reads it as
 * first written): the item a clerk moved it to is the one judged.
 */
static char *
strict_vote_item(struct log *log, const char *vote)
{
	struct event	 ev;
	char		*pl = NULL, *cause = NULL, *item = NULL;
	int64_t		 seq;

	if ((seq = strict_first_id(log, "vote.call", vote)) <= 0 ||
	    log_get(log, seq, &ev) != 0)
		return NULL;
	if (log_corrected(log, &ev, LOG_CORR_AMENDS | LOG_CORR_RETRACTS, &pl,
	    &cause) == 0 && pl != NULL)
		item = json_get(pl, "$.item");
	free(cause);
	free(pl);
	event_clear(&ev);
	return item;
}

/* The seq of the close that left item closed before seq (0: open). */
static int64_t
strict_item_closed(struct log *log, const char *item, int64_t before)
{
	sqlite3_stmt	*st = log_stmt(log, S_ITEM_STATE_AT);
	int64_t		 seq = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, item, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, before);
	if (sqlite3_step(st) == SQLITE_ROW && event_type_find((const char *)
	    sqlite3_column_text(st, 0)) == EV_AGENDA_CLOSE)
		seq = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return seq;
}

/*
 * What a live writer refuses (check_state) and an import keeps in the
 * order another writer gave: judged here against the whole file. An id
 * given twice (the minutes know the first add only), a vote called or
 * counted on an item closed and not opened again, a decision without
 * the item its vote is on.
 */
static void
strict_state(struct strict *st, const struct check *ck, const char *pl,
    const struct fields *fs, const struct event *ev)
{
	struct check	 ck1;
	char		*v, *item = NULL, *why = NULL;
	int64_t		 seq;

	if (has_unique_id(ck->t) && (v = json_get(ev->payload, "$.id")) !=
	    NULL) {
		if ((seq = strict_first_id(st->log, ev->type, v)) > 0 &&
		    seq < ev->seq)
			why = xasprintf(_("%s: field 'id': '%s' is the id of seq "
			    "%lld too (ids are unique, and the minutes read "
			    "the first): retract this event and add it again "
			    "with an id of its own"), ev->type, v,
			    (long long)seq);
		free(v);
		if (why != NULL) {
			strict_warn(why, st);
			free(why);
			why = NULL;
		}
	}
	if (ck->t == EV_VOTE_CALL)
		item = json_get(pl, "$.item");
	else if (ck->t == EV_VOTE_TALLY && (v = json_get(pl, "$.vote")) !=
	    NULL) {
		item = strict_vote_item(st->log, v);
		free(v);
	} else if (ck->t == EV_DECISION && field(fs, "item") == NULL &&
	    field(fs, "vote") != NULL) {
		ck1 = *ck;
		ck1.imported = 0;
		if (check_decision_item(&ck1, fs, &why) == 0)
			why = NULL;
	}
	if (item != NULL && (seq = strict_item_closed(st->log, item,
	    ev->seq)) > 0)
		why = xasprintf(_("%s: item '%s' was closed at seq %lld and not "
		    "opened again (a live writer refuses it): if the item was "
		    "reopened, that agenda.open is missing; if the vote was on "
		    "another item, amend the vote.call's item"), ev->type, item,
		    (long long)seq);
	free(item);
	if (why != NULL) {
		strict_warn(why, st);
		free(why);
	}
}

/*
 * After an import: what to judge of ev. 0: nothing (the import checked
 * the line itself, or nothing of the file's state bears on it); 1: the
 * state, with its payload as corrected in *pl; -1: a read failed. The
 * common event (a speech, no correction in the file) costs no query.
 */
static int
strict_imported(struct strict *st, const struct event *ev, char **pl)
{
	char	*cause = NULL;
	int	 state, close;

	*pl = NULL;
	if (ev->etype == EV_UNKNOWN || ev->etype == EV_AMEND ||
	    ev->etype == EV_RETRACT || ev->etype == EV_REDACT)
		return 0;
	/* Before the import: only where the meeting stands (open, closed). */
	if (ev->seq < st->from && ev->etype != EV_MEETING_OPEN &&
	    ev->etype != EV_MEETING_CLOSE)
		return 0;
	state = ev->seq >= st->from && (has_unique_id(ev->etype) ||
	    ev->etype == EV_VOTE_TALLY || ev->etype == EV_DECISION ||
	    ev->etype == EV_VOTE_RESULT);
	close = ev->etype == EV_MEETING_OPEN || ev->etype == EV_MEETING_CLOSE ||
	    sitting_only(ev->etype);
	if (!state && !close && (st->gone.n == 0 || ev->seq < st->from))
		return 0;
	if (st->mark == 0)
		*pl = xstrdup(ev->payload);
	else if (log_corrected(st->log, ev, LOG_CORR_AMENDS |
	    LOG_CORR_RETRACTS, pl, &cause) != 0) {
		strict_warn(cause, st);
		free(cause);
		return 0;
	}
	if (*pl == NULL)
		return 0;	/* retracted */
	if (!state && (st->gone.n == 0 || ev->seq < st->from)) {
		strict_after_close(st, ev);
		free(*pl);
		*pl = NULL;
		return 0;
	}
	return 1;
}

static int
strict_cb(const struct event *ev, void *arg)
{
	struct strict		*st = arg;
	struct event_in		 in;
	struct check		 ck;
	struct fields		 fs;
	const struct field_def	*f;
	const char		*kind;
	char			*pl = NULL, *cause = NULL, *why;
	size_t			 bad;

	st->seq = ev->seq;
	if (st->imported) {
		switch (strict_imported(st, ev, &pl)) {
		case 0:
			return 0;	/* nothing more to judge */
		case 1:
			goto judge;	/* the state, pl read */
		}
		return 1;
	}
	/* A uuid as a writer makes it. */
	if (!valid_uuid(ev->uuid) || strspn(ev->uuid,
	    "0123456789abcdef-") != strlen(ev->uuid)) {
		why = xasprintf(_("uuid '%s' is not a lower-case uuid, as giji "
		    "writes them"), ev->uuid);
		strict_warn(why, st);
		free(why);
	}
	/* A time verify takes (an older writer's) that an import refuses. */
	if (ev->ts < LOG_TS_UTC_MIN || ev->ts > LOG_TS_UTC_MAX)
		strict_warn(_("the time is outside the years 0000 to 9999 in "
		    "UTC, which giji no longer writes: giji log --json prints "
		    "a time that giji import refuses"), st);
	/* Text giji writes is UTF-8; the chain hashes any bytes. */
	if ((bad = utf8_invalid_at(ev->payload, strlen(ev->payload))) !=
	    (size_t)-1) {
		why = xasprintf(_("the payload is not UTF-8 (byte %zu is "
		    "0x%02x), which giji never writes: another program wrote "
		    "it, or the file was altered"), bad,
		    (unsigned char)ev->payload[bad]);
		strict_warn(why, st);
		free(why);
	}
	/*
	 * giji writes a payload without whitespace between its tokens: a
	 * line break there is another program's, and would end a line of
	 * the JSON lines giji log --json writes (it writes a space).
	 */
	if (json_spaced(ev->payload))
		strict_warn(_("the payload has whitespace between its tokens, "
		    "which giji never writes: another program wrote it"), st);
	/* What an append refuses in any event's JSON (an older file's). */
	if (log_check_json(st->log, ev->payload, &cause) != 0) {
		strict_warn(cause, st);
		free(cause);
		cause = NULL;
	}
	if (ev->etype == EV_UNKNOWN) {
		why = xasprintf(_("unknown event type '%s' (a newer "
		    "writer's?): kept, but nothing reads it"), ev->type);
		strict_warn(why, st);
		free(why);
		return 0;
	}
	/*
	 * Corrections are judged through their targets, as amended; a
	 * correction itself must name an earlier event by its uuid (one
	 * that names nothing, itself or a later event changes nothing).
	 */
	if (ev->etype == EV_AMEND || ev->etype == EV_RETRACT ||
	    ev->etype == EV_REDACT) {
		strict_target(st, ev);
		return 0;
	}
	if (log_corrected(st->log, ev, LOG_CORR_AMENDS | LOG_CORR_RETRACTS,
	    &pl, &cause) != 0) {
		strict_warn(cause, st);
		free(cause);
		return 0;
	}
	if (pl == NULL)
		return 0;	/* retracted */
judge:
	memset(&in, 0, sizeof in);
	in.imported = 1;
	in.warn = strict_warn;
	in.warn_arg = st;
	ck.log = st->log;
	ck.t = ev->etype;
	ck.d = &event_defs[ck.t];
	ck.amend = 0;
	ck.imported = 1;
	ck.in = &in;
	fs.p = json_pairs(pl, &fs.n);
	/* What even an import refuses is reported too (an older file's). */
	if (!st->imported && (check_values(&ck, &fs, &cause) != 0 ||
	    check_refs(&ck, pl, &fs, &cause) != 0 ||
	    check_rules(&ck, pl, ev->seq, ev->ts, &cause) != 0)) {
		strict_warn(cause, st);
		free(cause);
		cause = NULL;
	}
	strict_state(st, &ck, pl, &fs, ev);
	if ((ev->etype == EV_DECISION || ev->etype == EV_VOTE_RESULT) &&
	    st->judge != NULL && (why = st->judge(st->judge_arg, ev,
	    pl)) != NULL) {
		strict_warn(why, st);
		free(why);
	}
	strict_after_close(st, ev);
	/* An import may name them before they are added: never at all? */
	for (f = ck.d->fields; f->name != NULL; f++) {
		const struct json_pair *jp = field(&fs, f->name);

		if (jp == NULL || jp->value == NULL || jp->kind != JSON_TEXT)
			continue;
		kind = f->ref == REF_MEMBER ? "member.add" :
		    f->ref == REF_ITEM ? "agenda.add" :
		    f->ref == REF_VOTE ? "vote.call" : NULL;
		if (kind != NULL && log_has_id(st->log, kind, jp->value) == 1) {
			if (id_retracted(st, kind, jp->value)) {
				cause = check_cause(&ck, f->name, _(": '%s' "
				    "was retracted (every %s giving that id "
				    "is): this event names nothing that "
				    "stands; retract the retract to restore "
				    "it, or retract this event too"),
				    jp->value, kind);
				strict_warn(cause, st);
				free(cause);
				cause = NULL;
			}
			continue;
		}
		if (kind == NULL || st->imported)
			continue;	/* an import says so itself */
		cause = check_cause(&ck, f->name, _(": '%s' is never added (no "
		    "%s gives that id)"), jp->value, kind);
		strict_warn(cause, st);
		free(cause);
		cause = NULL;
	}
	json_pairs_free(fs.p, fs.n);
	free(pl);
	return 0;
}

static int
strict_run(struct log *log, int64_t from, void (*fn)(int64_t, const char *,
    void *), void *arg, char *(*judge)(void *, const struct event *,
    const char *), void *judge_arg, size_t *count, char **cause)
{
	struct strict	 st;
	int		 rc;

	memset(&st, 0, sizeof st);
	st.log = log;
	if (from > 0) {
		st.from = from;
		st.imported = 1;
		if ((st.mark = log_corrections_mark(log)) < 0) {
			*cause = log_errmsg(log, sqlite3_errcode(log->db),
			    N_("cannot read the corrections"));
			return -1;
		}
	}
	st.fn = fn;
	st.arg = arg;
	st.judge = judge;
	st.judge_arg = judge_arg;
	rc = log_foreach(log, 1, -1, "member.add", strict_adds_cb, &st, cause);
	if (rc == 0)
		rc = log_foreach(log, 1, -1, "agenda.add", strict_adds_cb, &st,
		    cause);
	if (rc == 0)
		rc = log_foreach(log, 1, -1, "vote.call", strict_adds_cb, &st,
		    cause);
	if (rc == 0) {
		strict_ids_prune(&st);
		rc = log_foreach(log, 1, -1, NULL, strict_cb, &st, cause);
	}
	strict_ids_free(&st.gone);
	strict_ids_free(&st.live);
	*count = st.n;
	return rc;
}

int
log_check_strict(struct log *log, void (*fn)(int64_t, const char *, void *),
    void *arg, char *(*judge)(void *, const struct event *, const char *),
    void *judge_arg, size_t *count, char **cause)
{
	return strict_run(log, 0, fn, arg, judge, judge_arg, count, cause);
}

int
log_check_imported(struct log *log, int64_t from, void (*fn)(int64_t,
    const char *, void *), void *arg, char *(*judge)(void *,
    const struct event *, const char *), void *judge_arg, size_t *count,
    char **cause)
{
	return strict_run(log, from > 0 ? from : 1, fn, arg, judge, judge_arg,
	    count, cause);
}

struct meeting_tz {
	struct log	*log;
	char		*tz;
	char		*cause;
};

static int
meeting_tz_cb(const struct event *ev, void *arg)
{
	struct meeting_tz	*mt = arg;
	char			*pl = NULL, *v;

	if (log_corrected(mt->log, ev, LOG_CORR_AMENDS|LOG_CORR_RETRACTS, &pl,
	    &mt->cause) != 0)
		return 1;	/* stop: a zone read wrong would misplace times */
	if (pl != NULL && (v = json_get(pl, "$.tz")) != NULL) {
		free(mt->tz);
		mt->tz = v;
	}
	free(pl);
	return 0;
}

int
log_meeting_tz(struct log *log, char **tz, char **cause)
{
	struct meeting_tz	 mt;

	*tz = NULL;
	memset(&mt, 0, sizeof mt);
	mt.log = log;
	if (log_foreach(log, 1, -1, "meta.set", meeting_tz_cb, &mt,
	    cause) != 0) {
		free(mt.tz);
		return -1;
	}
	if (mt.cause != NULL) {
		*cause = mt.cause;
		free(mt.tz);
		return -1;
	}
	*tz = mt.tz;
	return 0;
}
