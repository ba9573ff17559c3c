# SPDX-License-Identifier: ISC
# Helpers for the minutes tests: TAP output, a private work directory,
# meetings imported from fixtures, and golden-file comparison (GENERATE=1
# rewrites the expected files instead of comparing).

: "${GIJI:=./giji}"
: "${srcdir:=.}"
GIJI_STATION=clerk; export GIJI_STATION
TZ=UTC; export TZ
LC_ALL=C.UTF-8; export LC_ALL

t_n=0
t_failed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/giji-minutes.XXXXXX")
trap 'rm -rf "$T"' EXIT

t_ok() {
	t_n=$((t_n + 1))
	echo "ok $t_n - $1"
}

t_fail() {
	t_n=$((t_n + 1))
	t_failed=$((t_failed + 1))
	echo "not ok $t_n - $1"
}

# t_check DESC COMMAND...: ok when the command succeeds.
t_check() {
	d=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		t_ok "$d"
	else
		t_fail "$d"
		sed 's/^/#   /' "$T/check.out" | head -20
	fi
}

# t_is DESC GOT WANT: ok when the two strings are the same.
t_is() {
	if [ "$2" = "$3" ]; then
		t_ok "$1"
	else
		t_fail "$1"
		printf '#   got:  %s\n#   want: %s\n' "$2" "$3"
	fi
}

# tests/lib.sh's names for the same checks, so that a test written with
# either runs them (a helper the shell cannot find is no check at all).
is() { t_is "$@"; }
check() { t_check "$@"; }

t_done() {
	echo "1..$t_n"
	[ "$t_failed" -eq 0 ]
}

# meeting NAME: a meeting file imported from tests/fixtures/NAME.jsonl.
meeting() {
	f="$T/$1.giji"
	if [ ! -f "$f" ]; then
		"$GIJI" new "$f" >/dev/null &&
		    "$GIJI" import "$f" <"$srcdir/tests/fixtures/$1.jsonl" \
		    >/dev/null 2>&1 || return 1
	fi
	echo "$f"
}

# golden DESC EXPECTED-NAME COMMAND...: compare the command's stdout with
# tests/golden/EXPECTED-NAME.
golden() {
	d=$1
	g="$srcdir/tests/golden/$2"
	shift 2
	if ! "$@" >"$T/golden.raw" 2>"$T/golden.err"; then
		t_fail "$d (exit status $?)"
		sed 's/^/#   /' "$T/golden.err" | head -5
		return
	fi
	# The head hash of the anchor changes with every import (each event
	# gets a new uuid): the golden files hold HASH in its place.
	sed -E 's/(末尾ハッシュ |head |"head":")[0-9a-f]{16,64}/\1HASH/g' \
	    "$T/golden.raw" >"$T/golden.out"
	if [ -n "${GENERATE:-}" ]; then
		cp "$T/golden.out" "$g"
		t_ok "$d (generated)"
	elif cmp -s "$T/golden.out" "$g"; then
		t_ok "$d"
	else
		t_fail "$d"
		diff -u "$g" "$T/golden.out" 2>&1 | head -30 | sed 's/^/#   /'
	fi
}
