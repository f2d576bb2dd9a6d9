/**
 * Building a tag from the run dialog, through the local host, its emulated Bitbucket and the TeamCity simulator:
 * the form offers the repository's tags only for a configuration whose VCS root builds them, still with one
 * TeamCity request; a tag run is sent as the branch TeamCity makes of the tag, pinned to the tag's commit, with
 * one POST; a tag the repository lacks, a configuration that builds no tags and a tag with a commit are refused
 * with nothing sent.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { historyOf, pushCommit } from '../../local/forge-host/bitbucket/branch-heads';
import type { GetRunParametersResponse, TriggerBuildResponse } from '../../src/shared/schemas';
import { interceptBitbucket } from '../support/bitbucket-requests';
import { closeBuildSuite, followBuild, postsToBuildQueue, prPage, repoPage, startBuildSuite, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let tokenId: string;

const RELEASE = 'AcmeRelease_Production';
const BUILD = 'Acme_Webapp_Build';
/** demo-tags.ts: v1.3.0 is the third-oldest commit of main. */
const taggedCommit = (fromOldest: number) => {
  const history = historyOf('acme', 'webapp', 'main');
  return history[history.length - 1 - fromOldest]!;
};

const form = (buildTypeId: string) => call<GetRunParametersResponse>('gina', 'getRunParameters', { tokenId, buildTypeId }, repoPage());
const trigger = (payload: Record<string, unknown>) =>
  call<TriggerBuildResponse>('gina', 'triggerBuild', { tokenId, buildTypeId: RELEASE, ...payload }, repoPage());

beforeAll(async () => {
  ({ host, call, tokenId } = await startBuildSuite('gina'));
});
afterAll(() => closeBuildSuite(host));
afterEach(() => {
  host.simulator!.data.requireUser('admin').settingsHidden = undefined;
});

