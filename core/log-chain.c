/* SPDX-License-Identifier: ISC */
/*
 * The hash chain: the canonical byte string of an event, its SHA-256, and
 * the check of a whole file against it (docs/giji-events.5). Each row's
 * hash covers the previous row's, so that changing, inserting or removing
 * an event anywhere but at the end breaks every hash after it; the head
 * table records the last seq and hash, to catch removal at the end.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "log-int.h"
#include "utf8.h"
#include "xmalloc.h"

char *
log_canonical(const char *prev_hash, int64_t seq, const char *uuid,
    int64_t ts, const char *station, const char *type, const char *payload,
    size_t *len)
{
	struct buf	 b;

	buf_init(&b);
	buf_printf(&b, "%s\n%lld\n%s\n%lld\n", prev_hash, (long long)seq, uuid,
	    (long long)ts);
	buf_puts(&b, station);
	buf_putc(&b, '\n');
	buf_puts(&b, type);
	buf_putc(&b, '\n');
	buf_puts(&b, payload);
	buf_putc(&b, '\n');
	*len = b.len;
	return buf_detach(&b);
}

/* A decimal integer at p; its length. */
static size_t
put_int(char *p, int64_t v)
{
	char		 tmp[24];
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	size_t		 n = 0, i = 0;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		p[i++] = '-';
	while (n > 0)
		p[i++] = tmp[--n];
	return i;
}

/*
 * The canonical string gathered before it goes to nettle: one call for
 * most events instead of fourteen (its SHA-256 uses the CPU's
 * SHA instructions where it has them: verify and the check before the
 * minutes hash every event; 100,000 events: 0.26 s with libsodium's
 * portable code, 0.04 s with nettle's, on SHA-NI).
 */
struct hash_feed {
	struct sha256_ctx	 h;
	uint8_t			 buf[512];
	size_t			 n;
};

static void
feed(struct hash_feed *f, const void *p, size_t len)
{
	if (f->n + len > sizeof f->buf) {
		sha256_update(&f->h, f->n, f->buf);
		f->n = 0;
		if (len > sizeof f->buf) {
			sha256_update(&f->h, len, p);
			return;
		}
	}
	memcpy(f->buf + f->n, p, len);
	f->n += len;
}

/* One field of the canonical string: its bytes, then LF. */
static void
feed_field(struct hash_feed *f, const void *p, size_t len)
{
	feed(f, p, len);
	feed(f, "\n", 1);
}

/*
 * The hash of the canonical string, fed field by field with each field's
 * byte length (what log_canonical builds, without building it).
 */
