import { publicError, type AppError } from '../shared/result';

/**
 * Which field of the token dialogs a TeamCity failure belongs to: a rejected token is the token's fault,
 * everything about reaching the server is the address's. The "Replace token" dialog has no address field
 * (`withServerField: false`), so those errors stand on their own there. Decided by the code alone, never by the
 * message's words; only the bridge shape is returned (the client's structured detail stays in the backend).
 */
export const attachTokenFormField = (raw: AppError, withServerField = true): AppError => {
  const error = publicError(raw);
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
    case 'response_too_large':
      return withServerField ? { ...error, field: 'serverUrl' } : error;
    default:
      return error;
  }
};
