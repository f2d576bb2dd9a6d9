/**
 * Where each emulated branch points. Starts at a hash derived from the branch; `pushCommit` moves it, as a push
 * to the pull request's source branch does in Bitbucket, so the merge check sees a new head commit.
 */
import { commitHash } from './demo-ids';

const pushes = new Map<string, number>();

const key = (workspace: string, repo: string, branch: string) => `${workspace}/${repo}@${branch}`;

export function headOf(workspace: string, repo: string, branch: string): string {
  const n = pushes.get(key(workspace, repo, branch)) ?? 0;
  return commitHash(n === 0 ? key(workspace, repo, branch) : `${key(workspace, repo, branch)}#${n}`);
}

export function pushCommit(workspace: string, repo: string, branch: string): string {
  const k = key(workspace, repo, branch);
  pushes.set(k, (pushes.get(k) ?? 0) + 1);
  return headOf(workspace, repo, branch);
}

/** Every branch back where it started (tests share the process-wide state). */
export function resetBranchHeads(): void {
  pushes.clear();
}

/** The commit a full or abbreviated hash names on any branch of the repository, or undefined. */
export function findCommit(workspace: string, repo: string, branches: readonly string[], hash: string): string | undefined {
  for (const branch of branches) {
    const n = pushes.get(key(workspace, repo, branch)) ?? 0;
    for (let i = 0; i <= n; i++) {
      const full = commitHash(i === 0 ? key(workspace, repo, branch) : `${key(workspace, repo, branch)}#${i}`);
      if (full.startsWith(hash)) return full;
    }
  }
  return undefined;
}
