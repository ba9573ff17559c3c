#!/bin/sh
# No cycles among the terminal's files: which tui/*.c file calls or reads
# what another defines, taken from the built objects (nm), must form a
# graph without loops (tsort finds them), so that each file can be read
# knowing only the files below it. Function-pointer tables do not count
# as calls (a pane's ops, a question's callback): that is how the
# terminal wires parts together without making them depend on each
# other.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

command -v nm >/dev/null 2>&1 || skip_all "nm not found"
command -v tsort >/dev/null 2>&1 || skip_all "tsort not found"
objs=$(ls tui/giji-*.o 2>/dev/null)
[ -n "$objs" ] || skip_all "no tui objects in $(pwd)/tui (build giji first)"

for o in $objs; do
	f=${o#tui/giji-}
	f=${f%.o}
	nm "$o" | awk -v f="$f" '
	    $1 == "U" { print "U", f, $2 }
	    $2 ~ /^[TDRB]$/ { print "D", f, $3 }'
done > "$T/syms"
awk '$1 == "D" { def[$3] = $2 }
    $1 == "U" { use[++n] = $2 " " $3 }
    END {
	for (i = 1; i <= n; i++) {
		split(use[i], a, " ")
		if ((a[2] in def) && def[a[2]] != a[1])
			print a[1], def[a[2]]
	}
    }' "$T/syms" | sort -u > "$T/deps"
check "the tui objects reference each other" test -s "$T/deps"
tsort "$T/deps" > /dev/null 2> "$T/loops"
is "no file of tui/ depends on itself through others" \
    "$(grep -v 'input contains a loop' "$T/loops" | sed 's/^tsort: //' |
    tr '\n' ' ')" ""
done_testing
