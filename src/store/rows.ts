/**
 * What both backends share: how a scope becomes a key, and how a row becomes a value. The column names are the
 * same in both dialects; only the types differ (SQLite gives 0/1 and numbers, pg gives booleans and BIGINT as
 * strings), which these functions absorb.
 */
import type { Decision, InstallationScope, NewDecision, ShareSteps, StepState } from './store.js';

/** One key per installation: a workspace's team id, or an org's enterprise id for an org-wide install. */
export function installKey(scope: InstallationScope): string {
  return scope.kind === 'org' ? `E:${scope.enterpriseId}` : `T:${scope.teamId}`;
}

export function scopeColumns(scope: InstallationScope): { enterpriseId: string | null; teamId: string | null } {
  return scope.kind === 'org'
    ? { enterpriseId: scope.enterpriseId, teamId: null }
    : { enterpriseId: scope.enterpriseId ?? null, teamId: scope.teamId };
}

export function scopeFromColumns(enterpriseId: string | null, teamId: string | null): InstallationScope {
  if (teamId === null) return { kind: 'org', enterpriseId: enterpriseId ?? '' };
  return enterpriseId === null ? { kind: 'workspace', teamId } : { kind: 'workspace', teamId, enterpriseId };
}

type Int = number | string | bigint;
type Bool = number | boolean;

export interface DecisionRow {
  id: Int;
  enterprise_id: string | null;
  team_id: string;
  channel_id: string;
  in_public_channel: Bool;
  thread_ts: string | null;
  user_id: string;
  answers: string;
  pick: string;
  data_version: string;
  permalink: string | null;
  no_permalink_reason: string | null;
  created_at: Int;
  feedback: string | null;
  feedback_note: string | null;
  feedback_at: Int | null;
  situation: string | null;
}

/** The values of a new decision's columns, in the order of `DECISION_COLUMNS`. */
export const DECISION_COLUMNS = [
  'enterprise_id',
  'team_id',
  'channel_id',
  'in_public_channel',
  'thread_ts',
  'user_id',
  'answers',
  'pick',
  'data_version',
  'permalink',
  'no_permalink_reason',
  'created_at',
  'situation',
] as const;

export function decisionValues(decision: NewDecision, now: number): (string | number | boolean | null)[] {
  return [
    decision.enterpriseId,
    decision.teamId,
    decision.channelId,
    decision.inPublicChannel,
    decision.threadTs,
    decision.userId,
    decision.answers,
    decision.pick,
    decision.dataVersion,
    decision.permalink.url,
    decision.permalink.url === null ? decision.permalink.reason : null,
    decision.createdAt?.getTime() ?? now,
    decision.situation ?? null,
  ];
}

export function decisionFromRow(row: DecisionRow): Decision {
  return {
    id: String(row.id),
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    channelId: row.channel_id,
    inPublicChannel: Boolean(row.in_public_channel),
    threadTs: row.thread_ts,
    userId: row.user_id,
    answers: row.answers,
    pick: row.pick,
    dataVersion: row.data_version,
    permalink:
      row.permalink !== null ? { url: row.permalink } : { url: null, reason: row.no_permalink_reason ?? 'unknown' },
    createdAt: new Date(Number(row.created_at)),
    situation: row.situation ?? null,
    feedback:
      row.feedback === 'yes' || row.feedback === 'no'
        ? { answer: row.feedback, note: row.feedback_note, at: new Date(Number(row.feedback_at)) }
        : null,
  };
}

export interface StepRow {
  step: string;
  state: string;
  ts: string | null;
}

export function stepsFromRows(rows: StepRow[]): ShareSteps {
  const steps: ShareSteps = {};
  for (const row of rows) {
    let value: StepState;
    if (row.state === 'done') value = row.ts === null ? { state: 'done' } : { state: 'done', ts: row.ts };
    else if (row.state === 'intent') value = { state: 'intent' };
    else value = { state: 'unsure' };
    steps[row.step] = value;
  }
  return steps;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A list's limit: 20 by default, at least 1, at most 1000. */
export function listLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? 20), 1), 1000);
}
