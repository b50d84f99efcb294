/**
 * The sandbox page: a Slack channel view over the stand-in's workspace. It never changes what it shows by itself:
 * every action is a request to the sandbox (which makes it a signed Slack request to the app), and every change
 * arrives as a snapshot over server-sent events, from which the page renders again.
 */
import { assistantTimeline, viewingLine } from './assistant.js';
import { h, mrkdwn, renderBlocks, toDom } from './blocks.js';

/**
 * What the sandbox sends, typed by the server's own definitions (type-only imports: nothing of the server runs here).
 * @typedef {import('../server/view-model.js').PageSnapshot} PageSnapshot
 * @typedef {import('../server/view-model.js').PageChannel} PageChannel
 * @typedef {import('../server/view-model.js').PageNotice} PageNotice
 * @typedef {import('../server/page-config.js').PageConfig} PageConfig
 * @typedef {import('../standin/index.js').StoredMessage} StoredMessage
 * @typedef {import('../standin/index.js').StoredEphemeral} StoredEphemeral
 * @typedef {import('./blocks.js').VNode} VNode
 * @typedef {import('./blocks.js').VChild} VChild
 * @typedef {import('./blocks.js').TextContext} TextContext
 */
/**
 * What each `POST /api/<name>` takes: the input of the server's zod schema for it, so a body the server would
 * refuse does not type-check here.
 * @typedef {typeof import('../server/api.js')} Api
 * @typedef {{
 *   command: Api['commandRequest'], message: Api['messageRequest'], click: Api['clickRequest'],
 *   shortcut: Api['shortcutRequest'], submit: Api['submitRequest'], close: Api['closeRequest'],
 *   home: Api['homeRequest'], dismiss: Api['dismissRequest'], fault: Api['faultRequest'],
 *   disarm: Api['disarmRequest'], 'assistant-open': Api['assistantOpenRequest'],
 *   'assistant-view': Api['assistantViewRequest'], 'assistant-message': Api['assistantMessageRequest'],
 *   'assistant-prompt': Api['assistantPromptRequest']
 * }} Requests
 * @typedef {import('zod').input<Api['clickRequest']>['location']} Location
 * @typedef {import('zod').input<Api['faultRequest']>} FaultBody
 */
/**
 * @typedef {'main' | 'thread' | 'assistant'} Where
 * @typedef {{ kind: 'channel', id: string } | { kind: 'home' }} Pane
 * @typedef {{ channel: string, ts: string }} ThreadRef
 * @typedef {{ channel: string, ts: string, where: Where }} MenuRef
 */

/**
 * An element the page's HTML has, as the kind of element it is; a missing or different one is a bug in the page.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function $as(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no ${type.name} #${id}`);
  return el;
}
/** @param {string} id */
const $ = (id) => $as(id, HTMLElement);

/**
 * The constants the page shares with the server (the command, the shortcut, the channel to open, the faults it
 * can arm), from the server rather than typed here again.
 * @returns {Promise<PageConfig>}
 */
