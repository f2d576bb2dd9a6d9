/**
 * Refreshes the queued and running builds of one server while any are shown: all of them in one request, on the
 * shared polling loop (a modest interval, backoff after failures, stopped on permanent ones, paused while the tab
 * is hidden). Tests drive it with the page's fake clock rather than by waiting.
 */
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { PollBuildResultsResponse, ResultBuildView } from '../../../src/shared/schemas';
import { startPollLoop } from '../../shared/poll-loop';
import { RESULTS_POLL_MS } from './results-poll-interval';
import { api } from './api';

export function useResultsPolling(tokenId: string, buildIds: number[], onBuilds: (builds: ResultBuildView[]) => void) {
  const [error, setError] = useState<AppError | null>(null);
  const key = [...buildIds].sort((a, b) => a - b).join(',');
  const onBuildsRef = useRef(onBuilds);
  useEffect(() => {
    onBuildsRef.current = onBuilds;
  });

  useEffect(() => {
    if (key === '') return undefined;
    const ids = key.split(',').map(Number);
    return startPollLoop<PollBuildResultsResponse>({
      intervalMs: RESULTS_POLL_MS,
      request: () => api.pollBuildResults({ tokenId, buildIds: ids }),
      onData: (data) => {
        setError(null);
        onBuildsRef.current(data.builds);
        // The id list changes when a build finishes, which starts a new loop for the ones left.
        return true;
      },
      onError: setError,
    });
  }, [tokenId, key]);
  return error;
}