static void
chain_hash(const char *prev, int64_t seq, const char *uuid, size_t ulen,
    int64_t ts, const char *station, size_t slen, const char *type,
    size_t tlen, const char *payload, size_t plen, char out[LOG_HASH_HEX])
{
	static const char	 hex[] = "0123456789abcdef";
	struct hash_feed	 f;
	uint8_t			 d[SHA256_DIGEST_SIZE];
	char			 num[24];
	int			 i;

	sha256_init(&f.h);
	f.n = 0;
	feed_field(&f, prev, strlen(prev));
	feed_field(&f, num, put_int(num, seq));
	feed_field(&f, uuid, ulen);
	feed_field(&f, num, put_int(num, ts));
	feed_field(&f, station, slen);
	feed_field(&f, type, tlen);
	feed_field(&f, payload, plen);
	sha256_update(&f.h, f.n, f.buf);
	sha256_digest(&f.h, sizeof d, d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 0xf];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

void
log_hash(const char *prev_hash, int64_t seq, const char *uuid, int64_t ts,
    const char *station, const char *type, const char *payload,
    char out[LOG_HASH_HEX])
{
	chain_hash(prev_hash, seq, uuid, strlen(uuid), ts, station,
	    strlen(station), type, strlen(type), payload, strlen(payload), out);
}

/* --- verification ---------------------------------------------------- */

/*
 * What verify may cost. SQLite's memory is capped for the duration (the
 * heap limit is the process's: verify restores the one it found), and its
 * work is counted in virtual-machine steps against a budget proportional
 * to the size of the file and its WAL: a crafted file that would make
 * SQLite loop or allocate without end is refused instead.
 */
#define VERIFY_HEAP		(48LL * 1024 * 1024)
#define VERIFY_STEP_GRAIN	1000	/* steps between progress calls */
#define VERIFY_STEPS_PER_BYTE	64
#define VERIFY_STEPS_MIN	(10LL * 1000 * 1000)

struct verify {
	struct log		*log;
	struct log_verify	*v;
	long long		 budget;	/* progress calls left */
	int			 over;		/* the budget ran out */
	size_t			 alen;		/* of v->anchor */
	sqlite3_int64		 heap;		/* the limit to restore */
	int64_t			 expect;	/* the next seq */
	char			 prev[LOG_HASH_HEX];
	int64_t			 head_seq;	/* -1: no head row */
	char			 head_hash[LOG_HASH_HEX];
	char			*failed;	/* the first fault, or NULL */
	sqlite3_stmt		*slow;		/* the data_ fields by json_extract */
};

static int
verify_progress(void *arg)
{
	struct verify	*vf = arg;

	if (--vf->budget > 0)
		return 0;
	vf->over = 1;
	return 1;
}

static long long
file_size(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*p = xasprintf("%s%s", path, suffix);
	long long	 n = 0;

	if (stat(p, &sb) == 0)
		n = (long long)sb.st_size;
	free(p);
	return n;
}

/* A cause for an SQLite failure while verifying, budget and heap named. */
static char *
verify_errmsg(struct verify *vf, int rc, const char *what)
{
	if (vf->over)
		return xasprintf(_("%s: verify stopped: reading the file took "
		    "far more work than its size allows (a crafted file?); it "
		    "is not a file giji wrote as it is"), vf->log->path);
	if ((rc & 0xff) == SQLITE_NOMEM || (rc & 0xff) == SQLITE_TOOBIG)
		return xasprintf(_("%s: verify stopped: the file holds a value "
		    "or row larger than giji writes, or needs more than %lld "
		    "MB to read; it is not a file giji wrote as it is"),
		    vf->log->path, VERIFY_HEAP / (1024 * 1024));
	return log_errmsg(vf->log, rc, what);
}

static int
is_hex64(const char *s, int len)
{
	int	 i;

	if (len != LOG_HASH_HEX - 1)
		return 0;
	for (i = 0; i < len; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	}
	return 1;
}

/* Does s (len bytes) hold a NUL or, when ctl, a control character? */
static int
has_bad_byte(const char *s, int len, int ctl)
{
	int	 i;

	if (!ctl)
		return memchr(s, '\0', (size_t)len) != NULL;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	}
	return 0;
}

/*
 * A \u0000 escape in JSON text (each backslash begins an escape of its
 * own: \\u0000 is a backslash and the letters u0000).
 */
/*
 * The counts of a vote and the seats, as giji writes them: whole numbers
 * that fit in 64 bits. Another program's 1.5, 1e400, "2" or 2^64 would
 * be read as 1, 0, 2 and 1 (json_extract gives 1.84467440737096e+19):
 * a count nobody recorded, printed with its result. NULL or the field.
 */
static const char *
bad_count(const char *type, size_t tlen, const char *payload)
{
	static const char *const tally[] = { "for", "against", "abstain",
	    NULL };
	static const char *const call[] = { "needed", "voters", NULL };
	static const char *const meta[] = { "seats", NULL };
	const char *const	*keys;
	char			 path[16], *v;
	size_t			 i, n;
	int			 bad;

	if (tlen == 10 && memcmp(type, "vote.tally", 10) == 0)
		keys = tally;
	else if (tlen == 9 && memcmp(type, "vote.call", 9) == 0)
		keys = call;
	else if (tlen == 8 && memcmp(type, "meta.set", 8) == 0)
		keys = meta;
	else
		return NULL;
	for (i = 0; keys[i] != NULL; i++) {
		snprintf(path, sizeof path, "$.%s", keys[i]);
		if ((v = json_get(payload, path)) == NULL)
			continue;	/* absent, or null */
		n = strlen(v);
		errno = 0;
		bad = json_kind(payload, path) != JSON_INTEGER ||
		    strspn(v + (*v == '-'), "0123456789") != n - (*v == '-') ||
		    n - (*v == '-') == 0 || (strtoll(v, NULL, 10), errno != 0);
		free(v);
		if (bad)
			return keys[i];
	}
	return NULL;
}