async function loadConfig() {
  for (;;) {
    try {
      const response = await fetch('/api/config');
      if (response.ok) return /** @type {PageConfig} */ (await response.json());
    } catch {
      // Not up yet, or restarting: try again, as the event stream would.
    }
    $('connection').textContent = 'Reconnecting…';
    $('connection').className = 'connection down';
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const config = await loadConfig();

const state = {
  /**
   * The latest snapshot from the sandbox.
   * @type {PageSnapshot | null}
   */
  snap: null,
  /**
   * What the main pane shows: a channel by id, or the app's Home tab.
   * @type {Pane}
   */
  view: { kind: 'channel', id: config.openChannel },
  /**
   * The open thread.
   * @type {ThreadRef | null}
   */
  thread: null,
  /**
   * The message whose ⋯ menu is open.
   * @type {MenuRef | null}
   */
  menu: null,
  /**
   * Notices the person closed.
   * @type {Set<string>}
   */
  dismissed: new Set(),
  /** What the shown modal was rendered from, so typing in it survives unrelated updates. */
  modalKey: '',
  /** A thread just opened: it shows its parent first, as Slack does, not its last reply. */
  threadOpened: false,
  /** The assistant panel is open beside the channel. */
  assistantOpen: false,
  /**
   * Notices with no channel (a form that failed) already shown as a toast.
   * @type {Set<string>}
   */
  toasted: new Set(),
};

/** The snapshot being rendered: render() runs only once one has arrived. */
function snap() {
  if (!state.snap) throw new Error('no snapshot yet');
  return state.snap;
}

// ---- talking to the sandbox ---------------------------------------------------------------------------------

/**
 * @template {keyof Requests} P
 * @param {P} path
 * @param {import('zod').input<Requests[P]>} [body]
 * @returns {Promise<object | undefined>} the answer, or undefined when the sandbox refused or did not answer
 */
async function post(path, body) {
  let response;
  try {
    response = await fetch(`/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    toast('The sandbox is not answering. Is `npm run sandbox` still running?');
    return undefined;
  }
  const answer = /** @type {{ reason?: string }} */ (await response.json().catch(() => ({})));
  if (!response.ok) {
    toast(answer.reason ?? `The sandbox refused that (HTTP ${response.status}).`);
    return undefined;
  }
  return answer;
}

/** @param {string} text */
function toast(text) {
  const node = toDom(h('div', { class: 'toast', role: 'alert' }, text), document);
  $('toasts').appendChild(node);
  setTimeout(() => node.remove(), 8000);
}

function connect() {
  const events = new EventSource('/api/events');
  /** @param {MessageEvent<string>} event */
  const onSnapshot = (event) => {
    const data = /** @type {{ snapshot: PageSnapshot }} */ (JSON.parse(event.data));
    state.snap = data.snapshot;
    $('connection').textContent = 'Live';
    $('connection').className = 'connection live';
    render();
  };
  events.addEventListener('snapshot', onSnapshot);
  events.addEventListener('change', onSnapshot);
  events.addEventListener('error', () => {
    $('connection').textContent = 'Reconnecting…';
    $('connection').className = 'connection down';
  });
}

// ---- names, times, avatars ----------------------------------------------------------------------------------

/** @returns {Required<TextContext>} */
function textContext() {
  /** @type {Record<string, string>} */
  const users = {};
  for (const u of snap().users) users[u.id] = u.isBot ? snap().app.name : u.realName || u.name;
  /** @type {Record<string, string>} */
  const channels = {};
  for (const c of snap().channels) channels[c.id] = c.name;
  return { users, channels };
}

/** @param {StoredMessage} message */
function isApp(message) {
  return message.bot_id === snap().app.botId || message.user === snap().app.botUserId;
}

/** @param {StoredMessage} message */
function authorName(message) {
  if (isApp(message)) return snap().app.name;
  if (message.user === config.slackbotUserId) return 'Slackbot';
  const user = snap().users.find((u) => u.id === message.user);
  return user ? user.realName || user.name : message.user;
}

/** @param {number} ms */
function timeOf(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}
/** @param {string} ts */
const tsMs = (ts) => Number(ts) * 1000;

/** @typedef {'app' | 'slackbot' | 'person'} AuthorKind */

/**
 * @param {AuthorKind} kind
 * @param {string} name
 * @param {string} [id]
 */
function avatar(kind, name, id) {
  if (kind === 'app') return h('div', { class: 'avatar avatar-app', 'aria-hidden': 'true' }, '⚡');
  if (kind === 'slackbot') return h('div', { class: 'avatar avatar-slackbot', 'aria-hidden': 'true' }, '✱');
  let hash = 0;
  for (const ch of id ?? name) hash = (hash * 31 + ch.charCodeAt(0)) % 6;
  return h('div', { class: `avatar avatar-${hash}`, 'aria-hidden': 'true' }, (name[0] ?? '?').toUpperCase());
}

// ---- messages -----------------------------------------------------------------------------------------------

/**
 * What a message says: the app's blocks as Block Kit; a person's text as mrkdwn (their rich_text echoes it).
 * @param {StoredMessage} message
 * @param {TextContext} ctx
 */
function messageContent(message, ctx) {
  if (message.subtype === 'tombstone') return h('div', { class: 'muted' }, 'This message was deleted.');
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  const onlyEcho = blocks.every((b) => b.type === 'rich_text');
  if (blocks.length && !onlyEcho) return renderBlocks(blocks, ctx);
  return mrkdwn(message.text ?? '', ctx);
}

/**
 * @param {{
 *   kind: AuthorKind, key: string, name: string, id?: string, time: number, content: VChild,
 *   location?: Location, extra?: VChild, actions?: VChild, classes?: string, label?: string
 * }} row
 */
function messageRow({ kind, key, name, id, time, content, location, extra, actions, classes, label }) {
  return h(
    'div',
    {
      class: `message ${classes ?? ''}`,
      'data-key': key,
      'data-location': location ? JSON.stringify(location) : undefined,
      'aria-label': label,
    },
    avatar(kind, name, id),
    h(
      'div',
      { class: 'message-body' },
      h(
        'div',
        { class: 'message-meta' },
        h('span', { class: 'author' }, name),
        kind === 'app' ? h('span', { class: 'badge' }, 'APP') : null,
        h('span', { class: 'time' }, timeOf(time)),
      ),
      content,
      extra,
    ),
    actions,
  );
}

/**
 * @param {string} channel
 * @param {string} ts
 * @param {Where} where
 */
function hoverActions(channel, ts, where) {
  const open = state.menu && state.menu.channel === channel && state.menu.ts === ts && state.menu.where === where;
  return h(
    'div',
    { class: `hover-actions${open ? ' open' : ''}` },
    where === 'main'
      ? h(
          'button',
          { type: 'button', class: 'icon-button', 'data-open-thread': ts, 'aria-label': 'Reply in thread' },
          '💬',
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'icon-button',
        'data-menu': JSON.stringify({ channel, ts, where }),
        'aria-label': 'More actions',
        'aria-haspopup': 'menu',
        'aria-expanded': open ? 'true' : 'false',
      },
      '⋯',
    ),
    open
      ? h(
          'div',
          { class: 'menu', role: 'menu' },
          h('div', { class: 'menu-section' }, 'Shortcuts'),
          h(
            'button',
            { type: 'button', role: 'menuitem', class: 'menu-item', 'data-shortcut': JSON.stringify({ channel, ts }) },
            h('span', null, config.shortcut.name),
            h('span', { class: 'muted' }, snap().app.name),
          ),
          where === 'main'
            ? h(
                'button',
                { type: 'button', role: 'menuitem', class: 'menu-item', 'data-open-thread': ts },
                'Reply in thread',
              )
            : null,
        )
      : null,
  );
}

/**
 * @param {PageChannel} channel
 * @param {StoredMessage} message
 * @param {TextContext} ctx
 * @param {Where} where
 */
function channelMessage(channel, message, ctx, where) {
  const app = isApp(message);
  const replies = channel.threads[message.ts] ?? [];
  const summary =
    where === 'main' && (message.reply_count ?? 0) > 0
      ? h(
          'button',
          { type: 'button', class: 'thread-summary', 'data-open-thread': message.ts },
          h(
            'span',
            { class: 'thread-count' },
            `${message.reply_count} ${message.reply_count === 1 ? 'reply' : 'replies'}`,
          ),
          h(
            'span',
            { class: 'muted' },
            `Last reply ${timeOf(tsMs(message.latest_reply ?? replies.at(-1)?.ts ?? message.ts))}`,
          ),
        )
      : null;
  const broadcast =
    message.subtype === 'thread_broadcast' && where === 'main'
      ? h('div', { class: 'muted small' }, 'replied to a thread')
      : null;
  return messageRow({
    kind: app ? 'app' : message.user === config.slackbotUserId ? 'slackbot' : 'person',
    key: `${channel.id}:${message.ts}`,
    name: authorName(message),
    id: message.user,
    time: tsMs(message.ts),
    content: [
      broadcast,
      messageContent(message, ctx),
      message.edited ? h('span', { class: 'muted small' }, '(edited)') : null,
    ],
    location: { channel: channel.id, ts: message.ts },
    extra: summary,
    actions: message.subtype === 'tombstone' ? null : hoverActions(channel.id, message.ts, where),
    label: `${authorName(message)}: ${message.text ?? ''}`.slice(0, 200),
  });
}

/**
 * @param {StoredEphemeral} ephemeral
 * @param {TextContext} ctx
 */
function ephemeralMessage(ephemeral, ctx) {
  const content = ephemeral.blocks?.length ? renderBlocks(ephemeral.blocks, ctx) : mrkdwn(ephemeral.text ?? '', ctx);
  return messageRow({
    kind: 'app',
    key: `eph:${ephemeral.id}`,
    name: snap().app.name,
    time: tsMs(ephemeral.ts),
    content: [
      h('div', { class: 'only-you' }, h('span', { 'aria-hidden': 'true' }, '👁 '), 'Only visible to you'),
      content,
    ],
    location: { ephemeralId: ephemeral.id },
    extra: h(
      'button',
      { type: 'button', class: 'link-button', 'data-dismiss-ephemeral': ephemeral.id },
      'Dismiss message',
    ),
    classes: 'ephemeral',
    label: `Only visible to you: ${ephemeral.text ?? ''}`.slice(0, 200),
  });
}

/**
 * @param {PageNotice} notice
 * @param {TextContext} ctx
 */
function noticeMessage(notice, ctx) {
  return messageRow({
    kind: 'slackbot',
    key: `notice:${notice.id}`,
    name: 'Slackbot',
    time: notice.at,
    content: [
      h('div', { class: 'only-you' }, h('span', { 'aria-hidden': 'true' }, '👁 '), 'Only visible to you'),
      h(
        'div',
        { class: notice.kind === 'error' ? 'notice-error' : '' },
        notice.kind === 'error' ? '⚠️ ' : '',
        mrkdwn(notice.text, ctx),
      ),
    ],
    extra: h('button', { type: 'button', class: 'link-button', 'data-dismiss-notice': notice.id }, 'Dismiss message'),
    classes: 'ephemeral notice',
  });
}

/**
 * Messages, the person's ephemeral messages and Slack's notices, in time order.
 * @param {{ at: number, node: VNode }[]} items
 */
function timeline(items) {
  return items.sort((a, b) => a.at - b.at).map((i) => i.node);
}

// ---- panes --------------------------------------------------------------------------------------------------

function currentChannel() {
  const view = state.view;
  if (view.kind !== 'channel') return undefined;
  return snap().channels.find((c) => c.id === view.id) ?? snap().channels[0];
}

function renderSidebar() {
  const s = snap();
  $('team-name').textContent = s.team.name;
  /**
   * @param {Record<string, string | undefined>} attrs
   * @param {VChild} label
   * @param {boolean} active
   */
  const item = (attrs, label, active) =>
    h('button', { type: 'button', class: `nav-item${active ? ' active' : ''}`, ...attrs }, label);
  const nav = h(
    'div',
    null,
    h('div', { class: 'nav-section' }, 'Channels'),
    s.channels.map((c) =>
      item(
        {
          'data-channel': c.id,
          'aria-current': state.view.kind === 'channel' && state.view.id === c.id ? 'page' : undefined,
        },
        [h('span', { class: 'hash' }, c.isPrivate ? '🔒' : '#'), ` ${c.name}`],
        state.view.kind === 'channel' && state.view.id === c.id,
      ),
    ),
    h('div', { class: 'nav-section' }, 'Apps'),
    item({ 'data-home': 'true' }, [h('span', { class: 'hash' }, '⚡'), ` ${s.app.name}`], state.view.kind === 'home'),
  );
  $('sidebar-nav').replaceChildren(toDom(nav, document));
  $('me').replaceChildren(
    toDom(
      h('div', null, avatar('person', s.me.realName, s.me.id), h('span', null, `${s.me.realName} (you)`)),
      document,
    ),
  );
}

/**
 * Replaces a scrolling list's content, staying at the bottom if the person was there.
 * @param {HTMLElement} container
 * @param {VNode[]} nodes
 */
function replaceList(container, nodes) {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
  const top = container.scrollTop;
  container.replaceChildren(...nodes.map((n) => toDom(n, document)));
  container.scrollTop = atBottom ? container.scrollHeight : top;
}

/** @param {TextContext} ctx */
function renderChannel(ctx) {
  const s = snap();
  const channel = currentChannel();
  $('messages').hidden = false;
  $('home').hidden = true;
  $('composer').hidden = false;
  if (!channel) return;
  $('channel-header').replaceChildren(
    toDom(
      h(
        'div',
        null,
        h('h1', null, `# ${channel.name}`),
        h(
          'span',
          { class: 'muted' },
          channel.botIsMember
            ? `${s.app.name} is in this channel`
            : `${s.app.name} is not in this channel: shares fall back to one message without a thread`,
        ),
      ),
      document,
    ),
  );
  $as('composer-input', HTMLTextAreaElement).placeholder = `Message #${channel.name}`;
  const intro = h(
    'div',
    { class: 'channel-intro' },
    h('h2', null, `# ${channel.name}`),
    h(
      'p',
      { class: 'muted' },
      channel.earlier > 0
        ? `${channel.earlier} earlier ${channel.earlier === 1 ? 'message is' : 'messages are'} not shown.`
        : `This is the very beginning of the #${channel.name} channel.`,
    ),
  );
  const items = [
    ...channel.messages.map((m) => ({ at: tsMs(m.ts), node: channelMessage(channel, m, ctx, 'main') })),
    ...s.ephemerals
      .filter((e) => e.channel === channel.id && !e.thread_ts)
      .map((e) => ({ at: tsMs(e.ts), node: ephemeralMessage(e, ctx) })),
    ...s.notices
      .filter((n) => n.channel === channel.id && !n.threadTs && !state.dismissed.has(n.id))
      .map((n) => ({ at: n.at, node: noticeMessage(n, ctx) })),
  ];
  replaceList($('messages'), [intro, ...timeline(items)]);
}

/** @param {TextContext} ctx */
function renderHome(ctx) {
  $('messages').hidden = true;
  $('home').hidden = false;
  $('composer').hidden = true;
  $('channel-header').replaceChildren(
    toDom(
      h(
        'div',
        null,
        h('h1', null, `⚡ ${snap().app.name}`),
        h(
          'div',
          { class: 'tabs', role: 'tablist' },
          h('span', { class: 'tab active', role: 'tab', 'aria-selected': 'true' }, 'Home'),
        ),
      ),
      document,
    ),
  );
  const home = snap().home;
  const content = home
    ? h(
        'div',
        { class: 'home-view', 'data-location': JSON.stringify({ viewId: home.id }) },
        renderBlocks(home.blocks, ctx),
      )
    : h('p', { class: 'muted' }, 'Opening the Home tab…');
  $('home').replaceChildren(toDom(content, document));
}

/** @param {TextContext} ctx */
function renderThread(ctx) {
  const s = snap();
  const panel = $('thread-panel');
  const thread = state.thread;
  const channel = thread && s.channels.find((c) => c.id === thread.channel);
  const parent = thread && channel?.messages.find((m) => m.ts === thread.ts);
  if (!channel || !parent) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  $('thread-channel').textContent = `#${channel.name}`;
  const replies = channel.threads[parent.ts] ?? [];
  const items = [
    ...replies.map((m) => ({ at: tsMs(m.ts), node: channelMessage(channel, m, ctx, 'thread') })),
    ...s.ephemerals
      .filter((e) => e.channel === channel.id && e.thread_ts === parent.ts)
      .map((e) => ({ at: tsMs(e.ts), node: ephemeralMessage(e, ctx) })),
    ...s.notices
      .filter((n) => n.channel === channel.id && n.threadTs === parent.ts && !state.dismissed.has(n.id))
      .map((n) => ({ at: n.at, node: noticeMessage(n, ctx) })),
  ];
  replaceList($('thread-messages'), [
    channelMessage(channel, parent, ctx, 'thread'),
    h('div', { class: 'reply-divider' }, `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`),
    ...timeline(items),
  ]);
  // Opened at the parent (a shared verdict's header), not scrolled to the bottom; later replies keep the place.
  if (state.threadOpened) $('thread-messages').scrollTop = 0;
  state.threadOpened = false;
}

/**
 * The assistant panel beside the channel: the person's latest panel thread, its status and where a share goes.
 * @param {TextContext} ctx
 */
function renderAssistant(ctx) {
  const panel = $('assistant-panel');
  $('assistant-entry').setAttribute('aria-pressed', state.assistantOpen ? 'true' : 'false');
  panel.hidden = !state.assistantOpen;
  if (!state.assistantOpen) return;
  const assistant = snap().assistant;
  $('assistant-title').textContent = assistant?.title ?? '';
  $('assistant-viewing').textContent = viewingLine(assistant, (id) => snap().channels.find((c) => c.id === id)?.name);
  $('assistant-status').textContent = assistant?.status ? `${snap().app.name} ${assistant.status}` : '';
  const rows = {
    /**
     * @param {StoredMessage} message
     * @param {{ channel: string, ts: string }} location
     */
    message: (message, location) =>
      messageRow({
        kind: isApp(message) ? 'app' : 'person',
        key: `assistant:${message.ts}`,
        name: authorName(message),
        id: message.user,
        time: tsMs(message.ts),
        content: messageContent(message, ctx),
        location,
        label: `${authorName(message)}: ${message.text ?? ''}`.slice(0, 200),
      }),
    /** @param {StoredEphemeral} ephemeral */
    ephemeral: (ephemeral) => ephemeralMessage(ephemeral, ctx),
    fromApp: isApp,
  };
  replaceList($('assistant-messages'), assistant ? assistantTimeline(assistant, rows) : []);
}

/**
 * Opens the assistant panel beside what the main pane shows: a new thread the first time, the same one after.
 * The thread panel closes: one panel at a time on the right.
 */
async function openAssistant() {
  state.assistantOpen = true;
  state.thread = null;
  render();
  $('assistant-input').focus();
  const channel = currentChannel()?.id;
  if (!snap().assistant) await post('assistant-open', channel ? { channel } : {});
  else await viewBesideAssistant();
}

/** With the panel open, tells Slack which channel is in view beside it (none on the Home tab). */
async function viewBesideAssistant() {
  if (!state.assistantOpen || !snap().assistant) return;
  const channel = currentChannel()?.id;
  if ((snap().assistant?.viewing ?? undefined) === channel) return;
  await post('assistant-view', channel ? { channel } : {});
}

/**
 * The armed simulated failures: counted on the menu's label, so they are seen while it is closed, and listed in
 * it with a button that disarms each.
 */
function renderFaults() {
  /** @param {string} method */
  const methodLabel = (method) => config.faults.methods.find((m) => m.value === method)?.label ?? method;
  const faults = snap().faults;
  $('faults-count').textContent = faults.length ? ` (${faults.length} armed)` : '';
  const list = faults.length
    ? h(
        'ul',
        { class: 'armed-faults', 'aria-label': 'Armed failures' },
        faults.map((f) =>
          h(
            'li',
            null,
            h(
              'span',
              null,
              `${methodLabel(f.method)}: ${f.label} · ${f.remaining} ${f.remaining === 1 ? 'call' : 'calls'}`,
            ),
            h(
              'button',
              { type: 'button', class: 'disarm', 'data-disarm': f.id, 'aria-label': `Disarm ${f.method}: ${f.label}` },
              'Disarm',
            ),
          ),
        ),
      )
    : h('p', { class: 'muted small' }, 'Nothing armed.');
  $('armed-faults').replaceChildren(toDom(list, document));
}

/**
 * The text of a view's title, submit or close (plain_text objects, stored as JSON).
 * @param {unknown} obj
 * @returns {string | undefined}
 */
function viewText(obj) {
  return obj && typeof obj === 'object' && 'text' in obj && typeof obj.text === 'string' ? obj.text : undefined;
}

/** @param {TextContext} ctx */
function renderModal(ctx) {
  const stack = snap().modals;
  const top = stack.at(-1);
  const root = $('modal-root');
  // The stand-in sets `errors` from a view_submission's `response_action: errors`: messages by block_id.
  const errors = /** @type {Record<string, string> | undefined} */ (top?.errors);
  const key = top ? `${top.id}:${top.hash}:${JSON.stringify(errors ?? {})}:${stack.length}` : '';
  if (key === state.modalKey) return;
  state.modalKey = key;
  if (!top) {
    root.replaceChildren();
    return;
  }
  const modal = h(
    'div',
    { class: 'modal-backdrop' },
    h(
      'div',
      {
        class: 'modal',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': viewText(top.title) ?? 'Modal',
        'data-location': JSON.stringify({ viewId: top.id }),
        'data-view-id': top.id,
      },
      h(
        'header',
        { class: 'modal-header' },
        stack.length > 1
          ? h('button', { type: 'button', class: 'icon-button', 'data-modal-back': top.id, 'aria-label': 'Back' }, '←')
          : null,
        h('h2', null, viewText(top.title) ?? ''),
        h(
          'button',
          { type: 'button', class: 'icon-button', 'data-modal-close-all': top.id, 'aria-label': 'Close dialog' },
          '×',
        ),
      ),
      h('div', { class: 'modal-body' }, renderBlocks(top.blocks, { ...ctx, errors: errors ?? {} })),
      h(
        'footer',
        { class: 'modal-footer' },
        h(
          'button',
          { type: 'button', class: 'bk-button', 'data-modal-cancel': top.id },
          viewText(top.close) ?? 'Cancel',
        ),
        top.submit
          ? h(
              'button',
              { type: 'button', class: 'bk-button bk-button-primary', 'data-modal-submit': top.id },
              viewText(top.submit),
            )
          : null,
      ),
    ),
  );
  root.replaceChildren(toDom(modal, document));
}

/** The app's name where the page shows it outside a message: the title, the top bar, the composer's hint. */
function renderAppName() {
  const name = snap().app.name;
  document.title = `${name} · Slack sandbox`;
  $('topbar-title').textContent = `${name} sandbox`;
  $('hint-mention').textContent = `@${name} …`;
  $('assistant-name').textContent = `⚡ ${name}`;
}

function render() {
  if (!state.snap) return;
  const ctx = textContext();
  renderAppName();
  renderSidebar();
  if (state.view.kind === 'home') renderHome(ctx);
  else renderChannel(ctx);
  renderThread(ctx);
  renderAssistant(ctx);
  renderModal(ctx);
  renderFaults();
  for (const notice of snap().notices) {
    if (notice.channel || state.toasted.has(notice.id)) continue;
    state.toasted.add(notice.id);
    toast(notice.text);
  }
}

// ---- what a person does -------------------------------------------------------------------------------------

/**
 * The composer: `/command …` runs a slash command; anything else is a message (a mention if it names the app).
 * @param {string} text
 * @param {Where} where
 */
async function send(text, where) {
  const trimmed = text.trim();
  if (!trimmed) return false;
  // In the assistant panel, everything typed is a message to the app (no slash commands in its thread).
  if (where === 'assistant') return (await post('assistant-message', { text })) !== undefined;
  const channel = where === 'thread' ? state.thread?.channel : currentChannel()?.id;
  const threadTs = where === 'thread' ? state.thread?.ts : undefined;
  if (!channel) return false;
  const command = /^(\/\S+)\s*([\s\S]*)$/.exec(trimmed);
  const answer = command
    ? await post('command', { channel, command: command[1] ?? '', text: command[2], threadTs })
    : await post('message', { channel, text, threadTs });
  return answer !== undefined;
}

/**
 * @param {string} formId
 * @param {string} inputId
 * @param {Where} where
 */
function wireComposer(formId, inputId, where) {
  const form = $(formId);
  const input = $as(inputId, HTMLTextAreaElement);
  const submit = async () => {
    const text = input.value;
    input.disabled = true;
    const sent = await send(text, where);
    input.disabled = false;
    if (sent) input.value = '';
    input.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
}

/**
 * What the modal's inputs hold, by block_id then action_id, as `view.state.values` is keyed.
 * @param {Element | null} modal
 */
function modalValues(modal) {
  /** @type {Record<string, Record<string, string>>} */
  const values = {};
  for (const input of modal?.querySelectorAll('[data-input]') ?? []) {
    if (
      !(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement || input instanceof HTMLSelectElement)
    )
      continue;
    const blockId = input.getAttribute('data-block-id') ?? '';
    const actionId = input.getAttribute('data-action-id') ?? '';
    values[blockId] = { ...(values[blockId] ?? {}), [actionId]: input.value };
  }
  return values;
}

/**
 * @param {string} channel
 * @param {string} ts
 */
function openThread(channel, ts) {
  state.thread = { channel, ts };
  state.threadOpened = true;
  state.menu = null;
  state.assistantOpen = false;
  render();
  $('thread-input').focus();
}

/** @param {HTMLButtonElement} button */
async function clickButton(button) {
  const where = button.closest('[data-location]');
  if (!where) return;
  const url = button.getAttribute('data-url');
  if (url) window.open(url, '_blank', 'noopener');
  button.disabled = true;
  button.classList.add('busy');
  await post('click', {
    location: /** @type {Location} */ (JSON.parse(where.getAttribute('data-location') ?? 'null')),
    actionId: button.getAttribute('data-action-id') ?? '',
    blockId: button.getAttribute('data-block-id') || undefined,
    value: button.getAttribute('data-value') ?? undefined,
  });
  button.disabled = false;
  button.classList.remove('busy');
}

/**
 * What a click does, by the first attribute in this list that the clicked element or an ancestor carries; a
 * handler that answers `false` passes the click on to the next.
 * @type {[string, (el: Element) => unknown][]}
 */
const CLICKS = [
  [
    'data-channel',
    async (el) => {
      state.view = { kind: 'channel', id: el.getAttribute('data-channel') ?? '' };
      state.menu = null;
      render();
      $('composer-input').focus();
      await viewBesideAssistant();
    },
  ],
  [
    'data-home',
    async () => {
      state.view = { kind: 'home' };
      render();
      await post('home');
      await viewBesideAssistant();
    },
  ],
  [
    'data-open-thread',
    (el) => {
      const row = el.closest('[data-location]');
      const location = row ? /** @type {Location} */ (JSON.parse(row.getAttribute('data-location') ?? 'null')) : null;
      const channel = location && 'channel' in location ? location.channel : currentChannel()?.id;
      if (channel) openThread(channel, el.getAttribute('data-open-thread') ?? '');
    },
  ],
  [
    'data-menu',
    (el) => {
      const menu = /** @type {MenuRef} */ (JSON.parse(el.getAttribute('data-menu') ?? 'null'));
      const same = state.menu && state.menu.ts === menu.ts && state.menu.where === menu.where;
      state.menu = same ? null : menu;
      render();
    },
  ],
  [
    'data-shortcut',
    async (el) => {
      const { channel, ts } = /** @type {ThreadRef} */ (JSON.parse(el.getAttribute('data-shortcut') ?? 'null'));
      state.menu = null;
      render();
      await post('shortcut', { channel, ts, callbackId: config.shortcut.callbackId });
    },
  ],
  ['data-action-id', (el) => (el instanceof HTMLButtonElement ? clickButton(el) : false)],
  [
    'data-modal-submit',
    async (el) => {
      if (!(el instanceof HTMLButtonElement)) return false;
      el.disabled = true;
      await post('submit', {
        viewId: el.getAttribute('data-modal-submit') ?? '',
        values: modalValues(el.closest('.modal')),
      });
      el.disabled = false;
      return true;
    },
  ],
  ['data-modal-cancel', (el) => post('close', { viewId: el.getAttribute('data-modal-cancel') ?? '' })],
  ['data-modal-back', (el) => post('close', { viewId: el.getAttribute('data-modal-back') ?? '' })],
  ['data-modal-close-all', (el) => post('close', { viewId: el.getAttribute('data-modal-close-all') ?? '', all: true })],
  [
    'data-disarm',
    async (el) => {
      if (await post('disarm', { id: el.getAttribute('data-disarm') ?? '' })) toast('Disarmed.');
    },
  ],
  ['data-dismiss-ephemeral', (el) => post('dismiss', { ephemeralId: el.getAttribute('data-dismiss-ephemeral') ?? '' })],
  [
    'data-dismiss-notice',
    (el) => {
      state.dismissed.add(el.getAttribute('data-dismiss-notice') ?? '');
      render();
    },
  ],
  ['data-open-assistant', () => openAssistant()],
  [
    'data-close-assistant',
    () => {
      state.assistantOpen = false;
      render();
    },
  ],
  [
    'data-assistant-new',
    () => {
      const channel = currentChannel()?.id;
      return post('assistant-open', channel ? { channel } : {});
    },
  ],
  [
    'data-assistant-prompt',
    (el) => post('assistant-prompt', { title: el.getAttribute('data-assistant-prompt') ?? '' }),
  ],
  [
    'data-close-thread',
    () => {
      state.thread = null;
      render();
    },
  ],
];

document.addEventListener('click', async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  for (const [attr, handle] of CLICKS) {
    const el = target.closest(`[${attr}]`);
    if (el && (await handle(el)) !== false) return;
  }
  if (state.menu && !target.closest('.menu')) {
    state.menu = null;
    render();
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (state.menu) {
    state.menu = null;
    render();
  } else {
    const top = state.snap?.modals.at(-1);
    if (top) post('close', { viewId: top.id });
  }
});

/** The fault form offers what the server accepts, so it cannot ask for a fault the server does not know. */
function fillFaultForm() {
  /** @param {{ value: string, label: string }[]} choices */
  const options = (choices) => choices.map(({ value, label }) => toDom(h('option', { value }, label), document));
  $as('fault-method', HTMLSelectElement).replaceChildren(...options(config.faults.methods));
  $as('fault-kind', HTMLSelectElement).replaceChildren(...options(config.faults.kinds));
}

$('fault-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  // The options came from config.faults, which lists exactly the values the server's schema accepts.
  const method = /** @type {FaultBody['method']} */ ($as('fault-method', HTMLSelectElement).value);
  const fault = /** @type {FaultBody['fault']} */ ($as('fault-kind', HTMLSelectElement).value);
  // The menu stays open, showing what is armed and a way to disarm it.
  if (await post('fault', { method, fault })) toast(`Armed: the next ${method} fails with ${fault}.`);
});

fillFaultForm();
// The composer's hint names the command the app installs.
$('hint-command').textContent = `${config.command} …`;
wireComposer('composer', 'composer-input', 'main');
wireComposer('thread-composer', 'thread-input', 'thread');
wireComposer('assistant-composer', 'assistant-input', 'assistant');
connect();
