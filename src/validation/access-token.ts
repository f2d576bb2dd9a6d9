/**
 * Checks the shape of a pasted access token before it goes anywhere. A token with a space or a line break is
 * a copy-and-paste accident, and one with non-ASCII characters cannot even be sent in an HTTP header.
 * Messages never repeat the token.
 */
import { INPUT_MESSAGES, MAX_TOKEN_LENGTH, hasSpaceOrControl } from '../shared/input-rules';
import { fail, ok, type Result } from '../shared/result';

const FIELD = 'token';
/** Real TeamCity tokens are well over 100 characters; this only catches obvious wrong pastes. */
export const MIN_TOKEN_LENGTH = 16;

export const validateAccessToken = (input: string): Result<string> => {
  // Copying from TeamCity often brings a trailing newline; surrounding white space is never part of a token.
  const token = input.trim();
  if (token === '') return fail('invalid_input', INPUT_MESSAGES.tokenMissing, FIELD);
  if (token.length > MAX_TOKEN_LENGTH) return fail('invalid_input', INPUT_MESSAGES.tokenTooLong, FIELD);
  if (hasSpaceOrControl(token)) {
    return fail('invalid_input', "The access token can't contain spaces or line breaks. Copy it again from TeamCity.", FIELD);
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    return fail(
      'invalid_input',
      'The access token contains characters that TeamCity tokens never have. Copy it again from TeamCity.',
      FIELD,
    );
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    return fail('invalid_input', 'This is too short to be a TeamCity access token. Copy the whole token from TeamCity.', FIELD);
  }
  return ok(token);
};
