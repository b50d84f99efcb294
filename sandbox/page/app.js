/**
 * The sandbox page: a Slack channel view over the stand-in's workspace. It never changes what it shows by itself:
 * every action is a request to the sandbox (which makes it a signed Slack request to the app), and every change
 * arrives as a snapshot over server-sent events, from which the page renders again.
 */
import { h, mrkdwn, renderBlocks, toDom } from './blocks.js';

const SHORTCUT_CALLBACK = 'realtime_advice';
const SHORTCUT_NAME = 'Get realtime advice';

const state = {
  /** The latest snapshot from the sandbox. */
  snap: null,
  /** What the main pane shows: a channel by id, or the app's Home tab. */
  view: { kind: 'channel', id: 'C0GENERAL' },
  /** The open thread: { channel, ts }. */
  thread: null,
  /** The message whose ⋯ menu is open: { channel, ts, where: 'main' | 'thread' }. */
  menu: null,
  /** Notices the person closed. */
  dismissed: new Set(),
  /** What the shown modal was rendered from, so typing in it survives unrelated updates. */
  modalKey: '',
  /** Notices with no channel (a form that failed) already shown as a toast. */
  toasted: new Set(),
};

const $ = (id) => document.getElementById(id);

// ---- talking to the sandbox ---------------------------------------------------------------------------------

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
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    toast(answer.reason ?? `The sandbox refused that (HTTP ${response.status}).`);
    return undefined;
  }
  return answer;
}

function toast(text) {
  const node = toDom(h('div', { class: 'toast', role: 'alert' }, text), document);
  $('toasts').appendChild(node);
  setTimeout(() => node.remove(), 8000);
}

