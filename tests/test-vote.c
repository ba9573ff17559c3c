/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of core/vote.c: the arithmetic of votes and quorum. Tables of
 * cases for vote_compute(), every method against every rule, then ballots
 * (roll call and written), declared outcomes, names and quorum.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "vote.h"

/* The committee most cases use: 21 seats, 18 present with the chair. */
#define COMMITTEE .seats = 21, .present = 18, .chair_present = 1, .quorum = 11

struct compute_case {
	const char		*name;
	/* The vote. */
	enum vote_method	 method;
	enum vote_rule		 rule;
	enum vote_abstain	 abstain;
	enum vote_chair		 chair;
	int			 chair_present;
	int			 chair_seatless;
	long			 seats;
	long			 present;
	long			 quorum;
	long			 fixed;		/* vote.call needed */
	/* The tally. */
	long			 yes, no, abst, not_voting, absent, late;
	int			 unanimous;
	enum vote_choice	 casting;
	enum vote_choice	 presiding;
	/* What it should give: rc 0 with these, or rc -1 with cause. */
	int			 rc;
	enum vote_outcome	 outcome;
	unsigned		 flags;
	long			 cast;
	long			 needed;
	const char		*cause;
};

static const struct compute_case compute_cases[] = {
	/* Ties and the chair's casting vote. */
	{ .name = "tie, no casting vote", COMMITTEE,
	  .yes = 8, .no = 8,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_TIE, .cast = 16,
	  .needed = 9 },
	{ .name = "tie, casting vote for", COMMITTEE,
	  .yes = 8, .no = 8, .casting = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 16, .needed = 9 },
	{ .name = "tie, casting vote against", COMMITTEE,
	  .yes = 8, .no = 8, .casting = VOTE_NO,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 16, .needed = 9 },
	{ .name = "casting vote without a tie", COMMITTEE,
	  .yes = 9, .no = 7, .casting = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a casting vote was given but the vote is not "
	  "tied (9 for, 7 against, 9 needed)" },
	{ .name = "casting vote when the chair votes",
	  .chair = VOTE_CHAIR_VOTES, COMMITTEE,
	  .yes = 9, .no = 9, .casting = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a casting vote was given but the chair votes as "
	  "a member (chair=votes)" },
	{ .name = "casting vote with the chair away",
	  .seats = 21, .present = 18, .quorum = 11,
	  .yes = 9, .no = 9, .casting = VOTE_NO, .rc = -1,
	  .cause = "vote v1: a casting vote was given but the chair is not "
	  "present" },
	{ .name = "casting vote to abstain", COMMITTEE,
	  .yes = 8, .no = 8, .casting = VOTE_ABSTAIN, .rc = -1,
	  .cause = "vote v1: a casting vote is yes or no, not abstain" },
	{ .name = "tie when the chair votes", .chair = VOTE_CHAIR_VOTES,
	  COMMITTEE, .yes = 9, .no = 9,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_TIE, .cast = 18,
	  .needed = 10 },
	{ .name = "majority_present: a tie counts abstainers",
	  .rule = VOTE_MAJORITY_PRESENT, .seats = 21, .present = 17,
	  .chair_present = 1, .quorum = 11, .yes = 8, .no = 6, .abst = 2,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_TIE, .cast = 14,
	  .needed = 9 },
	{ .name = "majority_present: casting vote breaks it",
	  .rule = VOTE_MAJORITY_PRESENT, .seats = 21, .present = 17,
	  .chair_present = 1, .quorum = 11, .yes = 8, .no = 6, .abst = 2,
	  .casting = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 14, .needed = 9 },
	{ .name = "majority_seats: half the seats is a tie",
	  .rule = VOTE_MAJORITY_SEATS, .seats = 20, .present = 20,
	  .chair_present = 1, .quorum = 11, .yes = 10, .no = 9,
	  .casting = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 19, .needed = 11 },
	{ .name = "two_thirds: one each is no tie", .rule = VOTE_TWO_THIRDS,
	  COMMITTEE, .yes = 1, .no = 1,
	  .outcome = VOTE_FAILED, .cast = 2, .needed = 2 },

	/* Nobody votes. */
	{ .name = "zero votes", COMMITTEE,
	  .outcome = VOTE_FAILED, .cast = 0, .needed = 1 },
	{ .name = "zero votes, two_thirds", .rule = VOTE_TWO_THIRDS,
	  COMMITTEE, .outcome = VOTE_FAILED, .cast = 0, .needed = 1 },
	{ .name = "zero votes, unanimity", .rule = VOTE_UNANIMITY, COMMITTEE,
	  .outcome = VOTE_FAILED, .cast = 0, .needed = 1 },
	{ .name = "all abstain, not cast", COMMITTEE, .abst = 17,
	  .outcome = VOTE_FAILED, .cast = 0, .needed = 1 },
	{ .name = "all abstain, cast", .abstain = VOTE_ABSTAIN_CAST,
	  COMMITTEE, .abst = 17,
	  .outcome = VOTE_FAILED, .cast = 17, .needed = 9 },
	{ .name = "abstentions not cast: carried", COMMITTEE,
	  .yes = 5, .no = 3, .abst = 2,
	  .outcome = VOTE_CARRIED, .cast = 8, .needed = 5 },
	{ .name = "abstentions cast: the same counts tie",
	  .abstain = VOTE_ABSTAIN_CAST, COMMITTEE,
	  .yes = 5, .no = 3, .abst = 2,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_TIE, .cast = 10,
	  .needed = 6 },
	{ .name = "nobody present", .seats = 21, .present = 0,
	  .chair_present = 1, .quorum = 11,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_NO_QUORUM, .cast = 0,
	  .needed = 1 },

	/* Quorum. */
	{ .name = "quorum exactly met", .seats = 21, .present = 11,
	  .chair_present = 1, .quorum = 11, .yes = 7, .no = 3,
	  .outcome = VOTE_CARRIED, .cast = 10, .needed = 6 },
	{ .name = "quorum one short", .seats = 21, .present = 10,
	  .chair_present = 1, .quorum = 11, .yes = 7, .no = 2,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_NO_QUORUM, .cast = 9,
	  .needed = 5 },
	{ .name = "no quorum voids the casting vote", .seats = 21,
	  .present = 10, .chair_present = 1, .quorum = 11,
	  .yes = 4, .no = 4, .casting = VOTE_YES,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_TIE | VOTE_F_NO_QUORUM,
	  .cast = 8, .needed = 5 },
	{ .name = "seats and quorum unknown", .present = 5,
	  .chair_present = 1, .yes = 3, .no = 1,
	  .outcome = VOTE_CARRIED, .cast = 4, .needed = 3 },

	/* Two thirds: yes*3 >= cast*2. */
	{ .name = "two_thirds: 10 of 15 carries", .rule = VOTE_TWO_THIRDS,
	  COMMITTEE, .yes = 10, .no = 5,
	  .outcome = VOTE_CARRIED, .cast = 15, .needed = 10 },
	{ .name = "two_thirds: 9 of 14 fails", .rule = VOTE_TWO_THIRDS,
	  COMMITTEE, .yes = 9, .no = 5,
	  .outcome = VOTE_FAILED, .cast = 14, .needed = 10 },
	{ .name = "two_thirds: 2 of 3 carries", .rule = VOTE_TWO_THIRDS,
	  COMMITTEE, .yes = 2, .no = 1,
	  .outcome = VOTE_CARRIED, .cast = 3, .needed = 2 },
	{ .name = "two_thirds: 10 of 16 fails", .rule = VOTE_TWO_THIRDS,
	  COMMITTEE, .yes = 10, .no = 6,
	  .outcome = VOTE_FAILED, .cast = 16, .needed = 11 },
	{ .name = "two_thirds, abstention cast: 10 of 15 carries",
	  .rule = VOTE_TWO_THIRDS, .abstain = VOTE_ABSTAIN_CAST, COMMITTEE,
	  .yes = 10, .no = 4, .abst = 1,
	  .outcome = VOTE_CARRIED, .cast = 15, .needed = 10 },
	{ .name = "two_thirds, abstentions cast: 10 of 16 fails",
	  .rule = VOTE_TWO_THIRDS, .abstain = VOTE_ABSTAIN_CAST, COMMITTEE,
	  .yes = 10, .no = 4, .abst = 2,
	  .outcome = VOTE_FAILED, .cast = 16, .needed = 11 },
	{ .name = "two_thirds_present: 12 of 17 voters carries",
	  .rule = VOTE_TWO_THIRDS_PRESENT, COMMITTEE, .yes = 12, .no = 5,
	  .outcome = VOTE_CARRIED, .cast = 17, .needed = 12 },
	{ .name = "two_thirds_present: 11 with none against fails",
	  .rule = VOTE_TWO_THIRDS_PRESENT, COMMITTEE, .yes = 11,
	  .outcome = VOTE_FAILED, .cast = 11, .needed = 12 },

	/* Absolute majority of the seats: 21 seats need 11. */
	{ .name = "majority_seats: 11 of 21 carries",
	  .rule = VOTE_MAJORITY_SEATS, COMMITTEE, .yes = 11,
	  .outcome = VOTE_CARRIED, .cast = 11, .needed = 11 },
	{ .name = "majority_seats: 10 to 2 fails",
	  .rule = VOTE_MAJORITY_SEATS, COMMITTEE, .yes = 10, .no = 2,
	  .outcome = VOTE_FAILED, .cast = 12, .needed = 11 },
	{ .name = "majority_seats without seats", .rule = VOTE_MAJORITY_SEATS,
	  .present = 18, .chair_present = 1, .yes = 10, .rc = -1,
	  .cause = "vote v1: rule majority_seats needs the number of seats "
	  "(meta.set seats)" },

	/* Unanimity: every vote cast is yes. */
	{ .name = "unanimity, abstentions not cast", .rule = VOTE_UNANIMITY,
	  COMMITTEE, .yes = 10, .abst = 2,
	  .outcome = VOTE_CARRIED, .cast = 10, .needed = 10 },
	{ .name = "unanimity, abstentions cast", .rule = VOTE_UNANIMITY,
	  .abstain = VOTE_ABSTAIN_CAST, COMMITTEE, .yes = 10, .abst = 2,
	  .outcome = VOTE_FAILED, .cast = 12, .needed = 12 },
	{ .name = "unanimity, one against", .rule = VOTE_UNANIMITY,
	  COMMITTEE, .yes = 16, .no = 1,
	  .outcome = VOTE_FAILED, .cast = 17, .needed = 17 },

	/* Show of hands. */
	{ .name = "hands: every voter for", COMMITTEE, .yes = 17,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_UNANIMOUS, .cast = 17,
	  .needed = 9 },
	{ .name = "hands: one voter short of all", COMMITTEE, .yes = 16,
	  .outcome = VOTE_CARRIED, .cast = 16, .needed = 9 },
	{ .name = "hands: tally marked unanimous", COMMITTEE,
	  .unanimous = 1,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_UNANIMOUS, .cast = 17,
	  .needed = 9 },
	{ .name = "hands: simple failure", COMMITTEE, .yes = 6, .no = 9,
	  .abst = 2, .outcome = VOTE_FAILED, .cast = 15, .needed = 8 },

	/* Unanimous and consent. */
	{ .name = "unanimous with the count given",
	  .method = VOTE_UNANIMOUS, COMMITTEE, .yes = 17,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_UNANIMOUS, .cast = 17,
	  .needed = 9 },
	{ .name = "unanimous with one against", .method = VOTE_UNANIMOUS,
	  COMMITTEE, .yes = 16, .no = 1, .rc = -1,
	  .cause = "vote v1: recorded as unanimous but with 1 against and 0 "
	  "abstaining" },
	{ .name = "unanimous with too few for", .method = VOTE_UNANIMOUS,
	  COMMITTEE, .yes = 15, .rc = -1,
	  .cause = "vote v1: recorded as unanimous with 15 for, but 17 "
	  "members present may vote" },
	{ .name = "consent with an objection", .method = VOTE_CONSENT,
	  COMMITTEE, .no = 1,
	  .outcome = VOTE_FAILED, .cast = 1, .needed = 1 },
	{ .name = "consent with votes for", .method = VOTE_CONSENT, COMMITTEE,
	  .yes = 3, .rc = -1,
	  .cause = "vote v1: consent records only objections, but 3 for and 0 "
	  "abstaining were given" },
	{ .name = "consent, chair votes", .method = VOTE_CONSENT,
	  .chair = VOTE_CHAIR_VOTES, COMMITTEE,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_UNANIMOUS, .cast = 18,
	  .needed = 10 },

	/* Counts that cannot be. */
	{ .name = "more votes than present, chair votes",
	  .chair = VOTE_CHAIR_VOTES, COMMITTEE,
	  .yes = 12, .no = 6, .abst = 2, .rc = -1,
	  .cause = "vote v1: 20 votes counted but only 18 members present "
	    "(record the others' attendance, or the voters counted in the "
	    "room as vote.call voters)" },
	{ .name = "more votes than voters, chair casting", COMMITTEE,
	  .yes = 12, .no = 6, .rc = -1,
	  .cause = "vote v1: 18 votes counted but only 17 of the 18 members "
	  "present may vote (the chair has only a casting vote)" },
	{ .name = "more answers than present", .method = VOTE_ROLLCALL,
	  COMMITTEE, .yes = 10, .no = 5, .not_voting = 4, .rc = -1,
	  .cause = "vote v1: 19 members answered (4 not voting) but only 18 "
	  "are present" },
	{ .name = "written: more ballots than members",
	  .method = VOTE_WRITTEN, .seats = 7, .present = 7, .quorum = 4,
	  .yes = 6, .no = 2, .rc = -1,
	  .cause = "vote v1: 8 votes counted but only 7 members taking part" },
	{ .name = "negative count for", COMMITTEE, .yes = -1, .rc = -1,
	  .cause = "vote v1: the count for is negative (-1)" },
	{ .name = "negative abstentions", COMMITTEE, .abst = -2, .rc = -1,
	  .cause = "vote v1: the count of abstentions is negative (-2)" },
	{ .name = "negative late", COMMITTEE, .late = -1, .rc = -1,
	  .cause = "vote v1: the count of late ballots is negative (-1)" },
	{ .name = "negative present", .seats = 21, .present = -3, .rc = -1,
	  .cause = "vote v1: the number of members present is negative (-3)" },
	{ .name = "count too large", COMMITTEE, .yes = 2000000000L,
	  .rc = -1,
	  .cause = "vote v1: the count for is too large (2000000000)" },
	{ .name = "more present than seats", .seats = 21, .present = 22,
	  .rc = -1,
	  .cause = "vote v1: 22 members present but the body has only 21 "
	  "seats" },
	{ .name = "quorum above the seats", .seats = 21, .present = 18,
	  .quorum = 25, .rc = -1,
	  .cause = "vote v1: a quorum of 25 is more than the 21 seats" },

	/* Two thirds of the seats: 21 seats need 14, whoever is present. */
	{ .name = "two_thirds_seats: 14 of 21 seats carries",
	  .rule = VOTE_TWO_THIRDS_SEATS, COMMITTEE, .yes = 14, .no = 3,
	  .outcome = VOTE_CARRIED, .cast = 17, .needed = 14 },
	{ .name = "two_thirds_seats: 13 with none against fails",
	  .rule = VOTE_TWO_THIRDS_SEATS, COMMITTEE, .yes = 13,
	  .outcome = VOTE_FAILED, .cast = 13, .needed = 14 },
	{ .name = "two_thirds_seats: 20 seats need 14",
	  .rule = VOTE_TWO_THIRDS_SEATS, .seats = 20, .present = 18,
	  .chair_present = 1, .quorum = 11, .yes = 14, .no = 3,
	  .outcome = VOTE_CARRIED, .cast = 17, .needed = 14 },
	{ .name = "two_thirds_seats: 9 seats need 6, 5 fails",
	  .rule = VOTE_TWO_THIRDS_SEATS, .seats = 9, .present = 9,
	  .chair_present = 1, .quorum = 5, .yes = 5, .no = 1,
	  .outcome = VOTE_FAILED, .cast = 6, .needed = 6 },
	{ .name = "two_thirds_seats: no tie on half",
	  .rule = VOTE_TWO_THIRDS_SEATS, .seats = 8, .present = 8,
	  .chair = VOTE_CHAIR_VOTES, .chair_present = 1, .quorum = 5,
	  .yes = 4, .no = 4,
	  .outcome = VOTE_FAILED, .cast = 8, .needed = 6 },
	{ .name = "two_thirds_seats without seats",
	  .rule = VOTE_TWO_THIRDS_SEATS, .present = 18, .chair_present = 1,
	  .yes = 12, .rc = -1,
	  .cause = "vote v1: rule two_thirds_seats needs the number of seats "
	  "(meta.set seats)" },

	/*
	 * Three quarters (特別決議): of the votes cast, of those present, of
	 * the seats. 8 cast need 6, 7 need 6 (5 × 4 < 21), 21 seats 16.
	 */
	{ .name = "three_quarters: 6 of 8 carries",
	  .rule = VOTE_THREE_QUARTERS, COMMITTEE, .yes = 6, .no = 2,
	  .outcome = VOTE_CARRIED, .cast = 8, .needed = 6 },
	{ .name = "three_quarters: 5 of 7 fails",
	  .rule = VOTE_THREE_QUARTERS, COMMITTEE, .yes = 5, .no = 2,
	  .outcome = VOTE_FAILED, .cast = 7, .needed = 6 },
	{ .name = "three_quarters_present: 13 of 17 voters carries",
	  .rule = VOTE_THREE_QUARTERS_PRESENT, COMMITTEE, .yes = 13, .no = 1,
	  .outcome = VOTE_CARRIED, .cast = 14, .needed = 13 },
	{ .name = "three_quarters_present: 12 with none against fails",
	  .rule = VOTE_THREE_QUARTERS_PRESENT, COMMITTEE, .yes = 12,
	  .outcome = VOTE_FAILED, .cast = 12, .needed = 13 },
	{ .name = "three_quarters_seats: 21 seats need 16",
	  .rule = VOTE_THREE_QUARTERS_SEATS, COMMITTEE, .yes = 16, .no = 1,
	  .outcome = VOTE_CARRIED, .cast = 17, .needed = 16 },
	{ .name = "three_quarters_seats: 15 of 21 fails",
	  .rule = VOTE_THREE_QUARTERS_SEATS, COMMITTEE, .yes = 15,
	  .outcome = VOTE_FAILED, .cast = 15, .needed = 16 },

	/*
	 * Four fifths (a prior year's bill at a town meeting): 10 cast need
	 * 8, 9 need 8 (7 × 5 < 36), 21 seats 17 (16 × 5 < 84).
	 */
	{ .name = "four_fifths: 8 of 10 carries",
	  .rule = VOTE_FOUR_FIFTHS, COMMITTEE, .yes = 8, .no = 2,
	  .outcome = VOTE_CARRIED, .cast = 10, .needed = 8 },
	{ .name = "four_fifths: 7 of 9 fails",
	  .rule = VOTE_FOUR_FIFTHS, COMMITTEE, .yes = 7, .no = 2,
	  .outcome = VOTE_FAILED, .cast = 9, .needed = 8 },
	{ .name = "four_fifths_present: 14 of 17 voters carries",
	  .rule = VOTE_FOUR_FIFTHS_PRESENT, COMMITTEE, .yes = 14, .no = 1,
	  .outcome = VOTE_CARRIED, .cast = 15, .needed = 14 },
	{ .name = "four_fifths_seats: 21 seats need 17",
	  .rule = VOTE_FOUR_FIFTHS_SEATS, COMMITTEE, .yes = 16, .no = 0,
	  .outcome = VOTE_FAILED, .cast = 16, .needed = 17 },
	{ .name = "three_quarters_seats without seats",
	  .rule = VOTE_THREE_QUARTERS_SEATS, .present = 18,
	  .chair_present = 1, .yes = 12, .rc = -1,
	  .cause = "vote v1: rule three_quarters_seats needs the number of "
	  "seats (meta.set seats)" },

	/* A number fixed by law (vote.call needed) replaces the rule's. */
	{ .name = "needed 5: 5 to 4 carries", .seats = 9, .present = 9,
	  .chair = VOTE_CHAIR_VOTES, .chair_present = 1, .quorum = 5,
	  .fixed = 5, .yes = 5, .no = 4,
	  .outcome = VOTE_CARRIED, .cast = 9, .needed = 5 },
	{ .name = "needed 5: 4 to 1 fails though a majority",
	  .seats = 9, .present = 9, .chair = VOTE_CHAIR_VOTES,
	  .chair_present = 1, .quorum = 5, .fixed = 5, .yes = 4, .no = 1,
	  .abst = 4,
	  .outcome = VOTE_FAILED, .cast = 5, .needed = 5 },
	{ .name = "needed 6 under two_thirds: 6 of 9 cast carries",
	  .rule = VOTE_TWO_THIRDS, .seats = 9, .present = 9,
	  .chair = VOTE_CHAIR_VOTES, .chair_present = 1, .quorum = 5,
	  .fixed = 6, .yes = 6, .no = 3,
	  .outcome = VOTE_CARRIED, .cast = 9, .needed = 6 },
	{ .name = "needed 2 replaces a larger majority",
	  .seats = 9, .present = 9, .chair = VOTE_CHAIR_VOTES,
	  .chair_present = 1, .quorum = 5, .fixed = 2, .yes = 2, .no = 7,
	  .outcome = VOTE_CARRIED, .cast = 9, .needed = 2 },
	{ .name = "needed 10: a tie that one vote cannot carry",
	  COMMITTEE, .fixed = 10, .yes = 8, .no = 8,
	  .outcome = VOTE_FAILED, .cast = 16, .needed = 10 },
	{ .name = "needed 10: no casting vote on it", COMMITTEE,
	  .fixed = 10, .yes = 8, .no = 8, .casting = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a casting vote was given but the vote is not "
	  "tied (8 for, 8 against, 10 needed)" },
	{ .name = "needed 8: half the votes carry, no tie", COMMITTEE,
	  .fixed = 8, .yes = 8, .no = 8,
	  .outcome = VOTE_CARRIED, .cast = 16, .needed = 8 },
	{ .name = "needed 8: so no casting vote", COMMITTEE,
	  .fixed = 8, .yes = 8, .no = 8, .casting = VOTE_NO, .rc = -1,
	  .cause = "vote v1: a casting vote was given but the vote is not "
	  "tied (8 for, 8 against, 8 needed)" },
	{ .name = "needed 9: the tie the casting vote carries", COMMITTEE,
	  .fixed = 9, .yes = 8, .no = 8, .casting = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 16, .needed = 9 },
	{ .name = "needed more than the seats", .seats = 7, .present = 7,
	  .fixed = 8, .yes = 7, .rc = -1,
	  .cause = "vote v1: 8 votes needed (vote.call needed) but the body "
	  "has only 7 seats" },
	{ .name = "needed 3 for majority_seats without seats",
	  .rule = VOTE_MAJORITY_SEATS, .present = 5,
	  .chair = VOTE_CHAIR_VOTES, .fixed = 3, .yes = 3, .no = 2,
	  .outcome = VOTE_CARRIED, .cast = 5, .needed = 3 },

	/*
	 * A presiding member who holds no seat (a mayor over a council of
	 * 7), voting only when needed: 4 of the 7 seats carry.
	 */
	{ .name = "when_needed: 4 to 3, the mayor does not vote",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 7, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 4, .no = 3,
	  .outcome = VOTE_CARRIED, .cast = 7, .needed = 4 },
	{ .name = "when_needed: 3 to 3, one short, no presiding vote yet",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 6, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 3, .no = 3,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_ONE_SHORT, .cast = 6,
	  .needed = 4 },
	{ .name = "when_needed: 3 to 3, the mayor votes yes",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 6, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 3, .no = 3, .presiding = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_PRESIDING, .cast = 7,
	  .needed = 4 },
	{ .name = "when_needed: 3 to 3, the mayor votes no",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 6, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 3, .no = 3, .presiding = VOTE_NO,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_PRESIDING, .cast = 7,
	  .needed = 4 },
	{ .name = "when_needed: 3 to 1 with 3 abstaining, the mayor carries",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 7, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 3, .no = 1, .abst = 3, .presiding = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_PRESIDING, .cast = 5,
	  .needed = 4 },
	{ .name = "when_needed: the mayor may not vote on 4 to 2",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 6, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 4, .no = 2, .presiding = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a presiding vote was given but the members' "
	  "votes are not one short of the votes needed (4 for, 2 against, 4 "
	  "needed)" },
	{ .name = "when_needed: the mayor may not vote on 2 to 4",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 6, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 2, .no = 4, .presiding = VOTE_NO, .rc = -1,
	  .cause = "vote v1: a presiding vote was given but the members' "
	  "votes are not one short of the votes needed (2 for, 4 against, 4 "
	  "needed)" },
	{ .name = "when_needed: the mayor away",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 6, .chair_seatless = 1,
	  .quorum = 4, .yes = 3, .no = 3, .presiding = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a presiding vote was given but the presiding "
	  "member is not present" },
	{ .name = "when_needed: a fixed number, one short",
	  .chair = VOTE_CHAIR_WHEN_NEEDED, .seats = 9, .present = 8,
	  .chair_present = 1, .chair_seatless = 1, .quorum = 5, .fixed = 5,
	  .yes = 4, .no = 1, .abst = 3, .presiding = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_PRESIDING, .cast = 6,
	  .needed = 5 },
	{ .name = "when_needed, votes cast: 2 to 2, the presiding yes carries",
	  .chair = VOTE_CHAIR_WHEN_NEEDED, .seats = 7, .present = 5,
	  .chair_present = 1, .chair_seatless = 1, .quorum = 4,
	  .yes = 2, .no = 2, .presiding = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_PRESIDING, .cast = 5,
	  .needed = 3 },
	{ .name = "when_needed, votes cast: 2 to 3 is one short, 3 to 3 fails",
	  .chair = VOTE_CHAIR_WHEN_NEEDED, .seats = 7, .present = 5,
	  .chair_present = 1, .chair_seatless = 1, .quorum = 4,
	  .yes = 2, .no = 3, .presiding = VOTE_YES,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_PRESIDING, .cast = 6,
	  .needed = 4 },
	{ .name = "when_needed: no quorum, the presiding vote rescues nothing",
	  .rule = VOTE_MAJORITY_SEATS, .chair = VOTE_CHAIR_WHEN_NEEDED,
	  .seats = 7, .present = 3, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 4, .yes = 3, .presiding = VOTE_YES,
	  .outcome = VOTE_FAILED, .flags = VOTE_F_NO_QUORUM | VOTE_F_UNANIMOUS,
	  .cast = 4,
	  .needed = 4 },
	{ .name = "when_needed: no casting vote", .rule = VOTE_MAJORITY_SEATS,
	  .chair = VOTE_CHAIR_WHEN_NEEDED, .seats = 8, .present = 8,
	  .chair_present = 1, .chair_seatless = 1, .quorum = 5,
	  .yes = 4, .no = 4, .casting = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a casting vote was given but the presiding "
	  "member votes only when needed (chair=when_needed): record it as "
	  "presiding" },
	{ .name = "presiding vote under chair=casting", COMMITTEE,
	  .yes = 8, .no = 8, .presiding = VOTE_YES, .rc = -1,
	  .cause = "vote v1: a presiding vote was given but the presiding "
	  "member votes only under chair=when_needed (meta.set chair is "
	  "casting)" },
	{ .name = "presiding vote to abstain",
	  .chair = VOTE_CHAIR_WHEN_NEEDED, COMMITTEE, .yes = 8, .no = 8,
	  .presiding = VOTE_ABSTAIN, .rc = -1,
	  .cause = "vote v1: a presiding vote is yes or no, not abstain" },
	{ .name = "when_needed, a seated chair: not among the voters",
	  .chair = VOTE_CHAIR_WHEN_NEEDED, COMMITTEE, .yes = 12, .no = 6,
	  .rc = -1,
	  .cause = "vote v1: 18 votes counted but only 17 of the 18 members "
	  "present may vote (the chair has only a presiding vote)" },
	{ .name = "when_needed, a seated chair votes on 8 to 9",
	  .chair = VOTE_CHAIR_WHEN_NEEDED, COMMITTEE, .rule = VOTE_MAJORITY_SEATS,
	  .yes = 10, .no = 7, .presiding = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_PRESIDING, .cast = 18,
	  .needed = 11 },

	/* In writing no one presides: the chair answers as a member. */
	{ .name = "written: all six, the chair among them",
	  .method = VOTE_WRITTEN, .seats = 6, .present = 6,
	  .chair_present = 1, .quorum = 4, .yes = 6,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_UNANIMOUS, .cast = 6,
	  .needed = 4 },
	{ .name = "written: a tie the chair may still break",
	  .method = VOTE_WRITTEN, .seats = 6, .present = 6,
	  .chair_present = 1, .quorum = 4, .yes = 3, .no = 3,
	  .casting = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 6, .needed = 4 },

	/* A seatless presiding member is not present, not a voter. */
	{ .name = "seatless chair, casting: every member present votes",
	  .seats = 8, .present = 8, .chair_present = 1, .chair_seatless = 1,
	  .quorum = 5, .yes = 4, .no = 4, .casting = VOTE_YES,
	  .outcome = VOTE_CARRIED, .flags = VOTE_F_TIE | VOTE_F_CASTING,
	  .cast = 8, .needed = 5 },
	{ .name = "seatless chair counted against the seats", .seats = 8,
	  .present = 9, .chair_present = 1, .chair_seatless = 1, .rc = -1,
	  .cause = "vote v1: 9 members present but the body has only 8 "
	  "seats" },
};

