/* SPDX-License-Identifier: ISC */
/*
 * The event vocabulary (giji-events(5)) as data: one row per event type, one
 * row per data field with its JSON type, whether it is required, what it
 * refers to and its allowed values. log-check.c validates appends against
 * it, the CLI types `key=value` arguments with it, and docs/giji-events.5
 * documents the same rows.
 */
#include "config.h"

#include <string.h>

#include "event.h"
#include "i18n.h"
#include "nearest.h"
#include "xmalloc.h"

#define END { NULL, FT_ANY, 0, REF_NONE, NULL, NULL }

/*
 * A required field's help is shown when the field is missing
 * (log-check.c): those are marked for translation.
 */

static const struct field_def f_meta[] = {
	{ "title", FT_STRING, 0, REF_NONE, NULL, "meeting name as printed" },
	{ "body", FT_STRING, 0, REF_NONE, NULL, "the council or committee" },
	{ "date", FT_DATE, 0, REF_NONE, NULL, "YYYY-MM-DD" },
	{ "start", FT_STRING, 0, REF_NONE, NULL, "HH:MM, when it differs from meeting.open" },
	{ "end", FT_STRING, 0, REF_NONE, NULL, "HH:MM, when it differs from meeting.close" },
	{ "place", FT_STRING, 0, REF_NONE, NULL, "where it is held" },
	{ "tz", FT_STRING, 0, REF_NONE, NULL, "IANA time zone, one the system knows (its zone file; default Asia/Tokyo)" },
	{ "lang", FT_STRING, 0, REF_NONE, "ja|en", "language of the minutes (default ja, or en when the style serves only English)" },
	{ "style", FT_STRING, 0, REF_NONE, NULL, "house style of the minutes: the name of a style (summary, verbatim, qa, written …, or one in the styles folders) or the path of a NAME.style file; a path to any other file is refused" },
	{ "style_options", FT_OBJECT, 0, REF_NONE, NULL, "the style's options for this meeting, an object of NAME: VALUE (giji-style(5))" },
	{ "session", FT_STRING, 0, REF_NONE, NULL, "the session this sitting belongs to (令和7年第3回市議会定例会, regular session)" },
	{ "seats", FT_INT, 0, REF_NONE, NULL, "members of the body (a presiding member of kind presiding holds none)" },
	{ "quorum", FT_INT_OR_STRING, 0, REF_NONE, "majority", "the members present needed to do business (majority: more than half the seats)" },
	{ "rule", FT_STRING, 0, REF_NONE, "majority|majority_present|majority_seats|two_thirds|two_thirds_present|two_thirds_seats|three_quarters|three_quarters_present|three_quarters_seats|four_fifths|four_fifths_present|four_fifths_seats|unanimity", "default rule that carries a motion (docs/votes.md; default majority)" },
	{ "abstain", FT_STRING, 0, REF_NONE, "not_cast|cast", "abstentions counted as votes cast or not (default not_cast)" },
	{ "chair", FT_STRING, 0, REF_NONE, "casting|votes|second|when_needed", "the presiding member only breaks ties, votes as a member, votes as a member and breaks a tie with a second vote (a UK council's chair), or votes only when the members fall one short (default casting)" },
	{ "secretariat", FT_STRING, 0, REF_NONE, NULL, "the secretariat's name" },
	{ "staff_label", FT_STRING, 0, REF_NONE, NULL, "how the minutes name the staff side" },
	{ "observers", FT_INT, 0, REF_NONE, NULL, "number of observers (傍聴者)" },
	{ "public", FT_BOOL, 0, REF_NONE, NULL, "false: a closed meeting" },
	{ "closed_reason", FT_STRING, 0, REF_NONE, NULL, "why the meeting is closed" },
	{ "contact", FT_STRING, 0, REF_NONE, NULL, "問い合わせ先" },
	{ "notice", FT_STRING, 0, REF_NONE, NULL, "closing notice, lines separated by newlines" },
	{ "labels", FT_STRING, 0, REF_NONE, "role|name_role|name|title", "speaker label mode" },
	{ "number", FT_STRING, 0, REF_NONE, NULL, "the document number: in open-data identifiers, and where a style prints it as #{meta.number} (会議録（第2号）)" },
	{ "ordinal", FT_INT, 0, REF_NONE, NULL, "the meeting's number in its fiscal year (第N回)" },
	{ "digits", FT_STRING, 0, REF_NONE, "half|full|mixed", "digit width in the minutes" },
	{ "noon", FT_STRING, 0, REF_NONE, "am12|shogo|pm0", "how 12:00 is printed (午前12時, 正午, 午後0時)" },
	{ "gannen", FT_BOOL, 0, REF_NONE, NULL, "false: print 1年 instead of 元年" },
	{ "redaction", FT_STRING, 0, REF_NONE, NULL, "phrase replacing non-public passages (default: the style's; empty is taken as unset: a withheld passage is always marked)" },
	END
};

