/* SPDX-License-Identifier: ISC */
/*
 * Paper settings of the PDF and Word minutes (minutes-pdf.c,
 * minutes-docx.c): sheet, margins, fonts, sizes and the page-number form,
 * in one place with their defaults (A4 portrait, Mincho body, Gothic
 * headings, "- N -"), so that a house style can set them later without
 * touching either renderer. Private to the minutes modules.
 */
#ifndef GIJI_MINUTES_PAPER_H
#define GIJI_MINUTES_PAPER_H

struct mdoc;

struct paper {
	double		 width_mm;	/* the sheet: A4 portrait 210 x 297 */
	double		 height_mm;
	double		 top_mm;	/* margins */
	double		 bottom_mm;
	double		 left_mm;
	double		 right_mm;
	/*
	 * Font families, the preferred first, separated by commas: Pango
	 * takes the first one fontconfig has; Word takes the first and
	 * reads the rest as the font's alternative names.
	 */
	const char	*body_font;	/* Mincho */
	const char	*head_font;	/* Gothic: title, headings, labels */
	double		 body_pt;
	double		 title_pt;
	double		 heading_pt;
	double		 small_pt;	/* the record of corrections */
	double		 line_spacing;	/* a line's pitch over its height */
	const char	*page_before;	/* the page number between these */
	const char	*page_after;
};

/* The settings for d: the defaults, for every style as yet. */
void	 paper_settings(const struct mdoc *d, struct paper *);

/* The first family of a font list (a copy). */
char	*paper_first_font(const char *list);

#endif
