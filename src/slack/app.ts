/**
 * The Bolt app, wired the same way for production, the tests and the sandbox. HTTP mode serves POST
 * /slack/events (and GET /healthz for load balancers); Socket Mode is for development with no public URL.
 * With OAuth configured, HTTP mode also serves GET /slack/install and /slack/oauth_redirect (install.ts), and each
 * request is answered with its workspace's token from the store instead of one bot token.
 * Bolt does the signature checks, receivers, installs and Web API retries; we only choose their settings.
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
  type ReceiverUnhandledRequestHandlerArgs,
  type RespondArguments,
  type RespondFn,
  SocketModeReceiver,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
  type webApi,
} from '@slack/bolt';
import type { Advisor } from '../advisor/index.js';
import type { Config } from '../config.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { decisionRecorder } from './decision-log.js';
import { BODY_LIMIT_BYTES, guardSlackEdge } from './edge.js';
import { InFlight, type Work, workOf } from './in-flight.js';
import { installerSettings } from './install.js';
import { registerListeners } from './listeners/index.js';
import { redactingLogger } from './logger.js';
import { answerUnauthorized } from './not-installed.js';
import type { Once } from './once.js';
import { replierFor } from './replier.js';
import type { ShareLedger } from './share-ledger.js';
import { sharePipeline } from './share-pipeline.js';
import { describeSlackError } from './slack-errors.js';
import { slackFetch } from './slack-fetch.js';
import { guardSocketModeFrames } from './socket-edge.js';
import { StoreShareLedger, storeOnce } from './store-ledgers.js';

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
 * How long a client may take to send a request. Slack sends a whole request at once, well within its own
 * 3-second deadline; a client that trickles headers or a body (slow-loris) is cut off here, not after Node's
 * defaults of 60 s and 300 s. Node checks these every `connectionsCheckingInterval`. A connection silent for
 * `requestTimeoutMs` is closed too.
 */
export const HTTP_TIMEOUTS = { headersTimeoutMs: 5000, requestTimeoutMs: 10_000 };

/** On SIGTERM, how long work after an ack may take to finish before it is given up (and the person told). */
export const SHUTDOWN_DRAIN_MS = 10_000;
/** How long telling people about unfinished work may take, after the drain. */
const SHUTDOWN_TELL_MS = 2000;

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

/** The values in the environment that must never be logged. */
function secretsOf(config: Config): (string | undefined)[] {
  const database = config.database.kind === 'postgres' ? passwordIn(config.database.url) : undefined;
  return [
    config.signingSecret,
    config.botToken,
    config.appToken,
    config.oauth?.clientSecret,
    config.oauth?.stateSecret,
    database,
  ];
}

