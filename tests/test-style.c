/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of style files: the template language (template.c) on a
 * scope of its own, the style reader (style.c), and giji-style(5) against
 * the catalogue it documents (minutes-keys.h, minutes-vars.c): the lists
 * of keys and names in the manual are generated from the tables, and this
 * test fails while they differ (GENERATE=1 rewrites the manual's lists).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jdate.h"
#include "minutes-build.h"
#include "style.h"
#include "utf8.h"
#include "tap.h"
#include "template.h"
#include "xmalloc.h"

/* ----------------------------------------------------- a scope for tests */

enum { T_DOC = 1, T_ITEM };

struct titem {
	const char	*title;
	long		 n;
};

static const struct titem titems[] = {
	{ "予算", 1 }, { "条例", 2 }, { "", 3 }
};

static int
t_get(const struct tpl_scope *sc, const char *name, size_t len,
    struct tval *v)
{
	const struct titem	*it = sc->p;

#define IS(s)	(len == strlen(s) && memcmp(name, s, len) == 0)
	if (sc->ctx == T_ITEM) {
		if (IS("title")) {
			v->type = TVAL_USER;
			v->s = it->title;
			return 0;
		}
		if (IS("n")) {
			v->type = TVAL_NUM;
			v->n = it->n;
			return 0;
		}
		if (IS("index") || IS("first") || IS("last")) {
			v->type = TVAL_NUM;
			v->n = IS("index") ? (long)sc->i + 1 : IS("first") ?
			    sc->i == 0 : sc->i + 1 == sc->n;
			return 0;
		}
		return -1;
	}
	if (IS("name")) {
		v->type = TVAL_USER;
		v->s = "伊藤\x1b[31m";
		return 0;
	}
	if (IS("empty")) {
		v->type = TVAL_TEXT;
		v->s = "";
		return 0;
	}
	if (IS("count")) {
		v->type = TVAL_NUM;
		v->n = 15;
		return 0;
	}
	if (IS("zero")) {
		v->type = TVAL_NUM;
		v->n = 0;
		return 0;
	}
	if (IS("items")) {
		v->type = TVAL_LIST;
		v->n = 3;
		v->ctx = T_ITEM;
		return 0;
	}
	if (IS("none")) {
		v->type = TVAL_LIST;
		v->n = 0;
		v->ctx = T_ITEM;
		return 0;
	}
	return -1;
#undef IS
}

static int
t_elem(const struct tpl_scope *sc, const struct tval *l, size_t i,
    struct tpl_scope *out)
{
	(void)l;
	out->get = t_get;
	out->elem = t_elem;
	out->ctx = T_ITEM;
	out->p = &titems[i];
	out->parent = sc;
	return 0;
}

static const struct tpl *
t_word(void *arg, const char *name, size_t len, const char *value)
{
	static struct tpl	*w;
	struct tpl_error	 err;

	(void)arg;
	if (len == 7 && memcmp(name, "outcome", 7) == 0 &&
	    strcmp(value, "approved") == 0) {
		if (w == NULL)
			w = tpl_compile("承認", strlen("承認"), &err);
		return w;
	}
	return NULL;
}

/* Evaluate src with the digits given. */
static char *
eval(const char *src, int digits)
{
	struct tpl_scope	 sc;
	struct tpl_eval		 ev;
	struct tpl_error	 err;
	struct tpl		*t;
	char			*s;

	if ((t = tpl_compile(src, strlen(src), &err)) == NULL) {
		s = xasprintf("ERROR at %zu: %s", err.offset, err.msg);
		free(err.msg);
		return s;
	}
	memset(&sc, 0, sizeof sc);
	sc.get = t_get;
	sc.elem = t_elem;
	sc.ctx = T_DOC;
	memset(&ev, 0, sizeof ev);
	ev.digits = digits;
	ev.word = t_word;
	s = tpl_string(t, &sc, &ev);
	tpl_eval_free(&ev);
	tpl_free(&t);
	return s;
}

static void
templates(void)
{
	static const struct {
		const char	*src;
		int		 digits;
		const char	*want;
	} cases[] = {
		{ "plain text, with commas} and |bars|", JDIGITS_HALF,
		    "plain text, with commas} and |bars|" },
		{ "#{name}さん", JDIGITS_HALF, "伊藤\xef\xbf\xbd[31mさん" },
		{ "#{count}名", JDIGITS_FULL, "１５名" },
		{ "第1回 #{count}名", JDIGITS_MIXED, "第１回 15名" },
		{ "#{half:#{count}} of #{count}", JDIGITS_FULL, "15 of １５" },
		{ "#{full:12}", JDIGITS_HALF, "１２" },
		{ "#{half:１２3}|#{half:#{count}}", JDIGITS_FULL, "123|15" },
		{ "#{empty|なし}", JDIGITS_HALF, "なし" },
		{ "#{name|なし}", JDIGITS_HALF, "伊藤\xef\xbf\xbd[31m" },
		{ "#{?zero,yes,no}", JDIGITS_HALF, "no" },
		{ "#{?count,yes,no}", JDIGITS_HALF, "yes" },
		{ "#{?empty,yes}", JDIGITS_HALF, "" },
		{ "#{?items,some,none}", JDIGITS_HALF, "some" },
		{ "#{?none,some,none}", JDIGITS_HALF, "none" },
		{ "#{==:#{count},15}#{!=:a,a}#{<:9,10}#{>:b,a}", JDIGITS_FULL,
		    "1011" },
		{ "#{&&:#{count},#{zero}}#{||:#{count},#{zero}}#{!:#{zero}}",
		    JDIGITS_HALF, "011" },
		{ "#{+:2,3} #{-:2,5} #{*:4,#{count}} #{/:7,2} #{%:7,2} "
		    "#{/:-7,2} #{%:-7,2}|#{/:1,0}|#{+:a,1}|#{+:1,}|",
		    JDIGITS_HALF, "5 -3 60 3 1 -3 -1||||" },
		{ "#{+:#{count},1} #{?#{%:#{count},2},odd,even}", JDIGITS_FULL,
		    "１６ odd" },
		{ "#{*:9223372036854775807,2}|", JDIGITS_HALF, "|" },
		{ "#{replace:佐藤　一郎,　,}|#{replace:a-b-c,-,#, }|"
		    "#{replace:aaa,aa,b}|#{replace:abc,,x}|#{replace:,a,b}|",
		    JDIGITS_HALF, "佐藤一郎|a, b, c|ba|abc||" },
		{ "#{digits:第１回 #{count}名 12}|#{half:#{digits:１２}}",
		    JDIGITS_FULL, "第１回 １５名 １２|12" },
		{ "#{digits:第１回 ２０２４}", JDIGITS_HALF, "第1回 2024" },
		{ "#{digits:１ ２３}", JDIGITS_MIXED, "１ 23" },
		{ "#{fill:町長,12,　}|#{fill:総務課長,12,　}|#{fill:abc,6,.}|"
		    "#{fill:abcdef,4,.}|#{fill:a,4,　}|#{fill:a,x,.}|#{fill:a,3,}|",
		    JDIGITS_HALF, "町長　　　　|総務課長　　|abc...|abcdef|a　|a|a|" },
		{ "#{fill:#{next:c},3,-}#{next:c}", JDIGITS_HALF, "1--2" },
		{ "#{each:items,、,#{title}}", JDIGITS_HALF, "予算、条例" },
		{ "#{each:items,#, ,#{index}:#{title}}", JDIGITS_HALF,
		    "1:予算, 2:条例, 3:" },
		{ "#{each:items,/,#{?last,#{n}!,#{n}}}", JDIGITS_FULL,
		    "１/２/３!" },
		{ "#{count:items} #{count:items,#{title}}", JDIGITS_HALF,
		    "3 2" },
		{ "#{each:none,、,x}", JDIGITS_HALF, "" },
		{ "#{katakana:3}#{iroha:3}#{circled:21}#{alpha:2}#{ALPHA:26}",
		    JDIGITS_HALF, "ウハ㉑bZ" },
		{ "#{roman:14} #{ROMAN:1999} #{kanji:2024} #{kanji:11}",
		    JDIGITS_HALF, "xiv MCMXCIX 二千二十四 十一" },
		{ "#{ordinal:1} #{ordinal:12} #{ordinal:22} #{ordinal:103}",
		    JDIGITS_HALF, "1st 12th 22nd 103rd" },
		{ "#{plural:1,member,members} #{plural:#{count},member,members}",
		    JDIGITS_HALF, "member members" },
		{ "#{spaced:日時}#{spaced:出席者} #{upper:March 3}", JDIGITS_HALF,
		    "日 時出席者 MARCH 3" },
		{ "#{starts:結論です,結論}#{ends:結論です,です}#{chop:総務について,について}",
		    JDIGITS_HALF, "11総務" },
		{ "[#{contains:議長に甲を選任,甲}|#{contains:議長の選任,乙}|#{contains:abc,}|#{contains:,a}]",
		    JDIGITS_HALF, "[1|||]" },
		{ "#{upper:Kōwhai Bay é ä ß я ｂ 1x}|#{lower:KŌWHAI ÉCOLE Я}",
		    JDIGITS_HALF, "KŌWHAI BAY É Ä ß Я Ｂ 1X|kōwhai école я" },
		{ "#{wide:A1 b+}|#{wide:#{ALPHA:3}}委員|#{wide:日本}", JDIGITS_HALF,
		    "Ａ１　ｂ＋|Ｃ委員|日本" },
		{ "#{uncap:That it be}|#{cap:élan}|#{uncap:}|#{cap:1a}",
		    JDIGITS_HALF, "that it be|Élan||1a" },
		{ "#{initials:Daniel James }|#{initials:}|#{initials:山田　太郎}|#{initials:élan vital}",
		    JDIGITS_HALF, "D J||山 太|é v" },
		/* Title case, not capitals: ǆ → ǅ (upper gives Ǆ). */
		{ "#{cap:ǆungla}|#{upper:ǆ}|#{uncap:ǅ}", JDIGITS_HALF,
		    "ǅungla|Ǆ|ǆ" },
		{ "#{next:a}#{next:a}#{next:b}", JDIGITS_HALF, "121" },
		{ "##{x#}#|#,", JDIGITS_HALF, "#{x}|," },
		{ "#1 #a", JDIGITS_HALF, "#1 #a" },
		{ "#{unknown|fallback}", JDIGITS_HALF, "fallback" },
		{ "#{name", JDIGITS_HALF,
		    "ERROR at 6: expected } or | after the name" },
		{ "#{?x}", JDIGITS_HALF,
		    "ERROR at 4: expected , after the condition" },
		{ "#{each:items,、}", JDIGITS_HALF,
		    "ERROR at 16: expected , after the separator (a comma in "
		    "the separator is written #,)" },
		{ "#{bogus:1}", JDIGITS_HALF, NULL },
		{ "#{}", JDIGITS_HALF,
		    "ERROR at 2: expected a name, ?, or an operator after #{" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = eval(cases[i].src, cases[i].digits);
		if (cases[i].want == NULL)
			ok(strncmp(s, "ERROR at 2: unknown function 'bogus'",
			    35) == 0, "template %s: %s", cases[i].src, s);
		else
			is_str(s, cases[i].want, "template %s", cases[i].src);
		free(s);
	}
	s = eval("#{word:outcome}", JDIGITS_HALF);
	is_str(s, "", "word: a name that is not there prints nothing");
	free(s);
}

/* ------------------------------------------------------------ the reader */

static void
reader(void)
{
	static const char text[] =
	    "\xef\xbb\xbf# a comment\n"
	    "[style]\n"
	    "name = t\n"
	    "  gap = \"  two  \"\n"
	    "long = one \\\n"
	    "       two\n"
	    "esc = a\\nb\\tc\\\\d\n"
	    "bare\n"
	    "[labels when lang=en, labels=role]\n"
	    "open = 【\n";
	struct style_errors	 errs;
	struct style_file	*f;
	const struct style_entry *e;

	memset(&errs, 0, sizeof errs);
	f = style_file_parse("t.style", text, sizeof text - 1, &errs);
	is_int(errs.n, 0, "reader: no errors");
	is_int(f->nsections, 2, "reader: two sections");
	is_int(f->sections[0].nentries, 5, "reader: five keys");
	e = &f->sections[0].entries[1];
	is_str(e->value, "  two  ", "reader: a quoted value keeps its spaces");
	e = &f->sections[0].entries[2];
	is_str(e->value, "one two", "reader: a continued value");
	e = &f->sections[0].entries[3];
	is_str(e->value, "a\nb\tc\\d", "reader: escapes");
	is_int(style_entry_pos(e, 2).col, 10, "reader: the column of a byte "
	    "after an escape");
	ok(f->sections[0].entries[4].bare, "reader: a bare key");
	is_int(f->sections[1].nconds, 2, "reader: two conditions");
	is_str(f->sections[1].conds[1].value, "role", "reader: a condition's "
	    "value");
	is_int(f->sections[1].entries[0].key_pos.line, 10, "reader: lines "
	    "counted after a continuation");
	style_file_free(&f);
	style_errors_free(&errs);
}

/* ------------------------------------------------------- the manual's lists */

static void
man_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			buf_puts(b, "\\e");
		else if (*s == '-')
			buf_puts(b, "\\-");
		else
			buf_putc(b, *s);
	}
}