static void
fill_spec(struct vote_spec *spec, const struct compute_case *t)
{
	memset(spec, 0, sizeof *spec);
	spec->id = "v1";
	spec->method = t->method;
	spec->rule = t->rule;
	spec->abstain = t->abstain;
	spec->chair = t->chair;
	spec->chair_present = t->chair_present;
	spec->chair_seatless = t->chair_seatless;
	spec->seats = t->seats;
	spec->present = t->present;
	spec->quorum = t->quorum;
	spec->needed = t->fixed;
}

static void
fill_counts(struct vote_counts *c, const struct compute_case *t)
{
	memset(c, 0, sizeof *c);
	c->yes = t->yes;
	c->no = t->no;
	c->abstain = t->abst;
	c->not_voting = t->not_voting;
	c->absent = t->absent;
	c->late = t->late;
	c->unanimous = t->unanimous;
	c->casting = t->casting;
	c->presiding = t->presiding;
}

/* int vote_compute(const struct vote_spec *, const struct vote_counts *,
 *     struct vote_result *, char **cause); */
static void
test_compute_table(void)
{
	const struct compute_case	*t;
	struct vote_spec		 spec;
	struct vote_counts		 c;
	struct vote_result		 r;
	char				*cause;
	size_t				 i;
	int				 rc;

	for (i = 0; i < sizeof compute_cases / sizeof compute_cases[0]; i++) {
		t = &compute_cases[i];
		fill_spec(&spec, t);
		fill_counts(&c, t);
		cause = NULL;
		rc = vote_compute(&spec, &c, &r, &cause);
		is_int(rc, t->rc, "%s: returns %d", t->name, t->rc);
		if (t->rc != 0) {
			is_str(cause, t->cause, "%s: cause", t->name);
			free(cause);
			continue;
		}
		if (rc != 0)
			printf("#   cause: %s\n", cause);
		free(cause);
		is_str(vote_outcome_name(r.outcome),
		    vote_outcome_name(t->outcome), "%s: outcome", t->name);
		is_int(r.flags, t->flags, "%s: flags", t->name);
		is_int(r.cast, t->cast, "%s: cast", t->name);
		is_int(r.needed, t->needed, "%s: needed", t->name);
	}
}

