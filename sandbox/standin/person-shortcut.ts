/** A person running a message shortcut from a message's "…" menu: Slack's `message_action` payload. */
import type { AckResult, AppRequests } from './app-requests.js';
import type { JsonObject } from './json.js';
import { channelName, enterpriseField, personFields, teamFields } from './payload-parts.js';
import { DEFAULT_HUMAN } from './workspace-directory.js';

export interface ShortcutResult extends AckResult {
  payload: JsonObject;
  triggerId: string;
  responseUrl: string;
}

/** Runs a message shortcut; its response_url answers in the message's thread, if it is in one. */
export async function messageShortcut(
  app: AppRequests,
  input: { user?: string; channel: string; ts: string; callbackId: string },
): Promise<ShortcutResult> {
  const ws = app.ws;
  const user = input.user ?? DEFAULT_HUMAN;
  const channel = ws.resolveChannel(input.channel);
  const message = channel ? ws.findMessage(channel.id, input.ts) : undefined;
  if (!channel || !message) throw new Error(`no message ${input.ts} in ${input.channel}`);
  const triggerId = ws.mintTrigger(user);
  const threadTs = message.thread_ts;
  const responseUrl = ws.mintResponseUrl({ channel: channel.id, user, ...(threadTs ? { threadTs } : {}) });
  const payload: JsonObject = {
    type: 'message_action',
    token: app.config.verificationToken,
    action_ts: (ws.now() / 1000).toFixed(6),
    team: teamFields(ws),
    user: personFields(ws, user),
    channel: { id: channel.id, name: channelName(ws, channel.id) },
    is_enterprise_install: ws.installedOrgWide,
    enterprise: enterpriseField(ws),
    callback_id: input.callbackId,
    trigger_id: triggerId,
    response_url: responseUrl,
    message_ts: message.ts,
    message: structuredClone(message),
  };
  const result = await app.sendInteraction('message_action', payload);
  app.reportFailure(result, user, channel.id, 'The shortcut');
  return { ...result, payload, triggerId, responseUrl };
}
