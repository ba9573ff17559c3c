/* SPDX-License-Identifier: ISC */
/*
 * The minutes made as a stream (meeting_fold_skeleton, meeting_replay,
 * minutes_stream) are the bytes the whole document makes (meeting_fold,
 * minutes_compile): every sample meeting in tests/fixtures, every shipped
 * style, text, Markdown, HTML and JSON, internal and public, Japanese and
 * English, with the spool in memory and spilled to a file. Then the cases
 * the samples do not reach: a style that looks past a decision printed
 * first under its item, a time zone changed in the middle, a window of
 * blocks many times over, a reaction to a speech long before it.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "import.h"
#include "log.h"
#include "minutes-model.h"
#include "minutes.h"
#include "tap.h"
#include "xmalloc.h"

static char	 dir[] = "/tmp/giji-test-stream.XXXXXX";
static int	 nfile;

static const char *const formats[] = { "text", "md", "html", "json" };

static int
to_buf(void *arg, const char *s, size_t n)
{
	buf_add(arg, s, n);
	return 0;
}

static struct log *
log_from_file(const char *jsonl)
{
	struct log	*log;
	FILE		*f;
	char		*path, *cause = NULL;
	size_t		 count, lineno;

	path = xasprintf("%s/f%d.giji", dir, nfile++);
	if ((log = log_open(path, LOG_CREATE, &cause)) == NULL ||
	    (f = fopen(jsonl, "r")) == NULL) {
		printf("# %s: %s\n", jsonl, cause != NULL ? cause : "cannot open");
		exit(1);
	}
	if (import_stream(log, f, &count, &lineno, NULL, NULL, &cause) != 0) {
		printf("# %s: %s\n", jsonl, cause);
		free(cause);
		fclose(f);
		log_close(&log);
		free(path);
		return NULL;
	}
	fclose(f);
	free(path);
	return log;
}

static struct log *
log_from_lines(const char *const *lines)
{
	struct log	*log;
	char		*path, *cause = NULL, *tz = NULL;

	path = xasprintf("%s/l%d.giji", dir, nfile++);
	if ((log = log_open(path, LOG_CREATE, &cause)) == NULL) {
		printf("# %s\n", cause);
		exit(1);
	}
	for (; *lines != NULL; lines++) {
		if (import_line(log, *lines, strlen(*lines), &tz,
		    &cause) != 0) {
			printf("# %s: %s\n", *lines, cause);
			exit(1);
		}
	}
	free(tz);
	free(path);
	return log;
}

/* Both ways for one set of options; 1 when the bytes are the same. */
static int
same(struct log *log, const struct meeting *whole,
    const struct minutes_opts *o, const char *what)
{
	struct meeting	*sk;
	struct buf	 s;
	char		*w, *cause = NULL;
	size_t		 wlen;
	int		 rc;

	w = minutes_compile(whole, o, &wlen, &cause);
	if (w == NULL) {
		printf("# %s: whole: %s\n", what, cause);
		free(cause);
		return 0;
	}
	if ((sk = meeting_fold_skeleton(log, NULL, &cause)) == NULL) {
		printf("# %s: skeleton: %s\n", what, cause);
		free(cause);
		free(w);
		return 0;
	}
	buf_init(&s);
	rc = minutes_stream(sk, o, to_buf, &s, &cause);
	meeting_free(&sk);
	if (rc != 0) {
		printf("# %s: stream: %s\n", what, cause);
		free(cause);
		free(w);
		buf_free(&s);
		return 0;
	}
	rc = s.len == wlen && memcmp(s.s, w, wlen) == 0;
	if (!rc) {
		size_t i;

		for (i = 0; i < wlen && i < s.len && w[i] == s.s[i]; i++)
			;
		printf("# %s: differ at byte %zu of %zu/%zu: whole '%.40s' "
		    "stream '%.40s'\n", what, i, wlen, s.len, w + i,
		    s.s + i);
	}
	free(w);
	buf_free(&s);
	return rc;
}

