/**
 * When to ask for a running build again. Every two seconds while it answers; after a failure, twice as
 * long each time up to half a minute, so a struggling server is not hammered. Some failures asking again
 * cannot fix (the token was revoked, the build or the permission is gone, the workspace no longer allows the
 * server): polling stops and the error stays on screen.
 */
import type { AppError } from '../../src/shared/result';

export const POLL_INTERVAL_MS = 2000;
const MAX_POLL_INTERVAL_MS = 30000;

const PERMANENT: ReadonlySet<AppError['code']> = new Set<AppError['code']>([
  'unauthorized',
  'token_not_found',
  'forbidden',
  'not_found',
  'server_not_allowed',
]);

export const isPermanentPollError = (error: AppError): boolean => PERMANENT.has(error.code);

/** The wait before the next request after `error`, or null to stop polling. */
export function delayAfterError(error: AppError, previousDelay: number): number | null {
  return isPermanentPollError(error) ? null : Math.min(previousDelay * 2, MAX_POLL_INTERVAL_MS);
}
