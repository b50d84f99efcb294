/**
 * Public entry point of the Slack stand-in: start it with `startSlackStandin()`, point a Bolt app at
 * `standin.apiUrl`, tell it where the app listens with `setAppUrl()`, then act as people and inspect the workspace.
 */
export * from './app-requests.js';
export * from './block-kit.js';
export * from './ids.js';
export * from './json.js';
export * from './oauth.js';
export * from './person-actions.js';
export type { OpenAssistantInput } from './person-assistant.js';
// Each kind of action is reached through PersonActions (SlackStandin); only its input and result types are public.
export type { ButtonLocation, ClickOptions, ClickResult } from './person-buttons.js';
export type {
  DirectMessageInput,
  EventResult,
  MentionInput,
  MentionResult,
  MessageOptions,
  PostingBot,
} from './person-events.js';
export type { InstallDecision, InstallInput, InstallResult, InstallStep } from './person-install.js';
export type { SubmitResult, SubmittedValue } from './person-modals.js';
export type { ShortcutResult } from './person-shortcut.js';
export type { SlashCommandResult } from './person-slash-command.js';
export * from './person-text.js';
export * from './response-url.js';
export * from './server.js';
export * from './signing.js';
export * from './web-api.js';
export * from './workspace.js';
export * from './workspace-assistant.js';
export * from './workspace-base.js';
export * from './workspace-directory.js';
export * from './workspace-interactions.js';
export * from './workspace-messages.js';
export * from './workspace-views.js';
