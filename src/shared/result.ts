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

/** `E` lets a layer carry more detail than the bridge shape (the TeamCity client's TeamCityError). */
export type Result<T, E extends AppError = AppError> = { ok: true; data: T } | { ok: false; error: E };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string, field?: string): { ok: false; error: AppError } => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Only the bridge shape: structured detail a layer kept for composing messages stays on this side. */
export const publicError = ({ code, message, field }: AppError): AppError =>
  field === undefined ? { code, message } : { code, message, field };
