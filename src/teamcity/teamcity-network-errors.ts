/**
 * Turns a thrown fetch error into an error a person can act on. Node's fetch throws `TypeError('fetch failed')`
 * and hides the reason in `cause` (sometimes `cause.cause`, or an AggregateError's `errors` when several
 * addresses were tried), so we search that chain for a system or TLS error code. The wording is in
 * teamcity-error-messages.ts.
 */
import type { TeamCityErrorCode } from '../shared/error-codes';
import type { NetworkReason, TeamCityCause } from './teamcity-error';

/**
 * @forge/api's own name for a fetch its egress rules refuse (ExternalEndpointNotAllowedError, status 403, in
 * node_modules/@forge/api/out/api/errors.js). Forge usually answers such a fetch with a 403 Response instead
 * (teamcity-http-errors), but should the runtime throw the error, it means the same.
 */
const EGRESS_NOT_ALLOWED = 'REQUEST_EGRESS_ALLOWLIST_ERR';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EAI_NONAME', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

type Caused = { name?: unknown; code?: unknown; cause?: unknown; errors?: unknown };

/** Every error in the cause chain, breadth first, bounded so a cyclic chain cannot loop. */
function causeChain(thrown: unknown): Caused[] {
  const seen: Caused[] = [];
  const queue: unknown[] = [thrown];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.includes(next as Caused)) continue;
    const err = next as Caused;
    seen.push(err);
    queue.push(err.cause);
    if (Array.isArray(err.errors)) queue.push(...err.errors);
  }
  return seen;
}

function codeOf(err: Caused): string | undefined {
  return typeof err.code === 'string' ? err.code : undefined;
}

/** Node says "wrong version number" when a TLS client meets a plain-HTTP server on the port. */
const PLAIN_HTTP = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_HTTP_REQUEST', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

const isPlainHttp = (chain: Caused[], code: string | undefined): boolean =>
  (code !== undefined && PLAIN_HTTP.has(code)) ||
  chain.some(
    (e) => typeof (e as { message?: unknown }).message === 'string' && /wrong version number/i.test((e as { message: string }).message),
  );

type Where = { host: string; port: string };

/** Host and port of the request, for saying exactly what refused. */
export function whereOf(serverUrl: string): Where {
  try {
    const url = new URL(serverUrl);
    return { host: url.hostname, port: url.port || (url.protocol === 'http:' ? '80' : '443') };
  } catch {
    return { host: 'the server', port: '443' };
  }
}

export function networkCause(
  thrown: unknown,
  where: Where,
  timedOut: boolean,
  timeoutMs: number,
): { code: TeamCityErrorCode; cause: TeamCityCause } {
  const chain = causeChain(thrown);
  if (chain.some((e) => e.name === EGRESS_NOT_ALLOWED)) return { code: 'egress_blocked', cause: { kind: 'forge_egress' } };
  const isAbort = chain.some((e) => e.name === 'AbortError' || e.name === 'TimeoutError');
  const codes = chain.map(codeOf).filter((c): c is string => c !== undefined);
  if (timedOut || isAbort || codes.some((c) => TIMEOUT.has(c))) return { code: 'timeout', cause: { kind: 'timeout', timeoutMs } };
  const network = (code: TeamCityErrorCode, reason: NetworkReason, systemCode: string | undefined) => ({
    code,
    cause: { kind: 'network' as const, reason, ...(systemCode !== undefined && { systemCode }), ...where },
  });
  const tls = codes.find((c) => TLS.has(c) || c.startsWith('CERT_') || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL'));
  if (isPlainHttp(chain, tls)) return network('tls', 'plain_http', tls ?? 'EPROTO');
  if (tls !== undefined) return network('tls', 'tls', tls);
  const refused = codes.find((c) => c === 'ECONNREFUSED');
  if (refused) return network('unreachable', 'refused', refused);
  const dns = codes.find((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME');
  if (dns) return network('unreachable', 'dns', dns);
  const unreachable = codes.find((c) => UNREACHABLE.has(c));
  if (unreachable) return network('unreachable', 'no_route', unreachable);
  const reset = codes.find((c) => RESET.has(c));
  if (reset) return network('unreachable', 'reset', reset);
  return network('unreachable', 'other', codes[0]);
}
