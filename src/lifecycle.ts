/** How `npm start` and `npm run sandbox` live and die as processes: one way, so both behave the same. */

/** Stops cleanly on Ctrl-C or a platform's SIGTERM, once, then exits. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/**
 * Runs a process's main function: a non-zero code exits with it (after main printed why), and an unexpected
 * error is reported as a crash with its stack. A zero code leaves the process serving.
 */
export function runMain(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`${name} crashed at start-up: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
