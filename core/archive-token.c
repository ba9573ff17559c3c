/* SPDX-License-Identifier: ISC */
/*
 * The archive's tokenizer: how the search index cuts text into terms, as
 * an FTS5 tokenizer ("giji") and as plain functions for the tests.
 *
 * Japanese is written without spaces and its common query is a word of
 * two characters (予算, 公園), which FTS5's trigram tokenizer cannot find.
 * So a run of CJK characters (kanji, kana, hangul) is cut into bigrams:
 * the token at each character is that character and the next, and the
 * last character of the run is a token of its own. Every character of a
 * run thus holds exactly one token, at its own position, so that a
 * substring of a run is a phrase of consecutive tokens:
 *
 *	text	市民緑化予算		市民 民緑 緑化 化予 予算 算
 *	query	緑化予算		緑化 化予 予算
 *
 * A query string (FTS5_TOKENIZE_QUERY) gives the last character of a run
 * only when something follows the run in the query, where the text's run
 * must end too; a query ending in a run of one character is a prefix
 * query (archive_match adds the *), as its token is the first half of
 * the text's bigram. Letters and digits (ASCII, and the full-width forms
 * Japanese text writes them in, folded to ASCII) make word tokens, lower
 * case; everything else (spaces, punctuation, 、。「」, symbols)
 * separates runs and is no token.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "archive-int.h"
#include "i18n.h"
#include "utf8.h"
#include "xmalloc.h"

/* The longest word token kept, in bytes (the rest of a word is cut). */
#define TOKEN_WORD_MAX	64

enum tk_class {
	TK_SEP,
	TK_WORD,
	TK_CJK
};

/* Full-width ASCII (U+FF01-FF5E) as ASCII; other code points as they are. */
static uint32_t
tk_fold(uint32_t cp)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		cp -= 0xfee0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

static enum tk_class
tk_class(uint32_t cp)
{
	cp = tk_fold(cp);
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			return TK_WORD;
		return TK_SEP;
	}
	/* Ideographs, kana and hangul: bigrams. */
	if ((cp >= 0x3005 && cp <= 0x3007) ||		/* 々 〆 〇 */
	    (cp >= 0x3041 && cp <= 0x30ff && cp != 0x30fb) ||	/* kana, not ・ */
	    (cp >= 0x31f0 && cp <= 0x31ff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xff66 && cp <= 0xff9f) ||		/* half-width kana */
	    (cp >= 0x1100 && cp <= 0x11ff) ||
	    (cp >= 0x3130 && cp <= 0x318f) ||
	    (cp >= 0xac00 && cp <= 0xd7af) ||
	    (cp >= 0x20000 && cp <= 0x3ffff))
		return TK_CJK;
	/* Punctuation, symbols, spaces, controls, enclosed forms. */
	if (cp <= 0xbf || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x2bff) ||
	    (cp >= 0x2e00 && cp <= 0x2e7f) ||
	    (cp >= 0x3000 && cp <= 0x303f) ||
	    cp == 0x30fb ||
	    (cp >= 0x3190 && cp <= 0x33ff) ||
	    (cp >= 0xe000 && cp <= 0xf8ff) ||
	    (cp >= 0xfe00 && cp <= 0xfe6f) ||
	    (cp >= 0xff00 && cp <= 0xff65) ||
	    (cp >= 0xfff0 && cp <= 0xffff) ||
	    (cp >= 0x1f000 && cp <= 0x1ffff))
		return TK_SEP;
	/* Other letters (Latin with accents, Greek, Cyrillic …): words. */
	return TK_WORD;
}

/* A run of one class: its bytes and characters. */
struct tk_run {
	enum tk_class	 cls;
	int		 start;
	int		 end;
	int		 nchars;
};

/* The runs of text (TK_SEP runs left out). Caller frees. */
static struct tk_run *
tk_runs(const char *text, int len, size_t *n)
{
	struct tk_run	*runs = NULL;
	size_t		 cap = 0;
	uint32_t	 cp;
	enum tk_class	 c;
	int		 i = 0, k;

	*n = 0;
	while (i < len) {
		k = (int)utf8_decode(text + i, (size_t)(len - i), &cp);
		c = tk_class(cp);
		if (c == TK_SEP) {
			i += k;
			continue;
		}
		if (*n > 0 && runs[*n - 1].cls == c && runs[*n - 1].end == i) {
			runs[*n - 1].end = i + k;
			runs[*n - 1].nchars++;
		} else {
			if (*n == cap) {
				cap = cap ? cap * 2 : 16;
				runs = xreallocarray(runs, cap, sizeof *runs);
			}
			runs[*n].cls = c;
			runs[*n].start = i;
			runs[*n].end = i + k;
			runs[*n].nchars = 1;
			(*n)++;
		}
		i += k;
	}
	return runs;
}

