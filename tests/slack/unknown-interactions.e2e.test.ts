/**
 * Interactions no listener knows (a shortcut, modal or select menu from an older version of the app, or one
 * that was never ours) are acknowledged at once, and where a person clicked they are told what to do instead.
 */
import { describe, expect, it } from 'vitest';
import { GENERAL, HUMAN, useHarness } from './harness.js';

const h = useHarness();

function interaction(payload: Record<string, unknown>) {
  return h.slack.sendRaw({
    contentType: 'application/x-www-form-urlencoded',
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  });
}

const common = () => ({
  token: 'legacy',
  team: { id: h.slack.teamId, domain: h.slack.teamDomain },
  user: { id: HUMAN, username: 'ada', name: 'ada', team_id: h.slack.teamId },
  api_app_id: h.slack.appId,
  is_enterprise_install: false,
});

describe('interactions the app does not recognise', () => {
  it('acks a global shortcut it never declared at once, and opens a modal that says what to use instead', async () => {
    const trigger = h.slack.workspace.mintTrigger(HUMAN);
    const result = await interaction({ ...common(), type: 'shortcut', callback_id: 'old_global', trigger_id: trigger });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(1000);
    await expect.poll(() => h.slack.callsTo('views.open')).toHaveLength(1);
    const opened = h.slack.callsTo('views.open');
    expect(JSON.stringify(opened[0]?.args)).toMatch(/out of date/);
  });

  it('acks a message shortcut it no longer has, and says privately in the channel what to use instead', async () => {
    const message = h.slack.postAsUser({ text: 'we need live updates' });
    const responseUrl = h.slack.workspace.mintResponseUrl({ channel: GENERAL, user: HUMAN });
    const before = h.slack.ephemerals(HUMAN, GENERAL).length;
    const result = await interaction({
      ...common(),
      type: 'message_action',
      callback_id: 'an_old_shortcut',
      trigger_id: h.slack.workspace.mintTrigger(HUMAN),
      response_url: responseUrl,
      channel: { id: GENERAL, name: 'general' },
      message_ts: message.ts,
      message: { type: 'message', user: HUMAN, ts: message.ts, text: 'we need live updates' },
    });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(1000);
    await expect.poll(() => h.slack.ephemerals(HUMAN, GENERAL).length).toBe(before + 1);
    expect(h.lastEphemeral().text).toMatch(/out of date.*Get realtime advice/s);
  });

  it('answers a submitted modal it does not know with a modal that says it is out of date', async () => {
    const result = await interaction({
      ...common(),
      type: 'view_submission',
      trigger_id: h.slack.workspace.mintTrigger(HUMAN),
      view: { id: 'V0OLD', type: 'modal', callback_id: 'old_modal', private_metadata: '', state: { values: {} } },
    });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(1000);
    const answer = result.json as { response_action: string; view: { blocks: unknown[] } };
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view.blocks)).toMatch(/out of date/);
  });

  it.each(['old_modal', 'realtime_advisor_modal'])('acks a closed modal (%s) at once', async (callbackId) => {
    const result = await interaction({
      ...common(),
      type: 'view_closed',
      is_cleared: false,
      view: { id: 'V0OLD', type: 'modal', callback_id: callbackId, private_metadata: '', state: { values: {} } },
    });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(1000);
    expect(h.slack.calls).toEqual([]);
  });

  it('answers a select menu asking for options it does not know with no options, at once', async () => {
    const result = await interaction({
      ...common(),
      type: 'block_suggestion',
      action_id: 'old.select',
      block_id: 'b',
      value: 'web',
      container: { type: 'message', message_ts: '1.2', channel_id: GENERAL, is_ephemeral: true },
      channel: { id: GENERAL, name: 'general' },
    });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(1000);
    expect(result.json).toEqual({ options: [] });
  });

  it('answers a slash command the app no longer has, naming the one it has', async () => {
    const result = await h.slack.sendRaw({
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({
        command: '/realtime-old',
        text: '',
        user_id: HUMAN,
        channel_id: GENERAL,
        team_id: h.slack.teamId,
        response_url: 'http://127.0.0.1:1/x',
        trigger_id: '1.2.3',
      }).toString(),
    });
    expect(result.status).toBe(200);
    expect(result.ackMs).toBeLessThan(1000);
    expect((result.json as { text: string }).text).toMatch(/\/realtime\b/);
  });
});
