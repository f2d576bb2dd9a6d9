/**
 * What every resolver returns across the bridge. Errors are data, not thrown strings, so the UI can
 * show the message next to the field it concerns and tests can assert on the code.
 */
import type { ErrorCode } from './error-codes';

export type AppError = {
  code: ErrorCode;
  message: string;
  /** The form field the message belongs to, when it belongs to one. */
  field?: string;
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string, field?: string): { ok: false; error: AppError } => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
