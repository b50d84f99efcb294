/** Fields that Slack repeats across interaction payloads: who acted, in which team and channel. */
import type { JsonObject } from './json.js';
import type { Workspace } from './workspace.js';

export function personFields(ws: Workspace, userId: string): JsonObject {
  const user = ws.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  return { id: user.id, username: user.name, name: user.name, team_id: ws.opts.teamId };
}

/**
 * The channel name Slack puts in payloads: `directmessage` for a DM (with the app or between people),
 * `privategroup` for a private channel, the `mpdm-…` name for a group DM, the name otherwise.
 */
export function channelName(ws: Workspace, channelId: string): string {
  const channel = ws.channels.get(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}`);
  if (channel.isIm) return 'directmessage';
  if (channel.isMpim) return channel.name;
  return channel.isPrivate ? 'privategroup' : channel.name;
}

/** `team` in interaction payloads; in an Enterprise Grid org it names the org too. */
export function teamFields(ws: Workspace): JsonObject {
  const enterprise = ws.opts.enterprise;
  return {
    id: ws.opts.teamId,
    domain: ws.opts.teamDomain,
    ...(enterprise ? { enterprise_id: enterprise.id, enterprise_name: enterprise.name } : {}),
  };
}

/** `enterprise` in interaction payloads: null outside Enterprise Grid. */
export function enterpriseField(ws: Workspace): JsonObject | null {
  const enterprise = ws.opts.enterprise;
  return enterprise ? { id: enterprise.id, name: enterprise.name } : null;
}
