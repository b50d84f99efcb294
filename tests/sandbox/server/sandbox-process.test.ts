/**
 * The sandbox as a process: `npm run sandbox` stops whole on SIGTERM, freeing its ports, and the real app
 * inside it listens on loopback only, as the page does.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/server/server.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const started: number[] = [];
afterAll(() => {
  // Only the process group this test started, should a failing run have left it behind.
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the sandbox process', () => {
  it('runs the embedded app on loopback, like the page', async () => {
    const sandbox = await startSandbox({ port: 0, logLevel: 'error', seed: false });
    try {
      expect(sandbox.app.address).toBe('127.0.0.1');
    } finally {
      await sandbox.close();
    }
  });

  it('stops everything on SIGTERM to `npm run sandbox`: it exits 0 and both ports are free', async () => {
    const child = spawn('npm', ['run', 'sandbox', '--', '--port', '0'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) started.push(child.pid);
    let output = '';
    const ports = await new Promise<number[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sandbox did not start:\n${output}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const page = /localhost:(\d+)\//.exec(output);
        const app = /app \(port (\d+)\)/.exec(output);
        if (page && app) {
          clearTimeout(timer);
          resolve([Number(page[1]), Number(app[1])]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
    });
    for (const port of ports) expect(await accepts(port)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect.poll(async () => Promise.all(ports.map(accepts)), { timeout: 5000 }).toEqual([false, false]);
  }, 45_000);
});
