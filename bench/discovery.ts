/**
 * Build configuration discovery for a repository: TeamCity requests before and after the simulator grows by
 * 10,000 build types, and the time of the app's server-side VCS-URL locator (through the real resolver)
 * against listing everything and matching in the client.
 */
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import type { Result } from '../src/shared/result';
import { BUILD_RESOLVER_FUNCTIONS, type FindBuildConfigurationsRequest, type FindBuildConfigurationsResponse } from '../src/shared/schemas';
import { addToken, TEAMCITY_USER } from './distinct-servers';
import { info, median, runStandalone, within, type Figure } from './figure';
import { discoverByListingEverything } from './naive-discovery';

const GENERATED_BUILD_TYPES = 10_000;
const TARGET_RATIO = 20;
const RUNS = 5;
const USER = 'bench-discovery';
const REPOSITORY = { module: 'teamcity-run-build-repository', workspace: 'acme', repo: 'webapp' };
/** The clone URLs the demo repository's VCS roots use, for the yardstick's client-side match. */
const WEBAPP_CLONE_URLS = ['https://bitbucket.org/acme/webapp.git', 'git@bitbucket.org:acme/webapp.git'];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(host: LocalHost): Promise<Figure[]> {
  const simulator = host.simulator;
  if (!simulator) throw new Error('The local host started without its TeamCity simulator.');
  const { token } = await addToken(host, USER, simulator);
  const secret = simulator.createToken(TEAMCITY_USER, 'bench-yardstick');
  const request: FindBuildConfigurationsRequest = { tokenId: token.id, scope: 'repository' };
  const discover = async () => {
    const result = (await host.invoke(
      USER,
      BUILD_RESOLVER_FUNCTIONS.findBuildConfigurations,
      request,
      extensionForFrame(REPOSITORY),
    )) as Result<FindBuildConfigurationsResponse>;
    if (!result.ok) throw new Error(`findBuildConfigurations failed: ${result.error.code}`);
    return result.data.items.map((i) => i.id).sort();
  };
  const countRequests = async (work: () => Promise<unknown>) => {
    simulator.clearRequests();
    await work();
    return simulator.requests.length;
  };

  const smallBuildTypes = simulator.data.buildTypes.size;
  const smallRequests = await countRequests(discover);
  simulator.data.generateBuildTypes(GENERATED_BUILD_TYPES);
  const largeRequests = await countRequests(discover);

  const expected = await discover();
  const naive = (await discoverByListingEverything(simulator.url, secret, WEBAPP_CLONE_URLS)).sort();
  if (JSON.stringify(expected) !== JSON.stringify(naive)) throw new Error(`the two approaches disagree: ${expected} vs ${naive}`);
  const locatorMs: number[] = [];
  const listingMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    locatorMs.push(await timed(discover));
    listingMs.push(await timed(() => discoverByListingEverything(simulator.url, secret, WEBAPP_CLONE_URLS)));
  }
  const listingRequests = await countRequests(() => discoverByListingEverything(simulator.url, secret, WEBAPP_CLONE_URLS));
  const ratio = median(listingMs) / median(locatorMs);
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    {
      name: `TeamCity requests to find a repository's configurations (${n(smallBuildTypes)} / ${n(simulator.data.buildTypes.size)} build types)`,
      value: `${smallRequests} / ${largeRequests}`,
      budget: '≤ 2, same for both',
      verdict: within(largeRequests <= 2 && largeRequests === smallRequests),
    },
    {
      name: `discovery among ${n(GENERATED_BUILD_TYPES)} build types, median of ${RUNS}: naive listing ÷ server-side locator`,
      value: `${ratio.toFixed(1)}× (${median(listingMs).toFixed(0)} ms ÷ ${median(locatorMs).toFixed(0)} ms; ${expected.length} found)`,
      budget: `≥ ${TARGET_RATIO}×`,
      verdict: within(ratio >= TARGET_RATIO),
    },
    info('requests the naive listing needs for the same answer', String(listingRequests)),
  ];
}

export async function discoveryFigures(): Promise<Figure[]> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:' });
  try {
    return await measure(host);
  } finally {
    await host.close();
  }
}

runStandalone(module, discoveryFigures);
