/* SPDX-License-Identifier: ISC */
/*
 * The names a minutes template may use, context by context: one row each
 * in mnames[], with the function that gives its value. The same table
 * checks a style (minutes-style.c: a name not here is an error at its
 * line and column), answers the evaluator (mscope_get) and is listed in
 * giji-style(5).
 *
 * Besides the rows: in the context of an event, every data field of its
 * type in the vocabulary (event.c) is a name, its value as recorded; a
 * field that names a member, an item or a vote also opens that object
 * (speaker.name, item.title); meta.FIELD is any meta.set field and
 * option.NAME the style option's value; index, first and last are an
 * element's place in its list, nth its place among those printed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "event.h"
#include "jdate.h"
#include "json.h"
#include "minutes-build.h"
#include "nearest.h"
#include "utf8.h"
#include "vote-report.h"
#include "vote.h"
#include "xmalloc.h"

const char *const mctx_names[C_COUNT] = {
	"none", "document", "member", "item", "speech", "note", "vote",
	"tally", "decision", "signer", "attendance", "event", "quorum",
	"material", "timeline", "correction", "date", "time", "time range",
	"duration", "choice", "secretariat group", "deliberation",
	"reaction", "interest", "action"
};

#define B(sc)	((struct builder *)(sc)->arg)

/* ------------------------------------------------------------ values */

static int
text(struct tval *v, const char *s)
{
	v->type = TVAL_TEXT;
	v->s = s != NULL ? s : "";
	return 0;
}

static int
text_own(struct tval *v, char *s)
{
	v->type = TVAL_TEXT;
	v->own = s;
	v->s = s != NULL ? s : "";
	return 0;
}

static int
user(struct tval *v, const char *s)
{
	v->type = TVAL_USER;
	v->s = s != NULL ? s : "";
	return 0;
}

static int
user_own(struct tval *v, char *s)
{
	v->type = TVAL_USER;
	v->own = s;
	v->s = s != NULL ? s : "";
	return 0;
}

static int
num(struct tval *v, long n)
{
	v->type = TVAL_NUM;
	v->n = n;
	return 0;
}

static int
flag(struct tval *v, int on)
{
	return num(v, on ? 1 : 0);
}

static int
obj(struct tval *v, enum mctx ctx, const void *p)
{
	v->type = TVAL_OBJ;
	v->ctx = ctx;
	v->p = p;
	return 0;
}

static int
list(struct tval *v, struct mlist *l)
{
	v->type = TVAL_LIST;
	v->ctx = l->ctx;
	v->p = l;
	v->n = (long)l->n;
	return 0;
}

/* A number, or nothing when the meta field is unset. */
static int
meta_num(const struct tpl_scope *sc, struct tval *v, const char *key)
{
	const struct meeting	*m = B(sc)->m;
	long			 n = meeting_meta_long(m, key, -1);

	if (n < 0)
		return text(v, "");
	return num(v, n);
}

/* ---------------------------------------------------------- document */

#define D(sc)	(B(sc)->d)
#define M(sc)	(B(sc)->m)

/* The document's names, where a context's own hide them. */
static int
d_document(const struct tpl_scope *sc, struct tval *v)
{
	return obj(v, C_DOC, M(sc));
}

static int
d_meeting(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->title);
}

/*
 * The meeting's name with the body reduced to its kind: 令和４年度第１回
 * 情報公開・個人情報保護審議会 gives 令和４年度第１回審議会. A name without
 * 第…回 or without a known kind of body is kept whole.
 */
static int
d_meeting_short(const struct tpl_scope *sc, struct tval *v)
{
	static const char *const kinds[] = { "審議会", "審査会", "委員会",
	    "協議会", "懇談会", "会議" };
	const char	*title = D(sc)->title, *dd = strstr(title, "第"), *r;
	size_t		 k, tl = strlen(title), kl;

	if (dd == NULL || (r = strstr(dd, "回")) == NULL)
		return text(v, title);
	r += strlen("回");
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		kl = strlen(kinds[k]);
		if (tl >= kl && (size_t)(r - title) + kl <= tl &&
		    strcmp(title + tl - kl, kinds[k]) == 0)
			return text_own(v, xasprintf("%.*s%s",
			    (int)(r - title), title, kinds[k]));
	}
	return text(v, title);
}

static int
d_session_line(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->session_line);
}

#define META_USER(fn, key)						\
static int								\
fn(const struct tpl_scope *sc, struct tval *v)				\
{									\
	return user(v, meeting_meta_str(M(sc), key, ""));		\
}
META_USER(d_title, "title")
META_USER(d_body, "body")
META_USER(d_place, "place")
META_USER(d_secretariat, "secretariat")
META_USER(d_contact, "contact")
META_USER(d_closed_reason, "closed_reason")
META_USER(d_notice, "notice")
META_USER(d_session, "session")
META_USER(d_quorum, "quorum")
META_USER(d_public, "public")
META_USER(d_rule, "rule")

static int
d_date(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->date_text);
}

static int
d_meeting_date(const struct tpl_scope *sc, struct tval *v)
{
	return obj(v, C_DATE, B(sc)->date.y != 0 ? &B(sc)->date : NULL);
}

static int
d_start(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->start_text);
}

static int
d_end(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->end_text);
}

static int
d_time_range(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->range_text);
}

static int
d_seats(const struct tpl_scope *sc, struct tval *v)
{
	return meta_num(sc, v, "seats");
}

static int
d_ordinal(const struct tpl_scope *sc, struct tval *v)
{
	return meta_num(sc, v, "ordinal");
}

static int
d_observers(const struct tpl_scope *sc, struct tval *v)
{
	return meta_num(sc, v, "observers");
}

/* Seats, else the voting members on the roster. */
static int
d_membership(const struct tpl_scope *sc, struct tval *v)
{
	const struct meeting	*m = M(sc);
	size_t			 i;
	long			 n = 0;

	for (i = 0; i < m->nmembers; i++)
		n += mb_voting(&m->members[i]);
	return num(v, meeting_meta_long(m, "seats", n));
}

static int
d_head(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, M(sc)->last_hash);
}

static int
d_head16(const struct tpl_scope *sc, struct tval *v)
{
	return text_own(v, xstrndup(M(sc)->last_hash, 16));
}

static int
d_events(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, (long)M(sc)->last_seq);
}

static int
d_unverified(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, M(sc)->unverified);
}

static int
d_year(const struct tpl_scope *sc, struct tval *v)
{
	const char	*iso = D(sc)->date_iso;

	if (iso == NULL || strlen(iso) < 4)
		return text(v, "");
	return num(v, strtol(iso, NULL, 10));
}

static int
d_fiscal_year(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, D(sc)->fiscal_year);
}

static int
d_lang(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, B(sc)->en ? "en" : "ja");
}

static int
d_labels(const struct tpl_scope *sc, struct tval *v)
{
	static const char *const names[] = { "role", "name_role", "name",
	    "title" };

	return text(v, names[D(sc)->o.labels]);
}

static int
d_internal(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, !D(sc)->o.public);
}

static int
d_staff_label(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, B(sc)->staff_label);
}

static int
d_redaction(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, D(sc)->redaction);
}

static int
d_chair(const struct tpl_scope *sc, struct tval *v)
{
	int	 ci = mb_chair_index(M(sc));

	return obj(v, C_MEMBER, ci >= 0 ? &M(sc)->members[ci] : NULL);
}

static int
d_item(const struct tpl_scope *sc, struct tval *v)
{
	int	 i = B(sc)->cur_item;

	return obj(v, C_ITEM, i >= 0 && (size_t)i < M(sc)->nitems ?
	    &M(sc)->items[i] : NULL);
}

enum { L_MEMBERS = 1, L_STAFF, L_ROSTER, L_ITEMS, L_MATERIALS, L_TIMELINE,
    L_SIGNERS, L_SECGROUPS, L_DELIBS, L_DEC_ITEMS, L_CHOICES, L_CHOICE,
    L_SECGROUP, L_DELIB_ITEMS, L_DELIB_ATTENDING, L_JOINT, L_VOTES };

static int
d_members(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	struct mlist		*l = mb_list(b, C_MEMBER, NULL, L_MEMBERS);
	const struct meeting	*m = b->m;
	size_t			 i;
	int			 pass;

	if (l->n == 0) {
		/* The chair first, then the others in roster order. */
		for (pass = 0; pass < 2; pass++) {
			for (i = 0; i < m->nmembers; i++) {
				const struct member *mb = &m->members[i];

				if (mb_voting(mb) && (pass == 0) ==
				    (mb->kind == MK_CHAIR))
					mb_list_add(l, mb);
			}
		}
	}
	return list(v, l);
}

static int
d_staff(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	struct mlist	*l = mb_list(b, C_MEMBER, NULL, L_STAFF);
	size_t		 i;

	if (l->n == 0) {
		for (i = 0; i < b->m->nmembers; i++) {
			if (b->m->members[i].kind == MK_STAFF)
				mb_list_add(l, &b->m->members[i]);
		}
	}
	return list(v, l);
}

static int
d_roster(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	struct mlist	*l = mb_list(b, C_MEMBER, NULL, L_ROSTER);
	size_t		 i;

	if (l->n == 0) {
		for (i = 0; i < b->m->nmembers; i++)
			mb_list_add(l, &b->m->members[i]);
	}
	return list(v, l);
}

static int
d_items(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	struct mlist	*l = mb_list(b, C_ITEM, NULL, L_ITEMS);
	size_t		 i;

	if (l->n == 0) {
		for (i = 0; i < b->m->nitems; i++)
			mb_list_add(l, &b->m->items[i]);
	}
	return list(v, l);
}

static int
d_materials(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	struct mlist	*l = mb_list(b, C_MATERIAL, NULL, L_MATERIALS);
	size_t		 i;

	if (l->n == 0) {
		for (i = 0; i < b->m->nmaterials; i++) {
			if (!(b->m->materials[i].flags & ENTRY_RETRACTED))
				mb_list_add(l, &b->m->materials[i]);
		}
	}
	return list(v, l);
}

/*
 * Every vote called and not retracted, in the order called: a summary of
 * resolutions at the end (the working group's), made from the record,
 * not typed again.
 */
static int
d_votes(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	struct mlist	*l = mb_list(b, C_VOTE, NULL, L_VOTES);
	size_t		 i;

	if (l->n == 0) {
		for (i = 0; i < b->m->nvotes; i++)
			mb_list_add(l, &b->m->votes[i]);
	}
	return list(v, l);
}

/* Notes recorded outside any item (the written meeting's timeline). */
static int
d_timeline(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	struct mlist	*l = mb_list(b, C_TIMELINE, NULL, L_TIMELINE);
	size_t		 i;

	if (l->n == 0) {
		for (i = 0; i < b->m->nentries; i++) {
			const struct entry *e = &b->m->entries[i];

			if (e->item < 0 && e->etype == EV_NOTE &&
			    !(e->flags & ENTRY_RETRACTED))
				mb_list_add(l, e);
		}
	}
	return list(v, l);
}

/* Minute-signers other than the chair, each once, in the order named. */
static int
d_signers(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct meeting	*m = b->m;
	struct mlist		*l = mb_list(b, C_MEMBER, NULL, L_SIGNERS);
	size_t			 i, j;
	int			 ci = mb_chair_index(m), dup;

	if (l->n == 0) {
		for (i = 0; i < m->nsigners; i++) {
			const struct signer *sg = &m->signers[i];

			if (sg->member < 0 || sg->member == ci)
				continue;
			for (dup = 0, j = 0; j < i; j++)
				dup |= m->signers[j].member == sg->member;
			if (!dup)
				mb_list_add(l, &m->members[sg->member]);
		}
	}
	return list(v, l);
}

static int
same_org(const struct member *a, const struct member *c)
{
	return (a->org == NULL && c->org == NULL) || (a->org != NULL &&
	    c->org != NULL && strcmp(a->org, c->org) == 0);
}

static int
secretariat(const struct member *mb)
{
	return mb->kind == MK_STAFF && mb->side != NULL &&
	    strcmp(mb->side, "secretariat") == 0;
}

