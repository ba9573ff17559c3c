/* SPDX-License-Identifier: ISC */
/*
 * PDF minutes: the document model typeset with Pango and drawn with Cairo
 * on the paper of minutes-paper.h (A4 portrait by default). Pango breaks
 * lines by UAX #14 with the Japanese rules (no 、。」 at the start of a
 * line) and shapes with HarfBuzz; Cairo embeds a subset of each font with
 * its ToUnicode map, so the text can be searched and copied.
 *
 * A block becomes one or more cells: a Pango layout at a horizontal
 * position. pdf_flow() lays the cells of a block side by side from the
 * current height down, breaking between lines where the page ends (a
 * header-table row is a block of two or four cells with borders), and
 * numbers each page as it is finished. Nothing is read from the clock:
 * the creation date is the meeting's date, so the same meeting gives the
 * same bytes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "i18n.h"
#include "minutes-model.h"
#include "minutes-paper.h"
#include "wrap.h"
#include "xmalloc.h"

#define PT_PER_MM	(72.0 / 25.4)
#define MAX_CELLS	4

/* One line of a laid-out cell, in Pango units from the layout's top. */
struct pdf_line {
	PangoLayoutLine	*line;
	int		 y0;		/* top */
	int		 y1;		/* bottom */
	int		 base;		/* baseline */
	int		 x;		/* left, with alignment and indent */
};

struct pdf_cell {
	PangoLayout	*l;
	double		 x;		/* the text's left edge, points */
	double		 bx;		/* the border box: left and width */
	double		 bw;
	struct pdf_line	*lines;
	int		 n;
	int		 next;		/* first line not yet drawn */
};

struct pdf {
	const struct mdoc	*d;
	struct paper		 p;
	PangoFontMap		*fm;
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoContext		*pc;
	PangoFontDescription	*body;
	PangoFontDescription	*head;
	PangoFontDescription	*title;
	PangoFontDescription	*heading;
	PangoFontDescription	*small;
	struct buf		 out;
	double			 left;		/* text area, points */
	double			 width;
	double			 top;
	double			 bottom;
	double			 y;		/* where the next block goes */
	int			 page;
	int			 used;		/* something is on this page */
	int			 appendix;	/* in the record of corrections */
	double			 line;		/* a body line's pitch */
	double			 keep_more;	/* headings kept with this one */
};

/* How a block's cells go on the page. */
#define FLOW_BORDER	0x1	/* table cells: ruled boxes */
#define FLOW_KEEP	0x2	/* whole on one page where it fits one */
#define FLOW_NEXT	0x4	/* keep with the block after (a heading) */

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * A font map of the renderer's own, let go when it is done: its fonts and
 * caches go with it. What fontconfig and cairo keep for the whole process
 * stays (tests/lsan.supp tells the leak checker so).
 */
static PangoFontMap *
pdf_fonts_open(void)
{
	return pango_cairo_font_map_new();
}

static void
pdf_fonts_close(PangoFontMap *fm)
{
	g_object_unref(fm);
}

static PangoFontDescription *
pdf_font(const char *families, double pt, PangoWeight weight)
{
	PangoFontDescription	*fd = pango_font_description_new();

	pango_font_description_set_family(fd, families);
	pango_font_description_set_size(fd, (int)(pt * PANGO_SCALE + 0.5));
	pango_font_description_set_weight(fd, weight);
	return fd;
}

/* The page number, centred in the bottom margin. */
static void
pdf_page_number(struct pdf *f)
{
	PangoLayout	*l = pango_layout_new(f->pc);
	char		*s;
	int		 w, h;

	s = xasprintf("%s%d%s", f->p.page_before, f->page, f->p.page_after);
	pango_layout_set_font_description(l, f->small);
	pango_layout_set_text(l, s, -1);
	pango_layout_get_size(l, &w, &h);
	cairo_move_to(f->cr, f->left + (f->width - (double)w / PANGO_SCALE) / 2,
	    f->p.height_mm * PT_PER_MM - f->p.bottom_mm * PT_PER_MM / 2 -
	    (double)h / PANGO_SCALE / 2);
	pango_cairo_show_layout(f->cr, l);
	g_object_unref(l);
	free(s);
}

static void
pdf_new_page(struct pdf *f)
{
	pdf_page_number(f);
	cairo_show_page(f->cr);
	f->page++;
	f->y = f->top;
	f->used = 0;
}

