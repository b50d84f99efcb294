import { ErrorCode, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { describeSlackError, SLACK_ERROR_CODES } from '../../src/slack/slack-errors.js';

const platform = (error: string, needed?: string) => ({ code: 'slack_webapi_platform_error', data: { error, needed } });

describe('Slack errors, in words a person can act on', () => {
  it.each([
    [platform('not_in_channel'), 'not_in_channel', /\/invite @Realtime Advisor/],
    [platform('channel_not_found'), 'channel_not_found', /\/invite @Realtime Advisor/],
    [platform('is_archived'), 'is_archived', /archived.*Unarchive/],
    [platform('missing_scope', 'chat:write'), 'missing_scope', /`chat:write`.*reinstalling/],
    [{ code: 'slack_bolt_respond_error', statusCode: 404 }, 'expired_url', /expired.*Run `\/realtime` again/],
    [{ code: 'slack_webapi_rate_limited_error' }, 'ratelimited', /rate-limiting/],
    [
      { code: 'slack_webapi_request_error', original: { code: 'ECONNABORTED', message: 'timeout of 5000ms exceeded' } },
      'timeout',
      /did not answer in time/,
    ],
    [platform('something_new'), 'something_new', /Slack refused that \(`something_new`\)/],
    [new Error('boom'), 'unknown_error', /Slack refused that/],
  ])('%j reads as %s', (error, code, advice) => {
    const problem = describeSlackError(error);
    expect(problem.code).toBe(code);
    expect(problem.advice).toMatch(advice);
  });
});

describe('the codes the app handles', () => {
  it('has advice for every Slack error code in its list', () => {
    for (const code of SLACK_ERROR_CODES)
      expect(describeSlackError(platform(code)).advice).not.toMatch(/Slack refused that/);
  });

  it('does not mistake a code named like an object property for one it knows', () => {
    expect(describeSlackError(platform('constructor')).advice).toMatch(/Slack refused that \(`constructor`\)/);
  });

  it('reads the Web API and Bolt error classes by their codes', () => {
    expect(describeSlackError({ code: webApi.ErrorCode.HTTPError, statusCode: 502 }).code).toBe('http_502');
    expect(describeSlackError({ code: ErrorCode.RespondError, statusCode: 500 }).code).toBe('http_500');
  });
});

describe('advice that fits the conversation', () => {
  it('never tells a person to /invite the app into a direct message between people', () => {
    for (const where of ['direct-message', 'group-message'] as const) {
      const { advice } = describeSlackError(platform('channel_not_found'), where);
      expect(advice).not.toMatch(/\/invite/);
      expect(advice).toMatch(/does not let apps into direct messages between people.*in a channel/);
    }
  });

  it('asks for an /invite in a private channel, which an app can join', () => {
    const { advice } = describeSlackError(platform('channel_not_found'), 'private-channel');
    expect(advice).toMatch(/private channel\. Invite me with `\/invite @Realtime Advisor`/);
  });
});
