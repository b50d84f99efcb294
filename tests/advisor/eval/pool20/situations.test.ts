import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from data, ML, observability and developer-tool projects (notebook and dashboard frameworks,
 * Grafana plugins, Prometheus and OpenTelemetry pipelines, error trackers, LLM servers and chat front ends, CI runners,
 * Kubernetes dashboards), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each 'neither'
 * kind. One row was dropped when it landed for citing a page pool 16 cites too.
 */
describePool({
  name: 'the twentieth training pool',
  dir: here,
  idLetter: 'p20-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool20'),
});