/* The secretariat's staff by organisation: the first member of each. */
static int
d_secgroups(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct meeting	*m = b->m;
	struct mlist		*l = mb_list(b, C_SECGROUP, NULL, L_SECGROUPS);
	size_t			 i, j;
	int			 seen;

	if (l->n == 0) {
		for (i = 0; i < m->nmembers; i++) {
			if (!secretariat(&m->members[i]))
				continue;
			for (seen = 0, j = 0; j < i && !seen; j++)
				seen = secretariat(&m->members[j]) &&
				    same_org(&m->members[j], &m->members[i]);
			if (!seen)
				mb_list_add(l, &m->members[i]);
		}
	}
	return list(v, l);
}

/* Deliberations: each item that is not a procedure nor taken with another. */
static int
d_delibs(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct meeting	*m = b->m;
	struct mlist		*l = mb_list(b, C_DELIB, NULL, L_DELIBS);
	size_t			 i;

	if (l->n == 0) {
		for (i = 0; i < m->nitems; i++) {
			const struct item *it = &m->items[i];

			if ((it->kind == NULL || strcmp(it->kind,
			    "procedure") != 0) && it->joint_with < 0)
				mb_list_add(l, it);
		}
	}
	return list(v, l);
}

/* ------------------------------------------------------------ member */

#define MB(sc)	((const struct member *)(sc)->p)

static int
m_id(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->id);
}

static int
m_name(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->name);
}

static int
m_full_name(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->full_name);
}

static int
m_honorific(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->honorific);
}

static int
m_reading(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->reading);
}

static int
m_role(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->role);
}

static int
m_kind(const struct tpl_scope *sc, struct tval *v)
{
	static const char *const kinds[] = { "member", "chair", "vice",
	    "staff", "group", "observer", "presiding" };

	return text(v, kinds[MB(sc)->kind]);
}

static int
m_org(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->org);
}

static int
m_org_section(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, mb_section_of(MB(sc)->org));
}

static int
m_side(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->side);
}

static int
m_present(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->att != ATT_ABSENT);
}

/* Present in person: not absent, not by a paper (in writing, by proxy). */
static int
m_in_room(const struct tpl_scope *sc, struct tval *v)
{
	const struct member	*mb = MB(sc);

	return flag(v, mb->att != ATT_ABSENT && !mb->written && !mb->proxy);
}

static int
m_absent(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->att == ATT_ABSENT);
}

static int
m_arrived(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->arrived);
}

static int
m_left(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->departed);
}

/* When the member arrived late or left, in the style's time form. */
static int
m_arrived_time(const struct tpl_scope *sc, struct tval *v)
{
	if (!MB(sc)->arrived || MB(sc)->arrived_ts == 0)
		return text(v, "");
	return text_own(v, mb_fmt_ts_time(B(sc), MB(sc)->arrived_ts));
}

static int
m_left_time(const struct tpl_scope *sc, struct tval *v)
{
	if (!MB(sc)->departed || MB(sc)->left_ts == 0)
		return text(v, "");
	return text_own(v, mb_fmt_ts_time(B(sc), MB(sc)->left_ts));
}

static int
m_seat(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->seat);
}

static int
m_remote(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->remote);
}

static int
m_apologies(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->apologies);
}

static int
m_written(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->written);
}

static int
m_proxy(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, MB(sc)->proxy);
}

static int	hidden(const struct tpl_scope *, int);
static int	scope_redacted(const struct tpl_scope *);

static int
m_holder_member(const struct tpl_scope *sc, struct tval *v)
{
	const struct member	*mb = MB(sc);
	int			 i;

	i = mb->holder != NULL ? meeting_member(M(sc), mb->holder) : -1;
	return obj(v, C_MEMBER, i >= 0 ? &M(sc)->members[i] : NULL);
}

/* The proxy's holder: a member's name when it is a member's id. */
static int
m_holder(const struct tpl_scope *sc, struct tval *v)
{
	const struct member	*mb = MB(sc);
	int			 i;

	if (mb->holder == NULL)
		return user(v, NULL);
	if ((i = meeting_member(M(sc), mb->holder)) >= 0)
		return user(v, M(sc)->members[i].name);
	/* A name typed in a closed session (att_note's attendance). */
	if (hidden(sc, mb->att_note_redacted))
		return user(v, D(sc)->redaction);
	return user(v, mb->holder);
}

static int
m_att_note(const struct tpl_scope *sc, struct tval *v)
{
	if (MB(sc)->att_note != NULL && hidden(sc, MB(sc)->att_note_redacted))
		return user(v, D(sc)->redaction);
	return user(v, MB(sc)->att_note);
}

static int
m_voting(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, mb_voting(MB(sc)));
}

/* No staff member before it has the same role (or name, without one). */
static int
m_first_of_role(const struct tpl_scope *sc, struct tval *v)
{
	const struct meeting	*m = M(sc);
	const struct member	*mb = MB(sc), *o;
	const char		*r = mb->role != NULL ? mb->role : mb->name;

	for (o = m->members; o < mb; o++) {
		if (o->kind == MK_STAFF && strcmp(o->role != NULL ? o->role :
		    o->name, r) == 0)
			return flag(v, 0);
	}
	return flag(v, 1);
}

/*
 * What the builder counts of the member's speeches so far (their entry
 * in the label cache), or NULL for a speaker not on the roster.
 */
static const struct label_cache *
member_counts(const struct tpl_scope *sc)
{
	const struct meeting	*m = M(sc);
	size_t			 i;

	for (i = 0; B(sc)->labels != NULL && i < m->nmembers; i++) {
		if (&m->members[i] == MB(sc))
			return &B(sc)->labels[i];
	}
	return NULL;
}

/* The role the member's signer events give (the last that gives one). */
static int
m_signer_role(const struct tpl_scope *sc, struct tval *v)
{
	const struct meeting	*m = M(sc);
	const char		*role = NULL;
	size_t			 i;

	for (i = 0; i < m->nsigners; i++) {
		const struct signer *sg = &m->signers[i];

		if (sg->member >= 0 && &m->members[sg->member] == MB(sc) &&
		    sg->role != NULL && *sg->role != '\0' &&
		    !hidden(sc, (m->entries[sg->entry].flags &
		    ENTRY_REDACTED) != 0))
			role = sg->role;
	}
	return user(v, role);
}

/* In a speech's label, that speech; elsewhere none (empty). */
static int
m_speech(const struct tpl_scope *sc, struct tval *v)
{
	return obj(v, C_SPEECH, B(sc)->label_speech);
}

static int
m_spoken(const struct tpl_scope *sc, struct tval *v)
{
	const struct label_cache *c = member_counts(sc);

	B(sc)->uses_spoken = 1;		/* labels now change as they speak */
	return num(v, c != NULL ? c->spoken : 0);
}

static int
m_speaker_order(const struct tpl_scope *sc, struct tval *v)
{
	const struct label_cache *c = member_counts(sc);

	return num(v, c != NULL ? c->order : 0);
}

static int
m_label(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);

	return text_own(v, mb_label_of(b, MB(sc), b->cur_item));
}

/* -------------------------------------------------------------- item */

#define IT(sc)	((const struct item *)(sc)->p)
#define II(sc)	((int)(IT(sc) - M(sc)->items))

static int
i_id(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, IT(sc)->id);
}

/*
 * What a redacted event recorded is not printed in the public version:
 * its passages are the redaction phrase, its numbers and labels nothing
 * (so that the phrase stands once: 議案 【非公開】, not 【非公開】 【非公開】).
 */
static int
hidden(const struct tpl_scope *sc, int redacted)
{
	return redacted && D(sc)->o.public;
}

static int
i_title(const struct tpl_scope *sc, struct tval *v)
{
	if (hidden(sc, IT(sc)->redacted))
		return user(v, D(sc)->redaction);
	return user(v, IT(sc)->title);
}

static int
i_heading(const struct tpl_scope *sc, struct tval *v)
{
	const struct item	*it = IT(sc);

	if (hidden(sc, it->redacted))
		return user(v, D(sc)->redaction);
	/* A redacted opening's heading: the item's title, which is public. */
	return user(v, it->heading != NULL && !hidden(sc,
	    it->heading_redacted) ? it->heading : it->title);
}

static int
i_kind(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, IT(sc)->kind);
}

static int
i_label(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, hidden(sc, IT(sc)->redacted) ? NULL : IT(sc)->label);
}

static int
i_dept(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, IT(sc)->dept);
}

/* The last decision on the item (its own or taken jointly), or NULL. */
static const struct decision *
i_decision(const struct tpl_scope *sc)
{
	const struct meeting	*m = M(sc);
	const struct decision	*dc;
	size_t			 k, j;

	for (k = m->ndecisions; k > 0; k--) {
		dc = &m->decisions[k - 1];
		if (dc->item == II(sc))
			return dc;
		for (j = 0; j < dc->njoint; j++) {
			if (strcmp(dc->joint[j], IT(sc)->id) == 0)
				return dc;
		}
	}
	return NULL;
}

static int
i_outcome(const struct tpl_scope *sc, struct tval *v)
{
	const struct decision	*dc = i_decision(sc);

	return user(v, dc != NULL ? dc->outcome : NULL);
}

static int
i_decision_number(const struct tpl_scope *sc, struct tval *v)
{
	const struct decision	*dc = i_decision(sc);

	if (dc == NULL || hidden(sc, M(sc)->entries[dc->entry].flags &
	    ENTRY_REDACTED))
		return user(v, NULL);
	return user(v, dc->number);
}

static int
i_closed(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, IT(sc)->closed);
}

static int
i_dept_short(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, IT(sc)->dept_short);
}

static int
i_section(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, IT(sc)->section);
}

static int
i_section_name(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, mb_item_section(IT(sc)));
}

static int
i_number(const struct tpl_scope *sc, struct tval *v)
{
	return text_own(v, mb_item_number(B(sc), II(sc)));
}

static int
i_position(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, II(sc) + 1);
}

static int
i_n(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, B(sc)->num[II(sc)].n);
}

static int
i_top(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, B(sc)->num[II(sc)].top);
}

static int
i_sub(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, B(sc)->num[II(sc)].sub);
}

static int
i_group_first(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, B(sc)->num[II(sc)].group_first);
}

static int
i_report(const struct tpl_scope *sc, struct tval *v)
{
	const char	*k = IT(sc)->kind;

	return flag(v, k != NULL && strcmp(k, "report") == 0);
}

static int
i_procedure(const struct tpl_scope *sc, struct tval *v)
{
	const char	*k = IT(sc)->kind;

	return flag(v, k != NULL && strcmp(k, "procedure") == 0);
}

static int
i_joint(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, IT(sc)->njoint > 0);
}

static int
i_joint_last(const struct tpl_scope *sc, struct tval *v)
{
	const struct item	*it = IT(sc);
	int			 j;

	if (it->njoint == 0 ||
	    (j = meeting_item(M(sc), it->joint[it->njoint - 1])) < 0)
		return obj(v, C_ITEM, NULL);
	return obj(v, C_ITEM, &M(sc)->items[j]);
}

static int
i_joint_items(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct item	*it = IT(sc);
	struct mlist		*l = mb_list(b, C_ITEM, it, L_JOINT);
	size_t			 k;
	int			 j;

	if (l->n == 0) {
		mb_list_add(l, it);
		for (k = 0; k < it->njoint; k++) {
			if ((j = meeting_item(b->m, it->joint[k])) >= 0)
				mb_list_add(l, &b->m->items[j]);
		}
	}
	return list(v, l);
}

/* ------------------------------------------------------------- entries */

#define E(sc)	((const struct entry *)(sc)->p)

static int
e_time(const struct tpl_scope *sc, struct tval *v)
{
	return text_own(v, mb_fmt_ts_time(B(sc), E(sc)->ts));
}

static char	*scope_field(const struct tpl_scope *, const char *);

static int
e_note(const struct tpl_scope *sc, struct tval *v)
{
	char	*s = scope_field(sc, "note");

	/* Recorded in a closed session (or redacted): words withheld. */
	if (s != NULL && hidden(sc, scope_redacted(sc))) {
		free(s);
		return user(v, D(sc)->redaction);
	}
	return user_own(v, s);
}

/*
 * The other end of a recess: at a recess the resumption after it, at a
 * resumption the recess before it (retracted ones passed over), or NULL
 * when there is none: the meeting closed in recess, or resumed twice.
 * Recesses and resumptions are the skeleton's, in m->entries.
 */
