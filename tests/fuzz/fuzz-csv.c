/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: spreadsheet files (core/csv.c) as giji import --csv reads
 * them. For each encoding: decoding gives NUL-free UTF-8 or a cause; the
 * records of the text come in line order, each field UTF-8, and the
 * reader always ends (every record consumes input).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "utf8.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n",	\
	__FILE__, __LINE__, #c); abort(); } } while (0)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csv_encoding encs[] = { CSV_AUTO, CSV_UTF8, CSV_CP932 };
	struct csv_record	 r;
	struct csv		*c;
	enum csv_encoding	 found;
	char			*text, *cause;
	size_t			 i, j, len, line, last, n;
	int			 rc;

	for (i = 0; i < sizeof encs / sizeof encs[0]; i++) {
		cause = NULL;
		text = csv_decode((const char *)data, size, encs[i], &found,
		    &len, &line, &cause);
		if (text == NULL) {
			CHECK(cause != NULL && *cause != '\0');
			free(cause);
			continue;
		}
		CHECK(strlen(text) == len);
		CHECK(utf8_valid(text, len));
		CHECK(found == CSV_UTF8 || found == CSV_CP932);
		c = csv_open(text, len);
		last = 1;
		for (n = 0; n <= len + 1; n++) {
			rc = csv_next(c, &r, &cause);
			if (rc <= 0)
				break;
			CHECK(r.line >= last);
			last = r.line;
			CHECK(r.nfields >= 1);
			for (j = 0; j < r.nfields; j++)
				CHECK(utf8_valid(r.fields[j],
				    strlen(r.fields[j])));
		}
		CHECK(n <= len + 1);	/* it ended */
		if (rc < 0) {
			CHECK(cause != NULL && *cause != '\0');
			free(cause);
		}
		csv_free(&c);
		free(text);
	}
	return 0;
}
