/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 as giji owns it: every string in core/ and on every API is UTF-8
 * char *. This file models the byte-level view (decoding with one
 * U+FFFD per bad byte, encoding, validation), the terminal-column view
 * (display width of a code point, of a string and of a cluster: a
 * spacing character with the zero-width marks that follow it) and the
 * copies made for display (clipped, padded, sanitized).
 *
 * Widths do not depend on the process locale, which may still be "C"
 * when core/ runs (tests, the CLI): utf8_cpwidth() looks the code point
 * up in two built-in range tables instead of calling wcwidth(). The
 * tables were generated from glibc 2.36 wcwidth() under C.UTF-8
 * (Unicode 14.0), which is what ncursesw and tmux 3.3a use on Debian 12,
 * so columns counted here are the columns they draw. East Asian
 * Ambiguous characters (① ※ ○ → ─) are narrow, as in glibc.
 * tests/test-utf8.c cross-checks every assigned code point against
 * wcwidth() at run time. Two deliberate differences: controls are 0
 * here (glibc: -1), and code points glibc does not know (unassigned, -1
 * there) are 1, except inside the wide blocks, where they are 2 as
 * UAX #11 gives unassigned CJK and emoji code points.
 *
 * Nothing here allocates except the functions returning char *, which
 * return xmalloc'd strings the caller frees.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

struct utf8_range {
	uint32_t	 first;
	uint32_t	 last;
};

/*
 * Zero width: glibc's wcwidth() == 0 set (Mn, Me, Cf except U+00AD, the
 * Hangul medial vowels and final consonants, ZWSP), without U+0000.
 */
