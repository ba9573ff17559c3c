/* SPDX-License-Identifier: ISC */
/*
 * What a minutes style file may say: every section and key of
 * giji-style(5), with its kind of value and, for a template, the context
 * it is evaluated in (the names it may use). One row each; the catalogue
 * in minutes-style.c, the checker and the manual are generated from it.
 *
 * X(id, section, key, type, context, values, help)
 *   type: SK_TEMPLATE (a template), SK_ENUM (one of values), SK_BOOL
 *   (yes or no), SK_TEXT (plain text, no expansion), SK_LINE (a line of a
 *   list section; repeatable, kept in order).
 */
#ifndef GIJI_MINUTES_KEYS_H
#define GIJI_MINUTES_KEYS_H

#define MINUTES_KEYS(X)							\
	/* [style] */							\
	X(K_STYLE_NAME, "style", "name", SK_TEXT, C_NONE, NULL,		\
	    "the style's name (what --style and meta.set style give)")	\
	X(K_STYLE_DESCRIPTION, "style", "description", SK_TEXT, C_NONE,	\
	    NULL, "one line on what the style is for")			\
	X(K_STYLE_LANGUAGES, "style", "languages", SK_TEXT, C_NONE,	\
	    NULL, "the languages it serves: ja, en or both")		\
	X(K_STYLE_OPTION, "style", "option", SK_LINE, C_NONE, NULL,	\
	    "NAME: VALUE | VALUE …, the first value the default")	\
	X(K_STYLE_USE, "style", "use", SK_TEXT, C_NONE, NULL,		\
	    "print with another style instead (in a [style when …])")	\
	X(K_STYLE_LEAVES_OUT, "style", "leaves_out", SK_TEXT, C_NONE,	\
	    NULL, "what the house leaves out of its minutes on purpose, so that giji does not warn of it (names separated by spaces or commas): movers, seconders, motion_numbers, readings, candidates, decision_numbers, seats, apologies, remote, written, proxies, holders, observers, arrivals, departures, session, reactions, interests, actions, stage_directions, headings") \
	/* [format] */							\
	X(K_DIGITS, "format", "digits", SK_ENUM, C_NONE,		\
	    "half|full|mixed", "digit width of composed numbers")	\
	X(K_WEEKDAY_PARENS, "format", "weekday_parens", SK_ENUM, C_NONE,	\
	    "full|half", "（月） or (月) in #{weekday_paren}; a digit width "	\
	    "given by --digits or meta.set digits chooses instead: （月） for "	\
	    "full, (月) for half and mixed")				\
	X(K_ZERO_MINUTES, "format", "zero_minutes", SK_BOOL, C_NONE,	\
	    NULL, "午後2時00分 (yes) or 午後2時 (no)")			\
	X(K_PAD_MINUTES, "format", "pad_minutes", SK_BOOL, C_NONE, NULL,	\
	    "午後2時05分 (yes) or 午後2時5分 (no)")			\
	X(K_NOON, "format", "noon", SK_ENUM, C_NONE, "am12|shogo|pm0",	\
	    "12:00 as 午前12時, 正午 or 午後0時")			\
	X(K_GANNEN, "format", "gannen", SK_BOOL, C_NONE, NULL,		\
	    "元年 (yes) or 1年 (no) for an era's first year")		\
	X(K_LABELS, "format", "labels", SK_ENUM, C_NONE,		\
	    "role|name_role|name|title", "the default label mode")	\
	X(K_SPACING, "format", "spacing", SK_ENUM, C_NONE,		\
	    "loose|compact|tight",					\
	    "the empty lines of the text minutes (HTML and Markdown space their own): loose, the default, an empty line after every line of a block (each is a paragraph); compact, only after the header, before a heading of the proceedings (a [header] heading takes a gap), and before the closing and each of its lines; tight, only after the header. A template writes others with \\n: under tight, item = #{?group_first,,\\n}#{number} #{heading} sets a group heading and its first item together and the other items apart") \
	X(K_STAFF_LABEL, "format", "staff_label", SK_TEMPLATE, C_DOC,	\
	    NULL, "the staff side's name when meta staff_label is unset") \
	X(K_REDACTION, "format", "redaction", SK_TEMPLATE, C_DOC, NULL,	\
	    "the phrase for non-public passages when meta redaction is unset; " \
	    "every format prints it, the JSON, Akoma Ntoso and Popolo exports " \
	    "too (an empty line before it for the text only goes in a "	\
	    "[format when format=text] section)")				\
	X(K_DATE, "format", "date", SK_TEMPLATE, C_DATE, NULL,		\
	    "a date, the one form of #{date} and #{due_date} (#{meeting_date.NAME} and #{due_on.NAME} write another)") \
	X(K_TIME, "format", "time", SK_TEMPLATE, C_TIME, NULL,		\
	    "a clock time (an English one may end in a period: a.m.; #{chop:#{start},.} avoids a doubled one)") \
	X(K_TIME_RANGE, "format", "time_range", SK_TEMPLATE, C_RANGE,	\
	    NULL, "the meeting's start and end")			\
	/* [header] */							\
	X(K_HEADER_FORM, "header", "form", SK_ENUM, C_NONE,		\
	    "tab|space|block|lines|colon", "how rows are laid out: LABEL TAB VALUE, LABEL and a space, LABEL on its line and the value below, the value alone (the label is not printed: a row's LABEL may be left empty, | VALUE), LABEL: VALUE") \
	X(K_HEADER_ALIGN, "header", "align", SK_ENUM, C_NONE,		\
	    "centre|left", "rows of form = lines in the PDF: centred under " \
	    "the title (the default) or from the left margin (Word keeps " \
	    "every form's rows in the header table, from the left)")	\
	X(K_DOCUMENT_TITLE, "header", "document_title", SK_TEMPLATE,	\
	    C_DOC, NULL, "the document's name (HTML title, JSON)")	\
	X(K_H_TITLE, "header", "title", SK_LINE, C_DOC, NULL,		\
	    "a title line (an empty line when it comes out empty)")	\
	X(K_H_TITLE_IF, "header", "title_if", SK_LINE, C_DOC, NULL,	\
	    "a title line, left out when empty")			\
	X(K_H_SUBTITLE, "header", "subtitle", SK_LINE, C_DOC, NULL,	\
	    "a line under the title (printed when empty too)")		\
	X(K_H_SUBTITLE_IF, "header", "subtitle_if", SK_LINE, C_DOC,	\
	    NULL, "a line under the title, left out when empty")	\
	X(K_H_ROW, "header", "row", SK_LINE, C_DOC, NULL,		\
	    "LABEL | VALUE (| LABEL | VALUE): a row; a second pair is printed by form = tab in text, and in HTML and Markdown, not by the other forms") \
	X(K_H_ROW_IF, "header", "row_if", SK_LINE, C_DOC, NULL,	\
	    "a row left out when its value is empty")			\
	X(K_H_HEADING, "header", "heading", SK_LINE, C_DOC, NULL,	\
	    "a heading, where it stands among the lines")	\
	X(K_H_PARA, "header", "para", SK_LINE, C_DOC, NULL,		\
	    "a paragraph of the header (an opening narrative)")	\
	X(K_H_PARA_IF, "header", "para_if", SK_LINE, C_DOC, NULL,	\
	    "a paragraph left out when empty")				\
	X(K_H_GAP, "header", "gap", SK_LINE, C_NONE, NULL,		\
	    "an empty line after the line before (a title line, a row)") \
	/* [labels] */							\
	X(K_L_OPEN, "labels", "open", SK_TEXT, C_NONE, NULL,		\
	    "before a speaker label: 〔 【")				\
	X(K_L_CLOSE, "labels", "close", SK_TEXT, C_NONE, NULL,		\
	    "after a speaker label: 〕 】")				\
	X(K_L_GAP, "labels", "gap", SK_TEXT, C_NONE, NULL,		\
	    "between the label and the words (in HTML one space when it is " \
	    "not empty: the label is marked up apart; Markdown writes it as " \
	    "it is, after the bold label, and one space before a note under " \
	    "the label)")							\
	X(K_L_OWN_LINE, "labels", "own_line", SK_BOOL, C_NONE, NULL,	\
	    "every label on a line of its own")				\
	X(K_L_ALIGN, "labels", "align", SK_BOOL, C_NONE, NULL,		\
	    "labels padded to the widest")				\
	X(K_L_LETTERSPACE, "labels", "letterspace", SK_BOOL, C_NONE,	\
	    NULL, "a label of two characters letter-spaced with one ASCII " \
	    "space: 【会 長】")						\
	X(K_L_QUOTE_OPEN, "labels", "quote_open", SK_TEXT, C_NONE, NULL, \
	    "before a speech's words: 「")				\
	X(K_L_QUOTE_CLOSE, "labels", "quote_close", SK_TEXT, C_NONE,	\
	    NULL, "after a speech's words: 」")				\
	X(K_L_INDENT, "labels", "indent", SK_TEXT, C_NONE, NULL,	\
	    "before a turn's further paragraphs")			\
	X(K_L_CONTINUE, "labels", "continue_turn", SK_BOOL, C_NONE,	\
	    NULL, "yes: a speech of the one who spoke last, with nothing "	\
	    "but procedural notes between and under the same label, goes " \
	    "on without it (a count, a heading, a reaction, an arrival, a " \
	    "recess or a label of the speech's own ends the turn); no: "	\
	    "every speech has its label")					\
	X(K_L_CHAIR, "labels", "chair", SK_TEMPLATE, C_MEMBER, NULL,	\
	    "the label of the chair. Each label template is the member's, " \
	    "and #{speech} is the speech it labels: #{speech.kind} may "	\
	    "choose a form, #{next:q} number the questions (Q1 Chair)")	\
	X(K_L_VICE, "labels", "vice", SK_TEMPLATE, C_MEMBER, NULL,	\
	    "of a vice-chair (default: as a member)")			\
	X(K_L_MEMBER, "labels", "member", SK_TEMPLATE, C_MEMBER, NULL,	\
	    "of a member")						\
	X(K_L_STAFF, "labels", "staff", SK_TEMPLATE, C_MEMBER, NULL,	\
	    "of staff")							\
	X(K_L_OTHER, "labels", "other", SK_TEMPLATE, C_MEMBER, NULL,	\
	    "of anyone else (group, observer)")				\
	X(K_L_UNKNOWN, "labels", "unknown", SK_TEMPLATE, C_SPEECH, NULL,	\
	    "of a speaker not on the roster")				\
	/* [agenda] */							\
	X(K_A_NUMBER, "agenda", "number", SK_TEMPLATE, C_ITEM, NULL,	\
	    "an item's number as printed (#{number})")			\
	X(K_A_PROCEDURE, "agenda", "procedure", SK_TEMPLATE, C_ITEM,	\
	    NULL, "the heading of a procedure item")			\
	X(K_A_PROCEDURE_LEVEL, "agenda", "procedure_level", SK_TEMPLATE,	\
	    C_ITEM, NULL, "its level, 1 to 3")				\
	X(K_A_PROCEDURE_TEXT, "agenda", "procedure_text", SK_ENUM,	\
	    C_NONE, "keep|paragraph",					\
	    "what a procedure item's speeches and notes become")	\
	X(K_A_SEPARATOR, "agenda", "separator", SK_TEMPLATE, C_ITEM,	\
	    NULL, "a line between items (―――*―――): before the headings of an item opened after anything else of the proceedings") \
	X(K_A_FIRST, "agenda", "first", SK_TEMPLATE, C_ITEM, NULL,	\
	    "a heading before the first item that is not a procedure")	\
	X(K_A_FIRST_LEVEL, "agenda", "first_level", SK_TEMPLATE, C_ITEM,	\
	    NULL, "its level")						\
	X(K_A_GROUP, "agenda", "group", SK_TEMPLATE, C_ITEM, NULL,	\
	    "a heading when the section changes")			\
	X(K_A_GROUP_LEVEL, "agenda", "group_level", SK_TEMPLATE, C_ITEM,	\
	    NULL, "its level")						\
	X(K_A_ITEM, "agenda", "item", SK_TEMPLATE, C_ITEM, NULL,	\
	    "an item's heading")					\
	X(K_A_ITEM_LEVEL, "agenda", "item_level", SK_TEMPLATE, C_ITEM,	\
	    NULL, "its level")						\
	X(K_A_CONTINUED, "agenda", "continued", SK_TEMPLATE, C_ITEM,	\
	    NULL, "what follows an item's heading printed again where "	\
	    "the item is opened again after another item was (its "	\
	    "business resumed, or a wrong item opened first): （続き）, "	\
	    "(continued); empty: the heading alone")			\
	X(K_A_JOINT, "agenda", "joint", SK_ENUM, C_NONE, "each|one",	\
	    "items taken together: a heading each, or one")		\
	X(K_A_DECISIONS, "agenda", "decisions", SK_ENUM, C_NONE,	\
	    "inline|first", "decisions where recorded, or first under the item") \
	X(K_A_AFTER_DECISIONS, "agenda", "after_decisions", SK_TEMPLATE,	\
	    C_ITEM, NULL, "a heading after the decisions put first")	\
	X(K_A_AFTER_DECISIONS_LEVEL, "agenda", "after_decisions_level",	\
	    SK_TEMPLATE, C_ITEM, NULL, "its level")			\
	/* [speech] */							\
	X(K_S_CHAIR, "speech", "chair", SK_ENUM, C_NONE,		\
	    "labelled|plain|question|omit", "how the chair's speeches print") \
	X(K_S_MEMBER, "speech", "member", SK_ENUM, C_NONE,		\
	    "labelled|plain|question|omit", "members' speeches")	\
	X(K_S_STAFF, "speech", "staff", SK_ENUM, C_NONE,		\
	    "labelled|plain|question|omit", "staff speeches")		\
	X(K_S_OTHER, "speech", "other", SK_ENUM, C_NONE,		\
	    "labelled|plain|question|omit", "anyone else's")		\
	X(K_S_OUTSIDE, "speech", "outside_items", SK_ENUM, C_NONE,	\
	    "keep|omit", "speeches outside any item")			\
	X(K_S_PROCEDURE, "speech", "procedure_items", SK_ENUM, C_NONE,	\
	    "keep|omit", "speeches in procedure items")		\
	X(K_S_EXPLANATION, "speech", "explanation_own_line", SK_BOOL,	\
	    C_NONE, NULL, "an explanation's label on its own line")	\
	X(K_S_NOTE_SPLIT, "speech", "opening_note", SK_ENUM, C_NONE,	\
	    "keep|split",						\
	    "a speech that opens with （…） prints it as a note of its label") \
	X(K_S_TIMED, "speech", "timed_note", SK_TEMPLATE, C_DURATION,	\
	    NULL, "such a note with the time it took")			\
	X(K_S_NOTE_OWN_LINE, "speech", "note_own_line", SK_BOOL, C_NONE,	\
	    NULL, "an untimed note alone under its label")		\
	X(K_S_EXPLAINED, "speech", "report_explained", SK_TEMPLATE,	\
	    C_ITEM, NULL, "a line before a report's first plain speech") \
	X(K_S_OTHER_SECTION, "speech", "other_section", SK_TEMPLATE,	\
	    C_SPEECH, NULL,						\
	    "a plain speech labelled with another section than the item's") \
	/* [note] */							\
	X(K_N_MODE, "note", "notes", SK_ENUM, C_NONE, "keep|omit",	\
	    "procedural notes")						\
	X(K_N_OUTSIDE, "note", "outside_items", SK_ENUM, C_NONE,	\
	    "keep|omit", "notes outside any item")			\
	X(K_N_BEFORE_SPEECH, "note", "before_speech", SK_ENUM, C_NONE,	\
	    "keep|subheading", "a note just before a speech: a paragraph of its own (keep), or set between the speaker's label and the words (subheading: the label, then the note, then the speech)") \
	X(K_N_NARRATIVE, "note", "narrative", SK_TEMPLATE, C_NOTE, NULL, \
	    "a procedural note (note kind narrative, the default): two full-width spaces (U+3000) written before #{text} indent it (its first line); unset or empty, the note is printed as typed") \
	X(K_N_STAGE, "note", "stage", SK_TEMPLATE, C_NOTE, NULL,	\
	    "a stage direction (note kind stage)")			\
	X(K_N_HEADING, "note", "heading", SK_TEMPLATE, C_NOTE, NULL,	\
	    "a heading where it stands (note kind heading): inside an item or between items") \
	X(K_N_HEADING_LEVEL, "note", "heading_level", SK_TEMPLATE,	\
	    C_NOTE, NULL, "its level, 1 to 3")				\
	/* [reaction], [interest], [action] */				\
	X(K_R_LINE, "reaction", "line", SK_TEMPLATE, C_REACTION, NULL,	\
	    "what the room said or did, on its own line")		\
	X(K_R_INLINE, "reaction", "inline", SK_TEMPLATE, C_REACTION,	\
	    NULL, "the same inside the speech it interrupted")		\
	X(K_I_LINE, "interest", "line", SK_TEMPLATE, C_INTEREST, NULL,	\
	    "a declaration of interest")				\
	X(K_AC_LINE, "action", "line", SK_TEMPLATE, C_ACTION, NULL,	\
	    "an action where it was recorded")				\
	X(K_AC_SUMMARY_HEADING, "action", "summary_heading",		\
	    SK_TEMPLATE, C_DOC, NULL,					\
	    "the heading of the summary of actions ([closing] actions), "	\
	    "at level 1 (## in Markdown)")				\
	X(K_AC_SUMMARY_LINE, "action", "summary_line", SK_TEMPLATE,	\
	    C_ACTION, NULL, "an action in that summary")		\
	/* [meeting.open] */						\
	X(K_MO_LINE, "meeting.open", "line", SK_TEMPLATE, C_EVENT, NULL,	\
	    "a line where the meeting opens")				\
	X(K_MO_AS, "meeting.open", "as", SK_ENUM, C_NONE,		\
	    "heading|note|para", "what that line is")			\
	X(K_MO_QUORUM, "meeting.open", "quorum", SK_TEMPLATE, C_QUORUM,	\
	    NULL, "the quorum line, a note right after the opening's line " \
	    "(where meeting.open stands in the record): the members the "	\
	    "attendance gives present against the quorum, printed only "	\
	    "when meta.set seats is set (an open meeting's voters counted "	\
	    "at the door are a note's)")					\
	X(K_MO_QUORUM_WHEN, "meeting.open", "quorum_when", SK_ENUM,	\
	    C_NONE, "always|not_met|never", "when it prints")		\
	/* [meeting.close] */						\
	X(K_MC_LINE, "meeting.close", "line", SK_TEMPLATE, C_EVENT, NULL,	\
	    "a line where the meeting closes: a block of the proceedings, "	\
	    "not of [closing] (under spacing compact or tight no empty "	\
	    "line comes before a note or a para here unless the template "	\
	    "starts with \\n)")					\
	X(K_MC_AS, "meeting.close", "as", SK_ENUM, C_NONE,		\
	    "heading|note|para", "what that line is")			\
	/* [recess], [resume], [attendance] */				\
	X(K_RECESS, "recess", "line", SK_TEMPLATE, C_EVENT, NULL,	\
	    "a recess")							\
	X(K_RESUME, "resume", "line", SK_TEMPLATE, C_EVENT, NULL,	\
	    "the meeting resumes")					\
	X(K_ARRIVED, "attendance", "arrived", SK_TEMPLATE, C_ATTEND,	\
	    NULL, "someone arrives after the opening")			\
	X(K_LEFT, "attendance", "left", SK_TEMPLATE, C_ATTEND, NULL,	\
	    "someone leaves before the end")				\
	/* [vote.call] */						\
	X(K_VC_MOTION, "vote.call", "motion", SK_TEMPLATE, C_VOTE, NULL,	\
	    "a vote called with a motion")				\
	X(K_VC_MOTION_AS, "vote.call", "motion_as", SK_ENUM, C_NONE,	\
	    "note|para", "what that line is")				\
	X(K_VC_NO_MOTION, "vote.call", "no_motion", SK_TEMPLATE, C_VOTE,	\
	    NULL, "a vote called without one")				\
	X(K_VC_NO_MOTION_AS, "vote.call", "no_motion_as", SK_ENUM,	\
	    C_NONE, "note|para", "what that line is")			\
	X(K_VC_UNLESS, "vote.call", "unless_said", SK_TEMPLATE, C_VOTE,	\
	    NULL, "the line is left out when a speech or note beside it says this") \
	/* [vote.tally] */						\
	X(K_VT_LINE, "vote.tally", "line", SK_TEMPLATE, C_TALLY, NULL,	\
	    "the count")						\
	X(K_VT_AS, "vote.tally", "as", SK_ENUM, C_NONE,		\
	    "note|para", "what that line is")				\
	X(K_VT_CONSENT, "vote.tally", "consent", SK_TEMPLATE, C_TALLY,	\
	    NULL, "the count of a vote by consent, when it differs")	\
	X(K_VT_CONSENT_AS, "vote.tally", "consent_as", SK_ENUM, C_NONE,	\
	    "note|para", "what that line is")				\
	X(K_VT_UNLESS, "vote.tally", "unless_said", SK_TEMPLATE, C_TALLY,	\
	    NULL, "the line is left out when a speech or note beside it says this") \
	X(K_VT_NO_QUORUM, "vote.tally", "no_quorum", SK_TEMPLATE,	\
	    C_TALLY, NULL,						\
	    "a line of its own when the vote fails for want of a quorum") \
	X(K_VT_RECOUNT, "vote.tally", "recount", SK_TEMPLATE, C_TALLY,	\
	    NULL, "internal version: a count a recount replaced")	\
	X(K_VT_NAMES, "vote.tally", "names", SK_TEMPLATE, C_TALLY, NULL,	\
	    "a roll call's names by answer, printed as a block of its own after the line; to have them in the line (YEAS: … NAYS: … CARRIED), write them there with #{each:choices,…} and clear this key") \
	/* [vote.result] */						\
	X(K_VR_LINE, "vote.result", "line", SK_TEMPLATE, C_VOTE, NULL,	\
	    "a result declared with no count before it and no decision on it (a voice vote); after a count (a tally of unanimous: true is one) [vote.tally] line gives the result and this line is not printed; with a decision on the vote [decision] line prints in its place (after a count as well as the tally's line: a style that words the result once hides one of them, #{?vote.counted,,…}), where #{vote.result} is carried or failed (CARRIED in the decision's own line: #{?#{==:#{vote.result},carried},CARRIED,LOST})") \
	X(K_VR_AS, "vote.result", "as", SK_ENUM, C_NONE,		\
	    "note|para", "what that line is")				\
	X(K_VR_UNLESS, "vote.result", "unless_said", SK_TEMPLATE, C_VOTE, \
	    NULL, "the line is left out when a speech or note beside it says this") \
	X(K_VR_MISMATCH, "vote.result", "mismatch", SK_TEMPLATE,	\
	    C_TALLY, NULL,						\
	    "internal version: a declared result the count does not bear out") \
	/* [decision] */						\
	X(K_D_TEXT, "decision", "text", SK_TEMPLATE, C_DECISION, NULL,	\
	    "a decision recorded with its own text (cleared: nothing)")	\
	X(K_D_LINE, "decision", "line", SK_TEMPLATE, C_DECISION, NULL,	\
	    "a decision without its own text")				\
	X(K_D_AS, "decision", "as", SK_ENUM, C_NONE,			\
	    "para|lines|note", "what the line is")			\
	X(K_D_JOINT_AS, "decision", "joint_as", SK_ENUM, C_NONE,	\
	    "para|lines|note", "what it is for items taken together")	\
	X(K_D_EACH, "decision", "each_item", SK_BOOL, C_NONE, NULL,	\
	    "a line for each item decided")				\
	X(K_D_UNLESS, "decision", "unless_said", SK_TEMPLATE, C_DECISION,	\
	    NULL, "left out when a speech or note beside it says this"	\
	    " (a decision with its own text too)")			\
	X(K_D_UNLESS_BY, "decision", "unless_said_by", SK_ENUM, C_NONE,	\
	    "anyone|chair", "whose words count for unless_said: anyone's"\
	    " speech or a note or line printed beside it (the style's own"\
	    " lines too), or only the presiding member's (kind chair or"\
	    " presiding; an acting chair of another kind is not) and"	\
	    " notes")							\
	/* [signer] */							\
	X(K_SG_LINE, "signer", "line", SK_TEMPLATE, C_SIGNER, NULL,	\
	    "a minute-signer named")					\
	X(K_SG_UNLESS, "signer", "unless_said", SK_TEMPLATE, C_SIGNER,	\
	    NULL, "left out when a speech or note beside it says this (the"\
	    " chair who named the signer)")				\
	X(K_SG_UNDER, "signer", "place_under", SK_TEXT, C_NONE, NULL,	\
	    "signers named outside any item go under the procedure item whose title holds this") \
	/* [signature] */						\
	X(K_SIGNATURE, "signature", "block", SK_TEMPLATE, C_DOC, NULL,	\
	    "the signature block")					\
	X(K_SIG_LINES, "signature", "lines", SK_ENUM, C_NONE, "1|2|3|4",	\
	    "the lines each signer takes after the block's head; PDF and "	\
	    "Word leave a ruled space to sign after each signer's last "	\
	    "(the base style: 2 in Japanese, a title then a name; 1 in "	\
	    "English); an empty line among the signers is not one of "	\
	    "them (it parts two signers in text: count only the lines "	\
	    "with words); the text, Markdown and HTML print the block's "	\
	    "lines as they are")					\
	X(K_SIG_HEAD, "signature", "head", SK_ENUM, C_NONE,		\
	    "0|1|2|3|4|5|6",						\
	    "the lines of the block before the first signer, set to the "	\
	    "left in PDF and Word: the declaration (1, the default), with a "	\
	    "date and the body's name under it (3), or none (0: the block "	\
	    "starts with the first signer); every line counts, an empty "	\
	    "one too (unlike lines); PDF and Word only")			\
	X(K_SIG_AS, "signature", "as", SK_ENUM, C_NONE, "para|lines",	\
	    "what the block is in text, Markdown and HTML: a paragraph "	\
	    "for each line (para, the default: an empty line after each "	\
	    "under loose spacing), or lines that follow each other, with "	\
	    "an empty line after the last (lines: Respectfully submitted, "	\
	    "the name, the office)")					\
	/* [closing] */							\
	X(K_C_LINE, "closing", "line", SK_LINE, C_DOC, NULL,		\
	    "a closing line")						\
	X(K_C_LINE_IF, "closing", "line_if", SK_LINE, C_DOC, NULL,	\
	    "a closing line, left out when empty")			\
	X(K_C_HEADING, "closing", "heading", SK_LINE, C_DOC, NULL,	\
	    "a heading among the closing blocks (a summary's), left out "	\
	    "when empty; at level 1 (## in Markdown, as a procedure "	\
	    "item's by default)")					\
	X(K_C_PARA, "closing", "para", SK_LINE, C_DOC, NULL,		\
	    "paragraphs, one a line of the template's text, set as the "	\
	    "proceedings' are (not to the right in PDF and Word as a "	\
	    "closing line is), left out when empty: a numbered summary")	\
	X(K_C_SIGNATURE, "closing", "signature", SK_LINE, C_NONE, NULL,	\
	    "the signature block here")					\
	X(K_C_NOTICE, "closing", "notice", SK_LINE, C_NONE, NULL,	\
	    "meta notice here, a paragraph a line")			\
	X(K_C_ACTIONS, "closing", "actions", SK_LINE, C_NONE, NULL,	\
	    "the summary of actions here")				\
	/* [anchor] */							\
	X(K_ANCHOR, "anchor", "line", SK_TEMPLATE, C_DOC, NULL,		\
	    "the last line: the log's head hash and count (giji verify --head)") \
	X(K_UNVERIFIED, "anchor", "unverified", SK_TEMPLATE, C_DOC, NULL, \
	    "under the header of minutes made with --unverified (required)") \
	/* [appendix] */						\
	X(K_AP_HEADING, "appendix", "heading", SK_TEMPLATE, C_DOC, NULL,	\
	    "internal version: the heading of the corrections")	\
	X(K_AP_LINE, "appendix", "line", SK_TEMPLATE, C_CORRECTION,	\
	    NULL, "one correction")

enum mkey {
#define MKEY_ENUM(id, sec, key, type, ctx, values, help) id,
	MINUTES_KEYS(MKEY_ENUM)
#undef MKEY_ENUM
	K_COUNT
};

#endif
