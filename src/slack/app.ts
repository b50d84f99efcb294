/**
 * The Bolt app, wired the same way for production, the tests and the sandbox. HTTP mode serves POST
 * /slack/events (and GET /healthz for load balancers); Socket Mode is for development with no public URL.
 * Bolt does the signature checks, receivers and Web API retries; we only choose their settings.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, LogLevel, type webApi } from '@slack/bolt';
import type { Advisor } from '../advisor/index.js';
import type { Config } from '../config.js';
import { registerListeners } from './listeners/index.js';
import { OnceLedger } from './once.js';
import { InMemoryShareLedger, type ShareLedger } from './share-ledger.js';
import { sharePipeline } from './share-pipeline.js';
import { describeSlackError } from './slack-errors.js';
import { slackFetch } from './slack-fetch.js';

/**
 * The policy for calls that are safe to repeat, which the app makes only to connect (Socket Mode's
 * apps.connections.open). Slack's default retries about ten times over 30 minutes with no timeout; this one
 * gives up within a minute (backoff of 1, 2, 4, 8 s and at most 45 s of retrying).
 */
export const PRODUCTION_RETRY: webApi.RetryOptions = {
  retries: 4,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 8000,
  maxRetryTime: 45_000,
};
export const WEB_API_TIMEOUT_MS = 5000;

/**
 * Every call the app makes while serving people either posts (repeated after a lost answer, it lands twice) or
 * carries a 3-second trigger (a queue paused by someone else's 429 expires it). So the client never repeats a
 * call on its own and never pauses its queue; slack-fetch.ts sends a call again only after a 429 that fits in
 * its time, since Slack did nothing then.
 */
export const ONCE_ONLY: webApi.RetryOptions = { retries: 0 };

const LOG_LEVEL: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export interface SlackAppOptions {
  config: Config;
  advisor: Advisor;
  /** The retry policy for calls safe to repeat (Socket Mode's connection); PRODUCTION_RETRY by default. */
  retryConfig?: webApi.RetryOptions;
  timeoutMs?: number;
  ledger?: OnceLedger;
  /** Where shares are written down; one process's memory by default. */
  shareLedger?: ShareLedger;
}

export interface RunningApp {
  app: App;
  /** The port HTTP mode listens on (useful with port 0); undefined in Socket Mode. */
  port?: number;
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): { app: App; start(): Promise<RunningApp> } {
  const { config } = options;
  let ready = false;
  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ready ? 'ok' : 'starting');
    },
  };
  const timeout = options.timeoutMs ?? WEB_API_TIMEOUT_MS;
  const apiUrl = config.slackApiUrl ?? 'https://slack.com/api/';
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: ONCE_ONLY,
    rejectRateLimitedCalls: true,
    timeout,
    fetch: slackFetch({ apiUrl, timeoutMs: timeout }),
  };
  const app = new App({
    token: config.botToken,
    signingSecret: config.signingSecret,
    logLevel: LOG_LEVEL[config.logLevel],
    clientOptions,
    // auth.test runs in start() instead of the constructor, so a refused token is a clear message, not a crash.
    deferInitialization: true,
    // Socket Mode's own client (apps.connections.open) takes its options from installerOptions, not clientOptions.
    ...(config.mode === 'socket'
      ? {
          socketMode: true,
          appToken: config.appToken,
          installerOptions: {
            clientOptions: { ...clientOptions, retryConfig: options.retryConfig ?? PRODUCTION_RETRY },
          },
        }
      : { customRoutes: [healthz] }),
  });
  registerListeners(app, {
    advisor: options.advisor,
    ledger: options.ledger ?? new OnceLedger(),
    shares: sharePipeline(options.shareLedger ?? new InMemoryShareLedger()),
  });
  app.error(async (error) => {
    // Unexpected errors in a listener: log the code, never the payload (it can hold user text and tokens).
    app.logger.error('listener error', {
      code: describeSlackError(error).code,
      name: (error as Error).name,
      message: (error as Error).message,
    });
  });

  return {
    app,
    async start() {
      await app.init();
      const started = (await app.start(config.port)) as unknown;
      ready = true;
      const server = config.mode === 'http' ? (started as Server) : undefined;
      const port = server ? (server.address() as AddressInfo).port : undefined;
      return {
        app,
        ...(port !== undefined ? { port } : {}),
        async stop() {
          ready = false;
          await app.stop();
        },
      };
    },
  };
}
