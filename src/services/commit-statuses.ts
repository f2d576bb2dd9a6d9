/**
 * The build statuses Bitbucket holds for one commit (GET /2.0/repositories/{workspace}/{repo}/commit/{hash}/statuses,
 * read as the app; scope read:repository:bitbucket). TeamCity's Commit Status Publisher reports each build
 * configuration under its own key; the merge check's "use Bitbucket build statuses" mode reads those instead of
 * asking TeamCity. One page of up to 100 statuses: far more than one commit collects.
 */
import api, { route } from '@forge/api';
import { logEvent } from '../logging/log';

export type CommitStatus = { key: string; state: 'SUCCESSFUL' | 'FAILED' | 'INPROGRESS' | 'STOPPED'; name: string };

export type CommitStatusReader = (workspace: string, repositoryUuid: string, commit: string) => Promise<CommitStatus[] | undefined>;

const STATES = new Set(['SUCCESSFUL', 'FAILED', 'INPROGRESS', 'STOPPED']);
const PAGE = 100;

export const bitbucketCommitStatuses: CommitStatusReader = async (workspace, repositoryUuid, commit) => {
  try {
    const response = await api
      .asApp()
      .requestBitbucket(route`/2.0/repositories/${workspace}/${repositoryUuid}/commit/${commit}/statuses?pagelen=${PAGE}`, {
        headers: { Accept: 'application/json' },
      });
    if (!response.ok) {
      logEvent('bitbucket_read_failed', { what: 'commit_statuses', status: response.status });
      return undefined;
    }
    const body = (await response.json()) as { values?: Array<{ key?: unknown; state?: unknown; name?: unknown }> };
    return (body.values ?? [])
      .filter((v) => typeof v.key === 'string' && typeof v.state === 'string' && STATES.has(v.state))
      .map((v) => ({ key: v.key as string, state: v.state as CommitStatus['state'], name: typeof v.name === 'string' ? v.name : '' }));
  } catch (error) {
    logEvent('bitbucket_read_failed', { what: 'commit_statuses', error: error instanceof Error ? error.name : typeof error });
    return undefined;
  }
};
