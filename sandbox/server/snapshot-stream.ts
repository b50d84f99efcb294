/**
 * The page's live view: server-sent events that carry a fresh snapshot after every change in the stand-in, so
 * the page only ever renders what the workspace holds.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackStandin, StandinChange } from '../standin/index.js';
import { SECURITY_HEADERS } from './http.js';
import type { PageSnapshot } from './view-model.js';

const HEARTBEAT_MS = 15_000;
/** Changes that arrive together (a message and its parent's reply count) go out as one event. */
const COALESCE_MS = 15;

export interface SnapshotStream {
  /** The snapshot as of now, numbered with the last version sent. */
  snapshot(): PageSnapshot;
  /** Something the stand-in does not know about changed (a Slackbot notice): send it like a stand-in change. */
  changed(kind: string): void;
  /** Answers `GET /api/events`: the current snapshot at once, then a `change` event after each change. */
  open(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

export function startSnapshotStream(
  standin: SlackStandin,
  takeSnapshot: (version: number) => PageSnapshot,
): SnapshotStream {
  let version = 0;
  const streams = new Set<ServerResponse>();
  let pending: string[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const snapshot = () => takeSnapshot(version);

  const flush = () => {
    flushTimer = undefined;
    version += 1;
    const kinds = [...new Set(pending)];
    pending = [];
    if (streams.size === 0) return;
    const data = JSON.stringify({ kinds, snapshot: snapshot() });
    for (const res of streams) res.write(`event: change\nid: ${version}\ndata: ${data}\n\n`);
  };
  const changed = (kind: string) => {
    pending.push(kind);
    flushTimer ??= setTimeout(flush, COALESCE_MS);
  };
  const unsubscribe = standin.subscribe((change: StandinChange) => {
    if (change.kind !== 'call') changed(change.kind);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': still here\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    snapshot,
    changed,
    open(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
        ...SECURITY_HEADERS,
      });
      // The current state first, so a page that (re)connects is up to date without asking.
      res.write(`retry: 1000\nevent: snapshot\nid: ${version}\ndata: ${JSON.stringify({ snapshot: snapshot() })}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
    },
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
