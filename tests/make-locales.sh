#!/bin/sh
# SPDX-License-Identifier: ISC
# Make the locales the tests use (tests/lib.sh need_locale) once, before
# make check runs the scripts in parallel: ja_JP.UTF-8 for the Japanese
# screen, en_US.UTF-8 for an English one that is not C.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"
need_locale ja_JP.UTF-8
need_locale en_US.UTF-8
