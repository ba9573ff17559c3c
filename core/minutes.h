/*
 * The minutes compiler: a folded meeting (fold.h) and a set of options in,
 * the published minutes (会議録) out, as one string. The meeting is turned
 * into one document model in the chosen house style (minutes-model.c, the
 * styles being rows of data in minutes-style.c) and the model is handed to
 * a renderer picked from a table of formats (text, md, html, json; a new
 * format is one more row of minutes_formats[]).
 *
 * Nothing here reads the clock, the locale or the environment: the same
 * meeting and options give the same bytes. Options left unset take the
 * meeting's own defaults (meta.set style, lang, labels, digits, noon,
 * gannen, redaction), then the style's.
 */
#ifndef GIJI_MINUTES_H
#define GIJI_MINUTES_H

#include <stddef.h>
#include <stdint.h>

struct meeting;

#define MINUTES_UNSET	(-1)

enum minutes_style {
	MINUTES_SUMMARY,	/* 要点記録 */
	MINUTES_VERBATIM,	/* 全文・発言の記録 */
	MINUTES_QA,		/* 委員意見及び回答 */
	MINUTES_WRITTEN		/* 書面会議 */
};

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
	int		 style;
	int		 lang;
	int		 labels;
	int		 digits;
	int		 noon;
	int		 gannen;	/* 1: 元年, 0: 1年 */
	int		 public;	/* 1: the public version */
	const char	*redaction;	/* NULL: meta redaction, else 【非公開】 */
	const char	*format;	/* a minutes_formats[] name; NULL: text */
};

void	 minutes_opts_default(struct minutes_opts *);

/* Parse an option value by name; 0, or -1 with a cause listing the values. */
int	 minutes_parse_style(const char *, int *, char **cause);
int	 minutes_parse_lang(const char *, int *, char **cause);
int	 minutes_parse_labels(const char *, int *, char **cause);
int	 minutes_parse_digits(const char *, int *, char **cause);
int	 minutes_parse_noon(const char *, int *, char **cause);

/*
 * Compile the minutes. Returns the document (NUL-terminated; *len bytes
 * without the NUL), or NULL with a cause (an unknown format, a meeting
 * date that cannot be printed in era form).
 */
char	*minutes_compile(const struct meeting *, const struct minutes_opts *,
	     size_t *len, char **cause);

/* The formats: one row each; the table ends with a NULL name. */
struct mdoc;
struct minutes_format {
	const char	*name;
	const char	*help;
	char		*(*render)(const struct mdoc *, size_t *len);
};
extern const struct minutes_format minutes_formats[];
const struct minutes_format *minutes_format_find(const char *);

/* Helpers the renderers and tests share. */
/* Minutes of a duration in µs: nearest minute, at least 1 (0 for < 0). */
long	 minutes_round(int64_t us);
/* A two-character label letter-spaced (日時 → 日 時); others copied. */
char	*minutes_letterspace(const char *label);

#endif
