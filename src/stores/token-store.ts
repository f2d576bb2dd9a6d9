/**
 * Per-user TeamCity tokens in Forge storage. The metadata is a plain entry; the token value only ever goes
 * to `kvs.setSecret`. A token is "saved" exactly when its metadata exists and points at a written secret:
 * the secret is written first into the slot the current metadata does not use, then the metadata is switched
 * over in one write, then the old slot is cleared. A failure at any step leaves the previous state usable and
 * never lists a token whose secret is missing.
 */
import { kvs } from '@forge/kvs';
import type { TokenHealthStatus } from '../shared/schemas';
import { queryByPrefix } from './query-by-prefix';
import { storageKeys, TOKEN_STATUS_SUFFIX, type SecretSlot } from './storage-keys';

export type TokenMetadata = {
  id: string;
  serverUrl: string;
  teamcityUsername: string;
  teamcityUserDisplayName: string;
  serverVersion: string;
  createdAt: string;
  secretSlot: SecretSlot;
  /**
   * Which of the TeamCity user's tokens this is (TeamCity lists tokens by name, never by value), so later checks
   * can read its expiry. Absent when TeamCity did not list the user's tokens.
   */
  teamcityTokenName?: string;
};

/** The last check of a token against TeamCity. */
export type StoredHealth = {
  status: TokenHealthStatus;
  checkedAt: string;
  expiresAt: string | null;
  message?: string;
};

/** What changes each time the token meets TeamCity, stored beside the metadata (see storage-keys.ts). */
export type TokenStatus = { lastAuthenticatedAt: string | null; health: StoredHealth | null };

export type StoredToken = TokenMetadata & TokenStatus;

const NO_STATUS: TokenStatus = { lastAuthenticatedAt: null, health: null };

const otherSlot = (slot: SecretSlot): SecretSlot => (slot === 'a' ? 'b' : 'a');

export class TokenDeletedWhileSavingError extends Error {
  constructor() {
    super('The token was deleted while it was being saved.');
    this.name = 'TokenDeletedWhileSavingError';
  }
}

/** Best effort: puts back what a failed save changed, so the previous token (if any) stays as it was. */
const undoSave = async (secretKey: string, statusKey: string, previous: StoredToken | undefined): Promise<void> => {
  await kvs.deleteSecret(secretKey).catch(() => undefined);
  const restore = previous && statusOf(previous);
  await (restore ? kvs.set(statusKey, restore) : kvs.delete(statusKey)).catch(() => undefined);
};

const statusOf = ({ lastAuthenticatedAt, health }: TokenStatus): TokenStatus => ({ lastAuthenticatedAt, health });

const mergeStatus = (entries: Array<{ key: string; value: unknown }>, prefix: string): StoredToken[] => {
  const metadata = new Map<string, TokenMetadata>();
  const status = new Map<string, TokenStatus>();
  for (const { key, value } of entries) {
    const rest = key.slice(prefix.length);
    if (rest.endsWith(TOKEN_STATUS_SUFFIX)) status.set(rest.slice(0, -TOKEN_STATUS_SUFFIX.length), value as TokenStatus);
    else metadata.set(rest, value as TokenMetadata);
  }
  // A status whose metadata is gone (a delete that failed halfway) lists nothing.
  return [...metadata.values()].map((m) => ({ ...m, ...(status.get(m.id) ?? NO_STATUS) }));
};

/**
 * After a delete, metadata that a concurrent save wrote may point at a secret the delete just removed; such a
 * token could be listed but never used, so it goes too. Metadata whose secret is there belongs to a save that
 * came entirely after the delete, and stays.
 */
const removeIfSecretGone = async (accountId: string, tokenId: string): Promise<void> => {
  const metadata = await kvs.get<TokenMetadata>(storageKeys.tokenMetadata(accountId, tokenId));
  if (!metadata) return;
  if ((await kvs.getSecret<string>(storageKeys.tokenSecret(accountId, tokenId, metadata.secretSlot))) !== undefined) return;
  await kvs.delete(storageKeys.tokenMetadata(accountId, tokenId));
};

