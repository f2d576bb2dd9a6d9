/**
 * Which input an error from the backend belongs to: its `field` (the request key the backend names), never its
 * wording, which the backend composes and the UI only shows. `Input` is the resolver's input type from the
 * contract, so a screen can only name fields its request has.
 */
import type { AppError } from '../../src/shared/result';

export function errorField<Input extends object, F extends keyof Input & string = keyof Input & string>(
  error: AppError,
  fields: readonly F[],
): F | undefined {
  return fields.find((field) => field === error.field);
}