/*
 * Bytes a character takes in mandoc's measure: ASCII itself, anything
 * else as an escape \[uXXXX].
 */
static size_t
man_width(const char *s, size_t n)
{
	size_t	 w = 0, i;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x80)
			w++;
		else if ((unsigned char)s[i] >= 0xc0)
			w += 8;
	}
	return w;
}

/*
 * Help text as manual lines of at most 72 bytes in mandoc's measure, with
 * a full stop: a long run without spaces (Japanese) is broken with \c,
 * which joins the lines without a space.
 */
static void
man_text(struct buf *b, const char *s)
{
	size_t	 col = 0, n, cw;
	char	*one;

	for (; *s != '\0'; s += n) {
		if (*s == ' ') {
			n = 1;
			if (col > 0 && col + 1 + man_width(s + 1,
			    strcspn(s + 1, " ")) <= 72) {
				buf_putc(b, ' ');
				col++;
			} else if (col > 0) {
				buf_putc(b, '\n');
				col = 0;
			}
			continue;
		}
		n = utf8_decode(s, strlen(s), &(uint32_t){ 0 });
		cw = man_width(s, n);
		if (col + cw > 72) {
			buf_puts(b, "\\c\n");
			col = 0;
		}
		one = xstrndup(s, n);
		man_escape(b, one);
		free(one);
		col += cw;
	}
	buf_puts(b, ".\n");
}

