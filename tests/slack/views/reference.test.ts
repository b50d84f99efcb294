import { describe, expect, it } from 'vitest';
import { createAdvisor } from '../../../src/advisor/index.js';
import { technologyProfile } from '../../../src/advisor/profile.js';
import { helpMessage, technologyMessage } from '../../../src/slack/views/reference.js';
import { replyMessage } from '../../../src/slack/views/reply.js';
import { websocketVsSse as comparison } from '../../advisor/helpers.js';
import { visibleText } from '../harness.js';

const technology = (id: string) => {
  const found = comparison.technologies.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('one technology by name', () => {
  it('states the point in the text fallback: what it is, where it has the edge, when to pick it', () => {
    const { text } = technologyMessage(comparison, technologyProfile(comparison, technology('sse')));
    expect(text).toMatch(/^Server-Sent Events \(SSE\): One-way server→client streaming over plain HTTP\. /);
    expect(text).toContain('It has the edge on protocol, reconnection, infra &amp; proxies.');
    expect(text).toContain('Pick it when: updates flow only from server to client;');
  });

  it('shows the edges with their detail, the situations with their reasons, and the way to the other side', () => {
    const message = technologyMessage(comparison, technologyProfile(comparison, technology('websocket')));
    const seen = visibleText(message);
    expect(seen).toContain('*Where it has the edge*\n• *Payload types*: Text and binary frames.');
    expect(seen).toContain('*Sending binary frames*: SSE is text-only (UTF-8); WebSockets carry binary natively.');
    expect(seen).toContain('Where the other side wins: `/realtime sse`.');
    expect(seen).toContain('<https://www.rfc-editor.org/rfc/rfc6455|RFC 6455: The WebSocket Protocol>');
    expect(seen).not.toMatch(/When it wins[\s\S]*Updates flow only from server/);
  });

  it('escapes data text, so a name with & or < in it cannot format or ping', () => {
    const edited = structuredClone(comparison);
    const sse = edited.technologies.find((t) => t.id === 'sse');
    if (!sse) throw new Error('sse');
    sse.summary = 'Streams <!channel> & more';
    const raw = JSON.stringify(technologyMessage(edited, technologyProfile(edited, sse)));
    expect(raw).not.toContain('<!channel>');
    expect(raw).toContain('Streams &lt;!channel&gt; &amp; more');
  });

  it('is what a reply for a technology renders, and help lists the words that reach it', () => {
    const advisor = createAdvisor([comparison]);
    const reply = advisor.reply('eventsource');
    const wizardButton = { actionId: 'a', value: 'v' };
    expect(replyMessage(reply, { audience: 'private', wizardButton }).text).toMatch(/^Server-Sent Events \(SSE\)/);
    expect(visibleText(helpMessage(comparison))).toContain(
      "`/realtime websocket` or `/realtime sse`: one side's strengths and when it wins",
    );
  });
});