/* Every shipped style, format, version and language on one log. */
static void
every_way(struct log *log, const char *name)
{
	struct minutes_style_info	*st;
	struct minutes_opts		 o;
	struct meeting			*whole;
	size_t				 nst, i, f;
	char				*cause = NULL, *what;
	int				 pub, lang, bad = 0, n = 0;

	if ((whole = meeting_fold(log, &cause)) == NULL) {
		printf("# %s: %s\n", name, cause);
		exit(1);
	}
	st = minutes_styles_list(&nst);
	for (i = 0; i < nst; i++) {
		for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
			for (pub = 0; pub < 2; pub++) {
				for (lang = 0; lang < 2; lang++) {
					minutes_opts_default(&o);
					o.style = st[i].name;
					o.format = formats[f];
					o.public = pub;
					o.lang = lang;
					what = xasprintf("%s %s %s%s %s",
					    name, st[i].name, formats[f],
					    pub ? " public" : "",
					    lang ? "en" : "ja");
					/*
					 * Half the runs spill the spool, half
					 * read it back a few bytes at a time
					 * (a label's mark cut in two), half
					 * read the speeches again.
					 */
					mspool_memory(n % 2 ? 512 : 0);
					minutes_stream_chunk(n % 4 < 2 ? 3 : 0);
					meeting_speech_memory(n % 8 < 4 ? 1 :
					    0);
					bad += !same(log, whole, &o, what);
					n++;
					free(what);
				}
			}
		}
	}
	mspool_memory(0);
	minutes_stream_chunk(0);
	meeting_speech_memory(0);
	minutes_styles_free(st, nst);
	meeting_free(&whole);
	ok(bad == 0 && n > 0, "%s: %d ways, %d differ", name, n, bad);
}

static void
fixtures(void)
{
	const char	*top = getenv("top_srcdir");
	struct dirent	*de;
	struct log	*log;
	DIR		*d;
	char		*fx, *path;
	size_t		 len;
	int		 n = 0;

	fx = xasprintf("%s/tests/fixtures", top != NULL ? top : ".");
	if ((d = opendir(fx)) == NULL) {
		printf("# %s: cannot open\n", fx);
		exit(1);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 7 || strcmp(de->d_name + len - 6, ".jsonl") != 0)
			continue;
		path = xasprintf("%s/%s", fx, de->d_name);
		if ((log = log_from_file(path)) != NULL) {
			every_way(log, de->d_name);
			log_close(&log);
			n++;
		}
		free(path);
	}
	closedir(d);
	free(fx);
	ok(n >= 6, "%d sample meetings compared", n);
}

/*
 * A style of its own that prints decisions first under their item and
 * leaves one out when a speech just after it says it: the stream looks
 * past the decision, far ahead of the entry it is at.
 */
static void
far_lookahead(void)
{
	static const char *const lines[] = {
		"{\"type\":\"meta.set\",\"ts\":\"2026-04-01T10:00:00+09:00\","
		"\"data\":{\"title\":\"T\",\"date\":\"2026-04-01\"}}",
		"{\"type\":\"member.add\",\"data\":{\"id\":\"c\",\"name\":"
		"\"C\",\"role\":\"会長\",\"kind\":\"chair\"}}",
		"{\"type\":\"member.add\",\"data\":{\"id\":\"a\",\"name\":"
		"\"A\",\"role\":\"委員\"}}",
		"{\"type\":\"agenda.add\",\"data\":{\"id\":\"i1\",\"title\":"
		"\"一\"}}",
		"{\"type\":\"agenda.add\",\"data\":{\"id\":\"i2\",\"title\":"
		"\"二\"}}",
		"{\"type\":\"meeting.open\"}",
		"{\"type\":\"agenda.open\",\"data\":{\"item\":\"i1\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"a\",\"text\":"
		"\"一つ目の質問です。\"}}",
		"{\"type\":\"decision\",\"data\":{\"item\":\"i1\",\"outcome\":"
		"\"approved\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"c\",\"text\":"
		"\"本件は決定と認めます。\"}}",
		"{\"type\":\"agenda.close\",\"data\":{\"item\":\"i1\"}}",
		"{\"type\":\"agenda.open\",\"data\":{\"item\":\"i2\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"a\",\"text\":"
		"\"二つ目です。\"}}",
		"{\"type\":\"decision\",\"data\":{\"item\":\"i2\",\"outcome\":"
		"\"approved\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"a\",\"text\":"
		"\"別のことです。\"}}",
		"{\"type\":\"agenda.close\",\"data\":{\"item\":\"i2\"}}",
		"{\"type\":\"meeting.close\"}",
		NULL
	};
	struct minutes_opts	 o;
	struct meeting		*whole;
	struct log		*log = log_from_lines(lines);
	char			*style, *cause = NULL, *out;
	FILE			*f;
	size_t			 len;

	style = xasprintf("%s/first.style", dir);
	if ((f = fopen(style, "w")) == NULL)
		exit(1);
	fputs("[style]\nname = first\nlanguages = ja\n[agenda]\n"
	    "decisions = first\n[decision]\nline = 決定\n"
	    "unless_said = 決定\n", f);
	fclose(f);
	whole = meeting_fold(log, &cause);
	minutes_opts_default(&o);
	o.style = style;
	out = minutes_compile(whole, &o, &len, &cause);
	/* The first decision is said by the chair: once, not printed first. */
	ok(out != NULL && strstr(out, "\n決定\n") != NULL &&
	    strstr(strstr(out, "\n決定\n") + 1, "\n決定\n") == NULL,
	    "a decision said just after it is printed once");
	if (out == NULL)
		printf("# %s\n", cause);
	free(out);
	ok(same(log, whole, &o, "far look-ahead"),
	    "stream: the look-ahead from a decision printed first");
	meeting_free(&whole);
	log_close(&log);
	unlink(style);
	free(style);
}

