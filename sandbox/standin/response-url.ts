/**
 * response_url semantics: each slash command or interaction gets a URL bound to a channel, a person and (for
 * clicks) the message clicked, usable 5 times within 30 minutes. Posting to it shows an ephemeral message, a
 * channel message (`in_channel`), or replaces/deletes the original. The same rules show an app's immediate ack
 * body for slash commands, which is how Slack treats a one-round-trip answer.
 */
import { validateBlocks } from './block-kit.js';
import { isRecord, type JsonObject } from './json.js';
import type { Workspace } from './workspace.js';
import { RESPONSE_URL_LIFETIME_MS, RESPONSE_URL_MAX_USES, type ResponseUrlBinding } from './workspace-interactions.js';

/**
 * Error codes for a spent response_url. Slack answers 404 with the code as a plain-text body; every refusal of a
 * response_url is plain text (`invalid_blocks`, `no_text`, …), never JSON (see server.ts).
 */
export const EXPIRED_URL = 'expired_url';
export const USED_URL = 'used_url';

export interface ResponseOutcome {
  status: number;
  body: JsonObject;
  /** What the post did to the workspace, for tests and logs. */
  effect?: 'ephemeral_posted' | 'message_posted' | 'replaced' | 'deleted' | 'nothing';
}

function asBool(value: unknown): boolean {
  return value === true || value === 'true';
}

function refuse(status: number, error: string, extra: JsonObject = {}): ResponseOutcome {
  return { status, body: { ok: false, error, ...extra } };
}

/**
 * Applies a response message (a response_url POST body or a slash-command ack body) to the workspace.
 * Does not check expiry or count uses; see `postToResponseUrl`.
 */
export function applyResponse(
  ws: Workspace,
  binding: Pick<ResponseUrlBinding, 'channel' | 'user' | 'source' | 'threadTs'>,
  payload: JsonObject,
  via: 'response_url' | 'ack',
): ResponseOutcome {
  const source = binding.source;
  if (asBool(payload.delete_original)) {
    if (source?.kind === 'ephemeral') {
      if (!ws.findEphemeral(source.id)) return refuse(404, 'message_not_found');
      ws.deleteEphemeral(source.id);
      return { status: 200, body: { ok: true }, effect: 'deleted' };
    }
    if (source?.kind === 'message') {
      const message = ws.findMessage(source.channel, source.ts);
      if (!message) return refuse(404, 'message_not_found');
      if (!ws.isBotMessage(message)) return refuse(400, 'cant_delete_message');
      ws.deleteMessage(source.channel, source.ts);
      return { status: 200, body: { ok: true }, effect: 'deleted' };
    }
    return { status: 200, body: { ok: true }, effect: 'nothing' };
  }

  let blocks: unknown[] | undefined;
  if (payload.blocks !== undefined && payload.blocks !== null) {
    let parsed: unknown = payload.blocks;
    if (typeof parsed === 'string') {
      try {
        parsed = JSON.parse(parsed);
      } catch {
        return refuse(400, 'invalid_blocks_format');
      }
    }
    const verdict = validateBlocks(parsed, 'message');
    if (!verdict.ok) return refuse(400, verdict.error, { response_metadata: { messages: verdict.messages } });
    blocks = parsed as unknown[];
  }
  const text = typeof payload.text === 'string' ? payload.text : '';
  if (text === '' && (blocks === undefined || blocks.length === 0)) return refuse(400, 'no_text');
  const content = blocks === undefined ? { text } : { text, blocks };

  if (asBool(payload.replace_original) && source !== undefined) {
    if (source.kind === 'ephemeral') {
      if (!ws.findEphemeral(source.id)) return refuse(404, 'message_not_found');
      ws.replaceEphemeral(source.id, content);
      return { status: 200, body: { ok: true }, effect: 'replaced' };
    }
    const message = ws.findMessage(source.channel, source.ts);
    if (!message) return refuse(404, 'message_not_found');
    if (!ws.isBotMessage(message)) return refuse(400, 'cant_update_message');
    ws.updateMessage(source.channel, source.ts, { text, blocks: blocks ?? [] });
    return { status: 200, body: { ok: true }, effect: 'replaced' };
  }

  const requestedThread = typeof payload.thread_ts === 'string' ? payload.thread_ts : undefined;
  let threadTs = requestedThread ?? binding.threadTs;
  if (threadTs !== undefined && !ws.findMessage(binding.channel, threadTs)) threadTs = undefined;
  if (payload.response_type === 'in_channel') {
    // Posted as the app; Slack allows this even where the bot is not a member.
    ws.postBotMessage(binding.channel, { ...content, threadTs });
    return { status: 200, body: { ok: true }, effect: 'message_posted' };
  }
  ws.postEphemeral({
    channel: binding.channel,
    user: binding.user,
    ...content,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    via,
  });
  return { status: 200, body: { ok: true }, effect: 'ephemeral_posted' };
}

/** Handles `POST /respond/<id>`: expiry and use limits first, then the message. */
export function postToResponseUrl(ws: Workspace, id: string, rawBody: string): ResponseOutcome {
  const binding = ws.responseUrl(id);
  if (!binding) return refuse(404, 'no_service');
  if (ws.now() - binding.createdAt > RESPONSE_URL_LIFETIME_MS) return refuse(404, EXPIRED_URL);
  if (binding.uses >= RESPONSE_URL_MAX_USES) return refuse(404, USED_URL);
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return refuse(400, 'invalid_payload');
  }
  if (!isRecord(payload)) return refuse(400, 'invalid_payload');
  const outcome = applyResponse(ws, binding, payload, 'response_url');
  if (outcome.status === 200) binding.uses += 1;
  return outcome;
}
