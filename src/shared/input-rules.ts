/**
 * The rules for what a user types into the build form, in one place for both sides: schemas.ts builds its
 * zod schemas from them, and the build modal checks input with the predicates so a mistake shows next to
 * the field before a round trip. Kept free of zod, which would more than double the modal's bundle.
 */
export const MAX_BRANCH_NAME_LENGTH = 255;
export const MAX_PARAMETER_NAME_LENGTH = 255;
export const MAX_PARAMETER_VALUE_LENGTH = 16384;
export const MAX_COMMENT_LENGTH = 4000;
export const MAX_PARAMETERS = 100;
export const MAX_SEARCH_LENGTH = 100;

/** Git ref names: no control characters, spaces, `..`, `~^:?*[\\`, as `git check-ref-format` allows. */
// eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
export const BAD_BRANCH_NAME = /[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.lock$|^-/;
/** TeamCity's rule for ids (build configurations): a Latin letter, then letters, digits, underscores; at most 225. */
export const BUILD_TYPE_ID = /^[A-Za-z][A-Za-z0-9_]{0,224}$/;
/** TeamCity parameter names: `env.`, `system.` or configuration parameters; dots, dashes and underscores. */
export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export const INPUT_MESSAGES = {
  branchMissing: 'Choose a branch.',
  branchTooLong: `The branch name is too long (at most ${MAX_BRANCH_NAME_LENGTH} characters).`,
  branchInvalid: 'This is not a valid branch name.',
  parameterNameMissing: 'Enter a parameter name.',
  parameterNameTooLong: `The parameter name is too long (at most ${MAX_PARAMETER_NAME_LENGTH} characters).`,
  parameterNameInvalid: 'Parameter names may contain letters, digits, ".", "-" and "_", and start with a letter or "_".',
  parameterValueTooLong: 'The parameter value is too long (at most 16,384 characters).',
  tooManyParameters: `At most ${MAX_PARAMETERS} parameters.`,
  commentTooLong: 'The comment is too long (at most 4,000 characters).',
  searchTooLong: `Search for at most ${MAX_SEARCH_LENGTH} characters.`,
} as const;

/** The problem with a branch name, or null when git and TeamCity accept it. */
export function branchNameProblem(branch: string): string | null {
  if (branch.length === 0) return INPUT_MESSAGES.branchMissing;
  if (branch.length > MAX_BRANCH_NAME_LENGTH) return INPUT_MESSAGES.branchTooLong;
  if (BAD_BRANCH_NAME.test(branch)) return INPUT_MESSAGES.branchInvalid;
  return null;
}

/** The problem with a parameter name, or null when TeamCity accepts it. */
export function parameterNameProblem(name: string): string | null {
  if (name.length === 0) return INPUT_MESSAGES.parameterNameMissing;
  if (name.length > MAX_PARAMETER_NAME_LENGTH) return INPUT_MESSAGES.parameterNameTooLong;
  if (!PARAMETER_NAME.test(name)) return INPUT_MESSAGES.parameterNameInvalid;
  return null;
}

export function parameterValueProblem(value: string): string | null {
  return value.length > MAX_PARAMETER_VALUE_LENGTH ? INPUT_MESSAGES.parameterValueTooLong : null;
}

export function commentProblem(comment: string): string | null {
  return comment.length > MAX_COMMENT_LENGTH ? INPUT_MESSAGES.commentTooLong : null;
}
