/**
 * Bolt's `InstallationStore` on the store: OAuth's installer saves here, and every request's `authorize` fetches
 * here, on whichever instance it lands. Workspace installs are found by team id, Enterprise Grid org-wide installs
 * by enterprise id (Bolt's query says which with `isEnterpriseInstall`).
 *
 * As Bolt's own stores do: the latest installation of a scope answers for the bot; a person's user token (only
 * when the app asks for user scopes) is kept per person, and a query for someone who has none gets the
 * installation without a user token. Unlike Bolt's file store, the installation row never holds a user token, so
 * revoking one person's token leaves nothing of it behind.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { InstallationScope, Store } from './store.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

export function scopeOfInstallation(installation: AnyInstallation): InstallationScope {
  const enterpriseId = installation.enterprise?.id;
  if (installation.isEnterpriseInstall && enterpriseId) return { kind: 'org', enterpriseId };
  const teamId = installation.team?.id;
  if (teamId) return enterpriseId ? { kind: 'workspace', teamId, enterpriseId } : { kind: 'workspace', teamId };
  throw new Error('An installation without a team or an enterprise cannot be stored');
}

export function scopeOfQuery(query: InstallationQuery<boolean>): InstallationScope {
  const { teamId, enterpriseId } = query;
  if (query.isEnterpriseInstall && enterpriseId) return { kind: 'org', enterpriseId };
  if (teamId) return enterpriseId ? { kind: 'workspace', teamId, enterpriseId } : { kind: 'workspace', teamId };
  if (enterpriseId) return { kind: 'org', enterpriseId };
  throw new Error('An installation query names neither a team nor an enterprise');
}

/** Says which installation, for an error message: ids only. */
function describeScope(scope: InstallationScope): string {
  return scope.kind === 'org'
    ? `enterprise ${scope.enterpriseId} (org-wide)`
    : `team ${scope.teamId}${scope.enterpriseId ? ` in enterprise ${scope.enterpriseId}` : ''}`;
}

/**
 * What fetchInstallation throws when a workspace or org has none, so that whoever reads Bolt's authorization
 * error can tell "not installed" from a store that could not be read.
 */
export class NoInstallationError extends Error {
  override readonly name = 'NoInstallationError';
  constructor(scope: InstallationScope) {
    super(`No installation of Realtime Advisor for ${describeScope(scope)}`);
  }
}

function withoutUserToken(user: AnyInstallation['user']): AnyInstallation['user'] {
  return { id: user.id, token: undefined, scopes: user.scopes };
}

export function installationStoreFor(store: Store): InstallationStore {
  const records = store.installations;
  return {
    async storeInstallation(installation) {
      const scope = scopeOfInstallation(installation);
      const { user } = installation;
      // An install that brought no bot (a person adding user scopes) does not replace the bot's installation.
      if (installation.bot || !(await records.find(scope))) {
        await records.save({
          scope,
          installation: { ...installation, user: withoutUserToken(user) },
          installedAt: new Date(),
        });
      }
      if (user.token) await records.saveUserToken({ scope, userId: user.id, user });
    },

    async fetchInstallation(query) {
      const scope = scopeOfQuery(query);
      const found = await records.find(scope);
      // Bolt expects a throw when there is none; it answers the request with an authorization error.
      if (!found) throw new NoInstallationError(scope);
      const installation = found.installation as AnyInstallation;
      const userId = query.userId ?? installation.user.id;
      // No user scopes at install time means no person has a token: skip the look-up on every request.
      if (!installation.user.scopes?.length) return { ...installation, user: { ...installation.user, id: userId } };
      const token = await records.findUserToken(scope, userId);
      const user = token
        ? (token.user as AnyInstallation['user'])
        : { id: userId, token: undefined, scopes: undefined };
      return { ...installation, user };
    },

    async deleteInstallation(query) {
      const scope = scopeOfQuery(query);
      if (query.userId) await records.deleteUserToken(scope, query.userId);
      else await records.delete(scope);
    },
  };
}