static const char *
key_kind(const struct mkey_def *k)
{
	switch (k->type) {
	case SK_TEMPLATE:
		return "a template";
	case SK_ENUM:
		return NULL;
	case SK_BOOL:
		return "yes or no";
	case SK_TEXT:
		return "text";
	case SK_LINE:
		return "a line, repeatable, kept in order";
	}
	return "";
}

static char *
keys_man(void)
{
	struct buf	 b;
	const char	*prev = NULL, *kind;
	int		 k;
	char		*vals, *p;

	buf_init(&b);
	for (k = 0; k < K_COUNT; k++) {
		const struct mkey_def *d = &mkey_defs[k];

		if (prev == NULL || strcmp(prev, d->section) != 0)
			buf_printf(&b, ".SS [%s]\n", d->section);
		prev = d->section;
		buf_printf(&b, ".TP\n.B %s\n", d->key);
		if ((kind = key_kind(d)) == NULL) {
			vals = xstrdup(d->values);
			buf_puts(&b, "one of ");
			for (p = vals; *p != '\0'; p++) {
				if (*p == '|')
					buf_puts(&b, ", ");
				else
					buf_putc(&b, *p);
			}
			free(vals);
		} else
			buf_puts(&b, kind);
		if (d->type == SK_TEMPLATE || (d->type == SK_LINE &&
		    d->ctx != C_NONE))
			buf_printf(&b, " (%s)", mctx_names[d->ctx]);
		buf_puts(&b, ":\n");
		man_text(&b, d->help);
	}
	return buf_detach(&b);
}

