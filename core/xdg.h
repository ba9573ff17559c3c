/* SPDX-License-Identifier: ISC */
/*
 * Where a user's and a site's configuration lives (the XDG Base
 * Directory specification): $XDG_CONFIG_HOME (default ~/.config), then
 * each folder of $XDG_CONFIG_DIRS (default /etc/xdg), the first one that
 * holds the file winning. A city's IT can install one keymap for every
 * station in /etc/xdg/giji/keymap; a clerk's own ~/.config/giji/keymap
 * still comes first.
 */
#ifndef GIJI_XDG_H
#define GIJI_XDG_H

#include <stddef.h>

/*
 * The folders to search, most important first, each ending in "/giji"
 * (allocated; xdg_free). Relative entries are ignored, as the
 * specification says.
 */
char	**xdg_config_dirs(size_t *n);
void	 xdg_free(char **, size_t);
/* The first existing giji/name among them (allocated), or NULL. */
char	*xdg_config_find(const char *name);

#endif
