/**
 * The build dialog's set-up and build configuration discovery, end to end: real resolver handler, @forge/kvs on
 * SQLite, the emulated Bitbucket API, and the TeamCity simulator over loopback HTTP.
 */
import { headOf } from '../../local/forge-host/bitbucket/branch-heads';
import type { LocalHost } from '../../local/forge-host/start-local-host';
import type { FindBuildConfigurationsResponse, GetBuildSetupResponse } from '../../src/shared/schemas';
import { addToken, caller, prPage, repoPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let adminTokenId: string;

const find = async (payload: Record<string, unknown>, extension = repoPage()) =>
  unwrap(await call<FindBuildConfigurationsResponse>('alice', 'findBuildConfigurations', { tokenId: adminTokenId, ...payload }, extension));
const ids = (r: FindBuildConfigurationsResponse) => r.items.map((i) => i.id).sort();

beforeAll(async () => {
  host = await startBuildHost();
  call = caller(host);
  adminTokenId = (await addToken(host, 'alice', 'admin')).token.id;
});
afterAll(() => host.close());

describe('getBuildSetup', () => {
  it('tells a user without a token that there is no server, with the repository from the page', async () => {
    const setup = unwrap(await call<GetBuildSetupResponse>('bob', 'getBuildSetup', {}));
    expect(setup).toMatchObject({ servers: [], selectedTokenId: null, pullRequest: null, defaultBranch: 'main', lastBuildTypeIds: {} });
    expect(setup.repository).toMatchObject({ workspace: 'acme', slug: 'webapp', fullName: 'acme/webapp', mainBranch: 'main' });
    // Branches come from the emulated Bitbucket API, main branch first.
    expect(setup.repository.branches).toEqual(['main', 'develop', 'feature/login', 'feature/dark-mode', 'release/1.4']);
  });

  it('selects the only server and defaults to the pull request source branch on a pull request page', async () => {
    const setup = unwrap(await call<GetBuildSetupResponse>('alice', 'getBuildSetup', {}, prPage('webapp', '1')));
    expect(setup.servers.map((s) => s.id)).toEqual([adminTokenId]);
    expect(setup.selectedTokenId).toBe(adminTokenId);
    expect(setup.pullRequest).toEqual({
      id: 1,
      title: 'Add login with SSO',
      sourceBranch: 'feature/login',
      destinationBranch: 'develop',
      author: 'Alice',
      // The source branch's head as Bitbucket gives it (12 characters), the run dialog's default commit.
      headCommit: headOf('acme', 'webapp', 'feature/login').slice(0, 12),
    });
    expect(setup.defaultBranch).toBe('feature/login');
    expect(JSON.stringify(setup)).not.toMatch(/secret|eyJ0eXAi/);
  });

  it('reads whatever the context leaves out from the Bitbucket API, by the context identifiers only', async () => {
    const full = prPage('api', '7');
    const minimal = { type: full.type, repository: { uuid: (full.repository as { uuid: string }).uuid }, pullRequest: { id: 7 } };
    const setup = unwrap(await call<GetBuildSetupResponse>('alice', 'getBuildSetup', {}, minimal));
    expect(setup.repository.fullName).toBe('acme/api');
    expect(setup.pullRequest).toEqual({
      id: 7,
      title: 'Rate limit the public endpoints',
      sourceBranch: 'feature/rate-limits',
      destinationBranch: 'main',
      author: 'Bob',
      headCommit: headOf('acme', 'api', 'feature/rate-limits').slice(0, 12),
    });
  });

  it('refuses to run outside a repository page', async () => {
    const result = await call('alice', 'getBuildSetup', {}, { type: 'bitbucket:workspacePersonalSettingsPage' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('rejects a repository or pull request smuggled into the payload', async () => {
    for (const [key, payload] of [
      ['getBuildSetup', { repository: { fullName: 'acme/api' } }],
      ['findBuildConfigurations', { tokenId: adminTokenId, scope: 'repository', repository: 'acme/api' }],
      ['triggerBuild', { tokenId: adminTokenId, buildTypeId: 'Acme_Api_Build', branchName: 'main', pullRequest: { id: 7 } }],
    ] as const) {
      const result = await call('alice', key, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Unexpected field/) } });
    }
  });
});

describe('findBuildConfigurations', () => {
  it('finds the configurations whose VCS roots use the repository in HTTPS or SSH form, ignoring case, in one request', async () => {
    host.simulator!.clearRequests();
    const webapp = await find({ scope: 'repository' });
    expect(host.simulator!.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['GET /app/rest/buildTypes']);
    // Acme_Webapp_* use https://bitbucket.org/acme/webapp.git, AcmeRelease_Production git@bitbucket.org:ACME/webapp.git.
    expect(ids(webapp)).toEqual(['AcmeRelease_Production', 'Acme_Webapp_Build', 'Acme_Webapp_DeployStaging', 'Acme_Webapp_UnitTests']);
    expect(webapp.items.find((i) => i.id === 'Acme_Webapp_Build')).toMatchObject({
      name: 'Build',
      projectId: 'Acme_Webapp',
      projectName: 'Acme :: Webapp',
      paused: false,
    });
    expect(webapp.nextStart).toBeNull();

    expect(ids(await find({ scope: 'repository' }, repoPage('api')))).toEqual(['Acme_Api_Build', 'Acme_Api_IntegrationTests']);
    expect((await find({ scope: 'repository' }, repoPage('api'))).items.find((i) => i.id === 'Acme_Api_IntegrationTests')?.paused).toBe(
      true,
    );
    expect(ids(await find({ scope: 'repository' }, repoPage('mobile')))).toEqual(['Acme_Mobile_Android', 'Acme_Mobile_Ios']);
  });

  it('also matches ssh:// and user@ spellings, and never a different repository with a similar name', async () => {
    const data = host.simulator!.data;
    data.addProject({ id: 'Spellings', name: 'Spellings' });
    const roots: Array<[string, string]> = [
      ['Ssh', 'ssh://git@bitbucket.org/acme/webapp.git'],
      ['User', 'https://acme@bitbucket.org/acme/webapp.git'],
      ['NoGit', 'https://bitbucket.org/Acme/WebApp'],
      ['Other', 'https://bitbucket.org/acme/webapp-legacy.git'],
      ['OtherWs', 'git@bitbucket.org:someone/webapp.git'],
    ];
    for (const [id, url] of roots) {
      data.addVcsRoot({ id: `Spellings_${id}_Vcs`, url, projectId: 'Spellings' });
      data.addBuildType({ id: `Spellings_${id}`, name: id, projectId: 'Spellings', vcsRootIds: [`Spellings_${id}_Vcs`] });
    }
    const found = ids(await find({ scope: 'repository' })).filter((id) => id.startsWith('Spellings_'));
    expect(found).toEqual(['Spellings_NoGit', 'Spellings_Ssh', 'Spellings_User']);
  });

  it("searches all configurations the token's user can see", async () => {
    const lint = await find({ scope: 'all', search: 'lint' });
    expect(ids(lint)).toEqual(['Tools_Lint']);
    expect(lint.items[0]).toMatchObject({ projectName: 'Internal Tools' });
    const everything = await find({ scope: 'all' });
    expect(everything.items.length).toBeGreaterThanOrEqual(9);
  });

  it('pages with nextStart', async () => {
    host.simulator!.data.generateBuildTypes(120, { projectId: 'Paging', urlFor: (i) => `https://bitbucket.org/bench/paging-${i}.git` });
    const first = await find({ scope: 'all' });
    expect(first.items).toHaveLength(50);
    expect(first.nextStart).toBe(50);
    const second = await find({ scope: 'all', start: 50 });
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
  });

  it("says when the token is not one of the user's", async () => {
    const result = await call('bob', 'findBuildConfigurations', { tokenId: adminTokenId, scope: 'all' });
    expect(result).toMatchObject({ ok: false, error: { code: 'token_not_found' } });
  });
});