static const char *
type_name(enum tval_type t)
{
	switch (t) {
	case TVAL_NUM:
		return "number";
	case TVAL_LIST:
		return "list";
	case TVAL_OBJ:
		return "object";
	default:
		return "text";
	}
}

static char *
names_man(void)
{
	const struct mname	*n;
	struct buf		 b;
	int			 c;

	buf_init(&b);
	for (c = C_DOC; c < C_COUNT; c++) {
		buf_printf(&b, ".SS %s\n", mctx_names[c]);
		if (mctx_event((enum mctx)c) != EV_UNKNOWN)
			buf_printf(&b, "Every field of the\n.B %s\nevent "
			    "(giji-events(5)), and:\n",
			    event_type_name(mctx_event((enum mctx)c)));
		for (n = mnames; n->name != NULL; n++) {
			if ((int)n->ctx != c)
				continue;
			buf_printf(&b, ".TP\n.B %s\n%s", n->name,
			    type_name(n->type));
			if (n->type == TVAL_LIST || n->type == TVAL_OBJ ||
			    (n->elem != 0 && n->type == TVAL_USER))
				buf_printf(&b, " (%s)", mctx_names[n->elem]);
			buf_puts(&b, ":\n");
			man_text(&b, n->help);
		}
	}
	return buf_detach(&b);
}