/*
 * Pango lays out nothing at all, without an error, for a text of more
 * than about 440 KB (measured with pango 1.50: 149,700 kana laid out in
 * 5,347 lines, 149,800 in one empty line). A long text is laid out in
 * pieces of at most PDF_PIECE bytes (pdf_pieces), the flow going on from
 * one to the next; what is not laid out so (a header's cell, a heading)
 * is cut at that length, with a warning.
 */
#define PDF_PIECE	(64 * 1024)
#define PDF_LAYOUT_MAX	(256 * 1024)	/* a piece with its breaks (wrap.h) */

/*
 * The length of the first piece of s, and in *skip where the next one
 * starts: all of s when it is short, else up to the last paragraph's end
 * in the piece's second half, else the last place a line may break
 * there (after a space, before a character outside ASCII: kana and
 * kanji break anywhere), else a character's end.
 */
static size_t
pdf_piece(const char *s, size_t *skip)
{
	size_t	 len = strlen(s), i;

	if (len <= PDF_PIECE) {
		*skip = len;
		return len;
	}
	for (i = PDF_PIECE; i > PDF_PIECE / 2; i--) {
		if (s[i] == '\n') {
			*skip = i + 1;
			return i;
		}
	}
	for (i = PDF_PIECE; i > PDF_PIECE / 2; i--) {
		if (s[i - 1] == ' ' || (unsigned char)s[i] >= 0xc0)
			break;
	}
	if (i == PDF_PIECE / 2)
		for (i = PDF_PIECE; (s[i] & 0xc0) == 0x80; i--)
			;
	*skip = i;
	return i;
}

