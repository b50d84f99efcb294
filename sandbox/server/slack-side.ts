/**
 * The Slack side of the sandbox: the stand-in with its workspace (Ada, Grace, #general, #random) and the real app
 * in HTTP mode pointed at it, exactly as production would be built.
 */
import { createAdvisor, loadComparisons } from '../../src/advisor/index.js';
import { type Config, parseConfig } from '../../src/config.js';
import { createSlackApp, type RunningApp } from '../../src/slack/app.js';
import { COMMAND } from '../../src/slack/ids.js';
import { openStore } from '../../src/store/index.js';
import { DEFAULT_HUMAN, type SlackStandin, startSlackStandin } from '../standin/index.js';
import { SHORTCUT_NAME } from './manifest.js';
import { APP_NAME, composeSlackText } from './view-model.js';

/** #random, where the app is not a member: shares there fall back to one message without a thread. */
export const RANDOM_CHANNEL = 'C0RANDOM';

export interface SlackSide {
  standin: SlackStandin;
  app: RunningApp;
  /** The person the page acts as. */
  me: string;
  /** What a Slack client sends for typed text (escaped, with mentions and channel links). */
  slackText(typed: string): string;
}

export async function startStandinAndApp(options: {
  logLevel?: Config['logLevel'];
  timeoutMs?: number;
  seed?: boolean;
}): Promise<SlackSide> {
  const standin = await startSlackStandin();
  const me = DEFAULT_HUMAN;
  const grace = standin.addUser({ name: 'grace', realName: 'Grace Hopper' });
  const random = standin.addChannel({ id: RANDOM_CHANNEL, name: 'random', botIsMember: false });
  const slackText = (typed: string) =>
    composeSlackText(typed, {
      botUserId: standin.botUserId,
      users: [...standin.workspace.users.values()],
      channels: [...standin.workspace.channels.values()].filter((c) => !c.isIm),
    });
  if (options.seed !== false) {
    standin.postAsUser({
      user: grace.id,
      channel: random.id,
      text: slackText(
        `@${APP_NAME} is not in #random: a verdict shared here arrives as one message, with no thread for its reasoning.`,
      ),
    });
    standin.postAsUser({
      user: grace.id,
      text: slackText(
        `Welcome to the sandbox! Type \`${COMMAND}\` for the wizard, \`${COMMAND} streaming LLM tokens to a browser\` for advice, or mention @${APP_NAME}. Hover a message and open ⋯ for *${SHORTCUT_NAME}*.`,
      ),
    });
  }

  // Per-session credentials from the stand-in; nothing here is a real Slack secret.
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: standin.botToken,
    SLACK_SIGNING_SECRET: standin.signingSecret,
    SLACK_API_URL: standin.apiUrl,
    PORT: '0',
    LOG_LEVEL: options.logLevel ?? 'warn',
    DATABASE_PATH: ':memory:', // a throwaway database for each run: the sandbox keeps nothing
  });
  if (!parsed.ok) {
    await standin.close();
    throw new Error(parsed.problems.join('\n'));
  }
  // Shares and events kept once through a store, as in production, in a SQLite database in memory: gone at stop.
  const store = await openStore(parsed.config.database);
  // The production retry policy (the default), so what a newcomer sees on a fault is what production does.
  const { start } = createSlackApp({
    config: parsed.config,
    advisor: createAdvisor(loadComparisons()),
    store,
    timeoutMs: options.timeoutMs ?? 3000,
    // Like the page: the app answers anyone who can reach it, so it is not offered to the network.
    host: '127.0.0.1',
  });
  let running: RunningApp;
  try {
    running = await start();
  } catch (error) {
    await store.close();
    await standin.close();
    throw error;
  }
  standin.setAppUrl(`http://127.0.0.1:${running.port}/slack/events`);
  const app: RunningApp = {
    ...running,
    async stop() {
      await running.stop();
      await store.close();
    },
  };
  return { standin, app, me, slackText };
}
