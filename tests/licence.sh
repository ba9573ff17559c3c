#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/licence.sh: giji is under the ISC licence (COPYING), and every
# source file says so in its first lines (SPDX-License-Identifier: ISC):
# C, shell, Python and awk, the style and keymap files, the build files.
# Generated files (core/styles-shipped.c, tui/keymap-default.h) are not
# sources.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

check "COPYING holds the ISC licence" grep -q \
    'Permission to use, copy, modify, and distribute this software' \
    "$top_srcdir/COPYING"
cd "$top_srcdir" || exit 1
find core tui tests bench styles keymaps docs completions .ci \
    -path tests/fuzz/build -prune -o -path 'tests/fuzz/corpus*' -prune -o \
    -type f \( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name '*.py' \
    -o -name '*.awk' -o -name '*.style' -o -name '*.keymap' -o -name giji \
    -o -name run \) -print 2>/dev/null |
    grep -v -e '^core/styles-shipped\.c$' -e '^tui/keymap-default\.h$' \
    -e '\.o$' | sort >"$T/files"
for f in bootstrap Makefile.am configure.ac docs/giji.1 docs/giji-events.5 \
    docs/giji-keymap.5 docs/giji-style.5; do echo "$f"; done >>"$T/files"
n=0
: >"$T/missing"
while read -r f; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	head -3 "$f" | grep -q 'SPDX-License-Identifier: ISC' || echo "$f" >>"$T/missing"
done <"$T/files"
is "the sources were found" "$([ "$n" -gt 200 ] && echo yes)" yes
is "every source file names its licence" "$(tr '\n' ' ' <"$T/missing")" ""
done_testing
