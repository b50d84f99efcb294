/**
 * `npm start`: validate the environment and the data, then serve Slack. Anything wrong at start-up is said in
 * plain words, naming what to fix, and exits 1; a secret's value is never printed.
 */
import { ComparisonDataError, createAdvisor, loadComparisons } from './advisor/index.js';
import { describeProblems, loadConfig } from './config.js';
import { runMain, stopOnSignals } from './lifecycle.js';
import { createSlackApp } from './slack/app.js';
import { describeSlackError } from './slack/slack-errors.js';
import { describeDatabase, openStore, type Store } from './store/index.js';
import { startHousekeeping } from './store/retention.js';

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

  // Opening applies the migrations; a database that cannot be reached stops start-up here, before Slack is asked.
  let store: Store;
  const database = describeDatabase(config.database);
  try {
    store = await openStore(config.database);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Realtime Advisor could not open its database (${database}): ${reason}\n`);
    return 1;
  }
  const housekeeping = startHousekeeping(store, config.retentionDays);

  // Shares and events happen once across every instance on this database, and across restarts.
  const { start } = createSlackApp({ config, advisor, store });
  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start();
  } catch (error) {
    housekeeping.stop();
    await store.close();
    const { code } = describeSlackError(error);
    // In OAuth mode no token is checked at start-up: what fails is the port.
    process.stderr.write(
      config.oauth
        ? `Realtime Advisor could not start (${code}): ${(error as Error).message}\n`
        : `Realtime Advisor could not start: Slack refused the bot token or could not be reached (${code}).\n` +
            `Check SLACK_BOT_TOKEN${config.slackApiUrl ? ` and SLACK_API_URL (${config.slackApiUrl})` : ''}; see .env.example.\n`,
    );
    return 1;
  }
  const routes = `POST /slack/events, GET /healthz${config.oauth ? ', GET /slack/install' : ''}`;
  process.stdout.write(
    config.mode === 'http'
      ? `Realtime Advisor is listening on port ${running.port}: ${routes}\n`
      : 'Realtime Advisor is connected in Socket Mode\n',
  );
  stopOnSignals(async () => {
    await running.stop();
    housekeeping.stop();
    await store.close();
  });
  return 0;
}

runMain('Realtime Advisor', main);
