/** The simulator's build results: revisions and the revision locator, tests, problems, artifacts, the log. */
import http from 'node:http';
import { startTeamCitySimulator } from './index';
import type { TeamCitySimulator } from './types';
import { basic, call } from './test-helpers';

const ADMIN = basic('admin', 'admin');
const HEAD = 'c0ffee0000000000000000000000000000000001';

describe('build results', () => {
  let sim: TeamCitySimulator;
  beforeAll(async () => {
    sim = await startTeamCitySimulator({ buildDurations: { queuedMs: 60_000, runningMs: 1000 } });
  });
  afterAll(() => sim.close());

  const finished = (branchName: string, willFail: boolean, revision?: string) => {
    const now = Date.now();
    return sim.data.builds.addHistorical({
      buildTypeId: 'Acme_Webapp_Build',
      branchName,
      defaultBranch: false,
      properties: [],
      triggeredBy: sim.data.requireUser('admin'),
      queuedAt: now - 120_000,
      startAt: now - 110_000,
      finishAt: now - 10_000,
      number: '99',
      queueAtTop: false,
      cleanSources: false,
      willFail,
      failsToStart: false,
      ...(revision && { revision }),
    });
  };

  it('finds builds by revision; a build triggered after a push checks out the new head and is found on it while still queued', async () => {
    const old = finished('feature/x', true, HEAD);
    sim.data.revisionOf = (_url, branch) => (branch === 'feature/x' ? 'c0ffee0000000000000000000000000000000002' : undefined);
    const queued = (
      await call(sim, '/app/rest/buildQueue', {
        method: 'POST',
        auth: ADMIN,
        body: { buildType: { id: 'Acme_Webapp_Build' }, branchName: 'feature/x' },
      })
    ).json();
    const byRevision = (sha: string) =>
      call(sim, `/app/rest/builds?locator=revision:(version:${sha}),defaultFilter:false&fields=build(id,revisions(revision(version)))`, {
        auth: ADMIN,
      }).then((r) => r.json());
    expect((await byRevision(HEAD)).build).toEqual([{ id: old.id, revisions: { revision: [{ version: HEAD }] } }]);
    // Queued on the new head: it lists no revisions yet (TeamCity fills them in when the build starts) but is a build of it.
    const onNewHead = (await byRevision('c0ffee0000000000000000000000000000000002')).build ?? [];
    expect(onNewHead.map((b: { id: number }) => b.id)).toEqual([queued.id]);
    expect(sim.data.builds.get(queued.id)!.revision).toBe('c0ffee0000000000000000000000000000000002');
  });

  it('serves test occurrences, problems, artifacts and the tail of the log', async () => {
    const b = finished('feature/y-fail', true);
    const summary = (
      await call(sim, `/app/rest/builds/id:${b.id}?fields=testOccurrences(count,passed,failed,newFailed)`, { auth: ADMIN })
    ).json();
    expect(summary.testOccurrences).toEqual({ count: 42, passed: 41, failed: 1, newFailed: 1 });
    const failed = (
      await call(sim, `/app/rest/testOccurrences?locator=build:(id:${b.id}),status:FAILURE,count:20`, { auth: ADMIN })
    ).json();
    expect(failed.testOccurrence).toHaveLength(1);
    expect(failed.testOccurrence[0]).toMatchObject({
      status: 'FAILURE',
      newFailure: true,
      details: expect.stringContaining('AssertionError'),
    });
    const problems = (await call(sim, `/app/rest/problemOccurrences?locator=build:(id:${b.id})`, { auth: ADMIN })).json();
    expect(problems.problemOccurrence[0]).toMatchObject({ type: 'TC_FAILED_TESTS' });
    const files = (await call(sim, `/app/rest/builds/id:${b.id}/artifacts/children`, { auth: ADMIN })).json();
    expect(files.file.map((f: { name: string }) => f.name)).toEqual(['app.zip', 'test-report.html']);

    const tail = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      http
        .get(
          `${sim.url}/downloadBuildLog.html?buildId=${b.id}`,
          { headers: { Authorization: ADMIN, Range: 'bytes=-100' }, agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          },
        )
        .on('error', reject);
    });
    expect(tail.status).toBe(206);
    expect(tail.text.length).toBeLessThanOrEqual(100);
    expect(tail.text).toContain('Build finished');
    const anonymous = await call(sim, `/downloadBuildLog.html?buildId=${b.id}`, { accept: 'text/plain' });
    expect(anonymous.status).toBe(401);
  });
});
