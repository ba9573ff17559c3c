/* SPDX-License-Identifier: ISC */
/*
 * The fuzzers' meeting: one file in a private temporary folder, with a
 * roster, agenda items and a vote, opened once. Each input runs inside
 * log_begin() ... log_rollback(), so nothing persists between inputs and
 * nothing is synced: in effect an in-memory meeting.
 */
#ifndef GIJI_FUZZ_MEETING_H
#define GIJI_FUZZ_MEETING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n",	\
	__FILE__, __LINE__, #c); abort(); } } while (0)

static const char *fuzz_base[][2] = {
	{ "meta.set", "{\"title\":\"審議会\",\"date\":\"2022-06-27\",\"seats\":5}" },
	{ "member.add", "{\"id\":\"ito\",\"name\":\"伊藤\",\"role\":\"委員\"}" },
	{ "member.add", "{\"id\":\"ueda\",\"name\":\"上田\",\"role\":\"会長\",\"kind\":\"chair\"}" },
	{ "agenda.add", "{\"id\":\"a1\",\"title\":\"諮問第1号\"}" },
	{ "agenda.add", "{\"id\":\"a2\",\"title\":\"報告\"}" },
	{ "agenda.open", "{\"item\":\"a1\"}" },
	{ "vote.call", "{\"id\":\"v1\",\"item\":\"a1\",\"method\":\"hands\"}" },
	{ "speech", "{\"speaker\":\"ito\",\"text\":\"質問です。\"}" },
};

static char	 fuzz_dir[] = "/tmp/giji-fuzz.XXXXXX";

static void
fuzz_cleanup(void)
{
	static const char *const names[] = { "f.giji", "f.giji-wal",
	    "f.giji-shm", "f.giji-journal" };
	char	 path[64];
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", fuzz_dir, names[i]);
		unlink(path);
	}
	rmdir(fuzz_dir);
}

static struct log *
fuzz_meeting(void)
{
	static struct log	*log;
	char			*dir = fuzz_dir;
	struct event_in		 in;
	char			*cause, path[64];
	size_t			 i;

	if (log != NULL)
		return log;
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof path, "%s/f.giji", dir);
	if ((log = log_open(path, LOG_CREATE, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		abort();
	}
	for (i = 0; i < sizeof fuzz_base / sizeof fuzz_base[0]; i++) {
		memset(&in, 0, sizeof in);
		in.type = fuzz_base[i][0];
		in.payload = fuzz_base[i][1];
		in.ts = 1656306000000000LL + (int64_t)i * 60000000;
		in.has_ts = 1;
		if (log_append(log, &in, NULL, &cause) != 0) {
			fprintf(stderr, "%s\n", cause);
			abort();
		}
	}
	atexit(fuzz_cleanup);
	return log;
}

#endif
