/**
 * One user can never list, use, replace or delete another user's TeamCity token, whatever the payload or
 * extension context claims. Runs every attack from every user against every other, through the real resolver,
 * storage and simulator, and checks the victims' stored entries byte for byte afterwards.
 */
import { startTeamCitySimulator } from '../../local/teamcity-simulator';
import type { Result } from '../../src/shared/result';
import type { GetBuildSetupResponse, TokenView } from '../../src/shared/schemas';
import {
  addedTokenId,
  call,
  listTokens,
  prExtension,
  repoExtension,
  startTestHost,
  userSnapshot,
  type TestHost,
  type Simulator,
} from './support/host-calls';

const USERS = ['alice', 'bob', 'carol', 'mallory'];

type Attack = { name: string; run: (attacker: string, victim: string) => Promise<Result<unknown>>; allowed: string[] };

let host: TestHost;
let sim: Simulator;
/** Each user's own TeamCity server, so each user's token id differs and only a leak could tell it to another. */
const servers = new Map<string, Simulator>();
const sharedIds = new Map<string, string>();
const ownIds = new Map<string, string>();
const tokenViews = new Map<string, TokenView[]>();

beforeAll(async () => {
  host = await startTestHost();
  sim = host.simulator;
  for (const user of USERS) {
    const own = await startTeamCitySimulator({ buildDurations: { queuedMs: 200, runningMs: 2000 } });
    servers.set(user, own);
    // Every user also stores a token for the shared server: same server, same (guessable) token id.
    sharedIds.set(user, await addedTokenId(host, user, sim.url, sim.createToken('admin', `isolation-${user}`)));
    ownIds.set(user, await addedTokenId(host, user, own.url, own.createToken('admin', `isolation-${user}-own`)));
    const triggered = await call(
      host,
      user,
      'triggerBuild',
      { tokenId: ownIds.get(user), buildTypeId: 'Acme_Webapp_Build', branchName: 'main' },
      repoExtension(),
    );
    expect(triggered.ok).toBe(true);
    tokenViews.set(user, await listTokens(host, user));
  }
});
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  await host.close();
});

const ownTokenId = (victim: string) => ownIds.get(victim)!;
const forgedExtension = (base: Record<string, unknown>, victim: string) => ({
  ...base,
  accountId: host.accountIdFor(victim),
  principal: { accountId: host.accountIdFor(victim) },
  context: { accountId: host.accountIdFor(victim) },
  user: { accountId: host.accountIdFor(victim) },
});
const KEY_TRICKS = ['*', '%', '%25', '..', '../..', ':', 'tc-token:', 'tc-secret:*', '712020:*', '\u0000', '*:auth'];

