/**
 * Every sentence a TeamCity failure is reported with, composed from its facts (teamcity-error.ts). The default
 * wording speaks of the request itself; the build dialog's situations say who may fix what in the words of
 * running a build. The facts were scrubbed of the token and bounded before they got here.
 */
import type { NetworkReason, NotDataKind, TeamCityFailure } from './teamcity-error';

const CHECK_URL = 'Check the server URL: it must be the address you open TeamCity at, including any path such as /teamcity.';
const NEW_TOKEN = 'create a new one in TeamCity under My Profile > Access tokens';

const said = (detail: string | undefined): string => (detail === undefined ? '' : ` TeamCity said: "${detail}"`);

function statusLabel(f: TeamCityFailure): string {
  if (f.status === undefined) return '';
  return f.statusText ? `${f.status} ${f.statusText}` : String(f.status);
}

function pageKind(body: string): string {
  if (body === 'html') return 'a web page';
  if (body === 'empty') return 'an empty response';
  return 'a response TeamCity would not send';
}

function notTeamCityAnswer(f: TeamCityFailure, body: string): string {
  const title = f.detail === undefined ? '' : ` ("${f.detail}")`;
  return (
    `${f.server} answered ${statusLabel(f)} with ${pageKind(body)}${title} instead of the TeamCity REST API, ` +
    `so it is probably not a TeamCity server or the address is incomplete. ${CHECK_URL}`
  );
}

function proxyGateway(f: TeamCityFailure): string {
  const what =
    f.status === 502
      ? 'got no valid answer from TeamCity'
      : f.status === 503
        ? 'reports TeamCity as unavailable (it may be starting up, upgrading or overloaded)'
        : 'timed out waiting for TeamCity';
  const shown = f.detail === undefined ? '' : ` The page said: "${f.detail}".`;
  return `A proxy or load balancer in front of TeamCity at ${f.server} ${what} (${statusLabel(f)}). Try again in a few minutes; if it persists, ask your TeamCity administrator.${shown}`;
}

function httpMessage(f: TeamCityFailure, body: string): string {
  const status = f.status ?? 0;
  const label = statusLabel(f);
  switch (f.code) {
    case 'unauthorized':
      return `TeamCity rejected the access token (${label}). It may be mistyped, expired or revoked: ${NEW_TOKEN}.${said(f.detail)}`;
    case 'forbidden':
      return (
        `TeamCity refused to ${f.action} (${label}): the user the access token belongs to lacks the permission. ` +
        `Ask a TeamCity administrator for it, or use a token of a user who has it.${said(f.detail)}`
      );
    case 'not_found':
      return (
        `TeamCity could not find the ${f.subject} (${label}). It may have been deleted or renamed, ` +
        `or the token's user may not be allowed to see it.${said(f.detail)}`
      );
    case 'unreachable':
      return `A proxy between the app and ${f.server} demands its own login (${label}). TeamCity must be reachable without a proxy login.`;
    case 'bad_request':
      return `TeamCity did not accept the request to ${f.action} (${label}). Check the values you entered.${said(f.detail)}`;
    case 'server_error':
      if (status === 429) return `TeamCity at ${f.server} is limiting requests (${label}). Wait a minute and try again.`;
      if ((status === 502 || status === 503 || status === 504) && body !== 'teamcity') return proxyGateway(f);
      return `TeamCity at ${f.server} failed while trying to ${f.action} (${label}). Try again later; if it keeps failing, ask your TeamCity administrator to check the server log.${said(f.detail)}`;
    default:
      return notTeamCityAnswer(f, body);
  }
}

function notDataMessage(f: TeamCityFailure, what: NotDataKind): string {
  if (what === 'xml') {
    // TeamCity answers JSON whenever Accept asks for it; XML means something in between dropped the header.
    return (
      `${f.server} answered ${f.status} in XML although JSON was requested. TeamCity itself answers JSON, so a proxy ` +
      `in front of it may be rewriting requests, or this is not TeamCity. ${CHECK_URL}`
    );
  }
  const shown = {
    html: 'a web page',
    empty: 'an empty body',
    not_json: 'something that is not JSON',
    shape: `JSON that does not describe the ${f.subject} the way TeamCity does`,
  }[what];
  return (
    `${f.server} answered ${f.status} with ${shown} instead of TeamCity REST data, so it is probably not a TeamCity server ` +
    `or the address is incomplete. ${CHECK_URL}`
  );
}

const TLS_REASONS: Array<[(code: string) => boolean, string]> = [
  [(c) => c === 'ERR_TLS_CERT_ALTNAME_INVALID' || c === 'HOSTNAME_MISMATCH', 'its certificate is for a different host name'],
  [(c) => c === 'CERT_HAS_EXPIRED', 'its certificate has expired'],
  [(c) => c === 'CERT_NOT_YET_VALID', 'its certificate is not valid yet'],
  [(c) => c === 'EPROTO', 'the TLS handshake failed (is the port serving plain HTTP?)'],
  [
    (c) => c.includes('SELF_SIGNED') || c.startsWith('UNABLE_TO'),
    'its certificate is self-signed or not issued by a publicly trusted authority',
  ],
];

const tlsReason = (code: string): string => TLS_REASONS.find(([matches]) => matches(code))?.[1] ?? 'its certificate is not trusted';

