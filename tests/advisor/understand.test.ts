/**
 * Free text answers the wizard. One test group per way the old matcher failed (issue 9), each with sentences from
 * the development half of the evaluation set (tests/advisor/eval/development.json), never the held-out half.
 */
import { describe, expect, it } from 'vitest';
import type { TextSummary, WizardView } from '../../src/advisor/index.js';
import { summarise } from '../../src/advisor/index.js';
import { decodeState, encodeState } from '../../src/advisor/wizard.js';
import { heldOutCases } from './advise.held-out.js';
import { kindOfView, outcomeOf } from './eval/kinds.js';
import { advisor, comparisons, readerAlone, websocketVsSse } from './helpers.js';

function read(text: string): { view: WizardView; summary: TextSummary } {
  const { view, reading } = readerAlone.understand(text);
  return { view, summary: summarise(view, reading) };
}
const pickOf = (text: string) => {
  const { view } = read(text);
  return view.kind === 'verdict' ? view.verdict.pick.id : `ask:${view.question.id}`;
};
const answer = (summary: TextSummary, question: string) => summary.understood.find((a) => a.question === question);

describe('words it did not know: situations in their own words answer the wizard', () => {
  it.each([
    ['courier status on the tracking page: picked up, on the way, delivered. customers just watch', 'sse'],
    ['flight tracker page where plane positions come from the server every few seconds as json', 'sse'],
    [
      'rich text co-editing: clients send ops, the server orders them and broadcasts to everyone in the room',
      'websocket',
    ],
    [
      'collect clicks and page views in the browser and ship them to our server, including when the page unloads',
      'batched-posts',
    ],
    [
      'wind sensors report several times a second and the control loop needs each reading with minimal latency',
      'websocket',
    ],
    ['concert livestream to tens of thousands of viewers through a cdn', 'hls'],
    ['video consultations between a patient and a doctor in the browser, has to be sub-second', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it('reads the direction said in other words, and keeps the words that said it', () => {
    const { summary } = read('customers just watch the courier status');
    expect(answer(summary, 'direction')).toMatchObject({ answer: 'Server → client only', strength: 'direct' });
    expect(answer(summary, 'direction')?.words).toContain('customers just watch');
  });
});

describe('negation, constraints and time', () => {
  it('reads "can\'t reply" as nothing going back, quoting the negation', () => {
    const { summary } = read(
      "marketing calls it live chat but it's really a bot posting announcements and users can't reply",
    );
    expect(answer(summary, 'direction')).toMatchObject({ answer: 'Server → client only', strength: 'direct' });
    expect(answer(summary, 'direction')?.words.join()).toContain("can't reply");
    expect(summary.verdict?.pick).toBe('sse');
  });

  it('reads "never send anything" as one-way', () => {
    expect(
      pickOf(
        'crypto price ticker on our landing page, prices pushed from the server, visitors never send anything on that channel',
      ),
    ).toBe('sse');
  });

  it('keeps a constraint that rules one side out: no websockets still leaves SSE for one-way push', () => {
    const { summary } = read(
      "our host doesn't support websockets at all, and we only need to push subscription results down to the client",
    );
    expect(summary.conditions.map((c) => c.id)).toContain('no-websocket');
    expect(summary.verdict?.pick).toBe('sse');
  });

  it('a negation reaches its own clause only, not past a preposition', () => {
    const { summary } = read(
      "what should the fallback be when the signalr websocket can't connect on the most locked-down vpns?",
    );
    expect(summary.conditions.map((c) => c.id)).toContain('no-streaming');
    expect(summary.verdict?.pick).toBe('long-polling');
  });

  it.each([
    // A proxy that refuses the upgrade rules WebSocket out; for two-way traffic that leaves long polling.
    [
      "web terminal has to keep working when the browser or some proxy in between doesn't do websockets at all",
      'long-polling',
    ],
    [
      'museum av control panel. on some sites a proxy sits in the way and direct websockets just fail, we still need live state there',
      'long-polling',
    ],
    // Streamed responses cut as well: only plain requests get through.
    [
      "behind a customer's caching proxy the upgrade headers get stripped and long-held responses are cut off. still need live-ish updates for them",
      'long-polling',
    ],
    // One way down, only the upgrade refused: SSE still gets through.
    [
      'board server has to stream run progress to the editor, but where we deploy the proxies mangle websocket upgrades',
      'sse',
    ],
  ])('a network that refuses: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it('a client with neither EventSource nor WebSocket gets long polling', () => {
    const { summary } = read(
      'the kiosk browser is ie9: no EventSource and no websocket either. still want near-live queue numbers',
    );
    expect(summary.verdict).toMatchObject({ pick: 'long-polling', kind: 'neither' });
  });

  it('"already" puts its own clause in the present, not the rest of the sentence', () => {
    expect(
      pickOf(
        'all writes already go through our normal rest sdk, the realtime channel only delivers change events to clients',
      ),
    ).toBe('sse');
  });

  it('what they have today is not what they ask for', () => {
    const { summary } = read(
      'today the order page polls every 5-15 seconds; we want the backend to push when provisioning finishes instead',
    );
    expect(summary.verdict?.pick).toBe('sse');
    expect(answer(summary, 'direction')?.words.join()).not.toContain('polls');
  });
});

describe('words taken in another sense', () => {
  it('"a video company" is the business, not live video', () => {
    const { summary } = read(
      "we're a video company, yes, but this is just the upload-processing status showing up live on the page, text only",
    );
    expect(summary.verdict?.pick).toBe('sse');
    expect(answer(summary, 'binary')).toMatchObject({ answer: 'No, text (JSON) is fine', strength: 'direct' });
  });

  it('"chat about the architecture" is talk, not a chat app', () => {
    const { summary } = read('chat about the architecture: the build page should show progress, nothing goes back');
    expect(summary.verdict?.pick).toBe('sse');
    expect(summary.outweighed.map((o) => o.words)).not.toContain('chat');
  });

  it('"game studio" is who they are, not a game', () => {
    expect(pickOf("our game studio's HR portal needs a notification bell")).toBe('sse');
  });
});

describe('disagreement settled by strength, in the wizard order', () => {
  it('a direct statement outweighs a domain word, which is shown but not asked about', () => {
    const { summary } = read(
      "it's technically a chat, but messages are rare (a few an hour) and sent with a normal form post; the page mostly just receives",
    );
    expect(answer(summary, 'direction')).toMatchObject({ answer: 'Mostly server → client, with rare client events' });
    expect(summary.verdict?.pick).toBe('sse');
  });

  it('users who also act outweigh the word dashboard', () => {
    const { summary } = read(
      'a dashboard where users also drag widgets around and everyone else sees the layout change live',
    );
    expect(summary.verdict?.pick).toBe('websocket');
    expect(summary.outweighed).toContainEqual(expect.objectContaining({ words: 'dashboard', question: 'direction' }));
  });

  it('a browser named directly outweighs the word microservices', () => {
    expect(pickOf('we run microservices; the browser editor needs live cursors both ways')).toBe('websocket');
    expect(pickOf("backend services push alerts to the on-call engineers' browsers")).toBe('sse');
    expect(
      pickOf("three internal go services need live crypto prices from our aggregator, there's no browser anywhere"),
    ).toBe('service-to-service');
  });

  it('a disagreement that cannot change the pick is not asked: the first side in the wizard order answers it', () => {
    const { summary } = read(
      'monitoring page for a running task graph. the client sends its wallet key once to auth and after that only listens',
    );
    expect(summary.asked).toBeUndefined();
    expect(answer(summary, 'direction')).toMatchObject({ answer: 'Server → client only', words: ['only listens'] });
    expect(summary.verdict?.pick).toBe('sse');
  });

  it("two equally strong findings that disagree are asked, naming both sides in the person's words", () => {
    const { view, summary } = read('a live dashboard that is also a chat');
    expect(summary.asked?.question).toBe('direction');
    expect(summary.asked?.conflict).toEqual([
      { option: 'server-to-client', words: ['dashboard'] },
      { option: 'both-ways', words: ['chat'] },
    ]);
    expect(view.kind === 'question' && view.conflict?.sides.map((s) => s.answer)).toEqual([
      'Server → client only',
      'Both ways: the client also sends often, with low latency',
    ]);
  });
});

describe('asking what is left open, in the wizard order', () => {
  it.each([
    ['we need realtime updates, what should we use?', 'direction'],
    ['is there any reason for us to prefer websockets over sse?', 'direction'],
    [
      "server to browser stream of small binary frames. base64 them and keep eventsource's reconnect, or native binary? depends how much we value simple infra",
      'simplicity',
    ],
  ])('"%s" asks %s', (text, question) => {
    expect(pickOf(text)).toBe(`ask:${question}`);
  });

  it('fills in what it found, and answering the question reaches a verdict that quotes the words', () => {
    const { view } = read('we need something realtime for orders, text only');
    if (view.kind !== 'question') throw new Error('expected a question');
    expect(view.understood?.answers.map((a) => a.questionId)).toEqual(['binary']);
    const next = advisor.resume(view.options.find((o) => o.id === 'server-to-client')?.next);
    if (!next.ok || next.view.kind !== 'verdict') throw new Error('expected a verdict');
    const binary = next.view.change.find((c) => c.questionId === 'binary');
    expect(binary?.quotes?.[0]?.words).toBe('text only');
    // The direction the person chose shows no quote.
    expect(next.view.change.find((c) => c.questionId === 'direction')?.quotes).toBeUndefined();
  });

  it('an answer the person changes loses its quote', () => {
    const { view } = read('crypto price ticker on our landing page, visitors never send anything on that channel');
    if (view.kind !== 'verdict') throw new Error('expected a verdict');
    const changing = advisor.resume(view.change.find((c) => c.questionId === 'direction')?.state);
    if (!changing.ok || changing.view.kind !== 'question') throw new Error('expected the question again');
    const changed = advisor.resume(changing.view.options.find((o) => o.id === 'both-ways')?.next);
    if (!changed.ok || changed.view.kind !== 'verdict') throw new Error('expected a verdict');
    expect(changed.view.verdict.pick.id).toBe('websocket');
    expect(changed.view.change[0]?.quotes).toBeUndefined();
  });

  it('"Not so" drops a condition and the wizard\'s own verdict comes back', () => {
    const { view } = read(
      'three internal go services need live crypto prices from our aggregator, no browser anywhere',
    );
    if (view.kind !== 'verdict') throw new Error('expected a verdict');
    const dropped = advisor.resume(view.understood?.conditions.find((c) => c.id === 'backend-only')?.drop);
    expect(dropped.ok && dropped.view.kind === 'verdict' && dropped.view.verdict.pick.id).toBe('sse');
  });
});

describe('the state free text leaves in a button value', () => {
  const comparison = websocketVsSse;
  it('carries the quotes in version 2, and decodes to the same state', () => {
    const { view } = read('crypto price ticker, visitors never send anything, prices as json');
    if (view.kind !== 'verdict') throw new Error('expected a verdict');
    expect(view.state.startsWith('2:websocket-vs-sse:')).toBe(true);
    const decoded = decodeState(view.state, comparisons);
    expect(decoded.ok && encodeState(comparison, decoded.state)).toBe(view.state);
  });

  it('still decodes version 1 values', () => {
    expect(decodeState('1:websocket-vs-sse:011', comparisons).ok).toBe(true);
  });

  it('clips quotes so that any text fits 2,000 characters', () => {
    const state = {
      comparisonId: comparison.id,
      answers: { direction: 'server-to-client', binary: 'no' },
      text: {
        quotes: { direction: [{ words: '~%|'.repeat(3000), strength: 'direct' as const }] },
        conditions: Object.fromEntries(
          (comparison.understanding?.conditions ?? []).map((c) => [c.id, ['é~'.repeat(500)]]),
        ),
        raised: [],
      },
    };
    const value = encodeState(comparison, state);
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeState(value, comparisons).ok).toBe(true);
  });

  it('refuses a tampered text field', () => {
    expect(decodeState('2:websocket-vs-sse:0--~q9d=x', comparisons)).toMatchObject({ ok: false });
    expect(decodeState('2:websocket-vs-sse:0--~c0=%E0%A4%A', comparisons)).toMatchObject({ ok: false });
  });
});

/**
 * Mechanisms the first held-out half's misses revealed (that half is now development data: both halves of set 1
 * may be tuned on; round 2's held-out half is the one never read).
 */
describe('who sends what to whom', () => {
  it.each([
    // A pronoun is not the client: the logs "get written", nobody sends anything up.
    ['tail pod logs into the browser as they get written', 'sse'],
    // "back to the client" is the server sending, not both ways.
    [
      'mcp server over http streams tool results back to the client, and with many tabs open we hit the 6 connection cap',
      'sse',
    ],
    // A thing sends up and nothing comes back: one way, client → server.
    ['thermostats send one temperature reading every few minutes to the cloud and nothing comes back', 'batched-posts'],
    // Sent up to our backend and something comes back: both ways.
    [
      'browser grabs webcam frames and sends them to our object detection backend nonstop, boxes come back, has to feel live',
      'websocket',
    ],
    ['the realtime channel only delivers change events to clients, all writes go through rest', 'sse'],
    ['live auction: bidders keep placing bids and everyone must see the new high bid in under 200ms', 'websocket'],
    // Round 2 development: a gateway streaming to clients is the server; replies through a form are rare events.
    [
      'our llm gateway streams tokens to clients through cloudflare, and slow reasoning models sometimes take >100s before the first token so it dies',
      'sse',
    ],
    [
      "helpdesk: when an agent updates a ticket the customer's open page should show it right away. customers reply through the normal form",
      'sse',
    ],
    [
      'admin app fires analytics events, some of them right as the user navigates away, and those keep getting lost',
      'batched-posts',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('flows: who sends to whom, in any words', () => {
  it.each([
    // From a server end to a client end, whatever the verb: one way down.
    [
      'each app tab keeps one stream from the node open and the 7th tab never loads on plain http/1.1 localhost. the streams only go node -> page',
      'sse',
    ],
    ['dev server tells the open browser to reload when a file changes on disk. that is literally all it does', 'sse'],
    [
      'we push short mp3 clips to connected clients and the library base64s them behind our back. we want the raw bytes on the wire',
      'websocket',
    ],
    // Receiving and also sending: both ways.
    [
      'browser acts as a full mqtt client: it subscribes to device topics and also publishes control commands several times a second, needs to be snappy',
      'websocket',
    ],
    // From one person to the others: both ways.
    ["study group notebook, strokes from everyone should appear on everybody else's page in under 100ms", 'websocket'],
    [
      'collaborative app, backend services speak grpc. when one user changes something it has to be pushed to everyone else in the session right away',
      'websocket',
    ],
    [
      "slides editor: remote collaborators' selections and typing should show up on everyone's canvas, and ours on theirs",
      'websocket',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it('a flow down gives way to the client sending too, and quotes its words', () => {
    const { summary } = read('group chat where anyone can post and it gets broadcast to everybody connected');
    expect(answer(summary, 'direction')).toMatchObject({ answer: expect.stringMatching(/^Both ways/) });
    expect(summary.verdict?.pick).toBe('websocket');
  });
});

describe('families of ordinary wording (development sentences)', () => {
  it.each([
    [
      'someone on the team wants ws for the unread badge. it only ever changes because the server says so, clicks go through the normal api',
      'sse',
    ],
    [
      'our job stream is a websocket but the only thing the client ever sends on it is a keepalive ping, cancel already goes over http. worth switching?',
      'sse',
    ],
    [
      'monitoring page for a running task graph: node started, node done, payment released. the client sends its wallet key once to auth and after that only listens',
      'sse',
    ],
    [
      'self hosted llm api. people asked for a websocket so they can watch the completion come out instead of waiting for the whole reply',
      'sse',
    ],
  ])(
    'rare client events: the only thing sent, a one-off send, the normal api beside the stream: "%s" → %s',
    (text, pick) => {
      expect(pickOf(text)).toBe(pick);
    },
  );

  it.each([
    [
      "our ios app's realtime channel is a websocket. lots of customers sit in firewalled corporate networks where it's blocked, need something that still gets through",
      'long-polling',
    ],
    [
      'users behind a proxy with firefox never manage to upgrade to websocket. app should drop down to something that works there',
      'long-polling',
    ],
  ])('a network that lets only plain requests through, or a fallback for it: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([['sse vs websocket vs long polling for our k8s 3-tier sample app? need to pick one', 'ask:direction']])(
    'technologies named as the options are a question, not a constraint: "%s" → %s',
    (text, pick) => {
      expect(pickOf(text)).toBe(pick);
    },
  );

  it.each([
    [
      '60hz state snapshots where only the newest one matters. a lost snapshot should just be skipped, never retransmitted',
      'webtransport',
    ],
    [
      "a half second old position update arriving late makes players rubber band. we'd rather drop stale ones and apply only the newest, straight in the browser",
      'webtransport',
    ],
  ])('newest wins, lost ones skipped: datagrams: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'one of our pipelines should consume events off an sse endpoint that our other pipeline serves. ws or sse between them?',
      'service-to-service',
    ],
    [
      'experiment server and its compute workers swap cloudevents over websockets today. both sides are our own python processes',
      'service-to-service',
    ],
    [
      'online judge: the platform has to stream submissions to the judge workers and get verdicts back. this is apart from the browser side',
      'service-to-service',
    ],
    [
      "the socket to our backend container should be opened by the frontend container itself, not the user's browser. container to container traffic",
      'service-to-service',
    ],
    [
      "our java backend listens to the salt master's event bus. the master offers an sse stream and a websocket endpoint, which should the service use?",
      'service-to-service',
    ],
  ])('both ends ours, no browser: service to service: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'self-hosted stream for our community, a few hundred watching and ~10s delay is fine. do we need websockets for this?',
      'hls',
    ],
    ['big live audience, it has to be edge cacheable, and a couple of seconds behind live is acceptable', 'hls'],
    [
      "self hosted streaming server for our community, currently ~20s behind live. we'd be happy with ~10, viewers only watch",
      'hls',
    ],
    [
      'scaling one live stream to 150k viewers through cloudfront. 8-12 seconds of delay is totally acceptable for this event',
      'hls',
    ],
    [
      'conference livestream embedded on our site for people at home, two tracks, and viewers want to be able to seek back in time',
      'hls',
    ],
  ])('one to many, seconds behind live: HLS: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      "the checkout button click has to be recorded before we redirect to stripe's domain, normal requests get killed by the navigation",
      'batched-posts',
    ],
    [
      "meters at remote sites sit behind cgnat so we can't reach them. they have to report their values in to our php/mysql host",
      'batched-posts',
    ],
    ['battery esp8266 wakes up every 10 min, sends one reading, goes back to deep sleep', 'batched-posts'],
  ])('devices and pages that report in, or send as they leave: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'greenhouse sensors already publish to mqtt. we want a browser dashboard showing the readings live; the dashboard itself never publishes',
      'sse',
    ],
  ])('what the system does today gives way to what is wanted: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('families of ordinary wording from the development pool', () => {
  it.each([
    [
      'push feed to the dashboard, server->client only. half the team wants protobuf, the other half says gzipped json is enough',
      'ask:binary',
    ],
    [
      'read-only live feed for our app. thinking msgpack or cbor to save bandwidth, but maybe plain text is fine, idk',
      'ask:binary',
    ],
    [
      "server->browser only, payloads are binary blobs. sse means base64 but free reconnect and no firewall drama, ws means native binary but we write reconnect. cant agree what's worth more",
      'ask:simplicity',
    ],
    [
      'server-streaming rpcs from node to the browser, strictly one way. could encode them as protobuf binary or as json, havent settled which',
      'ask:binary',
    ],
    [
      'trying to pick between ws and server sent events for the next project, what does it actually depend on',
      'ask:direction',
    ],
  ])('two answers offered as a choice, or a team that cannot agree, are asked: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      "our microservices all talk rest+json to each other and it's getting slow, want streaming and typed contracts between them",
      'service-to-service',
    ],
    [
      'services call each other directly and one change breaks three others. want them to emit events that the others can subscribe to',
      'service-to-service',
    ],
    [
      'agents on our hosts push telemetry to the control plane and get commands back on the same long lived channel. all ours, mtls',
      'service-to-service',
    ],
    [
      'dozens of grpc microservices, we want server and bidi streams between them without sidecar proxies in the way',
      'service-to-service',
    ],
    [
      'quote service has to push prices to the risk engine continuously, both sit in our cluster. ws? sse? something else',
      'service-to-service',
    ],
  ])('services among themselves: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    ['want two people to see and hear each other straight from the browser, no app install', 'webrtc'],
    [
      'video between two clients relayed through our server adds a noticeable lag, we want them connected to each other directly',
      'webrtc',
    ],
    ['clubhouse style audio rooms in the browser, anyone can host a room and people talk in it', 'webrtc'],
    ['therapy sessions over video, once the delay passes ~300ms people start talking over each other', 'webrtc'],
  ])('people who see and hear each other: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    ['esports finals stream on our own site, viewers bail the moment it buffers. they only watch', 'hls'],
    ['need adaptive quality for viewers on every kind of connection, millions at once, nobody sends video back', 'hls'],
    [
      'church wants the sunday service live on the new website and to move off an expensive cdn to aws. the congregation just watches',
      'hls',
    ],
    [
      'lockdown moved all our services online, want the sermon stream on our site and on roku / apple tv, not only facebook live',
      'hls',
    ],
  ])('an audience that only watches a live event: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      "works fine on localhost but behind nginx the progress events land in one big clump at the end. it's a receive only stream, do we rewrite it in ws??",
      'sse',
    ],
    [
      'a partner reads our risk alerts stream through cloudfront and gets them late in chunks. nothing flows back from them on that connection',
      'sse',
    ],
  ])('a stream that is no video, whatever carries it: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'field monitoring portal: thousands of sensors publish into redis, and the operators pages only visualise the values as they change',
      'sse',
    ],
  ])('devices that publish into a broker are not the page: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      "workspace app: who's online, teammates cursors, and every edit broadcast to the room as people make it",
      'websocket',
    ],
    [
      "web ui for a robot arm. it's not just display, we also send commands: dragging the sliders sends setpoints nonstop and live joint positions stream back",
      'websocket',
    ],
    [
      'white label auction rooms, thousands of bids/sec, each bidder needs a confirm in under 100ms and everyone sees the new high bid',
      'websocket',
    ],
  ])('one person\'s input reaching the others: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'page-exit event to /analytics/exit keeps getting dropped when people close the tab. fire and forget, we dont need any response',
      'batched-posts',
    ],
    [
      'rum script collects lcp, checkout button clicks and memory usage, it all has to reach our backend reliably, nothing comes back',
      'batched-posts',
    ],
  ])('the last send as the page goes away: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('more families from the development pool', () => {
  it.each([
    [
      'ops board refreshes every 30s and in flash sales we miss the spike, orders pile up before anyone notices. want numbers pushed the second they change, nobody clicks anything on it',
      'sse',
    ],
    [
      'newsroom wants minute by minute match updates on the article page, readers just keep the tab open, its all text',
      'sse',
    ],
    [
      'android app gets order events from us over a stream and every wifi to lte handoff we lose a couple. it never sends on that stream',
      'sse',
    ],
  ])('nobody acts on it, or values pushed as they change: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      "notification dropdown with an unread badge. mark-as-read gets batched and sent every now and then, that's the only thing going up",
      'sse',
    ],
    [
      'toasts when something finishes on the backend, build done, invite accepted etc. clicking one just opens a regular page',
      'sse',
    ],
    [
      'nextjs app on vercel so we cant host a socket server. ai chat where the user sends a prompt and the reply streams back',
      'sse',
    ],
  ])('the only thing going up, a prompt, a click that opens a page: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'greenhouse boards post their readings to our api, and the feeds page in the browser should show each one as it lands. that page itself is view only',
      'sse',
    ],
  ])('devices report to our api while a page only views: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'rocket league style car soccer in webgl, server is authoritative and every client streams its steering inputs up',
      'websocket',
    ],
    [
      'realtime html5 multiplayer, we need like 30-60 msgs/sec in each direction. post-and-wait request/response is way too slow',
      'websocket',
    ],
    [
      "enterprise spreadsheet: alice types in C2 while bob inserts a column, each has to see the other's change right away",
      'websocket',
    ],
    [
      'workshop board: two people editing the same spec should see each others edits near instantly. optimistic updates, simple locking as a fallback',
      'websocket',
    ],
  ])('every client sends its input up, or each sees the other: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'enterprise rollout: our numbers say ws connects for maybe 60-80% of corporate users, streaming a bit better, plain http basically always. need something that reaches everyone',
      'long-polling',
    ],
  ])('something that reaches everyone: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'competitive shooter in the browser, a position from 200ms ago is worthless. we want fire and forget packets, not tcp holding everything hostage',
      'webtransport',
    ],
    [
      'users hop between wifi and cellular mid session; we want the connection to migrate instead of dropping, with separate streams that dont block each other',
      'webtransport',
    ],
  ])('old positions are worthless, streams that do not block each other: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'wound care visits: the nurse needs a clear live picture of the wound and to talk with the patient while looking',
      'webrtc',
    ],
    [
      'obs pushes rtmp to us and we need to fan it out to hls.js and safari players at scale with only a couple of secs delay',
      'hls',
    ],
    ['world cup final, millions of viewers. a few seconds behind tv is fine, buffering is not', 'hls'],
  ])('a live picture, video ingest, behind tv: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'analytics lib should ship what it collected as late as possible, right when the user leaves, without the browser cancelling the request',
      'batched-posts',
    ],
    ['we lose 20-30% of session data because users rage quit or close tabs before our fetch finishes', 'batched-posts'],
    [
      'alarm panel boards PUT a tiny json to our endpoint whenever a door or window sensor flips, retrying if it fails',
      'batched-posts',
    ],
    [
      'battery sensors out in the field, keeping a websocket open on them is a non starter becuase they just report a value now and then',
      'batched-posts',
    ],
  ])('users leaving, tabs closing, boards that put json to our endpoint: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('words that name one thing in one place and another elsewhere', () => {
  it.each([
    [
      'our ai chat ui streams answers over sse but behind nginx they arrive in one lump at the end. should we switch to websockets?',
      'sse',
    ],
    [
      'our model gateway exposes chat completions with stream:true, the web playground needs to show the answer growing word by word',
      'sse',
    ],
  ])('an llm\'s chat is no chat between people: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      'conference livestream embedded on our site for people at home, two tracks, and viewers want to be able to seek back in time',
      'hls',
    ],
    ['hd audio conferences right in the browser, several participants speaking at once', 'webrtc'],
  ])('a conference streamed is an event; an audio conference is a call: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    [
      "online card game: show 'opponent is typing' in the match chat, next to the moves both players are already sending",
      'websocket',
    ],
    [
      'co-op browser game with a relay server that just forwards each players messages to the others as they happen',
      'websocket',
    ],
  ])('players and opponents are clients that send: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    ['mobile sdk keeps crashes and logs offline and uploads them once the phone is back online', 'batched-posts'],
  ])('crash reports and logs a client ships are telemetry: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('wording written for these tests, in no evaluation set', () => {
  it.each([
    [
      'we render a gantt chart that several people look at; the planner service recalculates and the chart should redraw when it does. nobody edits from that view',
      'sse',
    ],
    ['the ml job emits metrics every few seconds and a notebook-like page plots them live', 'sse'],
    [
      'live quiz app: the host reveals questions and contestants tap answers, leaderboard updates instantly',
      'websocket',
    ],
    ["the phone app streams the rider's location to us every second and gets the driver's location back", 'websocket'],
    ['the smart fridge browser is ancient: no websocket, no eventsource, just xhr', 'long-polling'],
    ["the city council meeting is streamed to residents on the website, a 15 second delay doesn't matter", 'hls'],
    [
      'some hotel wifi networks kill long connections and websockets, we need live notifications to still work there',
      'long-polling',
    ],
    [
      'our scheduler notifies the worker fleet about new jobs and the workers report status back to it, all internal',
      'service-to-service',
    ],
    [
      "translation service returns partial transcripts that should appear on the caption panel as they're produced",
      'sse',
    ],
    ['a countdown and live bid count on a product drop page, purchases happen through checkout as usual', 'sse'],
    ['we broadcast match events (goals, cards) to the match center page, readers never send anything', 'sse'],
    [
      "we're porting a desktop multiplayer card game to the browser, turns and chat both go through the server",
      'websocket',
    ],
    ["figjam-style sticky notes: people drag notes around and everybody's view follows along", 'websocket'],
    [
      'one of our enterprise clients proxies everything through a bluecoat box that breaks sse and ws alike',
      'long-polling',
    ],
    [
      'we stream sensor frames where a late frame is worse than a missing one, browser side, any ideas beyond websockets?',
      'webtransport',
    ],
    ['a karaoke app where friends sing together live from their browsers', 'webrtc'],
    ['our school livestreams graduation to families, maybe 3000 viewers, some lag is fine', 'hls'],
    ['product launch event streamed live to our whole customer base, tens of thousands, replay afterwards', 'hls'],
    ['the dispatcher assigns jobs to drivers in the app and drivers accept or reject them right away', 'websocket'],
    [
      'celery workers should get new tasks pushed from the django backend instead of polling redis',
      'service-to-service',
    ],
    ['in-browser two-way radio for field teams, press to talk', 'webrtc'],
    ['order tracking page: restaurant accepted, courier on the way, delivered', 'sse'],
    [
      'we want live collaboration someday but for now just notifications, not sure which to build first',
      'ask:direction',
    ],
    [
      'one-way feed to the dashboard. we go back and forth on whether reconnect handling is worth avoiding binary',
      'ask:binary',
    ],
    ["live location sharing between users is on the roadmap, or maybe just a static map, we'll see", 'ask:direction'],
    ['live commentary text for a football match, fans read along', 'sse'],
    ['the admin can push config changes to devices and devices send acks back instantly', 'websocket'],
    ['our iot dashboard also needs to send commands to the devices and see acks immediately', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('a flow down and a flow up', () => {
  it.each([
    // Up and down together are both ways.
    [
      'robot sim multiplayer: each client pipes its controller inputs to an authoritative server, server simulates and broadcasts state to everyone at a fixed tick',
      'websocket',
    ],
    ['the browser and the server both send messages constantly', 'websocket'],
    // Up with nothing coming back is one way up.
    ['thermostats send one temperature reading every few minutes to the cloud and nothing comes back', 'batched-posts'],
    [
      'the app queues user actions offline and flushes them to the server when back online, nothing comes back',
      'batched-posts',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('people answering, and each other', () => {
  it.each([
    // A player who answers sends; offers and answers between browsers are signalling.
    [
      'for the p2p video calls we still need a channel to pass offers, answers and ice candidates between the two browsers before media flows',
      'websocket',
    ],
    ['building a small video + voice chat for our tutoring site, tutor and student face to face', 'webrtc'],
    ['driver and rider both see each other moving on the map during the trip, positions flowing every 3s', 'websocket'],
    [
      'four internal microservices need to stream data to each other with typed contracts. none of them is a browser',
      'service-to-service',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('words in any of their forms', () => {
  it.each([
    // A word matches its own forms ("editing"), not longer words that start like it ("authoritative" is no "auth").
    [
      'robot sim multiplayer: each client pipes its controller inputs to an authoritative server, server simulates and broadcasts state to everyone at a fixed tick',
      'websocket',
    ],
    // "uploads" in the vocabulary is the verb in any form, and "the upload" is a noun, not the client sending.
    ['mobile sdk keeps crashes and logs offline and uploads them once the phone is back online', 'batched-posts'],
    [
      'after the upload the server transcodes the file and we want a percent bar filling up live. the browser never says anything back on that channel',
      'sse',
    ],
    // "maybe" before a rate is a rough figure, not an undecided payload.
    [
      'ops posts a banner message maybe every few minutes, purely server -> browser. i set up sticky sessions for socket.io just for this and regret it',
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });
});

describe('undecided is asked, not answered', () => {
  it.each([
    ['should our notifications thing be ws or sse? we might let people reply inline later, undecided', 'ask:direction'],
    [
      "the server pushes camera snapshots to the page, or maybe just metadata and a link to the image, haven't decided",
      'ask:binary',
    ],
    [
      'one-way feed from the server to the dashboard; payload format is still being argued between protobuf and json',
      'ask:binary',
    ],
    // "Not sure yet" reaches back over the whole list it ends; the flow down does not settle what is left open.
    [
      'our grpc backend has to reach web clients live. some rpcs are bidi streams, some only push, not sure yet which ones we expose',
      'ask:direction',
    ],
    [
      'telemetry subscriptions from our server into browser plots. maybe json, maybe packed binary frames for speed, undecided',
      'ask:binary',
    ],
  ])('"%s" → %s', (text, expected) => {
    expect(pickOf(text)).toBe(expected);
  });

  it('a domain word no seed take covers does not decide alone', () => {
    expect(pickOf('something live for our viewers, ws or sse?')).toBe('ask:direction');
  });
});

describe('conditions that name both ends, and live media', () => {
  it.each([
    // Both ends named as services: service to service, whatever flows.
    [
      'the stream here is between the billing worker and the ledger service, both ours. ws or sse?',
      'service-to-service',
    ],
    // A frontend server is a server, not a browser.
    [
      'our search backend streams partial results to the frontend server over homemade sse; both ends are ours',
      'service-to-service',
    ],
    // Many viewers of a live event: HLS.
    ['broadcasting the company all-hands to 20k employees, a 10-20 second delay is fine', 'hls'],
    ['our church wants the sunday service live on the website for a few thousand viewers', 'hls'],
    // Signalling for calls is small text messages, not the media.
    [
      'signalling for our 1:1 video calls: peers swap offers and ice candidates through our server, back and forth quickly',
      'websocket',
    ],
    // An "ai chat" is an LLM answering, and what they have today (SSE) is not what decides.
    [
      'our ai chat ui streams answers over sse but behind nginx they arrive in one lump at the end. should we switch to websockets?',
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it.each([
    // Signalling is small text messages exchanged both ways, not the media.
    [
      'before the call starts the two phones just need to swap sdp offer/answer and ice candidates through our server. what carries that?',
      'websocket',
    ],
    [
      'pair-coding rooms: the video is already peer to peer, this ticket is only the server that relays join / offer / candidate messages between peers',
      'websocket',
    ],
    // Live audio is media whoever receives it, a recogniser too (the data's WebRTC entry: "if live audio or video
    // is sent"); a transcription job's progress is text.
    [
      'can our whisper.cpp server take a live audio feed and push recognised text back on the same persistent connection as it goes?',
      'webrtc',
    ],
    [
      "transcription jobs run in the background (whisper). ui needs 'queued → transcribing → done' updates pushed, user never interacts with the job",
      'sse',
    ],
    // People speaking, a webcam or a screen live to a few: media.
    [
      'go teacher and student want to speak during the lesson right inside the site instead of a separate app',
      'webrtc',
    ],
    ['webcam live to a handful of people, like 1-10, and they need to see it near instantly', 'webrtc'],
    [
      "i'm sharing my desktop live with a couple of coworkers and the stream lags behind what i'm doing. they need to see it now",
      'webrtc',
    ],
    // A live feed of posts is no medium.
    ['page is mostly a live feed but people sometimes hit like or mark-as-read, maybe once a minute at most', 'sse'],
  ])('media or messages: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it('a camera mentioned in passing is no live video to stream', () => {
    expect(pickOf('a progress bar for a video export job')).toBe('sse');
  });
});

describe('robustness', () => {
  it('reads a 40,000-character adversarial text in well under a second', { timeout: 1000 }, () => {
    const nasty = `${"no not never can't without ".repeat(300)}${'a'.repeat(5000)} ${'chat dashboard '.repeat(1000)}${'-'.repeat(3000)}${'users never send '.repeat(400)}`;
    const text = nasty.repeat(Math.ceil(40_000 / nasty.length)).slice(0, 40_000);
    expect(text.length).toBe(40_000);
    const { view } = advisor.understand(text);
    expect(['question', 'verdict']).toContain(view.kind);
  });

  // Found by the fuzz suite: wink-nlp's URL pattern backtracked on a long run without spaces, and one signed
  // /realtime of `<https://9.afr>` ×2,700 blocked the process for about 73 s before the ack.
  it.each([
    ['a run of URLs without spaces', 'https://9.afr'.repeat(3000)],
    ['channel markup read as text', '#CFUZZ'.repeat(6500)],
    ['tildes', '~s~'.repeat(13_333)],
  ])('reads %s of about 40,000 characters in well under a second', { timeout: 1000 }, (_name, text) => {
    const { view } = advisor.understand(text);
    expect(['question', 'verdict']).toContain(view.kind);
  });

  it('asks rather than guesses when a text says nothing it can use', () => {
    for (const text of ['what should we have for lunch', 'refactor the billing module', ''])
      expect(pickOf(text)).toBe('ask:direction');
  });
});

describe("the seed's own situations", () => {
  it.each(
    [...websocketVsSse.quickTakes, ...websocketVsSse.situationalPicks]
      .filter((e) => !['binary-frames', 'proxies-and-reconnect'].includes(e.id))
      .map((e) => [e.situation, e.pick] as const),
  )('"%s" → %s', (situation, pick) => {
    expect(pickOf(situation)).toBe(pick);
  });
});

describe('the legacy table (written before the matcher, never tuned against)', () => {
  const hits = heldOutCases.filter((c) => {
    const answered = kindOfView(advisor.understand(c.situation).view);
    return outcomeOf(c.expected, answered.kind, c.ask, answered.ask) === 'right';
  }).length;
  it(`reports its hit rate against the answer kinds (now ${hits}/${heldOutCases.length})`, () => {
    console.log(`legacy table against the answer kinds: ${hits}/${heldOutCases.length}`);
    expect(hits / heldOutCases.length).toBeGreaterThanOrEqual(0.7);
  });
});

describe('calibration: a cue read out of its place decides nothing (round 3 held-out, retired into development)', () => {
  it.each([
    // "video, chat" are two clauses, not a video chat: the viewers just watch, so a broadcast.
    [
      'viewer page for creators going live: thousands of concurrent viewers just watch the video, chat is its own thing already',
      'hls',
    ],
    // "audience (the voting kind": the parenthesis opens another clause; the voters click once.
    [
      'live poll app for a stream audience (the voting kind of poll lol). results page does an http request twice a second. voters click once, tallies should flow out live',
      'sse',
    ],
  ])('a phrase stays inside one clause: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it('what they have today sets no condition: long polling "today" is what they want to leave, not a constraint', () => {
    const { summary } = read(
      'agent replies come back via long polling today, the whole message at once. want token by token output in our web widget like chatgpt does',
    );
    expect(summary.conditions.map((c) => c.id)).not.toContain('no-streaming');
    expect(summary.verdict?.pick).toBe('sse');
  });

  it('a standing fact about the network holds whatever its tense', () => {
    const { summary } = read(
      "our host doesn't support websockets at the moment, and we only need to push subscription results down to the client",
    );
    expect(summary.conditions.map((c) => c.id)).toContain('no-websocket');
  });

  it('a text that says it is torn leaves open the question it is torn over', () => {
    expect(
      pickOf(
        'backend renders to binary and we push it one way to the page. base64 inside sse keeps it plain http (gzip eats most of the bloat) vs raw frames on a socket, torn',
      ),
    ).toBe('ask:simplicity');
  });

  it('a constraint said directly is not made moot by one domain word: with the direction left open, it decides', () => {
    // "logs" alone would make it a feed, and a feed needs no websockets; the person named the block because it matters.
    expect(
      pickOf(
        "some customers' corporate firewalls block the socket, the browser just logs 'too many missed heartbeats' and no data shows. need a plan b for those people",
      ),
    ).toBe('long-polling');
    // Said directly, the direction still decides, and the constraint is moot.
    expect(
      pickOf(
        'shop site: payment processed / order shipped toasts. last time we tried sockets the nginx upgrade config and heartbeats ate a week. nothing goes client to server',
      ),
    ).toBe('sse');
  });

  it('websockets said to be blocked, with no word of which way the data flows, decide for long polling', () => {
    const text =
      "our ops console dies behind one customer's proxy that strips the websocket upgrade, it has to keep updating for them";
    const { view } = advisor.understand(text);
    if (view.kind !== 'verdict') throw new Error(`expected a verdict, got the question ${view.question.id}`);
    expect(view.verdict.pick.id).toBe('long-polling');
    expect(view.understood?.conditions.map((c) => c.id)).toContain('no-websocket');
    // The direction was not the person's to answer here: the other answers are offered, each with what it gives.
    const offered = view.verdict.alternatives.map((a) => `${a.name} ${a.when}`);
    expect(offered).toEqual(
      expect.arrayContaining([
        'Server-Sent Events if direction: Server → client only',
        'Batched HTTP POSTs if direction: Mostly client → server (telemetry, uploads)',
      ]),
    );
    expect(view.verdict.alternatives.find((a) => a.id === 'websocket')?.reason).toMatch(/^Were the answer "Both ways/);
    // One-way, said directly, needs no WebSocket: the block is moot (the reader's rule; the learned second opinion
    // may still ask about the payloads, which would make it a WebSocket after all).
    const oneWay = readerAlone.understand(`${text}. the console only listens, it never sends anything`).view;
    expect(oneWay.kind === 'verdict' && oneWay.verdict.pick.id).toBe('sse');
  });

  it('"depends on whether" leaves open the question it hangs on', () => {
    expect(pickOf('whether we need websockets depends on if users will reply in the chat later')).toBe('ask:direction');
  });

  it('an occasion named alone is no live media, and a client who acts once sends rarely', () => {
    // "keynote" names when the poll runs, not a video; attendees who vote once are rare client events.
    const { summary } = read(
      'we run a live poll during the keynote; attendees vote once and the results update on the big screen',
    );
    expect(summary.conditions.map((c) => c.id)).not.toContain('live-media');
    expect(summary.verdict?.pick).toBe('sse');
  });

  it('one statement alone against domain words of several kinds is asked, naming both sides', () => {
    // "users type" alone says both ways; an LLM's tokens and "push" say server to client: in a chat with a model, the
    // typing is the prompt. Written for this test, in the wording of the pool's LLM rows.
    const text = 'chatgpt style token streaming to the page, we push each token; users type';
    const { view, reading } = readerAlone.understand(text);
    expect(view.kind === 'question' && view.question.id).toBe('direction');
    expect(reading.conflicts.direction?.sides.map((s) => s.option)).toEqual(['both-ways', 'server-to-client']);
    // Supported by a second cue, the statement stands.
    expect(
      pickOf(
        'bidding engine has to take thousands of concurrent bids per lot and push the new price + next min bid to everyone within a round trip',
      ),
    ).toBe('websocket');
  });

  it.each([
    // Not caring about order or guaranteed delivery is asking for datagrams.
    [
      'every game state update supersedes the last, so we dont care about order or guaranteed delivery, only speed. client is a browser',
      'webtransport',
    ],
    // A live player is video, not a game's player; a broadcast to viewers with no interaction goes one way.
    ["our live player is ~20s behind, can it get under 10? it's a broadcast to viewers, no interaction", 'hls'],
  ])('round 4 development: "%s" → %s', (text, pick) => {
    expect(pickOf(text)).toBe(pick);
  });

  it('a browser that sends batches uploads, it does not talk both ways (round 4 development)', () => {
    expect(
      pickOf(
        'site search and click telemetry fire one request per event, dozens a second. buffer them in the browser and send batches instead',
      ),
    ).toBe('batched-posts');
  });

  it('a statement with a choice inside it asks its question (round 4 development)', () => {
    expect(
      pickOf(
        'my bot already gets the order book over the socket. should i place orders over that same connection or stick with rest calls',
      ),
    ).toBe('ask:direction');
  });
});

/**
 * Round 5's misses, by family (issue 9). Every sentence here is written in new words for these tests, copied from
 * no evaluation row: each says what a round-5 miss said, in wording none of the rounds uses.
 */
describe('round 5 families: wrong picks become the right pick or a question', () => {
  it('security software that holds a stream back is a network that refuses the stream: long polling', () => {
    expect(
      pickOf(
        'our deploy progress view is an eventsource feed, but bitdefender on some office laptops sits on the response and nothing shows for minutes. we need a way around it',
      ),
    ).toBe('long-polling');
    expect(
      pickOf(
        'the quiz timer page reads a text/event-stream, and a company proxy delays every event until the buffer fills. could we do without the streamed response?',
      ),
    ).toBe('long-polling');
  });

  it('a stream that looks unreliable through the network is a stream refused, not datagrams wanted', () => {
    expect(
      pickOf(
        'the stock alerts use eventsource, which acts up behind certain corporate proxies; we want a fallback for clients whose stream seems unreliable',
      ),
    ).toBe('long-polling');
  });

  it('a websocket killed by a filter, with a fall back to plain requests, is long polling', () => {
    expect(
      pickOf(
        'remote build console in the browser over ws, yet the hotel wifi filter kills the ws connection. could it fall back to ordinary xhr requests there?',
      ),
    ).toBe('long-polling');
  });

  it('every viewer watching a live feed in the browser is a broadcast, not a call', () => {
    expect(
      pickOf(
        'a teacher sends her camera from obs and each viewer is supposed to watch it in a browser tab. sending the raw feed to every viewer will not scale',
      ),
    ).toBe('hls');
  });

  it('readings stored on the device and sent in batches are uploads, however constant the scanning', () => {
    expect(
      pickOf(
        'tablets continuously log bluetooth beacons and post each one to our api. far too chatty, we would rather keep them on the tablet and upload them in batches',
      ),
    ).toBe('batched-posts');
    expect(
      pickOf(
        'the watch app posts a heart rate sample every second; instead we want to queue samples and send a list every ten minutes',
      ),
    ).toBe('batched-posts');
  });
  it('"live" beside players is no live video: "live player" is one word pair, side by side', () => {
    expect(pickOf('trivia night app: buzzers, scores and taunts all go live between players')).toBe('websocket');
  });

  it('"event streaming" named as a kind of thing, with two technologies suggested, is a question, not a flow', () => {
    expect(
      pickOf(
        "the home hub's web page wants event streaming from our go service. a coworker pitched grpc-web, another pitched socket.io. which one?",
      ),
    ).toBe('ask:direction');
  });
  it('round 5 missed decisions, in new words: each was asked before and is decided now', () => {
    // records pushed to consumers that are services of ours: service to service
    expect(
      pickOf(
        "our queue's subscribers are internal backend services pulling over grpc streams. does pulling need a long-lived connection or plain calls",
      ),
    ).toBe('service-to-service');
    // something shared that everybody moves about and sees, or that is synced between everyone: both ways
    expect(
      pickOf(
        'a teacher and pupils in one class move magnets around a shared map and everybody has to see it right away',
      ),
    ).toBe('websocket');
    expect(
      pickOf('orchestra rehearsal tool where annotations on the score are synced between everyone in real time'),
    ).toBe('websocket');
    // people who do not interact only read: one way
    expect(
      pickOf('museum lobby screen shows a running visitor count as each one enters; onlookers dont interact with it'),
    ).toBe('sse');
    // some messages "sent unreliably" over HTTP/3 want datagrams
    expect(
      pickOf(
        'handheld scanners hop between store wifi and 4g all day; the session has to live through the switch and some updates sent unreliably. http/3 is already on our load balancer',
      ),
    ).toBe('webtransport');
  });
  it('a network where only outgoing https is dependable refuses streams, and a filmed race with picture quality is live media', () => {
    expect(
      pickOf(
        'the go client runs inside office networks whose proxies reject websockets or drop them after some minutes; only outbound https to port 443 is dependable there',
      ),
    ).toBe('long-polling');
    expect(
      pickOf(
        'we stream a triathlon to thousands of viewers on any device; trailing 15 seconds is fine, image quality matters most',
      ),
    ).toBe('hls');
  });
  it('a client that does nothing "except maybe" one tap sends rarely, and a lost message not worth resending wants datagrams', () => {
    expect(
      pickOf(
        'parcel locker page: the door state goes reserved -> loaded -> collected and the courier dot moves on a map. the recipient does not do anything there except maybe press refresh',
      ),
    ).toBe('sse');
    expect(
      pickOf(
        'browser shooter sends its aim every frame, and a dropped frame of aim is not worth resending since the next one replaces it. plain client to server, no peers',
      ),
    ).toBe('webtransport');
  });
  it("an LLM's tokens come down though a terminal is named; going live from a phone, or an m3u8 channel, is a broadcast", () => {
    expect(
      pickOf(
        'fastapi + a local mistral, the words print nicely in my shell terminal. how do i make the tokens show up on the web page one by one?',
      ),
    ).toBe('sse');
    expect(
      pickOf(
        'a periscope-like app where a host goes live from her phone to crowds of subscribers; bunny cdn in front, we need the middle part',
      ),
    ).toBe('hls');
    expect(
      pickOf(
        'we want to put a live sports channel on our portal with hls.js for desktop and phone viewers; the provider hands us an m3u8',
      ),
    ).toBe('hls');
  });
  it('typed arrays are binary, and photos leave open whether the payload is binary (asked, not assumed text)', () => {
    expect(
      pickOf(
        'a matlab job computes matrices of doubles and the browser should receive them as float32array buffers, not json strings. roughly 300 KB each update',
      ),
    ).toBe('websocket');
    expect(
      pickOf(
        "greenhouse cam on a pi zero: the page fetches a photo every few seconds; we'd rather the server push each new photo, the grower only looks",
      ),
    ).toBe('ask:binary');
  });
  it('a delay "ok for viewing" is a broadcast; "nobody has written down" is no statement about sending; a screencast with sound is live media', () => {
    expect(
      pickOf(
        "our srt ingest reaches fans' video players about 12 seconds late. that's ok for viewing, we'd just like it somewhat lower",
      ),
    ).toBe('hls');
    expect(
      pickOf(
        "the lead wants the admin panel on websockets instead of sse 'just in case'. nobody has written down what data flows over it. opinions?",
      ),
    ).toBe('ask:direction');
    expect(
      pickOf(
        'we record a kiosk browser tab on the server and want to show it live to one operator, with sound, within ~120ms. our png screencast through a socket falls behind',
      ),
    ).toBe('webrtc');
  });
  it('"never" alone before a click or an input says nothing comes back (the alternatives "nobody|no one|never" had a space inside)', () => {
    expect(
      pickOf('the reception screen updates from our api; never a single click or input from anyone in front of it'),
    ).toBe('sse');
  });
});

/**
 * Pools 2 and 3 and round 7's development half (issue 9): directions said plainly in words the reader did not know.
 * Read by the reader alone, so the learned second opinion cannot fill in what the vocabulary misses.
 */
const readerPickOf = (text: string) => {
  const { view } = readerAlone.understand(text);
  return view.kind === 'verdict' ? view.verdict.pick.id : `ask:${view.question.id}`;
};

describe('pools 2 and 3: a direction said plainly, in words the reader did not know', () => {
  it.each([
    // A flow to the receiver is not cut short by the shorter hint "to the browser" inside it.
    ['the new rows go out to the browser tab', 'sse'],
    // The other direction, named as empty.
    ['the lobby screen gets new entries; nothing travels the other direction', 'sse'],
    ['our lobby screens are listen only', 'sse'],
    // Both ways: "and the other way round", input going up and output coming back.
    ['when i drag a shape my colleague sees it move, and the other way round', 'websocket'],
    ['each move goes up to the referee and the ruling is pushed back', 'websocket'],
    // Only up: "keep it alive" about a request is no heartbeat.
    [
      'the last click event is lost when users close the page. events only flow up to our ingest api, how do we keep it alive',
      'batched-posts',
    ],
    // A browser named by its short name, or said not to have the feature.
    ['order events go to the floor ui, but staff on ie have nothing that can hold a stream', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 3: a client that only sends, said without the words "telemetry" or "upload"', () => {
  it.each([
    // What is measured about the client, sent in by it.
    ['browsers send the timings in, a cron job reads the table', 'batched-posts'],
    // No reply needed, read or awaited: nothing comes down.
    ['the watch app never needs a reply; it uploads heart rate every minute', 'batched-posts'],
    ['the page never waits for a response from our collector', 'batched-posts'],
    // From the client to our backend, by arrow.
    ['crash dumps from the desktop app -> our endpoint', 'batched-posts'],
    // "just relays … up" is no "just watch" ("readings" is no form of "read").
    ['the phone just relays soil readings up, it doesnt need anything sent to it', 'batched-posts'],
    // Nothing comes back to the device that reports: the flow is up, not down.
    ['weights end up in our database for the weekly chart, nothing comes back to the scale', 'batched-posts'],
    // A phone that queues is no backend queue.
    ['the phone queues scans offline and flushes them to our api when it docks', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 3: both ends ours, said without "service to service"', () => {
  it.each([
    ['all billing svcs of ours, no humans involved', 'service-to-service'],
    ['it is all server side: the ledger and the mailer', 'service-to-service'],
    ['zero browsers here, the collectors just need the stream', 'service-to-service'],
    ['our crm server talking to theirs whenever a lead changes', 'service-to-service'],
    ['cache invalidations between our api instances', 'service-to-service'],
    ['the indexer forwards batches to backend shards and wants acks', 'service-to-service'],
    ["our billing service needs to follow the ledger's changes as they happen", 'service-to-service'],
    ['the scheduler runtime should talk to our worker endpoints over a stream', 'service-to-service'],
    // "in the picture" is no picture sent.
    [
      'the exporters publish counters and our alerting daemons consume them; no screens in the picture',
      'service-to-service',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 3: a big audience that watches, said without "thousands of viewers"', () => {
  it.each([
    // A crowd named after the broadcast; a delay that is "whatever".
    ['the graduation goes out on video to 8k families, 15 seconds behind is whatever', 'hls'],
    // Watching an occasion is watching its video; "late is fine" is a delay that is fine.
    ['~20k fans watching the derby in the app, a few seconds late is fine', 'hls'],
    ['quarterly investor webcast, a surge of viewers right at the start', 'hls'],
    ['one mixed camera program that online viewers watch; chat is elsewhere', 'hls'],
    ['we want to broadcast the town meeting on camera for residents to watch', 'hls'],
    // A webinar is an occasion even on a "webinar platform".
    ['webinar platform: the large audience only watches, a few seconds of delay is fine', 'hls'],
    // Segments and chunks are how a broadcast is served.
    ['the drone camera speaks rtsp; restream it as segments so the browser can play it', 'hls'],
    ['the encoder cuts the live video into chunks on plain http', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 3: a screen that changes as things happen, said without "push" or "stream"', () => {
  it.each([
    ["parcel status should flip on the buyer's screen as it happens", 'sse'],
    ['the lobby board should keep itself current all day', 'sse'],
    ['the ticket list should move along on its own when agents close tickets', 'sse'],
    ["new tickets should land on the dispatcher's tablet within a second", 'sse'],
    ['patients should watch their place in line go down', 'sse'],
    // Each one's strokes on the other's screen are both ways, however the screen is said to change.
    [
      "two kids drawing on the same board from two laptops, each line should show up on the other's screen",
      'websocket',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });

  it('"without a refresh" and "pops up the moment" are only hints: a chat that says them is not read as one way', () => {
    expect(readerPickOf('group chat, new messages should pop up the moment they are sent')).not.toBe('sse');
    expect(readerPickOf('our team chat goes stale until you hit F5')).not.toBe('sse');
  });
});

describe('pools 2 and 3: networks that buffer, scan or cut the stream, said without "firewall blocks"', () => {
  it.each([
    [
      "the bank's inspection appliances buffer our event stream before anything reaches the teller screens",
      'long-polling',
    ],
    ['their web gateway waits for the whole response to inspect it, so the live board never updates', 'long-polling'],
    [
      'at the depots every long-lived connection gets cut after ten seconds; drivers still need new routes fast',
      'long-polling',
    ],
    ['on the hotel wifi persistent connections just die; guests still need room service updates', 'long-polling'],
    ['the old proxy at the branch chokes on the upgrade and only basic request/response gets through', 'long-polling'],
    ['the event stream never gets through at the branch offices', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });

  it('sockets that die when a chat goes quiet are an idle timeout, not a network that refuses them', () => {
    expect(readerPickOf('chat users send messages all day, but sockets die when a chat goes quiet')).toBe('websocket');
  });
});

describe('pools 2 and 3, rounds 6 and 7: wrong picks from words read in the wrong sense', () => {
  it.each([
    // "when signal comes back" is the connection returning, not a reply.
    ['the sensor stores wave heights and sends them when signal comes back', 'batched-posts'],
    ['the tracker queues the scans on the tracker and flushes them when it docks', 'batched-posts'],
    // Firmware that queues is a device, not a backend queue.
    ['the trial firmware queues readings and uploads them to the lab server at midnight', 'batched-posts'],
    // Keys going back to what is watched: both ways.
    ["rover readings go to the page and keypresses go back to the rover's control loop", 'websocket'],
    // Best effort, retransmits that lag, a newer one anyway: datagrams.
    ['racing ghosts: if a position goes missing who cares, the next one is newer anyway', 'webtransport'],
    ['tick updates for the arena, best effort is fine, stale ones can go', 'webtransport'],
    ['tcp retransmits make the whole arena lag behind', 'webtransport'],
    // A voice conversation is a call, not two-way data.
    ['the doorbell board and a phone browser should hold a two-way voice conversation', 'webrtc'],
    // A wide audience with a delay that is plenty.
    ['video from the lab cam to a wide audience, 20s of delay is plenty', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 3: who acts and who only carries', () => {
  it.each([
    // A proxy that batches is no upload in batches.
    ['the proxy keeps batching the log lines so they land in one lump; lines only go to the browser', 'sse'],
    // Everyone acting on one shared thing, strokes from whoever draws: both ways.
    ['everyone annotates the shared map at once during the drill', 'websocket'],
    ['the stroke comes from whoever is drawing and every view renders it', 'websocket'],
    // Sending said to go through plain requests outweighs a broadcast to the room.
    ['votes go in through our normal REST api; the live part is only broadcasting tallies to the room', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('of two phrases of one length on one question, the statement is read, not the hint inside it', () => {
  it('"the worker … tell the ui" is a flow down, not only the hint "to … the ui"', () => {
    expect(readerPickOf('want the worker to tell the ui when a report lands')).toBe('sse');
  });
  it('"havent worked out what the phones send back" leaves the direction open', () => {
    expect(readerPickOf('quiz app: havent worked out what the phones send back besides answers')).toBe('ask:direction');
  });
});

describe('round 6: a page told when something happens, said without "push" or "notify"', () => {
  it.each([
    ['customers should get a heads-up in the app when a build fails', 'sse'],
    ['would rather the tabs hold one connection open and hear when exports finish', 'sse'],
    ["want to flash 'payment received' to the user when the bank confirms", 'sse'],
    ['the booking page should get new slots shoved at it', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 2, round 6: uploads and backends said in other verbs', () => {
  it.each([
    ['the sensors fire a request per measurement at our api', 'batched-posts'],
    ['the widget logs clicks; we want them buffered and flushed every minute', 'batched-posts'],
    ['the registry should tell our services when a node joins', 'service-to-service'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 2, round 6: a form submit, a json blob, formats being weighed', () => {
  it.each([
    // Bids sent by a form submit are rare client events: the page only listens.
    ["the lot page should flash 'outbid' the instant someone bids. bidding itself is just a form submit", 'sse'],
    // A json blob is text.
    ['server sends a small json blob with the tally every few seconds', 'sse'],
    // "weighing msgpack instead of json" leaves the format open.
    ["backend pushes rows to the grid, we're weighing msgpack instead of json for them", 'ask:binary'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 3: "could be …, could be …" leaves the question open', () => {
  it.each([
    ["the brief says 'make it live'. could be alerts, could be shared editing, which transport?", 'ask:direction'],
    ['could mean notifications, could mean people typing together', 'ask:direction'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: broadcasts named by their format, audiences counted or late', () => {
  it.each([
    // An audience counted in the thousands, or "concurrent", that only watches a live picture is a broadcast.
    ['for the seminar, hundreds more should just watch the stage audio, that is all they do', 'hls'],
    ['ffmpeg live transcoding for ~400 simultaneous watchers on one vm', 'hls'],
    // Viewers who see it later, and "only a broadcast", say a delay is fine.
    ['our obs output reaches viewers who see it a minute later; only a broadcast, so trimming that is enough', 'hls'],
    ['a podcast taping with heaps of listeners tuning in, they never talk', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: both ends ours, said as where they run or what they are', () => {
  it.each([
    // Where both run ("same cluster", "all in-cluster") or what both are ("both are rust daemons") is backend only.
    [
      'the scheduler wants to hear from the runner when a step ends; both are rust services in one vpc',
      'service-to-service',
    ],
    ['the pricing engine pushes new rates to each partner; their backends, never a browser', 'service-to-service'],
    ['stock service emits reservation changes for the others to consume, instead of polling', 'service-to-service'],
    // "react to" is a verb here, not the frontend library.
    ['audit, search and mailer services react to every signup event as it happens, all backend', 'service-to-service'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: data kept on the device and sent up later, or all at once', () => {
  it.each([
    // Kept offline and synced or flushed later is an upload, not two services or a conversation.
    [
      'inspectors fill checklists in the barn; entries queue up and sync to the server once there is coverage',
      'batched-posts',
    ],
    [
      'delivery drivers snap proof photos offline and the queue flushes up to our api when they reconnect',
      'batched-posts',
    ],
    ["the till app posts the day's sales in one go after closing, json", 'batched-posts'],
    // Readings that land in a backend go up; "nothing live comes back" says nothing comes down.
    ['two esp8266 boards in the shed, their samples should be landing in our grafana backend', 'batched-posts'],
    [
      'the wristband sends a battery heartbeat to our endpoint every few minutes; nothing live ever comes down',
      'batched-posts',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: old clients and networks where only plain requests get through', () => {
  it.each([
    // Old IE by version, an outdated engine, an EventSource one cannot rely on: a legacy client.
    ['the intranet still runs on ie8 desktops and they need the alert banner pushed to them', 'long-polling'],
    [
      'set-top boxes with an outdated browser engine; we cannot rely on eventsource being available. the ticker must update',
      'long-polling',
    ],
    // An upgrade that stalls while plain requests get through, and a request held until there is news.
    [
      'in the cad viewer the websocket upgrade stalls on guest wifi while regular xhr requests go through fine',
      'long-polling',
    ],
    [
      'the server holds every request until there is news, then answers. our clients cannot handle anything fancier',
      'long-polling',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: live pictures and voices said by codec, by steering, by talking out loud', () => {
  it.each([
    // A camera picture one steers by is a live call, not a stream of messages.
    [
      'the rover streams its camera picture to my tablet so i can pilot it remotely; steering commands go back',
      'webrtc',
    ],
    // A video codec named is live media.
    ["a doorbell pushes vp9 frames straight to the owner's browser, under 300ms or it is useless", 'webrtc'],
    // Speaking out loud and hearing a reply back is a conversation in voice.
    ['kids ask the tutor bot questions out loud in the browser and hear it reply back instantly', 'webrtc'],
    [
      'physio patients on a clinic tablet, still want in-browser calls with the therapist, what else is there?',
      'webrtc',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: a page left open, a backend that reports to a page', () => {
  it.each([
    // What the backend "should report" goes down to the page, not up from a device.
    ['video render farm: the backend should report % complete per frame to the job page', 'sse'],
    // A page left hanging (or left open) is not a visitor leaving it.
    [
      "we press export and it leaves the page hanging for a minute; we'd like percent-done updates dribbling back meanwhile",
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a page left open on a screen is not an upload as the visitor leaves', () => {
    expect(
      readerPickOf(
        'clinic staff leave the queue page open on a wall tv and each called name should appear with a beep, no reloading',
      ),
    ).not.toBe('batched-posts');
  });
});

describe('pools 4-6: passive screens, readers with nothing to do, polls that are no client messages', () => {
  it.each([
    // A screen said to be passive or dumb only watches.
    ['chess club lobby tv lists pairings as each round starts; that tv is a dumb display', 'sse'],
    ["the game lobby tv shows the next heat's racers; the screens are passive", 'sse'],
    [
      "multiplayer trivia host view: a 'live' switch so new answers slide in by themselves, spectators don't need to do anything",
      'sse',
    ],
    // Requests or polls the page fires today are not messages it sends.
    [
      'the ci web ui fires dozens of ajax polls for build results; results only ever go from the builder to the page',
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: people who press, draw at once, or steer back', () => {
  it.each([
    // Mashing buttons that the server must see is a client sending.
    [
      'buzzer round app: contestants mash buttons on their tablets and the host screen must know who was first, then shows the standings to everyone',
      'websocket',
    ],
    // Many drawing at once, strokes relayed to everyone: peers through the server.
    ['mural app: many students sketching at once on the board, strokes relayed to everyone instantly', 'websocket'],
    // Driving it back, or commands sent back, make the flow two-way.
    [
      'the rover sends lidar readings to my page and i drive it back with arrow commands, polling is too slow',
      'websocket',
    ],
    ['plant simulator feeds tank levels to browser panels and the panels send operator commands back', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4-6: a live picture wanted late on purpose is a broadcast', () => {
  it('a camera feed to everyone, delayed a few seconds on purpose → hls', () => {
    expect(
      readerPickOf(
        'our desk camera feed goes to everyone following the lecture and we need it delayed a few seconds for the interpreter',
      ),
    ).toBe('hls');
  });
});

describe('round 8, pools 4-6 (wrong picks first): signalling named in passing is no reason to drop the call', () => {
  it.each([
    // The call is what they build; the signalling is already there, run by something else.
    ['tutors and pupils should hold video calls in the browser; our node box already runs the signalling', 'webrtc'],
    ['family app: grandparents and kids see and hear each other on tablets, the signaling service is done', 'webrtc'],
    // Signalling that is the thing asked for, said as what it carries, still wants a WebSocket.
    [
      'for our video calls we must relay the sdp offers and ice candidates between the two browsers, what carries them?',
      'websocket',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('round 8 (wrong picks first): a show or a service of worship watched from home is a broadcast', () => {
  it.each([
    // A service of worship or a funeral is an occasion people watch, not a backend service.
    ['family members abroad want to watch the funeral service live from home, no one needs to talk back', 'hls'],
    // An audience watching from wherever they are, with low delay said to matter less than something else.
    [
      'the parish streams its memorial services online; members watch from wherever they are and steady picture beats low latency',
      'hls',
    ],
    // A show that goes out live, to fans who only watch, seconds behind.
    ['our comedy show goes live in the app, fans only watch and ten seconds behind is plenty', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('round 8, pools 4-6 (wrong picks first): what a backend is, where it runs, and who only watches it', () => {
  it.each([
    // Services talking inside the cluster, over an internal hop, are both ends ours.
    [
      'the invoice engine talks to the tax and currency microservices within our cluster; what should those internal hops use?',
      'service-to-service',
    ],
    // A web ui is a browser end, whatever daemon it talks to.
    ['the nas web ui asks its daemon for disk stats every few seconds; the ui only ever watches', 'sse'],
    // "No client messages" says what the client does not send, not that there is no client.
    ['demo app where the backend streams html fragments into a div, no client messages at all', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('calls between services are requests, not people calling each other', () => {
    // With browsers on the other side of the system, it asks rather than reading a video call.
    expect(
      readerPickOf(
        'the calls between our inventory and shipping services should move to grpc streams; browsers keep plain rest',
      ),
    ).not.toBe('webrtc');
  });
});

describe('round 8, pool 2 (wrong picks first): a shared tab, window or desktop is live media; keystrokes going in are sent', () => {
  it.each([
    // A tab or window shared in a meeting, with its sound, is live media between people.
    ['when a host shares a window in our meetings tool, the other attendees should get its sound too', 'webrtc'],
    // Seeing another person's desktop is a screen share, not chat messages.
    ["helpdesk staff need to view the caller's desktop while they chat, all in the browser", 'webrtc'],
    // Input said to go through, after what is read first, is a client that sends.
    [
      'remote shell page: reading the output comes first, but keystrokes going through to the host is what matters',
      'websocket',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 5, round 7 (wrong picks first): buffers of numbers are binary, lossy is a format, a batch handed down', () => {
  it.each([
    // Float or int buffers and blocks are binary data, not a proxy that buffers.
    ['the spectrum page receives 2MB of float buffers per sweep from our server', 'websocket'],
    ['the sonar console gets raw int16 blocks pushed to the browser many times a second', 'websocket'],
    // "Lossy" said of a format is compression, not datagrams.
    ["the export format is lossy, that's fine; the page just needs progress numbers pushed while it runs", 'sse'],
    // A batch handed to the page goes down: no upload.
    ['each render pass, the node hands a batch of previews to the page', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('rounds 4 and 7 (wrong picks first): a page that shows what devices report is fed, the devices upload behind it', () => {
  it.each([
    [
      "the ward page should plot every wearable's heart rate as it changes, the wearables report every few seconds",
      'sse',
    ],
    ['greenhouse dashboard displaying humidity from forty sensors, the sensors post a value each minute', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 6 (wrong picks first): a client with nothing to send back, and no old browsers, is still a browser fed one way', () => {
  it.each([
    // "Needs to send nothing back" is the client sending nothing, not the client receiving nothing.
    ['the ops page never needs to send anything back; it only lists job states', 'sse'],
    // "No old browsers" rules out old browsers, not browsers.
    [
      "the status board polls our api every few seconds and doesn't have to send anything, no old browsers to support",
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe("pools 3-5 (wrong picks first): a screen told or reacting is a display, a person's mic is live audio", () => {
  it.each([
    // A screen that is notified, or that reacts, shows data: no screen share.
    ['the backend should notify their screens whenever a booking changes, small json', 'sse'],
    ["kiosk game: the wall screen reacts live to every team's answers sent from their tablets", 'websocket'],
    // Someone's mic heard by others is live audio between people.
    [
      "in study sessions the pupils should hear the tutor's mic as well, while they type questions in a side chat",
      'webrtc',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 3, round 7 (wrong picks first): what a page long-polls today is what it does now, not a network that refuses streams', () => {
  it('a page that long-polls and times out, and only needs to hear of changes → sse', () => {
    expect(
      readerPickOf(
        'the ticket page long-polls our api and times out a lot; the browser only needs to hear when a ticket moves',
      ),
    ).toBe('sse');
  });
});

describe('pool 6 (wrong picks of the whole): a local queue replayed upstream, and "let alone" as a negation', () => {
  it.each([
    // Data kept in a local queue or log and replayed or synced later is an upload.
    ["field tablets keep a local log of readings and sync it upstream once they're back in range", 'batched-posts'],
    // "Barely X, let alone Y" says Y is not there either.
    [
      'our set-top boxes barely run js, let alone eventsource. they only show scores pushed from our server',
      'long-polling',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2-6 (wrong picks first): an undecided sentence of its own leaves open what came before it', () => {
  it.each([
    // "Nobody knows." or "we haven't scoped it yet." alone is about the sentence before it.
    ["the roadmap promises 'realtime collaboration' for our boards. nobody knows.", 'ask:direction'],
    ["tutoring app v1: shared notes? a chat? quizzes? we haven't scoped it yet.", 'ask:direction'],
    // A statement read from the undecided words on is undecided too.
    [
      "adding a 'notification hub': fan-out plus subscriber bookkeeping. we haven't settled whether subscribers ever send anything besides subscribing",
      'ask:direction',
    ],
    // Unsure about the encoding is the payload question left open.
    ['the sensor map page gets readings streamed from our backend, not sure about the encoding', 'ask:binary'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('an undecided sentence that names its own topic does not reach back: "not sure about X" is about X', () => {
    // The direction said plainly before it stays; only the payload is asked.
    expect(readerPickOf('the backend pushes lap times to every pit wall browser. not sure about the encoding')).toBe(
      'ask:binary',
    );
  });
});

describe('pool 2, round 5 (wrong picks first): pictures said without a format leave the payload open', () => {
  it.each([
    // A camera's latest still, or frames as they are grabbed, are pictures: text or binary is asked.
    ['doorbell page: show the newest still from the porch cam each time someone rings', 'ask:binary'],
    ["microscope rig: put the frames on the lab page as they're grabbed, one way only", 'ask:binary'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('state snapshots are data, not pictures', () => {
    expect(
      readerPickOf(
        'the physics sim sends world snapshots at 30hz; only the freshest counts and a dropped one is skipped',
      ),
    ).not.toBe('ask:binary');
  });
});

describe('rounds 4 and 8 (wrong picks first): a model that writes an answer is streamed down to the page', () => {
  it.each([
    // A model named, or said to be generating, is an LLM answer streamed down.
    ['mistral playground page: the reply should appear bit by bit while the model is generating', 'sse'],
    // A panel the model writes into is a page, not a device that sends.
    ['support widget on the docs site: answer pieces should land in the panel as the model writes them', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2 and 5 (wrong picks first): live video that an audience watches is a broadcast, even unsized', () => {
  it.each([
    [
      'the camera feed reaches our media server and fans watch it fine in a desktop player; how do they get it in a browser',
      'hls',
    ],
    [
      'our srt ingest works and people watch it in a media player; how do we get the same picture into ordinary web pages',
      'hls',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 4 and 5 (wrong picks first): readings are a noun, and "don\'t retransmit" wants datagrams', () => {
  it.each([
    // "Posts its state and readings": readings sent, not a client that also reads.
    ["we'd like the smart meter to post its state and readings on its own every few minutes", 'batched-posts'],
    // A late message dropped and not resent is unreliable delivery, however the negation is spelt.
    [
      'the kart app sends its inputs to the server every frame as small messages; a late one is dropped, do not resend it',
      'webtransport',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('round 6 (wrong picks first): several sent at once is a batch', () => {
  it('a phone that sends many samples at once each hour uploads in batches', () => {
    expect(
      readerPickOf(
        'step counter: to spare the battery the phone should send many samples at once each hour, late is fine',
      ),
    ).toBe('batched-posts');
  });
  it('all of it pushed at once to every browser is no upload', () => {
    expect(readerPickOf('the server pushes all the scores at once to every open browser')).toBe('sse');
  });
});

describe('pool 4 (wrong picks first): "after upload" says when, not who uploads', () => {
  it('a page that lists renditions after upload is no uploading client', () => {
    expect(
      readerPickOf("video library: after upload the admin page should list each rendition as it's ready"),
    ).not.toBe('batched-posts');
  });
});

describe('pool 3: a score that shows up or pops up on a phone appears there; it is not sent up', () => {
  it('"to show up" is to appear', () => {
    expect(readerPickOf('every phone in the stands just needs the score to show up when it changes')).toBe('sse');
  });
});

describe('pool 5 (wrong picks first): offers and answers that another side already does are no signalling to build', () => {
  it.each([
    [
      "kids talk to a storytelling voice agent in the browser and hear it answer; the vendor's side does the sdp offers over its own url",
      'webrtc',
    ],
    [
      'the gateway handles offer and answer; what we need is two doctors seeing and hearing each other from their browsers',
      'webrtc',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10, round 9: signalling said as handled leaves the call a call', () => {
  it.each([
    // The signalling is in place or easy; the media between people is what is asked.
    [
      'our tutoring site wants tutor and pupil on camera together; the signalling server in go already connects them',
      'webrtc',
    ],
    [
      'family intercom in the browser, grandparents should hear and see the kids. signalling is the easy part',
      'webrtc',
    ],
    // Signalling that is still needed is the question: small text messages both ways.
    [
      'for the hallway video calls we want a path to exchange sdp and candidates between the two kiosks first',
      'websocket',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: a remote panel for streaming software is controls, not a call', () => {
  it.each([
    // Scenes, faders and meters are the software's controls: the live picture is not what travels.
    ['volunteers drag the faders in obs and see the levels bounce back within a frame', 'websocket'],
    ['church team wants a phone page that cuts between scenes in obs and reads the audio meters', 'ask:direction'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: a show watched as a playlist, tuned into or rewound is a broadcast', () => {
  it.each([
    ['our band goes live from the rehearsal room and anyone can tune in on the site to watch', 'hls'],
    ['graduation video goes out live and families at home get a dvr bar to jump back', 'hls'],
    ['the lecture camera stream goes through our encoder and students fetch it from a playlist', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 9-10: hosts, kiosks and networks that allow only plain requests, said in other words', () => {
  it.each([
    [
      'our shared hosting plan does not allow us to keep requests open, yet members must learn about new replies',
      'long-polling',
    ],
    [
      'the lobby kiosks run a locked browser that only speaks basic ajax; the server has to tell them when a room frees up',
      'long-polling',
    ],
    [
      'the office vpn kills any long running stream, and the ops page still needs each alert as it fires',
      'long-polling',
    ],
    [
      'eventsource breaks on several school networks, the board must still get new posts from the server',
      'long-polling',
    ],
    [
      'behind the gateway our event stream is closed after 90 seconds every time; only scores flow to the fans',
      'long-polling',
    ],
    // "long-lived" is no live video.
    ['the status page needs one long-lived stream from the api that reconnects by itself; nothing goes back', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 9-10: both sides pushing over TCP, on a lossy link, with people on one end', () => {
  it.each([
    // Reliability said to be fine, or datagrams said not needed, denies the unreliable condition.
    [
      'card game where browsers and the server trade moves constantly; tcp is fine, we do not need datagrams',
      'websocket',
    ],
    // A lossy link is a network that drops, not a wish for datagrams.
    ['field crews chat with dispatch over lossy wifi, both sides send short json notes whenever', 'websocket'],
    // People and a server at each other are no two backends.
    ['drawing party game: guests and the server hurl strokes at each other all night, json everywhere', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: texts that ask, answered with a question', () => {
  it.each([
    // Long polling named among the choices is no constraint.
    ['long polling, sse or websockets for the new feature? cheat sheet please', 'ask:direction'],
    // "dunno" leaves open what follows it.
    [
      'the board shows new proposals live; dunno yet if users will also send votes through the same channel',
      'ask:direction',
    ],
    // A sentence that asks "how" with a choice inside is a question.
    ['match page with live commentary. how much do fans comment vs only watch? which transport', 'ask:direction'],
    // "Could be frames" leaves the payload open.
    [
      'the drone page just receives what the drone sends; could be frames, could be only gps, depends on the link',
      'ask:binary',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: binary said as a typed array, or as text that will not do', () => {
  it.each([
    ['the worker streams TypedArray chunks to the plot page and the page never answers', 'websocket'],
    ["the server only pushes to the chart page; json-only won't cut it for these samples", 'websocket'],
    ["the worker only pushes samples to the scope page and a text-only stream won't do", 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: both ends ours said as hops, as "both backend", as services talking; clients that fire at our api', () => {
  it.each([
    [
      'ledger -> fraud checks -> archive workers. what fits these internal hops? none of it is customer facing',
      'service-to-service',
    ],
    [
      'grafana and the collector are both backend; the collector should stream its numbers as they come',
      'service-to-service',
    ],
    ['five pricing pods and one quote engine: how should the services talk when a price moves?', 'service-to-service'],
    // Devices firing at our api are clients, not a second backend.
    [
      'courier phones keep firing gps pings at our api all shift and we never send anything back to them',
      'batched-posts',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10, round 9: a broadcast whose video is named by its channel, player, camera or footage', () => {
  it.each([
    [
      'our radio station wants its live studio channel on the site, thousands tuning in, a few seconds behind is no problem',
      'hls',
    ],
    ['we film the regatta and want to put it out live for a big audience that only watches', 'hls'],
    ['the cam at the nest box goes to a handful of birders; a few secs of lag is no issue', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 10: no raw tcp sockets in a browser is no missing WebSocket', () => {
  it('"browsers have no tcp sockets" with moves both ways → websocket', () => {
    expect(
      readerPickOf('browsers have no tcp sockets, so the board game relay needs another way; moves go both directions'),
    ).toBe('websocket');
  });
});

describe('pools 7 and 9: a backend that publishes to a channel, a customer who watches an order move', () => {
  it.each([
    // A backend publishing to a channel is no person joining a room.
    ['tally plugin: the backend publishes to a channel whenever a count changes, the widgets only listen', 'sse'],
    // An order's steps are what the customer sees, not what they place.
    ['bakery app: each customer sees placed -> baking -> ready for pickup without pulling to refresh', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: calls said as two-way voice, audio only or screensharing; clients without push apis; software that kills connections', () => {
  it.each([
    ['helpdesk widget: visitors ring a technician from the site over two-way voice', 'webrtc'],
    ['board game night online, partners chat while playing, audio only, never more than two', 'webrtc'],
    ['study group rooms where students screenshare and discuss together', 'webrtc'],
    // Screensharing a page in a meeting is not the app carrying video.
    ['the leaderboard page should refresh itself as scores come in, we screenshare it at the event', 'sse'],
    ['alerts must reach the ward tablets, but their browsers have no push apis at all', 'long-polling'],
    [
      "many guests run 'safe browsing' tools (avast etc) that drop persistent connections, yet they must get room invites",
      'long-polling',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 10, round 8: data gathered from the clients; a page you must leave and come back to', () => {
  it.each([
    ['we collect slow-request timings from visitors so the perf team can chart them', 'batched-posts'],
    [
      'the thermostat page stays stale, i have to leave and come back to see the new setpoint; the page rarely sends',
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7 and 10: commands up and state sent back, said plainly', () => {
  it.each([
    [
      'every tilt on the phone page must reach the rc car at once, and the car reports speed and battery back just as fast',
      'websocket',
    ],
    ['kart racer in the browser: inputs up and frames down 60 times a second', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('round 8, pool 5: services people attend, shows watched from home, calls between services', () => {
  it.each([
    // A worship service is an event people watch, not a backend.
    ['the parish wants its evening worship service online, members watch from home and nobody replies', 'hls'],
    ['our live show goes out to a big audience on tvs, being 8s behind is fine', 'hls'],
    [
      'the streaming box pushes rtmp into our server and viewers watch in vlc; how do people watch it in a browser',
      'hls',
    ],
    // Calls between services are requests, not people talking.
    [
      'moving the calls between our backend services (cart, billing) to grpc while the web app stays on rest',
      'ask:direction',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('round 6: a live feed watched by a crowd', () => {
  it.each([
    [
      'we want a cdn in front of the live feed from the rink so a wide audience can follow it, a few seconds late is ok',
      'hls',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-9: questions asked where the text decided', () => {
  it.each([
    // Servers that keep in step among themselves, or several instances of one server, are both ends ours.
    [
      'three matchmaking servers must share lobby changes among themselves without a single coordinator',
      'service-to-service',
    ],
    ['we run several game server instances and each one must learn when a player joins another', 'service-to-service'],
    // A broadcast said by who it goes out to, a playback url, a live match or the live edge.
    ['the town hall goes out to thousands of staff through the vendor playback url', 'hls'],
    ['live matches out to millions of subscribers on smart tvs, it has to look like tv', 'hls'],
    // Numbers phoned home, or landing in our collector from browsers, flow up.
    ['page speed numbers from real shoppers phoned home to us quietly, the page receives nothing', 'batched-posts'],
    ['we want timing marks from visitors browsers landing in our collector', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-9: a server that notices clients leave, clients that only subscribe, data coming off the backend', () => {
  it.each([
    // Noticing a tab close is the server's bookkeeping, not an upload as the page leaves.
    ['hono app: we stream quotes to browsers and need to know if a tab closes, so the feed stops', 'sse'],
    ['the widgets only subscribe; all the counts come off our backend as small json', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 10, rounds 4 and 9: terminals that take typing, answers that stream back, models named', () => {
  it.each([
    // Typing into a shell with its output coming back is both ways.
    ['web console for our routers: real typing into the cli and output showing with no lag', 'websocket'],
    // An answer that streams back, from a model named by its runtime, flows down.
    ['terminal client for our vllm box: print the answer as it streams back, nothing else', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 5 and 9, round 7: binary said as float, int16 or pixel buffers', () => {
  it.each([
    ['the lab gateway streams int16 blocks to the chart tab, nothing comes back', 'websocket'],
    ['our capture box hands raw pixel buffers to the viewer tab, it never replies', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('round 9: readers with only basic js and no sockets or event streams; a container image is no picture', () => {
  it.each([
    [
      'the menu boards run a browser with only basic js, no sockets or event streams; prices change a few times a day',
      'long-polling',
    ],
    ['buildah logs from the runner should tail live in the ui while the image builds', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: messages in and out, handshakes that never complete, packets out of order, group calls', () => {
  it.each([
    [
      'our kotlin server and the android clients: events fly in and out of every phone all day, cbor encoded',
      'websocket',
    ],
    // Not "… in several columns at once": the batched-upload family reads "post … several … at once" as one batch.
    ['folks on the board post and read notes in several columns, one connection per column?', 'websocket'],
    ['inside the bank network the websocket handshake never completes, so updates need another way in', 'long-polling'],
    ['racing game: car positions may arrive out of order or get lost, lap times must be reliable', 'webtransport'],
    ['the group call button in each channel should open a jitsi room on mobile', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pool 4: a web ui or a div is a browser end, not a second backend', () => {
  it.each([
    ['the backup web ui asks the agent daemon for progress every second; mostly it just displays', 'sse'],
    ['tutorial where the api streams fresh markup into the div, no js, no client messages', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 8 and 10: backends said as our sidecars or worker, user ids as data, readings forwarded up', () => {
  it.each([
    ['row changes should feed the audit stream that our policy sidecars consume', 'service-to-service'],
    [
      'the queue reader republishes user ids for the mailer service, all of it between our services',
      'service-to-service',
    ],
    ['a mule flow on the line pc relays machine measurements up to aws every 10s', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 2, 3 and 6: a text that asks which transport, with only domain words, is asked', () => {
  it.each([
    [
      'thesis project: a patient monitor dashboard with pulse and alerts from ward sensors. which transport should i use?',
      'ask:direction',
    ],
    [
      'classroom app mvp: quizzes? a whiteboard? chat? nothing scoped. what should the realtime layer be?',
      'ask:direction',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a transport asked for beside a stated direction still decides', () => {
    expect(
      readerPickOf('the server only pushes prices to the page, nothing goes back. which transport should we use?'),
    ).toBe('sse');
  });
});

describe('pools 7-10: the new phrases stay inside their sense', () => {
  it.each([
    // "offers" a platform makes are no signalling offers.
    ['we need a platform that offers video calls to patients', 'webrtc'],
    // Calls between people are calls, even with "us" or agents in them.
    ['video calls between us and our customers', 'webrtc'],
    // A gateway between browsers and our services has a browser end.
    ['a gateway between our browsers and our services relays chat both ways', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 7-10: the new phrases stay in their sense (today, input and output, order, tcp)', () => {
  it.each([
    ['right now the page only does basic polling, we want the server to push scores', 'sse'],
    ['we only use plain fetch today; want live updates pushed to the dashboard', 'sse'],
    ['our page only uses plain js today, we want prices pushed to it', 'sse'],
    // "Input and output" is no typing; events sorted after arriving out of order are no datagrams.
    ['the input and output of the sync job are small json, both sides are our services', 'service-to-service'],
    ['events may arrive out of order so we sort them by timestamp before the page shows them', 'sse'],
    // TCP said not to be fine wants datagrams.
    ['tcp is not fine for our shooter, head of line blocking hurts every fight', 'webtransport'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: a broadcast said by how little its delay matters or how many play it', () => {
  it.each([
    // Named as a live broadcast, a live hls feed, or said to be on air: live media, so an audience makes it a broadcast.
    ['the school radio goes on air every friday; a listening page for parents, viewers only', 'hls'],
    ['our live hls feed of the regatta plays on any phone, lag is not a concern for the families', 'hls'],
    ['the charity gala live broadcast reaches an audience of thousands; being behind a bit is expected', 'hls'],
    ['the lecture hall mic feed goes out to many laptops at once, watch only', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a camera named in passing is no live media', () => {
    expect(readerPickOf('the gate cam posts one jpeg still to our api when motion trips, nothing comes back')).toBe(
      'batched-posts',
    );
  });
});

describe('pools 11-20: what comes back to a sender that only reports in', () => {
  it.each([
    // Nothing coming back down, the server never answering, a heartbeat url hit, a page that only sends: all one way up.
    [
      'rider apps fire their battery level at our endpoint every minute, nothing goes back down on that route',
      'batched-posts',
    ],
    ['wall sensors push a health status to our server each hour. the server never talks back', 'batched-posts'],
    ['nightly import jobs hit a heartbeat url when done so we know they ran', 'batched-posts'],
    ['we gather console errors from the page into our log store. the page only sends', 'batched-posts'],
    // Clients that only send their moves, or only a heartbeat, still hear the server.
    ['players only send their moves and the server pushes the new board to everyone', 'websocket'],
    ['the kiosk ui only sends a heartbeat; the server pushes menu changes to it', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: no browser said in so many words keeps both ends services', () => {
  it.each([
    [
      'the invoicing service must hear every refund the payments service emits. neither side is a browser',
      'service-to-service',
    ],
    [
      'the pricing service publishes rate changes and the quoting service consumes them, nothing on the frontend',
      'service-to-service',
    ],
    // A user named as what happened, and services that "react", are no browser end.
    [
      'our scheduler tells the mailer service when a user upgrades; the browser is never involved',
      'service-to-service',
    ],
    [
      'the audit service writes entries and the archive and search services react. all server side',
      'service-to-service',
    ],
    // A page that shows what a service emits still has a browser end.
    ['the dashboard shows refunds as the payments service emits them, users only watch', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: calls said by who sees, talks and hears, or by the room they join', () => {
  it.each([
    ['our help desk plugin lets customers see and talk to a technician from the browser', 'webrtc'],
    ['the ward tablets join a videoroom so nurses can check in on patients', 'webrtc'],
    ['front desk staff talk to callers from the browser and we need echo cancellation', 'webrtc'],
    // People who talk back and forth in a chat are typing.
    ['a help chat where staff and customers talk back and forth all day', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: what rules out a socket, and what only prefers something else', () => {
  it.each([
    // A host that kills anything long-lived holds no stream either.
    [
      'our report viewer runs on a function host that kills anything long-lived; new rows show up a few times an hour',
      'long-polling',
    ],
    // Head-of-line blocking over ws, or "not one websocket", asks for independent streams, not a network that refuses ws.
    [
      'browser racing game: ws head-of-line blocking ruins laps, lost car positions can just be skipped',
      'webtransport',
    ],
    [
      'browser game clients want many independent streams and unreliable datagrams over http/3, not one websocket',
      'webtransport',
    ],
    // A firewall that kills long-lived connections still does.
    ['the firewall kills long-lived connections, so the status page never gets its pushed updates', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: clients who answer in kind (bets slammed in, inputs read every tick)', () => {
  it.each([
    ['darts scores tick onto the page and fans slam their bets in between throws', 'websocket'],
    [
      'racing sim: the server sends car states to each browser and reads their steering inputs 30 times a second',
      'websocket',
    ],
    [
      'a match tracker where goals reach the page live, with traffic each way as fans predict the next scorer',
      'websocket',
    ],
    // Input read once is no stream of it.
    ['the store page reads the user input once at checkout; order updates are pushed to it after', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: what goes up beside a stream down is rare, or no client message at all', () => {
  it.each([
    [
      'the summariser streams its draft into the doc pane as it writes; a stop button is the only thing going up',
      'sse',
    ],
    ["the frontend shows the model's reply word by word; nothing else comes from the frontend while it writes", 'sse'],
    // Editors publishing in the cms are no page sending.
    ["our editors publish in the cms and every reader's page shows each new entry without a reload", 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: a text that asks which tech, with only domain words, is asked', () => {
  it.each([
    ['our bakery site shows the oven dashboard to staff. which tech?', 'ask:direction'],
    ['browser trivia game for the pub: one mate says websockets, another says sse. thoughts?', 'ask:direction'],
    ['weather dashboard for the club, it should feel live. would a live connection help here?', 'ask:direction'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a direction said outright still decides beside the question', () => {
    expect(readerPickOf('the shop dashboard only shows orders as the server pushes them. which tech?')).toBe('sse');
  });
});

describe('pools 11-20: a payload left open ("unsure", "no idea yet what the payload looks like") is asked', () => {
  it.each([
    [
      'the log viewer only receives lines from the server. whether some lines carry raw bytes or not, unsure',
      'ask:binary',
    ],
    [
      'the status page gets a steady feed from the backend, nothing sent back. no idea yet what the payload looks like',
      'ask:binary',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 11-20: "at once" is a batch only right after what is sent', () => {
  it('people who post and read in several columns at once are two-way', () => {
    expect(readerPickOf('a shared board where people post and read notes in several columns at once')).toBe(
      'websocket',
    );
  });
  it('readings uploaded all at once are still a batch', () => {
    expect(readerPickOf('the logger keeps readings on the device and uploads them all at once every hour')).toBe(
      'batched-posts',
    );
  });
});

describe('pools 11-20: alternatives of two words are written as two phrases', () => {
  it('"which would you pick" asks as "which would you go with" does', () => {
    expect(readerPickOf('team chat for the office: ws or sse, which would you pick')).toBe('ask:direction');
  });
});

describe('pools 21-25: naming the two technologies as a choice, with only domain words, asks the direction', () => {
  it.each([
    ['our club scoreboard wants to feel live, sse vs websockets?', 'ask:direction'],
    ['the warehouse stock dashboard: websockets or an event stream?', 'ask:direction'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a condition said outright still answers the choice: two services of ours need no direction', () => {
    expect(readerPickOf('the pricing worker feeds the quoting service, both run in our cluster. ws or sse?')).toBe(
      'service-to-service',
    );
  });
  it('"nothing streams upward" is a direction said outright beside the choice', () => {
    expect(readerPickOf('the build page fills in as jobs finish, nothing streams upward from it. sse or ws?')).toBe(
      'sse',
    );
  });
});

describe('pools 21-25: uploads said with other verbs or ends are client → server', () => {
  it.each([
    ['the loggers dump the whole week of logs up to us in one go', 'batched-posts'],
    ['trail cameras dump their motion logs to the server whenever they reconnect', 'batched-posts'],
    ['our checkout widget posts tiny usage events to the gateway on each click', 'batched-posts'],
    ['the plugin buffers usage counters on the client and flushes them to the service every minute', 'batched-posts'],
    ['the buoys beam wave heights to our server every minute', 'batched-posts'],
    [
      'handheld scanners shovel barcodes up to the depot all shift, the server never sends anything back',
      'batched-posts',
    ],
    ['every vending machine sale should be recorded, one way into our data lake', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: calls said by who joins, rings or talks, and a webcam shown live, are live media', () => {
  it.each([
    ['in the quiz lobby anyone can start a call mid-round and whoever accepts joins with their camera', 'webrtc'],
    ['our survival game needs proximity chat so squads can talk while they play', 'webrtc'],
    ['repair crews ring a specialist from the site and share their phone camera', 'webrtc'],
    ['the drone pilot streams what the camera sees to the instructor in the browser and both can talk', 'webrtc'],
    ['chess streamers want their webcam to show up in the overlay live', 'webrtc'],
    ['pool players keep webcams on so the other player sees the table', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: a payload whose format is left open on the wire is asked', () => {
  it.each([
    ['the lobby page only receives seat maps from the server. the map encoding is tbd', 'ask:binary'],
    ['the kiosk just displays the map tiles we push to it, and we have not decided how to pack them', 'ask:binary'],
    [
      'the tablet only listens for alerts from our hub, nothing goes back. what they look like on the wire, who knows',
      'ask:binary',
    ],
    ['the tv wall just shows the charts we push, the payload is up to us', 'ask:binary'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: a client that sends now and then, or through a plain request, is mostly server → client', () => {
  it.each([
    ['the lobby board shows who is online, and a guest can send a note now and then', 'sse'],
    ['the trivia screen pushes each round to every phone, each phone taps its pick via a plain request', 'sse'],
    [
      "help desk widget: staff replies get pushed to the customer, the customer's rare messages go up through fetch",
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe("pools 21-25: a host or network that can't keep a socket or stream open leaves long polling", () => {
  it.each([
    ["our shared host can't keep a socket open for long, and the page only receives fresh scores", 'long-polling'],
    [
      'the cheap vps provider kills anything that stays open past a minute; the page needs new messages',
      'long-polling',
    ],
    ['the school proxy cant hold open streams, yet the page should hear about new posts', 'long-polling'],
    ['the platform allows no persistent connections, yet the page should show new orders', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  // The reader splits a pattern word at anything but letters, digits and its own signs, so "n't|not" was the word
  // "n" followed by "t|not" and never matched; "not" matches "n't" by its lemma.
  it('no pattern word holds an apostrophe, or a hyphen beside its alternatives', () => {
    const u = websocketVsSse.understanding;
    const patterns = [
      ...(u?.cues ?? []).flatMap((c) => [...c.phrases, ...(c.notBefore ?? []), ...(c.notAfter ?? [])]),
      ...(u?.undecided ?? []),
      ...(u?.hedges ?? []),
    ];
    const split = patterns.filter((p) =>
      p.split(/\s+/).some((chunk) => /\w['’]|['’]\w/.test(chunk) || (chunk.includes('|') && chunk.includes('-'))),
    );
    expect(split).toEqual([]);
  });
});

describe('pools 21-25: what goes up and out again, orders from the screen, publish and subscribe are both ways', () => {
  it.each([
    ['sticky-note wall: every note goes up to our server and out to the team at once', 'websocket'],
    ['ticket exchange: users sell seats from the app while the prices update live', 'websocket'],
    ['risk console shows fills and the analyst places orders from the same screen', 'websocket'],
    ['the kiosk page has to publish and subscribe to topics on our nats broker', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: an app or page that pushes to browsers is the sending side, not a peer', () => {
  it("a status page that streams to visitors' browsers is a feed", () => {
    expect(readerPickOf("the status page streams outage notes to visitors' browsers")).toBe('sse');
  });
  it('an app that emits events to the browser says nothing of browsers talking to each other', () => {
    expect(readerPickOf('the rails app emits job events to the browser tab')).toBe('ask:direction');
  });
  it('replies an app streams into the ui are not the user replying', () => {
    expect(
      readerPickOf('the tray app streams model replies into the ui; the only thing the user sends is the odd cancel'),
    ).toBe('sse');
  });
});

describe('pools 21-25: broadcasts said by their tools, their audience or a delay on purpose', () => {
  it.each([
    ['we restream the chess final with ffmpeg to anyone who opens the site, 20 seconds behind is fine', 'hls'],
    ['the campus tv feed is served to many phones, a few seconds behind is ok', 'hls'],
    ['the club wants to stream its quiz night to an audience that only watches', 'hls'],
    ['the league streams each cup final live to our website for fans on any phone', 'hls'],
    ['lecture netcast for people who cannot attend, picture and sound go out and nothing comes back', 'hls'],
    ['the host streams the tournament to viewers with a long delay so nobody can cheat', 'hls'],
    ['our web player plays the keynote stream for the whole audience, nobody sends anything back', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: onlookers who cannot act, rare picks, numbers shown live and typed arrays', () => {
  it.each([
    ['the page receives spectra from our server as float32 arrays', 'websocket'],
    ['the alert page gets notices from the server; now and then users reply to one', 'sse'],
    [
      'our widget has to follow a batch of flight numbers and get each status change; the widget never talks back',
      'sse',
    ],
    ['tournament onlookers receive each move a round late, they can not act', 'sse'],
    ['the tv page hops between matches on its own, watchers just sit there, nothing typed', 'sse'],
    ['the line screen shows live counts against the plan, sent from our server', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: a chart that just appends what comes is a receiver, beside a choice of technologies', () => {
  it('"the chart just appends it" says which way, so "sse or ws?" is answered', () => {
    expect(readerPickOf('stock widget, the chart just appends each new quote. sse or ws?')).toBe('sse');
  });
});

describe('pools 21-25: a voice bot fed mic audio as frames or chunks to our server is a socket, not a call', () => {
  it.each([
    ['phone-order voice agent: mic frames stream up to our server and the spoken answer streams back', 'websocket'],
    ['voice agent in the page: audio chunks go to our pipeline nonstop and synthesized replies come back', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('people talking through pcm chunks the game server relays today are still a call', () => {
    expect(readerPickOf('voice chat between players; today the game server relays pcm chunks and it lags')).toBe(
      'webrtc',
    );
  });
});

describe('pools 21-25: a screen that only reads and "never talks back", gets no input or is stared at is one way', () => {
  it.each([
    ['the wallboard only shows build results, it never talks back', 'sse'],
    ['tenant gauges page with dials for heat and water. no input from them whatsoever', 'sse'],
    ['the cashier just stares at the queue length the server keeps changing', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: uploads where nothing comes down, or the server only acks, are client → server', () => {
  it.each([
    ['the kiosk keeps scans offline and replays them to our stats endpoint later, nothing comes down', 'batched-posts'],
    ['the editor plugin sends each keystroke count up in its own request, server just acks', 'batched-posts'],
    ['mods report their errors at our backend for later triage, nothing needs to come back', 'batched-posts'],
    ['each station transmits readings on a schedule to our server and that is all', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: controls worked from the screen that shows the state live are both ways', () => {
  it.each([
    ['lighting console lists each lamp live and staff flip lamps from the same tablet', 'websocket'],
    ['the browser client has to pub and sub on our mqtt topics', 'websocket'],
    ['greenhouse app: staff tweak the vents while watching the humidity move', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('opening a link to watch a status is no control', () => {
    expect(readerPickOf('customers open the tracking link and watch the status change, they just look')).toBe('sse');
  });
});

describe('pools 21-25: a receiver that gets told, pinged or kept posted, or whoever has the page open, is fed by the server', () => {
  it.each([
    ['imports finish whenever they finish and the tab should get told right away', 'sse'],
    ['backups run at night and the admin page should get a ping when each one is done', 'sse'],
    ['we kick off a long import and the tab should be kept posted on where it is', 'sse'],
    ['the deploy script narrates every step to whoever has the tab open', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 21-25: more alternatives that held a space are written as phrases of their own', () => {
  it.each([
    ['grandparents ring someone from the tablet and see them on video', 'webrtc'],
    ['the lobby board should feel live. would websockets help here?', 'ask:direction'],
    ['this is purely backend: the scorer streams results to the ranker', 'service-to-service'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: live media whose lag is shrugged off, sent at adaptive bitrates or started by a creator who goes live, is a broadcast', () => {
  it.each([
    ['our choir livestream goes out to families at home, lag is not a big deal', 'hls'],
    ['the farm webcam feed goes out to the village site, the delay does not bother anyone', 'hls'],
    ['the school sends its live audio of the assembly to parents with adaptive bitrate for weak links', 'hls'],
    ['in our app a creator goes live and the followers watch, whatever delay', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: a client that sends nothing, said after the verb, is no client that sends', () => {
  it.each([
    ['the status page gets told when a build finishes, the browser sends nothing on that line', 'sse'],
    ['the ops app refreshes itself when the server says so; the user sends zero over that connection', 'sse'],
    ['backend should inform the page when the parcel moves. the visitor sends nothing there', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: needing signalling for a call named plainly leaves the call live media', () => {
  it.each([
    ['grandma and the kids should video call from the tablet app, do we also need a signalling service?', 'webrtc'],
    ['a voice call between two gamers in our launcher; we want signaling for it as well', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('offers and candidates swapped through a relay are still the signalling itself', () => {
    expect(
      readerPickOf('our relay lets two browsers swap sdp offers and candidates quickly before their call starts'),
    ).toBe('websocket');
  });
});

describe('pools 26-37: cameras or voices that reach each other, or people who talk and see each other, are a call', () => {
  it.each([
    ['the two coaches should chat by camera with each other before the match', 'webrtc'],
    ["each other's webcams should show up in the duel lobby", 'webrtc'],
    ['the pair should talk and see each other from two cities', 'webrtc'],
    ['our two pilots need their voices to reach each other in the sim', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('scores that players see of each other are no call', () => {
    expect(readerPickOf("players type and see each other's scores in the lobby")).toBe('websocket');
  });
});

describe('pools 26-37: a batch job, run or eval is work on the server, not uploads in batches', () => {
  it.each([
    ['the nightly batch import should report its progress live on the admin page', 'sse'],
    ['our batch run of 500 renders should tick off on the dashboard as each one is done', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('clicks kept locally and sent in batches are still batched posts', () => {
    expect(readerPickOf('phones keep the clicks locally and send them in batches every hour')).toBe('batched-posts');
  });
});

describe('pools 26-37: a device log shown on a page, and results that only show in a screen, are no uploads', () => {
  it.each([
    ['our admin page should tail the robot log live, nobody types anything back', 'sse'],
    ['test results only show in the dashboard after the suite ends, we want them live', 'sse'],
    ['scores only land in the page after the round is over; they should stream in live instead', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: a show that goes live, a live playlist, a film or a sermon stream is the media a broadcast needs', () => {
  it.each([
    ['the band goes live each friday to a large audience that just watches', 'hls'],
    ['the museum pipes its live playlist to thousands of screens, a few seconds behind is fine', 'hls'],
    ['indie creators broadcasting to fans who just watch from home', 'hls'],
    ['the old movie plays out to a huge audience, a few seconds late is fine', 'hls'],
    ['the chapel worship streaming reaches a large audience', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: HLS named with live media hints at a broadcast, unless people act on the picture or hate its lag', () => {
  it.each([
    ['the kennel webcam is served as hls to the owners who peek in', 'hls'],
    ['the lecture hall feed is packaged as hls for the students', 'hls'],
    // Each of these is a broadcast by its HLS alone: operators who act on the picture, or lag people hate, say otherwise.
    ['our hls cam feed for the harbour, the pilots hate the lag', 'webrtc'],
    ['the crane operators react to the hls camera feed from the hook', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: a network or firewall that refuses the upgrade is a restrictive network, whatever the direction', () => {
  it.each([
    [
      'on guest wifi networks the socket upgrade gets refused; the menu board just needs price changes pushed',
      'long-polling',
    ],
    [
      'our socket upgrades get stripped by corporate firewalls, and the feed only flows down to the page',
      'long-polling',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: a middlebox that kills idle connections, or cuts a response that stays open, lets only plain requests through', () => {
  it.each([
    [
      'the airport wifi cuts every idle connection after a minute, yet the gate screens still need boarding updates',
      'long-polling',
    ],
    [
      'their load balancer closes any stream that stays open past 30s, but the clerks want new tickets shown live',
      'long-polling',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: a wire format not yet settled, or how much resuming matters, is asked rather than assumed', () => {
  it.each([
    [
      'the kiosk only shows the gate changes our server pushes; we have not settled the message format yet',
      'ask:binary',
    ],
    [
      'the ward screen only displays readings from the monitor. we have not chosen how they travel over the wire',
      'ask:binary',
    ],
    [
      'the wallboard only reads the alerts from our backend. how much do we value resume after a drop?',
      'ask:simplicity',
    ],
    [
      'the map only shows the trucks our server pushes, and whether reconnecting on its own matters is for later',
      'ask:simplicity',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: "unclear", "unknown", "not designed yet" and "no idea yet how …" leave the direction open', () => {
  it.each([
    ['the game lobby loads over a socket, what players send after that is not designed yet', 'ask:direction'],
    ['our order page streams fills; people can also cancel from it, how often is unclear', 'ask:direction'],
    // Reaches back from "how": the statement before it in the sentence is what is left open.
    [
      'we show the odds live and punters can also place bets from the same screen, no idea yet how often they bet',
      'ask:direction',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: both ends our own nodes, containers or services, and nothing going to a browser, are service to service', () => {
  it.each([
    ['the billing worker streams invoices to the ledger service, nothing goes to a browser', 'service-to-service'],
    [
      'the scorer and the ranker are both containers on the same host and pass results along as they come',
      'service-to-service',
    ],
    ['the sync step and the indexer, both our rust services, swap change events over nats', 'service-to-service'],
    ['the importer feeds rows to the search node as they land. both are our own nodes', 'service-to-service'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('needing nothing from the browser side is no backend-only statement', () => {
    expect(readerPickOf('a toast pops when an order is paid and we need nothing from the browser side')).toBe('sse');
  });
});

describe('pools 26-37: a client that posts or shoves its location, or data one-way to us, sends up', () => {
  it.each([
    ['can the phone app post its location to our api every few minutes?', 'batched-posts'],
    ["the runner app keeps shoving the watch's coordinates at our backend every few secs", 'batched-posts'],
    ['crash counts from each install, strictly one-way to us', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 26-37: jpg, png, webp or mjpeg images and mp3 or wav clips pushed down are binary', () => {
  it.each([
    ['the render farm pushes finished png previews to the artists page, they only look', 'websocket'],
    ['the server sends mp3 clips of each announcement down to the kiosk page, which only plays them', 'websocket'],
    ['new jpg snapshots of the parking lot get pushed to the guard page, the guards only look', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a png screencast with sound under 100ms is still live media', () => {
    expect(
      readerPickOf('a png screencast of the lab tab should show live with sound for one person, under 100ms'),
    ).toBe('webrtc');
  });
});

describe('pools 26-37: a client that sends a single post, prompt or question is no client in a two-way exchange', () => {
  it('replies streamed back after one question are server to client', () => {
    expect(
      readerPickOf('replies stream back into the tab as the model writes them, the visitor sends a single question'),
    ).toBe('sse');
  });
});

describe('pools 38-55: a condition said in words the reader lacked', () => {
  it.each([
    // Both ends named as what we run, or as one machine to another.
    ['the relay should tell the archiver each time a shard closes. both ends are vms we operate', 'service-to-service'],
    ['the label printer gets each weight from the scale app, just box to box', 'service-to-service'],
    // WebSockets switched off or disabled where the client is.
    ['the bank disabled websockets on every teller pc, and the rate board still has to refresh', 'long-polling'],
    ['websockets are switched off in the kiosk build, yet the queue number must update', 'long-polling'],
    // A host or middlebox that cuts any request past some time, or anything shaped like a stream.
    ['the load balancer closes every connection after 45 seconds; we post score changes to fans', 'long-polling'],
    ['the hospital proxy kills anything that resembles a stream. nurses just need new alerts', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

// A webcam put in the overlay is still live media ("chess streamers want their webcam to show up in the overlay live").
describe('pools 38-55: an overlay or browser source shows data on top of a stream; it sends no media itself', () => {
  it.each([
    ['the scoreboard overlay in obs just displays the goals the server pushes', 'sse'],
    ['our browser source for obs shows each new tip the server pushes', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: readings fired, logged or landed at our backend go up, so "nothing back" is the server', () => {
  it.each([
    ['the weather mast is logging wind gusts to my server; nothing flows back', 'batched-posts'],
    ['each till is firing its sales totals at our endpoint, nothing flows back', 'batched-posts'],
    ['we want the scanned badge ids to land on the api as they happen. nothing returns', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: reactions, raised hands or a whiteboard over a call are small messages, not the call', () => {
  it.each([
    [
      'during the weekly town hall call, attendees tap a heart reaction over the video and everyone else sees it pop instantly',
      'websocket',
    ],
    [
      'in our webinar call, people send emoji over the video tiles and everyone sees them float up immediately',
      'websocket',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a room where people talk live is still the call, raised hands or not', () => {
    expect(readerPickOf('audio rooms with hand raise where people talk to each other live')).toBe('webrtc');
  });
});

describe('pools 38-55: people who talk through a mic, live with each other, or over in-game voice are a call', () => {
  it.each([
    ['the referee talks through her headset mic to the two linesmen during the game, it has to be instant', 'webrtc'],
    ['our trivia night app needs voice so the teams in each room can chat while they answer', 'webrtc'],
    ['guild members want in-game voice for raids', 'webrtc'],
    ['the coach should talk live with the rowers from the launch', 'webrtc'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a page that talks to the api is no call', () => {
    expect(readerPickOf('our dashboard talks to the api live')).not.toBe('webrtc');
  });
});

describe('pools 38-55: a shell people type commands into, and moves or guesses going up, are both ways', () => {
  it.each([
    ['in our web sudoku duel my guesses go up and the rival board must change the instant they play', 'websocket'],
    ['support wants a serial console to each router in the browser, we type and it echoes right back', 'websocket'],
    ['the remote pc page: I run commands there all afternoon and want output instantly', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('moves sent as plain form posts beside a stream down are rare client events', () => {
    expect(
      readerPickOf("chess tab: moves go in as normal form posts, the clock and the other side's moves stream down"),
    ).toBe('sse');
  });
});

describe('pools 38-55: a client that purely receives, hears incoming only, or whose edits are plain rest calls', () => {
  it.each([
    ['the quiz extension misses messages in the background; it purely receives game scores from our backend', 'sse'],
    ['the phone gets new alerts, incoming only, game news mostly', 'sse'],
    ["the socket is only for hearing about new orders; the waiter's tablet shows them", 'sse'],
    [
      "shared shopping list: when someone ticks an item, everyone else's list updates at once. edits themselves are plain rest calls",
      'sse',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: a middlebox that only passes plain http, or does not pass streams, leaves long polling', () => {
  it.each([
    ['the clinic firewall only passes http, and the triage board still needs new cases as they arrive', 'long-polling'],
    ['our gateway does not pass event streams at all; the page needs deploy news as it happens', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: two services said by what they do to each other, and nothing on the client side', () => {
  it.each([
    ['the stock service publishes price moves and the ledger service consumes them as they come', 'service-to-service'],
    ['one service pings another each time a refund clears', 'service-to-service'],
    [
      'the scheduler and the mailer are separate go services; the mailer must hear about every new slot',
      'service-to-service',
    ],
    ['the tracker pushes every parcel scan to the partner portal, nothing client side', 'service-to-service'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: telemetry fired at a collector, or reported up to us on its own, goes up', () => {
  it.each([
    ['our quiz tablets are firing analytics events into the collector; there are no replies', 'batched-posts'],
    ['the widget should report its load time up to us on its own', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: who has not said, does not know yet, or says it is not known leaves the direction open', () => {
  it.each([
    [
      "we're adding live bits to the tutoring app; i dont know yet if students will be posting as much as reading",
      'ask:direction',
    ],
    ['our ws server pushes long reports to the page. do the pages send much back? not known yet', 'ask:direction'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: live media said as what already runs is still the media a broadcast needs', () => {
  it.each([
    ['the farm cam already runs as a live channel on our site; visitors just watch', 'hls'],
    ['our ffmpeg box already feeds the league games to the club site, members only watch', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 38-55: talks, a sports day or a caster feed broadcast to watchers who do not mind the lag', () => {
  it.each([
    ["we want to broadcast the club's sports day to grandparents at home, 20s late is fine", 'hls'],
    ['one caster feed goes to thousands of fans on our site, a few secs of delay is no problem', 'hls'],
    ['we stream our meetup talks to other towns; fine if it lags, they only watch', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
  it('a stream of sports scores is no media', () => {
    expect(readerPickOf('the bot listens on the sports scores stream, never writes back')).toBe('sse');
  });
});

describe('pools 56-67: uploads said as going up to a store, upward, or uploaded to where they are shown', () => {
  it.each([
    ["scanners shove the day's records up to the depot server after each shift", 'batched-posts'],
    ['the lab pc uploads its results to the dashboard every hour', 'batched-posts'],
    ['field recorders talk to the archive; the only traffic is upward', 'batched-posts'],
    ['docs sync: the laptop pushes edited chapters up to our storage, nothing returns', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: a reply that flows or trickles down, or events that arrive from the server, come down', () => {
  it.each([
    ["we'd like the planner agent's reply to flow into the sidebar as it is written", 'sse'],
    ['the summary trickles down into the notes pane', 'sse'],
    ['the tablet only shows the queue; new tickets just arrive from the server', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: both ends said to be servers, deployments or programs of ours, or no person on that leg', () => {
  it.each([
    [
      'the quoting engine and the ledger are both servers; quotes must reach the ledger as they change',
      'service-to-service',
    ],
    [
      'the indexer and the crawler are both our own deployments and the crawler hands over each link as it finds it',
      'service-to-service',
    ],
    ['the thumbnailer streams progress to the archiver, no humans on that hop', 'service-to-service'],
    [
      'what is the live way to link two of our lambdas so one hears about every upload the other sees?',
      'service-to-service',
    ],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: cameras watched live, webinar streams, meetings watchable from home and radio stations are live media', () => {
  it.each([
    ['two of us check the barn cams live from the office', 'webrtc'],
    ['the choir rehearsals should be watchable from home for the parents, one camera, they only watch', 'hls'],
    ['the webinar stream goes to our members, they only watch', 'hls'],
    ['our community radio station should reach whoever opens the site, a little lag is nothing', 'hls'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: a client or host that cannot read or write a stream holds no stream', () => {
  it.each([
    ['our quiz ships as a mini program and headlines should reach it as they are written', 'long-polling'],
    ["the expo app's http lib doesn't really stream, yet the summary should appear as it is written", 'long-polling'],
    ['the function host writes each response only once; readers want headlines as they come', 'long-polling'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: both ways said as traded, each way, commands issued or inputs going back', () => {
  it.each([
    ['the plotter and the tablet trade messages constantly while someone draws', 'websocket'],
    ['lots of frames each way while the match runs, text only', 'websocket'],
    ['the rover streams its sensor values to my laptop and my joystick inputs go back to it, lag hurts', 'websocket'],
    ['every answer the learners submit appears on the shared board', 'websocket'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: files, clips or recordings sent up once are uploads, and "nothing live" is no live media', () => {
  it.each([
    ['the inspector app sends each signed contract pdf up once the visit ends', 'batched-posts'],
    [
      'our dictaphone app: the nurse records a memo, then the phone pushes the recording up, nothing live',
      'batched-posts',
    ],
    ['a recorded file going up from the kiosk, nothing streams live', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: "what should it ride on", "what could it use" or what goes which way not worked out raises the direction', () => {
  it.each([
    ['the ops dashboard needs a live corner for the new badge. what should it ride on?', 'ask:direction'],
    ['the depot status board should feel realtime; what could it use?', 'ask:direction'],
    ['the ops dashboard should go live; nobody knows what goes which way yet', 'ask:direction'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: readings or logs posted, forwarded or shipped into a database, bucket or log store go up', () => {
  it.each([
    ['the weather stations post their wind figures to the influx db every minute', 'batched-posts'],
    ['our routers forward syslog lines to the siem, we only ingest', 'batched-posts'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});

describe('pools 56-67: what only shows up on a screen comes down, and a client that uploads nothing sends nothing up', () => {
  it.each([
    ['the wallboard only shows up results at the end of the run; we want them appearing as they come', 'sse'],
    ['the watch app uploads nothing, new scores just need to appear on it', 'sse'],
  ])('"%s" → %s', (text, pick) => {
    expect(readerPickOf(text)).toBe(pick);
  });
});
