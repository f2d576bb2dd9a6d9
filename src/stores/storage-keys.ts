/**
 * Every storage key the app writes. Keys carry the owner's accountId so per-user data can only be reached
 * through the runtime's accountId, and each part is escaped so no value can reach into another user's prefix
 * (an accountId is `712020:uuid`; a raw `:` in it would let `a` prefix-match `a:b`).
 */

/** Injective escape into the characters Forge keys allow, with `:` reserved as the separator. */
export const encodeKeyPart = (value: string): string => value.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}.`);

export type SecretSlot = 'a' | 'b';

const tokenPrefix = (accountId: string) => `tc-token:${encodeKeyPart(accountId)}:`;

/** Ends the key of a token's status record; the metadata's key has no suffix. */
export const TOKEN_STATUS_SUFFIX = ':status';

export const storageKeys = {
  /** Prefix that lists everything of one user's tokens in a single query. */
  tokensOf: tokenPrefix,
  tokenMetadata: (accountId: string, tokenId: string) => `${tokenPrefix(accountId)}${tokenId}`,
  /**
   * "Last authenticated" and the last check's outcome. Kept apart from the metadata so updating them can never
   * resurrect a token deleted in the meantime; under the same prefix so one query lists both.
   */
  tokenStatus: (accountId: string, tokenId: string) => `${tokenPrefix(accountId)}${tokenId}${TOKEN_STATUS_SUFFIX}`,
  tokenSecret: (accountId: string, tokenId: string, slot: SecretSlot) => `tc-secret:${encodeKeyPart(accountId)}:${tokenId}:${slot}`,
  /** What one user last ran from one repository (Bitbucket repository UUID, braces and all). */
  buildPreferences: (accountId: string, repositoryUuid: string) =>
    `tc-build-pref:${encodeKeyPart(accountId)}:${encodeKeyPart(repositoryUuid)}`,
  /** The values one user last ran a configuration with from one repository (no passwords). */
  runValues: (accountId: string, repositoryUuid: string, tokenId: string, buildTypeId: string) =>
    `tc-run-values:${encodeKeyPart(accountId)}:${encodeKeyPart(repositoryUuid)}:${tokenId}:${buildTypeId}`,
  /** The workspace's TeamCity policy: one record per installation, which is one workspace. */
  workspacePolicy: () => 'tc-policy',
  /** Index of who uses a server, for the admin's counts: one entry per server and (hashed) user, no token data. */
  serverUsers: () => 'tc-server-users:',
  serverUser: (serverId: string, hashedAccountId: string) => `tc-server-users:${serverId}:${hashedAccountId}`,
};
