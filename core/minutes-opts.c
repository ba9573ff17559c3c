/* SPDX-License-Identifier: ISC */
/*
 * The minutes' options (minutes.h): their defaults, their names and
 * values as the command line and meta.set give them, and two small
 * helpers the builder and the renderers share (durations, letter-spacing).
 * Below the builder and the front: it calls neither.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jdate.h"
#include "minutes.h"
#include "utf8.h"
#include "xmalloc.h"

void
minutes_opts_default(struct minutes_opts *o)
{
	memset(o, 0, sizeof *o);
	o->style = NULL;
	o->lang = o->labels = o->digits = MINUTES_UNSET;
	o->noon = o->gannen = o->public = MINUTES_UNSET;
	o->redaction = NULL;
	o->format = NULL;
}

struct name_value {
	const char	*name;
	int		 value;
};

static int
parse_name(const struct name_value *t, const char *what, const char *s,
    int *out, char **cause)
{
	const struct name_value	*p;
	struct buf		 b;

	for (p = t; s != NULL && p->name != NULL; p++) {
		if (strcmp(p->name, s) == 0) {
			*out = p->value;
			return 0;
		}
	}
	buf_init(&b);
	for (p = t; p->name != NULL; p++)
		buf_printf(&b, "%s%s", p == t ? "" : ", ", p->name);
	*cause = xasprintf(_("unknown %s '%s' (one of: %s)"), _(what),
	    s != NULL ? s : "", b.s);
	buf_free(&b);
	return -1;
}

static const struct name_value lang_names[] = {
	{ "ja", MINUTES_JA },
	{ "en", MINUTES_EN },
	{ NULL, 0 }
};
static const struct name_value label_names[] = {
	{ "role", MINUTES_LABELS_ROLE },
	{ "name_role", MINUTES_LABELS_NAME_ROLE },
	{ "name", MINUTES_LABELS_NAME },
	{ "title", MINUTES_LABELS_TITLE },
	{ NULL, 0 }
};
static const struct name_value digit_names[] = {
	{ "half", JDIGITS_HALF },
	{ "full", JDIGITS_FULL },
	{ "mixed", JDIGITS_MIXED },
	{ NULL, 0 }
};
static const struct name_value noon_names[] = {
	{ "am12", JNOON_AM12 },
	{ "shogo", JNOON_SHOGO },
	{ "pm0", JNOON_PM0 },
	{ NULL, 0 }
};

int
minutes_parse_lang(const char *s, int *v, char **cause)
{
	return parse_name(lang_names, N_("language"), s, v, cause);
}

int
minutes_parse_labels(const char *s, int *v, char **cause)
{
	return parse_name(label_names, N_("label mode"), s, v, cause);
}

int
minutes_parse_digits(const char *s, int *v, char **cause)
{
	return parse_name(digit_names, N_("digit style"), s, v, cause);
}

int
minutes_parse_noon(const char *s, int *v, char **cause)
{
	return parse_name(noon_names, N_("noon form"), s, v, cause);
}

long
minutes_round(int64_t us)
{
	long	 min;

	if (us < 0)
		return 0;
	min = (long)((us + 30000000) / 60000000);
	return min < 1 ? 1 : min;
}

char *
minutes_letterspace(const char *label)
{
	uint32_t	 cp;
	size_t		 n1, len;

	if (label == NULL)
		return xstrdup("");
	len = strlen(label);
	if (utf8_strlen(label) != 2)
		return xstrdup(label);
	n1 = utf8_decode(label, len, &cp);
	return xasprintf("%.*s %s", (int)n1, label, label + n1);
}
