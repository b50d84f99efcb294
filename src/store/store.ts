/**
 * What the app keeps between requests, between restarts and across instances: Slack installations, the decision
 * log, and the keys that make a share or an event happen once. One interface, two backends that pass one
 * contract test suite (tests/store/store.contract.ts): SQLite in a file for one process with no set-up, PostgreSQL
 * for any number of instances behind a load balancer.
 *
 * Every method resolves only once its write is durable (SQLite: a WAL commit with synchronous=FULL; PostgreSQL: a
 * committed transaction), so a caller may tell the person what happened as soon as the promise resolves.
 */

/** Where an installation lives: one workspace (perhaps in an Enterprise Grid org), or a whole org (org-wide install). */
export type InstallationScope =
  | { kind: 'workspace'; teamId: string; enterpriseId?: string | undefined }
  | { kind: 'org'; enterpriseId: string };

/**
 * An installation as the store keeps it: Bolt's `Installation` as JSON (so nothing Slack returned is lost), with
 * the installer's user token kept apart, per user, the way Bolt's own stores do.
 */
export interface StoredInstallation {
  scope: InstallationScope;
  /** Bolt's `Installation`, whole, as Slack's OAuth exchange gave it. */
  installation: unknown;
  installedAt: Date;
}

/** A person's own token from an install, kept per user; absent when the app asks for no user scopes. */
export interface StoredUserToken {
  scope: InstallationScope;
  userId: string;
  /** Bolt's `Installation['user']`: id, token, scopes, refresh token, expiry. */
  user: unknown;
}

export interface InstallationRecords {
  /** Keeps the latest installation of a scope; a newer one replaces it (a re-install with new scopes). */
  save(record: StoredInstallation): Promise<void>;
  /** The installation of a scope, or null when the app is not installed there. */
  find(scope: InstallationScope): Promise<StoredInstallation | null>;
  saveUserToken(record: StoredUserToken): Promise<void>;
  findUserToken(scope: InstallationScope, userId: string): Promise<StoredUserToken | null>;
  /** A person's token was revoked: forget it, and keep the installation. */
  deleteUserToken(scope: InstallationScope, userId: string): Promise<void>;
  /** The app was uninstalled: forget the installation and every user token of the scope. */
  delete(scope: InstallationScope): Promise<void>;
}

/** Where a shared message can be found again; a share through `response_url` gets no `ts`, so no link. */
export type Permalink = { url: string } | { url: null; reason: string };

export type FeedbackAnswer = 'yes' | 'no';

export interface Feedback {
  answer: FeedbackAnswer;
  note: string | null;
  at: Date;
}

/** One shared verdict, as it is recorded. */
export interface NewDecision {
  teamId: string;
  /** The Enterprise Grid org the workspace belongs to, if any. */
  enterpriseId: string | null;
  channelId: string;
  /** True in a public channel; App Home shows other people's decisions only from those. */
  inPublicChannel: boolean;
  /** The thread the share started or joined, where Slack gave a `ts`. */
  threadTs: string | null;
  /** Who shared it. */
  userId: string;
  /** The wizard's state string: what the person answered. */
  answers: string;
  /** The technology the verdict picked, as the data names it. */
  pick: string;
  /** The version of the comparison data the verdict was decided under. */
  dataVersion: string;
  permalink: Permalink;
  /**
   * The situation in the person's words, when free text led to the verdict (the message a shortcut ran on, or the
   * words the advisor quoted), so that feedback can feed the evaluation set. Default: none.
   */
  situation?: string | null;
  /** Default: now. */
  createdAt?: Date;
}

export interface Decision extends Omit<NewDecision, 'createdAt' | 'situation'> {
  id: string;
  situation: string | null;
  createdAt: Date;
  feedback: Feedback | null;
}

export interface ListOptions {
  /** At most this many, most recent first. Default 20. */
  limit?: number;
}

