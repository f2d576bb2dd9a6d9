/**
 * Every recorded TeamCity response in test/fixtures/teamcity/fixtures, served over a real loopback socket with its
 * recorded status, Content-Type and Set-Cookie, through the same request/parse path the client uses.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ZodType } from 'zod';
import type { Result } from '../shared/result';
import {
  buildDecoder,
  buildListDecoder,
  buildTypeDecoder,
  buildTypePageDecoder,
  nextStartFrom,
  serverInfoDecoder,
} from './teamcity-decoders';
import { requestTeamCity } from './teamcity-http';
import { projectRefWireSchema } from './teamcity-schemas';
import { z } from 'zod';
import { startHttp, type Loopback } from './testing/loopback-server';
import { fixtureFiles, fixtureIndex, fixtureJson, fixtureText, recordedContentType, referenceDir } from './testing/teamcity-reference';
import { createTeamCityClient } from './teamcity-client';
import type { TeamCityBuild } from './teamcity-types';

const TOKEN = 'eyJ0eXAiOiAiVENWMiJ9.contract-test-token-value';

let server: Loopback;

beforeAll(async () => {
  const index = fixtureIndex();
  server = await startHttp((req, res) => {
    const name = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/fixtures\//, ''));
    const entry = index.find((e) => e.file === `fixtures/${name}`);
    if (!entry) {
      res.writeHead(500).end('no such fixture');
      return;
    }
    res.writeHead(entry.status, {
      'Content-Type': recordedContentType(entry),
      'Set-Cookie': 'TCSESSIONID=contract; Path=/; HttpOnly',
    });
    res.end(fixtureText(name));
  });
});

afterAll(() => server.close());

function fetchFixture<T>(file: string, decoder: ZodType<T>): Promise<Result<T>> {
  return requestTeamCity(
    { serverUrl: server.url, token: TOKEN, fetch, timeoutMs: 5000 },
    { method: 'GET', path: `/fixtures/${file}`, decoder, action: 'read the fixture', subject: 'fixture' },
  );
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.message).not.toContain(TOKEN);
  return result.error;
}

/** Where each recording was made: links on that server are kept as TeamCity wrote them (teamcity-links.ts). */
const LOCALHOST = { serverUrl: 'http://localhost:8111' };
const LOOPBACK = { serverUrl: 'http://127.0.0.1:8111' };
const JETBRAINS = { serverUrl: 'https://teamcity.jetbrains.com' };
const builds = async (file: string, links = LOCALHOST) => data(await fetchFixture(file, buildListDecoder(links, 1000))).items;

const projectsDecoder = z.object({ count: z.number().optional(), project: z.array(projectRefWireSchema) });

