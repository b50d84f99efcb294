/**
 * The Home tab: what the advisor does, the scorecard, a button that starts the wizard, and the decision log as the
 * viewer may see it: their own decisions and those made in public channels, never another person's private ones.
 */
import type { Logger, webApi } from '@slack/bolt';
import { revisitAll } from '../decision-log.js';
import { replierFor } from '../replier.js';
import { sendWithTableFallback } from '../table-fallback.js';
import { HOME_DECISIONS_LIMIT, homeDecisionBlocks, type PastDecision } from '../views/decisions.js';
import { homeView } from '../views/surfaces.js';
import type { ListenerDeps, Register } from './types.js';

export const registerHome: Register = (app, deps) => {
  app.event('app_home_opened', async ({ event, body, context, client, logger }) => {
    // Before Slack had tabs, app_home_opened carried no `tab` and meant the Home tab.
    if (event.tab !== undefined && event.tab !== 'home') return;
    await publishHome(deps, { client, logger, teamId: context.teamId ?? body.team_id, user: event.user });
  });
};

/** Publishes the viewer's Home tab: on opening it, and after they answer "Was this right?" there. */
export async function publishHome(
  { advisor, store }: Pick<ListenerDeps, 'advisor' | 'store'>,
  { client, logger, teamId, user }: { client: webApi.WebClient; logger: Logger; teamId: string; user: string },
): Promise<void> {
  let past: PastDecision[] | undefined;
  try {
    const decisions = await store.decisions.listForPerson(teamId, user, {
      withPublic: true,
      limit: HOME_DECISIONS_LIMIT,
    });
    past = revisitAll(advisor, decisions);
  } catch (error) {
    // The rest of the Home tab is still worth showing; the log's section says it could not be read.
    logger.error('could not read the decision log', {
      user,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const view = homeView(advisor.comparison(), advisor.startValue());
  const reply = replierFor({ client, logger, user });
  await reply.attempt('show the Home tab', () =>
    sendWithTableFallback({ ...view, blocks: [...view.blocks, ...homeDecisionBlocks(past, user)] }, (home) =>
      client.views.publish({ user_id: user, view: home }),
    ),
  );
}
