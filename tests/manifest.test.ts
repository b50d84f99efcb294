/**
 * manifest.yml against Slack's own manifest JSON Schema, and against the code: everything the code listens to is
 * declared, every scope its API calls need is granted, and nothing more (least privilege).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAdvisor, loadComparisons } from '../src/advisor/index.js';
import { OAUTH_REDIRECT_PATH } from '../src/config.js';
import { COMMAND, SHORTCUT_CALLBACK } from '../src/slack/ids.js';
import { BOT_SCOPES } from '../src/slack/install.js';
import { ASSISTANT_DESCRIPTION, suggestedPrompts } from '../src/slack/views/assistant.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));
// Slack's own schema (slackapi/manifest-schema, MIT), read where it is kept: ../shared/slack beside the repository.
// A clone without ../shared skips that one test, by name; every other test here runs.
const schemaFile = join(root, '../shared/slack/manifest.schema.json');
const haveSchema = existsSync(schemaFile);

/** The Slack source files, read as text: what the code actually calls and listens to. */
function slackSources(dir = join(root, 'src/slack')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) =>
      entry.isDirectory() ? slackSources(join(dir, entry.name)) : readFileSync(join(dir, entry.name), 'utf8'),
    )
    .join('\n');
}
const code = slackSources();

/** Bot scopes each Web API method needs (Slack's method reference); response_url posts need none. */
const SCOPES_BY_METHOD: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.getPermalink': [], // Slack's method reference: no scope required
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
  'chat.update': ['chat:write'],
  // Read only in the app's DM (the assistant panel's threads): im:history, not the channels' history scopes.
  'conversations.replies': ['im:history'],
  'assistant.threads.setStatus': ['chat:write'], // Slack's reference: chat:write (assistant:write also accepted)
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
};
const SCOPES_BY_EVENT: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  'message.im': ['im:history'],
  app_uninstalled: [],
  tokens_revoked: [],
  assistant_thread_started: [],
  assistant_thread_context_changed: [],
};

/**
 * What Bolt's Assistant calls for the app (node_modules/@slack/bolt/dist/Assistant.js and
 * AssistantThreadContextStore.js): each utility the code uses, by the Web API methods it calls.
 */
const ASSISTANT_UTILITIES: Record<string, string[]> = {
  say: ['chat.postMessage'],
  setStatus: ['assistant.threads.setStatus'],
  setSuggestedPrompts: ['assistant.threads.setSuggestedPrompts'],
  setTitle: ['assistant.threads.setTitle'],
  // The thread context store reads the thread, and saves the context by updating the app's first message in it.
  DefaultThreadContextStore: ['conversations.replies', 'chat.update'],
};
const usesAssistant = /new Assistant\(/.test(code);

const calledMethods = [
  ...new Set([
    ...[...code.matchAll(/client\.(\w+)\s*\.\s*(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`),
    ...(usesAssistant
      ? Object.entries(ASSISTANT_UTILITIES).flatMap(([utility, methods]) =>
          new RegExp(`\\b${utility}\\b`).test(code) ? methods : [],
        )
      : []),
  ]),
];
/**
 * The events the code listens to, as the manifest names them: a `message` listener is subscribed per kind of
 * conversation it answers in (`channel_type !== 'im'` → `message.im`), since each kind needs its own scope.
 */
const messageChannelTypes = [...code.matchAll(/channel_type !== '(\w+)'/g)].map((m) => m[1] as string);
const listenedEvents = [
  ...new Set([
    ...[...code.matchAll(/app\.event\(\s*'(\w+)'/g)].flatMap((m) =>
      m[1] === 'message' ? messageChannelTypes.map((type) => `message.${type}`) : [m[1] as string],
    ),
    // Bolt's Assistant listens to a thread's start, its context changing and the person's messages in the DM.
    ...(usesAssistant
      ? [
          'assistant_thread_started',
          'message.im',
          ...(/threadContextChanged/.test(code) ? ['assistant_thread_context_changed'] : []),
        ]
      : []),
  ]),
];

describe('manifest.yml', () => {
  it.skipIf(!haveSchema)(
    "is valid against Slack's manifest JSON Schema (needs ../shared/slack/manifest.schema.json)",
    () => {
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
      const ajv = new Ajv({ strict: false, allErrors: true });
      const valid = ajv.validate(schema, manifest);
      expect(ajv.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it('declares the slash command and the message shortcut the code listens for', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([COMMAND]);
    expect(code).toContain('app.command(COMMAND');
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: SHORTCUT_CALLBACK }),
    ]);
    expect(code).toContain('callback_id: SHORTCUT_CALLBACK');
  });

  it('turns on the Messages tab for people to write in, and as the place of last resort, where the code posts to a user id', () => {
    expect(manifest.features.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(code).toMatch(/client\.chat\.postMessage\(\{ channel: user,/);
  });

  it('subscribes to exactly the events the code listens to', () => {
    expect(listenedEvents.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'assistant_thread_context_changed',
      'assistant_thread_started',
      'message.im',
      'tokens_revoked',
    ]);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(listenedEvents);
  });

  it('grants every scope the code needs and no other (no chat:write.public)', () => {
    expect(calledMethods.length).toBeGreaterThan(3);
    const unknown = calledMethods.filter((m) => !(m in SCOPES_BY_METHOD));
    expect(unknown).toEqual([]); // a new API call must be added to the table above, with its scopes
    const needed = new Set([
      'commands', // slash commands and shortcuts
      ...calledMethods.flatMap((m) => SCOPES_BY_METHOD[m] ?? []),
      ...listenedEvents.flatMap((e) => SCOPES_BY_EVENT[e] ?? []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('enables interactivity and the Home tab, and serves everything at /slack/events', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    for (const url of [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      manifest.features.slash_commands[0].url,
    ])
      expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
  });

  it('asks at an OAuth install for exactly the scopes it grants, and sends people back to /slack/oauth_redirect', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls).toEqual([
      expect.stringMatching(/^https:\/\/.+\/slack\/oauth_redirect$/),
    ]);
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe(OAUTH_REDIRECT_PATH);
  });

  it('declares the assistant panel with a description, and the prompts the app sets on each new thread', () => {
    const view = manifest.features.assistant_view;
    expect(view.assistant_description).toBe(ASSISTANT_DESCRIPTION);
    const { prompts } = suggestedPrompts(createAdvisor(loadComparisons()).comparison());
    expect(view.suggested_prompts).toEqual(prompts);
    expect(prompts.length).toBeLessThanOrEqual(4); // Slack's limit
    expect(code).toContain('app.assistant(');
  });

  it('may be installed org-wide in Enterprise Grid, and leaves token rotation off (README: token rotation)', () => {
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});
