/**
 * Backend egress as Forge enforces it: a resolver's `fetch` (from @forge/api, which wraps the runtime's global
 * `fetch`) reaches only hosts that `permissions.external.fetch.backend` names, over HTTPS. Matching is on
 * scheme and host name only (a path in an entry narrows nothing; `*.example.com` does not cover
 * `example.com`). A refused request does not throw: it answers 403 with a `forge-proxy-error` header, and the
 * message of @forge/api's ExternalEndpointNotAllowedError.
 * https://developer.atlassian.com/platform/forge/manifest-reference/permissions/#external-permissions
 * https://developer.atlassian.com/platform/forge/runtime-egress-permissions/
 *
 * Local mode differs in one documented way: like `forge tunnel`, requests leave from this machine, and plain
 * HTTP is allowed to loopback addresses only (the TeamCity simulator). Anything else HTTP is refused as the
 * deployed app would be.
 */
import { isIP } from 'node:net';
import { assertInvocationRunning, invocationScope } from './invocation-scope';

export type EgressPolicy = { backend: readonly string[] };

type GlobalWithEgress = typeof globalThis & { [EGRESS_MARK]?: true };
const EGRESS_MARK = Symbol.for('forge-local-host.egress');
let activePolicy: EgressPolicy | null = null;

export const EGRESS_ERROR = 'REQUEST_EGRESS_ALLOWLIST_ERR';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** Whether an allowlist entry (`*`, `host`, `*.host`, `https://host/any/path`) covers `url`'s host name. */
function entryAllows(entry: string, url: URL): boolean {
  if (entry === '*') return true;
  const parts = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:?#]+)/i.exec(entry.trim());
  if (!parts) return false;
  const [, scheme, wildcard, hostname] = parts;
  if (scheme && url.protocol === 'https:' && scheme.toLowerCase() !== 'https') return false;
  const host = url.hostname.toLowerCase();
  const pattern = hostname!.toLowerCase();
  return wildcard ? host.endsWith(`.${pattern}`) : host === pattern;
}

/** Undefined when Forge would let the request through; otherwise why not. */
export function egressRefusal(policy: EgressPolicy, target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `Invalid URL: ${target}`;
  }
  const notAllowed = `URL not included in the external fetch backend permissions: ${url.origin}. Visit go.atlassian.com/forge-egress for more information.`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return `${notAllowed} Forge only allows HTTPS.`;
  }
  return policy.backend.some((entry) => entryAllows(entry, url)) ? undefined : notAllowed;
}

const refused = (message: string) =>
  new Response(message, { status: 403, headers: { 'forge-proxy-error': EGRESS_ERROR, 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Wraps the global `fetch` once per realm, before @forge/api captures it. Outside a resolver invocation (tests,
 * the host itself) it is the plain `fetch`; inside one it applies the running host's policy.
 */
export function installEgress(policy: EgressPolicy): () => void {
  const g = globalThis as GlobalWithEgress;
  if (!g[EGRESS_MARK]) {
    const original = g.fetch.bind(g);
    g.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const policyNow = activePolicy;
      if (!policyNow || !invocationScope.getStore()) return original(input, init);
      assertInvocationRunning();
      const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const refusal = egressRefusal(policyNow, target);
      return refusal ? refused(refusal) : original(input, init);
    };
    g[EGRESS_MARK] = true;
  }
  activePolicy = policy;
  return () => {
    if (activePolicy === policy) activePolicy = null;
  };
}

// Installed on import, so it is in place whichever of the host and @forge/api a process loads first.
installEgress({ backend: [] })();
