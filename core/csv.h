/* SPDX-License-Identifier: ISC */
/*
 * Spreadsheet files: CSV (RFC 4180) as Excel and LibreOffice save it, in
 * UTF-8 with or without a byte order mark, or in CP932, the Shift_JIS of
 * Japanese Windows and Excel, turned into UTF-8 with iconv.
 */
#ifndef GIJI_CSV_H
#define GIJI_CSV_H

#include <stddef.h>

/* The largest file read: a roster or an agenda is a few kilobytes. */
#define CSV_MAX_SIZE	(16 * 1024 * 1024)

enum csv_encoding {
	CSV_AUTO,	/* UTF-8 (a BOM, or valid UTF-8), else CP932 */
	CSV_UTF8,
	CSV_CP932
};

/* utf-8, utf8; cp932, shift_jis, sjis, windows-31j (any case). */
int		 csv_encoding_parse(const char *, enum csv_encoding *);
const char	*csv_encoding_name(enum csv_encoding);

/*
 * The bytes as UTF-8 text (NUL-terminated, *outlen its length), a BOM
 * dropped. *found is the encoding read. On failure NULL with a cause
 * naming the byte (a byte neither UTF-8 nor CP932, UTF-16, a NUL byte)
 * and *line its line (0 when none).
 */
char		*csv_decode(const char *data, size_t len, enum csv_encoding,
		     enum csv_encoding *found, size_t *outlen, size_t *line,
		     char **cause);

/*
 * The records of UTF-8 text, one at a time. Fields are separated by
 * commas; a field in double quotes may hold commas, line breaks and ""
 * for a quote; an unquoted field loses its surrounding blanks (spaces and
 * tabs). Lines end in LF, CRLF or CR.
 */
struct csv;
struct csv_record {
	size_t	 line;		/* where the record starts, from 1 */
	char	**fields;	/* owned by the reader, valid until the next */
	size_t	 nfields;
};
struct csv	*csv_open(const char *text, size_t len);
/*
 * The next record: 1, or 0 at the end; -1 with a cause (an unclosed
 * quote, text after a closing quote) and its line in r->line.
 */
int		 csv_next(struct csv *, struct csv_record *, char **cause);
void		 csv_free(struct csv **);

#endif