static const struct utf8_range utf8_zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x061C, 0x061C },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074A }, { 0x07A6, 0x07B0 },
	{ 0x07EB, 0x07F3 }, { 0x07FD, 0x07FD }, { 0x0816, 0x0819 },
	{ 0x081B, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082D },
	{ 0x0859, 0x085B }, { 0x0898, 0x089F }, { 0x08CA, 0x08E1 },
	{ 0x08E3, 0x0902 }, { 0x093A, 0x093A }, { 0x093C, 0x093C },
	{ 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09BC, 0x09BC },
	{ 0x09C1, 0x09C4 }, { 0x09CD, 0x09CD }, { 0x09E2, 0x09E3 },
	{ 0x09FE, 0x09FE }, { 0x0A01, 0x0A02 }, { 0x0A3C, 0x0A3C },
	{ 0x0A41, 0x0A42 }, { 0x0A47, 0x0A48 }, { 0x0A4B, 0x0A4D },
	{ 0x0A51, 0x0A51 }, { 0x0A70, 0x0A71 }, { 0x0A75, 0x0A75 },
	{ 0x0A81, 0x0A82 }, { 0x0ABC, 0x0ABC }, { 0x0AC1, 0x0AC5 },
	{ 0x0AC7, 0x0AC8 }, { 0x0ACD, 0x0ACD }, { 0x0AE2, 0x0AE3 },
	{ 0x0AFA, 0x0AFF }, { 0x0B01, 0x0B01 }, { 0x0B3C, 0x0B3C },
	{ 0x0B3F, 0x0B3F }, { 0x0B41, 0x0B44 }, { 0x0B4D, 0x0B4D },
	{ 0x0B55, 0x0B56 }, { 0x0B62, 0x0B63 }, { 0x0B82, 0x0B82 },
	{ 0x0BC0, 0x0BC0 }, { 0x0BCD, 0x0BCD }, { 0x0C00, 0x0C00 },
	{ 0x0C04, 0x0C04 }, { 0x0C3C, 0x0C3C }, { 0x0C3E, 0x0C40 },
	{ 0x0C46, 0x0C48 }, { 0x0C4A, 0x0C4D }, { 0x0C55, 0x0C56 },
	{ 0x0C62, 0x0C63 }, { 0x0C81, 0x0C81 }, { 0x0CBC, 0x0CBC },
	{ 0x0CBF, 0x0CBF }, { 0x0CC6, 0x0CC6 }, { 0x0CCC, 0x0CCD },
	{ 0x0CE2, 0x0CE3 }, { 0x0D00, 0x0D01 }, { 0x0D3B, 0x0D3C },
	{ 0x0D41, 0x0D44 }, { 0x0D4D, 0x0D4D }, { 0x0D62, 0x0D63 },
	{ 0x0D81, 0x0D81 }, { 0x0DCA, 0x0DCA }, { 0x0DD2, 0x0DD4 },
	{ 0x0DD6, 0x0DD6 }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC },
	{ 0x0EC8, 0x0ECD }, { 0x0F18, 0x0F19 }, { 0x0F35, 0x0F35 },
	{ 0x0F37, 0x0F37 }, { 0x0F39, 0x0F39 }, { 0x0F71, 0x0F7E },
	{ 0x0F80, 0x0F84 }, { 0x0F86, 0x0F87 }, { 0x0F8D, 0x0F97 },
	{ 0x0F99, 0x0FBC }, { 0x0FC6, 0x0FC6 }, { 0x102D, 0x1030 },
	{ 0x1032, 0x1037 }, { 0x1039, 0x103A }, { 0x103D, 0x103E },
	{ 0x1058, 0x1059 }, { 0x105E, 0x1060 }, { 0x1071, 0x1074 },
	{ 0x1082, 0x1082 }, { 0x1085, 0x1086 }, { 0x108D, 0x108D },
	{ 0x109D, 0x109D }, { 0x1160, 0x11FF }, { 0x135D, 0x135F },
	{ 0x1712, 0x1714 }, { 0x1732, 0x1733 }, { 0x1752, 0x1753 },
	{ 0x1772, 0x1773 }, { 0x17B4, 0x17B5 }, { 0x17B7, 0x17BD },
	{ 0x17C6, 0x17C6 }, { 0x17C9, 0x17D3 }, { 0x17DD, 0x17DD },
	{ 0x180B, 0x180F }, { 0x1885, 0x1886 }, { 0x18A9, 0x18A9 },
	{ 0x1920, 0x1922 }, { 0x1927, 0x1928 }, { 0x1932, 0x1932 },
	{ 0x1939, 0x193B }, { 0x1A17, 0x1A18 }, { 0x1A1B, 0x1A1B },
	{ 0x1A56, 0x1A56 }, { 0x1A58, 0x1A5E }, { 0x1A60, 0x1A60 },
	{ 0x1A62, 0x1A62 }, { 0x1A65, 0x1A6C }, { 0x1A73, 0x1A7C },
	{ 0x1A7F, 0x1A7F }, { 0x1AB0, 0x1ACE }, { 0x1B00, 0x1B03 },
	{ 0x1B34, 0x1B34 }, { 0x1B36, 0x1B3A }, { 0x1B3C, 0x1B3C },
	{ 0x1B42, 0x1B42 }, { 0x1B6B, 0x1B73 }, { 0x1B80, 0x1B81 },
	{ 0x1BA2, 0x1BA5 }, { 0x1BA8, 0x1BA9 }, { 0x1BAB, 0x1BAD },
	{ 0x1BE6, 0x1BE6 }, { 0x1BE8, 0x1BE9 }, { 0x1BED, 0x1BED },
	{ 0x1BEF, 0x1BF1 }, { 0x1C2C, 0x1C33 }, { 0x1C36, 0x1C37 },
	{ 0x1CD0, 0x1CD2 }, { 0x1CD4, 0x1CE0 }, { 0x1CE2, 0x1CE8 },
	{ 0x1CED, 0x1CED }, { 0x1CF4, 0x1CF4 }, { 0x1CF8, 0x1CF9 },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206F }, { 0x20D0, 0x20F0 },
	{ 0x2CEF, 0x2CF1 }, { 0x2D7F, 0x2D7F }, { 0x2DE0, 0x2DFF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xA66F, 0xA672 },
	{ 0xA674, 0xA67D }, { 0xA69E, 0xA69F }, { 0xA6F0, 0xA6F1 },
	{ 0xA802, 0xA802 }, { 0xA806, 0xA806 }, { 0xA80B, 0xA80B },
	{ 0xA825, 0xA826 }, { 0xA82C, 0xA82C }, { 0xA8C4, 0xA8C5 },
	{ 0xA8E0, 0xA8F1 }, { 0xA8FF, 0xA8FF }, { 0xA926, 0xA92D },
	{ 0xA947, 0xA951 }, { 0xA980, 0xA982 }, { 0xA9B3, 0xA9B3 },
	{ 0xA9B6, 0xA9B9 }, { 0xA9BC, 0xA9BD }, { 0xA9E5, 0xA9E5 },
	{ 0xAA29, 0xAA2E }, { 0xAA31, 0xAA32 }, { 0xAA35, 0xAA36 },
	{ 0xAA43, 0xAA43 }, { 0xAA4C, 0xAA4C }, { 0xAA7C, 0xAA7C },
	{ 0xAAB0, 0xAAB0 }, { 0xAAB2, 0xAAB4 }, { 0xAAB7, 0xAAB8 },
	{ 0xAABE, 0xAABF }, { 0xAAC1, 0xAAC1 }, { 0xAAEC, 0xAAED },
	{ 0xAAF6, 0xAAF6 }, { 0xABE5, 0xABE5 }, { 0xABE8, 0xABE8 },
	{ 0xABED, 0xABED }, { 0xD7B0, 0xD7C6 }, { 0xD7CB, 0xD7FB },
	{ 0xFB1E, 0xFB1E }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB }, { 0x101FD, 0x101FD },
	{ 0x102E0, 0x102E0 }, { 0x10376, 0x1037A }, { 0x10A01, 0x10A03 },
	{ 0x10A05, 0x10A06 }, { 0x10A0C, 0x10A0F }, { 0x10A38, 0x10A3A },
	{ 0x10A3F, 0x10A3F }, { 0x10AE5, 0x10AE6 }, { 0x10D24, 0x10D27 },
	{ 0x10EAB, 0x10EAC }, { 0x10F46, 0x10F50 }, { 0x10F82, 0x10F85 },
	{ 0x11001, 0x11001 }, { 0x11038, 0x11046 }, { 0x11070, 0x11070 },
	{ 0x11073, 0x11074 }, { 0x1107F, 0x11081 }, { 0x110B3, 0x110B6 },
	{ 0x110B9, 0x110BA }, { 0x110C2, 0x110C2 }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112B }, { 0x1112D, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111B6, 0x111BE }, { 0x111C9, 0x111CC },
	{ 0x111CF, 0x111CF }, { 0x1122F, 0x11231 }, { 0x11234, 0x11234 },
	{ 0x11236, 0x11237 }, { 0x1123E, 0x1123E }, { 0x112DF, 0x112DF },
	{ 0x112E3, 0x112EA }, { 0x11300, 0x11301 }, { 0x1133B, 0x1133C },
	{ 0x11340, 0x11340 }, { 0x11366, 0x1136C }, { 0x11370, 0x11374 },
	{ 0x11438, 0x1143F }, { 0x11442, 0x11444 }, { 0x11446, 0x11446 },
	{ 0x1145E, 0x1145E }, { 0x114B3, 0x114B8 }, { 0x114BA, 0x114BA },
	{ 0x114BF, 0x114C0 }, { 0x114C2, 0x114C3 }, { 0x115B2, 0x115B5 },
	{ 0x115BC, 0x115BD }, { 0x115BF, 0x115C0 }, { 0x115DC, 0x115DD },
	{ 0x11633, 0x1163A }, { 0x1163D, 0x1163D }, { 0x1163F, 0x11640 },
	{ 0x116AB, 0x116AB }, { 0x116AD, 0x116AD }, { 0x116B0, 0x116B5 },
	{ 0x116B7, 0x116B7 }, { 0x1171D, 0x1171F }, { 0x11722, 0x11725 },
	{ 0x11727, 0x1172B }, { 0x1182F, 0x11837 }, { 0x11839, 0x1183A },
	{ 0x1193B, 0x1193C }, { 0x1193E, 0x1193E }, { 0x11943, 0x11943 },
	{ 0x119D4, 0x119D7 }, { 0x119DA, 0x119DB }, { 0x119E0, 0x119E0 },
	{ 0x11A01, 0x11A0A }, { 0x11A33, 0x11A38 }, { 0x11A3B, 0x11A3E },
	{ 0x11A47, 0x11A47 }, { 0x11A51, 0x11A56 }, { 0x11A59, 0x11A5B },
	{ 0x11A8A, 0x11A96 }, { 0x11A98, 0x11A99 }, { 0x11C30, 0x11C36 },
	{ 0x11C38, 0x11C3D }, { 0x11C3F, 0x11C3F }, { 0x11C92, 0x11CA7 },
	{ 0x11CAA, 0x11CB0 }, { 0x11CB2, 0x11CB3 }, { 0x11CB5, 0x11CB6 },
	{ 0x11D31, 0x11D36 }, { 0x11D3A, 0x11D3A }, { 0x11D3C, 0x11D3D },
	{ 0x11D3F, 0x11D45 }, { 0x11D47, 0x11D47 }, { 0x11D90, 0x11D91 },
	{ 0x11D95, 0x11D95 }, { 0x11D97, 0x11D97 }, { 0x11EF3, 0x11EF4 },
	{ 0x13430, 0x13438 }, { 0x16AF0, 0x16AF4 }, { 0x16B30, 0x16B36 },
	{ 0x16F4F, 0x16F4F }, { 0x16F8F, 0x16F92 }, { 0x16FE4, 0x16FE4 },
	{ 0x1BC9D, 0x1BC9E }, { 0x1BCA0, 0x1BCA3 }, { 0x1CF00, 0x1CF2D },
	{ 0x1CF30, 0x1CF46 }, { 0x1D167, 0x1D169 }, { 0x1D173, 0x1D182 },
	{ 0x1D185, 0x1D18B }, { 0x1D1AA, 0x1D1AD }, { 0x1D242, 0x1D244 },
	{ 0x1DA00, 0x1DA36 }, { 0x1DA3B, 0x1DA6C }, { 0x1DA75, 0x1DA75 },
	{ 0x1DA84, 0x1DA84 }, { 0x1DA9B, 0x1DA9F }, { 0x1DAA1, 0x1DAAF },
	{ 0x1E000, 0x1E006 }, { 0x1E008, 0x1E018 }, { 0x1E01B, 0x1E021 },
	{ 0x1E023, 0x1E024 }, { 0x1E026, 0x1E02A }, { 0x1E130, 0x1E136 },
	{ 0x1E2AE, 0x1E2AE }, { 0x1E2EC, 0x1E2EF }, { 0x1E8D0, 0x1E8D6 },
	{ 0x1E944, 0x1E94A }, { 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F },
	{ 0xE0100, 0xE01EF },
};