static const struct field_def f_member[] = {
	{ "id", FT_STRING, 1, REF_NONE, NULL, N_("short id, unique among members") },
	{ "name", FT_STRING, 1, REF_NONE, NULL, N_("as printed (often the surname)") },
	{ "full_name", FT_STRING, 0, REF_NONE, NULL, "for the signature block" },
	{ "honorific", FT_STRING, 0, REF_NONE, NULL, "form of address before the name, as printed (Mr, Ms, Dr, Hon.)" },
	{ "reading", FT_STRING, 0, REF_NONE, NULL, "reading of the name (kana)" },
	{ "role", FT_STRING, 0, REF_NONE, NULL, "会長, 委員, 課長 …" },
	{ "kind", FT_STRING, 0, REF_NONE, "member|chair|vice|presiding|staff|group|observer", "kind of participant (presiding: presides but holds no seat; staff: an official who attends to explain or serve, or an officer who attends without a vote, such as an auditor (監査役, 監事); group: an organisation heard as one, not a person, such as 区側 or a delegation; observer: a person attending without a seat, such as a member of the public who speaks)" },
	{ "seat", FT_STRING, 0, REF_NONE, NULL, "seat number as printed (15)" },
	{ "org", FT_STRING, 0, REF_NONE, NULL, "organisation or department" },
	{ "side", FT_STRING, 0, REF_NONE, "secretariat|implementing", "for staff" },
	{ "agenda", FT_LIST, 0, REF_NONE, NULL, "item ids a staff member attends for, or an observer or a group is heard on (a witness)" },
	END
};

static const struct field_def f_attendance[] = {
	{ "member", FT_STRING, 1, REF_MEMBER, NULL, N_("member id") },
	{ "status", FT_STRING, 1, REF_NONE, "present|absent|arrived|left|apologies|remote|written|proxy", N_("attendance (apologies: sent apologies, counted absent; remote: took part remotely, counted present; written: voted in writing beforehand, 書面表決, and proxy: gave a proxy, 表決委任, each counted present as the body's rules deem them)") },
	{ "note", FT_STRING, 0, REF_NONE, NULL, "a word on how or why, as the minutes print it (work commitment; by telephone, from item 5)" },
	{ "holder", FT_STRING, 0, REF_NONE, NULL, "status proxy only: who holds the proxy, a member's id (not the member who gave it) or, when it is no member's id, a name as printed (議長)" },
	END
};

static const struct field_def f_material[] = {
	{ "title", FT_STRING, 1, REF_NONE, NULL, N_("title of the document") },
	{ "id", FT_STRING, 0, REF_NONE, NULL, "short id" },
	END
};

