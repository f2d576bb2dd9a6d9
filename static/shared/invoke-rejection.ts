/**
 * What a rejected `invoke` means for the user. Forge's bridge rejects with an Error (network, bridge, a
 * resolver that threw, the rate limit, the user declining the app's access request); its text can carry the
 * payload, and so a token, so it is never shown or logged. This is the one place that tells those apart.
 */
import type { AppError } from '../../src/shared/result';

export const BACKEND_UNREACHABLE_MESSAGE = "We couldn't reach the app's backend. Check your connection and try again.";
export const CONSENT_REQUIRED_MESSAGE = 'Allow the app access to Bitbucket to use TeamCity here.';

/**
 * @forge/api names the error for "the user has not granted access yet" NEEDS_AUTHENTICATION_ERR (its errors.js);
 * a host that rejects `invoke` for that reason is expected to say so in the Error's `name` or `code`.
 */
const CONSENT_MARKERS: ReadonlySet<unknown> = new Set(['NEEDS_AUTHENTICATION_ERR', 'consent_required']);

const isConsentRejection = (reason: unknown): boolean => {
  if (typeof reason !== 'object' || reason === null) return false;
  const { name, code } = reason as { name?: unknown; code?: unknown };
  return CONSENT_MARKERS.has(name) || CONSENT_MARKERS.has(code);
};

export function invokeRejectionError(reason: unknown): AppError {
  return isConsentRejection(reason)
    ? { code: 'consent_required', message: CONSENT_REQUIRED_MESSAGE }
    : { code: 'internal_error', message: BACKEND_UNREACHABLE_MESSAGE };
}
