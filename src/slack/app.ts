/**
 * The Bolt app, wired the same way for production, the tests and the sandbox. HTTP mode serves POST
 * /slack/events (and GET /healthz for load balancers); Socket Mode is for development with no public URL.
 * Bolt does the signature checks, receivers and Web API retries; we only choose their settings.
 */
import type { Server, ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  AuthorizationError,
  type CustomRoute,
  HTTPModuleFunctions,
  HTTPReceiver,
  LogLevel,
  type ReceiverProcessEventErrorHandlerArgs,
  type webApi,
} from '@slack/bolt';
import type { Advisor } from '../advisor/index.js';
import type { Config } from '../config.js';
import { BODY_LIMIT_BYTES, guardSlackEdge } from './edge.js';
import { registerListeners } from './listeners/index.js';
import { OnceLedger } from './once.js';
import { describeSlackError } from './slack-errors.js';

/**
 * Slack's default policy retries about ten times over 30 minutes with no timeout: a click would hang for good.
 * This one gives up within a minute (backoff of 1, 2, 4, 8 s and at most 45 s of retrying, each attempt
 * bounded by the timeout below), waiting out a 429's Retry-After as the client does on its own.
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
 * How long a client may take to send a request. Slack sends a whole request at once, well within its own
 * 3-second deadline; a client that trickles headers or a body (slow-loris) is cut off here, not after Node's
 * defaults of 60 s and 300 s. Node checks these every `connectionsCheckingInterval`.
 */
export const HTTP_TIMEOUTS = { headersTimeoutMs: 5000, requestTimeoutMs: 10_000 };

const LOG_LEVEL: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export interface SlackAppOptions {
  config: Config;
  advisor: Advisor;
  /** Tests that do not exercise retries pass { retries: 0 }. */
  retryConfig?: webApi.RetryOptions;
  timeoutMs?: number;
  ledger?: OnceLedger;
  /** The interface HTTP mode listens on; all of them by default. The sandbox keeps it on loopback. */
  host?: string;
  /** Tests of slow clients shorten these. */
  httpTimeouts?: typeof HTTP_TIMEOUTS;
}

export interface RunningApp {
  app: App;
  /** The port HTTP mode listens on (useful with port 0); undefined in Socket Mode. */
  port?: number;
  /** The address HTTP mode listens on; undefined in Socket Mode. */
  address?: string;
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): { app: App; start(): Promise<RunningApp> } {
  const { config } = options;
  let ready = false;
  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET', 'HEAD'], // load balancers check with either; Node sends no body for HEAD
    handler: (_req, res) => {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ready ? 'ok' : 'starting');
    },
  };
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? PRODUCTION_RETRY,
    timeout: options.timeoutMs ?? WEB_API_TIMEOUT_MS,
  };
  const receiver =
    config.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          logLevel: LOG_LEVEL[config.logLevel],
          customRoutes: [healthz],
          bodyLimit: BODY_LIMIT_BYTES, // the edge refuses larger bodies first; this is Bolt's own bound
          processEventErrorHandler: answerWithoutServerError,
        })
      : undefined;
  const app = new App({
    token: config.botToken,
    signingSecret: config.signingSecret,
    logLevel: LOG_LEVEL[config.logLevel],
    clientOptions,
    // auth.test runs in start() instead of the constructor, so a refused token is a clear message, not a crash.
    deferInitialization: true,
    // Socket Mode's own client (apps.connections.open) takes its options from installerOptions, not clientOptions.
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken, installerOptions: { clientOptions } }),
  });
  if (receiver) {
    receiver.requestListener = guardSlackEdge({
      signingSecret: config.signingSecret,
      logger: app.logger,
      next: receiver.requestListener,
    });
  }
  registerListeners(app, { advisor: options.advisor, ledger: options.ledger ?? new OnceLedger() });
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
      const timeouts = options.httpTimeouts ?? HTTP_TIMEOUTS;
      const serverOptions: ServerOptions = {
        headersTimeout: timeouts.headersTimeoutMs,
        requestTimeout: timeouts.requestTimeoutMs,
        connectionsCheckingInterval: Math.min(1000, timeouts.headersTimeoutMs),
      };
      const started = (await (receiver
        ? app.start({ port: config.port, ...(options.host ? { host: options.host } : {}) }, serverOptions)
        : app.start())) as unknown;
      ready = true;
      const server = config.mode === 'http' ? (started as Server) : undefined;
      const address = server ? (server.address() as AddressInfo) : undefined;
      return {
        app,
        ...(address ? { port: address.port, address: address.address } : {}),
        async stop() {
          ready = false;
          await app.stop();
        },
      };
    },
  };
}

/**
 * Bolt answers 500 when processing throws before the ack (a payload the shape check let through, or a bug): a
 * 500 makes Slack retry, and enough of them turn event delivery off. It is logged once and answered 400.
 */
async function answerWithoutServerError(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  const { error, logger, response } = args;
  if (error instanceof AuthorizationError || response.headersSent)
    return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  logger.error('could not process a request before acknowledging it', { name: error.name, message: error.message });
  response.writeHead(400);
  response.end();
  return false;
}
