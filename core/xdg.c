/* SPDX-License-Identifier: ISC */
/*
 * The XDG configuration folders (xdg.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xdg.h"
#include "xmalloc.h"

static void
xdg_add(char ***dirs, size_t *n, const char *base, size_t len)
{
	if (len == 0 || base[0] != '/')
		return;
	*dirs = xreallocarray(*dirs, *n + 1, sizeof **dirs);
	(*dirs)[(*n)++] = xasprintf("%.*s/giji", (int)len, base);
}

char **
xdg_config_dirs(size_t *n)
{
	const char	*home = getenv("HOME"), *x = getenv("XDG_CONFIG_HOME");
	const char	*list = getenv("XDG_CONFIG_DIRS"), *p, *end;
	char		**dirs = NULL, *h;

	*n = 0;
	if (x != NULL && x[0] == '/')
		xdg_add(&dirs, n, x, strlen(x));
	else if (home != NULL && home[0] == '/') {
		h = xasprintf("%s/.config", home);
		xdg_add(&dirs, n, h, strlen(h));
		free(h);
	}
	if (list == NULL || *list == '\0')
		list = "/etc/xdg";
	for (p = list; *p != '\0'; p = *end == ':' ? end + 1 : end) {
		if ((end = strchr(p, ':')) == NULL)
			end = p + strlen(p);
		xdg_add(&dirs, n, p, (size_t)(end - p));
	}
	return dirs;
}

void
xdg_free(char **dirs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

char *
xdg_config_find(const char *name)
{
	char	**dirs, *path = NULL;
	size_t	 n, i;

	dirs = xdg_config_dirs(&n);
	for (i = 0; i < n && path == NULL; i++) {
		path = xasprintf("%s/%s", dirs[i], name);
		if (access(path, F_OK) != 0) {
			free(path);
			path = NULL;
		}
	}
	xdg_free(dirs, n);
	return path;
}
