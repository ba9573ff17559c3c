#!/bin/sh
# SPDX-License-Identifier: ISC
# docs/paper-pictures.sh [GIJI]: the first page of each shipped style's PDF
# minutes as a small PNG in docs/paper/, and the README's table of them
# (between its paper-pictures markers) rewritten to match. The styles are
# those `giji styles` lists as shipped, each on its sample meeting, as
# tests/paper.sh checks them (tests/paper-cases.sh). Needs poppler-utils
# (pdftoppm).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
GIJI=${1:-$top/giji}
command -v pdftoppm >/dev/null ||
    { echo "paper-pictures: pdftoppm needed (apt-get install poppler-utils)" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/giji-pictures.XXXXXX")
trap 'rm -rf "$W"' EXIT
export GIJI_STATION=docs TZ=UTC LC_ALL=C.UTF-8

sh "$top/tests/paper-cases.sh" "$GIJI" "$top" | awk -F '\t' '$3 != "-"' \
    > "$W/cases"

# pgm2png PGM PNG: a 16-grey PNG (pdftoppm writes colour PNGs only).
pgm2png() {
	python3 - "$1" "$2" <<'EOF'
import struct, sys, zlib

def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

with open(sys.argv[1], "rb") as f:
    pgm = f.read()
magic, w, h, maxval, rest = pgm.split(maxsplit=4)
w, h = int(w), int(h)
px = rest[-w * h:]
rows = []
for y in range(h):
    q = [v >> 4 for v in px[y * w:(y + 1) * w]] + [0]
    rows.append(b"\0" + bytes((q[i] << 4) | q[i + 1] for i in range(0, w, 2)))
with open(sys.argv[2], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 4, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) +
            chunk(b"IEND", b""))
EOF
}

mkdir -p "$top/docs/paper"
rm -f "$top"/docs/paper/*.png
head="|"
rule="|"
row="|"
while IFS='	' read -r s src style langs; do
	"$GIJI" new "$W/$s.giji" >/dev/null
	"$GIJI" import "$W/$s.giji" < "$src" >/dev/null 2>&1
	"$GIJI" minutes "$W/$s.giji" --style "$style" --format pdf \
	    -o "$W/$s.pdf"
	# 50 dpi in 16 greys: 413 x 585 pixels, about 20 kB.
	pdftoppm -gray -r 50 -f 1 -l 1 -singlefile "$W/$s.pdf" "$W/$s"
	pgm2png "$W/$s.pgm" "$top/docs/paper/$s.png"
	head="$head \`$s\` |"
	rule="$rule---|"
	row="$row ![$s](docs/paper/$s.png) |"
	echo "docs/paper/$s.png: $(wc -c < "$top/docs/paper/$s.png") bytes"
done < "$W/cases"
table="$head
$rule
$row"

# The README between its markers.
awk -v table="$table" '
	/<!-- paper-pictures -->/ { print; print table; skip = 1; next }
	/<!-- \/paper-pictures -->/ { skip = 0 }
	!skip { print }
' "$top/README.md" > "$W/README.md"
grep -q '<!-- paper-pictures -->' "$W/README.md" ||
    { echo "paper-pictures: README.md has no <!-- paper-pictures --> marker" >&2; exit 1; }
cp "$W/README.md" "$top/README.md"
