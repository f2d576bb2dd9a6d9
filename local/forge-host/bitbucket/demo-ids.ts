/** Deterministic ids, so the same emulated user or repository keeps its id across restarts and machines. */
import { createHash } from 'node:crypto';

/** A version-4-shaped UUID derived from `seed` (no braces). */
export function uuidFromSeed(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Bitbucket's wire form of a UUID: wrapped in braces. */
export const braced = (uuid: string) => `{${uuid}}`;

/** Atlassian account ids look like `712020:<uuid>`. */
export function accountIdFor(userName: string): string {
  return `712020:${uuidFromSeed(`account:${userName}`)}`;
}

export function commitHash(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}