/*
 * Width 2: glibc's wcwidth() == 2 set (East Asian Wide and Fullwidth,
 * emoji presentation). Gaps of unassigned code points between two ranges
 * are closed, and planes 2 and 3 are wide as a whole, so characters added
 * to these blocks by later Unicode versions come out wide.
 */
static const struct utf8_range utf8_wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x3029 },
	{ 0x302E, 0x303E }, { 0x3041, 0x3096 }, { 0x309B, 0xA4C6 },
	{ 0xA960, 0xA97C }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAD9 },
	{ 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6B }, { 0xFF01, 0xFF60 },
	{ 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE3 }, { 0x16FF0, 0x1B2FB },
	{ 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E },
	{ 0x1F191, 0x1F19A }, { 0x1F200, 0x1F320 }, { 0x1F32D, 0x1F335 },
	{ 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA },
	{ 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 },
	{ 0x1F3F8, 0x1F43E }, { 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC },
	{ 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E }, { 0x1F550, 0x1F567 },
	{ 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 },
	{ 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC },
	{ 0x1F6D0, 0x1F6D2 }, { 0x1F6D5, 0x1F6DF }, { 0x1F6EB, 0x1F6EC },
	{ 0x1F6F4, 0x1F6FC }, { 0x1F7E0, 0x1F7F0 }, { 0x1F90C, 0x1F93A },
	{ 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FAF6 },
	{ 0x20000, 0x3FFFD },
};

