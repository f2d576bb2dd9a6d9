/** What the commit picker may show of Bitbucket's commit list, including from commits written to mislead. */
import { MAX_RECENT_COMMITS, recentCommitsOf } from './commit-json';

const hash = (n: number) => n.toString(16).padStart(40, 'a');
const page = (...values: unknown[]) => ({ pagelen: 20, values });

describe('recentCommitsOf', () => {
  it("takes the hash, the message's first line, the Bitbucket user's name and the date", () => {
    expect(
      recentCommitsOf(
        page({
          type: 'commit',
          hash: hash(1).toUpperCase(),
          date: '2024-03-01T09:00:00+02:00',
          message: '\n  Fix the login test  \n\nThe cookie was read too early.\n',
          summary: { raw: 'ignored when there is a message' },
          author: { raw: 'Alice Example <alice@example.com>', user: { display_name: 'Alice' } },
        }),
      ),
    ).toEqual([{ hash: hash(1), summary: 'Fix the login test', author: 'Alice', date: '2024-03-01T07:00:00.000Z' }]);
  });

  it("falls back to summary.raw and to git's name, never the address", () => {
    const commits = recentCommitsOf(
      page(
        { hash: hash(1), summary: { raw: 'From the summary\nsecond line' }, author: { raw: 'Bob Builder <bob@example.com>' } },
        { hash: hash(2), message: 'x', author: { raw: '<ci@example.com>' } },
        { hash: hash(3), message: 'x', author: { raw: 'carol@example.com' } },
        { hash: hash(4), message: 'x', author: { raw: 'Dave <dave@example.com', user: { display_name: ' ' } } },
        { hash: hash(5), message: 'x', author: { user: { display_name: 'eve@example.com Eve' } } },
      ),
    );
    expect(commits.map((c) => [c.summary, c.author])).toEqual([
      ['From the summary', 'Bob Builder'],
      ['x', undefined],
      ['x', undefined],
      ['x', 'Dave'],
      ['x', 'Eve'],
    ]);
    expect(JSON.stringify(commits)).not.toContain('@');
  });

  it('leaves out what has no full hash, repeats of a hash, and anything past the limit', () => {
    const junk = [null, 'abc', [], { hash: 'abc1234' }, { hash: 'g'.repeat(40) }, { hash: `${hash(9)} ` }, { hash: 42 }];
    const many = Array.from({ length: 30 }, (_, i) => ({ hash: hash(i + 1), message: `Commit ${i + 1}` }));
    const commits = recentCommitsOf(page(...junk, many[0], many[0], ...many));
    expect(commits).toHaveLength(MAX_RECENT_COMMITS);
    expect(commits.map((c) => c.hash)).toEqual(many.slice(0, MAX_RECENT_COMMITS).map((c) => c.hash));
    for (const body of [undefined, null, 'values', { values: 'x' }, { values: { 0: many[0] } }]) expect(recentCommitsOf(body)).toEqual([]);
  });

  it('bounds long texts and takes out control characters and direction overrides', () => {
    const [commit] = recentCommitsOf(
      page({
        hash: hash(1),
        message: `Looks fine\u202e\u0007\ttxt.exe ${'x'.repeat(500)}\nsecond`,
        author: { user: { display_name: `Mallory\u0000\u2066${'y'.repeat(500)}` } },
        date: 'yesterday',
      }),
    );
    expect(commit!.summary).toHaveLength(200);
    expect(commit!.summary.startsWith('Looks fine txt.exe xxx')).toBe(true);
    expect(commit!.summary.endsWith('…')).toBe(true);
    expect(commit!.author).toHaveLength(100);
    expect(commit!.author!.startsWith('Mallory yyy')).toBe(true);
    expect(commit).not.toHaveProperty('date');
    expect(recentCommitsOf(page({ hash: hash(2), message: 42 }))).toEqual([{ hash: hash(2), summary: '' }]);
  });
});