static const struct entry *
recess_pair(const struct tpl_scope *sc)
{
	const struct meeting	*m = M(sc);
	const struct entry	*e = E(sc), *x;
	int			 fwd;

	if (e < m->entries || e >= m->entries + m->nentries)
		return NULL;
	if (e->etype != EV_RECESS && e->etype != EV_RESUME)
		return NULL;
	fwd = e->etype == EV_RECESS;
	for (x = e; fwd ? ++x < m->entries + m->nentries : x-- > m->entries;) {
		if (x->flags & ENTRY_RETRACTED)
			continue;
		if (x->etype == EV_RECESS || x->etype == EV_RESUME)
			return x->etype != e->etype ? x : NULL;
	}
	return NULL;
}

/* At an event of type at, the time of its recess_pair; else empty. */
static int
pair_time(const struct tpl_scope *sc, struct tval *v, enum event_type at)
{
	const struct entry	*x;

	if (E(sc)->etype != at || (x = recess_pair(sc)) == NULL)
		return text(v, "");
	return text_own(v, mb_fmt_ts_time(B(sc), x->ts));
}

static int
e_resumed(const struct tpl_scope *sc, struct tval *v)
{
	return pair_time(sc, v, EV_RECESS);
}

static int
e_recessed(const struct tpl_scope *sc, struct tval *v)
{
	return pair_time(sc, v, EV_RESUME);
}

static int
e_date(const struct tpl_scope *sc, struct tval *v)
{
	return text_own(v, mb_fmt_ts_date(B(sc), E(sc)->ts));
}

static int
e_item(const struct tpl_scope *sc, struct tval *v)
{
	int	 i = E(sc)->item;

	return obj(v, C_ITEM, i >= 0 ? &M(sc)->items[i] : NULL);
}

static int
redacted(const struct tpl_scope *sc, const struct entry *e)
{
	return (e->flags & ENTRY_REDACTED) && D(sc)->o.public;
}

static int
e_text(const struct tpl_scope *sc, struct tval *v)
{
	const struct entry	*e = E(sc);

	if (redacted(sc, e))
		return user(v, D(sc)->redaction);
	return user(v, e->text);
}

static int
e_speaker(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, E(sc)->speaker);
}

static int
e_typed_label(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, E(sc)->label);
}

static int
e_kind(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, E(sc)->kind);
}

/* A note's kind, narrative when none was recorded (its default). */
static int
n_kind(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, E(sc)->kind != NULL ? E(sc)->kind : "narrative");
}

static int
a_label(const struct tpl_scope *sc, struct tval *v)
{
	struct builder	*b = B(sc);
	const struct entry *e = E(sc);

	if (e->member < 0)
		return user(v, e->speaker);
	return text_own(v, mb_member_label(b, e->member, e->item));
}

static int
a_staff(const struct tpl_scope *sc, struct tval *v)
{
	const struct entry *e = E(sc);

	return flag(v, e->member >= 0 &&
	    M(sc)->members[e->member].kind == MK_STAFF);
}

static int
a_status(const struct tpl_scope *sc, struct tval *v)
{
	return user_own(v, entry_get(E(sc), "status"));
}

/* An arrival of a member who had been in the room: a return (the fold's). */
static int
a_returned(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, (E(sc)->flags & ENTRY_RETURN) != 0);
}

/* A member's full name (else name), or a name recorded as given. */
static int
name_or_given(const struct meeting *m, int i, const char *given,
    struct tval *v)
{
	const struct member	*mb;

	if (i < 0)
		return user(v, given);
	mb = &m->members[i];
	return user(v, mb->full_name != NULL ? mb->full_name : mb->name);
}

static const struct action *
entry_action(const struct tpl_scope *sc)
{
	const struct meeting	*m = M(sc);
	size_t			 k;
	int			 ei = (int)(E(sc) - m->entries);

	for (k = 0; k < m->nactions; k++) {
		if (m->actions[k].entry == ei)
			return &m->actions[k];
	}
	return NULL;
}

static int
ac_owner_member(const struct tpl_scope *sc, struct tval *v)
{
	const struct action	*a = entry_action(sc);

	return obj(v, C_MEMBER, a != NULL && a->owner_member >= 0 ?
	    &M(sc)->members[a->owner_member] : NULL);
}


static int
ac_owner_name(const struct tpl_scope *sc, struct tval *v)
{
	const struct action	*a = entry_action(sc);

	if (a == NULL)
		return text(v, "");
	/* A name typed (not a member's) on a redacted action is its words. */
	if (a->owner_member < 0 && hidden(sc, scope_redacted(sc)))
		return text(v, D(sc)->redaction);
	return name_or_given(M(sc), a->owner_member, a->owner, v);
}

static int
ac_due_on(const struct tpl_scope *sc, struct tval *v)
{
	const struct action	*a = entry_action(sc);
	const struct mdate	*dt;

	if (a == NULL || B(sc)->dues == NULL)
		return obj(v, C_DATE, NULL);
	dt = &B(sc)->dues[a - M(sc)->actions];
	return obj(v, C_DATE, dt->y != 0 ? dt : NULL);
}

static int
ac_due_date(const struct tpl_scope *sc, struct tval *v)
{
	const struct action	*a = entry_action(sc);
	int			 y, mo, d;

	if (a == NULL || a->due == NULL || jdate_parse(a->due, &y, &mo,
	    &d) != 0)
		return text(v, "");
	return text_own(v, mb_fmt_date(B(sc), y, mo, d));
}

/* --------------------------------------------------------------- votes */

#define V(sc)	((const struct vote *)(sc)->p)

static int
v_id(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, V(sc)->id);
}

static int
v_method(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, V(sc)->method);
}

static int
v_motion(const struct tpl_scope *sc, struct tval *v)
{
	if (V(sc)->motion != NULL && hidden(sc, M(sc)->entries[
	    V(sc)->entry].flags & ENTRY_REDACTED))
		return user(v, D(sc)->redaction);
	return user(v, V(sc)->motion);
}

static int
v_rule(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, V(sc)->rule);
}

static int
v_item(const struct tpl_scope *sc, struct tval *v)
{
	int	 i = V(sc)->item;

	return obj(v, C_ITEM, i >= 0 ? &M(sc)->items[i] : NULL);
}

static int
v_declared(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, V(sc)->outcome);
}

/* The voting members present as the count reads them (withdrawn not). */
static int
v_present(const struct tpl_scope *sc, struct tval *v)
{
	struct vote_report	 r;
	long			 n;

	meeting_vote_report(M(sc), V(sc), &r);
	n = r.spec.present;
	vote_report_clear(&r);
	return num(v, n);
}

static int
v_counted(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, V(sc)->ntallies > 0);
}

/*
 * The last tally's counts as the vote's report computes them (unanimous:
 * for = the voters), the tally's own counts or ballots when the rules
 * refuse them: the same count as the tally's context, stats and exports.
 */
static void
v_counts(const struct tpl_scope *sc, long *yes, long *no, long *abst,
    int *una)
{
	const struct vote	*vt = V(sc);
	struct vote_report	 r;
	struct tally_count	 c;

	*yes = *no = *abst = 0;
	*una = 0;
	if (vt->ntallies == 0)
		return;
	tally_count(&vt->tallies[vt->ntallies - 1], &c);
	*una = vt->tallies[vt->ntallies - 1].unanimous;
	meeting_vote_report(M(sc), vt, &r);
	if (r.computed && (r.result.flags & VOTE_F_UNANIMOUS))
		*una = 1;	/* every voter in favour */
	*yes = r.computed ? r.result.counts.yes : c.yes;
	*no = r.computed ? r.result.counts.no : c.no;
	*abst = r.computed ? r.result.counts.abstain : c.abstain;
	vote_report_clear(&r);
}

/* A member of the roster, or one recorded by an id the roster lacks. */
static int
member_or_id(const struct tpl_scope *sc, int i, const char *id,
    struct tval *v)
{
	if (i >= 0)
		return obj(v, C_MEMBER, &M(sc)->members[i]);
	if (id != NULL && *id != '\0')
		return obj(v, C_MEMBER, mb_unknown_member(B(sc), id));
	return obj(v, C_MEMBER, NULL);
}

/*
 * A redacted call's (a closed session's) people in the public version:
 * not who moved or seconded, nor whom it would elect. Its counts stay.
 */
static int
v_people_hidden(const struct tpl_scope *sc)
{
	return hidden(sc, (M(sc)->entries[V(sc)->entry].flags &
	    ENTRY_REDACTED) != 0);
}

static int
v_mover(const struct tpl_scope *sc, struct tval *v)
{
	if (v_people_hidden(sc))
		return obj(v, C_MEMBER, NULL);
	return member_or_id(sc, V(sc)->mover, V(sc)->moved_by, v);
}

static int
v_seconder(const struct tpl_scope *sc, struct tval *v)
{
	if (v_people_hidden(sc))
		return obj(v, C_MEMBER, NULL);
	return member_or_id(sc, V(sc)->seconder, V(sc)->seconded_by, v);
}

static int
v_candidate_member(const struct tpl_scope *sc, struct tval *v)
{
	int	 i = V(sc)->candidate_member;

	if (v_people_hidden(sc))
		i = -1;
	return obj(v, C_MEMBER, i >= 0 ? &M(sc)->members[i] : NULL);
}

static int
v_candidate_name(const struct tpl_scope *sc, struct tval *v)
{
	if (v_people_hidden(sc))
		return user(v, V(sc)->candidate != NULL ?
		    D(sc)->redaction : NULL);
	return name_or_given(M(sc), V(sc)->candidate_member,
	    V(sc)->candidate, v);
}

static int
v_counts_given(const struct tpl_scope *sc, struct tval *v)
{
	const struct vote	*vt = V(sc);
	const struct tally	*t;

	if (vt->ntallies == 0)
		return flag(v, 0);
	t = &vt->tallies[vt->ntallies - 1];
	return flag(v, t->has_counts || t->nballots > 0);
}

static int
v_for(const struct tpl_scope *sc, struct tval *v)
{
	long	 y, n, a;
	int	 u;

	v_counts(sc, &y, &n, &a, &u);
	return num(v, y);
}

/* The result as every screen states it (vote-report.c), or "". */
static int
v_report(const struct tpl_scope *sc, struct tval *v, int computed)
{
	struct vote_report	 r;
	const char		*s = "";

	meeting_vote_report(M(sc), V(sc), &r);
	if (computed ? r.computed : r.known)
		s = vote_outcome_name(computed ? r.result.outcome : r.outcome);
	vote_report_clear(&r);
	return text(v, s);
}

static int
v_result(const struct tpl_scope *sc, struct tval *v)
{
	return v_report(sc, v, 0);
}

static int
v_computed(const struct tpl_scope *sc, struct tval *v)
{
	return v_report(sc, v, 1);
}

static int
v_against(const struct tpl_scope *sc, struct tval *v)
{
	long	 y, n, a;
	int	 u;

	v_counts(sc, &y, &n, &a, &u);
	return num(v, n);
}

static int
v_abstain(const struct tpl_scope *sc, struct tval *v)
{
	long	 y, n, a;
	int	 u;

	v_counts(sc, &y, &n, &a, &u);
	return num(v, a);
}

static int
v_unanimous(const struct tpl_scope *sc, struct tval *v)
{
	long	 y, n, a;
	int	 u;

	v_counts(sc, &y, &n, &a, &u);
	return flag(v, u);
}

/* -------------------------------------------------------------- tally */

#define T(sc)	((const struct mtally *)(sc)->p)
#define TT(sc)	(&T(sc)->v->tallies[T(sc)->ti])

static int
t_for(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, T(sc)->yes);
}

static int
t_against(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, T(sc)->no);
}

static int
t_abstain(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, T(sc)->abst);
}

/* Recorded as unanimous, or every voter counted in favour. */
static int
t_unanimous(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, TT(sc)->unanimous ||
	    (T(sc)->flags & VOTE_F_UNANIMOUS) != 0);
}

/* Counts given, or ballots (a roll call's) that give them. */
static int
t_counted(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, TT(sc)->has_counts || TT(sc)->nballots > 0);
}

static int
t_method(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, T(sc)->v->method);
}

static int
t_rule(const struct tpl_scope *sc, struct tval *v)
{
	const struct vote	*vt = T(sc)->v;

	/* The rule in force at the call: the vote's, else the meeting's. */
	return user(v, vt->rule != NULL ? vt->rule : vote_meta_str(vt,
	    "rule", "majority"));
}

static int
t_motion(const struct tpl_scope *sc, struct tval *v)
{
	const struct vote	*vt = T(sc)->v;

	if (vt->motion != NULL && hidden(sc, M(sc)->entries[vt->entry].flags &
	    ENTRY_REDACTED))
		return user(v, D(sc)->redaction);
	return user(v, vt->motion);
}

