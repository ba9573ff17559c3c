/* SPDX-License-Identifier: ISC */
/*
 * Messages in the user's language: GNU gettext, text domain "giji",
 * English message ids. _() marks and translates a message; N_() only
 * marks one (a table's strings, translated where they are shown).
 * i18n_init() binds the domain once, after setlocale(LC_ALL, "").
 * The language of the minutes is not this: it belongs to the meeting
 * (meta.set lang, giji minutes --lang).
 */
#ifndef GIJI_I18N_H
#define GIJI_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

/*
 * Bind the domain: $GIJI_LOCALEDIR, else po/locale beside an uninstalled
 * giji (the build tree), else the installed localedir. Under the C,
 * POSIX or C.UTF-8 locale the interface is English whatever LANGUAGE
 * says (glibc ignores LANGUAGE for C alone).
 */
void	 i18n_init(const char *localedir);
/* Non-zero when messages are being translated (not the C locale). */
int	 i18n_translating(void);

#endif
