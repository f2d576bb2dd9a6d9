import { startTeamCitySimulator } from './index';
import type { TeamCitySimulator } from './types';
import { basic, call, fixtureJson, fixtureText, shapeDiff, waitForState } from './test-helpers';

const ADMIN = basic('admin', 'admin');

/** Our responses must carry every field the real recordings carry, with the same JSON types. */
describe('responses match the recorded TeamCity shapes', () => {
  let sim: TeamCitySimulator;
  beforeAll(async () => {
    sim = await startTeamCitySimulator({ buildDurations: { queuedMs: 800, runningMs: 60_000 } });
  });
  afterAll(() => sim.close());

  const json = async (path: string) => (await call(sim, path, { auth: ADMIN })).json();

  it('server', async () => {
    const ours = await json('/app/rest/server');
    expect(shapeDiff(fixtureJson('server.json'), ours)).toEqual([]);
    expect(ours.version).toBe('2025.11 (build 197398)');
    expect(ours.startTime).toMatch(/^\d{8}T\d{6}\+0000$/);
  });

  it('project', async () => {
    expect(shapeDiff(fixtureJson('project.json'), await json('/app/rest/projects/id:Acme_Webapp'))).toEqual([]);
  });

  it('project list', async () => {
    const ours = await json('/app/rest/projects');
    expect(shapeDiff(fixtureJson('projects.json'), ours)).toEqual([]);
    expect(ours.count).toBe(ours.project.length);
    expect(ours.nextHref).toBeUndefined();
  });

  it('build type and build type list', async () => {
    expect(shapeDiff(fixtureJson('buildType.json'), await json('/app/rest/buildTypes/id:Acme_Webapp_Build'))).toEqual([]);
    expect(shapeDiff(fixtureJson('buildTypes.json'), await json('/app/rest/buildTypes'))).toEqual([]);
  });

  it('build lists, paged by query and by locator', async () => {
    // startDate in list items is TeamCity 8 only; 9.0+ lists (builds-paged.json) have no dates.
    const v8List = fixtureJson('builds.json') as { build: Array<Record<string, unknown>> };
    for (const b of v8List.build) delete b.startDate;
    expect(shapeDiff(v8List, await json('/app/rest/builds'))).toEqual([]);
    const paged = await json('/app/rest/builds/?start=0&count=2');
    expect(shapeDiff(fixtureJson('builds-paged.json'), paged)).toEqual([]);
    expect(paged.nextHref).toBe('/app/rest/builds/?count=2&start=2');
    const byLocator = await (await call(sim, '/httpAuth/app/rest/builds?locator=count:2,status:SUCCESS', { auth: ADMIN })).json();
    expect(byLocator.nextHref).toBe('/httpAuth/app/rest/builds?locator=count:2,start:2,status:SUCCESS');
    expect(byLocator.build[0].href).toMatch(/^\/httpAuth\/app\/rest\/builds\/id:\d+$/);
    expect(await json('/app/rest/builds?locator=buildType:(id:Tools_Lint)')).toEqual(
      expect.objectContaining(fixtureJson('builds-locator-empty.json') as object),
    );
  });

  it('queued build in the queue list', async () => {
    // Its own server with a long queue time, so the build is still queued however loaded the machine is.
    const slow = await startTeamCitySimulator({ buildDurations: { queuedMs: 600_000, runningMs: 1000 } });
    const queued = (
      await call(slow, '/app/rest/buildQueue', { method: 'POST', auth: ADMIN, body: { buildType: { id: 'Acme_Webapp_Build' } } })
    ).json();
    const recorded = (fixtureJson('buildQueue-fields.json') as { build: Array<Record<string, unknown>> }).build[0]!;
    const core = [
      'id',
      'buildTypeId',
      'state',
      'href',
      'webUrl',
      'queuePosition',
      'buildType',
      'queuedDate',
      'startEstimate',
      'triggered',
      'changes',
      'revisions',
      'compatibleAgents',
      'artifacts',
      'properties',
    ];
    const expected = Object.fromEntries(core.map((k) => [k, recorded[k]])) as Record<string, Record<string, unknown>>;
    // The recording asked for triggered(*) and changes(change(*)); the default form has only these keys.
    expected.triggered = { type: 'user', date: '', user: (recorded.triggered as Record<string, unknown>).user };
    delete expected.changes!.change;
    expect(shapeDiff(expected, queued)).toEqual([]);
    const list = (await call(slow, '/app/rest/buildQueue?fields=count,build(id,state,triggered(*))', { auth: ADMIN })).json();
    await slow.close();
    expect(list).toEqual({ count: 1, build: [{ id: queued.id, state: 'queued', triggered: queued.triggered }] });
  });

  it('cancel response of a running build', async () => {
    const queued = (
      await call(sim, '/app/rest/buildQueue', { method: 'POST', auth: ADMIN, body: { buildType: { id: 'Acme_Api_Build' } } })
    ).json();
    await waitForState(sim, queued.href, ADMIN, 'running');
    const canceled = (
      await call(sim, `/httpAuth/app/rest/builds/id:${queued.id}`, {
        method: 'POST',
        auth: ADMIN,
        body: { comment: 'Cancelling via curl', readdIntoQueue: false },
      })
    ).json();
    expect(shapeDiff(fixtureJson('build-running-canceled.json'), canceled)).toEqual([]);
  });

  it('error bodies: three lines, no trailing newline, 2019.2+ wording', async () => {
    const recorded = fixtureText('error-404-buildtype.txt');
    const ours = (await call(sim, '/app/rest/buildTypes/id:janet', { auth: ADMIN })).text;
    expect(ours).toBe(recorded);
    const v8 = fixtureText('error-400-build-locator.txt').split('\n');
    const bad = (await call(sim, '/app/rest/builds/id:doesnotexist', { auth: ADMIN })).text.split('\n');
    expect(bad[1]!.replace(/^Details: /, '')).toBe(v8[1]!.replace(/^Error: /, ''));
    expect(bad[2]).toBe(v8[2]);
  });

  it('old wording for a TeamCity 9 server matches the recording byte for byte', async () => {
    const old = await startTeamCitySimulator({ version: { major: 9, minor: 0, build: '32407' } });
    try {
      const ours = await call(old, '/httpAuth/app/rest/builds/id:doesnotexist', { auth: ADMIN });
      expect(ours.text).toBe(fixtureText('error-400-build-locator.txt'));
      expect((await call(old, '/httpAuth/app/rest/buildTypes/id:missing', { auth: ADMIN })).text).toBe(
        fixtureText('error-404-buildtype-v8.txt'),
      );
    } finally {
      await old.close();
    }
  });
});
