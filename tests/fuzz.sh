#!/bin/sh
# SPDX-License-Identifier: ISC
# A short libFuzzer run of every harness in tests/fuzz/ (FUZZ_SECONDS
# each, default 4) when clang can link libFuzzer; SKIP otherwise. The long
# runs reported in docs/reliability.md use the same script:
#   tests/fuzz/run.sh run 600
. "${top_srcdir:-.}/tests/lib.sh"

command -v clang >/dev/null 2>&1 || skip_all "clang is not installed (apt-get install clang)"
sh "$top_srcdir/tests/fuzz/run.sh" check || skip_all "clang cannot link libFuzzer here"
command -v pkg-config >/dev/null 2>&1 || skip_all "no pkg-config"

export FUZZ_OUT="$T/build" top_builddir="${top_builddir:-$(pwd)}"
# The sanitizers of the fuzz build report on their own terms.
unset ASAN_OPTIONS UBSAN_OPTIONS
check "build the fuzzers with clang" sh "$top_srcdir/tests/fuzz/run.sh" build
for f in csv import keymap minutes payload search style utf8; do
	sh "$top_srcdir/tests/fuzz/run.sh" run "${FUZZ_SECONDS:-4}" "fuzz-$f" > "$T/res" 2>&1
	rc=$?
	is "fuzz-$f: no crash, leak or failed invariant" "$rc" 0
	sed 's/^/# /' "$T/res" | head -40
	if [ "$rc" != 0 ]; then
		for a in "$FUZZ_OUT"/fuzz-$f-*; do
			[ -f "$a" ] || continue
			echo "# input $(basename "$a") (base64):"
			base64 "$a" | head -20 | sed 's/^/#   /'
		done
	fi
done
done_testing
