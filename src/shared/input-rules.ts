/**
 * Every limit and rule for what a user types, in one place for all sides: schemas.ts builds its zod schemas
 * from them, the TeamCity client checks its input with the same predicates before any request, and the Custom
 * UI shows a mistake next to the field before a round trip. Kept free of zod, which would more than double a
 * page's bundle.
 */
export const MAX_BRANCH_NAME_LENGTH = 255;
export const MAX_PARAMETER_NAME_LENGTH = 255;
export const MAX_PARAMETER_VALUE_LENGTH = 16384;
export const MAX_COMMENT_LENGTH = 4000;
/** The parameters a user may add to one build. */
export const MAX_PARAMETERS = 100;
/** All a triggered build may carry: the user's and those the app adds itself (pull-request-parameters.ts). */
export const MAX_BUILD_PARAMETERS = MAX_PARAMETERS + 10;
export const MAX_SEARCH_LENGTH = 100;
/** Generous for any real URL (a server address, a repository's clone URL), far below what would balloon storage or logs. */
export const MAX_URL_LENGTH = 2048;
/** TeamCity tokens are a few hundred characters; anything this long is a paste accident. */
export const MAX_TOKEN_LENGTH = 4096;

export const MAX_BUILD_TYPE_ID_LENGTH = 225;
/** TeamCity's rule for ids (build configurations): a Latin letter, then letters, digits, underscores. */
export const BUILD_TYPE_ID = new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${MAX_BUILD_TYPE_ID_LENGTH - 1}}$`);
/** TeamCity parameter names: `env.`, `system.` or configuration parameters; dots, dashes and underscores. */
export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// eslint-disable-next-line no-control-regex -- control characters are what these find
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- control characters are what these find
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;
export const hasControlCharacters = (text: string): boolean => CONTROL.test(text);
/** Any white space (Unicode's too) or control character: never part of an address or a token. */
export const hasSpaceOrControl = (text: string): boolean => SPACE_OR_CONTROL.test(text);

/** A git commit as people type it: 7 to 40 hexadecimal digits (Bitbucket and TeamCity show 7 to 12). */
export const COMMIT_HASH = /^[0-9a-f]{7,40}$/i;

export const INPUT_MESSAGES = {
  commitInvalid: 'Enter a commit hash: 7 to 40 characters, 0-9 and a-f.',
  serverUrlMissing: 'Enter the address of your TeamCity server.',
  serverUrlTooLong: `The server address is too long (at most ${MAX_URL_LENGTH} characters).`,
  tokenMissing: 'Paste the access token you created in TeamCity.',
  tokenTooLong: `This is too long for a TeamCity access token (at most ${MAX_TOKEN_LENGTH} characters).`,
  buildTypeIdInvalid: `This is not a TeamCity build configuration id: ids start with a Latin letter and contain only Latin letters, digits and underscores (at most ${MAX_BUILD_TYPE_ID_LENGTH}).`,
  branchMissing: 'Choose a branch.',
  branchTooLong: `The branch name is too long (at most ${MAX_BRANCH_NAME_LENGTH} characters).`,
  tagMissing: 'Choose a tag.',
  tagTooLong: `The tag name is too long (at most ${MAX_BRANCH_NAME_LENGTH} characters).`,
  branchOrTag: 'Choose a branch or a tag to build, not both.',
  tagWithCommit: 'A tag names its own commit: build the tag, or a commit of a branch, not both.',
  parameterNameMissing: 'Enter a parameter name.',
  parameterNameTooLong: `The parameter name is too long (at most ${MAX_PARAMETER_NAME_LENGTH} characters).`,
  parameterNameInvalid: 'Parameter names may contain letters, digits, ".", "-" and "_", and start with a letter or "_".',
  parameterValueTooLong: 'The parameter value is too long (at most 16,384 characters).',
  tooManyParameters: `A build takes at most ${MAX_PARAMETERS} parameters.`,
  commentTooLong: 'The comment is too long (at most 4,000 characters).',
  searchTooLong: `Search for at most ${MAX_SEARCH_LENGTH} characters.`,
} as const;

/**
 * Git's rules for ref names, as `git check-ref-format --branch` applies them
 * (https://git-scm.com/docs/git-check-ref-format): no control characters, space, `~ ^ : ? * [ \`, `..` or `@{`
 * anywhere; no `/` at either end or twice in a row; no `.` at the end; no part between slashes that starts
 * with `.` or ends with `.lock`; not `@` on its own; and, for branches, not `HEAD` and no leading `-`.
 * Each rule has its own message, checked in this order. Plain arrays of functions, so a page that does not
 * check branches leaves them out of its bundle.
 */
const FORBIDDEN_IN_REFS = ['~', '^', ':', '?', '*', '[', '\\'];
const partOf = (ref: string, test: (part: string) => boolean) => ref.split('/').some(test);
type RefRule = (ref: string) => string | false;
/** Branches and tags are both git refs; only the word in the message differs. */
const refRules = (kind: 'Branch' | 'Tag'): ReadonlyArray<RefRule> => {
  const lower = kind.toLowerCase();
  return [
    (b) => hasControlCharacters(b) && `${kind} names can't contain line breaks or other control characters.`,
    (b) => b.includes(' ') && `${kind} names can't contain spaces.`,
    (b) => {
      const found = FORBIDDEN_IN_REFS.find((c) => b.includes(c));
      return found !== undefined && `${kind} names can't contain "${found}".`;
    },
    (b) => b.includes('..') && `${kind} names can't contain "..".`,
    (b) => b.includes('@{') && `${kind} names can't contain "@{".`,
    (b) => (b.startsWith('/') || b.endsWith('/')) && `${kind} names can't start or end with "/".`,
    (b) => b.includes('//') && `${kind} names can't contain "//".`,
    (b) => b.endsWith('.') && `${kind} names can't end with ".".`,
    (b) => partOf(b, (p) => p.startsWith('.')) && `No part of a ${lower} name between slashes can start with ".".`,
    (b) => partOf(b, (p) => p.endsWith('.lock')) && `No part of a ${lower} name between slashes can end with ".lock".`,
    (b) => b.startsWith('-') && `${kind} names can't start with "-".`,
    (b) => (b === '@' || b === 'HEAD') && `"@" and "HEAD" aren't ${lower} names: enter the name of a ${lower}.`,
  ];
};
const BRANCH_RULES = refRules('Branch');
const TAG_RULES = refRules('Tag');

const refProblem = (ref: string, rules: ReadonlyArray<RefRule>, missing: string, tooLong: string): string | null => {
  if (ref.length === 0) return missing;
  if (ref.length > MAX_BRANCH_NAME_LENGTH) return tooLong;
  for (const rule of rules) {
    const problem = rule(ref);
    if (problem) return problem;
  }
  return null;
};

/** The problem with a branch name, or null when git and TeamCity accept it. */
export function branchNameProblem(branch: string): string | null {
  return refProblem(branch, BRANCH_RULES, INPUT_MESSAGES.branchMissing, INPUT_MESSAGES.branchTooLong);
}

/** The problem with a tag name (git's ref rules, as for branches), or null. */
export function tagNameProblem(tag: string): string | null {
  return refProblem(tag, TAG_RULES, INPUT_MESSAGES.tagMissing, INPUT_MESSAGES.tagTooLong);
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

/** The problem with a commit hash typed into the run dialog, or null when it is one. */
export function commitHashProblem(commit: string): string | null {
  return COMMIT_HASH.test(commit) ? null : INPUT_MESSAGES.commitInvalid;
}
