/**
 * Configurations a repository admin hid in the repository's TeamCity settings are left out of the run dialog's
 * list and of the pull request panel, for everybody and only on the server the settings name.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import { findRepository } from '../../local/forge-host/bitbucket/demo-data';
import { storageKeys } from '../../src/stores/storage-keys';
import { EMPTY_SETTINGS, type StoredRepositorySettings } from '../../src/stores/repository-settings-store';
import type { BuildResultsResponse, FindBuildConfigurationsResponse } from '../../src/shared/schemas';
import { addToken, caller, repoPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let tokenId: string;

const HIDDEN = 'Acme_Webapp_UnitTests';
const panel = extensionForFrame({ module: 'teamcity-pull-request-builds', repo: 'webapp', pr: '1' });

const hide = (serverUrl: string) => {
  const settings: StoredRepositorySettings = {
    ...EMPTY_SETTINGS,
    serverUrl,
    configurations: [
      { id: HIDDEN, name: 'Unit Tests', projectName: 'Webapp', source: 'discovered', shown: false, required: false, branchPattern: null },
    ],
  };
  host.kvs.writeRaw(storageKeys.repositorySettings(findRepository('acme', 'webapp')!.uuid.toLowerCase()), settings);
};

const listed = async () =>
  unwrap(
    await call<FindBuildConfigurationsResponse>('hana', 'findBuildConfigurations', { tokenId, scope: 'repository' }, repoPage()),
  ).items.map((c) => c.id);
const inPanel = async () => {
  const r = unwrap(await call<BuildResultsResponse>('hana', 'getBuildResults', {}, panel));
  const server = r.servers[0]!;
  if (!server.ok) throw new Error(server.error.message);
  return server.configurations.map((c) => c.id);
};

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
