/* SPDX-License-Identifier: ISC */
/*
 * The fault-injecting VFS (faultvfs.h). Each file opened through it is a
 * struct ffile: our sqlite3_file header followed by the real "unix" file,
 * to which every method is forwarded, except that the counted operations
 * may fail.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faultvfs.h"

struct ffile {
	sqlite3_file	 base;
	sqlite3_file	*real;
};

static sqlite3_vfs	*unix_vfs;
static sqlite3_vfs	 fault_vfs;

static struct {
	int	 ops;
	int	 n;
	int	 kind;
	int	 persist;
	int	 counted;
	int	 fired;
} fs;

#define REAL(f) (((struct ffile *)(f))->real)

/* 0: go on; otherwise the error the operation returns. */
static int
fault(int op, int ioerr)
{
	if (fs.n <= 0 || (fs.ops & op) == 0)
		return 0;
	fs.counted++;
	if (fs.counted < fs.n || (fs.counted > fs.n && !fs.persist))
		return 0;
	fs.fired++;
	if (fs.kind == FAULT_EXIT)
		_exit(FAULT_EXIT_CODE);
	return fs.kind == FAULT_FULL ? SQLITE_FULL : ioerr;
}

static int
f_close(sqlite3_file *f)
{
	int	 rc = REAL(f)->pMethods->xClose(REAL(f));

	return rc;
}

static int
f_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, amt, off);
}

static int
f_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
	int	 rc;

	if ((rc = fault(FAULT_WRITE, SQLITE_IOERR_WRITE)) != 0) {
		/* A disk filling up mid-write leaves a torn prefix. */
		if (rc == SQLITE_FULL && amt > 1)
			REAL(f)->pMethods->xWrite(REAL(f), buf, amt / 2, off);
		return rc;
	}
	return REAL(f)->pMethods->xWrite(REAL(f), buf, amt, off);
}

static int
f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	int	 rc;

	if ((rc = fault(FAULT_TRUNCATE, SQLITE_IOERR_TRUNCATE)) != 0)
		return rc;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int
f_sync(sqlite3_file *f, int flags)
{
	int	 rc;

	if ((rc = fault(FAULT_SYNC, SQLITE_IOERR_FSYNC)) != 0)
		return rc;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int
f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
f_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int
f_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int
f_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
f_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
f_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int
f_shmmap(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}

static int
f_shmlock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void
f_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
f_shmunmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int
f_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
	/* No memory-mapped I/O: every write goes through f_write. */
	(void)f;
	(void)off;
	(void)amt;
	*pp = NULL;
	return SQLITE_OK;
}

static int
f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f;
	(void)off;
	(void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods fault_io = {
	3,
	f_close,
	f_read,
	f_write,
	f_truncate,
	f_sync,
	f_size,
	f_lock,
	f_unlock,
	f_check,
	f_fcntl,
	f_sector,
	f_devchar,
	f_shmmap,
	f_shmlock,
	f_shmbarrier,
	f_shmunmap,
	f_fetch,
	f_unfetch
};

static int
f_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
    int *outflags)
{
	struct ffile	*p = (struct ffile *)file;
	int		 rc;

	(void)vfs;
	p->real = (sqlite3_file *)&p[1];
	rc = unix_vfs->xOpen(unix_vfs, name, p->real, flags, outflags);
	p->base.pMethods = p->real->pMethods != NULL ? &fault_io : NULL;
	return rc;
}

static int
f_delete(sqlite3_vfs *vfs, const char *name, int syncdir)
{
	(void)vfs;
	return unix_vfs->xDelete(unix_vfs, name, syncdir);
}

static int
f_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return unix_vfs->xAccess(unix_vfs, name, flags, out);
}

static int
f_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return unix_vfs->xFullPathname(unix_vfs, name, n, out);
}

static int
f_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return unix_vfs->xRandomness(unix_vfs, n, out);
}

static int
f_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return unix_vfs->xSleep(unix_vfs, us);
}

static int
f_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return unix_vfs->xCurrentTime(unix_vfs, out);
}

static int
f_lasterr(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return unix_vfs->xGetLastError(unix_vfs, n, out);
}

static int
f_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return unix_vfs->xCurrentTimeInt64(unix_vfs, out);
}

int
faultvfs_register(void)
{
	if (unix_vfs != NULL)
		return 0;
	if (sqlite3_initialize() != SQLITE_OK ||
	    (unix_vfs = sqlite3_vfs_find("unix")) == NULL)
		return -1;
	memset(&fault_vfs, 0, sizeof fault_vfs);
	fault_vfs.iVersion = 2;
	fault_vfs.szOsFile = (int)sizeof(struct ffile) + unix_vfs->szOsFile;
	fault_vfs.mxPathname = unix_vfs->mxPathname;
	fault_vfs.zName = "faultvfs";
	fault_vfs.xOpen = f_open;
	fault_vfs.xDelete = f_delete;
	fault_vfs.xAccess = f_access;
	fault_vfs.xFullPathname = f_fullpath;
	fault_vfs.xRandomness = f_random;
	fault_vfs.xSleep = f_sleep;
	fault_vfs.xCurrentTime = f_time;
	fault_vfs.xGetLastError = f_lasterr;
	fault_vfs.xCurrentTimeInt64 = f_time64;
	return sqlite3_vfs_register(&fault_vfs, 0) == SQLITE_OK ? 0 : -1;
}

void
faultvfs_default(int on)
{
	sqlite3_vfs_register(on ? &fault_vfs : unix_vfs, 1);
}

void
faultvfs_arm(int ops, int n, int kind, int persist)
{
	fs.ops = ops;
	fs.n = n;
	fs.kind = kind;
	fs.persist = persist;
	fs.counted = 0;
	fs.fired = 0;
}

void
faultvfs_disarm(void)
{
	fs.n = 0;
}

int
faultvfs_fired(void)
{
	return fs.fired;
}

int
faultvfs_counted(void)
{
	return fs.counted;
}
