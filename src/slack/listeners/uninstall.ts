/**
 * Retention at the end of an install: when a workspace (or an Enterprise Grid org, for an org-wide install) removes
 * the app (`app_uninstalled`) or revokes the bot's token (`tokens_revoked`), its installation and everything kept
 * for it (the decision log, user tokens) are deleted. Bolt delivers these two events without authorizing them, as
 * the installation may already be gone; forgetting twice is harmless, so Slack's retries need no ledger.
 */
import type { Context, Logger } from '@slack/bolt';
import type { InstallationScope, Store } from '../../store/index.js';
import type { Register } from './types.js';

export const registerUninstall: Register = (app, { store }) => {
  if (!store) return;
  app.event('app_uninstalled', async ({ context, logger }) => {
    await forget(store, scopeOf(context), 'app_uninstalled', logger);
  });
  app.event('tokens_revoked', async ({ event, context, logger }) => {
    const scope = scopeOf(context);
    if (!scope) return logger.warn('tokens_revoked names no workspace or org', { team: context.teamId });
    // The bot's token revoked: the install is over. People's own tokens only (none today): forget those.
    if ((event.tokens.bot ?? []).length > 0) return forget(store, scope, 'tokens_revoked', logger);
    for (const user of event.tokens.oauth ?? []) await store.installations.deleteUserToken(scope, user);
  });
};

/** The installation an event is about: an org for an org-wide install, else the workspace (in its org, if any). */
function scopeOf(context: Context): InstallationScope | undefined {
  const { teamId, enterpriseId } = context;
  if (context.isEnterpriseInstall && enterpriseId) return { kind: 'org', enterpriseId };
  if (teamId) return { kind: 'workspace', teamId, ...(enterpriseId ? { enterpriseId } : {}) };
  return enterpriseId ? { kind: 'org', enterpriseId } : undefined;
}

async function forget(
  store: Store,
  scope: InstallationScope | undefined,
  reason: string,
  logger: Logger,
): Promise<void> {
  if (!scope) return logger.warn(`${reason} names no workspace or org`);
  const ids = scope.kind === 'org' ? { enterprise: scope.enterpriseId } : { team: scope.teamId };
  try {
    const { decisions } = await store.forget(scope);
    logger.info(`${reason}: forgot the installation and its data`, { ...ids, decisions });
  } catch (error) {
    // Slack does not send the event again once acknowledged: this line is what is left to act on.
    logger.error(`${reason}: could not forget the installation`, { ...ids, message: (error as Error).message });
  }
}
