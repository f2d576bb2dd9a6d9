/**
 * Turns a non-2xx answer into the facts of a failure. The status decides the code (TeamCity's bodies are opaque
 * text); the body decides whether it was TeamCity that answered or something in front of it (a proxy, a login
 * page, Forge's egress filter), which changes what the person should do.
 */
import type { TeamCityErrorCode } from '../shared/error-codes';
import { parseErrorBody } from './teamcity-error-body';
import type { TeamCityCause, TeamCityFailure } from './teamcity-error';
import { safeDetail, type Scrubber } from './teamcity-redact';

export type RequestContext = {
  /** Where we sent the request, for messages: scheme, host and context path, never credentials. */
  server: string;
  action: string;
  subject: string;
  scrub: Scrubber;
};

/** What arrived, already scrubbed where it is text (`statusText`); the body is read within its size limit. */
export type FailedResponse = {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
};

const failure = (
  ctx: RequestContext,
  res: Pick<FailedResponse, 'status' | 'statusText'>,
  code: TeamCityErrorCode,
  cause: TeamCityCause,
  detail?: string,
): TeamCityFailure => ({
  code,
  server: ctx.server,
  action: ctx.action,
  subject: ctx.subject,
  status: res.status,
  ...(res.statusText !== '' && { statusText: res.statusText }),
  ...(detail !== undefined && { detail }),
  cause,
});

/**
 * Forge answers a fetch to a host outside the manifest's egress list with a 403 Response (it does not throw)
 * that carries a `forge-proxy-error` header (seen as BLOCKED_EGRESS; @forge/api names the condition
 * REQUEST_EGRESS_ALLOWLIST_ERR), and @forge/api's own message for it mentions "external fetch backend
 * permissions". TeamCity's 403 is text/plain "Access denied…" with neither marker.
 */
function forgeProxyFailure(res: FailedResponse, ctx: RequestContext): TeamCityFailure | undefined {
  const proxyError = res.headers.get('forge-proxy-error');
  const blockedByHeader = proxyError !== null && (res.status === 403 || /EGRESS|ALLOWLIST/i.test(proxyError));
  const blockedByText = res.status === 403 && /external fetch backend permissions/i.test(res.body.slice(0, 2000));
  if (blockedByHeader || blockedByText) return failure(ctx, res, 'egress_blocked', { kind: 'forge_egress' });
  if (proxyError !== null || res.headers.get('x-squid-error') !== null) return failure(ctx, res, 'unreachable', { kind: 'forge_proxy' });
  return undefined;
}

function codeFor(status: number, kind: string): TeamCityErrorCode {
  const fromTeamCity = kind === 'teamcity' || kind === 'json' || kind === 'xml';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return fromTeamCity ? 'not_found' : 'not_teamcity';
  if (status === 407) return 'unreachable';
  if (status === 429) return 'server_error';
  if (status >= 400 && status < 500) return !fromTeamCity && kind === 'html' ? 'not_teamcity' : 'bad_request';
  if (status >= 500) return 'server_error';
  return 'not_teamcity';
}

export function httpFailure(res: FailedResponse, ctx: RequestContext): TeamCityFailure {
  const forge = forgeProxyFailure(res, ctx);
  if (forge) return forge;
  const body = parseErrorBody(res.body, res.headers.get('content-type'));
  return failure(ctx, res, codeFor(res.status, body.kind), { kind: 'http', body: body.kind }, safeDetail(body.detail, ctx.scrub));
}

/**
 * A 3xx is never followed: following would resend the token to wherever the server points, and what comes back
 * (usually a login page) is not data. A redirect to a sign-in page means the token was not accepted there
 * (or single sign-on sits in front of TeamCity); any other redirect means the URL is not the REST API's home.
 */
export function redirectFailure(res: FailedResponse, ctx: RequestContext): TeamCityFailure {
  const location = res.headers.get('location');
  const target = location === null ? undefined : safeDetail(location.split(/[?#]/)[0], ctx.scrub);
  const signIn = target !== undefined && /login|signin|sign-in|sso|saml|oauth|auth/i.test(target);
  return failure(ctx, res, signIn ? 'unauthorized' : 'not_teamcity', {
    kind: 'redirect',
    signIn,
    ...(target !== undefined && { location: target }),
  });
}
