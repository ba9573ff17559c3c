/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for core/xml.c, the one markup escaper: each flag alone and
 * together, runs copied whole, every class of character XML 1.0 cannot
 * hold, invalid UTF-8, and the output of XML_STRICT checked by a reader
 * of its own (no byte that would make the text ill-formed).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"
#include "xml.h"

static char *
esc(const char *s, size_t n, int flags)
{
	struct buf	 b;

	buf_init(&b);
	buf_add(&b, "", 0);
	xml_escape(&b, s, n, flags);
	return buf_detach(&b);
}

static void
check(const char *in, int flags, const char *want, const char *what)
{
	char	*got = esc(in, strlen(in), flags);

	is_str(got, want, "%s", what);
	free(got);
}

/* Every code point of s is one XML 1.0 allows and no & < > is bare. */
static int
xml_clean(const char *s, int quotes)
{
	size_t		 n = strlen(s), k;
	uint32_t	 cp;

	if (!utf8_valid(s, n))
		return 0;
	while (n > 0) {
		k = utf8_decode(s, n, &cp);
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0x7f && cp < 0xa0) || cp == 0xfffe ||
		    cp == 0xffff || cp == '<' || cp == '>')
			return 0;
		if (quotes && (cp == '"' || cp == '\''))
			return 0;
		if (cp == '&' && strncmp(s, "&amp;", 5) != 0 &&
		    strncmp(s, "&lt;", 4) != 0 && strncmp(s, "&gt;", 4) != 0 &&
		    strncmp(s, "&quot;", 6) != 0 && strncmp(s, "&#39;", 5) != 0)
			return 0;
		s += k;
		n -= k;
	}
	return 1;
}

int
main(void)
{
	char		 all[256 * 2 + 1], *out;
	unsigned	 i;

	check("", 0, "", "empty");
	check("plain 会議録 text", 0, "plain 会議録 text", "a clean run as is");
	check("a<b>&c", 0, "a&lt;b&gt;&amp;c", "& < > always");
	check("\"'", 0, "\"'", "quotes kept in text");
	check("\"'", XML_QUOTES, "&quot;&#39;", "XML_QUOTES: &quot; &#39;");
	check("&amp;", XML_QUOTES, "&amp;amp;", "an entity is text, escaped");
	check("]]> <!-- -->", 0, "]]&gt; &lt;!-- --&gt;", "CDATA end, comment");
	check("a\tb\nc\rd", 0, "a\tb\nc\rd", "TAB LF CR kept");
	check("a\tb\nc\rd", XML_SPACE, "a b c d", "XML_SPACE: to spaces");
	check("a\tb\nc\rd", XML_STRICT, "a\tb\nc\rd", "XML_STRICT keeps them");
	check("a\001b\010c\013d\014e\037f\177g", XML_STRICT, "abcdefg",
	    "XML_STRICT drops C0 and DEL");
	check("a\001b", 0, "a\001b", "without it they pass (cleaned before)");
	check("a\xc2\x80" "b\xc2\x85" "c\xc2\x9f" "d", XML_STRICT, "abcd",
	    "XML_STRICT drops C1");
	check("\xc2\xa0", XML_STRICT, "\xc2\xa0", "U+00A0 is kept");
	check("a\xef\xbf\xbe" "b\xef\xbf\xbf" "c", XML_STRICT, "abc",
	    "XML_STRICT drops U+FFFE and U+FFFF");
	check("\xef\xbf\xbd", XML_STRICT, "\xef\xbf\xbd", "a real U+FFFD kept");
	check("a\xff" "b", XML_STRICT, "a\xef\xbf\xbd" "b",
	    "an invalid byte becomes U+FFFD");
	check("\xed\xa0\x80", XML_STRICT,
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "a surrogate, byte by byte");
	check("\xe3\x81", XML_STRICT, "\xef\xbf\xbd\xef\xbf\xbd",
	    "a truncated kana");
	check("😀 é 、。」", XML_STRICT, "😀 é 、。」", "4-byte, 2-byte, CJK kept");
	check("\xe2\x80\xae", XML_STRICT, "\xe2\x80\xae",
	    "a bidi override is not XML's business");
	check("<\"\t\001\xff", XML_QUOTES|XML_STRICT|XML_SPACE,
	    "&lt;&quot; \xef\xbf\xbd", "all three flags");

	/* A length stops the escape, a NUL inside n is not an end. */
	out = esc("ab<cd", 3, 0);
	is_str(out, "ab&lt;", "n bytes only");
	free(out);

	/* Every byte value, alone and after a lead byte: clean output. */
	for (i = 0; i < 256; i++) {
		all[2 * i] = (char)(i == 0 ? ' ' : i);
		all[2 * i + 1] = (char)(i % 2 ? 0xe3 : 'x');
	}
	all[sizeof all - 1] = '\0';
	out = esc(all, strlen(all), XML_STRICT|XML_QUOTES);
	ok(xml_clean(out, 1), "every byte: XML_STRICT|XML_QUOTES output is "
	    "well-formed text");
	free(out);

	return done_testing();
}