static const struct field_def f_agenda_add[] = {
	{ "id", FT_STRING, 1, REF_NONE, NULL, N_("short id, unique among items") },
	{ "title", FT_STRING, 1, REF_NONE, NULL, N_("title of the item") },
	{ "kind", FT_STRING, 0, REF_NONE, "consultation|report|procedure|ordinance|resolution|election|petition|other", "kind of item (petition: 請願・陳情)" },
	{ "label", FT_STRING, 0, REF_NONE, NULL, "printed prefix (ア, 諮問第4号, （１）)" },
	{ "dept", FT_STRING, 0, REF_NONE, NULL, "department in charge" },
	{ "dept_short", FT_STRING, 0, REF_NONE, NULL, "section name used in labels" },
	{ "section", FT_STRING, 0, REF_NONE, NULL, "group heading it falls under" },
	{ "public", FT_BOOL, 0, REF_NONE, NULL, "false: taken in closed session (非公開, exempt business): the public minutes (giji minutes --public) print one redaction phrase where the words recorded on it stood (its speeches, notes, reactions, interests, motions, decisions, actions and materials), not who spoke or moved, nor who voted how, nor an attendance's note, nor when; its heading and counts stay; a correction of the add or of its opening does not publish the session, and lists of materials and actions mark its own as redacted; a value giji never writes (a string, a number, null, the key twice or written with an escape) is read as false" },
	END
};

static const struct field_def f_agenda_oc[] = {
	{ "item", FT_STRING, 1, REF_ITEM, NULL, N_("item id") },
	{ "joint", FT_LIST, 0, REF_NONE, NULL, "further items deliberated with it" },
	{ "heading", FT_STRING, 0, REF_NONE, NULL, "printed heading in place of the title, when it differs (the item's label, where the style prints one, still comes before it)" },
	END
};

static const struct field_def f_agenda_order[] = {
	{ "items", FT_LIST, 1, REF_NONE, NULL, N_("item ids in their new order (items not listed follow, in their old order)") },
	END
};

static const struct field_def f_speech[] = {
	{ "speaker", FT_STRING, 1, REF_MEMBER, NULL, N_("member id") },
	{ "text", FT_STRING, 1, REF_NONE, NULL, N_("what was said") },
	{ "started", FT_TIME, 0, REF_NONE, NULL, "when its first key was typed (ISO 8601)" },
	{ "label", FT_STRING, 0, REF_NONE, NULL, "speaker label as printed" },
	{ "kind", FT_STRING, 0, REF_NONE, "explanation|question|answer|remark", "kind of speech" },
	END
};

static const struct field_def f_note[] = {
	{ "text", FT_STRING, 1, REF_NONE, NULL, N_("procedural narrative") },
	{ "kind", FT_STRING, 0, REF_NONE, "narrative|stage|heading", "narrative (default), a stage direction, or a heading where it stands (a sub-heading inside an item, or between items: 開議の宣告)" },
	{ "member", FT_STRING, 0, REF_MEMBER, NULL, "whom a stage direction concerns" },
	END
};

static const struct field_def f_reaction[] = {
	{ "text", FT_STRING, 1, REF_NONE, NULL, N_("what the room said or did (異議なし, 拍手, Laughter)") },
	{ "kind", FT_STRING, 0, REF_NONE, "voices|applause|laughter|other", "kind of reaction" },
	{ "speech", FT_STRING, 0, REF_UUID, NULL, "uuid of the speech it interrupted" },
	{ "at", FT_INT, 0, REF_NONE, NULL, "where in that speech's text it came, in characters (code points) from its start" },
	END
};

static const struct field_def f_none[] = {
	END
};

static const struct field_def f_pause[] = {
	{ "note", FT_STRING, 0, REF_NONE, NULL, "how the house words it, for a style that prints it (for ten minutes, 暫時休憩; a closed session is an item of public: false, which giji stats does not count as a suspension)" },
	END
};