/*
 * Every method against every rule, on one tally per method. The committee
 * of 21 seats has 18 present, the chair casting only: 17 voters.
 */
#define NMETHODS 5
#define NRULES 13

struct matrix_row {
	enum vote_method	 method;
	long			 seats, present, quorum;
	int			 chair_present;
	long			 yes, no, abst, not_voting, absent, late;
	/* Per rule, in enum order: the needed yes votes and the outcome. */
	long			 needed[NRULES];
	enum vote_outcome	 outcome[NRULES];
	unsigned		 flags;
};

#define C VOTE_CARRIED
#define F VOTE_FAILED
static const struct matrix_row matrix[NMETHODS] = {
	/* 9 for, 6 against, 2 abstaining: cast 15. */
	{ VOTE_HANDS, 21, 18, 11, 1, 9, 6, 2, 0, 0, 0,
	  { 8, 9, 11, 10, 12, 14, 12, 13, 16, 12, 14, 17, 15 },
	  { C, C, F, F, F, F, F, F, F, F, F, F, F }, 0 },
	/* All 17 voters. */
	{ VOTE_UNANIMOUS, 21, 18, 11, 1, 0, 0, 0, 0, 0, 0,
	  { 9, 9, 11, 12, 12, 14, 13, 13, 16, 14, 14, 17, 17 },
	  { C, C, C, C, C, C, C, C, C, C, C, C, C }, VOTE_F_UNANIMOUS },
	/* No objection: as unanimous. */
	{ VOTE_CONSENT, 21, 18, 11, 1, 0, 0, 0, 0, 0, 0,
	  { 9, 9, 11, 12, 12, 14, 13, 13, 16, 14, 14, 17, 17 },
	  { C, C, C, C, C, C, C, C, C, C, C, C, C }, VOTE_F_UNANIMOUS },
	/* 10 yes, 5 no, 1 abstain, 1 not voting, 3 absent: cast 15. */
	{ VOTE_ROLLCALL, 21, 18, 11, 1, 10, 5, 1, 1, 3, 0,
	  { 8, 9, 11, 10, 12, 14, 12, 13, 16, 12, 14, 17, 15 },
	  { C, C, F, C, F, F, F, F, F, F, F, F, F }, 0 },
	/* Seven members in writing: 5 yes, 1 no, 1 late; cast 6. */
	{ VOTE_WRITTEN, 7, 7, 4, 0, 5, 1, 0, 0, 0, 1,
	  { 4, 4, 4, 4, 5, 5, 5, 6, 6, 5, 6, 6, 6 },
	  { C, C, C, C, C, C, C, F, F, C, F, F, F }, 0 },
};
#undef C
#undef F

