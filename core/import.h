/*
 * Import of events in the public JSONL vocabulary (one JSON object a
 * line: type, ts, data, and optionally uuid and station; seq and hashes
 * are recomputed), the shape `giji log --json` prints.
 */
#ifndef GIJI_IMPORT_H
#define GIJI_IMPORT_H

#include <stddef.h>
#include <stdio.h>

struct log;

/*
 * Append one line (without its newline). Returns 0, or -1 with a cause.
 * *tz carries a meta.set tz forward for later times without an offset.
 */
int	 import_line(struct log *, const char *line, size_t len, char **tz,
	     char **cause);

/*
 * Append every line of in, all or nothing, in one transaction. Returns 0
 * and the count; or -1 with *lineno the failing line (0 when not tied to
 * one) and a cause; nothing is then written.
 */
int	 import_stream(struct log *, FILE *in, size_t *count, size_t *lineno,
	     char **cause);

#endif
