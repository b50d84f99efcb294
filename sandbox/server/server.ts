/**
 * The local Slack sandbox: the Slack stand-in, the real app (createSlackApp, HTTP mode, signed requests and all)
 * and a web server for a page that looks and behaves like a Slack channel. Every click on the page is a person
 * action of the stand-in, so the app receives exactly the requests Slack would send; every change in the stand-in
 * is streamed to the page with server-sent events, and the page re-renders from the snapshot that comes with it.
 *
 * The parts: slack-side.ts (stand-in and app), page-routes.ts (the HTTP routes), page-actions.ts (the page's
 * POST endpoints), snapshot-stream.ts (the event stream), page-files.ts (static files), page-config.ts (constants
 * the page shares with the server).
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config.js';
import type { RunningApp } from '../../src/slack/app.js';
import type { SlackStandin } from '../standin/index.js';
import { pageActions, slackbotNotices } from './page-actions.js';
import { pageConfig } from './page-config.js';
import { PAGE_DIR } from './page-files.js';
import { pageRoutes } from './page-routes.js';
import { startStandinAndApp } from './slack-side.js';
import { startSnapshotStream } from './snapshot-stream.js';
import { pageSnapshot } from './view-model.js';

export { PAGE_DIR } from './page-files.js';

export interface SandboxOptions {
  /** 0 picks a free port; default 3000. */
  port?: number;
  /** Default 127.0.0.1: the page can act as anyone in the workspace, so it is not offered to the network. */
  host?: string;
  /** The app's log level; default warn. */
  logLevel?: Config['logLevel'];
  /** The app's Web API timeout; a short one keeps a stalled call from hanging a click for long. */
  timeoutMs?: number;
  /** Seed #general with a welcome from a colleague (default true). */
  seed?: boolean;
}

export interface Sandbox {
  /** The page, e.g. `http://localhost:3000/`. */
  url: string;
  port: number;
  standin: SlackStandin;
  app: RunningApp;
  /** The person the page acts as. */
  me: string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (!existsSync(PAGE_DIR)) throw new Error(`the sandbox page is missing: expected it in ${PAGE_DIR}`);
  const slack = await startStandinAndApp(options);
  const { standin, app, me } = slack;
  const slackbot = slackbotNotices(() => stream.changed('notice'));
  const stream = startSnapshotStream(standin, (version) => pageSnapshot(standin, me, slackbot.all, version));
  const server = createServer(pageRoutes(stream, pageActions(slack, slackbot), pageConfig()));

  const stopSlack = async () => {
    await app.stop();
    await standin.close();
  };
  try {
    await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
  } catch (error) {
    stream.close();
    await stopSlack();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://localhost:${port}/`,
    port,
    standin,
    app,
    me,
    async close() {
      stream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stopSlack();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
