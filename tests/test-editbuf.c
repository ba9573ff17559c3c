/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for core/editbuf.c, the line editor's buffer, without
 * curses: insertion cleans what it is given (invalid bytes → U+FFFD,
 * controls dropped, line breaks → space); the cursor moves by cluster;
 * Backspace and Delete remove one whole character (base + marks, a flag
 * of two regional indicators); word moves over Japanese script runs;
 * kill and yank; wrapping never splits a wide character; a 100 KB
 * insert arrives whole; marks stay at their place in the text as it is
 * edited around them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "editbuf.h"
#include "tap.h"
#include "utf8.h"

static void
test_insert(void)
{
	struct editbuf	 eb;

	/* size_t editbuf_insert(struct editbuf *, const char *, size_t) */
	editbuf_init(&eb);
	{
		ok(editbuf_empty(&eb), "new buffer is empty");
		is_str(editbuf_text(&eb), "", "text is \"\"");
		is_int(editbuf_insert(&eb, "", 0), 0, "empty insert");
	}
	{
		editbuf_insert(&eb, "議事録", strlen("議事録"));
		is_str(editbuf_text(&eb), "議事録", "Japanese");
		is_int(eb.cur, 9, "cursor after it");
		is_int(editbuf_cursor_col(&eb), 6, "six columns");
	}
	{
		editbuf_clear(&eb);
		editbuf_insert(&eb, "a\xff" "b\xe3\x81" "c", 6);
		is_str(editbuf_text(&eb), "a\xef\xbf\xbd" "b\xef\xbf\xbd"
		    "\xef\xbf\xbd" "c",
		    "each invalid or stray byte becomes U+FFFD");
		ok(utf8_valid(eb.s, eb.len), "buffer stays valid UTF-8");
	}
	{
		editbuf_clear(&eb);
		editbuf_insert(&eb, "a\tb\nc\rd\x01" "e\x1b[31m\xe2\x80\xae" "f",
		    strlen("a\tb\nc\rd\x01" "e\x1b[31m\xe2\x80\xae" "f"));
		is_str(editbuf_text(&eb), "a b c de[31mf",
		    "tabs and breaks → space, controls and bidi dropped");
	}
	{
		editbuf_clear(&eb);
		is_int(editbuf_insert_cp(&eb, 0x4f1a), 3, "insert_cp 会");
		is_int(editbuf_insert_cp(&eb, 0x07), 0, "insert_cp BEL dropped");
		is_int(editbuf_insert_cp(&eb, 0xd800), 3, "surrogate → U+FFFD");
		is_str(editbuf_text(&eb), "会\xef\xbf\xbd", "text");
	}
	{
		char	*big;
		size_t	 i, n = 100 * 1024;

		big = malloc(n + 1);
		for (i = 0; i + 3 <= n; i += 3)
			memcpy(big + i, "議", 3);
		n = i;
		big[n] = '\0';
		editbuf_clear(&eb);
		is_int(editbuf_insert(&eb, big, n), n, "100 KB insert whole");
		is_int(eb.len, n, "length");
		is_int(editbuf_nclusters(&eb), n / 3, "every character there");
		free(big);
	}
	editbuf_free(&eb);
}

