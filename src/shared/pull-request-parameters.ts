/**
 * The parameters the backend passes to TeamCity about the pull request (e.g. %bitbucket.pr.id% in a build
 * step). They come only from the extension context, so the build modal shows them read-only and keeps users
 * from setting the same names. Kept free of zod so the modal can import it.
 */
import type { PullRequestView } from './schemas';

export const PULL_REQUEST_PARAMETER_PREFIX = 'bitbucket.pr.';

type Parameter = { name: string; value: string };

export const isPullRequestParameter = (name: string): boolean => name.toLowerCase().startsWith(PULL_REQUEST_PARAMETER_PREFIX);

export const pullRequestParameters = (pr: PullRequestView): Parameter[] => [
  { name: `${PULL_REQUEST_PARAMETER_PREFIX}id`, value: String(pr.id) },
  { name: `${PULL_REQUEST_PARAMETER_PREFIX}title`, value: pr.title },
  { name: `${PULL_REQUEST_PARAMETER_PREFIX}source`, value: pr.sourceBranch },
  { name: `${PULL_REQUEST_PARAMETER_PREFIX}destination`, value: pr.destinationBranch },
  { name: `${PULL_REQUEST_PARAMETER_PREFIX}author`, value: pr.author },
];

/** Parameters of an earlier build without the pull request's, which the backend adds again from the context. */
export const userParametersOf = (parameters: readonly Parameter[]): Parameter[] =>
  parameters.filter((p) => !isPullRequestParameter(p.name));
