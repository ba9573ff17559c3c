/* SPDX-License-Identifier: ISC */
/*
 * "Did you mean": the known name nearest to a mistyped one (a field of an
 * event, a style's section, key or function, a command). One measure
 * for all: each caller says how near is near enough for its names.
 */
#ifndef GIJI_NEAREST_H
#define GIJI_NEAREST_H

#include <stddef.h>

/*
 * Edits from a to b, by bytes: insert, delete, replace, or swap two
 * neighbours (moved_bye, seocnded_by: one each). (size_t)-1 when either
 * is 64 bytes or longer: no name is.
 */
size_t		 name_distance(const char *a, const char *b);
/*
 * The name among names[0..n) nearest to s and at most max edits away,
 * or NULL; of two as near, the one sharing the longer start
 * ([vote.tall]: vote.tally, not vote.call).
 */
const char	*name_nearest(const char *s, const char *const *names,
		    size_t n, size_t max);

#endif
