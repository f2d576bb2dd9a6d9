import type { TeamCityVcsRootSettings } from '../teamcity/teamcity-types';
import { tagCoverage } from './tag-branches';

const root = (overrides: Partial<TeamCityVcsRootSettings> = {}): TeamCityVcsRootSettings => ({
  id: 'Root',
  vcsName: 'jetbrains.git',
  settingsShown: true,
  defaultBranch: 'refs/heads/main',
  branchSpec: '+:refs/heads/*\n+:refs/tags/*',
  tagsAsBranches: true,
  ...overrides,
});
const branchOf = (roots: TeamCityVcsRootSettings[], tag: string) => {
  const coverage = tagCoverage(roots);
  return coverage.state === 'covered' ? coverage.branchOf(tag) : coverage.state;
};

describe('tagCoverage', () => {
  it('names a tag by what the * matched, by the part in parentheses, or by the whole ref', () => {
    expect(branchOf([root()], 'v1.0')).toBe('v1.0');
    expect(branchOf([root({ branchSpec: '+:refs/tags/(release-*)' })], 'release-7')).toBe('release-7');
    expect(branchOf([root({ branchSpec: '+:refs/(tags/*)' })], 'v2')).toBe('tags/v2');
    expect(branchOf([root({ branchSpec: '+:refs/tags/v1.0' })], 'v1.0')).toBe('refs/tags/v1.0');
    expect(branchOf([root({ branchSpec: '+:*' })], 'v1.0')).toBe('refs/tags/v1.0');
  });

  it('lets the last matching rule decide, as TeamCity does', () => {
    const spec = '+:refs/tags/*\n-:refs/tags/nightly-*';
    expect(branchOf([root({ branchSpec: spec })], 'nightly-1')).toBeUndefined();
    expect(branchOf([root({ branchSpec: spec })], 'v3')).toBe('v3');
    // Without parentheses the logical name is only what the * matched.
    expect(branchOf([root({ branchSpec: '-:refs/tags/*\n+:refs/tags/v*' })], 'v3')).toBe('3');
  });

  it('does not build tags without "Use tags as branches", for non-Git roots, or with only branch rules', () => {
    expect(tagCoverage([root({ tagsAsBranches: false })]).state).toBe('not_covered');
    expect(tagCoverage([root({ vcsName: 'mercurial' })]).state).toBe('not_covered');
    expect(tagCoverage([root({ branchSpec: '+:refs/heads/*\n+:refs/pull/(*)/head' })]).state).toBe('not_covered');
    expect(tagCoverage([root({ branchSpec: '-:refs/tags/*' })]).state).toBe('not_covered');
    expect(tagCoverage([]).state).toBe('not_covered');
  });

  it('cannot tell when TeamCity left the settings out, unless another root builds tags', () => {
    expect(tagCoverage(undefined).state).toBe('unknown');
    expect(tagCoverage([root({ settingsShown: false, branchSpec: undefined, tagsAsBranches: false })]).state).toBe('unknown');
    expect(tagCoverage([root({ id: 'A', settingsShown: false, tagsAsBranches: false }), root({ id: 'B' })]).state).toBe('covered');
  });

  it('skips rules with parameter references and never throws on odd patterns', () => {
    expect(tagCoverage([root({ branchSpec: '+:refs/tags/%release.pattern%' })]).state).toBe('not_covered');
    expect(branchOf([root({ branchSpec: '+:refs/tags/[(*' })], 'x')).toBe('not_covered');
    expect(branchOf([root({ branchSpec: 'garbage\n+:refs/tags/*' })], 'v1')).toBe('v1');
  });

  it('reads a hostile specification in bounded time: one * per rule, at most 200 rules', () => {
    // Refused before any regex is built: one that backtracked on this would not return at all.
    const evil = `+:refs/tags/${'*'.repeat(40)}x`;
    expect(branchOf([root({ branchSpec: evil })], `${'a'.repeat(5000)}y`)).toBe('not_covered');
    const long = [...Array.from({ length: 200 }, (_, i) => `+:refs/heads/b${i}`), '+:refs/tags/*'].join('\n');
    expect(tagCoverage([root({ branchSpec: long })]).state).toBe('not_covered');
    expect(tagCoverage([root({ branchSpec: '+:refs/tags/*-*' })]).state).toBe('not_covered');
  });
});
