/* SPDX-License-Identifier: ISC */
/*
 * Word minutes: the document model as an ECMA-376 WordprocessingML
 * package (.docx), zipped with libzip, on the paper of minutes-paper.h.
 * Every paragraph has a named style (Title, heading 1-3, Speaker, Speech,
 * Procedure, Closing, …, each with a Japanese alias) so that a
 * secretariat's edits stay consistent; the header rows are a real table;
 * the page number is a PAGE field in the footer. Every string from the
 * record goes through xml_escape with XML_STRICT. The zip entries carry
 * the meeting's date, not the clock's: the same meeting gives the same
 * bytes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "minutes-model.h"
#include "minutes-paper.h"
#include "xmalloc.h"
#include "xml.h"

#define W_NS	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Twentieths of a point. */
#define TW_PER_MM	(1440.0 / 25.4)

struct docx {
	const struct mdoc	*d;
	struct paper		 p;
	struct buf		 o;		/* word/document.xml */
	long			 text_w;	/* text width, twips */
	long			 em;		/* body font size, twips */
	int			 in_table;
	int			 appendix;
};

/* The named styles: id, name, Japanese alias, kind, properties. */
struct docx_style {
	const char	*id;
	const char	*name;
	const char	*alias;
	int		 character;
	int		 head;		/* in the heading font */
	int		 half_pt;	/* size in half-points, 0: the body's */
	const char	*ppr;
	const char	*rpr;
};

static const struct docx_style docx_styles[] = {
	{ "Title", "Title", "表題", 0, 1, 28,
	  "<w:keepNext/><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>"
	  "<w:outlineLvl w:val=\"0\"/>", NULL },
	{ "Subtitle", "Subtitle", "副題", 0, 0, 0,
	  "<w:spacing w:after=\"120\"/><w:jc w:val=\"center\"/>", NULL },
	{ "Heading1", "heading 1", "見出し 1", 0, 1, 24,
	  "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>"
	  "<w:outlineLvl w:val=\"0\"/>", NULL },
	{ "Heading2", "heading 2", "見出し 2", 0, 1, 0,
	  "<w:keepNext/><w:spacing w:before=\"180\" w:after=\"60\"/>"
	  "<w:outlineLvl w:val=\"1\"/>", NULL },
	{ "Heading3", "heading 3", "見出し 3", 0, 1, 0,
	  "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>"
	  "<w:outlineLvl w:val=\"2\"/>", NULL },
	{ "Speaker", "Speaker", "発言者", 0, 1, 0,
	  "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/>", NULL },
	{ "SpeakerChar", "Speaker Label", "発言者名", 1, 1, 0, NULL, NULL },
	{ "Speech", "Speech", "発言", 0, 0, 0, NULL, NULL },
	{ "Procedure", "Procedure", "議事進行", 0, 0, 0,
	  "<w:ind w:left=\"210\"/>", NULL },
	{ "Internal", "Internal Note", "内部メモ", 0, 0, 0,
	  "<w:ind w:left=\"210\"/>", "<w:i/><w:color w:val=\"555555\"/>" },
	{ "Question", "Question", "質問", 0, 0, 0,
	  "<w:ind w:left=\"210\" w:hanging=\"210\"/>", NULL },
	{ "QuestionCont", "Question Continued", "質問（続き）", 0, 0, 0,
	  "<w:ind w:left=\"210\"/>", NULL },
	{ "HeaderCell", "Header Cell", "表の項目", 0, 0, 0,
	  "<w:spacing w:after=\"0\"/>", NULL },
	{ "Signature", "Signature", "署名", 0, 0, 0,
	  "<w:keepNext/><w:keepLines/><w:spacing w:after=\"0\"/>"
	  "<w:ind w:left=\"4200\"/>", NULL },
	{ "SignHere", "Signature Space", "署名欄", 0, 0, 0,
	  "<w:spacing w:before=\"480\" w:after=\"240\"/><w:ind w:left=\"4200\"/>"
	  "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
	  "w:color=\"000000\"/></w:pBdr>", NULL },
	{ "Closing", "Closing", "結び", 0, 0, 0,
	  "<w:spacing w:before=\"240\"/><w:jc w:val=\"right\"/>", NULL },
	{ "Appendix", "Appendix", "付録", 0, 0, 19, NULL, NULL },
	{ NULL, NULL, NULL, 0, 0, 0, NULL, NULL }
};