const ATTACKS: Attack[] = [
  {
    name: 'delete by the shared token id (removes only the own one)',
    run: (a, v) => call(host, a, 'deleteToken', { id: sharedIds.get(v) }),
    allowed: ['ok', 'token_not_found'],
  },
  {
    name: "delete the victim's own-server token",
    run: (a, v) => call(host, a, 'deleteToken', { id: ownTokenId(v) }),
    allowed: ['token_not_found'],
  },
  {
    name: 'delete with a forged accountId in the payload',
    run: (a, v) => call(host, a, 'deleteToken', { id: ownTokenId(v), accountId: host.accountIdFor(v) }),
    allowed: ['invalid_input'],
  },
  {
    name: 'delete with a forged accountId in the extension',
    run: (a, v) => call(host, a, 'deleteToken', { id: ownTokenId(v) }, forgedExtension(repoExtension(), v)),
    allowed: ['token_not_found'],
  },
  {
    name: 'list with a forged accountId in the payload',
    run: (a, v) => call(host, a, 'listTokens', { accountId: host.accountIdFor(v) }),
    allowed: ['invalid_input'],
  },
  {
    name: 'list with a forged extension',
    run: (a, v) => call(host, a, 'listTokens', {}, forgedExtension(repoExtension(), v)),
    allowed: ['ok'],
  },
  {
    name: 'setup with a forged extension',
    run: (a, v) => call(host, a, 'getBuildSetup', {}, forgedExtension(prExtension(), v)),
    allowed: ['ok'],
  },
  {
    name: "trigger with the victim's token id",
    run: (a, v) =>
      call(host, a, 'triggerBuild', { tokenId: ownTokenId(v), buildTypeId: 'Acme_Webapp_Build', branchName: 'main' }, repoExtension()),
    allowed: ['token_not_found'],
  },
  {
    name: 'trigger with a forged extension',
    run: (a, v) =>
      call(
        host,
        a,
        'triggerBuild',
        { tokenId: ownTokenId(v), buildTypeId: 'Acme_Webapp_Build', branchName: 'main' },
        forgedExtension(prExtension(), v),
      ),
    allowed: ['token_not_found'],
  },
  {
    name: "follow a build with the victim's token id",
    run: (a, v) => call(host, a, 'getBuild', { tokenId: ownTokenId(v), buildId: 1 }, repoExtension()),
    allowed: ['token_not_found'],
  },
  {
    name: "cancel a build with the victim's token id",
    run: (a, v) => call(host, a, 'cancelBuild', { tokenId: ownTokenId(v), buildId: 1 }, repoExtension()),
    allowed: ['token_not_found'],
  },
  {
    name: "list builds with the victim's token id",
    run: (a, v) => call(host, a, 'listRecentBuilds', { tokenId: ownTokenId(v), buildTypeId: 'Acme_Webapp_Build' }, repoExtension()),
    allowed: ['token_not_found'],
  },
  {
    name: "discover with the victim's token id",
    run: (a, v) => call(host, a, 'findBuildConfigurations', { tokenId: ownTokenId(v), scope: 'all' }, repoExtension()),
    allowed: ['token_not_found'],
  },
  {
    name: 'token id with a forged accountId field',
    run: (a, v) => call(host, a, 'getBuild', { tokenId: ownTokenId(v), buildId: 1, accountId: host.accountIdFor(v) }, repoExtension()),
    allowed: ['invalid_input'],
  },
  {
    name: 'token id prefixed with the victim key',
    run: (a, v) => call(host, a, 'deleteToken', { id: `${host.accountIdFor(v)}:${ownTokenId(v)}` }),
    allowed: ['invalid_input'],
  },
  {
    name: 'token id prefix (31 chars)',
    run: (a, v) => call(host, a, 'deleteToken', { id: ownTokenId(v).slice(0, 31) }),
    allowed: ['invalid_input'],
  },
  ...KEY_TRICKS.map((trick) => ({
    name: `key-like token id ${JSON.stringify(trick)}`,
    run: async (a: string, v: string) => {
      const tries = [`${trick}${ownTokenId(v)}`, `${ownTokenId(v)}${trick}`, trick];
      const results = await Promise.all(tries.map((id) => call(host, a, 'deleteToken', { id })));
      return results.find((r) => r.ok || r.error.code !== 'invalid_input') ?? results[0]!;
    },
    allowed: ['invalid_input'],
  })),
];

/** Adding a token for the victim's server with the attacker's own TeamCity token: allowed, but only for the attacker. */
const ADD_ATTACKS: Attack[] = [
  {
    name: "add a token for the victim's server",
    run: (a, v) =>
      call(host, a, 'addToken', {
        serverUrl: servers.get(v)!.url,
        token: servers.get(v)!.createToken('developer', `attack-${a}-${Math.random()}`),
      }),
    allowed: ['ok'],
  },
  {
    name: 'add with a key-like server path',
    run: (a, v) =>
      call(host, a, 'addToken', {
        serverUrl: `${servers.get(v)!.url}/${v}/..%2F*:${ownTokenId(v)}`,
        token: servers.get(v)!.createToken('developer', `attack2-${a}-${Math.random()}`),
      }),
    allowed: ['not_found', 'not_teamcity', 'invalid_input'],
  },
];