/*
 * A header of more blocks than the window and a separator between items:
 * the blocks spilled before the proceedings must not hide the first item
 * from "anything printed before", nor show it too soon.
 */
static void
separator_after_spill(void)
{
	struct minutes_opts	 o;
	struct meeting		*whole;
	struct log		*log;
	struct buf		 b;
	const char		**lines;
	char			*style, *cause = NULL, *out;
	const char		*p;
	FILE			*f;
	size_t			 n = 0, i, len;
	int			 k;

	lines = xcalloc(200, sizeof *lines);
	lines[n++] = xstrdup("{\"type\":\"meta.set\",\"ts\":"
	    "\"2026-04-01T10:00:00+09:00\",\"data\":{\"title\":\"T\","
	    "\"date\":\"2026-04-01\"}}");
	lines[n++] = xstrdup("{\"type\":\"member.add\",\"data\":{\"id\":"
	    "\"a\",\"name\":\"A\",\"role\":\"委員\"}}");
	for (k = 0; k < 30; k++)
		lines[n++] = xasprintf("{\"type\":\"agenda.add\",\"data\":"
		    "{\"id\":\"i%d\",\"title\":\"議題%d\"}}", k, k);
	lines[n++] = xstrdup("{\"type\":\"meeting.open\"}");
	for (k = 0; k < 30; k++) {
		lines[n++] = xasprintf("{\"type\":\"agenda.open\",\"data\":"
		    "{\"item\":\"i%d\"}}", k);
		lines[n++] = xasprintf("{\"type\":\"speech\",\"data\":"
		    "{\"speaker\":\"a\",\"text\":\"発言%dです。\"}}", k);
		lines[n++] = xasprintf("{\"type\":\"agenda.close\",\"data\":"
		    "{\"item\":\"i%d\"}}", k);
	}
	lines[n++] = xstrdup("{\"type\":\"meeting.close\"}");
	lines[n] = NULL;
	log = log_from_lines(lines);

	/* Seventy header rows: more than a window of blocks. */
	buf_init(&b);
	buf_puts(&b, "[style]\nname = tall\nlanguages = ja\n[header]\n");
	for (k = 0; k < 70; k++)
		buf_printf(&b, "row = 行%d | #{title}\n", k);
	buf_puts(&b, "[agenda]\nseparator = ――*――\n");
	style = xasprintf("%s/tall.style", dir);
	if ((f = fopen(style, "w")) == NULL)
		exit(1);
	fputs(b.s, f);
	fclose(f);
	buf_free(&b);

	whole = meeting_fold(log, &cause);
	minutes_opts_default(&o);
	o.style = style;
	out = minutes_compile(whole, &o, &len, &cause);
	k = 0;
	for (p = out; p != NULL && (p = strstr(p, "――*――")) != NULL; p++)
		k++;
	ok(k == 29, "a separator between each two items: %d of 29", k);
	free(out);
	ok(same(log, whole, &o, "separator"),
	    "stream: the separators after a header of 70 rows");
	meeting_free(&whole);
	log_close(&log);
	unlink(style);
	free(style);
	for (i = 0; i < n; i++)
		free((char *)lines[i]);
	free(lines);
}

