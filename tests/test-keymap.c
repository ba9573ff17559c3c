/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for core/key-string.c and core/keymap.c, without curses:
 * key names to codes and back (every special key, modifiers, aliases,
 * UTF-8 keys, rejects), and the keymap parser — bind, unbind, comments,
 * quoting, and every kind of error reported as file:line:col: problem,
 * collected rather than stopped at. The shipped keymaps (default, vi,
 * emacs) are parsed with the same parser when srcdir is known.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "key-string.h"
#include "keymap.h"
#include "tap.h"
#include "xmalloc.h"

/* A stand-in action table: names, contexts, whether an argument is needed. */
static const struct {
	const char	*name;
	unsigned	 contexts;
	int		 arg;
} fake_actions[] = {
	{ "help", 0x1f, 0 },
	{ "quit", 0x1f, 0 },
	{ "item.next", KEYMAP_BIT(KEYMAP_AGENDA) | KEYMAP_BIT(KEYMAP_GLOBAL), 0 },
	{ "edit.left", KEYMAP_BIT(KEYMAP_INPUT), 0 },
	{ "speaker.quick", 0x1f, 1 },
};

static int
fake_find(const char *name, const char *arg, unsigned *contexts,
    char **problem, void *cbarg)
{
	size_t	 i;

	(void)cbarg;
	for (i = 0; i < sizeof fake_actions / sizeof fake_actions[0]; i++) {
		if (strcmp(name, fake_actions[i].name) != 0)
			continue;
		*contexts = fake_actions[i].contexts;
		if (fake_actions[i].arg && arg == NULL) {
			*problem = xasprintf("%s: missing argument", name);
			return -2;
		}
		if (!fake_actions[i].arg && arg != NULL) {
			*problem = xasprintf("%s takes no argument", name);
			return -2;
		}
		return (int)i;
	}
	*problem = xasprintf("unknown action '%s'", name);
	return -1;
}

static void
round_trip(const char *name, const char *canonical)
{
	key_code	 k = key_string_lookup_string(name);

	if (!ok(k != KEYC_NONE, "parse %s", name))
		return;
	is_str(key_string_lookup_key(k), canonical, "%s prints as %s", name,
	    canonical);
	is_int(key_string_lookup_string(key_string_lookup_key(k)), k,
	    "%s round trip", name);
}

