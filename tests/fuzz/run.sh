#!/bin/sh
# SPDX-License-Identifier: ISC
# Build and run the libFuzzer harnesses with clang, straight from the core
# sources (no configure option needed):
#   tests/fuzz/run.sh build              build every fuzzer
#   tests/fuzz/run.sh check              exit 0 when clang can link libFuzzer
#   tests/fuzz/run.sh run [SECONDS] [NAME...]
#                                        run each (default 60 s) on a copy of
#                                        its corpus; prints executions, cover-
#                                        age and crashes, one line each
# Run from the build folder (or set top_builddir); top_srcdir defaults to
# the tree this script is in. Objects and fuzzers go to tests/fuzz/build/
# (or $FUZZ_OUT); crash inputs too, named after the fuzzer.
set -u
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${top_builddir:-$(pwd)}
out=${FUZZ_OUT:-$builddir/tests/fuzz/build}
CC=${FUZZ_CC:-clang}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-g -O1 -fno-omit-frame-pointer $SAN -I$builddir -I$srcdir/core -I$srcdir/tests/fuzz"
FUZZERS="fuzz-csv fuzz-import fuzz-keymap fuzz-minutes fuzz-payload fuzz-search fuzz-style fuzz-utf8"
# fontconfig's allocations for the process are not the harness's leaks.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$srcdir/tests/lsan.supp:print_suppressions=0}
export LSAN_OPTIONS

pkg() { pkg-config "$@" sqlite3 uuid nettle pangocairo cairo-pdf fontconfig libzip libunibreak; }

build() {
	mkdir -p "$out" || return 1
	[ -f "$builddir/config.h" ] || { echo "run.sh: no config.h in $builddir: run configure" >&2; return 1; }
	cflags="$CFLAGS $(pkg --cflags)"
	# Rebuild the core objects when a source or header is newer.
	stale=0
	[ -f "$out/libcore.a" ] || stale=1
	for h in "$srcdir"/core/*.h "$builddir/config.h" "$srcdir"/styles/*.style; do
		[ "$h" -nt "$out/libcore.a" ] && stale=1
	done
	# styles-shipped.c is generated in the build folder (make makes it).
	[ -f "$builddir/core/styles-shipped.c" ] || { echo "run.sh: no core/styles-shipped.c in $builddir: run make" >&2; return 1; }
	for c in "$srcdir"/core/*.c "$builddir/core/styles-shipped.c"; do
		o=$out/$(basename "$c" .c).o
		if [ "$stale" = 1 ] || [ ! -f "$o" ] || [ "$c" -nt "$o" ]; then
			echo "$c"
		fi
	done | xargs -r -P "${JOBS:-2}" -I{} sh -c \
	    "$CC $cflags -fsanitize=fuzzer-no-link -c {} -o '$out'/\$(basename {} .c).o" || return 1
	rm -f "$out/libcore.a"
	ar rcs "$out/libcore.a" "$out"/*.o || return 1
	for f in $FUZZERS; do
		$CC $cflags -fsanitize=fuzzer "$srcdir/tests/fuzz/$f.c" \
		    "$out/libcore.a" $(pkg --libs) -o "$out/$f" || return 1
	done
}

case ${1:-build} in
check)
	t=$(mktemp -d) || exit 1
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' > "$t/t.c"
	$CC -fsanitize=fuzzer,address "$t/t.c" -o "$t/t" >/dev/null 2>&1
	rc=$?
	rm -rf "$t"
	exit $rc ;;
build)
	build ;;
run)
	secs=${2:-60}
	[ $# -ge 2 ] && shift 2 || shift $#
	names=${*:-$FUZZERS}
	build || exit 1
	status=0
	for f in $names; do
		work=$(mktemp -d) || exit 1
		mkdir "$work/corpus"
		"$out/$f" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
		    -artifact_prefix="$out/$f-" -print_final_stats=1 \
		    "$work/corpus" "$srcdir/tests/fuzz/corpus-${f#fuzz-}" \
		    > "$work/log" 2>&1
		rc=$?
		runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/log" | tail -1)
		cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
		ft=$(grep -o 'ft: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
		corp=$(ls "$work/corpus" | wc -l)
		echo "$f: exit $rc, ${runs:-?} executions in $secs s, coverage ${cov:-?} edges (${ft:-?} features), $corp new corpus inputs"
		if [ "$rc" != 0 ]; then
			status=1
			grep -E 'ERROR|SUMMARY|^    #[0-9] |Test unit written|CHECK|:[0-9]+: ' "$work/log" | head -30 | sed 's/^/  /'
		fi
		rm -rf "$work"
	done
	exit $status ;;
*)
	echo "usage: run.sh build | check | run [SECONDS] [NAME...]" >&2
	exit 2 ;;
esac
