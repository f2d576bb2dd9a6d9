/**
 * The repository settings page's resolvers through the real resolver, @forge/kvs, the emulated Bitbucket (whose
 * repository permissions decide who may do what) and the TeamCity simulator.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import type { DiscoveredConfigurationsView } from '../../src/shared/repository-settings-schemas';
import { startBuildHost, unwrap } from './build-fixture';
import { configureRepository, PR, settingsCall } from './merge-check-fixture';

let host: LocalHost;
let call: ReturnType<typeof settingsCall>;
let secret: string;
const logged: string[] = [];
let logSpy: jest.SpyInstance;

beforeAll(async () => {
  logSpy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  host = await startBuildHost();
  call = settingsCall(host);
  ({ secret } = await configureRepository(host, [
    { id: 'Acme_Webapp_Build', required: true, branchPattern: 'develop' },
    { id: 'Acme_Webapp_UnitTests', required: false },
  ]));
});
afterAll(async () => {
  await host.close();
  logSpy.mockRestore();
});

describe('repository settings', () => {
  it('shows an admin the server, the credential like a personal token, configurations and who changed what', async () => {
    const view = unwrap(await call('demo', 'getRepositorySettings'));
    expect(view).toMatchObject({
      access: 'admin',
      serverUrl: host.simulator!.url,
      credential: {
        serverUrl: host.simulator!.url,
        teamcityUsername: 'viewer',
        health: { status: 'connected' },
        addedBy: { name: 'Demo' },
      },
    });
    expect(view.configurations).toEqual([
      expect.objectContaining({ id: 'Acme_Webapp_Build', name: 'Build', source: 'discovered', required: true, branchPattern: 'develop' }),
      expect.objectContaining({ id: 'Acme_Webapp_UnitTests', name: 'Unit Tests', required: false, branchPattern: null }),
    ]);
    expect(view.history.map((h) => h.summary)).toEqual([
      expect.stringMatching(/^Added Build, Unit Tests\. Required for merge: Build\.$/),
      expect.stringMatching(/^Read credential added \(TeamCity user viewer\)\.$/),
      expect.stringMatching(/^Server set to /),
    ]);
    expect(view.history[0]!.by.name).toBe('Demo');
  });

  it('lets members read the settings but not change them, and shows outsiders nothing; storage stays byte-identical', async () => {
    const before = JSON.stringify(host.kvs.rawEntries());
    const read = unwrap(await call('alice', 'getRepositorySettings'));
    expect(read.access).toBe('read');
    const attempts = await Promise.all([
      call('alice', 'saveRepositorySettings', { serverUrl: null, configurations: [] }),
      call('alice', 'setRepositoryCredential', { token: 'x'.repeat(40) }),
      call('alice', 'removeRepositoryCredential'),
      call('alice', 'checkRepositoryCredential'),
      call('alice', 'discoverRepositoryConfigurations'),
    ]);
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Only repository admins/) } });
    }
    expect(await call('mallory', 'getRepositorySettings')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(host.kvs.rawEntries())).toBe(before);
  });

  it('discovers configurations by VCS root and adds others by id, refusing ids TeamCity does not know without writing', async () => {
    const found = unwrap(await call<DiscoveredConfigurationsView>('demo', 'discoverRepositoryConfigurations'));
    expect(found.items.map((i) => i.id)).toEqual(expect.arrayContaining(['Acme_Webapp_Build', 'Acme_Webapp_UnitTests']));

    const before = JSON.stringify(host.kvs.rawEntries());
    const current = unwrap(await call('demo', 'getRepositorySettings'));
    const keep = current.configurations.map(({ id, shown, required, branchPattern }) => ({ id, shown, required, branchPattern }));
    const unknown = await call('demo', 'saveRepositorySettings', {
      serverUrl: current.serverUrl,
      configurations: [...keep, { id: 'Nope_Missing', shown: true, required: true, branchPattern: null }],
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/no build configuration with id Nope_Missing/) },
    });
    const badPattern = await call('demo', 'saveRepositorySettings', {
      serverUrl: current.serverUrl,
      configurations: [{ ...keep[0]!, branchPattern: 'release/[x' }],
    });
    expect(badPattern).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(host.kvs.rawEntries())).toBe(before);

    const added = unwrap(
      await call('demo', 'saveRepositorySettings', {
        serverUrl: current.serverUrl,
        configurations: [...keep, { id: 'Tools_Lint', shown: false, required: false, branchPattern: null }],
      }),
    );
    expect(added.configurations.at(-1)).toMatchObject({ id: 'Tools_Lint', source: 'added', shown: false });
    unwrap(await call('demo', 'saveRepositorySettings', { serverUrl: current.serverUrl, configurations: keep }));
  });

  it('refuses to move the credential to another server, and keeps at most 20 changes', async () => {
    const current = unwrap(await call('demo', 'getRepositorySettings'));
    const moved = await call('demo', 'saveRepositorySettings', { serverUrl: 'https://teamcity.example.com', configurations: [] });
    expect(moved).toMatchObject({
      ok: false,
      error: { field: 'serverUrl', message: expect.stringMatching(/Remove the read credential first/) },
    });
    const keep = current.configurations.map(({ id, shown, required, branchPattern }) => ({ id, shown, required, branchPattern }));
    for (let i = 0; i < 24; i++) {
      const flipped = keep.map((c, j) => (j === 1 ? { ...c, shown: i % 2 === 0 } : c));
      unwrap(await call('demo', 'saveRepositorySettings', { serverUrl: current.serverUrl, configurations: flipped }));
    }
    expect(unwrap(await call('demo', 'getRepositorySettings')).history).toHaveLength(20);
  });

  it('makes the merge check fail with a reason once the credential is removed', async () => {
    const removed = unwrap(await call('demo', 'removeRepositoryCredential'));
    expect(removed.credential).toBeNull();
    const result = await host.mergeChecks.run(PR.repo, PR.id, 'on-reviewer-status-changed');
    expect(result).toMatchObject({ success: false, message: expect.stringMatching(/has no TeamCity read credential/) });
    unwrap(await call('demo', 'setRepositoryCredential', { token: secret }));
  });

  it('never lets the credential out: not in responses, logs, check messages or plain storage', async () => {
    const responses = [
      await call('demo', 'getRepositorySettings'),
      await call('alice', 'getRepositorySettings'),
      await call('demo', 'checkRepositoryCredential'),
      await call('demo', 'setRepositoryCredential', { token: `${secret}x` }),
      await host.mergeChecks.run(PR.repo, PR.id, 'on-merge'),
    ];
    const everything = JSON.stringify([responses, logged, host.kvs.rawEntries().filter((e) => !e.secret)]);
    expect(everything).not.toContain(secret);
    expect(host.kvs.rawEntries().some((e) => e.secret && JSON.stringify(e.value).includes(secret))).toBe(true);
  });
});
