/**
 * Build configuration discovery for a repository. Request counts are measured here, before and after the
 * simulator grows to 10,000 more build types; the timing of the server-side locator against listing
 * everything comes from bench/build-requests.ts (another module's benchmark, run as it is and read).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startLocalHost } from '../local/forge-host/start-local-host';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import type { Result } from '../src/shared/result';
import { BUILD_RESOLVER_FUNCTIONS, type FindBuildConfigurationsRequest, type FindBuildConfigurationsResponse } from '../src/shared/schemas';
import { addToken } from './distinct-servers';
import { info, runStandalone, within, type Figure } from './figure';

const GENERATED_BUILD_TYPES = 10_000;
const TARGET_RATIO = 20;
const USER = 'bench-discovery';
const REPOSITORY = { module: 'teamcity-run-build-repo', workspace: 'acme', repo: 'webapp' };
const ROOT = path.resolve(__dirname, '..');

async function discoveryRequestCounts(): Promise<Figure> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:' });
  try {
    const simulator = host.simulator;
    if (!simulator) throw new Error('The local host started without its TeamCity simulator.');
    const { token } = await addToken(host, USER, simulator);
    const request: FindBuildConfigurationsRequest = { tokenId: token.id, scope: 'repository' };
    const countRequests = async () => {
      simulator.clearRequests();
      const result = (await host.invoke(USER, BUILD_RESOLVER_FUNCTIONS.findBuildConfigurations, request, extensionForFrame(REPOSITORY))) as Result<FindBuildConfigurationsResponse>;
      if (!result.ok) throw new Error(`findBuildConfigurations failed: ${result.error.code}`);
      return { requests: simulator.requests.length, found: result.data.items.length, buildTypes: simulator.data.buildTypes.size };
    };
    const small = await countRequests();
    simulator.data.generateBuildTypes(GENERATED_BUILD_TYPES);
    const large = await countRequests();
    if (large.found !== small.found) throw new Error(`discovery found ${small.found} then ${large.found} configurations`);
    return {
      name: `TeamCity requests to find a repository's configurations (${small.buildTypes.toLocaleString('en-US')} / ${large.buildTypes.toLocaleString('en-US')} build types)`,
      value: `${small.requests} / ${large.requests}`,
      budget: '≤ 2, same for both',
      verdict: within(large.requests <= 2 && large.requests === small.requests),
    };
  } finally {
    await host.close();
  }
}

const number = (text: string, pattern: RegExp): number => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`bench/build-requests.ts printed no line matching ${pattern}; its output changed?\n${text}`);
  return Number(match[1]);
};

/** Runs bench/build-requests.ts in its own process (it exits when done) and reads its timing lines. */
async function locatorVersusListing(): Promise<Figure[]> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const { stdout } = await promisify(execFile)(tsx, [path.join(ROOT, 'bench', 'build-requests.ts')], { cwd: ROOT, timeout: 600_000, maxBuffer: 10 * 1024 * 1024 });
  const locatorMs = number(stdout, /server-side locator[^:]*:\s*([\d.]+) ms/);
  const listingMs = number(stdout, /list everything[^:]*:\s*([\d.]+) ms/);
  const listingRequests = number(stdout, /list everything[^:]*:\s*[\d.]+ ms, (\d+) requests/);
  const ratio = listingMs / locatorMs;
  return [
    {
      name: `discovery among ${GENERATED_BUILD_TYPES.toLocaleString('en-US')} build types: naive listing ÷ server-side locator`,
      value: `${ratio.toFixed(1)}× (${listingMs.toFixed(0)} ms ÷ ${locatorMs.toFixed(0)} ms)`,
      budget: `≥ ${TARGET_RATIO}×`,
      verdict: within(ratio >= TARGET_RATIO),
    },
    info('requests the naive listing needs for the same answer', String(listingRequests)),
  ];
}

export async function discoveryFigures(): Promise<Figure[]> {
  return [await discoveryRequestCounts(), ...(await locatorVersusListing())];
}

runStandalone(module, discoveryFigures);
