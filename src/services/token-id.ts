import { createHash } from 'node:crypto';

/** One token per server per user: the id is derived from the canonical server URL, so re-adding replaces. */
export const tokenIdForServer = (serverUrl: string): string => createHash('sha256').update(serverUrl).digest('hex').slice(0, 32);
