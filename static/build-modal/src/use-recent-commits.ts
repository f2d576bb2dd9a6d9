/**
 * The chosen branch's newest commits for the commit picker: one resolver call (one Bitbucket request) once the
 * branch has settled, none while it is not a valid branch name. The answer is kept with the branch it is for, so a
 * slow answer for the previous branch never fills the list of the one chosen now.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { RecentCommitView } from '../../../src/shared/schemas';
import { api } from './api';
import { useDebouncedValue } from './use-debounced-value';

/** Choosing branches one after another with the keyboard should not read each one passed on the way. */
const BRANCH_SETTLE_MS = 300;

export type RecentCommitsState =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; commits: RecentCommitView[] };

export function useRecentCommits(branch: string | undefined): RecentCommitsState {
  const settled = useDebouncedValue(branch, BRANCH_SETTLE_MS);
  const [answer, setAnswer] = useState<{ branch: string; state: RecentCommitsState } | null>(null);

  useEffect(() => {
    if (settled === undefined) return;
    let wanted = true;
    void api.listRecentCommits({ branch: settled }).then((result) => {
      if (!wanted) return;
      setAnswer({
        branch: settled,
        state: result.ok ? { status: 'ready', commits: result.data.commits } : { status: 'error', error: result.error },
      });
    });
    return () => {
      wanted = false;
    };
  }, [settled]);

  if (branch === undefined) return { status: 'idle' };
  return answer?.branch === branch ? answer.state : { status: 'loading' };
}