static int
t_declared(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, T(sc)->v->outcome);
}

static int
t_computed(const struct tpl_scope *sc, struct tval *v)
{
	int	 c = T(sc)->computed;

	return text(v, c == 1 ? "carried" : c == 0 ? "failed" : "");
}

static int
t_result(const struct tpl_scope *sc, struct tval *v)
{
	if (T(sc)->v->outcome != NULL)
		return user(v, T(sc)->v->outcome);
	return t_computed(sc, v);
}

static int
t_no_quorum(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, T(sc)->computed == 0 &&
	    (T(sc)->flags & VOTE_F_NO_QUORUM));
}

static int
t_tie(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, T(sc)->flags & VOTE_F_TIE);
}

static int
t_casting_used(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, T(sc)->flags & VOTE_F_CASTING);
}

static int
t_presiding_used(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, T(sc)->flags & VOTE_F_PRESIDING);
}

static int
t_needed(const struct tpl_scope *sc, struct tval *v)
{
	return T(sc)->needed > 0 ? num(v, T(sc)->needed) : text(v, "");
}

static int
t_present(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, T(sc)->present);
}

static int
t_quorum(const struct tpl_scope *sc, struct tval *v)
{
	return T(sc)->quorum > 0 ? num(v, T(sc)->quorum) : text(v, "");
}

static int
t_voters(const struct tpl_scope *sc, struct tval *v)
{
	return T(sc)->voters > 0 ? num(v, T(sc)->voters) : text(v, "");
}

/* The role of who presides (会長, Mayor), else the chair's word. */
static int
t_presiding_role(const struct tpl_scope *sc, struct tval *v)
{
	const struct meeting	*m = M(sc);
	int			 p = T(sc)->presiding;

	if (p >= 0 && (size_t)p < m->nmembers && m->members[p].role != NULL)
		return user(v, m->members[p].role);
	return text(v, "");
}

static int
t_vote(const struct tpl_scope *sc, struct tval *v)
{
	return obj(v, C_VOTE, T(sc)->v);
}

static int
t_item(const struct tpl_scope *sc, struct tval *v)
{
	int	 i = T(sc)->v->item;

	return obj(v, C_ITEM, i >= 0 ? &M(sc)->items[i] : NULL);
}

static const char *const choice_names[] = { "yes", "no", "abstain",
    "not_voting", "absent" };

/*
 * A roll call's answers, in a fixed order, those with ballots only. Who
 * voted how is withheld from the public version with the vote's call
 * (a closed session's, or redacted): its counts stay.
 */
static int
choices_of(const struct tpl_scope *sc, const struct vote *vt,
    const struct tally *t, struct tval *v)
{
	struct builder		*b = B(sc);
	struct mlist		*l = mb_list(b, C_CHOICE, t, L_CHOICES);
	struct mchoice		*c;
	size_t			 k, i;

	if (hidden(sc, (b->m->entries[vt->entry].flags & ENTRY_REDACTED) != 0))
		return list(v, l);
	if (l->n == 0) {
		for (k = 0; k < sizeof choice_names / sizeof *choice_names;
		    k++) {
			for (i = 0; i < t->nballots; i++) {
				if (strcmp(t->ballots[i].choice,
				    choice_names[k]) == 0)
					break;
			}
			if (i == t->nballots)
				continue;
			c = xcalloc(1, sizeof *c);
			c->choice = choice_names[k];
			c->t = t;
			mb_list_add(l, c);
			l->kind = -L_CHOICES;	/* owns its elements */
		}
	}
	return list(v, l);
}

static int
t_choices(const struct tpl_scope *sc, struct tval *v)
{
	return choices_of(sc, T(sc)->v, TT(sc), v);
}

/* The last count's answers (a decision's vote: who voted against). */
static int
v_choices(const struct tpl_scope *sc, struct tval *v)
{
	const struct vote	*vt = V(sc);
	static const struct tally none;

	return choices_of(sc, vt, vt->ntallies > 0 ?
	    &vt->tallies[vt->ntallies - 1] : &none, v);
}

static int
t_ballots(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, (long)TT(sc)->nballots);
}

/* ------------------------------------------------------------- choice */

#define CH(sc)	((const struct mchoice *)(sc)->p)

static int
ch_choice(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, CH(sc)->choice);
}

static int
ch_members(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct mchoice	*c = CH(sc);
	struct mlist		*l = mb_list(b, C_MEMBER, c, L_CHOICE);
	size_t			 i;
	int			 mi;

	if (l->n == 0) {
		for (i = 0; i < c->t->nballots; i++) {
			const struct ballot *bl = &c->t->ballots[i];

			if (strcmp(bl->choice, c->choice) != 0)
				continue;
			if ((mi = meeting_member(b->m, bl->member)) >= 0)
				mb_list_add(l, &b->m->members[mi]);
			else
				mb_list_add(l, mb_unknown_member(b,
				    bl->member));
		}
	}
	return list(v, l);
}

/* ----------------------------------------------------------- decision */

#define DC(sc)	((const struct mdecision *)(sc)->p)

static int
dc_outcome(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, DC(sc)->dc->outcome);
}

static int
dc_text(const struct tpl_scope *sc, struct tval *v)
{
	if (DC(sc)->dc->text != NULL && hidden(sc, M(sc)->entries[
	    DC(sc)->dc->entry].flags & ENTRY_REDACTED))
		return user(v, D(sc)->redaction);
	return user(v, DC(sc)->dc->text);
}

static int
dc_rejected(const struct tpl_scope *sc, struct tval *v)
{
	const char	*o = DC(sc)->dc->outcome;

	return flag(v, o != NULL && strcmp(o, "rejected") == 0);
}

static int
dc_items(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct mdecision	*d = DC(sc);
	struct mlist		*l = mb_list(b, C_ITEM, d, L_DEC_ITEMS);
	size_t			 k;

	if (l->n == 0) {
		for (k = 0; k < d->n; k++)
			mb_list_add(l, &b->m->items[d->its[k]]);
	}
	return list(v, l);
}

static int
dc_item(const struct tpl_scope *sc, struct tval *v)
{
	const struct mdecision	*d = DC(sc);
	int			 i = d->item >= 0 ? d->item : d->n > 0 ?
				    d->its[0] : -1;

	return obj(v, C_ITEM, i >= 0 ? &M(sc)->items[i] : NULL);
}

static int
dc_joint(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, DC(sc)->n > 1);
}

static int
dc_vote(const struct tpl_scope *sc, struct tval *v)
{
	return obj(v, C_VOTE, mb_decision_vote(B(sc), DC(sc)->dc));
}

/* ------------------------------------------------------- small objects */

#define Q(sc)	((const struct mquorum *)(sc)->p)

static int
q_present(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, Q(sc)->present);
}

static int
q_seats(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, Q(sc)->seats);
}

static int
q_needed(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, Q(sc)->need);
}

static int
q_met(const struct tpl_scope *sc, struct tval *v)
{
	return flag(v, Q(sc)->present >= Q(sc)->need);
}

#define MAT(sc)	((const struct material *)(sc)->p)

static int
mat_title(const struct tpl_scope *sc, struct tval *v)
{
	if ((MAT(sc)->flags & ENTRY_REDACTED) && D(sc)->o.public)
		return user(v, D(sc)->redaction);
	return user(v, MAT(sc)->title);
}

static int
mat_id(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MAT(sc)->id);
}

#define COR(sc)	((const struct amendment *)(sc)->p)

static int
cor_date(const struct tpl_scope *sc, struct tval *v)
{
	return text_own(v, mb_fmt_ts_date(B(sc), COR(sc)->ts));
}

static int
cor_time(const struct tpl_scope *sc, struct tval *v)
{
	return text_own(v, mb_fmt_ts_time(B(sc), COR(sc)->ts));
}

static int
cor_station(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, COR(sc)->station);
}

static int
cor_target_seq(const struct tpl_scope *sc, struct tval *v)
{
	v->type = TVAL_TEXT;
	v->own = xasprintf("%lld", (long long)COR(sc)->target_seq);
	v->s = v->own;
	return 0;
}

static int
cor_seq(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, (long)COR(sc)->seq);
}

/* The seq of the retract that withdrew it, or nothing while in effect. */
static int
cor_withdrawn_by(const struct tpl_scope *sc, struct tval *v)
{
	if (COR(sc)->withdrawn == 0)
		return text(v, "");
	return num(v, (long)COR(sc)->withdrawn);
}

static int
cor_target_type(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, COR(sc)->target_type);
}

static int
cor_type(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, COR(sc)->type);
}

/*
 * What a correction was about: its text or title, else its fields as
 * "name: value" (an amend of a label: "label: Chair").
 */
static char *
cor_words(const char *data)
{
	struct json_pair	*p;
	struct buf		 b;
	size_t			 n, i;
	char			*t, *q;

	if (data == NULL)
		return NULL;
	if ((t = json_get(data, "$.text")) == NULL &&
	    (t = json_get(data, "$.title")) == NULL) {
		buf_init(&b);
		p = json_pairs(data, &n);
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s: %s", i > 0 ? ", " : "",
			    p[i].key, p[i].value != NULL ? p[i].value :
			    "null");
		json_pairs_free(p, n);
		buf_add(&b, "", 0);
		t = b.s;
	}
	for (q = t; *q != '\0'; q++) {
		if (*q == '\n')
			*q = ' ';
	}
	return t;
}

static int
cor_before(const struct tpl_scope *sc, struct tval *v)
{
	return user_own(v, cor_words(COR(sc)->before));
}

static int
cor_after(const struct tpl_scope *sc, struct tval *v)
{
	return user_own(v, cor_words(COR(sc)->after));
}

static int
cor_reason(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, COR(sc)->reason);
}

/* ------------------------------------------------------ dates and times */

#define DT(sc)	((const struct mdate *)(sc)->p)

static const char *const wdays_ja[] = { "日", "月", "火", "水", "木", "金",
    "土" };
static const char *const wdays_en[] = { "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const months_en[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

static int
dt_year(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, DT(sc)->y);
}

static int
dt_month(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, DT(sc)->mo);
}

static int
dt_day(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, DT(sc)->d);
}

/* Composed text with numbers in it, in the document's digits (owned s). */
static int
text_digits(const struct tpl_scope *sc, struct tval *v, char *s)
{
	char	*d = jdate_digits(s, D(sc)->jo.digits);

	free(s);
	return text_own(v, d != NULL ? d : xstrdup(""));
}

static int
dt_month2(const struct tpl_scope *sc, struct tval *v)
{
	return text_digits(sc, v, xasprintf("%02d", DT(sc)->mo));
}

static int
dt_day2(const struct tpl_scope *sc, struct tval *v)
{
	return text_digits(sc, v, xasprintf("%02d", DT(sc)->d));
}

static int
dt_era(const struct tpl_scope *sc, struct tval *v)
{
	const char	*era;
	int		 ey;

	if (jdate_era(DT(sc)->y, DT(sc)->mo, DT(sc)->d, &era, &ey) != 0)
		return text(v, "");
	return text(v, era);
}

static int
dt_era_year(const struct tpl_scope *sc, struct tval *v)
{
	const char	*era;
	int		 ey;

	if (jdate_era(DT(sc)->y, DT(sc)->mo, DT(sc)->d, &era, &ey) != 0)
		return text(v, "");
	if (ey == 1 && D(sc)->jo.gannen)
		return text(v, "元");
	return num(v, ey);
}

static int
dt_weekday(const struct tpl_scope *sc, struct tval *v)
{
	int	 w = jdate_weekday(DT(sc)->y, DT(sc)->mo, DT(sc)->d);

	return text(v, w >= 0 ? wdays_ja[w] : "");
}

static int
dt_weekday_paren(const struct tpl_scope *sc, struct tval *v)
{
	int	 w = jdate_weekday(DT(sc)->y, DT(sc)->mo, DT(sc)->d);

	if (w < 0)
		return text(v, "");
	return text_own(v, xasprintf(D(sc)->jo.full_parens ? "（%s）" :
	    "(%s)", wdays_ja[w]));
}

static int
dt_weekday_name(const struct tpl_scope *sc, struct tval *v)
{
	int	 w = jdate_weekday(DT(sc)->y, DT(sc)->mo, DT(sc)->d);

	return text(v, w >= 0 ? wdays_en[w] : "");
}

