#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/load.sh: the long form of tests/load.sh, 8 writers x 1,000
# `giji add` each, a `giji verify` loop and a live terminal recording
# throughout, all on one meeting file; prints the TAP lines and a summary
# (appends refused, verify runs and false alarms, events, seconds).
#   bench/load.sh [GIJI] [WRITERS] [APPENDS]   (default ./giji 8 1000)
# Not part of make check (several minutes: each giji add checks the whole
# chain inside its write transaction before it appends).
set -u
GIJI=$(cd "$(dirname "${1:-./giji}")" && pwd)/$(basename "${1:-./giji}")
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
export GIJI top_srcdir
LOAD_WRITERS=${2:-8} LOAD_APPENDS=${3:-1000} TUI_TIMEOUT=60 \
    exec sh "$top_srcdir/tests/load.sh"