/** What each fixture must turn into. Keys must be exactly the files in the fixtures folder. */
const expectations: Record<string, () => Promise<void>> = {
  'server.json': async () => {
    expect(data(await fetchFixture('server.json', serverInfoDecoder))).toEqual({
      version: '9.0.4 (build 32407)',
      versionMajor: 9,
      versionMinor: 0,
      buildNumber: '32407',
    });
  },
  'projects.json': async () => {
    const projects = data(await fetchFixture('projects.json', projectsDecoder));
    expect(projects.project).toHaveLength(126);
    expect(projects.project[0]).toEqual({ id: '_Root', name: '<Root project>' });
  },
  'project.json': async () => {
    expect(data(await fetchFixture('project.json', projectRefWireSchema))).toEqual({
      id: 'TeamCityGitHub',
      name: 'TeamCity.GitHub',
    });
  },
  'project.xml': async () => {
    expect(errorOf(await fetchFixture('project.xml', projectRefWireSchema)).code).toBe('not_teamcity');
  },
  'buildTypes.json': async () => {
    const page = data(await fetchFixture('buildTypes.json', buildTypePageDecoder(LOCALHOST, 0, 1000)));
    expect(page).toEqual({
      count: 2,
      nextStart: null,
      skipped: 0,
      truncated: false,
      items: [
        {
          id: 'GetProjectBuildTypes_Bt1',
          name: 'BT1',
          projectId: 'GetProjectBuildTypes',
          projectName: 'GetProjectBuildTypes',
          webUrl: 'http://localhost:8111/viewType.html?buildTypeId=GetProjectBuildTypes_Bt1',
        },
        {
          id: 'GetProjectBuildTypes_Bt2',
          name: 'BT2',
          projectId: 'GetProjectBuildTypes',
          projectName: 'GetProjectBuildTypes',
          webUrl: 'http://localhost:8111/viewType.html?buildTypeId=GetProjectBuildTypes_Bt2',
        },
      ],
    });
  },
  'buildType.json': async () => {
    expect(data(await fetchFixture('buildType.json', buildTypeDecoder(LOOPBACK)))).toEqual({
      id: 'MattermostTeamcityPlugin_TestBuild',
      name: 'Test Build',
      projectId: 'MattermostTeamcityPlugin',
      projectName: 'Mattermost Teamcity Plugin',
      webUrl: 'http://127.0.0.1:8111/viewType.html?buildTypeId=MattermostTeamcityPlugin_TestBuild',
      parameters: [],
      // Recorded without fields=: the root is a reference, its settings are not there (so tags can't be judged).
      vcsRoots: [
        {
          id: 'MattermostTeamcityPlugin_HttpsGithubComIcelanderMattermostTeamcityPluginGitRefsHeadsMaster',
          settingsShown: false,
          tagsAsBranches: false,
        },
      ],
    });
  },
  'buildType-v8.json': async () => {
    // TeamCity 8 has no projectId/projectName on the build configuration: they come from the embedded project.
    expect(data(await fetchFixture('buildType-v8.json', buildTypeDecoder(LOCALHOST)))).toEqual({
      id: 'GetProjectBuildTypes_Bt1',
      name: 'BT1',
      projectId: 'GetProjectBuildTypes',
      projectName: 'GetProjectBuildTypes',
      webUrl: 'http://localhost:8111/viewType.html?buildTypeId=GetProjectBuildTypes_Bt1',
      paused: false,
      description: '',
      parameters: [],
      vcsRoots: [],
    });
  },
  'buildType.xml': async () => {
    const error = errorOf(await fetchFixture('buildType.xml', buildTypeDecoder(LOCALHOST)));
    expect(error.code).toBe('not_teamcity');
    expect(error.message).toContain('200 in XML although JSON was requested');
  },
  'buildType-paused.txt': async () => {
    // A bare `false` is TeamCity's single-field sub-resource; where an object is expected it is not TeamCity data.
    expect(errorOf(await fetchFixture('buildType-paused.txt', buildTypeDecoder(LOCALHOST))).code).toBe('not_teamcity');
  },
  'buildQueue.json': async () => {
    expect(await builds('buildQueue.json', JETBRAINS)).toEqual([
      {
        id: 478276,
        buildTypeId: 'bt135',
        state: 'queued',
        webUrl: 'https://teamcity.jetbrains.com/viewQueued.html?itemId=478276',
      },
    ]);
  },
  'buildQueue-fields.json': async () => {
    const [build] = await builds('buildQueue-fields.json', LOOPBACK);
    expect(build).toEqual<TeamCityBuild>({
      id: 76,
      state: 'queued',
      buildTypeId: 'MattermostTeamcityPlugin_TestBuild',
      buildTypeName: 'Test Build',
      projectName: 'Mattermost Teamcity Plugin',
      webUrl: 'http://127.0.0.1:8111/viewQueued.html?itemId=76',
      personal: false,
      queuePosition: 1,
      queuedDate: '2020-01-25T01:36:18.000Z',
      triggeredBy: {
        type: 'user',
        date: '2020-01-25T01:36:18.000Z',
        displayText: 'you',
        user: { id: 1, username: 'paul', name: 'Paul Rothrock' },
      },
      properties: [],
    });
  },
  'buildQueue-empty.json': async () => {
    expect(await builds('buildQueue-empty.json')).toEqual([]);
  },
  'builds.json': async () => {
    const list = await builds('builds.json');
    expect(list).toHaveLength(5);
    // TeamCity 8 sends no state; its default build list holds finished builds.
    expect(list.map((b) => `${b.id} ${b.state} ${b.status}`)).toEqual([
      '35 finished SUCCESS',
      '34 finished SUCCESS',
      '33 finished SUCCESS',
      '32 finished FAILURE',
      '31 finished FAILURE',
    ]);
    expect(list[0]).toEqual({
      id: 35,
      number: '3',
      status: 'SUCCESS',
      state: 'finished',
      buildTypeId: 'BuildTests_GetBuildTests',
      startDate: '2013-08-14T14:01:59.000Z',
      webUrl: 'http://localhost:8111/viewLog.html?buildId=35&buildTypeId=BuildTests_GetBuildTests',
    });
  },
  'builds-paged.json': async () => {
    const list = await builds('builds-paged.json', JETBRAINS);
    expect(list.map((b) => b.id)).toEqual([496513, 496512, 496511, 496509, 496448]);
    expect(list[1]).toMatchObject({ branchName: 'master', defaultBranch: true, status: 'FAILURE', state: 'finished' });
    const wire = fixtureJson<{ nextHref: string }>('builds-paged.json');
    expect(nextStartFrom(wire.nextHref, 0, list.length)).toBe(5);
  },
  'builds-locator-count-status.json': async () => {
    const list = await builds('builds-locator-count-status.json');
    expect(list.map((b) => b.number)).toEqual(['3', '2']);
    const wire = fixtureJson<{ nextHref: string }>('builds-locator-count-status.json');
    expect(nextStartFrom(wire.nextHref, 0, list.length)).toBe(2);
  },
  'builds-locator-empty.json': async () => {
    expect(await builds('builds-locator-empty.json')).toEqual([]);
  },
  'builds-fields.json': async () => {
    const list = await builds('builds-fields.json');
    expect(list).toHaveLength(2);
    expect(list.every((b) => b.state === 'finished')).toBe(true);
    const bySuperUser = list.find((b) => b.triggeredBy?.user?.id === -42);
    expect(bySuperUser?.triggeredBy?.user).toEqual({ id: -42, username: '', name: 'Super user' });
    expect(list[0]).toMatchObject({ id: 2, number: '2', status: 'SUCCESS', statusText: 'Success' });
    expect(list[0]?.startDate).toMatch(/^2020-01-19T\d\d:\d\d:\d\d\.000Z$/);
  },
  'builds-queued-running.xml': async () => {
    expect(errorOf(await fetchFixture('builds-queued-running.xml', buildListDecoder(LOCALHOST, 1000))).code).toBe('not_teamcity');
  },
  'build-finished.json': async () => {
    expect(data(await fetchFixture('build-finished.json', buildDecoder(LOCALHOST)))).toEqual<TeamCityBuild>({
      id: 35,
      number: '3',
      status: 'SUCCESS',
      statusText: 'Success',
      state: 'finished',
      buildTypeId: 'BuildTests_GetBuildTests',
      buildTypeName: 'GetBuildTests',
      projectName: 'BuildTests',
      personal: false,
      webUrl: 'http://localhost:8111/viewLog.html?buildId=35&buildTypeId=BuildTests_GetBuildTests',
      startDate: '2013-08-14T14:01:59.000Z',
      finishDate: '2013-08-14T14:02:01.000Z',
      triggeredBy: { date: '2013-08-14T14:01:59.000Z', user: { id: 1, username: 'jperry', name: 'Jay Perry' } },
      properties: [],
    });
  },
  'build-running-canceled.json': async () => {
    expect(data(await fetchFixture('build-running-canceled.json', buildDecoder(LOOPBACK)))).toEqual<TeamCityBuild>({
      id: 29,
      number: '22',
      status: 'UNKNOWN',
      statusText: 'Canceled (Step 1/1)',
      state: 'running',
      percentageComplete: 98,
      buildTypeId: 'MattermostTeamcityPlugin_Build',
      buildTypeName: 'Build',
      projectName: 'Mattermost Teamcity Plugin',
      webUrl: 'http://127.0.0.1:8111/viewLog.html?buildId=29&buildTypeId=MattermostTeamcityPlugin_Build',
      queuedDate: '2020-01-20T03:21:25.000Z',
      // The recording's revisions: the commit the build checked out.
      revision: '2691bc37fefa5216ace02434b8a24d042013bea9',
      startDate: '2020-01-20T03:21:25.000Z',
      triggeredBy: { type: 'user', date: '2020-01-20T03:21:25.000Z', user: { id: 1, username: 'paul', name: 'Paul Rothrock' } },
      canceled: {
        date: '2020-01-20T03:23:25.000Z',
        comment: 'Cancelling via curl',
        user: { id: 1, username: 'paul', name: 'Paul Rothrock' },
      },
    });
  },
  'build-finished.xml': async () => {
    expect(errorOf(await fetchFixture('build-finished.xml', buildDecoder(LOCALHOST))).code).toBe('not_teamcity');
  },
  'error-400-build-locator.txt': async () => {
    const error = errorOf(await fetchFixture('error-400-build-locator.txt', buildDecoder(LOCALHOST)));
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('400');
    expect(error.message).toContain(`Invalid value of dimension 'id': 'doesnotexist'. Should be a number.`);
    expect(error.message).not.toContain('jetbrains.buildServer');
  },
  'error-403-users-guest.txt': async () => {
    const error = errorOf(await fetchFixture('error-403-users-guest.txt', buildDecoder(LOCALHOST)));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('403');
    expect(error.message).toContain(`User 'guest' (Guest user) {id=-1000} does not have any of the permissions`);
  },
  'error-404-buildtype.txt': async () => {
    const error = errorOf(await fetchFixture('error-404-buildtype.txt', buildTypeDecoder(LOCALHOST)));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('404');
    expect(error.message).toContain(`No build type nor template is found by id 'janet'.`);
  },
  'error-404-buildtype-v8.txt': async () => {
    const error = errorOf(await fetchFixture('error-404-buildtype-v8.txt', buildTypeDecoder(LOCALHOST)));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain(`No build type nor template is found by id 'missing'.`);
  },
};

