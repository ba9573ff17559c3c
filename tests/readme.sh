#!/bin/sh
# SPDX-License-Identifier: ISC
# The README is true: every line of its tour runs as written, in order,
# in a fresh folder (./giji being the giji under test), but the last,
# which opens the terminal; and its picture of giji --demo is what the
# program draws (docs/screenshot.sh --check).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

mkdir -p "$T/tour"
ln -s "$GIJI" "$T/tour/giji"
sed -n '/^## A short tour/,/^```$/p' "$top_srcdir/README.md" |
    sed -n '/^```sh$/,/^```$/p' | sed '1d;$d' > "$T/tour.sh"
n=$(wc -l < "$T/tour.sh")
check "the tour has commands" test "$n" -gt 10
is "its last line opens the terminal" "$(tail -n 1 "$T/tour.sh" |
    awk '{ print $1, $2 }')" "./giji m.giji"
# One shell, as a reader would type them; a marker after each line.
sed '$d' "$T/tour.sh" | awk '{ print; printf "echo \"@@ %d\"\n", NR }' \
    > "$T/run.sh"
m=$(sed '$d' "$T/tour.sh" | wc -l)
( cd "$T/tour" && sh -e "$T/run.sh" ) > "$T/out" 2>&1
done_lines=$(grep -c '^@@ ' "$T/out")
is "all $m lines of the tour run, in order" "$done_lines" "$m"
[ "$done_lines" = "$m" ] && : || {
	echo "# stopped after line $done_lines:"
	sed -n "$((done_lines + 1))p" "$T/tour.sh" | sed 's/^/#   /'
	tail -n 5 "$T/out" | sed 's/^/#   /'
}
contains "the minutes come out" "$(cd "$T/tour" && ./giji minutes m.giji)" \
    "資料について一点伺います。"

if command -v tmux >/dev/null 2>&1; then
	GIJI=$GIJI sh "$top_srcdir/docs/screenshot.sh" --check > "$T/out" 2>&1
	rc=$?
	if [ "$rc" = 77 ]; then
		tap_result 0 "# SKIP the screenshot check: $(cat "$T/out")"
	else
		is "the README's screenshot is what giji --demo draws" "$rc" 0
		[ "$rc" = 0 ] || sed 's/^/#   /' "$T/out" | head -20
	fi
fi
done_testing
