/**
 * Turns a thrown fetch error into an error a person can act on. Node's fetch throws `TypeError('fetch failed')`
 * and hides the reason in `cause` (sometimes `cause.cause`, or an AggregateError's `errors` when several
 * addresses were tried), so we search that chain for a system or TLS error code.
 */
import type { AppError } from '../shared/result';
import { egressBlocked } from './teamcity-http-errors';

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

function tlsReason(code: string): string {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'its certificate is for a different host name';
  if (code === 'CERT_HAS_EXPIRED') return 'its certificate has expired';
  if (code === 'CERT_NOT_YET_VALID') return 'its certificate is not valid yet';
  if (code === 'EPROTO') return 'the TLS handshake failed (is the port serving plain HTTP?)';
  if (code.includes('SELF_SIGNED') || code.startsWith('UNABLE_TO'))
    return 'its certificate is self-signed or not issued by a publicly trusted authority';
  return 'its certificate is not trusted';
}

function codeOf(err: Caused): string | undefined {
  return typeof err.code === 'string' ? err.code : undefined;
}

export function networkFailure(thrown: unknown, server: string, timedOut: boolean, timeoutMs: number): AppError {
  const chain = causeChain(thrown);
  if (chain.some((e) => e.name === EGRESS_NOT_ALLOWED)) return egressBlocked(server);
  const isAbort = chain.some((e) => e.name === 'AbortError' || e.name === 'TimeoutError');
  const codes = chain.map(codeOf).filter((c): c is string => c !== undefined);
  const code = codes.find((c) => TLS.has(c) || c.startsWith('CERT_') || c.startsWith('ERR_TLS') || c.startsWith('ERR_SSL'));
  if (timedOut || isAbort || codes.some((c) => TIMEOUT.has(c))) {
    return {
      code: 'timeout',
      message: `TeamCity at ${server} did not answer within ${Math.round(timeoutMs / 100) / 10} seconds. It may be overloaded or unreachable from here; try again later.`,
    };
  }
  if (code !== undefined) {
    return {
      code: 'tls',
      message: `Could not open a secure connection to ${server}: ${tlsReason(code)} (${code}). TeamCity must use a certificate from a public certificate authority that matches the server's host name.`,
    };
  }
  const refused = codes.find((c) => c === 'ECONNREFUSED');
  if (refused) {
    return {
      code: 'unreachable',
      message: `Could not connect to ${server}: the connection was refused (${refused}). Check the server URL and port, and that TeamCity is running and reachable from the internet over HTTPS.`,
    };
  }
  const dns = codes.find((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME');
  if (dns) {
    return {
      code: 'unreachable',
      message: `Could not find the host of ${server} (${dns}: the name does not resolve). Check the server URL for typos; the server must have a public DNS name.`,
    };
  }
  const unreachable = codes.find((c) => UNREACHABLE.has(c));
  if (unreachable) {
    return {
      code: 'unreachable',
      message: `Could not reach ${server} (${unreachable}: no network route to the host). The server must be reachable from the internet; check the URL and any firewall.`,
    };
  }
  const reset = codes.find((c) => RESET.has(c));
  if (reset) {
    return {
      code: 'unreachable',
      message: `The connection to ${server} was closed before TeamCity finished answering (${reset}). A proxy or firewall may be cutting connections; try again, and check the server URL.`,
    };
  }
  const label = codes[0] ?? 'network error';
  return {
    code: 'unreachable',
    message: `Could not reach TeamCity at ${server} (${label}). Check the server URL and that the server is reachable from the internet over HTTPS.`,
  };
}
