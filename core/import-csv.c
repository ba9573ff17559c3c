/* SPDX-License-Identifier: ISC */
/*
 * giji import --csv: a roster or an agenda prepared in a spreadsheet. The
 * header row names fields of the vocabulary (member.add for members,
 * agenda.add for agenda items); each later row is one event, its values
 * typed by the field's declared type (a list field holds its values
 * separated by ';'), and appended through log_append() as a live writer's
 * event, so the rules are those of giji add and the terminal. Every bad
 * row is reported, with its line, and then nothing is kept: the rows go in
 * one batch that is committed only when none failed.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "event.h"
#include "i18n.h"
#include "import.h"
#include "json.h"
#include "log.h"
#include "xmalloc.h"

struct csv_import {
	const struct event_def	 *d;
	const struct field_def	**cols;		/* NULL: unnamed column */
	size_t			  ncols;
	import_csv_error_fn	  err;
	void			 *arg;
	size_t			  nerr;
};

static void
csv_import_error(struct csv_import *ci, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
csv_import_error(struct csv_import *ci, size_t line, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	ci->nerr++;
	if (ci->err != NULL)
		ci->err(line, msg != NULL ? msg : _("out of memory"), ci->arg);
	free(msg);
}

/* The header: every column a field of the type, once; the required ones. */
static void
csv_import_header(struct csv_import *ci, const struct csv_record *r)
{
	const struct field_def	*f;
	const char		*near;
	char			*name;
	size_t			 i, j;

	ci->ncols = r->nfields;
	ci->cols = xcalloc(r->nfields + 1, sizeof *ci->cols);
	for (i = 0; i < r->nfields; i++) {
		name = xstrdup(r->fields[i]);
		for (j = 0; name[j] != '\0'; j++)
			name[j] = (char)tolower((unsigned char)name[j]);
		if (*name == '\0') {
			free(name);
			continue;
		}
		if ((f = event_field_find(ci->d, name)) == NULL) {
			if (ci->d == &event_defs[EV_AGENDA_ADD] &&
			    strcmp(name, "joint") == 0)
				csv_import_error(ci, r->line, _("column "
				    "%zu: agenda.add has no field 'joint': "
				    "items deliberated together are named when "
				    "they are opened (agenda.open joint=…)"),
				    i + 1);
			else if ((near = event_field_nearest(ci->d, name)) !=
			    NULL)
				csv_import_error(ci, r->line, _("column "
				    "%zu: %s has no field '%s' (did you mean "
				    "'%s'?)"),
				    i + 1, ci->d->type, r->fields[i], near);
			else
				csv_import_error(ci, r->line, _("column "
				    "%zu: %s has no field '%s' (giji-events(5) "
				    "lists its fields)"), i + 1, ci->d->type,
				    r->fields[i]);
			free(name);
			continue;
		}
		for (j = 0; j < i; j++) {
			if (ci->cols[j] == f) {
				csv_import_error(ci, r->line, _("columns "
				    "%zu and %zu both name the field '%s'"),
				    j + 1, i + 1, f->name);
				break;
			}
		}
		ci->cols[i] = f;
		free(name);
	}
	for (f = ci->d->fields; f->name != NULL; f++) {
		if (!f->required)
			continue;
		for (i = 0; i < ci->ncols; i++) {
			if (ci->cols[i] == f)
				break;
		}
		if (i == ci->ncols)
			csv_import_error(ci, r->line, _("the header has no "
			    "column '%s', which every %s needs"), f->name,
			    ci->d->type);
	}
}

/* Blanks around a list element: spaces, tabs, the ideographic space. */
static void
csv_trim(const char **s, const char **e)
{
	for (;;) {
		if (*s < *e && (**s == ' ' || **s == '\t'))
			(*s)++;
		else if (*e - *s >= 3 && memcmp(*s, "\xe3\x80\x80", 3) == 0)
			*s += 3;
		else
			break;
	}
	for (;;) {
		if (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
			(*e)--;
		else if (*e - *s >= 3 && memcmp(*e - 3, "\xe3\x80\x80", 3) == 0)
			*e -= 3;
		else
			break;
	}
}

/* A list: values separated by ';' (or the full-width '；'). */
static char *
csv_list(const char *v)
{
	struct buf	 b;
	const char	*p = v, *s, *e;
	char		*one, *q;
	size_t		 n = 0;

	buf_init(&b);
	buf_putc(&b, '[');
	for (;;) {
		s = p;
		while (*p != '\0' && *p != ';' &&
		    strncmp(p, "\xef\xbc\x9b", 3) != 0)
			p++;
		e = p;
		csv_trim(&s, &e);
		if (e > s) {
			one = xstrndup(s, (size_t)(e - s));
			q = json_quote_str(one);
			if (n++ > 0)
				buf_putc(&b, ',');
			buf_puts(&b, q);
			free(q);
			free(one);
		}
		if (*p == '\0')
			break;
		p += *p == ';' ? 1 : 3;
	}
	buf_putc(&b, ']');
	return buf_detach(&b);
}

/* obj with field f set to the cell's value, typed; NULL with a cause. */
static char *
csv_set(const char *obj, const struct field_def *f, const char *v,
    char **cause)
{
	char		*end, *raw, *out = NULL;
	long long	 n;

	switch (f->type) {
	case FT_LIST:
		raw = csv_list(v);
		out = json_set_raw(obj, f->name, raw);
		free(raw);
		break;
	case FT_INT:
		errno = 0;
		n = strtoll(v, &end, 10);
		if (*end != '\0' || errno != 0 || n < 0 || n > EVENT_INT_MAX)
			*cause = xasprintf(_("field '%s': '%s' is not an "
			    "integer from 0 to %d"), f->name, v, EVENT_INT_MAX);
		else
			out = json_set_int(obj, f->name, n);
		break;
	case FT_BOOL:
		if (strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0 ||
		    strcmp(v, "1") == 0)
			out = json_set_bool(obj, f->name, 1);
		else if (strcasecmp(v, "false") == 0 ||
		    strcasecmp(v, "no") == 0 || strcmp(v, "0") == 0)
			out = json_set_bool(obj, f->name, 0);
		else
			*cause = xasprintf(_("field '%s': '%s' is not true or "
			    "false"), f->name, v);
		break;
	case FT_OBJECT:
	case FT_ANY:
		if ((out = json_set_raw(obj, f->name, v)) == NULL)
			*cause = xasprintf(_("field '%s': '%s' is not JSON"),
			    f->name, v);
		break;
	default:
		out = json_set_str(obj, f->name, v);
		break;
	}
	return out;
}

/* One row: its event appended, or its problems reported. */
static int
csv_import_row(struct csv_import *ci, struct log *log,
    const struct csv_record *r)
{
	struct event_in	 in;
	char		*obj, *next, *cause = NULL;
	size_t		 i, n;
	int		 bad = 0;

	for (i = 0, n = 0; i < r->nfields; i++)
		n += r->fields[i][0] != '\0';
	if (n == 0)
		return 0;	/* an empty row, as spreadsheets leave */
	obj = xstrdup("{}");
	for (i = 0; i < r->nfields; i++) {
		if (r->fields[i][0] == '\0')
			continue;
		if (i >= ci->ncols || ci->cols[i] == NULL) {
			if (i >= ci->ncols)
				csv_import_error(ci, r->line, _("%zu values "
				    "where the header names %zu columns"),
				    r->nfields, ci->ncols);
			else
				csv_import_error(ci, r->line, _("column %zu "
				    "holds '%s' but the header names no field "
				    "there"),
				    i + 1, r->fields[i]);
			bad = 1;
			break;
		}
		if ((next = csv_set(obj, ci->cols[i], r->fields[i],
		    &cause)) == NULL) {
			csv_import_error(ci, r->line, "%s: %s", ci->d->type,
			    cause != NULL ? cause : _("cannot set the value"));
			free(cause);
			cause = NULL;
			bad = 1;
			continue;
		}
		free(obj);
		obj = next;
	}
	if (!bad) {
		memset(&in, 0, sizeof in);
		in.type = ci->d->type;
		in.payload = obj;
		if (log_append(log, &in, NULL, &cause) != 0) {
			/* The file's name is the caller's to give. */
			n = strlen(log_path(log));
			csv_import_error(ci, r->line, "%s",
			    strncmp(cause, log_path(log), n) == 0 &&
			    cause[n] == ':' ? cause + n + 2 : cause);
			free(cause);
			bad = 1;
		}
	}
	free(obj);
	return bad ? -1 : 1;
}

int
import_csv(struct log *log, const char *what, const char *data, size_t len,
    enum csv_encoding enc, enum csv_encoding *found, size_t *count,
    import_csv_error_fn err, void *arg, char **cause)
{
	struct csv_import	 ci;
	struct csv_record	 r;
	struct csv		*c;
	char			*text, *why;
	size_t			 tlen, line;
	int			 rc, header = 0;

	*count = 0;
	*cause = NULL;
	memset(&ci, 0, sizeof ci);
	ci.err = err;
	ci.arg = arg;
	if (strcmp(what, "members") == 0)
		ci.d = &event_defs[EV_MEMBER_ADD];
	else if (strcmp(what, "agenda") == 0)
		ci.d = &event_defs[EV_AGENDA_ADD];
	else {
		*cause = xasprintf(_("--csv %s: give members (a roster: "
		    "member.add) or agenda (agenda.add)"), what);
		return -1;
	}
	if (len > CSV_MAX_SIZE) {
		*cause = xasprintf(_("the file is more than %d bytes: not a "
		    "roster or an agenda"), CSV_MAX_SIZE);
		return -1;
	}
	if ((text = csv_decode(data, len, enc, found, &tlen, &line,
	    &why)) == NULL) {
		if (err != NULL)
			err(line, why, arg);
		free(why);
		*cause = xasprintf(ngettext("%zu problem", "%zu problems", 1),
		    (size_t)1);
		return -1;
	}
	if (log_begin(log, cause) != 0) {
		free(text);
		return -1;
	}
	c = csv_open(text, tlen);
	while ((rc = csv_next(c, &r, &why)) == 1) {
		if (!header) {
			if (r.nfields == 1 && r.fields[0][0] == '\0')
				continue;	/* blank lines before it */
			csv_import_header(&ci, &r);
			header = 1;
			if (ci.nerr > 0)
				break;
			continue;
		}
		if (csv_import_row(&ci, log, &r) == 1)
			(*count)++;
	}
	if (rc < 0) {
		ci.nerr++;
		if (err != NULL)
			err(r.line, why, arg);
		free(why);
	}
	csv_free(&c);
	free(text);
	free(ci.cols);
	if (!header && ci.nerr == 0) {
		log_rollback(log);
		*cause = xasprintf(_("the file is empty: its first row names "
		    "the fields (%s)"), ci.d == &event_defs[EV_MEMBER_ADD] ?
		    "id,name,role,kind,…" : "id,title,kind,label,…");
		return -1;
	}
	if (ci.nerr > 0) {
		log_rollback(log);
		*count = 0;
		*cause = xasprintf(ngettext("%zu problem", "%zu problems",
		    ci.nerr), ci.nerr);
		return -1;
	}
	if (log_commit(log, cause) != 0)
		return -1;
	return 0;
}
