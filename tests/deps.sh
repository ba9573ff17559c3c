#!/bin/sh
# SPDX-License-Identifier: ISC
# No cycles among the terminal's files: which tui/*.c file calls or reads
# what another defines, taken from the built objects (nm), must form a
# graph without loops (tsort finds them), so that each file can be read
# knowing only the files below it. Function-pointer tables do not count
# as calls (a pane's ops, a question's callback): that is how the
# terminal wires parts together without making them depend on each
# other.
#
# The same for core/, where two modules are each one unit behind a
# private header (docs/design.md): the log (log.c and log-*.c: storage,
# schema, validation and verification call each other, and validation
# counts a vote through vote-query.c, the log's reader of votes) and the
# minutes builder (minutes-model.c, its names in minutes-vars.c and its
# style in minutes-style.c: a template names a value that the builder
# words with another template). Between modules, and among every other
# file, no loop.
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

module() {	# the unit a core object belongs to
	case $1 in
	log|log-*|vote-query) echo log ;;
	minutes-model|minutes-vars|minutes-style) echo minutes-build ;;
	*) echo "$1" ;;
	esac
}
for o in core/*.o; do
	f=$(basename "$o" .o)
	[ "$f" = styles-shipped ] && continue
	f=$(module "$f")
	nm "$o" | awk -v f="$f" '
	    $1 == "U" { print "U", f, $2 }
	    $2 ~ /^[TDRB]$/ { print "D", f, $3 }'
done > "$T/csyms"
awk '$1 == "D" { def[$3] = $2 }
    $1 == "U" { use[++n] = $2 " " $3 }
    END {
	for (i = 1; i <= n; i++) {
		split(use[i], a, " ")
		if ((a[2] in def) && def[a[2]] != a[1])
			print a[1], def[a[2]]
	}
    }' "$T/csyms" | sort -u > "$T/cdeps"
check "the core objects reference each other" test -s "$T/cdeps"
tsort "$T/cdeps" > /dev/null 2> "$T/cloops"
is "no file or module of core/ depends on itself through others" \
    "$(grep -v 'input contains a loop' "$T/cloops" | sed 's/^tsort: //' |
    tr '\n' ' ')" ""
done_testing
