/**
 * Set-up for the merge check's tests: a local host with the simulator, the repository settings page's resolvers
 * called as the emulated users, and builds of a given commit placed straight into the simulator.
 */
import { headOf } from '../../local/forge-host/bitbucket/branch-heads';
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import type { LocalHost } from '../../local/forge-host/start-local-host';
import type { SimBuild } from '../../local/teamcity-simulator/builds';
import type { RepositorySettingsView } from '../../src/shared/repository-settings-schemas';
import type { Result } from '../../src/shared/result';
import { unwrap } from './build-fixture';

export const repoSettingsPage = (repo = 'webapp') => extensionForFrame({ module: 'teamcity-repository-settings', repo });

/** PR #1 of acme/webapp: feature/login into develop. */
export const PR = { repo: 'webapp', id: 1, source: 'feature/login', target: 'develop' } as const;

export const headCommit = (branch: string = PR.source) => headOf('acme', PR.repo, branch);

export const settingsCall =
  (host: LocalHost) =>
  async <T = RepositorySettingsView>(user: string, key: string, payload: unknown = {}): Promise<Result<T>> =>
    (await host.invoke(user, key, payload, repoSettingsPage())) as Result<T>;

export type BuildSpec = {
  buildTypeId: string;
  revision: string;
  state: 'queued' | 'running' | 'finished';
  fail?: boolean;
  canceled?: boolean;
};

/** A build of `revision` in the given state now; timestamps decide the state, so no waiting is needed. */
export function placeBuild(host: LocalHost, spec: BuildSpec): SimBuild {
  const data = host.simulator!.data;
  const bt = data.requireBuildType(spec.buildTypeId);
  const now = Date.now();
  const hour = 3_600_000;
  const times =
    spec.state === 'queued'
      ? { queuedAt: now, startAt: now + hour, finishAt: now + 2 * hour }
      : spec.state === 'running'
        ? { queuedAt: now - hour, startAt: now - hour / 2, finishAt: now + hour }
        : { queuedAt: now - 3 * hour, startAt: now - 2 * hour, finishAt: now - hour };
  const build = data.builds.addHistorical({
    buildTypeId: bt.id,
    branchName: PR.source,
    defaultBranch: false,
    properties: [],
    triggeredBy: data.requireUser('admin'),
    number: String(bt.buildNumberCounter++),
    queueAtTop: false,
    cleanSources: false,
    willFail: spec.fail === true,
    failsToStart: false,
    revision: spec.revision,
    ...times,
  });
  if (spec.canceled) data.builds.cancel(build, data.requireUser('admin'), 'Canceled', times.startAt - 1);
  return build;
}

/** demo (a workspace admin, so a repository admin) sets the server, a read credential and the configurations. */
export async function configureRepository(
  host: LocalHost,
  configurations: Array<{ id: string; required: boolean; branchPattern?: string | null }>,
): Promise<{ secret: string }> {
  const call = settingsCall(host);
  unwrap(await call('demo', 'saveRepositorySettings', { serverUrl: host.simulator!.url, configurations: [] }));
  const secret = host.simulator!.createToken('viewer', `repo-${Math.random().toString(36).slice(2)}`);
  unwrap(await call('demo', 'setRepositoryCredential', { token: secret }));
  unwrap(
    await call('demo', 'saveRepositorySettings', {
      serverUrl: host.simulator!.url,
      configurations: configurations.map((c) => ({ id: c.id, shown: true, required: c.required, branchPattern: c.branchPattern ?? null })),
    }),
  );
  return { secret };
}
