/**
 * The held-out table for `advise`: paraphrased situations written before the matcher existed and never tuned
 * against. Its hit rate is reported in the README; when it drops, the matcher got worse for people, so do not
 * "fix" a row here by editing it to match the code. Add new tuning cases to advise.test.ts instead.
 *
 * `expected` is the id of a quick take, situational pick or 'neither' entry whose verdict the situation should get,
 * or 'unsure' where an honest "not sure" is the right answer. `pick` is the verdict's technology (or 'neither').
 */
export interface HeldOutCase {
  situation: string;
  expected: string[];
  pick: 'sse' | 'websocket' | 'neither' | 'unsure';
}

export const heldOutCases: HeldOutCase[] = [
  {
    situation: 'our ops page shows CPU graphs that refresh every second',
    expected: ['dashboard-feed-ticker'],
    pick: 'sse',
  },
  {
    situation: 'I want to pipe the output of a long-running build into the web UI as it runs',
    expected: ['llm-tokens-or-logs'],
    pick: 'sse',
  },
  {
    situation: 'Show ChatGPT-style answers appearing word by word',
    expected: ['llm-responses', 'llm-tokens-or-logs'],
    pick: 'sse',
  },
  {
    situation: 'players move around a shared map and see each other in real time',
    expected: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
  },
  {
    situation: 'a Google Docs like editor where several people type in the same document',
    expected: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
  },
  { situation: 'live sports scores pushed to fans', expected: ['dashboard-feed-ticker'], pick: 'sse' },
  {
    situation: 'we send microphone audio from the browser to a speech recogniser',
    expected: ['binary-frames'],
    pick: 'websocket',
  },
  {
    situation: 'a customer support messenger between agents and visitors',
    expected: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
  },
  {
    situation: 'The page mostly listens for updates, but users occasionally click a like button',
    expected: ['rare-client-events'],
    pick: 'sse',
  },
  {
    situation: 'Our users sit behind strict corporate firewalls and we need something that always gets through',
    expected: ['long-polling', 'proxies-and-reconnect'],
    pick: 'neither',
  },
  {
    situation: 'streaming telemetry between two of our own backend services',
    expected: ['service-to-service'],
    pick: 'neither',
  },
  {
    situation: 'we need unreliable, unordered datagrams for a fast-paced shooter in the browser',
    expected: ['webtransport'],
    pick: 'neither',
  },
  {
    situation: 'the server just pushes notifications; the client never replies',
    expected: ['server-to-client-only', 'dashboard-feed-ticker'],
    pick: 'sse',
  },
  {
    situation: 'mobile users on flaky train wifi must pick up where they left off',
    expected: ['proxies-and-reconnect'],
    pick: 'sse',
  },
  {
    situation: 'a trading screen where clients place orders and get fills back within milliseconds',
    expected: ['client-sends-low-latency'],
    pick: 'websocket',
  },
  { situation: 'Protobuf messages from the server to a browser app', expected: ['binary-frames'], pick: 'websocket' },
  { situation: 'DEPLOY LOGS, TAILED LIVE!!!', expected: ['llm-tokens-or-logs'], pick: 'sse' },
  {
    situation: 'an order tracking page that shows the courier status',
    expected: ['dashboard-feed-ticker'],
    pick: 'sse',
  },
  {
    situation: 'a shared whiteboard with live cursors',
    expected: ['chat-multiplayer-collab', 'chat-game-editor'],
    pick: 'websocket',
  },
  {
    situation: 'an AI assistant that streams its reply into the page',
    expected: ['llm-responses', 'llm-tokens-or-logs'],
    pick: 'sse',
  },
  { situation: 'what should I have for lunch today', expected: [], pick: 'unsure' },
  { situation: 'we are migrating our database to postgres next quarter', expected: [], pick: 'unsure' },
  {
    situation: 'an IoT device fleet sends sensor readings to the cloud and gets commands back',
    expected: ['client-sends-low-latency'],
    pick: 'websocket',
  },
  { situation: 'a progress bar for a video export job', expected: ['llm-tokens-or-logs'], pick: 'sse' },
];
