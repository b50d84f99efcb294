/** Fields that Slack repeats across interaction payloads: who acted, in which team and channel. */
import type { JsonObject } from './json.js';
import type { Workspace } from './workspace.js';

export function personFields(ws: Workspace, userId: string): JsonObject {
  const user = ws.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  return { id: user.id, username: user.name, name: user.name, team_id: ws.opts.teamId };
}

/** The channel name Slack puts in payloads; a DM is always `directmessage`. */
export function channelName(ws: Workspace, channelId: string): string {
  const channel = ws.channels.get(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}`);
  return channel.isIm ? 'directmessage' : channel.name;
}

export function teamFields(ws: Workspace): JsonObject {
  return { id: ws.opts.teamId, domain: ws.opts.teamDomain };
}
