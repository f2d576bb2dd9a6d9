/**
 * TeamCity requests the run dialog costs once a configuration is chosen: its typed parameters (the form), then the
 * "Run build" button, which reads the parameter specs afresh to check the run and sends the one POST. Counted from
 * the simulator's log.
 */
import { startLocalHost } from '../local/forge-host/start-local-host';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import type { Result } from '../src/shared/result';
import { BUILD_RESOLVER_FUNCTIONS, type TriggerBuildRequest, type TriggerBuildResponse } from '../src/shared/schemas';
import { addToken } from './distinct-servers';
import { runStandalone, within, type Figure } from './figure';

const USER = 'bench-trigger';
/** A demo repository and one of the simulator's configurations building it. */
const REPOSITORY = { module: 'teamcity-run-build-repo', workspace: 'acme', repo: 'webapp' };
const BUILD_TYPE_ID = 'Acme_Webapp_Build';

export async function triggerRequestFigures(): Promise<Figure[]> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: { buildDurations: { queuedMs: 50, runningMs: 100 } } });
  try {
    const simulator = host.simulator;
    if (!simulator) throw new Error('The local host started without its TeamCity simulator.');
    const { token } = await addToken(host, USER, simulator);
    const request: TriggerBuildRequest = { tokenId: token.id, buildTypeId: BUILD_TYPE_ID, branchName: 'main' };
    const extension = extensionForFrame(REPOSITORY);
    simulator.clearRequests();
    const form = (await host.invoke(
      USER,
      BUILD_RESOLVER_FUNCTIONS.getRunParameters,
      { tokenId: token.id, buildTypeId: BUILD_TYPE_ID },
      extension,
    )) as Result<unknown>;
    if (!form.ok) throw new Error(`getRunParameters failed: ${form.error.code}`);
    const formRequests = simulator.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
    simulator.clearRequests();
    const result = (await host.invoke(USER, BUILD_RESOLVER_FUNCTIONS.triggerBuild, request, extension)) as Result<TriggerBuildResponse>;
    if (!result.ok) throw new Error(`triggerBuild failed: ${result.error.code}`);
    const requests = simulator.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
    const posts = requests.filter((r) => r.startsWith('POST ')).length;
    return [
      {
        name: 'TeamCity requests to show the typed parameters of a chosen configuration',
        value: `${formRequests.length} (${formRequests.join(', ')})`,
        budget: 'at most 1',
        verdict: within(formRequests.length <= 1),
      },
      {
        name: 'TeamCity requests to trigger a build (configuration chosen)',
        value: `${requests.length} (${requests.join(', ')}); ${posts} POST`,
        budget: 'exactly 1 POST (the spec check reads the configuration once)',
        verdict: within(posts === 1 && requests.length <= 2),
      },
    ];
  } finally {
    await host.close();
  }
}

runStandalone(module, triggerRequestFigures);
