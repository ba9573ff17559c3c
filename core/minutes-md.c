/* SPDX-License-Identifier: ISC */
/*
 * Markdown minutes (CommonMark with a GFM table for the header): the same
 * blocks as the text renderer, with headings marked, the header rows as a
 * two-column table and every user string escaped so that no character of
 * the record turns into markup.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "minutes-model.h"
#include "xmalloc.h"

/* Escape one line of text: ASCII punctuation that Markdown reads. */
static void
esc_line(struct buf *o, const char *s, size_t n, int cell)
{
	size_t	 i = 0, k;

	/* A line that would start a list, a heading, a quote or a rule. */
	if (n > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=' ||
	    s[0] == '>' || s[0] == '#' || s[0] == ' ')) {
		if (s[0] == ' ')
			buf_puts(o, "&#32;");
		else
			buf_printf(o, "\\%c", s[0]);
		i = 1;
	} else {
		for (k = 0; k < n && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (k > 0 && k < n && (s[k] == '.' || s[k] == ')')) {
			buf_add(o, s, k);
			buf_printf(o, "\\%c", s[k]);
			i = k + 1;
		}
	}
	/* Runs without punctuation copied whole; a line ends at \n or NUL. */
	while (i < n) {
		k = strcspn(s + i, "\\`*_[]<>|#&~!\t\n");
		if (k > n - i)
			k = n - i;
		buf_add(o, s + i, k);
		if ((i += k) == n)
			break;
		if (s[i] == '\t' || s[i] == '\n')
			buf_putc(o, cell && s[i] == '\t' ? ' ' : s[i]);
		else {
			buf_putc(o, '\\');
			buf_putc(o, s[i]);
		}
		i++;
	}
}

/* Each line of s escaped, with first before the first and sep between. */
static void
esc_lines(struct buf *o, const char *s, const char *first, const char *sep,
    const char *end, int cell)
{
	const char	*p = s, *nl;
	int		 n = 0;

	do {
		nl = strchr(p, '\n');
		buf_puts(o, n++ == 0 ? first : sep);
		esc_line(o, p, nl != NULL ? (size_t)(nl - p) : strlen(p), cell);
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
	buf_puts(o, end);
}

/*
 * A speaker's label in strong emphasis. CommonMark reads ** as emphasis
 * only against a character that is not a space: the label's spaces and
 * line breaks at its ends (a style's "\n" before a label) stay outside,
 * those before it dropped (the paragraph has begun), those after it
 * written after the closing **. An empty label is not marked.
 */
static void
strong(struct buf *o, const char *s)
{
	size_t	 n = strlen(s), a, b;

	for (a = 0; a < n && strchr(" \t\n", s[a]) != NULL; a++)
		;
	for (b = n; b > a && strchr(" \t\n", s[b - 1]) != NULL; b--)
		;
	if (a < b) {
		buf_puts(o, "**");
		esc_line(o, s + a, b - a, 0);
		buf_puts(o, "**");
	}
	buf_add(o, s + b, n - b);
}

static void
speech(const struct mdoc *d, struct buf *o, const struct mblock *bl)
{
	char	*lab;

	if (bl->flags & MBF_CONT) {
		/* The same turn goes on: paragraphs only. */
		esc_lines(o, bl->text, "", "\n\n", "\n\n", 0);
		return;
	}
	lab = mdoc_label(d, bl);
	strong(o, lab);
	free(lab);
	if (bl->flags & MBF_LABEL_LINE) {
		/* The label alone, a note under it, then the text. */
		if (bl->note != NULL) {
			buf_puts(o, "\n\n");
			esc_line(o, bl->note, strlen(bl->note), 0);
		}
		esc_lines(o, bl->text, "\n\n", "\n\n", "\n\n", 0);
		return;
	}
	if (bl->note != NULL) {
		buf_puts(o, *d->r.lbl_gap != '\0' ? " " : "");
		esc_line(o, bl->note, strlen(bl->note), 0);
		if (*bl->text == '\0') {
			buf_puts(o, "\n\n");
			return;
		}
		esc_lines(o, bl->text, "\n\n", "\n\n", "\n\n", 0);
		return;
	}
	buf_puts(o, d->r.lbl_gap);
	esc_lines(o, bl->text, "", "\n\n", "\n\n", 0);
}


/*
 * A block whose lines follow each other (as = lines): each run of lines
 * a paragraph of hard breaks, an empty line parting runs (a line of a
 * lone backslash would print one).
 */
static void
lines_block(struct buf *o, const char *text)
{
	char	*t = xstrdup(text), *p = t, *e;

	while (*p != '\0') {
		while (*p == '\n')
			p++;
		if (*p == '\0')
			break;
		if ((e = strstr(p, "\n\n")) != NULL)
			*e = '\0';
		esc_lines(o, p, "", "\\\n", "\n\n", 0);
		if (e == NULL)
			break;
		p = e + 1;
	}
	free(t);
}

static void
md_block(struct mout *mo, const struct mblock *bl, const struct mblock *next)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;
	char			*t;
	int			 k;

	(void)next;
	if (bl->kind != MB_ROW && mo->in_table) {
		buf_putc(o, '\n');
		mo->in_table = 0;
	}
	switch (bl->kind) {
	case MB_TITLE:
		esc_lines(o, bl->text, bl->level == 0 ? "# " : "", "\n",
		    "\n\n", 0);
		break;
	case MB_ROW:
		if (d->r.rows == ROWS_LINES) {
			/* The values alone, as the style prints them. */
			esc_lines(o, bl->text, "", "\\\n", "\n\n", 0);
			break;
		}
		if (!mo->in_table)
			buf_puts(o, "| | |\n|---|---|\n");
		mo->in_table = 1;
		buf_puts(o, "| ");
		esc_line(o, bl->label, strlen(bl->label), 1);
		buf_puts(o, " | ");
		esc_lines(o, bl->text, "", "<br>", "", 1);
		if (bl->label2 != NULL) {
			buf_puts(o, "<br>");
			esc_line(o, bl->label2, strlen(bl->label2), 1);
			buf_puts(o, "：");
			esc_line(o, bl->text2, strlen(bl->text2), 1);
		}
		buf_puts(o, " |\n");
		break;
	case MB_HEADING:
		for (k = 0; k <= bl->level; k++)
			buf_putc(o, '#');
		t = mdoc_drop_empty_lines(bl->text);
		esc_lines(o, t, " ", " ", "\n\n", 0);
		free(t);
		break;
	case MB_SPEECH:
		speech(d, o, bl);
		break;
	case MB_NOTE:
	case MB_PARA:
		t = mdoc_drop_empty_lines(bl->text);
		if (*t != '\0')
			esc_lines(o, t, "", "\n\n", "\n\n", 0);
		free(t);
		break;
	case MB_CLOSING:
		esc_lines(o, bl->text, "", "\n\n", "\n\n", 0);
		break;
	case MB_LINES:
		lines_block(o, bl->text);
		break;
	case MB_QUESTION:
		esc_lines(o, bl->text, "- ● ", "\n\n  ", "\n\n", 0);
		break;
	}
}

static void
md_end(struct mout *mo)
{
	struct buf	*o = &mo->o;

	while (o->len >= 2 && o->s[o->len - 1] == '\n' &&
	    o->s[o->len - 2] == '\n')
		o->s[--o->len] = '\0';
}

const struct mrenderer mrender_md = { "md", NULL, md_block, md_end, 0 };

char *
minutes_render_md(const struct mdoc *d, size_t *len)
{
	return mdoc_render(d, &mrender_md, len);
}
