/**
 * What every listener group is given: the advisor to ask, the ledger that keeps Slack's repeats of an event from
 * acting twice, and the one pipeline every share goes through.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Advisor } from '../../advisor/index.js';
import type { Store } from '../../store/index.js';
import type { Once } from '../once.js';
import type { SharePipeline } from '../share-pipeline.js';

export interface ListenerDeps {
  advisor: Advisor;
  ledger: Once;
  shares: SharePipeline;
  /** Installations and what is kept per workspace; absent in tests that keep nothing. */
  store?: Store;
}

export type Register = (app: App, deps: ListenerDeps) => void;

export type ButtonClick = BlockAction<ButtonAction>;