describe('isolation between users', () => {
  it("no attack by any user changes, reveals or uses another user's token", async () => {
    const outcomes: string[] = [];
    let tried = 0;
    for (const attacker of USERS) {
      for (const victim of USERS.filter((u) => u !== attacker)) {
        const victimBefore = userSnapshot(host, victim);
        const othersBefore = USERS.filter((u) => u !== attacker).map((u) => userSnapshot(host, u));
        const victimServer = servers.get(victim)!;
        victimServer.clearRequests();
        for (const attack of ATTACKS) {
          tried++;
          const result = await attack.run(attacker, victim);
          const outcome = result.ok ? 'ok' : result.error.code;
          if (!attack.allowed.includes(outcome)) outcomes.push(`${attacker}→${victim} "${attack.name}": ${outcome}`);
          if (JSON.stringify(result).includes(ownTokenId(victim)))
            outcomes.push(`${attacker}→${victim} "${attack.name}" revealed the victim's token id`);
        }
        // Nobody used the victim's token: its TeamCity server heard nothing at all.
        expect(victimServer.requests).toEqual([]);
        expect(userSnapshot(host, victim)).toBe(victimBefore);
        expect((await listTokens(host, attacker)).map((t) => t.id)).not.toContain(ownTokenId(victim));

        for (const attack of ADD_ATTACKS) {
          tried++;
          const result = await attack.run(attacker, victim);
          const outcome = result.ok ? 'ok' : result.error.code;
          if (!attack.allowed.includes(outcome)) outcomes.push(`${attacker}→${victim} "${attack.name}": ${outcome}`);
        }
        // The attacker's copy is the attacker's alone; removing it again leaves the victim as it was.
        expect(
          victimServer.requests.every(
            (r) =>
              r.path.startsWith('/app/rest/server') || r.path.startsWith('/app/rest/users/current') || r.path.startsWith(`/${victim}/`),
          ),
        ).toBe(true);
        expect(await call(host, attacker, 'deleteToken', { id: ownTokenId(victim) })).toEqual({ ok: true, data: { deleted: true } });
        expect(userSnapshot(host, victim)).toBe(victimBefore);
        expect(USERS.filter((u) => u !== attacker).map((u) => userSnapshot(host, u))).toEqual(othersBefore);
      }
    }
    for (const user of USERS) {
      const setup = (await call<GetBuildSetupResponse>(host, user, 'getBuildSetup', {}, repoExtension())) as Result<GetBuildSetupResponse>;
      expect(setup.ok && setup.data.servers.every((s) => tokenViews.get(user)!.some((t) => t.id === s.id))).toBe(true);
    }
    console.log(
      `isolation: tried ${tried} attacks (${ATTACKS.length + ADD_ATTACKS.length} kinds) across ${USERS.length} users; ${tried - outcomes.length} handled correctly; problems: ${outcomes.length ? outcomes.join('; ') : 'none'}`,
    );
    expect(outcomes).toEqual([]);
  });

  it('ignores an accountId or context the browser puts in a bridge call', async () => {
    const victimBefore = userSnapshot(host, 'alice');
    const cookie = 'forge_local_user=mallory';
    const response = await fetch(`${host.url}/__forge/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forge-bridge': '1', cookie },
      body: JSON.stringify({
        frame: { module: 'teamcity-personal-settings', workspace: 'acme' },
        functionKey: 'deleteToken',
        payload: { id: ownTokenId('alice') },
        accountId: host.accountIdFor('alice'),
        context: { accountId: host.accountIdFor('alice') },
        principal: { accountId: host.accountIdFor('alice') },
      }),
    });
    const body = (await response.json()) as { result: Result<unknown> };
    expect(body.result).toMatchObject({ ok: false, error: { code: 'token_not_found' } });
    expect(userSnapshot(host, 'alice')).toBe(victimBefore);
    console.log('isolation (bridge): forged accountId/context/principal in the body ignored; victim unchanged');
  });
});
