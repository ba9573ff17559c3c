/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: `giji import` lines (import_line) on the fuzzers' meeting.
 * The input is split into lines, imported in one batch that is rolled
 * back. Invariants: each line is imported or refused with a cause; after
 * the accepted ones the chain verifies and the last seq grew by exactly
 * their number.
 */
#include "config.h"

#include <stdint.h>

#include "fuzz-meeting.h"
#include "import.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct log	*log = fuzz_meeting();
	const char	*p = (const char *)data, *end = p + size, *nl;
	char		*tz = NULL, *cause = NULL;
	int64_t		 before, bad, count;
	long		 accepted = 0;
	int		 rc;

	CHECK(log_begin(log, &cause) == 0);
	before = log_last_seq(log);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		rc = import_line(log, p, (size_t)(nl - p), &tz, &cause);
		CHECK(rc == 0 || (rc == -1 && cause != NULL && *cause != '\0'));
		if (rc == 0)
			accepted++;
		free(cause);
		cause = NULL;
		p = nl + 1;
	}
	CHECK(log_last_seq(log) == before + accepted);
	if (accepted > 0) {
		rc = log_verify(log, &bad, &count, &cause);
		if (rc != 0)
			fprintf(stderr, "verify: %s\n", cause);
		CHECK(rc == 0);
	}
	free(cause);
	free(tz);
	log_rollback(log);
	return 0;
}