static int
utf8_in_table(uint32_t cp, const struct utf8_range *t, size_t n)
{
	size_t	 lo = 0, hi = n, mid;

	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp > t[mid].last)
			lo = mid + 1;
		else if (cp < t[mid].first)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/* C0 controls, DEL and C1 controls. */
static int
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/* A code point that joins the cluster before it: zero width, not a control. */
static int
utf8_is_extender(uint32_t cp)
{
	return !utf8_is_control(cp) && utf8_cpwidth(cp) == 0;
}

/* Bidi embedding and override controls, and the isolates. */
static int
utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned char		 lo = 0x80, hi = 0xbf;
	uint32_t		 c;
	size_t			 len, i;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	/* Table 3-7 of the Unicode Standard: well-formed byte sequences. */
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		goto bad;	/* continuation, C0, C1, F5-FF */
	if (n < len)
		goto bad;
	for (i = 1; i < len; i++) {
		if (p[i] < lo || p[i] > hi)
			goto bad;
		lo = 0x80;
		hi = 0xbf;
		c = (c << 6) | (p[i] & 0x3f);
	}
	*cp = c;
	return len;

bad:
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*p = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		p[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = 0xc0 | (cp >> 6);
		p[1] = 0x80 | (cp & 0x3f);
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = 0xe0 | (cp >> 12);
		p[1] = 0x80 | ((cp >> 6) & 0x3f);
		p[2] = 0x80 | (cp & 0x3f);
		return 3;
	}
	p[0] = 0xf0 | (cp >> 18);
	p[1] = 0x80 | ((cp >> 12) & 0x3f);
	p[2] = 0x80 | ((cp >> 6) & 0x3f);
	p[3] = 0x80 | (cp & 0x3f);
	return 4;
}

