/* SPDX-License-Identifier: ISC */
/*
 * giji backup: a copy of a meeting file taken through SQLite's online
 * backup API, in one snapshot of the file, while other processes may be
 * appending to it. The copy is written to a new file beside the
 * destination, synced, opened again and verified as giji verify does
 * (SQLite's integrity check, the schema, the hash chain), and compared
 * with the snapshot it was taken from (the same number of events, the
 * same head hash); only then is it put in place, with one link or rename,
 * so that the destination never holds a part of a copy.
 *
 * Part of the log module (log-int.h): it reads the source through the
 * log's own connection.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "log-int.h"
#include "xmalloc.h"

int
log_sync_folder(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	int		 fd, rc = 0;

	dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    fsync(fd) != 0)
		rc = -1;
	if (fd != -1)
		close(fd);
	free(dir);
	return rc;
}

/* Sync the bytes of path. */
static int
backup_sync_file(const char *path)
{
	int	 fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Remove a temporary copy and what SQLite may have left beside it. */
static void
backup_unlink(const char *tmp)
{
	char	*p;

	unlink(tmp);
	p = xasprintf("%s-wal", tmp);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", tmp);
	unlink(p);
	free(p);
	p = xasprintf("%s-journal", tmp);
	unlink(p);
	free(p);
}

/*
 * Copy every page of the source, in the source's read snapshot, into the
 * empty file tmp. count and head: the snapshot's last seq and hash.
 */
static int
backup_copy(struct log *log, const char *tmp, int64_t *count,
    char head[LOG_HASH_HEX], char **cause)
{
	sqlite3		*dst = NULL;
	sqlite3_backup	*bk;
	sqlite3_stmt	*st;
	const char	*h;
	int		 rc, rc2;

	*count = 0;
	head[0] = '\0';
	if (log_read_begin(log, cause) != 0)
		return -1;
	if ((st = log_stmt(log, S_LAST)) == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db),
		    N_("cannot read the log"));
		goto fail;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		h = (const char *)sqlite3_column_text(st, 1);
		snprintf(head, LOG_HASH_HEX, "%s", h != NULL ? h : "");
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, N_("cannot read the log"));
		goto fail;
	}
	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot write the copy: %s"), tmp,
		    dst != NULL ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		goto fail;
	}
	/*
	 * One step of every page: the source's read transaction, already
	 * open, is the snapshot the copy is of (a writer appending
	 * meanwhile is neither blocked nor copied).
	 */
	if ((bk = sqlite3_backup_init(dst, "main", log->db, "main")) == NULL) {
		*cause = xasprintf(_("%s: cannot copy: %s"), log->path,
		    sqlite3_errmsg(dst));
		goto fail;
	}
	rc = sqlite3_backup_step(bk, -1);
	rc2 = sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE || rc2 != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot copy: %s"), log->path,
		    sqlite3_errstr(rc != SQLITE_DONE ? rc : rc2));
		goto fail;
	}
	if ((rc = sqlite3_close(dst)) != SQLITE_OK) {
		dst = NULL;
		*cause = xasprintf(_("%s: cannot close the copy: %s"), tmp,
		    sqlite3_errstr(rc));
		goto fail;
	}
	log_read_end(log);
	return 0;
fail:
	if (dst != NULL)
		sqlite3_close(dst);
	log_read_end(log);
	return -1;
}

/*
 * Open the copy as a meeting file and verify it whole. Returns 0 when it
 * is sound and holds what the snapshot held; 1 when its chain fails as
 * the source's does (a faithful copy of a file that does not verify: b
 * says where); -1 when the copy is not the snapshot.
 */
