import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from developer tools' issue threads (dev servers and live reload, Vite and webpack HMR,
 * Next.js dev, Storybook, BrowserSync, Jupyter servers and kernel gateways, language servers behind Monaco, Electron
 * apps, VS Code extensions, browser extensions), labelled from the seed's rules and the wizard alone, with the words
 * that settle each question (`settles`). It settles the payload question often, in varied words, and has at least
 * eight rows of each 'neither' kind.
 */
describePool({
  name: 'the sixtieth training pool',
  dir: here,
  idLetter: 'p60-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool60'),
});
