/** The emulated commit list: each branch's history newest first, paged like Bitbucket's, moved by a push. */
import { handleBitbucketRequest } from './bitbucket-api';
import { headOf, historyOf, pushCommit, resetBranchHeads } from './branch-heads';
import { demoUser } from './demo-data';
import { commitHash } from './demo-ids';

const SCOPES = ['read:repository:bitbucket'];
type Page = { values: Array<{ hash: string; date: string; message: string; author: { raw: string; user?: unknown } }>; next?: string };

const get = async (path: string, scopes = SCOPES) => {
  const response = handleBitbucketRequest(path, undefined, demoUser('alice'), scopes);
  return { status: response.status, body: (await response.json()) as Page & { error?: { message: string } } };
};

afterEach(resetBranchHeads);

describe('GET .../commits', () => {
  it('lists a branch from its head back, by include or in the path, with the same answer for the same branch', async () => {
    const history = historyOf('acme', 'webapp', 'feature/login');
    // The head an untouched branch always had: tests and recorded builds name it.
    expect(history[0]).toBe(headOf('acme', 'webapp', 'feature/login'));
    expect(history[0]).toBe(commitHash('acme/webapp@feature/login'));
    expect(new Set(history).size).toBe(history.length);
    const byInclude = await get('/2.0/repositories/acme/webapp/commits?include=feature%2Flogin&pagelen=20');
    expect(byInclude.status).toBe(200);
    expect(byInclude.body.values.map((c) => c.hash)).toEqual(history);
    expect(await get('/2.0/repositories/acme/webapp/commits/feature/login?pagelen=20')).toEqual(byInclude);
    const dates = byInclude.body.values.map((c) => Date.parse(c.date));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(byInclude.body.values.some((c) => c.author.user === undefined && /^[^<]+ <[^>]+>$/.test(c.author.raw))).toBe(true);
  });

  it('puts a pushed commit first and keeps what the older ones say', async () => {
    const before = (await get('/2.0/repositories/acme/webapp/commits?include=main&pagelen=20')).body.values;
    const pushed = pushCommit('acme', 'webapp', 'main');
    const after = (await get('/2.0/repositories/acme/webapp/commits?include=main&pagelen=20')).body.values;
    expect(after[0]!.hash).toBe(pushed);
    expect(after.slice(1)).toEqual(before);
  });

  it('pages with pagelen and next', async () => {
    for (let i = 0; i < 20; i++) pushCommit('acme', 'api', 'develop');
    const first = await get('/2.0/repositories/acme/api/commits?include=develop&pagelen=20');
    expect(first.body.values).toHaveLength(20);
    expect(first.body.next).toBeDefined();
    const rest = await get(new URL(first.body.next!).pathname + new URL(first.body.next!).search);
    expect([...first.body.values, ...rest.body.values].map((c) => c.hash)).toEqual(historyOf('acme', 'api', 'develop'));
  });

  it("answers Bitbucket's 404 for a branch the repository does not have, and 403 without the scope", async () => {
    expect(await get('/2.0/repositories/acme/webapp/commits?include=no-such-branch')).toMatchObject({
      status: 404,
      body: { type: 'error', error: { message: expect.any(String) } },
    });
    expect((await get('/2.0/repositories/acme/webapp/commits?include=main', [])).status).toBe(403);
  });
});
