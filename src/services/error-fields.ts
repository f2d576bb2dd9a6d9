import type { AppError } from '../shared/result';

/**
 * Which field of the token dialogs a TeamCity failure belongs to: a rejected token is the token's fault,
 * everything about reaching the server is the address's. The "Replace token" dialog has no address field
 * (`withServerField: false`), so those errors stand on their own there.
 */
export const attachTokenFormField = (error: AppError, withServerField = true): AppError => {
  if (error.field === 'serverUrl' && !withServerField) return { code: error.code, message: error.message };
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
      return withServerField ? { ...error, field: 'serverUrl' } : error;
    default:
      return error;
  }
};
