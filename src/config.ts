/**
 * The environment, validated once at start-up. A missing or malformed variable stops the app with one line per
 * problem that names the variable and what is expected; a secret's value is never printed.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { type DatabaseConfig, DEFAULT_DATABASE_PATH } from './store/store.js';

/** Where Slack sends the person back after they approve an install; Bolt's default path, declared in manifest.yml. */
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** The values .env.example ships with, named back to the person who left them in place. */
const ENV_EXAMPLE_PLACEHOLDERS = new Set(['xoxb-your-bot-token', 'your-signing-secret']);
/** Words that mark a value as a placeholder when they are a whole part of it, between dashes or underscores. */
const PLACEHOLDER_PARTS = new Set(['your', 'placeholder', 'changeme', 'replace', 'example', 'here']);

/**
 * A value someone meant to replace: .env.example's, or one of the usual shapes (`xoxb-xxxx`, `xoxb-…`,
 * `xoxb-REPLACE-ME`). A real token's parts are digits and one random run of letters and digits, and a signing
 * secret is hex, so neither is ever mistaken for one. Caught here, it is named at once, instead of being sent to
 * Slack and refused after its retries (~16 s of "fetch failed").
 */
function isPlaceholder(value: string): boolean {
  return value
    .toLowerCase()
    .split(/[-_]/)
    .some((part) => PLACEHOLDER_PARTS.has(part) || /^(x{3,}|…|\.{3,}|<.*>)$/.test(part));
}

/** A check for a secret's placeholder; the value is echoed only when it is .env.example's own (no secret). */
const notPlaceholder = (paste: string) => ({
  abort: true,
  error: (issue: { input: unknown }) =>
    typeof issue.input === 'string' && ENV_EXAMPLE_PLACEHOLDERS.has(issue.input)
      ? `still the placeholder from .env.example (${issue.input}): ${paste}`
      : `still a placeholder: ${paste}`,
});

