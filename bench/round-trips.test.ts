/** How round trips are counted: on timings written out by hand, and on the simulator's log of real requests. */
import { startTeamCitySimulator } from '../local/teamcity-simulator';
import { roundTrips } from './round-trips';

const at = (arrived: number, answeredAt: number) => ({ at: arrived, answeredAt });

describe('round trips of waiting', () => {
  it('counts requests that went out together as one, and each wait for an answer as one more', () => {
    expect(roundTrips([])).toBe(0);
    expect(roundTrips([at(0, 100), at(1, 90), at(2, 120)])).toBe(1);
    expect(roundTrips([at(0, 100), at(100, 200), at(200, 300)])).toBe(3);
    // Two together, then one that needed the first answer: two round trips, in whatever order they were logged.
    expect(roundTrips([at(0, 100), at(0, 300), at(150, 250)])).toBe(2);
    expect(roundTrips([at(150, 250), at(0, 100), at(0, 300)])).toBe(2);
  });

  it("reads the simulator's log: requests sent together are one round trip, one after another are one each", async () => {
    const sim = await startTeamCitySimulator();
    const get = (path: string) => fetch(`${sim.url}${path}`).then((r) => r.text());
    try {
      sim.setFault('slow', { delayMs: 60 });
      await Promise.all(['/app/rest/server', '/app/rest/users/current', '/app/rest/projects'].map(get));
      expect(sim.requests).toHaveLength(3);
      expect(sim.requests.every((r) => r.answeredAt! >= r.at + 50)).toBe(true);
      expect(roundTrips(sim.requests)).toBe(1);
      sim.clearRequests();
      for (const path of ['/app/rest/server', '/app/rest/users/current', '/app/rest/projects']) await get(path);
      expect(roundTrips(sim.requests)).toBe(3);
    } finally {
      await sim.close();
    }
  });
});
