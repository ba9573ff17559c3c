/*
 * The event vocabulary: every event type of DESIGN.md with its data fields,
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

struct event_def {
	const char		*type;
	const char		*help;
	const struct field_def	*fields;	/* terminated by .name == NULL */
};

extern const struct event_def event_defs[];	/* terminated by .type == NULL */

const struct event_def	*event_def_find(const char *type);
const struct field_def	*event_field_find(const struct event_def *,
			    const char *name);
const char		*field_type_name(enum field_type);

#endif