const envSchema = z
  .object({
    // Required unless the app installs through OAuth; authProblems() says which of the two set-ups is missing.
    SLACK_BOT_TOKEN: z
      .string()
      .refine(
        (v) => !isPlaceholder(v),
        notPlaceholder('paste the Bot User OAuth Token (xoxb-…) from OAuth & Permissions'),
      )
      .regex(/^xoxb-[\w-]+$/, 'expected a bot token starting with xoxb-')
      .optional(),
    SLACK_CLIENT_ID: z
      .string()
      .regex(/^\d+\.\d+$/, 'expected the Client ID from Basic Information (digits, a dot, digits)')
      .optional(),
    SLACK_CLIENT_SECRET: z
      .string()
      .regex(/^[a-zA-Z0-9]{16,}$/, 'expected the Client Secret from Basic Information: at least 16 letters and digits')
      .optional(),
    SLACK_STATE_SECRET: z
      .string()
      .min(16, 'expected a random string of your own, at least 16 characters (openssl rand -hex 32)')
      .optional(),
    SLACK_REDIRECT_URI: z
      .url({ error: 'expected the public URL of /slack/oauth_redirect' })
      .refine((url) => new URL(url).pathname === OAUTH_REDIRECT_PATH, {
        error: `expected a URL whose path is ${OAUTH_REDIRECT_PATH}, where the app handles the return from Slack`,
      })
      .optional(),
    SLACK_SIGNING_SECRET: z
      .string({ error: 'required: the signing secret from Basic Information' })
      .refine(
        (v) => !isPlaceholder(v),
        notPlaceholder('paste the Signing Secret from Basic Information → App Credentials'),
      )
      .regex(/^[a-zA-Z0-9]{16,}$/, 'expected the signing secret: at least 16 letters and digits'),
    SLACK_APP_TOKEN: z
      .string()
      .refine(
        (v) => !isPlaceholder(v),
        notPlaceholder(
          'paste an app-level token (xapp-…) from Basic Information → App-Level Tokens, or leave it unset for HTTP mode',
        ),
      )
      .regex(/^xapp-[\w-]+$/, 'expected an app-level token starting with xapp- (or leave it unset for HTTP mode)')
      .optional(),
    SLACK_API_URL: z
      .url({ error: 'expected a URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .optional(),
    PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int('expected a whole port number')
      .min(0, 'expected a port from 0 to 65535')
      .max(65535, 'expected a port from 0 to 65535')
      .default(3000),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a PostgreSQL URL: postgres://user:password@host:5432/database')
      .optional(),
    DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
    DECISION_RETENTION_DAYS: z.coerce
      .number({ error: 'expected a number of days' })
      .int('expected a whole number of days')
      .min(1, 'expected at least 1 day')
      .default(365),
  })
  .transform((env) => ({
    /** One workspace: the bot token from OAuth & Permissions. Undefined in OAuth mode. */
    botToken: env.SLACK_BOT_TOKEN,
    /** Many workspaces: Bolt's installer, with installations kept in the store. Undefined with a bot token. */
    oauth: oauthConfig(env),
    signingSecret: env.SLACK_SIGNING_SECRET,
    appToken: env.SLACK_APP_TOKEN,
    /** Socket Mode when an app-level token is given: development with no public URL. */
    mode: env.SLACK_APP_TOKEN ? ('socket' as const) : ('http' as const),
    slackApiUrl: env.SLACK_API_URL,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    /** PostgreSQL when DATABASE_URL is set (many instances), else the SQLite file (one process, no set-up). */
    database: databaseConfig(env.DATABASE_URL, env.DATABASE_PATH),
    /** Decisions older than this many days are deleted. */
    retentionDays: env.DECISION_RETENTION_DAYS,
  }));

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Sent to Slack when set; otherwise Slack uses the app's first redirect URL. */
  redirectUri?: string;
}

function oauthConfig(env: {
  SLACK_CLIENT_ID?: string | undefined;
  SLACK_CLIENT_SECRET?: string | undefined;
  SLACK_STATE_SECRET?: string | undefined;
  SLACK_REDIRECT_URI?: string | undefined;
}): OAuthConfig | undefined {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = env;
  if (!clientId || !clientSecret || !stateSecret) return undefined;
  return {
    clientId,
    clientSecret,
    stateSecret,
    ...(env.SLACK_REDIRECT_URI ? { redirectUri: env.SLACK_REDIRECT_URI } : {}),
  };
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * Which way the app gets its tokens, from what is set (not its values, which the schema checks): a bot token for
 * one workspace, or the three OAuth variables to install in many. Not both: Bolt would answer every workspace
 * with the one token. OAuth needs HTTP mode, as Slack sends the person back to a public URL.
 */
function authProblems(env: Record<string, string>): string[] {
  const oauthSet = OAUTH_VARIABLES.filter((name) => env[name] !== undefined);
  if (oauthSet.length === 0) {
    return env.SLACK_BOT_TOKEN === undefined
      ? [
          'SLACK_BOT_TOKEN: required: the bot token (xoxb-…) from OAuth & Permissions for one workspace, ' +
            'or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces through OAuth',
        ]
      : [];
  }
  const problems = OAUTH_VARIABLES.filter((name) => env[name] === undefined).map(
    (name) =>
      `${name}: required for OAuth, as ${oauthSet.join(' and ')} ${oauthSet.length === 1 ? 'is' : 'are'} set: ` +
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together',
  );
  if (env.SLACK_BOT_TOKEN !== undefined)
    problems.push(
      'SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or the OAuth variables (many workspaces), not both: ' +
        'with OAuth, each workspace’s token comes from its installation. Unset SLACK_BOT_TOKEN to run in OAuth mode',
    );
  if (env.SLACK_APP_TOKEN !== undefined)
    problems.push(
      'SLACK_APP_TOKEN: OAuth installs need HTTP mode (Slack sends the person back to /slack/oauth_redirect ' +
        'on a public URL): unset SLACK_APP_TOKEN, or install in one workspace with SLACK_BOT_TOKEN',
    );
  return problems;
}

function databaseConfig(url: string | undefined, path: string): DatabaseConfig {
  return url ? { kind: 'postgres', url } : { kind: 'sqlite', path };
}

export type Config = z.output<typeof envSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Treats empty strings as unset, as a half-filled .env file means. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const set = withoutEmpty(env);
  const auth = authProblems(set);
  const result = envSchema.safeParse(set);
  if (result.success && auth.length === 0) return { ok: true, config: result.data };
  // Messages are our own and name what is expected; the received value is never echoed, as it may be a secret.
  const fields = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  return { ok: false, problems: [...auth, ...fields] };
}

/** Loads `.env` (quietly: dotenv 17+ otherwise prints a line on every load) over nothing the shell already set. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  loadDotenv({ quiet: true, processEnv: env });
  return parseConfig(env);
}

export function describeProblems(problems: string[]): string {
  return [
    'Realtime Advisor cannot start: the environment is incomplete.',
    ...problems.map((p) => `  ${p}`),
    'Set these in .env (copy .env.example) or in the environment. See .env.example for every variable.',
  ].join('\n');
}
