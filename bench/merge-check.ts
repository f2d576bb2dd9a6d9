/**
 * What one run of the "TeamCity builds passed" merge check costs with 1, 10 and 50 required configurations:
 * TeamCity requests (simulator log), storage operations (@forge/kvs transport log) and its latency against the
 * simulator on loopback, all green on the head commit. Plus the cost when nothing is required.
 */
import { headOf } from '../local/forge-host/bitbucket/branch-heads';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import type { Result } from '../src/shared/result';
import { storageKeys } from '../src/stores/storage-keys';
import type { StoredRepositorySettings } from '../src/stores/repository-settings-store';
import { info, median, runStandalone, within, type Figure } from './figure';

const SIZES = [1, 10, 50];
const RUNS = 7;
const REPO = 'webapp';
const PR = 1;
const BRANCH = 'feature/login';
const page = extensionForFrame({ module: 'teamcity-repository-settings', repo: REPO });

async function settingsOf(host: LocalHost): Promise<{ key: string; value: StoredRepositorySettings }> {
  const repoUuid = (page.repository as { uuid: string }).uuid;
  const key = storageKeys.repositorySettings(repoUuid);
  const entry = host.kvs.rawEntries().find((e) => e.key === key);
  if (!entry) throw new Error('The repository settings were not saved.');
  return { key, value: (typeof entry.value === 'string' ? JSON.parse(entry.value) : entry.value) as StoredRepositorySettings };
}

async function configure(host: LocalHost): Promise<void> {
  const call = async (key: string, payload: unknown) => {
    const result = (await host.invoke('demo', key, payload, page)) as Result<unknown>;
    if (!result.ok) throw new Error(`${key} failed: ${result.error.code}`);
  };
  await call('saveRepositorySettings', { serverUrl: host.simulator!.url, configurations: [] });
  await call('setRepositoryCredential', { token: host.simulator!.createToken('viewer', 'bench-merge-check') });
}

/** Requires `ids` by writing the settings record directly: the save resolver would look each new id up in TeamCity. */
async function requireConfigurations(host: LocalHost, ids: string[]): Promise<void> {
  const { key, value } = await settingsOf(host);
  const configurations = ids.map((id) => ({
    id,
    name: id,
    projectName: 'Generated',
    source: 'added' as const,
    shown: true,
    required: true,
    branchPattern: null,
  }));
  host.kvs.writeRaw(key, { ...value, configurations });
}

function buildAllGreen(host: LocalHost, ids: string[]): void {
  const sim = host.simulator!.data;
  const revision = headOf('acme', REPO, BRANCH);
  const now = Date.now();
  for (const id of ids) {
    sim.builds.addHistorical({
      buildTypeId: id,
      branchName: BRANCH,
      defaultBranch: false,
      properties: [],
      triggeredBy: sim.requireUser('admin'),
      number: '1',
      queueAtTop: false,
      cleanSources: false,
      willFail: false,
      failsToStart: false,
      revision,
      queuedAt: now - 3000,
      startAt: now - 2000,
      finishAt: now - 1000,
    });
  }
}

export async function mergeCheckFigures(): Promise<Figure[]> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:' });
  const figures: Figure[] = [];
  try {
    await configure(host);
    const sim = host.simulator!;
    host.simulator!.clearRequests();
    host.kvs.clearOperations();
    const none = await host.mergeChecks.run(REPO, PR, 'on-code-pushed');
    figures.push({
      name: 'merge check, nothing required: TeamCity requests / storage operations',
      value: `${sim.requests.length} / ${host.kvs.operations.length} (${none.success ? 'passed' : 'failed'})`,
      budget: '0 TeamCity requests',
      verdict: within(sim.requests.length === 0),
    });

    for (const n of SIZES) {
      const ids = sim.data.generateBuildTypes(n, { projectId: `Bench${n}`, urlFor: () => `https://bitbucket.org/acme/${REPO}.git` });
      await requireConfigurations(host, ids);
      buildAllGreen(host, ids);
      const latencies: number[] = [];
      let requests = 0;
      let operations = 0;
      for (let i = 0; i < RUNS; i++) {
        sim.clearRequests();
        host.kvs.clearOperations();
        const started = performance.now();
        const result = await host.mergeChecks.run(REPO, PR, 'on-code-pushed');
        latencies.push(performance.now() - started);
        if (!result.success) throw new Error(`the check failed with ${n} green configurations: ${result.message ?? ''}`);
        requests = Math.max(requests, sim.requests.length);
        operations = Math.max(operations, host.kvs.operations.length);
      }
      figures.push({
        name: `merge check, ${n} required configuration${n === 1 ? '' : 's'}: TeamCity requests per check`,
        value: String(requests),
        budget: 'exactly 1',
        verdict: within(requests === 1),
      });
      figures.push(info(`merge check, ${n} required: storage operations per check (max of ${RUNS})`, String(operations)));
      const ms = median(latencies);
      figures.push({
        name: `merge check, ${n} required: latency against the simulator (median of ${RUNS})`,
        value: `${ms.toFixed(1)} ms`,
        budget: '< 10 000 ms (the check\u2019s budget)',
        verdict: within(ms < 10_000),
      });
    }

    // A server that accepts the connection and never answers: the check must give up inside its budget.
    sim.setFault('slow', { delayMs: 30_000 });
    const started = performance.now();
    const hung = await host.mergeChecks.run(REPO, PR, 'on-merge');
    const took = performance.now() - started;
    sim.setFault(null);
    figures.push({
      name: 'merge check against a TeamCity that never answers: time to fail closed (default 10 s request timeout)',
      value: `${(took / 1000).toFixed(2)} s (${hung.success ? 'passed!' : 'failed closed'})`,
      budget: '\u2264 10 s, well inside Forge\u2019s 25 s invocation limit',
      verdict: within(!hung.success && took <= 10_000),
    });
  } finally {
    await host.close();
  }
  return figures;
}

runStandalone(module, mergeCheckFigures);
