import { branchMatches, branchPatternProblem } from './branch-pattern';

describe('target-branch patterns', () => {
  it.each([
    ['main', 'main', true],
    ['main', 'main2', false],
    ['release/*', 'release/1.4', true],
    ['release/*', 'release/1.4/hotfix', false],
    ['release/**', 'release/1.4/hotfix', true],
    ['*', 'feature/x', false],
    ['**', 'feature/x', true],
    ['dev*', 'develop', true],
    ['a.b', 'aXb', false],
  ])('%s against %s: %s', (pattern, branch, expected) => {
    expect(branchMatches(pattern, branch)).toBe(expected);
  });

  it('applies to every branch without a pattern', () => {
    expect(branchMatches(null, 'anything/at/all')).toBe(true);
  });

  it('refuses what is not a branch pattern', () => {
    expect(branchPatternProblem('release/*')).toBeNull();
    for (const bad of ['', ' ', 'a b', 'release/[12]', 'x?', '/main', 'main/', 'a..b', 'x'.repeat(256)]) {
      expect(branchPatternProblem(bad)).not.toBeNull();
    }
  });
});
