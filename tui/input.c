/* SPDX-License-Identifier: ISC */
/*
 * Input: the only place that turns what the terminal sends into giji key
 * codes. Bytes are read with wgetch() and UTF-8 is decoded here, not by
 * get_wch(): ncurses' get_wch() stalls for ~145 bytes after one invalid
 * sequence (measured with ncurses 6.4). Each bad sequence becomes one U+FFFD and
 * the next character is kept. Escape sequences ncurses does not know are
 * parsed here too: Alt (ESC + key) and bracketed paste (ESC [ 200~ …
 * ESC [ 201~), whose characters are marked KEYC_PASTED so that a pasted
 * line break never records a speech.
 *
 * A replay file (--replay FILE or GIJI_REPLAY) stands in for the
 * terminal: one key name per word, or "text …" lines typed literally.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "app.h"
#include "utf8.h"
#include "xmalloc.h"

#define INPUT_CONT_MS	30	/* wait for the rest of a UTF-8 sequence */

static int	 input_pushback = -1;
static int	 input_paste;

static key_code	*replay_keys;
static size_t	 replay_n, replay_next;
static int	 replay_on;

/* Extended keys (C-Left …) have codes ncurses assigns at run time. */
static struct {
	const char	*cap;
	key_code	 key;
	int		 code;
} input_ext[] = {
	{ "kLFT5", KEYC_CTRL | KEYC_LEFT, 0 },
	{ "kRIT5", KEYC_CTRL | KEYC_RIGHT, 0 },
	{ "kUP5", KEYC_CTRL | KEYC_UP, 0 },
	{ "kDN5", KEYC_CTRL | KEYC_DOWN, 0 },
	{ "kLFT3", KEYC_META | KEYC_LEFT, 0 },
	{ "kRIT3", KEYC_META | KEYC_RIGHT, 0 },
	{ "kUP3", KEYC_META | KEYC_UP, 0 },
	{ "kDN3", KEYC_META | KEYC_DOWN, 0 },
	{ "kHOM5", KEYC_CTRL | KEYC_HOME, 0 },
	{ "kEND5", KEYC_CTRL | KEYC_END, 0 },
	{ "kDC5", KEYC_CTRL | KEYC_DC, 0 },
};
#define INPUT_NEXT (sizeof input_ext / sizeof input_ext[0])

void
input_init(void)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < INPUT_NEXT; i++) {
		s = tigetstr(input_ext[i].cap);
		if (s != NULL && s != (char *)-1)
			input_ext[i].code = key_defined(s);
	}
	/* Bracketed paste: the terminal wraps pasted text in markers. */
	if (!replay_on) {
		fputs("\033[?2004h", stdout);
		fflush(stdout);
	}
}

static int
input_byte(int timeout_ms)
{
	int	 c;

	if (input_pushback != -1) {
		c = input_pushback;
		input_pushback = -1;
		return c;
	}
	wtimeout(stdscr, timeout_ms);
	c = wgetch(stdscr);
	return c;
}

static key_code
input_keypad(int c)
{
	size_t	 i;

	switch (c) {
	case KEY_UP:		return KEYC_UP;
	case KEY_DOWN:		return KEYC_DOWN;
	case KEY_LEFT:		return KEYC_LEFT;
	case KEY_RIGHT:		return KEYC_RIGHT;
	case KEY_HOME:		return KEYC_HOME;
	case KEY_END:		return KEYC_END;
	case KEY_PPAGE:		return KEYC_PPAGE;
	case KEY_NPAGE:		return KEYC_NPAGE;
	case KEY_IC:		return KEYC_IC;
	case KEY_DC:		return KEYC_DC;
	case KEY_BACKSPACE:	return KEYC_BSPACE;
	case KEY_ENTER:		return KEYC_ENTER;
	case KEY_BTAB:		return KEYC_BTAB;
	case KEY_SLEFT:		return KEYC_SHIFT | KEYC_LEFT;
	case KEY_SRIGHT:	return KEYC_SHIFT | KEYC_RIGHT;
	case KEY_RESIZE:	return KEYC_RESIZE;
	}
	if (c >= KEY_F(1) && c <= KEY_F(12))
		return KEYC_F1 + (c - KEY_F(1));
	for (i = 0; i < INPUT_NEXT; i++) {
		if (input_ext[i].code != 0 && input_ext[i].code == c)
			return input_ext[i].key;
	}
	return KEYC_NONE;
}

/* A C0 control byte as a key. */
static key_code
input_control(int c)
{
	switch (c) {
	case '\r':
	case '\n':
		return KEYC_ENTER;
	case '\t':
		return KEYC_TAB;
	case 0x7f:
		return KEYC_BSPACE;
	case 0x1b:
		return KEYC_ESCAPE;
	case 0:
		return KEYC_CTRL | ' ';
	}
	if (c >= 1 && c <= 26)
		return KEYC_CTRL | (key_code)('a' + c - 1);
	return KEYC_CTRL | (key_code)(c + 0x40);	/* C-\ C-] C-^ C-_ */
}

