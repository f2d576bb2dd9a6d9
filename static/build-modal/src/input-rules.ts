/**
 * Client-side checks for what the user types, with the backend's rules (src/shared/schemas.ts) so a
 * mistake shows next to the field before a round trip. Kept free of zod, which would more than double the
 * bundle; input-rules.test.ts runs both against the same samples so the two cannot drift apart.
 */
const MAX_PARAMETER_NAME_LENGTH = 255;
const MAX_PARAMETER_VALUE_LENGTH = 16384;
const MAX_BRANCH_NAME_LENGTH = 255;
const MAX_COMMENT_LENGTH = 4000;
export const MAX_PARAMETERS = 100;

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// eslint-disable-next-line no-control-regex
const BAD_BRANCH = /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.lock$|^-/;

/** The problem with a parameter name, or null when TeamCity accepts it. */
export function parameterNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a parameter name.';
  if (name.length > MAX_PARAMETER_NAME_LENGTH) return `The parameter name is too long (at most ${MAX_PARAMETER_NAME_LENGTH} characters).`;
  if (!PARAMETER_NAME.test(name)) return 'Parameter names may contain letters, digits, ".", "-" and "_", and start with a letter or "_".';
  return null;
}

export function parameterValueProblem(value: string): string | null {
  return value.length > MAX_PARAMETER_VALUE_LENGTH ? 'The parameter value is too long (at most 16,384 characters).' : null;
}

export function branchNameProblem(branch: string): string | null {
  if (branch.length === 0) return 'Choose a branch.';
  if (branch.length > MAX_BRANCH_NAME_LENGTH) return `The branch name is too long (at most ${MAX_BRANCH_NAME_LENGTH} characters).`;
  if (BAD_BRANCH.test(branch)) return 'This is not a valid branch name.';
  return null;
}

export function commentProblem(comment: string): string | null {
  return comment.length > MAX_COMMENT_LENGTH ? 'The comment is too long (at most 4,000 characters).' : null;
}
