/** One register function per listener group; open one file to see one feature whole. */
import type { App } from '@slack/bolt';
import { registerAssistant } from './assistant.js';
import { registerCommand } from './command.js';
import { registerDirectMessage } from './direct-message.js';
import { registerFeedback } from './feedback.js';
import { registerForeignActions } from './foreign-action.js';
import { registerHome } from './home.js';
import { registerMention } from './mention.js';
import { registerShare } from './share.js';
import { registerShortcut } from './shortcut.js';
import type { ListenerDeps } from './types.js';
import { registerUninstall } from './uninstall.js';
import { registerUnrecognised } from './unrecognised.js';
import { registerWizard } from './wizard.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  for (const register of [
    registerCommand,
    registerWizard,
    registerShare,
    registerShortcut,
    registerMention,
    registerDirectMessage,
    registerAssistant,
    registerHome,
    registerFeedback,
    registerForeignActions,
    registerUninstall,
    registerUnrecognised,
  ]) {
    register(app, deps);
  }
}
