/**
 * Gives a user N stored tokens through the real addToken path. A user holds one token per server and the
 * simulator serves no context path, so each token needs its own simulator on its own loopback port.
 */
import type { LocalHost } from '../local/forge-host/start-local-host';
import { startTeamCitySimulator, type TeamCitySimulator } from '../local/teamcity-simulator';
import type { Result } from '../src/shared/result';
import { RESOLVER_FUNCTIONS, type AddTokenResponse } from '../src/shared/schemas';

export type ExtraServers = { urls: string[]; close(): Promise<void> };

/** The TeamCity user whose tokens the benchmarks store: the simulator's demo admin. */
export const TEAMCITY_USER = 'admin';

export async function addToken(host: LocalHost, user: string, simulator: TeamCitySimulator): Promise<AddTokenResponse> {
  const token = simulator.createToken(TEAMCITY_USER, 'bench');
  const result = (await host.invoke(user, RESOLVER_FUNCTIONS.addToken, { serverUrl: simulator.url, token })) as Result<AddTokenResponse>;
  if (!result.ok) throw new Error(`addToken failed for ${simulator.url}: ${result.error.code}`);
  return result.data;
}

export async function addTokensOnDistinctServers(host: LocalHost, user: string, count: number): Promise<ExtraServers> {
  const simulators = await Promise.all(Array.from({ length: count }, () => startTeamCitySimulator({ seed: 'demo' })));
  const close = async () => void (await Promise.all(simulators.map((s) => s.close())));
  try {
    // One at a time, as a user would: concurrent adds would measure storage contention, not the app.
    for (const simulator of simulators) await addToken(host, user, simulator);
  } catch (error) {
    await close();
    throw error;
  }
  return { urls: simulators.map((s) => s.url), close };
}