/* The same, through vote_compute(), for all 65 pairs. */
static void
test_matrix(void)
{
	const struct matrix_row	*m;
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*cause;
	int			 i, j, rc;

	for (i = 0; i < NMETHODS; i++) {
		m = &matrix[i];
		for (j = 0; j < NRULES; j++) {
			memset(&spec, 0, sizeof spec);
			spec.id = "m";
			spec.method = m->method;
			spec.rule = (enum vote_rule)j;
			spec.seats = m->seats;
			spec.present = m->present;
			spec.quorum = m->quorum;
			spec.chair_present = m->chair_present;
			memset(&c, 0, sizeof c);
			c.yes = m->yes;
			c.no = m->no;
			c.abstain = m->abst;
			c.not_voting = m->not_voting;
			c.absent = m->absent;
			c.late = m->late;

			cause = NULL;
			rc = vote_compute(&spec, &c, &r, &cause);
			if (!ok(rc == 0 && r.needed == m->needed[j] &&
			    r.outcome == m->outcome[j] && r.flags == m->flags,
			    "%s × %s: needs %ld, %s",
			    vote_method_name(m->method),
			    vote_rule_name((enum vote_rule)j), m->needed[j],
			    vote_outcome_name(m->outcome[j])))
				printf("#   rc %d (%s), needed %ld, %s, flags "
				    "%#x\n", rc, cause ? cause : "", r.needed,
				    vote_outcome_name(r.outcome), r.flags);
			free(cause);
		}
	}
}

