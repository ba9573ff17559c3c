/* SPDX-License-Identifier: ISC */
/*
 * Import of events in the public JSONL vocabulary (one JSON object a
 * line: type, ts, data, and optionally uuid and station; seq and hashes
 * are recomputed), the shape `giji log --json` prints.
 */
#ifndef GIJI_IMPORT_H
#define GIJI_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csv.h"

struct log;

/*
 * The longest line import reads: a payload of LOG_MAX_PAYLOAD bytes as
 * giji log --json prints it (which writes a C1 or bidi control, 2 or 3
 * bytes, as a 6-byte \u escape) and the fields around it. A longer line
 * is refused as soon as it passes this length: it is never read whole.
 */
#define IMPORT_MAX_LINE	(3 * LOG_MAX_PAYLOAD + 65536)

/*
 * Append one line (without its newline). Returns 0, or -1 with a cause.
 * *tz carries a meta.set tz forward for later times without an offset.
 */
int	 import_line(struct log *, const char *line, size_t len, char **tz,
	     char **cause);

/*
 * What an import keeps but a live writer would be refused (an unknown
 * value of an optional field, a count the rules of votes refuse): the seq
 * the event got, its line, and the message.
 */
typedef void (*import_warn_fn)(int64_t seq, size_t lineno, const char *msg,
	     void *arg);

/*
 * Append every line of in, all or nothing, in one transaction. Returns 0
 * and the count; or -1 with *lineno the failing line (0 when not tied to
 * one) and a cause; nothing is then written. When it returns 0 and warn
 * is not NULL, warn is called for each warning, in log order, once the
 * events are committed.
 */
int	 import_stream(struct log *, FILE *in, size_t *count, size_t *lineno,
	     import_warn_fn warn, void *arg, char **cause);
/*
 * The same, with flags. IMPORT_SKIP_EXISTING: a line whose uuid is in the
 * log already is skipped when it is the same event (the same type, ts,
 * station and data, as stored), and refused, naming the seq, when anything
 * differs; *skipped counts the lines skipped (count: the events appended).
 * The events appended take the seqs after the log's last, in the order of
 * the input, as every append does.
 */
#define IMPORT_SKIP_EXISTING	0x1
int	 import_stream_flags(struct log *, FILE *in, int flags, size_t *count,
	     size_t *skipped, size_t *lineno, import_warn_fn warn, void *arg,
	     char **cause);

/*
 * giji import --csv: what is "members" (a roster: one member.add a row)
 * or "agenda" (one agenda.add a row); data the file's bytes, decoded as
 * enc says (csv_decode; *found: the encoding read). The first row names
 * fields of the type (any case); a list field (member.add agenda) holds
 * its values separated by ';'. Each row is validated and appended as a
 * live writer's event, in one batch. Returns 0 and the count; or -1 with
 * a cause, nothing written: err was called for each problem with its line
 * (0 when the cause names none), and the cause sums them up.
 */
typedef void (*import_csv_error_fn)(size_t line, const char *msg, void *arg);
int	 import_csv(struct log *, const char *what, const char *data,
	     size_t len, enum csv_encoding enc, enum csv_encoding *found,
	     size_t *count, import_csv_error_fn err, void *arg, char **cause);

#endif
