import { DEFAULT_TIMEOUT_MS } from '../teamcity/teamcity-client';

/**
 * Switches that differ between the local host and a real Forge deployment. Read on every call (not cached at
 * import) so the local host can set them before the first request whatever the import order.
 */
export type RuntimeConfig = {
  /**
   * Lets users add `http://` servers on loopback (the TeamCity simulator). Forge itself blocks plain HTTP and
   * cannot reach loopback, so a deployed app never sets it.
   */
  allowHttpLoopback: boolean;
  /** How long one TeamCity request may take. Tests of the timeout path shorten it. */
  teamcityTimeoutMs: number;
  /**
   * How long Forge lets one resolver invocation run (25 s on Forge). Only tests change it, so that running
   * into the limit takes seconds rather than the real 25.
   */
  invocationLimitMs: number;
};

/** Forge stops a UI resolver invocation after 25 s ("Runtime seconds", https://developer.atlassian.com/platform/forge/limits-invocation/). */
export const FORGE_INVOCATION_LIMIT_MS = 25_000;

const positiveInt = (value: string | undefined): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export const readRuntimeConfig = (env: NodeJS.ProcessEnv = process.env): RuntimeConfig => ({
  allowHttpLoopback: env.TEAMCITY_ALLOW_HTTP_LOOPBACK === 'true',
  teamcityTimeoutMs: positiveInt(env.TEAMCITY_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS,
  // Never more than Forge allows: a larger value would only let Forge kill the invocation first.
  invocationLimitMs: Math.min(positiveInt(env.FORGE_INVOCATION_LIMIT_MS) ?? FORGE_INVOCATION_LIMIT_MS, FORGE_INVOCATION_LIMIT_MS),
});
