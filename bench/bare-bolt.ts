/**
 * The baseline of bench/load.ts: a bare Bolt app in HTTP mode that acks a static text for the same requests as the
 * real app gets (the command, any button, an app_mention), against the same Slack stand-in, with GET /healthz.
 *
 * With BARE_ANSWER=1 it also answers the way Slack leaves an app no choice about, with a static text: a click on
 * an ephemeral message through its response_url (replace_original), an @mention with chat.postMessage in its
 * thread. That is the same call the app makes after its ack, through Bolt's own respond() and client, so the
 * app's CPU can be compared like for like (Slack's HTTP round trip included in both).
 */
import bolt from '@slack/bolt';

const { App } = bolt;
const answer = process.env.BARE_ANSWER === '1';
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});
app.command('/realtime', async ({ ack }) => {
  await ack('Thanks.');
});
app.action(/.*/, async ({ ack, respond }) => {
  await ack();
  if (answer) await respond({ replace_original: true, text: 'Thanks.' });
});
app.event('app_mention', async ({ event, client }) => {
  if (answer) await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'Thanks.' });
});
// Bolt runs every listener's filters for every request: EXTRA_LISTENERS=n adds n that never match, to measure that.
for (let i = 0; i < Number(process.env.EXTRA_LISTENERS ?? 0); i++) app.action(`never.${i}`, async ({ ack }) => ack());
await app.start(Number(process.env.PORT ?? 3000));
// Stops on SIGTERM as the app does, so that `node --cpu-prof` writes its profile (bench/profile.ts).
process.once('SIGTERM', () => process.exit(0));