/* Quorum lost and regained between votes at the same meeting. */
static void
test_quorum_mid_meeting(void)
{
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*cause = NULL;

	memset(&spec, 0, sizeof spec);
	spec.id = "v2";
	spec.seats = 21;
	spec.quorum = vote_quorum_needed(21, VOTE_QUORUM_MAJORITY);
	spec.chair_present = 1;
	memset(&c, 0, sizeof c);
	c.yes = 6;
	c.no = 3;

	/* First vote: 12 present. */
	spec.present = 12;
	is_int(vote_compute(&spec, &c, &r, &cause), 0, "12 present: computes");
	is_int(r.outcome, VOTE_CARRIED, "12 present: carried");
	is_int(r.flags, 0, "12 present: quorum held");

	/* Two leave before the next vote: 10 present, 11 needed. */
	spec.present = 10;
	is_int(vote_compute(&spec, &c, &r, &cause), 0, "10 present: computes");
	is_int(r.outcome, VOTE_FAILED, "10 present: failed");
	is_int(r.flags, VOTE_F_NO_QUORUM, "10 present: no quorum");
	is_int(r.quorum, 11, "10 present: quorum 11 reported");
	is_int(r.present, 10, "10 present: present reported");

	/* One arrives late: 11 present, exactly the quorum. */
	spec.present = 11;
	is_int(vote_compute(&spec, &c, &r, &cause), 0, "11 present: computes");
	is_int(r.outcome, VOTE_CARRIED, "11 present: carried again");
	is_int(r.flags, 0, "11 present: quorum regained");
	is_int(r.voters, 10, "11 present: 10 voters besides the chair");
	free(cause);
}

