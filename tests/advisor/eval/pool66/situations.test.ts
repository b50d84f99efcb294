import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from network, security and proxy software and the networks people run (OpenWrt LuCI, pfSense
 * and OPNsense, UniFi, Pi-hole, Tailscale, Cloudflare Tunnel, ngrok, frp, HAProxy, Traefik, Caddy, Envoy, corporate
 * proxies and SSL inspection, captive portals, VPN web portals), labelled from the seed's rules and the wizard alone,
 * with the words that settle each question (`settles`). It settles the payload question often, in varied words, and
 * has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the sixty-sixth training pool',
  dir: here,
  idLetter: 'p66-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool66'),
});
