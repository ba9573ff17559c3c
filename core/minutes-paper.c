/* SPDX-License-Identifier: ISC */
/*
 * The paper settings (minutes-paper.h). The fonts are IPAex, which
 * bootstrap installs (fonts-ipaexfont-mincho and -gothic), then the
 * names a Japanese Windows or Mac has, then Noto CJK.
 */
#include "config.h"

#include <string.h>

#include "minutes-model.h"
#include "minutes-paper.h"
#include "xmalloc.h"

static const struct paper paper_default = {
	.width_mm = 210,
	.height_mm = 297,
	.top_mm = 20,
	.bottom_mm = 20,
	.left_mm = 20,
	.right_mm = 20,
	.body_font = "IPAex明朝,IPAexMincho,ＭＳ 明朝,MS Mincho,游明朝,"
	    "Yu Mincho,Noto Serif CJK JP,serif",
	.head_font = "IPAexゴシック,IPAexGothic,ＭＳ ゴシック,MS Gothic,"
	    "游ゴシック,Yu Gothic,Noto Sans CJK JP,sans-serif",
	.body_pt = 10.5,
	.title_pt = 14,
	.heading_pt = 12,
	.small_pt = 9.5,
	.line_spacing = 1.3,
	.page_before = "- ",
	.page_after = " -",
};

void
paper_settings(const struct mdoc *d, struct paper *p)
{
	*p = paper_default;
}

char *
paper_first_font(const char *list)
{
	return xstrndup(list, strcspn(list, ","));
}
