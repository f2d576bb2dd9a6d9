/**
 * What a user last ran from a repository: the TeamCity server (token id) and, per server, the build
 * configuration. Keyed by the runtime's accountId and the repository UUID from the extension context, so
 * neither can be chosen by the browser.
 */
import { kvs } from '@forge/kvs';
import { storageKeys } from './storage-keys';

export type BuildPreferences = {
  tokenId: string | null;
  /** Last build configuration per token id. */
  buildTypeIds: Record<string, string>;
};

const EMPTY: BuildPreferences = { tokenId: null, buildTypeIds: {} };

/** Stored values are our own, but an older or hand-edited entry must not break the dialog. */
const sanitize = (value: unknown): BuildPreferences => {
  if (!value || typeof value !== 'object') return EMPTY;
  const raw = value as { tokenId?: unknown; buildTypeIds?: unknown };
  const ids = raw.buildTypeIds && typeof raw.buildTypeIds === 'object' ? (raw.buildTypeIds as Record<string, unknown>) : {};
  return {
    tokenId: typeof raw.tokenId === 'string' ? raw.tokenId : null,
    buildTypeIds: Object.fromEntries(Object.entries(ids).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
};

export const buildPreferencesStore = {
  async get(accountId: string, repositoryUuid: string): Promise<BuildPreferences> {
    return sanitize(await kvs.get<unknown>(storageKeys.buildPreferences(accountId, repositoryUuid)));
  },

  async remember(accountId: string, repositoryUuid: string, tokenId: string, buildTypeId: string): Promise<void> {
    const key = storageKeys.buildPreferences(accountId, repositoryUuid);
    const current = sanitize(await kvs.get<unknown>(key));
    const next: BuildPreferences = { tokenId, buildTypeIds: { ...current.buildTypeIds, [tokenId]: buildTypeId } };
    await kvs.set(key, next);
  },
};

export type BuildPreferencesStore = typeof buildPreferencesStore;
