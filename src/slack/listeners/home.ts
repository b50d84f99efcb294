/** The Home tab: what the advisor does, the scorecard, and a button that starts the wizard. */
import { describeSlackError } from '../slack-errors.js';
import { homeView } from '../views/surfaces.js';
import type { Register } from './types.js';

export const registerHome: Register = (app, { advisor }) => {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({
        user_id: event.user,
        view: homeView(advisor.comparison(), advisor.startValue()),
      });
    } catch (error) {
      logger.warn('views.publish failed', { code: describeSlackError(error).code, user: event.user });
    }
  });
};