static int
dt_month_name(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, months_en[DT(sc)->mo - 1]);
}

static int
dt_ja(const struct tpl_scope *sc, struct tval *v)
{
	char	*s = jdate_format_wday(DT(sc)->y, DT(sc)->mo, DT(sc)->d,
		    &D(sc)->jo);

	return text_own(v, s != NULL ? s : xstrdup(""));
}

static int
dt_en(const struct tpl_scope *sc, struct tval *v)
{
	char	*s = jdate_format_en(DT(sc)->y, DT(sc)->mo, DT(sc)->d);

	return text_digits(sc, v, s != NULL ? s : xstrdup(""));
}

#define TM(sc)	((const struct mtime *)(sc)->p)

static int
tm_hour(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, TM(sc)->h);
}

static int
tm_hour12(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, TM(sc)->h % 12 == 0 ? 12 : TM(sc)->h % 12);
}

static int
tm_minute(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, TM(sc)->mi);
}

static int
tm_minute2(const struct tpl_scope *sc, struct tval *v)
{
	return text_digits(sc, v, xasprintf("%02d", TM(sc)->mi));
}

static int
tm_ja(const struct tpl_scope *sc, struct tval *v)
{
	char	*s = jdate_time(TM(sc)->h, TM(sc)->mi, &D(sc)->jo);

	return text_own(v, s != NULL ? s : xstrdup(""));
}

static int
tm_en(const struct tpl_scope *sc, struct tval *v)
{
	char	*s = jdate_time_en(TM(sc)->h, TM(sc)->mi);

	return text_digits(sc, v, s != NULL ? s : xstrdup(""));
}

static int
tm_am_pm(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, TM(sc)->h < 12 ? "a.m." : "p.m.");
}

#define RG(sc)	((const struct mrange *)(sc)->p)

static int
rg_start(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, RG(sc)->start);
}

static int
rg_end(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, RG(sc)->end);
}

static int
rg_end_short(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, RG(sc)->end_short);
}

#define DU(sc)	((const struct mduration *)(sc)->p)

static int
du_note(const struct tpl_scope *sc, struct tval *v)
{
	return text(v, DU(sc)->note);
}

static int
du_minutes(const struct tpl_scope *sc, struct tval *v)
{
	return num(v, DU(sc)->minutes);
}

/* -------------------------------------------------- groups of staff */

static int
sg_org(const struct tpl_scope *sc, struct tval *v)
{
	return user(v, MB(sc)->org);
}

static int
sg_members(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct member	*lead = MB(sc), *o;
	struct mlist		*l = mb_list(b, C_MEMBER, lead, L_SECGROUP);

	if (l->n == 0) {
		for (o = lead; o < b->m->members + b->m->nmembers; o++) {
			if (secretariat(o) && same_org(o, lead))
				mb_list_add(l, o);
		}
	}
	return list(v, l);
}

static int
dl_items(const struct tpl_scope *sc, struct tval *v)
{
	return i_joint_items(sc, v);
}

static int
on_agenda(const struct member *mb, const char *id)
{
	size_t	 k;

	for (k = 0; k < mb->nagenda; k++) {
		if (strcmp(mb->agenda[k], id) == 0)
			return 1;
	}
	return 0;
}

/*
 * Staff who are not the secretariat's, attending for these items: named
 * for them (member.add agenda) or heard on them; and observers and
 * groups named for them (a committee's witnesses).
 */
static int
dl_attending(const struct tpl_scope *sc, struct tval *v)
{
	struct builder		*b = B(sc);
	const struct item	*it = IT(sc);
	struct mlist		*l;
	struct tval		 items;
	const struct mlist	*il;
	size_t			 j, k;

	l = mb_list(b, C_MEMBER, it, L_DELIB_ATTENDING);
	if (l->n == 0) {
		i_joint_items(sc, &items);
		il = items.p;
		for (j = 0; j < b->m->nmembers; j++) {
			const struct member *mb = &b->m->members[j];

			if (mb->kind == MK_STAFF ? secretariat(mb) :
			    mb->kind != MK_OBSERVER && mb->kind != MK_GROUP)
				continue;
			for (k = 0; k < il->n; k++) {
				const struct item *ik = il->objs[k];

				if (on_agenda(mb, ik->id) || (mb->kind ==
				    MK_STAFF && meeting_spoke(b->m, (int)j,
				    (int)(ik - b->m->items)))) {
					mb_list_add(l, mb);
					break;
				}
			}
		}
	}
	return list(v, l);
}

static int
dl_item(const struct tpl_scope *sc, struct tval *v)
{
	return obj(v, C_ITEM, IT(sc));
}

/* ---------------------------------------------------------------- table */

#define ANY	C_NONE

