/* SPDX-License-Identifier: ISC */
/*
 * Key names to key codes and back (tmux key-string.c). The table of
 * special key names is data; every other key is a single UTF-8 character
 * with optional C-, M- and S- prefixes.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "key-string.h"
#include "utf8.h"

static const struct {
	const char	*name;
	key_code	 key;
} key_string_table[] = {
	/* Canonical names first: key_string_lookup_key() uses the first match. */
	{ "F1", KEYC_F1 }, { "F2", KEYC_F2 }, { "F3", KEYC_F3 },
	{ "F4", KEYC_F4 }, { "F5", KEYC_F5 }, { "F6", KEYC_F6 },
	{ "F7", KEYC_F7 }, { "F8", KEYC_F8 }, { "F9", KEYC_F9 },
	{ "F10", KEYC_F10 }, { "F11", KEYC_F11 }, { "F12", KEYC_F12 },
	{ "Up", KEYC_UP },
	{ "Down", KEYC_DOWN },
	{ "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT },
	{ "Home", KEYC_HOME },
	{ "End", KEYC_END },
	{ "PageUp", KEYC_PPAGE },
	{ "PageDown", KEYC_NPAGE },
	{ "IC", KEYC_IC },
	{ "DC", KEYC_DC },
	{ "BSpace", KEYC_BSPACE },
	{ "Enter", KEYC_ENTER },
	{ "Tab", KEYC_TAB },
	{ "BTab", KEYC_BTAB },
	{ "Escape", KEYC_ESCAPE },
	{ "Space", ' ' },
	/* Aliases. */
	{ "PgUp", KEYC_PPAGE },
	{ "PPage", KEYC_PPAGE },
	{ "PgDn", KEYC_NPAGE },
	{ "NPage", KEYC_NPAGE },
	{ "Insert", KEYC_IC },
	{ "Delete", KEYC_DC },
	{ "Del", KEYC_DC },
	{ "Backspace", KEYC_BSPACE },
	{ "Return", KEYC_ENTER },
	{ "Esc", KEYC_ESCAPE },
};
#define KEY_STRING_N (sizeof key_string_table / sizeof key_string_table[0])

int
key_is_char(key_code key)
{
	key &= ~KEYC_PASTED;
	return key >= 0x20 && key < KEYC_BASE && key != 0x7f &&
	    !(key >= 0x80 && key < 0xa0);
}

/* C-i is Tab, C-m Enter, C-[ Escape, C-? BSpace: what terminals send. */
static key_code
key_string_ctrl(key_code key)
{
	key_code	 base = key & KEYC_MASK_KEY, mods = key & KEYC_MASK_MODIFIERS;

	if (!(mods & KEYC_CTRL))
		return key;
	if (base >= 'A' && base <= 'Z')
		base += 'a' - 'A';
	if (base == 'i')
		return (mods & ~KEYC_CTRL) | KEYC_TAB;
	if (base == 'm')
		return (mods & ~KEYC_CTRL) | KEYC_ENTER;
	if (base == '[')
		return (mods & ~KEYC_CTRL) | KEYC_ESCAPE;
	if (base == '?')
		return (mods & ~KEYC_CTRL) | KEYC_BSPACE;
	return mods | base;
}

key_code
key_string_lookup_string(const char *s)
{
	key_code	 mods = 0, key;
	uint32_t	 cp;
	size_t		 i, n, len;

	if (s == NULL || *s == '\0')
		return KEYC_NONE;
	/* Modifier prefixes, in any order: C-M-x, M-C-x, ^x. */
	for (;;) {
		if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && s[2] != '\0')
			mods |= KEYC_CTRL;
		else if ((s[0] == 'M' || s[0] == 'm') && s[1] == '-' &&
		    s[2] != '\0')
			mods |= KEYC_META;
		else if ((s[0] == 'S' || s[0] == 's') && s[1] == '-' &&
		    s[2] != '\0')
			mods |= KEYC_SHIFT;
		else if (s[0] == '^' && s[1] != '\0') {
			mods |= KEYC_CTRL;
			s += 1;
			continue;
		} else
			break;
		s += 2;
	}
	for (i = 0; i < KEY_STRING_N; i++) {
		if (strcasecmp(s, key_string_table[i].name) == 0) {
			key = key_string_table[i].key;
			if (key == KEYC_TAB && (mods & KEYC_SHIFT))
				return (mods & ~KEYC_SHIFT) | KEYC_BTAB;
			return key_string_ctrl(mods | key);
		}
	}
	n = strlen(s);
	len = utf8_decode(s, n, &cp);
	if (len != n || cp == UTF8_REPLACEMENT || cp < 0x20 || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0))
		return KEYC_NONE;
	/* S-a is A; a shifted letter has no shift bit of its own. */
	if ((mods & KEYC_SHIFT) && cp < 0x80) {
		if (cp >= 'a' && cp <= 'z')
			cp -= 'a' - 'A';
		mods &= ~KEYC_SHIFT;
	}
	if (cp == ' ' && mods == KEYC_CTRL)
		return KEYC_CTRL | ' ';
	return key_string_ctrl(mods | cp);
}

const char *
key_string_lookup_key(key_code key)
{
	static char	 out[64];
	char		 ch[8];
	const char	*name = NULL;
	key_code	 base = key & KEYC_MASK_KEY;
	size_t		 i, n;

	if (key == KEYC_NONE)
		return "None";
	out[0] = '\0';
	if (key & KEYC_CTRL)
		strcat(out, "C-");
	if (key & KEYC_META)
		strcat(out, "M-");
	if (key & KEYC_SHIFT)
		strcat(out, "S-");
	for (i = 0; i < KEY_STRING_N; i++) {
		if (key_string_table[i].key == base) {
			name = key_string_table[i].name;
			break;
		}
	}
	if (name != NULL) {
		strcat(out, name);
		return out;
	}
	if (base >= KEYC_BASE || base > 0x10ffff) {
		snprintf(out, sizeof out, "Unknown(%#llx)",
		    (unsigned long long)key);
		return out;
	}
	n = utf8_encode((uint32_t)base, ch);
	ch[n] = '\0';
	strcat(out, ch);
	return out;
}
