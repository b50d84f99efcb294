/**
 * The held-out table for `advise`: paraphrased situations written before the matcher existed and never tuned
 * against. Its hit rate is reported in the README; when it drops, the matcher got worse for people, so do not
 * "fix" a row here by editing it to match the code. Add new tuning cases to advise.test.ts instead.
 *
 * `entries` are the ids of quick takes, situational picks or 'neither' entries whose verdict the situation should
 * get (empty where an honest "not sure" is right). `pick` is the verdict's technology (or 'neither', or 'unsure').
 * `expected` relabels each row with the evaluation's answer kinds (tests/advisor/eval/kinds.ts), from the seed's
 * rules; a text that decides nothing at all expects the wizard's first question, direction.
 */
import type { AskQuestion, Kind } from './eval/kinds.js';

export interface HeldOutCase {
  situation: string;
  /** Ids of the entries (quick take, situational pick or 'neither') whose verdict fits; empty for 'unsure'. */
  entries: string[];
  pick: 'sse' | 'websocket' | 'neither' | 'unsure';
  /** The answer kind under the evaluation vocabulary (tests/advisor/eval/kinds.ts), labelled from the seed's rules. */
  expected: Kind;
  /** The wizard question the text leaves open; present exactly when `expected` is 'ask'. */
  ask?: AskQuestion;
}

export const heldOutCases: HeldOutCase[] = [
  {
    situation: 'our ops page shows CPU graphs that refresh every second',
    entries: ['dashboard-feed-ticker'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'I want to pipe the output of a long-running build into the web UI as it runs',
    entries: ['llm-tokens-or-logs'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'Show ChatGPT-style answers appearing word by word',
    entries: ['llm-responses', 'llm-tokens-or-logs'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'players move around a shared map and see each other in real time',
    entries: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
    expected: 'websocket',
  },
  {
    situation: 'a Google Docs like editor where several people type in the same document',
    entries: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
    expected: 'websocket',
  },
  { situation: 'live sports scores pushed to fans', entries: ['dashboard-feed-ticker'], pick: 'sse', expected: 'sse' },
  {
    situation: 'we send microphone audio from the browser to a speech recogniser',
    entries: ['binary-frames'],
    pick: 'websocket',
    expected: 'websocket',
  },
  {
    situation: 'a customer support messenger between agents and visitors',
    entries: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
    expected: 'websocket',
  },
  {
    situation: 'The page mostly listens for updates, but users occasionally click a like button',
    entries: ['rare-client-events'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'Our users sit behind strict corporate firewalls and we need something that always gets through',
    entries: ['long-polling', 'proxies-and-reconnect'],
    pick: 'neither',
    expected: 'long-polling',
  },
  {
    situation: 'streaming telemetry between two of our own backend services',
    entries: ['service-to-service'],
    pick: 'neither',
    expected: 'service-to-service',
  },
  {
    situation: 'we need unreliable, unordered datagrams for a fast-paced shooter in the browser',
    entries: ['webtransport'],
    pick: 'neither',
    expected: 'webtransport',
  },
  {
    situation: 'the server just pushes notifications; the client never replies',
    entries: ['server-to-client-only', 'dashboard-feed-ticker'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'mobile users on flaky train wifi must pick up where they left off',
    entries: ['proxies-and-reconnect'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'a trading screen where clients place orders and get fills back within milliseconds',
    entries: ['client-sends-low-latency'],
    pick: 'websocket',
    expected: 'websocket',
  },
  {
    situation: 'Protobuf messages from the server to a browser app',
    entries: ['binary-frames'],
    pick: 'websocket',
    expected: 'websocket',
  },
  { situation: 'DEPLOY LOGS, TAILED LIVE!!!', entries: ['llm-tokens-or-logs'], pick: 'sse', expected: 'sse' },
  {
    situation: 'an order tracking page that shows the courier status',
    entries: ['dashboard-feed-ticker'],
    pick: 'sse',
    expected: 'sse',
  },
  {
    situation: 'a shared whiteboard with live cursors',
    entries: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
    expected: 'websocket',
  },
  {
    situation: 'an AI assistant that streams its reply into the page',
    entries: ['llm-responses', 'llm-tokens-or-logs'],
    pick: 'sse',
    expected: 'sse',
  },
  { situation: 'what should I have for lunch today', entries: [], pick: 'unsure', expected: 'ask', ask: 'direction' },
  {
    situation: 'we are migrating our database to postgres next quarter',
    entries: [],
    pick: 'unsure',
    expected: 'ask',
    ask: 'direction',
  },
  {
    situation: 'an IoT device fleet sends sensor readings to the cloud and gets commands back',
    entries: ['client-sends-low-latency'],
    pick: 'websocket',
    expected: 'websocket',
  },
  { situation: 'a progress bar for a video export job', entries: ['llm-tokens-or-logs'], pick: 'sse', expected: 'sse' },
];
