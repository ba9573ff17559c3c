/* SPDX-License-Identifier: ISC */
/*
 * Plain-text minutes: the document model laid out as the house style
 * prints it on paper (giji-style(5)), one paragraph a line with an empty line
 * after it, header rows in the style's form, speaker labels bracketed,
 * spaced and aligned by display width (a CJK character is two columns).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "minutes-model.h"
#include "utf8.h"
#include "xmalloc.h"

/* Each line of s (split at \n): first or rest before it, after after it. */
static void
lines(struct buf *o, const char *s, const char *first, const char *rest,
    const char *after)
{
	const char	*p = s, *nl;
	size_t		 lfirst = strlen(first), lrest = strlen(rest);
	size_t		 lafter = strlen(after);
	int		 n = 0;

	do {
		nl = strchr(p, '\n');
		if (n++ == 0)
			buf_add(o, first, lfirst);
		else
			buf_add(o, rest, lrest);
		buf_add(o, p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		buf_add(o, after, lafter);
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
}

/*
 * The lines of a block, each on its own; in loose spacing an empty line
 * after each (they are paragraphs), in compact spacing one after the last
 * only, which compact() may take back.
 */
static void
paras(const struct mdoc *d, struct buf *o, const char *s, const char *first,
    const char *rest)
{
	lines(o, s, first, rest, d->r.compact ? "\n" : "\n\n");
	if (d->r.compact)
		buf_putc(o, '\n');
}

/* The end of a line of its own: an empty line after it but in compact. */
static const char *
eol(const struct mdoc *d)
{
	return d->r.compact ? "\n" : "\n\n";
}

/* The bracketed label, padded to the widest when the style aligns them. */
static void
label(struct mout *mo, const struct mblock *bl, int pad)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;
	size_t			 w = bl->label_w;

	buf_puts(o, d->r.lbl_open);
	buf_puts(o, bl->label != NULL ? bl->label : "");
	if (pad && mo->pad_later) {
		buf_putc(o, MOUT_PAD);
		buf_printf(o, "%zu%c", w, MOUT_PAD_END);
	} else {
		for (; pad && w < d->label_cols; w++)
			buf_putc(o, ' ');
	}
	buf_puts(o, d->r.lbl_close);
}

static void
row(const struct mdoc *d, struct buf *o, const struct mblock *bl)
{
	const char	*v = bl->text;
	char		*flat, *p;

	switch (d->r.rows) {
	case ROWS_COLON:
		buf_printf(o, "%s: ", bl->label);
		lines(o, v, "", "  ", "\n");
		break;
	case ROWS_TAB:
		/* A value of several lines: each further one after a TAB. */
		if (bl->label2 == NULL) {
			buf_printf(o, "%s\t", bl->label);
			lines(o, v, "", "\t", "\n");
			break;
		}
		/* Two pairs a row: the first value on its one line. */
		flat = xstrdup(v);
		for (p = flat; *p != '\0'; p++) {
			if (*p == '\n')
				*p = ' ';
		}
		buf_printf(o, "%s\t%s", bl->label, flat);
		free(flat);
		if (bl->label2 != NULL)
			buf_printf(o, "\t%s\t%s", bl->label2,
			    bl->text2 != NULL ? bl->text2 : "");
		buf_putc(o, '\n');
		break;
	case ROWS_SPACE:
		buf_puts(o, bl->label);
		if (*v == '\n')
			v++;
		else if (*v != '\0')
			buf_putc(o, ' ');
		else {
			buf_putc(o, '\n');
			break;
		}
		lines(o, v, bl->text[0] == '\n' ? "\n" : "", "", "\n");
		break;
	case ROWS_BLOCK:
		buf_printf(o, "%s\n", bl->label);
		lines(o, v, "", "", "\n");
		buf_putc(o, '\n');
		break;
	case ROWS_LINES:
		lines(o, v, "", "", "\n");
		break;
	}
}

static void
speech(struct mout *mo, const struct mblock *bl)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;
	const struct mrender	*st = &d->r;
	const char		*gap = st->lbl_gap;

	if (bl->flags & MBF_CONT) {
		/* The same turn goes on: its further paragraphs only. */
		paras(d, o, bl->text, st->cont_indent, st->cont_indent);
		return;
	}
	if ((bl->flags & MBF_LABEL_LINE) && bl->note == NULL) {
		label(mo, bl, st->align_labels);
		buf_puts(o, eol(d));
		paras(d, o, bl->text, "", st->cont_indent);
	} else if (bl->note != NULL && *bl->text == '\0') {
		/* The label and its note share a line: 区側 （…）（約7分） */
		label(mo, bl, 0);
		if (*gap != '\0')
			buf_putc(o, ' ');
		buf_puts(o, bl->note);
		buf_puts(o, "\n\n");
	} else if (bl->note != NULL) {
		label(mo, bl, st->align_labels);
		buf_puts(o, eol(d));
		buf_puts(o, bl->note);
		buf_puts(o, eol(d));
		paras(d, o, bl->text, "", st->cont_indent);
	} else {
		label(mo, bl, st->align_labels);
		/* A label a style's template left empty: no gap after it. */
		if (st->align_labels || (bl->label != NULL && *bl->label !=
		    '\0') || *st->lbl_open != '\0' || *st->lbl_close != '\0')
			buf_puts(o, gap);
		paras(d, o, bl->text, "", st->cont_indent);
	}
}

