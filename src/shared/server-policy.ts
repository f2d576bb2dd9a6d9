/**
 * The workspace's rule for which TeamCity servers users may connect, shared by the backend (which enforces it)
 * and the UI (which marks tokens). Both sides compare URLs normalized by normalizeServerUrl (server-url.ts).
 */
export type ServerPolicy = {
  /** Normalized server URLs; empty means any HTTPS server. */
  allowedServers: string[];
  /** Pre-fills the "Add an access token" dialog; always one of allowedServers when that list is not empty. */
  defaultServerUrl: string | null;
};

export const OPEN_POLICY: ServerPolicy = { allowedServers: [], defaultServerUrl: null };

export const isServerAllowed = (policy: Pick<ServerPolicy, 'allowedServers'>, serverUrl: string): boolean =>
  policy.allowedServers.length === 0 || policy.allowedServers.includes(serverUrl);

/** "a, b and c" for messages. */
export const listServers = (servers: readonly string[]): string =>
  servers.length <= 1 ? (servers[0] ?? '') : `${servers.slice(0, -1).join(', ')} and ${servers[servers.length - 1]}`;
