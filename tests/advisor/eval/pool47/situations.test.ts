import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the Python world's issues and pull requests (aiohttp, httpx, sse-starlette, Starlette,
 * FastAPI apps, Django Channels, Celery progress bars, Dask dashboards, Prefect, Dagster and Airflow logs, Home
 * Assistant integrations and cameras, aioquic, aiortc, MicroPython boards), labelled from the seed's rules and the
 * wizard alone, with the words that settle each question (`settles`). It settles the payload question often, in
 * varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the forty-seventh training pool',
  dir: here,
  idLetter: 'p47-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool47'),
});
