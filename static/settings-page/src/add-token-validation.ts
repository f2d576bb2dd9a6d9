/**
 * Catches only what the user can fix without asking the server (empty fields). The resolver validates
 * the address and the token properly and answers with a field, which the dialog shows the same way.
 */
import { INPUT_MESSAGES } from '../../../src/shared/input-rules';

export type AddTokenField = 'serverUrl' | 'token';
export type AddTokenValues = Record<AddTokenField, string>;
export type AddTokenFieldErrors = Partial<Record<AddTokenField, string>>;

export const ADD_TOKEN_FIELDS: readonly AddTokenField[] = ['serverUrl', 'token'];

export const REQUIRED_MESSAGES: Record<AddTokenField, string> = {
  serverUrl: INPUT_MESSAGES.serverUrlMissing,
  token: INPUT_MESSAGES.tokenMissing,
};

export function validateAddToken(values: AddTokenValues): AddTokenFieldErrors {
  const errors: AddTokenFieldErrors = {};
  for (const field of ADD_TOKEN_FIELDS) {
    if (values[field].trim() === '') errors[field] = REQUIRED_MESSAGES[field];
  }
  return errors;
}
