/**
 * The constants the page shares with the server reach it from the server (`GET /api/config` and the snapshot),
 * with the product's and the stand-in's values, and the page's own files no longer type them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FAULT_KINDS, FAULT_METHODS } from '../../../sandbox/server/api.js';
import type { PageConfig } from '../../../sandbox/server/page-config.js';
import { PAGE_DIR, type Sandbox, startSandbox } from '../../../sandbox/server/server.js';
import type { PageSnapshot } from '../../../sandbox/server/view-model.js';
import { DEFAULT_CHANNEL } from '../../../sandbox/standin/index.js';
import { COMMAND, SHORTCUT_CALLBACK } from '../../../src/slack/ids.js';

let sandbox: Sandbox;
let base: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, logLevel: 'error' });
  base = `http://127.0.0.1:${sandbox.port}`;
});
afterAll(() => sandbox.close());

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('what the page shares with the server', () => {
  it('GET /api/config carries the product’s command and shortcut, and the stand-in’s opening channel', async () => {
    const config = await get<PageConfig>('/api/config');
    const manifest = parse(readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8'));
    const declared = manifest.features.shortcuts.find(
      (s: { callback_id: string }) => s.callback_id === SHORTCUT_CALLBACK,
    );
    expect(config.command).toBe(COMMAND);
    expect(config.shortcut).toEqual({ callbackId: SHORTCUT_CALLBACK, name: declared.name });
    expect(config.openChannel).toBe(DEFAULT_CHANNEL);
    const snapshot = await get<PageSnapshot>('/api/snapshot');
    expect(snapshot.channels.find((c) => c.id === config.openChannel)?.name).toBe('general');
    expect(config.faults.methods.map((m) => m.value)).toEqual([...FAULT_METHODS]);
    expect(config.faults.kinds.map((k) => k.value)).toEqual([...FAULT_KINDS]);
  });

  it('the app’s name and user id come with the snapshot', async () => {
    const snapshot = await get<PageSnapshot>('/api/snapshot');
    expect(snapshot.app.botUserId).toBe(sandbox.standin.botUserId);
    expect(snapshot.app.name).toBe(manifestAppName());
  });

  it('what the config offers, the server accepts: the shortcut and every fault', async () => {
    const config = await get<PageConfig>('/api/config');
    const post = (path: string, body: unknown) =>
      fetch(`${base}/api/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const message = (await (await post('message', { channel: config.openChannel, text: 'hello' })).json()) as {
      ts: string;
    };
    const shortcut = await post('shortcut', {
      channel: config.openChannel,
      ts: message.ts,
      callbackId: config.shortcut.callbackId,
    });
    expect(shortcut.status).toBe(200);
    for (const method of config.faults.methods) {
      for (const kind of config.faults.kinds) {
        expect((await post('fault', { method: method.value, fault: kind.value })).status).toBe(200);
      }
    }
  });

  it('the page’s own files do not type those constants again', () => {
    const page = ['app.js', 'index.html'].map((file) => readFileSync(`${PAGE_DIR}${file}`, 'utf8')).join('\n');
    for (const constant of [
      SHORTCUT_CALLBACK,
      COMMAND,
      DEFAULT_CHANNEL,
      'C0RANDOM',
      'USLACKBOT',
      'Get realtime advice',
      manifestAppName(),
    ]) {
      expect(page, constant).not.toContain(constant);
    }
    // Fault names are ordinary words ("slow"): only a quoted one would be a copy of the server's list.
    for (const fault of [...FAULT_METHODS, ...FAULT_KINDS]) {
      for (const quoted of [`'${fault}'`, `"${fault}"`]) expect(page, quoted).not.toContain(quoted);
    }
  });
});

function manifestAppName(): string {
  return parse(readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8')).display_information.name;
}