/* A word run as its token: full-width folded to ASCII, lower case. */
static int
tk_word(const char *text, const struct tk_run *r, char *out)
{
	uint32_t	 cp;
	char		 enc[4];
	int		 i, k, n = 0;
	size_t		 e;

	for (i = r->start; i < r->end; i += k) {
		k = (int)utf8_decode(text + i, (size_t)(r->end - i), &cp);
		e = utf8_encode(tk_fold(cp), enc);
		if (n + (int)e > TOKEN_WORD_MAX)
			break;
		memcpy(out + n, enc, e);
		n += (int)e;
	}
	return n;
}

int
archive_tokenize(const char *text, int len, int query, archive_token_fn fn,
    void *arg)
{
	struct tk_run	*runs;
	char		 word[TOKEN_WORD_MAX];
	uint32_t	 cp;
	size_t		 n, ri;
	int		 rc = 0, i, k, k2, last;

	runs = tk_runs(text, len, &n);
	for (ri = 0; ri < n && rc == 0; ri++) {
		const struct tk_run *r = &runs[ri];

		if (r->cls == TK_WORD) {
			rc = fn(arg, word, tk_word(text, r, word), r->start,
			    r->end);
			continue;
		}
		/* A bigram at every character but the last. */
		for (i = r->start; i < r->end && rc == 0; i += k) {
			k = (int)utf8_decode(text + i, (size_t)(r->end - i), &cp);
			if (i + k >= r->end)
				break;
			k2 = (int)utf8_decode(text + i + k,
			    (size_t)(r->end - i - k), &cp);
			rc = fn(arg, text + i, k + k2, i, i + k + k2);
		}
		if (rc != 0)
			break;
		/*
		 * The last character alone: in a text always; in a query
		 * when the query goes on after the run (so the text's run
		 * ends there too), or when it is the run's only character.
		 */
		last = ri == n - 1;
		if (!query || !last || r->nchars == 1)
			rc = fn(arg, text + i, r->end - i, i, r->end);
	}
	free(runs);
	return rc;
}

/* --- FTS5 ------------------------------------------------------------- */

struct tk_fts5_arg {
	void	*ctx;
	int	(*token)(void *, int, const char *, int, int, int);
};

static int
tk_fts5_token(void *arg, const char *tok, int n, int start, int end)
{
	struct tk_fts5_arg	*a = arg;

	return a->token(a->ctx, 0, tok, n, start, end);
}

static int
tk_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	static int	 dummy;

	*out = (Fts5Tokenizer *)&dummy;
	return SQLITE_OK;
}

static void
tk_delete(Fts5Tokenizer *t)
{
}

static int
tk_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int len,
    int (*token)(void *, int, const char *, int, int, int))
{
	struct tk_fts5_arg	 a;

	a.ctx = ctx;
	a.token = token;
	return archive_tokenize(text, len, (flags & FTS5_TOKENIZE_QUERY) != 0,
	    tk_fts5_token, &a);
}

/*
 * giji_marks(archive_text, flags): where the phrases of the MATCH hit the
 * text, as "start end,start end…" byte offsets in text order. flags holds
 * a '1' for each phrase whose last token is a one-character prefix (its
 * mark ends after that character, not after the bigram it matched).
 */
struct tk_marks {
	int	*pos;		/* token positions wanted, sorted */
	int	 npos;
	int	*start;		/* their byte offsets, filled in */
	int	*end;
	int	 at;		/* the position of the next token */
	int	 next;		/* index into pos */
};

static int
tk_marks_token(void *arg, int flags, const char *tok, int n, int start,
    int end)
{
	struct tk_marks	*m = arg;

	while (m->next < m->npos && m->pos[m->next] == m->at) {
		m->start[m->next] = start;
		m->end[m->next] = end;
		m->next++;
	}
	m->at++;
	/* Every position wanted is known: the rest of the text is not cut. */
	return m->next == m->npos ? SQLITE_DONE : SQLITE_OK;
}

