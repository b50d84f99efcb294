/** What every listener group is given: the advisor to ask, and the ledger that keeps repeats from acting twice. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Advisor } from '../../advisor/index.js';
import type { OnceLedger } from '../once.js';

export interface ListenerDeps {
  advisor: Advisor;
  ledger: OnceLedger;
}

export type Register = (app: App, deps: ListenerDeps) => void;

export type ButtonClick = BlockAction<ButtonAction>;
