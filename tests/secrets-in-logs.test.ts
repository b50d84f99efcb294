/**
 * No secret in any log line, at debug level (issue 10). The app runs as `npm start` runs it, with LOG_LEVEL=debug,
 * through whole flows: in OAuth mode an install (refused, cancelled, failed at Slack, approved, with token
 * rotation so tokens are refreshed), people using it (command, wizard, share, mention and its retry, DM, Home),
 * Slack refusing calls, forged, malformed and unknown-workspace requests, and the uninstall; in Socket Mode a
 * connection, requests and malformed frames. Every line of stdout and stderr is then read for each configured
 * secret and for anything shaped like a Slack token.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type SlackStandin, startSlackStandin } from '../sandbox/standin/index.js';
import { type SpawnedApp, spawnApp } from './app-process.js';
import { eventually, HUMAN } from './slack/harness.js';
import { CLIENT_ID, CLIENT_SECRET, STATE_SECRET } from './slack/oauth-rig.js';
import { slashCommandPayload, startSocketModeServer } from './slack/socket-mode-server.js';

const HOOK_MS = 60_000;
const running: SpawnedApp[] = [];
const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const app of running) await app.stop();
  for (const close of closing) await close();
});

/** Shaped like a Slack token or secret: xoxb-, xoxp-, xoxe-, xoxe.xoxb-, xapp-. */
const TOKEN_SHAPED = /xox[a-z]?[-.]|xapp-/i;

/** Each line that holds a secret, named by which; empty when none does. */
function linesWithSecrets(output: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const line of output.split('\n')) {
    for (const [name, secret] of Object.entries(secrets))
      if (secret && line.includes(secret)) found.push(`${name}: ${line.slice(0, 300)}`);
    if (TOKEN_SHAPED.test(line)) found.push(`token-shaped: ${line.slice(0, 300)}`);
  }
  return found;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function lastEphemeral(slack: SlackStandin) {
  return eventually(() => {
    const last = slack.ephemerals(HUMAN).at(-1);
    if (!last) throw new Error('no ephemeral message');
    return last;
  });
}