static const struct field_def f_vote_call[] = {
	{ "id", FT_STRING, 1, REF_NONE, NULL, N_("short id, unique among votes") },
	{ "item", FT_STRING, 0, REF_ITEM, NULL, "item voted on; none for a motion of the meeting itself (the agenda, the previous minutes, adjournment)" },
	{ "motion", FT_STRING, 0, REF_NONE, NULL, "motion text" },
	{ "method", FT_STRING, 1, REF_NONE, "hands|unanimous|consent|rollcall|written", N_("how the vote is taken") },
	{ "rule", FT_STRING, 0, REF_NONE, "majority|majority_present|majority_seats|two_thirds|two_thirds_present|two_thirds_seats|three_quarters|three_quarters_present|three_quarters_seats|four_fifths|four_fifths_present|four_fifths_seats|unanimity", "rule that carries this vote (default: the meeting's)" },
	{ "needed", FT_INT, 0, REF_NONE, NULL, "votes needed to carry when the law fixes a number (replaces the rule's)" },
	{ "voters", FT_INT, 0, REF_NONE, NULL, "the voters in the room at the call, counted, when the roster does not list them (a town meeting's checked-in voters, an association's members present by head count): replaces the members present that the attendance gives, for the quorum and the votes (0: the attendance's)" },
	{ "deadline", FT_TIME, 0, REF_NONE, NULL, "written votes: answers after it are late" },
	{ "moved_by", FT_STRING, 0, REF_MEMBER, NULL, "member who moved the motion, in the room as the attendance stands (not absent, gone, in writing or by proxy)" },
	{ "seconded_by", FT_STRING, 0, REF_MEMBER, NULL, "member who seconded it: another member, in the room as well" },
	{ "seconded", FT_BOOL, 0, REF_NONE, NULL, "the motion was seconded, by whom not recorded (seconded_by names the seconder)" },
	{ "number", FT_STRING, 0, REF_NONE, NULL, "the motion's number as printed" },
	{ "reading", FT_STRING, 0, REF_NONE, NULL, "the reading it is on, as the body words it (first reading, by title only)" },
	{ "candidate", FT_STRING, 0, REF_NONE, NULL, "an election's candidate: a member id, or a name printed as given" },
	END
};

static const struct field_def f_vote_tally[] = {
	{ "vote", FT_STRING, 1, REF_VOTE, NULL, N_("vote id") },
	{ "for", FT_INT, 0, REF_NONE, NULL, "votes in favour" },
	{ "against", FT_INT, 0, REF_NONE, NULL, "votes against" },
	{ "abstain", FT_INT, 0, REF_NONE, NULL, "abstentions" },
	{ "ballots", FT_OBJECT, 0, REF_NONE, NULL, "{member: yes|no|abstain|not_voting|absent}" },
	{ "unanimous", FT_BOOL, 0, REF_NONE, NULL, "all in favour" },
	{ "casting", FT_STRING, 0, REF_NONE, "yes|no", "the chair's casting vote on a tie (repeating the counts, it completes the tally)" },
	{ "presiding", FT_STRING, 0, REF_NONE, "yes|no", "the presiding member's vote under chair when_needed (repeating the counts, it completes the tally)" },
	END
};

static const struct field_def f_vote_result[] = {
	{ "vote", FT_STRING, 1, REF_VOTE, NULL, N_("vote id") },
	{ "outcome", FT_STRING, 1, REF_NONE, "carried|failed", N_("result") },
	{ "declared", FT_BOOL, 0, REF_NONE, NULL, "true when the chair declared it" },
	END
};

static const struct field_def f_decision[] = {
	{ "item", FT_STRING, 0, REF_ITEM, NULL, "item decided; required unless its vote is a motion of the meeting" },
	{ "outcome", FT_STRING, 1, REF_NONE, "approved|noted|consented|granted|rejected|deferred|referred|other", N_("decision (deferred: continued to a later meeting, 継続審査; referred: sent to a committee, 付託)") },
	{ "vote", FT_STRING, 0, REF_VOTE, NULL, "the vote it follows" },
	{ "joint", FT_LIST, 0, REF_NONE, NULL, "further items decided together" },
	{ "text", FT_STRING, 0, REF_NONE, NULL, "the sentence as the body words it" },
	{ "number", FT_STRING, 0, REF_NONE, NULL, "resolution, ordinance or minute number as printed (議決第12号, Ordinance 2025-07, 25/031)" },
	END
};