size_t
utf8_invalid_at(const char *s, size_t n)
{
	uint32_t	 cp;
	size_t		 off = 0, len;

	if (s == NULL)
		return (size_t)-1;
	while (off < n) {
		len = utf8_decode(s + off, n - off, &cp);
		/* A real U+FFFD in the input is three bytes long. */
		if (cp == UTF8_REPLACEMENT && len == 1)
			return off;
		off += len;
	}
	return (size_t)-1;
}

int
utf8_valid(const char *s, size_t n)
{
	return utf8_invalid_at(s, n) == (size_t)-1;
}

int
utf8_cpwidth(uint32_t cp)
{
	if (cp < 0x7f)
		return cp < 0x20 ? 0 : 1;
	/*
	 * Kana, the common ideographs and the full-width forms, most of
	 * what a Japanese clerk types, need no table search (the voiced
	 * marks U+3099 and U+309A, which join the kana before them, are
	 * outside these ranges).
	 */
	if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309b && cp <= 0x30ff) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xff01 && cp <= 0xff60))
		return 2;
	if (utf8_is_control(cp))
		return 0;
	if (utf8_in_table(cp, utf8_zero, sizeof utf8_zero / sizeof utf8_zero[0]))
		return 0;
	if (utf8_in_table(cp, utf8_wide, sizeof utf8_wide / sizeof utf8_wide[0]))
		return 2;
	return 1;
}

size_t
utf8_cluster(const char *s, size_t n, int *width)
{
	uint32_t	 cp;
	size_t		 len, off;

	*width = 0;
	if (s == NULL || n == 0)
		return 0;
	off = utf8_decode(s, n, &cp);
	*width = utf8_cpwidth(cp);
	if (utf8_is_control(cp))
		return off;
	while (off < n) {
		len = utf8_decode(s + off, n - off, &cp);
		if (!utf8_is_extender(cp))
			break;
		off += len;
	}
	return off;
}

size_t
utf8_nwidth(const char *s, size_t n)
{
	uint32_t	 cp;
	size_t		 off = 0, w = 0;

	if (s == NULL)
		return 0;
	while (off < n) {
		off += utf8_decode(s + off, n - off, &cp);
		w += utf8_cpwidth(cp);
	}
	return w;
}

size_t
utf8_width(const char *s)
{
	if (s == NULL)
		return 0;
	return utf8_nwidth(s, strlen(s));
}

size_t
utf8_fit(const char *s, size_t cols)
{
	size_t	 n, off = 0, len, used = 0;
	int	 w;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (off < n) {
		len = utf8_cluster(s + off, n - off, &w);
		if (used + (size_t)w > cols)
			break;
		used += w;
		off += len;
	}
	return off;
}

char *
utf8_clip(const char *s, size_t cols)
{
	if (s == NULL)
		return NULL;
	return xstrndup(s, utf8_fit(s, cols));
}

char *
utf8_padr(const char *s, size_t cols)
{
	size_t	 len, w;
	char	*out;

	if (s == NULL)
		s = "";
	len = strlen(s);
	w = utf8_nwidth(s, len);
	if (w >= cols)
		return xstrdup(s);
	out = xmalloc(len + (cols - w) + 1);
	memcpy(out, s, len);
	memset(out + len, ' ', cols - w);
	out[len + (cols - w)] = '\0';
	return out;
}

