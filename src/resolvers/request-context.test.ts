import { startDeadline } from '../services/deadline';
import { modulePage, parseCaller } from './request-context';

const deadline = startDeadline({ limitMs: 25_000 });
const UUID = '0f7b5f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

describe('parseCaller', () => {
  it('needs the runtime accountId', () => {
    expect(parseCaller({}, deadline)).toBeNull();
    expect(parseCaller({ accountId: '' }, deadline)).toBeNull();
    expect(parseCaller(null, deadline)).toBeNull();
  });

  it('takes the workspace from workspaceId, in one spelling, and never from the extension', () => {
    const caller = parseCaller({ accountId: 'a', workspaceId: UUID.toUpperCase(), extension: { workspace: { uuid: 'x' } } }, deadline);
    expect(caller).toMatchObject({ accountId: 'a', workspaceId: `{${UUID}}` });
    expect(parseCaller({ accountId: 'a', extension: { workspace: { uuid: `{${UUID}}` } } }, deadline)?.workspaceId).toBeNull();
    expect(parseCaller({ accountId: 'a', workspaceId: 'acme' }, deadline)?.workspaceId).toBe('acme');
    expect(parseCaller({ accountId: 'a', workspaceId: '../etc' }, deadline)?.workspaceId).toBeNull();
  });

  it("falls back to the installation's workspace, and believes no workspaceId that contradicts it", () => {
    const installContext = `ari:cloud:bitbucket::workspace/${UUID}`;
    expect(parseCaller({ accountId: 'a', installContext }, deadline)?.workspaceId).toBe(`{${UUID}}`);
    expect(parseCaller({ accountId: 'a', installContext, workspaceId: `{${UUID}}` }, deadline)?.workspaceId).toBe(`{${UUID}}`);
    const other = '11111111-2222-4333-8444-555555555555';
    expect(parseCaller({ accountId: 'a', installContext, workspaceId: other }, deadline)?.workspaceId).toBeNull();
    expect(parseCaller({ accountId: 'a', installContext: 'ari:cloud:jira::site/x' }, deadline)?.workspaceId).toBeNull();
  });
});

describe('modulePage', () => {
  it('reads the documented identifiers only', () => {
    expect(
      modulePage({
        type: 'bitbucket:repoPullRequestAction',
        repository: { uuid: `{${UUID.toUpperCase()}}`, full_name: 'other/repo' },
        pullRequest: { id: '7', title: 'ignored' },
      }),
    ).toEqual({ type: 'bitbucket:repoPullRequestAction', repositoryUuid: `{${UUID}}`, pullRequestId: 7, branchName: null });
  });

  it('leaves out what is not an identifier', () => {
    expect(modulePage({ type: 'x', repository: { uuid: 'acme/webapp' }, pullRequest: { id: -1 } })).toEqual({
      type: 'x',
      repositoryUuid: null,
      pullRequestId: null,
      branchName: null,
    });
    expect(modulePage(undefined)).toEqual({ type: null, repositoryUuid: null, pullRequestId: null, branchName: null });
  });
});
