/**
 * One replier per request, built from Bolt's arguments. A listener says what to show; the replier knows where
 * to put it (the click's response_url, the modal on screen, a private message in the channel) and what to do
 * when Slack refuses: log the code and the ids (never a token or the payload), then tell the person privately
 * what they can do about it. Nothing it catches goes unlogged.
 *
 * An ephemeral message cannot be edited with chat.update, so a click replaces it through its response_url; that
 * URL lasts 30 minutes and 5 uses, after which the person is told in a private message instead. Where no private
 * message can reach them (a channel the app is not in), the app's Messages tab (its DM with the person) is the
 * place of last resort, so that nobody is left with silence.
 */
import type { Logger, RespondFn, webApi } from '@slack/bolt';
import { type ConversationKind, conversationKind } from './conversation.js';
import { describeSlackError, type SlackProblem } from './slack-errors.js';
import { sendWithTableFallback } from './table-fallback.js';
import type { SlackMessage } from './views/blocks.js';
import { problemMessage } from './views/problems.js';
import { statusModal } from './views/surfaces.js';

export interface ReplierOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** The person who asked; absent only for an event without one. */
  user: string | undefined;
  /** Where they asked, for a private message there; absent on the Home tab. */
  channel?: string | undefined;
  /** What kind of conversation that is, so that advice fits it (no `/invite` in a DM between people); by default, read from the channel id. */
  conversation?: ConversationKind | undefined;
  /** The thread to answer in, when they asked in one. */
  threadTs?: string | undefined;
  /** The request's response_url, as Bolt's respond(); absent for events and view submissions. */
  respond?: RespondFn | undefined;
  /** The modal the person is looking at, for a view submission: problems are shown in it. */
  modalId?: string | undefined;
  /** How the person tries again where that is not a button to click, e.g. "Run the shortcut on the message again". */
  again?: string | undefined;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; problem: SlackProblem };

export interface Replier {
  /** Replaces the ephemeral message that was clicked. Resolves whether it got through; on refusal, explains. */
  replace(message: SlackMessage, doing: string): Promise<boolean>;
  /** A new private message beside the one clicked, which stays as it is. */
  privately(message: SlackMessage, doing: string): Promise<boolean>;
  /**
   * A message for everyone in the channel, through the response_url (which works where the app is no member).
   * The caller tells the person about a problem: it gets the problem back, logged.
   */
  inChannel(message: SlackMessage, doing: string): Promise<Attempt<void>>;
  /**
   * Runs one Slack call. On refusal it logs, then explains to the person, unless `tell: false` says the caller
   * handles the problem itself (it gets the problem back either way). Never throws.
   */
  attempt<T>(doing: string, call: () => Promise<T>, options?: { tell?: boolean }): Promise<Attempt<T>>;
  /** Tells the person privately that `doing` failed and what to do about it, wherever they can see it. */
  explain(doing: string, problem: SlackProblem): Promise<void>;
}

type Route = { via: string; send: (message: SlackMessage) => Promise<unknown> };

export function replierFor(options: ReplierOptions): Replier {
  const { client, logger, user, channel, threadTs, respond, modalId, again } = options;
  const conversation = options.conversation ?? conversationKind(channel);
  const ids = { user, channel, ...(modalId ? { view: modalId } : {}) };

  const refused = (doing: string, error: unknown, via?: string): SlackProblem => {
    const problem = describeSlackError(error, conversation, again);
    logger.warn(`could not ${doing}`, { code: problem.code, ...(via ? { via } : {}), ...ids });
    return problem;
  };

  const throughResponseUrl: Route | undefined = respond && {
    via: 'response_url',
    send: (message) =>
      sendWithTableFallback(message, (m) => respond({ replace_original: false, response_type: 'ephemeral', ...m })),
  };
  /** The ways to tell the person something privately, best first. */
  const privateRoutes: Route[] = [
    ...(modalId
      ? [
          {
            via: 'views.update',
            send: (m: SlackMessage) => client.views.update({ view_id: modalId, view: statusModal(m.text) }),
          },
        ]
      : []),
    ...(throughResponseUrl ? [throughResponseUrl] : []),
    ...(channel && user
      ? [
          {
            via: 'chat.postEphemeral',
            send: (message: SlackMessage) =>
              sendWithTableFallback(message, (m) =>
                client.chat.postEphemeral({ channel, user, ...(threadTs ? { thread_ts: threadTs } : {}), ...m }),
              ),
          },
        ]
      : []),
    // The app's Messages tab: posting to a user id lands in the app's DM with them (chat:write is enough).
    ...(user
      ? [
          {
            via: 'messages tab',
            send: (message: SlackMessage) =>
              sendWithTableFallback(message, (m) => client.chat.postMessage({ channel: user, ...m })),
          },
        ]
      : []),
  ];

  /** Tries each route in turn until one gets through; each refusal is logged. */
  const tell = async (doing: string, problem: SlackProblem, routes: Route[]): Promise<void> => {
    const message = problemMessage(doing, problem);
    for (const route of routes) {
      try {
        await route.send(message);
        return;
      } catch (error) {
        refused(`tell the person that I could not ${doing}`, error, route.via);
      }
    }
  };

  const explain = (doing: string, problem: SlackProblem) => tell(doing, problem, privateRoutes);

  const viaRespond = async (message: SlackMessage, replaceOriginal: boolean, doing: string): Promise<boolean> => {
    try {
      if (!respond) throw new Error('this request has no response_url');
      await sendWithTableFallback(message, (m) =>
        respond({ replace_original: replaceOriginal, response_type: 'ephemeral', ...m }),
      );
      return true;
    } catch (error) {
      const problem = refused(doing, error, 'response_url');
      // The response_url just failed: the other routes are left.
      await tell(
        doing,
        problem,
        privateRoutes.filter((route) => route !== throughResponseUrl),
      );
      return false;
    }
  };

  return {
    replace: (message, doing) => viaRespond(message, true, doing),
    privately: (message, doing) => viaRespond(message, false, doing),
    async inChannel(message, doing) {
      try {
        if (!respond) throw new Error('this request has no response_url');
        await sendWithTableFallback(message, (m) =>
          respond({ replace_original: false, response_type: 'in_channel', ...m }),
        );
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, problem: refused(doing, error, 'response_url') };
      }
    },
    async attempt(doing, call, { tell: telling = true } = {}) {
      try {
        return { ok: true, value: await call() };
      } catch (error) {
        const problem = refused(doing, error);
        if (telling) await explain(doing, problem);
        return { ok: false, problem };
      }
    },
    explain,
  };
}
