/**
 * The TeamCity client applies the same input rules as the build form and the resolver schemas (input-rules.ts):
 * what they refuse, the client refuses too, before any request, with the same message. Run against a recording
 * server on 127.0.0.1, so a value that slipped through would show up as a request.
 */
import { INPUT_MESSAGES, MAX_BUILD_PARAMETERS, MAX_PARAMETERS } from '../shared/input-rules';
import { pullRequestParameters } from '../shared/pull-request-parameters';
import { createTeamCityClient, type TeamCityClient } from './teamcity-client';
import { startHttp, type Loopback } from './testing/loopback-server';

let server: Loopback;
let requests: string[] = [];
let client: TeamCityClient;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('the recording server answers nothing useful');
  });
  client = createTeamCityClient({ serverUrl: server.url, token: 'eyJ0eXAiOiAiVENWMiJ9.input-test-token', fetch, timeoutMs: 5000 });
});
afterAll(() => server.close());
beforeEach(() => {
  requests = [];
});

const x = (n: number) => 'x'.repeat(n);
const property = (name: string, value = '') => ({ name, value });

test.each([
  [
    'a branch longer than 255 characters',
    () => client.triggerBuild({ buildTypeId: 'Acme_Build', branchName: x(256) }),
    'branchName',
    INPUT_MESSAGES.branchTooLong,
  ],
  [
    'a branch with ".."',
    () => client.listBuilds({ buildTypeId: 'Acme_Build', branchName: 'a..b' }),
    'branchName',
    `Branch names can't contain "..".`,
  ],
  [
    'a branch ending in ".lock"',
    () => client.triggerBuild({ buildTypeId: 'Acme_Build', branchName: 'main.lock' }),
    'branchName',
    'No part of a branch name between slashes can end with ".lock".',
  ],
  [
    'a comment over 4,000 characters',
    () => client.triggerBuild({ buildTypeId: 'Acme_Build', comment: x(4001) }),
    'comment',
    INPUT_MESSAGES.commentTooLong,
  ],
  ['a cancel comment over 4,000 characters', () => client.cancelBuild(1, x(4001)), 'comment', INPUT_MESSAGES.commentTooLong],
  [
    'a parameter name over 255 characters',
    () => client.triggerBuild({ buildTypeId: 'Acme_Build', properties: [property(`p${x(255)}`)] }),
    'properties',
    INPUT_MESSAGES.parameterNameTooLong,
  ],
  [
    'a parameter name with a space',
    () => client.triggerBuild({ buildTypeId: 'Acme_Build', properties: [property('env.A B')] }),
    'properties',
    INPUT_MESSAGES.parameterNameInvalid,
  ],
  [
    'a parameter value over 16,384 characters',
    () => client.triggerBuild({ buildTypeId: 'Acme_Build', properties: [property('p', x(16385))] }),
    'properties',
    INPUT_MESSAGES.parameterValueTooLong,
  ],
  [
    `more than ${MAX_BUILD_PARAMETERS} parameters`,
    () =>
      client.triggerBuild({
        buildTypeId: 'Acme_Build',
        properties: Array.from({ length: MAX_BUILD_PARAMETERS + 1 }, (_, i) => property(`p${i}`)),
      }),
    'properties',
    `A build takes at most ${MAX_BUILD_PARAMETERS} parameters, the pull request's included.`,
  ],
  ['search text over 100 characters', () => client.searchBuildTypes(x(101)), 'text', INPUT_MESSAGES.searchTooLong],
])('refuses %s before any request', async (_what, call, field, message) => {
  expect(await call()).toEqual({ ok: false, error: { code: 'invalid_input', field, message } });
  expect(requests).toEqual([]);
});

test("a user's full set of parameters plus the pull request's still reaches TeamCity", async () => {
  const pr = { id: 1, title: 'Title', sourceBranch: 'feature/x', destinationBranch: 'main', author: 'Alice' };
  const properties = [...Array.from({ length: MAX_PARAMETERS }, (_, i) => property(`p${i}`, x(16384))), ...pullRequestParameters(pr)];
  const sent = await client.triggerBuild({ buildTypeId: 'Acme_Build', branchName: 'feature/x', comment: x(4000), properties });
  expect(sent.ok ? 'ok' : sent.error.code).not.toBe('invalid_input');
  expect(requests).toEqual(['POST /app/rest/buildQueue']);
});
