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
import { storageKeys, type SecretSlot } from './storage-keys';

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

export type StoredToken = TokenMetadata & { lastAuthenticatedAt: string | null; health: StoredHealth | null };

type LastAuthenticated = { at: string };

const otherSlot = (slot: SecretSlot): SecretSlot => (slot === 'a' ? 'b' : 'a');

export class TokenDeletedWhileSavingError extends Error {
  constructor() {
    super('The token was deleted while it was being saved.');
    this.name = 'TokenDeletedWhileSavingError';
  }
}

/** Best effort: puts back what a failed save changed, so the previous token (if any) stays as it was. */
const undoSave = async (secretKey: string, lastAuthKey: string, previous: StoredToken | undefined): Promise<void> => {
  await kvs.deleteSecret(secretKey).catch(() => undefined);
  const restore = previous?.lastAuthenticatedAt;
  await (restore ? kvs.set(lastAuthKey, { at: restore } satisfies LastAuthenticated) : kvs.delete(lastAuthKey)).catch(() => undefined);
};

/** Side records of a token live under `<prefix><id>:<suffix>`; anything else under the prefix is its metadata. */
const SIDE_RECORD = /^(.*):(auth|health)$/;

const mergeSideRecords = (entries: Array<{ key: string; value: unknown }>, prefix: string): StoredToken[] => {
  const metadata = new Map<string, TokenMetadata>();
  const lastAuth = new Map<string, string>();
  const health = new Map<string, StoredHealth>();
  for (const { key, value } of entries) {
    const rest = key.slice(prefix.length);
    const side = SIDE_RECORD.exec(rest);
    if (!side) metadata.set(rest, value as TokenMetadata);
    else if (side[2] === 'auth') lastAuth.set(side[1]!, (value as LastAuthenticated).at);
    else health.set(side[1]!, value as StoredHealth);
  }
  // A side record whose metadata is gone (a delete that failed halfway) lists nothing.
  return [...metadata.values()].map((m) => ({ ...m, lastAuthenticatedAt: lastAuth.get(m.id) ?? null, health: health.get(m.id) ?? null }));
};

export const tokenStore = {
  async list(accountId: string): Promise<StoredToken[]> {
    const prefix = storageKeys.tokensOf(accountId);
    return mergeSideRecords(await queryByPrefix(prefix), prefix).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  async get(accountId: string, tokenId: string): Promise<StoredToken | undefined> {
    const [metadata, lastAuth, health] = await Promise.all([
      kvs.get<TokenMetadata>(storageKeys.tokenMetadata(accountId, tokenId)),
      kvs.get<LastAuthenticated>(storageKeys.tokenLastAuthenticated(accountId, tokenId)),
      kvs.get<StoredHealth>(storageKeys.tokenHealth(accountId, tokenId)),
    ]);
    return metadata ? { ...metadata, lastAuthenticatedAt: lastAuth?.at ?? null, health: health ?? null } : undefined;
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
    const lastAuthKey = storageKeys.tokenLastAuthenticated(accountId, metadata.id);
    const saved: TokenMetadata = { ...metadata, secretSlot: slot };

    await kvs.setSecret(secretKey, secret);
    try {
      await kvs.set(lastAuthKey, { at: authenticatedAt } satisfies LastAuthenticated);
      await kvs.set(metadataKey, saved);
    } catch (error) {
      await undoSave(secretKey, lastAuthKey, previous);
      throw error;
    }
    // A delete that ran between the secret write and the metadata write removed the secret, and the metadata
    // just written would list a token that cannot be used. Checking after the switch closes that window: a
    // delete that starts later removes the metadata itself.
    if ((await kvs.getSecret<string>(secretKey)) === undefined) {
      await kvs.delete(metadataKey).catch(() => undefined);
      await kvs.delete(lastAuthKey).catch(() => undefined);
      throw new TokenDeletedWhileSavingError();
    }
    // From here on the token is saved; the rest only tidies up (the next save or delete retries), and a missing
    // health record just reads as "not checked yet".
    await Promise.all([
      kvs.set(storageKeys.tokenHealth(accountId, metadata.id), health).catch(() => undefined),
      previous && kvs.deleteSecret(storageKeys.tokenSecret(accountId, metadata.id, previous.secretSlot)).catch(() => undefined),
    ]);
    return { ...saved, lastAuthenticatedAt: authenticatedAt, health };
  },

  /** Writes the outcome of a check. Like `:auth`, a separate record, so it cannot bring back a deleted token. */
  async saveHealth(accountId: string, tokenId: string, health: StoredHealth): Promise<void> {
    await kvs.set(storageKeys.tokenHealth(accountId, tokenId), health);
  },

  async touchLastAuthenticated(accountId: string, tokenId: string, at: string): Promise<void> {
    await kvs.set(storageKeys.tokenLastAuthenticated(accountId, tokenId), { at } satisfies LastAuthenticated);
  },

  /**
   * Deletes the metadata first, so the token stops being listed or used at once, then everything else it may
   * own. Each step is idempotent: after a failure, deleting again finishes the job.
   */
  async delete(accountId: string, tokenId: string): Promise<void> {
    await kvs.delete(storageKeys.tokenMetadata(accountId, tokenId));
    await Promise.all([
      kvs.deleteSecret(storageKeys.tokenSecret(accountId, tokenId, 'a')),
      kvs.deleteSecret(storageKeys.tokenSecret(accountId, tokenId, 'b')),
      kvs.delete(storageKeys.tokenLastAuthenticated(accountId, tokenId)),
      kvs.delete(storageKeys.tokenHealth(accountId, tokenId)),
    ]);
  },
};

export type TokenStore = typeof tokenStore;
