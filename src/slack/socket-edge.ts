/**
 * The Socket Mode edge: what edge.ts is for HTTP. Bolt's SocketModeClient parses each frame and reads
 * `event.type` and, for `events_api`, `event.payload.event.type` before anything can catch it
 * (node_modules/@slack/socket-mode/dist/src/SocketModeClient.js, onWebSocketMessage), so a frame of `null` or
 * an `events_api` envelope without its event throws from an event listener and takes the process down; a payload
 * Bolt cannot route throws inside processEvent and is left unacknowledged, which Slack retries, or shows the
 * person as a timeout. In front of the client's own handler, each text frame is checked: an envelope Slack sends
 * (https://docs.slack.dev/apis/events-api/using-socket-mode: `hello`, `disconnect`, and `events_api`,
 * `slash_commands`, `interactive` with an `envelope_id` and a payload of the shape payload-shape.ts checks for
 * HTTP) goes on; anything else is logged once and, when it has an envelope id, acknowledged with nothing.
 */
import type { Logger, SocketModeReceiver } from '@slack/bolt';
import { checkShape } from './payload-shape.js';

type SocketModeClient = SocketModeReceiver['client'];
type FrameListener = (data: unknown, isBinary: boolean) => unknown;
/**
 * The client's own way of acknowledging an envelope, `send(envelope_id, payload)`, which every ack() it hands to
 * Bolt calls. @slack/socket-mode 3.1 types it private; a refused envelope never reaches the code that would hand
 * out an ack(), so this calls it directly.
 */
type Acknowledging = { send(envelopeId: string, body?: Record<string, unknown>): Promise<void> };

/** Envelope types that carry a request and need an ack. */
const REQUESTS = new Set(['events_api', 'slash_commands', 'interactive']);
/** Envelope types from Slack about the connection itself. */
const CONNECTION = new Set(['hello', 'disconnect']);

type FrameCheck = { ok: true } | { ok: false; reason: string; envelopeId?: string };

/** Checks one text frame: an envelope Slack sends, with what Bolt reads before it acknowledges. */
export function checkFrame(text: string): FrameCheck {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'a frame that is not JSON' };
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return {
      ok: false,
      reason: `a frame that is ${frame === null ? 'null' : Array.isArray(frame) ? 'an array' : typeof frame}`,
    };
  const envelope = frame as Record<string, unknown>;
  const { type, envelope_id: id } = envelope;
  if (typeof type === 'string' && CONNECTION.has(type)) return { ok: true };
  if (id !== undefined && (typeof id !== 'string' || id === ''))
    return { ok: false, reason: 'an envelope id that is not a string' };
  const envelopeId = typeof id === 'string' ? { envelopeId: id } : {};
  if (typeof type !== 'string' || !REQUESTS.has(type))
    return { ok: false, reason: `an envelope of type ${typeof type === 'string' ? type : 'none'}`, ...envelopeId };
  if (!envelopeId.envelopeId) return { ok: false, reason: `a ${type} envelope without an id` };
  const shape = checkShape(envelope.payload);
  return shape.ok ? { ok: true } : { ok: false, reason: `a ${type} envelope with ${shape.reason}`, ...envelopeId };
}

/**
 * Puts the check in front of the client's own handler of each frame (`ws_message`, which SlackWebSocket emits
 * with the frame's data): a frame that passes goes to it as before, and anything it throws is logged, not left to
 * crash the process.
 */
export function guardSocketModeFrames(client: SocketModeClient, logger: Logger): void {
  const handlers = client.listeners('ws_message') as FrameListener[];
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: boolean) => {
    if (!isBinary) {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
      const checked = checkFrame(text);
      if (!checked.ok) {
        logger.warn(`refused a Socket Mode frame: ${checked.reason}${checked.envelopeId ? ', acknowledged' : ''}`);
        if (checked.envelopeId)
          (client as unknown as Acknowledging).send(checked.envelopeId).catch((error: unknown) => {
            logger.warn(`could not acknowledge a refused Socket Mode envelope: ${String(error)}`);
          });
        return;
      }
    }
    for (const handle of handlers) {
      try {
        Promise.resolve(handle(data, isBinary)).catch((error: unknown) => logThrown(logger, error));
      } catch (error) {
        logThrown(logger, error);
      }
    }
  });
}

function logThrown(logger: Logger, error: unknown): void {
  logger.error('the Socket Mode client could not handle a frame', {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
  });
}
