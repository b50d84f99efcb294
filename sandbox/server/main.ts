/**
 * `npm run sandbox [-- --port 4000]`: the Slack stand-in, the real app and the sandbox page in one process, with
 * no Slack workspace and no credentials. Prints the page's URL; Ctrl-C stops everything.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runMain, stopOnSignals } from '../../src/lifecycle.js';
import { startSandbox } from './server.js';

const USAGE = `Usage: npm run sandbox [-- --port 3000] [--log-level warn]

Starts a local Slack sandbox: a page that looks like a Slack channel, wired to the real Realtime Advisor app
through an in-process Slack stand-in. No workspace or credentials needed.`;

const argsSchema = z.object({
  port: z.coerce
    .number({ error: '--port: expected a port number' })
    .int('--port: expected a whole number')
    .min(0, '--port: expected 0 to 65535')
    .max(65535, '--port: expected 0 to 65535')
    .default(3000),
  'log-level': z
    .enum(['debug', 'info', 'warn', 'error'], { error: '--log-level: expected debug, info, warn or error' })
    .default('warn'),
});

async function main(): Promise<number> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string', short: 'p' }, 'log-level': { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => i.message).join('\n')}\n\n${USAGE}\n`);
    return 2;
  }
  const { port, 'log-level': logLevel } = parsed.data;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ port, logLevel });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use. Try another: npm run sandbox -- --port ${port === 3000 ? 4000 : port + 1}\n`
        : `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `Realtime Advisor sandbox: open ${sandbox.url}\n` +
      `  The real app (port ${sandbox.app.port}) talks to a Slack stand-in (${sandbox.standin.apiUrl}); Ctrl-C stops both.\n`,
  );
  stopOnSignals(() => sandbox.close());
  return 0;
}

runMain('The sandbox', main);
