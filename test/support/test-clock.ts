/**
 * A clock for tests. Stopped (the default), it stands still until the test moves it, so nothing a test checks
 * ("checked in the last hour", "expires in 3 days", "at most once a minute") can change at a minute boundary or
 * on a slow machine. Running, it goes at the machine's pace from its own start (for simulated builds that must
 * progress) and can still be stopped around a check. Pass `clock.now` to startLocalHost({ now }) (the app, its
 * storage and the simulator) and to any extra startTeamCitySimulator({ now }); browser pages get the same time
 * from startBrowserClock (test/browser/browser-helpers.ts).
 */
export type TestClock = {
  /** Epoch ms, for the `now` options. */
  now: () => number;
  date: (offsetMs?: number) => Date;
  iso: (offsetMs?: number) => string;
  advance: (ms: number) => void;
  stop: () => void;
  run: () => void;
};

/** A fixed weekday morning, far from midnight and from daylight-saving changes. */
export const TEST_EPOCH = Date.parse('2026-03-10T09:30:00.000Z');

export function createTestClock(options: { start?: number; running?: boolean } = {}): TestClock {
  let base = options.start ?? TEST_EPOCH;
  /** performance.now() when the clock last started running; null while stopped. */
  let runningSince: number | null = options.running ? performance.now() : null;
  const now = () => base + (runningSince === null ? 0 : Math.floor(performance.now() - runningSince));
  return {
    now,
    date: (offsetMs = 0) => new Date(now() + offsetMs),
    iso: (offsetMs = 0) => new Date(now() + offsetMs).toISOString(),
    advance: (ms) => {
      if (!(ms >= 0)) throw new Error(`A test clock only moves forward (asked for ${ms} ms).`);
      base += ms;
    },
    stop: () => {
      base = now();
      runningSince = null;
    },
    run: () => {
      if (runningSince === null) runningSince = performance.now();
    },
  };
}