function networkMessage(f: TeamCityFailure, reason: NetworkReason, systemCode: string | undefined, host: string, port: string): string {
  const code = systemCode ?? 'network error';
  switch (reason) {
    case 'plain_http':
      return (
        `${host}:${port} answered in plain HTTP, not HTTPS, so no secure connection to ${f.server} could be made (${code}). ` +
        'Use the address and port where TeamCity serves HTTPS; the app never sends a token over plain HTTP.'
      );
    case 'tls':
      return `Could not open a secure connection to ${f.server}: ${tlsReason(code)} (${code}). TeamCity must use a certificate from a public certificate authority that matches the server's host name.`;
    case 'refused':
      return `Could not connect to ${f.server}: ${host} refused the connection on port ${port} (${code}). Check the server URL and port, and that TeamCity is running and reachable from the internet over HTTPS.`;
    case 'dns':
      return `Could not find the host of ${f.server} (${code}: the name does not resolve). Check the server URL for typos; the server must have a public DNS name.`;
    case 'no_route':
      return `Could not reach ${f.server} (${code}: no network route to the host). The server must be reachable from the internet; check the URL and any firewall.`;
    case 'reset':
      return `The connection to ${f.server} was closed before TeamCity finished answering (${code}). A proxy or firewall may be cutting connections; try again, and check the server URL.`;
    default:
      return `Could not reach TeamCity at ${f.server} (${host}:${port}, ${code}). Check the server URL and that the server is reachable from the internet over HTTPS.`;
  }
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round((bytes / 1024) * 10) / 10} KiB`;

/** The default wording: what happened to this request. */
export function teamCityMessage(f: TeamCityFailure): string {
  const cause = f.cause;
  switch (cause.kind) {
    case 'http':
      return httpMessage(f, cause.body);
    case 'forge_egress':
      return (
        `The app is not allowed to connect to ${f.server} (Forge blocked the request with 403). ` +
        'The app must list the server in its egress permissions (manifest permissions.external.fetch.backend), ' +
        'and the server must use https://. Ask the app owner to allow this server.'
      );
    case 'forge_proxy':
      return (
        `Forge's outbound proxy could not reach ${f.server} (${statusLabel(f)}). ` +
        'TeamCity must be reachable from the internet over HTTPS; check the server URL and any firewall in front of it.'
      );
    case 'redirect': {
      const where = cause.location === undefined ? '' : ` to ${cause.location}`;
      if (cause.signIn) {
        return (
          `${f.server} redirected the request to a sign-in page (${f.status}${where}) instead of accepting the access token. ` +
          `The token may be invalid (${NEW_TOKEN}), or a single sign-on proxy in front of TeamCity blocks token access.`
        );
      }
      return `${f.server} answered with a redirect (${f.status}${where}) instead of TeamCity data. ${CHECK_URL} Use https:// and the exact address TeamCity redirects to.`;
    }
    case 'not_data':
      return notDataMessage(f, cause.what);
    case 'too_large':
      return (
        `TeamCity's answer was too large: ${f.server} sent more than ${size(cause.limitBytes)} when asked to ${f.action}, ` +
        'so the app stopped reading. TeamCity answers these requests in far less; a proxy in front of it or a wrong server URL ' +
        `may be sending something else. ${CHECK_URL}`
      );
    case 'network':
      return networkMessage(f, cause.reason, cause.systemCode, cause.host, cause.port);
    case 'timeout':
      return `TeamCity at ${f.server} did not answer within ${Math.round(cause.timeoutMs / 100) / 10} seconds. It may be overloaded or unreachable from here; try again later.`;
    case 'version':
      return (
        `${f.server} runs TeamCity ${cause.version}, which is too old: this app needs TeamCity ${cause.minimum} or newer ` +
        '(the first version with access tokens). Ask your TeamCity administrator to upgrade.'
      );
  }
}

/**
 * Where in the build dialog a failure happened: with a stored token that no longer works, starting a build of a
 * configuration, or reading, cancelling or listing builds (`action` completes "not allowed to …", `missing`
 * names what a 404 lost).
 */
export type BuildSituation =
  | { kind: 'stored_token' }
  | { kind: 'trigger'; configuration: string; project: string }
  | { kind: 'build'; action: string; missing: string };

/** The build dialog's wording for a failure, or undefined where the default wording stands. */
export function buildDialogMessage(f: TeamCityFailure | undefined, server: string, situation: BuildSituation): string | undefined {
  const detail = said(f?.detail);
  if (situation.kind === 'stored_token') {
    return (
      `TeamCity at ${server} no longer accepts your access token: it may have expired or been revoked. ` +
      `Create a new token in TeamCity (My Profile > Access tokens) and replace this one in your personal settings under TeamCity.${detail}`
    );
  }
  if (f === undefined) return undefined;
  if (situation.kind === 'trigger') {
    if (f.code === 'forbidden') {
      return (
        `You don't have permission to run builds in ${situation.project} on ${server}. ` +
        `Ask a TeamCity administrator for the "Run build" permission there, or use a token of a user who has it.${detail}`
      );
    }
    if (f.code === 'not_found') {
      return (
        `The build configuration ${situation.configuration} was not found on ${server}: it may have been deleted or renamed, ` +
        `or your TeamCity user may not be allowed to see it. Choose the configuration again.${detail}`
      );
    }
    if (f.code === 'timeout') {
      // TeamCity may have queued the build and only the answer was lost: "try again" alone could run it twice.
      return `${teamCityMessage(f)} The build may have been queued all the same: check the recent builds of ${situation.configuration} before running it again.`;
    }
    return undefined;
  }
  if (f.code === 'forbidden') {
    return `Your TeamCity user on ${server} is not allowed to ${situation.action}. Ask a TeamCity administrator for the permission.${detail}`;
  }
  if (f.code === 'not_found') {
    return `TeamCity at ${server} has no ${situation.missing} that your TeamCity user can see; it may have been deleted.${detail}`;
  }
  return undefined;
}
