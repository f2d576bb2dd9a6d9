/** Following, cancelling and listing builds from the build dialog, through the local host and the simulator. */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import type { BuildResponse, ListRecentBuildsResponse, TriggerBuildResponse } from '../../src/shared/schemas';
import { addToken, caller, followBuild, prPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let tokenId: string;

const trigger = async (payload: Record<string, unknown>, extension?: Record<string, unknown>) =>
  unwrap(await call<TriggerBuildResponse>('alice', 'triggerBuild', { tokenId, branchName: 'main', ...payload }, extension)).build;

beforeAll(async () => {
  host = await startBuildHost();
  call = caller(host);
  tokenId = (await addToken(host, 'alice', 'admin')).token.id;
});
afterAll(() => host.close());

describe('cancelBuild', () => {
  it('cancels a queued build and a running one', async () => {
    const durations = host.simulator!.data.builds.durations;
    try {
      // Long phases make "queued" and "running" certain at the moment of cancelling, however slow the machine.
      host.simulator!.data.builds.durations = { queuedMs: 60_000, runningMs: 250 };
      const queued = await trigger({ buildTypeId: 'Acme_Webapp_Build' });
      const canceled = unwrap(await call<BuildResponse>('alice', 'cancelBuild', { tokenId, buildId: queued.id }));
      expect(canceled.build).toMatchObject({ id: queued.id, state: 'finished', status: 'UNKNOWN', canceled: true });
      expect(host.simulator!.data.builds.get(queued.id)!.canceled?.text).toBe('Canceled from Bitbucket');

      host.simulator!.data.builds.durations = { queuedMs: 0, runningMs: 60_000 };
      const running = await trigger({ buildTypeId: 'Acme_Webapp_UnitTests' });
      const stopping = unwrap(await call<BuildResponse>('alice', 'cancelBuild', { tokenId, buildId: running.id }));
      expect(stopping.build).toMatchObject({ state: 'running', canceled: true });
      expect((await followBuild(call, 'alice', tokenId, running.id)).at(-1)).toMatchObject({
        state: 'finished',
        status: 'UNKNOWN',
        canceled: true,
      });
    } finally {
      host.simulator!.data.builds.durations = durations;
    }
  });

  it('says a finished build has nothing to cancel', async () => {
    const build = await trigger({ buildTypeId: 'Acme_Webapp_Build' });
    await followBuild(call, 'alice', tokenId, build.id);
    const result = await call('alice', 'cancelBuild', { tokenId, buildId: build.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/already finished/) } });
  });
});

describe('getBuild', () => {
  it("says when the build does not exist on the token's server", async () => {
    const result = await call('alice', 'getBuild', { tokenId, buildId: 987654 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/has no build with id 987654/) },
    });
  });

  it('rejects a build id that is not a positive whole number', async () => {
    expect(await call('alice', 'getBuild', { tokenId, buildId: '12' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'buildId' },
    });
  });
});

describe('listRecentBuilds', () => {
  it('lists the last five builds of a configuration and branch, newest first, with what "Run again" needs', async () => {
    const pr = prPage('webapp', '2');
    const mine = [];
    for (let i = 0; i < 6; i++)
      mine.push(
        await trigger(
          { buildTypeId: 'Acme_Webapp_UnitTests', branchName: 'develop', parameters: [{ name: 'env.RUN', value: String(i) }] },
          pr,
        ),
      );
    await trigger({ buildTypeId: 'Acme_Webapp_UnitTests', branchName: 'main' });

    const { builds } = unwrap(
      await call<ListRecentBuildsResponse>('alice', 'listRecentBuilds', {
        tokenId,
        buildTypeId: 'Acme_Webapp_UnitTests',
        branchName: 'refs/heads/develop',
      }),
    );
    expect(builds.map((b) => b.id)).toEqual(
      mine
        .slice(1)
        .reverse()
        .map((b) => b.id),
    );
    expect(builds[0]).toMatchObject({
      branchName: 'develop',
      triggeredBy: 'Administrator',
      parameters: [{ name: 'env.RUN', value: '5' }],
      queuedAt: expect.any(String),
    });

    const all = unwrap(
      await call<ListRecentBuildsResponse>('alice', 'listRecentBuilds', { tokenId, buildTypeId: 'Acme_Webapp_UnitTests' }),
    );
    expect(all.builds).toHaveLength(5);
    expect(all.builds[0]!.branchName).toBe('main');
  });

  it('includes finished history with status and dates', async () => {
    const { builds } = unwrap(
      await call<ListRecentBuildsResponse>('alice', 'listRecentBuilds', { tokenId, buildTypeId: 'Acme_Api_Build' }),
    );
    expect(builds[0]).toMatchObject({
      state: 'finished',
      status: 'SUCCESS',
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
  });
});