export const tokenStore = {
  async list(accountId: string): Promise<StoredToken[]> {
    const prefix = storageKeys.tokensOf(accountId);
    return mergeStatus(await queryByPrefix(prefix), prefix).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  async get(accountId: string, tokenId: string): Promise<StoredToken | undefined> {
    const [metadata, status] = await Promise.all([
      kvs.get<TokenMetadata>(storageKeys.tokenMetadata(accountId, tokenId)),
      kvs.get<TokenStatus>(storageKeys.tokenStatus(accountId, tokenId)),
    ]);
    return metadata ? { ...metadata, ...(status ?? NO_STATUS) } : undefined;
  },

  async readSecret(accountId: string, token: TokenMetadata): Promise<string | undefined> {
    return kvs.getSecret<string>(storageKeys.tokenSecret(accountId, token.id, token.secretSlot));
  },

  /**
   * Saves a new token or replaces the one for the same server (`previous`), as described above. Throws
   * `TokenDeletedWhileSavingError` when a delete of the same token ran in between (another tab): the delete
   * wins, and nothing of this save stays behind.
   */
  async save(
    accountId: string,
    metadata: Omit<TokenMetadata, 'secretSlot'>,
    secret: string,
    authenticatedAt: string,
    previous: StoredToken | undefined,
    health: StoredHealth,
  ): Promise<StoredToken> {
    const slot = previous ? otherSlot(previous.secretSlot) : 'a';
    const secretKey = storageKeys.tokenSecret(accountId, metadata.id, slot);
    const metadataKey = storageKeys.tokenMetadata(accountId, metadata.id);
    const statusKey = storageKeys.tokenStatus(accountId, metadata.id);
    const saved: TokenMetadata = { ...metadata, secretSlot: slot };
    const status: TokenStatus = { lastAuthenticatedAt: authenticatedAt, health };

    await kvs.setSecret(secretKey, secret);
    try {
      await kvs.set(statusKey, status);
      await kvs.set(metadataKey, saved);
    } catch (error) {
      await undoSave(secretKey, statusKey, previous);
      throw error;
    }
    // A delete that ran between the secret write and the metadata write removed the secret, and the metadata
    // just written would list a token that cannot be used. Checking after the switch closes that window (a
    // delete still running re-checks on its side: removeIfSecretGone).
    if ((await kvs.getSecret<string>(secretKey)) === undefined) {
      await kvs.delete(metadataKey).catch(() => undefined);
      await kvs.delete(statusKey).catch(() => undefined);
      throw new TokenDeletedWhileSavingError();
    }
    // From here on the token is saved; clearing the old slot only tidies up (the next save or delete retries).
    if (previous) {
      await kvs.deleteSecret(storageKeys.tokenSecret(accountId, metadata.id, previous.secretSlot)).catch(() => undefined);
    }
    return { ...saved, ...status };
  },

  /**
   * Records what TeamCity just said about the token read as `token` (a check, or any accepted call), keeping the
   * rest. Skipped when that token has since been deleted or replaced: the answer was about its old secret.
   */
  async updateStatus(accountId: string, token: Pick<TokenMetadata, 'id' | 'secretSlot'>, change: Partial<TokenStatus>): Promise<void> {
    const key = storageKeys.tokenStatus(accountId, token.id);
    const [metadata, current] = await Promise.all([
      kvs.get<TokenMetadata>(storageKeys.tokenMetadata(accountId, token.id)),
      kvs.get<TokenStatus>(key),
    ]);
    if (metadata?.secretSlot !== token.secretSlot) return;
    await kvs.set(key, { ...statusOf(current ?? NO_STATUS), ...change });
  },

  /**
   * Deletes the metadata first, so the token stops being listed or used at once, then everything else it may
   * own, then what a concurrent save may have left pointing at a removed secret. Each step is idempotent:
   * after a failure, deleting again finishes the job.
   */
  async delete(accountId: string, tokenId: string): Promise<void> {
    await kvs.delete(storageKeys.tokenMetadata(accountId, tokenId));
    await Promise.all([
      kvs.deleteSecret(storageKeys.tokenSecret(accountId, tokenId, 'a')),
      kvs.deleteSecret(storageKeys.tokenSecret(accountId, tokenId, 'b')),
      kvs.delete(storageKeys.tokenStatus(accountId, tokenId)),
    ]);
    await removeIfSecretGone(accountId, tokenId);
  },
};

export type TokenStore = typeof tokenStore;
