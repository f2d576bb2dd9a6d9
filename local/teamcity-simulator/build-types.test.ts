import { startTeamCitySimulator } from './index';
import type { TeamCitySimulator } from './types';
import { basic, call } from './test-helpers';

const ADMIN = basic('admin', 'admin');

/** The locator the app sends: the repository's HTTPS and SSH forms, compared case-insensitively. */
function byRepo(...urls: string[]): string {
  const items = urls.map((u) => `item:(vcsRoot:(property:(name:url,value:${u},matchType:equals,ignoreCase:true)))`);
  return items.join(',');
}

const ids = (body: { buildType: Array<{ id: string }> }) => body.buildType.map((b) => b.id).sort();

describe('build type lookup', () => {
  let sim: TeamCitySimulator;
  beforeAll(async () => {
    sim = await startTeamCitySimulator();
  });
  afterAll(() => sim.close());

  const get = (path: string) => call(sim, path, { auth: ADMIN });

  it('finds build types by HTTPS and SSH URL regardless of case', async () => {
    const r = await get(
      `/app/rest/buildTypes?locator=${encodeURIComponent(byRepo('https://bitbucket.org/acme/webapp.git', 'git@bitbucket.org:acme/webapp.git'))}`,
    );
    expect(r.status).toBe(200);
    expect(ids(r.json())).toEqual(['AcmeRelease_Production', 'Acme_Webapp_Build', 'Acme_Webapp_DeployStaging', 'Acme_Webapp_UnitTests']);

    const mobile = await get(`/app/rest/buildTypes?locator=${encodeURIComponent(byRepo('https://bitbucket.org/acme/mobile.git'))}`);
    expect(ids(mobile.json())).toEqual(['Acme_Mobile_Android', 'Acme_Mobile_Ios']);

    const caseSensitive = await get(
      `/app/rest/buildTypes?locator=${encodeURIComponent('vcsRoot:(property:(name:url,value:https://bitbucket.org/acme/mobile.git,matchType:equals))')}`,
    );
    expect(caseSensitive.json()).toMatchObject({ count: 0, buildType: [] });

    const contains = await get(
      `/app/rest/buildTypes?locator=${encodeURIComponent('vcsRootInstance:(property:(name:url,value:ACME/API,matchType:contains,ignoreCase:true))')}`,
    );
    expect(ids(contains.json())).toEqual(['Acme_Api_Build', 'Acme_Api_IntegrationTests']);
  });

  it('decodes $base64: values', async () => {
    const url = Buffer.from('git@bitbucket.org:acme/api.git').toString('base64');
    const r = await get(
      `/app/rest/buildTypes?locator=${encodeURIComponent(`vcsRoot:(property:(name:url,value:$base64:${url},ignoreCase:true))`)}`,
    );
    expect(ids(r.json())).toEqual(['Acme_Api_Build', 'Acme_Api_IntegrationTests']);
  });

  it('filters by project, name and paused', async () => {
    expect(ids((await get('/app/rest/buildTypes?locator=project:(id:Acme_Mobile)')).json())).toEqual([
      'Acme_Mobile_Android',
      'Acme_Mobile_Ios',
    ]);
    expect(ids((await get('/app/rest/buildTypes?locator=paused:true')).json())).toEqual(['Acme_Api_IntegrationTests']);
    expect(ids((await get('/app/rest/buildTypes?locator=name:iOS')).json())).toEqual(['Acme_Mobile_Ios']);
    const paused = (await get('/app/rest/buildTypes/id:Acme_Api_IntegrationTests')).json();
    expect(paused.paused).toBe(true);
    expect((await get('/app/rest/buildTypes/id:Acme_Api_Build')).json().paused).toBeUndefined();
  });

  it('pages with count and follows nextHref to the end', async () => {
    const seen: string[] = [];
    let next: string | undefined = '/app/rest/buildTypes?locator=count:4';
    let pages = 0;
    while (next && pages < 10) {
      const body = (await get(next)).json();
      expect(body.count).toBe(body.buildType.length);
      seen.push(...body.buildType.map((b: { id: string }) => b.id));
      next = body.nextHref;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...sim.data.buildTypes.keys()]);
    const all = (await get('/app/rest/buildTypes')).json();
    expect(all.nextHref).toBeUndefined();
    expect(all.count).toBe(sim.data.buildTypes.size);
  });

  it('answers text/plain 400 for bad locators and 404 for unknown ids', async () => {
    const unbalanced = await get(`/app/rest/buildTypes?locator=${encodeURIComponent('vcsRoot:(property:(name:url')}`);
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(unbalanced.text).toMatch(
      /^Responding with error, status code: 400 \(Bad Request\)\.\nDetails: jetbrains\.buildServer\.server\.rest\.errors\.LocatorProcessException: .+\nInvalid request\. Check locator is specified correctly\.$/,
    );
    expect((await get('/app/rest/buildTypes?locator=color:red')).status).toBe(400);
    expect((await get('/app/rest/buildTypes?locator=count:many')).status).toBe(400);
    const missing = await get('/app/rest/buildTypes/id:janet');
    expect(missing.status).toBe(404);
    expect(missing.text.split('\n')[1]).toBe(
      "Details: jetbrains.buildServer.server.rest.errors.NotFoundException: No build type nor template is found by id 'janet'.",
    );
  });

  it('serves paused as text/plain and parameters as a property list', async () => {
    const paused = await get('/app/rest/buildTypes/id:Acme_Webapp_Build/paused');
    expect(paused.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(paused.text).toBe('false');
    const params = (await get('/app/rest/buildTypes/id:Acme_Webapp_Build/parameters')).json();
    expect(params.property).toContainEqual({ name: 'sim.fail', value: 'false' });
  });

  it('narrows output with fields=', async () => {
    const r = (await get('/app/rest/buildTypes?locator=project:(id:Acme_Mobile)&fields=count,buildType(id,vcs-root-entries)')).json();
    expect(Object.keys(r)).toEqual(['count', 'buildType']);
    expect(Object.keys(r.buildType[0])).toEqual(['id', 'vcs-root-entries']);
  });
});

describe('VCS URL lookup at scale', () => {
  it('finds one repository among 10,000 build types quickly', async () => {
    const sim = await startTeamCitySimulator({ seed: 'empty' });
    try {
      sim.data.addUser({ username: 'admin', password: 'admin', runBuild: 'all' });
      sim.data.generateBuildTypes(10_000);
      const started = Date.now();
      for (let i = 0; i < 50; i++) {
        const n = i * 197;
        const r = await call(
          sim,
          `/app/rest/buildTypes?locator=${encodeURIComponent(byRepo(`https://bitbucket.org/BENCH/repo-${n}.git`, `git@bitbucket.org:bench/repo-${n}.git`))}`,
          { auth: ADMIN },
        );
        expect(r.json().count).toBe(1);
      }
      // 50 lookups over real HTTP; generous because CI machines are shared, yet far below a per-request full render.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await sim.close();
    }
  });
});
