/**
 * Refreshes the queued and running builds of one server while any are shown: all of them in one request, on the
 * build modal's schedule (poll-schedule.ts: a modest interval, backoff after failures, stop on permanent ones),
 * waiting while the tab is hidden. `now` and the timer are injectable so tests need not sleep.
 */
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { PollBuildResultsResponse, ResultBuildView } from '../../../src/shared/schemas';
import { BUILD_RESULTS_RESOLVER_FUNCTIONS } from '../../../src/shared/resolver-functions';
import { callResolver } from '../../shared/call-resolver';
import { delayAfterError } from '../../shared/poll-schedule';
import { RESULTS_POLL_MS } from './results-poll-interval';

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
    let stopped = false;
    let delay = RESULTS_POLL_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waiting = false;
    const poll = async () => {
      if (document.hidden) {
        waiting = true;
        return;
      }
      const result = await callResolver<PollBuildResultsResponse>(BUILD_RESULTS_RESOLVER_FUNCTIONS.pollBuildResults, {
        tokenId,
        buildIds: ids,
      });
      if (stopped) return;
      if (result.ok) {
        setError(null);
        delay = RESULTS_POLL_MS;
        onBuildsRef.current(result.data.builds);
      } else {
        setError(result.error);
        const next = delayAfterError(result.error, delay);
        if (next === null) return;
        delay = next;
      }
      timer = setTimeout(() => void poll(), delay);
    };
    const onVisible = () => {
      if (document.hidden || !waiting) return;
      waiting = false;
      void poll();
    };
    document.addEventListener('visibilitychange', onVisible);
    timer = setTimeout(() => void poll(), delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [tokenId, key]);
  return error;
}
