/**
 * The stand-in acting as people in the workspace: it builds Slack's real request payloads (slash commands,
 * block_actions, message shortcuts, view submissions, Events API callbacks) from the workspace model, signs them
 * with the signing secret exactly as Slack does, POSTs them to the app, and then applies Slack's handling of the
 * app's acknowledgement. Each kind of action lives in its own person-*.ts module; this class gathers them.
 */
import { type AckResult, type ActorConfig, AppRequests, type Delivery } from './app-requests.js';
import type { FoundButton } from './block-kit.js';
import type { JsonObject } from './json.js';
import {
  askAssistant,
  clickSuggestedPrompt,
  type OpenAssistantInput,
  openAssistant,
  viewChannelBesideAssistant,
} from './person-assistant.js';
import { type ClickOptions, type ClickResult, clickButton, clickButtonByText, findButtons } from './person-buttons.js';
import {
  type DirectMessageInput,
  directMessage,
  EventDelivery,
  type EventResult,
  editDirectMessage,
  type MentionInput,
  type MentionResult,
  type MessageOptions,
  mention,
  openHome,
  postAsUser,
} from './person-events.js';
import { closeView, type SubmitResult, type SubmittedValue, submitView } from './person-modals.js';
import { messageShortcut, type ShortcutResult } from './person-shortcut.js';
import { type SlashCommandResult, slashCommand } from './person-slash-command.js';
import type { PersonText } from './person-text.js';
import type { Workspace } from './workspace.js';
import type { AssistantThread } from './workspace-assistant.js';
import type { StoredMessage } from './workspace-messages.js';

/** Acts as people: sends Slack's requests to the app and applies Slack's handling of the answers. */
export class PersonActions {
  protected readonly ws: Workspace;
  protected readonly config: ActorConfig;
  private readonly app: AppRequests;
  private readonly eventDelivery: EventDelivery;

  constructor(ws: Workspace, config: ActorConfig, senders?: { app: AppRequests; eventDelivery: EventDelivery }) {
    this.ws = ws;
    this.config = config;
    this.app = senders?.app ?? new AppRequests(ws, config);
    this.eventDelivery = senders?.eventDelivery ?? new EventDelivery(this.app);
  }

  /** Where the app receives Slack requests, e.g. `http://127.0.0.1:3000/slack/events`. */
  get appUrl(): string | undefined {
    return this.app.appUrl;
  }

  /** Every request sent to the app, oldest first. */
  get deliveries(): Delivery[] {
    return this.app.deliveries;
  }

  setAppUrl(url: string): void {
    this.app.appUrl = url;
  }

  /**
   * The same people in the same workspace, whose requests go to another URL: one of several instances of the app,
   * as a load balancer would choose. Deliveries are recorded in one list, and an event sent through one can be
   * redelivered through another (Slack's retry reaching another instance).
   */
  via(url: string): PersonActions {
    const app = this.app.to(url);
    return new PersonActions(this.ws, this.config, { app, eventDelivery: this.eventDelivery.through(app) });
  }

  // ---- requests that are not a person's action ---------------------------------------------------------------

