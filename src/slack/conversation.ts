/**
 * What kind of conversation a request came from, as far as Slack's payload tells. It decides the advice when
 * the app cannot post: an app can be invited to a channel, public or private, but never into a direct message
 * between people (Slack answers `channel_not_found` there, as it does in private channels the app is not in).
 *
 * Slash commands carry `channel_name` (`directmessage`, `mpdm-…`, `privategroup`); block actions carry
 * `channel.name` likewise. Ids help where the name is missing: D… is a DM, G… a private or group conversation.
 */
export type ConversationKind = 'channel' | 'private-channel' | 'direct-message' | 'group-message' | 'unknown';

export function conversationKind(id: string | undefined, name?: string | undefined): ConversationKind {
  if (name === 'directmessage' || id?.startsWith('D')) return 'direct-message';
  if (name?.startsWith('mpdm-')) return 'group-message';
  if (name === 'privategroup' || id?.startsWith('G')) return 'private-channel';
  if (id?.startsWith('C')) return 'channel';
  return 'unknown';
}

/** True where the app can never be a member, so `/invite` is no advice. */
export function isConversationBetweenPeople(kind: ConversationKind): boolean {
  return kind === 'direct-message' || kind === 'group-message';
}

/** The kind of the conversation in a payload's `channel` object (block actions, shortcuts). */
export function conversationOf(channel: { id?: string; name?: string } | undefined): ConversationKind {
  return conversationKind(channel?.id, channel?.name);
}

/**
 * True only where the payload names the conversation and it is a public channel. A private channel can have a C…
 * id too, and is then named `privategroup`; a payload without a name (a modal's submit) is not taken for public,
 * so that the decision log never shows a private decision to people outside it.
 */
export function isPublicChannel(id: string | undefined, name: string | undefined): boolean {
  return name !== undefined && conversationKind(id, name) === 'channel';
}
