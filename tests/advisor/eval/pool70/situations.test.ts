import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from IoT platforms, device clouds and 3D printing (AWS IoT, Azure IoT Hub, Particle, Blynk,
 * Tasmota, Shelly, Meshtastic, The Things Network, ChirpStack, OctoPrint, Klipper, Moonraker, Mainsail, Fluidd,
 * PrusaLink, Bambu tools), labelled from the seed's rules and the wizard alone, with the words that settle each
 * question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of each
 * 'neither' kind.
 */
describePool({
  name: 'the seventieth training pool',
  dir: here,
  idLetter: 'p70-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool70'),
});
