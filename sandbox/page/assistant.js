/**
 * The assistant panel beside the channel: the person's latest panel thread as the page shows it (the app's
 * messages with their buttons, the person's own, the app's private notices), with the prompts the app suggested
 * until the person writes. Rendering only: the page (app.js) owns the state, the requests and the message rows,
 * and passes in what it draws a row with.
 */
import { h } from './blocks.js';

/**
 * @typedef {import('../server/assistant-panel.js').PageAssistant} PageAssistant
 * @typedef {import('../standin/index.js').StoredMessage} StoredMessage
 * @typedef {import('../standin/index.js').StoredEphemeral} StoredEphemeral
 * @typedef {import('./blocks.js').VNode} VNode
 * @typedef {import('./blocks.js').TextContext} TextContext
 */

/**
 * How the page draws one message of the thread, and one private notice.
 * @typedef {{
 *   message: (message: StoredMessage, location: { channel: string, ts: string }) => VNode,
 *   ephemeral: (ephemeral: StoredEphemeral) => VNode,
 *   fromApp: (message: StoredMessage) => boolean,
 * }} Rows
 */

/** @param {string} ts */
const tsMs = (ts) => Number(ts) * 1000;

/**
 * The prompts the app suggested, as buttons that send their message as the person's.
 * @param {NonNullable<PageAssistant['prompts']>} prompts
 */
function promptButtons(prompts) {
  return h(
    'div',
    { class: 'assistant-prompts', role: 'group', 'aria-label': prompts.title ?? 'Suggested prompts' },
    prompts.title ? h('div', { class: 'muted small' }, prompts.title) : null,
    prompts.prompts.map((p) =>
      h('button', { type: 'button', class: 'assistant-prompt', 'data-assistant-prompt': p.title }, p.title),
    ),
  );
}

/**
 * The thread's messages and notices in time order, with the suggested prompts after the app's greeting while the
 * person has not written yet.
 * @param {PageAssistant} assistant
 * @param {Rows} rows
 * @returns {VNode[]}
 */
export function assistantTimeline(assistant, rows) {
  const location = (/** @type {StoredMessage} */ m) => ({ channel: assistant.channel, ts: m.ts });
  /** @type {{ at: number, node: VNode }[]} */
  const items = [
    ...assistant.messages.map((m) => ({ at: tsMs(m.ts), node: rows.message(m, location(m)) })),
    ...assistant.ephemerals.map((e) => ({ at: tsMs(e.ts), node: rows.ephemeral(e) })),
  ];
  const greeting = assistant.messages.find((m) => rows.fromApp(m));
  const wrote = assistant.messages.some((m) => !rows.fromApp(m));
  if (assistant.prompts && greeting && !wrote)
    items.push({ at: tsMs(greeting.ts) + 0.001, node: promptButtons(assistant.prompts) });
  return items.sort((a, b) => a.at - b.at).map((i) => i.node);
}

/**
 * The line under the panel's header: where a verdict would be shared.
 * @param {PageAssistant | null} assistant
 * @param {(id: string) => string | undefined} channelName
 */
export function viewingLine(assistant, channelName) {
  if (!assistant) return 'Opening…';
  if (!assistant.viewing) return 'No channel in view: open one to share a verdict there.';
  const name = channelName(assistant.viewing);
  return `Beside ${name ? `#${name}` : 'a channel'}: a verdict shared here goes there.`;
}
