/**
 * Watches, and when asked answers in place of, the Bitbucket requests the app makes through a running local host:
 * wraps the process-wide `__forge_fetch__` the host installed (local/forge-host/runtime/forge-fetch.ts), the one
 * door @forge/api's requestBitbucket uses. For what the emulated Bitbucket never sends (a 500) and for counting.
 */
type FetchTarget = { type?: string; provider?: string; remote?: string };
type ForgeFetch = (target: FetchTarget, path: string, init?: RequestInit) => Promise<Response>;
type ForgeGlobal = typeof globalThis & { __forge_fetch__?: ForgeFetch };

export type BitbucketRequest = { provider?: string; method: string; path: string };

export type BitbucketInterceptor = {
  /** Every request since the last clear, with its full path (query included). */
  requests: BitbucketRequest[];
  /** "GET /2.0/repositories/{ws}/{repo}/refs/tags": the workspace and repository UUIDs say nothing a reader needs. */
  shown: () => string[];
  /** Answers in place of the emulated Bitbucket while it returns a Response. */
  answer: ((path: string) => Response | undefined) | undefined;
  clear: () => void;
  stop: () => void;
};

export function interceptBitbucket(): BitbucketInterceptor {
  const g = globalThis as ForgeGlobal;
  const inner = g.__forge_fetch__;
  if (!inner) throw new Error('No local host is running: start one before watching its Bitbucket requests.');
  const state: BitbucketInterceptor = {
    requests: [],
    shown: () =>
      state.requests.map(
        (r) => `${r.method} ${r.path.split('?')[0]!.replace(/^\/2\.0\/repositories\/[^/]+\/[^/]+/, '/2.0/repositories/{ws}/{repo}')}`,
      ),
    answer: undefined,
    clear: () => {
      state.requests.splice(0);
      state.answer = undefined;
    },
    stop: () => {
      if (g.__forge_fetch__ === intercepting) g.__forge_fetch__ = inner;
    },
  };
  const intercepting: ForgeFetch = (target, path, init) => {
    if (target.type !== 'fpp' || target.remote !== 'bitbucket') return inner(target, path, init);
    state.requests.push({ provider: target.provider, method: (init?.method ?? 'GET').toUpperCase(), path });
    return Promise.resolve(state.answer?.(path) ?? inner(target, path, init));
  };
  g.__forge_fetch__ = intercepting;
  return state;
}
