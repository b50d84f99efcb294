/**
 * A person typing a slash command: Slack's form-encoded command fields with a fresh trigger_id and response_url,
 * then Slack's handling of the ack body (shown privately, or in the channel after echoing the command).
 */
import { stringify } from 'node:querystring';
import type { AckResult, AppRequests } from './app-requests.js';
import { isRecord, type JsonObject } from './json.js';
import { channelName } from './payload-parts.js';
import { encodePersonText, type PersonText } from './person-text.js';
import { applyResponse } from './response-url.js';
import { DEFAULT_CHANNEL, DEFAULT_HUMAN } from './workspace-directory.js';

export interface SlashCommandResult extends AckResult {
  payload: Record<string, string>;
  triggerId: string;
  responseUrl: string;
}

/**
 * Types a slash command. A non-empty ack body is shown the way Slack shows it: plain text or JSON without
 * `response_type` as an ephemeral message, `response_type: 'in_channel'` as a channel message (after the
 * person's own command, as Slack echoes it).
 */
export async function slashCommand(
  app: AppRequests,
  input: { user?: string; channel?: string; command?: string; text?: PersonText },
): Promise<SlashCommandResult> {
  const ws = app.ws;
  const user = input.user ?? DEFAULT_HUMAN;
  const channel = ws.resolveChannel(input.channel ?? DEFAULT_CHANNEL);
  if (!channel) throw new Error(`unknown channel ${input.channel}`);
  const userRecord = ws.users.get(user);
  if (!userRecord) throw new Error(`unknown user ${user}`);
  const command = input.command ?? '/realtime';
  // What the person typed, as Slack sends it: entity-encoded, mentions and links in Slack's markup.
  const text = encodePersonText(ws, input.text ?? '').text;
  const triggerId = ws.mintTrigger(user);
  const binding = { channel: channel.id, user };
  const responseUrl = ws.mintResponseUrl(binding);
  const payload: Record<string, string> = {
    token: app.config.verificationToken,
    team_id: ws.opts.teamId,
    team_domain: ws.opts.teamDomain,
    channel_id: channel.id,
    channel_name: channelName(ws, channel.id),
    user_id: user,
    user_name: userRecord.name,
    command,
    text,
    api_app_id: ws.opts.appId,
    is_enterprise_install: String(ws.installedOrgWide),
    ...(ws.opts.enterprise ? { enterprise_id: ws.opts.enterprise.id, enterprise_name: ws.opts.enterprise.name } : {}),
    response_url: responseUrl,
    trigger_id: triggerId,
  };
  const body = stringify(payload);
  const result = await app.send('slash_command', payload, 'application/x-www-form-urlencoded', body);
  if (!app.reportFailure(result, user, channel.id, command) && result.body !== '') {
    const shown: JsonObject = isRecord(result.json) ? result.json : { text: result.body };
    if (shown.response_type === 'in_channel') {
      ws.postHumanMessage(channel.id, user, text === '' ? command : `${command} ${text}`);
    }
    const outcome = applyResponse(ws, binding, shown, 'ack');
    if (outcome.status !== 200) {
      ws.addNotice({
        kind: 'invalid_response',
        user,
        channel: channel.id,
        text: `${command} failed with the error "${String(outcome.body.error)}"`,
      });
    }
  }
  return { ...result, payload, triggerId, responseUrl };
}
