/*
 * Import of JSONL events. Each line is checked (UTF-8, a JSON object, a
 * string type, an object data, a valid ts) and appended through
 * log_append(), so imported events meet exactly the rules of live ones.
 * A stream is one transaction: a bad line leaves the file as it was.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "import.h"
#include "json.h"
#include "log.h"
#include "utf8.h"
#include "xmalloc.h"

static int	import_text(struct log *, const char *, char **, char **);

int
import_line(struct log *log, const char *line, size_t len, char **tz,
    char **cause)
{
	char	*text;
	size_t	 bad;
	int	 rc;

	*cause = NULL;
	if (memchr(line, '\0', len) != NULL) {
		*cause = xasprintf("contains a NUL byte");
		return -1;
	}
	if ((bad = utf8_invalid_at(line, len)) != (size_t)-1) {
		*cause = xasprintf("not valid UTF-8 (byte %zu)", bad + 1);
		return -1;
	}
	/* The JSON functions read to a NUL: never past len. */
	text = xstrndup(line, len);
	rc = import_text(log, text, tz, cause);
	free(text);
	return rc;
}

static int
import_text(struct log *log, const char *line, char **tz, char **cause)
{
	struct event_in	 in;
	enum json_kind	 k;
	char		*type = NULL, *ts = NULL, *data = NULL, *uuid = NULL;
	char		*station = NULL;
	int		 rc = -1;

	if (json_kind(line, "$") != JSON_OBJECT) {
		*cause = xasprintf("not a JSON object");
		return -1;
	}
	memset(&in, 0, sizeof in);
	if (json_kind(line, "$.type") != JSON_TEXT) {
		*cause = xasprintf("'type' is missing or not a string");
		goto out;
	}
	type = json_get(line, "$.type");
	k = json_kind(line, "$.data");
	if (k == JSON_NONE || k == JSON_NULL)
		data = xstrdup("{}");
	else if (k == JSON_OBJECT)
		data = json_get(line, "$.data");
	else {
		*cause = xasprintf("%s: 'data' must be an object", type);
		goto out;
	}
	k = json_kind(line, "$.ts");
	if (k == JSON_TEXT) {
		ts = json_get(line, "$.ts");
		if (clock_parse(ts, *tz, &in.ts) != 0) {
			*cause = xasprintf("%s: 'ts' is not a time like "
			    "2022-06-27T14:03:05+09:00: '%s'", type, ts);
			goto out;
		}
	} else if (k == JSON_INTEGER) {
		ts = json_get(line, "$.ts");
		in.ts = strtoll(ts, NULL, 10);
	} else if (k != JSON_NONE && k != JSON_NULL) {
		*cause = xasprintf("%s: 'ts' must be a string", type);
		goto out;
	}
	if (json_kind(line, "$.uuid") == JSON_TEXT)
		uuid = json_get(line, "$.uuid");
	if (json_kind(line, "$.station") == JSON_TEXT)
		station = json_get(line, "$.station");
	in.type = type;
	in.payload = data;
	in.uuid = uuid;
	in.station = station;
	rc = log_append(log, &in, NULL, cause);
	if (rc == 0 && strcmp(type, "meta.set") == 0 &&
	    json_kind(data, "$.tz") == JSON_TEXT) {
		free(*tz);
		*tz = json_get(data, "$.tz");
	}
out:
	free(type);
	free(ts);
	free(data);
	free(uuid);
	free(station);
	return rc;
}

int
import_stream(struct log *log, FILE *in, size_t *count, size_t *lineno,
    char **cause)
{
	char	*line = NULL, *tz = NULL, *why;
	size_t	 cap = 0;
	ssize_t	 len;

	*count = 0;
	*lineno = 0;
	*cause = NULL;
	if (log_begin(log, cause) != 0)
		return -1;
	while ((len = getline(&line, &cap, in)) != -1) {
		(*lineno)++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strspn(line, " \t") == (size_t)len)
			continue;
		if (import_line(log, line, (size_t)len, &tz, &why) != 0) {
			*cause = why;
			goto fail;
		}
		(*count)++;
	}
	if (ferror(in)) {
		*cause = xasprintf("read error: %s", strerror(errno));
		*lineno = 0;
		goto fail;
	}
	free(line);
	free(tz);
	if (log_commit(log, cause) != 0) {
		*lineno = 0;
		return -1;
	}
	return 0;
fail:
	free(line);
	free(tz);
	log_rollback(log);
	return -1;
}
