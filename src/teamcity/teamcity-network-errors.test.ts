/**
 * Cause chains as Node's fetch builds them, for codes that loopback sockets cannot produce (DNS, expired or
 * mismatched certificates). The loopback cases are in teamcity-failures.test.ts.
 */
import { teamCityMessage } from './teamcity-error-messages';
import { networkCause, whereOf } from './teamcity-network-errors';

function networkFailure(thrown: unknown, server: string, timedOut: boolean, timeoutMs: number) {
  const { code, cause } = networkCause(thrown, whereOf(server), timedOut, timeoutMs);
  return { code, cause, message: teamCityMessage({ code, cause, server, action: 'report its version', subject: 'server information' }) };
}

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const sysError = (code: string) => Object.assign(new Error(code), { code });

test.each([
  [fetchFailed(sysError('ENOTFOUND')), 'unreachable', /does not resolve/],
  [fetchFailed(sysError('EAI_AGAIN')), 'unreachable', /does not resolve/],
  [fetchFailed(sysError('EHOSTUNREACH')), 'unreachable', /no network route/],
  [
    fetchFailed(new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')])),
    'unreachable',
    /tc\.example\.com refused the connection on port 443/,
  ],
  [fetchFailed(sysError('ERR_SSL_WRONG_VERSION_NUMBER')), 'tls', /answered in plain HTTP, not HTTPS/],
  [
    fetchFailed(Object.assign(new Error('C0B7E9F7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), { code: 'EPROTO' })),
    'tls',
    /answered in plain HTTP, not HTTPS/,
  ],
  [fetchFailed(sysError('ECONNRESET')), 'unreachable', /closed before/],
  [fetchFailed(sysError('CERT_HAS_EXPIRED')), 'tls', /expired/],
  [fetchFailed(sysError('ERR_TLS_CERT_ALTNAME_INVALID')), 'tls', /different host name/],
  [fetchFailed(sysError('UNABLE_TO_VERIFY_LEAF_SIGNATURE')), 'tls', /not issued by a publicly trusted authority/],
  [fetchFailed(fetchFailed(sysError('SELF_SIGNED_CERT_IN_CHAIN'))), 'tls', /self-signed/],
  [new DOMException('aborted', 'AbortError'), 'timeout', /did not answer within 10 seconds/],
  [new DOMException('timed out', 'TimeoutError'), 'timeout', /10 seconds/],
  [fetchFailed(sysError('UND_ERR_CONNECT_TIMEOUT')), 'timeout', /10 seconds/],
  [new Error('something odd'), 'unreachable', /network error/],
  [
    Object.assign(new Error('URL not included in the external fetch backend permissions'), { name: 'REQUEST_EGRESS_ALLOWLIST_ERR' }),
    'egress_blocked',
    /egress permissions/,
  ],
])('%#: %s', (thrown, code, message) => {
  const error = networkFailure(thrown, 'https://tc.example.com', false, 10_000);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(error.message).toContain('https://tc.example.com');
});

test('a cyclic cause chain terminates', () => {
  const a: { code?: string; cause?: unknown } = { code: 'X' };
  a.cause = a;
  expect(networkFailure(a, 's', false, 1000).code).toBe('unreachable');
});
