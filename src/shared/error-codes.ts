/** Failures that TeamCity or the network can cause; the client maps every response or exception to one. */
export const TEAMCITY_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'bad_request',
  'server_error',
  'timeout',
  'unreachable',
  'tls',
  'not_teamcity',
  'unsupported_version',
  'egress_blocked',
  // The answer was bigger than the client reads (teamcity-body.ts): a misbehaving server or the wrong address.
  'response_too_large',
] as const;
export type TeamCityErrorCode = (typeof TEAMCITY_ERROR_CODES)[number];

/** Failures the app itself decides: bad input, missing data, storage trouble. */
export const APP_ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'token_not_found',
  // A save that a concurrent delete of the same token overtook: the delete won.
  'conflict',
  'storage_error',
  'internal_error',
  // The workspace's TeamCity policy does not allow this server.
  'server_not_allowed',
  // The user declined the app's request for access to Bitbucket (the Custom UI's invoke was rejected for it).
  'consent_required',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type ErrorCode = TeamCityErrorCode | AppErrorCode;
