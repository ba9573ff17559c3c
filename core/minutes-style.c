/*
 * The house styles of the minutes as data (see STYLES.md in the design
 * notes): brackets and spacing of speaker labels, the form of the header
 * rows, digit and time conventions, the default label mode and the name of
 * the staff side. The wording rules that cannot be data (formulas of votes
 * and decisions) are in minutes-model.c, keyed by the same style.
 */
#include "config.h"

#include <stddef.h>

#include "minutes-model.h"

static const struct mstyle mstyles[] = {
	{
		.name = "written",		/* 書面会議 */
		.style = MINUTES_WRITTEN,
		.lbl_open = "", .lbl_close = "", .lbl_gap = "",
		.label_line = 1,
		.cont_indent = "",
		.rows = ROWS_TAB,
		.digits = JDIGITS_HALF, .full_parens = 1,
		.zero_minutes = 1, .pad_minutes = 1,
		.labels = MINUTES_LABELS_ROLE,
		.staff_label = "事務局",
	},
	{
		.name = "summary",		/* 要点記録 */
		.style = MINUTES_SUMMARY,
		.lbl_open = "〔", .lbl_close = "〕", .lbl_gap = " ",
		.cont_indent = "",
		.rows = ROWS_SPACE,
		.digits = JDIGITS_HALF, .full_parens = 1,
		.zero_minutes = 1, .pad_minutes = 1,
		.labels = MINUTES_LABELS_ROLE,
		.staff_label = "事務局",
	},
	{
		.name = "qa",			/* 委員意見及び回答 */
		.style = MINUTES_QA,
		.lbl_open = "", .lbl_close = "", .lbl_gap = "",
		.cont_indent = "",
		.rows = ROWS_TAB,
		.digits = JDIGITS_HALF, .full_parens = 0,
		.zero_minutes = 1, .pad_minutes = 0,
		.labels = MINUTES_LABELS_ROLE,
		.staff_label = "市事務局",
	},
	{
		.name = "verbatim",		/* 発言の記録, role-only labels */
		.style = MINUTES_VERBATIM,
		.lbl_open = "", .lbl_close = "", .lbl_gap = "  ",
		.align_labels = 1,
		.cont_indent = " ",
		.rows = ROWS_BLOCK,
		.digits = JDIGITS_FULL, .full_parens = 1,
		.zero_minutes = 0, .pad_minutes = 1,
		.labels = MINUTES_LABELS_ROLE,
		.staff_label = "区側",
	},
	{
		.name = "verbatim",		/* 会議録, named labels */
		.style = MINUTES_VERBATIM,
		.named = 1,
		.lbl_open = "【", .lbl_close = "】", .lbl_gap = "",
		.space2 = 1,		/* 【会 長】 aligns with 【伊藤委員】 */
		.cont_indent = "",
		.rows = ROWS_LINES,
		.digits = JDIGITS_HALF, .full_parens = 0,
		.zero_minutes = 1, .pad_minutes = 1,
		.labels = MINUTES_LABELS_NAME_ROLE,
		.staff_label = "事務局",
	},
};

const struct mstyle *
mstyle_find(int style, int labels)
{
	size_t	 i;
	int	 named = labels != MINUTES_UNSET &&
		    labels != MINUTES_LABELS_ROLE;

	for (i = 0; i < sizeof mstyles / sizeof mstyles[0]; i++) {
		if (mstyles[i].style != style)
			continue;
		if (style != MINUTES_VERBATIM || mstyles[i].named == named)
			return &mstyles[i];
	}
	return &mstyles[0];
}
