/* SPDX-License-Identifier: ISC */
/*
 * The minutes document model, shared by the model builder
 * (minutes-model.c), the style table (minutes-style.c) and the renderers
 * (minutes-text.c, minutes-md.c, minutes-html.c, minutes-json.c,
 * minutes-pdf.c, minutes-docx.c). Private to the minutes modules: the
 * public API is minutes.h.
 *
 * A document is a flat list of blocks in reading order. The builder has
 * already worded everything in the style and language (formulas, dates,
 * digits, labels without their brackets) and cleaned every user string of
 * control and bidi-override characters; a renderer only lays blocks out
 * (as struct mrenderer says) and escapes for its format. The document
 * owns all its strings but the speech texts it borrows from the meeting
 * (MBF_BORROWED), which must outlive it.
 */
#ifndef GIJI_MINUTES_MODEL_H
#define GIJI_MINUTES_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "jdate.h"
#include "minutes.h"
#include "xmalloc.h"

struct meeting;

enum mb_kind {
	MB_TITLE,	/* a title line */
	MB_ROW,		/* header row: label, text (value lines split by \n) */
	MB_HEADING,	/* level 1-3 */
	MB_SPEECH,	/* label, text (paragraphs split by \n), note */
	MB_NOTE,	/* procedural note on its own line */
	MB_PARA,	/* paragraphs split by \n */
	MB_LINES,	/* lines printed together (joint decisions, signatures) */
	MB_QUESTION,	/* qa: a member's question, bulleted */
	MB_CLOSING	/* the last line: 以 上, 午後2時41分閉会 */
};

/* What a block is, for classes in HTML and kinds in JSON. */
enum mb_role {
	MR_NONE,
	MR_CHAIR,
	MR_MEMBER,
	MR_STAFF,
	MR_VOTE,	/* a tally sentence */
	MR_DECISION,
	MR_QUORUM,
	MR_SIGNATURE,
	MR_INTERNAL,	/* a note of the internal version only */
	MR_APPENDIX,
	MR_ANCHOR,	/* the head hash and count of the log compiled */
	MR_UNVERIFIED	/* the notice of minutes from an unverified file */
};

#define MBF_REDACTED	0x01	/* replaced by the redaction phrase */
#define MBF_SUPERSEDED	0x02	/* a tally a recount replaced */
#define MBF_LABEL_LINE	0x04	/* label alone on its line, text below */
#define MBF_NOGAP	0x08	/* no empty line after (header lines) */
#define MBF_AMENDED	0x10
#define MBF_CONT	0x20	/* verbatim: the same speaker's turn goes on, no label */
#define MBF_TABS	0x40	/* text holds composed TABs (table cells) */
#define MBF_BORROWED	0x80	/* text is the meeting's (not owned, never
				   written): a speech as recorded */
#define MBF_CLEAN	0x100	/* composed by a template: already clean */
#define MBF_CLOSING	0x200	/* the first block of the closing section */

struct mblock {
	enum mb_kind	 kind;
	enum mb_role	 role;
	unsigned	 flags;
	int		 level;
	int64_t		 seq;		/* the event it comes from, or 0 */
	char		*label;		/* speaker or row label, unbracketed */
	char		*text;
	char		*note;		/* speech: a procedural note before text */
	char		*label2;	/* a row's third and fourth cells */
	char		*text2;
	size_t		 label_w;	/* speech: the label's display width */
};

/* Header rows in text. */
enum mrows {
	ROWS_TAB,	/* label<TAB>value */
	ROWS_SPACE,	/* 1 日 時 value */
	ROWS_BLOCK,	/* label line, value lines, empty line */
	ROWS_LINES,	/* value lines only */
	ROWS_COLON	/* Label: value */
};

/* What the style decides about the layout, for the renderers. */
struct mrender {
	const char	*lbl_open;	/* 〔 【 or "" */
	const char	*lbl_close;
	const char	*lbl_gap;	/* between label and text */
	const char	*cont_indent;	/* a turn's further paragraphs */
	int		 align_labels;	/* pad labels to the widest one */
	enum mrows	 rows;
	int		 compact;	/* text: no empty line between lines */
	int		 tight;		/* nor before headings and the closing */
	int		 sig_lines;	/* a signer's lines in the signature */
	int		 sig_head;	/* the lines before the first signer */
	int		 lines_left;	/* paper: form = lines rows from the left */
};

struct mstyle;