const struct mname mnames[] = {
	/* the document: every context falls back to these */
	{ C_DOC, "document", TVAL_OBJ, C_DOC, d_document,
	    "the document's names where the context has its own of the"
	    " same name: #{count:document.items} in [decision] counts the"
	    " agenda, #{count:items} the decision's own items" },
	{ C_DOC, "meeting", TVAL_TEXT, 0, d_meeting,
	    "the meeting's name: meta title, else (with meta ordinal) "
	    "令和N年度第N回 and the body, else the body" },
	{ C_DOC, "meeting_short", TVAL_TEXT, 0, d_meeting_short,
	    "the name with the body reduced to its kind (…第1回審議会)" },
	{ C_DOC, "session_line", TVAL_TEXT, 0, d_session_line,
	    "the session alone (令和4年度 第6回), or empty" },
	{ C_DOC, "title", TVAL_USER, 0, d_title, "meta title" },
	{ C_DOC, "body", TVAL_USER, 0, d_body, "meta body" },
	{ C_DOC, "place", TVAL_USER, 0, d_place, "meta place" },
	{ C_DOC, "secretariat", TVAL_USER, 0, d_secretariat,
	    "meta secretariat" },
	{ C_DOC, "contact", TVAL_USER, 0, d_contact, "meta contact" },
	{ C_DOC, "closed_reason", TVAL_USER, 0, d_closed_reason,
	    "meta closed_reason" },
	{ C_DOC, "notice", TVAL_USER, 0, d_notice, "meta notice" },
	{ C_DOC, "session", TVAL_USER, 0, d_session, "meta session" },
	{ C_DOC, "quorum", TVAL_USER, 0, d_quorum, "meta quorum" },
	{ C_DOC, "public", TVAL_USER, 0, d_public,
	    "meta public (0: a closed meeting)" },
	{ C_DOC, "rule", TVAL_USER, 0, d_rule, "meta rule" },
	{ C_DOC, "date", TVAL_TEXT, 0, d_date,
	    "the meeting's date in the style's date form" },
	{ C_DOC, "start", TVAL_TEXT, 0, d_start, "its start, a time" },
	{ C_DOC, "end", TVAL_TEXT, 0, d_end, "its end, a time" },
	{ C_DOC, "time_range", TVAL_TEXT, 0, d_time_range,
	    "start and end in the style's time_range form" },
	{ C_DOC, "seats", TVAL_NUM, 0, d_seats, "meta seats" },
	{ C_DOC, "ordinal", TVAL_NUM, 0, d_ordinal, "meta ordinal" },
	{ C_DOC, "observers", TVAL_NUM, 0, d_observers,
	    "meta observers (empty when unset)" },
	{ C_DOC, "membership", TVAL_NUM, 0, d_membership,
	    "seats, else the voting members on the roster" },
	{ C_DOC, "head", TVAL_TEXT, 0, d_head,
	    "the hash of the log's last event (64 hex digits)" },
	{ C_DOC, "head16", TVAL_TEXT, 0, d_head16,
	    "its first 16 digits, enough for giji verify --head" },
	{ C_DOC, "events", TVAL_NUM, 0, d_events,
	    "the number of events in the log" },
	{ C_DOC, "unverified", TVAL_NUM, 0, d_unverified,
	    "1 when the minutes were made with --unverified" },
	{ C_DOC, "year", TVAL_NUM, 0, d_year,
	    "the year of the meeting's date (2024)" },
	{ C_DOC, "fiscal_year", TVAL_TEXT, 0, d_fiscal_year,
	    "the fiscal year of the date (令和4年)" },
	{ C_DOC, "meeting_date", TVAL_OBJ, C_DATE, d_meeting_date,
	    "the meeting's date, to write it in a form other than date's:"
	    " #{meeting_date.day}/#{meeting_date.month}/#{meeting_date.year}" },
	{ C_DOC, "lang", TVAL_TEXT, 0, d_lang, "ja or en" },
	{ C_DOC, "labels", TVAL_TEXT, 0, d_labels, "the label mode" },
	{ C_DOC, "internal", TVAL_NUM, 0, d_internal,
	    "1 in the internal version, 0 in the public one" },
	{ C_DOC, "staff_label", TVAL_USER, 0, d_staff_label,
	    "the staff side's name" },
	{ C_DOC, "redaction", TVAL_USER, 0, d_redaction,
	    "the phrase for non-public passages" },
	{ C_DOC, "chair", TVAL_OBJ, C_MEMBER, d_chair, "the chair" },
	{ C_DOC, "item", TVAL_OBJ, C_ITEM, d_item,
	    "the agenda item the line belongs to" },
	{ C_DOC, "members", TVAL_LIST, C_MEMBER, d_members,
	    "the voting members, the chair first" },
	{ C_DOC, "staff", TVAL_LIST, C_MEMBER, d_staff, "the staff" },
	{ C_DOC, "roster", TVAL_LIST, C_MEMBER, d_roster,
	    "everyone on the roster" },
	{ C_DOC, "items", TVAL_LIST, C_ITEM, d_items, "the agenda" },
	{ C_DOC, "materials", TVAL_LIST, C_MATERIAL, d_materials,
	    "the documents listed" },
	{ C_DOC, "timeline", TVAL_LIST, C_TIMELINE, d_timeline,
	    "notes recorded outside any item" },
	{ C_DOC, "votes", TVAL_LIST, C_VOTE, d_votes,
	    "every vote called, in order (a summary of resolutions)" },
	{ C_DOC, "signers", TVAL_LIST, C_MEMBER, d_signers,
	    "minute-signers other than the chair" },
	{ C_DOC, "secretariat_groups", TVAL_LIST, C_SECGROUP, d_secgroups,
	    "the secretariat's staff by organisation" },
	{ C_DOC, "deliberations", TVAL_LIST, C_DELIB, d_delibs,
	    "items that are not procedures, with those taken with them" },

	{ C_MEMBER, "id", TVAL_USER, 0, m_id, "id" },
	{ C_MEMBER, "name", TVAL_USER, 0, m_name, "name as printed" },
	{ C_MEMBER, "full_name", TVAL_USER, 0, m_full_name, "full name" },
	{ C_MEMBER, "honorific", TVAL_USER, 0, m_honorific,
	    "the form of address as recorded (Mr, Ms, Dr), or empty:"
	    " #{honorific} #{upper:#{name}} prints Ms BROWN" },
	{ C_MEMBER, "reading", TVAL_USER, 0, m_reading, "reading" },
	{ C_MEMBER, "role", TVAL_USER, 0, m_role, "role or title" },
	{ C_MEMBER, "kind", TVAL_TEXT, 0, m_kind,
	    "member, chair, vice, presiding, staff, group or observer" },
	{ C_MEMBER, "org", TVAL_USER, 0, m_org, "organisation" },
	{ C_MEMBER, "org_section", TVAL_USER, 0, m_org_section,
	    "the organisation's section: what follows its last 部 "
	    "(総務部財政課 → 財政課), or the organisation whole" },
	{ C_MEMBER, "side", TVAL_USER, 0, m_side,
	    "secretariat or implementing" },
	{ C_MEMBER, "present", TVAL_NUM, 0, m_present,
	    "1 unless recorded absent at the end (voting in writing or by"
	    " proxy counts present)" },
	{ C_MEMBER, "in_room", TVAL_NUM, 0, m_in_room,
	    "1 when present in person: present, not in writing nor by proxy"
	    " (本人出席)" },
	{ C_MEMBER, "absent", TVAL_NUM, 0, m_absent, "1 when absent" },
	{ C_MEMBER, "arrived", TVAL_NUM, 0, m_arrived, "1 when late: first "
	    "in the room at an arrival (not a return)" },
	{ C_MEMBER, "left", TVAL_NUM, 0, m_left, "1 when left early: out "
	    "of the room at the end (a return undoes it)" },
	{ C_MEMBER, "arrived_time", TVAL_TEXT, 0, m_arrived_time,
	    "when the member arrived late (the style's time form), or empty" },
	{ C_MEMBER, "left_time", TVAL_TEXT, 0, m_left_time,
	    "when the member left, or empty" },
	{ C_MEMBER, "seat", TVAL_USER, 0, m_seat, "seat number as printed" },
	{ C_MEMBER, "remote", TVAL_NUM, 0, m_remote,
	    "1 when last recorded taking part remotely (counted present)" },
	{ C_MEMBER, "apologies", TVAL_NUM, 0, m_apologies,
	    "1 when last recorded sending apologies (counted absent)" },
	{ C_MEMBER, "written", TVAL_NUM, 0, m_written,
	    "1 when last recorded voting in writing beforehand (書面表決;"
	    " counted present)" },
	{ C_MEMBER, "proxy", TVAL_NUM, 0, m_proxy,
	    "1 when last recorded giving a proxy (表決委任; counted present)" },
	{ C_MEMBER, "holder", TVAL_USER, 0, m_holder,
	    "who holds that proxy: the member's name, or as recorded" },
	{ C_MEMBER, "holder_member", TVAL_OBJ, C_MEMBER, m_holder_member,
	    "the holder when a member: #{holder_member.full_name}" },
	{ C_MEMBER, "attendance_note", TVAL_USER, 0, m_att_note,
	    "the note of the last attendance recorded" },
	{ C_MEMBER, "voting", TVAL_NUM, 0, m_voting,
	    "1 for a member, the chair or a vice-chair" },
	{ C_MEMBER, "first_of_role", TVAL_NUM, 0, m_first_of_role,
	    "staff: 1 when no staff before has the same role" },
	{ C_MEMBER, "label", TVAL_TEXT, 0, m_label,
	    "the speaker label, as [labels] makes it" },
	{ C_MEMBER, "speaker_order", TVAL_NUM, 0, m_speaker_order,
	    "the order in which they first spoke among the speakers of their"
	    " kind, vice-chairs counted with the members (1 for the first"
	    " member to speak; 0 before they have):"
	    " anonymous labels, the same letter for the same member,"
	    " #{?speaker_order,#{wide:#{ALPHA:#{speaker_order}}}委員}" },
	{ C_MEMBER, "signer_role", TVAL_USER, 0, m_signer_role,
	    "the role their signer events give (署名委員, 議事録署名人), the"
	    " last that gives one, or empty: #{each:signers,,#{signer_role|"
	    "#{role}}}" },
	{ C_MEMBER, "speech", TVAL_OBJ, C_SPEECH, m_speech,
	    "in a speaker label, the speech it labels (a label by its kind:"
	    " #{?#{==:#{speech.kind},question},Q#{next:q} }#{name}); empty"
	    " elsewhere" },
	{ C_MEMBER, "spoken", TVAL_NUM, 0, m_spoken,
	    "how many of their speeches the minutes have printed before the"
	    " line composed (0 before their first): a label may name them in"
	    " full the first time, #{?spoken,#{name},#{full_name}#, #{role}}" },

	{ C_ITEM, "id", TVAL_USER, 0, i_id, "id" },
	{ C_ITEM, "title", TVAL_USER, 0, i_title, "title" },
	{ C_ITEM, "heading", TVAL_USER, 0, i_heading,
	    "the heading given when it was opened, else the title" },
	{ C_ITEM, "kind", TVAL_USER, 0, i_kind, "kind" },
	{ C_ITEM, "label", TVAL_USER, 0, i_label, "its own label" },
	{ C_ITEM, "dept", TVAL_USER, 0, i_dept, "department" },
	{ C_ITEM, "dept_short", TVAL_USER, 0, i_dept_short, "dept_short" },
	{ C_ITEM, "outcome", TVAL_USER, 0, i_outcome,
	    "the outcome of the last decision on it in the whole record, one"
	    " recorded later included (#{word:outcome}), or empty" },
	{ C_ITEM, "decision_number", TVAL_USER, 0, i_decision_number,
	    "that decision's number as printed, or empty" },
	{ C_ITEM, "closed", TVAL_NUM, 0, i_closed,
	    "1 when taken in closed session (agenda.add public: false)" },
	{ C_ITEM, "section", TVAL_USER, 0, i_section, "its group" },
	{ C_ITEM, "section_name", TVAL_USER, 0, i_section_name,
	    "dept_short, else the department after its last 部" },
	{ C_ITEM, "number", TVAL_TEXT, 0, i_number,
	    "its number as [agenda] number makes it" },
	{ C_ITEM, "position", TVAL_NUM, 0, i_position,
	    "its place on the agenda, from 1" },
	{ C_ITEM, "n", TVAL_NUM, 0, i_n,
	    "its place among the items that are not procedures" },
	{ C_ITEM, "top", TVAL_NUM, 0, i_top,
	    "its top-level number (a group counts once)" },
	{ C_ITEM, "sub", TVAL_NUM, 0, i_sub,
	    "its number in its group, 0 outside one" },
	{ C_ITEM, "group_first", TVAL_NUM, 0, i_group_first,
	    "1 for the first item of a group" },
	{ C_ITEM, "report", TVAL_NUM, 0, i_report, "1 for a report" },
	{ C_ITEM, "procedure", TVAL_NUM, 0, i_procedure,
	    "1 for a procedure" },
	{ C_ITEM, "joint", TVAL_NUM, 0, i_joint,
	    "1 when others were taken with it" },
	{ C_ITEM, "joint_last", TVAL_OBJ, C_ITEM, i_joint_last,
	    "the last item taken with it" },
	{ C_ITEM, "joint_items", TVAL_LIST, C_ITEM, i_joint_items,
	    "it and the items taken with it" },

	{ C_SPEECH, "speaker", TVAL_USER, C_MEMBER, e_speaker,
	    "the speaker's id; speaker.name … the member" },
	{ C_SPEECH, "text", TVAL_USER, 0, e_text, "the words" },
	{ C_SPEECH, "label", TVAL_USER, 0, e_typed_label,
	    "the label typed with it" },
	{ C_SPEECH, "kind", TVAL_USER, 0, e_kind, "its kind" },
	{ C_SPEECH, "time", TVAL_TEXT, 0, e_time, "when it was recorded" },
	{ C_SPEECH, "item", TVAL_OBJ, C_ITEM, e_item, "its item" },
	{ C_NOTE, "text", TVAL_USER, 0, e_text, "the note" },
	{ C_NOTE, "time", TVAL_TEXT, 0, e_time, "when" },
	{ C_SIGNER, "member", TVAL_USER, C_MEMBER, e_speaker,
	    "the signer's id; member.name … the member" },
	{ C_SIGNER, "text", TVAL_USER, 0, e_text, "its own words" },
	{ C_ATTEND, "member", TVAL_USER, C_MEMBER, e_speaker,
	    "the member's id; member.name …" },
	{ C_ATTEND, "status", TVAL_USER, 0, a_status, "arrived, left …" },
	{ C_ATTEND, "returned", TVAL_NUM, 0, a_returned, "1 for an arrival "
	    "of a member who had been in the room (recorded present, gone "
	    "out, or withdrawn from an item): a return, not a late arrival" },
	{ C_ATTEND, "time", TVAL_TEXT, 0, e_time, "when" },
	{ C_ATTEND, "label", TVAL_TEXT, 0, a_label,
	    "the member's speaker label" },
	{ C_ATTEND, "staff", TVAL_NUM, 0, a_staff, "1 for staff" },
	{ C_REACTION, "time", TVAL_TEXT, 0, e_time, "when" },
	{ C_INTEREST, "time", TVAL_TEXT, 0, e_time, "when" },
	{ C_ACTION, "time", TVAL_TEXT, 0, e_time, "when" },
	{ C_ACTION, "owner_member", TVAL_OBJ, C_MEMBER, ac_owner_member,
	    "the owner, when a member" },
	{ C_ACTION, "owner_name", TVAL_USER, 0, ac_owner_name,
	    "the owner's full name, or the name as recorded" },
	{ C_ACTION, "due_date", TVAL_TEXT, 0, ac_due_date,
	    "the due date in the style's date form" },
	{ C_ACTION, "due_on", TVAL_OBJ, C_DATE, ac_due_on,
	    "the due date, to write it in another form: #{due_on.day2}/#{due_on.month2}" },
	{ C_NOTE, "kind", TVAL_USER, 0, n_kind,
	    "narrative (also when none was recorded), stage or heading" },
	{ C_EVENT, "time", TVAL_TEXT, 0, e_time, "when" },
	{ C_EVENT, "date", TVAL_TEXT, 0, e_date, "the day" },
	{ C_EVENT, "note", TVAL_USER, 0, e_note,
	    "a recess's or a resumption's note as recorded (for ten"
	    " minutes); empty for the opening and the closing" },
	{ C_EVENT, "resumed", TVAL_TEXT, 0, e_resumed,
	    "at a recess: when the meeting resumed (Proceedings suspended"
	    " from #{time} to #{resumed}); empty if it did not" },
	{ C_EVENT, "recessed", TVAL_TEXT, 0, e_recessed,
	    "at a resumption: when the recess it ends began; empty"
	    " elsewhere" },
	{ C_TIMELINE, "text", TVAL_USER, 0, e_text, "the note" },
	{ C_TIMELINE, "date", TVAL_TEXT, 0, e_date, "the day" },
	{ C_TIMELINE, "time", TVAL_TEXT, 0, e_time, "when" },

	{ C_VOTE, "id", TVAL_USER, 0, v_id, "id" },
	{ C_VOTE, "method", TVAL_USER, 0, v_method, "how it is taken" },
	{ C_VOTE, "motion", TVAL_USER, 0, v_motion, "the motion" },
	{ C_VOTE, "rule", TVAL_USER, 0, v_rule, "its rule" },
	{ C_VOTE, "item", TVAL_OBJ, C_ITEM, v_item, "the item voted on" },
	{ C_VOTE, "declared", TVAL_USER, 0, v_declared,
	    "the result the chair declared" },
	{ C_VOTE, "present", TVAL_NUM, 0, v_present,
	    "voting members present at the call" },
	{ C_VOTE, "counted", TVAL_NUM, 0, v_counted, "1 once counted" },
	{ C_VOTE, "mover", TVAL_OBJ, C_MEMBER, v_mover,
	    "the member who moved it (moved_by)" },
	{ C_VOTE, "seconder", TVAL_OBJ, C_MEMBER, v_seconder,
	    "the member who seconded it (seconded_by)" },
	{ C_VOTE, "candidate_member", TVAL_OBJ, C_MEMBER, v_candidate_member,
	    "an election's candidate, when a member" },
	{ C_VOTE, "candidate_name", TVAL_USER, 0, v_candidate_name,
	    "the candidate's full name, or the name as recorded" },
	{ C_VOTE, "choices", TVAL_LIST, C_CHOICE, v_choices,
	    "the last count's answers, as a count's choices (a roll call's:"
	    " #{each:vote.choices,…} in [decision])" },
	{ C_VOTE, "counts_given", TVAL_NUM, 0, v_counts_given,
	    "1 when the last count gave numbers or ballots" },
	{ C_VOTE, "result", TVAL_TEXT, 0, v_result, "carried or failed: "
	    "as declared (vote.result), else as the last count gives it under "
	    "the rule and quorum, wherever the line stands (a [vote.call] "
	    "line sees the count recorded after it); empty when the record "
	    "gives neither (no count, or a count in question)" },
	{ C_VOTE, "computed", TVAL_TEXT, 0, v_computed, "carried or failed "
	    "as the last count gives it, whatever was declared" },
	{ C_VOTE, "for", TVAL_NUM, 0, v_for, "the last count in favour" },
	{ C_VOTE, "against", TVAL_NUM, 0, v_against, "against" },
	{ C_VOTE, "abstain", TVAL_NUM, 0, v_abstain, "abstaining" },
	{ C_VOTE, "unanimous", TVAL_NUM, 0, v_unanimous,
	    "1 when counted as all in favour: recorded so, or every voter "
	    "counted for" },

	{ C_TALLY, "for", TVAL_NUM, 0, t_for, "in favour" },
	{ C_TALLY, "against", TVAL_NUM, 0, t_against, "against" },
	{ C_TALLY, "abstain", TVAL_NUM, 0, t_abstain, "abstaining" },
	{ C_TALLY, "unanimous", TVAL_NUM, 0, t_unanimous,
	    "1 for all in favour: recorded so, or every voter counted for" },
	{ C_TALLY, "counted", TVAL_NUM, 0, t_counted,
	    "1 when counts or ballots were given" },
	{ C_TALLY, "ballots", TVAL_NUM, 0, t_ballots, "ballots cast" },
	{ C_TALLY, "method", TVAL_USER, 0, t_method, "the vote's method" },
	{ C_TALLY, "motion", TVAL_USER, 0, t_motion, "the vote's motion" },
	{ C_TALLY, "rule", TVAL_USER, 0, t_rule,
	    "the rule in force: vote.call rule, else meta rule at the call, else majority" },
	{ C_TALLY, "declared", TVAL_USER, 0, t_declared,
	    "the result declared: carried or failed" },
	{ C_TALLY, "computed", TVAL_TEXT, 0, t_computed,
	    "the result the count gives: carried, failed or empty" },
	{ C_TALLY, "result", TVAL_TEXT, 0, t_result,
	    "declared, else computed" },
	{ C_TALLY, "no_quorum", TVAL_NUM, 0, t_no_quorum,
	    "1 when it failed for want of a quorum" },
	{ C_TALLY, "tie", TVAL_NUM, 0, t_tie,
	    "1 when the votes were equal" },
	{ C_TALLY, "casting_used", TVAL_NUM, 0, t_casting_used,
	    "1 when the chair's casting vote decided it" },
	{ C_TALLY, "presiding_used", TVAL_NUM, 0, t_presiding_used,
	    "1 when the presiding member's vote was counted" },
	{ C_TALLY, "needed", TVAL_NUM, 0, t_needed,
	    "the votes needed to carry" },
	{ C_TALLY, "voters", TVAL_NUM, 0, t_voters, "the voters counted" },
	{ C_TALLY, "present", TVAL_NUM, 0, t_present,
	    "members present at the call" },
	{ C_TALLY, "quorum", TVAL_NUM, 0, t_quorum,
	    "the members needed for a quorum" },
	{ C_TALLY, "presiding_role", TVAL_USER, 0, t_presiding_role,
	    "the role of the member presiding (会長, Mayor), or empty" },
	{ C_TALLY, "vote", TVAL_OBJ, C_VOTE, t_vote, "the vote" },
	{ C_TALLY, "item", TVAL_OBJ, C_ITEM, t_item, "the item voted on" },
	{ C_TALLY, "choices", TVAL_LIST, C_CHOICE, t_choices,
	    "the answers named in the tally's ballots: a roll call's, "
	    "or who raised a hand for what in a show of hands that "
	    "names them (checked against its counts)" },
	{ C_CHOICE, "choice", TVAL_TEXT, 0, ch_choice,
	    "yes, no, abstain, not_voting or absent" },
	{ C_CHOICE, "members", TVAL_LIST, C_MEMBER, ch_members,
	    "who answered so, in the order of the tally's ballots" },

	{ C_DECISION, "outcome", TVAL_USER, 0, dc_outcome, "the outcome" },
	{ C_DECISION, "text", TVAL_USER, 0, dc_text, "its own words" },
	{ C_DECISION, "rejected", TVAL_NUM, 0, dc_rejected,
	    "1 when rejected" },
	{ C_DECISION, "items", TVAL_LIST, C_ITEM, dc_items,
	    "the items decided" },
	{ C_DECISION, "item", TVAL_OBJ, C_ITEM, dc_item,
	    "the (first) item decided" },
	{ C_DECISION, "joint", TVAL_NUM, 0, dc_joint,
	    "1 for items decided together" },
	{ C_DECISION, "vote", TVAL_OBJ, C_VOTE, dc_vote,
	    "the vote it follows" },

	{ C_QUORUM, "present", TVAL_NUM, 0, q_present, "members present" },
	{ C_QUORUM, "seats", TVAL_NUM, 0, q_seats, "seats" },
	{ C_QUORUM, "needed", TVAL_NUM, 0, q_needed, "the quorum" },
	{ C_QUORUM, "met", TVAL_NUM, 0, q_met, "1 when it is met" },
	{ C_MATERIAL, "title", TVAL_USER, 0, mat_title, "title" },
	{ C_MATERIAL, "id", TVAL_USER, 0, mat_id, "id" },
	{ C_CORRECTION, "date", TVAL_TEXT, 0, cor_date, "the day" },
	{ C_CORRECTION, "time", TVAL_TEXT, 0, cor_time, "when" },
	{ C_CORRECTION, "station", TVAL_USER, 0, cor_station,
	    "the station" },
	{ C_CORRECTION, "target_seq", TVAL_TEXT, 0, cor_target_seq,
	    "the seq of the event corrected" },
	{ C_CORRECTION, "seq", TVAL_NUM, 0, cor_seq,
	    "the correction's own seq" },
	{ C_CORRECTION, "withdrawn_by", TVAL_TEXT, 0, cor_withdrawn_by,
	    "the seq of the retract that withdrew it, empty while in effect" },
	{ C_CORRECTION, "target_type", TVAL_USER, 0, cor_target_type,
	    "its type" },
	{ C_CORRECTION, "type", TVAL_TEXT, 0, cor_type,
	    "amend, retract or redact" },
	{ C_CORRECTION, "before", TVAL_USER, 0, cor_before,
	    "the words before" },
	{ C_CORRECTION, "after", TVAL_USER, 0, cor_after,
	    "the words after (amend)" },
	{ C_CORRECTION, "reason", TVAL_USER, 0, cor_reason, "the reason" },

	{ C_DATE, "year", TVAL_NUM, 0, dt_year, "2022" },
	{ C_DATE, "month", TVAL_NUM, 0, dt_month, "6" },
	{ C_DATE, "day", TVAL_NUM, 0, dt_day, "27" },
	{ C_DATE, "month2", TVAL_TEXT, 0, dt_month2, "06" },
	{ C_DATE, "day2", TVAL_TEXT, 0, dt_day2, "07" },
	{ C_DATE, "era", TVAL_TEXT, 0, dt_era, "令和" },
	{ C_DATE, "era_year", TVAL_NUM, 0, dt_era_year,
	    "4, or 元 in the first year (gannen)" },
	{ C_DATE, "weekday", TVAL_TEXT, 0, dt_weekday, "月" },
	{ C_DATE, "weekday_paren", TVAL_TEXT, 0, dt_weekday_paren,
	    "（月） or (月) (weekday_parens)" },
	{ C_DATE, "weekday_name", TVAL_TEXT, 0, dt_weekday_name, "Monday" },
	{ C_DATE, "month_name", TVAL_TEXT, 0, dt_month_name, "June" },
	{ C_DATE, "ja", TVAL_TEXT, 0, dt_ja,
	    "令和4年6月27日（月）, in the document's digits" },
	{ C_DATE, "en", TVAL_TEXT, 0, dt_en, "Monday, 27 June 2022" },
	{ C_TIME, "hour", TVAL_NUM, 0, tm_hour, "0 to 23" },
	{ C_TIME, "hour12", TVAL_NUM, 0, tm_hour12, "1 to 12" },
	{ C_TIME, "minute", TVAL_NUM, 0, tm_minute, "0 to 59" },
	{ C_TIME, "minute2", TVAL_TEXT, 0, tm_minute2, "00 to 59" },
	{ C_TIME, "ja", TVAL_TEXT, 0, tm_ja,
	    "午後2時41分 (noon, zero_minutes, pad_minutes)" },
	{ C_TIME, "en", TVAL_TEXT, 0, tm_en, "2:41 p.m., 12 noon" },
	{ C_TIME, "am_pm", TVAL_TEXT, 0, tm_am_pm, "a.m. or p.m." },
	{ C_RANGE, "start", TVAL_TEXT, 0, rg_start, "the start, a time" },
	{ C_RANGE, "end", TVAL_TEXT, 0, rg_end, "the end (may be empty)" },
	{ C_RANGE, "end_short", TVAL_TEXT, 0, rg_end_short,
	    "the end without 午前/午後 when the start has the same" },
	{ C_DURATION, "note", TVAL_TEXT, 0, du_note, "the note" },
	{ C_DURATION, "minutes", TVAL_NUM, 0, du_minutes,
	    "the time it took, in minutes" },
	{ C_SECGROUP, "org", TVAL_USER, 0, sg_org, "the organisation" },
	{ C_SECGROUP, "members", TVAL_LIST, C_MEMBER, sg_members,
	    "its staff" },
	{ C_DELIB, "items", TVAL_LIST, C_ITEM, dl_items,
	    "the item and those taken with it" },
	{ C_DELIB, "item", TVAL_OBJ, C_ITEM, dl_item, "the item" },
	{ C_DELIB, "attending", TVAL_LIST, C_MEMBER, dl_attending,
	    "staff attending for them: named for them (member.add agenda) or "
	    "heard on them; observers and groups named for them (witnesses)" },
	{ C_NONE, NULL, TVAL_NONE, 0, NULL, NULL }
};

