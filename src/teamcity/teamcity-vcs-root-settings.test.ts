/**
 * A build configuration's VCS roots as getBuildType's fields= brings them: only the three settings that say which
 * refs it builds are kept; the rest of a root's settings (which can hold credentials) never leave the decoder.
 */
import { buildTypeDecoder } from './teamcity-decoders';

const decode = (vcsRootEntries: unknown) =>
  buildTypeDecoder({ serverUrl: 'http://127.0.0.1:8111' }).parse({ id: 'P_Release', name: 'Release', 'vcs-root-entries': vcsRootEntries });

describe('VCS root settings of a build configuration', () => {
  it('keeps the default branch, the branch specification and "Use tags as branches", and nothing else', () => {
    const type = decode({
      'vcs-root-entry': [
        {
          'vcs-root': {
            id: 'P_Git',
            vcsName: 'jetbrains.git',
            properties: {
              property: [
                { name: 'branch', value: 'refs/heads/main' },
                { name: 'teamcity:branchSpec', value: '+:refs/heads/*\n+:refs/tags/(v*)' },
                { name: 'reportTagRevisions', value: 'true' },
                { name: 'secure:password', value: 'hunter2' },
                { name: 'username', value: 'ci-bot' },
              ],
            },
          },
        },
      ],
    });
    expect(type.vcsRoots).toEqual([
      {
        id: 'P_Git',
        vcsName: 'jetbrains.git',
        settingsShown: true,
        defaultBranch: 'refs/heads/main',
        branchSpec: '+:refs/heads/*\n+:refs/tags/(v*)',
        tagsAsBranches: true,
      },
    ]);
    expect(JSON.stringify(type)).not.toMatch(/hunter2|ci-bot/);
  });

  it('marks a root whose settings TeamCity left out, and skips an entry without a root or a malformed one', () => {
    const bad = { 'vcs-root': { id: 'x'.repeat(300) } };
    expect(decode({ 'vcs-root-entry': [{ 'vcs-root': { id: 'P_Git' } }, {}, bad, 'junk'] }).vcsRoots).toEqual([
      { id: 'P_Git', settingsShown: false, tagsAsBranches: false },
    ]);
  });

  it('reads at most 100 roots, so an absurd list neither fails the configuration nor costs more', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ 'vcs-root': { id: `R${i}` } }));
    expect(decode({ 'vcs-root-entry': many }).vcsRoots).toHaveLength(100);
  });
});
