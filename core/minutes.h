/* SPDX-License-Identifier: ISC */
/*
 * The minutes compiler: a folded meeting (fold.h) and a set of options in,
 * the published minutes (会議録) out, as one string. The meeting is turned
 * into one document model in the chosen house style (minutes-model.c),
 * whose every composed word comes from a style file (giji-style(5);
 * minutes-style.c finds and reads it), and the model is handed to a
 * renderer picked from a table of formats (text, md, html, json, pdf,
 * docx; a new format is one more row of minutes_formats[]). Akoma Ntoso
 * and Popolo are rows of the same table but read the fold itself
 * (export.h): they carry the record's structure, not a house style's
 * wording.
 *
 * The output depends on the log, the options and the style file found:
 * nothing here reads the clock or the locale, and the environment only
 * to find a style by name (XDG_CONFIG_HOME, XDG_CONFIG_DIRS). Options
 * left unset take the meeting's own defaults (meta.set style,
 * style_options, lang, labels, digits, noon, gannen, redaction), then the
 * style's.
 */
#ifndef GIJI_MINUTES_H
#define GIJI_MINUTES_H

#include <stddef.h>
#include <stdint.h>

struct meeting;

#define MINUTES_UNSET	(-1)

enum minutes_lang {
	MINUTES_JA,
	MINUTES_EN
};

/* How speakers are labelled. */
enum minutes_labels {
	MINUTES_LABELS_ROLE,		/* role only, anonymised: 会長 委員 区側 */
	MINUTES_LABELS_NAME_ROLE,	/* 伊藤委員, 会長, 区政情報課長 */
	MINUTES_LABELS_NAME,		/* the name alone */
	MINUTES_LABELS_TITLE		/* each one's own role or title: 委員, 課長 */
};

/*
 * Every int field is MINUTES_UNSET or a value of its enum (digits: enum
 * jdigits, noon: enum jnoon); strings are borrowed.
 */
struct minutes_opts {
	const char	*style;		/* a name or a path; NULL: meta, summary */
	const char	**options;	/* NAME=VALUE …, NULL-terminated, or NULL */
	int		 lang;
	int		 labels;
	int		 digits;
	int		 noon;
	int		 gannen;	/* 1: 元年, 0: 1年 */
	int		 public;	/* 1: the public version */
	const char	*redaction;	/* NULL: meta redaction, else 【非公開】 */
	const char	*format;	/* a minutes_formats[] name; NULL: text */
	char		**used;		/* when set: where the style was found */
	/*
	 * When set, told of what the log records and the style has no form
	 * for (a reaction, a mover, a seat …), once each.
	 */
	void		(*warn)(void *, const char *);
	void		*warn_arg;
};

void	 minutes_opts_default(struct minutes_opts *);

/* Parse an option value by name; 0, or -1 with a cause listing the values. */
int	 minutes_parse_lang(const char *, int *, char **cause);
int	 minutes_parse_labels(const char *, int *, char **cause);
int	 minutes_parse_digits(const char *, int *, char **cause);
int	 minutes_parse_noon(const char *, int *, char **cause);

/*
 * Compile the minutes. Returns the document (NUL-terminated; *len bytes
 * without the NUL, which a binary format such as PDF may contain), or
 * NULL with a cause (an unknown format, a meeting date that cannot be
 * printed in era form, no font for the PDF).
 */
char	*minutes_compile(const struct meeting *, const struct minutes_opts *,
	     size_t *len, char **cause);

/*
 * The same for a meeting folded without its speeches
 * (meeting_fold_skeleton), in memory that does not grow with the log:
 * the text is handed to write (which returns 0, or an errno) as it is
 * made. Only the formats for which minutes_streams() is true (text, md,
 * html, json); the output is the same bytes minutes_compile makes.
 */
int	 minutes_stream(const struct meeting *, const struct minutes_opts *,
	     int (*write)(void *, const char *, size_t), void *arg,
	     char **cause);
int	 minutes_streams(const char *format);
/* The most read back from a stream's spool at once (0: 64 KiB); for tests. */
void	 minutes_stream_chunk(size_t);

/* The formats: one row each; the table ends with a NULL name. */
struct mdoc;
struct mrenderer;
struct minutes_format {
	const char	*name;
	const char	*help;
	char		*(*render)(const struct mdoc *, size_t *len);
	/* What must hold before render (fonts installed), or NULL. */
	int		 (*check)(const struct mdoc *, char **cause);
	int		 binary;	/* not text: never to a terminal */
	/* Block by block, for minutes_stream; NULL: made whole only. */
	const struct mrenderer *stream;
	/* Publishes the fold, not the style's wording (akn, popolo). */
	int		 open_data;
};
extern const struct minutes_format minutes_formats[];
const struct minutes_format *minutes_format_find(const char *);

/* Styles (minutes-style.c). */
struct minutes_style_info {
	char		*name;
	char		*where;		/* a path, or "shipped" */
	char		*languages;
	char		*description;
};
/* Every style that can be found, the first of each name. */
struct minutes_style_info *minutes_styles_list(size_t *n);
void	 minutes_styles_free(struct minutes_style_info *, size_t);
/*
 * May a meeting (meta.set style) name this style? A name, or a path to a
 * .style file: not any file, as the meeting may come from anyone.
 * Returns 0, or -1 with a cause.
 */
int	 minutes_style_meta_ok(const char *arg, char **cause);
/* The text of a style by name or path; *where says where it was found. */
char	*minutes_style_text(const char *arg, char **where, char **cause);
/*
 * Check a style by name or path: every error as file:line:col: message
 * (caller frees each and the array). Returns the number of errors, or -1
 * with a cause when it cannot be read at all.
 */
int	 minutes_style_check(const char *arg, char ***msgs, size_t *n,
	     char **cause);
/* The options it declares, a line each ("form: plenary (default) committee"). */
char	*minutes_style_describe(const char *arg, char **cause);
/* Does the argument name a file (a / in it, or .style at the end)? */
int	 minutes_style_is_path(const char *);
/* The folders searched for NAME.style before the shipped styles. */
char	**minutes_style_dirs(size_t *n);

/* Helpers the renderers and tests share. */
/* Minutes of a duration in µs: nearest minute, at least 1 (0 for < 0). */
long	 minutes_round(int64_t us);
/* A two-character label letter-spaced (日時 → 日 時); others copied. */
char	*minutes_letterspace(const char *label);

#endif