function passwordIn(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

export interface SlackAppOptions {
  config: Config;
  advisor: Advisor;
  /** The retry policy for calls safe to repeat (Socket Mode's connection); PRODUCTION_RETRY by default. */
  retryConfig?: webApi.RetryOptions;
  timeoutMs?: number;
  /** What keeps an event from being answered twice; on the store by default. */
  ledger?: Once;
  /** The interface HTTP mode listens on; all of them by default. The sandbox keeps it on loopback. */
  host?: string;
  /** Tests of slow clients shorten these. */
  httpTimeouts?: typeof HTTP_TIMEOUTS;
  /** Where shares are written down; on the store by default. */
  shareLedger?: ShareLedger;
  /** How long stop() waits for work after acks; SHUTDOWN_DRAIN_MS by default. */
  drainMs?: number;
  /**
   * What must outlive a request: installations (required in OAuth mode; `app_uninstalled` and `tokens_revoked`
   * forget the workspace's installation and data), the claims that make shares and events happen once (across
   * instances and restarts) and the decision log. main.ts passes the store it opened, and closes it. Without one,
   * a private in-memory SQLite database that lives as long as the app: tests and the sandbox.
   */
  store?: Store;
}

export interface RunningApp {
  app: App;
  /** The port HTTP mode listens on (useful with port 0); undefined in Socket Mode. */
  port?: number;
  /** The address HTTP mode listens on; undefined in Socket Mode. */
  address?: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Logs a piece of work that shutdown could not wait for, and tells its person privately. */
async function tellUnfinished(app: App, fetch: typeof globalThis.fetch, work: Work): Promise<void> {
  app.logger.warn('unfinished at shutdown', {
    kind: work.kind,
    user: work.user,
    channel: work.channel,
    ms: Date.now() - work.startedAt,
  });
  if (!work.user) return;
  const { responseUrl } = work;
  const respond = responseUrl
    ? async (message: RespondArguments) =>
        fetch(responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
        })
    : undefined;
  const reply = replierFor({
    client: app.client,
    logger: app.logger,
    user: work.user,
    channel: work.channel,
    threadTs: work.threadTs,
    respond: respond as RespondFn | undefined,
  });
  await reply.explain('finish what you asked', {
    code: 'shutting_down',
    advice:
      'I was restarting and ran out of time, so it may or may not have happened. Look first; if it did not, try again in a minute.',
    mayHaveHappened: true,
  });
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
  const timeout = options.timeoutMs ?? WEB_API_TIMEOUT_MS;
  const apiUrl = config.slackApiUrl ?? 'https://slack.com/api/';
  const fetch = slackFetch({ apiUrl, timeoutMs: timeout });
  // One logger for the app and every library under it, with the environment's secrets taken out of each line.
  const logger = redactingLogger(LOG_LEVEL[config.logLevel], secretsOf(config));
  const clientOptions: webApi.WebClientOptions = {
    logger,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: ONCE_ONLY,
    rejectRateLimitedCalls: true,
    timeout,
    fetch,
  };
  const { oauth } = config;
  if (oauth && !options.store)
    throw new Error('OAuth mode keeps installations in the store: pass `store` to createSlackApp');
  const store = options.store ?? openSqliteStore(':memory:');
  const httpReceiver =
    config.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          logger,
          // The edge in front (edge.ts) checks every request Bolt routes to its events endpoint with Bolt's own
          // isValidSlackRequest, before anything reads the body. Bolt checking it again cost an HMAC and a parse
          // of the body per request, and proved nothing more.
          signatureVerification: false,
          customRoutes: [healthz],
          bodyLimit: BODY_LIMIT_BYTES, // the edge refuses larger bodies first; this is Bolt's own bound
          processEventErrorHandler: (args) => answerWithoutServerError(args, oauth?.redirectUri),
          unhandledRequestTimeoutMillis: UNHANDLED_ACK_MS,
          unhandledRequestHandler: ackUnhandled,
          ...(oauth ? installerSettings({ oauth, store, apiUrl, clientOptions }) : {}),
        })
      : undefined;
  const socketReceiver =
    config.mode === 'socket' && config.appToken
      ? new SocketModeReceiver({
          appToken: config.appToken,
          logger,
          // Socket Mode's own client (apps.connections.open) takes its options from installerOptions.
          installerOptions: {
            clientOptions: { ...clientOptions, retryConfig: options.retryConfig ?? PRODUCTION_RETRY },
          },
          processEventErrorHandler: ackDespiteError,
        })
      : undefined;
  const app = new App({
    // No token in OAuth mode: Bolt then authorizes each request from the installation store.
    ...(config.botToken ? { token: config.botToken } : {}),
    signingSecret: config.signingSecret,
    logger,
    logLevel: LOG_LEVEL[config.logLevel], // Bolt sets its logger to this, INFO when absent
    clientOptions,
    // auth.test runs in start() instead of the constructor, so a refused token is a clear message, not a crash.
    deferInitialization: true,
    // No conversation store: state rides in button values. Bolt's default, an in-memory store, ran as a global
    // middleware on every request and threw (and caught) an Error for every channel it had never seen.
    convoStore: false,
    receiver: httpReceiver ?? socketReceiver,
  });
  if (httpReceiver) {
    httpReceiver.requestListener = guardSlackEdge({
      signingSecret: config.signingSecret,
      logger: app.logger,
      next: httpReceiver.requestListener,
    });
  }
  if (socketReceiver) guardSocketModeFrames(socketReceiver.client, app.logger);
  // Every request, ack and the work after it, is tracked so that shutdown can let it finish.
  const inFlight = new InFlight();
  app.use(({ body, next }) => inFlight.track(workOf(body), next));
  registerListeners(app, {
    advisor: options.advisor,
    ledger: options.ledger ?? storeOnce(store),
    shares: sharePipeline(options.shareLedger ?? new StoreShareLedger(store), decisionRecorder(store, app.logger)),
    store,
  });
  app.error(async (error) => {
    // A workspace or org with no installation: thrown on, as Bolt's default handler does, to the receiver's
    // processEventErrorHandler, which still holds the response and tells the person (not-installed.ts).
    if (error instanceof AuthorizationError) throw error;
    // Unexpected errors in a listener: log the code, never the payload (it can hold user text and tokens).
    // Bolt wraps the errors of several listeners in one: each is logged, or the one that matters is hidden behind it.
    const originals = (error as { originals?: unknown[] }).originals ?? [error];
    for (const original of originals)
      app.logger.error('listener error', {
        code: describeSlackError(original).code,
        name: (original as Error).name,
        message: (original as Error).message,
        stack: (original as Error).stack?.split('\n').slice(1, 4).join(' | '),
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
      const started = (await (httpReceiver
        ? app.start({ port: config.port, ...(options.host ? { host: options.host } : {}) }, serverOptions)
        : app.start())) as unknown;
      ready = true;
      const server = config.mode === 'http' ? (started as Server) : undefined;
      // A connection that sends nothing at all is under neither bound above (Node starts the headers clock at the
      // first byte): one silent for as long as a whole request may take is closed.
      server?.setTimeout(timeouts.requestTimeoutMs);
      const address = server ? (server.address() as AddressInfo) : undefined;
      return {
        app,
        ...(address ? { port: address.port, address: address.address } : {}),
        /**
         * Stops taking requests, then lets the work after acks finish for up to the drain bound: Slack will not
         * send those requests again. What is unfinished then is logged and its person told; a request that never
         * finishes does not hold the process.
         */
        async stop() {
          ready = false;
          const bound = options.drainMs ?? SHUTDOWN_DRAIN_MS;
          const drained = inFlight.drain(bound);
          await Promise.race([app.stop(), sleep(bound)]);
          const unfinished = await drained;
          if (!options.store) await store.close(); // the app's own; a store passed in is its opener's to close
          if (unfinished.length === 0) return;
          await Promise.race([
            Promise.allSettled(unfinished.map((work) => tellUnfinished(app, fetch, work))),
            sleep(SHUTDOWN_TELL_MS),
          ]);
        },
      };
    },
  };
}

/**
 * In Socket Mode, an envelope whose processing threw before its ack (a payload the frame check let through, or a
 * bug) is acknowledged all the same, as answerWithoutServerError answers 400 over HTTP: Bolt's default leaves it
 * unacknowledged, and Slack retries it or shows the person a timeout. It is logged once.
 */
async function ackDespiteError({ error, logger }: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  logger.error('could not process a Socket Mode envelope before acknowledging it', {
    name: error.name,
    message: error.message,
  });
  return true;
}

/**
 * A request no listener acknowledged: a kind of payload this app never asked for (Slack's `app_rate_limited`
 * notice, a legacy `dialog_submission`, a `block_suggestion` without ids). Bolt's default answers 404 after 3 s,
 * which Slack reports to the person as an error; this answers 200 with nothing, in time, and logs it.
 */
export const UNHANDLED_ACK_MS = 2000;

function ackUnhandled(args: ReceiverUnhandledRequestHandlerArgs): void {
  const { logger, response } = args;
  logger.info('acknowledged a request no listener handles');
  if (response.headersSent) return;
  response.writeHead(200);
  response.end();
}

/**
 * Bolt answers 500 when processing throws before the ack (a payload the shape check let through, or a bug): a
 * 500 makes Slack retry, and enough of them turn event delivery off. It is logged once and answered 400.
 * A request with no installation to answer it is answered by not-installed.ts.
 */
async function answerWithoutServerError(
  args: ReceiverProcessEventErrorHandlerArgs,
  redirectUri: string | undefined,
): Promise<boolean> {
  const { error, logger, request, response } = args;
  if (response.headersSent) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  if (error instanceof AuthorizationError) return answerUnauthorized({ error, logger, request, response, redirectUri });
  logger.error('could not process a request before acknowledging it', { name: error.name, message: error.message });
  response.writeHead(400);
  response.end();
  return false;
}
