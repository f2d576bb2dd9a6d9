/**
 * What the TeamCity client reports when TeamCity (or the way to it) fails: the code, and the facts behind it
 * as data. Every string in it came through teamcity-redact.ts (scrubbed of the token, bounded), so callers may
 * show any of it. The sentence people read is composed from these facts in teamcity-error-messages.ts, never
 * parsed back out of another sentence.
 */
import type { TeamCityErrorCode } from '../shared/error-codes';
import type { AppError } from '../shared/result';
import type { ErrorBodyKind } from './teamcity-error-body';

export type NetworkReason = 'refused' | 'dns' | 'no_route' | 'reset' | 'plain_http' | 'tls' | 'other';

/** A 2xx answer that is not the TeamCity data asked for. */
export type NotDataKind = 'html' | 'xml' | 'empty' | 'not_json' | 'shape';

export type TeamCityCause =
  /** A non-2xx answer; `body` says whether TeamCity itself wrote it. */
  | { kind: 'http'; body: ErrorBodyKind }
  | { kind: 'forge_egress' }
  | { kind: 'forge_proxy' }
  | { kind: 'redirect'; location?: string; signIn: boolean }
  | { kind: 'not_data'; what: NotDataKind }
  | { kind: 'too_large'; limitBytes: number }
  /** `systemCode` is Node's (ECONNREFUSED, CERT_HAS_EXPIRED, ...); host and port are where we connected. */
  | { kind: 'network'; reason: NetworkReason; systemCode?: string; host: string; port: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'version'; version: string; minimum: string };

export type TeamCityFailure = {
  code: TeamCityErrorCode;
  /** Scheme, host and context path of the server, never credentials. */
  server: string;
  /** What the request was for, completing "TeamCity refused to …", e.g. "start a build of Foo_Build". */
  action: string;
  /** What a 404 lost, completing "TeamCity could not find the …", e.g. "build configuration Foo_Build". */
  subject: string;
  status?: number;
  /** The HTTP reason phrase, scrubbed and at most 100 characters. */
  statusText?: string;
  /** The one useful line of the server's answer (TeamCity's message, a page title), scrubbed and bounded. */
  detail?: string;
  cause: TeamCityCause;
};

/**
 * The client's error: the bridge shape (`message` is the default wording for the request) plus, when TeamCity or
 * the network caused it, `teamcity` with the facts. Input the client refused before any request has no `teamcity`.
 * Resolvers send only `{ code, message, field }` (publicError).
 */
export type TeamCityError = AppError & { teamcity?: TeamCityFailure };
