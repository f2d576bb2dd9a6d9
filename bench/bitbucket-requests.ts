/**
 * Counts the Bitbucket requests the app makes through the local host: wraps the process-wide `__forge_fetch__`
 * the host installed (local/forge-host/runtime/forge-fetch.ts), the one door @forge/api's requestBitbucket uses.
 */
type FetchTarget = { type?: string; remote?: string };
type ForgeFetch = (target: FetchTarget, path: string, init?: RequestInit) => Promise<Response>;
type ForgeGlobal = typeof globalThis & { __forge_fetch__?: ForgeFetch };

export type BitbucketLog = { paths: string[]; clear: () => void; stop: () => void };

export function recordBitbucketRequests(): BitbucketLog {
  const g = globalThis as ForgeGlobal;
  const inner = g.__forge_fetch__;
  if (!inner) throw new Error('No local host is running: start one before recording its Bitbucket requests.');
  const paths: string[] = [];
  const recording: ForgeFetch = (target, path, init) => {
    if (target.type === 'fpp' && target.remote === 'bitbucket') {
      // The workspace and repository UUIDs say nothing a reader of the figures needs.
      const shown = path.split('?')[0]!.replace(/^\/2\.0\/repositories\/[^/]+\/[^/]+/, '/2.0/repositories/{ws}/{repo}');
      paths.push(`${(init?.method ?? 'GET').toUpperCase()} ${shown}`);
    }
    return inner(target, path, init);
  };
  g.__forge_fetch__ = recording;
  return {
    paths,
    clear: () => paths.splice(0),
    stop: () => {
      if (g.__forge_fetch__ === recording) g.__forge_fetch__ = inner;
    },
  };
}
