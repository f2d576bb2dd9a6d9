/**
 * What a repository admin chose in the repository's TeamCity settings, for everybody and only on the server the
 * settings name: hidden configurations are left out of the run dialog's list and of the pull request panel; ones
 * added by id (their VCS roots name the repository another way) are listed and shown with their builds, at no
 * extra TeamCity request.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import { findRepository } from '../../local/forge-host/bitbucket/demo-data';
import { storageKeys } from '../../src/stores/storage-keys';
import { EMPTY_SETTINGS, type StoredRepositorySettings } from '../../src/stores/repository-settings-store';
import type { BuildResultsResponse, FindBuildConfigurationsResponse, TriggerBuildResponse } from '../../src/shared/schemas';
import { headOf } from '../../local/forge-host/bitbucket/branch-heads';
import { addToken, caller, repoPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let tokenId: string;

const HIDDEN = 'Acme_Webapp_UnitTests';
const panel = extensionForFrame({ module: 'teamcity-pull-request-builds', repo: 'webapp', pr: '1' });

const choose = (serverUrl: string, configurations: StoredRepositorySettings['configurations']) => {
  const settings: StoredRepositorySettings = { ...EMPTY_SETTINGS, serverUrl, configurations };
  host.kvs.writeRaw(storageKeys.repositorySettings(findRepository('acme', 'webapp')!.uuid.toLowerCase()), settings);
};
const hide = (serverUrl: string) =>
  choose(serverUrl, [
    { id: HIDDEN, name: 'Unit Tests', projectName: 'Webapp', source: 'discovered', shown: false, required: false, branchPattern: null },
  ]);
/** Lint builds github.com/acme/tools, so the webapp repository's URLs never find it. */
const ADDED = 'Tools_Lint';
const add = (serverUrl: string, shown = true) =>
  choose(serverUrl, [
    { id: ADDED, name: 'Lint', projectName: 'Internal Tools', source: 'added', shown, required: true, branchPattern: null },
  ]);

const listed = async () =>
  unwrap(
    await call<FindBuildConfigurationsResponse>('hana', 'findBuildConfigurations', { tokenId, scope: 'repository' }, repoPage()),
  ).items.map((c) => c.id);
const panelRows = async () => {
  const r = unwrap(await call<BuildResultsResponse>('hana', 'getBuildResults', {}, panel));
  const server = r.servers[0]!;
  if (!server.ok) throw new Error(server.error.message);
  return server.configurations;
};
const inPanel = async () => (await panelRows()).map((c) => c.id);

beforeAll(async () => {
  host = await startBuildHost();
  call = caller(host);
  tokenId = (await addToken(host, 'hana', 'admin')).token.id;
});
afterAll(() => host.close());

test('a configuration hidden for this repository is neither offered nor shown; on another server nothing is hidden', async () => {
  expect(await listed()).toContain(HIDDEN);
  expect(await inPanel()).toContain(HIDDEN);

  hide('https://other.example.com');
  expect(await listed()).toContain(HIDDEN);

  hide(host.simulator!.url);
  expect(await listed()).not.toContain(HIDDEN);
  expect(await listed()).toContain('Acme_Webapp_Build');
  expect(await inPanel()).not.toContain(HIDDEN);
});

test('a configuration added by id is listed and shown with its build of the head commit, in the same two requests', async () => {
  expect(await listed()).not.toContain(ADDED);
  expect(await inPanel()).not.toContain(ADDED);

  // Added on another server: nothing changes.
  add('https://other.example.com');
  expect(await listed()).not.toContain(ADDED);

  add(host.simulator!.url);
  expect(await listed()).toEqual(expect.arrayContaining([ADDED, 'Acme_Webapp_Build']));
  const head = headOf('acme', 'webapp', 'feature/login');
  const { build } = unwrap(
    await call<TriggerBuildResponse>(
      'hana',
      'triggerBuild',
      { tokenId, buildTypeId: ADDED, branchName: 'feature/login', revision: head },
      extensionForFrame({ module: 'teamcity-run-build-pr', repo: 'webapp', pr: '1' }),
    ),
  );
  host.simulator!.clearRequests();
  const row = (await panelRows()).find((c) => c.id === ADDED);
  expect(row).toMatchObject({ id: ADDED, build: { id: build.id } });
  // The two reads go out together; their order of arrival is not the app's.
  expect(host.simulator!.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`).sort()).toEqual([
    'GET /app/rest/buildTypes',
    'GET /app/rest/builds',
  ]);

  // The repository card lists it too, with its last build on the branch shown.
  const card = unwrap(
    await call<BuildResultsResponse>(
      'hana',
      'getBuildResults',
      {},
      extensionForFrame({ module: 'teamcity-repository-card', repo: 'webapp', branch: 'feature/login' }),
    ),
  ).servers[0]!;
  expect(card.ok && card.configurations.find((c) => c.id === ADDED)).toMatchObject({ build: { id: build.id } });

  // Added but hidden: neither.
  add(host.simulator!.url, false);
  expect(await listed()).not.toContain(ADDED);
  expect(await inPanel()).not.toContain(ADDED);
});