static void
esc(struct buf *o, const char *s, size_t n)
{
	xml_escape(o, s, n, XML_STRICT|XML_QUOTES);
}

/* A run of text; a TAB (composed table cells) is a tab character. */
static void
docx_run(struct buf *o, const char *s, size_t n, const char *rstyle)
{
	const char	*end = s + n, *tab;

	buf_puts(o, "<w:r>");
	if (rstyle != NULL)
		buf_printf(o, "<w:rPr><w:rStyle w:val=\"%s\"/></w:rPr>", rstyle);
	while (s < end) {
		tab = memchr(s, '\t', (size_t)(end - s));
		if (tab != s) {
			buf_puts(o, "<w:t xml:space=\"preserve\">");
			esc(o, s, tab != NULL ? (size_t)(tab - s) :
			    (size_t)(end - s));
			buf_puts(o, "</w:t>");
		}
		if (tab == NULL)
			break;
		buf_puts(o, "<w:tab/>");
		s = tab + 1;
	}
	buf_puts(o, "</w:r>");
}

static void
docx_p_open(struct docx *x, const char *style, const char *ppr)
{
	buf_puts(&x->o, "<w:p><w:pPr>");
	if (style != NULL)
		buf_printf(&x->o, "<w:pStyle w:val=\"%s\"/>", style);
	if (ppr != NULL)
		buf_puts(&x->o, ppr);
	buf_puts(&x->o, "</w:pPr>");
}

/* One paragraph per line of s. */
static void
docx_paras(struct docx *x, const char *s, const char *style, const char *ppr)
{
	const char	*nl;

	do {
		nl = strchr(s, '\n');
		docx_p_open(x, style, ppr);
		docx_run(&x->o, s, nl != NULL ? (size_t)(nl - s) : strlen(s),
		    NULL);
		buf_puts(&x->o, "</w:p>\n");
		s = nl != NULL ? nl + 1 : NULL;
	} while (s != NULL);
}

/* One paragraph, the lines of s separated by line breaks. */
static void
docx_para_lines(struct docx *x, const char *s, const char *style,
    const char *ppr)
{
	const char	*nl;

	docx_p_open(x, style, ppr);
	do {
		nl = strchr(s, '\n');
		docx_run(&x->o, s, nl != NULL ? (size_t)(nl - s) : strlen(s),
		    NULL);
		if (nl != NULL)
			buf_puts(&x->o, "<w:r><w:br/></w:r>");
		s = nl != NULL ? nl + 1 : NULL;
	} while (s != NULL);
	buf_puts(&x->o, "</w:p>\n");
}

static const char *
docx_body_style(const struct docx *x)
{
	return x->appendix ? "Appendix" : NULL;
}

static void
docx_title(struct docx *x, const struct mblock *bl)
{
	docx_para_lines(x, bl->text, bl->level == 0 ? "Title" : "Subtitle",
	    NULL);
}

static void
docx_heading(struct docx *x, const struct mblock *bl)
{
	char	 id[16];

	if (bl->role == MR_APPENDIX)
		x->appendix = 1;
	snprintf(id, sizeof id, "Heading%d", bl->level < 1 ? 1 :
	    bl->level > 3 ? 3 : bl->level);
	docx_para_lines(x, bl->text, id, NULL);
}

/*
 * The header table. Borders where the style's header is a ruled table;
 * the other forms are tables without rules, so that the rows stay rows
 * when edited. Four grid columns: a row without a second pair spans its
 * value over three.
 */
static void
docx_table_open(struct docx *x)
{
	long			 lw = x->text_w / 5, vw = (x->text_w - 2 * lw) / 2;
	int			 ruled = x->d->r.rows == ROWS_TAB;

	buf_puts(&x->o, "<w:tbl><w:tblPr><w:tblStyle w:val=\"HeaderTable\"/>"
	    "<w:tblW w:w=\"5000\" w:type=\"pct\"/>");
	if (ruled)
		buf_puts(&x->o, "<w:tblBorders>"
		    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
		    "</w:tblBorders>");
	buf_printf(&x->o, "<w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
	    "<w:gridCol w:w=\"%ld\"/><w:gridCol w:w=\"%ld\"/>"
	    "<w:gridCol w:w=\"%ld\"/><w:gridCol w:w=\"%ld\"/></w:tblGrid>\n",
	    lw, vw, lw, vw);
	x->in_table = 1;
}