static void
test_moves(void)
{
	struct editbuf	 eb;

	editbuf_init(&eb);
	/* int editbuf_left/right/home/end(struct editbuf *) */
	{
		ok(!editbuf_left(&eb) && !editbuf_right(&eb) &&
		    !editbuf_home(&eb) && !editbuf_end(&eb),
		    "moves in an empty buffer do nothing");
	}
	{
		/* カ + combining voiced mark, 葛 + IVS, e + acute. */
		editbuf_set(&eb, "カ\xe3\x82\x99葛\xf3\xa0\x84\x80" "e\xcc\x81");
		ok(editbuf_left(&eb), "left");
		is_int(eb.cur, strlen("カ\xe3\x82\x99葛\xf3\xa0\x84\x80"),
		    "left over e + mark");
		editbuf_left(&eb);
		is_int(eb.cur, strlen("カ\xe3\x82\x99"), "left over 葛 + IVS");
		editbuf_left(&eb);
		is_int(eb.cur, 0, "left over カ + mark");
		ok(!editbuf_left(&eb), "stops at the start");
		editbuf_right(&eb);
		is_int(eb.cur, strlen("カ\xe3\x82\x99"), "right over a cluster");
		ok(editbuf_end(&eb) && eb.cur == eb.len, "end");
		ok(editbuf_home(&eb) && eb.cur == 0, "home");
	}
	/* int editbuf_backspace/delete(struct editbuf *) */
	{
		editbuf_set(&eb, "会議\xe2\x9a\xa0\xef\xb8\x8f");	/* ⚠️ */
		ok(editbuf_backspace(&eb), "backspace");
		is_str(editbuf_text(&eb), "会議", "⚠ + VS16 removed whole");
		editbuf_set(&eb, "x\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5");	/* 🇯🇵 */
		editbuf_backspace(&eb);
		is_str(editbuf_text(&eb), "x", "flag removed whole");
		editbuf_set(&eb, "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"
		    "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5");
		editbuf_backspace(&eb);
		is_int(eb.len, 8, "two flags: backspace removes one");
		editbuf_home(&eb);
		editbuf_right(&eb);
		is_int(eb.cur, 8, "right moves over a whole flag");
		editbuf_set(&eb, "議事録");
		editbuf_home(&eb);
		ok(editbuf_delete(&eb), "delete");
		is_str(editbuf_text(&eb), "事録", "delete removes 議");
		editbuf_end(&eb);
		ok(!editbuf_delete(&eb), "delete at the end does nothing");
		editbuf_home(&eb);
		ok(!editbuf_backspace(&eb), "backspace at the start nothing");
	}
	/* Cursor moves then backspace over wide characters. */
	{
		editbuf_set(&eb, "本日の会議を開会します");
		editbuf_left(&eb);
		editbuf_left(&eb);
		editbuf_left(&eb);
		editbuf_backspace(&eb);
		editbuf_backspace(&eb);
		is_str(editbuf_text(&eb), "本日の会議をします", "edit mid-text");
		is_int(editbuf_cursor_col(&eb), 12, "cursor column 12");
		editbuf_insert(&eb, "で", 3);
		is_str(editbuf_text(&eb), "本日の会議をでします", "insert mid-text");
	}
	/* Word moves. */
	{
		editbuf_set(&eb, "本日は giji のテストです。");
		editbuf_word_left(&eb);
		is_str(eb.s + eb.cur, "です。", "word left: hiragana run");
		editbuf_word_left(&eb);
		is_str(eb.s + eb.cur, "テストです。", "katakana run");
		editbuf_word_left(&eb);
		is_str(eb.s + eb.cur, "のテストです。", "hiragana");
		editbuf_word_left(&eb);
		is_str(eb.s + eb.cur, "giji のテストです。", "over a space");
		editbuf_word_right(&eb);
		is_str(eb.s + eb.cur, " のテストです。", "word right");
		editbuf_home(&eb);
		editbuf_word_right(&eb);
		is_str(eb.s + eb.cur, "は giji のテストです。", "kanji run");
	}
	/* Kill and yank. */
	{
		editbuf_set(&eb, "議事録を作る");
		editbuf_left(&eb);
		editbuf_left(&eb);
		ok(editbuf_kill_end(&eb), "kill to end");
		is_str(editbuf_text(&eb), "議事録を", "text after kill");
		editbuf_home(&eb);
		ok(editbuf_yank(&eb), "yank");
		is_str(editbuf_text(&eb), "作る議事録を", "yanked at the cursor");
		ok(editbuf_kill_start(&eb), "kill to start");
		is_str(editbuf_text(&eb), "議事録を", "text");
		editbuf_end(&eb);
		ok(editbuf_kill_word_left(&eb), "kill word left");
		is_str(editbuf_text(&eb), "議事録", "killed を");
		editbuf_home(&eb);
		ok(editbuf_kill_word_right(&eb), "kill word right");
		is_str(editbuf_text(&eb), "", "killed 議事録");
		editbuf_yank(&eb);
		is_str(editbuf_text(&eb), "議事録", "yank the last kill");
	}
	editbuf_free(&eb);
}

