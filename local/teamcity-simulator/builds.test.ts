import { startTeamCitySimulator } from './index';
import type { TeamCitySimulator } from './types';
import { basic, call, waitForState } from './test-helpers';

const ADMIN = basic('admin', 'admin');
const DEV = basic('developer', 'developer');
const COMPACT_DATE = /^\d{8}T\d{6}[+-]\d{4}$/;

describe('triggering and following builds', () => {
  let sim: TeamCitySimulator;
  beforeEach(async () => {
    sim = await startTeamCitySimulator({ buildDurations: { queuedMs: 150, runningMs: 1200 } });
  });
  afterEach(() => sim.close());

  const trigger = (body: unknown, auth = ADMIN) => call(sim, '/app/rest/buildQueue', { method: 'POST', auth, body });

  it('queues a build and follows it through running to finished', async () => {
    const r = await trigger({
      buildType: { id: 'Acme_Webapp_Build' },
      branchName: 'feature/login',
      comment: { text: 'from Bitbucket' },
      properties: { property: [{ name: 'env.EXTRA', value: '1' }] },
      triggeringOptions: { queueAtTop: true, cleanSources: false },
    });
    expect(r.status).toBe(200);
    const queued = r.json();
    expect(queued).toMatchObject({
      buildTypeId: 'Acme_Webapp_Build',
      state: 'queued',
      branchName: 'feature/login',
      href: `/app/rest/buildQueue/id:${queued.id}`,
      webUrl: `${sim.url}/viewQueued.html?itemId=${queued.id}`,
      comment: { text: 'from Bitbucket' },
      triggeringOptions: { queueAtTop: true, cleanSources: false },
      triggered: { type: 'user', user: { username: 'admin', id: 1 } },
      properties: { count: 1, property: [{ name: 'env.EXTRA', value: '1' }] },
      buildType: { id: 'Acme_Webapp_Build', projectId: 'Acme_Webapp' },
    });
    expect(typeof queued.id).toBe('number');
    expect(queued.number).toBeUndefined();
    expect(queued.status).toBeUndefined();
    expect(queued.queuedDate).toMatch(COMPACT_DATE);
    expect(queued.triggered.date).toMatch(COMPACT_DATE);

    const running = await waitForState(sim, queued.href, ADMIN, 'running');
    expect(running).toMatchObject({ status: 'SUCCESS', href: `/app/rest/builds/id:${queued.id}` });
    expect(typeof running.number).toBe('string');
    expect(running['running-info']).toMatchObject({ outdated: false, probablyHanging: false });

    const finished = await waitForState(sim, `/app/rest/builds/id:${queued.id}`, ADMIN, 'finished');
    expect(finished).toMatchObject({ status: 'SUCCESS', statusText: 'Tests passed: 42' });
    expect(finished.startDate).toMatch(COMPACT_DATE);
    expect(finished.finishDate).toMatch(COMPACT_DATE);
  });

  it('fails deterministically for branches containing "fail" or sim.fail=true', async () => {
    const byBranch = (await trigger({ buildType: { id: 'Acme_Webapp_Build' }, branchName: 'bugfix/fail-fast' })).json();
    const byParam = (
      await trigger({ buildType: { id: 'Acme_Mobile_Ios' }, properties: { property: [{ name: 'sim.fail', value: 'true' }] } })
    ).json();
    expect(byParam.branchName).toBe('main');
    expect((await waitForState(sim, `/app/rest/builds/id:${byBranch.id}`, ADMIN, 'finished')).status).toBe('FAILURE');
    expect((await waitForState(sim, `/app/rest/builds/id:${byParam.id}`, ADMIN, 'finished')).status).toBe('FAILURE');
  });

  it('cancels a queued build through the queue', async () => {
    const slow = await startTeamCitySimulator({ buildDurations: { queuedMs: 60_000, runningMs: 1000 } });
    try {
      const queued = (
        await call(slow, '/app/rest/buildQueue', { method: 'POST', auth: ADMIN, body: { buildType: { id: 'Acme_Api_Build' } } })
      ).json();
      const r = await call(slow, queued.href, { method: 'POST', auth: ADMIN, body: { comment: 'not needed', readdIntoQueue: false } });
      expect(r.status).toBe(200);
      expect(r.json()).toMatchObject({
        state: 'finished',
        status: 'UNKNOWN',
        canceledInfo: { text: 'not needed', user: { username: 'admin' } },
      });
      expect((await call(slow, '/app/rest/buildQueue', { auth: ADMIN })).json()).toMatchObject({ count: 0, build: [] });
    } finally {
      await slow.close();
    }
  });

  it('cancels a running build like the recorded cancel response', async () => {
    const long = await startTeamCitySimulator({ buildDurations: { queuedMs: 50, runningMs: 600_000 } });
    try {
      const queued = (
        await call(long, '/app/rest/buildQueue', { method: 'POST', auth: ADMIN, body: { buildType: { id: 'Acme_Webapp_Build' } } })
      ).json();
      await waitForState(long, queued.href, ADMIN, 'running');
      const r = await call(long, `/app/rest/builds/id:${queued.id}`, {
        method: 'POST',
        auth: ADMIN,
        body: { comment: 'Cancelling via curl', readdIntoQueue: false },
      });
      expect(r.json()).toMatchObject({
        state: 'running',
        status: 'UNKNOWN',
        statusText: 'Canceled (Step 1/1)',
        canceledInfo: { text: 'Cancelling via curl' },
      });
      const finished = await waitForState(long, `/app/rest/builds/id:${queued.id}`, ADMIN, 'finished');
      expect(finished).toMatchObject({ status: 'UNKNOWN', statusText: 'Canceled (Step 1/1)' });
      const again = await call(long, `/app/rest/builds/id:${queued.id}`, { method: 'POST', auth: ADMIN, body: { comment: 'again' } });
      expect(again.status).toBe(400);
    } finally {
      await long.close();
    }
  });

  it('refuses without "Run build" permission with 403 text/plain', async () => {
    const denied = await trigger({ buildType: { id: 'AcmeRelease_Production' } }, DEV);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(denied.text).toMatch(
      /^Responding with error, status code: 403 \(Forbidden\)\.\nDetails: .*AccessDeniedException: You do not have "Run build" permission in project with internal id: project\d+\nAccess denied\. Check the user has enough permissions to perform the operation\.$/,
    );
    expect((await trigger({ buildType: { id: 'Acme_Webapp_Build' } }, DEV)).status).toBe(200);
    expect((await trigger({ buildType: { id: 'Acme_Webapp_Build' } }, basic('viewer', 'viewer'))).status).toBe(403);

    sim.data.grantRunBuild('developer', 'AcmeRelease');
    expect((await trigger({ buildType: { id: 'AcmeRelease_Production' } }, DEV)).status).toBe(200);
    sim.data.revokeRunBuild('developer', 'Acme');
    expect((await trigger({ buildType: { id: 'Acme_Webapp_Build' } }, DEV)).status).toBe(403);
  });

  it('validates the build type and branch', async () => {
    const unknown = await trigger({ buildType: { id: 'Nope' } });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain("No build type nor template is found by id 'Nope'.");
    expect((await trigger({ branchName: 'main' })).status).toBe(400);

    // Pausing stops triggers only; a manual run is still queued.
    expect((await trigger({ buildType: { id: 'Acme_Api_IntegrationTests' } })).status).toBe(200);

    const outside = (await trigger({ buildType: { id: 'AcmeRelease_Production' }, branchName: 'feature/x' })).json();
    expect(outside.state).toBe('queued');
    const done = await waitForState(sim, `/app/rest/builds/id:${outside.id}`, ADMIN, 'finished');
    expect(done).toMatchObject({ status: 'FAILURE', failedToStart: true });
    const pr = (await trigger({ buildType: { id: 'Acme_Webapp_Build' }, branchName: '42' })).json();
    expect((await waitForState(sim, `/app/rest/builds/id:${pr.id}`, ADMIN, 'finished')).failedToStart).toBeUndefined();
  });

  it('lists builds by build type and branch with the TeamCity default filter', async () => {
    const a = (await trigger({ buildType: { id: 'Acme_Mobile_Android' }, branchName: 'feature/a' })).json();
    const loc = (l: string) => `/app/rest/builds?locator=${encodeURIComponent(l)}`;
    expect((await call(sim, loc('buildType:(id:Acme_Mobile_Android),branch:(name:feature/a)'), { auth: ADMIN })).json().count).toBe(0);
    const any = (
      await call(sim, loc('buildType:(id:Acme_Mobile_Android),branch:(name:feature/a),state:any,count:5'), { auth: ADMIN })
    ).json();
    expect(any.build.map((b: { id: number }) => b.id)).toEqual([a.id]);
    const dflt = (await call(sim, loc('buildType:(id:Acme_Mobile_Android),defaultFilter:false,count:5'), { auth: ADMIN })).json();
    expect(dflt.build.map((b: { id: number }) => b.id)).toContain(a.id);
    const history = (await call(sim, loc('buildType:(id:Acme_Mobile_Android)'), { auth: ADMIN })).json();
    expect(history.build).toHaveLength(1);
    expect(history.build[0]).toMatchObject({ state: 'finished', branchName: 'main', defaultBranch: true });
  });
});
