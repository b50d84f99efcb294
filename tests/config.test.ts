import { describe, expect, it } from 'vitest';
import { describeProblems, parseConfig } from '../src/config.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789' };

describe('the environment', () => {
  it('serves HTTP on port 3000 at info level by default', () => {
    expect(parseConfig(valid)).toEqual({
      ok: true,
      config: {
        botToken: valid.SLACK_BOT_TOKEN,
        signingSecret: valid.SLACK_SIGNING_SECRET,
        appToken: undefined,
        mode: 'http',
        slackApiUrl: undefined,
        port: 3000,
        logLevel: 'info',
        database: { kind: 'sqlite', path: './var/realtime-advisor.db' },
        retentionDays: 365,
      },
    });
  });

  it('keeps decisions in PostgreSQL when DATABASE_URL is set, and in the SQLite file at DATABASE_PATH otherwise', () => {
    const url = 'postgres://advisor:secret@db.internal:5432/advisor';
    expect(parseConfig({ ...valid, DATABASE_URL: url, DATABASE_PATH: '/ignored.db' })).toMatchObject({
      ok: true,
      config: { database: { kind: 'postgres', url } },
    });
    expect(parseConfig({ ...valid, DATABASE_PATH: '/srv/advisor.db', DECISION_RETENTION_DAYS: '90' })).toMatchObject({
      ok: true,
      config: { database: { kind: 'sqlite', path: '/srv/advisor.db' }, retentionDays: 90 },
    });
  });

  it('rejects a DATABASE_URL that is not PostgreSQL without echoing it, which may hold a password', () => {
    const result = parseConfig({
      ...valid,
      DATABASE_URL: 'mysql://root:pw-secret@db/advisor',
      DECISION_RETENTION_DAYS: '0',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'DATABASE_URL: expected a PostgreSQL URL: postgres://user:password@host:5432/database',
        'DECISION_RETENTION_DAYS: expected at least 1 day',
      ],
    });
    expect(describeProblems(result.ok ? [] : result.problems)).not.toContain('pw-secret');
  });

  it('switches to Socket Mode with an app-level token, and takes an API URL with or without a trailing slash', () => {
    const result = parseConfig({
      ...valid,
      SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
    });
    expect(result.ok && result.config).toMatchObject({
      mode: 'socket',
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      port: 8080,
    });
  });

  it('treats empty values as unset, as a half-filled .env file means', () => {
    expect(parseConfig({ ...valid, SLACK_APP_TOKEN: '', SLACK_API_URL: '', PORT: '' })).toMatchObject({
      ok: true,
      config: { mode: 'http', port: 3000 },
    });
  });

  it('names every missing or malformed variable and what it expects, one line each', () => {
    const result = parseConfig({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'not a url',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-',
      'SLACK_SIGNING_SECRET: required: the signing secret from Basic Information',
      'SLACK_API_URL: expected a URL such as https://slack.com/api/',
      'PORT: expected a port number',
      'LOG_LEVEL: expected one of debug, info, warn, error',
    ]);
    const message = describeProblems(problems);
    expect(message).toContain('.env.example');
    expect(message).not.toContain('xoxp-user-token-secret'); // never echo a secret's value
  });

  it(".env.example's placeholders are named at once, not sent to Slack as a token", () => {
    expect(
      parseConfig({
        SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
        SLACK_SIGNING_SECRET: 'your-signing-secret',
        SLACK_APP_TOKEN: 'xapp-your-app-token',
      }),
    ).toEqual({
      ok: false,
      problems: [
        'SLACK_BOT_TOKEN: still the placeholder from .env.example (xoxb-your-bot-token): paste the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
        'SLACK_SIGNING_SECRET: still the placeholder from .env.example (your-signing-secret): paste the Signing Secret from Basic Information → App Credentials',
        'SLACK_APP_TOKEN: still a placeholder: paste an app-level token (xapp-…) from Basic Information → App-Level Tokens, or leave it unset for HTTP mode',
      ],
    });
    // Placeholders of other shapes, which the prefix check let through; a real token's random part is never one.
    for (const token of ['xoxb-xxxxxxxxxxxx', 'xoxb-your-token-here', 'xoxb-…', 'xoxb-REPLACE-ME', 'xoxb-changeme'])
      expect(parseConfig({ ...valid, SLACK_BOT_TOKEN: token })).toEqual({
        ok: false,
        problems: [
          'SLACK_BOT_TOKEN: still a placeholder: paste the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
        ],
      });
    expect(
      parseConfig({ ...valid, SLACK_BOT_TOKEN: 'xoxb-1234567890-1234567890123-AbCdEfYourGhIjKlMnOpQrSt' }).ok,
    ).toBe(true);
  });
});
