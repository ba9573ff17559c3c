/* SPDX-License-Identifier: ISC */
/*
 * The live terminal interface: giji [FILE], --demo, --chair, --keymap,
 * --list-actions and --check-keymap. Returns the exit status.
 */
#ifndef GIJI_TUI_H
#define GIJI_TUI_H

int	 tui_main(int argc, char **argv);

#endif
