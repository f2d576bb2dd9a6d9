import type { TokenView } from '../shared/schemas';
import type { StoredToken } from '../stores/token-store';

/** The only shape of a token that leaves the backend: an explicit allow-list, so new fields stay private. */
export const toTokenView = (t: StoredToken): TokenView => ({
  id: t.id,
  serverUrl: t.serverUrl,
  teamcityUsername: t.teamcityUsername,
  teamcityUserDisplayName: t.teamcityUserDisplayName,
  serverVersion: t.serverVersion,
  createdAt: t.createdAt,
  lastAuthenticatedAt: t.lastAuthenticatedAt,
  health: {
    status: t.health?.status ?? null,
    checkedAt: t.health?.checkedAt ?? null,
    ...(t.health?.message !== undefined && { message: t.health.message }),
  },
  expiresAt: t.health?.expiresAt ?? null,
});