/* Sequences that were not UTF-8, read as U+FFFD since input_bad(). */
static size_t	 input_nbad;

size_t
input_bad(void)
{
	size_t	 n = input_nbad;

	input_nbad = 0;
	return n;
}

/* A sequence that is not UTF-8: U+FFFD, counted for the clerk to see. */
static key_code
input_invalid(void)
{
	input_nbad++;
	return UTF8_REPLACEMENT;
}

/* The rest of a UTF-8 sequence whose lead byte is c. */
static key_code
input_utf8(int c)
{
	char		 s[4];
	uint32_t	 cp;
	size_t		 need, n = 1;
	int		 b;

	s[0] = (char)c;
	if (c >= 0xc2 && c <= 0xdf)
		need = 2;
	else if (c >= 0xe0 && c <= 0xef)
		need = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 4;
	else
		return input_invalid();	/* a stray continuation or a bad lead */
	while (n < need) {
		b = input_byte(INPUT_CONT_MS);
		if (b == ERR)
			return input_invalid();	/* truncated */
		if (b > 0xff || (b & 0xc0) != 0x80) {
			input_pushback = b;	/* keep the next character */
			return input_invalid();
		}
		s[n++] = (char)b;
		/* Reject overlongs and surrogates as soon as they show. */
		if (n == need && utf8_decode(s, n, &cp) != n)
			return input_invalid();
	}
	utf8_decode(s, n, &cp);
	return cp;
}

/* After ESC: Alt+key, a CSI sequence ncurses did not know, or Escape. */
static key_code
input_escape(void)
{
	char	 seq[16];
	size_t	 n = 0;
	int	 c;
	key_code k;

	c = input_byte(0);
	if (c == ERR)
		return KEYC_ESCAPE;
	if (c == '[') {
		while ((c = input_byte(INPUT_CONT_MS)) != ERR) {
			if (n < sizeof seq - 1)
				seq[n++] = (char)c;
			if (c >= 0x40 && c <= 0x7e)
				break;
		}
		seq[n] = '\0';
		if (strcmp(seq, "200~") == 0)
			input_paste = 1;
		else if (strcmp(seq, "201~") == 0)
			input_paste = 0;
		return KEYC_NONE;
	}
	if (c > 0xff) {
		k = input_keypad(c);
		return k == KEYC_NONE ? k : k | KEYC_META;
	}
	if (c < 0x20 || c == 0x7f)
		k = input_control(c);
	else if (c >= 0x80)
		k = input_utf8(c);
	else
		k = (key_code)c;
	return k | KEYC_META;
}

key_code
input_read(int timeout_ms)
{
	key_code	 k;
	int		 c;

	if (replay_on) {
		if (replay_next < replay_n)
			return replay_keys[replay_next++];
		return KEYC_NONE;
	}
	for (;;) {
		c = input_byte(timeout_ms);
		if (c == ERR)
			return KEYC_NONE;
		if (c > 0xff)
			k = input_keypad(c);
		else if (c == 0x1b)
			k = input_escape();
		else if (input_paste && (c == '\r' || c == '\n' || c == '\t'))
			k = ' ';
		else if (c < 0x20 || c == 0x7f)
			k = input_control(c);
		else if (c >= 0x80)
			k = input_utf8(c);
		else
			k = (key_code)c;
		if (k == KEYC_NONE) {
			timeout_ms = 0;		/* a marker: read on */
			continue;
		}
		if (input_paste && key_is_char(k))
			k |= KEYC_PASTED;
		return k;
	}
}

static void
replay_add(key_code k)
{
	if (replay_n % 256 == 0)
		replay_keys = xreallocarray(replay_keys, replay_n + 256,
		    sizeof *replay_keys);
	replay_keys[replay_n++] = k;
}

int
input_replay_open(const char *path, char **cause)
{
	FILE		*f;
	char		*line = NULL, *p, *w;
	size_t		 cap = 0, lineno = 0, off, n;
	ssize_t		 len;
	uint32_t	 cp;
	key_code	 k;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (strncmp(line, "text ", 5) == 0) {
			p = line + 5;
			n = strlen(p);
			for (off = 0; off < n;) {
				off += utf8_decode(p + off, n - off, &cp);
				replay_add(cp);
			}
			continue;
		}
		for (w = strtok(line, " \t"); w != NULL;
		    w = strtok(NULL, " \t")) {
			if (*w == '#')
				break;
			if ((k = key_string_lookup_string(w)) == KEYC_NONE) {
				*cause = xasprintf("%s:%zu: unknown key '%s'",
				    path, lineno, w);
				free(line);
				fclose(f);
				return -1;
			}
			replay_add(k);
		}
	}
	free(line);
	fclose(f);
	replay_on = 1;
	return 0;
}

int
input_replaying(void)
{
	return replay_on;
}

int
input_replay_done(void)
{
	return replay_on && replay_next >= replay_n;
}

void
input_done(void)
{
	if (!replay_on) {
		fputs("\033[?2004l", stdout);
		fflush(stdout);
	}
	free(replay_keys);
	replay_keys = NULL;
}
