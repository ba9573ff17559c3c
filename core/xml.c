/* SPDX-License-Identifier: ISC */
/*
 * The markup escaper (xml.h). Runs that need nothing are copied whole;
 * only the byte or character that needs a change is decoded.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"
#include "xml.h"

/* A character XML 1.0 can hold (the Char production, TAB LF CR apart). */
static int
xml_char(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	return cp != 0xfffe && cp != 0xffff;
}

/*
 * How many bytes from the start of s (n bytes, a part of a C string) are
 * copied as they are.
 */
static size_t
xml_plain(const char *s, size_t n, int flags)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 off = 0, k;

	if (!(flags & XML_STRICT)) {
		/*
		 * Only ASCII to look at: strcspn. It stops at a newline even
		 * when it is copied, so that escaping a string line by line
		 * never scans past the line.
		 */
		for (;;) {
			k = strcspn(s + off, (flags & XML_QUOTES) ?
			    "&<>\"'\t\n\r" : "&<>\t\n\r");
			if (k >= n - off)
				return n;
			off += k;
			if (!(flags & XML_SPACE) && (s[off] == '\t' ||
			    s[off] == '\n' || s[off] == '\r')) {
				off++;
				continue;
			}
			return off;
		}
	}
	while (off < n) {
		if (u[off] >= 0x80) {
			/* U+3000-U+9FFF (kana, CJK): never a control. */
			if (u[off] >= 0xe3 && u[off] <= 0xe9 && off + 2 < n &&
			    (u[off + 1] & 0xc0) == 0x80 &&
			    (u[off + 2] & 0xc0) == 0x80) {
				off += 3;
				continue;
			}
			k = utf8_decode(s + off, n - off, &cp);
			if (!xml_char(cp) || (cp == UTF8_REPLACEMENT && k != 3))
				return off;
			off += k;
			continue;
		}
		switch (u[off]) {
		case '&':
		case '<':
		case '>':
			return off;
		case '"':
		case '\'':
			if (flags & XML_QUOTES)
				return off;
			break;
		case '\t':
		case '\n':
		case '\r':
			if (flags & XML_SPACE)
				return off;
			break;
		default:
			if ((flags & XML_STRICT) && !xml_char(u[off]))
				return off;
			break;
		}
		off++;
	}
	return off;
}

void
xml_escape(struct buf *b, const char *s, size_t n, int flags)
{
	uint32_t	 cp;
	size_t		 k;
	char		 enc[4];

	while (n > 0) {
		k = xml_plain(s, n, flags);
		buf_add(b, s, k);
		s += k;
		if ((n -= k) == 0)
			break;
		k = utf8_decode(s, n, &cp);
		s += k;
		n -= k;
		switch (cp) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&#39;");
			break;
		case '\t':
		case '\n':
		case '\r':
			buf_putc(b, ' ');
			break;
		default:
			/* XML_STRICT: a control is dropped, a bad byte marked. */
			if (cp == UTF8_REPLACEMENT)
				buf_add(b, enc, utf8_encode(cp, enc));
			break;
		}
	}
}

void
xml_escape_str(struct buf *b, const char *s, int flags)
{
	if (s != NULL)
		xml_escape(b, s, strlen(s), flags);
}
