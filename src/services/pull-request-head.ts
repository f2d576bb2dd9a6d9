/**
 * The pull request as Bitbucket has it now, read as the user: its source branch moves with every push, and its
 * head commit decides which TeamCity builds belong to it. Bitbucket gives a pull request's commit as a short hash;
 * TeamCity matches full hashes, so the commit is read once more for its full hash.
 */
import { route } from '@forge/api';
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
