/**
 * Build statuses of commits, as TeamCity's Commit Status Publisher would report them to Bitbucket (one status per
 * key, updated in place). Tests and the demo set them; GET .../commit/{hash}/statuses lists them.
 */
export type DemoCommitStatus = { key: string; state: 'SUCCESSFUL' | 'FAILED' | 'INPROGRESS' | 'STOPPED'; name: string };

const statuses = new Map<string, Map<string, DemoCommitStatus>>();

export function setCommitStatus(commit: string, status: DemoCommitStatus): void {
  const byKey = statuses.get(commit) ?? new Map<string, DemoCommitStatus>();
  byKey.set(status.key, status);
  statuses.set(commit, byKey);
}

export function commitStatusesJson(commit: string) {
  return [...(statuses.get(commit)?.values() ?? [])].map((s) => ({
    type: 'build',
    key: s.key,
    state: s.state,
    name: s.name,
    commit: { type: 'commit', hash: commit },
  }));
}