/* Compare (or with GENERATE=1 rewrite) the lines between two markers. */
static void
man_part(const char *page, const char *what, const char *want)
{
	FILE	*f;
	char	*begin, *end, *text, *a, *b, *got;
	size_t	 len = 0, cap = 0;
	int	 c;

	if ((f = fopen(page, "r")) == NULL) {
		ok(0, "%s: cannot read %s", what, page);
		return;
	}
	text = NULL;
	while ((c = fgetc(f)) != EOF) {
		if (len + 2 > cap)
			text = xrealloc(text, cap = cap * 2 + 4096);
		text[len++] = (char)c;
	}
	fclose(f);
	text = xrealloc(text, len + 1);
	text[len] = '\0';
	begin = xasprintf(".\\\" BEGIN %s\n", what);
	end = xasprintf(".\\\" END %s\n", what);
	if ((a = strstr(text, begin)) == NULL ||
	    (b = strstr(text, end)) == NULL || b < a) {
		ok(0, "%s: markers missing in %s", what, page);
		goto out;
	}
	a += strlen(begin);
	got = xstrndup(a, (size_t)(b - a));
	if (getenv("GENERATE") != NULL && strcmp(got, want) != 0) {
		f = fopen(page, "w");
		fprintf(f, "%.*s%s%s", (int)(a - text), text, want, b);
		fclose(f);
		printf("# rewrote the %s of %s\n", what, page);
	} else
		ok(strcmp(got, want) == 0, "giji-style(5) lists every %s of "
		    "the catalogue (GENERATE=1 rewrites it)", what);
	free(got);
out:
	free(begin);
	free(end);
	free(text);
}

int
main(void)
{
	const char	*top = getenv("top_srcdir");
	char		*page, *s;

	templates();
	reader();
	page = xasprintf("%s/docs/giji-style.5", top ? top : ".");
	s = keys_man();
	man_part(page, "KEYS", s);
	free(s);
	s = names_man();
	man_part(page, "NAMES", s);
	free(s);
	free(page);
	return done_testing();
}