struct mdoc {
	const struct meeting	*m;
	struct mstyle		*st;	/* the style, loaded */
	char			*style_name;	/* as asked for */
	struct mrender		 r;
	struct minutes_opts	 o;	/* resolved: no field unset */
	struct jdate_opts	 jo;
	const char		*redaction;
	char			*redaction_own;
	struct mblock		*b;
	size_t			 n;
	size_t			 cap;
	size_t			 label_cols;	/* widest speech label */
	char			*title;		/* the meeting name */
	char			*doc_title;	/* the document's first line */
	char			*date_iso;	/* YYYY-MM-DD */
	/* Composed once, for the templates. */
	char			*session_line;
	char			*date_text;
	char			*start_text;
	char			*end_text;
	char			*range_text;
	char			*fiscal_year;
	/* The internal version's chart of speaking time (SVG), or NULL. */
	char			*chart;
	/*
	 * A stream's: where blocks go, cleaned, as they leave the builder's
	 * window, once the header is built (streaming). The sink may take
	 * the block's strings (leaving NULL); what it leaves is freed.
	 */
	void			(*sink)(void *, const struct mdoc *,
				    struct mblock *);
	void			*sink_arg;
	int			 streaming;
};

/*
 * The spool of a stream (minutes-spool.c): bytes written in order, then
 * after mspool_rewind read in order (mspool_read: how many, 0 at the
 * end, -1 on a read error). A failure sticks: mspool_error says what it
 * was (NULL when none).
 */
struct mspool;
struct mspool	*mspool_new(void);
void		 mspool_write(struct mspool *, const char *, size_t);
int		 mspool_rewind(struct mspool *);
ssize_t		 mspool_read(struct mspool *, char *, size_t);
char		*mspool_error(const struct mspool *);
void		 mspool_free(struct mspool **);
void		 mblock_clear(struct mblock *);
/* The spool's memory before it spills to a file (0: 8 MiB); for tests. */
void		 mspool_memory(size_t);

/*
 * Build the document in the style opts names. NULL with a cause when the
 * style cannot be found or has errors (every message in the cause).
 */
struct mdoc	*mdoc_build(const struct meeting *, const struct minutes_opts *,
		     char **cause);
/*
 * The same from a replay of a skeleton (meeting_fold_skeleton): every
 * block goes to sink, cleaned, as soon as the builder cannot look back
 * at it any more (the header's blocks once the header is whole, the
 * document's title cleaned before); the document returned holds no
 * blocks.
 */
struct meeting_replay;
struct mdoc	*mdoc_build_stream(const struct meeting *,
		     struct meeting_replay *, const struct minutes_opts *,
		     void (*sink)(void *, const struct mdoc *, struct mblock *),
		     void *sink_arg, char **cause);
void		 mdoc_free(struct mdoc **);

/* The speech label with the style's brackets: 〔委員〕, 【会長】, 会長. */
char		*mdoc_label(const struct mdoc *, const struct mblock *);
/*
 * s without its empty lines: those a template writes (\n) to space the
 * text minutes, which mean nothing in a heading or between paragraphs of
 * HTML and Markdown.
 */
char		*mdoc_drop_empty_lines(const char *s);

/*
 * A renderer of the blocks one at a time, into mout's buffer: begin, then
 * block for each block with the one after it (NULL for the last), then
 * end. mdoc_render (minutes-model.c) runs it over a whole document; the stream
 * (minutes-stream.c) over blocks read back from its spool, handing the
 * text to a writer as it grows (all but its trailing newlines, which end
 * may still take back).
 */
struct mout {
	const struct mdoc	*d;
	struct buf		 o;		/* rendered, not yet written */
	size_t			 n;		/* blocks rendered */
	size_t			 written;	/* bytes handed to the writer */
	int			 in_table;	/* md, html: a header table open */
	int			 appendix;	/* html: the appendix open */
	/*
	 * text: the widest label not known yet (a stream's spool): a label
	 * is followed by MOUT_PAD, its width in decimal and MOUT_PAD_END
	 * where its padding goes (mout_pad puts it in).
	 */
	int			 pad_later;
};
#define MOUT_PAD	'\0'	/* never in the text: it is made of C strings */
#define MOUT_PAD_END	';'
#define MOUT_PAD_MAX	24	/* bytes from MOUT_PAD to MOUT_PAD_END */


struct mrenderer {
	const char	*name;
	void		(*begin)(struct mout *);	/* NULL: nothing */
	void		(*block)(struct mout *, const struct mblock *,
			    const struct mblock *next);
	void		(*end)(struct mout *);
	int		 widths;	/* reads label_cols (the widest label) */
};
extern const struct mrenderer mrender_text, mrender_md, mrender_html,
		 mrender_json;

char		*mdoc_render(const struct mdoc *, const struct mrenderer *,
		     size_t *);

char		*minutes_render_text(const struct mdoc *, size_t *);
char		*minutes_render_md(const struct mdoc *, size_t *);
char		*minutes_render_html(const struct mdoc *, size_t *);
char		*minutes_render_json(const struct mdoc *, size_t *);
/* minutes-export.c: the open-data formats (export.h). */
char		*minutes_render_akn(const struct mdoc *, size_t *);
char		*minutes_render_popolo(const struct mdoc *, size_t *);
/* minutes-pdf.c and minutes-docx.c: paper (minutes-paper.h). */
char		*minutes_render_pdf(const struct mdoc *, size_t *);
int		 minutes_check_pdf(const struct mdoc *, char **);
char		*minutes_render_docx(const struct mdoc *, size_t *);

#endif
