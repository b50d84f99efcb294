/**
 * The baseline of bench/load.ts: a bare Bolt app in HTTP mode that acks a static text for the same requests as the
 * real app gets (the command, any button, an app_mention), against the same Slack stand-in, with GET /healthz.
 */
import bolt from '@slack/bolt';

const { App } = bolt;
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
app.action(/.*/, async ({ ack }) => {
  await ack();
});
app.event('app_mention', async () => {});
await app.start(Number(process.env.PORT ?? 3000));
