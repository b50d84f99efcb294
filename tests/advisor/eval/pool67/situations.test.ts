import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the issue trackers of self-hosted home and media software (Frigate, Zigbee2MQTT,
 * ESPHome, Node-RED, openHAB, Domoticz, Homebridge, Scrypted, Immich, Paperless-ngx, the *arr apps and Overseerr,
 * dashboards, Gotify, Uptime Kuma), labelled from the seed's rules and the wizard alone, with the words that settle
 * each question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of
 * each 'neither' kind.
 * One row was dropped when it landed for citing a page that pool 66 cites too.
 */
describePool({
  name: 'the sixty-seventh training pool',
  dir: here,
  idLetter: 'p67-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool67'),
});
