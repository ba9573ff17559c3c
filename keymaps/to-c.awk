# SPDX-License-Identifier: ISC
# Turn a keymap file into a C string constant (tui/keymap-default.h), so
# that the default map is compiled into giji and still parsed at start-up
# by the same parser as every other keymap file.
BEGIN { print "/* Generated from keymaps/default.keymap by keymaps/to-c.awk. */"; print "static const char keymap_default[] =" }
{ gsub(/\\/, "&&"); gsub(/"/, "\\\""); print "\t\"" $0 "\\n\"" }
END { print "\t;" }
