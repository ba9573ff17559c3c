/* SPDX-License-Identifier: ISC */
/*
 * HTML minutes: one self-contained, well-formed (XHTML-compatible) file
 * with its print stylesheet for A4, no script and nothing fetched. Every
 * string from the record is escaped; the model has already removed
 * control and bidi-override characters. The internal version may carry an
 * inline SVG chart of speaking time (the document's chart, from
 * stats_svg in stats.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "minutes-model.h"
#include "xmalloc.h"
#include "xml.h"

static const char css[] =
"@page { size: A4; margin: 20mm 18mm; }\n"
"body { font-family: \"Noto Serif CJK JP\", \"IPAexMincho\", serif;"
" font-size: 10.5pt; line-height: 1.7; max-width: 174mm; margin: 0 auto;"
" color: #000; background: #fff; }\n"
"h1 { font-size: 14pt; text-align: center; margin: 0 0 1em; }\n"
"h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }\n"
"h3, h4 { font-size: 10.5pt; margin: 1em 0 0.3em; }\n"
"p { margin: 0 0 0.5em; }\n"
"p.sub { text-align: center; margin: 0 0 0.5em; }\n"
"table.header { border-collapse: collapse; width: 100%; margin: 0 0 1.5em; }\n"
"table.header th, table.header td { border: 1px solid #000;"
" padding: 2pt 4pt; vertical-align: top; text-align: left; }\n"
"table.header th { white-space: nowrap; font-weight: normal; }\n"
".label { font-weight: bold; }\n"
".speech p.cont { text-indent: 1em; }\n"
".note, .vote { margin-left: 1em; }\n"
".internal { color: #555; font-style: italic; }\n"
".redacted { letter-spacing: 0.1em; }\n"
".closing { text-align: right; margin-top: 1.5em; }\n"
".signature { margin-top: 2em; }\n"
".appendix { font-size: 9.5pt; }\n"
".anchor { font-size: 8pt; color: #555; margin-top: 2em; }\n"
".unverified { font-weight: bold; border: 1px solid #000; padding: 4pt; }\n"
"div.chart { margin: 2em 0; page-break-inside: avoid; }\n"
"@media print { h2, h3, h4 { page-break-after: avoid; }"
" .speech, tr { page-break-inside: avoid; } }\n";

/*
 * Quotes are escaped in text too: one policy for text and attributes. No
 * XML_STRICT: the model has already replaced controls (a U+FFFE or U+FFFF
 * typed into the record goes through, which HTML readers accept).
 */
static void
esc_n(struct buf *o, const char *s, size_t n)
{
	xml_escape(o, s, n, XML_QUOTES);
}

static void
esc(struct buf *o, const char *s)
{
	xml_escape_str(o, s, XML_QUOTES);
}

/* Each line of s escaped, wrapped in open/close. */
static void
esc_lines(struct buf *o, const char *s, const char *open, const char *sep,
    const char *close)
{
	const char	*p = s, *nl;
	int		 n = 0;

	do {
		nl = strchr(p, '\n');
		buf_puts(o, n++ == 0 ? open : sep);
		esc_n(o, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
	buf_puts(o, close);
}

static const char *
role_class(enum mb_role r)
{
	static const char *names[] = {
		"", " chair", " member", " staff", " vote", " decision",
		" quorum", " signature", " internal", " appendix", " anchor",
		" unverified"
	};

	return (size_t)r < sizeof names / sizeof names[0] ? names[r] : "";
}

/* The speech label with the style's brackets, escaped. */
static void
label(const struct mdoc *d, struct buf *o, const struct mblock *bl)
{
	esc(o, d->r.lbl_open);
	esc(o, bl->label != NULL ? bl->label : "");
	esc(o, d->r.lbl_close);
}

static void
speech(const struct mdoc *d, struct buf *o, const struct mblock *bl)
{
	/* Further paragraphs of a turn are indented only where the style does. */
	const char	*cont = *d->r.cont_indent != '\0' ?
			    "</p>\n<p class=\"cont\">" : "</p>\n<p>";

	buf_puts(o, "<div class=\"speech");
	buf_puts(o, role_class(bl->role));
	if (bl->flags & MBF_REDACTED)
		buf_puts(o, " redacted");
	buf_puts(o, "\" id=\"e");
	buf_putnum(o, bl->seq);
	buf_puts(o, "\">\n");
	if (bl->flags & MBF_CONT) {
		/* The same turn goes on: paragraphs only, no label. */
		esc_lines(o, bl->text, *d->r.cont_indent != '\0' ?
		    "<p class=\"cont\">" : "<p>", cont, "</p>\n");
	} else if (bl->flags & MBF_LABEL_LINE) {
		buf_puts(o, "<p class=\"label\">");
		label(d, o, bl);
		buf_puts(o, "</p>\n");
		if (bl->note != NULL) {
			buf_puts(o, "<p class=\"note\">");
			esc(o, bl->note);
			buf_puts(o, "</p>\n");
		}
		esc_lines(o, bl->text, "<p>", "</p>\n<p>", "</p>\n");
	} else {
		buf_puts(o, "<p><span class=\"label\">");
		label(d, o, bl);
		buf_puts(o, "</span>");
		buf_puts(o, *d->r.lbl_gap != '\0' ? " " : "");
		if (bl->note != NULL) {
			buf_puts(o, "<span class=\"note\">");
			esc(o, bl->note);
			buf_puts(o, "</span>");
			if (*bl->text != '\0')
				esc_lines(o, bl->text, "</p>\n<p>", cont,
				    "</p>\n");
			else
				buf_puts(o, "</p>\n");
		} else
			esc_lines(o, bl->text, "", cont, "</p>\n");
	}
	buf_puts(o, "</div>\n");
}

static void
html_begin(struct mout *mo)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;

	buf_printf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n<title>",
	    d->o.lang == MINUTES_EN ? "en" : "ja");
	esc(o, d->doc_title != NULL ? d->doc_title : d->title);
	buf_printf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	    css);
}

