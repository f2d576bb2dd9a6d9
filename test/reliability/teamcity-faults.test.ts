/**
 * The fault matrix: every way the simulator can misbehave, against every operation that talks to TeamCity.
 * Each cell must give the right typed error, leak no token, and leave storage exactly as it was (a success
 * may only refresh "Last authenticated", and a trigger may remember the user's choice).
 */
import { FAULTS, type SimFault } from '../../local/teamcity-simulator';
import type { Result } from '../../src/shared/result';
import type { TriggerBuildResponse } from '../../src/shared/schemas';
import {
  addedTokenId,
  call,
  prExtension,
  repoExtension,
  startTestHost,
  storageSnapshot,
  type TestHost,
  type Simulator,
} from '../security/support/host-calls';

const TIMEOUT_MS = 500;
const EXPECTED: Record<SimFault, string> = {
  slow: 'timeout',
  reset: 'unreachable',
  status500: 'server_error',
  status502: 'server_error',
  status503: 'server_error',
  'html-proxy': 'server_error',
  unauthorized: 'unauthorized',
  'token-expired': 'unauthorized',
  'login-redirect': 'unauthorized',
  'not-json': 'not_teamcity',
};
const OPERATIONS = ['validation', 'discovery', 'trigger', 'follow'] as const;
type Operation = (typeof OPERATIONS)[number];
const USER = 'faulty';

let host: TestHost;
let sim: Simulator;
let token: string;
let tokenId: string;
let buildId: number;
const previousTimeout = process.env.TEAMCITY_TIMEOUT_MS;

beforeAll(async () => {
  process.env.TEAMCITY_TIMEOUT_MS = String(TIMEOUT_MS);
  host = await startTestHost();
  sim = host.simulator;
  token = sim.createToken('admin', 'fault-matrix');
  tokenId = await addedTokenId(host, USER, sim.url, token);
  const queued = await call<TriggerBuildResponse>(
    host,
    USER,
    'triggerBuild',
    { tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main' },
    repoExtension(),
  );
  if (!queued.ok) throw new Error(`setup trigger failed: ${queued.error.code}`);
  buildId = queued.data.build.id;
});
afterAll(async () => {
  await host.close();
  if (previousTimeout === undefined) delete process.env.TEAMCITY_TIMEOUT_MS;
  else process.env.TEAMCITY_TIMEOUT_MS = previousTimeout;
});

const run = (op: Operation): Promise<Result<unknown>> => {
  switch (op) {
    case 'validation':
      return call(host, USER, 'addToken', { serverUrl: sim.url, token });
    case 'discovery':
      return call(host, USER, 'findBuildConfigurations', { tokenId, scope: 'repository' }, repoExtension());
    case 'trigger':
      return call(host, USER, 'triggerBuild', { tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/login' }, prExtension());
    case 'follow':
      return call(host, USER, 'getBuild', { tokenId, buildId }, repoExtension());
  }
};

/** Storage without what a success may legitimately change. */
const withoutRefreshes = () =>
  JSON.stringify(
    JSON.parse(storageSnapshot(host))
      .filter((e: { key: string }) => !e.key.endsWith(':status') && !e.key.startsWith('tc-build-pref:'))
      .map((e: { key: string; value: unknown }) => {
        // A successful validation replaces the token: same server, same id; only its dates and slot move.
        if (e.key.startsWith('tc-token:'))
          return { key: e.key, value: { ...(e.value as object), createdAt: '*', secretSlot: '*', teamcityTokenName: '*' } };
        if (e.key.startsWith('tc-secret:')) return { secret: e.value };
        return e;
      }),
  );

describe('TeamCity fault matrix', () => {
  it(`gives the right error for ${FAULTS.length} faults x ${OPERATIONS.length} operations and changes no stored data`, async () => {
    const rows: string[] = [];
    const problems: string[] = [];
    for (const fault of ['none' as const, ...FAULTS]) {
      const cells: string[] = [];
      for (const op of OPERATIONS) {
        const before = storageSnapshot(host);
        const beforeLoose = withoutRefreshes();
        const buildsBefore = sim.data.builds.all().length;
        if (fault !== 'none') sim.setFault(fault, fault === 'slow' ? { delayMs: TIMEOUT_MS * 4 } : {});
        const started = Date.now();
        const result = await run(op);
        const ms = Date.now() - started;
        sim.setFault(null);
        const got = result.ok ? 'ok' : result.error.code;
        const want = fault === 'none' ? 'ok' : EXPECTED[fault];
        const cell = `${op}=${got}`;
        if (got !== want) problems.push(`${fault} x ${op}: got ${got}, expected ${want}`);
        if (JSON.stringify(result).includes(token)) problems.push(`${fault} x ${op}: token in the response`);
        if (!result.ok && result.error.message.length < 20) problems.push(`${fault} x ${op}: message too vague`);
        if (ms > TIMEOUT_MS * 3) problems.push(`${fault} x ${op}: took ${ms} ms`);
        if (fault === 'none') {
          if (withoutRefreshes() !== beforeLoose) problems.push(`${fault} x ${op}: a success changed more than "Last authenticated"`);
        } else {
          if (storageSnapshot(host) !== before) problems.push(`${fault} x ${op}: changed stored data`);
          if (op === 'trigger' && fault !== 'slow' && sim.data.builds.all().length !== buildsBefore)
            problems.push(`${fault} x ${op}: a build was queued`);
        }
        cells.push(`${got === want ? ' ' : '!'}${cell}`.padEnd(28));
      }
      rows.push(`${fault.padEnd(15)}${cells.join('')}`);
    }
    console.log(
      `TeamCity fault matrix (${FAULTS.length} faults x ${OPERATIONS.length} operations + a success row; "!" = wrong):\n${rows.join('\n')}\n${problems.length} problems${problems.length ? `:\n  ${problems.join('\n  ')}` : ''}`,
    );
    expect(problems).toEqual([]);
  });
});