static const struct field_def f_interest[] = {
	{ "member", FT_STRING, 1, REF_MEMBER, NULL, N_("member declaring it") },
	{ "item", FT_STRING, 0, REF_ITEM, NULL, "item it concerns" },
	{ "text", FT_STRING, 0, REF_NONE, NULL, "the interest as declared" },
	{ "withdraws", FT_BOOL, 0, REF_NONE, NULL, "true: the member leaves for the item and is not a voter on its votes called after it (record attendance arrived when they come back: a return, not a late arrival)" },
	END
};

static const struct field_def f_action[] = {
	{ "text", FT_STRING, 1, REF_NONE, NULL, N_("what is to be done") },
	{ "owner", FT_STRING, 0, REF_NONE, NULL, "who does it: a member id, or a name printed as given" },
	{ "due", FT_DATE, 0, REF_NONE, NULL, "YYYY-MM-DD" },
	{ "item", FT_STRING, 0, REF_ITEM, NULL, "item it arose from" },
	END
};

static const struct field_def f_signer[] = {
	{ "member", FT_STRING, 1, REF_MEMBER, NULL, N_("member id") },
	{ "role", FT_STRING, 0, REF_NONE, NULL, "the role they sign in (署名委員, 議事録署名人): #{signer_role} in a style" },
	{ "purpose", FT_STRING, 0, REF_NONE, "designation|signature", "named to sign, or signs" },
	{ "text", FT_STRING, 0, REF_NONE, NULL, "wording" },
	END
};

static const struct field_def f_amend[] = {
	{ "target", FT_STRING, 1, REF_UUID, NULL, N_("uuid of the event corrected") },
	{ "data", FT_OBJECT, 1, REF_NONE, NULL, N_("fields that replace the target's; the target as amended must be a valid event of its type") },
	END
};

static const struct field_def f_retract[] = {
	{ "target", FT_STRING, 1, REF_UUID, NULL, N_("uuid of the event withdrawn") },
	{ "reason", FT_STRING, 0, REF_NONE, NULL, "why" },
	END
};

static const struct field_def f_redact[] = {
	{ "target", FT_STRING, 1, REF_UUID, NULL, N_("uuid of the non-public event (not a member.add: the minutes name members in the roster, labels and counts)") },
	{ "reason", FT_STRING, 0, REF_NONE, NULL, "why" },
	END
};

/*
 * How an attendance status counts, for the quorum and the votes: 1
 * present, 0 not, -1 a status another writer knows and this one does not
 * (it changes nothing). One home for the rule: the fold, the rules of
 * votes and the terminal's roster read it here.
 */
