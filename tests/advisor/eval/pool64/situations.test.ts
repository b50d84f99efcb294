import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from collaboration and productivity software (Etherpad, HedgeDoc, Outline, AppFlowy, AFFiNE,
 * Logseq, Obsidian sync plugins, OnlyOffice, Mattermost and its calls plugin, Rocket.Chat, Zulip, Matrix clients and
 * servers, Planka, Wekan, Focalboard), labelled from the seed's rules and the wizard alone, with the words that settle
 * each question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of
 * each 'neither' kind.
 */
describePool({
  name: 'the sixty-fourth training pool',
  dir: here,
  idLetter: 'p64-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool64'),
});
