/**
 * Who uses which TeamCity server, for the counts on the admin page. One entry per server and user, keyed by a
 * hash of the accountId, so counting never reads anybody's tokens and the index names nobody. Separate entries
 * (not one list per server) mean two users adding a token at once cannot overwrite each other's entry.
 */
import { createHash } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { queryByPrefix } from './query-by-prefix';
import { storageKeys } from './storage-keys';

type ServerUserEntry = { serverUrl: string };

const hashAccount = (accountId: string) => createHash('sha256').update(`tc-user:${accountId}`).digest('hex').slice(0, 32);

export const serverUsersStore = {
  async add(serverId: string, serverUrl: string, accountId: string): Promise<void> {
    await kvs.set(storageKeys.serverUser(serverId, hashAccount(accountId)), { serverUrl } satisfies ServerUserEntry);
  },

  async remove(serverId: string, accountId: string): Promise<void> {
    await kvs.delete(storageKeys.serverUser(serverId, hashAccount(accountId)));
  },

  /** Users per server URL, read page by page from the index alone. */
  async countByServer(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { value } of await queryByPrefix(storageKeys.serverUsers())) {
      const serverUrl = (value as Partial<ServerUserEntry> | undefined)?.serverUrl;
      if (typeof serverUrl === 'string') counts.set(serverUrl, (counts.get(serverUrl) ?? 0) + 1);
    }
    return counts;
  },
};

export type ServerUsersStore = typeof serverUsersStore;
