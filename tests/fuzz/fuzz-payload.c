/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: event validation (log_check) on random types and payloads
 * against a meeting with a roster, items and a vote. The first byte picks
 * the type from the vocabulary (or, past its end, uses the next line of
 * the input as the type); the rest is the payload. Invariants: a refusal
 * has a cause; what log_check accepts, log_append stores (in a batch that
 * is rolled back), minified, valid UTF-8 and JSON, with a sound chain.
 */
#include "config.h"

#include <stdint.h>

#include "event.h"
#include "fuzz-meeting.h"
#include "json.h"
#include "utf8.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct log	*log = fuzz_meeting();
	struct event_in	 in;
	struct event	 ev;
	char		*buf, *type, *payload, *nl, *cause = NULL;
	size_t		 ntypes = 0;
	int64_t		 bad, count;
	int		 rc;

	if (size < 1)
		return 0;
	while (event_defs[ntypes].type != NULL)
		ntypes++;
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = '\0';
	if (data[0] < ntypes) {
		type = (char *)event_defs[data[0]].type;
		payload = buf;
	} else {
		type = buf;
		if ((nl = strchr(buf, '\n')) != NULL) {
			*nl = '\0';
			payload = nl + 1;
		} else
			payload = (char *)"{}";
	}
	memset(&in, 0, sizeof in);
	in.type = type;
	in.payload = payload;
	in.ts = 1656306600000000LL;
	in.has_ts = 1;
	rc = log_check(log, &in, &cause);
	CHECK(rc == 0 || (rc == -1 && cause != NULL && *cause != '\0'));
	free(cause);
	cause = NULL;
	if (rc == 0) {
		CHECK(log_begin(log, &cause) == 0);
		rc = log_append(log, &in, &ev, &cause);
		if (rc != 0)
			fprintf(stderr, "log_check accepted, log_append refused: "
			    "%s\n", cause);
		CHECK(rc == 0);
		CHECK(utf8_valid(ev.payload, strlen(ev.payload)));
		CHECK(json_kind(ev.payload, "$") == JSON_OBJECT);
		CHECK(log_verify(log, &bad, &count, &cause) == 0);
		event_clear(&ev);
		log_rollback(log);
	}
	free(cause);
	free(buf);
	return 0;
}
