/* SPDX-License-Identifier: ISC */
/*
 * The minutes compiler's front: the table of output formats and
 * minutes_compile, which builds the document and hands it to the format's
 * renderer (the options and their parsing are in minutes-opts.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "i18n.h"
#include "jdate.h"
#include "minutes-model.h"
#include "minutes.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The output formats. Another format is one more row here and one more
 * renderer file reading the document model (minutes-model.h); the
 * open-data formats (akn, popolo) take from it only the meeting and the
 * resolved options, and publish the fold itself (minutes-export.c).
 */
const struct minutes_format minutes_formats[] = {
	{ "text", N_("plain text in the house style"), minutes_render_text,
	    NULL, 0, &mrender_text, 0 },
	{ "md", N_("Markdown"), minutes_render_md, NULL, 0, &mrender_md,
	    0 },
	{ "html", N_("one self-contained HTML file, printable on A4"),
	    minutes_render_html, NULL, 0, &mrender_html, 0 },
	{ "json", N_("the document model as JSON"), minutes_render_json,
	    NULL, 0, &mrender_json, 0 },
	{ "akn", N_("Akoma Ntoso 3.0 debate XML (docs/open-data.md)"),
	    minutes_render_akn, NULL, 0, NULL, 1 },
	{ "popolo", N_("Popolo persons, motions and vote events as JSON"),
	    minutes_render_popolo, NULL, 0, NULL, 1 },
	{ "pdf", N_("PDF on A4, fonts embedded (docs/minutes.md)"),
	    minutes_render_pdf, minutes_check_pdf, 1, NULL, 0 },
	{ "docx", N_("a Word document (ECMA-376) with named styles"),
	    minutes_render_docx, NULL, 1, NULL, 0 },
	{ NULL, NULL, NULL, NULL, 0, NULL, 0 }
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
		*cause = xasprintf(_("unknown format '%s' (one of: %s)"),
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
		*cause = xasprintf(_("could not write the %s document (out "
		    "of memory)"), f->name);
	mdoc_free(&d);
	return out;
}
