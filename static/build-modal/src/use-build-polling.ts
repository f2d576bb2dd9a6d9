/**
 * Follows a build while the modal is open, on the shared polling loop (poll-loop.ts). It stops when the build
 * finishes or an error says asking again is pointless.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { BuildResponse, BuildView } from '../../../src/shared/schemas';
import { startPollLoop } from '../../shared/poll-loop';
import { isPermanentPollError, POLL_INTERVAL_MS } from '../../shared/poll-schedule';
import { api } from './api';

export function useBuildPolling(tokenId: string, initial: BuildView) {
  const [build, setBuild] = useState(initial);
  const [refreshError, setRefreshError] = useState<AppError | null>(null);
  const finished = build.state === 'finished';

  useEffect(() => {
    if (finished) return undefined;
    return startPollLoop<BuildResponse>({
      intervalMs: POLL_INTERVAL_MS,
      request: () => api.getBuild({ tokenId, buildId: build.id }),
      onData: (data) => {
        setBuild(data.build);
        setRefreshError(null);
        return data.build.state !== 'finished';
      },
      onError: setRefreshError,
    });
  }, [tokenId, build.id, finished]);

  const stoppedBy = refreshError && isPermanentPollError(refreshError) ? refreshError : null;
  return { build, setBuild, refreshError, stoppedBy };
}
