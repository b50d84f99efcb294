import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from GitHub issues of customer support, CRM and automation tools (Chatwoot, FreeScout,
 * Tiledesk, Mautic, Twenty, n8n, Windmill, Huginn, Activepieces, Node-RED, Appsmith, Budibase, ToolJet and their
 * neighbours), labelled from the seed's rules and the wizard alone, with the words that settle each question
 * (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each
 * 'neither' kind.
 */
describePool({
  name: 'the seventy-first training pool',
  dir: here,
  idLetter: 'p71-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool71'),
});
