/**
 * What every listener group is given: the advisor to ask, the ledger that keeps Slack's repeats of an event from
 * acting twice, the one pipeline every share goes through, and the store that keeps the decision log.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Advisor } from '../../advisor/index.js';
import type { Store } from '../../store/store.js';
import type { OnceLedger } from '../once.js';
import type { SharePipeline } from '../share-pipeline.js';

export interface ListenerDeps {
  advisor: Advisor;
  ledger: OnceLedger;
  shares: SharePipeline;
  store: Store;
}

export type Register = (app: App, deps: ListenerDeps) => void;

export type ButtonClick = BlockAction<ButtonAction>;
