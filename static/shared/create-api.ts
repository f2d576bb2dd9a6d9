/**
 * The one way a Custom UI app talks to the backend: `createApi(KEYS)` gives a typed function per resolver key,
 * so a component calls `api.triggerBuild(input)` and gets the Result the resolver returns (the contract in
 * src/shared/resolver-contract.ts, which the resolvers are checked against). Each app builds its own `api` with
 * only its keys. Resolvers answer with a `Result`; a rejected `invoke` or an answer of another shape becomes a
 * Result too, so screens handle one shape. Type-only imports of the contract: no zod in the bundles.
 */
import type { ResolverInput, ResolverKey, ResolverOutput } from '../../src/shared/resolver-contract';
import type { AppError, Result } from '../../src/shared/result';
import { invoke } from './forge-bridge';
import { BACKEND_UNREACHABLE_MESSAGE, invokeRejectionError } from './invoke-rejection';

export type ApiCall<K extends ResolverKey> = (input: ResolverInput<K>) => Promise<Result<ResolverOutput<K>>>;
export type Api<K extends ResolverKey> = { readonly [P in K]: ApiCall<P> };

const isAppError = (value: unknown): value is AppError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AppError).code === 'string' &&
  typeof (value as AppError).message === 'string';

/** Trust only the envelope's shape here; the resolver already validated what is inside it. */
const isResult = (value: unknown): value is Result<unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; data?: unknown; error?: unknown };
  return candidate.ok === true ? 'data' in candidate : candidate.ok === false && isAppError(candidate.error);
};

async function call(functionKey: ResolverKey, payload: unknown): Promise<Result<unknown>> {
  try {
    const response: unknown = await invoke(functionKey, payload as Record<string, unknown>);
    return isResult(response) ? response : { ok: false, error: { code: 'internal_error', message: BACKEND_UNREACHABLE_MESSAGE } };
  } catch (reason) {
    return { ok: false, error: invokeRejectionError(reason) };
  }
}

/** One typed call per key of `keys` (an app's function constants, e.g. BUILD_RESOLVER_FUNCTIONS). */
export function createApi<K extends ResolverKey>(keys: Readonly<Record<string, K>>): Api<K> {
  const api: Partial<Record<K, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const key of Object.values(keys)) api[key] = (input) => call(key, input);
  // Each entry calls its own key, whose contract says the answer's type.
  return api as unknown as Api<K>;
}
