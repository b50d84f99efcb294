/**
 * The one logger the app, Bolt, its Web API clients, the OAuth installer and the Socket Mode client all write to
 * (Bolt takes a `logger` and hands it to each of them). It prints as Bolt's console logger does
 * (`[WARN]  realtime-advisor …`), after taking every secret out of the line: at debug level those libraries log
 * request bodies as they are, and they redact only `token` fields: the Web API client's "http request body" for
 * oauth.v2.access holds the client secret and the install's one-time code, and the Socket Mode client's
 * "Received a message" holds the payload's verification token.
 */
import { formatWithOptions } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};
const LABEL: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: '[DEBUG] ',
  [LogLevel.INFO]: '[INFO] ',
  [LogLevel.WARN]: '[WARN] ',
  [LogLevel.ERROR]: '[ERROR] ',
};

export const REDACTED = '[redacted]';

/** Anything shaped like a Slack token: bot, user, refresh and rotating tokens, app-level tokens. */
const TOKEN_SHAPED = /\b(?:xox[a-z]?[-.]|xapp-)[\w.-]*/gi;
/** Fields that hold a credential. `code` is also a Slack error code (`not_in_channel`), which is kept. */
const KEY = '(?<key>token|client_secret|refresh_token|access_token|code)';
/** A credential field's name and what leads to its value, then the value: in JSON, util.inspect, a query string. */
const FIELD_VALUES = [
  new RegExp(`(?<head>"${KEY}"\\s*:\\s*")(?<value>(?:[^"\\\\]|\\\\.)*)`, 'g'),
  new RegExp(`(?<head>\\b${KEY}:\\s*')(?<value>(?:[^'\\\\]|\\\\.)*)`, 'g'),
  new RegExp(`(?<head>\\b${KEY}=)(?<value>[^&\\s"']+)`, 'g'),
];
const ERROR_CODE = /^[a-z0-9_]+$/;

interface FieldMatch {
  head: string;
  key: string;
  value: string;
}

/**
 * A line with its secrets taken out: the configured ones wherever they appear, anything token-shaped, and the
 * value of any credential field.
 */
export function redact(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  out = out.replace(TOKEN_SHAPED, REDACTED);
  for (const pattern of FIELD_VALUES) {
    out = out.replace(pattern, (whole: string, ...args: unknown[]) => {
      const { head, key, value } = args.at(-1) as FieldMatch;
      return key === 'code' && ERROR_CODE.test(value) ? whole : `${head}${REDACTED}`;
    });
  }
  return out;
}

/** A logger at `level` that prints to the console as Bolt's does, with `secrets` (the environment's) redacted. */
export function redactingLogger(level: LogLevel, secrets: readonly (string | undefined)[]): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
  let current = level;
  const write = (at: LogLevel, print: (...args: unknown[]) => void, msg: unknown[]) => {
    if (SEVERITY[at] < SEVERITY[current]) return;
    print(
      LABEL[at],
      'realtime-advisor',
      redact(formatWithOptions({ breakLength: Number.POSITIVE_INFINITY }, ...msg), known),
    );
  };
  return {
    debug: (...msg) => write(LogLevel.DEBUG, console.debug, msg),
    info: (...msg) => write(LogLevel.INFO, console.info, msg),
    warn: (...msg) => write(LogLevel.WARN, console.warn, msg),
    error: (...msg) => write(LogLevel.ERROR, console.error, msg),
    setLevel(next) {
      current = next;
    },
    getLevel: () => current,
    // One name for every library's lines: the libraries rename only loggers they create themselves.
    setName: () => undefined,
  };
}
