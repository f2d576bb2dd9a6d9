/**
 * Provides `global.__forge_fetch__`, the one door through which the unmodified @forge packages reach
 * Forge's services. Being a process-wide global, only one local host can own it at a time.
 */
import { handleBitbucketRequest } from '../bitbucket/bitbucket-api';
import { userByAccountId, type DemoUser } from '../bitbucket/demo-data';
import type { KvsTransport } from '../storage/kvs-transport';
import { invocationScope } from './invocation-scope';

type FetchTarget = { type?: string; provider?: string; remote?: string; accountId?: string };
type ForgeFetch = (target: FetchTarget, path: string, init?: RequestInit) => Promise<Response>;
type ForgeGlobal = typeof globalThis & { __forge_fetch__?: ForgeFetch };

let installed = false;

export function installForgeFetch(kvs: KvsTransport): () => void {
  if (installed) throw new Error('A local Forge host is already running in this process; close it before starting another.');
  const g = globalThis as ForgeGlobal;
  const previous = g.__forge_fetch__;
  const forgeFetch: ForgeFetch = async (target, path, init) => {
    if (target.type === 'kvs') return kvs.handle(path, init);
    if (target.type === 'fpp' && target.remote === 'bitbucket') return handleBitbucketRequest(path, init, actingUser(target));
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
