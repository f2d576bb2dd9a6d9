/**
 * A pull request's head commit, read from Bitbucket two ways: as the app for the merge check, which has no user
 * to act for (its payload only names the workspace, repository and pull request: Forge docs, "Bitbucket custom
 * merge check", Invocation payload; scope read:pullrequest:bitbucket), and as the user for the pull request panel.
 * Bitbucket gives a pull request's commit as a short hash; TeamCity matches full hashes, so it is expanded with
 * GET .../commit/{hash} (read:repository:bitbucket), and the expansion must be the same commit.
 */
import api, { route, type Route } from '@forge/api';
import { logEvent } from '../logging/log';

export type PullRequestHead = { commit: string; targetBranch: string; sourceBranch: string | null };

export type PullRequestHeadReader = (
  workspace: string,
  repositoryUuid: string,
  pullRequestId: number,
) => Promise<PullRequestHead | undefined>;

const FULL_HASH = /^[0-9a-f]{40}$/;
const SHORT_HASH = /^[0-9a-f]{7,39}$/;

async function readAsApp(what: string, path: Route): Promise<Record<string, unknown> | undefined> {
  try {
    const response = await api.asApp().requestBitbucket(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      logEvent('bitbucket_read_failed', { what, status: response.status });
      return undefined;
    }
    const body = (await response.json()) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch (error) {
    logEvent('bitbucket_read_failed', { what, error: error instanceof Error ? error.name : typeof error });
    return undefined;
  }
}

const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

export const bitbucketPullRequestHead: PullRequestHeadReader = async (workspace, repositoryUuid, pullRequestId) => {
  const pr = await readAsApp(
    'merge_check_pull_request',
    route`/2.0/repositories/${workspace}/${repositoryUuid}/pullrequests/${pullRequestId}`,
  );
  const hash = field(pr, 'source', 'commit', 'hash');
  const targetBranch = field(pr, 'destination', 'branch', 'name');
  const sourceBranch = field(pr, 'source', 'branch', 'name');
  if (typeof hash !== 'string' || typeof targetBranch !== 'string' || targetBranch === '') return undefined;
  const head = { targetBranch, sourceBranch: typeof sourceBranch === 'string' ? sourceBranch : null };
  if (FULL_HASH.test(hash)) return { ...head, commit: hash };
  if (!SHORT_HASH.test(hash)) return undefined;
  const commit = field(
    await readAsApp('merge_check_commit', route`/2.0/repositories/${workspace}/${repositoryUuid}/commit/${hash}`),
    'hash',
  );
  // The expansion must be the same commit, not whatever a prefix lookup found.
  return typeof commit === 'string' && FULL_HASH.test(commit) && commit.startsWith(hash) ? { ...head, commit } : undefined;
};

import { readJson } from './repository-bitbucket';

export type PullRequestReader = {
  pullRequest(workspace: string, repositoryUuid: string, id: number): Promise<unknown>;
  commit(workspace: string, repositoryUuid: string, hash: string): Promise<unknown>;
};

export const forgePullRequestReader: PullRequestReader = {
  pullRequest: (workspace, repo, id) => readJson('pull_request', route`/2.0/repositories/${workspace}/${repo}/pullrequests/${id}`),
  commit: (workspace, repo, hash) => readJson('commit', route`/2.0/repositories/${workspace}/${repo}/commit/${hash}`),
};

const HASH = /^[0-9a-f]{7,40}$/i;

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export const sourceCommitOf = (pr: unknown): string | undefined => {
  const hash = obj(obj(obj(pr)?.source)?.commit)?.hash;
  return typeof hash === 'string' && HASH.test(hash) ? hash.toLowerCase() : undefined;
};

/** The full hash for a (short) one; the short one itself when Bitbucket would not say. */
export async function fullCommitHash(reader: PullRequestReader, workspace: string, repo: string, hash: string): Promise<string> {
  if (hash.length === 40) return hash;
  const full = obj(await reader.commit(workspace, repo, hash))?.hash;
  return typeof full === 'string' && /^[0-9a-f]{40}$/i.test(full) && full.toLowerCase().startsWith(hash) ? full.toLowerCase() : hash;
}
