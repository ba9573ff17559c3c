/* SPDX-License-Identifier: ISC */
/*
 * A fault-injecting SQLite VFS for the tests (STYLE.md §9, after SQLite's
 * do_faultsim_test): it wraps "unix" and, once armed, fails the N-th
 * xWrite, xSync or xTruncate (any file: database, WAL, journal) with
 * SQLITE_FULL or an SQLITE_IOERR, or calls _exit() there to model a crash
 * at that exact I/O. Production code has no hook for it: a test registers
 * it as the default VFS, and log_open() then uses it unknowingly.
 */
#ifndef GIJI_FAULTVFS_H
#define GIJI_FAULTVFS_H

#define FAULT_WRITE	0x1
#define FAULT_SYNC	0x2
#define FAULT_TRUNCATE	0x4

/* What an armed fault does. */
#define FAULT_IOERR	1	/* SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE */
#define FAULT_FULL	2	/* SQLITE_FULL, after writing half the buffer */
#define FAULT_EXIT	3	/* _exit(FAULT_EXIT_CODE) before the operation */

#define FAULT_EXIT_CODE	99

/* Register the shim ("faultvfs") beside "unix"; -1 on failure. */
int	 faultvfs_register(void);
/* Make the shim (on) or plain "unix" (off) the default VFS. */
void	 faultvfs_default(int on);
/*
 * Arm: the n-th (from 1) operation among ops fails as kind says; with
 * persist, every later one fails too (a disk that stays full).
 */
void	 faultvfs_arm(int ops, int n, int kind, int persist);
/* Disarm: every operation succeeds again ("space returns"). */
void	 faultvfs_disarm(void);
/* Faults injected and operations counted since the last arm. */
int	 faultvfs_fired(void);
int	 faultvfs_counted(void);

#endif
