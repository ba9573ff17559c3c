/* SPDX-License-Identifier: ISC */
/*
 * The event vocabulary: every event type giji records, with its data fields,
 * their types and which are required. This table is the single source for
 * validation on append, for typing `giji add key=value` arguments and for
 * docs/giji-events.5.
 */
#ifndef GIJI_EVENT_H
#define GIJI_EVENT_H

/* FT_INT values (counts, seats, ordinals) and integer FT_INT_OR_STRING ones. */
#define EVENT_INT_MAX	2147483647

enum field_type {
	FT_STRING,
	FT_INT,		/* JSON integer, 0 to EVENT_INT_MAX */
	FT_NUMBER,	/* integer or real */
	FT_BOOL,
	FT_LIST,	/* JSON array of strings */
	FT_OBJECT,	/* JSON object */
	FT_TIME,	/* ISO 8601 string (clock_parse) */
	FT_DATE,	/* YYYY-MM-DD string, a day of the calendar */
	FT_INT_OR_STRING, /* e.g. quorum: 11 (as FT_INT) or "majority" */
	FT_ANY
};

enum field_ref {
	REF_NONE,
	REF_MEMBER,	/* a member.add id seen before */
	REF_ITEM,	/* an agenda.add id seen before */
	REF_VOTE,	/* a vote.call id seen before */
	REF_UUID	/* the uuid of an earlier event */
};

struct field_def {
	const char	*name;
	enum field_type	 type;
	int		 required;
	enum field_ref	 ref;
	const char	*values;	/* allowed values, "|"-separated, or NULL */
	const char	*help;
};

/*
 * The event types, one row each: the constant, the name in the log, the
 * row's field table (event.c) and its help line. The enum and event_defs[]
 * are both generated from this list, so event_defs[t] describes type t.
 */
#define EVENT_TYPES(X)							\
	X(EV_META_SET, "meta.set", f_meta,				\
	    "set meeting-wide fields (later values win)")		\
	X(EV_MEMBER_ADD, "member.add", f_member,			\
	    "add a participant to the roster")				\
	X(EV_ATTENDANCE, "attendance", f_attendance,			\
	    "record presence, absence, arrival or departure")		\
	X(EV_MATERIAL_ADD, "material.add", f_material,			\
	    "list a distributed document")				\
	X(EV_AGENDA_ADD, "agenda.add", f_agenda_add,			\
	    "add an agenda item")					\
	X(EV_AGENDA_OPEN, "agenda.open", f_agenda_oc,			\
	    "start deliberating an item")				\
	X(EV_AGENDA_CLOSE, "agenda.close", f_agenda_oc,		\
	    "end deliberating an item")					\
	X(EV_AGENDA_ORDER, "agenda.order", f_agenda_order,		\
	    "reorder the agenda")					\
	X(EV_SPEECH, "speech", f_speech, "one speaker's turn")		\
	X(EV_NOTE, "note", f_note, "procedural narrative")		\
	X(EV_REACTION, "reaction", f_reaction,				\
	    "what the room said or did")				\
	X(EV_RECESS, "recess", f_pause, "the meeting is suspended")	\
	X(EV_RESUME, "resume", f_pause, "the meeting resumes")		\
	X(EV_MEETING_OPEN, "meeting.open", f_none,			\
	    "the chair opens the meeting")				\
	X(EV_MEETING_CLOSE, "meeting.close", f_none,			\
	    "the chair closes the meeting")				\
	X(EV_VOTE_CALL, "vote.call", f_vote_call,			\
	    "open a vote on an item or a motion of the meeting")	\
	X(EV_VOTE_TALLY, "vote.tally", f_vote_tally,			\
	    "counts or ballots (a later tally is a recount)")		\
	X(EV_VOTE_RESULT, "vote.result", f_vote_result,		\
	    "result of a vote")						\
	X(EV_DECISION, "decision", f_decision,				\
	    "what the body decided on an item")				\
	X(EV_INTEREST, "interest", f_interest,				\
	    "a member's declaration of interest")			\
	X(EV_ACTION, "action", f_action,				\
	    "an action item with its owner")				\
	X(EV_SIGNER, "signer", f_signer, "a minute-signing member")	\
	X(EV_AMEND, "amend", f_amend,					\
	    "replace fields of an earlier event")			\
	X(EV_RETRACT, "retract", f_retract,				\
	    "withdraw an earlier event")				\
	X(EV_REDACT, "redact", f_redact,				\
	    "mark an earlier event non-public")

enum event_type {
#define EVENT_TYPE_ENUM(e, name, fields, help) e,
	EVENT_TYPES(EVENT_TYPE_ENUM)
#undef EVENT_TYPE_ENUM
	EV_UNKNOWN	/* a type this giji does not know (a newer writer's) */
};

struct event_def {
	const char		*type;
	const char		*help;
	const struct field_def	*fields;	/* terminated by .name == NULL */
};

/* Indexed by enum event_type; terminated by .type == NULL at EV_UNKNOWN. */
extern const struct event_def event_defs[];

/* The type named, or EV_UNKNOWN: the one place a type name is compared. */
enum event_type		 event_type_find(const char *type);
/* An attendance status: 1 counted present, 0 not, -1 not known. */
int			 event_status_present(const char *status);
/* 1 in the room (present, arrived, remote), 0 not, -1 not known. */
int			 event_status_in_room(const char *status);
/* The name of a known type; NULL for EV_UNKNOWN. */
const char		*event_type_name(enum event_type);
const struct event_def	*event_def_find(const char *type);
const struct field_def	*event_field_find(const struct event_def *,
			    const char *name);
/* A field type as a message says it, in the user's language. */
const char		*field_type_name(enum field_type);
/* Whether v is one of f's allowed values (any value when it has none). */
int			 event_value_ok(const struct field_def *, const char *v);
/* f's allowed values as a message lists them: "a, b or c" (caller frees). */
char			*event_values_words(const struct field_def *);
/* The field of d nearest to an unknown name (a slip), or NULL. */
/*
 * What a field outside the vocabulary is, for a warning: kept and read
 * by nothing, or, in meta.set, kept for a style (#{meta.x}); with the
 * nearest known name. NULL for a known field.
 */
char			*event_unknown_field(const struct event_def *,
			    const char *key);
const char		*event_field_nearest(const struct event_def *,
			    const char *name);

#endif