/* Contexts that are an event of the log, and its type. */
enum event_type
mctx_event(enum mctx ctx)
{
	switch (ctx) {
	case C_SPEECH:
		return EV_SPEECH;
	case C_NOTE:
	case C_TIMELINE:
		return EV_NOTE;
	case C_VOTE:
		return EV_VOTE_CALL;
	case C_DECISION:
		return EV_DECISION;
	case C_SIGNER:
		return EV_SIGNER;
	case C_ATTEND:
		return EV_ATTENDANCE;
	case C_TALLY:
		return EV_VOTE_TALLY;
	case C_REACTION:
		return EV_REACTION;
	case C_INTEREST:
		return EV_INTEREST;
	case C_ACTION:
		return EV_ACTION;
	default:
		return EV_UNKNOWN;
	}
}

/* Contexts whose names stand alone (no fallback to the document). */
static int
ctx_closed(enum mctx ctx)
{
	return ctx == C_DATE || ctx == C_TIME || ctx == C_RANGE ||
	    ctx == C_DURATION;
}

static const struct mname *
mname_find(enum mctx ctx, const char *name, size_t len)
{
	const struct mname	*n;

	for (n = mnames; n->name != NULL; n++) {
		if (n->ctx == ctx && strlen(n->name) == len &&
		    memcmp(n->name, name, len) == 0)
			return n;
	}
	return NULL;
}

/* A vocabulary field of the context's event type, and what it refers to. */
static const struct field_def *
field_find(enum mctx ctx, const char *name, size_t len)
{
	enum event_type		 t = mctx_event(ctx);
	const struct field_def	*f;
	char			*n;

	if (t == EV_UNKNOWN)
		return NULL;
	n = xstrndup(name, len);
	f = event_field_find(&event_defs[t], n);
	free(n);
	return f;
}

static enum mctx
ref_ctx(enum field_ref r)
{
	switch (r) {
	case REF_MEMBER:
		return C_MEMBER;
	case REF_ITEM:
		return C_ITEM;
	case REF_VOTE:
		return C_VOTE;
	default:
		return C_NONE;
	}
}

static int
loop_name(const char *name, size_t len)
{
	return (len == 5 && memcmp(name, "index", 5) == 0) ||
	    (len == 5 && memcmp(name, "first", 5) == 0) ||
	    (len == 4 && memcmp(name, "last", 4) == 0) ||
	    (len == 3 && memcmp(name, "nth", 3) == 0);
}

static int
prefixed(const char *name, size_t len, const char *prefix)
{
	size_t	 pl = strlen(prefix);

	return len > pl && memcmp(name, prefix, pl) == 0;
}

/* What name means in ctx, for the checker (not looking at parents). */
static enum tval_type
type_in(enum mctx ctx, const char *name, size_t len, int *elem)
{
	const struct mname	*n;
	const struct field_def	*f;
	const char		*dot = memchr(name, '.', len);

	if ((n = mname_find(ctx, name, len)) != NULL) {
		*elem = n->elem;
		return n->type;
	}
	if ((f = field_find(ctx, name, len)) != NULL) {
		*elem = ref_ctx(f->ref);
		return f->type == FT_INT ? TVAL_NUM : TVAL_USER;
	}
	if (dot != NULL) {
		size_t	 hl = (size_t)(dot - name);

		if ((n = mname_find(ctx, name, hl)) != NULL && n->elem != 0)
			return mnames_type(n->elem, dot + 1, len - hl - 1,
			    elem);
		if ((f = field_find(ctx, name, hl)) != NULL &&
		    ref_ctx(f->ref) != C_NONE)
			return mnames_type(ref_ctx(f->ref), dot + 1,
			    len - hl - 1, elem);
	}
	return TVAL_NONE;
}