static int
has_nul_escape(const char *s, size_t n)
{
	const char	*p = memchr(s, '\\', n), *end = s + n;

	while (p != NULL) {
		if (end - p >= 6 && p[1] == 'u' && memcmp(p + 2, "0000", 4) ==
		    0)
			return 1;
		if ((p += 2) >= end)
			break;
		p = memchr(p, '\\', (size_t)(end - p));
	}
	return 0;
}

/* The payload fields that schema 2 stores in data_ columns. */
#define DATA_COLUMNS \
	" data_speaker, data_text, data_label, data_kind, data_started"
#define DATA_FIRST	8
#define DATA_N		5
static const char *const data_keys[DATA_N] = {
	"speaker", "text", "label", "kind", "started"
};
#define DATA_SLOW \
	"SELECT json_extract(?1, '$.speaker'), json_extract(?1, '$.text')," \
	" json_extract(?1, '$.label'), json_extract(?1, '$.kind')," \
	" json_extract(?1, '$.started')"

/*
 * Is column a the same value as column b: the same storage class and the
 * same bytes (no collation, no numeric comparison of 1 and 1.0)?
 */
static int
same_value(sqlite3_stmt *sa, int a, sqlite3_stmt *sb, int b)
{
	double	 x, y;
	int	 t = sqlite3_column_type(sa, a), n;

	if (t != sqlite3_column_type(sb, b))
		return 0;
	switch (t) {
	case SQLITE_NULL:
		return 1;
	case SQLITE_INTEGER:
		return sqlite3_column_int64(sa, a) == sqlite3_column_int64(sb, b);
	case SQLITE_FLOAT:
		x = sqlite3_column_double(sa, a);
		y = sqlite3_column_double(sb, b);
		return memcmp(&x, &y, sizeof x) == 0;
	default:
		n = sqlite3_column_bytes(sa, a);
		return n == sqlite3_column_bytes(sb, b) && (n == 0 ||
		    memcmp(sqlite3_column_blob(sa, a), sqlite3_column_blob(sb,
		    b), (size_t)n) == 0);
	}
}

/*
 * The data_ columns against the payload without SQLite's JSON parser,
 * where the payload is plain JSON: verification reads every event, and
 * five json_extract calls a row were a fifth of the time giji minutes
 * takes (docs/performance.md). This is not a JSON parser of giji's own:
 * it only says, of a payload, "these five members have exactly these
 * values, as json_extract would return them", and gives up (-1) on
 * anything it is not sure json_extract reads the same way: a key or a
 * string with a \u escape or any escape in a key, one of the five keys
 * twice, a number that is not a small integer, a member that is an
 * object or an array, nesting deeper than 32, anything that is not
 * RFC 8259 JSON. Then the row is compared by json_extract itself.
 */
struct dval {
	int		 type;		/* SQLITE_NULL (absent too), _INTEGER, _TEXT */
	int64_t		 i;
	const char	*s;		/* raw, between the quotes */
	size_t		 n;
	int		 esc;		/* s holds a backslash escape */
};

struct jscan {
	const char	*p, *end;
};