/* A layout of text in font fd, wrapped at width points. */
static PangoLayout *
pdf_layout(struct pdf *f, const char *text, const PangoFontDescription *fd,
    double width)
{
	PangoLayout	*l = pango_layout_new(f->pc);
	char		*cut = wrap_break_runs(text), *part;
	size_t		 n, skip;
	const struct minutes_opts *o = &f->d->o;

	if (strlen(cut != NULL ? cut : text) > PDF_LAYOUT_MAX) {
		n = pdf_piece(cut != NULL ? cut : text, &skip);
		part = xasprintf("%.*s …", (int)n, cut != NULL ? cut : text);
		free(cut);
		cut = part;
		if (o->warn != NULL)
			o->warn(o->warn_arg, _("the PDF cuts a text of more "
			    "than 64 KiB in a header or a heading (the text "
			    "minutes print it whole)"));
	}

	pango_layout_set_font_description(l, fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	/* A long run with nowhere to break: places given (wrap.h). */
	pango_layout_set_text(l, cut != NULL ? cut : text, -1);
	free(cut);
	return l;
}

static void
pdf_cell(struct pdf_cell *c, PangoLayout *l, double x, double bx, double bw)
{
	memset(c, 0, sizeof *c);
	c->l = l;
	c->x = x;
	c->bx = bx;
	c->bw = bw;
}

/* Note where each line of the cell's layout lies. */
static void
pdf_cell_lines(struct pdf_cell *c, double lead)
{
	PangoLayoutIter	*it = pango_layout_get_iter(c->l);
	PangoRectangle	 logical;
	int		 cap = pango_layout_get_line_count(c->l), y = 0;

	c->lines = xreallocarray(NULL, cap > 0 ? cap : 1, sizeof *c->lines);
	c->n = 0;
	/*
	 * Each line is given its height times the spacing, half of the
	 * leading above and half below, the first line of a block as much
	 * as the others (Pango would leave it out above the first and below
	 * the last).
	 */
	do {
		struct pdf_line	*pl;
		int		 y0, y1, h;

		if (c->n == cap)
			break;
		pl = &c->lines[c->n++];
		pl->line = pango_layout_iter_get_line_readonly(it);
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		h = (int)((y1 - y0) * lead);
		pl->y0 = y;
		pl->y1 = y + h;
		pl->base = y + (h - (y1 - y0)) / 2 +
		    (pango_layout_iter_get_baseline(it) - y0);
		pl->x = logical.x;
		y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static double
pdf_cell_height(const struct pdf_cell *c, int from)
{
	if (from >= c->n)
		return 0;
	return (double)(c->lines[c->n - 1].y1 - c->lines[from].y0) /
	    PANGO_SCALE;
}

static void
pdf_rule(struct pdf *f, double x0, double y0, double x1, double y1)
{
	cairo_move_to(f->cr, x0, y0);
	cairo_line_to(f->cr, x1, y1);
	cairo_stroke(f->cr);
}

/*
 * Lay the cells out side by side from f->y down, breaking between lines
 * at the foot of a page; then free their layouts. pad is the space above
 * and below the text inside a bordered box, after the space below the
 * block.
 */
static void
pdf_flow(struct pdf *f, struct pdf_cell *c, int n, double pad, double after,
    int flags)
{
	double	 need = 0, room, avail, used, seg, top, h;
	int	 i, done, empty, first, start;

	for (i = 0; i < n; i++) {
		pdf_cell_lines(&c[i], f->p.line_spacing);
		if ((h = pdf_cell_height(&c[i], 0)) > need)
			need = h;
	}
	need += 2 * pad;
	room = f->bottom - f->y;
	if (f->used && need > room) {
		if ((flags & (FLOW_KEEP | FLOW_BORDER)) &&
		    need <= f->bottom - f->top)
			pdf_new_page(f);
		else if (n == 1 && c[0].n > 0) {
			/* At least two lines of a paragraph on this page. */
			i = c[0].n > 1 ? 1 : 0;
			if ((double)(c[0].lines[i].y1 - c[0].lines[0].y0) /
			    PANGO_SCALE + 2 * pad > room)
				pdf_new_page(f);
		}
	}
	/* A heading with no room for two lines after it goes over. */
	if ((flags & FLOW_NEXT) && f->used &&
	    need + after + f->keep_more + 2 * f->line > f->bottom - f->y)
		pdf_new_page(f);
	for (;;) {
		top = f->y;
		avail = f->bottom - f->y - 2 * pad;
		empty = !f->used;
		seg = 0;
		done = 1;
		for (i = 0; i < n; i++) {
			struct pdf_cell	*ci = &c[i];
			int		 off;

			if (ci->next >= ci->n)
				continue;
			off = ci->lines[ci->next].y0;
			start = ci->next;
			first = 1;
			while (ci->next < ci->n) {
				struct pdf_line *pl = &ci->lines[ci->next];

				h = (double)(pl->y1 - off) / PANGO_SCALE;
				if (h > avail && !(first && empty))
					break;
				cairo_move_to(f->cr, ci->x + (double)pl->x /
				    PANGO_SCALE, top + pad + (double)(pl->base -
				    off) / PANGO_SCALE);
				pango_cairo_show_layout_line(f->cr, pl->line);
				ci->next++;
				first = 0;
				f->used = 1;
			}
			used = ci->next > start ? (double)(ci->lines[ci->next -
			    1].y1 - off) / PANGO_SCALE : 0;
			if (used > seg)
				seg = used;
			if (ci->next < ci->n)
				done = 0;
		}
		if (!done)
			seg = avail > seg ? avail : seg;
		if (flags & FLOW_BORDER) {
			for (i = 0; i < n; i++) {
				cairo_rectangle(f->cr, c[i].bx, top, c[i].bw,
				    seg + 2 * pad);
				cairo_stroke(f->cr);
			}
			f->used = 1;
		}
		f->y = top + seg + 2 * pad;
		if (done)
			break;
		pdf_new_page(f);
	}
	f->y += after;
	for (i = 0; i < n; i++) {
		g_object_unref(c[i].l);
		free(c[i].lines);
	}
}

/* One cell of text across the text area (x from its left). */
static void
pdf_text(struct pdf *f, PangoLayout *l, double x, double after, int flags)
{
	struct pdf_cell	 c;

	pdf_cell(&c, l, f->left + x, f->left + x, f->width - x);
	pdf_flow(f, &c, 1, 0, after, flags);
}

static double
pdf_gap(const struct pdf *f)
{
	return f->p.body_pt * 0.5;
}

static const PangoFontDescription *
pdf_body(const struct pdf *f)
{
	return f->appendix ? f->small : f->body;
}

/*
 * Text s at x, in font fd, aligned as align, each paragraph's first line
 * indented by indent points: laid out a piece at a time (PDF_PIECE), the
 * space after below the last.
 */
static void
pdf_pieces(struct pdf *f, const char *s, const PangoFontDescription *fd,
    PangoAlignment align, double x, double indent, double after, int flags)
{
	PangoLayout	*l;
	char		*part;
	size_t		 n, skip;

	do {
		n = pdf_piece(s, &skip);
		part = xstrndup(s, n);
		l = pdf_layout(f, part, fd, f->width - x);
		free(part);
		pango_layout_set_alignment(l, align);
		if (indent != 0)
			pango_layout_set_indent(l, (int)(indent * PANGO_SCALE));
		s += skip;
		pdf_text(f, l, x, *s == '\0' ? after : 0, flags);
	} while (*s != '\0');
}

/* Each line of s its own paragraph, in font fd, aligned as align. */
static void
pdf_lines(struct pdf *f, const char *s, const PangoFontDescription *fd,
    PangoAlignment align, double x, int flags)
{
	pdf_pieces(f, s, fd, align, x, 0, pdf_gap(f), flags);
}

/* The label with the style's brackets, and its length in bytes. */
static char *
pdf_label(const struct pdf *f, const struct mblock *bl)
{
	return xasprintf("%s%s%s", f->d->r.lbl_open, bl->label != NULL ?
	    bl->label : "", f->d->r.lbl_close);
}

/*
 * Where the layout's text has the bytes of prefix behind it: its length,
 * and the breaks pdf_layout put in a long run (U+200B) within it.
 */
static size_t
pdf_index(PangoLayout *l, const char *prefix)
{
	const char	*t = pango_layout_get_text(l);
	size_t		 i = 0, k = 0, n = strlen(prefix);

	while (k < n && t[i] != '\0') {
		if (t[i] != prefix[k] && strncmp(t + i, "\xe2\x80\x8b", 3) == 0)
			i += 3;
		else {
			i++;
			k++;
		}
	}
	return i;
}

/* Text set in the heading font over [start, end) of a layout's text. */
static void
pdf_head_span(struct pdf *f, PangoLayout *l, size_t start, size_t end)
{
	PangoAttrList	*al = pango_attr_list_new();
	PangoAttribute	*a = pango_attr_font_desc_new(f->head);

	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(al, a);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

static void
pdf_title(struct pdf *f, const struct mblock *bl)
{
	if (bl->level == 0)
		pdf_lines(f, bl->text, f->title, PANGO_ALIGN_CENTER, 0, 0);
	else
		pdf_lines(f, bl->text, f->body, PANGO_ALIGN_CENTER, 0, 0);
	f->y += pdf_gap(f);
}

static void
pdf_heading(struct pdf *f, const struct mblock *bl)
{
	const PangoFontDescription	*fd;
	const struct mblock		*nb;
	PangoLayout			*l;
	int				 h;

	if (bl->role == MR_APPENDIX && !f->appendix) {
		f->appendix = 1;
		f->y += f->p.body_pt;
	}
	fd = bl->level <= 1 ? f->heading : f->head;
	/*
	 * The headings right after it go with it and the two lines after
	 * them (a section's heading and its first item's): room for them
	 * all, or this one goes over too; at most half a page.
	 */
	f->keep_more = 0;
	for (nb = bl + 1; nb < f->d->b + f->d->n && nb->kind == MB_HEADING &&
	    f->keep_more < (f->bottom - f->top) / 2; nb++) {
		l = pdf_layout(f, nb->text, nb->level <= 1 ? f->heading :
		    f->head, f->width);
		pango_layout_get_size(l, NULL, &h);
		g_object_unref(l);
		f->keep_more += (double)h / PANGO_SCALE + 2 * pdf_gap(f);
	}
	if (f->keep_more > (f->bottom - f->top) / 2)
		f->keep_more = (f->bottom - f->top) / 2;
	f->y += pdf_gap(f);
	pdf_pieces(f, bl->text, fd, PANGO_ALIGN_LEFT, 0, 0, pdf_gap(f),
	    FLOW_NEXT);
	f->keep_more = 0;
}

/*
 * A header row as the style prints it: ruled table cells (label, value,
 * and a second pair where there is one) for a style whose header is a
 * table; label and value in two columns without rules for the spaced
 * form; the label on its own line above its values for the block form;
 * the values alone, centred, for the lines form; "Label: value" lines
 * for the colon form (English).
 */
static void
pdf_row(struct pdf *f, const struct mblock *bl)
{
	struct pdf_cell	 c[MAX_CELLS];
	PangoTabArray	*tabs;
	const char	*v = bl->text;
	double		 pad = 3, lw, after;
	char		*s;
	int		 n = 0;

	after = (bl->flags & MBF_NOGAP) ? 0 : pdf_gap(f);
	switch (f->d->r.rows) {
	case ROWS_COLON:
		s = xasprintf("%s: %s", bl->label, v);
		pdf_lines(f, s, f->body, PANGO_ALIGN_LEFT, 0, 0);
		free(s);
		break;
	case ROWS_TAB:
		lw = f->width * (bl->label2 != NULL ? 0.2 : 0.25);
		pdf_cell(&c[n++], pdf_layout(f, bl->label, f->body, lw - 2 *
		    pad), f->left + pad, f->left, lw);
		if (bl->label2 != NULL) {
			double vw = (f->width - 2 * lw) / 2;

			pdf_cell(&c[n++], pdf_layout(f, v, f->body, vw - 2 *
			    pad), f->left + lw + pad, f->left + lw, vw);
			pdf_cell(&c[n++], pdf_layout(f, bl->label2, f->body,
			    lw - 2 * pad), f->left + lw + vw + pad, f->left +
			    lw + vw, lw);
			pdf_cell(&c[n++], pdf_layout(f, bl->text2 != NULL ?
			    bl->text2 : "", f->body, vw - 2 * pad), f->left +
			    2 * lw + vw + pad, f->left + 2 * lw + vw, vw);
		} else
			pdf_cell(&c[n++], pdf_layout(f, v, f->body, f->width -
			    lw - 2 * pad), f->left + lw + pad, f->left + lw,
			    f->width - lw);
		/* A table: no space between its rows. */
		after = 0;
		if (f->d->n > 0 && bl != &f->d->b[f->d->n - 1] &&
		    bl[1].kind != MB_ROW)
			after = pdf_gap(f) * 2;
		pdf_flow(f, c, n, pad, after, FLOW_BORDER);
		break;
	case ROWS_SPACE:
		lw = f->p.body_pt * 7;
		if (*v == '\n' || *v == '\0') {
			/* The label alone, its values below. */
			pdf_lines(f, bl->label, f->body, PANGO_ALIGN_LEFT, 0,
			    FLOW_NEXT);
			if (*v == '\n')
				v++;
			if (*v != '\0') {
				f->y -= pdf_gap(f);
				pdf_cell(&c[0], pdf_layout(f, v, f->body,
				    f->width - f->p.body_pt), f->left +
				    f->p.body_pt, 0, 0);
				pdf_flow(f, c, 1, 0, after, 0);
			}
			break;
		}
		pdf_cell(&c[n++], pdf_layout(f, bl->label, f->body, lw),
		    f->left, 0, 0);
		pdf_cell(&c[n], pdf_layout(f, v, f->body, f->width - lw),
		    f->left + lw, 0, 0);
		if (bl->flags & MBF_TABS) {
			/* Composed cells: a tab stop at half the column. */
			tabs = pango_tab_array_new_with_positions(1, TRUE,
			    PANGO_TAB_LEFT, (int)((f->width - lw) / 2));
			pango_layout_set_tabs(c[n].l, tabs);
			pango_tab_array_free(tabs);
		}
		n++;
		pdf_flow(f, c, n, 0, after, FLOW_KEEP);
		break;
	case ROWS_BLOCK:
		pdf_lines(f, bl->label, f->head, PANGO_ALIGN_LEFT, 0,
		    FLOW_NEXT);
		f->y -= pdf_gap(f);
		pdf_lines(f, v, f->body, PANGO_ALIGN_LEFT, f->p.body_pt, 0);
		break;
	case ROWS_LINES:
		pdf_lines(f, v, f->body, f->d->r.lines_left ? PANGO_ALIGN_LEFT :
		    PANGO_ALIGN_CENTER, 0, 0);
		break;
	}
}

/* The width of the label column where labels are aligned, in points. */
static double
pdf_label_col(const struct pdf *f)
{
	/* A display column is half an em of the body font. */
	return (double)f->d->label_cols * f->p.body_pt / 2 + f->p.body_pt;
}

/* Paragraphs of a speech after its first, at x, indented as the style. */
static void
pdf_paras(struct pdf *f, const char *s, double x)
{
	if (s == NULL || *s == '\0')
		return;
	pdf_pieces(f, s, pdf_body(f), PANGO_ALIGN_LEFT, x,
	    *f->d->r.cont_indent != '\0' ? f->p.body_pt : 0, pdf_gap(f), 0);
}

static void
pdf_speech(struct pdf *f, const struct mblock *bl)
{
	const struct mrender	*st = &f->d->r;
	PangoLayout		*l;
	PangoTabArray		*tabs;
	const char		*nl, *rest;
	char			*lab, *s;
	double			 x;
	size_t			 n, skip;

	x = st->align_labels ? pdf_label_col(f) : 0;
	if (bl->flags & MBF_CONT) {
		pdf_paras(f, bl->text, x);
		return;
	}
	lab = pdf_label(f, bl);
	if ((bl->flags & MBF_LABEL_LINE) || (bl->note != NULL &&
	    *bl->text != '\0')) {
		/* The label on its own line, the note, then the text. */
		l = pdf_layout(f, lab, f->head, f->width);
		pdf_text(f, l, 0, 0, FLOW_NEXT);
		if (bl->note != NULL) {
			l = pdf_layout(f, bl->note, pdf_body(f), f->width);
			pdf_text(f, l, 0, 0, FLOW_NEXT);
		}
		pdf_paras(f, bl->text, 0);
		free(lab);
		return;
	}
	/* The label and the first paragraph (or the note) share a line. */
	rest = NULL;
	if (bl->note != NULL)
		s = xasprintf("%s%s%s", lab, *st->lbl_gap != '\0' ? " " : "",
		    bl->note);
	else {
		/* The first paragraph, or its first piece when long. */
		n = pdf_piece(bl->text, &skip);
		nl = memchr(bl->text, '\n', n);
		if (nl != NULL)
			skip = (size_t)(nl - bl->text) + 1;
		s = xasprintf("%s%s%.*s", lab, st->align_labels ? "\t" :
		    st->lbl_gap, nl != NULL ? (int)(nl - bl->text) : (int)n,
		    bl->text);
		rest = bl->text[skip] != '\0' ? bl->text + skip : NULL;
	}
	l = pdf_layout(f, s, pdf_body(f), f->width);
	pdf_head_span(f, l, 0, pdf_index(l, lab));
	if (st->align_labels) {
		/* Hanging under the text column: 会長  text… */
		tabs = pango_tab_array_new_with_positions(1, TRUE,
		    PANGO_TAB_LEFT, (int)x);
		pango_layout_set_tabs(l, tabs);
		pango_tab_array_free(tabs);
		pango_layout_set_indent(l, -(int)(x * PANGO_SCALE));
	}
	pdf_text(f, l, 0, rest != NULL ? 0 : pdf_gap(f), 0);
	pdf_paras(f, rest, x);
	free(s);
	free(lab);
}

/*
 * The signature block: its head ([signature] head lines: the declaration,
 * a date, the body's name), then each signer's lines (as many as
 * [signature] lines says: 会長 then a name, or "Name, Chair"), the last
 * followed by a ruled space to sign; kept on one page.
 */
/* The height of s laid out as pdf_lines lays it at x, its gap after. */
static double
pdf_lines_height(struct pdf *f, const char *s, double x)
{
	struct pdf_cell	 c;
	double		 h;

	pdf_cell(&c, pdf_layout(f, s, f->body, f->width - x), 0, 0, 0);
	pdf_cell_lines(&c, f->p.line_spacing);
	h = pdf_cell_height(&c, 0) + pdf_gap(f);
	g_object_unref(c.l);
	free(c.lines);
	return h;
}

/*
 * The height pdf_signature takes, measured as it lays the block out (a
 * head line that wraps, an empty one, the space to sign), so that the
 * block is kept on one page.
 */
static double
pdf_signature_height(struct pdf *f, const char *text, double x)
{
	const char	*p = text, *nl;
	double		 need = f->line;
	char		*s;
	int		 k = 0, per = f->d->r.sig_lines, head = f->d->r.sig_head;

	do {
		nl = strchr(p, '\n');
		s = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (k < head)
			need += pdf_lines_height(f, s, 0);
		else if (*s != '\0') {
			need += pdf_lines_height(f, s, x);
			if ((k - head + 1) % per == 0)
				need += f->line * 1.5;
			else
				need -= pdf_gap(f);
		} else
			k--;
		free(s);
		k++;
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
	return need;
}

static void
pdf_signature(struct pdf *f, const struct mblock *bl)
{
	const char	*p = bl->text, *nl;
	double		 x = f->width * 0.45, line, need;
	char		*s;
	int		 k = 0, per = f->d->r.sig_lines;
	int		 head = f->d->r.sig_head, j;

	line = f->line;
	need = pdf_signature_height(f, bl->text, x);
	if (f->used && need > f->bottom - f->y && need < f->bottom - f->top)
		pdf_new_page(f);
	f->y += line;
	do {
		nl = strchr(p, '\n');
		s = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		j = k - head + 1;	/* the line's place in its signer's */
		if (k < head)
			pdf_lines(f, s, f->body, PANGO_ALIGN_LEFT, 0, 0);
		else if (*s != '\0') {
			pdf_lines(f, s, f->body, PANGO_ALIGN_LEFT, x,
			    j % per != 0 ? FLOW_NEXT : 0);
			if (j % per == 0) {
				/* Space to sign, ruled at its foot. */
				f->y += line;
				if (f->y > f->bottom)
					pdf_new_page(f);
				cairo_set_line_width(f->cr, 0.5);
				pdf_rule(f, f->left + x, f->y, f->left +
				    f->width, f->y);
				f->y += line * 0.5;
			} else
				f->y -= pdf_gap(f);
		} else
			k--;	/* an empty line: the signers go on after it */
		free(s);
		k++;
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL);
}

static void
pdf_para(struct pdf *f, const struct mblock *bl)
{
	if (bl->role == MR_SIGNATURE) {
		pdf_signature(f, bl);
		return;
	}
	pdf_pieces(f, bl->text, pdf_body(f), PANGO_ALIGN_LEFT, 0, 0,
	    pdf_gap(f), 0);
}

static void
pdf_note(struct pdf *f, const struct mblock *bl)
{
	pdf_pieces(f, bl->text, pdf_body(f), PANGO_ALIGN_LEFT, f->p.body_pt,
	    0, pdf_gap(f), 0);
}

static void
pdf_question(struct pdf *f, const struct mblock *bl)
{
	char	*s = xasprintf("● %s", bl->text);

	pdf_pieces(f, s, pdf_body(f), PANGO_ALIGN_LEFT, 0, 0, pdf_gap(f), 0);
	free(s);
}

static void
pdf_closing(struct pdf *f, const struct mblock *bl)
{
	f->y += pdf_gap(f);
	pdf_lines(f, bl->text, f->body, PANGO_ALIGN_RIGHT, 0, 0);
}

static void
pdf_block(struct pdf *f, const struct mblock *bl)
{
	switch (bl->kind) {
	case MB_TITLE:
		pdf_title(f, bl);
		break;
	case MB_ROW:
		pdf_row(f, bl);
		break;
	case MB_HEADING:
		pdf_heading(f, bl);
		break;
	case MB_SPEECH:
		pdf_speech(f, bl);
		break;
	case MB_NOTE:
		pdf_note(f, bl);
		break;
	case MB_PARA:
		pdf_para(f, bl);
		break;
	case MB_LINES:
		if (bl->role == MR_SIGNATURE)
			pdf_signature(f, bl);
		else
			pdf_lines(f, bl->text, pdf_body(f), PANGO_ALIGN_LEFT, 0,
			    FLOW_KEEP);
		break;
	case MB_QUESTION:
		pdf_question(f, bl);
		break;
	case MB_CLOSING:
		pdf_closing(f, bl);
		break;
	}
}

/* The meeting's date as the PDF's creation date (no clock is read). */
static void
pdf_metadata(struct pdf *f)
{
	const struct mdoc	*d = f->d;
	char			*s;

	cairo_pdf_surface_set_metadata(f->surface, CAIRO_PDF_METADATA_TITLE,
	    d->doc_title != NULL ? d->doc_title : d->title != NULL ?
	    d->title : "");
	cairo_pdf_surface_set_metadata(f->surface, CAIRO_PDF_METADATA_CREATOR,
	    PACKAGE_NAME " " PACKAGE_VERSION);
	if (d->date_iso != NULL && strlen(d->date_iso) == 10) {
		s = xasprintf("%sT00:00:00", d->date_iso);
		cairo_pdf_surface_set_metadata(f->surface,
		    CAIRO_PDF_METADATA_CREATE_DATE, s);
		free(s);
	}
}

static void
pdf_setup(struct pdf *f, const struct mdoc *d)
{
	cairo_font_options_t	*fo;
	PangoLayout		*l;
	double			 w, h;
	int			 lh;

	memset(f, 0, sizeof *f);
	f->d = d;
	paper_settings(d, &f->p);
	w = f->p.width_mm * PT_PER_MM;
	h = f->p.height_mm * PT_PER_MM;
	f->left = f->p.left_mm * PT_PER_MM;
	f->width = w - f->left - f->p.right_mm * PT_PER_MM;
	f->top = f->p.top_mm * PT_PER_MM;
	f->bottom = h - f->p.bottom_mm * PT_PER_MM;
	f->y = f->top;
	f->page = 1;
	buf_init(&f->out);
	f->surface = cairo_pdf_surface_create_for_stream(pdf_write, &f->out,
	    w, h);
	cairo_pdf_surface_restrict_to_version(f->surface,
	    CAIRO_PDF_VERSION_1_5);
	pdf_metadata(f);
	f->cr = cairo_create(f->surface);
	cairo_set_source_rgb(f->cr, 0, 0, 0);
	cairo_set_line_width(f->cr, 0.5);

	/* Unhinted metrics: widths as the font has them, not the screen. */
	f->fm = pdf_fonts_open();
	f->pc = pango_font_map_create_context(f->fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(f->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(f->pc, FALSE);
	pango_context_set_language(f->pc, pango_language_from_string(
	    d->o.lang == MINUTES_EN ? "en" : "ja"));

	f->body = pdf_font(f->p.body_font, f->p.body_pt, PANGO_WEIGHT_NORMAL);
	f->small = pdf_font(f->p.body_font, f->p.small_pt,
	    PANGO_WEIGHT_NORMAL);
	f->head = pdf_font(f->p.head_font, f->p.body_pt, PANGO_WEIGHT_NORMAL);
	f->heading = pdf_font(f->p.head_font, f->p.heading_pt,
	    PANGO_WEIGHT_NORMAL);
	f->title = pdf_font(f->p.head_font, f->p.title_pt,
	    PANGO_WEIGHT_NORMAL);

	l = pdf_layout(f, "あ", f->body, f->width);
	pango_layout_get_size(l, NULL, &lh);
	f->line = (double)lh / PANGO_SCALE * f->p.line_spacing;
	g_object_unref(l);
}

char *
minutes_render_pdf(const struct mdoc *d, size_t *len)
{
	struct pdf	 f;
	cairo_status_t	 status;
	size_t		 i;

	pdf_setup(&f, d);
	for (i = 0; i < d->n; i++)
		pdf_block(&f, &d->b[i]);
	pdf_page_number(&f);
	cairo_show_page(f.cr);

	pango_font_description_free(f.body);
	pango_font_description_free(f.small);
	pango_font_description_free(f.head);
	pango_font_description_free(f.heading);
	pango_font_description_free(f.title);
	g_object_unref(f.pc);
	cairo_destroy(f.cr);
	cairo_surface_finish(f.surface);
	status = cairo_surface_status(f.surface);
	cairo_surface_destroy(f.surface);
	pdf_fonts_close(f.fm);
	if (status != CAIRO_STATUS_SUCCESS) {
		buf_free(&f.out);
		return NULL;
	}
	*len = f.out.len;
	buf_add(&f.out, "", 0);		/* a NUL after the bytes */
	return buf_detach(&f.out);
}

/* Is one of the families of list (generic names aside) installed? */
static int
pdf_have_font(PangoFontFamily **fams, int nfams, const char *list)
{
	char	*copy = xstrdup(list), *name, *save;
	int	 i, found = 0;

	for (name = strtok_r(copy, ",", &save); name != NULL && !found;
	    name = strtok_r(NULL, ",", &save)) {
		/* A generic name is any font: not one of these. */
		if (strcasecmp(name, "serif") == 0 ||
		    strcasecmp(name, "sans-serif") == 0)
			continue;
		for (i = 0; i < nfams && !found; i++) {
			found = strcasecmp(name,
			    pango_font_family_get_name(fams[i])) == 0;
		}
	}
	free(copy);
	return found;
}

/*
 * Can the PDF be typeset here? The body and heading fonts must be
 * installed (a fallback would print boxes for every kanji).
 */
int
minutes_check_pdf(const struct mdoc *d, char **cause)
{
	struct paper	 p;
	PangoFontMap	*fm;
	PangoFontFamily	**fams;
	int		 nfams, r = 0;

	paper_settings(d, &p);
	fm = pdf_fonts_open();
	pango_font_map_list_families(fm, &fams, &nfams);
	if (!pdf_have_font(fams, nfams, p.body_font)) {
		*cause = xasprintf(_("no Mincho font for the PDF's text is "
		    "installed (looked for %s): install one, such as the "
		    "Debian package fonts-ipaexfont-mincho"), p.body_font);
		r = -1;
	} else if (!pdf_have_font(fams, nfams, p.head_font)) {
		*cause = xasprintf(_("no Gothic font for the PDF's headings "
		    "is installed (looked for %s): install one, such as the "
		    "Debian package fonts-ipaexfont-gothic"), p.head_font);
		r = -1;
	}
	g_free(fams);
	pdf_fonts_close(fm);
	return r;
}