enum tval_type
mnames_type(enum mctx ctx, const char *name, size_t len, int *elem)
{
	enum tval_type	 t;

	*elem = 0;
	if (ctx & TPL_IN_LIST) {
		if (loop_name(name, len))
			return TVAL_NUM;
		ctx &= ~TPL_IN_LIST;
	}
	if ((t = type_in(ctx, name, len, elem)) != TVAL_NONE)
		return t;
	if (ctx == C_DOC && (prefixed(name, len, "meta.") ||
	    prefixed(name, len, "option.")))
		return TVAL_USER;
	if (ctx_closed(ctx) || ctx == C_DOC)
		return TVAL_NONE;
	return mnames_type(C_DOC, name, len, elem);
}

/* The names of ctx (its own and its event's fields), then C_DOC's. */
static void
names_of(enum mctx ctx, const char ***v, size_t *n, size_t *cap)
{
	const struct mname	*m;
	const struct field_def	*f;
	enum event_type		 t;

	ctx &= ~TPL_IN_LIST;
	for (m = mnames; m->name != NULL; m++) {
		if (m->ctx != ctx)
			continue;
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*v = xreallocarray(*v, *cap, sizeof **v);
		}
		(*v)[(*n)++] = m->name;
	}
	if ((t = mctx_event(ctx)) != EV_UNKNOWN) {
		for (f = event_defs[t].fields; f->name != NULL; f++) {
			if (*n == *cap) {
				*cap = *cap ? 2 * *cap : 64;
				*v = xreallocarray(*v, *cap, sizeof **v);
			}
			(*v)[(*n)++] = f->name;
		}
	}
	if (!ctx_closed(ctx) && ctx != C_DOC)
		names_of(C_DOC, v, n, cap);
}

char *
mnames_nearest(enum mctx ctx, const char *name, size_t len)
{
	const char	**v = NULL, *near;
	const char	*dot = memchr(name, '.', len);
	size_t		 n = 0, cap = 0, hl;
	char		*s, *r = NULL;
	int		 elem;

	if (dot != NULL) {
		/* mover.nam: the object's names, after its own. */
		hl = (size_t)(dot - name);
		if (mnames_type(ctx, name, hl, &elem) != TVAL_NONE &&
		    elem != 0 && (s = mnames_nearest((enum mctx)elem, dot + 1,
		    len - hl - 1)) != NULL) {
			r = xasprintf("%.*s.%s", (int)hl, name, s);
			free(s);
		}
		return r;
	}
	names_of(ctx, &v, &n, &cap);
	s = xstrndup(name, len);
	if ((near = name_nearest(s, v, n, 1 + len / 4)) != NULL)
		r = xstrdup(near);
	free(s);
	free(v);
	return r;
}

/* ---------------------------------------------------------- evaluation */

void
mscope_init(struct tpl_scope *sc, struct builder *b, enum mctx ctx,
    const void *p, const struct tpl_scope *parent)
{
	memset(sc, 0, sizeof *sc);
	sc->get = mscope_get;
	sc->elem = mscope_elem;
	sc->ctx = ctx;
	sc->p = p;
	sc->arg = b;
	sc->parent = ctx_closed(ctx) ? NULL : parent;
}

/* The log entry behind a scope, or NULL (a vote is the fold's own). */
static const struct entry *
scope_entry(const struct tpl_scope *sc)
{
	switch (sc->ctx) {
	case C_SPEECH:
	case C_NOTE:
	case C_SIGNER:
	case C_ATTEND:
	case C_EVENT:
	case C_TIMELINE:
	case C_REACTION:
	case C_INTEREST:
	case C_ACTION:
		return E(sc);
	case C_DECISION:
		return DC(sc)->e;
	case C_TALLY:
		return T(sc)->e;
	default:
		return NULL;
	}
}

/* Is the event the scope is about redacted (the vote's call for a vote)? */
static int
scope_redacted(const struct tpl_scope *sc)
{
	const struct entry	*e = scope_entry(sc);

	if (e == NULL && sc->ctx == C_VOTE)
		e = &M(sc)->entries[V(sc)->entry];
	if (e == NULL && sc->ctx == C_ITEM)
		return IT(sc)->redacted;
	return e != NULL && (e->flags & ENTRY_REDACTED);
}

/*
 * A field that holds what somebody wrote (a motion, a reaction's words, a
 * number as printed), not an id, a choice of the vocabulary or a count.
 */
static int
passage(const struct field_def *f)
{
	return f->type == FT_STRING && f->ref == REF_NONE && f->values == NULL;
}

/* A data field of the scope's event as recorded (owned), or NULL. */
static char *
scope_field(const struct tpl_scope *sc, const char *name)
{
	const struct entry	*e = scope_entry(sc);
	char			*path, *v;

	if (e != NULL) {
		if (e->data == NULL) {
			/* An uncorrected speech or note: its fields are out. */
			const char *f = NULL;

			if (strcmp(name, "speaker") == 0 ||
			    strcmp(name, "member") == 0)
				f = e->speaker;
			else if (strcmp(name, "text") == 0)
				f = e->text;
			else if (strcmp(name, "kind") == 0)
				f = e->kind;
			else if (strcmp(name, "label") == 0)
				f = e->label;
			return f != NULL ? xstrdup(f) : NULL;
		}
		return entry_get(e, name);
	}
	if (sc->ctx != C_VOTE)
		return NULL;
	path = xasprintf("$.\"%s\"", name);
	v = json_get(V(sc)->data, path);
	free(path);
	return v;
}

/* The object a reference field names (speaker → the member …). */
static int
ref_obj(const struct tpl_scope *sc, const struct field_def *f,
    struct tval *v)
{
	struct builder		*b = B(sc);
	const struct entry	*e = scope_entry(sc);
	char			*id;
	int			 i;

	if (f->ref == REF_MEMBER && e != NULL && e->member >= 0 &&
	    (strcmp(f->name, "speaker") == 0 || strcmp(f->name, "member") ==
	    0))
		return obj(v, C_MEMBER, &b->m->members[e->member]);
	/* Who moved or seconded a redacted call is not public (v_mover). */
	if (f->ref == REF_MEMBER && (strcmp(f->name, "moved_by") == 0 ||
	    strcmp(f->name, "seconded_by") == 0) && hidden(sc,
	    scope_redacted(sc)))
		return obj(v, C_MEMBER, NULL);
	id = scope_field(sc, f->name);
	if (id == NULL)
		return obj(v, ref_ctx(f->ref), NULL);
	switch (f->ref) {
	case REF_MEMBER:
		/* One the roster lacks is named as recorded. */
		i = meeting_member(b->m, id);
		obj(v, C_MEMBER, i >= 0 ? &b->m->members[i] :
		    mb_unknown_member(b, id));
		break;
	case REF_ITEM:
		i = meeting_item(b->m, id);
		obj(v, C_ITEM, i >= 0 ? &b->m->items[i] : NULL);
		break;
	default:
		i = meeting_vote(b->m, id);
		obj(v, C_VOTE, i >= 0 ? &b->m->votes[i] : NULL);
		break;
	}
	free(id);
	return 0;
}

/* A field's value as recorded (owned): a number for an integer field. */
static int
field_value(struct tval *v, const struct field_def *f, char *val)
{
	long	 n;

	if (f->type == FT_INT && val != NULL) {
		n = strtol(val, NULL, 10);
		free(val);
		return num(v, n);
	}
	return user_own(v, val);
}

/*
 * A field holding an id, made the object it names: the entry's own
 * member when it has one (speaker, attendance, signer), else by id.
 */
static void
id_obj(const struct tpl_scope *sc, struct tval *v, enum mctx ctx)
{
	struct builder		*b = B(sc);
	const char		*id = v->s;
	int			 i = -1;

	if (ctx == C_MEMBER && scope_entry(sc) != NULL &&
	    scope_entry(sc)->member >= 0 && (sc->ctx == C_SPEECH ||
	    sc->ctx == C_SIGNER || sc->ctx == C_ATTEND))
		i = scope_entry(sc)->member;
	else if (ctx == C_MEMBER)
		i = meeting_member(b->m, id);
	v->type = TVAL_OBJ;
	v->ctx = ctx;
	v->p = NULL;
	switch (ctx) {
	case C_MEMBER:
		v->p = i >= 0 ? &b->m->members[i] : NULL;
		break;
	case C_ITEM:
		i = meeting_item(b->m, id);
		v->p = i >= 0 ? &b->m->items[i] : NULL;
		break;
	case C_VOTE:
		i = meeting_vote(b->m, id);
		v->p = i >= 0 ? &b->m->votes[i] : NULL;
		break;
	default:
		break;
	}
}

int
mscope_get(const struct tpl_scope *sc, const char *name, size_t len,
    struct tval *v)
{
	struct builder		*b = B(sc);
	const struct mname	*n;
	const struct field_def	*f;
	const char		*dot, *s;
	struct tpl_scope	 sub;
	struct tval		 head;
	char			*key, *val;
	size_t			 hl, i;

	if (sc->n > 0 && loop_name(name, len)) {
		if (name[0] == 'i')
			return num(v, (long)sc->i + 1);
		if (name[0] == 'n')
			return num(v, (long)sc->shown + 1);
		if (name[0] == 'f')
			return flag(v, sc->i == 0);
		return flag(v, sc->i + 1 == sc->n);
	}
	if ((n = mname_find(sc->ctx, name, len)) != NULL) {
		if (sc->p == NULL)
			return text(v, "");
		return n->get(sc, v);
	}
	if (sc->p != NULL && (f = field_find(sc->ctx, name, len)) != NULL) {
		/* Who moved or seconded a redacted call: not public. */
		if (f->ref == REF_MEMBER && (strcmp(f->name, "moved_by") == 0 ||
		    strcmp(f->name, "seconded_by") == 0) && hidden(sc,
		    scope_redacted(sc)))
			return user(v, NULL);
		val = scope_field(sc, f->name);
		/* Withheld where something was recorded; never made up. */
		if (val != NULL && passage(f) && hidden(sc,
		    scope_redacted(sc))) {
			free(val);
			if (strcmp(f->name, "number") == 0 ||
			    strcmp(f->name, "label") == 0)
				return user(v, NULL);
			return user(v, D(sc)->redaction);
		}
		return field_value(v, f, val);
	}
	if (sc->ctx == C_DOC && prefixed(name, len, "meta.")) {
		key = xstrndup(name + 5, len - 5);
		s = meeting_meta_str(b->m, key, "");
		free(key);
		return user(v, s);
	}
	if (sc->ctx == C_DOC && prefixed(name, len, "option.")) {
		for (i = 0; i < b->st->noptions; i++) {
			const struct moption *o = &b->st->options[i];

			if (strlen(o->name) == len - 7 &&
			    memcmp(o->name, name + 7, len - 7) == 0)
				return text(v, o->chosen);
		}
		return text(v, "");
	}
	if ((dot = memchr(name, '.', len)) == NULL)
		return -1;
	hl = (size_t)(dot - name);
	memset(&head, 0, sizeof head);
	if ((n = mname_find(sc->ctx, name, hl)) != NULL && n->elem != 0) {
		if (sc->p == NULL)
			return text(v, "");
		n->get(sc, &head);
		if (head.type == TVAL_USER)
			id_obj(sc, &head, (enum mctx)n->elem);
		free(head.own);
		head.own = NULL;
		if (head.type != TVAL_OBJ)
			return -1;
	} else if (sc->p != NULL && mctx_event(sc->ctx) != EV_UNKNOWN &&
	    (f = field_find(sc->ctx, name, hl)) != NULL &&
	    ref_ctx(f->ref) != C_NONE)
		ref_obj(sc, f, &head);
	else
		return -1;
	if (head.p == NULL)
		return text(v, "");
	mscope_init(&sub, b, (enum mctx)head.ctx, head.p, NULL);
	if (mscope_get(&sub, dot + 1, len - hl - 1, v) == 0)
		return 0;
	return text(v, "");
}

int
mscope_elem(const struct tpl_scope *sc, const struct tval *lv, size_t i,
    struct tpl_scope *out)
{
	const struct mlist	*l = lv->p;

	if (l == NULL || i >= l->n)
		return -1;
	mscope_init(out, B(sc), l->ctx, l->objs[i], sc);
	return 0;
}