function connect() {
  const events = new EventSource('/api/events');
  const onSnapshot = (event) => {
    const data = JSON.parse(event.data);
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

function textContext() {
  const users = {};
  for (const u of state.snap.users) users[u.id] = u.isBot ? state.snap.app.name : u.realName || u.name;
  const channels = {};
  for (const c of state.snap.channels) channels[c.id] = c.name;
  return { users, channels };
}

function isApp(message) {
  return message.bot_id === state.snap.app.botId || message.user === state.snap.app.botUserId;
}

function authorName(message) {
  if (isApp(message)) return state.snap.app.name;
  if (message.user === 'USLACKBOT') return 'Slackbot';
  const user = state.snap.users.find((u) => u.id === message.user);
  return user ? user.realName || user.name : message.user;
}

function timeOf(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}
const tsMs = (ts) => Number(ts) * 1000;

function avatar(kind, name, id) {
  if (kind === 'app') return h('div', { class: 'avatar avatar-app', 'aria-hidden': 'true' }, '⚡');
  if (kind === 'slackbot') return h('div', { class: 'avatar avatar-slackbot', 'aria-hidden': 'true' }, '✱');
  let hash = 0;
  for (const ch of id ?? name) hash = (hash * 31 + ch.charCodeAt(0)) % 6;
  return h('div', { class: `avatar avatar-${hash}`, 'aria-hidden': 'true' }, (name[0] ?? '?').toUpperCase());
}

// ---- messages -----------------------------------------------------------------------------------------------

/** What a message says: the app's blocks as Block Kit; a person's text as mrkdwn (their rich_text echoes it). */
function messageContent(message, ctx) {
  if (message.subtype === 'tombstone') return h('div', { class: 'muted' }, 'This message was deleted.');
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  const onlyEcho = blocks.every((b) => b.type === 'rich_text');
  if (blocks.length && !onlyEcho) return renderBlocks(blocks, ctx);
  return mrkdwn(message.text ?? '', ctx);
}

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
            h('span', null, SHORTCUT_NAME),
            h('span', { class: 'muted' }, state.snap.app.name),
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
    kind: app ? 'app' : message.user === 'USLACKBOT' ? 'slackbot' : 'person',
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

function ephemeralMessage(ephemeral, ctx) {
  const content = ephemeral.blocks?.length ? renderBlocks(ephemeral.blocks, ctx) : mrkdwn(ephemeral.text ?? '', ctx);
  return messageRow({
    kind: 'app',
    key: `eph:${ephemeral.id}`,
    name: state.snap.app.name,
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

/** Messages, the person's ephemeral messages and Slack's notices, in time order. */
function timeline(items) {
  return items.sort((a, b) => a.at - b.at).map((i) => i.node);
}

// ---- panes --------------------------------------------------------------------------------------------------

function currentChannel() {
  if (state.view.kind !== 'channel') return undefined;
  return state.snap.channels.find((c) => c.id === state.view.id) ?? state.snap.channels[0];
}

function renderSidebar() {
  const s = state.snap;
  $('team-name').textContent = s.team.name;
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

/** Replaces a scrolling list's content, staying at the bottom if the person was there. */
function replaceList(container, nodes) {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
  const top = container.scrollTop;
  container.replaceChildren(...nodes.map((n) => toDom(n, document)));
  container.scrollTop = atBottom ? container.scrollHeight : top;
}

function renderChannel(ctx) {
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
            ? `${state.snap.app.name} is in this channel`
            : `${state.snap.app.name} is not in this channel: shares fall back to one message without a thread`,
        ),
      ),
      document,
    ),
  );
  $('composer-input').placeholder = `Message #${channel.name}`;
  const intro = h(
    'div',
    { class: 'channel-intro' },
    h('h2', null, `# ${channel.name}`),
    h('p', { class: 'muted' }, `This is the very beginning of the #${channel.name} channel.`),
  );
  const items = [
    ...channel.messages.map((m) => ({ at: tsMs(m.ts), node: channelMessage(channel, m, ctx, 'main') })),
    ...state.snap.ephemerals
      .filter((e) => e.channel === channel.id && !e.thread_ts)
      .map((e) => ({ at: tsMs(e.ts), node: ephemeralMessage(e, ctx) })),
    ...state.snap.notices
      .filter((n) => n.channel === channel.id && !n.threadTs && !state.dismissed.has(n.id))
      .map((n) => ({ at: n.at, node: noticeMessage(n, ctx) })),
  ];
  replaceList($('messages'), [intro, ...timeline(items)]);
}

function renderHome(ctx) {
  $('messages').hidden = true;
  $('home').hidden = false;
  $('composer').hidden = true;
  $('channel-header').replaceChildren(
    toDom(
      h(
        'div',
        null,
        h('h1', null, `⚡ ${state.snap.app.name}`),
        h(
          'div',
          { class: 'tabs', role: 'tablist' },
          h('span', { class: 'tab active', role: 'tab', 'aria-selected': 'true' }, 'Home'),
        ),
      ),
      document,
    ),
  );
  const home = state.snap.home;
  const content = home
    ? h(
        'div',
        { class: 'home-view', 'data-location': JSON.stringify({ viewId: home.id }) },
        renderBlocks(home.blocks, ctx),
      )
    : h('p', { class: 'muted' }, 'Opening the Home tab…');
  $('home').replaceChildren(toDom(content, document));
}

function renderThread(ctx) {
  const panel = $('thread-panel');
  const channel = state.thread && state.snap.channels.find((c) => c.id === state.thread.channel);
  const parent = channel?.messages.find((m) => m.ts === state.thread.ts);
  if (!channel || !parent) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  $('thread-channel').textContent = `#${channel.name}`;
  const replies = channel.threads[parent.ts] ?? [];
  const items = [
    ...replies.map((m) => ({ at: tsMs(m.ts), node: channelMessage(channel, m, ctx, 'thread') })),
    ...state.snap.ephemerals
      .filter((e) => e.channel === channel.id && e.thread_ts === parent.ts)
      .map((e) => ({ at: tsMs(e.ts), node: ephemeralMessage(e, ctx) })),
    ...state.snap.notices
      .filter((n) => n.channel === channel.id && n.threadTs === parent.ts && !state.dismissed.has(n.id))
      .map((n) => ({ at: n.at, node: noticeMessage(n, ctx) })),
  ];
  replaceList($('thread-messages'), [
    channelMessage(channel, parent, ctx, 'thread'),
    h('div', { class: 'reply-divider' }, `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`),
    ...timeline(items),
  ]);
}

function renderModal(ctx) {
  const stack = state.snap.modals;
  const top = stack.at(-1);
  const root = $('modal-root');
  const key = top ? `${top.id}:${top.hash}:${JSON.stringify(top.errors ?? {})}:${stack.length}` : '';
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
        'aria-label': top.title?.text ?? 'Modal',
        'data-location': JSON.stringify({ viewId: top.id }),
        'data-view-id': top.id,
      },
      h(
        'header',
        { class: 'modal-header' },
        stack.length > 1
          ? h('button', { type: 'button', class: 'icon-button', 'data-modal-back': top.id, 'aria-label': 'Back' }, '←')
          : null,
        h('h2', null, top.title?.text ?? ''),
        h(
          'button',
          { type: 'button', class: 'icon-button', 'data-modal-close-all': top.id, 'aria-label': 'Close dialog' },
          '×',
        ),
      ),
      h('div', { class: 'modal-body' }, renderBlocks(top.blocks, { ...ctx, errors: top.errors ?? {} })),
      h(
        'footer',
        { class: 'modal-footer' },
        h('button', { type: 'button', class: 'bk-button', 'data-modal-cancel': top.id }, top.close?.text ?? 'Cancel'),
        top.submit
          ? h(
              'button',
              { type: 'button', class: 'bk-button bk-button-primary', 'data-modal-submit': top.id },
              top.submit.text,
            )
          : null,
      ),
    ),
  );
  root.replaceChildren(toDom(modal, document));
}