static void
test_key_string(void)
{
	/* key_code key_string_lookup_string(const char *) */
	{
		ok(key_string_lookup_string(NULL) == KEYC_NONE, "NULL");
		ok(key_string_lookup_string("") == KEYC_NONE, "empty");
		ok(key_string_lookup_string("Nope") == KEYC_NONE, "unknown");
		ok(key_string_lookup_string("ab") == KEYC_NONE, "two chars");
		ok(key_string_lookup_string("C-") == KEYC_NONE, "C- alone");
		ok(key_string_lookup_string("\xff") == KEYC_NONE, "bad UTF-8");
		ok(key_string_lookup_string("\x01") == KEYC_NONE, "control");
	}
	{
		is_int(key_string_lookup_string("a"), 'a', "a");
		is_int(key_string_lookup_string("C-a"), KEYC_CTRL | 'a', "C-a");
		is_int(key_string_lookup_string("C-A"), KEYC_CTRL | 'a',
		    "C-A is C-a");
		is_int(key_string_lookup_string("^a"), KEYC_CTRL | 'a', "^a");
		is_int(key_string_lookup_string("M-x"), KEYC_META | 'x', "M-x");
		is_int(key_string_lookup_string("M-C-x"),
		    KEYC_META | KEYC_CTRL | 'x', "M-C-x");
		is_int(key_string_lookup_string("S-a"), 'A', "S-a is A");
		is_int(key_string_lookup_string("S-Tab"), KEYC_BTAB,
		    "S-Tab is BTab");
		is_int(key_string_lookup_string("C-i"), KEYC_TAB, "C-i is Tab");
		is_int(key_string_lookup_string("C-m"), KEYC_ENTER,
		    "C-m is Enter");
		is_int(key_string_lookup_string("C-["), KEYC_ESCAPE,
		    "C-[ is Escape");
		is_int(key_string_lookup_string("enter"), KEYC_ENTER,
		    "names ignore case");
		is_int(key_string_lookup_string("PgUp"), KEYC_PPAGE, "alias");
		is_int(key_string_lookup_string("Space"), ' ', "Space");
		is_int(key_string_lookup_string("あ"), 0x3042, "あ");
		is_int(key_string_lookup_string("𠮷"), 0x20bb7, "non-BMP");
	}
	/* const char *key_string_lookup_key(key_code) */
	{
		int	 i;
		char	 name[8];

		for (i = 1; i <= 12; i++) {
			snprintf(name, sizeof name, "F%d", i);
			round_trip(name, name);
		}
		round_trip("Up", "Up");
		round_trip("Down", "Down");
		round_trip("Left", "Left");
		round_trip("Right", "Right");
		round_trip("Home", "Home");
		round_trip("End", "End");
		round_trip("PageUp", "PageUp");
		round_trip("PageDown", "PageDown");
		round_trip("IC", "IC");
		round_trip("DC", "DC");
		round_trip("BSpace", "BSpace");
		round_trip("Enter", "Enter");
		round_trip("Tab", "Tab");
		round_trip("BTab", "BTab");
		round_trip("Escape", "Escape");
		round_trip("Space", "Space");
		round_trip("Delete", "DC");
		round_trip("C-x", "C-x");
		round_trip("M-Enter", "M-Enter");
		round_trip("m-c-q", "C-M-q");
		round_trip("C-Left", "C-Left");
		round_trip("?", "?");
		round_trip("#", "#");
		round_trip("会", "会");
		round_trip("M-あ", "M-あ");
		is_str(key_string_lookup_key(KEYC_NONE), "None", "KEYC_NONE");
	}
	/* int key_is_char(key_code) */
	{
		ok(key_is_char('a'), "a is a char");
		ok(key_is_char(0x4f1a), "会 is a char");
		ok(key_is_char('a' | KEYC_PASTED), "pasted a is a char");
		ok(!key_is_char(KEYC_META | 'a'), "M-a is not");
		ok(!key_is_char(KEYC_ENTER), "Enter is not");
		ok(!key_is_char(0x7f), "DEL is not");
		ok(!key_is_char(0x85), "C1 is not");
	}
}

static size_t
parse(struct keymap *km, const char *text, char ***causes, size_t *n)
{
	return keymap_parse(km, "t.keymap", text, strlen(text), fake_find,
	    NULL, causes, n);
}

