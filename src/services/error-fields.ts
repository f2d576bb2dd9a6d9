import type { AppError } from '../shared/result';

/**
 * Which field of the "Add an access token" dialog a TeamCity failure belongs to: a rejected token is the
 * token's fault, everything about reaching the server is the address's.
 */
export const attachTokenFormField = (error: AppError): AppError => {
  if (error.field) return error;
  switch (error.code) {
    case 'unauthorized':
    case 'forbidden':
      return { ...error, field: 'token' };
    case 'not_found':
    case 'not_teamcity':
    case 'unsupported_version':
    case 'unreachable':
    case 'tls':
    case 'timeout':
    case 'egress_blocked':
    case 'server_error':
    case 'bad_request':
      return { ...error, field: 'serverUrl' };
    default:
      return error;
  }
};
