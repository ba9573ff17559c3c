#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Regenerate the vocabulary section of docs/giji-events.5 from the table
in core/event.c and the list of types in core/event.h (between the
BEGIN/END VOCABULARY comment lines). Run from the source tree after
changing either; tests/test-log
fails while the page and the table disagree."""
import re
import sys

src = open("core/event.c", encoding="utf-8").read()
tables = {}
for m in re.finditer(r"static const struct field_def (f_\w+)\[\] = \{(.*?)\n\};", src, re.S):
    tables[m.group(1)] = re.findall(
        r'\{ "([^"]+)", (FT_\w+), (\d), (REF_\w+), (NULL|"[^"]*"), (?:N_\()?"([^"]*)"\)? \}', m.group(2))
hdr = open("core/event.h", encoding="utf-8").read()
defs = [(t, h, f) for t, f, h in re.findall(
    r'X\(EV_\w+, "([a-z.]+)", (f_\w+),\s*(?:\\\s*)?"([^"]*)"\)', hdr)]
names = {"FT_STRING": "string", "FT_INT": "integer", "FT_NUMBER": "number",
         "FT_BOOL": "boolean", "FT_LIST": "list of strings", "FT_OBJECT": "object",
         "FT_TIME": "time", "FT_DATE": "date", "FT_INT_OR_STRING": "integer or string"}
refs = {"REF_MEMBER": "; must name a member added before",
        "REF_ITEM": "; must name an agenda item added before",
        "REF_VOTE": "; must name a vote called before",
        "REF_UUID": "; must be the uuid of an earlier event"}
out = []
for t, h, f in defs:
    out.append(".TP\n.B %s\n%s." % (t.replace(".", "\\&."), h[0].upper() + h[1:]))
    if not tables[f]:
        out.append("No data fields.")
    for n, ty, req, ref, vals, hp in tables[f]:
        line = ".br\n\\fI%s\\fR (%s%s)" % (n, names[ty], ", required" if req == "1" else "")
        if vals != "NULL" and ty == "FT_INT_OR_STRING":
            line += " a number or " + vals.strip('"').replace("|", ", ") + ";"
        elif vals != "NULL":
            line += " one of " + vals.strip('"').replace("|", ", ") + ";"
        line += " " + hp.replace("\\", "\\\\") + refs.get(ref, "")
        out.append(line + ".")
page = open("docs/giji-events.5", encoding="utf-8").read()
begin, end = '.\\" BEGIN VOCABULARY\n', '.\\" END VOCABULARY\n'
a, b = page.index(begin) + len(begin), page.index(end)
open("docs/giji-events.5", "w", encoding="utf-8").write(page[:a] + "\n".join(out) + "\n" + page[b:])
