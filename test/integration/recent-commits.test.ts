/**
 * The run dialog's list of recent commits, through the local host and its emulated Bitbucket: the newest twenty of
 * the branch the user chose, head first; a push shows at once; an unknown branch is named; and what Bitbucket
 * passes on from git (long lines, e-mail addresses) is cut or left out. The repository is always the page's.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { DEMO_WORKSPACE } from '../../local/forge-host/bitbucket/demo-data';
import { headOf, historyOf, pushCommit, resetBranchHeads } from '../../local/forge-host/bitbucket/branch-heads';
import type { ListRecentCommitsResponse } from '../../src/shared/schemas';
import { caller, prPage, repoPage, startBuildHost, unwrap, type Call } from './build-fixture';
import { interceptBitbucket, type BitbucketInterceptor } from '../support/bitbucket-requests';

let host: LocalHost;
let call: Call;
/** Every Bitbucket request of the app, and who it was made as; answers for what the emulation never sends. */
let bitbucket: BitbucketInterceptor;

beforeAll(async () => {
  host = await startBuildHost();
  call = caller(host);
  bitbucket = interceptBitbucket();
});
beforeEach(() => bitbucket.clear());
afterEach(resetBranchHeads);
afterAll(async () => {
  bitbucket.stop();
  await host.close();
});

const list = (branch: string, extension = repoPage(), user = 'hana') =>
  call<ListRecentCommitsResponse>(user, 'listRecentCommits', { branch }, extension);
const uuidOf = (extension: Record<string, unknown>) => (extension.repository as { uuid: string }).uuid;
const commitsPath = (repo: string, branch: string) =>
  `/2.0/repositories/${DEMO_WORKSPACE.uuid}/${uuidOf(repoPage(repo))}/commits?include=${encodeURIComponent(branch)}&pagelen=20`;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('listRecentCommits', () => {
  it("lists the branch's twenty newest commits, head first, with their summary, author and date", async () => {
    for (let i = 0; i < 20; i++) pushCommit('acme', 'webapp', 'develop');
    const { commits } = unwrap(await list('develop'));
    expect(commits.map((c) => c.hash)).toEqual(historyOf('acme', 'webapp', 'develop').slice(0, 20));
    expect(commits[0]!.hash).toBe(headOf('acme', 'webapp', 'develop'));
    for (const commit of commits) {
      expect(commit.summary).toMatch(/^\S.*\S$/);
      expect(commit.summary).not.toContain('\n');
      expect(new Date(commit.date!).toISOString()).toBe(commit.date);
    }
    const dates = commits.map((c) => Date.parse(c.date!));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    // The emulated authors' raw `Name <email>` has an address; none leaves the backend.
    expect(commits.some((c) => c.author !== undefined)).toBe(true);
    expect(JSON.stringify(commits)).not.toContain('@');
    // One request, as the user.
    expect(bitbucket.requests).toEqual([{ provider: 'user', method: 'GET', path: commitsPath('webapp', 'develop') }]);
  });

  it('shows a pushed commit first at once, on a branch with a "/" in its name', async () => {
    const before = unwrap(await list('feature/login')).commits;
    const pushed = pushCommit('acme', 'webapp', 'feature/login');
    const after = unwrap(await list('feature/login')).commits;
    expect(after[0]!.hash).toBe(pushed);
    expect(after.slice(1)).toEqual(before);
  });

  it('names a branch Bitbucket does not have', async () => {
    expect(await list('no-such-branch')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Bitbucket has no branch no-such-branch in this repository.', field: 'branch' },
    });
  });

  it("says Bitbucket didn't send them when it fails otherwise", async () => {
    bitbucket.answer = () => json({ type: 'error', error: { message: 'Something broke' } }, 500);
    expect(await list('main')).toEqual({
      ok: false,
      error: { code: 'internal_error', message: "Bitbucket didn't send the recent commits of main." },
    });
  });

  it('cuts long summaries, leaves out commits without a full hash and never passes on an address', async () => {
    bitbucket.answer = () =>
      json({
        pagelen: 20,
        values: [
          { hash: 'abc1234', message: 'short hash' },
          {
            hash: 'b'.repeat(40),
            message: `${'Very long summary '.repeat(30)}\n\nbody`,
            author: { raw: 'Mallory Example <mallory@evil.example>' },
            date: '2024-05-01T10:00:00+00:00',
          },
          { hash: 'c'.repeat(40), message: 'By address only', author: { raw: 'eve@evil.example <eve@evil.example>' } },
        ],
      });
    const { commits } = unwrap(await list('main'));
    expect(commits).toEqual([
      {
        hash: 'b'.repeat(40),
        summary: expect.stringMatching(/^Very long summary .*…$/),
        author: 'Mallory Example',
        date: '2024-05-01T10:00:00.000Z',
      },
      { hash: 'c'.repeat(40), summary: 'By address only' },
    ]);
    expect(commits[0]!.summary).toHaveLength(200);
    expect(JSON.stringify(commits)).not.toMatch(/evil\.example|@/);
  });

  it("reads the page's repository and the branch in the input, never one named anywhere else", async () => {
    // On a pull request page the branch is still the one asked for, not the pull request's.
    unwrap(await list('develop', prPage('webapp', '1')));
    // A context that carries another repository's names still means the repository of its UUID.
    const forged = {
      ...repoPage(),
      repository: { ...(repoPage('api').repository as object), uuid: uuidOf(repoPage()) },
      branch: { name: 'x' },
    };
    unwrap(await list('develop', forged));
    expect(bitbucket.requests.map((r) => r.path)).toEqual([commitsPath('webapp', 'develop'), commitsPath('webapp', 'develop')]);

    // The payload may name the branch only.
    bitbucket.clear();
    for (const payload of [
      { branch: 'main', repository: uuidOf(repoPage('api')) },
      { branch: 'main', workspace: 'other' },
      { branchName: 'main' },
      {},
    ]) {
      expect(await call('hana', 'listRecentCommits', payload, repoPage())).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await list('feature/../main')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'branch' } });
    // Off a repository page there is no repository to read.
    expect(await list('main', { type: 'bitbucket:workspaceSettingsMenuPage' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(bitbucket.requests).toEqual([]);
  });
});
