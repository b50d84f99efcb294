import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from media and communications software (Jitsi, Janus, mediasoup, LiveKit, Pion, Owncast,
 * PeerTube, Jellyfin, MediaMTX, SRS, voice-agent frameworks, signalling servers, VoIP web clients, live captioning),
 * labelled from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It
 * settles the payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 * Four rows were dropped when it landed for citing pages that round 13 or pool 52 cites too.
 */
describePool({
  name: 'the fifty-fourth training pool',
  dir: here,
  idLetter: 'p54-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool54'),
});
