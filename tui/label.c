/* SPDX-License-Identifier: ISC */
/*
 * The vocabulary's values as the interface shows them, in the clerk's
 * language (gettext): a vote's method, result and decision, a member's
 * attendance and vote. The log keeps the English names of
 * giji-events(5); the minutes word them in the meeting's language
 * (core/minutes-*.c); these are for the screen only. A value this table
 * does not know is shown as recorded.
 */
#include "config.h"

#include <string.h>

#include "app.h"
#include "i18n.h"

struct label {
	const char	*name;
	const char	*text;
};

static const char *
label_find(const struct label *t, size_t n, const char *name)
{
	size_t	 i;

	if (name == NULL)
		return "?";
	for (i = 0; i < n; i++) {
		if (strcmp(t[i].name, name) == 0)
			return _(t[i].text);
	}
	return name;
}

#define LABEL(t, name)	label_find((t), sizeof (t) / sizeof (t)[0], (name))

const char *
label_method(const char *name)
{
	/* TRANSLATORS: how a vote is taken, as short as possible. */
	static const struct label t[] = {
		{ "hands", N_("show of hands") },
		{ "unanimous", N_("all in favour") },
		{ "consent", N_("no objection") },
		{ "rollcall", N_("roll call") },
		{ "written", N_("written") },
	};

	return LABEL(t, name);
}

const char *
label_outcome(const char *name)
{
	static const struct label t[] = {
		{ "carried", N_("carried") },
		{ "failed", N_("failed") },
	};

	return LABEL(t, name);
}

const char *
label_decision(const char *name)
{
	/* TRANSLATORS: what the body decided on an item. */
	static const struct label t[] = {
		{ "approved", N_("approved") },
		{ "noted", N_("noted") },
		{ "consented", N_("consented") },
		{ "granted", N_("granted") },
		{ "rejected", N_("rejected") },
		{ "deferred", N_("deferred") },
		{ "referred", N_("referred") },
		{ "other", N_("other") },
	};

	return LABEL(t, name);
}

const char *
label_attendance(const char *name)
{
	static const struct label t[] = {
		{ "arrived", N_("arrived") },
		{ "left", N_("left") },
		{ "present", N_("present") },
		{ "absent", N_("absent") },
		{ "apologies", N_("apologies") },
		{ "remote", N_("remote") },
		{ "written", N_("in writing") },
		{ "proxy", N_("proxy") },
	};

	return LABEL(t, name);
}

const char *
label_reaction(const char *name)
{
	/* TRANSLATORS: the kind of a reaction from the room. */
	static const struct label t[] = {
		{ "voices", N_("voices") },
		{ "applause", N_("applause") },
		{ "laughter", N_("laughter") },
		{ "other", N_("other") },
	};

	return LABEL(t, name);
}

int
label_english(void)
{
	return strcmp(_("carried"), "carried") == 0;
}

const char *
label_choice(const char *name)
{
	/* TRANSLATORS: a member's vote. */
	static const struct label t[] = {
		{ "yes", N_("yes") },
		{ "no", N_("no") },
		{ "abstain", N_("abstain") },
		{ "not_voting", N_("not voting") },
		{ "absent", N_("absent") },
	};

	return LABEL(t, name);
}
