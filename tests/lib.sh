# SPDX-License-Identifier: ISC
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

lacks() {
	case $2 in
	*"$3"*) tap_result 1 "$1"; printf '#   %s\n#   contains: %s\n' \
	    "$(printf '%s' "$2" | head -c 400)" "$3" ;;
	*) tap_result 0 "$1" ;;
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

# need_locale NAME: make the locale NAME (ja_JP.UTF-8, en_US.UTF-8) usable
# by giji. Debian generates only the locales chosen at install time: when
# `locale -a` lacks NAME it is compiled here with localedef into
# $GIJI_LOCPATH (default tests/locale in the build tree, shared by the
# scripts, made once: make check builds it first) and LOCPATH points
# there. Skips the script when it cannot be made (no glibc locale data:
# the Debian package locales).
need_locale() {
	_l=$1
	_n=$(printf '%s' "$_l" | sed 's/\.UTF-8$/.utf8/')
	# Once LOCPATH is set (a locale made below), glibc looks only there:
	# a locale the system has must be made there too.
	if [ -z "${LOCPATH:-}" ] &&
	    locale -a 2>/dev/null | grep -qx -e "$_n" -e "$_l"; then
		return 0
	fi
	: "${GIJI_LOCPATH:=$(pwd)/tests/locale}"
	if [ ! -f "$GIJI_LOCPATH/$_l/LC_CTYPE" ]; then
		command -v localedef >/dev/null 2>&1 ||
		    skip_all "no localedef to make the $_l locale"
		mkdir -p "$GIJI_LOCPATH"
		_tmp=$GIJI_LOCPATH/.$_l.$$
		localedef -i "${_l%%.*}" -f UTF-8 "$_tmp" >/dev/null 2>&1
		# Another script may have made it meanwhile: keep the first.
		mv -T "$_tmp" "$GIJI_LOCPATH/$_l" 2>/dev/null || rm -rf "$_tmp"
		[ -f "$GIJI_LOCPATH/$_l/LC_CTYPE" ] ||
		    skip_all "localedef could not make $_l (Debian: locales)"
	fi
	LOCPATH=$GIJI_LOCPATH
	export LOCPATH GIJI_LOCPATH
}
