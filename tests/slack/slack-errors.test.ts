import { describe, expect, it } from 'vitest';
import { describeSlackError } from '../../src/slack/slack-errors.js';

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
