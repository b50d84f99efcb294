/**
 * The page's static files, served from the source tree as they are (no build step), so a change to the page
 * shows on reload.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SECURITY_HEADERS, sendJson } from './http.js';

export const PAGE_DIR = fileURLToPath(new URL('../page/', import.meta.url));
/** Only these paths are served: nothing else in the directory (tsconfig.json, …) is reachable. */
const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/blocks.js': { file: 'blocks.js', type: 'text/javascript; charset=utf-8' },
  '/assistant.js': { file: 'assistant.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

export async function servePageFile(res: ServerResponse, path: string): Promise<void> {
  const entry = PAGE_FILES[path];
  if (!entry) {
    sendJson(res, 404, { ok: false, error: 'not_found', reason: `no page ${path}` });
    return;
  }
  const content = await readFile(`${PAGE_DIR}${entry.file}`);
  res.writeHead(200, { 'content-type': entry.type, ...SECURITY_HEADERS });
  res.end(content);
}