/* A time zone set in the middle: the speech's start read in its zone. */
static void
zone_changes(void)
{
	static const char *const lines[] = {
		"{\"type\":\"meta.set\",\"ts\":\"2026-04-01T10:00:00+09:00\","
		"\"data\":{\"title\":\"T\",\"date\":\"2026-04-01\","
		"\"style\":\"verbatim\"}}",
		"{\"type\":\"member.add\",\"data\":{\"id\":\"c\",\"name\":"
		"\"C\",\"role\":\"会長\",\"kind\":\"chair\"}}",
		"{\"type\":\"meeting.open\",\"ts\":\"2026-04-01T10:00:00+09:00\"}",
		"{\"type\":\"speech\",\"ts\":\"2026-04-01T10:20:00+09:00\","
		"\"data\":{\"speaker\":\"c\",\"text\":\"（説明）\","
		"\"started\":\"2026-04-01T10:00:00\"}}",
		"{\"type\":\"meta.set\",\"data\":{\"tz\":\"UTC\"}}",
		"{\"type\":\"speech\",\"ts\":\"2026-04-01T10:30:00+09:00\","
		"\"data\":{\"speaker\":\"c\",\"text\":\"（説明）\","
		"\"started\":\"2026-04-01T01:00:00\"}}",
		"{\"type\":\"meta.set\",\"data\":{\"tz\":\"Asia/Tokyo\"}}",
		"{\"type\":\"speech\",\"ts\":\"2026-04-01T10:40:00+09:00\","
		"\"data\":{\"speaker\":\"c\",\"text\":\"（説明）\","
		"\"started\":\"2026-04-01T10:35:00\"}}",
		NULL
	};
	struct minutes_opts	 o;
	struct meeting		*whole;
	struct log		*log = log_from_lines(lines);
	char			*cause = NULL;

	whole = meeting_fold(log, &cause);
	minutes_opts_default(&o);
	ok(same(log, whole, &o, "zones"), "stream: a time zone changed "
	    "between speeches");
	o.format = "json";
	ok(same(log, whole, &o, "zones json"), "stream: the same in JSON");
	meeting_free(&whole);
	log_close(&log);
}

/*
 * Many windows of blocks, a speech retracted and one amended far apart,
 * and a reaction to a speech more than the fold's recent ones before it.
 */
static void
long_meeting(void)
{
	struct minutes_opts	 o;
	struct meeting		*whole;
	struct log		*log;
	struct buf		 b;
	const char		**lines;
	char			*cause = NULL;
	size_t			 n = 0, i, cap = 2000;
	int			 k;

	lines = xcalloc(cap, sizeof *lines);
	lines[n++] = xstrdup("{\"type\":\"meta.set\",\"ts\":"
	    "\"2026-04-01T10:00:00+09:00\",\"data\":{\"title\":\"T\","
	    "\"date\":\"2026-04-01\",\"style\":\"verbatim\"}}");
	lines[n++] = xstrdup("{\"type\":\"member.add\",\"data\":{\"id\":"
	    "\"c\",\"name\":\"C\",\"role\":\"会長\",\"kind\":\"chair\"}}");
	lines[n++] = xstrdup("{\"type\":\"member.add\",\"data\":{\"id\":"
	    "\"a\",\"name\":\"A\",\"role\":\"委員\"}}");
	lines[n++] = xstrdup("{\"type\":\"agenda.add\",\"data\":{\"id\":"
	    "\"i1\",\"title\":\"一\"}}");
	lines[n++] = xstrdup("{\"type\":\"meeting.open\"}");
	lines[n++] = xstrdup("{\"type\":\"agenda.open\",\"data\":{\"item\":"
	    "\"i1\"}}");
	for (k = 0; k < 600; k++) {
		buf_init(&b);
		buf_printf(&b, "{\"type\":\"speech\",\"uuid\":"
		    "\"00000000-0000-4000-8000-%012d\",\"data\":{\"speaker\":"
		    "\"%s\",\"text\":\"発言%dです。\"}}", k, k % 3 ? "a" : "c",
		    k);
		lines[n++] = buf_detach(&b);
		if (k % 50 == 7)
			lines[n++] = xstrdup("{\"type\":\"note\",\"data\":"
			    "{\"text\":\"（休憩）\"}}");
	}
	lines[n++] = xstrdup("{\"type\":\"reaction\",\"data\":{\"text\":"
	    "\"異議なし\",\"kind\":\"voices\",\"speech\":"
	    "\"00000000-0000-4000-8000-000000000003\",\"at\":2}}");
	lines[n++] = xstrdup("{\"type\":\"retract\",\"data\":{\"target\":"
	    "\"00000000-0000-4000-8000-000000000010\",\"reason\":\"誤り\"}}");
	lines[n++] = xstrdup("{\"type\":\"amend\",\"data\":{\"target\":"
	    "\"00000000-0000-4000-8000-000000000500\",\"data\":{\"text\":"
	    "\"訂正後の発言です。\"}}}");
	lines[n++] = xstrdup("{\"type\":\"agenda.close\",\"data\":{\"item\":"
	    "\"i1\"}}");
	lines[n++] = xstrdup("{\"type\":\"meeting.close\"}");
	lines[n] = NULL;
	log = log_from_lines(lines);
	whole = meeting_fold(log, &cause);
	ok(whole != NULL && whole->nreactions == 1 &&
	    whole->reactions[0].speech_seq == 10,
	    "a reaction finds a speech long before it");
	minutes_opts_default(&o);
	mspool_memory(4096);
	ok(same(log, whole, &o, "long"), "stream: 600 speeches, a spilled "
	    "spool");
	/* The speeches kept until they no longer fit, then read again. */
	meeting_speech_memory(16384);
	minutes_stream_chunk(7);
	ok(same(log, whole, &o, "long, not kept"), "stream: 600 speeches "
	    "that do not fit in memory, read back 7 bytes at a time");
	meeting_speech_memory(0);
	minutes_stream_chunk(0);
	o.format = "html";
	ok(same(log, whole, &o, "long html"), "stream: the same in HTML");
	o.style = "summary";
	o.format = "md";
	o.public = 1;
	ok(same(log, whole, &o, "long md"), "stream: public summary in "
	    "Markdown");
	mspool_memory(0);
	meeting_free(&whole);
	log_close(&log);
	for (i = 0; i < n; i++)
		free((char *)lines[i]);
	free(lines);
}

