import type { Logger, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { type ReplierOptions, replierFor } from '../../src/slack/replier.js';

const refusal = (error: string) =>
  Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { error } });
const expired = Object.assign(new Error('404'), { code: 'slack_bolt_respond_error', statusCode: 404 });

/** A fake Slack: records what each route was sent, and refuses the routes it is told to. */
function fakeSlack(
  refuse: { respond?: boolean; postEphemeral?: boolean; viewsUpdate?: boolean; messagesTab?: boolean } = {},
) {
  const sent: { via: string; body: Record<string, unknown> }[] = [];
  const warnings: { message: string; fields: Record<string, unknown> }[] = [];
  const route = (via: string, refused: boolean | undefined, error: Error) => async (body: Record<string, unknown>) => {
    if (refused) throw error;
    sent.push({ via, body });
    return { ok: true };
  };
  const client = {
    chat: {
      postEphemeral: route('chat.postEphemeral', refuse.postEphemeral, refusal('channel_not_found')),
      // A post to a user id: the app's Messages tab.
      postMessage: route('messages tab', refuse.messagesTab, refusal('messages_tab_disabled')),
    },
    views: { update: route('views.update', refuse.viewsUpdate, refusal('not_found')) },
  } as unknown as webApi.WebClient;
  const logger = {
    warn: (message: string, fields: Record<string, unknown>) => warnings.push({ message, fields }),
  } as unknown as Logger;
  const respond = route('response_url', refuse.respond, expired) as unknown as ReplierOptions['respond'];
  return { sent, warnings, client, logger, respond };
}

const notice = { text: 'Hello', blocks: [] };

describe('the replier', () => {
  it('replaces the clicked message through the response_url', async () => {
    const slack = fakeSlack();
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1' });
    expect(await reply.replace(notice, 'update the wizard')).toBe(true);
    expect(slack.sent).toEqual([
      { via: 'response_url', body: { replace_original: true, response_type: 'ephemeral', ...notice } },
    ]);
    expect(slack.warnings).toEqual([]);
  });

  it('logs a refused Slack call with its code and ids, and tells the person what to do through the response_url', async () => {
    const slack = fakeSlack();
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1' });
    const result = await reply.attempt('share this in the channel', () => Promise.reject(refusal('is_archived')));
    expect(result).toMatchObject({ ok: false, problem: { code: 'is_archived' } });
    expect(slack.warnings).toEqual([
      { message: 'could not share this in the channel', fields: { code: 'is_archived', user: 'U1', channel: 'C1' } },
    ]);
    expect(slack.sent.map((s) => [s.via, s.body.text])).toEqual([
      ['response_url', expect.stringMatching(/^I could not share this in the channel: This channel is archived/)],
    ]);
  });

  it('tells the person in a private message in the thread when the response_url has expired', async () => {
    const slack = fakeSlack({ respond: true });
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1', threadTs: '1.2' });
    expect(await reply.replace(notice, 'update the wizard')).toBe(false);
    expect(slack.warnings.map((w) => [w.message, w.fields.code, w.fields.via])).toEqual([
      ['could not update the wizard', 'expired_url', 'response_url'],
    ]);
    expect(slack.sent).toEqual([
      {
        via: 'chat.postEphemeral',
        body: expect.objectContaining({
          channel: 'C1',
          user: 'U1',
          thread_ts: '1.2',
          text: expect.stringMatching(/expired/),
        }),
      },
    ]);
  });

  it('shows a problem in the modal the person is looking at', async () => {
    const slack = fakeSlack();
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1', threadTs: '1.2', modalId: 'V1' });
    await reply.attempt('reply in the thread', () => Promise.reject(refusal('not_in_channel')));
    expect(slack.sent).toHaveLength(1);
    expect(slack.sent[0]?.via).toBe('views.update');
    expect(JSON.stringify(slack.sent[0]?.body)).toMatch(/I could not reply in the thread.*\/invite @Realtime Advisor/);
    expect(slack.warnings[0]?.fields).toMatchObject({ code: 'not_in_channel', view: 'V1' });
  });

  it('leaves the telling to the listener when asked to, and still logs', async () => {
    const slack = fakeSlack();
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1' });
    const result = await reply.attempt('share', () => Promise.reject(refusal('not_in_channel')), { tell: false });
    expect(result.ok).toBe(false);
    expect(slack.sent).toEqual([]);
    expect(slack.warnings).toHaveLength(1);
  });

  it('logs every route that refuses, and never throws, when the person cannot be told at all', async () => {
    const slack = fakeSlack({ respond: true, postEphemeral: true, viewsUpdate: true, messagesTab: true });
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1', modalId: 'V1' });
    await expect(
      reply.attempt('open the wizard', () => Promise.reject(refusal('expired_trigger_id'))),
    ).resolves.toEqual(expect.objectContaining({ ok: false }));
    expect(slack.warnings.map((w) => [w.message, w.fields.via ?? '-'])).toEqual([
      ['could not open the wizard', '-'],
      ['could not tell the person that I could not open the wizard', 'views.update'],
      ['could not tell the person that I could not open the wizard', 'response_url'],
      ['could not tell the person that I could not open the wizard', 'chat.postEphemeral'],
      ['could not tell the person that I could not open the wizard', 'messages tab'],
    ]);
  });

  it("tells the person in the app's Messages tab where nothing else reaches them (the Home tab), and logs the refusal", async () => {
    const slack = fakeSlack();
    const reply = replierFor({ client: slack.client, logger: slack.logger, user: 'U1' });
    await reply.attempt('show the Home tab', () => Promise.reject(refusal('is_archived')));
    expect(slack.sent).toEqual([
      {
        via: 'messages tab',
        body: expect.objectContaining({ channel: 'U1', text: expect.stringMatching(/^I could not show the Home tab/) }),
      },
    ]);
    expect(slack.warnings.map((w) => w.fields.code)).toEqual(['is_archived']);
  });

  it('tells the person in the Messages tab when the response_url has expired and the app is not in the channel', async () => {
    const slack = fakeSlack({ respond: true, postEphemeral: true });
    const reply = replierFor({ ...slack, user: 'U1', channel: 'C1' });
    expect(await reply.replace(notice, 'update the wizard')).toBe(false);
    expect(slack.sent.map((s) => [s.via, s.body.channel])).toEqual([['messages tab', 'U1']]);
  });
});