static int
backup_verify(struct log *log, const char *tmp, struct log_backup *b,
    char **cause)
{
	struct log_verify	 v, sv;
	struct log		*copy;
	struct buf		 named;
	char			*why, *swhy, *as_file;
	int			 rc = -1;

	if ((copy = log_open(tmp, LOG_READONLY, &why)) == NULL) {
		*cause = xasprintf(_("the copy cannot be opened again: %s"), why);
		free(why);
		return -1;
	}
	memset(&v, 0, sizeof v);
	if (log_verify_file(copy, LOG_VERIFY_INTEGRITY, &v, &why) == 0) {
		if (v.count == b->count && strcmp(v.head, b->head) == 0)
			rc = 0;
		else
			*cause = xasprintf(ngettext("the copy holds %lld "
			    "event (head %.16s) where the file held %lld "
			    "(head %.16s)", "the copy holds %lld events (head "
			    "%.16s) where the file held %lld (head %.16s)",
			    (unsigned long)v.count), (long long)v.count, v.head,
			    (long long)b->count, b->head);
		log_close(&copy);
		return rc;
	}
	log_close(&copy);
	/*
	 * The copy fails: a copy is faithful when the file itself fails
	 * the same way (an altered record is kept as it is, for giji
	 * verify to show; nothing recorded is dropped by a backup).
	 */
	memset(&sv, 0, sizeof sv);
	swhy = NULL;
	/* The same failure, the copy's name for the file's in its message. */
	buf_init(&named);
	buf_replace(&named, why, tmp, log->path);
	as_file = buf_detach(&named);
	if (log_verify_file(log, LOG_VERIFY_INTEGRITY, &sv, &swhy) != 0 &&
	    sv.bad_seq == v.bad_seq && strcmp(swhy, as_file) == 0) {
		b->bad_seq = v.bad_seq;
		b->broken = as_file;	/* the file's fault, in its own name */
		free(why);
		free(swhy);
		return 1;
	}
	free(as_file);
	if (swhy == NULL)
		*cause = xasprintf(_("the copy does not verify (seq %lld: %s) "
		    "although the file does"), (long long)v.bad_seq, why);
	else
		*cause = xasprintf(_("the copy does not verify (seq %lld: %s) "
		    "and the file fails otherwise (seq %lld: %s)"),
		    (long long)v.bad_seq, why, (long long)sv.bad_seq, swhy);
	free(why);
	free(swhy);
	return -1;
}

int
log_backup(struct log *log, const char *dest, int force, struct log_backup *b,
    char **cause)
{
	struct stat	 sb;
	const char	*slash;
	char		*tmp, *why = NULL;
	int		 fd, exists = 0, rc;

	*cause = NULL;
	memset(b, 0, sizeof *b);
	if (lstat(dest, &sb) == 0) {
		if (S_ISLNK(sb.st_mode)) {
			*cause = xasprintf(_("%s: is a symbolic link; giji "
			    "does not write through links: choose another name"),
			    dest);
			return -1;
		}
		if (!force) {
			*cause = xasprintf(_("%s: already exists: use --force "
			    "to replace it"), dest);
			return -1;
		}
		if (!S_ISREG(sb.st_mode)) {
			*cause = xasprintf(_("%s: not a regular file; giji "
			    "replaces only files: choose another name"), dest);
			return -1;
		}
		exists = 1;
	}
	slash = strrchr(dest, '/');
	if (slash == NULL)
		tmp = xasprintf(".%s.XXXXXX", dest);
	else
		tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - dest), dest,
		    slash + 1);
	/* A meeting file is the clerk's alone: 0600, as giji new makes it. */
	if ((fd = mkstemp(tmp)) == -1) {
		*cause = xasprintf(_("%s: cannot create: %s: check that the "
		    "folder exists and is writable"), dest, strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	if (backup_copy(log, tmp, &b->count, b->head, &why) != 0)
		goto fail;
	if (backup_sync_file(tmp) != 0) {
		why = xasprintf(_("cannot sync the copy: %s"), strerror(errno));
		goto fail;
	}
	if ((rc = backup_verify(log, tmp, b, &why)) < 0)
		goto fail;
	if (exists) {
		if (rename(tmp, dest) != 0) {
			why = xasprintf(_("cannot put the copy in place: %s"),
			    strerror(errno));
			goto fail;
		}
	} else if (link(tmp, dest) == 0)
		unlink(tmp);
	else if (errno == EEXIST || lstat(dest, &sb) == 0) {
		why = xasprintf(_("it appeared while the copy was made: use "
		    "--force to replace it"));
		goto fail;
	} else if (rename(tmp, dest) != 0) {
		/* A file system without hard links: checked, then renamed. */
		why = xasprintf(_("cannot put the copy in place: %s"),
		    strerror(errno));
		goto fail;
	}
	free(tmp);
	if (log_sync_folder(dest) != 0) {
		*cause = xasprintf(_("%s: copied and verified, but the folder "
		    "could not be synced: %s"), dest, strerror(errno));
		free(b->broken);
		b->broken = NULL;
		return -1;
	}
	return 0;
fail:
	backup_unlink(tmp);
	free(tmp);
	free(b->broken);
	b->broken = NULL;
	if (exists)
		*cause = xasprintf(_("%s: %s; nothing was written (the old "
		    "file is as it was)"), dest, why);
	else
		*cause = xasprintf(_("%s: %s; nothing was written"), dest, why);
	free(why);
	return -1;
}
