import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePool } from '../pool-checks.js';
import { situationsBefore } from '../situation-checks.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A training pool drawn from message brokers, streaming databases and realtime gateways (Kafka REST proxy, ksqlDB,
 * Flink, Materialize, RisingWave, Debezium, NATS, Redis, Pulsar, RabbitMQ, MQTT brokers, Centrifugo, Mercure,
 * Pushpin, Nchan, Soketi, Socket.IO), labelled from the seed's rules and the wizard alone, with the words that settle
 * each question (`settles`). It settles the payload question often, in varied words, and has at least eight rows of
 * each 'neither' kind.
 */
describePool({
  name: 'the fifty-seventh training pool',
  dir: here,
  idLetter: 'p57-',
  payloadShare: 0.25,
  earlier: situationsBefore('pool57'),
});
