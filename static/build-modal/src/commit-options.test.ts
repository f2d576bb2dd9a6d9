import type { RecentCommitView } from '../../../src/shared/schemas';
import { commitOptions, findCommitOption } from './commit-options';

const NOW = new Date('2025-03-12T14:30:00.000Z');
const utc = { timeZone: 'UTC' };
const commits: RecentCommitView[] = [
  { hash: 'a'.repeat(40), summary: 'Fix the login test', author: 'Alice', date: '2025-03-12T11:30:00.000Z' },
  { hash: `bbbbbbbbbbbb${'1'.repeat(28)}`, summary: 'Bump dependencies', date: '2025-02-01T08:00:00.000Z' },
  { hash: 'c'.repeat(40), summary: '' },
];

describe('commitOptions', () => {
  it('labels each commit with its short hash and summary, and notes the head, the author and when', () => {
    expect(commitOptions(commits, NOW, undefined, utc)).toEqual([
      { label: 'aaaaaaa · Fix the login test', value: 'a'.repeat(40), note: 'Latest · Alice · 3 hours ago' },
      { label: 'bbbbbbb · Bump dependencies', value: commits[1]!.hash, note: 'Feb 1, 2025' },
      { label: 'ccccccc', value: 'c'.repeat(40) },
    ]);
  });

  it("marks the pull request's head commit, which Bitbucket gives as a short hash", () => {
    expect(commitOptions(commits, NOW, 'BBBBBBBBBBBB', utc)[1]!.note).toBe('Pull request head · Feb 1, 2025');
  });
});

describe('findCommitOption', () => {
  const options = commitOptions(commits, NOW, undefined, utc);

  it('finds a listed commit by a hash of seven characters or more, in any case', () => {
    expect(findCommitOption(options, 'BBBBBBBBB')).toBe(options[1]);
    expect(findCommitOption(options, 'a'.repeat(40))).toBe(options[0]);
  });

  it('shows any other hash as typed', () => {
    expect(findCommitOption(options, 'bbbbbb')).toEqual({ label: 'bbbbbb', value: 'bbbbbb' });
    expect(findCommitOption(options, 'deadbeef')).toEqual({ label: 'deadbeef', value: 'deadbeef' });
  });
});