test('the expectations cover exactly the fixture files, and index.json describes each of them', () => {
  const files = fixtureFiles();
  expect(Object.keys(expectations).sort()).toEqual(files);
  expect(
    fixtureIndex()
      .map((e) => e.file.replace('fixtures/', ''))
      .sort(),
  ).toEqual(files);
});

describe.each(Object.keys(expectations))('fixture %s', (file) => {
  test('parses to the expected value or typed error', async () => {
    await expectations[file]!();
  });
});

test('the client rejects the recorded 9.0.4 server as too old, naming the version it found', async () => {
  const client = createTeamCityClient({
    serverUrl: `${server.url}/ctx`,
    token: TOKEN,
    fetch: (url, init) => fetch(url.replace(/\/ctx\/app\/rest\/server\?.*$/, '/fixtures/server.json'), init),
  });
  const result = await client.getServerInfo();
  const error = errorOf(result);
  expect(error.code).toBe('unsupported_version');
  expect(error.message).toContain('9.0.4 (build 32407)');
  expect(error.message).toContain('2019.1');
});

test('the reference data is read from the repository, and is byte-identical to its recordings (SHA256SUMS)', () => {
  expect(path.relative(path.resolve(__dirname, '..', '..'), referenceDir)).toBe(path.join('test', 'fixtures', 'teamcity'));
  const sums = readFileSync(path.join(referenceDir, 'SHA256SUMS'), 'utf8').trim().split('\n');
  const listed = sums.map((line) => {
    const [sum, file] = line.split(/\s+/);
    expect(
      createHash('sha256')
        .update(readFileSync(path.join(referenceDir, file!)))
        .digest('hex'),
    ).toBe(sum);
    return file;
  });
  expect(listed).toEqual(expect.arrayContaining(['index.json', 'swagger.json', ...fixtureFiles().map((f) => `fixtures/${f}`)]));
});
