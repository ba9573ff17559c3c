/* SPDX-License-Identifier: ISC */
/*
 * Binding the text domain (i18n.h). Nothing here draws or prints.
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

static int	 i18n_on;

/* C, POSIX, C.UTF-8 (glibc calls it C.utf8 too): English. */
static int
i18n_c_locale(const char *l)
{
	return l == NULL || strcmp(l, "C") == 0 || strcmp(l, "POSIX") == 0 ||
	    strncmp(l, "C.", 2) == 0;
}

void
i18n_init(const char *localedir)
{
	const char	*dir = getenv("GIJI_LOCALEDIR");
	char		 exe[PATH_MAX], *slash, built[PATH_MAX + 16];
	ssize_t		 n;

	i18n_on = !i18n_c_locale(setlocale(LC_MESSAGES, NULL));
	if (!i18n_on)
		unsetenv("LANGUAGE");
	if (dir == NULL || *dir == '\0') {
		dir = localedir;
		n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = '\0';
			if ((slash = strrchr(exe, '/')) != NULL) {
				*slash = '\0';
				snprintf(built, sizeof built, "%s/po/locale",
				    exe);
				if (access(built, R_OK) == 0)
					dir = built;
			}
		}
	}
	bindtextdomain("giji", dir);
	bind_textdomain_codeset("giji", "UTF-8");
	textdomain("giji");
}

int
i18n_translating(void)
{
	return i18n_on;
}
