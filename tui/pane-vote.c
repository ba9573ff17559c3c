/*
 * The vote pane: a reserved slot in the layout with the pane_ops hook
 * that the vote issue fills (counts as bars, quorum, rule, result). For
 * now it is a stub: it counts vote.call events through update() and says
 * that the vote view is not built yet. It draws nothing it does not know.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "xmalloc.h"

static int
pane_vote_update(struct pane *p, const struct event *ev)
{
	(void)p;
	return strncmp(ev->type, "vote.", 5) == 0;
}

static void
pane_vote_draw(struct pane *p)
{
	struct app	*app = p->app;
	char		*s;

	werase(p->win);
	pane_title(p, "採決");
	if (app->m.nvotes == 0)
		draw_text(p->win, 1, 1, "（採決なし）", p->w - 1, A_NORMAL, 0);
	else {
		s = xasprintf("採決 %zu 件（記録ペインに表示）",
		    app->m.nvotes);
		draw_text(p->win, 1, 1, s, p->w - 1, A_NORMAL, 0);
		free(s);
	}
	draw_text(p->win, 2, 1, "no vote view yet", p->w - 1, A_DIM, 0);
}

const struct pane_ops pane_vote_ops = {
	.name = "vote",
	.context = KEYMAP_VOTE,
	.update = pane_vote_update,
	.draw = pane_vote_draw,
};
