/**
 * Bad input across every resolver payload. Each must come back as `invalid_input` with the message that names
 * the problem, before anything reaches TeamCity and without touching storage.
 */
import { workspaceSettingsExtension } from '../../local/forge-host/runtime/extension-context';
import type { Result } from '../../src/shared/result';
import { REFUSED_DEPLOYED, REFUSED_LOCAL } from '../../src/shared/testing/server-address-forms';
import {
  addedTokenId,
  prExtension,
  repoExtension,
  startTestHost,
  storageSnapshot,
  type TestHost,
  type Simulator,
} from './support/host-calls';

type Case = {
  fn: string;
  name: string;
  payload: () => unknown;
  message: string | RegExp;
  field?: string;
  extension?: () => Record<string, unknown>;
  /** Who calls; the workspace policy is an admin's (demo). */
  user?: string;
};

const MB = 'x'.repeat(1024 * 1024);
const USER = 'mallory';
let host: TestHost;
let sim: Simulator;
let token: string;
let tokenId: string;

beforeAll(async () => {
  host = await startTestHost();
  sim = host.simulator;
  token = sim.createToken('admin', 'bad-input');
  tokenId = await addedTokenId(host, USER, sim.url, token);
});
afterAll(() => host.close());

const simPort = () => new URL(sim.url).port;
const trigger = (extra: Record<string, unknown>) => ({ tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main', ...extra });
const ADDRESS = "This isn't a valid server address. Enter it like https://teamcity.example.com.";
const NO_SPACES = "The access token can't contain spaces or line breaks. Copy it again from TeamCity.";
const NOT_AN_OBJECT = /^Invalid input: expected object, received (array|string|null|number)$/;
const BAD_BUILD_TYPE =
  'This is not a TeamCity build configuration id: ids start with a Latin letter and contain only Latin letters, digits and underscores (at most 225).';
const branchCannot = (what: string) => `Branch names can't contain "${what}".`;
const BAD_TOKEN_ID = 'Token id is not valid.';
const BAD_BUILD_ID = 'Build id must be a number.';

const CASES: Case[] = [
  // addToken: server URL
  {
    fn: 'addToken',
    name: 'server URL of the wrong type',
    payload: () => ({ serverUrl: 42, token }),
    message: 'Enter the address of your TeamCity server.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL missing',
    payload: () => ({ token }),
    message: 'Enter the address of your TeamCity server.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL of 1 MB',
    payload: () => ({ serverUrl: `https://${MB}.example.com`, token }),
    message: 'The server address is too long (at most 2048 characters).',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL with CR/LF header injection',
    payload: () => ({ serverUrl: `${sim.url}\r\nX-Injected: 1`, token }),
    message: "The server address can't contain spaces or line breaks.",
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL with a NUL byte',
    payload: () => ({ serverUrl: `${sim.url}\u0000.evil`, token }),
    message: "The server address can't contain spaces or line breaks.",
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL with credentials',
    payload: () => ({ serverUrl: sim.url.replace('//', '//admin:admin@'), token }),
    message: 'Remove the user name and password from the address: your access token is what signs you in.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL with a query',
    payload: () => ({ serverUrl: `${sim.url}/?locator=id:x`, token }),
    message: 'Remove the part starting with "?" from the address.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL with a fragment',
    payload: () => ({ serverUrl: `${sim.url}/#x`, token }),
    message: 'Remove the part starting with "#" from the address.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL of another scheme',
    payload: () => ({ serverUrl: 'ftp://teamcity.example.com', token }),
    message: /^"ftp" addresses aren't supported/,
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL pointing at a file',
    payload: () => ({ serverUrl: 'file:///etc/passwd', token }),
    message: /^"file" addresses aren't supported/,
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL on a private network',
    payload: () => ({ serverUrl: 'https://10.1.2.3', token }),
    message: /^10\.1\.2\.3 is a private or local address/,
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL over plain http',
    payload: () => ({ serverUrl: 'http://teamcity.example.com', token }),
    message: 'Use an https:// address. Bitbucket Cloud only connects to TeamCity over HTTPS.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL that is only spaces',
    payload: () => ({ serverUrl: '   ', token }),
    message: 'Enter the address of your TeamCity server.',
    field: 'serverUrl',
  },
  {
    fn: 'addToken',
    name: 'server URL host with locator syntax',
    payload: () => ({ serverUrl: 'https://id:(x),y', token }),
    message: ADDRESS,
    field: 'serverUrl',
  },
  // addToken: token
  {
    fn: 'addToken',
    name: 'token missing',
    payload: () => ({ serverUrl: sim.url }),
    message: 'Paste the access token you created in TeamCity.',
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'token of the wrong type',
    payload: () => ({ serverUrl: sim.url, token: { value: token } }),
    message: 'Paste the access token you created in TeamCity.',
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'token of 1 MB',
    payload: () => ({ serverUrl: sim.url, token: MB }),
    message: 'This is too long for a TeamCity access token (at most 4096 characters).',
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'token with CR/LF header injection',
    payload: () => ({ serverUrl: sim.url, token: `${token}\r\nX-Injected: 1` }),
    message: NO_SPACES,
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'token with a control character',
    payload: () => ({ serverUrl: sim.url, token: `${token}\u0007` }),
    message: NO_SPACES,
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'token with unicode look-alikes',
    payload: () => ({ serverUrl: sim.url, token: token.replace(/e/g, '\u0435') }),
    message: 'The access token contains characters that TeamCity tokens never have. Copy it again from TeamCity.',
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'token too short',
    payload: () => ({ serverUrl: sim.url, token: 'abc' }),
    message: 'This is too short to be a TeamCity access token. Copy the whole token from TeamCity.',
    field: 'token',
  },
  {
    fn: 'addToken',
    name: 'extra field (forged accountId)',
    payload: () => ({ serverUrl: sim.url, token, accountId: host.accountIdFor('alice') }),
    message: 'Unexpected field in the request: accountId.',
  },
  { fn: 'addToken', name: 'payload is an array', payload: () => [sim.url, token], message: NOT_AN_OBJECT },
  { fn: 'addToken', name: 'payload is a string', payload: () => JSON.stringify({ serverUrl: sim.url, token }), message: NOT_AN_OBJECT },
  // The Forge resolver hands a missing (null) payload over as {}, so the first required field is reported.
  {
    fn: 'addToken',
    name: 'payload is null',
    payload: () => null,
    message: 'Enter the address of your TeamCity server.',
    field: 'serverUrl',
  },
  { fn: 'addToken', name: 'payload is a number', payload: () => 7, message: NOT_AN_OBJECT },
  // listTokens, getBuildSetup
  {
    fn: 'listTokens',
    name: 'extra field',
    payload: () => ({ accountId: host.accountIdFor('alice') }),
    message: 'Unexpected field in the request: accountId.',
  },
  { fn: 'listTokens', name: 'payload is an array', payload: () => [], message: NOT_AN_OBJECT },
  {
    fn: 'getBuildSetup',
    name: 'repository in the payload',
    payload: () => ({ repository: { uuid: '{x}' } }),
    message: 'Unexpected field in the request: repository.',
    extension: repoExtension,
  },
  // deleteToken: token id
  { fn: 'deleteToken', name: 'token id missing', payload: () => ({}), message: 'Token id must be a string.', field: 'id' },
  {
    fn: 'deleteToken',
    name: 'token id of the wrong type',
    payload: () => ({ id: 1234 }),
    message: 'Token id must be a string.',
    field: 'id',
  },
  { fn: 'deleteToken', name: 'token id with path traversal', payload: () => ({ id: `../${tokenId}` }), message: BAD_TOKEN_ID, field: 'id' },
  {
    fn: 'deleteToken',
    name: 'token id with a wildcard',
    payload: () => ({ id: `${tokenId.slice(0, 31)}*` }),
    message: BAD_TOKEN_ID,
    field: 'id',
  },
  {
    fn: 'deleteToken',
    name: 'token id with a key separator',
    payload: () => ({ id: `${tokenId}:auth` }),
    message: BAD_TOKEN_ID,
    field: 'id',
  },
  { fn: 'deleteToken', name: 'token id percent-encoded', payload: () => ({ id: `%2e%2e${tokenId}` }), message: BAD_TOKEN_ID, field: 'id' },
  { fn: 'deleteToken', name: 'token id in upper case', payload: () => ({ id: tokenId.toUpperCase() }), message: BAD_TOKEN_ID, field: 'id' },
  { fn: 'deleteToken', name: 'token id of 1 MB', payload: () => ({ id: MB }), message: BAD_TOKEN_ID, field: 'id' },
  { fn: 'deleteToken', name: 'payload is a string', payload: () => tokenId, message: NOT_AN_OBJECT },
  // findBuildConfigurations: scope, search, paging
  {
    fn: 'findBuildConfigurations',
    name: 'unknown scope',
    payload: () => ({ tokenId, scope: 'everything' }),
    message: 'Invalid option: expected one of "repository"|"all"',
    field: 'scope',
    extension: repoExtension,
  },
  {
    fn: 'findBuildConfigurations',
    name: 'search of 1 MB',
    payload: () => ({ tokenId, scope: 'all', search: MB }),
    message: 'Search for at most 100 characters.',
    field: 'search',
    extension: repoExtension,
  },
  {
    fn: 'findBuildConfigurations',
    name: 'negative start',
    payload: () => ({ tokenId, scope: 'all', start: -1 }),
    message: 'Too small: expected number to be >=0',
    field: 'start',
    extension: repoExtension,
  },
  {
    fn: 'findBuildConfigurations',
    name: 'start as a string',
    payload: () => ({ tokenId, scope: 'all', start: '0' }),
    message: 'Invalid input: expected number, received string',
    field: 'start',
    extension: repoExtension,
  },
  {
    fn: 'findBuildConfigurations',
    name: 'fractional start',
    payload: () => ({ tokenId, scope: 'all', start: 1.5 }),
    message: 'Invalid input: expected int, received number',
    field: 'start',
    extension: repoExtension,
  },
  {
    fn: 'findBuildConfigurations',
    name: 'huge start',
    payload: () => ({ tokenId, scope: 'all', start: 1e12 }),
    message: 'Too big: expected number to be <=100000',
    field: 'start',
    extension: repoExtension,
  },
  {
    fn: 'findBuildConfigurations',
    name: 'repository URL in the payload',
    payload: () => ({ tokenId, scope: 'repository', vcsUrls: ['https://bitbucket.org/other/repo.git'] }),
    message: 'Unexpected field in the request: vcsUrls.',
    extension: repoExtension,
  },
  // triggerBuild: build type id, branch, parameters, comment
  {
    fn: 'triggerBuild',
    name: 'build type id with locator injection',
    payload: () => trigger({ buildTypeId: 'Acme_Webapp_Build,project:(id:AcmeRelease)' }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'build type id as a locator',
    payload: () => trigger({ buildTypeId: 'id:AcmeRelease_Production' }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'build type id in parentheses',
    payload: () => trigger({ buildTypeId: '(Acme_Webapp_Build)' }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'build type id with path traversal',
    payload: () => trigger({ buildTypeId: '../buildQueue' }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'build type id with unicode look-alikes',
    payload: () => trigger({ buildTypeId: '\u0410cme_Webapp_Build' }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'build type id of 1 MB',
    payload: () => trigger({ buildTypeId: `A${MB}` }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'build type id missing',
    payload: () => ({ tokenId, branchName: 'main' }),
    message: 'Choose a build configuration.',
    field: 'buildTypeId',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'branch with CR/LF',
    payload: () => trigger({ branchName: 'main\r\nX-Injected: 1' }),
    message: "Branch names can't contain line breaks or other control characters.",
    field: 'branchName',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'branch with path traversal',
    payload: () => trigger({ branchName: '../../refs/heads/main' }),
    message: branchCannot('..'),
    field: 'branchName',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'branch with a locator colon',
    payload: () => trigger({ branchName: 'main,name:(x)' }),
    message: branchCannot(':'),
    field: 'branchName',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'branch with a wildcard',
    payload: () => trigger({ branchName: 'release/*' }),
    message: branchCannot('*'),
    field: 'branchName',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'empty branch',
    payload: () => trigger({ branchName: '' }),
    message: 'Choose a branch.',
    field: 'branchName',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'branch of 1 MB',
    payload: () => trigger({ branchName: MB }),
    message: 'The branch name is too long (at most 255 characters).',
    field: 'branchName',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'branch of the wrong type',
    payload: () => trigger({ branchName: ['main'] }),
    message: 'Choose a branch.',
    field: 'branchName',
    extension: prExtension,
  },
  // git check-ref-format: what the earlier rule let through to TeamCity.
  ...(
    [
      ['"@" on its own', '@', '"@" and "HEAD" aren\'t branch names: enter the name of a branch.'],
      ['HEAD', 'HEAD', '"@" and "HEAD" aren\'t branch names: enter the name of a branch.'],
      ['a trailing dot', 'release.', 'Branch names can\'t end with ".".'],
      ['a leading dot', '.hidden', 'No part of a branch name between slashes can start with ".".'],
      ['a component starting with a dot', 'feature/.x', 'No part of a branch name between slashes can start with ".".'],
      ['a .lock component', 'x.lock/y', 'No part of a branch name between slashes can end with ".lock".'],
    ] as const
  ).map(([what, branchName, message]): Case => ({
    fn: 'triggerBuild',
    name: `branch with ${what}`,
    payload: () => trigger({ branchName }),
    message,
    field: 'branchName',
    extension: prExtension,
  })),
  {
    fn: 'listRecentBuilds',
    name: 'branch with a component starting with a dot',
    payload: () => ({ tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/.x' }),
    message: 'No part of a branch name between slashes can start with ".".',
    field: 'branchName',
    extension: repoExtension,
  },
  {
    fn: 'listRecentCommits',
    name: 'branch with a revision range',
    payload: () => ({ branch: 'main..feature/login' }),
    message: branchCannot('..'),
    field: 'branch',
    extension: repoExtension,
  },
  {
    fn: 'listRecentCommits',
    name: 'branch missing',
    payload: () => ({}),
    message: 'Choose a branch.',
    field: 'branch',
    extension: prExtension,
  },
  {
    fn: 'listRecentCommits',
    name: 'repository in the payload',
    payload: () => ({ branch: 'main', repository: 'acme/api' }),
    message: 'Unexpected field in the request: repository.',
    extension: repoExtension,
  },
  {
    fn: 'saveWorkspacePolicy',
    name: 'allowed server with an embedded loopback address',
    payload: () => ({ allowedServers: ['https://teamcity.example.com', `http://[::ffff:127.0.0.1]:${simPort()}`], defaultServerUrl: null }),
    message: /^Server 2: \[::ffff:7f00:1\] stands for 127\.0\.0\.1, a private or local address/,
    field: 'allowedServers',
    extension: workspaceSettingsExtension,
    user: 'demo',
  },
  {
    fn: 'saveWorkspacePolicy',
    name: 'default server on port 0',
    payload: () => ({ allowedServers: [], defaultServerUrl: `http://127.0.0.1:0` }),
    message: 'The port must be a number from 1 to 65535.',
    field: 'defaultServerUrl',
    extension: workspaceSettingsExtension,
    user: 'demo',
  },
  {
    fn: 'triggerBuild',
    name: 'parameters not a list',
    payload: () => trigger({ parameters: { 'env.X': '1' } }),
    message: 'Invalid input: expected array, received object',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'parameter name with spaces',
    payload: () => trigger({ parameters: [{ name: 'env.X Y', value: '1' }] }),
    message: 'Parameter names may contain letters, digits, ".", "-" and "_", and start with a letter or "_".',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'parameter name with CR/LF',
    payload: () => trigger({ parameters: [{ name: 'env.X\r\nY', value: '1' }] }),
    message: 'Parameter names may contain letters, digits, ".", "-" and "_", and start with a letter or "_".',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'parameter value of 1 MB',
    payload: () => trigger({ parameters: [{ name: 'env.X', value: MB }] }),
    message: 'The parameter value is too long (at most 16,384 characters).',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: '101 parameters',
    payload: () => trigger({ parameters: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, value: '' })) }),
    message: 'A build takes at most 100 parameters.',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'parameter with an extra field',
    payload: () => trigger({ parameters: [{ name: 'env.X', value: '1', inherited: true }] }),
    message: 'Unexpected field in the request: inherited.',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'parameter faking the pull request',
    payload: () => trigger({ parameters: [{ name: 'bitbucket.pr.id', value: '99' }] }),
    message: 'Parameters starting with "bitbucket.pr." are set by the app from the pull request; remove "bitbucket.pr.id".',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'parameter listed twice',
    payload: () =>
      trigger({
        parameters: [
          { name: 'env.X', value: '1' },
          { name: 'env.X', value: '2' },
        ],
      }),
    message: 'The parameter "env.X" is listed twice.',
    field: 'parameters',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'comment of 1 MB',
    payload: () => trigger({ comment: MB }),
    message: 'The comment is too long (at most 4,000 characters).',
    field: 'comment',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'comment of the wrong type',
    payload: () => trigger({ comment: { text: 'x' } }),
    message: 'Invalid input: expected string, received object',
    field: 'comment',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'option of the wrong type',
    payload: () => trigger({ queueAtTop: 'yes' }),
    message: 'Invalid input: expected boolean, received string',
    field: 'queueAtTop',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'pull request in the payload',
    payload: () => trigger({ pullRequest: { id: 99 } }),
    message: 'Unexpected field in the request: pullRequest.',
    extension: prExtension,
  },
  {
    fn: 'triggerBuild',
    name: 'payload is null',
    payload: () => null,
    message: 'Token id must be a string.',
    field: 'tokenId',
    extension: prExtension,
  },
  // getBuild, cancelBuild, listRecentBuilds
  {
    fn: 'getBuild',
    name: 'build id as a string',
    payload: () => ({ tokenId, buildId: '1' }),
    message: BAD_BUILD_ID,
    field: 'buildId',
    extension: repoExtension,
  },
  {
    fn: 'getBuild',
    name: 'build id as a locator',
    payload: () => ({ tokenId, buildId: 'id:1,count:1000' }),
    message: BAD_BUILD_ID,
    field: 'buildId',
    extension: repoExtension,
  },
  // buildIdSchema's `error` option also words its range checks (zod 4), hence "must be a number" for -1 (see report).
  {
    fn: 'getBuild',
    name: 'negative build id',
    payload: () => ({ tokenId, buildId: -1 }),
    message: 'Build id must be a positive number.',
    field: 'buildId',
    extension: repoExtension,
  },
  {
    fn: 'getBuild',
    name: 'fractional build id',
    payload: () => ({ tokenId, buildId: 1.5 }),
    message: 'Build id must be a whole number.',
    field: 'buildId',
    extension: repoExtension,
  },
  {
    fn: 'getBuild',
    name: 'token id missing',
    payload: () => ({ buildId: 1 }),
    message: 'Token id must be a string.',
    field: 'tokenId',
    extension: repoExtension,
  },
  {
    fn: 'cancelBuild',
    name: 'build id beyond safe integers',
    payload: () => ({ tokenId, buildId: 2 ** 60 }),
    message: 'Build id is too large.',
    field: 'buildId',
    extension: repoExtension,
  },
  { fn: 'cancelBuild', name: 'payload is an array', payload: () => [tokenId, 1], message: NOT_AN_OBJECT, extension: repoExtension },
  {
    fn: 'listRecentBuilds',
    name: 'build type id with locator injection',
    payload: () => ({ tokenId, buildTypeId: 'Acme_Webapp_Build),count:(10000' }),
    message: BAD_BUILD_TYPE,
    field: 'buildTypeId',
    extension: repoExtension,
  },
  {
    fn: 'listRecentBuilds',
    name: 'branch with locator syntax',
    payload: () => ({ tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'default:any' }),
    message: branchCannot(':'),
    field: 'branchName',
    extension: repoExtension,
  },
  {
    fn: 'listRecentBuilds',
    name: 'token id of another shape',
    payload: () => ({ tokenId: `${tokenId}0`, buildTypeId: 'Acme_Webapp_Build' }),
    message: BAD_TOKEN_ID,
    field: 'tokenId',
    extension: repoExtension,
  },
];

describe('bad input', () => {
  it(`rejects ${CASES.length} bad inputs precisely, sending nothing to TeamCity and storing nothing`, async () => {
    const problems: string[] = [];
    for (const c of CASES) {
      const storedBefore = storageSnapshot(host);
      sim.clearRequests();
      const result = (await host.invoke(c.user ?? USER, c.fn, c.payload(), c.extension?.())) as Result<unknown>;
      const label = `${c.fn}: ${c.name}`;
      if (result.ok) problems.push(`${label}: accepted`);
      else {
        const { code, message, field } = result.error;
        const messageOk = typeof c.message === 'string' ? message === c.message : c.message.test(message);
        if (code !== 'invalid_input') problems.push(`${label}: code ${code}`);
        if (!messageOk) problems.push(`${label}: message ${JSON.stringify(message.slice(0, 200))}`);
        if (c.field !== undefined && field !== c.field) problems.push(`${label}: field ${String(field)}`);
        if (message.length > 400) problems.push(`${label}: message of ${message.length} characters echoes the input`);
      }
      if (sim.requests.length > 0)
        problems.push(`${label}: sent ${sim.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`).join(', ')} to TeamCity`);
      if (storageSnapshot(host) !== storedBefore) problems.push(`${label}: changed storage`);
    }
    const failedCases = new Set(problems.map((p) => p.split(':').slice(0, 2).join(':'))).size;
    console.log(
      `bad input: tried ${CASES.length} inputs over ${new Set(CASES.map((c) => c.fn)).size} resolvers; ${CASES.length - failedCases} handled correctly${problems.length ? `; problems:\n  ${problems.join('\n  ')}` : ''}`,
    );
    expect(problems).toEqual([]);
  });
});

/**
 * Every way of writing a server address that must not be used, through the real addToken resolver: as the
 * deployed app sees it (the local host's loopback exception switched off; the configuration is read on every
 * call) and as the local host does. Loopback forms carry the simulator's port, so one wrongly accepted would
 * show up as a request to it.
 */
describe('server addresses', () => {
  const LOOPBACK_FLAG = 'TEAMCITY_ALLOW_HTTP_LOOPBACK';

  async function refusals(forms: typeof REFUSED_DEPLOYED, allowHttpLoopback: boolean): Promise<string[]> {
    const saved = process.env[LOOPBACK_FLAG];
    process.env[LOOPBACK_FLAG] = String(allowHttpLoopback);
    const problems: string[] = [];
    try {
      for (const { form, why, message } of forms) {
        const serverUrl = form.replace('PORT', simPort());
        const label = `${allowHttpLoopback ? 'local' : 'deployed'} ${JSON.stringify(serverUrl)} (${why})`;
        const storedBefore = storageSnapshot(host);
        sim.clearRequests();
        const result = (await host.invoke(USER, 'addToken', { serverUrl, token })) as Result<unknown>;
        if (result.ok) problems.push(`${label}: accepted`);
        else if (result.error.code !== 'invalid_input' || result.error.field !== 'serverUrl' || !message.test(result.error.message))
          problems.push(
            `${label}: ${result.error.code} ${String(result.error.field)} ${JSON.stringify(result.error.message.slice(0, 200))}`,
          );
        if (sim.requests.length > 0) problems.push(`${label}: sent ${sim.requests.length} request(s) to TeamCity`);
        if (storageSnapshot(host) !== storedBefore) problems.push(`${label}: changed storage`);
      }
    } finally {
      if (saved === undefined) delete process.env[LOOPBACK_FLAG];
      else process.env[LOOPBACK_FLAG] = saved;
    }
    return problems;
  }

  it(`refuses ${REFUSED_DEPLOYED.length + REFUSED_LOCAL.length} address forms precisely, sending nothing and storing nothing`, async () => {
    const problems = [...(await refusals(REFUSED_DEPLOYED, false)), ...(await refusals(REFUSED_LOCAL, true))];
    const total = REFUSED_DEPLOYED.length + REFUSED_LOCAL.length;
    const wrong = new Set(problems.map((p) => p.split(': ')[0])).size;
    console.log(
      `addresses refused: ${total - wrong} forms${wrong ? `; ${wrong} of ${total} not refused as expected:\n  ${problems.join('\n  ')}` : ''}`,
    );
    expect(problems).toEqual([]);
  });

  it('still adds the simulator by the forms the local host documents', async () => {
    const port = simPort();
    for (const serverUrl of [`127.0.0.1:${port}`, `//127.0.0.1:${port}`, `http://localhost.:${port}`]) {
      const added = (await host.invoke('local-forms', 'addToken', { serverUrl, token })) as Result<{ token: { serverUrl: string } }>;
      expect({ serverUrl, added: added.ok && added.data.token.serverUrl }).toEqual({
        serverUrl,
        added: expect.stringMatching(/^http:\/\//),
      });
    }
  });
});