static void
html_block(struct mout *mo, const struct mblock *bl, const struct mblock *next)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;
	char			*open, *sep, *t;

	(void)next;
	if (bl->kind != MB_ROW && mo->in_table) {
		buf_puts(o, "</table>\n");
		mo->in_table = 0;
	}
	switch (bl->kind) {
	case MB_TITLE:
		esc_lines(o, bl->text, bl->level == 0 ? "<h1>" :
		    "<p class=\"sub\">", "<br/>", bl->level == 0 ?
		    "</h1>\n" : "</p>\n");
		break;
	case MB_ROW:
		if (d->r.rows == ROWS_LINES) {
			/* The values alone, as the style prints them. */
			esc_lines(o, bl->text, "<p class=\"sub\">", "<br/>",
			    "</p>\n");
			break;
		}
		if (!mo->in_table)
			buf_puts(o, "<table class=\"header\">\n");
		mo->in_table = 1;
		buf_puts(o, "<tr><th>");
		esc(o, bl->label);
		buf_printf(o, "</th><td%s>", bl->label2 != NULL ? "" :
		    " colspan=\"3\"");
		esc_lines(o, bl->text, "", "<br/>", "");
		buf_puts(o, "</td>");
		if (bl->label2 != NULL) {
			buf_puts(o, "<th>");
			esc(o, bl->label2);
			buf_puts(o, "</th><td>");
			esc(o, bl->text2 != NULL ? bl->text2 : "");
			buf_puts(o, "</td>");
		}
		buf_puts(o, "</tr>\n");
		break;
	case MB_HEADING:
		if (bl->role == MR_APPENDIX && !mo->appendix) {
			buf_puts(o, "<div class=\"appendix\">\n");
			mo->appendix = 1;
		}
		buf_printf(o, "<h%d>", bl->level + 1);
		t = mdoc_drop_empty_lines(bl->text);
		esc_lines(o, t, "", " ", "");
		free(t);
		buf_printf(o, "</h%d>\n", bl->level + 1);
		break;
	case MB_SPEECH:
		speech(d, o, bl);
		break;
	case MB_NOTE:
	case MB_PARA:
		open = xasprintf("<p class=\"%s%s%s\">",
		    bl->kind == MB_NOTE ? "note" : "para",
		    role_class(bl->role), (bl->flags & MBF_REDACTED) ?
		    " redacted" : "");
		sep = xasprintf("</p>\n%s", open);
		t = mdoc_drop_empty_lines(bl->text);
		if (*t != '\0')
			esc_lines(o, t, open, sep, "</p>\n");
		free(t);
		free(open);
		free(sep);
		break;
	case MB_LINES:
		buf_printf(o, "<p class=\"lines%s\">", role_class(bl->role));
		esc_lines(o, bl->text, "", "<br/>\n", "</p>\n");
		break;
	case MB_QUESTION:
		esc_lines(o, bl->text, "<p class=\"question\">● ",
		    "</p>\n<p class=\"question cont\">", "</p>\n");
		break;
	case MB_CLOSING:
		/* Its empty lines may be the space left to sign in. */
		esc_lines(o, bl->text, "<p class=\"closing\">", "<br/>",
		    "</p>\n");
		break;
	}
}

static void
html_end(struct mout *mo)
{
	struct buf	*o = &mo->o;

	if (mo->in_table)
		buf_puts(o, "</table>\n");
	if (mo->appendix)
		buf_puts(o, "</div>\n");
	if (mo->d->chart != NULL)
		buf_puts(o, mo->d->chart);
	buf_puts(o, "</body>\n</html>\n");
}

const struct mrenderer mrender_html = { "html", html_begin, html_block,
    html_end, 0 };

char *
minutes_render_html(const struct mdoc *d, size_t *len)
{
	return mdoc_render(d, &mrender_html, len);
}