describe('tags in the run dialog', () => {
  it('offers the tags a configuration builds, under the branch TeamCity makes of each, with one TeamCity request', async () => {
    host.simulator!.clearRequests();
    const { tags } = unwrap(await form(RELEASE));
    expect(host.simulator!.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([`GET /app/rest/buildTypes/id:${RELEASE}`]);
    // +:refs/tags/(v*): the nightly tag is left out, the logical name is what the parentheses hold.
    expect(tags).toEqual({
      state: 'covered',
      truncated: false,
      tags: [
        // Newest tagged commit first: main's oldest commit is 2024-03-01 09:00, each later one 26 hours on.
        { name: 'v2/preview', branchName: 'v2/preview', commit: taggedCommit(5), date: '2024-03-06T19:00:00.000Z' },
        { name: 'v1.4.0-rc.1', branchName: 'v1.4.0-rc.1', commit: taggedCommit(4), date: '2024-03-05T17:00:00.000Z' },
        { name: 'v1.3.0', branchName: 'v1.3.0', commit: taggedCommit(2), date: '2024-03-03T13:00:00.000Z' },
        { name: 'v1.2.0', branchName: 'v1.2.0', commit: taggedCommit(0), date: '2024-03-01T09:00:00.000Z' },
      ],
    });
  });

  it('offers none for a configuration whose VCS root does not build tags', async () => {
    expect(unwrap(await form(BUILD)).tags).toEqual({ state: 'not_covered' });
  });

  it('says it cannot tell when TeamCity hides the VCS settings from the token', async () => {
    host.simulator!.data.requireUser('admin').settingsHidden = true;
    expect(unwrap(await form(RELEASE)).tags).toEqual({ state: 'unknown' });
  });

  it('builds a tag as its TeamCity branch, pinned to the tag’s commit, with one POST', async () => {
    const commit = taggedCommit(2);
    // main has moved on since the tag: the build must still be of the tagged commit.
    pushCommit('acme', 'webapp', 'main');
    host.simulator!.clearRequests();
    const { build } = unwrap(await trigger({ tag: 'v1.3.0' }));
    expect(postsToBuildQueue(host)).toBe(1);
    expect(host.simulator!.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const recorded = host.simulator!.data.builds.get(build.id)!;
    expect(recorded).toMatchObject({ branchName: 'v1.3.0', revision: commit });
    // A queued build has no revision yet (TeamCity reports it once the build starts): see the next test.
    expect(build).toMatchObject({ branchName: 'v1.3.0' });
  });

  it('builds a tag with a "/" in its name (looked up by query, as Forge refuses it in a path)', async () => {
    const { build } = unwrap(await trigger({ tag: 'v2/preview' }));
    expect(host.simulator!.data.builds.get(build.id)).toMatchObject({ branchName: 'v2/preview', revision: taggedCommit(5) });
  });

  it('started on a pull request page, a tag build does not carry the pull request’s parameters', async () => {
    const { build } = unwrap(
      await call<TriggerBuildResponse>('gina', 'triggerBuild', { tokenId, buildTypeId: RELEASE, tag: 'v1.3.0' }, prPage()),
    );
    const names = host.simulator!.data.builds.get(build.id)!.properties.map((p) => p.name);
    expect(names.filter((n) => n.startsWith('bitbucket.pr.'))).toEqual([]);
    const branchRun = unwrap(
      await call<TriggerBuildResponse>('gina', 'triggerBuild', { tokenId, buildTypeId: RELEASE, branchName: 'release/1.4' }, prPage()),
    );
    expect(host.simulator!.data.builds.get(branchRun.build.id)!.properties.map((p) => p.name)).toContain('bitbucket.pr.id');
  });

  it('follows a tag build to the commit TeamCity took', async () => {
    const { build } = unwrap(
      await call<TriggerBuildResponse>('gina', 'triggerBuild', { tokenId, buildTypeId: RELEASE, tag: 'v1.2.0' }, repoPage()),
    );
    // Releases wait for approval; the admin approves, then the build runs to the end.
    unwrap(await call('gina', 'approveBuild', { tokenId, buildId: build.id }));
    const last = (await followBuild(call, 'gina', tokenId, build.id)).at(-1)!;
    expect(last).toMatchObject({ state: 'finished', branchName: 'v1.2.0', revision: taggedCommit(0) });
  });

  // Only a tag the configuration's spec leaves out needs TeamCity's answer (its settings); nothing is ever queued.
  it.each([
    [{ tag: 'v9.9.9' }, 'tag', /^This repository has no tag "v9\.9\.9" in Bitbucket\./, false],
    [{ tag: 'v1.3' }, 'tag', /^This repository has no tag "v1\.3" in Bitbucket\./, false],
    [{ tag: 'v2"/x' }, 'tag', /^This repository has no tag "v2"\/x" in Bitbucket\./, false],
    [
      { tag: 'nightly-2024-03-05' },
      'tag',
      /^"Release to Production" doesn't build the tag "nightly-2024-03-05": its branch specification/,
      true,
    ],
    [{ tag: 'v1.3.0', revision: 'abcdef0' }, 'revision', /^A tag names its own commit/, false],
    [{ tag: 'v1.3.0', branchName: 'main' }, 'tag', /^Choose a branch or a tag to build, not both\./, false],
    [{}, 'branchName', /^Choose a branch or a tag to build, not both\./, false],
    [{ tag: 'bad tag' }, 'tag', /^Tag names can't contain spaces\./, false],
    [{ tag: 'v1..3' }, 'tag', /^Tag names can't contain "\.\."\./, false],
  ])('refuses %j', async (payload, field, message, asksTeamCity) => {
    host.simulator!.clearRequests();
    const result = await trigger(payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(postsToBuildQueue(host)).toBe(0);
    expect(host.simulator!.requests.map((r) => r.method)).toEqual(asksTeamCity ? ['GET'] : []);
  });

  it('says so, and sends nothing to TeamCity, when Bitbucket does not answer the tag lookup', async () => {
    const bitbucket = interceptBitbucket();
    try {
      bitbucket.answer = (path) => (path.includes('/refs/tags') ? new Response('{"type":"error"}', { status: 503 }) : undefined);
      host.simulator!.clearRequests();
      const result = await trigger({ tag: 'v1.3.0' });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal_error' } });
      expect(!result.ok && result.error.message).toMatch(
        /^Bitbucket didn't say which commit the tag "v1\.3\.0" names, so nothing was sent/,
      );
      expect(host.simulator!.requests).toEqual([]);
      // The form still opens: it says the list could not be read.
      expect(unwrap(await form(RELEASE)).tags).toEqual({ state: 'unreadable' });
    } finally {
      bitbucket.stop();
    }
  });

  it('refuses a tag for a configuration that builds no tags, and one whose settings TeamCity hides', async () => {
    const other = await call<TriggerBuildResponse>('gina', 'triggerBuild', { tokenId, buildTypeId: BUILD, tag: 'v1.3.0' }, repoPage());
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'tag' } });
    expect(!other.ok && other.error.message).toMatch(/^"Build" doesn't build tags: none of its VCS roots has "Use tags as branches" on/);
    host.simulator!.data.requireUser('admin').settingsHidden = true;
    const hidden = await trigger({ tag: 'v1.3.0' });
    expect(!hidden.ok && hidden.error.message).toMatch(/^TeamCity doesn't show "Release to Production"'s VCS settings to your token/);
    expect(postsToBuildQueue(host)).toBe(0);
  });
});
