/**
 * The wording module against every kind of failure: each composes a finished sentence from the facts alone and
 * never prints a missing fact as "undefined"; all but TeamCity's own refusals (which name the action) name the server.
 */
import { TEAMCITY_ERROR_CODES } from '../shared/error-codes';
import type { TeamCityCause, TeamCityFailure } from './teamcity-error';
import { buildDialogMessage, teamCityMessage } from './teamcity-error-messages';

const SERVER = 'https://tc.example.com';
const base = { server: SERVER, action: 'start a build of A_B', subject: 'build configuration A_B' };

const causes: TeamCityCause[] = [
  { kind: 'http', body: 'teamcity' },
  { kind: 'http', body: 'html' },
  { kind: 'http', body: 'empty' },
  { kind: 'forge_egress' },
  { kind: 'forge_proxy' },
  { kind: 'redirect', signIn: true, location: '/login.html' },
  { kind: 'redirect', signIn: false },
  ...(['html', 'xml', 'empty', 'not_json', 'shape'] as const).map((what) => ({ kind: 'not_data' as const, what })),
  { kind: 'too_large', limitBytes: 4 * 1024 * 1024 },
  ...(['refused', 'dns', 'no_route', 'reset', 'plain_http', 'tls', 'other'] as const).map((reason) => ({
    kind: 'network' as const,
    reason,
    host: 'tc.example.com',
    port: '443',
  })),
  { kind: 'timeout', timeoutMs: 10_000 },
  { kind: 'version', version: '2018.2', minimum: '2019.1' },
];

const failures: TeamCityFailure[] = causes.flatMap((cause) =>
  TEAMCITY_ERROR_CODES.map((code) => ({
    ...base,
    code,
    cause,
    // Whatever arrived as a response has a status; network failures and timeouts have none.
    ...(cause.kind !== 'network' && cause.kind !== 'timeout' && cause.kind !== 'version' && { status: 418 }),
  })),
);

test.each(failures.map((f) => [`${f.code} ${JSON.stringify(f.cause)}`, f] as const))('%s is a finished sentence', (_label, failure) => {
  const message = teamCityMessage(failure);
  const refusal = failure.cause.kind === 'http' && ['unauthorized', 'forbidden', 'not_found', 'bad_request'].includes(failure.code);
  if (!refusal) expect(message).toContain('tc.example.com');
  expect(message).not.toMatch(/undefined|null|\(\)/);
  expect(message).toMatch(/[.)"]$/);
});

test('detail is quoted only when the server gave one', () => {
  const failure: TeamCityFailure = { ...base, code: 'forbidden', status: 403, cause: { kind: 'http', body: 'teamcity' } };
  expect(teamCityMessage(failure)).not.toContain('TeamCity said');
  expect(teamCityMessage({ ...failure, detail: 'Access denied' })).toMatch(/TeamCity said: "Access denied"$/);
  const trigger = { kind: 'trigger', configuration: '"Build" (A_B)', project: '"Acme"' } as const;
  expect(buildDialogMessage({ ...failure, detail: 'Access denied' }, SERVER, trigger)).toMatch(
    /^You don't have permission to run builds in "Acme" on https:\/\/tc\.example\.com\..*TeamCity said: "Access denied"$/,
  );
});

test('a timed-out trigger warns that the build may be queued; other codes keep the default wording', () => {
  const trigger = { kind: 'trigger', configuration: 'A_B', project: 'the project of A_B' } as const;
  const timeout: TeamCityFailure = { ...base, code: 'timeout', cause: { kind: 'timeout', timeoutMs: 5000 } };
  expect(buildDialogMessage(timeout, SERVER, trigger)).toMatch(/within 5 seconds.*may have been queued all the same/);
  expect(buildDialogMessage({ ...timeout, code: 'server_error' }, SERVER, trigger)).toBeUndefined();
});