static int
tk_int_cmp(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

static int
tk_find(const struct tk_marks *m, int pos)
{
	int	 lo = 0, hi = m->npos - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (m->pos[mid] == pos)
			return mid;
		if (m->pos[mid] < pos)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static void
tk_marks_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct tk_marks	 m;
	struct buf	 b;
	const char	*text, *flags = NULL;
	uint32_t	 cp;
	int		 ninst, i, phrase, col, off, size, len, s, e, j, nflags = 0;
	int		*inst = NULL;

	if (nval > 0 && sqlite3_value_type(val[0]) == SQLITE_TEXT) {
		flags = (const char *)sqlite3_value_text(val[0]);
		nflags = sqlite3_value_bytes(val[0]);
	}
	if (api->xInstCount(fts, &ninst) != SQLITE_OK ||
	    api->xColumnText(fts, 0, &text, &len) != SQLITE_OK) {
		sqlite3_result_error(ctx, "giji_marks: cannot read the hits",
		    -1);
		return;
	}
	memset(&m, 0, sizeof m);
	inst = xcalloc((size_t)ninst * 3 + 1, sizeof *inst);
	m.pos = xcalloc((size_t)ninst * 2 + 1, sizeof *m.pos);
	for (i = 0; i < ninst; i++) {
		if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK)
			break;
		size = api->xPhraseSize(fts, phrase);
		inst[3 * i] = phrase;
		inst[3 * i + 1] = off;
		inst[3 * i + 2] = off + (size > 0 ? size - 1 : 0);
		m.pos[m.npos++] = off;
		m.pos[m.npos++] = inst[3 * i + 2];
	}
	ninst = i;
	qsort(m.pos, (size_t)m.npos, sizeof *m.pos, tk_int_cmp);
	for (i = 0, j = 0; i < m.npos; i++) {
		if (j == 0 || m.pos[j - 1] != m.pos[i])
			m.pos[j++] = m.pos[i];
	}
	m.npos = j;
	m.start = xcalloc((size_t)m.npos + 1, sizeof *m.start);
	m.end = xcalloc((size_t)m.npos + 1, sizeof *m.end);
	for (i = 0; i < m.npos; i++)
		m.start[i] = m.end[i] = -1;
	if (ninst > 0)
		api->xTokenize(fts, text, len, &m, tk_marks_token);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < ninst; i++) {
		s = tk_find(&m, inst[3 * i + 1]);
		e = tk_find(&m, inst[3 * i + 2]);
		if (s < 0 || e < 0 || m.start[s] < 0 || m.start[e] < 0)
			continue;
		phrase = inst[3 * i];
		if (flags != NULL && phrase < nflags && flags[phrase] == '1') {
			off = m.start[e];
			off += (int)utf8_decode(text + off, (size_t)(len - off),
			    &cp);
		} else
			off = m.end[e];
		buf_printf(&b, "%s%d %d", b.len > 0 ? "," : "", m.start[s], off);
	}
	sqlite3_result_text(ctx, b.s, (int)b.len, free);
	free(inst);
	free(m.pos);
	free(m.start);
	free(m.end);
}

int
archive_fts5_register(sqlite3 *db, char **cause)
{
	static fts5_tokenizer	 tk = { tk_create, tk_delete, tk_tokenize };
	fts5_api		*api = NULL;
	sqlite3_stmt		*st;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK) {
		*cause = xasprintf(_("this SQLite has no FTS5 (full-text "
		    "search): %s"), sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->iVersion < 2) {
		*cause = xasprintf(_("this SQLite has no FTS5 (full-text "
		    "search)"));
		return -1;
	}
	if (api->xCreateTokenizer(api, "giji", NULL, &tk, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "giji_marks", NULL, tk_marks_fn,
	    NULL) != SQLITE_OK) {
		*cause = xasprintf(_("cannot register the search tokenizer: "
		    "%s"), sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* --- queries ---------------------------------------------------------- */

static int
tk_count(void *arg, const char *tok, int n, int start, int end)
{
	(*(int *)arg)++;
	return 0;
}

char *
archive_match(const char *query, char **flags, char **cause)
{
	struct buf	 b, fb;
	struct tk_run	*runs;
	const char	*p, *s;
	char		*term;
	size_t		 n, tlen;
	int		 ntok, prefix, star;

	*flags = NULL;
	buf_init(&b);
	buf_init(&fb);
	buf_add(&b, "", 0);
	buf_add(&fb, "", 0);
	p = query;
	for (;;) {
		/* Terms are separated by blanks, ASCII or ideographic. */
		while (*p == ' ' || *p == '\t' || *p == '\n' ||
		    strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += *p == '\xe3' ? 3 : 1;
		if (*p == '\0')
			break;
		if (*p == '"') {
			/* "a phrase": its words next to each other. */
			s = ++p;
			while (*p != '\0' && *p != '"')
				p++;
			tlen = (size_t)(p - s);
			if (*p == '"')
				p++;
			star = *p == '*';
			if (star)
				p++;
			term = xstrndup(s, tlen);
		} else {
			s = p;
			while (*p != '\0' && *p != ' ' && *p != '\t' &&
			    *p != '\n' && strncmp(p, "\xe3\x80\x80", 3) != 0)
				p++;
			tlen = (size_t)(p - s);
			star = tlen > 1 && s[tlen - 1] == '*';
			term = xstrndup(s, tlen - (size_t)star);
		}
		ntok = 0;
		archive_tokenize(term, (int)strlen(term), 1, tk_count, &ntok);
		if (ntok == 0) {
			free(term);
			continue;
		}
		runs = tk_runs(term, (int)strlen(term), &n);
		prefix = n > 0 && runs[n - 1].cls == TK_CJK &&
		    runs[n - 1].nchars == 1;
		free(runs);
		if (b.len > 0)
			buf_puts(&b, " AND ");
		buf_putc(&b, '"');
		for (s = term; *s != '\0'; s++) {
			if (*s == '"')
				buf_putc(&b, '"');
			buf_putc(&b, *s);
		}
		buf_putc(&b, '"');
		if (prefix || star)
			buf_puts(&b, " *");
		buf_putc(&fb, prefix ? '1' : '0');
		free(term);
	}
	if (b.len == 0) {
		buf_free(&b);
		buf_free(&fb);
		*cause = xasprintf(_("the query '%s' has no letters, digits or "
		    "characters to search for"), query);
		return NULL;
	}
	*flags = buf_detach(&fb);
	return buf_detach(&b);
}
