/**
 * The one way the Custom UI talks to the backend. Resolvers answer with a `Result`; a rejected `invoke`
 * (network, bridge, a resolver that threw) is turned into a Result too, so screens handle one shape.
 */
import { invoke } from './forge-bridge';
import type { AppError, Result } from '../../src/shared/result';

const GENERIC_ERROR_MESSAGE = "We couldn't reach the app's backend. Check your connection and try again.";

const genericFailure = <T>(): Result<T> => ({
  ok: false,
  error: { code: 'internal_error', message: GENERIC_ERROR_MESSAGE },
});

const isAppError = (value: unknown): value is AppError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AppError).code === 'string' &&
  typeof (value as AppError).message === 'string';

/** Trust only the envelope's shape here; the resolver already validated what is inside it. */
const isResult = <T>(value: unknown): value is Result<T> => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; data?: unknown; error?: unknown };
  return candidate.ok === true ? 'data' in candidate : candidate.ok === false && isAppError(candidate.error);
};

export async function callResolver<T>(functionKey: string, payload: Record<string, unknown>): Promise<Result<T>> {
  try {
    const response: unknown = await invoke(functionKey, payload);
    return isResult<T>(response) ? response : genericFailure<T>();
  } catch {
    // The rejection can carry the payload (and so a token) in its text: it is not logged or shown.
    return genericFailure<T>();
  }
}
