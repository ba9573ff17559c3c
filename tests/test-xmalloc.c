/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the string pool and buf_putnum (core/xmalloc.c), and for
 * utf8_is_clean/utf8_sanitize against a reference written the slow way:
 * one code point at a time, on random strings of troublesome pieces.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"

static void
test_pool(void)
{
	struct pool	 p;
	char		*s[5000], big[100000], *b, *t;
	size_t		 i;
	int		 good = 1;

	pool_init(&p);
	ok(pool_strdup(&p, NULL) == NULL, "pool: NULL gives NULL");
	t = pool_strdup(&p, "");
	is_str(t, "", "pool: empty string");
	for (i = 0; i < 5000; i++) {
		char n[32];

		snprintf(n, sizeof n, "文字列%zu", i);
		s[i] = pool_strdup(&p, n);
	}
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	b = pool_strdup(&p, big);	/* larger than a chunk */
	t = pool_strndup(&p, "abcdef", 3);
	for (i = 0; i < 5000; i++) {
		char n[32];

		snprintf(n, sizeof n, "文字列%zu", i);
		if (strcmp(s[i], n) != 0)
			good = 0;
	}
	ok(good, "pool: 5,000 strings over several chunks keep their bytes");
	ok(strlen(b) == sizeof big - 1 && b[0] == 'x' && b != big,
	    "pool: a string larger than a chunk is copied whole");
	is_str(t, "abc", "pool: strndup stops at n");
	is_str(pool_take(&p, xstrdup("taken")), "taken",
	    "pool: take copies (the original is freed: ASan checks)");
	t = pool_strdup(&p, "after the big one");
	is_str(t, "after the big one", "pool: the chunk before a big one is still used");
	pool_free(&p);
	ok(p.head == NULL && p.left == 0, "pool: free empties it");
	is_str(pool_strdup(&p, "again"), "again", "pool: usable after free");
	pool_free(&p);
}

static void
test_putnum(void)
{
	static const long long	 v[] = { 0, 7, -7, 10, 1234567890123LL,
				    LLONG_MAX, LLONG_MIN };
	struct buf		 b;
	char			 want[32];
	size_t			 i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		buf_init(&b);
		buf_puts(&b, "<");
		buf_putnum(&b, v[i]);
		buf_puts(&b, ">");
		snprintf(want, sizeof want, "<%lld>", v[i]);
		is_str(b.s, want, "putnum: %lld", v[i]);
		buf_free(&b);
	}
}

/* The rules of utf8.h, written out here rather than borrowed. */
static int
ref_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

static int
ref_bidi(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The reference: every code point decided alone. */
static char *
ref_sanitize(const char *s, int keep_newlines)
{
	struct buf	 b;
	uint32_t	 cp;
	size_t		 n = strlen(s), off = 0, len;
	char		 enc[4];

	buf_init(&b);
	buf_add(&b, "", 0);
	while (off < n) {
		len = utf8_decode(s + off, n - off, &cp);
		if (cp == '\n' && keep_newlines)
			buf_putc(&b, '\n');
		else if (cp == '\t')
			buf_putc(&b, ' ');
		else if (ref_bidi(cp))
			;
		else if (ref_control(cp) ||
		    (cp == UTF8_REPLACEMENT && len != 3))
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		else
			buf_add(&b, s + off, len);
		off += len;
	}
	return buf_detach(&b);
}

static void
test_clean(void)
{
	static const char *const piece[] = {
		"a", "会議", "。", "\n", "\t", "\x1b", "\xc2\x9b", "\x9b",
		"\xe2\x80\xae", "\xe2\x81\xa6", "\xe3\x81", "\xef\xbf\xbd",
		"\xf0\x9f\x98\x80", "\xe2\x80\x8b", "\x7f", "\xed\xa0\x80",
		"\xc0\x80", "\xe9\xbf\xbf", "\xea\xb0\x80", "\xf4\x90\x80\x80"
	};
	const size_t	 np = sizeof piece / sizeof piece[0];
	char		 s[256], *got, *want;
	size_t		 i, k, len;
	int		 same = 1, clean_ok = 1, nclean = 0, keep;

	srand(20261123);
	for (i = 0; i < 20000; i++) {
		s[0] = '\0';
		len = (size_t)(rand() % 12);
		for (k = 0; k < len; k++)
			strcat(s, piece[rand() % (i % 3 == 0 ? 3 : (int)np)]);
		keep = (int)(i & 1);
		got = utf8_sanitize(s, keep);
		want = ref_sanitize(s, keep);
		if (strcmp(got, want) != 0 && same) {
			same = 0;
			printf("#   sanitize differs on case %zu\n", i);
		}
		if (utf8_is_clean(s, keep) != (strcmp(want, s) == 0))
			clean_ok = 0;
		nclean += strcmp(want, s) == 0;
		free(got);
		free(want);
	}
	ok(same, "sanitize equals the one-code-point-at-a-time reference "
	    "on 20,000 random strings");
	ok(clean_ok, "is_clean is true exactly when sanitize changes nothing");
	ok(nclean > 1000 && nclean < 19000, "both outcomes occur (%d clean)",
	    nclean);
	ok(utf8_is_clean(NULL, 0), "is_clean: NULL");
}

int
main(void)
{
	test_pool();
	test_putnum();
	test_clean();
	return done_testing();
}