  /** Sends arbitrary bytes, signed unless `signature` is given (or `null` to omit the header). */
  sendRaw(input: {
    contentType: string;
    body: string;
    timestamp?: number;
    signature?: string | null;
    headers?: Record<string, string>;
  }): Promise<AckResult> {
    return this.app.send('raw', input.body, input.contentType, input.body, {
      ...(input.timestamp !== undefined ? { timestamp: input.timestamp } : {}),
      ...(input.signature !== undefined ? { signature: input.signature } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
    });
  }

  sslCheck(): Promise<AckResult> {
    return this.app.sslCheck();
  }

  verifyUrl(): Promise<AckResult & { challenge: string; echoed: boolean }> {
    return this.app.verifyUrl();
  }

  // ---- what people do ----------------------------------------------------------------------------------------

  slashCommand(input: {
    user?: string;
    channel?: string;
    command?: string;
    /** What the person typed after the command (see person-text.ts); sent entity-encoded. */
    text?: PersonText;
  }): Promise<SlashCommandResult> {
    return slashCommand(this.app, input);
  }

  findButtons(location: { message?: ClickOptions['message']; viewId?: string }): FoundButton[] {
    return findButtons(this.ws, location);
  }

  clickButton(input: ClickOptions): Promise<ClickResult> {
    return clickButton(this.app, input);
  }

  clickButtonByText(input: {
    user?: string;
    text: string;
    message?: ClickOptions['message'];
    viewId?: string;
  }): Promise<ClickResult> {
    return clickButtonByText(this.app, input);
  }

  messageShortcut(input: { user?: string; channel: string; ts: string; callbackId: string }): Promise<ShortcutResult> {
    return messageShortcut(this.app, input);
  }

  submitView(input: {
    user?: string;
    viewId: string;
    values?: Record<string, Record<string, SubmittedValue>>;
  }): Promise<SubmitResult> {
    return submitView(this.app, input);
  }

  closeView(input: { user?: string; viewId: string }): Promise<(AckResult & { payload: JsonObject }) | undefined> {
    return closeView(this.app, input);
  }

  postAsUser(
    input: { user?: string; channel?: string; text: PersonText; threadTs?: string } & MessageOptions,
  ): StoredMessage {
    return postAsUser(this.app, input);
  }

  mention(input: MentionInput): Promise<MentionResult> {
    return mention(this.app, this.eventDelivery, input);
  }

  /** A person writes to the app in its Messages tab; a `message.im` event goes to the app. */
  directMessage(input: DirectMessageInput): Promise<{ message: StoredMessage; event: EventResult }> {
    return directMessage(this.app, this.eventDelivery, input);
  }

  /** A person edits their message in the app's Messages tab (`message_changed`). */
  editDirectMessage(input: { user?: string; ts: string; text: PersonText }): Promise<EventResult> {
    return editDirectMessage(this.app, this.eventDelivery, input);
  }

  openHome(input: { user?: string } = {}): Promise<EventResult> {
    return openHome(this.app, this.eventDelivery, input);
  }

  // ---- the assistant panel (person-assistant.ts) -------------------------------------------------------------

  /** A person opens the app's assistant panel beside a channel (`assistant_thread_started`). */
  openAssistant(input: OpenAssistantInput = {}): Promise<{ thread: AssistantThread; event: EventResult }> {
    return openAssistant(this.app, this.eventDelivery, input);
  }

  /** With the panel open, the person views another channel, or none (`assistant_thread_context_changed`). */
  viewChannelBesideAssistant(input: {
    thread: Pick<AssistantThread, 'channel' | 'threadTs'>;
    channel?: string;
  }): Promise<EventResult> {
    return viewChannelBesideAssistant(this.app, this.eventDelivery, input);
  }

  /** A person writes in the panel (a `message.im` event in its thread). */
  askAssistant(input: {
    thread: Pick<AssistantThread, 'channel' | 'threadTs'>;
    text: PersonText;
    retryNum?: number;
  }): Promise<{ message: StoredMessage; event: EventResult }> {
    return askAssistant(this.app, this.eventDelivery, input);
  }

  /** A person clicks a suggested prompt in the panel: its message is sent as theirs. */
  clickSuggestedPrompt(input: {
    thread: Pick<AssistantThread, 'channel' | 'threadTs'>;
    title: string;
  }): Promise<{ message: StoredMessage; event: EventResult }> {
    return clickSuggestedPrompt(this.app, this.eventDelivery, input);
  }

  // ---- Events API delivery -----------------------------------------------------------------------------------

  deliverEvent(event: JsonObject, options: { retries?: number; retryReason?: string } = {}): Promise<EventResult> {
    return this.eventDelivery.deliver(event, options);
  }

  redeliver(eventId: string, retryNum = 1, retryReason = 'http_timeout'): Promise<AckResult> {
    return this.eventDelivery.redeliver(eventId, retryNum, retryReason);
  }
}
