/**
 * One user in "two tabs": adding, replacing and deleting the token for the same server at the same time. The
 * second (and third) request starts at every point of the first one's storage sequence, so each interleaving
 * of their storage calls is tried once. Afterwards storage must be consistent: one token per server, every
 * listed token has its secret (of the TeamCity user it names) and every secret has its token.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Result } from '../../src/shared/result';
import { addToken, call, entriesOf, listTokens, startTestHost, type TestHost, type Simulator } from '../security/support/host-calls';
import { describeOperation, onOperation } from '../security/support/operation-hook';
import { captureOutput } from '../security/support/output-capture';
import { tokenStorageViolations } from '../security/support/storage-invariants';

type Tab = { tag: string; run: (user: string) => Promise<Result<unknown>> };
type Scenario = { name: string; before: 'nothing' | 'token'; tabs: Tab[] };

let host: TestHost;
let sim: Simulator;
let tokenId = '';
const owners = new Map<string, string>();
const tabOf = new AsyncLocalStorage<string>();

beforeAll(async () => {
  // 120 rounds of interleaved adds, replaces and deletes in a few seconds go past Forge's per-installation KVS
  // rates (1000 requests a second) on a fast machine; this suite is about interleavings, not quotas.
  host = await startTestHost(undefined, { kvsRateLimits: false });
  sim = host.simulator;
});
afterAll(() => host.close());

const tokenOf = (teamcityUser: string) => {
  const value = sim.createToken(teamcityUser, `tabs-${owners.size}`);
  owners.set(value, teamcityUser);
  return value;
};
const add = (teamcityUser: string) => (user: string) => addToken(host, user, sim.url, tokenOf(teamcityUser));
const remove = (user: string) => call(host, user, 'deleteToken', { id: tokenId });

const SCENARIOS: Scenario[] = [
  {
    name: 'replace | delete',
    before: 'token',
    tabs: [
      { tag: 'R', run: add('developer') },
      { tag: 'D', run: remove },
    ],
  },
  {
    name: 'delete | replace',
    before: 'token',
    tabs: [
      { tag: 'D', run: remove },
      { tag: 'R', run: add('developer') },
    ],
  },
  {
    name: 'add | delete',
    before: 'nothing',
    tabs: [
      { tag: 'A', run: add('admin') },
      { tag: 'D', run: remove },
    ],
  },
  {
    name: 'add | add',
    before: 'nothing',
    tabs: [
      { tag: 'A', run: add('admin') },
      { tag: 'B', run: add('developer') },
    ],
  },
  {
    name: 'replace | replace',
    before: 'token',
    tabs: [
      { tag: 'R', run: add('developer') },
      { tag: 'S', run: add('viewer') },
    ],
  },
  {
    name: 'replace | replace | replace',
    before: 'token',
    tabs: [
      { tag: 'R', run: add('developer') },
      { tag: 'S', run: add('viewer') },
      { tag: 'T', run: add('admin') },
    ],
  },
];
/** Storage calls of one add or delete, plus slack so the later tab also starts after the first one is done. */
const START_POINTS = 9;

let round = 0;
type Sweep = 'after-calls' | 'delay-ms';

/**
 * after-calls: tab i (i >= 1) starts once `offset * i` storage calls have been made.
 * delay-ms: all tabs start at once; the first TeamCity user check to arrive is held back `offset` ms.
 */
async function runRound(scenario: Scenario, sweep: Sweep, offset: number) {
  const user = `tabs-${round++}`;
  if (scenario.before === 'token') {
    const first = await addToken(host, user, sim.url, tokenOf('admin'));
    if (!first.ok) throw new Error('setup add failed');
    tokenId = first.data.token.id;
  }
  const trace: string[] = [];
  const pending: Array<Promise<Result<unknown>>> = [];
  const start = (tab: Tab) => pending.push(tabOf.run(tab.tag, () => tab.run(user)));
  let next = sweep === 'delay-ms' ? scenario.tabs.length : 1;
  if (sweep === 'delay-ms') sim.setFault('slow', { path: '/app/rest/users/current', times: 1, delayMs: offset });
  const stop = onOperation(host, (op) => {
    trace.push(`${tabOf.getStore() ?? '?'}:${describeOperation(op)}`);
    while (next < scenario.tabs.length && trace.length >= offset * next) start(scenario.tabs[next++]!);
  });
  try {
    if (sweep === 'delay-ms') scenario.tabs.forEach(start);
    else start(scenario.tabs[0]!);
    while (next < scenario.tabs.length && offset * next === 0) start(scenario.tabs[next++]!);
    await Promise.all(pending);
    // A tab not started yet (the first one made fewer calls than the offset) runs after it.
    while (next < scenario.tabs.length) await tabOf.run(scenario.tabs[next]!.tag, () => scenario.tabs[next++]!.run(user));
    const results = await Promise.all(pending);
    return { user, trace, results };
  } finally {
    stop();
    sim.setFault(null);
  }
}

describe('two tabs of one user', () => {
  it('ends consistent whatever the interleaving of add, replace and delete', async () => {
    if (!tokenId)
      tokenId = ((await addToken(host, 'tabs-id', sim.url, tokenOf('admin'))) as { data: { token: { id: string } } }).data.token.id;
    const findings: string[] = [];
    let rounds = 0;
    // The resolvers log one line per call; hundreds of them would bury the summary.
    const output = captureOutput({ passThrough: false });
    try {
      for (const scenario of SCENARIOS) {
        for (const sweep of ['after-calls', 'delay-ms'] as const)
          for (let offset = 0; offset <= START_POINTS; offset++) {
            rounds++;
            const { user, trace, results } = await runRound(scenario, sweep, offset);
            const problems = tokenStorageViolations(entriesOf(host, user), (secret) => owners.get(secret));
            for (const t of await listTokens(host, user)) {
              const used = await call(host, user, 'findBuildConfigurations', { tokenId: t.id, scope: 'all' });
              if (!used.ok) problems.push(`listed token cannot be used: ${used.error.code}`);
            }
            const outcomes = results.map((r, i) => `${scenario.tabs[i]!.tag}=${r.ok ? 'ok' : r.error.code}`).join(' ');
            // A delete may find nothing to delete, and a save that a delete overtook says so ('conflict'); any other
            // failure, or a conflict without a delete in the round, is unexpected.
            const allowed = scenario.tabs.some((t) => t.run === remove) ? ['token_not_found', 'conflict'] : ['token_not_found'];
            if (results.some((r) => !r.ok && !allowed.includes(r.error.code))) problems.push(`unexpected outcome ${outcomes}`);
            if (problems.length > 0)
              findings.push(
                `${scenario.name}, ${sweep} ${offset} -> ${outcomes}\n    ${problems.join('\n    ')}\n    interleaving: ${trace.join(' | ')}`,
              );
          }
      }
    } finally {
      output.stop();
    }
    console.log(
      `concurrency: ${rounds} rounds (${SCENARIOS.length} scenarios x 2 sweeps x ${START_POINTS + 1} start points); ${rounds - findings.length} consistent, ${findings.length} inconsistent${findings.length ? `:\n  ${findings.join('\n  ')}` : ''}`,
    );
    expect(findings).toEqual([]);
  });
});
