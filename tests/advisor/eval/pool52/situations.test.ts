import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from games, 3D, whiteboards and creative tools (Godot, Unity and Unreal web builds, Phaser,
 * Colyseus, Nakama, Excalidraw, tldraw, WebXR and three.js, OBS, Twitch and YouTube overlays, music tools), labelled
 * from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the
 * payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the fifty-second training pool',
  dir: here,
  idLetter: 'p52-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool52'),
});
