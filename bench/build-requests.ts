/**
 * How many TeamCity requests the build dialog makes, and how build configuration discovery scales: against a
 * simulator holding 10,000 build types, the server-side VCS-URL locator (one request, what the app does) versus
 * listing every build type and VCS root and filtering in the client. Run: npx tsx bench/build-requests.ts
 */
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import type { Result } from '../src/shared/result';
import type { AddTokenResponse, FindBuildConfigurationsResponse } from '../src/shared/schemas';

const BUILD_TYPES = 10_000;
const RUNS = 5;
const NAIVE_PAGE = 1_000;
const TARGET_RATIO = 20;
const WEBAPP_URLS = ['https://bitbucket.org/acme/webapp.git', 'git@bitbucket.org:acme/webapp.git'];

const repoPage = extensionForFrame({ module: 'teamcity-run-build-repo', repo: 'webapp' });
const out = (line: string) => process.stdout.write(`${line}\n`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The approach the app avoids: every build type with its VCS roots, every VCS root with its URL, matched here. */
async function discoverInClient(serverUrl: string, token: string): Promise<string[]> {
  const get = async (path: string) => {
    const response = await fetch(`${serverUrl}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const all = async <T>(path: string, fields: string, key: string): Promise<T[]> => {
    const items: T[] = [];
    for (let start = 0; ; start += NAIVE_PAGE) {
      const page = await get(`${path}?locator=${encodeURIComponent(`start:${start},count:${NAIVE_PAGE}`)}&fields=${encodeURIComponent(fields)}`);
      const batch = (page[key] ?? []) as T[];
      items.push(...batch);
      if (batch.length < NAIVE_PAGE) return items;
    }
  };
  type Root = { id: string; properties?: { property?: Array<{ name: string; value: string }> } };
  type BuildType = { id: string; 'vcs-root-entries'?: { 'vcs-root-entry'?: Array<{ 'vcs-root'?: { id: string } }> } };
  const [roots, buildTypes] = await Promise.all([
    all<Root>('/app/rest/vcs-roots', 'vcs-root(id,properties(property(name,value)))', 'vcs-root'),
    all<BuildType>('/app/rest/buildTypes', 'buildType(id,name,projectName,vcs-root-entries(vcs-root-entry(vcs-root(id))))', 'buildType'),
  ]);
  const wanted = new Set(WEBAPP_URLS.map((u) => u.toLowerCase()));
  const matching = new Set(roots.filter((r) => r.properties?.property?.some((p) => p.name === 'url' && wanted.has(p.value.toLowerCase()))).map((r) => r.id));
  return buildTypes.filter((b) => b['vcs-root-entries']?.['vcs-root-entry']?.some((e) => e['vcs-root'] && matching.has(e['vcs-root'].id))).map((b) => b.id);
}

async function main(): Promise<void> {
  // The app logs one line per resolver call; the benchmark's own lines are what matter here.
  const log = console.log;
  console.log = () => undefined;
  let host: LocalHost | undefined;
  try {
    host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: { buildDurations: { queuedMs: 50, runningMs: 50 } } });
    const sim = host.simulator!;
    const secret = sim.createToken('admin', 'bench');
    const added = (await host.invoke('alice', 'addToken', { serverUrl: sim.url, token: secret })) as Result<AddTokenResponse>;
    if (!added.ok) throw new Error(`addToken: ${added.error.code}`);
    const tokenId = added.data.token.id;
    const invoke = async <T>(key: string, payload: unknown) => {
      const result = (await host!.invoke('alice', key, payload, repoPage)) as Result<T>;
      if (!result.ok) throw new Error(`${key}: ${result.error.code}`);
      return result.data;
    };
    const discover = () => invoke<FindBuildConfigurationsResponse>('findBuildConfigurations', { tokenId, scope: 'repository' });
    const count = async (work: () => Promise<unknown>) => {
      sim.clearRequests();
      await work();
      return sim.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
    };

    const discovery = await count(discover);
    const trigger = await count(() => invoke('triggerBuild', { tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main' }));
    out(`TeamCity requests for discovery: ${discovery.length} (${discovery.join(', ')})`);
    out(`TeamCity requests for triggering: ${trigger.length} (${trigger.join(', ')}); POSTs to the build queue: ${trigger.filter((r) => r === 'POST /app/rest/buildQueue').length}`);

    sim.data.generateBuildTypes(BUILD_TYPES);
    const expected = (await discover()).items.map((i) => i.id).sort();
    const naive = (await discoverInClient(sim.url, secret)).sort();
    if (JSON.stringify(expected) !== JSON.stringify(naive)) throw new Error(`the two approaches disagree: ${expected} vs ${naive}`);

    const locatorMs: number[] = [];
    const clientMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      locatorMs.push(await timed(discover));
      clientMs.push(await timed(() => discoverInClient(sim.url, secret)));
    }
    const naiveRequests = await count(() => discoverInClient(sim.url, secret));
    const ratio = median(clientMs) / median(locatorMs);
    out(`Discovery with ${BUILD_TYPES} build types (median of ${RUNS}, ${expected.length} configurations found):`);
    out(`  server-side locator, through the resolver: ${median(locatorMs).toFixed(1)} ms, 1 request`);
    out(`  list everything and filter in the client:  ${median(clientMs).toFixed(1)} ms, ${naiveRequests.length} requests`);
    out(`  ratio: ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`);
  } finally {
    console.log = log;
    await host?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`build-requests benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