function render() {
  if (!state.snap) return;
  const ctx = textContext();
  renderSidebar();
  if (state.view.kind === 'home') renderHome(ctx);
  else renderChannel(ctx);
  renderThread(ctx);
  renderModal(ctx);
  for (const notice of state.snap.notices) {
    if (notice.channel || state.toasted.has(notice.id)) continue;
    state.toasted.add(notice.id);
    toast(notice.text);
  }
}

// ---- what a person does -------------------------------------------------------------------------------------

/** The composer: `/command …` runs a slash command; anything else is a message (a mention if it names the app). */
async function send(text, where) {
  const trimmed = text.trim();
  if (!trimmed) return false;
  const channel = where === 'thread' ? state.thread.channel : currentChannel()?.id;
  const threadTs = where === 'thread' ? state.thread.ts : undefined;
  const command = /^(\/\S+)\s*([\s\S]*)$/.exec(trimmed);
  const answer = command
    ? await post('command', { channel, command: command[1], text: command[2], threadTs })
    : await post('message', { channel, text, threadTs });
  return answer !== undefined;
}

function wireComposer(formId, inputId, where) {
  const form = $(formId);
  const input = $(inputId);
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

function modalValues(modal) {
  const values = {};
  for (const input of modal.querySelectorAll('[data-input]')) {
    const blockId = input.getAttribute('data-block-id');
    const actionId = input.getAttribute('data-action-id');
    values[blockId] = { ...(values[blockId] ?? {}), [actionId]: input.value };
  }
  return values;
}

function openThread(channel, ts) {
  state.thread = { channel, ts };
  state.menu = null;
  render();
  $('thread-input').focus();
}

async function clickButton(button) {
  const where = button.closest('[data-location]');
  if (!where) return;
  const url = button.getAttribute('data-url');
  if (url) window.open(url, '_blank', 'noopener');
  button.disabled = true;
  button.classList.add('busy');
  await post('click', {
    location: JSON.parse(where.getAttribute('data-location')),
    actionId: button.getAttribute('data-action-id'),
    blockId: button.getAttribute('data-block-id') || undefined,
    value: button.getAttribute('data-value') ?? undefined,
  });
  button.disabled = false;
  button.classList.remove('busy');
}

/** What a click does, by the first attribute in this list that the clicked element or an ancestor carries. */
const CLICKS = [
  [
    'data-channel',
    (el) => {
      state.view = { kind: 'channel', id: el.getAttribute('data-channel') };
      state.menu = null;
      render();
      $('composer-input').focus();
    },
  ],
  [
    'data-home',
    async () => {
      state.view = { kind: 'home' };
      render();
      await post('home');
    },
  ],
  [
    'data-open-thread',
    (el) => {
      const row = el.closest('[data-location]');
      const channel = row ? JSON.parse(row.getAttribute('data-location')).channel : currentChannel()?.id;
      openThread(channel, el.getAttribute('data-open-thread'));
    },
  ],
  [
    'data-menu',
    (el) => {
      const menu = JSON.parse(el.getAttribute('data-menu'));
      const same = state.menu && state.menu.ts === menu.ts && state.menu.where === menu.where;
      state.menu = same ? null : menu;
      render();
    },
  ],
  [
    'data-shortcut',
    async (el) => {
      const { channel, ts } = JSON.parse(el.getAttribute('data-shortcut'));
      state.menu = null;
      render();
      await post('shortcut', { channel, ts, callbackId: SHORTCUT_CALLBACK });
    },
  ],
  ['data-action-id', (el) => (el.tagName === 'BUTTON' ? clickButton(el) : false)],
  [
    'data-modal-submit',
    async (el) => {
      el.disabled = true;
      await post('submit', { viewId: el.getAttribute('data-modal-submit'), values: modalValues(el.closest('.modal')) });
      el.disabled = false;
    },
  ],
  ['data-modal-cancel', (el) => post('close', { viewId: el.getAttribute('data-modal-cancel') })],
  ['data-modal-back', (el) => post('close', { viewId: el.getAttribute('data-modal-back') })],
  ['data-modal-close-all', (el) => post('close', { viewId: el.getAttribute('data-modal-close-all'), all: true })],
  ['data-dismiss-ephemeral', (el) => post('dismiss', { ephemeralId: el.getAttribute('data-dismiss-ephemeral') })],
  [
    'data-dismiss-notice',
    (el) => {
      state.dismissed.add(el.getAttribute('data-dismiss-notice'));
      render();
    },
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
  } else if (state.snap?.modals.length) {
    post('close', { viewId: state.snap.modals.at(-1).id });
  }
});

$('fault-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const method = $('fault-method').value;
  const fault = $('fault-kind').value;
  if (await post('fault', { method, fault })) {
    $('faults').open = false;
    toast(`Armed: the next ${method} fails with ${fault}.`);
  }
});

wireComposer('composer', 'composer-input', 'main');
wireComposer('thread-composer', 'thread-input', 'thread');
connect();