static void
js_ws(struct jscan *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

/* A string at j->p; its raw bytes. -1 on a \u escape or not JSON. */
static int
js_string(struct jscan *j, const char **s, size_t *n, int *esc)
{
	const char	*q;

	if (j->p >= j->end || *j->p != '"')
		return -1;
	*esc = 0;
	for (q = j->p + 1; q < j->end; q++) {
		if (*q == '"') {
			*s = j->p + 1;
			*n = (size_t)(q - *s);
			j->p = q + 1;
			return 0;
		}
		if ((unsigned char)*q < 0x20)
			return -1;
		if (*q == '\\') {
			if (q + 1 >= j->end || strchr("\"\\/bfnrt", q[1]) ==
			    NULL || q[1] == '\0')
				return -1;
			*esc = 1;
			q++;
		}
	}
	return -1;
}

/* A number; *small when a plain integer of at most 18 digits, not -0. */
static int
js_number(struct jscan *j, int *small, int64_t *v)
{
	const char	*q = j->p, *d;
	int		 neg = 0;

	if (q < j->end && *q == '-') {
		neg = 1;
		q++;
	}
	d = q;
	if (q >= j->end || *q < '0' || *q > '9')
		return -1;
	if (*q == '0')
		q++;
	else
		while (q < j->end && *q >= '0' && *q <= '9')
			q++;
	*small = q - d <= 18 && !(neg && q - d == 1 && *d == '0');
	if (q < j->end && *q == '.') {
		*small = 0;
		if (++q >= j->end || *q < '0' || *q > '9')
			return -1;
		while (q < j->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < j->end && (*q == 'e' || *q == 'E')) {
		*small = 0;
		if (++q < j->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= j->end || *q < '0' || *q > '9')
			return -1;
		while (q < j->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (*small) {
		*v = 0;
		for (; d < q; d++)
			*v = *v * 10 + (*d - '0');
		if (neg)
			*v = -*v;
	}
	j->p = q;
	return 0;
}

static int
js_literal(struct jscan *j, const char *w)
{
	size_t	 n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return -1;
	j->p += n;
	return 0;
}

/* Any value, checked and skipped. */
static int
js_skip(struct jscan *j, int depth)
{
	const char	*s;
	size_t		 n;
	int		 esc, small, first;
	int64_t		 v;
	char		 close;

	if (depth > 32 || j->p >= j->end)
		return -1;
	switch (*j->p) {
	case '"':
		return js_string(j, &s, &n, &esc);
	case 't':
		return js_literal(j, "true");
	case 'f':
		return js_literal(j, "false");
	case 'n':
		return js_literal(j, "null");
	case '{':
	case '[':
		close = *j->p == '{' ? '}' : ']';
		j->p++;
		js_ws(j);
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 0;
		}
		for (first = 1;; first = 0) {
			if (!first) {
				js_ws(j);
				if (j->p < j->end && *j->p == close) {
					j->p++;
					return 0;
				}
				if (j->p >= j->end || *j->p != ',')
					return -1;
				j->p++;
				js_ws(j);
			}
			if (close == '}') {
				if (js_string(j, &s, &n, &esc) != 0)
					return -1;
				js_ws(j);
				if (j->p >= j->end || *j->p != ':')
					return -1;
				j->p++;
				js_ws(j);
			}
			if (js_skip(j, depth + 1) != 0)
				return -1;
		}
	default:
		return js_number(j, &small, &v);
	}
}

static int
data_fast(const char *p, size_t len, struct dval out[DATA_N])
{
	struct jscan	 j = { p, p + len };
	const char	*k;
	size_t		 kn;
	int		 i, esc, small, first;

	for (i = 0; i < DATA_N; i++)
		out[i].type = -1;
	js_ws(&j);
	if (j.p >= j.end || *j.p++ != '{')
		return -1;
	js_ws(&j);
	if (j.p < j.end && *j.p == '}')
		j.p++;
	else for (first = 1;; first = 0) {
		if (!first) {
			js_ws(&j);
			if (j.p < j.end && *j.p == '}') {
				j.p++;
				break;
			}
			if (j.p >= j.end || *j.p++ != ',')
				return -1;
			js_ws(&j);
		}
		if (js_string(&j, &k, &kn, &esc) != 0 || esc)
			return -1;
		js_ws(&j);
		if (j.p >= j.end || *j.p++ != ':')
			return -1;
		js_ws(&j);
		for (i = 0; i < DATA_N; i++) {
			if (strlen(data_keys[i]) == kn &&
			    memcmp(data_keys[i], k, kn) == 0)
				break;
		}
		if (i == DATA_N) {
			if (js_skip(&j, 1) != 0)
				return -1;
			continue;
		}
		if (out[i].type != -1 || j.p >= j.end)
			return -1;		/* twice: which does SQLite take? */
		if (*j.p == '"') {
			out[i].type = SQLITE_TEXT;
			if (js_string(&j, &out[i].s, &out[i].n,
			    &out[i].esc) != 0)
				return -1;
		} else if (*j.p == 't' || *j.p == 'f') {
			out[i].type = SQLITE_INTEGER;
			out[i].i = *j.p == 't';
			if (js_literal(&j, *j.p == 't' ? "true" : "false") != 0)
				return -1;
		} else if (*j.p == 'n') {
			out[i].type = SQLITE_NULL;
			if (js_literal(&j, "null") != 0)
				return -1;
		} else if (*j.p == '-' || (*j.p >= '0' && *j.p <= '9')) {
			out[i].type = SQLITE_INTEGER;
			if (js_number(&j, &small, &out[i].i) != 0 || !small)
				return -1;
		} else
			return -1;		/* an object or an array */
	}
	js_ws(&j);
	if (j.p != j.end)
		return -1;
	for (i = 0; i < DATA_N; i++) {
		if (out[i].type == -1)
			out[i].type = SQLITE_NULL;	/* absent */
	}
	return 0;
}

/* Is column c the value v (as same_value compares)? */
static int
data_same(sqlite3_stmt *st, int c, const struct dval *v)
{
	const char	*t, *s, *e;
	int		 n;
	char		 x;

	if (sqlite3_column_type(st, c) != v->type)
		return 0;
	if (v->type == SQLITE_NULL)
		return 1;
	if (v->type == SQLITE_INTEGER)
		return sqlite3_column_int64(st, c) == v->i;
	t = (const char *)sqlite3_column_blob(st, c);
	n = sqlite3_column_bytes(st, c);
	if (!v->esc)
		return (size_t)n == v->n && (n == 0 || memcmp(t, v->s, v->n) ==
		    0);
	/* The escapes js_string lets through, decoded as SQLite does. */
	for (s = v->s, e = v->s + v->n; s < e; s++, t++, n--) {
		x = *s;
		if (x == '\\') {
			switch (*++s) {
			case 'b':
				x = '\b';
				break;
			case 'f':
				x = '\f';
				break;
			case 'n':
				x = '\n';
				break;
			case 'r':
				x = '\r';
				break;
			case 't':
				x = '\t';
				break;
			default:
				x = *s;		/* " \\ / */
				break;
			}
		}
		if (n == 0 || *t != x)
			return 0;
	}
	return n == 0;
}

int
log_data_compare(sqlite3_stmt *st, int first, const char *payload,
    size_t plen)
{
	struct dval	 d[DATA_N];
	int		 i;

	if (data_fast(payload, plen, d) != 0)
		return -1;
	for (i = 0; i < DATA_N; i++) {
		if (!data_same(st, first + i, &d[i]))
			return 0;
	}
	return 1;
}

/* The data_ columns of a row against its payload; NULL or the fault. */
static char *
verify_data(struct verify *vf, sqlite3_stmt *st, const char *payload,
    int plen)
{
	int		 i, rc, same;

	if ((same = log_data_compare(st, DATA_FIRST, payload,
	    (size_t)plen)) == -1) {
		same = 1;
		if (vf->slow == NULL && (rc = sqlite3_prepare_v2(vf->log->db,
		    DATA_SLOW, -1, &vf->slow, NULL)) != SQLITE_OK)
			return verify_errmsg(vf, rc, N_("cannot read the events"));
		sqlite3_reset(vf->slow);
		sqlite3_bind_text(vf->slow, 1, payload, plen, SQLITE_STATIC);
		if ((rc = sqlite3_step(vf->slow)) != SQLITE_ROW) {
			sqlite3_reset(vf->slow);
			/* Out of budget or memory: said as for any row. */
			if (vf->over || (rc & 0xff) == SQLITE_NOMEM ||
			    (rc & 0xff) == SQLITE_TOOBIG)
				return verify_errmsg(vf, rc,
				    N_("cannot read the events"));
			return xasprintf(_("the payload is not JSON (%s): the "
			    "file was altered"), sqlite3_errmsg(vf->log->db));
		}
		for (i = 0; i < DATA_N && same; i++)
			same = same_value(st, DATA_FIRST + i, vf->slow, i);
		sqlite3_reset(vf->slow);
	}
	if (!same)
		return xasprintf(_("the stored copy of the payload's fields "
		    "(data_ columns) differs from the payload: the file was "
		    "altered"));
	return NULL;
}

static const char *verify_columns[] = {
	"seq", "uuid", "ts", "station", "type", "payload", "prev_hash", "hash"
};

/*
 * One row. Every column must have the storage class giji writes (a blob
 * or a real has other bytes than the text or integer it prints as), no
 * text column may hold a NUL (SQL compares the whole value, C strings
 * stop at the NUL: the two would read different events), and no control
 * character may stand in uuid, station or type (the canonical string
 * separates fields with LF). Then the chain.
 */
static char *
verify_row(struct verify *vf, sqlite3_stmt *st, int64_t expect,
    char prev[LOG_HASH_HEX])
{
	struct log_verify	*v = vf->v;
	const char		*t[8], *bad;
	char			 hash[LOG_HASH_HEX], *why;
	int			 len[8], i;
	int64_t			 seq;

	for (i = 0; i < 8; i++) {
		if (sqlite3_column_type(st, i) != (i == 0 || i == 2 ?
		    SQLITE_INTEGER : SQLITE_TEXT))
			return xasprintf(_("column %s is %s, not the %s giji "
			    "writes: the file was altered"), verify_columns[i],
			    sqlite3_column_type(st, i) == SQLITE_NULL ? "null" :
			    "of another type", i == 0 || i == 2 ? "integer" :
			    "text");
		if (i == 0 || i == 2)
			continue;
		t[i] = (const char *)sqlite3_column_text(st, i);
		len[i] = sqlite3_column_bytes(st, i);
		if (t[i] == NULL)
			return xasprintf(_("column %s cannot be read"),
			    verify_columns[i]);
		if (has_bad_byte(t[i], len[i], i == 1 || i == 3 || i == 4) ||
		    ((i == 1 || i == 3 || i == 4) && !utf8_is_clean(t[i], 0)))
			return xasprintf(_("column %s holds a NUL byte, a "
			    "control character or a byte that is not UTF-8, "
			    "which giji never writes: the file was altered"),
			    verify_columns[i]);
	}
	seq = sqlite3_column_int64(st, 0);
	if (sqlite3_column_int64(st, 2) < LOG_TS_MIN ||
	    sqlite3_column_int64(st, 2) > LOG_TS_MAX)
		return xasprintf(_("the time is outside the years 0000 to "
		    "9999, which giji never writes: the file was altered"));
	if (seq != expect)
		return xasprintf(_("expected seq %lld (an event is missing or "
		    "was reordered)"), (long long)expect);
	if (len[5] > LOG_MAX_PAYLOAD)
		return xasprintf(_("the payload is %d bytes, more than giji "
		    "writes (%d): the file was altered"), len[5],
		    LOG_MAX_PAYLOAD);
	if (len[6] != LOG_HASH_HEX - 1 || memcmp(t[6], prev, len[6]) != 0)
		return seq == 1 ? xasprintf(_("chain broken: the first event's "
		    "prev_hash is not 64 zeros")) : xasprintf(_("chain broken: "
		    "prev_hash is not the hash of seq %lld"), (long long)(seq - 1));
	chain_hash(prev, seq, t[1], (size_t)len[1], sqlite3_column_int64(st, 2),
	    t[3], (size_t)len[3], t[4], (size_t)len[4], t[5], (size_t)len[5],
	    hash);
	/* A hash equal to the one computed is 64 hex digits: look only then. */
	if (len[7] != LOG_HASH_HEX - 1 ||
	    memcmp(hash, t[7], LOG_HASH_HEX - 1) != 0) {
		if (!is_hex64(t[7], len[7]))
			return xasprintf(_("the hash is not 64 hex digits: the "
			    "file was altered"));
		return xasprintf(_("hash mismatch: the event was altered after "
		    "it was recorded"));
	}
	/*
	 * Every payload giji writes is an object (the table's CHECK
	 * accepts any JSON): a scalar or an array is no event's.
	 */
	for (i = 0; i < len[5] && (t[5][i] == ' ' || t[5][i] == '\t' ||
	    t[5][i] == '\n' || t[5][i] == '\r'); i++)
		;
	if (i == len[5] || t[5][i] != '{')
		return xasprintf(_("the payload is not a JSON object, which "
		    "giji never writes: the file was altered"));
	if (has_nul_escape(t[5], (size_t)len[5]))
		return xasprintf(_("the payload holds \\u0000 (a NUL "
		    "character), which giji never writes: a reader would cut "
		    "the text where it stands; the file was altered"));
	if ((bad = bad_count(t[4], (size_t)len[4], t[5])) != NULL)
		return xasprintf(_("field '%s' is not a whole number giji can "
		    "read, which giji never writes: the file was altered"), bad);
	if (vf->log->version >= 2 && (why = verify_data(vf, st, t[5],
	    len[5])) != NULL)
		return why;
	memcpy(prev, hash, LOG_HASH_HEX);
	if (v->anchor != NULL && v->anchor_seq == 0 &&
	    memcmp(hash, v->anchor, vf->alen) == 0)
		v->anchor_seq = seq;
	return NULL;
}

/* Schema, integrity_check (flags) and the head row: before the events. */
static int
verify_head(struct verify *vf, int flags, char **cause)
{
	struct log	*log = vf->log;
	sqlite3_stmt	*st;
	const char	*s;
	int		 rc;

	if (log_schema_check(log, cause) < 0)
		return -1;
	if (flags & LOG_VERIFY_INTEGRITY) {
		rc = sqlite3_prepare_v2(log->db, "PRAGMA integrity_check", -1,
		    &st, NULL);
		if (rc != SQLITE_OK) {
			*cause = verify_errmsg(vf, rc, N_("integrity_check "
			    "failed"));
			return -1;
		}
		if ((rc = sqlite3_step(st)) != SQLITE_ROW ||
		    (s = (const char *)sqlite3_column_text(st, 0)) == NULL ||
		    strcmp(s, "ok") != 0) {
			if (rc != SQLITE_ROW)
				*cause = verify_errmsg(vf, rc,
				    N_("integrity_check failed"));
			else
				*cause = xasprintf(_("%s: integrity_check "
				    "failed: %s"), log->path, s != NULL ? s : "");
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
	}

	rc = sqlite3_prepare_v2(log->db, "SELECT seq, hash, typeof(seq),"
	    " typeof(hash), length(CAST(hash AS BLOB)) FROM head", -1, &st,
	    NULL);
	if (rc != SQLITE_OK) {
		*cause = verify_errmsg(vf, rc, N_("cannot read the chain head"));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 1);
		if (vf->head_seq != -1 || strcmp((const char *)
		    sqlite3_column_text(st, 2), "integer") != 0 ||
		    strcmp((const char *)sqlite3_column_text(st, 3), "text") !=
		    0 || s == NULL || !is_hex64(s, sqlite3_column_int(st, 4))) {
			*cause = xasprintf(_("the chain head is not one row of "
			    "a seq and a hash: the file was altered"));
			sqlite3_finalize(st);
			return -1;
		}
		vf->head_seq = sqlite3_column_int64(st, 0);
		memcpy(vf->head_hash, s, LOG_HASH_HEX);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*cause = verify_errmsg(vf, rc, N_("cannot read the chain head"));
		return -1;
	}
	return 0;
}

/* Undo what log_verify_begin set up. */
static void
verify_free(struct verify *vf)
{
	sqlite3_finalize(vf->slow);
	sqlite3_progress_handler(vf->log->db, 0, NULL, NULL);
	sqlite3_hard_heap_limit64(vf->heap);
	log_read_end(vf->log);
	free(vf->failed);
	free(vf);
}

struct verify *
log_verify_begin(struct log *log, int flags, struct log_verify *v,
    char **cause)
{
	struct verify	*vf;
	long long	 size;

	*cause = NULL;
	v->count = 0;
	v->bad_seq = 0;
	v->anchor_seq = 0;
	v->head[0] = '\0';
	vf = xcalloc(1, sizeof *vf);
	vf->log = log;
	vf->v = v;
	vf->expect = 1;
	vf->head_seq = -1;
	memcpy(vf->prev, ZERO_HASH, sizeof vf->prev);
	if (v->anchor != NULL)
		vf->alen = strlen(v->anchor);
	size = file_size(log->path, "") + file_size(log->path, "-wal");
	vf->budget = (VERIFY_STEPS_MIN + size * VERIFY_STEPS_PER_BYTE) /
	    VERIFY_STEP_GRAIN;
	vf->heap = sqlite3_hard_heap_limit64(-1);
	if (vf->heap == 0 || vf->heap > VERIFY_HEAP)
		sqlite3_hard_heap_limit64(VERIFY_HEAP);
	sqlite3_progress_handler(log->db, VERIFY_STEP_GRAIN, verify_progress,
	    vf);
	/* One snapshot: the head and the events of the same moment. */
	if (log_read_begin(log, cause) != 0) {
		sqlite3_progress_handler(log->db, 0, NULL, NULL);
		sqlite3_hard_heap_limit64(vf->heap);
		free(vf);
		return NULL;
	}
	if (verify_head(vf, flags, cause) != 0) {
		verify_free(vf);
		return NULL;
	}
	return vf;
}

const char *
log_verify_sql(struct log *log)
{
	/* Columns 8-12: the data_ columns (schema 2), checked by verify_data. */
	if (log->version >= 2)
		return "SELECT seq, uuid, ts, station, type, payload, prev_hash,"
		    " hash," DATA_COLUMNS " FROM events ORDER BY seq";
	/* Columns 8-12: the payload's, where the fold expects data_. */
	return "SELECT seq, uuid, ts, station, type, payload, prev_hash, hash,"
	    " json_extract(payload, '$.speaker'), json_extract(payload,"
	    " '$.text'), json_extract(payload, '$.label'), json_extract(payload,"
	    " '$.kind'), json_extract(payload, '$.started')"
	    " FROM events ORDER BY seq";
}

int
log_verify_row(struct verify *vf, sqlite3_stmt *st)
{
	char	*why;

	if (vf->failed != NULL)
		return -1;
	if ((why = verify_row(vf, st, vf->expect, vf->prev)) != NULL) {
		vf->v->bad_seq = sqlite3_column_int64(st, 0);
		vf->failed = why;
		return -1;
	}
	vf->expect++;
	vf->v->count++;
	return 0;
}

int
log_verify_end(struct verify **vfp, int rc, char **cause)
{
	struct verify		*vf = *vfp;
	struct log_verify	*v = vf->v;
	int64_t			 last = vf->expect - 1;

	*cause = NULL;
	*vfp = NULL;
	if (vf->failed != NULL) {
		*cause = vf->failed;
		vf->failed = NULL;
	} else if (rc != SQLITE_DONE) {
		v->bad_seq = vf->expect;
		*cause = verify_errmsg(vf, rc, N_("cannot read the events"));
	} else if (vf->head_seq != -1 && vf->head_seq != last) {
		v->bad_seq = vf->head_seq;
		*cause = xasprintf(_("the chain head records seq %lld but the "
		    "log ends at seq %lld: events were removed or replaced at "
		    "the end"), (long long)vf->head_seq, (long long)last);
	} else if (vf->head_seq != -1 && strcmp(vf->head_hash, vf->prev) != 0) {
		v->bad_seq = vf->head_seq;
		*cause = xasprintf(_("the chain head records another hash for "
		    "seq %lld than its event's: the last event or the head was "
		    "replaced"), (long long)last);
	} else if (vf->head_seq == -1 && last > 0)
		*cause = xasprintf(_("the chain head is missing: the file was "
		    "altered"));
	else if (last > 0)
		memcpy(v->head, vf->prev, sizeof v->head);
	verify_free(vf);
	return *cause != NULL ? -1 : 0;
}

int
log_verify_file(struct log *log, int flags, struct log_verify *v,
    char **cause)
{
	struct verify	*vf;
	sqlite3_stmt	*st;
	int		 rc;

	if ((vf = log_verify_begin(log, flags, v, cause)) == NULL)
		return -1;
	rc = sqlite3_prepare_v2(log->db, log_verify_sql(log), -1, &st, NULL);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
		    log_verify_row(vf, st) == 0)
			;
		sqlite3_finalize(st);
	}
	return log_verify_end(&vf, rc, cause);
}

int
log_verify(struct log *log, int64_t *bad_seq, int64_t *count, char **cause)
{
	struct log_verify	 v;
	int			 rc;

	memset(&v, 0, sizeof v);
	rc = log_verify_file(log, LOG_VERIFY_INTEGRITY, &v, cause);
	*bad_seq = v.bad_seq;
	*count = v.count;
	return rc;
}

int
log_verify_chain(struct log *log, int64_t *bad_seq, int64_t *count,
    char **cause)
{
	struct log_verify	 v;
	int			 rc;

	memset(&v, 0, sizeof v);
	rc = log_verify_file(log, 0, &v, cause);
	*bad_seq = v.bad_seq;
	*count = v.count;
	return rc;
}
