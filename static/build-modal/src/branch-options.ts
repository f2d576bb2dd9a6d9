/**
 * The branches offered for a build. For a pull request its source branch comes first: Bitbucket Cloud has
 * no pull request refs (no refs/pull/N or refs/pull-requests/N as GitHub and Bitbucket Server have), so
 * TeamCity's Pull Requests feature for Bitbucket Cloud watches and builds the source branch itself.
 */
import type { PullRequestView, RepositoryView } from '../../../src/shared/schemas';

export type BranchOption = { label: string; value: string; note?: string };
export type BranchGroup = { label: string; options: BranchOption[] };

export function branchGroups(repository: RepositoryView, pullRequest: PullRequestView | null): BranchGroup[] {
  const groups: BranchGroup[] = [];
  const taken = new Set<string>();
  if (pullRequest) {
    groups.push({
      label: `Pull request #${pullRequest.id}`,
      options: [
        {
          label: pullRequest.sourceBranch,
          value: pullRequest.sourceBranch,
          note: 'Source branch, what TeamCity builds for this pull request',
        },
      ],
    });
    taken.add(pullRequest.sourceBranch);
  }
  const ordered = [repository.mainBranch, ...repository.branches.filter((b) => b !== repository.mainBranch)];
  const branches = ordered
    .filter((b) => b && !taken.has(b))
    .map((b): BranchOption => (b === repository.mainBranch ? { label: b, value: b, note: 'Main branch' } : { label: b, value: b }));
  if (branches.length > 0) groups.push({ label: 'Branches', options: branches });
  return groups;
}

export function findBranchOption(groups: BranchGroup[], branch: string): BranchOption {
  for (const group of groups) {
    const found = group.options.find((o) => o.value === branch);
    if (found) return found;
  }
  return { label: branch, value: branch };
}