/* Members of a small committee; mori chairs. */
static enum vote_member
member_of(const char *id, void *arg)
{
	static const char *const members[] = {
		"ito", "kato", "sato", "suzuki", "tanaka", "ueda", "wada"
	};
	size_t	 i;
	int	*calls = arg;

	(*calls)++;
	if (strcmp(id, "mori") == 0)
		return VOTE_MEMBER_CHAIR;
	if (strcmp(id, "mayor") == 0)
		return VOTE_MEMBER_SEATLESS;
	if (strcmp(id, "noda") == 0)
		return VOTE_MEMBER_WITHDRAWN;
	for (i = 0; i < sizeof members / sizeof members[0]; i++) {
		if (strcmp(id, members[i]) == 0)
			return VOTE_MEMBER;
	}
	return VOTE_NOT_MEMBER;
}

#define NB(a) (sizeof (a) / sizeof (a)[0])

/* int vote_tally_ballots(const struct vote_spec *, const struct vote_ballot *,
 *     size_t, vote_member_fn, void *, struct vote_counts *, char **); */
static void
test_rollcall(void)
{
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*cause;
	int			 calls;

	memset(&spec, 0, sizeof spec);
	spec.id = "r1";
	spec.method = VOTE_ROLLCALL;
	spec.seats = 8;
	spec.present = 6;
	spec.chair_present = 1;
	spec.quorum = 5;

	{
		/* No ballots at all. */
		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, NULL, 0, member_of, &calls,
		    &c, &cause), 0, "rollcall: no ballots");
		is_int(c.yes + c.no + c.abstain + c.not_voting + c.absent, 0,
		    "rollcall: no ballots, all zero");
	}
	{
		/* Every choice once; the chair answers not voting. */
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "kato", "no", 0 },
			{ "sato", "abstain", 0 }, { "suzuki", "not_voting", 0 },
			{ "tanaka", "absent", 0 }, { "ueda", "yes", 0 },
			{ "wada", "absent", 0 }, { "mori", "not_voting", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "rollcall: counts");
		is_int(calls, 8, "rollcall: every member checked");
		is_int(c.yes, 2, "rollcall: 2 yes");
		is_int(c.no, 1, "rollcall: 1 no");
		is_int(c.abstain, 1, "rollcall: 1 abstain");
		is_int(c.not_voting, 2, "rollcall: 2 not voting");
		is_int(c.absent, 2, "rollcall: 2 absent");
		is_int(c.late, 0, "rollcall: none late");
		is_int(c.casting, VOTE_NONE, "rollcall: no casting vote");
		is_int(vote_compute(&spec, &c, &r, &cause), 0,
		    "rollcall: computes");
		is_int(r.outcome, VOTE_CARRIED, "rollcall: 2 to 1 carried");
		is_int(r.voters, 5, "rollcall: 5 voters");
		is_int(r.cast, 3, "rollcall: 3 cast");
		free(cause);
	}
	{
		/* A tie in a roll call, decided by the chair. */
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "kato", "no", 0 },
			{ "sato", "yes", 0 }, { "suzuki", "no", 0 },
			{ "ueda", "abstain", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "rollcall tie: counts");
		is_int(vote_compute(&spec, &c, &r, &cause), 0,
		    "rollcall tie: computes");
		is_int(r.flags, VOTE_F_TIE, "rollcall tie: flagged");
		is_int(r.outcome, VOTE_FAILED, "rollcall tie: failed alone");
		c.casting = VOTE_YES;
		is_int(vote_compute(&spec, &c, &r, &cause), 0,
		    "rollcall tie: computes with the casting vote");
		is_int(r.outcome, VOTE_CARRIED, "rollcall tie: chair carries");
		is_int(r.counts.yes, 2, "rollcall tie: yes stays 2");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "kato", "no", 0 },
			{ "ito", "no", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: a member twice refused");
		is_str(cause, "vote r1: ito has two ballots",
		    "rollcall: twice, cause");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "kato", "maybe", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: unknown choice refused");
		is_str(cause, "vote r1: the ballot of kato: unknown ballot "
		    "\"maybe\": expected yes, no, abstain, not_voting or "
		    "absent",
		    "rollcall: unknown choice, cause");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = { { "ito", NULL, 0 } };

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: missing choice refused");
		is_str(cause, "vote r1: the ballot of ito: unknown ballot "
		    "\"\": expected yes, no, abstain, not_voting or absent",
		    "rollcall: missing choice, cause");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = { { "ito", "none", 0 } };

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: \"none\" is no ballot");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "yamada", "yes", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: non-member refused");
		is_str(cause, "vote r1: a ballot from yamada, who is not a "
		    "voting member", "rollcall: non-member, cause");
		free(cause);

		cause = NULL;
		is_int(vote_tally_ballots(&spec, b, NB(b), NULL, NULL, &c,
		    &cause), 0, "rollcall: no member check without a callback");
		is_int(c.yes, 2, "rollcall: unchecked, 2 yes");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = { { "", "yes", 0 } };

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: nameless ballot refused");
		is_str(cause, "vote r1: ballot 1 names no member",
		    "rollcall: nameless, cause");
		free(cause);
	}
	{
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "mori", "yes", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: casting chair voting refused");
		is_str(cause, "vote r1: the chair (mori) is recorded as yes, "
		    "but under chair=casting the chair does not vote; give a "
		    "casting vote on a tie instead (or, where the chair votes "
		    "as a member, meta.set chair=votes)",
		    "rollcall: casting chair voting, cause");
		free(cause);

		spec.chair = VOTE_CHAIR_VOTES;
		cause = NULL;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "rollcall: chair=votes, chair votes");
		is_int(c.yes, 2, "rollcall: chair=votes, 2 yes");
		free(cause);

		spec.chair = VOTE_CHAIR_WHEN_NEEDED;
		cause = NULL;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: chair=when_needed, chair "
		    "votes: refused");
		is_str(cause, "vote r1: the presiding member (mori) is recorded "
		    "as yes, but under chair=when_needed does not vote as a "
		    "member; give a presiding vote when the members fall one "
		    "short instead", "rollcall: chair=when_needed, cause");
		free(cause);
		spec.chair = VOTE_CHAIR_CASTING;
	}
	{
		/* A presiding mayor holds no seat: no ballot counts. */
		static const struct vote_ballot yes[] = {
			{ "ito", "yes", 0 }, { "mayor", "yes", 0 }
		};
		static const struct vote_ballot away[] = {
			{ "ito", "yes", 0 }, { "mayor", "not_voting", 0 },
			{ "noda", "absent", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, yes, NB(yes), member_of,
		    &calls, &c, &cause), -1, "rollcall: seatless presiding "
		    "member voting refused");
		is_str(cause, "vote r1: the presiding member (mayor) is recorded "
		    "as yes, but holds no seat; give a presiding vote when the "
		    "members fall one short instead",
		    "rollcall: seatless presiding member, cause");
		free(cause);
		cause = NULL;
		is_int(vote_tally_ballots(&spec, away, NB(away), member_of,
		    &calls, &c, &cause), 0, "rollcall: seatless and withdrawn "
		    "not voting: counts");
		is_int(c.yes + c.no + c.abstain + c.not_voting + c.absent, 1,
		    "rollcall: only ito counted");
		free(cause);
	}
	{
		/* Withdrawn for the item (interest): no vote. */
		static const struct vote_ballot b[] = {
			{ "ito", "yes", 0 }, { "noda", "no", 0 }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "rollcall: withdrawn member voting "
		    "refused");
		is_str(cause, "vote r1: noda is recorded as no, but withdrew "
		    "from this item (interest withdraws)",
		    "rollcall: withdrawn member, cause");
		free(cause);
	}
}

