/**
 * The parameter values a user last ran a build configuration with from a repository, so the run dialog can offer
 * them again. Keyed by the runtime's accountId and the repository from the extension context. Password values are
 * never handed to this store (the caller drops them), and only short values are kept so an entry stays far below
 * Forge's value size limit whatever the configuration declares.
 */
import { kvs } from '@forge/kvs';
import { storageKeys } from './storage-keys';

export type RunValues = Record<string, string>;

const MAX_KEPT_VALUE = 1_000;
const MAX_KEPT_VALUES = 100;

const sanitize = (value: unknown): RunValues => {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .slice(0, MAX_KEPT_VALUES),
  );
};

export const runValuesStore = {
  async get(accountId: string, repositoryUuid: string, tokenId: string, buildTypeId: string): Promise<RunValues> {
    return sanitize(await kvs.get<unknown>(storageKeys.runValues(accountId, repositoryUuid, tokenId, buildTypeId)));
  },

  async remember(accountId: string, repositoryUuid: string, tokenId: string, buildTypeId: string, values: RunValues): Promise<void> {
    const kept = Object.entries(values)
      .filter(([, v]) => v.length <= MAX_KEPT_VALUE)
      .slice(0, MAX_KEPT_VALUES);
    const key = storageKeys.runValues(accountId, repositoryUuid, tokenId, buildTypeId);
    if (kept.length === 0) await kvs.delete(key);
    else await kvs.set(key, Object.fromEntries(kept));
  },
};

export type RunValuesStore = typeof runValuesStore;
