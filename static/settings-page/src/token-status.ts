/**
 * What the TeamCity page says about a token: a status lozenge and, when TeamCity reported one, the expiry.
 * Pure functions of the token, the workspace policy and the clock, so the wording is unit-tested.
 */
import type { TokenView } from '../../../src/shared/schemas';
import { isServerAllowed, type ServerPolicy } from '../../../src/shared/server-policy';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'moved';
export type TokenStatusView = { label: string; appearance: LozengeAppearance; description: string };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Tokens checked longer ago than this are checked again when the page opens. */
const STALE_AFTER_MS = HOUR;
/** "Expires in N days" turns into a warning this close to the date. */
const EXPIRY_WARNING_DAYS = 7;

export const isStale = (token: TokenView, now: Date): boolean =>
  token.health.checkedAt === null || now.getTime() - Date.parse(token.health.checkedAt) > STALE_AFTER_MS;

const hasExpired = (token: TokenView, at: Date): boolean => token.expiresAt !== null && Date.parse(token.expiresAt) <= at.getTime();

export function tokenStatus(token: TokenView, policy: Pick<ServerPolicy, 'allowedServers'>, checking: boolean, now: Date): TokenStatusView {
  if (!isServerAllowed(policy, token.serverUrl)) {
    return {
      label: 'Not allowed',
      appearance: 'removed',
      description: 'Your workspace admin no longer allows this TeamCity server, so this token cannot run builds.',
    };
  }
  if (checking) return { label: 'Checking…', appearance: 'inprogress', description: 'Asking TeamCity whether this token still works.' };
  const why = token.health.message ? ` ${token.health.message}` : '';
  switch (token.health.status) {
    case null:
      return { label: 'Not checked yet', appearance: 'default', description: 'This token has not been checked with TeamCity yet.' };
    case 'connected':
      return { label: 'Connected', appearance: 'success', description: 'TeamCity accepted this token the last time it was checked.' };
    case 'unauthorized':
      return hasExpired(token, new Date(token.health.checkedAt ?? now))
        ? {
            label: 'Expired',
            appearance: 'removed',
            description: 'This token has expired. Create a new one in TeamCity and replace it here.',
          }
        : {
            label: 'Expired or revoked',
            appearance: 'removed',
            description: `TeamCity no longer accepts this token. Replace it with a new one.${why}`,
          };
    case 'forbidden':
      return { label: 'No access', appearance: 'removed', description: `TeamCity refused this token (403).${why}` };
    case 'unreachable':
      return {
        label: 'Unreachable',
        appearance: 'moved',
        description: `TeamCity could not be reached the last time this token was checked.${why}`,
      };
  }
}

/** "Expires in 5 days"; null when TeamCity reported no expiry or the token already expired. */
export function expiryText(expiresAt: string | null, now: Date): { text: string; warning: boolean } | null {
  if (expiresAt === null) return null;
  const left = Date.parse(expiresAt) - now.getTime();
  if (Number.isNaN(left) || left <= 0) return null;
  const days = Math.floor(left / DAY);
  const text = days === 0 ? 'Expires today' : days === 1 ? 'Expires tomorrow' : `Expires in ${days} days`;
  return { text, warning: days < EXPIRY_WARNING_DAYS };
}

/** "2025.11 (build 197398)" reads as "2025.11" next to the user name. */
export const shortVersion = (version: string): string => version.replace(/\s*\(build [^)]*\)\s*$/, '');
