import { describe, expect, it } from 'vitest';
import { conversationKind } from '../../src/slack/conversation.js';

describe('the kind of conversation a payload came from', () => {
  it.each([
    // As recorded slash commands carry them (../shared/slack/recorded/payloads/slash.*.form.txt).
    ['DNRUWPF', 'directmessage', 'direct-message'],
    ['G01PH9JR6DP', 'privategroup', 'private-channel'],
    ['C111', 'random', 'channel'],
    ['C0PRIVATE1', 'privategroup', 'private-channel'],
    ['G0GROUP01', 'mpdm-ann--bo--cy-1', 'group-message'],
    // A message_action in a DM carries the DM's id with another name (the docs' example: D0LFFBKLZ, "cats").
    ['D0LFFBKLZ', 'cats', 'direct-message'],
    [undefined, undefined, 'unknown'],
  ] as const)('%s named %s is a %s', (id, name, kind) => {
    expect(conversationKind(id, name)).toBe(kind);
  });
});
