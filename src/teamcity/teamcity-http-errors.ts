/**
 * Turns a non-2xx answer into an error a person can act on. The status decides the code (TeamCity's bodies are
 * opaque text); the body decides whether it was TeamCity that answered or something in front of it (a proxy,
 * a login page, Forge's egress filter), which changes what the person should do.
 */
import type { AppError } from '../shared/result';
import { parseErrorBody, type ErrorBody } from './teamcity-error-body';
import { safeDetail } from './teamcity-redact';

export type RequestContext = {
  /** Where we sent the request, for messages: scheme, host and context path, never credentials. */
  server: string;
  /** What we were doing, completing "TeamCity refused to …", e.g. "start a build of Foo_Build". */
  action: string;
  /** What a 404 means here, completing "TeamCity could not find …", e.g. "build configuration Foo_Build". */
  subject: string;
  token: string;
};

export type FailedResponse = {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
};

const CHECK_URL = 'Check the server URL: it must be the address you open TeamCity at, including any path such as /teamcity.';
const NEW_TOKEN = 'create a new one in TeamCity under My Profile > Access tokens';

function said(detail: string | undefined): string {
  return detail === undefined ? '' : ` TeamCity said: "${detail}"`;
}

function statusLabel(res: Pick<FailedResponse, 'status' | 'statusText'>): string {
  return res.statusText ? `${res.status} ${res.statusText}` : String(res.status);
}

function error(code: AppError['code'], message: string): AppError {
  return { code, message };
}

/** Forge's egress filter refused the request, whichever way it said so (a 403 answer here, a throw in teamcity-network-errors). */
export const egressBlocked = (server: string): AppError =>
  error(
    'egress_blocked',
    `The app is not allowed to connect to ${server} (Forge blocked the request with 403). ` +
      'The app must list the server in its egress permissions (manifest permissions.external.fetch.backend), ' +
      'and the server must use https://. Ask the app owner to allow this server.',
  );

/**
 * Forge answers a fetch to a host outside the manifest's egress list with a 403 Response (it does not throw)
 * that carries a `forge-proxy-error` header (seen as BLOCKED_EGRESS; @forge/api names the condition
 * REQUEST_EGRESS_ALLOWLIST_ERR), and @forge/api's own message for it mentions "external fetch backend
 * permissions". TeamCity's 403 is text/plain "Access denied…" with neither marker.
 */
function forgeProxyFailure(res: FailedResponse, ctx: RequestContext): AppError | undefined {
  const proxyError = res.headers.get('forge-proxy-error');
  const blockedByHeader = proxyError !== null && (res.status === 403 || /EGRESS|ALLOWLIST/i.test(proxyError));
  const blockedByText = res.status === 403 && /external fetch backend permissions/i.test(res.body.slice(0, 2000));
  if (blockedByHeader || blockedByText) return egressBlocked(ctx.server);
  if (proxyError !== null || res.headers.get('x-squid-error') !== null) {
    return error(
      'unreachable',
      `Forge's outbound proxy could not reach ${ctx.server} (${statusLabel(res)}). ` +
        'TeamCity must be reachable from the internet over HTTPS; check the server URL and any firewall in front of it.',
    );
  }
  return undefined;
}

/** `detail` is the body's title or first line, already scrubbed of the token and shortened (safeDetail). */
function notTeamCity(res: FailedResponse, ctx: RequestContext, body: ErrorBody, detail: string | undefined): AppError {
  const page = body.kind === 'html' ? 'a web page' : body.kind === 'empty' ? 'an empty response' : 'a response TeamCity would not send';
  const title = detail === undefined ? '' : ` ("${detail}")`;
  return error(
    'not_teamcity',
    `${ctx.server} answered ${statusLabel(res)} with ${page}${title} instead of the TeamCity REST API, ` +
      `so it is probably not a TeamCity server or the address is incomplete. ${CHECK_URL}`,
  );
}