static void
docx_table_close(struct docx *x)
{
	if (!x->in_table)
		return;
	buf_puts(&x->o, "</w:tbl>\n");
	/* Word needs a paragraph between a table and what follows. */
	docx_p_open(x, "HeaderCell", NULL);
	buf_puts(&x->o, "</w:p>\n");
	x->in_table = 0;
}

static void
docx_cell(struct docx *x, const char *s, long w, int span)
{
	buf_printf(&x->o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>",
	    w);
	if (span > 1)
		buf_printf(&x->o, "<w:gridSpan w:val=\"%d\"/>", span);
	buf_puts(&x->o, "</w:tcPr>");
	docx_paras(x, s, "HeaderCell", NULL);
	buf_puts(&x->o, "</w:tc>");
}

static void
docx_row(struct docx *x, const struct mblock *bl)
{
	long	 lw = x->text_w / 5, vw = (x->text_w - 2 * lw) / 2;
	char	*lab;
	const char *v = bl->text;

	if (!x->in_table)
		docx_table_open(x);
	/* The colon form (English) prints "Label: value", as the text does. */
	lab = x->d->r.rows == ROWS_COLON ? xasprintf("%s:", bl->label) :
	    xstrdup(bl->label);
	if (*v == '\n')
		v++;
	buf_puts(&x->o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	docx_cell(x, lab, lw, 1);
	if (bl->label2 != NULL) {
		docx_cell(x, v, vw, 1);
		docx_cell(x, bl->label2, lw, 1);
		docx_cell(x, bl->text2 != NULL ? bl->text2 : "", vw, 1);
	} else
		docx_cell(x, v, x->text_w - lw, 3);
	buf_puts(&x->o, "</w:tr>\n");
	free(lab);
}

static void
docx_label(struct docx *x, const struct mblock *bl)
{
	char	*lab;

	lab = xasprintf("%s%s%s", x->d->r.lbl_open, bl->label != NULL ?
	    bl->label : "", x->d->r.lbl_close);
	docx_run(&x->o, lab, strlen(lab), "SpeakerChar");
	free(lab);
}

static void
docx_speech(struct docx *x, const struct mblock *bl)
{
	const struct mrender	*st = &x->d->r;
	const char		*nl, *rest = NULL, *style;
	char			*ppr = NULL, *cont;
	long			 col = 0, first;

	style = x->appendix ? "Appendix" : "Speech";
	first = *st->cont_indent != '\0' ? x->em : 0;
	if (st->align_labels) {
		/* The text column after the widest label, hanging. */
		col = (long)(x->d->label_cols + 2) * x->em / 2;
		ppr = xasprintf("<w:tabs><w:tab w:val=\"left\" w:pos=\"%ld\"/>"
		    "</w:tabs><w:ind w:left=\"%ld\" w:hanging=\"%ld\"/>", col,
		    col, col);
	}
	cont = xasprintf("<w:ind w:left=\"%ld\" w:firstLine=\"%ld\"/>", col,
	    first);
	if (bl->flags & MBF_CONT)
		rest = bl->text;
	else if ((bl->flags & MBF_LABEL_LINE) || (bl->note != NULL &&
	    *bl->text != '\0')) {
		docx_p_open(x, "Speaker", NULL);
		docx_label(x, bl);
		buf_puts(&x->o, "</w:p>\n");
		if (bl->note != NULL)
			docx_paras(x, bl->note, "Procedure", NULL);
		docx_paras(x, bl->text, style, first != 0 ? cont : NULL);
	} else {
		/* The label, then the first paragraph or the note. */
		docx_p_open(x, style, ppr);
		docx_label(x, bl);
		if (bl->note != NULL) {
			if (*st->lbl_gap != '\0')
				docx_run(&x->o, " ", 1, NULL);
			docx_run(&x->o, bl->note, strlen(bl->note), NULL);
		} else {
			if (st->align_labels)
				docx_run(&x->o, "\t", 1, NULL);
			else
				docx_run(&x->o, st->lbl_gap,
				    strlen(st->lbl_gap), NULL);
			nl = strchr(bl->text, '\n');
			docx_run(&x->o, bl->text, nl != NULL ?
			    (size_t)(nl - bl->text) : strlen(bl->text), NULL);
			rest = nl != NULL ? nl + 1 : NULL;
		}
		buf_puts(&x->o, "</w:p>\n");
	}
	if (rest != NULL)
		docx_paras(x, rest, style, cont);
	free(ppr);
	free(cont);
}

/*
 * The signature block: its head ([signature] head lines: the declaration,
 * a date, the body's name), then each signer's lines ([signature] lines
 * of them), the last followed by a ruled empty paragraph to sign on;
 * each paragraph kept with the next, so that the block stays on one page
 * (as the PDF keeps it).
 */
static void
docx_signature(struct docx *x, const struct mblock *bl)
{
	const char	*s = bl->text, *nl;
	int		 k = 0, head = x->d->r.sig_head, sign;

	do {
		nl = strchr(s, '\n');
		if (k < head || s != nl) {
			sign = k >= head && (k - head + 1) %
			    x->d->r.sig_lines == 0;
			docx_p_open(x, k < head ? NULL : "Signature", k == 0 ?
			    "<w:keepNext/><w:spacing w:before=\"480\"/>" :
			    nl != NULL || sign ? "<w:keepNext/>" : NULL);
			docx_run(&x->o, s, nl != NULL ? (size_t)(nl - s) :
			    strlen(s), NULL);
			buf_puts(&x->o, "</w:p>\n");
			if (sign) {
				docx_p_open(x, "SignHere", nl != NULL ?
				    "<w:keepNext/>" : NULL);
				buf_puts(&x->o, "</w:p>\n");
			}
			k++;
		}
		s = nl != NULL ? nl + 1 : NULL;
	} while (s != NULL);
}

static void
docx_block(struct docx *x, const struct mblock *bl)
{
	char	*s;

	if (bl->kind != MB_ROW)
		docx_table_close(x);
	switch (bl->kind) {
	case MB_TITLE:
		docx_title(x, bl);
		break;
	case MB_ROW:
		docx_row(x, bl);
		break;
	case MB_HEADING:
		docx_heading(x, bl);
		break;
	case MB_SPEECH:
		docx_speech(x, bl);
		break;
	case MB_NOTE:
		docx_paras(x, bl->text, bl->role == MR_INTERNAL ? "Internal" :
		    x->appendix ? "Appendix" : "Procedure", NULL);
		break;
	case MB_PARA:
		if (bl->role == MR_SIGNATURE)
			docx_signature(x, bl);
		else
			docx_paras(x, bl->text, docx_body_style(x), NULL);
		break;
	case MB_LINES:
		if (bl->role == MR_SIGNATURE)
			docx_signature(x, bl);
		else
			docx_para_lines(x, bl->text, docx_body_style(x), NULL);
		break;
	case MB_QUESTION: {
		const char *nl = strchr(bl->text, '\n');

		s = xasprintf("● %.*s", nl != NULL ? (int)(nl - bl->text) :
		    (int)strlen(bl->text), bl->text);
		docx_paras(x, s, "Question", NULL);
		free(s);
		if (nl != NULL)
			docx_paras(x, nl + 1, "QuestionCont", NULL);
		break;
	}
	case MB_CLOSING:
		docx_paras(x, bl->text, "Closing", NULL);
		break;
	}
}

/* The families after the first, without the generic ones: altName. */
static char *
docx_alt_names(const char *list)
{
	struct buf	 b;
	const char	*p = strchr(list, ','), *e;
	size_t		 n;

	buf_init(&b);
	buf_add(&b, "", 0);
	while (p != NULL) {
		p++;
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (!(n == 5 && strncmp(p, "serif", 5) == 0) &&
		    !(n == 10 && strncmp(p, "sans-serif", 10) == 0)) {
			if (b.len > 0)
				buf_putc(&b, ',');
			buf_add(&b, p, n);
		}
		p = e;
	}
	return buf_detach(&b);
}

static void
docx_fonts(struct buf *o, const char *name, const char *family,
    const char *list)
{
	char	*alt = docx_alt_names(list);

	buf_puts(o, "<w:font w:name=\"");
	esc(o, name, strlen(name));
	buf_puts(o, "\"><w:altName w:val=\"");
	esc(o, alt, strlen(alt));
	buf_printf(o, "\"/><w:charset w:val=\"80\"/><w:family w:val=\"%s\"/>"
	    "<w:pitch w:val=\"variable\"/></w:font>", family);
	free(alt);
}

static void
docx_rfonts(struct buf *o, const char *name)
{
	buf_puts(o, "<w:rFonts w:ascii=\"");
	esc(o, name, strlen(name));
	buf_puts(o, "\" w:eastAsia=\"");
	esc(o, name, strlen(name));
	buf_puts(o, "\" w:hAnsi=\"");
	esc(o, name, strlen(name));
	buf_puts(o, "\" w:cs=\"");
	esc(o, name, strlen(name));
	buf_puts(o, "\"/>");
}

static char *
docx_styles_xml(const struct docx *x)
{
	const struct docx_style	*s;
	struct buf		 o;
	char			*body = paper_first_font(x->p.body_font);
	char			*head = paper_first_font(x->p.head_font);
	const char		*lang = x->d->o.lang == MINUTES_EN ? "en-GB" :
				    "ja-JP";

	buf_init(&o);
	buf_printf(&o, XML_DECL "<w:styles xmlns:w=\"" W_NS "\">"
	    "<w:docDefaults><w:rPrDefault><w:rPr>");
	docx_rfonts(&o, body);
	buf_printf(&o, "<w:kern w:val=\"2\"/><w:sz w:val=\"%d\"/>"
	    "<w:szCs w:val=\"%d\"/><w:lang w:val=\"%s\" w:eastAsia=\"ja-JP\"/>"
	    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	    "<w:spacing w:after=\"120\" w:line=\"%d\" w:lineRule=\"auto\"/>"
	    "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>\n",
	    (int)(x->p.body_pt * 2 + 0.5), (int)(x->p.body_pt * 2 + 0.5),
	    lang, (int)(x->p.line_spacing * 240 / 1.2 + 0.5));
	buf_puts(&o, "<w:style w:type=\"paragraph\" w:default=\"1\" "
	    "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	    "<w:qFormat/></w:style>\n"
	    "<w:style w:type=\"character\" w:default=\"1\" "
	    "w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
	    "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
	    "</w:style>\n"
	    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	    "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr>"
	    "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
	    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
	    "<w:style w:type=\"table\" w:styleId=\"HeaderTable\">"
	    "<w:name w:val=\"Header Table\"/><w:aliases w:val=\"会議の概要\"/>"
	    "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblCellMar>"
	    "<w:top w:w=\"40\" w:type=\"dxa\"/><w:bottom w:w=\"40\" "
	    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n");
	for (s = docx_styles; s->id != NULL; s++) {
		buf_printf(&o, "<w:style w:type=\"%s\" w:customStyle=\"%d\" "
		    "w:styleId=\"%s\"><w:name w:val=\"%s\"/><w:aliases "
		    "w:val=\"%s\"/><w:basedOn w:val=\"%s\"/>%s",
		    s->character ? "character" : "paragraph",
		    strncmp(s->id, "Heading", 7) != 0 &&
		    strcmp(s->id, "Title") != 0 &&
		    strcmp(s->id, "Subtitle") != 0, s->id, s->name, s->alias,
		    s->character ? "DefaultParagraphFont" : "Normal",
		    s->character ? "" : "<w:qFormat/>");
		if (s->ppr != NULL)
			buf_printf(&o, "<w:pPr>%s</w:pPr>", s->ppr);
		buf_puts(&o, "<w:rPr>");
		if (s->head)
			docx_rfonts(&o, head);
		if (s->rpr != NULL)
			buf_puts(&o, s->rpr);
		if (s->half_pt != 0)
			buf_printf(&o, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
			    s->half_pt, s->half_pt);
		buf_puts(&o, "</w:rPr></w:style>\n");
	}
	buf_puts(&o, "</w:styles>\n");
	free(body);
	free(head);
	return buf_detach(&o);
}

static char *
docx_font_table(const struct docx *x)
{
	struct buf	 o;
	char		*body = paper_first_font(x->p.body_font);
	char		*head = paper_first_font(x->p.head_font);

	buf_init(&o);
	buf_puts(&o, XML_DECL "<w:fonts xmlns:w=\"" W_NS "\">");
	docx_fonts(&o, body, "roman", x->p.body_font);
	docx_fonts(&o, head, "modern", x->p.head_font);
	buf_puts(&o, "</w:fonts>\n");
	free(body);
	free(head);
	return buf_detach(&o);
}

static char *
docx_footer(const struct docx *x)
{
	struct buf	 o;

	buf_init(&o);
	buf_puts(&o, XML_DECL "<w:ftr xmlns:w=\"" W_NS "\"><w:p><w:pPr>"
	    "<w:jc w:val=\"center\"/></w:pPr>");
	docx_run(&o, x->p.page_before, strlen(x->p.page_before), NULL);
	buf_puts(&o, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	    "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
	    "<w:r><w:t>1</w:t></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
	docx_run(&o, x->p.page_after, strlen(x->p.page_after), NULL);
	buf_puts(&o, "</w:p></w:ftr>\n");
	return buf_detach(&o);
}

static char *
docx_core(const struct docx *x)
{
	const struct mdoc	*d = x->d;
	const char		*t = d->doc_title != NULL ? d->doc_title :
				    d->title != NULL ? d->title : "";
	struct buf		 o;

	buf_init(&o);
	buf_puts(&o, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas."
	    "openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	    "<dc:title>");
	xml_escape(&o, t, strlen(t), XML_STRICT|XML_SPACE);
	buf_printf(&o, "</dc:title><dc:language>%s</dc:language>",
	    d->o.lang == MINUTES_EN ? "en" : "ja");
	if (d->date_iso != NULL && strlen(d->date_iso) == 10) {
		buf_puts(&o, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
		esc(&o, d->date_iso, 10);
		buf_puts(&o, "T00:00:00Z</dcterms:created>");
	}
	buf_puts(&o, "</cp:coreProperties>\n");
	return buf_detach(&o);
}

static char *
docx_document(struct docx *x)
{
	size_t	 i;
	char	*s;

	buf_init(&x->o);
	buf_puts(&x->o, XML_DECL "<w:document xmlns:w=\"" W_NS "\" "
	    "xmlns:r=\"" R_NS "\"><w:body>\n");
	for (i = 0; i < x->d->n; i++)
		docx_block(x, &x->d->b[i]);
	docx_table_close(x);
	buf_printf(&x->o, "<w:sectPr><w:footerReference w:type=\"default\" "
	    "r:id=\"rIdFooter\"/><w:pgSz w:w=\"%ld\" w:h=\"%ld\"/>"
	    "<w:pgMar w:top=\"%ld\" w:right=\"%ld\" w:bottom=\"%ld\" "
	    "w:left=\"%ld\" w:header=\"%ld\" w:footer=\"%ld\" w:gutter=\"0\"/>"
	    "<w:docGrid w:type=\"lines\" w:linePitch=\"360\"/></w:sectPr>\n"
	    "</w:body></w:document>\n",
	    (long)(x->p.width_mm * TW_PER_MM + 0.5),
	    (long)(x->p.height_mm * TW_PER_MM + 0.5),
	    (long)(x->p.top_mm * TW_PER_MM + 0.5),
	    (long)(x->p.right_mm * TW_PER_MM + 0.5),
	    (long)(x->p.bottom_mm * TW_PER_MM + 0.5),
	    (long)(x->p.left_mm * TW_PER_MM + 0.5),
	    (long)(x->p.top_mm * TW_PER_MM / 2 + 0.5),
	    (long)(x->p.bottom_mm * TW_PER_MM / 2 + 0.5));
	s = buf_detach(&x->o);
	return s;
}

static const char content_types[] = XML_DECL
"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
"</Types>\n";

static const char package_rels[] = XML_DECL
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
"<Relationship Id=\"rId3\" Type=\"" R_NS "/extended-properties\" Target=\"docProps/app.xml\"/>"
"</Relationships>\n";

static const char document_rels[] = XML_DECL
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rIdStyles\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
"<Relationship Id=\"rIdSettings\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>"
"<Relationship Id=\"rIdFonts\" Type=\"" R_NS "/fontTable\" Target=\"fontTable.xml\"/>"
"<Relationship Id=\"rIdFooter\" Type=\"" R_NS "/footer\" Target=\"footer1.xml\"/>"
"</Relationships>\n";

/* Kinsoku and the compression of punctuation are Word's defaults. */
static const char settings[] = XML_DECL
"<w:settings xmlns:w=\"" W_NS "\">"
"<w:defaultTabStop w:val=\"420\"/>"
"<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
"<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
"</w:settings>\n";

static const char app[] = XML_DECL
"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
"extended-properties\"><Application>" PACKAGE_NAME " " PACKAGE_VERSION
"</Application></Properties>\n";

/* The meeting's date at noon UTC, or 1980-01-01 (zip's first day). */
static time_t
docx_mtime(const struct mdoc *d)
{
	struct tm	 tm;
	int		 y, mo, da;

	memset(&tm, 0, sizeof tm);
	if (d->date_iso == NULL || sscanf(d->date_iso, "%4d-%2d-%2d", &y, &mo,
	    &da) != 3 || y < 1980 || y > 2107)
		y = 1980, mo = 1, da = 1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = da;
	tm.tm_hour = 12;
	return timegm(&tm);
}

/* Add a part (which the zip frees); 0, or -1. */
static int
docx_add(zip_t *za, const char *name, char *data, int owned, time_t mtime)
{
	zip_source_t	*src;
	zip_int64_t	 idx;

	src = zip_source_buffer(za, data, strlen(data), owned);
	if (src == NULL) {
		if (owned)
			free(data);
		return -1;
	}
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE,
	    6) != 0 || zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) != 0)
		return -1;
	return 0;
}

char *
minutes_render_docx(const struct mdoc *d, size_t *len)
{
	struct docx	 x;
	zip_error_t	 ze;
	zip_source_t	*out;
	zip_t		*za;
	zip_stat_t	 st;
	time_t		 mtime = docx_mtime(d);
	char		*data = NULL;
	int		 r = 0;

	memset(&x, 0, sizeof x);
	x.d = d;
	paper_settings(d, &x.p);
	x.text_w = (long)((x.p.width_mm - x.p.left_mm - x.p.right_mm) *
	    TW_PER_MM);
	x.em = (long)(x.p.body_pt * 20 + 0.5);

	zip_error_init(&ze);
	if ((out = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL) {
		zip_error_fini(&ze);
		return NULL;
	}
	if ((za = zip_open_from_source(out, ZIP_TRUNCATE, &ze)) == NULL) {
		zip_source_free(out);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_source_keep(out);
	/* [Content_Types].xml first, as readers expect. */
	r |= docx_add(za, "[Content_Types].xml", (char *)content_types, 0,
	    mtime);
	r |= docx_add(za, "_rels/.rels", (char *)package_rels, 0, mtime);
	r |= docx_add(za, "word/document.xml", docx_document(&x), 1, mtime);
	r |= docx_add(za, "word/_rels/document.xml.rels", (char *)document_rels,
	    0, mtime);
	r |= docx_add(za, "word/styles.xml", docx_styles_xml(&x), 1, mtime);
	r |= docx_add(za, "word/settings.xml", (char *)settings, 0, mtime);
	r |= docx_add(za, "word/fontTable.xml", docx_font_table(&x), 1, mtime);
	r |= docx_add(za, "word/footer1.xml", docx_footer(&x), 1, mtime);
	r |= docx_add(za, "docProps/core.xml", docx_core(&x), 1, mtime);
	r |= docx_add(za, "docProps/app.xml", (char *)app, 0, mtime);
	if (r != 0) {
		zip_discard(za);
		zip_source_free(out);
		zip_error_fini(&ze);
		return NULL;
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(out);
		zip_error_fini(&ze);
		return NULL;
	}
	if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
		data = xmalloc(st.size + 1);
		if (zip_source_read(out, data, st.size) != (zip_int64_t)st.size) {
			free(data);
			data = NULL;
		} else {
			data[st.size] = '\0';
			*len = st.size;
		}
		zip_source_close(out);
	}
	zip_source_free(out);
	zip_error_fini(&ze);
	return data;
}
