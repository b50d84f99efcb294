/**
 * `npm start`: validate the environment and the data, then serve Slack. Anything wrong at start-up is said in
 * plain words, naming what to fix, and exits 1; a secret's value is never printed.
 */
import { ComparisonDataError, createAdvisor, loadComparisons } from './advisor/index.js';
import { describeProblems, loadConfig } from './config.js';
import { runMain, stopOnSignals } from './lifecycle.js';
import { createSlackApp } from './slack/app.js';
import { describeSlackError } from './slack/slack-errors.js';

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${describeProblems(loaded.problems)}\n`);
    return 1;
  }
  const { config } = loaded;
  let advisor: ReturnType<typeof createAdvisor>;
  try {
    advisor = createAdvisor(loadComparisons());
  } catch (error) {
    if (!(error instanceof ComparisonDataError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }

  const { start } = createSlackApp({ config, advisor });
  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start();
  } catch (error) {
    const { code } = describeSlackError(error);
    process.stderr.write(
      `Realtime Advisor could not start: Slack refused the bot token or could not be reached (${code}).\n` +
        `Check SLACK_BOT_TOKEN${config.slackApiUrl ? ` and SLACK_API_URL (${config.slackApiUrl})` : ''}; see .env.example.\n`,
    );
    return 1;
  }
  process.stdout.write(
    config.mode === 'http'
      ? `Realtime Advisor is listening on port ${running.port}: POST /slack/events, GET /healthz\n`
      : 'Realtime Advisor is connected in Socket Mode\n',
  );
  stopOnSignals(() => running.stop());
  return 0;
}

runMain('Realtime Advisor', main);
