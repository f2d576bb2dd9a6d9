/**
 * Follows a build while the modal is open: asks for it every two seconds until it finishes, and backs off
 * (up to half a minute) while the backend or TeamCity fails, so a broken server is not hammered.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../src/shared/result';
import type { BuildResponse, BuildView } from '../../../src/shared/schemas';
import { BUILD_RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';
import { callResolver } from '../../shared/call-resolver';

export const POLL_INTERVAL_MS = 2000;
export const MAX_POLL_INTERVAL_MS = 30000;

export function useBuildPolling(tokenId: string, initial: BuildView) {
  const [build, setBuild] = useState(initial);
  const [refreshError, setRefreshError] = useState<AppError | null>(null);
  const finished = build.state === 'finished';

  useEffect(() => {
    if (finished) return undefined;
    let stopped = false;
    let delay = POLL_INTERVAL_MS;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const result = await callResolver<BuildResponse>(BUILD_RESOLVER_FUNCTIONS.getBuild, { tokenId, buildId: build.id });
      if (stopped) return;
      if (result.ok) {
        setBuild(result.data.build);
        setRefreshError(null);
        delay = POLL_INTERVAL_MS;
        if (result.data.build.state === 'finished') return;
      } else {
        setRefreshError(result.error);
        delay = Math.min(delay * 2, MAX_POLL_INTERVAL_MS);
      }
      timer = setTimeout(() => void poll(), delay);
    };
    timer = setTimeout(() => void poll(), delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tokenId, build.id, finished]);

  return { build, setBuild, refreshError };
}