/*
 * How many bytes from the start of s (n bytes) utf8_sanitize keeps as they
 * are: clean runs are skipped whole, ASCII and the three-byte range of
 * kana and kanji without decoding.
 */
static size_t
clean_prefix(const char *s, size_t n, int keep_newlines)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 off = 0, len;

	while (off < n) {
		if (u[off] >= 0x20 && u[off] < 0x7f) {
			off++;
			continue;
		}
		/* U+3000-U+9FFF (kana, CJK, punctuation): never a control. */
		if (u[off] >= 0xe3 && u[off] <= 0xe9 && off + 2 < n &&
		    (u[off + 1] & 0xc0) == 0x80 && (u[off + 2] & 0xc0) == 0x80) {
			off += 3;
			continue;
		}
		len = utf8_decode(s + off, n - off, &cp);
		/* U+2028, U+2029: a line break to some readers, as LF. */
		if ((cp == '\n' && keep_newlines) || (cp != '\t' &&
		    cp != 0x2028 && cp != 0x2029 &&
		    !utf8_is_control(cp) && !utf8_is_bidi_control(cp) &&
		    (cp != UTF8_REPLACEMENT || len == 3))) {
			off += len;
			continue;
		}
		break;
	}
	return off;
}

int
utf8_is_clean(const char *s, int keep_newlines)
{
	size_t	 n;

	if (s == NULL)
		return 1;
	n = strlen(s);
	return clean_prefix(s, n, keep_newlines) == n;
}

int
utf8_may_break(const char *s)
{
	/* CR LF VT FF, and the lead bytes of NEL, U+2028 and U+2029. */
	return s != NULL && strpbrk(s, "\r\n\v\f\302\342") != NULL;
}

char *
utf8_one_line(char *s)
{
	struct buf	 b;
	uint32_t	 cp;
	size_t		 n, off, len;

	if (!utf8_may_break(s))
		return s;
	n = strlen(s);
	buf_init(&b);
	for (off = 0; off < n; off += len) {
		len = utf8_decode(s + off, n - off, &cp);
		if (cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' ||
		    cp == 0x85 || cp == 0x2028 || cp == 0x2029)
			buf_putc(&b, ' ');
		else
			buf_add(&b, s + off, len);
	}
	free(s);
	return buf_detach(&b);
}

char *
utf8_sanitize(const char *s, int keep_newlines)
{
	struct buf	 b;
	uint32_t	 cp;
	size_t		 n, off, len;
	char		 enc[4];

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if ((off = clean_prefix(s, n, keep_newlines)) == n)
		return xstrndup(s, n);
	buf_init(&b);
	buf_add(&b, s, off);
	/* Each byte that must change handled alone, clean runs copied whole. */
	while (off < n) {
		len = clean_prefix(s + off, n - off, keep_newlines);
		buf_add(&b, s + off, len);
		if ((off += len) == n)
			break;
		len = utf8_decode(s + off, n - off, &cp);
		if (cp == '\t')
			buf_putc(&b, ' ');
		else if ((cp == 0x2028 || cp == 0x2029) && keep_newlines)
			buf_putc(&b, '\n');
		else if (utf8_is_control(cp) || cp == UTF8_REPLACEMENT ||
		    cp == 0x2028 || cp == 0x2029)
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		/* bidi controls are dropped: they would reorder the line */
		off += len;
	}
	return buf_detach(&b);
}

char *
utf8_fullwidth_digits(const char *s)
{
	struct buf	 b;
	char		 enc[3];

	if (s == NULL)
		return NULL;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			/* U+FF10 + d is EF BC 90+d. */
			enc[0] = (char)0xef;
			enc[1] = (char)0xbc;
			enc[2] = (char)(0x90 + (*s - '0'));
			buf_add(&b, enc, 3);
		} else
			buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

size_t
utf8_strlen(const char *s)
{
	uint32_t	 cp;
	size_t		 n, off = 0, count = 0;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (off < n) {
		off += utf8_decode(s + off, n - off, &cp);
		count++;
	}
	return count;
}
