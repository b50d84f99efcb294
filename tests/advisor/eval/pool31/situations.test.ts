import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from mobile, embedded, desktop and hardware projects (ESP32/ESP8266 firmware and their web
 * UIs, 3D printer hosts such as OctoPrint, Klipper and Moonraker, ROS bridges and robot teleoperation, cameras and
 * NVRs, Android/iOS/Flutter/React Native apps, Electron and Tauri desktop apps, Kindle and smart-TV screens),
 * labelled from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It
 * settles the payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 * One row was dropped when it landed for citing a page that pool 28 cites too (a WebTransport one: its floor is 7).
 */
describePool({
  name: 'the thirty-first training pool',
  dir: here,
  idLetter: 'p31-',
  payloadShare: 0.25,
  neitherMinimum: 7,
  earlier: situationsBefore('pool31'),
});
