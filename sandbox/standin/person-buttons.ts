/**
 * A person clicking a button on a channel message, an ephemeral message or a view: Slack's `block_actions`
 * payload for that surface (message and response_url bound to it; ephemeral container only, since Slack keeps no
 * ephemeral messages; the view for a modal, without a response_url).
 */
import type { AckResult, AppRequests } from './app-requests.js';
import { type FoundButton, findButtons as findButtonsIn } from './block-kit.js';
import { isRecord, type JsonObject } from './json.js';
import { channelName, enterpriseField, personFields, teamFields } from './payload-parts.js';
import type { Workspace } from './workspace.js';
import { DEFAULT_HUMAN } from './workspace-directory.js';
import type { StoredEphemeral, StoredMessage } from './workspace-messages.js';
import type { StoredView } from './workspace-views.js';

export type ButtonLocation =
  | { message: { channel: string; ts: string } }
  | { message: { ephemeralId: string } }
  | { viewId: string };

export interface ClickOptions {
  user?: string;
  actionId: string;
  blockId?: string;
  /** Picks among buttons sharing an action_id. */
  value?: string;
  message?: { channel: string; ts: string } | { ephemeralId: string };
  viewId?: string;
}

export interface ClickResult extends AckResult {
  payload: JsonObject;
  triggerId: string;
  responseUrl?: string;
}

export type SurfaceRef = { message?: ClickOptions['message']; viewId?: string };

/** Where a button was found: its blocks and the message, ephemeral or view holding them. */
interface ClickedSurface {
  blocks: unknown;
  message?: StoredMessage & { channel: string };
  ephemeral?: StoredEphemeral;
  view?: { user: string; view: StoredView };
}

function surfaceOf(ws: Workspace, location: SurfaceRef): ClickedSurface {
  if (location.viewId !== undefined) {
    const view = ws.locateView({ id: location.viewId });
    if (!view) throw new Error(`no open view ${location.viewId}`);
    return { blocks: view.view.blocks, view };
  }
  const where = location.message;
  if (where === undefined)
    throw new Error('say where the button is: message: { channel, ts } | { ephemeralId }, or viewId');
  if ('ephemeralId' in where) {
    const ephemeral = ws.findEphemeral(where.ephemeralId);
    if (!ephemeral) throw new Error(`no ephemeral message ${where.ephemeralId}`);
    return { blocks: ephemeral.blocks, ephemeral };
  }
  const channel = ws.resolveChannel(where.channel);
  const message = channel ? ws.findMessage(channel.id, where.ts) : undefined;
  if (!channel || !message) throw new Error(`no message ${where.ts} in ${where.channel}`);
  return { blocks: message.blocks, message: { ...structuredClone(message), channel: channel.id } };
}

/** The buttons a person sees on a message, an ephemeral message or a view. */
export function findButtons(ws: Workspace, location: SurfaceRef): FoundButton[] {
  return findButtonsIn(surfaceOf(ws, location).blocks);
}

