/**
 * What the page needs to know that the product and the stand-in already define: the command, the message
 * shortcut, the channel it opens on, the faults it can arm. The page fetches it from `GET /api/config` instead of
 * typing its own copy, so renaming the shortcut or a channel cannot leave the page behind.
 */
import { COMMAND, SHORTCUT_CALLBACK } from '../../src/slack/ids.js';
import { DEFAULT_CHANNEL } from '../standin/index.js';
import { FAULT_KINDS, FAULT_METHODS } from './api.js';
import { SHORTCUT_NAME } from './manifest.js';
import { FAULTS } from './page-actions.js';

/** Slack's own fixed user id for Slackbot; the stand-in posts Slack's notices as this user. */
export const SLACKBOT_USER_ID = 'USLACKBOT';

export interface PageConfig {
  /** The slash command the composer runs. */
  command: string;
  /** The message shortcut in a message's ⋯ menu: what the app listens for, and the name Slack shows. */
  shortcut: { callbackId: typeof SHORTCUT_CALLBACK; name: string };
  /** The channel the page shows first. */
  openChannel: string;
  slackbotUserId: string;
  /** The fault form's choices: every method and fault `POST /api/fault` accepts. */
  faults: { methods: { value: string; label: string }[]; kinds: { value: string; label: string }[] };
}

export function pageConfig(): PageConfig {
  return {
    command: COMMAND,
    shortcut: { callbackId: SHORTCUT_CALLBACK, name: SHORTCUT_NAME },
    openChannel: DEFAULT_CHANNEL,
    slackbotUserId: SLACKBOT_USER_ID,
    faults: {
      methods: FAULT_METHODS.map((value) => ({ value, label: value === 'response_url' ? 'a response_url' : value })),
      kinds: FAULT_KINDS.map((value) => ({ value, label: FAULTS[value].label })),
    },
  };
}
