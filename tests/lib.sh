# tests/lib.sh: TAP helpers for the shell tests. Source it; then call
# ok/not_ok through check, and finish with done_testing.
#   check "what" command...        passes when the command exits 0
#   check_fail "what" command...   passes when it exits non-zero
#   is "what" GOT WANT             string comparison
#   contains "what" HAYSTACK NEEDLE
# GIJI is the binary under test (set by make check); T is a scratch folder
# removed on exit.

: "${GIJI:=$(pwd)/giji}"
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
export LC_ALL=C.UTF-8 TZ=UTC GIJI_STATION=test
T=$(mktemp -d "${TMPDIR:-/tmp}/giji-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
tap_n=0
tap_failed=0

tap_result() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		tap_failed=$((tap_failed + 1))
		echo "not ok $tap_n - $2"
	fi
}

check() {
	what=$1; shift
	if "$@" >"$T/.out" 2>&1; then tap_result 0 "$what"; else
		tap_result 1 "$what"; sed 's/^/#   /' "$T/.out" | head -20; fi
}

check_fail() {
	what=$1; shift
	if "$@" >"$T/.out" 2>&1; then tap_result 1 "$what"
		sed 's/^/#   /' "$T/.out" | head -20; else tap_result 0 "$what"; fi
}

is() {
	if [ "$2" = "$3" ]; then tap_result 0 "$1"; else
		tap_result 1 "$1"; printf '#   got:  %s\n#   want: %s\n' "$2" "$3"; fi
}

contains() {
	case $2 in
	*"$3"*) tap_result 0 "$1" ;;
	*) tap_result 1 "$1"; printf '#   %s\n#   does not contain: %s\n' \
	    "$(printf '%s' "$2" | head -c 400)" "$3" ;;
	esac
}

# Skip the whole script: a "1..0 # SKIP" plan, and exit 77 (the status
# that means SKIP run by hand or by a plain harness). make check runs the
# scripts through the TAP driver, which reads the plan as the SKIP but
# reports any non-zero exit as an ERROR: there GIJI_SKIP_STATUS is 0.
skip_all() {
	echo "1..0 # SKIP $1"
	exit "${GIJI_SKIP_STATUS:-77}"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" = 0 ]
}
