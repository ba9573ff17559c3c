/* SPDX-License-Identifier: ISC */
/*
 * bench/echo: the floor of the key-cost benchmark (bench/key-cost.sh), a
 * bare ncursesw program that echoes keys: for each character of the file
 * given (UTF-8), one wadd_wch() and one wrefresh(), as a key typed into a
 * line and shown at once. What giji spends per typed key is compared
 * with this, measured in the same run.
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

int
main(int argc, char **argv)
{
	FILE	*f;
	wint_t	 c;
	cchar_t	 cc;
	wchar_t	 w[2];

	if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: echo FILE\n");
		return 2;
	}
	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	move(LINES - 2, 0);
	while ((c = fgetwc(f)) != WEOF) {
		if (c == L'\n')
			continue;
		/* A full line starts again, as an input line scrolls. */
		if (getcurx(stdscr) >= COLS - 2) {
			move(LINES - 2, 0);
			clrtoeol();
		}
		w[0] = (wchar_t)c;
		w[1] = L'\0';
		setcchar(&cc, w, A_NORMAL, 0, NULL);
		wadd_wch(stdscr, &cc);
		wrefresh(stdscr);
	}
	endwin();
	fclose(f);
	return 0;
}