/* Written consent over days: ballots after the deadline are late. */
static void
test_written(void)
{
	const int64_t		 day = 86400LL * 1000000;
	const int64_t		 deadline = 1656288000LL * 1000000;
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*cause;
	size_t			 i;
	int			 calls;

	memset(&spec, 0, sizeof spec);
	spec.id = "w1";
	spec.method = VOTE_WRITTEN;
	spec.seats = 7;
	spec.present = 7;
	spec.quorum = vote_quorum_needed(7, VOTE_QUORUM_MAJORITY);
	spec.deadline = deadline;

	{
		const struct vote_ballot b[] = {
			{ "ito", "yes", deadline - 3 * day },
			{ "kato", "yes", deadline - 2 * day },
			{ "sato", "yes", deadline - day },
			{ "suzuki", "no", deadline - day },
			{ "tanaka", "yes", deadline - 1 },
			{ "ueda", "yes", deadline },		/* on time */
			{ "wada", "yes", deadline + 1 }		/* late */
		};
		const int late[] = { 0, 0, 0, 0, 0, 0, 1 };

		for (i = 0; i < NB(b); i++)
			is_int(vote_ballot_late(&spec, &b[i]), late[i],
			    "written: %s %s", b[i].member,
			    late[i] ? "late" : "on time");
		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "written: counts");
		is_int(c.yes, 5, "written: 5 yes on time");
		is_int(c.no, 1, "written: 1 no");
		is_int(c.late, 1, "written: 1 late");
		is_int(vote_compute(&spec, &c, &r, &cause), 0,
		    "written: computes");
		is_int(r.outcome, VOTE_CARRIED, "written: carried");
		is_int(r.flags, 0, "written: not unanimous");
		is_int(r.counts.late, 1, "written: late reported");
		is_int(r.cast, 6, "written: the late ballot is not cast");
		free(cause);
	}
	{
		/* All seven in time: unanimous. */
		struct vote_ballot	b[7];
		static const char *const ids[] = {
			"ito", "kato", "sato", "suzuki", "tanaka", "ueda",
			"wada"
		};

		for (i = 0; i < NB(b); i++) {
			b[i].member = ids[i];
			b[i].choice = "yes";
			b[i].ts = deadline - day + (int64_t)i;
		}
		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "written, all in time: counts");
		is_int(vote_compute(&spec, &c, &r, &cause), 0,
		    "written, all in time: computes");
		is_int(r.flags, VOTE_F_UNANIMOUS, "written, all in time: "
		    "unanimous");
		is_int(r.counts.yes, 7, "written, all in time: 7 yes");
		free(cause);
	}
	{
		/* The chair answers in writing as every member does. */
		const struct vote_ballot b[] = {
			{ "ito", "yes", deadline - day },
			{ "mori", "yes", deadline - day }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "written: the chair's answer counts");
		is_int(c.yes, 2, "written: 2 yes with the chair's");
		free(cause);
	}
	{
		/* A late no changes nothing. */
		const struct vote_ballot b[] = {
			{ "ito", "yes", deadline - day },
			{ "kato", "no", deadline + day }
		};

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), 0, "written, late no: counts");
		is_int(c.no, 0, "written, late no: not counted");
		is_int(c.late, 1, "written, late no: late");
		free(cause);
	}
	{
		const struct vote_ballot b[] = { { "ito", "yes", 0 } };

		cause = NULL;
		calls = 0;
		is_int(vote_tally_ballots(&spec, b, NB(b), member_of, &calls,
		    &c, &cause), -1, "written: a ballot without time refused");
		is_str(cause, "vote w1: the ballot of ito has no time, and the "
		    "vote has a deadline", "written: no time, cause");
		free(cause);
	}
	{
		/* No deadline: nothing is late. */
		const struct vote_ballot b[] = {
			{ "ito", "yes", deadline + day }
		};

		spec.deadline = 0;
		is_int(vote_ballot_late(&spec, &b[0]), 0,
		    "written without deadline: never late");
		spec.deadline = deadline;

		/* A deadline means nothing to a roll call. */
		spec.method = VOTE_ROLLCALL;
		is_int(vote_ballot_late(&spec, &b[0]), 0,
		    "rollcall: a deadline makes nothing late");
		spec.method = VOTE_WRITTEN;
	}
}

/* int vote_check_declared(const struct vote_spec *,
 *     const struct vote_result *, const char *, char **); */
static void
test_declared(void)
{
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*cause = NULL;

	memset(&spec, 0, sizeof spec);
	spec.id = "v1";
	spec.seats = 21;
	spec.present = 18;
	spec.chair_present = 1;
	spec.quorum = 11;
	memset(&c, 0, sizeof c);
	c.yes = 9;
	c.no = 6;
	vote_compute(&spec, &c, &r, &cause);

	is_int(vote_check_declared(&spec, &r, "carried", &cause), 0,
	    "declared carried, computed carried");
	is_int(vote_check_declared(&spec, &r, "failed", &cause), 1,
	    "declared failed, computed carried");
	is_str(cause, "vote v1: declared failed, but the count gives carried "
	    "(9 for, 6 against; 8 needed)", "declared differs: cause");
	free(cause);

	cause = NULL;
	is_int(vote_check_declared(&spec, &r, "passed", &cause), -1,
	    "declared passed: not an outcome");
	is_str(cause, "vote v1: declared unknown outcome \"passed\": expected "
	    "failed or carried", "declared passed: cause");
	free(cause);

	cause = NULL;
	is_int(vote_check_declared(&spec, &r, NULL, &cause), -1,
	    "declared nothing: not an outcome");
	free(cause);

	/* A tie the chair declared carried without a casting vote. */
	c.yes = 8;
	c.no = 8;
	cause = NULL;
	vote_compute(&spec, &c, &r, &cause);
	is_int(vote_check_declared(&spec, &r, "carried", &cause), 1,
	    "declared carried on a tie");
	is_str(cause, "vote v1: declared carried, but the count gives failed "
	    "(8 for, 8 against; 9 needed; a tie with no casting vote)",
	    "declared carried on a tie: cause");
	free(cause);

	/* Declared without quorum, with abstentions, no id. */
	spec.id = NULL;
	spec.present = 10;
	c.yes = 6;
	c.no = 2;
	c.abstain = 1;
	cause = NULL;
	vote_compute(&spec, &c, &r, &cause);
	is_int(vote_check_declared(&spec, &r, "carried", &cause), 1,
	    "declared carried without quorum");
	is_str(cause, "vote: declared carried, but the count gives failed "
	    "(6 for, 2 against, 1 abstaining; 5 needed; no quorum "
	    "(10 present, 11 needed))", "declared without quorum: cause");
	free(cause);
	cause = NULL;
	is_int(vote_check_declared(&spec, &r, "failed", &cause), 0,
	    "declared failed without quorum agrees");
	free(cause);
}

