import { AFTER_TEAMCITY_MS, MIN_REQUEST_MS, MIN_WRITE_MS, PLATFORM_SHARE_MS, startDeadline } from './deadline';

/** A clock the test moves by hand. */
const clock = (start = 1_000_000) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

describe('Deadline', () => {
  it("gives TeamCity the configured timeout while there is time, and what is left of Forge's limit after that", () => {
    const c = clock();
    const d = startDeadline({ limitMs: 25_000, now: c.now });
    expect(d.remainingMs()).toBe(25_000 - PLATFORM_SHARE_MS);
    expect(d.teamcityTimeoutMs(10_000)).toBe(10_000);
    c.advance(15_000);
    expect(d.teamcityTimeoutMs(10_000)).toBe(25_000 - PLATFORM_SHARE_MS - AFTER_TEAMCITY_MS - 15_000);
    expect(d.allowsTeamCityRequest()).toBe(true);
    expect(d.allowsStorageWrite()).toBe(true);
  });

  it('stops TeamCity requests before storage writes, and writes before the limit', () => {
    const c = clock();
    const d = startDeadline({ limitMs: 25_000, now: c.now });
    c.advance(25_000 - PLATFORM_SHARE_MS - AFTER_TEAMCITY_MS - MIN_REQUEST_MS + 1);
    expect(d.allowsTeamCityRequest()).toBe(false);
    expect(d.allowsStorageWrite()).toBe(true);
    c.advance(AFTER_TEAMCITY_MS + MIN_REQUEST_MS - MIN_WRITE_MS);
    expect(d.allowsStorageWrite()).toBe(false);
    c.advance(60_000);
    expect(d.remainingMs()).toBe(0);
    expect(d.teamcityTimeoutMs(10_000)).toBe(0);
  });

  it('aborts a request through the bound fetch once TeamCity has no time left', async () => {
    const d = startDeadline({ limitMs: PLATFORM_SHARE_MS + AFTER_TEAMCITY_MS + 50 });
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    await expect(d.bindFetch(never)('https://tc.example.com/app/rest/server')).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