/*
 * A speech longer than the chunks the kept speeches are held in (1 MiB),
 * between short ones: it has a chunk of its own, and the next speech
 * one after it (the chunk's own size, not a chunk's, tells the room).
 */
static void
long_speech(void)
{
	struct minutes_opts	 o;
	struct meeting		*whole;
	struct log		*log;
	struct buf		 b;
	const char		*lines[16];
	char			*cause = NULL;
	size_t			 n = 0, i;
	int			 k;

	lines[n++] = xstrdup("{\"type\":\"meta.set\",\"ts\":"
	    "\"2026-04-01T10:00:00+09:00\",\"data\":{\"title\":\"T\","
	    "\"date\":\"2026-04-01\",\"style\":\"verbatim\"}}");
	lines[n++] = xstrdup("{\"type\":\"member.add\",\"data\":{\"id\":"
	    "\"a\",\"name\":\"A\",\"role\":\"委員\"}}");
	lines[n++] = xstrdup("{\"type\":\"speech\",\"data\":{\"speaker\":"
	    "\"a\",\"text\":\"短い発言です。\"}}");
	buf_init(&b);
	buf_puts(&b, "{\"type\":\"speech\",\"data\":{\"speaker\":\"a\","
	    "\"text\":\"");
	for (k = 0; k < 420000; k++)
		buf_puts(&b, "長");		/* 1.2 MiB */
	buf_puts(&b, "\"}}");
	lines[n++] = buf_detach(&b);
	for (k = 0; k < 5; k++)
		lines[n++] = xasprintf("{\"type\":\"speech\",\"data\":"
		    "{\"speaker\":\"a\",\"text\":\"後の発言%dです。\"}}", k);
	lines[n] = NULL;
	log = log_from_lines(lines);
	whole = meeting_fold(log, &cause);
	minutes_opts_default(&o);
	ok(whole != NULL && same(log, whole, &o, "long speech"),
	    "stream: a speech longer than a chunk of the kept speeches");
	meeting_free(&whole);
	log_close(&log);
	for (i = 0; i < n; i++)
		free((char *)lines[i]);
}

int
main(void)
{
	char	*cfg;

	if (tap_tmpdir(dir) == NULL)
		return 1;
	/* The shipped styles only, whatever the machine has. */
	cfg = xasprintf("%s/config", dir);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	setenv("XDG_CONFIG_DIRS", cfg, 1);
	fixtures();
	far_lookahead();
	separator_after_spill();
	zone_changes();
	long_meeting();
	long_speech();
	free(cfg);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
		free(cmd);
	}
	return done_testing();
}
