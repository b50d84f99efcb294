import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from the JVM and Android world's issues and pull requests (OkHttp, Scarlet, Ktor, Spring
 * WebFlux and Boot, Micronaut, Quarkus, Vert.x, Netty, Jetty, Akka, ExoPlayer, Android WebRTC clients), labelled
 * from the seed's rules and the wizard alone, with the words that settle each question (`settles`). It settles the
 * payload question often, in varied words, and has at least eight rows of each 'neither' kind.
 */
describePool({
  name: 'the forty-fourth training pool',
  dir: here,
  idLetter: 'p44-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool44'),
});