function proxyGatewayMessage(res: FailedResponse, ctx: RequestContext, detail: string | undefined): string {
  const what =
    res.status === 502
      ? 'got no valid answer from TeamCity'
      : res.status === 503
        ? 'reports TeamCity as unavailable (it may be starting up, upgrading or overloaded)'
        : 'timed out waiting for TeamCity';
  const shown = detail === undefined ? '' : ` The page said: "${detail}".`;
  return `A proxy or load balancer in front of TeamCity at ${ctx.server} ${what} (${statusLabel(res)}). Try again in a few minutes; if it persists, ask your TeamCity administrator.${shown}`;
}

export function httpFailure(res: FailedResponse, ctx: RequestContext): AppError {
  const forge = forgeProxyFailure(res, ctx);
  if (forge) return forge;
  const body = parseErrorBody(res.body, res.headers.get('content-type'));
  const detail = safeDetail(body.detail, ctx.token);
  const fromTeamCity = body.kind === 'teamcity' || body.kind === 'json' || body.kind === 'xml';
  const status = res.status;
  if (status === 401) {
    return error(
      'unauthorized',
      `TeamCity rejected the access token (${statusLabel(res)}). It may be mistyped, expired or revoked: ${NEW_TOKEN}.${said(detail)}`,
    );
  }
  if (status === 403) {
    return error(
      'forbidden',
      `TeamCity refused to ${ctx.action} (${statusLabel(res)}): the user the access token belongs to lacks the permission. ` +
        `Ask a TeamCity administrator for it, or use a token of a user who has it.${said(detail)}`,
    );
  }
  if (status === 404) {
    if (!fromTeamCity) return notTeamCity(res, ctx, body, detail);
    return error(
      'not_found',
      `TeamCity could not find the ${ctx.subject} (${statusLabel(res)}). It may have been deleted or renamed, ` +
        `or the token's user may not be allowed to see it.${said(detail)}`,
    );
  }
  if (status === 407) {
    return error(
      'unreachable',
      `A proxy between the app and ${ctx.server} demands its own login (${statusLabel(res)}). TeamCity must be reachable without a proxy login.`,
    );
  }
  if (status === 429) {
    return error('server_error', `TeamCity at ${ctx.server} is limiting requests (${statusLabel(res)}). Wait a minute and try again.`);
  }
  if (status >= 400 && status < 500) {
    if (!fromTeamCity && body.kind === 'html') return notTeamCity(res, ctx, body, detail);
    return error(
      'bad_request',
      `TeamCity did not accept the request to ${ctx.action} (${statusLabel(res)}). Check the values you entered.${said(detail)}`,
    );
  }
  if ((status === 502 || status === 503 || status === 504) && body.kind !== 'teamcity') {
    return error('server_error', proxyGatewayMessage(res, ctx, detail));
  }
  if (status >= 500) {
    return error(
      'server_error',
      `TeamCity at ${ctx.server} failed while trying to ${ctx.action} (${statusLabel(res)}). Try again later; if it keeps failing, ask your TeamCity administrator to check the server log.${said(detail)}`,
    );
  }
  return notTeamCity(res, ctx, body, detail);
}

/**
 * A 3xx is never followed: following would resend the token to wherever the server points, and what comes back
 * (usually a login page) is not data. A redirect to a sign-in page means the token was not accepted there
 * (or single sign-on sits in front of TeamCity); any other redirect means the URL is not the REST API's home.
 */
export function redirectFailure(status: number, location: string | null, ctx: RequestContext): AppError {
  const target = location === null ? undefined : location.split(/[?#]/)[0];
  const where = target === undefined ? '' : ` to ${safeDetail(target, ctx.token)}`;
  if (target !== undefined && /login|signin|sign-in|sso|saml|oauth|auth/i.test(target)) {
    return error(
      'unauthorized',
      `${ctx.server} redirected the request to a sign-in page (${status}${where}) instead of accepting the access token. ` +
        `The token may be invalid (${NEW_TOKEN}), or a single sign-on proxy in front of TeamCity blocks token access.`,
    );
  }
  return error(
    'not_teamcity',
    `${ctx.server} answered with a redirect (${status}${where}) instead of TeamCity data. ${CHECK_URL} Use https:// and the exact address TeamCity redirects to.`,
  );
}
