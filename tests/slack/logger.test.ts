import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REDACTED, redact, redactingLogger } from '../../src/slack/logger.js';

describe('redact', () => {
  it.each([
    [
      'the Web API client’s body for oauth.v2.access',
      'http request body: {"code":"1795.0da7.8bf5","client_id":"1111.2222","client_secret":"c0ffee01"}',
      `http request body: {"code":"${REDACTED}","client_id":"1111.2222","client_secret":"${REDACTED}"}`,
    ],
    [
      'a Socket Mode frame with its verification token',
      'Received a message on the WebSocket: {"type":"slash_commands","payload":{"token":"fefb770f","team_id":"T0"}}',
      `Received a message on the WebSocket: {"type":"slash_commands","payload":{"token":"${REDACTED}","team_id":"T0"}}`,
    ],
    [
      'an object as util.inspect prints it',
      "{ name: 'Error', token: 'a\\'b' }",
      `{ name: 'Error', token: '${REDACTED}' }`,
    ],
    [
      'a query string',
      'GET /slack/oauth_redirect?code=1795.aa.bb&state=s',
      `GET /slack/oauth_redirect?code=${REDACTED}&state=s`,
    ],
    [
      'every kind of Slack token',
      'xoxb-1-abc xoxp-2-def xoxe.xoxb-1-abc xoxe-1-def xapp-1-A0-123-ff',
      [REDACTED, REDACTED, REDACTED, REDACTED, REDACTED].join(' '),
    ],
    ['a configured secret anywhere', 'signed with deadbeefdeadbeef.', `signed with ${REDACTED}.`],
  ])('takes out %s', (_name, line, expected) => {
    expect(redact(line, ['deadbeefdeadbeef'])).toBe(expected);
  });

  it('keeps Slack’s error codes, which logs are for', () => {
    const line = '{"ok":false,"error":"not_in_channel","code":"slack_webapi_platform_error"} { code: \'ratelimited\' }';
    expect(redact(line, [])).toBe(line);
  });
});

describe('the redacting logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints as Bolt’s console logger does, at or above its level, with secrets redacted', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const logger = redactingLogger(LogLevel.WARN, ['deadbeefdeadbeef', undefined]);
    logger.warn('refused', { token: 'xoxb-1-2', secret: 'deadbeefdeadbeef', code: 'not_in_channel' });
    logger.debug('not printed at warn');
    expect(warn.mock.calls).toEqual([
      [
        '[WARN] ',
        'realtime-advisor',
        `refused { token: '${REDACTED}', secret: '${REDACTED}', code: 'not_in_channel' }`,
      ],
    ]);
    expect(debug).not.toHaveBeenCalled();
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('now printed');
    expect(debug).toHaveBeenCalledTimes(1);
  });
});
