/**
 * Target-branch patterns for required build configurations, read the way Bitbucket reads branch patterns in
 * branch restrictions: an exact name (`main`), `*` for any run of characters within one path segment
 * (`release/*` matches `release/1.4` but not `release/1.4/hotfix`), `**` for anything including `/`.
 * Shared by the settings page (checks as the admin types) and the merge check.
 */
export const MAX_BRANCH_PATTERN_LENGTH = 255;

/** Branch-name characters plus `*`; the rest of git's ref rules do not matter for matching. */
// eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
const BAD_PATTERN = /[\u0000-\u0020\u007f~^:?[\\]|\.\.|\/\/|^\/|\/$/;

export function branchPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'Enter a branch name or pattern such as main or release/*, or leave the field off.';
  if (pattern.length > MAX_BRANCH_PATTERN_LENGTH) return `The pattern is too long (at most ${MAX_BRANCH_PATTERN_LENGTH} characters).`;
  if (BAD_PATTERN.test(pattern)) return 'A branch pattern is a branch name that may use * (within a segment) and ** (across segments).';
  return null;
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function branchMatches(pattern: string | null, branch: string): boolean {
  if (pattern === null) return true;
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(escape).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`).test(branch);
}
