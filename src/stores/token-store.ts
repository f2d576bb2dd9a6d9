/**
 * Per-user TeamCity tokens in Forge storage. The metadata is a plain entry; the token value only ever goes
 * to `kvs.setSecret`. A token is "saved" exactly when its metadata exists and points at a written secret:
 * the secret is written first into the slot the current metadata does not use, then the metadata is switched
 * over in one write, then the old slot is cleared. A failure at any step leaves the previous state usable and
 * never lists a token whose secret is missing.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { storageKeys, type SecretSlot } from './storage-keys';

export type TokenMetadata = {
  id: string;
  serverUrl: string;
  teamcityUsername: string;
  teamcityUserDisplayName: string;
  serverVersion: string;
  createdAt: string;
  secretSlot: SecretSlot;
};

export type StoredToken = TokenMetadata & { lastAuthenticatedAt: string | null };

type LastAuthenticated = { at: string };

/** The most a Key-Value Store query returns per page ("up to a maximum of 20", Forge storage docs). */
const QUERY_PAGE_SIZE = 20;

const otherSlot = (slot: SecretSlot): SecretSlot => (slot === 'a' ? 'b' : 'a');

const mergeAuthRecords = (entries: Array<{ key: string; value: unknown }>, prefix: string): StoredToken[] => {
  const metadata = new Map<string, TokenMetadata>();
  const lastAuth = new Map<string, string>();
  for (const { key, value } of entries) {
    const rest = key.slice(prefix.length);
    if (rest.endsWith(':auth')) lastAuth.set(rest.slice(0, -':auth'.length), (value as LastAuthenticated).at);
    else metadata.set(rest, value as TokenMetadata);
  }
  return [...metadata.values()].map((m) => ({ ...m, lastAuthenticatedAt: lastAuth.get(m.id) ?? null }));
};

export const tokenStore = {
  async list(accountId: string): Promise<StoredToken[]> {
    const prefix = storageKeys.tokensOf(accountId);
    const entries: Array<{ key: string; value: unknown }> = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      entries.push(...page.results);
      cursor = page.nextCursor;
    } while (cursor);
    return mergeAuthRecords(entries, prefix).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },

  async get(accountId: string, tokenId: string): Promise<StoredToken | undefined> {
    const [metadata, lastAuth] = await Promise.all([
      kvs.get<TokenMetadata>(storageKeys.tokenMetadata(accountId, tokenId)),
      kvs.get<LastAuthenticated>(storageKeys.tokenLastAuthenticated(accountId, tokenId)),
    ]);
    return metadata ? { ...metadata, lastAuthenticatedAt: lastAuth?.at ?? null } : undefined;
  },

  async readSecret(accountId: string, token: TokenMetadata): Promise<string | undefined> {
    return kvs.getSecret<string>(storageKeys.tokenSecret(accountId, token.id, token.secretSlot));
  },

  /** Saves a new token or replaces the one for the same server (`previous`), as described above. */
  async save(
    accountId: string,
    metadata: Omit<TokenMetadata, 'secretSlot'>,
    secret: string,
    authenticatedAt: string,
    previous: TokenMetadata | undefined,
  ): Promise<StoredToken> {
    const slot = previous ? otherSlot(previous.secretSlot) : 'a';
    const secretKey = storageKeys.tokenSecret(accountId, metadata.id, slot);
    const saved: TokenMetadata = { ...metadata, secretSlot: slot };
    await kvs.setSecret(secretKey, secret);
    try {
      await kvs.set(storageKeys.tokenMetadata(accountId, metadata.id), saved);
    } catch (error) {
      await kvs.deleteSecret(secretKey).catch(() => undefined);
      throw error;
    }
    // From here on the token is saved; what follows only tidies up and may be retried by the next save/delete.
    await kvs
      .set(storageKeys.tokenLastAuthenticated(accountId, metadata.id), { at: authenticatedAt } satisfies LastAuthenticated)
      .catch(() => undefined);
    if (previous) {
      await kvs.deleteSecret(storageKeys.tokenSecret(accountId, metadata.id, previous.secretSlot)).catch(() => undefined);
    }
    return { ...saved, lastAuthenticatedAt: authenticatedAt };
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
    ]);
  },
};

export type TokenStore = typeof tokenStore;
