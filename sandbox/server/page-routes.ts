/** The sandbox server's routes: which request goes to the page's files, a read of the workspace, or an action. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequest, isLocalHost, isOwnOrigin, readJson, sendJson } from './http.js';
import type { PageAction } from './page-actions.js';
import type { PageConfig } from './page-config.js';
import { servePageFile } from './page-files.js';
import type { SnapshotStream } from './snapshot-stream.js';

/**
 * The request handler: the page's files, `GET /api/config`, `/api/snapshot` and `/api/events`, and a POST for
 * each page action. A refused request is answered with its status and reason; anything else is a 500.
 */
export function pageRoutes(
  stream: SnapshotStream,
  actions: Record<string, PageAction>,
  config: PageConfig,
): (req: IncomingMessage, res: ServerResponse) => void {
  const reads: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    config: (_req, res) => sendJson(res, 200, config),
    snapshot: (_req, res) => sendJson(res, 200, stream.snapshot()),
    events: (req, res) => stream.open(req, res),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLocalHost(req.headers.host)) throw new BadRequest(403, 'the sandbox answers only on localhost');
    if (!isOwnOrigin(req.headers.origin, req.headers.host))
      throw new BadRequest(
        403,
        `the sandbox answers only its own page, not a request from origin ${req.headers.origin}`,
      );
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new BadRequest(405, `${req.method} is not allowed here`);
      await servePageFile(res, path);
      return;
    }
    const name = path.slice('/api/'.length);
    const read = Object.hasOwn(reads, name) ? reads[name] : undefined;
    if (read) {
      if (req.method !== 'GET') throw new BadRequest(405, `use GET for /api/${name}`);
      read(req, res);
      return;
    }
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) throw new BadRequest(404, `no endpoint /api/${name}`);
    if (req.method !== 'POST') throw new BadRequest(405, `use POST for /api/${name}`);
    const body = await readJson(req);
    let result: Record<string, unknown>;
    try {
      result = await action(body);
    } catch (error) {
      if (error instanceof BadRequest) throw error;
      // The stand-in refuses what Slack would refuse (a button that is not there, a modal not on top, an empty
      // required input): that is the request's fault, and its reason is worth showing.
      throw new BadRequest(400, error instanceof Error ? error.message : String(error));
    }
    sendJson(res, 200, { ok: true, ...result });
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof BadRequest ? error.status : 500;
      const reason = error instanceof Error ? error.message : String(error);
      if (!res.headersSent)
        sendJson(res, status, { ok: false, error: status === 500 ? 'internal' : 'bad_request', reason });
      else res.end();
    });
  };
}
