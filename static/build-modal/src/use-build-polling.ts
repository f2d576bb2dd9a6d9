/**
 * Follows a build while the modal is open, on the schedule of poll-schedule.ts. It stops when the build
 * finishes or an error says asking again is pointless, and waits while the tab is hidden: nobody is
 * watching, and TeamCity need not answer for them.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { BuildResponse, BuildView } from '../../../src/shared/schemas';
import { BUILD_RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';
import { callResolver } from '../../shared/call-resolver';
import { delayAfterError, isPermanentPollError, POLL_INTERVAL_MS } from '../../shared/poll-schedule';

export function useBuildPolling(tokenId: string, initial: BuildView) {
  const [build, setBuild] = useState(initial);
  const [refreshError, setRefreshError] = useState<AppError | null>(null);
  const finished = build.state === 'finished';

  useEffect(() => {
    if (finished) return undefined;
    let stopped = false;
    let delay = POLL_INTERVAL_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waitingForVisible = false;
    const poll = async () => {
      if (document.hidden) {
        waitingForVisible = true;
        return;
      }
      const result = await callResolver<BuildResponse>(BUILD_RESOLVER_FUNCTIONS.getBuild, { tokenId, buildId: build.id });
      if (stopped) return;
      if (result.ok) {
        setBuild(result.data.build);
        setRefreshError(null);
        delay = POLL_INTERVAL_MS;
        if (result.data.build.state === 'finished') return;
      } else {
        setRefreshError(result.error);
        const next = delayAfterError(result.error, delay);
        if (next === null) return;
        delay = next;
      }
      timer = setTimeout(() => void poll(), delay);
    };
    const onVisibilityChange = () => {
      if (document.hidden || !waitingForVisible) return;
      // Back in view: catch up at once rather than after another interval.
      waitingForVisible = false;
      void poll();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    timer = setTimeout(() => void poll(), delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [tokenId, build.id, finished]);

  const stoppedBy = refreshError && isPermanentPollError(refreshError) ? refreshError : null;
  return { build, setBuild, refreshError, stoppedBy };
}
