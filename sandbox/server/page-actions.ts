/**
 * What a person does on the page, one function per `POST /api/<name>`: each validates its body, then acts as Ada
 * through the stand-in (which makes it the signed request Slack would send), or, for what Slack handles itself
 * (a command in a thread, an unknown command), answers as Slackbot would.
 */
import { COMMAND } from '../../src/slack/ids.js';
import type { Fault } from '../standin/index.js';
import {
  clickRequest,
  closeRequest,
  commandRequest,
  disarmRequest,
  dismissRequest,
  type FAULT_KINDS,
  faultRequest,
  homeRequest,
  messageRequest,
  shortcutRequest,
  submitRequest,
} from './api.js';
import { assistantActions } from './assistant-panel.js';
import { BadRequest, parse } from './http.js';
import { SHORTCUT_NAME } from './manifest.js';
import type { SlackSide } from './slack-side.js';
import { APP_NAME, type PageNotice } from './view-model.js';

/** Each fault the page can arm, and what it does in words for the page's fault form. */
export const FAULTS: Record<(typeof FAULT_KINDS)[number], { fault: Fault; label: string }> = {
  not_in_channel: { fault: { error: 'not_in_channel' }, label: 'not_in_channel' },
  channel_not_found: { fault: { error: 'channel_not_found' }, label: 'channel_not_found' },
  ratelimited: { fault: { status: 429, retryAfterSeconds: 2 }, label: 'HTTP 429, Retry-After 2 s' },
  internal_error: { fault: { status: 500 }, label: 'HTTP 500' },
  slow: { fault: { delayMs: 4000 }, label: 'a 4 s delay' },
};

export type PageAction = (body: unknown) => Promise<Record<string, unknown>>;

/** Slackbot's lines to the person, as Slack shows for things it handles itself; they live only in the page. */
export interface SlackbotNotices {
  readonly all: PageNotice[];
  add(text: string, channel: string, threadTs?: string): void;
}

export function slackbotNotices(onAdd: () => void): SlackbotNotices {
  const all: PageNotice[] = [];
  return {
    all,
    add(text, channel, threadTs) {
      all.push({
        id: `slackbot-${all.length + 1}`,
        kind: 'slackbot',
        text,
        channel,
        ...(threadTs ? { threadTs } : {}),
        at: Date.now(),
      });
      onAdd();
    },
  };
}

function ackSummary(result: { status: number; timedOut: boolean; ackMs: number }) {
  return { status: result.status, timedOut: result.timedOut, ms: Math.round(result.ackMs) };
}

export function pageActions(side: SlackSide, slackbot: SlackbotNotices): Record<string, PageAction> {
  const { standin, me, slackText } = side;
  const requireChannel = (ref: string) => {
    const channel = standin.workspace.resolveChannel(ref);
    if (!channel || channel.isIm || !channel.members.has(me)) throw new BadRequest(400, `channel: no channel ${ref}`);
    return channel;
  };

  return {
    // The assistant panel beside the channel (assistant-panel.ts).
    ...assistantActions(side),

    async command(body) {
      const input = parse(commandRequest, body);
      const channel = requireChannel(input.channel);
      if (input.threadTs !== undefined) {
        slackbot.add(
          `Slash commands are not supported in threads. Use the message shortcut *${SHORTCUT_NAME}* (⋯ on a message) or mention @${APP_NAME}.`,
          channel.id,
          input.threadTs,
        );
        return { handled: 'not_in_threads' };
      }
      if (input.command.toLowerCase() !== COMMAND) {
        slackbot.add(
          `\`${input.command}\` is not a valid command. In this sandbox the only installed command is \`${COMMAND}\`.`,
          channel.id,
        );
        return { handled: 'not_a_command' };
      }
      const result = await standin.slashCommand({ user: me, channel: channel.id, command: COMMAND, text: input.text });
      return { ack: ackSummary(result) };
    },

    async message(body) {
      const input = parse(messageRequest, body);
      const channel = requireChannel(input.channel);
      const text = slackText(input.text);
      const threadTs = input.threadTs;
      if (!text.includes(`<@${standin.botUserId}>`)) {
        const message = standin.postAsUser({ user: me, channel: channel.id, text, ...(threadTs ? { threadTs } : {}) });
        return { ts: message.ts };
      }
      const mention = await standin.mention({ user: me, channel: channel.id, text, ...(threadTs ? { threadTs } : {}) });
      if (!mention.event) {
        slackbot.add(
          `You mentioned @${APP_NAME}, but they’re not in this channel, so they were not notified. Share a verdict here to see how the app copes.`,
          channel.id,
          threadTs,
        );
      }
      return { ts: mention.message.ts, ...(mention.event ? { ack: ackSummary(mention.event) } : {}) };
    },

    async click(body) {
      const input = parse(clickRequest, body);
      const where = input.location;
      const result = await standin.clickButton({
        user: me,
        actionId: input.actionId,
        ...(input.blockId !== undefined ? { blockId: input.blockId } : {}),
        ...(input.value !== undefined ? { value: input.value } : {}),
        ...('viewId' in where ? { viewId: where.viewId } : { message: where }),
      });
      return { ack: ackSummary(result) };
    },

    async shortcut(body) {
      const input = parse(shortcutRequest, body);
      const channel = requireChannel(input.channel);
      const result = await standin.messageShortcut({
        user: me,
        channel: channel.id,
        ts: input.ts,
        callbackId: input.callbackId,
      });
      return { ack: ackSummary(result) };
    },

    async submit(body) {
      const input = parse(submitRequest, body);
      const result = await standin.submitView({ user: me, viewId: input.viewId, values: input.values });
      return { ack: ackSummary(result), outcome: result.outcome };
    },

    async close(body) {
      const input = parse(closeRequest, body);
      const stack = standin.openViews(me);
      if (stack.at(-1)?.id !== input.viewId) throw new BadRequest(400, `viewId: ${input.viewId} is not the open modal`);
      for (const view of input.all ? stack.reverse() : stack.slice(-1)) {
        await standin.closeView({ user: me, viewId: view.id });
      }
      return {};
    },

    async home(body) {
      parse(homeRequest, body);
      const result = await standin.openHome({ user: me });
      return { ack: ackSummary(result) };
    },

    async dismiss(body) {
      const input = parse(dismissRequest, body);
      const ephemeral = standin.workspace.findEphemeral(input.ephemeralId);
      if (ephemeral?.user !== me) throw new BadRequest(400, `ephemeralId: no message ${input.ephemeralId} for you`);
      standin.workspace.deleteEphemeral(input.ephemeralId);
      return {};
    },

    async fault(body) {
      const input = parse(faultRequest, body);
      const id = standin.injectFault(input.method, FAULTS[input.fault].fault, input.times);
      return { id };
    },

    async disarm(body) {
      const input = parse(disarmRequest, body);
      if (input.id === undefined) {
        standin.clearFaults();
        return {};
      }
      if (!standin.removeFault(input.id)) throw new BadRequest(400, `id: no armed failure ${input.id}`);
      return {};
    },
  };
}
