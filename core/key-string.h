/* SPDX-License-Identifier: ISC */
/*
 * Key codes and their names. giji has its own key code type, like tmux's
 * key_code: a Unicode code point, or one of the special keys below, with
 * modifier bits. Only tui/input.c turns ncurses input into key codes, so
 * keymaps parse and look up keys without curses. Names follow tmux: C-x,
 * M-x, S-x, F1, Enter, Space, BSpace, PageUp … key_string_lookup_string()
 * and key_string_lookup_key() turn names into codes and back, so the help
 * screen spells keys the way keymap files do.
 */
#ifndef GIJI_KEY_STRING_H
#define GIJI_KEY_STRING_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t key_code;

#define KEYC_NONE	((key_code)0xfffffffffULL)
#define KEYC_META	((key_code)1 << 40)
#define KEYC_CTRL	((key_code)1 << 41)
#define KEYC_SHIFT	((key_code)1 << 42)
/* Set by the input code on characters that arrived in a bracketed paste. */
#define KEYC_PASTED	((key_code)1 << 43)
#define KEYC_MASK_MODIFIERS (KEYC_META | KEYC_CTRL | KEYC_SHIFT)
#define KEYC_MASK_FLAGS	(KEYC_MASK_MODIFIERS | KEYC_PASTED)
#define KEYC_MASK_KEY	(~KEYC_MASK_FLAGS)

/* Special keys live above the Unicode range. */
#define KEYC_BASE	((key_code)0x10000000ULL)
enum {
	KEYC_F1 = KEYC_BASE,
	KEYC_F2, KEYC_F3, KEYC_F4, KEYC_F5, KEYC_F6,
	KEYC_F7, KEYC_F8, KEYC_F9, KEYC_F10, KEYC_F11, KEYC_F12,
	KEYC_UP,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_IC,
	KEYC_DC,
	KEYC_BSPACE,
	KEYC_ENTER,
	KEYC_TAB,
	KEYC_BTAB,
	KEYC_ESCAPE,
	/* Not nameable in keymaps: events from the terminal. */
	KEYC_RESIZE,
	KEYC_BASE_END
};

/* The key for a name, or KEYC_NONE when the name is not a key. */
key_code	 key_string_lookup_string(const char *);
/*
 * The canonical name of a key ("C-a", "M-Enter", "あ"), in a static
 * buffer valid until the next call.
 */
const char	*key_string_lookup_key(key_code);
/* Non-zero for a key that is a printable character without modifiers. */
int		 key_is_char(key_code);

#endif
