/**
 * What "consistent" means for one user's stored tokens, read straight from storage. Broken: a listed token
 * whose secret is missing or belongs to another TeamCity user than it says, or two tokens for one server.
 * Leftover: a secret or status record no token points at (never listed or used, but not tidy).
 * Returns human-readable violations, each starting with its kind.
 */
import type { Entry } from './host-calls';

type Metadata = { id: string; serverUrl: string; teamcityUsername: string; secretSlot: string };

const parseKey = (key: string) => {
  const parts = key.split(':');
  return { kind: parts[0], tokenId: parts[2], rest: parts.slice(3) };
};

/** `ownerOf(secretValue)` names the TeamCity user a token value was created for, if the test knows it. */
export function tokenStorageViolations(entries: Entry[], ownerOf: (secret: string) => string | undefined): string[] {
  const violations: string[] = [];
  const metadata = new Map<string, Metadata>();
  const statuses = new Set<string>();
  const secrets = new Map<string, string>();
  for (const e of entries) {
    const { kind, tokenId, rest } = parseKey(e.key);
    if (kind === 'tc-token' && tokenId && rest.length === 0) metadata.set(tokenId, e.value as Metadata);
    else if (kind === 'tc-token' && tokenId && rest[0] === 'status') statuses.add(tokenId);
    else if (kind === 'tc-secret' && e.secret && tokenId) secrets.set(`${tokenId}:${rest[0]}`, String(e.value));
  }
  const servers = new Map<string, number>();
  for (const m of metadata.values()) servers.set(m.serverUrl, (servers.get(m.serverUrl) ?? 0) + 1);
  for (const [server, n] of servers) if (n > 1) violations.push(`broken: ${n} tokens for one server ${server}`);
  for (const [id, m] of metadata) {
    const secret = secrets.get(`${id}:${m.secretSlot}`);
    if (secret === undefined) violations.push(`broken: token ${id.slice(0, 8)} is listed but its secret (slot ${m.secretSlot}) is missing`);
    else if (ownerOf(secret) !== undefined && ownerOf(secret) !== m.teamcityUsername) {
      violations.push(
        `broken: token ${id.slice(0, 8)} says TeamCity user "${m.teamcityUsername}" but its secret belongs to "${ownerOf(secret)}"`,
      );
    }
  }
  for (const slotKey of secrets.keys()) {
    const [id, slot] = slotKey.split(':');
    if (metadata.get(id!)?.secretSlot !== slot)
      violations.push(`leftover: secret ${id!.slice(0, 8)}:${slot} has no metadata pointing at it`);
  }
  for (const id of statuses) if (!metadata.has(id)) violations.push(`leftover: status record of ${id.slice(0, 8)} has no token`);
  return violations;
}

export const isBroken = (violation: string) => violation.startsWith('broken:');
