import type { SimulatorVersion } from './types';

const REST_ERRORS = 'jetbrains.buildServer.server.rest.errors.';

type ErrorKind = 'notFound' | 'locator' | 'badRequest' | 'forbidden' | 'accessDenied' | 'internal';

const KINDS: Record<ErrorKind, { status: number; exception: string; hint: string }> = {
  notFound: {
    status: 404,
    exception: `${REST_ERRORS}NotFoundException`,
    hint: 'Could not find the entity requested. Check the reference is correct and the user has permissions to access the entity.',
  },
  locator: {
    status: 400,
    exception: `${REST_ERRORS}LocatorProcessException`,
    hint: 'Invalid request. Check locator is specified correctly.',
  },
  badRequest: {
    status: 400,
    exception: `${REST_ERRORS}BadRequestException`,
    hint: 'Invalid request. Please check the request URL and data are correct.',
  },
  forbidden: {
    status: 403,
    exception: `${REST_ERRORS}AuthorizationFailedException`,
    hint: 'Access denied. Check the user has enough permissions to perform the operation.',
  },
  // Permission checks in the server core (e.g. "Run build") surface as this class, with the same 403 hint.
  accessDenied: {
    status: 403,
    exception: 'jetbrains.buildServer.serverSide.auth.AccessDeniedException',
    hint: 'Access denied. Check the user has enough permissions to perform the operation.',
  },
  internal: {
    status: 500,
    exception: 'java.lang.IllegalStateException',
    hint: 'Error occurred while processing this request.',
  },
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

/** An error the REST layer turns into TeamCity's three-line text/plain body. */
export class ApiError extends Error {
  readonly status: number;
  readonly exception: string;
  readonly hint: string;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    const k = KINDS[kind];
    this.status = k.status;
    this.exception = k.exception;
    this.hint = k.hint;
  }
}

export const notFound = (message: string) => new ApiError('notFound', message);
export const locatorError = (message: string) => new ApiError('locator', message);
export const badRequest = (message: string) => new ApiError('badRequest', message);
export const forbidden = (message: string) => new ApiError('forbidden', message);
export const accessDenied = (message: string) => new ApiError('accessDenied', message);

/** TeamCity changed the first two lines' wording in 2019.2; older servers use the 8.x/9.x form. */
export function usesModernErrorWording(version: SimulatorVersion): boolean {
  return version.major > 2019 || (version.major === 2019 && version.minor >= 2);
}

export function errorBody(error: ApiError, version: SimulatorVersion): string {
  const reason = REASONS[error.status] ?? 'Error';
  const detail = `${error.exception}: ${error.message}`;
  return usesModernErrorWording(version)
    ? `Responding with error, status code: ${error.status} (${reason}).\nDetails: ${detail}\n${error.hint}`
    : `Error has occurred during request processing (${reason}).\nError: ${detail}\n${error.hint}`;
}
