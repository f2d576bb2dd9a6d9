/**
 * Provides `global.__forge_fetch__`, the one door through which the unmodified @forge packages reach
 * Forge's services. Being a process-wide global, only one local host can own it at a time.
 */
import { handleBitbucketRequest } from '../bitbucket/bitbucket-api';
import { userByAccountId, type DemoUser } from '../bitbucket/demo-data';
import type { KvsTransport } from '../storage/kvs-transport';
import { assertInvocationRunning, invocationScope } from './invocation-scope';
import type { UserConsent } from './user-consent';

type FetchTarget = { type?: string; provider?: string; remote?: string; accountId?: string };
type ForgeFetch = (target: FetchTarget, path: string, init?: RequestInit) => Promise<Response>;
type ForgeGlobal = typeof globalThis & { __forge_fetch__?: ForgeFetch };

export type ForgeFetchDeps = { kvs: KvsTransport; consent: UserConsent; scopes: readonly string[] };

/**
 * What Forge's proxy answers an `asUser()` call of a user who has not allowed the app access yet: @forge/api's
 * handleProxyResponseErrors turns this header into `NeedsAuthenticationError` ('Authentication Required').
 */
export const needsAuthentication = () => new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });

let installed = false;

export function installForgeFetch(deps: ForgeFetchDeps): () => void {
  if (installed) throw new Error('A local Forge host is already running in this process; close it before starting another.');
  const g = globalThis as ForgeGlobal;
  const previous = g.__forge_fetch__;
  const forgeFetch: ForgeFetch = async (target, path, init) => {
    assertInvocationRunning();
    if (target.type === 'kvs') return deps.kvs.handle(path, init);
    if (target.type === 'fpp' && target.remote === 'bitbucket') {
      const user = actingUser(target);
      if (target.provider === 'user' && (!user || !deps.consent.has(user.accountId))) return needsAuthentication();
      return handleBitbucketRequest(path, init, user, deps.scopes);
    }
    return new Response(null, {
      status: 501,
      headers: { 'forge-proxy-error': `UNSUPPORTED_LOCALLY:${target.type ?? '?'}/${target.remote ?? '?'}` },
    });
  };
  g.__forge_fetch__ = forgeFetch;
  installed = true;
  return () => {
    if (g.__forge_fetch__ === forgeFetch) {
      if (previous) g.__forge_fetch__ = previous;
      else delete g.__forge_fetch__;
    }
    installed = false;
  };
}

/** `asUser()` acts for the given account, or the invoking user when none is given; app calls have no user. */
function actingUser(target: FetchTarget): DemoUser | undefined {
  if (target.provider !== 'user') return undefined;
  return target.accountId ? userByAccountId(target.accountId) : invocationScope.getStore()?.user;
}
