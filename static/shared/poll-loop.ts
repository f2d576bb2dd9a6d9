/**
 * The polling loop every live view shares: ask, wait, ask again, on poll-schedule.ts's schedule (backoff after a
 * failure, stop on a permanent one), and wait while the tab is hidden: nobody is watching, and TeamCity need not
 * answer for them. Returns the function that stops it.
 */
import type { AppError, Result } from '../../src/shared/result';
import { delayAfterError } from './poll-schedule';

export type PollLoop<T> = {
  intervalMs: number;
  request: () => Promise<Result<T>>;
  /** Return false to stop (the thing watched is done). */
  onData: (data: T) => boolean;
  onError: (error: AppError) => void;
};

export function startPollLoop<T>({ intervalMs, request, onData, onError }: PollLoop<T>): () => void {
  let stopped = false;
  let delay = intervalMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingForVisible = false;
  const poll = async () => {
    if (document.hidden) {
      waitingForVisible = true;
      return;
    }
    const result = await request();
    if (stopped) return;
    if (result.ok) {
      delay = intervalMs;
      if (!onData(result.data)) return;
    } else {
      onError(result.error);
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
}
