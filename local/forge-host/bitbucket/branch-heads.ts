/**
 * Where each emulated branch points, and the commits behind it. A branch starts with a head derived from its name
 * and a few older commits before it; `pushCommit` adds a commit on top, as a push to the pull request's source
 * branch does in Bitbucket, so the merge check sees a new head commit.
 */
import { commitHash } from './demo-ids';

/** Older commits every branch has before its starting head: enough for a list of recent commits to choose from. */
const OLDER_COMMITS = 5;

const pushes = new Map<string, number>();

const key = (workspace: string, repo: string, branch: string) => `${workspace}/${repo}@${branch}`;

/** The n-th commit pushed onto the starting head (0: the starting head itself, as it always was). */
const pushed = (k: string, n: number) => commitHash(n === 0 ? k : `${k}#${n}`);

/** The branch's commits, newest first: its head, then every commit before it. */
export function historyOf(workspace: string, repo: string, branch: string): string[] {
  const k = key(workspace, repo, branch);
  const n = pushes.get(k) ?? 0;
  const onTop = Array.from({ length: n + 1 }, (_, i) => pushed(k, n - i));
  const older = Array.from({ length: OLDER_COMMITS }, (_, i) => commitHash(`${k}~${i + 1}`));
  return [...onTop, ...older];
}

export const headOf = (workspace: string, repo: string, branch: string): string => historyOf(workspace, repo, branch)[0]!;

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
    const found = historyOf(workspace, repo, branch).find((full) => full.startsWith(hash));
    if (found) return found;
  }
  return undefined;
}