static void
test_parser(void)
{
	struct keymap			*km;
	const struct keymap_binding	*b;
	char				**causes = NULL;
	size_t				 n = 0;

	/* size_t keymap_parse(...) */
	{
		km = keymap_new();
		is_int(parse(km, "", &causes, &n), 0, "empty text");
		is_int(parse(km, "\n\n  \n# comment\n   # indented\n", &causes,
		    &n), 0, "blank lines and comments");
		is_int(n, 0, "no causes");
		keymap_free(&km);
		ok(km == NULL, "keymap_free sets NULL");
	}
	{
		km = keymap_new();
		is_int(parse(km, "bind global F1 help\n"
		    "bind agenda j item.next\n"
		    "bind input C-b edit.left\n"
		    "bind global M-1 speaker.quick 1\n"
		    "bind agenda '#' help\n"
		    "bind\tagenda\t\"?\"\thelp\r\n", &causes, &n), 0,
		    "good lines");
		b = keymap_lookup(km, KEYMAP_GLOBAL, KEYC_F1);
		ok(b != NULL && b->action == 0 && b->arg == NULL, "F1 → help");
		b = keymap_lookup(km, KEYMAP_AGENDA, 'j');
		ok(b != NULL && b->action == 2, "j → item.next in agenda");
		ok(keymap_lookup(km, KEYMAP_GLOBAL, 'j') == NULL,
		    "j not global");
		b = keymap_lookup(km, KEYMAP_GLOBAL, KEYC_META | '1');
		ok(b != NULL && b->arg != NULL && strcmp(b->arg, "1") == 0,
		    "argument kept");
		ok(keymap_lookup(km, KEYMAP_AGENDA, '#') != NULL, "quoted #");
		ok(keymap_lookup(km, KEYMAP_AGENDA, '?') != NULL,
		    "tabs, quotes and CRLF");
		is_int(parse(km, "bind global F1 quit\n", &causes, &n), 0,
		    "rebind");
		b = keymap_lookup(km, KEYMAP_GLOBAL, KEYC_F1);
		ok(b != NULL && b->action == 1, "rebinding replaces");
		is_int(parse(km, "unbind agenda j\nunbind agenda j\n", &causes,
		    &n), 0, "unbind (twice is fine)");
		ok(keymap_lookup(km, KEYMAP_AGENDA, 'j') == NULL, "unbound");
		keymap_free(&km);
	}
	{
		km = keymap_new();
		is_int(parse(km,
		    "bind global F1 help\n"			/* 1: good */
		    "bnd global F2 help\n"			/* 2 */
		    "bind galaxy F2 help\n"			/* 3 */
		    "bind global F99 help\n"			/* 4 */
		    "bind global F2 nosuch\n"			/* 5 */
		    "bind input F2 item.next\n"			/* 6 */
		    "bind global F2 speaker.quick\n"		/* 7 */
		    "bind global F2 help extra\n"		/* 8 */
		    "bind global\n"				/* 9 */
		    "bind global F2\n"				/* 10 */
		    "bind global \"F2 help\n"			/* 11 */
		    "unbind global F2 help\n"			/* 12 */
		    "bind global F3 help\n",			/* 13: good */
		    &causes, &n), 11, "eleven bad lines");
		is_int(n, 11, "eleven causes, not stopped at the first");
		if (n == 11) {
			is_str(causes[0], "t.keymap:2:1: unknown command 'bnd' "
			    "(expected bind or unbind)", "unknown command");
			is_str(causes[1], "t.keymap:3:6: unknown context "
			    "'galaxy' (expected global, agenda, log, input or "
			    "vote)", "unknown context");
			ok(strncmp(causes[2], "t.keymap:4:13: unknown key 'F99'",
			    32) == 0, "unknown key: %s", causes[2]);
			is_str(causes[3], "t.keymap:5:16: unknown action "
			    "'nosuch'", "unknown action");
			is_str(causes[4], "t.keymap:6:15: action item.next "
			    "cannot be bound in context input", "wrong context");
			is_str(causes[5], "t.keymap:7:16: speaker.quick: "
			    "missing argument", "missing argument");
			is_str(causes[6], "t.keymap:8:21: help takes no "
			    "argument", "extra argument");
			ok(strncmp(causes[7], "t.keymap:9:12: bind: missing key",
			    32) == 0, "missing key: %s", causes[7]);
			ok(strncmp(causes[8], "t.keymap:10:15: bind: missing "
			    "action", 35) == 0, "missing action: %s",
			    causes[8]);
			is_str(causes[9], "t.keymap:11:13: unterminated quote",
			    "unterminated quote");
			is_str(causes[10], "t.keymap:12:18: unbind: unexpected "
			    "'help' after the key", "unbind extra");
		}
		ok(keymap_lookup(km, KEYMAP_GLOBAL, KEYC_F1) != NULL &&
		    keymap_lookup(km, KEYMAP_GLOBAL, KEYC_F3) != NULL,
		    "good lines still bound");
		ok(keymap_lookup(km, KEYMAP_GLOBAL, KEYC_F2) == NULL,
		    "bad lines not bound");
		keymap_causes_free(&causes, &n);
		ok(causes == NULL && n == 0, "causes freed");
		keymap_free(&km);
	}
	/* size_t keymap_load(...) */
	{
		km = keymap_new();
		is_int(keymap_load(km, "/nonexistent/keymap", fake_find, NULL,
		    &causes, &n), 1, "missing file is one problem");
		ok(n == 1 && strstr(causes[0], "/nonexistent/keymap") != NULL,
		    "names the file");
		keymap_causes_free(&causes, &n);
		keymap_free(&km);
	}
	/* const char *keymap_context_name(), int keymap_context_find() */
	{
		int c;
		for (c = 0; c < KEYMAP_NCONTEXTS; c++)
			is_int(keymap_context_find(keymap_context_name(c)), c,
			    "context %s", keymap_context_name(c));
		is_int(keymap_context_find("Global"), -1, "case matters");
	}
}

int
main(void)
{
	test_key_string();
	test_parser();
	return done_testing();
}
