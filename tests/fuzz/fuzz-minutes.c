/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: the minutes compiler on random logs. The first byte picks
 * the shipped style, language, labels, public version and format; the rest is
 * JSONL imported into the fuzzers' meeting (lines that are refused are
 * skipped), folded and compiled, then rolled back. Invariants: the fold
 * succeeds on whatever the log accepted; the minutes compile or fail
 * with a cause; the output is valid UTF-8 of the length reported; made
 * as a stream (meeting_fold_skeleton, minutes_stream) they are the same
 * bytes.
 */
#include "config.h"

#include <stdint.h>

#include "fold.h"
#include "fuzz-meeting.h"
#include "import.h"
#include "minutes.h"
#include "utf8.h"
#include "xmalloc.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
to_buf(void *arg, const char *s, size_t n)
{
	buf_add(arg, s, n);
	return 0;
}

/* The same minutes made as a stream: the same bytes. */
static void
stream_same(struct log *log, const struct minutes_opts *o, const char *out,
    size_t len)
{
	struct meeting	*sk;
	struct buf	 b;
	char		*cause = NULL;

	sk = meeting_fold_skeleton(log, NULL, &cause);
	CHECK(sk != NULL);
	buf_init(&b);
	if (minutes_stream(sk, o, to_buf, &b, &cause) != 0)
		fprintf(stderr, "stream: %s\n", cause);
	CHECK(b.len == len && memcmp(b.s, out, len) == 0);
	buf_free(&b);
	meeting_free(&sk);
}

/* Shipped styles; NULL: the meeting's own (meta style, else summary). */
static const char *const fuzz_styles[8] = { "summary", "verbatim", "qa",
    "written", "verbatim-named", "base", NULL, "summary" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct log		*log = fuzz_meeting();
	struct meeting		*m;
	struct minutes_opts	 o;
	const char		*p, *end, *nl;
	char			*tz = NULL, *cause = NULL, *out;
	size_t			 len, nformats = 0;
	unsigned		 sel;

	if (size < 1)
		return 0;
	sel = data[0];
	p = (const char *)data + 1;
	end = (const char *)data + size;
	CHECK(log_begin(log, &cause) == 0);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (import_line(log, p, (size_t)(nl - p), &tz, &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		p = nl + 1;
	}
	free(tz);
	m = meeting_fold(log, &cause);
	if (m == NULL)
		fprintf(stderr, "fold: %s\n", cause);
	CHECK(m != NULL);
	while (minutes_formats[nformats].name != NULL)
		nformats++;
	minutes_opts_default(&o);
	o.style = fuzz_styles[sel & 7];
	o.lang = (int)((sel >> 2) & 1);
	o.labels = (int)((sel >> 3) & 3);
	o.public = (int)((sel >> 5) & 1);
	o.format = minutes_formats[(sel >> 6) % nformats].name;
	out = minutes_compile(m, &o, &len, &cause);
	if (out == NULL)
		CHECK(cause != NULL && *cause != '\0');
	else if (minutes_format_find(o.format)->binary) {
		/* PDF and Word: the file's signature, and bytes after it. */
		CHECK(len > 4);
		CHECK(memcmp(out, strcmp(o.format, "pdf") == 0 ? "%PDF" :
		    "PK\003\004", 4) == 0);
	} else {
		CHECK(strlen(out) == len);
		if (!utf8_valid(out, len))
			fprintf(stderr, "invalid UTF-8 at byte %zu of %s\n",
			    utf8_invalid_at(out, len), o.format);
		CHECK(utf8_valid(out, len));
		if (minutes_streams(o.format))
			stream_same(log, &o, out, len);
	}
	free(out);
	free(cause);
	meeting_free(&m);
	log_rollback(log);
	return 0;
}
