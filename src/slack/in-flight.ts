/**
 * The work the app does after it has acknowledged a request (a share's posts, a mention's reply, a modal's
 * submit), which Slack will never send again: on shutdown it is given time to finish, and what cannot finish in
 * that time is named, so that it can be logged and the person told.
 */

/** What a piece of work is about, read from the request: enough to log it and to tell the person. */
export interface Work {
  /** The request's kind: `block_actions`, `view_submission`, `message_action`, an event type, a command. */
  kind: string;
  user?: string | undefined;
  channel?: string | undefined;
  threadTs?: string | undefined;
  responseUrl?: string | undefined;
  startedAt: number;
}

export class InFlight {
  private readonly running = new Set<{ work: Work; done: Promise<unknown> }>();

  /** Runs `run` as one piece of work, visible to `drain` until it settles. */
  async track<T>(work: Work, run: () => Promise<T>): Promise<T> {
    const done = run();
    const entry = { work, done };
    this.running.add(entry);
    try {
      return await done;
    } finally {
      this.running.delete(entry);
    }
  }

  get size(): number {
    return this.running.size;
  }

  /** Waits until all work has settled or `ms` have passed; resolves with the work still running then. */
  async drain(ms: number): Promise<Work[]> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    const all = (async () => {
      // Work can start while draining (a listener's last request); wait for that too.
      while (this.running.size > 0) await Promise.allSettled([...this.running].map((entry) => entry.done));
    })();
    await Promise.race([all, bound]);
    clearTimeout(timer);
    return [...this.running].map((entry) => entry.work);
  }
}

type Body = Record<string, unknown> & {
  type?: string;
  command?: string;
  user?: { id?: string };
  user_id?: string;
  channel?: { id?: string };
  channel_id?: string;
  container?: { thread_ts?: string };
  response_url?: string;
  response_urls?: { response_url?: string }[];
  event?: { type?: string; user?: string; channel?: string; thread_ts?: string };
};

/** Reads what a request is about from its body, whatever its kind; absent fields stay absent. */
export function workOf(raw: unknown, now = Date.now()): Work {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Body;
  const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    kind: str(body.event?.type) ?? str(body.command) ?? str(body.type) ?? 'unknown',
    user: str(body.user?.id) ?? str(body.user_id) ?? str(body.event?.user),
    channel: str(body.channel?.id) ?? str(body.channel_id) ?? str(body.event?.channel),
    threadTs: str(body.event?.thread_ts) ?? str(body.container?.thread_ts),
    responseUrl: str(body.response_url) ?? str(body.response_urls?.[0]?.response_url),
    startedAt: now,
  };
}
