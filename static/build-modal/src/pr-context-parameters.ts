/**
 * What the backend passes to TeamCity about the pull request, shown read-only so the user knows the build
 * can use it (e.g. %bitbucket.pr.id% in a build step) and does not set the same names by hand.
 */
import type { PullRequestView } from '../../../src/shared/schemas';

export const PR_PARAMETER_PREFIX = 'bitbucket.pr.';

export function prContextParameters(pr: PullRequestView): Array<{ name: string; value: string }> {
  return [
    { name: `${PR_PARAMETER_PREFIX}id`, value: String(pr.id) },
    { name: `${PR_PARAMETER_PREFIX}title`, value: pr.title },
    { name: `${PR_PARAMETER_PREFIX}source`, value: pr.sourceBranch },
    { name: `${PR_PARAMETER_PREFIX}destination`, value: pr.destinationBranch },
    { name: `${PR_PARAMETER_PREFIX}author`, value: pr.author },
  ];
}

/** Parameters of an earlier build without the pull request context, which the backend adds itself. */
export function withoutPrContext(parameters: Array<{ name: string; value: string }>): Array<{ name: string; value: string }> {
  return parameters.filter((p) => !p.name.toLowerCase().startsWith(PR_PARAMETER_PREFIX));
}
