/**
 * The branches offered for a build. For a pull request its source branch comes first: Bitbucket Cloud has
 * no pull request refs (no refs/pull/N or refs/pull-requests/N as GitHub and Bitbucket Server have), so
 * TeamCity's Pull Requests feature for Bitbucket Cloud watches and builds the source branch itself.
 */
import type { PullRequestView, RepositoryView, TagView } from '../../../src/shared/schemas';

/** `kind: 'tag'`: a tag the chosen configuration builds (a branch and a tag may share a name). */
export type BranchOption = { label: string; value: string; note?: string; kind?: 'tag' };
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

/** The tags go last: a run is usually of a branch, and a repository can have hundreds of tags. */
export function tagGroup(tags: readonly TagView[]): BranchGroup[] {
  if (tags.length === 0) return [];
  const note = (tag: TagView) =>
    `Tag at ${tag.commit.slice(0, 12)}${tag.branchName === tag.name ? '' : ` · TeamCity branch “${tag.branchName}”`}`;
  return [{ label: 'Tags', options: tags.map((tag) => ({ label: tag.name, value: tag.name, note: note(tag), kind: 'tag' as const })) }];
}

export function findBranchOption(groups: BranchGroup[], branch: string, kind?: 'tag'): BranchOption {
  for (const group of groups) {
    const found = group.options.find((o) => o.value === branch && o.kind === kind);
    if (found) return found;
  }
  return { label: branch, value: branch };
}