/* Names and their parsers. */
static void
test_names(void)
{
	static const char *const methods[] = {
		"hands", "unanimous", "consent", "rollcall", "written"
	};
	static const char *const rules[] = {
		"majority", "majority_present", "majority_seats", "two_thirds",
		"two_thirds_present", "two_thirds_seats", "three_quarters",
		"three_quarters_present", "three_quarters_seats", "four_fifths",
		"four_fifths_present", "four_fifths_seats", "unanimity"
	};
	static const char *const chairs[] = { "casting", "votes", "second",
	    "when_needed" };
	static const char *const choices[] = {
		"yes", "no", "abstain", "not_voting", "absent"
	};
	enum vote_method	 m;
	enum vote_rule		 ru;
	enum vote_abstain	 a;
	enum vote_chair		 ch;
	enum vote_choice	 cv;
	enum vote_outcome	 o;
	char			*cause = NULL;
	size_t			 i;

	for (i = 0; i < NB(methods); i++) {
		m = (enum vote_method)99;
		ok(vote_method_parse(methods[i], &m, &cause) == 0 &&
		    m == (enum vote_method)i &&
		    strcmp(vote_method_name(m), methods[i]) == 0,
		    "method %s round trip", methods[i]);
	}
	for (i = 0; i < NB(rules); i++) {
		ru = (enum vote_rule)99;
		ok(vote_rule_parse(rules[i], &ru, &cause) == 0 &&
		    ru == (enum vote_rule)i &&
		    strcmp(vote_rule_name(ru), rules[i]) == 0,
		    "rule %s round trip", rules[i]);
	}
	for (i = 0; i < NB(chairs); i++) {
		ch = (enum vote_chair)99;
		ok(vote_chair_parse(chairs[i], &ch, &cause) == 0 &&
		    ch == (enum vote_chair)i &&
		    strcmp(vote_chair_name(ch), chairs[i]) == 0,
		    "chair %s round trip", chairs[i]);
	}
	for (i = 0; i < NB(choices); i++) {
		cv = VOTE_NONE;
		ok(vote_choice_parse(choices[i], &cv, &cause) == 0 &&
		    cv == (enum vote_choice)(i + 1) &&
		    strcmp(vote_choice_name(cv), choices[i]) == 0,
		    "choice %s round trip", choices[i]);
	}
	is_str(vote_choice_name(VOTE_NONE), "none", "choice none");
	is_str(vote_abstain_name(VOTE_ABSTAIN_CAST), "cast", "abstain cast");
	is_str(vote_abstain_name(VOTE_ABSTAIN_NOT_CAST), "not_cast",
	    "abstain not_cast");
	is_str(vote_chair_name(VOTE_CHAIR_VOTES), "votes", "chair votes");
	is_str(vote_chair_name(VOTE_CHAIR_CASTING), "casting",
	    "chair casting");
	is_str(vote_outcome_name(VOTE_CARRIED), "carried", "outcome carried");
	is_str(vote_outcome_name(VOTE_FAILED), "failed", "outcome failed");
	is_str(vote_rule_name((enum vote_rule)99), "unknown",
	    "rule out of range");
	is_str(vote_method_name((enum vote_method)42), "unknown",
	    "method out of range");

	/* Defaults. */
	ru = VOTE_UNANIMITY;
	ok(vote_rule_parse(NULL, &ru, &cause) == 0 && ru == VOTE_MAJORITY,
	    "rule NULL: majority");
	ru = VOTE_UNANIMITY;
	ok(vote_rule_parse("", &ru, &cause) == 0 && ru == VOTE_MAJORITY,
	    "rule empty: majority");
	a = VOTE_ABSTAIN_CAST;
	ok(vote_abstain_parse(NULL, &a, &cause) == 0 &&
	    a == VOTE_ABSTAIN_NOT_CAST, "abstain NULL: not_cast");
	ok(vote_abstain_parse("cast", &a, &cause) == 0 &&
	    a == VOTE_ABSTAIN_CAST, "abstain cast");
	ch = VOTE_CHAIR_VOTES;
	ok(vote_chair_parse(NULL, &ch, &cause) == 0 &&
	    ch == VOTE_CHAIR_CASTING, "chair NULL: casting");
	ok(vote_chair_parse("votes", &ch, &cause) == 0 &&
	    ch == VOTE_CHAIR_VOTES, "chair votes");
	ok(vote_outcome_parse("failed", &o, &cause) == 0 && o == VOTE_FAILED,
	    "outcome failed parses");

	/* Refusals. */
	is_int(vote_method_parse(NULL, &m, &cause), -1, "method NULL refused");
	is_str(cause, "unknown vote method \"\": expected hands, unanimous, "
	    "consent, rollcall or written", "method NULL: cause");
	free(cause);
	cause = NULL;
	is_int(vote_rule_parse("most", &ru, &cause), -1, "rule most refused");
	is_str(cause, "unknown vote rule \"most\": expected majority, "
	    "majority_present, majority_seats, two_thirds, two_thirds_present, "
	    "two_thirds_seats, three_quarters, three_quarters_present, "
	    "three_quarters_seats, four_fifths, four_fifths_present, "
	    "four_fifths_seats or unanimity", "rule most: cause");
	free(cause);
	cause = NULL;
	is_int(vote_abstain_parse("sometimes", &a, &cause), -1,
	    "abstain sometimes refused");
	is_str(cause, "unknown abstain option \"sometimes\": expected not_cast "
	    "or cast", "abstain sometimes: cause");
	free(cause);
	cause = NULL;
	is_int(vote_chair_parse("Casting", &ch, &cause), -1,
	    "chair Casting refused (names are lower case)");
	free(cause);
	cause = NULL;
	is_int(vote_outcome_parse("", &o, &cause), -1, "outcome empty refused");
	free(cause);
}

/* int vote_quorum_parse(const char *, long *, char **);
 * long vote_quorum_needed(long seats, long quorum); */
static void
test_quorum(void)
{
	static const struct {
		const char	*s;
		int		 rc;
		long		 q;
	} parse[] = {
		{ NULL, 0, VOTE_QUORUM_MAJORITY },
		{ "", 0, VOTE_QUORUM_MAJORITY },
		{ "majority", 0, VOTE_QUORUM_MAJORITY },
		{ "11", 0, 11 },
		{ "0", 0, 0 },
		{ "abc", -1, 0 },
		{ "-3", -1, 0 },
		{ "11x", -1, 0 },
		{ " 11", -1, 0 },
		{ "99999999999999999999", -1, 0 },
	};
	static const struct {
		long	seats, quorum, needed;
	} needed[] = {
		{ 21, VOTE_QUORUM_MAJORITY, 11 },
		{ 20, VOTE_QUORUM_MAJORITY, 11 },
		{ 18, VOTE_QUORUM_MAJORITY, 10 },
		{ 7, VOTE_QUORUM_MAJORITY, 4 },
		{ 1, VOTE_QUORUM_MAJORITY, 1 },
		{ 0, VOTE_QUORUM_MAJORITY, 0 },
		{ 21, 7, 7 },
		{ 21, 0, 0 },
		{ 0, 5, 5 },
	};
	char	*cause;
	long	 q;
	size_t	 i;

	for (i = 0; i < NB(parse); i++) {
		cause = NULL;
		q = -99;
		is_int(vote_quorum_parse(parse[i].s, &q, &cause), parse[i].rc,
		    "quorum \"%s\" %s", parse[i].s ? parse[i].s : "(null)",
		    parse[i].rc == 0 ? "parses" : "refused");
		if (parse[i].rc == 0)
			is_int(q, parse[i].q, "quorum \"%s\" is %ld",
			    parse[i].s ? parse[i].s : "(null)", parse[i].q);
		free(cause);
	}
	cause = NULL;
	vote_quorum_parse("abc", &q, &cause);
	is_str(cause, "bad quorum \"abc\": expected a number of members or "
	    "majority", "quorum abc: cause");
	free(cause);

	for (i = 0; i < NB(needed); i++)
		is_int(vote_quorum_needed(needed[i].seats, needed[i].quorum),
		    needed[i].needed, "quorum %ld of %ld seats needs %ld",
		    needed[i].quorum, needed[i].seats, needed[i].needed);
}

int
main(void)
{
	test_compute_table();
	test_matrix();
	test_quorum_mid_meeting();
	test_rollcall();
	test_written();
	test_declared();
	test_names();
	test_quorum();
	return done_testing();
}
