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
    [platform('something_new'), 'something_new', /^Slack refused that\. Click the button again/],
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
    expect(describeSlackError(platform('constructor')).advice).toMatch(/^Slack refused that\./);
  });

  it('reads the Web API and Bolt error classes by their codes', () => {
    expect(describeSlackError({ code: webApi.ErrorCode.HTTPError, statusCode: 502 }).code).toBe('http_502');
    expect(describeSlackError({ code: ErrorCode.RespondError, statusCode: 500 }).code).toBe('http_500');
  });
});

describe('an answer that never arrived, and server errors, in words', () => {
  it.each([
    [{ code: 'slack_webapi_request_error', original: { name: 'TimeoutError', message: 'aborted' } }, 'timeout'],
    [
      { code: 'slack_webapi_request_error', original: { name: 'TypeError', message: 'fetch failed' } },
      'request_failed',
    ],
    [{ code: 'slack_webapi_http_error', statusCode: 502 }, 'http_502'],
    [platform('<html><head><title>502 Bad Gateway</title></head></html>'), 'invalid_response'],
    [platform('{"ok":true,"channel":"C0'), 'invalid_response'],
    [{ code: 'slack_response_url_error', statusCode: 500, body: 'Internal Server Error' }, 'http_500'],
  ])('%j may have happened: %s', (error, code) => {
    const problem = describeSlackError(error);
    expect(problem).toMatchObject({ code, mayHaveHappened: true });
    expect(problem.advice).toMatch(/may have worked anyway\. Look first/);
    expect(problem.advice).not.toContain(code);
  });

  it('words a response_url server error as a server error, with the code kept out of the sentence', () => {
    const { advice } = describeSlackError({ code: 'slack_response_url_error', statusCode: 500, body: 'oops' });
    expect(advice).toMatch(/^Slack had a server error/);
    expect(advice).not.toMatch(/http_500/);
  });

  it('reads the response_url refusals Slack words in plain text, and a 429 with its wait', () => {
    expect(describeSlackError({ code: 'slack_response_url_error', statusCode: 404, body: 'used_url' }).code).toBe(
      'used_url',
    );
    const limited = describeSlackError({ code: 'slack_response_url_error', statusCode: 429, retryAfter: 7 });
    expect(limited).toMatchObject({ code: 'ratelimited', retryAfterSeconds: 7, mayHaveHappened: false });
    expect(limited.advice).toMatch(/in 7 s/);
  });

  it('says how to try again where there is no button', () => {
    const { advice } = describeSlackError(platform('expired_trigger_id'), 'unknown', 'Run the shortcut again');
    expect(advice).toMatch(/Run the shortcut again/);
    expect(advice).not.toMatch(/button/);
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
