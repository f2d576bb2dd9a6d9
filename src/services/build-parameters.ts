/**
 * Branch names and build parameters as TeamCity gets them. The pull request parameters come only from the
 * extension context; a user parameter with the same prefix is refused rather than silently overridden, so
 * nobody can make a build look like it belongs to another pull request.
 */
import { fail } from '../shared/result';
import { isPullRequestParameter, PULL_REQUEST_PARAMETER_PREFIX } from '../shared/pull-request-parameters';

type Parameter = { name: string; value: string };

/** TeamCity's logical branch name: one leading refs/heads/ removed, so a full ref never becomes refs/heads/refs/heads/…. */
export const shortBranchName = (branch: string): string => (branch.startsWith('refs/heads/') ? branch.slice('refs/heads/'.length) : branch);

export function checkUserParameters(parameters: readonly Parameter[]) {
  const reserved = parameters.find((p) => isPullRequestParameter(p.name));
  if (reserved) {
    return fail(
      'invalid_input',
      `Parameters starting with "${PULL_REQUEST_PARAMETER_PREFIX}" are set by the app from the pull request; remove "${reserved.name.slice(0, 100)}".`,
      'parameters',
    );
  }
  const seen = new Set<string>();
  const duplicate = parameters.find((p) => (seen.has(p.name) ? true : (seen.add(p.name), false)));
  if (duplicate) return fail('invalid_input', `The parameter "${duplicate.name.slice(0, 100)}" is listed twice.`, 'parameters');
  return undefined;
}
