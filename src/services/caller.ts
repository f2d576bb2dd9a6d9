/**
 * Who is calling and from where, as the resolver edge parsed it from the Forge context once per invocation.
 * Services take this and never look at the raw context: it is the one place that decides which field of the
 * context counts.
 */
import type { Deadline } from './deadline';

/** The module the call comes from, with the identifiers Forge documents for it; null where it has none. */
export type ModulePage = {
  /** e.g. `bitbucket:repoPullRequestAction`; null when the context names no module. */
  type: string | null;
  /** The repository's UUID, braced and lower case (`{…}`), as Bitbucket's API spells it. */
  repositoryUuid: string | null;
  pullRequestId: number | null;
  /**
   * The branch a repository card is shown for. Forge's repoCodeOverviewCard page does not document its context;
   * `extension.branch.name` is used when present (the local host sends it), else the card shows the main branch.
   */
  branchName: string | null;
};

export type Caller = {
  /** The signed-in user, from the runtime (never from the browser). */
  accountId: string;
  /** The workspace the app is installed in: its UUID braced and lower case (or a slug); null when the context did not say. */
  workspaceId: string | null;
  page: ModulePage;
  deadline: Deadline;
};
