import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from DevOps and observability tools' issues and docs (Grafana Live, Argo CD and Workflows,
 * Jenkins, Kubernetes Dashboard, Uptime Kuma, Sentry, log tailing and job-runner UIs), labelled from the seed's rules
 * and the wizard alone, with the words that settle each question (`settles`). It settles the payload question often,
 * in varied words, and has at least eight rows of each 'neither' kind.
 * One row was dropped when it landed for citing a page that pool 52 cites too.
 */
describePool({
  name: 'the fifty-third training pool',
  dir: here,
  idLetter: 'p53-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool53'),
});
