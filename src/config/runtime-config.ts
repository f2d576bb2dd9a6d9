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
};

const positiveInt = (value: string | undefined): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export const readRuntimeConfig = (env: NodeJS.ProcessEnv = process.env): RuntimeConfig => ({
  allowHttpLoopback: env.TEAMCITY_ALLOW_HTTP_LOOPBACK === 'true',
  teamcityTimeoutMs: positiveInt(env.TEAMCITY_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS,
});
