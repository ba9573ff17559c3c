/*
 * The minutes compiler's front: options and their parsing, defaults from
 * the meeting's meta.set fields, the table of output formats, and the
 * small helpers shared by the renderers (durations, label padding).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "jdate.h"
#include "minutes-model.h"
#include "minutes.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The output formats. Another format (Akoma Ntoso, Popolo) is one more
 * row here and one more renderer file taking the same document model.
 */
const struct minutes_format minutes_formats[] = {
	{ "text", "plain text in the house style", minutes_render_text,
	    NULL, 0 },
	{ "md", "Markdown", minutes_render_md, NULL, 0 },
	{ "html", "one self-contained HTML file, printable on A4",
	    minutes_render_html, NULL, 0 },
	{ "json", "the document model as JSON", minutes_render_json, NULL, 0 },
	{ "akn", "Akoma Ntoso 3.0 debate XML (docs/open-data.md)",
	    minutes_render_akn, NULL, 0 },
	{ "popolo", "Popolo persons, motions and vote events as JSON",
	    minutes_render_popolo, NULL, 0 },
	{ "pdf", "PDF on A4, fonts embedded (docs/minutes.md)",
	    minutes_render_pdf, minutes_check_pdf, 1 },
	{ "docx", "a Word document (ECMA-376) with named styles",
	    minutes_render_docx, NULL, 1 },
	{ NULL, NULL, NULL, NULL, 0 }
};

const struct minutes_format *
minutes_format_find(const char *name)
{
	const struct minutes_format	*f;

	if (name == NULL)
		name = "text";
	for (f = minutes_formats; f->name != NULL; f++) {
		if (strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

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
	*cause = xasprintf("unknown %s '%s' (one of: %s)", what,
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
	return parse_name(lang_names, "language", s, v, cause);
}

int
minutes_parse_labels(const char *s, int *v, char **cause)
{
	return parse_name(label_names, "label mode", s, v, cause);
}

int
minutes_parse_digits(const char *s, int *v, char **cause)
{
	return parse_name(digit_names, "digit style", s, v, cause);
}

int
minutes_parse_noon(const char *s, int *v, char **cause)
{
	return parse_name(noon_names, "noon form", s, v, cause);
}

char *
minutes_compile(const struct meeting *m, const struct minutes_opts *o,
    size_t *len, char **cause)
{
	const struct minutes_format	*f;
	struct mdoc			*d;
	char				*out;

	*cause = NULL;
	if ((f = minutes_format_find(o->format)) == NULL) {
		struct buf	 b;

		buf_init(&b);
		for (f = minutes_formats; f->name != NULL; f++)
			buf_printf(&b, "%s%s", f == minutes_formats ? "" : ", ",
			    f->name);
		*cause = xasprintf("unknown format '%s' (one of: %s)",
		    o->format, b.s);
		buf_free(&b);
		return NULL;
	}
	if ((d = mdoc_build(m, o, cause)) == NULL)
		return NULL;
	if (f->check != NULL && f->check(d, cause) != 0) {
		mdoc_free(&d);
		return NULL;
	}
	/* A binary writer fails only when its library runs out of memory. */
	if ((out = f->render(d, len)) == NULL)
		*cause = xasprintf("could not write the %s document (out of "
		    "memory)", f->name);
	mdoc_free(&d);
	return out;
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