export interface DecisionLog {
  record(decision: NewDecision): Promise<Decision>;
  /** The channel's decisions, most recent first. */
  listByChannel(channelId: string, options?: ListOptions): Promise<Decision[]>;
  /**
   * A person's own decisions in a workspace, most recent first; with `withPublic`, also everyone's decisions in
   * public channels (App Home), never another person's in a private channel or a DM.
   */
  listForPerson(teamId: string, userId: string, options?: ListOptions & { withPublic?: boolean }): Promise<Decision[]>;
  /** One decision by id, or null when there is none (deleted since, or never). */
  find(id: string): Promise<Decision | null>;
  /** Decisions someone answered "Was this right?" for, in every workspace, most recently answered first. */
  listWithFeedback(options?: ListOptions): Promise<Decision[]>;
  /** "Was this right?": the latest answer wins. False when there is no such decision (deleted since). */
  recordFeedback(id: string, feedback: { answer: FeedbackAnswer; note?: string | null }): Promise<boolean>;
  /** Retention: deletes decisions older than this many days; returns how many. */
  deleteOlderThan(days: number): Promise<number>;
}

/**
 * Keys that make something happen once across instances and restarts: Slack's retries of an event, two clicks on
 * one button, a share held by the request working on it.
 */
export interface DedupKeys {
  /**
   * True for exactly one caller per key within `ttlSeconds`, whichever instance it runs on; an expired key may be
   * claimed again. Atomic in the database (a unique key), not check-then-set.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a key back (the work failed, or is done and may be done again). */
  release(key: string): Promise<void>;
  /** Deletes expired keys; returns how many. */
  purgeExpired(): Promise<number>;
}

/** What became of one posting step of a share (`post`, `reasoning`, …). */
export type StepState =
  /** About to post: written before the call to Slack. Found later, it means the post may or may not be there. */
  | { state: 'intent' }
  /** Slack said it posted, with the ts it gave. */
  | { state: 'done'; ts?: string }
  /** Slack's answer never arrived: it may be there. */
  | { state: 'unsure' };

export type StepOutcome =
  | { state: 'done'; ts?: string | undefined }
  | { state: 'unsure' }
  /** Slack refused: nothing was posted, and the intent is forgotten, so the next try posts. */
  | { state: 'refused' };

/** The steps of one share that the store knows of, by name. */
export type ShareSteps = Record<string, StepState>;

/**
 * The share record: intent before posting, outcome after, each durable before the call to Slack or the answer to
 * the person. Together with `DedupKeys` (which holds a share while a request works on it) it backs the share
 * pipeline's ledger.
 */
export interface ShareRecords {
  recordIntent(key: string, step: string): Promise<void>;
  recordOutcome(key: string, step: string, outcome: StepOutcome): Promise<void>;
  steps(key: string): Promise<ShareSteps>;
  /** Deletes share records last touched more than this many seconds ago; returns how many steps. */
  purgeOlderThan(seconds: number): Promise<number>;
}

export type Backend = 'sqlite' | 'postgres';

/** Which database: the SQLite file (`:memory:` for a throwaway), or a PostgreSQL URL. */
export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export const DEFAULT_DATABASE_PATH = './var/realtime-advisor.db';

export interface Store {
  readonly backend: Backend;
  readonly installations: InstallationRecords;
  readonly decisions: DecisionLog;
  readonly dedup: DedupKeys;
  readonly shares: ShareRecords;
  /**
   * `app_uninstalled` or `tokens_revoked` for the bot: deletes the installation, its user tokens and its decisions.
   * An org scope deletes the org-wide installation and every decision made in the org's workspaces.
   */
  forget(scope: InstallationScope): Promise<{ decisions: number }>;
  /** The schema version the database is at, after the migrations this build knows. */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The clock, for tests of expiry and retention. Default: Date.now. */
  now?: () => number;
}

/** Thrown when the database's schema is newer than this build knows: an older build must not write to it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database's schema is at version ${found}, newer than this build of Realtime Advisor knows (${known}). ` +
        'Deploy the newer build, or point this one at another database.',
    );
    this.name = 'SchemaTooNewError';
  }
}