int
event_status_present(const char *status)
{
	static const struct {
		const char	*status;
		int		 present;
	} t[] = {
		{ "present", 1 }, { "arrived", 1 }, { "remote", 1 },
		{ "written", 1 }, { "proxy", 1 },
		{ "absent", 0 }, { "apologies", 0 }, { "left", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (strcmp(status, t[i].status) == 0)
			return t[i].present;
	}
	return -1;
}

/* In the room: counted present and not by a paper (written, proxy). */
int
event_status_in_room(const char *status)
{
	int	 p = event_status_present(status);

	if (p == 1 && (strcmp(status, "written") == 0 ||
	    strcmp(status, "proxy") == 0))
		return 0;
	return p;
}

const struct event_def event_defs[] = {
#define EVENT_TYPE_ROW(e, name, fields, help) { name, help, fields },
	EVENT_TYPES(EVENT_TYPE_ROW)
#undef EVENT_TYPE_ROW
	{ NULL, NULL, NULL }
};

enum event_type
event_type_find(const char *type)
{
	int	 t;

	if (type == NULL)
		return EV_UNKNOWN;
	for (t = 0; t < EV_UNKNOWN; t++) {
		if (strcmp(event_defs[t].type, type) == 0)
			return (enum event_type)t;
	}
	return EV_UNKNOWN;
}

const char *
event_type_name(enum event_type t)
{
	return t >= 0 && t < EV_UNKNOWN ? event_defs[t].type : NULL;
}

const struct event_def *
event_def_find(const char *type)
{
	enum event_type		 t = event_type_find(type);

	return t == EV_UNKNOWN ? NULL : &event_defs[t];
}

const struct field_def *
event_field_find(const struct event_def *d, const char *name)
{
	const struct field_def	*f;

	for (f = d->fields; f->name != NULL; f++) {
		if (strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

const char *
field_type_name(enum field_type t)
{
	switch (t) {
	case FT_STRING:
		return _("string");
	case FT_INT:
		return _("integer");
	case FT_NUMBER:
		return _("number");
	case FT_BOOL:
		return _("boolean");
	case FT_LIST:
		return _("list of strings");
	case FT_OBJECT:
		return _("object");
	case FT_TIME:
		return _("time (ISO 8601)");
	case FT_DATE:
		return _("date (YYYY-MM-DD)");
	case FT_INT_OR_STRING:
		return _("integer or string");
	case FT_ANY:
		break;
	}
	return _("any");
}

int
event_value_ok(const struct field_def *f, const char *v)
{
	const char	*vals, *e;
	size_t		 n;

	if (f->values == NULL)
		return 1;
	if (v == NULL)
		return 0;
	n = strlen(v);
	for (vals = f->values; *vals != '\0'; vals = e + (*e == '|')) {
		if ((e = strchr(vals, '|')) == NULL)
			e = strchr(vals, '\0');
		if (n == (size_t)(e - vals) && strncmp(v, vals, n) == 0)
			return 1;
	}
	return 0;
}

char *
event_values_words(const struct field_def *f)
{
	struct buf	 b;
	const char	*vals, *e;

	buf_init(&b);
	for (vals = f->values; vals != NULL && *vals != '\0';
	    vals = e + (*e == '|')) {
		if ((e = strchr(vals, '|')) == NULL)
			e = strchr(vals, '\0');
		/* TRANSLATORS: between the values of a list: a, b or c. */
		if (vals != f->values)
			buf_puts(&b, *e == '\0' ? _(" or ") : _(", "));
		buf_add(&b, vals, (size_t)(e - vals));
	}
	buf_add(&b, "", 0);
	return buf_detach(&b);
}

char *
event_unknown_field(const struct event_def *d, const char *key)
{
	const char	*near;

	if (event_field_find(d, key) != NULL)
		return NULL;
	near = event_field_nearest(d, key);
	if (d == &event_defs[EV_META_SET] && near != NULL)
		return xasprintf(_("field '%s' is not in the vocabulary (did "
		    "you mean '%s'?); it is kept, and a style may print it as "
		    "#{meta.%s}"), key, near, key);
	if (d == &event_defs[EV_META_SET])
		return xasprintf(_("field '%s' is not in the vocabulary; it is "
		    "kept, and a style may print it as #{meta.%s}"), key, key);
	if (near != NULL)
		return xasprintf(_("unknown field '%s' (did you mean '%s'?); "
		    "it is kept but nothing reads it"), key, near);
	return xasprintf(_("unknown field '%s'; it is kept but nothing reads "
	    "it (giji-events(5) lists the fields of %s)"), key, d->type);
}

const char *
event_field_nearest(const struct event_def *d, const char *name)
{
	const struct field_def	*f, *best = NULL;
	size_t			 dist, bd = (size_t)-1, len = strlen(name);

	for (f = d->fields; f->name != NULL; f++) {
		dist = name_distance(name, f->name);
		/* A field name the given one starts or ends: bye, by. */
		if (dist > 2 && (strncmp(f->name, name, len) == 0 ||
		    strncmp(name, f->name, strlen(f->name)) == 0))
			dist = 2;
		if (dist < bd) {
			bd = dist;
			best = f;
		}
	}
	/* Near enough to be a slip: a third of the name, at least 2. */
	if (best == NULL || bd > (len / 3 > 2 ? len / 3 : 2))
		return NULL;
	return best->name;
}
