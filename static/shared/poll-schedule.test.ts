import type { AppError } from '../../src/shared/result';
import { delayAfterError, isPermanentPollError, POLL_INTERVAL_MS } from './poll-schedule';

const error = (code: AppError['code']): AppError => ({ code, message: 'TeamCity said no' });

describe('polling a build after an error', () => {
  it.each(['unauthorized', 'token_not_found', 'forbidden', 'not_found', 'server_not_allowed'] as const)('stops on %s', (code) => {
    expect(isPermanentPollError(error(code))).toBe(true);
    expect(delayAfterError(error(code), POLL_INTERVAL_MS)).toBeNull();
  });

  it.each(['server_error', 'timeout', 'unreachable', 'internal_error', 'storage_error'] as const)(
    'keeps trying after %s, backing off',
    (code) => {
      expect(isPermanentPollError(error(code))).toBe(false);
      expect(delayAfterError(error(code), POLL_INTERVAL_MS)).toBe(2 * POLL_INTERVAL_MS);
    },
  );

  it('backs off to half a minute at most', () => {
    let delay = POLL_INTERVAL_MS;
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      delay = delayAfterError(error('timeout'), delay)!;
      delays.push(delay);
    }
    expect(delays).toEqual([4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