/*
 * Compact spacing ([format] spacing): the empty line after each block is
 * taken back, but for the one before a heading, before a closing line
 * and the closing's first block, and after the header; tight spacing
 * keeps only the one after the header.
 */
static void
compact(const struct mdoc *d, struct buf *o, const struct mblock *bl,
    const struct mblock *next)
{
	if (!d->r.compact || next == NULL || bl->kind == MB_ROW ||
	    bl->kind == MB_TITLE)
		return;
	if (!d->r.tight && (next->kind == MB_HEADING ||
	    next->kind == MB_CLOSING || (next->flags & MBF_CLOSING)))
		return;
	if (o->len >= 2 && o->s[o->len - 1] == '\n' &&
	    o->s[o->len - 2] == '\n')
		o->s[--o->len] = '\0';
}

static void
text_block(struct mout *mo, const struct mblock *bl, const struct mblock *next)
{
	const struct mdoc	*d = mo->d;
	struct buf		*o = &mo->o;

	switch (bl->kind) {
	case MB_TITLE:
		/* Title lines stand together, but where a gap parts them. */
		lines(o, bl->text, "", "", "\n");
		if (!(bl->flags & MBF_NOGAP))
			buf_putc(o, '\n');
		break;
	case MB_HEADING:
	case MB_NOTE:
	case MB_PARA:
		paras(d, o, bl->text, "", "");
		break;
	case MB_ROW:
		row(d, o, bl);
		/* One empty line after it (a block row has its own). */
		if (!(bl->flags & MBF_NOGAP) && !(o->len >= 2 &&
		    o->s[o->len - 1] == '\n' && o->s[o->len - 2] == '\n'))
			buf_putc(o, '\n');
		break;
	case MB_SPEECH:
		speech(mo, bl);
		break;
	case MB_LINES:
		lines(o, bl->text, "", "", "\n");
		buf_putc(o, '\n');
		break;
	case MB_QUESTION:
		paras(d, o, bl->text, "● ", "");
		break;
	case MB_CLOSING:
		paras(d, o, bl->text, "", "");
		break;
	}
	compact(d, o, bl, next);
}

static void
text_end(struct mout *mo)
{
	struct buf	*o = &mo->o;

	/* One newline at the end, no trailing empty lines. */
	while (o->len >= 2 && o->s[o->len - 1] == '\n' &&
	    o->s[o->len - 2] == '\n')
		o->s[--o->len] = '\0';
	if (o->len == 0 && mo->written == 0)
		buf_putc(o, '\n');
}

const struct mrenderer mrender_text = { "text", NULL, text_block, text_end,
    1 };

char *
minutes_render_text(const struct mdoc *d, size_t *len)
{
	return mdoc_render(d, &mrender_text, len);
}
