/* SPDX-License-Identifier: ISC */
/*
 * One escaper for everything giji writes as markup: the HTML minutes, the
 * Akoma Ntoso export, the speaking-time chart (SVG) and the Word document
 * (WordprocessingML). A caller picks the policy with flags instead of
 * keeping its own copy of the rules.
 */
#ifndef GIJI_XML_H
#define GIJI_XML_H

#include <stddef.h>

struct buf;

/*
 * & < > are always escaped. XML_QUOTES escapes " and ' as well (&quot;
 * and &#39;, which every HTML and XML reader knows): needed inside an
 * attribute value, harmless in text. XML_STRICT keeps only what XML 1.0
 * can hold: invalid UTF-8 becomes U+FFFD; C0 controls other than TAB, LF
 * and CR, DEL, C1 controls and U+FFFE/U+FFFF are dropped. XML_SPACE
 * writes TAB, LF and CR as a space (an attribute value or one line).
 */
#define XML_QUOTES	0x01
#define XML_STRICT	0x02
#define XML_SPACE	0x04

/* Append the n bytes at s (a part of a C string), escaped. */
void	 xml_escape(struct buf *, const char *s, size_t n, int flags);
/* Append the string s (nothing for NULL), escaped. */
void	 xml_escape_str(struct buf *, const char *s, int flags);

#endif
