/**
 * Where each demo branch points. Every branch starts at a commit derived from its name; a push (from a test
 * or the demo) moves it to a new commit that TeamCity has not built yet.
 */
import { commitHash } from './demo-ids';

const pushes = new Map<string, number>();

const keyOf = (workspace: string, repo: string, branch: string) => `${workspace}/${repo}@${branch}`;

export function headCommit(workspace: string, repo: string, branch: string): string {
  const key = keyOf(workspace, repo, branch);
  const n = pushes.get(key) ?? 0;
  return commitHash(n === 0 ? key : `${key}#push${n}`);
}

/** Moves the branch to a new commit and returns its hash. */
export function pushCommit(workspace: string, repo: string, branch: string): string {
  const key = keyOf(workspace, repo, branch);
  pushes.set(key, (pushes.get(key) ?? 0) + 1);
  return headCommit(workspace, repo, branch);
}

/** Back to the seeded heads (tests that pushed). */
export function resetPushes(): void {
  pushes.clear();
}
