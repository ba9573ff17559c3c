/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: style files. The input is a style file: it is read and
 * checked (every error must come with a file:line:col message), and when
 * it has none the fuzzers' meeting is compiled with it in every format.
 * Invariants: a style is either refused with messages or compiles; the
 * minutes are valid UTF-8 of the length reported.
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>

#include "fold.h"
#include "fuzz-meeting.h"
#include "minutes.h"
#include "utf8.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char		 path[96];
	struct log		*log = fuzz_meeting();
	struct meeting		*m;
	struct minutes_opts	 o;
	char			*cause = NULL, *out, **msgs = NULL;
	size_t			 len, n = 0, i, f;
	int			 fd, rc;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "%s/fuzz.style", fuzz_dir);
	fd = open(path, O_WRONLY|O_CREAT|O_TRUNC, 0600);
	CHECK(fd != -1);
	CHECK(write(fd, data, size) == (ssize_t)size);
	close(fd);
	rc = minutes_style_check(path, &msgs, &n, &cause);
	if (rc < 0)
		CHECK(cause != NULL && *cause != '\0');
	for (i = 0; i < n; i++) {
		CHECK(strncmp(msgs[i], path, strlen(path)) == 0 ||
		    strncmp(msgs[i], "base.style", 10) == 0);
		free(msgs[i]);
	}
	free(msgs);
	free(cause);
	cause = NULL;
	if (rc != 0) {
		unlink(path);
		return 0;
	}
	CHECK(log_begin(log, &cause) == 0);
	m = meeting_fold(log, &cause);
	CHECK(m != NULL);
	for (f = 0; minutes_formats[f].name != NULL && f < 4; f++) {
		minutes_opts_default(&o);
		o.style = path;
		o.format = minutes_formats[f].name;
		out = minutes_compile(m, &o, &len, &cause);
		if (out == NULL) {
			CHECK(cause != NULL && *cause != '\0');
			free(cause);
			cause = NULL;
			continue;
		}
		CHECK(strlen(out) == len);
		CHECK(utf8_valid(out, len));
		free(out);
	}
	meeting_free(&m);
	log_rollback(log);
	unlink(path);
	return 0;
}
