/* SPDX-License-Identifier: ISC */
/*
 * CSV files as spreadsheets save them. The whole file is decoded to UTF-8
 * first (a roster or an agenda is small): Excel on Japanese Windows saves
 * "CSV" in CP932, where the second byte of a character may be a
 * backslash or any letter, so nothing is split before conversion. Then
 * the reader walks the UTF-8 text record by record, keeping the line each
 * record starts on for the messages.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "i18n.h"
#include "utf8.h"
#include "xmalloc.h"

struct csv {
	const char	*p;
	const char	*end;
	size_t		 line;
	char		**fields;
	size_t		 nfields;
	size_t		 cap;
};

int
csv_encoding_parse(const char *s, enum csv_encoding *enc)
{
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		*enc = CSV_UTF8;
	else if (strcasecmp(s, "cp932") == 0 ||
	    strcasecmp(s, "shift_jis") == 0 || strcasecmp(s, "shift-jis") == 0 ||
	    strcasecmp(s, "sjis") == 0 || strcasecmp(s, "windows-31j") == 0)
		*enc = CSV_CP932;
	else if (strcasecmp(s, "auto") == 0)
		*enc = CSV_AUTO;
	else
		return -1;
	return 0;
}

const char *
csv_encoding_name(enum csv_encoding enc)
{
	switch (enc) {
	case CSV_UTF8:
		return "UTF-8";
	case CSV_CP932:
		return "CP932 (Shift_JIS)";
	default:
		return "auto";
	}
}

/* The line of byte off (LF, CRLF or CR ends a line; no CP932 trail
 * byte is either). */
static size_t
csv_line_at(const char *data, size_t off)
{
	size_t	 i, line = 1;

	for (i = 0; i < off; i++) {
		if (data[i] == '\n')
			line++;
		else if (data[i] == '\r' && (i + 1 >= off || data[i + 1] != '\n'))
			line++;
	}
	return line;
}

static char *
csv_from_cp932(const char *data, size_t len, size_t *outlen, size_t *line,
    char **cause)
{
	iconv_t	 cd;
	char	*in = (char *)data, *out, *o;
	size_t	 inleft = len, outleft, cap, off;

	if ((cd = iconv_open("UTF-8", "CP932")) == (iconv_t)-1) {
		*cause = xasprintf(_("this system cannot convert CP932 "
		    "(Shift_JIS): %s; save the file as CSV UTF-8"),
		    strerror(errno));
		return NULL;
	}
	/* A CP932 character of 1 or 2 bytes is at most 3 bytes of UTF-8. */
	cap = len * 3 / 2 + 4;
	out = xmalloc(cap + 1);
	o = out;
	outleft = cap;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		off = (size_t)(in - data);
		*line = csv_line_at(data, off);
		if (errno == EINVAL)
			*cause = xasprintf(_("the file ends inside a CP932 "
			    "(Shift_JIS) character"));
		else
			*cause = xasprintf(_("byte 0x%02x (byte %zu of the "
			    "file) is neither UTF-8 nor CP932 (Shift_JIS): "
			    "save the file as CSV UTF-8, or give --encoding"),
			    (unsigned char)data[off], off + 1);
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*outlen = (size_t)(o - out);
	out[*outlen] = '\0';
	return out;
}

char *
csv_decode(const char *data, size_t len, enum csv_encoding enc,
    enum csv_encoding *found, size_t *outlen, size_t *line, char **cause)
{
	char	*text;
	size_t	 bad;
	void	*nul;

	*cause = NULL;
	*line = 0;
	if (len >= 2 && (((unsigned char)data[0] == 0xff &&
	    (unsigned char)data[1] == 0xfe) || ((unsigned char)data[0] == 0xfe &&
	    (unsigned char)data[1] == 0xff))) {
		*cause = xasprintf(_("the file is UTF-16 (Excel's \"Unicode "
		    "text\"): save it as CSV UTF-8 instead"));
		return NULL;
	}
	if ((nul = memchr(data, '\0', len)) != NULL) {
		bad = (size_t)((const char *)nul - data);
		*line = csv_line_at(data, bad);
		*cause = xasprintf(_("a NUL byte (byte %zu of the file): not a "
		    "text file; save the spreadsheet as CSV"), bad + 1);
		return NULL;
	}
	if (enc != CSV_CP932 && len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
		enc = CSV_UTF8;
	}
	bad = utf8_invalid_at(data, len);
	if (enc == CSV_UTF8 || (enc == CSV_AUTO && bad == (size_t)-1)) {
		if (bad != (size_t)-1) {
			*line = csv_line_at(data, bad);
			*cause = xasprintf(_("byte 0x%02x (byte %zu of the "
			    "file) is not UTF-8: give --encoding cp932 for a "
			    "Shift_JIS file"), (unsigned char)data[bad],
			    bad + 1);
			return NULL;
		}
		*found = CSV_UTF8;
		text = xmalloc(len + 1);
		memcpy(text, data, len);
		text[len] = '\0';
		*outlen = len;
		return text;
	}
	*found = CSV_CP932;
	return csv_from_cp932(data, len, outlen, line, cause);
}

struct csv *
csv_open(const char *text, size_t len)
{
	struct csv	*c = xcalloc(1, sizeof *c);

	c->p = text;
	c->end = text + len;
	c->line = 1;
	return c;
}

static void
csv_clear(struct csv *c)
{
	size_t	 i;

	for (i = 0; i < c->nfields; i++)
		free(c->fields[i]);
	c->nfields = 0;
}

void
csv_free(struct csv **cp)
{
	struct csv	*c = *cp;

	if (c == NULL)
		return;
	csv_clear(c);
	free(c->fields);
	free(c);
	*cp = NULL;
}

static void
csv_push(struct csv *c, char *field)
{
	if (c->nfields == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->fields = xreallocarray(c->fields, c->cap, sizeof *c->fields);
	}
	c->fields[c->nfields++] = field;
}

/* At a line end: step over it (LF, CRLF or CR) and count it. */
static int
csv_eol(struct csv *c)
{
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
		return 1;
	}
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		return 1;
	}
	return 0;
}

int
csv_next(struct csv *c, struct csv_record *r, char **cause)
{
	struct buf	 b;
	const char	*s, *e;
	size_t		 qline;

	*cause = NULL;
	csv_clear(c);
	if (c->p >= c->end)
		return 0;
	r->line = c->line;
	for (;;) {
		/* One field: quoted, or up to the next comma or line end. */
		while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
			c->p++;
		if (c->p < c->end && *c->p == '"') {
			qline = c->line;
			buf_init(&b);
			buf_add(&b, "", 0);
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					buf_free(&b);
					r->line = qline;
					*cause = xasprintf(_("a quoted value "
					    "is never closed (a \" is "
					    "missing)"));
					return -1;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						buf_putc(&b, '"');
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\n' || (*c->p == '\r' &&
				    (c->p + 1 >= c->end || c->p[1] != '\n')))
					c->line++;
				buf_putc(&b, *c->p++);
			}
			while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
				c->p++;
			if (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r') {
				buf_free(&b);
				r->line = c->line;
				*cause = xasprintf(_("text after a closing "
				    "quote (write a quote inside a quoted "
				    "value as \"\")"));
				return -1;
			}
			csv_push(c, buf_detach(&b));
		} else {
			s = c->p;
			while (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r')
				c->p++;
			e = c->p;
			while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			csv_push(c, xstrndup(s, (size_t)(e - s)));
		}
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		csv_eol(c);
		break;
	}
	r->fields = c->fields;
	r->nfields = c->nfields;
	return 1;
}
