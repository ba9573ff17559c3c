/* SPDX-License-Identifier: ISC */
/*
 * The open-data formats as rows of the minutes' format table: `akn`
 * (Akoma Ntoso debate XML) and `popolo` (Popolo JSON). They take the
 * document model only for the meeting it was built from and its resolved
 * options (language, public, redaction phrase); the exports themselves
 * are in export-akn.c and export-popolo.c and work on the folded meeting.
 */
#include "config.h"

#include <stdlib.h>

#include "export.h"
#include "minutes-model.h"
#include "minutes.h"

static void
minutes_export_opts(const struct mdoc *d, struct export_opts *eo)
{
	export_opts_default(eo);
	eo->lang = d->o.lang == MINUTES_EN ? EXPORT_EN : EXPORT_JA;
	eo->public = d->o.public == 1;
	eo->redaction = d->redaction;
}

char *
minutes_render_akn(const struct mdoc *d, size_t *len)
{
	struct export_opts	 eo;
	char			*cause = NULL, *s;

	minutes_export_opts(d, &eo);
	s = export_akn(d->m, &eo, len, &cause);
	free(cause);	/* export_akn does not fail */
	return s;
}

char *
minutes_render_popolo(const struct mdoc *d, size_t *len)
{
	struct export_opts	 eo;
	char			*cause = NULL, *s;

	minutes_export_opts(d, &eo);
	s = export_popolo(d->m, &eo, len, &cause);
	free(cause);	/* export_popolo does not fail */
	return s;
}