static void
test_wrap(void)
{
	struct editbuf		 eb;
	struct editbuf_line	*lines = NULL;
	size_t			 cap = 0, n, cl, cc;

	editbuf_init(&eb);
	/* size_t editbuf_wrap(...) */
	{
		n = editbuf_wrap(&eb, 10, 10, &lines, &cap, &cl, &cc);
		ok(n == 1 && cl == 0 && cc == 0, "empty: one line, cursor 0,0");
	}
	{
		editbuf_set(&eb, "aあいうえお");	/* 1 + 10 columns */
		n = editbuf_wrap(&eb, 10, 10, &lines, &cap, &cl, &cc);
		is_int(n, 2, "two lines");
		is_int(lines[0].width, 9, "first line 9 columns (お moved on)");
		is_str(eb.s + lines[1].start, "お", "お on the second line");
		ok(cl == 1 && cc == 2, "cursor at 1,2");
	}
	{
		editbuf_set(&eb, "あいうえお");	/* exactly 10 */
		n = editbuf_wrap(&eb, 10, 10, &lines, &cap, &cl, &cc);
		ok(n == 2 && cl == 1 && cc == 0,
		    "full line: the cursor starts a new line");
		editbuf_left(&eb);
		n = editbuf_wrap(&eb, 10, 10, &lines, &cap, &cl, &cc);
		ok(n == 1 && cl == 0 && cc == 8, "cursor before お: 0,8");
	}
	free(lines);
	editbuf_free(&eb);
}

static void
test_marks(void)
{
	struct editbuf	 eb;
	size_t		 a, b;

	/* size_t editbuf_mark(struct editbuf *) */
	editbuf_init(&eb);
	{
		a = editbuf_mark(&eb);
		is_int(a, 0, "a mark in an empty buffer");
		is_int(editbuf_mark_chars(&eb, a), 0, "at 0");
		is_int(editbuf_mark_chars(&eb, 7), 0, "no such mark: 0");
		editbuf_marks_clear(&eb);
		is_int(eb.nmarks, 0, "cleared");
	}
	{
		editbuf_set(&eb, "よろしいでしょうか。");
		a = editbuf_mark(&eb);
		is_int(editbuf_mark_chars(&eb, a), 10, "at the end: 10 characters");
		editbuf_insert(&eb, "そのように", strlen("そのように"));
		is_int(editbuf_mark_chars(&eb, a), 10,
		    "text typed at a mark goes after it");
		editbuf_home(&eb);
		editbuf_insert(&eb, "では、", strlen("では、"));
		is_int(editbuf_mark_chars(&eb, a), 13,
		    "text typed before it moves it on");
		is_str(editbuf_text(&eb) + eb.marks[a], "そのように",
		    "the same place in the text");
	}
	{
		/* Backspace and cuts before, over and after the mark. */
		editbuf_end(&eb);
		editbuf_backspace(&eb);
		is_int(editbuf_mark_chars(&eb, a), 13, "a cut after it");
		editbuf_home(&eb);
		editbuf_delete(&eb);
		is_int(editbuf_mark_chars(&eb, a), 12, "a cut before it");
		b = editbuf_mark(&eb);
		is_int(editbuf_mark_chars(&eb, b), 0, "a second mark at 0");
		editbuf_kill_end(&eb);
		is_int(editbuf_mark_chars(&eb, a), 0,
		    "a cut holding it takes it to its start");
		editbuf_yank(&eb);
		is_int(editbuf_mark_chars(&eb, a), 0, "and it stays there");
		editbuf_mark_drop(&eb, b);
		is_int(eb.nmarks, 1, "dropped one");
		editbuf_clear(&eb);
		is_int(eb.marks[a], 0, "clear takes the marks to 0");
		editbuf_marks_clear(&eb);
	}
	{
		/* size_t editbuf_chars_off(const struct editbuf *, size_t) */
		editbuf_set(&eb, "a会e\xcc\x81" "b");
		is_int(editbuf_chars_off(&eb, 0), 0, "0 characters: 0");
		is_int(editbuf_chars_off(&eb, 2), 4, "a会: 4 bytes");
		is_int(editbuf_chars_off(&eb, 99), eb.len, "past the end");
		a = editbuf_mark_at(&eb, 99);
		is_int(editbuf_mark_chars(&eb, a), 5, "a mark past the end: "
		    "at the end");
		a = editbuf_mark_at(&eb, editbuf_chars_off(&eb, 3));
		is_int(editbuf_mark_chars(&eb, a), 2,
		    "inside a character and its accent: before them");
	}
	editbuf_free(&eb);
}

int
main(void)
{
	test_insert();
	test_marks();
	test_moves();
	test_wrap();
	return done_testing();
}
