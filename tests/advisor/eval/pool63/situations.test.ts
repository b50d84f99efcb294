import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from crypto, Web3 and fintech write-ups (Ethereum and Solana RPC subscriptions, wallets,
 * block explorers, exchange APIs and trading bots, payment gateways, open banking, KYC), labelled from the seed's
 * rules and the wizard alone, with the words that settle each question (`settles`). It settles the payload question
 * often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the sixty-third training pool',
  dir: here,
  idLetter: 'p63-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool63'),
});