describe('at LOG_LEVEL=debug, no secret reaches a log line', () => {
  it(
    'in OAuth mode, from install to uninstall, with failures on the way',
    async () => {
      const slack = await startSlackStandin();
      closing.push(() => slack.close());
      const app = spawnApp(slack, {
        SLACK_BOT_TOKEN: undefined,
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
        DATABASE_PATH: ':memory:',
        LOG_LEVEL: 'debug',
      });
      running.push(app);
      const [, port] = await app.waitFor(/listening on port (\d+)/);
      const base = `http://127.0.0.1:${port}`;
      slack.setAppUrl(`${base}/slack/events`);
      slack.configureOAuth({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUrls: [`${base}/slack/oauth_redirect`],
        // Inside Bolt's two-hour window: every request refreshes the token, so refresh tokens pass through too.
        tokenRotation: { expiresInSeconds: 3600 },
      });
      const installUrl = `${base}/slack/install`;

      // Before any install: a command from a workspace with no installation.
      expect((await slack.slashCommand({ text: 'compare' })).status).toBe(200);
      // Installs that fail: a changed state, a cancel, and Slack refusing the code.
      await slack.installApp({ installUrl, tamper: (back) => back.searchParams.set('state', 'forged') });
      await slack.installApp({ installUrl, decision: 'deny' });
      slack.injectFault('oauth.v2.access', { error: 'invalid_code' });
      await slack.installApp({ installUrl });
      // The install that works.
      expect((await slack.installApp({ installUrl })).status).toBe(200);

      // People using it: the wizard, free text, a share, a mention with Slack's retries, a DM, the Home tab.
      await slack.slashCommand({ text: '' });
      await slack.clickButtonByText({
        text: 'Server → client only',
        message: { ephemeralId: (await lastEphemeral(slack)).id },
      });
      await slack.slashCommand({ text: 'we stream LLM tokens to the browser, nothing goes back' });
      const verdict = await lastEphemeral(slack);
      await slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: verdict.id } });
      await slack.mention({ text: 'a chat app with typing indicators', retryNum: 2 });
      await slack.directMessage({ text: 'live sports scores' });
      await slack.openHome();
      // Slack refusing: an error, a rate limit, a server error, a revoked-looking token.
      for (const fault of [
        { error: 'not_in_channel' },
        { status: 429 as const, retryAfterSeconds: 1 },
        { status: 500 as const },
        { error: 'invalid_auth' },
      ]) {
        await slack.slashCommand({ text: 'both ways' });
        const advice = await lastEphemeral(slack);
        slack.injectFault('chat.postMessage', fault);
        await slack.clickButtonByText({ text: 'Share in channel', message: { ephemeralId: advice.id } });
        await wait(300);
      }
      // Requests that are not Slack's, or not well formed.
      await slack.sendRaw({ contentType: 'application/json', body: '{"type":"event_callback"}', signature: 'v0=00' });
      await slack.sendRaw({ contentType: 'application/x-www-form-urlencoded', body: 'payload=%7Bnot-json' });
      await slack.sendRaw({
        contentType: 'application/x-www-form-urlencoded',
        body: new URLSearchParams({
          team_id: 'T0ELSEWHERE',
          user_id: 'U0X',
          command: '/realtime',
          text: 'sse',
        }).toString(),
      });
      // The uninstall, and a command after it.
      await slack.uninstallApp();
      await slack.slashCommand({ text: 'compare' });
      await wait(500);
      await app.stop();

      const output = app.output.stdout + app.output.stderr;
      expect(output).toMatch(/\[DEBUG\]/); // debug lines were written: the level took effect
      // The lines that held secrets before they were redacted were written: the code exchange and the refreshes.
      expect(output).toContain('"client_secret":"[redacted]"');
      expect(output).toContain('"refresh_token":"[redacted]"');
      const issued = slack.oauth.issuedTokens().map((t) => t.token);
      expect(issued.length).toBeGreaterThanOrEqual(2); // installed, then refreshed
      const secrets: Record<string, string> = {
        SLACK_SIGNING_SECRET: slack.signingSecret,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
        'the verification token Slack puts in payloads': slack.verificationToken,
        ...Object.fromEntries(issued.map((token, i) => [`bot token ${i + 1}`, token])),
      };
      expect(linesWithSecrets(output, secrets)).toEqual([]);
    },
    HOOK_MS,
  );

  it(
    'in Socket Mode, connecting with the app-level token, serving requests and refusing malformed frames',
    async () => {
      const slack = await startSlackStandin();
      closing.push(() => slack.close());
      const socketServer = await startSocketModeServer(slack.appId);
      closing.push(() => socketServer.close());
      slack.setSocketModeUrl(socketServer.url);
      const app = spawnApp(slack, { SLACK_APP_TOKEN: slack.appToken, DATABASE_PATH: ':memory:', LOG_LEVEL: 'debug' });
      running.push(app);
      await app.waitFor(/connected in Socket Mode/);
      await eventually(() => expect(socketServer.connections).toHaveLength(1), 5000);
      await socketServer.deliver('slash_commands', slashCommandPayload(slack, 'we stream LLM tokens to the browser'));
      socketServer.sendRaw('{"type":"events_api","envelope_id":"env-1"}');
      socketServer.sendRaw('null');
      await wait(300);
      await app.stop();

      const output = app.output.stdout + app.output.stderr;
      expect(output).toMatch(/\[DEBUG\]/);
      const secrets = {
        SLACK_APP_TOKEN: slack.appToken,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: slack.signingSecret,
        'the verification token Slack puts in payloads': slack.verificationToken,
      };
      expect(linesWithSecrets(output, secrets)).toEqual([]);
    },
    HOOK_MS,
  );
});
