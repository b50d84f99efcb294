/** The Home tab: what the advisor does, the scorecard, and a button that starts the wizard. */
import { replierFor } from '../replier.js';
import { homeView } from '../views/surfaces.js';
import type { Register } from './types.js';

export const registerHome: Register = (app, { advisor }) => {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    // Before Slack had tabs, app_home_opened carried no `tab` and meant the Home tab.
    if (event.tab !== undefined && event.tab !== 'home') return;
    const reply = replierFor({ client, logger, user: event.user });
    await reply.attempt('show the Home tab', () =>
      client.views.publish({ user_id: event.user, view: homeView(advisor.comparison(), advisor.startValue()) }),
    );
  });
};
