/**
 * How much of one resolver invocation is left. Forge stops a UI resolver invocation after 25 seconds ("Runtime
 * seconds: 25", https://developer.atlassian.com/platform/forge/limits-invocation/), killing whatever runs, a
 * storage write included. So each invocation gets a Deadline at the edge: TeamCity requests end early enough
 * that the answer (and any storage write it needs) still fits, and no write starts without the time to finish.
 */
import type { FetchLike } from '../teamcity/teamcity-client';

export type Deadline = {
  /** Milliseconds until the resolver must have answered (the limit less the platform's own share). */
  remainingMs(): number;
  /** A TeamCity client's per-request timeout: the configured one, or less when the invocation ends sooner. */
  teamcityTimeoutMs(configuredMs: number): number;
  /** Whether a TeamCity request may still start: one with less time than this could only time out. */
  allowsTeamCityRequest(): boolean;
  /** Whether a storage write may start (and so finish before Forge stops the invocation). */
  allowsStorageWrite(): boolean;
  /** `fetch` whose requests are aborted when TeamCity's share of the invocation is used up, however many a call makes. */
  bindFetch(fetch: FetchLike): FetchLike;
};

/** Time the platform uses around our code: loading the function before our clock starts, sending the answer. */
export const PLATFORM_SHARE_MS = 1_500;
/** Kept free after TeamCity's share for what follows it: storage writes (a few kvs calls) and building the answer. */
export const AFTER_TEAMCITY_MS = 1_500;
/** A TeamCity request given less than this would only report a timeout; better to say so without sending it. */
export const MIN_REQUEST_MS = 500;
/** A storage write sequence (token save: metadata, secret, status) needs well under this. */
export const MIN_WRITE_MS = 1_000;

export type DeadlineOptions = { limitMs: number; now?: () => number };

export function startDeadline({ limitMs, now = Date.now }: DeadlineOptions): Deadline {
  const answerBy = now() + Math.max(0, limitMs - PLATFORM_SHARE_MS);
  const remainingMs = () => Math.max(0, answerBy - now());
  const teamcityLeft = () => Math.max(0, remainingMs() - AFTER_TEAMCITY_MS);
  return {
    remainingMs,
    teamcityTimeoutMs: (configuredMs) => Math.max(0, Math.min(configuredMs, teamcityLeft())),
    allowsTeamCityRequest: () => teamcityLeft() >= MIN_REQUEST_MS,
    allowsStorageWrite: () => remainingMs() >= MIN_WRITE_MS,
    bindFetch: (fetch) => (url, init) => {
      // AbortSignal.timeout does not keep the process alive and aborts with a TimeoutError, which the client
      // reports as a timeout like its own.
      const cutoff = AbortSignal.timeout(Math.max(1, teamcityLeft()));
      return fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, cutoff]) : cutoff });
    },
  };
}