/** Clicks a button found by action_id (and block_id / value when several match). */
export async function clickButton(app: AppRequests, input: ClickOptions): Promise<ClickResult> {
  const ws = app.ws;
  const surface = surfaceOf(ws, input);
  const candidates = findButtonsIn(surface.blocks).filter(
    (b) =>
      b.actionId === input.actionId &&
      (input.blockId === undefined || b.blockId === input.blockId) &&
      (input.value === undefined || b.value === input.value),
  );
  const button = candidates[0];
  if (!button) {
    const seen = findButtonsIn(surface.blocks)
      .map((b) => `${b.blockId}/${b.actionId} "${b.text}"`)
      .join(', ');
    throw new Error(`no button with action_id ${input.actionId} here; buttons: ${seen || 'none'}`);
  }
  const user = input.user ?? surface.ephemeral?.user ?? surface.view?.user ?? DEFAULT_HUMAN;
  if (surface.ephemeral && surface.ephemeral.user !== user) {
    throw new Error(`ephemeral ${surface.ephemeral.id} is only visible to ${surface.ephemeral.user}`);
  }
  const triggerId = ws.mintTrigger(user);
  const action: JsonObject = {
    type: 'button',
    action_id: button.actionId,
    block_id: button.blockId,
    text: button.element.text,
    ...(button.value !== undefined ? { value: button.value } : {}),
    ...(button.style !== undefined ? { style: button.style } : {}),
    ...(button.url !== undefined ? { url: button.url } : {}),
    ...(isRecord(button.element.confirm) ? { confirm: structuredClone(button.element.confirm) } : {}),
    action_ts: (ws.now() / 1000).toFixed(6),
  };
  const payload: JsonObject = {
    type: 'block_actions',
    user: personFields(ws, user),
    api_app_id: ws.opts.appId,
    token: app.config.verificationToken,
  };
  let responseUrl: string | undefined;
  let channelId: string | undefined;
  if (surface.message) {
    const { channel, ...message } = surface.message;
    channelId = channel;
    responseUrl = ws.mintResponseUrl({
      channel,
      user,
      source: { kind: 'message', channel, ts: message.ts },
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
    });
    payload.container = {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel,
      is_ephemeral: false,
      ...(message.thread_ts && message.thread_ts !== message.ts ? { thread_ts: message.thread_ts } : {}),
    };
    payload.trigger_id = triggerId;
    payload.team = teamFields(ws);
    payload.enterprise = enterpriseField(ws);
    payload.is_enterprise_install = ws.installedOrgWide;
    payload.channel = { id: channel, name: channelName(ws, channel) };
    payload.message = message;
    payload.state = { values: {} };
    payload.response_url = responseUrl;
  } else if (surface.ephemeral) {
    const ephemeral = surface.ephemeral;
    channelId = ephemeral.channel;
    responseUrl = ws.mintResponseUrl({
      channel: ephemeral.channel,
      user,
      source: { kind: 'ephemeral', id: ephemeral.id },
      ...(ephemeral.thread_ts ? { threadTs: ephemeral.thread_ts } : {}),
    });
    // Slack does not keep ephemeral messages, so the payload has no `message`, only the container.
    payload.container = {
      type: 'message',
      message_ts: ephemeral.ts,
      channel_id: ephemeral.channel,
      is_ephemeral: true,
      ...(ephemeral.thread_ts ? { thread_ts: ephemeral.thread_ts } : {}),
    };
    payload.trigger_id = triggerId;
    payload.team = teamFields(ws);
    payload.enterprise = enterpriseField(ws);
    payload.is_enterprise_install = ws.installedOrgWide;
    payload.channel = { id: ephemeral.channel, name: channelName(ws, ephemeral.channel) };
    payload.state = { values: {} };
    payload.response_url = responseUrl;
  } else if (surface.view) {
    const view = surface.view.view;
    payload.container = { type: 'view', view_id: view.id };
    payload.trigger_id = triggerId;
    payload.team = teamFields(ws);
    payload.enterprise = enterpriseField(ws);
    payload.is_enterprise_install = ws.installedOrgWide;
    payload.view = structuredClone(view);
  }
  payload.actions = [action];
  const result = await app.sendInteraction('block_actions', payload);
  app.reportFailure(result, user, channelId, `The button "${button.text}"`);
  return { ...result, payload, triggerId, ...(responseUrl ? { responseUrl } : {}) };
}

/** Clicks the button whose visible label is `text`. */
export function clickButtonByText(
  app: AppRequests,
  input: { user?: string; text: string; message?: ClickOptions['message']; viewId?: string },
): Promise<ClickResult> {
  const buttons = findButtons(app.ws, input);
  const button = buttons.find((b) => b.text === input.text);
  if (!button) {
    throw new Error(`no button labelled "${input.text}"; buttons: ${buttons.map((b) => `"${b.text}"`).join(', ')}`);
  }
  return clickButton(app, {
    ...(input.user ? { user: input.user } : {}),
    actionId: button.actionId,
    blockId: button.blockId,
    ...(button.value !== undefined ? { value: button.value } : {}),
    ...(input.message ? { message: input.message } : {}),
    ...(input.viewId ? { viewId: input.viewId } : {}),
  });
}
